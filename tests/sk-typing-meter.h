/* sk-typing-meter.h — how fast a text view keeps up with a typist
 *
 * A second X connection on a thread of its own plays the typist: it sends
 * real key presses (XTest) at a set pace, or as fast as it can, whatever
 * the main loop is doing, and then reads the database file with a
 * connection of its own until the text is there.  The main loop only
 * notes when each character reaches the text buffer.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  guint   sent;             /* keys pressed */
  guint   arrived;          /* characters that reached the buffer */
  double  keys_per_second;  /* characters in the buffer per second, first key to last */
  double  max_lag_ms;       /* longest time from a key press to its character in the buffer */
  double  mean_lag_ms;
  double  to_database_ms;   /* last key press to the text in the file; < 0: never */
} SkTypingResult;

/* Needed before any other Xlib call (before gtk_init). */
void sk_typing_meter_init (void);

/* Types @n_keys lowercase letters and spaces into @view (which has the
 * keyboard) at @keys_per_second (0: as fast as the X server takes them).
 * With @database_path, then waits (up to 10 s) until @sql_length, a query
 * whose first column is the stored text's length, reads @expected_length. */
void sk_typing_meter_run (GtkTextView    *view,
                          guint           n_keys,
                          double          keys_per_second,
                          const char     *database_path,
                          const char     *sql_length,
                          gint64          expected_length,
                          SkTypingResult *result);

/* A caseworker's note of @length characters (ASCII): words, in paragraphs
 * of some 600 characters or, without @paragraphs, in a single one. */
char *sk_typing_meter_long_text (guint    length,
                                 gboolean paragraphs);

G_END_DECLS
