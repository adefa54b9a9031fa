/* test-mapping.c: every id of the public check sets maps to a layer the
 * customer owns or shares; the mapping file, Config rule names, GuardDuty
 * types and Inspector findings; the importer placing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include "dm-catalogue.h"
#include "dm-importer.h"
#include "dm-service.h"

typedef struct
{
  DmCatalogue *catalogue;
  DmModel     *model;
  GHashTable  *owners;     /* "service\x1flayer" -> owner, from ../shared; NULL when absent */
  GHashTable  *listed;     /* services ../shared lists */
} Fixture;

/* services.tsv names the 24 reference services by display name. */
static const struct
{
  const char *name;
  const char *id;
} reference_ids[] = {
  { "EC2", "ec2" }, { "EBS", "ebs" }, { "VPC", "vpc" }, { "Lambda", "lambda" },
  { "ECS on EC2", "ecs-ec2" }, { "ECS on Fargate", "ecs-fargate" }, { "EKS", "eks" },
  { "Elastic Beanstalk", "elastic-beanstalk" }, { "S3", "s3" }, { "EFS", "efs" }, { "RDS", "rds" },
  { "Aurora", "aurora" }, { "DynamoDB", "dynamodb" }, { "Redshift", "redshift" }, { "EMR", "emr" },
  { "ElastiCache", "elasticache" }, { "WorkSpaces", "workspaces" }, { "CloudFront", "cloudfront" },
  { "API Gateway", "api-gateway" }, { "SQS", "sqs" }, { "SNS", "sns" }, { "KMS", "kms" }, { "IAM", "iam" },
  { "CloudTrail", "cloudtrail" },
};

/* The model's deliberate differences from the reference tables (the same
 * as test-model's, each a fix from the review in issue #9). */
static const struct
{
  const char *service;
  const char *layer;
  const char *owner;
} reference_exceptions[] = {
  { "elasticache", "os", "shared" },
  { "lambda", "os", "shared" },
  { "s3", "platform_apps", "shared" },
};

static char *
reference_path (const char *name)
{
  return g_build_filename (SHARED_DIR, "reference", name, NULL);
}

