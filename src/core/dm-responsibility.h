/* dm-responsibility.h: the model's account-wide responsibilities, assessed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-assessment.h"
#include "dm-model.h"

G_BEGIN_DECLS

/* One responsibility of the model with what an export says about it. */
typedef struct
{
  const DmResponsibility *responsibility;  /* the model's */
  DmLayerStatus           status;          /* gap, ok or no data; provider for the provider's */
  DmSeverity              worst;           /* of the failed findings; unknown without */
  guint                   failed;
  guint                   passed;
  GPtrArray              *findings;        /* (element-type DmFinding): all that bear on it,
                                              export order; empty for the provider's */
} DmResponsibilityStatus;

gboolean   dm_responsibility_bears_on       (const DmResponsibility       *responsibility,
                                             const char                   *check,
                                             const char                   *layer);
GPtrArray *dm_responsibility_statuses       (DmModel                      *model,
                                             DmAssessment                 *assessment,
                                             GListModel                   *findings);
void       dm_responsibility_status_free    (DmResponsibilityStatus       *status);
char      *dm_responsibility_status_label   (DmModel                      *model,
                                             const DmResponsibilityStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmResponsibilityStatus, dm_responsibility_status_free)

G_END_DECLS
