/* sk-network-mark.c — one of the child's two marks on a person
 *
 * "I can talk to Hanne", "I worry about Hanne": the mark's picture, its
 * words, and a tick when it is on.  On is unmistakable: filled, outlined
 * and ticked, never only a darker grey.
 */
#include "config.h"

#include "sk-network-mark.h"
#include "sk-art-image.h"

struct _SkNetworkMark
{
  GtkToggleButton parent_instance;

  char      *property;
  GtkWidget *picture;
  GtkWidget *label;
  GtkWidget *check;
};

G_DEFINE_FINAL_TYPE (SkNetworkMark, sk_network_mark, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_ART,
  PROP_PROPERTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toggled_cb (SkNetworkMark *self)
{
  gtk_widget_set_visible (self->check, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self)));
}

static void
sk_network_mark_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SkNetworkMark *self = SK_NETWORK_MARK (object);

  switch (prop_id)
    {
    case PROP_ART:
      g_object_get_property (G_OBJECT (self->picture), "art", value);
      break;
    case PROP_PROPERTY:
      g_value_set_string (value, self->property);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_network_mark_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SkNetworkMark *self = SK_NETWORK_MARK (object);

  switch (prop_id)
    {
    case PROP_ART:
      g_object_set_property (G_OBJECT (self->picture), "art", value);
      break;
    case PROP_PROPERTY:
      g_free (self->property);
      self->property = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_network_mark_finalize (GObject *object)
{
  g_free (SK_NETWORK_MARK (object)->property);

  G_OBJECT_CLASS (sk_network_mark_parent_class)->finalize (object);
}

static void
sk_network_mark_class_init (SkNetworkMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sk_network_mark_finalize;
  object_class->get_property = sk_network_mark_get_property;
  object_class->set_property = sk_network_mark_set_property;

  properties[PROP_ART] =
    g_param_spec_string ("art", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The person's boolean it shows: "can-talk", "worried". */
  properties[PROP_PROPERTY] =
    g_param_spec_string ("property", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sk_network_mark_init (SkNetworkMark *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->picture = sk_art_image_new (NULL, 32);
  self->label = gtk_label_new (NULL);
  self->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_box_append (GTK_BOX (box), self->picture);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 12);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_widget_set_visible (self->check, FALSE);
  gtk_widget_add_css_class (self->check, "mark-check");
  gtk_box_append (GTK_BOX (box), self->check);
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "mark-button");
  g_signal_connect (self, "toggled", G_CALLBACK (toggled_cb), NULL);
}

void
sk_network_mark_set_label (SkNetworkMark *self,
                           const char    *label)
{
  g_return_if_fail (SK_IS_NETWORK_MARK (self));

  gtk_label_set_label (GTK_LABEL (self->label), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

const char *
sk_network_mark_get_property_name (SkNetworkMark *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_MARK (self), NULL);

  return self->property;
}
