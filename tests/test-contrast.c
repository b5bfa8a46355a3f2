/* test-contrast.c — text and controls stand out from what is behind them
 *
 * WCAG 2.2 AA: 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold)
 * and for the parts of controls a person must see (a focus ring, a mark
 * that is on).  The real window is drawn, as on screen, and each named
 * part is measured where it is: the colour behind it is the one most of
 * its pixels have, its own is the pixel that stands out most.  Run once
 * each in light, dark (ADW_DEBUG_COLOR_SCHEME=prefer-dark) and high
 * contrast (ADW_DEBUG_HIGH_CONTRAST=1): see tests/meson.build.
 */
#include "sk-application.h"
#include "sk-demo.h"
#include "sk-emotion-card.h"
#include "sk-face-scale.h"
#include "sk-lundy-tool.h"
#include "sk-network-editor.h"
#include "sk-network-map.h"
#include "sk-network.h"
#include "sk-network-tool.h"
#include "sk-store.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <math.h>
#include <string.h>

static SkApplication *app;

typedef struct
{
  guint8 r, g, b;
} Rgb;

static double
channel (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Rgb c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

static double
ratio (Rgb a,
       Rgb b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

typedef struct
{
  guchar *pixels;
  gsize   stride;
  int     width;
  int     height;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

/* The whole window as drawn now. */
static void
draw_window (GtkWidget *window,
             Picture   *picture)
{
  g_autoptr(GdkTexture) texture = sk_test_render (window);

  picture->width = gdk_texture_get_width (texture);
  picture->height = gdk_texture_get_height (texture);
  picture->stride = (gsize) picture->width * 4;
  picture->pixels = g_malloc (picture->stride * picture->height);
  gdk_texture_download (texture, picture->pixels, picture->stride);
}

static Rgb
pixel (const Picture *picture,
       int            x,
       int            y)
{
  /* CAIRO_FORMAT_ARGB32: B G R A in memory, on an opaque window. */
  const guchar *p = picture->pixels + (gsize) y * picture->stride + (gsize) x * 4;

  return (Rgb) { p[2], p[1], p[0] };
}

/* What stands behind and what stands out in the @widget's part of the
 * window: the most common colour, and the one furthest from it. */
static double
measure (GtkWidget  *widget,
         const char *what,
         Rgb        *back_out,
         Rgb        *front_out)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  g_auto(Picture) picture = { NULL };
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  Rgb back = { 0 }, front = { 0 };
  guint most = 0;
  double best = 1.0;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_test_message ("%s: %s at %.0f,%.0f %.0f×%.0f", what, G_OBJECT_TYPE_NAME (widget),
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  draw_window (window, &picture);
  x0 = MAX (0, (int) floor (bounds.origin.x));
  y0 = MAX (0, (int) floor (bounds.origin.y));
  x1 = MIN (picture.width, (int) ceil (bounds.origin.x + bounds.size.width));
  y1 = MIN (picture.height, (int) ceil (bounds.origin.y + bounds.size.height));
  g_assert_cmpint (x1 - x0, >, 2);
  g_assert_cmpint (y1 - y0, >, 2);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Rgb c = pixel (&picture, x, y);
        gpointer key = GUINT_TO_POINTER ((guint) c.r << 16 | (guint) c.g << 8 | c.b);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

        g_hash_table_insert (counts, key, GUINT_TO_POINTER (n));
        if (n > most)
          {
            most = n;
            back = c;
          }
      }
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Rgb c = pixel (&picture, x, y);
        double r = ratio (c, back);

        if (r > best)
          {
            best = r;
            front = c;
          }
      }
  g_test_message ("%s: #%02x%02x%02x on #%02x%02x%02x, %.2f:1", what,
                  front.r, front.g, front.b, back.r, back.g, back.b, best);
  if (back_out != NULL)
    *back_out = back;
  if (front_out != NULL)
    *front_out = front;
  return best;
}

typedef struct
{
  GPtrArray *failures;
} Report;

static Report report;

static void
expect (GtkWidget  *widget,
        const char *what,
        double      needed)
{
  double found;

  g_assert_nonnull (widget);
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) != NULL)
    sk_test_scroll_to (widget);
  found = measure (widget, what, NULL, NULL);
  if (found + 0.005 < needed)
    g_ptr_array_add (report.failures, g_strdup_printf ("%s: %.2f:1, needs %.1f:1", what, found, needed));
}

typedef struct
{
  GType       type;
  const char *css_class;   /* NULL: any */
} Sought;

static gboolean
shown_and_sought (GtkWidget     *widget,
                  gconstpointer  data)
{
  const Sought *sought = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, sought->type) && gtk_widget_get_mapped (widget) &&
         (sought->css_class == NULL || gtk_widget_has_css_class (widget, sought->css_class));
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  Sought sought = { type, css_class };

  return sk_test_find (root, shown_and_sought, &sought);
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  return find_with_class (root, type, NULL);
}

