/* dm-findings-view.h: every finding of the open export, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"

#include "dm-model.h"

G_BEGIN_DECLS

#define DM_TYPE_FINDINGS_VIEW (dm_findings_view_get_type ())
G_DECLARE_FINAL_TYPE (DmFindingsView, dm_findings_view, DM, FINDINGS_VIEW, AdwBin)

GtkWidget  *dm_findings_view_new            (void);
void        dm_findings_view_set_assessment (DmFindingsView *self,
                                             DmAssessment   *assessment);
void        dm_findings_view_set_search     (DmFindingsView *self,
                                             const char     *text);
void        dm_findings_view_set_failed_only (DmFindingsView *self,
                                             gboolean        failed_only);
void        dm_findings_view_set_status     (DmFindingsView *self,
                                             int             status);
int         dm_findings_view_get_status     (DmFindingsView *self);
GListModel *dm_findings_view_get_shown      (DmFindingsView *self);

void        dm_findings_view_focus_search   (DmFindingsView *self);
void        dm_findings_view_set_model      (DmFindingsView *self,
                                             DmModel        *model);

G_END_DECLS
