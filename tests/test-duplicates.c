/* test-duplicates.c: which reports are one finding
 *
 * A report read again is a duplicate; a pass and a fail are never one
 * report; two reports of one finding made at two times are its older and
 * its current state, whichever is read first. Every case also checks that
 * each input's counts still add up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

#include "dm-catalogue.h"
#include "dm-importer.h"

typedef struct
{
  DmCatalogue *catalogue;
  DmImporter  *importer;
  char        *dir;
  GPtrArray   *written;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->importer = dm_importer_new (f->catalogue);
  f->dir = g_dir_make_tmp ("demarc-duplicates-XXXXXX", &error);
  g_assert_no_error (error);
  f->written = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < f->written->len; i++)
    g_unlink (g_ptr_array_index (f->written, i));
  g_rmdir (f->dir);
  g_ptr_array_unref (f->written);
  g_free (f->dir);
  g_clear_object (&f->importer);
  g_clear_object (&f->catalogue);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_ptr_array_add (f->written, g_strdup (path));
  return path;
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

/* Every input: items read = findings by status + duplicates + other
 * clouds' + skipped. */
static void
assert_counts_add_up (Fixture *f)
{
  for (guint i = 0; i < dm_importer_get_n_inputs (f->importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (f->importer, i);
      guint64 found = input->duplicates + input->not_aws;

      for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
        found += input->by_status[s];
      g_assert_cmpuint (input->evaluated, <=, found);
      g_assert_cmpuint (input->items, ==, input->evaluated + input->skipped);
    }
}

/* How many findings of @check on @resource have @status. */
static guint
count_findings (Fixture         *f,
                const char      *check,
                const char      *resource,
                DmFindingStatus  status)
{
  GListModel *findings = dm_importer_get_findings (f->importer);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *id = dm_finding_get_check (finding) ? dm_finding_get_check (finding) : dm_finding_get_id (finding);

      if (g_strcmp0 (id, check) == 0 && g_strcmp0 (dm_finding_get_resource (finding), resource) == 0 &&
          dm_finding_get_status (finding) == status)
        n++;
    }
  return n;
}

static guint64
total (Fixture *f,
       gboolean duplicates)
{
  guint64 n = 0;

  for (guint i = 0; i < dm_importer_get_n_inputs (f->importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (f->importer, i);

      if (duplicates)
        n += input->duplicates;
      else
        for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
          n += input->by_status[s];
    }
  return n;
}

#define SUMMARY_SAFE "{\"SummaryMap\": {\"AccountMFAEnabled\": 1, \"AccountAccessKeysPresent\": 0, \"Users\": 3}}"
#define SUMMARY_UNSAFE "{\"SummaryMap\": {\"AccountMFAEnabled\": 0, \"AccountAccessKeysPresent\": 1, \"Users\": 3}}"

/* Two account summaries that disagree (no time in either): the root
 * account's failed checks stay failed whichever file is read first. */
static void
test_pass_and_fail_kept (Fixture       *f,
                         gconstpointer  data)
{
  gboolean unsafe_first = GPOINTER_TO_INT (data);
  g_autofree char *a = write_file (f, "a_iam-get-account-summary.json", unsafe_first ? SUMMARY_UNSAFE : SUMMARY_SAFE);
  g_autofree char *b = write_file (f, "b_iam-get-account-summary.json", unsafe_first ? SUMMARY_SAFE : SUMMARY_UNSAFE);

  import_path (f, f->dir);
  g_assert_cmpuint (dm_importer_get_n_inputs (f->importer), ==, 2);
  g_assert_cmpuint (count_findings (f, "IAM-01", "root", DM_FINDING_FAILED), ==, 1);
  g_assert_cmpuint (count_findings (f, "IAM-01", "root", DM_FINDING_PASSED), ==, 1);
  g_assert_cmpuint (count_findings (f, "IAM-03", "root", DM_FINDING_FAILED), ==, 1);
  g_assert_cmpuint (count_findings (f, "IAM-03", "root", DM_FINDING_PASSED), ==, 1);
  assert_counts_add_up (f);

  /* The same file again is a duplicate, as before. */
  import_path (f, b);
  g_assert_cmpuint (count_findings (f, "IAM-01", "root", DM_FINDING_FAILED), ==, 1);
  g_assert_cmpuint (total (f, TRUE), >=, 2);
  assert_counts_add_up (f);
}

static guint
count_resource (Fixture         *f,
                const char      *resource_part,
                DmFindingStatus  status)
{
  GListModel *findings = dm_importer_get_findings (f->importer);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (strstr (dm_finding_get_resource (finding), resource_part) && dm_finding_get_status (finding) == status)
        n++;
    }
  return n;
}

