/* test-scoutsuite.c: ScoutSuite results, one finding per flagged resource
 *
 * tests/data/scoutsuite-items.js holds a small services tree: two security
 * groups open to the internet (one on two ports), a bucket whose name has
 * dots beside one named like its first part, the root user, a user with a
 * hostile name, a rule that flagged nothing, one that checked nothing, an
 * item path that leads nowhere and an item that is not a path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-util.h"

#include "dm-importer.h"

#define WEB_ARN "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0web"
#define OPEN_PORT "ec2-security-group-opens-known-port-to-all"
#define HOSTILE "<img src=x onerror=alert(1)>&amp;\"'"

typedef struct
{
  DmCatalogue *catalogue;
  DmImporter  *importer;
  char        *dir;   /* scratch files, removed at teardown */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->importer = dm_importer_new (f->catalogue);
  f->dir = g_dir_make_tmp ("demarc-scout-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->importer);
  g_clear_object (&f->catalogue);
}

static const DmImportInput *
import_path (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_importer_add_file (f->importer, file, NULL, &error));
  g_assert_no_error (error);
  return dm_importer_get_input (f->importer, dm_importer_get_n_inputs (f->importer) - 1);
}

static const DmImportInput *
import_items (Fixture *f)
{
  g_autofree char *path = test_fixture_path ("scoutsuite-items.js");

  return import_path (f, path);
}

static DmFinding *
find (Fixture    *f,
      const char *id)
{
  return test_find_finding (dm_importer_get_findings (f->importer), id);
}

static guint
count_rule (Fixture    *f,
            const char *service,
            const char *rule)
{
  g_autofree char *prefix = g_strdup_printf ("scoutsuite/%s/%s/", service, rule);
  GListModel *findings = dm_importer_get_findings (f->importer);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_has_prefix (dm_finding_get_id (finding), prefix))
        n++;
    }
  return n;
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

static guint64
n_findings (const DmImportInput *input)
{
  guint64 n = input->duplicates;

  for (guint i = 0; i < DM_N_FINDING_STATUSES; i++)
    n += input->by_status[i];
  return n;
}

/* Two ports open on one group are one finding naming both; the other
 * group is a finding of its own; the group whose rule is not open is
 * none. */
static void
test_per_item (Fixture       *f,
               gconstpointer  data)
{
  DmFinding *web, *db;

  import_items (f);
  g_assert_cmpuint (count_rule (f, "ec2", OPEN_PORT), ==, 2);

  web = find (f, "scoutsuite/ec2/" OPEN_PORT "/" WEB_ARN);
  g_assert_nonnull (web);
  g_assert_cmpint (dm_finding_get_status (web), ==, DM_FINDING_FAILED);
  g_assert_cmpint (dm_finding_get_severity (web), ==, DM_SEVERITY_HIGH);
  g_assert_cmpstr (dm_finding_get_tool (web), ==, "ScoutSuite");
  g_assert_cmpstr (dm_finding_get_resource (web), ==, WEB_ARN);
  g_assert_cmpstr (dm_finding_get_resource_type (web), ==, "ec2/security_groups");
  g_assert_cmpstr (dm_finding_get_region (web), ==, "us-east-1");
  g_assert_cmpstr (dm_finding_get_account (web), ==, "111122223333");
  g_assert_cmpstr (dm_finding_get_check (web), ==, OPEN_PORT);
  /* Placed by the rule id, on the group's own layer, not the instances' OS. */
  g_assert_cmpstr (dm_finding_get_service (web), ==, "vpc");
  g_assert_cmpstr (dm_finding_get_layer (web), ==, "network_firewall");
  g_assert_cmpstr (dm_finding_get_title (web), ==, "Security group opens a well-known port to all");
  g_assert_cmpstr (dm_finding_get_remediation (web), ==, "Restrict the rule to known source ranges.");
  g_assert_cmpstr (dm_finding_get_evidence (web), ==,
                   "Ports such as SSH and RDP open to the internet invite brute-force attempts. Flagged in web: "
                   "ec2.regions.us-east-1.vpcs.vpc-0a1.security_groups.sg-0web.rules.ingress.protocols.TCP.ports.22.cidrs.0.CIDR, "
                   "ec2.regions.us-east-1.vpcs.vpc-0a1.security_groups.sg-0web.rules.ingress.protocols.TCP.ports.3389.cidrs.0.CIDR.");

  /* No ARN in the data: the group's id, and the region of its path. */
  db = find (f, "scoutsuite/ec2/" OPEN_PORT "/sg-0db");
  g_assert_nonnull (db);
  g_assert_cmpstr (dm_finding_get_resource (db), ==, "sg-0db");
  g_assert_cmpstr (dm_finding_get_region (db), ==, "eu-west-1");
  g_assert_nonnull (strstr (dm_finding_get_evidence (db), "Flagged in database: "));

  g_assert_null (find (f, "scoutsuite/ec2/" OPEN_PORT "/sg-0ok"));

  /* The root user by its ARN, under the credential reports. */
  g_assert_cmpstr (dm_finding_get_resource (find (f, "scoutsuite/iam/iam-root-account-no-mfa/arn:aws:iam::111122223333:root")),
                   ==, "arn:aws:iam::111122223333:root");
  g_assert_cmpstr (dm_finding_get_resource_type (find (f, "scoutsuite/iam/iam-root-account-no-mfa/arn:aws:iam::111122223333:root")),
                   ==, "iam/credential_reports");
}

