/* sk-child-page.h — one child: details and conversations, newest first */
#pragma once

#include <adwaita.h>

#include "sk-child.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD_PAGE (sk_child_page_get_type ())
G_DECLARE_FINAL_TYPE (SkChildPage, sk_child_page, SK, CHILD_PAGE, GtkWidget)

void        sk_child_page_focus_start       (SkChildPage *self);
void        sk_child_page_set_store         (SkChildPage *self,
                                             SkStore     *store);
void        sk_child_page_set_child         (SkChildPage *self,
                                             SkChild     *child,
                                             GListModel  *conversations);

char       *sk_child_describe               (SkChild     *child);

G_END_DECLS
