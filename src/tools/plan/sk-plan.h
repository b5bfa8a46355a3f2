/* sk-plan.h — a visual plan of the conversation, for picture mode
 *
 * Today's steps as pictures, in the order the caseworker arranged them
 * while preparing: the child sees where we are (the first step not yet
 * done), what is done (ticked) and what comes.  From visual schedules in
 * autism practice: fewer surprises, less to hold in mind.
 */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;     /* stored; never translated */
  const char *label;   /* N_(): "Hello" */
  const char *art;
} SkPlanStepKind;

const SkPlanStepKind *sk_plan_kinds      (guint      *n_kinds);
const SkPlanStepKind *sk_plan_kind       (const char *key);

#define SK_TYPE_PLAN_STEP (sk_plan_step_get_type ())
G_DECLARE_FINAL_TYPE (SkPlanStep, sk_plan_step, SK, PLAN_STEP, SkRecord)

const SkPlanStepKind *sk_plan_step_get_kind (SkPlanStep *self);
gboolean              sk_plan_step_get_done (SkPlanStep *self);

/* The conversation's steps in order; the five of every kind made the
 * first time when @create, in one transaction. */
GListStore  *sk_plan_steps       (SkStore     *store,
                                  gint64       conversation_id,
                                  gboolean     create,
                                  GError     **error);
/* The step the conversation is at: the first not done (-1: all done). */
int          sk_plan_current     (GListModel  *steps);
/* A touch on step @index: the current one is done; a done one, and those
 * after it, not done again (going back).  In one transaction. */
gboolean     sk_plan_touch       (SkStore     *store,
                                  GListModel  *steps,
                                  guint        index,
                                  GError     **error);
/* Moves the step at @from to @to (the caseworker's order). */
gboolean     sk_plan_move        (SkStore     *store,
                                  GListStore  *steps,
                                  guint        from,
                                  guint        to,
                                  GError     **error);
/* Takes a step of @kind in or out of today's plan (in: at the end). */
gboolean     sk_plan_set_included (SkStore    *store,
                                   GListStore *steps,
                                   gint64      conversation_id,
                                   const char *kind,
                                   gboolean    included,
                                   GError    **error);

G_END_DECLS
