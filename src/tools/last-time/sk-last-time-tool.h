/* sk-last-time-tool.h — last time's agreements and next steps, and what
 * happened with what the child said; shown only when the child had a
 * conversation before */
#pragma once

#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_LAST_TIME_TOOL (sk_last_time_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkLastTimeTool, sk_last_time_tool, SK, LAST_TIME_TOOL, SkTool)

SkConversation *sk_last_time_tool_get_previous (SkLastTimeTool *self);

G_END_DECLS