/* "logs.example.com" is one key, not logs → example → com: the bucket
 * named "logs" beside it is not the one flagged. Buckets say their region. */
static void
test_dotted_bucket (Fixture       *f,
                    gconstpointer  data)
{
  DmFinding *bucket;

  import_items (f);
  g_assert_cmpuint (count_rule (f, "s3", "s3-bucket-allowing-cleartext"), ==, 1);
  bucket = find (f, "scoutsuite/s3/s3-bucket-allowing-cleartext/arn:aws:s3:::logs.example.com");
  g_assert_nonnull (bucket);
  g_assert_cmpstr (dm_finding_get_resource (bucket), ==, "arn:aws:s3:::logs.example.com");
  g_assert_cmpstr (dm_finding_get_resource_type (bucket), ==, "s3/buckets");
  g_assert_cmpstr (dm_finding_get_region (bucket), ==, "eu-west-1");
  g_assert_cmpint (dm_finding_get_severity (bucket), ==, DM_SEVERITY_MEDIUM);
  g_assert_cmpstr (dm_finding_get_evidence (bucket), ==,
                   "Requests over HTTP can be read and changed in transit. Flagged in logs.example.com: "
                   "s3.buckets.logs.example.com.secure_transport_enabled.");
}

/* Each rule is one item; each ends as findings or a counted skip, and a
 * second read of the same file is all duplicates. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  const DmImportInput *input = import_items (f);
  const DmImportInput *again;

  g_assert_cmpstr (input->format, ==, "scoutsuite");
  g_assert_cmpuint (input->items, ==, 8);
  g_assert_cmpuint (input->skipped, ==, 1);
  g_assert_cmpuint (input->evaluated, ==, 7);
  g_assert_cmpuint (input->items, ==, input->evaluated + input->skipped);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 8);
  g_assert_cmpuint (input->by_status[DM_FINDING_PASSED], ==, 1);
  g_assert_cmpuint (input->duplicates, ==, 0);
  g_assert_cmpuint (n_findings (input), ==, g_list_model_get_n_items (dm_importer_get_findings (f->importer)));

  /* Failed findings per rule: one per distinct resource flagged, one more
   * for items that are not paths, one for a rule flagged without paths. */
  g_assert_cmpuint (count_rule (f, "ec2", OPEN_PORT), ==, 2);
  g_assert_cmpuint (count_rule (f, "s3", "s3-bucket-no-versioning"), ==, 1);
  g_assert_cmpuint (count_rule (f, "iam", "iam-root-account-no-mfa"), ==, 1);
  g_assert_cmpuint (count_rule (f, "iam", "iam-user-no-key-rotation"), ==, 2);
  g_assert_cmpuint (count_rule (f, "cloudtrail", "cloudtrail-not-configured"), ==, 1);
  g_assert_cmpuint (count_rule (f, "route53", "route53-domain-transferlock-not-authorized"), ==, 0);

  again = import_items (f);
  g_assert_cmpuint (again->duplicates, ==, 9);
  g_assert_cmpuint (again->by_status[DM_FINDING_FAILED] + again->by_status[DM_FINDING_PASSED], ==, 0);
  g_assert_cmpuint (again->items, ==, again->evaluated + again->skipped);
}

