/* test-csv.c: the RFC 4180 CSV reader, and the credential report read with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dm-catalogue.h"
#include "dm-csv.h"
#include "dm-finding.h"
#include "dm-importer.h"
#include "test-util.h"

/* Reads every row of @data; rows as "[a][b]" lines, so a failure shows
 * what was read. Sets @error (and returns what came before) on failure. */
static char *
read_text_full (const char   *data,
                gssize        length,
                char          delimiter,
                DmCsvReader **out_reader,
                GError      **error)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data (data, length, delimiter);
  g_autoptr(GString) text = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (!dm_csv_reader_next_row (reader, &cells, error))
        break;
      g_assert_nonnull (cells);
      /* NULL-terminated, so pdata is a string vector. */
      g_assert_null (g_ptr_array_index (cells, cells->len));
      g_assert_cmpuint (g_strv_length ((char **)cells->pdata), ==, cells->len);
      for (guint i = 0; i < cells->len; i++)
        g_string_append_printf (text, "[%s]", (char *)g_ptr_array_index (cells, i));
      g_string_append_c (text, '\n');
    }
  if (out_reader)
    *out_reader = g_steal_pointer (&reader);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
read_text (const char *data,
           char        delimiter)
{
  g_autoptr(GError) error = NULL;
  char *text = read_text_full (data, -1, delimiter, NULL, &error);

  g_assert_no_error (error);
  return text;
}

#define assert_rows(data, delimiter, expected) \
  G_STMT_START { \
    g_autofree char *_text = read_text ((data), (delimiter)); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END

static void
test_basic (void)
{
  assert_rows ("a,b,c\n1,2,3\n", ',', "[a][b][c]\n[1][2][3]\n");
  /* Spaces belong to the cell. */
  assert_rows (" a , b \n", ',', "[ a ][ b ]\n");
  assert_rows ("a;b,c\n", ';', "[a][b,c]\n");
  assert_rows ("a\tb;c\n", '\t', "[a][b;c]\n");
  assert_rows ("", ',', "");
}

static char
detected (const char *data)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data (data, -1, 0);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;

  dm_csv_reader_next_row (reader, &cells, &error);
  g_assert_no_error (error);
  return dm_csv_reader_get_delimiter (reader);
}

static void
test_detect (void)
{
  g_assert_cmpint (detected ("A;B;C\nx,y;1,2;z\n"), ==, ';');
  g_assert_cmpint (detected ("A,B,C\nx;y,1;2,z\n"), ==, ',');
  g_assert_cmpint (detected ("A\tB\tC\n"), ==, '\t');
  /* Delimiters inside a quoted header cell do not count. */
  g_assert_cmpint (detected ("\"a;b;c;d\",e,f\n"), ==, ',');
  g_assert_cmpint (detected ("\"a,b,c,d\";e;f\n"), ==, ';');
  /* One column, or nothing: a comma. */
  g_assert_cmpint (detected ("user\nalice\n"), ==, ',');
  g_assert_cmpint (detected (""), ==, ',');
  /* Only the header line decides, not the rows below it. */
  g_assert_cmpint (detected ("A;B\n1,2,3,4,5,6\n"), ==, ';');
  /* After a byte order mark. */
  g_assert_cmpint (detected ("\xef\xbb\xbf" "A;B;C\n"), ==, ';');

  assert_rows ("A;B\n\"1,5\";2\n", 0, "[A][B]\n[1,5][2]\n");
}

static void
test_quotes (void)
{
  assert_rows ("\"a,b\",\"he said \"\"hi\"\"\",c\n", ',', "[a,b][he said \"hi\"][c]\n");
  assert_rows ("\"\",x,\"\"\n", ',', "[][x][]\n");
  assert_rows ("\"\"\"\"\n", ',', "[\"]\n");
  assert_rows ("\"a;b\";c\n", ';', "[a;b][c]\n");
  /* Lenient, like Python's csv: a quote inside an unquoted cell is a
   * character (Prowler v2 writes them), and text after a closing quote is
   * kept. */
  assert_rows ("x,The \"root\" account,y\n", ',', "[x][The \"root\" account][y]\n");
  assert_rows ("\"ab\"cd,e\n", ',', "[abcd][e]\n");
}

