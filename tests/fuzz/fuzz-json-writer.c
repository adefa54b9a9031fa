/* fuzz-json-writer.c: libFuzzer target for DmJsonWriter's escaping
 *
 * The input, cut at its NUL bytes, gives the strings of a document that
 * is written twice: by DmJsonWriter, and by yajl's generator from the
 * strings g_utf8_make_valid() makes of them (what the writer must write:
 * yajl's escaping of valid UTF-8, each byte that starts no character
 * replaced). Any difference is a crash. The strings go in as values, keys,
 * members (dm_json_writer_member) and array elements, at depths up to 41,
 * so every fast path and its fallback is compared, and ASan sees the
 * word-at-a-time reads and writes. Every third piece goes through a
 * fragment (dm_json_writer_new_fragment) appended in its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "fuzz-common.h"
#include "dm-json-writer.h"


static void
both_string (DmJsonWriter *writer,
             yajl_gen      gen,
             const char   *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  dm_json_writer_string (writer, text);
  yajl_gen_string (gen, (const unsigned char *)valid, strlen (valid));
}

static void
both_member (DmJsonWriter *writer,
             yajl_gen      gen,
             const char   *name,
             const char   *value)
{
  g_autofree char *valid_name = g_utf8_make_valid (name, -1);
  g_autofree char *valid_value = g_utf8_make_valid (value, -1);

  dm_json_writer_member (writer, name, value);
  yajl_gen_string (gen, (const unsigned char *)valid_name, strlen (valid_name));
  yajl_gen_string (gen, (const unsigned char *)valid_value, strlen (valid_value));
}

static void
write_piece (DmJsonWriter *writer,
             yajl_gen      gen,
             const char   *piece,
             gsize         len,
             guint         index)
{
  switch (index % 5)
    {
    case 0:
      both_member (writer, gen, "m", piece);
      break;
    case 1:
      both_member (writer, gen, piece, "v");
      break;
    case 2:
      both_string (writer, gen, "a");
      dm_json_writer_begin_array (writer);
      yajl_gen_array_open (gen);
      both_string (writer, gen, piece);
      dm_json_writer_integer (writer, -(gint64)len * 1000003);
      yajl_gen_integer (gen, -(long long)len * 1000003);
      dm_json_writer_end_array (writer);
      yajl_gen_array_close (gen);
      break;
    case 3:
      both_string (writer, gen, piece);
      dm_json_writer_begin_object (writer);
      yajl_gen_map_open (gen);
      both_member (writer, gen, piece, piece);
      dm_json_writer_end_object (writer);
      yajl_gen_map_close (gen);
      break;
    default:
      {
        guint depth = 1 + len % 40;

        both_string (writer, gen, "deep");
        for (guint i = 0; i < depth; i++)
          {
            dm_json_writer_begin_array (writer);
            yajl_gen_array_open (gen);
          }
        both_string (writer, gen, piece);
        dm_json_writer_null (writer);
        yajl_gen_null (gen);
        for (guint i = 0; i < depth; i++)
          {
            dm_json_writer_end_array (writer);
            yajl_gen_array_close (gen);
          }
      }
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_malloc (size + 1);
  char *written = NULL;
  size_t written_len = 0;
  FILE *out = open_memstream (&written, &written_len);
  DmJsonWriter *writer = dm_json_writer_new (out);
  yajl_gen gen = yajl_gen_alloc (NULL);
  const unsigned char *expected;
  size_t expected_len;
  guint index = 0;

  memcpy (text, data, size);
  text[size] = '\0';
  yajl_gen_config (gen, yajl_gen_beautify, 1);
  yajl_gen_config (gen, yajl_gen_indent_string, "  ");

  dm_json_writer_begin_object (writer);
  yajl_gen_map_open (gen);
  for (const char *piece = text; piece <= text + size; piece += strlen (piece) + 1, index++)
    {
      /* Every third piece through a fragment made where the writer
       * stands, as dm_json_write_elements() writes a report's findings. */
      if (index % 3 == 2)
        {
          DmJsonWriter *fragment = dm_json_writer_new_fragment (writer);

          write_piece (fragment, gen, piece, strlen (piece), index);
          dm_json_writer_append (writer, fragment);
          dm_json_writer_free (fragment);
        }
      else
        write_piece (writer, gen, piece, strlen (piece), index);
    }
  dm_json_writer_end_object (writer);
  yajl_gen_map_close (gen);
  dm_json_writer_free (writer);
  fclose (out);

  yajl_gen_get_buf (gen, &expected, &expected_len);
  if (written_len != expected_len || memcmp (written, expected, written_len) != 0)
    {
      fprintf (stderr, "DmJsonWriter wrote %zu bytes, yajl %zu\n", written_len, expected_len);
      abort ();
    }
  yajl_gen_free (gen);
  free (written);
  return 0;
}
