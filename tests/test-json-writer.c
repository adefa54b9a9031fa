/* test-json-writer.c: DmJsonWriter writes what yajl's generator writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>
#include <json-glib/json-glib.h>

#include "dm-json-blocks.h"
#include "dm-json-writer.h"

/* The same events go to both generators; DmJsonWriter's text is kept. */
typedef struct
{
  DmJsonWriter *writer;
  yajl_gen      gen;
  FILE         *out;
  char         *written;
  size_t        written_len;
} Pair;

static void
pair_init (Pair *pair)
{
  pair->written = NULL;
  pair->written_len = 0;
  pair->out = open_memstream (&pair->written, &pair->written_len);
  pair->writer = dm_json_writer_new (pair->out);
  pair->gen = yajl_gen_alloc (NULL);
  yajl_gen_config (pair->gen, yajl_gen_beautify, 1);
  yajl_gen_config (pair->gen, yajl_gen_indent_string, "  ");
}

/* Ends both, and fails unless they wrote the same text. */
static void
pair_assert_same (Pair *pair)
{
  const unsigned char *expected;
  size_t expected_len;

  dm_json_writer_free (pair->writer);
  fclose (pair->out);
  yajl_gen_get_buf (pair->gen, &expected, &expected_len);
  g_assert_cmpmem (pair->written, pair->written_len, expected, expected_len);
  yajl_gen_free (pair->gen);
  free (pair->written);
}

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
      Pair pair;

      pair_init (&pair);
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
      pair_assert_same (&pair);
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

/* What the writer must make of any string: yajl's escaping of the text
 * g_utf8_make_valid() gives (each byte that starts no valid character
 * becomes U+FFFD). */
static void
reference_string (yajl_gen    gen,
                  const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  yajl_gen_string (gen, (const unsigned char *)valid, strlen (valid));
}

typedef void (*WriteFunc) (DmJsonWriter *writer,
                           yajl_gen      gen,
                           gpointer      data);

/* Writes the same document with both, inside an object (as the outputs
 * write strings), and compares the texts. */
static void
assert_same_text (WriteFunc func,
                  gpointer  data)
{
  Pair pair;

  pair_init (&pair);
  dm_json_writer_begin_object (pair.writer);
  yajl_gen_map_open (pair.gen);
  func (pair.writer, pair.gen, data);
  dm_json_writer_end_object (pair.writer);
  yajl_gen_map_close (pair.gen);
  pair_assert_same (&pair);
}

/* @text as a member's value, in an array and through
 * dm_json_writer_member(). */
static void
write_text (DmJsonWriter *writer,
            yajl_gen      gen,
            gpointer      data)
{
  const char *text = data;

  dm_json_writer_key (writer, "value");
  dm_json_writer_string (writer, text);
  reference_string (gen, "value");
  reference_string (gen, text);

  dm_json_writer_key (writer, "list");
  dm_json_writer_begin_array (writer);
  dm_json_writer_string (writer, text);
  dm_json_writer_string (writer, text);
  dm_json_writer_end_array (writer);
  reference_string (gen, "list");
  yajl_gen_array_open (gen);
  reference_string (gen, text);
  reference_string (gen, text);
  yajl_gen_array_close (gen);

  dm_json_writer_member (writer, "member", text);
  reference_string (gen, "member");
  reference_string (gen, text);
  dm_json_writer_member (writer, text, "after");
  reference_string (gen, text);
  reference_string (gen, "after");
}

/* The bytes the scan must stop at (and some it must not), each put at
 * every place of plain strings of 0 to 40 bytes, so that it falls in a
 * whole word, in the tail after the words, at the start and at the end:
 * a test of eight bytes at a time that missed one, or copied one too
 * many, would change the text. */
static void
test_special_at_every_offset (void)
{
  static const char *specials[] = {
    "\x01", "\x1f", "\b", "\t", "\n", "\f", "\r", "\x0b", "\"", "\\", " ", "/", "\x7f", "~",
    "\x80", "\xbf", "\xc0", "\xc1", "\xc3", "\xff", "\xfe", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xe2\x82", "\xf0\x9d\x84", "\xc0\xaf", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e",
    "\xe2\x80\xa8", "\xef\xbf\xbf",
  };

  for (guint len = 0; len <= 40; len++)
    for (guint at = 0; at <= len; at++)
      for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint i = 0; i < len; i++)
            g_string_append_c (text, "abcdefghij"[i % 10]);
          g_string_insert (text, at, specials[s]);
          assert_same_text (write_text, text->str);
        }
}

