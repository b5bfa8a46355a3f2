/* test-houses-tool.c — the Three Houses, driven as a child and a
 * caseworker do: crayons and widths chosen with clicks, strokes drawn with
 * the mouse in the house (and one begun outside it), undone and redone with
 * the buttons and with Ctrl+Z / Ctrl+Shift+Z, a house cleared and Undo in
 * the toast; words typed and given a picture from the popover; the child's
 * answer; the overview; last time's house beside today's; the child's
 * view.  The file is read after each.
 *
 * Built a second time as test-houses-touch (SK_TEST_BY_TOUCH): GTK on a
 * Broadway server of the test's own, where a finger taps and draws
 * (sk-test-touch.c), as on a tablet's screen. */
#include "sk-application.h"
#include "sk-conversation-page.h"
#include "sk-child-view.h"
#include "sk-house-canvas.h"
#include "sk-houses-tool.h"
#include "sk-houses.h"
#include "sk-format.h"
#include "sk-shared-button.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"
#ifdef SK_TEST_BY_TOUCH
#include "sk-test-touch.h"
#endif

#include <string.h>

static SkApplication *app;

static gint64
prepare (const char *path,
         gboolean    with_last_time)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Asta Nørgaard");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_object_set (child, "birth-year", g_date_time_get_year (now) - 9, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  if (with_last_time)
    {
      g_autoptr(SkHouses) houses = NULL;
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));

      earlier = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 30 * 86400);
      houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (earlier)), &error);
      for (int i = 0; i <= 10; i++)
        {
          SkHousesPoint point = { 0.3f + i * 0.04f, 0.7f - (i % 2) * 0.1f, 1.0f };

          g_array_append_val (points, point);
        }
      g_assert_nonnull (sk_houses_add_stroke (houses, store, SK_HOUSE_WORRIES, 1, 2, points, &error));
      g_assert_nonnull (sk_houses_add_word (houses, store, SK_HOUSE_WORRIES, "Når mor og far skændes", NULL, &error));
    }
  today = sk_test_add_conversation (store, child, g_date_time_to_unix (now) - 600);
  g_assert_true (sk_store_flush (store, &error));
  return sk_record_get_id (SK_RECORD (today));
}

/* The tool on screen in @root, opened from the switcher as a person does. */
static SkHousesTool *
open_tool (GtkWidget  *root,
           const char *switcher_label)
{
  GtkWidget *button = sk_test_find_shown (root, GTK_TYPE_TOGGLE_BUTTON, switcher_label);
  GtkWidget *tool;

  g_assert_nonnull (button);
  sk_test_scroll_to (button);
#ifdef SK_TEST_BY_TOUCH
  sk_test_touch_tap (button);
#else
  sk_test_real_click (button);
#endif
  sk_test_iterate (400);
  tool = sk_test_find_type (root, SK_TYPE_HOUSES_TOOL);
  g_assert_nonnull (tool);
  g_assert_true (gtk_widget_is_drawable (tool));
  return SK_HOUSES_TOOL (tool);
}

static void
click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  sk_test_scroll_to (widget);
#ifdef SK_TEST_BY_TOUCH
  sk_test_touch_tap (widget);
#else
  sk_test_real_click (widget);
#endif
  sk_test_iterate (150);
}

static GtkWidget *
button (SkHousesTool *tool,
        const char   *label)
{
  GtkWidget *found = sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (found);
  return found;
}

/* A line through @n points given in the house's own units (0–1). */
static void
draw (GtkWidget    *canvas,
      const double (*units)[2],
      guint         n)
{
  double x, y, size;
  g_autofree graphene_point_t *points = g_new (graphene_point_t, n);

  /* The whole house in view, as the child sees it to draw. */
  sk_test_scroll_to (canvas);
  sk_house_canvas_get_square (SK_HOUSE_CANVAS (canvas), &x, &y, &size);
  for (guint i = 0; i < n; i++)
    points[i] = GRAPHENE_POINT_INIT (x + units[i][0] * size, y + units[i][1] * size);
#ifdef SK_TEST_BY_TOUCH
  sk_test_touch_stroke (canvas, points, n);
#else
  sk_test_stroke (canvas, points, n);
#endif
  sk_test_iterate (100);
}

