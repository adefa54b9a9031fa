/* test-import.c: importers, mapping through the catalogue, assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "test-util.h"

#include "dm-assessment.h"
#include "dm-checks.h"
#include "dm-finding-array.h"
#include "dm-finding-group.h"
#include "dm-importer.h"
#include "dm-object-array.h"
#include "dm-json-reader.h"

typedef struct
{
  DmCatalogue *catalogue;
  DmModel     *model;
  DmImporter  *importer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->model = dm_model_new_default (&error);
  g_assert_no_error (error);
  f->importer = dm_importer_new (f->catalogue);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->model);
  g_clear_object (&f->catalogue);
}

static void
import_fixture (Fixture    *f,
                const char *name)
{
  g_autofree char *path = test_fixture_path (name);
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

static guint64
reason_count (const DmImportInput *input,
              const char          *reason)
{
  for (guint i = 0; i < input->reasons->len; i++)
    {
      const DmSkipReason *r = g_ptr_array_index (input->reasons, i);

      if (g_str_equal (r->reason, reason))
        return r->count;
    }
  return 0;
}

static void
test_catalogue (Fixture       *f,
                gconstpointer  data)
{
  guint critical_or_high = 0;

  g_assert_cmpuint (dm_catalogue_get_n_checks (f->catalogue), ==, 119);

  /* Every check lands on a layer of the model, on a model service or a
   * named other service, with our own title and remediation. */
  for (guint i = 0; i < dm_catalogue_get_n_checks (f->catalogue); i++)
    {
      const DmCheck *check = dm_catalogue_get_check (f->catalogue, i);

      g_assert_nonnull (dm_model_find_layer (f->model, check->layer));
      g_assert_true (dm_model_find_service (f->model, check->service) != NULL ||
                     dm_catalogue_get_service_name (f->catalogue, check->service) != NULL);
      g_assert_cmpuint (strlen (check->title), >, 10);
      g_assert_nonnull (check->remediation);
      if (check->severity >= DM_SEVERITY_HIGH)
        critical_or_high++;
    }
  g_assert_cmpuint (critical_or_high, ==, 51);

  /* A control listed first in a check is that check's own. */
  g_assert_cmpstr (dm_catalogue_find_by_control (f->catalogue, "EC2.19")->id, ==, "NET-05");
  g_assert_cmpstr (dm_catalogue_find_by_control (f->catalogue, "EC2.13")->id, ==, "NET-01");
  g_assert_cmpstr (dm_catalogue_find_by_prowler (f->catalogue, "ec2_instance_imdsv2_enabled")->id, ==, "OS-03");
  g_assert_null (dm_catalogue_find_by_control (f->catalogue, "Nope.1"));
  g_assert_cmpstr (dm_catalogue_resolve_service (f->catalogue, "AWSLambda"), ==, "lambda");
}

static void
test_asff_mixed (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("asff-mixed.json");
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "asff-mixed.json");

  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 1);
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "asff");
  g_assert_cmpuint (input->items, ==, 13);
  g_assert_cmpuint (input->skipped, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, 11);
  /* Nothing lost: every item is a finding or a counted skip. */
  g_assert_cmpuint (input->items, ==, input->skipped + 11);
  g_assert_cmpuint (input->evaluated, ==, 11);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 7);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 2);
  /* Archived and suppressed findings are kept as such, never as gaps. */
  g_assert_cmpint (dm_finding_get_status (find (f, "finding-5")), ==, DM_FINDING_SUPPRESSED);
  g_assert_cmpint (dm_finding_get_status (find (f, "finding-6")), ==, DM_FINDING_SUPPRESSED);
  g_assert_cmpint (dm_finding_get_status (find (f, "finding-7")), ==, DM_FINDING_INFORMATIONAL);
  g_assert_cmpuint (reason_count (input, "not a JSON object"), ==, 1);
  g_assert_cmpuint (reason_count (input, "not a finding or resource Demarc reads"), ==, 1);

  finding = find (f, "finding-1");
  g_assert_cmpstr (dm_finding_get_check (finding), ==, "DATA-03");
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "s3");
  /* Block Public Access decides who may reach the bucket: its IAM layer. */
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "iam");
  g_assert_cmpint (dm_finding_get_severity (finding), ==, DM_SEVERITY_HIGH);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_true (g_strv_contains (dm_finding_get_controls (finding), "S3.8"));
  g_assert_true (g_strv_contains (dm_finding_get_controls (finding), "CIS 3.0 2.1.4"));
  g_assert_cmpstr (dm_finding_get_remediation (finding), ==,
                   dm_catalogue_find_check (f->catalogue, "DATA-03")->remediation);
  g_assert_cmpstr (dm_finding_get_source (finding), ==, path);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111122223333");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");

  g_assert_cmpint (dm_finding_get_status (find (f, "finding-2")), ==, DM_FINDING_PASSED);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "finding-3")), ==, 2);
  g_assert_cmpstr (dm_finding_get_check (find (f, "finding-3")), ==, "NET-05");

  /* No compliance status (a GuardDuty threat): a failure, placed by its
   * resource type. */
  finding = find (f, "finding-8");
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_tool (finding), ==, "GuardDuty");
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "ec2");
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "os");

  /* Unknown resource type, no control: kept, but unmapped. */
  finding = find (f, "finding-9");
  g_assert_null (dm_finding_get_service (finding));
  g_assert_null (dm_finding_get_layer (finding));

  /* Hostile text is stored as given; escaping is each output's job. */
  g_assert_cmpstr (dm_finding_get_title (find (f, "finding-10")), ==,
                   "<script>alert(1)</script> & \"quotes\" \u202e" "evil\x1b[31m");

  /* Severity from the normalized score when there is no label. */
  g_assert_cmpint (dm_finding_get_severity (find (f, "finding-11")), ==, DM_SEVERITY_HIGH);
  g_assert_cmpstr (dm_finding_get_service (find (f, "finding-11")), ==, "rds");
}

static void
test_asff_containers (Fixture       *f,
                      gconstpointer  data)
{
  import_fixture (f, "asff-eventbridge.json");
  import_fixture (f, "asff-single.json");

  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 2);
  g_assert_cmpstr (dm_finding_get_check (find (f, "finding-20")), ==, "NET-12");
  g_assert_cmpstr (dm_finding_get_check (find (f, "finding-30")), ==, "APP-01");
  g_assert_cmpstr (dm_importer_get_input (f->importer, 1)->format, ==, "asff");
}

static void
test_prowler_ocsf (Fixture       *f,
                   gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "prowler-ocsf.json");
  input = dm_importer_get_input (f->importer, 0);

  g_assert_cmpstr (input->format, ==, "prowler-ocsf");
  g_assert_cmpuint (input->items, ==, 5);
  /* A manual check is informational and a muted one suppressed: both kept,
   * neither a gap. */
  g_assert_cmpuint (input->skipped, ==, 0);
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-aws-iam_root_mfa_enabled-111122223333-eu-west-1-r3")), ==,
                   DM_FINDING_INFORMATIONAL);
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-aws-iam_root_mfa_enabled-111122223333-eu-west-1-r4")), ==,
                   DM_FINDING_SUPPRESSED);

  finding = find (f, "prowler-aws-s3_bucket_level_public_access_block-111122223333-eu-west-1-r1");
  g_assert_cmpstr (dm_finding_get_check (finding), ==, "DATA-03");
  g_assert_cmpstr (dm_finding_get_evidence (finding), ==, "detail 1");
  g_assert_cmpstr (dm_finding_get_tool (finding), ==, "Prowler");

  finding = find (f, "prowler-aws-ec2_instance_imdsv2_enabled-111122223333-eu-west-1-r2");
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "os");

  /* An unknown check still lands on its service, through the alias. */
  finding = find (f, "prowler-aws-awslambda_unknown_check-111122223333-eu-west-1-r5");
  g_assert_null (dm_finding_get_check (finding));
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "lambda");
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "platform_apps");
}

static void
test_prowler_v2 (Fixture       *f,
                 gconstpointer  data)
{
  const DmImportInput *input;

  import_fixture (f, "prowler-v2.ndjson");
  input = dm_importer_get_input (f->importer, 0);

  g_assert_cmpstr (input->format, ==, "prowler-ndjson");
  g_assert_cmpuint (input->items, ==, 3);
  g_assert_cmpuint (input->skipped, ==, 0);
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-v2/1.0/111122223333/eu-west-1/r0")), ==, DM_FINDING_FAILED);
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-v2/1.1/111122223333/eu-west-1/r1")), ==, DM_FINDING_PASSED);
  /* An "INFO" line is a note, not a failure. */
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-v2/1.2/111122223333/eu-west-1/r2")), ==,
                   DM_FINDING_INFORMATIONAL);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
  g_assert_cmpstr (dm_finding_get_service (find (f, "prowler-v2/1.0/111122223333/eu-west-1/r0")), ==, "s3");
}

/* Prowler 2 findings go by their check: each where its Prowler 3+
 * equivalent goes, from the JSON lines and from the CSV alike, although
 * the CSV's resource types (AwsAccount for check11) and the service names
 * (ec2 for a snapshot, support for check117) say otherwise. */
static void
test_prowler_v2_checks (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *json_id;
    const char *csv_id;
    const char *service;
    const char *layer;
  } cases[] = {
    { "prowler-v2/1.01/111122223333/eu-west-1/root",
      "prowler-csv/1.1/111122223333/eu-west-1/eu-west-1: Root user in the account was last accessed 3 days ago",
      "iam", "iam" },
    { "prowler-v2/7.02/111122223333/eu-west-1/snap-0a1b2c3d4e5f60718",
      "prowler-csv/7.2/111122223333/eu-west-1/eu-west-1: snap-0a1b2c3d4e5f60718 is currently Public!",
      "ebs", "customer_data" },
    { "prowler-v2/2.07/111122223333/eu-west-1/management-events",
      "prowler-csv/2.7/111122223333/eu-west-1/eu-west-1: Trail management-events has no KMS key",
      "cloudtrail", "server_side_encryption" },
    { "prowler-v2/7.96/111122223333/eu-west-1/payments",
      "prowler-csv/7.96/111122223333/eu-west-1/eu-west-1: Cluster control plane access is not restricted for EKS cluster payments",
      "eks", "network_firewall" },
    { "prowler-v2/1.17/111122223333/eu-west-1/111122223333",
      "prowler-csv/1.17/111122223333/eu-west-1/eu-west-1: No command available for check 1.17. See section 1.17 on the CIS Benchmark guide for details",
      "account", "platform_apps" },
    { "prowler-v2/4.01/111122223333/eu-west-1/sg-0123456789abcdef0",
      "prowler-csv/4.1/111122223333/eu-west-1/eu-west-1: Found Security Group: sg-0123456789abcdef0 open to 0.0.0.0/0",
      "vpc", "network_firewall" },
    /* No id in the title: the CIS 1.2 rule of its Control ID, padded by -N. */
    { "prowler-v2/2.07/111122223333/eu-west-1/data-events",
      "prowler-csv/2.7/111122223333/eu-west-1/eu-west-1: Trail data-events has no KMS key",
      "cloudtrail", "server_side_encryption" },
    /* A check the mapping does not know: by its service, as before. */
    { "prowler-v2/7.999/111122223333/eu-west-1/audit-logs",
      "prowler-csv/7.999/111122223333/eu-west-1/eu-west-1: bucket audit-logs is fine",
      "s3", NULL },
  };
  const DmImportInput *json, *csv;

  import_fixture (f, "prowler-v2-checks.ndjson");
  import_fixture (f, "prowler-v2-checks.csv");
  json = dm_importer_get_input (f->importer, 0);
  csv = dm_importer_get_input (f->importer, 1);
  g_assert_cmpstr (json->format, ==, "prowler-ndjson");
  g_assert_cmpstr (csv->format, ==, "prowler-v2-csv");
  for (guint i = 0; i < 2; i++)
    {
      const DmImportInput *input = i ? csv : json;

      g_assert_cmpuint (input->items, ==, 9);
      g_assert_cmpuint (input->evaluated, ==, 9);
      /* Two public snapshots in one region are two findings, also in the
       * CSV, which has no resource column. */
      g_assert_cmpuint (input->duplicates, ==, 0);
      g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 7);
      g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
      g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DmFinding *from_json = find (f, cases[i].json_id);
      DmFinding *from_csv = find (f, cases[i].csv_id);
      const char *layer = cases[i].layer ? cases[i].layer
                                         : dm_catalogue_get_service_layer (f->catalogue, cases[i].service);

      g_assert_nonnull (from_json);
      g_assert_nonnull (from_csv);
      g_assert_cmpstr (dm_finding_get_service (from_json), ==, cases[i].service);
      g_assert_cmpstr (dm_finding_get_layer (from_json), ==, layer);
      g_assert_cmpstr (dm_finding_get_service (from_csv), ==, cases[i].service);
      g_assert_cmpstr (dm_finding_get_layer (from_csv), ==, layer);
    }
  g_assert_nonnull (find (f, "prowler-csv/7.2/111122223333/eu-west-1/eu-west-1: snap-09f8e7d6c5b4a3921 is currently Public!"));
  g_assert_cmpint (dm_finding_get_status (find (f, "prowler-v2/1.17/111122223333/eu-west-1/111122223333")), ==,
                   DM_FINDING_INFORMATIONAL);
}

/* The same in the two v2 samples of ../shared: check11, the root account's
 * use, is IAM's in the CSV (resource type AwsAccount) as in the JSON. */
static void
test_prowler_v2_samples (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (SHARED_DIR, "samples", "prowler",
                                                 "defectdojo_prowler-v2_many_vuln.ndjson.json", NULL);
  g_autofree char *csv_path = g_build_filename (SHARED_DIR, "samples", "prowler", "defectdojo_prowler-v2_one_vuln.csv",
                                                NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  GListModel *findings;
  guint check11 = 0;

  if (!g_file_test (json_path, G_FILE_TEST_EXISTS) || !g_file_test (csv_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/samples/prowler is not present on this machine");
      return;
    }
  g_assert_true (dm_importer_add_file (f->importer, json_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dm_importer_add_file (f->importer, csv_file, NULL, &error));
  g_assert_no_error (error);

  findings = dm_importer_get_findings (f->importer);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_has_prefix (dm_finding_get_title (finding), "[check11] "))
        {
          g_assert_cmpstr (dm_finding_get_service (finding), ==, "iam");
          g_assert_cmpstr (dm_finding_get_layer (finding), ==, "iam");
          check11++;
        }
      else if (g_str_has_prefix (dm_finding_get_title (finding), "[extra796] "))
        {
          g_assert_cmpstr (dm_finding_get_service (finding), ==, "eks");
          g_assert_cmpstr (dm_finding_get_layer (finding), ==, "network_firewall");
        }
    }
  g_assert_cmpuint (check11, ==, 2);
}

static void
test_config (Fixture       *f,
             gconstpointer  data)
{
  const DmImportInput *input;

  import_fixture (f, "config-evaluations.json");
  import_fixture (f, "config-snapshot.json");
  import_fixture (f, "cli-security-groups.json");

  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "config-compliance");
  g_assert_cmpuint (input->items, ==, 3);
  g_assert_cmpuint (input->skipped, ==, 0);
  g_assert_cmpint (dm_finding_get_status (find (f, "restricted-ssh/sg-4")), ==, DM_FINDING_INFORMATIONAL);
  g_assert_cmpstr (dm_finding_get_service (find (f, "restricted-ssh/sg-2")), ==, "vpc");
  g_assert_cmpstr (dm_finding_get_evidence (find (f, "restricted-ssh/sg-2")), ==, "port 22 open");
  g_assert_cmpint (dm_finding_get_status (find (f, "restricted-ssh/sg-3")), ==, DM_FINDING_PASSED);

  /* Config items are run through Demarc's own checks. */
  input = dm_importer_get_input (f->importer, 1);
  g_assert_cmpstr (input->format, ==, "config-snapshot");
  g_assert_cmpuint (input->items, ==, 12);

  input = dm_importer_get_input (f->importer, 2);
  g_assert_cmpstr (input->format, ==, "aws-cli");
  g_assert_cmpuint (input->skipped, ==, 0);
}

