/* sk-child-view.h — the screen the child sees: one name, big words, the tools */
#pragma once

#include <adwaita.h>

#include "sk-child.h"
#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD_VIEW (sk_child_view_get_type ())
G_DECLARE_FINAL_TYPE (SkChildView, sk_child_view, SK, CHILD_VIEW, GtkWidget)

GtkWidget *sk_child_view_new              (SkContext      *context);
void       sk_child_view_set_conversation (SkChildView    *self,
                                           SkChild        *child,
                                           SkConversation *conversation);
void       sk_child_view_show_summary     (SkChildView    *self);
void       sk_child_view_show_tools       (SkChildView    *self);
void       sk_child_view_focus_start      (SkChildView    *self);
gboolean   sk_child_view_finish           (SkChildView    *self,
                                           GError        **error);

G_END_DECLS
