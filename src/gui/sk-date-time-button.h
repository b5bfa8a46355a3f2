/* sk-date-time-button.h — a day and a time, chosen from a popover */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_DATE_TIME_BUTTON (sk_date_time_button_get_type ())
G_DECLARE_FINAL_TYPE (SkDateTimeButton, sk_date_time_button, SK, DATE_TIME_BUTTON, GtkWidget)

/* "time": Unix time, 0 for none.  "empty-label": shown for none; when set,
 * the popover can also take the time away again. */
GtkWidget *sk_date_time_button_new      (void);
gint64     sk_date_time_button_get_time (SkDateTimeButton *self);
void       sk_date_time_button_set_time (SkDateTimeButton *self,
                                         gint64            time);

G_END_DECLS