static void
assert_result (Fixture    *f,
               const char *id,
               gboolean    failed,
               const char *evidence)
{
  DmFinding *finding = find (f, id);

  if (finding == NULL)
    g_error ("no finding %s", id);
  g_assert_cmpint (dm_finding_get_status (finding), ==, failed ? DM_FINDING_FAILED : DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_tool (finding), ==, "Demarc");
  if (evidence)
    g_assert_cmpstr (dm_finding_get_evidence (finding), ==, evidence);
}

static void
test_own_checks_config (Fixture       *f,
                        gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "config-snapshot.json");
  input = dm_importer_get_input (f->importer, 0);

  g_assert_cmpuint (input->skipped, ==, 4);
  g_assert_cmpuint (input->evaluated, ==, 8);
  g_assert_cmpuint (reason_count (input, "nothing to evaluate (stopped, detached or incomplete resource)"), ==, 1);
  g_assert_cmpuint (reason_count (input, "deleted or not recorded resource"), ==, 1);
  g_assert_cmpuint (reason_count (input, "no Demarc check reads this yet"), ==, 1);
  g_assert_cmpuint (reason_count (input, "configuration missing or unreadable"), ==, 1);

  assert_result (f, "NET-01/arn:aws:ec2:eu-west-1:111122223333:security-group/sg-open", TRUE, "tcp 22 from 0.0.0.0/0");
  assert_result (f, "NET-02/arn:aws:ec2:eu-west-1:111122223333:security-group/sg-open", FALSE, NULL);
  assert_result (f, "NET-05/arn:aws:ec2:eu-west-1:111122223333:security-group/sg-open", TRUE, NULL);
  /* configuration given as a JSON string: read all the same. Items that
   * name no account are the file's, by the ARNs it holds: their ARNs are
   * built in it; one without a Region (vol-1) keeps its id. */
  assert_result (f, "NET-06/arn:aws:ec2:eu-west-1:111122223333:security-group/sg-default", TRUE,
                 "The default security group has 0 inbound and 1 outbound rules.");
  assert_result (f, "OS-03/arn:aws:ec2:eu-west-1:111122223333:instance/i-1", TRUE, "HttpTokens is optional.");
  assert_result (f, "OS-05/arn:aws:ec2:eu-west-1:111122223333:instance/i-1", TRUE, "PublicIpAddress is 203.0.113.9.");
  g_assert_null (find (f, "OS-03/arn:aws:ec2:eu-west-1:111122223333:instance/i-2"));
  g_assert_null (find (f, "OS-03/i-2"));
  assert_result (f, "ENC-02/vol-1", TRUE, NULL);
  /* A bucket's ARN needs no account or Region. */
  assert_result (f, "DATA-03/arn:aws:s3:::bucket-<b>one</b>", TRUE, "Not on: blockPublicPolicy, restrictPublicBuckets.");
  assert_result (f, "DATA-04/arn:aws:s3:::bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "ENC-04/arn:aws:s3:::bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "TLS-01/arn:aws:s3:::bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "NET-12/orders", TRUE, "PubliclyAccessible is true.");
  assert_result (f, "ENC-05/orders", FALSE, NULL);
  assert_result (f, "APP-13/orders", TRUE, NULL);
  assert_result (f, "DATA-08/orders", FALSE, "BackupRetentionPeriod is 7 days.");
  assert_result (f, "APP-03/mailer", TRUE, "Runtime python3.8 is deprecated or not supported.");
  assert_result (f, "LOG-02/main", TRUE, NULL);
  assert_result (f, "LOG-03/main", FALSE, NULL);

  /* Findings carry the catalogue's facts and the item's provenance. */
  finding = find (f, "NET-01/arn:aws:ec2:eu-west-1:111122223333:security-group/sg-open");
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "vpc");
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "network_firewall");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111122223333");
  g_assert_cmpuint (dm_finding_get_source_item (finding), ==, 0);
  g_assert_true (g_strv_contains (dm_finding_get_controls (finding), "EC2.53"));
}

static void
test_own_checks_cli (Fixture       *f,
                     gconstpointer  data)
{
  import_fixture (f, "cli-security-groups.json");
  import_fixture (f, "cli-credential-report.json");
  import_fixture (f, "cli-authorization-details.json");
  import_fixture (f, "cli-password-policy.json");
  import_fixture (f, "cli-guardduty-detectors.json");
  import_fixture (f, "cli-unknown.json");

  assert_result (f, "NET-06/sg-a", TRUE, NULL);
  assert_result (f, "NET-03/sg-b", TRUE, "tcp 3389 from ::/0");
  assert_result (f, "NET-02/sg-b", FALSE, NULL);
  assert_result (f, "NET-04/sg-c", TRUE, "all traffic from 0.0.0.0/0");

  /* The credential report, base64 inside "Content": users and the root
   * user by the report's arn column, in the account it names. */
  assert_result (f, "IAM-01/arn:aws:iam::111122223333:root", TRUE, "Root mfa_active is false.");
  assert_result (f, "IAM-03/arn:aws:iam::111122223333:root", TRUE, NULL);
  assert_result (f, "IAM-05/arn:aws:iam::111122223333:user/alice", TRUE, NULL);
  assert_result (f, "IAM-05/arn:aws:iam::111122223333:user/bob", FALSE, NULL);
  g_assert_cmpstr (dm_finding_get_account (find (f, "IAM-01/arn:aws:iam::111122223333:root")), ==, "111122223333");

  /* Policy documents as objects and URL-encoded strings; a user by its
   * Arn, a role that gives none by its name. */
  assert_result (f, "IAM-14/arn:aws:iam::111122223333:user/ops", TRUE,
                 "Inline policy everything allows every action on every resource.");
  assert_result (f, "IAM-14/reader", FALSE, NULL);
  assert_result (f, "IAM-13/arn:aws:iam::aws:policy/AdministratorAccess", TRUE, NULL);
  g_assert_null (find (f, "IAM-13/arn:aws:iam::111122223333:policy/Unused"));

  assert_result (f, "IAM-10/password policy", FALSE, "MinimumPasswordLength is 16.");
  assert_result (f, "IAM-11/password policy", TRUE, "PasswordReusePrevention is 5.");
  assert_result (f, "LOG-09/cli-guardduty-detectors.json", TRUE, "0 GuardDuty detectors.");

  g_assert_cmpuint (reason_count (dm_importer_get_input (f->importer, 5), "no Demarc check reads this yet (its keys: SomethingElse)"), ==, 1);
}

/* One bundle of the remaining critical and high checks' CLI evidence. */
static void
test_own_checks_bundle (Fixture       *f,
                        gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "bundle-more-checks.json");
  input = dm_importer_get_input (f->importer, 0);

  assert_result (f, "IAM-02/arn:aws:iam::111122223333:root", TRUE, "The root user's MFA is the virtual device arn:aws:iam::111122223333:mfa/root-account-mfa-device.");
  /* An unused-access analyzer does not look for external access. */
  assert_result (f, "IAM-16/eu-west-1", TRUE, "No active external access analyzer.");
  assert_result (f, "LOG-10/eu-west-1", TRUE, "0 security standards are enabled.");
  /* The collector's error is the evidence that the hub is off. */
  assert_result (f, "LOG-10/us-east-1", TRUE, NULL);
  assert_result (f, "LOG-15/111122223333", TRUE, "Inspector scanning off: ecr DISABLED.");
  assert_result (f, "NET-13/arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse", TRUE, "PubliclyAccessible is true.");
  assert_result (f, "NET-13/arn:aws:redshift:eu-west-1:111122223333:cluster:reports", FALSE, NULL);
  assert_result (f, "NET-14/eu-west-1", TRUE, NULL);
  assert_result (f, "NET-15/arn:aws:ecs:eu-west-1:111122223333:service/web/frontend", TRUE, "AssignPublicIp is ENABLED.");
  assert_result (f, "NET-15/arn:aws:ecs:eu-west-1:111122223333:service/web/worker", FALSE, NULL);
  assert_result (f, "NET-16/arn:aws:eks:eu-west-1:111122223333:cluster/platform", TRUE, "The API endpoint is public and open to 0.0.0.0/0.");
  assert_result (f, "APP-17/arn:aws:eks:eu-west-1:111122223333:cluster/platform", TRUE, NULL);
  assert_result (f, "OS-02/arn:aws:ec2:eu-west-1:111122223333:instance/i-0aaa", TRUE, "Patch compliance is NON_COMPLIANT.");
  assert_result (f, "OS-02/arn:aws:ec2:eu-west-1:111122223333:instance/i-0bbb", FALSE, NULL);
  g_assert_null (find (f, "OS-02/arn:aws:ec2:eu-west-1:111122223333:instance/i-0ccc"));   /* association, not patch, compliance */
  assert_result (f, "OS-04/eu-west-1", TRUE, "The account default HttpTokens is not set.");
  assert_result (f, "OS-06/arn:aws:ec2:eu-west-1:111122223333:instance/i-0aaa", TRUE, "Line 3 of the user data holds a credential, judging by its name.");
  assert_result (f, "OS-06/arn:aws:ec2:eu-west-1:111122223333:instance/i-0bbb", FALSE, NULL);   /* a parameter path, not a password */
  assert_result (f, "OS-07/arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/shop/shop-prod", TRUE, "ManagedActionsEnabled is false.");
  assert_result (f, "APP-12/arn:aws:elasticbeanstalk:eu-west-1:111122223333:environment/shop/shop-prod", FALSE, NULL);
  assert_result (f, "OS-08/arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7", TRUE, "Privileged containers: app.");
  assert_result (f, "APP-05/arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7", TRUE, NULL);
  assert_result (f, "DATA-01/arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0public", TRUE, NULL);
  assert_result (f, "ENC-03/arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0plain", TRUE, "Encrypted is false.");
  assert_result (f, "ENC-03/arn:aws:ec2:eu-west-1:111122223333:snapshot/snap-0sealed", FALSE, NULL);

  /* lambda get-policy is a function's policy, not a bucket's. */
  assert_result (f, "APP-01/arn:aws:lambda:eu-west-1:111122223333:function:thumbnailer", TRUE, NULL);
  assert_result (f, "APP-01/arn:aws:lambda:eu-west-1:111122223333:function:resizer", FALSE, NULL);
  g_assert_null (find (f, "DATA-04/bundle-more-checks.json"));
  g_assert_null (find (f, "TLS-01/bundle-more-checks.json"));
  assert_result (f, "APP-02/arn:aws:lambda:eu-west-1:111122223333:function:thumbnailer", TRUE, "The function URL's AuthType is NONE.");
  assert_result (f, "APP-04/arn:aws:lambda:eu-west-1:111122223333:function:billing", TRUE, "Variables that look like secrets: STRIPE_KEY (a Stripe secret key).");
  assert_result (f, "APP-04/arn:aws:lambda:eu-west-1:111122223333:function:resizer", FALSE, NULL);   /* an ARN points at the secret */
  assert_result (f, "APP-14/arn:aws:elasticache:eu-west-1:111122223333:cluster:sessions", TRUE, NULL);
  assert_result (f, "APP-15/arn:aws:ecr:eu-west-1:111122223333:repository/api", TRUE, NULL);
  assert_result (f, "APP-16/arn:aws:ecr:eu-west-1:111122223333:repository/api", TRUE, NULL);
  assert_result (f, "POL-01/bundle-more-checks.json", TRUE, NULL);
  assert_result (f, "POL-02/arn:aws:sqs:eu-west-1:111122223333:orders", TRUE, NULL);
  assert_result (f, "POL-03/arn:aws:sns:eu-west-1:111122223333:alerts", FALSE, NULL);   /* narrowed by a condition */

  /* Evidence names secrets, never repeats them. */
  finding = find (f, "APP-05/arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "wJalrXUtnFEMI"));
  finding = find (f, "APP-04/arn:aws:lambda:eu-west-1:111122223333:function:billing");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "sk_live_0123"));
  finding = find (f, "OS-06/arn:aws:ec2:eu-west-1:111122223333:instance/i-0aaa");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "Passw0rd"));

  g_assert_cmpstr (dm_finding_get_service (find (f, "NET-13/arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse")), ==, "redshift");
  g_assert_cmpstr (dm_finding_get_layer (find (f, "NET-13/arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse")), ==, "network_firewall");
  g_assert_cmpstr (dm_finding_get_region (find (f, "LOG-10/us-east-1")), ==, "us-east-1");
  /* The failed GuardDuty call is a counted skip, not silence. */
  g_assert_cmpuint (reason_count (input, "the collector could not make this call"), ==, 1);
}

static void
test_own_checks_more_config (Fixture       *f,
                             gconstpointer  data)
{
  const DmImportInput *input;

  import_fixture (f, "config-more-checks.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpuint (input->skipped, ==, 0);

  assert_result (f, "OS-08/web", FALSE, NULL);
  assert_result (f, "APP-05/web", TRUE, "Environment variables that look like secrets: GITHUB_TOKEN in nginx (a GitHub token).");
  assert_result (f, "NET-15/arn:aws:ecs:eu-west-1:111122223333:service/web/site", FALSE, NULL);
  assert_result (f, "NET-16/arn:aws:eks:eu-west-1:111122223333:cluster/data", FALSE, "The API endpoint is public but limited to listed CIDR ranges.");
  assert_result (f, "APP-17/arn:aws:eks:eu-west-1:111122223333:cluster/data", FALSE, NULL);
  assert_result (f, "APP-15/arn:aws:ecr:eu-west-1:111122223333:repository/web", FALSE, NULL);
  assert_result (f, "APP-16/arn:aws:ecr:eu-west-1:111122223333:repository/web", FALSE, NULL);
  assert_result (f, "NET-13/arn:aws:redshift:eu-west-1:111122223333:cluster:lake", FALSE, NULL);
  assert_result (f, "APP-14/arn:aws:elasticache:eu-west-1:111122223333:cluster:cache", FALSE, NULL);
  assert_result (f, "POL-02/arn:aws:sqs:eu-west-1:111122223333:jobs", TRUE, NULL);
}

static void
test_root_usage (Fixture       *f,
                 gconstpointer  data)
{
  import_fixture (f, "cli-credential-report-root-used.json");
  assert_result (f, "IAM-04/arn:aws:iam::111122223333:root", TRUE,
                 "The root user was last used on 2026-11-18 (password_last_used), 2 days before the report.");
  assert_result (f, "IAM-01/arn:aws:iam::111122223333:root", FALSE, NULL);
}

static void
test_secret_detection (void)
{
  guint line = 0;

  g_assert_nonnull (dm_check_secret_kind ("KEY", "AKIAIOSFODNN7EXAMPLE"));
  g_assert_nonnull (dm_check_secret_kind ("x", "-----BEGIN RSA PRIVATE KEY-----\nMIIE"));
  g_assert_nonnull (dm_check_secret_kind ("API_TOKEN", "abcdefgh1234"));
  g_assert_null (dm_check_secret_kind ("API_TOKEN", "short"));
  g_assert_null (dm_check_secret_kind ("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:1:secret:x"));
  g_assert_null (dm_check_secret_kind ("DB_PASSWORD", "{{resolve:ssm:/db/pw}}"));
  g_assert_null (dm_check_secret_kind ("TABLE_NAME", "invoices-2026-production"));
  g_assert_null (dm_check_secret_kind ("KEY", "AKIA-not-a-key"));

  g_assert_null (dm_check_secret_in_text ("#!/bin/sh\necho hello\nsee https://example.com/password=reset\n", &line));
  g_assert_nonnull (dm_check_secret_in_text ("#!/bin/sh\n\nmysql -p\naws_secret_access_key = abcdEFGH1234ijkl\n", &line));
  g_assert_cmpuint (line, ==, 4);
}

static void
copy_fixture (const char *name,
              const char *dir,
              const char *as)
{
  g_autofree char *from = test_fixture_path (name);
  g_autofree char *to = g_build_filename (dir, as, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &text, &length, NULL));
  g_assert_true (g_file_set_contents (to, text, length, NULL));
}

