/* sk-emotion-card.h — one topic of "How I feel" */
#pragma once

#include <adwaita.h>

#include "sk-emotion.h"
#include "sk-face-scale.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_EMOTION_CARD (sk_emotion_card_get_type ())
G_DECLARE_FINAL_TYPE (SkEmotionCard, sk_emotion_card, SK, EMOTION_CARD, GtkWidget)

GtkWidget       *sk_emotion_card_new            (SkStore         *store,
                                                 GListStore      *topics,
                                                 SkEmotionRating *rating,
                                                 gboolean         caseworker);
SkEmotionRating *sk_emotion_card_get_rating     (SkEmotionCard   *self);
SkFaceScale     *sk_emotion_card_get_face_scale (SkEmotionCard   *self);
GtkToggleButton *sk_emotion_card_get_feeling_toggle (SkEmotionCard *self,
                                                     const char    *key);
GtkToggleButton *sk_emotion_card_get_shared_button (SkEmotionCard *self);
GtkWidget       *sk_emotion_card_get_history    (SkEmotionCard   *self);

G_END_DECLS
