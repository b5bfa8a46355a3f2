/* sk-houses-draw.c — a house and the child's drawing in it, from the
 * stored vectors, for the screen and the parents' paper alike; and the
 * houses on the summary with the child's words beside them */
#include "config.h"

#include "sk-houses-draw.h"
#include "sk-art.h"
#include "sk-tools.h"

#include <math.h>
#include <pango/pangocairo.h>

/* The walls and the roof of the art (assets/houses/), in its 128 units. */
static const double area[][2] = {
  { 16, 120 }, { 16, 58 }, { 64, 16 }, { 112, 58 }, { 112, 120 },
};

void
sk_houses_area_path (cairo_t *cr,
                     double   x,
                     double   y,
                     double   size)
{
  cairo_new_path (cr);
  for (guint i = 0; i < G_N_ELEMENTS (area); i++)
    cairo_line_to (cr, x + area[i][0] / 128.0 * size, y + area[i][1] / 128.0 * size);
  cairo_close_path (cr);
}

gboolean
sk_houses_area_holds (double unit_x,
                      double unit_y)
{
  gboolean inside = FALSE;

  /* Even-odd crossings, in the art's units. */
  for (guint i = 0, j = G_N_ELEMENTS (area) - 1; i < G_N_ELEMENTS (area); j = i++)
    {
      double xi = area[i][0] / 128.0, yi = area[i][1] / 128.0;
      double xj = area[j][0] / 128.0, yj = area[j][1] / 128.0;

      if ((yi > unit_y) != (yj > unit_y) &&
          unit_x < (xj - xi) * (unit_y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

void
sk_houses_draw_paper (cairo_t     *cr,
                      SkHouseKind  kind,
                      double       x,
                      double       y,
                      double       size)
{
  double red, green, blue;

  sk_house_kind_paper (kind, &red, &green, &blue);
  cairo_save (cr);
  sk_houses_area_path (cr, x, y, size);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
sk_houses_draw_stroke (cairo_t             *cr,
                       SkHouseKind          kind,
                       int                  crayon,
                       int                  size_index,
                       const SkHousesPoint *points,
                       guint                n_points,
                       double               x,
                       double               y,
                       double               size)
{
  gboolean even = TRUE;

  if (n_points == 0)
    return;
  cairo_save (cr);
  if (crayon == SK_HOUSES_ERASER)
    {
      double red, green, blue;

      sk_house_kind_paper (kind, &red, &green, &blue);
      cairo_set_source_rgb (cr, red, green, blue);
    }
  else
    {
      const SkCrayon *one = &sk_houses_crayons ()[CLAMP (crayon, 0, SK_HOUSES_N_CRAYONS - 1)];

      cairo_set_source_rgb (cr, one->red, one->green, one->blue);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 1; i < n_points; i++)
    if (fabsf (points[i].pressure - points[0].pressure) > 0.04f)
      even = FALSE;

  if (n_points == 1)
    {
      /* A dot. */
      cairo_move_to (cr, x + points[0].x * size, y + points[0].y * size);
      cairo_close_path (cr);
      cairo_set_line_width (cr, sk_houses_width (size_index, points[0].pressure) * size);
      cairo_stroke (cr);
    }
  else if (even)
    {
      /* A mouse, a finger or an even pen: one line of one width. */
      cairo_move_to (cr, x + points[0].x * size, y + points[0].y * size);
      for (guint i = 1; i < n_points; i++)
        cairo_line_to (cr, x + points[i].x * size, y + points[i].y * size);
      cairo_set_line_width (cr, sk_houses_width (size_index, points[0].pressure) * size);
      cairo_stroke (cr);
    }
  else
    {
      /* A pen pressed harder and lighter: in runs of one width (the
       * pressure in eight steps), each as wide as the pen was pressed
       * there; the round caps join them. */
      guint i = 0;

      while (i + 1 < n_points)
        {
          int level = (int) lrintf (points[i].pressure * 8);
          guint j = i + 1;

          cairo_move_to (cr, x + points[i].x * size, y + points[i].y * size);
          cairo_line_to (cr, x + points[j].x * size, y + points[j].y * size);
          while (j + 1 < n_points && (int) lrintf (points[j].pressure * 8) == level)
            {
              j++;
              cairo_line_to (cr, x + points[j].x * size, y + points[j].y * size);
            }
          cairo_set_line_width (cr, sk_houses_width (size_index, level / 8.0) * size);
          cairo_stroke (cr);
          i = j;
        }
    }
  cairo_restore (cr);
}

void
sk_houses_draw_outline (cairo_t     *cr,
                        SkHouseKind  kind,
                        double       x,
                        double       y,
                        double       size,
                        gboolean     vector)
{
  sk_art_put (cr, sk_house_kind_art (kind), x, y, size, vector);
}

void
sk_houses_draw_house (cairo_t     *cr,
                      SkHouseKind  kind,
                      GListModel  *strokes,
                      double       x,
                      double       y,
                      double       size,
                      gboolean     vector)
{
  sk_houses_draw_paper (cr, kind, x, y, size);
  cairo_save (cr);
  sk_houses_area_path (cr, x, y, size);
  cairo_clip (cr);
  for (guint i = 0; strokes != NULL && i < g_list_model_get_n_items (strokes); i++)
    {
      g_autoptr(SkHouseStroke) stroke = g_list_model_get_item (strokes, i);
      GArray *points = sk_house_stroke_get_points (stroke);

      sk_houses_draw_stroke (cr, kind, sk_house_stroke_get_crayon (stroke), sk_house_stroke_get_size (stroke),
                             (const SkHousesPoint *) points->data, points->len, x, y, size);
    }
  cairo_restore (cr);
  sk_houses_draw_outline (cr, kind, x, y, size, vector);
}

/* On the parents' paper: the house at the left, its name and the child's
 * words (with their pictures) beside it. */

#define INK_R (0x3d / 255.0)
#define INK_G (0x38 / 255.0)
#define INK_B (0x46 / 255.0)

#define HOUSE_MAX   150.0
#define GAP         16.0
#define TITLE_SIZE  13.0
#define WORD_SIZE   11.0
#define WORD_ART    20.0
#define ROW_GAP     5.0

static double
house_size (double width)
{
  return MIN (HOUSE_MAX, floor (width * 0.36));
}

/* Lays out what is beside the house, and returns its height; draws it
 * when @cr draws (@draw). */
static double
words_beside (cairo_t             *cr,
              const SkHousesShown *shown,
              double               x,
              double               y,
              double               width,
              gboolean             draw,
              gboolean             vector)
{
  PangoLayout *layout;
  int w, h;
  double at = y;

  layout = sk_art_text_layout (cr, sk_house_kind_title (shown->kind), TITLE_SIZE, TRUE, 0, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
      cairo_move_to (cr, x, at);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
  at += (double) h / PANGO_SCALE + 6;

  for (guint i = 0; i < shown->words->len; i++)
    {
      SkHouseWord *word = shown->words->pdata[i];
      const char *art = sk_house_word_get_picture (word);
      double text_x = art != NULL ? x + WORD_ART + 6 : x + 10;
      double row;

      layout = sk_art_text_layout (cr, sk_record_get_string (SK_RECORD (word), "words"), WORD_SIZE, FALSE, 0,
                                   PANGO_ALIGN_LEFT);
      pango_layout_set_width (layout, (int) ((x + width - text_x) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_get_size (layout, &w, &h);
      row = MAX ((double) h / PANGO_SCALE, art != NULL ? WORD_ART : 0);
      if (draw)
        {
          if (art != NULL)
            sk_art_put (cr, art, x, at + (row - WORD_ART) / 2, WORD_ART, vector);
          else
            {
              /* A dot before a word without a picture. */
              cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
              cairo_arc (cr, x + 3, at + WORD_SIZE * 0.7, 2.2, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
          cairo_move_to (cr, text_x, at + (row - (double) h / PANGO_SCALE) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      g_object_unref (layout);
      at += row + ROW_GAP;
    }
  return at - y;
}

static double
picture_width (GArray *data,
               double  narrow,
               double  wide)
{
  return wide;
}

static double
picture_height (GArray *data,
                double  width)
{
  const SkHousesShown *shown = &g_array_index (data, SkHousesShown, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double house = house_size (width);
  double words;

  words = words_beside (cr, shown, 0, 0, width - house - GAP, FALSE, TRUE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ceil (MAX (house, words));
}

static void
draw_picture (cairo_t    *cr,
              GArray     *data,
              const char *child_name,
              double      x,
              double      y,
              double      width,
              double      height,
              gboolean    vector)
{
  const SkHousesShown *shown = &g_array_index (data, SkHousesShown, 0);
  double house = house_size (width);
  g_autoptr(GListStore) strokes = g_list_store_new (SK_TYPE_HOUSE_STROKE);

  for (guint i = 0; i < shown->strokes->len; i++)
    g_list_store_append (strokes, shown->strokes->pdata[i]);
  cairo_save (cr);
  sk_houses_draw_house (cr, shown->kind, G_LIST_MODEL (strokes), x, y, house, vector);
  words_beside (cr, shown, x + house + GAP, y, width - house - GAP, TRUE, vector);
  cairo_restore (cr);
}

const SkToolRender sk_houses_render = { picture_width, picture_height, draw_picture };
