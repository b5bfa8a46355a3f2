/* sk-journal-dialog.h — the journal note for the case system: read it,
 * copy it, save it */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_JOURNAL_DIALOG (sk_journal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SkJournalDialog, sk_journal_dialog, SK, JOURNAL_DIALOG, AdwWindow)

/* Emits "done" (a message for the window: "copied", "saved") and closes
 * after a copy or a save. */
SkJournalDialog *sk_journal_dialog_new (GtkWindow      *parent,
                                        SkContext      *context,
                                        SkConversation *conversation);

G_END_DECLS
