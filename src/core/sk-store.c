/* sk-store.c — the SQLite file that holds everything, written at once
 *
 * Records hand their changes to the store through "notify": choices are
 * written at once, typed text at most SK_STORE_TEXT_DELAY_MS later, each
 * write in a transaction.  The store keeps one object per row alive at a
 * time, so every view of a conversation edits the same record.
 */
#include "config.h"

#include "sk-store.h"
#include "sk-store-private.h"
#include "sk-tool-module.h"
#include "sk-trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <sys/file.h>
#include <sys/stat.h>
#endif
#ifdef G_OS_WIN32
#include <windows.h>
#include <io.h>
#endif

struct _SkStore
{
  GObject parent_instance;

  char       *path;         /* resolved: one file, one path, one store */
  SkKey      *key;          /* the data key the file is encrypted with */
  sqlite3    *db;
  int         lock_fd;      /* the lock file, held while the file is open */
  GHashTable *statements;   /* SQL → sqlite3_stmt */
  GHashTable *live;         /* "table:id" → SkRecord (weak) */
  GHashTable *dirty;        /* SkRecord (strong) → GHashTable of GParamSpec */
  guint       flush_id;
  guint       registered : 1;
  guint       failing : 1;        /* a write failed and is not mended yet */
  guint       wipe_pending : 1;   /* deleted rows may still be in the -wal */
  guint       checked : 1;        /* PRAGMA quick_check ran when it opened */
  guint       opened : 1;         /* opened, checked or trusted, and migrated */
};

G_DEFINE_FINAL_TYPE (SkStore, sk_store, G_TYPE_OBJECT)

enum {
  WRITE_FAILED,
  WRITE_RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kit's own steps of the schema; the tools bring theirs
 * (sk-tool-module.h).  All steps for one version run together in one
 * transaction.  Never edit a step that has shipped: add one. */
static const SkSchemaStep base_schema[] = {
  { 1,
    "CREATE TABLE children ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  birth_year INTEGER NOT NULL DEFAULT 0,"
    "  case_ref TEXT NOT NULL DEFAULT '',"
    "  language TEXT NOT NULL DEFAULT '',"
    "  created_at INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE conversations ("
    "  id INTEGER PRIMARY KEY,"
    "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
    "  started_at INTEGER NOT NULL DEFAULT 0,"
    "  place TEXT NOT NULL DEFAULT '',"
    "  participants TEXT NOT NULL DEFAULT '',"
    "  purpose TEXT NOT NULL DEFAULT '',"
    "  child_words TEXT NOT NULL DEFAULT '',"
    "  agreements TEXT NOT NULL DEFAULT '',"
    "  next_steps TEXT NOT NULL DEFAULT '',"
    "  private_notes TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX conversations_by_child ON conversations (child_id, started_at);"
    /* Partial indexes: finding the trash at start-up costs nothing. */
    "CREATE INDEX children_trashed ON children (id) WHERE trashed = 1;"
    "CREATE INDEX conversations_trashed ON conversations (id) WHERE trashed = 1;" },
  /* The child's own words are the child's to share, like every other
   * item; until the child says yes, they are not. */
  { 5, "ALTER TABLE conversations ADD COLUMN child_words_shared INTEGER NOT NULL DEFAULT 0;" },
  /* The next meeting, for the parents' paper: when (Unix time, 0 for
   * not yet agreed) and where. */
  { 6, "ALTER TABLE conversations ADD COLUMN next_meeting_at INTEGER NOT NULL DEFAULT 0;"
       "ALTER TABLE conversations ADD COLUMN next_meeting_place TEXT NOT NULL DEFAULT '';" },
  /* How the child talks with us (sk-child.h): every child so far with
   * words, as the tools were. */
  { 7, "ALTER TABLE children ADD COLUMN way TEXT NOT NULL DEFAULT 'words';" },
  /* The breaks the child asked for with the pause card (sk-pause.h). */
  { 8, "CREATE TABLE pauses ("
       "  id INTEGER PRIMARY KEY,"
       "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
       "  kind TEXT NOT NULL DEFAULT 'pause',"
       "  started_at INTEGER NOT NULL DEFAULT 0,"
       "  ended_at INTEGER NOT NULL DEFAULT 0,"
       "  trashed INTEGER NOT NULL DEFAULT 0);"
       "CREATE INDEX pauses_by_conversation ON pauses (conversation_id, started_at);"
       "CREATE INDEX pauses_trashed ON pauses (id) WHERE trashed = 1;" },
  /* The child's choice: may the parents read the letter written to the
   * child after the conversation (sk-letter.h)? */
  { 13, "ALTER TABLE conversations ADD COLUMN letter_shared INTEGER NOT NULL DEFAULT 0;" },
  { 0, NULL }
};

static void
add_steps (GString            *sql,
           const SkSchemaStep *steps,
           int                 version,
           int                *newest)
{
  for (const SkSchemaStep *step = steps; step != NULL && step->sql != NULL; step++)
    {
      *newest = MAX (*newest, step->version);
      if (step->version == version)
        g_string_append (sql, step->sql);
    }
}

/* The SQL that takes the file from @version - 1 to @version (empty when
 * nothing does), and in @newest the schema's newest version. */
static char *
schema_step (int  version,
             int *newest)
{
  GString *sql = g_string_new (NULL);
  const SkToolModule * const *modules;
  guint n_modules;
  int unused = 0;

  if (newest == NULL)
    newest = &unused;
  add_steps (sql, base_schema, version, newest);
  modules = sk_tool_modules (&n_modules);
  for (guint i = 0; i < n_modules; i++)
    add_steps (sql, modules[i]->schema, version, newest);
  return g_string_free (sql, FALSE);
}

/**
 * sk_store_schema_version:
 *
 * Returns: the version this program writes: the newest step of the kit's
 *   or a tool's schema
 */
int
sk_store_schema_version (void)
{
  static int newest = 0;

  if (newest == 0)
    g_free (schema_step (0, &newest));
  return newest;
}

G_DEFINE_QUARK (sk-store-error-quark, sk_store_error)

static gboolean flush_cb (gpointer user_data);

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static int
compare_pspec_names (gconstpointer a,
                     gconstpointer b)
{
  const GParamSpec *pa = *(GParamSpec * const *) a;
  const GParamSpec *pb = *(GParamSpec * const *) b;

  return strcmp (pa->name, pb->name);
}

/* Whether a failed write's errno says the disk (or the quota) is full. */
gboolean
sk_store_errno_is_full (int saved_errno)
{
#ifdef EDQUOT
  if (saved_errno == EDQUOT)
    return TRUE;
#endif
  return saved_errno == ENOSPC;
}

#define errno_is_full sk_store_errno_is_full

static void
set_full_error (GError     **error,
                const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_FULL,
               _("The disk is full, so “%s” cannot be written. Free some space and try again."),
               name);
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *name = g_filename_display_name (path);

