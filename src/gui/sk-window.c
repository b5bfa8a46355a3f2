/* sk-window.c — the main window: children, conversations, the child's view
 *
 * Three faces in one window: the caseworker's view (children on the left,
 * a child or a conversation on the right), the child's view (full screen,
 * this child only), and the privacy cover.
 */
#include "config.h"

#include "sk-window.h"
#include "sk-child-dialog.h"
#include "sk-child-page.h"
#include "sk-child-view.h"
#include "sk-lundy-line.h"
#include "sk-application.h"
#include "sk-summary-dialog.h"
#include "sk-summary.h"
#include "sk-lundy-tool.h"
#include "sk-conversation-page.h"
#include "sk-format.h"
#include "sk-undo.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>

struct _SkWindow
{
  AdwApplicationWindow parent_instance;

  SkStore            *store;
  GSettings          *settings;
  GListStore         *children;
  GtkCustomFilter    *filter;
  GtkSorter          *sorter;
  GtkSingleSelection *selection;
  char               *needle;
  SkChild            *child;
  GListStore         *conversations;
  SkConversation     *conversation;
  gboolean            child_mode;
  gboolean            was_fullscreen;
  const char         *uncovered_page;

  AdwToastOverlay    *toast_overlay;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *mode_stack;
  SkLundyLine        *lundy_line;     /* built the first time it is shown */
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListView        *child_list;
  GtkWidget          *back_button;
  GtkWidget          *child_view_button;
  AdwWindowTitle     *content_title;
  GtkStack           *content_stack;
  SkChildPage        *child_page;
  SkConversationPage *conversation_page;
  SkChildView        *child_view;
};

G_DEFINE_FINAL_TYPE (SkWindow, sk_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (SkWindow *self);

/* The conversation page and the child's view are built the first time
 * they are needed: start-up shows neither. */
static SkConversationPage *
ensure_conversation_page (SkWindow *self)
{
  if (self->conversation_page == NULL)
    {
      self->conversation_page = g_object_new (SK_TYPE_CONVERSATION_PAGE, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->conversation_page), "conversation");
    }
  return self->conversation_page;
}

static SkChildView *
ensure_child_view (SkWindow *self)
{
  if (self->child_view == NULL)
    {
      self->child_view = SK_CHILD_VIEW (sk_child_view_new (self->settings));
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->child_view), "child");
    }
  return self->child_view;
}

/* Shows one of the window's faces: "caseworker", "child", "step" or
 * "cover".  Only that one is there at all: the others are hidden, so they
 * are neither drawn nor in the tree a screen reader walks, and none of
 * their controls can be reached. */
static void
show_mode (SkWindow   *self,
           const char *mode)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->mode_stack, mode);

  g_return_if_fail (page != NULL);
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child_full (self->mode_stack, mode, GTK_STACK_TRANSITION_TYPE_NONE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->mode_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static gboolean
is_covered (SkWindow *self)
{
  return self->uncovered_page != NULL;
}

/* Rows of the children list, built in code: a row is two labels, and
 * parsing a template for each would cost start-up time. */
static void
setup_child_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "child-row-name");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
update_child_row (GtkListItem *item)
{
  SkChild *child = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *details = sk_child_describe (child);

  gtk_label_set_label (GTK_LABEL (name), sk_child_get_name (child));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), details);
}

static void
bind_child_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  update_child_row (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (update_child_row), item, G_CONNECT_SWAPPED);
}

static void
unbind_child_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_child_row, item);
}

static gboolean
filter_child_cb (gpointer item,
                 gpointer user_data)
{
  SkWindow *self = user_data;

  return sk_child_matches (item, self->needle);
}

static void
update_sidebar (SkWindow *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    page = "no-results";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
update_title (SkWindow *self)
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
  update_actions (self);
}

static void
highlight_child (SkWindow *self,
                 SkChild  *child)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == child)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->child_list), "list.scroll-to-item", "u", i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_actions (SkWindow *self)
{
  static const char * const caseworker_only[] = {
    "new-child", "search", "back",
  };
  gboolean caseworker = !self->child_mode && !is_covered (self);

  for (guint i = 0; i < G_N_ELEMENTS (caseworker_only); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), caseworker_only[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), caseworker);
    }

