/* test-outputs.c: demarc-check --format csv, junit and sarif, read back by
 * the tools CI uses (Python's csv, xmllint against the Jenkins JUnit XSD,
 * jsonschema against the SARIF 2.1.0 schema) and compared with the
 * assessment --format json gives for the same exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "dm-catalogue.h"
#include "dm-output.h"
#include "dm-report.h"

#define PROWLER_SAMPLE "samples/prowler/prowler_example_output_aws.ocsf.json"

/* The exports each format is checked on, relative to tests/. */
static const char * const input_sets[][4] = {
  { "data/asff-mixed.json", NULL },
  { "data/prowler-ocsf-scan.json", NULL },
  { "data/hostile-names.json", NULL },
  { "data/outputs-hostile.json", NULL },
  { "data/asff-mixed.json", "data/prowler-ocsf-scan.json", "data/hostile-names.json", NULL },
};

static const char * const csv_header[] = {
  "status", "severity", "service", "layer", "check", "controls", "tool", "account", "region",
  "resource", "resource_type", "title", "evidence", "remediation", "source_file", "item", "id",
};

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
spawn (Run                *run,
       const char         *cwd,
       const char * const *argv)
{
  g_autoptr(GError) error = NULL;

  memset (run, 0, sizeof *run);
  g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err, &run->status,
                &error);
  g_assert_no_error (error);
}

static int
exit_code (const Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

/* demarc-check --format FORMAT INPUTS… in @cwd. */
static void
run_format (Run                *run,
            const char         *cwd,
            const char         *format,
            const char * const *inputs)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *)DEMARC_CHECK);
  g_ptr_array_add (argv, (char *)"--format");
  g_ptr_array_add (argv, (char *)format);
  for (guint i = 0; inputs[i]; i++)
    g_ptr_array_add (argv, (char *)inputs[i]);
  g_ptr_array_add (argv, NULL);
  spawn (run, cwd, (const char * const *)argv->pdata);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
write_temp (const char *text,
            const char *template)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* Whether python3 can import @module; asked once per module, as Python
 * takes a while to start. */
static gboolean
have_python (const char *module)
{
  static GHashTable *known;
  g_autofree char *import = g_strdup_printf ("import %s", module);
  const char *argv[] = { "python3", "-c", import, NULL };
  gpointer answer;
  Run run;
  gboolean ok;

  if (!have_program ("python3"))
    return FALSE;
  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (known, module, NULL, &answer))
    return GPOINTER_TO_INT (answer);
  spawn (&run, NULL, argv);
  ok = exit_code (&run) == 0;
  run_clear (&run);
  g_hash_table_insert (known, g_strdup (module), GINT_TO_POINTER (ok));
  return ok;
}

/* Runs a script that needs only Python's own library (-S: no site
 * packages) on @path; its standard output is JSON. */
static JsonNode *
python_json (const char *script,
             const char *path)
{
  const char *argv[] = { "python3", "-S", "-c", script, path, NULL };
  g_auto(Run) run;

  spawn (&run, NULL, argv);
  if (exit_code (&run) != 0)
    g_error ("python3 failed: %s", run.err);
  return parse_json (run.out);
}

static const char *
tests_dir (void)
{
  return g_test_get_dir (G_TEST_DIST);
}

/* What --format json says of the same exports: the reference. */
typedef struct
{
  JsonNode   *root;
  JsonArray  *findings;
  JsonArray  *services;
  JsonObject *summary;
  int         exit_code;
} Reference;

static void
reference_clear (Reference *ref)
{
  g_clear_pointer (&ref->root, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reference, reference_clear)

static void
reference_load (Reference          *ref,
                const char         *cwd,
                const char * const *inputs)
{
  g_auto(Run) run;
  JsonObject *object;

  run_format (&run, cwd, "json", inputs);
  ref->exit_code = exit_code (&run);
  g_assert_cmpint (ref->exit_code, <=, 1);
  ref->root = parse_json (run.out);
  object = json_node_get_object (ref->root);
  ref->findings = json_object_get_array_member (object, "findings");
  ref->services = json_object_get_array_member (object, "services");
  ref->summary = json_object_get_object_member (object, "summary");
}

static const char *
member_or_empty (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : "";
}

static GHashTable *
layer_names (void)
{
  const char *argv[] = { DEMARC_CHECK, "--list-layers", "--format", "json", NULL };
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run;
  JsonArray *layers;

  spawn (&run, NULL, argv);
  g_assert_cmpint (exit_code (&run), ==, 0);
  root = parse_json (run.out);
  layers = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (layers); i++)
    {
      JsonObject *layer = json_array_get_object_element (layers, i);
      g_hash_table_insert (names, g_strdup (json_object_get_string_member (layer, "id")),
                           g_strdup (json_object_get_string_member (layer, "name")));
    }
  return names;
}

static gboolean
is_customer_layer (JsonObject *layer)
{
  const char *owner = json_object_get_string_member (layer, "owner");

  return g_str_equal (owner, "customer") || g_str_equal (owner, "shared");
}

/* ---- CSV ---- */

static const char csv_script[] =
  "import csv, json, sys\n"
  "with open(sys.argv[1], newline='', encoding='utf-8', errors='strict') as f:\n"
  "    print(json.dumps(list(csv.reader(f, strict=True))))\n";

/* What a cell from an export must read as: clean text, and a leading
 * formula character disarmed. */
