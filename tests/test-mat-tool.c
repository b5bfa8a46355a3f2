/* test-mat-tool.c — picture cards, driven as a caseworker and a child do:
 * the cards chosen in the picker, placed by touching a card and then a
 * column, by keys, by dragging; moved again; a note typed; and what the
 * file holds after each.  A child who talks in words does not get the
 * mat; a new child's way follows the birth year typed. */
#include "sk-application.h"
#include "sk-child-dialog.h"
#include "sk-child-view.h"
#include "sk-conversation-page.h"
#include "sk-mat-tool.h"
#include "sk-mat.h"
#include "sk-art-image.h"
#include "sk-emotion-card.h"
#include "sk-summary.h"
#include "sk-entry-row.h"
#include "sk-face-scale.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"
#include "sk-tool-shelf.h"

#include <string.h>

static SkApplication *app;

static void
prepare (const char *path,
         SkWay       way)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  sk_child_set_way (child, way);
  g_object_set (child, "birth-year", 2021, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  g_assert_true (sk_store_flush (store, &error));
}

/* Cards on the tray of conversation 1: @symbols, NULL-terminated. */
static void
add_cards (const char         *path,
           const char * const *symbols)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GListStore) cards = sk_mat_cards (store, 1, NULL);

  for (guint i = 0; symbols[i] != NULL; i++)
    g_assert_nonnull (sk_mat_cards_add (store, cards, 1, symbols[i], NULL, NULL));
  g_assert_true (sk_store_flush (store, NULL));
}

/* The window on today's conversation, with the keyboard; in the child's
 * view when @child_view. */
static SkWindow *
open_window (const char *path,
             gboolean    child_view)
{
  SkWindow *window = sk_test_open_today (app, path);

  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  sk_test_focus_window (GTK_WINDOW (window));
  if (child_view)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
      sk_test_iterate (500);
    }
  return window;
}

static void
close_window (SkWindow *window)
{
  if (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "leave-child-view"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
      sk_test_iterate (200);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

static SkMatTool *
find_mat_in (GtkWidget *root)
{
  GtkWidget *mat = root != NULL ? sk_test_find_type (root, SK_TYPE_MAT_TOOL) : NULL;

  return mat != NULL && gtk_widget_is_drawable (mat) ? SK_MAT_TOOL (mat) : NULL;
}

/* The caseworker's mat, on the conversation page. */
static SkMatTool *
find_mat (SkWindow *window)
{
  return find_mat_in (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CONVERSATION_PAGE));
}

/* The card showing @word (its button), in the mat's tray or columns. */
static GtkWidget *
card (SkMatTool  *mat,
      const char *word)
{
  for (GtkWidget *w = GTK_WIDGET (mat); w != NULL;)
    {
      if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "mat-card") && gtk_widget_get_mapped (w))
        {
          GtkWidget *label = sk_test_find_type (w, GTK_TYPE_LABEL);

          if (label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), word) == 0)
            return w;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != GTK_WIDGET (mat) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == GTK_WIDGET (mat) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* A column's heading button ("Good") or, with @body, the column itself. */
static GtkWidget *
column (SkMatTool  *mat,
        const char *label,
        gboolean    body)
{
  GtkWidget *heading = sk_test_find_labelled (GTK_WIDGET (mat), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (heading);
  return body ? gtk_widget_get_parent (heading) : heading;
}

static char *
card_row (const char *path,
          const char *symbol,
          const char *what)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM mat_cards WHERE symbol = '%s' AND word = '' AND trashed = 0 "
                                          "ORDER BY id DESC", what, symbol);

  return sk_test_sql (path, sql);
}

static void
assert_card (const char *path,
             const char *symbol,
             SkMatColumn where,
             int         placed)
{
  g_autofree char *column_text = card_row (path, symbol, "mat_column");
  g_autofree char *placed_text = card_row (path, symbol, "placed");

  g_assert_nonnull (column_text);
  g_assert_cmpint (atoi (column_text), ==, where);
  g_assert_cmpint (atoi (placed_text), ==, placed);
}

