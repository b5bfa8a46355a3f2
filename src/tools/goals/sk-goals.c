/* sk-goals.c — the child's goals: the records, their follow-ups, the
 * progress line's points and the plain text for the case system */
#include "config.h"

#include "sk-goals.h"
#include "sk-word.h"
#include "sk-format.h"
#include "sk-store-private.h"
#include "sk-summary.h"

#include <glib/gi18n-lib.h>

static const SkWord sources[SK_GOAL_N_SOURCES] = {
  /* Translators: where a goal comes from */
  { "child", N_("The child") }, { "parents", N_("The parents") }, { "caseworker", N_("The caseworker") },
};
static const SkWord states[SK_GOAL_N_STATES] = {
  /* Translators: a goal still being worked on */
  { "open", N_("Working on it") },
  /* Translators: a goal's end */
  { "reached", N_("Reached") }, { "changed", N_("Changed") }, { "dropped", N_("Dropped") },
};

/* The index of @key among @words; @otherwise for one not known (from a
 * newer program: nothing lost, nothing guessed). */
static guint
word_index (const SkWord *words,
            guint         n,
            const char   *key,
            guint         otherwise)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (key, words[i].key) == 0)
      return i;
  return otherwise;
}

const char *
sk_goal_source_key (SkGoalSource source)
{
  g_return_val_if_fail (source < SK_GOAL_N_SOURCES, NULL);
  return sources[source].key;
}

const char *
sk_goal_source_label (SkGoalSource source)
{
  g_return_val_if_fail (source < SK_GOAL_N_SOURCES, NULL);
  return sources[source].label;
}

SkGoalSource
sk_goal_source_from_key (const char *key)
{
  return word_index (sources, SK_GOAL_N_SOURCES, key, SK_GOAL_FROM_CHILD);
}

const char *
sk_goal_state_key (SkGoalState state)
{
  g_return_val_if_fail (state < SK_GOAL_N_STATES, NULL);
  return states[state].key;
}

const char *
sk_goal_state_label (SkGoalState state)
{
  g_return_val_if_fail (state < SK_GOAL_N_STATES, NULL);
  return states[state].label;
}

SkGoalState
sk_goal_state_from_key (const char *key)
{
  /* A state from a newer program: still open here. */
  return word_index (states, SK_GOAL_N_STATES, key, SK_GOAL_OPEN);
}

/* The records */

struct _SkGoal
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkGoal, sk_goal, SK_TYPE_RECORD)

static void
sk_goal_class_init (SkGoalClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* "What would you like to be different?", in the child's words */
    g_param_spec_string ("child-words", NULL, NULL, "", flags),
    /* The caseworker's: concrete, to follow up */
    g_param_spec_string ("formulation", NULL, NULL, "", flags),
    /* When it was set (Unix time), and at which conversation */
    g_param_spec_int64 ("set-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    sk_record_choice (g_param_spec_string ("source", NULL, NULL, "child", flags)),
    sk_record_choice (g_param_spec_string ("state", NULL, NULL, "open", flags)),
    /* Why it was reached, changed or dropped, as told to the child */
    g_param_spec_string ("reason", NULL, NULL, "", flags),
    g_param_spec_int64 ("closed-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* The goal a changed one became, or 0 */
    g_param_spec_int64 ("replaces", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* The child's choice: the parents may see it. */
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "goals";
  record_class->order_by = "position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_goal_init (SkGoal *self)
{
}

SkGoalSource
sk_goal_get_source (SkGoal *self)
{
  return sk_goal_source_from_key (sk_record_get_string (SK_RECORD (self), "source"));
}

SkGoalState
sk_goal_get_state (SkGoal *self)
{
  return sk_goal_state_from_key (sk_record_get_string (SK_RECORD (self), "state"));
}

gboolean
sk_goal_is_open (SkGoal *self)
{
  return sk_goal_get_state (self) == SK_GOAL_OPEN;
}

void
sk_goal_close (SkGoal      *self,
               SkGoalState  state,
               const char  *reason)
{
  g_return_if_fail (SK_IS_GOAL (self));
  g_return_if_fail (state > SK_GOAL_OPEN && state < SK_GOAL_N_STATES);

  g_object_set (self, "reason", reason != NULL ? reason : "", "closed-at", g_get_real_time () / G_USEC_PER_SEC,
                "state", states[state].key, NULL);
}

struct _SkGoalStep
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkGoalStep, sk_goal_step, SK_TYPE_RECORD)

static void
sk_goal_step_class_init (SkGoalStepClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* "How far are we?": 0–10, or -1 not answered */
    g_param_spec_int ("rung", NULL, NULL, SK_GOAL_NO_RUNG, SK_GOAL_TOP_RUNG, SK_GOAL_NO_RUNG, flags),
    g_param_spec_string ("words", NULL, NULL, "", flags),
    NULL
  };

  record_class->table = "goal_steps";
  /* By the conversations' time, not the order they were typed in. */
  record_class->order_by = "(SELECT conversations.started_at FROM conversations"
                           " WHERE conversations.id = conversation_id), id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_goal_step_init (SkGoalStep *self)
{
}

int
sk_goal_step_get_rung (SkGoalStep *self)
{
  return sk_record_get_int (SK_RECORD (self), "rung");
}

/* The child's goals */

SkGoals *
sk_goals_load (SkStore  *store,
               gint64    child_id,
               GError  **error)
{
  g_autoptr(SkGoals) goals = g_new0 (SkGoals, 1);

  goals->child_id = child_id;
  goals->steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  goals->goals = sk_store_list (store, SK_TYPE_GOAL, "child_id", child_id, error);
  if (goals->goals == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals->goals)); i++)
    {
      g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);
      gint64 id = sk_record_get_id (SK_RECORD (goal));
      GListStore *steps = sk_store_list (store, SK_TYPE_GOAL_STEP, "goal_id", id, error);

      if (steps == NULL)
        return NULL;
      g_hash_table_insert (goals->steps, g_memdup2 (&id, sizeof id), steps);
    }
  return g_steal_pointer (&goals);
}

