/* sk-face-scale.c — five faces from "Really bad" to "Really good"
 *
 * Each face is a button a child can tap or click; the arrow keys move
 * between the faces and Enter or Space chooses.  The chosen face grows and
 * gets a ring and a tick (never colour alone); choosing it again clears
 * the choice.  To a screen reader the faces are radio buttons: "Really
 * good, selected".
 */
#include "config.h"

#include "sk-face-scale.h"
#include "sk-tool.h"
#include "sk-art-image.h"
#include "sk-emotion.h"

#include <adwaita.h>
#include <pango/pangocairo.h>

/* How big a face is drawn, of the room it has. */
#define SCALE_CHOSEN 1.0
#define SCALE_NORMAL 0.88
#define SCALE_OTHER  0.8

#define SK_TYPE_FACE_BUTTON (sk_face_button_get_type ())
G_DECLARE_FINAL_TYPE (SkFaceButton, sk_face_button, SK, FACE_BUTTON, GtkWidget)

struct _SkFaceButton
{
  GtkWidget parent_instance;

  int           face;
  gboolean      selected;
  SkArtImage   *image;
  GtkWidget    *label;
  AdwAnimation *animation;
};

G_DEFINE_FINAL_TYPE (SkFaceButton, sk_face_button, GTK_TYPE_WIDGET)

enum {
  BUTTON_CLICKED,
  N_BUTTON_SIGNALS
};

static guint button_signals[N_BUTTON_SIGNALS];

static void
face_button_clicked (SkFaceButton *self)
{
  g_signal_emit (self, button_signals[BUTTON_CLICKED], 0);
}

static void
face_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SkFaceButton    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  /* A double tap is two taps: it chooses and clears, as a child means. */
  face_button_clicked (self);
}

static void
face_choose_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  face_button_clicked (SK_FACE_BUTTON (widget));
}

static void
animate_scale_cb (double        value,
                  SkFaceButton *self)
{
  sk_art_image_set_scale (self->image, value);
}

static void
face_button_set_state (SkFaceButton *self,
                       gboolean      selected,
                       gboolean      any_selected)
{
  double target = selected ? SCALE_CHOSEN : any_selected ? SCALE_OTHER : SCALE_NORMAL;

  self->selected = selected;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, selected, -1);
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "chosen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "chosen");
  if (any_selected && !selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "not-chosen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "not-chosen");

  /* Gentle growth; at once where animations are off. */
  adw_timed_animation_set_value_from (ADW_TIMED_ANIMATION (self->animation),
                                      adw_animation_get_value (self->animation));
  adw_timed_animation_set_value_to (ADW_TIMED_ANIMATION (self->animation), target);
  adw_animation_play (self->animation);
}

static void
sk_face_button_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SkFaceButton *self = SK_FACE_BUTTON (widget);
  graphene_rect_t bounds;
  GskRoundedRect ring;
  GdkRGBA accent, white = { 1, 1, 1, 1 };
  float side, x, y, width;

  GTK_WIDGET_CLASS (sk_face_button_parent_class)->snapshot (widget, snapshot);

  if (!self->selected || !gtk_widget_compute_bounds (GTK_WIDGET (self->image), widget, &bounds))
    return;

  /* A ring around the chosen face, and a tick: marks that do not need
   * colour to be seen. */
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &accent);
  side = MIN (bounds.size.width, bounds.size.height);
  x = bounds.origin.x + (bounds.size.width - side) / 2;
  y = bounds.origin.y + (bounds.size.height - side) / 2;
  width = MAX (4, side / 22);
  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (x - width, y - width, side + 2 * width, side + 2 * width),
                                   side / 2 + width);
  gtk_snapshot_append_border (snapshot, &ring,
                              (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
  {
    float badge = MAX (18, side / 4);
    float bx = x + side - badge * 0.8f, by = y + side - badge * 0.8f;
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (bx - 2, by - 2, badge + 4, badge + 4));

    cairo_arc (cr, bx + badge / 2, by + badge / 2, badge / 2, 0, 2 * G_PI);
    gdk_cairo_set_source_rgba (cr, &accent);
    cairo_fill_preserve (cr);
    gdk_cairo_set_source_rgba (cr, &white);
    cairo_set_line_width (cr, badge / 10);
    cairo_stroke (cr);
    cairo_move_to (cr, bx + badge * 0.27, by + badge * 0.52);
    cairo_line_to (cr, bx + badge * 0.44, by + badge * 0.68);
    cairo_line_to (cr, bx + badge * 0.74, by + badge * 0.34);
    cairo_set_line_width (cr, badge / 8);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke (cr);
    cairo_destroy (cr);
  }
}

