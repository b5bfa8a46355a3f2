/* test-handover.c — one child's record handed to a colleague: written with
 * a passphrase, received into another database with every record as it
 * was, never over a child who is there, refused with a wrong passphrase */
#include "sk-backup.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-demo.h"
#include "sk-handover.h"
#include "sk-test-util.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#define PASSPHRASE "til kollegaen i Nord, mandag"


/* The handover derives its keys itself: SQLCipher's rounds for the whole
 * process are never changed, whatever happened (SQLCipher 3: 64,000). */
static void
assert_default_rounds (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA cipher_default_kdf_iter", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 64000);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_round_trip (void)
{
  g_autofree char *from = sk_test_path ("handing-over.db");
  g_autofree char *to = sk_test_path ("receiving.db");
  g_autofree char *file = sk_test_path ("Alma.samtalekuffert");
  g_autofree char *folder = sk_test_path ("handover-copies");
  g_autoptr(SkStore) source = sk_test_open_store (from);
  g_autoptr(SkStore) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(SkChild) alma = NULL;
  g_autoptr(SkChild) other = sk_child_new ("Bojesen Kvartsmølle");
  g_autoptr(SkConversation) elsewhere = NULL;
  g_autoptr(SkChild) received = NULL;
  g_autoptr(SkChild) again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *before_again = NULL;
  gboolean renamed = TRUE;
  GStatBuf st;

  g_assert_true (sk_demo_fill (source, &error));
  g_assert_no_error (error);
  children = sk_store_list (source, SK_TYPE_CHILD, NULL, 0, &error);
  alma = g_list_model_get_item (G_LIST_MODEL (children), 0);
  g_assert_true (sk_store_insert (source, other, &error));
  elsewhere = sk_test_add_conversation (source, other, 1765000000);
  g_object_set (elsewhere, "child-words", "Grusgraven bag skolen", NULL);
  g_assert_true (sk_store_flush (source, &error));

  /* What the colleague should get: the record with the other child gone. */
  {
    g_autofree char *copy = NULL;
    sqlite3 *db;

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    copy = sk_backup_write (from, sk_test_key (), folder, &error);
    g_assert_no_error (error);
    db = sk_test_db_open (copy);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM children WHERE name <> 'Alma'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    expected = sk_test_dump (copy, FALSE);
  }

  sk_handover_write (source, alma, file, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (file_contains (file, "Alma"));
  g_assert_false (file_contains (file, "football"));
  g_assert_false (file_contains (file, "SQLite format 3"));
  {
    g_autofree char *part = g_strconcat (file, ".part", NULL);

    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  /* The source is as it was. */
  g_assert_cmpstr (sk_test_sql (from, "SELECT count(*) FROM children"), ==, "2");

  /* Received into a colleague's database (its own key). */
  target = sk_test_open_store (to);
  received = sk_handover_receive (target, file, PASSPHRASE, &renamed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (received);
  g_assert_false (renamed);
  g_assert_cmpstr (sk_child_get_name (received), ==, "Alma");
  g_assert_true (sk_store_flush (target, &error));
  got = sk_test_dump (to, FALSE);
  g_assert_cmpstr (got, ==, expected);
  g_assert_null (strstr (got, "Grusgraven"));
  g_assert_null (strstr (got, "Bojesen"));
  /* Links between rows are the new rows' own. */
  g_assert_cmpstr (sk_test_sql (to, "SELECT count(*) FROM network_people p WHERE origin_id <> 0 AND NOT EXISTS "
                                    "(SELECT 1 FROM network_people o JOIN conversations c ON c.id = o.conversation_id "
                                    " WHERE o.id = p.origin_id AND c.child_id = (SELECT child_id FROM conversations "
                                    " WHERE id = p.conversation_id))"), ==, "0");

  /* Again: the one there stays as it is, the new one is kept apart. */
  before_again = sk_test_dump (to, FALSE);
  again = sk_handover_receive (target, file, PASSPHRASE, &renamed, &error);
  g_assert_no_error (error);
  g_assert_true (renamed);
  g_assert_true (g_str_has_prefix (sk_child_get_name (again), "Alma (received "));
  g_assert_cmpint (sk_record_get_id (SK_RECORD (again)), !=, sk_record_get_id (SK_RECORD (received)));
  g_assert_cmpstr (sk_test_sql (to, "SELECT count(*) FROM children"), ==, "2");
  g_assert_cmpstr (sk_test_sql (to, "SELECT count(*) FROM children WHERE name = 'Alma'"), ==, "1");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM conversations WHERE child_id = %" G_GINT64_FORMAT,
                                            sk_record_get_id (SK_RECORD (received)));
    g_autofree char *sql2 = g_strdup_printf ("SELECT count(*) FROM conversations WHERE child_id = %" G_GINT64_FORMAT,
                                             sk_record_get_id (SK_RECORD (again)));
    g_autofree char *first = sk_test_sql (to, sql);
    g_autofree char *second = sk_test_sql (to, sql2);

    g_assert_cmpstr (first, ==, second);
  }
  assert_default_rounds ();
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *from = sk_test_path ("hand-wrong.db");
  g_autofree char *to = sk_test_path ("receive-wrong.db");
  g_autofree char *file = sk_test_path ("wrong.samtalekuffert");
  g_autoptr(SkStore) source = sk_test_open_store (from);
  g_autoptr(SkStore) target = NULL;
  g_autoptr(SkChild) child = sk_child_new ("Ingrida Flintholm");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (sk_store_insert (source, child, &error));
  g_assert_true (sk_handover_write (source, child, file, PASSPHRASE, &error));
  g_assert_no_error (error);

  target = sk_test_open_store (to);
  before = sk_test_dump (to, FALSE);
  g_assert_null (sk_handover_receive (target, file, "til kollegaen i Nord, tirsdag", NULL, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "does not open with that passphrase"));
  g_clear_error (&error);
  /* Not a handover at all. */
  g_assert_null (sk_handover_receive (target, from, PASSPHRASE, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Cut short, within its first page, and cut to nothing. */
  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (file, &data, &length, NULL));
    for (gsize cut = 10; ; cut = 0)
      {
        g_assert_true (g_file_set_contents (file, data, cut, NULL));
        g_assert_null (sk_handover_receive (target, file, PASSPHRASE, NULL, &error));
        g_assert_nonnull (error);
        g_clear_error (&error);
        if (cut == 0)
          break;
      }
  }
  after = sk_test_dump (to, FALSE);
  g_assert_cmpstr (after, ==, before);
  assert_default_rounds ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/handover/round-trip", test_round_trip);
  g_test_add_func ("/handover/wrong-passphrase", test_wrong_passphrase);
  return g_test_run ();
}
