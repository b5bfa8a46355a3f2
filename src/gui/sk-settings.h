/* sk-settings.h — the program's GSettings */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *sk_settings_new (void);

G_END_DECLS
