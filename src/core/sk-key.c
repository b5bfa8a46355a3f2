/* sk-key.c — the key that encrypts the database, and the files that keep it */
#include "config.h"

#include "sk-key.h"
#include "sk-store.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#define KEY_BYTES 32
#define RECOVERY_BYTES 20   /* 160 bits: 32 letters and digits */

struct _SkKey
{
  gatomicrefcount ref;
  guint8 bytes[KEY_BYTES];
  char   sql[2 * KEY_BYTES + 4];   /* x'…', as SQLCipher takes a raw key */
};

G_DEFINE_BOXED_TYPE (SkKey, sk_key, sk_key_ref, sk_key_unref)

/* Memory that held a key is emptied before it is given back; the compiler
 * may not leave the writes out. */
static void
wipe (void  *data,
      gsize  length)
{
  volatile guint8 *p = data;

  while (length-- > 0)
    *p++ = 0;
}

SkKey *
sk_key_new_from_bytes (const guint8 *bytes,
                       gsize         length)
{
  SkKey *key;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (length == KEY_BYTES, NULL);

  key = g_new0 (SkKey, 1);
  g_atomic_ref_count_init (&key->ref);
  memcpy (key->bytes, bytes, KEY_BYTES);
  key->sql[0] = 'x';
  key->sql[1] = '\'';
  for (guint i = 0; i < KEY_BYTES; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      key->sql[2 + 2 * i] = hex[bytes[i] >> 4];
      key->sql[3 + 2 * i] = hex[bytes[i] & 0xf];
    }
  key->sql[2 + 2 * KEY_BYTES] = '\'';
  key->sql[3 + 2 * KEY_BYTES] = '\0';
  return key;
}

/* Random bytes from the system's generator (getrandom, or /dev/urandom). */
static void
random_bytes (guint8 *bytes,
              gsize   length)
{
  gsize done = 0;
#ifdef G_OS_UNIX
  int fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      while (done < length)
        {
          gssize n = read (fd, bytes + done, length - done);

          if (n <= 0 && errno != EINTR)
            break;
          if (n > 0)
            done += n;
        }
      g_close (fd, NULL);
    }
#endif
  /* No /dev/urandom: SQLite's own generator, seeded by the system. */
  if (done < length)
    sqlite3_randomness ((int) (length - done), bytes + done);
}

/* ---- SQLCipher 3's key derivation, done here ---- */

#define SHA1_BYTES 20

/* Block @index of PBKDF2-HMAC-SHA1 (RFC 8018, 5.2): U1 = HMAC (secret,
 * salt ‖ index), Uj = HMAC (secret, Uj-1), the block their XOR.  The MAC
 * is keyed once and only started again for each round, as OpenSSL's own
 * PBKDF2 does. */
static gboolean
pbkdf2_sha1_block (const char   *secret,
                   const guint8 *salt,
                   gsize         salt_length,
                   guint         rounds,
                   guint32       index,
                   guint8        block[SHA1_BYTES])
{
  EVP_MAC *mac = EVP_MAC_fetch (NULL, "HMAC", NULL);
  EVP_MAC_CTX *ctx = mac != NULL ? EVP_MAC_CTX_new (mac) : NULL;
  char digest[] = "SHA1";
  OSSL_PARAM params[] = {
    OSSL_PARAM_construct_utf8_string (OSSL_MAC_PARAM_DIGEST, digest, 0),
    OSSL_PARAM_construct_end (),
  };
  guint8 be[4] = { index >> 24, index >> 16, index >> 8, index };
  guint8 u[SHA1_BYTES];
  gsize length = 0;
  gboolean ok;

  ok = ctx != NULL && EVP_MAC_init (ctx, (const unsigned char *) secret, strlen (secret), params) &&
       EVP_MAC_update (ctx, salt, salt_length) && EVP_MAC_update (ctx, be, sizeof be) &&
       EVP_MAC_final (ctx, u, &length, sizeof u) && length == SHA1_BYTES;
  if (ok)
    memcpy (block, u, SHA1_BYTES);
  for (guint j = 1; ok && j < rounds; j++)
    {
      ok = EVP_MAC_init (ctx, NULL, 0, NULL) && EVP_MAC_update (ctx, u, sizeof u) &&
           EVP_MAC_final (ctx, u, &length, sizeof u);
      for (guint k = 0; k < SHA1_BYTES; k++)
        block[k] ^= u[k];
    }
  OPENSSL_cleanse (u, sizeof u);
  EVP_MAC_CTX_free (ctx);
  EVP_MAC_free (mac);
  return ok;
}

typedef struct
{
  const char   *secret;
  const guint8 *salt;
  gsize         salt_length;
  guint         rounds;
  guint8        block[SHA1_BYTES];
  gboolean      ok;
} Block;

