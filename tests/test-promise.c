/* test-promise.c — "you decide what your parents see, and here you see only
 * your own things", kept everywhere
 *
 * Driven as a person drives the program: real key presses and clicks go
 * through the X server to whatever window and widget has them.  What a
 * screen reader reaches is walked over AT-SPI by a second process.
 */
#include "sk-application.h"
#include "sk-child-dialog.h"
#include "sk-demo.h"
#include "sk-emotion-card.h"
#include "sk-format.h"
#include "sk-hold-button.h"
#include "sk-lundy-marks.h"
#include "sk-lundy-tool.h"
#include "sk-network-editor.h"
#include "sk-network-tool.h"
#include "sk-note-field.h"
#include "sk-preferences.h"
#include "sk-store.h"
#include "sk-summary-dialog.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-lundy.h"
#include "sk-network.h"
#include "sk-test-gui.h"

#include <string.h>
#include <glib/gstdio.h>

#define OTHER_CHILD "Bertil"
#define OTHER_CASE "CASE-BERTIL-77"
#define OTHER_NOTES "BERTIL-ONLY-FOR-THE-CASEWORKER"
#define OWN_NOTES "ALMA-ONLY-FOR-THE-CASEWORKER"
#define LUNDY_NOTE "LUNDY-NOTE-FOR-THE-CASEWORKER"

static SkApplication *app;

/* The demo child and another child with a case of their own. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_test_store_open (path, &error);
  g_autoptr(SkChild) other = sk_child_new (OTHER_CHILD);
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) children = NULL;

  g_assert_no_error (error);
  g_assert_true (sk_demo_fill (store, &error));
  children = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  {
    /* Today's conversation: the map started from last time's, a step
     * prepared, a note of the caseworker's on it. */
    g_autoptr(SkChild) alma = g_list_model_get_item (G_LIST_MODEL (children), 0);
    g_autoptr(GListStore) conversations = sk_store_list (store, SK_TYPE_CONVERSATION, "child_id",
                                                         sk_record_get_id (SK_RECORD (alma)), &error);
    g_autoptr(SkConversation) today = g_list_model_get_item (G_LIST_MODEL (conversations), 0);
    g_autoptr(SkConversation) earlier = g_list_model_get_item (G_LIST_MODEL (conversations), 1);
    g_autoptr(GListStore) people = sk_network_list (store, sk_record_get_id (SK_RECORD (today)), &error);
    g_autoptr(GListStore) answers = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (today)), TRUE, &error);

    g_assert_true (sk_network_copy (store, people, sk_record_get_id (SK_RECORD (today)), earlier, &error));
    sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (answers), "voice", SK_LUNDY_BEFORE), "tools");
    g_object_set (sk_lundy_answers_find (G_LIST_MODEL (answers), "space", SK_LUNDY_BEFORE), "note", LUNDY_NOTE, NULL);
  }
  g_object_set (other, "case-ref", OTHER_CASE, "birth-year", 2013, NULL);
  g_assert_true (sk_store_insert (store, other, &error));
  conversation = sk_test_add_conversation (store, other, 1763900000);
  g_object_set (conversation, "private-notes", OTHER_NOTES, NULL);
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
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

static SkWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sk_test_iterate (200);
  return window;
}

static void
open_first_conversation (SkWindow *window)
{
  GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));
  GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  sk_test_iterate (300);
}

/* Alma's conversation of today, opened from the list as a person does,
 * with a note of the caseworker's own in it. */
static SkWindow *
open_today (const char *path,
            int         width,
            int         height)
{
  SkWindow *window = open_window (path, width, height);

  sk_window_select_child (window, child_named (window, "Alma"));
  open_first_conversation (window);
  g_object_set (sk_window_get_conversation (window), "private-notes", OWN_NOTES, NULL);
  return window;
}

static void
close_window (SkWindow *window)
{
  GtkWindow *dialog;

  if (sk_application_get_covered (app))
    g_action_group_activate_action (G_ACTION_GROUP (app), "cover", NULL);
  while ((dialog = sk_test_find_toplevel (GTK_TYPE_WINDOW)) != NULL && dialog != GTK_WINDOW (window))
    gtk_window_destroy (dialog);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
}

static GtkWidget *
child_view (SkWindow *window)
{
  return sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));
}

static gboolean
in_child_view (SkWindow *window)
{
  GtkWidget *view = child_view (window);

  return view != NULL && gtk_widget_get_mapped (view);
}

static gboolean
child_view_shown (gpointer window)
{
  return in_child_view (window);
}

