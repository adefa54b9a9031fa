/* dm-compare-view.h: every service against every layer, in one matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-model.h"

#include "dm-assessment.h"

G_BEGIN_DECLS

#define DM_TYPE_COMPARE_VIEW (dm_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (DmCompareView, dm_compare_view, DM, COMPARE_VIEW, AdwBin)

GtkWidget *dm_compare_view_new             (void);
DmModel   *dm_compare_view_get_model       (DmCompareView *self);
void       dm_compare_view_set_model       (DmCompareView *self,
                                            DmModel       *model);
void       dm_compare_view_set_current     (DmCompareView *self,
                                            DmService     *service);
guint      dm_compare_view_get_n_rows      (DmCompareView *self);
DmService *dm_compare_view_get_row_service (DmCompareView *self,
                                            guint          row);
GtkWidget *dm_compare_view_get_cell        (DmCompareView *self,
                                            const char    *service_id,
                                            const char    *layer_id);

void       dm_compare_view_set_assessment (DmCompareView *self,
                                           DmAssessment  *assessment);

G_END_DECLS
