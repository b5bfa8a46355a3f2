/* sk-typing-meter.c — how fast a text view keeps up with a typist */
#include "sk-typing-meter.h"
#include "sk-test-util.h"

#include <sqlite3.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

typedef struct
{
  guint        n_keys;
  double       keys_per_second;
  const char  *database_path;
  const char  *sql_length;
  gint64       expected_length;

  gint64      *sent_at;        /* written by the typist */
  gint64      *arrived_at;     /* written by the main loop */
  guint        arrived;
  gint64       in_database_at;
  gboolean     done;           /* atomic */
} Meter;

void
sk_typing_meter_init (void)
{
  XInitThreads ();
}

static gint64
stored_length (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 length = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    length = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return length;
}

static gpointer
typist_thread (gpointer data)
{
  Meter *meter = data;
  Display *dpy = XOpenDisplay (NULL);
  gint64 start;

  g_assert_nonnull (dpy);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < meter->n_keys; i++)
    {
      /* Words of five letters. */
      KeySym keysym = i % 6 == 5 ? XK_space : (KeySym) (XK_a + i % 26);
      KeyCode code = XKeysymToKeycode (dpy, keysym);

      if (meter->keys_per_second > 0)
        {
          gint64 due = start + (gint64) (i * G_USEC_PER_SEC / meter->keys_per_second);
          gint64 now = g_get_monotonic_time ();

          if (due > now)
            g_usleep (due - now);
        }
      meter->sent_at[i] = g_get_monotonic_time ();
      XTestFakeKeyEvent (dpy, code, True, CurrentTime);
      XTestFakeKeyEvent (dpy, code, False, CurrentTime);
      XFlush (dpy);
    }
  XSync (dpy, False);
  XCloseDisplay (dpy);

  if (meter->database_path != NULL)
    {
      sqlite3 *db = NULL;
      gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      db = sk_test_db_open (meter->database_path);
      sqlite3_busy_timeout (db, 1000);
      while (g_get_monotonic_time () < end)
        {
          if (stored_length (db, meter->sql_length) == meter->expected_length)
            {
              meter->in_database_at = g_get_monotonic_time ();
              break;
            }
          g_usleep (2000);
        }
      sqlite3_close (db);
    }
  g_atomic_int_set (&meter->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                Meter         *meter)
{
  for (const char *p = text; p < text + length && meter->arrived < meter->n_keys; p = g_utf8_next_char (p))
    meter->arrived_at[meter->arrived++] = g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
sk_typing_meter_run (GtkTextView    *view,
                     guint           n_keys,
                     double          keys_per_second,
                     const char     *database_path,
                     const char     *sql_length,
                     gint64          expected_length,
                     SkTypingResult *result)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  Meter meter = {
    .n_keys = n_keys,
    .keys_per_second = keys_per_second,
    .database_path = database_path,
    .sql_length = sql_length,
    .expected_length = expected_length,
    .sent_at = g_new0 (gint64, n_keys),
    .arrived_at = g_new0 (gint64, n_keys),
  };
  GThread *thread;
  gulong handler;
  guint tick;
  double lag_sum = 0;

  g_return_if_fail (n_keys > 1);

  handler = g_signal_connect_after (buffer, "insert-text", G_CALLBACK (insert_text_cb), &meter);
  /* The main loop wakes now and then even when nothing happens. */
  tick = g_timeout_add (20, tick_cb, NULL);
  thread = g_thread_new ("typist", typist_thread, &meter);
  while (!g_atomic_int_get (&meter.done))
    g_main_context_iteration (NULL, TRUE);
  /* Keys still on their way (nobody waited for the file). */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (meter.arrived < n_keys && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_thread_join (thread);
  g_source_remove (tick);
  g_signal_handler_disconnect (buffer, handler);

  *result = (SkTypingResult) { .sent = n_keys, .arrived = meter.arrived, .to_database_ms = -1 };
  for (guint i = 0; i < meter.arrived; i++)
    {
      double lag = (meter.arrived_at[i] - meter.sent_at[i]) / 1000.0;

      lag_sum += lag;
      result->max_lag_ms = MAX (result->max_lag_ms, lag);
    }
  if (meter.arrived > 0)
    {
      gint64 span = meter.arrived_at[meter.arrived - 1] - meter.sent_at[0];

      result->mean_lag_ms = lag_sum / meter.arrived;
      result->keys_per_second = span > 0 ? meter.arrived * (double) G_USEC_PER_SEC / span : 0;
    }
  if (meter.in_database_at > 0)
    result->to_database_ms = (meter.in_database_at - meter.sent_at[n_keys - 1]) / 1000.0;
  g_free (meter.sent_at);
  g_free (meter.arrived_at);
}

char *
sk_typing_meter_long_text (guint    length,
                           gboolean paragraphs)
{
  static const char * const words[] = { "mor", "far", "skolen", "weekenden", "fodbold", "katten", "hjemme",
                                        "sammen", "glad", "bekymret", "larer", "venner", "cykel", "aften" };
  GString *text = g_string_sized_new (length + 16);
  guint i = 0;

  while (text->len < length)
    {
      if (text->len > 0)
        g_string_append_c (text, paragraphs && text->len % 600 < 10 ? '\n' : ' ');
      g_string_append (text, words[i++ % G_N_ELEMENTS (words)]);
    }
  g_string_truncate (text, length);
  return g_string_free (text, FALSE);
}