static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-test-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "eu-west-1", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  copy_fixture ("prowler-ocsf.json", dir, "b-prowler.json");
  copy_fixture ("asff-single.json", dir, "a-asff.json");
  copy_fixture ("config-evaluations.json", sub, "config.json");
  g_assert_true (g_file_set_contents (notes, "not an export", -1, NULL));

  g_assert_true (dm_importer_add_file (f->importer, folder, NULL, &error));
  g_assert_no_error (error);

  /* JSON files, in name order, subfolders included; the rest listed as
   * not read. */
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 4);
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 0)->path, "a-asff.json"));
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 1)->path, "b-prowler.json"));
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 2)->path, "config.json"));
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 3)->path, "notes.txt"));
  g_assert_cmpstr (dm_importer_get_input (f->importer, 3)->format, ==, "not-read");
  g_assert_cmpuint (dm_importer_get_input (f->importer, 3)->skipped, ==, 1);

  g_unlink (notes);
  {
    g_autofree char *p1 = g_build_filename (dir, "a-asff.json", NULL);
    g_autofree char *p2 = g_build_filename (dir, "b-prowler.json", NULL);
    g_autofree char *p3 = g_build_filename (sub, "config.json", NULL);
    g_unlink (p1);
    g_unlink (p2);
    g_unlink (p3);
  }
  g_rmdir (sub);
  g_rmdir (dir);
}

static void
test_scoutsuite (Fixture       *f,
                 gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "scoutsuite_results_aws-111122223333.js");
  input = dm_importer_get_input (f->importer, 0);

  g_assert_cmpstr (input->format, ==, "scoutsuite");
  g_assert_cmpuint (input->items, ==, 4);
  g_assert_cmpuint (input->evaluated, ==, 3);
  g_assert_cmpuint (reason_count (input, "rule had nothing to check"), ==, 1);

  /* This file has no inventory: each flagged item is named by its path
   * (tests/test-scoutsuite.c has resources resolved). */
  finding = find (f, "scoutsuite/s3/s3-bucket-world-policy-star/s3.buckets.id.example-public.policy");
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpint (dm_finding_get_severity (finding), ==, DM_SEVERITY_HIGH);
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "s3");
  g_assert_cmpstr (dm_finding_get_evidence (finding), ==,
                   "Anyone can read it. Flagged: s3.buckets.id.example-public.policy (not found in the results' inventory).");
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, "s3.buckets.id.example-public.policy");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111122223333");
  g_assert_cmpint (dm_finding_get_status (find (f, "scoutsuite/s3/s3-bucket-no-logging/all-checked")), ==, DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_layer (find (f, "scoutsuite/iam/iam-root-account-no-mfa/iam.credential_reports.<root_account>")), ==, "iam");
}

static void
test_cloudmapper_layout (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *root = g_dir_make_tmp ("demarc-test-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (root, "account-data", "444455556666", "eu-central-1", NULL);
  g_autofree char *path = g_build_filename (dir, "ec2-describe-security-groups.json", NULL);
  g_autoptr(GFile) top = g_file_new_for_path (root);
  g_autoptr(GError) error = NULL;
  DmFinding *finding;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  copy_fixture ("cli-security-groups.json", dir, "ec2-describe-security-groups.json");

  g_assert_true (dm_importer_add_file (f->importer, top, NULL, &error));
  g_assert_no_error (error);

  /* Account and region come from the folders, and with them the group's
   * ARN, as other tools name it. */
  finding = find (f, "NET-04/arn:aws:ec2:eu-central-1:444455556666:security-group/sg-c");
  g_assert_nonnull (finding);
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, "arn:aws:ec2:eu-central-1:444455556666:security-group/sg-c");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-central-1");

  g_unlink (path);
  for (char *p = g_strdup (dir); strlen (p) > strlen (root); )
    {
      char *parent = g_path_get_dirname (p);
      g_rmdir (p);
      g_free (p);
      p = parent;
      if (strlen (p) <= strlen (root))
        {
          g_free (p);
          break;
        }
    }
  g_rmdir (root);
}

static void
assert_import_fails_len (Fixture    *f,
                         const char *text,
                         gssize      length,
                         GQuark      domain,
                         int         code)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint before = dm_importer_get_n_inputs (f->importer);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  g_assert_false (dm_importer_add_file (f->importer, file, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  /* A file that fails leaves no half-read input behind. */
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, before);

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_import_fails (Fixture    *f,
                     const char *text,
                     GQuark      domain,
                     int         code)
{
  assert_import_fails_len (f, text, -1, domain, code);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const char nul[] = "{\"Findings\": [{\"Id\": \"a\0b\"}]}";
  g_autofree char *deep = g_malloc (200001);

  memset (deep, '[', 100000);
  memset (deep + 100000, ']', 100000);
  deep[200000] = '\0';

  /* Non-UTF-8, a raw NUL, and 100,000 levels of nesting: clear errors,
   * no crash, no half-read input. */
  assert_import_fails (f, "{\"Findings\": [{\"Title\": \"caf\xe9\"}]}", DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
  assert_import_fails_len (f, nul, sizeof nul - 1, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
  assert_import_fails (f, deep, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP);

  assert_import_fails (f, "", DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_EMPTY);
  assert_import_fails (f, "{\"Findings\": [{\"Id\": ", DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TRUNCATED);
  assert_import_fails (f, "{\"Findings\": [}", DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
  assert_import_fails (f, "42", DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT);
  assert_import_fails (f, "{}", DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DmAssessment) assessment = NULL;
  DmService *s3, *vpc, *lambda;
  const DmLayerResult *r;

  import_fixture (f, "asff-mixed.json");
  import_fixture (f, "prowler-ocsf.json");
  assessment = dm_assessment_new (f->model, f->catalogue, dm_importer_get_findings (f->importer));

  s3 = dm_model_find_service (f->model, "s3");
  vpc = dm_model_find_service (f->model, "vpc");
  lambda = dm_model_find_service (f->model, "lambda");

  g_assert_true (dm_assessment_has_service (assessment, s3));
  g_assert_false (dm_assessment_has_service (assessment, dm_model_find_service (f->model, "sqs")));

  /* S3's IAM layer: finding-1 (high) and the Prowler FAIL on Block Public
   * Access, and finding-2 that passed. */
  r = dm_assessment_get_result (assessment, s3, dm_model_find_layer (f->model, "iam"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);
  g_assert_cmpint (r->worst, ==, DM_SEVERITY_HIGH);
  g_assert_cmpuint (r->failed, ==, 2);
  g_assert_cmpuint (r->passed, ==, 1);
  /* finding-10 (S3.9, server access logging) is on "platform and
   * applications", which the customer shares for S3. */
  g_assert_cmpstr (dm_finding_get_layer (find (f, "finding-10")), ==, "platform_apps");
  g_assert_cmpstr (dm_assessment_get_finding_layer (assessment, find (f, "finding-10")), ==, "platform_apps");

  r = dm_assessment_get_result (assessment, s3, dm_model_find_layer (f->model, "platform_apps"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);
  g_assert_cmpuint (r->failed, ==, 1);

  /* Nothing says anything about S3's encryption layers: no data, never ok. */
  r = dm_assessment_get_result (assessment, s3, dm_model_find_layer (f->model, "server_side_encryption"));
  g_assert_cmpint (r->status, ==, DM_LAYER_NO_DATA);

  r = dm_assessment_get_result (assessment, vpc, dm_model_find_layer (f->model, "network_firewall"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);
  g_assert_cmpint (r->worst, ==, DM_SEVERITY_CRITICAL);

  /* finding-8 (GuardDuty, no compliance status) is a gap on EC2's OS. */
  r = dm_assessment_get_result (assessment, dm_model_find_service (f->model, "ec2"), dm_model_find_layer (f->model, "os"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);
  r = dm_assessment_get_result (assessment, lambda, dm_model_find_layer (f->model, "platform_apps"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);

  g_assert_cmpuint (dm_assessment_get_n_unmapped (assessment), ==, 1);
  g_assert_cmpuint (dm_assessment_count_gaps (assessment, DM_SEVERITY_CRITICAL), ==, 2);

  /* Coverage counts only the customer's layers of the services present. */
  {
    guint with_evidence, customer_layers;

    dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
    g_assert_cmpuint (with_evidence, >, 0);
    g_assert_cmpuint (with_evidence, <, customer_layers);
  }
  g_assert_cmpuint (dm_assessment_count_gaps (assessment, DM_SEVERITY_HIGH), ==, 5);
}

/* The values the Findings view's filters offer, made in one pass: each
 * once, none empty, every tool that reported a finding; and the failed
 * findings in their groups' order, as that view first lists them. */
static void
test_assessment_values (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DmAssessment) assessment = NULL;
  GHashTable *expected[DM_ASSESSMENT_N_VALUES] = { NULL };
  GListModel *findings;
  GPtrArray *groups, *grouped;
  guint n = 0;

  import_fixture (f, "asff-mixed.json");
  import_fixture (f, "prowler-ocsf.json");
  findings = dm_importer_get_findings (f->importer);
  assessment = dm_assessment_new (f->model, f->catalogue, findings);

  for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
    expected[v] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *values[] = { dm_finding_get_service (finding), dm_assessment_get_finding_layer (assessment, finding),
                               dm_finding_get_region (finding), dm_finding_get_account (finding),
                               dm_finding_get_tool (finding) };

      for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
        if (values[v] && *values[v])
          g_hash_table_add (expected[v], (gpointer)values[v]);
    }
  for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
    {
      GPtrArray *values = dm_assessment_get_values (assessment, v);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (values->len, >, 0);
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);

          g_assert_true (*value != '\0');
          g_assert_true (g_hash_table_add (seen, (gpointer)value));
          g_assert_true (g_hash_table_contains (expected[v], value));
        }
      g_assert_cmpuint (values->len, ==, g_hash_table_size (expected[v]));
      g_hash_table_unref (expected[v]);
    }
  g_assert_cmpuint (dm_assessment_get_values (assessment, DM_ASSESSMENT_VALUE_TOOL)->len, >=, 2);
  /* Made once. */
  g_assert_true (dm_assessment_get_values (assessment, DM_ASSESSMENT_VALUE_REGION) ==
                 dm_assessment_get_values (assessment, DM_ASSESSMENT_VALUE_REGION));

  groups = dm_assessment_get_failed_groups (assessment);
  grouped = dm_assessment_get_failed_grouped (assessment);
  g_assert_cmpuint (grouped->len, ==, dm_assessment_get_n_failed (assessment));
  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *in_group = dm_finding_group_get_findings (g_ptr_array_index (groups, g));

      for (guint i = 0; i < in_group->len; i++)
        g_assert_true (g_ptr_array_index (grouped, n++) == g_ptr_array_index (in_group, i));
    }
  g_assert_cmpuint (n, ==, grouped->len);
}

/* A list over a shared array: all of it or its first part, grown or
 * shrunk with one change each, the items those of the array. */
typedef struct
{
  guint position, removed, added, emissions;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  *change = (Change){ position, removed, added, change->emissions + 1 };
}

static void
test_object_array (void)
{
  g_autoptr(DmObjectArray) list = dm_object_array_new (DM_TYPE_FINDING);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Change change = { 0 };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", i);
      DmFindingData d = { .id = id, .status = DM_FINDING_FAILED, .title = id };

      g_ptr_array_add (items, dm_finding_new (&d));
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DM_TYPE_FINDING);

  dm_object_array_set_items (list, items, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (dm_object_array_get_n_all (list), ==, 5);
  g_assert_true (change.position == 0 && change.removed == 0 && change.added == 2 && change.emissions == 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));
  {
    g_autoptr(DmFinding) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_true (second == g_ptr_array_index (items, 1));
  }

  dm_object_array_show (list, 4);
  g_assert_true (change.position == 2 && change.removed == 0 && change.added == 2 && change.emissions == 2);
  dm_object_array_show (list, 99);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (change.position == 4 && change.added == 1 && change.emissions == 3);
  dm_object_array_show (list, 1);
  g_assert_true (change.position == 1 && change.removed == 4 && change.added == 0 && change.emissions == 4);
  dm_object_array_show (list, 1);
  g_assert_cmpuint (change.emissions, ==, 4);

  /* A copy of the first three, replacing all. */
  dm_object_array_set_all (list, items->pdata + 2, 3);
  g_assert_true (change.position == 0 && change.removed == 1 && change.added == 3 && change.emissions == 5);
  {
    g_autoptr(DmFinding) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (first == g_ptr_array_index (items, 2));
  }
}

static void
test_assessment_ok (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DmAssessment) assessment = NULL;
  DmService *ec2 = dm_model_find_service (f->model, "ec2");
  const DmLayerResult *r;

  import_fixture (f, "prowler-ocsf.json");
  assessment = dm_assessment_new (f->model, f->catalogue, dm_importer_get_findings (f->importer));

  r = dm_assessment_get_result (assessment, ec2, dm_model_find_layer (f->model, "os"));
  g_assert_cmpint (r->status, ==, DM_LAYER_OK);
  g_assert_cmpuint (r->passed, ==, 1);
  r = dm_assessment_get_result (assessment, ec2, dm_model_find_layer (f->model, "network_firewall"));
  g_assert_cmpint (r->status, ==, DM_LAYER_NO_DATA);
  r = dm_assessment_get_result (assessment, ec2, dm_model_find_layer (f->model, "aws_global_infrastructure"));
  g_assert_cmpint (r->status, ==, DM_LAYER_PROVIDER);

  /* prowler-ocsf covers s3, ec2, lambda, and iam through a manual and a
   * muted finding; of their customer layers, three have evidence (S3 data,
   * EC2 OS, Lambda platform): informational and suppressed findings are no
   * evidence. */
  {
    guint with_evidence, customer_layers, expected = 0;
    const char *present[] = { "s3", "ec2", "lambda", "iam" };

    for (guint s = 0; s < G_N_ELEMENTS (present); s++)
      for (guint l = 0; l < dm_model_get_n_layers (f->model); l++)
        {
          DmOwner owner = dm_service_get_owner (dm_model_find_service (f->model, present[s]), dm_model_get_layer (f->model, l));
          if (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED)
            expected++;
        }
    dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
    g_assert_cmpuint (with_evidence, ==, 3);
    g_assert_cmpuint (customer_layers, ==, expected);
  }
}

/* Every sample others wrote imports, or fails with a clear syntax error
 * when the manifest says it is invalid as published. */
static void
test_shared_samples (Fixture       *f,
                     gconstpointer  data)
{
  const char *folders[] = { "securityhub_asff", "prowler", "aws_config", "aws_cli", "guardduty", "inspector",
                            "accessanalyzer", "cloudsploit", "trustedadvisor" };
  g_autofree char *root = g_build_filename (SHARED_DIR, "samples", NULL);
  guint imported = 0, rejected = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir_path = g_build_filename (root, folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(DmImporter) importer = dm_importer_new (f->catalogue);
          g_autoptr(GError) error = NULL;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          if (dm_importer_add_file (importer, file, NULL, &error))
            {
              const DmImportInput *input = dm_importer_get_input (importer, 0);

              /* Nothing lost: every item gave findings or a counted skip. */
              g_assert_cmpuint (input->items, ==, input->skipped + input->evaluated);
              imported++;
            }
          else
            {
              g_assert_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX);
              rejected++;
            }
        }
    }

  g_assert_cmpuint (imported, >=, 20);
  g_assert_cmpuint (rejected, <=, 1);
}

/* The same findings reached twice, by the same file given again and by a
 * folder that links back to itself, are kept once and counted as
 * duplicates; nothing else changes. */
/* GuardDuty's own get-findings output: its SchemaVersion does not make it
 * ASFF; its 1–10 severity is banded as GuardDuty bands it; the affected
 * resource is named by ARN; an archived finding is suppressed. */
static void
test_guardduty (Fixture       *f,
                gconstpointer  data)
{
  const char *prefix = "arn:aws:guardduty:eu-west-1:444455556666:detector/d1/finding/";
  static const struct
  {
    const char      *id;
    DmSeverity       severity;
    DmFindingStatus  status;
    const char      *resource;
    const char      *service;
    const char      *layer;
  } expected[] = {
    { "f01", DM_SEVERITY_HIGH, DM_FINDING_FAILED, "arn:aws:iam::444455556666:user/deploy-bot", "iam", "iam" },
    { "f02", DM_SEVERITY_LOW, DM_FINDING_FAILED, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890",
      "ec2", "os" },
    { "f03", DM_SEVERITY_CRITICAL, DM_FINDING_FAILED, "arn:aws:s3:::public-assets", "s3", NULL },
    { "f04", DM_SEVERITY_MEDIUM, DM_FINDING_SUPPRESSED, NULL, "ec2", NULL },
    { "f05", DM_SEVERITY_HIGH, DM_FINDING_FAILED, "arn:aws:eks:eu-west-1:444455556666:cluster/prod", "eks", NULL },
  };
  const DmImportInput *input;

  import_fixture (f, "guardduty-findings.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "guardduty");
  g_assert_cmpuint (input->items, ==, 6);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 5);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *id = g_strconcat (prefix, expected[i].id, NULL);
      DmFinding *finding = find (f, id);

      g_assert_nonnull (finding);
      g_assert_cmpstr (dm_finding_get_tool (finding), ==, "GuardDuty");
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
      g_assert_cmpint (dm_finding_get_status (finding), ==, expected[i].status);
      if (expected[i].resource)
        g_assert_cmpstr (dm_finding_get_resource (finding), ==, expected[i].resource);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      if (expected[i].layer)
        g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
    }
}

