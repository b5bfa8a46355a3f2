/* evaluation.c — the children's evaluations per month, across 1,000
 * children with 20 conversations each (20,000), four of five evaluated
 *
 * A real database file of invented children; the overview built 30
 * times, each through the store's own query from a fresh statement
 * cache's point of view (the file opened once, as the program has it).
 * Prints the median and the worst; exits 1 when the counts do not add
 * up, or the median is above 50 ms.
 */
#include "sk-bench.h"
#include "sk-evaluation.h"
#include "sk-store-private.h"
#include "sk-test-util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#define N_CHILDREN 1000
#define N_EACH     20
#define N_RUNS     30
#define AIM_MS     50.0

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "evaluation.db", NULL);
  g_autoptr(SkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  double times[N_RUNS];
  guint total = 0;
  int status = 0;

  {
    g_autoptr(SkKey) key = sk_key_new_random ();

    store = sk_store_open (path, key, &error);
  }
  g_assert_no_error (error);
  g_assert_true (sk_store_begin (store, &error));
  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *name = g_strdup_printf ("Barn %04u", c);
      g_autoptr(SkChild) child = sk_child_new (name);

      g_assert_true (sk_store_insert (store, child, &error));
      for (guint k = 0; k < N_EACH; k++)
        {
          /* Over the last two years. */
          gint64 when = g_date_time_to_unix (now) - (gint64) ((c * 7919 + k * 104729) % (730 * 86400));
          g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, child, when);

          if ((c + k) % 5 != 0)
            {
              g_autoptr(SkEvaluation) evaluation = sk_evaluation_load (store, sk_record_get_id (SK_RECORD (conversation)),
                                                                       TRUE, &error);

              for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
                sk_evaluation_set_answer (evaluation, q, 1 + (c + k + q) % 3);
            }
        }
    }
  g_assert_true (sk_store_commit (store, &error));
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) months = sk_evaluation_overview (store, &error);

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      total = 0;
      for (guint i = 0; i < months->len; i++)
        total += g_array_index (months, SkEvaluationMonth, i).conversations;
    }
  sk_bench_sort (times, N_RUNS);
  printf ("overview of %u conversations (%u children): median %.1f ms, worst %.1f ms (aim <= %.0f ms)\n",
          N_CHILDREN * N_EACH, N_CHILDREN, times[N_RUNS / 2], times[N_RUNS - 1], AIM_MS);
  if (total != N_CHILDREN * N_EACH)
    {
      printf ("FAIL: %u conversations counted, not %u\n", total, N_CHILDREN * N_EACH);
      status = 1;
    }
  if (times[N_RUNS / 2] > AIM_MS)
    status = 1;
  g_clear_object (&store);
  sk_bench_remove_dir (dir);
  return status;
}
