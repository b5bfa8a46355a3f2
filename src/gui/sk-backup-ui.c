/* sk-backup-ui.c — backups from the window: every day, on request, and
 * the dialog that restores one
 *
 * The folder is the caseworker's choice (preferences, "backup-folder").
 * A backup runs in a thread (sk_backup_write() reads the file through a
 * connection of its own) after what is typed has been written; a folder
 * that is gone or full is said in a toast that stays, and the work goes
 * on.  Restoring closes the window, puts the backup in place (the file
 * that was there kept aside) and opens it again (sk_application_restore()).
 */
#include "config.h"

#include "sk-backup-ui.h"
#include "sk-window-private.h"
#include "sk-accessible.h"
#include "sk-application.h"
#include "sk-backup.h"
#include "sk-child.h"
#include "sk-format.h"

#include <glib/gi18n-lib.h>

/* After start-up has settled, then once an hour: a day's first backup
 * is made soon after the program starts that day. */
#define FIRST_CHECK_S 60
#define CHECK_EVERY_S 3600

typedef struct
{
  char  *database;
  SkKey *key;
  char  *folder;
  char  *made;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->database);
  sk_key_unref (job->key);
  g_free (job->folder);
  g_free (job->made);
  g_free (job);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;

  job->made = sk_backup_write (job->database, job->key, job->folder, &error);
  if (job->made == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SkWindow *self = SK_WINDOW (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  gboolean asked = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (self), "sk-backing-up", NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sk_window_say (self, error->message, TRUE);
      return;
    }
  if (asked)
    {
      g_autofree char *folder = g_filename_display_basename (job->folder);
      g_autofree char *message = g_strdup_printf (_("A backup was made in “%s”."), folder);

      sk_window_say (self, message, FALSE);
    }
}

/**
 * sk_window_back_up:
 * @asked: by the person (Back Up Now): said when it is done, and when no
 *   folder is chosen; otherwise only a failure is said
 */
void
sk_window_back_up (SkWindow *self,
                   gboolean  asked)
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->store == NULL || g_object_get_data (G_OBJECT (self), "sk-backing-up") != NULL)
    return;
  folder = g_settings_get_string (self->settings, "backup-folder");
  if (*folder == '\0')
    {
      if (asked)
        sk_window_say (self, _("Choose a folder for the backups first, in the preferences."), TRUE);
      return;
    }
  /* What is typed goes with it. */
  if (!sk_store_flush (self->store, &error))
    {
      sk_window_show_error (self, error);
      return;
    }
  job = g_new0 (BackupJob, 1);
  job->database = g_strdup (sk_store_get_path (self->store));
  job->key = sk_key_ref (sk_store_get_key (self->store));
  job->folder = g_steal_pointer (&folder);
  g_object_set_data (G_OBJECT (self), "sk-backing-up", GINT_TO_POINTER (1));
  task = g_task_new (self, NULL, backup_done_cb, GINT_TO_POINTER (asked));
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

static gboolean
check_backup_cb (gpointer user_data)
{
  SkWindow *self = user_data;
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (*folder != '\0' && !self->locked && sk_backup_is_due (folder))
    sk_window_back_up (self, FALSE);
  /* Then every hour: the day may change while the program runs. */
  if (self->backup_hourly)
    return G_SOURCE_CONTINUE;
  self->backup_hourly = TRUE;
  self->backup_id = g_timeout_add_seconds (CHECK_EVERY_S, check_backup_cb, self);
  return G_SOURCE_REMOVE;
}

/* How long notes are kept is the caseworker's to think about: the
 * children with no conversation for the months the preferences say. */
static gboolean
remind_cb (gpointer user_data)
{
  SkWindow *self = user_data;
  int months = g_settings_get_int (self->settings, "reminder-months");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, -months);
  g_autoptr(GError) error = NULL;
  gint64 quiet;

  self->remind_id = 0;
  if (months <= 0 || self->store == NULL)
    return G_SOURCE_REMOVE;
  quiet = sk_child_count_quiet (self->store, g_date_time_to_unix (then), &error);
  if (quiet > 0)
    {
      g_autofree char *children = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%d child has had no conversation",
                                                                "%d children have had no conversation",
                                                                (gulong) quiet), (int) quiet);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: %s is "3 children have had no conversation" */
                                                               "%s for %d month or more. Think about whether their notes should still be kept.",
                                                               "%s for %d months or more. Think about whether their notes should still be kept.",
                                                               (gulong) months), children, months);

      sk_window_say (self, message, TRUE);
    }
  return G_SOURCE_REMOVE;
}