  /* SQLite says SQLITE_FULL only when a write of the file itself fails;
   * growing the -shm or creating the -wal on a full disk is an I/O error
   * with ENOSPC underneath. */
  if ((rc & 0xff) == SQLITE_IOERR && db != NULL && errno_is_full (sqlite3_system_errno (db)))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      set_full_error (error, path);
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_AUTH:
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be written (%s). Check that the folder exists and that you may write in it."),
                   name, detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged and cannot be read."), name);
      break;
    default:
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), name, detail);
      break;
    }
}

/* Every failure of the store's own file goes through here, so that the
 * store knows to say when writing works again. */
static void
store_error (SkStore  *self,
             int       rc,
             GError  **error)
{
  self->failing = TRUE;
  set_sqlite_error (error, self->db, rc, self->path);
}

static void
wrote (SkStore *self)
{
  if (self->failing && g_hash_table_size (self->dirty) == 0)
    {
      self->failing = FALSE;
      g_signal_emit (self, signals[WRITE_RECOVERED], 0);
    }
}

static sqlite3_stmt *
prepare (SkStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      store_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (SkStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      store_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (SkStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      store_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (SkStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      {
        const char *text = g_value_get_string (value);

        sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
      }
      break;
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (value));
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, index, g_value_get_double (value));
      break;
    case G_TYPE_ENUM:
      sqlite3_bind_int (stmt, index, g_value_get_enum (value));
      break;
    case G_TYPE_BOXED:
      {
        /* Bytes (a drawing's points): a BLOB column, NOT NULL. */
        GBytes *bytes = g_value_get_boxed (value);
        gsize length = 0;
        const void *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

        g_assert (G_VALUE_HOLDS (value, G_TYPE_BYTES));
        if (length > 0)
          sqlite3_bind_blob (stmt, index, data, (int) length, SQLITE_TRANSIENT);
        else
          sqlite3_bind_zeroblob (stmt, index, 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_value (sqlite3_stmt *stmt,
            int           index,
            GValue       *value)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, index);

        /* A damaged or hand-edited file may hold bytes that are not UTF-8:
         * show them with replacement characters rather than crash GTK. */
        if (text != NULL && !g_utf8_validate (text, -1, NULL))
          g_value_take_string (value, g_utf8_make_valid (text, -1));
        else
          g_value_set_string (value, text ? text : "");
      }
      break;
    case G_TYPE_INT:
      g_value_set_int (value, sqlite3_column_int (stmt, index));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, sqlite3_column_double (stmt, index));
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (value, sqlite3_column_int (stmt, index));
      break;
    case G_TYPE_BOXED:
      {
        const void *data = sqlite3_column_blob (stmt, index);
        int length = sqlite3_column_bytes (stmt, index);

        g_assert (G_VALUE_HOLDS (value, G_TYPE_BYTES));
        g_value_take_boxed (value, g_bytes_new (data, data != NULL ? (gsize) length : 0));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
live_key (SkRecordClass *klass,
          gint64         id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, klass->table, id);
}

static void
record_finalized_cb (gpointer  user_data,
                     GObject  *where_the_object_was)
{
  SkStore *self = user_data;
  GHashTableIter iter;
  gpointer value;

  /* The key is gone with the object's class data: find it by value. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
schedule_flush (SkStore *self,
                guint    delay_ms)
{
  if (delay_ms == 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->flush_id, g_source_remove);
      if (!sk_store_flush (self, &error))
        g_signal_emit (self, signals[WRITE_FAILED], 0, error);
      return;
    }

  if (self->flush_id == 0)
    {
      self->flush_id = g_timeout_add (delay_ms, flush_cb, self);
      g_source_set_name_by_id (self->flush_id, "[samtalekuffert] store flush");
    }
}

static void
record_notify_cb (SkRecord   *record,
                  GParamSpec *pspec,
                  SkStore    *self)
{
  GHashTable *changed;

  /* Only stored columns: they are the read-write properties of the class. */
  if (pspec->owner_type == SK_TYPE_RECORD ||
      (pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
    return;

  changed = g_hash_table_lookup (self->dirty, record);
  if (changed == NULL)
    {
      changed = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->dirty, g_object_ref (record), changed);
    }
  g_hash_table_add (changed, pspec);

  /* Typing comes in bursts: write it soon.  A choice is written now. */
  schedule_flush (self, sk_record_column_is_typed (pspec) ? SK_STORE_TEXT_DELAY_MS : 0);
}

static SkRecord *
adopt (SkStore  *self,
       SkRecord *record)
{
  SkRecordClass *klass = SK_RECORD_GET_CLASS (record);

  g_hash_table_insert (self->live, live_key (klass, sk_record_get_id (record)), record);
  g_object_weak_ref (G_OBJECT (record), record_finalized_cb, self);
  g_signal_connect_object (record, "notify", G_CALLBACK (record_notify_cb), self, 0);
  return record;
}

static void
forget (SkStore  *self,
        SkRecord *record)
{
  g_autofree char *key = live_key (SK_RECORD_GET_CLASS (record), sk_record_get_id (record));

  if (g_hash_table_lookup (self->live, key) == record)
    {
      g_hash_table_remove (self->live, key);
      g_object_weak_unref (G_OBJECT (record), record_finalized_cb, self);
      g_signal_handlers_disconnect_by_data (record, self);
    }
  g_hash_table_remove (self->dirty, record);
}

/* Reads one row of "SELECT id, <columns> …" into a record, reusing the
 * live object for that row when there is one. */
static SkRecord *
record_from_row (SkStore       *self,
                 GType          type,
                 sqlite3_stmt  *stmt)
{
  SkRecordClass *klass = g_type_class_peek (type);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *key = live_key (klass, id);
  SkRecord *record = g_hash_table_lookup (self->live, key);

  if (record != NULL)
    return g_object_ref (record);

  record = g_object_new (type, NULL);
  sk_record_set_id (record, id);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, klass->columns[i]->value_type);
      read_value (stmt, (int) i + 1, &value);
      sk_record_load_column (record, i, &value);
    }
  return adopt (self, record);
}

