/* test-responsibility.c: which findings bear on each responsibility, and
 * its status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include "dm-responsibility.h"

/* model-good.json (provider "Cloudco"; service vm with customer layers
 * guest_os, firewall and records) with a checklist of its own. */
static const char responsibilities[] =
  "[{\"id\": \"patching\", \"title\": \"Patch\", \"owner\": \"customer\", \"checks\": [\"OS-01\", \"OS-02\"]},"
  " {\"id\": \"network\", \"title\": \"Network\", \"owner\": \"customer\", \"layers\": [\"firewall\"]},"
  " {\"id\": \"backups\", \"title\": \"Backups\", \"owner\": \"customer\", \"checks\": [\"BK-*\"]},"
  " {\"id\": \"logging\", \"title\": \"Logging\", \"owner\": \"shared\", \"checks\": [\"LOG-*\"]},"
  " {\"id\": \"training\", \"title\": \"Training\", \"owner\": \"shared\"},"
  " {\"id\": \"guards\", \"title\": \"Guards\", \"owner\": \"provider\", \"layers\": [\"hardware\", \"firewall\"],"
  "  \"checks\": [\"OS-*\"]}]";

static DmModel *
checklist_model (void)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize end;
  DmModel *model;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  end = strrchr (edited->str, '}') - edited->str;
  g_string_insert (edited, end, responsibilities);
  g_string_insert (edited, end, ", \"responsibilities\": ");
  bytes = g_bytes_new (edited->str, edited->len);
  model = dm_model_new_from_bytes (bytes, "checklist.json", &error);
  g_assert_no_error (error);
  return model;
}

static void
add (GListStore      *store,
     const char      *id,
     const char      *check,
     const char      *layer,
     DmFindingStatus  status,
     DmSeverity       severity)
{
  DmFindingData data = {
    .id = id, .check = check, .status = status, .severity = severity, .service = "vm", .layer = layer,
    .resource = id, .region = "r1", .tool = "Test", .title = id, .source = "scan.json",
  };
  g_autoptr(DmFinding) finding = dm_finding_new (&data);

  g_list_store_append (store, finding);
}

static const DmResponsibilityStatus *
find (GPtrArray  *statuses,
      const char *id)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      const DmResponsibilityStatus *status = g_ptr_array_index (statuses, i);

      if (g_str_equal (status->responsibility->id, id))
        return status;
    }
  g_assert_not_reached ();
}

static void
test_statuses (void)
{
  g_autoptr(DmModel) model = checklist_model ();
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(GListStore) store = g_list_store_new (DM_TYPE_FINDING);
  g_autoptr(DmAssessment) assessment = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  const DmResponsibilityStatus *s;

  add (store, "p1", "OS-01", "guest_os", DM_FINDING_PASSED, DM_SEVERITY_HIGH);
  add (store, "p2", "OS-02", "guest_os", DM_FINDING_FAILED, DM_SEVERITY_MEDIUM);
  add (store, "p3", "OS-02", "guest_os", DM_FINDING_FAILED, DM_SEVERITY_HIGH);
  add (store, "n1", "XX-9", "firewall", DM_FINDING_PASSED, DM_SEVERITY_LOW);
  add (store, "n2", NULL, "firewall", DM_FINDING_PASSED, DM_SEVERITY_LOW);
  add (store, "b1", "BKX-1", "records", DM_FINDING_FAILED, DM_SEVERITY_HIGH);   /* "BK-*" is not "BK*" */
  add (store, "l1", "LOG-3", "records", DM_FINDING_INFORMATIONAL, DM_SEVERITY_LOW);
  add (store, "l2", "LOG-4", "records", DM_FINDING_SUPPRESSED, DM_SEVERITY_HIGH);
  assessment = dm_assessment_new (model, catalogue, G_LIST_MODEL (store));

  statuses = dm_responsibility_statuses (model, assessment, NULL);
  g_assert_cmpuint (statuses->len, ==, 6);
  g_assert_cmpstr (((DmResponsibilityStatus *)g_ptr_array_index (statuses, 0))->responsibility->id, ==, "patching");

  /* A failed finding makes a gap, whatever passed beside it. */
  s = find (statuses, "patching");
  g_assert_cmpint (s->status, ==, DM_LAYER_GAP);
  g_assert_cmpuint (s->failed, ==, 2);
  g_assert_cmpuint (s->passed, ==, 1);
  g_assert_cmpint (s->worst, ==, DM_SEVERITY_HIGH);
  g_assert_cmpuint (s->findings->len, ==, 3);

  /* Only passed findings, matched by layer with or without a check: ok. */
  s = find (statuses, "network");
  g_assert_cmpint (s->status, ==, DM_LAYER_OK);
  g_assert_cmpuint (s->passed, ==, 2);
  g_assert_cmpuint (s->findings->len, ==, 2);

  /* Nothing bears on it: no data, not ok. */
  s = find (statuses, "backups");
  g_assert_cmpint (s->status, ==, DM_LAYER_NO_DATA);
  g_assert_cmpuint (s->findings->len, ==, 0);

  /* Informational and suppressed findings are listed but prove nothing. */
  s = find (statuses, "logging");
  g_assert_cmpint (s->status, ==, DM_LAYER_NO_DATA);
  g_assert_cmpuint (s->findings->len, ==, 2);
  g_assert_cmpuint (s->failed + s->passed, ==, 0);

  g_assert_cmpint (find (statuses, "training")->status, ==, DM_LAYER_NO_DATA);

  /* The provider's: never assessed, even where its layers and checks
   * would match failed findings. */
  s = find (statuses, "guards");
  g_assert_cmpint (s->status, ==, DM_LAYER_PROVIDER);
  g_assert_cmpuint (s->findings->len, ==, 0);
  g_assert_cmpuint (s->failed, ==, 0);
}