static const double zigzag[][2] = { { 0.3, 0.6 }, { 0.45, 0.8 }, { 0.6, 0.6 }, { 0.7, 0.85 } };
static const double line[][2] = { { 0.25, 0.9 }, { 0.75, 0.9 } };
static const double circle[][2] = { { 0.5, 0.45 }, { 0.6, 0.55 }, { 0.5, 0.65 }, { 0.4, 0.55 }, { 0.5, 0.45 } };
/* In the sky above the roof's slope: outside the house. */
static const double sky[][2] = { { 0.05, 0.1 }, { 0.5, 0.8 } };

#ifndef SK_TEST_BY_TOUCH
static void
test_draw (void)
{
  g_autofree char *path = sk_test_path ("draw.db");
  SkWindow *window;
  SkHousesTool *tool;
  GtkWidget *canvas;
  SkHouses *houses;

  prepare (path, FALSE);
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "Three Houses");
  canvas = sk_houses_tool_get_canvas (tool);
  houses = sk_houses_tool_get_houses (tool);
  g_assert_nonnull (houses);
  /* Looked at, nothing is written. */
  sk_test_assert_sql (path, "SELECT count(*) FROM houses", "0");

  /* A red zigzag, thin. */
  click (button (tool, "Red"));
  click (button (tool, "Thin"));
  draw (canvas, zigzag, G_N_ELEMENTS (zigzag));
  sk_test_assert_sql (path, "SELECT count(*) || '|' || crayon || '|' || size || '|' || house FROM house_strokes WHERE trashed = 0",
              "1|1|0|0");
  /* Stored as points, five bytes each after the format's byte, in the house. */
  {
    g_autofree char *length = sk_test_sql_settled (path, "SELECT length(points) FROM house_strokes");
    g_autoptr(SkHouseStroke) first = g_list_model_get_item (G_LIST_MODEL (houses->strokes[0]), 0);
    GArray *points = sk_house_stroke_get_points (first);

    g_assert_cmpint ((atoi (length) - 1) % 5, ==, 0);
    g_assert_cmpint (atoi (length), >, 1 + 5 * 4);
    g_assert_cmpfloat_with_epsilon (g_array_index (points, SkHousesPoint, 0).x, 0.3, 0.01);
    g_assert_cmpfloat_with_epsilon (g_array_index (points, SkHousesPoint, points->len - 1).x, 0.7, 0.01);
    g_assert_cmpfloat_with_epsilon (g_array_index (points, SkHousesPoint, points->len - 1).y, 0.85, 0.01);
  }
  sk_test_assert_sql (path, "SELECT house || '|' || shared FROM houses", "0|0");

  /* A thick blue line, and an eraser's circle. */
  click (button (tool, "Blue"));
  click (button (tool, "Thick"));
  draw (canvas, line, G_N_ELEMENTS (line));
  click (button (tool, "Eraser"));
  draw (canvas, circle, G_N_ELEMENTS (circle));
  sk_test_assert_sql (path, "SELECT group_concat(crayon || ':' || size, ',') FROM house_strokes WHERE trashed = 0 ORDER BY position",
              "1:0,5:2,8:2");
  /* Begun in the sky, over the roof: not a stroke of the house. */
  draw (canvas, sky, G_N_ELEMENTS (sky));
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes", "3");

  /* Undo and redo, with the keys (the keyboard is on the house after
   * drawing) and with the buttons. */
  sk_test_press ("<Control>z");
  sk_test_iterate (100);
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "1,5");
  sk_test_press ("<Control>z");
  sk_test_iterate (100);
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "1");
  sk_test_press ("<Control><Shift>z");
  sk_test_iterate (100);
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "1,5");
  click (button (tool, "Undo the last line"));
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "1");
  click (button (tool, "Redo the line"));
  click (button (tool, "Redo the line"));
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "1,5,8");
  g_assert_false (gtk_widget_get_sensitive (button (tool, "Redo the line")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[0])), ==, 3);

  /* Cleared, then Undo in the toast: all back, in their order. */
  click (button (tool, "Clear the drawing"));
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes WHERE trashed = 0", "0");
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (tool), ADW_TYPE_TOAST_OVERLAY);
    GtkWidget *undo = NULL;

    /* In the toast, not the tool's own Undo. */
    for (int i = 0; i < 40 && undo == NULL; i++)
      {
        sk_test_iterate (50);
        for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL && undo == NULL;
             child = gtk_widget_get_next_sibling (child))
          if (!gtk_widget_is_ancestor (GTK_WIDGET (tool), child))
            undo = sk_test_find_shown (child, GTK_TYPE_BUTTON, "Undo");
      }
    g_assert_nonnull (undo);
    sk_test_real_click (undo);
    sk_test_iterate (200);
  }
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0 ORDER BY position",
              "1,5,8");

  /* Words, typed as the child says them, and a picture for them. */
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_ENTRY, "What lives here?"));
  sk_test_type ("Mormors kat 🐱 der er død");
  sk_test_press ("Return");
  sk_test_iterate (200);
  sk_test_type ("Matematik");
  click (button (tool, "Add to the house"));
  sk_test_assert_sql (path, "SELECT group_concat(words, '|') FROM house_words WHERE trashed = 0 ORDER BY position",
              "Mormors kat 🐱 der er død|Matematik");
  click (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_MENU_BUTTON, "Add a picture"));
  {
    GtkWidget *sad = NULL;

    for (int i = 0; i < 40 && (sad == NULL || gtk_widget_get_width (sad) == 0); i++)
      {
        sk_test_iterate (50);
        sad = sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Sad");
      }
    g_assert_nonnull (sad);
    sk_test_real_click (sad);
    sk_test_iterate (200);
  }
  sk_test_assert_sql (path, "SELECT picture FROM house_words WHERE words LIKE 'Mormor%'", "feeling-sad");
  g_assert_nonnull (sk_test_find_tooltip (GTK_WIDGET (tool), GTK_TYPE_MENU_BUTTON, "Picture: Sad"));
  /* The house tells a screen reader what lives in it. */
  {
    g_autofree char *described = sk_houses_describe (houses, SK_HOUSE_WORRIES);

    g_assert_nonnull (strstr (described, "Mormors kat"));
    g_assert_nonnull (strstr (described, "3 strokes"));
  }

  /* The child's answer, for this house only. */
  click (sk_test_find_type (GTK_WIDGET (tool), SK_TYPE_SHARED_BUTTON));
  sk_test_assert_sql (path, "SELECT house || '|' || shared FROM houses", "0|1");

  /* Another house: its own drawing, empty at first. */
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Dreams"));
  g_assert_false (gtk_widget_get_sensitive (button (tool, "Undo the last line")));
  click (button (tool, "Green"));
  draw (canvas, zigzag, G_N_ELEMENTS (zigzag));
  sk_test_assert_sql (path, "SELECT house || ':' || crayon FROM house_strokes WHERE trashed = 0 AND house = 2", "2:4");
  sk_test_assert_sql (path, "SELECT group_concat(house || ':' || shared, ',') FROM houses ORDER BY house", "0:1,2:0");
  /* Ctrl+Z here undoes this house's stroke, not the other house's. */
  sk_test_press ("<Control>z");
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes WHERE trashed = 0 AND house = 2", "0");
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes WHERE trashed = 0 AND house = 0", "3");

  /* All three side by side; a touch on one opens it. */
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "All three"));
  g_assert_nonnull (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, "Your parents may see it"));
  {
    GtkWidget *first = sk_test_find_type (gtk_widget_get_last_child (sk_test_find_type (GTK_WIDGET (tool), GTK_TYPE_STACK)),
                                          SK_TYPE_HOUSE_CANVAS);

    g_assert_nonnull (first);
    g_assert_true (gtk_widget_get_mapped (first));
    sk_test_save_screenshot (GTK_WIDGET (window), "houses-overview-test.png");
    click (first);
  }
  g_assert_true (gtk_widget_get_mapped (canvas));
  g_assert_cmpint (sk_house_canvas_get_kind (SK_HOUSE_CANVAS (canvas)), ==, SK_HOUSE_WORRIES);
  sk_test_close_conversation (window);

  /* Opened again: the same house, as drawn. */
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "Three Houses");
  houses = sk_houses_tool_get_houses (tool);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[0])), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->words[0])), ==, 2);
  sk_test_close_conversation (window);
}

