/* test-review.c: findings grouped by check, worst first, nothing lost;
 * the executive summary adds up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"
#include "dm-finding-group.h"
#include "dm-importer.h"
#include "dm-review-summary.h"
#include "dm-diff.h"
#include "dm-catalogue.h"

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

static DmReport *
demo_report (DmModel    **model,
             DmImporter **importer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  *model = dm_model_new_default (&error);
  g_assert_no_error (error);
  *importer = dm_importer_new (catalogue);
  g_assert_true (dm_importer_add_file (*importer, file, NULL, &error));
  g_assert_no_error (error);
  return dm_report_new (*model, catalogue, *importer, FALSE);
}

static void
test_summary_adds_up (void)
{
  g_autoptr(DmModel) model = NULL;
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = demo_report (&model, &importer);
  g_autoptr(DmReviewSummary) summary = dm_review_summary_new (report, 3);
  DmAssessment *assessment = dm_report_get_assessment (report);
  guint table = 0, by_severity = 0;
  gboolean iam = FALSE;
  GPtrArray *risks;
  const char * const *regions = dm_review_summary_get_regions (summary);

  /* Every failed finding is in one cell of the table, or in "no layer". */
  for (DmSeverity s = 0; s < DM_REVIEW_N_SEVERITIES; s++)
    {
      for (guint c = 0; c < dm_review_summary_get_n_columns (summary); c++)
        table += dm_review_summary_get_cell (summary, s, c);
      table += dm_review_summary_get_unplaced (summary, s);
      by_severity += dm_review_summary_get_n_failed (summary, s);
    }
  g_assert_cmpuint (dm_assessment_get_n_failed (assessment), >, 0);
  g_assert_cmpuint (table, ==, dm_assessment_count_status (assessment, DM_FINDING_FAILED));
  g_assert_cmpuint (by_severity, ==, table);

  /* Columns are layers a customer has a part in: never AWS's alone. */
  g_assert_cmpuint (dm_review_summary_get_n_columns (summary), >, 2);
  for (guint c = 0; c < dm_review_summary_get_n_columns (summary); c++)
    {
      DmLayer *layer = dm_review_summary_get_column (summary, c);
      gboolean customers = FALSE;

      for (guint i = 0; i < dm_model_get_n_services (model); i++)
        {
          DmOwner owner = dm_service_get_owner (dm_model_get_service (model, i), layer);

          customers |= owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED;
        }
      g_assert_true (customers);
      iam |= g_str_equal (dm_layer_get_id (layer), "iam");
    }
  g_assert_true (iam);

  /* Scope: distinct; all 33 demo findings are in one region. */
  g_assert_cmpuint (g_strv_length ((GStrv)regions), ==, 1);
  g_assert_cmpstr (regions[0], ==, "eu-west-1");
  g_assert_cmpuint (g_strv_length ((GStrv)dm_review_summary_get_accounts (summary)), >=, 1);
  g_assert_cmpuint (dm_review_summary_get_n_sources (summary), ==, dm_report_get_n_inputs (report));
  g_assert_cmpuint (g_strv_length ((GStrv)dm_review_summary_get_source (summary, 0)->tools), >=, 1);
  g_assert_cmpuint (dm_review_summary_get_source (summary, 0)->items, ==, dm_report_get_input (report, 0)->items);
  /* The demo's findings carry UpdatedAt from 20 to 21 November 2026:
   * the export's own dates, not the file's. */
  g_assert_cmpstr (dm_review_summary_get_source (summary, 0)->when, ==, "exported 20 November 2026 to 21 November 2026");

  /* The reconciliation: every item of the file is counted. */
  g_assert_cmpuint (dm_import_counts_total (dm_review_summary_get_counts (summary)), ==,
                    dm_report_get_input (report, 0)->items);

  /* Top risks: at most the three asked for, failed, worst first. */
  risks = dm_review_summary_get_top_risks (summary);
  g_assert_cmpuint (risks->len, ==, MIN (3, dm_review_summary_get_n_failed_groups (summary)));
  for (guint i = 0; i < risks->len; i++)
    {
      g_assert_cmpint (dm_finding_group_get_status (g_ptr_array_index (risks, i)), ==, DM_FINDING_FAILED);
      if (i > 0)
        g_assert_cmpint (dm_finding_group_get_severity (g_ptr_array_index (risks, i - 1)), >=,
                         dm_finding_group_get_severity (g_ptr_array_index (risks, i)));
    }
}

/* The report's summary is made once, for every writer and the Overview,
 * and says what one made anew says. */
static void
test_summary_cached (void)
{
  g_autoptr(DmModel) model = NULL;
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = demo_report (&model, &importer);
  DmReviewSummary *cached = dm_report_get_summary (report);
  g_autoptr(DmReviewSummary) fresh = dm_review_summary_new (report, DM_REVIEW_SUMMARY_MAX_RISKS);

  g_assert_nonnull (cached);
  g_assert_true (dm_report_get_summary (report) == cached);
  g_assert_true (cached != fresh);
  g_assert_cmpuint (dm_review_summary_get_n_failed_groups (cached), ==, dm_review_summary_get_n_failed_groups (fresh));
  g_assert_cmpuint (dm_review_summary_get_top_risks (cached)->len, ==, dm_review_summary_get_top_risks (fresh)->len);
  for (DmSeverity s = 0; s < DM_REVIEW_N_SEVERITIES; s++)
    g_assert_cmpuint (dm_review_summary_get_n_failed (cached, s), ==, dm_review_summary_get_n_failed (fresh, s));
}

