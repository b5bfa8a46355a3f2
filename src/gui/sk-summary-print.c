/* sk-summary-print.c — printing the parents' summary
 *
 * A GtkPrintOperation that lays the summary out once for the paper's
 * printable area (begin_print) and draws each page with the same render
 * code as the preview and the PDF (draw_page).
 */
#include "config.h"

#include "sk-summary-print.h"
#include "sk-summary-draw.h"

#include <glib/gi18n-lib.h>

struct _SkSummaryPrint
{
  GtkPrintOperation parent_instance;

  SkSummary      *summary;   /* borrowed for the operation's life */
  SkSummaryPages *pages;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SkSummaryPrint, sk_summary_print, GTK_TYPE_PRINT_OPERATION)

static void
sk_summary_print_begin_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  SkSummaryPrint *self = SK_SUMMARY_PRINT (operation);

  /* The whole A4 page in points, scaled to what the printer gives. */
  g_clear_pointer (&self->pages, sk_summary_pages_free);
  self->pages = sk_summary_pages_new (self->summary, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);
  gtk_print_operation_set_n_pages (operation, (int) sk_summary_pages_get_n (self->pages));
}

static void
sk_summary_print_draw_page (GtkPrintOperation *operation,
                            GtkPrintContext   *context,
                            int                page)
{
  SkSummaryPrint *self = SK_SUMMARY_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / SK_SUMMARY_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / SK_SUMMARY_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  sk_summary_pages_draw (self->pages, cr, (guint) page, TRUE);
  cairo_restore (cr);
}

static void
sk_summary_print_done (GtkPrintOperation       *operation,
                       GtkPrintOperationResult  result)
{
  SkSummaryPrint *self = SK_SUMMARY_PRINT (operation);

  /* Remembered for next time, also between runs. */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->settings != NULL)
    {
      GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
      GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

      if (print_settings != NULL)
        g_settings_set_value (self->settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));
      if (setup != NULL)
        g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
    }
}

static void
sk_summary_print_finalize (GObject *object)
{
  SkSummaryPrint *self = SK_SUMMARY_PRINT (object);

  g_clear_pointer (&self->pages, sk_summary_pages_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sk_summary_print_parent_class)->finalize (object);
}

static void
sk_summary_print_class_init (SkSummaryPrintClass *klass)
{
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sk_summary_print_finalize;
  print_class->begin_print = sk_summary_print_begin_print;
  print_class->draw_page = sk_summary_print_draw_page;
  print_class->done = sk_summary_print_done;
}

static void
sk_summary_print_init (SkSummaryPrint *self)
{
}

SkSummaryPrint *
sk_summary_print_new (const SkSummary *summary,
                      GSettings       *settings)
{
  SkSummaryPrint *self = g_object_new (SK_TYPE_SUMMARY_PRINT, NULL);
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GVariant) stored_settings = NULL;
  g_autoptr(GVariant) stored_setup = NULL;

  self->summary = (SkSummary *) summary;
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      stored_settings = g_settings_get_value (settings, "print-settings");
      stored_setup = g_settings_get_value (settings, "page-setup");
      if (g_variant_n_children (stored_settings) > 0)
        {
          g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (stored_settings);

          gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), print_settings);
        }
      if (g_variant_n_children (stored_setup) > 0)
        setup = gtk_page_setup_new_from_gvariant (stored_setup);
    }
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  /* The layout has its own margins: the whole sheet is ours. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  /* No child's name: print queues and their logs are not private. */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Summary for the parents"));
  return self;
}
