/* test-startup.c — what start-up does early, in a thread or later, and
 * that it still refuses what it must
 *
 * The real program on the command line (SK_APP), quitting on its first
 * frame (SK_BENCH_FIRST_FRAME), telling its steps (SK_STARTUP_TRACE); and
 * a real window given children read ahead.
 */
#include "sk-application.h"
#include "sk-child-list.h"
#include "sk-renderer.h"
#include "sk-store.h"
#include "sk-window.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <string.h>

static SkApplication *app;

static void
fill (const char *path,
      guint       n)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      /* Backwards, so that the file's order is not the list's. */
      g_autofree char *name = g_strdup_printf ("Barn %04u", n - i);
      g_autoptr(SkChild) child = sk_child_new (name);

      g_assert_true (sk_store_insert (store, child, &error));
      g_assert_no_error (error);
    }
}

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the program on @database with the environment of this test, but
 * for @changes: name, value pairs, a NULL value unsetting, ended by NULL. */
static void
run_program_with (const char         *database,
                  const char * const *changes,
                  Run                *run)
{
  g_autofree char *arg = g_strconcat ("--database=", database, NULL);
  const char *argv[] = { g_getenv ("SK_APP"), arg, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; changes != NULL && changes[i] != NULL; i += 2)
    env = changes[i + 1] != NULL ? g_environ_setenv (env, changes[i], changes[i + 1], TRUE)
                                 : g_environ_unsetenv (env, changes[i]);
  env = g_environ_setenv (env, "SK_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "SK_STARTUP_TRACE", "1", TRUE);
  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
}

static void
run_program (const char *database,
             Run        *run)
{
  run_program_with (database, NULL, run);
}

/* The value the program printed on the line starting "@name ", or NULL. */
static char *
said (const char *out,
      const char *name)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *start = g_strconcat (name, " ", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start))
      return g_strdup (lines[i] + strlen (start));
  return NULL;
}

/* The time of mark @name in the program's output, or -1. */
static gint64
mark_time (const char *out,
           const char *name)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char found[64];
      gint64 at;

      if (sscanf (lines[i], "mark %63s %" G_GINT64_FORMAT, found, &at) == 2 && g_str_equal (found, name))
        return at;
    }
  return -1;
}

/* The database the command line names starts opening before GTK does,
 * and its children are read in that thread too. */
