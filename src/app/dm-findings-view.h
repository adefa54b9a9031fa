/* dm-findings-view.h: every finding of the open export, grouped by check,
 * filtered, with the selected one in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"
#include "dm-diff.h"
#include "dm-finding-group.h"
#include "dm-model.h"

G_BEGIN_DECLS

/* The drop-downs above the list, in the order they are shown, but for
 * Changes: first, and only while a comparison is on. */
typedef enum
{
  DM_FINDINGS_STATUS,
  DM_FINDINGS_SEVERITY,
  DM_FINDINGS_SERVICE,
  DM_FINDINGS_LAYER,
  DM_FINDINGS_REGION,
  DM_FINDINGS_ACCOUNT,
  DM_FINDINGS_TOOL,
  DM_FINDINGS_SORT,       /* not a filter: the order of the checks */
  DM_FINDINGS_CHANGES,    /* new, still failing or fixed since the older export */
  DM_N_FINDINGS_CONTROLS
} DmFindingsControl;

typedef enum
{
  DM_FINDINGS_SORT_WORST,
  DM_FINDINGS_SORT_MOST,
  DM_FINDINGS_SORT_TITLE,
  DM_FINDINGS_SORT_SERVICE,
} DmFindingsSort;

#define DM_TYPE_FINDINGS_VIEW (dm_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (DmFindingsView, dm_findings_view, DM, FINDINGS_VIEW, AdwBin)

GtkWidget   *dm_findings_view_new            (void);
void         dm_findings_view_set_assessment (DmFindingsView *self,
                                              DmAssessment   *assessment);
void         dm_findings_view_set_diff       (DmFindingsView *self,
                                              DmDiff         *diff);
void         dm_findings_view_set_search     (DmFindingsView *self,
                                              const char     *text);
void         dm_findings_view_set_failed_only (DmFindingsView *self,
                                              gboolean        failed_only);
void         dm_findings_view_set_status     (DmFindingsView *self,
                                              int             status);
int          dm_findings_view_get_status     (DmFindingsView *self);
void         dm_findings_view_set_min_severity (DmFindingsView *self,
                                              DmSeverity      severity);
gboolean     dm_findings_view_set_value      (DmFindingsView   *self,
                                              DmFindingsControl control,
                                              const char       *value);
void         dm_findings_view_set_sort       (DmFindingsView *self,
                                              DmFindingsSort  sort);
GtkDropDown *dm_findings_view_get_control    (DmFindingsView   *self,
                                              DmFindingsControl control);
GListModel  *dm_findings_view_get_shown      (DmFindingsView *self);
GListModel  *dm_findings_view_get_groups     (DmFindingsView *self);
GtkColumnView *dm_findings_view_get_list     (DmFindingsView *self);
GtkWidget   *dm_findings_view_get_detail     (DmFindingsView *self);
gboolean     dm_findings_view_select_finding (DmFindingsView *self,
                                              DmFinding      *finding);
DmFinding   *dm_findings_view_get_selected_finding (DmFindingsView *self);

void         dm_findings_view_focus_search   (DmFindingsView *self);
void         dm_findings_view_set_model      (DmFindingsView *self,
                                              DmModel        *model);

/* Shared with the details pane, so both speak of a finding alike. */
GtkWidget   *dm_findings_view_new_badge      (DmSeverity      severity,
                                              DmFindingStatus status);
char        *dm_findings_view_describe_group (DmFindingGroup *group);
char        *dm_findings_view_describe_finding (DmFinding    *finding);
char        *dm_findings_view_change_words   (DmDiff         *diff,
                                              DmFindingGroup *group,
                                              DmFinding      *finding,
                                              gboolean       *fixed);
GtkWidget   *dm_findings_view_new_change_tag (const char     *words,
                                              gboolean        fixed);

G_END_DECLS
