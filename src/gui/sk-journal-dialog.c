/* sk-journal-dialog.c — the journal note for the case system
 *
 * The note as it will be pasted, to read before it goes; the
 * caseworker's own notes only when ticked (remembered), since parents
 * may ask to read the case file.  Copy puts it on the clipboard, Save
 * writes a text file private to the user.
 */
#include "config.h"

#include "sk-journal-dialog.h"
#include "sk-accessible.h"
#include "sk-summary.h"

#include <glib/gi18n-lib.h>

struct _SkJournalDialog
{
  AdwWindow parent_instance;

  SkContext      *context;
  SkConversation *conversation;
  char           *text;

  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  GtkCheckButton *own_notes_check;
  GtkTextView    *text_view;
  GtkWidget      *copy_button;
};

G_DEFINE_FINAL_TYPE (SkJournalDialog, sk_journal_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (SkJournalDialog *self,
            const GError    *error)
{
  gtk_label_set_label (self->message_label, error->message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
rebuild (SkJournalDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->text, g_free);
  self->text = sk_journal_build (sk_context_get_store (self->context), self->conversation,
                                 gtk_check_button_get_active (self->own_notes_check), &error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->text != NULL ? self->text : "", -1);
  gtk_widget_set_sensitive (self->copy_button, self->text != NULL);
  if (self->text == NULL)
    show_error (self, error);
}

static void
copy_clicked_cb (SkJournalDialog *self)
{
  if (self->text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text);
  g_signal_emit (self, signals[DONE], 0, _("The journal note is copied: paste it into the case system"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SkJournalDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->text != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *contents = g_strconcat (self->text, "\n", NULL);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The note can only be saved to a local folder."));
      /* Private to the user, like the database. */
      else
        g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      if (error != NULL)
        show_error (self, error);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("The journal note is saved as “%s”"), name);

          g_signal_emit (self, signals[DONE], 0, message);
          gtk_window_destroy (GTK_WINDOW (self));
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (SkJournalDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Journal Note"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of the journal note */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("journal-note.txt"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sk_journal_dialog_dispose (GObject *object)
{
  SkJournalDialog *self = SK_JOURNAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_JOURNAL_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->conversation);

  G_OBJECT_CLASS (sk_journal_dialog_parent_class)->dispose (object);
}

static void
sk_journal_dialog_finalize (GObject *object)
{
  g_free (SK_JOURNAL_DIALOG (object)->text);

  G_OBJECT_CLASS (sk_journal_dialog_parent_class)->finalize (object);
}

static void
sk_journal_dialog_class_init (SkJournalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_journal_dialog_dispose;
  object_class->finalize = sk_journal_dialog_finalize;

  /**
   * SkJournalDialog::done:
   * @message: what happened, for the window to tell
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-journal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SkJournalDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, SkJournalDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SkJournalDialog, own_notes_check);
  gtk_widget_class_bind_template_child (widget_class, SkJournalDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, SkJournalDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_journal_dialog_init (SkJournalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
}

SkJournalDialog *
sk_journal_dialog_new (GtkWindow      *parent,
                       SkContext      *context,
                       SkConversation *conversation)
{
  SkJournalDialog *self;

  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  self = g_object_new (SK_TYPE_JOURNAL_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->conversation = g_object_ref (conversation);
  /* Remembered: the check is the setting. */
  g_settings_bind (sk_context_get_settings (context), "journal-own-notes", self->own_notes_check, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->own_notes_check, "toggled", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  gtk_widget_grab_focus (self->copy_button);
  return self;
}