/* The rows of a reference TSV, header dropped; NULL when absent. */
static GPtrArray *
read_tsv (const char *name)
{
  g_autofree char *path = reference_path (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static void
read_owners (Fixture    *f,
             const char *name,
             gboolean    display_names)
{
  g_autoptr(GPtrArray) rows = read_tsv (name);
  guint layer_column = display_names ? 3 : 5;

  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = rows->pdata[i];
      const char *service = row[0];

      if (g_strv_length (row) <= layer_column + 1)
        continue;
      if (display_names)
        {
          service = NULL;
          for (guint r = 0; r < G_N_ELEMENTS (reference_ids); r++)
            if (g_str_equal (reference_ids[r].name, row[0]))
              service = reference_ids[r].id;
          g_assert_nonnull (service);
        }
      g_hash_table_insert (f->owners, g_strconcat (service, "\x1f", row[layer_column], NULL),
                           g_strdup (row[layer_column + 1]));
      g_hash_table_add (f->listed, g_strdup (service));
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->model = dm_model_new_default (&error);
  g_assert_no_error (error);
  f->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read_owners (f, "services.tsv", TRUE);
  read_owners (f, "services-more.tsv", FALSE);
  if (g_hash_table_size (f->owners) == 0)
    g_clear_pointer (&f->owners, g_hash_table_unref);
  else
    for (guint i = 0; i < G_N_ELEMENTS (reference_exceptions); i++)
      g_hash_table_insert (f->owners,
                           g_strconcat (reference_exceptions[i].service, "\x1f", reference_exceptions[i].layer, NULL),
                           g_strdup (reference_exceptions[i].owner));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->owners, g_hash_table_unref);
  g_clear_pointer (&f->listed, g_hash_table_unref);
  g_clear_object (&f->model);
  g_clear_object (&f->catalogue);
}

static gboolean
customer_side (const char *owner)
{
  return g_strcmp0 (owner, "customer") == 0 || g_strcmp0 (owner, "shared") == 0;
}

/* Whether the customer owns or shares @layer of @service, by the loaded
 * model (which must have the service), and by the reference tables where
 * they are present. NULL when yes, else why not. */
static const char *
why_not_customers (Fixture    *f,
                   const char *service_id,
                   const char *layer_id)
{
  DmService *service = dm_model_find_service (f->model, service_id);
  DmLayer *layer = dm_model_find_layer (f->model, layer_id);

  if (layer == NULL)
    return "not a layer of the model";
  if (service == NULL)
    return "not a service of the model";
  else
    {
      DmOwner owner = dm_service_get_owner (service, layer);

      if (owner != DM_OWNER_CUSTOMER && owner != DM_OWNER_SHARED)
        return "the model gives the layer to AWS or n/a";
    }
  if (f->owners != NULL)
    {
      g_autofree char *key = g_strconcat (service_id, "\x1f", layer_id, NULL);

      if (!g_hash_table_contains (f->listed, service_id))
        return "a service the reference tables do not list";
      if (!customer_side (g_hash_table_lookup (f->owners, key)))
        return "the reference gives the layer to AWS or n/a";
    }
  return NULL;
}

typedef struct
{
  const char *service;
  const char *layer;
} Placement;

/* Demarc's own check first, as map_finding does, then the mapping. */
static gboolean
resolve (Fixture    *f,
         const char *source,
         const char *id,
         Placement  *out)
{
  const DmCheck *check = NULL;
  const DmMapping *row;

  if (g_str_equal (source, "prowler"))
    check = dm_catalogue_find_by_prowler (f->catalogue, id);
  else if (g_str_equal (source, "securityhub"))
    check = dm_catalogue_find_by_control (f->catalogue, id);
  if (check != NULL)
    {
      out->service = check->service;
      out->layer = check->layer;
      return TRUE;
    }
  row = dm_catalogue_map_id (f->catalogue, source, id, NULL);
  if (row == NULL)
    return FALSE;
  out->service = row->service;
  out->layer = row->layer;
  return TRUE;
}

static void
check_id (Fixture    *f,
          const char *source,
          const char *id,
          GString    *failures,
          guint      *n)
{
  Placement placement;
  const char *why;

  (*n)++;
  if (!resolve (f, source, id, &placement))
    g_string_append_printf (failures, "%s %s: not mapped\n", source, id);
  else if ((why = why_not_customers (f, placement.service, placement.layer)))
    g_string_append_printf (failures, "%s %s: %s/%s: %s\n", source, id, placement.service, placement.layer, why);
}

static void
test_reference_lists (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    const char *file;
    const char *source;
    guint       expected;
  } lists[] = {
    { "prowler_aws_checks.tsv", "prowler", 645 },
    { "securityhub_controls_all.tsv", "securityhub", 571 },
    { "scoutsuite_aws_rules.tsv", "scoutsuite", 147 },
    { "config_managed_rules.tsv", "config", 401 },
  };
  g_autoptr(GString) failures = g_string_new (NULL);
  guint names = 0;

  if (f->owners == NULL)
    {
      g_test_skip ("../shared/reference is not present on this machine");
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(GPtrArray) rows = read_tsv (lists[l].file);
      guint n = 0;

      g_assert_nonnull (rows);
      for (guint i = 0; i < rows->len; i++)
        {
          GStrv row = rows->pdata[i];

          check_id (f, lists[l].source, row[0], failures, &n);
          /* Config rules as accounts name them, each listed name too. */
          if (g_str_equal (lists[l].source, "config") && row[1] && *row[1])
            {
              g_auto(GStrv) listed = g_strsplit (row[1], ";", -1);

              for (guint k = 0; listed[k]; k++)
                if (*listed[k])
                  check_id (f, "config", listed[k], failures, &names);
            }
        }
      g_assert_cmpuint (n, ==, lists[l].expected);
    }
  g_assert_cmpuint (names, >, 401);

  if (failures->len)
    g_test_message ("ids that do not map to a customer layer:\n%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
}

/* Every row of the shipped file, and every Demarc check, on a layer the
 * customer owns or shares; this half needs only the model. */
static void
test_rows_customer_side (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DM_CATALOGUE_MAPPING_RESOURCE, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint rows = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *why;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      rows++;
      if ((why = why_not_customers (f, fields[2], fields[3])))
        g_string_append_printf (failures, "line %u: %s %s: %s/%s: %s\n", i + 1, fields[0], fields[1],
                                fields[2], fields[3], why);
    }
  g_assert_cmpuint (rows, ==, dm_catalogue_get_n_mappings (f->catalogue));

  for (guint i = 0; i < dm_catalogue_get_n_checks (f->catalogue); i++)
    {
      const DmCheck *check = dm_catalogue_get_check (f->catalogue, i);
      const char *why = why_not_customers (f, check->service, check->layer);

      if (why)
        g_string_append_printf (failures, "check %s: %s/%s: %s\n", check->id, check->service, check->layer, why);
    }

  if (failures->len)
    g_test_message ("%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
}

/* Prowler 2's checks, each where its Prowler 3+ check goes: every pair of
 * tests/data/prowler-v2-to-v3.tsv places the two alike, and every v2 row
 * of the mapping has its pair, so that correcting one without the other
 * fails here. */
static void
test_prowler_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("prowler-v2-to-v3.tsv");
  g_autofree char *pairs_text = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DM_CATALOGUE_MAPPING_RESOURCE, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GHashTable) paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint rows = 0, n_pairs = 0;

  g_assert_true (g_file_get_contents (path, &pairs_text, NULL, NULL));
  pairs = g_strsplit (pairs_text, "\n", -1);
  for (guint i = 0; pairs[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      Placement v2, v3;

      if (*pairs[i] == '\0' || *pairs[i] == '#')
        continue;
      fields = g_strsplit (pairs[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_str_equal (fields[2], "prowler") || g_str_equal (fields[2], "nearest"));
      n_pairs++;
      if (!resolve (f, "prowler-v2", fields[0], &v2))
        g_string_append_printf (failures, "prowler-v2 %s: not mapped\n", fields[0]);
      else if (!resolve (f, "prowler", fields[1], &v3))
        g_string_append_printf (failures, "prowler %s (for %s): not mapped\n", fields[1], fields[0]);
      else if (!g_str_equal (v2.service, v3.service) || !g_str_equal (v2.layer, v3.layer))
        g_string_append_printf (failures, "prowler-v2 %s on %s/%s, its Prowler 3+ check %s on %s/%s\n", fields[0],
                                v2.service, v2.layer, fields[1], v3.service, v3.layer);
      else
        g_hash_table_add (paired, g_strdup (fields[0]));
    }

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (!g_str_has_prefix (lines[i], "prowler-v2\t"))
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      rows++;
      if (!g_hash_table_contains (paired, fields[1]))
        g_string_append_printf (failures, "line %u: prowler-v2 %s has no Prowler 3+ check it agrees with\n", i + 1,
                                fields[1]);
    }

  if (failures->len)
    g_test_message ("%s", failures->str);
  g_assert_cmpstr (failures->str, ==, "");
  /* Prowler's table and the 16 checks it left out; a few v2 checks are
   * two in Prowler 3 (extra79: elb_ and elbv2_internet_facing). */
  g_assert_cmpuint (rows, ==, 257);
  g_assert_cmpuint (n_pairs, ==, 262);

  /* The cases a tester found placed by their service names instead. */
  g_assert_cmpstr (dm_catalogue_lookup (f->catalogue, "prowler-v2", "extra72")->layer, ==, "customer_data");
  g_assert_cmpstr (dm_catalogue_lookup (f->catalogue, "prowler-v2", "check27")->layer, ==, "server_side_encryption");
  g_assert_cmpstr (dm_catalogue_lookup (f->catalogue, "prowler-v2", "extra796")->layer, ==, "network_firewall");
  g_assert_cmpstr (dm_catalogue_lookup (f->catalogue, "prowler-v2", "check117")->service, ==, "account");
}

