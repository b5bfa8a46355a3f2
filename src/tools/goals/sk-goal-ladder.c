/* sk-goal-ladder.c — the ladder the child answers "How far are we?" on
 *
 * Two rails and eleven rungs, 0 at the bottom and 10 at the top, the
 * numbers beside them; the chosen rung is drawn thick in the accent
 * colour with a round marker on it.  A click or touch chooses the nearest
 * rung; Up, Down, Home and End move it; the same rung again un-chooses.
 * A slider for a screen reader.
 */
#include "config.h"

#include "sk-goal-ladder.h"
#include "sk-goals.h"

#include <glib/gi18n-lib.h>

struct _SkGoalLadder
{
  GtkWidget parent_instance;

  int rung;
};

G_DEFINE_FINAL_TYPE (SkGoalLadder, sk_goal_ladder, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_RUNG, N_PROPS };
static GParamSpec *properties[N_PROPS];

#define RUNG_GAP   30
#define PAD        16
#define RAIL_LEFT  44
#define RAIL_WIDTH 96

static double
rung_y (SkGoalLadder *self,
        int           rung)
{
  return PAD + (SK_GOAL_TOP_RUNG - rung) * RUNG_GAP;
}

void
sk_goal_ladder_rung_point (SkGoalLadder *self,
                           int           rung,
                           double       *x,
                           double       *y)
{
  *x = RAIL_LEFT + RAIL_WIDTH / 2.0;
  *y = rung_y (self, rung);
}

int
sk_goal_ladder_get_rung (SkGoalLadder *self)
{
  g_return_val_if_fail (SK_IS_GOAL_LADDER (self), SK_GOAL_NO_RUNG);
  return self->rung;
}

void
sk_goal_ladder_set_rung (SkGoalLadder *self,
                         int           rung)
{
  g_return_if_fail (SK_IS_GOAL_LADDER (self));

  rung = CLAMP (rung, SK_GOAL_NO_RUNG, SK_GOAL_TOP_RUNG);
  if (self->rung == rung)
    return;
  self->rung = rung;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) MAX (rung, 0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  rung == SK_GOAL_NO_RUNG ? _("Not chosen") : "", -1);
  if (rung != SK_GOAL_NO_RUNG)
    {
      /* Translators: the ladder's value for a screen reader: "6 of 10" */
      g_autofree char *text = g_strdup_printf (_("%d of %d"), rung, SK_GOAL_TOP_RUNG);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNG]);
}

static void
choose (SkGoalLadder *self,
        int           rung)
{
  sk_goal_ladder_set_rung (self, rung == self->rung ? SK_GOAL_NO_RUNG : rung);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SkGoalLadder    *self)
{
  int rung = (int) lround (SK_GOAL_TOP_RUNG - (y - PAD) / RUNG_GAP);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (rung < 0 || rung > SK_GOAL_TOP_RUNG)
    return;
  choose (self, rung);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SkGoalLadder          *self)
{
  int rung = self->rung;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Right:
      rung = MIN (SK_GOAL_TOP_RUNG, rung + 1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Left:
      rung = MAX (0, rung - 1);
      break;
    case GDK_KEY_Home:
      rung = 0;
      break;
    case GDK_KEY_End:
      rung = SK_GOAL_TOP_RUNG;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  sk_goal_ladder_set_rung (self, rung);
  return GDK_EVENT_STOP;
}

static void
sk_goal_ladder_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = RAIL_LEFT + RAIL_WIDTH + PAD;
  else
    *minimum = *natural = 2 * PAD + SK_GOAL_TOP_RUNG * RUNG_GAP;
}

static void
sk_goal_ladder_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SkGoalLadder *self = SK_GOAL_LADDER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GdkRGBA ink, accent = { 0.21, 0.52, 0.89, 1 };
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  /* The rails, wood-brown, and the rungs. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgb (cr, 0.58, 0.41, 0.27);
  cairo_set_line_width (cr, 7);
  cairo_move_to (cr, RAIL_LEFT, PAD - 10);
  cairo_line_to (cr, RAIL_LEFT, rung_y (self, 0) + 10);
  cairo_move_to (cr, RAIL_LEFT + RAIL_WIDTH, PAD - 10);
  cairo_line_to (cr, RAIL_LEFT + RAIL_WIDTH, rung_y (self, 0) + 10);
  cairo_stroke (cr);
  for (int rung = 0; rung <= SK_GOAL_TOP_RUNG; rung++)
    {
      g_autofree char *number = g_strdup_printf ("%d", rung);
      int w, h;

      if (rung == self->rung)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 9);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.72, 0.55, 0.38);
          cairo_set_line_width (cr, 5);
        }
      cairo_move_to (cr, RAIL_LEFT, rung_y (self, rung));
      cairo_line_to (cr, RAIL_LEFT + RAIL_WIDTH, rung_y (self, rung));
      cairo_stroke (cr);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &ink);
      cairo_move_to (cr, RAIL_LEFT - 12 - w, rung_y (self, rung) - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  if (self->rung != SK_GOAL_NO_RUNG)
    {
      /* The marker: where we are now (a path of its own, not from the
       * last number's place). */
      cairo_new_path (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_arc (cr, RAIL_LEFT + RAIL_WIDTH / 2.0, rung_y (self, self->rung), 11, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_new_path (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
  g_object_unref (layout);
  cairo_destroy (cr);
}

static void
sk_goal_ladder_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == PROP_RUNG)
    g_value_set_int (value, SK_GOAL_LADDER (object)->rung);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sk_goal_ladder_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == PROP_RUNG)
    sk_goal_ladder_set_rung (SK_GOAL_LADDER (object), g_value_get_int (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sk_goal_ladder_class_init (SkGoalLadderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sk_goal_ladder_get_property;
  object_class->set_property = sk_goal_ladder_set_property;
  widget_class->measure = sk_goal_ladder_measure;
  widget_class->snapshot = sk_goal_ladder_snapshot;
  properties[PROP_RUNG] = g_param_spec_int ("rung", NULL, NULL, SK_GOAL_NO_RUNG, SK_GOAL_TOP_RUNG, SK_GOAL_NO_RUNG,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "goalladder");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
sk_goal_ladder_init (SkGoalLadder *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rung = SK_GOAL_NO_RUNG;
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("How far are we?"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) SK_GOAL_TOP_RUNG,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("Not chosen"), -1);
}

GtkWidget *
sk_goal_ladder_new (void)
{
  return g_object_new (SK_TYPE_GOAL_LADDER, NULL);
}
