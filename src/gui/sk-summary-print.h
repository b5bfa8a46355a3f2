/* sk-summary-print.h — printing the parents' summary */
#pragma once

#include <gtk/gtk.h>

#include "sk-summary.h"

G_BEGIN_DECLS

#define SK_TYPE_SUMMARY_PRINT (sk_summary_print_get_type ())
G_DECLARE_FINAL_TYPE (SkSummaryPrint, sk_summary_print, SK, SUMMARY_PRINT, GtkPrintOperation)

/* Print settings and page setup are read from and kept in @settings
 * ("print-settings", "page-setup"), so they are remembered between runs. */
SkSummaryPrint *sk_summary_print_new (const SkSummary *summary,
                                      GSettings       *settings);

G_END_DECLS
