/* dm-import-summary.h: how the items of one input were used, in numbers
 * that add up, worded the same in the CLI, the window, slides and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dm-importer.h"

G_BEGIN_DECLS

/* Where each item of an input ended; the order is the order shown. */
typedef enum
{
  DM_IMPORT_PART_FAILED,
  DM_IMPORT_PART_PASSED,
  DM_IMPORT_PART_INFORMATIONAL,
  DM_IMPORT_PART_SUPPRESSED,
  DM_IMPORT_PART_DUPLICATES,
  DM_IMPORT_PART_NOT_AWS,
  DM_IMPORT_PART_NOT_READ,
  DM_IMPORT_N_PARTS
} DmImportPart;

typedef struct
{
  guint64 items;
  guint64 evaluated;  /* items that gave at least one result */
  guint64 parts[DM_IMPORT_N_PARTS];
} DmImportCounts;

void        dm_import_counts_init         (DmImportCounts       *counts,
                                           const DmImportInput  *input);
void        dm_import_counts_add          (DmImportCounts       *sum,
                                           const DmImportCounts *counts);
guint64     dm_import_counts_total        (const DmImportCounts *counts);
guint64     dm_import_counts_results      (const DmImportCounts *counts);
gboolean    dm_import_counts_one_per_item (const DmImportCounts *counts);
gboolean    dm_import_counts_read_nothing (const DmImportCounts *counts);
char       *dm_import_counts_describe     (const DmImportCounts *counts);
const char *dm_import_part_to_string      (DmImportPart          part);
char       *dm_import_part_format         (DmImportPart          part,
                                           guint64               n);

char       *dm_import_describe_files      (GFile * const        *files,
                                           guint                 n_files);

G_END_DECLS