static void
test_load_errors (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autofree char *path = test_fixture_path ("mapping-bad.tsv");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint n;
  static const struct
  {
    const char *text;
    const char *message;
  } bad[] = {
    { "prowler\tx\ts3\tiam\tsevere\n", "t.tsv:1: invalid severity severe" },
    { "# one\nprowler\tx\ts3\tiam\t\nprowler\tx\ts3\tiam\tlow\n", "t.tsv:3: duplicate id x" },
    { "prowler\tx\ts3\tiam\tlow\textra\n", "t.tsv:1: a row needs five tab-separated fields" },
    { "prowler\tx\tS 3\tiam\tlow\n", "t.tsv:1: invalid service S 3" },
    { "prowler\t\ts3\tiam\tlow\n", "t.tsv:1: invalid id" },
    { "\xff\xfe\n", "t.tsv:0: not UTF-8 text" },
  };

  g_assert_nonnull (catalogue);
  n = dm_catalogue_get_n_mappings (catalogue);
  g_assert_cmpuint (n, >, 1900);

  /* The fixture: its fourth line is the bad one, and nothing of it is kept. */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  g_assert_false (dm_catalogue_load_mapping (catalogue, bytes, "mapping-bad.tsv", &error));
  g_assert_error (error, DM_CATALOGUE_ERROR, DM_CATALOGUE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "mapping-bad.tsv:4: a row needs five tab-separated fields"));
  g_assert_cmpuint (dm_catalogue_get_n_mappings (catalogue), ==, n);
  g_assert_null (dm_catalogue_lookup (catalogue, "prowler", "check_one"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) row = g_bytes_new_static (bad[i].text, strlen (bad[i].text));
      g_autoptr(GError) row_error = NULL;

      g_assert_false (dm_catalogue_load_mapping (catalogue, row, "t.tsv", &row_error));
      g_assert_nonnull (row_error);
      g_assert_true (g_str_has_prefix (row_error->message, bad[i].message));
    }

  /* A row the shipped file already has is a duplicate too. */
  {
    const char *again = "securityhub\tS3.5\ts3\tiam\t\n";
    g_autoptr(GBytes) row = g_bytes_new_static (again, strlen (again));
    g_autoptr(GError) row_error = NULL;

    g_assert_false (dm_catalogue_load_mapping (catalogue, row, "t.tsv", &row_error));
    g_assert_true (g_str_has_prefix (row_error->message, "t.tsv:1: duplicate id S3.5"));
  }
  g_assert_cmpuint (dm_catalogue_get_n_mappings (catalogue), ==, n);
}

