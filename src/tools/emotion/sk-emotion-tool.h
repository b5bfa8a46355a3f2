/* sk-emotion-tool.h — "How I feel": the emotion scale for every topic */
#pragma once

#include <adwaita.h>

#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_EMOTION_TOOL (sk_emotion_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkEmotionTool, sk_emotion_tool, SK, EMOTION_TOOL, SkTool)

GListModel *sk_emotion_tool_get_topics       (SkEmotionTool  *self);

G_END_DECLS
