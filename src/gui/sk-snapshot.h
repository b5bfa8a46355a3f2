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

G_END_DECLS
