/* sk-lundy.c — the Lundy steps: Space, Voice, Audience, Influence */
#include "config.h"

#include "sk-lundy.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>

struct _SkLundyAnswer
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkLundyAnswer, sk_lundy_answer, SK_TYPE_RECORD)

/* The caseworker's questions, before and after each step. */
static const SkWord space_before[] = {
  { "where-when", N_("Have I asked the child where and when they want to talk?") },
  { "room", N_("Is the room safe and child-friendly?") },
  { "needs", N_("What does this child need to be able to take part (age, disability, language)?") },
};
static const SkWord space_after[] = {
  { "safe", N_("Did the child feel safe?") },
  { "without-parents", N_("Did the child get to speak without the parents present if they wanted?") },
};
static const SkWord voice_before[] = {
  { "know", N_("What does the child need to know to form a view?") },
  { "tools", N_("Which tools suit this child?") },
  { "optional", N_("Does the child know they do not have to take part?") },
};
static const SkWord voice_after[] = {
  { "own-way", N_("Could the child say what they wanted, in their own way?") },
  { "words", N_("Which words did the child use?") },
};
static const SkWord audience_before[] = {
  { "who-hears", N_("Who will hear the child’s views, and does the child know?") },
  { "who-decides", N_("Who decides in this case?") },
};
static const SkWord audience_after[] = {
  { "parents-see", N_("Did the child choose what the parents may see?") },
  { "passed-on", N_("Have the views been passed on to the people who decide?") },
};
static const SkWord influence_before[] = {
  { "last-time", N_("What happened with what the child said last time?") },
  { "how-tell", N_("How will I tell the child?") },
};
static const SkWord influence_after[] = {
  { "weighed", N_("How were the child’s views weighed in the decision?") },
  { "feedback", N_("When and how will the child get feedback, with reasons?") },
};

#define QUESTIONS(before, after) { before, after }, { G_N_ELEMENTS (before), G_N_ELEMENTS (after) }

static const SkLundyStep steps[] = {
  { "space", N_("Space"),
    N_("The child has a safe place and a real chance to speak."),
    N_("This is a safe place to talk. You can take a break at any time."),
    "lundy-space", 0x8ff0a4, QUESTIONS (space_before, space_after) },
  { "voice", N_("Voice"),
    N_("The child gets what they need to form and say a view."),
    N_("You can tell me in your own way — with words, drawings or the pictures here. You don’t have to answer."),
    "lundy-voice", 0xf9f06b, QUESTIONS (voice_before, voice_after) },
  { "audience", N_("Audience"),
    N_("The view is listened to by someone who can act."),
    N_("I am listening. Together we decide who else gets to hear what you said."),
    "lundy-audience", 0x99c1f1, QUESTIONS (audience_before, audience_after) },
  { "influence", N_("Influence"),
    N_("The view is acted on, and the child is told what happened."),
    N_("Next time I will tell you what happened with what you said."),
    "lundy-influence", 0xdc8add, QUESTIONS (influence_before, influence_after) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == SK_LUNDY_N_STEPS);

const SkLundyStep *
sk_lundy_steps (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

const SkLundyStep *
sk_lundy_step (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].key, key) == 0)
      return &steps[i];
  return NULL;
}

const char *
sk_lundy_phase_label (SkLundyPhase phase)
{
  /* Translators: the Lundy steps before the conversation (preparing) */
  return phase == SK_LUNDY_BEFORE ? _("Before") : _("After");
}

static void
sk_lundy_answer_class_init (SkLundyAnswerClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* One of the steps' keys. */
    sk_record_choice (g_param_spec_string ("step", NULL, NULL, "", flags)),
    g_param_spec_int ("phase", NULL, NULL, SK_LUNDY_BEFORE, SK_LUNDY_AFTER, SK_LUNDY_BEFORE, flags),
    /* Keys of the questions checked, comma-separated. */
    sk_record_choice (g_param_spec_string ("checked", NULL, NULL, "", flags)),
    /* The caseworker's note for the step: never shown to the child, never
     * printed for the parents. */
    g_param_spec_string ("note", NULL, NULL, "", flags),
    NULL
  };

  record_class->table = "lundy_answers";
  record_class->order_by = "id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_lundy_answer_init (SkLundyAnswer *self)
{
}

const SkLundyStep *
sk_lundy_answer_get_step (SkLundyAnswer *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_ANSWER (self), NULL);

  return sk_lundy_step (sk_record_get_string (SK_RECORD (self), "step"));
}

SkLundyPhase
sk_lundy_answer_get_phase (SkLundyAnswer *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_ANSWER (self), SK_LUNDY_BEFORE);

  return sk_record_get_int (SK_RECORD (self), "phase");
}

