/* search.c — one keystroke in the children's search, at 1,000 children
 *
 * A real window on a real database of 1,000 invented children; 100
 * keystrokes typed into the search field's text and taken back (through
 * the field's own editable, so its "changed" handler runs as on a key
 * press — the program filters on "changed", with no delay).  For each:
 * the time from the keystroke to the filtered list model having its new
 * length, and to the next frame drawn.  Prints the median and the worst;
 * exits 1 when a count is wrong, or the median from key to model is
 * above 5 ms.
 */
#include "sk-bench.h"
#include "sk-application.h"
#include "sk-child.h"
#include "sk-store.h"
#include "sk-window.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <stdio.h>
#include <stdlib.h>

#define N_CHILDREN 1000
#define N_KEYS     100
#define AIM_MS     5.0

static const char * const first_names[] = {
  "Alma", "Bertil", "Cecilie", "Dagmar", "Emil", "Frida", "Gustav", "Hjalte",
  "Ida", "Jens", "Karla", "Lauge", "Møller", "Nanna", "Ørsted", "Åse",
};

static void
fill (const char *path)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_CHILDREN; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %04u", first_names[i % G_N_ELEMENTS (first_names)], i);
      g_autofree char *ref = g_strdup_printf ("27.12.04-G01-%05u-26", i);
      g_autoptr(SkChild) child = sk_child_new (name);

      g_object_set (child, "case-ref", ref, "birth-year", 2008 + i % 14, NULL);
      g_assert_true (sk_store_insert (store, child, &error));
      g_assert_no_error (error);
    }
}

static gboolean
all_shown (gpointer window)
{
  return g_list_model_get_n_items (sk_window_get_children (window)) == N_CHILDREN;
}

static void
painted_cb (GdkFrameClock *clock,
            gint64        *painted)
{
  *painted = g_get_monotonic_time ();
}

/* How many of the window's children @text should find. */
static guint
expected (GListStore *all,
          const char *text)
{
  g_autofree char *needle = sk_child_fold_text (text);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(SkChild) child = g_list_model_get_item (G_LIST_MODEL (all), i);

      n += sk_child_matches (child, needle);
    }
  return n;
}

int
main (int argc, char **argv)
{
  g_autoptr(SkApplication) app = sk_test_app_start (&argc, &argv);
  g_autofree char *path = sk_test_path ("search-bench.db");
  g_autoptr(GError) error = NULL;
  static const char * const words[] = { "åse 0", "27.12.04-g01-009", "møller", "ida 07", "xyz" };
  double to_model[N_KEYS], to_frame[N_KEYS];
  gint64 painted = 0;
  g_autoptr(GListStore) all = NULL;
  GListModel *shown;
  GtkEditable *search;
  SkWindow *window;
  guint key = 0, wrong = 0;

  fill (path);
  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (sk_test_wait_for (all_shown, window, 10000));
  shown = sk_window_get_children (window);
  all = sk_store_list (sk_window_get_store (window), SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_no_error (error);
  search = GTK_EDITABLE (sk_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  sk_test_iterate (100);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (painted_cb), &painted);

  /* Word by word: typed a letter at a time, then taken back the same way. */
  for (guint w = 0; key < N_KEYS; w = (w + 1) % G_N_ELEMENTS (words))
    {
      const char *word = words[w];
      glong length = g_utf8_strlen (word, -1);

      for (glong i = 0; i < 2 * length && key < N_KEYS; i++, key++)
        {
          gint64 start, filtered;
          guint n;

          start = g_get_monotonic_time ();
          if (i < length)
            {
              const char *at = g_utf8_offset_to_pointer (word, i);
              int position = (int) i;

              gtk_editable_insert_text (search, at, g_utf8_next_char (at) - at, &position);
            }
          else
            gtk_editable_delete_text (search, (int) (2 * length - i - 1), -1);
          n = g_list_model_get_n_items (shown);
          filtered = g_get_monotonic_time ();
          painted = 0;
          while (painted == 0)
            g_main_context_iteration (NULL, TRUE);
          to_model[key] = (filtered - start) / 1000.0;
          to_frame[key] = (painted - start) / 1000.0;
          if (n != expected (all, gtk_editable_get_text (search)))
            wrong++;
        }
    }

  sk_bench_sort (to_model, N_KEYS);
  sk_bench_sort (to_frame, N_KEYS);
  printf ("# search at %d children, %d keystrokes\n", N_CHILDREN, N_KEYS);
  printf ("key to filtered model:  median %6.2f ms   worst %6.2f ms   (aim: median at most %.0f ms)\n",
          to_model[N_KEYS / 2], to_model[N_KEYS - 1], AIM_MS);
  printf ("key to next frame:      median %6.2f ms   worst %6.2f ms\n",
          to_frame[N_KEYS / 2], to_frame[N_KEYS - 1]);
  if (wrong > 0)
    printf ("%u keystrokes left the wrong number of children in the list\n", wrong);
  gtk_window_destroy (GTK_WINDOW (window));
  return wrong == 0 && to_model[N_KEYS / 2] <= AIM_MS ? 0 : 1;
}
