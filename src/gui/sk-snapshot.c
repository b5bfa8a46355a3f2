/* sk-snapshot.c — a cached picture into a frame, cheaply on any renderer */
#include "config.h"

#include "sk-snapshot.h"

cairo_surface_t *
sk_snapshot_surface_new (int width,
                         int height,
                         int scale)
{
  cairo_surface_t *surface;

  scale = MAX (scale, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1) * scale, MAX (height, 1) * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* Cairo's ARGB32 is GDK's default memory format. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

void
sk_snapshot_append_surface (GtkSnapshot     *snapshot,
                            GtkWidget       *widget,
                            cairo_surface_t *surface,
                            GdkTexture     **texture,
                            double           width,
                            double           height)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (surface == NULL)
    return;

  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      /* The surface's device scale maps its pixels to points. */
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }

  if (*texture == NULL)
    *texture = texture_for_surface (surface);
  gtk_snapshot_append_texture (snapshot, *texture, &bounds);
}

void
sk_picture_cache_clear (SkPictureCache *cache)
{
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_clear_object (&cache->texture);
}

/**
 * sk_picture_cache_append:
 * @draw: draws the picture in @width × @height points; called only when the
 *   cache holds none of this size and scale
 *
 * Appends the picture: drawn once and kept until cleared or the widget's
 * size or scale changes.
 */
void
sk_picture_cache_append (SkPictureCache *cache,
                         GtkSnapshot    *snapshot,
                         GtkWidget      *widget,
                         int             width,
                         int             height,
                         SkPictureDraw   draw,
                         gpointer        data)
{
  int scale = gtk_widget_get_scale_factor (widget);

  if (width <= 0 || height <= 0)
    return;
  if (cache->surface == NULL || cache->scale != scale || cache->width != width || cache->height != height)
    {
      cairo_t *cr;

      sk_picture_cache_clear (cache);
      cache->surface = sk_snapshot_surface_new (width, height, scale);
      cache->scale = scale;
      cache->width = width;
      cache->height = height;
      cr = cairo_create (cache->surface);
      draw (cr, width, height, data);
      cairo_destroy (cr);
      cairo_surface_flush (cache->surface);
    }
  sk_snapshot_append_surface (snapshot, widget, cache->surface, &cache->texture, width, height);
}
