/* sk-last-time.h — last time's agreements and next steps, and what
 * happened with what the child said */
#pragma once

#include <gtk/gtk.h>

#include "sk-conversation.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_LAST_TIME (sk_last_time_get_type ())
G_DECLARE_FINAL_TYPE (SkLastTime, sk_last_time, SK, LAST_TIME, GtkWidget)

GtkWidget      *sk_last_time_new              (void);
/* Shows itself only when the child had a conversation before. */
void            sk_last_time_set_conversation (SkLastTime     *self,
                                               SkStore        *store,
                                               SkConversation *conversation);
SkConversation *sk_last_time_get_previous     (SkLastTime     *self);

G_END_DECLS
