/* dm-diagram-band.h: a focusable, accessible stand-in for one painted band,
 * or for one layer cell of a band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_DIAGRAM_BAND (dm_diagram_band_get_type ())
G_DECLARE_FINAL_TYPE (DmDiagramBand, dm_diagram_band, DM, DIAGRAM_BAND, GtkWidget)

GtkWidget *dm_diagram_band_new       (guint                index);
GtkWidget *dm_diagram_band_new_layer (guint                index,
                                      guint                layer);
guint      dm_diagram_band_get_index (DmDiagramBand       *self);
int        dm_diagram_band_get_layer (DmDiagramBand       *self);
void       dm_diagram_band_place     (DmDiagramBand       *self,
                                      const GtkAllocation *in_band);
void       dm_diagram_band_describe  (DmDiagramBand       *self,
                                      const char          *label,
                                      const char          *description,
                                      gboolean             expanded);

G_END_DECLS
