/* dm-importer.h: reads exports into findings, with provenance and skips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-catalogue.h"
#include "dm-finding.h"

G_BEGIN_DECLS

#define DM_IMPORT_ERROR (dm_import_error_quark ())

typedef enum
{
  DM_IMPORT_ERROR_UNKNOWN_FORMAT,
  DM_IMPORT_ERROR_NOTHING_READ,   /* a folder in which no file could be read */
} DmImportError;

typedef struct
{
  char    *reason;
  guint64  count;
} DmSkipReason;

/* What Demarc made of one input file. A file a folder walk met but did
 * not read is an input too: format "not-read" (not an export by its name,
 * hidden, not a regular file) or "unreadable" (the reader's error), one
 * item, skipped with the reason. */
typedef struct
{
  char      *path;
  char      *format;
  guint64    items;
  guint64    evaluated;  /* items that gave at least one finding */
  guint64    skipped;    /* items that gave none, with reasons */
  guint64    duplicates; /* findings already read, from this or another input */
  guint64    not_aws;    /* findings for another cloud (Prowler on Azure, GCP…) */
  guint64    by_status[DM_N_FINDING_STATUSES];  /* findings kept, by status */
  GPtrArray *reasons;   /* DmSkipReason */
  char      *tool_version;  /* the version the export names for its tool, or NULL */
  gint64     first_time;    /* the earliest and latest time its items carry, */
  gint64     last_time;     /* in Unix seconds; 0 when they carry none */
  gboolean   damaged;       /* could not be read, wholly or from some byte on, or an
                             * archive Demarc does not open: what it holds is missing */
} DmImportInput;

/* Where a running import is, reported from the thread that imports. */
typedef struct
{
  const char *path;         /* the file being read */
  guint64     bytes_read;   /* of that file */
  guint64     bytes_total;  /* its size; 0 when unknown */
  guint64     items;        /* items read so far, all files */
  guint       files_done;
} DmImportProgress;

typedef void (*DmImportProgressFunc) (const DmImportProgress *progress,
                                      gpointer                user_data);

#define DM_TYPE_IMPORTER (dm_importer_get_type ())
G_DECLARE_FINAL_TYPE (DmImporter, dm_importer, DM, IMPORTER, GObject)

GQuark               dm_import_error_quark    (void);
DmImporter          *dm_importer_new          (DmCatalogue   *catalogue);
gboolean             dm_importer_add_file     (DmImporter    *self,
                                               GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);
void                 dm_importer_set_workers  (DmImporter    *self,
                                               guint          workers);
void                 dm_importer_set_whole_items (DmImporter        *self,
                                                  gboolean           whole_items);
void                 dm_importer_set_progress (DmImporter           *self,
                                               DmImportProgressFunc  func,
                                               gpointer              user_data);
GListModel          *dm_importer_get_findings (DmImporter    *self);
guint                dm_importer_get_n_inputs (DmImporter    *self);
const DmImportInput *dm_importer_get_input    (DmImporter    *self,
                                               guint          index);

G_END_DECLS