static void
test_pass_and_skip (Fixture       *f,
                    gconstpointer  data)
{
  const DmImportInput *input = import_items (f);
  DmFinding *passed = find (f, "scoutsuite/ec2/ec2-ebs-snapshot-not-encrypted/all-checked");
  DmFinding *rule = find (f, "scoutsuite/cloudtrail/cloudtrail-not-configured/flagged-items");

  g_assert_nonnull (passed);
  g_assert_cmpint (dm_finding_get_status (passed), ==, DM_FINDING_PASSED);
  g_assert_cmpstr (dm_finding_get_resource (passed), ==, "Snapshots: all 12 checked items");
  g_assert_cmpstr (dm_finding_get_evidence (passed), ==,
                   "Unencrypted snapshots expose their data to anyone who can read them.");
  g_assert_cmpuint (reason_count (input, "rule had nothing to check"), ==, 1);

  /* Flagged, but ScoutSuite listed no path: the rule is the finding. */
  g_assert_nonnull (rule);
  g_assert_cmpint (dm_finding_get_status (rule), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_resource (rule), ==, "1 flagged item");
}

/* A path into nothing is kept under its own name; an item that is not a
 * path is kept too, beside the rule's readable items. */
static void
test_unresolved (Fixture       *f,
                 gconstpointer  data)
{
  DmFinding *gone, *odd;

  import_items (f);
  gone = find (f, "scoutsuite/s3/s3-bucket-no-versioning/s3.buckets.gone-bucket.versioning_status_enabled");
  g_assert_nonnull (gone);
  g_assert_cmpint (dm_finding_get_status (gone), ==, DM_FINDING_FAILED);
  g_assert_cmpstr (dm_finding_get_resource (gone), ==, "s3.buckets.gone-bucket.versioning_status_enabled");
  g_assert_cmpstr (dm_finding_get_resource_type (gone), ==, "s3");
  g_assert_cmpstr (dm_finding_get_region (gone), ==, "");
  g_assert_nonnull (strstr (dm_finding_get_evidence (gone), "not found in the results' inventory"));

  odd = find (f, "scoutsuite/iam/iam-user-no-key-rotation/unreadable-items");
  g_assert_nonnull (odd);
  g_assert_cmpstr (dm_finding_get_resource (odd), ==, "1 flagged item without a path");
  g_assert_nonnull (find (f, "scoutsuite/iam/iam-user-no-key-rotation/AIDAHOSTILE"));
}

/* Names are data: kept as written, escaped only where they are shown. */
static void
test_hostile_name (Fixture       *f,
                   gconstpointer  data)
{
  DmFinding *user;

  import_items (f);
  user = find (f, "scoutsuite/iam/iam-user-no-key-rotation/AIDAHOSTILE");
  g_assert_nonnull (user);
  g_assert_cmpstr (dm_finding_get_resource (user), ==, "AIDAHOSTILE");
  g_assert_cmpstr (dm_finding_get_resource_type (user), ==, "iam/users");
  g_assert_cmpstr (dm_finding_get_evidence (user), ==,
                   "Flagged in " HOSTILE ": iam.users.AIDAHOSTILE.AccessKeys.0.");
}

/* The importer reads the inventory of a file it recognises at its start
 * without building it, then again for the items' paths; a file that says
 * what it is only further on is read whole. Both give the same findings. */
static void
test_streamed_and_whole (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *source = test_fixture_path ("scoutsuite-items.js");
  g_autofree char *plain_path = g_build_filename (f->dir, "plain.json", NULL);
  g_autofree char *late_path = g_build_filename (f->dir, "late.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *padding = g_strnfill (6000, 'x');
  g_autofree char *late = NULL;
  g_autoptr(DmImporter) first = NULL;
  const char *json;
  GListModel *findings;
  guint n;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  json = strchr (contents, '{');
  g_assert_true (g_file_set_contents (plain_path, json, -1, NULL));
  /* Its markers past the first 4 KiB: not recognised early. */
  late = g_strdup_printf ("{\"padding\": \"%s\", %s", padding, json + 1);
  g_assert_true (g_file_set_contents (late_path, late, -1, NULL));

  import_items (f);
  first = g_steal_pointer (&f->importer);
  findings = dm_importer_get_findings (first);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, 9);

  for (guint variant = 0; variant < 2; variant++)
    {
      g_clear_object (&f->importer);
      f->importer = dm_importer_new (f->catalogue);
      import_path (f, variant == 0 ? plain_path : late_path);
      g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DmFinding) a = g_list_model_get_item (findings, i);
          g_autoptr(DmFinding) b = g_list_model_get_item (dm_importer_get_findings (f->importer), i);

          g_assert_cmpstr (dm_finding_get_id (a), ==, dm_finding_get_id (b));
          g_assert_cmpstr (dm_finding_get_resource (a), ==, dm_finding_get_resource (b));
          g_assert_cmpstr (dm_finding_get_region (a), ==, dm_finding_get_region (b));
          g_assert_cmpstr (dm_finding_get_evidence (a), ==, dm_finding_get_evidence (b));
        }
    }
}

