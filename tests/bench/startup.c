/* startup.c — time from exec to the first frame drawn, and peak memory
 *
 * Starts a bare GTK 4 window, a bare libadwaita window (the yardsticks,
 * tests/bench/bare-window.c) and the program, against an empty database
 * and against one with 1,000 children × 20 conversations: in turns, one
 * of each per round, so that whatever else the machine does falls on all
 * alike; with the cairo renderer, with GL, and with none set (the
 * program then chooses, src/gui/sk-renderer.c).  Prints
 * the medians, the ratios to the bare GTK 4 window, the peak memory
 * (ru_maxrss) and, from the program's own marks (SK_STARTUP_TRACE,
 * src/core/sk-trace.c), where the time goes.  Two starts go on as a
 * caseworker's does: the passphrase typed on the keyboard (XTest) into
 * the passphrase page, then Return; timed from Return to the first frame
 * of the database's window, the children in it.
 * Aims: at most 1.20 × the bare window empty, 1.30 with 1,000 × 20,
 * memory at most 1.25 ×.
 */
#include "sk-bench.h"
#include "sk-store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>
#include <glib/gstdio.h>

#define ROUNDS 15

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One kind of start: its times, memory and marks over the rounds. */
typedef struct
{
  const char  *title;
  const char **argv;
  GArray      *frames;   /* gint64 µs from spawn to the first frame */
  GArray      *memory;   /* gint64 KiB, peak resident */
  GPtrArray   *names;    /* the marks, in the order they came */
  GHashTable  *marks;    /* name → GArray of gint64 µs after the spawn */
  char        *drawn_by; /* the renderer, as the program says (not the bare windows) */
  gboolean     typed;    /* the passphrase is typed on the page, and Return pressed */
  GArray      *waits;    /* gint64 µs from Return to the first frame unlocked */
} Start;

static Start *
start_new (const char  *title,
           const char **argv)
{
  Start *start = g_new0 (Start, 1);

  start->title = title;
  start->argv = argv;
  start->frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  start->memory = g_array_new (FALSE, FALSE, sizeof (gint64));
  start->names = g_ptr_array_new_with_free_func (g_free);
  start->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  start->waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  return start;
}

/* A start where the bench types the passphrase, as a caseworker does, and
 * times from Return to the first frame of the database's window. */
static Start *
start_typed (const char  *title,
             const char **argv)
{
  Start *start = start_new (title, argv);

  start->typed = TRUE;
  return start;
}

static void
start_free (Start *start)
{
  g_array_unref (start->frames);
  g_array_unref (start->memory);
  g_ptr_array_unref (start->names);
  g_hash_table_unref (start->marks);
  g_array_unref (start->waits);
  g_free (start->drawn_by);
  g_free (start);
}

static void
add_mark (Start      *start,
          const char *name,
          gint64      after)
{
  GArray *times = g_hash_table_lookup (start->marks, name);

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (start->names, g_strdup (name));
      g_hash_table_insert (start->marks, g_strdup (name), times);
    }
  g_array_append_val (times, after);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, values->len / 2);
}

/* The passphrase of the bench's files (their key files are made here).
 * Given beforehand ($SAMTALEKUFFERT_PASSPHRASE, set in main(), as scripts
 * give it), its key derivation is part of the start.  A caseworker's
 * start asks for it: the passphrase page is the first frame, and the
 * derivation comes after Return (the "asking" and "typed" starts). */
#define BENCH_PASSPHRASE "a bench at the window"

static Display *
x_display (void)
{
  static Display *display;

  if (display == NULL)
    display = XOpenDisplay (NULL);
  g_assert_nonnull (display);
  return display;
}

static void
press (KeySym keysym)
{
  KeyCode code = XKeysymToKeycode (x_display (), keysym);

  g_assert_cmpint (code, !=, 0);
  XTestFakeKeyEvent (x_display (), code, True, CurrentTime);
  XTestFakeKeyEvent (x_display (), code, False, CurrentTime);
}

/* Types the passphrase on the keyboard into the window @xid, which shows
 * the passphrase page, and presses Return: returns when Return was
 * pressed.  The letters have been taken in before Return is pressed. */
static gint64
type_passphrase (Window xid)
{
  gint64 pressed;

  XRaiseWindow (x_display (), xid);
  XSetInputFocus (x_display (), xid, RevertToParent, CurrentTime);
  XSync (x_display (), False);
  g_usleep (50 * 1000);
  for (const char *p = BENCH_PASSPHRASE; *p != '\0'; p++)
    press (*p == ' ' ? XK_space : (KeySym) *p);
  XSync (x_display (), False);
  g_usleep (300 * 1000);
  pressed = g_get_monotonic_time ();
  press (XK_Return);
  XSync (x_display (), False);
  return pressed;
}

