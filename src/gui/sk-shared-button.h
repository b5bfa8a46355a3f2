/* sk-shared-button.h — "May your parents see this?", answered by the child */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_SHARED_BUTTON (sk_shared_button_get_type ())
G_DECLARE_FINAL_TYPE (SkSharedButton, sk_shared_button, SK, SHARED_BUTTON, GtkToggleButton)

/* @question, e.g. "May your parents see the map?"; the answer follows it
 * in words, with an open or a crossed-out eye. */
GtkWidget *sk_shared_button_new (const char *question);

G_END_DECLS