/* Hand-checked texts, not only yajl's: a control character after 100
 * plain bytes, invalid UTF-8 in the middle of a long ASCII run, a
 * character cut short at the end, a surrogate. */
static void
test_long_runs (void)
{
  static const struct
  {
    const char *text;
    const char *json;
  } cases[] = {
    { "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\x01tail",
      "\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\\u0001tail\"" },
    { "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\xff"
      "0123456789012345678901234567890123456789",
      "\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\xef\xbf\xbd"
      "0123456789012345678901234567890123456789\"" },
    { "abcdefgh\"ijklmnop\\qrstuvw\nxyz", "\"abcdefgh\\\"ijklmnop\\\\qrstuvw\\nxyz\"" },
    { "plain text, then \xc3", "\"plain text, then \xef\xbf\xbd\"" },
    { "one \xed\xa0\x80 surrogate", "\"one \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd surrogate\"" },
    { "caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xe2\x80\xa8 </script>\x1f",
      "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xe2\x80\xa8 </script>\\u001F\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = NULL;
      size_t written_len = 0;
      FILE *out = open_memstream (&written, &written_len);
      DmJsonWriter *writer = dm_json_writer_new (out);
      g_autofree char *expected = g_strdup_printf ("[\n  %s\n]\n", cases[i].json);

      dm_json_writer_begin_array (writer);
      dm_json_writer_string (writer, cases[i].text);
      dm_json_writer_end_array (writer);
      dm_json_writer_free (writer);
      fclose (out);
      g_assert_cmpstr (written, ==, expected);
      assert_same_text (write_text, (gpointer)cases[i].text);
    }
}

/* Random bytes of every kind, valid or not, in strings short and long:
 * longer than the part escaped straight into the buffer (about 10 kB) and
 * than the buffer itself (64 kB), so that a string is cut into pieces
 * with its escapes and characters at the cuts. */
static void
test_random_bytes (void)
{
  static const char *pieces[] = { "a", "word ", "\"", "\\", "\x01", "\n", "\x7f", "\xc3\xa9", "\xe2\x82\xac",
                                  "\xf0\x9d\x84\x9e", "\xff", "\xc3", "\xe2\x82", "\x80", "\xed\xa0\x80",
                                  "arn:aws:s3:::bucket/key " };
  static const guint lengths[] = { 7, 64, 300, 10870, 10900, 21800, 70000, 140000 };

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = lengths[round % G_N_ELEMENTS (lengths)];
      guint plain = g_test_rand_int_range (0, 4) == 0 ? 0 : 32;

      /* Mostly long plain runs, as reports have, with a few of the rest. */
      while (text->len < n)
        {
          if (plain > 0 && g_test_rand_int_range (0, plain) != 0)
            g_string_append_c (text, "abcdefghijklmnopqrstuvwxyz0123456789 :/-"[g_test_rand_int_range (0, 40)]);
          else
            g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      assert_same_text (write_text, text->str);
    }
}

typedef struct
{
  guint       depth;
  const char *text;
} Nested;

static void
write_nested (DmJsonWriter *writer,
              yajl_gen      gen,
              gpointer      data)
{
  Nested *nested = data;

  for (guint i = 0; i < nested->depth; i++)
    {
      dm_json_writer_key (writer, "inner");
      reference_string (gen, "inner");
      dm_json_writer_begin_array (writer);
      yajl_gen_array_open (gen);
      dm_json_writer_integer (writer, i);
      yajl_gen_integer (gen, i);
      dm_json_writer_string (writer, nested->text);
      reference_string (gen, nested->text);
      dm_json_writer_begin_object (writer);
      yajl_gen_map_open (gen);
      dm_json_writer_member (writer, "text", nested->text);
      reference_string (gen, "text");
      reference_string (gen, nested->text);
      dm_json_writer_member (writer, "none", NULL);
      reference_string (gen, "none");
      yajl_gen_null (gen);
    }
  for (guint i = 0; i < nested->depth; i++)
    {
      dm_json_writer_key (writer, "last");
      reference_string (gen, "last");
      dm_json_writer_boolean (writer, TRUE);
      yajl_gen_bool (gen, TRUE);
      dm_json_writer_end_object (writer);
      yajl_gen_map_close (gen);
      dm_json_writer_end_array (writer);
      yajl_gen_array_close (gen);
    }
}

/* Indents deeper than the writer copies in one piece (and than the
 * depths it keeps room for at first) are the same. */
static void
test_deep (void)
{
  for (guint depth = 1; depth <= 40; depth += 13)
    {
      Nested nested = { depth, "text with \"quotes\" and \xff" };

      assert_same_text (write_nested, &nested);
    }
}

typedef struct
{
  const char *name;
  const char *value;
} Member;

static void
write_member (DmJsonWriter *writer,
              yajl_gen      gen,
              gpointer      data)
{
  Member *member = data;

  dm_json_writer_member (writer, member->name, member->value);
  reference_string (gen, member->name);
  reference_string (gen, member->value);
}

/* A member whose key and value are both controls, six bytes each once
 * escaped, together about the size of the buffer, where the writer goes
 * from writing a member in one piece to writing it through its pieces:
 * the same text either way (and under valgrind or ASan, no write past
 * the buffer). */
static void
test_member_at_buffer_size (void)
{
  for (gsize n = 5400; n <= 5500; n += 3)
    {
      g_autofree char *name = g_strnfill (n, '\x01');
      g_autofree char *value = g_strnfill (n + g_test_rand_int_range (0, 3), '\x1f');
      Member member = { name, value };

      assert_same_text (write_member, &member);
    }
}

static void
write_integers (DmJsonWriter *writer,
                yajl_gen      gen,
                gpointer      data)
{
  static const gint64 values[] = { 0, 1, -1, 9, 10, -10, 99, 100, 1234567890, -1234567890, G_MAXINT32,
                                   G_MININT32, (gint64)G_MAXINT32 + 1, G_MAXINT64, G_MAXINT64 - 1, G_MININT64,
                                   G_MININT64 + 1 };

  dm_json_writer_key (writer, "integers");
  reference_string (gen, "integers");
  dm_json_writer_begin_array (writer);
  yajl_gen_array_open (gen);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      dm_json_writer_integer (writer, values[i]);
      yajl_gen_integer (gen, values[i]);
    }
  dm_json_writer_end_array (writer);
  yajl_gen_array_close (gen);
}