static char *
expected_cell (const char *text)
{
  g_autofree char *clean = dm_output_clean_text (text);

  if (clean[0] && strchr ("=+-@\t\r", clean[0]))
    return g_strconcat ("'", clean, NULL);
  return g_steal_pointer (&clean);
}

static char *
joined_controls (JsonObject *finding)
{
  JsonArray *controls = json_object_get_array_member (finding, "controls");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint c = 0; c < json_array_get_length (controls); c++)
    g_ptr_array_add (parts, (char *)json_array_get_string_element (controls, c));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (";", (char **)parts->pdata);
}

static JsonNode *
csv_rows (const char         *cwd,
          const char * const *inputs,
          Reference          *ref)
{
  g_auto(Run) run;
  g_autofree char *path = NULL;
  JsonNode *rows;

  reference_load (ref, cwd, inputs);
  run_format (&run, cwd, "csv", inputs);
  /* The same exit status as any other format: --fail-on still holds. */
  g_assert_cmpint (exit_code (&run), ==, ref->exit_code);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_false (g_str_has_prefix (run.out, "\xef\xbb\xbf"));  /* no BOM */
  g_assert_true (g_str_has_suffix (run.out, "\r\n"));

  path = write_temp (run.out, "demarc-XXXXXX.csv");
  rows = python_json (csv_script, path);
  g_unlink (path);
  return rows;
}

static void
check_csv (const char         *cwd,
           const char * const *inputs)
{
  g_auto(Reference) ref = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows, *header;
  guint n, by_status[4] = { 0 };
  const char *statuses[] = { "failed", "passed", "informational", "suppressed" };

  root = csv_rows (cwd, inputs, &ref);
  rows = json_node_get_array (root);
  n = json_array_get_length (ref.findings);

  /* A header, then one row per finding, every status. */
  g_assert_cmpuint (json_array_get_length (rows), ==, n + 1);
  header = json_array_get_array_element (rows, 0);
  g_assert_cmpuint (json_array_get_length (header), ==, G_N_ELEMENTS (csv_header));
  for (guint c = 0; c < G_N_ELEMENTS (csv_header); c++)
    g_assert_cmpstr (json_array_get_string_element (header, c), ==, csv_header[c]);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *finding = json_array_get_object_element (ref.findings, i);
      JsonArray *row = json_array_get_array_element (rows, i + 1);
      g_autofree char *controls = joined_controls (finding);
      g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               json_object_get_int_member (finding, "source_item"));
      const char *expected[] = {
        member_or_empty (finding, "status"), member_or_empty (finding, "severity"),
        member_or_empty (finding, "service"), member_or_empty (finding, "layer"),
        member_or_empty (finding, "check"), controls, member_or_empty (finding, "tool"),
        member_or_empty (finding, "account"), member_or_empty (finding, "region"),
        member_or_empty (finding, "resource"), member_or_empty (finding, "resource_type"),
        member_or_empty (finding, "title"), member_or_empty (finding, "evidence"),
        member_or_empty (finding, "remediation"), member_or_empty (finding, "source"), item,
        member_or_empty (finding, "id"),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (expected) == G_N_ELEMENTS (csv_header));
      g_assert_cmpuint (json_array_get_length (row), ==, G_N_ELEMENTS (csv_header));
      for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
        {
          g_autofree char *cell = expected_cell (expected[c]);
          g_assert_cmpstr (json_array_get_string_element (row, c), ==, cell);
        }
      for (guint st = 0; st < G_N_ELEMENTS (statuses); st++)
        by_status[st] += g_str_equal (expected[0], statuses[st]);
    }

  for (guint st = 0; st < G_N_ELEMENTS (statuses); st++)
    g_assert_cmpuint (by_status[st], ==, json_object_get_int_member (ref.summary, statuses[st]));
}

static void
test_csv (gconstpointer data)
{
  if (!have_python ("csv"))
    {
      g_test_skip ("python3 is not installed: nothing to read the CSV back with");
      return;
    }
  check_csv (tests_dir (), data);
}

/* ---- JUnit ---- */

static const char junit_script[] =
  "import json, sys, xml.etree.ElementTree as ET\n"
  "root = ET.parse(sys.argv[1]).getroot()\n"
  "suites = []\n"
  "for s in root.findall('testsuite'):\n"
  "    cases = []\n"
  "    for c in s.findall('testcase'):\n"
  "        f, k = c.find('failure'), c.find('skipped')\n"
  "        r = f if f is not None else k\n"
  "        cases.append({'classname': c.get('classname'), 'name': c.get('name'),\n"
  "                      'result': 'failure' if f is not None else 'skipped' if k is not None else 'ok',\n"
  "                      'message': r.get('message') if r is not None else None,\n"
  "                      'text': f.text if f is not None else None})\n"
  "    suites.append({'attrib': s.attrib, 'cases': cases})\n"
  "print(json.dumps({'tag': root.tag, 'attrib': root.attrib, 'suites': suites}))\n";

static guint
attribute_uint (JsonObject *attrib,
                const char *name)
{
  const char *text = json_object_get_string_member (attrib, name);
  guint64 value;

  g_assert_true (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL));
  return (guint)value;
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)); p += strlen (needle))
    n++;
  return n;
}

