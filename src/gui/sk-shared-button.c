/* sk-shared-button.c — "May your parents see this?", answered by the child
 *
 * A toggle: pressed means the parents may see it.  The answer is said in
 * words and with an eye, open or crossed out, so colour never carries it
 * alone.
 */
#include "config.h"

#include "sk-shared-button.h"

#include <glib/gi18n-lib.h>

struct _SkSharedButton
{
  GtkToggleButton parent_instance;

  char      *question;
  GtkWidget *icon;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (SkSharedButton, sk_shared_button, GTK_TYPE_TOGGLE_BUTTON)

static void
update (SkSharedButton *self)
{
  gboolean shared = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));
  g_autofree char *markup = g_markup_printf_escaped ("%s <b>%s</b>", self->question,
                                                     shared ? _("Yes, they may") : _("No, just for us"));

  gtk_label_set_markup (GTK_LABEL (self->label), markup);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), shared ? "view-reveal-symbolic" : "view-conceal-symbolic");
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
  G_OBJECT_CLASS (klass)->finalize = sk_shared_button_finalize;
}

static void
sk_shared_button_init (SkSharedButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "shared-button");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  g_signal_connect (self, "toggled", G_CALLBACK (update), NULL);
}

GtkWidget *
sk_shared_button_new (const char *question)
{
  SkSharedButton *self = g_object_new (SK_TYPE_SHARED_BUTTON, NULL);

  self->question = g_strdup (question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  update (self);
  return GTK_WIDGET (self);
}
