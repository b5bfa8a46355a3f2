/* sk-note-field.c — a titled text area bound to a text column of a record
 *
 * The text buffer and the record property are bound both ways: what is
 * typed goes to the record at once (the store writes it within 0.3 s), and
 * a change from another view of the same record shows up here.
 */
#include "config.h"

#include "sk-note-field.h"
#include "sk-widget-util.h"

struct _SkNoteField
{
  GtkWidget parent_instance;

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkLabel    *description_label;
  GtkTextView *text_view;
  GBinding    *binding;
};

G_DEFINE_FINAL_TYPE (SkNoteField, sk_note_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sk_note_field_dispose (GObject *object)
{
  SkNoteField *self = SK_NOTE_FIELD (object);

  sk_binding_clear (&self->binding);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_NOTE_FIELD);

  G_OBJECT_CLASS (sk_note_field_parent_class)->dispose (object);
}

static void
sk_note_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SkNoteField *self = SK_NOTE_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (self->description_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_note_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SkNoteField *self = SK_NOTE_FIELD (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (text, gtk_label_get_label (self->title_label)) == 0)
        return;
      gtk_label_set_label (self->title_label, text);
      break;
    case PROP_DESCRIPTION:
      if (g_strcmp0 (text, gtk_label_get_label (self->description_label)) == 0)
        return;
      gtk_label_set_label (self->description_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && *text != '\0');
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
sk_note_field_class_init (SkNoteFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_note_field_dispose;
  object_class->get_property = sk_note_field_get_property;
  object_class->set_property = sk_note_field_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-note-field.ui");
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, box);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, title_label);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, description_label);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notefield");
}

static void
sk_note_field_init (SkNoteField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_label, NULL,
                                  -1);
}

/**
 * sk_note_field_bind:
 * @record: (nullable): the record to edit, or %NULL to show nothing
 * @property: a string column of @record
 */
void
sk_note_field_bind (SkNoteField *self,
                    SkRecord    *record,
                    const char  *property)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (SK_IS_NOTE_FIELD (self));
  g_return_if_fail (record == NULL || SK_IS_RECORD (record));

  sk_binding_clear (&self->binding);

  /* A fresh buffer, so that undo never crosses from one record to the next. */
  buffer = gtk_text_buffer_new (NULL);
  gtk_text_view_set_buffer (self->text_view, buffer);
  g_object_unref (buffer);

  if (record != NULL)
    self->binding = sk_bind (record, property, buffer, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

GtkTextView *
sk_note_field_get_text_view (SkNoteField *self)
{
  g_return_val_if_fail (SK_IS_NOTE_FIELD (self), NULL);

  return self->text_view;
}
