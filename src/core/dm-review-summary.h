/* dm-review-summary.h: what page 1, slide 1 and the window's overview say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-finding-group.h"
#include "dm-import-summary.h"
#include "dm-report.h"

G_BEGIN_DECLS

/* One input file of the review. */
typedef struct
{
  const char         *path;     /* as the report names it (redacted when it is) */
  const char         *format;
  const char * const *tools;    /* the tools its findings name, sorted */
  guint64             items;
  const char         *when;     /* "version 4.2.1 · exported 14 February 2025", or NULL */
} DmReviewSource;

/* Severities from worst down: the rows of the severity × layer table. */
#define DM_REVIEW_N_SEVERITIES (DM_SEVERITY_CRITICAL + 1)

/* The worst checks a summary names: what fits on a slide and page 1. */
#define DM_REVIEW_SUMMARY_MAX_RISKS 5

#define DM_TYPE_REVIEW_SUMMARY (dm_review_summary_get_type ())
G_DECLARE_FINAL_TYPE (DmReviewSummary, dm_review_summary, DM, REVIEW_SUMMARY, GObject)

DmReviewSummary      *dm_review_summary_new            (DmReport        *report,
                                                        guint            max_risks);

const char * const   *dm_review_summary_get_accounts   (DmReviewSummary *self);
const char * const   *dm_review_summary_get_regions    (DmReviewSummary *self);
guint                 dm_review_summary_get_n_sources  (DmReviewSummary *self);
const DmReviewSource *dm_review_summary_get_source     (DmReviewSummary *self,
                                                        guint            index);
const DmImportCounts *dm_review_summary_get_counts     (DmReviewSummary *self);

guint                 dm_review_summary_get_n_columns  (DmReviewSummary *self);
DmLayer              *dm_review_summary_get_column     (DmReviewSummary *self,
                                                        guint            column);
guint                 dm_review_summary_get_cell       (DmReviewSummary *self,
                                                        DmSeverity       severity,
                                                        guint            column);
guint                 dm_review_summary_get_unplaced   (DmReviewSummary *self,
                                                        DmSeverity       severity);
guint                 dm_review_summary_get_n_failed   (DmReviewSummary *self,
                                                        DmSeverity       severity);

GPtrArray            *dm_review_summary_get_top_risks  (DmReviewSummary *self);
guint                 dm_review_summary_get_n_failed_groups (DmReviewSummary *self);

G_END_DECLS
