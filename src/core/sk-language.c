/* sk-language.c — writing in another language for a moment */
#include "config.h"

#include "sk-language.h"

#include <glib/gi18n-lib.h>

/* What LANGUAGE was; NULL as a string that cannot be a language. */
#define UNSET "\001"

char *
sk_language_push (const char *language)
{
  const char *previous = g_getenv ("LANGUAGE");
  char *saved = g_strdup (previous != NULL ? previous : UNSET);

  g_return_val_if_fail (language != NULL, saved);

  g_setenv ("LANGUAGE", language, TRUE);
  /* Tells gettext that its cached lookups are stale. */
  textdomain (textdomain (NULL));
  return saved;
}

void
sk_language_pop (char *previous)
{
  if (previous == NULL)
    return;
  if (g_str_equal (previous, UNSET))
    g_unsetenv ("LANGUAGE");
  else
    g_setenv ("LANGUAGE", previous, TRUE);
  textdomain (textdomain (NULL));
  g_free (previous);
}
