/* test-window.c — the real window, driven through its actions and widgets */
#include "sk-application.h"
#include "sk-entry-row.h"
#include "sk-child-dialog.h"
#include "sk-child-list.h"
#include "sk-note-field.h"
#include "sk-store.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-gui.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gstdio.h>

static SkApplication *app;

/* TRUE when @line is one whole line of @text. */
static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static SkWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  sk_test_iterate (50);
  return window;
}

static void
close_window (SkWindow *window)
{
  GtkWindow *dialog;

  while ((dialog = sk_test_find_toplevel (GTK_TYPE_WINDOW)) != NULL && dialog != GTK_WINDOW (window))
    gtk_window_destroy (dialog);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
}

/* The privacy cover, over every window (an action of the application). */
static void
cover (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "cover", NULL);
  sk_test_iterate (30);
}

static void
activate (SkWindow   *window,
          const char *action)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), action));
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  sk_test_iterate (30);
}

/* Makes a database with children and conversations, as a past session
 * would have left it. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_test_store_open (path, &error);
  const char *names[] = { "Alma", "Bertil", "Cecilie" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SkChild) child = sk_child_new (names[i]);
      g_autoptr(SkConversation) conversation = NULL;
      g_autofree char *ref = g_strdup_printf ("CASE-%s-0%u", names[i], i);

      g_object_set (child, "case-ref", ref, "birth-year", 2014 + i, NULL);
      g_assert_true (sk_store_insert (store, child, &error));
      conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1763900000 + i);
      g_object_set (conversation,
                    "place", "Samtalerummet",
                    "child-words", "I like football and my cat",
                    "agreements", "We meet again in May",
                    "private-notes", "ONLY-FOR-THE-CASEWORKER",
                    NULL);
      g_assert_true (sk_store_insert (store, conversation, &error));
    }
  g_assert_true (sk_store_flush (store, &error));
}

static SkChild *
child_named (SkWindow   *window,
             const char *name)
{
  GListModel *children = sk_window_get_children (window);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(SkChild) child = g_list_model_get_item (children, i);

      if (g_str_equal (sk_child_get_name (child), name))
        return child;
    }
  return NULL;
}

static GtkTextView *
note_view (SkWindow   *window,
           const char *title)
{
  GtkWidget *field = sk_test_find_shown (GTK_WIDGET (window), SK_TYPE_NOTE_FIELD, title);

  g_assert_nonnull (field);
  return sk_note_field_get_text_view (SK_NOTE_FIELD (field));
}

static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* One character at a time, as the input method commits them. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      memcpy (c, p, g_utf8_next_char (p) - p);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, c, -1, TRUE);
    }
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_add_child_type_words_reopen (void)
{
  g_autofree char *path = sk_test_path ("words.db");
  const char *words = "Jeg vil gerne bo hos mor i weekenden 🏠 — æøå ÆØÅ";
  SkWindow *window = open_window (path);
  SkChildDialog *dialog;
  GtkWidget *row, *button;
  g_autofree char *stored = NULL;
  g_autofree char *count = NULL;

  /* Add a child through the dialog, as a caseworker would. */
  activate (window, "new-child");
  dialog = SK_CHILD_DIALOG (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  g_assert_nonnull (dialog);
  button = sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));   /* no name yet */
  row = sk_test_find_labelled (GTK_WIDGET (dialog), SK_TYPE_ENTRY_ROW, "Name or pseudonym");
  gtk_editable_set_text (GTK_EDITABLE (row), "  Sofie 🦊  ");
  row = sk_test_find_labelled (GTK_WIDGET (dialog), SK_TYPE_ENTRY_ROW, "Birth year");
  gtk_editable_set_text (GTK_EDITABLE (row), "20x6");
  g_assert_false (gtk_widget_get_sensitive (button));   /* not a year */
  gtk_editable_set_text (GTK_EDITABLE (row), "2016");
  row = sk_test_find_labelled (GTK_WIDGET (dialog), SK_TYPE_ENTRY_ROW, "Case number");
  gtk_editable_set_text (GTK_EDITABLE (row), "27.12.04-G01-9");
  g_assert_true (gtk_widget_get_sensitive (button));
  sk_test_click (button);

  g_assert_null (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  g_assert_nonnull (child_named (window, "Sofie 🦊"));
  g_assert_true (sk_window_get_child (window) == child_named (window, "Sofie 🦊"));
  count = sk_test_sql (path, "SELECT count(*) || ':' || name || ':' || birth_year || ':' || case_ref FROM children");
  g_assert_cmpstr (count, ==, "1:Sofie 🦊:2016:27.12.04-G01-9");

  /* A new conversation opens, dated now, and the child's words are typed. */
  activate (window, "new-conversation");
  g_assert_nonnull (sk_window_get_conversation (window));
  type_into (note_view (window, "In your own words"), words);

  /* Within half a second the words are in the file, with no save. */
  sk_test_iterate (500);
  stored = sk_test_sql (path, "SELECT child_words FROM conversations");
  g_assert_cmpstr (stored, ==, words);

  /* Close the window, open the file again: the words are there. */
  close_window (window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  window = open_window (path);
  sk_window_select_child (window, child_named (window, "Sofie 🦊"));
  {
    g_autoptr(SkConversation) conversation = NULL;
    g_autofree char *shown = NULL;
    GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));

    g_assert_nonnull (page);
    /* Open the conversation the way a person does: its row. */
    {
      GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

      g_assert_nonnull (first);
      g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
      g_signal_emit_by_name (list, "row-activated", first);
      sk_test_iterate (30);
    }
    conversation = g_object_ref (sk_window_get_conversation (window));
    g_assert_nonnull (conversation);
    shown = buffer_text (note_view (window, "In your own words"));
    g_assert_cmpstr (shown, ==, words);
  }
  close_window (window);
}

