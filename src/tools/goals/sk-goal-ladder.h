/* sk-goal-ladder.h — "How far are we?": a ladder of 0–10 for a child's
 * finger, mouse or keys */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_GOAL_LADDER (sk_goal_ladder_get_type ())
G_DECLARE_FINAL_TYPE (SkGoalLadder, sk_goal_ladder, SK, GOAL_LADDER, GtkWidget)

GtkWidget *sk_goal_ladder_new      (void);
/* 0–10, or -1: not chosen ("rung" property) */
int        sk_goal_ladder_get_rung (SkGoalLadder *self);
void       sk_goal_ladder_set_rung (SkGoalLadder *self,
                                    int           rung);
/* Where rung @rung is, in the widget (for the tests: a person's click). */
void       sk_goal_ladder_rung_point (SkGoalLadder *self,
                                      int           rung,
                                      double       *x,
                                      double       *y);

G_END_DECLS
