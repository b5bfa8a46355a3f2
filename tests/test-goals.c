/* test-goals.c — the child's goals on a real file: follow-ups kept and
 * ordered by the conversations' time, a goal changed into a new one and
 * others reached and dropped with their reasons; the journal note of a
 * conversation; the plain text for the case system; and the parents'
 * PDF read back: a shared goal with its words and progress line, a goal
 * not shared not at all. */
#include "sk-goals.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-tool-module.h"
#include "sk-i18n.h"
#include "sk-test-util.h"

#include <string.h>

static gint64
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_to_unix (now) - days * 86400 - 3600;
}

typedef struct
{
  SkStore        *store;
  SkChild        *child;
  SkConversation *conversations[3];   /* 60, 30 days ago and today */
  SkGoals        *goals;
  SkGoal         *shared;             /* followed up 2, 5, 8 */
  SkGoal         *private;            /* not shared */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = sk_test_path ("goals.db");
  g_autoptr(GError) error = NULL;
  const int rungs[] = { 2, 5, 8 };

  fixture->store = sk_test_open_store (path);
  fixture->child = sk_child_new ("Nikolaj Bech");
  g_assert_true (sk_store_insert (fixture->store, fixture->child, &error));
  /* Made out of order: today's first. */
  fixture->conversations[2] = sk_test_add_conversation (fixture->store, fixture->child, days_ago (0));
  fixture->conversations[0] = sk_test_add_conversation (fixture->store, fixture->child, days_ago (60));
  fixture->conversations[1] = sk_test_add_conversation (fixture->store, fixture->child, days_ago (30));
  fixture->goals = sk_goals_load (fixture->store, sk_record_get_id (SK_RECORD (fixture->child)), &error);
  g_assert_no_error (error);
  fixture->shared = sk_goals_add (fixture->goals, fixture->store, fixture->conversations[0], SK_GOAL_FROM_CHILD, &error);
  g_object_set (fixture->shared, "child-words", "At kunne sove om natten", "formulation",
                "Nikolaj sover igennem mindst fem nætter om ugen", "shared", TRUE, NULL);
  fixture->private = sk_goals_add (fixture->goals, fixture->store, fixture->conversations[0], SK_GOAL_FROM_PARENTS, &error);
  g_object_set (fixture->private, "child-words", "Ikke tale om far", "formulation", "Samvær med far afklares", NULL);
  /* Followed up in the order today, 60 days, 30 days. */
  for (guint i = 0; i < 3; i++)
    {
      guint c = (i + 2) % 3;
      g_autoptr(SkGoalStep) step = sk_goals_step (fixture->goals, fixture->store, fixture->shared,
                                                  sk_record_get_id (SK_RECORD (fixture->conversations[c])), TRUE, &error);

      g_assert_no_error (error);
      g_object_set (step, "rung", rungs[c], NULL);
      if (c == 2)
        g_object_set (step, "words", "Jeg vågner kun en gang nu", NULL);
    }
  g_assert_true (sk_store_flush (fixture->store, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->goals, sk_goals_free);
  for (guint i = 0; i < 3; i++)
    g_clear_object (&fixture->conversations[i]);
  g_clear_object (&fixture->child);
  g_clear_object (&fixture->store);
}

static void
test_kept (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkGoals) again = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(SkGoal) first = NULL;
  GListStore *steps;
  gint64 id = sk_record_get_id (SK_RECORD (fixture->shared));

  g_autofree char *path = g_strdup (sk_store_get_path (fixture->store));

  g_clear_object (&fixture->store);
  fixture->store = sk_test_open_store (path);
  again = sk_goals_load (fixture->store, sk_record_get_id (SK_RECORD (fixture->child)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again->goals)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (again->goals), 0);
  g_assert_cmpint (sk_record_get_id (SK_RECORD (first)), ==, id);
  g_assert_cmpint (sk_goal_get_source (first), ==, SK_GOAL_FROM_CHILD);
  g_assert_true (sk_goal_is_open (first));
  /* The follow-ups by the conversations' time, not the order made. */
  steps = g_hash_table_lookup (again->steps, &id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      static const int expected[] = { 2, 5, 8 };
      g_autoptr(SkGoalStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);

      g_assert_cmpint (sk_goal_step_get_rung (step), ==, expected[i]);
    }
  points = sk_goals_progress (again, fixture->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpint (g_array_index (points, SkGoalPoint, 0).rung, ==, 2);
  g_assert_cmpint (g_array_index (points, SkGoalPoint, 2).rung, ==, 8);
  g_assert_cmpint (g_array_index (points, SkGoalPoint, 0).at, <, g_array_index (points, SkGoalPoint, 1).at);
  /* One follow-up per conversation. */
  {
    g_autoptr(SkGoalStep) same = sk_goals_step (again, fixture->store, first,
                                                sk_record_get_id (SK_RECORD (fixture->conversations[1])), TRUE, &error);

    g_assert_cmpint (sk_goal_step_get_rung (same), ==, 5);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), ==, 3);
  }
}

