/* test-finding-group.c: one row per check, worst first, nothing lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-finding-group.h"

typedef struct
{
  const char      *id;
  const char      *check;
  DmFindingStatus  status;
  DmSeverity       severity;
  const char      *title;
  const char      *resource;
  const char      *region;
  const char      *remediation;
} Row;

static GPtrArray *
findings_from_rows (const Row *rows,
                    guint      n_rows)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_rows; i++)
    {
      DmFindingData data = {
        .id = rows[i].id, .check = rows[i].check, .status = rows[i].status, .severity = rows[i].severity,
        .service = "ec2", .layer = "customer_data", .resource = rows[i].resource, .region = rows[i].region,
        .tool = "Prowler", .title = rows[i].title, .remediation = rows[i].remediation, .source = "scan.json",
        .source_item = i,
      };
      g_ptr_array_add (findings, dm_finding_new (&data));
    }
  return findings;
}

static const Row scan[] = {
  { "1", "DATA-03", DM_FINDING_FAILED, DM_SEVERITY_MEDIUM, "EBS default encryption is off", "acct", "us-east-1", NULL },
  { "2", "IAM-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Password policy is weak", "acct", "us-east-1", "Set a policy" },
  { "3", "DATA-03", DM_FINDING_FAILED, DM_SEVERITY_MEDIUM, "EBS default encryption is off", "acct", "eu-west-1", "Turn it on" },
  { "4", "IAM-09", DM_FINDING_FAILED, DM_SEVERITY_CRITICAL, "Root has access keys", "root", NULL, "Delete them" },
  { "5", "DATA-03", DM_FINDING_PASSED, DM_SEVERITY_MEDIUM, "EBS default encryption is off", "acct", "ap-south-1", NULL },
  { "6", "DATA-03", DM_FINDING_FAILED, DM_SEVERITY_HIGH, "EBS default encryption is off", "acct", "eu-west-1", NULL },
  { "7", NULL, DM_FINDING_FAILED, DM_SEVERITY_LOW, "A tool check with no catalogue id", "x", "eu-west-1", NULL },
  { "8", "IAM-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Password policy is weak", "acct", "us-east-1", NULL },
};

static void
test_group_order (void)
{
  g_autoptr(GPtrArray) findings = findings_from_rows (scan, G_N_ELEMENTS (scan));
  g_autoptr(GPtrArray) groups = dm_finding_groups_new (findings);
  const char *expected[] = { "Root has access keys", "EBS default encryption is off", "Password policy is weak",
                             "A tool check with no catalogue id", "EBS default encryption is off" };
  DmFindingGroup *ebs;
  GPtrArray *members;

  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpstr (dm_finding_group_get_title (g_ptr_array_index (groups, i)), ==, expected[i]);

  /* The failed EBS group: worst of its findings, worst member first, then by region. */
  ebs = g_ptr_array_index (groups, 1);
  g_assert_cmpint (dm_finding_group_get_status (ebs), ==, DM_FINDING_FAILED);
  g_assert_cmpint (dm_finding_group_get_severity (ebs), ==, DM_SEVERITY_HIGH);
  members = dm_finding_group_get_findings (ebs);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpstr (dm_finding_get_id (g_ptr_array_index (members, 0)), ==, "6");
  g_assert_cmpstr (dm_finding_get_id (g_ptr_array_index (members, 1)), ==, "3");
  g_assert_cmpstr (dm_finding_get_id (g_ptr_array_index (members, 2)), ==, "1");
  g_assert_cmpuint (dm_finding_group_get_n_regions (ebs), ==, 2);
  g_assert_cmpstr (dm_finding_group_get_regions (ebs)[0], ==, "eu-west-1");
  g_assert_cmpstr (dm_finding_group_get_regions (ebs)[1], ==, "us-east-1");
  g_assert_cmpuint (dm_finding_group_get_n_resources (ebs), ==, 1);
  /* The first member has none: the group still says what to do. */
  g_assert_cmpstr (dm_finding_group_get_remediation (ebs), ==, "Turn it on");

  /* Passed stays apart from failed. */
  g_assert_cmpint (dm_finding_group_get_status (g_ptr_array_index (groups, 4)), ==, DM_FINDING_PASSED);
}

static void
test_group_accounts_for_all (void)
{
  g_autoptr(GPtrArray) findings = findings_from_rows (scan, G_N_ELEMENTS (scan));
  g_autoptr(GPtrArray) groups = dm_finding_groups_new (findings);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *members = dm_finding_group_get_findings (g_ptr_array_index (groups, i));

      for (guint m = 0; m < members->len; m++)
        g_assert_true (g_hash_table_add (seen, g_ptr_array_index (members, m)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, findings->len);
}

static void
test_group_stable (void)
{
  g_autoptr(GPtrArray) findings = findings_from_rows (scan, G_N_ELEMENTS (scan));
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  for (guint i = findings->len; i > 0; i--)
    g_ptr_array_add (reversed, g_object_ref (g_ptr_array_index (findings, i - 1)));
  a = dm_finding_groups_new (findings);
  b = dm_finding_groups_new (reversed);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      GPtrArray *ma = dm_finding_group_get_findings (g_ptr_array_index (a, i));
      GPtrArray *mb = dm_finding_group_get_findings (g_ptr_array_index (b, i));

      g_assert_cmpuint (ma->len, ==, mb->len);
      for (guint m = 0; m < ma->len; m++)
        g_assert_true (g_ptr_array_index (ma, m) == g_ptr_array_index (mb, m));
    }
}

static void
test_group_scope (void)
{
  g_autoptr(GPtrArray) findings = findings_from_rows (scan, G_N_ELEMENTS (scan));
  g_autoptr(GPtrArray) groups = dm_finding_groups_new (findings);
  g_autofree char *ebs = dm_finding_group_describe_scope (g_ptr_array_index (groups, 1));
  g_autofree char *root = dm_finding_group_describe_scope (g_ptr_array_index (groups, 0));
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = dm_finding_groups_new (empty);

  g_assert_cmpstr (ebs, ==, "1 resource in 2 regions");
  g_assert_cmpstr (root, ==, "1 resource");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_severity_scale (void)
{
  /* One distinct colour a severity, and the scale never repeats a hue
   * between two severities a reader must tell apart. */
  for (DmSeverity a = DM_SEVERITY_INFORMATIONAL; a <= DM_SEVERITY_CRITICAL; a++)
    {
      const DmSeverityColours *ca = dm_severity_colours (a);

      g_assert_nonnull (ca->css_class);
      g_assert_true (g_str_has_suffix (ca->css_class, dm_severity_to_string (a)));
      g_assert_cmpstr (dm_severity_to_label (a), !=, "");
      for (DmSeverity b = a + 1; b <= DM_SEVERITY_CRITICAL; b++)
        g_assert_cmpstr (ca->background, !=, dm_severity_colours (b)->background);
    }
  g_assert_true (dm_severity_colours (99) == dm_severity_colours (DM_SEVERITY_UNKNOWN));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/finding-group/order", test_group_order);
  g_test_add_func ("/finding-group/accounts-for-all", test_group_accounts_for_all);
  g_test_add_func ("/finding-group/stable", test_group_stable);
  g_test_add_func ("/finding-group/scope", test_group_scope);
  g_test_add_func ("/finding-group/severity-scale", test_severity_scale);
  return g_test_run ();
}
