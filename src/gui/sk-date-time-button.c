/* sk-date-time-button.c — a day and a time, chosen from a popover
 *
 * The button says the day and time in words; its popover has the month
 * to pick the day from (SkDatePicker, in the program's language) and the
 * hour and minute.  Every change is the new "time" at once.  With an
 * "empty-label" it can also say that there is no time yet (the next
 * meeting before it is agreed), and take a chosen time away again.
 */
#include "config.h"

#include "sk-date-time-button.h"
#include "sk-accessible.h"
#include "sk-date-picker.h"
#include "sk-format.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>

/* A time not yet chosen starts here, on the day shown. */
#define DEFAULT_HOUR 10

struct _SkDateTimeButton
{
  GtkWidget parent_instance;

  gint64         time;
  char          *empty_label;
  char          *title;
  gboolean       updating;

  GtkMenuButton *button;
  GtkPopover    *popover;
  SkDatePicker  *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (SkDateTimeButton, sk_date_time_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIME,
  PROP_EMPTY_LABEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SkDateTimeButton *self)
{
  g_autoptr(GDateTime) local = NULL;

  self->updating = TRUE;
  if (self->time > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->time);
      g_autofree char *label = NULL;

      local = g_date_time_to_local (utc);
      label = sk_format_date_time (local);
      gtk_menu_button_set_label (self->button, label);
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
    }
  else
    {
      local = g_date_time_new_now_local ();
      gtk_menu_button_set_label (self->button, self->empty_label != NULL ? self->empty_label : "");
      gtk_spin_button_set_value (self->hour_spin, DEFAULT_HOUR);
      gtk_spin_button_set_value (self->minute_spin, 0);
    }
  /* A screen reader says what is chosen and what for: "When: Friday…". */
  {
    const char *label = gtk_menu_button_get_label (self->button);
    g_autofree char *spoken = self->title != NULL ? g_strdup_printf ("%s: %s", self->title, label) : g_strdup (label);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  sk_date_picker_select_day (self->calendar, local);
  gtk_widget_set_visible (self->clear_button, self->empty_label != NULL && self->time > 0);
  self->updating = FALSE;
}

static void
edited_cb (SkDateTimeButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->updating)
    return;
  day = sk_date_picker_get_date (self->calendar);
  local = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (local != NULL)
    sk_date_time_button_set_time (self, g_date_time_to_unix (local));
}

static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
clear_clicked_cb (SkDateTimeButton *self)
{
  gtk_popover_popdown (self->popover);
  sk_date_time_button_set_time (self, 0);
}

static void
sk_date_time_button_dispose (GObject *object)
{
  sk_widget_dispose_template (GTK_WIDGET (object), SK_TYPE_DATE_TIME_BUTTON);

  G_OBJECT_CLASS (sk_date_time_button_parent_class)->dispose (object);
}

static void
sk_date_time_button_finalize (GObject *object)
{
  g_free (SK_DATE_TIME_BUTTON (object)->empty_label);
  g_free (SK_DATE_TIME_BUTTON (object)->title);

  G_OBJECT_CLASS (sk_date_time_button_parent_class)->finalize (object);
}

static void
sk_date_time_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SkDateTimeButton *self = SK_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_EMPTY_LABEL:
      g_value_set_string (value, self->empty_label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_date_time_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SkDateTimeButton *self = SK_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TIME:
      sk_date_time_button_set_time (self, g_value_get_int64 (value));
      break;
    case PROP_EMPTY_LABEL:
      g_free (self->empty_label);
      self->empty_label = g_value_dup_string (value);
      update (self);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_date_time_button_class_init (SkDateTimeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_date_time_button_dispose;
  object_class->finalize = sk_date_time_button_finalize;
  object_class->get_property = sk_date_time_button_get_property;
  object_class->set_property = sk_date_time_button_set_property;

  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_LABEL] =
    g_param_spec_string ("empty-label", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* What the time is for, said with it to a screen reader. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SK_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-date-time-button.ui");
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, button);
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SkDateTimeButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sk_date_time_button_init (SkDateTimeButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
sk_date_time_button_new (void)
{
  return g_object_new (SK_TYPE_DATE_TIME_BUTTON, NULL);
}

gint64
sk_date_time_button_get_time (SkDateTimeButton *self)
{
  g_return_val_if_fail (SK_IS_DATE_TIME_BUTTON (self), 0);

  return self->time;
}

void
sk_date_time_button_set_time (SkDateTimeButton *self,
                              gint64            time)
{
  g_return_if_fail (SK_IS_DATE_TIME_BUTTON (self));

  time = MAX (time, 0);
  if (self->time == time)
    return;
  self->time = time;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}
