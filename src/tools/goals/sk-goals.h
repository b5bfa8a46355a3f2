/* sk-goals.h — goals for the child's plan, in the child's words
 *
 * Per child, not per conversation (Barnets Lov § 92): each goal has the
 * child's words ("What would you like to be different?"), the caseworker's
 * formulation beside them, the date it was set and where it comes from.
 * Every next conversation follows it up: "How far are we?" on a ladder of
 * 0–10, with words.  A goal is reached, changed (a new goal takes its
 * place) or dropped, with a reason told to the child.
 */
#pragma once

#include "sk-conversation.h"
#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_GOAL_FROM_CHILD,
  SK_GOAL_FROM_PARENTS,
  SK_GOAL_FROM_CASEWORKER,
  SK_GOAL_N_SOURCES
} SkGoalSource;

typedef enum
{
  SK_GOAL_OPEN,
  SK_GOAL_REACHED,
  SK_GOAL_CHANGED,
  SK_GOAL_DROPPED,
  SK_GOAL_N_STATES
} SkGoalState;

#define SK_GOAL_TOP_RUNG 10
#define SK_GOAL_NO_RUNG  (-1)

/* Stored keys, and N_() words. */
const char  *sk_goal_source_key   (SkGoalSource source);
const char  *sk_goal_source_label (SkGoalSource source);
SkGoalSource sk_goal_source_from_key (const char *key);
const char  *sk_goal_state_key    (SkGoalState state);
const char  *sk_goal_state_label  (SkGoalState state);
SkGoalState  sk_goal_state_from_key (const char *key);

#define SK_TYPE_GOAL (sk_goal_get_type ())
G_DECLARE_FINAL_TYPE (SkGoal, sk_goal, SK, GOAL, SkRecord)

SkGoalSource sk_goal_get_source (SkGoal *self);
SkGoalState  sk_goal_get_state  (SkGoal *self);
gboolean     sk_goal_is_open    (SkGoal *self);
/* Closes it as reached or dropped (SK_GOAL_CHANGED: sk_goals_change()). */
void         sk_goal_close      (SkGoal      *self,
                                 SkGoalState  state,
                                 const char  *reason);

#define SK_TYPE_GOAL_STEP (sk_goal_step_get_type ())
G_DECLARE_FINAL_TYPE (SkGoalStep, sk_goal_step, SK, GOAL_STEP, SkRecord)

/* 0–10, or SK_GOAL_NO_RUNG. */
int          sk_goal_step_get_rung (SkGoalStep *self);

/* One point of a goal's progress line. */
typedef struct
{
  gint64 at;      /* the conversation's start */
  int    rung;    /* 0–10 */
} SkGoalPoint;

typedef struct
{
  gint64      child_id;
  GListStore *goals;   /* SkGoal, every one, in their order */
  GHashTable *steps;   /* goal id (gint64 *) → GListStore of SkGoalStep, oldest conversation first */
} SkGoals;

SkGoals    *sk_goals_load   (SkStore     *store,
                             gint64       child_id,
                             GError     **error);
void        sk_goals_free   (SkGoals     *goals);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkGoals, sk_goals_free)

/* A new open goal, set at @conversation, stored. */
SkGoal     *sk_goals_add    (SkGoals        *goals,
                             SkStore        *store,
                             SkConversation *conversation,
                             SkGoalSource    source,
                             GError        **error);
/* Closes @goal as changed, with @reason, and adds the goal that takes its
 * place: the same words, to be worded anew.  Returns the new goal. */
SkGoal     *sk_goals_change (SkGoals        *goals,
                             SkStore        *store,
                             SkGoal         *goal,
                             SkConversation *conversation,
                             const char     *reason,
                             GError        **error);
/* The follow-up of @goal at @conversation; made when @create. */
SkGoalStep *sk_goals_step   (SkGoals        *goals,
                             SkStore        *store,
                             SkGoal         *goal,
                             gint64          conversation_id,
                             gboolean        create,
                             GError        **error);
/* Where the goal stood at each conversation that answered "How far are
 * we?" (SkGoalPoint), oldest first. */
GArray     *sk_goals_progress (SkGoals     *goals,
                               SkStore     *store,
                               SkGoal      *goal,
                               GError     **error);

/* "Goals for the child's plan", as plain text for the case system: every
 * goal, open ones first, with its follow-ups. */
char       *sk_goals_plain_text (SkGoals    *goals,
                                 SkStore    *store,
                                 const char *child_name,
                                 GError    **error);

G_END_DECLS