/* Inspector2 list-findings: statuses, severities (an untriaged finding
 * by its score), the CVE among the ids, and evidence naming the package,
 * its fix, EPSS and a known exploit. */
static void
test_inspector (Fixture       *f,
                gconstpointer  data)
{
  const char *prefix = "arn:aws:inspector2:eu-west-1:444455556666:finding/";
  const DmImportInput *input;
  DmFinding *openssl, *curl, *zlib, *glibc;
  g_autofree char *id1 = g_strdup_printf ("%s%032x", prefix, 1);
  g_autofree char *id5 = g_strdup_printf ("%s%032x", prefix, 5);
  g_autofree char *id6 = g_strdup_printf ("%s%032x", prefix, 6);
  g_autofree char *id7 = g_strdup_printf ("%s%032x", prefix, 7);

  import_fixture (f, "inspector2-findings.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "inspector2");
  g_assert_cmpuint (input->items, ==, 8);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 6);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 2);

  openssl = find (f, id1);
  g_assert_nonnull (openssl);
  g_assert_cmpstr (dm_finding_get_tool (openssl), ==, "Inspector");
  g_assert_cmpint (dm_finding_get_severity (openssl), ==, DM_SEVERITY_HIGH);
  g_assert_cmpstr (dm_finding_get_resource (openssl), ==, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890");
  g_assert_cmpstr (dm_finding_get_account (openssl), ==, "444455556666");
  g_assert_cmpstr (dm_finding_get_service (openssl), ==, "ec2");
  g_assert_cmpstr (dm_finding_get_layer (openssl), ==, "os");
  g_assert_true (g_strv_contains (dm_finding_get_controls (openssl), "CVE-2026-1001"));
  /* Every vulnerable package, the ones without a fix too. */
  g_assert_nonnull (strstr (dm_finding_get_evidence (openssl), "openssl 1.0.0 (OS); fixed in 1.0.1, openssl-libs 1.0.0 (OS);"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (openssl), "EPSS 0.01234"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (openssl), "a public exploit exists"));
  g_assert_cmpstr (dm_finding_get_remediation (openssl), ==, "Update openssl to 1.0.1 or later.");

  zlib = find (f, id5);
  glibc = find (f, id6);
  g_assert_cmpint (dm_finding_get_status (zlib), ==, DM_FINDING_SUPPRESSED);
  g_assert_cmpint (dm_finding_get_status (glibc), ==, DM_FINDING_SUPPRESSED);

  curl = find (f, id7);
  g_assert_cmpint (dm_finding_get_severity (curl), ==, DM_SEVERITY_CRITICAL);

  /* The layer by package manager and resource: an application library on
   * the platform, an image's packages on ECR, an open port on the network. */
  {
    static const struct { guint n; const char *service, *layer; } placed[] = {
      { 2, "ec2", "platform_apps" },
      { 3, "ecr", "platform_apps" },
      { 4, "lambda", "platform_apps" },
      { 8, "ec2", "network_firewall" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (placed); i++)
      {
        g_autofree char *id = g_strdup_printf ("%s%032x", prefix, placed[i].n);
        DmFinding *finding = find (f, id);

        g_assert_nonnull (finding);
        g_assert_cmpstr (dm_finding_get_service (finding), ==, placed[i].service);
        g_assert_cmpstr (dm_finding_get_layer (finding), ==, placed[i].layer);
      }
  }
}

/* --- EventBridge events and pages of CLI answers ----------------------- */

/* Everything an import made of its findings and inputs but the file's
 * path: reads of the same items in other shapes give the same text. */
static char *
describe_import (DmImporter *importer)
{
  GListModel *findings = dm_importer_get_findings (importer);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *controls = g_strjoinv (",", (char **)dm_finding_get_controls (finding));

      g_string_append_printf (out, "%s|%s|%d|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%" G_GUINT64_FORMAT "\n",
                              dm_finding_get_id (finding), dm_finding_get_check (finding),
                              dm_finding_get_status (finding), dm_finding_get_severity (finding),
                              dm_finding_get_service (finding), dm_finding_get_layer (finding),
                              dm_finding_get_resource (finding), dm_finding_get_resource_type (finding),
                              dm_finding_get_region (finding), dm_finding_get_account (finding),
                              dm_finding_get_tool (finding), dm_finding_get_title (finding),
                              dm_finding_get_evidence (finding), controls, dm_finding_get_source_item (finding));
    }
  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (importer, i);

      g_string_append_printf (out, "input %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                              " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                              input->format, input->items, input->evaluated, input->skipped, input->duplicates,
                              input->first_time, input->last_time);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

          g_string_append_printf (out, " [%s ×%" G_GUINT64_FORMAT "]", reason->reason, reason->count);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static DmImporter *
import_path (const char *path)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&importer);
}

static char *
import_described_path (const char *path)
{
  g_autoptr(DmImporter) importer = import_path (path);

  return describe_import (importer);
}

/* Every item read is a finding kept, a duplicate or a counted skip. */
static void
assert_accounted (const DmImportInput *input)
{
  guint64 kept = 0;

  for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
    kept += input->by_status[s];
  g_assert_cmpuint (kept + input->duplicates + input->skipped, ==, input->items);
}

/* The same JSON with each member name's first letter in lower case, as
 * GuardDuty's own API (and EventBridge) names what the CLI capitalises. */
static JsonNode *
camel_case (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *from = json_node_get_object (node);
      JsonObject *to = json_object_new ();
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(GList) names = json_object_get_members (from);

      for (GList *l = names; l; l = l->next)
        {
          g_autofree char *name = g_strdup (l->data);

          name[0] = g_ascii_tolower (name[0]);
          json_object_set_member (to, name, camel_case (json_object_get_member (from, l->data)));
        }
      json_node_take_object (result, to);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *from = json_node_get_array (node);
      JsonArray *to = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (from); i++)
        json_array_add_element (to, camel_case (json_array_get_element (from, i)));
      json_node_take_array (result, to);
      return result;
    }
  return json_node_copy (node);
}

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *path = test_fixture_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Each finding of @array in an EventBridge event, as EventBridge sends it. */
static JsonArray *
wrap_in_events (JsonArray  *array,
                const char *detail_type,
                const char *source,
                gboolean    camel)
{
  JsonArray *events = json_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *event = json_object_new ();
      JsonNode *finding = json_array_get_element (array, i);
      g_autofree char *id = g_strdup_printf ("0d2f4b6a-8c1e-4a3b-9d5f-7e9a1b3c5d%02u", i);

      json_object_set_string_member (event, "version", "0");
      json_object_set_string_member (event, "id", id);
      json_object_set_string_member (event, "detail-type", detail_type);
      json_object_set_string_member (event, "source", source);
      json_object_set_string_member (event, "account", "444455556666");
      json_object_set_string_member (event, "time", "2026-11-20T10:00:05Z");
      json_object_set_string_member (event, "region", "eu-west-1");
      json_object_set_array_member (event, "resources", json_array_new ());
      json_object_set_member (event, "detail", camel ? camel_case (finding) : json_node_copy (finding));
      json_array_add_object_element (events, event);
    }
  return events;
}

static char *
node_text (JsonNode *node,
           gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

typedef enum
{
  SHAPE_ARRAY,       /* [{…}, {…}] */
  SHAPE_LINES,       /* one per line */
  SHAPE_CONCATENATED /* pretty-printed, one after the other */
} Shape;

/* @values written to @dir as one file of @shape; returns its path. */
static char *
write_shape (JsonArray  *values,
             Shape       shape,
             const char *dir,
             const char *name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char *path = g_build_filename (dir, name, NULL);

  if (shape == SHAPE_ARRAY)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *all = NULL;

      json_node_set_array (root, values);
      all = node_text (root, TRUE);
      g_string_append (text, all);
    }
  else
    for (guint i = 0; i < json_array_get_length (values); i++)
      {
        g_autofree char *one = node_text (json_array_get_element (values, i), shape == SHAPE_CONCATENATED);

        g_string_append (text, one);
        if (shape == SHAPE_LINES)
          g_string_append_c (text, '\n');
      }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

/* The findings of @items written in each shape read the same as the
 * first shape; returns that description. */
static char *
assert_shapes_read_alike (JsonArray  *items,
                          const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-events-XXXXXX", NULL);
  char *first = NULL;

  for (Shape shape = SHAPE_ARRAY; shape <= SHAPE_CONCATENATED; shape++)
    {
      g_autofree char *path = write_shape (items, shape, dir, name);
      g_autofree char *got = import_described_path (path);

      g_test_message ("%s, shape %d", name, shape);
      if (first == NULL)
        first = g_steal_pointer (&got);
      else
        g_assert_cmpstr (got, ==, first);
      g_unlink (path);
    }
  g_rmdir (dir);
  return first;
}

/* GuardDuty Finding events, whose detail is GuardDuty's camelCase
 * finding: the findings of get-findings' PascalCase output, sent as
 * events in a JSON array, one per line or one after the other, read
 * exactly as get-findings reads them: ids, severities, statuses,
 * resources, services, layers, regions, accounts and dates. */
static void
test_guardduty_event_case (void)
{
  g_autoptr(JsonNode) cli = load_fixture ("guardduty-findings.json");
  JsonArray *findings = json_object_get_array_member (json_node_get_object (cli), "Findings");
  g_autoptr(JsonArray) events = wrap_in_events (findings, "GuardDuty Finding", "aws.guardduty", TRUE);
  g_autofree char *path = test_fixture_path ("guardduty-findings.json");
  g_autofree char *expected = import_described_path (path);
  g_autofree char *got = NULL;

  /* The events really are camelCase. */
  g_assert_true (json_object_has_member (json_object_get_object_member (json_array_get_object_element (events, 0),
                                                                        "detail"), "accountId"));
  got = assert_shapes_read_alike (events, "guardduty-events.json");
  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (got, "input guardduty 6 6 0 0 "));
}

/* The same for Inspector2 Finding events: their detail has list-findings'
 * own member names. */
static void
test_inspector_event_case (void)
{
  g_autoptr(JsonNode) cli = load_fixture ("inspector2-findings.json");
  JsonArray *findings = json_object_get_array_member (json_node_get_object (cli), "findings");
  g_autoptr(JsonArray) events = wrap_in_events (findings, "Inspector2 Finding", "aws.inspector2", FALSE);
  g_autofree char *path = test_fixture_path ("inspector2-findings.json");
  g_autofree char *expected = import_described_path (path);
  g_autofree char *got = assert_shapes_read_alike (events, "inspector2-events.json");

  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (got, "input inspector2 8 8 0 0 "));
}

/* Events saved from a GuardDuty rule: one event alone, a JSON array with
 * a later occurrence of a finding (the same id again, a duplicate), an
 * archived finding, an EC2 state change and a hand-written test payload
 * (both skipped with their reasons), and lines of a catch-all rule with a
 * Security Hub event among them. */
static void
test_guardduty_events (Fixture       *f,
                       gconstpointer  data)
{
  const char *prefix = "arn:aws:guardduty:eu-west-1:444455556666:detector/12abc34d567e8fa901bc2d34e56789f0/finding/";
  static const struct
  {
    const char      *id;
    guint64          item;
    DmSeverity       severity;
    DmFindingStatus  status;
    const char      *resource;
    const char      *service;
    const char      *layer;
  } expected[] = {
    { "5b7d9f1a3c5e7092b4d6f8a0c2e4a611", 0, DM_SEVERITY_HIGH, DM_FINDING_FAILED,
      "arn:aws:iam::444455556666:user/deploy-bot", "iam", "iam" },
    { "6c8e0a2b4d6f8193c5e7a9b1d3f5b722", 1, DM_SEVERITY_CRITICAL, DM_FINDING_FAILED, "arn:aws:s3:::public-assets",
      "s3", "iam" },
    { "7d9f1b3c5e7a92a4d6f8b0c2e4a6c833", 2, DM_SEVERITY_MEDIUM, DM_FINDING_SUPPRESSED,
      "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890", "ec2", "network_firewall" },
    { "8e0a2c4d6f8ba3b5e7a9c1d3f5b7d944", 3, DM_SEVERITY_HIGH, DM_FINDING_FAILED,
      "arn:aws:eks:eu-west-1:444455556666:cluster/prod", "eks", "iam" },
    { "9f1b3d5e7a9cb4c6f8b0d2e4a6c8ea55", 4, DM_SEVERITY_MEDIUM, DM_FINDING_FAILED,
      "arn:aws:lambda:eu-west-1:444455556666:function:thumbnailer", "lambda", "platform_apps" },
  };
  g_autofree char *single_id = g_strconcat (prefix, "0ac6e2f1b3d94a5c8e7f6a5b4c3d2e10", NULL);
  g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 ("2026-11-21T08:10:00.123Z", NULL);
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "guardduty-event.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "guardduty");
  g_assert_cmpuint (input->items, ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 1);
  assert_accounted (input);
  /* Dated by the finding's own time, not the event's. */
  g_assert_cmpint (input->first_time, ==, g_date_time_to_unix (updated));
  g_assert_cmpint (input->last_time, ==, g_date_time_to_unix (updated));
  finding = find (f, single_id);
  g_assert_nonnull (finding);
  g_assert_cmpstr (dm_finding_get_tool (finding), ==, "GuardDuty");
  g_assert_cmpint (dm_finding_get_severity (finding), ==, DM_SEVERITY_LOW);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890");
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "ec2");
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "os");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
  g_assert_true (g_str_has_prefix (dm_finding_get_evidence (finding), "UnauthorizedAccess:EC2/SSHBruteForce: "));

  import_fixture (f, "guardduty-events.json");
  input = dm_importer_get_input (f->importer, 1);
  g_assert_cmpstr (input->format, ==, "guardduty");
  g_assert_cmpuint (input->items, ==, 8);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 4);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 1);
  g_assert_cmpuint (input->duplicates, ==, 1);
  g_assert_cmpuint (input->skipped, ==, 2);
  assert_accounted (input);
  g_assert_cmpuint (reason_count (input, "an EventBridge event that carries no finding Demarc reads "
                                         "(EC2 Instance State-change Notification, aws.ec2)"), ==, 1);
  g_assert_cmpuint (reason_count (input, "a finding event whose detail is not a whole finding"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *id = g_strconcat (prefix, expected[i].id, NULL);

      finding = find (f, id);
      g_assert_nonnull (finding);
      g_assert_cmpuint (dm_finding_get_source_item (finding), ==, expected[i].item);
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
      g_assert_cmpint (dm_finding_get_status (finding), ==, expected[i].status);
      g_assert_cmpstr (dm_finding_get_resource (finding), ==, expected[i].resource);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
    }
  /* The export's text as it was; outputs escape it. */
  finding = find (f, "arn:aws:guardduty:eu-west-1:444455556666:detector/12abc34d567e8fa901bc2d34e56789f0/finding/"
                     "5b7d9f1a3c5e7092b4d6f8a0c2e4a611");
  g_assert_cmpstr (dm_finding_get_title (finding), ==, "Credentials for <img src=x onerror=alert(1)> used from outside AWS");

  /* Lines of a catch-all rule: numbered in the file's order, the Security
   * Hub event's finding among them. */
  import_fixture (f, "guardduty-events.ndjson");
  input = dm_importer_get_input (f->importer, 2);
  g_assert_cmpstr (input->format, ==, "guardduty");
  g_assert_cmpuint (input->items, ==, 4);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 3);
  g_assert_cmpuint (input->skipped, ==, 1);
  assert_accounted (input);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "arn:aws:guardduty:eu-west-1:444455556666:detector/"
                                                         "12abc34d567e8fa901bc2d34e56789f0/finding/"
                                                         "a02c4e6f8b0dc5d7a9c1e3f5b7d9fb66")), ==, 0);
  finding = find (f, "finding-21");
  g_assert_nonnull (finding);
  g_assert_cmpuint (dm_finding_get_source_item (finding), ==, 1);
  g_assert_cmpstr (dm_finding_get_tool (finding), ==, "Security Hub");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111122223333");
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "arn:aws:guardduty:eu-west-1:444455556666:detector/"
                                                         "12abc34d567e8fa901bc2d34e56789f0/finding/"
                                                         "b13d5f7a9c1ed6e8b0d2f4a6c8eafc77")), ==, 3);
}