static gboolean
layer_is_gap (Reference  *ref,
              const char *service,
              const char *layer)
{
  for (guint s = 0; s < json_array_get_length (ref->services); s++)
    {
      JsonObject *object = json_array_get_object_element (ref->services, s);
      JsonArray *layers = json_object_get_array_member (object, "layers");

      if (!g_str_equal (json_object_get_string_member (object, "id"), service))
        continue;
      for (guint l = 0; l < json_array_get_length (layers); l++)
        {
          JsonObject *result = json_array_get_object_element (layers, l);

          if (g_str_equal (json_object_get_string_member (result, "id"), layer))
            return g_str_equal (json_object_get_string_member (result, "status"), "gap");
        }
    }
  return FALSE;
}

static char *
junit_output (const char         *cwd,
              const char * const *inputs)
{
  g_auto(Run) run;

  run_format (&run, cwd, "junit", inputs);
  g_assert_cmpint (exit_code (&run), <=, 1);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  return g_steal_pointer (&run.out);
}

static void
check_junit_schema (const char         *cwd,
                    const char * const *inputs)
{
  g_autofree char *xml = junit_output (cwd, inputs);
  g_autofree char *path = write_temp (xml, "demarc-XXXXXX.xml");
  g_autofree char *xsd = test_fixture_path ("junit-10.xsd");
  const char *argv[] = { "xmllint", "--noout", "--schema", xsd, path, NULL };
  g_auto(Run) run;

  spawn (&run, NULL, argv);
  if (exit_code (&run) != 0)
    g_error ("the JUnit output does not validate: %s\n%s", run.err, xml);
  g_unlink (path);
}

static void
test_junit_schema (gconstpointer data)
{
  if (!have_program ("xmllint"))
    {
      g_test_skip ("xmllint is not installed (Debian: libxml2-utils)");
      return;
    }
  check_junit_schema (tests_dir (), data);
}

static JsonNode *
junit_parsed (const char         *cwd,
              const char * const *inputs)
{
  g_autofree char *xml = junit_output (cwd, inputs);
  g_autofree char *path = write_temp (xml, "demarc-XXXXXX.xml");
  JsonNode *root = python_json (junit_script, path);

  g_unlink (path);
  return root;
}

static void
check_junit (const char         *cwd,
             const char * const *inputs)
{
  g_auto(Reference) ref = { 0 };
  g_autoptr(GHashTable) names = layer_names ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *doc;
  JsonArray *suites;
  guint total_tests = 0, total_failures = 0, unplaced = 0, s;

  reference_load (&ref, cwd, inputs);
  root = junit_parsed (cwd, inputs);
  doc = json_node_get_object (root);
  suites = json_object_get_array_member (doc, "suites");
  g_assert_cmpstr (json_object_get_string_member (doc, "tag"), ==, "testsuites");

  /* One suite per service of the assessment, in its order. */
  g_assert_cmpuint (json_array_get_length (suites), >=, json_array_get_length (ref.services));
  for (s = 0; s < json_array_get_length (ref.services); s++)
    {
      JsonObject *service = json_array_get_object_element (ref.services, s);
      JsonArray *layers = json_object_get_array_member (service, "layers");
      JsonObject *suite = json_array_get_object_element (suites, s);
      JsonObject *attrib = json_object_get_object_member (suite, "attrib");
      JsonArray *cases = json_object_get_array_member (suite, "cases");
      guint c = 0, failures = 0, skipped = 0;

      g_assert_cmpstr (json_object_get_string_member (attrib, "name"), ==,
                       json_object_get_string_member (service, "name"));
      g_assert_cmpstr (json_object_get_string_member (attrib, "id"), ==,
                       json_object_get_string_member (service, "id"));

      /* A case per customer or shared layer: gap fails, no data skips, ok passes. */
      for (guint l = 0; l < json_array_get_length (layers); l++)
        {
          JsonObject *layer = json_array_get_object_element (layers, l);
          const char *status = json_object_get_string_member (layer, "status");
          JsonObject *testcase;
          const char *result;

          if (!is_customer_layer (layer))
            continue;
          g_assert_cmpuint (c, <, json_array_get_length (cases));
          testcase = json_array_get_object_element (cases, c++);
          result = json_object_get_string_member (testcase, "result");
          g_assert_cmpstr (json_object_get_string_member (testcase, "classname"), ==,
                           json_object_get_string_member (service, "id"));
          g_assert_cmpstr (json_object_get_string_member (testcase, "name"), ==,
                           g_hash_table_lookup (names, json_object_get_string_member (layer, "id")));

          if (g_str_equal (status, "gap"))
            {
              gint64 failed = json_object_get_int_member (layer, "failed");
              g_autofree char *message = g_strdup_printf ("%" G_GINT64_FORMAT " failed finding%s, worst %s", failed,
                                                          failed == 1 ? "" : "s",
                                                          json_object_get_string_member (layer, "worst_severity"));
              const char *text = json_object_get_string_member (testcase, "text");

              g_assert_cmpstr (result, ==, "failure");
              g_assert_cmpstr (json_object_get_string_member (testcase, "message"), ==, message);
              /* The text lists every failed finding of the layer. */
              g_assert_cmpuint (count_substrings (text, "\n  reported by: "), ==, failed);
              for (guint i = 0; i < json_array_get_length (ref.findings); i++)
                {
                  JsonObject *finding = json_array_get_object_element (ref.findings, i);
                  g_autofree char *title = NULL;

                  if (!g_str_equal (member_or_empty (finding, "status"), "failed") ||
                      g_strcmp0 (member_or_empty (finding, "service"), json_object_get_string_member (service, "id")) ||
                      g_strcmp0 (member_or_empty (finding, "layer"), json_object_get_string_member (layer, "id")))
                    continue;
                  title = dm_output_clean_text (member_or_empty (finding, "title"));
                  g_assert_nonnull (strstr (text, title));
                }
              failures++;
            }
          else if (g_str_equal (status, "no-data"))
            {
              g_assert_cmpstr (result, ==, "skipped");
              g_assert_nonnull (json_object_get_string_member (testcase, "message"));
              skipped++;
            }
          else
            {
              g_assert_cmpstr (status, ==, "ok");
              g_assert_cmpstr (result, ==, "ok");
            }
        }

      /* Counts that add up. */
      g_assert_cmpuint (c, ==, json_array_get_length (cases));
      g_assert_cmpuint (attribute_uint (attrib, "tests"), ==, c);
      g_assert_cmpuint (attribute_uint (attrib, "failures"), ==, failures);
      g_assert_cmpuint (attribute_uint (attrib, "skipped"), ==, skipped);
      g_assert_cmpuint (attribute_uint (attrib, "errors"), ==, 0);
      total_tests += c;
      total_failures += failures;
    }

  /* Failed findings on no gap layer fail one more case, never vanish. */
  for (guint i = 0; i < json_array_get_length (ref.findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (ref.findings, i);

      if (g_str_equal (member_or_empty (finding, "status"), "failed") &&
          !layer_is_gap (&ref, member_or_empty (finding, "service"), member_or_empty (finding, "layer")))
        unplaced++;
    }
  if (unplaced)
    {
      JsonObject *suite = json_array_get_object_element (suites, s);
      JsonArray *cases = json_object_get_array_member (suite, "cases");
      JsonObject *testcase = json_array_get_object_element (cases, 0);
      g_autofree char *prefix = g_strdup_printf ("%u failed finding", unplaced);

      g_assert_cmpuint (json_array_get_length (cases), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (testcase, "result"), ==, "failure");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (testcase, "message"), prefix));
      g_assert_cmpuint (count_substrings (json_object_get_string_member (testcase, "text"), "\n  reported by: "), ==,
                        unplaced);
      total_tests++;
      total_failures++;
      s++;
    }
  g_assert_cmpuint (json_array_get_length (suites), ==, s);

  g_assert_cmpuint (attribute_uint (json_object_get_object_member (doc, "attrib"), "tests"), ==, total_tests);
  g_assert_cmpuint (attribute_uint (json_object_get_object_member (doc, "attrib"), "failures"), ==, total_failures);
}

