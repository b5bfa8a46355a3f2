/* sk-plan.c — a visual plan of the conversation, for picture mode; its
 * part of the store and the journal */
#include "config.h"

#include "sk-plan.h"
#include "sk-store-private.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

struct _SkPlanStep
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkPlanStep, sk_plan_step, SK_TYPE_RECORD)

static const SkPlanStepKind kinds[] = {
  /* Translators: a step of the conversation's plan in picture mode */
  { "hello", N_("Hello"), "plan-hello" },
  /* Translators: a step of the plan: the picture cards */
  { "pictures", N_("Pictures"), "mat-good" },
  /* Translators: a step of the plan */
  { "break", N_("Break"), "plan-pause" },
  /* Translators: a step of the plan: the faces of "How I feel" */
  { "faces", N_("Faces"), "scale-4" },
  /* Translators: a step of the plan */
  { "goodbye", N_("Goodbye"), "plan-goodbye" },
};

const SkPlanStepKind *
sk_plan_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const SkPlanStepKind *
sk_plan_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      return &kinds[i];
  return NULL;
}

static void
sk_plan_step_class_init (SkPlanStepClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* One of the kinds' keys. */
    sk_record_choice (g_param_spec_string ("step", NULL, NULL, "", flags)),
    g_param_spec_boolean ("done", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "plan_steps";
  record_class->order_by = "position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_plan_step_init (SkPlanStep *self)
{
}

const SkPlanStepKind *
sk_plan_step_get_kind (SkPlanStep *self)
{
  g_return_val_if_fail (SK_IS_PLAN_STEP (self), NULL);

  return sk_plan_kind (sk_record_get_string (SK_RECORD (self), "step"));
}

gboolean
sk_plan_step_get_done (SkPlanStep *self)
{
  g_return_val_if_fail (SK_IS_PLAN_STEP (self), FALSE);

  return sk_record_get_boolean (SK_RECORD (self), "done");
}

GListStore *
sk_plan_steps (SkStore  *store,
               gint64    conversation_id,
               gboolean  create,
               GError  **error)
{
  g_autoptr(GListStore) steps = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  steps = sk_store_list (store, SK_TYPE_PLAN_STEP, "conversation_id", conversation_id, error);
  if (steps == NULL || g_list_model_get_n_items (G_LIST_MODEL (steps)) > 0 || !create)
    return g_steal_pointer (&steps);
  if (!sk_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SkPlanStep) step = g_object_new (SK_TYPE_PLAN_STEP,
                                                 "conversation-id", conversation_id,
                                                 "position", (int) i,
                                                 "step", kinds[i].key,
                                                 NULL);

      if (!sk_store_insert (store, step, error))
        {
          sk_store_rollback (store);
          return NULL;
        }
      g_list_store_append (steps, step);
    }
  if (!sk_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&steps);
}

int
sk_plan_current (GListModel *steps)
{
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (steps, i);

      if (!sk_plan_step_get_done (step))
        return (int) i;
    }
  return -1;
}

gboolean
sk_plan_touch (SkStore     *store,
               GListModel  *steps,
               guint        index,
               GError     **error)
{
  g_autoptr(SkPlanStep) touched = g_list_model_get_item (steps, index);
  guint n = g_list_model_get_n_items (steps);

  g_return_val_if_fail (touched != NULL, FALSE);

  /* Going on: this step and every one before it are done.  Going back
   * to a done step: it and every one after it are to do again. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (steps, i);
      gboolean done = sk_plan_step_get_done (touched) ? i < index : i <= index;

      if (sk_plan_step_get_done (step) != done)
        g_object_set (step, "done", done, NULL);
    }
  return sk_store_flush (store, error);
}

static gboolean
renumber (SkStore     *store,
          GListModel  *steps,
          GError     **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (steps, i);

      if (sk_record_get_int (SK_RECORD (step), "position") != (int) i)
        g_object_set (step, "position", (int) i, NULL);
    }
  return sk_store_flush (store, error);
}

gboolean
sk_plan_move (SkStore     *store,
              GListStore  *steps,
              guint        from,
              guint        to,
              GError     **error)
{
  g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (steps), from);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (steps));

  g_return_val_if_fail (step != NULL && to < n, FALSE);

  if (from == to)
    return TRUE;
  g_list_store_remove (steps, from);
  g_list_store_insert (steps, to, step);
  return renumber (store, G_LIST_MODEL (steps), error);
}

gboolean
sk_plan_set_included (SkStore     *store,
                      GListStore  *steps,
                      gint64       conversation_id,
                      const char  *kind,
                      gboolean     included,
                      GError     **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (steps));

  g_return_val_if_fail (sk_plan_kind (kind) != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);

      if (g_strcmp0 (sk_record_get_string (SK_RECORD (step), "step"), kind) != 0)
        continue;
      if (included)
        return TRUE;
      if (!sk_store_delete (store, step, error))
        return FALSE;
      g_list_store_remove (steps, i);
      return renumber (store, G_LIST_MODEL (steps), error);
    }
  if (included)
    {
      g_autoptr(SkPlanStep) step = g_object_new (SK_TYPE_PLAN_STEP,
                                                 "conversation-id", conversation_id,
                                                 "position", (int) n,
                                                 "step", kind,
                                                 NULL);

      if (!sk_store_insert (store, step, error))
        return FALSE;
      g_list_store_append (steps, step);
    }
  return TRUE;
}

/* The module */

static const SkSchemaStep schema[] = {
  { 8,
    "CREATE TABLE plan_steps ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  step TEXT NOT NULL DEFAULT '',"
    "  done INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX plan_steps_by_conversation ON plan_steps (conversation_id, position);"
    "CREATE INDEX plan_steps_trashed ON plan_steps (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "plan_steps", NULL };

static gboolean
plan_journal (GString         *out,
              SkStore         *store,
              SkConversation  *conversation,
              GError         **error)
{
  g_autoptr(GListStore) steps = sk_plan_steps (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
  g_autoptr(GString) line = NULL;

  if (steps == NULL)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (steps)) == 0)
    return TRUE;
  line = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (steps)); i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);
      const SkPlanStepKind *kind = sk_plan_step_get_kind (step);

      if (kind == NULL)
        continue;
      if (line->len > 0)
        g_string_append (line, " → ");
      g_string_append (line, _(kind->label));
      if (sk_plan_step_get_done (step))
        /* Translators: in the journal, after a step of the plan that was gone through */
        g_string_append_printf (line, " (%s)", _("done"));
    }
  /* Translators: in the journal: the conversation's plan in pictures */
  sk_journal_add_field (out, _("Plan of the conversation"), line->str);
  return TRUE;
}

const SkToolModule sk_plan_module = {
  .id = "plan",
  .title = N_("Plan"),
  .icon = "view-continuous-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_FIRST,
  .ways = SK_WAY_PICTURES,
  .schema = schema,
  .tables = tables,
  .journal = plan_journal,
};
