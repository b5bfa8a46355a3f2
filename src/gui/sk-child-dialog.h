/* sk-child-dialog.h — add a child, or edit a child's details */
#pragma once

#include <adwaita.h>

#include "sk-child.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD_DIALOG (sk_child_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SkChildDialog, sk_child_dialog, SK, CHILD_DIALOG, AdwWindow)

/* @child NULL adds a new child; "saved" is emitted with the child. */
SkChildDialog *sk_child_dialog_new  (GtkWindow *parent,
                                     SkStore   *store,
                                     SkChild   *child);
gboolean       sk_child_dialog_save (SkChildDialog *self,
                                     GError       **error);

G_END_DECLS
