/* sk-window.c — the main window: children, conversations, the child's view
 *
 * Faces of one window, one shown at a time: the caseworker's view (the
 * children on the left, a child or a conversation on the right), the
 * child's view (full screen, this child only), whatever a tool puts on the
 * whole window, and the privacy cover.  The window knows no tool: the
 * pages build them from the registry, on the window's context.  Its
 * actions are in sk-window-actions.c.
 */
#include "config.h"

#include "sk-window-private.h"
#include "sk-accessible.h"
#include "sk-backup-ui.h"
#include "sk-format.h"
#include "sk-undo.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (SkWindow, sk_window, ADW_TYPE_APPLICATION_WINDOW)

/* The conversation page and the child's view are built the first time
 * they are needed: start-up shows neither. */
SkConversationPage *
sk_window_ensure_conversation_page (SkWindow *self)
{
  if (self->conversation_page == NULL)
    {
      self->conversation_page = SK_CONVERSATION_PAGE (sk_conversation_page_new (self->context));
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->conversation_page), "conversation");
    }
  return self->conversation_page;
}

static SkChildView *
ensure_child_view (SkWindow *self)
{
  if (self->child_view == NULL)
    {
      self->child_view = SK_CHILD_VIEW (sk_child_view_new (self->context));
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->child_view), "child");
    }
  return self->child_view;
}

/**
 * sk_window_show_face:
 * @face: "caseworker", "child", "full" or "cover"
 *
 * Only that face is there at all: the others are hidden, so they are
 * neither drawn nor in the tree a screen reader walks, and none of their
 * controls can be reached.
 */
void
sk_window_show_face (SkWindow   *self,
                     const char *face)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->mode_stack, face);

  g_return_if_fail (page != NULL);
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child_full (self->mode_stack, face, GTK_STACK_TRANSITION_TYPE_NONE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->mode_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

gboolean
sk_window_is_covered (SkWindow *self)
{
  return self->uncovered_page != NULL;
}

void
sk_window_update_title (SkWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (page, "conversation") == 0 && self->conversation != NULL)
    {
      g_autoptr(GDateTime) local = sk_conversation_dup_local_time (self->conversation);

      subtitle = local ? sk_format_date_time (local) : NULL;
    }

  adw_window_title_set_title (self->content_title,
                              self->child && g_strcmp0 (page, "empty") != 0
                              ? sk_child_get_name (self->child) : "");
  adw_window_title_set_subtitle (self->content_title, subtitle ? subtitle : "");
  gtk_widget_set_visible (self->child_view_button, self->conversation != NULL);
  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) || g_strcmp0 (page, "conversation") == 0);
  sk_window_actions_update (self);
}

static void
show_content (SkWindow   *self,
              const char *page)
{
  gtk_stack_set_visible_child_name (self->content_stack, page);
  if (g_strcmp0 (page, "empty") != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  sk_window_update_title (self);
}

/**
 * sk_window_set_child_mode:
 *
 * Into the child's view (full screen, this child only, the keyboard on the
 * child's things) or back to the caseworker's.
 */
void
sk_window_set_child_mode (SkWindow *self,
                          gboolean  child_mode)
{
  if (self->child_mode == child_mode)
    return;
  if (child_mode && self->conversation == NULL)
    return;

  self->child_mode = child_mode;
  if (child_mode)
    {
      sk_child_view_set_conversation (ensure_child_view (self), self->child, self->conversation);
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      sk_window_show_face (self, "child");
      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The keyboard starts on the child's things, never on the way out. */
      sk_child_view_focus_start (self->child_view);
    }
  else
    {
      sk_window_show_face (self, "caseworker");
      /* Nothing of this child stays behind in the hidden view. */
      sk_child_view_set_conversation (ensure_child_view (self), NULL, NULL);
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      if (self->conversation != NULL)
        gtk_widget_grab_focus (self->child_view_button);
    }
  sk_window_actions_update (self);
}

/* A tool puts a widget on the whole window (or takes it away: NULL). */
static void
show_full_cb (SkWindow  *self,
              GtkWidget *widget)
{
  GtkWidget *old = gtk_widget_get_first_child (self->full_page);

  if (old != NULL && old != widget)
    gtk_box_remove (GTK_BOX (self->full_page), old);
  if (widget == NULL)
    {
      /* Back to where it was put up from; under the cover, to that. */
      if (self->uncovered_page != NULL)
        self->uncovered_page = self->child_mode ? "child" : "caseworker";
      else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "full") == 0)
        sk_window_show_face (self, self->child_mode ? "child" : "caseworker");
      return;
    }
  /* Nothing comes up under the cover. */
  if (sk_window_is_covered (self))
    return;
  if (gtk_widget_get_parent (widget) != self->full_page)
    {
      gtk_widget_set_vexpand (widget, TRUE);
      gtk_box_append (GTK_BOX (self->full_page), widget);
    }
  sk_window_show_face (self, "full");
}