static char *
select_sql (SkRecordClass *klass,
            const char    *where)
{
  GString *sql = g_string_new ("SELECT id");

  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);

      g_string_append_printf (sql, ", %s", name);
    }
  g_string_append_printf (sql, " FROM %s WHERE trashed = 0%s", klass->table, where);
  return g_string_free (sql, FALSE);
}

static gboolean
flush_cb (gpointer user_data)
{
  SkStore *self = user_data;
  g_autoptr(GError) error = NULL;

  self->flush_id = 0;
  if (!sk_store_flush (self, &error))
    g_signal_emit (self, signals[WRITE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

/* Reads what the file says about itself before SQLite reads or writes
 * it, so that a file from a newer version or a file that is no database
 * at all is never written to.  The bytes are read through SQLite's own
 * handle of the file: on POSIX systems closing any other descriptor of the
 * file would drop the locks SQLite holds on it. */
static gboolean
check_header (sqlite3     *db,
              const char  *path,
              gboolean    *is_empty,
              gboolean    *is_plain,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[100];
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  size_t n = sizeof header;
  guint32 page_size, n_pages, version;
  int rc;

  *is_empty = FALSE;
  *is_plain = FALSE;
  rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc != SQLITE_OK || file == NULL || file->pMethods == NULL ||
      (rc = file->pMethods->xFileSize (file, &size)) != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc != SQLITE_OK ? rc : SQLITE_CANTOPEN, path);
      return FALSE;
    }
  if (size == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }

  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  if (rc == SQLITE_IOERR_SHORT_READ)
    n = 0;
  else if (rc != SQLITE_OK)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be read: %s"), name, sqlite3_errstr (rc));
      return FALSE;
    }

  /* An encrypted file begins with its salt, and is whole pages: what
   * else it says is read once the key is given (open_encrypted()). */
  if (n == sizeof header && memcmp (header, "SQLite format 3", 16) != 0 &&
      size % SK_KEY_PAGE_SIZE == 0)
    return TRUE;
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("“%s” is not a Samtalekuffert database, or it is damaged."), name);
      return FALSE;
    }
  /* A plain file, from before the database was encrypted. */
  *is_plain = TRUE;

  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = (guint32) header[28] << 24 | (guint32) header[29] << 16 | (guint32) header[30] << 8 | header[31];
  version = (guint32) header[60] << 24 | (guint32) header[61] << 16 | (guint32) header[62] << 8 | header[63];

  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      size % page_size != 0 ||
      (memcmp (header + 24, header + 92, 4) == 0 && (gint64) n_pages * page_size > size))
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("The database “%s” is cut short or damaged."), name);
      return FALSE;
    }

  if (version > (guint32) sk_store_schema_version ())
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Samtalekuffert. "
                     "Install the newer version to open it. The file has not been changed."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/* The check of a big file takes time in proportion to its size, and would
 * hold back every start.  So a clean close leaves a stamp next to the file
 * ("NAME.checked", nothing of what is in it): its size, time and inode,
 * as SQLite left it with no -wal.  The next open trusts a file that is
 * still exactly that, and throws the stamp away before anything else:
 * a crash, a kill or a pulled plug leaves none, and any change to the
 * file by anything else shows.  Without a stamp the file is checked. */
#define STAMP_MAGIC "samtalekuffert-closed-clean 1"

static char *
stamp_path (const char *path)
{
  return g_strconcat (path, ".checked", NULL);
}

static char *
describe_file (const char *path)
{
#ifdef G_OS_UNIX
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
                          STAMP_MAGIC, (gint64) st.st_size, (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (guint64) st.st_ino, (guint64) st.st_dev);
#else
  return NULL;   /* no stamp: always checked */
#endif
}

/* TRUE when the stamp says the file is as a clean close left it; the
 * stamp is gone afterwards either way. */
static gboolean
take_stamp (const char *path)
{
  g_autofree char *stamp = stamp_path (path);
  g_autofree char *said = NULL;
  g_autofree char *now = NULL;
  gboolean same;

  if (!g_file_get_contents (stamp, &said, NULL, NULL))
    return FALSE;
  now = describe_file (path);
  same = now != NULL && g_str_equal (said, now);
  /* Not removed, not trusted. */
  return g_unlink (stamp) == 0 && same;
}

static void
leave_stamp (const char *path)
{
  g_autofree char *stamp = stamp_path (path);
  g_autofree char *now = describe_file (path);

  if (now != NULL)
    g_file_set_contents_full (stamp, now, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static gboolean
check_integrity (SkStore  *self,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
    }
  sqlite3_finalize (stmt);

  if (!ok)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_CORRUPT && rc != SQLITE_NOTADB)
        set_sqlite_error (error, self->db, rc, self->path);
      else
        g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                     _("The database “%s” is damaged and cannot be read."), name);
    }
  return ok;
}

