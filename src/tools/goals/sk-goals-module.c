/* sk-goals-module.c — the child's goals in the store, on the parents'
 * paper (each goal the child shares, with its progress line), in the
 * journal note, and among the child's choices */
#include "config.h"

#include "sk-goals.h"
#include "sk-format.h"
#include "sk-summary.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 12,
    "CREATE TABLE goals ("
    "  id INTEGER PRIMARY KEY,"
    "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  child_words TEXT NOT NULL DEFAULT '',"
    "  formulation TEXT NOT NULL DEFAULT '',"
    "  set_at INTEGER NOT NULL DEFAULT 0,"
    "  conversation_id INTEGER NOT NULL DEFAULT 0,"
    "  source TEXT NOT NULL DEFAULT 'child',"
    "  state TEXT NOT NULL DEFAULT 'open',"
    "  reason TEXT NOT NULL DEFAULT '',"
    "  closed_at INTEGER NOT NULL DEFAULT 0,"
    "  replaces INTEGER NOT NULL DEFAULT 0,"
    "  shared INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX goals_by_child ON goals (child_id, position);"
    "CREATE INDEX goals_trashed ON goals (id) WHERE trashed = 1;"
    "CREATE TABLE goal_steps ("
    "  id INTEGER PRIMARY KEY,"
    "  goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  rung INTEGER NOT NULL DEFAULT -1,"
    "  words TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE UNIQUE INDEX goal_steps_by_goal ON goal_steps (goal_id, conversation_id);"
    "CREATE INDEX goal_steps_trashed ON goal_steps (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "goal_steps", "goals", NULL };

/* The goals this conversation is about: set by then, and not closed
 * before it began. */
static gboolean
belongs (SkGoal         *goal,
         SkConversation *conversation)
{
  gint64 start = sk_conversation_get_started_at (conversation);
  gint64 closed = sk_record_get_int64 (SK_RECORD (goal), "closed-at");

  return sk_record_get_int64 (SK_RECORD (goal), "set-at") <= start + 86400 &&
         (sk_goal_is_open (goal) || closed >= start);
}

static SkGoals *
load_for (SkStore         *store,
          SkConversation  *conversation,
          GError         **error)
{
  return sk_goals_load (store, sk_conversation_get_child_id (conversation), error);
}

static gboolean
goals_summary (SkSummary       *summary,
               SkStore         *store,
               SkConversation  *conversation,
               GError         **error)
{
  g_autoptr(SkGoals) goals = load_for (store, conversation, error);
  gboolean headed = FALSE;

  if (goals == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals->goals)); i++)
    {
      g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);
      g_autofree char *words = sk_summary_trim (sk_record_get_string (SK_RECORD (goal), "child-words"));
      g_autofree char *formulation = sk_summary_trim (sk_record_get_string (SK_RECORD (goal), "formulation"));
      g_autofree char *reason = sk_summary_trim (sk_record_get_string (SK_RECORD (goal), "reason"));
      GString *text;
      SkSummaryBlock *block;
      GArray *points;

      /* Only a goal the child chose to show. */
      if (!sk_record_get_boolean (SK_RECORD (goal), "shared") || !belongs (goal, conversation) ||
          (*words == '\0' && *formulation == '\0'))
        continue;
      points = sk_goals_progress (goals, store, goal, error);
      if (points == NULL)
        return FALSE;
      if (!headed)
        {
          g_autofree char *possessive = sk_format_possessive (summary->child_name);

          /* Translators: heading in the parents' summary; %s is the child's
           * name made possessive: "Lukas’ mål" */
          sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("%s goals"), possessive));
          headed = TRUE;
        }
      text = g_string_new (NULL);
      if (*words != '\0')
        /* Translators: the child's own words, quoted, on the parents' paper */
        g_string_append_printf (text, C_("quotation", "“%s”"), words);
      if (*formulation != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " — " : "", formulation);
      g_string_append_printf (text, " (%s", _(sk_goal_state_label (sk_goal_get_state (goal))));
      if (!sk_goal_is_open (goal) && *reason != '\0')
        g_string_append_printf (text, ": %s", reason);
      g_string_append (text, ")");
      block = sk_summary_add_block (summary, SK_SUMMARY_PICTURE, g_string_free (text, FALSE));
      block->picture = "goals";
      block->data = points;
    }
  return TRUE;
}

