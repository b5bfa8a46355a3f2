/* sk-print-dialog.c — a printer, a number of copies, and Print
 *
 * Our own small print dialog for CUPS (sk-cups.c): the printers and their
 * state, the copies, and the summary's pages as they are, on A4.  Every
 * talk with CUPS happens on a worker thread, so the dialog answers
 * clicks and Esc whatever the printing system does; what goes wrong is
 * said in the dialog, in words, and nothing is lost: the summary is
 * still there to print again or save as PDF.  It shows printer names
 * only, never files: it is safe in the child's view.
 */
#include "config.h"

#include "sk-print-dialog.h"
#include "sk-accessible.h"
#include "sk-cups.h"

#include <glib/gi18n-lib.h>

struct _SkPrintDialog
{
  AdwWindow parent_instance;

  GSettings    *settings;
  GBytes       *pdf;
  char         *job_name;   /* as the printer's queue shows it */
  GCancellable *cancellable;
  gboolean      sending;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkStack       *print_stack;
  GtkWidget      *print_button;
  GtkSpinner     *sending_spinner;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  GtkStack       *stack;
  GtkSpinner     *loading_spinner;
  GtkWidget      *choices;
  GtkListBox     *printer_list;
  GtkWidget      *copies_group;
  GtkSpinButton  *copies_spin;
  AdwStatusPage  *none_page;
};

G_DEFINE_FINAL_TYPE (SkPrintDialog, sk_print_dialog, ADW_TYPE_WINDOW)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (SkPrintDialog *self,
              const char    *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static GtkCheckButton *
chosen_check (SkPrintDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->printer_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL && gtk_check_button_get_active (check))
        return check;
    }
  return NULL;
}

static void
update_print_button (SkPrintDialog *self)
{
  gtk_widget_set_sensitive (self->print_button, !self->sending && chosen_check (self) != NULL);
}

/* "Ready", "Offline", … and where it stands: what a person needs to pick. */
static char *
printer_state (const SkPrinter *printer)
{
  const char *state;

  if (printer->offline)
    state = _("Offline or stopped");
  else if (!printer->accepting)
    state = _("Not accepting print jobs");
  else if (printer->is_default)
    state = _("Ready · the default printer");
  else
    state = _("Ready");
  /* Why it is not ready, in its keeper's words. */
  if ((printer->offline || !printer->accepting) && printer->state_message != NULL)
    return g_strdup_printf (_("%1$s · %2$s"), state, printer->state_message);
  if (printer->location != NULL)
    /* Translators: a printer's state, "Ready", and where it stands, "2nd floor" */
    return g_strdup_printf (_("%1$s · %2$s"), state, printer->location);
  return g_strdup (state);
}

static GtkWidget *
printer_row (SkPrintDialog   *self,
             const SkPrinter *printer,
             GtkCheckButton  *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *state = printer_state (printer);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), printer->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, printer->description, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_print_button), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (row), "printer", sk_printer_copy (printer), (GDestroyNotify) sk_printer_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
printers_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) printers = sk_cups_list_printers_finish (result, &error);
  g_autoptr(SkPrintDialog) self = user_data;
  g_autofree char *remembered = NULL;
  GtkCheckButton *first = NULL, *chosen = NULL;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->loading_spinner);
  if (printers == NULL)
    {
      adw_status_page_set_description (self->none_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->printer_list))) != NULL)
    gtk_list_box_remove (self->printer_list, child);
  remembered = g_settings_get_string (self->settings, "printer");
  for (guint i = 0; i < printers->len; i++)
    {
      const SkPrinter *printer = printers->pdata[i];
      GtkWidget *row = printer_row (self, printer, first);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (first == NULL)
        first = check;
      if (g_strcmp0 (printer->name, remembered) == 0)
        chosen = check;
      gtk_list_box_append (self->printer_list, row);
    }
  /* The one used last time, or else the default (listed first). */
  gtk_check_button_set_active (chosen != NULL ? chosen : first, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "printers");
  update_print_button (self);
  gtk_widget_grab_focus (self->print_button);
}

static void
list_printers (SkPrintDialog *self)
{
  show_message (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->loading_spinner);
  sk_cups_list_printers_async (self->cancellable, printers_listed_cb, g_object_ref (self));
}

