/* sk-handover-ui.h — "Hand Over This Child…" and "Receive a Child…" */
#pragma once

#include "sk-window.h"

G_BEGIN_DECLS

void sk_window_hand_over      (SkWindow *self);
void sk_window_receive_child  (SkWindow *self);
/* The received file, typed passphrase: for the dialog, and its test. */
void sk_window_receive_file   (SkWindow   *self,
                               const char *file,
                               const char *passphrase);

G_END_DECLS
