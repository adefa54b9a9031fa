/* test-redact.c: pseudonyms for every identifier, stable within a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "test-util.h"

#include "dm-diff.h"
#include "dm-importer.h"
#include "dm-output.h"
#include "dm-redactor.h"
#include "dm-report.h"

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


/* Where a known name is replaced: identifier-like names everywhere, plain
 * words only where they stand as the resource (see dm-redactor.c). */
static void
test_where_names_go (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  const char *plain[] = { "default", "enabled", "read-only", "MFA" };
  g_autofree char *wizard = dm_redactor_resource (redactor, "launch-wizard-1", "AwsEc2SecurityGroup");
  g_autofree char *role = dm_redactor_resource (redactor, "AuditRole", "AwsIamRole");
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *alias = dm_redactor_resource (redactor, plain[i], "AwsS3Bucket");

      g_assert_true (g_str_has_prefix (alias, "bucket-"));
    }
  a = dm_redactor_text (redactor, "Turn on EBS encryption by default; keep MFA enabled and read-only roles.");
  b = dm_redactor_text (redactor, "Group launch-wizard-1 trusts AuditRole.");
  c = dm_redactor_text (redactor, "See https://docs.aws.amazon.com/AmazonS3/latest/userguide/x.html at 10:00");
  g_assert_cmpstr (a, ==, "Turn on EBS encryption by default; keep MFA enabled and read-only roles.");
  g_assert_cmpstr (b, ==, "Group sg-1 trusts role-1.");
  g_assert_cmpstr (c, ==, "See https://docs.aws.amazon.com/AmazonS3/latest/userguide/x.html at 10:00");
  g_assert_cmpstr (wizard, ==, "sg-1");
  g_assert_cmpstr (role, ==, "role-1");
}

/* Shapes the first redactor missed, and pseudonyms never taken for ids. */
static void
test_shapes (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  const char *hostile = "user AIDACKCEVSQ6C2EXAMPLE role AROAJQMBDNUMIKLZKMF64 group AGPAS2OTVRSQPU55LUWSO "
                        "key AKIAIOSFODNN7EXAMPLE session ASIASZ4SI7REEEXAMPLE grantee "
                        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be hash 9f86d081884c7d659a2feaa0c55ad015 "
                        "kms 1234abcd-12ab-34cd-56ef-1234567890ab sg-222222 vpc-ap111111 vpn-1234 "
                        "arn:aws:cloudformation:us-east-1:0123456789012:stack/app/x trusted by arn:aws:iam::999988887777:root.";
  g_autofree char *once = dm_redactor_text (redactor, hostile);
  g_autofree char *twice = dm_redactor_text (redactor, once);

  g_assert_cmpstr (once, ==, "user unique-id-1 role unique-id-2 group unique-id-3 key access-key-1 session access-key-2 "
                             "grantee canonical-id-1 hash hash-1 kms uuid-1 sg-1 vpc-1 vpn-1 "
                             "arn:aws:cloudformation:us-east-1:account-1:stack/stack-1 trusted by "
                             "arn:aws:iam::account-2:root.");
  /* Redacting again changes nothing: a pseudonym is never an original. */
  g_assert_cmpstr (twice, ==, once);
}

/* A finding's own plain name goes where it names the resource (its id,
 * "Lambda function NAME", its evidence), and only there. */
