/* sk-lundy-line.c — one Lundy step's line for the child, on the whole
 * screen
 *
 * The caseworker puts a step on the screen for the child to read (or reads
 * it aloud): the step's picture and its line, very large, on the child's
 * calm background.  Escape or the button goes back ("back": the tool
 * that showed it takes it away).
 */
#include "config.h"

#include "sk-lundy-line.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-lundy.h"

#include <glib/gi18n-lib.h>

struct _SkLundyLine
{
  GtkWidget parent_instance;

  const SkLundyStep *step;
  GtkWidget         *box;
  GtkWidget         *picture;
  GtkWidget         *name;
  GtkWidget         *line;
};

G_DEFINE_FINAL_TYPE (SkLundyLine, sk_lundy_line, GTK_TYPE_WIDGET)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
back_cb (SkLundyLine *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  back_cb (SK_LUNDY_LINE (widget));
  return TRUE;
}

void
sk_lundy_line_set_step (SkLundyLine *self,
                        const char  *step)
{
  g_return_if_fail (SK_IS_LUNDY_LINE (self));

  self->step = sk_lundy_step (step);
  if (self->step == NULL)
    return;
  sk_art_image_set_art (SK_ART_IMAGE (self->picture), self->step->art);
  gtk_label_set_text (GTK_LABEL (self->name), _(self->step->name));
  gtk_label_set_text (GTK_LABEL (self->line), _(self->step->child_line));
  /* It takes the keyboard (for Escape): it says which step, and the line. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->step->name),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(self->step->child_line),
                                  -1);
}

const char *
sk_lundy_line_get_step (SkLundyLine *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_LINE (self), NULL);

  return self->step != NULL ? self->step->key : NULL;
}

static void
sk_lundy_line_dispose (GObject *object)
{
  SkLundyLine *self = SK_LUNDY_LINE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sk_lundy_line_parent_class)->dispose (object);
}

static void
sk_lundy_line_class_init (SkLundyLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_lundy_line_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lundyline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
sk_lundy_line_init (SkLundyLine *self)
{
  GtkWidget *back, *clamp;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 28);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->box, 48);
  gtk_widget_set_margin_end (self->box, 48);

  self->picture = sk_art_image_new ("lundy-space", 180);
  gtk_widget_set_halign (self->picture, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), self->picture);

  self->name = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->name, "lundy-line-name");
  gtk_box_append (GTK_BOX (self->box), self->name);

  self->line = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->line), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->line), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->line, "lundy-line");
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->line);
  gtk_box_append (GTK_BOX (self->box), clamp);

  back = gtk_button_new_with_mnemonic (_("_Back"));
  sk_accessible_tidy_mnemonics (back);
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (back, "pill");
  gtk_widget_set_tooltip_text (back, _("Back (Esc)"));
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), back);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
sk_lundy_line_new (void)
{
  return g_object_new (SK_TYPE_LUNDY_LINE, NULL);
}