static void
report_cb (SkWindow     *self,
           const GError *error)
{
  sk_window_show_error (self, error);
}

static void
child_activated_cb (SkWindow *self,
                    SkChild  *child)
{
  sk_window_select_child (self, child);
  /* Chosen from the list or with Enter in the search: the keyboard goes
   * on into the child's page. */
  if (self->child_page != NULL)
    sk_child_page_focus_start (self->child_page);
}

static void
conversation_activated_cb (SkWindow       *self,
                           SkConversation *conversation)
{
  sk_window_open_conversation (self, conversation);
}

/* A way into a conversation on one tool's part: "Prepare" opens it on the
 * preparation. */
static void
conversation_open_tool_cb (SkWindow       *self,
                           SkConversation *conversation,
                           const char     *tool,
                           const char     *part)
{
  sk_window_open_conversation (self, conversation);
  sk_conversation_page_show_tool (sk_window_ensure_conversation_page (self), tool, part);
}

static void
folded_changed_cb (SkWindow *self)
{
  sk_window_update_title (self);
}

static void
write_failed_cb (SkWindow *self,
                 GError   *error)
{
  sk_window_show_error (self, error);
}

/* What failed is in the file now: the bar has said its piece. */
static void
write_recovered_cb (SkWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
save_window_state (SkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
close_anyway_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 SkWindow         *self)
{
  if (g_strcmp0 (response, "close") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
sk_window_close_request (GtkWindow *window)
{
  SkWindow *self = SK_WINDOW (window);
  g_autoptr(GError) error = NULL;

  save_window_state (self);
  if (!sk_window_finish (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Your Latest Changes Are Not Saved"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nIf you close now, the changes of the last moments are lost."),
                                      error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "stay", _("_Keep Open"),
                                        "close", _("_Close Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "stay");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "stay");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_cb), self, 0);
      sk_accessible_tidy_mnemonics (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sk_window_parent_class)->close_request (window);
}

/* A child's page is built when the first child is chosen: start-up
 * shows none, and the content stack would measure it all the same. */
static SkChildPage *
ensure_child_page (SkWindow *self)
{
  if (self->child_page == NULL)
    {
      self->child_page = g_object_new (SK_TYPE_CHILD_PAGE, NULL);
      g_signal_connect_object (self->child_page, "conversation-activated", G_CALLBACK (conversation_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->child_page, "conversation-open-tool", G_CALLBACK (conversation_open_tool_cb),
                               self, G_CONNECT_SWAPPED);
      if (self->store != NULL)
        sk_child_page_set_store (self->child_page, self->store);
      sk_accessible_tidy_mnemonics (GTK_WIDGET (self->child_page));
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->child_page), "child");
    }
  return self->child_page;
}

static void
sk_window_dispose (GObject *object)
{
  SkWindow *self = SK_WINDOW (object);

  g_clear_weak_pointer (&self->covered_focus);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->remind_id, g_source_remove);
  g_clear_pointer (&self->locked_dialogs, g_ptr_array_unref);
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->toast_overlay != NULL && !sk_undo_finish_all (GTK_WIDGET (self->toast_overlay), &error))
        g_warning ("A delete could not be finished: %s", error->message);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->help_overlay != NULL)
    {
      GtkWindow *overlay = self->help_overlay;

      g_clear_weak_pointer (&self->help_overlay);
      gtk_window_destroy (overlay);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_WINDOW);

  g_clear_object (&self->child);
  g_clear_object (&self->conversations);
  g_clear_object (&self->conversation);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  self->conversation_page = NULL;
  self->child_view = NULL;
  self->child_page = NULL;

  G_OBJECT_CLASS (sk_window_parent_class)->dispose (object);
}

static void
sk_window_class_init (SkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sk_window_dispose;
  window_class->close_request = sk_window_close_request;

  /**
   * SkWindow::key-given:
   * @key: the data key typed or chosen on the passphrase page
   *
   * The window has no database yet (sk_window_ask_key()): the
   * application opens it with @key and gives it with
   * sk_window_set_store_listed().
   */
  g_signal_new ("key-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, SK_TYPE_KEY);

  g_type_ensure (SK_TYPE_CHILD_LIST);
  g_type_ensure (SK_TYPE_CHILD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, full_page);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, child_list);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, child_view_button);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
}

