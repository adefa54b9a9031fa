/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * Reads the input as its users do: with the delimiter detected and a
 * header (Prowler CSV), with ',' given (the credential report), and with
 * small limits that short inputs reach. Checks that every cell is valid
 * UTF-8 within the limits, that an error names a line, and that reading
 * always ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "dm-csv.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static void
read_once (const uint8_t *data,
           size_t         size,
           char           delimiter,
           gboolean       header,
           gsize          max_cell,
           gsize          max_row,
           guint          max_cells)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data ((const char *)data, size, delimiter);
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;
  int column = -1;

  dm_csv_reader_set_limits (reader, max_cell, max_row, max_cells);
  if (header)
    {
      if (!dm_csv_reader_read_header (reader, &error))
        {
          g_assert (error != NULL && error->domain == DM_CSV_READER_ERROR);
          return;
        }
      g_assert (dm_csv_reader_get_header (reader) != NULL);
      column = dm_csv_reader_get_column (reader, "STATUS");
      g_assert (column >= -1 && (column == -1 || (guint)column < dm_csv_reader_get_header (reader)->len));
    }

  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (!dm_csv_reader_next_row (reader, &cells, &error))
        break;
      g_assert (cells->len >= 1 && cells->len <= max_cells);
      g_assert (g_ptr_array_index (cells, cells->len) == NULL);
      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);

          g_assert (g_utf8_validate (cell, -1, NULL));
          /* A replaced byte takes three. */
          g_assert (strlen (cell) <= max_cell * 3);
        }
      (void)dm_csv_reader_get_cell (cells, column);
      /* Every row consumes at least one byte. */
      g_assert (++rows <= size);
      g_assert (dm_csv_reader_get_offset (reader) < size);
      g_assert (dm_csv_reader_get_line (reader) >= 1);
    }

  if (error != NULL)
    g_assert (error->domain == DM_CSV_READER_ERROR && g_str_has_prefix (error->message, "line "));
  g_assert (dm_csv_reader_get_delimiter (reader) != 0);
  g_assert (dm_csv_reader_get_n_rows (reader) == rows);
  g_assert (dm_csv_reader_get_n_ragged (reader) <= rows + 1);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical (g_return_if_fail) or warning is a bug: make it a crash
   * libFuzzer reports, also when a reproducer runs without G_DEBUG. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  read_once (data, size, 0, TRUE, DM_CSV_READER_DEFAULT_MAX_CELL, DM_CSV_READER_DEFAULT_MAX_ROW,
             DM_CSV_READER_DEFAULT_MAX_CELLS);
  read_once (data, size, ',', FALSE, DM_CSV_READER_DEFAULT_MAX_CELL, DM_CSV_READER_DEFAULT_MAX_ROW,
             DM_CSV_READER_DEFAULT_MAX_CELLS);
  read_once (data, size, ';', TRUE, 16, 64, 8);
  return 0;
}
