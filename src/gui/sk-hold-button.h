/* sk-hold-button.h — a button that acts only when held down */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SK_TYPE_HOLD_BUTTON (sk_hold_button_get_type ())
G_DECLARE_FINAL_TYPE (SkHoldButton, sk_hold_button, SK, HOLD_BUTTON, GtkWidget)

guint sk_hold_button_get_hold_time (void);

G_END_DECLS