/* Integers are written without printf: the extremes as printf writes
 * them. */
static void
test_integers (void)
{
  assert_same_text (write_integers, NULL);
}

/* Element @index of the arrays below, to @writer or to @gen (the other
 * NULL), the same from any thread: mostly small objects, some nested
 * deeper than the writer's shallow indents, some strings longer than its
 * buffer, so that fragments grow and are handed over in one write. */
static void
element_events (DmJsonWriter *writer,
                yajl_gen      gen,
                guint         index)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (index);
  guint depth = index % 97 == 5 ? 40 : g_rand_int_range (rand, 0, 3);
  gsize len = index % 211 == 7 ? 150000 : (gsize)g_rand_int_range (rand, 0, 300);
  g_autofree char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    text[i] = "ab\"\\\n\x01 z"[g_rand_int_range (rand, 0, 8)];
  text[len] = '\0';
  for (guint d = 0; d < depth; d++)
    {
      if (writer)
        dm_json_writer_begin_array (writer);
      else
        yajl_gen_array_open (gen);
    }
  if (writer)
    {
      dm_json_writer_begin_object (writer);
      dm_json_writer_key (writer, "index");
      dm_json_writer_integer (writer, index);
      dm_json_writer_member (writer, "text", text);
      dm_json_writer_end_object (writer);
    }
  else
    {
      yajl_gen_map_open (gen);
      reference_string (gen, "index");
      yajl_gen_integer (gen, index);
      reference_string (gen, "text");
      reference_string (gen, text);
      yajl_gen_map_close (gen);
    }
  for (guint d = 0; d < depth; d++)
    {
      if (writer)
        dm_json_writer_end_array (writer);
      else
        yajl_gen_array_close (gen);
    }
}

typedef struct
{
  GMutex   lock;
  GThread *caller;
  guint    next_here;     /* the index due next on the calling thread */
  guint    next_there;
  guint    calls;
  guint    elsewhere;     /* calls on another thread */
  gboolean in_order;
} Calls;

static void
write_element (DmJsonWriter *writer,
               guint         index,
               gpointer      data)
{
  Calls *calls = data;
  gboolean here = g_thread_self () == calls->caller;

  g_mutex_lock (&calls->lock);
  calls->calls++;
  if (!here)
    calls->elsewhere++;
  /* Each thread takes its indices in rising order. */
  if (here ? index < calls->next_here : index < calls->next_there)
    calls->in_order = FALSE;
  if (here)
    calls->next_here = index + 1;
  else
    calls->next_there = index + 1;
  g_mutex_unlock (&calls->lock);
  element_events (writer, NULL, index);
}

