/* sk-tool-shelf.h — the tools of one view, from the registry */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"
#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_TOOL_SHELF (sk_tool_shelf_get_type ())
G_DECLARE_FINAL_TYPE (SkToolShelf, sk_tool_shelf, SK, TOOL_SHELF, GtkWidget)

GtkWidget *sk_tool_shelf_new              (SkContext      *context,
                                           gboolean        caseworker);
void       sk_tool_shelf_set_conversation (SkToolShelf    *self,
                                           SkConversation *conversation);
SkTool    *sk_tool_shelf_find             (SkToolShelf    *self,
                                           const char     *id);
gboolean   sk_tool_shelf_show             (SkToolShelf    *self,
                                           const char     *id,
                                           const char     *part);

G_END_DECLS