static void
test_own_names (void)
{
  g_autoptr(DmRedactor) redactor = dm_redactor_new ();
  DmFindingData data = {
    .id = "prowler-aws-securityhub_enabled-111122223333-eu-west-1-default",
    .status = DM_FINDING_FAILED,
    .resource = "arn:aws:securityhub:eu-west-1:111122223333:hub/default",
    .resource_type = "AwsAccount",
    .region = "eu-west-1",
    .tool = "Prowler",
    .title = "Check if Security Hub hub default is enabled by default",
    .evidence = "Security Hub hub default is not enabled.",
    .remediation = "Turn on EBS encryption by default.",
  };
  g_autoptr(DmFinding) finding = dm_finding_new (&data);
  g_autoptr(DmFinding) redacted = dm_redactor_finding (redactor, finding);

  g_assert_cmpstr (dm_finding_get_resource (redacted), ==, "arn:aws:securityhub:eu-west-1:account-1:hub/hub-1");
  g_assert_cmpstr (dm_finding_get_id (redacted), ==, "prowler-aws-securityhub_enabled-account-1-eu-west-1-hub-1");
  g_assert_cmpstr (dm_finding_get_title (redacted), ==, "Check if Security Hub hub hub-1 is enabled by default");
  g_assert_cmpstr (dm_finding_get_evidence (redacted), ==, "Security Hub hub hub-1 is not enabled.");
  g_assert_cmpstr (dm_finding_get_remediation (redacted), ==, "Turn on EBS encryption by default.");
}

/* Skip reasons quote the export (its keys, a reader's error): a redacted
 * report redacts them, and names its inputs as its findings do. */
