/* dm-csv.c
 *
 * RFC 4180 CSV, read as a stream, one row at a time: quoted cells hold
 * delimiters, doubled quotes and line ends; rows end with CR LF, LF or CR;
 * a UTF-8 byte order mark is skipped; the last row needs no line end. The
 * delimiter is given or taken from the header line (the most frequent of
 * ',', ';' and tab outside quotes; ',' when none occurs).
 *
 * Lenient where real exports are not strict, as Python's csv module is: a
 * quote inside an unquoted cell is a character (Prowler v2 writes
 * `The "root" account`), and text after a closing quote is kept. Lines
 * without a single character are skipped. Rows with another number of
 * cells than the first row are returned as they are and counted (ragged).
 *
 * Cells are always valid UTF-8 without NUL: invalid sequences and NUL
 * bytes become U+FFFD and the cells that needed it are counted. A cell, a
 * row and the number of cells in a row have limits, so a hostile file
 * fails with a clear error instead of taking memory without end; a quote
 * left open fails too, naming the line where its cell began.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-csv"

#include "config.h"

#include <string.h>

#include "dm-csv.h"

#define CHUNK_SIZE (64 * 1024)

typedef enum
{
  CELL_START,     /* nothing of the cell read yet */
  CELL_UNQUOTED,
  CELL_QUOTED,
  CELL_QUOTE,     /* a quote inside a quoted cell: closing, or the first of two */
} CellState;

struct _DmCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  GCancellable *cancellable;
  char          delimiter;    /* 0 until detected */
  gsize         max_cell;
  gsize         max_row;
  guint         max_cells;

  GByteArray   *buf;
  gsize         pos;          /* next byte in buf */
  guint64       base;         /* stream offset of buf->data[0] */
  gboolean      eof;
  gboolean      started;
  GError       *error;        /* sticky: once failed, every call fails */
  guint8        previous;     /* last byte read, to count CR LF as one line */
  guint64       line;         /* physical line of the next byte, 1-based */

  GString      *cell;
  guint64       row_line;
  guint64       row_offset;
  GPtrArray    *header;
  guint         expected;     /* cells in the first row, 0 before it */
  guint64       n_rows;
  guint64       n_ragged;
  guint64       first_ragged_line;
  guint64       n_invalid_utf8;
  gboolean      had_bom;
};

G_DEFINE_FINAL_TYPE (DmCsvReader, dm_csv_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-csv-reader-error-quark, dm_csv_reader_error)

static void
dm_csv_reader_finalize (GObject *object)
{
  DmCsvReader *self = DM_CSV_READER (object);

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->buf, g_byte_array_unref);
  g_clear_error (&self->error);
  g_string_free (self->cell, TRUE);
  g_clear_pointer (&self->header, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_csv_reader_parent_class)->finalize (object);
}

static void
dm_csv_reader_class_init (DmCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_csv_reader_finalize;
}

static void
dm_csv_reader_init (DmCsvReader *self)
{
  self->max_cell = DM_CSV_READER_DEFAULT_MAX_CELL;
  self->max_row = DM_CSV_READER_DEFAULT_MAX_ROW;
  self->max_cells = DM_CSV_READER_DEFAULT_MAX_CELLS;
  self->buf = g_byte_array_sized_new (CHUNK_SIZE);
  self->cell = g_string_new (NULL);
  self->line = 1;
}

/**
 * dm_csv_reader_new:
 * @stream: the CSV text
 * @delimiter: ',', ';', '\t' or another byte; 0 to take it from the header line
 */
DmCsvReader *
dm_csv_reader_new (GInputStream *stream,
                   char          delimiter)
{
  DmCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n', NULL);

  self = g_object_new (DM_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->delimiter = delimiter;
  return self;
}

/* Copies @data; @length -1 for a NUL-terminated string. */
DmCsvReader *
dm_csv_reader_new_for_data (const char *data,
                            gssize      length,
                            char        delimiter)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize)length);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  return dm_csv_reader_new (stream, delimiter);
}

void
dm_csv_reader_set_limits (DmCsvReader *self,
                          gsize        max_cell,
                          gsize        max_row,
                          guint        max_cells)
{
  g_return_if_fail (DM_IS_CSV_READER (self));
  g_return_if_fail (max_cell > 0 && max_row > 0 && max_cells > 0);

  self->max_cell = max_cell;
  self->max_row = max_row;
  self->max_cells = max_cells;
}

void
dm_csv_reader_set_cancellable (DmCsvReader  *self,
                               GCancellable *cancellable)
{
  g_return_if_fail (DM_IS_CSV_READER (self));

  g_set_object (&self->cancellable, cancellable);
}