static int
read_user_version (SkStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (SkStore  *self,
         GError  **error)
{
  int version = read_user_version (self);

  if (version < 0)
    return exec (self, "PRAGMA user_version", error);

  for (int step = version; step < sk_store_schema_version (); step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      g_autofree char *sql = schema_step (step + 1, NULL);

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (self, sql, error) ||
          !exec (self, bump, error) ||
          !exec (self, "COMMIT", error))
        {
          rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
purge_trash (SkStore  *self,
             GError  **error)
{
  /* Rows put in the trash whose undo time never ended (the program was
   * closed or killed meanwhile) are deleted now, for good. */
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  const SkToolModule * const *modules;
  guint n_modules;

  /* The tools' rows first, children last, so that their rows cascade. */
  modules = sk_tool_modules (&n_modules);
  for (guint i = 0; i < n_modules; i++)
    for (guint t = 0; modules[i]->tables != NULL && modules[i]->tables[t] != NULL; t++)
      g_ptr_array_add (tables, (gpointer) modules[i]->tables[t]);
  g_ptr_array_add (tables, (gpointer) "conversations");
  g_ptr_array_add (tables, (gpointer) "children");

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE trashed = 1", (const char *) tables->pdata[i]);

      if (!exec (self, sql, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  return exec (self, "COMMIT", error);
}

/* Creates the file, private to the user, when it is not there; SQLite
 * gives its -wal and -shm files the same mode.  An existing file is not
 * opened here (see check_header()): only its mode is set, by name. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          if (errno_is_full (saved_errno))
            set_full_error (error, path);
          else
            g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                         _("“%s” cannot be created or written: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
      if (fd >= 0)
        g_close (fd, NULL);
    }

  if (g_chmod (path, 0600) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The permissions of “%s” cannot be set: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
set_in_use_error (GError     **error,
                  const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IN_USE,
               _("“%s” is already open in another window of Samtalekuffert. "
                 "Close it there, then try again. The file has not been changed."),
               name);
}

/* One writer per file, across processes and login sessions: an exclusive
 * lock on "FILE.lock" beside it, held until the store is finalized.  The
 * lock is on a file of its own, never on the database, so that SQLite's
 * locks on the database stay SQLite's alone, and other programs may still
 * read the file.  A lock file is never removed: removing it would let two
 * processes each lock a file of the same name.
 *
 * Returns: the descriptor of the lock file, -2 where the file system
 * cannot lock at all (SQLite's own locks still keep the file whole), or
 * -1 with @error set */
static int
take_lock (const char  *path,
           GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int flags = O_RDWR | O_CREAT;
  int fd;

#ifdef O_CLOEXEC
  /* A child process (lp, for printing) must not inherit the lock. */
  flags |= O_CLOEXEC;
#endif
#ifdef O_NOINHERIT
  flags |= O_NOINHERIT;
#endif
#ifdef O_BINARY
  flags |= O_BINARY;
#endif

  fd = g_open (lock_path, flags, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      if (errno_is_full (saved_errno))
        set_full_error (error, path);
      else
        g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                     _("“%s” cannot be created or written: %s"), name, g_strerror (saved_errno));
      return -1;
    }

#if defined(G_OS_UNIX)
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      if (saved_errno == EWOULDBLOCK || saved_errno == EAGAIN)
        {
          set_in_use_error (error, path);
          return -1;
        }
      return -2;
    }
#elif defined(G_OS_WIN32)
  {
    OVERLAPPED overlapped = { 0 };
    HANDLE handle = (HANDLE) _get_osfhandle (fd);

    if (!LockFileEx (handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
                     0, 1, 0, &overlapped))
      {
        DWORD code = GetLastError ();

        g_close (fd, NULL);
        if (code == ERROR_LOCK_VIOLATION || code == ERROR_IO_PENDING)
          {
            set_in_use_error (error, path);
            return -1;
          }
        return -2;
      }
  }
#endif
  return fd;
}

/* Opens the connection to the file, with the key given before SQLite
 * reads anything of it (plain files: without). */
static gboolean
connect (SkStore   *self,
         gboolean   keyed,
         GError   **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);
  return !keyed || sk_key_apply (self->key, self->db, NULL, error);
}

/* The first read through the key: a file that is not a database, or not
 * one for this key, gives SQLITE_NOTADB. */
static gboolean
check_key (SkStore  *self,
           GError  **error)
{
  int rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("“%s” is not a Samtalekuffert database, or it is damaged."), name);
    }
  else
    set_sqlite_error (error, self->db, rc, self->path);
  return FALSE;
}

/* Every table's number of rows, to compare a copy with its original. */
static char *
count_rows (sqlite3 *db)
{
  GString *counts = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", (const char *) tables->pdata[i]);

      stmt = NULL;
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (counts, "%s %" G_GINT64_FORMAT "\n", (const char *) tables->pdata[i],
                                (gint64) sqlite3_column_int64 (stmt, 0));
      else
        g_string_append_printf (counts, "%s ?\n", (const char *) tables->pdata[i]);
      sqlite3_finalize (stmt);
      sqlite3_free (sql);
    }
  {
    stmt = NULL;
    if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (counts, "version %d\n", sqlite3_column_int (stmt, 0));
    sqlite3_finalize (stmt);
  }
  return g_string_free (counts, FALSE);
}

#ifdef G_OS_UNIX
/* Overwrites what the descriptor's file held with zeros, on the disk. */
static void
overwrite (int fd)
{
  static const char zeros[65536];
  struct stat st;
  off_t done = 0;

  if (fd < 0 || fstat (fd, &st) != 0)
    return;
  while (done < st.st_size)
    {
      ssize_t n = pwrite (fd, zeros, MIN ((off_t) sizeof zeros, st.st_size - done), done);

      if (n <= 0 && errno != EINTR)
        break;
      if (n > 0)
        done += n;
    }
  fsync (fd);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}
#endif