void
sk_goals_free (SkGoals *goals)
{
  if (goals == NULL)
    return;
  g_clear_object (&goals->goals);
  g_clear_pointer (&goals->steps, g_hash_table_unref);
  g_free (goals);
}

static GListStore *
steps_of (SkGoals *goals,
          SkGoal  *goal)
{
  gint64 id = sk_record_get_id (SK_RECORD (goal));
  GListStore *steps = g_hash_table_lookup (goals->steps, &id);

  if (steps == NULL)
    {
      steps = g_list_store_new (SK_TYPE_GOAL_STEP);
      g_hash_table_insert (goals->steps, g_memdup2 (&id, sizeof id), steps);
    }
  return steps;
}

static SkGoal *
add_goal (SkGoals        *goals,
          SkStore        *store,
          SkConversation *conversation,
          SkGoalSource    source,
          const char     *child_words,
          const char     *formulation,
          gint64          replaces,
          gboolean        shared,
          GError        **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (goals->goals));
  int position = 0;
  g_autoptr(SkGoal) goal = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkGoal) other = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);

      position = MAX (position, sk_record_get_int (SK_RECORD (other), "position") + 1);
    }
  goal = g_object_new (SK_TYPE_GOAL,
                       "child-id", goals->child_id,
                       "position", position,
                       "child-words", child_words,
                       "formulation", formulation,
                       "set-at", conversation != NULL ? sk_conversation_get_started_at (conversation)
                                                      : g_get_real_time () / G_USEC_PER_SEC,
                       "conversation-id", conversation != NULL ? sk_record_get_id (SK_RECORD (conversation)) : 0,
                       "source", sources[source].key,
                       "replaces", replaces,
                       "shared", shared,
                       NULL);
  if (!sk_store_insert (store, goal, error))
    return NULL;
  g_list_store_append (goals->goals, goal);
  steps_of (goals, goal);
  return goal;
}

SkGoal *
sk_goals_add (SkGoals        *goals,
              SkStore        *store,
              SkConversation *conversation,
              SkGoalSource    source,
              GError        **error)
{
  g_return_val_if_fail (goals != NULL, NULL);
  g_return_val_if_fail (source < SK_GOAL_N_SOURCES, NULL);

  return add_goal (goals, store, conversation, source, "", "", 0, FALSE, error);
}

SkGoal *
sk_goals_change (SkGoals        *goals,
                 SkStore        *store,
                 SkGoal         *goal,
                 SkConversation *conversation,
                 const char     *reason,
                 GError        **error)
{
  SkGoal *next;

  g_return_val_if_fail (SK_IS_GOAL (goal), NULL);

  if (!sk_store_begin (store, error))
    return NULL;
  next = add_goal (goals, store, conversation, sk_goal_get_source (goal),
                   sk_record_get_string (SK_RECORD (goal), "child-words"),
                   sk_record_get_string (SK_RECORD (goal), "formulation"),
                   sk_record_get_id (SK_RECORD (goal)),
                   sk_record_get_boolean (SK_RECORD (goal), "shared"), error);
  if (next == NULL)
    {
      sk_store_rollback (store);
      return NULL;
    }
  g_object_set (goal, "reason", reason != NULL ? reason : "", "closed-at", g_get_real_time () / G_USEC_PER_SEC,
                "state", states[SK_GOAL_CHANGED].key, NULL);
  if (!sk_store_commit (store, error))
    return NULL;
  return next;
}

