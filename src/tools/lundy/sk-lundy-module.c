/* sk-lundy-module.c — the Lundy model in the store and the journal: the
 * caseworker's preparation and evaluation, never on the parents' paper and
 * never the child's to choose */
#include "config.h"

#include "sk-lundy.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 4,
    "CREATE TABLE lundy_answers ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL DEFAULT '',"
    "  phase INTEGER NOT NULL DEFAULT 0,"
    "  checked TEXT NOT NULL DEFAULT '',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX lundy_answers_by_conversation ON lundy_answers (conversation_id, step, phase);"
    "CREATE INDEX lundy_answers_trashed ON lundy_answers (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "lundy_answers", NULL };

static gboolean
lundy_journal (GString         *out,
               SkStore         *store,
               SkConversation  *conversation,
               GError         **error)
{
  g_autoptr(GListStore) answers = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
  guint n_steps;
  const SkLundyStep *steps = sk_lundy_steps (&n_steps);
  gboolean heading = FALSE;

  if (answers == NULL)
    return FALSE;
  /* Only what was answered: in a case file an empty box reads as "no". */
  for (guint s = 0; s < n_steps; s++)
    for (int phase = SK_LUNDY_BEFORE; phase <= SK_LUNDY_AFTER; phase++)
      {
        SkLundyAnswer *answer = sk_lundy_answers_find (G_LIST_MODEL (answers), steps[s].key, phase);
        g_autofree char *note = sk_summary_trim (answer != NULL ? sk_record_get_string (SK_RECORD (answer), "note") : NULL);
        gboolean any = *note != '\0';

        for (guint q = 0; answer != NULL && q < steps[s].n_questions[phase]; q++)
          any |= sk_lundy_answer_is_checked (answer, steps[s].questions[phase][q].key);
        if (!any)
          continue;
        if (!heading)
          g_string_append_printf (out, "== %s ==\n", _("The Lundy Model"));
        heading = TRUE;
        g_string_append_printf (out, "%s, %s:\n", _(steps[s].name), sk_lundy_phase_label (phase));
        for (guint q = 0; answer != NULL && q < steps[s].n_questions[phase]; q++)
          if (sk_lundy_answer_is_checked (answer, steps[s].questions[phase][q].key))
            g_string_append_printf (out, "  - %s\n", _(steps[s].questions[phase][q].label));
        if (*note != '\0')
          /* Translators: in the journal note, before the caseworker's note on a Lundy step */
          g_string_append_printf (out, "  %s %s\n", _("Note:"), note);
      }
  if (heading)
    g_string_append (out, "\n");
  return TRUE;
}

const SkToolModule sk_lundy_module = {
  .id = "lundy",
  .title = N_("The Lundy Model"),
  .icon = "view-list-bullet-symbolic",
  .audiences = SK_TOOL_CASEWORKER,
  .place = SK_TOOL_AMONG,
  /* A baby is observed, not asked: the observation tool is for that. */
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .journal = lundy_journal,
};
