/* sk-letter-dialog.c — the letters to the child
 *
 * Two pages, chosen at the top: "Invitation" (before the conversation)
 * and "Letter to you" (after it).  Each shows its one page as it will be
 * printed, in the child's language, and says so; a bar warns when the
 * caseworker's own words on it use case language.  "Save as PDF…" (0600,
 * like the summary) and "Print…" through the same CUPS path as the
 * parents' summary.  Built again each time it is shown: always today's.
 */
#include "config.h"

#include "sk-letter-dialog.h"
#include "sk-accessible.h"
#include "sk-print-dialog.h"
#include "sk-settings.h"
#include "sk-summary-draw.h"

#include <glib/gi18n-lib.h>

#define PREVIEW_WIDTH 440

struct _SkLetterDialog
{
  AdwWindow parent_instance;

  SkContext      *context;
  SkConversation *conversation;
  SkLetterKind    kind;
  SkSummary      *letter;
  SkSummaryPages *pages;

  GtkWidget *toasts;
  GtkWidget *stack;
  GtkWidget *previews[2];
  GtkWidget *language_labels[2];
  GtkWidget *warnings[2];
};

G_DEFINE_FINAL_TYPE (SkLetterDialog, sk_letter_dialog, ADW_TYPE_WINDOW)

static void
toast (SkLetterDialog *self,
       const char     *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (markup));
}

static void
report (SkLetterDialog *self,
        const GError   *error)
{
  /* Translators: %s says why */
  g_autofree char *message = g_strdup_printf (_("The letter could not be made: %s"), error->message);

  toast (self, message);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  SkLetterDialog *self = data;

  if (self->pages == NULL)
    return;
  cairo_scale (cr, width / SK_SUMMARY_PAGE_WIDTH, height / SK_SUMMARY_PAGE_HEIGHT);
  sk_summary_pages_draw (self->pages, cr, 0, FALSE);
}

/* The letter as it is now: built, laid out, and checked for case words. */
static void
rebuild (SkLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strings = NULL;
  g_auto(GStrv) case_words = NULL;
  g_autofree char *text = NULL;
  SkSummarySender from;
  const char *language;

  g_clear_pointer (&self->pages, sk_summary_pages_free);
  g_clear_pointer (&self->letter, sk_summary_free);
  strings = sk_settings_read_sender (sk_context_get_settings (self->context), &from);
  self->letter = sk_letter_build (sk_context_get_store (self->context), self->conversation, self->kind, NULL, &from,
                                  &error);
  if (self->letter == NULL)
    {
      report (self, error);
      return;
    }
  self->pages = sk_summary_pages_new (self->letter, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);
  language = self->letter->language;
  gtk_label_set_text (GTK_LABEL (self->language_labels[self->kind]),
                      g_str_equal (language, "en")
                      /* Translators: above a letter to the child: the language it is in */
                      ? _("In English, the language the child reads. The child’s language is set in the child’s details.")
                      : _("In Danish, the language the child reads. The child’s language is set in the child’s details."));
  text = sk_letter_text (self->letter);
  case_words = sk_letter_case_words (text);
  gtk_widget_set_visible (self->warnings[self->kind], case_words != NULL);
  if (case_words != NULL)
    {
      /* Translators: a warning above a letter to the child; %s is a word such as "foranstaltning" */
      g_autofree char *warning = g_strdup_printf (_("The letter says “%s”: a child does not know that word. "
                                                    "Say it in the child’s words in “What we agreed” and "
                                                    "“What happens next”."), case_words[0]);

      gtk_label_set_text (GTK_LABEL (self->warnings[self->kind]), warning);
    }
  gtk_widget_queue_draw (self->previews[self->kind]);
}

static void
page_changed_cb (SkLetterDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (self->stack));

  self->kind = g_strcmp0 (name, "after") == 0 ? SK_LETTER_AFTER : SK_LETTER_INVITATION;
  if (self->conversation != NULL)
    rebuild (self);
}

