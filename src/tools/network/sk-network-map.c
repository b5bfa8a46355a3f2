/* sk-network-map.c — the network map
 *
 * The map draws the background (sectors, rings, the child) from one
 * texture made per size, and hosts a small focusable widget per person
 * (SkNetworkToken), placed where the geometry in core puts them.  Input is
 * turned into record changes here: a drag or an arrow key moves a person,
 * a click or Enter asks to change them, a double-click on an empty spot or
 * Delete asks the tool to add or remove one.
 */
#include "config.h"

#include "sk-network-map.h"
#include "sk-scroller.h"
#include "sk-network-draw.h"
#include "sk-network-token.h"
#include "sk-snapshot.h"
#include "sk-tool.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* How far a drag goes before it moves a person, in pixels. */
#define DRAG_THRESHOLD 6
/* During a drag the place is stored this often; the drop is stored at once. */
#define DRAG_WRITE_MS 400
/* Rounds of spreading people apart per frame while dragging. */
#define DRAG_LAYOUT_ROUNDS 6
/* One arrow key press, in map units (the map's radius is 1). */
#define KEY_STEP 0.06
/* How close to a border a dropped person may sit, in map units. */
#define DROP_MARGIN 0.01

struct _SkNetworkMap
{
  GtkWidget parent_instance;

  gboolean        editable;
  SkStore        *store;
  GListModel     *people;
  char           *child_name;

  GPtrArray      *tokens;    /* SkNetworkToken, in the order of people */
  GArray         *points;    /* SkNetworkPoint: where each is shown */
  SkNetworkFrame  frame;
  SkPictureCache  background;   /* drawn once per size */

  int             drag_index;   /* -1: none */
  gboolean        dragging;
  SkNetworkPoint  drag_origin;  /* the person's spot when picked up */
  SkNetworkPolar  drag_place;
  guint           drag_write_id;
  gboolean        reveal_focus;   /* after the next layout */
  guint           reveal_id;
};

G_DEFINE_FINAL_TYPE (SkNetworkMap, sk_network_map, GTK_TYPE_WIDGET)

