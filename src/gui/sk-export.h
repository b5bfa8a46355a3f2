/* sk-export.h — the summary and the journal note from the command line */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs --export-summary or --export-journal when given, and returns the
 * exit status; -1 when neither was asked for. */
int sk_export_run (GVariantDict *options);

/* The summary as a PDF, or the journal note as text, for conversation @id
 * of the database at @database (NULL: the usual one). */
gboolean sk_export_summary (const char  *database,
                            gint64       id,
                            const char  *language,
                            const char  *output,
                            GError     **error);
gboolean sk_export_journal (const char  *database,
                            gint64       id,
                            const char  *output,
                            GError     **error);

G_END_DECLS