static void
test_skip_reasons (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autofree char *dir = g_dir_make_tmp ("demarc-redact-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export-444455556666.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DmReport) report = NULL;
  g_autoptr(DmReport) copy = NULL;
  g_autofree char *html = NULL, *markdown = NULL;
  const DmImportInput *input;
  gboolean quoted = FALSE;

  g_assert_true (g_file_set_contents (path, "{\"444455556666\": {\"AKIAIOSFODNN7EXAMPLE\": 1}}", -1, NULL));
  g_assert_true (dm_importer_add_file (importer, file, NULL, NULL));
  input = dm_importer_get_input (importer, 0);
  for (guint r = 0; r < input->reasons->len; r++)
    quoted |= strstr (((DmSkipReason *)g_ptr_array_index (input->reasons, r))->reason, "444455556666") != NULL;
  g_assert_true (quoted);   /* else this test tests nothing */

  report = dm_report_new (model, catalogue, importer, TRUE);
  copy = dm_report_copy (report);
  for (DmReport **r = (DmReport *[]){ report, copy, NULL }; *r; r++)
    {
      input = dm_report_get_input (*r, 0);
      g_assert_cmpstr (input->path, ==, dm_report_get_input_path (*r, 0));
      g_assert_null (strstr (input->path, "444455556666"));
      g_assert_cmpuint (input->reasons->len, >, 0);
      for (guint i = 0; i < input->reasons->len; i++)
        {
          const char *reason = ((DmSkipReason *)g_ptr_array_index (input->reasons, i))->reason;

          g_assert_null (strstr (reason, "444455556666"));
          g_assert_null (strstr (reason, "AKIAIOSFODNN7EXAMPLE"));
        }
    }
  /* Page 1 names each file: by its redacted name. */
  html = dm_report_to_html (report);
  markdown = dm_report_to_markdown (report);
  g_assert_null (strstr (html, "444455556666"));
  g_assert_null (strstr (markdown, "444455556666"));
  g_assert_null (strstr (html, dir));
  g_assert_null (strstr (markdown, dir));
  g_remove (path);
  g_rmdir (dir);
}

/* --- Redacted outputs hold nothing of the source files -------------------- */

/* The identifiers of source files, collected from the files themselves
 * (not from what Demarc read): by shape, every ARN (AWS-managed ones
 * aside), account id, IPv4 address, access key and IAM unique id, 64-hex
 * canonical id, sg-/vpc-/subnet-/i-/vol- id and email; by place, the names
 * of resources (the last part of an ARN, OCSF resources[].name and .uid,
 * Prowler's "Resource ID", ScoutSuite's keys, names and ids under its
 * resource collections). */
typedef struct
{
  GHashTable *shaped;   /* identifier-like: in no output, anywhere */
  GHashTable *plain;    /* plain words ("default", "enabled"): never a resource again */
  GHashTable *people;   /* IAM users' names */
} SourceIds;

static const char *shape_patterns[] = {
  "\\barn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:[^:\\s\"',;<>()\\[\\]{}]*:[^\\s\"',;<>()\\[\\]{}\\\\]+",
  "(?<![0-9])[0-9]{12}(?![0-9])",
  "(?<![\\w.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![\\w]|\\.[0-9])",
  "\\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA|AIPA|ANVA|APKA)[A-Z0-9]{12,}\\b",
  "\\b[0-9a-f]{64}\\b",
  "\\b(?:sg|vpc|subnet|i|vol)-(?=[0-9a-z]*[0-9])[0-9a-z]{4,17}\\b",
  "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
};

static const char *scout_collection_keys[] = {
  "buckets", "users", "roles", "groups", "policies", "security_groups", "vpcs", "subnets", "instances",
  "volumes", "snapshots", "functions", "clusters", "keys", "trails", "topics", "queues", "tables", "grantees", NULL
};

/* Words after which a plain name is a name, as dm-redactor.c has them. */
static const char *kind_words[] = {
  "bucket", "function", "user", "role", "group", "cluster", "instance", "table", "queue", "topic",
  "key", "trail", "policy", "repository", "domain", "distribution", "database", "db", "secret",
  "stack", "volume", "snapshot", "vpc", "subnet", "certificate", "alarm", "api", "environment",
  "profile", "hub", "analyzer", "detector", "recorder", "named", "called", NULL
};

/* The test's own reading of "identifier-like", written apart from the
 * redactor's: a digit or - _ . / : @, or a capital after a small letter. */
static gboolean
looks_identifier (const char *name)
{
  for (const char *p = name; *p; p++)
    if (g_ascii_isdigit (*p) || strchr ("-_./:@", *p) || (p > name && g_ascii_isupper (*p) && g_ascii_islower (p[-1])))
      return TRUE;
  return FALSE;
}

static void
add_name (SourceIds  *ids,
          const char *name,
          gboolean    person)
{
  /* Placeholders such as arn:aws:iam::<account_uid>:root name no one. */
  if (name == NULL || strlen (name) < 3 || strchr (name, '<') || g_str_equal (name, "root"))
    return;
  g_hash_table_add (looks_identifier (name) ? ids->shaped : ids->plain, g_strdup (name));
  if (person)
    g_hash_table_add (ids->people, g_strdup (name));
}

static void
add_arn (SourceIds  *ids,
         const char *arn)
{
  g_auto(GStrv) parts = g_strsplit (arn, ":", 6);
  const char *slash;

  /* AWS's own policies and products identify no one. */
  if (g_strv_length (parts) < 6 || g_str_equal (parts[4], "aws") || g_str_has_prefix (parts[5], "product/"))
    return;
  g_hash_table_add (ids->shaped, g_strdup (arn));
  slash = strrchr (parts[5], '/');
  add_name (ids, slash ? slash + 1 : strrchr (arn, ':') + 1, strstr (arn, ":user/") != NULL);
}

static void
collect_shapes (SourceIds  *ids,
                const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (shape_patterns[i], 0, 0, NULL);
      g_autoptr(GMatchInfo) info = NULL;

      g_assert_nonnull (regex);
      g_regex_match (regex, text, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *found = g_match_info_fetch (info, 0);

          while (g_str_has_suffix (found, "."))
            found[strlen (found) - 1] = '\0';
          if (i == 0)
            add_arn (ids, found);
          else if (!g_str_equal (found, "0.0.0.0") && !g_str_has_prefix (found, "127."))
            g_hash_table_add (ids->shaped, g_steal_pointer (&found));
        }
    }
}

static void collect_node (SourceIds *ids, JsonNode *node, const char *key, const char *parent_key);

