/* test-backup-dialog.c — backups as the caseworker makes and restores
 * them: from the main menu, with words half typed; the dialog's list; the
 * confirmation; and a folder that is not there */
#include "sk-application.h"
#include "sk-backup.h"
#include "sk-child.h"
#include "sk-child-list.h"
#include "sk-conversation.h"
#include "sk-note-field.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static SkApplication *app;

static gboolean
item_says (GtkWidget     *widget,
           gconstpointer  text)
{
  g_autofree char *says = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") || !gtk_widget_get_mapped (widget))
    return FALSE;
  says = sk_test_visible_text (widget);
  return strstr (says, text) != NULL;
}

/* The menu's item that says @text, as a person finds it. */
static GtkWidget *
find_item (GtkWidget  *root,
           const char *text)
{
  return sk_test_find (root, item_says, text);
}

/* The main menu opened with a click, and @item clicked in it. */
static void
choose_in_menu (SkWindow   *window,
                const char *item)
{
  GtkWidget *list = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_LIST);
  GtkWidget *button = sk_test_find_type (list, GTK_TYPE_MENU_BUTTON);
  GtkWidget *found;

  g_assert_nonnull (button);
  sk_test_real_click (button);
  if (!sk_test_wait_for (sk_test_popover_shown, button, 1500))
    sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (sk_test_popover_shown, button, 3000));
  sk_test_iterate (300);
  found = find_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), item);
  g_assert_nonnull (found);
  sk_test_real_click (found);
  sk_test_iterate (300);
}

static void
test_back_up_and_restore (void)
{
  g_autofree char *path = sk_test_path ("restore-me.db");
  g_autofree char *folder = sk_test_path ("backup-drive");
  GSettings *settings = sk_application_get_settings (app);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  SkWindow *window, *restored;
  GtkWindow *dialog;
  GtkWidget *button;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_settings_set_string (settings, "backup-folder", folder);
  window = sk_test_open_child_conversation (app, path, "Orvelinde Tjørnholm");

  /* Typed, and at once backed up: the words go with it. */
  sk_test_click_in_view (sk_test_words_view (window));
  sk_test_type ("Inden kopien");
  choose_in_menu (window, "Back Up Now");
  sk_test_wait_to_show (GTK_WIDGET (window), "A backup was made in");
  backups = sk_backup_list (folder, sk_test_key (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *words = sk_test_sql (((SkBackup *) backups->pdata[0])->path,
                                          "SELECT child_words FROM conversations");

    g_assert_cmpstr (words, ==, "Inden kopien");
  }

  /* Then more, which the restore will take back. */
  sk_test_click_in_view (sk_test_words_view (window));
  sk_test_type (" og bagefter");
  sk_test_assert_sql (path, "SELECT child_words FROM conversations", "Inden kopien og bagefter");

  choose_in_menu (window, "Restore from Backup");
  dialog = NULL;
  for (guint i = 0; i < 50 && dialog == NULL; i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint t = 0; t < g_list_model_get_n_items (toplevels) && dialog == NULL; t++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, t);

          if (g_strcmp0 (gtk_window_get_title (w), "Restore from Backup") == 0)
            dialog = w;
        }
      sk_test_iterate (100);
    }
  g_assert_nonnull (dialog);
  sk_test_wait_to_show (GTK_WIDGET (dialog), "1 child, 1 conversation");
  sk_test_save_screenshot (GTK_WIDGET (dialog), "restore-dialog-en");
  sk_test_focus_window (dialog);
  button = sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Restore…");
  g_assert_nonnull (button);
  sk_test_real_click (button);
  sk_test_iterate (400);
  {
    AdwMessageDialog *confirm = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (confirm), "Restore the Backup From"));
    sk_test_focus_window (GTK_WINDOW (confirm));
    sk_test_real_click (sk_test_find_shown (GTK_WIDGET (confirm), GTK_TYPE_BUTTON, "Restore"));
  }
  sk_test_iterate (800);

  /* A new window, the backup's words in it; what was here, kept aside. */
  {
    AdwMessageDialog *failed = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    if (failed != NULL)
      g_error ("%s: %s", adw_message_dialog_get_heading (failed), adw_message_dialog_get_body (failed));
  }
  restored = SK_WINDOW (sk_test_find_toplevel (SK_TYPE_WINDOW));
  g_assert_true (SK_IS_WINDOW (restored));
  g_assert_nonnull (sk_window_get_store (restored));
  sk_test_wait_to_show (GTK_WIDGET (restored), "The backup is restored");
  {
    g_autofree char *words = sk_test_sql (path, "SELECT child_words FROM conversations");
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    g_assert_cmpstr (words, ==, "Inden kopien");
    while ((name = g_dir_read_name (listing)) != NULL)
      if (g_str_has_prefix (name, "restore-me.db.before-restore-") && g_str_has_suffix (name, "-wal") == FALSE &&
          g_str_has_suffix (name, "-shm") == FALSE)
        {
          g_autofree char *aside = g_build_filename (dir, name, NULL);
          g_autofree char *then = sk_test_sql (aside, "SELECT child_words FROM conversations");

          g_assert_cmpstr (then, ==, "Inden kopien og bagefter");
          kept = TRUE;
        }
    g_assert_true (kept);
  }
  gtk_window_destroy (GTK_WINDOW (restored));
  sk_test_iterate (200);
  g_settings_reset (settings, "backup-folder");
}

