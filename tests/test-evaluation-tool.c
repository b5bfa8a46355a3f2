/* test-evaluation-tool.c — "How was it?", as the child and the caseworker
 * use it: the faces clicked in the child's view (and one taken back), the
 * child's words typed, the file read after each; in the caseworker's view
 * the child's row over time beside the caseworker's own Lundy evaluation,
 * and the overview across children opened from its button and saved as
 * CSV through the file chooser — holding no name or words. */
#include "sk-application.h"
#include "sk-child-view.h"
#include "sk-evaluation-overview.h"
#include "sk-evaluation-tool.h"
#include "sk-lundy.h"
#include "sk-note-field.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static SkApplication *app;

static void
prepare (const char *path)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Sofus Brandt");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;
  g_autoptr(SkEvaluation) evaluation = NULL;
  g_autoptr(GListStore) lundy = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (child, "birth-year", g_date_time_get_year (now) - 9, "case-ref", "27.12.04-G01-31337-26", NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 40 * 86400);
  evaluation = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (earlier)), TRUE, &error);
  sk_evaluation_set_answer (evaluation, 0, SK_EVALUATION_NO);
  sk_evaluation_set_answer (evaluation, 1, SK_EVALUATION_A_LITTLE);
  g_object_set (evaluation, "words", "Rummet var for lille", NULL);
  /* The caseworker evaluated Space afterwards, that time. */
  lundy = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (earlier)), TRUE, &error);
  sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (lundy), "space", SK_LUNDY_AFTER), "safe");
  today = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 600);
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
}

static SkEvaluationTool *
open_tool (GtkWidget  *root,
           const char *label)
{
  return SK_EVALUATION_TOOL (sk_test_open_tool (root, label, SK_TYPE_EVALUATION_TOOL));
}

/* The face @answer ("Yes") under @question, as it is on screen. */
static GtkWidget *
face (SkEvaluationTool *tool,
      const char       *question,
      const char       *answer)
{
  GtkWidget *card = sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, question);

  while (card != NULL && !gtk_widget_has_css_class (card, "evaluation-question"))
    card = gtk_widget_get_parent (card);
  g_assert_nonnull (card);
  return sk_test_find_shown (card, GTK_TYPE_TOGGLE_BUTTON, answer);
}

#define TODAY "SELECT space || voice || audience || influence FROM child_evaluations " \
              "WHERE conversation_id = (SELECT max(id) FROM conversations)"

static void
test_child_view (void)
{
  g_autofree char *path = sk_test_path ("child.db");
  SkWindow *window;
  SkEvaluationTool *tool;
  GtkWidget *view;

  prepare (path);
  window = sk_test_open_conversation (app, path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  tool = open_tool (view, "How Was It?");
  sk_test_assert_sql (path, TODAY, "0000");

  sk_test_click_in_view (face (tool, "Did you feel safe here?", "Yes"));
  sk_test_assert_sql (path, TODAY, "1000");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face (tool, "Did you feel safe here?", "Yes"))));
  /* Another face for the same question: only that one is chosen. */
  sk_test_click_in_view (face (tool, "Did you feel safe here?", "A little"));
  sk_test_assert_sql (path, TODAY, "2000");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (face (tool, "Did you feel safe here?", "Yes"))));
  sk_test_click_in_view (face (tool, "Did I listen to you?", "No"));
  sk_test_click_in_view (face (tool, "Do you know what will happen with what you said?", "Yes"));
  sk_test_assert_sql (path, TODAY, "2031");
  /* Chosen again: taken back. */
  sk_test_click_in_view (face (tool, "Do you know what will happen with what you said?", "Yes"));
  sk_test_assert_sql (path, TODAY, "2030");

  /* The child's own words. */
  {
    GtkWidget *field = sk_test_find_type (GTK_WIDGET (tool), SK_TYPE_NOTE_FIELD);

    sk_test_click_in_view (GTK_WIDGET (sk_note_field_get_text_view (SK_NOTE_FIELD (field))));
    sk_test_type ("Mere tid til at tegne næste gang 🎨");
    sk_test_assert_sql (path, "SELECT words FROM child_evaluations WHERE conversation_id = (SELECT max(id) FROM conversations)",
                "Mere tid til at tegne næste gang 🎨");
  }
  /* The child sees only today's faces: no row over time, no overview. */
  g_assert_null (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, "Over Time"));
  g_assert_null (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "All Children, per Month…"));
  sk_test_save_screenshot (GTK_WIDGET (window), "evaluation-child-test.png");
  sk_test_close_conversation (window);
}

static gboolean
overview_shown (gpointer data)
{
  return sk_test_toplevel_shown (GSIZE_TO_POINTER (SK_TYPE_EVALUATION_OVERVIEW));
}

