/* sk-network-draw.c — the network map on any cairo_t: screen and paper
 *
 * The widget and the printed summary call these same functions, so the
 * parents see the map the child made.  On screen the pictures come from
 * the picture cache; on paper they are drawn as vectors.
 */
#include "config.h"

#include "sk-network-draw.h"
#include "sk-art.h"
#include "sk-network.h"
#include "sk-tools.h"

#include <math.h>
#include <pango/pangocairo.h>

#define FONT_FAMILY "Andika, Cantarell, sans-serif"
#define INK_R (0x3d / 255.0)
#define INK_G (0x38 / 255.0)
#define INK_B (0x46 / 255.0)

/* Soft tones for the wedges and stronger ones for the names; in the order
 * of SkSector.  The names carry the meaning, the colours only help. */
static const guint32 sector_soft[] = { 0xfdebd3, 0xdcf4e0, 0xdbe8f8, 0xeee0f2 };
static const guint32 sector_strong[] = { 0xffbe6f, 0x8ff0a4, 0x99c1f1, 0xdc8add };

void
sk_network_sector_rgb (int       sector,
                       gboolean  strong,
                       double   *r,
                       double   *g,
                       double   *b)
{
  guint32 rgb = (strong ? sector_strong : sector_soft)[CLAMP (sector, 0, SK_NETWORK_N_SECTORS - 1)];

  *r = ((rgb >> 16) & 0xff) / 255.0;
  *g = ((rgb >> 8) & 0xff) / 255.0;
  *b = (rgb & 0xff) / 255.0;
}

void
sk_network_frame_fit (SkNetworkFrame *frame,
                      double          x,
                      double          y,
                      double          width,
                      double          height)
{
  frame->x = x;
  frame->y = y;
  frame->width = MAX (width, 1);
  frame->height = MAX (height, 1);
  frame->cx = x + frame->width / 2;
  frame->cy = y + frame->height / 2;
  frame->radius = MIN (frame->width, frame->height) / 2 * 0.94;
  frame->picture = CLAMP (frame->radius * 0.19, 40, 100);
  frame->font_size = CLAMP (frame->picture * 0.25, 12, 22);
}

SkNetworkPoint
sk_network_frame_to_map (const SkNetworkFrame *frame,
                         double                x,
                         double                y)
{
  return (SkNetworkPoint) { (x - frame->cx) / frame->radius, (y - frame->cy) / frame->radius };
}

void
sk_network_frame_to_area (const SkNetworkFrame *frame,
                          SkNetworkPoint        point,
                          double               *x,
                          double               *y)
{
  *x = frame->cx + point.x * frame->radius;
  *y = frame->cy + point.y * frame->radius;
}

void
sk_network_figure_size (const SkNetworkFrame *frame,
                       double               *width,
                       double               *height)
{
  /* Room for a long name on its pill and the marks beside the picture. */
  *width = frame->picture * 2.4;
  *height = frame->picture + frame->font_size * 3.8 + 4;
}

void
sk_network_figure_map_size (const SkNetworkFrame *frame,
                           double               *width,
                           double               *height)
{
  /* What must not be covered: the picture and the name under it; the
   * ends of a long name may overlap a neighbour's. */
  *width = frame->picture * 1.6 / frame->radius;
  *height = (frame->picture + frame->font_size * 3.0) / frame->radius;
}

static void
set_ink (cairo_t *cr,
         double   alpha)
{
  cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, alpha);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_art (cairo_t    *cr,
          const char *name,
          double      x,
          double      y,
          double      size,
          gboolean    vector)
{
  if (vector)
    sk_art_draw (cr, name, x, y, size);
  else
    sk_art_paint (cr, name, x, y, size);
}

/* Text centred on @x with its top at @y, on a light pill that keeps it
 * readable over lines and colours.  Returns the pill's height. */
