/* test-redact.c: pseudonyms for every identifier, stable within a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include "dm-importer.h"
#include "dm-redactor.h"

/* Identifiers the demo-like fixture holds: none may survive redaction. */
static const char *originals[] = {
  "111122223333", "444455556666", "marketing-assets", "alice@example.com", "203.0.113.9",
  "2001:db8:85a3::8a2e:370:7334", "AKIAIOSFODNN7EXAMPLE", "sg-0123456789abcdef0", "i-0abc12345678def90",
  "thumbnailer", "arn:aws:iam::111122223333:user/alice", "alice",
};

static void
test_text (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autofree char *a = dm_redactor_text (redactor, "Account 111122223333 trusts 444455556666; key AKIAIOSFODNN7EXAMPLE.");
  g_autofree char *b = dm_redactor_text (redactor, "Again 111122223333, mail alice@example.com from 203.0.113.9/32.");
  g_autofree char *c = dm_redactor_text (redactor, "tcp 22 from 0.0.0.0/0 and ::/0 at 10:00:00 on 2026-11-01");
  g_autofree char *d = dm_redactor_text (redactor, "arn:aws:iam::aws:policy/AdministratorAccess and arn:aws:lambda:eu-west-1:111122223333:function:thumbnailer:prod");
  g_autofree char *e = dm_redactor_text (redactor, "host 2001:db8:85a3::8a2e:370:7334 and sg-0123456789abcdef0 on i-0abc12345678def90");
  g_autofree char *f = dm_redactor_text (redactor, "thumbnailer is public");

  g_assert_cmpstr (a, ==, "Account account-1 trusts account-2; key access-key-1.");
  /* The same original gets the same pseudonym. */
  g_assert_cmpstr (b, ==, "Again account-1, mail email-1 from ip-1.");
  /* Exposure facts and times are not identities. */
  g_assert_cmpstr (c, ==, "tcp 22 from 0.0.0.0/0 and ::/0 at 10:00:00 on 2026-11-01");
  /* AWS-managed ARNs stay; a function's ARN keeps its shape, and teaches its name. */
  g_assert_cmpstr (d, ==, "arn:aws:iam::aws:policy/AdministratorAccess and "
                          "arn:aws:lambda:eu-west-1:account-1:function:function-1:prod");
  g_assert_cmpstr (e, ==, "host ipv6-1 and sg-1 on instance-1");
  /* A plain word stays in free text, even one a resource is named. */
  g_assert_cmpstr (f, ==, "thumbnailer is public");
}

static void
test_resources (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autofree char *bucket = dm_redactor_resource (redactor, "marketing-assets", "AwsS3Bucket");
  g_autofree char *other = dm_redactor_resource (redactor, "payroll", "AwsS3Bucket");
  g_autofree char *again = dm_redactor_resource (redactor, "marketing-assets", "AwsS3Bucket");
  g_autofree char *arn = dm_redactor_resource (redactor, "arn:aws:s3:::marketing-assets", "AwsS3Bucket");
  g_autofree char *user = dm_redactor_resource (redactor, "alice", "AwsIamUser");
  g_autofree char *user_arn = dm_redactor_text (redactor, "arn:aws:iam::111122223333:user/alice");
  g_autofree char *region = dm_redactor_resource (redactor, "eu-west-1", "AwsAccount");
  g_autofree char *root = dm_redactor_resource (redactor, "root", "AwsAccount");
  g_autofree char *hostile = dm_redactor_resource (redactor, "<script>alert(1)</script>", "AwsS3Bucket");
  g_autofree char *text = dm_redactor_text (redactor, "Bucket marketing-assets, not marketing-assets-old.");

  g_assert_cmpstr (bucket, ==, "bucket-1");
  g_assert_cmpstr (other, ==, "bucket-2");
  g_assert_cmpstr (again, ==, "bucket-1");
  g_assert_cmpstr (arn, ==, "arn:aws:s3:::bucket-1");
  g_assert_cmpstr (user, ==, "user-1");
  g_assert_cmpstr (user_arn, ==, "arn:aws:iam::account-1:user/user-1");
  g_assert_cmpstr (region, ==, "eu-west-1");
  g_assert_cmpstr (root, ==, "root");
  g_assert_cmpstr (hostile, ==, "bucket-3");
  /* Whole names only. */
  g_assert_cmpstr (text, ==, "Bucket bucket-1, not marketing-assets-old.");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autofree char *text = dm_redactor_text (redactor, "acct 111122223333 \xff\xfe end");

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "111122223333"));
}