static gboolean
caseworker_shown (gpointer window)
{
  return !in_child_view (window) && gtk_widget_get_mapped (sk_test_find_type (window, ADW_TYPE_LEAFLET));
}

/* What the child's screen shows: this child only, nothing of the
 * caseworker's. */
static void
assert_only_the_childs_things (const char *text)
{
  g_assert_null (strstr (text, OTHER_CHILD));
  g_assert_null (strstr (text, OTHER_CASE));
  g_assert_null (strstr (text, OTHER_NOTES));
  g_assert_null (strstr (text, OWN_NOTES));
  g_assert_null (strstr (text, "DEMO-0001"));
  g_assert_null (strstr (text, LUNDY_NOTE));
  g_assert_null (strstr (text, "Only for me"));
  g_assert_null (strstr (text, "Mine egne noter"));
  g_assert_null (strstr (text, "Kun til mig"));
  g_assert_null (strstr (text, "Follow up with the school"));
  g_assert_null (strstr (text, "Følg op med skolen"));
}

/* Typing a name with a space in it never presses a button. */
static void
test_type_a_new_child (void)
{
  g_autofree char *path = sk_test_path ("new-child.db");
  SkWindow *window = open_window (path, 1280, 800);
  g_autofree char *stored = NULL;

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control><Shift>n");
  g_assert_nonnull (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_iterate (200);
  sk_test_focus_window (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_type ("Mikkel Sørensen");
  g_assert_nonnull (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_press ("Return");
  sk_test_iterate (200);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  stored = sk_test_sql (path, "SELECT group_concat(name) FROM children");
  g_assert_cmpstr (stored, ==, "Mikkel Sørensen");
  g_assert_cmpstr (sk_child_get_name (sk_window_get_child (window)), ==, "Mikkel Sørensen");
  close_window (window);
}

/* Space, Enter and Esc, a tap and a short press: the child stays.  Held
 * down for a second, or Ctrl+F11: back to the caseworker. */
static void
test_child_view_is_left_on_purpose (void)
{
  g_autofree char *path = sk_test_path ("leave.db");
  SkWindow *window;
  GtkWidget *hold, *focus;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));

  /* The keyboard is on the child's things, not on the way out. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, child_view (window)));
  hold = sk_test_find_type (child_view (window), SK_TYPE_HOLD_BUTTON);
  g_assert_nonnull (hold);
  g_assert_false (gtk_widget_get_focusable (hold));

  for (guint round = 0; round < 2; round++)
    {
      static const char * const keys[] = { "space", "Return", "Escape", "F11", "<Alt>Left", "BackSpace" };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          sk_test_press (keys[i]);
          sk_test_iterate (50);
          if (!in_child_view (window))
            g_error ("“%s” left the child's view", keys[i]);
        }
      /* And again from the next thing Tab reaches. */
      sk_test_press ("Tab");
    }
  assert_only_the_childs_things (sk_test_visible_text (GTK_WIDGET (window)));

  /* A tap, and a press of half a second, on the way out: nothing. */
  sk_test_real_click (hold);
  g_assert_true (in_child_view (window));
  sk_test_press_pointer (hold, sk_hold_button_get_hold_time () / 2);
  sk_test_iterate (200);
  g_assert_true (in_child_view (window));

  /* Held down: out. */
  sk_test_press_pointer (hold, sk_hold_button_get_hold_time () + 300);
  g_assert_true (sk_test_wait_for (caseworker_shown, window, 2000));

  /* In again, and out with the keys. */
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
  sk_test_press ("<Control>F11");
  g_assert_true (sk_test_wait_for (caseworker_shown, window, 2000));
  close_window (window);
}

static gboolean
is_covered (gpointer window)
{
  g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

  return sk_window_get_covered (window) && strstr (text, "Alma") == NULL;
}

static gboolean
no_window_but (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) other = g_list_model_get_item (toplevels, i);

      if (other != window && gtk_widget_get_visible (other))
        return FALSE;
    }
  return TRUE;
}

