/* dm-finding-array.h: a list model of findings that only grows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-finding.h"

G_BEGIN_DECLS

#define DM_TYPE_FINDING_ARRAY (dm_finding_array_get_type ())
G_DECLARE_FINAL_TYPE (DmFindingArray, dm_finding_array, DM, FINDING_ARRAY, GObject)

DmFindingArray *dm_finding_array_new    (void);
void            dm_finding_array_append (DmFindingArray *self,
                                         DmFinding      *finding);
void            dm_finding_array_replace (DmFindingArray *self,
                                          guint           position,
                                          DmFinding      *finding);

G_END_DECLS
