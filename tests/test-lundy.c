/* test-lundy.c — the Lundy steps in core: answers, last time, progress */
#include "sk-lundy.h"
#include "sk-store.h"
#include "sk-test-util.h"

#include <stdlib.h>
#include <string.h>

static void
test_table (void)
{
  guint n;
  const SkLundyStep *steps = sk_lundy_steps (&n);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (n, ==, SK_LUNDY_N_STEPS);
  g_assert_cmpstr (steps[0].key, ==, "space");
  g_assert_cmpstr (steps[3].key, ==, "influence");
  g_assert_true (sk_lundy_step ("voice") == &steps[1]);
  g_assert_null (sk_lundy_step ("nonsense"));
  for (guint i = 0; i < n; i++)
    for (int phase = 0; phase < SK_LUNDY_N_PHASES; phase++)
      {
        g_assert_cmpuint (steps[i].n_questions[phase], >=, 2);
        for (guint q = 0; q < steps[i].n_questions[phase]; q++)
          {
            g_autofree char *key = g_strdup_printf ("%s/%d/%s", steps[i].key, phase, steps[i].questions[phase][q].key);

            /* Stored keys: no commas, no two alike. */
            g_assert_null (strchr (steps[i].questions[phase][q].key, ','));
            g_assert_true (g_hash_table_add (keys, g_steal_pointer (&key)));
          }
      }
}

static void
test_answers_stored (void)
{
  g_autofree char *path = sk_test_path ("answers.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) answers = NULL;
  g_autoptr(GListStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  SkLundyAnswer *space_before, *influence_after;
  gint64 id;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1000);
  id = sk_record_get_id (SK_RECORD (conversation));

  answers = sk_lundy_answers (store, id, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (answers)), ==, 0);
  g_clear_object (&answers);
  answers = sk_lundy_answers (store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (answers)), ==, SK_LUNDY_N_STEPS * SK_LUNDY_N_PHASES);
  g_assert_cmpuint (sk_lundy_progress_mask (G_LIST_MODEL (answers)), ==, 0);

  space_before = sk_lundy_answers_find (G_LIST_MODEL (answers), "space", SK_LUNDY_BEFORE);
  influence_after = sk_lundy_answers_find (G_LIST_MODEL (answers), "influence", SK_LUNDY_AFTER);
  g_assert_nonnull (space_before);
  g_assert_true (sk_lundy_answer_get_step (influence_after) == sk_lundy_step ("influence"));

  /* A check is written at once; a note within the typing delay. */
  sk_lundy_answer_toggle (space_before, "room");
  sk_lundy_answer_toggle (space_before, "needs");
  sk_lundy_answer_toggle (space_before, "room");
  value = sk_test_sql (path, "SELECT checked FROM lundy_answers WHERE step = 'space' AND phase = 0");
  g_assert_cmpstr (value, ==, "needs");
  g_clear_pointer (&value, g_free);
  g_object_set (influence_after, "note", "Afgørelsen kommer i marts; jeg ringer til Ida.", NULL);
  g_assert_true (sk_store_flush (store, &error));
  value = sk_test_sql (path, "SELECT note FROM lundy_answers WHERE step = 'influence' AND phase = 1");
  g_assert_cmpstr (value, ==, "Afgørelsen kommer i marts; jeg ringer til Ida.");
  g_clear_pointer (&value, g_free);

  /* Space prepared (bit 0), influence evaluated (bit 7). */
  g_assert_cmpuint (sk_lundy_progress_mask (G_LIST_MODEL (answers)), ==, (1u << 0) | (1u << 7));

  /* Asking again does not make them twice; reopening finds them. */
  again = sk_lundy_answers (store, id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 8);
  g_clear_object (&again);
  g_clear_object (&answers);
  g_clear_object (&conversation);
  g_clear_object (&child);
  g_clear_object (&store);
  store = sk_test_open_store (path);
  answers = sk_lundy_answers (store, id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (answers)), ==, 8);
  g_assert_true (sk_lundy_answer_is_checked (sk_lundy_answers_find (G_LIST_MODEL (answers), "space", SK_LUNDY_BEFORE), "needs"));
  g_assert_false (sk_lundy_answer_is_checked (sk_lundy_answers_find (G_LIST_MODEL (answers), "space", SK_LUNDY_BEFORE), "room"));
  value = sk_test_sql (path, "SELECT count(*) FROM lundy_answers");
  g_assert_cmpstr (value, ==, "8");
}