/* Collects the paths of every CIDR open to 0.0.0.0/0 under @node, as
 * ScoutSuite writes them, and the security groups they belong to. */
static void
collect_open (JsonNode   *node,
              const char *path,
              const char *group,
              GPtrArray  *items,
              GHashTable *groups)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *child = g_strconcat (path, ".", l->data, NULL);
          JsonNode *value = json_object_get_member (o, l->data);

          if (g_str_equal (l->data, "CIDR") && JSON_NODE_HOLDS_VALUE (value) &&
              g_strcmp0 (json_node_get_string (value), "0.0.0.0/0") == 0 && group)
            {
              g_ptr_array_add (items, g_strdup (child));
              g_hash_table_add (groups, g_strdup (group));
            }
          collect_open (value, child, g_str_has_suffix (path, ".security_groups") ? l->data : group,
                        items, groups);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s.%u", path, i);

          collect_open (json_array_get_element (array, i), child, group, items, groups);
        }
    }
}

/* The inventories of ScoutSuite's own rule tests, with findings added as
 * ScoutSuite would flag them: one failed finding per group open to all. */
static void
test_shared_samples (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (SHARED_DIR, "samples", "scoutsuite", "scoutsuite_rule-configs_ec2.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "scoutsuite_results_aws-123456789012.js", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_text = NULL;
  JsonObject *root, *ec2, *findings, *rule;
  JsonArray *array;
  const DmImportInput *input;
  GHashTableIter iter;
  gpointer group;

  if (!g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/samples/scoutsuite is not present on this machine");
      return;
    }

  g_assert_true (json_parser_load_from_file (parser, sample, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  ec2 = json_object_get_object_member (json_object_get_object_member (root, "services"), "ec2");
  collect_open (json_object_get_member (ec2, "regions"), "ec2.regions", NULL, items, groups);
  /* The sample opens more than one group, one of them on several rules. */
  g_assert_cmpuint (g_hash_table_size (groups), >=, 2);
  g_assert_cmpuint (items->len, >, g_hash_table_size (groups));

  findings = json_object_new ();
  rule = json_object_new ();
  array = json_array_new ();
  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, items->pdata[i]);
  json_object_set_string_member (rule, "description", "Security group open to all");
  json_object_set_string_member (rule, "level", "danger");
  json_object_set_string_member (rule, "path", "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR");
  json_object_set_int_member (rule, "checked_items", 10);
  json_object_set_int_member (rule, "flagged_items", items->len);
  json_object_set_array_member (rule, "items", array);
  json_object_set_object_member (findings, "ec2-security-group-whitelists-all", rule);
  json_object_set_object_member (ec2, "findings", findings);
  json_object_set_string_member (root, "provider_code", "aws");

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  file_text = g_strconcat ("scoutsuite_results =\n", text, NULL);
  g_assert_true (g_file_set_contents (out, file_text, -1, NULL));

  input = import_path (f, out);
  g_assert_cmpuint (input->items, ==, 1);
  g_assert_cmpuint (input->evaluated, ==, 1);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, g_hash_table_size (groups));
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (f->importer)), ==, g_hash_table_size (groups));

  /* Each by the id the sample gives it (no ARN there), in its region. */
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &group, NULL))
    {
      g_autofree char *id = g_strdup_printf ("scoutsuite/ec2/ec2-security-group-whitelists-all/%s", (char *)group);
      DmFinding *finding = find (f, id);

      g_assert_nonnull (finding);
      g_assert_cmpstr (dm_finding_get_resource_type (finding), ==, "ec2/security_groups");
      g_assert_true (g_str_has_prefix (dm_finding_get_evidence (finding), "Flagged in "));
    }
  g_assert_cmpstr (dm_finding_get_region (find (f, "scoutsuite/ec2/ec2-security-group-whitelists-all/sg-sa33333333")), ==, "sa-east-1");
}