static gpointer
second_block_thread (gpointer data)
{
  Block *second = data;

  second->ok = pbkdf2_sha1_block (second->secret, second->salt, second->salt_length, second->rounds, 2,
                                  second->block);
  return NULL;
}

/**
 * sk_key_derive:
 * @secret: the passphrase or recovery key
 * @salt: the file's salt (SQLCipher 3 keeps SK_KEY_SALT_BYTES of it at the
 *   start of the file)
 * @rounds: SK_KEY_KDF_ITER for every file the program makes
 *
 * The key SQLCipher 3 derives from @secret for a file with @salt:
 * PBKDF2-HMAC-SHA1, 32 bytes.  Those are two blocks of SHA1's 20 bytes
 * that PBKDF2 computes apart from each other, and here at once, the second
 * in a thread of its own: on two cores it takes half the time SQLCipher
 * would (some 65 ms in place of 130), the same key, with no fewer rounds.
 *
 * Returns: (transfer full) (nullable): the key, given raw (sk_key_sql());
 *   %NULL only if libcrypto fails
 */
SkKey *
sk_key_derive (const char   *secret,
               const guint8 *salt,
               gsize         salt_length,
               guint         rounds)
{
  Block second = { secret, salt, salt_length, rounds, { 0 }, FALSE };
  guint8 bytes[2 * SHA1_BYTES];
  GThread *thread;
  gboolean ok;
  SkKey *key = NULL;

  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (salt != NULL, NULL);
  g_return_val_if_fail (rounds > 0, NULL);

  /* No thread to be had (a limit on processes): one after the other. */
  thread = g_thread_try_new ("sk-key-derive", second_block_thread, &second, NULL);
  ok = pbkdf2_sha1_block (secret, salt, salt_length, rounds, 1, bytes);
  if (thread != NULL)
    g_thread_join (thread);
  else
    second_block_thread (&second);
  memcpy (bytes + SHA1_BYTES, second.block, SHA1_BYTES);
  OPENSSL_cleanse (second.block, sizeof second.block);
  if (ok && second.ok)
    key = sk_key_new_from_bytes (bytes, KEY_BYTES);
  OPENSSL_cleanse (bytes, sizeof bytes);
  return key;
}

/**
 * sk_key_sql_with_salt:
 *
 * Returns: (transfer full): the key for a new file as SQLCipher 3 takes it
 *   raw with the file's salt, "x'KEYSALT'"; to be wiped (sk_key_free_sql())
 */
char *
sk_key_sql_with_salt (const SkKey  *key,
                      const guint8  salt[SK_KEY_SALT_BYTES])
{
  static const char hex[] = "0123456789ABCDEF";
  gsize key_length = strlen (key->sql) - 1;   /* without the closing quote */
  char *sql = g_malloc (key_length + 2 * SK_KEY_SALT_BYTES + 2);

  memcpy (sql, key->sql, key_length);
  for (guint i = 0; i < SK_KEY_SALT_BYTES; i++)
    {
      sql[key_length + 2 * i] = hex[salt[i] >> 4];
      sql[key_length + 2 * i + 1] = hex[salt[i] & 0xf];
    }
  sql[key_length + 2 * SK_KEY_SALT_BYTES] = '\'';
  sql[key_length + 2 * SK_KEY_SALT_BYTES + 1] = '\0';
  return sql;
}

/* Wipes and frees what sk_key_sql_with_salt() gave. */
void
sk_key_free_sql (char *sql)
{
  if (sql == NULL)
    return;
  wipe (sql, strlen (sql));
  g_free (sql);
}

/**
 * sk_key_read_salt:
 *
 * Reads the first SK_KEY_SALT_BYTES of @path into @salt.
 *
 * Returns: how many bytes the file had of them (0 for an empty file), or
 *   -1 if it cannot be opened or read (errno says why)
 */
gssize
sk_key_read_salt (const char *path,
                  guint8      salt[SK_KEY_SALT_BYTES])
{
  gssize got = 0, n = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return -1;
  while (got < SK_KEY_SALT_BYTES &&
         ((n = read (fd, salt + got, SK_KEY_SALT_BYTES - got)) > 0 || (n < 0 && errno == EINTR)))
    if (n > 0)
      got += n;
  saved_errno = errno;
  g_close (fd, NULL);
  if (n < 0)
    {
      errno = saved_errno;
      return -1;
    }
  return got;
}

/**
 * sk_key_new_random:
 *
 * Returns: (transfer full): a new data key
 */
SkKey *
sk_key_new_random (void)
{
  guint8 bytes[KEY_BYTES];
  SkKey *key;

  random_bytes (bytes, sizeof bytes);
  key = sk_key_new_from_bytes (bytes, sizeof bytes);
  wipe (bytes, sizeof bytes);
  return key;
}

