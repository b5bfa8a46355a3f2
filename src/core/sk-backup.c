/* sk-backup.c — copies of the database in a folder the caseworker chose */
#include "config.h"

#include "sk-backup.h"
#include "sk-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#define PREFIX "samtalekuffert-"
#define SUFFIX ".db"

static const char * const key_suffixes[] = { ".key", ".recovery" };

void
sk_backup_free (SkBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->made, g_date_time_unref);
  g_free (backup->problem);
  g_free (backup);
}

/* "samtalekuffert-20261207-153000.db" (or "…-153000-2.db"): when it was
 * made, local time; NULL for any other name. */
static GDateTime *
time_of_name (const char *name)
{
  int y, mo, d, h, mi, s, n = 0;

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX) ||
      sscanf (name + strlen (PREFIX), "%4d%2d%2d-%2d%2d%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 ||
      (name[strlen (PREFIX) + n] != '.' && name[strlen (PREFIX) + n] != '-'))
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

#define errno_is_full sk_store_errno_is_full

static void
set_folder_error (GError     **error,
                  const char  *folder,
                  gboolean     full,
                  const char  *why)
{
  /* The folder's own name: the caseworker chose it, and a toast is short. */
  g_autofree char *name = g_filename_display_basename (folder);

  if (full)
    g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_FULL,
                 _("The backup folder “%s” is full, so no backup was made. "
                   "Your notes are saved on this computer, and you can go on."), name);
  else
    g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                 _("No backup could be made in “%s”: %s. "
                   "Your notes are saved on this computer, and you can go on."), name, why);
}

