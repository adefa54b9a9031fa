/* dm-presentation.h: a full-screen walk through the gaps, for a review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-report.h"

G_BEGIN_DECLS

#define DM_TYPE_PRESENTATION (dm_presentation_get_type ())
G_DECLARE_FINAL_TYPE (DmPresentation, dm_presentation, DM, PRESENTATION, AdwWindow)

DmPresentation *dm_presentation_new             (GtkWindow      *parent,
                                                 DmModel        *model,
                                                 DmReport       *report);
guint           dm_presentation_get_n_slides    (DmPresentation *self);
guint           dm_presentation_get_slide       (DmPresentation *self);
const char     *dm_presentation_get_slide_kind  (DmPresentation *self);
const char     *dm_presentation_get_title       (DmPresentation *self);
const char     *dm_presentation_get_body        (DmPresentation *self);
const char     *dm_presentation_get_subtitle    (DmPresentation *self);
const char     *dm_presentation_get_warning     (DmPresentation *self);
const char     *dm_presentation_get_spoken      (DmPresentation *self);
GtkWidget      *dm_presentation_get_slide_widget (DmPresentation *self);
GtkWidget      *dm_presentation_get_matrix_cells (DmPresentation *self);
GtkWidget      *dm_presentation_get_summary_view (DmPresentation *self);
GtkWidget      *dm_presentation_get_gaps        (DmPresentation *self);
gboolean        dm_presentation_get_notes_shown (DmPresentation *self);
const char     *dm_presentation_get_notes       (DmPresentation *self);

G_END_DECLS
