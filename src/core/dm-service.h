/* dm-service.h: a cloud service and who owns each of its layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-types.h"

G_BEGIN_DECLS

/* A page a service's facts come from. */
typedef struct
{
  char *title;
  char *url;
} DmSource;

#define DM_TYPE_SERVICE (dm_service_get_type ())
G_DECLARE_FINAL_TYPE (DmService, dm_service, DM, SERVICE, GObject)

const char    *dm_service_get_id         (DmService *self);
const char    *dm_service_get_name       (DmService *self);
const char    *dm_service_get_short_name (DmService *self);
const char    *dm_service_get_category   (DmService *self);
const char    *dm_service_get_summary    (DmService *self);
const char    *dm_service_get_like       (DmService *self);
const char    *dm_service_get_group      (DmService *self);
guint          dm_service_get_n_sources  (DmService *self);
const DmSource *dm_service_get_source    (DmService *self,
                                          guint      index);
DmOwner        dm_service_get_owner      (DmService *self,
                                          DmLayer   *layer);
const char    *dm_service_get_reason     (DmService *self,
                                          DmLayer   *layer);
const char    *dm_service_get_untranslated_reason (DmService *self,
                                                   DmLayer   *layer);
DmControlKind  dm_service_get_control    (DmService *self,
                                          DmLayer   *layer);
DmOwner        dm_service_get_band_owner (DmService *self,
                                          DmBand    *band);

G_END_DECLS