static void
collect_object (SourceIds  *ids,
                JsonObject *o,
                const char *key,
                const char *parent_key)
{
  g_autoptr(GList) members = json_object_get_members (o);
  gboolean resource = g_strcmp0 (parent_key, "resources") == 0 ||
                      (parent_key && g_strv_contains (scout_collection_keys, parent_key));

  if (resource)
    {
      if (g_strcmp0 (parent_key, "resources") != 0)
        add_name (ids, key, g_strcmp0 (parent_key, "users") == 0);
      for (const char * const *m = (const char *[]){ "name", "uid", "id", NULL }; *m; m++)
        if (json_object_has_member (o, *m) && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, *m)) &&
            json_object_get_string_member (o, *m))
          add_name (ids, json_object_get_string_member (o, *m), g_strcmp0 (parent_key, "users") == 0);
    }
  for (const char * const *m = (const char *[]){ "Resource ID", "ResourceId", NULL }; *m; m++)
    if (json_object_has_member (o, *m) && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, *m)))
      add_name (ids, json_object_get_string_member (o, *m), FALSE);
  for (GList *l = members; l; l = l->next)
    collect_node (ids, json_object_get_member (o, l->data), l->data, key);
}

static void
collect_node (SourceIds  *ids,
              JsonNode   *node,
              const char *key,
              const char *parent_key)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    collect_object (ids, json_node_get_object (node), key, parent_key);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      collect_node (ids, json_array_get_element (json_node_get_array (node), i), NULL, key);
}

static void
collect_file (SourceIds  *ids,
              const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *json;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  collect_shapes (ids, text);
  /* ScoutSuite's .js: the object after "scoutsuite_results =". */
  json = g_str_has_suffix (path, ".js") && strchr (text, '{') ? strchr (text, '{') : text;
  /* Newline-delimited JSON, one document a line (json-glib leaks a
   * failed parse's partial tree, so it is not tried whole first). */
  if (strstr (json, "}\n{") || strstr (json, "}\r\n{"))
    {
      g_auto(GStrv) lines = g_strsplit (json, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_autoptr(JsonParser) line = json_parser_new ();

          if (*lines[i] && json_parser_load_from_data (line, lines[i], -1, NULL))
            collect_node (ids, json_parser_get_root (line), NULL, NULL);
        }
    }
  else if (json_parser_load_from_data (parser, json, -1, &error))
    collect_node (ids, json_parser_get_root (parser), NULL, NULL);
}

static void
source_ids_clear (SourceIds *ids)
{
  g_clear_pointer (&ids->shaped, g_hash_table_unref);
  g_clear_pointer (&ids->plain, g_hash_table_unref);
  g_clear_pointer (&ids->people, g_hash_table_unref);
}

