/* sk-context.h — what every page and tool works with: the store, the
 * settings, and one way to tell the person something went wrong */
#pragma once

#include <gtk/gtk.h>

#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_CONTEXT (sk_context_get_type ())
G_DECLARE_FINAL_TYPE (SkContext, sk_context, SK, CONTEXT, GObject)

SkContext *sk_context_new          (SkStore      *store,
                                    GSettings    *settings);
SkStore   *sk_context_get_store    (SkContext    *self);
GSettings *sk_context_get_settings (SkContext    *self);
/* Tells the person: the window (or dialog) the context belongs to shows
 * @error where it is seen ("report"). */
void       sk_context_report       (SkContext    *self,
                                    const GError *error);
/* Puts @widget on the whole window, over everything, until it is called
 * with %NULL ("show-full"): a Lundy step's line for the child. */
void       sk_context_show_full    (SkContext    *self,
                                    GtkWidget    *widget);

G_END_DECLS
