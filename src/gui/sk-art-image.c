/* sk-art-image.c — one of the program's pictures, sharp at any size
 *
 * A square of @size pixels (more if it is given more room; the picture is
 * then centred).  The picture comes from the render layer's cache, one
 * rendering per pixel size, and goes into the frame as sk-snapshot.c
 * decides: a texture made once on the GPU, a cairo paint in software.
 */
#include "config.h"

#include "sk-art-image.h"
#include "sk-snapshot.h"
#include "sk-art.h"

struct _SkArtImage
{
  GtkWidget parent_instance;

  char   *art;
  int     size;
  double  scale;
};

G_DEFINE_FINAL_TYPE (SkArtImage, sk_art_image, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ART,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
/* "name@px" → the texture made from sk_art_surface() for GPU renderers,
 * made once for the whole program. */
static GHashTable *textures;

static GdkTexture **
texture_slot (const char *key)
{
  GdkTexture **slot;

  if (textures == NULL)
    textures = g_hash_table_new (g_str_hash, g_str_equal);
  slot = g_hash_table_lookup (textures, key);
  if (slot == NULL)
    {
      slot = g_new0 (GdkTexture *, 1);
      g_hash_table_insert (textures, g_strdup (key), slot);
    }
  return slot;
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
  *minimum = *natural = SK_ART_IMAGE (widget)->size;
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
  cairo_surface_t *surface;
  g_autofree char *key = NULL;

  if (self->art == NULL || side < 1)
    return;

  /* Rounded to 4 px steps, so that resizing makes few sizes. */
  px = ((int) (side * scale_factor) + 3) / 4 * 4;
  surface = sk_art_surface (self->art, px);
  if (surface == NULL)
    return;

  key = g_strdup_printf ("%s@%d", self->art, px);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - side) / 2, (height - side) / 2));
  gtk_snapshot_scale (snapshot, side / px, side / px);
  sk_snapshot_append_surface (snapshot, widget, surface, texture_slot (key), px, px);
  gtk_snapshot_restore (snapshot);
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
    case PROP_SIZE:
      g_value_set_int (value, self->size);
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
    case PROP_SIZE:
      if (self->size != g_value_get_int (value))
        {
          self->size = g_value_get_int (value);
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
  widget_class->measure = sk_art_image_measure;
  widget_class->snapshot = sk_art_image_snapshot;

  properties[PROP_ART] =
    g_param_spec_string ("art", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 1, 4096, 32,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "artimage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sk_art_image_init (SkArtImage *self)
{
  self->size = 32;
  self->scale = 1.0;
}

GtkWidget *
sk_art_image_new (const char *art,
                  int         size)
{
  return g_object_new (SK_TYPE_ART_IMAGE,
                       "art", art,
                       "size", size,
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
