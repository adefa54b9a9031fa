/* test-json-writer.c: DmJsonWriter writes what yajl's generator writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <yajl/yajl_gen.h>
#include <json-glib/json-glib.h>

#include "dm-json-writer.h"

/* The same events go to both generators. */
typedef struct
{
  DmJsonWriter *writer;
  yajl_gen      gen;
} Pair;

static void
pair_string (Pair       *pair,
             const char *text,
             gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);

  dm_json_writer_string (pair->writer, copy);
  yajl_gen_string (pair->gen, (const unsigned char *)text, len);
}

/* Valid UTF-8 of every kind the outputs meet: ASCII, each control
 * character, quotes, backslashes, slashes, DEL, two- to four-byte
 * characters; sometimes longer than the writer's buffer. */
static GString *
random_text (void)
{
  static const char *pieces[] = { "a", "Z", " ", "\"", "\\", "/", "\x7f", "é", "€", "𝄞", "<b>", "&amp;", "\u2028" };
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 12) == 0 ? g_test_rand_int_range (60000, 200000) : g_test_rand_int_range (0, 40);

  for (guint i = 0; i < n; i++)
    {
      if (g_test_rand_int_range (0, 8) == 0)
        g_string_append_c (text, (char)g_test_rand_int_range (1, 0x20));
      else
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
    }
  return text;
}

static void
random_value (Pair *pair,
              guint depth)
{
  guint kind = g_test_rand_int_range (0, depth > 5 ? 4 : 6);

  switch (kind)
    {
    case 0:
      {
        g_autoptr(GString) text = random_text ();

        pair_string (pair, text->str, text->len);
      }
      break;
    case 1:
      {
        gint64 value = (gint64)g_test_rand_int () * (g_test_rand_bit () ? G_MAXINT32 : 1);

        dm_json_writer_integer (pair->writer, value);
        yajl_gen_integer (pair->gen, value);
      }
      break;
    case 2:
      {
        gboolean value = g_test_rand_bit ();

        dm_json_writer_boolean (pair->writer, value);
        yajl_gen_bool (pair->gen, value);
      }
      break;
    case 3:
      dm_json_writer_null (pair->writer);
      yajl_gen_null (pair->gen);
      break;
    case 4:
      dm_json_writer_begin_array (pair->writer);
      yajl_gen_array_open (pair->gen);
      for (guint i = g_test_rand_int_range (0, 5); i > 0; i--)
        random_value (pair, depth + 1);
      dm_json_writer_end_array (pair->writer);
      yajl_gen_array_close (pair->gen);
      break;
    default:
      dm_json_writer_begin_object (pair->writer);
      yajl_gen_map_open (pair->gen);
      for (guint i = g_test_rand_int_range (0, 5); i > 0; i--)
        {
          g_autoptr(GString) key = random_text ();

          pair_string (pair, key->str, key->len);
          random_value (pair, depth + 1);
        }
      dm_json_writer_end_object (pair->writer);
      yajl_gen_map_close (pair->gen);
      break;
    }
}

static void
test_same_as_yajl (void)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *written = NULL;
      size_t written_len = 0;
      FILE *out = open_memstream (&written, &written_len);
      Pair pair = { dm_json_writer_new (out), yajl_gen_alloc (NULL) };
      const unsigned char *expected;
      size_t expected_len;

      yajl_gen_config (pair.gen, yajl_gen_beautify, 1);
      yajl_gen_config (pair.gen, yajl_gen_indent_string, "  ");
      /* A container at the top, as the outputs write. */
      if (g_test_rand_bit ())
        {
          dm_json_writer_begin_array (pair.writer);
          yajl_gen_array_open (pair.gen);
          for (guint i = g_test_rand_int_range (0, 6); i > 0; i--)
            random_value (&pair, 1);
          dm_json_writer_end_array (pair.writer);
          yajl_gen_array_close (pair.gen);
        }
      else
        random_value (&pair, 0);

      dm_json_writer_free (pair.writer);
      fclose (out);
      yajl_gen_get_buf (pair.gen, &expected, &expected_len);
      g_assert_cmpmem (written, written_len, expected, expected_len);
      yajl_gen_free (pair.gen);
    }
}

/* Invalid UTF-8 never reaches the output: it is replaced, and the text
 * still parses. */
static void
test_invalid_utf8 (void)
{
  g_autofree char *written = NULL;
  size_t written_len = 0;
  FILE *out = open_memstream (&written, &written_len);
  DmJsonWriter *writer = dm_json_writer_new (out);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  dm_json_writer_begin_object (writer);
  dm_json_writer_key (writer, "bad");
  dm_json_writer_string (writer, "a\xff\xfe<b>\xc3");
  dm_json_writer_key (writer, "none");
  dm_json_writer_string (writer, NULL);
  dm_json_writer_end_object (writer);
  dm_json_writer_free (writer);
  fclose (out);

  g_assert_true (g_utf8_validate (written, written_len, NULL));
  g_assert_true (json_parser_load_from_data (parser, written, written_len, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "bad"), ==, "a\xef\xbf\xbd\xef\xbf\xbd<b>\xef\xbf\xbd");
  g_assert_true (json_node_is_null (json_object_get_member (object, "none")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/same-as-yajl", test_same_as_yajl);
  g_test_add_func ("/json-writer/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
