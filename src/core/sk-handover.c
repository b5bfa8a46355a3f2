/* sk-handover.c — one child's whole record in a file of its own
 *
 * The file is a Samtalekuffert database of its own (the same schema, made
 * by a new store and exported with sqlcipher_export()), encrypted with
 * the passphrase the caseworker chooses for it (SQLCipher's derivation,
 * SK_KEY_KDF_ITER rounds), holding the one child and every row that hangs
 * on the child by a foreign key: conversations, and every tool's rows.
 * It is written as FILE.part and renamed when whole.
 *
 * Receiving inserts every row anew, in the order of the foreign keys,
 * each with a new id and its links to other rows turned to the new ids;
 * nothing that is there already is ever written over.
 */
#include "config.h"

#include "sk-handover.h"
#include "sk-store-private.h"
#include "sk-format.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <openssl/rand.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* Integer columns that point at another row without a foreign key: a
 * person carried over from last time's map, the goal a changed goal
 * replaces (NULL: the same table), the conversation a goal was set in. */
static const struct
{
  const char *column;
  const char *table;
} links[] = {
  { "origin_id", NULL },
  { "replaces", NULL },
  { "conversation_id", "conversations" },
};

typedef struct
{
  char       *name;
  GPtrArray  *columns;   /* char *, as the table has them */
  GHashTable *parents;   /* column → parent table, by foreign key */
} Table;

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_hash_table_unref (table->parents);
  g_free (table);
}

static void
set_error (GError     **error,
           sqlite3     *db,
           int          rc)
{
  g_set_error (error, SK_STORE_ERROR, (rc & 0xff) == SQLITE_FULL ? SK_STORE_ERROR_FULL : SK_STORE_ERROR_IO,
               _("The handover could not be made: %s"), db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    set_error (error, db, rc);
  return rc == SQLITE_OK;
}

/* @schema's tables, parents before children, the child's record only:
 * "children", then each table whose foreign keys all point at tables
 * already listed. */
static GPtrArray *
tables_in_order (sqlite3    *db,
                 const char *schema)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  char *sql;
  gboolean progress = TRUE;

  sql = sqlite3_mprintf ("SELECT name FROM \"%w\".sqlite_master WHERE type = 'table' "
                         "AND name NOT LIKE 'sqlite_%%' ORDER BY name", schema);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        Table *table = g_new0 (Table, 1);

        table->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        table->columns = g_ptr_array_new_with_free_func (g_free);
        table->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        g_ptr_array_add (all, table);
      }
  sqlite3_finalize (stmt);
  sqlite3_free (sql);

  for (guint i = 0; i < all->len; i++)
    {
      Table *table = all->pdata[i];

      sql = sqlite3_mprintf ("PRAGMA \"%w\".table_info(\"%w\")", schema, table->name);
      stmt = NULL;
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (table->columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
      sqlite3_free (sql);

      sql = sqlite3_mprintf ("PRAGMA \"%w\".foreign_key_list(\"%w\")", schema, table->name);
      stmt = NULL;
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_hash_table_insert (table->parents, g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
                               g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_finalize (stmt);
      sqlite3_free (sql);
    }

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < all->len; i++)
        {
          Table *table = all->pdata[i];
          GHashTableIter iter;
          gpointer parent;
          gboolean ready;

          if (table == NULL)
            continue;
          ready = g_str_equal (table->name, "children");
          if (!ready && g_hash_table_size (table->parents) > 0)
            {
              ready = TRUE;
              g_hash_table_iter_init (&iter, table->parents);
              while (g_hash_table_iter_next (&iter, NULL, &parent))
                if (!g_str_equal (parent, table->name) && !g_hash_table_contains (placed, parent))
                  ready = FALSE;
            }
          if (ready && (g_str_equal (table->name, "children") || g_hash_table_contains (placed, "children")))
            {
              g_hash_table_add (placed, table->name);
              g_ptr_array_add (ordered, table);
              all->pdata[i] = NULL;
              progress = TRUE;
            }
        }
    }
  /* Tables with no path to a child are no part of one. */
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] != NULL)
      table_free (all->pdata[i]);
  return ordered;
}

/* The SQL that attaches @file as @schema.  The key is derived here as
 * SQLCipher derives it from a passphrase (sk_key_derive(): over the salt
 * in the file's first 16 bytes, SK_KEY_KDF_ITER rounds) and given raw:
 * SQLCipher 3 would take an ATTACH's rounds from a setting of the whole
 * process.  An empty file (a new one) gets a new salt, given with the
 * key.  The file opens later with the passphrase alone. */
