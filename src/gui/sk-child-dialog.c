/* sk-child-dialog.c — add a child, or edit a child's details */
#include "config.h"

#include "sk-child-dialog.h"
#include "sk-entry-row.h"
#include "sk-accessible.h"

#include <glib/gi18n-lib.h>

#include "sk-widget-util.h"

/* Long enough for any real name or pseudonym, short enough for every
 * heading it appears in. */
#define MAX_NAME_CHARS 80
#define MAX_FIELD_CHARS 200

struct _SkChildDialog
{
  AdwWindow parent_instance;

  SkStore        *store;
  SkChild        *child;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  SkEntryRow     *name_row;
  SkEntryRow     *birth_year_row;
  GtkWidget      *way_row;
  GtkWidget      *words_button;
  GtkWidget      *pictures_button;
  GtkWidget      *observation_button;
  gboolean        way_chosen;   /* by the person: no more suggestions */
  gboolean        suggesting;
  SkEntryRow     *case_ref_row;
  SkEntryRow     *language_row;
  GtkLabel       *problem_label;
};

G_DEFINE_FINAL_TYPE (SkChildDialog, sk_child_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SK_CHILD_DIALOG_ERROR (sk_child_dialog_error_quark ())
static G_DEFINE_QUARK (sk-child-dialog-error-quark, sk_child_dialog_error)

static char *
field_text (SkEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Returns the birth year (0 for none), or -1 when the text is no year. */
static int
parse_birth_year (const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint64 year;

  if (*text == '\0')
    return 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1900, g_date_time_get_year (now), &year, NULL))
    return -1;
  return (int) year;
}

static gboolean
validate (SkChildDialog  *self,
          GError        **error)
{
  g_autofree char *name = field_text (self->name_row);
  g_autofree char *year = field_text (self->birth_year_row);
  g_autofree char *case_ref = field_text (self->case_ref_row);
  g_autofree char *language = field_text (self->language_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (*name == '\0')
    {
      g_set_error_literal (error, SK_CHILD_DIALOG_ERROR, 0,
                           _("Write the name the child wants to be called."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, SK_CHILD_DIALOG_ERROR, 0,
                   _("The name is too long: use at most %d characters."), MAX_NAME_CHARS);
      return FALSE;
    }
  if (parse_birth_year (year) < 0)
    {
      g_set_error (error, SK_CHILD_DIALOG_ERROR, 0,
                   _("Write the birth year with four digits, like %d, or leave it empty."),
                   g_date_time_get_year (now) - 10);
      return FALSE;
    }
  if (g_utf8_strlen (case_ref, -1) > MAX_FIELD_CHARS || g_utf8_strlen (language, -1) > MAX_FIELD_CHARS)
    {
      g_set_error (error, SK_CHILD_DIALOG_ERROR, 0,
                   _("A field is too long: use at most %d characters."), MAX_FIELD_CHARS);
      return FALSE;
    }
  return TRUE;
}

static SkWay
chosen_way (SkChildDialog *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->observation_button)))
    return SK_WAY_OBSERVATION;
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->pictures_button)) ? SK_WAY_PICTURES : SK_WAY_WORDS;
}

static void
show_way (SkChildDialog *self,
          SkWay          way)
{
  GtkWidget *button = way == SK_WAY_PICTURES ? self->pictures_button
                      : way == SK_WAY_OBSERVATION ? self->observation_button : self->words_button;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static void
way_changed_cb (SkChildDialog *self)
{
  /* A toggled group changes twice: what was, what is.  Either is a
   * choice of the person's when not suggested. */
  if (!self->suggesting)
    self->way_chosen = TRUE;
}

/* A new child's way follows the birth year (under 3: observation, under
 * 7: pictures) until the caseworker chooses one. */
static void
suggest_way (SkChildDialog *self)
{
  g_autofree char *year = field_text (self->birth_year_row);
  int birth_year = parse_birth_year (year);

  if (self->child != NULL || self->way_chosen || birth_year < 0)
    return;
  self->suggesting = TRUE;
  show_way (self, sk_child_suggest_way (birth_year));
  self->suggesting = FALSE;
}

static void
changed_cb (SkChildDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = field_text (self->name_row);
  gboolean valid = validate (self, &error);

  suggest_way (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
  /* Say what is wrong once there is something to be wrong about. */
  gtk_label_set_label (self->problem_label, valid || *name == '\0' ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !valid && *name != '\0');
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->birth_year_row), "error");
}

