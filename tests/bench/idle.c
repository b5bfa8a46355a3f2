/* idle.c — what the program costs while the child thinks
 *
 * The keyboard focus sits in the conversation page's "In your own words"
 * (the child's words) with the cursor blinking, and nobody touches
 * anything.  Measured: the CPU seconds (user + system, all threads, read
 * from /proc/<pid>/stat) the program uses over 10 s of that, against a
 * bare GTK 4 text view with the focus (tests/bench/bare-text-view), both
 * as processes of their own, one after the other, with the cairo renderer
 * and with none set, in one run (the bare text view then draws with GL, as
 * GTK 4.8 always does; the program with cairo where there is no GPU,
 * src/gui/sk-renderer.c).  Cursor blinking is on in
 * both and keeps going for the whole measurement (gtk-cursor-blink-timeout
 * longer than the run, the same in both).  Prints the ratio; exits 1 when
 * the program uses more than twice the text view's time.
 *
 * The program blinks its cursor itself (src/gui/sk-blink.c: hard on and
 * off, one frame per change); the bare text view with GTK's fade, a frame
 * every 16 ms for half of each cycle — what the program did before.
 *
 * The program's side is this binary again (SK_IDLE_ROLE=program): the real
 * application and window on the demo child's database, its newest
 * conversation open, as the gui tests open it.  SK_IDLE_SECONDS sets the
 * measured time (default 10).
 */
#include "sk-test-gui.h"
#include "sk-test-util.h"
#include "sk-note-field.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BLINK_TIMEOUT "600"

/* The program's side */

static guint frames;

static void
after_paint_cb (GdkFrameClock *clock)
{
  frames++;
  /* SK_IDLE_TRACE: when each frame was drawn (for looking into it). */
  if (g_getenv ("SK_IDLE_TRACE") != NULL)
    fprintf (stderr, "frame %u at %.3f s\n", frames, g_get_monotonic_time () / 1e6);
}

static gboolean
stdin_closed_cb (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      done)
{
  *(gboolean *) done = TRUE;
  return G_SOURCE_REMOVE;
}

static int
run_program (int argc, char **argv)
{
  SkApplication *app = sk_test_app_start (&argc, &argv);
  g_autofree char *name = g_strdup_printf ("idle-%d.db", (int) getpid ());
  g_autofree char *path = NULL;
  GIOChannel *in = g_io_channel_unix_new (0);
  gboolean done = FALSE;
  SkWindow *window;
  GtkWidget *field;
  GtkWidget *view;

  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", TRUE,
                "gtk-cursor-blink-timeout", atoi (BLINK_TIMEOUT),
                NULL);
  if (g_getenv ("SK_IDLE_CSS") != NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, g_getenv ("SK_IDLE_CSS"), -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider), 900);
    }
  window = sk_test_open_demo (app, name);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  field = sk_test_find_shown (GTK_WIDGET (window), SK_TYPE_NOTE_FIELD, "In your own words");
  g_assert_nonnull (field);
  view = GTK_WIDGET (sk_note_field_get_text_view (SK_NOTE_FIELD (field)));
  sk_test_scroll_to (view);
  sk_test_focus_window (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);
  /* Scrolling to the field shows the scroll bar, which fades out two
   * seconds later over one (GtkScrolledWindow): once, after a scroll, not
   * while nobody touches anything.  Measured from after it. */
  sk_test_iterate (3500);
  if (!gtk_widget_has_focus (view))
    {
      fprintf (stderr, "idle: the child's words field has no focus\n");
      return 1;
    }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  if (g_getenv ("SK_IDLE_TRACE") != NULL)
    {
      gboolean blink;
      int blink_timeout, blink_time;

      g_object_get (gtk_widget_get_settings (view), "gtk-cursor-blink", &blink,
                    "gtk-cursor-blink-timeout", &blink_timeout, "gtk-cursor-blink-time", &blink_time, NULL);
      fprintf (stderr, "blink %d timeout %d time %d\n", blink, blink_timeout, blink_time);
    fprintf (stderr, "active %d cursor-visible %d editable %d focus-visible %d flags %x\n",
             gtk_window_is_active (GTK_WINDOW (window)), gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (view)),
             gtk_text_view_get_editable (GTK_TEXT_VIEW (view)), gtk_window_get_focus_visible (GTK_WINDOW (window)),
             gtk_widget_get_state_flags (view));
    }
  if (g_getenv ("SK_IDLE_DUMP") != NULL)
    {
      GdkPaintable *paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_free_to_node (snapshot);
      gsk_render_node_write_to_file (node, g_getenv ("SK_IDLE_DUMP"), NULL);
      gsk_render_node_unref (node);
      g_object_unref (paintable);
    }
  printf ("ready\n");
  fflush (stdout);

  g_io_add_watch (in, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, &done);
  g_io_channel_unref (in);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  printf ("frames %u\n", frames);
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  path = sk_test_path (name);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      unlink (file);
    }
  return 0;
}