/* ---- The lock after a while without input ---- */

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          SkWindow                 *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
      self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_check_cb (gpointer user_data)
{
  SkWindow *self = user_data;
  double minutes = g_settings_get_double (self->settings, "lock-minutes");

  if (minutes > 0 && self->store != NULL && !self->locked &&
      g_get_monotonic_time () - self->last_input >= (gint64) (minutes * 60 * G_USEC_PER_SEC))
    sk_window_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
sk_window_init (SkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  sk_window_show_face (self, "caseworker");
  sk_window_actions_install (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);

  {
    GtkEventController *input = gtk_event_controller_legacy_new ();

    gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
    g_signal_connect (input, "event", G_CALLBACK (input_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), input);
  }
  self->last_input = g_get_monotonic_time ();
}

static void
load_children (SkWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = sk_store_list (self->store, SK_TYPE_CHILD, NULL, 0, &error);
  GListStore *shown = sk_child_list_get_store (self->child_list);
  guint n;
  g_autoptr(GPtrArray) items = NULL;

  if (children == NULL)
    {
      sk_window_show_error (self, error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (children));
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (children), i));
  g_list_store_splice (shown, 0, g_list_model_get_n_items (G_LIST_MODEL (shown)), items->pdata, items->len);
}

/**
 * sk_window_new:
 * @store: (nullable): the database to show; %NULL to give it later with
 *   sk_window_set_store()
 */
SkWindow *
sk_window_new (GtkApplication *application,
               SkStore        *store,
               GSettings      *settings)
{
  SkWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || SK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SK_TYPE_WINDOW,
                       "application", application,
                       "default-width", g_settings_get_int (settings, "window-width"),
                       "default-height", g_settings_get_int (settings, "window-height"),
                       NULL);
  self->settings = g_object_ref (settings);
  /* Checked every second: the lock comes at most a second late. */
  self->idle_id = g_timeout_add_seconds (1, idle_check_cb, self);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  show_content (self, "empty");

  if (store != NULL)
    sk_window_set_store (self, store);
  return self;
}

/**
 * sk_window_set_store_listed:
 * @children: (nullable): the store's children, sorted with
 *   sk_child_list_sort() (by a thread that opened the store); %NULL to
 *   read them here
 *
 * Gives the window its database, once: the window can be built while the
 * database is still being opened and checked.  The window's context (the
 * store, the settings, where to tell of errors) is made here for every
 * page and tool.  Children read ahead are shown a screenful first, the
 * rest after the first frame.
 */