static void
cancel_cb (SkChildDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_cb (SkChildDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!sk_child_dialog_save (self, &error))
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
sk_child_dialog_dispose (GObject *object)
{
  SkChildDialog *self = SK_CHILD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CHILD_DIALOG);

  G_OBJECT_CLASS (sk_child_dialog_parent_class)->dispose (object);
}

static void
sk_child_dialog_class_init (SkChildDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_child_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SK_TYPE_CHILD, G_TYPE_BOOLEAN);

  g_type_ensure (SK_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-child-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, case_ref_row);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, way_row);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, words_button);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, pictures_button);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, observation_button);
  gtk_widget_class_bind_template_callback (widget_class, way_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, SkChildDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_child_dialog_init (SkChildDialog *self)
{
  /* The template's own first choice is no one's choice. */
  self->suggesting = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->suggesting = FALSE;
  /* The ways' names from the core, where the journal finds them too. */
  gtk_button_set_label (GTK_BUTTON (self->words_button), sk_way_label (SK_WAY_WORDS));
  gtk_button_set_label (GTK_BUTTON (self->pictures_button), sk_way_label (SK_WAY_PICTURES));
  gtk_button_set_label (GTK_BUTTON (self->observation_button), sk_way_label (SK_WAY_OBSERVATION));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
}

SkChildDialog *
sk_child_dialog_new (GtkWindow *parent,
                     SkStore   *store,
                     SkChild   *child)
{
  SkChildDialog *self;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (child == NULL || SK_IS_CHILD (child), NULL);

  self = g_object_new (SK_TYPE_CHILD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->child = child ? g_object_ref (child) : NULL;
  /* Fields of one line: a pasted line break does not come in. */
  sk_editable_keep_one_line (GTK_EDITABLE (self->name_row));
  sk_editable_keep_one_line (GTK_EDITABLE (self->birth_year_row));
  sk_editable_keep_one_line (GTK_EDITABLE (self->case_ref_row));

  if (child != NULL)
    {
      g_autofree char *year = sk_child_get_birth_year (child) > 0
                              ? g_strdup_printf ("%d", sk_child_get_birth_year (child))
                              : g_strdup ("");

      adw_window_title_set_title (self->window_title, _("Edit Details"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sk_child_get_name (child));
      gtk_editable_set_text (GTK_EDITABLE (self->birth_year_row), year);
      gtk_editable_set_text (GTK_EDITABLE (self->case_ref_row), sk_child_get_case_ref (child));
      gtk_editable_set_text (GTK_EDITABLE (self->language_row), sk_child_get_language (child));
      self->suggesting = TRUE;
      show_way (self, sk_child_get_way (child));
      self->suggesting = FALSE;
    }
  changed_cb (self);
  /* The keyboard starts in the name: typing never presses a button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

/**
 * sk_child_dialog_save:
 *
 * Checks the fields and stores them: a new child is inserted, an existing
 * one changed.  Emits "saved".
 */
gboolean
sk_child_dialog_save (SkChildDialog  *self,
                      GError        **error)
{
  g_autoptr(SkChild) child = NULL;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  g_autofree char *case_ref = NULL;
  g_autofree char *language = NULL;
  gboolean is_new;

  g_return_val_if_fail (SK_IS_CHILD_DIALOG (self), FALSE);

  if (!validate (self, error))
    return FALSE;

  name = field_text (self->name_row);
  year = field_text (self->birth_year_row);
  case_ref = field_text (self->case_ref_row);
  language = field_text (self->language_row);

  is_new = self->child == NULL;
  child = is_new ? sk_child_new (name) : g_object_ref (self->child);
  g_object_set (child,
                "name", name,
                "birth-year", parse_birth_year (year),
                "case-ref", case_ref,
                "language", language,
                "way", sk_way_key (chosen_way (self)),
                NULL);

  if (is_new ? !sk_store_insert (self->store, child, error)
             : !sk_store_flush (self->store, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, child, is_new);
  return TRUE;
}
