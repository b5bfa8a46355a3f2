/* sk-letter-dialog.h — the letters to the child: the invitation and the
 * letter after, seen as they will be printed, saved as PDF or printed */
#pragma once

#include <adwaita.h>

#include "sk-context.h"
#include "sk-conversation.h"
#include "sk-letter.h"

G_BEGIN_DECLS

#define SK_TYPE_LETTER_DIALOG (sk_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SkLetterDialog, sk_letter_dialog, SK, LETTER_DIALOG, AdwWindow)

SkLetterDialog *sk_letter_dialog_new      (GtkWindow      *parent,
                                           SkContext      *context,
                                           SkConversation *conversation);
/* The letter shown now. */
SkLetterKind    sk_letter_dialog_get_kind (SkLetterDialog *self);

G_END_DECLS