static char *
asff_finding (const char *updated,
              const char *status)
{
  return g_strdup_printf ("{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"arn:aws:securityhub:eu-west-1:111122223333:"
                          "security-control/S3.8/finding/f-1\", \"ProductArn\": \"arn:aws:securityhub:eu-west-1::"
                          "product/aws/securityhub\", \"GeneratorId\": \"security-control/S3.8\", \"AwsAccountId\": "
                          "\"111122223333\", \"Types\": [\"Software and Configuration Checks\"], \"CreatedAt\": "
                          "\"2026-01-01T00:00:00Z\", \"UpdatedAt\": \"%s\", \"Severity\": {\"Label\": \"HIGH\"}, "
                          "\"Title\": \"S3 general purpose buckets should block public access\", \"Description\": "
                          "\"Block Public Access\", \"Resources\": [{\"Type\": \"AwsS3Bucket\", \"Id\": "
                          "\"arn:aws:s3:::bucket-1\", \"Region\": \"eu-west-1\"}], \"RecordState\": \"ACTIVE\", "
                          "\"Workflow\": {\"Status\": \"NEW\"}, \"Compliance\": {\"Status\": \"%s\", "
                          "\"SecurityControlId\": \"S3.8\"}}",
                          updated, status);
}

/* Security Hub updates a finding in place: of two exports, the later
 * UpdatedAt is the finding's state, in either order of reading, in two
 * files or in one. */
static void
test_latest_report_wins (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *older = asff_finding ("2026-02-01T00:00:00Z", "FAILED");
  g_autofree char *newer = asff_finding ("2026-03-01T00:00:00Z", "PASSED");
  g_autofree char *older_text = g_strdup_printf ("{\"Findings\": [%s]}", older);
  g_autofree char *newer_text = g_strdup_printf ("{\"Findings\": [%s]}", newer);
  g_autofree char *both_text = g_strdup_printf ("{\"Findings\": [%s, %s]}", newer, older);
  g_autofree char *older_path = write_file (f, "older.json", older_text);
  g_autofree char *newer_path = write_file (f, "newer.json", newer_text);
  g_autofree char *both_path = write_file (f, "both.json", both_text);
  const char *orders[][2] = { { older_path, newer_path }, { newer_path, older_path }, { both_path, NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_clear_object (&f->importer);
      f->importer = dm_importer_new (f->catalogue);
      for (guint j = 0; j < 2 && orders[i][j]; j++)
        import_path (f, orders[i][j]);
      g_assert_cmpuint (count_resource (f, "arn:aws:s3:::bucket-1", DM_FINDING_PASSED), ==, 1);
      g_assert_cmpuint (count_resource (f, "arn:aws:s3:::bucket-1", DM_FINDING_FAILED), ==, 0);
      g_assert_cmpuint (total (f, FALSE), ==, 1);
      g_assert_cmpuint (total (f, TRUE), ==, 1);
      assert_counts_add_up (f);
    }
}

static char *
security_group_item (const char *captured,
                     gboolean    open)
{
  return g_strdup_printf ("{\"resourceType\": \"AWS::EC2::SecurityGroup\", \"resourceId\": \"sg-0123\", "
                          "\"awsRegion\": \"eu-west-1\", \"awsAccountId\": \"111122223333\", "
                          "\"configurationItemCaptureTime\": \"%s\", \"configurationItemStatus\": \"OK\", "
                          "\"configuration\": {\"groupId\": \"sg-0123\", \"groupName\": \"web\", \"ipPermissions\": "
                          "[{\"ipProtocol\": \"tcp\", \"fromPort\": 22, \"toPort\": 22, \"ipv4Ranges\": "
                          "[{\"cidrIp\": \"%s\"}]}], \"ipPermissionsEgress\": []}}",
                          captured, open ? "0.0.0.0/0" : "10.0.0.0/8");
}

/* A Config history holds a resource as it was at each change: Demarc's
 * checks judge its latest configuration item, whichever comes first. */
static void
test_config_history_latest (Fixture       *f,
                            gconstpointer  data)
{
  gboolean newest_first = GPOINTER_TO_INT (data);
  g_autofree char *closed = security_group_item ("2026-05-01T00:00:00.000Z", FALSE);
  g_autofree char *opened = security_group_item ("2026-06-01T00:00:00.000Z", TRUE);
  g_autofree char *text = g_strdup_printf ("{\"fileVersion\": \"1.0\", \"configurationItems\": [%s, %s]}",
                                           newest_first ? opened : closed, newest_first ? closed : opened);
  g_autofree char *path = write_file (f, "111122223333_Config_eu-west-1_ConfigHistory_AWS::EC2::SecurityGroup.json",
                                      text);

  import_path (f, path);
  /* The group opens SSH to the internet at its latest change. */
  g_assert_cmpuint (count_resource (f, "sg-0123", DM_FINDING_FAILED), >=, 1);
  /* No check passes on the configuration it no longer has. */
  {
    GListModel *findings = dm_importer_get_findings (f->importer);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(DmFinding) failed = g_list_model_get_item (findings, i);

        if (dm_finding_get_status (failed) != DM_FINDING_FAILED)
          continue;
        g_assert_cmpuint (count_findings (f, dm_finding_get_check (failed), dm_finding_get_resource (failed),
                                          DM_FINDING_PASSED), ==, 0);
      }
  }
  g_assert_cmpuint (total (f, TRUE), >=, 1);
  assert_counts_add_up (f);
}

