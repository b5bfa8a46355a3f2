/* sk-emotion-tool.h — "How I feel": the emotion scale for every topic */
#pragma once

#include <adwaita.h>

#include "sk-conversation.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_EMOTION_TOOL (sk_emotion_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkEmotionTool, sk_emotion_tool, SK, EMOTION_TOOL, GtkWidget)

GtkWidget  *sk_emotion_tool_new              (gboolean        caseworker);
void        sk_emotion_tool_set_conversation (SkEmotionTool  *self,
                                              SkStore        *store,
                                              SkConversation *conversation);
GListModel *sk_emotion_tool_get_topics       (SkEmotionTool  *self);

G_END_DECLS