static void
fail (DmCsvReader *self,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (DmCsvReader *self,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  if (self->error)
    return;
  va_start (args, format);
  self->error = g_error_new_valist (DM_CSV_READER_ERROR, code, format, args);
  va_end (args);
}

/* Drops the bytes already used and appends the next chunk. FALSE at the
 * end of the stream or on an error (then self->error is set). */
static gboolean
read_more (DmCsvReader *self)
{
  g_autoptr(GError) local_error = NULL;
  gsize old_length;
  gssize n;

  if (self->eof || self->error)
    return FALSE;
  if (self->pos > 0)
    {
      g_byte_array_remove_range (self->buf, 0, self->pos);
      self->base += self->pos;
      self->pos = 0;
    }
  old_length = self->buf->len;
  g_byte_array_set_size (self->buf, old_length + CHUNK_SIZE);
  n = g_input_stream_read (self->stream, self->buf->data + old_length, CHUNK_SIZE, self->cancellable, &local_error);
  g_byte_array_set_size (self->buf, old_length + MAX (n, 0));
  if (n < 0)
    {
      fail (self, DM_CSV_READER_ERROR_IO, "line %" G_GUINT64_FORMAT ": %s", self->line, local_error->message);
      return FALSE;
    }
  if (n == 0)
    {
      self->eof = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The next byte, or -1 at the end (or on an error). */
static inline int
next_byte (DmCsvReader *self)
{
  guint8 c;

  if (self->pos == self->buf->len && !read_more (self))
    return -1;
  c = self->buf->data[self->pos++];
  if (c == '\r' || (c == '\n' && self->previous != '\r'))
    self->line++;
  self->previous = c;
  return c;
}

/* Counts each candidate outside quotes on the first line; looks at most
 * one row's limit ahead. */
static char
detect_delimiter (DmCsvReader *self)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  gsize scanned = 0;
  char best = ',';
  guint best_count = 0;

  for (;;)
    {
      guint8 c;

      if (self->pos + scanned == self->buf->len)
        {
          if (scanned >= self->max_row || !read_more (self))
            break;
          continue;
        }
      c = self->buf->data[self->pos + scanned++];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (c == (guint8)candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

static void
start (DmCsvReader *self)
{
  self->started = TRUE;
  while (self->buf->len - self->pos < 3 && read_more (self))
    ;
  if (self->buf->len - self->pos >= 3 && memcmp (self->buf->data + self->pos, "\xef\xbb\xbf", 3) == 0)
    {
      self->pos += 3;
      self->had_bom = TRUE;
    }
  if (self->delimiter == 0 && self->error == NULL)
    self->delimiter = detect_delimiter (self);
}

static gboolean
end_cell (DmCsvReader *self,
          GPtrArray   *cells)
{
  if (cells->len >= self->max_cells)
    {
      fail (self, DM_CSV_READER_ERROR_TOO_LARGE, "line %" G_GUINT64_FORMAT ": a row has more than %u cells",
            self->row_line, self->max_cells);
      return FALSE;
    }
  if (g_utf8_validate_len (self->cell->str, self->cell->len, NULL))
    g_ptr_array_add (cells, g_strndup (self->cell->str, self->cell->len));
  else
    {
      self->n_invalid_utf8++;
      g_ptr_array_add (cells, g_utf8_make_valid (self->cell->str, self->cell->len));
    }
  g_string_truncate (self->cell, 0);
  return TRUE;
}

static inline gboolean
append (DmCsvReader *self,
        guint8       c)
{
  if (self->cell->len >= self->max_cell)
    {
      fail (self, DM_CSV_READER_ERROR_TOO_LARGE, "line %" G_GUINT64_FORMAT ": a cell is longer than %" G_GSIZE_FORMAT " bytes",
            self->line, self->max_cell);
      return FALSE;
    }
  g_string_append_c (self->cell, (char)c);
  return TRUE;
}

/* One row, the header included. FALSE at the end and on errors. */
static GPtrArray *
read_row (DmCsvReader *self)
{
  g_autoptr(GPtrArray) cells = NULL;
  CellState state = CELL_START;
  guint64 cell_line = 0;
  gsize row_bytes = 0;

  if (!self->started)
    start (self);
  if (self->error)
    return NULL;

  cells = g_ptr_array_new_null_terminated (16, g_free, TRUE);
  g_string_truncate (self->cell, 0);
  self->row_line = self->line;
  self->row_offset = self->base + self->pos;

  for (;;)
    {
      int c = next_byte (self);

      if (c < 0)
        {
          if (self->error)
            return NULL;
          if (state == CELL_QUOTED)
            {
              fail (self, DM_CSV_READER_ERROR_UNTERMINATED,
                    "line %" G_GUINT64_FORMAT ": a quoted cell is not closed before the end of the file", cell_line);
              return NULL;
            }
          if (state == CELL_START && cells->len == 0)
            return NULL;   /* the end, after the last line end */
          break;
        }

      if (++row_bytes > self->max_row)
        {
          fail (self, DM_CSV_READER_ERROR_TOO_LARGE, "line %" G_GUINT64_FORMAT ": a row is longer than %" G_GSIZE_FORMAT " bytes",
                self->row_line, self->max_row);
          return NULL;
        }

      if (state == CELL_QUOTED)
        {
          if (c == '"')
            state = CELL_QUOTE;
          else if (!append (self, c))
            return NULL;
          continue;
        }

      if (state == CELL_QUOTE && c == '"')
        {
          /* A doubled quote is one quote. */
          if (!append (self, c))
            return NULL;
          state = CELL_QUOTED;
          continue;
        }

      if (c == '\n' || c == '\r')
        {
          if (state == CELL_START && cells->len == 0)
            {
              /* An empty line, or the LF of a CR LF: not a row. */
              self->row_line = self->line;
              self->row_offset = self->base + self->pos;
              row_bytes = 0;
              continue;
            }
          break;
        }

      if (c == (guint8)self->delimiter)
        {
          if (!end_cell (self, cells))
            return NULL;
          state = CELL_START;
          continue;
        }

      if (state == CELL_START && c == '"')
        {
          state = CELL_QUOTED;
          cell_line = self->line;
          continue;
        }

      /* Unquoted text, a quote inside it, or text after a closing quote. */
      if (!append (self, c))
        return NULL;
      state = CELL_UNQUOTED;
    }

  if (!end_cell (self, cells))
    return NULL;

  if (self->expected == 0)
    self->expected = cells->len;
  else if (cells->len != self->expected)
    {
      if (self->n_ragged++ == 0)
        self->first_ragged_line = self->row_line;
    }
  return g_steal_pointer (&cells);
}

/**
 * dm_csv_reader_next_row:
 * @cells: (out) (transfer full): the row's cells, a %NULL-terminated array
 *   of strings (so `(char **)cells->pdata` is a string vector)
 *
 * Returns: %TRUE with a row; %FALSE at the end (@error unset) or on an
 *   error, which every later call repeats
 */
gboolean
dm_csv_reader_next_row (DmCsvReader  *self,
                        GPtrArray   **cells,
                        GError      **error)
{
  GPtrArray *row;

  g_return_val_if_fail (DM_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);

  *cells = NULL;
  row = read_row (self);
  if (row == NULL)
    {
      if (self->error)
        {
          g_propagate_error (error, g_error_copy (self->error));
          return FALSE;
        }
      return FALSE;
    }
  self->n_rows++;
  *cells = row;
  return TRUE;
}

/* Reads the first row as the header, for dm_csv_reader_get_column(). */
gboolean
dm_csv_reader_read_header (DmCsvReader  *self,
                           GError      **error)
{
  GPtrArray *row;

  g_return_val_if_fail (DM_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (self->header == NULL && self->n_rows == 0, FALSE);

  row = read_row (self);
  if (row == NULL)
    {
      if (self->error == NULL)
        fail (self, DM_CSV_READER_ERROR_NO_HEADER, "no header line: the file is empty");
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  self->header = row;
  return TRUE;
}

/* Returns: (transfer none) (nullable): the header's cells */
GPtrArray *
dm_csv_reader_get_header (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), NULL);

  return self->header;
}

/* The index of the header cell @name (surrounding spaces ignored), or -1. */
int
dm_csv_reader_get_column (DmCsvReader *self,
                          const char  *name)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  if (self->header == NULL)
    return -1;
  for (guint i = 0; i < self->header->len; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (g_ptr_array_index (self->header, i)));

      if (g_str_equal (cell, name))
        return (int)i;
    }
  return -1;
}

/* The cell at @column of a row, or NULL when the row is shorter or
 * @column is -1 (a column the header lacks). */
const char *
dm_csv_reader_get_cell (GPtrArray *cells,
                        int        column)
{
  if (cells == NULL || column < 0 || (guint)column >= cells->len)
    return NULL;
  return g_ptr_array_index (cells, column);
}

/* The delimiter given or detected (detection happens at the first row). */
char
dm_csv_reader_get_delimiter (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->delimiter;
}

/* The line (1-based) where the last row read began. */
guint64
dm_csv_reader_get_line (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->row_line;
}

/* The byte offset in the stream where the last row read began. */
guint64
dm_csv_reader_get_offset (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->row_offset;
}

/* Rows returned by dm_csv_reader_next_row() (not the header). */
guint64
dm_csv_reader_get_n_rows (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->n_rows;
}

/* Rows with another number of cells than the first row (the header). */
guint64
dm_csv_reader_get_n_ragged (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->n_ragged;
}

guint64
dm_csv_reader_get_first_ragged_line (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->first_ragged_line;
}

/* Cells in which invalid UTF-8 or NUL bytes were replaced by U+FFFD. */
guint64
dm_csv_reader_get_n_invalid_utf8 (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), 0);

  return self->n_invalid_utf8;
}

gboolean
dm_csv_reader_get_had_bom (DmCsvReader *self)
{
  g_return_val_if_fail (DM_IS_CSV_READER (self), FALSE);

  return self->had_bom;
}