static void
test_last_time (void)
{
  g_autofree char *path = sk_test_path ("last-time.db");
  SkWindow *window;
  SkHousesTool *tool;
  GtkWidget *compare;

  prepare (path, TRUE);
  window = sk_test_open_conversation (app, path, FALSE);
  tool = open_tool (GTK_WIDGET (window), "Three Houses");
  compare = sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Last time");
  g_assert_nonnull (compare);
  click (compare);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) then = g_date_time_add_days (now, -30);
    g_autofree char *date = sk_format_date (then);
    g_autofree char *title = g_strdup_printf ("Last time, %s", date);

    g_assert_nonnull (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_LABEL, title));
  }
  /* Last time's house is beside today's, with its stroke. */
  {
    int drawn = 0;

    for (GtkWidget *w = GTK_WIDGET (tool); w != NULL;)
      {
        if (SK_IS_HOUSE_CANVAS (w) && gtk_widget_get_mapped (w))
          drawn++;
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != GTK_WIDGET (tool) && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == GTK_WIDGET (tool) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_cmpint (drawn, ==, 2);
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "houses-last-time-test.png");
  sk_test_close_conversation (window);
}

static void
test_child_view (void)
{
  g_autofree char *path = sk_test_path ("child-view.db");
  SkWindow *window;
  SkHousesTool *tool;
  GtkWidget *view;

  prepare (path, FALSE);
  window = sk_test_open_conversation (app, path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  g_assert_nonnull (view);
  tool = open_tool (view, "Three Houses");
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Good things"));
  click (button (tool, "Purple"));
  draw (sk_houses_tool_get_canvas (tool), circle, G_N_ELEMENTS (circle));
  sk_test_assert_sql (path, "SELECT house || ':' || crayon FROM house_strokes WHERE trashed = 0", "1:6");
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_ENTRY, "What lives here?"));
  sk_test_type ("Fodbold med Malik");
  sk_test_press ("Return");
  sk_test_assert_sql (path, "SELECT house || ':' || words FROM house_words", "1:Fodbold med Malik");
  sk_test_close_conversation (window);
}

