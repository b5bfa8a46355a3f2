/* sk-evaluation-module.c — the child's evaluation in the store and the
 * journal.  It is the child's word to the caseworker about the meeting:
 * never on the parents' paper, so there is nothing to choose. */
#include "config.h"

#include "sk-evaluation.h"
#include "sk-summary.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 11,
    "CREATE TABLE child_evaluations ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  space INTEGER NOT NULL DEFAULT 0,"
    "  voice INTEGER NOT NULL DEFAULT 0,"
    "  audience INTEGER NOT NULL DEFAULT 0,"
    "  influence INTEGER NOT NULL DEFAULT 0,"
    "  words TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX child_evaluations_by_conversation ON child_evaluations (conversation_id);"
    "CREATE INDEX child_evaluations_trashed ON child_evaluations (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "child_evaluations", NULL };

static gboolean
evaluation_journal (GString         *out,
                    SkStore         *store,
                    SkConversation  *conversation,
                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SkEvaluation) evaluation = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (conversation)),
                                                           FALSE, &local_error);
  const SkEvaluationQuestion *questions = sk_evaluation_questions ();
  g_autofree char *words = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Only what the child answered: an empty question reads as "no". */
  if (evaluation == NULL || !sk_evaluation_is_started (evaluation))
    return TRUE;
  g_string_append_printf (out, "== %s ==\n", _("How Was It?"));
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    {
      SkEvaluationAnswer answer = sk_evaluation_get_answer (evaluation, q);

      if (answer != SK_EVALUATION_UNANSWERED)
        g_string_append_printf (out, "%s %s\n", _(questions[q].question), _(sk_evaluation_answer_label (answer)));
    }
  words = sk_summary_trim (sk_record_get_string (SK_RECORD (evaluation), "words"));
  if (*words != '\0')
    g_string_append_printf (out, "%s\n  %s\n", _("Something else you want to tell me?"), words);
  g_string_append (out, "\n");
  return TRUE;
}

const SkToolModule sk_evaluation_module = {
  .id = "evaluation",
  /* Translators: the tool where the child evaluates the meeting */
  .title = N_("How Was It?"),
  .icon = "face-smile-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .journal = evaluation_journal,
};
