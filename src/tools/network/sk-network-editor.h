/* sk-network-editor.h — add or change one person on the network map */
#pragma once

#include <gtk/gtk.h>

#include "sk-network.h"

G_BEGIN_DECLS

#define SK_TYPE_NETWORK_EDITOR (sk_network_editor_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkEditor, sk_network_editor, SK, NETWORK_EDITOR, GtkPopover)

GtkWidget       *sk_network_editor_new        (void);
/* A new person who will start at @place; "Add" stores them in @people. */
void             sk_network_editor_add        (SkNetworkEditor *self,
                                               SkStore         *store,
                                               GListStore      *people,
                                               gint64           conversation_id,
                                               SkNetworkPolar   place);
/* Changes to @person are stored as they are made. */
void             sk_network_editor_edit       (SkNetworkEditor *self,
                                               SkStore         *store,
                                               SkNetworkPerson *person);
/* The person being added or changed. */
SkNetworkPerson *sk_network_editor_get_person (SkNetworkEditor *self);
/* Adds the new person (what the "Add" button does); FALSE when the name
 * is still empty. */
gboolean         sk_network_editor_confirm    (SkNetworkEditor *self);

G_END_DECLS
