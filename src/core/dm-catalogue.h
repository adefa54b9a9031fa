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
#define DM_CATALOGUE_MAPPING_RESOURCE "/io/github/demarc/Demarc/checks/mapping.tsv"

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
  GStrv       compliance; /* what a finding of it lists: controls, then "CIS 3.0 ID" */
} DmCheck;

/* Where one id of another tool goes (a row of mapping.tsv). */
typedef struct
{
  const char *service;
  const char *layer;
  DmSeverity  severity;   /* DM_SEVERITY_UNKNOWN when the row gives none */
} DmMapping;

/* The parts of a GuardDuty finding type,
 * ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact */
typedef struct
{
  char *purpose;
  char *resource;
  char *family;     /* nullable */
  char *detail;     /* nullable */
  char *artifact;   /* nullable */
} DmGuardDutyType;

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

gboolean         dm_catalogue_load_mapping     (DmCatalogue  *self,
                                                GBytes       *bytes,
                                                const char   *source_name,
                                                GError      **error);
guint            dm_catalogue_get_n_mappings   (DmCatalogue  *self);
const DmMapping *dm_catalogue_lookup           (DmCatalogue  *self,
                                                const char   *source,
                                                const char   *id);
const DmMapping *dm_catalogue_lookup_config_rule (DmCatalogue *self,
                                                  const char  *rule_name);
const DmMapping *dm_catalogue_lookup_guardduty (DmCatalogue  *self,
                                                const char   *type,
                                                const char   *resource_type);
const DmMapping *dm_catalogue_lookup_inspector (DmCatalogue  *self,
                                                const char   *resource_type,
                                                const char   *package_manager);
const DmMapping *dm_catalogue_lookup_scoutsuite_rule (DmCatalogue *self,
                                                      const char  *key);
const DmMapping *dm_catalogue_map_id           (DmCatalogue  *self,
                                                const char   *source,
                                                const char   *id,
                                                const char   *resource_type);

char            *dm_config_rule_identifier     (const char   *rule_name,
                                                gboolean      strip_suffix);
gboolean         dm_guardduty_type_parse       (const char      *text,
                                                DmGuardDutyType *type);
void             dm_guardduty_type_clear       (DmGuardDutyType *type);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmGuardDutyType, dm_guardduty_type_clear)

G_END_DECLS
