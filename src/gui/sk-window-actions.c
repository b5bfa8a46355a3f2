/* sk-window-actions.c — what the window can be asked to do (win.…)
 *
 * Children and conversations: add, change, delete (asked first, Undo for
 * a few seconds); the summary for the parents and the journal note; into
 * and out of the child's view.  Which of them can be used follows the
 * face shown: under the cover or in the child's view, nothing of the
 * caseworker's.
 */
#include "config.h"

#include "sk-window-private.h"
#include "sk-accessible.h"
#include "sk-child-dialog.h"
#include "sk-format.h"
#include "sk-access-ui.h"
#include "sk-backup-ui.h"
#include "sk-handover-ui.h"
#include "sk-summary-dialog.h"
#include "sk-journal-dialog.h"
#include "sk-letter-dialog.h"
#include "sk-summary.h"
#include "sk-undo.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>

static void
child_saved_cb (SkWindow *self,
                SkChild  *child,
                gboolean  is_new)
{
  if (is_new)
    {
      sk_child_list_add (self->child_list, child);
      sk_window_select_child (self, child);
      /* The keyboard on the new child, not dropped on the header bar
       * (where the list is in sight). */
      if (!adw_leaflet_get_folded (self->leaflet))
        sk_child_list_focus_child (self->child_list, child);
    }
  else
    {
      sk_child_list_changed (self->child_list);
      sk_child_list_highlight (self->child_list, child);
      sk_window_update_title (self);
    }
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
        sk_window_show_face (self, "child");
      sk_child_view_show_summary (self->child_view);
      return;
    }
  dialog = sk_summary_dialog_new (GTK_WINDOW (self), self->context, self->conversation);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
journal_done_cb (SkJournalDialog *dialog,
                 const char      *message,
                 SkWindow        *self)
{
  sk_window_say (self, message, FALSE);
}

static void
journal_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);
  SkJournalDialog *dialog;

  if (self->conversation == NULL)
    return;
  dialog = sk_journal_dialog_new (GTK_WINDOW (self), self->context, self->conversation);
  g_signal_connect_object (dialog, "done", G_CALLBACK (journal_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
letters_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (self->conversation == NULL)
    return;
  gtk_window_present (GTK_WINDOW (sk_letter_dialog_new (GTK_WINDOW (self), self->context, self->conversation)));
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
  sk_conversation_page_focus_first (sk_window_ensure_conversation_page (self));
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
  ask_to_delete (self, heading, _("Everything in it is deleted too: what the child said and chose, and your "
                                  "notes. For a few seconds you can undo it."),
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

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->child_list));
  sk_child_list_focus_search (self->child_list);
}

static void

child_view_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (!sk_window_is_covered (self))
    sk_window_set_child_mode (self, TRUE);
}

static void
leave_child_view_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  /* The cover stays until its own key lifts it. */
  if (!sk_window_is_covered (self))
    sk_window_set_child_mode (self, FALSE);
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

/* The keyboard shortcuts window is built the first time it is asked for,
 * not with every window (GTK would, from gtk/help-overlay.ui, some 3 ms of
 * every start). */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SkWindow *self = SK_WINDOW (user_data);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/dk/samtalekuffert/Samtalekuffert/sk-shortcuts.ui");

      g_set_weak_pointer (&self->help_overlay, GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      sk_accessible_tidy_shortcuts_window (GTK_SHORTCUTS_WINDOW (self->help_overlay));
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      gtk_window_set_modal (self->help_overlay, TRUE);
    }
  gtk_window_present (self->help_overlay);
}

static void
back_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  sk_window_back_up (SK_WINDOW (user_data), TRUE);
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  sk_window_present_restore (SK_WINDOW (user_data));
}

static void
export_everything_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  sk_window_export_everything (SK_WINDOW (user_data));
}

static void
hand_over_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  sk_window_hand_over (SK_WINDOW (user_data));
}

static void
receive_child_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  sk_window_receive_child (SK_WINDOW (user_data));
}

static const GActionEntry win_entries[] = {
  { .name = "hand-over", .activate = hand_over_activated },
  { .name = "receive-child", .activate = receive_child_activated },
  { .name = "export-everything", .activate = export_everything_activated },
  { .name = "back-up", .activate = back_up_activated },
  { .name = "restore-backup", .activate = restore_backup_activated },
  { .name = "show-help-overlay", .activate = show_help_overlay_activated },
  { .name = "new-child", .activate = new_child_activated },
  { .name = "edit-child", .activate = edit_child_activated },
  { .name = "delete-child", .activate = delete_child_activated },
  { .name = "new-conversation", .activate = new_conversation_activated },
  { .name = "delete-conversation", .activate = delete_conversation_activated },
  { .name = "back", .activate = back_activated },
  { .name = "search", .activate = search_activated },
  { .name = "child-view", .activate = child_view_activated },
  { .name = "leave-child-view", .activate = leave_child_view_activated },
  { .name = "summary", .activate = summary_activated },
  { .name = "journal", .activate = journal_activated },
  { .name = "letters", .activate = letters_activated },
  { .name = "retry-save", .activate = retry_save_activated },
};

void
sk_window_actions_install (SkWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
}

static void
set_enabled (SkWindow   *self,
             const char *name,
             gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), name)), enabled);
}

void
sk_window_actions_update (SkWindow *self)
{
  gboolean covered = sk_window_is_covered (self);
  gboolean caseworker = !self->child_mode && !covered;

  set_enabled (self, "new-child", caseworker);
  set_enabled (self, "back-up", caseworker && self->store != NULL);
  set_enabled (self, "restore-backup", caseworker && self->store != NULL);
  set_enabled (self, "search", caseworker);
  set_enabled (self, "back", caseworker);
  set_enabled (self, "edit-child", caseworker && self->child != NULL);
  set_enabled (self, "export-everything", caseworker && self->child != NULL);
  set_enabled (self, "hand-over", caseworker && self->child != NULL);
  set_enabled (self, "receive-child", caseworker && self->store != NULL);
  set_enabled (self, "delete-child", caseworker && self->child != NULL);
  set_enabled (self, "new-conversation", caseworker && self->child != NULL);
  set_enabled (self, "delete-conversation", caseworker && self->conversation != NULL);
  set_enabled (self, "child-view", caseworker && self->conversation != NULL);
  set_enabled (self, "leave-child-view", self->child_mode && !covered);
  set_enabled (self, "summary", self->conversation != NULL && !covered);
  set_enabled (self, "journal", caseworker && self->conversation != NULL);
  set_enabled (self, "letters", caseworker && self->conversation != NULL);
}
