/* test-cloudmapper.c: whole CloudMapper collect trees
 *
 * tests/data/cloudmapper/account-data/ is written in CloudMapper's layout
 * (commands/collect.py): <account name>/<region>/<call>.json, and
 * <region>/<call>/<resource> without an extension for per-resource calls,
 * the resource's name quoted as urllib.parse.quote_plus does. "demo" has
 * sts-get-caller-identity.json in us-east-1; "staging" has none, so its
 * account comes from the ARNs in its data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "test-util.h"

#include "dm-importer.h"
#include "dm-json-reader.h"

#define DEMO_ACCOUNT "210987654321"
#define STAGING_ACCOUNT "333344445555"

typedef struct
{
  DmCatalogue *catalogue;
  DmImporter  *importer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->importer = dm_importer_new (f->catalogue);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->catalogue);
}

static char *
tree_path (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer)g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer)"data");
  g_ptr_array_add (parts, (gpointer)"cloudmapper");
  va_start (args, first);
  for (const char *p = first; p; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **)parts->pdata);
}

static void
import_path (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_importer_add_file (f->importer, file, NULL, &error));
  g_assert_no_error (error);
}

static DmFinding *
find (Fixture    *f,
      const char *id)
{
  return test_find_finding (dm_importer_get_findings (f->importer), id);
}

static void
assert_result (Fixture    *f,
               const char *check,
               const char *resource,
               gboolean    failed)
{
  g_autofree char *id = g_strdup_printf ("%s/%s", check, resource);
  DmFinding *finding = find (f, id);

  if (finding == NULL)
    g_error ("no finding %s", id);
  g_assert_cmpint (dm_finding_get_status (finding), ==, failed ? DM_FINDING_FAILED : DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, resource);
  g_assert_cmpstr (dm_finding_get_check (finding), ==, check);
}

static const DmImportInput *
input_ending (Fixture    *f,
              const char *suffix)
{
  for (guint i = 0; i < dm_importer_get_n_inputs (f->importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (f->importer, i);

      if (g_str_has_suffix (input->path, suffix))
        return input;
    }
  g_error ("no input ending in %s", suffix);
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", name, NULL);
}

static const char *
only_reason (const DmImportInput *input)
{
  g_assert_cmpuint (input->reasons->len, ==, 1);
  return ((const DmSkipReason *)g_ptr_array_index (input->reasons, 0))->reason;
}

/* Every item of every input is a finding, a duplicate or a counted skip,
 * and the inputs' findings are the importer's. */
