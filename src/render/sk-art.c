/* sk-art.c — the program's SVG pictures, drawn the same on screen and paper
 *
 * The SVGs live in the GResource under art/.  Each is parsed once, and
 * each size it is shown at is rendered once into an image surface, so a
 * frame never parses or rasterises SVG.
 */
#include "config.h"

#include "sk-art.h"

#include <gio/gio.h>
#include <librsvg/rsvg.h>
#include <math.h>

static GHashTable *handles;    /* name → RsvgHandle */
static GHashTable *surfaces;   /* "name@size" → cairo_surface_t */

static void
free_handle (gpointer handle)
{
  g_clear_object (&handle);
}

static RsvgHandle *
lookup_handle (const char *name)
{
  RsvgHandle *handle;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (handles == NULL)
    handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_handle);

  if (g_hash_table_lookup_extended (handles, name, NULL, (gpointer *) &handle))
    return handle;

  path = g_strdup_printf ("/dk/samtalekuffert/Samtalekuffert/art/%s.svg", name);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  handle = NULL;
  if (bytes != NULL)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      handle = rsvg_handle_new_from_data (data, length, &error);
      if (handle == NULL)
        g_critical ("Picture %s cannot be read: %s", name, error->message);
    }
  g_hash_table_insert (handles, g_strdup (name), handle);
  return handle;
}

static gboolean
render (RsvgHandle *handle,
        cairo_t    *cr,
        double      x,
        double      y,
        double      size)
{
  RsvgRectangle viewport = { x, y, size, size };
  g_autoptr(GError) error = NULL;

  if (!rsvg_handle_render_document (handle, cr, &viewport, &error))
    {
      g_critical ("A picture cannot be drawn: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

cairo_surface_t *
sk_art_surface (const char *name,
                int         size)
{
  g_autofree char *key = NULL;
  cairo_surface_t *surface;
  RsvgHandle *handle;
  cairo_t *cr;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (size > 0 && size <= 4096, NULL);

  if (surfaces == NULL)
    surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) cairo_surface_destroy);

  key = g_strdup_printf ("%s@%d", name, size);
  surface = g_hash_table_lookup (surfaces, key);
  if (surface != NULL)
    return surface;

  handle = lookup_handle (name);
  if (handle == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  render (handle, cr, 0, 0, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_hash_table_insert (surfaces, g_steal_pointer (&key), surface);
  return surface;
}

gboolean
sk_art_draw (cairo_t    *cr,
             const char *name,
             double      x,
             double      y,
             double      size)
{
  RsvgHandle *handle;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  handle = lookup_handle (name);
  return handle != NULL && render (handle, cr, x, y, size);
}


gboolean
sk_art_paint (cairo_t    *cr,
              const char *name,
              double      x,
              double      y,
              double      size)
{
  cairo_surface_t *surface;
  double sx = size, sy = 0, device_scale_x = 1, device_scale_y = 1;
  int pixels;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* As many pixels as the picture covers on the target, so it stays sharp
   * on a scaled screen and in a scaled drawing. */
  cairo_user_to_device_distance (cr, &sx, &sy);
  cairo_surface_get_device_scale (cairo_get_target (cr), &device_scale_x, &device_scale_y);
  pixels = (int) ceil (hypot (sx, sy) * device_scale_x);
  if (pixels <= 0)
    return TRUE;
  surface = sk_art_surface (name, MIN (pixels, 4096));
  if (surface == NULL)
    return FALSE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / cairo_image_surface_get_width (surface),
               size / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  return TRUE;
}

void
sk_art_rounded_rectangle (cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

gboolean
sk_art_put (cairo_t    *cr,
            const char *name,
            double      x,
            double      y,
            double      size,
            gboolean    vector)
{
  return vector ? sk_art_draw (cr, name, x, y, size) : sk_art_paint (cr, name, x, y, size);
}

PangoLayout *
sk_art_text_layout (cairo_t        *cr,
                    const char     *text,
                    double          size,
                    gboolean        bold,
                    double          max_width,
                    PangoAlignment  alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Andika, Cantarell, sans-serif");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}
