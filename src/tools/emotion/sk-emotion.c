/* sk-emotion.c — "How I feel": topics, faces, feeling words, history */
#include "config.h"

#include "sk-emotion.h"
#include "sk-conversation.h"
#include "sk-child.h"
#include "sk-store-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

struct _SkEmotionRating
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkEmotionRating, sk_emotion_rating, SK_TYPE_RECORD)


/* The scale, worst to best; index = face - 1. */
static const char * const face_labels[] = {
  N_("Really bad"), N_("Not so good"), N_("In between"), N_("Good"), N_("Really good"),
};

static const char * const face_art[] = {
  "scale-1", "scale-2", "scale-3", "scale-4", "scale-5",
};

static const SkWord feelings[] = {
  { "happy", N_("Happy") },
  { "sad", N_("Sad") },
  { "angry", N_("Angry") },
  { "scared", N_("Scared") },
  { "safe", N_("Safe") },
  { "worried", N_("Worried") },
  { "confused", N_("Confused") },
  { "proud", N_("Proud") },
  { "lonely", N_("Lonely") },
  { "calm", N_("Calm") },
};

/* The question for each default topic, in the same order as topics[]. */
static const char * const topic_questions[] = {
  N_("How do you feel at home?"),
  N_("How do you feel at school?"),
  N_("How do you feel about your friends?"),
  N_("How do you feel in your free time?"),
  N_("How do you feel about your mum?"),
  N_("How do you feel about your dad?"),
  N_("How do you feel about yourself?"),
};

static const SkWord topics[] = {
  { "home", N_("Home") },
  { "school", N_("School") },
  { "friends", N_("Friends") },
  { "free-time", N_("Free time") },
  /* Translators: the topic "mum" on the emotion scale */
  { "mum", N_("Mum") },
  /* Translators: the topic "dad" on the emotion scale */
  { "dad", N_("Dad") },
  { "myself", N_("Myself") },
};

/**
 * sk_face_label:
 * @face: 1 … 5
 *
 * Returns: the face's name in the current language, e.g. "Really good"
 */
G_STATIC_ASSERT (G_N_ELEMENTS (topic_questions) == G_N_ELEMENTS (topics));

const char *
sk_face_label (int face)
{
  g_return_val_if_fail (face >= SK_FACE_MIN && face <= SK_FACE_MAX, "");

  return _(face_labels[face - 1]);
}

const char *
sk_face_label_three (int face)
{
  g_return_val_if_fail (face >= SK_FACE_MIN && face <= SK_FACE_MAX, "");

  if (face <= 2)
    /* Translators: the lowest of the three faces of picture mode */
    return _("Not good");
  if (face == 3)
    return _(face_labels[2]);
  return _(face_labels[3]);
}

/* Returns: the name of the face's picture in assets/faces/ */
const char *
sk_face_art (int face)
{
  g_return_val_if_fail (face >= SK_FACE_MIN && face <= SK_FACE_MAX, NULL);

  return face_art[face - 1];
}

const SkWord *
sk_feeling_words (guint *n_words)
{
  *n_words = G_N_ELEMENTS (feelings);
  return feelings;
}

const char *
sk_feeling_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (feelings); i++)
    if (g_strcmp0 (feelings[i].key, key) == 0)
      return _(feelings[i].label);
  return key;
}

const SkWord *
sk_default_topics (guint *n_topics)
{
  *n_topics = G_N_ELEMENTS (topics);
  return topics;
}