static void
assert_counts_add_up (Fixture *f)
{
  guint64 kept = 0;

  for (guint i = 0; i < dm_importer_get_n_inputs (f->importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (f->importer, i);
      guint64 reasons = 0;

      g_assert_cmpuint (input->items, ==, input->skipped + input->evaluated);
      for (guint r = 0; r < input->reasons->len; r++)
        reasons += ((const DmSkipReason *)g_ptr_array_index (input->reasons, r))->count;
      g_assert_cmpuint (reasons, ==, input->skipped);
      for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
        kept += input->by_status[s];
    }
  g_assert_cmpuint (kept, ==, g_list_model_get_n_items (dm_importer_get_findings (f->importer)));
}

static void
test_tree (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *root = tree_path (NULL);
  GListModel *findings;
  const DmImportInput *input;
  guint n_files = 0;

  import_path (f, root);
  findings = dm_importer_get_findings (f->importer);

  /* The public ones, each with a private one that passes. */
  assert_result (f, "DATA-04", "arn:aws:s3:::public-site", TRUE);
  assert_result (f, "DATA-04", "arn:aws:s3:::private-logs", FALSE);
  /* A name with dots is a bucket, not an extension; its Allow to * is
   * narrowed by an organisation condition. */
  assert_result (f, "DATA-04", "arn:aws:s3:::logs.example.com", FALSE);
  assert_result (f, "TLS-01", "arn:aws:s3:::logs.example.com", FALSE);
  assert_result (f, "TLS-01", "arn:aws:s3:::public-site", TRUE);
  assert_result (f, "POL-03", "arn:aws:sns:eu-west-1:" DEMO_ACCOUNT ":public-alerts", TRUE);
  assert_result (f, "POL-03", "arn:aws:sns:eu-west-1:" DEMO_ACCOUNT ":private-alerts", FALSE);
  /* No QueueArn in the response: the ARN is built from the file's URL. */
  assert_result (f, "POL-02", "arn:aws:sqs:eu-west-1:" DEMO_ACCOUNT ":public-orders", TRUE);
  assert_result (f, "POL-02", "arn:aws:sqs:eu-west-1:" DEMO_ACCOUNT ":internal-jobs", FALSE);
  assert_result (f, "POL-06", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public", TRUE);
  assert_result (f, "POL-06", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-private", FALSE);
  assert_result (f, "APP-16", "arn:aws:ecr:eu-west-1:" DEMO_ACCOUNT ":repository/public-images", TRUE);
  /* team%2Fprivate-images: the name decoded. */
  assert_result (f, "APP-16", "arn:aws:ecr:eu-west-1:" DEMO_ACCOUNT ":repository/team/private-images", FALSE);
  assert_result (f, "POL-05", "arn:aws:secretsmanager:eu-west-1:" DEMO_ACCOUNT ":secret:public-token-AbCdEf", TRUE);
  assert_result (f, "POL-05", "arn:aws:secretsmanager:eu-west-1:" DEMO_ACCOUNT ":secret:db-password-GhIjKl", FALSE);
  assert_result (f, "APP-01", "arn:aws:lambda:eu-west-1:" DEMO_ACCOUNT ":function:open-hook", TRUE);
  assert_result (f, "APP-01", "arn:aws:lambda:eu-west-1:" DEMO_ACCOUNT ":function:billing", FALSE);
  assert_result (f, "POL-07", "arn:aws:iam::" DEMO_ACCOUNT ":role/open-door", TRUE);
  assert_result (f, "POL-07", "arn:aws:iam::" DEMO_ACCOUNT ":role/deploy", FALSE);
  /* Principal * with an external id condition: not anyone. */
  assert_result (f, "POL-07", "arn:aws:iam::" DEMO_ACCOUNT ":role/vendor-audit", FALSE);
  /* The key's file is named by its id; the ARN is built. */
  assert_result (f, "POL-01", "arn:aws:kms:eu-west-1:" DEMO_ACCOUNT ":key/1234abcd-12ab-34cd-56ef-1234567890ab", FALSE);

  assert_result (f, "ENC-07", "arn:aws:kms:eu-west-1:" DEMO_ACCOUNT ":key/1234abcd-12ab-34cd-56ef-1234567890ab", TRUE);
  /* The role's trust, read from the authorization details and again from
   * iam-get-role: one finding, the second a counted duplicate. */
  g_assert_cmpuint (input_ending (f, "iam-get-role/open-door")->duplicates, ==, 1);
  g_assert_true (g_str_has_suffix (dm_finding_get_source (find (f, "POL-07/arn:aws:iam::" DEMO_ACCOUNT ":role/open-door")),
                                   "iam-get-account-authorization-details.json"));

  /* OpenSearch encryption, on the layers the customer shares. */
  assert_result (f, "ENC-15", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public", TRUE);
  assert_result (f, "TLS-07", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public", TRUE);
  assert_result (f, "ENC-15", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-private", FALSE);
  assert_result (f, "TLS-07", "arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-private", FALSE);
  g_assert_cmpstr (dm_finding_get_layer (find (f, "ENC-15/arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public")), ==,
                   "server_side_encryption");
  g_assert_cmpstr (dm_finding_get_layer (find (f, "TLS-07/arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public")), ==,
                   "network_traffic_protection");
  g_assert_cmpstr (dm_finding_get_evidence (find (f, "ENC-15/arn:aws:es:eu-west-1:" DEMO_ACCOUNT ":domain/search-public")), ==,
                   "Encryption at rest is off.");

  /* Every finding: the account id from the data (sts for demo, the ARNs
   * for staging), never the folder's name; an ARN, never a file name;
   * the region from the path. */
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *source = dm_finding_get_source (finding);
      const char *resource = dm_finding_get_resource (finding);
      g_autofree char *basename = g_path_get_basename (source);

      if (strstr (source, "/staging/"))
        g_assert_cmpstr (dm_finding_get_account (finding), ==, STAGING_ACCOUNT);
      else
        g_assert_cmpstr (dm_finding_get_account (finding), ==, DEMO_ACCOUNT);
      g_assert_true (g_str_has_prefix (resource, "arn:aws:"));
      g_assert_cmpstr (resource, !=, basename);
      g_assert_nonnull (dm_finding_get_region (finding));
      g_assert_true (strstr (source, dm_finding_get_region (finding)) != NULL);
    }
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 29);

  /* Files Demarc does not read are listed, with the reason. */
  input = input_ending (f, "/demo/README.md");
  g_assert_cmpstr (input->format, ==, "not-read");
  g_assert_true (g_str_has_prefix (only_reason (input), "not an export by its name"));
  input = input_ending (f, "/eu-west-1/notes.txt");
  g_assert_cmpstr (input->format, ==, "not-read");
  input = input_ending (f, "/us-east-1/.DS_Store");
  g_assert_cmpstr (input->format, ==, "not-read");
  g_assert_cmpstr (only_reason (input), ==, "hidden file");

  /* A truncated file and one that is not UTF-8: listed with the reader's
   * message, and the walk went on past them. */
  input = input_ending (f, "/ec2-describe-vpcs.json");
  g_assert_cmpstr (input->format, ==, "unreadable");
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_true (g_str_has_prefix (only_reason (input), "could not be read: the file ends in the middle"));
  input = input_ending (f, "latin1-topic");
  g_assert_cmpstr (input->format, ==, "unreadable");
  g_assert_nonnull (strstr (only_reason (input), "UTF8"));
  g_assert_cmpstr (input_ending (f, "ecr-get-repository-policy/public-images")->format, ==, "aws-cli");

  /* ecs-describe-tasks/<cluster>/<task>: a call folder two levels deep. */
  g_assert_cmpstr (input_ending (f, "%3Atask%2Fweb%2F0a1b2c3d4e5f")->format, ==, "aws-cli");

  /* A response no check reads yet is read and counted as such. */
  input = input_ending (f, "%2Fapp%2Fweb%2F50dc6c495c0c9188");
  g_assert_cmpstr (input->format, ==, "aws-cli");
  g_assert_cmpstr (only_reason (input), ==, "no Demarc check reads this yet (its keys: Attributes)");

  /* Every file of the tree is an input. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (stack, g_strdup (root));
    while (stack->len > 0)
      {
        g_autofree char *dir_path = g_ptr_array_steal_index (stack, stack->len - 1);
        g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
        const char *name;

        while (dir && (name = g_dir_read_name (dir)))
          {
            char *path = g_build_filename (dir_path, name, NULL);

            if (g_file_test (path, G_FILE_TEST_IS_DIR))
              g_ptr_array_add (stack, path);
            else
              {
                n_files++;
                g_free (path);
              }
          }
      }
  }
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, n_files);
  assert_counts_add_up (f);
}

/* One of CloudMapper's files given on its own: the folder still names the
 * call, the file the bucket; a broken file on its own is an error. */
static void
test_single_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *bucket = tree_path ("account-data", "demo", "us-east-1", "s3-get-bucket-policy", "public-site", NULL);
  g_autofree char *broken = tree_path ("account-data", "demo", "eu-west-1", "ec2-describe-vpcs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;

  import_path (f, bucket);
  assert_result (f, "DATA-04", "arn:aws:s3:::public-site", TRUE);
  g_assert_cmpstr (dm_finding_get_account (find (f, "DATA-04/arn:aws:s3:::public-site")), ==, DEMO_ACCOUNT);

  g_assert_false (dm_importer_add_file (f->importer, file, NULL, &error));
  g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TRUNCATED);
  g_assert_true (g_str_has_prefix (error->message, broken));
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 1);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A folder in which nothing can be read fails, in the core and in
 * demarc-check, and leaves no inputs behind. */
static void
test_nothing_readable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-cm-XXXXXX", NULL);
  g_autofree char *empty = g_dir_make_tmp ("demarc-cm-empty-XXXXXX", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) empty_folder = g_file_new_for_path (empty);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { DEMARC_CHECK, dir, NULL };
  int status;

  g_assert_true (g_file_set_contents (notes, "hello", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"Findings\": [", -1, NULL));

  g_assert_false (dm_importer_add_file (f->importer, folder, NULL, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOTHING_READ);
  g_assert_nonnull (strstr (error->message, "nothing in the folder could be read"));
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 0);
  g_clear_error (&error);

  g_assert_false (dm_importer_add_file (f->importer, empty_folder, NULL, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOTHING_READ);
  g_clear_error (&error);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "nothing in the folder could be read"));

  remove_tree (dir);
  g_rmdir (empty);
}

/* Two links to the same tree and a link back to the top: each folder is
 * walked once, so each file is one input and no finding repeats. */
static void
test_symlink_loop (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *demo = tree_path ("account-data", "demo", NULL);
  g_autofree char *dir = g_dir_make_tmp ("demarc-cm-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop", NULL);
  g_autoptr(DmImporter) direct = dm_importer_new (f->catalogue);
  g_autoptr(GFile) demo_file = g_file_new_for_path (demo);
  g_autoptr(GError) error = NULL;
  guint64 duplicates = 0;

  g_assert_true (dm_importer_add_file (direct, demo_file, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (symlink (demo, a), ==, 0);
  g_assert_cmpint (symlink (demo, b), ==, 0);
  g_assert_cmpint (symlink (".", loop), ==, 0);
  import_path (f, dir);

  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, dm_importer_get_n_inputs (direct));
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==,
                    g_list_model_get_n_items (dm_importer_get_findings (direct)));
  /* The tree's own duplicate (the role read from two files), no more. */
  for (guint i = 0; i < dm_importer_get_n_inputs (f->importer); i++)
    duplicates += dm_importer_get_input (f->importer, i)->duplicates;
  g_assert_cmpuint (duplicates, ==, 1);
  /* Reached through the link, the tree still says whose it is. */
  g_assert_cmpstr (dm_finding_get_account (find (f, "POL-07/arn:aws:iam::" DEMO_ACCOUNT ":role/open-door")), ==,
                   DEMO_ACCOUNT);
  assert_counts_add_up (f);

  g_unlink (a);
  g_unlink (b);
  g_unlink (loop);
  g_rmdir (dir);
}

/* A plain folder of AWS CLI outputs: a result takes its account from its
 * own file's data (the ARNs), never from the other files of the folder;
 * a region-wide result with none names its file. */
static void
test_cli_folder (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-cli-XXXXXX", NULL);
  g_autofree char *detectors = g_build_filename (dir, "guardduty-list-detectors.json", NULL);
  g_autofree char *policy = g_build_filename (dir, "lambda-get-policy.json", NULL);
  g_autofree char *rotation = g_build_filename (dir, "kms-get-key-rotation-status.json.gz", NULL);
  g_autofree char *table = g_build_filename (dir, "inventory.csv", NULL);
  DmFinding *finding;

  g_assert_true (g_file_set_contents (detectors, "{\"DetectorIds\": []}", -1, NULL));
  g_assert_true (g_file_set_contents (table, "name,owner\nweb,ops\n", -1, NULL));
  g_assert_true (g_file_set_contents (policy,
                                      "{\"Policy\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", "
                                      "\\\"Principal\\\": \\\"*\\\", \\\"Action\\\": \\\"lambda:InvokeFunction\\\", "
                                      "\\\"Resource\\\": \\\"arn:aws:lambda:eu-north-1:444433332222:function:hook\\\"}]}\", "
                                      "\"RevisionId\": \"1\"}", -1, NULL));
  /* Gzipped, as AWS Config delivers its files: read all the same. */
  {
    g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
    g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_data ("{\"KeyRotationEnabled\": true, "
                                                                         "\"KeyId\": \"arn:aws:kms:eu-north-1:444433332222:key/k1\"}",
                                                                         -1, NULL);
    g_autoptr(GInputStream) packed = g_converter_input_stream_new (plain, G_CONVERTER (gzip));
    g_autoptr(GFile) file = g_file_new_for_path (rotation);
    g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL);

    g_assert_cmpint (g_output_stream_splice (G_OUTPUT_STREAM (out), packed, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL),
                     >, 0);
  }
  import_path (f, dir);

  assert_result (f, "ENC-07", "arn:aws:kms:eu-north-1:444433332222:key/k1", FALSE);
  /* A CSV is tried (Prowler writes CSV); one that is not Prowler's is
   * listed as unreadable, not skipped by its name. */
  g_assert_cmpstr (input_ending (f, "/inventory.csv")->format, ==, "unreadable");
  /* {"DetectorIds": []} says nothing of whose it is: the ARNs of the
   * policy and key next to it are not its. */
  g_assert_null (find (f, "LOG-09/444433332222"));
  finding = find (f, "LOG-09/guardduty-list-detectors.json");
  g_assert_nonnull (finding);
  g_assert_true (is_blank (dm_finding_get_account (finding)));
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  assert_result (f, "APP-01", "arn:aws:lambda:eu-north-1:444433332222:function:hook", TRUE);
  g_assert_cmpstr (dm_finding_get_account (find (f, "APP-01/arn:aws:lambda:eu-north-1:444433332222:function:hook")), ==,
                   "444433332222");
  assert_counts_add_up (f);

  g_unlink (detectors);
  g_unlink (policy);
  g_unlink (rotation);
  g_unlink (table);
  g_rmdir (dir);
}

/* A CloudMapper tree's instance and Prowler's report on it: Demarc's
 * check names the instance by the ARN Prowler gives it (built from the
 * reservation's OwnerId and the zone's Region), so the two reports are
 * one finding (they were two, the tree's on the bare id). */
static void
test_joined_with_prowler (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *tree = data_path ("join-tree");
  g_autofree char *prowler = data_path ("join-prowler-imdsv2.ocsf.json");
  const char *arn = "arn:aws:ec2:eu-west-1:444455556666:instance/i-0feed5eed0000beef";
  g_autofree char *id = g_strdup_printf ("OS-03/%s", arn);
  GListModel *findings;
  DmFinding *finding;
  guint n_os03 = 0;

  import_path (f, tree);
  import_path (f, prowler);
  findings = dm_importer_get_findings (f->importer);

  finding = find (f, id);
  g_assert_nonnull (finding);
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, arn);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
  g_assert_cmpuint (dm_finding_get_n_origins (finding), ==, 2);
  g_assert_cmpstr (dm_finding_get_origin (finding, 0).tool, ==, "Demarc");
  g_assert_cmpstr (dm_finding_get_origin (finding, 1).tool, ==, "Prowler");
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) other = g_list_model_get_item (findings, i);

      if (g_strcmp0 (dm_finding_get_check (other), "OS-03") == 0)
        n_os03++;
    }
  g_assert_cmpuint (n_os03, ==, 1);
  g_assert_cmpuint (input_ending (f, "join-prowler-imdsv2.ocsf.json")->duplicates, ==, 1);
  /* The other check on the instance names it the same way. */
  assert_result (f, "OS-05", arn, FALSE);
  assert_counts_add_up (f);
}