#define SET_ENABLED(name, value) \
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), name)), value)
  SET_ENABLED ("edit-child", caseworker && self->child != NULL);
  SET_ENABLED ("delete-child", caseworker && self->child != NULL);
  SET_ENABLED ("new-conversation", caseworker && self->child != NULL);
  SET_ENABLED ("delete-conversation", caseworker && self->conversation != NULL);
  SET_ENABLED ("child-view", caseworker && self->conversation != NULL);
  SET_ENABLED ("leave-child-view", self->child_mode && !is_covered (self));
  SET_ENABLED ("show-step", self->conversation != NULL && !is_covered (self));
  SET_ENABLED ("summary", self->conversation != NULL && !is_covered (self));
  SET_ENABLED ("copy-journal", caseworker && self->conversation != NULL);
  SET_ENABLED ("save-journal", caseworker && self->conversation != NULL);
#undef SET_ENABLED

  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) ||
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "conversation") == 0);
}

static void
show_content (SkWindow   *self,
              const char *page)
{
  gtk_stack_set_visible_child_name (self->content_stack, page);
  if (g_strcmp0 (page, "empty") != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  update_title (self);
}

static void
child_saved_cb (SkWindow *self,
                SkChild  *child,
                gboolean  is_new)
{
  if (is_new)
    {
      g_list_store_append (self->children, child);
      /* A search that hides the new child would hide the result too. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      sk_window_select_child (self, child);
    }
  else
    {
      gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      highlight_child (self, child);
      update_title (self);
    }
  update_sidebar (self);
}

static void
open_child_dialog (SkWindow *self,
                   SkChild  *child)
{
  SkChildDialog *dialog = sk_child_dialog_new (GTK_WINDOW (self), self->store, child);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (child_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_child_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_child_dialog (SK_WINDOW (user_data), NULL);
}

static void
edit_child_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (self->child != NULL)
    open_child_dialog (self, self->child);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  gint64 ta = sk_conversation_get_started_at ((SkConversation *) a);
  gint64 tb = sk_conversation_get_started_at ((SkConversation *) b);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

static void
child_restored_cb (SkRecord *record,
                   gpointer  user_data)
{
  SkWindow *self = user_data;

  update_sidebar (self);
  sk_window_select_child (self, SK_CHILD (record));
}

static void
delete_child_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          SkWindow         *self)
{
  SkChild *child = g_object_get_data (G_OBJECT (dialog), "record");

  if (g_strcmp0 (response, "delete") == 0)
    sk_window_delete_child (self, child);
}

/* "Delete …?": the record goes with the question, as "record"; the
 * keyboard starts on neither answer. */
static void
ask_to_delete (SkWindow   *self,
               const char *heading,
               const char *body,
               SkRecord   *record,
               GCallback   response_cb)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  sk_present_message_dialog (dialog);
}

static void
delete_child_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  g_autofree char *heading = NULL;

  if (self->child == NULL)
    return;

  /* Translators: %s is a child's name */
  heading = g_strdup_printf (_("Delete %s?"), sk_child_get_name (self->child));
  ask_to_delete (self, heading, _("All conversations with this child are deleted too. "
                                  "For a few seconds you can undo it."),
                 SK_RECORD (self->child), G_CALLBACK (delete_child_response_cb));
}

/* The summary for the parents: preview, choices, print and PDF. */
static void
summary_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SkSummaryDialog *dialog;

  if (self->conversation == NULL || app == NULL)
    return;
  /* With the child: chosen in the child's view, over nothing else. */
  if (self->child_mode)
    {
      if (gtk_stack_get_visible_child (self->mode_stack) != GTK_WIDGET (self->child_view))
        show_mode (self, "child");
      sk_child_view_show_summary (self->child_view);
      return;
    }
  dialog = sk_summary_dialog_new (GTK_WINDOW (self), self->store, self->conversation,
                                  sk_application_get_settings (SK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_journal_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;

  if (self->conversation == NULL)
    return;
  journal = sk_journal_build (self->store, self->conversation, &error);
  if (journal == NULL)
    {
      sk_window_show_error (self, error);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), journal);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The journal note is copied: paste it into the case system")));
}

static void
save_journal_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          SkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->conversation != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *journal = sk_journal_build (self->store, self->conversation, &error);
      g_autofree char *text = journal != NULL ? g_strconcat (journal, "\n", NULL) : NULL;

      if (text != NULL && path != NULL)
        g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      if (error != NULL)
        sk_window_show_error (self, error);
    }
  g_object_unref (chooser);
}

