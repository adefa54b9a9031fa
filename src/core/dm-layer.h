/* dm-layer.h: one detailed layer of a responsibility model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-types.h"

G_BEGIN_DECLS

#define DM_TYPE_LAYER (dm_layer_get_type ())
G_DECLARE_FINAL_TYPE (DmLayer, dm_layer, DM, LAYER, GObject)

const char         *dm_layer_get_id                (DmLayer *self);
const char         *dm_layer_get_name              (DmLayer *self);
const char         *dm_layer_get_untranslated_name (DmLayer *self);
const char         *dm_layer_get_description       (DmLayer *self);
const char         *dm_layer_get_customer_tasks    (DmLayer *self);
const char * const *dm_layer_get_security_services (DmLayer *self);
DmBand             *dm_layer_get_band              (DmLayer *self);
guint               dm_layer_get_index             (DmLayer *self);

G_END_DECLS
