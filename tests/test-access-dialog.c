/* test-access-dialog.c — "Everything About This Child…" as the caseworker
 * uses it: the button on the child's page, the question, the file chooser,
 * and the PDF read back */
#include "sk-application.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static SkApplication *app;

static gboolean
says_saved (gpointer window)
{
  g_autofree char *text = sk_test_visible_text (window);

  return strstr (text, "Saved as") != NULL;
}

/* The check button on screen that says @text (its mnemonic left out). */
static GtkWidget *
find_check (GtkWidget  *root,
            const char *text)
{
  return sk_test_find_shown (root, GTK_TYPE_CHECK_BUTTON, text);
}

static void
test_everything_saved (void)
{
  g_autofree char *path = sk_test_path ("access-dialog.db");
  g_autofree char *pdf = sk_test_path ("Alt om Sylvanne.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  SkWindow *window;
  GStatBuf st;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = sk_child_new ("Sylvanne Bøgelund");
    g_autoptr(SkConversation) first = NULL;
    g_autoptr(SkConversation) second = NULL;

    g_assert_true (sk_store_insert (store, child, &error));
    first = sk_test_add_conversation (store, child, 1760000000);
    g_object_set (first, "child-words", "Hulebyggeriet i skoven var det bedste.", "child-words-shared", TRUE, NULL);
    second = sk_test_add_conversation (store, child, 1765000000);
    g_object_set (second, "child-words", "Det med trappen siger jeg ikke til nogen.",
                  "private-notes", "Ringe til skolen om trappen.", NULL);
    g_assert_true (sk_store_flush (store, &error));
  }
  g_unlink (pdf);
  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  sk_test_focus_window (GTK_WINDOW (window));
  {
    g_autoptr(SkChild) child = g_list_model_get_item (sk_window_get_children (window), 0);

    sk_window_select_child (window, child);
  }
  sk_test_iterate (300);

  {
    GtkWidget *button = sk_test_find_tooltip (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                              "Everything About This Child, for an Access Request…");

    if (button == NULL)
      {
        g_autofree char *shown = sk_test_visible_text (GTK_WIDGET (window));

        g_error ("no button; the window shows:\n%s", shown);
      }
    sk_test_real_click (button);
  }
  sk_test_iterate (400);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Everything About Sylvanne Bøgelund");
  sk_test_focus_window (GTK_WINDOW (dialog));
  sk_test_real_click (find_check (GTK_WIDGET (dialog), "With my own notes (“Only for me”)"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (dialog), "With my own notes (“Only for me”)"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (GTK_WIDGET (dialog), "In Danish"))));
  sk_test_save_screenshot (GTK_WIDGET (dialog), "access-dialog-en");
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save as PDF…"));
  sk_test_save_in_chooser (pdf);
  g_assert_true (sk_test_wait_for (says_saved, window, 5000));

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = sk_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Alt om Sylvanne Bøgelund"));
  g_assert_nonnull (strstr (text, "Hulebyggeriet i skoven var det bedste."));
  g_assert_nonnull (strstr (text, "Det med trappen siger jeg ikke til nogen."));
  g_assert_nonnull (strstr (text, "Ringe til skolen om trappen."));
  g_assert_cmpint (sk_test_pdf_pages (pdf), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/access-dialog/everything-saved", test_everything_saved);
  return sk_test_app_run (&app);
}
