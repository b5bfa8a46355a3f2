/* sk-network-tool.h — "My network": the map, adding people, last time */
#pragma once

#include <adwaita.h>

#include "sk-tool.h"

G_BEGIN_DECLS

#define SK_TYPE_NETWORK_TOOL (sk_network_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkTool, sk_network_tool, SK, NETWORK_TOOL, SkTool)

GListModel *sk_network_tool_get_people       (SkNetworkTool  *self);
GtkWidget  *sk_network_tool_get_map          (SkNetworkTool  *self);
GtkWidget  *sk_network_tool_get_editor       (SkNetworkTool  *self);

G_END_DECLS
