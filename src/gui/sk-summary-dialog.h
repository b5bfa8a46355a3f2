/* sk-summary-dialog.h — the summary for the parents: look at it together,
 * choose, print or save */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_SUMMARY_DIALOG (sk_summary_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SkSummaryDialog, sk_summary_dialog, SK, SUMMARY_DIALOG, AdwWindow)

SkSummaryDialog *sk_summary_dialog_new        (GtkWindow       *parent,
                                               SkContext       *context,
                                               SkConversation  *conversation);
/* "da" or "en". */
void             sk_summary_dialog_set_language (SkSummaryDialog *self,
                                                 const char      *language);
guint            sk_summary_dialog_get_n_pages  (SkSummaryDialog *self);
gboolean         sk_summary_dialog_save_pdf     (SkSummaryDialog *self,
                                                 const char      *path,
                                                 GError         **error);

G_END_DECLS
