/* test-houses.c — the Three Houses in a real file: points kept byte for
 * byte, a damaged blob drawing nothing, the journal's lines, the parents'
 * PDF with only the house the child shared, the same drawing on screen
 * and on paper, and a stroke that survives kill -9 right after the pen
 * lifted. */
#include "sk-houses.h"
#include "sk-houses-draw.h"
#include "sk-i18n.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-test-util.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static GArray *
wave (double y,
      guint  n,
      float  pressure)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));

  for (guint i = 0; i < n; i++)
    {
      SkHousesPoint point = { 0.25f + 0.5f * i / (n - 1), y + 0.05 * sin (i * 0.7), pressure };

      g_array_append_val (points, point);
    }
  return points;
}

static void
test_points (void)
{
  g_autoptr(GArray) points = wave (0.6, 40, 0.5f);
  g_autoptr(GBytes) bytes = sk_houses_points_encode ((SkHousesPoint *) points->data, points->len);
  g_autoptr(GArray) back = sk_houses_points_decode (bytes);
  g_autoptr(GBytes) damaged = g_bytes_new ("\x01\x02\x03", 3);
  g_autoptr(GBytes) newer = g_bytes_new ("\x09\x00\x00\x00\x00\x00", 6);
  g_autoptr(GArray) smoothed = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1 + 5 * 40);
  g_assert_cmpuint (back->len, ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      g_assert_cmpfloat (fabsf (g_array_index (back, SkHousesPoint, i).x - g_array_index (points, SkHousesPoint, i).x), <, 1e-4);
      g_assert_cmpfloat (fabsf (g_array_index (back, SkHousesPoint, i).y - g_array_index (points, SkHousesPoint, i).y), <, 1e-4);
      g_assert_cmpfloat (fabsf (g_array_index (back, SkHousesPoint, i).pressure - 0.5f), <, 0.01);
    }
  g_assert_null (sk_houses_points_decode (damaged));
  g_assert_null (sk_houses_points_decode (newer));

  /* Smoothing: a jitter is drawn in, a point on top of the last left out,
   * and the stroke ends where the pen lifted. */
  sk_houses_smooth_add (smoothed, (SkHousesPoint) { 0.5f, 0.5f, 1 });
  sk_houses_smooth_add (smoothed, (SkHousesPoint) { 0.5f, 0.5005f, 1 });
  g_assert_cmpuint (smoothed->len, ==, 1);
  sk_houses_smooth_add (smoothed, (SkHousesPoint) { 0.6f, 0.5f, 1 });
  g_assert_cmpuint (smoothed->len, ==, 2);
  g_assert_cmpfloat (g_array_index (smoothed, SkHousesPoint, 1).x, <, 0.6f);
  sk_houses_smooth_finish (smoothed, (SkHousesPoint) { 0.6f, 0.5f, 1 });
  g_assert_cmpfloat (g_array_index (smoothed, SkHousesPoint, smoothed->len - 1).x, ==, 0.6f);

  g_assert_true (sk_houses_area_holds (0.5, 0.8));
  g_assert_false (sk_houses_area_holds (0.05, 0.1));
  g_assert_false (sk_houses_area_holds (0.5, 0.97));
}

/* Three strokes and words in two houses; the worries shared. */
static SkConversation *
fill (SkStore *store)
{
  g_autoptr(SkChild) child = sk_child_new ("Asta Nørgaard");
  SkConversation *conversation;
  g_autoptr(SkHouses) houses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) one = wave (0.6, 30, 1.0f);
  g_autoptr(GArray) two = wave (0.8, 30, 0.4f);
  g_autoptr(GArray) three = wave (0.7, 20, 1.0f);

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (sk_houses_add_stroke (houses, store, SK_HOUSE_WORRIES, 1, 2, one, &error));
  g_assert_nonnull (sk_houses_add_stroke (houses, store, SK_HOUSE_WORRIES, 5, 1, two, &error));
  g_assert_nonnull (sk_houses_add_stroke (houses, store, SK_HOUSE_DREAMS, 4, 2, three, &error));
  g_assert_nonnull (sk_houses_add_word (houses, store, SK_HOUSE_WORRIES, "  Når far råber 😟 ", "feeling-scared", &error));
  g_assert_nonnull (sk_houses_add_word (houses, store, SK_HOUSE_WORRIES, "Matematik", NULL, &error));
  g_assert_nonnull (sk_houses_add_word (houses, store, SK_HOUSE_DREAMS, "En hund der hedder Bamse", NULL, &error));
  g_assert_true (sk_houses_set_shared (houses, store, SK_HOUSE_WORRIES, TRUE, &error));
  g_assert_true (sk_store_flush (store, &error));
  return conversation;
}

