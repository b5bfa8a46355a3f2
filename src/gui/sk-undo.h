/* sk-undo.h — delete with "Undo" for a few seconds, then for good */
#pragma once

#include <adwaita.h>

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef void (*SkUndoRestored) (SkRecord *record,
                                gpointer  user_data);

void     sk_undo_trash      (GtkWidget        *widget,
                             SkStore          *store,
                             SkRecord         *record,
                             GListStore       *list,
                             GCompareDataFunc  order,
                             const char       *message,
                             SkUndoRestored    restored,
                             gpointer          user_data);
gboolean sk_undo_finish_all (GtkWidget        *widget,
                             GError          **error);

G_END_DECLS