/* A backup every day the program is used; and the reminder, once. */
void
sk_window_schedule_backups (SkWindow *self)
{
  g_return_if_fail (SK_IS_WINDOW (self));

  g_clear_handle_id (&self->remind_id, g_source_remove);
  self->remind_id = g_timeout_add_seconds (2, remind_cb, self);

  g_clear_handle_id (&self->backup_id, g_source_remove);
  self->backup_hourly = FALSE;
  self->backup_id = g_timeout_add_seconds (FIRST_CHECK_S, check_backup_cb, self);
}

/* ---- Restore from Backup… ---- */

typedef struct
{
  SkWindow  *window;
  GtkWidget *dialog;
  GtkWidget *stack;
  GtkWidget *list;
  GtkWidget *folder_label;
  gboolean   gone;         /* the dialog was closed while the backups were read */
} RestoreDialog;

static void
restore_dialog_free (RestoreDialog *dialog)
{
  g_clear_weak_pointer (&dialog->window);
  g_free (dialog);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  BackupJob *job = data;
  GError *error = NULL;
  GPtrArray *backups = sk_backup_list (job->folder, job->key, &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

typedef struct
{
  SkWindow  *window;
  GtkWidget *dialog;
  char      *backup;
} RestoreJob;

/* After the confirmation has closed: the windows it stood on may go. */
static gboolean
restore_idle_cb (gpointer data)
{
  RestoreJob *job = data;
  SkApplication *app = job->window != NULL ? SK_APPLICATION (gtk_window_get_application (GTK_WINDOW (job->window)))
                                           : NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_object (&job->dialog);
  if (app != NULL && sk_application_restore (app, job->window, job->backup, &error) == NULL)
    {
      GtkWidget *failed = adw_message_dialog_new (NULL, _("The Backup Could Not Be Restored"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_set_application (GTK_WINDOW (failed), GTK_APPLICATION (app));
      sk_accessible_tidy_mnemonics (failed);
      gtk_window_present (GTK_WINDOW (failed));
    }
  g_clear_weak_pointer (&job->window);
  g_free (job->backup);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *confirm,
                     const char       *response,
                     RestoreDialog    *dialog)
{
  RestoreJob *job;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  job = g_new0 (RestoreJob, 1);
  if (dialog->window == NULL)
    return;
  g_set_weak_pointer (&job->window, dialog->window);
  job->dialog = g_object_ref (dialog->dialog);
  job->backup = g_strdup (g_object_get_data (G_OBJECT (confirm), "sk-backup"));
  gtk_widget_set_visible (dialog->dialog, FALSE);
  g_idle_add (restore_idle_cb, job);
}

static void
restore_clicked_cb (GtkButton     *button,
                    RestoreDialog *dialog)
{
  SkBackup *backup = g_object_get_data (G_OBJECT (button), "sk-backup");
  g_autofree char *when = sk_format_date_time (backup->made);
  g_autofree char *heading = g_strdup_printf (_("Restore the Backup From %s?"), when);
  GtkWidget *confirm = adw_message_dialog_new (GTK_WINDOW (dialog->dialog), heading,
                                               _("The notes on this computer are replaced by the backup’s. "
                                                 "What is on this computer now is kept aside in a file of its own "
                                                 "beside the database, so nothing is lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "sk-backup", g_strdup (backup->path), g_free);
  g_signal_connect (confirm, "response", G_CALLBACK (confirm_response_cb), dialog);
  sk_accessible_tidy_mnemonics (confirm);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RestoreDialog *dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = g_task_propagate_pointer (G_TASK (result), &error);

  if (dialog->gone)
    return;
  if (backups == NULL)
    {
      gtk_label_set_label (GTK_LABEL (dialog->folder_label), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (dialog->stack), "none");
      return;
    }
  if (backups->len == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (dialog->stack), "none");
      return;
    }
  for (guint i = 0; i < backups->len; i++)
    {
      SkBackup *backup = backups->pdata[i];
      g_autofree char *when = sk_format_date_time (backup->made);
      g_autofree char *what = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      if (backup->problem != NULL)
        what = g_strdup (backup->problem);
      else
        {
          g_autofree char *children = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d child", "%d children",
                                                                    (gulong) backup->children),
                                                       (int) backup->children);
          g_autofree char *conversations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d conversation",
                                                                         "%d conversations",
                                                                         (gulong) backup->conversations),
                                                            (int) backup->conversations);

          /* Translators: "12 children, 240 conversations" */
          what = g_strdup_printf (C_("backup contents", "%s, %s"), children, conversations);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, backup->problem == NULL);
      g_object_set_data_full (G_OBJECT (button), "sk-backup", g_ptr_array_steal_index (backups, i),
                              (GDestroyNotify) sk_backup_free);
      g_ptr_array_insert (backups, i, NULL);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), dialog);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      sk_accessible_tidy_mnemonics (row);
      gtk_list_box_append (GTK_LIST_BOX (dialog->list), row);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (dialog->stack), "list");
}