static void
test_kept (void)
{
  g_autofree char *path = sk_test_path ("houses-kept.db");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(SkHouses) houses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blob = NULL;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);

    conversation = fill (store);
    blob = sk_test_sql (path, "SELECT hex(points) FROM house_strokes WHERE position = 1 AND house = 0");
  }
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autofree char *again = NULL;
    g_autoptr(SkHouseStroke) stroke = NULL;

    houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[SK_HOUSE_WORRIES])), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[SK_HOUSE_GOOD])), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[SK_HOUSE_DREAMS])), ==, 1);
    stroke = g_list_model_get_item (G_LIST_MODEL (houses->strokes[SK_HOUSE_WORRIES]), 1);
    g_assert_cmpint (sk_house_stroke_get_crayon (stroke), ==, 5);
    g_assert_cmpuint (sk_house_stroke_get_points (stroke)->len, ==, 30);
    again = sk_test_sql (path, "SELECT hex(points) FROM house_strokes WHERE position = 1 AND house = 0");
    g_assert_cmpstr (again, ==, blob);
    g_assert_true (sk_houses_get_shared (houses, SK_HOUSE_WORRIES));
    g_assert_false (sk_houses_get_shared (houses, SK_HOUSE_DREAMS));
    g_assert_cmpint (sk_houses_is_empty (houses, SK_HOUSE_GOOD), ==, TRUE);
  }
  /* A damaged blob draws nothing and breaks nothing. */
  g_free (sk_test_sql (path, "UPDATE house_strokes SET points = x'0102' WHERE position = 0 AND house = 0"));
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkHouses) reread = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), &error);
    g_autoptr(SkHouseStroke) stroke = g_list_model_get_item (G_LIST_MODEL (reread->strokes[SK_HOUSE_WORRIES]), 0);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create (surface);

    g_assert_cmpuint (sk_house_stroke_get_points (stroke)->len, ==, 0);
    sk_houses_draw_house (cr, SK_HOUSE_WORRIES, G_LIST_MODEL (reread->strokes[SK_HOUSE_WORRIES]), 0, 0, 64, TRUE);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_journal (void)
{
  g_autofree char *path = sk_test_path ("houses-journal.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *danish = NULL;

  journal = sk_journal_build (store, conversation, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (journal, "== Three Houses ==\nHouse of worries [shared with the parents]\n"
                                     "   Drawing: 2 strokes.\n   - Når far råber 😟 (picture: Scared)\n   - Matematik\n"));
  g_assert_nonnull (strstr (journal, "House of dreams [not shared with the parents]\n   Drawing: 1 stroke.\n"
                                     "   - En hund der hedder Bamse\n"));
  /* An empty house is left out. */
  g_assert_null (strstr (journal, "House of good things"));
  sk_i18n_set_language ("da");
  danish = sk_journal_build (store, conversation, FALSE, &error);
  sk_i18n_set_language ("en");
  g_assert_nonnull (strstr (danish, "== Tre huse ==\nBekymringernes hus ["));
  g_assert_nonnull (strstr (danish, "Tegning: 2 streger."));
  g_assert_nonnull (strstr (danish, "(billede: Bange)"));
}

/* The parents' paper: the shared house with its words; the other not at
 * all; the choices offer both houses with something in them. */
static void
test_paper (void)
{
  g_autofree char *path = sk_test_path ("houses-paper.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  guint houses = 0;

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, language, NULL, &error);
      g_autofree char *name = g_strdup_printf ("houses-%s.pdf", language);
      g_autofree char *pdf = sk_test_path (name);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      sk_test_keep (pdf, name);
      text = sk_test_pdf_text (pdf);
      g_assert_nonnull (strstr (text, l == 0 ? "Astas tre huse" : "Asta’s three houses"));
      g_assert_nonnull (strstr (text, l == 0 ? "Bekymringernes hus" : "House of worries"));
      g_assert_nonnull (strstr (text, "Når far råber"));
      g_assert_nonnull (strstr (text, "Matematik"));
      /* Not shared: not on the paper. */
      g_assert_null (strstr (text, "Bamse"));
      g_assert_null (strstr (text, l == 0 ? "Drømmenes hus" : "House of dreams"));
      g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
    }
  choices = sk_summary_list_choices (store, conversation, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < choices->len; i++)
    {
      SkShareItem *item = choices->pdata[i];

      if (g_strcmp0 (item->group, "Three Houses") == 0)
        houses++;
    }
  g_assert_cmpuint (houses, ==, 2);
}

/* The same strokes on screen (an image, as the widget draws them) and on
 * paper (a PDF, rasterised by poppler at the same size): the same pixels,
 * but for the edges' smoothing. */
