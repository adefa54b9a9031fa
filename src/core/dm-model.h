/* dm-model.h: a shared-responsibility model loaded from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-band.h"
#include "dm-layer.h"
#include "dm-service.h"

G_BEGIN_DECLS

#define DM_MODEL_ERROR (dm_model_error_quark ())

typedef enum
{
  DM_MODEL_ERROR_IO,
  DM_MODEL_ERROR_EMPTY,
  DM_MODEL_ERROR_TOO_LARGE,
  DM_MODEL_ERROR_ENCODING,
  DM_MODEL_ERROR_TOO_DEEP,
  DM_MODEL_ERROR_SYNTAX,
  DM_MODEL_ERROR_FORMAT,
  DM_MODEL_ERROR_TYPE,
  DM_MODEL_ERROR_MISSING,
  DM_MODEL_ERROR_INVALID_VALUE,
  DM_MODEL_ERROR_DUPLICATE_ID,
  DM_MODEL_ERROR_UNKNOWN_REFERENCE,
  DM_MODEL_ERROR_INCOMPLETE,
  DM_MODEL_ERROR_CYCLE,
} DmModelError;

/* Limits for a model file: models are small, so anything beyond these is
 * a wrong or hostile file rather than a big model. */
#define DM_MODEL_MAX_SIZE  (16 * 1024 * 1024)
#define DM_MODEL_MAX_DEPTH 32

#define DM_MODEL_DEFAULT_RESOURCE "/io/github/demarc/Demarc/model/aws.json"

/* Categories and security services are both named entries of a model. */
typedef struct
{
  char *id;
  char *name;
  char *description;
} DmNamedEntry;

typedef DmNamedEntry DmCategory;
typedef DmNamedEntry DmServiceGroup;
typedef DmNamedEntry DmSecurityService;

typedef struct
{
  DmControlKind  kind;
  char          *name;
  char          *description;
  GStrv          examples;
} DmControlKindInfo;

/* An account-wide responsibility of the model ("patch guest operating
 * systems", "physical security"): who owns it, and what bears on it in an
 * export, as layer ids and check ids (an id ending in "*" is a prefix).
 * Those of the provider are never assessed. */
typedef struct
{
  char    *id;
  char    *title;
  char    *description;
  DmOwner  owner;     /* never DM_OWNER_NOT_APPLICABLE */
  GStrv    layers;    /* layer ids, maybe empty */
  GStrv    checks;    /* check ids or prefixes, maybe empty */
} DmResponsibility;

#define DM_TYPE_MODEL (dm_model_get_type ())
G_DECLARE_FINAL_TYPE (DmModel, dm_model, DM, MODEL, GObject)

GQuark                   dm_model_error_quark                 (void);

DmModel                 *dm_model_new_from_bytes              (GBytes       *bytes,
                                                               const char   *source_name,
                                                               GError      **error);
DmModel                 *dm_model_new_from_file               (GFile        *file,
                                                               GCancellable *cancellable,
                                                               GError      **error);
DmModel                 *dm_model_new_default                 (GError      **error);

const char              *dm_model_get_id                      (DmModel      *self);
const char              *dm_model_get_name                    (DmModel      *self);
const char              *dm_model_get_provider                (DmModel      *self);
const char              *dm_model_get_description             (DmModel      *self);
const char              *dm_model_get_source                  (DmModel      *self);

guint                    dm_model_get_n_bands                 (DmModel      *self);
DmBand                  *dm_model_get_band                    (DmModel      *self,
                                                               guint         index);
DmBand                  *dm_model_find_band                   (DmModel      *self,
                                                               const char   *id);

guint                    dm_model_get_n_layers                (DmModel      *self);
DmLayer                 *dm_model_get_layer                   (DmModel      *self,
                                                               guint         index);
DmLayer                 *dm_model_find_layer                  (DmModel      *self,
                                                               const char   *id);

GListModel              *dm_model_get_services                (DmModel      *self);
guint                    dm_model_get_n_services              (DmModel      *self);
DmService               *dm_model_get_service                 (DmModel      *self,
                                                               guint         index);
DmService               *dm_model_find_service                (DmModel      *self,
                                                               const char   *id);

guint                    dm_model_get_n_categories            (DmModel      *self);
const DmCategory        *dm_model_get_category                (DmModel      *self,
                                                               guint         index);
const DmCategory        *dm_model_find_category               (DmModel      *self,
                                                               const char   *id);

guint                    dm_model_get_n_groups                (DmModel      *self);
const DmServiceGroup    *dm_model_get_group                   (DmModel      *self,
                                                               guint         index);
const DmServiceGroup    *dm_model_find_group                  (DmModel      *self,
                                                               const char   *id);

guint                    dm_model_get_n_security_services     (DmModel      *self);
const DmSecurityService *dm_model_find_security_service       (DmModel      *self,
                                                               const char   *id);

const DmControlKindInfo *dm_model_get_control_kind_info       (DmModel      *self,
                                                               DmControlKind kind);

guint                    dm_model_get_n_responsibilities      (DmModel      *self);
const DmResponsibility  *dm_model_get_responsibility          (DmModel      *self,
                                                               guint         index);
const DmResponsibility  *dm_model_find_responsibility         (DmModel      *self,
                                                               const char   *id);

const char              *dm_model_get_owner_label             (DmModel      *self,
                                                               DmOwner       owner);
double                   dm_model_get_boundary                (DmModel      *self,
                                                               DmService    *service);
double                   dm_model_get_customer_share          (DmModel      *self,
                                                               DmService    *service);
GPtrArray               *dm_model_dup_services_by_responsibility (DmModel   *self);

G_END_DECLS
