/* test-goals-tool.c — "My Goals", as the caseworker and the child use it:
 * a goal added with the button, the child's words and the formulation
 * typed, "How far are we?" chosen by a click on the ladder and moved with
 * the keys, last time's answer on the progress line; a goal reached and
 * one dropped through their dialogs, with what we tell the child typed
 * and Return; the child's view without the caseworker's parts, and the
 * three faces of the Pictures way.  The file is read after each. */
#include "sk-application.h"
#include "sk-child-view.h"
#include "sk-goal-ladder.h"
#include "sk-goals-tool.h"
#include "sk-note-field.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static SkApplication *app;

static void
prepare (const char *path,
         const char *way)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Malou Winther");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;
  g_autoptr(SkGoals) goals = NULL;
  g_autoptr(SkGoalStep) step = NULL;
  g_autoptr(GError) error = NULL;
  SkGoal *goal;

  g_object_set (child, "birth-year", g_date_time_get_year (now) - 10, "way", way, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 35 * 86400);
  goals = sk_goals_load (store, sk_record_get_id (SK_RECORD (child)), &error);
  goal = sk_goals_add (goals, store, earlier, SK_GOAL_FROM_CHILD, &error);
  g_object_set (goal, "child-words", "Sove hos mormor i weekenden", "formulation",
                "Malou overnatter hos mormor hver anden weekend", NULL);
  step = sk_goals_step (goals, store, goal, sk_record_get_id (SK_RECORD (earlier)), TRUE, &error);
  g_object_set (step, "rung", 3, NULL);
  today = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 600);
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
}

static SkGoalsTool *
open_tool (GtkWidget  *root,
           const char *label)
{
  return SK_GOALS_TOOL (sk_test_open_tool (root, label, SK_TYPE_GOALS_TOOL));
}