static char *
write_output (DmReport       *report,
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

static char *
read_and_remove (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_remove (path);
  return text;
}

/* The PDF's text through pdftotext; NULL when it is not installed. */
static char *
pdf_text (DmReport   *report,
          const char *dir)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "report.txt", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, "-enc", "UTF-8", pdf, txt, NULL };
  int status = 0;

  if (program == NULL)
    return NULL;
  g_assert_true (dm_report_write (report, pdf, DM_REPORT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (pdf);
  return read_and_remove (txt);
}

typedef struct
{
  const char *name;
  char       *text;
  char       *read;      /* as_read (text, FALSE), made once */
  char       *squeezed;  /* the PDF's, as_read (text, TRUE) */
} Output;

/* What a reader sees of an output, so that escaping or wrapping cannot
 * hide a leak from the test: Markdown's backslashes before punctuation
 * and HTML's break hints go; @squeeze also takes every space and line
 * break out (pdftotext breaks long ARNs over lines). */
static char *
as_read (const char *text,
         gboolean    squeeze)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' && g_ascii_ispunct (p[1]))
        continue;
      if (g_str_has_prefix (p, "<wbr>") || g_str_has_prefix (p, "&shy;"))
        {
          p += 4;
          continue;
        }
      if (g_str_has_prefix (p, "\xc2\xad") || g_str_has_prefix (p, "\xe2\x80\x8b"))
        {
          p += g_str_has_prefix (p, "\xc2\xad") ? 1 : 2;   /* soft hyphen, zero-width space */
          continue;
        }
      if (squeeze && g_ascii_isspace (*p))
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
output_prepare (Output *output)
{
  if (output->text == NULL)
    return;
  output->read = as_read (output->text, FALSE);
  if (g_str_equal (output->name, "pdf"))
    output->squeezed = as_read (output->text, TRUE);
}

/* Whether @output lets a reader see @id. */
static gboolean
shows (const Output *output,
       const char   *id)
{
  if (strstr (output->text, id) || strstr (output->read, id))
    return TRUE;
  return output->squeezed && !strchr (id, ' ') && strstr (output->squeezed, id);
}

/* What demarc-check --redact prints for @paths (its text format). */
static char *
cli_text (const char * const *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)DEMARC_CHECK);
  g_ptr_array_add (argv, (char *)"--redact");
  for (guint i = 0; paths[i]; i++)
    g_ptr_array_add (argv, (char *)paths[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  return out;
}

/* Every output of one redacted report, in memory; the PDF's only when
 * pdftotext is installed (the count says). */
static GArray *
all_outputs (DmReport *report)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-redact-XXXXXX", NULL);
  g_autofree char *diagram = g_build_filename (dir, "diagram.svg", NULL);
  g_autofree char *matrix = g_build_filename (dir, "matrix.svg", NULL);
  GArray *outputs = g_array_new (FALSE, TRUE, sizeof (Output));
  Output add[] = {
    { "html", dm_report_to_html (report) },
    { "markdown", dm_report_to_markdown (report) },
    { "csv", write_output (report, DM_OUTPUT_CSV) },
    { "json", write_output (report, DM_OUTPUT_JSON) },
    { "sarif", write_output (report, DM_OUTPUT_SARIF) },
    { "junit", write_output (report, DM_OUTPUT_JUNIT) },
    { "pdf", pdf_text (report, dir) },
  };

  g_assert_true (dm_report_write_diagram (report, NULL, diagram, DM_REPORT_SVG, NULL));
  g_assert_true (dm_report_write_matrix (report, matrix, DM_REPORT_SVG, NULL));
  g_array_append_vals (outputs, add, G_N_ELEMENTS (add));
  g_array_append_vals (outputs, &(Output){ "diagram svg", read_and_remove (diagram) }, 1);
  g_array_append_vals (outputs, &(Output){ "matrix svg", read_and_remove (matrix) }, 1);
  for (guint i = 0; i < outputs->len; i++)
    output_prepare (&g_array_index (outputs, Output, i));
  g_rmdir (dir);
  return outputs;
}

static void
outputs_free (GArray *outputs)
{
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = &g_array_index (outputs, Output, i);

      g_free (output->text);
      g_free (output->read);
      g_free (output->squeezed);
    }
  g_array_unref (outputs);
}

/* Whether @text holds @word with no letter, digit, - or _ against it. */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = text ? strstr (text, word) : NULL; p; p = strstr (p + 1, word))
    if ((p == text || !(g_ascii_isalnum (p[-1]) || p[-1] == '-' || p[-1] == '_')) &&
        !(g_ascii_isalnum (p[length]) || p[length] == '-' || p[length] == '_'))
      return TRUE;
  return FALSE;
}

/* Whether @text names any identifier of @ids (shaped ones, or people). */
static gboolean
names_identifier (const char *text,
                  SourceIds  *ids)
{
  GHashTableIter iter;
  const char *id;

  if (text == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, ids->shaped);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    if (strstr (text, id))
      return TRUE;
  g_hash_table_iter_init (&iter, ids->people);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    if (has_word (text, id))
      return TRUE;
  /* "Lambda function thumbnailer": a plain name after a word naming its
   * kind is the name (the rule of dm-redactor.c). */
  g_hash_table_iter_init (&iter, ids->plain);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    for (guint k = 0; kind_words[k]; k++)
      {
        g_autofree char *phrase = g_strdup_printf ("%s %s", kind_words[k], id);
        g_autofree char *lower = g_ascii_strdown (text, -1);
        g_autofree char *lower_phrase = g_ascii_strdown (phrase, -1);

        if (strstr (lower, lower_phrase) && has_word (text, id))
          return TRUE;
      }
  return FALSE;
}

