/* test-evaluation.c — the child's evaluation in core, on a real file:
 * answers kept, the child's row over time beside the caseworker's Lundy
 * evaluation, the journal, and the overview across children on 200
 * invented conversations — its counts checked one by one against the
 * answers given, and it and its CSV checked to hold no name, case number
 * or child's words. */
#include "sk-evaluation.h"
#include "sk-lundy.h"
#include "sk-tool-module.h"
#include "sk-store-private.h"
#include "sk-test-util.h"

#include <stdlib.h>
#include <string.h>

static SkChild *
add_child (SkStore    *store,
           const char *name,
           const char *case_ref)
{
  g_autoptr(GError) error = NULL;
  SkChild *child = sk_child_new (name);

  g_object_set (child, "case-ref", case_ref, "birth-year", 2016, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_no_error (error);
  return child;
}

static gint64
at (int year,
    int month,
    int day)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 10, 0, 0);

  return g_date_time_to_unix (when);
}

static void
test_answers (void)
{
  g_autofree char *path = sk_test_path ("answers.db");
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = add_child (store, "Liva Kronborg", "");
    g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, child, at (2026, 11, 3));
    g_autoptr(SkEvaluation) evaluation = NULL;

    id = sk_record_get_id (SK_RECORD (conversation));
    /* Looked for, not made. */
    g_assert_null (sk_evaluation_load (store, id, FALSE, &error));
    g_assert_no_error (error);
    evaluation = sk_evaluation_load (store, id, TRUE, &error);
    g_assert_no_error (error);
    g_assert_false (sk_evaluation_is_started (evaluation));
    sk_evaluation_set_answer (evaluation, 0, SK_EVALUATION_YES);
    sk_evaluation_set_answer (evaluation, 2, SK_EVALUATION_NO);
    sk_evaluation_set_answer (evaluation, 3, SK_EVALUATION_A_LITTLE);
    sk_evaluation_set_answer (evaluation, 3, SK_EVALUATION_UNANSWERED);
    g_object_set (evaluation, "words", "  Jeg vil gerne have en ven med 🙂 næste gang  ", NULL);
    g_assert_true (sk_evaluation_is_started (evaluation));
    g_assert_true (sk_store_flush (store, &error));
  }
  /* Answers are written at once; the words within the typing delay. */
  {
    g_autofree char *row = sk_test_sql (path, "SELECT space || voice || audience || influence FROM child_evaluations");

    g_assert_cmpstr (row, ==, "1030");
  }
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkEvaluation) again = sk_evaluation_load (store, id, FALSE, &error);
    g_autoptr(SkEvaluation) once = sk_evaluation_load (store, id, TRUE, &error);

    g_assert_nonnull (again);
    g_assert_cmpint (sk_evaluation_get_answer (again, 0), ==, SK_EVALUATION_YES);
    g_assert_cmpint (sk_evaluation_get_answer (again, 1), ==, SK_EVALUATION_UNANSWERED);
    g_assert_cmpint (sk_evaluation_get_answer (again, 2), ==, SK_EVALUATION_NO);
    g_assert_cmpstr (sk_record_get_string (SK_RECORD (again), "words"), ==,
                     "  Jeg vil gerne have en ven med 🙂 næste gang  ");
    /* One per conversation. */
    g_assert_cmpint (sk_record_get_id (SK_RECORD (once)), ==, sk_record_get_id (SK_RECORD (again)));
  }
  {
    g_autofree char *count = sk_test_sql (path, "SELECT count(*) FROM child_evaluations");

    g_assert_cmpstr (count, ==, "1");
  }
}

