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
