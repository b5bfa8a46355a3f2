/* sk-pause.h — a pause or a stop the child asked for, with the time
 *
 * In picture mode the pause card is always on the child's screen: a touch
 * on "Pause" or "Stop" shows a calm screen, and the time goes into the
 * conversation, so that the journal says when the child needed a break
 * and for how long.
 */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_PAUSE (sk_pause_get_type ())
G_DECLARE_FINAL_TYPE (SkPause, sk_pause, SK, PAUSE, SkRecord)

/* A pause ("pause") or a stop ("stop") of the conversation, begun now,
 * stored.  Returns: (transfer full) */
SkPause    *sk_pause_begin   (SkStore     *store,
                              gint64       conversation_id,
                              const char  *kind,
                              GError     **error);
/* Ends it now (the conversation goes on). */
void        sk_pause_end     (SkPause     *self);
/* The conversation's pauses, in the order they came. */
GListStore *sk_pauses_list   (SkStore     *store,
                              gint64       conversation_id,
                              GError     **error);
/* "10.42 pause (3 min), 10.51 stop", in the interface's language; empty
 * when there were none. */
char       *sk_pauses_describe (GListModel *pauses);

G_END_DECLS
