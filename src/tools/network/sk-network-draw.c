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
#include <string.h>
#include <pango/pangocairo.h>

#define FONT_FAMILY "Andika, Cantarell, sans-serif"
/* The child's name on the disc in the middle: its size and widest pill. */
#define CHILD_NAME_SIZE(frame) CLAMP ((frame)->font_size * 1.1, 13, 24)
#define CHILD_NAME_WIDTH(R) ((R) * SK_NETWORK_CENTRE_RADIUS * 1.55)
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
  frame->text_scale = 1.0;
}

/* On screen the text follows the desktop's text size (a larger font, or
 * Xft.dpi 144): the names, the rings' and the sectors'. */
void
sk_network_frame_set_text_scale (SkNetworkFrame *frame,
                                 double          scale)
{
  scale = CLAMP (scale, 1.0, 2.5);
  frame->font_size = frame->font_size / frame->text_scale * scale;
  frame->text_scale = scale;
}

double
sk_network_ring_label_size (const SkNetworkFrame *frame)
{
  return CLAMP (frame->radius * 0.035, 8, 16) * frame->text_scale;
}

double
sk_network_sector_label_size (const SkNetworkFrame *frame)
{
  return CLAMP (frame->radius * 0.06, 8, 24) * frame->text_scale;
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
  PangoLayout *layout = sk_art_text_layout (cr, text, size, TRUE, max_width, PANGO_ALIGN_CENTER);
  PangoLayout *small = NULL;
  PangoRectangle ink, logical, logical2 = { 0 };
  double pad = size * 0.3, width, height;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (second != NULL && *second != '\0')
    {
      small = sk_art_text_layout (cr, second, size * 0.82, FALSE, max_width, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (small, NULL, &logical2);
    }
  width = MAX (logical.width, logical2.width) + 2 * pad;
  height = logical.height + logical2.height + pad;

  sk_art_rounded_rectangle (cr, x - width / 2, y, width, height, size * 0.6);
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
  double size = sk_network_sector_label_size (frame);
  double pad = size * 0.45, r, g, b, w, h, x, y;

  layout = sk_art_text_layout (cr, sk_network_sector_label (sector), size, TRUE, -1, PANGO_ALIGN_CENTER);
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
  sk_art_rounded_rectangle (cr, x, y, w, h, h / 2);
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

  /* Their names, in the middle of each ring, upwards between family and
   * friends: away from the child's name and the lower sectors' long names. */
  for (int ring = 0; ring < SK_NETWORK_N_RINGS; ring++)
    {
      PangoLayout *layout = sk_art_text_layout (cr, sk_network_ring_label (ring), sk_network_ring_label_size (frame), FALSE, -1, PANGO_ALIGN_CENTER);
      PangoRectangle logical;
      double y = cy - R * (sk_network_ring_inner (ring) + sk_network_ring_outer (ring)) / 2;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      sk_art_rounded_rectangle (cr, cx - logical.width / 2.0 - 6, y - logical.height / 2.0,
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
  sk_art_put (cr, "child-centre", cx - picture / 2, cy - picture * 0.62, picture, vector);
  if (child_name != NULL && *child_name != '\0')
    draw_pill_text (cr, child_name, NULL, cx, cy + picture * 0.36, CHILD_NAME_SIZE (frame), CHILD_NAME_WIDTH (R));

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
  sk_art_put (cr, name, x - size / 2, y - size / 2, size, vector);
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
  sk_art_put (cr, figure->avatar != NULL ? figure->avatar : "person-adult", x - p / 2, top, p, vector);
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

/* The map on the parents' paper
 *
 * On paper nobody drags, and every name must be read: the people are
 * laid out again, each in the ring and sector the child put them in and
 * in the child's order around the ring, so that no name covers a face or
 * another name, and none covers the child.  Each person takes a box (the
 * picture with its marks, the name under it); a box counts as the circle
 * around it, and the circles are packed along each ring, one or two rows
 * deep, as near the child's own angle as there is room.  When the rings
 * are too full, everything gets smaller; when even that is not enough,
 * the names go into a key under the map and the pictures carry numbers.
 * The result is checked rectangle by rectangle before it is used.
 */

#define PAPER_FONT_MIN 7.0
#define PAPER_KEY_FONT 9.0

static gboolean
rects_meet (const SkNetworkRect *a,
            const SkNetworkRect *b)
{
  return a->width > 0 && b->width > 0 &&
         a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static PangoContext *
paper_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points, no hinting: the same sizes as the pages around it. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static void
measure (PangoContext *context,
         const char   *text,
         double        size,
         gboolean      bold,
         double       *width,
         double       *height)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
  g_object_unref (layout);
}

static const char *
shown_name (const SkNetworkShown *person)
{
  return person->name != NULL && *person->name != '\0' ? person->name : "…";
}

static const char *
shown_relation (const SkNetworkShown *person)
{
  if (person->relation == NULL || *person->relation == '\0' || g_utf8_collate (person->relation, shown_name (person)) == 0)
    return NULL;
  return person->relation;
}

/* A line of the key under a crowded map: "3  Mormor (grandmother)". */
static char *
key_entry (const SkNetworkShown *person,
           guint                 index)
{
  if (shown_relation (person) != NULL)
    return g_strdup_printf ("%u  %s (%s)", index + 1, shown_name (person), shown_relation (person));
  return g_strdup_printf ("%u  %s", index + 1, shown_name (person));
}

/* The name's pill, as draw_pill_text() draws it, without a width limit:
 * a name on paper is never cut. */
static void
pill_size (PangoContext         *context,
           const SkNetworkShown *person,
           double                font,
           double               *width,
           double               *height)
{
  double w1, h1, w2 = 0, h2 = 0, pad = font * 0.3;

  measure (context, shown_name (person), font, TRUE, &w1, &h1);
  if (shown_relation (person) != NULL)
    measure (context, shown_relation (person), font * 0.82, FALSE, &w2, &h2);
  *width = MAX (w1, w2) + 2 * pad;
  *height = h1 + h2 + pad;
}

/* The things drawn under the people: the child's disc with its name, the
 * rings' names, the sectors' names. */
static void
paper_obstacles (SkNetworkPaper *paper,
                 PangoContext   *context)
{
  const SkNetworkFrame *frame = &paper->frame;
  double R = frame->radius, w, h;

  g_array_set_size (paper->obstacles, 0);
  {
    /* The child: the disc, and under the picture the name's pill at its
     * widest (sk_network_draw_background). */
    double disc = R * SK_NETWORK_CENTRE_RADIUS, picture = disc * 1.45, size = CHILD_NAME_SIZE (frame);
    double pill_w = CHILD_NAME_WIDTH (R) + size * 0.6, pill_top = picture * 0.36;
    SkNetworkRect child = { frame->cx - disc, frame->cy - disc, 2 * disc, 2 * disc }, pill;

    measure (context, "Åg", size, TRUE, &w, &h);
    pill = (SkNetworkRect) { frame->cx - pill_w / 2, frame->cy + pill_top, pill_w, h + size * 0.3 };
    g_array_append_val (paper->obstacles, child);
    g_array_append_val (paper->obstacles, pill);
  }
  for (int ring = 0; ring < SK_NETWORK_N_RINGS; ring++)
    {
      double size = sk_network_ring_label_size (frame);
      double y = frame->cy - R * (sk_network_ring_inner (ring) + sk_network_ring_outer (ring)) / 2;
      SkNetworkRect rect;

      measure (context, sk_network_ring_label (ring), size, FALSE, &w, &h);
      rect = (SkNetworkRect) { frame->cx - w / 2 - 6, y - h / 2, w + 12, h };
      g_array_append_val (paper->obstacles, rect);
    }
  for (int sector = 0; sector < SK_NETWORK_N_SECTORS; sector++)
    {
      double size = sk_network_sector_label_size (frame), pad = size * 0.45, x, y;
      SkNetworkRect rect;

      measure (context, sk_network_sector_label (sector), size, TRUE, &w, &h);
      w += 2 * pad;
      h += pad;
      x = (sector == SK_SECTOR_FAMILY || sector == SK_SECTOR_HELPERS) ? frame->cx - R : frame->cx + R - w;
      y = (sector == SK_SECTOR_FAMILY || sector == SK_SECTOR_FRIENDS) ? frame->cy - R : frame->cy + R - h;
      x = CLAMP (x, frame->x + 2, frame->x + frame->width - w - 2);
      y = CLAMP (y, frame->y + 2, frame->y + frame->height - h - 2);
      rect = (SkNetworkRect) { x, y, w, h };
      g_array_append_val (paper->obstacles, rect);
    }
}

/* Person @index with the picture's centre at (@cx, @cy) and the name
 * under it (0), over it (1), to its right (2) or left (3). */
static void
place_at (SkNetworkPaper *paper,
          guint           index,
          double          cx,
          double          cy,
          int             side)
{
  SkNetworkPlaced *placed = &g_array_index (paper->people, SkNetworkPlaced, index);
  double p = paper->picture, w = placed->label.width, h = placed->label.height;

  placed->x = cx;
  placed->y = cy;
  /* The picture with the marks at its sides. */
  placed->picture = (SkNetworkRect) { cx - p * 0.84, cy - p / 2, p * 1.68, p };
  if (placed->key != 0)
    return;
  switch (side)
    {
    case 0:
      placed->label.x = cx - w / 2;
      placed->label.y = cy + p / 2 + 2;
      break;
    case 1:
      placed->label.x = cx - w / 2;
      placed->label.y = cy - p / 2 - 2 - h;
      break;
    case 2:
      placed->label.x = cx + p * 0.84 + 2;
      placed->label.y = cy - h / 2;
      break;
    default:
      placed->label.x = cx - p * 0.84 - 2 - w;
      placed->label.y = cy - h / 2;
      break;
    }
}

static gboolean
inside_circle (const SkNetworkFrame *frame,
               const SkNetworkRect  *rect)
{
  for (int corner = 0; corner < 4; corner++)
    {
      double x = rect->x + (corner & 1 ? rect->width : 0) - frame->cx;
      double y = rect->y + (corner & 2 ? rect->height : 0) - frame->cy;

      if (hypot (x, y) > frame->radius * 0.985)
        return FALSE;
    }
  return TRUE;
}

/* Whether person @index, where it stands now, is clear of the map's own
 * names and of the @n people placed before it. */
static gboolean
clear_of (SkNetworkPaper *paper,
          guint           index,
          const guint    *placed_before,
          guint           n)
{
  const SkNetworkPlaced *a = &g_array_index (paper->people, SkNetworkPlaced, index);

  if (!inside_circle (&paper->frame, &a->picture) || (a->label.width > 0 && !inside_circle (&paper->frame, &a->label)))
    return FALSE;
  for (guint o = 0; o < paper->obstacles->len; o++)
    {
      const SkNetworkRect *obstacle = &g_array_index (paper->obstacles, SkNetworkRect, o);

      if (rects_meet (&a->picture, obstacle) || rects_meet (&a->label, obstacle))
        return FALSE;
    }
  for (guint k = 0; k < n; k++)
    {
      const SkNetworkPlaced *b = &g_array_index (paper->people, SkNetworkPlaced, placed_before[k]);

      if (rects_meet (&a->picture, &b->picture) || rects_meet (&a->picture, &b->label) ||
          rects_meet (&a->label, &b->picture) || rects_meet (&a->label, &b->label))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  double cost;
  double x, y;
  int    side;
} Spot;

static int
cheaper_first (gconstpointer a,
               gconstpointer b)
{
  const Spot *sa = a, *sb = b;

  return sa->cost < sb->cost ? -1 : sa->cost > sb->cost ? 1 : 0;
}

static int
nearest_first (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SkNetworkShown *shown = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  double da = shown[ia].place.distance, db = shown[ib].place.distance;

  return da < db ? -1 : da > db ? 1 : (int) ia - (int) ib;
}

/* One try at a size: each person, the nearest to the child first, at the
 * free spot closest to where the child put them, within their ring and
 * sector. */
static gboolean
paper_try (SkNetworkPaper       *paper,
           PangoContext         *context,
           const SkNetworkShown *shown,
           guint                 n,
           double                scale,
           gboolean              keyed)
{
  const SkNetworkFrame *frame = &paper->frame;
  double R = frame->radius;
  g_autofree guint *order = g_new0 (guint, MAX (n, 1));
  g_autofree Spot *spots = g_new (Spot, 49 * 9 * 4);
  guint n_spots;

  /* Names grow with the pictures, from 7 to 11 pt. */
  paper->picture = MAX (MIN (R * 0.2, 34) * scale, 12);
  paper->font = CLAMP (paper->picture * 0.36, PAPER_FONT_MIN, 11);
  paper->keyed = keyed;
  for (guint i = 0; i < n; i++)
    {
      SkNetworkPlaced *placed = &g_array_index (paper->people, SkNetworkPlaced, i);
      double w = 0, h = 0;

      order[i] = i;
      placed->key = keyed ? (int) i + 1 : 0;
      if (!keyed)
        pill_size (context, &shown[i], paper->font, &w, &h);
      placed->label = (SkNetworkRect) { 0, 0, w, h };
    }
  g_qsort_with_data (order, (gint) n, sizeof (guint), nearest_first, (gpointer) shown);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      const SkNetworkShown *person = &shown[i];
      int sector = sk_network_sector_at (person->place.angle);
      int ring = sk_network_ring_at (person->place.distance);
      double start, end, inner = sk_network_ring_inner (ring), outer = sk_network_ring_outer (ring);
      double own_angle, own_distance;
      guint c;

      sk_network_sector_span (sector, &start, &end);
      own_angle = start + CLAMP (fmod (person->place.angle - start + 4 * G_PI, 2 * G_PI), 0, end - start);
      own_distance = CLAMP (person->place.distance, inner, outer);
      /* The spots of the cell, on a fine grid, tried from the nearest to
       * where the child put the person: the picture stays in the
       * person's ring and sector; the name under it if there is room,
       * else over it or beside it. */
      n_spots = 0;
      for (int a = 0; a <= 48; a++)
        for (int d = 0; d <= 8; d++)
          for (int side = 0; side < (keyed ? 1 : 4); side++)
            {
              double angle = start + (end - start) * (0.02 + 0.96 * a / 48.0);
              double distance = inner + (outer - inner) * (0.05 + 0.9 * d / 8.0);

              spots[n_spots++] = (Spot) {
                pow ((angle - own_angle) * distance, 2) + pow (distance - own_distance, 2) +
                  (side == 0 ? 0 : side == 1 ? 0.004 : 0.008),
                frame->cx + cos (angle) * distance * R, frame->cy + sin (angle) * distance * R, side };
            }
      qsort (spots, n_spots, sizeof (Spot), cheaper_first);
      /* The first free spot stays: the person is placed there. */
      for (c = 0; c < n_spots; c++)
        {
          place_at (paper, i, spots[c].x, spots[c].y, spots[c].side);
          if (clear_of (paper, i, order, k))
            break;
        }
      if (c == n_spots)
        return FALSE;
    }
  return TRUE;
}

/**
 * sk_network_paper_new:
 * @shown: (element-type SkNetworkShown): the people on the parents' map
 *
 * Lays the map out at (@x, @y), @width wide: the map, and under it the
 * key when the names did not fit on it.
 */
SkNetworkPaper *
sk_network_paper_new (GArray *shown,
                      double  x,
                      double  y,
                      double  width,
                      double  max_width)
{
  SkNetworkPaper *paper = g_new0 (SkNetworkPaper, 1);
  PangoContext *context = paper_context ();
  guint n = shown != NULL ? shown->len : 0;
  const SkNetworkShown *people = n > 0 ? (const SkNetworkShown *) (void *) shown->data : NULL;
  double widths[3];
  gboolean done = FALSE;

  max_width = MAX (width, max_width);
  widths[0] = width;
  widths[1] = floor ((width + max_width) / 2);
  widths[2] = max_width;
  paper->people = g_array_sized_new (FALSE, TRUE, sizeof (SkNetworkPlaced), n);
  g_array_set_size (paper->people, n);
  paper->obstacles = g_array_new (FALSE, TRUE, sizeof (SkNetworkRect));

  /* The smallest map whose names are still well readable; then the
   * widest, with smaller names; then with the names in a key. */
  for (guint w = 0; w < 3 && !done; w++)
    {
      if (w > 0 && widths[w] <= widths[w - 1])
        continue;
      sk_network_frame_fit (&paper->frame, x, y, widths[w], widths[w]);
      paper_obstacles (paper, context);
      for (double scale = 1.0; scale > 0.79 && !done; scale -= 0.05)
        done = paper_try (paper, context, people, n, scale, FALSE);
    }
  for (int keyed = 0; keyed < 2 && !done; keyed++)
    for (double scale = keyed ? 1.0 : 0.75; scale > 0.34 && !done; scale -= 0.05)
      done = paper_try (paper, context, people, n, scale, keyed);
  if (!done)
    {
      /* More people than fit even as numbers (hundreds): the smallest
       * try, overlapping where it must. */
      paper_try (paper, context, people, n, 0.4, TRUE);
      paper->crowded = TRUE;
    }
  width = paper->frame.width;

  paper->height = width;
  if (paper->keyed)
    {
      /* The key: "1 Mor (mother)", in columns under the map. */
      double column = 0, line_height = 0;
      guint columns, rows;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *entry = key_entry (&people[i], i);
          double w, h;

          measure (context, entry, PAPER_KEY_FONT, FALSE, &w, &h);
          column = MAX (column, w + 12);
          line_height = MAX (line_height, h);
        }
      columns = MAX (1, (guint) floor (width / MAX (column, 1)));
      rows = (n + columns - 1) / columns;
      paper->key_top = y + width + 6;
      paper->key_column = width / columns;
      paper->key_line = line_height;
      paper->key_rows = rows;
      paper->height = width + 6 + rows * line_height;
    }
  g_object_unref (context);
  return paper;
}

void
sk_network_paper_free (SkNetworkPaper *paper)
{
  if (paper == NULL)
    return;
  g_array_unref (paper->people);
  g_array_unref (paper->obstacles);
  g_free (paper);
}

static void
draw_number (cairo_t *cr,
             int      number,
             double   x,
             double   y,
             double   size)
{
  g_autofree char *text = g_strdup_printf ("%d", number);
  PangoLayout *layout = sk_art_text_layout (cr, text, size * 0.5, TRUE, -1, PANGO_ALIGN_CENTER);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, MAX (logical.width, logical.height) / 2.0 + 2, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_ink (cr, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  set_ink (cr, 1);
  cairo_move_to (cr, x - logical.width / 2.0, y - logical.height / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
sk_network_paper_draw (SkNetworkPaper *paper,
                       cairo_t        *cr,
                       GArray         *shown,
                       const char     *child_name,
                       gboolean        vector)
{
  guint n = shown != NULL ? shown->len : 0;

  sk_network_draw_background (cr, &paper->frame, child_name, vector);
  for (guint i = 0; i < n && i < paper->people->len; i++)
    {
      const SkNetworkShown *person = &g_array_index (shown, SkNetworkShown, i);
      const SkNetworkPlaced *placed = &g_array_index (paper->people, SkNetworkPlaced, i);
      double p = paper->picture, top = placed->picture.y, badge = p * 0.46;


      cairo_save (cr);
      sk_art_put (cr, person->avatar != NULL ? person->avatar : "person-adult", placed->x - p / 2, top, p, vector);
      if (person->can_talk)
        draw_badge (cr, "mark-talk", placed->x + p * 0.55, top + p * 0.4, badge, vector);
      if (person->worried)
        draw_badge (cr, "mark-worry", placed->x - p * 0.55, top + p * 0.4, badge, vector);
      if (placed->key > 0)
        draw_number (cr, placed->key, placed->x, top + p * 0.85, p);
      else
        draw_pill_text (cr, shown_name (person), shown_relation (person),
                        placed->label.x + placed->label.width / 2, placed->label.y, paper->font, -1);
      cairo_restore (cr);
    }
  if (paper->keyed)
    {
      cairo_save (cr);
      set_ink (cr, 1);
      for (guint i = 0; i < n; i++)
        {
          const SkNetworkShown *person = &g_array_index (shown, SkNetworkShown, i);
          g_autofree char *entry = key_entry (person, i);
          PangoLayout *layout = sk_art_text_layout (cr, entry, PAPER_KEY_FONT, FALSE, -1, PANGO_ALIGN_CENTER);

          pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
          cairo_move_to (cr, paper->frame.x + (i / paper->key_rows) * paper->key_column,
                         paper->key_top + (i % paper->key_rows) * paper->key_line);
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
      cairo_restore (cr);
    }
}

/* The paper's layouts of the last few maps: the pages ask for the width,
 * the height and the drawing of the same map, the preview again at every
 * redraw. */
typedef struct
{
  GArray         *data;
  double          width, max_width;
  SkNetworkPaper *paper;
} CachedPaper;

static CachedPaper paper_cache[4];

static SkNetworkPaper *
cached_paper (GArray *data,
              double  width,
              double  max_width)
{
  guint oldest = G_N_ELEMENTS (paper_cache) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (paper_cache); i++)
    if (paper_cache[i].data == data && paper_cache[i].width == width && paper_cache[i].max_width == max_width)
      return paper_cache[i].paper;
  /* Laid out at the origin; drawn where it goes. */
  g_clear_pointer (&paper_cache[oldest].data, g_array_unref);
  g_clear_pointer (&paper_cache[oldest].paper, sk_network_paper_free);
  memmove (paper_cache + 1, paper_cache, oldest * sizeof (CachedPaper));
  paper_cache[0] = (CachedPaper) { g_array_ref (data), width, max_width,
                                   sk_network_paper_new (data, 0, 0, width, max_width) };
  return paper_cache[0].paper;
}

static double
summary_picture_width (GArray *data,
                       double  narrow,
                       double  wide)
{
  return cached_paper (data, narrow, wide)->frame.width;
}

static double
summary_picture_height (GArray *data,
                        double  width)
{
  return cached_paper (data, width, width)->height;
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
  cairo_save (cr);
  cairo_translate (cr, x, y);
  sk_network_paper_draw (cached_paper (data, width, width), cr, data, child_name, vector);
  cairo_restore (cr);
}

const SkToolRender sk_network_render = { summary_picture_width, summary_picture_height, summary_draw_picture };
