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
#include "dm-importer.h"
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
  GListModel *findings = dm_importer_get_findings (f->importer);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (dm_finding_get_id (finding), id))
        return finding;   /* the store keeps it alive */
    }
  return NULL;
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

  g_assert_cmpuint (dm_catalogue_get_n_checks (f->catalogue), ==, 114);

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
  g_assert_cmpuint (critical_or_high, ==, 48);

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

  assert_result (f, "NET-01/sg-open", TRUE, "tcp 22 from 0.0.0.0/0");
  assert_result (f, "NET-02/sg-open", FALSE, NULL);
  assert_result (f, "NET-05/sg-open", TRUE, NULL);
  /* configuration given as a JSON string: read all the same. */
  assert_result (f, "NET-06/sg-default", TRUE, "The default security group has 0 inbound and 1 outbound rules.");
  assert_result (f, "OS-03/i-1", TRUE, "HttpTokens is optional.");
  assert_result (f, "OS-05/i-1", TRUE, "PublicIpAddress is 203.0.113.9.");
  g_assert_null (find (f, "OS-03/i-2"));
  assert_result (f, "ENC-02/vol-1", TRUE, NULL);
  assert_result (f, "DATA-03/bucket-<b>one</b>", TRUE, "Not on: blockPublicPolicy, restrictPublicBuckets.");
  assert_result (f, "DATA-04/bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "ENC-04/bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "TLS-01/bucket-<b>one</b>", TRUE, NULL);
  assert_result (f, "NET-12/orders", TRUE, "PubliclyAccessible is true.");
  assert_result (f, "ENC-05/orders", FALSE, NULL);
  assert_result (f, "APP-13/orders", TRUE, NULL);
  assert_result (f, "DATA-08/orders", FALSE, "BackupRetentionPeriod is 7 days.");
  assert_result (f, "APP-03/mailer", TRUE, "Runtime python3.8 is deprecated or not supported.");
  assert_result (f, "LOG-02/main", TRUE, NULL);
  assert_result (f, "LOG-03/main", FALSE, NULL);

  /* Findings carry the catalogue's facts and the item's provenance. */
  finding = find (f, "NET-01/sg-open");
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

  /* The credential report, base64 inside "Content". */
  assert_result (f, "IAM-01/root", TRUE, "Root mfa_active is false.");
  assert_result (f, "IAM-03/root", TRUE, NULL);
  assert_result (f, "IAM-05/alice", TRUE, NULL);
  assert_result (f, "IAM-05/bob", FALSE, NULL);

  /* Policy documents as objects and URL-encoded strings. */
  assert_result (f, "IAM-14/ops", TRUE, "Inline policy everything allows every action on every resource.");
  assert_result (f, "IAM-14/reader", FALSE, NULL);
  assert_result (f, "IAM-13/arn:aws:iam::aws:policy/AdministratorAccess", TRUE, NULL);
  g_assert_null (find (f, "IAM-13/arn:aws:iam::111122223333:policy/Unused"));

  assert_result (f, "IAM-10/password policy", FALSE, "MinimumPasswordLength is 16.");
  assert_result (f, "IAM-11/password policy", TRUE, "PasswordReusePrevention is 5.");
  assert_result (f, "LOG-09/cli-guardduty-detectors.json", TRUE, "0 GuardDuty detectors.");

  g_assert_cmpuint (reason_count (dm_importer_get_input (f->importer, 5), "no Demarc check reads this yet"), ==, 1);
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

  assert_result (f, "IAM-02/root", TRUE, "The root user's MFA is the virtual device arn:aws:iam::111122223333:mfa/root-account-mfa-device.");
  /* An unused-access analyzer does not look for external access. */
  assert_result (f, "IAM-16/eu-west-1", TRUE, "No active external access analyzer.");
  assert_result (f, "LOG-10/eu-west-1", TRUE, "0 security standards are enabled.");
  /* The collector's error is the evidence that the hub is off. */
  assert_result (f, "LOG-10/us-east-1", TRUE, NULL);
  assert_result (f, "LOG-15/111122223333", TRUE, "Inspector scanning off: ecr DISABLED.");
  assert_result (f, "NET-13/warehouse", TRUE, "PubliclyAccessible is true.");
  assert_result (f, "NET-13/reports", FALSE, NULL);
  assert_result (f, "NET-14/eu-west-1", TRUE, NULL);
  assert_result (f, "NET-15/frontend", TRUE, "AssignPublicIp is ENABLED.");
  assert_result (f, "NET-15/worker", FALSE, NULL);
  assert_result (f, "NET-16/platform", TRUE, "The API endpoint is public and open to 0.0.0.0/0.");
  assert_result (f, "APP-17/platform", TRUE, NULL);
  assert_result (f, "OS-02/i-0aaa", TRUE, "Patch compliance is NON_COMPLIANT.");
  assert_result (f, "OS-02/i-0bbb", FALSE, NULL);
  g_assert_null (find (f, "OS-02/i-0ccc"));   /* association, not patch, compliance */
  assert_result (f, "OS-04/eu-west-1", TRUE, "The account default HttpTokens is not set.");
  assert_result (f, "OS-06/i-0aaa", TRUE, "Line 3 of the user data holds a credential, judging by its name.");
  assert_result (f, "OS-06/i-0bbb", FALSE, NULL);   /* a parameter path, not a password */
  assert_result (f, "OS-07/shop-prod", TRUE, "ManagedActionsEnabled is false.");
  assert_result (f, "APP-12/shop-prod", FALSE, NULL);
  assert_result (f, "OS-08/api:7", TRUE, "Privileged containers: app.");
  assert_result (f, "APP-05/api:7", TRUE, NULL);
  assert_result (f, "DATA-01/snap-0public", TRUE, NULL);
  assert_result (f, "ENC-03/snap-0plain", TRUE, "Encrypted is false.");
  assert_result (f, "ENC-03/snap-0sealed", FALSE, NULL);

  /* lambda get-policy is a function's policy, not a bucket's. */
  assert_result (f, "APP-01/thumbnailer", TRUE, NULL);
  assert_result (f, "APP-01/resizer", FALSE, NULL);
  g_assert_null (find (f, "DATA-04/bundle-more-checks.json"));
  g_assert_null (find (f, "TLS-01/bundle-more-checks.json"));
  assert_result (f, "APP-02/thumbnailer", TRUE, "The function URL's AuthType is NONE.");
  assert_result (f, "APP-04/billing", TRUE, "Variables that look like secrets: STRIPE_KEY (a Stripe secret key).");
  assert_result (f, "APP-04/resizer", FALSE, NULL);   /* an ARN points at the secret */
  assert_result (f, "APP-14/sessions", TRUE, NULL);
  assert_result (f, "APP-15/api", TRUE, NULL);
  assert_result (f, "APP-16/api", TRUE, NULL);
  assert_result (f, "POL-01/bundle-more-checks.json", TRUE, NULL);
  assert_result (f, "POL-02/orders", TRUE, NULL);
  assert_result (f, "POL-03/alerts", FALSE, NULL);   /* narrowed by a condition */

  /* Evidence names secrets, never repeats them. */
  finding = find (f, "APP-05/api:7");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "wJalrXUtnFEMI"));
  finding = find (f, "APP-04/billing");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "sk_live_0123"));
  finding = find (f, "OS-06/i-0aaa");
  g_assert_null (strstr (dm_finding_get_evidence (finding), "Passw0rd"));

  g_assert_cmpstr (dm_finding_get_service (find (f, "NET-13/warehouse")), ==, "redshift");
  g_assert_cmpstr (dm_finding_get_layer (find (f, "NET-13/warehouse")), ==, "network_firewall");
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
  assert_result (f, "NET-15/site", FALSE, NULL);
  assert_result (f, "NET-16/data", FALSE, "The API endpoint is public but limited to listed CIDR ranges.");
  assert_result (f, "APP-17/data", FALSE, NULL);
  assert_result (f, "APP-15/web", FALSE, NULL);
  assert_result (f, "APP-16/web", FALSE, NULL);
  assert_result (f, "NET-13/lake", FALSE, NULL);
  assert_result (f, "APP-14/cache", FALSE, NULL);
  assert_result (f, "POL-02/jobs", TRUE, NULL);
}

