/* dm-catalogue.h: Demarc's checks and how other tools' ids map onto them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-types.h"

G_BEGIN_DECLS

#define DM_CATALOGUE_ERROR (dm_catalogue_error_quark ())

typedef enum
{
  DM_CATALOGUE_ERROR_INVALID,
} DmCatalogueError;

#define DM_CATALOGUE_DEFAULT_RESOURCE "/io/github/demarc/Demarc/checks/catalogue.json"

typedef struct
{
  char       *id;
  char       *service;
  char       *layer;
  char       *title;
  char       *remediation;
  DmSeverity  severity;
  GStrv       controls;   /* Security Hub control ids, most specific first */
  GStrv       cis;        /* CIS AWS Foundations v3.0.0 ids */
  GStrv       prowler;    /* Prowler check ids */
} DmCheck;

#define DM_TYPE_CATALOGUE (dm_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (DmCatalogue, dm_catalogue, DM, CATALOGUE, GObject)

GQuark         dm_catalogue_error_quark        (void);
DmCatalogue   *dm_catalogue_new_from_bytes     (GBytes       *bytes,
                                                const char   *source_name,
                                                GError      **error);
DmCatalogue   *dm_catalogue_new_default        (GError      **error);
guint          dm_catalogue_get_n_checks       (DmCatalogue  *self);
const DmCheck *dm_catalogue_get_check          (DmCatalogue  *self,
                                                guint         index);
const DmCheck *dm_catalogue_find_check         (DmCatalogue  *self,
                                                const char   *id);
const DmCheck *dm_catalogue_find_by_control    (DmCatalogue  *self,
                                                const char   *control_id);
const DmCheck *dm_catalogue_find_by_prowler    (DmCatalogue  *self,
                                                const char   *prowler_id);
gboolean       dm_catalogue_map_resource_type  (DmCatalogue  *self,
                                                const char   *type,
                                                const char  **service,
                                                const char  **layer);
const char    *dm_catalogue_resolve_service    (DmCatalogue  *self,
                                                const char   *name);
const char    *dm_catalogue_get_service_layer  (DmCatalogue  *self,
                                                const char   *service);
const char    *dm_catalogue_get_service_name   (DmCatalogue  *self,
                                                const char   *service);

G_END_DECLS