static void
pick (SkWindow   *window,
      SkMatTool  *mat,
      const char *word)
{
  GtkWidget *picker = sk_test_find_type (GTK_WIDGET (mat), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)));
  GtkWidget *toggle;

  if (!gtk_widget_get_mapped (popover))
    {
      sk_test_real_click (picker);
      g_assert_true (sk_test_wait_for (sk_test_is_mapped, popover, 2000));
    }
  toggle = sk_test_find_labelled (popover, GTK_TYPE_TOGGLE_BUTTON, word);
  g_assert_nonnull (toggle);
  sk_test_scroll_to (toggle);
  sk_test_real_click (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

static void
close_popovers (SkWindow *window)
{
  sk_test_press ("Escape");
  sk_test_iterate (100);
}

static gboolean
card_shown (gpointer data)
{
  gpointer *args = data;

  return card (args[0], args[1]) != NULL;
}

static GtkWidget *
wait_card (SkMatTool  *mat,
           const char *word)
{
  gpointer args[] = { mat, (gpointer) word };

  g_assert_true (sk_test_wait_for (card_shown, args, 2000));
  return card (mat, word);
}

static gboolean
says (gpointer data)
{
  gpointer *args = data;
  g_autofree char *seen = sk_test_visible_text (args[0]);

  return strstr (seen, args[1]) != NULL;
}

/* Touching a card in picture mode says its word: switched off, nothing;
 * switched on, and (as here) with no sound card, the program says once
 * that it cannot read aloud, and goes on. */
static void
test_read_aloud (void)
{
  g_autofree char *path = sk_test_path ("mat-speak.db");
  GSettings *settings = sk_application_get_settings (app);
  const char *message = "Reading aloud is not available: there is no sound device.";
  gpointer args[2];
  SkWindow *window;
  GtkWidget *view, *button;

  if (g_file_test ("/dev/snd/controlC0", G_FILE_TEST_EXISTS) || g_getenv ("PULSE_SERVER") != NULL)
    {
      g_test_skip ("this machine has a sound device: the message for none cannot be seen");
      return;
    }
  prepare (path, SK_WAY_PICTURES);
  add_cards (path, (const char *[]) { "food", NULL });
  g_settings_set_boolean (settings, "read-aloud", FALSE);
  window = open_window (path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  args[0] = window;
  args[1] = (gpointer) message;
  button = card (find_mat_in (view), "food");
  sk_test_real_click (button);
  g_assert_false (sk_test_wait_for (says, args, 1500));

  g_settings_set_boolean (settings, "read-aloud", TRUE);
  button = card (find_mat_in (view), "food");
  sk_test_real_click (button);
  g_assert_true (sk_test_wait_for (says, args, 5000));
  /* And the mat goes on as before. */
  g_assert_nonnull (card (find_mat_in (view), "food"));
  g_settings_reset (settings, "read-aloud");
  close_window (window);
}

static void
test_sort_cards_every_way (void)
{
  g_autofree char *path = sk_test_path ("mat-tool.db");
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;
  g_autofree char *own = NULL;
  SkWindow *window;
  SkMatTool *mat;
  GtkWidget *button;

  prepare (path, SK_WAY_PICTURES);
  window = open_window (path, FALSE);
  mat = find_mat (window);
  g_assert_nonnull (mat);
  sk_test_scroll_to (GTK_WIDGET (mat));

  /* Today's cards, from the sets; one of the caseworker's own. */
  pick (window, mat, "food");
  pick (window, mat, "school");
  pick (window, mat, "mum");
  pick (window, mat, "noise");
  {
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sk_test_find_type (GTK_WIDGET (mat), GTK_TYPE_MENU_BUTTON))));
    GtkWidget *entry = sk_test_find_type (popover, GTK_TYPE_ENTRY);

    sk_test_scroll_to (entry);
    sk_test_real_click (entry);
    sk_test_type ("Football");
    sk_test_press ("Return");
  }
  close_popovers (window);
  count = sk_test_sql (path, "SELECT count(*) FROM mat_cards WHERE trashed = 0");
  g_assert_cmpstr (count, ==, "5");
  own = sk_test_sql (path, "SELECT word FROM mat_cards WHERE word != ''");
  g_assert_cmpstr (own, ==, "Football");

  /* Touch a card, then a column. */
  button = wait_card (mat, "food");
  sk_test_scroll_to (button);
  sk_test_real_click (button);
  g_assert_true (gtk_widget_has_css_class (card (mat, "food"), "chosen"));
  sk_test_real_click (column (mat, "Good", FALSE));
  assert_card (path, "food", SK_MAT_GOOD, 1);

  /* Keys: a card with the keyboard, 3 puts it in "Not good". */
  button = wait_card (mat, "school");
  gtk_widget_grab_focus (button);
  sk_test_press ("3");
  assert_card (path, "school", SK_MAT_BAD, 2);
  /* It keeps the keyboard where it now lies: 2 moves it on. */
  g_assert_true (gtk_widget_has_focus (card (mat, "school")));
  sk_test_press ("2");
  assert_card (path, "school", SK_MAT_UNSURE, 3);

  /* Enter chooses, Enter on a heading puts it there. */
  button = wait_card (mat, "mum");
  gtk_widget_grab_focus (button);
  sk_test_press ("Return");
  gtk_widget_grab_focus (column (mat, "Good", FALSE));
  sk_test_press ("Return");
  assert_card (path, "mum", SK_MAT_GOOD, 4);

  /* Dragged with the pointer onto a column, and moved again. */
  button = wait_card (mat, "noise");
  sk_test_scroll_to (button);
  sk_test_drag (button, column (mat, "Not sure", TRUE));
  assert_card (path, "noise", SK_MAT_UNSURE, 5);
  button = wait_card (mat, "food");
  sk_test_drag (button, column (mat, "Not good", TRUE));
  assert_card (path, "food", SK_MAT_BAD, 6);

  /* 0 takes a card back to the tray. */
  button = wait_card (mat, "mum");
  gtk_widget_grab_focus (button);
  sk_test_press ("0");
  assert_card (path, "mum", SK_MAT_NONE, 0);

  /* The caseworker's note on a placed card reaches the file. */
  {
    GtkWidget *row = sk_test_find_labelled (GTK_WIDGET (mat), SK_TYPE_ENTRY_ROW,
                                            "noise (Not sure)");

    g_assert_nonnull (row);
    sk_test_scroll_to (row);
    sk_test_real_click (row);
    sk_test_type ("Covered her ears");
    sk_test_iterate (700);
    note = card_row (path, "noise", "note");
    g_assert_cmpstr (note, ==, "Covered her ears");
  }

  /* Taken off today's cards in the picker, then Undo: back where the
   * child had put it. */
  {
    GtkWidget *picker = sk_test_find_type (GTK_WIDGET (mat), GTK_TYPE_MENU_BUTTON);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)));
    GtkWidget *toggle, *undo;
    g_autofree char *trashed = NULL;

    sk_test_scroll_to (picker);
    sk_test_real_click (picker);
    g_assert_true (sk_test_wait_for (sk_test_is_mapped, popover, 2000));
    toggle = sk_test_find_labelled (popover, GTK_TYPE_TOGGLE_BUTTON, "school");
    sk_test_scroll_to (toggle);
    sk_test_real_click (toggle);
    close_popovers (window);
    g_assert_null (card (mat, "school"));
    trashed = sk_test_sql (path, "SELECT trashed FROM mat_cards WHERE symbol = 'school'");
    g_assert_cmpstr (trashed, ==, "1");
    undo = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
    g_assert_nonnull (undo);
    sk_test_real_click (undo);
    g_assert_nonnull (wait_card (mat, "school"));
    assert_card (path, "school", SK_MAT_UNSURE, 3);
  }

  /* The child's view: the same cards, no picker, no notes. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  sk_test_iterate (500);
  {
    g_autofree char *seen = sk_test_visible_text (GTK_WIDGET (window));
    SkMatTool *child_mat = find_mat_in (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW));

    g_assert_nonnull (child_mat);
    g_assert_nonnull (card (child_mat, "food"));
    g_assert_null (strstr (seen, "Covered her ears"));
    g_assert_null (strstr (seen, "Choose Cards"));
    g_assert_nonnull (strstr (seen, "Put each picture where it fits."));
    sk_test_save_screenshot (GTK_WIDGET (window), "mat-child-view.png");
  }
  close_window (window);
}

/* A child who talks in words is not shown the mat; changed to pictures,
 * it is there at once. */