/* A folder of CLI outputs of two accounts (and one of neither): each
 * result carries its own file's account, from the item (OwnerId) or its
 * file, and the file that names none gets none; the instance's ARN is
 * built from its own OwnerId and zone, the snapshot's is not (no Region). */
static void
test_cli_two_accounts (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = data_path ("cli-two-accounts");
  const char *instance = "arn:aws:ec2:us-east-2:111111111111:instance/i-0aaaa1111bbbb2222";
  g_autofree char *os03 = g_strdup_printf ("OS-03/%s", instance);
  DmFinding *finding;

  import_path (f, dir);

  assert_result (f, "OS-03", instance, FALSE);
  finding = find (f, os03);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111111111111");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "us-east-2");

  assert_result (f, "ENC-03", "snap-0bbbb2222cccc3333", TRUE);
  finding = find (f, "ENC-03/snap-0bbbb2222cccc3333");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "222222222222");
  g_assert_true (is_blank (dm_finding_get_region (finding)));

  /* The account summary names no account: the root user keeps "root". */
  assert_result (f, "IAM-01", "root", TRUE);
  g_assert_true (is_blank (dm_finding_get_account (find (f, "IAM-01/root"))));
  assert_counts_add_up (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cloudmapper/tree", test_tree);
  ADD ("/cloudmapper/single-files", test_single_files);
  ADD ("/cloudmapper/nothing-readable", test_nothing_readable);
  ADD ("/cloudmapper/symlink-loop", test_symlink_loop);
  ADD ("/cloudmapper/cli-folder", test_cli_folder);
  ADD ("/cloudmapper/joined-with-prowler", test_joined_with_prowler);
  ADD ("/cloudmapper/cli-two-accounts", test_cli_two_accounts);
#undef ADD

  return g_test_run ();
}
