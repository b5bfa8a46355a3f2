/* sk-handover.h — one child's whole record in a file of its own, for a
 * colleague: written with a passphrase the caseworker tells them, received
 * beside the children already there, never over one */
#pragma once

#include "sk-store.h"
#include "sk-child.h"

G_BEGIN_DECLS

gboolean  sk_handover_write   (SkStore     *store,
                               SkChild     *child,
                               const char  *file,
                               const char  *passphrase,
                               GError     **error);
/* @renamed: set when a child of that name was there already: the one
 * received is kept apart under a name that says so. */
SkChild  *sk_handover_receive (SkStore     *store,
                               const char  *file,
                               const char  *passphrase,
                               gboolean    *renamed,
                               GError     **error);

G_END_DECLS