static void
test_without_export (void)
{
  g_autoptr(DmModel) model = checklist_model ();
  g_autoptr(GPtrArray) statuses = dm_responsibility_statuses (model, NULL, NULL);

  g_assert_cmpuint (statuses->len, ==, 6);
  for (guint i = 0; i < statuses->len; i++)
    {
      const DmResponsibilityStatus *s = g_ptr_array_index (statuses, i);

      g_assert_cmpint (s->status, ==, s->responsibility->owner == DM_OWNER_PROVIDER ? DM_LAYER_PROVIDER : DM_LAYER_NO_DATA);
      g_assert_cmpuint (s->findings->len, ==, 0);
    }
}

static void
test_labels (void)
{
  g_autoptr(DmModel) model = checklist_model ();
  g_autoptr(GPtrArray) statuses = dm_responsibility_statuses (model, NULL, NULL);
  DmResponsibilityStatus copy = *find (statuses, "patching");
  g_autofree char *provider = dm_responsibility_status_label (model, find (statuses, "guards"));
  g_autofree char *no_data = dm_responsibility_status_label (model, &copy);
  g_autofree char *gap = NULL;
  g_autofree char *ok = NULL;

  copy.status = DM_LAYER_GAP;
  gap = dm_responsibility_status_label (model, &copy);
  copy.status = DM_LAYER_OK;
  ok = dm_responsibility_status_label (model, &copy);

  g_assert_cmpstr (provider, ==, "Held by Cloudco");
  g_assert_cmpstr (no_data, ==, "No data");
  g_assert_cmpstr (gap, ==, "Gap");
  g_assert_cmpstr (ok, ==, "OK");
}

static void
test_bears_on (void)
{
  g_autoptr(DmModel) model = checklist_model ();
  const DmResponsibility *patching = dm_model_find_responsibility (model, "patching");
  const DmResponsibility *logging = dm_model_find_responsibility (model, "logging");
  const DmResponsibility *network = dm_model_find_responsibility (model, "network");

  g_assert_true (dm_responsibility_bears_on (patching, "OS-01", NULL));
  g_assert_false (dm_responsibility_bears_on (patching, "OS-011", NULL));
  g_assert_false (dm_responsibility_bears_on (patching, "OS-0", NULL));
  g_assert_false (dm_responsibility_bears_on (patching, NULL, "guest_os"));
  g_assert_true (dm_responsibility_bears_on (logging, "LOG-", NULL));
  g_assert_true (dm_responsibility_bears_on (logging, "LOG-15", NULL));
  g_assert_false (dm_responsibility_bears_on (logging, "LOGS-1", NULL));
  g_assert_true (dm_responsibility_bears_on (network, "ANY", "firewall"));
  g_assert_false (dm_responsibility_bears_on (network, NULL, "records"));
  g_assert_false (dm_responsibility_bears_on (dm_model_find_responsibility (model, "guards"), "OS-01", "hardware"));
}

/* The AWS model's checklist names real checks: each id is in the
 * catalogue and each prefix matches one, so none reads "no data" for a typo. */
static void
test_aws_checks_exist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (dm_model_get_n_responsibilities (model), >, 0);
  for (guint i = 0; i < dm_model_get_n_responsibilities (model); i++)
    {
      const DmResponsibility *r = dm_model_get_responsibility (model, i);

      for (guint j = 0; r->checks[j]; j++)
        {
          /* One pattern at a time, as a customer's entry would match it. */
          char *only[] = { r->checks[j], NULL };
          char *no_layers[] = { NULL };
          DmResponsibility probe = { .id = r->id, .owner = DM_OWNER_CUSTOMER, .layers = no_layers, .checks = only };
          gboolean found = FALSE;

          for (guint c = 0; !found && c < dm_catalogue_get_n_checks (catalogue); c++)
            found = dm_responsibility_bears_on (&probe, dm_catalogue_get_check (catalogue, c)->id, NULL);
          g_test_message ("%s: %s", r->id, r->checks[j]);
          g_assert_true (found);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/responsibility/statuses", test_statuses);
  g_test_add_func ("/responsibility/without-export", test_without_export);
  g_test_add_func ("/responsibility/labels", test_labels);
  g_test_add_func ("/responsibility/bears-on", test_bears_on);
  g_test_add_func ("/responsibility/aws-checks-exist", test_aws_checks_exist);

  return g_test_run ();
}
