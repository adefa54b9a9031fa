/* test-cli.c: demarc-check, run as a user would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-util.h"

#include <json-glib/json-glib.h>

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
run_check (Run        *run,
           gboolean    without_display,
           const char *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)DEMARC_CHECK);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (without_display)
    {
      envp = g_environ_unsetenv (envp, "DISPLAY");
      envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
    }

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_code (const Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_list_services (void)
{
  g_auto(Run) run;

  run_check (&run, FALSE, "--list-services", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "ec2 "));
  g_assert_nonnull (strstr (run.out, "Amazon S3\n"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_list_services_json (void)
{
  g_auto(Run) run;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *services;
  gboolean found_ec2 = FALSE;

  run_check (&run, FALSE, "--list-services", "--format", "json", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  root = parse (run.out);
  services = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (services), >=, 84);
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *s = json_array_get_object_element (services, i);

      if (g_str_equal (json_object_get_string_member (s, "id"), "ec2"))
        {
          found_ec2 = TRUE;
          g_assert_cmpfloat (json_object_get_double_member (s, "boundary"), ==, 2.0);
          g_assert_cmpstr (json_object_get_string_member (s, "category"), ==, "infrastructure");
        }
    }
  g_assert_true (found_ec2);
}

static void
test_service_json (void)
{
  g_auto(Run) run;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *top;
  JsonArray *bands;

  run_check (&run, FALSE, "--service", "s3", "--format", "json", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  root = parse (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "id"), ==, "s3");
  bands = json_object_get_array_member (json_node_get_object (root), "bands");
  g_assert_cmpuint (json_array_get_length (bands), ==, 5);

  /* Top of the stack first: the data band. Its layers have different
   * owners (your data, encryption AWS does by default), so the band is
   * "mixed", not its first layer's owner, and each layer says its own. */
  top = json_array_get_object_element (bands, 0);
  g_assert_cmpstr (json_object_get_string_member (top, "id"), ==, "data");
  g_assert_cmpstr (json_object_get_string_member (top, "owner"), ==, "mixed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (top, "layers"), 0),
                                                  "owner"), ==, "customer");
  /* The application band: access logging is shared, identity is yours. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bands, 1), "owner"), ==, "mixed");
  /* The bottom bands are AWS's throughout. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bands, 4), "owner"), ==, "provider");
}

static void
test_service_text_boundary (void)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_auto(Run) run;
  const char *line, *system, *metal;

  run_check (&run, FALSE, "--model", path, "--service", "vm", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);

  system = strstr (run.out, "\nSystem ");
  line = strstr (run.out, "--- provider below, customer above ---");
  metal = strstr (run.out, "\nMetal ");
  g_assert_nonnull (system);
  g_assert_nonnull (line);
  g_assert_nonnull (metal);
  /* The line sits between the customer's System band and the provider's Metal. */
  g_assert_true (system < line && line < metal);
  g_assert_nonnull (strstr (run.out, "Cloudco"));
}

static void
test_validate_fixture (void)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_autofree char *expected = g_strdup_printf ("%s: valid model “Test model” with 3 bands, 4 layers and 3 services\n", path);
  g_auto(Run) run;

  run_check (&run, FALSE, "--model", path, "--validate", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_bad_model (void)
{
  g_autofree char *path = test_fixture_path ("model-unknown-layer.json");
  g_autofree char *expected = g_strdup_printf ("demarc-check: %s: services[0] (vm).layers[1]: unknown layer “guest_ox”\n", path);
  g_auto(Run) run;

  run_check (&run, FALSE, "--model", path, "--list-services", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_unknown_service (void)
{
  g_auto(Run) run;

  run_check (&run, FALSE, "--service", "<script>", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "no such service"));
}

static void
test_bad_format (void)
{
  g_auto(Run) run;

  run_check (&run, FALSE, "--list-services", "--format", "xml", NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "--format must be text or json"));
}

static void
test_no_arguments (void)
{
  g_auto(Run) run;

  run_check (&run, FALSE, NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "--list-services"));
}

