/* test-lundy-tool.c — the Lundy steps and last time, driven through the
 * window */
#include "sk-application.h"
#include "sk-child-page.h"
#include "sk-last-time-tool.h"
#include "sk-lundy-line.h"
#include "sk-lundy-marks.h"
#include "sk-lundy-tool.h"
#include "sk-lundy.h"
#include "sk-note-field.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>

static SkApplication *app;

/* A child with an earlier conversation (with agreements) and today's. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_test_store_open (path, &error);
  g_autoptr(SkChild) child = sk_child_new ("Maja");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;

  g_assert_no_error (error);
  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_test_add_conversation (store, child, 1760000000);
  g_object_set (earlier,
                "agreements", "Maja må ringe til mig, når hun vil.",
                "next-steps", "Jeg taler med skolen om frikvartererne.",
                "private-notes", "KUN-TIL-RÅDGIVEREN",
                NULL);
  today = sk_test_add_conversation (store, child, 1763900000);
  g_assert_true (sk_store_flush (store, &error));
}

static SkWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);
  g_autoptr(SkChild) child = NULL;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_window_select_child (window, child);
  sk_test_iterate (200);
  return window;
}

static GtkWidget *
conversation_row (SkWindow *window,
                  int       index)
{
  GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_PAGE);
  GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index));
}

static void
close_window (SkWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  return sk_test_find_labelled (root, GTK_TYPE_CHECK_BUTTON, label);
}

static void
test_prepare_hold_evaluate (void)
{
  g_autofree char *path = sk_test_path ("lundy.db");
  SkWindow *window;
  GtkWidget *row, *tool, *marks, *note, *line;
  char *value;

  prepare_database (path);
  window = open_window (path);

  /* Nothing prepared yet: four empty marks, said in words. */
  row = conversation_row (window, 0);
  marks = sk_test_find_type (row, SK_TYPE_LUNDY_MARKS);
  g_assert_cmpuint (sk_lundy_marks_get_mask (SK_LUNDY_MARKS (marks)), ==, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marks), ==,
                   "Space: not yet; Voice: not yet; Audience: not yet; Influence: not yet");

  /* "Prepare" opens today's conversation straight on the steps, before. */
  sk_test_click (sk_test_find_type (row, GTK_TYPE_BUTTON));
  sk_test_iterate (300);
  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LUNDY_TOOL);
  g_assert_true (gtk_widget_get_mapped (tool));
  g_assert_cmpstr (sk_lundy_tool_get_page (SK_LUNDY_TOOL (tool)), ==, SK_LUNDY_PAGE_BEFORE);

  /* Checking items and writing notes reach the file. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (tool, "Is the room safe and child-friendly?")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (tool, "Which tools suit this child?")), TRUE);
  value = sk_test_sql (path, "SELECT group_concat(step || ':' || checked, ' ') FROM lundy_answers WHERE checked != ''");
  g_assert_cmpstr (value, ==, "space:room voice:tools");
  g_free (value);
  note = sk_test_find_type (tool, SK_TYPE_NOTE_FIELD);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (sk_note_field_get_text_view (SK_NOTE_FIELD (note))),
                            "Lokale 2 med sofaen; Maja vil gerne tegne.", -1);
  sk_test_iterate (450);
  value = sk_test_sql (path, "SELECT note FROM lundy_answers WHERE step = 'space' AND phase = 0");
  g_assert_cmpstr (value, ==, "Lokale 2 med sofaen; Maja vil gerne tegne.");
  g_free (value);

  /* With the child: a step's line on the whole window, and back. */
  sk_lundy_tool_show_page (SK_LUNDY_TOOL (tool), SK_LUNDY_PAGE_WITH_CHILD);
  sk_test_iterate (300);
  {
    g_autofree char *text = sk_test_visible_text (tool);

    g_assert_nonnull (strstr (text, "This is a safe place to talk. You can take a break at any time."));
  }
  /* Ctrl+3, from the keyboard, wherever it is in the window. */
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control>3");
  sk_test_iterate (300);
  line = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LUNDY_LINE);
  g_assert_true (gtk_widget_get_mapped (line));
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, "I am listening. Together we decide who else gets to hear what you said."));
    /* Nothing else on the screen: no list, no notes. */
    g_assert_null (strstr (text, "Maja"));
    g_assert_null (strstr (text, "Lokale 2"));
  }
  /* The same key again goes back (as Escape and the button do). */
  sk_test_press ("<Control>3");
  sk_test_iterate (300);
  g_assert_false (gtk_widget_get_mapped (line));
  g_assert_true (gtk_widget_get_mapped (tool));

  /* After: the evaluation. */
  sk_lundy_tool_show_page (SK_LUNDY_TOOL (tool), SK_LUNDY_PAGE_AFTER);
  sk_test_iterate (300);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (tool, "Did the child feel safe?")), TRUE);
  value = sk_test_sql (path, "SELECT checked FROM lundy_answers WHERE step = 'space' AND phase = 1");
  g_assert_cmpstr (value, ==, "safe");
  g_free (value);

  /* Back in the list, the marks show it: space prepared and evaluated,
   * voice prepared. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "back", NULL);
  sk_test_iterate (400);
  row = conversation_row (window, 0);
  marks = sk_test_find_type (row, SK_TYPE_LUNDY_MARKS);
  g_assert_cmpuint (sk_lundy_marks_get_mask (SK_LUNDY_MARKS (marks)), ==, (1u << 0) | (1u << 1) | (1u << 2));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (marks), ==,
                   "Space: prepared and evaluated; Voice: prepared; Audience: not yet; Influence: not yet");

  /* Everything survives a restart. */
  close_window (window);
  window = open_window (path);
  row = conversation_row (window, 0);
  marks = sk_test_find_type (row, SK_TYPE_LUNDY_MARKS);
  g_assert_cmpuint (sk_lundy_marks_get_mask (SK_LUNDY_MARKS (marks)), ==, (1u << 0) | (1u << 1) | (1u << 2));
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  sk_test_iterate (300);
  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LUNDY_TOOL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (tool, "Is the room safe and child-friendly?"))));
  close_window (window);
}

