/* sk-bench.h — what the benchmarks share: their times sorted, the median
 * of them, and their folder gone afterwards */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

static inline int
sk_bench_compare_double (const void *a,
                         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @values, the smallest first. */
static inline void
sk_bench_sort (double *values,
               gsize   n)
{
  qsort (values, n, sizeof values[0], sk_bench_compare_double);
}

/* Sorts @values and gives the one in the middle. */
static inline double
sk_bench_median (double *values,
                 gsize   n)
{
  sk_bench_sort (values, n);
  return values[n / 2];
}

/* Removes @dir, a benchmark's own folder, with every file in it: the
 * database, its -wal and -shm, its key files and the stamp of its check. */
static inline void
sk_bench_remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
      g_free (file);
    }
  g_dir_close (d);
  g_rmdir (dir);
}