static void
test_search_filters_at_every_keystroke (void)
{
  g_autofree char *path = sk_test_path ("search.db");
  SkWindow *window;
  GtkWidget *search;
  GListModel *children;

  prepare_database (path);
  window = open_window (path);
  children = sk_window_get_children (window);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 3);

  activate (window, "search");
  search = sk_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (gtk_widget_get_first_child (search)) ||
                 gtk_widget_has_focus (GTK_WIDGET (gtk_root_get_focus (GTK_ROOT (window)))));

  /* No waiting between keystrokes: the list follows each one. */
  gtk_editable_set_text (GTK_EDITABLE (search), "ce");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);   /* Cecilie */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "BERT");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "case-");            /* case numbers too */
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, "No Child Found"));
  }
  close_window (window);
}

static void
assert_child_screen (SkWindow *window)
{
  g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

  g_test_message ("child's screen:\n%s", text);
  g_assert_nonnull (strstr (text, "Alma"));
  g_assert_nonnull (strstr (text, "I like football and my cat"));
  g_assert_nonnull (strstr (text, "We meet again in May"));
  /* No other child, no caseworker's notes, no case numbers. */
  g_assert_null (strstr (text, "Bertil"));
  g_assert_null (strstr (text, "Cecilie"));
  g_assert_null (strstr (text, "ONLY-FOR-THE-CASEWORKER"));
  g_assert_null (strstr (text, "CASE-"));
  g_assert_null (strstr (text, "Only for me"));
}

/* The switch between the caseworker's view and the child's is a
 * crossfade; a slow run (the sanitizers) needs more frames for it. */
static gboolean
views_settled (gpointer window)
{
  GtkWidget *view = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));

  return view == NULL || !gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_parent (view)));
}

static void
settle (SkWindow *window)
{
  sk_test_iterate (50);
  g_assert_true (sk_test_wait_for (views_settled, window, 3000));
  sk_test_iterate (20);
}