static void
test_way_decides (void)
{
  g_autofree char *path = sk_test_path ("mat-words.db");
  SkWindow *window;
  g_autoptr(SkChild) child = NULL;

  prepare (path, SK_WAY_WORDS);
  window = sk_test_open_today (app, path);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  g_assert_null (find_mat (window));
  {
    g_autofree char *seen = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (seen, "Picture cards"));
  }
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_child_set_way (child, SK_WAY_PICTURES);
  sk_test_iterate (200);
  g_assert_nonnull (find_mat (window));
  close_window (window);
}

/* A new child: typing a birth year under 7 suggests pictures, a choice of
 * the caseworker's stays. */
static void
test_birth_year_suggests (void)
{
  g_autofree char *path = sk_test_path ("mat-new.db");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *young = g_strdup_printf ("%d", g_date_time_get_year (now) - 4);
  g_autofree char *way = NULL;
  SkWindow *window;
  SkChildDialog *dialog;
  GtkWidget *pictures;

  prepare (path, SK_WAY_WORDS);
  window = sk_test_open_today (app, path);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-child", NULL);
  g_assert_true (sk_test_wait_for (sk_test_toplevel_shown, GSIZE_TO_POINTER (SK_TYPE_CHILD_DIALOG), 2000));
  dialog = SK_CHILD_DIALOG (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_focus_window (GTK_WINDOW (dialog));
  pictures = sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Pictures");
  g_assert_nonnull (pictures);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pictures)));
  sk_test_type ("Noa");
  sk_test_press ("Tab");
  sk_test_type (young);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pictures)));
  sk_test_press ("Return");
  sk_test_iterate (200);
  way = sk_test_sql (path, "SELECT way FROM children WHERE name = 'Noa'");
  g_assert_cmpstr (way, ==, "pictures");
  close_window (window);
}

