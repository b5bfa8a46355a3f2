/* sk-preferences.c — language, and the caseworker's own details */
#include "config.h"

#include "sk-preferences.h"

#include <glib/gi18n-lib.h>

struct _SkPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings   *settings;

  AdwComboRow *language_row;
  AdwEntryRow *name_row;
  AdwEntryRow *municipality_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *phone_hours_row;
  AdwEntryRow *email_row;
};

G_DEFINE_FINAL_TYPE (SkPreferences, sk_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the language list, in order; "" follows the system. */
static const char * const languages[] = { "", "da", "en" };

static gboolean
language_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
row_to_language (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  return g_variant_new_string (row < G_N_ELEMENTS (languages) ? languages[row] : "");
}

static void
sk_preferences_dispose (GObject *object)
{
  SkPreferences *self = SK_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_PREFERENCES);

  G_OBJECT_CLASS (sk_preferences_parent_class)->dispose (object);
}

static void
sk_preferences_class_init (SkPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, language_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, name_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, phone_hours_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, email_row);
}

static void
sk_preferences_init (SkPreferences *self)
{
  g_autoptr(GtkStringList) names = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The languages are named in their own language, so that anyone can
   * find theirs whatever the screen shows now. */
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Same as the system"));
  gtk_string_list_append (names, "Dansk");
  gtk_string_list_append (names, "English");
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
}

SkPreferences *
sk_preferences_new (GtkWindow *parent,
                    GSettings *settings)
{
  SkPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SK_TYPE_PREFERENCES,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_row, row_to_language, NULL, NULL);
  g_settings_bind (settings, "caseworker-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "municipality", self->municipality_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "phone", self->phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "phone-hours", self->phone_hours_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "email", self->email_row, "text", G_SETTINGS_BIND_DEFAULT);
  return self;
}
