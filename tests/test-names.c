/* test-names.c — names as people type and paste them
 *
 * A name with markup or "&" is shown as written in the Undo toasts, and
 * nothing about it goes to the log; a pasted line break never reaches a
 * name; the very first child added is shown at once.
 */
#include "sk-application.h"
#include "sk-entry-row.h"
#include "sk-child-dialog.h"
#include "sk-emotion-tool.h"
#include "sk-journal-dialog.h"
#include "sk-network.h"
#include "sk-network-geometry.h"
#include "sk-network-map.h"
#include "sk-network-tool.h"
#include "sk-summary-dialog.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>

#define MARKUP_NAME "<b>Bo</b> & Co"
#define PERSON_NAME "<u>Ida</u> & Ib"

static SkApplication *app;
static GString *logged;   /* every log message, to look for names in */

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (logged, "%s\n", (const char *) fields[i].value);
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_log_without (const char *text)
{
  if (strstr (logged->str, text) != NULL)
    g_error ("the log holds “%s”", text);
  g_assert_null (strstr (logged->str, "markup"));
}

/* The text of the toast on screen now, as a person reads it. */
static char *
toast_text (SkWindow *window)
{
  GtkWidget *undo = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  GtkWidget *toast;

  g_assert_nonnull (undo);
  toast = gtk_widget_get_parent (undo);
  while (toast != NULL && g_strcmp0 (gtk_widget_get_css_name (toast), "toast") != 0)
    toast = gtk_widget_get_parent (toast);
  g_assert_nonnull (toast);
  return sk_test_visible_text (toast);
}

/* The toast's own close button, as a person clicks it: the next toast
 * waits until this one is gone. */
static void
dismiss_toast (SkWindow *window)
{
  GtkWidget *undo = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  GtkWidget *close = NULL;

  g_assert_nonnull (undo);
  for (GtkWidget *w = gtk_widget_get_next_sibling (undo); w != NULL && close == NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w))
      close = w;
  g_assert_nonnull (close);
  sk_test_real_click (close);
  sk_test_iterate (600);
}

static SkWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  return window;
}

/* The first child in a new file, with the name pasted from elsewhere,
 * line breaks and all. */
static void
test_first_child_pasted_name (void)
{
  g_autofree char *path = sk_test_path ("first-child.db");
  SkWindow *window = open_window (path);
  SkChildDialog *dialog;
  GtkWidget *row, *button;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-child", NULL);
  sk_test_iterate (300);
  dialog = SK_CHILD_DIALOG (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  g_assert_nonnull (dialog);
  row = sk_test_find_labelled (GTK_WIDGET (dialog), SK_TYPE_ENTRY_ROW, "Name or pseudonym");
  sk_test_focus_window (GTK_WINDOW (dialog));
  sk_test_real_click (row);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (row), "Ab\nc\r");
  sk_test_iterate (100);
  sk_test_press ("<Control>v");
  sk_test_iterate (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ab c ");
  /* Typed on top: a Return is no part of a name either. */
  sk_test_type ("d");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ab c d");
  button = sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add");
  sk_test_real_click (button);
  sk_test_iterate (300);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));

  stored = sk_test_sql (path, "SELECT name FROM children");
  g_assert_cmpstr (stored, ==, "Ab c d");

  /* The new child is shown, not "Choose a Child". */
  shown = sk_test_visible_text (GTK_WIDGET (window));
  g_test_message ("after the first child:\n%s", shown);
  g_assert_null (strstr (shown, "Choose a Child"));
  g_assert_nonnull (strstr (shown, "New Conversation"));
  g_assert_nonnull (strstr (shown, "Ab c d"));

  /* The record keeps line breaks out, whoever sets the name. */
  {
    g_autoptr(SkChild) child = g_list_model_get_item (sk_window_get_children (window), 0);
    g_autoptr(GError) error = NULL;

    g_object_set (child, "name", "Ef\r\ngh\tij\x01", "case-ref", "1\n2", NULL);
    g_assert_cmpstr (sk_child_get_name (child), ==, "Ef gh ij");
    g_assert_cmpstr (sk_child_get_case_ref (child), ==, "1 2");
    g_assert_true (sk_store_flush (sk_window_get_store (window), &error));
  }
  g_clear_pointer (&stored, g_free);
  stored = sk_test_sql (path, "SELECT name || '|' || case_ref FROM children");
  g_assert_cmpstr (stored, ==, "Ef gh ij|1 2");
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

