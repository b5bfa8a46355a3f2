/* sk-i18n.c — the interface language
 *
 * The language can differ from the system's (Preferences → Language).
 * gettext reads LANGUAGE on every lookup, so changing it and touching the
 * text domain switches the catalogue; windows are then built anew.
 */
#include "config.h"

#include "sk-i18n.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

static char *system_language;
static gboolean initialized;

void
sk_i18n_init (void)
{
  const char *locale;
  g_autofree char *installed_mo = NULL;
  const char *localedir = SK_LOCALEDIR;

  if (initialized)
    return;
  initialized = TRUE;

  locale = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the plain C locale; C.UTF-8 keeps the
   * behaviour of C and lets a chosen language work. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  installed_mo = g_build_filename (SK_LOCALEDIR, "da", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (installed_mo, G_FILE_TEST_EXISTS))
    localedir = SK_BUILD_LOCALEDIR;   /* running from the build folder */

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  system_language = g_strdup (g_getenv ("LANGUAGE"));

  /* GLib decides at its first lookup, once for the whole process, whether
   * to translate at all, and in a C.UTF-8 locale with no LANGUAGE it
   * decides never: the parents' summary could then not be written in
   * Danish.  Let it decide with a language we have. */
  g_setenv ("LANGUAGE", "da", TRUE);
  textdomain (textdomain (NULL));
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  textdomain (textdomain (NULL));
}

/**
 * sk_i18n_set_language:
 * @language: "da", "en", or "" for the system's language
 */
void
sk_i18n_set_language (const char *language)
{
  sk_i18n_init ();

  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* Tells gettext that its cached lookups are stale. */
  textdomain (textdomain (NULL));
}

/**
 * sk_i18n_get_language:
 *
 * Returns: the language the interface speaks now, "da" or "en"
 */
const char *
sk_i18n_get_language (void)
{
  /* Translators: the code of the language you translate to: "da" */
  return g_str_equal (C_("interface language code", "en"), "da") ? "da" : "en";
}
