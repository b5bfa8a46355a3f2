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
#include "sk-hold-button.h"
#include "sk-preferences.h"
#include "sk-store.h"
#include "sk-summary-dialog.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"
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
  g_autoptr(SkStore) store = sk_store_open (path, &error);
  g_autoptr(SkChild) other = sk_child_new (OTHER_CHILD);
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) children = NULL;

  g_assert_no_error (error);
  g_assert_true (sk_demo_fill (store, &error));
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

/* Alma's conversation of today, opened from the list as a person does,
 * with a note of the caseworker's own in it. */
static SkWindow *
open_today (const char *path,
            int         width,
            int         height)
{
  SkWindow *window = open_window (path, width, height);
  GtkWidget *page, *list;

  sk_window_select_child (window, child_named (window, "Alma"));
  page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));
  list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  sk_test_iterate (300);
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

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control>p");
  sk_test_iterate (300);
  dialog = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  g_assert_nonnull (dialog);
  cover_from (window, dialog);
  gtk_window_destroy (dialog);
  sk_test_iterate (100);

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control>comma");
  sk_test_iterate (300);
  dialog = sk_test_find_toplevel (SK_TYPE_PREFERENCES);
  g_assert_nonnull (dialog);
  cover_from (window, dialog);
  gtk_window_destroy (dialog);
  sk_test_iterate (100);

  /* And from the keyboard shortcuts. */
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F1");
  sk_test_iterate (300);
  dialog = sk_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (dialog);
  /* It fits on a municipal laptop's screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 1280);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 800);
  cover_from (window, dialog);
  close_window (window);
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

static gboolean
popover_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
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
      g_assert_true (sk_test_wait_for (popover_shown, button, 2000));
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

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_auto(GStrv) words = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_cmpint (status, ==, 0);
  words = g_strsplit_set (out, " \n\f", -1);
  return g_strjoinv (" ", words);
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
  if (row != NULL)
    {
      GtkWidget *person = sk_test_find_choice (view, "Hanne");

      g_assert_nonnull (person);
      g_assert_cmpint (gtk_widget_get_sensitive (person), ==,
                       gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
                         sk_test_find_labelled (row, GTK_TYPE_TOGGLE_BUTTON, "Yes"))));
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
  words = pdf_text (pdf);
  /* In the interface's language unless chosen otherwise. */
  g_assert_nonnull (strstr (words, "Our conversation"));
  g_assert_null (strstr (words, own_words));
  g_assert_null (strstr (words, "What Alma told me"));
  assert_only_the_childs_things (words);
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&pdf, g_free);

  /* Yes again: the words are on it. */
  sk_test_real_click (yes);
  clear_saved_pdfs ();
  sk_test_real_click (save);
  sk_test_iterate (300);
  pdf = saved_pdf ();
  words = pdf_text (pdf);
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

typedef struct
{
  GString *out;
  gboolean done;
  int      status;
} Walk;

static void
walk_exited_cb (GPid     pid,
                int      status,
                gpointer user_data)
{
  Walk *walk = user_data;

  walk->status = status;
  walk->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
walk_read_cb (GIOChannel   *channel,
              GIOCondition  condition,
              gpointer      user_data)
{
  Walk *walk = user_data;
  char buffer[4096];
  gsize n = 0;

  if (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) == G_IO_STATUS_NORMAL && n > 0)
    {
      g_string_append_len (walk->out, buffer, (gssize) n);
      return G_SOURCE_CONTINUE;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
walk_done (gpointer data)
{
  return ((Walk *) data)->done;
}

/* Everything a screen reader can reach in this program, showing or not,
 * walked by another process while this one goes on. */
static char *
walk_accessibility_tree (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "sk-a11y-walk.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  const char *argv[] = { "/usr/bin/python3", script, pid, NULL };
  g_autoptr(GError) error = NULL;
  Walk walk = { g_string_new (NULL), FALSE, -1 };
  GIOChannel *channel;
  GPid child;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &child, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP, walk_read_cb, &walk);
  g_child_watch_add (child, walk_exited_cb, &walk);
  g_assert_true (sk_test_wait_for (walk_done, &walk, 60000));
  sk_test_iterate (100);
  /* The rest of the output. */
  while (walk_read_cb (channel, G_IO_IN, &walk) == G_SOURCE_CONTINUE)
    ;
  g_io_channel_unref (channel);
  g_assert_cmpint (walk.status, ==, 0);
  g_assert_cmpuint (walk.out->len, >, 0);
  return g_string_free (walk.out, FALSE);
}

static void
assert_tree_is_the_childs (const char *tree,
                           const char *where)
{
  g_auto(GStrv) lines = g_strsplit (tree, "\n", -1);
  guint n = g_strv_length (lines);

  g_test_message ("%s: %u accessible nodes", where, n);
  if (strstr (tree, OTHER_CHILD) || strstr (tree, OTHER_CASE) || strstr (tree, OTHER_NOTES) ||
      strstr (tree, OWN_NOTES) || strstr (tree, "DEMO-0001") || strstr (tree, "Only for me") ||
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

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 with pyatspi");
      return;
    }
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
  caseworker = walk_accessibility_tree ();
  g_assert_nonnull (strstr (caseworker, OTHER_CHILD));
  g_assert_nonnull (strstr (caseworker, OWN_NOTES));

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  g_assert_true (sk_test_wait_for (child_view_shown, window, 2000));
  sk_test_iterate (300);
  child = walk_accessibility_tree ();
  g_assert_nonnull (strstr (child, "Alma"));
  assert_tree_is_the_childs (child, "child's view");

  sk_test_press ("<Control>p");
  g_assert_true (sk_test_wait_for (summary_shown, window, 2000));
  sk_test_iterate (300);
  summary = walk_accessibility_tree ();
  g_assert_nonnull (strstr (summary, "What you told me"));
  assert_tree_is_the_childs (summary, "our summary");

  sk_test_press ("F9");
  g_assert_true (sk_test_wait_for (is_covered, window, 2000));
  sk_test_iterate (300);
  covered = walk_accessibility_tree ();
  g_assert_null (strstr (covered, "Alma"));
  assert_tree_is_the_childs (covered, "cover");
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
  g_test_add_func ("/promise/screenshots", test_screenshots);
  return sk_test_app_run (&app);
}