/* Inspector2 Finding events as the docs show them: an instance named by
 * its id, Java-printed times (the events' own times date the export),
 * and the Scan and Coverage events, which carry no finding, skipped with
 * their kinds named. */
static void
test_inspector_events (Fixture       *f,
                       gconstpointer  data)
{
  static const struct
  {
    guint            n;
    DmSeverity       severity;
    DmFindingStatus  status;
    const char      *resource;
    const char      *service;
    const char      *layer;
  } expected[] = {
    { 0x11, DM_SEVERITY_HIGH, DM_FINDING_FAILED, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890",
      "ec2", "os" },
    { 0x12, DM_SEVERITY_MEDIUM, DM_FINDING_FAILED,
      "arn:aws:ecr:eu-west-1:444455556666:repository/web/sha256:abababababababababababababababababababababababababababababababab",
      "ecr", "platform_apps" },
    { 0x13, DM_SEVERITY_MEDIUM, DM_FINDING_FAILED,
      "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc1234def567890", "ec2", "network_firewall" },
    { 0x14, DM_SEVERITY_HIGH, DM_FINDING_SUPPRESSED,
      "arn:aws:lambda:eu-west-1:444455556666:function:thumbnailer:$LATEST", "lambda", "platform_apps" },
  };
  g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 ("2026-11-21T08:00:37Z", NULL);
  g_autoptr(GDateTime) last = g_date_time_new_from_iso8601 ("2026-11-21T09:40:13Z", NULL);
  const DmImportInput *input;

  import_fixture (f, "inspector2-events.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "inspector2");
  g_assert_cmpuint (input->items, ==, 6);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 3);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 1);
  g_assert_cmpuint (input->skipped, ==, 2);
  assert_accounted (input);
  g_assert_cmpuint (reason_count (input, "an EventBridge event that carries no finding Demarc reads "
                                         "(Inspector2 Scan, aws.inspector2)"), ==, 1);
  g_assert_cmpuint (reason_count (input, "an EventBridge event that carries no finding Demarc reads "
                                         "(Inspector2 Coverage, aws.inspector2)"), ==, 1);
  g_assert_cmpint (input->first_time, ==, g_date_time_to_unix (first));
  g_assert_cmpint (input->last_time, ==, g_date_time_to_unix (last));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *id = g_strdup_printf ("arn:aws:inspector2:eu-west-1:444455556666:finding/%032x", expected[i].n);
      DmFinding *finding = find (f, id);

      g_assert_nonnull (finding);
      g_assert_cmpstr (dm_finding_get_tool (finding), ==, "Inspector");
      g_assert_cmpuint (dm_finding_get_source_item (finding), ==, i);
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
      g_assert_cmpint (dm_finding_get_status (finding), ==, expected[i].status);
      g_assert_cmpstr (dm_finding_get_resource (finding), ==, expected[i].resource);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
    }
  g_assert_true (g_strv_contains (dm_finding_get_controls (find (f, "arn:aws:inspector2:eu-west-1:444455556666:finding/"
                                                                    "00000000000000000000000000000011")),
                                  "CVE-2026-2101"));
}

/* Security Hub's events hold their findings in detail.findings: a file
 * of several events (an array, lines, one after the other) reads each
 * event's findings, not the events, as its items. */
static void
test_securityhub_events (void)
{
  g_autoptr(JsonNode) event = load_fixture ("asff-eventbridge.json");
  g_autoptr(JsonArray) events = json_array_new ();
  g_autofree char *got = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = json_to_string (event, FALSE);
      /* json_node_copy () would share the objects. */
      JsonNode *copy = json_from_string (text, NULL);
      JsonObject *detail = json_object_get_object_member (json_node_get_object (copy), "detail");
      JsonObject *finding = json_array_get_object_element (json_object_get_array_member (detail, "findings"), 0);
      g_autofree char *id = g_strdup_printf ("finding-2%u", i);

      json_object_set_string_member (finding, "Id", id);
      json_array_add_element (events, copy);
    }
  got = assert_shapes_read_alike (events, "securityhub-events.json");
  g_assert_nonnull (strstr (got, "finding-20|NET-12|"));
  g_assert_nonnull (strstr (got, "|0\nfinding-21|NET-12|"));
  g_assert_nonnull (strstr (got, "input asff 2 2 0 0 "));
}

/* Events that carry no finding are items, each skipped with its kind
 * (the export's words, valid and cut short), never a finding; past a
 * few kinds, the rest share one reason. */
static void
test_other_events (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-events-XXXXXX", NULL);
  g_autoptr(JsonArray) events = json_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(GString) hostile = g_string_new ("<b>Odd</b>\n\u202e");
  const DmImportInput *input;
  guint64 total = 0;

  while (hostile->len < 300)
    g_string_append (hostile, "Notification ");
  for (guint i = 0; i < 20; i++)
    {
      JsonObject *event = json_object_new ();
      JsonObject *detail = json_object_new ();
      g_autofree char *kind = g_strdup_printf ("Custom Event %u", i);

      json_object_set_string_member (detail, "instance-id", "i-0abc1234def567890");
      json_object_set_string_member (event, "version", "0");
      json_object_set_string_member (event, "detail-type", i == 0 ? hostile->str : kind);
      json_object_set_string_member (event, "source", "com.example.app");
      json_object_set_object_member (event, "detail", detail);
      json_array_add_object_element (events, event);
    }
  path = write_shape (events, SHAPE_LINES, dir, "events.ndjson");
  importer = import_path (path);
  input = dm_importer_get_input (importer, 0);

  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (importer)), ==, 0);
  g_assert_cmpuint (input->items, ==, 20);
  g_assert_cmpuint (input->skipped, ==, 20);
  g_assert_cmpuint (input->reasons->len, ==, 17);
  for (guint r = 0; r < input->reasons->len; r++)
    {
      const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

      g_assert_true (g_utf8_validate (reason->reason, -1, NULL));
      g_assert_cmpuint (g_utf8_strlen (reason->reason, -1), <, 160);
      total += reason->count;
    }
  g_assert_cmpuint (total, ==, 20);
  g_assert_cmpuint (reason_count (input, "an EventBridge event that carries no finding Demarc reads "
                                         "(Custom Event 1, com.example.app)"), ==, 1);
  g_assert_cmpuint (reason_count (input, "an EventBridge event that carries no finding Demarc reads "
                                         "(of yet another kind)"), ==, 4);
  g_unlink (path);
  g_rmdir (dir);
}

/* AWS CLI answers saved as pages one after the other: describe-security-
 * groups in two --no-paginate pages reads as the one answer does (one
 * item, the same findings); two describe-trails answers are joined, so
 * the multi-Region trail of the second passes LOG-01 for the account
 * instead of the first failing it; list-detectors is an item of its own;
 * an object no check reads is skipped. */
static void
test_cli_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) whole = load_fixture ("cli-security-groups.json");
  JsonArray *groups = json_object_get_array_member (json_node_get_object (whole), "SecurityGroups");
  g_autoptr(JsonArray) pages = json_array_new ();
  g_autofree char *path = test_fixture_path ("cli-security-groups.json");
  g_autofree char *expected = import_described_path (path);
  g_autofree char *got = NULL;
  const DmImportInput *input;
  guint n_log01 = 0;

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *page = json_object_new ();
      JsonArray *one = json_array_new ();

      json_array_add_element (one, json_node_copy (json_array_get_element (groups, i)));
      json_object_set_array_member (page, "SecurityGroups", one);
      if (i + 1 < json_array_get_length (groups))
        json_object_set_string_member (page, "NextToken", "eyJOZXh0VG9rZW4iOiAiMiJ9");
      json_array_add_object_element (pages, page);
    }
  got = assert_shapes_read_alike (pages, "cli-security-groups.json");
  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (got, "input aws-cli 1 1 0 0 "));

  import_fixture (f, "cli-pages.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "aws-cli");
  g_assert_cmpuint (input->items, ==, 4);
  g_assert_cmpuint (input->evaluated, ==, 3);
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_cmpuint (reason_count (input, "not a finding or resource Demarc reads"), ==, 1);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "NET-01/sg-c")), ==, 0);
  g_assert_cmpint (dm_finding_get_status (find (f, "NET-01/sg-c")), ==, DM_FINDING_FAILED);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "LOG-02/arn:aws:cloudtrail:eu-west-1:444455556666:trail/eu-audit")), ==, 1);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "LOG-02/arn:aws:cloudtrail:us-east-1:444455556666:trail/org-trail")), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (dm_importer_get_findings (f->importer)); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (dm_importer_get_findings (f->importer), i);

      if (g_strcmp0 (dm_finding_get_check (finding), "LOG-01") == 0)
        {
          n_log01++;
          g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_PASSED);
        }
    }
  g_assert_cmpuint (n_log01, ==, 1);
  /* The detectors name no account: the file's own ARNs (its trails') do. */
  g_assert_cmpint (dm_finding_get_status (find (f, "LOG-09/444455556666")), ==, DM_FINDING_PASSED);
  g_assert_cmpuint (dm_finding_get_source_item (find (f, "LOG-09/444455556666")), ==, 2);
}

/* Access Analyzer: who outside the account can reach a resource is about
 * who may use it, so each finding sits on its service's IAM layer. */
static void
test_access_analyzer (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    const char      *id;
    DmFindingStatus  status;
    DmSeverity       severity;
    const char      *service;
  } expected[] = {
    { "aa-1", DM_FINDING_FAILED, DM_SEVERITY_HIGH, "s3" },
    { "aa-2", DM_FINDING_FAILED, DM_SEVERITY_MEDIUM, "kms" },
    { "aa-3", DM_FINDING_SUPPRESSED, DM_SEVERITY_MEDIUM, "iam" },
    { "aa-4", DM_FINDING_FAILED, DM_SEVERITY_LOW, "iam" },
  };
  const DmImportInput *input;

  import_fixture (f, "access-analyzer-findings.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "access-analyzer");
  g_assert_cmpuint (input->items, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DmFinding *finding = find (f, expected[i].id);

      g_assert_nonnull (finding);
      g_assert_cmpint (dm_finding_get_status (finding), ==, expected[i].status);
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, "iam");
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
    }
  g_assert_nonnull (strstr (dm_finding_get_evidence (find (f, "aa-1")), "\"*\""));
  /* Unused access is said in words, not as the finding type's name. */
  g_assert_cmpstr (dm_finding_get_title (find (f, "aa-4")), ==, "An IAM user’s access key has not been used");
}

/* CloudSploit: OK passes, FAIL and WARN fail, UNKNOWN is informational,
 * anything else a counted skip; the account comes from the ARN. */
static void
test_cloudsploit (Fixture       *f,
                  gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *bucket, *ssh, *kms;

  import_fixture (f, "cloudsploit.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "cloudsploit");
  g_assert_cmpuint (input->items, ==, 5);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 2);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_cmpuint (reason_count (input, "no pass or fail status"), ==, 1);

  bucket = find (f, "cloudsploit/bucketAllUsersPolicy/global/arn:aws:s3:::public-assets");
  g_assert_nonnull (bucket);
  g_assert_cmpstr (dm_finding_get_service (bucket), ==, "s3");
  /* A bucket policy open to all users is who may use the bucket. */
  g_assert_cmpstr (dm_finding_get_layer (bucket), ==, "iam");
  ssh = find (f, "cloudsploit/openSSH/eu-west-1/arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0123");
  g_assert_nonnull (ssh);
  g_assert_cmpint (dm_finding_get_status (ssh), ==, DM_FINDING_FAILED);
  /* Filed under EC2 by CloudSploit, but an open port is the security
   * group's: the network layer, not the instances' OS. */
  g_assert_cmpstr (dm_finding_get_service (ssh), ==, "vpc");
  g_assert_cmpstr (dm_finding_get_layer (ssh), ==, "network_firewall");
  /* A warning stays the milder result whatever the plugin's weight. */
  g_assert_cmpint (dm_finding_get_severity (ssh), ==, DM_SEVERITY_LOW);
  g_assert_cmpstr (dm_finding_get_account (find (f, "cloudsploit/rootMfaEnabled/global/arn:aws:iam::444455556666:root")),
                   ==, "444455556666");
  /* "N/A" is CloudSploit's word for no resource: the region stands in. */
  kms = find (f, "cloudsploit/kmsKeyRotation/eu-west-1/N/A");
  g_assert_nonnull (kms);
  g_assert_cmpstr (dm_finding_get_resource (kms), ==, "eu-west-1");
  g_assert_cmpstr (dm_finding_get_region (kms), ==, "eu-west-1");
  g_assert_cmpstr (dm_finding_get_account (kms), ==, "");
  g_assert_cmpstr (dm_finding_get_layer (kms), ==, "server_side_encryption");
}

/* The plugin id places a result where its control acts, whatever category
 * CloudSploit files it under; a plugin the mapping lacks goes by its
 * category; another cloud's results (Azure and Google share plugin ids
 * such as openSSH) are counted, not placed on AWS. */
static void
test_cloudsploit_placement (Fixture       *f,
                            gconstpointer  data)
{
  static const struct
  {
    const char *id;
    const char *service;
    const char *layer;
    const char *region;
    const char *resource;
    DmSeverity  severity;
  } expected[] = {
    { "cloudsploit/openRDP/us-east-1/arn:aws:ec2:us-east-1:777788889999:security-group/sg-0rdp",
      "vpc", "network_firewall", "us-east-1", "arn:aws:ec2:us-east-1:777788889999:security-group/sg-0rdp", DM_SEVERITY_HIGH },
    { "cloudsploit/openAllPortsProtocols/us-east-1/arn:aws:ec2:us-east-1:777788889999:security-group/sg-0any",
      "vpc", "network_firewall", "us-east-1", "arn:aws:ec2:us-east-1:777788889999:security-group/sg-0any", DM_SEVERITY_HIGH },
    { "cloudsploit/openSSH/eu-north-1/N/A", "vpc", "network_firewall", "eu-north-1", "eu-north-1", DM_SEVERITY_HIGH },
    { "cloudsploit/vpcMultipleSubnets/us-east-1/arn:aws:ec2:us-east-1:777788889999:vpc/vpc-0a",
      "vpc", "network_firewall", "us-east-1", "arn:aws:ec2:us-east-1:777788889999:vpc/vpc-0a", DM_SEVERITY_LOW },
    /* The trail's bucket is S3's; its public access is who may read it. */
    { "cloudsploit/cloudtrailBucketPrivate/us-east-1/arn:aws:s3:::org-trail-logs",
      "s3", "iam", "us-east-1", "arn:aws:s3:::org-trail-logs", DM_SEVERITY_UNKNOWN },
    /* An agent on the instance is the guest OS's; the result's own
     * severity wins over the mapping's. */
    { "cloudsploit/ssmAgentLatestVersion/us-east-1/arn:aws:ec2:us-east-1:777788889999:instance/i-0old",
      "ec2", "os", "us-east-1", "arn:aws:ec2:us-east-1:777788889999:instance/i-0old", DM_SEVERITY_MEDIUM },
    /* Not in the mapping: its category, "API Gateway". */
    { "cloudsploit/apigatewayFuturePlugin/us-east-1/arn:aws:apigateway:us-east-1::/restapis/a1b2c3",
      "api-gateway", "platform_apps", "us-east-1", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3", DM_SEVERITY_UNKNOWN },
    { "cloudsploit/rootAccountInUse/Global/arn:aws:iam::777788889999:root",
      "iam", "iam", "Global", "arn:aws:iam::777788889999:root", DM_SEVERITY_CRITICAL },
  };
  const DmImportInput *input;

  import_fixture (f, "cloudsploit-results.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "cloudsploit");
  g_assert_cmpuint (input->items, ==, 10);
  g_assert_cmpuint (input->not_aws, ==, 2);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 7);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->skipped, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DmFinding *finding = find (f, expected[i].id);

      g_test_message ("%s", expected[i].id);
      g_assert_nonnull (finding);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      g_assert_cmpstr (dm_finding_get_region (finding), ==, expected[i].region);
      g_assert_cmpstr (dm_finding_get_resource (finding), ==, expected[i].resource);
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
    }
  g_assert_cmpstr (dm_finding_get_account (find (f, expected[0].id)), ==, "777788889999");
}

