/* test-store.c — the store: every operation, migrations, refusals, durability */
#include "sk-backup.h"
#include "sk-store.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-demo.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

/* A second, plain connection: what is really in the file. */
static sqlite3 *
raw_open (const char *path)
{
  return sk_test_db_open (path);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
raw_int_at (const char *path,
            const char *sql)
{
  g_autofree char *text = sk_test_sql (path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static SkChild *
add_child (SkStore    *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  SkChild *child = sk_child_new (name);

  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sk_record_get_id (SK_RECORD (child)), >, 0);
  return child;
}

static void
test_migrate_from_empty (void)
{
  g_autofree char *path = sk_test_path ("empty.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  sqlite3 *db = raw_open (path);
  g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");

  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, sk_store_schema_version ());
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name IN ('children', 'conversations')"), ==, 2);
  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (db);

  /* Opening again migrates nothing and keeps the version. */
  g_clear_object (&store);
  store = sk_test_open_store (path);
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, sk_store_schema_version ());
  sqlite3_close (db);
}

static void
test_file_modes (void)
{
  g_autofree char *path = sk_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkChild) child = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpstr (strrchr (dir, G_DIR_SEPARATOR) + 1, ==, "samtalekuffert");

  /* A folder made with a loose mode is tightened. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  store = sk_test_open_store (path);
  child = add_child (store, "Mode");

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (lock, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_child_operations (void)
{
  g_autofree char *path = sk_test_path ("children.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(SkChild) bo = add_child (store, "Bo");
  g_autoptr(SkChild) ada = add_child (store, "ada");
  g_autoptr(SkChild) emoji = add_child (store, "Zoë 🦊 «ÆØÅ» \"'; DROP TABLE children;--");
  g_autoptr(SkChild) loaded = NULL;
  g_autofree char *long_name = NULL;
  gint64 ada_id = sk_record_get_id (SK_RECORD (ada));
  sqlite3 *db;

  /* Listed by name, whatever the case. */
  list = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  {
    g_autoptr(SkChild) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SkChild) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_true (first == ada);   /* the same live object */
    g_assert_true (last == emoji);
  }
  g_clear_object (&list);

  /* A choice (the birth year) is written at once, no main loop needed. */
  g_object_set (ada, "birth-year", 2016, NULL);
  g_assert_false (sk_store_has_pending (store));
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT birth_year FROM children WHERE name = 'ada'"), ==, 2016);

  /* Typed text is pending until the flush. */
  long_name = g_strnfill (10000, 'x');
  g_object_set (ada, "case-ref", "27.12.04-G01-123-26", "language", long_name, NULL);
  g_assert_true (sk_store_has_pending (store));
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *ref = raw_text (db, "SELECT case_ref FROM children WHERE name = 'ada'");
    g_autofree char *language = raw_text (db, "SELECT language FROM children WHERE name = 'ada'");

    g_assert_cmpstr (ref, ==, "27.12.04-G01-123-26");
    g_assert_cmpstr (language, ==, long_name);
  }

  /* Trash hides, restore brings back, delete is final. */
  g_assert_true (sk_store_trash (store, bo, &error));
  list = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_clear_object (&list);
  g_assert_true (sk_store_restore (store, bo, &error));
  list = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_clear_object (&list);
  g_assert_true (sk_store_delete (store, bo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM children WHERE name = 'Bo'"), ==, 0);
  sqlite3_close (db);

  /* Everything is there after reopening, odd characters intact. */
  g_clear_object (&ada);
  g_clear_object (&store);
  store = sk_test_open_store (path);
  loaded = sk_store_load (store, SK_TYPE_CHILD, ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sk_child_get_name (loaded), ==, "ada");
  g_assert_cmpint (sk_child_get_birth_year (loaded), ==, 2016);
  g_assert_cmpstr (sk_child_get_case_ref (loaded), ==, "27.12.04-G01-123-26");
  g_assert_cmpstr (sk_child_get_language (loaded), ==, long_name);
  g_clear_object (&loaded);
  loaded = sk_store_load (store, SK_TYPE_CHILD, sk_record_get_id (SK_RECORD (emoji)), &error);
  g_assert_cmpstr (sk_child_get_name (loaded), ==, "Zoë 🦊 «ÆØÅ» \"'; DROP TABLE children;--");

  /* Unknown ids are an error, not a crash. */
  g_assert_null (sk_store_load (store, SK_TYPE_CHILD, 999999, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND);
}

static void
test_child_search (void)
{
  g_autoptr(SkChild) child = sk_child_new ("Åse Østergård");
  g_autofree char *needle = sk_child_fold_text ("østerg");
  g_autofree char *upper = sk_child_fold_text ("ÅSE");
  g_autofree char *ref = sk_child_fold_text ("g01-7");
  g_autofree char *other = sk_child_fold_text ("bo");

  g_object_set (child, "case-ref", "27.12.04-G01-77", NULL);
  g_assert_true (sk_child_matches (child, needle));
  g_assert_true (sk_child_matches (child, upper));
  g_assert_true (sk_child_matches (child, ref));
  g_assert_true (sk_child_matches (child, ""));
  g_assert_false (sk_child_matches (child, other));
}

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
run_loop_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* What is typed into @field: more than one line where the field has
 * lines (place, participants and purpose are one line each). */
static char *
text_value (const char *field)
{
  static const char * const single_line[] = { "place", "participants", "purpose", NULL };

  if (g_strv_contains (single_line, field))
    return g_strdup_printf ("%s: æøå ÆØÅ 👍 «one line»", field);
  return g_strdup_printf ("%s: æøå ÆØÅ 👍\nline two", field);
}

static void
test_conversation_operations (void)
{
  g_autofree char *path = sk_test_path ("conversations.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = add_child (store, "Liv");
  g_autoptr(SkChild) other = add_child (store, "Noah");
  gint64 child_id = sk_record_get_id (SK_RECORD (child));
  g_autoptr(SkConversation) old = sk_conversation_new (child_id, 1600000000);
  g_autoptr(SkConversation) recent = sk_conversation_new (child_id, 1700000000);
  g_autoptr(SkConversation) others = sk_conversation_new (sk_record_get_id (SK_RECORD (other)), 1650000000);
  g_autoptr(GListStore) list = NULL;
  static const char *texts[] = { "place", "participants", "purpose", "child-words",
                                 "agreements", "next-steps", "private-notes" };
  sqlite3 *db;

  g_assert_true (sk_store_insert (store, old, &error));
  g_assert_true (sk_store_insert (store, recent, &error));
  g_assert_true (sk_store_insert (store, others, &error));
  g_assert_no_error (error);

  /* Newest first, only this child's. */
  list = sk_store_list (store, SK_TYPE_CONVERSATION, "child_id", child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(SkConversation) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (first == recent);
  }
  g_clear_object (&list);

  /* Typing reaches the file within half a second, without a flush call. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *value = text_value (texts[i]);

      g_object_set (recent, texts[i], value, NULL);
    }
  run_loop_for (SK_STORE_TEXT_DELAY_MS + 150);
  g_assert_false (sk_store_has_pending (store));
  db = raw_open (path);
  {
    g_autofree char *words = raw_text (db, "SELECT child_words FROM conversations WHERE started_at = 1700000000");
    g_autofree char *notes = raw_text (db, "SELECT private_notes FROM conversations WHERE started_at = 1700000000");

    g_assert_cmpstr (words, ==, "child-words: æøå ÆØÅ 👍\nline two");
    g_assert_cmpstr (notes, ==, "private-notes: æøå ÆØÅ 👍\nline two");
  }

  /* The date is a choice: written at once. */
  g_object_set (old, "started-at", (gint64) 1500000000, NULL);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM conversations WHERE started_at = 1500000000"), ==, 1);

  /* Reopened, every field is back. */
  g_clear_object (&list);
  g_clear_object (&store);
  g_clear_object (&recent);
  store = sk_test_open_store (path);
  list = sk_store_list (store, SK_TYPE_CONVERSATION, "child_id", child_id, &error);
  {
    g_autoptr(SkConversation) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *value = text_value (texts[i]);

        g_assert_cmpstr (sk_conversation_get_text (first, texts[i]), ==, value);
      }
  }
  g_clear_object (&list);

  /* Deleting a child deletes their conversations. */
  g_assert_true (sk_store_delete (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM conversations"), ==, 1);
  sqlite3_close (db);
}

static void
test_trash_purged_on_open (void)
{
  g_autofree char *path = sk_test_path ("trash.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = add_child (store, "Gone");
  g_autoptr(SkConversation) conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1);
  sqlite3 *db;

  g_assert_true (sk_store_insert (store, conversation, &error));
  g_assert_true (sk_store_trash (store, child, &error));
  g_assert_no_error (error);
  /* The program ends before the undo time is over. */
  g_clear_object (&conversation);
  g_clear_object (&child);
  g_clear_object (&store);

  store = sk_test_open_store (path);
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM children"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM conversations"), ==, 0);
  sqlite3_close (db);
}

static void
test_newer_version_refused (void)
{
  g_autofree char *path = sk_test_path ("newer.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = NULL;
  sqlite3 *db = raw_open (path);

  raw_exec (db, "CREATE TABLE children (id INTEGER PRIMARY KEY, name TEXT, future TEXT);"
                "INSERT INTO children (name, future) VALUES ('Kim', 'from the future');"
                "PRAGMA user_version = 99;");
  sqlite3_close (db);
  before = sk_test_file_checksum (path);

  store = sk_test_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = sk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
assert_damaged_kept (const char *path)
{
  g_autofree char *before = sk_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkChild) child = NULL;

  store = sk_test_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  after = sk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* Starting anew keeps the damaged file under a new name. */
  aside = sk_store_set_aside (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (aside, ".damaged-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  aside_sum = sk_test_file_checksum (aside);
  g_assert_cmpstr (aside_sum, ==, before);

  store = sk_test_open_store (path);
  child = add_child (store, "Fresh start");
}

static void
test_damaged_not_a_database (void)
{
  g_autofree char *path = sk_test_path ("text.db");

  g_assert_true (g_file_set_contents (path, "These are somebody's notes, not a database.\n", -1, NULL));
  assert_damaged_kept (path);
}

static char *
make_filled_database (const char *name)
{
  char *path = sk_test_path (name);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *child_name = g_strdup_printf ("Child number %d with a longer name", i);
      g_autoptr(SkChild) child = add_child (store, child_name);
      g_autoptr(SkConversation) conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), i);

      g_object_set (conversation, "child-words", "Words words words words words words words words", NULL);
      g_assert_true (sk_store_insert (store, conversation, &error));
    }
  g_assert_true (sk_store_flush (store, &error));
  g_clear_object (&store);
  {
    /* Move everything into the main file, as after a normal close. */
    sqlite3 *db = raw_open (path);

    raw_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    sqlite3_close (db);
  }
  return path;
}

static void
test_damaged_truncated (void)
{
  g_autofree char *path = make_filled_database ("truncated.db");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Cut off the second half, as a copy interrupted half way would. */
  g_assert_true (g_file_set_contents (path, contents, length / 2 + 100, NULL));
  assert_damaged_kept (path);
}

static void
test_damaged_integrity (void)
{
  g_autofree char *path = make_filled_database ("scribbled.db");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Scribble over the page headers of the third and fourth pages: the
   * header is fine, the b-tree is not. */
  for (gsize page = 2; page < 4; page++)
    memset (contents + page * 4096, 0x5a, 64);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_damaged_kept (path);
}

/* The check of a big file is spared when it is exactly as a clean close
 * left it; a stamp says so, and is gone while the file is open. */
static void
test_check_spared_after_clean_close (void)
{
  g_autofree char *path = sk_test_path ("stamped.db");
  g_autofree char *stamp = g_strconcat (path, ".checked", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);

    g_object_unref (add_child (store, "First"));
  }
  {
    /* The helper's own database was changed by another program after
     * its close (the journal mode): that one is checked. */
    g_autofree char *other = make_filled_database ("restamped.db");
    g_autoptr(SkStore) store = sk_test_store_open (other, &error);

    g_assert_no_error (error);
    g_assert_true (sk_store_was_checked (store));
  }
  g_assert_cmpint (g_stat (stamp, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (sk_store_was_checked (store));
    /* A kill or a pulled plug now leaves no stamp behind. */
    g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
    g_object_unref (add_child (store, "Stamped"));
  }
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_false (sk_store_was_checked (store));
  }
}

/* Anything else that touches the file, even in place and to the same
 * size, brings the check back — and a damaged file is refused. */
static void
test_check_after_change_in_place (void)
{
  g_autofree char *path = make_filled_database ("touched.db");
  g_autofree char *stamp = g_strconcat (path, ".checked", NULL);
  FILE *file;

  /* Stamped anew by a clean close of its own. */
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
  }
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_usleep (20000);   /* a later modification time, even on coarse clocks */
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  for (long page = 2; page < 4; page++)
    {
      char scribble[64];

      memset (scribble, 0x5a, sizeof scribble);
      g_assert_cmpint (fseek (file, page * 4096, SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (scribble, 1, sizeof scribble, file), ==, sizeof scribble);
    }
  g_assert_cmpint (fclose (file), ==, 0);
  assert_damaged_kept (path);
}

static void
test_unwritable_folder (void)
{
  g_autofree char *file = sk_test_path ("not-a-folder");
  g_autofree char *path = g_build_filename (file, "sub", "samtalekuffert.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = NULL;

  g_assert_true (g_file_set_contents (file, "a file where a folder should be", -1, NULL));
  store = sk_test_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "sub"));
}

