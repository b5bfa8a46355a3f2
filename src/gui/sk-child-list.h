/* sk-child-list.h — the caseworker's children, to search and choose from */
#pragma once

#include <adwaita.h>

#include "sk-child.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD_LIST (sk_child_list_get_type ())
G_DECLARE_FINAL_TYPE (SkChildList, sk_child_list, SK, CHILD_LIST, GtkWidget)

void        sk_child_list_sort         (GPtrArray   *children);
void        sk_child_list_fill         (SkChildList *self,
                                        GPtrArray   *sorted);
GListStore *sk_child_list_get_store    (SkChildList *self);
GListModel *sk_child_list_get_shown    (SkChildList *self);
void        sk_child_list_add          (SkChildList *self,
                                        SkChild     *child);
void        sk_child_list_changed      (SkChildList *self);
void        sk_child_list_highlight    (SkChildList *self,
                                        SkChild     *child);
void        sk_child_list_focus_search (SkChildList *self);
void        sk_child_list_focus_child  (SkChildList *self,
                                        SkChild     *child);
const char *sk_child_list_get_search   (SkChildList *self);
void        sk_child_list_set_search   (SkChildList *self,
                                        const char  *text);

G_END_DECLS