static void
test_child_view_shows_only_this_child (void)
{
  g_autofree char *path = sk_test_path ("child-view.db");
  SkWindow *window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  prepare_database (path);
  window = open_window (path);

  /* Without a conversation there is nothing to show the child. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "child-view"));

  sk_window_select_child (window, child_named (window, "Alma"));
  {
    GtkWidget *list = sk_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    sk_test_iterate (30);
  }
  before = sk_test_visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (before, "Bertil"));            /* the caseworker sees the list */
  g_assert_nonnull (strstr (before, "ONLY-FOR-THE-CASEWORKER"));

  activate (window, "child-view");
  settle (window);
  assert_child_screen (window);

  /* The child's view edits the same conversation. */
  type_into (note_view (window, "In your own words"), " and drawing");
  sk_test_iterate (400);
  after = sk_test_sql (path, "SELECT child_words FROM conversations c JOIN children k ON k.id = c.child_id WHERE k.name = 'Alma'");
  g_assert_cmpstr (after, ==, "I like football and my cat and drawing");

  /* The cover hides everything, and the same key brings it back. */
  cover ();
  {
    g_autofree char *covered = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (covered, "Alma"));
    g_assert_null (strstr (covered, "football"));
    g_assert_nonnull (strstr (covered, "Pause"));
  }
  /* While covered, the child's view cannot be left by accident. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "leave-child-view"));
  cover ();
  settle (window);
  assert_child_screen (window);
  /* Entering again does not leave: only the way out does. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  settle (window);
  assert_child_screen (window);

  /* Back to the caseworker. */
  activate (window, "leave-child-view");
  settle (window);
  {
    g_autofree char *back = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (back, "Bertil"));
    g_assert_nonnull (strstr (back, "ONLY-FOR-THE-CASEWORKER"));
  }
  close_window (window);
}

static void
test_cover_hides_caseworker_view (void)
{
  g_autofree char *path = sk_test_path ("cover.db");
  SkWindow *window;

  prepare_database (path);
  window = open_window (path);
  sk_window_select_child (window, child_named (window, "Bertil"));

  cover ();
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (text, "Alma"));
    g_assert_null (strstr (text, "Bertil"));
    g_assert_null (strstr (text, "CASE-"));
  }
  /* Nothing else works under the cover. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-child"));
  cover ();
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, "Bertil"));
  }
  close_window (window);
}

static void
test_delete_child_undo_then_final (void)
{
  g_autofree char *path = sk_test_path ("delete.db");
  SkWindow *window;
  GtkWidget *undo;
  g_autofree char *trashed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *gone = NULL;

  prepare_database (path);
  window = open_window (path);

  sk_window_select_child (window, child_named (window, "Bertil"));
  activate (window, "delete-child");
  {
    /* It asks first. */
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Bertil?");
    adw_message_dialog_response (dialog, "delete");
    sk_test_iterate (50);
  }
  g_assert_null (child_named (window, "Bertil"));
  g_assert_null (sk_window_get_child (window));
  trashed = sk_test_sql (path, "SELECT trashed FROM children WHERE name = 'Bertil'");
  g_assert_cmpstr (trashed, ==, "1");

  /* Undo brings the child back, with the conversation. */
  undo = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  g_assert_nonnull (undo);
  sk_test_click (undo);
  g_assert_nonnull (child_named (window, "Bertil"));
  restored = sk_test_sql (path, "SELECT trashed || ':' || (SELECT count(*) FROM conversations c WHERE c.child_id = children.id) FROM children WHERE name = 'Bertil'");
  g_assert_cmpstr (restored, ==, "0:1");

  /* Deleted again and the window closed: now it is final. */
  sk_window_delete_child (window, child_named (window, "Bertil"));
  close_window (window);
  gone = sk_test_sql (path, "SELECT count(*) FROM children WHERE name = 'Bertil'");
  g_assert_cmpstr (gone, ==, "0");
  g_clear_pointer (&gone, g_free);
  gone = sk_test_sql (path, "SELECT count(*) FROM conversations");
  g_assert_cmpstr (gone, ==, "2");
}