static void
sk_emotion_rating_class_init (SkEmotionRatingClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* Order of the topics in the conversation, from 0. */
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* One of the default topics ("home", …), shown in the reader's
     * language; "" for a topic the caseworker wrote. */
    sk_record_choice (g_param_spec_string ("topic-key", NULL, NULL, "", flags)),
    /* The topic as written (or renamed) by the caseworker; "" when the
     * default topic keeps its own name. */
    sk_record_single_line (g_param_spec_string ("topic", NULL, NULL, "", flags)),
    g_param_spec_int ("face", NULL, NULL, SK_FACE_NONE, SK_FACE_MAX, SK_FACE_NONE, flags),
    /* Keys of the feeling words, comma-separated, in the order chosen. */
    sk_record_choice (g_param_spec_string ("feelings", NULL, NULL, "", flags)),
    g_param_spec_string ("child-words", NULL, NULL, "", flags),
    /* The child's choice: may the parents see this topic? */
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "emotion_ratings";
  record_class->order_by = "position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_emotion_rating_init (SkEmotionRating *self)
{
}

SkEmotionRating *
sk_emotion_rating_new (gint64      conversation_id,
                       const char *topic_key,
                       const char *topic)
{
  return g_object_new (SK_TYPE_EMOTION_RATING,
                       "conversation-id", conversation_id,
                       "topic-key", topic_key,
                       "topic", topic,
                       NULL);
}

/**
 * sk_emotion_rating_dup_title:
 *
 * Returns: the topic as shown: the caseworker's words, or the default
 *   topic's name in the current language
 */
char *
sk_emotion_rating_dup_title (SkEmotionRating *self)
{
  const char *topic, *key;

  g_return_val_if_fail (SK_IS_EMOTION_RATING (self), NULL);

  topic = sk_record_get_string (SK_RECORD (self), "topic");
  if (*topic != '\0')
    return g_strdup (topic);

  key = sk_record_get_string (SK_RECORD (self), "topic-key");
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_str_equal (topics[i].key, key))
      return g_strdup (_(topics[i].label));
  return g_strdup (key);
}

/**
 * sk_emotion_rating_dup_question:
 *
 * Returns: the question the child is asked, e.g. "How do you feel at
 *   school?"
 */
char *
sk_emotion_rating_dup_question (SkEmotionRating *self)
{
  g_autofree char *title = NULL;
  const char *key;

  g_return_val_if_fail (SK_IS_EMOTION_RATING (self), NULL);

  key = sk_record_get_string (SK_RECORD (self), "topic-key");
  if (*sk_record_get_string (SK_RECORD (self), "topic") == '\0')
    for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
      if (g_str_equal (topics[i].key, key))
        return g_strdup (_(topic_questions[i]));

  title = sk_emotion_rating_dup_title (self);
  /* Translators: the question for a topic the caseworker wrote */
  return g_strdup_printf (_("How do you feel about “%s”?"), title);
}

int
sk_emotion_rating_get_face (SkEmotionRating *self)
{
  return sk_record_get_int (SK_RECORD (self), "face");
}

gboolean
sk_emotion_rating_get_shared (SkEmotionRating *self)
{
  return sk_record_get_boolean (SK_RECORD (self), "shared");
}

