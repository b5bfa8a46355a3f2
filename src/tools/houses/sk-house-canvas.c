/* sk-house-canvas.c — one house to draw in
 *
 * Mouse, finger (a drag gesture) or pen (a stylus gesture, its pressure
 * giving the width): the points are smoothed as they come, and when the
 * pen lifts the whole stroke goes out in "stroke-done" to be stored.
 *
 * A frame must stay cheap with hundreds of strokes in the house: the
 * finished strokes are drawn once into an image (a new one is drawn onto
 * it, not all again), so a frame is that image, the stroke being drawn
 * and the outline — never every stroke again.
 */
#include "config.h"

#include "sk-house-canvas.h"
#include "sk-houses-draw.h"
#include "sk-art.h"

#include <math.h>

struct _SkHouseCanvas
{
  GtkWidget parent_instance;

  gboolean     editable;
  SkHouseKind  kind;
  GListModel  *strokes;
  int          crayon;
  int          size;

  GArray      *current;      /* SkHousesPoint, while the pen is down */
  gboolean     drawing;
  double       start_x, start_y;

  /* The finished strokes, drawn: for this many of them at this size. */
  cairo_surface_t *cache;
  guint            cached_strokes;
  int              cache_pixels;

  /* The height that shows the whole house on the page's first screen,
   * or 0 (see fit_to_page) */
  int   fit_height;
  guint fit_idle;
};

#define MINIMUM_SIZE 280
#define NATURAL_SIZE 560

G_DEFINE_FINAL_TYPE (SkHouseCanvas, sk_house_canvas, GTK_TYPE_WIDGET)

enum { STROKE_DONE, ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

void
sk_house_canvas_get_square (SkHouseCanvas *self,
                            double        *x,
                            double        *y,
                            double        *size)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  *size = MAX (1, MIN (width, height));
  *x = floor ((width - *size) / 2);
  *y = floor ((height - *size) / 2);
}

static void
drop_cache (SkHouseCanvas *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  self->cached_strokes = 0;
}

static void
draw_strokes (SkHouseCanvas *self,
              cairo_t       *cr,
              guint          from,
              guint          to,
              double         pixels)
{
  cairo_save (cr);
  sk_houses_area_path (cr, 0, 0, pixels);
  cairo_clip (cr);
  for (guint i = from; i < to; i++)
    {
      g_autoptr(SkHouseStroke) stroke = g_list_model_get_item (self->strokes, i);
      GArray *points = sk_house_stroke_get_points (stroke);

      sk_houses_draw_stroke (cr, self->kind, sk_house_stroke_get_crayon (stroke), sk_house_stroke_get_size (stroke),
                             (const SkHousesPoint *) points->data, points->len, 0, 0, pixels);
    }
  cairo_restore (cr);
}

/* The paper and the finished strokes at @pixels square: drawn anew, or
 * only the strokes added since. */
static void
update_cache (SkHouseCanvas *self,
              int            pixels)
{
  guint n = self->strokes != NULL ? g_list_model_get_n_items (self->strokes) : 0;
  cairo_t *cr;

  if (self->cache != NULL && self->cache_pixels == pixels && self->cached_strokes == n)
    return;
  if (self->cache == NULL || self->cache_pixels != pixels || self->cached_strokes > n)
    {
      drop_cache (self);
      self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
      self->cache_pixels = pixels;
      cr = cairo_create (self->cache);
      sk_houses_draw_paper (cr, self->kind, 0, 0, pixels);
    }
  else
    cr = cairo_create (self->cache);
  draw_strokes (self, cr, self->cached_strokes, n, pixels);
  cairo_destroy (cr);
  self->cached_strokes = n;
}

static void
sk_house_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SkHouseCanvas *self = SK_HOUSE_CANVAS (widget);
  double x, y, size;
  int scale = gtk_widget_get_scale_factor (widget);
  int pixels;
  cairo_surface_t *outline;
  cairo_t *cr;

  sk_house_canvas_get_square (self, &x, &y, &size);
  pixels = (int) ceil (size * scale);
  update_cache (self, pixels);
  outline = sk_art_surface (sk_house_kind_art (self->kind), pixels);

  /* One node: the drawn house as it is, the stroke being drawn, the
   * outline over both — two blits and one short path a frame. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, size, size));
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / pixels, size / pixels);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  if (self->drawing && self->current->len > 0)
    {
      cairo_save (cr);
      sk_houses_area_path (cr, x, y, size);
      cairo_clip (cr);
      sk_houses_draw_stroke (cr, self->kind, self->crayon, self->size,
                             (const SkHousesPoint *) self->current->data, self->current->len, x, y, size);
      cairo_restore (cr);
    }
  if (outline != NULL)
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, size / pixels, size / pixels);
      cairo_set_source_surface (cr, outline, 0, 0);
      cairo_paint (cr);
    }
  cairo_destroy (cr);
}

static void
sk_house_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SkHouseCanvas *self = SK_HOUSE_CANVAS (widget);

  /* Big enough for a child's hand when it draws; a thumbnail when not. */
  *minimum = self->editable ? MINIMUM_SIZE : 120;
  *natural = self->editable ? NATURAL_SIZE : 220;
  /* No taller than what the screen shows of it, so that the child sees
   * the whole house without scrolling (a scrolled page gives it its
   * natural height). */
  if (self->editable && orientation == GTK_ORIENTATION_VERTICAL && self->fit_height > 0)
    *natural = CLAMP (self->fit_height, MINIMUM_SIZE, NATURAL_SIZE);
}