enum {
  EDIT_PERSON,
  ADD_PERSON,
  REMOVE_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SkNetworkPerson *
person_at (SkNetworkMap *self,
           guint         index)
{
  return sk_network_token_get_person (g_ptr_array_index (self->tokens, index));
}

static int
index_of_token (SkNetworkMap *self,
                GtkWidget    *token)
{
  guint index;

  if (token != NULL && g_ptr_array_find (self->tokens, token, &index))
    return (int) index;
  return -1;
}

static void
move_person (SkNetworkMap    *self,
             SkNetworkPerson *person,
             SkNetworkPolar   place)
{
  g_autoptr(GError) error = NULL;

  if (!sk_network_person_move (person, self->store, place, &error))
    sk_tool_report (GTK_WIDGET (self), error);
}

/* Model → widgets */

static void
people_changed_cb (SkNetworkMap *self,
                   guint         position,
                   guint         removed,
                   guint         added)
{
  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *token = g_ptr_array_index (self->tokens, position);

      if ((int) position == self->drag_index)
        {
          self->drag_index = -1;
          self->dragging = FALSE;
        }
      g_signal_handlers_disconnect_by_data (sk_network_token_get_person (SK_NETWORK_TOKEN (token)), self);
      g_ptr_array_remove_index (self->tokens, position);
      gtk_widget_unparent (token);
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (self->people, position + i);
      GtkWidget *token = sk_network_token_new (person);

      gtk_widget_set_parent (token, GTK_WIDGET (self));
      g_ptr_array_insert (self->tokens, position + i, token);
      g_signal_connect_object (person, "notify::angle", G_CALLBACK (gtk_widget_queue_allocate),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (person, "notify::distance", G_CALLBACK (gtk_widget_queue_allocate),
                               self, G_CONNECT_SWAPPED);
    }
  g_array_set_size (self->points, self->tokens->len);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
clear_people (SkNetworkMap *self)
{
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  for (guint i = 0; i < self->tokens->len; i++)
    {
      g_signal_handlers_disconnect_by_data (person_at (self, i), self);
      gtk_widget_unparent (g_ptr_array_index (self->tokens, i));
    }
  g_ptr_array_set_size (self->tokens, 0);
  g_array_set_size (self->points, 0);
  g_clear_object (&self->people);
  g_clear_handle_id (&self->drag_write_id, g_source_remove);
  self->drag_index = -1;
  self->dragging = FALSE;
}

void
sk_network_map_set_people (SkNetworkMap *self,
                           SkStore      *store,
                           GListModel   *people,
                           const char   *child_name)
{
  g_return_if_fail (SK_IS_NETWORK_MAP (self));
  g_return_if_fail (people == NULL || SK_IS_STORE (store));

  clear_people (self);
  g_set_object (&self->store, store);
  if (g_strcmp0 (self->child_name, child_name) != 0)
    {
      g_free (self->child_name);
      self->child_name = g_strdup (child_name);
      sk_picture_cache_clear (&self->background);
    }
  if (people != NULL)
    {
      self->people = g_object_ref (people);
      g_signal_connect_object (people, "items-changed", G_CALLBACK (people_changed_cb),
                               self, G_CONNECT_SWAPPED);
      people_changed_cb (self, 0, 0, g_list_model_get_n_items (people));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkWidget *
sk_network_map_get_token (SkNetworkMap    *self,
                          SkNetworkPerson *person)
{
  g_return_val_if_fail (SK_IS_NETWORK_MAP (self), NULL);

  for (guint i = 0; i < self->tokens->len; i++)
    if (person_at (self, i) == person)
      return g_ptr_array_index (self->tokens, i);
  return NULL;
}

/* The size of a person's name on the map now, in pixels. */
double
sk_network_map_get_text_size (SkNetworkMap *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_MAP (self), 0);

  return self->frame.font_size;
}

gboolean
sk_network_map_get_spot (SkNetworkMap    *self,
                         SkNetworkPerson *person,
                         double          *x,
                         double          *y)
{
  g_return_val_if_fail (SK_IS_NETWORK_MAP (self), FALSE);

  for (guint i = 0; i < self->tokens->len; i++)
    if (person_at (self, i) == person)
      {
        sk_network_frame_to_area (&self->frame, g_array_index (self->points, SkNetworkPoint, i), x, y);
        return TRUE;
      }
  return FALSE;
}

void
sk_network_map_place_to_spot (SkNetworkMap   *self,
                              SkNetworkPolar  place,
                              double         *x,
                              double         *y)
{
  g_return_if_fail (SK_IS_NETWORK_MAP (self));

  sk_network_frame_to_area (&self->frame, sk_network_polar_to_point (place), x, y);
}

/* Layout and drawing */

static void
sk_network_map_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* A map is round: as tall as it is wide, up to a height that leaves
   * the buttons above it in view. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 760;
    }
  else
    {
      *minimum = 320;
      *natural = for_size > 0 ? CLAMP (for_size, 320, 760) : 620;
    }
}

static GtkSizeRequestMode
sk_network_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The desktop's text size against the default (11 pt at 96 dpi). */
static double
text_scale (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double pixels = 11.0 * 96.0 / 72.0;

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      pixels = pango_font_description_get_size (font) / (double) PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        pixels *= pango_cairo_context_get_resolution (context) / 72.0;
    }
  return pixels / (11.0 * 96.0 / 72.0);
}

static gboolean
reveal_focus_cb (gpointer user_data)
{
  SkNetworkMap *self = user_data;
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  self->reveal_id = 0;
  if (focus != NULL)
    sk_scroller_reveal (focus);
  return G_SOURCE_REMOVE;
}

