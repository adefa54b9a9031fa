/* dm-csv.h: a streaming RFC 4180 CSV reader, for the credential report and
 * Prowler CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DM_CSV_READER_ERROR (dm_csv_reader_error_quark ())

typedef enum
{
  DM_CSV_READER_ERROR_IO,
  DM_CSV_READER_ERROR_UNTERMINATED,   /* a quoted cell still open at the end */
  DM_CSV_READER_ERROR_TOO_LARGE,      /* a cell, row or cell count over its limit */
  DM_CSV_READER_ERROR_NO_HEADER,      /* nothing to read a header from */
} DmCsvReaderError;

/* Defaults; dm_csv_reader_set_limits() changes them. */
#define DM_CSV_READER_DEFAULT_MAX_CELL  (1024 * 1024)
#define DM_CSV_READER_DEFAULT_MAX_ROW   (8 * 1024 * 1024)
#define DM_CSV_READER_DEFAULT_MAX_CELLS 4096

#define DM_TYPE_CSV_READER (dm_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (DmCsvReader, dm_csv_reader, DM, CSV_READER, GObject)

GQuark       dm_csv_reader_error_quark        (void);

DmCsvReader *dm_csv_reader_new                (GInputStream  *stream,
                                               char           delimiter);
DmCsvReader *dm_csv_reader_new_for_data       (const char    *data,
                                               gssize         length,
                                               char           delimiter);
void         dm_csv_reader_set_limits         (DmCsvReader   *self,
                                               gsize          max_cell,
                                               gsize          max_row,
                                               guint          max_cells);
void         dm_csv_reader_set_cancellable    (DmCsvReader   *self,
                                               GCancellable  *cancellable);
gboolean     dm_csv_reader_next_row           (DmCsvReader   *self,
                                               GPtrArray    **cells,
                                               GError       **error);
gboolean     dm_csv_reader_read_header        (DmCsvReader   *self,
                                               GError       **error);
GPtrArray   *dm_csv_reader_get_header         (DmCsvReader   *self);
int          dm_csv_reader_get_column         (DmCsvReader   *self,
                                               const char    *name);
const char  *dm_csv_reader_get_cell           (GPtrArray     *cells,
                                               int            column);
char         dm_csv_reader_get_delimiter      (DmCsvReader   *self);
guint64      dm_csv_reader_get_line           (DmCsvReader   *self);
guint64      dm_csv_reader_get_offset         (DmCsvReader   *self);
guint64      dm_csv_reader_get_n_rows         (DmCsvReader   *self);
guint64      dm_csv_reader_get_n_ragged       (DmCsvReader   *self);
guint64      dm_csv_reader_get_first_ragged_line (DmCsvReader *self);
guint64      dm_csv_reader_get_n_invalid_utf8 (DmCsvReader   *self);
gboolean     dm_csv_reader_get_had_bom        (DmCsvReader   *self);

G_END_DECLS
