/* sk-goals-draw.h — a goal's progress line: where the child put it on
 * the ladder (0–10) at each conversation, on screen and on paper alike */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* @points: SkGoalPoint, oldest first; drawn in the rectangle, with a faint
 * rung for each step and the dates of the first and the last point. */
void sk_goals_draw_progress (cairo_t *cr,
                             GArray  *points,
                             double   x,
                             double   y,
                             double   width,
                             double   height);

G_END_DECLS