static void
sk_network_map_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  g_autofree SkNetworkPolar *places = g_new (SkNetworkPolar, MAX (self->tokens->len, 1));
  SkNetworkFrame frame;
  double map_width, map_height, figure_width, figure_height;

  sk_network_frame_fit (&frame, 0, 0, width, height);
  sk_network_frame_set_text_scale (&frame, text_scale (widget));
  if (frame.width != self->frame.width || frame.height != self->frame.height ||
      frame.text_scale != self->frame.text_scale)
    sk_picture_cache_clear (&self->background);
  self->frame = frame;

  for (guint i = 0; i < self->tokens->len; i++)
    places[i] = (int) i == self->drag_index && self->dragging
                ? self->drag_place
                : sk_network_person_get_place (person_at (self, i));
  sk_network_figure_map_size (&frame, &map_width, &map_height);
  if (self->dragging)
    /* Each frame of a drag goes on from the last: a few rounds suffice,
     * and the others glide aside instead of jumping. */
    sk_network_separate_from (places, (SkNetworkPoint *) (void *) self->points->data, self->tokens->len,
                              map_width, map_height, self->drag_index, DRAG_LAYOUT_ROUNDS);
  else
    sk_network_separate (places, (SkNetworkPoint *) (void *) self->points->data, self->tokens->len,
                         map_width, map_height, -1);

  sk_network_figure_size (&frame, &figure_width, &figure_height);
  for (guint i = 0; i < self->tokens->len; i++)
    {
      GtkWidget *token = g_ptr_array_index (self->tokens, i);
      double x, y;
      int w, h, ignored;

      sk_network_token_set_frame (SK_NETWORK_TOKEN (token), &frame);
      gtk_widget_measure (token, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &w, NULL, NULL);
      gtk_widget_measure (token, GTK_ORIENTATION_VERTICAL, -1, &ignored, &h, NULL, NULL);
      sk_network_frame_to_area (&frame, g_array_index (self->points, SkNetworkPoint, i), &x, &y);
      gtk_widget_allocate (token, w, h, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (x - w / 2.0),
                                                                                round (y - h / 2.0))));
    }
  /* A person moved by the keyboard stays in view, where it is laid out
   * now; the page is scrolled after this layout, not during it. */
  if (self->reveal_focus && self->reveal_id == 0)
    {
      self->reveal_focus = FALSE;
      self->reveal_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_focus_cb, self, NULL);
      g_source_set_name_by_id (self->reveal_id, "[samtalekuffert] person into view");
    }
}

static void
draw_background (cairo_t  *cr,
                 int       width,
                 int       height,
                 gpointer  data)
{
  SkNetworkMap *self = data;

  sk_network_draw_background (cr, &self->frame, self->child_name, FALSE);
}

static void
sk_network_map_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;
  sk_picture_cache_append (&self->background, snapshot, widget, width, height, draw_background, self);

  /* The person being moved is drawn last, on top of everyone. */
  for (guint i = 0; i < self->tokens->len; i++)
    if ((int) i != self->drag_index || !self->dragging)
      gtk_widget_snapshot_child (widget, g_ptr_array_index (self->tokens, i), snapshot);
  if (self->dragging && self->drag_index >= 0)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->tokens, self->drag_index), snapshot);
}

/* Pointer and touch */

static int
hit (SkNetworkMap *self,
     double        x,
     double        y)
{
  double width, height;

  sk_network_figure_map_size (&self->frame, &width, &height);
  return sk_network_hit ((SkNetworkPoint *) (void *) self->points->data, self->points->len,
                         width, height * 0.9, sk_network_frame_to_map (&self->frame, x, y));
}