typedef struct
{
  SkMatTool  *mat;
  const char *word;      /* a card, or NULL: */
  const char *column;    /* a column's heading */
} Highlight;

static gboolean
highlighted (gpointer data)
{
  Highlight *h = data;
  GtkWidget *target = h->word != NULL ? card (h->mat, h->word) : column (h->mat, h->column, TRUE);

  /* A column is lit by the frame laid over it. */
  if (target != NULL && g_object_get_data (G_OBJECT (target), "sk-mat-frame") != NULL)
    target = g_object_get_data (G_OBJECT (target), "sk-mat-frame");
  return target != NULL && gtk_widget_has_css_class (target, "scan-highlight");
}

/* Switch access: the highlight steps by itself; one key, Space, when it
 * is on the card, and again when it is on the column. */
static void
test_switch_access (void)
{
  g_autofree char *path = sk_test_path ("mat-scan.db");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  SkMatTool *mat;
  Highlight h;
  gint64 before, after;

  prepare (path, SK_WAY_PICTURES);
  add_cards (path, (const char *[]) { "food", "bus", "mum", NULL });
  g_settings_set_boolean (settings, "read-aloud", FALSE);
  g_settings_set_int (settings, "scan-interval", 600);
  g_settings_set_boolean (settings, "scanning", TRUE);
  window = open_window (path, TRUE);
  mat = find_mat_in (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW));
  g_assert_nonnull (mat);

  /* It moves by itself, at the pace set. */
  h = (Highlight) { mat, "the bus", NULL };
  g_assert_true (sk_test_wait_for (highlighted, &h, 3000));
  before = g_get_monotonic_time ();
  h.word = "mum";
  g_assert_true (sk_test_wait_for (highlighted, &h, 3000));
  after = g_get_monotonic_time ();
  g_assert_cmpint (after - before, >=, 450 * 1000);
  g_assert_cmpint (after - before, <=, 1500 * 1000);
  sk_test_press ("space");
  g_assert_true (gtk_widget_has_css_class (card (mat, "mum"), "chosen"));
  h = (Highlight) { mat, NULL, "Not good" };
  g_assert_true (sk_test_wait_for (highlighted, &h, 4000));
  sk_test_press ("space");
  assert_card (path, "mum", SK_MAT_BAD, 1);
  /* And on with the next card. */
  h = (Highlight) { mat, "food", NULL };
  g_assert_true (sk_test_wait_for (highlighted, &h, 4000));

  g_settings_reset (settings, "scanning");
  g_settings_reset (settings, "scan-interval");
  g_settings_reset (settings, "read-aloud");
  sk_test_iterate (100);
  g_assert_null (card (mat, "food") != NULL && gtk_widget_has_css_class (card (mat, "food"), "scan-highlight")
                 ? card (mat, "food") : NULL);
  close_window (window);
}

