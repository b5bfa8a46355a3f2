/* sk-test-util.c — small helpers for every test, with or without a display */
#include "sk-test-util.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

/* A path for a test's file in the test's private data folder. */
char *
sk_test_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* The data key of every database a test makes itself: fixed, so that a
 * test's child process (sk-durability-writer) opens what its parent made. */
SkKey *
sk_test_key (void)
{
  static SkKey *key;

  if (key == NULL)
    {
      guint8 bytes[32];

      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = (guint8) (0x5a ^ (i * 37));
      key = sk_key_new_from_bytes (bytes, sizeof bytes);
    }
  return key;
}

/* The key files for sk_test_key() and SK_TEST_PASSPHRASE, beside @path,
 * as the program's first start makes them: copies of one pair made once
 * (each takes the key derivation's time to make). */
void
sk_test_give_keyring (const char *path)
{
  static char *made;
  static const char * const suffixes[] = { ".key", ".recovery" };

  if (made == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("samtalekuffert-keys-XXXXXX", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *recovery = NULL;

      g_assert_nonnull (dir);
      made = g_build_filename (dir, "made.db", NULL);
      recovery = sk_keyring_create (made, sk_test_key (), SK_TEST_PASSPHRASE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (recovery);
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from_path = g_strconcat (made, suffixes[i], NULL);
      g_autofree char *to_path = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      g_assert_cmpint (g_chmod (to_path, 0600), ==, 0);
    }
}

/* A connection of its own to @path, read as it is: a plain file (or none)
 * as it is, an encrypted one with sk_test_key(), or else with the key its
 * key files give for SK_TEST_PASSPHRASE (a file the program made). */
gpointer
sk_test_db_open (const char *path)
{
  static GHashTable *keys;   /* path → SkKey, from key files */
  sqlite3 *db = NULL;
  SkKey *key;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (!sk_store_file_is_encrypted (path))
    return db;
  g_assert_true (sk_key_apply (sk_test_key (), db, NULL, NULL));
  if (sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK)
    return db;
  sqlite3_close (db);

  if (keys == NULL)
    keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sk_key_unref);
  key = g_hash_table_lookup (keys, path);
  if (key == NULL)
    {
      g_autoptr(GError) error = NULL;

      key = sk_keyring_unlock (path, SK_TEST_PASSPHRASE, &error);
      g_assert_no_error (error);
      g_hash_table_insert (keys, g_strdup (path), key);
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sk_key_apply (key, db, NULL, NULL));
  return db;
}

/* SQLCipher 3's page (SK_KEY_PAGE_SIZE): the data encrypted with
 * AES-256-CBC under the raw key, then the reserve: the page's IV (16
 * bytes), its HMAC (20), padding to a block.  Page 1 begins with the
 * file's salt, in the clear. */
#define RESERVE 48

static void
decrypt_page (const guint8 *key,
              guint32       number,
              const guint8 *page,
              GByteArray   *out)
{
  EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new ();
  guint offset = number == 1 ? 16 : 0;
  int length = SK_KEY_PAGE_SIZE - RESERVE - offset;
  guint8 plain[SK_KEY_PAGE_SIZE];
  int n = 0, last = 0;

  g_assert_nonnull (ctx);
  g_assert_cmpint (EVP_DecryptInit_ex (ctx, EVP_aes_256_cbc (), NULL, key,
                                       page + SK_KEY_PAGE_SIZE - RESERVE), ==, 1);
  EVP_CIPHER_CTX_set_padding (ctx, 0);
  g_assert_cmpint (EVP_DecryptUpdate (ctx, plain, &n, page + offset, length), ==, 1);
  g_assert_cmpint (EVP_DecryptFinal_ex (ctx, plain + n, &last), ==, 1);
  EVP_CIPHER_CTX_free (ctx);
  g_byte_array_append (out, plain, n + last);
}

/* Every page of @path (a database, or its -wal), decrypted with @key, one
 * after the other: what someone with the key could read of the disk's
 * bytes, free pages and old frames included. */
GBytes *
sk_test_decrypt (const char  *path,
                 const SkKey *key)
{
  const char *hex = sk_key_sql (key) + 2;
  g_autofree guint8 *contents = NULL;
  GByteArray *out = g_byte_array_new ();
  guint8 raw[32];
  gsize length = 0;

  for (guint i = 0; i < 32; i++)
    raw[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));
  if (!g_file_get_contents (path, (char **) &contents, &length, NULL))
    return g_byte_array_free_to_bytes (out);
  if (length >= 32 && (contents[0] == 0x37 && contents[1] == 0x7f && contents[2] == 0x06 &&
                       (contents[3] == 0x82 || contents[3] == 0x83)))
    {
      /* A -wal: its header, then frames of a 24-byte header and a page. */
      for (gsize at = 32; at + 24 + SK_KEY_PAGE_SIZE <= length; at += 24 + SK_KEY_PAGE_SIZE)
        {
          guint32 number = (guint32) contents[at] << 24 | (guint32) contents[at + 1] << 16 |
                           (guint32) contents[at + 2] << 8 | contents[at + 3];

          decrypt_page (raw, number, contents + at + 24, out);
        }
    }
  else
    for (gsize at = 0; at + SK_KEY_PAGE_SIZE <= length; at += SK_KEY_PAGE_SIZE)
      decrypt_page (raw, (guint32) (at / SK_KEY_PAGE_SIZE) + 1, contents + at, out);
  memset (raw, 0, sizeof raw);
  return g_byte_array_free_to_bytes (out);
}

