/* sk-network-map.h — the network map: the child in the middle, rings and
 * sectors around, the people where the child put them */
#pragma once

#include <gtk/gtk.h>

#include "sk-network.h"

G_BEGIN_DECLS

#define SK_TYPE_NETWORK_MAP (sk_network_map_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkMap, sk_network_map, SK, NETWORK_MAP, GtkWidget)

/* An @editable map takes drags, clicks and keys; the other only shows. */
GtkWidget *sk_network_map_new         (gboolean       editable);
void       sk_network_map_set_people  (SkNetworkMap  *self,
                                       SkStore       *store,
                                       GListModel    *people,
                                       const char    *child_name);
/* The widget that shows @person, to point a popover at or to focus. */
GtkWidget *sk_network_map_get_token   (SkNetworkMap    *self,
                                       SkNetworkPerson *person);
/* Where a person sits on screen now (after spreading people apart), in
 * the map's coordinates; FALSE when not shown. */
gboolean   sk_network_map_get_spot    (SkNetworkMap    *self,
                                       SkNetworkPerson *person,
                                       double          *x,
                                       double          *y);

double     sk_network_map_get_text_size (SkNetworkMap  *self);

/* Where @place is on the map as it is shown now, in its coordinates. */
void       sk_network_map_place_to_spot (SkNetworkMap   *self,
                                         SkNetworkPolar  place,
                                         double         *x,
                                         double         *y);

G_END_DECLS
