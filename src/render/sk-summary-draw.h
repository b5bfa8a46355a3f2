/* sk-summary-draw.h — the parents' summary laid out on pages: the same
 * pages for the preview, the printer and the PDF */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sk-summary.h"

G_BEGIN_DECLS

/* A4 portrait, in points. */
#define SK_SUMMARY_PAGE_WIDTH  595.28
#define SK_SUMMARY_PAGE_HEIGHT 841.89

typedef struct _SkSummaryPages SkSummaryPages;

/* Lays @summary out on pages of @width × @height points.  Keeps a
 * reference to nothing: @summary may go after this. */
SkSummaryPages *sk_summary_pages_new    (const SkSummary *summary,
                                         double           width,
                                         double           height);
void            sk_summary_pages_free   (SkSummaryPages  *pages);
guint           sk_summary_pages_get_n  (SkSummaryPages  *pages);
/* Draws page @page (from 0) at the origin of @cr, in points.  @vector
 * draws pictures as vectors (paper); otherwise from the picture cache. */
void            sk_summary_pages_draw   (SkSummaryPages  *pages,
                                         cairo_t         *cr,
                                         guint            page,
                                         gboolean         vector);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkSummaryPages, sk_summary_pages_free)

/* The summary as an A4 PDF in memory. */
GBytes         *sk_summary_render_pdf   (const SkSummary *summary,
                                         GError         **error);
/* Writes the summary as an A4 PDF at @path, 0600. */
gboolean        sk_summary_write_pdf    (const SkSummary *summary,
                                         const char      *path,
                                         GError         **error);

G_END_DECLS