/* A report names a finding by its rule's key with the ruleset's arguments
 * put in, not by the rule's file: each such key is placed where its rule
 * acts (the SSH one on the security group, not the instances' OS), with
 * the region of its path and the resource the path leads to. An item about
 * a region's setting is named by its region, one about the password policy
 * by that; two groups named alike in two regions stay two findings. */
static void
test_rule_keys (Fixture       *f,
                gconstpointer  data)
{
#define SG "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0bastion"
  static const struct
  {
    const char *id;
    const char *service;
    const char *layer;
    const char *region;
    const char *resource;
    const char *resource_type;
  } expected[] = {
    { "scoutsuite/ec2/ec2-security-group-opens-SSH-port-to-all/" SG, "vpc", "network_firewall", "eu-west-1", SG, "ec2/security_groups" },
    { "scoutsuite/ec2/ec2-security-group-opens-RDP-port-to-all/" SG, "vpc", "network_firewall", "eu-west-1", SG, "ec2/security_groups" },
    { "scoutsuite/ec2/ec2-security-group-opens-Oracle DB-port-to-all/" SG, "vpc", "network_firewall", "eu-west-1", SG, "ec2/security_groups" },
    { "scoutsuite/ec2/ec2-security-group-opens-TCP-port-to-all/" SG, "vpc", "network_firewall", "eu-west-1", SG, "ec2/security_groups" },
    { "scoutsuite/ec2/ec2-security-group-opens-plaintext-port-Telnet/" SG, "vpc", "network_firewall", "eu-west-1", SG, "ec2/security_groups" },
    { "scoutsuite/ec2/ec2-ebs-default-encryption-disabled/eu-west-1", "ebs", "server_side_encryption", "eu-west-1", "eu-west-1", "ec2/regions" },
    { "scoutsuite/ec2/ec2-ebs-default-encryption-disabled/us-east-1", "ebs", "server_side_encryption", "us-east-1", "us-east-1", "ec2/regions" },
    { "scoutsuite/cloudtrail/cloudtrail-not-configured/eu-west-1", "cloudtrail", "platform_apps", "eu-west-1", "eu-west-1", "cloudtrail/regions" },
    { "scoutsuite/iam/iam-password-policy-minimum-length/password policy", "iam", "iam", "", "password policy", "iam/password_policy" },
    { "scoutsuite/iam/iam-user-no-Active-key-rotation/arn:aws:iam::444455556666:user/ops", "iam", "iam", "",
      "arn:aws:iam::444455556666:user/ops", "iam/users" },
    { "scoutsuite/iam/iam-inline-role-policy-allows-iam-PassRole/arn:aws:iam::444455556666:role/deploy", "iam", "iam", "",
      "arn:aws:iam::444455556666:role/deploy", "iam/roles" },
    { "scoutsuite/s3/s3-bucket-AllUsers-read/arn:aws:s3:::shared-media", "s3", "iam", "eu-central-1", "arn:aws:s3:::shared-media", "s3/buckets" },
    { "scoutsuite/s3/s3-bucket-world-Get-policy/arn:aws:s3:::shared-media", "s3", "iam", "eu-central-1", "arn:aws:s3:::shared-media", "s3/buckets" },
    { "scoutsuite/redshift/redshift-parameter-group-ssl-not-required/eu-west-1/default.redshift-1.0", "redshift",
      "network_traffic_protection", "eu-west-1", "default.redshift-1.0", "redshift/parameter_groups" },
    { "scoutsuite/redshift/redshift-parameter-group-ssl-not-required/us-east-1/default.redshift-1.0", "redshift",
      "network_traffic_protection", "us-east-1", "default.redshift-1.0", "redshift/parameter_groups" },
    { "scoutsuite/vpc/vpc-default-network-acls-allow-all-ingress/acl-0f1", "vpc", "network_firewall", "eu-west-1", "acl-0f1", "vpc/network_acls" },
  };
  g_autofree char *path = test_fixture_path ("scoutsuite-rulekeys.js");
  const DmImportInput *input = import_path (f, path);
  DmFinding *rdp, *ebs;

  g_assert_cmpuint (input->items, ==, 14);
  g_assert_cmpuint (input->evaluated, ==, 14);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, G_N_ELEMENTS (expected));
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
      g_assert_cmpstr (dm_finding_get_resource_type (finding), ==, expected[i].resource_type);
      g_assert_cmpstr (dm_finding_get_account (finding), ==, "444455556666");
    }

  /* Two CIDRs on one port are one finding naming both paths. */
  rdp = find (f, expected[1].id);
  g_assert_cmpstr (dm_finding_get_check (rdp), ==, "ec2-security-group-opens-RDP-port-to-all");
  g_assert_nonnull (strstr (dm_finding_get_evidence (rdp), "ports.3389.cidrs.0.CIDR, "));
  g_assert_nonnull (strstr (dm_finding_get_evidence (rdp), "ports.3389.cidrs.1.CIDR."));
  g_assert_true (g_str_has_prefix (dm_finding_get_evidence (rdp), "Flagged in bastion: "));
  /* The rule's suffix is not in the data, yet the item was found. */
  ebs = find (f, expected[5].id);
  g_assert_null (strstr (dm_finding_get_evidence (ebs), "not found"));
