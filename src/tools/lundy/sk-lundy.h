/* sk-lundy.h — the Lundy steps: Space, Voice, Audience, Influence
 *
 * Laura Lundy's model of a child's participation, as the caseworker
 * prepares a conversation (before), holds it with the child, and
 * evaluates it (after).  The steps and their questions live in one table
 * here; the caseworker's answers are records.
 */
#pragma once

#include "sk-conversation.h"
#include "sk-word.h"
#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_LUNDY_BEFORE,
  SK_LUNDY_AFTER,
} SkLundyPhase;

#define SK_LUNDY_N_STEPS  4
#define SK_LUNDY_N_PHASES 2

typedef struct
{
  const char   *key;          /* stored; never translated */
  const char   *name;         /* N_(): "Space" */
  const char   *meaning;      /* N_(): what the step asks of us */
  const char   *child_line;   /* N_(): said to the child, shown large */
  const char   *art;          /* picture name, e.g. "lundy-space" */
  guint32       colour;       /* 0xRRGGBB */
  const SkWord *questions[SK_LUNDY_N_PHASES];
  guint         n_questions[SK_LUNDY_N_PHASES];
} SkLundyStep;

const SkLundyStep *sk_lundy_steps (guint      *n_steps);
const SkLundyStep *sk_lundy_step  (const char *key);
/* "Before" or "After", in the reader's language. */
const char        *sk_lundy_phase_label (SkLundyPhase phase);

#define SK_TYPE_LUNDY_ANSWER (sk_lundy_answer_get_type ())
G_DECLARE_FINAL_TYPE (SkLundyAnswer, sk_lundy_answer, SK, LUNDY_ANSWER, SkRecord)

const SkLundyStep *sk_lundy_answer_get_step    (SkLundyAnswer *self);
SkLundyPhase       sk_lundy_answer_get_phase   (SkLundyAnswer *self);
gboolean           sk_lundy_answer_is_checked  (SkLundyAnswer *self,
                                                const char    *question);
void               sk_lundy_answer_toggle      (SkLundyAnswer *self,
                                                const char    *question);
/* Something checked or written. */
gboolean           sk_lundy_answer_is_started  (SkLundyAnswer *self);

/* The conversation's answers, one per step and phase, in the table's
 * order (all of one step's before, then after); made the first time when
 * @create, in one transaction. */
GListStore    *sk_lundy_answers      (SkStore       *store,
                                      gint64         conversation_id,
                                      gboolean       create,
                                      GError       **error);
SkLundyAnswer *sk_lundy_answers_find (GListModel    *answers,
                                      const char    *step,
                                      SkLundyPhase   phase);

/* Progress at a glance: bit (step index × 2 + phase) is set when that
 * step was prepared (before) or evaluated (after).  For every conversation
 * of a child at once: conversation id → mask (GUINT_TO_POINTER). */
guint        sk_lundy_progress_mask  (GListModel    *answers);
GHashTable  *sk_lundy_progress_for_child (SkStore   *store,
                                          gint64     child_id,
                                          GError   **error);
/* "Space: prepared, evaluated; Voice: prepared; …" for a screen reader. */
char        *sk_lundy_progress_describe (guint       mask);

G_END_DECLS