/* A plain name is never a resource of a redacted finding again: not its
 * resource, not a part of its ARN, not the end of its id. */
static void
assert_plain_names_gone (GListModel *redacted,
                         SourceIds  *ids)
{
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, ids->plain);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
    for (guint i = 0; i < g_list_model_get_n_items (redacted); i++)
      {
        g_autoptr(DmFinding) f = g_list_model_get_item (redacted, i);
        const char * const *resources = dm_finding_get_resources (f);
        g_autofree char *tail = g_strconcat ("-", name, NULL);

        for (guint r = 0; resources[r]; r++)
          {
            g_auto(GStrv) parts = g_regex_split_simple ("[:/]", resources[r], 0, 0);

            if (g_strv_contains ((const char * const *)parts, name))
              g_error ("plain name %s is still a resource: %s", name, resources[r]);
          }
        if (g_str_has_suffix (dm_finding_get_id (f), tail))
          g_error ("plain name %s still ends an id: %s", name, dm_finding_get_id (f));
      }
}

/* Titles and remediation that name no identifier are exactly as the tool
 * wrote them; returns how many were compared. */
static guint
assert_plain_text_unchanged (GListModel *original,
                             GListModel *redacted,
                             SourceIds  *ids)
{
  guint compared = 0;

  g_assert_cmpuint (g_list_model_get_n_items (original), ==, g_list_model_get_n_items (redacted));
  for (guint i = 0; i < g_list_model_get_n_items (original); i++)
    {
      g_autoptr(DmFinding) before = g_list_model_get_item (original, i);
      g_autoptr(DmFinding) after = g_list_model_get_item (redacted, i);
      const char *texts[][2] = {
        { dm_finding_get_title (before), dm_finding_get_title (after) },
        { dm_finding_get_remediation (before), dm_finding_get_remediation (after) },
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t][0] && !names_identifier (texts[t][0], ids))
          {
            g_assert_cmpstr (texts[t][1], ==, texts[t][0]);
            compared++;
          }
    }
  return compared;
}

/* One run, one pseudonym: each failed finding's redacted resource is
 * written as such by every output that lists resources. */
static void
assert_consistent (DmReport *report,
                   GArray   *outputs)
{
  GListModel *findings = dm_report_get_findings (report);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) f = g_list_model_get_item (findings, i);

      if (dm_finding_get_status (f) != DM_FINDING_FAILED)
        continue;
      for (guint o = 0; o < outputs->len; o++)
        {
          Output *output = &g_array_index (outputs, Output, o);

          if (g_str_equal (output->name, "csv") || g_str_equal (output->name, "json") ||
              g_str_equal (output->name, "sarif"))
            if (!strstr (output->text, dm_finding_get_resource (f)))
              g_error ("the %s does not write %s as the others do", output->name, dm_finding_get_resource (f));
        }
    }
}

/* Imports @paths, redacts, writes every output, and checks them against
 * the identifiers of the files; returns the redacted report. */
