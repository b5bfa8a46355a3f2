/* sk-record.c — base class of everything the store keeps */
#include "sk-record.h"
#include "sk-format.h"

#include <string.h>

typedef struct
{
  gint64  id;
  GValue *values;   /* one per column of the instance's class */
} SkRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SkRecord, sk_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GValue *
column_value (SkRecord   *self,
              GParamSpec *pspec)
{
  SkRecordPrivate *priv = sk_record_get_instance_private (self);
  SkRecordClass *klass = g_type_class_peek (pspec->owner_type);
  guint index = pspec->param_id - 1;

  g_assert (index < klass->n_columns);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_columns);
      for (guint i = 0; i < klass->n_columns; i++)
        {
          g_value_init (&priv->values[i], klass->columns[i]->value_type);
          g_param_value_set_default (klass->columns[i], &priv->values[i]);
        }
    }

  return &priv->values[index];
}

static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  g_value_copy (column_value (SK_RECORD (object), pspec), value);
}

static G_DEFINE_QUARK (sk-record-single-line, sk_record_single_line)

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  GValue *stored = column_value (SK_RECORD (object), pspec);
  g_auto(GValue) one_line = G_VALUE_INIT;

  /* The last guard: a name never holds a line break, whoever sets it. */
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL &&
      g_param_spec_get_qdata (pspec, sk_record_single_line_quark ()) != NULL)
    {
      g_value_init (&one_line, G_TYPE_STRING);
      g_value_take_string (&one_line, sk_format_single_line (g_value_get_string (value)));
      value = &one_line;
    }

  /* Columns are NOT NULL: a string column holds "" rather than NULL. */
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL)
    {
      if (g_strcmp0 (g_value_get_string (stored), "") == 0)
        return;
      g_value_set_string (stored, "");
    }
  else
    {
      if (g_param_values_cmp (pspec, stored, value) == 0)
        return;
      g_value_copy (value, stored);
    }

  g_object_notify_by_pspec (object, pspec);
}

static void
sk_record_finalize (GObject *object)
{
  SkRecord *self = SK_RECORD (object);
  SkRecordPrivate *priv = sk_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      SkRecordClass *klass = SK_RECORD_GET_CLASS (self);

      for (guint i = 0; i < klass->n_columns; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (sk_record_parent_class)->finalize (object);
}

static void
sk_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SkRecord *self = SK_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, sk_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_record_class_init (SkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sk_record_get_property;
  object_class->finalize = sk_record_finalize;

  /* Read-only: only the store hands out ids. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sk_record_init (SkRecord *self)
{
}

gint64
sk_record_get_id (SkRecord *self)
{
  SkRecordPrivate *priv;

  g_return_val_if_fail (SK_IS_RECORD (self), 0);

  priv = sk_record_get_instance_private (self);
  return priv->id;
}

void
sk_record_set_id (SkRecord *self,
                  gint64    id)
{
  SkRecordPrivate *priv;

  g_return_if_fail (SK_IS_RECORD (self));

  priv = sk_record_get_instance_private (self);
  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
sk_record_class_install_columns (SkRecordClass *klass,
                                 GParamSpec   **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n = 0;

  g_return_if_fail (SK_IS_RECORD_CLASS (klass));
  g_return_if_fail (klass->columns == NULL);

  while (pspecs[n] != NULL)
    n++;

  object_class->get_property = column_get_property;
  object_class->set_property = column_set_property;

  klass->columns = g_new0 (GParamSpec *, n + 1);
  klass->n_columns = n;
  for (guint i = 0; i < n; i++)
    {
      klass->columns[i] = pspecs[i];
      g_object_class_install_property (object_class, i + 1, pspecs[i]);
    }
}

void
sk_record_load_column (SkRecord     *self,
                       guint         index,
                       const GValue *value)
{
  SkRecordClass *klass;

  g_return_if_fail (SK_IS_RECORD (self));

  klass = SK_RECORD_GET_CLASS (self);
  g_return_if_fail (index < klass->n_columns);

  {
    GValue *stored = column_value (self, klass->columns[index]);

    g_value_unset (stored);
    g_value_init (stored, G_VALUE_TYPE (value));
    g_value_copy (value, stored);
  }
}

static G_DEFINE_QUARK (sk-record-choice, sk_record_choice)

GParamSpec *
sk_record_choice (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, sk_record_choice_quark (), GINT_TO_POINTER (TRUE));
  return pspec;
}

GParamSpec *
sk_record_single_line (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, sk_record_single_line_quark (), GINT_TO_POINTER (TRUE));
  return pspec;
}

gboolean
sk_record_column_is_typed (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_STRING &&
         g_param_spec_get_qdata (pspec, sk_record_choice_quark ()) == NULL;
}

static const GValue *
lookup_value (SkRecord   *self,
              const char *property,
              GType       type)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (pspec->value_type == type, NULL);
  g_return_val_if_fail (pspec->owner_type != SK_TYPE_RECORD, NULL);

  return column_value (self, pspec);
}

const char *
sk_record_get_string (SkRecord   *self,
                      const char *property)
{
  const GValue *value;

  g_return_val_if_fail (SK_IS_RECORD (self), NULL);

  value = lookup_value (self, property, G_TYPE_STRING);
  if (value == NULL || g_value_get_string (value) == NULL)
    return "";
  return g_value_get_string (value);
}

gint64
sk_record_get_int64 (SkRecord   *self,
                     const char *property)
{
  const GValue *value;

  g_return_val_if_fail (SK_IS_RECORD (self), 0);

  value = lookup_value (self, property, G_TYPE_INT64);
  return value ? g_value_get_int64 (value) : 0;
}

int
sk_record_get_int (SkRecord   *self,
                   const char *property)
{
  const GValue *value;

  g_return_val_if_fail (SK_IS_RECORD (self), 0);

  value = lookup_value (self, property, G_TYPE_INT);
  return value ? g_value_get_int (value) : 0;
}

gboolean
sk_record_get_boolean (SkRecord   *self,
                       const char *property)
{
  const GValue *value;

  g_return_val_if_fail (SK_IS_RECORD (self), FALSE);

  value = lookup_value (self, property, G_TYPE_BOOLEAN);
  return value ? g_value_get_boolean (value) : FALSE;
}


static GStrv
split_keys (SkRecord   *self,
            const char *property)
{
  const char *list = sk_record_get_string (self, property);

  if (list == NULL || *list == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (list, ",", -1);
}

gboolean
sk_record_has_key (SkRecord   *self,
                   const char *property,
                   const char *key)
{
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (SK_IS_RECORD (self), FALSE);

  keys = split_keys (self, property);
  return g_strv_contains ((const char * const *) keys, key);
}

void
sk_record_toggle_key (SkRecord   *self,
                      const char *property,
                      const char *key)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) result = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *joined = NULL;
  gboolean found = FALSE;

  g_return_if_fail (SK_IS_RECORD (self));
  g_return_if_fail (key != NULL && *key != '\0' && strchr (key, ',') == NULL);

  keys = split_keys (self, property);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (g_str_equal (keys[i], key))
        found = TRUE;
      else
        g_strv_builder_add (builder, keys[i]);
    }
  if (!found)
    g_strv_builder_add (builder, key);

  result = g_strv_builder_end (builder);
  joined = g_strjoinv (",", result);
  g_object_set (self, property, joined, NULL);
}

int
sk_record_compare_position (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  return sk_record_get_int ((SkRecord *) a, "position") - sk_record_get_int ((SkRecord *) b, "position");
}
