/* dm-finding-group.h: the findings of one check, together, worst first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-finding.h"

G_BEGIN_DECLS

#define DM_TYPE_FINDING_GROUP (dm_finding_group_get_type ())
G_DECLARE_FINAL_TYPE (DmFindingGroup, dm_finding_group, DM, FINDING_GROUP, GObject)

GPtrArray          *dm_finding_groups_new               (GPtrArray      *findings);
GPtrArray          *dm_finding_groups_flatten           (GPtrArray      *groups);

const char         *dm_finding_group_get_check          (DmFindingGroup *self);
const char         *dm_finding_group_get_title          (DmFindingGroup *self);
const char         *dm_finding_group_get_title_key      (DmFindingGroup *self);
DmFindingStatus     dm_finding_group_get_status         (DmFindingGroup *self);
DmSeverity          dm_finding_group_get_severity       (DmFindingGroup *self);
const char         *dm_finding_group_get_remediation    (DmFindingGroup *self);
GPtrArray          *dm_finding_group_get_findings       (DmFindingGroup *self);
guint               dm_finding_group_get_n_findings     (DmFindingGroup *self);
const char * const *dm_finding_group_get_regions        (DmFindingGroup *self);
guint               dm_finding_group_get_n_regions      (DmFindingGroup *self);
guint               dm_finding_group_get_n_resources    (DmFindingGroup *self);
char               *dm_finding_group_describe_scope     (DmFindingGroup *self);

G_END_DECLS