static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sk_store_get_path (fixture->store));
  g_autofree char *rows = NULL;
  SkGoal *next;

  next = sk_goals_change (fixture->goals, fixture->store, fixture->private, fixture->conversations[2],
                          "Vi taler om det, når du er klar", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sk_goal_get_state (fixture->private), ==, SK_GOAL_CHANGED);
  g_assert_true (sk_goal_is_open (next));
  g_assert_cmpstr (sk_record_get_string (SK_RECORD (next), "child-words"), ==, "Ikke tale om far");
  g_assert_cmpint (sk_goal_get_source (next), ==, SK_GOAL_FROM_PARENTS);
  g_assert_cmpint (sk_record_get_int64 (SK_RECORD (next), "replaces"), ==, sk_record_get_id (SK_RECORD (fixture->private)));
  sk_goal_close (next, SK_GOAL_DROPPED, "Det er ikke vigtigt for dig mere");
  sk_goal_close (fixture->shared, SK_GOAL_REACHED, "Du sover godt nu");
  g_assert_true (sk_store_flush (fixture->store, &error));
  rows = sk_test_sql (path, "SELECT group_concat(state || ':' || reason || ':' || (closed_at > 0), '|') FROM goals ORDER BY id");
  g_assert_cmpstr (rows, ==, "reached:Du sover godt nu:1|changed:Vi taler om det, når du er klar:1|"
                             "dropped:Det er ikke vigtigt for dig mere:1");
}

static void
test_journal_and_text (Fixture       *fixture,
                       gconstpointer  data)
{
  const SkToolModule *module = sk_tool_module_find ("goals");
  g_autoptr(GString) journal = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  sk_i18n_set_language ("en");
  g_assert_true (module->journal (journal, fixture->store, fixture->conversations[2], &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (journal->str, "== Goals for the Child’s Plan ==\n"));
  g_assert_nonnull (strstr (journal->str, "At kunne sove om natten (Working on it, The child)\n"));
  g_assert_nonnull (strstr (journal->str, "  Our formulation: Nikolaj sover igennem mindst fem nætter om ugen\n"));
  g_assert_nonnull (strstr (journal->str, "  How far are we? 8/10\n  Jeg vågner kun en gang nu\n"));
  g_assert_nonnull (strstr (journal->str, "Ikke tale om far (Working on it, The parents)"));

  sk_goal_close (fixture->shared, SK_GOAL_REACHED, "Du sover godt nu");
  text = sk_goals_plain_text (fixture->goals, fixture->store, "Nikolaj Bech", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Goals for the child’s plan: Nikolaj Bech\n\n"));
  /* The open goal first, the reached after it. */
  g_assert_nonnull (strstr (text, "Goal 1 (Working on it)\n  In the child’s words: Ikke tale om far\n"));
  g_assert_nonnull (strstr (text, "Goal 2 (Reached)\n  In the child’s words: At kunne sove om natten\n"));
  g_assert_nonnull (strstr (text, ", from the parents\n"));
  g_assert_nonnull (strstr (text, "  Reached "));
  g_assert_nonnull (strstr (text, ": Du sover godt nu\n"));
  g_assert_nonnull (strstr (text, "  How far we are (0–10): "));
  g_assert_nonnull (strstr (text, ": 2, "));
  g_assert_nonnull (strstr (text, ": 8\n"));
  g_assert_nonnull (strstr (text, "  – Jeg vågner kun en gang nu\n"));

  /* A goal set after a conversation is not in that conversation's note. */
  g_string_truncate (journal, 0);
  {
    SkGoal *later = sk_goals_add (fixture->goals, fixture->store, fixture->conversations[2], SK_GOAL_FROM_CASEWORKER, &error);

    g_object_set (later, "child-words", "Svømning om tirsdagen", NULL);
  }
  g_assert_true (module->journal (journal, fixture->store, fixture->conversations[0], &error));
  g_assert_null (strstr (journal->str, "Svømning"));
}

static void
test_paper (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autoptr(SkSummary) summary = sk_summary_build (fixture->store, fixture->conversations[2], language, NULL, &error);
      g_autofree char *name = g_strdup_printf ("goals-%s.pdf", language);
      g_autofree char *pdf = sk_test_path (name);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      sk_test_keep (pdf, name);
      text = sk_test_pdf_text (pdf);
      g_assert_nonnull (strstr (text, l == 0 ? "Nikolajs mål" : "Nikolaj’s goals"));
      g_assert_nonnull (strstr (text, l == 0 ? "»At kunne sove om natten«" : "“At kunne sove om natten”"));
      g_assert_nonnull (strstr (text, "Nikolaj sover igennem mindst fem nætter om ugen"));
      /* The progress line's scale. */
      g_assert_nonnull (strstr (text, " 10 "));
      /* Not shared: not on the paper. */
      g_assert_null (strstr (text, "Ikke tale om far"));
      g_assert_null (strstr (text, "Samvær"));
      g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
    }
  /* The choices offer both goals. */
  {
    g_autoptr(GPtrArray) choices = sk_summary_list_choices (fixture->store, fixture->conversations[2], &error);
    guint goals = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < choices->len; i++)
      if (g_strcmp0 (((SkShareItem *) choices->pdata[i])->group, "My Goals") == 0)
        goals++;
    g_assert_cmpuint (goals, ==, 2);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/goals/kept", Fixture, NULL, fixture_set_up, test_kept, fixture_tear_down);
  g_test_add ("/goals/close", Fixture, NULL, fixture_set_up, test_close, fixture_tear_down);
  g_test_add ("/goals/journal-and-text", Fixture, NULL, fixture_set_up, test_journal_and_text, fixture_tear_down);
  g_test_add ("/goals/paper", Fixture, NULL, fixture_set_up, test_paper, fixture_tear_down);
  return g_test_run ();
}