static gboolean
window_is_new (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL && windows->data != data && SK_IS_WINDOW (windows->data);
}

static SkWindow *
switch_language (SkWindow   *window,
                 const char *language)
{
  GSettings *settings = sk_application_get_settings (app);

  g_settings_set_string (settings, "language", language);
  g_assert_true (sk_test_wait_for (window_is_new, window, 2000));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  sk_test_iterate (100);
  return window;
}

static void
test_language_switch_to_danish (void)
{
  g_autofree char *path = sk_test_path ("language.db");
  SkWindow *window;
  g_autofree char *english = NULL;
  g_autofree char *danish = NULL;
  g_autofree char *conversation = NULL;
  g_autofree char *child_view = NULL;

  prepare_database (path);
  window = open_window (path);
  sk_window_select_child (window, child_named (window, "Alma"));
  english = sk_test_visible_text (GTK_WIDGET (window));
  g_assert_true (has_line (english, "Conversations"));
  g_assert_true (has_line (english, "New Conversation"));

  /* Preferences → Language → Dansk: the open window follows at once and
   * keeps its place. */
  window = switch_language (window, "da");
  g_assert_true (sk_window_get_child (window) == child_named (window, "Alma"));
  danish = sk_test_visible_text (GTK_WIDGET (window));
  g_test_message ("Danish window:\n%s", danish);
  g_assert_true (has_line (danish, "Samtaler"));
  g_assert_true (has_line (danish, "Ny samtale"));
  g_assert_true (has_line (danish, "Børn"));
  g_assert_false (has_line (danish, "Conversations"));
  g_assert_false (has_line (danish, "New Conversation"));
  g_assert_false (has_line (danish, "Children"));

  {
    GtkWidget *list = sk_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    sk_test_iterate (400);   /* past the crossfade, for the screenshot */
  }
  conversation = sk_test_visible_text (GTK_WIDGET (window));
  g_assert_true (has_line (conversation, "Med dine egne ord"));
  g_assert_true (has_line (conversation, "Mine egne noter"));
  g_assert_true (has_line (conversation, "Sammen med barnet"));
  g_assert_false (has_line (conversation, "In your own words"));
  g_assert_false (has_line (conversation, "Only for me"));
  sk_test_save_screenshot (GTK_WIDGET (window), "window-conversation-da.png");

  activate (window, "child-view");
  sk_test_iterate (400);
  child_view = sk_test_visible_text (GTK_WIDGET (window));
  g_assert_true (has_line (child_view, "Med dine egne ord"));
  g_assert_true (has_line (child_view, "Det aftalte vi"));
  g_assert_false (has_line (child_view, "In your own words"));
  sk_test_save_screenshot (GTK_WIDGET (window), "window-child-view-da.png");
  activate (window, "leave-child-view");

  window = switch_language (window, "en");
  english = (g_free (english), sk_test_visible_text (GTK_WIDGET (window)));
  g_assert_true (has_line (english, "In your own words"));
  g_settings_reset (sk_application_get_settings (app), "language");
  sk_test_iterate (100);
  close_window (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

static void
test_damaged_database_offers_new_start (void)
{
  g_autofree char *path = sk_test_path ("damaged.db");
  g_autofree char *before = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  AdwMessageDialog *dialog;
  const char *name;
  gboolean kept = FALSE;
  SkWindow *window;

  g_assert_true (g_file_set_contents (path, "SQLite format 3 — but not really; someone's notes.", -1, NULL));
  before = sk_test_file_checksum (path);

  g_assert_null (sk_application_open_or_explain (app, path, FALSE));
  sk_test_iterate (50);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Damaged");
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));

  adw_message_dialog_response (dialog, "new");
  sk_test_iterate (100);

  /* A new, empty database works in its place ... */
  window = SK_WINDOW (sk_test_find_toplevel (SK_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (sk_store_get_path (sk_window_get_store (window)), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (sk_window_get_children (window)), ==, 0);

  /* ... and the damaged file is kept, unchanged, under a new name. */
  dir = g_path_get_dirname (path);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "damaged.db.damaged-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *after = sk_test_file_checksum (aside);

        g_assert_cmpstr (after, ==, before);
        kept = TRUE;
      }
  g_assert_true (kept);
  close_window (window);
}

static void
test_newer_database_refused (void)
{
  g_autofree char *path = sk_test_path ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 42;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = sk_test_file_checksum (path);

  g_assert_null (sk_application_open_or_explain (app, path, FALSE));
  sk_test_iterate (50);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is From a Newer Version");
  g_assert_false (adw_message_dialog_has_response (dialog, "new"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "has not been changed"));
  adw_message_dialog_response (dialog, "close");
  sk_test_iterate (50);

  after = sk_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_WINDOW));
}

