/* sk-summary-panel.h — the parents' pages beside the child's choices */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_SUMMARY_PANEL (sk_summary_panel_get_type ())
G_DECLARE_FINAL_TYPE (SkSummaryPanel, sk_summary_panel, SK, SUMMARY_PANEL, GtkWidget)

/* @child_view: %TRUE in the child's view: said to the child, big, and
 * saved without a file chooser (which would show other files). */
GtkWidget *sk_summary_panel_new              (SkContext       *context,
                                              gboolean         child_view);
void       sk_summary_panel_set_conversation (SkSummaryPanel  *self,
                                              SkConversation  *conversation);
/* "da" or "en". */
void       sk_summary_panel_set_language     (SkSummaryPanel  *self,
                                              const char      *language);
guint      sk_summary_panel_get_n_pages      (SkSummaryPanel  *self);
gboolean   sk_summary_panel_save_pdf         (SkSummaryPanel  *self,
                                              const char      *path,
                                              GError         **error);
/* Shows @error in the panel, where the person is looking. */
void       sk_summary_panel_report           (SkSummaryPanel  *self,
                                              const GError    *error);

G_END_DECLS
