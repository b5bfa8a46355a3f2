/* sk-preferences.h — language, and the caseworker's own details */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SK_TYPE_PREFERENCES (sk_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SkPreferences, sk_preferences, SK, PREFERENCES, AdwPreferencesWindow)

SkPreferences *sk_preferences_new (GtkWindow *parent,
                                   GSettings *settings);

G_END_DECLS