/* The keyboard comes to @widget as a person brings it (a key press, so
 * that the focus shows): each pixel of @widget after, against the same
 * pixel before; the one that changed most. */
static void
focus_as_a_person_does (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  sk_test_focus_window (GTK_WINDOW (window));
  gtk_widget_grab_focus (widget);
  /* As after any key press: the focus shows.  (A real key here would
   * move a person on the map.) */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  sk_test_iterate (300);
  g_assert_true (gtk_widget_has_focus (widget));
}

static void
switch_on (GtkWidget *widget)
{
  sk_test_real_click (widget);
  sk_test_iterate (300);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));
}

static void
expect_change (GtkWidget  *widget,
               const char *what,
               double      needed,
               void      (*change) (GtkWidget *widget))
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  g_auto(Picture) before = { NULL };
  g_auto(Picture) after = { NULL };
  graphene_rect_t bounds;
  double best = 1.0;
  Rgb was = { 0 }, is = { 0 };

  if (change == focus_as_a_person_does)
    gtk_window_set_focus (GTK_WINDOW (gtk_widget_get_root (widget)), NULL);
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) != NULL)
    sk_test_scroll_to (widget);
  sk_test_iterate (200);
  draw_window (window, &before);
  change (widget);
  draw_window (window, &after);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, after.height);
  /* The ring may sit just outside the widget. */
  for (int y = MAX (0, (int) bounds.origin.y - 4); y < MIN (after.height, (int) (bounds.origin.y + bounds.size.height) + 4); y++)
    for (int x = MAX (0, (int) bounds.origin.x - 4); x < MIN (after.width, (int) (bounds.origin.x + bounds.size.width) + 4); x++)
      {
        double r = ratio (pixel (&before, x, y), pixel (&after, x, y));

        if (r > best)
          {
            best = r;
            was = pixel (&before, x, y);
            is = pixel (&after, x, y);
          }
      }
  g_test_message ("%s: #%02x%02x%02x where #%02x%02x%02x was, %.2f:1", what,
                  is.r, is.g, is.b, was.r, was.g, was.b, best);
  if (best + 0.005 < needed)
    g_ptr_array_add (report.failures, g_strdup_printf ("%s: %.2f:1, needs %.1f:1", what, best, needed));
}

static gboolean
unchecked_mark (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, "mark-button") &&
         !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

static GtkWidget *
find_unchecked_mark (GtkWidget *root)
{
  return sk_test_find (root, unchecked_mark, NULL);
}

/* The label of the face of @face on @scale. */
static GtkWidget *
face_label (GtkWidget *scale,
            int        face)
{
  return find_with_class (sk_face_scale_get_button (SK_FACE_SCALE (scale), face), GTK_TYPE_LABEL, "face-label");
}

static const char *
scheme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return adw_style_manager_get_dark (manager) ? "high-contrast-dark" : "high-contrast";
  return adw_style_manager_get_dark (manager) ? "dark" : "light";
}