gboolean
sk_test_decrypted_contains (const char  *path,
                            const SkKey *key,
                            const char  *needle)
{
  g_autoptr(GBytes) plain = sk_test_decrypt (path, key);
  gsize length;
  const guint8 *data = g_bytes_get_data (plain, &length);

  return length > 0 && memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Every row of every table in id order, each value quoted with its type
 * and length: equal strings, equal data.  Without @with_ids the ids and
 * the links to other rows say only whether they are set (a receiving
 * database gives them anew). */
char *
sk_test_dump (const char *path,
              gboolean    with_ids)
{
  static const char * const ids[] = { "id", "child_id", "conversation_id", "goal_id", "origin_id", "replaces" };
  sqlite3 *db = sk_test_db_open (path);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", (char *) tables->pdata[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *name = sqlite3_column_name (stmt, c);
              gboolean is_id = FALSE;
              char *quoted;

              for (guint i = 0; i < G_N_ELEMENTS (ids) && !with_ids; i++)
                is_id |= g_str_equal (name, ids[i]);
              if (is_id)
                {
                  g_string_append_printf (out, "%s=%s|", name, sqlite3_column_int64 (stmt, c) != 0 ? "set" : "0");
                  continue;
                }
              quoted = sqlite3_mprintf ("%Q", (const char *) sqlite3_column_blob (stmt, c));
              g_string_append_printf (out, "%s=%d:%d:%s|", name, sqlite3_column_type (stmt, c),
                                      sqlite3_column_bytes (stmt, c), quoted);
              sqlite3_free (quoted);
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "version %d\n", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* The first column of the first row of @sql, read with a connection of its
 * own: what is really in the file.  NULL when there is no row. */
char *
sk_test_sql (const char *path,
             const char *sql)
{
  sqlite3 *db = sk_test_db_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
sk_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* sk_store_open() with the test's key; the key files for the program are
 * given beside a file opened for the first time. */
SkStore *
sk_test_store_open (const char  *path,
                    GError     **error)
{
  SkStore *store = sk_store_open (path, sk_test_key (), error);

  if (store != NULL && !sk_keyring_exists (path))
    sk_test_give_keyring (path);
  return store;
}

SkStore *
sk_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkStore *store = sk_test_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

SkConversation *
sk_test_add_conversation (SkStore *store,
                          SkChild *child,
                          gint64   started_at)
{
  g_autoptr(GError) error = NULL;
  SkConversation *conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), started_at);

  g_assert_true (sk_store_insert (store, conversation, &error));
  g_assert_no_error (error);
  return conversation;
}

/* The tables as each version wrote them: never change these, add. */
static const char * const old_schemas[] = {
  /* 1 */
  "CREATE TABLE children (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
  "  birth_year INTEGER NOT NULL DEFAULT 0, case_ref TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE conversations (id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  started_at INTEGER NOT NULL DEFAULT 0, place TEXT NOT NULL DEFAULT '',"
  "  participants TEXT NOT NULL DEFAULT '', purpose TEXT NOT NULL DEFAULT '',"
  "  child_words TEXT NOT NULL DEFAULT '', agreements TEXT NOT NULL DEFAULT '',"
  "  next_steps TEXT NOT NULL DEFAULT '', private_notes TEXT NOT NULL DEFAULT '',"
  "  trashed INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX conversations_by_child ON conversations (child_id, started_at);"
  "CREATE INDEX children_trashed ON children (id) WHERE trashed = 1;"
  "CREATE INDEX conversations_trashed ON conversations (id) WHERE trashed = 1;",
  /* 2: version 1 and the emotion scale */
  "CREATE TABLE emotion_ratings (id INTEGER PRIMARY KEY,"
  "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, topic_key TEXT NOT NULL DEFAULT '',"
  "  topic TEXT NOT NULL DEFAULT '', face INTEGER NOT NULL DEFAULT 0,"
  "  feelings TEXT NOT NULL DEFAULT '', child_words TEXT NOT NULL DEFAULT '',"
  "  shared INTEGER NOT NULL DEFAULT 0, trashed INTEGER NOT NULL DEFAULT 0);",
  /* 3: the network map */
  "CREATE TABLE network_people (id INTEGER PRIMARY KEY,"
  "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL DEFAULT '',"
  "  relation TEXT NOT NULL DEFAULT '', avatar TEXT NOT NULL DEFAULT 'person-adult',"
  "  angle REAL NOT NULL DEFAULT 0, distance REAL NOT NULL DEFAULT 0.6,"
  "  can_talk INTEGER NOT NULL DEFAULT 0, worried INTEGER NOT NULL DEFAULT 0,"
  "  shared INTEGER NOT NULL DEFAULT 1, origin_id INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX network_people_by_conversation ON network_people (conversation_id, position);"
  "CREATE INDEX network_people_trashed ON network_people (id) WHERE trashed = 1;"
  "ALTER TABLE conversations ADD COLUMN network_shared INTEGER NOT NULL DEFAULT 0;",
  /* 4: the Lundy steps and last time */
  "CREATE TABLE lundy_answers (id INTEGER PRIMARY KEY,"
  "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
  "  step TEXT NOT NULL DEFAULT '', phase INTEGER NOT NULL DEFAULT 0,"
  "  checked TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',"
  "  trashed INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX lundy_answers_by_conversation ON lundy_answers (conversation_id, step, phase);"
  "CREATE INDEX lundy_answers_trashed ON lundy_answers (id) WHERE trashed = 1;"
  "ALTER TABLE conversations ADD COLUMN feedback TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE conversations ADD COLUMN feedback_shared INTEGER NOT NULL DEFAULT 0;",
};

void
sk_test_make_old_database (const char *path,
                           int         version,
                           const char *rows)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (version, >=, 1);
  g_assert_cmpint (version, <=, (int) G_N_ELEMENTS (old_schemas));
  for (int v = 0; v < version; v++)
    g_string_append (sql, old_schemas[v]);
  g_string_append_printf (sql, "%s PRAGMA user_version = %d;", rows, version);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The text of a PDF as pdftotext reads it, its words joined by single
 * spaces (lines and pages too), so that a phrase is found across a break. */
char *
sk_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  words = g_strsplit_set (out, " \n\f", -1);
  return g_strjoinv (" ", words);
}

/* How many pages pdfinfo counts in @pdf. */
int
sk_test_pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Pages:"));
  return atoi (strstr (out, "Pages:") + 6);
}

/* A copy of @file as @name in SK_TEST_OUTPUT, to be looked at. */
void
sk_test_keep (const char *file,
              const char *name)
{
  g_autofree char *kept = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (file);
  g_autoptr(GFile) to = NULL;

  if (g_getenv ("SK_TEST_OUTPUT") == NULL)
    return;
  g_mkdir_with_parents (g_getenv ("SK_TEST_OUTPUT"), 0700);
  kept = g_build_filename (g_getenv ("SK_TEST_OUTPUT"), name, NULL);
  to = g_file_new_for_path (kept);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}
