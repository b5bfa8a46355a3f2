/* sk-network-token.c — one person on the network map
 *
 * A small focusable widget, so that Tab reaches every person and a screen
 * reader can name them.  It draws itself from a texture made once per
 * look and size by the same render code as the printout; moving it costs
 * nothing but a new position.  Pointer input goes to the map.
 */
#include "config.h"

#include "sk-network-token.h"
#include "sk-snapshot.h"

#include <glib/gi18n-lib.h>
#include <math.h>

struct _SkNetworkToken
{
  GtkWidget parent_instance;

  SkNetworkPerson *person;
  SkNetworkFrame   frame;
  SkPictureCache   picture;      /* the look, drawn once per change */
  gboolean         lifted;
};

G_DEFINE_FINAL_TYPE (SkNetworkToken, sk_network_token, GTK_TYPE_WIDGET)

static void
update_label (SkNetworkToken *self)
{
  g_autofree char *description = sk_network_person_dup_description (self->person);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Enter changes, arrow keys move, Delete removes"),
                                  -1);
}

static void
person_notify_cb (SkNetworkToken *self,
                  GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "position") || g_str_equal (pspec->name, "origin-id"))
    return;
  update_label (self);
  if (!g_str_equal (pspec->name, "angle") && !g_str_equal (pspec->name, "distance"))
    {
      sk_picture_cache_clear (&self->picture);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
draw_picture (cairo_t  *cr,
              int       width,
              int       height,
              gpointer  data)
{
  SkNetworkToken *self = data;
  SkRecord *record = SK_RECORD (self->person);
  SkNetworkFigure figure = {
    .name = sk_record_get_string (record, "name"),
    .relation = sk_record_get_string (record, "relation"),
    .avatar = sk_record_get_string (record, "avatar"),
    .can_talk = sk_record_get_boolean (record, "can-talk"),
    .worried = sk_record_get_boolean (record, "worried"),
    .hidden = !sk_record_get_boolean (record, "shared"),
  };

  sk_network_draw_figure (cr, &self->frame, &figure, width / 2.0, height / 2.0, FALSE);
}

static void
sk_network_token_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SkNetworkToken *self = SK_NETWORK_TOKEN (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;
  if (self->lifted)
    {
      /* Picked up: a soft shadow under the picture, like a card lifted
       * off the table. */
      float p = self->frame.picture;
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT ((width - p) / 2, 0, p, p), p / 2);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0.24, 0.22, 0.27, 0.35 },
                                         0, p * 0.06f, p * 0.04f, p * 0.12f);
    }
  sk_picture_cache_append (&self->picture, snapshot, widget, width, height, draw_picture, self);
}

static void
sk_network_token_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SkNetworkToken *self = SK_NETWORK_TOKEN (widget);
  double width = 0, height = 0;

  if (self->frame.radius > 0)
    sk_network_figure_size (&self->frame, &width, &height);
  *minimum = *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
sk_network_token_dispose (GObject *object)
{
  SkNetworkToken *self = SK_NETWORK_TOKEN (object);

  if (self->person != NULL)
    g_signal_handlers_disconnect_by_data (self->person, self);
  g_clear_object (&self->person);
  sk_picture_cache_clear (&self->picture);

  G_OBJECT_CLASS (sk_network_token_parent_class)->dispose (object);
}

static void
sk_network_token_class_init (SkNetworkTokenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_network_token_dispose;
  widget_class->snapshot = sk_network_token_snapshot;
  widget_class->measure = sk_network_token_measure;

  gtk_widget_class_set_css_name (widget_class, "networkperson");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sk_network_token_init (SkNetworkToken *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The map takes the pointer: it knows who is on top and what a drag
   * means. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sk_network_token_new (SkNetworkPerson *person)
{
  SkNetworkToken *self;

  g_return_val_if_fail (SK_IS_NETWORK_PERSON (person), NULL);

  self = g_object_new (SK_TYPE_NETWORK_TOKEN, NULL);
  self->person = g_object_ref (person);
  g_signal_connect_object (person, "notify", G_CALLBACK (person_notify_cb), self, G_CONNECT_SWAPPED);
  update_label (self);
  return GTK_WIDGET (self);
}

SkNetworkPerson *
sk_network_token_get_person (SkNetworkToken *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_TOKEN (self), NULL);

  return self->person;
}

void
sk_network_token_set_frame (SkNetworkToken       *self,
                            const SkNetworkFrame *frame)
{
  g_return_if_fail (SK_IS_NETWORK_TOKEN (self));

  if (self->frame.picture == frame->picture && self->frame.font_size == frame->font_size &&
      self->frame.radius == frame->radius)
    return;
  self->frame = *frame;
  sk_picture_cache_clear (&self->picture);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sk_network_token_set_lifted (SkNetworkToken *self,
                             gboolean        lifted)
{
  g_return_if_fail (SK_IS_NETWORK_TOKEN (self));

  if (self->lifted == lifted)
    return;
  self->lifted = lifted;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