static void
test_line_ends (void)
{
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assert_rows ("a,b\r\nc,d\r\n", ',', "[a][b]\n[c][d]\n");
  assert_rows ("a,b\rc,d\r", ',', "[a][b]\n[c][d]\n");
  assert_rows ("a,b\nc,d\r\ne,f\rg,h", ',', "[a][b]\n[c][d]\n[e][f]\n[g][h]\n");
  /* No line end after the last row. */
  assert_rows ("a,b\nc,d", ',', "[a][b]\n[c][d]\n");
  assert_rows ("a,\"b\"", ',', "[a][b]\n");
  /* Line ends inside quoted cells are kept as they are. */
  assert_rows ("\"one\ntwo\",x\n\"three\r\nfour\",y\r\n", ',', "[one\ntwo][x]\n[three\r\nfour][y]\n");

  /* Lines count physical lines: a quoted line end is one, CR LF is one. */
  reader = dm_csv_reader_new_for_data ("h1,h2\r\n\"a\nb\nc\",1\r\nx,2\n", -1, ',');
  g_assert_true (dm_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dm_csv_reader_get_line (reader), ==, 1);
  {
    g_autoptr(GPtrArray) cells = NULL;

    g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
    g_assert_cmpuint (dm_csv_reader_get_line (reader), ==, 2);
    g_assert_cmpuint (dm_csv_reader_get_offset (reader), ==, 7);
  }
  {
    g_autoptr(GPtrArray) cells = NULL;

    g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
    g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "x");
    g_assert_cmpuint (dm_csv_reader_get_line (reader), ==, 5);
    g_assert_cmpuint (dm_csv_reader_get_offset (reader), ==, 18);
  }
  {
    g_autoptr(GPtrArray) cells = NULL;

    g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
    g_assert_no_error (error);
    g_assert_null (cells);
  }
  g_assert_cmpuint (dm_csv_reader_get_n_rows (reader), ==, 2);
  g_clear_object (&reader);

  /* Empty lines are not rows, wherever they are. */
  text = read_text ("\n\r\na,b\n\n\nc,d\n\n", ',');
  g_assert_cmpstr (text, ==, "[a][b]\n[c][d]\n");
}