static void
test_command_line_opens_before_gtk (void)
{
  g_autofree char *path = sk_test_path ("early.db");
  g_auto(Run) run = { 0 };

  fill (path, 60);
  run_program (path, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (mark_time (run.out, "prefetch"), >, 0);
  g_assert_cmpint (mark_time (run.out, "prefetch"), <, mark_time (run.out, "gtk-init"));
  g_assert_cmpint (mark_time (run.out, "children-read"), >, 0);
  g_assert_cmpint (mark_time (run.out, "children-listed"), >, 0);
  g_assert_nonnull (strstr (run.out, "first-frame"));
}

/* Opened early or not, a damaged file is refused, and left as it was. */
static void
test_command_line_refuses_damaged (void)
{
  g_autofree char *path = sk_test_path ("early-damaged.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path, "SQLite format 3 — but not really; invented notes.", -1, NULL));
  before = sk_test_file_checksum (path);
  run_program (path, &run);
  after = sk_test_file_checksum (path);

  g_test_message ("said: %s", run.err);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (mark_time (run.out, "children-listed"), ==, -1);
}

/* And a file from a newer version. */
static void
test_command_line_refuses_newer (void)
{
  g_autofree char *path = sk_test_path ("early-newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *set = NULL;
  g_auto(Run) run = { 0 };

  fill (path, 3);
  set = sk_test_sql (path, "PRAGMA user_version = 9999");
  before = sk_test_file_checksum (path);
  run_program (path, &run);
  after = sk_test_file_checksum (path);

  g_test_message ("said: %s", run.err);
  g_assert_nonnull (strstr (run.err, "newer"));
  g_assert_cmpint (mark_time (run.out, "children-listed"), ==, -1);
  g_assert_cmpstr (after, ==, before);
}

/* The order sk_child_list_sort() gives is the list's own. */
static void
test_sort_is_the_lists (void)
{
  const char *names[] = { "bo", "Anna", "anna", "Åse", "Zoe", "Ølle", "Æble", "Émile", "ali", "Bo" };
  SkChildList *list = g_object_ref_sink (g_object_new (SK_TYPE_CHILD_LIST, NULL));
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *shown = sk_child_list_get_shown (list);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (children, sk_child_new (names[i]));
      g_list_store_append (sk_child_list_get_store (list), children->pdata[i]);
    }
  sk_child_list_sort (children);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, children->len);
  for (guint i = 0; i < children->len; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (sk_child_get_name (item), ==, sk_child_get_name (children->pdata[i]));
    }
  g_object_unref (list);
}

static gboolean
all_shown (gpointer window)
{
  return g_list_model_get_n_items (sk_window_get_children (window)) == 300;
}

static void
count_frame (GdkFrameClock *clock,
             guint         *frames)
{
  (*frames)++;
}

/* Children read ahead: a screenful at once, the rest after the first
 * frame, all in the list's order. */
static void
test_screenful_first (void)
{
  g_autofree char *path = sk_test_path ("screenful.db");
  g_autoptr(SkStore) store = NULL;
  g_autoptr(GListStore) read = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSettings) settings = g_object_ref (sk_application_get_settings (app));
  g_autoptr(GError) error = NULL;
  SkWindow *window;
  GListModel *shown;
  guint first, frames = 0;

  fill (path, 300);
  store = sk_test_store_open (path, &error);
  g_assert_no_error (error);
  read = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (read)); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (G_LIST_MODEL (read), i));
  sk_child_list_sort (sorted);

  window = sk_window_new (GTK_APPLICATION (app), NULL, settings);
  sk_window_set_store_listed (window, store, sorted);
  shown = sk_window_get_children (window);
  first = g_list_model_get_n_items (shown);
  g_assert_cmpuint (first, >=, 16);
  g_assert_cmpuint (first, <, 300);
  for (guint i = 0; i < first; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (shown, i);

      g_assert_true (item == sorted->pdata[i]);
    }

  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (count_frame), &frames);
  g_assert_true (sk_test_wait_for (all_shown, window, 5000));
  g_assert_cmpuint (frames, >=, 1);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (sk_child_get_name (item), ==, sk_child_get_name (sorted->pdata[i]));
    }
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), count_frame, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (50);
}

/* libcups comes with printing, not with the start. */
static void
test_no_cups_before_printing (void)
{
  g_autofree char *path = sk_test_path ("nocups.db");
  g_autoptr(GError) error = NULL;
  SkWindow *window;

  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  sk_test_iterate (100);
  g_assert_null (dlopen ("libcups.so.2", RTLD_NOW | RTLD_NOLOAD));
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (50);
}

/* What a render node is, and what is not. */
static void
test_gpu_is_a_render_node (void)
{
  g_autofree char *dri = sk_test_path ("dri");
  g_autofree char *card = g_build_filename (dri, "card0", NULL);
  g_autofree char *render = g_build_filename (dri, "renderD128", NULL);
  g_autofree char *nvidia = sk_test_path ("nvidiactl");
  g_autofree char *nothing = sk_test_path ("no-such-dri");

  g_assert_cmpint (g_mkdir_with_parents (dri, 0700), ==, 0);
  g_assert_false (sk_renderer_has_gpu (dri, nvidia));
  g_assert_false (sk_renderer_has_gpu (nothing, nvidia));
  /* A display without a GPU of its own (simpledrm, a VM's screen). */
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  g_assert_false (sk_renderer_has_gpu (dri, nvidia));
  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_assert_true (sk_renderer_has_gpu (dri, nvidia));
  g_assert_true (g_file_set_contents (nvidia, "", 0, NULL));
  g_assert_true (sk_renderer_has_gpu (nothing, nvidia));
  g_unlink (card);
  g_unlink (render);
  g_unlink (nvidia);
  g_rmdir (dri);
}

