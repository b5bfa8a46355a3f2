/* sk-tool.h — what every tool's widget is: built on a context, for the
 * caseworker's view or the child's, showing one conversation */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-child.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_TOOL (sk_tool_get_type ())
G_DECLARE_DERIVABLE_TYPE (SkTool, sk_tool, SK, TOOL, GtkWidget)

struct _SkToolClass
{
  GtkWidgetClass parent_class;

  /* The conversation to show changed (to %NULL too: nothing is left of
   * the last one); "conversation" is already the new one. */
  void (*conversation_changed) (SkTool     *self);
  /* The child's way of talking changed ("way" is already the new one). */
  void (*way_changed)          (SkTool     *self);
  /* Shows one of the tool's parts, for a way in such as "Prepare". */
  void (*show_part)            (SkTool     *self,
                                const char *part);
};

SkContext      *sk_tool_get_context      (SkTool         *self);
gboolean        sk_tool_get_caseworker   (SkTool         *self);
SkConversation *sk_tool_get_conversation (SkTool         *self);
void            sk_tool_set_conversation (SkTool         *self,
                                          SkConversation *conversation);
SkStore        *sk_tool_get_store        (SkTool         *self);
/* How the conversation's child talks with us (SkWay): set by the shelf. */
SkWay           sk_tool_get_way          (SkTool         *self);
void            sk_tool_set_way          (SkTool         *self,
                                          SkWay           way);
void            sk_tool_show_part        (SkTool         *self,
                                          const char     *part);
/* In picture mode, says @text aloud (what the child just touched). */
void            sk_tool_say              (SkTool         *self,
                                          const char     *text);
/* Tells the person about @error, from any widget inside a tool (a popover
 * of a tool's too). */
void            sk_tool_report           (GtkWidget      *from,
                                          const GError   *error);

G_END_DECLS
