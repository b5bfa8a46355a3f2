/* test-observation-tool.c — observing a baby, driven as a caseworker
 * does: the context chosen and typed, moments noted with Ctrl+M and
 * written out, a time put right, a moment given its point and one
 * deleted, a point's two fields typed and marked for the parents, the
 * after-reflection; the file checked after each.  The child's view of an
 * observed child shows the first name and nothing else; a new child's way
 * follows the birth year. */
#include "sk-application.h"
#include "sk-child-dialog.h"
#include "sk-child-view.h"
#include "sk-conversation-page.h"
#include "sk-emotion-tool.h"
#include "sk-entry-row.h"
#include "sk-note-field.h"
#include "sk-observation-tool.h"
#include "sk-observation.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>

static SkApplication *app;

static void
prepare (const char *path,
         SkWay       way)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida Marie");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  sk_child_set_way (child, way);
  g_object_set (child, "birth-year", g_date_time_get_year (now) - 1, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  g_assert_true (sk_store_flush (store, &error));
}

static SkWindow *
open_window (const char *path)
{
  SkWindow *window = sk_test_open_today (app, path);

  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  sk_test_focus_window (GTK_WINDOW (window));
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

static GtkWidget *
find_tool (SkWindow *window)
{
  GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CONVERSATION_PAGE);
  GtkWidget *tool = page != NULL ? sk_test_find_type (page, SK_TYPE_OBSERVATION_TOOL) : NULL;

  return tool != NULL && gtk_widget_is_drawable (tool) ? tool : NULL;
}

/* Scrolls @widget to the middle of the page's view, clear of the header
 * bar and of the page's edges. */
static void
scroll_to_middle (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  sk_test_scroll_to (widget);
  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y -
                            gtk_widget_get_height (scroller) / 2.0 + gtk_widget_get_height (widget) / 2.0);
  sk_test_iterate (100);
}

/* Clicks @widget where a person sees it: scrolled to first. */
static void
click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  scroll_to_middle (widget);
  sk_test_real_click (widget);
  sk_test_iterate (150);
}

static void
click_text (GtkWidget *field)
{
  click (GTK_WIDGET (sk_note_field_get_text_view (SK_NOTE_FIELD (field))));
}

/* Opens the popover of @owner (a menu button) with a click and clicks
 * @item in it. */
static void
choose (GtkWidget  *owner,
        const char *item)
{
  GtkWidget *label = NULL;

  click (owner);
  for (int i = 0; i < 40 && label == NULL; i++)
    {
      sk_test_iterate (50);
      label = sk_test_find_shown (owner, GTK_TYPE_LABEL, item);
      /* The owner's own label shows the choice made so far, not a popover's;
       * and the popover is laid out before it is clicked in. */
      if (label != NULL && (gtk_widget_get_ancestor (label, GTK_TYPE_POPOVER) == NULL ||
                            gtk_widget_get_width (label) == 0))
        label = NULL;
    }
  g_assert_nonnull (label);
  sk_test_real_click (label);
  sk_test_iterate (300);
}

static char *
sql (const char *path,
     const char *query)
{
  /* Typing is written within SK_STORE_TEXT_DELAY_MS. */
  sk_test_iterate (SK_STORE_TEXT_DELAY_MS + 200);
  return sk_test_sql (path, query);
}