/* F9 works from wherever the keyboard is, and covers every window. */
static void
cover_from (SkWindow  *window,
            GtkWindow *dialog)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  sk_test_focus_window (dialog);
  sk_test_press ("F9");
  g_assert_true (sk_test_wait_for (is_covered, window, 2000));
  g_assert_true (no_window_but (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The same key brings everything back. */
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F9");
  sk_test_iterate (200);
  g_assert_false (sk_window_get_covered (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

static void
test_cover_from_every_window (void)
{
  g_autofree char *path = sk_test_path ("cover.db");
  SkWindow *window;
  GtkWindow *dialog;

  prepare_database (path);
  window = open_today (path, 1280, 800);

  /* The summary's window, the preferences and the keyboard shortcuts,
   * each opened with its key. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const keys[] = { "<Control>p", "<Control>comma", "F1" };
      GType types[] = { SK_TYPE_SUMMARY_DIALOG, SK_TYPE_PREFERENCES, GTK_TYPE_SHORTCUTS_WINDOW };

      sk_test_focus_window (GTK_WINDOW (window));
      sk_test_press (keys[i]);
      sk_test_iterate (300);
      dialog = sk_test_find_toplevel (types[i]);
      g_assert_nonnull (dialog);
      /* It fits on a municipal laptop's screen. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 1280);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 800);
      cover_from (window, dialog);
      gtk_window_destroy (dialog);
      sk_test_iterate (100);
    }
  close_window (window);

  /* Danish words are longer: the shortcuts fit in Danish too. */
  {
    GSettings *settings = sk_application_get_settings (app);

    g_settings_set_string (settings, "language", "da");
    sk_test_iterate (200);
    window = open_today (path, 1280, 800);
    sk_test_focus_window (GTK_WINDOW (window));
    sk_test_press ("F1");
    sk_test_iterate (300);
    dialog = sk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
    g_assert_nonnull (dialog);
    g_test_message ("shortcuts in Danish: %d × %d", gtk_widget_get_width (GTK_WIDGET (dialog)),
                    gtk_widget_get_height (GTK_WIDGET (dialog)));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 1280);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 800);
    sk_test_save_screenshot (GTK_WIDGET (dialog), "shortcuts-da.png");
    close_window (window);
    g_settings_reset (settings, "language");
    sk_test_iterate (200);
  }
}

static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_widget_get_mapped (child))
        {
          g_autofree char *text = sk_test_visible_text (child);

          if (strstr (text, label) != NULL)
            return child;
        }
      if ((found = find_menu_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* "+ Feelings" opens a full list, big enough for a child's finger, in the
 * child's view and the caseworker's. */
static void
test_feelings_popover (void)
{
  g_autofree char *path = sk_test_path ("feelings.db");
  SkWindow *window;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  for (guint view = 0; view < 2; view++)
    {
      GtkWidget *root = view == 0 ? GTK_WIDGET (window) : child_view (window);
      GtkWidget *card, *button, *word;
      GtkPopover *popover;
      guint n = 0;
      g_autofree char *value = NULL;
      const char *feeling = view == 0 ? "Proud" : "Happy";
      const char *key = view == 0 ? "proud" : "happy";

      if (view == 1)
        {
          sk_test_focus_window (GTK_WINDOW (window));
          sk_test_press ("F11");
          g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
          root = child_view (window);
        }
      card = sk_test_find_type (root, SK_TYPE_EMOTION_CARD);
      g_assert_nonnull (card);
      sk_test_scroll_to (card);
      sk_test_iterate (300);
      button = find_menu_button (card, "Feelings");
      g_assert_nonnull (button);
      sk_test_real_click (button);
      g_assert_true (sk_test_wait_for (sk_test_popover_shown, button, 2000));
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      sk_test_iterate (200);

      /* All ten words, each a big target. */
      for (GtkWidget *toggle = sk_test_find_type (GTK_WIDGET (popover), GTK_TYPE_TOGGLE_BUTTON);
           toggle != NULL;
           toggle = gtk_widget_get_next_sibling (gtk_widget_get_parent (toggle)) != NULL
                    ? gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_parent (toggle)))
                    : NULL)
        {
          g_assert_true (gtk_widget_get_mapped (toggle));
          g_assert_cmpint (gtk_widget_get_height (toggle), >=, 48);
          g_assert_cmpint (gtk_widget_get_width (toggle), >=, 48);
          n++;
        }
      g_assert_cmpuint (n, ==, 10);
      sk_test_save_screenshot (GTK_WIDGET (popover), view == 0 ? "feelings-popover-caseworker.png"
                                                              : "feelings-popover-child.png");

      word = sk_test_find_labelled (GTK_WIDGET (popover), GTK_TYPE_LABEL, feeling);
      g_assert_nonnull (word);
      word = gtk_widget_get_ancestor (word, GTK_TYPE_TOGGLE_BUTTON);
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (word)));
      sk_test_real_click (word);
      sk_test_iterate (200);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (word)));
      value = sk_test_sql (path, "SELECT feelings FROM emotion_ratings r JOIN conversations c ON c.id = r.conversation_id "
                                 "WHERE r.topic_key = 'home' ORDER BY c.started_at DESC LIMIT 1");
      g_assert_nonnull (strstr (value, key));
      gtk_popover_popdown (popover);
      sk_test_iterate (100);
    }
  close_window (window);
}