static double
draw_pill_text (cairo_t    *cr,
                const char *text,
                const char *second,
                double      x,
                double      y,
                double      size,
                double      max_width)
{
  PangoLayout *layout = make_layout (cr, text, size, TRUE, max_width);
  PangoLayout *small = NULL;
  PangoRectangle ink, logical, logical2 = { 0 };
  double pad = size * 0.3, width, height;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (second != NULL && *second != '\0')
    {
      small = make_layout (cr, second, size * 0.82, FALSE, max_width);
      pango_layout_get_pixel_extents (small, NULL, &logical2);
    }
  width = MAX (logical.width, logical2.width) + 2 * pad;
  height = logical.height + logical2.height + pad;

  rounded_rectangle (cr, x - width / 2, y, width, height, size * 0.6);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  set_ink (cr, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* A layout with a width is centred inside that width. */
  set_ink (cr, 1);
  cairo_move_to (cr, x - (max_width > 0 ? max_width / 2 : logical.width / 2.0), y + pad / 2);
  pango_cairo_show_layout (cr, layout);
  if (small != NULL)
    {
      set_ink (cr, 0.75);
      cairo_move_to (cr, x - (max_width > 0 ? max_width / 2 : logical2.width / 2.0),
                     y + pad / 2 + logical.height);
      pango_cairo_show_layout (cr, small);
      g_object_unref (small);
    }
  g_object_unref (layout);
  return height;
}

static void
draw_sector_name (cairo_t              *cr,
                  const SkNetworkFrame *frame,
                  int                   sector)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double size = CLAMP (frame->radius * 0.06, 13, 24);
  double pad = size * 0.45, r, g, b, w, h, x, y;

  layout = make_layout (cr, sk_network_sector_label (sector), size, TRUE, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  w = logical.width + 2 * pad;
  h = logical.height + pad;
  /* In the sector's corner of the square around the map, inside the
   * area. */
  x = (sector == SK_SECTOR_FAMILY || sector == SK_SECTOR_HELPERS) ? frame->cx - frame->radius : frame->cx + frame->radius - w;
  y = (sector == SK_SECTOR_FAMILY || sector == SK_SECTOR_FRIENDS) ? frame->cy - frame->radius : frame->cy + frame->radius - h;
  x = CLAMP (x, frame->x + 2, frame->x + frame->width - w - 2);
  y = CLAMP (y, frame->y + 2, frame->y + frame->height - h - 2);

  sk_network_sector_rgb (sector, TRUE, &r, &g, &b);
  rounded_rectangle (cr, x, y, w, h, h / 2);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  set_ink (cr, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  set_ink (cr, 1);
  cairo_move_to (cr, x + pad, y + pad / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
sk_network_draw_background (cairo_t              *cr,
                            const SkNetworkFrame *frame,
                            const char           *child_name,
                            gboolean              vector)
{
  double R = frame->radius, cx = frame->cx, cy = frame->cy, r, g, b, picture;

  cairo_save (cr);

  /* The four sectors. */
  for (int sector = 0; sector < SK_NETWORK_N_SECTORS; sector++)
    {
      double start, end;

      sk_network_sector_span (sector, &start, &end);
      sk_network_sector_rgb (sector, FALSE, &r, &g, &b);
      cairo_move_to (cr, cx, cy);
      cairo_arc (cr, cx, cy, R, start, end);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
    }

  /* White gaps between them. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (2, R * 0.012));
  for (int sector = 0; sector < SK_NETWORK_N_SECTORS; sector++)
    {
      double start, end;

      sk_network_sector_span (sector, &start, &end);
      cairo_move_to (cr, cx + cos (start) * R * SK_NETWORK_CENTRE_RADIUS,
                     cy + sin (start) * R * SK_NETWORK_CENTRE_RADIUS);
      cairo_line_to (cr, cx + cos (start) * R, cy + sin (start) * R);
    }
  cairo_stroke (cr);

  /* The rings. */
  for (int ring = 0; ring < SK_NETWORK_N_RINGS; ring++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, R * sk_network_ring_outer (ring), 0, 2 * G_PI);
      set_ink (cr, ring == SK_NETWORK_N_RINGS - 1 ? 0.55 : 0.28);
      cairo_set_line_width (cr, ring == SK_NETWORK_N_RINGS - 1 ? MAX (2, R * 0.008) : MAX (1.5, R * 0.005));
      cairo_stroke (cr);
    }

  /* Their names, downwards between the two lower sectors. */
  for (int ring = 0; ring < SK_NETWORK_N_RINGS; ring++)
    {
      PangoLayout *layout = make_layout (cr, sk_network_ring_label (ring), CLAMP (R * 0.035, 11, 16), FALSE, -1);
      PangoRectangle logical;
      double y = cy + R * sk_network_ring_outer (ring) - R * 0.05;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      rounded_rectangle (cr, cx - logical.width / 2.0 - 6, y - logical.height / 2.0,
                         logical.width + 12, logical.height, logical.height / 2.0);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_fill (cr);
      set_ink (cr, 0.8);
      cairo_move_to (cr, cx - logical.width / 2.0, y - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  for (int sector = 0; sector < SK_NETWORK_N_SECTORS; sector++)
    draw_sector_name (cr, frame, sector);

  /* The child in the middle. */
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, R * SK_NETWORK_CENTRE_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, 0.55);
  cairo_set_line_width (cr, MAX (2, R * 0.008));
  cairo_stroke (cr);
  picture = R * SK_NETWORK_CENTRE_RADIUS * 1.45;
  draw_art (cr, "child-centre", cx - picture / 2, cy - picture * 0.62, picture, vector);
  if (child_name != NULL && *child_name != '\0')
    draw_pill_text (cr, child_name, NULL, cx, cy + picture * 0.36,
                    CLAMP (frame->font_size * 1.1, 13, 24), R * 0.5);

  cairo_restore (cr);
}

/* A small round badge with a picture on it, for the marks. */
static void
draw_badge (cairo_t    *cr,
            const char *name,
            double      x,
            double      y,
            double      size,
            gboolean    vector)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, size * 0.56, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  draw_art (cr, name, x - size / 2, y - size / 2, size, vector);
}

/* An eye with a line through it: hidden from the parents. */
static void
draw_hidden_badge (cairo_t *cr,
                   double   x,
                   double   y,
                   double   size)
{
  double w = size * 0.42, h = size * 0.24;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, size * 0.56, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, 1);
  cairo_set_line_width (cr, MAX (1.5, size * 0.09));
  cairo_stroke (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - w, y);
  cairo_curve_to (cr, x - w / 2, y - h * 1.4, x + w / 2, y - h * 1.4, x + w, y);
  cairo_curve_to (cr, x + w / 2, y + h * 1.4, x - w / 2, y + h * 1.4, x - w, y);
  cairo_stroke (cr);
  cairo_arc (cr, x, y, h * 0.5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, x - w, y + w);
  cairo_line_to (cr, x + w, y - w);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sk_network_draw_figure (cairo_t              *cr,
                       const SkNetworkFrame *frame,
                       const SkNetworkFigure *figure,
                       double                x,
                       double                y,
                       gboolean              vector)
{
  double width, height, top, p = frame->picture, badge = frame->picture * 0.46;
  const char *name = figure->name != NULL && *figure->name != '\0' ? figure->name : "…";
  const char *relation = figure->relation;

  sk_network_figure_size (frame, &width, &height);
  top = y - height / 2;
  if (relation != NULL && g_utf8_collate (relation, name) == 0)
    relation = NULL;

  cairo_save (cr);
  if (figure->hidden)
    cairo_push_group (cr);
  draw_art (cr, figure->avatar != NULL ? figure->avatar : "person-adult", x - p / 2, top, p, vector);
  if (figure->hidden)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.45);
    }
  draw_pill_text (cr, name, relation, x, top + p + 2, frame->font_size, width * 0.95);

  /* The marks at the picture's sides, where a neighbour's name above
   * does not cover them. */
  if (figure->can_talk)
    draw_badge (cr, "mark-talk", x + p * 0.55, top + p * 0.4, badge, vector);
  if (figure->worried)
    draw_badge (cr, "mark-worry", x - p * 0.55, top + p * 0.4, badge, vector);
  if (figure->hidden)
    draw_hidden_badge (cr, x + p * 0.45, top + p - badge * 0.3, badge * 0.85);
  cairo_restore (cr);
}

void
sk_network_draw (cairo_t              *cr,
                 const SkNetworkFrame *frame,
                 const char           *child_name,
                 const SkNetworkFigure *figures,
                 const SkNetworkPoint *points,
                 guint                 n,
                 gboolean              vector)
{
  sk_network_draw_background (cr, frame, child_name, vector);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      sk_network_frame_to_area (frame, points[i], &x, &y);
      sk_network_draw_figure (cr, frame, &figures[i], x, y, vector);
    }
}