static void
test_shortcuts_window (void)
{
  g_autofree char *path = sk_test_path ("shortcuts.db");
  SkWindow *window = open_window (path);
  GtkWindow *shortcuts;

  activate (window, "show-help-overlay");
  sk_test_iterate (100);
  shortcuts = sk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (shortcuts));

    g_assert_nonnull (strstr (text, "Cover the screen at once"));
    g_assert_nonnull (strstr (text, "New conversation"));
  }
  gtk_window_destroy (shortcuts);
  close_window (window);
}

/* The main menu is made only when it first opens: F10 opens it, whole,
 * with the keyboard in it; Escape closes it and F10 opens it again. */
static void
test_f10_opens_main_menu (void)
{
  g_autofree char *path = sk_test_path ("menu.db");
  SkWindow *window = open_window (path);
  GtkWidget *list = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_LIST);
  GtkWidget *button = sk_test_find_type (list, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  sk_test_focus_window (GTK_WINDOW (window));
  for (int time = 0; time < 2; time++)
    {
      GtkWidget *popover;

      sk_test_press ("F10");
      g_assert_true (sk_test_wait_for (sk_test_popover_shown, button, 3000));
      popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
      {
        g_autofree char *text = sk_test_visible_text (popover);

        g_assert_nonnull (strstr (text, "Back Up Now"));
        g_assert_nonnull (strstr (text, "Preferences"));
        g_assert_nonnull (strstr (text, "Lock"));
      }
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), popover) ||
                     gtk_widget_has_focus (popover));
      sk_test_press ("Escape");
      sk_test_iterate (300);
      g_assert_false (gtk_widget_get_mapped (popover));
    }
  close_window (window);
}

static void
test_sigterm_writes_pending_text (void)
{
  g_autofree char *path = sk_test_path ("sigterm.db");
  g_autofree char *stored = NULL;
  SkWindow *window;

  prepare_database (path);
  window = open_window (path);
  sk_window_select_child (window, child_named (window, "Cecilie"));
  activate (window, "new-conversation");
  type_into (note_view (window, "In your own words"), "Typed just before logging out");

  /* Well inside the 0.3 s before the typing would be written. */
  raise (SIGTERM);
  sk_test_iterate (30);
  stored = sk_test_sql (path, "SELECT child_words FROM conversations ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (stored, ==, "Typed just before logging out");
  close_window (window);
}

/* The window's red bar: the revealer whose child is the "error-bar". */
static GtkRevealer *
find_error_bar (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found;

      if (GTK_IS_REVEALER (child) && gtk_revealer_get_child (GTK_REVEALER (child)) != NULL &&
          gtk_widget_has_css_class (gtk_revealer_get_child (GTK_REVEALER (child)), "error-bar"))
        return GTK_REVEALER (child);
      if ((found = find_error_bar (child)) != NULL)
        return found;
    }
  return NULL;
}

/* A file opened again under another name (a symbolic link) is the same
 * file: its window comes up, no second one. */