gboolean
sk_lundy_answer_is_checked (SkLundyAnswer *self,
                            const char    *question)
{
  return sk_record_has_key (SK_RECORD (self), "checked", question);
}

void
sk_lundy_answer_toggle (SkLundyAnswer *self,
                        const char    *question)
{
  sk_record_toggle_key (SK_RECORD (self), "checked", question);
}

gboolean
sk_lundy_answer_is_started (SkLundyAnswer *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (SK_IS_LUNDY_ANSWER (self), FALSE);

  note = g_strstrip (g_strdup (sk_record_get_string (SK_RECORD (self), "note")));
  return *sk_record_get_string (SK_RECORD (self), "checked") != '\0' || *note != '\0';
}

GListStore *
sk_lundy_answers (SkStore  *store,
                  gint64    conversation_id,
                  gboolean  create,
                  GError  **error)
{
  g_autoptr(GListStore) answers = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  answers = sk_store_list (store, SK_TYPE_LUNDY_ANSWER, "conversation_id", conversation_id, error);
  if (answers == NULL || g_list_model_get_n_items (G_LIST_MODEL (answers)) > 0 || !create)
    return g_steal_pointer (&answers);

  if (!sk_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    for (int phase = SK_LUNDY_BEFORE; phase <= SK_LUNDY_AFTER; phase++)
      {
        g_autoptr(SkLundyAnswer) answer = g_object_new (SK_TYPE_LUNDY_ANSWER,
                                                        "conversation-id", conversation_id,
                                                        "step", steps[i].key,
                                                        "phase", phase,
                                                        NULL);

        if (!sk_store_insert (store, answer, error))
          {
            sk_store_rollback (store);
            return NULL;
          }
        g_list_store_append (answers, answer);
      }
  if (!sk_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&answers);
}

SkLundyAnswer *
sk_lundy_answers_find (GListModel   *answers,
                       const char   *step,
                       SkLundyPhase  phase)
{
  guint n = g_list_model_get_n_items (answers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkLundyAnswer) answer = g_list_model_get_item (answers, i);

      if (sk_lundy_answer_get_phase (answer) == phase &&
          g_strcmp0 (sk_record_get_string (SK_RECORD (answer), "step"), step) == 0)
        return answer;   /* the list holds it */
    }
  return NULL;
}

static int
step_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (steps[i].key, key) == 0)
      return (int) i;
  return -1;
}

guint
sk_lundy_progress_mask (GListModel *answers)
{
  guint n = g_list_model_get_n_items (answers), mask = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkLundyAnswer) answer = g_list_model_get_item (answers, i);
      int step = step_index (sk_record_get_string (SK_RECORD (answer), "step"));

      if (step >= 0 && sk_lundy_answer_is_started (answer))
        mask |= 1u << (step * SK_LUNDY_N_PHASES + sk_lundy_answer_get_phase (answer));
    }
  return mask;
}

GHashTable *
sk_lundy_progress_for_child (SkStore  *store,
                             gint64    child_id,
                             GError  **error)
{
  g_autoptr(GHashTable) progress = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  /* Typing not yet written counts too. */
  if (!sk_store_flush (store, error))
    return NULL;
  stmt = sk_store_prepare (store,
                           "SELECT a.conversation_id, a.step, a.phase FROM lundy_answers a "
                           "JOIN conversations c ON c.id = a.conversation_id "
                           "WHERE c.child_id = ? AND a.trashed = 0 "
                           "AND (a.checked != '' OR trim (a.note) != '')",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  progress = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int step = step_index ((const char *) sqlite3_column_text (stmt, 1));
      int phase = sqlite3_column_int (stmt, 2);
      guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (progress, &id));

      if (step < 0 || phase < SK_LUNDY_BEFORE || phase > SK_LUNDY_AFTER)
        continue;
      mask |= 1u << (step * SK_LUNDY_N_PHASES + phase);
      g_hash_table_insert (progress, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (mask));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&progress);
}

char *
sk_lundy_progress_describe (guint mask)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean before = (mask >> (i * SK_LUNDY_N_PHASES + SK_LUNDY_BEFORE)) & 1;
      gboolean after = (mask >> (i * SK_LUNDY_N_PHASES + SK_LUNDY_AFTER)) & 1;
      const char *state;

      if (before && after)
        state = _("prepared and evaluated");
      else if (before)
        state = _("prepared");
      else if (after)
        state = _("evaluated");
      else
        state = _("not yet");
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: one Lundy step's progress, e.g. "Space: prepared" */
      g_string_append_printf (text, _("%s: %s"), _(steps[i].name), state);
    }
  return g_string_free (text, FALSE);
}