static void
test_junit (gconstpointer data)
{
  if (!have_python ("xml.etree.ElementTree"))
    {
      g_test_skip ("python3 is not installed: nothing to read the XML back with");
      return;
    }
  check_junit (tests_dir (), data);
}

/* ---- SARIF ---- */

static const char sarif_validate_script[] =
  "import json, sys, jsonschema\n"
  "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)\n";

static const char *
level_for (const char *severity)
{
  if (g_str_equal (severity, "critical") || g_str_equal (severity, "high"))
    return "error";
  if (g_str_equal (severity, "low") || g_str_equal (severity, "informational"))
    return "note";
  return "warning";
}

static char *
sarif_output (const char         *cwd,
              const char * const *inputs)
{
  g_auto(Run) run;

  run_format (&run, cwd, "sarif", inputs);
  g_assert_cmpint (exit_code (&run), <=, 1);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  return g_steal_pointer (&run.out);
}

static void
check_sarif_schema (const char         *cwd,
                    const char * const *inputs)
{
  g_autofree char *sarif = sarif_output (cwd, inputs);
  g_autofree char *path = write_temp (sarif, "demarc-XXXXXX.sarif");
  g_autofree char *schema = test_fixture_path ("sarif-schema-2.1.0.json");
  const char *argv[] = { "python3", "-c", sarif_validate_script, schema, path, NULL };
  g_auto(Run) run;

  spawn (&run, NULL, argv);
  if (exit_code (&run) != 0)
    g_error ("the SARIF output does not validate: %s", run.err);
  g_unlink (path);
}

static void
test_sarif_schema (gconstpointer data)
{
  if (!have_python ("jsonschema"))
    {
      g_test_skip ("python3's jsonschema is not installed (Debian: python3-jsonschema)");
      return;
    }
  check_sarif_schema (tests_dir (), data);
}

/* ---- JSON ---- */

static const char json_validate_script[] =
  "import json, sys, jsonschema\n"
  "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "out = json.load(open(sys.argv[2], encoding='utf-8'))\n"
  "jsonschema.Draft7Validator.check_schema(schema)\n"
  "jsonschema.Draft7Validator(schema).validate(out)\n";

/* --format json validates against the schema shipped in data/schema. */
static void
test_json_schema (gconstpointer data)
{
  const char * const *inputs = data;
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "schema", "demarc-check.schema.json", NULL);
  g_autofree char *path = NULL;
  const char *argv[] = { "python3", "-c", json_validate_script, schema, NULL, NULL };
  g_auto(Run) out;
  g_auto(Run) run;

  if (!have_python ("jsonschema"))
    {
      g_test_skip ("python3's jsonschema is not installed (Debian: python3-jsonschema)");
      return;
    }
  run_format (&out, tests_dir (), "json", inputs);
  g_assert_cmpint (exit_code (&out), <=, 1);
  path = write_temp (out.out, "demarc-XXXXXX.json");
  argv[4] = path;
  spawn (&run, NULL, argv);
  if (exit_code (&run) != 0)
    g_error ("the JSON output does not validate: %s", run.err);
  g_unlink (path);
}