SkLetterKind
sk_letter_dialog_get_kind (SkLetterDialog *self)
{
  g_return_val_if_fail (SK_IS_LETTER_DIALOG (self), SK_LETTER_INVITATION);

  return self->kind;
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SkLetterDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->letter != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF can only be saved to a local folder."));
      /* Private to the user, as the summary's PDF is. */
      if (error == NULL && sk_summary_write_pdf (self->letter, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("The letter is saved as “%s”"), name);

          toast (self, message);
        }
      else
        report (self, error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (SkLetterDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Letter as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     self->kind == SK_LETTER_INVITATION
                                     /* Translators: the suggested file names of the letters */
                                     ? _("invitation.pdf") : _("letter-to-you.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

#if SK_HAVE_CUPS
static void
sent_cb (SkPrintDialog  *dialog,
         const char     *printer,
         int             job,
         SkLetterDialog *self)
{
  /* Translators: %s is a printer's name; CUPS has taken the letter */
  g_autofree char *message = g_strdup_printf (_("Sent to “%s”."), printer);

  toast (self, message);
}

static void
print_clicked_cb (SkLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  SkPrintDialog *dialog;

  rebuild (self);
  if (self->letter == NULL)
    return;
  pdf = sk_summary_render_pdf (self->letter, &error);
  if (pdf == NULL)
    {
      report (self, error);
      return;
    }
  dialog = sk_print_dialog_new (GTK_WINDOW (self), sk_context_get_settings (self->context), pdf,
                                sk_summary_pages_get_n (self->pages));
  sk_print_dialog_set_document (dialog,
                                /* Translators: the print dialog's title for a letter to the child */
                                _("Print the Letter"),
                                self->kind == SK_LETTER_INVITATION
                                /* Translators: a print job's name in the printer's queue */
                                ? _("Invitation for the child") : _("Letter to the child"));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (sent_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
#endif

static GtkWidget *
build_page (SkLetterDialog *self,
            SkLetterKind    kind)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save as PDF…"));
  GtkWidget *area = gtk_drawing_area_new ();

  self->warnings[kind] = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->warnings[kind]), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->warnings[kind]), 0);
  gtk_widget_add_css_class (self->warnings[kind], "warning");
  gtk_widget_set_visible (self->warnings[kind], FALSE);
  gtk_box_append (GTK_BOX (box), self->warnings[kind]);
  self->language_labels[kind] = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->language_labels[kind]), TRUE);
  gtk_widget_add_css_class (self->language_labels[kind], "dim-label");
  gtk_box_append (GTK_BOX (box), self->language_labels[kind]);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int) (PREVIEW_WIDTH * SK_SUMMARY_PAGE_HEIGHT / SK_SUMMARY_PAGE_WIDTH));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, self, NULL);
  gtk_widget_add_css_class (area, "summary-page");
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == SK_LETTER_INVITATION ? _("The invitation, as it will be printed")
                                                               : _("The letter, as it will be printed"), -1);
  self->previews[kind] = area;
  gtk_box_append (GTK_BOX (box), area);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), save);
#if SK_HAVE_CUPS
  {
    GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

    gtk_widget_add_css_class (print, "suggested-action");
    g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), print);
  }
#endif
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scroller;
}

SkLetterDialog *
sk_letter_dialog_new (GtkWindow      *parent,
                      SkContext      *context,
                      SkConversation *conversation)
{
  SkLetterDialog *self;

  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  self = g_object_new (SK_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->conversation = g_object_ref (conversation);
  rebuild (self);
  return self;
}

static void
sk_letter_dialog_dispose (GObject *object)
{
  SkLetterDialog *self = SK_LETTER_DIALOG (object);

  g_clear_pointer (&self->pages, sk_summary_pages_free);
  g_clear_pointer (&self->letter, sk_summary_free);
  g_clear_object (&self->context);
  g_clear_object (&self->conversation);
  G_OBJECT_CLASS (sk_letter_dialog_parent_class)->dispose (object);
}

static void
sk_letter_dialog_class_init (SkLetterDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sk_letter_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_letter_dialog_init (SkLetterDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Letters to the Child"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 860);
  self->stack = gtk_stack_new ();
  gtk_stack_add_titled (GTK_STACK (self->stack), build_page (self, SK_LETTER_INVITATION), "invitation",
                        /* Translators: the letter before the conversation */
                        _("Invitation"));
  gtk_stack_add_titled (GTK_STACK (self->stack), build_page (self, SK_LETTER_AFTER), "after",
                        /* Translators: the letter after the conversation */
                        _("Letter to You"));
  gtk_widget_set_vexpand (self->stack, TRUE);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (page_changed_cb), self);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_box_append (GTK_BOX (outer), header);
  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), self->stack);
  gtk_box_append (GTK_BOX (outer), self->toasts);
  adw_window_set_content (ADW_WINDOW (self), outer);
  sk_accessible_tidy_mnemonics (outer);
}