static void
test_last_time (void)
{
  g_autofree char *path = sk_test_path ("last.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkChild) other = sk_child_new ("Anden");
  g_autoptr(SkConversation) first = NULL, second = NULL, third = NULL, others = NULL, previous = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_true (sk_store_insert (store, other, &error));
  first = sk_test_add_conversation (store, child, 1000);
  g_object_set (first, "agreements", "Vi ses igen", "next-steps", "Jeg taler med skolen", NULL);
  second = sk_test_add_conversation (store, child, 2000);
  g_object_set (second, "agreements", "Ida fortæller læreren det", NULL);
  others = sk_test_add_conversation (store, other, 1500);
  third = sk_test_add_conversation (store, child, 3000);

  /* A child's first conversation has no last time. */
  previous = sk_conversation_previous (first, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (previous);

  previous = sk_conversation_previous (second, store, NULL, &error);
  g_assert_nonnull (previous);
  g_assert_cmpstr (sk_conversation_get_text (previous, "agreements"), ==, "Vi ses igen");
  g_assert_cmpstr (sk_conversation_get_text (previous, "next-steps"), ==, "Jeg taler med skolen");
  g_clear_object (&previous);

  /* The latest earlier one of this child, never another child's. */
  previous = sk_conversation_previous (third, store, NULL, &error);
  g_assert_cmpint (sk_record_get_id (SK_RECORD (previous)), ==, sk_record_get_id (SK_RECORD (second)));
  g_clear_object (&previous);
  previous = sk_conversation_previous (others, store, NULL, &error);
  g_assert_null (previous);

  /* What happened since is stored with the new conversation. */
  g_object_set (third, "feedback", "Skolen har fået en ny plan for morgenerne.", "feedback-shared", TRUE, NULL);
  g_assert_true (sk_store_flush (store, &error));
  {
    g_autofree char *value = sk_test_sql (path, "SELECT feedback || '|' || feedback_shared FROM conversations WHERE started_at = 3000");

    g_assert_cmpstr (value, ==, "Skolen har fået en ny plan for morgenerne.|1");
  }
}

static void
test_progress_for_child (void)
{
  g_autofree char *path = sk_test_path ("progress.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) first = NULL, second = NULL;
  g_autoptr(GListStore) answers = NULL;
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  g_assert_true (sk_store_insert (store, child, &error));
  first = sk_test_add_conversation (store, child, 1000);
  second = sk_test_add_conversation (store, child, 2000);
  answers = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (second)), TRUE, &error);
  sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (answers), "voice", SK_LUNDY_BEFORE), "tools");
  g_object_set (sk_lundy_answers_find (G_LIST_MODEL (answers), "voice", SK_LUNDY_AFTER), "note", "Hun tegnede.", NULL);
  /* Only blanks is nothing written. */
  g_object_set (sk_lundy_answers_find (G_LIST_MODEL (answers), "audience", SK_LUNDY_BEFORE), "note", "   ", NULL);

  progress = sk_lundy_progress_for_child (store, sk_record_get_id (SK_RECORD (child)), &error);
  g_assert_no_error (error);
  id = sk_record_get_id (SK_RECORD (second));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (progress, &id)), ==, (1u << 2) | (1u << 3));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (progress, &id)), ==, sk_lundy_progress_mask (G_LIST_MODEL (answers)));
  id = sk_record_get_id (SK_RECORD (first));
  g_assert_false (g_hash_table_contains (progress, &id));

  text = sk_lundy_progress_describe ((1u << 2) | (1u << 3) | (1u << 6));
  g_assert_cmpstr (text, ==, "Space: not yet; Voice: prepared and evaluated; Audience: not yet; Influence: prepared");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lundy/table", test_table);
  g_test_add_func ("/lundy/answers-stored", test_answers_stored);
  g_test_add_func ("/lundy/last-time", test_last_time);
  g_test_add_func ("/lundy/progress-for-child", test_progress_for_child);
  return g_test_run ();
}
