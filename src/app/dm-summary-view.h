/* dm-summary-view.h: the executive summary of a review, as widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dm-review-summary.h"

G_BEGIN_DECLS

/* Top risks the overview and slide 1 name. */
#define DM_SUMMARY_VIEW_MAX_RISKS DM_REVIEW_SUMMARY_MAX_RISKS

#define DM_TYPE_SUMMARY_VIEW (dm_summary_view_get_type ())
G_DECLARE_FINAL_TYPE (DmSummaryView, dm_summary_view, DM, SUMMARY_VIEW, GtkWidget)

GtkWidget       *dm_summary_view_new         (void);
void             dm_summary_view_set_report  (DmSummaryView *self,
                                              DmReport      *report);
void             dm_summary_view_set_compact (DmSummaryView *self,
                                              gboolean       compact);
DmReviewSummary *dm_summary_view_get_summary (DmSummaryView *self);
const char      *dm_summary_view_get_text    (DmSummaryView *self);
GtkWidget       *dm_summary_view_get_table   (DmSummaryView *self);

G_END_DECLS