/* The @n-th goal card's ladder (from 0), as shown. */
static GtkWidget *
ladder (SkGoalsTool *tool,
        guint        n)
{
  guint seen = 0;

  for (GtkWidget *w = GTK_WIDGET (tool); w != NULL;)
    {
      if (SK_IS_GOAL_LADDER (w) && gtk_widget_get_mapped (w) && seen++ == n)
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != GTK_WIDGET (tool) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == GTK_WIDGET (tool) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static void
click_rung (GtkWidget *widget,
            int        rung)
{
  double x, y;
  graphene_point_t point;

  sk_test_scroll_to (widget);
  sk_goal_ladder_rung_point (SK_GOAL_LADDER (widget), rung, &x, &y);
  point = GRAPHENE_POINT_INIT (x, y);
  /* A press and release where the rung is drawn. */
  sk_test_stroke (widget, &point, 1);
  sk_test_iterate (150);
}

/* The note field titled @title in the @n-th card (from 0). */
static GtkTextView *
field (SkGoalsTool *tool,
       const char  *title,
       guint        n)
{
  guint seen = 0;

  for (GtkWidget *w = GTK_WIDGET (tool); w != NULL;)
    {
      if (SK_IS_NOTE_FIELD (w) && gtk_widget_get_mapped (w))
        {
          g_autofree char *its = NULL;

          g_object_get (w, "title", &its, NULL);
          if (g_strcmp0 (its, title) == 0 && seen++ == n)
            return sk_note_field_get_text_view (SK_NOTE_FIELD (w));
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != GTK_WIDGET (tool) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == GTK_WIDGET (tool) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return sk_test_toplevel_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
dialog_gone (gpointer data)
{
  return !sk_test_toplevel_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

/* Through the dialog, as a person: the button, the reason typed, Return. */
static void
close_goal (SkGoalsTool *tool,
            const char  *button,
            const char  *reason)
{
  sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, button));
  g_assert_true (sk_test_wait_for (dialog_shown, NULL, 3000));
  sk_test_iterate (300);
  sk_test_focus_window (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  sk_test_type (reason);
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (dialog_gone, NULL, 3000));
  sk_test_iterate (300);
}

#define GOALS "SELECT group_concat(state || ':' || child_words || ':' || reason, '|') FROM goals ORDER BY position"
#define TODAYS_RUNGS "SELECT group_concat(s.rung, ',') FROM goal_steps s " \
                     "WHERE s.conversation_id = (SELECT max(id) FROM conversations) ORDER BY s.goal_id"

static void
test_caseworker (void)
{
  g_autofree char *path = sk_test_path ("caseworker.db");
  SkWindow *window;
  SkGoalsTool *tool;
  GtkWidget *first;

  prepare (path, "words");
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "My Goals");
  /* Last time's goal is followed up today. */
  first = ladder (tool, 0);
  g_assert_nonnull (first);
  g_assert_cmpint (sk_goal_ladder_get_rung (SK_GOAL_LADDER (first)), ==, -1);
  click_rung (first, 6);
  sk_test_assert_sql (path, TODAYS_RUNGS, "6");
  g_assert_cmpint (sk_goal_ladder_get_rung (SK_GOAL_LADDER (first)), ==, 6);
  /* The keys move it: up one. */
  sk_test_press ("Up");
  sk_test_assert_sql (path, TODAYS_RUNGS, "7");
  /* The progress line: last time's 3 and today's 7. */
  {
    g_autoptr(GArray) points = NULL;
    g_autoptr(GError) error = NULL;
    SkGoals *goals = sk_goals_tool_get_goals (tool);
    g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), 0);
    points = sk_goals_progress (goals, sk_tool_get_store (SK_TOOL (tool)), goal, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (points->len, ==, 2);
    g_assert_cmpint (g_array_index (points, SkGoalPoint, 0).rung, ==, 3);
    g_assert_cmpint (g_array_index (points, SkGoalPoint, 1).rung, ==, 7);
  }
  sk_test_click_in_view (GTK_WIDGET (field (tool, "What is different now?", 0)));
  sk_test_type ("Jeg har sovet der to gange");
  sk_test_assert_sql (path, "SELECT words FROM goal_steps WHERE conversation_id = (SELECT max(id) FROM conversations)",
              "Jeg har sovet der to gange");

  /* A new goal, with the child's words and ours. */
  sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Add a Goal"));
  sk_test_click_in_view (GTK_WIDGET (field (tool, "What would you like to be different?", 1)));
  sk_test_type ("Ikke blive drillet i frikvarteret 😟");
  sk_test_click_in_view (GTK_WIDGET (field (tool, "Our formulation for the plan", 1)));
  sk_test_type ("Skolen laver en plan mod drillerier");
  sk_test_assert_sql (path, "SELECT child_words || '|' || formulation || '|' || source || '|' || state FROM goals WHERE position = 1",
              "Ikke blive drillet i frikvarteret 😟|Skolen laver en plan mod drillerier|child|open");
  click_rung (ladder (tool, 1), 2);
  sk_test_assert_sql (path, TODAYS_RUNGS, "7,2");
  sk_test_save_screenshot (GTK_WIDGET (window), "goals-caseworker-test.png");

  /* For the case system: saved as text through the file chooser. */
  {
    g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-goals-XXXXXX", NULL);
    g_autofree char *file = g_build_filename (dir, "maal.txt", NULL);
    g_autofree char *text = NULL;
    GStatBuf st;

    sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Save the Goals as Text…"));
    sk_test_save_in_chooser (file);
    g_assert_cmpint (g_stat (file, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "Goals for the child’s plan: Malou Winther\n"));
    g_assert_nonnull (strstr (text, "Goal 1 (Working on it)\n  In the child’s words: Sove hos mormor i weekenden\n"));
    g_assert_nonnull (strstr (text, "  Our formulation: Skolen laver en plan mod drillerier\n"));
    g_assert_nonnull (strstr (text, "  – Jeg har sovet der to gange\n"));
    g_unlink (file);
    g_rmdir (dir);
    sk_test_focus_window (GTK_WINDOW (window));
  }

  /* The first goal reached, the second dropped, each with what we tell
   * the child. */
  close_goal (tool, "Reached", "Du sover hos mormor nu");
  sk_test_assert_sql (path, GOALS, "reached:Sove hos mormor i weekenden:Du sover hos mormor nu|"
                           "open:Ikke blive drillet i frikvarteret 😟:");
  g_assert_nonnull (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, "Reached, Changed and Dropped"));
  close_goal (tool, "Drop…", "Det er ikke et problem mere");
  sk_test_assert_sql (path, GOALS, "reached:Sove hos mormor i weekenden:Du sover hos mormor nu|"
                           "dropped:Ikke blive drillet i frikvarteret 😟:Det er ikke et problem mere");
  g_assert_null (ladder (tool, 0));
  g_assert_nonnull (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL,
                                        "No goals yet. A goal is something the child would like to be different."));
  sk_test_close_conversation (window);
}