static void
test_bom (void)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data ("\xef\xbb\xbfuser,arn\nalice,x\n", -1, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cells = NULL;

  g_assert_true (dm_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_true (dm_csv_reader_get_had_bom (reader));
  g_assert_cmpint (dm_csv_reader_get_column (reader, "user"), ==, 0);
  g_assert_cmpstr (g_ptr_array_index (dm_csv_reader_get_header (reader), 0), ==, "user");
  g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_cmpstr (dm_csv_reader_get_cell (cells, 0), ==, "alice");

  /* Only at the very start; elsewhere the bytes are text. */
  assert_rows ("a\n\xef\xbb\xbf" "b\n", ',', "[a]\n[\xef\xbb\xbf" "b]\n");
  assert_rows ("\xef\xbb\xbf", ',', "");
  assert_rows ("\xef\xbb\xbf\"q\"", ',', "[q]\n");
  /* Two bytes of one are not one. */
  assert_rows ("\xef\xbb", ',', "[\xef\xbf\xbd\xef\xbf\xbd]\n");
}

static void
test_empty_cells (void)
{
  assert_rows ("a,,c\n", ',', "[a][][c]\n");
  assert_rows (",\n", ',', "[][]\n");
  assert_rows ("a,b,\n", ',', "[a][b][]\n");
  assert_rows (",,", ',', "[][][]\n");
  assert_rows ("a,b,\r\nc", ',', "[a][b][]\n[c]\n");
}

static void
test_ragged (void)
{
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text_full ("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", -1, ',', &reader, &error);

  g_assert_no_error (error);
  /* Returned as they are, and counted. */
  g_assert_cmpstr (text, ==, "[a][b][c]\n[1][2]\n[1][2][3]\n[1][2][3][4]\n");
  g_assert_cmpuint (dm_csv_reader_get_n_ragged (reader), ==, 2);
  g_assert_cmpuint (dm_csv_reader_get_first_ragged_line (reader), ==, 2);
  g_assert_cmpuint (dm_csv_reader_get_n_rows (reader), ==, 4);
}

static void
test_utf8 (void)
{
  static const char data[] = "caf\xc3\xa9,x\xffy,\"a\xc3\"\nok,n\0ul,z\n";
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text_full (data, sizeof data - 1, ',', &reader, &error);

  g_assert_no_error (error);
  /* Invalid bytes and NUL become U+FFFD; the valid text around is kept. */
  g_assert_cmpstr (text, ==, "[caf\xc3\xa9][x\xef\xbf\xbdy][a\xef\xbf\xbd]\n[ok][n\xef\xbf\xbdul][z]\n");
  g_assert_cmpuint (dm_csv_reader_get_n_invalid_utf8 (reader), ==, 3);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_limits (void)
{
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree char *text = NULL;
  g_autofree char *big = NULL;
  gsize big_length = DM_CSV_READER_DEFAULT_MAX_CELL + 10;

  /* A cell over the limit, quoted or not. */
  reader = dm_csv_reader_new_for_data ("ok,1\nabcdefghijk,2\n", -1, ',');
  dm_csv_reader_set_limits (reader, 10, 1000, 100);
  g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
  g_clear_pointer (&cells, g_ptr_array_unref);
  g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 2: a cell is longer than 10 bytes");
  g_clear_error (&error);
  /* The error is sticky. */
  g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_clear_object (&reader);

  /* A row over its limit, each cell within it. */
  reader = dm_csv_reader_new_for_data ("aaaa,bbbb,cccc,dddd,eeee\n", -1, ',');
  dm_csv_reader_set_limits (reader, 10, 16, 100);
  g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 1: a row is longer than 16 bytes");
  g_clear_error (&error);
  g_clear_object (&reader);

  /* Too many cells: empty ones cost memory too. */
  reader = dm_csv_reader_new_for_data (",,,,,,,,,,\n", -1, ',');
  dm_csv_reader_set_limits (reader, 10, 1000, 5);
  g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 1: a row has more than 5 cells");
  g_clear_error (&error);
  g_clear_object (&reader);

  /* The defaults apply without being set: a quote never closed is read up
   * to the cell limit, not to the end of memory. */
  big = g_malloc (big_length);
  big[0] = '"';
  memset (big + 1, 'x', big_length - 1);
  text = read_text_full (big, big_length, ',', NULL, &error);
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_TOO_LARGE);
  g_assert_cmpstr (text, ==, "");
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);

  /* Exactly at the limit is fine. */
  reader = dm_csv_reader_new_for_data ("abcdefghij\n", -1, ',');
  dm_csv_reader_set_limits (reader, 10, 11, 1);
  g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "abcdefghij");
}

static void
test_unterminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_text_full ("a,b\nc,\"d\ne\nf", -1, ',', NULL, &error);

  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_UNTERMINATED);
  g_assert_cmpstr (error->message, ==, "line 2: a quoted cell is not closed before the end of the file");
  /* The rows before it were read. */
  g_assert_cmpstr (text, ==, "[a][b]\n");
}

