/* sk-print-dialog.h — a printer, a number of copies, and Print */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SK_TYPE_PRINT_DIALOG (sk_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SkPrintDialog, sk_print_dialog, SK, PRINT_DIALOG, AdwWindow)

/* @pdf: the A4 document of @n_pages pages.  The printer and the number of
 * copies are read from @settings ("printer", "print-copies") and kept
 * there after a print.  Emits "sent" (the printer's name as people see
 * it) when CUPS has accepted the job, and closes. */
SkPrintDialog *sk_print_dialog_new (GtkWindow *parent,
                                    GSettings *settings,
                                    GBytes    *pdf,
                                    guint      n_pages);

/* Another document than the parents' summary: the dialog's @title
 * ("Print the Letter") and the job's name in the printer's queue. */
void           sk_print_dialog_set_document (SkPrintDialog *self,
                                             const char    *title,
                                             const char    *job_name);

G_END_DECLS
