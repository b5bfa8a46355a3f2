/* sk-export.c — the summary and the journal note from the command line
 *
 *   samtalekuffert --export-summary ID --language en --output FILE.pdf
 *   samtalekuffert --export-journal ID --output FILE.txt
 *
 * For batch work and tests: no window, no display.  An unknown id or a
 * path that cannot be written gives a clear message and exit status 1.
 */
#include "config.h"

#include "sk-export.h"
#include "sk-i18n.h"
#include "sk-conversation.h"
#include "sk-settings.h"
#include "sk-store.h"
#include "sk-summary-draw.h"
#include "sk-summary.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#ifdef G_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

/* The passphrase: $SAMTALEKUFFERT_PASSPHRASE (for scripts), or typed in
 * the terminal, not shown. */
static char *
read_passphrase (void)
{
  const char *given = g_getenv ("SAMTALEKUFFERT_PASSPHRASE");
#ifdef G_OS_UNIX
  struct termios before, quiet;
  char line[1024];
  char *read;
#endif

  if (given != NULL && *given != '\0')
    return g_strdup (given);
#ifdef G_OS_UNIX
  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &before) != 0)
    return NULL;
  quiet = before;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  /* Translators: asked in the terminal; what is typed is not shown */
  g_printerr ("%s", _("Passphrase: "));
  read = fgets (line, sizeof line, stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &before);
  g_printerr ("\n");
  if (read == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  read = g_strdup (line);
  memset (line, 0, sizeof line);
  return read;
#else
  return NULL;
#endif
}

static SkStore *
open_store (const char  *database,
            GError     **error)
{
  g_autofree char *chosen = sk_store_choose_path (database);
  /* The key files are beside the file itself, not beside a link to it. */
  g_autofree char *path = sk_store_resolve_path (chosen);
  g_autofree char *passphrase = NULL;
  g_autoptr(SkKey) key = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("There is no database at “%s”."), path);
      return NULL;
    }
  if (!sk_keyring_exists (path))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND,
                   _("“%s” has no passphrase yet. Open it once in Samtalekuffert to choose one."), name);
      return NULL;
    }
  passphrase = read_passphrase ();
  if (passphrase == NULL)
    {
      g_set_error_literal (error, SK_STORE_ERROR, SK_STORE_ERROR_WRONG_PASSPHRASE,
                           _("The database is encrypted: type its passphrase in a terminal, "
                             "or give it in SAMTALEKUFFERT_PASSPHRASE."));
      return NULL;
    }
  key = sk_keyring_unlock (path, passphrase, error);
  memset (passphrase, 0, strlen (passphrase));
  if (key == NULL)
    return NULL;
  return sk_store_open (path, key, error);
}

static SkConversation *
load_conversation (SkStore  *store,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(GError) local = NULL;
  SkConversation *conversation = id > 0 ? sk_store_load (store, SK_TYPE_CONVERSATION, id, &local) : NULL;

  if (conversation == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number the user gave */
                   _("There is no conversation with the number %s."), number);
    }
  return conversation;
}

gboolean
sk_export_summary (const char  *database,
                   gint64       id,
                   const char  *language,
                   const char  *output,
                   GError     **error)
{
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(SkSummary) summary = NULL;
  g_autoptr(GSettings) settings = sk_settings_new ();
  SkSummarySender sender;
  g_auto(GStrv) strings = sk_settings_read_sender (settings, &sender);

  if (g_strcmp0 (language, "da") != 0 && g_strcmp0 (language, "en") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what the user gave for --language */
                   _("The summary can be written in “da” (Danish) or “en” (English), not “%s”."),
                   language != NULL ? language : "");
      return FALSE;
    }
  store = open_store (database, error);
  if (store == NULL)
    return FALSE;
  conversation = load_conversation (store, id, error);
  if (conversation == NULL)
    return FALSE;
  summary = sk_summary_build (store, conversation, language, &sender, error);
  return summary != NULL && sk_summary_write_pdf (summary, output, error);
}

gboolean
sk_export_journal (const char  *database,
                   gint64       id,
                   const char  *output,
                   GError     **error)
{
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSettings) settings = sk_settings_new ();

  store = open_store (database, error);
  if (store == NULL)
    return FALSE;
  conversation = load_conversation (store, id, error);
  if (conversation == NULL)
    return FALSE;
  /* The caseworker's own notes as in the window's journal dialog. */
  journal = sk_journal_build (store, conversation, g_settings_get_boolean (settings, "journal-own-notes"), error);
  if (journal == NULL)
    return FALSE;
  text = g_strconcat (journal, "\n", NULL);
  return g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

int
sk_export_run (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *database = NULL, *output = NULL, *language = "da";
  gint64 id = 0;
  gboolean summary, journal, ok;

  summary = g_variant_dict_lookup (options, "export-summary", "x", &id);
  journal = !summary && g_variant_dict_lookup (options, "export-journal", "x", &id);
  if (!summary && !journal)
    return -1;

  /* The journal note in the interface's language, as in the window. */
  {
    g_autoptr(GSettings) settings = sk_settings_new ();
    g_autofree char *interface = g_settings_get_string (settings, "language");

    sk_i18n_set_language (interface);
  }
  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "language", "&s", &language);
  if (output == NULL)
    {
      g_printerr ("%s\n", _("Say where to write it, with --output FILE."));
      return 1;
    }

  ok = summary ? sk_export_summary (database, id, language, output, &error)
               : sk_export_journal (database, id, output, &error);
  if (!ok)
    {
      g_printerr ("samtalekuffert: %s\n", error->message);
      return 1;
    }
  return 0;
}
