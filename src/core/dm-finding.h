/* dm-finding.h: one check result, compact, with where it came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef enum
{
  DM_FINDING_FAILED,
  DM_FINDING_PASSED,
  DM_FINDING_INFORMATIONAL,  /* manual checks, warnings, not applicable: never a gap */
  DM_FINDING_SUPPRESSED,     /* suppressed, resolved, archived or muted in the tool */
} DmFindingStatus;

#define DM_N_FINDING_STATUSES 4

/* The text one reader's findings share (dm_finding_strings_new ()). */
typedef struct _DmFindingStrings DmFindingStrings;

/* Everything a finding holds, as borrowed strings; see dm_finding_new(). */
typedef struct
{
  const char         *id;
  const char         *check;          /* catalogue check id, or NULL */
  DmFindingStatus     status;
  DmSeverity          severity;
  const char         *service;        /* NULL when not mapped */
  const char         *layer;          /* NULL when not mapped */
  const char         *resource;
  const char * const *resources;      /* all, when a finding names several; the first is resource */
  const char         *resource_type;
  const char         *region;
  const char         *account;
  const char * const *controls;
  const char         *source;         /* the file */
  guint64             source_item;    /* the item's index in it */
  gint64              observed;       /* when the tool saw it (Unix seconds), 0 if it does not say */
  const char         *tool;
  const char         *title;
  const char         *evidence;
  const char         *remediation;
  /* Resources the export counts as failing without naming them (an AWS
   * Config rule summary's non-compliant count), 0 if it names them or
   * gives no count; capped when the export cut the count, which is then
   * the least there are. */
  guint               unnamed_resources;
  gboolean            unnamed_capped;
  DmFindingStrings   *strings;        /* dm_finding_strings_new (), or NULL for the shared table */
} DmFindingData;

/* Where a finding was reported: the tool, its file and item, and the
 * tool's own title. A finding reported by several tools lists each. */
typedef struct
{
  const char *tool;
  const char *source;
  guint64     source_item;
  const char *title;
} DmFindingOrigin;

#define DM_TYPE_FINDING (dm_finding_get_type ())
G_DECLARE_FINAL_TYPE (DmFinding, dm_finding, DM, FINDING, GObject)

DmFindingStrings   *dm_finding_strings_new       (void);
void                dm_finding_strings_free      (DmFindingStrings    *strings);
DmFinding          *dm_finding_new               (const DmFindingData *data);
const char         *dm_finding_get_id            (DmFinding           *self);
const char         *dm_finding_get_check         (DmFinding           *self);
DmFindingStatus     dm_finding_get_status        (DmFinding           *self);
DmSeverity          dm_finding_get_severity      (DmFinding           *self);
const char         *dm_finding_get_service       (DmFinding           *self);
const char         *dm_finding_get_layer         (DmFinding           *self);
const char         *dm_finding_get_resource      (DmFinding           *self);
const char * const *dm_finding_get_resources     (DmFinding           *self);
const char         *dm_finding_get_resource_type (DmFinding           *self);
const char         *dm_finding_get_region        (DmFinding           *self);
const char         *dm_finding_get_account       (DmFinding           *self);
const char * const *dm_finding_get_controls      (DmFinding           *self);
const char         *dm_finding_get_source        (DmFinding           *self);
guint64             dm_finding_get_source_item   (DmFinding           *self);
gint64              dm_finding_get_observed      (DmFinding           *self);
const char         *dm_finding_get_tool          (DmFinding           *self);
const char         *dm_finding_get_title         (DmFinding           *self);
const char         *dm_finding_get_evidence      (DmFinding           *self);
const char         *dm_finding_get_remediation   (DmFinding           *self);
guint               dm_finding_get_unnamed_resources (DmFinding       *self,
                                                      gboolean        *capped);

guint               dm_finding_get_key_hash      (DmFinding           *self,
                                                  guint              (*compute) (DmFinding *finding));
guint               dm_finding_get_n_origins     (DmFinding           *self);
DmFindingOrigin     dm_finding_get_origin        (DmFinding           *self,
                                                  guint                index);
void                dm_finding_add_origin        (DmFinding           *self,
                                                  const DmFindingData *data);

const char         *dm_finding_status_to_string (DmFindingStatus status);
const char         *dm_finding_status_to_label  (DmFindingStatus status);
GListModel         *dm_finding_list_copy         (GListModel          *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmFindingStrings, dm_finding_strings_free)

G_END_DECLS
