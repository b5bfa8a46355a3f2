/* sk-test-util.h — small helpers for every test, with or without a display */
#pragma once

#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

/* The passphrase of the test's key files: an invented one. */
#define SK_TEST_PASSPHRASE "blue kettle on a quiet shelf"

char    *sk_test_path          (const char *name);
SkKey   *sk_test_key           (void);
void     sk_test_give_keyring  (const char *path);
/* Under the encryption: every page of a database or -wal, decrypted. */
GBytes  *sk_test_decrypt            (const char  *path,
                                     const SkKey *key);
gboolean sk_test_decrypted_contains (const char  *path,
                                     const SkKey *key,
                                     const char  *needle);
/* Every row of every table, quoted: for comparing two files' data. */
char    *sk_test_dump               (const char  *path,
                                     gboolean     with_ids);
/* (sqlite3 *) */
gpointer sk_test_db_open       (const char *path);
char    *sk_test_sql           (const char *path,
                                const char *sql);
char    *sk_test_file_checksum (const char *path);
SkStore *sk_test_open_store    (const char *path);
SkStore *sk_test_store_open    (const char  *path,
                                GError     **error);
/* A conversation with @child at @started_at, stored. */
SkConversation *sk_test_add_conversation (SkStore *store,
                                          SkChild *child,
                                          gint64   started_at);

/* A database file as an older version of the program made it: its tables
 * at schema @version (1 to 4), then @rows (SQL). */
void     sk_test_make_old_database (const char *path,
                                    int         version,
                                    const char *rows);

/* PDFs read back (pdftotext, pdfinfo), and a file kept for a person to
 * look at (in SK_TEST_OUTPUT). */
char    *sk_test_pdf_text  (const char *pdf);
int      sk_test_pdf_pages (const char *pdf);
void     sk_test_keep      (const char *file,
                            const char *name);

G_END_DECLS