static void
set_sending (SkPrintDialog *self,
             gboolean       sending)
{
  self->sending = sending;
  gtk_stack_set_visible_child_name (self->print_stack, sending ? "sending" : "button");
  if (sending)
    gtk_spinner_start (self->sending_spinner);
  else
    gtk_spinner_stop (self->sending_spinner);
  gtk_widget_set_sensitive (self->choices, !sending);
  gtk_widget_set_sensitive (self->cancel_button, !sending);
  update_print_button (self);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SkPrintDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  int job = sk_cups_print_finish (result, &error);
  GtkCheckButton *check = chosen_check (self);
  GtkWidget *row = check != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW) : NULL;
  const SkPrinter *printer = row != NULL ? g_object_get_data (G_OBJECT (row), "printer") : NULL;

  /* The window's own reference holds it from here. */
  g_object_unref (self);
  set_sending (self, FALSE);
  if (job == 0)
    {
      show_message (self, error->message);
      return;
    }
  /* Remembered for next time, also between runs. */
  if (printer != NULL)
    g_settings_set_string (self->settings, "printer", printer->name);
  g_settings_set_int (self->settings, "print-copies", gtk_spin_button_get_value_as_int (self->copies_spin));
  g_signal_emit (self, signals[SENT], 0, printer != NULL ? printer->description : "", job);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
print_clicked_cb (SkPrintDialog *self)
{
  GtkCheckButton *check = chosen_check (self);
  GtkWidget *row;
  const SkPrinter *printer;

  if (check == NULL || self->sending)
    return;
  row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  printer = g_object_get_data (G_OBJECT (row), "printer");
  show_message (self, NULL);
  set_sending (self, TRUE);
  /* Print queues and their logs are not private: no child's name. */
  sk_cups_print_async (printer->name, self->pdf, self->job_name != NULL ? self->job_name : _("Summary for the parents"),
                       (guint) gtk_spin_button_get_value_as_int (self->copies_spin),
                       NULL, printed_cb, g_object_ref (self));
}

static void
retry_clicked_cb (SkPrintDialog *self)
{
  list_printers (self);
}

static gboolean
sk_print_dialog_close_request (GtkWindow *window)
{
  SkPrintDialog *self = SK_PRINT_DIALOG (window);

  /* A job half sent is finished first; the answer comes in seconds. */
  if (self->sending)
    return TRUE;
  return GTK_WINDOW_CLASS (sk_print_dialog_parent_class)->close_request (window);
}

static void
sk_print_dialog_dispose (GObject *object)
{
  SkPrintDialog *self = SK_PRINT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_PRINT_DIALOG);

  G_OBJECT_CLASS (sk_print_dialog_parent_class)->dispose (object);
}

static void
sk_print_dialog_finalize (GObject *object)
{
  SkPrintDialog *self = SK_PRINT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->job_name, g_free);

  G_OBJECT_CLASS (sk_print_dialog_parent_class)->finalize (object);
}

static void
sk_print_dialog_class_init (SkPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_print_dialog_dispose;
  object_class->finalize = sk_print_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = sk_print_dialog_close_request;

  /**
   * SkPrintDialog::sent:
   * @printer: the printer's name, as people see it
   * @job: the job's number in CUPS
   *
   * CUPS has accepted the summary.
   */
  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, print_stack);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, sending_spinner);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, choices);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, printer_list);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, copies_group);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, copies_spin);
  gtk_widget_class_bind_template_child (widget_class, SkPrintDialog, none_page);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_print_dialog_init (SkPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  /* A group without a title names its list after its one row. */
  sk_accessible_label_first (self->copies_group, GTK_TYPE_LIST_BOX, _("Copies"));
  self->cancellable = g_cancellable_new ();
}

SkPrintDialog *
sk_print_dialog_new (GtkWindow *parent,
                     GSettings *settings,
                     GBytes    *pdf,
                     guint      n_pages)
{
  SkPrintDialog *self;
  g_autofree char *pages = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (SK_TYPE_PRINT_DIALOG, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->pdf = g_bytes_ref (pdf);
  /* Translators: under "Print the Summary" */
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page, A4", "%u pages, A4", n_pages), n_pages);
  adw_window_title_set_subtitle (self->window_title, pages);
  gtk_spin_button_set_value (self->copies_spin, CLAMP (g_settings_get_int (settings, "print-copies"), 1, 20));
  list_printers (self);
  return self;
}

void
sk_print_dialog_set_document (SkPrintDialog *self,
                              const char    *title,
                              const char    *job_name)
{
  g_return_if_fail (SK_IS_PRINT_DIALOG (self));

  adw_window_title_set_title (self->window_title, title);
  g_free (self->job_name);
  self->job_name = g_strdup (job_name);
}