static gboolean
goals_journal (GString         *out,
               SkStore         *store,
               SkConversation  *conversation,
               GError         **error)
{
  g_autoptr(SkGoals) goals = load_for (store, conversation, error);
  gboolean headed = FALSE;

  if (goals == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals->goals)); i++)
    {
      g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);
      SkRecord *record = SK_RECORD (goal);
      g_autofree char *words = sk_summary_trim (sk_record_get_string (record, "child-words"));
      g_autofree char *formulation = sk_summary_trim (sk_record_get_string (record, "formulation"));
      g_autofree char *reason = sk_summary_trim (sk_record_get_string (record, "reason"));
      g_autoptr(SkGoalStep) step = NULL;

      if (!belongs (goal, conversation) || (*words == '\0' && *formulation == '\0'))
        continue;
      if (!headed)
        g_string_append_printf (out, "== %s ==\n", _("Goals for the Child’s Plan"));
      headed = TRUE;
      g_string_append_printf (out, "%s %s (%s, %s)\n", sk_journal_shared_mark (sk_record_get_boolean (record, "shared")),
                              *words != '\0' ? words : "–", _(sk_goal_state_label (sk_goal_get_state (goal))),
                              _(sk_goal_source_label (sk_goal_get_source (goal))));
      if (*formulation != '\0')
        g_string_append_printf (out, "  %s %s\n", _("Our formulation:"), formulation);
      if (!sk_goal_is_open (goal) && *reason != '\0')
        /* Translators: in the journal note: why a goal was closed, as told to the child */
        g_string_append_printf (out, "  %s %s\n", _("Told to the child:"), reason);
      step = sk_goals_step (goals, store, goal, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
      if (step != NULL)
        {
          g_autofree char *said = sk_summary_trim (sk_record_get_string (SK_RECORD (step), "words"));

          if (sk_goal_step_get_rung (step) != SK_GOAL_NO_RUNG)
            /* Translators: in the journal note: 1$ the rung chosen today, 2$ the top */
            g_string_append_printf (out, "  %s %d/%d\n", _("How far are we?"), sk_goal_step_get_rung (step), SK_GOAL_TOP_RUNG);
          if (*said != '\0')
            g_string_append_printf (out, "  %s\n", said);
        }
    }
  if (headed)
    g_string_append (out, "\n");
  return TRUE;
}

static gboolean
goals_choices (GPtrArray       *items,
               SkStore         *store,
               SkConversation  *conversation,
               GError         **error)
{
  g_autoptr(SkGoals) goals = load_for (store, conversation, error);

  if (goals == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals->goals)); i++)
    {
      g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);
      g_autofree char *words = sk_summary_trim (sk_record_get_string (SK_RECORD (goal), "child-words"));
      g_autofree char *formulation = sk_summary_trim (sk_record_get_string (SK_RECORD (goal), "formulation"));

      if (!belongs (goal, conversation) || (*words == '\0' && *formulation == '\0'))
        continue;
      sk_summary_add_choice (items, _("My Goals"), sk_summary_first_words (*words != '\0' ? words : formulation),
                             g_strdup (_(sk_goal_state_label (sk_goal_get_state (goal)))),
                             SK_RECORD (goal), "shared", -1);
    }
  return TRUE;
}

const SkToolModule sk_goals_module = {
  .id = "goals",
  /* Translators: the tool of the child's goals (Barnets Lov § 92) */
  .title = N_("My Goals"),
  .icon = "emblem-default-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .summary = goals_summary,
  .journal = goals_journal,
  .choices = goals_choices,
};