/* Where a result must point: the path relative to the working directory
 * when the file is under it, else a file: URI (the fixtures' names need
 * no escaping). */
static char *
expected_uri (const char *cwd,
              const char *source)
{
  g_autoptr(GFile) base = g_file_new_for_path (cwd);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autofree char *relative = g_file_get_relative_path (base, file);
  g_autofree char *path = g_file_get_path (file);

  if (!g_path_is_absolute (source))
    return g_strdup (source);
  if (relative)
    return g_steal_pointer (&relative);
  return g_filename_to_uri (path, NULL, NULL);
}

static void
check_sarif (const char         *cwd,
             const char * const *inputs)
{
  g_auto(Reference) ref = { 0 };
  g_autofree char *sarif = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *run, *driver;
  JsonArray *rules, *results;
  guint r = 0;

  reference_load (&ref, cwd, inputs);
  sarif = sarif_output (cwd, inputs);
  root = parse_json (sarif);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "version"), ==, "2.1.0");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "runs")), ==, 1);
  run = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "runs"), 0);
  driver = json_object_get_object_member (json_object_get_object_member (run, "tool"), "driver");
  g_assert_cmpstr (json_object_get_string_member (driver, "name"), ==, "Demarc");
  g_assert_cmpstr (json_object_get_string_member (driver, "version"), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (driver, "informationUri"), "https://"));

  rules = json_object_get_array_member (driver, "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      const char *id = json_object_get_string_member (rule, "id");

      g_assert_false (g_hash_table_contains (ids, id));  /* one rule per check */
      g_hash_table_add (ids, (char *)id);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rule, "shortDescription"), "text"), !=, "");
      g_assert_true (json_object_has_member (json_object_get_object_member (rule, "properties"), "controls"));
    }

  /* One result per failed finding, in the findings' order. */
  results = json_object_get_array_member (run, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, json_object_get_int_member (ref.summary, "failed"));
  for (guint i = 0; i < json_array_get_length (ref.findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (ref.findings, i);
      JsonObject *result, *location, *properties, *rule;
      g_autofree char *uri = NULL;
      gint64 index;

      if (!g_str_equal (member_or_empty (finding, "status"), "failed"))
        continue;
      result = json_array_get_object_element (results, r++);
      index = json_object_get_int_member (result, "ruleIndex");
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (index, <, json_array_get_length (rules));
      rule = json_array_get_object_element (rules, index);
      g_assert_cmpstr (json_object_get_string_member (result, "ruleId"), ==, json_object_get_string_member (rule, "id"));
      if (*member_or_empty (finding, "check"))
        g_assert_cmpstr (json_object_get_string_member (result, "ruleId"), ==, member_or_empty (finding, "check"));
      g_assert_cmpstr (json_object_get_string_member (result, "level"), ==,
                       level_for (member_or_empty (finding, "severity")));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (result, "message"), "text"),
                                       member_or_empty (finding, "title")));

      location = json_object_get_object_member (
        json_array_get_object_element (json_object_get_array_member (result, "locations"), 0), "physicalLocation");
      uri = expected_uri (cwd, member_or_empty (finding, "source"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (location, "artifactLocation"), "uri"), ==, uri);
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (location, "region"), "startLine"), ==, 1);

      properties = json_object_get_object_member (result, "properties");
      g_assert_cmpint (json_object_get_int_member (properties, "sourceItem"), ==,
                       json_object_get_int_member (finding, "source_item"));
      g_assert_cmpstr (json_object_get_string_member (properties, "severity"), ==, member_or_empty (finding, "severity"));
      g_assert_cmpuint (strlen (json_object_get_string_member (json_object_get_object_member (result, "partialFingerprints"),
                                                               "demarcFinding/v1")), ==, 64);
    }

  /* The same export gives the same log: fingerprints are stable. */
  again = sarif_output (cwd, inputs);
  g_assert_cmpstr (again, ==, sarif);
}

static void
test_sarif (gconstpointer data)
{
  check_sarif (tests_dir (), data);
}

/* Run from elsewhere, a result names its file by a file: URI. */
static void
test_sarif_outside (void)
{
  g_autofree char *path = test_fixture_path ("asff-mixed.json");
  g_autofree char *cwd = g_dir_make_tmp ("demarc-XXXXXX", NULL);
  const char *inputs[] = { path, NULL };
  g_autofree char *sarif = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *quoted = NULL;

  /* A fresh folder: the sources cannot be under it. */
  g_assert_nonnull (cwd);
  sarif = sarif_output (cwd, inputs);
  {
    g_autofree char *canonical = g_canonicalize_filename (path, NULL);
    uri = g_filename_to_uri (canonical, NULL, NULL);
  }
  quoted = g_strdup_printf ("\"uri\": \"%s\"", uri);
  g_assert_true (g_str_has_prefix (uri, "file:///"));
  g_assert_nonnull (strstr (sarif, quoted));
  check_sarif (cwd, inputs);
  g_rmdir (cwd);
}

