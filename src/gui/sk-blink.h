/* sk-blink.h — the text cursor's blinking, two frames per cycle */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* After gtk_init: takes over the blinking of the text cursor from GTK
 * (see sk-blink.c) for every window there is and will be. */
void     sk_blink_install    (void);
/* Whether the cursor blinks at all (the person's gtk-cursor-blink). */
gboolean sk_blink_get_wanted (void);

G_END_DECLS