static gboolean
summary_shown (gpointer window)
{
  GtkWidget *panel = sk_test_find_type (child_view (window), g_type_from_name ("SkSummaryPanel"));

  return panel != NULL && gtk_widget_get_mapped (panel);
}

static gboolean
tools_shown (gpointer window)
{
  return !summary_shown (window) && in_child_view (window);
}

/* The newest PDF the child's view saved in the test's home. */
static char *
saved_pdf (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_home_dir (), 0, NULL);
  const char *name;
  char *found = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      {
        g_free (found);
        found = g_build_filename (g_get_home_dir (), name, NULL);
      }
  return found;
}

static void
clear_saved_pdfs (void)
{
  g_autofree char *pdf = NULL;

  while ((pdf = saved_pdf ()) != NULL)
    {
      g_remove (pdf);
      g_clear_pointer (&pdf, g_free);
    }
}

/* "Our summary" in the child's view: the child says no to their own
 * words, and the paper lacks them. */
static void
test_our_summary_in_the_childs_view (void)
{
  g_autofree char *path = sk_test_path ("our-summary.db");
  SkWindow *window;
  GtkWidget *view, *row, *yes, *no, *save;
  g_autofree char *value = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *words = NULL;
  const char *own_words = "Mornings are better now.";   /* the demo's, in English */
  GStatBuf st;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  g_object_set (sk_window_get_conversation (window), "child-words-shared", TRUE, NULL);
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
  view = child_view (window);

  /* Ctrl+P in the child's view: the summary, in the child's view. */
  sk_test_press ("<Control>p");
  g_assert_true (sk_test_wait_for (summary_shown, window, 2000));
  g_assert_null (sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG));
  g_assert_true (in_child_view (window));
  sk_test_iterate (300);
  assert_only_the_childs_things (sk_test_visible_text (GTK_WIDGET (window)));

  /* The child's own words have a yes and a no of their own. */
  row = sk_test_find_choice (view, "What you told me");
  g_assert_nonnull (row);
  yes = sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "Yes");
  no = sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "No");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (yes)));
  g_assert_cmpint (gtk_widget_get_height (no), >=, 48);
  sk_test_scroll_to (row);
  sk_test_iterate (200);
  sk_test_real_click (no);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (no)));
  value = sk_test_sql (path, "SELECT child_words_shared FROM conversations c JOIN children k ON k.id = c.child_id "
                             "WHERE k.name = 'Alma' ORDER BY c.started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "0");

  /* The people wait for the map: not on a map that is not shared. */
  row = sk_test_find_choice (view, "The map");
  g_assert_nonnull (row);
  {
    GtkWidget *person = sk_test_find_choice (view, "Hanne");
    GtkWidget *map_yes = sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "Yes");

    g_assert_nonnull (person);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (map_yes)));
    g_assert_false (gtk_widget_is_sensitive (person));
    sk_test_scroll_to (row);
    sk_test_iterate (200);
    sk_test_real_click (map_yes);
    g_assert_true (gtk_widget_is_sensitive (person));
    g_clear_pointer (&value, g_free);
    value = sk_test_sql (path, "SELECT network_shared FROM conversations c JOIN children k ON k.id = c.child_id "
                               "WHERE k.name = 'Alma' ORDER BY c.started_at DESC LIMIT 1");
    g_assert_cmpstr (value, ==, "1");
  }

  /* Saved straight away, without a file chooser that would show other
   * files; private to the user; without the words. */
  clear_saved_pdfs ();
  save = sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Save as PDF…");
  g_assert_nonnull (save);
  sk_test_real_click (save);
  sk_test_iterate (300);
  g_assert_null (sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  pdf = saved_pdf ();
  g_assert_nonnull (pdf);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  words = sk_test_pdf_text (pdf);
  /* In the interface's language unless chosen otherwise. */
  g_assert_nonnull (strstr (words, "Our conversation"));
  g_assert_null (strstr (words, own_words));
  g_assert_null (strstr (words, "What Alma told me"));
  assert_only_the_childs_things (words);
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&pdf, g_free);

  /* Yes again: the words are on it. */
  sk_test_scroll_to (yes);
  sk_test_iterate (200);
  sk_test_real_click (yes);
  clear_saved_pdfs ();
  sk_test_real_click (save);
  sk_test_iterate (300);
  pdf = saved_pdf ();
  words = sk_test_pdf_text (pdf);
  g_assert_nonnull (strstr (words, own_words));

  /* Esc goes back to the tools (the first one may only close the
   * message that says where the PDF went), and never further. */
  sk_test_press ("Escape");
  sk_test_iterate (100);
  sk_test_press ("Escape");
  g_assert_true (sk_test_wait_for (tools_shown, window, 2000));
  sk_test_press ("Escape");
  sk_test_iterate (200);
  g_assert_true (tools_shown (window));
  /* And the back button too. */
  sk_test_press ("<Control>p");
  g_assert_true (sk_test_wait_for (summary_shown, window, 2000));
  sk_test_real_click (sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Back"));
  g_assert_true (sk_test_wait_for (tools_shown, window, 2000));
  g_assert_true (in_child_view (window));
  close_window (window);
}