static void
assert_row (const DmMapping *row,
            const char      *service,
            const char      *layer)
{
  g_assert_nonnull (row);
  g_assert_cmpstr (row->service, ==, service);
  g_assert_cmpstr (row->layer, ==, layer);
}

static void
test_config_names (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autofree char *with_suffix = NULL;
  g_autofree char *without = NULL;

  with_suffix = dm_config_rule_identifier ("securityhub-s3-bucket-server-side-encryption-enabled-a1b2c3", FALSE);
  without = dm_config_rule_identifier ("securityhub-s3-bucket-server-side-encryption-enabled-a1b2c3", TRUE);
  g_assert_cmpstr (with_suffix, ==, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED_A1B2C3");
  g_assert_cmpstr (without, ==, "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED");
  /* "-only" is too short to be a hash: nothing to strip. */
  g_assert_null (dm_config_rule_identifier ("s3-bucket-ssl-requests-only", TRUE));

  assert_row (dm_catalogue_lookup_config_rule (catalogue, "securityhub-s3-bucket-server-side-encryption-enabled-a1b2c3"),
              "s3", "server_side_encryption");
  /* "-enabled" looks like a suffix, but the whole name is known first. */
  assert_row (dm_catalogue_lookup_config_rule (catalogue, "s3-bucket-server-side-encryption-enabled"),
              "s3", "server_side_encryption");
  assert_row (dm_catalogue_lookup_config_rule (catalogue, "s3-bucket-ssl-requests-only"), "s3", "network_traffic_protection");
  assert_row (dm_catalogue_lookup_config_rule (catalogue, "S3_BUCKET_SSL_REQUESTS_ONLY"), "s3", "network_traffic_protection");
  /* A listed name that is not the identifier in kebab case. */
  assert_row (dm_catalogue_lookup_config_rule (catalogue, "restricted-ssh"), "vpc", "network_firewall");
  assert_row (dm_catalogue_lookup_config_rule (catalogue, "securityhub-restricted-ssh-9x8y7z"), "vpc", "network_firewall");
  g_assert_null (dm_catalogue_lookup_config_rule (catalogue, "my-own-rule"));
  g_assert_null (dm_catalogue_lookup_config_rule (catalogue, ""));
}

static void
test_guardduty_types (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_auto(DmGuardDutyType) type = { 0 };
  g_auto(DmGuardDutyType) asff = { 0 };
  g_auto(DmGuardDutyType) artifact = { 0 };
  DmGuardDutyType bad;

  g_assert_true (dm_guardduty_type_parse ("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", &type));
  g_assert_cmpstr (type.purpose, ==, "UnauthorizedAccess");
  g_assert_cmpstr (type.resource, ==, "IAMUser");
  g_assert_cmpstr (type.family, ==, "InstanceCredentialExfiltration");
  g_assert_cmpstr (type.detail, ==, "OutsideAWS");
  g_assert_null (type.artifact);

  /* Security Hub's Types[] form: namespace and category first, '-' for '/'. */
  g_assert_true (dm_guardduty_type_parse ("TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce", &asff));
  g_assert_cmpstr (asff.purpose, ==, "UnauthorizedAccess");
  g_assert_cmpstr (asff.resource, ==, "EC2");
  g_assert_cmpstr (asff.family, ==, "SSHBruteForce");

  g_assert_true (dm_guardduty_type_parse ("Execution:EC2/MaliciousFile!Snapshot", &artifact));
  g_assert_cmpstr (artifact.family, ==, "MaliciousFile");
  g_assert_cmpstr (artifact.artifact, ==, "Snapshot");

  g_assert_false (dm_guardduty_type_parse ("Software and Configuration Checks", &bad));
  g_assert_false (dm_guardduty_type_parse (":EC2/Nothing", &bad));
  g_assert_false (dm_guardduty_type_parse ("Recon:/Nothing", &bad));
  g_assert_false (dm_guardduty_type_parse (NULL, &bad));

  /* The affected resource type decides: IAM even when an instance is named. */
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
                                             "AwsEc2Instance"), "iam", "iam");
  /* A probe of an unprotected port: the port is open, a network gap.
   * An outbound scan says the instance itself is compromised. */
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Recon:EC2/PortProbeUnprotectedPort", NULL), "ec2", "network_firewall");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Recon:EC2/Portscan", NULL), "ec2", "os");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Backdoor:EC2/C&CActivity.B!DNS", NULL), "ec2", "os");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Policy:S3/BucketBlockPublicAccessDisabled", "AwsS3Bucket"), "s3", "iam");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Execution:EC2/MaliciousFile!Snapshot", NULL), "ebs", "customer_data");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Execution:Runtime/NewBinaryExecuted", "AwsEksCluster"), "eks", "os");
  assert_row (dm_catalogue_lookup_guardduty (catalogue, "Execution:Runtime/NewBinaryExecuted", NULL), "ec2", "os");
  g_assert_null (dm_catalogue_lookup_guardduty (catalogue, "Recon:Spaceship/Probe", NULL));
}

