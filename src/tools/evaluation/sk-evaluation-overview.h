/* sk-evaluation-overview.h — the children's evaluations across all
 * children, per month: counts only; saved as CSV for the team leader */
#pragma once

#include <adwaita.h>

#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_EVALUATION_OVERVIEW (sk_evaluation_overview_get_type ())
G_DECLARE_FINAL_TYPE (SkEvaluationOverview, sk_evaluation_overview, SK, EVALUATION_OVERVIEW, AdwWindow)

/* Opens the overview over @from's window. */
SkEvaluationOverview *sk_evaluation_overview_show (GtkWidget *from,
                                                   SkStore   *store);
/* Writes the CSV to @path (0600).  For the Save button and the tests. */
gboolean              sk_evaluation_overview_save (SkEvaluationOverview *self,
                                                   const char           *path,
                                                   GError              **error);

G_END_DECLS
