/* test-encryption.c — the database encrypted at rest, its key files, and
 * a plain file from before encrypted in place */
#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-util.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <openssl/evp.h>

/* Invented, and unlike anything else in a file. */
#define NAME "Vindelrunka Oftebæk"
#define WORDS "Kvaksalvertrompeten hjemme er for høj om natten"

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

/* What a person with the plain sqlite3 program sees of the file. */
static char *
plain_sqlite3 (const char *path,
               int        *status)
{
  const char *argv[] = { "sqlite3", path, "SELECT name FROM children", NULL };
  g_autofree char *out = NULL;
  char *err = NULL;
  int wait = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &wait, NULL));
  *status = WIFEXITED (wait) ? WEXITSTATUS (wait) : -1;
  g_assert_null (strstr (out, NAME));
  return err;
}

static void
add_child_with_words (SkStore *store)
{
  g_autoptr(SkChild) child = g_object_new (SK_TYPE_CHILD, "name", NAME, "case-ref", "Hylde-4471", NULL);
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1700000000);
  g_object_set (conversation, "child-words", WORDS, "place", NAME, NULL);
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
test_not_readable (void)
{
  g_autofree char *path = sk_test_path ("secret.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autofree char *err = NULL;
  g_autofree char *read = NULL;
  int status;

  add_child_with_words (store);
  /* Open, with the -wal written: the file and its log as they are. */
  g_assert_true (sk_store_file_is_encrypted (path));
  g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, TRUE);
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (wal, NAME));
  g_assert_false (file_contains (wal, "Kvaksalvertrompeten"));
  g_assert_false (file_contains (wal, "Hylde-4471"));
  g_assert_false (file_contains (path, "SQLite format 3"));

  err = plain_sqlite3 (path, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "not a database"));

  /* With the key, it is all there. */
  read = sk_test_sql (path, "SELECT child_words FROM conversations");
  g_assert_cmpstr (read, ==, WORDS);

  /* Closed: the file alone, the -wal gone into it. */
  g_clear_object (&store);
  g_assert_false (file_contains (path, NAME));
  g_assert_false (file_contains (path, "Kvaksalvertrompeten"));
}

/* What libcrypto's own PBKDF2-HMAC-SHA1 gives, as hex like sk_key_sql(). */
static char *
libcrypto_key_sql (const char   *secret,
                   const guint8 *salt,
                   gsize         salt_length,
                   guint         rounds)
{
  guint8 bytes[32];
  GString *sql = g_string_new ("x'");

  g_assert_cmpint (PKCS5_PBKDF2_HMAC_SHA1 (secret, (int) strlen (secret), salt, (int) salt_length, (int) rounds,
                                           sizeof bytes, bytes), ==, 1);
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (sql, "%02X", bytes[i]);
  g_string_append_c (sql, '\'');
  return g_string_free (sql, FALSE);
}

/* The key derivation done on two cores is PBKDF2-HMAC-SHA1 as SQLCipher 3
 * does it (libcrypto's), to the bit: RFC 6070's example, and passphrases
 * as caseworkers type them, for few and for all the rounds. */
static void
test_derive_is_sqlciphers (void)
{
  static const struct { const char *secret; guint rounds; } cases[] = {
    { "ein Satz zum Merken", 1 },
    { "ein Satz zum Merken", 2 },
    { "ein Satz zum Merken", 3 },
    { "æøå ÆØÅ – en sætning 🦊 med emoji", 1000 },
    { "", 7 },
    { "a bench at the window", SK_KEY_KDF_ITER },
  };
  guint8 salt[SK_KEY_SALT_BYTES];

  /* RFC 6070: P "password", S "salt", c 4096: the first 20 bytes. */
  {
    g_autoptr(SkKey) key = sk_key_derive ("password", (const guint8 *) "salt", 4, 4096);

    g_assert_true (g_str_has_prefix (sk_key_sql (key), "x'4B007901B765489ABEAD49D926F721D065A429C1"));
  }
  for (guint i = 0; i < sizeof salt; i++)
    salt[i] = (guint8) (i * 37 + 11);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SkKey) key = sk_key_derive (cases[i].secret, salt, sizeof salt, cases[i].rounds);
      g_autofree char *expected = libcrypto_key_sql (cases[i].secret, salt, sizeof salt, cases[i].rounds);

      g_assert_nonnull (key);
      g_assert_cmpstr (sk_key_sql (key), ==, expected);
    }
}

/* A key file SQLCipher makes from the passphrase itself (as every key file
 * before this derivation was made) opens; one made now opens with
 * SQLCipher's own derivation, with the same data key in it. */
