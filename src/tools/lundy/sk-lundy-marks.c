/* sk-lundy-marks.c — four small marks: which Lundy steps were prepared
 * and evaluated
 *
 * One circle per step in the step's colour: the left half filled when the
 * step was prepared, the right half when it was evaluated.  Halves, not
 * only colours, carry the meaning; the tooltip and the accessible label
 * say it in words.
 */
#include "config.h"

#include "sk-lundy-marks.h"
#include "sk-lundy.h"

#include <math.h>

#define MARK_SIZE 16
#define MARK_GAP 5

struct _SkLundyMarks
{
  GtkWidget parent_instance;

  guint mask;
};

G_DEFINE_FINAL_TYPE (SkLundyMarks, sk_lundy_marks, GTK_TYPE_WIDGET)

static void
sk_lundy_marks_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL
                        ? SK_LUNDY_N_STEPS * MARK_SIZE + (SK_LUNDY_N_STEPS - 1) * MARK_GAP
                        : MARK_SIZE;
}

static void
sk_lundy_marks_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SkLundyMarks *self = SK_LUNDY_MARKS (widget);
  double y = (gtk_widget_get_height (widget) - MARK_SIZE) / 2.0, r = MARK_SIZE / 2.0 - 1;
  guint n;
  const SkLundyStep *steps = sk_lundy_steps (&n);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                          gtk_widget_get_height (widget)));

  for (guint i = 0; i < n; i++)
    {
      double cx = i * (MARK_SIZE + MARK_GAP) + MARK_SIZE / 2.0, cy = y + MARK_SIZE / 2.0;
      gboolean before = (self->mask >> (i * SK_LUNDY_N_PHASES + SK_LUNDY_BEFORE)) & 1;
      gboolean after = (self->mask >> (i * SK_LUNDY_N_PHASES + SK_LUNDY_AFTER)) & 1;

      cairo_set_source_rgb (cr, ((steps[i].colour >> 16) & 0xff) / 255.0,
                            ((steps[i].colour >> 8) & 0xff) / 255.0, (steps[i].colour & 0xff) / 255.0);
      if (before)
        {
          cairo_move_to (cr, cx, cy);
          cairo_arc (cr, cx, cy, r, G_PI / 2, 3 * G_PI / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      if (after)
        {
          cairo_move_to (cr, cx, cy);
          cairo_arc (cr, cx, cy, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, before || after ? 0.9 : 0.4);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
sk_lundy_marks_class_init (SkLundyMarksClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = sk_lundy_marks_measure;
  widget_class->snapshot = sk_lundy_marks_snapshot;
  gtk_widget_class_set_css_name (widget_class, "lundymarks");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sk_lundy_marks_init (SkLundyMarks *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  sk_lundy_marks_set_mask (self, 0);
}

GtkWidget *
sk_lundy_marks_new (void)
{
  return g_object_new (SK_TYPE_LUNDY_MARKS, NULL);
}

void
sk_lundy_marks_set_mask (SkLundyMarks *self,
                         guint         mask)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SK_IS_LUNDY_MARKS (self));

  self->mask = mask;
  text = sk_lundy_progress_describe (mask);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sk_lundy_marks_get_mask (SkLundyMarks *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_MARKS (self), 0);

  return self->mask;
}
