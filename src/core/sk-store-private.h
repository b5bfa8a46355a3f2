/* sk-store-private.h — for the query modules of core only (not gui) */
#pragma once

#include <sqlite3.h>

#include "sk-store.h"

G_BEGIN_DECLS

/* A cached statement, reset and with no bindings; NULL with @error set. */
sqlite3_stmt *sk_store_prepare      (SkStore       *self,
                                     const char    *sql,
                                     GError       **error);
/* Sets @error from the last SQLite error of the store, after a step. */
void          sk_store_set_error    (SkStore       *self,
                                     int            rc,
                                     GError       **error);
/* A record of @type from a row of "SELECT <sk_store_columns_sql>". */
/* "id, col1, col2 …" for @type, to select rows sk_store_record_from_row() reads. */

gboolean      sk_store_begin        (SkStore       *self,
                                     GError       **error);
gboolean      sk_store_commit       (SkStore       *self,
                                     GError       **error);
void          sk_store_rollback     (SkStore       *self);
gboolean      sk_store_errno_is_full (int          saved_errno);
/* The connection itself, for what works on whole files (sk-handover.c). */
sqlite3      *sk_store_get_db       (SkStore       *self);

G_END_DECLS
