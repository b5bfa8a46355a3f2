/* houses.c — the Three Houses with 300 strokes already drawn
 *
 * Measures, as the median CPU time:
 *  - a frame of the house while the child draws the next stroke: the
 *    stroke's new point, the snapshot, and rasterising the frame with
 *    GSK's cairo renderer (what Xvfb and software rendering use), on an
 *    800 × 800 house.  Aim: ≤ 4 ms.
 *  - the house with its 300 strokes drawn as vectors on a PDF page (the
 *    parents' paper).  Aim: ≤ 50 ms.
 * Exits 1 above either aim.
 */
#include "sk-bench.h"
#include "sk-house-canvas.h"
#include "sk-houses-draw.h"
#include "sk-houses.h"
#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#define N_STROKES 300
#define POINTS    60
#define FRAMES    300
#define PAGES     30
#define SIZE      800
#define FRAME_AIM 4.0
#define PDF_AIM   50.0

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* 300 scribbles of 60 points, every crayon, width and pressure: a house a
 * child has filled. */
static void
fill (SkHouses *houses,
      SkStore  *store)
{
  GRand *rand = g_rand_new_with_seed (300);

  for (int s = 0; s < N_STROKES; s++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));
      double x = g_rand_double_range (rand, 0.2, 0.8), y = g_rand_double_range (rand, 0.45, 0.9);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);

      for (int p = 0; p < POINTS; p++)
        {
          /* Every third from a pen, pressed harder and lighter as a hand does. */
          SkHousesPoint point = { x, y, s % 3 == 0 ? 0.3 + 0.35 * (1 + sin (p * 0.15 + s)) : 1.0 };

          g_array_append_val (points, point);
          angle += g_rand_double_range (rand, -0.5, 0.5);
          x = CLAMP (x + 0.01 * cos (angle), 0, 1);
          y = CLAMP (y + 0.01 * sin (angle), 0, 1);
        }
      g_assert_nonnull (sk_houses_add_stroke (houses, store, SK_HOUSE_DREAMS, s % (SK_HOUSES_N_CRAYONS + 1),
                                              s % SK_HOUSES_N_SIZES, points, NULL));
    }
  g_rand_free (rand);
}

static double
bench_frame (SkHouses *houses)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *canvas = sk_house_canvas_new (TRUE);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  double times[FRAMES];

  gtk_window_set_default_size (GTK_WINDOW (window), SIZE, SIZE);
  gtk_window_set_child (GTK_WINDOW (window), canvas);
  sk_house_canvas_set_house (SK_HOUSE_CANVAS (canvas), SK_HOUSE_DREAMS, G_LIST_MODEL (houses->strokes[SK_HOUSE_DREAMS]));
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 50 && gtk_widget_get_width (canvas) < SIZE / 2; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  if (gtk_widget_get_width (canvas) != SIZE || gtk_widget_get_height (canvas) != SIZE)
    g_error ("the house is %d × %d, not %d × %d: run on a larger screen",
             gtk_widget_get_width (canvas), gtk_widget_get_height (canvas), SIZE, SIZE);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  paintable = gtk_widget_paintable_new (canvas);

  /* The next stroke, a long one, begun in the house. */
  sk_house_canvas_begin (SK_HOUSE_CANVAS (canvas), SIZE * 0.5, SIZE * 0.7, 1.0);
  for (int f = -10; f < FRAMES; f++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      double start = cpu_ms ();

      sk_house_canvas_extend (SK_HOUSE_CANVAS (canvas), SIZE * (0.5 + 0.25 * cos (f * 0.03)),
                              SIZE * (0.7 + 0.15 * sin (f * 0.05)), 1.0);
      gdk_paintable_snapshot (paintable, snapshot, SIZE, SIZE);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
      if (f >= 0)
        times[f] = cpu_ms () - start;
    }
  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  return sk_bench_median (times, FRAMES);
}

static double
bench_pdf (SkHouses   *houses,
           const char *dir)
{
  g_autofree char *pdf = g_build_filename (dir, "house.pdf", NULL);
  double times[PAGES];

  for (int p = -2; p < PAGES; p++)
    {
      double start = cpu_ms ();
      cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
      cairo_t *cr = cairo_create (surface);

      sk_houses_draw_house (cr, SK_HOUSE_DREAMS, G_LIST_MODEL (houses->strokes[SK_HOUSE_DREAMS]), 60, 60, 150, TRUE);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      if (p >= 0)
        times[p] = cpu_ms () - start;
    }
  g_unlink (pdf);
  return sk_bench_median (times, PAGES);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("sk-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "houses.db", NULL);
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(SkHouses) houses = NULL;
  g_autoptr(GError) error = NULL;
  double frame_ms, pdf_ms;

  gtk_init ();
  adw_init ();

  {
    g_autoptr(SkKey) key = sk_key_new_random ();

    store = sk_store_open (path, key, &error);
  }
  g_assert_no_error (error);
  child = sk_child_new ("Alma");
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1763900000);
  g_assert_true (sk_store_insert (store, conversation, &error));
  houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), &error);
  g_assert_no_error (error);
  fill (houses, store);

  frame_ms = bench_frame (houses);
  pdf_ms = bench_pdf (houses, dir);

  printf ("Three Houses, %d strokes of %d points in the house:\n", N_STROKES, POINTS);
  printf ("  frame while drawing the next stroke (%d × %d, snapshot\n"
          "  and cairo rasterisation), median CPU of %d:   %.2f ms  (aim ≤ %.1f ms)\n",
          SIZE, SIZE, FRAMES, frame_ms, FRAME_AIM);
  printf ("  the house on a PDF page, vectors, median of %d: %.2f ms  (aim ≤ %.1f ms)\n", PAGES, pdf_ms, PDF_AIM);

  g_clear_pointer (&houses, sk_houses_free);
  g_clear_object (&store);
  sk_bench_remove_dir (dir);
  return frame_ms <= FRAME_AIM && pdf_ms <= PDF_AIM ? 0 : 1;
}