static GtkWidget *
focused (SkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
moment_part (GtkWidget  *tool,
             int         index,
             const char *part)
{
  GtkWidget *list = NULL;
  GtkListBoxRow *row;

  /* The moments' list: the one whose rows are moments. */
  for (GtkWidget *w = tool; w != NULL;)
    {
      if (GTK_IS_LIST_BOX_ROW (w) && gtk_widget_has_css_class (w, "moment-row"))
        {
          list = gtk_widget_get_parent (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != tool && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == tool ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), part);
}

static void
test_observe (void)
{
  g_autofree char *path = sk_test_path ("observe.db");
  SkWindow *window;
  GtkWidget *tool, *spin, *expander, *check, *field;
  int before = sk_observation_now ();
  int rakker = 0, rakker_at = 0;
  char *value;

  prepare (path, SK_WAY_OBSERVATION);
  window = open_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  sk_test_iterate (300);
  tool = find_tool (window);
  g_assert_nonnull (tool);
  /* A baby is not asked how it feels. */
  {
    GtkWidget *emotion = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_EMOTION_TOOL);

    g_assert_true (emotion == NULL || !gtk_widget_is_drawable (emotion));
  }
  /* Shown, it is made: the context and the nine points. */
  value = sql (path, "SELECT count(*) FROM observation_points");
  g_assert_cmpstr (value, ==, "9");
  g_free (value);

  /* The context */
  choose (sk_test_find_type (sk_test_find_labelled (tool, ADW_TYPE_ACTION_ROW, "Where"), GTK_TYPE_MENU_BUTTON), "Other place");
  g_assert_true (gtk_widget_get_visible (sk_test_find_labelled (tool, SK_TYPE_ENTRY_ROW, "Which place")));
  choose (sk_test_find_type (sk_test_find_labelled (tool, ADW_TYPE_ACTION_ROW, "Where"), GTK_TYPE_MENU_BUTTON), "Home visit");
  g_assert_false (gtk_widget_get_visible (sk_test_find_labelled (tool, SK_TYPE_ENTRY_ROW, "Which place")));
  value = sql (path, "SELECT place FROM observations");
  g_assert_cmpstr (value, ==, "home");
  g_free (value);
  click (sk_test_find_labelled (tool, SK_TYPE_ENTRY_ROW, "Who was there"));
  sk_test_type ("Mor og mormor");
  spin = sk_test_find_type (tool, GTK_TYPE_SPIN_BUTTON);
  click (spin);
  sk_test_press ("<Control>a");
  sk_test_type ("45");
  sk_test_press ("Tab");
  click_text (sk_test_find_labelled (tool, SK_TYPE_NOTE_FIELD, "What was going on"));
  sk_test_type ("Frokost, så leg på tæppet");
  value = sql (path, "SELECT present || '|' || minutes || '|' || happening FROM observations");
  g_assert_cmpstr (value, ==, "Mor og mormor|45|Frokost, så leg på tæppet");
  g_free (value);

  /* Moments: Ctrl+M takes the time, the words follow. */
  sk_test_press ("<Control>m");
  sk_test_iterate (200);
  g_assert_true (focused (window) != NULL &&
                 gtk_widget_get_ancestor (focused (window), GTK_TYPE_ENTRY) == moment_part (tool, 0, "sk-words"));
  sk_test_type ("Kigger på mor, da døren smækker");
  sk_test_press ("<Control>m");
  sk_test_iterate (200);
  sk_test_type ("Rækker ud efter mormor 🧸");
  value = sql (path, "SELECT count(*) FROM observation_moments WHERE trashed = 0");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);
  value = sql (path, "SELECT at FROM observation_moments WHERE words = 'Kigger på mor, da døren smækker'");
  g_assert_cmpint (atoi (value), >=, before);
  g_assert_cmpint (atoi (value), <=, sk_observation_now ());
  g_free (value);

  /* The second moment really came an hour earlier (or later, just after
   * midnight): its time put right, it moves to its place in time. */
  {
    g_autofree char *first = sql (path, "SELECT at FROM observation_moments WHERE id = 1");
    int at = atoi (first) / 60 * 60;
    gboolean earlier = at >= 3600;
    g_autofree char *typed = NULL;
    g_autofree char *shown = NULL;
    g_autofree char *stored = NULL;

    at = earlier ? at - 3600 : at + 3600;
    typed = g_strdup_printf ("%d.%02d", at / 3600, at / 60 % 60);
    shown = sk_observation_format_at (at);
    click (moment_part (tool, 1, "sk-time"));
    sk_test_press ("<Control>a");
    sk_test_type (typed);
    sk_test_press ("Return");
    sk_test_iterate (300);
    stored = sql (path, "SELECT at FROM observation_moments WHERE words = 'Rækker ud efter mormor 🧸'");
    g_assert_cmpint (atoi (stored), ==, at);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (moment_part (tool, earlier ? 0 : 1, "sk-words"))), ==,
                     "Rækker ud efter mormor 🧸");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (moment_part (tool, earlier ? 0 : 1, "sk-time"))), ==, shown);
    rakker = earlier ? 0 : 1;
    rakker_at = at;
  }
  /* A time that is none is refused, and the moment keeps its own. */
  click (moment_part (tool, rakker, "sk-time"));
  sk_test_press ("<Control>a");
  sk_test_type ("25:70");
  sk_test_press ("Return");
  sk_test_iterate (200);
  g_assert_true (gtk_widget_has_css_class (moment_part (tool, rakker, "sk-time"), "error"));
  value = sql (path, "SELECT at FROM observation_moments WHERE words = 'Rækker ud efter mormor 🧸'");
  g_assert_cmpint (atoi (value), ==, rakker_at);
  g_free (value);
  {
    g_autofree char *again = sk_observation_format_at (rakker_at);

    sk_test_press ("<Control>a");
    sk_test_type (again);
    sk_test_press ("Return");
    sk_test_iterate (200);
    g_assert_false (gtk_widget_has_css_class (moment_part (tool, rakker, "sk-time"), "error"));
  }

  /* The door moment belongs to contact. */
  choose (moment_part (tool, 1 - rakker, "sk-point"), "Contact and eye contact");
  value = sql (path, "SELECT point FROM observation_moments WHERE words = 'Kigger på mor, da døren smækker'");
  g_assert_cmpstr (value, ==, "contact");
  g_free (value);

  /* A moment deleted is gone from the list, kept for its Undo. */
  click (gtk_widget_get_last_child (gtk_widget_get_parent (moment_part (tool, rakker, "sk-words"))));
  sk_test_iterate (300);
  value = sql (path, "SELECT count(*) FROM observation_moments WHERE trashed = 0");
  g_assert_cmpstr (value, ==, "1");
  g_free (value);
  {
    GtkWidget *undo = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");

    g_assert_nonnull (undo);
    sk_test_real_click (undo);
    sk_test_iterate (300);
  }
  value = sql (path, "SELECT count(*) FROM observation_moments WHERE trashed = 0");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);

  /* A point: what I saw, what I think it may mean — two columns. */
  expander = sk_test_find_labelled (tool, ADW_TYPE_EXPANDER_ROW, "Play and curiosity");
  click (expander);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  field = sk_test_find_shown (expander, SK_TYPE_NOTE_FIELD, "What I saw");
  g_assert_nonnull (field);
  g_assert_true (gtk_widget_has_css_class (field, "observation-saw"));
  click_text (field);
  sk_test_type ("Griber raslen og putter den i munden");
  field = sk_test_find_shown (expander, SK_TYPE_NOTE_FIELD, "What I think it may mean");
  g_assert_true (gtk_widget_has_css_class (field, "observation-think"));
  click_text (field);
  sk_test_type ("Alderssvarende nysgerrighed");
  check = sk_test_find_shown (expander, GTK_TYPE_CHECK_BUTTON, "The parents may read what I saw");
  click (check);
  value = sql (path, "SELECT observation || '|' || assessment || '|' || shared FROM observation_points WHERE point = 'play'");
  g_assert_cmpstr (value, ==, "Griber raslen og putter den i munden|Alderssvarende nysgerrighed|1");
  g_free (value);
  value = sql (path, "SELECT count(*) FROM observation_points WHERE observation != '' OR assessment != ''");
  g_assert_cmpstr (value, ==, "1");
  g_free (value);

  /* After-reflection */
  click_text (sk_test_find_labelled (tool, SK_TYPE_NOTE_FIELD, "Space — Was the setting safe for this child?"));
  sk_test_type ("Ja, i stuen med mor tæt på");
  value = sql (path, "SELECT reflect_space FROM observations");
  g_assert_cmpstr (value, ==, "Ja, i stuen med mor tæt på");
  g_free (value);

  /* The child's view: the first name, nothing else; Ctrl+M does nothing there. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  sk_test_iterate (600);
  {
    GtkWidget *view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
    g_autofree char *seen = sk_test_visible_text (view);

    g_assert_nonnull (strstr (seen, "Ida"));
    g_assert_null (strstr (seen, "Ida Marie"));
    g_assert_null (strstr (seen, "mor"));
    g_assert_null (strstr (seen, "Observation"));
    g_assert_null (strstr (seen, "Our Summary"));
    g_assert_null (strstr (seen, "In your own words"));
    sk_test_save_screenshot (GTK_WIDGET (window), "observation-child-en-1280x800.png");
  }
  sk_test_press ("<Control>m");
  sk_test_iterate (200);
  value = sql (path, "SELECT count(*) FROM observation_moments");
  g_assert_cmpstr (value, ==, "2");
  g_free (value);
  close_window (window);
}

/* A new child: a birth year under 3 suggests observation. */
static void
test_birth_year_suggests (void)
{
  g_autofree char *path = sk_test_path ("observe-new.db");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *baby = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  g_autofree char *way = NULL;
  SkWindow *window;
  SkChildDialog *dialog;
  GtkWidget *observation;

  prepare (path, SK_WAY_WORDS);
  window = open_window (path);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-child", NULL);
  g_assert_true (sk_test_wait_for (sk_test_toplevel_shown, GSIZE_TO_POINTER (SK_TYPE_CHILD_DIALOG), 2000));
  dialog = SK_CHILD_DIALOG (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_focus_window (GTK_WINDOW (dialog));
  observation = sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "Observation");
  g_assert_nonnull (observation);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (observation)));
  sk_test_type ("Noa");
  sk_test_press ("Tab");
  sk_test_type (baby);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (observation)));
  sk_test_press ("Return");
  sk_test_iterate (200);
  way = sk_test_sql (path, "SELECT way FROM children WHERE name = 'Noa'");
  g_assert_cmpstr (way, ==, "observation");
  close_window (window);
}

