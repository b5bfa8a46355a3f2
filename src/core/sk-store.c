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

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

struct _SkStore
{
  GObject parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL → sqlite3_stmt */
  GHashTable *live;         /* "table:id" → SkRecord (weak) */
  GHashTable *dirty;        /* SkRecord (strong) → GHashTable of GParamSpec */
  guint       flush_id;
};

G_DEFINE_FINAL_TYPE (SkStore, sk_store, G_TYPE_OBJECT)

enum {
  WRITE_FAILED,
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

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *name = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The disk is full, so “%s” cannot be written. Free some space and try again."),
                   name);
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

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
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
      set_sqlite_error (error, self->db, rc, self->path);
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
      set_sqlite_error (error, self->db, rc, self->path);
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

/* Reads what the file says about itself before SQLite touches it, so that
 * a file from a newer version or a file that is no database at all is
 * never opened for writing. */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[100];
  GStatBuf st;
  FILE *file;
  size_t n;
  guint32 page_size, n_pages, version;

  *is_empty = FALSE;
  if (g_stat (path, &st) != 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }
  if (st.st_size == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("“%s” is not a Samtalekuffert database, or it is damaged."), name);
      return FALSE;
    }

  page_size = (guint32) header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = (guint32) header[28] << 24 | (guint32) header[29] << 16 | (guint32) header[30] << 8 | header[31];
  version = (guint32) header[60] << 24 | (guint32) header[61] << 16 | (guint32) header[62] << 8 | header[63];

  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      st.st_size % page_size != 0 ||
      (memcmp (header + 24, header + 92, 4) == 0 && (gint64) n_pages * page_size > st.st_size))
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

static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  int fd;

  /* Create the file ourselves, private to the user; SQLite gives its
   * -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be created or written: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

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
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

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
}

static void
sk_store_init (SkStore *self)
{
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

/**
 * sk_store_open:
 * @path: the database file; it and its folder are created when missing
 *
 * Opens the database, creating and migrating it as needed.  A file from a
 * newer version (%SK_STORE_ERROR_NEWER) or a damaged file
 * (%SK_STORE_ERROR_DAMAGED) is left exactly as it was.
 */
SkStore *
sk_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(SkStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dir_name = NULL;
  gboolean is_empty;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_header (path, &is_empty, error))
    return NULL;

  dir = g_path_get_dirname (path);
  dir_name = g_filename_display_name (dir);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

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

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (SK_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 2000);

  /* Read-only checks first: a damaged file must not be written to. */
  if (!is_empty && !check_integrity (self, error))
    return NULL;

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error))
    return NULL;

  if (read_user_version (self) > sk_store_schema_version ())
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Samtalekuffert. "
                     "Install the newer version to open it. The file has not been changed."),
                   name);
      return NULL;
    }

  if (!migrate (self, error) || !purge_trash (self, error))
    return NULL;

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
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, NULL);

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
    set_sqlite_error (error, self->db, rc, self->path);
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
      set_sqlite_error (error, self->db, rc, self->path);
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
  return step_done (self, stmt, error);
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
 * Deletes @record and everything that belongs to it, for good (with
 * secure_delete the bytes are overwritten too).
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

  set_sqlite_error (error, self->db, rc, self->path);
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
  return TRUE;
}

void
sk_store_rollback (SkStore *self)
{
  g_return_if_fail (SK_IS_STORE (self));

  rollback (self);
}
