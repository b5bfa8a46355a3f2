/* sk-snapshot.h — a cached picture into a frame, cheaply on any renderer */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A surface drawn at @scale pixels per point, for a widget of that scale. */
cairo_surface_t *sk_snapshot_surface_new (int width,
                                          int height,
                                          int scale);

/* Appends @surface (an image surface from sk_snapshot_surface_new()) at
 * @width × @height points.  On GPU renderers it goes as a texture, made
 * once and kept in @texture; on the software renderer as a cairo paint,
 * which GTK 4.8 does some 80 times faster than a texture of the same
 * size (measured: 0.28 against 22 ms for 1000 × 800). */
void             sk_snapshot_append_surface (GtkSnapshot     *snapshot,
                                             GtkWidget       *widget,
                                             cairo_surface_t *surface,
                                             GdkTexture     **texture,
                                             double           width,
                                             double           height);

/* A widget's picture (a map's background, a person on it) drawn once per
 * look, size and scale, into every frame from then on. */
typedef struct
{
  cairo_surface_t *surface;
  GdkTexture      *texture;   /* made from it for GPU renderers */
  int              width;
  int              height;
  int              scale;
} SkPictureCache;

typedef void (*SkPictureDraw) (cairo_t *cr,
                               int      width,
                               int      height,
                               gpointer data);

/* Forgets the picture: its look changed. */
void sk_picture_cache_clear  (SkPictureCache *cache);
void sk_picture_cache_append (SkPictureCache *cache,
                              GtkSnapshot    *snapshot,
                              GtkWidget      *widget,
                              int             width,
                              int             height,
                              SkPictureDraw   draw,
                              gpointer        data);

G_END_DECLS