static void
test_header (void)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data (" user ,mfa_active,\"a,b\"\nalice,true\n", -1, ',');
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cells = NULL;

  g_assert_null (dm_csv_reader_get_header (reader));
  g_assert_cmpint (dm_csv_reader_get_column (reader, "user"), ==, -1);
  g_assert_true (dm_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dm_csv_reader_get_header (reader)->len, ==, 3);
  /* Spaces around a header name do not matter; case does. */
  g_assert_cmpint (dm_csv_reader_get_column (reader, "user"), ==, 0);
  g_assert_cmpint (dm_csv_reader_get_column (reader, "mfa_active"), ==, 1);
  g_assert_cmpint (dm_csv_reader_get_column (reader, "a,b"), ==, 2);
  g_assert_cmpint (dm_csv_reader_get_column (reader, "USER"), ==, -1);
  g_assert_cmpint (dm_csv_reader_get_column (reader, "arn"), ==, -1);

  g_assert_true (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_cmpuint (dm_csv_reader_get_n_rows (reader), ==, 1);
  g_assert_cmpstr (dm_csv_reader_get_cell (cells, 1), ==, "true");
  /* A short row, or a column the header lacks: NULL, not a crash. */
  g_assert_null (dm_csv_reader_get_cell (cells, 2));
  g_assert_null (dm_csv_reader_get_cell (cells, -1));
  g_assert_cmpuint (dm_csv_reader_get_n_ragged (reader), ==, 1);
  g_clear_object (&reader);

  /* Nothing to read a header from. */
  reader = dm_csv_reader_new_for_data ("\n\r\n", -1, 0);
  g_assert_false (dm_csv_reader_read_header (reader, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_NO_HEADER);
}

static void
test_io_error (void)
{
  g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data ("not gzip at all", -1, NULL);
  g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new (stream, ',');
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;

  /* A stream that fails to read: an error, naming the line. */
  g_assert_false (dm_csv_reader_next_row (reader, &cells, &error));
  g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "line 1: "));
  g_assert_null (cells);
}

/* Cells with every character that needs quoting, written the RFC 4180
 * way, read back; the file is large enough for rows, quotes, CR LF and
 * multi-byte characters to straddle the reader's 64 KiB chunks. */
static void
test_round_trip (void)
{
  static const char *pieces[] = { "a", "bc", ",", ";", "\"", "\n", "\r\n", "\xc3\xa9", "\xe2\x82\xac", " ", "x y", "\t" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) file = g_string_new (NULL);
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  while (file->len < 300 * 1024)
    {
      GStrv row = g_new0 (char *, 6);

      for (guint c = 0; c < 5; c++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);
          guint n = g_rand_int_range (rand, 0, 8);
          gboolean quote;

          for (guint i = 0; i < n; i++)
            g_string_append (cell, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          quote = strpbrk (cell->str, ",\"\r\n") != NULL || g_rand_boolean (rand);
          if (c > 0)
            g_string_append_c (file, ',');
          if (quote)
            {
              g_auto(GStrv) parts = g_strsplit (cell->str, "\"", -1);
              g_autofree char *doubled = g_strjoinv ("\"\"", parts);

              g_string_append_printf (file, "\"%s\"", doubled);
            }
          else
            g_string_append (file, cell->str);
          row[c] = g_string_free (g_steal_pointer (&cell), FALSE);
        }
      g_string_append (file, g_rand_boolean (rand) ? "\r\n" : "\n");
      g_ptr_array_add (expected, row);
    }

  reader = dm_csv_reader_new_for_data (file->str, file->len, 0);
  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;
      GStrv row;

      if (!dm_csv_reader_next_row (reader, &cells, &error))
        break;
      g_assert_cmpuint (n_rows, <, expected->len);
      row = g_ptr_array_index (expected, n_rows);
      g_assert_cmpuint (cells->len, ==, 5);
      for (guint c = 0; c < 5; c++)
        g_assert_cmpstr (g_ptr_array_index (cells, c), ==, row[c]);
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, expected->len);
  g_assert_cmpint (dm_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpuint (dm_csv_reader_get_n_ragged (reader), ==, 0);
  g_assert_cmpuint (dm_csv_reader_get_n_invalid_utf8 (reader), ==, 0);
}

