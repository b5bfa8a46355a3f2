/* sk-lundy-marks.h — four small marks: which Lundy steps were prepared
 * and evaluated */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_LUNDY_MARKS (sk_lundy_marks_get_type ())
G_DECLARE_FINAL_TYPE (SkLundyMarks, sk_lundy_marks, SK, LUNDY_MARKS, GtkWidget)

GtkWidget *sk_lundy_marks_new      (void);
/* A mask as from sk_lundy_progress_mask(). */
void       sk_lundy_marks_set_mask (SkLundyMarks *self,
                                    guint         mask);
guint      sk_lundy_marks_get_mask (SkLundyMarks *self);

G_END_DECLS
