/* sk-art-image.h — one of the program's pictures, sharp at any size */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_ART_IMAGE (sk_art_image_get_type ())
G_DECLARE_FINAL_TYPE (SkArtImage, sk_art_image, SK, ART_IMAGE, GtkWidget)

GtkWidget  *sk_art_image_new          (const char *art,
                                       int         size);
void        sk_art_image_set_art      (SkArtImage *self,
                                       const char *art);
void        sk_art_image_set_scale    (SkArtImage *self,
                                       double      scale);

G_END_DECLS
