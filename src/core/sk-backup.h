/* sk-backup.h — copies of the database in a folder the caseworker chose
 *
 * A backup is the whole database at one moment, made with SQLite's online
 * backup API from a connection of its own (so it may run in a thread while
 * the program writes), encrypted with the same data key, with copies of
 * the key files beside it: on a new laptop the passphrase opens it.  The
 * newest SK_BACKUP_KEEP are kept.
 */
#pragma once

#include <gio/gio.h>

#include "sk-key.h"

G_BEGIN_DECLS

#define SK_BACKUP_KEEP 14

typedef struct
{
  char      *path;
  GDateTime *made;             /* local time, from the name */
  gint64     children;         /* -1 when it cannot be read */
  gint64     conversations;
  char      *problem;          /* why it cannot be restored, or NULL */
} SkBackup;

void       sk_backup_free    (SkBackup     *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkBackup, sk_backup_free)

char      *sk_backup_write   (const char   *database,
                              const SkKey  *key,
                              const char   *folder,
                              GError      **error);
GPtrArray *sk_backup_list    (const char   *folder,
                              const SkKey  *key,
                              GError      **error);
gboolean   sk_backup_is_due  (const char   *folder);
char      *sk_backup_restore (const char   *database,
                              const char   *backup,
                              const SkKey  *key,
                              GError      **error);

G_END_DECLS