static GListModel *
store_from_rows (const Row *rows,
                 guint      n_rows)
{
  g_autoptr(GPtrArray) findings = findings_from_rows (rows, n_rows);
  GListStore *store = g_list_store_new (DM_TYPE_FINDING);

  for (guint i = 0; i < findings->len; i++)
    g_list_store_append (store, g_ptr_array_index (findings, i));
  return G_LIST_MODEL (store);
}

/* Each view asks the comparison what became of a finding it shows. */
static void
test_diff_lookup (void)
{
  static const Row before[] = {
    { "gone", "DATA-03", DM_FINDING_FAILED, DM_SEVERITY_HIGH, "Fixed since", "a", "eu-west-1", NULL },
    { "stays", "IAM-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Still failing", "b", "eu-west-1", NULL },
    { "<uid>", "NET-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "One id", "e", "eu-west-1", NULL },
    { "<uid>", "NET-02", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Two findings", "f", "eu-west-1", NULL },
  };
  static const Row after[] = {
    { "<uid>", "NET-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "One id", "e", "eu-west-1", NULL },
    { "<uid>", "NET-02", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Two findings", "f", "eu-west-1", NULL },
    { "stays", "IAM-01", DM_FINDING_FAILED, DM_SEVERITY_LOW, "Still failing", "b", "eu-west-1", NULL },
    { "new", "IAM-09", DM_FINDING_FAILED, DM_SEVERITY_CRITICAL, "New since", "c", "eu-west-1", NULL },
    { "ok", "IAM-02", DM_FINDING_PASSED, DM_SEVERITY_LOW, "Passes", "d", "eu-west-1", NULL },
  };
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(GListModel) old_findings = store_from_rows (before, G_N_ELEMENTS (before));
  g_autoptr(GListModel) new_findings = store_from_rows (after, G_N_ELEMENTS (after));
  g_autoptr(DmDiff) diff = dm_diff_new (model, catalogue, old_findings, new_findings);
  g_autoptr(DmFinding) gone = g_list_model_get_item (old_findings, 0);
  g_autoptr(DmFinding) stays = g_list_model_get_item (new_findings, 2);
  g_autoptr(DmFinding) fresh = g_list_model_get_item (new_findings, 3);
  g_autoptr(DmFinding) ok = g_list_model_get_item (new_findings, 4);
  DmChange change = 99;
  DmChangeCounts totals;

  /* Two failed findings an export gives one id stay two. */
  dm_diff_get_totals (diff, &totals);
  g_assert_cmpuint (totals.opened, ==, 1);
  g_assert_cmpuint (totals.closed, ==, 1);
  g_assert_cmpuint (totals.unchanged, ==, 3);

  g_assert_true (dm_diff_lookup (diff, fresh, &change));
  g_assert_cmpint (change, ==, DM_CHANGE_OPENED);
  g_assert_true (dm_diff_lookup (diff, stays, &change));
  g_assert_cmpint (change, ==, DM_CHANGE_UNCHANGED);
  g_assert_true (dm_diff_lookup (diff, gone, &change));
  g_assert_cmpint (change, ==, DM_CHANGE_CLOSED);
  g_assert_false (dm_diff_lookup (diff, ok, NULL));

  g_assert_null (dm_diff_get_old_label (diff));
  dm_diff_set_labels (diff, "october.json", "november.json");
  g_assert_cmpstr (dm_diff_get_old_label (diff), ==, "october.json");
  g_assert_cmpstr (dm_diff_get_new_label (diff), ==, "november.json");
}

/* The assessment's failed groups, made once, are those of its failed
 * findings; the summary's top risks are their first ones. */
static void
test_failed_groups_cached (void)
{
  g_autoptr(DmModel) model = NULL;
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = demo_report (&model, &importer);
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *all = dm_assessment_get_findings (assessment);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(DmReviewSummary) summary = NULL;
  GPtrArray *cached;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      DmFinding *finding = g_list_model_get_item (all, i);

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
        g_ptr_array_add (failed, finding);
      else
        g_object_unref (finding);
    }
  expected = dm_finding_groups_new (failed);
  cached = dm_assessment_get_failed_groups (assessment);

  g_assert_cmpuint (dm_assessment_get_failed (assessment)->len, ==, failed->len);
  g_assert_cmpuint (cached->len, ==, expected->len);
  g_assert_cmpuint (cached->len, >, 3);
  for (guint i = 0; i < cached->len; i++)
    {
      DmFindingGroup *a = g_ptr_array_index (cached, i), *b = g_ptr_array_index (expected, i);

      g_assert_cmpstr (dm_finding_group_get_title (a), ==, dm_finding_group_get_title (b));
      g_assert_cmpuint (dm_finding_group_get_n_findings (a), ==, dm_finding_group_get_n_findings (b));
    }
  g_assert_true (dm_assessment_get_failed_groups (assessment) == cached);

  summary = dm_review_summary_new (report, 3);
  g_assert_cmpuint (dm_review_summary_get_n_failed_groups (summary), ==, cached->len);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_ptr_array_index (dm_review_summary_get_top_risks (summary), i) == g_ptr_array_index (cached, i));
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
  g_test_add_func ("/review-summary/adds-up", test_summary_adds_up);
  g_test_add_func ("/review-summary/failed-groups-cached", test_failed_groups_cached);
  g_test_add_func ("/review-summary/cached-in-report", test_summary_cached);
  g_test_add_func ("/diff/lookup", test_diff_lookup);
  return g_test_run ();
}
