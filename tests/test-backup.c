/* test-backup.c — backups in a folder of their own: made while the
 * program writes, kept 14, listed, restored byte for byte; a folder that
 * is missing or full says so and loses nothing */
#include "sk-backup.h"
#include "sk-demo.h"
#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-util.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>


static char *
backup_folder (const char *name)
{
  g_autofree char *dir = sk_test_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_steal_pointer (&dir);
}

static void
test_round_trip (void)
{
  g_autofree char *path = sk_test_path ("backed-up.db");
  g_autofree char *folder = backup_folder ("backups-round-trip");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *then = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(SkChild) later = NULL;
  SkBackup *listed;
  GStatBuf st;

  /* Every tool's rows: the demo's children, and words typed but not yet
   * written when the backup starts. */
  g_assert_true (sk_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_true (sk_store_flush (store, &error));
  then = sk_test_dump (path, TRUE);

  made = sk_backup_write (path, sk_store_get_key (store), folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (sk_store_file_is_encrypted (made));
  g_assert_cmpint (g_stat (made, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *key = g_strconcat (made, ".key", NULL);
    g_autofree char *recovery = g_strconcat (made, ".recovery", NULL);
    g_autofree char *part = g_strconcat (made, ".part", NULL);
    g_autofree char *wal = g_strconcat (made, "-wal", NULL);

    g_assert_true (g_file_test (key, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *copy = sk_test_dump (made, TRUE);

    g_assert_cmpstr (copy, ==, then);
  }
  g_assert_false (sk_backup_is_due (folder));

  /* Work goes on after it. */
  later = g_object_new (SK_TYPE_CHILD, "name", "Came after the backup", NULL);
  g_assert_true (sk_store_insert (store, later, &error));
  g_assert_true (sk_store_flush (store, &error));

  /* Listed with what it holds. */
  backups = sk_backup_list (folder, sk_store_get_key (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  listed = backups->pdata[0];
  g_assert_cmpstr (listed->path, ==, made);
  g_assert_null (listed->problem);
  g_assert_nonnull (listed->made);
  {
    g_autofree char *children = sk_test_sql (made, "SELECT count(*) FROM children WHERE trashed = 0");
    g_autofree char *conversations = sk_test_sql (made, "SELECT count(*) FROM conversations WHERE trashed = 0");

    g_assert_cmpint (listed->children, ==, g_ascii_strtoll (children, NULL, 10));
    g_assert_cmpint (listed->conversations, ==, g_ascii_strtoll (conversations, NULL, 10));
    g_assert_cmpint (listed->children, >, 0);
    g_assert_cmpint (listed->conversations, >, 0);
  }

  /* Restored, with the program's file closed: the backup's rows, byte for
   * byte; what was there, kept aside. */
  g_clear_object (&later);
  {
    g_autoptr(SkKey) key = sk_key_ref (sk_store_get_key (store));

    g_clear_object (&store);
    aside = sk_backup_restore (path, made, key, &error);
    g_assert_no_error (error);
    g_assert_nonnull (aside);
    store = sk_store_open (path, key, &error);
    g_assert_no_error (error);
    g_assert_true (sk_store_was_checked (store));
  }
  g_clear_object (&store);
  {
    g_autofree char *now = sk_test_dump (path, TRUE);
    g_autofree char *kept = sk_test_sql (aside, "SELECT count(*) FROM children WHERE name = 'Came after the backup'");

    g_assert_cmpstr (now, ==, then);
    g_assert_cmpstr (kept, ==, "1");
  }
}

static void
test_keeps_fourteen (void)
{
  g_autofree char *path = sk_test_path ("kept.db");
  g_autofree char *folder = backup_folder ("backups-kept");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  for (guint i = 0; i < SK_BACKUP_KEEP + 3; i++)
    {
      char *one = sk_backup_write (path, sk_store_get_key (store), folder, &error);

      g_assert_no_error (error);
      g_ptr_array_add (made, one);
    }
  for (guint i = 0; i < made->len; i++)
    {
      g_autofree char *key = g_strconcat (made->pdata[i], ".key", NULL);

      g_assert_cmpint (g_file_test (made->pdata[i], G_FILE_TEST_EXISTS), ==, i >= 3);
      g_assert_cmpint (g_file_test (key, G_FILE_TEST_EXISTS), ==, i >= 3);
    }
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, SK_BACKUP_KEEP * 3);
}

static void
test_missing_folder (void)
{
  g_autofree char *path = sk_test_path ("no-folder.db");
  g_autofree char *folder = sk_test_path ("network-drive-not-connected");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autofree char *before = NULL;
  g_autofree char *made = NULL;
  g_autofree char *n = NULL;

  g_rmdir (folder);
  made = sk_backup_write (path, sk_store_get_key (store), folder, &error);
  g_assert_null (made);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "network-drive-not-connected"));
  g_assert_nonnull (strstr (error->message, "is not there"));
  g_assert_nonnull (strstr (error->message, "you can go on"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_null (sk_backup_list (folder, sk_store_get_key (store), &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (sk_backup_is_due (folder));

  child = g_object_new (SK_TYPE_CHILD, "name", "Still written", NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_true (sk_store_flush (store, &error));
  n = sk_test_sql (path, "SELECT count(*) FROM children");
  g_assert_cmpstr (n, ==, "1");
}

/* A backup folder that is full, on a small file system of the test's own. */
static void
test_full_folder (void)
{
  g_autofree char *path = sk_test_path ("full-backup.db");
  g_autofree char *mount_point = sk_test_path ("full-backup-drive");
  const char *writer_path = g_getenv ("SK_DURABILITY_WRITER");
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (writer_path);
  if (unshare == NULL)
    {
      g_test_skip ("no unshare: a small file system of the test's own cannot be made");
      return;
    }
  /* Bigger than the folder: the demo's children and many conversations. */
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) big = g_object_new (SK_TYPE_CHILD, "name", "Many words", NULL);
    g_autofree char *words = g_strnfill (4000, 'o');

    g_assert_true (sk_demo_fill (store, &error));
    g_assert_true (sk_store_insert (store, big, &error));
    for (guint i = 0; i < 100; i++)
      {
        g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, big, 1600000000 + i);

        g_object_set (conversation, "child-words", words, NULL);
      }
    g_assert_true (sk_store_flush (store, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir_with_parents (mount_point, 0700), ==, 0);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                            unshare, "--user", "--map-root-user", "--mount", "sh", "-c",
                            "mount -t tmpfs -o size=128k tmpfs \"$1\" || exit 77; "
                            "echo mounted; exec \"$3\" --backup \"$2\" \"$1\"",
                            "sh", mount_point, path, writer_path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (!g_str_has_prefix (out, "mounted\n"))
    {
      g_test_skip ("user and mount namespaces are not allowed here: no small file system to fill");
      return;
    }
  g_test_message ("%s", out);
  {
    g_autofree char *expected = g_strdup_printf ("mounted\nerror %d The backup folder “", SK_STORE_ERROR_FULL);

    g_assert_true (g_str_has_prefix (out, expected));
  }
  g_assert_nonnull (strstr (out, "is full, so no backup was made"));
  g_assert_nonnull (strstr (out, "\nwritten 1\n"));
}

static void
test_refused (void)
{
  g_autofree char *path = sk_test_path ("refuse.db");
  g_autofree char *folder = backup_folder ("backups-refused");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkKey) other = sk_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(SkChild) child = g_object_new (SK_TYPE_CHILD, "name", "Refused", NULL);
  g_autoptr(SkKey) key = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_true (sk_store_flush (store, &error));
  made = sk_backup_write (path, sk_store_get_key (store), folder, &error);
  g_assert_no_error (error);
  /* One cut short, one of another database's key. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
    damaged = g_build_filename (folder, "samtalekuffert-20200101-120000.db", NULL);
    g_assert_true (g_file_set_contents (damaged, contents, length - 4096 - 100, NULL));
  }
  foreign = sk_backup_write (path, other, folder, &error);
  g_assert_null (foreign);
  g_clear_error (&error);
  {
    g_autofree char *other_path = sk_test_path ("other.db");
    g_autoptr(SkStore) other_store = sk_store_open (other_path, other, &error);

    g_assert_no_error (error);
    foreign = sk_backup_write (other_path, other, folder, &error);
    g_assert_no_error (error);
  }

  backups = sk_backup_list (folder, sk_store_get_key (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  for (guint i = 0; i < backups->len; i++)
    {
      SkBackup *backup = backups->pdata[i];

      g_test_message ("%s: %s", backup->path, backup->problem != NULL ? backup->problem : "fine");
      if (g_str_equal (backup->path, made))
        g_assert_null (backup->problem);
      else
        g_assert_nonnull (backup->problem);
    }
  /* Newest first: the damaged one, from 2020, is last. */
  g_assert_cmpstr (((SkBackup *) backups->pdata[2])->path, ==, damaged);

  key = sk_key_ref (sk_store_get_key (store));
  g_clear_object (&child);
  g_clear_object (&store);
  before = sk_test_file_checksum (path);
  g_assert_null (sk_backup_restore (path, damaged, key, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_clear_error (&error);
  g_assert_null (sk_backup_restore (path, foreign, key, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    g_autofree char *after = sk_test_file_checksum (path);

    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/keeps-fourteen", test_keeps_fourteen);
  g_test_add_func ("/backup/missing-folder", test_missing_folder);
  g_test_add_func ("/backup/full-folder", test_full_folder);
  g_test_add_func ("/backup/refused", test_refused);
  return g_test_run ();
}