static void
test_root_usage (Fixture       *f,
                 gconstpointer  data)
{
  import_fixture (f, "cli-credential-report-root-used.json");
  assert_result (f, "IAM-04/root", TRUE,
                 "The root user was last used on 2026-11-18 (password_last_used), 2 days before the report.");
  assert_result (f, "IAM-01/root", FALSE, NULL);
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

  /* JSON files only, in name order, subfolders included. */
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 3);
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 0)->path, "a-asff.json"));
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 1)->path, "b-prowler.json"));
  g_assert_true (g_str_has_suffix (dm_importer_get_input (f->importer, 2)->path, "config.json"));

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

  finding = find (f, "scoutsuite/s3/s3-bucket-world-policy-star");
  g_assert_cmpint (dm_finding_get_status (finding), ==, DM_FINDING_FAILED);
  g_assert_cmpint (dm_finding_get_severity (finding), ==, DM_SEVERITY_HIGH);
  g_assert_cmpstr (dm_finding_get_service (finding), ==, "s3");
  g_assert_cmpstr (dm_finding_get_evidence (finding), ==, "Flagged: s3.buckets.id.example-public.policy");
  g_assert_cmpstr (dm_finding_get_resource (finding), ==, "1 of 4 checked items");
  g_assert_cmpstr (dm_finding_get_account (finding), ==, "111122223333");
  g_assert_cmpint (dm_finding_get_status (find (f, "scoutsuite/s3/s3-bucket-no-logging")), ==, DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_layer (find (f, "scoutsuite/iam/iam-root-account-no-mfa")), ==, "iam");
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

  /* Account and region come from the folders. */
  finding = find (f, "NET-04/sg-c");
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

  /* S3 data: finding-10 (server access logging), which the catalogue puts
   * there itself: "platform and applications" is AWS's for S3. */
  r = dm_assessment_get_result (assessment, s3, dm_model_find_layer (f->model, "customer_data"));
  g_assert_cmpint (r->status, ==, DM_LAYER_GAP);
  g_assert_cmpint (r->worst, ==, DM_SEVERITY_MEDIUM);
  g_assert_cmpuint (r->failed, ==, 1);
  g_assert_cmpuint (r->passed, ==, 0);
  g_assert_cmpstr (dm_finding_get_layer (find (f, "finding-10")), ==, "customer_data");
  g_assert_cmpstr (dm_assessment_get_finding_layer (assessment, find (f, "finding-10")), ==, "customer_data");

  r = dm_assessment_get_result (assessment, s3, dm_model_find_layer (f->model, "platform_apps"));
  g_assert_cmpint (r->status, ==, DM_LAYER_PROVIDER);

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
  const char *folders[] = { "securityhub_asff", "prowler", "aws_config", "aws_cli" };
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/duplicates", test_duplicates);
  ADD ("/import/asff/resolved", test_asff_resolved);
  ADD ("/import/duplicates/placeholder-ids", test_placeholder_ids);
  ADD ("/import/catalogue", test_catalogue);
  ADD ("/import/asff/mixed", test_asff_mixed);
  ADD ("/import/asff/containers", test_asff_containers);
  ADD ("/import/prowler/ocsf", test_prowler_ocsf);
  ADD ("/import/prowler/v2-ndjson", test_prowler_v2);
  ADD ("/import/config", test_config);
  ADD ("/import/folder", test_folder);
  ADD ("/import/cloudmapper-layout", test_cloudmapper_layout);
  ADD ("/import/scoutsuite", test_scoutsuite);
  ADD ("/import/own-checks/config", test_own_checks_config);
  ADD ("/import/own-checks/cli", test_own_checks_cli);
  ADD ("/import/own-checks/bundle", test_own_checks_bundle);
  ADD ("/import/own-checks/more-config", test_own_checks_more_config);
  ADD ("/import/own-checks/root-usage", test_root_usage);
  g_test_add_func ("/import/own-checks/secrets", test_secret_detection);
  ADD ("/import/errors", test_errors);
  ADD ("/import/shared-samples", test_shared_samples);
  ADD ("/assessment/statuses", test_assessment);
  ADD ("/assessment/ok-and-no-data", test_assessment_ok);
#undef ADD

  return g_test_run ();
}