/* dm_json_write_elements() on two threads writes the text one thread,
 * and yajl, write: for arrays shorter than a block, of a block and one
 * element, of one element more or less than whole blocks, and long ones;
 * each element written once, by each thread in order, and the second
 * thread used (for about every other block) when there is more than one
 * block after the first element. */
static void
test_elements (void)
{
  static const guint lengths[] = { 0, 1, 2, 256, 257, 258, 512, 513, 514, 769, 770, 3000 };

  for (guint t = 1; t <= 2; t++)
    for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
      {
        guint n = lengths[l];
        Pair pair;
        DmJsonWriter *writer;
        yajl_gen gen;
        Calls calls = { .caller = g_thread_self (), .in_order = TRUE };

        pair_init (&pair);
        writer = pair.writer;
        gen = pair.gen;
        g_mutex_init (&calls.lock);
        dm_json_writer_begin_object (writer);
        yajl_gen_map_open (gen);
        dm_json_writer_key (writer, "elements");
        reference_string (gen, "elements");
        dm_json_writer_begin_array (writer);
        yajl_gen_array_open (gen);
        dm_json_write_elements (writer, n, t, write_element, &calls);
        for (guint i = 0; i < n; i++)
          element_events (NULL, gen, i);
        dm_json_writer_end_array (writer);
        yajl_gen_array_close (gen);
        dm_json_writer_member (writer, "after", "the array");
        reference_string (gen, "after");
        reference_string (gen, "the array");
        dm_json_writer_end_object (writer);
        yajl_gen_map_close (gen);
        pair_assert_same (&pair);
        g_assert_cmpuint (calls.calls, ==, n);
        g_assert_true (calls.in_order);
        if (t == 1 || n <= 257)
          g_assert_cmpuint (calls.elsewhere, ==, 0);
        else
          {
            /* About every other block is the second thread's. */
            g_assert_cmpuint (calls.elsewhere, >, 0);
            g_assert_cmpuint (calls.elsewhere, <=, n / 2 + 256);
          }
        g_mutex_clear (&calls.lock);
      }
}

/* A fragment made in the middle of an object, a deep array and after an
 * element stands where its writer stood: its text appended is the text
 * the writer would have written, and the writer goes on from where the
 * fragment ended. */
static void
test_fragment_place (void)
{
  Pair pair;
  DmJsonWriter *writer;
  yajl_gen gen;

  pair_init (&pair);
  writer = pair.writer;
  gen = pair.gen;
  dm_json_writer_begin_object (writer);
  yajl_gen_map_open (gen);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(DmJsonWriter) fragment = dm_json_writer_new_fragment (writer);

      /* A member, first or after others, in a fragment. */
      dm_json_writer_member (fragment, "key", "value");
      reference_string (gen, "key");
      reference_string (gen, "value");
      dm_json_writer_append (writer, fragment);
      dm_json_writer_key (writer, "deep");
      reference_string (gen, "deep");
      for (guint d = 0; d < 40; d++)
        {
          dm_json_writer_begin_array (writer);
          yajl_gen_array_open (gen);
        }
      /* Twice from one fragment: appended, it is empty and can be
       * written again, now after an element. */
      {
        g_autoptr(DmJsonWriter) deep = dm_json_writer_new_fragment (writer);

        for (guint again = 0; again < 2; again++)
          {
            element_events (deep, NULL, 5);
            element_events (NULL, gen, 5);
            dm_json_writer_append (writer, deep);
          }
      }
      for (guint d = 0; d < 40; d++)
        {
          dm_json_writer_end_array (writer);
          yajl_gen_array_close (gen);
        }
    }
  dm_json_writer_end_object (writer);
  yajl_gen_map_close (gen);
  pair_assert_same (&pair);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/same-as-yajl", test_same_as_yajl);
  g_test_add_func ("/json-writer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json-writer/special-at-every-offset", test_special_at_every_offset);
  g_test_add_func ("/json-writer/long-runs", test_long_runs);
  g_test_add_func ("/json-writer/random-bytes", test_random_bytes);
  g_test_add_func ("/json-writer/deep", test_deep);
  g_test_add_func ("/json-writer/integers", test_integers);
  g_test_add_func ("/json-writer/member-at-buffer-size", test_member_at_buffer_size);
  g_test_add_func ("/json-writer/fragment-place", test_fragment_place);
  g_test_add_func ("/json-writer/elements", test_elements);

  return g_test_run ();
}