static void
save_journal_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  if (self->conversation == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Journal Note"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of the journal note */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("journal-note.txt"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_journal_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_conversation_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->child == NULL)
    return;

  conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (self->child)),
                                      g_get_real_time () / G_USEC_PER_SEC);
  if (!sk_store_insert (self->store, conversation, &error))
    {
      sk_window_show_error (self, error);
      return;
    }
  g_list_store_insert (self->conversations, 0, conversation);
  sk_window_open_conversation (self, conversation);
  sk_conversation_page_focus_first (ensure_conversation_page (self));
}

static void
delete_conversation (SkWindow       *self,
                     SkConversation *conversation)
{
  g_autoptr(GDateTime) local = sk_conversation_dup_local_time (conversation);
  g_autofree char *date = local ? sk_format_date (local) : g_strdup ("");
  /* Translators: %s is a date */
  g_autofree char *message = g_strdup_printf (_("The conversation of %s was deleted"), date);

  g_object_ref (conversation);
  if (self->conversation == conversation)
    sk_window_open_conversation (self, NULL);
  sk_undo_trash (GTK_WIDGET (self->toast_overlay), self->store, SK_RECORD (conversation),
                 self->conversations, compare_newest_first, message, NULL, NULL);
  g_object_unref (conversation);
}

static void
delete_conversation_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 SkWindow         *self)
{
  SkConversation *conversation = g_object_get_data (G_OBJECT (dialog), "record");

  if (g_strcmp0 (response, "delete") == 0 && self->conversations != NULL &&
      g_list_store_find (self->conversations, conversation, NULL))
    delete_conversation (self, conversation);
}

static void
delete_conversation_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;

  if (self->conversation == NULL)
    return;

  local = sk_conversation_dup_local_time (self->conversation);
  date = local ? sk_format_date (local) : g_strdup ("");
  /* Translators: %s is a date */
  heading = g_strdup_printf (_("Delete the Conversation of %s?"), date);
  ask_to_delete (self, heading, _("Everything in it is deleted too: the child’s words, the faces, the map and "
                                  "the Lundy notes. For a few seconds you can undo it."),
                 SK_RECORD (self->conversation), G_CALLBACK (delete_conversation_response_cb));
}

static void
back_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "conversation") == 0)
    sk_window_open_conversation (self, NULL);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_child_mode (SkWindow *self,
                gboolean  child_mode)
{
  if (self->child_mode == child_mode)
    return;
  if (child_mode && self->conversation == NULL)
    return;

  self->child_mode = child_mode;
  if (child_mode)
    {
      sk_child_view_set_conversation (ensure_child_view (self), self->store, self->child, self->conversation);
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      show_mode (self, "child");
      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The keyboard starts on the child's things, never on the way out. */
      sk_child_view_focus_start (self->child_view);
    }
  else
    {
      show_mode (self, "caseworker");
      /* Nothing of this child stays behind in the hidden view. */
      sk_child_view_set_conversation (ensure_child_view (self), NULL, NULL, NULL);
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      if (self->conversation != NULL)
        gtk_widget_grab_focus (self->child_view_button);
    }
  update_actions (self);
}

/* Into the child's view (F11); the way back is a key combination or a
 * button held down, never one key or one tap. */
static void
child_view_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (!is_covered (self))
    set_child_mode (self, TRUE);
}

static void
leave_child_view_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  /* The cover stays until its own key lifts it. */
  if (!is_covered (self))
    set_child_mode (self, FALSE);
}

