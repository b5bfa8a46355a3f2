/* sk-settings.h — the program's GSettings */
#pragma once

#include <gio/gio.h>

#include "sk-summary.h"

G_BEGIN_DECLS

GSettings *sk_settings_new (void);

/* Who the parents can call, as set in Preferences: fills @sender, whose
 * strings live in the returned array. */
GStrv      sk_settings_read_sender (GSettings       *settings,
                                    SkSummarySender *sender);

G_END_DECLS
