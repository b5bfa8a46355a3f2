/* key.c — the passphrase's key derivation: SQLCipher's, and the program's
 *
 * PBKDF2-HMAC-SHA1, SK_KEY_KDF_ITER rounds, 32 bytes: once as SQLCipher 3
 * derives it (libcrypto's PKCS5_PBKDF2_HMAC_SHA1, one core), once as the
 * program does (sk_key_derive(): the two blocks at once).  Each 9 times,
 * in turns; prints the medians and their ratio.  This is the wait after
 * the caseworker presses Enter on the passphrase page, and what the first
 * frame waits for when the passphrase is given beforehand.
 */
#include "sk-bench.h"
#include "sk-key.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS 9

int
main (void)
{
  static const char secret[] = "a bench at the window";
  guint8 salt[SK_KEY_SALT_BYTES] = { 0 };
  double sqlcipher[ROUNDS], program[ROUNDS];

  for (guint i = 0; i < sizeof salt; i++)
    salt[i] = (guint8) (i * 29 + 3);
  for (guint r = 0; r < ROUNDS; r++)
    {
      guint8 bytes[32];
      gint64 begin = g_get_monotonic_time ();
      SkKey *key;

      if (PKCS5_PBKDF2_HMAC_SHA1 (secret, (int) strlen (secret), salt, sizeof salt, SK_KEY_KDF_ITER,
                                  sizeof bytes, bytes) != 1)
        return 1;
      sqlcipher[r] = (g_get_monotonic_time () - begin) / 1000.0;
      begin = g_get_monotonic_time ();
      key = sk_key_derive (secret, salt, sizeof salt, SK_KEY_KDF_ITER);
      program[r] = (g_get_monotonic_time () - begin) / 1000.0;
      if (key == NULL)
        return 1;
      sk_key_unref (key);
    }
  sk_bench_sort (sqlcipher, ROUNDS);
  sk_bench_sort (program, ROUNDS);
  printf ("Key derivation, PBKDF2-HMAC-SHA1, %d rounds, 32 bytes, median of %d (%u cores):\n",
          SK_KEY_KDF_ITER, ROUNDS, g_get_num_processors ());
  printf ("  as SQLCipher derives it (one core)       %6.1f ms\n", sqlcipher[ROUNDS / 2]);
  printf ("  sk_key_derive (the two blocks at once)   %6.1f ms   ratio %.2f\n", program[ROUNDS / 2],
          program[ROUNDS / 2] / sqlcipher[ROUNDS / 2]);
  return 0;
}