/* One Lundy step's line for the child on the whole window; "" goes back. */
static void
show_step_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  const char *step = g_variant_get_string (parameter, NULL);

  if (is_covered (self))
    return;
  if (*step == '\0' || sk_lundy_step (step) == NULL ||
      (self->lundy_line != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->lundy_line)) &&
       g_strcmp0 (sk_lundy_line_get_step (self->lundy_line), step) == 0))
    {
      /* Back to where the line was shown from. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "step") == 0)
        show_mode (self, self->child_mode ? "child" : "caseworker");
      return;
    }
  if (self->lundy_line == NULL)
    {
      self->lundy_line = SK_LUNDY_LINE (sk_lundy_line_new ());
      gtk_widget_set_visible (GTK_WIDGET (self->lundy_line), FALSE);
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->lundy_line), "step");
    }
  sk_lundy_line_set_step (self->lundy_line, step);
  show_mode (self, "step");
  gtk_widget_grab_focus (GTK_WIDGET (self->lundy_line));
}

static void
retry_save_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (sk_store_flush (self->store, &error))
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  else
    sk_window_show_error (self, error);
}

static void
write_failed_cb (SkWindow *self,
                 GError   *error)
{
  sk_window_show_error (self, error);
}

static void
search_changed_cb (SkWindow *self)
{
  g_free (self->needle);
  self->needle = sk_child_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar (self);
  if (self->child != NULL)
    highlight_child (self, self->child);
}

static void
search_activate_cb (SkWindow *self)
{
  g_autoptr(SkChild) first = NULL;

  /* Enter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
      sk_window_select_child (self, first);
    }
}

static void
search_stop_cb (SkWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
child_activated_cb (SkWindow *self,
                    guint     position)
{
  g_autoptr(SkChild) child = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  sk_window_select_child (self, child);
}

static void
conversation_activated_cb (SkWindow       *self,
                           SkConversation *conversation)
{
  sk_window_open_conversation (self, conversation);
}

/* "Prepare": the conversation opens on the Lundy steps, before. */
static void
conversation_prepare_cb (SkWindow       *self,
                         SkConversation *conversation)
{
  sk_window_open_conversation (self, conversation);
  sk_conversation_page_show_lundy (ensure_conversation_page (self), SK_LUNDY_PAGE_BEFORE);
}

static void
folded_changed_cb (SkWindow *self)
{
  update_actions (self);
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
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sk_window_parent_class)->close_request (window);
}

static void
sk_window_dispose (GObject *object)
{
  SkWindow *self = SK_WINDOW (object);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->toast_overlay != NULL && !sk_undo_finish_all (GTK_WIDGET (self->toast_overlay), &error))
        g_warning ("A delete could not be finished: %s", error->message);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->children);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->child);
  g_clear_object (&self->conversations);
  g_clear_object (&self->conversation);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  self->conversation_page = NULL;
  self->child_view = NULL;

  G_OBJECT_CLASS (sk_window_parent_class)->dispose (object);
}

static void
sk_window_finalize (GObject *object)
{
  SkWindow *self = SK_WINDOW (object);

  g_free (self->needle);

  G_OBJECT_CLASS (sk_window_parent_class)->finalize (object);
}

static void
sk_window_class_init (SkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sk_window_dispose;
  object_class->finalize = sk_window_finalize;
  window_class->close_request = sk_window_close_request;

  g_type_ensure (SK_TYPE_CHILD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, child_list);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, child_view_button);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SkWindow, child_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, conversation_activated_cb);
}

static const GActionEntry win_entries[] = {
  { .name = "new-child", .activate = new_child_activated },
  { .name = "edit-child", .activate = edit_child_activated },
  { .name = "delete-child", .activate = delete_child_activated },
  { .name = "new-conversation", .activate = new_conversation_activated },
  { .name = "delete-conversation", .activate = delete_conversation_activated },
  { .name = "back", .activate = back_activated },
  { .name = "search", .activate = search_activated },
  { .name = "child-view", .activate = child_view_activated },
  { .name = "leave-child-view", .activate = leave_child_view_activated },
  { .name = "show-step", .activate = show_step_activated, .parameter_type = "s" },
  { .name = "summary", .activate = summary_activated },
  { .name = "copy-journal", .activate = copy_journal_activated },
  { .name = "save-journal", .activate = save_journal_activated },
  { .name = "retry-save", .activate = retry_save_activated },
};

static void
sk_window_init (SkWindow *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkExpression *name;

  self->needle = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  show_mode (self, "caseworker");
  g_signal_connect_object (self->child_page, "conversation-prepare", G_CALLBACK (conversation_prepare_cb),
                           self, G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);

  /* Children: all of them, sorted by name, filtered by the search. */
  self->children = g_list_store_new (SK_TYPE_CHILD);
  name = gtk_property_expression_new (SK_TYPE_CHILD, NULL, "name");
  self->sorter = GTK_SORTER (gtk_string_sorter_new (name));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->children)), g_object_ref (self->sorter));
  self->filter = gtk_custom_filter_new (filter_child_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->child_list, GTK_SELECTION_MODEL (self->selection));
  g_object_ref (self->selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_child_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_child_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_child_row_cb), NULL);
  gtk_list_view_set_factory (self->child_list, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->child_list));
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_children (SkWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = sk_store_list (self->store, SK_TYPE_CHILD, NULL, 0, &error);

  if (children == NULL)
    {
      sk_window_show_error (self, error);
      return;
    }

  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (children));
    g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (children), i));
    g_list_store_splice (self->children, 0, g_list_model_get_n_items (G_LIST_MODEL (self->children)),
                         items->pdata, items->len);
  }
  update_sidebar (self);
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
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  show_content (self, "empty");

  if (store != NULL)
    sk_window_set_store (self, store);
  return self;
}

