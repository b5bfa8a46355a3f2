/* sk-entry-row.c — a field of one line in a boxed list, with its title
 *
 * In place of libadwaita 1.2's AdwEntryRow, which a screen reader cannot
 * follow: its text field is not in the accessibility tree, and the row
 * never says that it has the keyboard (fixed in libadwaita 1.3, which
 * needs GTK 4.10).  Here the field is a plain GtkEntry, which GTK 4.8
 * presents whole — its name (the row's title), its text, its focus —
 * under the title in small type, in a row of the list.  It is a
 * GtkEditable itself (the entry's), so "text", "changed" and the rest
 * work on the row as on AdwEntryRow; "entry-activated" is Enter.
 */
#include "config.h"

#include "sk-entry-row.h"

struct _SkEntryRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *box;
  GtkWidget *title_label;
  GtkWidget *entry;
};

static void sk_entry_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SkEntryRow, sk_entry_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, sk_entry_row_editable_init))

enum {
  PROP_0,
  PROP_INPUT_PURPOSE,
  PROP_ACTIVATES_DEFAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
sk_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (SK_ENTRY_ROW (editable)->entry);
}

static void
sk_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = sk_entry_row_get_delegate;
}

static void
activate_cb (SkEntryRow *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

static void
title_changed_cb (SkEntryRow *self)
{
  if (self->title_label != NULL)
    gtk_label_set_label (GTK_LABEL (self->title_label),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static gboolean
sk_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (SK_ENTRY_ROW (widget)->entry);
}

/* The keyboard into the field and on out of it, either way: the list
 * row's own focus handling would take Shift+Tab back into the field. */
static gboolean
sk_entry_row_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  SkEntryRow *self = SK_ENTRY_ROW (widget);

  return self->box != NULL && gtk_widget_child_focus (self->box, direction);
}

static void
sk_entry_row_dispose (GObject *object)
{
  SkEntryRow *self = SK_ENTRY_ROW (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;
  self->title_label = NULL;
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  self->box = NULL;

  G_OBJECT_CLASS (sk_entry_row_parent_class)->dispose (object);
}

static void
sk_entry_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SkEntryRow *self = SK_ENTRY_ROW (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_INPUT_PURPOSE:
      g_value_set_enum (value, gtk_entry_get_input_purpose (GTK_ENTRY (self->entry)));
      break;
    case PROP_ACTIVATES_DEFAULT:
      g_value_set_boolean (value, gtk_entry_get_activates_default (GTK_ENTRY (self->entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_entry_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SkEntryRow *self = SK_ENTRY_ROW (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_INPUT_PURPOSE:
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), g_value_get_enum (value));
      break;
    case PROP_ACTIVATES_DEFAULT:
      gtk_entry_set_activates_default (GTK_ENTRY (self->entry), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_entry_row_class_init (SkEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_entry_row_dispose;
  object_class->get_property = sk_entry_row_get_property;
  object_class->set_property = sk_entry_row_set_property;
  widget_class->grab_focus = sk_entry_row_grab_focus;
  widget_class->focus = sk_entry_row_focus;

  properties[PROP_INPUT_PURPOSE] =
    g_param_spec_enum ("input-purpose", NULL, NULL, GTK_TYPE_INPUT_PURPOSE, GTK_INPUT_PURPOSE_FREE_FORM,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATES_DEFAULT] =
    g_param_spec_boolean ("activates-default", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "row");
  /* Not an item to choose: a group around the field, which is named. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sk_entry_row_init (SkEntryRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  self->title_label = gtk_label_new (NULL);
  self->entry = gtk_entry_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "sk-entry-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->title_label, "caption");
  gtk_widget_add_css_class (self->title_label, "dim-label");
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_widget_add_css_class (self->entry, "flat");
  /* The field is named by the row's title, once. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL, -1);
  gtk_box_append (GTK_BOX (self->box), self->title_label);
  gtk_box_append (GTK_BOX (self->box), self->entry);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);

  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

GtkWidget *
sk_entry_row_new (void)
{
  return g_object_new (SK_TYPE_ENTRY_ROW, NULL);
}

/* Returns: (transfer none): the field itself */
GtkEntry *
sk_entry_row_get_entry (SkEntryRow *self)
{
  g_return_val_if_fail (SK_IS_ENTRY_ROW (self), NULL);

  return GTK_ENTRY (self->entry);
}