/* A connection to @path with the key; @flags as sqlite3_open_v2's. */
static sqlite3 *
open_keyed (const char   *path,
            const SkKey  *key,
            int           flags,
            int          *rc)
{
  sqlite3 *db = NULL;

  *rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (*rc == SQLITE_OK && !sk_key_apply (key, db, NULL, NULL))
    *rc = SQLITE_ERROR;
  if (*rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      *rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (*rc != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  return g_chmod (to, 0600) == 0;
}

static void
sync_path (const char *path)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDONLY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
#endif
}

/* Made in the same second, a backup's name has a number: "…-153000.db",
 * then "…-153000-2.db". */
static char *
sort_key (const char *name)
{
  const char *stamp = name + strlen (PREFIX);
  guint n = 1;

  if (stamp[15] == '-')
    n = (guint) g_ascii_strtoull (stamp + 16, NULL, 10);
  return g_strdup_printf ("%.15s %06u", stamp, n);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *ka = sort_key (*(const char * const *) a);
  g_autofree char *kb = sort_key (*(const char * const *) b);

  return strcmp (ka, kb);
}

/* The backups' names in @folder, oldest first. */
static GPtrArray *
backup_names (const char  *folder,
              GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  GPtrArray *names;
  const char *name;

  if (dir == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) made = time_of_name (name);

      if (made != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
remove_backup (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (key_suffixes); i++)
    {
      g_autofree char *key = g_strconcat (path, key_suffixes[i], NULL);

      g_unlink (key);
    }
}

/**
 * sk_backup_write:
 * @database: the database file (open in the program, or not)
 * @key: its data key
 * @folder: where the backups are kept
 *
 * Makes a backup now, then removes all but the newest %SK_BACKUP_KEEP.
 * Safe in a thread of its own: it reads @database through a connection of
 * its own.  A folder that is not there, not writable or full gives a
 * clear error (%SK_STORE_ERROR_IO, %SK_STORE_ERROR_FULL), and nothing of
 * the database changes.
 *
 * Returns: (transfer full): the new backup's file
 */
char *
sk_backup_write (const char   *database,
                 const SkKey  *key,
                 const char   *folder,
                 GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GPtrArray) names = NULL;
  sqlite3 *source = NULL, *copy = NULL;
  sqlite3_backup *backup;
  int rc, fd;

  g_return_val_if_fail (database != NULL && key != NULL && folder != NULL, NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      set_folder_error (error, folder, FALSE, _("the folder is not there (is the network drive connected?)"));
      return NULL;
    }
  /* Made in the same second as another, the next number after all that
   * second's: never a name a removed backup had. */
  {
    g_autofree char *same = g_strdup_printf (PREFIX "%s", stamp);
    guint last = 0;

    names = backup_names (folder, NULL);
    for (guint i = 0; names != NULL && i < names->len; i++)
      if (g_str_has_prefix (names->pdata[i], same))
        {
          g_autofree char *order = sort_key (names->pdata[i]);

          last = MAX (last, (guint) g_ascii_strtoull (order + 16, NULL, 10));
        }
    g_clear_pointer (&names, g_ptr_array_unref);
    for (guint n = last + 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
      {
        g_autofree char *name = n == 1 ? g_strdup_printf ("%s" SUFFIX, same)
                                       : g_strdup_printf ("%s-%u" SUFFIX, same, n);

        g_free (target);
        target = g_build_filename (folder, name, NULL);
      }
  }
  part = g_strconcat (target, ".part", NULL);

  fd = g_open (part, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_folder_error (error, folder, errno_is_full (saved_errno), g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  source = open_keyed (database, key, SQLITE_OPEN_READONLY, &rc);
  if (source == NULL)
    {
      g_autofree char *name = g_filename_display_name (database);

      g_unlink (part);
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("“%s” cannot be read for the backup: %s"), name, sqlite3_errstr (rc));
      return NULL;
    }
  copy = open_keyed (part, key, SQLITE_OPEN_READWRITE, &rc);
  if (copy != NULL)
    {
      backup = sqlite3_backup_init (copy, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          do
            rc = sqlite3_backup_step (backup, -1);
          while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (copy) : rc;
        }
      /* Whole on its own: no -wal beside it. */
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      if (sqlite3_close (copy) != SQLITE_OK && rc == SQLITE_OK)
        rc = SQLITE_IOERR;
    }
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      g_unlink (part);
      set_folder_error (error, folder, (rc & 0xff) == SQLITE_FULL, sqlite3_errstr (rc));
      return NULL;
    }
  sync_path (part);
  if (g_rename (part, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (part);
      set_folder_error (error, folder, errno_is_full (saved_errno), g_strerror (saved_errno));
      return NULL;
    }
  /* The key files, so that the passphrase opens it on another computer. */
  for (guint i = 0; i < G_N_ELEMENTS (key_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database, key_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, key_suffixes[i], NULL);
      g_autoptr(GError) local = NULL;

      if (g_file_test (from, G_FILE_TEST_IS_REGULAR) && !copy_file (from, to, &local))
        {
          remove_backup (target);
          set_folder_error (error, folder, g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE),
                            local != NULL ? local->message : g_strerror (errno));
          return NULL;
        }
    }
  {
    g_autofree char *dir = g_path_get_dirname (target);

    sync_path (dir);
  }

  /* The newest SK_BACKUP_KEEP stay. */
  names = backup_names (folder, NULL);
  for (guint i = 0; names != NULL && i + SK_BACKUP_KEEP < names->len; i++)
    {
      g_autofree char *old = g_build_filename (folder, names->pdata[i], NULL);

      remove_backup (old);
    }
  return g_steal_pointer (&target);
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Whether @path can be restored with @key: whole, and not newer. */
static char *
check_backup (const char  *path,
              const SkKey *key,
              gint64      *children,
              gint64      *conversations)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean whole;
  gint64 version;
  int rc;

  *children = *conversations = -1;
  db = open_keyed (path, key, SQLITE_OPEN_READONLY, &rc);
  if (db == NULL)
    return g_strdup ((rc & 0xff) == SQLITE_NOTADB
                     ? _("It was made with another key, or it is damaged.")
                     : sqlite3_errstr (rc));
  whole = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  version = count (db, "PRAGMA user_version");
  *children = count (db, "SELECT count(*) FROM children WHERE trashed = 0");
  *conversations = count (db, "SELECT count(*) FROM conversations WHERE trashed = 0");
  sqlite3_close (db);

  if (!whole)
    return g_strdup (_("It is damaged."));
  if (version > sk_store_schema_version ())
    return g_strdup (_("It was made by a newer version of Samtalekuffert."));
  if (*children < 0 || *conversations < 0)
    return g_strdup (_("It holds no Samtalekuffert notes."));
  return NULL;
}

/**
 * sk_backup_list:
 *
 * Returns: (transfer full) (element-type SkBackup): the backups in
 *   @folder, newest first, each checked with @key: whole or not, and how
 *   many children and conversations it holds
 */
GPtrArray *
sk_backup_list (const char   *folder,
                const SkKey  *key,
                GError      **error)
{
  g_autoptr(GPtrArray) names = NULL;
  GPtrArray *backups;

  g_return_val_if_fail (folder != NULL && key != NULL, NULL);

  names = backup_names (folder, NULL);
  if (names == NULL)
    {
      set_folder_error (error, folder, FALSE, _("the folder is not there (is the network drive connected?)"));
      return NULL;
    }
  backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sk_backup_free);
  for (guint i = names->len; i-- > 0; )
    {
      SkBackup *backup = g_new0 (SkBackup, 1);

      backup->path = g_build_filename (folder, names->pdata[i], NULL);
      backup->made = time_of_name (names->pdata[i]);
      backup->problem = check_backup (backup->path, key, &backup->children, &backup->conversations);
      g_ptr_array_add (backups, backup);
    }
  return backups;
}

/**
 * sk_backup_is_due:
 *
 * Returns: whether @folder has no backup from today
 */
gboolean
sk_backup_is_due (const char *folder)
{
  g_autoptr(GPtrArray) names = backup_names (folder, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, PREFIX "%Y%m%d-");

  if (names == NULL || names->len == 0)
    return TRUE;
  return !g_str_has_prefix (names->pdata[names->len - 1], today);
}

/**
 * sk_backup_restore:
 * @database: the database file, closed (no store has it open)
 * @backup: one of sk_backup_list()'s, without a problem
 *
 * Checks @backup, keeps the current @database aside under a new name,
 * and puts a copy of the backup in its place.  A backup that does not
 * check leaves everything as it was.
 *
 * Returns: (transfer full): where the database that was there is kept
 */
char *
sk_backup_restore (const char   *database,
                   const char   *backup,
                   const SkKey  *key,
                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *fresh = g_strconcat (database, ".restoring", NULL);
  g_autofree char *aside = g_strdup_printf ("%s.before-restore-%s", database, stamp);
  g_autofree char *problem = NULL;
  g_autofree char *stamp_file = g_strconcat (database, ".checked", NULL);
  g_autoptr(GError) local = NULL;
  static const char * const logs[] = { "-wal", "-shm" };
  gint64 children, conversations;

  g_return_val_if_fail (database != NULL && backup != NULL && key != NULL, NULL);

  problem = check_backup (backup, key, &children, &conversations);
  if (problem != NULL)
    {
      g_autofree char *name = g_filename_display_name (backup);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("The backup “%s” cannot be restored: %s Nothing was changed."), name, problem);
      return NULL;
    }
  if (!copy_file (backup, fresh, &local))
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The backup could not be copied: %s. Nothing was changed."), local->message);
      g_unlink (fresh);
      return NULL;
    }
  sync_path (fresh);

  if (g_file_test (database, G_FILE_TEST_EXISTS) && g_rename (database, aside) != 0)
    {
      int saved_errno = errno;

      g_unlink (fresh);
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The notes on this computer could not be set aside: %s. Nothing was changed."),
                   g_strerror (saved_errno));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (logs); i++)
    {
      g_autofree char *from = g_strconcat (database, logs[i], NULL);
      g_autofree char *to = g_strconcat (aside, logs[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  g_unlink (stamp_file);
  if (g_rename (fresh, database) != 0)
    {
      int saved_errno = errno;

      /* Back as it was. */
      g_rename (aside, database);
      g_unlink (fresh);
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The backup could not be put in place: %s. Nothing was changed."), g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&aside);
}
