/* dm-redactor.h: stable pseudonyms for identifiers in findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-finding.h"

G_BEGIN_DECLS

#define DM_TYPE_REDACTOR (dm_redactor_get_type ())
G_DECLARE_FINAL_TYPE (DmRedactor, dm_redactor, DM, REDACTOR, GObject)

DmRedactor *dm_redactor_new              (void);
char       *dm_redactor_text             (DmRedactor  *self,
                                          const char  *text);
char       *dm_redactor_resource         (DmRedactor  *self,
                                          const char  *resource,
                                          const char  *resource_type);
DmFinding  *dm_redactor_finding          (DmRedactor  *self,
                                          DmFinding   *finding);
GListModel *dm_redactor_findings         (DmRedactor  *self,
                                          GListModel  *findings);
guint       dm_redactor_get_n_pseudonyms (DmRedactor  *self);

G_END_DECLS