static void
assert_tree_is_the_childs (const char *tree,
                           const char *where)
{
  g_auto(GStrv) lines = g_strsplit (tree, "\n", -1);
  guint n = g_strv_length (lines);

  g_test_message ("%s: %u accessible nodes", where, n);
  if (strstr (tree, OTHER_CHILD) || strstr (tree, OTHER_CASE) || strstr (tree, OTHER_NOTES) ||
      strstr (tree, OWN_NOTES) || strstr (tree, LUNDY_NOTE) || strstr (tree, "DEMO-0001") || strstr (tree, "Only for me") ||
      strstr (tree, "Mine egne noter") || strstr (tree, "Follow up with the school") ||
      strstr (tree, "Prepare") || strstr (tree, "Children"))
    {
      for (guint i = 0; i < n; i++)
        if (strstr (lines[i], OTHER_CHILD) || strstr (lines[i], OTHER_CASE) || strstr (lines[i], "NOTES") ||
            strstr (lines[i], "DEMO-0001") || strstr (lines[i], "Only for me") || strstr (lines[i], "Follow up") ||
            strstr (lines[i], "Prepare") || strstr (lines[i], "Children"))
          g_test_message ("%s: found: %s", where, lines[i]);
      g_error ("%s: the accessibility tree holds what the child must not see", where);
    }
}

/* The caseworker's screens are not there while the child's view or the
 * cover is on: not drawn, and not in the tree a screen reader walks. */
static void
test_accessibility_tree_of_the_childs_view (void)
{
  g_autofree char *path = sk_test_path ("a11y.db");
  g_autofree char *caseworker = NULL;
  g_autofree char *child = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *covered = NULL;
  SkWindow *window;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  sk_window_select_child (window, child_named (window, "Alma"));
  {
    GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));

    g_signal_emit_by_name (sk_test_find_type (page, GTK_TYPE_LIST_BOX), "row-activated",
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (sk_test_find_type (page, GTK_TYPE_LIST_BOX)), 0));
  }
  sk_test_iterate (300);
  g_object_set (sk_window_get_conversation (window), "private-notes", OWN_NOTES, NULL);

  /* The walk sees the caseworker's screen as it is: the test can fail. */
  caseworker = sk_test_walk_accessibility ();
  g_assert_nonnull (strstr (caseworker, OTHER_CHILD));
  g_assert_nonnull (strstr (caseworker, OWN_NOTES));

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
  sk_test_iterate (300);
  child = sk_test_walk_accessibility ();
  g_assert_nonnull (strstr (child, "Alma"));
  assert_tree_is_the_childs (child, "child's view");

  sk_test_press ("<Control>p");
  g_assert_true (sk_test_wait_for (summary_shown, window, 2000));
  sk_test_iterate (300);
  summary = sk_test_walk_accessibility ();
  g_assert_nonnull (strstr (summary, "What you told me"));
  assert_tree_is_the_childs (summary, "our summary");

  sk_test_press ("F9");
  g_assert_true (sk_test_wait_for (is_covered, window, 2000));
  sk_test_iterate (300);
  covered = sk_test_walk_accessibility ();
  g_assert_null (strstr (covered, "Alma"));
  assert_tree_is_the_childs (covered, "cover");
  close_window (window);
}

static guint
first_row_marks (SkWindow *window)
{
  GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));
  GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkWidget *marks = sk_test_find_type (GTK_WIDGET (row), SK_TYPE_LUNDY_MARKS);

  return sk_lundy_marks_get_mask (SK_LUNDY_MARKS (marks));
}

/* "Delete conversation…" asks first, with the keyboard on neither answer;
 * after Undo the conversation is back with its Lundy marks. */
