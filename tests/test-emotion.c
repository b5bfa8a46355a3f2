/* test-emotion.c — "How I feel" in core: topics, choices, order, history */
#include "sk-emotion.h"
#include "sk-store.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static SkEmotionRating *
topic_at (GListStore *list,
          guint       i)
{
  return g_list_model_get_item (G_LIST_MODEL (list), i);
}

static void
test_defaults_once_in_order (void)
{
  g_autofree char *path = sk_test_path ("defaults.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GListStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n_topics;
  const SkWord *topics = sk_default_topics (&n_topics);
  gint64 id;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1000);
  id = sk_record_get_id (SK_RECORD (conversation));

  /* Without asking for defaults, nothing is made. */
  list = sk_emotions_list (store, id, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_clear_object (&list);

  list = sk_emotions_list (store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_topics, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_topics);
  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(SkEmotionRating) rating = topic_at (list, i);
      g_autofree char *title = sk_emotion_rating_dup_title (rating);

      g_assert_cmpstr (sk_record_get_string (SK_RECORD (rating), "topic-key"), ==, topics[i].key);
      g_assert_cmpstr (title, ==, topics[i].label);
      g_assert_cmpint (sk_emotion_rating_get_face (rating), ==, SK_FACE_NONE);
      g_assert_false (sk_emotion_rating_get_shared (rating));   /* nothing shared unless the child says so */
    }

  /* The second time they are read, not made again. */
  again = sk_emotions_list (store, id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, n_topics);
  count = sk_test_sql (path, "SELECT count(*) FROM emotion_ratings");
  g_assert_cmpstr (count, ==, "7");
}

static void
test_choices_written_at_once (void)
{
  g_autofree char *path = sk_test_path ("choices.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(SkEmotionRating) school = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) feelings = NULL;
  char *value;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1000);
  list = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  school = topic_at (list, 1);

  /* A face, feeling words and the shared mark are choices: in the file
   * at once, without waiting for a flush. */
  g_object_set (school, "face", 4, NULL);
  sk_emotion_rating_toggle_feeling (school, "proud");
  sk_emotion_rating_toggle_feeling (school, "worried");
  sk_emotion_rating_toggle_feeling (school, "happy");
  sk_emotion_rating_toggle_feeling (school, "worried");   /* taken back */
  g_object_set (school, "shared", TRUE, NULL);
  g_assert_false (sk_store_has_pending (store));

  value = sk_test_sql (path, "SELECT face || '|' || feelings || '|' || shared FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "4|proud,happy|1");
  g_free (value);

  feelings = sk_emotion_rating_dup_feelings (school);
  g_assert_cmpuint (g_strv_length (feelings), ==, 2);
  g_assert_true (sk_emotion_rating_has_feeling (school, "happy"));
  g_assert_false (sk_emotion_rating_has_feeling (school, "worried"));

  /* The child's words are typing: written by the next flush. */
  g_object_set (school, "child-words", "Jeg har fået en ny ven 🙂", NULL);
  g_assert_true (sk_store_has_pending (store));
  g_assert_true (sk_store_flush (store, &error));
  value = sk_test_sql (path, "SELECT child_words FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "Jeg har fået en ny ven 🙂");
  g_free (value);

  /* Clearing the face. */
  g_object_set (school, "face", SK_FACE_NONE, NULL);
  value = sk_test_sql (path, "SELECT face FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);
}

static void
test_add_rename_move_remove (void)
{
  g_autofree char *path = sk_test_path ("edit.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  SkEmotionRating *football;
  gint64 id;
  char *value;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1000);
  id = sk_record_get_id (SK_RECORD (conversation));
  list = sk_emotions_list (store, id, TRUE, &error);

  /* Add a topic of the caseworker's own. */
  football = sk_emotions_add (store, list, id, "Fodbold ⚽", &error);
  g_assert_no_error (error);
  g_assert_nonnull (football);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  {
    g_autofree char *title = sk_emotion_rating_dup_title (football);

    g_assert_cmpstr (title, ==, "Fodbold ⚽");
  }

  /* Rename a default topic: the caseworker's words win. */
  {
    g_autoptr(SkEmotionRating) home = topic_at (list, 0);
    g_autofree char *title = NULL;

    g_object_set (home, "topic", "Hos far", NULL);
    title = sk_emotion_rating_dup_title (home);
    g_assert_cmpstr (title, ==, "Hos far");
  }

  /* Move the new topic to the top: stored order follows. */
  g_assert_true (sk_emotions_move (store, list, 7, 0, &error));
  g_assert_no_error (error);
  value = sk_test_sql (path, "SELECT group_concat(coalesce(nullif(topic, ''), topic_key), ',') FROM "
                          "(SELECT topic, topic_key FROM emotion_ratings ORDER BY position)");
  g_assert_cmpstr (value, ==, "Fodbold ⚽,Hos far,school,friends,free-time,mum,dad,myself");
  g_free (value);

  /* Reopened, the order and names are the same. */
  g_clear_object (&list);
  g_clear_object (&store);
  store = sk_test_open_store (path);
  list = sk_emotions_list (store, id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  {
    g_autoptr(SkEmotionRating) first = topic_at (list, 0);
    g_autoptr(SkEmotionRating) dad = topic_at (list, 6);
    g_autofree char *title = sk_emotion_rating_dup_title (first);

    g_assert_cmpstr (title, ==, "Fodbold ⚽");
    /* Remove one for good. */
    g_assert_true (sk_store_delete (store, dad, &error));
  }
  value = sk_test_sql (path, "SELECT count(*) FROM emotion_ratings WHERE topic_key = 'dad'");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);

  /* Deleting the conversation deletes its ratings. */
  g_assert_true (sk_store_delete (store, conversation, &error));
  value = sk_test_sql (path, "SELECT count(*) FROM emotion_ratings");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);
}

static void
rate (SkStore        *store,
      SkConversation *conversation,
      const char     *key,
      const char     *topic,
      int             face)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkEmotionRating) rating = sk_emotion_rating_new (sk_record_get_id (SK_RECORD (conversation)), key, topic);

  g_object_set (rating, "face", face, NULL);
  g_assert_true (sk_store_insert (store, rating, &error));
}