static void
test_inspector (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);

  assert_row (dm_catalogue_lookup_inspector (catalogue, "AwsEc2Instance", "OS"), "ec2", "os");
  assert_row (dm_catalogue_lookup_inspector (catalogue, "AwsEc2Instance", "jar"), "ec2", "platform_apps");
  assert_row (dm_catalogue_lookup_inspector (catalogue, "AwsEc2Instance", "GOMOD"), "ec2", "platform_apps");
  assert_row (dm_catalogue_lookup_inspector (catalogue, "AwsEcrContainerImage", "OS"), "ecr", "platform_apps");
  assert_row (dm_catalogue_lookup_inspector (catalogue, "AWS_LAMBDA_FUNCTION", "NPM"), "lambda", "platform_apps");
  g_assert_null (dm_catalogue_lookup_inspector (catalogue, "AwsEc2Instance", "FLOPPY"));
}

static DmFinding *
find (DmImporter *importer,
      const char *id)
{
  GListModel *findings = dm_importer_get_findings (importer);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (dm_finding_get_id (finding), id))
        return finding;
    }
  g_assert_not_reached ();
}

static void
assert_placed (DmImporter *importer,
               const char *id,
               const char *service,
               const char *layer)
{
  DmFinding *finding = find (importer, id);

  g_test_message ("%s", id);
  g_assert_cmpstr (dm_finding_get_service (finding), ==, service);
  g_assert_cmpstr (dm_finding_get_layer (finding), ==, layer);
}