/* Low stimulation: a plain, still child's view, one card at a time. */
static void
test_low_stimulation (void)
{
  g_autofree char *path = sk_test_path ("mat-calm.db");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  GtkWidget *view;
  SkMatTool *mat;

  prepare (path, SK_WAY_PICTURES);
  add_cards (path, (const char *[]) { "food", "mum", NULL });
  g_settings_set_boolean (settings, "read-aloud", FALSE);
  g_settings_set_boolean (settings, "low-stimulation", TRUE);
  window = open_window (path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  mat = find_mat_in (view);
  g_assert_true (gtk_widget_has_css_class (view, "low-stimulation"));
  g_assert_nonnull (card (mat, "food"));
  g_assert_null (card (mat, "mum"));
  sk_test_save_screenshot (GTK_WIDGET (window), "low-stimulation-en-1280x800.png");
  gtk_widget_grab_focus (card (mat, "food"));
  sk_test_press ("1");
  assert_card (path, "food", SK_MAT_GOOD, 1);
  g_assert_nonnull (card (mat, "mum"));

  g_settings_set_boolean (settings, "low-stimulation", FALSE);
  sk_test_iterate (100);
  g_assert_false (gtk_widget_has_css_class (view, "low-stimulation"));
  g_settings_reset (settings, "low-stimulation");
  g_settings_reset (settings, "read-aloud");
  close_window (window);
}

/* The pause card: on the child's screen in picture mode only; a touch
 * shows the calm screen with nothing of the conversation on it, a touch
 * goes back, and the journal says when and how long. */
static void
test_pause_card (void)
{
  g_autofree char *path = sk_test_path ("mat-pause.db");
  g_autofree char *started = NULL;
  g_autofree char *ended = NULL;
  g_autoptr(SkChild) child = NULL;
  SkWindow *window;
  GtkWidget *view, *pause;

  prepare (path, SK_WAY_PICTURES);
  add_cards (path, (const char *[]) { "food", NULL });
  window = open_window (path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  pause = sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Pause");
  g_assert_nonnull (pause);
  g_assert_true (gtk_widget_get_mapped (pause));
  sk_test_real_click (pause);
  sk_test_iterate (300);
  {
    g_autofree char *seen = sk_test_visible_text (view);

    g_test_message ("calm screen:\n%s", seen);
    g_assert_nonnull (strstr (seen, "Pause"));
    g_assert_nonnull (strstr (seen, "Go on"));
    g_assert_null (strstr (seen, "food"));
    g_assert_null (strstr (seen, "Put each picture"));
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "pause-calm-en-1280x800.png");
  started = sk_test_sql (path, "SELECT started_at FROM pauses WHERE kind = 'pause'");
  g_assert_nonnull (started);
  g_assert_cmpint (g_ascii_strtoll (started, NULL, 10), >, 1700000000);
  /* One touch on the calm screen, anywhere, goes back. */
  {
    GtkWidget *go_on = sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Go on");
    GtkWidget *sign = gtk_widget_get_first_child (gtk_widget_get_parent (go_on));

    g_assert_true (SK_IS_ART_IMAGE (sign));
    sk_test_real_click (sign);
  }
  sk_test_iterate (300);
  g_assert_nonnull (card (find_mat_in (view), "food"));
  ended = sk_test_sql (path, "SELECT ended_at >= started_at AND ended_at > 0 FROM pauses");
  g_assert_cmpstr (ended, ==, "1");
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, 1, NULL);
    g_autofree char *journal = sk_journal_build (store, conversation, FALSE, NULL);

    g_assert_nonnull (strstr (journal, "Breaks the child asked for:"));
    g_assert_nonnull (strstr (journal, "pause (1 min)"));
  }

  /* In words, no pause card. */
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_child_set_way (child, SK_WAY_WORDS);
  sk_test_iterate (200);
  g_assert_false (gtk_widget_get_mapped (pause));
  close_window (window);
}

/* The plan: prepared by the caseworker (a step left out, one moved), in
 * the child's view the current step marked and ticked with a touch, and
 * the journal says how far we came. */
