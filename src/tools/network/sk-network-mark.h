/* sk-network-mark.h — one of the child's two marks on a person */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SK_TYPE_NETWORK_MARK (sk_network_mark_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkMark, sk_network_mark, SK, NETWORK_MARK, GtkToggleButton)

void        sk_network_mark_set_label    (SkNetworkMark *self,
                                          const char    *label);
const char *sk_network_mark_get_property_name (SkNetworkMark *self);

G_END_DECLS