/* Starts @start once; with @keep, adds its figures. */
static void
run_once (Start    *start,
          gboolean  keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  struct rusage usage;
  gint64 begin, frame = 0, pressed = 0, unlocked = 0;
  GPid pid;
  int out, status;

  begin = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) start->argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out, NULL, &error))
    g_error ("%s: %s", start->argv[0], error->message);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  while (g_io_channel_read_line (channel, &line, NULL, NULL, &error) == G_IO_STATUS_NORMAL)
    {
      char name[64];
      gint64 at;
      char type[64];
      unsigned long xid;

      if (sscanf (line, "first-frame %" G_GINT64_FORMAT, &frame) == 1)
        frame -= begin;
      else if (start->typed && sscanf (line, "xid %lu", &xid) == 1)
        pressed = type_passphrase (xid) - begin;
      else if (sscanf (line, "unlocked-frame %" G_GINT64_FORMAT, &unlocked) == 1)
        unlocked -= begin;
      else if (keep && sscanf (line, "mark %63s %" G_GINT64_FORMAT, name, &at) == 2)
        add_mark (start, name, at - begin);
      else if (sscanf (line, "renderer %63s", type) == 1)
        {
          g_free (start->drawn_by);
          start->drawn_by = g_strdup (type);
        }
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s ended with status %d", start->argv[0], start->argv[1] ? start->argv[1] : "", status);
  g_assert_cmpint (frame, >, 0);
  if (start->typed)
    {
      g_assert_cmpint (pressed, >, frame);
      g_assert_cmpint (unlocked, >, pressed);
    }
  if (keep)
    {
      gint64 kib = usage.ru_maxrss;

      g_array_append_val (start->frames, frame);
      g_array_append_val (start->memory, kib);
      if (start->typed)
        {
          gint64 wait = unlocked - pressed;

          add_mark (start, "first-frame", frame);
          add_mark (start, "return", pressed);
          add_mark (start, "unlocked-frame", unlocked);
          g_array_append_val (start->waits, wait);
        }
    }
}

static void
print_marks (Start *start)
{
  double before = 0;

  printf ("  %s: where the time goes (median ms after exec, and the step)\n", start->title);
  for (guint i = 0; i < start->names->len; i++)
    {
      const char *name = g_ptr_array_index (start->names, i);
      double at = median (g_hash_table_lookup (start->marks, name)) / 1000.0;

      printf ("    %-16s %7.1f  %+6.1f\n", name, at, at - before);
      before = at;
    }
  if (!start->typed)
    printf ("    %-16s %7.1f  %+6.1f\n", "first-frame", median (start->frames) / 1000.0,
            median (start->frames) / 1000.0 - before);
}

