/* sk-evaluation.c — the child's evaluation: the questions, the record,
 * the child's row over time and the overview across children */
#include "config.h"

#include "sk-evaluation.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* In the order of Lundy's steps; the keys are the columns. */
static const SkEvaluationQuestion questions[SK_EVALUATION_N_QUESTIONS] = {
  /* Translators: the child's evaluation, Lundy's Space; for a child of 8 */
  { "space", N_("Did you feel safe here?"), N_("Safe") },
  /* Translators: the child's evaluation, Lundy's Voice */
  { "voice", N_("Did you get to say what you wanted?"), N_("Said it") },
  /* Translators: the child's evaluation, Lundy's Audience */
  { "audience", N_("Did I listen to you?"), N_("Listened to") },
  /* Translators: the child's evaluation, Lundy's Influence */
  { "influence", N_("Do you know what will happen with what you said?"), N_("Knows what happens") },
};

static const char * const answer_labels[] = {
  /* Translators: the child's answer with a face */
  NULL, N_("Yes"), N_("A little"), N_("No"),
};

static const char * const answer_art[] = {
  NULL, "scale-5", "scale-3", "scale-1",
};

const SkEvaluationQuestion *
sk_evaluation_questions (void)
{
  return questions;
}

const char *
sk_evaluation_answer_label (SkEvaluationAnswer answer)
{
  g_return_val_if_fail (answer >= SK_EVALUATION_YES && answer <= SK_EVALUATION_NO, NULL);
  return answer_labels[answer];
}

const char *
sk_evaluation_answer_art (SkEvaluationAnswer answer)
{
  g_return_val_if_fail (answer >= SK_EVALUATION_YES && answer <= SK_EVALUATION_NO, NULL);
  return answer_art[answer];
}

/* The record */

struct _SkEvaluation
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkEvaluation, sk_evaluation, SK_TYPE_RECORD)

static void
sk_evaluation_class_init (SkEvaluationClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* SkEvaluationAnswer, one per question */
    g_param_spec_int ("space", NULL, NULL, 0, SK_EVALUATION_NO, 0, flags),
    g_param_spec_int ("voice", NULL, NULL, 0, SK_EVALUATION_NO, 0, flags),
    g_param_spec_int ("audience", NULL, NULL, 0, SK_EVALUATION_NO, 0, flags),
    g_param_spec_int ("influence", NULL, NULL, 0, SK_EVALUATION_NO, 0, flags),
    /* "Something else you want to tell me?", typed */
    g_param_spec_string ("words", NULL, NULL, "", flags),
    NULL
  };

  record_class->table = "child_evaluations";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_evaluation_init (SkEvaluation *self)
{
}

SkEvaluation *
sk_evaluation_load (SkStore   *store,
                    gint64     conversation_id,
                    gboolean   create,
                    GError   **error)
{
  g_autoptr(GListStore) found = NULL;
  g_autoptr(SkEvaluation) evaluation = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  found = sk_store_list (store, SK_TYPE_EVALUATION, "conversation_id", conversation_id, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (found)) > 0)
    return g_list_model_get_item (G_LIST_MODEL (found), 0);
  if (!create)
    return NULL;
  evaluation = g_object_new (SK_TYPE_EVALUATION, "conversation-id", conversation_id, NULL);
  if (!sk_store_insert (store, evaluation, error))
    return NULL;
  return g_steal_pointer (&evaluation);
}

SkEvaluationAnswer
sk_evaluation_get_answer (SkEvaluation *self,
                          guint         question)
{
  g_return_val_if_fail (SK_IS_EVALUATION (self), SK_EVALUATION_UNANSWERED);
  g_return_val_if_fail (question < SK_EVALUATION_N_QUESTIONS, SK_EVALUATION_UNANSWERED);

  return sk_record_get_int (SK_RECORD (self), questions[question].key);
}

void
sk_evaluation_set_answer (SkEvaluation       *self,
                          guint               question,
                          SkEvaluationAnswer  answer)
{
  g_return_if_fail (SK_IS_EVALUATION (self));
  g_return_if_fail (question < SK_EVALUATION_N_QUESTIONS);
  g_return_if_fail (answer <= SK_EVALUATION_NO);

  if (sk_evaluation_get_answer (self, question) != answer)
    g_object_set (self, questions[question].key, (int) answer, NULL);
}

gboolean
sk_evaluation_is_started (SkEvaluation *self)
{
  const char *words = sk_record_get_string (SK_RECORD (self), "words");

  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    if (sk_evaluation_get_answer (self, q) != SK_EVALUATION_UNANSWERED)
      return TRUE;
  for (; words != NULL && *words != '\0'; words = g_utf8_next_char (words))
    if (!g_unichar_isspace (g_utf8_get_char (words)))
      return TRUE;
  return FALSE;
}

/* Over time */

static guint8
answer_in (sqlite3_stmt *stmt,
           int           column)
{
  int answer = sqlite3_column_int (stmt, column);

  /* A value from a newer program is no answer here. */
  return answer >= SK_EVALUATION_YES && answer <= SK_EVALUATION_NO ? answer : SK_EVALUATION_UNANSWERED;
}