void
sk_window_set_store_listed (SkWindow  *self,
                            SkStore   *store,
                            GPtrArray *children)
{
  g_return_if_fail (SK_IS_WINDOW (self));
  g_return_if_fail (SK_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->context = sk_context_new (store, self->settings);
  g_signal_connect_object (self->context, "report", G_CALLBACK (report_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "show-full", G_CALLBACK (show_full_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "write-failed", G_CALLBACK (write_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "write-recovered", G_CALLBACK (write_recovered_cb), self, G_CONNECT_SWAPPED);
  if (self->child_page != NULL)
    sk_child_page_set_store (self->child_page, store);
  if (children != NULL)
    sk_child_list_fill (self->child_list, children);
  else
    load_children (self);
  sk_window_schedule_backups (self);
}

/**
 * sk_window_set_store:
 *
 * sk_window_set_store_listed() that reads the children itself, all at once.
 */
void
sk_window_set_store (SkWindow *self,
                     SkStore  *store)
{
  sk_window_set_store_listed (self, store, NULL);
}

/**
 * sk_window_new_like:
 *
 * A new window showing what @other shows: same store, child, conversation,
 * search and view.  Used to build the window anew in another language.
 */
SkWindow *
sk_window_new_like (SkWindow *other)
{
  GtkApplication *application;
  SkWindow *self;

  g_return_val_if_fail (SK_IS_WINDOW (other), NULL);

  application = gtk_window_get_application (GTK_WINDOW (other));
  self = sk_window_new (application, other->store, other->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               gtk_widget_get_width (GTK_WIDGET (other)),
                               gtk_widget_get_height (GTK_WIDGET (other)));
  sk_child_list_set_search (self->child_list, sk_child_list_get_search (other->child_list));
  if (other->child != NULL)
    sk_window_select_child (self, other->child);
  if (other->conversation != NULL)
    sk_window_open_conversation (self, other->conversation);
  if (other->child_mode)
    {
      sk_window_set_child_mode (self, TRUE);
      self->was_fullscreen = other->was_fullscreen;
    }
  if (other->covered)
    sk_window_set_covered (self, TRUE);
  if (other->locked)
    sk_window_lock (self);
  return self;
}

SkStore *
sk_window_get_store (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return self->store;
}

SkContext *
sk_window_get_context (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return self->context;
}

SkChild *
sk_window_get_child (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return self->child;
}

SkConversation *
sk_window_get_conversation (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return self->conversation;
}

GListModel *
sk_window_get_children (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return sk_child_list_get_shown (self->child_list);
}

/**
 * sk_window_select_child:
 * @child: (nullable): the child to show, or %NULL for none
 */
void
sk_window_select_child (SkWindow *self,
                        SkChild  *child)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) conversations = NULL;

  g_return_if_fail (SK_IS_WINDOW (self));

  sk_window_set_child_mode (self, FALSE);
  sk_window_open_conversation (self, NULL);

  if (child != NULL)
    {
      conversations = sk_store_list (self->store, SK_TYPE_CONVERSATION, "child_id",
                                     sk_record_get_id (SK_RECORD (child)), &error);
      if (conversations == NULL)
        {
          sk_window_show_error (self, error);
          child = NULL;
        }
    }

  g_set_object (&self->child, child);
  g_set_object (&self->conversations, conversations);
  if (child != NULL || self->child_page != NULL)
    sk_child_page_set_child (ensure_child_page (self), child, G_LIST_MODEL (conversations));
  sk_child_list_highlight (self->child_list, child);
  show_content (self, child ? "child" : "empty");
}

/**
 * sk_window_open_conversation:
 * @conversation: (nullable): a conversation of the selected child, or
 *   %NULL to go back to the child's page
 */
void
sk_window_open_conversation (SkWindow       *self,
                             SkConversation *conversation)
{
  g_return_if_fail (SK_IS_WINDOW (self));

  if (conversation == NULL)
    sk_window_set_child_mode (self, FALSE);
  g_set_object (&self->conversation, conversation);
  if (conversation != NULL || self->conversation_page != NULL)
    sk_conversation_page_set_conversation (sk_window_ensure_conversation_page (self), conversation);
  if (conversation != NULL)
    show_content (self, "conversation");
  else if (self->child != NULL)
    show_content (self, "child");
  else
    sk_window_update_title (self);
}

static void
child_restored_cb (SkRecord *record,
                   gpointer  user_data)
{
  sk_window_select_child (user_data, SK_CHILD (record));
}

/**
 * sk_window_delete_child:
 *
 * Deletes @child and all of their conversations, offering Undo for a few
 * seconds (the question before it is the caller's).
 */
void
sk_window_delete_child (SkWindow *self,
                        SkChild  *child)
{
  g_autofree char *message = NULL;

  g_return_if_fail (SK_IS_WINDOW (self));
  g_return_if_fail (SK_IS_CHILD (child));

  g_object_ref (child);
  if (self->child == child)
    sk_window_select_child (self, NULL);
  /* Translators: %s is a child's name */
  message = g_markup_printf_escaped (_("%s was deleted"), sk_child_get_name (child));
  sk_undo_trash (GTK_WIDGET (self->toast_overlay), self->store, SK_RECORD (child),
                 sk_child_list_get_store (self->child_list), NULL, message, child_restored_cb, self);
  g_object_unref (child);
}

/**
 * sk_window_show_error:
 *
 * Shows @error in a bar at the top of the window until it is mended.
 */
void
sk_window_show_error (SkWindow     *self,
                      const GError *error)
{
  g_return_if_fail (SK_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_label (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/**
 * sk_window_finish:
 *
 * Writes what is still pending and makes pending deletes final, as when
 * the window closes.
 */
gboolean
sk_window_finish (SkWindow  *self,
                  GError   **error)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), FALSE);

  /* Still at the passphrase: nothing is open, nothing pending. */
  if (self->store == NULL)
    return TRUE;
  return sk_undo_finish_all (GTK_WIDGET (self->toast_overlay), error) &&
         (self->child_view == NULL || sk_child_view_finish (self->child_view, error)) &&
         sk_store_flush (self->store, error);
}

/* What the cover or the lock hides, remembered once, with the keyboard's
 * place in it. */
static void
hide_face (SkWindow *self)
{
  if (self->uncovered_page != NULL)
    return;
  /* Back to what was shown: a tool's whole-window page, the child's
   * view, or the caseworker's. */
  self->uncovered_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "full") == 0
                         ? "full" : self->child_mode ? "child" : "caseworker";
  g_set_weak_pointer (&self->covered_focus, gtk_root_get_focus (GTK_ROOT (self)));
}

/* The lock over the cover over what the window shows. */
static void
show_hidden_face (SkWindow *self)
{
  if (self->locked)
    {
      sk_window_show_face (self, "lock");
      sk_lock_page_focus (SK_LOCK_PAGE (self->lock_page));
    }
  else if (self->covered)
    sk_window_show_face (self, "cover");
  else if (self->uncovered_page != NULL)
    {
      const char *page = self->uncovered_page;
      GtkWidget *focus = self->covered_focus;
      gboolean restored;

      self->uncovered_page = NULL;
      sk_window_show_face (self, page);
      /* The keyboard back where it was, as if the cover had never been. */
      restored = focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) &&
                 gtk_widget_is_visible (focus) && gtk_widget_grab_focus (focus);
      g_clear_weak_pointer (&self->covered_focus);
      if (!restored && self->child_mode && g_str_equal (page, "child"))
        sk_child_view_focus_start (self->child_view);
    }
  sk_window_actions_update (self);
}