static void
test_delete_conversation_asks_and_undoes (void)
{
  g_autofree char *path = sk_test_path ("delete-conversation.db");
  SkWindow *window;
  GtkWidget *button, *undo, *focus;
  AdwMessageDialog *dialog;
  g_autofree char *value = NULL;
  guint marks;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  sk_window_open_conversation (window, NULL);
  sk_test_iterate (300);
  marks = first_row_marks (window);
  g_assert_cmpuint (marks, !=, 0);
  open_first_conversation (window);

  button = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Delete Conversation…");
  g_assert_nonnull (button);
  sk_test_scroll_to (button);
  sk_test_iterate (300);
  sk_test_save_screenshot (gtk_widget_get_parent (button), "delete-conversation-button.png");
  sk_test_real_click (button);
  sk_test_iterate (300);
  sk_test_save_screenshot (GTK_WIDGET (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete-conversation-dialog.png");
  sk_test_iterate (300);
  dialog = ADW_MESSAGE_DIALOG (sk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Delete the Conversation of "));
  /* A key pressed by chance answers nothing. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus == NULL || !GTK_IS_BUTTON (focus));
  sk_test_focus_window (GTK_WINDOW (dialog));
  sk_test_press ("space");
  sk_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (sk_window_get_conversation (window));
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Delete"));
  sk_test_iterate (300);
  g_assert_null (sk_window_get_conversation (window));
  value = sk_test_sql (path, "SELECT c.trashed FROM conversations c JOIN children k ON k.id = c.child_id "
                             "WHERE k.name = 'Alma' ORDER BY c.started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);

  undo = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  g_assert_nonnull (undo);
  sk_test_real_click (undo);
  sk_test_iterate (300);
  value = sk_test_sql (path, "SELECT c.trashed FROM conversations c JOIN children k ON k.id = c.child_id "
                             "WHERE k.name = 'Alma' ORDER BY c.started_at DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "0");
  g_assert_cmpuint (first_row_marks (window), ==, marks);
  close_window (window);
}

static gboolean
editor_shown (gpointer tool)
{
  GtkWidget *editor = sk_test_find_type (tool, SK_TYPE_NETWORK_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (editor);
}

/* The person editor in the child's view fits a 1280×800 screen whole,
 * its buttons and marks too, and names the person in its questions. */
static void
test_person_editor_fits (void)
{
  g_autofree char *path = sk_test_path ("person-editor.db");
  SkWindow *window;
  GtkWidget *tool, *stack, *editor, *add, *name, *talk;
  graphene_rect_t bounds;
  int height;
  g_autofree char *value = NULL;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
  tool = sk_test_find_type (child_view (window), SK_TYPE_NETWORK_TOOL);
  stack = gtk_widget_get_parent (tool);
  sk_test_scroll_to (gtk_widget_get_parent (stack));
  sk_test_iterate (200);
  sk_test_real_click (sk_test_find_shown (gtk_widget_get_parent (stack), GTK_TYPE_TOGGLE_BUTTON, "My network"));
  sk_test_iterate (400);
  add = sk_test_find_shown (tool, GTK_TYPE_BUTTON, "Add Person");
  g_assert_nonnull (add);
  sk_test_scroll_to (add);
  sk_test_iterate (200);
  sk_test_real_click (add);
  g_assert_true (sk_test_wait_for (editor_shown, tool, 2000));
  sk_test_iterate (300);
  editor = sk_test_find_type (tool, SK_TYPE_NETWORK_EDITOR);

  /* Whole on a 1280×800 screen: it fits above or below the button it
   * points at (GTK puts it on the side with room), every button and mark
   * inside it. */
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (add, GTK_WIDGET (window), &bounds));
  g_test_message ("editor: %d px high; %.0f px above the button, %.0f below, in a window %d px high",
                  gtk_widget_get_height (editor), bounds.origin.y,
                  height - bounds.origin.y - bounds.size.height, height);
  g_assert_cmpint (gtk_widget_get_height (editor), <=,
                   MAX (bounds.origin.y, height - bounds.origin.y - bounds.size.height));
  for (const char * const *label = (const char * const[]) { "Add", "Cancel", NULL }; *label != NULL; label++)
    {
      GtkWidget *button = sk_test_find_shown (editor, GTK_TYPE_BUTTON, *label);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_compute_bounds (button, editor, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (editor));
    }
  sk_test_save_screenshot (editor, "person-editor-child-en.png");

  /* The questions name the person once there is a name. */
  name = sk_test_find_type (editor, GTK_TYPE_TEXT);
  sk_test_real_click (name);
  sk_test_type ("Oliver");
  sk_test_iterate (300);
  talk = sk_test_find_shown (editor, GTK_TYPE_LABEL, "I can talk to Oliver");
  g_assert_nonnull (talk);
  g_assert_nonnull (sk_test_find_shown (editor, GTK_TYPE_LABEL, "Where does Oliver belong?"));
  talk = gtk_widget_get_ancestor (talk, GTK_TYPE_TOGGLE_BUTTON);
  sk_test_real_click (talk);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (talk)));
  sk_test_save_screenshot (editor, "person-editor-child-en-named.png");
  sk_test_iterate (200);
  sk_test_real_click (sk_test_find_shown (editor, GTK_TYPE_BUTTON, "Add"));
  sk_test_iterate (300);
  value = sk_test_sql (path, "SELECT can_talk FROM network_people WHERE name = 'Oliver'");
  g_assert_cmpstr (value, ==, "1");
  close_window (window);
}

/* The date picker speaks the interface's language whatever the system's
 * (the tests run in C.UTF-8): Danish names, Monday first; a day is picked
 * by click and by the arrow keys. */
static void
test_calendar_in_danish (void)
{
  g_autofree char *path = sk_test_path ("calendar.db");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  GtkWidget *button, *picker, *grid, *first, *title;
  GtkPopover *popover;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *value = NULL;

  g_settings_set_string (settings, "language", "da");
  sk_test_iterate (200);
  prepare_database (path);
  window = open_today (path, 1280, 800);
  before = sk_conversation_dup_local_time (sk_window_get_conversation (window));
  button = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkDateTimeButton"));
  g_assert_nonnull (button);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button) ?: "", "dato"));
  button = sk_test_find_type (button, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  sk_test_scroll_to (button);
  sk_test_iterate (200);
  sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (sk_test_popover_shown, button, 2000));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  picker = sk_test_find_type (GTK_WIDGET (popover), g_type_from_name ("SkDatePicker"));
  g_assert_nonnull (picker);
  grid = sk_test_find_type (picker, GTK_TYPE_GRID);
  first = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (first)), ==, "ma");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 6, 0))), ==, "sø");
  title = sk_test_find_type (picker, GTK_TYPE_LABEL);
  {
    g_autofree char *expected = sk_format_month_year (before);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, expected);
    g_assert_null (strstr (expected, "December"));
  }
  sk_test_save_screenshot (GTK_WIDGET (popover), "calendar-da.png");

  /* The 12th of the month shown, clicked: the conversation moves to it,
   * at the same time of day. */
  for (int cell = 0; cell < 42; cell++)
    {
      GtkWidget *day = gtk_grid_get_child_at (GTK_GRID (grid), cell % 7, 1 + cell / 7);

      if (g_str_equal (gtk_button_get_label (GTK_BUTTON (day)), "12") && cell < 21)
        {
          sk_test_real_click (day);
          break;
        }
    }
  sk_test_iterate (200);
  after = sk_conversation_dup_local_time (sk_window_get_conversation (window));
  g_assert_cmpint (g_date_time_get_day_of_month (after), ==, 12);
  g_assert_cmpint (g_date_time_get_month (after), ==, g_date_time_get_month (before));
  g_assert_cmpint (g_date_time_get_hour (after), ==, g_date_time_get_hour (before));

  /* By keyboard: right, then Enter, the 13th. */
  sk_test_press ("Right");
  sk_test_press ("Return");
  sk_test_iterate (200);
  g_clear_pointer (&after, g_date_time_unref);
  after = sk_conversation_dup_local_time (sk_window_get_conversation (window));
  g_assert_cmpint (g_date_time_get_day_of_month (after), ==, 13);
  value = sk_test_sql (path, "SELECT strftime('%d', started_at, 'unixepoch', 'localtime') FROM conversations c "
                             "JOIN children k ON k.id = c.child_id WHERE k.name = 'Alma' ORDER BY c.id DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "13");
  /* Esc closes it, as a person does. */
  sk_test_press ("Escape");
  sk_test_iterate (200);
  g_assert_false (sk_test_popover_shown (button));

  close_window (window);
  g_settings_reset (settings, "language");
  sk_test_iterate (200);
}

