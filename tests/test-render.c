/* test-render.c — the pictures: every one loads and draws, at every size */
#include "sk-art.h"
#include "sk-emotion.h"
#include "sk-network.h"
#include "sk-network-draw.h"

#include <cairo-pdf.h>
#include <string.h>
#include <glib/gstdio.h>

/* The share of pixels that are not transparent. */
static double
coverage (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint covered = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        covered++;
  return covered / (double) (width * height);
}

static GPtrArray *
all_art (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint n;
  const SkWord *feelings = sk_feeling_words (&n);

  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    g_ptr_array_add (names, g_strdup (sk_face_art (face)));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, g_strconcat ("feeling-", feelings[i].key, NULL));
  return names;
}

static void
test_every_picture_every_size (void)
{
  g_autoptr(GPtrArray) names = all_art ();
  static const int sizes[] = { 16, 32, 64, 128, 300 };

  g_assert_cmpuint (names->len, ==, 15);
  for (guint i = 0; i < names->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        cairo_surface_t *surface = sk_art_surface (names->pdata[i], sizes[s]);
        double covered;

        g_assert_nonnull (surface);
        g_assert_cmpint (cairo_image_surface_get_width (surface), ==, sizes[s]);
        covered = coverage (surface);
        /* A round face fills about 3/4 of its square; never nothing, never all. */
        if (covered < 0.5 || covered > 0.95)
          g_error ("%s at %d px covers %.2f", (char *) names->pdata[i], sizes[s], covered);
        /* Rendered once: the same surface the second time. */
        g_assert_true (sk_art_surface (names->pdata[i], sizes[s]) == surface);
      }
}

static void
test_faces_differ (void)
{
  /* The five faces of the scale are five different pictures. */
  for (int a = SK_FACE_MIN; a <= SK_FACE_MAX; a++)
    for (int b = a + 1; b <= SK_FACE_MAX; b++)
      {
        cairo_surface_t *sa = sk_art_surface (sk_face_art (a), 64);
        cairo_surface_t *sb = sk_art_surface (sk_face_art (b), 64);

        g_assert_false (memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb),
                                (gsize) cairo_image_surface_get_stride (sa) * 64) == 0);
      }
}

static void
test_vector_drawing_for_paper (void)
{
  g_autoptr(GPtrArray) names = all_art ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sk-test-render.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  gsize length;
  g_autofree char *contents = NULL;

  for (guint i = 0; i < names->len; i++)
    g_assert_true (sk_art_draw (cr, names->pdata[i], 40 + (i % 5) * 100, 40 + (i / 5) * 100, 80));
  g_assert_false (sk_art_draw (cr, "no-such-picture", 0, 0, 10));
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);

  /* Vectors, not pictures of pictures: a small file with no images. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_null (g_strstr_len (contents, length, "/Subtype /Image"));
  g_remove (path);
}

/* The people and the marks on the network map. */
static void
test_people_pictures (void)
{
  static const char * const marks[] = { "mark-talk", "mark-worry", "child-centre" };
  guint n;
  const SkWord *avatars = sk_network_avatars (&n);

  for (guint i = 0; i < n + G_N_ELEMENTS (marks); i++)
    {
      const char *name = i < n ? avatars[i].key : marks[i - n];
      double covered = coverage (sk_art_surface (name, 48));

      if (covered < 0.3 || covered > 0.95)
        g_error ("%s covers %.2f", name, covered);
    }
  /* Five different people. */
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      g_assert_false (memcmp (cairo_image_surface_get_data (sk_art_surface (avatars[a].key, 48)),
                              cairo_image_surface_get_data (sk_art_surface (avatars[b].key, 48)),
                              (gsize) cairo_image_surface_get_stride (sk_art_surface (avatars[a].key, 48)) * 48) == 0);
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  return ((const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface)))[x];
}

static void
test_network_map (void)
{
  SkNetworkFigure figures[] = {
    { "Mormor", "mormor", "person-older", TRUE, FALSE, FALSE },
    { "Bo", "", "person-child", FALSE, TRUE, FALSE },
  };
  SkNetworkPoint points[] = {
    sk_network_polar_to_point (sk_network_cell_centre (SK_SECTOR_FAMILY, 1)),
    sk_network_polar_to_point (sk_network_cell_centre (SK_SECTOR_SCHOOL, 2)),
  };
  cairo_surface_t *empty = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 600);
  cairo_surface_t *full = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 600);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sk-test-map.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_path = NULL;
  SkNetworkFrame frame;
  cairo_surface_t *pdf;
  cairo_t *cr;
  gsize length;
  int changed = 0;

  sk_network_frame_fit (&frame, 0, 0, 600, 600);
  g_assert_cmpfloat (frame.picture, >=, 40);
  cr = cairo_create (empty);
  sk_network_draw (cr, &frame, "Alma", figures, points, 0, FALSE);
  cairo_destroy (cr);
  cr = cairo_create (full);
  sk_network_draw (cr, &frame, "Alma", figures, points, G_N_ELEMENTS (figures), FALSE);
  cairo_destroy (cr);

  /* Each person's picture is where the geometry puts them, and nothing
   * changed far away from them. */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x, y, w, h;

      sk_network_frame_to_area (&frame, points[i], &x, &y);
      sk_network_figure_size (&frame, &w, &h);
      /* The middle of the picture, at the top of the box. */
      g_assert_cmpuint (pixel (full, (int) x, (int) (y - h / 2 + frame.picture / 2)), !=,
                        pixel (empty, (int) x, (int) (y - h / 2 + frame.picture / 2)));
    }
  g_assert_cmpuint (pixel (full, 300, 300), ==, pixel (empty, 300, 300));   /* the child */
  for (int y = 0; y < 600; y += 7)
    for (int x = 0; x < 600; x += 7)
      changed += pixel (full, x, y) != pixel (empty, x, y);
  g_assert_cmpint (changed, >, 40);
  g_assert_cmpint (changed, <, 7400 / 4);
  cairo_surface_destroy (empty);
  cairo_surface_destroy (full);

  /* On paper: vectors and real text. */
  pdf = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (pdf);
  sk_network_frame_fit (&frame, 50, 100, 495, 495);
  sk_network_draw (cr, &frame, "Alma", figures, points, G_N_ELEMENTS (figures), TRUE);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "/Subtype /Image"));

  text_path = g_strconcat (path, ".txt", NULL);
  {
    const char *argv[] = { "pdftotext", path, text_path, NULL };
    int status = -1;

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL))
      {
        g_test_skip ("pdftotext is not installed");
        g_remove (path);
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  for (guint i = 0; i < SK_NETWORK_N_SECTORS; i++)
    g_assert_nonnull (strstr (text, sk_network_sector_label (i)));
  g_assert_nonnull (strstr (text, "Mormor"));
  g_assert_nonnull (strstr (text, "Alma"));
  g_assert_nonnull (strstr (text, "Closest to me"));
  g_remove (text_path);
  g_remove (path);
}

static void
test_unknown_picture (void)
{
  g_assert_null (sk_art_surface ("no-such-picture", 32));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/every-picture-every-size", test_every_picture_every_size);
  g_test_add_func ("/render/faces-differ", test_faces_differ);
  g_test_add_func ("/render/vector-drawing", test_vector_drawing_for_paper);
  g_test_add_func ("/render/unknown-picture", test_unknown_picture);
  g_test_add_func ("/render/people-pictures", test_people_pictures);
  g_test_add_func ("/render/network-map", test_network_map);

  return g_test_run ();
}