static void
test_named_styles (void)
{
  g_autofree char *shot = g_strdup_printf ("contrast-%s.png", scheme ());
  SkWindow *window;
  GtkWidget *card, *scale, *widget;

  report.failures = g_ptr_array_new_with_free_func (g_free);
  g_test_message ("colour scheme: %s", scheme ());
  window = sk_test_open_demo (app, "contrast.db");

  /* The caseworker's conversation. */
  card = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_EMOTION_CARD);
  scale = GTK_WIDGET (sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card)));
  sk_face_scale_set_value (SK_FACE_SCALE (scale), 4);
  sk_test_iterate (200);
  sk_test_scroll_to (scale);
  expect (face_label (scale, 1), "an unchosen face's word", 4.5);
  expect (face_label (scale, 4), "the chosen face's word", 4.5);
  {
    g_autofree char *name = g_strdup_printf ("faces-%s-1280x800.png", scheme ());

    sk_test_save_screenshot (GTK_WIDGET (window), name);
  }
  widget = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_LABEL, "Only for me");
  sk_test_scroll_to (widget);
  expect (widget, "the 'Only for me' heading", 4.5);
  widget = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Delete Conversation…");
  sk_test_scroll_to (widget);
  expect (widget, "'Delete Conversation…'", 4.5);
  sk_test_save_screenshot (GTK_WIDGET (window), shot);

  /* Focus rings: what the keyboard's arrival changes on a face stands
   * out 3:1 from what was there before. */
  {
    GtkWidget *button = sk_face_scale_get_button (SK_FACE_SCALE (scale), 2);

    sk_test_scroll_to (scale);
    expect_change (button, "the focus ring on a face", 3.0, focus_as_a_person_does);
    {
      g_autofree char *name = g_strdup_printf ("focus-ring-face-%s.png", scheme ());

      sk_test_save_screenshot (scale, name);
    }
  }

  /* A person's marks: on is not just another shade of grey. */
  {
    GtkWidget *switcher = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "My network");
    GtkWidget *tool, *map, *editor, *mark;

    sk_test_scroll_to (switcher);
    sk_test_real_click (switcher);
    sk_test_iterate (400);
    tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_NETWORK_TOOL);
    map = sk_network_tool_get_map (SK_NETWORK_TOOL (tool));
    sk_test_scroll_to (map);
    if (g_list_model_get_n_items (sk_network_tool_get_people (SK_NETWORK_TOOL (tool))) == 0)
      {
        GtkWidget *start = sk_test_find_shown (tool, GTK_TYPE_BUTTON, "Start From Last Time");

        sk_test_scroll_to (start);
        sk_test_real_click (start);
        sk_test_iterate (400);
      }
    sk_test_scroll_to (map);
    {
      GListModel *people = sk_network_tool_get_people (SK_NETWORK_TOOL (tool));
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (people, 0);
      GtkWidget *token = sk_network_map_get_token (SK_NETWORK_MAP (map), person);

      expect_change (token, "the focus ring on a person", 3.0, focus_as_a_person_does);
      {
        g_autofree char *name = g_strdup_printf ("focus-ring-person-%s.png", scheme ());

        sk_test_save_screenshot (map, name);
      }
      sk_test_real_click (token);
    }
    editor = sk_network_tool_get_editor (SK_NETWORK_TOOL (tool));
    g_assert_true (sk_test_wait_for (sk_test_is_mapped, editor, 3000));
    sk_test_iterate (300);
    mark = find_unchecked_mark (editor);
    g_assert_nonnull (mark);
    expect_change (mark, "a person's mark, off and on", 3.0, switch_on);
    sk_test_real_click (mark);
    sk_test_press ("Escape");
    sk_test_iterate (300);
  }

  /* A Lundy check box with the keyboard on it. */
  {
    GtkWidget *switcher = sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "The Lundy Model");
    GtkWidget *tool, *check;

    sk_test_scroll_to (switcher);
    sk_test_real_click (switcher);
    sk_test_iterate (400);
    tool = find_mapped (GTK_WIDGET (window), SK_TYPE_LUNDY_TOOL);
    check = find_mapped (tool, GTK_TYPE_CHECK_BUTTON);
    expect_change (check, "the focus ring on a Lundy check box", 3.0, focus_as_a_person_does);
    {
      g_autofree char *name = g_strdup_printf ("focus-ring-check-box-%s.png", scheme ());

      sk_test_save_screenshot (gtk_widget_get_parent (gtk_widget_get_parent (check)), name);
    }
    expect (find_with_class (tool, GTK_TYPE_LABEL, "dim-label"), "a Lundy step's meaning", 4.5);
  }

  /* Dim text: a child's details in the list, a Lundy step's subtitle. */
  widget = find_with_class (GTK_WIDGET (window), GTK_TYPE_LABEL, "dim-label");
  expect (widget, "dim text (a child's details)", 4.5);

  /* The child's view. */
  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("F11");
  sk_test_iterate (600);
  card = find_mapped (GTK_WIDGET (window), SK_TYPE_EMOTION_CARD);
  g_assert_nonnull (card);
  scale = GTK_WIDGET (sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card)));
  sk_test_scroll_to (scale);
  expect (face_label (scale, 1), "an unchosen face's word, child's view", 4.5);
  widget = find_with_class (GTK_WIDGET (window), GTK_TYPE_WIDGET, "leave-button");
  expect (widget, "the 'Caseworker' button", 4.5);
  sk_test_press ("<Control>F11");
  sk_test_iterate (300);

  /* The cover. */
  sk_test_press ("F9");
  sk_test_iterate (400);
  widget = find_with_class (GTK_WIDGET (window), GTK_TYPE_LABEL, "cover-hint");
  g_assert_true (sk_test_wait_for (sk_test_is_mapped, widget, 2000));
  expect (widget, "the cover's 'Press F9 to go on'", 4.5);
  sk_test_press ("F9");
  sk_test_iterate (300);

  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
  for (guint i = 0; i < report.failures->len; i++)
    g_printerr ("# too faint (%s): %s\n", scheme (), (char *) report.failures->pdata[i]);
  g_assert_cmpuint (report.failures->len, ==, 0);
  g_clear_pointer (&report.failures, g_ptr_array_unref);
}

/* The measure itself: black on white is 21:1, a colour on itself 1:1. */
static void
test_ratio (void)
{
  g_assert_cmpfloat (fabs (ratio ((Rgb) { 0, 0, 0 }, (Rgb) { 255, 255, 255 }) - 21.0), <, 0.01);
  g_assert_cmpfloat (fabs (ratio ((Rgb) { 119, 119, 119 }, (Rgb) { 255, 255, 255 }) - 4.48), <, 0.01);
  g_assert_cmpfloat (ratio ((Rgb) { 40, 80, 120 }, (Rgb) { 40, 80, 120 }), ==, 1.0);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/contrast/ratio", test_ratio);
  g_test_add_func ("/contrast/named-styles", test_named_styles);
  return sk_test_app_run (&app);
}
