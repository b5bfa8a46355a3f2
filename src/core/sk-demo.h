/* sk-demo.h — an invented child to show every screen with */
#pragma once

#include "sk-store.h"

G_BEGIN_DECLS

gboolean sk_demo_fill (SkStore  *store,
                       GError  **error);

G_END_DECLS