/* ---- Two threads ---- */

/* demarc-check @args with $DEMARC_WORKERS at @workers; its output. */
static char *
output_with_workers (const char         *workers,
                     const char * const *args)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "DEMARC_WORKERS", workers, TRUE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_ptr_array_add (argv, (char *)DEMARC_CHECK);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) <= 1);
  return out;
}

/* Past a few hundred findings, the JSON and SARIF outputs are written on
 * two threads (dm-json-blocks.c): with hostile and non-ASCII text, plain
 * and redacted, the text is byte for byte what one thread writes. */
static void
test_two_threads (void)
{
  g_autoptr(GString) asff = g_string_new ("{\"Findings\": [");
  g_autofree char *path = NULL;
  const guint n = 1500;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (asff,
                            "%s{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"finding-%u\","
                            " \"ProductArn\": \"arn:aws:securityhub:eu-west-1::product/aws/securityhub\","
                            " \"GeneratorId\": \"security-control/S3.%u\", \"AwsAccountId\": \"1111222233%02u\","
                            " \"Types\": [\"Software and Configuration Checks\"],"
                            " \"CreatedAt\": \"2026-11-01T00:00:00Z\", \"UpdatedAt\": \"2026-11-01T00:00:00Z\","
                            " \"Severity\": {\"Label\": \"%s\"}, \"Title\": \"Bucket <b>%u</b> & \\\"café\\\"\\n%s\","
                            " \"Description\": \"Evidence %u \\u2028 \\u0007\","
                            " \"Resources\": [{\"Type\": \"AwsS3Bucket\", \"Id\": \"arn:aws:s3:::bucket-%u\","
                            " \"Region\": \"eu-west-1\"}], \"RecordState\": \"ACTIVE\","
                            " \"Compliance\": {\"Status\": \"%s\", \"SecurityControlId\": \"S3.%u\"}}",
                            i ? ", " : "", i, 1 + i % 9, i % 7, i % 3 ? "HIGH" : "LOW", i, i % 5 ? "" : "<script>",
                            i, i, i % 4 ? "FAILED" : "PASSED", 1 + i % 9);
  g_string_append (asff, "]}");
  path = write_temp (asff->str, "demarc-threads-XXXXXX.json");

  for (guint redact = 0; redact <= 1; redact++)
    for (guint f = 0; f < 2; f++)
      {
        const char *format = f ? "sarif" : "json";
        const char *args[] = { "--format", format, path, redact ? "--redact" : NULL, NULL };
        g_autofree char *one = output_with_workers ("1", args);

        /* Several times: a race shows only now and then (reading the
         * redacted findings' GListStore from two threads wrote a wrong
         * finding about one run in five). */
        for (guint again = 0; again < 6; again++)
          {
            g_autofree char *two = output_with_workers ("2", args);
            g_autoptr(JsonNode) root = parse_json (two);

            g_assert_true (g_strcmp0 (two, one) == 0);
            if (f == 0)
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                                     "findings")), ==, n);
          }
      }
  g_unlink (path);
}

/* ---- Hostile text ---- */

static const char *
row_cell (JsonArray  *rows,
          guint       row,
          const char *column)
{
  for (guint c = 0; c < G_N_ELEMENTS (csv_header); c++)
    if (g_str_equal (csv_header[c], column))
      return json_array_get_string_element (json_array_get_array_element (rows, row), c);
  g_assert_not_reached ();
}

static void
test_hostile_csv (void)
{
  const char *inputs[] = { "data/outputs-hostile.json", NULL };
  g_auto(Reference) ref = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;

  if (!have_python ("csv"))
    {
      g_test_skip ("python3 is not installed: nothing to read the CSV back with");
      return;
    }
  root = csv_rows (tests_dir (), inputs, &ref);
  rows = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);

  /* Formulas disarmed, quotes and commas kept, newlines kept in quotes,
   * control characters gone. */
  g_assert_cmpstr (row_cell (rows, 1, "title"), ==, "'=HYPERLINK(\"http://evil.example\",\"click\")");
  g_assert_cmpstr (row_cell (rows, 1, "resource"), ==, "'+cmd|' /C calc'!A0");
  g_assert_cmpstr (row_cell (rows, 1, "evidence"), ==, "'-2+3\nsecond line\r\nthird\ttab [31m red ]]> <![CDATA[x]]>");
  g_assert_cmpstr (row_cell (rows, 2, "title"), ==, "Line one\nLine two <b>bold</b> & \"q\" 'a'  end");
  g_assert_cmpstr (row_cell (rows, 2, "resource"), ==, "'\tleading-tab");
  g_assert_cmpstr (row_cell (rows, 2, "evidence"), ==, "'\rcarriage");
  g_assert_cmpstr (row_cell (rows, 3, "title"), ==, "'@SUM(1,2) plain, with a comma");
  g_assert_cmpstr (row_cell (rows, 3, "status"), ==, "passed");
}

