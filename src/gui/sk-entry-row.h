/* sk-entry-row.h — a field of one line in a boxed list, with its title */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SK_TYPE_ENTRY_ROW (sk_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (SkEntryRow, sk_entry_row, SK, ENTRY_ROW, AdwPreferencesRow)

GtkWidget *sk_entry_row_new       (void);
GtkEntry  *sk_entry_row_get_entry (SkEntryRow *self);

G_END_DECLS