static void
test_screen_and_paper (void)
{
  g_autofree char *path = sk_test_path ("houses-render.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store);
  g_autoptr(SkHouses) houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), NULL);
  g_autofree char *pdf = sk_test_path ("house.pdf");
  g_autofree char *png = sk_test_path ("house-paper");
  g_autofree char *png_file = g_strdup_printf ("%s.png", png);
  cairo_surface_t *screen = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 400);
  cairo_surface_t *paper, *surface;
  cairo_t *cr;
  const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf, png, NULL };
  int status, differ = 0, ink = 0;

  cr = cairo_create (screen);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sk_houses_draw_house (cr, SK_HOUSE_WORRIES, G_LIST_MODEL (houses->strokes[SK_HOUSE_WORRIES]), 0, 0, 400, FALSE);
  cairo_destroy (cr);
  

  surface = cairo_pdf_surface_create (pdf, 400, 400);
  cr = cairo_create (surface);
  sk_houses_draw_house (cr, SK_HOUSE_WORRIES, G_LIST_MODEL (houses->strokes[SK_HOUSE_WORRIES]), 0, 0, 400, TRUE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  paper = cairo_image_surface_create_from_png (png_file);
  g_assert_cmpint (cairo_surface_status (paper), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (paper), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (paper), ==, 400);

  cairo_surface_flush (screen);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 a = ((guint32 *) (cairo_image_surface_get_data (screen) + y * cairo_image_surface_get_stride (screen)))[x];
        guint32 b = ((guint32 *) (cairo_image_surface_get_data (paper) + y * cairo_image_surface_get_stride (paper)))[x];
        int most = 0;

        for (int c = 0; c < 24; c += 8)
          most = MAX (most, abs ((int) ((a >> c) & 0xff) - (int) ((b >> c) & 0xff)));
        /* Red or blue crayon: ink of the drawing, not the outline. */
        if ((((a >> 16) & 0xff) > 0xc0 && ((a >> 8) & 0xff) < 0x60) || ((a & 0xff) > 0xc0 && ((a >> 16) & 0xff) < 0x60))
          ink++;
        if (most > 64)
          differ++;
      }
  /* The drawing is there (not just the house)… */
  g_assert_cmpint (ink, >, 2000);
  /* …and on paper as on screen: only edge pixels may differ. */
  g_assert_cmpint (differ, <, 400 * 400 / 100);
  cairo_surface_destroy (screen);
  cairo_surface_destroy (paper);
}

/* A stroke written when the pen lifts is there after kill -9 that same
 * moment: a child process writes it and says so; it is killed at once. */
static void
test_kill_after_lift (void)
{
  g_autofree char *path = sk_test_path ("houses-kill.db");
  gint64 conversation_id;
  int ready[2];
  pid_t pid;
  char byte;
  int status;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = sk_child_new ("Asta");
    g_autoptr(SkConversation) conversation = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (sk_store_insert (store, child, &error));
    conversation = sk_test_add_conversation (store, child, 1763900000);
    conversation_id = sk_record_get_id (SK_RECORD (conversation));
    g_assert_true (sk_store_flush (store, &error));
  }
  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      SkStore *store = sk_test_store_open (path, NULL);
      SkHouses *houses = store != NULL ? sk_houses_load (store, conversation_id, NULL) : NULL;
      g_autoptr(GArray) points = wave (0.7, 25, 1.0f);

      /* The pen lifts: stored, and the parent told. */
      if (houses == NULL || sk_houses_add_stroke (houses, store, SK_HOUSE_GOOD, 3, 1, points, NULL) == NULL)
        _exit (1);
      if (write (ready[1], "s", 1) != 1)
        _exit (1);
      for (;;)
        pause ();
    }
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (ready[0]);
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkHouses) houses = sk_houses_load (store, conversation_id, NULL);
    g_autoptr(SkHouseStroke) stroke = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[SK_HOUSE_GOOD])), ==, 1);
    stroke = g_list_model_get_item (G_LIST_MODEL (houses->strokes[SK_HOUSE_GOOD]), 0);
    g_assert_cmpuint (sk_house_stroke_get_points (stroke)->len, ==, 25);
    g_assert_cmpint (sk_house_stroke_get_crayon (stroke), ==, 3);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sk_i18n_init ();

  g_test_add_func ("/houses/points", test_points);
  g_test_add_func ("/houses/kept", test_kept);
  g_test_add_func ("/houses/journal", test_journal);
  g_test_add_func ("/houses/paper", test_paper);
  g_test_add_func ("/houses/screen-and-paper", test_screen_and_paper);
  g_test_add_func ("/houses/kill-after-lift", test_kill_after_lift);
  return g_test_run ();
}