static void
test_hostile_junit (void)
{
  const char *inputs[] = { "data/outputs-hostile.json", NULL };
  g_autofree char *xml = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *testcase = NULL;
  JsonArray *suites;
  const char *text;

  if (!have_python ("xml.etree.ElementTree"))
    {
      g_test_skip ("python3 is not installed: nothing to read the XML back with");
      return;
    }

  /* No character XML 1.0 forbids, nor U+FFFE, reaches the file. */
  xml = junit_output (tests_dir (), inputs);
  g_assert_null (strchr (xml, '\x01'));
  g_assert_null (strchr (xml, '\x07'));
  g_assert_null (strchr (xml, '\x1b'));
  g_assert_null (strstr (xml, "\xef\xbf\xbe"));
  g_assert_nonnull (strstr (xml, "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;"));

  /* What a parser reads back is the text, newline and markup included. */
  root = junit_parsed (tests_dir (), inputs);
  suites = json_object_get_array_member (json_node_get_object (root), "suites");
  for (guint s = 0; s < json_array_get_length (suites); s++)
    {
      JsonArray *cases = json_object_get_array_member (json_array_get_object_element (suites, s), "cases");

      for (guint c = 0; c < json_array_get_length (cases); c++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (cases, c), "result"), "failure"))
          testcase = json_array_get_object_element (cases, c);
    }
  g_assert_nonnull (testcase);
  g_assert_cmpstr (json_object_get_string_member (testcase, "message"), ==, "2 failed findings, worst critical");
  text = json_object_get_string_member (testcase, "text");
  g_assert_nonnull (strstr (text, "- =HYPERLINK(\"http://evil.example\",\"click\")\n"));
  g_assert_nonnull (strstr (text, "- Line one\nLine two <b>bold</b> & \"q\" 'a'  end\n"));
  g_assert_nonnull (strstr (text, "resource: \tleading-tab\n"));
  g_assert_nonnull (strstr (text, "resource: +cmd|' /C calc'!A0\n"));
}

static void
test_hostile_sarif (void)
{
  const char *inputs[] = { "data/outputs-hostile.json", NULL };
  g_autofree char *sarif = sarif_output (tests_dir (), inputs);
  g_autoptr(JsonNode) root = parse_json (sarif);
  JsonObject *run = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "runs"), 0);
  JsonArray *results = json_object_get_array_member (run, "results");
  JsonObject *first, *second;

  /* JSON carries every character, escaped: the text reads back exact. */
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  first = json_array_get_object_element (results, 0);
  second = json_array_get_object_element (results, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "message"), "text"), ==,
                   "=HYPERLINK(\"http://evil.example\",\"click\"): +cmd|' /C calc'!A0");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "properties"), "evidence"), ==,
                   "-2+3\nsecond line\r\nthird\ttab \x01\x1b[31m red ]]> <![CDATA[x]]>");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (second, "message"), "text"), ==,
                   "Line one\nLine two <b>bold</b> & \"q\" 'a' \xef\xbf\xbe\x07\x1b end: \tleading-tab");
  /* No raw control character in the file itself. */
  g_assert_null (strchr (sarif, '\x01'));
  g_assert_null (strchr (sarif, '\x1b'));
}

/* ---- The writers on findings no reader would make ---- */

static DmReport *
report_with_invalid_utf8 (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(GListStore) store = g_list_store_new (DM_TYPE_FINDING);
  const char *controls[] = { "S3.8", NULL };
  DmFindingData data = {
    .id = "bad-1", .check = "DATA-03", .status = DM_FINDING_FAILED, .severity = DM_SEVERITY_HIGH,
    .service = "s3", .layer = "customer_data", .resource = "arn:aws:s3:::b\xff", .resource_type = "AwsS3Bucket",
    .region = "eu-west-1", .account = "111122223333", .controls = controls, .source = "bad\xfe.json",
    .tool = "Security Hub", .title = "bad \xff\xfe bytes\x01", .evidence = "cut \xc3", .remediation = "r",
  };
  g_autoptr(DmFinding) finding = dm_finding_new (&data);

  g_assert_nonnull (model);
  g_assert_nonnull (catalogue);
  g_list_store_append (store, finding);
  return dm_report_new_for_findings (model, catalogue, NULL, G_LIST_MODEL (store), FALSE);
}

static char *
write_to_memory (DmReport       *report,
                 DmOutputFormat  format)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&buffer, &size);

  g_assert_true (dm_output_write (report, catalogue, format, out, &error));
  g_assert_no_error (error);
  fclose (out);
  return buffer;
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(DmReport) report = report_with_invalid_utf8 ();
  const DmOutputFormat formats[] = { DM_OUTPUT_CSV, DM_OUTPUT_JUNIT, DM_OUTPUT_SARIF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = write_to_memory (report, formats[i]);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_nonnull (strstr (text, "bad \xef\xbf\xbd"));
      g_assert_null (strchr (text, '\x01'));
      if (formats[i] == DM_OUTPUT_SARIF)
        g_assert_nonnull (strstr (text, "\"uri\": \"bad%FE.json\""));
    }
}

