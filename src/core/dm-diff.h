/* dm-diff.h: what changed between two exports of the same account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-assessment.h"
#include "dm-finding-group.h"

G_BEGIN_DECLS

typedef enum
{
  DM_CHANGE_OPENED,     /* failed now, not before */
  DM_CHANGE_CLOSED,     /* failed before, not now */
  DM_CHANGE_UNCHANGED,  /* failed in both */
} DmChange;

typedef struct
{
  guint opened;
  guint closed;
  guint unchanged;
} DmChangeCounts;

#define DM_TYPE_DIFF (dm_diff_get_type ())
G_DECLARE_FINAL_TYPE (DmDiff, dm_diff, DM, DIFF, GObject)

DmDiff       *dm_diff_new                (DmModel         *model,
                                          DmCatalogue     *catalogue,
                                          GListModel      *old_findings,
                                          GListModel      *new_findings);
DmDiff       *dm_diff_new_redacted       (DmModel         *model,
                                          DmCatalogue     *catalogue,
                                          GListModel      *old_findings,
                                          GListModel      *new_findings,
                                          gboolean         redact);
DmAssessment *dm_diff_get_old            (DmDiff          *self);
DmAssessment *dm_diff_get_new            (DmDiff          *self);
void          dm_diff_get_totals         (DmDiff          *self,
                                          DmChangeCounts  *counts);
void          dm_diff_get_layer_counts   (DmDiff          *self,
                                          DmService       *service,
                                          DmLayer         *layer,
                                          DmChangeCounts  *counts);
gboolean      dm_diff_has_service        (DmDiff          *self,
                                          DmService       *service);
guint         dm_diff_get_n_changes      (DmDiff          *self);
DmFinding    *dm_diff_get_change         (DmDiff          *self,
                                          guint            index,
                                          DmChange        *change);
gboolean      dm_diff_lookup             (DmDiff          *self,
                                          DmFinding       *finding,
                                          DmChange        *change);
void          dm_diff_set_labels         (DmDiff          *self,
                                          const char      *old_label,
                                          const char      *new_label);
const char   *dm_diff_get_old_label      (DmDiff          *self);
const char   *dm_diff_get_new_label      (DmDiff          *self);
GPtrArray    *dm_diff_get_groups         (DmDiff          *self,
                                          DmChange         change);
const char   *dm_change_to_string        (DmChange         change);

G_END_DECLS
