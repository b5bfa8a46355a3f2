/* sk-last-time.c — closing the loop (Lundy: Influence) in the store, the
 * summary, the journal and the child's choices
 *
 * A conversation that has one before it opens with last time's agreements
 * and what was to happen next; the caseworker writes "What happened with
 * what you said last time" and goes through it with the child, who decides
 * whether the parents may see it.
 */
#include "config.h"

#include "sk-format.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 4,
    "ALTER TABLE conversations ADD COLUMN feedback TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE conversations ADD COLUMN feedback_shared INTEGER NOT NULL DEFAULT 0;" },
  { 0, NULL }
};

static gboolean
last_time_summary (SkSummary       *summary,
                   SkStore         *store,
                   SkConversation  *conversation,
                   GError         **error)
{
  if (sk_record_get_boolean (SK_RECORD (conversation), "feedback-shared"))
    /* Translators: heading in the parents' summary; %s is the child's name */
    sk_summary_add_section (summary, g_strdup_printf (_("What happened with what %s said last time"),
                                                      summary->child_name),
                            sk_conversation_get_text (conversation, "feedback"));
  return TRUE;
}

static gboolean
last_time_journal (GString         *out,
                   SkStore         *store,
                   SkConversation  *conversation,
                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SkConversation) previous = sk_conversation_previous (conversation, store, NULL, &local_error);
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *then_date = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *feedback = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (previous == NULL)
    return TRUE;

  then = sk_conversation_dup_local_time (previous);
  then_date = sk_format_date (then);
  /* Translators: heading in the journal note; %s is a date */
  heading = g_strdup_printf (_("Last time, %s"), then_date);
  g_string_append_printf (out, "== %s ==\n", heading);
  sk_journal_add_field (out, _("What we agreed"), sk_conversation_get_text (previous, "agreements"));
  /* Translators: in the journal note, under last time */
  sk_journal_add_field (out, _("Next steps (agreed last time)"), sk_conversation_get_text (previous, "next-steps"));
  feedback = g_strdup_printf ("%s (%s)", _("What happened with what the child said last time"),
                              sk_journal_shared_mark (sk_record_get_boolean (SK_RECORD (conversation), "feedback-shared")));
  sk_journal_add_field (out, feedback, sk_conversation_get_text (conversation, "feedback"));
  return TRUE;
}

static gboolean
last_time_choices (GPtrArray       *items,
                   SkStore         *store,
                   SkConversation  *conversation,
                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SkConversation) previous = sk_conversation_previous (conversation, store, NULL, &local_error);
  g_autofree char *feedback = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  feedback = sk_summary_first_words (sk_conversation_get_text (conversation, "feedback"));
  if (previous != NULL && *feedback != '\0')
    sk_summary_add_choice (items, _("Last time"), g_strdup (_("What happened with what you said last time")),
                           g_steal_pointer (&feedback), SK_RECORD (conversation), "feedback-shared", -1);
  return TRUE;
}

const SkToolModule sk_last_time_module = {
  .id = "last-time",
  .title = N_("Last time"),
  .icon = "document-open-recent-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_FIRST,
  /* A baby is observed, not asked: the observation tool is for that. */
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .summary = last_time_summary,
  .journal = last_time_journal,
  .choices = last_time_choices,
};