/* Below a short tool, the next field follows at once: no screen heights
 * of nothing because a longer tool sits in the same place. */
static void
assert_follows (GtkWidget *tool,
                GtkWidget *field)
{
  graphene_rect_t tool_box, field_box;
  GtkWidget *page = gtk_widget_get_ancestor (tool, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_true (gtk_widget_compute_bounds (tool, page, &tool_box));
  g_assert_true (gtk_widget_compute_bounds (field, page, &field_box));
  g_test_message ("%s ends at %.0f, %s begins at %.0f", G_OBJECT_TYPE_NAME (tool),
                  tool_box.origin.y + tool_box.size.height, G_OBJECT_TYPE_NAME (field), field_box.origin.y);
  g_assert_cmpfloat (field_box.origin.y - (tool_box.origin.y + tool_box.size.height), <, 100);
}

static void
test_no_empty_screens (void)
{
  g_autofree char *path = sk_test_path ("empty-screens.db");
  SkWindow *window;

  prepare_database (path);
  window = open_today (path, 1280, 800);
  for (guint view = 0; view < 2; view++)
    {
      GtkWidget *root = view == 0 ? GTK_WIDGET (window) : child_view (window);
      GtkWidget *field = sk_test_find_labelled (root, SK_TYPE_NOTE_FIELD, "In your own words");
      GType tools[] = { SK_TYPE_NETWORK_TOOL, SK_TYPE_LUNDY_TOOL };

      for (guint t = 0; t < G_N_ELEMENTS (tools); t++)
        {
          GtkWidget *tool = sk_test_find_type (root, tools[t]);
          GtkWidget *stack;

          if (tool == NULL)   /* the Lundy steps are the caseworker's */
            {
              g_assert_cmpuint (view, ==, 1);
              continue;
            }
          /* Chosen the way a person chooses it: its switcher button. */
          stack = gtk_widget_get_parent (tool);
          sk_test_scroll_to (gtk_widget_get_parent (stack));
          sk_test_iterate (200);
          sk_test_real_click (sk_test_find_shown (gtk_widget_get_parent (stack), GTK_TYPE_TOGGLE_BUTTON,
                                                  gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack), tool))));
          sk_test_iterate (400);
          g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == tool);
          assert_follows (tool, field);
          /* …and a tool gets the height it asks for: the map is not
           * squeezed to its smallest. */
          if (tools[t] == SK_TYPE_NETWORK_TOOL)
            {
              GtkWidget *map = sk_network_tool_get_map (SK_NETWORK_TOOL (tool));

              g_test_message ("the map: %d × %d", gtk_widget_get_width (map), gtk_widget_get_height (map));
              g_assert_cmpint (gtk_widget_get_height (map), >=, 560);
            }
        }
      if (view == 0)
        {
          sk_test_focus_window (GTK_WINDOW (window));
          sk_test_press ("F11");
          g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
          sk_test_iterate (300);
        }
    }
  close_window (window);
}

