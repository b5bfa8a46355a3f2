/* sk-evaluation-tool.h — "How was it?": the child's four faces and words
 * at the end of the meeting; for the caseworker also the child's row over
 * time and the overview across children */
#pragma once

#include "sk-tool.h"
#include "sk-evaluation.h"

G_BEGIN_DECLS

#define SK_TYPE_EVALUATION_TOOL (sk_evaluation_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkEvaluationTool, sk_evaluation_tool, SK, EVALUATION_TOOL, SkTool)

/* For the tests: what is shown. */
SkEvaluation *sk_evaluation_tool_get_evaluation (SkEvaluationTool *self);

G_END_DECLS