static gboolean
drag_write_cb (gpointer user_data)
{
  SkNetworkMap *self = user_data;

  self->drag_write_id = 0;
  if (self->dragging && self->drag_index >= 0)
    move_person (self, person_at (self, self->drag_index), self->drag_place);
  return G_SOURCE_REMOVE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SkNetworkMap   *self)
{
  self->drag_index = self->editable ? hit (self, x, y) : -1;
  self->dragging = FALSE;
  if (self->drag_index < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_origin = g_array_index (self->points, SkNetworkPoint, self->drag_index);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SkNetworkMap   *self)
{
  SkNetworkPoint point;

  if (self->drag_index < 0)
    return;
  if (!self->dragging)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      sk_network_token_set_lifted (g_ptr_array_index (self->tokens, self->drag_index), TRUE);
    }

  point.x = self->drag_origin.x + offset_x / self->frame.radius;
  point.y = self->drag_origin.y + offset_y / self->frame.radius;
  self->drag_place = sk_network_drop (point, DROP_MARGIN);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  /* A kill in the middle of a long drag loses at most this much. */
  if (self->drag_write_id == 0)
    self->drag_write_id = g_timeout_add (DRAG_WRITE_MS, drag_write_cb, self);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             SkNetworkMap   *self)
{
  GtkWidget *token;

  g_clear_handle_id (&self->drag_write_id, g_source_remove);
  if (self->drag_index < 0 || !self->dragging)
    {
      self->drag_index = -1;
      return;
    }
  token = g_ptr_array_index (self->tokens, self->drag_index);
  sk_network_token_set_lifted (SK_NETWORK_TOKEN (token), FALSE);
  self->dragging = FALSE;
  self->drag_index = -1;
  /* The drop is stored at once. */
  move_person (self, sk_network_token_get_person (SK_NETWORK_TOKEN (token)), self->drag_place);
  gtk_widget_grab_focus (token);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SkNetworkMap    *self)
{
  SkNetworkPolar place;

  if (!self->editable || n_press != 2 || hit (self, x, y) >= 0)
    return;
  /* A double-click on an empty spot: a new person starts there. */
  place = sk_network_drop (sk_network_frame_to_map (&self->frame, x, y), DROP_MARGIN);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ADD_PERSON], 0, place.angle, place.distance);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SkNetworkMap    *self)
{
  int index = hit (self, x, y);
  GtkWidget *token;

  if (!self->editable || n_press != 1 || index < 0)
    return;
  token = g_ptr_array_index (self->tokens, index);
  gtk_widget_grab_focus (token);
  g_signal_emit (self, signals[EDIT_PERSON], 0, sk_network_token_get_person (SK_NETWORK_TOKEN (token)), token);
}

/* Keyboard: the actions the keys are bound to */

static int
focused_index (SkNetworkMap *self)
{
  return index_of_token (self, gtk_widget_get_focus_child (GTK_WIDGET (self)));
}

static void
person_move_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  int index = focused_index (self);
  SkNetworkPoint point;
  SkNetworkPolar place;
  double dx, dy;

  if (index < 0 || !self->editable)
    return;
  g_variant_get (parameter, "(dd)", &dx, &dy);
  /* From where the person is shown, so a step always looks like a step. */
  point = g_array_index (self->points, SkNetworkPoint, index);
  point.x += dx * KEY_STEP;
  point.y += dy * KEY_STEP;
  place = sk_network_drop (point, DROP_MARGIN);
  move_person (self, person_at (self, index), place);
  /* Until the next layout, the next step starts from here. */
  g_array_index (self->points, SkNetworkPoint, index) = sk_network_polar_to_point (place);
  self->reveal_focus = TRUE;
  gtk_widget_queue_allocate (widget);
}

/* Shift+arrow, Page Up and Page Down: one whole ring closer or further
 * away, at the same angle, to the middle of the ring.  An arrow that
 * points away from the child is "further"; (dx, dy) = (0, 0) with @out
 * says it outright (Page Down). */
static void
person_ring_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  int index = focused_index (self);
  SkNetworkPerson *person;
  SkNetworkPolar place;
  double dx, dy;
  int step, ring;

  if (index < 0 || !self->editable)
    return;
  g_variant_get (parameter, "(ddi)", &dx, &dy, &step);
  person = person_at (self, index);
  place = sk_network_person_get_place (person);
  if (step == 0)
    {
      /* The arrow against the direction from the child to the person. */
      double along = dx * cos (place.angle) + dy * sin (place.angle);

      step = along >= 0 ? 1 : -1;
    }
  ring = CLAMP (sk_network_ring_at (place.distance) + step, 0, SK_NETWORK_N_RINGS - 1);
  place.distance = (sk_network_ring_inner (ring) + sk_network_ring_outer (ring)) / 2;
  move_person (self, person, place);
  g_array_index (self->points, SkNetworkPoint, index) = sk_network_polar_to_point (place);
  self->reveal_focus = TRUE;
  gtk_widget_queue_allocate (widget);
}

static void
person_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  int index = focused_index (self);

  if (index >= 0 && self->editable)
    g_signal_emit (self, signals[EDIT_PERSON], 0, person_at (self, index),
                   g_ptr_array_index (self->tokens, index));
}