static void
test_history_across_conversations (void)
{
  g_autofree char *path = sk_test_path ("history.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkChild) other = sk_child_new ("Noor");
  g_autoptr(SkConversation) first = NULL, second = NULL, trashed = NULL, now = NULL, later = NULL, others = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_true (sk_store_insert (store, other, &error));

  /* Made out of date order on purpose. */
  second = sk_test_add_conversation (store, child, 2000);
  first = sk_test_add_conversation (store, child, 1000);
  trashed = sk_test_add_conversation (store, child, 1500);
  now = sk_test_add_conversation (store, child, 3000);
  later = sk_test_add_conversation (store, child, 4000);
  others = sk_test_add_conversation (store, other, 1200);

  rate (store, second, "home", "", 4);
  rate (store, first, "home", "", 2);
  rate (store, first, "", "FODBOLD", 5);
  rate (store, first, "school", "", 1);
  rate (store, trashed, "home", "", 3);
  rate (store, later, "home", "", 1);
  rate (store, others, "home", "", 5);
  rate (store, second, "", "Fodbold", 0);   /* not chosen: not history */
  g_assert_true (sk_store_trash (store, trashed, &error));

  list = sk_emotions_list (store, sk_record_get_id (SK_RECORD (now)), TRUE, &error);
  {
    g_autoptr(SkEmotionRating) home = topic_at (list, 0);

    history = sk_emotions_history (store, home, &error);
    g_assert_no_error (error);
    /* Oldest first; not the trashed one, not the later one, not Noor's. */
    g_assert_cmpuint (history->len, ==, 2);
    g_assert_cmpint (g_array_index (history, SkEmotionPoint, 0).started_at, ==, 1000);
    g_assert_cmpint (g_array_index (history, SkEmotionPoint, 0).face, ==, 2);
    g_assert_cmpint (g_array_index (history, SkEmotionPoint, 1).started_at, ==, 2000);
    g_assert_cmpint (g_array_index (history, SkEmotionPoint, 1).face, ==, 4);
    g_clear_pointer (&history, g_array_unref);

    /* Renamed, it is another topic: no history. */
    g_object_set (home, "topic", "Hos mormor", NULL);
    history = sk_emotions_history (store, home, &error);
    g_assert_cmpuint (history->len, ==, 0);
    g_clear_pointer (&history, g_array_unref);
  }
  {
    /* A topic of one's own is found by its words, whatever the case. */
    SkEmotionRating *football = sk_emotions_add (store, list, sk_record_get_id (SK_RECORD (now)), "fodbold", &error);

    history = sk_emotions_history (store, football, &error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (g_array_index (history, SkEmotionPoint, 0).face, ==, 5);
  }
}

/* The schema as version 1 shipped it, to test the step to version 2. */


static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = sk_test_path ("v1.db");
  g_autoptr(SkStore) store = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *words = NULL;

  sk_test_make_old_database (path, 1,
                             "INSERT INTO children (name) VALUES ('Fra version 1');"
                             "INSERT INTO conversations (child_id, started_at, child_words) VALUES (1, 5, 'Gamle ord');");

  store = sk_test_open_store (path);
  version = sk_test_sql (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, sk_store_schema_version ());
  words = sk_test_sql (path, "SELECT child_words FROM conversations");
  g_assert_cmpstr (words, ==, "Gamle ord");
  list = sk_emotions_list (store, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
}

static void
test_words (void)
{
  guint n;
  const SkWord *feelings = sk_feeling_words (&n);

  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    g_assert_null (strchr (feelings[i].key, ','));
  g_assert_cmpstr (sk_feeling_label ("safe"), ==, "Safe");
  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    g_assert_cmpstr (sk_face_label (face), !=, "");
  g_assert_cmpstr (sk_face_label (5), ==, "Really good");
  g_assert_cmpstr (sk_face_label (1), ==, "Really bad");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/emotion/defaults-once-in-order", test_defaults_once_in_order);
  g_test_add_func ("/emotion/choices-written-at-once", test_choices_written_at_once);
  g_test_add_func ("/emotion/add-rename-move-remove", test_add_rename_move_remove);
  g_test_add_func ("/emotion/history", test_history_across_conversations);
  g_test_add_func ("/emotion/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/emotion/words", test_words);

  return g_test_run ();
}
