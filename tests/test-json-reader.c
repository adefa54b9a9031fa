/* test-json-reader.c: the streaming reader on good, odd and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

#include "dm-json-reader.h"

typedef struct
{
  GPtrArray *items;       /* JsonNode copies */
  GPtrArray *containers;  /* char* */
  GArray    *indices;     /* guint64 */
  guint      stop_after;  /* 0: never stop */
} Collected;

static void
collected_init (Collected *c)
{
  c->items = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  c->containers = g_ptr_array_new_with_free_func (g_free);
  c->indices = g_array_new (FALSE, FALSE, sizeof (guint64));
  c->stop_after = 0;
}

static void
collected_clear (Collected *c)
{
  g_ptr_array_unref (c->items);
  g_ptr_array_unref (c->containers);
  g_array_unref (c->indices);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Collected, collected_clear)

static void
node_unref_or_null (gpointer node)
{
  if (node)
    json_node_unref (node);
}

/* The reader's document as a json-glib tree, freed with the reader. */
static JsonNode *
document_of (DmJsonReader *reader)
{
  JsonNode *node = dm_json_node_to_glib (dm_json_reader_get_document (reader));

  g_object_set_data_full (G_OBJECT (reader), "test-document", node, node_unref_or_null);
  return node;
}

static gboolean
collect (DmJsonNode *item,
         const char *container,
         guint64     index,
         gpointer    user_data)
{
  Collected *c = user_data;

  g_ptr_array_add (c->items, dm_json_node_to_glib (item));
  g_ptr_array_add (c->containers, g_strdup (container));
  g_array_append_val (c->indices, index);

  return c->stop_after == 0 || c->items->len < c->stop_after;
}

static gboolean
read_text (DmJsonReader  *reader,
           const char    *text,
           gssize         length,
           Collected     *c,
           GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
  return dm_json_reader_read_stream (reader, stream, "input.json", collect, c, NULL, error);
}

static const char *
item_string (Collected  *c,
             guint       i,
             const char *member)
{
  return json_object_get_string_member (json_node_get_object (g_ptr_array_index (c->items, i)), member);
}

