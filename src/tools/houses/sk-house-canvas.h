/* sk-house-canvas.h — one house to draw in, by finger, pen or mouse */
#pragma once

#include <gtk/gtk.h>

#include "sk-houses.h"

G_BEGIN_DECLS

#define SK_TYPE_HOUSE_CANVAS (sk_house_canvas_get_type ())
G_DECLARE_FINAL_TYPE (SkHouseCanvas, sk_house_canvas, SK, HOUSE_CANVAS, GtkWidget)

GtkWidget  *sk_house_canvas_new         (gboolean       editable);
void        sk_house_canvas_set_house   (SkHouseCanvas *self,
                                         SkHouseKind    kind,
                                         GListModel    *strokes);
SkHouseKind sk_house_canvas_get_kind    (SkHouseCanvas *self);
void        sk_house_canvas_set_crayon  (SkHouseCanvas *self,
                                         int            crayon);
void        sk_house_canvas_set_size    (SkHouseCanvas *self,
                                         int            size);
/* Where the house is drawn in the widget (a square). */
void        sk_house_canvas_get_square  (SkHouseCanvas *self,
                                         double        *x,
                                         double        *y,
                                         double        *size);
/* For the benchmark: a stroke being drawn, point by point, in the
 * widget's coordinates, as the gestures do it. */
void        sk_house_canvas_begin       (SkHouseCanvas *self,
                                         double         x,
                                         double         y,
                                         double         pressure);
void        sk_house_canvas_extend      (SkHouseCanvas *self,
                                         double         x,
                                         double         y,
                                         double         pressure);

G_END_DECLS
