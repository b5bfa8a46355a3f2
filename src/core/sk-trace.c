/* sk-trace.c — marks on the way to the first frame
 *
 * With SK_STARTUP_TRACE set, each mark prints "mark WHAT TIME" on standard
 * output, TIME in microseconds of g_get_monotonic_time(): tests/bench/startup
 * reads them to say where the time to the first frame goes.  Marks name
 * steps of the program, never anything from the database.
 */
#include "config.h"

#include "sk-trace.h"

#include <stdio.h>

void
sk_trace_mark (const char *what)
{
  static gsize checked = 0;
  static gboolean enabled = FALSE;

  if (g_once_init_enter (&checked))
    {
      enabled = g_getenv ("SK_STARTUP_TRACE") != NULL;
      g_once_init_leave (&checked, 1);
    }
  if (!enabled)
    return;

  printf ("mark %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
  fflush (stdout);
}