static void
test_write_error (void)
{
  g_autoptr(DmReport) report = report_with_invalid_utf8 ();
  g_autoptr(GError) error = NULL;
  FILE *out = fopen ("/dev/full", "w");

  if (out == NULL)
    {
      g_test_skip ("/dev/full is not there");
      return;
    }
  g_assert_false (dm_output_write (report, NULL, DM_OUTPUT_CSV, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  fclose (out);
}

static void
test_cli_errors (void)
{
  const char *cases[][6] = {
    { DEMARC_CHECK, "--format", "sarif", NULL },
    { DEMARC_CHECK, "--format", "sarif", "--list-services", NULL },
    { DEMARC_CHECK, "--format", "junit", "--diff", "data/diff-old.json", "data/diff-new.json" },
    { DEMARC_CHECK, "--format", "xml", "data/asff-mixed.json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[7] = { 0 };
      g_auto(Run) run;

      memcpy (argv, cases[i], sizeof cases[i]);
      spawn (&run, tests_dir (), argv);
      g_assert_cmpint (exit_code (&run), ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "--format"));
    }
}

/* ---- Prowler's own example output, when ../shared is here ---- */

static char *
prowler_sample (void)
{
  char *path = g_build_filename (SHARED_DIR, PROWLER_SAMPLE, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  g_test_skip ("../shared/" PROWLER_SAMPLE " is not present on this machine");
  return NULL;
}

static void
test_prowler_sample (void)
{
  g_autofree char *path = prowler_sample ();
  const char *inputs[] = { path, NULL };
  g_auto(Reference) ref = { 0 };

  if (path == NULL)
    return;
  reference_load (&ref, tests_dir (), inputs);
  g_assert_cmpuint (json_array_get_length (ref.findings), >, 0);
  g_assert_cmpint (json_object_get_int_member (ref.summary, "failed"), >, 0);

  check_sarif (tests_dir (), inputs);
  if (have_python ("csv"))
    {
      check_csv (tests_dir (), inputs);
      check_junit (tests_dir (), inputs);
    }
  else
    g_test_message ("python3 is not installed: CSV and JUnit not read back");
  if (have_program ("xmllint"))
    check_junit_schema (tests_dir (), inputs);
  else
    g_test_message ("xmllint is not installed: JUnit not validated");
  if (have_python ("jsonschema"))
    check_sarif_schema (tests_dir (), inputs);
  else
    g_test_message ("python3's jsonschema is not installed: SARIF not validated");
}

/* A Config rule summary counts its resources without naming them: the
 * JSON carries the count where the schema allows it, and still validates. */
static const char * const config_rule_counts[] = { "data/config-compliance-by-rule.json", NULL };

static void
test_json_unnamed_resources (void)
{
  g_auto(Reference) ref = { 0 };
  guint seen = 0;

  reference_load (&ref, tests_dir (), config_rule_counts);
  for (guint i = 0; i < json_array_get_length (ref.findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (ref.findings, i);
      JsonObject *unnamed = json_object_has_member (finding, "unnamed_resources")
                              ? json_object_get_object_member (finding, "unnamed_resources") : NULL;
      const char *title = json_object_get_string_member (finding, "title");

      if (g_str_equal (title, "root-account-mfa-enabled"))
        g_assert_null (unnamed);
      else if (g_str_equal (title, "restricted-ssh"))
        {
          g_assert_nonnull (unnamed);
          g_assert_cmpint (json_object_get_int_member (unnamed, "count"), ==, 3);
          g_assert_false (json_object_get_boolean_member (unnamed, "capped"));
          seen++;
        }
      else if (g_str_equal (title, "encrypted-volumes"))
        {
          g_assert_nonnull (unnamed);
          g_assert_cmpint (json_object_get_int_member (unnamed, "count"), ==, 100);
          g_assert_true (json_object_get_boolean_member (unnamed, "capped"));
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 2);
  test_json_schema (config_rule_counts);
}

int
main (int   argc,
      char *argv[])
{
  const char *names[] = { "asff-mixed", "prowler-ocsf-scan", "hostile-names", "outputs-hostile", "combined" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (input_sets));
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (input_sets); i++)
    {
      g_autofree char *csv = g_strdup_printf ("/outputs/csv/%s", names[i]);
      g_autofree char *junit = g_strdup_printf ("/outputs/junit/%s", names[i]);
      g_autofree char *junit_schema = g_strdup_printf ("/outputs/junit-schema/%s", names[i]);
      g_autofree char *sarif = g_strdup_printf ("/outputs/sarif/%s", names[i]);
      g_autofree char *sarif_schema = g_strdup_printf ("/outputs/sarif-schema/%s", names[i]);
      g_autofree char *json_schema = g_strdup_printf ("/outputs/json-schema/%s", names[i]);

      g_test_add_data_func (csv, input_sets[i], test_csv);
      g_test_add_data_func (junit, input_sets[i], test_junit);
      g_test_add_data_func (junit_schema, input_sets[i], test_junit_schema);
      g_test_add_data_func (sarif, input_sets[i], test_sarif);
      g_test_add_data_func (sarif_schema, input_sets[i], test_sarif_schema);
      g_test_add_data_func (json_schema, input_sets[i], test_json_schema);
    }
  g_test_add_func ("/outputs/sarif/outside-working-dir", test_sarif_outside);
  g_test_add_func ("/outputs/two-threads", test_two_threads);
  g_test_add_func ("/outputs/json-schema/unnamed-resources", test_json_unnamed_resources);
  g_test_add_func ("/outputs/hostile/csv", test_hostile_csv);
  g_test_add_func ("/outputs/hostile/junit", test_hostile_junit);
  g_test_add_func ("/outputs/hostile/sarif", test_hostile_sarif);
  g_test_add_func ("/outputs/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/outputs/write-error", test_write_error);
  g_test_add_func ("/outputs/cli-errors", test_cli_errors);
  g_test_add_func ("/outputs/shared-prowler-sample", test_prowler_sample);

  return g_test_run ();
}