static void
test_same_file_through_link (void)
{
  g_autofree char *path = sk_test_path ("linked.db");
  g_autofree char *link = sk_test_path ("link.db");
  g_autoptr(GError) error = NULL;
  SkWindow *window, *again;

  prepare_database (path);
  g_assert_cmpint (symlink (path, link), ==, 0);
  window = open_window (path);
  again = sk_application_open (app, link, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (again == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  close_window (window);

  /* Opened first through the link, the file's own name finds it too. */
  window = open_window (link);
  again = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (again == window);
  close_window (window);
}

/* Another program (here: a lock taken as another process takes it) has
 * the file: it is refused, and the dialog says why. */
static void
test_file_open_elsewhere (void)
{
  g_autofree char *path = sk_test_path ("elsewhere.db");
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  int fd;

  prepare_database (path);
  before = sk_test_file_checksum (path);
  fd = g_open (lock, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_null (sk_application_open_or_explain (app, path, FALSE));
  sk_test_iterate (50);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Already Open");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is already open in another window of Samtalekuffert"));
  g_assert_false (adw_message_dialog_has_response (dialog, "new"));
  adw_message_dialog_response (dialog, "close");
  sk_test_iterate (50);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_WINDOW));
  after = sk_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);

  /* Once the other one lets go, the file opens. */
  g_close (fd, NULL);
  close_window (open_window (path));
}

/* The red bar says that typing cannot be written while another program
 * locks the file; once a later save succeeds, the bar goes. */
static void
test_error_bar_goes_after_save (void)
{
  g_autofree char *path = sk_test_path ("bar.db");
  g_autofree char *stored = NULL;
  GtkRevealer *bar;
  SkWindow *window;
  sqlite3 *db = NULL;

  prepare_database (path);
  window = open_window (path);
  sk_window_select_child (window, child_named (window, "Alma"));
  activate (window, "new-conversation");
  sk_test_iterate (1000);   /* the tools are built, bit by bit */
  bar = find_error_bar (GTK_WIDGET (window));
  g_assert_nonnull (bar);
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  db = sk_test_db_open (path);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  type_into (note_view (window, "In your own words"), "Locked ");
  sk_test_iterate (2600);   /* the delay, then the store's busy timeout */
  g_assert_true (gtk_revealer_get_reveal_child (bar));

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  type_into (note_view (window, "In your own words"), "and free");
  sk_test_iterate (500);
  stored = sk_test_sql (path, "SELECT child_words FROM conversations ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (stored, ==, "Locked and free");
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  close_window (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  sk_test_gui_init (&argc, &argv);

  app = sk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Windows come and go between tests: keep the application running. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/add-child-type-words-reopen", test_add_child_type_words_reopen);
  g_test_add_func ("/window/search-every-keystroke", test_search_filters_at_every_keystroke);
  g_test_add_func ("/window/child-view-only-this-child", test_child_view_shows_only_this_child);
  g_test_add_func ("/window/cover", test_cover_hides_caseworker_view);
  g_test_add_func ("/window/delete-child-undo", test_delete_child_undo_then_final);
  g_test_add_func ("/window/language-danish", test_language_switch_to_danish);
  g_test_add_func ("/window/damaged-database", test_damaged_database_offers_new_start);
  g_test_add_func ("/window/newer-database", test_newer_database_refused);
  g_test_add_func ("/window/shortcuts", test_shortcuts_window);
  g_test_add_func ("/window/f10-opens-main-menu", test_f10_opens_main_menu);
  g_test_add_func ("/window/sigterm-writes-pending", test_sigterm_writes_pending_text);
  g_test_add_func ("/window/same-file-through-link", test_same_file_through_link);
  g_test_add_func ("/window/file-open-elsewhere", test_file_open_elsewhere);
  g_test_add_func ("/window/error-bar-goes-after-save", test_error_bar_goes_after_save);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
