/* sk-backup-ui.h — backups from the window: every day, on request, and
 * the dialog that restores one */
#pragma once

#include "sk-window.h"

G_BEGIN_DECLS

void sk_window_schedule_backups (SkWindow *self);
void sk_window_back_up          (SkWindow *self,
                                 gboolean  asked);
void sk_window_present_restore  (SkWindow *self);

G_END_DECLS
