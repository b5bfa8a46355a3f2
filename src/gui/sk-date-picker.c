/* sk-date-picker.c — a month to pick a day from, in the program's language
 *
 * GtkCalendar takes its month and weekday names and its first day of the
 * week from the C library's locale: on a system that is not Danish it is
 * English and starts on Sunday while everything around it is Danish.  This
 * one takes them from our own catalogue (sk-format), like every date the
 * program writes.  A day is a button named with its whole date; the arrow
 * keys move between the days, Page Up and Page Down between months.
 */
#include "config.h"

#include "sk-date-picker.h"
#include "sk-format.h"

#include <glib/gi18n-lib.h>

#define N_CELLS 42

struct _SkDatePicker
{
  GtkWidget parent_instance;

  GDateTime *selected;     /* local midnight of the chosen day */
  GDateTime *shown;        /* the first of the month on show */

  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *grid;
  GtkWidget *days[N_CELLS];
};

G_DEFINE_FINAL_TYPE (SkDatePicker, sk_date_picker, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
midnight (GDateTime *time)
{
  return g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                g_date_time_get_day_of_month (time), 0, 0, 0);
}

static GDateTime *
first_of_month (GDateTime *time)
{
  return g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time), 1, 0, 0, 0);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return a != NULL && b != NULL &&
         g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* The first cell: the week's first day on or before the first of the
 * month. */
static GDateTime *
first_cell (SkDatePicker *self)
{
  int back = (g_date_time_get_day_of_week (self->shown) - sk_format_first_weekday () + 7) % 7;

  return g_date_time_add_days (self->shown, -back);
}

static void
update (SkDatePicker *self)
{
  g_autofree char *title = sk_format_month_year (self->shown);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = first_cell (self);

  gtk_label_set_label (GTK_LABEL (self->title), title);
  for (guint i = 0; i < N_CELLS; i++)
    {
      GtkWidget *button = self->days[i];
      g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
      g_autofree char *name = sk_format_date (day);
      gboolean other_month = g_date_time_get_month (day) != g_date_time_get_month (self->shown);
      GDateTime *next;

      gtk_button_set_label (GTK_BUTTON (button), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (button), "day", g_date_time_ref (day), (GDestroyNotify) g_date_time_unref);
      if (other_month)
        gtk_widget_add_css_class (button, "other-month");
      else
        gtk_widget_remove_css_class (button, "other-month");
      if (same_day (day, self->selected))
        {
          gtk_widget_add_css_class (button, "selected-day");
          gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                       GTK_ACCESSIBLE_TRISTATE_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (button, "selected-day");
          gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                       GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
        }
      if (same_day (day, now))
        gtk_widget_add_css_class (button, "today");
      else
        gtk_widget_remove_css_class (button, "today");
      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
    }
}

static void
show_month (SkDatePicker *self,
            GDateTime    *any_day)
{
  g_clear_pointer (&self->shown, g_date_time_unref);
  self->shown = first_of_month (any_day);
  update (self);
}

/* Moves the keyboard to @day's button, turning the month when needed. */
static void
focus_day (SkDatePicker *self,
           GDateTime    *day)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) start = midnight (day);
  GTimeSpan span;

  if (g_date_time_get_month (day) != g_date_time_get_month (self->shown) ||
      g_date_time_get_year (day) != g_date_time_get_year (self->shown))
    show_month (self, day);
  first = first_cell (self);
  /* Whole days, also across a change to or from summer time. */
  span = (g_date_time_difference (start, first) + G_TIME_SPAN_HOUR * 2) / G_TIME_SPAN_DAY;
  if (span >= 0 && span < N_CELLS)
    gtk_widget_grab_focus (self->days[span]);
}

