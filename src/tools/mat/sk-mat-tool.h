/* sk-mat-tool.h — the picture mat: the child sorts today's picture cards
 * into good, not sure and not good */
#pragma once

#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_MAT_TOOL (sk_mat_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkMatTool, sk_mat_tool, SK, MAT_TOOL, SkTool)

/* The conversation's cards (SkMatCard), as the tool shows them. */
GListModel *sk_mat_tool_get_cards (SkMatTool *self);

G_END_DECLS