/**
 * sk_window_set_covered:
 *
 * The privacy cover: a calm screen over everything this window shows, at
 * once, with no transition; uncovered, the window shows again what it
 * showed.  The application covers every window and dialog together.
 * Under the lock, the cover waits until the lock is gone.
 */
void
sk_window_set_covered (SkWindow *self,
                       gboolean  covered)
{
  g_return_if_fail (SK_IS_WINDOW (self));

  if (covered == self->covered)
    return;
  self->covered = covered;
  if (covered)
    hide_face (self);
  show_hidden_face (self);
}

static void
lock_unlocked_cb (SkWindow *self,
                  SkKey    *key);

static SkLockPage *
ensure_lock_page (SkWindow *self)
{
  if (self->lock_page == NULL)
    {
      self->lock_page = sk_lock_page_new ();
      g_signal_connect_object (self->lock_page, "unlocked", G_CALLBACK (lock_unlocked_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->mode_stack, self->lock_page, "lock");
    }
  return SK_LOCK_PAGE (self->lock_page);
}

static void
lock_unlocked_cb (SkWindow *self,
                  SkKey    *key)
{
  if (sk_lock_page_get_mode (SK_LOCK_PAGE (self->lock_page)) != SK_LOCK_LOCKED)
    {
      /* To open: the application opens the file with the key. */
      g_signal_emit_by_name (self, "key-given", key);
      if (self->store == NULL)
        return;
    }
  self->locked = FALSE;
  self->last_input = g_get_monotonic_time ();
  show_hidden_face (self);
  if (self->locked_dialogs != NULL)
    {
      for (guint i = 0; i < self->locked_dialogs->len; i++)
        gtk_window_present (self->locked_dialogs->pdata[i]);
      g_ptr_array_set_size (self->locked_dialogs, 0);
    }
}

/**
 * sk_window_say:
 * @stays: until the person closes it (a failure, or something to read)
 *
 * A message at the bottom of the window, as a toast.
 */
void
sk_window_say (SkWindow   *self,
               const char *message,
               gboolean    stays)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *shown = adw_toast_new (markup);
  GtkWidget *label = gtk_label_new (message);

  /* All of it: a toast's title would cut a long message short. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_toast_set_custom_title (shown, label);
  /* The newest says what is now: one that stays would hold it back. */
  {
    AdwToast *last = g_object_get_data (G_OBJECT (self), "sk-said");

    if (last != NULL)
      adw_toast_dismiss (last);
    g_object_set_data_full (G_OBJECT (self), "sk-said", g_object_ref (shown), g_object_unref);
  }

  /* A failure stays until the person has seen it. */
  if (stays)
    adw_toast_set_timeout (shown, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, shown);
}