/* Security Hub names the account "AWS::::Account:ID", Demarc's own checks
 * and Prowler its root ARN: the root user's MFA check of Security Hub and
 * of Demarc's credential report check on one account is one finding. */
static void
test_account_joins_root (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *report = test_fixture_path ("cli-credential-report.json");
  g_autofree char *asff = write_file (f, "root-mfa.json",
                                      "{\"Findings\": [{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"root-mfa-1\", "
                                      "\"ProductArn\": \"arn:aws:securityhub:eu-west-1::product/aws/securityhub\", "
                                      "\"GeneratorId\": \"security-control/IAM.9\", \"AwsAccountId\": \"111122223333\", "
                                      "\"Types\": [], \"CreatedAt\": \"2026-11-01T00:00:00Z\", \"UpdatedAt\": "
                                      "\"2026-11-01T00:00:00Z\", \"Severity\": {\"Label\": \"CRITICAL\"}, \"Title\": "
                                      "\"MFA should be enabled for the root user\", \"Description\": \"d\", \"Resources\": "
                                      "[{\"Type\": \"AwsAccount\", \"Id\": \"AWS::::Account:111122223333\"}], "
                                      "\"RecordState\": \"ACTIVE\", \"Workflow\": {\"Status\": \"NEW\"}, \"Compliance\": "
                                      "{\"Status\": \"FAILED\", \"SecurityControlId\": \"IAM.9\"}}]}");
  const char *root = "arn:aws:iam::111122223333:root";
  GListModel *findings;
  guint joined = 0;

  import_path (f, report);
  import_path (f, asff);
  g_assert_cmpuint (count_findings (f, "IAM-01", root, DM_FINDING_FAILED), ==, 1);
  findings = dm_importer_get_findings (f->importer);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (dm_finding_get_resource (finding), !=, "AWS::::Account:111122223333");
      if (g_strcmp0 (dm_finding_get_check (finding), "IAM-01") == 0 && dm_finding_get_n_origins (finding) == 2)
        joined++;
    }
  g_assert_cmpuint (joined, ==, 1);
  assert_counts_add_up (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/duplicates/pass-and-fail-kept/safe-first", GINT_TO_POINTER (FALSE), test_pass_and_fail_kept);
  ADD ("/duplicates/pass-and-fail-kept/unsafe-first", GINT_TO_POINTER (TRUE), test_pass_and_fail_kept);
  ADD ("/duplicates/latest-report-wins", NULL, test_latest_report_wins);
  ADD ("/duplicates/account-joins-root", NULL, test_account_joins_root);
  ADD ("/duplicates/config-history/oldest-first", GINT_TO_POINTER (FALSE), test_config_history_latest);
  ADD ("/duplicates/config-history/newest-first", GINT_TO_POINTER (TRUE), test_config_history_latest);
#undef ADD
  return g_test_run ();
}
