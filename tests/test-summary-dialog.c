/* test-summary-dialog.c — the summary for the parents in the window: the
 * preview and its choices, the language, and the journal note */
#include "sk-application.h"
#include "sk-entry-row.h"
#include "sk-demo.h"
#include "sk-summary-dialog.h"
#include "sk-journal-dialog.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static SkApplication *app;

static SkWindow *
open_today (const char *path)
{
  return sk_test_open_today (app, path);
}

static void
clipboard_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
have_text (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_preview_choices_language_journal (void)
{
  g_autofree char *path = sk_test_path ("summary.db");
  g_autofree char *pdf = sk_test_path ("summary.pdf");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  SkSummaryDialog *dialog;
  GtkWidget *row, *toggle;
  g_autofree char *words = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;
  char *value;

  g_settings_set_string (settings, "language", "da");
  g_settings_set_string (settings, "caseworker-name", "Lone Eksempel");
  sk_test_iterate (100);
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
  }
  window = open_today (path);

  g_action_group_activate_action (G_ACTION_GROUP (window), "summary", NULL);
  sk_test_iterate (400);
  dialog = SK_SUMMARY_DIALOG (sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (sk_summary_dialog_get_n_pages (dialog), >=, 1);
  sk_test_save_screenshot (GTK_WIDGET (dialog), "summary-dialog-da.png");

  /* In Danish, as the interface; shared topics are on it. */
  g_assert_true (sk_summary_dialog_save_pdf (dialog, pdf, &error));
  words = sk_test_pdf_text (pdf);
  g_assert_nonnull (strstr (words, "Vores samtale"));
  g_assert_nonnull (strstr (words, "Skolen"));
  g_assert_nonnull (strstr (words, "Jeres rådgiver: Lone Eksempel"));
  g_assert_null (strstr (words, "Mig selv"));   /* not shared in the demo */
  g_clear_pointer (&words, g_free);

  /* The child takes school off: the record, the file and the pages. */
  row = sk_test_find_choice (GTK_WIDGET (dialog), "Skolen");
  g_assert_nonnull (row);
  toggle = sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "Nej");
  sk_test_scroll_to (row);
  sk_test_iterate (100);
  sk_test_real_click (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "Ja"))));
  value = sk_test_sql (path, "SELECT shared FROM emotion_ratings r JOIN conversations c ON c.id = r.conversation_id "
                             "WHERE r.topic_key = 'school' ORDER BY c.started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);
  g_assert_true (sk_summary_dialog_save_pdf (dialog, pdf, &error));
  words = sk_test_pdf_text (pdf);
  g_assert_null (strstr (words, "Skolen"));
  g_assert_nonnull (strstr (words, "Hjemme"));
  g_clear_pointer (&words, g_free);

  /* An English summary from a Danish interface. */
  sk_summary_dialog_set_language (dialog, "en");
  g_assert_true (sk_summary_dialog_save_pdf (dialog, pdf, &error));
  words = sk_test_pdf_text (pdf);
  g_assert_nonnull (strstr (words, "Our conversation"));
  g_assert_null (strstr (words, "Vores samtale"));
  g_clear_pointer (&words, g_free);
  {
    /* The interface stays Danish. */
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (text, "Sådan har jeg det"));
  }
  gtk_window_close (GTK_WINDOW (dialog));
  sk_test_iterate (100);

  /* The journal note: opened with its button, read, own notes ticked,
   * copied; on the clipboard everything, the caseworker's notes too. */
  {
    GtkWidget *button = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Journalnotat …");
    GtkWindow *journal_dialog;
    GtkWidget *check;
    g_autofree char *text = NULL;

    g_assert_nonnull (button);
    sk_test_scroll_to (button);
    sk_test_iterate (100);
    sk_test_real_click (button);
    sk_test_iterate (300);
    journal_dialog = sk_test_find_toplevel (SK_TYPE_JOURNAL_DIALOG);
    g_assert_nonnull (journal_dialog);
    text = sk_test_visible_text (GTK_WIDGET (journal_dialog));
    g_assert_nonnull (strstr (text, "Samtale med Alma"));
    g_assert_null (strstr (text, "Kun til mig (rådgiverens egne noter)"));
    g_clear_pointer (&text, g_free);
    check = sk_test_find_labelled (GTK_WIDGET (journal_dialog), GTK_TYPE_CHECK_BUTTON,
                                   "Tag mine egne noter med (»Kun til mig«)");
    g_assert_nonnull (check);
    sk_test_real_click (check);
    g_assert_true (g_settings_get_boolean (settings, "journal-own-notes"));
    text = sk_test_visible_text (GTK_WIDGET (journal_dialog));
    g_assert_nonnull (strstr (text, "Kun til mig (rådgiverens egne noter)"));
    sk_test_save_screenshot (GTK_WIDGET (journal_dialog), "journal-dialog-da.png");
    sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (journal_dialog), GTK_TYPE_BUTTON, "Kopiér"));
    sk_test_iterate (200);
    g_assert_null (sk_test_find_toplevel (SK_TYPE_JOURNAL_DIALOG));
    /* The window says so, all of it, in Danish. */
    g_clear_pointer (&text, g_free);
    text = sk_test_visible_text (GTK_WIDGET (window));
    g_assert_nonnull (strstr (text, "Journalnotatet er kopieret: sæt det ind i fagsystemet"));
  }
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_cb, &journal);
  g_assert_true (sk_test_wait_for (have_text, &journal, 2000));
  g_assert_nonnull (strstr (journal, "Samtale med Alma"));
  g_assert_nonnull (strstr (journal, "Kun til mig (rådgiverens egne noter)"));
  g_assert_nonnull (strstr (journal, "Det aftalte vi"));
  g_settings_reset (settings, "journal-own-notes");

  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "caseworker-name");
  sk_test_iterate (100);
}