/* Reads all of @data; every row is valid UTF-8 and the reader ends. */
static guint
read_hostile (const char *data,
              gsize       length,
              char        delimiter,
              GError    **error)
{
  g_autoptr(DmCsvReader) reader = dm_csv_reader_new_for_data (data, length, delimiter);
  guint n = 0;

  dm_csv_reader_set_limits (reader, 256, 1024, 64);
  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (!dm_csv_reader_next_row (reader, &cells, error))
        break;
      g_assert_cmpuint (cells->len, >=, 1);
      g_assert_cmpuint (cells->len, <=, 64);
      for (guint i = 0; i < cells->len; i++)
        {
          const char *cell = g_ptr_array_index (cells, i);

          g_assert_true (g_utf8_validate (cell, -1, NULL));
          g_assert_cmpuint (strlen (cell), <=, 256 * 3);   /* a replaced byte takes three */
        }
      /* Each row consumes input, so the loop ends. */
      g_assert_cmpuint (++n, <=, length);
    }
  return n;
}

static void
test_fuzz (void)
{
  static const char valid[] = "\xef\xbb\xbfuser;\"na;me\";x\r\n\"a\"\"b\";\"multi\nline\";\xc3\xa9\nc;;\n;\"\"\n";
  static const char alphabet[] = ",;\"\r\n a\xc3\xa9\xff";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  char buffer[512];

  /* Every truncation: the rows before the cut, or an open quote. */
  for (gsize cut = 0; cut <= sizeof valid - 1; cut++)
    {
      g_autoptr(GError) error = NULL;

      read_hostile (valid, cut, 0, &error);
      if (error)
        g_assert_error (error, DM_CSV_READER_ERROR, DM_CSV_READER_ERROR_UNTERMINATED);
    }

  /* Random bytes, and random picks from the characters that matter. */
  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = g_rand_int_range (rand, 0, sizeof buffer);
      gboolean bytes = round % 2 == 0;

      for (gsize i = 0; i < length; i++)
        buffer[i] = bytes ? (char)g_rand_int_range (rand, 0, 256)
                          : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      read_hostile (buffer, length, round % 3 == 0 ? ',' : 0, &error);
      if (error)
        g_assert_true (error->domain == DM_CSV_READER_ERROR && error->message[0] != '\0');
    }
}