/* A plain file from before encryption, checked: copied into a new file
 * encrypted with the store's key (sqlcipher_export), the copy checked
 * and compared, then put in its place in one rename.  The plain file's
 * bytes (and its -wal's) are then overwritten with zeros, through
 * descriptors held since before the rename, so that they do not stay on
 * the disk as free space.  Until the rename the plain file is whole; any
 * failure before it leaves it exactly so. */
static gboolean
encrypt_in_place (SkStore  *self,
                  GError  **error)
{
  g_autofree char *fresh = g_strconcat (self->path, ".encrypting", NULL);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  char *attach;
  int old_fd = -1, wal_fd = -1;
  sqlite3 *copy = NULL;
  gboolean ok;

  g_unlink (fresh);
  if (!prepare_file (fresh, error))
    return FALSE;

  before = count_rows (self->db);
  attach = sqlite3_mprintf ("ATTACH DATABASE %Q AS encrypted KEY %Q", fresh, sk_key_sql (self->key));
  sql = g_strdup_printf ("PRAGMA encrypted.cipher_page_size = %d;"
                         "PRAGMA encrypted.auto_vacuum = INCREMENTAL;"
                         "SELECT sqlcipher_export('encrypted');"
                         "PRAGMA encrypted.user_version = %d;"
                         "DETACH DATABASE encrypted;",
                         SK_KEY_PAGE_SIZE, read_user_version (self));
  ok = exec (self, attach, error) && exec (self, sql, error);
  sqlite3_free (attach);
  if (!ok)
    {
      sqlite3_exec (self->db, "DETACH DATABASE encrypted", NULL, NULL, NULL);
      g_unlink (fresh);
      return FALSE;
    }

#ifdef G_OS_UNIX
  old_fd = g_open (self->path, O_RDWR, 0);
  wal_fd = g_open (wal, O_RDWR, 0);
#endif
  /* Closing writes the plain -wal into the plain file and removes it;
   * the descriptor keeps its bytes to be overwritten. */
  sqlite3_close (self->db);
  self->db = NULL;

  /* The copy, read back through the key: whole, and the same rows. */
  ok = sqlite3_open_v2 (fresh, &copy, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       sk_key_apply (self->key, copy, NULL, NULL) &&
       sqlite3_exec (copy, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_stmt *stmt = NULL;

      ok = sqlite3_prepare_v2 (copy, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
           sqlite3_step (stmt) == SQLITE_ROW &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      sqlite3_finalize (stmt);
      after = ok ? count_rows (copy) : NULL;
      ok = ok && g_strcmp0 (before, after) == 0;
    }
  ok = sqlite3_close (copy) == SQLITE_OK && ok;

  if (!ok)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” could not be encrypted: the encrypted copy did not read back the same. "
                     "The file has not been changed."), name);
    }
  else if (g_rename (fresh, self->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” could not be encrypted: %s. The file has not been changed."),
                   name, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (fresh);
#ifdef G_OS_UNIX
      if (old_fd >= 0)
        g_close (old_fd, NULL);
      if (wal_fd >= 0)
        g_close (wal_fd, NULL);
#endif
      /* The plain file, as it was, open again for the caller to close. */
      connect (self, FALSE, NULL);
      return FALSE;
    }

  /* The plain file's -shm described its -wal only. */
  g_unlink (shm);
#ifdef G_OS_UNIX
  sync_folder (self->path);
  overwrite (old_fd);
  overwrite (wal_fd);
  if (old_fd >= 0)
    g_close (old_fd, NULL);
  if (wal_fd >= 0)
    g_close (wal_fd, NULL);
#endif
  sk_trace_mark ("store-encrypted");
  return connect (self, TRUE, error) && check_key (self, error);
}

/* The stores open in this process, by resolved path: a second open of a
 * file (through a link, say) gets the store that has it, never a second
 * connection.  Stores are opened in a worker thread, hence the lock. */
static GMutex open_stores_lock;
static GHashTable *open_stores;   /* resolved path → GWeakRef to SkStore */

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static SkStore *
find_open_store (const char *path)
{
  SkStore *store = NULL;
  GWeakRef *ref;

  g_mutex_lock (&open_stores_lock);
  if (open_stores != NULL && (ref = g_hash_table_lookup (open_stores, path)) != NULL)
    store = g_weak_ref_get (ref);
  g_mutex_unlock (&open_stores_lock);
  return store;
}

static void
register_store (SkStore *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_mutex_lock (&open_stores_lock);
  if (open_stores == NULL)
    open_stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_weak_ref);
  g_hash_table_insert (open_stores, g_strdup (self->path), ref);
  self->registered = TRUE;
  g_mutex_unlock (&open_stores_lock);
}

static void
unregister_store (SkStore *self)
{
  GWeakRef *ref;

  if (!self->registered)
    return;
  g_mutex_lock (&open_stores_lock);
  ref = g_hash_table_lookup (open_stores, self->path);
  /* In finalize the reference to us reads NULL; a newer store's does not. */
  if (ref != NULL)
    {
      SkStore *other = g_weak_ref_get (ref);

      if (other == NULL)
        g_hash_table_remove (open_stores, self->path);
      else
        g_object_unref (other);
    }
  g_mutex_unlock (&open_stores_lock);
  self->registered = FALSE;
}

/* Empties the -wal into the file and truncates it, after a final delete:
 * with secure_delete the deleted rows are then gone from the disk, not
 * kept in the log until the program closes.  When a reader holds the log
 * (another program reading), it is tried again after the next write. */