static DmReport *
check_redacted_outputs (const char * const *paths)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  DmReport *report;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GArray *outputs;
  SourceIds ids = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  GHashTableIter iter;
  const char *id;
  guint compared, n_outputs = 0;

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
      collect_file (&ids, paths[i]);
    }
  report = dm_report_new (model, catalogue, importer, TRUE);
  outputs = all_outputs (report);
  g_array_append_vals (outputs, &(Output){ "demarc-check text", cli_text (paths) }, 1);
  output_prepare (&g_array_index (outputs, Output, outputs->len - 1));

  g_hash_table_iter_init (&iter, ids.shaped);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    for (guint o = 0; o < outputs->len; o++)
      {
        Output *output = &g_array_index (outputs, Output, o);

        if (output->text && shows (output, id))
          g_error ("the redacted %s still holds %s", output->name, id);
      }
  for (guint o = 0; o < outputs->len; o++)
    n_outputs += g_array_index (outputs, Output, o).text != NULL;
  assert_plain_names_gone (dm_report_get_findings (report), &ids);
  compared = assert_plain_text_unchanged (dm_importer_get_findings (importer), dm_report_get_findings (report), &ids);
  g_test_message ("%u findings, %u outputs, %u identifiers and %u plain names from the files, "
                  "%u titles and remediation texts unchanged",
                  g_list_model_get_n_items (dm_report_get_findings (report)), n_outputs,
                  g_hash_table_size (ids.shaped), g_hash_table_size (ids.plain), compared);
  g_assert_cmpuint (g_hash_table_size (ids.shaped), >, 0);
  g_assert_cmpuint (compared, >, 0);
  if (pdftotext == NULL)
    g_test_message ("pdftotext is not installed: the PDF was not read (build-aux/dev installs poppler-utils)");
  assert_consistent (report, outputs);
  outputs_free (outputs);
  source_ids_clear (&ids);
  return report;
}

static DmFinding *
find_redacted (DmReport   *report,
               const char *original_title)
{
  GListModel *before = dm_importer_get_findings (dm_report_get_importer (report));
  GListModel *after = dm_report_get_findings (report);

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(DmFinding) f = g_list_model_get_item (before, i);

      if (g_strcmp0 (dm_finding_get_title (f), original_title) == 0)
        return g_list_model_get_item (after, i);
    }
  g_error ("no finding titled %s", original_title);
}

/* The hostile fixtures: every kind of identifier, resources named
 * "default" and "enabled", two security groups named "default". */
static void
test_outputs_hostile (void)
{
  const char *names[] = { "redact-hostile.ocsf.json", "scoutsuite_results_aws-hostile.js", "scoutsuite-items.js",
                          "redact-sample.json" };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DmReport) report = NULL;
  g_autoptr(DmFinding) hub = NULL, bucket = NULL, person = NULL, cluster = NULL, group = NULL, scout = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *alias = NULL;
  g_autoptr(GRegex) pinned = g_regex_new ("^Security group (sg-[0-9]+) \\(\\1\\) in vpc-[0-9]+ allows", 0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (paths, test_fixture_path (names[i]));
  g_ptr_array_add (paths, NULL);
  report = check_redacted_outputs ((const char * const *)paths->pdata);

  /* Plain words stay where they are words... */
  hub = find_redacted (report, "Check if Security Hub is enabled and its standards are enabled by default.");
  g_assert_cmpstr (dm_finding_get_remediation (hub), ==, "Turn on EBS encryption by default and keep Security Hub enabled.");
  g_assert_true (g_str_has_suffix (dm_finding_get_resource (hub), ":hub/hub-1"));
  bucket = find_redacted (report, "Check if S3 buckets have versioning enabled.");
  g_assert_cmpstr (dm_finding_get_remediation (bucket), ==, "Enable versioning on the bucket; keep MFA delete enabled.");
  g_assert_true (g_str_has_prefix (dm_finding_get_resource (bucket), "arn:aws:s3:::bucket-"));
  /* ...and go where they name the resource. */
  g_assert_true (g_str_has_prefix (dm_finding_get_evidence (bucket), "S3 Bucket bucket-"));
  g_assert_true (g_str_has_suffix (dm_finding_get_evidence (bucket), " has versioning disabled."));
  person = find_redacted (report, "IAM user frank has no MFA");
  g_assert_true (g_regex_match_simple ("^IAM user user-[0-9]+ has no MFA$", dm_finding_get_title (person), 0, 0));
  cluster = find_redacted (report, "Check for Redshift clusters that are publicly accessible.");
  g_assert_true (g_regex_match_simple ("^Turn off public access for cluster cluster-[0-9]+\\.$",
                                       dm_finding_get_remediation (cluster), 0, 0));
  /* A group named "default" is called by its own pseudonym, not another
   * "default"'s. */
  group = find_redacted (report, "Ensure the default security group of every VPC restricts all traffic.");
  g_assert_true (g_regex_match (pinned, dm_finding_get_evidence (group), 0, &info));
  alias = g_match_info_fetch (info, 1);
  g_assert_true (g_str_has_suffix (dm_finding_get_resource (group), alias));
  scout = find_redacted (report, "Security group opens a well-known port to all");
  g_assert_null (strstr (dm_finding_get_evidence (scout), "default"));
  g_assert_nonnull (strstr (dm_finding_get_evidence (scout), ".protocols.TCP.ports.22.cidrs.0.CIDR"));
}


