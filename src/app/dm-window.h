/* dm-window.h: the main window: service list, diagram, details, compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-assessment.h"
#include "dm-model.h"

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
G_END_DECLS
