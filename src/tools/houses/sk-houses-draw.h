/* sk-houses-draw.h — a house and its drawing, the same on screen and paper */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sk-houses.h"

G_BEGIN_DECLS

/* The part of the @size square at @x, @y that can be drawn in: inside
 * the walls and the roof. */
void     sk_houses_area_path   (cairo_t             *cr,
                                double               x,
                                double               y,
                                double               size);
gboolean sk_houses_area_holds  (double               unit_x,
                                double               unit_y);
/* The house's paper (its area filled). */
void     sk_houses_draw_paper  (cairo_t             *cr,
                                SkHouseKind          kind,
                                double               x,
                                double               y,
                                double               size);
/* One stroke: a line with round joins through its points (smoothed as
 * they came in), its width following
 * the pen's pressure; the eraser in the house's paper colour.  Not
 * clipped. */
void     sk_houses_draw_stroke (cairo_t             *cr,
                                SkHouseKind          kind,
                                int                  crayon,
                                int                  size_index,
                                const SkHousesPoint *points,
                                guint                n_points,
                                double               x,
                                double               y,
                                double               size);
/* The outline (SVG art) over it all. */
void     sk_houses_draw_outline (cairo_t            *cr,
                                 SkHouseKind         kind,
                                 double              x,
                                 double              y,
                                 double              size,
                                 gboolean            vector);
/* All of it: paper, @strokes (SkHouseStroke) clipped to the area, the
 * outline. */
void     sk_houses_draw_house  (cairo_t             *cr,
                                SkHouseKind          kind,
                                GListModel          *strokes,
                                double               x,
                                double               y,
                                double               size,
                                gboolean             vector);

G_END_DECLS