static void
mark_gone (RestoreDialog *dialog)
{
  dialog->gone = TRUE;
}

void
sk_window_present_restore (SkWindow *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *folder_text = NULL;
  GtkWidget *box, *header, *scroller, *clamp, *inner, *spinner, *empty;
  RestoreDialog *dialog;
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  folder = g_settings_get_string (self->settings, "backup-folder");
  if (*folder == '\0')
    {
      sk_window_say (self, _("Choose a folder for the backups first, in the preferences."), TRUE);
      return;
    }

  dialog = g_new0 (RestoreDialog, 1);
  /* Weak: a restore closes the window, and with it its database. */
  g_set_weak_pointer (&dialog->window, self);
  dialog->dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog->dialog), _("Restore from Backup"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog->dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog->dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->dialog), 560, 560);
  g_object_set_data_full (G_OBJECT (dialog->dialog), "sk-restore", dialog, (GDestroyNotify) restore_dialog_free);
  g_signal_connect_swapped (dialog->dialog, "destroy", G_CALLBACK (mark_gone), dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  folder_name = g_filename_display_name (folder);
  /* Translators: %s is a folder */
  folder_text = g_strdup_printf (_("The backups in “%s”, newest first. Restoring one replaces the notes on this "
                                   "computer; what is here now is kept aside."), folder_name);
  dialog->folder_label = gtk_label_new (folder_text);
  gtk_label_set_wrap (GTK_LABEL (dialog->folder_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (dialog->folder_label), 0);
  gtk_widget_add_css_class (dialog->folder_label, "dim-label");

  dialog->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (dialog->stack, TRUE);
  spinner = gtk_spinner_new ();
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (dialog->stack), spinner, "busy");
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-save-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Backups Yet"));
  gtk_stack_add_named (GTK_STACK (dialog->stack), empty, "none");
  dialog->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (dialog->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (dialog->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backups"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 24);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_box_append (GTK_BOX (inner), dialog->list);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (dialog->stack), scroller, "list");
  gtk_stack_set_visible_child_name (GTK_STACK (dialog->stack), "busy");

  {
    GtkWidget *top = adw_clamp_new ();

    gtk_widget_set_margin_top (dialog->folder_label, 12);
    gtk_widget_set_margin_start (dialog->folder_label, 12);
    gtk_widget_set_margin_end (dialog->folder_label, 12);
    adw_clamp_set_child (ADW_CLAMP (top), dialog->folder_label);
    gtk_box_append (GTK_BOX (box), top);
  }
  gtk_box_append (GTK_BOX (box), dialog->stack);
  adw_window_set_content (ADW_WINDOW (dialog->dialog), box);

  job = g_new0 (BackupJob, 1);
  job->key = sk_key_ref (sk_store_get_key (self->store));
  job->folder = g_steal_pointer (&folder);
  /* The task keeps the dialog's window, and with it @dialog, alive. */
  task = g_task_new (dialog->dialog, NULL, listed_cb, dialog);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, list_thread);
  gtk_window_present (GTK_WINDOW (dialog->dialog));
}