SkGoalStep *
sk_goals_step (SkGoals   *goals,
               SkStore   *store,
               SkGoal    *goal,
               gint64     conversation_id,
               gboolean   create,
               GError   **error)
{
  GListStore *steps = steps_of (goals, goal);
  g_autoptr(SkGoalStep) step = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(SkGoalStep) found = g_list_model_get_item (G_LIST_MODEL (steps), i);

      if (sk_record_get_int64 (SK_RECORD (found), "conversation-id") == conversation_id)
        return g_steal_pointer (&found);
    }
  if (!create)
    return NULL;
  step = g_object_new (SK_TYPE_GOAL_STEP, "goal-id", sk_record_get_id (SK_RECORD (goal)),
                       "conversation-id", conversation_id, NULL);
  if (!sk_store_insert (store, step, error))
    return NULL;
  g_list_store_append (steps, step);
  return g_steal_pointer (&step);
}

GArray *
sk_goals_progress (SkGoals  *goals,
                   SkStore  *store,
                   SkGoal   *goal,
                   GError  **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (SkGoalPoint));
  sqlite3_stmt *stmt;
  int rc;

  if (!sk_store_flush (store, error))
    return NULL;
  stmt = sk_store_prepare (store,
                           "SELECT c.started_at, s.rung FROM goal_steps s"
                           " JOIN conversations c ON c.id = s.conversation_id AND c.trashed = 0"
                           " WHERE s.goal_id = ? AND s.trashed = 0 AND s.rung BETWEEN 0 AND 10"
                           " ORDER BY c.started_at, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sk_record_get_id (SK_RECORD (goal)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SkGoalPoint point = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

static void
append_date (GString *out,
             gint64   at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);
  g_autofree char *date = sk_format_date (when);

  g_string_append (out, date);
}

static void
append_goal (GString  *out,
             SkGoals  *goals,
             SkGoal   *goal,
             guint     number,
             GArray   *points)
{
  SkRecord *record = SK_RECORD (goal);
  g_autofree char *words = sk_summary_trim (sk_record_get_string (record, "child-words"));
  g_autofree char *formulation = sk_summary_trim (sk_record_get_string (record, "formulation"));
  g_autofree char *reason = sk_summary_trim (sk_record_get_string (record, "reason"));
  GListStore *steps = steps_of (goals, goal);

  /* Translators: the plain-text goals: 1$ its number, 2$ its state */
  g_string_append_printf (out, _("Goal %1$u (%2$s)"), number, _(sk_goal_state_label (sk_goal_get_state (goal))));
  g_string_append (out, "\n");
  g_string_append_printf (out, "  %s ", _("In the child’s words:"));
  g_string_append (out, *words != '\0' ? words : "–");
  g_string_append_printf (out, "\n  %s ", _("Our formulation:"));
  g_string_append (out, *formulation != '\0' ? formulation : "–");
  g_string_append_printf (out, "\n  %s ", _("Set:"));
  append_date (out, sk_record_get_int64 (record, "set-at"));
  {
    g_autofree char *source = g_utf8_strdown (_(sk_goal_source_label (sk_goal_get_source (goal))), -1);

    /* Translators: after the date a goal was set: who it comes from */
    g_string_append_printf (out, ", %s %s\n", _("from"), source);
  }
  if (!sk_goal_is_open (goal))
    {
      g_string_append_printf (out, "  %s ", _(sk_goal_state_label (sk_goal_get_state (goal))));
      append_date (out, sk_record_get_int64 (record, "closed-at"));
      if (*reason != '\0')
        g_string_append_printf (out, ": %s", reason);
      g_string_append (out, "\n");
    }
  if (points->len > 0)
    {
      g_string_append_printf (out, "  %s", _("How far we are (0–10):"));
      for (guint i = 0; i < points->len; i++)
        {
          const SkGoalPoint *point = &g_array_index (points, SkGoalPoint, i);
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (point->at);
          g_autofree char *date = sk_format_short_date (when);

          g_string_append_printf (out, "%s %s: %d", i == 0 ? "" : ",", date, point->rung);
        }
      g_string_append (out, "\n");
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(SkGoalStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);
      g_autofree char *said = sk_summary_trim (sk_record_get_string (SK_RECORD (step), "words"));

      if (*said != '\0')
        g_string_append_printf (out, "  – %s\n", said);
    }
}

char *
sk_goals_plain_text (SkGoals     *goals,
                     SkStore     *store,
                     const char  *child_name,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint number = 0;

  /* Translators: the heading of the plain-text goals; %s is the child's name */
  g_string_append_printf (out, _("Goals for the child’s plan: %s"), child_name);
  g_string_append (out, "\n\n");
  /* The open goals first, then the closed, each in its order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals->goals)); i++)
      {
        g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals->goals), i);
        g_autoptr(GArray) points = NULL;

        if (sk_goal_is_open (goal) != (pass == 0))
          continue;
        points = sk_goals_progress (goals, store, goal, error);
        if (points == NULL)
          return NULL;
        append_goal (out, goals, goal, ++number, points);
        g_string_append (out, "\n");
      }
  if (number == 0)
    g_string_append_printf (out, "%s\n", _("No goals yet."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
