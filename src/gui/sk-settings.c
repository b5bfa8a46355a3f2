/* sk-settings.c — the program's GSettings, installed or from the build tree */
#include "config.h"

#include "sk-settings.h"

GSettings *
sk_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SK_APP_ID, TRUE);

  if (schema == NULL)
    {
      /* Not installed: the schema compiled in the build folder. */
      g_autoptr(GSettingsSchemaSource) build = NULL;

      build = g_settings_schema_source_new_from_directory (SK_BUILD_SCHEMADIR, source, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, SK_APP_ID, FALSE);
    }

  if (schema == NULL)
    g_error ("The settings schema %s is not installed", SK_APP_ID);

  return g_settings_new_full (schema, NULL, NULL);
}

GStrv
sk_settings_read_sender (GSettings       *settings,
                         SkSummarySender *sender)
{
  static const char * const keys[] = { "caseworker-name", "municipality", "phone", "phone-hours", "email",
                                       "caseworker-photo" };
  GStrv values = g_new0 (char *, G_N_ELEMENTS (keys) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    values[i] = g_strstrip (g_settings_get_string (settings, keys[i]));
  *sender = (SkSummarySender) { values[0], values[1], values[2], values[3], values[4], values[5] };
  return values;
}