/* One renderer: all the starts in turns, then the table. */
static void
measure (const char  *renderer,
         Start      **starts,
         guint        n_starts)
{
  double bare_ms, bare_kib;

  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");

  for (int round = -1; round < ROUNDS; round++)   /* round -1 warms the caches */
    for (guint i = 0; i < n_starts; i++)
      run_once (starts[i], round >= 0);

  bare_ms = median (starts[0]->frames) / 1000.0;
  bare_kib = median (starts[0]->memory);
  printf ("# renderer %s: exec to first frame, median of %d rounds in turns\n",
          renderer != NULL ? renderer : "not set (GTK's own choice for the bare windows: GL)", ROUNDS);
  for (guint i = 0; i < n_starts; i++)
    {
      double ms = median (starts[i]->frames) / 1000.0;
      double kib = median (starts[i]->memory);

      printf ("  %-52s %7.1f ms  ratio %.2f   peak %6.1f MiB  ratio %.2f%s%s\n",
              starts[i]->title, ms, ms / bare_ms, kib / 1024.0, kib / bare_kib,
              starts[i]->drawn_by != NULL ? "   drawn by " : "",
              starts[i]->drawn_by != NULL ? starts[i]->drawn_by : "");
    }
  for (guint i = 0; i < n_starts; i++)
    if (starts[i]->typed)
      {
        GArray *waits = starts[i]->waits;
        double middle = median (waits) / 1000.0;   /* sorted now */
        double worst = g_array_index (waits, gint64, waits->len - 1) / 1000.0;

        printf ("  %-52s Return to its first frame: median %.1f ms, worst %.1f ms\n", starts[i]->title,
                middle, worst);
      }
  for (guint i = 0; i < n_starts; i++)
    if (starts[i]->names->len > 0)
      print_marks (starts[i]);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static SkKey *
bench_key (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkKey *key = sk_key_new_random ();
  g_autofree char *recovery = sk_keyring_create (path, key, BENCH_PASSPHRASE, &error);

  g_assert_no_error (error);
  return key;
}

static void
fill_large (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkKey) key = bench_key (path);
  g_autoptr(SkStore) store = sk_store_open (path, key, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *child = NULL, *conversation = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sk_key_apply (key, db, NULL, NULL));
  exec_sql (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO children (name, birth_year, case_ref, language) VALUES (?, ?, ?, 'Dansk')", -1, &child, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO conversations (child_id, started_at, place, participants, purpose, "
                          "child_words, agreements, next_steps, private_notes) VALUES (?, ?, 'Samtalerummet', "
                          "'Barnet og rådgiveren', 'Opfølgning', ?, 'Vi ses igen om en måned.', "
                          "'Rådgiveren taler med skolen.', 'Egne noter til næste gang.')", -1, &conversation, NULL);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Barn %04d", i);
      g_autofree char *ref = g_strdup_printf ("27.12.04-G01-%05d-26", i);
      sqlite3_int64 id;

      sqlite3_bind_text (child, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (child, 2, 2008 + i % 14);
      sqlite3_bind_text (child, 3, ref, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (child), ==, SQLITE_DONE);
      sqlite3_reset (child);
      id = sqlite3_last_insert_rowid (db);

      for (int j = 0; j < 20; j++)
        {
          sqlite3_bind_int64 (conversation, 1, id);
          sqlite3_bind_int64 (conversation, 2, 1700000000 + j * 86400 * 14);
          sqlite3_bind_text (conversation, 3,
                             "Jeg kan godt lide at tegne og spille fodbold i frikvarteret. "
                             "Morgenerne er svære, fordi alle har travlt, men det er blevet bedre.",
                             -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (conversation), ==, SQLITE_DONE);
          sqlite3_reset (conversation);
        }
    }
  sqlite3_finalize (child);
  sqlite3_finalize (conversation);
  exec_sql (db, "COMMIT");
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  const char *app = g_getenv ("SK_APP");
  const char *bare = g_getenv ("SK_BARE");
  const char *bare_adw = g_getenv ("SK_BARE_ADW");
  g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-bench-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *large = g_build_filename (dir, "large.db", NULL);
  g_autofree char *empty_arg = g_strconcat ("--database=", empty, NULL);
  g_autofree char *large_arg = g_strconcat ("--database=", large, NULL);
  const char *bare_argv[] = { bare, NULL };
  const char *bare_adw_argv[] = { bare_adw, NULL };
  const char *empty_argv[] = { app, empty_arg, NULL };
  const char *large_argv[] = { app, large_arg, NULL };
  /* As a caseworker starts it: no passphrase given, so the first frame is
   * the passphrase page, and the key derivation comes after it. */
  const char *asking_argv[] = { "/usr/bin/env", "-u", "SAMTALEKUFFERT_PASSPHRASE", app, large_arg, NULL };
  /* And then typing it, with Return: the wait that follows. */
  const char *typing_empty_argv[] = { "/usr/bin/env", "-u", "SAMTALEKUFFERT_PASSPHRASE",
                                      "SK_BENCH_FIRST_FRAME=unlocked", app, empty_arg, NULL };
  const char *typing_large_argv[] = { "/usr/bin/env", "-u", "SAMTALEKUFFERT_PASSPHRASE",
                                      "SK_BENCH_FIRST_FRAME=unlocked", app, large_arg, NULL };
  /* NULL: none set, as a person starts it.  The bare windows then draw
   * with GL, as GTK 4.8 always does; the program with cairo on a machine
   * without a GPU (src/gui/sk-renderer.c). */
  static const char *renderers[] = { "cairo", "gl", NULL };

  g_assert_nonnull (app);
  g_assert_nonnull (bare);
  g_assert_nonnull (bare_adw);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", BENCH_PASSPHRASE, TRUE);
  g_setenv ("SK_BENCH_FIRST_FRAME", "1", TRUE);
  g_setenv ("SK_STARTUP_TRACE", "1", TRUE);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SkKey) key = bench_key (empty);
    g_autoptr(SkStore) store = sk_store_open (empty, key, &error);

    g_assert_no_error (error);
  }
  fill_large (large);

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      Start *starts[] = {
        start_new ("bare GTK 4 window", bare_argv),
        start_new ("bare libadwaita window", bare_adw_argv),
        start_new ("samtalekuffert, empty, passphrase given beforehand", empty_argv),
        start_new ("samtalekuffert, 1000 x 20, passphrase given beforehand", large_argv),
        start_new ("samtalekuffert, 1000 x 20, asking the passphrase", asking_argv),
        start_typed ("samtalekuffert, empty, passphrase typed", typing_empty_argv),
        start_typed ("samtalekuffert, 1000 x 20, passphrase typed", typing_large_argv),
      };

      measure (renderers[r], starts, G_N_ELEMENTS (starts));
      for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
        start_free (starts[i]);
    }
  printf ("# aims: ratio at most 1.20 empty, 1.30 with 1000 x 20; memory at most 1.25\n");

  sk_bench_remove_dir (dir);
  return 0;
}
