/* sk-lock-page.h — the passphrase: chosen once, typed to open, to unlock */
#pragma once

#include <adwaita.h>

#include "sk-key.h"

G_BEGIN_DECLS

typedef enum
{
  /* The first start: choose a passphrase, then see the recovery key. */
  SK_LOCK_CHOOSE,
  /* The database is there, its key locked: type the passphrase. */
  SK_LOCK_OPEN,
  /* The window was locked (Ctrl+L, or no input for a while). */
  SK_LOCK_LOCKED,
} SkLockMode;

#define SK_TYPE_LOCK_PAGE (sk_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (SkLockPage, sk_lock_page, SK, LOCK_PAGE, GtkWidget)

/* @database: the file whose key files (sk-key.h) it reads or makes.
 * @expected: for %SK_LOCK_LOCKED, the key of the open store: only the
 * passphrase of that key unlocks.  Emits "unlocked" (SkKey) when the key
 * is there. */
GtkWidget *sk_lock_page_new     (void);
void       sk_lock_page_set_mode (SkLockPage  *self,
                                  SkLockMode   mode,
                                  const char  *database,
                                  SkKey       *expected);
SkLockMode sk_lock_page_get_mode (SkLockPage  *self);
void       sk_lock_page_focus    (SkLockPage  *self);

G_END_DECLS