/**
 * sk_window_ask_key:
 * @path: the database to open
 * @choose: the first start: the passphrase is to be chosen
 *
 * A window with no database yet shows the passphrase page; the window
 * emits "key-given" with the key, for the application to open @path.
 */
void
sk_window_ask_key (SkWindow   *self,
                   const char *path,
                   gboolean    choose)
{
  g_return_if_fail (SK_IS_WINDOW (self));
  g_return_if_fail (self->store == NULL);

  sk_lock_page_set_mode (ensure_lock_page (self), choose ? SK_LOCK_CHOOSE : SK_LOCK_OPEN, path, NULL);
  hide_face (self);
  self->locked = TRUE;
  show_hidden_face (self);
}

/**
 * sk_window_lock:
 *
 * The lock, for leaving the laptop: what is typed is written first, the
 * window's dialogs are hidden, and only the passphrase of this window's
 * database brings it all back as it was.
 */
void
sk_window_lock (SkWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *toplevels;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->store == NULL || self->locked)
    return;
  if (!sk_store_flush (self->store, &error))
    sk_window_show_error (self, error);

  if (self->locked_dialogs == NULL)
    self->locked_dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (self->locked_dialogs, g_object_ref (window));
    }
  for (guint i = 0; i < self->locked_dialogs->len; i++)
    gtk_widget_set_visible (self->locked_dialogs->pdata[i], FALSE);

  sk_lock_page_set_mode (ensure_lock_page (self), SK_LOCK_LOCKED,
                         sk_store_get_path (self->store), sk_store_get_key (self->store));
  hide_face (self);
  self->locked = TRUE;
  show_hidden_face (self);
}

gboolean
sk_window_get_locked (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), FALSE);

  return self->locked;
}


gboolean
sk_window_get_covered (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), FALSE);

  return self->covered;
}
