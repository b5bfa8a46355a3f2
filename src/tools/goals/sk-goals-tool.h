/* sk-goals-tool.h — "My Goals": the child's goals for the plan, followed
 * up at every conversation */
#pragma once

#include "sk-tool.h"
#include "sk-goals.h"

G_BEGIN_DECLS

#define SK_TYPE_GOALS_TOOL (sk_goals_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkGoalsTool, sk_goals_tool, SK, GOALS_TOOL, SkTool)

/* For the tests: what is shown. */
SkGoals *sk_goals_tool_get_goals (SkGoalsTool *self);

G_END_DECLS
