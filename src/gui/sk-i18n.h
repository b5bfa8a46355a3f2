/* sk-i18n.h — the interface language */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sk_i18n_init         (void);
void sk_i18n_set_language (const char *language);
const char *sk_i18n_get_language (void);

G_END_DECLS
