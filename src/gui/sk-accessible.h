/* sk-accessible.h — names a screen reader can say */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sk_accessible_tidy_mnemonics (GtkWidget  *root);
void sk_accessible_set_label      (GtkWidget  *widget,
                                   const char *label);

gboolean sk_accessible_label_first (GtkWidget  *root,
                                    GType       type,
                                    const char *label);

GtkListItemFactory *sk_accessible_string_factory_new (void);

void sk_accessible_tidy_shortcuts_window (GtkShortcutsWindow *window);

G_END_DECLS