SkKey *
sk_key_ref (SkKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  g_atomic_ref_count_inc (&key->ref);
  return key;
}

void
sk_key_unref (SkKey *key)
{
  g_return_if_fail (key != NULL);

  if (g_atomic_ref_count_dec (&key->ref))
    {
      wipe (key, sizeof *key);
      g_free (key);
    }
}

gboolean
sk_key_equal (const SkKey *a,
              const SkKey *b)
{
  guint8 diff = 0;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < KEY_BYTES; i++)
    diff |= a->bytes[i] ^ b->bytes[i];
  return diff == 0;
}

/* The key as SQLCipher's PRAGMA key takes it raw ("x'…'"): no derivation. */
const char *
sk_key_sql (const SkKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->sql;
}

/**
 * sk_key_apply:
 * @db: a sqlite3 connection just opened
 * @schema: (nullable): an attached database's name, %NULL for "main"
 *
 * Gives the connection the key, before anything reads the file.
 */
gboolean
sk_key_apply (const SkKey  *key,
              gpointer      db,
              const char   *schema,
              GError      **error)
{
  g_autofree char *page = NULL;
  int rc;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  if (schema == NULL)
    rc = sqlite3_key (db, key->sql, (int) strlen (key->sql));
  else
    rc = sqlite3_key_v2 (db, schema, key->sql, (int) strlen (key->sql));
  page = g_strdup_printf ("PRAGMA %s.cipher_page_size = %d", schema != NULL ? schema : "main", SK_KEY_PAGE_SIZE);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, page, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_FAILED,
                   _("The database’s key cannot be used: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* ---- The small files that keep the data key ---- */

char *
sk_keyring_path (const char *database,
                 const char *suffix)
{
  return g_strconcat (database, suffix, NULL);
}

/**
 * sk_keyring_exists:
 *
 * Returns: whether @database has its passphrase's key file beside it
 */
gboolean
sk_keyring_exists (const char *database)
{
  g_autofree char *path = sk_keyring_path (database, ".key");

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
set_derive_error (GError     **error,
                  const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
               _("The key for “%s” could not be derived from what was typed."), name);
}

/* Opens a key file with @secret, reading only: a wrong secret leaves the
 * file as it was.  The key is derived as SQLCipher derives it from the
 * secret (sk_key_derive()), over the salt in the file's first bytes. */
static SkKey *
read_key_file (const char  *path,
               const char  *secret,
               int          wrong_code,
               const char  *wrong_message,
               GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(SkKey) derived = NULL;
  guint8 salt[SK_KEY_SALT_BYTES];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  SkKey *key = NULL;
  gssize got;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND,
                   _("The key file “%s” is missing. Without it the database cannot be opened."), name);
      return NULL;
    }
  got = sk_key_read_salt (path, salt);
  if (got < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                   _("The key file “%s” cannot be read: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  /* Shorter than its salt: cut short, whatever was typed. */
  if (got < SK_KEY_SALT_BYTES)
    {
      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED,
                   _("The key file “%s” is damaged: it is shorter than a key file can be."), name);
      return NULL;
    }
  derived = sk_key_derive (secret, salt, sizeof salt, SK_KEY_KDF_ITER);
  if (derived == NULL)
    {
      set_derive_error (error, path);
      return NULL;
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_key (db, sk_key_sql (derived), (int) strlen (sk_key_sql (derived)));
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT data FROM key", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == KEY_BYTES)
        key = sk_key_new_from_bytes (sqlite3_column_blob (stmt, 0), KEY_BYTES);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (key != NULL)
    return key;
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    g_set_error_literal (error, SK_STORE_ERROR, wrong_code, wrong_message);
  else
    g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
                 _("The key file “%s” cannot be read: %s"), name, sqlite3_errstr (rc));
  return NULL;
}

/**
 * sk_keyring_unlock:
 *
 * Returns: (transfer full): @database's data key, read with the
 *   passphrase; %SK_STORE_ERROR_WRONG_PASSPHRASE when it is not the one
 */
SkKey *
sk_keyring_unlock (const char  *database,
                   const char  *passphrase,
                   GError     **error)
{
  g_autofree char *path = sk_keyring_path (database, ".key");

  g_return_val_if_fail (passphrase != NULL, NULL);

  if (*passphrase == '\0')
    {
      g_set_error_literal (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE,
                           _("Type your passphrase."));
      return NULL;
    }
  return read_key_file (path, passphrase, SK_STORE_ERROR_WRONG_PASSPHRASE,
                        _("That is not the passphrase. Try again: capital letters count."), error);
}

/* The recovery key as typed, in the form it was made: capitals, no
 * spaces or dashes, and the letters one may read for a digit. */
static char *
normalize_recovery (const char *typed)
{
  GString *out = g_string_new (NULL);

  for (const char *p = typed; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || g_ascii_isspace (c))
        continue;
      if (c == '0')
        c = 'O';
      else if (c == '1')
        c = 'I';
      else if (c == '8')
        c = 'B';
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

SkKey *
sk_keyring_recover (const char  *database,
                    const char  *recovery_key,
                    GError     **error)
{
  g_autofree char *path = sk_keyring_path (database, ".recovery");
  g_autofree char *secret = NULL;
  SkKey *key;

  g_return_val_if_fail (recovery_key != NULL, NULL);

  secret = normalize_recovery (recovery_key);
  key = read_key_file (path, secret, SK_STORE_ERROR_WRONG_PASSPHRASE,
                       _("That is not the recovery key. Check each group of four."), error);
  wipe (secret, strlen (secret));
  return key;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *why)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_IO,
               _("“%s” cannot be created or written: %s"), name, why);
}