static gboolean
fit_idle_cb (gpointer data)
{
  SkHouseCanvas *self = data;

  self->fit_idle = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* On a page that scrolls, the height from the house's top, with the page
 * at its top, to the bottom of what the page shows.  The things above the
 * house do not depend on its height, so this settles at once. */
static void
fit_to_page (SkHouseCanvas *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scroller != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkWidget *content = viewport != NULL && GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  graphene_point_t top;
  int fit;

  if (content == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  fit = gtk_widget_get_height (scroller) - (int) top.y - 12;
  if (ABS (fit - self->fit_height) <= 1)
    return;
  self->fit_height = fit;
  if (self->fit_idle == 0)
    self->fit_idle = g_idle_add (fit_idle_cb, self);
}

static void
sk_house_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SkHouseCanvas *self = SK_HOUSE_CANVAS (widget);

  if (self->editable)
    fit_to_page (self);
}

static SkHousesPoint
unit_point (SkHouseCanvas *self,
            double         widget_x,
            double         widget_y,
            double         pressure)
{
  double x, y, size;

  sk_house_canvas_get_square (self, &x, &y, &size);
  return (SkHousesPoint) { (widget_x - x) / size, (widget_y - y) / size, CLAMP (pressure, 0.0, 1.0) };
}

static gboolean
begin_at (SkHouseCanvas *self,
          double         x,
          double         y,
          double         pressure)
{
  SkHousesPoint point = unit_point (self, x, y, pressure);

  /* A stroke starts inside the house; it may go over the walls, but what
   * is outside is never drawn. */
  if (!self->editable || self->strokes == NULL || !sk_houses_area_holds (point.x, point.y))
    return FALSE;
  g_array_set_size (self->current, 0);
  g_array_append_val (self->current, point);
  self->drawing = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
sk_house_canvas_begin (SkHouseCanvas *self,
                       double         x,
                       double         y,
                       double         pressure)
{
  g_return_if_fail (SK_IS_HOUSE_CANVAS (self));

  begin_at (self, x, y, pressure);
}

void
sk_house_canvas_extend (SkHouseCanvas *self,
                        double         x,
                        double         y,
                        double         pressure)
{
  g_return_if_fail (SK_IS_HOUSE_CANVAS (self));

  if (!self->drawing)
    return;
  sk_houses_smooth_add (self->current, unit_point (self, x, y, pressure));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish (SkHouseCanvas *self,
        double         x,
        double         y,
        double         pressure)
{
  g_autoptr(GArray) points = NULL;

  if (!self->drawing)
    return;
  sk_houses_smooth_finish (self->current, unit_point (self, x, y, pressure));
  self->drawing = FALSE;
  points = g_array_copy (self->current);
  g_array_set_size (self->current, 0);
  g_signal_emit (self, signals[STROKE_DONE], 0, points);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cancel (SkHouseCanvas *self)
{
  self->drawing = FALSE;
  g_array_set_size (self->current, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Mouse and finger */

static gboolean
from_pen (GtkGesture *gesture)
{
  GdkDevice *device = gtk_gesture_get_device (gesture);

  return device != NULL && gdk_device_get_source (device) == GDK_SOURCE_PEN;
}

/* A finger that draws in the house is the house's.  Claiming it is not
 * enough in GTK 4: a scrolled window above sees the touch first (its
 * kinetic drag is in the capture phase) and claims it once the finger has
 * moved a little, which cancels the stroke and scrolls the page instead.
 * So the ancestors' capture gestures let go of it here. */
static void
keep_sequence (SkHouseCanvas    *self,
               GdkEventSequence *sequence)
{
  if (sequence == NULL)
    return; /* the mouse: no kinetic scrolling takes it */
  for (GtkWidget *above = gtk_widget_get_parent (GTK_WIDGET (self)); above != NULL; above = gtk_widget_get_parent (above))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (above);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE (controller) &&
              gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE &&
              gtk_gesture_handles_sequence (GTK_GESTURE (controller), sequence))
            gtk_event_controller_reset (controller);
        }
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SkHouseCanvas  *self)
{
  /* A pen is the stylus gesture's, with its pressure. */
  if (from_pen (GTK_GESTURE (gesture)) || !begin_at (self, x, y, 1.0))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  keep_sequence (self, gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture)));
  self->start_x = x;
  self->start_y = y;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SkHouseCanvas  *self)
{
  sk_house_canvas_extend (self, self->start_x + dx, self->start_y + dy, 1.0);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SkHouseCanvas  *self)
{
  finish (self, self->start_x + dx, self->start_y + dy, 1.0);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SkHouseCanvas    *self)
{
  cancel (self);
}

/* Pen */

static double
pressure_of (GtkGestureStylus *gesture)
{
  double pressure;

  /* A pen that tells no pressure draws at full width. */
  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    return 1.0;
  return pressure;
}

static void
stylus_down_cb (GtkGestureStylus *gesture,
                double            x,
                double            y,
                SkHouseCanvas    *self)
{
  if (begin_at (self, x, y, pressure_of (gesture)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

static void
stylus_motion_cb (GtkGestureStylus *gesture,
                  double            x,
                  double            y,
                  SkHouseCanvas    *self)
{
  sk_house_canvas_extend (self, x, y, pressure_of (gesture));
}

static void
stylus_up_cb (GtkGestureStylus *gesture,
              double            x,
              double            y,
              SkHouseCanvas    *self)
{
  finish (self, x, y, pressure_of (gesture));
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SkHouseCanvas   *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
strokes_changed_cb (SkHouseCanvas *self,
                    guint          position,
                    guint          removed,
                    guint          added)
{
  /* Strokes added at the end are drawn onto what is there; anything else
   * (an undo, a clear) draws the house anew. */
  if (removed > 0 || position < self->cached_strokes)
    drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sk_house_canvas_set_house (SkHouseCanvas *self,
                           SkHouseKind    kind,
                           GListModel    *strokes)
{
  g_return_if_fail (SK_IS_HOUSE_CANVAS (self));

  if (self->strokes != NULL)
    g_signal_handlers_disconnect_by_data (self->strokes, self);
  g_set_object (&self->strokes, strokes);
  if (self->strokes != NULL)
    g_signal_connect_object (self->strokes, "items-changed", G_CALLBACK (strokes_changed_cb), self,
                             G_CONNECT_SWAPPED);
  self->kind = kind;
  cancel (self);
  drop_cache (self);
}

SkHouseKind
sk_house_canvas_get_kind (SkHouseCanvas *self)
{
  return self->kind;
}

void
sk_house_canvas_set_crayon (SkHouseCanvas *self,
                            int            crayon)
{
  self->crayon = CLAMP (crayon, 0, SK_HOUSES_ERASER);
}

void
sk_house_canvas_set_size (SkHouseCanvas *self,
                          int            size)
{
  self->size = CLAMP (size, 0, SK_HOUSES_N_SIZES - 1);
}

static void
sk_house_canvas_dispose (GObject *object)
{
  SkHouseCanvas *self = SK_HOUSE_CANVAS (object);

  if (self->strokes != NULL)
    g_signal_handlers_disconnect_by_data (self->strokes, self);
  g_clear_object (&self->strokes);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  drop_cache (self);
  G_OBJECT_CLASS (sk_house_canvas_parent_class)->dispose (object);
}

static void
sk_house_canvas_finalize (GObject *object)
{
  g_array_unref (SK_HOUSE_CANVAS (object)->current);
  G_OBJECT_CLASS (sk_house_canvas_parent_class)->finalize (object);
}

static void
sk_house_canvas_class_init (SkHouseCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_house_canvas_dispose;
  object_class->finalize = sk_house_canvas_finalize;
  widget_class->snapshot = sk_house_canvas_snapshot;
  widget_class->measure = sk_house_canvas_measure;
  widget_class->size_allocate = sk_house_canvas_size_allocate;

  /* The points (SkHousesPoint, a GArray) of a stroke drawn to its end. */
  signals[STROKE_DONE] = g_signal_new ("stroke-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
  /* A house that is not drawn in was touched (the overview). */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "housecanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sk_house_canvas_init (SkHouseCanvas *self)
{
  self->current = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));
  self->size = 1;
}

GtkWidget *
sk_house_canvas_new (gboolean editable)
{
  SkHouseCanvas *self = g_object_new (SK_TYPE_HOUSE_CANVAS, NULL);

  self->editable = editable;
  if (editable)
    {
      GtkGesture *drag = gtk_gesture_drag_new ();
      GtkGesture *stylus = gtk_gesture_stylus_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
      g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
      g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
      g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

      g_signal_connect (stylus, "down", G_CALLBACK (stylus_down_cb), self);
      g_signal_connect (stylus, "motion", G_CALLBACK (stylus_motion_cb), self);
      g_signal_connect (stylus, "up", G_CALLBACK (stylus_up_cb), self);
      /* Only events with a device tool (a pen) reach it in GTK 4.8. */
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));
      gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
    }
  else
    {
      GtkGesture *click = gtk_gesture_click_new ();

      g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
    }
  return GTK_WIDGET (self);
}