static void
test_import_asff (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autofree char *path = test_fixture_path ("asff-mapping.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const DmImportInput *input;
  DmFinding *finding;

  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  input = dm_importer_get_input (importer, 0);
  g_assert_cmpuint (input->items, ==, 15);
  g_assert_cmpuint (input->skipped, ==, 0);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 15);

  /* S3 default encryption (a Prowler check Demarc has no check for) and
   * plain HTTP (Demarc's TLS-01). */
  assert_placed (importer, "map-s3-encryption", "s3", "server_side_encryption");
  finding = find (importer, "map-s3-encryption");
  g_assert_null (dm_finding_get_check (finding));
  g_assert_cmpstr (dm_finding_get_title (finding), ==, "Title of map-s3-encryption");
  assert_placed (importer, "map-s3-http", "s3", "network_traffic_protection");
  g_assert_cmpstr (dm_finding_get_check (find (importer, "map-s3-http")), ==, "TLS-01");
  /* The tool's title stays the finding's. */
  g_assert_cmpstr (dm_finding_get_title (find (importer, "map-s3-http")), ==, "Title of map-s3-http");

  /* GuardDuty by the type's resource, not the instance it names. */
  assert_placed (importer, "map-gd-iamuser", "iam", "iam");
  g_assert_cmpint (dm_finding_get_severity (find (importer, "map-gd-iamuser")), ==, DM_SEVERITY_HIGH);
  assert_placed (importer, "map-gd-probe", "ec2", "network_firewall");
  assert_placed (importer, "map-gd-portscan", "ec2", "os");

  /* Inspector: a language package is the application's, an OS package the
   * guest's; an image in ECR and a function are their services'. */
  assert_placed (importer, "map-insp-jar", "ec2", "platform_apps");
  assert_placed (importer, "map-insp-os", "ec2", "os");
  assert_placed (importer, "map-insp-ecr", "ecr", "platform_apps");
  assert_placed (importer, "map-insp-lambda", "lambda", "platform_apps");

  /* Standards without consolidated controls: CIS 1.2 by its table (and
   * the rule kept as a control id), PCI by the service it names. */
  assert_placed (importer, "map-cis12-rule", "iam", "iam");
  finding = find (importer, "map-cis12-rule");
  g_assert_true (g_strv_contains (dm_finding_get_controls (finding), "CIS 1.2 1.10"));
  /* A finding without a severity takes the mapping's. */
  g_assert_cmpint (dm_finding_get_severity (finding), ==, DM_SEVERITY_LOW);
  assert_placed (importer, "map-cis12-short", "vpc", "network_firewall");
  assert_placed (importer, "map-pci-iam", "iam", "iam");
  assert_placed (importer, "map-pci-lambda", "lambda", "network_firewall");
  g_assert_true (g_strv_contains (dm_finding_get_controls (find (importer, "map-pci-lambda")), "PCI DSS 3.2.1 PCI.Lambda.2"));
  /* A PCI id the table lacks: its service, not the account it names. */
  assert_placed (importer, "map-pci-unlisted", "redshift", dm_catalogue_get_service_layer (catalogue, "redshift"));
  /* The PCI id in ProductFields.ControlId alone. */
  assert_placed (importer, "map-pci-bare", "iam", "iam");
  g_assert_true (g_strv_contains (dm_finding_get_controls (find (importer, "map-pci-bare")), "PCI DSS 3.2.1 PCI.IAM.3"));
}

