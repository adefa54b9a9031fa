/* dm-window.h: the main window: service list, diagram, details, compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"
#include "dm-model.h"

#include "dm-diff.h"
#include "dm-report.h"

G_BEGIN_DECLS

#define DM_TYPE_WINDOW (dm_window_get_type ())
G_DECLARE_FINAL_TYPE (DmWindow, dm_window, DM, WINDOW, AdwApplicationWindow)

DmWindow  *dm_window_new                (GtkApplication *application);
DmModel   *dm_window_get_model          (DmWindow       *self);
void       dm_window_set_model          (DmWindow       *self,
                                         DmModel        *model);
DmService *dm_window_get_service        (DmWindow       *self);
void       dm_window_set_service        (DmWindow       *self,
                                         DmService      *service);
void       dm_window_open_model_file    (DmWindow       *self,
                                         GFile          *file);
void       dm_window_open_exports       (DmWindow       *self,
                                         GFile         **files,
                                         guint           n_files);
DmAssessment *dm_window_get_assessment  (DmWindow       *self);
const char *dm_window_get_visible_view  (DmWindow       *self);
GtkWidget *dm_window_get_diagram        (DmWindow       *self);
GtkWidget *dm_window_get_details        (DmWindow       *self);
GtkWidget *dm_window_get_inputs_button  (DmWindow       *self);
GtkWidget *dm_window_get_compare        (DmWindow       *self);
GtkWidget *dm_window_get_findings       (DmWindow       *self);
guint      dm_window_get_n_visible_services (DmWindow   *self);

gboolean      dm_window_get_importing       (DmWindow    *self);
const char   *dm_window_get_progress_text   (DmWindow    *self);
GMenuModel   *dm_window_get_recent_menu     (DmWindow    *self);
gboolean      dm_window_get_redact          (DmWindow    *self);
DmReport     *dm_window_get_report          (DmWindow    *self);
void          dm_window_export              (DmWindow    *self,
                                             GFile       *file,
                                             gboolean     diagram);
guint         dm_window_get_n_exports       (DmWindow    *self);
GtkWindow    *dm_window_present_slides      (DmWindow    *self);
void          dm_window_compare_with        (DmWindow    *self,
                                             GFile      **files,
                                             guint        n_files);
DmDiff       *dm_window_get_diff            (DmWindow    *self);
gboolean      dm_window_print               (DmWindow    *self,
                                             const char  *export_pdf,
                                             GError     **error);

G_END_DECLS
