/* dm-band.h: one band of the stack (physical … data), grouping detailed layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-types.h"

G_BEGIN_DECLS

#define DM_TYPE_BAND (dm_band_get_type ())
G_DECLARE_FINAL_TYPE (DmBand, dm_band, DM, BAND, GObject)

const char *dm_band_get_id            (DmBand *self);
const char *dm_band_get_name          (DmBand *self);
const char *dm_band_get_description   (DmBand *self);
guint       dm_band_get_index         (DmBand *self);
guint       dm_band_get_n_layers      (DmBand *self);
DmLayer    *dm_band_get_layer         (DmBand *self,
                                       guint   position);
DmLayer    *dm_band_get_primary_layer (DmBand *self);

G_END_DECLS