static void
write_failed_cb (SkStore *store,
                 GError  *error,
                 gpointer user_data)
{
  GError **out = user_data;

  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
count_cb (SkStore *store,
          gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_write_failure_keeps_changes (void)
{
  g_autofree char *path = sk_test_path ("locked.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = add_child (store, "Locked");
  g_autoptr(SkChild) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reported = NULL;
  guint recovered = 0;
  sqlite3 *db = raw_open (path);

  g_signal_connect (store, "write-failed", G_CALLBACK (write_failed_cb), &reported);
  g_signal_connect (store, "write-recovered", G_CALLBACK (count_cb), &recovered);

  /* Writing that works says nothing. */
  g_object_set (child, "birth-year", 2013, NULL);
  g_assert_cmpuint (recovered, ==, 0);

  /* Another program holds the file: the write fails and is reported. */
  raw_exec (db, "PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE;");
  g_object_set (child, "birth-year", 2014, NULL);
  g_assert_nonnull (reported);
  g_assert_true (sk_store_has_pending (store));
  g_assert_cmpuint (recovered, ==, 0);

  /* The change is kept and goes in once the file is free, and the store
   * says that writing works again (the red bar goes), once. */
  raw_exec (db, "COMMIT");
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (sk_store_has_pending (store));
  g_assert_cmpint (raw_int (db, "SELECT birth_year FROM children WHERE name = 'Locked'"), ==, 2014);
  g_assert_cmpuint (recovered, ==, 1);
  g_object_set (child, "birth-year", 2015, NULL);
  g_assert_cmpuint (recovered, ==, 1);

  /* Typed text that fails, then goes in by itself a moment later. */
  g_clear_error (&reported);
  raw_exec (db, "BEGIN EXCLUSIVE;");
  g_object_set (child, "case-ref", "typed while locked", NULL);
  run_loop_for (SK_STORE_TEXT_DELAY_MS + 100);
  g_assert_nonnull (reported);
  raw_exec (db, "COMMIT");
  g_object_set (child, "case-ref", "typed once free", NULL);
  run_loop_for (SK_STORE_TEXT_DELAY_MS + 100);
  g_assert_false (sk_store_has_pending (store));
  g_assert_cmpuint (recovered, ==, 2);

  /* A failed insert (returned to the caller, not signalled) is mended by
   * the next write that works. */
  raw_exec (db, "BEGIN EXCLUSIVE;");
  other = sk_child_new ("Not yet");
  g_assert_false (sk_store_insert (store, other, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_FAILED);
  g_clear_error (&error);
  raw_exec (db, "COMMIT");
  g_assert_true (sk_store_insert (store, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recovered, ==, 3);
  sqlite3_close (db);
}

static void
test_invalid_utf8_read (void)
{
  g_autofree char *path = sk_test_path ("bytes.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(SkChild) child = NULL;
  sqlite3 *db = raw_open (path);

  raw_exec (db, "INSERT INTO children (name) VALUES (CAST(x'41ff42' AS TEXT))");
  sqlite3_close (db);

  list = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_no_error (error);
  child = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (g_utf8_validate (sk_child_get_name (child), -1, NULL));
  g_assert_true (g_str_has_prefix (sk_child_get_name (child), "A"));
}

static void
test_demo (void)
{
  g_autofree char *path = sk_test_path ("demo.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(GListStore) conversations = NULL;
  g_autoptr(SkChild) child = NULL;

  g_assert_true (sk_demo_fill (store, &error));
  g_assert_no_error (error);
  children = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 1);
  child = g_list_model_get_item (G_LIST_MODEL (children), 0);
  conversations = sk_store_list (store, SK_TYPE_CONVERSATION, "child_id",
                                 sk_record_get_id (SK_RECORD (child)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (conversations)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SkConversation) conversation = g_list_model_get_item (G_LIST_MODEL (conversations), i);

      g_assert_cmpstr (sk_conversation_get_text (conversation, "child-words"), !=, "");
      g_assert_cmpstr (sk_conversation_get_text (conversation, "private-notes"), !=, "");
    }
}

/* The descriptors process @pid has open on @path (resolved) and on its
 * -wal, and how many of its descriptors point to deleted files. */
static void
count_descriptors (const char *pid,
                   const char *path,
                   guint      *n_db,
                   guint      *n_wal,
                   guint      *n_deleted)
{
  g_autofree char *fd_dir = g_build_filename ("/proc", pid, "fd", NULL);
  g_autofree char *resolved = sk_store_resolve_path (path);
  g_autofree char *wal = g_strconcat (resolved, "-wal", NULL);
  g_autoptr(GDir) dir = g_dir_open (fd_dir, 0, NULL);
  const char *entry;

  *n_db = *n_wal = *n_deleted = 0;
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (fd_dir, entry, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (target == NULL)
        continue;
      *n_db += g_str_equal (target, resolved);
      *n_wal += g_str_equal (target, wal);
      *n_deleted += g_str_has_suffix (target, " (deleted)");
    }
}

/* Durability: a writer process is killed with SIGKILL in the middle of its
 * work.  Every insert it reported must be in the file, and so must all
 * typing older than half a second.  With @link the writer opens the file
 * a second time through a symbolic link, and a plain SQLite reader opens
 * and closes it through the link, before it types. */
static void
run_durability (const char *name,
                gboolean    through_link)
{
  g_autofree char *path = sk_test_path (name);
  g_autofree char *link = g_strconcat (path, "-link.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GArray) typed_at = g_array_new (FALSE, TRUE, sizeof (gint64));
  const char *writer_path = g_getenv ("SK_DURABILITY_WRITER");
  guint children_reported = 0;
  gint64 conversation_id = 0;
  gint64 killed_at;
  guint must_have = 0;
  guint found;
  int same = -1;
  sqlite3 *db;

  g_assert_nonnull (writer_path);
  if (through_link)
    {
      g_autofree char *base = g_path_get_basename (path);

      /* A relative link, as `ln -s` makes them. */
      g_assert_cmpint (symlink (base, link), ==, 0);
      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer_path, path, link, NULL);
    }
  else
    writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer_path, path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

  g_array_set_size (typed_at, 1);
  while (typed_at->len < 150)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      guint n;
      gint64 when;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (sscanf (line, "typed %u %" G_GINT64_FORMAT, &n, &when) == 2)
        {
          g_assert_cmpuint (n, ==, typed_at->len);
          g_array_append_val (typed_at, when);
        }
      else if (sscanf (line, "child %u", &n) == 1)
        children_reported = n;
      else if (sscanf (line, "same %d", &same) == 1)
        ;
      else if (sscanf (line, "ready %" G_GINT64_FORMAT, &conversation_id) != 1)
        g_assert_not_reached ();
    }

  /* One file, one connection: the second name gave the same store, and no
   * -wal was deleted under the writer's feet by the reader. */
  if (through_link)
    g_assert_cmpint (same, ==, 1);
  if (g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      guint n_db, n_wal, n_deleted;

      count_descriptors (g_subprocess_get_identifier (writer), path, &n_db, &n_wal, &n_deleted);
      g_test_message ("the writer has %u descriptor(s) on the file, %u on its -wal, %u on deleted files",
                      n_db, n_wal, n_deleted);
      /* The reader's descriptor may stay open: SQLite parks it rather than
       * drop the locks of the store's connection by closing it. */
      g_assert_cmpuint (n_db, >=, 1);
      g_assert_cmpuint (n_db, <=, through_link ? 2 : 1);
      g_assert_cmpuint (n_wal, ==, 1);
      g_assert_cmpuint (n_deleted, ==, 0);
    }

  killed_at = g_get_monotonic_time ();
  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (writer));

  for (guint n = 1; n < typed_at->len; n++)
    if (g_array_index (typed_at, gint64, n) <= killed_at - G_USEC_PER_SEC / 2)
      must_have = n;
  g_assert_cmpuint (must_have, >, 0);
  g_assert_cmpuint (children_reported, >, 0);
  g_test_message ("killed after %u edits and %u children; edit %u is older than 0.5 s",
                  typed_at->len - 1, children_reported, must_have);

  /* The store reopens the file cleanly and finds everything. */
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, conversation_id, &error);
    g_autoptr(GListStore) children = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sscanf (sk_conversation_get_text (conversation, "child-words"), "edit %u", &found), ==, 1);
    g_test_message ("edit %u is in the file", found);
    g_assert_cmpuint (found, >=, must_have);
    /* the typist plus every child reported */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), >=, children_reported + 1);
  }
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM children"), >=, children_reported + 1);
  {
    g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
  sqlite3_close (db);
}