/* Trusted Advisor: each flagged resource of a check is a finding; a
 * suppressed one is suppressed whatever its status. */
static void
test_trusted_advisor (Fixture       *f,
                      gconstpointer  data)
{
  const DmImportInput *input;

  import_fixture (f, "trusted-advisor-check.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "trusted-advisor");
  g_assert_cmpuint (input->items, ==, 4);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 2);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 1);
  g_assert_cmpint (dm_finding_get_severity (find (f, "trusted-advisor/Pfx0RwqBli/r-error")), ==, DM_SEVERITY_HIGH);
  g_assert_cmpint (dm_finding_get_status (find (f, "trusted-advisor/Pfx0RwqBli/r-hidden")), ==, DM_FINDING_SUPPRESSED);
  /* A security check the mapping knows sits where it looks; its rows here
   * are too short to name the bucket, so Trusted Advisor's id stays. */
  g_assert_cmpstr (dm_finding_get_service (find (f, "trusted-advisor/Pfx0RwqBli/r-warn")), ==, "s3");
  g_assert_cmpstr (dm_finding_get_layer (find (f, "trusted-advisor/Pfx0RwqBli/r-warn")), ==, "iam");
  g_assert_cmpstr (dm_finding_get_resource (find (f, "trusted-advisor/Pfx0RwqBli/r-warn")), ==, "r-warn");
}

/* AWS Config summaries: per rule (also a conformance pack's), per
 * resource, and a conformance pack's per-resource details; a rule's
 * non-compliant count is in its evidence, capped counts said as such. */
static void
test_config_compliance (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *format;
    guint64     items, failed, passed, informational, skipped;
  } expected[] = {
    { "config-conformance-pack-compliance.json", "config-rule-compliance", 4, 1, 1, 1, 1 },
    { "config-conformance-pack-details.json", "config-compliance", 3, 1, 2, 0, 0 },
    { "config-compliance-by-rule.json", "config-rule-compliance", 3, 2, 1, 0, 0 },
    /* A resource's summary names no rule: COMPLIANT is no pass. */
    { "config-compliance-by-resource.json", "config-resource-compliance", 2, 1, 0, 1, 0 },
  };
  DmFinding *capped, *pack_rule, *group;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DmImportInput *input;

      import_fixture (f, expected[i].file);
      input = dm_importer_get_input (f->importer, i);
      g_assert_cmpstr (input->format, ==, expected[i].format);
      g_assert_cmpuint (input->items, ==, expected[i].items);
      g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, expected[i].failed);
      g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, expected[i].passed);
      g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, expected[i].informational);
      g_assert_cmpuint (input->skipped, ==, expected[i].skipped);
    }

  capped = find (f, "config-rule//encrypted-volumes");
  g_assert_nonnull (capped);
  g_assert_nonnull (strstr (dm_finding_get_evidence (capped), "more than 100"));
  pack_rule = find (f, "config-rule/operational-best-practices-s3/s3-bucket-ssl-requests-only-conformance-pack-abc123");
  g_assert_nonnull (pack_rule);
  g_assert_cmpstr (dm_finding_get_resource (pack_rule), ==, "operational-best-practices-s3");
  group = find (f, "config-resource/AWS::EC2::SecurityGroup/sg-0123");
  g_assert_nonnull (group);
  g_assert_cmpint (dm_finding_get_status (group), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_layer (group), ==, "network_firewall");
}

/* A line of a pack's rules, then a line of one rule outside any pack: the
 * second is not of the first's pack (it was named after a member of
 * whatever had been read next, the first line being gone). */
static void
test_config_pack_then_rule (Fixture       *f,
                            gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *in_pack, *alone;

  import_fixture (f, "config-pack-then-rule.ndjson");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpuint (input->items, ==, 2);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 2);
  in_pack = find (f, "config-rule/my-pack/r1");
  g_assert_nonnull (in_pack);
  g_assert_cmpstr (dm_finding_get_resource (in_pack), ==, "my-pack");
  alone = find (f, "config-rule//r2/111122223333");
  g_assert_nonnull (alone);
  /* A rule outside a pack names no resource. */
  g_assert_cmpstr (dm_finding_get_resource (alone), ==, "");
}

/* Prowler's CSV, v4/v5 (semicolons) and v2 (commas): the same statuses
 * as its JSON, muted rows suppressed, other clouds not AWS, a short row a
 * counted skip, a quoted separator kept; CSV of another tool refused. */
static void
test_prowler_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-csv-XXXXXX", NULL);
  g_autofree char *other = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;
  const DmImportInput *input;
  DmFinding *logs;

  import_fixture (f, "prowler-v5.csv");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "prowler-csv");
  g_assert_cmpuint (input->items, ==, 7);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 2);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_SUPPRESSED], ==, 1);
  g_assert_cmpuint (input->not_aws, ==, 1);
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_cmpuint (reason_count (input, "a row with fewer cells than the header"), ==, 1);

  logs = find (f, "u1");
  g_assert_nonnull (logs);
  g_assert_cmpstr (dm_finding_get_resource (logs), ==, "arn:aws:s3:::logs");
  g_assert_cmpstr (dm_finding_get_account (logs), ==, "444455556666");
  g_assert_cmpstr (dm_finding_get_evidence (logs), ==, "Bucket logs; has no \"default\" encryption");
  g_assert_cmpstr (dm_finding_get_remediation (logs), ==, "Fix;it");
  g_assert_cmpint (dm_finding_get_severity (logs), ==, DM_SEVERITY_MEDIUM);
  g_assert_cmpstr (dm_finding_get_service (logs), ==, "s3");
  g_assert_cmpstr (dm_finding_get_check (find (f, "u3")), ==, "IAM-01");
  /* Mapped onto Demarc's check, the finding keeps its tool's advice. */
  g_assert_cmpstr (dm_finding_get_remediation (find (f, "u3")), ==, "Fix;it");

  import_fixture (f, "csv-prowler-v2.csv");
  input = dm_importer_get_input (f->importer, 1);
  g_assert_cmpstr (input->format, ==, "prowler-v2-csv");
  g_assert_cmpuint (input->items, >, 0);
  g_assert_cmpuint (input->items, ==, input->evaluated + input->skipped);

  g_assert_true (g_file_set_contents (other, "name,team\nbob,ops\n", -1, NULL));
  g_assert_false (dm_importer_add_file (f->importer, other_file, NULL, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "not a Prowler export"));
  g_assert_nonnull (strstr (error->message, "name, team"));
  g_unlink (other);
  g_rmdir (dir);
}

/* A finding naming several resources keeps each, once, its first first. */
static void
test_multi_resource (Fixture       *f,
                     gconstpointer  data)
{
  DmFinding *finding;
  const char * const *resources;

  import_fixture (f, "asff-multi-resource.json");
  finding = find (f, "multi-1");
  g_assert_nonnull (finding);
  resources = dm_finding_get_resources (finding);
  g_assert_cmpuint (g_strv_length ((char **)resources), ==, 2);
  g_assert_cmpstr (resources[0], ==, "arn:aws:ec2:eu-west-1:111122223333:instance/i-0aaa");
  g_assert_cmpstr (resources[1], ==, "arn:aws:ec2:eu-west-1:111122223333:network-interface/eni-0bbb");
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, resources[0]);
}

/* Amazon Macie: policy findings on a bucket's own layers, sensitive data
 * on its data with the object named, archived findings suppressed. */
static void
test_macie (Fixture       *f,
            gconstpointer  data)
{
  static const struct
  {
    const char      *id;
    DmFindingStatus  status;
    DmSeverity       severity;
    const char      *layer;
  } expected[] = {
    { "macie-1", DM_FINDING_FAILED, DM_SEVERITY_HIGH, "iam" },
    { "macie-2", DM_FINDING_FAILED, DM_SEVERITY_HIGH, "customer_data" },
    { "macie-3", DM_FINDING_FAILED, DM_SEVERITY_LOW, "server_side_encryption" },
    { "macie-4", DM_FINDING_SUPPRESSED, DM_SEVERITY_MEDIUM, "iam" },
  };
  const DmImportInput *input;

  import_fixture (f, "macie-findings.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "macie");
  g_assert_cmpuint (input->items, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DmFinding *finding = find (f, expected[i].id);

      g_assert_nonnull (finding);
      g_assert_cmpint (dm_finding_get_status (finding), ==, expected[i].status);
      g_assert_cmpint (dm_finding_get_severity (finding), ==, expected[i].severity);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, "s3");
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
    }
  g_assert_cmpstr (dm_finding_get_resources (find (f, "macie-2"))[1], ==, "arn:aws:s3:::hr-exports/2026/payroll.csv");
}

/* The one findings query: every failed finding is on exactly one
 * service's list or on the list of those on no layer, and a layer's list
 * holds only that layer's findings. */
static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DmAssessment) assessment = NULL;
  g_autoptr(GPtrArray) unplaced = NULL;
  GListModel *findings;
  guint total = 0;

  import_fixture (f, "asff-mixed.json");
  import_fixture (f, "prowler-ocsf-scan.json");
  findings = dm_importer_get_findings (f->importer);
  assessment = dm_assessment_new (f->model, f->catalogue, findings);

  for (guint s = 0; s < dm_model_get_n_services (f->model); s++)
    {
      DmService *service = dm_model_get_service (f->model, s);
      g_autoptr(GPtrArray) failed = dm_assessment_query (assessment, findings, service, NULL, TRUE);
      guint on_layers = 0;

      for (guint i = 0; i < failed->len; i++)
        {
          DmFinding *finding = g_ptr_array_index (failed, i);

          g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
          g_assert_cmpstr (dm_finding_get_service (finding), ==, dm_service_get_id (service));
        }
      for (guint l = 0; l < dm_model_get_n_layers (f->model); l++)
        {
          DmLayer *layer = dm_model_get_layer (f->model, l);
          g_autoptr(GPtrArray) on_layer = dm_assessment_query (assessment, findings, service, layer, TRUE);

          for (guint i = 0; i < on_layer->len; i++)
            g_assert_cmpstr (dm_assessment_get_finding_layer (assessment, g_ptr_array_index (on_layer, i)), ==,
                             dm_layer_get_id (layer));
          on_layers += on_layer->len;
        }
      g_assert_cmpuint (on_layers, ==, failed->len);
      total += failed->len;
    }
  unplaced = dm_assessment_query (assessment, findings, NULL, NULL, TRUE);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (total + unplaced->len, ==, dm_assessment_get_n_failed (assessment));
}

/* What the importer fuzzer found: a 104-digit integer, which arrives as a
 * double, was cast outside gint64's range (undefined). It reads as the
 * largest value instead, so a reuse count that large passes. */
static void
test_huge_integer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "fuzz-importer-huge-integer.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GListModel *findings;
  guint seen = 0;

  g_assert_true (dm_importer_add_file (f->importer, file, NULL, &error));
  g_assert_no_error (error);
  findings = dm_importer_get_findings (f->importer);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (dm_finding_get_check (finding), "IAM-11") == 0)
        {
          g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_PASSED);
          g_assert_nonnull (strstr (dm_finding_get_evidence (finding), "9223372036854775807"));
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 1);
}

/* An input the importer fuzzer found (tests/data/fuzz/): the file reads or
 * fails with an error, and every item is accounted for. */
static void
test_fuzz_found (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", data, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (dm_importer_add_file (f->importer, file, NULL, &error))
    {
      const DmImportInput *input = dm_importer_get_input (f->importer, 0);

      g_assert_cmpuint (input->items, >, 0);
      g_assert_cmpuint (input->evaluated + input->skipped, ==, input->items);
    }
  else
    g_assert_nonnull (error);
}

/* A Config item checked by Demarc and Security Hub's control on the same
 * volume: the check names the volume by the item's ARN, as Security Hub
 * does, so the two are one finding with two reports (they were two, the
 * item's on the bare volume id). */
static void
test_joined_config_asff (Fixture       *f,
                         gconstpointer  data)
{
  const char *id = "ENC-02/arn:aws:ec2:eu-west-1:444455556666:volume/vol-0cafe0cafe0cafe00";
  DmFinding *finding;

  import_fixture (f, "join-config-volume.json");
  import_fixture (f, "join-asff-volume.json");

  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, 1);
  g_assert_null (find (f, "ENC-02/vol-0cafe0cafe0cafe00"));
  finding = find (f, id);
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
  g_assert_cmpuint (dm_finding_get_n_origins (finding), ==, 2);
  g_assert_cmpstr (dm_finding_get_origin (finding, 0).tool, ==, "Demarc");
  g_assert_cmpstr (dm_finding_get_origin (finding, 1).tool, ==, "Security Hub");
  g_assert_cmpuint (dm_importer_get_input (f->importer, 1)->duplicates, ==, 1);
}

/* Names of resources that Demarc's checks can know exactly: the zone's
 * Region, and only well-formed ARNs taken as given (AWS's own Config
 * example writes "arn:aws:ec2:us-west-2b:…"). */
static void
test_check_names (void)
{
  g_autofree char *zone = dm_check_zone_region ("eu-west-1a");
  g_autofree char *gov = dm_check_zone_region ("us-gov-east-1b");
  g_autofree char *local = dm_check_zone_region ("us-west-2-lax-1a");

  g_assert_cmpstr (zone, ==, "eu-west-1");
  g_assert_cmpstr (gov, ==, "us-gov-east-1");
  g_assert_cmpstr (local, ==, "us-west-2");
  g_assert_null (dm_check_zone_region ("eu-west-1"));
  g_assert_null (dm_check_zone_region ("euw1-az1"));
  g_assert_null (dm_check_zone_region (""));
  g_assert_null (dm_check_zone_region (NULL));

  g_assert_true (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:111122223333:volume/vol-1"));
  g_assert_true (dm_check_arn_is_valid ("arn:aws:s3:::bucket"));
  g_assert_true (dm_check_arn_is_valid ("arn:aws:iam::aws:policy/AdministratorAccess"));
  g_assert_true (dm_check_arn_is_valid ("arn:aws-cn:lambda:cn-north-1:111122223333:function:f"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:us-west-2b:123456789012:volume/vol-ce676ccc"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:us-west-2b:123456789012:instance/i-344c463d"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:12345678910:instance/i-1"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:111122223333:"));
  g_assert_false (dm_check_arn_is_valid ("arn:other:ec2:eu-west-1:111122223333:instance/i-1"));
  g_assert_false (dm_check_arn_is_valid ("i-1"));
  /* Each field's edge: the resource keeps its own colons; a partition,
   * service or account a character off is no ARN. */
  g_assert_true (dm_check_arn_is_valid ("arn:aws:s3:::bucket:with:colons"));
  g_assert_true (dm_check_arn_is_valid ("arn:aws-us-gov:ec2:us-gov-east-1:aws:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:awsx:ec2:eu-west-1:111122223333:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws::eu-west-1:111122223333:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:EC2:eu-west-1:111122223333:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:1111222233334:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:11112222333a:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1x:111122223333:x"));
  g_assert_false (dm_check_arn_is_valid ("arn:aws:ec2:eu-west-1:111122223333"));
  g_assert_false (dm_check_arn_is_valid (NULL));
}

/* Prowler's OCSF and its ASFF output of one scan, read together: a check
 * on a resource that both report is one finding listing both files. */
static void
test_joined_reports (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *ocsf = test_fixture_path ("prowler-ocsf-scan.json");
  g_autofree char *asff = test_fixture_path ("prowler-asff-scan.json");
  GListModel *findings;
  const DmImportInput *second;
  guint root_mfa = 0, joined = 0;

  import_fixture (f, "prowler-ocsf-scan.json");
  import_fixture (f, "prowler-asff-scan.json");
  findings = dm_importer_get_findings (f->importer);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      guint n = dm_finding_get_n_origins (finding);

      if (n > 1)
        {
          DmFindingOrigin first = dm_finding_get_origin (finding, 0);
          DmFindingOrigin other = dm_finding_get_origin (finding, 1);

          g_assert_cmpuint (n, ==, 2);
          g_assert_cmpstr (first.source, ==, ocsf);
          g_assert_cmpstr (other.source, ==, asff);
          g_assert_cmpstr (other.tool, ==, "Prowler");
          joined++;
        }
      if (g_strcmp0 (dm_finding_get_check (finding), "IAM-01") == 0)
        {
          g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
          g_assert_cmpuint (n, ==, 2);
          root_mfa++;
        }
    }
  /* The root user's MFA is one gap, reported twice. */
  g_assert_cmpuint (root_mfa, ==, 1);
  g_assert_cmpuint (joined, >=, 1);

  /* Each joined report counts as a duplicate of the second file, so its
   * counts still add up to its items. */
  second = dm_importer_get_input (f->importer, 1);
  g_assert_cmpuint (second->duplicates, ==, joined + 1);
  g_assert_cmpuint (second->items, ==, second->duplicates + second->by_status[DM_FINDING_FAILED] +
                                       second->by_status[DM_FINDING_PASSED] +
                                       second->by_status[DM_FINDING_INFORMATIONAL] +
                                       second->by_status[DM_FINDING_SUPPRESSED]);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *source = test_fixture_path ("asff-mixed.json");
  g_autofree char *dir = g_dir_make_tmp ("demarc-dup-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "findings.json", NULL);
  g_autofree char *loop = g_build_filename (dir, "again", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  const DmImportInput *second;
  gsize length;

  import_fixture (f, "asff-mixed.json");
  import_fixture (f, "asff-mixed.json");
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, 11);
  second = dm_importer_get_input (f->importer, 1);
  g_assert_cmpuint (second->duplicates, ==, 11);
  g_assert_cmpuint (second->by_status[DM_FINDING_FAILED], ==, 0);
  /* Still accounted for: every item is a finding, a duplicate or a skip. */
  g_assert_cmpuint (second->items, ==, second->skipped + second->evaluated);

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_true (dm_importer_add_file (f->importer, folder, NULL, &error));
  g_assert_no_error (error);
  /* The folder is walked once though "again" leads back into it. */
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 3);
  g_assert_cmpuint (dm_importer_get_input (f->importer, 2)->duplicates, ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, 11);

  g_unlink (loop);
  g_unlink (copy);
  g_rmdir (dir);
}

