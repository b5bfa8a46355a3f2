/* sk-scroller.h — a page that scrolls to the keyboard, but not to popovers */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sk_scroller_follow_focus (GtkScrolledWindow *scroller);
void sk_scroller_reveal       (GtkWidget         *widget);

G_END_DECLS
