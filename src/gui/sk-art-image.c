/* sk-art-image.c — one of the program's pictures, sharp at any size
 *
 * Square: as wide as it is given, up to max-size, never smaller than
 * min-size.  The picture comes from the render layer's cache as a texture,
 * made once per pixel size.
 */
#include "config.h"

#include "sk-art-image.h"
#include "sk-art.h"

struct _SkArtImage
{
  GtkWidget parent_instance;

  char   *art;
  int     min_size;
  int     max_size;
  double  scale;
};

G_DEFINE_FINAL_TYPE (SkArtImage, sk_art_image, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ART,
  PROP_MIN_SIZE,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GHashTable *textures;   /* "name@px" → GdkTexture */

static GdkTexture *
lookup_texture (const char *art,
                int         px)
{
  g_autofree char *key = g_strdup_printf ("%s@%d", art, px);
  GdkTexture *texture;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;

  if (textures == NULL)
    textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  texture = g_hash_table_lookup (textures, key);
  if (texture != NULL)
    return texture;

  surface = sk_art_surface (art, px);
  if (surface == NULL)
    return NULL;
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * px);
  /* Cairo's ARGB32 is GDK's default memory format. */
  texture = gdk_memory_texture_new (px, px, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_hash_table_insert (textures, g_steal_pointer (&key), texture);
  return texture;
}

static GtkSizeRequestMode
sk_art_image_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sk_art_image_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SkArtImage *self = SK_ART_IMAGE (widget);

  *minimum = self->min_size;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    *natural = CLAMP (for_size, self->min_size, MAX (self->max_size, self->min_size));
  else
    *natural = self->min_size;
}

static void
sk_art_image_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SkArtImage *self = SK_ART_IMAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double side = MIN (width, height) * self->scale;
  int scale_factor = gtk_widget_get_scale_factor (widget);
  int px;
  GdkTexture *texture;

  if (self->art == NULL || side < 1)
    return;

  /* Rounded to 4 px steps, so that resizing makes few sizes. */
  px = ((int) (side * scale_factor) + 3) / 4 * 4;
  texture = lookup_texture (self->art, px);
  if (texture == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT ((width - side) / 2, (height - side) / 2, side, side));
}

static void
sk_art_image_finalize (GObject *object)
{
  SkArtImage *self = SK_ART_IMAGE (object);

  g_free (self->art);

  G_OBJECT_CLASS (sk_art_image_parent_class)->finalize (object);
}

static void
sk_art_image_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SkArtImage *self = SK_ART_IMAGE (object);

  switch (prop_id)
    {
    case PROP_ART:
      g_value_set_string (value, self->art);
      break;
    case PROP_MIN_SIZE:
      g_value_set_int (value, self->min_size);
      break;
    case PROP_MAX_SIZE:
      g_value_set_int (value, self->max_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_art_image_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SkArtImage *self = SK_ART_IMAGE (object);

  switch (prop_id)
    {
    case PROP_ART:
      sk_art_image_set_art (self, g_value_get_string (value));
      break;
    case PROP_MIN_SIZE:
      if (self->min_size != g_value_get_int (value))
        {
          self->min_size = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAX_SIZE:
      if (self->max_size != g_value_get_int (value))
        {
          self->max_size = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_art_image_class_init (SkArtImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sk_art_image_finalize;
  object_class->get_property = sk_art_image_get_property;
  object_class->set_property = sk_art_image_set_property;
  widget_class->get_request_mode = sk_art_image_get_request_mode;
  widget_class->measure = sk_art_image_measure;
  widget_class->snapshot = sk_art_image_snapshot;

  properties[PROP_ART] =
    g_param_spec_string ("art", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_SIZE] =
    g_param_spec_int ("min-size", NULL, NULL, 1, 4096, 32,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SIZE] =
    g_param_spec_int ("max-size", NULL, NULL, 1, 4096, 32,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "artimage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sk_art_image_init (SkArtImage *self)
{
  self->min_size = 32;
  self->max_size = 32;
  self->scale = 1.0;
}

GtkWidget *
sk_art_image_new (const char *art,
                  int         min_size)
{
  return g_object_new (SK_TYPE_ART_IMAGE,
                       "art", art,
                       "min-size", min_size,
                       "max-size", min_size,
                       NULL);
}

void
sk_art_image_set_art (SkArtImage *self,
                      const char *art)
{
  g_return_if_fail (SK_IS_ART_IMAGE (self));

  if (g_strcmp0 (self->art, art) == 0)
    return;
  g_free (self->art);
  self->art = g_strdup (art);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ART]);
}

const char *
sk_art_image_get_art (SkArtImage *self)
{
  g_return_val_if_fail (SK_IS_ART_IMAGE (self), NULL);

  return self->art;
}

/* Draws the picture at @scale (0…1) of the space it has: for a picture
 * that grows when chosen. */
void
sk_art_image_set_scale (SkArtImage *self,
                        double      scale)
{
  g_return_if_fail (SK_IS_ART_IMAGE (self));

  scale = CLAMP (scale, 0.1, 1.0);
  if (self->scale == scale)
    return;
  self->scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
