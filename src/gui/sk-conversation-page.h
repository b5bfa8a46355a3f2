/* sk-conversation-page.h — every field of one conversation, for the caseworker */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_CONVERSATION_PAGE (sk_conversation_page_get_type ())
G_DECLARE_FINAL_TYPE (SkConversationPage, sk_conversation_page, SK, CONVERSATION_PAGE, GtkWidget)

GtkWidget      *sk_conversation_page_new              (SkContext          *context);
void            sk_conversation_page_set_conversation (SkConversationPage *self,
                                                       SkConversation     *conversation);
void            sk_conversation_page_focus_first      (SkConversationPage *self);
void            sk_conversation_page_show_tool        (SkConversationPage *self,
                                                       const char         *id,
                                                       const char         *part);

G_END_DECLS