static char *
attach_sql (const char  *file,
            const char  *schema,
            const char  *passphrase,
            GError     **error)
{
  g_autoptr(SkKey) key = NULL;
  guint8 salt[SK_KEY_SALT_BYTES];
  gssize got = sk_key_read_salt (file, salt);
  char *raw, *sql, *copy;

  if (got < 0 || (got != 0 && got != SK_KEY_SALT_BYTES))
    {
      g_autofree char *name = g_filename_display_name (file);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("“%s” is not a handover from Samtalekuffert, or it is damaged."), name);
      return NULL;
    }
  if (got == 0 && RAND_bytes (salt, sizeof salt) != 1)
    {
      g_set_error_literal (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                           _("The system gave no random numbers. Nothing was written."));
      return NULL;
    }
  key = sk_key_derive (passphrase, salt, sizeof salt, SK_KEY_KDF_ITER);
  if (key == NULL)
    {
      g_set_error_literal (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                           _("The key for the handover could not be made. Nothing was written."));
      return NULL;
    }
  /* "x'KEY'", and for a new file "x'KEYSALT'". */
  raw = got == 0 ? sk_key_sql_with_salt (key, salt) : g_strdup (sk_key_sql (key));
  sql = sqlite3_mprintf ("ATTACH DATABASE %Q AS \"%w\" KEY %Q;", file, schema, raw);
  sk_key_free_sql (raw);
  copy = g_strdup (sql);
  memset (sql, 0, strlen (sql));
  sqlite3_free (sql);
  return copy;
}

/* A new, empty file of the whole schema, encrypted with @passphrase. */
static gboolean
make_empty (const char  *file,
            const char  *passphrase,
            GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-handover-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *export = NULL;
  g_autoptr(SkKey) key = sk_key_new_random ();
  g_autoptr(SkStore) empty = NULL;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "empty.db", NULL);
  empty = sk_store_open (path, key, error);
  ok = empty != NULL;
  if (ok)
    {
      attach = attach_sql (file, "handover", passphrase, error);
      export = g_strdup_printf ("SELECT sqlcipher_export('handover'); PRAGMA handover.user_version = %d;"
                                "DETACH DATABASE handover;", sk_store_schema_version ());
      ok = attach != NULL && exec (sk_store_get_db (empty), attach, error) &&
           exec (sk_store_get_db (empty), export, error);
      if (attach != NULL)
        memset (attach, 0, strlen (attach));
    }
  g_clear_object (&empty);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *left = g_build_filename (dir, name, NULL);

        g_unlink (left);
      }
    g_rmdir (dir);
  }
  return ok;
}

/**
 * sk_handover_write:
 * @file: the file to write (a new one; one that is there is replaced)
 * @passphrase: what the colleague types to receive it
 *
 * Writes @child's whole record (but what is in the trash) to @file, 0600.
 */
gboolean
sk_handover_write (SkStore     *store,
                   SkChild     *child,
                   const char  *file,
                   const char  *passphrase,
                   GError     **error)
{
  g_autofree char *part = NULL;
  g_autofree char *attach = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db;
  gboolean ok = TRUE;
  int fd;

  g_return_val_if_fail (SK_IS_STORE (store), FALSE);
  g_return_val_if_fail (SK_IS_CHILD (child), FALSE);
  g_return_val_if_fail (file != NULL && passphrase != NULL, FALSE);

  if (!sk_store_flush (store, error))
    return FALSE;
  part = g_strconcat (file, ".part", NULL);
  g_unlink (part);
  fd = g_open (part, O_RDWR | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (file);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be created or written: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  if (!make_empty (part, passphrase, error))
    {
      g_unlink (part);
      return FALSE;
    }

  db = sk_store_get_db (store);
  attach = attach_sql (part, "handover", passphrase, error);
  if (attach == NULL || !exec (db, attach, error))
    {
      if (attach != NULL)
        memset (attach, 0, strlen (attach));
      g_unlink (part);
      return FALSE;
    }
  memset (attach, 0, strlen (attach));
  tables = tables_in_order (db, "main");
  ok = exec (db, "BEGIN", error);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      Table *table = tables->pdata[i];
      GString *sql = g_string_new (NULL);
      GHashTableIter iter;
      gpointer column, parent;
      gboolean first = TRUE;
      sqlite3_stmt *stmt = NULL;
      char *head = sqlite3_mprintf ("INSERT INTO handover.\"%w\" SELECT * FROM main.\"%w\" WHERE trashed = 0 AND (",
                                    table->name, table->name);

      g_string_append (sql, head);
      sqlite3_free (head);
      if (g_str_equal (table->name, "children"))
        g_string_append (sql, "id = ?1");
      g_hash_table_iter_init (&iter, table->parents);
      while (g_hash_table_iter_next (&iter, &column, &parent))
        if (!g_str_equal (parent, table->name))
          {
            char *part_sql = sqlite3_mprintf ("%s\"%w\" IN (SELECT id FROM handover.\"%w\")",
                                              first ? "" : " OR ", (const char *) column, (const char *) parent);

            g_string_append (sql, part_sql);
            sqlite3_free (part_sql);
            first = FALSE;
          }
      g_string_append (sql, ") ORDER BY id");
      ok = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, sk_record_get_id (SK_RECORD (child)));
          ok = sqlite3_step (stmt) == SQLITE_DONE;
        }
      if (!ok)
        set_error (error, db, sqlite3_errcode (db));
      sqlite3_finalize (stmt);
      g_string_free (sql, TRUE);
    }
  ok = ok && exec (db, "COMMIT", error);
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (db, "DETACH DATABASE handover", NULL, NULL, NULL);

  if (ok && g_rename (part, file) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (file);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be created or written: %s"), name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part);
  return ok;
}