GArray *
sk_evaluation_history (SkStore  *store,
                       gint64    child_id,
                       GError  **error)
{
  g_autoptr(GArray) visits = g_array_new (FALSE, TRUE, sizeof (SkEvaluationVisit));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  if (!sk_store_flush (store, error))
    return NULL;
  /* The caseworker's "after" answers of lundy_answers (phase 1): a step
   * counts as evaluated with a box checked or a note written. */
  stmt = sk_store_prepare (store,
                           "SELECT c.id, c.started_at,"
                           "  coalesce (e.space, 0), coalesce (e.voice, 0),"
                           "  coalesce (e.audience, 0), coalesce (e.influence, 0),"
                           "  (SELECT group_concat (l.step, ' ') FROM lundy_answers l"
                           "   WHERE l.conversation_id = c.id AND l.phase = 1 AND l.trashed = 0"
                           "   AND (l.checked != '' OR trim (l.note) != ''))"
                           " FROM conversations c"
                           " LEFT JOIN child_evaluations e ON e.conversation_id = c.id AND e.trashed = 0"
                           " WHERE c.child_id = ? AND c.trashed = 0"
                           " ORDER BY c.started_at, c.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SkEvaluationVisit visit = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), { 0 }, 0 };
      const char *steps = (const char *) sqlite3_column_text (stmt, 6);

      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        {
          visit.answers[q] = answer_in (stmt, 2 + q);
          if (steps != NULL)
            {
              g_auto(GStrv) keys = g_strsplit (steps, " ", -1);

              if (g_strv_contains ((const char * const *) keys, questions[q].key))
                visit.evaluated_by_caseworker |= 1u << q;
            }
        }
      g_array_append_val (visits, visit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&visits);
}

/* Across children */

/* The local month of @at, as year × 12 + month − 1; months already met are
 * remembered by their bounds, so that most rows cost a comparison. */
typedef struct
{
  gint64 start, end;   /* [start, end) in Unix time */
  int    key;
} MonthBounds;

static int
month_key (GArray *known,
           gint64  at)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  MonthBounds bounds;

  for (guint i = 0; i < known->len; i++)
    {
      const MonthBounds *month = &g_array_index (known, MonthBounds, i);

      if (at >= month->start && at < month->end)
        return month->key;
    }
  when = g_date_time_new_from_unix_local (at);
  first = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when), 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  bounds.start = g_date_time_to_unix (first);
  bounds.end = g_date_time_to_unix (next);
  bounds.key = g_date_time_get_year (when) * 12 + g_date_time_get_month (when) - 1;
  g_array_append_val (known, bounds);
  return bounds.key;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const SkEvaluationMonth *x = a, *y = b;

  return (y->year * 12 + y->month) - (x->year * 12 + x->month);
}

GArray *
sk_evaluation_overview (SkStore  *store,
                        GError  **error)
{
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (SkEvaluationMonth));
  g_autoptr(GArray) known = g_array_new (FALSE, FALSE, sizeof (MonthBounds));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  if (!sk_store_flush (store, error))
    return NULL;
  /* One pass over the conversations and their answers; the months are
   * the program's own local time (SQLite's 'localtime' per row is the
   * slow part of doing it in SQL).  Nothing but times and faces is read. */
  stmt = sk_store_prepare (store,
                           "SELECT c.started_at, coalesce (e.space, 0), coalesce (e.voice, 0),"
                           "  coalesce (e.audience, 0), coalesce (e.influence, 0)"
                           " FROM conversations c"
                           " JOIN children ch ON ch.id = c.child_id AND ch.trashed = 0"
                           " LEFT JOIN child_evaluations e ON e.conversation_id = c.id AND e.trashed = 0"
                           " WHERE c.trashed = 0"
                           " ORDER BY c.started_at DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int key = month_key (known, sqlite3_column_int64 (stmt, 0));
      gpointer at = NULL;
      SkEvaluationMonth *month;
      gboolean any = FALSE;

      if (!g_hash_table_lookup_extended (index, GINT_TO_POINTER (key), NULL, &at))
        {
          SkEvaluationMonth empty = { 0 };

          empty.year = key / 12;
          empty.month = key % 12 + 1;
          at = GUINT_TO_POINTER (months->len);
          g_array_append_val (months, empty);
          g_hash_table_insert (index, GINT_TO_POINTER (key), at);
        }
      month = &g_array_index (months, SkEvaluationMonth, GPOINTER_TO_UINT (at));
      month->conversations++;
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        {
          guint8 answer = answer_in (stmt, 1 + q);

          if (answer != SK_EVALUATION_UNANSWERED)
            {
              month->counts[q][answer - 1]++;
              any = TRUE;
            }
        }
      month->evaluated += any;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      return NULL;
    }
  g_array_sort (months, newest_first);
  return g_steal_pointer (&months);
}

static void
csv_field (GString    *out,
           const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
sk_evaluation_overview_csv (GArray *months)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (months != NULL, NULL);

  /* Translators: a column of the evaluations' CSV: the month, as 2026-11 */
  csv_field (out, _("Month"));
  g_string_append_c (out, ',');
  /* Translators: a column of the evaluations' CSV */
  csv_field (out, _("Conversations"));
  g_string_append_c (out, ',');
  /* Translators: a column of the evaluations' CSV: conversations the child evaluated */
  csv_field (out, _("With the child's evaluation"));
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    for (guint a = SK_EVALUATION_YES; a <= SK_EVALUATION_NO; a++)
      {
        /* Translators: a column of the evaluations' CSV: "Safe: Yes" */
        g_autofree char *heading = g_strdup_printf (_("%s: %s"), _(questions[q].short_name), _(answer_labels[a]));

        g_string_append_c (out, ',');
        csv_field (out, heading);
      }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < months->len; i++)
    {
      const SkEvaluationMonth *month = &g_array_index (months, SkEvaluationMonth, i);

      g_string_append_printf (out, "%04d-%02d,%u,%u", month->year, month->month, month->conversations, month->evaluated);
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++)
          g_string_append_printf (out, ",%u", month->counts[q][a]);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}
