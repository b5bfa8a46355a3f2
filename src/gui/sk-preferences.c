/* sk-preferences.c — language, and the caseworker's own details */
#include "config.h"

#include "sk-preferences.h"
#include "sk-entry-row.h"
#include "sk-accessible.h"

#include <glib/gi18n-lib.h>

struct _SkPreferences
{
  AdwPreferencesWindow parent_instance;

  GSettings   *settings;

  GtkCheckButton *language_checks[3];   /* as languages[] */
  SkEntryRow  *name_row;
  GtkWidget   *read_aloud_switch;
  GtkWidget   *scanning_switch;
  GtkWidget   *low_stimulation_switch;
  GtkWidget   *scan_pace_spin;
  GtkWidget   *lock_minutes_spin;
  GtkWidget   *reminder_months_spin;
  GtkWidget   *lock_group;
  GtkWidget   *backup_row;
  SkEntryRow  *municipality_row;
  SkEntryRow  *phone_row;
  SkEntryRow  *phone_hours_row;
  SkEntryRow  *email_row;
  GtkWidget   *photo_row;
  GtkWidget   *photo_remove;
};

G_DEFINE_FINAL_TYPE (SkPreferences, sk_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the language list, in order; "" follows the system. */
static const char * const languages[] = { "", "da", "en" };

/* The check of the language in the settings is on. */
static void
language_changed_cb (SkPreferences *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  guint row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      row = i;
  if (!gtk_check_button_get_active (self->language_checks[row]))
    gtk_check_button_set_active (self->language_checks[row], TRUE);
}

static void
language_toggled_cb (SkPreferences  *self,
                     GtkCheckButton *check)
{
  if (self->settings == NULL || !gtk_check_button_get_active (check))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (check == self->language_checks[i])
      {
        g_autofree char *now = g_settings_get_string (self->settings, "language");

        if (!g_str_equal (now, languages[i]))
          g_settings_set_string (self->settings, "language", languages[i]);
      }
}

static void
sk_preferences_dispose (GObject *object)
{
  SkPreferences *self = SK_PREFERENCES (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_PREFERENCES);

  G_OBJECT_CLASS (sk_preferences_parent_class)->dispose (object);
}

/* The pace: milliseconds in the settings, seconds on screen. */
static gboolean
pace_get (GValue   *value,
          GVariant *variant,
          gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
pace_set (const GValue       *value,
          const GVariantType *type,
          gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) * 1000 + 0.5));
}

static void
sk_preferences_class_init (SkPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_preferences_dispose;

  g_type_ensure (SK_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-preferences.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "language_system_check", FALSE,
                                             G_STRUCT_OFFSET (SkPreferences, language_checks[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "language_da_check", FALSE,
                                             G_STRUCT_OFFSET (SkPreferences, language_checks[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "language_en_check", FALSE,
                                             G_STRUCT_OFFSET (SkPreferences, language_checks[2]));
  gtk_widget_class_bind_template_callback (widget_class, language_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, name_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, read_aloud_switch);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, scanning_switch);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, low_stimulation_switch);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, scan_pace_spin);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, lock_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, reminder_months_spin);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, lock_group);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, phone_hours_row);
  gtk_widget_class_bind_template_child (widget_class, SkPreferences, email_row);
}

/* libadwaita's list of search results: the list in the group without a
 * title (each of ours has one, and its list is named after it). */
static void
name_results_list (GtkWidget *root,
                   gboolean   untitled)
{
  if (ADW_IS_PREFERENCES_GROUP (root))
    {
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root));

      untitled = title == NULL || *title == '\0';
      if (!untitled)
        return;
    }
  if (untitled && GTK_IS_LIST_BOX (root))
    sk_accessible_set_label (root, _("Search results"));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_results_list (child, untitled);
}

static void
sk_preferences_init (SkPreferences *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Search is off here, but libadwaita 1.2 builds its field and list all
   * the same, and a screen reader reaches them: they say what they are. */
  sk_accessible_label_first (GTK_WIDGET (self), GTK_TYPE_SEARCH_ENTRY, _("Search"));
  name_results_list (GTK_WIDGET (self), FALSE);
}

/* The photo for letters to the child: a file chosen, shown by its name. */
static void
photo_changed_cb (SkPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "caseworker-photo");
  g_autofree char *name = *path != '\0' ? g_filename_display_basename (path) : NULL;

  /* Translators: under "Your Photo on Letters": no photo chosen */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->photo_row), name != NULL ? name : _("None"));
  gtk_widget_set_visible (self->photo_remove, name != NULL);
}

static void
photo_response_cb (GtkNativeDialog *chooser,
                   int              response,
                   SkPreferences   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "caseworker-photo", path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
photo_choose_cb (SkPreferences *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Your Photo"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: a file filter's name */
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (photo_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
photo_remove_cb (SkPreferences *self)
{
  g_settings_reset (self->settings, "caseworker-photo");
}

static void
add_photo_row (SkPreferences *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->name_row), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));

  self->photo_row = adw_action_row_new ();
  /* Translators: a preference: the caseworker's photo, on the letters to the child */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->photo_row), _("Your Photo on Letters"));
  self->photo_remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->photo_remove, _("Remove the Photo"));
  sk_accessible_set_label (self->photo_remove, _("Remove the Photo"));
  for (GtkWidget *button = choose; button != NULL; button = button == choose ? self->photo_remove : NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->photo_row), button);
    }
  gtk_widget_add_css_class (self->photo_remove, "flat");
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (photo_choose_cb), self);
  g_signal_connect_swapped (self->photo_remove, "clicked", G_CALLBACK (photo_remove_cb), self);
  sk_accessible_tidy_mnemonics (self->photo_row);
  if (group != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->photo_row);
}

/* The backup folder: chosen, shown by its path; under the lock's group. */
static void
backup_changed_cb (SkPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "backup-folder");
  g_autofree char *name = *path != '\0' ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->backup_row),
                               name != NULL ? name
                               /* Translators: under "Backup folder" when none is chosen */
                               : _("None yet: choose a folder, for example on the municipality’s network drive."));
}

static void
backup_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SkPreferences   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-folder", path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
backup_choose_cb (SkPreferences *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_backup_row (SkPreferences *self)
{
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("Choose…"));

  self->backup_row = adw_action_row_new ();
  /* Translators: a preference: where the daily backups go */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backup_row), _("Backup folder"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->backup_row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->backup_row), choose);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (backup_choose_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->lock_group), self->backup_row);
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

  language_changed_cb (self);
  g_signal_connect_object (settings, "changed::language", G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
  g_settings_bind (settings, "caseworker-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "read-aloud", self->read_aloud_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "scanning", self->scanning_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "low-stimulation", self->low_stimulation_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "scan-interval", self->scan_pace_spin, "value", G_SETTINGS_BIND_DEFAULT,
                                pace_get, pace_set, NULL, NULL);
  g_settings_bind (settings, "lock-minutes", self->lock_minutes_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-months", self->reminder_months_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "municipality", self->municipality_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "phone", self->phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "phone-hours", self->phone_hours_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "email", self->email_row, "text", G_SETTINGS_BIND_DEFAULT);
  add_photo_row (self);
  photo_changed_cb (self);
  add_backup_row (self);
  backup_changed_cb (self);
  g_signal_connect_object (settings, "changed::backup-folder", G_CALLBACK (backup_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::caseworker-photo", G_CALLBACK (photo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