#undef SG
}

/* Every key ScoutSuite's default ruleset builds from a rule file's "key"
 * and its arguments (ScoutSuite/providers/aws/rules/rulesets/default.json)
 * maps, through the templates in mapping.tsv, to the layer its rule acts
 * on; a key no rule builds does not. */
static void
test_ruleset_keys (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    const char *before;   /* the key around its argument */
    const char *after;
    const char * const args[8];
    const char *service;
    const char *layer;
  } rules[] = {
    { "ec2-security-group-opens-", "-port-to-all",
      { "MySQL", "DNS", "MongoDB", "MsSQL", "Oracle DB", "PostgreSQL", "RDP", "SSH" }, "vpc", "network_firewall" },
    { "ec2-security-group-opens-", "-port-to-all", { "NFS", "SMTP", "TCP", "UDP" }, "vpc", "network_firewall" },
    { "ec2-security-group-opens-plaintext-port-", "", { "FTP", "Telnet" }, "vpc", "network_firewall" },
    { "ec2-instance-type-", "", { "t2micro", "beefy" }, "ec2", "platform_apps" },
    { "iam-inline-", "-policy-allows-NotActions", { "group", "role", "user" }, "iam", "iam" },
    { "iam-inline-", "-policy-allows-non-sts-action", { "group", "role", "user" }, "iam", "iam" },
    { "iam-inline-", "-policy-allows-iam-PassRole", { "group", "role", "user" }, "iam", "iam" },
    { "iam-inline-", "-policy-allows-sts-AssumeRole", { "group", "role", "user" }, "iam", "iam" },
    { "iam-managed-policy-allows-", "", { "iam-PassRole", "sts-AssumeRole" }, "iam", "iam" },
    { "iam-user-no-", "-key-rotation", { "Active", "Inactive" }, "iam", "iam" },
    { "iam-user-with-", "-policies", { "inline" }, "iam", "iam" },
    { "iam-human-user-with-", "-policies", { "managed" }, "iam", "iam" },
    { "s3-bucket-AllUsers-", "", { "read", "read_acp", "write", "write_acp" }, "s3", "iam" },
    { "s3-bucket-AuthenticatedUsers-", "", { "read", "read_acp", "write", "write_acp" }, "s3", "iam" },
    { "s3-bucket-world-", "-policy", { "Delete", "Get", "List", "Put" }, "s3", "iam" },
    { "ses-identity-world-", "-policy", { "SendEmail", "SendRawEmail" }, "ses", "iam" },
    { "sns-topic-world-", "-policy",
      { "Publish", "Subscribe", "Receive", "AddPermission", "RemovePermission", "SetTopicAttributes", "DeleteTopic" }, "sns", "iam" },
    { "sqs-queue-world-", "-policy",
      { "SendMessage", "ReceiveMessage", "PurgeQueue", "DeleteMessage", "ChangeMessageVisibility", "GetQueueAttributes",
        "GetQueueUrl" }, "sqs", "iam" },
    { "vpc-custom-network-acls-allow-all-", "", { "ingress", "egress" }, "vpc", "network_firewall" },
    { "vpc-default-network-acls-allow-all-", "", { "ingress", "egress" }, "vpc", "network_firewall" },
    { "vpc-subnet-with-allow-all-", "-acls", { "ingress", "egress" }, "vpc", "network_firewall" },
    { "vpc-subnet-with-default-", "-acls", { "ingress", "egress" }, "vpc", "network_firewall" },
  };
  static const char * const unknown[] = {
    "ec2-security-group-opens--port-to-all",   /* an argument is never empty */
    "s3-bucket-LogDelivery-write",             /* no world grantee */
    "s3-bucket-public",
    "vpc-subnet-with-allow-all-ingress-acls-v2",
    "",
  };
  g_autofree char *long_key = NULL;
  const DmMapping *row;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    for (guint a = 0; a < G_N_ELEMENTS (rules[i].args) && rules[i].args[a]; a++)
      {
        g_autofree char *key = g_strconcat (rules[i].before, rules[i].args[a], rules[i].after, NULL);

        g_test_message ("%s", key);
        row = dm_catalogue_map_id (f->catalogue, "scoutsuite", key, NULL);
        g_assert_nonnull (row);
        g_assert_cmpstr (row->service, ==, rules[i].service);
        g_assert_cmpstr (row->layer, ==, rules[i].layer);
        n++;
      }
  g_assert_cmpuint (n, ==, 70);

  /* The template with the most fixed text wins: this key also fits
   * iam-inline-_ARG_0_-policy-allows-_ARG_1_-_ARG_2_ (high), but it is the
   * non-STS rule's, which carries no severity of its own. */
  row = dm_catalogue_lookup_scoutsuite_rule (f->catalogue, "iam-inline-role-policy-allows-non-sts-action");
  g_assert_nonnull (row);
  g_assert_cmpint (row->severity, ==, DM_SEVERITY_UNKNOWN);
  g_assert_cmpint (dm_catalogue_lookup_scoutsuite_rule (f->catalogue, "iam-inline-role-policy-allows-iam-PassRole")->severity,
                   ==, DM_SEVERITY_HIGH);
  /* A key listed as it is wins over any template. */
  g_assert_true (dm_catalogue_lookup_scoutsuite_rule (f->catalogue, "iam-user-with-policies") ==
                 dm_catalogue_lookup (f->catalogue, "scoutsuite", "iam-user-with-policies"));

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_null (dm_catalogue_lookup_scoutsuite_rule (f->catalogue, unknown[i]));
  long_key = g_strdup_printf ("ec2-security-group-opens-%0*d-port-to-all", 4096, 0);
  g_assert_null (dm_catalogue_lookup_scoutsuite_rule (f->catalogue, long_key));
}

