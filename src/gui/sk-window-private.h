/* sk-window-private.h — the window's parts, for its actions (sk-window-actions.c) */
#pragma once

#include "sk-window.h"
#include "sk-child-list.h"
#include "sk-child-page.h"
#include "sk-child-view.h"
#include "sk-context.h"
#include "sk-conversation-page.h"
#include "sk-lock-page.h"

G_BEGIN_DECLS

struct _SkWindow
{
  AdwApplicationWindow parent_instance;

  SkStore            *store;
  GSettings          *settings;
  SkContext          *context;
  SkChild            *child;
  GListStore         *conversations;
  SkConversation     *conversation;
  gboolean            child_mode;
  gboolean            was_fullscreen;
  const char         *uncovered_page;  /* what the cover or the lock hides; NULL when neither */
  GtkWidget          *covered_focus;   /* weak: the keyboard's place before the cover */
  gboolean            covered;         /* the privacy cover (F9) */
  gboolean            locked;          /* the lock (sk_window_lock()), or the passphrase to open */
  GtkWidget          *lock_page;       /* SkLockPage, built when first needed */
  GPtrArray          *locked_dialogs;  /* the dialogs the lock hid */
  gint64              last_input;      /* monotonic µs of the person's last key, click or touch */
  guint               idle_id;
  guint               backup_id;       /* the next check for the day's backup */
  gboolean            backup_hourly;
  guint               remind_id;       /* the reminder of children without a conversation */

  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *mode_stack;
  GtkWidget          *full_page;       /* what a tool puts on the whole window */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  SkChildList        *child_list;
  GtkWidget          *content;
  GtkWidget          *back_button;
  GtkWidget          *child_view_button;
  AdwWindowTitle     *content_title;
  GtkStack           *content_stack;
  SkChildPage        *child_page;          /* built when the first child is chosen */
  SkConversationPage *conversation_page;   /* built the first time it is needed */
  SkChildView        *child_view;          /* the same */
  GtkWindow          *help_overlay;        /* the same, weak: the keyboard shortcuts */
};

/* sk-window.c */
SkConversationPage *sk_window_ensure_conversation_page (SkWindow   *self);
void                sk_window_set_child_mode           (SkWindow   *self,
                                                        gboolean    child_mode);
gboolean            sk_window_is_covered               (SkWindow   *self);
void                sk_window_show_face                (SkWindow   *self,
                                                        const char *face);
void                sk_window_update_title             (SkWindow   *self);

/* sk-window-actions.c: the win. actions, and which of them can be used now */
void                sk_window_actions_install          (SkWindow   *self);
void                sk_window_actions_update           (SkWindow   *self);

G_END_DECLS
