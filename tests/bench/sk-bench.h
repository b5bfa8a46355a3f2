/* sk-bench.h — what the benchmarks share: their times sorted, and the
 * median of them */
#pragma once

#include <glib.h>
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
