/* sk-lundy-line.h — one Lundy step's line for the child, on the whole
 * screen */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SK_TYPE_LUNDY_LINE (sk_lundy_line_get_type ())
G_DECLARE_FINAL_TYPE (SkLundyLine, sk_lundy_line, SK, LUNDY_LINE, GtkWidget)

GtkWidget  *sk_lundy_line_new      (void);
/* @step: a step's key, e.g. "space". */
void        sk_lundy_line_set_step (SkLundyLine *self,
                                    const char  *step);
const char *sk_lundy_line_get_step (SkLundyLine *self);

G_END_DECLS