static void
wipe_wal (SkStore *self)
{
  int rc;

  if (!sqlite3_get_autocommit (self->db))
    {
      self->wipe_pending = TRUE;
      return;
    }
  /* The freed pages (zeros, with secure_delete) off the end of the file. */
  sqlite3_exec (self->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  self->wipe_pending = rc != SQLITE_OK;
}

static void
sk_store_dispose (GObject *object)
{
  SkStore *self = SK_STORE (object);
  g_autoptr(GError) error = NULL;

  if (self->db != NULL && !sk_store_flush (self, &error))
    g_warning ("Unsaved changes could not be written: %s", error->message);
  g_clear_handle_id (&self->flush_id, g_source_remove);

  if (self->live != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_object_weak_unref (value, record_finalized_cb, self);
          g_signal_handlers_disconnect_by_data (value, self);
        }
      g_hash_table_remove_all (self->live);
    }
  g_clear_pointer (&self->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (sk_store_parent_class)->dispose (object);
}

static void
sk_store_finalize (GObject *object)
{
  SkStore *self = SK_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  /* Closed cleanly, with everything written: the stamp that spares the
   * next start the check (describe_file() leaves none while a -wal is
   * there).  Still under the lock. */
  if (self->db != NULL && sqlite3_close_v2 (self->db) == SQLITE_OK && self->opened && !self->failing)
    leave_stamp (self->path);
  /* Only once SQLite has let go of the file may another process have it. */
  if (self->lock_fd >= 0)
    g_close (self->lock_fd, NULL);
  unregister_store (self);
  g_free (self->path);
  g_clear_pointer (&self->key, sk_key_unref);

  G_OBJECT_CLASS (sk_store_parent_class)->finalize (object);
}

static void
sk_store_class_init (SkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sk_store_dispose;
  object_class->finalize = sk_store_finalize;

  /**
   * SkStore::write-failed:
   * @error: what went wrong
   *
   * A change made through a record could not be written.  The change is
   * kept and tried again with the next one; the person must be told.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * SkStore::write-recovered:
   *
   * Writing works again after a failure (::write-failed, or an error
   * returned by a call): every change that was kept is in the file now,
   * so whatever told the person of the failure can go.
   */
  signals[WRITE_RECOVERED] =
    g_signal_new ("write-recovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sk_store_init (SkStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                       (GDestroyNotify) g_hash_table_unref);
}

/**
 * sk_store_default_path:
 *
 * Returns: the database in the user's data folder, creating the folder
 * (private to the user) when it does not exist.
 */
char *
sk_store_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "samtalekuffert", NULL);

  return g_build_filename (dir, "samtalekuffert.db", NULL);
}

/**
 * sk_store_choose_path:
 * @path: (nullable): a file asked for, e.g. with --database
 *
 * Returns: the file to open: @path, else $SAMTALEKUFFERT_DATABASE (for
 *   tests and other setups), else sk_store_default_path()
 */
char *
sk_store_choose_path (const char *path)
{
  if (path != NULL)
    return g_strdup (path);
  if (g_getenv ("SAMTALEKUFFERT_DATABASE") != NULL)
    return g_strdup (g_getenv ("SAMTALEKUFFERT_DATABASE"));
  return sk_store_default_path ();
}

static char *
resolve_links (const char *path,
               guint       depth)
{
#ifdef G_OS_UNIX
  char *real = realpath (path, NULL);
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved_dir = NULL;

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  if (depth > 40)
    return g_strdup (path);

  dir = g_path_get_dirname (path);
  /* A link to a file not made yet: where it points. */
  target = g_file_read_link (path, NULL);
  if (target != NULL)
    {
      g_autofree char *absolute = g_canonicalize_filename (target, dir);

      return resolve_links (absolute, depth + 1);
    }
  /* A file not made yet: its folder resolved, its own name kept. */
  if (g_strcmp0 (dir, path) == 0)
    return g_strdup (path);
  base = g_path_get_basename (path);
  resolved_dir = resolve_links (dir, depth + 1);
  return g_build_filename (resolved_dir, base, NULL);
#else
  return g_strdup (path);
#endif
}

/**
 * sk_store_resolve_path:
 * @path: a database file, which may not exist yet
 *
 * Returns: (transfer full): @path made absolute, with every symbolic link
 *   in it followed: two paths of one file resolve to the same string, the
 *   name sk_store_get_path() gives
 */
char *
sk_store_resolve_path (const char *path)
{
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  return resolve_links (absolute, 0);
}

/**
 * sk_store_open:
 * @path: the database file; it and its folder are created when missing
 * @key: the data key it is (or will be) encrypted with (sk-key.h); a
 *   plain file from before encryption is encrypted with it here
 *
 * Opens the database, creating and migrating it as needed.  A file from a
 * newer version (%SK_STORE_ERROR_NEWER) or a damaged file
 * (%SK_STORE_ERROR_DAMAGED) is left exactly as it was, and so is a file
 * another process has open (%SK_STORE_ERROR_IN_USE).  A file this process
 * has open already, under whatever name, gives the store that has it.
 */
