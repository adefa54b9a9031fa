/* dm-details-pane.h: who owns the selected band's layers, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"
#include "dm-report.h"
#include "dm-model.h"

G_BEGIN_DECLS

#define DM_TYPE_DETAILS_PANE (dm_details_pane_get_type ())
G_DECLARE_FINAL_TYPE (DmDetailsPane, dm_details_pane, DM, DETAILS_PANE, AdwBin)

GtkWidget  *dm_details_pane_new        (void);
void        dm_details_pane_show       (DmDetailsPane *self,
                                        DmModel       *model,
                                        DmService     *service,
                                        int            band,
                                        int            layer);
void        dm_details_pane_set_report (DmDetailsPane *self,
                                        DmReport      *report);
const char *dm_details_pane_get_title  (DmDetailsPane *self);
guint       dm_details_pane_get_n_groups (DmDetailsPane *self);
GtkWidget  *dm_details_pane_get_group  (DmDetailsPane *self,
                                        guint          index);
GtkWidget  *dm_details_pane_new_inputs_list (DmReport  *report);
gboolean    dm_details_pane_show_finding (DmDetailsPane *self,
                                          DmFinding     *finding);
GtkWidget  *dm_details_pane_get_finding_expander (DmDetailsPane *self,
                                                  DmFinding     *finding);

G_END_DECLS