static void
test_markup_names_in_toasts (void)
{
  g_autofree char *path = sk_test_path ("markup.db");
  SkWindow *window;
  GtkWidget *tool, *entry, *add;
  g_autofree char *text = NULL;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = sk_child_new (MARKUP_NAME);
    g_autoptr(SkChild) other = sk_child_new ("Alma");
    g_autoptr(GError) error = NULL;

    g_assert_true (sk_store_insert (store, other, &error));
    g_clear_object (&other);
    g_assert_true (sk_store_insert (store, child, &error));
    {
      g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, child, 1763900000);
      g_autoptr(GListStore) people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), &error);
      g_autoptr(SkNetworkPerson) person = sk_network_person_new (sk_record_get_id (SK_RECORD (conversation)),
                                                                 PERSON_NAME, "", "person-adult",
                                                                 sk_network_cell_centre (0, 1));

      g_assert_true (sk_network_add (store, people, person, &error));
      g_assert_true (sk_store_flush (store, &error));
    }
  }
  window = sk_test_open_today (app, path);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  g_assert_cmpstr (sk_child_get_name (sk_window_get_child (window)), ==, MARKUP_NAME);

  /* A topic of the caseworker's own, then removed. */
  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_EMOTION_TOOL);
  entry = sk_test_find_type (tool, GTK_TYPE_ENTRY);
  add = sk_test_find_labelled (tool, GTK_TYPE_BUTTON, "Add Topic");
  gtk_editable_set_text (GTK_EDITABLE (entry), "<i>Fod</i> & bold");
  sk_test_click (add);
  {
    GtkWidget *card = NULL;

    for (GtkWidget *w = sk_test_find_type (tool, g_type_from_name ("SkEmotionCard")); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (g_type_is_a (G_OBJECT_TYPE (w), g_type_from_name ("SkEmotionCard")))
        card = w;
    g_assert_nonnull (card);
    gtk_widget_activate_action (card, "topic.remove", NULL);
    sk_test_iterate (300);
  }
  text = toast_text (window);
  g_test_message ("topic's toast: %s", text);
  g_assert_nonnull (strstr (text, "The topic “<i>Fod</i> & bold” was removed"));
  g_clear_pointer (&text, g_free);
  dismiss_toast (window);

  /* A person, removed from the map with the Delete key. */
  {
    GtkWidget *switcher = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "My network");
    GtkWidget *network, *map, *token;

    sk_test_scroll_to (switcher);
    sk_test_real_click (switcher);
    sk_test_iterate (400);
    network = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_NETWORK_TOOL);
    map = sk_network_tool_get_map (SK_NETWORK_TOOL (network));
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (sk_network_tool_get_people (SK_NETWORK_TOOL (network)), 0);

      token = sk_network_map_get_token (SK_NETWORK_MAP (map), person);
    }
    sk_test_scroll_to (token);
    gtk_widget_grab_focus (token);
    sk_test_focus_window (GTK_WINDOW (window));
    sk_test_press ("Delete");
    sk_test_iterate (300);
    g_clear_pointer (&text, g_free);
    text = toast_text (window);
    g_test_message ("person's toast: %s", text);
    g_assert_nonnull (strstr (text, PERSON_NAME));
    g_clear_pointer (&text, g_free);
    dismiss_toast (window);
  }

  /* The child, deleted. */
  sk_window_delete_child (window, sk_window_get_child (window));
  sk_test_iterate (300);
  text = toast_text (window);
  g_test_message ("child's toast: %s", text);
  g_assert_nonnull (strstr (text, MARKUP_NAME " was deleted"));

  assert_log_without ("Bo</b>");
  assert_log_without ("Fod</i>");
  assert_log_without ("Ida</u>");
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow *chooser = sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return chooser != NULL && gtk_widget_get_mapped (GTK_WIDGET (chooser));
}

static gboolean
toplevel_shown (gpointer type)
{
  GtkWindow *window = sk_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Saves through the file chooser that @button opens, as a person does:
 * the folder, a name, the chooser's own Save button. */
static void
save_through_chooser (GtkWidget  *button,
                      const char *folder,
                      const char *name)
{
  g_autoptr(GFile) where = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_build_filename (folder, name, NULL);
  GtkWindow *chooser;

  g_assert_nonnull (button);
  sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (chooser_shown, NULL, 3000));
  chooser = sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), where, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  sk_test_iterate (300);
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, "Save"));
  sk_test_iterate (600);
  g_assert_null (sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));
}

/* Nothing the program saves is added to the recent-files list, where
 * other programs would show a file named after the child: a summary and
 * a journal note saved through the real dialogs leave no trace in
 * recently-used.xbel. */
static void
test_no_recent_files (void)
{
  g_autofree char *path = sk_test_path ("recent.db");
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "saved", NULL);
  g_autofree char *recent = NULL;
  SkWindow *window;
  GtkWindow *dialog;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = sk_child_new ("Ronja");
    g_autoptr(GError) error = NULL;

    g_assert_true (sk_store_insert (store, child, &error));
    g_clear_object (&(SkConversation *) { sk_test_add_conversation (store, child, 1763900000) });
  }
  window = sk_test_open_today (app, path);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control>p");
  g_assert_true (sk_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (SK_TYPE_SUMMARY_DIALOG), 3000));
  dialog = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  sk_test_iterate (300);
  save_through_chooser (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save as PDF…"),
                        folder, "Ronja-summary.pdf");
  if ((dialog = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  sk_test_iterate (200);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.journal", NULL);
  g_assert_true (sk_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (SK_TYPE_JOURNAL_DIALOG), 3000));
  dialog = sk_test_find_toplevel (SK_TYPE_JOURNAL_DIALOG);
  sk_test_iterate (300);
  save_through_chooser (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Save as Text…"),
                        folder, "Ronja-journal.txt");
  if ((dialog = sk_test_find_toplevel (SK_TYPE_JOURNAL_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  sk_test_iterate (300);

  if (g_file_get_contents (xbel, &recent, NULL, NULL))
    {
      g_test_message ("recently-used.xbel:\n%s", recent);
      g_assert_null (strstr (recent, "Ronja"));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  logged = g_string_new (NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/names/first-child-pasted-name", test_first_child_pasted_name);
  g_test_add_func ("/names/markup-in-toasts", test_markup_names_in_toasts);
  g_test_add_func ("/names/no-recent-files", test_no_recent_files);

  return sk_test_app_run (&app);
}
