/* sk-summary-dialog.c — the summary for the parents, for the caseworker
 *
 * The same panel as the child's view's "Our summary", in a window of its
 * own that covers the caseworker's: nothing of other children stands
 * beside it.  Its messages (a PDF that could not be saved, a failed
 * print) show in the panel, where the person is looking.
 */
#include "config.h"

#include "sk-summary-dialog.h"
#include "sk-summary-panel.h"

#include <glib/gi18n-lib.h>

struct _SkSummaryDialog
{
  AdwWindow parent_instance;

  GtkWidget      *box;
  SkSummaryPanel *panel;
};

G_DEFINE_FINAL_TYPE (SkSummaryDialog, sk_summary_dialog, ADW_TYPE_WINDOW)

static void
sk_summary_dialog_class_init (SkSummaryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SkSummaryDialog, box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_summary_dialog_init (SkSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SkSummaryDialog *
sk_summary_dialog_new (GtkWindow      *parent,
                       SkContext      *context,
                       SkConversation *conversation)
{
  SkSummaryDialog *self;
  int width = 1100, height = 760;

  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  self = g_object_new (SK_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);
  /* As large as the window under it, so that the list of children does
   * not stand beside the child's choices. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      width = MAX (gtk_widget_get_width (GTK_WIDGET (parent)), 800);
      height = MAX (gtk_widget_get_height (GTK_WIDGET (parent)), 560);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  self->panel = SK_SUMMARY_PANEL (sk_summary_panel_new (context, FALSE));
  gtk_widget_set_vexpand (GTK_WIDGET (self->panel), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->panel));
  sk_summary_panel_set_conversation (self->panel, conversation);
  return self;
}

void
sk_summary_dialog_set_language (SkSummaryDialog *self,
                                const char      *language)
{
  g_return_if_fail (SK_IS_SUMMARY_DIALOG (self));

  sk_summary_panel_set_language (self->panel, language);
}

guint
sk_summary_dialog_get_n_pages (SkSummaryDialog *self)
{
  g_return_val_if_fail (SK_IS_SUMMARY_DIALOG (self), 0);

  return sk_summary_panel_get_n_pages (self->panel);
}

gboolean
sk_summary_dialog_save_pdf (SkSummaryDialog  *self,
                            const char       *path,
                            GError          **error)
{
  g_return_val_if_fail (SK_IS_SUMMARY_DIALOG (self), FALSE);

  return sk_summary_panel_save_pdf (self->panel, path, error);
}
