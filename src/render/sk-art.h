/* sk-art.h — the program's SVG pictures, drawn the same on screen and paper */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A picture of @name (e.g. "scale-5", "feeling-calm") rendered at @size
 * pixels square, from a cache: each size is rendered once.  Transfer none;
 * NULL when there is no such picture. */
cairo_surface_t *sk_art_surface (const char *name,
                                 int         size);

/* Draws the picture as vectors, for paper and PDF. */
gboolean         sk_art_draw    (cairo_t    *cr,
                                 const char *name,
                                 double      x,
                                 double      y,
                                 double      size);

/* Paints the picture from the cache, at as many pixels as it covers on
 * the target: for the screen, where a frame must not rasterise SVG. */
gboolean         sk_art_paint   (cairo_t    *cr,
                                 const char *name,
                                 double      x,
                                 double      y,
                                 double      size);

/* The picture as vectors (@vector: paper) or from the cache (screen). */
gboolean         sk_art_put     (cairo_t    *cr,
                                 const char *name,
                                 double      x,
                                 double      y,
                                 double      size,
                                 gboolean    vector);

/* A layout of @text in the kit's face for children (Andika, falling back
 * to the system sans) at @size points, ellipsized at @max_width (0: no
 * limit), aligned as @alignment: what the tools' drawings write with. */
PangoLayout     *sk_art_text_layout (cairo_t        *cr,
                                     const char     *text,
                                     double          size,
                                     gboolean        bold,
                                     double          max_width,
                                     PangoAlignment  alignment);

/* A rectangle with round corners of @radius, as a path. */
void             sk_art_rounded_rectangle (cairo_t *cr,
                                           double   x,
                                           double   y,
                                           double   width,
                                           double   height,
                                           double   radius);

G_END_DECLS