static void
test_change (void)
{
  g_autofree char *path = sk_test_path ("change.db");
  SkWindow *window;
  SkGoalsTool *tool;

  prepare (path, "words");
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "My Goals");
  close_goal (tool, "Change…", "Vi prøver med hver tredje weekend");
  /* The old goal changed; a new one in its place, the same words. */
  sk_test_assert_sql (path, "SELECT group_concat(state || ':' || child_words || ':' || (replaces > 0), '|') FROM goals ORDER BY id",
              "changed:Sove hos mormor i weekenden:0|open:Sove hos mormor i weekenden:1");
  g_assert_nonnull (ladder (tool, 0));
  g_assert_cmpint (sk_goal_ladder_get_rung (SK_GOAL_LADDER (ladder (tool, 0))), ==, -1);
  sk_test_close_conversation (window);
}

static void
test_child_view (void)
{
  g_autofree char *path = sk_test_path ("child.db");
  SkWindow *window;
  SkGoalsTool *tool;

  prepare (path, "words");
  window = sk_test_open_conversation (app, path, TRUE);
  tool = open_tool (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW), "My Goals");
  click_rung (ladder (tool, 0), 8);
  sk_test_assert_sql (path, TODAYS_RUNGS, "8");
  /* The child's words, not the caseworker's formulation or buttons. */
  g_assert_nonnull (field (tool, "What would you like to be different?", 0));
  g_assert_null (field (tool, "Our formulation for the plan", 0));
  g_assert_null (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Reached"));
  g_assert_null (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Save the Goals as Text…"));
  /* The child's own new goal. */
  sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Add a Goal"));
  sk_test_type ("Flere venner");
  sk_test_assert_sql (path, "SELECT child_words || ':' || source FROM goals WHERE position = 1", "Flere venner:child");
  sk_test_save_screenshot (GTK_WIDGET (window), "goals-child-test.png");
  sk_test_close_conversation (window);
}

static void
test_pictures (void)
{
  g_autofree char *path = sk_test_path ("pictures.db");
  SkWindow *window;
  SkGoalsTool *tool;
  GtkWidget *middle;

  prepare (path, "pictures");
  window = sk_test_open_conversation (app, path, TRUE);
  tool = open_tool (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW), "My Goals");
  g_assert_null (ladder (tool, 0));
  middle = sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Some of the way");
  sk_test_click_in_view (middle);
  sk_test_assert_sql (path, TODAYS_RUNGS, "5");
  sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "There"));
  sk_test_assert_sql (path, TODAYS_RUNGS, "10");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (middle)));
  sk_test_close_conversation (window);
}

static void
test_screenshots (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("dk.samtalekuffert.Samtalekuffert");
  const char *languages[] = { "da", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("screens-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);
      gboolean da = l == 0;
      const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
      SkWindow *window;
      SkGoalsTool *tool;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      prepare (path, "words");
      window = sk_test_open_conversation (app, path, FALSE);
      tool = open_tool (GTK_WIDGET (window), da ? "Mine mål" : "My Goals");
      click_rung (ladder (tool, 0), 6);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *shot = g_strdup_printf ("goals-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          sk_test_iterate (400);
          sk_test_scroll_to (GTK_WIDGET (tool));
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), shot);
        }
      sk_test_close_conversation (window);
      window = sk_test_open_conversation (app, path, TRUE);
      tool = open_tool (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW), da ? "Mine mål" : "My Goals");
      sk_test_scroll_to (GTK_WIDGET (tool));
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("goals-child-%s-1280x800.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      sk_test_close_conversation (window);
    }
  g_settings_set_string (settings, "language", "en");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/goals-tool/caseworker", test_caseworker);
  g_test_add_func ("/goals-tool/change", test_change);
  g_test_add_func ("/goals-tool/child-view", test_child_view);
  g_test_add_func ("/goals-tool/pictures", test_pictures);
  g_test_add_func ("/goals-tool/screenshots", test_screenshots);
  return sk_test_app_run (&app);
}
