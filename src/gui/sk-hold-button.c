/* sk-hold-button.c — a button that acts only when held down
 *
 * For the way out of the child's view: a tap, a bump or a key press does
 * nothing; holding it for a second does, and it fills up meanwhile so the
 * caseworker sees it coming.  It takes no keyboard focus, so Space and
 * Enter never reach it; the keyboard's way out is a key combination.
 */
#include "config.h"

#include "sk-hold-button.h"

#include <glib/gi18n-lib.h>

#define HOLD_USEC (1000 * 1000)

struct _SkHoldButton
{
  GtkWidget parent_instance;

  char      *action_name;
  GtkWidget *content;
  GtkWidget *icon;
  GtkWidget *label;
  gint64     pressed_at;      /* 0 when not held */
  guint      tick_id;
  double     progress;        /* 0 … 1 */
};

G_DEFINE_FINAL_TYPE (SkHoldButton, sk_hold_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_ICON_NAME,
  PROP_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop (SkHoldButton *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->pressed_at = 0;
  self->progress = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "holding");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SkHoldButton *self = SK_HOLD_BUTTON (widget);

  self->progress = CLAMP ((double) (g_get_monotonic_time () - self->pressed_at) / HOLD_USEC, 0, 1);
  gtk_widget_queue_draw (widget);
  if (self->progress >= 1)
    {
      self->tick_id = 0;
      stop (self);
      if (self->action_name != NULL)
        gtk_widget_activate_action (widget, self->action_name, NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
pressed_cb (GtkGestureDrag *gesture,
            double          x,
            double          y,
            SkHoldButton   *self)
{
  if (self->pressed_at != 0)
    return;
  self->pressed_at = g_get_monotonic_time ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "holding");
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
released_cb (SkHoldButton *self)
{
  stop (self);
}

static void
sk_hold_button_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SkHoldButton *self = SK_HOLD_BUTTON (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->progress > 0)
    {
      GskRoundedRect clip;
      GdkRGBA fill;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fill);
      fill.alpha = 0.18f;
      gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, 0, width * (float) self->progress, height));
      gtk_snapshot_pop (snapshot);
    }
  GTK_WIDGET_CLASS (sk_hold_button_parent_class)->snapshot (widget, snapshot);
}

static void
sk_hold_button_unmap (GtkWidget *widget)
{
  stop (SK_HOLD_BUTTON (widget));
  GTK_WIDGET_CLASS (sk_hold_button_parent_class)->unmap (widget);
}

static void
sk_hold_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SkHoldButton *self = SK_HOLD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->label)));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (GTK_IMAGE (self->icon)));
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_hold_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SkHoldButton *self = SK_HOLD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_label_set_label (GTK_LABEL (self->label), g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), g_value_get_string (value));
      break;
    case PROP_ACTION_NAME:
      g_free (self->action_name);
      self->action_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_hold_button_dispose (GObject *object)
{
  SkHoldButton *self = SK_HOLD_BUTTON (object);

  g_clear_pointer (&self->content, gtk_widget_unparent);

  G_OBJECT_CLASS (sk_hold_button_parent_class)->dispose (object);
}

static void
sk_hold_button_finalize (GObject *object)
{
  g_free (SK_HOLD_BUTTON (object)->action_name);

  G_OBJECT_CLASS (sk_hold_button_parent_class)->finalize (object);
}

static void
sk_hold_button_class_init (SkHoldButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_hold_button_dispose;
  object_class->finalize = sk_hold_button_finalize;
  object_class->get_property = sk_hold_button_get_property;
  object_class->set_property = sk_hold_button_set_property;
  widget_class->snapshot = sk_hold_button_snapshot;
  widget_class->unmap = sk_hold_button_unmap;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The action held down runs, e.g. "win.leave-child-view". */
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holdbutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sk_hold_button_init (SkHoldButton *self)
{
  /* A drag gesture, not a click: it has no time limit of its own. */
  GtkGesture *press = gtk_gesture_drag_new ();

  self->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_widget_set_halign (self->content, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), self->icon);
  gtk_box_append (GTK_BOX (self->content), self->label);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), GDK_BUTTON_PRIMARY);
  g_signal_connect (press, "drag-begin", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (press, "drag-end", G_CALLBACK (released_cb), self);
  g_signal_connect_swapped (press, "cancel", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

/* How long it must be held, in milliseconds. */
guint
sk_hold_button_get_hold_time (void)
{
  return HOLD_USEC / 1000;
}