static void
sk_face_button_dispose (GObject *object)
{
  SkFaceButton *self = SK_FACE_BUTTON (object);
  GtkWidget *child;

  g_clear_object (&self->animation);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sk_face_button_parent_class)->dispose (object);
}

static void
sk_face_button_class_init (SkFaceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_face_button_dispose;
  widget_class->snapshot = sk_face_button_snapshot;

  button_signals[BUTTON_CLICKED] =
    g_signal_new ("clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Enter and Space choose, as the action "face.choose" does. */
  gtk_widget_class_install_action (widget_class, "face.choose", NULL, face_choose_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "face.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "face.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "face.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "face.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "face.choose", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "facebutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO);
}

static void
sk_face_button_init (SkFaceButton *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (click), FALSE);
  g_signal_connect (click, "pressed", G_CALLBACK (face_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->animation = adw_timed_animation_new (GTK_WIDGET (self), SCALE_NORMAL, SCALE_NORMAL, 180,
                                             adw_callback_animation_target_new ((AdwAnimationTargetFunc) animate_scale_cb,
                                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
}

static GtkWidget *
sk_face_button_new (int face)
{
  SkFaceButton *self = g_object_new (SK_TYPE_FACE_BUTTON, NULL);

  self->face = face;
  self->image = SK_ART_IMAGE (sk_art_image_new (sk_face_art (face), 64));
  sk_art_image_set_scale (self->image, SCALE_NORMAL);
  gtk_widget_set_parent (GTK_WIDGET (self->image), GTK_WIDGET (self));

  self->label = gtk_label_new (sk_face_label (face));
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->label, "face-label");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sk_face_label (face), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
  return GTK_WIDGET (self);
}

/* The scale */

struct _SkFaceScale
{
  GtkWidget parent_instance;

  int        value;
  gboolean   three;     /* picture mode: Not good, In between, Good */
  int        face_size;
  gboolean   sized;
  guint      resize_id;
  GtkWidget *buttons[SK_FACE_MAX + 1];   /* index = face */
};

G_DEFINE_FINAL_TYPE (SkFaceScale, sk_face_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_THREE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In picture mode three faces stand on the same scale of five, so that
 * earlier answers compare: Not good = 2, In between = 3, Good = 4 — the
 * five-face scale's own "Not so good", "In between" and "Good".  An
 * answer of 1 or 5 from the five faces shows on the nearer of the three. */
static gboolean
face_shown (SkFaceScale *self,
            int          face)
{
  return !self->three || (face >= 2 && face <= 4);
}

static int
n_shown (SkFaceScale *self)
{
  return self->three ? 3 : 5;
}

static int
shown_value (SkFaceScale *self)
{
  if (!self->three || self->value == SK_FACE_NONE)
    return self->value;
  return CLAMP (self->value, 2, 4);
}

static void
update_buttons (SkFaceScale *self)
{
  int value = shown_value (self);

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    face_button_set_state (SK_FACE_BUTTON (self->buttons[face]), face == value,
                           value != SK_FACE_NONE);
}

static void
button_clicked_cb (SkFaceButton *button,
                   SkFaceScale  *self)
{
  GtkWidget *tool = gtk_widget_get_ancestor (GTK_WIDGET (self), SK_TYPE_TOOL);

  /* In picture mode the face says its word as it is touched. */
  if (tool != NULL)
    sk_tool_say (SK_TOOL (tool), gtk_label_get_label (GTK_LABEL (button->label)));
  /* Choosing the chosen face again clears the choice. */
  sk_face_scale_set_value (self, shown_value (self) == button->face ? SK_FACE_NONE : button->face);
}

static void
move_focus_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SkFaceScale *self = SK_FACE_SCALE (widget);
  int step = g_variant_get_int32 (parameter);
  int current = SK_FACE_NONE;
  int target;

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    if (gtk_widget_has_focus (self->buttons[face]))
      current = face;

  int first = self->three ? 2 : SK_FACE_MIN, last = self->three ? 4 : SK_FACE_MAX;

  if (step == -100)
    target = first;
  else if (step == 100)
    target = last;
  else if (current == SK_FACE_NONE)
    target = shown_value (self) != SK_FACE_NONE ? shown_value (self) : first;
  else
    target = CLAMP (current + step, first, last);

  gtk_widget_grab_focus (self->buttons[target]);
}

/* One Tab stop for the five faces, as for any group of radio buttons: Tab
 * comes in on the chosen face (or the first) and goes on out of the
 * group; the arrow keys move between the faces. */
static gboolean
sk_face_scale_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  SkFaceScale *self = SK_FACE_SCALE (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int current = SK_FACE_NONE;

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    if (focus_child == self->buttons[face])
      current = face;

  if (current == SK_FACE_NONE)
    {
      int target = shown_value (self) != SK_FACE_NONE ? shown_value (self) : (self->three ? 2 : SK_FACE_MIN);

      return gtk_widget_grab_focus (self->buttons[target]);
    }
  switch (direction)
    {
    case GTK_DIR_LEFT:
      if (!face_shown (self, current - 1))
        return FALSE;
      return gtk_widget_grab_focus (self->buttons[current - 1]);
    case GTK_DIR_RIGHT:
      if (current == SK_FACE_MAX || !face_shown (self, current + 1))
        return FALSE;
      return gtk_widget_grab_focus (self->buttons[current + 1]);
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    default:
      return FALSE;
    }
}

/* Between the faces. */
#define SPACING 12

/* The smallest face: never under 64 px, and larger with larger text. */
static int
min_face_size (SkFaceScale *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double em = 14.7;

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      em = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        em *= pango_cairo_context_get_resolution (context) / 72.0;
    }
  /* Fewer faces, larger ones. */
  return MAX (self->three ? 96 : 64, (int) ((self->three ? 7.0 : 5.2) * em));
}

static void
set_face_size (SkFaceScale *self,
               int          size)
{
  self->face_size = size;
  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    g_object_set (SK_FACE_BUTTON (self->buttons[face])->image, "size", size, NULL);
}

static gboolean
resize_faces_cb (gpointer user_data)
{
  SkFaceScale *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int min = min_face_size (self);
  int n = n_shown (self);
  int size = CLAMP ((width - (n - 1) * SPACING) / n - 8, min, self->three ? 200 : 150);

  self->resize_id = 0;
  if (ABS (size - self->face_size) > 2)
    set_face_size (self, size);
  if (!self->sized)
    {
      /* Shown from now on, at the size it keeps. */
      self->sized = TRUE;
      gtk_widget_set_opacity (GTK_WIDGET (self), 1.0);
    }
  return G_SOURCE_REMOVE;
}

/* The faces grow with the room they have: the width is known only when
 * allocating, so the face size follows one frame later. */
static void
sk_face_scale_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SkFaceScale *self = SK_FACE_SCALE (widget);
  int column;

  /* The width asked for depends on the text size only, never on the
   * face size: the face size follows the width, and the two must not feed
   * each other. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = n_shown (self) * (min_face_size (self) + 8) + (n_shown (self) - 1) * SPACING;
      return;
    }

  column = for_size > 0 ? MAX (0, (for_size - (n_shown (self) - 1) * SPACING) / n_shown (self)) : -1;
  *minimum = *natural = 0;
  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    {
      int child_min, child_nat;

      if (!face_shown (self, face))
        continue;

      gtk_widget_measure (self->buttons[face], GTK_ORIENTATION_VERTICAL, column, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
sk_face_scale_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SkFaceScale *self = SK_FACE_SCALE (widget);
  int n = n_shown (self);
  int column = (width - (n - 1) * SPACING) / n;
  int index = 0;

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    {
      int x = index * (column + SPACING);

      if (!face_shown (self, face))
        continue;
      index++;

      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        x = width - x - column;
      gtk_widget_size_allocate (self->buttons[face],
                                &(GtkAllocation) { x, 0, column, height }, -1);
    }
  if (self->resize_id == 0)
    self->resize_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_faces_cb, self, NULL);
}

static void
sk_face_scale_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  SkFaceScale *self = SK_FACE_SCALE (widget);

  GTK_WIDGET_CLASS (sk_face_scale_parent_class)->css_changed (widget, change);
  if (self->face_size < min_face_size (self))
    set_face_size (self, min_face_size (self));
}

static void
sk_face_scale_dispose (GObject *object)
{
  SkFaceScale *self = SK_FACE_SCALE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->resize_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sk_face_scale_parent_class)->dispose (object);
}

static void
sk_face_scale_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, SK_FACE_SCALE (object)->value);
      break;
    case PROP_THREE:
      g_value_set_boolean (value, SK_FACE_SCALE (object)->three);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_face_scale_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      sk_face_scale_set_value (SK_FACE_SCALE (object), g_value_get_int (value));
      break;
    case PROP_THREE:
      sk_face_scale_set_three (SK_FACE_SCALE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_face_scale_class_init (SkFaceScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_face_scale_dispose;
  object_class->get_property = sk_face_scale_get_property;
  object_class->set_property = sk_face_scale_set_property;
  widget_class->measure = sk_face_scale_measure;
  widget_class->size_allocate = sk_face_scale_size_allocate;
  widget_class->css_changed = sk_face_scale_css_changed;
  widget_class->focus = sk_face_scale_focus;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, SK_FACE_NONE, SK_FACE_MAX, SK_FACE_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Three faces, larger (picture mode), instead of five. */
  properties[PROP_THREE] =
    g_param_spec_boolean ("three", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The arrow keys move between the faces: "faces.move" by a step, or to
   * the first (-100) or last (100). */
  gtk_widget_class_install_action (widget_class, "faces.move", "i", move_focus_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "faces.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "faces.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "faces.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "faces.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "faces.move", "i", -100);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "faces.move", "i", 100);

  gtk_widget_class_set_css_name (widget_class, "facescale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
}

static void
sk_face_scale_init (SkFaceScale *self)
{

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    {
      self->buttons[face] = sk_face_button_new (face);
      g_signal_connect_object (self->buttons[face], "clicked", G_CALLBACK (button_clicked_cb), self, 0);
      gtk_widget_set_parent (self->buttons[face], GTK_WIDGET (self));
    }
  set_face_size (self, 64);
  update_buttons (self);
  /* Not drawn until its width is known: no pictures at a passing size. */
  gtk_widget_set_opacity (GTK_WIDGET (self), 0.0);
}

int
sk_face_scale_get_value (SkFaceScale *self)
{
  g_return_val_if_fail (SK_IS_FACE_SCALE (self), SK_FACE_NONE);

  return self->value;
}

void
sk_face_scale_set_value (SkFaceScale *self,
                         int          value)
{
  g_return_if_fail (SK_IS_FACE_SCALE (self));

  value = CLAMP (value, SK_FACE_NONE, SK_FACE_MAX);
  if (self->value == value)
    return;
  self->value = value;
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
sk_face_scale_set_three (SkFaceScale *self,
                         gboolean     three)
{
  g_return_if_fail (SK_IS_FACE_SCALE (self));

  three = !!three;
  if (self->three == three)
    return;
  self->three = three;
  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    {
      SkFaceButton *button = SK_FACE_BUTTON (self->buttons[face]);
      const char *label = three ? sk_face_label_three (face) : sk_face_label (face);

      gtk_widget_set_visible (self->buttons[face], face_shown (self, face));
      gtk_label_set_label (GTK_LABEL (button->label), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  if (self->face_size < min_face_size (self))
    set_face_size (self, min_face_size (self));
  update_buttons (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREE]);
}

/* The button of @face, for tests and for focus. */
GtkWidget *
sk_face_scale_get_button (SkFaceScale *self,
                          int          face)
{
  g_return_val_if_fail (SK_IS_FACE_SCALE (self), NULL);
  g_return_val_if_fail (face >= SK_FACE_MIN && face <= SK_FACE_MAX, NULL);

  return self->buttons[face];
}