static void
test_history_and_journal (void)
{
  g_autofree char *path = sk_test_path ("history.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = add_child (store, "Otto Lykke", "");
  g_autoptr(SkChild) other = add_child (store, "Vera Holm", "");
  g_autoptr(SkConversation) first = sk_test_add_conversation (store, child, at (2026, 9, 1));
  g_autoptr(SkConversation) second = sk_test_add_conversation (store, child, at (2026, 10, 6));
  g_autoptr(SkConversation) elsewhere = sk_test_add_conversation (store, other, at (2026, 10, 7));
  g_autoptr(SkEvaluation) evaluation = NULL;
  g_autoptr(SkEvaluation) others = NULL;
  g_autoptr(GListStore) lundy = NULL;
  g_autoptr(GArray) visits = NULL;
  g_autoptr(GString) journal = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const SkToolModule *module = sk_tool_module_find ("evaluation");

  evaluation = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (second)), TRUE, &error);
  sk_evaluation_set_answer (evaluation, 0, SK_EVALUATION_A_LITTLE);
  sk_evaluation_set_answer (evaluation, 1, SK_EVALUATION_YES);
  g_object_set (evaluation, "words", "Det var okay", NULL);
  others = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (elsewhere)), TRUE, &error);
  sk_evaluation_set_answer (others, 0, SK_EVALUATION_NO);
  /* The caseworker evaluated Voice afterwards in the second conversation,
   * and only prepared Space (before does not count). */
  lundy = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (second)), TRUE, &error);
  g_assert_no_error (error);
  sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (lundy), "voice", SK_LUNDY_AFTER), "own-way");
  g_object_set (sk_lundy_answers_find (G_LIST_MODEL (lundy), "space", SK_LUNDY_BEFORE), "note", "Lille rum", NULL);

  visits = sk_evaluation_history (store, sk_record_get_id (SK_RECORD (child)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_assert_cmpint (g_array_index (visits, SkEvaluationVisit, 0).conversation_id, ==, sk_record_get_id (SK_RECORD (first)));
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    g_assert_cmpuint (g_array_index (visits, SkEvaluationVisit, 0).answers[q], ==, 0);
  g_assert_cmpuint (g_array_index (visits, SkEvaluationVisit, 1).answers[0], ==, SK_EVALUATION_A_LITTLE);
  g_assert_cmpuint (g_array_index (visits, SkEvaluationVisit, 1).answers[1], ==, SK_EVALUATION_YES);
  g_assert_cmpuint (g_array_index (visits, SkEvaluationVisit, 1).answers[2], ==, 0);
  g_assert_cmpuint (g_array_index (visits, SkEvaluationVisit, 1).evaluated_by_caseworker, ==, 1u << 1);

  g_assert_nonnull (module);
  g_assert_null (module->summary);
  g_assert_null (module->choices);
  g_assert_true (module->journal (journal, store, second, &error));
  g_assert_cmpstr (journal->str, ==,
                   "== How Was It? ==\n"
                   "Did you feel safe here? A little\n"
                   "Did you get to say what you wanted? Yes\n"
                   "Something else you want to tell me?\n"
                   "  Det var okay\n\n");
  /* Nothing answered: nothing in the note. */
  g_string_truncate (journal, 0);
  g_assert_true (module->journal (journal, store, first, &error));
  g_assert_cmpstr (journal->str, ==, "");
}

/* The 200 conversations: 25 children, 8 each over 2026, answers drawn
 * from a fixed sequence (some questions left out, some conversations not
 * evaluated). */
#define N_CHILDREN 25
#define N_EACH     8

static const char *
name_of (guint i)
{
  static const char * const names[] = {
    "Alberte Juhl", "Bjørn Skov", "Clara Friis", "Dino Madsen", "Ellen Bach", "Felix Krogh",
    "Gry Thorsen", "Holger Ravn", "Iben Lund", "Jonas Brix", "Kamma Due", "Lasse Vang",
    "Mille Aagaard", "Nohr Esbensen", "Olivia Berg", "Palle Storm", "Rosa Mørch", "Sigurd Kjær",
    "Tilde Winther", "Ulrik Dam", "Vilma Bonde", "William Hald", "Xenia Lindqvist", "Yrsa Fog",
    "Zakarias Nyborg",
  };
  return names[i];
}

static void
test_overview (void)
{
  g_autofree char *path = sk_test_path ("overview.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  /* Expected, per month of 2026 (index 0 = January). */
  guint conversations[12] = { 0 }, evaluated[12] = { 0 };
  guint counts[12][SK_EVALUATION_N_QUESTIONS][SK_EVALUATION_N_ANSWERS] = { { { 0 } } };
  guint32 seed = 7;
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (sk_store_begin (store, &error));
  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *ref = g_strdup_printf ("27.12.04-G01-%05u-26", 40000 + c);
      g_autoptr(SkChild) child = add_child (store, name_of (c), ref);

      g_ptr_array_add (secrets, g_strdup (name_of (c)));
      g_ptr_array_add (secrets, g_strdup (ref));
      for (guint k = 0; k < N_EACH; k++)
        {
          int month = 1 + (c + k * 3) % 12;
          g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, child, at (2026, month, 1 + (c + k) % 27));
          g_autoptr(SkEvaluation) evaluation = NULL;
          gboolean any = FALSE;

          conversations[month - 1]++;
          seed = seed * 1103515245u + 12345u;
          /* One in five conversations the child did not evaluate. */
          if ((seed >> 16) % 5 == 0)
            continue;
          evaluation = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
          g_assert_no_error (error);
          for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
            {
              guint answer;

              seed = seed * 1103515245u + 12345u;
              answer = (seed >> 16) % 4; /* 0: left out */
              sk_evaluation_set_answer (evaluation, q, answer);
              if (answer != 0)
                {
                  counts[month - 1][q][answer - 1]++;
                  any = TRUE;
                }
            }
          {
            g_autofree char *words = g_strdup_printf ("hemmelige ord %u-%u", c, k);

            g_object_set (evaluation, "words", words, NULL);
            g_ptr_array_add (secrets, g_steal_pointer (&words));
          }
          if (any)
            evaluated[month - 1]++;
        }
    }
  g_assert_true (sk_store_commit (store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *total = sk_test_sql (path, "SELECT count(*) FROM conversations");

    g_assert_cmpstr (total, ==, "200");
  }

  months = sk_evaluation_overview (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  for (guint i = 0; i < months->len; i++)
    {
      const SkEvaluationMonth *month = &g_array_index (months, SkEvaluationMonth, i);

      /* Newest first. */
      g_assert_cmpint (month->year, ==, 2026);
      g_assert_cmpint (month->month, ==, 12 - (int) i);
      g_assert_cmpuint (month->conversations, ==, conversations[month->month - 1]);
      g_assert_cmpuint (month->evaluated, ==, evaluated[month->month - 1]);
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++)
          g_assert_cmpuint (month->counts[q][a], ==, counts[month->month - 1][q][a]);
    }

  /* The CSV: a heading and a row a month, fifteen fields each, numbers
   * and months only. */
  csv = sk_evaluation_overview_csv (months);
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "Month,Conversations,With the child's evaluation,Safe: Yes,Safe: A little,Safe: No,"
                   "Said it: Yes,Said it: A little,Said it: No,Listened to: Yes,Listened to: A little,Listened to: No,"
                   "Knows what happens: Yes,Knows what happens: A little,Knows what happens: No");
  for (guint i = 1; i <= 12; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      g_autofree char *month = g_strdup_printf ("2026-%02u", 13 - i);

      g_assert_cmpuint (g_strv_length (fields), ==, 15);
      g_assert_cmpstr (fields[0], ==, month);
      for (guint f = 1; f < 15; f++)
        for (const char *p = fields[f]; *p != '\0'; p++)
          g_assert_true (g_ascii_isdigit (*p));
    }
  /* No name, case number or child's words, whole or in part. */
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = secrets->pdata[i];
      g_auto(GStrv) parts = g_strsplit (secret, " ", -1);

      g_assert_null (strstr (csv, secret));
      for (guint p = 0; parts[p] != NULL; p++)
        if (strlen (parts[p]) > 3)
          g_assert_null (strstr (csv, parts[p]));
    }

  /* A child taken out (in the trash) and a conversation in the trash are
   * no longer counted. */
  {
    g_autofree char *changed = NULL;
    g_autoptr(GArray) after = NULL;
    guint before = 0, now = 0;

    for (guint i = 0; i < months->len; i++)
      before += g_array_index (months, SkEvaluationMonth, i).conversations;
    g_free (sk_test_sql (path, "UPDATE children SET trashed = 1 WHERE id = (SELECT min(id) FROM children)"));
    g_free (sk_test_sql (path, "UPDATE conversations SET trashed = 1 WHERE id = (SELECT max(id) FROM conversations)"));
    changed = sk_test_sql (path, "SELECT trashed FROM conversations WHERE id = (SELECT max(id) FROM conversations)");
    g_assert_cmpstr (changed, ==, "1");
    g_clear_object (&store);
    store = sk_test_open_store (path);
    after = sk_evaluation_overview (store, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < after->len; i++)
      now += g_array_index (after, SkEvaluationMonth, i).conversations;
    g_assert_cmpuint (now, ==, before - N_EACH - 1);
  }
}

static void
test_empty (void)
{
  g_autofree char *path = sk_test_path ("empty.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = sk_evaluation_overview (store, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 0);
  csv = sk_evaluation_overview_csv (months);
  g_assert_nonnull (g_str_has_prefix (csv, "Month,") ? csv : NULL);
  g_assert_cmpuint (strlen (strchr (csv, '\n')), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/evaluation/answers", test_answers);
  g_test_add_func ("/evaluation/history-and-journal", test_history_and_journal);
  g_test_add_func ("/evaluation/overview", test_overview);
  g_test_add_func ("/evaluation/empty", test_empty);
  return g_test_run ();
}
