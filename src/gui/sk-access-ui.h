/* sk-access-ui.h — "Everything About This Child…": the access request's PDF */
#pragma once

#include "sk-window.h"

G_BEGIN_DECLS

void sk_window_export_everything (SkWindow *self);

G_END_DECLS
