/* sk-network-token.h — one person on the network map: picture, name, marks */
#pragma once

#include <gtk/gtk.h>

#include "sk-network.h"
#include "sk-network-draw.h"

G_BEGIN_DECLS

#define SK_TYPE_NETWORK_TOKEN (sk_network_token_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkToken, sk_network_token, SK, NETWORK_TOKEN, GtkWidget)

GtkWidget       *sk_network_token_new        (SkNetworkPerson      *person);
SkNetworkPerson *sk_network_token_get_person (SkNetworkToken      *self);
/* The map's size decides the token's; a new frame redraws it. */
void             sk_network_token_set_frame  (SkNetworkToken      *self,
                                              const SkNetworkFrame *frame);
void             sk_network_token_set_lifted (SkNetworkToken      *self,
                                              gboolean              lifted);

G_END_DECLS
