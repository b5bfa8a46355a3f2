/* sk-trace.h — marks on the way to the first frame, for tests/bench/startup */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sk_trace_mark (const char *what);

G_END_DECLS