static void
test_import_config (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autofree char *path = test_fixture_path ("config-mapping.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dm_importer_get_input (importer, 0)->by_status[DM_FINDING_FAILED], ==, 3);

  assert_placed (importer, "securityhub-s3-bucket-server-side-encryption-enabled-a1b2c3/example-bucket",
                 "s3", "server_side_encryption");
  assert_placed (importer, "s3-bucket-ssl-requests-only/example-bucket", "s3", "network_traffic_protection");
  /* A rule of the account's own: by its resource type. */
  assert_placed (importer, "my-own-rule/example-bucket", "s3", "customer_data");
}

/* The native GuardDuty and Inspector2 exports go through the same rows. */
static void
test_import_native (void)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  const char *names[] = { "guardduty-findings.json", "inspector2-findings.json" };
  const char *gd = "arn:aws:guardduty:eu-west-1:444455556666:detector/d1/finding/";
  const char *insp = "arn:aws:inspector2:eu-west-1:444455556666:finding/";
  static const struct
  {
    guint       n;
    const char *service;
    const char *layer;
  } inspector[] = {
    { 1, "ec2", "os" },                /* OS package on an instance */
    { 2, "ec2", "platform_apps" },     /* a jar on an instance */
    { 3, "ecr", "platform_apps" },     /* npm in an image */
    { 4, "lambda", "platform_apps" },  /* a Python package in a function */
    { 6, "ecr", "platform_apps" },     /* an OS package in an image */
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = test_fixture_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }

  {
    g_autofree char *f01 = g_strconcat (gd, "f01", NULL);
    g_autofree char *f02 = g_strconcat (gd, "f02", NULL);
    g_autofree char *f03 = g_strconcat (gd, "f03", NULL);
    g_autofree char *f04 = g_strconcat (gd, "f04", NULL);
    g_autofree char *f05 = g_strconcat (gd, "f05", NULL);

    assert_placed (importer, f01, "iam", "iam");
    assert_placed (importer, f02, "ec2", "os");
    assert_placed (importer, f03, "s3", "iam");
    assert_placed (importer, f04, "ec2", "network_firewall");
    assert_placed (importer, f05, "eks", "iam");
  }
  for (guint i = 0; i < G_N_ELEMENTS (inspector); i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%032x", insp, inspector[i].n);

      assert_placed (importer, id, inspector[i].service, inspector[i].layer);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mapping/reference-lists", Fixture, NULL, fixture_setup, test_reference_lists, fixture_teardown);
  g_test_add ("/mapping/rows-customer-side", Fixture, NULL, fixture_setup, test_rows_customer_side, fixture_teardown);
  g_test_add ("/mapping/prowler-v2", Fixture, NULL, fixture_setup, test_prowler_v2, fixture_teardown);
  g_test_add_func ("/mapping/load-errors", test_load_errors);
  g_test_add_func ("/mapping/config-names", test_config_names);
  g_test_add_func ("/mapping/guardduty-types", test_guardduty_types);
  g_test_add_func ("/mapping/inspector", test_inspector);
  g_test_add_func ("/mapping/import-asff", test_import_asff);
  g_test_add_func ("/mapping/import-config", test_import_config);
  g_test_add_func ("/mapping/import-native", test_import_native);

  return g_test_run ();
}
