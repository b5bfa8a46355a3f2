/* sk-handover-ui.c — "Hand Over This Child…" and "Receive a Child…"
 *
 * Handing over asks for a passphrase (twice) that the caseworker tells the
 * colleague another way than the file travels, then where to save the
 * file.  Receiving asks for the file, then for its passphrase, and shows
 * the child received; a child of the same name already there stays as it
 * is, and the message says so.
 */
#include "config.h"

#include "sk-handover-ui.h"
#include "sk-window-private.h"
#include "sk-accessible.h"
#include "sk-handover.h"
#include "sk-key.h"

#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  SkWindow *window;       /* weak */
  SkChild  *child;
  char     *passphrase;
  char     *file;
} HandoverJob;

static void
handover_job_free (HandoverJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->child);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_free (job->file);
  g_free (job);
}

/* A GtkEntry, not a GtkPasswordEntry: GTK 4.8's password entry, in a
 * message dialog, is called by its window after it is gone, as the
 * dialog closes (a fatal warning under the tests). */
static GtkWidget *
password_entry (const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  g_object_set (entry, "placeholder-text", label, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static GtkFileChooserNative *
chooser_new (SkWindow             *window,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action,
                                                               accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: a file filter's name */
  gtk_file_filter_set_name (filter, _("Handovers from Samtalekuffert"));
  gtk_file_filter_add_pattern (filter, "*.samtalekuffert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/* ---- Hand over ---- */

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  HandoverJob     *job)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && job->window != NULL && job->window->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && sk_handover_write (job->window->store, job->child, path, job->passphrase, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is the file just written */
          g_autofree char *message = g_strdup_printf (_("Handed over in “%s”. Tell your colleague the passphrase "
                                                        "by phone or face to face, not with the file."), name);

          sk_window_say (job->window, message, TRUE);
        }
      else if (error != NULL)
        sk_window_say (job->window, error->message, TRUE);
    }
  g_object_unref (chooser);
  handover_job_free (job);
}

static void
hand_over_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       HandoverJob      *job)
{
  GtkWidget *first = g_object_get_data (G_OBJECT (dialog), "sk-first");
  GtkWidget *again = g_object_get_data (G_OBJECT (dialog), "sk-again");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* The entries are emptied as the dialog goes: no more checks. */
  g_signal_handlers_disconnect_by_data (first, dialog);
  g_signal_handlers_disconnect_by_data (again, dialog);
  if (g_strcmp0 (response, "save") != 0 || job->window == NULL)
    {
      handover_job_free (job);
      return;
    }
  job->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (first)));
  chooser = chooser_new (job->window, _("Save the Handover"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  name = g_strdup_printf ("%s.samtalekuffert", sk_child_get_name (job->child));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Save… only with a passphrase long enough, typed twice the same. */
static void
passphrase_changed_cb (AdwMessageDialog *dialog)
{
  const char *first = gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "sk-first")));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "sk-again")));

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           g_utf8_strlen (first, -1) >= SK_KEY_MIN_PASSPHRASE &&
                                           strcmp (first, again) == 0);
}

void
sk_window_hand_over (SkWindow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *first, *again;
  HandoverJob *job;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->child == NULL || self->store == NULL)
    return;
  /* Translators: %s is the child's name */
  heading = g_strdup_printf (_("Hand Over %s?"), sk_child_get_name (self->child));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("One file with the child’s whole record, for a colleague who takes over. "
                                     "It is locked with a passphrase of at least eight characters: tell it to "
                                     "your colleague by phone or face to face, never with the file."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = password_entry (_("Passphrase for the colleague"));
  again = password_entry (_("The passphrase again"));
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), again);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save the Handover…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sk-first", first);
  g_object_set_data (G_OBJECT (dialog), "sk-again", again);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (passphrase_changed_cb), dialog);
  g_signal_connect_swapped (again, "changed", G_CALLBACK (passphrase_changed_cb), dialog);

  job = g_new0 (HandoverJob, 1);
  g_set_weak_pointer (&job->window, self);
  job->child = g_object_ref (self->child);
  g_signal_connect (dialog, "response", G_CALLBACK (hand_over_response_cb), job);
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (first);
}

/* ---- Receive ---- */

/**
 * sk_window_receive_file:
 *
 * Receives the child in @file; shows it, and says what happened.
 */
void
sk_window_receive_file (SkWindow   *self,
                        const char *file,
                        const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autofree char *message = NULL;
  gboolean renamed = FALSE;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  child = sk_handover_receive (self->store, file, passphrase, &renamed, &error);
  if (child == NULL)
    {
      sk_window_say (self, error->message, TRUE);
      return;
    }
  g_list_store_append (sk_child_list_get_store (self->child_list), child);
  sk_window_select_child (self, child);
  message = renamed
            /* Translators: %s is the name the received child is kept under */
            ? g_strdup_printf (_("A child of that name is here already and stays as it is. "
                                 "The one received is kept apart as “%s”."), sk_child_get_name (child))
            /* Translators: %s is the child's name */
            : g_strdup_printf (_("%s was received."), sk_child_get_name (child));
  sk_window_say (self, message, renamed);
}

static void
receive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HandoverJob      *job)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "sk-first");

  if (g_strcmp0 (response, "receive") == 0 && job->window != NULL)
    sk_window_receive_file (job->window, job->file, gtk_editable_get_text (GTK_EDITABLE (entry)));
  handover_job_free (job);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  HandoverJob     *job)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog, *entry;

  if (response != GTK_RESPONSE_ACCEPT || job->window == NULL)
    {
      g_object_unref (chooser);
      handover_job_free (job);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  job->file = g_file_get_path (file);
  g_object_unref (chooser);
  dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("Receive a Child?"),
                                   _("Type the passphrase your colleague told you for this file. The child is "
                                     "added to your list; no child who is there already is changed."));
  entry = password_entry (_("Passphrase from the colleague"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "receive", _("_Receive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "receive", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "receive");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sk-first", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (receive_response_cb), job);
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
sk_window_receive_child (SkWindow *self)
{
  GtkFileChooserNative *chooser;
  HandoverJob *job;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  job = g_new0 (HandoverJob, 1);
  g_set_weak_pointer (&job->window, self);
  chooser = chooser_new (self, _("Receive a Child"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
