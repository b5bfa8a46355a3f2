/* sk-store.h — the SQLite file that holds everything, written at once */
#pragma once

#include <gio/gio.h>

#include "sk-key.h"
#include "sk-record.h"

G_BEGIN_DECLS

#define SK_STORE_ERROR (sk_store_error_quark ())

typedef enum
{
  SK_STORE_ERROR_FAILED,
  /* The file was written by a newer version; it was left untouched. */
  SK_STORE_ERROR_NEWER,
  /* The file is not a database, is truncated or fails its integrity check. */
  SK_STORE_ERROR_DAMAGED,
  /* The folder or the file cannot be created or written (read-only, missing). */
  SK_STORE_ERROR_IO,
  SK_STORE_ERROR_NOT_FOUND,
  /* Another window of the program, perhaps in another process or login
   * session, has the file open; it was left untouched. */
  SK_STORE_ERROR_IN_USE,
  /* The disk is full. */
  SK_STORE_ERROR_FULL,
  /* The passphrase (or the recovery key) is not the one; nothing was
   * changed. */
  SK_STORE_ERROR_WRONG_PASSPHRASE,
} SkStoreError;

/* The schema this build writes; see the migrations in sk-store.c. */

/* Typed text is written at most this long after the first keystroke. */
#define SK_STORE_TEXT_DELAY_MS 300

#define SK_TYPE_STORE (sk_store_get_type ())
G_DECLARE_FINAL_TYPE (SkStore, sk_store, SK, STORE, GObject)

GQuark      sk_store_error_quark  (void);

char       *sk_store_default_path (void);
char       *sk_store_choose_path  (const char  *path);
char       *sk_store_resolve_path (const char  *path);
SkStore    *sk_store_open         (const char  *path,
                                   const SkKey *key,
                                   GError     **error);
SkKey      *sk_store_get_key      (SkStore     *self);
gboolean    sk_store_file_is_encrypted (const char *path);
char       *sk_store_set_aside    (const char  *path,
                                   GError     **error);
const char *sk_store_get_path     (SkStore     *self);
gboolean    sk_store_was_checked  (SkStore     *self);

gboolean    sk_store_insert       (SkStore     *self,
                                   gpointer     record,
                                   GError     **error);
gpointer    sk_store_load         (SkStore     *self,
                                   GType        type,
                                   gint64       id,
                                   GError     **error);
GListStore *sk_store_list         (SkStore     *self,
                                   GType        type,
                                   const char  *column,
                                   gint64       value,
                                   GError     **error);
gboolean    sk_store_trash        (SkStore     *self,
                                   gpointer     record,
                                   GError     **error);
gboolean    sk_store_restore      (SkStore     *self,
                                   gpointer     record,
                                   GError     **error);
gboolean    sk_store_delete       (SkStore     *self,
                                   gpointer     record,
                                   GError     **error);

gboolean    sk_store_flush        (SkStore     *self,
                                   GError     **error);
gboolean    sk_store_has_pending  (SkStore     *self);

/* The schema version this program writes (PRAGMA user_version). */
int sk_store_schema_version (void);

G_END_DECLS
