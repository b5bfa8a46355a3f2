/* sk-houses-tool.h — the Three Houses: one large house to draw and tell
 * in, or the three side by side; last time's beside today's */
#pragma once

#include "sk-tool.h"
#include "sk-houses.h"

G_BEGIN_DECLS

#define SK_TYPE_HOUSES_TOOL (sk_houses_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkHousesTool, sk_houses_tool, SK, HOUSES_TOOL, SkTool)

/* For the tests and the benchmark: what is shown. */
SkHouses  *sk_houses_tool_get_houses (SkHousesTool *self);
GtkWidget *sk_houses_tool_get_canvas (SkHousesTool *self);

G_END_DECLS