/**
 * sk_window_set_store:
 *
 * Gives the window its database, once: the window can be built while the
 * database is still being opened and checked.
 */
void
sk_window_set_store (SkWindow *self,
                     SkStore  *store)
{
  g_return_if_fail (SK_IS_WINDOW (self));
  g_return_if_fail (SK_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "write-failed", G_CALLBACK (write_failed_cb), self, G_CONNECT_SWAPPED);
  load_children (self);
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
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         gtk_editable_get_text (GTK_EDITABLE (other->search_entry)));
  if (other->child != NULL)
    sk_window_select_child (self, other->child);
  if (other->conversation != NULL)
    sk_window_open_conversation (self, other->conversation);
  if (other->child_mode)
    {
      set_child_mode (self, TRUE);
      self->was_fullscreen = other->was_fullscreen;
    }
  if (other->uncovered_page != NULL)
    sk_window_set_covered (self, TRUE);
  return self;
}

SkStore *
sk_window_get_store (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), NULL);

  return self->store;
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

  return G_LIST_MODEL (self->selection);
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

  set_child_mode (self, FALSE);
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
  sk_child_page_set_child (self->child_page, self->store, child, G_LIST_MODEL (conversations));

  if (child != NULL)
    highlight_child (self, child);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
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
    set_child_mode (self, FALSE);
  g_set_object (&self->conversation, conversation);
  if (conversation != NULL || self->conversation_page != NULL)
    sk_conversation_page_set_conversation (ensure_conversation_page (self), self->store, conversation);
  if (conversation != NULL)
    show_content (self, "conversation");
  else if (self->child != NULL)
    show_content (self, "child");
  else
    update_title (self);
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
  message = g_strdup_printf (_("%s was deleted"), sk_child_get_name (child));
  sk_undo_trash (GTK_WIDGET (self->toast_overlay), self->store, SK_RECORD (child),
                 self->children, NULL, message, child_restored_cb, self);
  update_sidebar (self);
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

  return sk_undo_finish_all (GTK_WIDGET (self->toast_overlay), error) &&
         (self->child_view == NULL || sk_child_view_finish (self->child_view, error)) &&
         sk_store_flush (self->store, error);
}

/**
 * sk_window_report:
 * @from: any widget in a Samtalekuffert window
 *
 * Shows @error in the window of @from, for widgets that do not know their
 * window.
 */
void
sk_window_report (GtkWidget    *from,
                  const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (from);
  if (SK_IS_WINDOW (root))
    sk_window_show_error (SK_WINDOW (root), error);
  else
    g_printerr ("%s\n", error->message);
}

/**
 * sk_window_set_covered:
 *
 * The privacy cover: a calm screen over everything this window shows, at
 * once, with no transition; uncovered, the window shows again what it
 * showed.  The application covers every window and dialog together.
 */
void
sk_window_set_covered (SkWindow *self,
                       gboolean  covered)
{
  g_return_if_fail (SK_IS_WINDOW (self));

  if (covered == is_covered (self))
    return;
  if (covered)
    {
      /* Back to what was shown: a step's line, the child's view, or the
       * caseworker's. */
      if (self->lundy_line != NULL && gtk_stack_get_visible_child (self->mode_stack) == GTK_WIDGET (self->lundy_line))
        self->uncovered_page = "step";
      else
        self->uncovered_page = self->child_mode ? "child" : "caseworker";
      show_mode (self, "cover");
    }
  else
    {
      const char *page = self->uncovered_page;

      self->uncovered_page = NULL;
      show_mode (self, page);
      if (self->child_mode && g_str_equal (page, "child"))
        sk_child_view_focus_start (self->child_view);
    }
  update_actions (self);
}

gboolean
sk_window_get_covered (SkWindow *self)
{
  g_return_val_if_fail (SK_IS_WINDOW (self), FALSE);

  return is_covered (self);
}