static void
day_clicked_cb (GtkButton    *button,
                SkDatePicker *self)
{
  sk_date_picker_select_day (self, g_object_get_data (G_OBJECT (button), "day"));
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

static void
previous_clicked_cb (SkDatePicker *self)
{
  g_autoptr(GDateTime) month = g_date_time_add_months (self->shown, -1);

  show_month (self, month);
}

static void
next_clicked_cb (SkDatePicker *self)
{
  g_autoptr(GDateTime) month = g_date_time_add_months (self->shown, 1);

  show_month (self, month);
}

static GtkWidget *
focused_day (SkDatePicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < N_CELLS; i++)
    if (focus == self->days[i])
      return focus;
  return NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SkDatePicker          *self)
{
  GtkWidget *button = focused_day (self);
  GDateTime *day;
  g_autoptr(GDateTime) target = NULL;

  if (button == NULL)
    return FALSE;
  day = g_object_get_data (G_OBJECT (button), "day");
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = g_date_time_add_days (day, gtk_widget_get_direction (button) == GTK_TEXT_DIR_RTL ? 1 : -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = g_date_time_add_days (day, gtk_widget_get_direction (button) == GTK_TEXT_DIR_RTL ? -1 : 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = g_date_time_add_days (day, -7);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = g_date_time_add_days (day, 7);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = g_date_time_add_months (day, -1);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = g_date_time_add_months (day, 1);
      break;
    default:
      return FALSE;
    }
  focus_day (self, target);
  return TRUE;
}

static void
sk_date_picker_dispose (GObject *object)
{
  SkDatePicker *self = SK_DATE_PICKER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sk_date_picker_parent_class)->dispose (object);
}

static void
sk_date_picker_finalize (GObject *object)
{
  SkDatePicker *self = SK_DATE_PICKER (object);

  g_clear_pointer (&self->selected, g_date_time_unref);
  g_clear_pointer (&self->shown, g_date_time_unref);

  G_OBJECT_CLASS (sk_date_picker_parent_class)->finalize (object);
}

static void
sk_date_picker_class_init (SkDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_date_picker_dispose;
  object_class->finalize = sk_date_picker_finalize;

  /* A day was chosen by a person (not by sk_date_picker_select_day()). */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
arrow_button (const char *icon,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
sk_date_picker_init (SkDatePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *header = gtk_center_box_new ();
  GtkWidget *previous = arrow_button ("go-previous-symbolic", _("Previous Month"));
  GtkWidget *next = arrow_button ("go-next-symbolic", _("Next Month"));
  GtkEventController *keys = gtk_event_controller_key_new ();
  int first = sk_format_first_weekday ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "heading");
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (header), previous);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (header), self->title);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (header), next);
  gtk_box_append (GTK_BOX (self->box), header);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  for (int column = 0; column < 7; column++)
    {
      GtkWidget *name = gtk_label_new (sk_format_weekday_short ((first - 1 + column) % 7 + 1));

      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_add_css_class (name, "weekday");
      gtk_grid_attach (GTK_GRID (self->grid), name, column, 0, 1, 1);
    }
  for (guint i = 0; i < N_CELLS; i++)
    {
      self->days[i] = gtk_button_new ();
      gtk_widget_add_css_class (self->days[i], "flat");
      gtk_widget_add_css_class (self->days[i], "day");
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (self->grid), self->days[i], (int) i % 7, 1 + (int) i / 7, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), self->grid);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->grid, keys);

  self->selected = midnight (now);
  show_month (self, now);
}

GtkWidget *
sk_date_picker_new (void)
{
  return g_object_new (SK_TYPE_DATE_PICKER, NULL);
}

/**
 * sk_date_picker_select_day:
 *
 * Chooses @day (its time of day does not matter) and shows its month;
 * emits nothing.
 */
void
sk_date_picker_select_day (SkDatePicker *self,
                           GDateTime    *day)
{
  g_return_if_fail (SK_IS_DATE_PICKER (self));
  g_return_if_fail (day != NULL);

  g_clear_pointer (&self->selected, g_date_time_unref);
  self->selected = midnight (day);
  show_month (self, day);
}

/**
 * sk_date_picker_get_date:
 *
 * Returns: (transfer full): the chosen day, at local midnight
 */
GDateTime *
sk_date_picker_get_date (SkDatePicker *self)
{
  g_return_val_if_fail (SK_IS_DATE_PICKER (self), NULL);

  return g_date_time_ref (self->selected);
}
