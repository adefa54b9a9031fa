/* dm-diagram.h: the interactive responsibility stack of one service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dm-assessment.h"
#include "dm-model.h"

#include "dm-diff.h"

G_BEGIN_DECLS

#define DM_TYPE_DIAGRAM (dm_diagram_get_type ())
G_DECLARE_FINAL_TYPE (DmDiagram, dm_diagram, DM, DIAGRAM, GtkWidget)

GtkWidget *dm_diagram_new                (void);
DmAssessment *dm_diagram_get_assessment  (DmDiagram *self);
void       dm_diagram_set_assessment     (DmDiagram    *self,
                                          DmAssessment *assessment);
DmModel   *dm_diagram_get_model          (DmDiagram *self);
void       dm_diagram_set_model          (DmDiagram *self,
                                          DmModel   *model);
DmService *dm_diagram_get_service        (DmDiagram *self);
void       dm_diagram_set_service        (DmDiagram *self,
                                          DmService *service);
int        dm_diagram_get_selected_band  (DmDiagram *self);
void       dm_diagram_set_selected_band  (DmDiagram *self,
                                          int        band);
int        dm_diagram_get_selected_layer (DmDiagram *self);
void       dm_diagram_set_selected_layer (DmDiagram *self,
                                          int        layer);
int        dm_diagram_get_hover_band     (DmDiagram *self);
double     dm_diagram_get_boundary_y     (DmDiagram *self);
GtkWidget *dm_diagram_get_band_widget    (DmDiagram *self,
                                          guint      band);
int        dm_diagram_band_at            (DmDiagram *self,
                                          double     x,
                                          double     y);
void       dm_diagram_set_hover_point    (DmDiagram *self,
                                          double     x,
                                          double     y);

void       dm_diagram_set_force_dark     (DmDiagram *self,
                                          gboolean   force_dark);

void       dm_diagram_set_diff           (DmDiagram *self,
                                          DmDiff    *diff);
DmDiff    *dm_diagram_get_diff           (DmDiagram *self);

G_END_DECLS