static void
person_remove_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SkNetworkMap *self = SK_NETWORK_MAP (widget);
  int index = focused_index (self);

  if (index < 0 || !self->editable)
    return;
  /* Focus goes on to a neighbour, so Delete, Delete works. */
  if (self->tokens->len > 1)
    gtk_widget_grab_focus (g_ptr_array_index (self->tokens, index + 1 < (int) self->tokens->len ? index + 1 : index - 1));
  g_signal_emit (self, signals[REMOVE_PERSON], 0, person_at (self, index));
}

static void
sk_network_map_dispose (GObject *object)
{
  SkNetworkMap *self = SK_NETWORK_MAP (object);

  clear_people (self);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_object (&self->store);
  sk_picture_cache_clear (&self->background);

  G_OBJECT_CLASS (sk_network_map_parent_class)->dispose (object);
}

static void
sk_network_map_finalize (GObject *object)
{
  SkNetworkMap *self = SK_NETWORK_MAP (object);

  g_ptr_array_unref (self->tokens);
  g_array_unref (self->points);
  g_free (self->child_name);

  G_OBJECT_CLASS (sk_network_map_parent_class)->finalize (object);
}

static void
add_arrow (GtkWidgetClass *widget_class,
           guint           key,
           guint           keypad_key,
           double          dx,
           double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, "person.move", "(dd)", dx, dy);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, 0, "person.move", "(dd)", dx, dy);
  /* Shift for a whole ring, Control for small steps. */
  gtk_widget_class_add_binding_action (widget_class, key, GDK_SHIFT_MASK, "person.ring", "(ddi)", dx, dy, 0);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, GDK_SHIFT_MASK, "person.ring", "(ddi)", dx, dy, 0);
  gtk_widget_class_add_binding_action (widget_class, key, GDK_CONTROL_MASK, "person.move", "(dd)", dx / 3, dy / 3);
}

static void
sk_network_map_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, SK_NETWORK_MAP (object)->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_network_map_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SkNetworkMap *self = SK_NETWORK_MAP (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      self->editable = g_value_get_boolean (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->editable ? _("My network") : _("My network last time"), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_network_map_class_init (SkNetworkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sk_network_map_get_property;
  object_class->set_property = sk_network_map_set_property;
  /* TRUE: today's map, where people are added, moved and changed; FALSE:
   * last time's, to look at. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->dispose = sk_network_map_dispose;
  object_class->finalize = sk_network_map_finalize;
  widget_class->measure = sk_network_map_measure;
  widget_class->get_request_mode = sk_network_map_get_request_mode;
  widget_class->size_allocate = sk_network_map_size_allocate;
  widget_class->snapshot = sk_network_map_snapshot;

  /* Asks for a person to be changed: the tool opens its editor. */
  signals[EDIT_PERSON] = g_signal_new ("edit-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       SK_TYPE_NETWORK_PERSON, GTK_TYPE_WIDGET);
  /* A double-click on an empty spot: angle and distance of the spot. */
  signals[ADD_PERSON] = g_signal_new ("add-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                      G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[REMOVE_PERSON] = g_signal_new ("remove-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         SK_TYPE_NETWORK_PERSON);

  gtk_widget_class_install_action (widget_class, "person.move", "(dd)", person_move_action);
  gtk_widget_class_install_action (widget_class, "person.ring", "(ddi)", person_ring_action);
  gtk_widget_class_install_action (widget_class, "person.edit", NULL, person_edit_action);
  gtk_widget_class_install_action (widget_class, "person.remove", NULL, person_remove_action);
  add_arrow (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_arrow (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_arrow (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_arrow (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "person.ring", "(ddi)", 0.0, 0.0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "person.ring", "(ddi)", 0.0, 0.0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "person.ring", "(ddi)", 0.0, 0.0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "person.ring", "(ddi)", 0.0, 0.0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "person.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "person.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "person.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "person.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "person.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "person.remove", NULL);

  gtk_widget_class_set_css_name (widget_class, "networkmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sk_network_map_init (SkNetworkMap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->tokens = g_ptr_array_new ();
  self->points = g_array_new (FALSE, TRUE, sizeof (SkNetworkPoint));
  self->drag_index = -1;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
sk_network_map_new (gboolean editable)
{
  return g_object_new (SK_TYPE_NETWORK_MAP, "editable", editable, NULL);
}
