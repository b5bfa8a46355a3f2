/* sk-conversation.h — one conversation with a child */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_CONVERSATION (sk_conversation_get_type ())
G_DECLARE_FINAL_TYPE (SkConversation, sk_conversation, SK, CONVERSATION, SkRecord)

SkConversation *sk_conversation_new            (gint64 child_id,
                                                gint64 started_at);
gint64          sk_conversation_get_child_id   (SkConversation *self);
gint64          sk_conversation_get_started_at (SkConversation *self);
GDateTime      *sk_conversation_dup_local_time (SkConversation *self);
const char     *sk_conversation_get_text       (SkConversation *self,
                                                const char     *property);

/* The same child's latest conversation before @self (not in the trash),
 * or NULL and no error when there is none.  @condition, when not NULL, is
 * an SQL condition the earlier conversation must meet, on "c". */
SkConversation *sk_conversation_previous       (SkConversation *self,
                                                SkStore        *store,
                                                const char     *condition,
                                                GError        **error);

G_END_DECLS
