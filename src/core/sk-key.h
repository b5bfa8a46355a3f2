/* sk-key.h — the key that encrypts the database, and the files that keep it
 *
 * The database is encrypted (SQLCipher: AES-256, every page) with a key of
 * 32 random bytes, the data key.  The data key is kept beside the database
 * twice, each time in a small SQLCipher file of its own: "NAME.key", locked
 * with the caseworker's passphrase (SQLCipher 3's key derivation, PBKDF2-
 * HMAC-SHA1 with SK_KEY_KDF_ITER rounds, done by sk_key_derive() on two
 * cores), and "NAME.recovery", locked with the
 * recovery key shown once when the passphrase is chosen.  A new passphrase
 * rewrites the small file only; backups use the data key itself.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* SQLCipher's page size for every file the program encrypts (not kept in
 * the file: each open must say it). */
#define SK_KEY_PAGE_SIZE 4096
/* The rounds of the passphrase's key derivation: some 0.1 s. */
#define SK_KEY_KDF_ITER 256000
/* SQLCipher 3 keeps a file's salt in its first 16 bytes. */
#define SK_KEY_SALT_BYTES 16
/* A passphrase shorter than this is refused when it is chosen. */
#define SK_KEY_MIN_PASSPHRASE 8

typedef struct _SkKey SkKey;

#define SK_TYPE_KEY (sk_key_get_type ())
GType       sk_key_get_type        (void) G_GNUC_CONST;

SkKey      *sk_key_new_random      (void);
SkKey      *sk_key_new_from_bytes  (const guint8 *bytes,
                                    gsize         length);
SkKey      *sk_key_ref             (SkKey        *key);
void        sk_key_unref           (SkKey        *key);
gboolean    sk_key_equal           (const SkKey  *a,
                                    const SkKey  *b);
const char *sk_key_sql             (const SkKey  *key);
SkKey      *sk_key_derive          (const char   *secret,
                                    const guint8 *salt,
                                    gsize         salt_length,
                                    guint         rounds);
char       *sk_key_sql_with_salt   (const SkKey  *key,
                                    const guint8  salt[SK_KEY_SALT_BYTES]);
void        sk_key_free_sql        (char         *sql);
gssize      sk_key_read_salt       (const char   *path,
                                    guint8        salt[SK_KEY_SALT_BYTES]);

gboolean    sk_key_apply           (const SkKey  *key,
                                    gpointer      db,
                                    const char   *schema,
                                    GError      **error);

char       *sk_keyring_path        (const char   *database,
                                    const char   *suffix);
gboolean    sk_keyring_exists      (const char   *database);
SkKey      *sk_keyring_unlock      (const char   *database,
                                    const char   *passphrase,
                                    GError      **error);
SkKey      *sk_keyring_recover     (const char   *database,
                                    const char   *recovery_key,
                                    GError      **error);
gboolean    sk_keyring_save        (const char   *database,
                                    const SkKey  *key,
                                    const char   *passphrase,
                                    GError      **error);
char       *sk_keyring_create      (const char   *database,
                                    const SkKey  *key,
                                    const char   *passphrase,
                                    GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkKey, sk_key_unref)

G_END_DECLS
