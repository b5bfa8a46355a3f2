/* sk-access.h — everything about one child, for an access request
 * (aktindsigt): every conversation with every tool's part, as the journal
 * note has it, shared with the parents or not */
#pragma once

#include "sk-store.h"
#include "sk-child.h"
#include "sk-summary.h"

G_BEGIN_DECLS

/* @language: "da" or "en", the reader's (the child's or the parents');
 * @own_notes: the caseworker's own notes too ("Only for me"), when the
 * caseworker says so. */
SkSummary *sk_access_build (SkStore     *store,
                            SkChild     *child,
                            const char  *language,
                            gboolean     own_notes,
                            GError     **error);

G_END_DECLS
