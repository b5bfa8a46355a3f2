/* sk-speak.h — reading aloud from the widgets: picture mode's voice */
#pragma once

#include <gtk/gtk.h>

#include "sk-context.h"

G_BEGIN_DECLS

/* Says @text in the interface's language, unless reading aloud is
 * switched off (the "read-aloud" setting).  The first time reading aloud
 * cannot work (no voice, no sound device) @context reports it, once; after
 * that it is silent. */
void       sk_speak             (SkContext  *context,
                                 const char *text);
/* Starts the reader early (it loads its voices on a thread of its own),
 * so that the first touch is heard at once. */
void       sk_speak_prepare     (void);
/* A small button with a speaker that says @text. */
GtkWidget *sk_speaker_button_new (SkContext  *context,
                                  const char *text);

G_END_DECLS
