/* sk-language.h — writing in another language for a moment
 *
 * The parents' summary is written in the parents' language, which may not
 * be the interface's.  gettext reads LANGUAGE at every lookup; these switch
 * it for the building and drawing of one document, on the main thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Switches to @language ("da", "en"); returns what to give back to
 * sk_language_pop(). */
char *sk_language_push (const char *language);
void  sk_language_pop  (char       *previous);

G_END_DECLS
