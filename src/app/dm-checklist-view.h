/* dm-checklist-view.h: the model's account-wide responsibilities, who
 * holds each, and what the open export says about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"
#include "dm-model.h"

G_BEGIN_DECLS

#define DM_TYPE_CHECKLIST_VIEW (dm_checklist_view_get_type ())
G_DECLARE_FINAL_TYPE (DmChecklistView, dm_checklist_view, DM, CHECKLIST_VIEW, AdwBin)

GtkWidget  *dm_checklist_view_new              (void);
void        dm_checklist_view_set_model        (DmChecklistView *self,
                                                DmModel         *model);
void        dm_checklist_view_set_assessment   (DmChecklistView *self,
                                                DmAssessment    *assessment);

/* For the tests: rows by responsibility id. */
guint       dm_checklist_view_get_n_rows       (DmChecklistView *self);
GtkWidget  *dm_checklist_view_get_row          (DmChecklistView *self,
                                                const char      *id);
const char *dm_checklist_view_get_status_text  (DmChecklistView *self,
                                                const char      *id);
const char *dm_checklist_view_get_owner_text   (DmChecklistView *self,
                                                const char      *id);
GtkWidget  *dm_checklist_view_get_status_badge (DmChecklistView *self,
                                                const char      *id);
guint       dm_checklist_view_get_n_groups     (DmChecklistView *self,
                                                const char      *id);
const char *dm_checklist_view_get_summary      (DmChecklistView *self);

G_END_DECLS