static gint64 *
new_int64 (gint64 value)
{
  gint64 *p = g_new (gint64, 1);

  *p = value;
  return p;
}

static GHashTable *
id_map (GHashTable *maps,
        const char *table)
{
  GHashTable *map = g_hash_table_lookup (maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (maps, g_strdup (table), map);
    }
  return map;
}

/* The table a link column points at, by foreign key or by name. */
static const char *
link_target (Table      *table,
             const char *column)
{
  const char *parent = g_hash_table_lookup (table->parents, column);

  if (parent != NULL)
    return parent;
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (links[i].column, column))
      return links[i].table != NULL ? links[i].table : table->name;
  return NULL;
}

/* Opens @file with @passphrase, reading only, to see that it is one. */
static gboolean
check_file (const char  *file,
            const char  *passphrase,
            GError     **error)
{
  g_autofree char *kdf = g_strdup_printf ("PRAGMA kdf_iter = %d", SK_KEY_KDF_ITER);
  g_autofree char *name = g_filename_display_basename (file);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, version = -1, children = -1;

  rc = sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_key (db, passphrase, (int) strlen (passphrase));
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, kdf, NULL, NULL, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL)) == SQLITE_OK)
    {
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  stmt = NULL;
  if (rc == SQLITE_OK && sqlite3_prepare_v2 (db, "SELECT count(*) FROM children", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    children = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE,
                   _("“%s” does not open with that passphrase. Check it with your colleague: capital letters count."),
                   name);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO, _("“%s” cannot be read: %s"), name, sqlite3_errstr (rc));
      return FALSE;
    }
  if (version > sk_store_schema_version ())
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer version of Samtalekuffert. Install the newer version to receive it."),
                   name);
      return FALSE;
    }
  if (children != 1)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("“%s” is not a handover of one child from Samtalekuffert."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * sk_handover_receive:
 *
 * Adds the child in @file, with every row of the record, as a new child.
 * A child of the same name already there stays as it is; the new one's
 * name then says it was received, and when.
 *
 * Returns: (transfer full): the child received
 */
SkChild *
sk_handover_receive (SkStore     *store,
                     const char  *file,
                     const char  *passphrase,
                     gboolean    *renamed,
                     GError     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GHashTable) maps = NULL;
  g_autofree char *attach = NULL;
  g_autofree char *new_name = NULL;
  sqlite3 *db;
  gint64 child_id = 0;
  gboolean ok;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL && passphrase != NULL, NULL);

  if (renamed != NULL)
    *renamed = FALSE;
  if (!check_file (file, passphrase, error) || !sk_store_flush (store, error))
    return NULL;

  db = sk_store_get_db (store);
  attach = attach_sql (file, "received", passphrase, error);
  ok = attach != NULL && exec (db, attach, error);
  if (attach != NULL)
    memset (attach, 0, strlen (attach));
  if (!ok)
    return NULL;

  /* Never over a child who is there: the same name gets a new one. */
  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (db, "SELECT r.name FROM received.children r WHERE EXISTS "
                                "(SELECT 1 FROM main.children c WHERE c.name = r.name AND c.trashed = 0)",
                            -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *date = sk_format_short_date (now);

        /* Translators: a child received from a colleague, whose name is already in the list:
         * "Alma Jensen (received 7 Dec)" */
        new_name = g_strdup_printf (_("%s (received %s)"), (const char *) sqlite3_column_text (stmt, 0), date);
        if (renamed != NULL)
          *renamed = TRUE;
      }
    sqlite3_finalize (stmt);
  }

  tables = tables_in_order (db, "main");
  maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  ok = exec (db, "BEGIN IMMEDIATE", error);
  for (guint t = 0; ok && t < tables->len; t++)
    {
      Table *table = tables->pdata[t];
      g_autoptr(GPtrArray) common = g_ptr_array_new ();
      g_autoptr(GHashTable) theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GString *select = g_string_new ("SELECT id");
      GString *insert = g_string_new (NULL);
      GString *values = g_string_new (NULL);
      GHashTable *map = id_map (maps, table->name);
      sqlite3_stmt *from = NULL, *into = NULL;
      char *sql;

      /* The columns both have: a handover from an older version lacks
       * the newest, which keep their defaults. */
      sql = sqlite3_mprintf ("PRAGMA received.table_info(\"%w\")", table->name);
      if (sqlite3_prepare_v2 (db, sql, -1, &from, NULL) == SQLITE_OK)
        while (sqlite3_step (from) == SQLITE_ROW)
          g_hash_table_add (theirs, g_strdup ((const char *) sqlite3_column_text (from, 1)));
      sqlite3_finalize (from);
      from = NULL;
      sqlite3_free (sql);
      for (guint c = 0; c < table->columns->len; c++)
        if (!g_str_equal (table->columns->pdata[c], "id") && g_hash_table_contains (theirs, table->columns->pdata[c]))
          g_ptr_array_add (common, table->columns->pdata[c]);
      if (g_hash_table_size (theirs) == 0)
        {
          g_string_free (select, TRUE);
          g_string_free (insert, TRUE);
          g_string_free (values, TRUE);
          continue;
        }

      sql = sqlite3_mprintf ("INSERT INTO main.\"%w\" (", table->name);
      g_string_append (insert, sql);
      sqlite3_free (sql);
      for (guint c = 0; c < common->len; c++)
        {
          sql = sqlite3_mprintf ("%s\"%w\"", c > 0 ? ", " : "", (const char *) common->pdata[c]);
          g_string_append_printf (select, ", \"%s\"", (const char *) common->pdata[c]);
          g_string_append (insert, sql);
          g_string_append (values, c > 0 ? ", ?" : "?");
          sqlite3_free (sql);
        }
      sql = sqlite3_mprintf (" FROM received.\"%w\" WHERE trashed = 0 ORDER BY id", table->name);
      g_string_append (select, sql);
      sqlite3_free (sql);
      g_string_append_printf (insert, ") VALUES (%s)", values->str);

      ok = sqlite3_prepare_v2 (db, select->str, -1, &from, NULL) == SQLITE_OK &&
           sqlite3_prepare_v2 (db, insert->str, -1, &into, NULL) == SQLITE_OK;
      while (ok && sqlite3_step (from) == SQLITE_ROW)
        {
          gint64 old_id = sqlite3_column_int64 (from, 0);
          gboolean orphan = FALSE;

          sqlite3_reset (into);
          sqlite3_clear_bindings (into);
          for (guint c = 0; c < common->len; c++)
            {
              const char *column = common->pdata[c];
              const char *target = link_target (table, column);
              sqlite3_value *value = sqlite3_column_value (from, (int) c + 1);

              if (g_str_equal (table->name, "children") && g_str_equal (column, "name") && new_name != NULL)
                sqlite3_bind_text (into, (int) c + 1, new_name, -1, SQLITE_TRANSIENT);
              else if (target != NULL && sqlite3_value_type (value) == SQLITE_INTEGER && sqlite3_value_int64 (value) != 0)
                {
                  gint64 old = sqlite3_value_int64 (value);
                  gint64 *now = g_hash_table_lookup (id_map (maps, target), &old);

                  if (now != NULL)
                    sqlite3_bind_int64 (into, (int) c + 1, *now);
                  else if (g_hash_table_contains (table->parents, column))
                    orphan = TRUE;
                  else
                    sqlite3_bind_int64 (into, (int) c + 1, 0);
                }
              else
                sqlite3_bind_value (into, (int) c + 1, value);
            }
          if (orphan)
            continue;
          if (sqlite3_step (into) != SQLITE_DONE)
            ok = FALSE;
          else
            {
              g_hash_table_insert (map, new_int64 (old_id), new_int64 (sqlite3_last_insert_rowid (db)));
              if (g_str_equal (table->name, "children"))
                child_id = sqlite3_last_insert_rowid (db);
            }
        }
      if (!ok)
        set_error (error, db, sqlite3_errcode (db));
      sqlite3_finalize (from);
      sqlite3_finalize (into);
      g_string_free (select, TRUE);
      g_string_free (insert, TRUE);
      g_string_free (values, TRUE);
    }
  ok = ok && child_id > 0 && exec (db, "COMMIT", error);
  if (!ok)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      if (error != NULL && *error == NULL)
        g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                     _("The handover holds no child. Nothing was added."));
    }
  sqlite3_exec (db, "DETACH DATABASE received", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  return sk_store_load (store, SK_TYPE_CHILD, child_id, error);
}