static void
test_plan (void)
{
  g_autofree char *path = sk_test_path ("mat-plan.db");
  g_autofree char *steps = NULL;
  g_autofree char *done = NULL;
  SkWindow *window;
  GtkWidget *page, *view, *check, *hello;

  prepare (path, SK_WAY_PICTURES);
  window = open_window (path, FALSE);
  page = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CONVERSATION_PAGE);
  steps = sk_test_sql (path, "SELECT group_concat (step, ',') FROM (SELECT step FROM plan_steps ORDER BY position)");
  g_assert_cmpstr (steps, ==, "hello,pictures,break,faces,goodbye");

  check = sk_test_find_labelled (page, GTK_TYPE_CHECK_BUTTON, "Break");
  g_assert_nonnull (check);
  sk_test_scroll_to (check);
  sk_test_real_click (check);
  g_clear_pointer (&steps, g_free);
  steps = sk_test_sql (path, "SELECT group_concat (step, ',') FROM (SELECT step FROM plan_steps ORDER BY position)");
  g_assert_cmpstr (steps, ==, "hello,pictures,faces,goodbye");
  {
    GtkWidget *earlier = sk_test_find_labelled (page, GTK_TYPE_BUTTON, "Move “Faces” earlier");

    g_assert_nonnull (earlier);
    sk_test_scroll_to (earlier);
    sk_test_real_click (earlier);
  }
  g_clear_pointer (&steps, g_free);
  steps = sk_test_sql (path, "SELECT group_concat (step, ',') FROM (SELECT step FROM plan_steps ORDER BY position)");
  g_assert_cmpstr (steps, ==, "hello,faces,pictures,goodbye");

  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  sk_test_iterate (500);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  hello = sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Hello");
  g_assert_nonnull (hello);
  g_assert_true (gtk_widget_has_css_class (hello, "current"));
  sk_test_save_screenshot (GTK_WIDGET (window), "plan-child-en-1280x800.png");
  sk_test_real_click (hello);
  done = sk_test_sql (path, "SELECT group_concat (done, ',') FROM (SELECT done FROM plan_steps ORDER BY position)");
  g_assert_cmpstr (done, ==, "1,0,0,0");
  g_assert_true (gtk_widget_has_css_class (sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Faces"), "current"));
  g_assert_true (gtk_widget_has_css_class (sk_test_find_labelled (view, GTK_TYPE_BUTTON, "Hello"), "done"));
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, 1, NULL);
    g_autofree char *journal = sk_journal_build (store, conversation, FALSE, NULL);

    g_assert_nonnull (strstr (journal, "Hello (done) → Faces → Pictures → Goodbye"));
  }
  close_window (window);
}

/* In picture mode "How I feel" has three larger faces, stored on the
 * scale of five (Good = 4); back in words, five again. */
static void
test_three_faces (void)
{
  g_autofree char *path = sk_test_path ("mat-faces.db");
  g_autofree char *face = NULL;
  g_autoptr(SkChild) child = NULL;
  SkWindow *window;
  GtkWidget *page, *tab, *card;
  SkFaceScale *scale;
  guint shown = 0;

  prepare (path, SK_WAY_PICTURES);
  window = open_window (path, FALSE);
  page = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CONVERSATION_PAGE);
  tab = sk_test_find_labelled (page, GTK_TYPE_TOGGLE_BUTTON, "How I feel");
  g_assert_nonnull (tab);
  sk_test_scroll_to (tab);
  sk_test_real_click (tab);
  sk_test_iterate (300);
  card = sk_test_find_type (page, SK_TYPE_EMOTION_CARD);
  g_assert_nonnull (card);
  scale = sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card));
  for (int f = 1; f <= 5; f++)
    if (gtk_widget_get_visible (sk_face_scale_get_button (scale, f)))
      {
        GtkWidget *image = gtk_widget_get_first_child (sk_face_scale_get_button (scale, f));

        shown++;
        g_assert_cmpint (MIN (gtk_widget_get_width (image), gtk_widget_get_height (image)), >=, 96);
      }
  g_assert_cmpuint (shown, ==, 3);
  g_assert_false (gtk_widget_get_visible (sk_face_scale_get_button (scale, 1)));
  g_assert_false (gtk_widget_get_visible (sk_face_scale_get_button (scale, 5)));
  sk_test_scroll_to (sk_face_scale_get_button (scale, 4));
  sk_test_real_click (sk_face_scale_get_button (scale, 4));
  sk_test_iterate (200);
  face = sk_test_sql (path, "SELECT face FROM emotion_ratings ORDER BY position LIMIT 1");
  g_assert_cmpstr (face, ==, "4");
  {
    g_autofree char *seen = sk_test_visible_text (GTK_WIDGET (scale));

    g_assert_nonnull (strstr (seen, "Not good"));
    g_assert_nonnull (strstr (seen, "Good"));
    g_assert_null (strstr (seen, "Really good"));
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "three-faces-caseworker-en-1280x800.png");

  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_child_set_way (child, SK_WAY_WORDS);
  sk_test_iterate (300);
  card = sk_test_find_type (page, SK_TYPE_EMOTION_CARD);
  scale = sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card));
  g_assert_true (gtk_widget_get_visible (sk_face_scale_get_button (scale, 1)));
  g_assert_true (gtk_widget_get_visible (sk_face_scale_get_button (scale, 5)));
  close_window (window);
}

