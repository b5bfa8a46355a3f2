/* sk-child.c — a child the caseworker talks with */
#include "sk-child.h"

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
