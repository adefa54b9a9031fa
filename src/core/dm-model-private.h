/* dm-model-private.h: constructors used only by the model loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-band.h"
#include "dm-layer.h"
#include "dm-service.h"

G_BEGIN_DECLS

/* Contexts of the model's display strings: build-aux/model-pot.py extracts
 * them with the same msgctxt, so keep the two lists in step. */
#define DM_MODEL_CONTEXT_MODEL          "model"
#define DM_MODEL_CONTEXT_BAND           "model band"
#define DM_MODEL_CONTEXT_LAYER          "model layer"
#define DM_MODEL_CONTEXT_CATEGORY       "model category"
#define DM_MODEL_CONTEXT_GROUP          "model group"
#define DM_MODEL_CONTEXT_CONTROL_KIND   "model control kind"
#define DM_MODEL_CONTEXT_SECURITY       "model security service"
#define DM_MODEL_CONTEXT_SERVICE        "model service"
#define DM_MODEL_CONTEXT_REASON         "model reason"
#define DM_MODEL_CONTEXT_RESPONSIBILITY "model responsibility"

const char *_dm_model_text        (const char         *context,
                                   const char         *text);

DmLayer   *_dm_layer_new          (const char         *id,
                                   const char         *name,
                                   const char         *description,
                                   const char         *customer_tasks,
                                   const char * const *security_services,
                                   guint               index);
void       _dm_layer_set_band     (DmLayer            *self,
                                   DmBand             *band);

DmBand    *_dm_band_new           (const char         *id,
                                   const char         *name,
                                   const char         *description,
                                   guint               index);
void       _dm_band_add_layer     (DmBand             *self,
                                   DmLayer            *layer);

DmService *_dm_service_new        (const char         *id,
                                   const char         *name,
                                   const char         *short_name,
                                   const char         *category,
                                   const char         *summary,
                                   guint               n_layers);
gboolean   _dm_service_has_layer  (DmService          *self,
                                   guint               layer_index);
void       _dm_service_set_layer  (DmService          *self,
                                   guint               layer_index,
                                   DmOwner             owner,
                                   DmControlKind       control,
                                   const char         *reason);
void       _dm_service_set_group  (DmService          *self,
                                   const char         *group);
void       _dm_service_set_like   (DmService          *self,
                                   const char         *like);
void       _dm_service_add_source (DmService          *self,
                                   const char         *title,
                                   const char         *url);
void       _dm_service_inherit    (DmService          *self,
                                   DmService          *base);

G_END_DECLS