static void
test_last_time (void)
{
  g_autofree char *path = sk_test_path ("last-time.db");
  SkWindow *window;
  GtkWidget *last_time, *view, *note;
  char *value;

  prepare_database (path);
  window = open_window (path);

  /* The earlier conversation (second in the list) has no last time. */
  g_signal_emit_by_name (gtk_widget_get_parent (conversation_row (window, 1)), "row-activated", conversation_row (window, 1));
  sk_test_iterate (300);
  last_time = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LAST_TIME_TOOL);
  g_assert_false (gtk_widget_get_visible (last_time));

  /* Today's opens with last time's agreements and next steps. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "back", NULL);
  sk_test_iterate (300);
  g_signal_emit_by_name (gtk_widget_get_parent (conversation_row (window, 0)), "row-activated", conversation_row (window, 0));
  sk_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (last_time));
  {
    g_autofree char *text = sk_test_visible_text (last_time);

    g_assert_nonnull (strstr (text, "Maja må ringe til mig, når hun vil."));
    g_assert_nonnull (strstr (text, "Jeg taler med skolen om frikvartererne."));
    g_assert_nonnull (strstr (text, "What happened with what you said last time"));
    g_assert_null (strstr (text, "KUN-TIL-RÅDGIVEREN"));
  }

  /* What happened since: stored with today's conversation, with the
   * child's choice for the parents. */
  note = sk_test_find_type (last_time, SK_TYPE_NOTE_FIELD);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (sk_note_field_get_text_view (SK_NOTE_FIELD (note))),
                            "Skolen har lavet en frikvartersven-ordning.", -1);
  sk_test_click (sk_test_find_type (last_time, GTK_TYPE_TOGGLE_BUTTON));
  sk_test_iterate (450);
  value = sk_test_sql (path, "SELECT feedback || '|' || feedback_shared FROM conversations WHERE started_at = 1763900000");
  g_assert_cmpstr (value, ==, "Skolen har lavet en frikvartersven-ordning.|1");
  g_free (value);
  value = sk_test_sql (path, "SELECT feedback FROM conversations WHERE started_at = 1760000000");
  g_assert_cmpstr (value, ==, "");
  g_free (value);

  /* The child sees it too, in the child's view. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  sk_test_iterate (600);
  view = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));
  {
    g_autofree char *text = sk_test_visible_text (view);

    g_assert_nonnull (strstr (text, "Skolen har lavet en frikvartersven-ordning."));
    g_assert_nonnull (strstr (text, "Maja må ringe til mig, når hun vil."));
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
  sk_test_iterate (300);
  close_window (window);
}

/* For a person to look at: the Lundy view in Danish, each page, and a
 * step's line on the whole screen. */
