/* sk-evaluation.h — the child's own evaluation of the meeting
 *
 * Four short questions, one per Lundy step (Space, Voice, Audience,
 * Influence), each answered with one of three faces, and "Something else
 * you want to tell me?".  One record per conversation.  Across all
 * children, an overview per month: counts only, never a name, a case
 * number or a child's words.
 */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_EVALUATION_N_QUESTIONS 4

typedef enum
{
  SK_EVALUATION_UNANSWERED = 0,
  SK_EVALUATION_YES        = 1,
  SK_EVALUATION_A_LITTLE   = 2,
  SK_EVALUATION_NO         = 3,
} SkEvaluationAnswer;

#define SK_EVALUATION_N_ANSWERS 3

typedef struct
{
  const char *key;        /* the column; also the Lundy step's key */
  const char *question;   /* N_(): said to the child */
  const char *short_name; /* N_(): "Safe" — the overview's and the CSV's */
} SkEvaluationQuestion;

const SkEvaluationQuestion *sk_evaluation_questions (void);
/* N_() words and picture for an answer (1–3). */
const char *sk_evaluation_answer_label (SkEvaluationAnswer answer);
const char *sk_evaluation_answer_art   (SkEvaluationAnswer answer);

#define SK_TYPE_EVALUATION (sk_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (SkEvaluation, sk_evaluation, SK, EVALUATION, SkRecord)

/* The conversation's evaluation; made (and stored) when @create and there
 * is none yet.  NULL with no error: none, and not @create. */
SkEvaluation      *sk_evaluation_load        (SkStore       *store,
                                              gint64         conversation_id,
                                              gboolean       create,
                                              GError       **error);
SkEvaluationAnswer sk_evaluation_get_answer  (SkEvaluation  *self,
                                              guint          question);
void               sk_evaluation_set_answer  (SkEvaluation  *self,
                                              guint          question,
                                              SkEvaluationAnswer answer);
/* An answer given or words written. */
gboolean           sk_evaluation_is_started  (SkEvaluation  *self);

/* One conversation of a child, for the row of faces over time. */
typedef struct
{
  gint64  conversation_id;
  gint64  started_at;
  guint8  answers[SK_EVALUATION_N_QUESTIONS];
  /* The caseworker's own evaluation: bit q set when Lundy step q was
   * evaluated afterwards. */
  guint   evaluated_by_caseworker;
} SkEvaluationVisit;

/* Every conversation of the child, oldest first (SkEvaluationVisit). */
GArray *sk_evaluation_history (SkStore  *store,
                               gint64    child_id,
                               GError  **error);

/* One month across all children. */
typedef struct
{
  int    year;
  int    month;                 /* 1–12 */
  guint  conversations;
  guint  evaluated;             /* with at least one answer */
  guint  counts[SK_EVALUATION_N_QUESTIONS][SK_EVALUATION_N_ANSWERS];
} SkEvaluationMonth;

/* Every month with a conversation, newest first (SkEvaluationMonth), in
 * local time. */
GArray *sk_evaluation_overview     (SkStore  *store,
                                    GError  **error);
/* The overview as CSV (RFC 4180, CRLF), headings in the reader's
 * language: numbers and months only. */
char   *sk_evaluation_overview_csv (GArray   *months);

G_END_DECLS
