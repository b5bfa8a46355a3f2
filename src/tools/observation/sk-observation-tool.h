/* sk-observation-tool.h — observing a baby, in the caseworker's view: the
 * context, moments, what to look for and the after-reflection */
#pragma once

#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_OBSERVATION_TOOL (sk_observation_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkObservationTool, sk_observation_tool, SK, OBSERVATION_TOOL, SkTool)

G_END_DECLS