/* The network drive is not connected: it says so, and the work goes on. */
static void
test_folder_gone (void)
{
  g_autofree char *path = sk_test_path ("gone-folder.db");
  g_autofree char *folder = sk_test_path ("unplugged-drive");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;

  g_rmdir (folder);
  g_settings_set_string (settings, "backup-folder", folder);
  window = sk_test_open_child_conversation (app, path, "Orvelinde Tjørnholm");
  sk_test_click_in_view (sk_test_words_view (window));
  sk_test_type ("Stadig her");
  choose_in_menu (window, "Back Up Now");
  sk_test_wait_to_show (GTK_WIDGET (window), "is not there");
  sk_test_wait_to_show (GTK_WIDGET (window), "you can go on");
  sk_test_save_screenshot (GTK_WIDGET (window), "backup-folder-gone-en");
  sk_test_click_in_view (sk_test_words_view (window));
  sk_test_type (" og skriver videre");
  sk_test_assert_sql (path, "SELECT child_words FROM conversations", "Stadig her og skriver videre");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  sk_test_close_conversation (window);
  g_settings_reset (settings, "backup-folder");
}

/* A child handed over through the child's page, then received from the
 * main menu into the same list: kept apart, the one there unchanged. */
static void
test_hand_over_and_receive (void)
{
  g_autofree char *path = sk_test_path ("hand-over.db");
  g_autofree char *file = sk_test_path ("Orvelinde.samtalekuffert");
  SkWindow *window = sk_test_open_child_conversation (app, path, "Orvelinde Tjørnholm");
  AdwMessageDialog *dialog;

  g_unlink (file);
  sk_test_click_in_view (sk_test_words_view (window));
  sk_test_type ("Med til kollegaen");
  sk_test_iterate (SK_STORE_TEXT_DELAY_MS + 200);
  g_action_group_activate_action (G_ACTION_GROUP (window), "back", NULL);
  sk_test_iterate (300);
  sk_test_real_click (sk_test_find_tooltip (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                            "Hand Over This Child to a Colleague…"));
  sk_test_iterate (400);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  sk_test_focus_window (GTK_WINDOW (dialog));
  sk_test_type ("grøn lampe i gangen");
  sk_test_press ("Tab");
  sk_test_type ("grøn lampe i gangen");
  sk_test_iterate (100);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  sk_test_save_screenshot (GTK_WIDGET (dialog), "handover-dialog-en");
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save the Handover…"));
  sk_test_save_in_chooser (file);
  sk_test_wait_to_show (GTK_WIDGET (window), "Handed over in");

  choose_in_menu (window, "Receive a Child");
  sk_test_save_in_chooser (file);
  sk_test_iterate (400);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  sk_test_focus_window (GTK_WINDOW (dialog));
  sk_test_type ("grøn lampe i gangen");
  sk_test_press ("Return");
  sk_test_wait_to_show (GTK_WIDGET (window), "is kept apart as");
  g_assert_cmpuint (g_list_model_get_n_items (sk_window_get_children (window)), ==, 2);
  g_assert_true (g_str_has_prefix (sk_child_get_name (sk_window_get_child (window)), "Orvelinde Tjørnholm (received "));
  sk_test_assert_sql (path, "SELECT count(*) FROM conversations WHERE child_words = 'Med til kollegaen'", "2");
  sk_test_assert_sql (path, "SELECT count(*) FROM children WHERE name = 'Orvelinde Tjørnholm'", "1");
  sk_test_close_conversation (window);
}

/* Children with no conversation for the months the preferences say: the
 * window says how many, once, as it opens. */
static void
test_reminder (void)
{
  g_autofree char *path = sk_test_path ("reminder.db");
  GSettings *settings = sk_application_get_settings (app);
  gint64 two_years_ago = g_get_real_time () / G_USEC_PER_SEC - 730 * 86400;
  g_autoptr(GError) error = NULL;
  SkWindow *window;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) quiet = g_object_new (SK_TYPE_CHILD, "name", "Stilleby Vang", "created-at", two_years_ago, NULL);
    g_autoptr(SkChild) also = g_object_new (SK_TYPE_CHILD, "name", "Tavsholm Ege", "created-at", two_years_ago, NULL);
    g_autoptr(SkChild) seen = g_object_new (SK_TYPE_CHILD, "name", "Nylig Sete", "created-at", two_years_ago, NULL);
    /* Added today, as the program adds a child. */
    g_autoptr(SkChild) fresh = sk_child_new ("Helt Ny");
    g_autoptr(SkConversation) old = NULL;
    g_autoptr(SkConversation) recent = NULL;

    g_assert_true (sk_store_insert (store, quiet, &error));
    g_assert_true (sk_store_insert (store, also, &error));
    g_assert_true (sk_store_insert (store, seen, &error));
    g_assert_true (sk_store_insert (store, fresh, &error));
    old = sk_test_add_conversation (store, quiet, two_years_ago);
    recent = sk_test_add_conversation (store, seen, g_get_real_time () / G_USEC_PER_SEC - 30 * 86400);
    g_assert_true (sk_store_flush (store, &error));
    g_assert_cmpint (sk_child_count_quiet (store, g_get_real_time () / G_USEC_PER_SEC - 365 * 86400, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_true (sk_store_flush (store, &error));
  }
  g_settings_set_int (settings, "reminder-months", 12);
  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_wait_to_show (GTK_WIDGET (window), "2 children have had no conversation for 12 months or more");
  g_settings_reset (settings, "reminder-months");
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/backup-dialog/back-up-and-restore", test_back_up_and_restore);
  g_test_add_func ("/backup-dialog/folder-gone", test_folder_gone);
  g_test_add_func ("/backup-dialog/hand-over-and-receive", test_hand_over_and_receive);
  g_test_add_func ("/backup-dialog/reminder", test_reminder);
  return sk_test_app_run (&app);
}