static gboolean
chooser_shown (gpointer data)
{
  return sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* A PDF that cannot be saved: the dialog says so itself, where the
 * caseworker is looking (it went to the terminal before). */
static void
test_failed_save_is_told_in_the_dialog (void)
{
  g_autofree char *path = sk_test_path ("failed-save.db");
  g_autofree char *folder = sk_test_path ("gone-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) where = NULL;
  SkWindow *window;
  GtkWindow *dialog, *chooser;
  GtkWidget *save;
  g_autofree char *text = NULL;

  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
  }
  window = open_today (path);
  g_action_group_activate_action (G_ACTION_GROUP (window), "summary", NULL);
  sk_test_iterate (400);
  dialog = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  g_assert_nonnull (dialog);
  text = sk_test_visible_text (GTK_WIDGET (dialog));
  g_assert_null (strstr (text, "could not be written"));
  /* No caseworker's name yet: said before anything is printed; gone as
   * soon as the name is set. */
  g_assert_nonnull (strstr (text, "Your name is not set"));
  g_clear_pointer (&text, g_free);
  g_settings_set_string (sk_application_get_settings (app), "caseworker-name", "Lone Eksempel");
  sk_test_iterate (200);
  text = sk_test_visible_text (GTK_WIDGET (dialog));
  g_assert_null (strstr (text, "Your name is not set"));
  g_clear_pointer (&text, g_free);
  g_settings_reset (sk_application_get_settings (app), "caseworker-name");

  save = sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save as PDF…");
  g_assert_nonnull (save);
  sk_test_real_click (save);
  g_assert_true (sk_test_wait_for (chooser_shown, NULL, 3000));
  chooser = sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* A folder where the file cannot be written: the PDF is written
   * beside its name first, and that place is taken by a folder. */
  {
    g_autofree char *blocker = g_build_filename (folder, "summary.pdf.partial", NULL);

    g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);
  }
  where = g_file_new_for_path (folder);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), where, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "summary.pdf");
  sk_test_iterate (300);
  /* The chooser's own Save button, as a person presses it. */
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "Save"));
  sk_test_iterate (400);
  g_assert_null (sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  text = sk_test_visible_text (GTK_WIDGET (dialog));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "The PDF could not be written to"));
  g_assert_nonnull (strstr (text, "gone-folder"));
  sk_test_save_screenshot (GTK_WIDGET (dialog), "summary-dialog-failed-save.png");

  gtk_window_destroy (dialog);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
}

