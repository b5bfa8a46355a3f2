/* sk-shared-button.c — "May your parents see this?", answered by the child
 *
 * A toggle: pressed means the parents may see it.  The question stands
 * small above the answer, which is said in words and with an eye, open or
 * crossed out, so colour never carries it alone.  Used wherever the child
 * chooses: a topic, the map, what happened since last time.
 */
#include "config.h"

#include "sk-shared-button.h"

#include <glib/gi18n-lib.h>

struct _SkSharedButton
{
  GtkToggleButton parent_instance;

  char      *question;
  GtkWidget *icon;
  GtkWidget *question_label;
  GtkWidget *answer_label;
};

G_DEFINE_FINAL_TYPE (SkSharedButton, sk_shared_button, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SkSharedButton *self)
{
  gboolean shared = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));

  gtk_label_set_text (GTK_LABEL (self->question_label), self->question != NULL ? self->question : "");
  gtk_label_set_text (GTK_LABEL (self->answer_label), shared ? _("Yes, they may") : _("No, just for us"));
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), shared ? "view-reveal-symbolic" : "view-conceal-symbolic");
}

static void
set_question (SkSharedButton *self,
              const char     *question)
{
  if (g_strcmp0 (self->question, question) == 0)
    return;
  g_free (self->question);
  self->question = g_strdup (question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  question != NULL ? question : "", -1);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

static void
sk_shared_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SkSharedButton *self = SK_SHARED_BUTTON (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_shared_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SkSharedButton *self = SK_SHARED_BUTTON (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      set_question (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_shared_button_finalize (GObject *object)
{
  SkSharedButton *self = SK_SHARED_BUTTON (object);

  g_free (self->question);

  G_OBJECT_CLASS (sk_shared_button_parent_class)->finalize (object);
}

static void
sk_shared_button_class_init (SkSharedButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sk_shared_button_finalize;
  object_class->get_property = sk_shared_button_get_property;
  object_class->set_property = sk_shared_button_set_property;

  /* The question, e.g. "May your parents see the map?". */
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sk_shared_button_init (SkSharedButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  /* The question and the answer as two labels, one above the other: one
   * wrapping label of two lines in a row with the icon makes GTK 4.8's
   * box report a height-for-width that is not its height (it counts the
   * label's baseline), and the page under it overlaps. */
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->icon), 24);
  self->question_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->question_label, "caption");
  self->answer_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->answer_label, "heading");
  for (GtkWidget *label = self->question_label; label != NULL;
       label = label == self->question_label ? self->answer_label : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (lines), label);
    }
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), lines);
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "shared-button");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  g_signal_connect (self, "toggled", G_CALLBACK (update), NULL);
  update (self);
}

GtkWidget *
sk_shared_button_new (const char *question)
{
  return g_object_new (SK_TYPE_SHARED_BUTTON, "question", question, NULL);
}