/* A comparison redacts both exports with one redactor: its HTML and
 * Markdown hold none of the identifiers of either file. */
static void
test_outputs_diff (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) old_importer = dm_importer_new (catalogue);
  g_autoptr(DmImporter) new_importer = dm_importer_new (catalogue);
  g_autofree char *old_path = test_fixture_path ("scoutsuite_results_aws-hostile.js");
  g_autofree char *new_path = test_fixture_path ("redact-hostile.ocsf.json");
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(DmDiff) diff = NULL;
  g_autofree char *html = NULL, *markdown = NULL;
  Output outputs[] = { { "html", NULL, NULL, NULL }, { "markdown", NULL, NULL, NULL } };
  SourceIds ids = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  GHashTableIter iter;
  const char *id;

  g_assert_true (dm_importer_add_file (old_importer, old_file, NULL, NULL));
  g_assert_true (dm_importer_add_file (new_importer, new_file, NULL, NULL));
  collect_file (&ids, old_path);
  collect_file (&ids, new_path);
  diff = dm_diff_new_redacted (model, catalogue, dm_importer_get_findings (old_importer),
                               dm_importer_get_findings (new_importer), TRUE);
  html = dm_report_diff_to_html (diff, model, TRUE);
  markdown = dm_report_diff_to_markdown (diff, model, TRUE);
  outputs[0].text = html;
  outputs[1].text = markdown;
  output_prepare (&outputs[0]);
  output_prepare (&outputs[1]);
  g_assert_true (shows (&outputs[1], "Security group sg-"));
  g_hash_table_iter_init (&iter, ids.shaped);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    if (shows (&outputs[0], id) || shows (&outputs[1], id))
      g_error ("the redacted comparison still holds %s", id);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    g_free (outputs[i].read);
  source_ids_clear (&ids);
}

/* The Prowler and ScoutSuite samples of ../shared (MANIFEST.tsv). */
static void
test_outputs_shared_samples (void)
{
  g_autofree char *root = g_build_filename (SHARED_DIR, "samples", NULL);
  g_autofree char *manifest = g_build_filename (root, "MANIFEST.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DmReport) report = NULL;

  if (!g_file_get_contents (manifest, &text, NULL, NULL))
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_autofree char *local = g_strndup (lines[i], strcspn (lines[i], "\t"));
      g_autofree char *path = g_build_filename (root, local, NULL);

      if ((g_str_has_prefix (local, "prowler/") || g_str_has_prefix (local, "scoutsuite/")) &&
          g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_assert_cmpuint (paths->len, >, 0);
  g_test_message ("%u Prowler and ScoutSuite samples", paths->len);
  g_ptr_array_add (paths, NULL);
  report = check_redacted_outputs ((const char * const *)paths->pdata);
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
  g_test_add_func ("/redact/where-names-go", test_where_names_go);
  g_test_add_func ("/redact/shapes", test_shapes);
  g_test_add_func ("/redact/own-names", test_own_names);
  g_test_add_func ("/redact/skip-reasons", test_skip_reasons);
  g_test_add_func ("/redact/outputs/hostile", test_outputs_hostile);
  g_test_add_func ("/redact/outputs/shared-samples", test_outputs_shared_samples);
  g_test_add_func ("/redact/outputs/diff", test_outputs_diff);

  return g_test_run ();
}