/* ScoutSuite's own rule tests: the inventory of the shared sample with
 * the items ScoutSuite's rules flag in it (tests/data/rule-results/ of
 * nccgroup/ScoutSuite), filed under the keys a report uses. */
static void
test_shared_rule_results (Fixture       *f,
                          gconstpointer  data)
{
  static const struct
  {
    const char *key;
    const char *path;
    const char *items[4];
  } rules[] = {
    { "ec2-security-group-opens-MySQL-port-to-all",
      "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
      { "ec2.regions.sa-east-1.vpcs.vpc-sa111111.security_groups.sg-sa33333333.rules.ingress.protocols.TCP.ports.3306.cidrs.0.CIDR" } },
    { "ec2-security-group-opens-all-ports-to-all",
      "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
      { "ec2.regions.sa-east-1.vpcs.vpc-sa111111.security_groups.sg-sa33333333.rules.ingress.protocols.ALL.ports.N/A.cidrs.0.CIDR" } },
    { "ec2-security-group-opens-TCP-port-to-all",
      "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
      { "ec2.regions.sa-east-1.vpcs.vpc-sa111111.security_groups.sg-sa33333333.rules.ingress.protocols.TCP.ports.42.cidrs.0.CIDR" } },
    { "ec2-default-security-group-with-rules", "ec2.regions.id.vpcs.id.security_groups.id.rules.id",
      { "ec2.regions.ap-northeast-2.vpcs.vpc-ap111111.security_groups.sg-ap111111.rules.ingress.default_with_rules" } },
    { "ec2-ebs-default-encryption-disabled", "ec2.regions.id.regional_settings.id",
      { "ec2.regions.ap-northeast-2.regional_settings.0.NoDefaultEBSEncryption",
        "ec2.regions.ap-south-1.regional_settings.0.NoDefaultEBSEncryption",
        "ec2.regions.eu-central-1.regional_settings.0.NoDefaultEBSEncryption" } },
  };
  static const struct
  {
    const char *id;
    const char *service;
    const char *layer;
    const char *region;
    const char *resource;
  } expected[] = {
    { "scoutsuite/ec2/ec2-security-group-opens-MySQL-port-to-all/sg-sa33333333", "vpc", "network_firewall", "sa-east-1", "sg-sa33333333" },
    { "scoutsuite/ec2/ec2-security-group-opens-all-ports-to-all/sg-sa33333333", "vpc", "network_firewall", "sa-east-1", "sg-sa33333333" },
    { "scoutsuite/ec2/ec2-security-group-opens-TCP-port-to-all/sg-sa33333333", "vpc", "network_firewall", "sa-east-1", "sg-sa33333333" },
    { "scoutsuite/ec2/ec2-default-security-group-with-rules/sg-ap111111", "vpc", "network_firewall", "ap-northeast-2", "sg-ap111111" },
    { "scoutsuite/ec2/ec2-ebs-default-encryption-disabled/ap-northeast-2", "ebs", "server_side_encryption", "ap-northeast-2", "ap-northeast-2" },
    { "scoutsuite/ec2/ec2-ebs-default-encryption-disabled/ap-south-1", "ebs", "server_side_encryption", "ap-south-1", "ap-south-1" },
    { "scoutsuite/ec2/ec2-ebs-default-encryption-disabled/eu-central-1", "ebs", "server_side_encryption", "eu-central-1", "eu-central-1" },
  };
  g_autofree char *sample = g_build_filename (SHARED_DIR, "samples", "scoutsuite", "scoutsuite_rule-configs_ec2.json", NULL);
  g_autofree char *out = g_build_filename (f->dir, "scoutsuite_results_aws-123456789012.js", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_text = NULL;
  JsonObject *root, *ec2, *findings;
  const DmImportInput *input;

  if (!g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/samples/scoutsuite is not present on this machine");
      return;
    }

  g_assert_true (json_parser_load_from_file (parser, sample, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  ec2 = json_object_get_object_member (json_object_get_object_member (root, "services"), "ec2");
  findings = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      JsonObject *rule = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint k = 0; k < G_N_ELEMENTS (rules[i].items) && rules[i].items[k]; k++)
        json_array_add_string_element (array, rules[i].items[k]);
      json_object_set_string_member (rule, "description", rules[i].key);
      json_object_set_string_member (rule, "level", "danger");
      json_object_set_string_member (rule, "path", rules[i].path);
      json_object_set_int_member (rule, "checked_items", 10);
      json_object_set_int_member (rule, "flagged_items", json_array_get_length (array));
      json_object_set_array_member (rule, "items", array);
      json_object_set_object_member (findings, rules[i].key, rule);
    }
  json_object_set_object_member (ec2, "findings", findings);
  json_object_set_string_member (root, "provider_code", "aws");
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  file_text = g_strconcat ("scoutsuite_results =\n", text, NULL);
  g_assert_true (g_file_set_contents (out, file_text, -1, NULL));

  input = import_path (f, out);
  g_assert_cmpuint (input->items, ==, G_N_ELEMENTS (rules));
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DmFinding *finding = find (f, expected[i].id);

      g_test_message ("%s", expected[i].id);
      g_assert_nonnull (finding);
      g_assert_cmpstr (dm_finding_get_service (finding), ==, expected[i].service);
      g_assert_cmpstr (dm_finding_get_layer (finding), ==, expected[i].layer);
      g_assert_cmpstr (dm_finding_get_region (finding), ==, expected[i].region);
      g_assert_cmpstr (dm_finding_get_resource (finding), ==, expected[i].resource);
      g_assert_null (strstr (dm_finding_get_evidence (finding), "not found"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/scoutsuite/per-item", test_per_item);
  ADD ("/scoutsuite/dotted-bucket", test_dotted_bucket);
  ADD ("/scoutsuite/counts", test_counts);
  ADD ("/scoutsuite/pass-and-skip", test_pass_and_skip);
  ADD ("/scoutsuite/unresolved", test_unresolved);
  ADD ("/scoutsuite/hostile-name", test_hostile_name);
  ADD ("/scoutsuite/streamed-and-whole", test_streamed_and_whole);
  ADD ("/scoutsuite/shared-samples", test_shared_samples);
  ADD ("/scoutsuite/rule-keys", test_rule_keys);
  ADD ("/scoutsuite/ruleset-keys", test_ruleset_keys);
  ADD ("/scoutsuite/shared-rule-results", test_shared_rule_results);
#undef ADD

  return g_test_run ();
}