static void
test_screenshots (void)
{
  g_autofree char *path = sk_test_path ("lundy-da.db");
  GSettings *settings = sk_application_get_settings (app);
  static const char * const pages[] = { SK_LUNDY_PAGE_BEFORE, SK_LUNDY_PAGE_WITH_CHILD, SK_LUNDY_PAGE_AFTER };
  /* Something to focus on each page. */
  static const char * const first[] = { "Har jeg spurgt barnet, hvor og hvornår det vil tale?", "Vis for barnet",
                                        "Følte barnet sig trygt?" };
  SkWindow *window;
  GtkWidget *tool, *row;

  g_settings_set_string (settings, "language", "da");
  sk_test_iterate (100);
  prepare_database (path);
  window = open_window (path);
  row = conversation_row (window, 0);
  sk_test_click (sk_test_find_type (row, GTK_TYPE_BUTTON));
  sk_test_iterate (300);
  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LUNDY_TOOL);
  {
    g_autofree char *text = sk_test_visible_text (tool);

    g_assert_nonnull (strstr (text, "Lundy-modellen"));
    g_assert_nonnull (strstr (text, "Har jeg spurgt barnet, hvor og hvornår det vil tale?"));
    g_assert_null (strstr (text, "Have I asked"));
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (tool, "Er rummet trygt og børnevenligt?")), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("lundy-%s-da-1280x800.png", pages[i]);

      sk_lundy_tool_show_page (SK_LUNDY_TOOL (tool), pages[i]);
      sk_test_iterate (300);
      /* Focus on the page shown, so that the page does not scroll back
       * to a focused widget that is gone. */
      {
        GtkWidget *focus = sk_test_find_shown (tool, i == 1 ? GTK_TYPE_BUTTON : GTK_TYPE_CHECK_BUTTON, first[i]);

        gtk_widget_grab_focus (focus);
        sk_test_iterate (300);
        /* The first step's card at the top. */
        sk_test_scroll_to (gtk_widget_get_parent (focus));
        sk_test_iterate (300);
      }
      sk_test_save_screenshot (GTK_WIDGET (window), name);
    }
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control>2");
  sk_test_iterate (400);
  sk_test_save_screenshot (GTK_WIDGET (window), "lundy-line-da-1280x800.png");

  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, "Du kan fortælle på din egen måde"));
  }
  sk_test_press ("Escape");
  sk_test_iterate (200);
  /* Last time's agreements open the conversation. */
  sk_test_scroll_to (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_LAST_TIME_TOOL));
  sk_test_iterate (300);
  sk_test_save_screenshot (GTK_WIDGET (window), "last-time-da-1280x800.png");
  g_action_group_activate_action (G_ACTION_GROUP (window), "back", NULL);
  sk_test_iterate (400);
  sk_test_save_screenshot (GTK_WIDGET (window), "lundy-marks-da-1280x800.png");
  close_window (window);
  g_settings_reset (settings, "language");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/lundy-tool/prepare-hold-evaluate", test_prepare_hold_evaluate);
  g_test_add_func ("/lundy-tool/last-time", test_last_time);
  g_test_add_func ("/lundy-tool/screenshots", test_screenshots);

  return sk_test_app_run (&app);
}