static void
test_screenshots (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("dk.samtalekuffert.Samtalekuffert");
  const char *languages[] = { "da", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("screens-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);
      const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
      SkWindow *window;
      SkHousesTool *tool;
      GtkWidget *canvas;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      prepare (path, TRUE);
      window = sk_test_open_conversation (app, path, FALSE);
      tool = open_tool (GTK_WIDGET (window), l == 0 ? "Tre huse" : "Three Houses");
      canvas = sk_houses_tool_get_canvas (tool);
      click (button (tool, l == 0 ? "Blå" : "Blue"));
      click (button (tool, l == 0 ? "Tyk" : "Thick"));
      draw (canvas, line, G_N_ELEMENTS (line));
      click (button (tool, l == 0 ? "Rød" : "Red"));
      click (button (tool, l == 0 ? "Mellem" : "Medium"));
      draw (canvas, zigzag, G_N_ELEMENTS (zigzag));
      click (button (tool, l == 0 ? "Sort" : "Black"));
      draw (canvas, circle, G_N_ELEMENTS (circle));
      click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_ENTRY, l == 0 ? "Hvad bor her?" : "What lives here?"));
      sk_test_type (l == 0 ? "Når far råber" : "When dad shouts");
      sk_test_press ("Return");
      sk_test_type (l == 0 ? "Matematiktimerne" : "Maths lessons");
      sk_test_press ("Return");
      sk_test_iterate (300);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *shot = g_strdup_printf ("houses-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          sk_test_iterate (400);
          sk_test_scroll_to (GTK_WIDGET (tool));
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), shot);
        }
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      sk_test_iterate (300);
      click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, l == 0 ? "Sidste gang" : "Last time"));
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("houses-last-time-%s-1280x800.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, l == 0 ? "Alle tre" : "All three"));
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("houses-overview-%s-1280x800.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      sk_test_close_conversation (window);

      window = sk_test_open_conversation (app, path, TRUE);
      tool = open_tool (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW), l == 0 ? "Tre huse" : "Three Houses");
      sk_test_iterate (300);
      {
        g_autofree char *shot = g_strdup_printf ("houses-child-%s-1280x800.png", languages[l]);

        sk_test_save_screenshot (GTK_WIDGET (window), shot);
      }
      sk_test_close_conversation (window);
    }
  g_settings_set_string (settings, "language", "en");
  sk_test_iterate (100);
}

#endif

#ifdef SK_TEST_BY_TOUCH
/* The child's view, as on a tablet: the tool opened, a house, a crayon and
 * the undo buttons tapped, lines drawn by finger. */
