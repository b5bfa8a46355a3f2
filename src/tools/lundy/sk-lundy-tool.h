/* sk-lundy-tool.h — the Lundy steps: prepare, hold, evaluate */
#pragma once

#include <adwaita.h>

#include "sk-lundy.h"
#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_LUNDY_TOOL (sk_lundy_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkLundyTool, sk_lundy_tool, SK, LUNDY_TOOL, SkTool)

/* The pages of the tool. */
#define SK_LUNDY_PAGE_BEFORE "before"
#define SK_LUNDY_PAGE_WITH_CHILD "with-child"
#define SK_LUNDY_PAGE_AFTER "after"

void        sk_lundy_tool_show_page        (SkLundyTool    *self,
                                            const char     *page);
const char *sk_lundy_tool_get_page         (SkLundyTool    *self);
GListModel *sk_lundy_tool_get_answers      (SkLundyTool    *self);

G_END_DECLS