/* For a person to look at, and for docs/: "Our summary" in the child's
 * view, both languages, a laptop's screen and a large one. */
static void
test_screenshots (void)
{
  static const char * const languages[] = { "da", "en" };
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  GSettings *settings = sk_application_get_settings (app);

  g_settings_set_string (settings, "caseworker-name", "Lone Eksempel");
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("screens-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (200);
      prepare_database (path);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *shot = g_strdup_printf ("our-summary-child-%s-%dx%d.png", languages[l],
                                                   sizes[s][0], sizes[s][1]);
          SkWindow *window = open_today (path, sizes[s][0], sizes[s][1]);

          sk_test_focus_window (GTK_WINDOW (window));
          sk_test_press ("F11");
          g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
          sk_test_press ("<Control>p");
          g_assert_true (sk_test_wait_for (summary_shown, window, 2000));
          sk_test_iterate (500);
          assert_only_the_childs_things (sk_test_visible_text (GTK_WIDGET (window)));
          sk_test_save_screenshot (GTK_WIDGET (window), shot);
          close_window (window);
        }
    }
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "caseworker-name");
  sk_test_iterate (200);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/promise/type-a-new-child", test_type_a_new_child);
  g_test_add_func ("/promise/child-view-left-on-purpose", test_child_view_is_left_on_purpose);
  g_test_add_func ("/promise/cover-from-every-window", test_cover_from_every_window);
  g_test_add_func ("/promise/feelings-popover", test_feelings_popover);
  g_test_add_func ("/promise/our-summary", test_our_summary_in_the_childs_view);
  g_test_add_func ("/promise/accessibility-tree", test_accessibility_tree_of_the_childs_view);
  g_test_add_func ("/promise/no-empty-screens", test_no_empty_screens);
  g_test_add_func ("/promise/calendar-in-danish", test_calendar_in_danish);
  g_test_add_func ("/promise/person-editor-fits", test_person_editor_fits);
  g_test_add_func ("/promise/delete-conversation", test_delete_conversation_asks_and_undoes);
  g_test_add_func ("/promise/screenshots", test_screenshots);
  return sk_test_app_run (&app);
}