static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

/* The first label under @root whose text starts with @start, or NULL. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *start)
{
  return sk_test_find (root, label_starts, start);
}

/* In Add a Child, what the ways mean reads under their three buttons,
 * across the row, in a few lines: not squeezed into a column a few words
 * wide beside them (as an action row's subtitle, eleven lines tall). */
static void
test_ways_explained_under_buttons (void)
{
  g_autofree char *path = sk_test_path ("observe-explained.db");
  graphene_rect_t words, observation, text;
  SkWindow *window;
  GtkWidget *dialog, *explanation;
  int lines;

  prepare (path, SK_WAY_WORDS);
  window = open_window (path);
  sk_test_press ("<Control><Shift>n");
  g_assert_true (sk_test_wait_for (sk_test_toplevel_shown, GSIZE_TO_POINTER (SK_TYPE_CHILD_DIALOG), 2000));
  dialog = GTK_WIDGET (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  explanation = find_label_starting (dialog, "Pictures:");
  g_assert_nonnull (explanation);
  g_assert_true (sk_test_wait_for (sk_test_is_mapped, explanation, 2000));
  sk_test_iterate (200);
  g_assert_true (gtk_widget_compute_bounds (sk_test_find_labelled (dialog, GTK_TYPE_TOGGLE_BUTTON, "Words"), dialog, &words));
  g_assert_true (gtk_widget_compute_bounds (sk_test_find_labelled (dialog, GTK_TYPE_TOGGLE_BUTTON, "Observation"),
                                            dialog, &observation));
  g_assert_true (gtk_widget_compute_bounds (explanation, dialog, &text));
  lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (explanation)));
  g_test_message ("buttons %.0f–%.0f, bottom %.0f; explanation from %.0f, %.0f wide, %d lines",
                  words.origin.x, observation.origin.x + observation.size.width,
                  words.origin.y + words.size.height, text.origin.y, text.size.width, lines);
  g_assert_cmpfloat (text.origin.y, >=, words.origin.y + words.size.height);
  g_assert_cmpfloat (text.size.width, >=, 0.9 * (observation.origin.x + observation.size.width - words.origin.x));
  g_assert_cmpint (lines, <=, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* A child who talks gets no observation; set to observation, at once. */
static void
test_way_decides (void)
{
  g_autofree char *path = sk_test_path ("observe-words.db");
  g_autoptr(SkChild) child = NULL;
  g_autofree char *value = NULL;
  SkWindow *window;

  prepare (path, SK_WAY_WORDS);
  window = open_window (path);
  g_assert_null (find_tool (window));
  sk_test_press ("<Control>m");
  sk_test_iterate (200);
  value = sk_test_sql (path, "SELECT count(*) FROM observation_moments");
  g_assert_cmpstr (value, ==, "0");
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_child_set_way (child, SK_WAY_OBSERVATION);
  sk_test_iterate (300);
  g_assert_nonnull (find_tool (window));
  close_window (window);
}

/* For people to look at: the tool filled in, in both languages and sizes. */
static void
test_screenshots (void)
{
  static const char * const languages[] = { "da", "en" };
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  GSettings *settings = sk_application_get_settings (app);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("observe-shots-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);
      SkWindow *window;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      prepare (path, SK_WAY_OBSERVATION);
      {
        g_autoptr(SkStore) store = sk_test_open_store (path);
        g_autoptr(SkObservation) observation = sk_observation_get (store, 1, TRUE, NULL);
        g_autoptr(GListStore) points = sk_observation_points (store, 1, TRUE, NULL);
        g_autoptr(GListStore) moments = sk_observation_moments (store, 1, NULL);
        g_autoptr(SkObservationPoint) contact = g_list_model_get_item (G_LIST_MODEL (points), 0);
        SkObservationMoment *moment;

        g_object_set (observation, "place", "home", "present", "Mor, mormor", "minutes", 45,
                      "happening", "Frokost, derefter leg på tæppet.", NULL);
        g_object_set (contact, "observation", "Ida kigger på mor, da døren smækker, og holder blikket.",
                      "assessment", "Tegn på en tryg tilknytning til mor.", "shared", TRUE, NULL);
        moment = sk_observation_moments_add (store, moments, 1, 10 * 3600 + 5 * 60, NULL);
        g_object_set (moment, "words", "Kigger på mor, da døren smækker", "point", "contact", NULL);
        moment = sk_observation_moments_add (store, moments, 1, 10 * 3600 + 12 * 60, NULL);
        g_object_set (moment, "words", "Rækker armene op mod mormor", "point", "comfort", NULL);
        g_assert_true (sk_store_flush (store, NULL));
      }
      window = open_window (path);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *top = g_strdup_printf ("observation-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          g_autofree char *points = g_strdup_printf ("observation-points-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          GtkWidget *tool;

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          sk_test_iterate (400);
          tool = find_tool (window);
          g_assert_nonnull (tool);
          sk_test_scroll_to (tool);
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), top);
          sk_test_scroll_to (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_first_child (tool))))));
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), points);
        }
      close_window (window);
    }
  g_settings_set_string (settings, "language", "en");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/observation-tool/observe", test_observe);
  g_test_add_func ("/observation-tool/birth-year-suggests", test_birth_year_suggests);
  g_test_add_func ("/observation-tool/ways-explained-under-buttons", test_ways_explained_under_buttons);
  g_test_add_func ("/observation-tool/way-decides", test_way_decides);
  g_test_add_func ("/observation-tool/screenshots", test_screenshots);
  return sk_test_app_run (&app);
}