static void
test_findings (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;
  JsonObject *doc;

  collected_init (&c);
  g_assert_true (read_text (reader, "{\"Findings\": [{\"Id\": \"a\"}, {\"Id\": \"b\"}], \"NextToken\": null}", -1, &c, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (c.items->len, ==, 2);
  g_assert_cmpstr (item_string (&c, 1, "Id"), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (c.containers, 0), ==, "Findings");
  g_assert_cmpuint (g_array_index (c.indices, guint64, 1), ==, 1);
  g_assert_cmpuint (dm_json_reader_get_n_items (reader), ==, 2);

  /* The document keeps the rest, with the item array left empty. */
  doc = json_node_get_object (document_of (reader));
  g_assert_true (json_object_has_member (doc, "NextToken"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "Findings")), ==, 0);
  g_assert_false (dm_json_reader_get_is_ndjson (reader));
}

static void
test_containers (void)
{
  struct {
    const char *text;
    const char *container;
    guint       n;
  } cases[] = {
    { "{\"findings\": [{\"Id\": 1}]}", "findings", 1 },
    { "{\"version\": \"0\", \"detail-type\": \"Security Hub Findings - Imported\", \"detail\": {\"findings\": [{}, {}, {}]}}", "detail.findings", 3 },
    { "[{\"a\": 1}, {\"a\": 2}]", "", 2 },
    { "{\"fileVersion\": \"1.0\", \"configurationItems\": [{\"resourceType\": \"AWS::S3::Bucket\"}]}", "configurationItems", 1 },
    /* A single finding is a document, not an item. */
    { "{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"x\"}", NULL, 0 },
    /* Arrays elsewhere stay in the document. */
    { "{\"Reservations\": [{\"Instances\": []}]}", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
      g_autoptr(GError) error = NULL;
      g_auto(Collected) c;

      collected_init (&c);
      g_assert_true (read_text (reader, cases[i].text, -1, &c, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.items->len, ==, cases[i].n);
      if (cases[i].container)
        g_assert_cmpstr (g_ptr_array_index (c.containers, 0), ==, cases[i].container);
      g_assert_nonnull (dm_json_reader_get_document (reader));
    }
}

static void
test_ndjson (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  g_assert_true (read_text (reader, "{\"Control\": \"a\"}\n{\"Control\": \"b\"}\n\n{\"Control\": \"c\"}\n", -1, &c, &error));
  g_assert_no_error (error);

  g_assert_true (dm_json_reader_get_is_ndjson (reader));
  g_assert_cmpuint (c.items->len, ==, 3);
  g_assert_cmpstr (item_string (&c, 0, "Control"), ==, "a");
  g_assert_cmpstr (item_string (&c, 2, "Control"), ==, "c");
  g_assert_cmpstr (g_ptr_array_index (c.containers, 2), ==, "ndjson");
  g_assert_cmpuint (g_array_index (c.indices, guint64, 2), ==, 2);
  g_assert_null (dm_json_reader_get_document (reader));
}

/* Values one after the other come in the file's order, even when a later
 * one holds an item array of its own (an EventBridge event's findings):
 * the first is handed over as soon as the second begins. */
static void
test_ndjson_order (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  g_assert_true (read_text (reader, "{\"Control\": \"a\"}{\"detail-type\": \"x\", \"detail\": {\"findings\": [{\"Control\": \"b\"}]}}", -1, &c,
                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.items->len, ==, 3);
  g_assert_cmpstr (item_string (&c, 0, "Control"), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (c.containers, 0), ==, "ndjson");
  g_assert_cmpstr (item_string (&c, 1, "Control"), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (c.containers, 1), ==, "detail.findings");
  g_assert_cmpstr (g_ptr_array_index (c.containers, 2), ==, "ndjson");
  g_assert_cmpuint (g_array_index (c.indices, guint64, 2), ==, 1);
}

static void
test_prefix_and_bom (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;
  JsonObject *doc;

  collected_init (&c);
  g_assert_true (read_text (reader, "\xEF\xBB\xBFscoutsuite_results =\n{\"account_id\": \"123\"};\n", -1, &c, &error));
  g_assert_no_error (error);
  g_assert_true (dm_json_reader_get_had_prefix (reader));
  doc = json_node_get_object (document_of (reader));
  g_assert_cmpstr (json_object_get_string_member (doc, "account_id"), ==, "123");

  /* Bare literals are JSON, not assignments. */
  g_assert_true (read_text (reader, "true", -1, &c, &error));
  g_assert_false (dm_json_reader_get_had_prefix (reader));
  g_assert_true (json_node_get_boolean (document_of (reader)));
}

static void
test_values (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;
  JsonObject *o;

  collected_init (&c);
  g_assert_true (read_text (reader,
                            "[{\"int\": -42, \"big\": 123456789012345678901234567890, \"f\": 1.5e3,"
                            " \"t\": true, \"n\": null, \"s\": \"a\\u0000b\", \"esc\": \"<b>\\\"x\\\" & y</b>\","
                            " \"u\": \"\\u00e9\\ud83d\\ude00\"}]", -1, &c, &error));
  g_assert_no_error (error);

  o = json_node_get_object (g_ptr_array_index (c.items, 0));
  g_assert_cmpint (json_object_get_int_member (o, "int"), ==, -42);
  /* Too big for 64 bits: kept as a double rather than clamped. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "big"), 1.2345678901234568e29, 1e15);
  g_assert_cmpfloat (json_object_get_double_member (o, "f"), ==, 1500.0);
  g_assert_true (json_object_get_boolean_member (o, "t"));
  g_assert_true (json_object_get_null_member (o, "n"));
  /* An escaped NUL does not cut the string short. */
  g_assert_cmpstr (json_object_get_string_member (o, "s"), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpstr (json_object_get_string_member (o, "esc"), ==, "<b>\"x\" & y</b>");
  g_assert_cmpstr (json_object_get_string_member (o, "u"), ==, "\xC3\xA9\xF0\x9F\x98\x80");
}

/* What yajl lets through as UTF-8 and is not: each bad byte becomes
 * U+FFFD, in values and in member names. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;
  JsonObject *o;

  collected_init (&c);
  g_assert_true (read_text (reader,
                            "[{\"lone\": \"a\\udc80b\", \"overlong\": \"\xC0\x80\","
                            " \"surrogate\": \"\xED\xA0\x80z\", \"past\": \"\xF4\x90\x80\x80\","
                            " \"k\\udc80\": 1}]", -1, &c, &error));
  g_assert_no_error (error);

  o = json_node_get_object (g_ptr_array_index (c.items, 0));
  g_assert_cmpstr (json_object_get_string_member (o, "lone"), ==, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  g_assert_cmpstr (json_object_get_string_member (o, "overlong"), ==, "\xEF\xBF\xBD\xEF\xBF\xBD");
  g_assert_cmpstr (json_object_get_string_member (o, "surrogate"), ==,
                   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
  g_assert_true (g_utf8_validate (json_object_get_string_member (o, "past"), -1, NULL));
  g_assert_true (json_object_has_member (o, "k\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));
}

static void
assert_read_error (const char *text,
                   gssize      length,
                   int         code,
                   const char *message)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  g_assert_false (read_text (reader, text, length, &c, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, code);
  if (message)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_error_empty (void)
{
  assert_read_error ("", 0, DM_JSON_READER_ERROR_EMPTY, "input.json: the file is empty");
  assert_read_error (" \n\t ", -1, DM_JSON_READER_ERROR_EMPTY, "input.json: the file is empty");
}

static void
test_error_truncated (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  assert_read_error ("{\"Findings\": [{\"Id\": \"a\"}, {\"Id\": \"b", -1, DM_JSON_READER_ERROR_TRUNCATED,
                     "input.json: the file ends in the middle of a JSON value (after 36 bytes)");

  /* Items before the cut were seen and counted; the read still fails. */
  collected_init (&c);
  g_assert_false (read_text (reader, "[{\"a\": 1}, {\"a\": 2}, {\"a\"", -1, &c, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TRUNCATED);
  g_assert_cmpuint (c.items->len, ==, 2);
}

static void
test_error_malformed (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  g_assert_false (read_text (reader, "{\"a\": [1, 2,, 3]}", -1, &c, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "input.json: invalid JSON at byte 13: "));

  assert_read_error ("{'single': 'quotes'}", -1, DM_JSON_READER_ERROR_SYNTAX, NULL);
  assert_read_error ("{\"a\": 1} garbage", -1, DM_JSON_READER_ERROR_SYNTAX, NULL);
}

static void
test_error_encoding (void)
{
  static const char nul[] = "{\"a\": 1\0}";

  /* Invalid UTF-8 inside a string, a raw NUL, a raw control character. */
  assert_read_error ("{\"name\": \"caf\xe9\"}", -1, DM_JSON_READER_ERROR_SYNTAX, NULL);
  assert_read_error (nul, sizeof nul - 1, DM_JSON_READER_ERROR_SYNTAX, NULL);
  assert_read_error ("{\"name\": \"a\x01z\"}", -1, DM_JSON_READER_ERROR_SYNTAX, NULL);
}

static void
test_error_deep (void)
{
  const gsize depth = 100000;
  g_autofree char *text = g_malloc (depth * 2);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  assert_read_error (text, depth * 2, DM_JSON_READER_ERROR_TOO_DEEP,
                     "input.json: nested deeper than 256 levels");

  /* The limit holds inside items too. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"Findings\": [");
    for (guint i = 0; i < 300; i++)
      g_string_append (deep, "{\"a\":");
    assert_read_error (deep->str, deep->len, DM_JSON_READER_ERROR_TOO_DEEP, NULL);
  }
}

static void
test_max_depth (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  dm_json_reader_set_max_depth (reader, 3);
  g_assert_true (read_text (reader, "[[[1]]]", -1, &c, &error));
  g_assert_no_error (error);
  g_assert_false (read_text (reader, "[[[[1]]]]", -1, &c, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP);
}

static void
test_stop (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Collected) c;

  collected_init (&c);
  c.stop_after = 2;
  g_assert_false (read_text (reader, "[1, 2, 3, 4, 5]", -1, &c, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_STOPPED);
  g_assert_cmpuint (c.items->len, ==, 2);
}

static void
progress_cb (guint64  bytes,
             guint64  items,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, bytes);
}

static void
test_large_items_and_progress (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("{\"Findings\": [");
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_auto(Collected) c;
  const guint n = 50;

  /* Items far larger than one 64 KiB read: values span chunk boundaries. */
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "%s{\"Id\": \"f-%u\", \"Description\": \"", i ? "," : "", i);
      for (guint j = 0; j < 10000; j++)
        g_string_append (text, "0123456789");
      g_string_append (text, "\"}");
    }
  g_string_append (text, "]}");

  collected_init (&c);
  dm_json_reader_set_progress (reader, progress_cb, seen);
  g_assert_true (read_text (reader, text->str, text->len, &c, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (c.items->len, ==, n);
  g_assert_cmpstr (item_string (&c, n - 1, "Id"), ==, "f-49");
  g_assert_cmpuint (strlen (item_string (&c, 7, "Description")), ==, 100000);
  g_assert_cmpuint (dm_json_reader_get_bytes_read (reader), ==, text->len);

  /* Progress rises monotonically to the full size. */
  g_assert_cmpuint (seen->len, >, 10);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint64, i), >, g_array_index (seen, guint64, i - 1));
  g_assert_cmpuint (g_array_index (seen, guint64, seen->len - 1), ==, text->len);
}

static void
test_cancel (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("[1, 2, 3]", -1, NULL);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (dm_json_reader_read_stream (reader, stream, "input.json", NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_missing_file (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/export.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (dm_json_reader_read_file (reader, file, NULL, NULL, NULL, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/export.json: "));
}

/* Every JSON sample that others wrote must read cleanly, with its items
 * found where the format puts them. */
static void
test_shared_samples (void)
{
  static const struct {
    const char *path;
    const char *container;  /* NULL: no item array */
    guint       min_items;
  } expected[] = {
    { "aws_config/awsdocs_config-snapshot-example.json", "configurationItems", 2 },
    { "aws_config/awsdocs_config-history-ebs-example.json", "configurationItems", 3 },
    { "securityhub_asff/awscli_securityhub-get-findings.json", "Findings", 1 },
    { "securityhub_asff/asr_eventbridge_cis4.1-sg-ssh-open.json", "detail.findings", 1 },
    { "prowler/prowler_example_output_aws.ocsf.json", "", 1 },
    { "prowler/defectdojo_prowler-4.2.1_many_vuln.ocsf.json", "", 1 },
    { "prowler/defectdojo_prowler-v2_many_vuln.ndjson.json", "ndjson", 2 },
  };
  g_autofree char *root = g_build_filename (SHARED_DIR, "samples", NULL);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) invalid = NULL;
  guint files = 0;
  guint n_invalid = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (root, expected[i].path, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
      g_autoptr(GError) error = NULL;
      g_auto(Collected) c;

      collected_init (&c);
      g_assert_true (dm_json_reader_read_file (reader, file, collect, &c, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.items->len, >=, expected[i].min_items);
      g_assert_cmpstr (g_ptr_array_index (c.containers, 0), ==, expected[i].container);
    }

  /* And every .json file in the folder reads, except those the manifest
   * marks as invalid as published: those must fail with a syntax error. */
  {
    g_autofree char *manifest_path = g_build_filename (root, "MANIFEST.tsv", NULL);
    g_autofree char *manifest = NULL;
    g_auto(GStrv) lines = NULL;

    invalid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    if (g_file_get_contents (manifest_path, &manifest, NULL, NULL))
      {
        lines = g_strsplit (manifest, "\n", -1);
        for (guint i = 0; lines[i]; i++)
          if (strstr (lines[i], "NOT valid JSON") != NULL)
            g_hash_table_add (invalid, g_strndup (lines[i], strcspn (lines[i], "\t")));
      }
  }

  g_ptr_array_add (dirs, g_strdup (root));
  while (dirs->len > 0)
    {
      g_autofree char *dir_path = g_ptr_array_steal_index (dirs, dirs->len - 1);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (dirs, g_steal_pointer (&path));
          else if (g_str_has_suffix (name, ".json"))
            {
              g_autoptr(GFile) file = g_file_new_for_path (path);
              g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
              g_autoptr(GError) error = NULL;
              const char *relative = path + strlen (root) + 1;
              gboolean ok = dm_json_reader_read_file (reader, file, NULL, NULL, NULL, &error);

              if (g_hash_table_contains (invalid, relative))
                {
                  g_autofree char *parse_name = g_file_get_parse_name (file);

                  g_assert_false (ok);
                  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
                  g_assert_true (g_str_has_prefix (error->message, parse_name));
                  n_invalid++;
                }
              else if (!ok)
                g_error ("%s", error->message);
              files++;
            }
        }
    }

  g_assert_cmpuint (files, >=, 20);
  g_assert_cmpuint (n_invalid, ==, g_hash_table_size (invalid));
}

/* Past 4 GiB, positions and counts stay exact: 4.06 GiB of whitespace
 * between two items, read from one 64 MiB buffer repeated, so the test
 * needs no disk and little memory. */
static gboolean
count_item_cb (DmJsonNode *item,
               const char *container,
               guint64     index,
               gpointer    user_data)
{
  (*(guint64 *)user_data)++;
  return TRUE;
}

static void
test_beyond_4_gib (void)
{
  const gsize chunk = 64 * 1024 * 1024;
  const guint repeats = 65;   /* 65 × 64 MiB = 4160 MiB */
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GBytes) spaces = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char head[] = "{\"Findings\": [{\"Id\": 1},";
  const char tail[] = "{\"Id\": 2}, ]";   /* the trailing comma is the error */
  guint64 items = 0;
  guint64 position;

  spaces = g_bytes_new_take (g_malloc (chunk), chunk);
  memset ((char *)g_bytes_get_data (spaces, NULL), ' ', chunk);

  g_memory_input_stream_add_data (G_MEMORY_INPUT_STREAM (stream), head, strlen (head), NULL);
  for (guint i = 0; i < repeats; i++)
    g_memory_input_stream_add_bytes (G_MEMORY_INPUT_STREAM (stream), spaces);
  g_memory_input_stream_add_data (G_MEMORY_INPUT_STREAM (stream), tail, strlen (tail), NULL);

  g_assert_false (dm_json_reader_read_stream (reader, stream, "huge.json", count_item_cb, &items, NULL, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);

  /* Both items arrived; the error names the byte of "]" after the comma. */
  g_assert_cmpuint (items, ==, 2);
  position = strlen (head) + (guint64)repeats * chunk + strlen (tail);
  g_assert_cmpuint (position, >, G_MAXUINT32);
  expected = g_strdup_printf ("huge.json: invalid JSON at byte %" G_GUINT64_FORMAT ":", position);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_cmpuint (dm_json_reader_get_bytes_read (reader), >, G_MAXUINT32);
}

/* Pruned containers are read, checked and dropped: null in their place. */
static void
test_prune (void)
{
  const char *text = "{\"services\": {\"ec2\": {\"regions\": {\"eu-west-1\": {\"a\": [1, {\"b\": 2}]}},"
                     " \"findings\": {\"rule\": {\"flagged_items\": 1}}, \"filters\": {}},"
                     " \"s3\": {\"buckets\": [1, 2, 3], \"findings\": {}}}, \"last_run\": {\"time\": 1}}";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *services, *ec2;

  dm_json_reader_add_prune_path (reader, "services.*.*");
  dm_json_reader_add_keep_path (reader, "services.*.findings");
  g_assert_true (dm_json_reader_read_stream (reader, stream, "scout.json", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  services = json_object_get_object_member (json_node_get_object (document_of (reader)), "services");
  ec2 = json_object_get_object_member (services, "ec2");
  g_assert_true (json_object_get_null_member (ec2, "regions"));
  g_assert_true (json_object_get_null_member (ec2, "filters"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (services, "s3"), "buckets"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (ec2, "findings"), "rule"),
                                               "flagged_items"), ==, 1);
  /* Outside the pattern, nothing is pruned. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (document_of (reader)),
                                                                               "last_run"), "time"), ==, 1);
  g_assert_cmpuint (dm_json_reader_get_n_pruned (reader), ==, 3);
}

/* A pruned subtree still has the depth limit, and still must be JSON. */
static void
test_prune_limits (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) deep = g_string_new ("{\"services\": {\"ec2\": {\"regions\": ");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GInputStream) broken = NULL;
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GError) error = NULL;
  const char *bad = "{\"services\": {\"ec2\": {\"regions\": [1, 2,, 3]}}}";

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (deep, '[');
  stream = g_memory_input_stream_new_from_data (deep->str, deep->len, NULL);
  dm_json_reader_add_prune_path (reader, "services.*.*");
  g_assert_false (dm_json_reader_read_stream (reader, stream, "deep.json", NULL, NULL, NULL, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP);
  g_clear_error (&error);

  broken = g_memory_input_stream_new_from_data (bad, -1, NULL);
  g_assert_false (dm_json_reader_read_stream (reader, broken, "bad.json", NULL, NULL, NULL, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
}

/* What the reader fuzzer found (tests/data/fuzz/fuzz-json-reader-*): each
 * input gives a clear error whose byte position lies inside the input. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_str_has_prefix (name, "fuzz-json-reader-"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      stream = g_memory_input_stream_new_from_data (contents, length, NULL);
      if (!dm_json_reader_read_stream (reader, stream, name, NULL, NULL, NULL, &error) &&
          g_error_matches (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX))
        {
          g_assert_cmpuint (dm_json_reader_get_error_offset (reader), >=, 1);
          g_assert_cmpuint (dm_json_reader_get_error_offset (reader), <=, length);
          g_assert_null (strstr (error->message, "at byte 0:"));
        }
      n++;
    }
  g_assert_cmpuint (n, >=, 1);

  /* A rejected comment is placed on its '/', not before it. */
  {
    const char *inputs[] = { "[1,/]", "{\"a\":/}" };
    const guint64 expected[] = { 4, 6 };

    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (inputs[i], -1, NULL);
        g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
        g_autoptr(GError) error = NULL;

        g_assert_false (dm_json_reader_read_stream (reader, stream, "comment.json", NULL, NULL, NULL, &error));
        g_assert_cmpuint (dm_json_reader_get_error_offset (reader), ==, expected[i]);
      }
  }
}

/* A gzip file (as AWS Config delivers them) is inflated while it is read:
 * the same items as the plain file. A corrupt one is a clear error. */
static void
test_gzip (void)
{
  g_autofree char *plain_path = test_fixture_path ("prowler-ocsf-scan.json");
  g_autofree char *dir = g_dir_make_tmp ("demarc-gz-XXXXXX", NULL);
  g_autofree char *gz_path = g_build_filename (dir, "scan.json.gz", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json.gz", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFile) gz = g_file_new_for_path (gz_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) file_out = NULL;
  g_autoptr(GError) error = NULL;
  guint64 plain_items = 0, gz_items = 0, bad_items = 0;
  gsize length, written;

  g_assert_true (g_file_get_contents (plain_path, &contents, &length, NULL));
  file_out = G_OUTPUT_STREAM (g_file_replace (gz, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  out = g_converter_output_stream_new (file_out, G_CONVERTER (gzip));
  g_assert_true (g_output_stream_write_all (out, contents, length, &written, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(DmJsonReader) reader = dm_json_reader_new ();

    g_assert_true (dm_json_reader_read_file (reader, plain, count_item_cb, &plain_items, NULL, &error));
  }
  {
    g_autoptr(DmJsonReader) reader = dm_json_reader_new ();

    g_assert_true (dm_json_reader_read_file (reader, gz, count_item_cb, &gz_items, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (plain_items, >, 0);
  g_assert_cmpuint (gz_items, ==, plain_items);

  /* The gzip magic, then garbage. */
  g_assert_true (g_file_set_contents (bad_path, "\x1f\x8b\x08\x00garbage, not deflate", -1, NULL));
  {
    g_autoptr(DmJsonReader) reader = dm_json_reader_new ();

    g_assert_false (dm_json_reader_read_file (reader, bad, count_item_cb, &bad_items, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "bad.json.gz"));
  }

  g_unlink (gz_path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

/* --- projections -------------------------------------------------------- */

typedef struct
{
  DmJsonReader *reader;
  GPtrArray    *items;     /* as built */
  GPtrArray    *wholes;    /* dm_json_reader_get_whole_item (), or NULL */
  GArray       *projected; /* gboolean */
  DmJsonProjection *set_after_first;
} Projected;

static void
node_unref_nullable (gpointer node)
{
  if (node)
    json_node_unref (node);
}

static gboolean
collect_projected (DmJsonNode *item,
                   const char *container,
                   guint64     index,
                   gpointer    user_data)
{
  Projected *p = user_data;
  gboolean projected = dm_json_reader_get_item_is_projected (p->reader);
  g_autoptr(DmJsonDoc) whole = dm_json_reader_get_whole_item (p->reader);

  g_ptr_array_add (p->items, dm_json_node_to_glib (item));
  g_ptr_array_add (p->wholes, dm_json_node_to_glib (dm_json_doc_get_root (whole)));
  g_array_append_val (p->projected, projected);
  if (p->set_after_first)
    dm_json_reader_set_projection (p->reader, g_steal_pointer (&p->set_after_first));
  return TRUE;
}

static gboolean
read_projected (const char        *text,
                DmJsonProjection  *projection,
                gboolean           after_first,
                Projected         *p,
                GError           **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);

  p->reader = dm_json_reader_new ();
  p->items = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  p->wholes = g_ptr_array_new_with_free_func (node_unref_nullable);
  p->projected = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (after_first)
    p->set_after_first = projection;
  else
    dm_json_reader_set_projection (p->reader, projection);
  return dm_json_reader_read_stream (p->reader, stream, "input.json", collect_projected, p, NULL, error);
}

static void
projected_clear (Projected *p)
{
  g_clear_object (&p->reader);
  g_clear_pointer (&p->items, g_ptr_array_unref);
  g_clear_pointer (&p->wholes, g_ptr_array_unref);
  g_clear_pointer (&p->projected, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Projected, projected_clear)

static char *
node_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* Only the members named are built; arrays are looked through; the rest
 * is absent, not null. */
static void
test_projection_members (void)
{
  g_autoptr(DmJsonProjection) projection = dm_json_projection_new ();
  g_auto(Projected) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *input =
    "{\"Findings\":[{\"Id\":\"a\",\"Big\":{\"x\":[1,2,{\"y\":null}]},\"Severity\":{\"Label\":\"HIGH\",\"Original\":\"9\"},"
    "\"Resources\":[{\"Id\":\"r1\",\"Details\":{\"d\":1}},\"text\",{\"Type\":\"T\",\"Id\":\"r2\"}],"
    "\"Types\":[\"t1\",[\"t2\"]],\"n\":1.5,\"b\":true,\"z\":null}],\"NextToken\":\"x\"}";

  dm_json_projection_add (projection, "Id");
  dm_json_projection_add (projection, "Severity.Label");
  dm_json_projection_add (projection, "Resources.Id");
  dm_json_projection_add (projection, "Types");
  g_assert_true (read_projected (input, projection, FALSE, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.items->len, ==, 1);
  text = node_text (g_ptr_array_index (p.items, 0));
  g_assert_cmpstr (text, ==,
                   "{\"Id\":\"a\",\"Severity\":{\"Label\":\"HIGH\"},\"Resources\":[{\"Id\":\"r1\"},\"text\",{\"Id\":\"r2\"}],"
                   "\"Types\":[\"t1\",[\"t2\"]]}");
  g_assert_true (g_array_index (p.projected, gboolean, 0));
  /* The document around the items is untouched. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (document_of (p.reader)),
                                                  "NextToken"), ==, "x");
}

/* The whole item, asked for in the item function, is the item read with
 * no projection: also when it spans many of the reader's chunks. */
static void
test_projection_whole_item (void)
{
  g_autoptr(DmJsonProjection) projection = dm_json_projection_new ();
  g_autoptr(GString) input = g_string_new ("[{\"keep\":1,\"small\":\"\\u0000x\"},");
  g_autoptr(DmJsonReader) plain = dm_json_reader_new ();
  g_auto(Collected) c = { 0 };
  g_auto(Projected) p = { 0 };
  g_autoptr(GError) error = NULL;

  /* About 300 KB in one item: its text crosses several 64 KB chunks. */
  g_string_append (input, "{\"keep\":2,\"big\":[");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (input, "%s{\"k%u\":\"value %u\",\"n\":%u}", i ? "," : "", i, i, i);
  g_string_append (input, "]},{\"keep\":3,\"deep\":{\"a\":{\"b\":[true,false,null,1e3]}}}]");

  dm_json_projection_add (projection, "keep");
  g_assert_true (read_projected (input->str, projection, FALSE, &p, &error));
  g_assert_no_error (error);
  collected_init (&c);
  g_assert_true (read_text (plain, input->str, input->len, &c, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (p.items->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *whole = node_text (g_ptr_array_index (p.wholes, i));
      g_autofree char *expected = node_text (g_ptr_array_index (c.items, i));
      g_autofree char *built = node_text (g_ptr_array_index (p.items, i));
      g_autofree char *keep = g_strdup_printf ("{\"keep\":%u}", i + 1);

      g_assert_cmpstr (whole, ==, expected);
      g_assert_cmpstr (built, ==, keep);
    }
}

/* Set from the item function: the items after it are projected, the
 * first is not; items that are no objects never are. */
static void
test_projection_after_first (void)
{
  DmJsonProjection *projection = dm_json_projection_new ();
  g_auto(Projected) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  dm_json_projection_add (projection, "a");
  g_assert_true (read_projected ("[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4},7]", projection, TRUE, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.items->len, ==, 3);
  first = node_text (g_ptr_array_index (p.items, 0));
  second = node_text (g_ptr_array_index (p.items, 1));
  g_assert_cmpstr (first, ==, "{\"a\":1,\"b\":2}");
  g_assert_cmpstr (second, ==, "{\"a\":3}");
  g_assert_false (g_array_index (p.projected, gboolean, 0));
  g_assert_true (g_array_index (p.projected, gboolean, 1));
  g_assert_false (g_array_index (p.projected, gboolean, 2));
  g_assert_null (g_ptr_array_index (p.wholes, 0));
  dm_json_projection_free (projection);
}

/* What is left out is still parsed: a syntax error or too deep a nesting
 * in it fails the read as it would without a projection. */
static void
test_projection_still_checked (void)
{
  g_autoptr(DmJsonProjection) projection = dm_json_projection_new ();
  g_autoptr(GString) deep = g_string_new ("[{\"a\":1,\"skip\":");
  g_autoptr(GError) error = NULL;

  dm_json_projection_add (projection, "a");
  {
    g_auto(Projected) p = { 0 };

    g_assert_false (read_projected ("[{\"a\":1,\"skip\":{\"x\":[1,}}]", projection, FALSE, &p, &error));
    g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
    g_clear_error (&error);
  }
  for (guint i = 0; i < DM_JSON_READER_DEFAULT_MAX_DEPTH + 10; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < DM_JSON_READER_DEFAULT_MAX_DEPTH + 10; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}]");
  {
    g_auto(Projected) p = { 0 };

    g_assert_false (read_projected (deep->str, projection, FALSE, &p, &error));
    g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP);
  }
}

/* --- the nodes the reader builds ---------------------------------------- */

static DmJsonDoc *
doc_of (const char *text)
{
  g_autoptr(GError) error = NULL;
  DmJsonDoc *doc = dm_json_doc_new_from_text (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Of two members with one name the later counts, as in json-glib, and
 * the names are listed once: in small objects and in indexed ones. */
static void
test_node_members (void)
{
  for (guint n = 3; n <= 3 + 2 * DM_JSON_INDEXED_MEMBERS; n += 2 * DM_JSON_INDEXED_MEMBERS)
    {
      g_autoptr(GString) text = g_string_new ("{\"dup\": 1");
      g_autoptr(DmJsonDoc) doc = NULL;
      g_autoptr(GList) names = NULL;
      DmJsonObject *o;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, ", \"m%u\": %u", i, i * 10);
      g_string_append (text, ", \"dup\": 2}");
      doc = doc_of (text->str);
      o = dm_json_node_get_object (dm_json_doc_get_root (doc));

      g_assert_cmpint (dm_json_node_get_int (dm_json_object_get_member (o, "dup")), ==, 2);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("m%u", i);

          g_assert_cmpint (dm_json_node_get_int (dm_json_object_get_member (o, name)), ==, i * 10);
        }
      g_assert_null (dm_json_object_get_member (o, "m"));
      g_assert_null (dm_json_object_get_member (o, "dupe"));
      g_assert_false (dm_json_object_has_member (o, ""));
      g_assert_cmpuint (dm_json_object_get_size (o), ==, n + 1);
      names = dm_json_object_get_members (o);
      g_assert_cmpuint (g_list_length (names), ==, n + 1);
      g_assert_cmpuint (g_list_length (g_list_find_custom (names, "dup", (GCompareFunc)g_strcmp0)), ==, 1);
    }
}

/* A hostile object of many members: every one is found, by its index. */
static void
test_node_many_members (void)
{
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(DmJsonDoc) doc = NULL;
  DmJsonObject *o;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s\"k%u\": \"v%u\"", i ? ", " : "", i, i);
  g_string_append (text, "}");
  doc = doc_of (text->str);
  o = dm_json_node_get_object (dm_json_doc_get_root (doc));

  g_assert_cmpuint (dm_json_object_get_size (o), ==, 20000);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *name = g_strdup_printf ("k%u", i);
      g_autofree char *value = g_strdup_printf ("v%u", i);

      g_assert_cmpstr (dm_json_node_get_string (dm_json_object_get_member (o, name)), ==, value);
    }
  g_assert_null (dm_json_object_get_member (o, "k20000"));
}

/* Values read as json-glib reads them. */
static void
test_node_values (void)
{
  g_autoptr(DmJsonDoc) doc = doc_of ("{\"i\": -7, \"d\": 2.5, \"t\": true, \"f\": false, \"n\": null,"
                                     " \"s\": \"caf\\u00e9\", \"a\": [1, \"x\"], \"o\": {}}");
  DmJsonObject *o = dm_json_node_get_object (dm_json_doc_get_root (doc));
  DmJsonArray *a = dm_json_object_get_array_member (o, "a");

  g_assert_cmpint (dm_json_node_get_value_type (dm_json_object_get_member (o, "i")), ==, G_TYPE_INT64);
  g_assert_cmpint (dm_json_node_get_value_type (dm_json_object_get_member (o, "d")), ==, G_TYPE_DOUBLE);
  g_assert_cmpint (dm_json_node_get_value_type (dm_json_object_get_member (o, "t")), ==, G_TYPE_BOOLEAN);
  g_assert_cmpint (dm_json_node_get_value_type (dm_json_object_get_member (o, "s")), ==, G_TYPE_STRING);
  g_assert_cmpint (dm_json_node_get_value_type (dm_json_object_get_member (o, "n")), ==, G_TYPE_INVALID);
  g_assert_true (DM_JSON_NODE_HOLDS_NULL (dm_json_object_get_member (o, "n")));
  g_assert_false (DM_JSON_NODE_HOLDS_VALUE (dm_json_object_get_member (o, "n")));
  g_assert_false (DM_JSON_NODE_HOLDS_OBJECT (NULL));

  g_assert_cmpint (dm_json_node_get_int (dm_json_object_get_member (o, "d")), ==, 2);
  g_assert_cmpfloat (dm_json_node_get_double (dm_json_object_get_member (o, "i")), ==, -7.0);
  g_assert_true (dm_json_node_get_boolean (dm_json_object_get_member (o, "i")));
  g_assert_false (dm_json_node_get_boolean (dm_json_object_get_member (o, "f")));
  g_assert_cmpstr (dm_json_node_get_string (dm_json_object_get_member (o, "s")), ==, "caf\xC3\xA9");
  g_assert_cmpuint (dm_json_object_get_member (o, "s")->length, ==, 5);
  g_assert_null (dm_json_node_get_string (dm_json_object_get_member (o, "i")));
  g_assert_null (dm_json_node_get_object (dm_json_object_get_member (o, "a")));
  g_assert_null (dm_json_object_get_array_member (o, "o"));
  g_assert_cmpuint (dm_json_object_get_size (dm_json_node_get_object (dm_json_object_get_member (o, "o"))), ==, 0);

  g_assert_cmpuint (dm_json_array_get_length (a), ==, 2);
  g_assert_null (dm_json_array_get_string_element (a, 0));
  g_assert_cmpstr (dm_json_array_get_string_element (a, 1), ==, "x");
  g_assert_null (dm_json_array_get_element (a, 2));
  g_assert_null (dm_json_array_get_object_element (a, 1));
}

/* As text, the nodes say what json-glib says of the same document. */
static void
test_node_text (void)
{
  static const char text[] = "{\"b\": [1, -2, true, null, \"q\\\"\\\\\\n\\t\\u0001<>\"], \"a\": {\"x\": {}}, \"e\": []}";
  g_autoptr(DmJsonDoc) doc = doc_of (text);
  g_autoptr(JsonNode) glib = json_from_string (text, NULL);
  g_autoptr(JsonNode) converted = dm_json_node_to_glib (dm_json_doc_get_root (doc));
  g_autofree char *ours = dm_json_to_string (dm_json_doc_get_root (doc));
  g_autofree char *theirs = json_to_string (glib, FALSE);

  g_assert_cmpstr (ours, ==, theirs);
  g_assert_true (json_node_equal (glib, converted));
}

/* A copy outlives the item it was made of; pages join their lists. */
static void
test_node_copy_and_join (void)
{
  g_autoptr(DmJsonDoc) page1 = doc_of ("{\"Items\": [{\"id\": 1}, {\"id\": 2}], \"Other\": [\"a\"], \"NextToken\": \"t\"}");
  g_autoptr(DmJsonDoc) page2 = doc_of ("{\"Items\": [{\"id\": 3}], \"Other\": []}");
  g_autoptr(DmJsonDoc) copy = dm_json_doc_new_copy (dm_json_doc_get_root (page2));
  DmJsonDoc *pages[2];
  g_autoptr(DmJsonDoc) joined = NULL;
  g_autofree char *text = NULL;

  pages[0] = page1;
  pages[1] = copy;
  g_clear_pointer (&page2, dm_json_doc_unref);
  joined = dm_json_doc_new_joined (pages, 2);
  g_clear_pointer (&copy, dm_json_doc_unref);
  g_clear_pointer (&page1, dm_json_doc_unref);

  text = dm_json_to_string (dm_json_doc_get_root (joined));
  g_assert_cmpstr (text, ==, "{\"Items\":[{\"id\":1},{\"id\":2},{\"id\":3}],\"Other\":[\"a\"],\"NextToken\":\"t\"}");
}

/* Items are handed over one by one and dropped; one kept by copy keeps
 * its values after the reader went on. */
static gboolean
keep_second (DmJsonNode *item,
             const char *container,
             guint64     index,
             gpointer    user_data)
{
  DmJsonDoc **kept = user_data;

  if (index == 1)
    *kept = dm_json_doc_new_copy (item);
  return TRUE;
}

static void
test_node_items_dropped (void)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GString) text = g_string_new ("{\"Findings\": [");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(DmJsonDoc) kept = NULL;
  g_autoptr(GError) error = NULL;
  DmJsonObject *doc;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%s{\"Id\": \"finding-%u\", \"Padding\": \"%0500u\"}", i ? "," : "", i, i);
  g_string_append (text, "], \"After\": \"kept\"}");
  stream = g_memory_input_stream_new_from_data (text->str, text->len, NULL);
  g_assert_true (dm_json_reader_read_stream (reader, stream, "input.json", keep_second, &kept, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (dm_json_reader_get_n_items (reader), ==, 3000);
  g_assert_cmpstr (dm_json_node_get_string (dm_json_object_get_member (dm_json_node_get_object (dm_json_doc_get_root (kept)), "Id")),
                   ==, "finding-1");
  doc = dm_json_node_get_object (dm_json_reader_get_document (reader));
  g_assert_cmpstr (dm_json_node_get_string (dm_json_object_get_member (doc, "After")), ==, "kept");
  g_assert_cmpuint (dm_json_array_get_length (dm_json_object_get_array_member (doc, "Findings")), ==, 0);
}

/* --- reading ahead ------------------------------------------------------ */

typedef struct
{
  DmJsonReader     *reader;
  DmJsonProjection *projection;  /* set with read-ahead after the first */
  GThread          *first_thread;
  guint             n;
  guint             n_elsewhere;   /* items handed over on another thread */
  guint             n_wholes;
  guint64           next_index;
  guint             stop_at;
  gint              inside;
  gboolean          overlapped;
  gboolean          wrong;
  GArray           *seen;          /* progress: bytes read */
} Ahead;

static gboolean
ahead_cb (DmJsonNode *item,
          const char *container,
          guint64     index,
          gpointer    user_data)
{
  Ahead *a = user_data;
  DmJsonObject *o = dm_json_node_get_object (item);
  g_autofree char *id = g_strdup_printf ("f-%" G_GUINT64_FORMAT, index);

  if (!g_atomic_int_compare_and_exchange (&a->inside, 0, 1))
    a->overlapped = TRUE;
  if (index == 0)
    {
      a->first_thread = g_thread_self ();
      if (a->projection)
        dm_json_reader_set_projection (a->reader, a->projection);
      dm_json_reader_set_read_ahead (a->reader, TRUE);
    }
  else if (g_thread_self () != a->first_thread)
    a->n_elsewhere++;

  if (index != a->next_index || g_strcmp0 (container, "Findings") != 0 ||
      g_strcmp0 (dm_json_node_get_string (dm_json_object_get_member (o, "Id")), id) != 0 ||
      dm_json_node_get_int (dm_json_array_get_element (dm_json_object_get_array_member (
                              dm_json_node_get_object (dm_json_object_get_member (o, "Nested")), "n"), 0)) != (gint64)index)
    a->wrong = TRUE;
  /* Projected after the first: Pad is left out, and the whole item has it. */
  if (a->projection && index > 0)
    {
      if (dm_json_object_has_member (o, "Pad") || !dm_json_reader_get_item_is_projected (a->reader))
        a->wrong = TRUE;
      if (index % 97 == 0)
        {
          g_autoptr(DmJsonDoc) whole = dm_json_reader_get_whole_item (a->reader);
          g_autofree char *pad = g_strdup_printf ("pad %" G_GUINT64_FORMAT, index);
          DmJsonObject *w = whole ? dm_json_node_get_object (dm_json_doc_get_root (whole)) : NULL;

          if (w == NULL || g_strcmp0 (dm_json_node_get_string (dm_json_object_get_member (w, "Pad")), pad) != 0)
            a->wrong = TRUE;
          a->n_wholes++;
        }
    }
  a->next_index = index + 1;
  a->n++;
  g_atomic_int_set (&a->inside, 0);
  return a->stop_at == 0 || a->n < a->stop_at;
}

static GString *
ahead_text (guint n)
{
  GString *text = g_string_new ("{\"Head\": 1, \"Findings\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"Id\": \"f-%u\", \"Pad\": \"pad %u\", \"Nested\": {\"n\": [%u, \"x\"]}}",
                            i ? "," : "", i, i, i);
  g_string_append (text, "], \"Tail\": {\"k\": \"v\"}}");
  return text;
}

static gboolean
read_ahead (Ahead       *a,
            const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);

  a->reader = dm_json_reader_new ();
  if (a->seen)
    dm_json_reader_set_progress (a->reader, progress_cb, a->seen);
  return dm_json_reader_read_stream (a->reader, stream, "input.json", ahead_cb, a, NULL, error);
}

/* Built ahead, the items still come one at a time, in order, whole and
 * right, on the reader's thread and then another; the document keeps
 * what follows the array. */
static void
test_read_ahead_order (void)
{
  g_autoptr(GString) text = ahead_text (20000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *document = NULL;
  Ahead a = { 0 };

  a.seen = seen;
  g_assert_true (read_ahead (&a, text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (a.n, ==, 20000);
  g_assert_cmpuint (dm_json_reader_get_n_items (a.reader), ==, 20000);
  g_assert_false (a.wrong);
  g_assert_false (a.overlapped);
  g_assert_cmpuint (a.n_elsewhere, >, 0);
  document = dm_json_to_string (dm_json_reader_get_document (a.reader));
  g_assert_cmpstr (document, ==, "{\"Head\":1,\"Findings\":[],\"Tail\":{\"k\":\"v\"}}");
  /* Progress, from either thread, only moves forward. */
  g_assert_cmpuint (seen->len, >, 10);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint64, i), >=, g_array_index (seen, guint64, i - 1));
  g_assert_cmpuint (g_array_index (seen, guint64, seen->len - 1), <=, text->len);
  g_object_unref (a.reader);
}

/* Too few items for a batch to fill: all handed over on the reader's
 * thread, progress reported as without read-ahead (this once crashed,
 * the last report asking a pipe already gone). */
static void
test_read_ahead_few (void)
{
  g_autoptr(GString) text = ahead_text (10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint64));
  Ahead a = { 0 };

  a.seen = seen;
  g_assert_true (read_ahead (&a, text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (a.n, ==, 10);
  g_assert_cmpuint (a.n_elsewhere, ==, 0);
  g_assert_false (a.wrong);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, guint64, 0), ==, text->len);
  g_object_unref (a.reader);
}

static void
test_read_ahead_projected (void)
{
  g_autoptr(GString) text = ahead_text (5000);
  g_autoptr(DmJsonProjection) projection = dm_json_projection_new ();
  g_autoptr(GError) error = NULL;
  Ahead a = { 0 };

  dm_json_projection_add (projection, "Id");
  dm_json_projection_add (projection, "Nested");
  a.projection = projection;
  g_assert_true (read_ahead (&a, text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (a.n, ==, 5000);
  g_assert_cmpuint (a.n_wholes, ==, 5000 / 97);
  g_assert_false (a.wrong);
  g_object_unref (a.reader);
}

/* Told to stop, nothing after the item that said so reaches the
 * function, however far the reader had gone. */
static void
test_read_ahead_stop (void)
{
  g_autoptr(GString) text = ahead_text (20000);
  g_autoptr(GError) error = NULL;
  Ahead a = { 0 };

  a.stop_at = 5000;
  g_assert_false (read_ahead (&a, text->str, text->len, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_STOPPED);
  g_assert_nonnull (strstr (error->message, "after item 5000"));
  g_assert_cmpuint (a.n, ==, 5000);
  g_assert_false (a.wrong);
  g_object_unref (a.reader);
}

/* A fault after many items: every item before it is handed over, then
 * the error. */
static void
test_read_ahead_fault (void)
{
  g_autoptr(GString) text = ahead_text (10000);
  g_autoptr(GError) error = NULL;
  Ahead a = { 0 };

  g_string_truncate (text, text->len - strlen ("], \"Tail\": {\"k\": \"v\"}}"));
  g_string_append (text, ", {\"Id\": nope}]}");
  g_assert_false (read_ahead (&a, text->str, text->len, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
  g_assert_cmpuint (a.n, ==, 10000);
  g_assert_false (a.wrong);
  g_object_unref (a.reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/findings", test_findings);
  g_test_add_func ("/json-reader/containers", test_containers);
  g_test_add_func ("/json-reader/ndjson", test_ndjson);
  g_test_add_func ("/json-reader/ndjson-order", test_ndjson_order);
  g_test_add_func ("/json-reader/prefix-and-bom", test_prefix_and_bom);
  g_test_add_func ("/json-reader/values", test_values);
  g_test_add_func ("/json-reader/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json-reader/large-items-and-progress", test_large_items_and_progress);
  g_test_add_func ("/json-reader/stop", test_stop);
  g_test_add_func ("/json-reader/beyond-4-gib", test_beyond_4_gib);
  g_test_add_func ("/json-reader/prune", test_prune);
  g_test_add_func ("/json-reader/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/json-reader/prune-limits", test_prune_limits);
  g_test_add_func ("/json-reader/cancel", test_cancel);
  g_test_add_func ("/json-reader/max-depth", test_max_depth);
  g_test_add_func ("/json-reader/error/empty", test_error_empty);
  g_test_add_func ("/json-reader/error/truncated", test_error_truncated);
  g_test_add_func ("/json-reader/error/malformed", test_error_malformed);
  g_test_add_func ("/json-reader/error/encoding", test_error_encoding);
  g_test_add_func ("/json-reader/error/deep", test_error_deep);
  g_test_add_func ("/json-reader/error/missing-file", test_missing_file);
  g_test_add_func ("/json-reader/shared-samples", test_shared_samples);
  g_test_add_func ("/json-reader/gzip", test_gzip);
  g_test_add_func ("/json-reader/projection/members", test_projection_members);
  g_test_add_func ("/json-reader/projection/whole-item", test_projection_whole_item);
  g_test_add_func ("/json-reader/projection/after-first", test_projection_after_first);
  g_test_add_func ("/json-reader/projection/still-checked", test_projection_still_checked);
  g_test_add_func ("/json-reader/read-ahead/order", test_read_ahead_order);
  g_test_add_func ("/json-reader/read-ahead/few", test_read_ahead_few);
  g_test_add_func ("/json-reader/read-ahead/projected", test_read_ahead_projected);
  g_test_add_func ("/json-reader/read-ahead/stop", test_read_ahead_stop);
  g_test_add_func ("/json-reader/read-ahead/fault", test_read_ahead_fault);
  g_test_add_func ("/json-node/members", test_node_members);
  g_test_add_func ("/json-node/many-members", test_node_many_members);
  g_test_add_func ("/json-node/values", test_node_values);
  g_test_add_func ("/json-node/text", test_node_text);
  g_test_add_func ("/json-node/copy-and-join", test_node_copy_and_join);
  g_test_add_func ("/json-node/items-dropped", test_node_items_dropped);

  return g_test_run ();
}