static void
test_durability_after_kill (void)
{
  run_durability ("killed.db", FALSE);
}

static void
test_durability_through_link (void)
{
  run_durability ("linked.db", TRUE);
}

/* In one process a file is one store, under whatever name it is opened:
 * a link to it, a link to its folder, a path with "..". */
static void
test_one_file_one_store (void)
{
  g_autofree char *path = sk_test_path ("one.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *file_link = sk_test_path ("one-link.db");
  g_autofree char *dir_link = g_build_filename (dir, "..", "tests-link", NULL);
  g_autofree char *through_dir = g_build_filename (dir_link, "one.db", NULL);
  g_autofree char *dotted = g_build_filename (dir, "..", "tests", ".", "one.db", NULL);
  g_autofree char *new_link = sk_test_path ("new-link.db");
  g_autofree char *new_target = sk_test_path ("new-target.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = add_child (store, "Through a link");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (path, file_link), ==, 0);
  g_assert_cmpint (symlink (dir, dir_link), ==, 0);

  {
    const char *names[] = { file_link, through_dir, dotted };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(SkStore) again = sk_test_store_open (names[i], &error);
        g_autoptr(SkChild) loaded = NULL;

        g_assert_no_error (error);
        g_assert_true (again == store);
        g_assert_cmpstr (sk_store_get_path (again), ==, sk_store_get_path (store));
        loaded = sk_store_load (again, SK_TYPE_CHILD, sk_record_get_id (SK_RECORD (child)), &error);
        g_assert_true (loaded == child);
      }
  }
  {
    g_autofree char *resolved = sk_store_resolve_path (file_link);

    g_assert_cmpstr (resolved, ==, sk_store_get_path (store));
  }

  /* Once closed, the file opens anew. */
  g_clear_object (&child);
  g_clear_object (&store);
  store = sk_test_open_store (file_link);
  g_clear_object (&store);

  /* A link to a file not made yet makes the file, and the link stays. */
  g_assert_cmpint (symlink (new_target, new_link), ==, 0);
  store = sk_test_open_store (new_link);
  g_assert_true (g_file_test (new_link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (new_target, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (sk_store_get_path (store), ==, new_target);
}

/* A second process is refused the file while the first has it open, with
 * a message that says so; the first one's writing goes on, whole; once
 * the first has closed the file, the second may open it. */
static void
test_second_process_refused (void)
{
  g_autofree char *path = sk_test_path ("two.db");
  g_autofree char *link = sk_test_path ("two-link.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  const char *writer_path = g_getenv ("SK_DURABILITY_WRITER");
  g_autoptr(SkStore) store = NULL;
  g_autofree char *last = NULL;
  guint typed = 0;
  guint n;
  gint64 conversation_id = 0;
  gint64 start;

  g_assert_nonnull (writer_path);
  g_assert_cmpint (symlink (path, link), ==, 0);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                             writer_path, "--until-eof", path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  while (typed < 20)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (sscanf (line, "typed %u", &n) == 1)
        typed = n;
      else
        sscanf (line, "ready %" G_GINT64_FORMAT, &conversation_id);
    }

  /* Under its own name and through a link: refused, with the reason. */
  {
    const char *names[] = { path, link };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        start = g_get_monotonic_time ();
        store = sk_test_store_open (names[i], &error);
        g_assert_null (store);
        g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IN_USE);
        g_assert_nonnull (strstr (error->message, "already open in another window of Samtalekuffert"));
        g_assert_nonnull (strstr (error->message, "two.db"));
        g_test_message ("refused in %.1f ms: %s", (g_get_monotonic_time () - start) / 1000.0, error->message);
        g_clear_error (&error);
      }
  }
  /* The refusal leaves nothing behind but the lock file. */
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (folder)) != NULL)
      if (g_str_has_prefix (entry, "two."))
        g_assert_true (g_str_equal (entry, "two.db") || g_str_equal (entry, "two.db-wal") ||
                       g_str_equal (entry, "two.db-shm") || g_str_equal (entry, "two.db.lock") ||
                       /* the first process's key files (sk_test_store_open()) */
                       g_str_equal (entry, "two.db.key") || g_str_equal (entry, "two.db.recovery"));
  }

  /* The first process goes on typing, then closes the file. */
  while (typed < 60)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      sscanf (line, "typed %u", &typed);
    }
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (writer), NULL, &error));
  g_assert_no_error (error);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_equal (line, "closed"))
        break;
      sscanf (line, "typed %u", &typed);
    }
  g_subprocess_wait_check (writer, NULL, &error);
  g_assert_no_error (error);

  /* Now it is ours, with every edit of the first process in it. */
  store = sk_test_open_store (path);
  {
    g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, conversation_id, &error);
    g_autofree char *expected = g_strdup_printf ("edit %u", typed);

    g_assert_no_error (error);
    g_assert_cmpstr (sk_conversation_get_text (conversation, "child-words"), ==, expected);
  }
  g_clear_object (&store);

  /* A process killed with the file open leaves no lock behind. */
  g_clear_object (&writer);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer_path, path, NULL);
  g_assert_no_error (error);
  g_clear_object (&lines);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  last = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (last, "ready"));
  g_assert_null (sk_test_store_open (path, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  store = sk_test_open_store (path);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

/* After the final delete, while the program still runs, the child's name
 * and words are neither in the file nor in its -wal. */
static void
test_final_delete_leaves_nothing (void)
{
  static const char name[] = "Quorvendilla Brisk";
  static const char words[] = "Xanthoprakker said the bus is late";
  g_autofree char *path = sk_test_path ("wiped.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) other = add_child (store, "Stays here");
  g_autoptr(SkChild) child = add_child (store, name);
  g_autoptr(SkConversation) conversation = sk_test_add_conversation (store, child, 1700000000);
  g_autofree char *long_words = NULL;
  g_autoptr(GError) error = NULL;
  GString *typing = g_string_new (NULL);
  gsize wal_before;
  gint64 started;

  /* Typed as a person types: many versions of the text, in many frames,
   * and long enough to need overflow pages. */
  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (typing, "%s %u. ", words, i);
      g_object_set (conversation, "child-words", typing->str, NULL);
      g_assert_true (sk_store_flush (store, &error));
    }
  long_words = g_strnfill (9000, 'w');
  g_object_set (conversation, "private-notes", long_words, "place", name, NULL);
  g_object_set (child, "case-ref", "Xanthoprakker", NULL);
  g_assert_true (sk_store_flush (store, &error));
  g_string_free (typing, TRUE);
  g_assert_no_error (error);

  /* Encrypted: never on the disk as text.  Read through the key, page
   * by page, the -wal has them, many times over. */
  g_assert_true (file_size (wal) > 0);
  g_assert_false (file_contains (wal, name));
  g_assert_false (file_contains (wal, "Xanthoprakker"));
  g_assert_false (file_contains (path, name));
  g_assert_true (sk_test_decrypted_contains (wal, sk_test_key (), name));
  g_assert_true (sk_test_decrypted_contains (wal, sk_test_key (), "Xanthoprakker"));

  /* Into the trash (Undo is possible), then, the time over, for good. */
  g_assert_true (sk_store_trash (store, child, &error));
  wal_before = file_size (wal);
  started = g_get_monotonic_time ();
  g_assert_true (sk_store_delete (store, child, &error));
  g_assert_no_error (error);

  g_test_message ("the final delete with the -wal emptied (%" G_GSIZE_FORMAT " bytes) took %.1f ms; "
                  "after it the file has %" G_GSIZE_FORMAT " bytes, its -wal %" G_GSIZE_FORMAT,
                  wal_before, (g_get_monotonic_time () - started) / 1000.0, file_size (path), file_size (wal));
  g_assert_false (file_contains (path, name));
  g_assert_false (file_contains (path, "Xanthoprakker"));
  g_assert_false (file_contains (wal, name));
  g_assert_false (file_contains (wal, "Xanthoprakker"));
  g_assert_cmpuint (file_size (wal), ==, 0);
  /* Not even with the key: every page of the file, decrypted. */
  g_assert_false (sk_test_decrypted_contains (path, sk_test_key (), name));
  g_assert_false (sk_test_decrypted_contains (path, sk_test_key (), "Xanthoprakker"));
  g_assert_true (sk_test_decrypted_contains (path, sk_test_key (), "Stays here"));
  /* The long notes' overflow pages, now free pages, are wiped too, and
   * given back: the file is smaller than its -wal was. */
  {
    g_autofree char *run = g_strnfill (200, 'w');

    g_assert_false (sk_test_decrypted_contains (path, sk_test_key (), run));
    g_assert_cmpstr (sk_test_sql (path, "PRAGMA auto_vacuum"), ==, "2");
    g_assert_cmpstr (sk_test_sql (path, "PRAGMA freelist_count"), ==, "0");
  }

  /* Nor in a backup made after it. */
  {
    g_autofree char *folder = sk_test_path ("wiped-backups");
    g_autofree char *made = NULL;

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    made = sk_backup_write (path, sk_test_key (), folder, &error);
    g_assert_no_error (error);
    g_assert_false (file_contains (made, name));
    g_assert_false (sk_test_decrypted_contains (made, sk_test_key (), name));
    g_assert_false (sk_test_decrypted_contains (made, sk_test_key (), "Xanthoprakker"));
    g_assert_true (sk_test_decrypted_contains (made, sk_test_key (), "Stays here"));
  }

  /* Writing goes on as before; the other child is all there is. */
  g_object_set (other, "birth-year", 2015, NULL);
  g_assert_cmpint (raw_int_at (path, "SELECT count(*) FROM children"), ==, 1);
  g_assert_false (file_contains (wal, name));
  g_assert_false (file_contains (path, name));
}

/* A child trashed when the program ended is deleted at the next start:
 * from the -wal too. */
static void
test_purge_leaves_nothing (void)
{
  static const char name[] = "Pellimorwen Stoke";
  g_autofree char *path = sk_test_path ("purged.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = add_child (store, name);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (sk_store_trash (store, child, &error));
  g_assert_no_error (error);
  /* The program ends before the undo time is over; another connection
   * keeps the -wal from being emptied into the file at the close. */
  db = raw_open (path);
  raw_exec (db, "SELECT count(*) FROM children");
  g_clear_object (&child);
  g_clear_object (&store);
  g_assert_true (file_size (wal) > 0);
  g_assert_false (file_contains (wal, name));
  g_assert_true (sk_test_decrypted_contains (wal, sk_test_key (), name));

  store = sk_test_open_store (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM children"), ==, 0);
  g_assert_false (file_contains (path, name));
  g_assert_false (file_contains (wal, name));
  g_assert_false (sk_test_decrypted_contains (path, sk_test_key (), name));
  g_assert_false (sk_test_decrypted_contains (wal, sk_test_key (), name));
  sqlite3_close (db);
}

static void
test_full_disk_at_start (void)
{
  g_autofree char *seed = sk_test_path ("seed.db");
  g_autofree char *mount_point = sk_test_path ("full-disk");
  const char *writer_path = g_getenv ("SK_DURABILITY_WRITER");
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  int code = -1;
  int offset = 0;

  g_assert_nonnull (writer_path);
  if (unshare == NULL)
    {
      g_test_skip ("no unshare: a small file system of the test's own cannot be made");
      return;
    }

  /* A database as a clean close leaves it: WAL mode, no -wal, no -shm. */
  {
    g_autoptr(SkStore) store = sk_test_open_store (seed);
    g_autoptr(SkChild) child_record = add_child (store, "Full");
  }
  g_assert_cmpint (g_mkdir_with_parents (mount_point, 0700), ==, 0);

  /* In a mount namespace of its own (no root needed where user
   * namespaces are allowed): a 256 KiB file system, the database on it,
   * the rest filled — then the program starts. */
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                            unshare, "--user", "--map-root-user", "--mount", "sh", "-c",
                            "mount -t tmpfs -o size=256k tmpfs \"$1\" || exit 77; "
                            "echo mounted; cp \"$2\" \"$1/x.db\" || exit 1; "
                            "dd if=/dev/zero of=\"$1/filler\" bs=1k 2>/dev/null; "
                            "exec \"$3\" --open \"$1/x.db\"",
                            "sh", mount_point, seed, writer_path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (!g_str_has_prefix (out, "mounted\n"))
    {
      g_test_skip ("user and mount namespaces are not allowed here: no small file system to fill");
      return;
    }
  g_test_message ("%s", out);
  g_assert_cmpint (sscanf (out, "mounted\nerror %d %n", &code, &offset), ==, 1);
  g_assert_cmpint (code, ==, SK_STORE_ERROR_FULL);
  g_assert_true (g_str_has_prefix (out + offset, "The disk is full, so “"));
  g_assert_null (strstr (out, "disk I/O error"));
}
int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/file-modes", test_file_modes);
  g_test_add_func ("/store/child/operations", test_child_operations);
  g_test_add_func ("/store/child/search", test_child_search);
  g_test_add_func ("/store/conversation/operations", test_conversation_operations);
  g_test_add_func ("/store/trash-purged-on-open", test_trash_purged_on_open);
  g_test_add_func ("/store/refuse/newer-version", test_newer_version_refused);
  g_test_add_func ("/store/refuse/not-a-database", test_damaged_not_a_database);
  g_test_add_func ("/store/refuse/truncated", test_damaged_truncated);
  g_test_add_func ("/store/refuse/integrity", test_damaged_integrity);
  g_test_add_func ("/store/refuse/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/store/check/spared-after-clean-close", test_check_spared_after_clean_close);
  g_test_add_func ("/store/check/after-change-in-place", test_check_after_change_in_place);
  g_test_add_func ("/store/write-failure-keeps-changes", test_write_failure_keeps_changes);
  g_test_add_func ("/store/invalid-utf8", test_invalid_utf8_read);
  g_test_add_func ("/store/demo", test_demo);
  g_test_add_func ("/store/durability-after-kill", test_durability_after_kill);
  g_test_add_func ("/store/durability-through-link", test_durability_through_link);
  g_test_add_func ("/store/one-file-one-store", test_one_file_one_store);
  g_test_add_func ("/store/refuse/second-process", test_second_process_refused);
  g_test_add_func ("/store/final-delete-leaves-nothing", test_final_delete_leaves_nothing);
  g_test_add_func ("/store/purge-leaves-nothing", test_purge_leaves_nothing);
  g_test_add_func ("/store/refuse/full-disk-at-start", test_full_disk_at_start);

  return g_test_run ();
}
