/* sk-face-scale.h — five faces from "Really bad" to "Really good" */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_FACE_SCALE (sk_face_scale_get_type ())
G_DECLARE_FINAL_TYPE (SkFaceScale, sk_face_scale, SK, FACE_SCALE, GtkWidget)

int        sk_face_scale_get_value  (SkFaceScale *self);
void       sk_face_scale_set_value  (SkFaceScale *self,
                                     int          value);
/* Picture mode: three larger faces on the same scale (2, 3, 4). */
void       sk_face_scale_set_three  (SkFaceScale *self,
                                     gboolean     three);
GtkWidget *sk_face_scale_get_button (SkFaceScale *self,
                                     int          face);

G_END_DECLS