/* For a person to look at: the child's view in picture mode, both
 * languages, on a 1280×800 and a 1920×1080 screen, with invented cards
 * half sorted; and the caseworker's view with its notes. */
static void
test_screenshots (void)
{
  static const char * const languages[] = { "da", "en" };
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  static const struct { const char *symbol; SkMatColumn column; const char *note; } laid[] = {
    { "food", SK_MAT_GOOD, "Pegede straks" }, { "play", SK_MAT_GOOD, NULL }, { "bus", SK_MAT_BAD, "Holdt sig for ørerne" },
    { "noise", SK_MAT_BAD, NULL }, { "school", SK_MAT_UNSURE, NULL }, { "mum", SK_MAT_NONE, NULL },
    { "sleep", SK_MAT_NONE, NULL }, { "friend", SK_MAT_NONE, NULL },
  };
  GSettings *settings = sk_application_get_settings (app);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("mat-shots-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);
      SkWindow *window;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      prepare (path, SK_WAY_PICTURES);
      {
        g_autoptr(SkStore) store = sk_test_open_store (path);
        g_autoptr(GListStore) cards = sk_mat_cards (store, 1, NULL);
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (laid); i++)
          {
            SkMatCard *card = sk_mat_cards_add (store, cards, 1, laid[i].symbol, NULL, &error);

            g_assert_no_error (error);
            sk_mat_card_place (card, laid[i].column, G_LIST_MODEL (cards));
            g_object_set (card, "note", laid[i].note, NULL);
          }
        g_assert_true (sk_store_flush (store, &error));
      }
      window = sk_test_open_today (app, path);
      gtk_window_present (GTK_WINDOW (window));
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *caseworker = g_strdup_printf ("mat-caseworker-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          g_autofree char *child = g_strdup_printf ("mat-child-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          SkMatTool *mat;

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          sk_test_iterate (400);
          sk_test_scroll_to (GTK_WIDGET (find_mat (window)));
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), caseworker);
          g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
          sk_test_iterate (600);
          mat = find_mat_in (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW));
          g_assert_nonnull (mat);
          /* Every card a finger can hit: at least 64 px. */
          {
            GtkWidget *button = card (mat, languages[l][0] == 'd' ? "mad" : "food");

            g_assert_nonnull (button);
            g_assert_cmpint (MIN (gtk_widget_get_width (button), gtk_widget_get_height (button)), >=, 64);
          }
          sk_test_save_screenshot (GTK_WIDGET (window), child);
          g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
          sk_test_iterate (200);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      sk_test_iterate (100);
    }
  g_settings_reset (settings, "language");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  /* First: the reader says it cannot read aloud once a run. */
  g_test_add_func ("/mat-tool/read-aloud", test_read_aloud);
  g_test_add_func ("/mat-tool/sort-cards-every-way", test_sort_cards_every_way);
  g_test_add_func ("/mat-tool/way-decides", test_way_decides);
  g_test_add_func ("/mat-tool/birth-year-suggests", test_birth_year_suggests);
  g_test_add_func ("/mat-tool/three-faces", test_three_faces);
  g_test_add_func ("/mat-tool/pause-card", test_pause_card);
  g_test_add_func ("/mat-tool/plan", test_plan);
  g_test_add_func ("/mat-tool/switch-access", test_switch_access);
  g_test_add_func ("/mat-tool/low-stimulation", test_low_stimulation);
  g_test_add_func ("/mat-tool/screenshots", test_screenshots);

  return sk_test_app_run (&app);
}