/* The map on the parents' paper: as tall as it is wide. */

static double
summary_picture_height (GArray *data,
                        double  width)
{
  return width;
}

static void
summary_draw_picture (cairo_t    *cr,
                      GArray     *data,
                      const char *child_name,
                      double      x,
                      double      y,
                      double      width,
                      double      height,
                      gboolean    vector)
{
  guint n = data != NULL ? data->len : 0;
  g_autofree SkNetworkFigure *figures = g_new0 (SkNetworkFigure, MAX (n, 1));
  g_autofree SkNetworkPolar *places = g_new0 (SkNetworkPolar, MAX (n, 1));
  g_autofree SkNetworkPoint *points = g_new0 (SkNetworkPoint, MAX (n, 1));
  SkNetworkFrame frame;
  double w, h;

  for (guint i = 0; i < n; i++)
    {
      const SkNetworkShown *person = &g_array_index (data, SkNetworkShown, i);

      figures[i] = (SkNetworkFigure) { person->name, person->relation, person->avatar,
                                       person->can_talk, person->worried, FALSE };
      places[i] = person->place;
    }
  sk_network_frame_fit (&frame, x, y, width, height);
  sk_network_figure_map_size (&frame, &w, &h);
  sk_network_separate (places, points, n, w, h, -1);
  sk_network_draw (cr, &frame, child_name, figures, points, n, vector);
}

const SkToolRender sk_network_render = { summary_picture_height, summary_draw_picture };