/* Writes @key into a new key file locked with @secret, in place of the
 * old one only once it is whole on the disk.  The file gets a new salt,
 * and the key SQLCipher would derive from @secret over it (sk_key_derive());
 * it opens with @secret alone, as any SQLCipher 3 file with these rounds. */
static gboolean
write_key_file (const char   *path,
                const SkKey  *key,
                const char   *secret,
                GError      **error)
{
  g_autofree char *fresh = g_strconcat (path, ".new", NULL);
  g_autoptr(SkKey) derived = NULL;
  guint8 salt[SK_KEY_SALT_BYTES];
  char *raw = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int fd, rc;

  random_bytes (salt, sizeof salt);
  derived = sk_key_derive (secret, salt, sizeof salt, SK_KEY_KDF_ITER);
  if (derived == NULL)
    {
      set_derive_error (error, path);
      return FALSE;
    }
  raw = sk_key_sql_with_salt (derived, salt);

  g_unlink (fresh);
  fd = g_open (fresh, O_RDWR | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, fresh, g_strerror (saved_errno));
      sk_key_free_sql (raw);
      return FALSE;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (fresh, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_key (db, raw, (int) strlen (raw));
  sk_key_free_sql (raw);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA synchronous = FULL;"
                           "CREATE TABLE key (data BLOB NOT NULL)", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO key (data) VALUES (?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_blob (stmt, 1, key->bytes, KEY_BYTES, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (sqlite3_close (db) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;

  if (rc != SQLITE_OK)
    {
      set_write_error (error, fresh, sqlite3_errstr (rc));
      g_unlink (fresh);
      return FALSE;
    }
  if (g_rename (fresh, path) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      g_unlink (fresh);
      return FALSE;
    }
  return TRUE;
}

/**
 * sk_keyring_save:
 *
 * Locks @database's data key with a (new) passphrase; the recovery key
 * stays as it was.
 */
gboolean
sk_keyring_save (const char   *database,
                 const SkKey  *key,
                 const char   *passphrase,
                 GError      **error)
{
  g_autofree char *path = sk_keyring_path (database, ".key");

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  return write_key_file (path, key, passphrase, error);
}

/**
 * sk_keyring_create:
 *
 * Keeps @key beside @database twice: with @passphrase, and with a new
 * recovery key.
 *
 * Returns: (transfer full): the recovery key, in groups of four
 *   ("ABCD-EFGH-…"), to be shown once and never kept
 */
char *
sk_keyring_create (const char   *database,
                   const SkKey  *key,
                   const char   *passphrase,
                   GError      **error)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  g_autofree char *recovery_path = sk_keyring_path (database, ".recovery");
  guint8 bytes[RECOVERY_BYTES];
  char secret[RECOVERY_BYTES * 8 / 5 + 1];
  GString *shown;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  random_bytes (bytes, sizeof bytes);
  /* Base32: five bits a letter. */
  for (guint i = 0; i < RECOVERY_BYTES * 8 / 5; i++)
    {
      guint bit = i * 5, value = 0;

      for (guint b = 0; b < 5; b++, bit++)
        value = value << 1 | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
      secret[i] = alphabet[value];
    }
  secret[sizeof secret - 1] = '\0';
  wipe (bytes, sizeof bytes);

  if (!write_key_file (recovery_path, key, secret, error) ||
      !sk_keyring_save (database, key, passphrase, error))
    {
      wipe (secret, sizeof secret);
      return NULL;
    }

  shown = g_string_new (NULL);
  for (guint i = 0; secret[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (shown, '-');
      g_string_append_c (shown, secret[i]);
    }
  wipe (secret, sizeof secret);
  return g_string_free (shown, FALSE);
}