/* Started as a person starts it (no GSK_RENDERER): on a machine without a
 * GPU, such as this Xvfb, cairo draws and Mesa is never loaded; with one,
 * GL draws as GTK would have it.  GDK_DEBUG is given back as it was. */
static void
test_no_gpu_draws_with_cairo (void)
{
  g_autofree char *path = sk_test_path ("renderer.db");
  const char *changes[] = { "GSK_RENDERER", NULL, "GDK_DEBUG", "vulkan-disable", NULL };
  gboolean gpu = sk_renderer_has_gpu ("/dev/dri", "/dev/nvidiactl");
  g_autofree char *renderer = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *debug = NULL;
  g_auto(Run) run = { 0 };

  fill (path, 3);
  run_program_with (path, changes, &run);
  g_assert_cmpint (run.status, ==, 0);
  renderer = said (run.out, "renderer");
  loaded = said (run.out, "gl-loaded");
  debug = said (run.out, "gdk-debug");
  g_test_message ("GPU: %s; drawn by %s", gpu ? "yes" : "no", renderer);
  g_assert_cmpstr (renderer, ==, gpu ? "GskGLRenderer" : "GskCairoRenderer");
  if (!gpu)
    {
      g_assert_cmpstr (loaded, ==, "0");
      g_assert_cmpint (mark_time (run.out, "gl-preloaded"), ==, -1);
    }
  g_assert_cmpstr (debug, ==, "vulkan-disable");
}

/* A GSK_RENDERER the person set is theirs, either way; with cairo, GL is
 * not even prepared, and GDK_DEBUG is unset again after GTK read it. */
static void
test_renderer_the_person_chose (void)
{
  g_autofree char *path = sk_test_path ("renderer-chosen.db");
  static const struct { const char *renderer; const char *type; const char *loaded; } cases[] = {
    { "gl", "GskGLRenderer", "1" },
    { "cairo", "GskCairoRenderer", "0" },
  };

  fill (path, 3);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *changes[] = { "GSK_RENDERER", cases[i].renderer, "GDK_DEBUG", NULL, NULL };
      g_autofree char *renderer = NULL;
      g_autofree char *loaded = NULL;
      g_autofree char *debug = NULL;
      g_auto(Run) run = { 0 };

      run_program_with (path, changes, &run);
      g_assert_cmpint (run.status, ==, 0);
      renderer = said (run.out, "renderer");
      loaded = said (run.out, "gl-loaded");
      debug = said (run.out, "gdk-debug");
      g_assert_cmpstr (renderer, ==, cases[i].type);
      g_assert_cmpstr (loaded, ==, cases[i].loaded);
      g_assert_cmpstr (debug, ==, "");
    }
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/startup/command-line-opens-before-gtk", test_command_line_opens_before_gtk);
  g_test_add_func ("/startup/command-line-refuses-damaged", test_command_line_refuses_damaged);
  g_test_add_func ("/startup/command-line-refuses-newer", test_command_line_refuses_newer);
  g_test_add_func ("/startup/sort-is-the-lists", test_sort_is_the_lists);
  g_test_add_func ("/startup/screenful-first", test_screenful_first);
  g_test_add_func ("/startup/no-cups-before-printing", test_no_cups_before_printing);
  g_test_add_func ("/startup/gpu-is-a-render-node", test_gpu_is_a_render_node);
  g_test_add_func ("/startup/no-gpu-draws-with-cairo", test_no_gpu_draws_with_cairo);
  g_test_add_func ("/startup/renderer-the-person-chose", test_renderer_the_person_chose);
  return sk_test_app_run (&app);
}
