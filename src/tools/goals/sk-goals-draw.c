/* sk-goals-draw.c — a goal's progress line, for the tool and the paper
 *
 * Eleven faint rungs, 0 at the bottom and 10 at the top (the ladder the
 * child answers on), the numbers 0, 5 and 10 at the left, the line
 * through the answers with a dot on each, and the first and last date
 * under them.  Only cairo and pango: as sharp on paper as on screen.
 */
#include "config.h"

#include "sk-goals-draw.h"
#include "sk-goals.h"
#include "sk-art.h"
#include "sk-format.h"
#include "sk-tools.h"

#include <pango/pangocairo.h>

#define INK       0.24, 0.22, 0.27
#define LINE      0.10, 0.45, 0.75
#define LABEL_W   18.0
#define DATE_H    14.0
#define TEXT_SIZE 7.5

static void
show_text (cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  PangoLayout *layout = sk_art_text_layout (cr, text, TEXT_SIZE, FALSE, 0, alignment);
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

void
sk_goals_draw_progress (cairo_t *cr,
                        GArray  *points,
                        double   x,
                        double   y,
                        double   width,
                        double   height)
{
  double left = x + LABEL_W, right = x + width - 6;
  double top = y + 6, bottom = y + height - DATE_H - 4;
  double step = (bottom - top) / SK_GOAL_TOP_RUNG;

  cairo_save (cr);
  /* The rungs. */
  cairo_set_line_width (cr, 1);
  for (int rung = 0; rung <= SK_GOAL_TOP_RUNG; rung++)
    {
      double at = bottom - rung * step;

      cairo_set_source_rgba (cr, INK, rung % 5 == 0 ? 0.30 : 0.12);
      cairo_move_to (cr, left, at);
      cairo_line_to (cr, right, at);
      cairo_stroke (cr);
      if (rung % 5 == 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", rung);

          cairo_set_source_rgb (cr, INK);
          show_text (cr, number, x, at, LABEL_W - 4, PANGO_ALIGN_RIGHT);
        }
    }
  if (points != NULL && points->len > 0)
    {
      double span = points->len > 1 ? (right - left - 16) / (points->len - 1) : 0;

      /* The line, then a dot on each answer. */
      cairo_set_source_rgb (cr, LINE);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < points->len; i++)
        {
          const SkGoalPoint *point = &g_array_index (points, SkGoalPoint, i);
          double px = left + 8 + (points->len > 1 ? i * span : (right - left - 16) / 2);
          double py = bottom - CLAMP (point->rung, 0, SK_GOAL_TOP_RUNG) * step;

          if (i == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < points->len; i++)
        {
          const SkGoalPoint *point = &g_array_index (points, SkGoalPoint, i);
          double px = left + 8 + (points->len > 1 ? i * span : (right - left - 16) / 2);
          double py = bottom - CLAMP (point->rung, 0, SK_GOAL_TOP_RUNG) * step;

          cairo_arc (cr, px, py, 4, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* The first and the last date. */
      cairo_set_source_rgb (cr, INK);
      for (guint i = 0; i < points->len; i += MAX (1, points->len - 1))
        {
          const SkGoalPoint *point = &g_array_index (points, SkGoalPoint, i);
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (point->at);
          g_autofree char *date = sk_format_short_date (when);
          double px = left + 8 + (points->len > 1 ? i * span : (right - left - 16) / 2);

          show_text (cr, date, px - 40, y + height - DATE_H / 2, 80, PANGO_ALIGN_CENTER);
          if (points->len == 1)
            break;
        }
    }
  cairo_restore (cr);
}

/* On the parents' paper: as wide as there is room for, not too tall. */

static double
picture_width (GArray *data,
               double  narrow,
               double  wide)
{
  return MIN (wide, MAX (narrow, 320));
}

static double
picture_height (GArray *data,
                double  width)
{
  return 96;
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
  sk_goals_draw_progress (cr, data, x, y, width, height);
}

const SkToolRender sk_goals_render = { picture_width, picture_height, draw_picture };
