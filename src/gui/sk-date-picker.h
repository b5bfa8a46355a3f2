/* sk-date-picker.h — a month to pick a day from, in the program's language */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_DATE_PICKER (sk_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (SkDatePicker, sk_date_picker, SK, DATE_PICKER, GtkWidget)

GtkWidget *sk_date_picker_new        (void);
void       sk_date_picker_select_day (SkDatePicker *self,
                                      GDateTime    *day);
GDateTime *sk_date_picker_get_date   (SkDatePicker *self);

G_END_DECLS