static void
test_key_files_as_sqlcipher_makes_them (void)
{
  g_autofree char *path = sk_test_path ("sqlcipher-keyring.db");
  g_autofree char *key_path = g_strconcat (path, ".key", NULL);
  g_autofree char *kdf = g_strdup_printf ("PRAGMA kdf_iter = %d", SK_KEY_KDF_ITER);
  g_autoptr(SkKey) key = sk_key_new_random ();
  g_autoptr(GError) error = NULL;
  const char *passphrase = "en sætning fra før";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  SkKey *got;

  /* As SQLCipher makes it. */
  g_unlink (key_path);
  g_assert_cmpint (sqlite3_open (key_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_key (db, passphrase, (int) strlen (passphrase)), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, kdf, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE key (data BLOB NOT NULL)", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *insert = g_strdup_printf ("INSERT INTO key (data) VALUES (%s)", sk_key_sql (key));

    g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
  got = sk_keyring_unlock (path, passphrase, &error);
  g_assert_no_error (error);
  g_assert_true (sk_key_equal (got, key));
  sk_key_unref (got);
  g_assert_null (sk_keyring_unlock (path, "en anden sætning", &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* As the program makes it, read by SQLCipher. */
  g_assert_true (sk_keyring_save (path, key, "en ny sætning 🦊", &error));
  g_assert_no_error (error);
  db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (key_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_key (db, "en ny sætning 🦊", (int) strlen ("en ny sætning 🦊")), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, kdf, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM key", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    g_autoptr(SkKey) read = sk_key_new_from_bytes (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));

    g_assert_true (sk_key_equal (read, key));
  }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* A key file cut short of its salt, or empty, is damaged: not "the
   * wrong passphrase", which would have the right one typed again. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_file_set_contents (key_path, "SQLite", i == 0 ? 6 : 0, NULL));
      g_assert_null (sk_keyring_unlock (path, passphrase, &error));
      g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_clear_error (&error);
    }
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *path = sk_test_path ("passphrase.db");
  g_autofree char *key_path = g_strconcat (path, ".key", NULL);
  g_autofree char *recovery_path = g_strconcat (path, ".recovery", NULL);
  g_autoptr(SkKey) key = sk_key_new_random ();
  g_autoptr(SkKey) other = sk_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *db_before = NULL, *key_before = NULL, *recovery_before = NULL;
  g_autofree char *typed = NULL;
  SkKey *got;
  GStatBuf st;

  {
    g_autoptr(SkStore) store = sk_store_open (path, key, &error);

    g_assert_no_error (error);
    add_child_with_words (store);
  }
  recovery = sk_keyring_create (path, key, "ein Satz zum Merken", &error);
  g_assert_no_error (error);
  /* Eight groups of four, letters and digits only. */
  g_assert_cmpuint (strlen (recovery), ==, 8 * 4 + 7);
  g_assert_true (g_regex_match_simple ("^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", recovery, 0, 0));
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (recovery_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (file_contains (key_path, "ein Satz"));

  db_before = sk_test_file_checksum (path);
  key_before = sk_test_file_checksum (key_path);
  recovery_before = sk_test_file_checksum (recovery_path);

  /* Wrong: refused, and nothing is touched or added. */
  got = sk_keyring_unlock (path, "ein Satz zum merken", &error);
  g_assert_null (got);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  got = sk_keyring_unlock (path, "", &error);
  g_assert_null (got);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  got = sk_keyring_recover (path, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", &error);
  g_assert_null (got);
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  /* The file itself with another key: refused as it is. */
  g_assert_null (sk_store_open (path, other, &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    g_autofree char *db_after = sk_test_file_checksum (path);
    g_autofree char *key_after = sk_test_file_checksum (key_path);
    g_autofree char *recovery_after = sk_test_file_checksum (recovery_path);
    g_autofree char *journal = g_strconcat (key_path, "-journal", NULL);

    g_assert_cmpstr (db_after, ==, db_before);
    g_assert_cmpstr (key_after, ==, key_before);
    g_assert_cmpstr (recovery_after, ==, recovery_before);
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* Right: the same key. */
  got = sk_keyring_unlock (path, "ein Satz zum Merken", &error);
  g_assert_no_error (error);
  g_assert_true (sk_key_equal (got, key));
  sk_key_unref (got);

  /* The recovery key as a person types it off the paper. */
  typed = g_ascii_strdown (recovery, -1);
  for (char *p = typed; *p != '\0'; p++)
    if (*p == '-')
      *p = ' ';
  got = sk_keyring_recover (path, typed, &error);
  g_assert_no_error (error);
  g_assert_true (sk_key_equal (got, key));
  /* A new passphrase: the old one no longer opens. */
  g_assert_true (sk_keyring_save (path, got, "ny sætning til næste gang", &error));
  sk_key_unref (got);
  g_assert_null (sk_keyring_unlock (path, "ein Satz zum Merken", &error));
  g_assert_error (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  got = sk_keyring_unlock (path, "ny sætning til næste gang", &error);
  g_assert_no_error (error);
  g_assert_true (sk_key_equal (got, key));
  sk_key_unref (got);
}

/* A file of schema 4, as the program wrote it before encryption. */
static void
test_migrate_plain (void)
{
  g_autofree char *path = sk_test_path ("plain-v4.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SkKey) key = sk_key_ref (sk_test_key ());
  g_autoptr(SkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *entry;
  GString *rows = g_string_new (NULL);
  int old_fd;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (rows,
                            "INSERT INTO children (name, birth_year, case_ref) VALUES ('%s %u', %u, 'Hylde-%u');"
                            "INSERT INTO conversations (child_id, started_at, child_words, private_notes, feedback) "
                            "VALUES (last_insert_rowid(), %u, '%s %u', 'Egne noter %u', 'Godt %u');"
                            "INSERT INTO emotion_ratings (conversation_id, topic_key, face, child_words) "
                            "VALUES (last_insert_rowid(), 'school', %u, 'Frikvarteret %u');"
                            "INSERT INTO network_people (conversation_id, name, relation) "
                            "VALUES ((SELECT max(id) FROM conversations), 'Morfar Plimsoll %u', 'morfar');"
                            "INSERT INTO lundy_answers (conversation_id, step, phase, note) "
                            "VALUES ((SELECT max(id) FROM conversations), 'voice', 0, 'Lyttede %u');",
                            NAME, i, 2010 + i % 8, i, 1600000000 + i * 86400, WORDS, i, i, i,
                            1 + i % 5, i, i, i);
  g_unlink (path);
  sk_test_make_old_database (path, 4, rows->str);
  g_string_free (rows, TRUE);
  g_assert_false (sk_store_file_is_encrypted (path));
  g_assert_true (file_contains (path, NAME));

  /* Held open, as the disk holds the old bytes until they are overwritten. */
  old_fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (old_fd, >=, 0);

  store = sk_store_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (sk_store_was_checked (store));

  /* Every record is there, through the key. */
  children = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 30);
  {
    g_autofree char *sql = NULL;
    sqlite3 *db = NULL;

    g_clear_object (&store);
    db = sk_test_db_open (path);
    g_assert_nonnull (db);
    sqlite3_close (db);
    g_assert_cmpstr (sk_test_sql (path, "SELECT count(*) FROM conversations WHERE child_words LIKE 'Kvaksalver%'"), ==, "30");
    g_assert_cmpstr (sk_test_sql (path, "SELECT count(*) FROM emotion_ratings WHERE child_words LIKE 'Frikvarteret %'"), ==, "30");
    g_assert_cmpstr (sk_test_sql (path, "SELECT count(*) FROM network_people WHERE name LIKE 'Morfar Plimsoll %'"), ==, "30");
    g_assert_cmpstr (sk_test_sql (path, "SELECT count(*) FROM lundy_answers WHERE note LIKE 'Lyttede %'"), ==, "30");
    g_assert_cmpstr (sk_test_sql (path, "SELECT private_notes || '/' || feedback FROM conversations WHERE id = 7"), ==, "Egne noter 6/Godt 6");
    sql = g_strdup_printf ("%d", sk_store_schema_version ());
    g_assert_cmpstr (sk_test_sql (path, "PRAGMA user_version"), ==, sql);
  }
  g_assert_true (sk_store_file_is_encrypted (path));
  /* Made anew: deleted pages are given back (wipe_wal()). */
  g_assert_cmpstr (sk_test_sql (path, "PRAGMA auto_vacuum"), ==, "2");

  /* No plain text left: not in the files beside it, nor in the old
   * file's bytes, which it still holds. */
  folder = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (entry, "plain-v4.db"))
      {
        g_autofree char *file = g_build_filename (dir, entry, NULL);

        g_assert_false (g_str_has_suffix (entry, ".encrypting"));
        g_assert_false (file_contains (file, NAME));
        g_assert_false (file_contains (file, "Kvaksalvertrompeten"));
        g_assert_false (file_contains (file, "Morfar Plimsoll"));
      }
  {
    char buffer[65536];
    gssize n;
    gsize total = 0, nonzero = 0;

    while ((n = pread (old_fd, buffer, sizeof buffer, total)) > 0)
      {
        for (gssize i = 0; i < n; i++)
          nonzero += buffer[i] != 0;
        total += n;
      }
    g_assert_cmpuint (total, >, 0);
    g_assert_cmpuint (nonzero, ==, 0);
    g_close (old_fd, NULL);
  }

  /* It opens again as it is now: encrypted, trusted after a clean close. */
  store = sk_store_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_false (sk_store_was_checked (store));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/encryption/not-readable", test_not_readable);
  g_test_add_func ("/encryption/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/encryption/derive-is-sqlciphers", test_derive_is_sqlciphers);
  g_test_add_func ("/encryption/key-files-as-sqlcipher-makes-them", test_key_files_as_sqlcipher_makes_them);
  g_test_add_func ("/encryption/migrate-plain", test_migrate_plain);
  return g_test_run ();
}