/* Security Hub marks a passing control RESOLVED by itself: still a pass,
 * so the layer keeps its evidence. A failing one marked RESOLVED is closed. */
static void
test_asff_resolved (Fixture       *f,
                    gconstpointer  data)
{
  import_fixture (f, "asff-resolved.json");
  g_assert_cmpint (dm_finding_get_status (find (f, "resolved-pass")), ==, DM_FINDING_PASSED);
  g_assert_cmpint (dm_finding_get_status (find (f, "resolved-fail")), ==, DM_FINDING_SUPPRESSED);
}

/* Two different findings that share a placeholder id (as in Prowler's own
 * example output) are two findings, not a duplicate. */
static void
test_placeholder_ids (Fixture       *f,
                      gconstpointer  data)
{
  const DmImportInput *input;

  import_fixture (f, "prowler-ocsf-placeholder-uids.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpuint (input->duplicates, ==, 0);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, 2);
}

/* The helper itself: a NULL array has no objects; other elements are
 * passed over, not read as objects and not counted. */
static void
test_check_iter (void)
{
  static const char text[] = "[7, {\"a\": 1}, null, \"x\", [], {\"a\": 2}, true]";
  g_autoptr(DmJsonDoc) root = dm_json_doc_new_from_text (text, strlen (text), NULL);
  DmJsonArray *array = dm_json_node_get_array (dm_json_doc_get_root (root));
  DmCheckIter iter;
  DmJsonObject *object;
  gint64 seen = 0;

  dm_check_iter_init (&iter, NULL);
  g_assert_false (dm_check_iter_next (&iter, &object));
  g_assert_cmpuint (dm_check_count_objects (NULL), ==, 0);
  g_assert_null (dm_check_first_object (NULL));

  dm_check_iter_init (&iter, array);
  while (dm_check_iter_next (&iter, &object))
    seen = seen * 10 + dm_json_node_get_int (dm_json_object_get_member (object, "a"));
  g_assert_cmpint (seen, ==, 12);
  g_assert_false (dm_check_iter_next (&iter, &object));
  g_assert_cmpuint (dm_check_count_objects (array), ==, 2);
  /* The first element is a number: no first object. */
  g_assert_null (dm_check_first_object (array));
  /* Once the number is gone, the first element is the first object. */
  {
    DmJsonNode rest = *(DmJsonNode *)array;

    rest.length--;
    rest.v.elements++;
    g_assert_cmpint (dm_json_node_get_int (dm_json_object_get_member (dm_check_first_object (dm_json_node_get_array (&rest)), "a")), ==, 1);
  }
}

/* Puts a string, a number or a null after each object of every array
 * that holds only objects, as a hostile export might; the first element
 * stays an object, since some responses are told apart by it. */
static guint
add_junk (JsonNode *node)
{
  guint added = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        added += add_junk (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_new ();
      gboolean objects = json_array_get_length (array) > 0;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          objects = objects && JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i));
          added += add_junk (json_array_get_element (array, i));
        }
      if (!objects)
        return added;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
          if (i % 3 == 0)
            json_array_add_string_element (copy, "not an object");
          else if (i % 3 == 1)
            json_array_add_int_element (copy, 7);
          else
            json_array_add_null_element (copy);
          added++;
        }
      json_node_set_array (node, copy);
    }
  return added;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* One line a finding (id, status, evidence), sorted. */
static GPtrArray *
finding_lines (DmImporter *importer)
{
  GListModel *findings = dm_importer_get_findings (importer);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %d %s", dm_finding_get_id (finding),
                                               dm_finding_get_status (finding),
                                               dm_finding_get_evidence (finding)));
    }
  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

/* Non-object elements among the objects a check reads are skipped: the
 * same findings as without them, and no critical (criticals are fatal
 * here). */
static void
test_own_checks_junk (Fixture       *f,
                      gconstpointer  data)
{
  static const char *names[] = { "bundle-more-checks.json", "config-snapshot.json", "config-more-checks.json",
                                 "cli-security-groups.json", "cli-authorization-details.json" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("demarc-junk-XXXXXX", &error);
  g_autoptr(DmImporter) hostile = dm_importer_new (f->catalogue);
  g_autoptr(GPtrArray) expected = NULL, got = NULL;
  guint added = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = test_fixture_path (names[i]);
      g_autofree char *copy = g_build_filename (dir, names[i], NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GFile) file = g_file_new_for_path (copy);

      import_fixture (f, names[i]);
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      g_assert_no_error (error);
      added += add_junk (json_parser_get_root (parser));
      json_generator_set_root (generator, json_parser_get_root (parser));
      g_assert_true (json_generator_to_file (generator, copy, &error));
      g_assert_no_error (error);
      g_assert_true (dm_importer_add_file (hostile, file, NULL, &error));
      g_assert_no_error (error);
      g_unlink (copy);
    }
  g_rmdir (dir);

  expected = finding_lines (f->importer);
  got = finding_lines (hostile);
  g_assert_cmpuint (added, >, 50);
  g_assert_cmpuint (expected->len, >, 80);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));
}

/* Every format whose items carry a time gives the export's dates, and
 * ScoutSuite its version: the summary's "exported …" instead of the
 * file's date, which a copy resets. */
static void
test_export_times (void)
{
  static const struct
  {
    const char *fixture;
    const char *first;
    const char *last;
    const char *version;
  } cases[] = {
    { "guardduty-findings.json", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", NULL },
    { "inspector2-findings.json", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", NULL },
    /* A later occurrence's time counts too, though it is a duplicate. */
    { "guardduty-events.json", "2026-11-21T08:10:00.123Z", "2026-11-21T14:10:00Z", NULL },
    { "inspector2-events.json", "2026-11-21T08:00:37Z", "2026-11-21T09:40:13Z", NULL },
    { "access-analyzer-findings.json", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", NULL },
    { "macie-findings.json", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", NULL },
    { "prowler-v3-multicloud.json", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", NULL },
    { "config-snapshot.json", "2026-11-18T09:30:00Z", "2026-11-19T17:05:00Z", NULL },
    { "scoutsuite_results_aws-111122223333.js", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z", "5.14.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
      g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
      g_autofree char *path = test_fixture_path (cases[i].fixture);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 (cases[i].first, NULL);
      g_autoptr(GDateTime) last = g_date_time_new_from_iso8601 (cases[i].last, NULL);
      g_autoptr(GError) error = NULL;
      const DmImportInput *input;

      g_test_message ("%s", cases[i].fixture);
      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
      input = dm_importer_get_input (importer, 0);
      g_assert_cmpint (input->first_time, ==, g_date_time_to_unix (first));
      g_assert_cmpint (input->last_time, ==, g_date_time_to_unix (last));
      g_assert_cmpstr (input->tool_version, ==, cases[i].version);
    }
}

/* The export's own compliance ids join the catalogue's controls, each
 * once, in the formats' three shapes: Security Hub's list, Prowler's map
 * of framework to ids (OCSF) and its CSV text. */
static void
test_compliance_ids (void)
{
  static const struct
  {
    const char *fixture;
    const char *controls[8];
  } cases[] = {
    { "asff-compliance.json",
      { "Lambda.1", "PCI DSS v3.2.1/8.3.1", "CIS AWS Foundations Benchmark v1.2.0/1.10", "NIST.800-53.r5 AC-2(1)" } },
    /* CIS 3.0 2.1.4 is the catalogue's too; the empty framework gives
     * nothing; text stays text (escaped where it is shown). */
    { "prowler-ocsf-compliance.json",
      { "S3.8", "CIS 3.0 2.1.4", "CIS 3.0 2.1.1", "SOC2 cc_6_1", "AWS-Foundational-Security-Best-Practices s3",
        "Odd <b>one</b>" } },
    { "prowler-v5-compliance.csv",
      { "CIS 3.0 2.1.1", "SOC2 cc_6_1", "SOC2 cc_6_7", "ENS-RD2022 op.exp.10.aws.s3.1" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
      g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
      g_autofree char *path = test_fixture_path (cases[i].fixture);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DmFinding) finding = NULL;

      g_test_message ("%s", cases[i].fixture);
      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (importer)), ==, 1);
      finding = g_list_model_get_item (dm_importer_get_findings (importer), 0);
      g_assert_cmpstrv (dm_finding_get_controls (finding), cases[i].controls);
    }
}

/* A managed rule maps however it was deployed: by Security Hub, by an
 * organisation or in a conformance pack, each of which renames it. */
static void
test_config_rule_names (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  const DmMapping *plain = dm_catalogue_lookup_config_rule (catalogue, "iam-root-access-key-check");
  const char *names[] = {
    "securityhub-iam-root-access-key-check-5a6b7c",
    "OrgConfigRule-iam-root-access-key-check-x1y2z3",
    "iam-root-access-key-check-conformance-pack-abcd1234",
    "IAM_ROOT_ACCESS_KEY_CHECK",
  };

  g_assert_nonnull (plain);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const DmMapping *row = dm_catalogue_lookup_config_rule (catalogue, names[i]);

      g_test_message ("%s", names[i]);
      g_assert_nonnull (row);
      g_assert_cmpstr (row->service, ==, plain->service);
      g_assert_cmpstr (row->layer, ==, plain->layer);
    }
  /* A pack's own rule that is no managed rule stays unknown. */
  g_assert_null (dm_catalogue_lookup_config_rule (catalogue, "custom-rule-conformance-pack-abcd1234"));
}

/* Where a finding names no region, a regional resource's ARN gives it; a
 * security group named by its own ARN keeps it, and its account. */
static void
test_arn_region (void)
{
  static const struct { const char *arn, *region; } cases[] = {
    { "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1", "eu-west-1" },
    { "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/k", "us-gov-west-1" },
    { "arn:aws:s3:::bucket", NULL },
    { "arn:aws:iam::111122223333:role/r", NULL },
    { "arn:aws:ec2:<b>x</b>:1:y", NULL },
    { "sg-1", NULL },
    { "arn:aws", NULL },
  };
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autofree char *dir = g_dir_make_tmp ("demarc-arn-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "describe-security-groups.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DmFinding *finding;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *region = dm_check_arn_region (cases[i].arn);

      g_assert_cmpstr (region, ==, cases[i].region);
    }

  g_assert_true (g_file_set_contents (path, "{\"SecurityGroups\": [{\"GroupId\": \"sg-9\", \"GroupName\": \"web\", "
                                            "\"OwnerId\": \"210987654321\", \"SecurityGroupArn\": "
                                            "\"arn:aws:ec2:eu-west-1:210987654321:security-group/sg-9\", "
                                            "\"IpPermissions\": [], \"IpPermissionsEgress\": []}]}", -1, NULL));
  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  finding = test_find_finding (dm_importer_get_findings (importer),
                               "NET-01/arn:aws:ec2:eu-west-1:210987654321:security-group/sg-9");
  g_assert_nonnull (finding);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "210987654321");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "eu-west-1");
  g_unlink (path);

  /* Inspector names an instance by its id: it gets the ARN the other
   * tools give it, once among its resources. */
  g_assert_true (g_file_set_contents (path, "{\"findings\": [{\"findingArn\": \"arn:aws:inspector2:eu-west-1:210987654321:finding/f1\", "
                                            "\"awsAccountId\": \"210987654321\", \"severity\": \"HIGH\", \"status\": \"ACTIVE\", "
                                            "\"type\": \"PACKAGE_VULNERABILITY\", \"title\": \"CVE-1\", "
                                            "\"resources\": [{\"type\": \"AWS_EC2_INSTANCE\", \"id\": \"i-0abc\", "
                                            "\"region\": \"eu-west-1\"}]}]}", -1, NULL));
  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  finding = test_find_finding (dm_importer_get_findings (importer), "arn:aws:inspector2:eu-west-1:210987654321:finding/f1");
  g_assert_nonnull (finding);
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, "arn:aws:ec2:eu-west-1:210987654321:instance/i-0abc");
  g_assert_cmpstrv (dm_finding_get_resources (finding),
                    ((const char *[]){ "arn:aws:ec2:eu-west-1:210987654321:instance/i-0abc", NULL }));
  g_unlink (path);
  g_rmdir (dir);
}

/* Saved pages of an API's answer, as a JSON array of pages or one page
 * per line, read as the one answer would: the same findings, the pages
 * no items of their own, every item numbered once. */
static void
test_pages (void)
{
  const char *names[] = { "asff-mixed.json", "asff-pages.json", "asff-pages.ndjson" };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
      g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
      g_autofree char *path = test_fixture_path (names[n]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
      g_autoptr(GError) error = NULL;
      GListModel *findings;
      const DmImportInput *input;
      g_autoptr(GString) all = g_string_new (NULL);

      g_test_message ("%s", names[n]);
      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
      input = dm_importer_get_input (importer, 0);
      findings = dm_importer_get_findings (importer);
      g_assert_cmpstr (input->format, ==, "asff");
      g_assert_cmpuint (input->items, ==, 13);
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

          g_string_append_printf (all, "%s|", dm_finding_get_id (finding));
          g_assert_true (g_hash_table_add (numbers, GSIZE_TO_POINTER (dm_finding_get_source_item (finding) + 1)));
          g_assert_cmpuint (dm_finding_get_source_item (finding), <, input->items);
        }
      g_ptr_array_add (ids, g_string_free (g_steal_pointer (&all), FALSE));
      if (n > 0)
        g_assert_cmpstr (g_ptr_array_index (ids, n), ==, g_ptr_array_index (ids, 0));
    }
}

/* Config's other answers: an aggregator's results, each in its account
 * and region, and batch-get-resource-config's items, checked like a
 * snapshot's. */