static char *
shared_sample (const char *name)
{
  g_autofree char *path = g_build_filename (SHARED_DIR, "samples", "prowler", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

static void
read_sample (const char *name,
             char        delimiter,
             const char *status_column,
             guint       n_rows,
             const char *first_status)
{
  g_autofree char *path = shared_sample (name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint rows = 0;

  if (path == NULL)
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  reader = dm_csv_reader_new (G_INPUT_STREAM (stream), 0);
  g_assert_true (dm_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dm_csv_reader_get_delimiter (reader), ==, delimiter);
  status = dm_csv_reader_get_column (reader, status_column);
  g_assert_cmpint (status, >=, 0);

  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (!dm_csv_reader_next_row (reader, &cells, &error))
        break;
      g_assert_cmpuint (cells->len, ==, dm_csv_reader_get_header (reader)->len);
      if (rows == 0)
        g_assert_cmpstr (dm_csv_reader_get_cell (cells, status), ==, first_status);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, n_rows);
  g_assert_cmpuint (dm_csv_reader_get_n_ragged (reader), ==, 0);
  g_assert_cmpuint (dm_csv_reader_get_n_invalid_utf8 (reader), ==, 0);
}

static void
test_prowler_v2 (void)
{
  /* Comma-delimited, with bare quotes inside unquoted cells. */
  read_sample ("defectdojo_prowler-v2_one_vuln.csv", ',', "CHECK_RESULT", 1, "FAIL");
}

static void
test_prowler_v4 (void)
{
  read_sample ("prowler_example_output_aws.csv", ';', "STATUS", 4, "FAIL");
}

/* The fuzz seeds in tests/data: each reads as its format is written. */
static void
test_fixtures (void)
{
  static const struct
  {
    const char *file;
    char        delimiter;
    guint       n_rows;
    const char *column;
    const char *last;       /* that column in the last row */
    gboolean    bom;
  } cases[] = {
    { "csv-credential-report.csv", ',', 2, "user", "ops,admin", FALSE },
    { "csv-prowler-v2.csv", ',', 2, "CHECK_RESULT_EXTENDED", "Trail \"main\" is multi-region", FALSE },
    { "csv-prowler-v5.csv", ';', 2, "STATUS_EXTENDED", "Root has MFA.", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = test_fixture_path (cases[i].file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
      g_autoptr(DmCsvReader) reader = NULL;
      g_autoptr(GPtrArray) last = NULL;
      g_autoptr(GError) error = NULL;
      int column;

      g_assert_nonnull (stream);
      reader = dm_csv_reader_new (G_INPUT_STREAM (stream), 0);
      g_assert_true (dm_csv_reader_read_header (reader, &error));
      g_assert_cmpint (dm_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      g_assert_cmpint (dm_csv_reader_get_had_bom (reader), ==, cases[i].bom);
      column = dm_csv_reader_get_column (reader, cases[i].column);
      g_assert_cmpint (column, >=, 0);
      for (;;)
        {
          g_autoptr(GPtrArray) cells = NULL;

          if (!dm_csv_reader_next_row (reader, &cells, &error))
            break;
          g_clear_pointer (&last, g_ptr_array_unref);
          last = g_steal_pointer (&cells);
        }
      g_assert_no_error (error);
      g_assert_cmpuint (dm_csv_reader_get_n_rows (reader), ==, cases[i].n_rows);
      g_assert_cmpuint (dm_csv_reader_get_n_ragged (reader), ==, 0);
      g_assert_cmpstr (dm_csv_reader_get_cell (last, column), ==, cases[i].last);
    }
}

/* --- the credential report ------------------------------------------- */

static DmFinding *
find_finding (DmImporter *importer,
              const char *id)
{
  GListModel *findings = dm_importer_get_findings (importer);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (dm_finding_get_id (finding), id))
        return finding;   /* the store keeps it alive */
    }
  return NULL;
}

static void
test_credential_report_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);
  g_autoptr(DmImporter) importer = NULL;
  g_autofree char *path = test_fixture_path ("cli-credential-report-quoted.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DmFinding *finding;

  g_assert_no_error (error);
  importer = dm_importer_new (catalogue);
  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);

  /* "ops,admin" is quoted in the report: its row keeps its columns, its
   * ARN among them (users are named by it). */
  finding = find_finding (importer, "IAM-05/arn:aws:iam::111122223333:user/ops,admin");
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_evidence (finding), ==, "Console password enabled, mfa_active false.");

  /* A quoted name without a comma: the row is read all the same. */
  finding = find_finding (importer, "IAM-05/arn:aws:iam::111122223333:user/carol");
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_PASSED);

  finding = find_finding (importer, "IAM-05/arn:aws:iam::111122223333:user/svc+deploy=ci@example.com");
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);

  finding = find_finding (importer, "IAM-01/arn:aws:iam::111122223333:root");
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_PASSED);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (importer)), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_basic);
  g_test_add_func ("/csv/detect", test_detect);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/empty-cells", test_empty_cells);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/utf8", test_utf8);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/unterminated", test_unterminated);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/io-error", test_io_error);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/fuzz", test_fuzz);
  g_test_add_func ("/csv/fixtures", test_fixtures);
  g_test_add_func ("/csv/prowler-v2", test_prowler_v2);
  g_test_add_func ("/csv/prowler-v4", test_prowler_v4);
  g_test_add_func ("/csv/credential-report-quoted", test_credential_report_quoted);

  return g_test_run ();
}