/* Every field of every finding of real imports: nothing original left. */
static void
test_findings (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autoptr(GListModel) redacted = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = { "redact-sample.json", "bundle-more-checks.json", "asff-mixed.json" };
  GListModel *findings;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = test_fixture_path (files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  findings = dm_importer_get_findings (importer);
  redacted = dm_redactor_findings (redactor, findings);
  g_assert_cmpuint (g_list_model_get_n_items (redacted), ==, g_list_model_get_n_items (findings));

  for (guint i = 0; i < g_list_model_get_n_items (redacted); i++)
    {
      g_autoptr(DmFinding) f = g_list_model_get_item (redacted, i);
      const char *fields[] = { dm_finding_get_id (f), dm_finding_get_resource (f), dm_finding_get_account (f),
                               dm_finding_get_title (f), dm_finding_get_evidence (f), dm_finding_get_source (f),
                               dm_finding_get_remediation (f) };

      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        for (guint o = 0; o < G_N_ELEMENTS (originals); o++)
          if (strstr (fields[k], originals[o]))
            g_error ("finding %u field %u still holds %s: %s", i, k, originals[o], fields[k]);
    }
}

/* A finding's other resources and its other reports (their files and
 * titles) are redacted like its own fields. */
static void
test_resources_and_origins (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autoptr(DmFinding) finding = NULL;
  g_autoptr(DmFinding) redacted = NULL;
  const char *resources[] = { "arn:aws:s3:::payroll-exports", "arn:aws:s3:::hr-archive-2026", NULL };
  DmFindingData data = {
    .id = "f-1", .tool = "Security Hub", .source = "/exports/acme-prod-111122223333.json",
    .title = "Bucket payroll-exports allows public reads", .account = "111122223333",
    .resource = resources[0], .resources = resources, .resource_type = "AwsS3Bucket",
  };
  DmFindingData other = { .tool = "Prowler", .source = "/exports/acme-prod-prowler.ocsf.json", .source_item = 7,
                          .title = "hr-archive-2026 is public" };
  const char * const *copied;
  DmFindingOrigin origin;

  finding = dm_finding_new (&data);
  dm_finding_add_origin (finding, &other);
  g_assert_cmpuint (g_strv_length ((char **)dm_finding_get_resources (finding)), ==, 2);

  redacted = dm_redactor_finding (redactor, finding);
  copied = dm_finding_get_resources (redacted);
  g_assert_cmpuint (g_strv_length ((char **)copied), ==, 2);
  g_assert_null (strstr (copied[0], "payroll"));
  g_assert_null (strstr (copied[1], "hr-archive"));
  g_assert_cmpstr (copied[0], !=, copied[1]);

  g_assert_cmpuint (dm_finding_get_n_origins (redacted), ==, 2);
  origin = dm_finding_get_origin (redacted, 1);
  g_assert_cmpstr (origin.tool, ==, "Prowler");
  g_assert_cmpuint (origin.source_item, ==, 7);
  g_assert_null (strstr (origin.source, "/exports"));
  g_assert_null (strstr (origin.title, "hr-archive"));
}

/* Holes a review found: many names, short names, names inside tool ids,
 * names that start like an account id, addresses after a colon. */
static void
test_review_holes (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  g_autofree char *bob = dm_redactor_resource (redactor, "bob", "AwsIamUser");
  g_autofree char *bob_text = dm_redactor_text (redactor, "IAM user bob has no MFA; bob.");
  g_autofree char *prefixed = dm_redactor_resource (redactor, "111122223333-acmecorp-payroll", "AwsS3Bucket");
  g_autofree char *colon = dm_redactor_text (redactor, "sourceip:2001:db8::1 and 10:00:00");
  g_autofree char *last = NULL;
  g_autofree char *last_text = NULL;
  gint64 start;

  g_assert_cmpstr (bob, ==, "user-1");
  /* Free text keeps plain words: bob's own finding redacts him (test_people). */
  g_assert_cmpstr (bob_text, ==, "IAM user bob has no MFA; bob.");
  g_assert_true (g_str_has_prefix (prefixed, "bucket-"));
  g_assert_cmpstr (colon, ==, "sourceip:ipv6-1 and 10:00:00");

  /* Thousands of names: still every one, and quickly. */
  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *name = g_strdup_printf ("tenant-%04u-logs", i);
      g_autofree char *alias = dm_redactor_resource (redactor, name, "AwsS3Bucket");
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Bucket tenant-%04u-logs is public", i);
      g_autofree char *out = dm_redactor_text (redactor, text);

      if (strstr (out, "tenant-"))
        g_error ("%s was not redacted: %s", text, out);
    }
  /* Not a timing test: a hash lookup per word keeps this well under a
   * second, a regex of all names took minutes. */
  g_test_message ("6000 texts against 6000 names: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  last = dm_redactor_resource (redactor, "tenant-5999-logs", "AwsS3Bucket");
  last_text = dm_redactor_text (redactor, "tenant-5999-logs");
  g_assert_cmpstr (last, ==, last_text);
}

static void
test_tool_ids (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  DmFindingData data = {
    .id = "prowler-aws-s3_bucket_public_access-111122223333-eu-west-1-acme-payroll-data",
    .check = NULL,
    .status = DM_FINDING_FAILED,
    .severity = DM_SEVERITY_HIGH,
    .resource = "arn:aws:s3:::acme-payroll-data",
    .resource_type = "AwsS3Bucket",
    .account = "111122223333",
    .tool = "Prowler",
    .title = "Bucket acme-payroll-data allows public access",
    .evidence = "acme-payroll-data: policy allows *",
  };
  g_autoptr(DmFinding) finding = dm_finding_new (&data);
  g_autoptr(DmFinding) redacted = dm_redactor_finding (redactor, finding);

  g_assert_null (strstr (dm_finding_get_id (redacted), "acme"));
  g_assert_null (strstr (dm_finding_get_id (redacted), "111122223333"));
  g_assert_null (strstr (dm_finding_get_title (redacted), "acme"));
  g_assert_null (strstr (dm_finding_get_evidence (redacted), "acme"));
  g_assert_cmpstr (dm_finding_get_resource (redacted), ==, "arn:aws:s3:::bucket-1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redact/text", test_text);
  g_test_add_func ("/redact/resources", test_resources);
  g_test_add_func ("/redact/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/redact/findings", test_findings);
  g_test_add_func ("/redact/resources-and-origins", test_resources_and_origins);
  g_test_add_func ("/redact/review-holes", test_review_holes);
  g_test_add_func ("/redact/tool-ids", test_tool_ids);

  return g_test_run ();
}