static void
test_caseworker (void)
{
  g_autofree char *path = sk_test_path ("caseworker.db");
  g_autofree char *csv_dir = g_dir_make_tmp ("samtalekuffert-csv-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (csv_dir, "evalueringer.csv", NULL);
  g_autofree char *csv = NULL;
  SkWindow *window;
  SkEvaluationTool *tool;
  GtkWindow *overview;

  prepare (path);
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "How Was It?");
  sk_test_click_in_view (face (tool, "Did you get to say what you wanted?", "Yes"));
  sk_test_assert_sql (path, TODAY, "0100");

  /* The row over time: last time's faces and today's, and the
   * caseworker's own evaluation of Space last time. */
  g_assert_nonnull (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, "Over Time"));
  g_assert_nonnull (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_WIDGET, "Safe: No · you evaluated it too"));
  g_assert_nonnull (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_WIDGET, "Said it: A little"));
  g_assert_nonnull (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_WIDGET, "Said it: Yes"));
  g_assert_nonnull (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_WIDGET, "Listened to: no answer"));
  sk_test_scroll_to (GTK_WIDGET (tool));
  sk_test_save_screenshot (GTK_WIDGET (window), "evaluation-caseworker-test.png");

  /* The overview, from its button. */
  sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "All Children, per Month…"));
  g_assert_true (sk_test_wait_for (overview_shown, NULL, 3000));
  overview = sk_test_find_toplevel (SK_TYPE_EVALUATION_OVERVIEW);
  sk_test_iterate (300);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (overview));

    g_assert_nonnull (strstr (text, "Month"));
    g_assert_null (strstr (text, "Sofus"));
    g_assert_null (strstr (text, "Brandt"));
    g_assert_null (strstr (text, "31337"));
    g_assert_null (strstr (text, "Rummet"));
  }
  sk_test_save_screenshot (GTK_WIDGET (overview), "evaluation-overview-test.png");

  /* Saved as a person does: the button, a name typed, Return. */
  sk_test_focus_window (overview);
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (overview), GTK_TYPE_BUTTON, "Save as CSV…"));
  sk_test_save_in_chooser (csv_path);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "Month,Conversations,With the child's evaluation,Safe: Yes,"));
  g_assert_null (strstr (csv, "Sofus"));
  g_assert_null (strstr (csv, "Brandt"));
  g_assert_null (strstr (csv, "31337"));
  g_assert_null (strstr (csv, "Rummet"));
  /* Two conversations; this month's evaluated one says "Said it: Yes". */
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    guint conversations = 0;

    for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 15);
        conversations += atoi (fields[1]);
      }
    g_assert_cmpuint (conversations, ==, 2);
  }
  gtk_window_destroy (overview);
  sk_test_iterate (100);
  g_unlink (csv_path);
  g_rmdir (csv_dir);
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
      SkWindow *window;
      SkEvaluationTool *tool;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      prepare (path);
      window = sk_test_open_conversation (app, path, TRUE);
      tool = open_tool (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW), da ? "Hvordan var det?" : "How Was It?");
      sk_test_click_in_view (face (tool, da ? "Var det trygt at være her?" : "Did you feel safe here?", da ? "Ja" : "Yes"));
      sk_test_click_in_view (face (tool, da ? "Lyttede jeg til dig?" : "Did I listen to you?", da ? "Lidt" : "A little"));
      sk_test_scroll_to (GTK_WIDGET (tool));
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("evaluation-child-%s-1280x800.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      sk_test_close_conversation (window);

      window = sk_test_open_conversation (app, path, FALSE);
      tool = open_tool (GTK_WIDGET (window), da ? "Hvordan var det?" : "How Was It?");
      gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
      sk_test_iterate (400);
      sk_test_scroll_to (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, da ? "Over tid" : "Over Time"));
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("evaluation-%s-1920x1080.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      sk_test_click_in_view (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, da ? "Alle børn, måned for måned …" : "All Children, per Month…"));
      g_assert_true (sk_test_wait_for (overview_shown, NULL, 3000));
      sk_test_iterate (400);
      {
        g_autofree char *shot = g_strdup_printf ("evaluation-overview-%s.png", languages[l]);
        GtkWindow *overview = sk_test_find_toplevel (SK_TYPE_EVALUATION_OVERVIEW);

        sk_test_save_screenshot (GTK_WIDGET (overview), shot);
        gtk_window_destroy (overview);
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

  g_test_add_func ("/evaluation-tool/child-view", test_child_view);
  g_test_add_func ("/evaluation-tool/caseworker", test_caseworker);
  g_test_add_func ("/evaluation-tool/screenshots", test_screenshots);
  return sk_test_app_run (&app);
}