static void
test_config_answers (Fixture       *f,
                     gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *finding;

  import_fixture (f, "config-aggregate-evaluations.json");
  import_fixture (f, "config-batch-get.json");

  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpstr (input->format, ==, "config-compliance");
  g_assert_cmpuint (input->items, ==, 2);
  finding = find (f, "111111111111/rds-storage-encrypted/db-ABCDEFGHIJKL");
  g_assert_nonnull (finding);
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111111111111");
  g_assert_cmpstr (dm_finding_get_region (finding), ==, "us-east-2");
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, "server_side_encryption");
  g_assert_cmpint (dm_finding_get_status (find (f, "222222222222/rds-storage-encrypted/db-MNOPQRSTUV")), ==,
                   DM_FINDING_PASSED);

  input = dm_importer_get_input (f->importer, 1);
  g_assert_cmpstr (input->format, ==, "config-snapshot");
  g_assert_cmpuint (input->items, ==, 3);
  g_assert_cmpuint (input->evaluated + input->skipped, ==, input->items);
  assert_result (f, "NET-12/arn:aws:rds:eu-west-1:210987654321:db:prod-db", TRUE, "PubliclyAccessible is true.");
  g_assert_cmpstr (dm_finding_get_account (find (f, "NET-12/arn:aws:rds:eu-west-1:210987654321:db:prod-db")), ==, "210987654321");
}

/* --- Layers of integrated findings, Trusted Advisor checks, Config summaries */

/* Access Analyzer and Macie through Security Hub land where their own
 * exports do: Access Analyzer on the resource's IAM layer whatever its
 * type, Macie by its finding type (which Security Hub writes as the last
 * part of Types, "/" made "-"), also when only ProductFields names it. */
static void
test_layers_asff_integrations (Fixture       *f,
                               gconstpointer  data)
{
  static const struct
  {
    const char *asff;
    const char *native;  /* the same kind of finding read from its own export */
    const char *service;
    const char *layer;
  } expected[] = {
    { "arn:aws:access-analyzer:eu-west-1:444455556666:analyzer/org/arn:aws:s3:::media-public", "aa-1", "s3", "iam" },
    { "arn:aws:access-analyzer:eu-west-1:444455556666:analyzer/org/arn:aws:sqs:eu-west-1:444455556666:jobs", NULL,
      "sqs", "iam" },
    { "macie-asff-public", "macie-1", "s3", "iam" },
    { "macie-asff-encryption", "macie-3", "s3", "server_side_encryption" },
    { "macie-asff-personal", "macie-2", "s3", "customer_data" },
    { "macie-asff-old", "macie-4", "s3", "iam" },
  };

  import_fixture (f, "asff-integrations.json");
  import_fixture (f, "access-analyzer-findings.json");
  import_fixture (f, "macie-findings.json");
  g_assert_cmpstr (dm_importer_get_input (f->importer, 0)->format, ==, "asff");
  g_assert_cmpuint (dm_importer_get_input (f->importer, 0)->items, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DmFinding *finding = find (f, expected[i].asff);

      g_assert_nonnull (finding);
      g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      if (expected[i].native)
        {
          DmFinding *native = find (f, expected[i].native);

          g_assert_nonnull (native);
          g_assert_cmpstr (dm_finding_get_service (native), ==, dm_finding_get_service (finding));
          g_assert_cmpstr (dm_finding_get_layer (native), ==, dm_finding_get_layer (finding));
        }
    }
}

/* Trusted Advisor's security checks by their id in the mapping: the open
 * ports check on the security group its metadata names (not the row's
 * resourceId hash), each row its own finding; a row too short to name it
 * keeps the hash; an account-wide check on IAM, in no region; a
 * recommendation (no check id) on the account entry. */
static void
test_layers_trusted_advisor (Fixture       *f,
                             gconstpointer  data)
{
  const DmImportInput *input;
  DmFinding *ssh, *rdp, *https, *short_row, *mfa, *recommendation;

  import_fixture (f, "trusted-advisor-sg-ports.json");
  import_fixture (f, "trusted-advisor-root-mfa.json");
  import_fixture (f, "trusted-advisor-recommendation.json");

  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpuint (input->items, ==, 5);
  g_assert_cmpuint (input->duplicates, ==, 0);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 4);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);

  ssh = find (f, "trusted-advisor/HCP4007jGY/Qm9zR0sT1pBa7xYvLw3nHc0uEi2kJd5fWg8rNo4tAs6");
  rdp = find (f, "trusted-advisor/HCP4007jGY/Zx1cV2bN3mQ4wE5rT6yU7iO8pA9sD0fG1hJ2kL3zX4c");
  https = find (f, "trusted-advisor/HCP4007jGY/Pl0kO9iJ8uH7yG6tF5rD4eS3wA2qZ1xC0vB9nM8lK7j");
  short_row = find (f, "trusted-advisor/HCP4007jGY/Short0metadataRow");
  g_assert_nonnull (ssh);
  g_assert_nonnull (rdp);
  g_assert_nonnull (https);
  g_assert_nonnull (short_row);
  g_assert_cmpstr (dm_finding_get_service (ssh), ==, "vpc");
  g_assert_cmpstr (dm_finding_get_layer (ssh), ==, "network_firewall");
  g_assert_cmpstr (dm_finding_get_resource (ssh), ==, "sg-0a1b2c3d4e5f60718");
  g_assert_cmpstr (dm_finding_get_resource_type (ssh), ==, "AWS::EC2::SecurityGroup");
  g_assert_cmpstr (dm_finding_get_resource (rdp), ==, "sg-0a1b2c3d4e5f60718");
  g_assert_cmpint (dm_finding_get_severity (ssh), ==, DM_SEVERITY_HIGH);
  g_assert_nonnull (strstr (dm_finding_get_evidence (ssh), "tcp, Red, 22"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (rdp), "3389"));
  g_assert_null (strstr (dm_finding_get_title (ssh), "HCP4007jGY"));
  g_assert_cmpint (dm_finding_get_status (https), ==, DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_layer (https), ==, "network_firewall");
  g_assert_cmpstr (dm_finding_get_resource (short_row), ==, "Short0metadataRow");
  g_assert_cmpstr (dm_finding_get_layer (short_row), ==, "network_firewall");

  mfa = find (f, "trusted-advisor/7DAFEmoDos/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
  g_assert_nonnull (mfa);
  g_assert_cmpstr (dm_finding_get_service (mfa), ==, "iam");
  g_assert_cmpstr (dm_finding_get_layer (mfa), ==, "iam");
  g_assert_cmpstr (dm_finding_get_region (mfa), ==, "");

  recommendation = find (f, "arn:aws:trustedadvisor::444455556666:recommendation-resource/"
                            "4c5f0e7a-2b1d-4a3e-9f8c-1d2e3f4a5b6c/9a8b7c6d5e4f");
  g_assert_nonnull (recommendation);
  g_assert_cmpstr (dm_finding_get_service (recommendation), ==, "account");
  g_assert_cmpstr (dm_finding_get_account (recommendation), ==, "444455556666");
}

/* describe-compliance-by-resource names no rule: a NON_COMPLIANT resource
 * fails no known check and says so; a COMPLIANT one is informational, so
 * its layer shows no data rather than a pass. */
static void
test_layers_config_resource_summary (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(DmAssessment) assessment = NULL;
  DmFinding *instance, *bucket, *volume;
  const DmImportInput *input;

  import_fixture (f, "config-compliance-by-resource-mixed.json");
  input = dm_importer_get_input (f->importer, 0);
  g_assert_cmpuint (input->items, ==, 3);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 0);
  g_assert_cmpuint (input->by_status[DM_FINDING_INFORMATIONAL], ==, 2);

  instance = find (f, "config-resource/AWS::EC2::Instance/i-0123456789abcdef0");
  bucket = find (f, "config-resource/AWS::S3::Bucket/finance-archive");
  volume = find (f, "config-resource/AWS::EC2::Volume/vol-0123456789abcdef0");
  g_assert_nonnull (instance);
  g_assert_nonnull (bucket);
  g_assert_nonnull (volume);
  g_assert_cmpint (dm_finding_get_status (instance), ==, DM_FINDING_FAILED);
  g_assert_null (dm_finding_get_check (instance));
  g_assert_cmpstr (dm_finding_get_service (instance), ==, "ec2");
  g_assert_nonnull (strstr (dm_finding_get_title (instance), "3 AWS Config rules"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (instance), "names none of the rules"));
  g_assert_cmpint (dm_finding_get_status (bucket), ==, DM_FINDING_INFORMATIONAL);
  g_assert_nonnull (strstr (dm_finding_get_evidence (bucket), "not counted as a pass"));
  g_assert_cmpint (dm_finding_get_status (volume), ==, DM_FINDING_INFORMATIONAL);

  assessment = dm_assessment_new (f->model, f->catalogue, G_LIST_MODEL (dm_importer_get_findings (f->importer)));
  g_assert_cmpint (dm_assessment_get_result (assessment, dm_model_find_service (f->model, "s3"),
                                             dm_model_find_layer (f->model, dm_finding_get_layer (bucket)))->status,
                   ==, DM_LAYER_NO_DATA);
  g_assert_cmpuint (dm_assessment_get_n_passed (assessment), ==, 0);
}

/* describe-compliance-by-config-rule counts a rule's non-compliant
 * resources without naming them: the finding carries the count (and
 * whether Config capped it), and its group says so instead of "1 resource". */
static void
test_layers_config_rule_counts (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = NULL;
  GListModel *findings;
  DmFinding *ssh, *volumes, *mfa;
  gboolean capped = TRUE;
  guint checked = 0;

  import_fixture (f, "config-compliance-by-rule.json");
  ssh = find (f, "config-rule//restricted-ssh");
  volumes = find (f, "config-rule//encrypted-volumes");
  mfa = find (f, "config-rule//root-account-mfa-enabled");
  g_assert_nonnull (ssh);
  g_assert_nonnull (volumes);
  g_assert_nonnull (mfa);
  g_assert_cmpuint (dm_finding_get_unnamed_resources (ssh, &capped), ==, 3);
  g_assert_false (capped);
  g_assert_cmpuint (dm_finding_get_unnamed_resources (volumes, &capped), ==, 100);
  g_assert_true (capped);
  g_assert_cmpuint (dm_finding_get_unnamed_resources (mfa, NULL), ==, 0);
  g_assert_nonnull (strstr (dm_finding_get_evidence (ssh), "3 resources do not comply"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (mfa), "whole account"));

  findings = G_LIST_MODEL (dm_importer_get_findings (f->importer));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
        g_ptr_array_add (failed, g_steal_pointer (&finding));
    }
  groups = dm_finding_groups_new (failed);
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *scope = dm_finding_group_describe_scope (group);
      DmFinding *first = g_ptr_array_index (dm_finding_group_get_findings (group), 0);

      if (first == ssh)
        g_assert_cmpstr (scope, ==, "3 resources, counted but not named in the export");
      else if (first == volumes)
        g_assert_cmpstr (scope, ==, "more than 100 resources, counted but not named in the export");
      else
        continue;
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *appended)
{
  g_assert_cmpuint (position, ==, *appended);
  g_assert_cmpuint (removed, ==, 0);
  *appended += added;
}

/* Appends with no one listening skip the signal; a listener hears each. */
static void
test_finding_array_signals (void)
{
  g_autoptr(DmFindingArray) array = dm_finding_array_new ();
  DmFindingData data = { .id = "x", .check = "IAM-01", .title = "t" };
  g_autoptr(DmFinding) finding = dm_finding_new (&data);
  guint appended = 1;

  dm_finding_array_append (array, finding);
  g_signal_connect (array, "items-changed", G_CALLBACK (count_changes), &appended);
  dm_finding_array_append (array, finding);
  dm_finding_array_append (array, finding);
  g_assert_cmpuint (appended, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (array)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/duplicates", test_duplicates);
  ADD ("/import/joined-reports", test_joined_reports);
  ADD ("/import/joined-config-asff", test_joined_config_asff);
  g_test_add_func ("/import/own-checks/names", test_check_names);
  g_test_add_func ("/import/finding-array/signals", test_finding_array_signals);
  ADD ("/import/huge-integer", test_huge_integer);
  /* What fuzz-importer found: a name read from a moved buffer (ASan), and
   * a projected item holding a page that re-read itself without end
   * (stack overflow). */
  g_test_add ("/import/fuzz/key-buffer-moved", Fixture, "fuzz-importer-key-buffer-moved.json", fixture_setup,
              test_fuzz_found, fixture_teardown);
  g_test_add ("/import/fuzz/projected-page-loop", Fixture, "fuzz-importer-projected-page-loop.json", fixture_setup,
              test_fuzz_found, fixture_teardown);
  g_test_add ("/import/fuzz/projected-page-loop-2", Fixture, "fuzz-importer-projected-page-loop-2.json",
              fixture_setup, test_fuzz_found, fixture_teardown);
  ADD ("/import/guardduty", test_guardduty);
  ADD ("/import/inspector2", test_inspector);
  ADD ("/import/eventbridge/guardduty", test_guardduty_events);
  ADD ("/import/eventbridge/inspector2", test_inspector_events);
  g_test_add_func ("/import/eventbridge/guardduty-case", test_guardduty_event_case);
  g_test_add_func ("/import/eventbridge/inspector2-case", test_inspector_event_case);
  g_test_add_func ("/import/eventbridge/securityhub", test_securityhub_events);
  g_test_add_func ("/import/eventbridge/other-events", test_other_events);
  ADD ("/import/cli-pages", test_cli_pages);
  ADD ("/import/access-analyzer", test_access_analyzer);
  ADD ("/import/cloudsploit", test_cloudsploit);
  ADD ("/import/cloudsploit-placement", test_cloudsploit_placement);
  ADD ("/import/trusted-advisor", test_trusted_advisor);
  ADD ("/import/config-compliance", test_config_compliance);
  ADD ("/import/config-pack-then-rule", test_config_pack_then_rule);
  ADD ("/import/prowler-csv", test_prowler_csv);
  ADD ("/import/multi-resource", test_multi_resource);
  ADD ("/import/macie", test_macie);
  ADD ("/import/query", test_query);
  ADD ("/import/asff/resolved", test_asff_resolved);
  ADD ("/import/duplicates/placeholder-ids", test_placeholder_ids);
  ADD ("/import/catalogue", test_catalogue);
  ADD ("/import/asff/mixed", test_asff_mixed);
  ADD ("/import/asff/containers", test_asff_containers);
  ADD ("/import/prowler/ocsf", test_prowler_ocsf);
  ADD ("/import/prowler/v2-ndjson", test_prowler_v2);
  ADD ("/import/prowler/v2-checks", test_prowler_v2_checks);
  ADD ("/import/prowler/v2-samples", test_prowler_v2_samples);
  ADD ("/import/config", test_config);
  ADD ("/import/config-answers", test_config_answers);
  ADD ("/import/folder", test_folder);
  ADD ("/import/cloudmapper-layout", test_cloudmapper_layout);
  ADD ("/import/scoutsuite", test_scoutsuite);
  ADD ("/import/own-checks/config", test_own_checks_config);
  ADD ("/import/own-checks/cli", test_own_checks_cli);
  ADD ("/import/own-checks/bundle", test_own_checks_bundle);
  ADD ("/import/own-checks/more-config", test_own_checks_more_config);
  ADD ("/import/own-checks/root-usage", test_root_usage);
  ADD ("/import/own-checks/junk-elements", test_own_checks_junk);
  g_test_add_func ("/import/own-checks/iter", test_check_iter);
  g_test_add_func ("/import/export-times", test_export_times);
  g_test_add_func ("/import/compliance-ids", test_compliance_ids);
  g_test_add_func ("/import/config-rule-names", test_config_rule_names);
  g_test_add_func ("/import/arn-region", test_arn_region);
  g_test_add_func ("/import/pages", test_pages);
  g_test_add_func ("/import/own-checks/secrets", test_secret_detection);
  ADD ("/import/errors", test_errors);
  ADD ("/import/shared-samples", test_shared_samples);
  ADD ("/assessment/statuses", test_assessment);
  ADD ("/assessment/ok-and-no-data", test_assessment_ok);
  ADD ("/assessment/values", test_assessment_values);
  g_test_add_func ("/import/object-array", test_object_array);
  ADD ("/import/layers/asff-integrations", test_layers_asff_integrations);
  ADD ("/import/layers/trusted-advisor", test_layers_trusted_advisor);
  ADD ("/import/layers/config-resource-summary", test_layers_config_resource_summary);
  ADD ("/import/layers/config-rule-counts", test_layers_config_rule_counts);
#undef ADD

  return g_test_run ();
}
