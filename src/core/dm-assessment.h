/* dm-assessment.h: which customer layers of which services have gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-catalogue.h"
#include "dm-finding.h"
#include "dm-model.h"

G_BEGIN_DECLS

typedef enum
{
  DM_LAYER_NO_DATA,         /* nothing in the export speaks to it: never "ok" */
  DM_LAYER_OK,              /* evidence seen, all of it passed */
  DM_LAYER_GAP,             /* at least one failed finding */
  DM_LAYER_PROVIDER,        /* not the customer's */
  DM_LAYER_NOT_APPLICABLE,
} DmLayerStatus;

typedef struct
{
  DmLayerStatus status;
  DmSeverity    worst;
  guint         failed;
  guint         passed;
} DmLayerResult;

/* What the findings can be picked by, for dm_assessment_get_values (). */
typedef enum
{
  DM_ASSESSMENT_VALUE_SERVICE,
  DM_ASSESSMENT_VALUE_LAYER,    /* the layer a finding is shown on */
  DM_ASSESSMENT_VALUE_REGION,
  DM_ASSESSMENT_VALUE_ACCOUNT,
  DM_ASSESSMENT_VALUE_TOOL,     /* each tool that reported a finding */
  DM_ASSESSMENT_N_VALUES
} DmAssessmentValue;

#define DM_TYPE_ASSESSMENT (dm_assessment_get_type ())
G_DECLARE_FINAL_TYPE (DmAssessment, dm_assessment, DM, ASSESSMENT, GObject)

DmAssessment        *dm_assessment_new                (DmModel      *model,
                                                       DmCatalogue  *catalogue,
                                                       GListModel   *findings);
const char          *dm_layer_status_to_string        (DmLayerStatus status);
const char          *dm_layer_status_symbol           (DmLayerStatus status);
GPtrArray           *dm_assessment_query              (DmAssessment *self,
                                                       GListModel   *findings,
                                                       DmService    *service,
                                                       DmLayer      *layer,
                                                       gboolean      failed_only);
gboolean             dm_assessment_has_service        (DmAssessment *self,
                                                       DmService    *service);
const DmLayerResult *dm_assessment_get_result         (DmAssessment *self,
                                                       DmService    *service,
                                                       DmLayer      *layer);
const char          *dm_assessment_get_finding_layer  (DmAssessment *self,
                                                       DmFinding    *finding);
GListModel          *dm_assessment_get_findings       (DmAssessment *self);
guint                dm_assessment_get_n_failed       (DmAssessment *self);
GPtrArray           *dm_assessment_get_failed         (DmAssessment *self);
GPtrArray           *dm_assessment_get_failed_groups  (DmAssessment *self);
GPtrArray           *dm_assessment_get_failed_grouped (DmAssessment *self);
GPtrArray           *dm_assessment_get_values         (DmAssessment      *self,
                                                       DmAssessmentValue  kind);
guint                dm_assessment_get_n_passed       (DmAssessment *self);
guint                dm_assessment_count_status       (DmAssessment    *self,
                                                       DmFindingStatus  status);
guint                dm_assessment_get_n_unmapped     (DmAssessment *self);
guint                dm_assessment_count_gaps         (DmAssessment *self,
                                                       DmSeverity    at_least);
const DmLayerResult *dm_assessment_get_service_results (DmAssessment *self,
                                                       DmService    *service);
guint                dm_assessment_get_service_gaps   (DmAssessment *self,
                                                       DmService    *service);
void                 dm_assessment_get_coverage       (DmAssessment *self,
                                                       guint        *with_evidence,
                                                       guint        *customer_layers);
void                 dm_layer_results_for_band        (const DmLayerResult *results,
                                                       DmBand              *band,
                                                       DmLayerResult       *out);

G_END_DECLS