static void
test_no_display (void)
{
  g_auto(Run) run;

  run_check (&run, TRUE, "--list-layers", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "aws_foundation_services"));
  g_assert_cmpstr (run.err, ==, "");
}

static JsonObject *
find_object (JsonArray  *array,
             const char *member_name,
             const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, member_name), value) == 0)
        return o;
    }
  return NULL;
}

static void
test_assess_json (void)
{
  g_autofree char *path = test_fixture_path ("asff-mixed.json");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run;
  JsonObject *top, *summary, *input, *s3, *layer, *finding;

  run_check (&run, TRUE, "--format", "json", path, NULL);
  /* High and critical gaps: exit 1. */
  g_assert_cmpint (exit_code (&run), ==, 1);

  root = parse (run.out);
  top = json_node_get_object (root);

  input = json_array_get_object_element (json_object_get_array_member (top, "inputs"), 0);
  g_assert_cmpstr (json_object_get_string_member (input, "path"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (input, "format"), ==, "asff");
  g_assert_cmpint (json_object_get_int_member (input, "items"), ==, 13);
  /* Archived and suppressed findings and one without a compliance result
   * are kept with their status now, not skipped; the counts add up. */
  g_assert_cmpint (json_object_get_int_member (input, "skipped"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (input, "duplicates"), ==, 0);
  {
    JsonObject *by_status = json_object_get_object_member (input, "findings");

    g_assert_cmpint (json_object_get_int_member (by_status, "failed"), ==, 7);
    g_assert_cmpint (json_object_get_int_member (by_status, "passed"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (by_status, "informational"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (by_status, "suppressed"), ==, 2);
    g_assert_cmpint (7 + 1 + 1 + 2 + json_object_get_int_member (input, "skipped"), ==,
                     json_object_get_int_member (input, "items"));
  }

  summary = json_object_get_object_member (top, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (summary, "passed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "informational"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "suppressed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "unmapped"), ==, 1);

  s3 = find_object (json_object_get_array_member (top, "services"), "id", "s3");
  g_assert_nonnull (s3);
  /* Block Public Access (finding-1) is on the bucket's IAM layer. */
  layer = find_object (json_object_get_array_member (s3, "layers"), "id", "iam");
  g_assert_cmpstr (json_object_get_string_member (layer, "status"), ==, "gap");
  g_assert_cmpstr (json_object_get_string_member (layer, "worst_severity"), ==, "high");
  g_assert_cmpint (json_object_get_int_member (layer, "failed"), ==, 1);
  /* S3.9 (access logging) is on the platform layer the customer shares. */
  layer = find_object (json_object_get_array_member (s3, "layers"), "id", "platform_apps");
  g_assert_cmpstr (json_object_get_string_member (layer, "status"), ==, "gap");
  g_assert_cmpint (json_object_get_int_member (layer, "failed"), ==, 1);
  layer = find_object (json_object_get_array_member (s3, "layers"), "id", "server_side_encryption");
  g_assert_cmpstr (json_object_get_string_member (layer, "status"), ==, "no-data");
  g_assert_true (json_object_get_null_member (layer, "worst_severity"));
  layer = find_object (json_object_get_array_member (s3, "layers"), "id", "os");
  g_assert_cmpstr (json_object_get_string_member (layer, "status"), ==, "aws");
  /* Services the export says nothing about are not listed. */
  g_assert_null (find_object (json_object_get_array_member (top, "services"), "id", "sqs"));

  finding = find_object (json_object_get_array_member (top, "findings"), "id", "finding-9");
  g_assert_true (json_object_get_null_member (finding, "layer"));
  g_assert_true (json_object_get_null_member (finding, "service"));
  finding = find_object (json_object_get_array_member (top, "findings"), "id", "finding-10");
  g_assert_cmpstr (json_object_get_string_member (finding, "title"), ==,
                   "<script>alert(1)</script> & \"quotes\" \u202e" "evil\x1b[31m");
  g_assert_cmpstr (json_object_get_string_member (finding, "layer"), ==, "platform_apps");
  finding = find_object (json_object_get_array_member (top, "findings"), "id", "finding-1");
  g_assert_cmpstr (json_object_get_string_member (finding, "check"), ==, "DATA-03");
  g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "failed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finding, "controls")), ==, 2);
}

static void
test_assess_fail_on (void)
{
  g_autofree char *path = test_fixture_path ("prowler-v2.ndjson");
  g_auto(Run) relaxed;
  g_auto(Run) strict;
  g_auto(Run) invalid;

  /* Only a medium failure: passes at the default threshold (high). */
  run_check (&relaxed, TRUE, path, NULL);
  g_assert_cmpint (exit_code (&relaxed), ==, 0);
  run_check (&strict, TRUE, "--fail-on", "medium", path, NULL);
  g_assert_cmpint (exit_code (&strict), ==, 1);
  run_check (&invalid, TRUE, "--fail-on", "severe", path, NULL);
  g_assert_cmpint (exit_code (&invalid), ==, 2);
}

static void
test_assess_bad_input (void)
{
  g_autofree char *good = test_fixture_path ("asff-single.json");
  g_autofree char *bad = test_fixture_path ("model-truncated.json");
  g_auto(Run) run;

  run_check (&run, TRUE, good, bad, NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "demarc-check: "));
  g_assert_nonnull (strstr (run.err, bad));
  g_assert_nonnull (strstr (run.err, "ends in the middle"));
}

/* Nothing unread passes as green: each input Demarc cannot use exits 2
 * with a message, and so does a run in which nothing was read. */
static void
test_assess_no_false_green (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-green-XXXXXX", NULL);
  g_autofree char *empty_dir = g_build_filename (dir, "empty", NULL);
  g_autofree char *unknown = g_build_filename (dir, "unknown.json", NULL);
  g_autofree char *empty_export = g_build_filename (dir, "no-findings.json", NULL);
  g_autofree char *other_csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *unknown_dir = g_build_filename (dir, "unknown-files", NULL);
  g_autofree char *unknown_a = g_build_filename (unknown_dir, "a.json", NULL);
  g_autofree char *unknown_b = g_build_filename (unknown_dir, "notes.txt", NULL);
  g_autofree char *good = test_fixture_path ("asff-single.json");
  static const struct
  {
    const char *name;
    const char *message;
  } cases[] = {
    { "unknown.json", "nothing was read" },
    { "no-findings.json", "nothing was read" },
    { "people.csv", "not a Prowler export" },
    { "empty", "the folder holds no files" },
    { "pipe.json", "not a regular file" },
    { "unknown-files", "nothing was read" },
  };

  g_assert_cmpint (g_mkdir (empty_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (unknown, "{\"Widgets\": [1, 2, 3]}", -1, NULL));
  g_assert_true (g_file_set_contents (empty_export, "{\"Findings\": []}", -1, NULL));
  g_assert_true (g_file_set_contents (other_csv, "name,team\nbob,ops\n", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (unknown_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (unknown_a, "{\"Gadgets\": {}}", -1, NULL));
  g_assert_true (g_file_set_contents (unknown_b, "plain text", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_auto(Run) run;

      run_check (&run, TRUE, "--fail-on", "informational", path, NULL);
      g_test_message ("%s: %s", cases[i].name, run.err);
      g_assert_cmpint (exit_code (&run), ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      /* A JSON document nothing reads says what it holds. */
      if (g_str_equal (cases[i].name, "unknown.json"))
        g_assert_nonnull (strstr (run.out, "its keys: Widgets"));
    }

  /* A file named on the command line that gave nothing fails the run even
   * beside one that was read; in a folder, such a file is named and the
   * run's result is the findings'. */
  {
    g_auto(Run) run;
    g_auto(Run) folder;

    run_check (&run, TRUE, unknown, good, NULL);
    g_assert_cmpint (exit_code (&run), ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown.json: nothing in it could be used"));

    g_assert_true (g_file_set_contents (unknown_b, "plain text", -1, NULL));
    {
      g_autofree char *good_copy = g_build_filename (unknown_dir, "good.json", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (good_copy, contents, length, NULL));
      run_check (&folder, TRUE, unknown_dir, NULL);
      g_unlink (good_copy);
    }
    g_assert_cmpint (exit_code (&folder), !=, 2);
    g_assert_nonnull (strstr (folder.err, "files in folders gave nothing"));
    g_assert_nonnull (strstr (folder.err, "a.json"));
  }

  g_unlink (unknown);
  g_unlink (empty_export);
  g_unlink (other_csv);
  g_unlink (fifo);
  g_unlink (unknown_a);
  g_unlink (unknown_b);
  g_rmdir (unknown_dir);
  g_rmdir (empty_dir);
  g_rmdir (dir);
}

/* A file in a folder that cannot be read (cut short, an archive, UTF-16)
 * holds findings the result leaves out: the run exits 2 and says so,
 * unless --skip-unreadable accepts the loss; the good file's findings are
 * in the output either way. Named on the command line, an archive or
 * UTF-16 file is refused with what it is. */
static void
test_assess_lost_inputs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-lost-XXXXXX", NULL);
  g_autofree char *good = test_fixture_path ("asff-mixed.json");
  g_autofree char *contents = NULL;
  g_autofree char *good_copy = g_build_filename (dir, "a-good.json", NULL);
  g_autofree char *cut = g_build_filename (dir, "b-cut.json", NULL);
  g_autofree char *zip = g_build_filename (dir, "exports.zip", NULL);
  g_autofree char *zip_json = g_build_filename (dir, "c-zip.json", NULL);
  g_autofree char *utf16 = g_build_filename (dir, "d-utf16.json", NULL);
  gsize length;
  const struct
  {
    const char *kept;   /* the one unreadable file left in the folder */
    const char *reason;
  } cases[] = {
    { cut, "the file ends in the middle" },
    { zip, "an archive" },
    { zip_json, "a zip archive" },
    { utf16, "UTF-16" },
  };
  const char *bad[] = { cut, zip, zip_json, utf16 };

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (good_copy, contents, length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run;
      g_auto(Run) skipped;

      g_assert_true (g_file_set_contents (cut, contents, 300, NULL));
      g_assert_true (g_file_set_contents (zip, "PK\x03\x04\x14\0\0\0", 8, NULL));
      g_assert_true (g_file_set_contents (zip_json, "PK\x03\x04\x14\0\0\0", 8, NULL));
      g_assert_true (g_file_set_contents (utf16, "\xff\xfe{\0}\0", 6, NULL));
      for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
        if (bad[j] != cases[i].kept)
          g_unlink (bad[j]);

      run_check (&run, TRUE, "--format", "json", dir, NULL);
      g_test_message ("%s: %s", cases[i].kept, run.err);
      g_assert_cmpint (exit_code (&run), ==, 2);
      g_assert_nonnull (strstr (run.err, "could not be read, so the result leaves out"));
      g_assert_nonnull (strstr (run.err, cases[i].reason));
      g_assert_nonnull (strstr (run.err, "--skip-unreadable"));
      /* What was read is still written. */
      g_assert_nonnull (strstr (run.out, "\"findings\""));
      g_assert_nonnull (strstr (run.out, "a-good.json"));

      run_check (&skipped, TRUE, "--skip-unreadable", dir, NULL);
      g_assert_cmpint (exit_code (&skipped), ==, 1);
      g_assert_nonnull (strstr (skipped.err, "could not be read"));
    }

  /* Named alone: refused with what it is. */
  {
    g_auto(Run) run;

    g_assert_true (g_file_set_contents (zip_json, "PK\x03\x04\x14\0\0\0", 8, NULL));
    run_check (&run, TRUE, zip_json, NULL);
    g_assert_cmpint (exit_code (&run), ==, 2);
    g_assert_nonnull (strstr (run.err, "a zip archive, which Demarc does not open"));
  }

  for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
    g_unlink (bad[j]);
  g_unlink (good_copy);
  g_rmdir (dir);
}

/* Run from the build folder, demarc-check speaks the build's translations,
 * as the app does. */
static void
test_uninstalled_translations (void)
{
  const char *argv[] = { DEMARC_CHECK, "--help", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "fr", TRUE);
  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Avec des fichiers"));
}

/* For every input format, --fail-on at the worst failed finding's level
 * fails the run: no format can pass a gate its findings reach. A failure
 * of unknown severity reaches every level. */
static void
test_assess_fail_on_every_format (void)
{
  const char *fixtures[] = {
    "asff-mixed.json", "prowler-ocsf-scan.json", "prowler-asff-scan.json", "prowler-v2.ndjson", "prowler-v5.csv",
    "csv-prowler-v2.csv", "scoutsuite-items.js", "config-evaluations.json", "config-snapshot.json",
    "config-compliance-by-rule.json", "config-compliance-by-resource.json", "config-conformance-pack-details.json",
    "guardduty-findings.json", "inspector2-findings.json", "access-analyzer-findings.json", "macie-findings.json",
    "cloudsploit.json", "trusted-advisor-check.json", "bundle-more-checks.json", "cli-security-groups.json",
    "cloudmapper",
  };
  const char *levels[] = { "unknown", "informational", "low", "medium", "high", "critical" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = test_fixture_path (fixtures[i]);
      g_autoptr(JsonNode) root = NULL;
      g_auto(Run) json;
      g_auto(Run) gate;
      JsonArray *findings;
      guint worst = 0;
      gboolean failed = FALSE;

      run_check (&json, TRUE, "--format", "json", path, NULL);
      root = parse (json.out);
      findings = json_object_get_array_member (json_node_get_object (root), "findings");
      for (guint f = 0; f < json_array_get_length (findings); f++)
        {
          JsonObject *finding = json_array_get_object_element (findings, f);
          const char *severity = json_object_get_string_member (finding, "severity");

          if (!g_str_equal (json_object_get_string_member (finding, "status"), "failed"))
            continue;
          failed = TRUE;
          for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
            if (g_str_equal (severity, levels[l]))
              worst = l == 0 ? G_N_ELEMENTS (levels) - 1 : MAX (worst, l);
        }
      g_test_message ("%s: worst failed %s", fixtures[i], failed ? levels[worst] : "none");
      g_assert_true (failed);

      /* The CloudMapper tree holds files cut short on purpose: the gate
       * is what is asked here, not what they lost. */
      run_check (&gate, TRUE, "--skip-unreadable", "--fail-on", levels[MAX (worst, 1)], path, NULL);
      g_assert_cmpint (exit_code (&gate), ==, 1);
    }
}

static void
test_assess_text_is_safe (void)
{
  g_autofree char *path = test_fixture_path ("asff-mixed.json");
  g_auto(Run) run;

  run_check (&run, TRUE, path, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.out, "<script>alert(1)</script>"));
  /* No terminal escape or bidi override reaches the terminal. */
  g_assert_null (strchr (run.out, '\x1b'));
  g_assert_null (strstr (run.out, "\u202e"));
  /* Nor marks and separators a reader would not see. */
  g_assert_null (strstr (run.out, "\u200e"));
  g_assert_null (strstr (run.out, "\u2028"));
  /* The window's, slides' and reports' wording: the parts add up to the items. */
  g_assert_nonnull (strstr (run.out, "asff, 13 items: 7 failed, 1 passed, 1 informational, 2 suppressed, "
                                     "0 duplicates, 0 not AWS, 2 not read\n"));
}

/* Prowler's findings for Azure, GCP and Kubernetes are counted as not AWS,
 * in OCSF (cloud.provider, or the uid when there is none) and in v3 JSON
 * (Provider), and never become findings on the AWS model. */
static void
test_assess_not_aws (void)
{
  g_autofree char *ocsf = test_fixture_path ("prowler-ocsf-multicloud.json");
  g_autofree char *v3 = test_fixture_path ("prowler-v3-multicloud.json");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run;
  g_auto(Run) text;
  JsonArray *inputs, *findings;
  static const struct { gint64 items, failed, passed, informational, not_aws; } expected[] = {
    { 7, 1, 1, 1, 4 },
    { 3, 1, 0, 0, 2 },
  };

  run_check (&run, TRUE, "--format", "json", ocsf, v3, NULL);
  root = parse (run.out);
  inputs = json_object_get_array_member (json_node_get_object (root), "inputs");
  g_assert_cmpuint (json_array_get_length (inputs), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *input = json_array_get_object_element (inputs, i);
      JsonObject *by_status = json_object_get_object_member (input, "findings");

      g_assert_cmpint (json_object_get_int_member (input, "items"), ==, expected[i].items);
      g_assert_cmpint (json_object_get_int_member (input, "not_aws"), ==, expected[i].not_aws);
      g_assert_cmpint (json_object_get_int_member (by_status, "failed"), ==, expected[i].failed);
      g_assert_cmpint (json_object_get_int_member (by_status, "passed"), ==, expected[i].passed);
      g_assert_cmpint (json_object_get_int_member (by_status, "informational"), ==, expected[i].informational);
      g_assert_cmpint (json_object_get_int_member (input, "skipped"), ==, 0);
      g_assert_cmpint (expected[i].failed + expected[i].passed + expected[i].informational + expected[i].not_aws, ==,
                       json_object_get_int_member (input, "items"));
    }

  /* Only the AWS findings are on the model. */
  findings = json_object_get_array_member (json_node_get_object (root), "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 4);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, i), "account"), ==,
                     "111122223333");

  run_check (&text, TRUE, ocsf, NULL);
  g_assert_nonnull (strstr (text.out, "prowler-ocsf, 7 items: 1 failed, 1 passed, 1 informational, 0 suppressed, "
                                      "0 duplicates, 4 not AWS, 0 not read\n"));
}

/* A file of other clouds' findings only, or of no item at all, says
 * nothing of the AWS account: exit 2, not a clean run, each with its
 * reason. */
static void
test_assess_nothing_for_aws (void)
{
  g_autofree char *azure = test_fixture_path ("prowler-ocsf-azure-only.json");
  g_autofree char *dir = g_dir_make_tmp ("demarc-empty-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty-findings.json", NULL);
  g_auto(Run) run;
  g_auto(Run) none;

  run_check (&run, TRUE, azure, NULL);
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.out, "1 not AWS"));
  g_assert_nonnull (strstr (run.err, "nothing was read"));

  g_assert_true (g_file_set_contents (empty, "{\"Findings\": [], \"NextToken\": null}", -1, NULL));
  run_check (&none, TRUE, empty, NULL);
  g_assert_cmpint (exit_code (&none), ==, 2);
  g_assert_nonnull (strstr (none.err, "it holds no findings or resources"));
  g_unlink (empty);
  g_rmdir (dir);
}

/* The text output opens with the executive summary, then lists the gaps
 * one line per check, worst first, each with its resources. */
/* One item that gives four findings: the summary's "Read:" is two
 * lines, each readable, not one line with the newline shown as "?". */
static void
test_assess_text_read_lines (void)
{
  g_autofree char *path = test_fixture_path ("cli-credential-report.json");
  g_auto(Run) run;
  const char *read;

  run_check (&run, FALSE, path, NULL);
  read = strstr (run.out, "\nRead: 1 item: 1 gave ");
  g_assert_nonnull (read);
  g_assert_nonnull (strstr (read, " not read\n      "));
  g_assert_null (strstr (run.out, "not read?"));
  g_assert_null (strstr (run.out, "Informational 0,"));
}

static void
test_assess_text_ranked (void)
{
  g_autofree char *path = test_fixture_path ("asff-mixed.json");
  static const char *labels[] = { "Informational", "Low", "Medium", "High", "Critical" };
  g_auto(Run) run;
  g_auto(GStrv) lines = NULL;
  const char *gaps;
  int previous = G_N_ELEMENTS (labels);
  guint rows = 0, resources = 0;

  run_check (&run, TRUE, path, NULL);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "Accounts: "));
  g_assert_nonnull (strstr (run.out, "\nRegions: "));
  g_assert_nonnull (strstr (run.out, "\nRead: 13 items: 7 failed, "));
  g_assert_nonnull (strstr (run.out, "\nFailed by severity: Critical "));
  g_assert_nonnull (strstr (run.out, "\nTop risks:\n"));
  g_assert_nonnull (strstr (run.out, "What to do: "));
  /* The summary comes before the inputs, the gaps after the services. */
  g_assert_true (strstr (run.out, "Top risks:") < strstr (run.out, "asff, 13 items"));
  gaps = strstr (run.out, "\nGaps, worst first:\n");
  g_assert_nonnull (gaps);

  lines = g_strsplit (gaps + strlen ("\nGaps, worst first:\n"), "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "    "))
        {
          resources++;
          continue;
        }
      rows++;
      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        if (g_str_has_prefix (lines[i], labels[l]) && lines[i][strlen (labels[l])] == ' ')
          {
            g_assert_cmpint ((int)l, <=, previous);
            previous = l;
          }
      /* Each row says how wide the check is. */
      g_assert_nonnull (strstr (lines[i], " — "));
    }
  g_assert_cmpuint (rows, >, 0);
  g_assert_cmpuint (rows, <=, 7);
  /* Every failed finding is under its check. */
  g_assert_cmpuint (resources, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/list-services", test_list_services);
  g_test_add_func ("/cli/list-services-json", test_list_services_json);
  g_test_add_func ("/cli/service-json", test_service_json);
  g_test_add_func ("/cli/service-text-boundary", test_service_text_boundary);
  g_test_add_func ("/cli/validate", test_validate_fixture);
  g_test_add_func ("/cli/bad-model", test_bad_model);
  g_test_add_func ("/cli/unknown-service", test_unknown_service);
  g_test_add_func ("/cli/bad-format", test_bad_format);
  g_test_add_func ("/cli/no-arguments", test_no_arguments);
  g_test_add_func ("/cli/no-display", test_no_display);
  g_test_add_func ("/cli/assess/json", test_assess_json);
  g_test_add_func ("/cli/assess/fail-on", test_assess_fail_on);
  g_test_add_func ("/cli/assess/bad-input", test_assess_bad_input);
  g_test_add_func ("/cli/assess/no-false-green", test_assess_no_false_green);
  g_test_add_func ("/cli/assess/lost-inputs", test_assess_lost_inputs);
  g_test_add_func ("/cli/assess/fail-on-every-format", test_assess_fail_on_every_format);
  g_test_add_func ("/cli/uninstalled-translations", test_uninstalled_translations);
  g_test_add_func ("/cli/assess/text-is-safe", test_assess_text_is_safe);
  g_test_add_func ("/cli/assess/not-aws", test_assess_not_aws);
  g_test_add_func ("/cli/assess/nothing-for-aws", test_assess_nothing_for_aws);
  g_test_add_func ("/cli/assess/text-ranked", test_assess_text_ranked);
  g_test_add_func ("/cli/assess/text-read-lines", test_assess_text_read_lines);

  return g_test_run ();
}
