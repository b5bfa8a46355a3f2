/* sk-emotion.h — "How I feel": a topic, the face the child chose, feeling
 * words, the child's words, and whether the parents may see it */
#pragma once

#include "sk-record.h"
#include "sk-store.h"
#include "sk-word.h"

G_BEGIN_DECLS

/* 1 (really bad) … 5 (really good); 0 is no choice yet. */
#define SK_FACE_NONE 0
#define SK_FACE_MIN  1
#define SK_FACE_MAX  5

const char   *sk_face_label          (int          face);
const char   *sk_face_art            (int          face);
/* In picture mode, three faces: 2 "Not good", 3 "In between", 4 "Good";
 * 1 and 5 as the nearer of them. */
const char   *sk_face_label_three    (int          face);
const SkWord *sk_feeling_words       (guint       *n_words);
const char   *sk_feeling_label       (const char  *key);
const SkWord *sk_default_topics      (guint       *n_topics);

#define SK_TYPE_EMOTION_RATING (sk_emotion_rating_get_type ())
G_DECLARE_FINAL_TYPE (SkEmotionRating, sk_emotion_rating, SK, EMOTION_RATING, SkRecord)

SkEmotionRating *sk_emotion_rating_new            (gint64           conversation_id,
                                                   const char      *topic_key,
                                                   const char      *topic);
char            *sk_emotion_rating_dup_title      (SkEmotionRating *self);
char            *sk_emotion_rating_dup_question   (SkEmotionRating *self);
int              sk_emotion_rating_get_face       (SkEmotionRating *self);
gboolean         sk_emotion_rating_get_shared     (SkEmotionRating *self);
gboolean         sk_emotion_rating_has_feeling    (SkEmotionRating *self,
                                                   const char      *key);
void             sk_emotion_rating_toggle_feeling (SkEmotionRating *self,
                                                   const char      *key);
GStrv            sk_emotion_rating_dup_feelings   (SkEmotionRating *self);

/* The topics of a conversation in order; the default topics are made the
 * first time when @create_defaults. */
GListStore *sk_emotions_list    (SkStore          *store,
                                 gint64            conversation_id,
                                 gboolean          create_defaults,
                                 GError          **error);
SkEmotionRating *sk_emotions_add (SkStore         *store,
                                  GListStore      *topics,
                                  gint64           conversation_id,
                                  const char      *title,
                                  GError         **error);
gboolean    sk_emotions_move    (SkStore          *store,
                                 GListStore       *topics,
                                 guint             from,
                                 guint             to,
                                 GError          **error);

typedef struct
{
  gint64 started_at;   /* the earlier conversation's date */
  int    face;
} SkEmotionPoint;

/* The faces chosen for the same topic in this child's earlier
 * conversations, oldest first: an array of SkEmotionPoint. */
GArray     *sk_emotions_history (SkStore          *store,
                                 SkEmotionRating  *rating,
                                 GError          **error);

G_END_DECLS
