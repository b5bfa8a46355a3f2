/* sk-window.h — the main window: children, conversations, the child's view */
#pragma once

#include <adwaita.h>

#include "sk-store.h"
#include "sk-child.h"
#include "sk-context.h"
#include "sk-conversation.h"

G_BEGIN_DECLS

#define SK_TYPE_WINDOW (sk_window_get_type ())
G_DECLARE_FINAL_TYPE (SkWindow, sk_window, SK, WINDOW, AdwApplicationWindow)

SkWindow       *sk_window_new               (GtkApplication *application,
                                             SkStore        *store,
                                             GSettings      *settings);
void            sk_window_set_store         (SkWindow       *self,
                                             SkStore        *store);
void            sk_window_set_store_listed  (SkWindow       *self,
                                             SkStore        *store,
                                             GPtrArray      *children);
SkWindow       *sk_window_new_like          (SkWindow       *other);
SkStore        *sk_window_get_store         (SkWindow       *self);
SkContext      *sk_window_get_context       (SkWindow       *self);
SkChild        *sk_window_get_child         (SkWindow       *self);
SkConversation *sk_window_get_conversation  (SkWindow       *self);
GListModel     *sk_window_get_children      (SkWindow       *self);

void            sk_window_select_child      (SkWindow       *self,
                                             SkChild        *child);
void            sk_window_open_conversation (SkWindow       *self,
                                             SkConversation *conversation);
void            sk_window_delete_child      (SkWindow       *self,
                                             SkChild        *child);
void            sk_window_show_error        (SkWindow       *self,
                                             const GError   *error);
gboolean        sk_window_finish            (SkWindow       *self,
                                             GError        **error);
void            sk_window_set_covered       (SkWindow       *self,
                                             gboolean        covered);
gboolean        sk_window_get_covered       (SkWindow       *self);
void            sk_window_ask_key           (SkWindow       *self,
                                             const char     *path,
                                             gboolean        choose);
void            sk_window_lock              (SkWindow       *self);
gboolean        sk_window_get_locked        (SkWindow       *self);
void            sk_window_say               (SkWindow       *self,
                                             const char     *message,
                                             gboolean        stays);

G_END_DECLS