/* The measuring side */

typedef struct
{
  double cpu_s;
  guint  frames;
} Idle;

/* user + system time of @pid so far, in seconds */
static double
cpu_seconds (GPid pid)
{
  g_autofree char *file = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (file, &stat, NULL, NULL))
    return -1;
  after = strrchr (stat, ')');
  if (after == NULL)
    return -1;
  /* After the name: state (field 3) … utime (14), stime (15). */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

static gboolean
measure (const char *const *cmd,
         const char        *renderer,
         guint              seconds,
         Idle              *result)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GIOChannel *out;
  GPid pid;
  int in_fd, out_fd, status;
  double before = -1, after = -1;
  gboolean ready = FALSE;

  if (renderer != NULL)
    env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  else
    env = g_environ_unsetenv (env, "GSK_RENDERER");
  if (!g_spawn_async_with_pipes (NULL, (char **) cmd, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error))
    {
      fprintf (stderr, "idle: %s: %s\n", cmd[0], error->message);
      return FALSE;
    }
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  while (!ready && g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      ready = g_str_has_prefix (line, "ready");
      g_clear_pointer (&line, g_free);
    }
  if (ready)
    {
      before = cpu_seconds (pid);
      g_usleep ((gulong) seconds * G_USEC_PER_SEC);
      after = cpu_seconds (pid);
      result->cpu_s = after - before;
    }
  close (in_fd);
  result->frames = 0;
  while (g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      if (g_str_has_prefix (line, "frames "))
        result->frames = (guint) atoi (line + 7);
      g_clear_pointer (&line, g_free);
    }
  g_io_channel_unref (out);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  if (!ready)
    fprintf (stderr, "idle: %s never got ready\n", cmd[0]);
  return ready && before >= 0 && after >= 0;
}

int
main (int argc, char **argv)
{
  static const struct { const char *renderer; const char *label; } renderers[] = {
    { "cairo", "cairo" }, { NULL, "not set" },
  };
  const char *bare = g_getenv ("SK_BARE_TEXT_VIEW");
  const char *seconds_env = g_getenv ("SK_IDLE_SECONDS");
  guint seconds = seconds_env != NULL ? (guint) atoi (seconds_env) : 10;
  g_autofree char *self = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (g_getenv ("SK_IDLE_ROLE"), "program") == 0)
    return run_program (argc, argv);

  if (bare == NULL)
    {
      fprintf (stderr, "idle: set SK_BARE_TEXT_VIEW to tests/bench/bare-text-view\n");
      return 1;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  g_setenv ("SK_BLINK_TIMEOUT", BLINK_TIMEOUT, TRUE);

  printf ("CPU seconds over %u s idle, the cursor blinking in a focused text view\n", seconds);
  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      const char *bare_cmd[] = { bare, NULL };
      const char *program_cmd[] = { self, NULL };
      Idle yardstick = { 0 }, program = { 0 };
      double ratio;

      g_setenv ("SK_IDLE_ROLE", "bare", TRUE);
      if (!measure (bare_cmd, renderers[r].renderer, seconds, &yardstick))
        return 1;
      g_setenv ("SK_IDLE_ROLE", "program", TRUE);
      if (!measure (program_cmd, renderers[r].renderer, seconds, &program))
        return 1;
      g_unsetenv ("SK_IDLE_ROLE");

      ratio = program.cpu_s / MAX (yardstick.cpu_s, 0.01);
      printf ("%-13s bare text view %6.2f s (%4u frames)   samtalekuffert %6.2f s (%4u frames)   ratio %5.2f %s\n",
              renderers[r].label, yardstick.cpu_s, yardstick.frames, program.cpu_s, program.frames,
              ratio, ratio <= 2.0 ? "(≤ 2: ok)" : "(> 2: too much)");
      fflush (stdout);
      ok = ok && ratio <= 2.0;
    }
  return ok ? 0 : 1;
}
