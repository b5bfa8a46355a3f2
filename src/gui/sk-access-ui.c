/* sk-access-ui.c — "Everything About This Child…": the access request's PDF
 *
 * Asked on the child's page: in which language (the child's, or the
 * parents'), and whether the caseworker's own notes go in; then saved
 * where the caseworker says (0600).
 */
#include "config.h"

#include "sk-access-ui.h"
#include "sk-window-private.h"
#include "sk-access.h"
#include "sk-accessible.h"
#include "sk-letter.h"
#include "sk-summary-draw.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  SkWindow  *window;    /* weak */
  SkChild   *child;
  char      *language;
  gboolean   own_notes;
} AccessJob;

static void
access_job_free (AccessJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->child);
  g_free (job->language);
  g_free (job);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  AccessJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SkSummary) paper = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && job->window != NULL && job->window->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      paper = sk_access_build (job->window->store, job->child, job->language, job->own_notes, &error);
      if (paper != NULL && path != NULL && sk_summary_write_pdf (paper, path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          /* Translators: %s is the name of the PDF just written */
          g_autofree char *message = g_strdup_printf (_("Saved as “%s”."), name);

          sk_window_say (job->window, message, FALSE);
        }
      else if (error != NULL)
        sk_window_show_error (job->window, error);
    }
  g_object_unref (chooser);
  access_job_free (job);
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AccessJob        *job)
{
  GtkWidget *own_notes = g_object_get_data (G_OBJECT (dialog), "sk-own-notes");
  GtkWidget *english = g_object_get_data (G_OBJECT (dialog), "sk-english");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "save") != 0 || job->window == NULL)
    {
      access_job_free (job);
      return;
    }
  job->own_notes = gtk_check_button_get_active (GTK_CHECK_BUTTON (own_notes));
  g_free (job->language);
  job->language = g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (english)) ? "en" : "da");

  filter = gtk_file_filter_new ();
  chooser = gtk_file_chooser_native_new (_("Save Everything About the Child as PDF"), GTK_WINDOW (job->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, "PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name; %s is the child's name */
  name = g_strdup_printf (_("Everything about %s.pdf"), sk_child_get_name (job->child));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sk_window_export_everything:
 *
 * For an access request (aktindsigt): asks, then saves one PDF with
 * everything about the chosen child.
 */
void
sk_window_export_everything (SkWindow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *own_notes, *danish, *english, *languages;
  AccessJob *job;

  g_return_if_fail (SK_IS_WINDOW (self));

  if (self->child == NULL || self->store == NULL)
    return;
  /* Translators: %s is the child's name */
  heading = g_strdup_printf (_("Everything About %s"), sk_child_get_name (self->child));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("For an access request: one PDF with every conversation, and in each "
                                     "everything the child said and chose, shared with the parents or not."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  languages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (languages, GTK_ALIGN_CENTER);
  danish = gtk_check_button_new_with_mnemonic (_("In _Danish"));
  english = gtk_check_button_new_with_mnemonic (_("In _English"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (english), GTK_CHECK_BUTTON (danish));
  /* The child's language to begin with; the parents' may be another. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (g_str_equal (sk_letter_language (self->child), "en")
                                                 ? english : danish), TRUE);
  gtk_box_append (GTK_BOX (languages), danish);
  gtk_box_append (GTK_BOX (languages), english);
  own_notes = gtk_check_button_new_with_mnemonic (_("_With my own notes (“Only for me”)"));
  gtk_widget_set_halign (own_notes, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), languages);
  gtk_box_append (GTK_BOX (box), own_notes);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save as PDF…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sk-own-notes", own_notes);
  g_object_set_data (G_OBJECT (dialog), "sk-english", english);

  job = g_new0 (AccessJob, 1);
  g_set_weak_pointer (&job->window, self);
  job->child = g_object_ref (self->child);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), job);
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
