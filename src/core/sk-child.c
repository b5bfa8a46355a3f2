/* sk-child.c — a child the caseworker talks with */
#include "config.h"

#include "sk-child.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

struct _SkChild
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkChild, sk_child, SK_TYPE_RECORD)

static void
sk_child_class_init (SkChildClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    /* First name or pseudonym: what the child is called on every screen. */
    sk_record_single_line (g_param_spec_string ("name", NULL, NULL, "", flags)),
    /* 0 when not known. */
    g_param_spec_int ("birth-year", NULL, NULL, 0, 9999, 0, flags),
    /* The municipality's case number, for the caseworker only. */
    sk_record_single_line (g_param_spec_string ("case-ref", NULL, NULL, "", flags)),
    /* The language the child prefers to talk in, as the caseworker wrote it. */
    g_param_spec_string ("language", NULL, NULL, "", flags),
    /* How the child talks with us (SkWay, by key): "words", "pictures",
     * "observation". */
    sk_record_choice (g_param_spec_string ("way", NULL, NULL, "words", flags)),
    /* Unix time of creation. */
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    NULL
  };

  record_class->table = "children";
  record_class->order_by = "name COLLATE NOCASE, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_child_init (SkChild *self)
{
}

SkChild *
sk_child_new (const char *name)
{
  return g_object_new (SK_TYPE_CHILD,
                       "name", name,
                       "created-at", g_get_real_time () / G_USEC_PER_SEC,
                       NULL);
}

const char *
sk_child_get_name (SkChild *self)
{
  return sk_record_get_string (SK_RECORD (self), "name");
}

int
sk_child_get_birth_year (SkChild *self)
{
  return sk_record_get_int (SK_RECORD (self), "birth-year");
}

const char *
sk_child_get_case_ref (SkChild *self)
{
  return sk_record_get_string (SK_RECORD (self), "case-ref");
}

const char *
sk_child_get_language (SkChild *self)
{
  return sk_record_get_string (SK_RECORD (self), "language");
}

char *
sk_child_fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  if (normalized == NULL)
    return g_strdup ("");
  return g_utf8_casefold (normalized, -1);
}

gboolean
sk_child_matches (SkChild    *self,
                  const char *needle)
{
  g_autofree char *name = NULL;
  g_autofree char *case_ref = NULL;

  g_return_val_if_fail (SK_IS_CHILD (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  name = sk_child_fold_text (sk_child_get_name (self));
  if (strstr (name, needle) != NULL)
    return TRUE;
  case_ref = sk_child_fold_text (sk_child_get_case_ref (self));
  return strstr (case_ref, needle) != NULL;
}

static const struct {
  SkWay       way;
  const char *key;
  const char *label;
} ways[] = {
  /* Translators: a child's way of talking: reads and says sentences */
  { SK_WAY_WORDS, "words", N_("Words") },
  /* Translators: a child's way of talking: with pictures, few words */
  { SK_WAY_PICTURES, "pictures", N_("Pictures") },
  /* Translators: a child's way of talking: a baby or small child, whom
   * the caseworker observes rather than asks */
  { SK_WAY_OBSERVATION, "observation", N_("Observation") },
};

const char *
sk_way_key (SkWay way)
{
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    if (ways[i].way == way)
      return ways[i].key;
  return ways[0].key;
}

/* Anything unknown (a newer program's way) reads as words: every tool. */
SkWay
sk_way_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    if (g_strcmp0 (ways[i].key, key) == 0)
      return ways[i].way;
  return SK_WAY_WORDS;
}

const char *
sk_way_label (SkWay way)
{
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    if (ways[i].way == way)
      return _(ways[i].label);
  return _(ways[0].label);
}

SkWay
sk_child_get_way (SkChild *self)
{
  g_return_val_if_fail (SK_IS_CHILD (self), SK_WAY_WORDS);

  return sk_way_from_key (sk_record_get_string (SK_RECORD (self), "way"));
}

void
sk_child_set_way (SkChild *self,
                  SkWay    way)
{
  g_return_if_fail (SK_IS_CHILD (self));

  g_object_set (self, "way", sk_way_key (way), NULL);
}

SkWay
sk_child_suggest_way (int birth_year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  int age = g_date_time_get_year (now) - birth_year;

  if (birth_year > 0 && age < 3)
    return SK_WAY_OBSERVATION;
  if (birth_year > 0 && age < 7)
    return SK_WAY_PICTURES;
  return SK_WAY_WORDS;
}

/**
 * sk_child_count_quiet:
 *
 * For the reminder to think about how long notes are kept: the children
 * with no conversation (and not added) since @since.
 */
gint64
sk_child_count_quiet (SkStore  *store,
                      gint64    since,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (store), -1);

  stmt = sk_store_prepare (store,
                           "SELECT count(*) FROM children c WHERE c.trashed = 0 AND c.created_at < ?1 AND NOT EXISTS "
                           "(SELECT 1 FROM conversations v WHERE v.child_id = c.id AND v.trashed = 0 "
                           " AND v.started_at >= ?1)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, since);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    sk_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return n;
}
