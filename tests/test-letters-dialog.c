/* test-letters-dialog.c — the letters to the child, as the caseworker
 * makes them: "Letters to the Child…" on the conversation, the page of
 * each letter shown in the child's language (Danish, in an English
 * window), "Letter to You" chosen at the top, saved as PDF through the
 * file chooser (0600, one page, read back), and the warning when the
 * caseworker's own words on it are case words. */
#include "sk-application.h"
#include "sk-letter-dialog.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static SkApplication *app;

static void
prepare (const char *path,
         const char *agreements)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida Kjærgaard");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (child, "birth-year", g_date_time_get_year (now) - 11, "language", "da", NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 600);
  g_object_set (conversation, "place", "Skolens mødelokale", "agreements", agreements,
                "next-steps", "Jeg ringer til din mor på mandag.", NULL);
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
}

static gboolean
letters_shown (gpointer data)
{
  return sk_test_toplevel_shown (GSIZE_TO_POINTER (SK_TYPE_LETTER_DIALOG));
}

static GtkWindow *
open_letters (SkWindow *window)
{
  GtkWidget *button = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Letters to the Child…");
  GtkWindow *dialog;

  g_assert_nonnull (button);
  sk_test_scroll_to (button);
  sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (letters_shown, NULL, 3000));
  sk_test_iterate (300);
  dialog = sk_test_find_toplevel (SK_TYPE_LETTER_DIALOG);
  sk_test_focus_window (dialog);
  return dialog;
}

static void
test_save (void)
{
  g_autofree char *path = sk_test_path ("letters.db");
  g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-letter-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "brev.pdf", NULL);
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  GtkWindow *dialog;

  g_settings_set_string (settings, "caseworker-name", "Jonas Eksempel");
  prepare (path, "Du må sige til, hvis du vil tale med mig igen.");
  window = sk_test_open_conversation (app, path, FALSE);
  dialog = open_letters (window);
  g_assert_cmpint (sk_letter_dialog_get_kind (SK_LETTER_DIALOG (dialog)), ==, SK_LETTER_INVITATION);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (dialog));

    /* The child reads Danish; the window is in English. */
    g_assert_nonnull (strstr (text, "In Danish, the language the child reads."));
    g_assert_null (strstr (text, "a child does not know that word"));
  }
  sk_test_save_screenshot (GTK_WIDGET (dialog), "letters-dialog-invitation.png");

  /* The letter after, chosen at the top. */
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Letter to You"));
  sk_test_iterate (300);
  g_assert_cmpint (sk_letter_dialog_get_kind (SK_LETTER_DIALOG (dialog)), ==, SK_LETTER_AFTER);

  /* Saved as a person does: the button, a name typed, Return. */
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save as PDF…"));
  sk_test_save_in_chooser (pdf);
  {
    g_autofree char *text = sk_test_pdf_text (pdf);
    GStatBuf st;

    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
    g_assert_nonnull (strstr (text, "Brev til dig"));
    g_assert_nonnull (strstr (text, "Jeg hedder Jonas Eksempel"));
    g_assert_nonnull (strstr (text, "Du må sige til, hvis du vil tale med mig igen."));
    g_assert_nonnull (strstr (text, "Jeg ringer til din mor på mandag."));
    g_assert_null (strstr (text, "Kjærgaard"));
  }
  g_unlink (pdf);
  g_rmdir (dir);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_settings_reset (settings, "caseworker-name");
}

static void
test_case_words_warned (void)
{
  g_autofree char *path = sk_test_path ("case-words.db");
  SkWindow *window;
  GtkWindow *dialog;

  prepare (path, "Vi iværksætter en foranstaltning jf. § 52.");
  window = sk_test_open_conversation (app, path, FALSE);
  dialog = open_letters (window);
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Letter to You"));
  sk_test_iterate (300);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (text, "The letter says “foranstaltning”: a child does not know that word."));
  }
  sk_test_save_screenshot (GTK_WIDGET (dialog), "letters-dialog-warning.png");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/letters-dialog/save", test_save);
  g_test_add_func ("/letters-dialog/case-words-warned", test_case_words_warned);
  return sk_test_app_run (&app);
}