SkStore *
sk_store_open (const char   *path,
               const SkKey  *key,
               GError      **error)
{
  g_autoptr(SkStore) self = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dir_name = NULL;
  gboolean is_empty, is_plain, trusted;
  gint64 changes;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resolved = sk_store_resolve_path (path);
  self = find_open_store (resolved);
  if (self != NULL && !sk_key_equal (self->key, key))
    {
      g_set_error_literal (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE,
                           _("The database is open already, with another key."));
      return NULL;
    }
  if (self != NULL)
    return g_steal_pointer (&self);

  dir = g_path_get_dirname (resolved);
  dir_name = g_filename_display_name (dir);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          if (errno_is_full (saved_errno))
            set_full_error (error, resolved);
          else
            g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                         _("The folder “%s” cannot be created: %s"), dir_name, g_strerror (saved_errno));
          return NULL;
        }
    }
  /* Our own folder is private; a folder the person chose stays as it is. */
  {
    g_autofree char *base = g_path_get_basename (dir);

    if (g_str_equal (base, "samtalekuffert") && g_chmod (dir, 0700) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                     _("The permissions of “%s” cannot be set: %s"), dir_name, g_strerror (saved_errno));
        return NULL;
      }
  }

  self = g_object_new (SK_TYPE_STORE, NULL);
  self->path = g_strdup (resolved);
  self->key = sk_key_ref ((SkKey *) key);

  /* Before anything else touches the file: another process may have it. */
  self->lock_fd = take_lock (resolved, error);
  if (self->lock_fd == -1)
    return NULL;

  if (!prepare_file (resolved, error))
    return NULL;
  /* Before SQLite opens it, and with it a -wal. */
  trusted = take_stamp (resolved);

  if (!connect (self, FALSE, error))
    return NULL;

  /* Read-only checks first: a damaged file must not be written to. */
  if (!check_header (self->db, resolved, &is_empty, &is_plain, error))
    return NULL;
  if (is_plain)
    {
      /* From before encryption: checked as it is, then encrypted. */
      if (!trusted && !check_integrity (self, error))
        return NULL;
      self->checked = !trusted;
      if (!encrypt_in_place (self, error))
        return NULL;
    }
  else
    {
      if (!sk_key_apply (self->key, self->db, NULL, error) ||
          (!is_empty && !check_key (self, error)))
        return NULL;
      if (trusted)
        sk_trace_mark ("store-trusted");
      else
        {
          if (!is_empty && !check_integrity (self, error))
            return NULL;
          self->checked = !is_empty;
          sk_trace_mark ("store-checked");
        }
    }

  if (read_user_version (self) > sk_store_schema_version ())
    {
      g_autofree char *name = g_filename_display_name (resolved);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Samtalekuffert. "
                     "Install the newer version to open it. The file has not been changed."),
                   name);
      return NULL;
    }

  /* A new file: free pages are given back to the disk after a final
   * delete (wipe_wal()).  Only before the file's first page is written
   * can it be said. */
  if (is_empty && !exec (self, "PRAGMA auto_vacuum = INCREMENTAL", error))
    return NULL;
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;
  changes = sqlite3_total_changes (self->db);
  if (!purge_trash (self, error))
    return NULL;
  if (sqlite3_total_changes (self->db) != changes)
    wipe_wal (self);

  /* Errors until here were the opening's, reported by it. */
  self->failing = FALSE;
  self->opened = TRUE;
  register_store (self);
  return g_steal_pointer (&self);
}

/**
 * sk_store_set_aside:
 * @path: a damaged database
 *
 * Renames @path (and its -wal and -shm files) to a new name with the time
 * in it, so that a new database can be made in its place while the damaged
 * one is kept for whoever can rescue it.
 *
 * Returns: (transfer full): the new name
 */
char *
sk_store_set_aside (const char  *path,
                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  g_autofree char *resolved = NULL;
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, NULL);

  /* Through a link, the file itself is set aside, not the link. */
  resolved = sk_store_resolve_path (path);
  path = resolved;

  for (guint n = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = n == 0 ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                      : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be renamed: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}

sqlite3 *
sk_store_get_db (SkStore *self)
{
  g_return_val_if_fail (SK_IS_STORE (self), NULL);

  return self->db;
}

/**
 * sk_store_file_is_encrypted:
 *
 * Returns: whether @path is there, not empty, and not a plain SQLite file
 *   (from before encryption): what only its key files open
 */
gboolean
sk_store_file_is_encrypted (const char *path)
{
  g_autofree char *resolved = sk_store_resolve_path (path);
  char header[16];
  gboolean encrypted = FALSE;
  FILE *file = g_fopen (resolved, "rb");

  if (file == NULL)
    return FALSE;
  encrypted = fread (header, 1, sizeof header, file) == sizeof header &&
              memcmp (header, "SQLite format 3", 16) != 0;
  fclose (file);
  return encrypted;
}

/**
 * sk_store_get_key:
 *
 * Returns: (transfer none): the key the file is encrypted with
 */
SkKey *
sk_store_get_key (SkStore *self)
{
  g_return_val_if_fail (SK_IS_STORE (self), NULL);

  return self->key;
}

/* Whether opening ran the integrity check (FALSE: the file was empty, or
 * exactly as a clean close of this program left it). */
gboolean
sk_store_was_checked (SkStore *self)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);

  return self->checked;
}

const char *
sk_store_get_path (SkStore *self)
{
  g_return_val_if_fail (SK_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sk_store_insert:
 * @record: a new record, not yet stored
 *
 * Writes @record as a new row, gives it its id and from now on writes
 * every change made to it.
 */
gboolean
sk_store_insert (SkStore   *self,
                 gpointer   record,
                 GError   **error)
{
  SkRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) marks = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SK_IS_STORE (self), FALSE);
  g_return_val_if_fail (SK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (sk_record_get_id (record) == 0, FALSE);

  klass = SK_RECORD_GET_CLASS (record);
  sql = g_string_new (NULL);
  marks = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *name = column_name (klass->columns[i]);

      g_string_append_printf (sql, "%s%s", i ? ", " : "", name);
      g_string_append (marks, i ? ", ?" : "?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, klass->columns[i]->value_type);
      g_object_get_property (G_OBJECT (record), klass->columns[i]->name, &value);
      bind_value (stmt, (int) i + 1, &value);
    }
  if (!step_done (self, stmt, error))
    return FALSE;

  sk_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  adopt (self, record);
  wrote (self);
  return TRUE;
}

/**
 * sk_store_load:
 *
 * Returns: (transfer full): the record of @type with @id, or %NULL with
 * %SK_STORE_ERROR_NOT_FOUND
 */
gpointer
sk_store_load (SkStore  *self,
               GType     type,
               gint64    id,
               GError  **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  SkRecord *record = NULL;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, SK_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  sql = select_sql (SK_RECORD_CLASS (klass), " AND id = ?");
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (self, type, stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND,
                   _("Nothing with number %s was found."), number);
    }
  else
    store_error (self, rc, error);
  sqlite3_reset (stmt);
  return record;
}

/**
 * sk_store_list:
 * @column: (nullable): a column to filter on, or %NULL for all rows
 * @value: the value @column must have
 *
 * Returns: (transfer full): the records of @type in the class's order
 */