static void
test_touch (void)
{
  g_autofree char *path = sk_test_path ("touch.db");
  SkWindow *window;
  SkHousesTool *tool;
  GtkWidget *view, *canvas;

  g_assert_true (g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkBroadwayDisplay"));
  prepare (path, FALSE);
  window = sk_test_open_conversation (app, path, TRUE);
  view = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_CHILD_VIEW);
  g_assert_nonnull (view);
  tool = open_tool (view, "Three Houses");
  canvas = sk_houses_tool_get_canvas (tool);
  click (sk_test_find_shown (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Good things"));
  g_assert_cmpint (sk_house_canvas_get_kind (SK_HOUSE_CANVAS (canvas)), ==, SK_HOUSE_GOOD);
  click (button (tool, "Purple"));
  click (button (tool, "Thick"));
  draw (canvas, circle, G_N_ELEMENTS (circle));
  sk_test_assert_sql (path, "SELECT house || ':' || crayon || ':' || size FROM house_strokes WHERE trashed = 0", "1:6:2");
  /* Where the finger went: round the circle, back where it began. */
  {
    SkHouses *houses = sk_houses_tool_get_houses (tool);
    g_autoptr(SkHouseStroke) stroke = g_list_model_get_item (G_LIST_MODEL (houses->strokes[SK_HOUSE_GOOD]), 0);
    GArray *points = sk_house_stroke_get_points (stroke);
    double left = 1, right = 0;

    g_assert_cmpuint (points->len, >, 10);
    for (guint i = 0; i < points->len; i++)
      {
        left = MIN (left, g_array_index (points, SkHousesPoint, i).x);
        right = MAX (right, g_array_index (points, SkHousesPoint, i).x);
        /* A finger tells no pressure: the full width. */
        g_assert_cmpfloat (g_array_index (points, SkHousesPoint, i).pressure, ==, 1.0);
      }
    g_assert_cmpfloat_with_epsilon (left, 0.4, 0.02);
    g_assert_cmpfloat_with_epsilon (right, 0.6, 0.02);
    g_assert_cmpfloat_with_epsilon (g_array_index (points, SkHousesPoint, 0).y, 0.45, 0.01);
    g_assert_cmpfloat_with_epsilon (g_array_index (points, SkHousesPoint, points->len - 1).y, 0.45, 0.02);
  }
  /* A finger put down in the sky draws nothing in the house. */
  draw (canvas, sky, G_N_ELEMENTS (sky));
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes", "1");
  click (button (tool, "Blue"));
  draw (canvas, line, G_N_ELEMENTS (line));
  click (button (tool, "Green"));
  click (button (tool, "Thin"));
  draw (canvas, zigzag, G_N_ELEMENTS (zigzag));
  sk_test_assert_sql (path, "SELECT group_concat(crayon || ':' || size, ',') FROM house_strokes WHERE trashed = 0 ORDER BY position",
              "6:2,5:2,4:0");

  /* Undo and redo, tapped. */
  click (button (tool, "Undo the last line"));
  click (button (tool, "Undo the last line"));
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "6");
  click (button (tool, "Undo the last line"));
  sk_test_assert_sql (path, "SELECT count(*) FROM house_strokes WHERE trashed = 0", "0");
  g_assert_false (gtk_widget_get_sensitive (button (tool, "Undo the last line")));
  click (button (tool, "Redo the line"));
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0", "6");
  click (button (tool, "Redo the line"));
  sk_test_assert_sql (path, "SELECT group_concat(crayon, ',') FROM house_strokes WHERE trashed = 0 ORDER BY position", "6,5");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sk_houses_tool_get_houses (tool)->strokes[SK_HOUSE_GOOD])), ==, 2);
  sk_test_close_conversation (window);
}
#endif

int
main (int argc, char **argv)
{
#ifdef SK_TEST_BY_TOUCH
  sk_test_touch_start ();
  app = sk_test_app_start (&argc, &argv);
  sk_test_touch_connect ();
  g_test_add_func ("/houses-touch/child-view", test_touch);
#else
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/houses-tool/draw", test_draw);
  g_test_add_func ("/houses-tool/last-time", test_last_time);
  g_test_add_func ("/houses-tool/child-view", test_child_view);
  g_test_add_func ("/houses-tool/screenshots", test_screenshots);
#endif
  return sk_test_app_run (&app);
}