GStrv
sk_emotion_rating_dup_feelings (SkEmotionRating *self)
{
  const char *list;

  g_return_val_if_fail (SK_IS_EMOTION_RATING (self), NULL);

  list = sk_record_get_string (SK_RECORD (self), "feelings");
  if (*list == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (list, ",", -1);
}

gboolean
sk_emotion_rating_has_feeling (SkEmotionRating *self,
                               const char      *key)
{
  return sk_record_has_key (SK_RECORD (self), "feelings", key);
}

/* Adds the feeling word @key, or takes it away when it is there. */
void
sk_emotion_rating_toggle_feeling (SkEmotionRating *self,
                                  const char      *key)
{
  g_return_if_fail (SK_IS_EMOTION_RATING (self));

  sk_record_toggle_key (SK_RECORD (self), "feelings", key);
}

GListStore *
sk_emotions_list (SkStore  *store,
                  gint64    conversation_id,
                  gboolean  create_defaults,
                  GError  **error)
{
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  list = sk_store_list (store, SK_TYPE_EMOTION_RATING, "conversation_id", conversation_id, error);
  if (list == NULL || g_list_model_get_n_items (G_LIST_MODEL (list)) > 0 || !create_defaults)
    return g_steal_pointer (&list);

  /* The first time: the topics to start from, in one transaction. */
  if (!sk_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autoptr(SkEmotionRating) rating = sk_emotion_rating_new (conversation_id, topics[i].key, "");

      g_object_set (rating, "position", (int) i, NULL);
      if (!sk_store_insert (store, rating, error))
        {
          sk_store_rollback (store);
          return NULL;
        }
      g_list_store_append (list, rating);
    }
  if (!sk_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * sk_emotions_add:
 * @topics: the conversation's topics, as from sk_emotions_list()
 * @title: the new topic, as the caseworker wrote it
 *
 * Returns: (transfer none): the new topic, added at the end of @topics
 */
SkEmotionRating *
sk_emotions_add (SkStore     *store,
                 GListStore  *topics_list,
                 gint64       conversation_id,
                 const char  *title,
                 GError     **error)
{
  g_autoptr(SkEmotionRating) rating = NULL;
  guint n;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (topics_list), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (topics_list));
  rating = sk_emotion_rating_new (conversation_id, "", title);
  if (n > 0)
    {
      g_autoptr(SkEmotionRating) last = g_list_model_get_item (G_LIST_MODEL (topics_list), n - 1);

      g_object_set (rating, "position", sk_record_get_int (SK_RECORD (last), "position") + 1, NULL);
    }
  if (!sk_store_insert (store, rating, error))
    return NULL;
  g_list_store_append (topics_list, rating);
  return rating;
}

/**
 * sk_emotions_move:
 *
 * Moves the topic at @from to @to in @topics and stores the new order, in
 * one transaction.
 */
gboolean
sk_emotions_move (SkStore     *store,
                  GListStore  *topics_list,
                  guint        from,
                  guint        to,
                  GError     **error)
{
  g_autoptr(SkEmotionRating) moving = NULL;
  guint n;

  g_return_val_if_fail (SK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (topics_list), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (topics_list));
  g_return_val_if_fail (from < n && to < n, FALSE);
  if (from == to)
    return TRUE;

  if (!sk_store_begin (store, error))
    return FALSE;
  moving = g_list_model_get_item (G_LIST_MODEL (topics_list), from);
  g_list_store_remove (topics_list, from);
  g_list_store_insert (topics_list, to, moving);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics_list), i);

      g_object_set (rating, "position", (int) i, NULL);
    }
  if (!sk_store_flush (store, error) || !sk_store_commit (store, error))
    {
      sk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* A topic is the same across conversations when it is the same default
 * topic, or when the caseworker wrote the same words. */
static char *
topic_identity (const char *key,
                const char *topic)
{
  g_autofree char *normalized = NULL;

  if (*topic == '\0')
    return g_strconcat ("key:", key, NULL);
  normalized = g_utf8_normalize (topic, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized ? normalized : "", -1);
}

GArray *
sk_emotions_history (SkStore          *store,
                     SkEmotionRating  *rating,
                     GError          **error)
{
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GArray) points = NULL;
  g_autofree char *identity = NULL;
  sqlite3_stmt *stmt;
  gint64 started_at, conversation_id;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_EMOTION_RATING (rating), NULL);

  conversation_id = sk_record_get_int64 (SK_RECORD (rating), "conversation-id");
  conversation = sk_store_load (store, SK_TYPE_CONVERSATION, conversation_id, error);
  if (conversation == NULL)
    return NULL;
  started_at = sk_conversation_get_started_at (conversation);
  identity = topic_identity (sk_record_get_string (SK_RECORD (rating), "topic-key"),
                             sk_record_get_string (SK_RECORD (rating), "topic"));

  /* Pending typing in topic names counts too. */
  if (!sk_store_flush (store, error))
    return NULL;
  stmt = sk_store_prepare (store,
                           "SELECT c.started_at, r.face, r.topic_key, r.topic "
                           "FROM emotion_ratings r JOIN conversations c ON c.id = r.conversation_id "
                           "WHERE c.child_id = ? AND c.trashed = 0 AND r.trashed = 0 AND r.face > 0 "
                           "AND (c.started_at < ? OR (c.started_at = ? AND c.id < ?)) "
                           "ORDER BY c.started_at, c.id, r.position",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sk_conversation_get_child_id (conversation));
  sqlite3_bind_int64 (stmt, 2, started_at);
  sqlite3_bind_int64 (stmt, 3, started_at);
  sqlite3_bind_int64 (stmt, 4, conversation_id);

  points = g_array_new (FALSE, FALSE, sizeof (SkEmotionPoint));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = topic_identity ((const char *) sqlite3_column_text (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3));
      SkEmotionPoint point = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      if (g_str_equal (identity, other))
        g_array_append_val (points, point);
    }
  if (rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&points);
}