/* The next meeting, set on the conversation page as a caseworker sets it:
 * a day in the calendar, the place typed; on the parents' paper in its
 * box. */
static void
test_next_meeting_reaches_the_paper (void)
{
  g_autofree char *path = sk_test_path ("meeting.db");
  g_autofree char *pdf = sk_test_path ("meeting.pdf");
  g_autoptr(GError) error = NULL;
  GtkWidget *meeting = NULL, *button, *grid, *place;
  SkWindow *window;
  SkSummaryDialog *dialog;
  g_autofree char *words = NULL;
  char *value;

  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
  }
  window = open_today (path);
  /* Not agreed yet: the button says so. */
  for (GtkWidget *w = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_LABEL, "Not agreed yet"); w != NULL;
       w = gtk_widget_get_parent (w))
    if (g_type_is_a (G_OBJECT_TYPE (w), g_type_from_name ("SkDateTimeButton")))
      {
        meeting = w;
        break;
      }
  g_assert_nonnull (meeting);
  button = sk_test_find_type (meeting, GTK_TYPE_MENU_BUTTON);
  sk_test_scroll_to (button);
  sk_test_iterate (200);
  sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (sk_test_popover_shown, button, 2000));
  grid = sk_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), GTK_TYPE_GRID);
  for (int cell = 0; cell < 42; cell++)
    {
      GtkWidget *day = gtk_grid_get_child_at (GTK_GRID (grid), cell % 7, 1 + cell / 7);

      if (g_str_equal (gtk_button_get_label (GTK_BUTTON (day)), "20") && cell < 35)
        {
          sk_test_real_click (day);
          break;
        }
    }
  sk_test_press ("Escape");
  sk_test_iterate (200);
  value = sk_test_sql (path, "SELECT strftime('%d %H:%M', next_meeting_at, 'unixepoch', 'localtime') FROM conversations "
                             "ORDER BY started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "20 10:00");
  g_free (value);

  place = sk_test_find_labelled (GTK_WIDGET (window), SK_TYPE_ENTRY_ROW, "Where");
  g_assert_nonnull (place);
  /* From the button the next key stop is the place, as for a person. */
  sk_test_press ("Tab");
  sk_test_iterate (200);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), place));
  sk_test_type ("Familiehuset");
  sk_test_iterate (800);
  value = sk_test_sql (path, "SELECT next_meeting_place FROM conversations ORDER BY started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "Familiehuset");
  g_free (value);
  sk_test_save_screenshot (GTK_WIDGET (window), "next-meeting-en-1280x800.png");

  g_action_group_activate_action (G_ACTION_GROUP (window), "summary", NULL);
  sk_test_iterate (400);
  dialog = SK_SUMMARY_DIALOG (sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG));
  sk_summary_dialog_set_language (dialog, "en");
  g_assert_true (sk_summary_dialog_save_pdf (dialog, pdf, &error));
  words = sk_test_pdf_text (pdf);
  g_assert_nonnull (strstr (words, "Our next meeting"));
  g_assert_nonnull (strstr (words, "at 10:00"));
  g_assert_nonnull (strstr (words, "Familiehuset"));
  gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/summary-dialog/failed-save-is-told", test_failed_save_is_told_in_the_dialog);
  g_test_add_func ("/summary-dialog/next-meeting-reaches-the-paper", test_next_meeting_reaches_the_paper);

  g_test_add_func ("/summary-dialog/preview-choices-language-journal", test_preview_choices_language_journal);

  return sk_test_app_run (&app);
}