GListStore *
sk_store_list (SkStore     *self,
               GType        type,
               const char  *column,
               gint64       value,
               GError     **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, SK_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  if (column != NULL)
    where = g_strdup_printf (" AND %s = ? ORDER BY %s", column, SK_RECORD_CLASS (klass)->order_by);
  else
    where = g_strdup_printf (" ORDER BY %s", SK_RECORD_CLASS (klass)->order_by);
  sql = select_sql (SK_RECORD_CLASS (klass), where);

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (self, type, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, rc, error);
      return NULL;
    }

  list = g_list_store_new (type);
  g_list_store_splice (list, 0, 0, records->pdata, records->len);
  return g_steal_pointer (&list);
}

static gboolean
set_trashed (SkStore   *self,
             SkRecord  *record,
             gboolean   trashed,
             GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET trashed = ? WHERE id = ?",
                                          SK_RECORD_GET_CLASS (record)->table);
  sqlite3_stmt *stmt;

  /* Pending edits of the row go in first, so undo brings them back. */
  if (!sk_store_flush (self, error))
    return FALSE;
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, sk_record_get_id (record));
  if (!step_done (self, stmt, error))
    return FALSE;
  wrote (self);
  return TRUE;
}

/**
 * sk_store_trash:
 *
 * Hides @record (and what belongs to it) from every list until
 * sk_store_restore() or sk_store_delete().  A record left in the trash is
 * deleted for good the next time the store is opened.
 */
gboolean
sk_store_trash (SkStore   *self,
                gpointer   record,
                GError   **error)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);
  g_return_val_if_fail (SK_IS_RECORD (record), FALSE);

  return set_trashed (self, record, TRUE, error);
}

gboolean
sk_store_restore (SkStore   *self,
                  gpointer   record,
                  GError   **error)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);
  g_return_val_if_fail (SK_IS_RECORD (record), FALSE);

  return set_trashed (self, record, FALSE, error);
}

/**
 * sk_store_delete:
 *
 * Deletes @record and everything that belongs to it, for good: with
 * secure_delete the bytes are overwritten in the file, and the -wal, which
 * still holds them, is emptied into the file and truncated.
 */
gboolean
sk_store_delete (SkStore   *self,
                 gpointer   record,
                 GError   **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SK_IS_STORE (self), FALSE);
  g_return_val_if_fail (SK_IS_RECORD (record), FALSE);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", SK_RECORD_GET_CLASS (record)->table);
  g_hash_table_remove (self->dirty, record);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sk_record_get_id (record));
  if (!step_done (self, stmt, error))
    return FALSE;
  forget (self, record);
  wipe_wal (self);
  wrote (self);
  return TRUE;
}

/**
 * sk_store_flush:
 *
 * Writes every change not yet written, in one transaction.  On failure the
 * changes are kept for the next try.
 */
gboolean
sk_store_flush (SkStore  *self,
                GError  **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean outer;

  g_return_val_if_fail (SK_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->dirty == NULL || g_hash_table_size (self->dirty) == 0)
    return TRUE;

  /* Inside a transaction of sk_store_begin() the writes join it. */
  outer = !sqlite3_get_autocommit (self->db);
  if (!outer && !exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SkRecord *record = key;
      GHashTable *changed = value;
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GPtrArray) pspecs = g_ptr_array_new ();
      GHashTableIter columns;
      gpointer pspec_key;
      sqlite3_stmt *stmt;

      g_hash_table_iter_init (&columns, changed);
      while (g_hash_table_iter_next (&columns, &pspec_key, NULL))
        g_ptr_array_add (pspecs, pspec_key);

      /* Same order every time, so that the statement cache hits. */
      g_ptr_array_sort (pspecs, compare_pspec_names);
      g_string_append_printf (sql, "UPDATE %s SET ", SK_RECORD_GET_CLASS (record)->table);
      for (guint i = 0; i < pspecs->len; i++)
        {
          g_autofree char *name = column_name (pspecs->pdata[i]);

          g_string_append_printf (sql, "%s%s = ?", i ? ", " : "", name);
        }
      g_string_append (sql, " WHERE id = ?");

      stmt = prepare (self, sql->str, error);
      if (stmt == NULL)
        {
          if (!outer)
            rollback (self);
          return FALSE;
        }
      for (guint i = 0; i < pspecs->len; i++)
        {
          GParamSpec *pspec = pspecs->pdata[i];
          g_auto(GValue) column = G_VALUE_INIT;

          g_value_init (&column, pspec->value_type);
          g_object_get_property (G_OBJECT (record), pspec->name, &column);
          bind_value (stmt, (int) i + 1, &column);
        }
      sqlite3_bind_int64 (stmt, (int) pspecs->len + 1, sk_record_get_id (record));
      if (!step_done (self, stmt, error))
        {
          if (!outer)
            rollback (self);
          return FALSE;
        }
    }

  if (!outer && !exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  g_hash_table_remove_all (self->dirty);
  if (!outer && self->wipe_pending)
    wipe_wal (self);
  wrote (self);
  return TRUE;
}

gboolean
sk_store_has_pending (SkStore *self)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);

  return g_hash_table_size (self->dirty) > 0;
}

sqlite3_stmt *
sk_store_prepare (SkStore     *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (SK_IS_STORE (self), NULL);

  return prepare (self, sql, error);
}

void
sk_store_set_error (SkStore  *self,
                    int       rc,
                    GError  **error)
{
  g_return_if_fail (SK_IS_STORE (self));

  store_error (self, rc, error);
}

/* For query modules: several writes as one transaction. */
gboolean
sk_store_begin (SkStore  *self,
                GError  **error)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);

  /* Pending edits go first, so that they are not mixed into this one. */
  if (!sk_store_flush (self, error))
    return FALSE;
  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sk_store_commit (SkStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (SK_IS_STORE (self), FALSE);

  if (!exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  if (self->wipe_pending)
    wipe_wal (self);
  wrote (self);
  return TRUE;
}

void
sk_store_rollback (SkStore *self)
{
  g_return_if_fail (SK_IS_STORE (self));

  rollback (self);
}
