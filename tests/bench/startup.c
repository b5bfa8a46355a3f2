/* startup.c — time from exec to the first frame drawn
 *
 * Runs the application against an empty database and against one with
 * 1,000 children × 20 conversations, and a bare GTK 4 window built from
 * the same tree, each several times; prints the medians and the ratios.
 * Aim: at most 1.2 × the bare window.
 */
#include "sk-store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#define RUNS 9

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Median time in ms from spawning @argv to its "first-frame" line. */
static double
median_first_frame (const char * const *argv)
{
  gint64 times[RUNS];

  for (int run = -1; run < RUNS; run++)   /* run -1 warms the caches */
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      gint64 start, frame = 0;

      g_subprocess_launcher_setenv (launcher, "SK_BENCH_FIRST_FRAME", "1", TRUE);
      start = g_get_monotonic_time ();
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
        {
          if (sscanf (line, "first-frame %" G_GINT64_FORMAT, &frame) == 1)
            break;
          g_clear_pointer (&line, g_free);
        }
      g_assert_cmpint (frame, >, start);
      g_subprocess_wait_check (process, NULL, &error);
      g_assert_no_error (error);
      if (run >= 0)
        times[run] = frame - start;
    }

  qsort (times, RUNS, sizeof times[0], (int (*) (const void *, const void *)) compare_gint64);
  return times[RUNS / 2] / 1000.0;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static void
fill_large (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_store_open (path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *child = NULL, *conversation = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
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
  double t_bare, t_bare_adw, t_empty, t_large;

  g_assert_nonnull (app);
  g_assert_nonnull (bare);
  g_assert_nonnull (bare_adw);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SkStore) store = sk_store_open (empty, &error);

    g_assert_no_error (error);
  }
  fill_large (large);

  t_bare = median_first_frame (bare_argv);
  t_bare_adw = median_first_frame (bare_adw_argv);
  t_empty = median_first_frame (empty_argv);
  t_large = median_first_frame (large_argv);

  printf ("# exec to first frame, median of %d runs\n", RUNS);
  printf ("bare GTK 4 window:                    %7.1f ms\n", t_bare);
  printf ("bare libadwaita window:               %7.1f ms  ratio %.2f\n", t_bare_adw, t_bare_adw / t_bare);
  printf ("samtalekuffert, empty database:       %7.1f ms  ratio %.2f  (%.2f of the libadwaita window)\n",
          t_empty, t_empty / t_bare, t_empty / t_bare_adw);
  printf ("samtalekuffert, 1000 children x 20:   %7.1f ms  ratio %.2f  (%.2f of the libadwaita window)\n",
          t_large, t_large / t_bare, t_large / t_bare_adw);
  printf ("# aim: ratio at most 1.20 of the bare GTK 4 window\n");

  g_unlink (empty);
  g_unlink (large);
  {
    static const char * const suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (empty, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (large, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (b);
      }
  }
  g_rmdir (dir);
  return 0;
}
