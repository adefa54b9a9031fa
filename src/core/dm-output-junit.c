/* dm-output-junit.c: the assessment as JUnit XML, for the test reports of
 * GitLab, Jenkins and Azure DevOps
 *
 * One <testsuite> per service of the exports, one <testcase> per layer the
 * customer owns or shares for it: a gap fails and lists its failed
 * findings, a layer nothing spoke to is skipped, an ok layer passes.
 * Failed findings that sit on no such layer (no service of the model, or
 * none Demarc could place) fail one more case of their own, so the report
 * is never greener than the findings. Valid against the Jenkins xUnit
 * plugin's junit-10.xsd (tests/data/junit-10.xsd).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-output"

#include "config.h"

#include "dm-output.h"

#define UNPLACED_SUITE "Findings on no layer of the model"

/* XML 1.0 text or attribute value: the characters XML forbids are gone
 * (dm_output_clean_text()); TAB, LF and CR are written as references so
 * that an attribute keeps them and no parser folds a CR. */
static void
put_escaped (GString    *out,
             const char *text)
{
  g_autofree char *clean = dm_output_clean_text (text);

  for (const char *p = clean; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default: g_string_append_c (out, *p);
        }
    }
}

static void
put_attribute (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  put_escaped (out, value);
  g_string_append_c (out, '"');
}

static void
put_count (GString    *out,
           const char *name,
           guint       value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

static void
put_failure (GString   *out,
             GPtrArray *findings,
             guint      failed,
             DmSeverity worst)
{
  g_autofree char *message = g_strdup_printf (failed == 1 ? "%u failed finding, worst %s" : "%u failed findings, worst %s",
                                              failed, dm_severity_to_string (worst));

  g_string_append (out, "      <failure type=\"gap\"");
  put_attribute (out, "message", message);
  g_string_append (out, ">\n");

  for (guint i = 0; findings && i < findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);
      const char *check = dm_finding_get_check (finding);
      g_autofree char *item = g_strdup_printf ("%" G_GUINT64_FORMAT, dm_finding_get_source_item (finding));

      g_string_append (out, "- ");
      put_escaped (out, dm_finding_get_title (finding));
      g_string_append (out, "\n  severity: ");
      put_escaped (out, dm_severity_to_string (dm_finding_get_severity (finding)));
      g_string_append (out, "\n  resource: ");
      put_escaped (out, dm_finding_get_resource (finding));
      g_string_append (out, "\n  check: ");
      put_escaped (out, check ? check : "none in Demarc's catalogue");
      g_string_append (out, "\n  reported by: ");
      put_escaped (out, dm_finding_get_tool (finding));
      g_string_append (out, ", ");
      put_escaped (out, dm_finding_get_source (finding));
      g_string_append (out, ", item ");
      g_string_append (out, item);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "      </failure>\n");
}

static char *
layer_key (const char *service,
           const char *layer)
{
  return g_strconcat (service, "\x1f", layer, NULL);
}

static gboolean
is_customer_case (const DmLayerResult *result)
{
  return result->status == DM_LAYER_GAP || result->status == DM_LAYER_OK || result->status == DM_LAYER_NO_DATA;
}

/* The failed findings of each service × layer, in export order. */
static GHashTable *
failed_by_layer (DmAssessment *assessment,
                 GListModel   *findings)
{
  GHashTable *by_layer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *service = dm_finding_get_service (finding);
      const char *layer = dm_assessment_get_finding_layer (assessment, finding);
      g_autofree char *key = NULL;
      GPtrArray *list;

      if (dm_finding_get_status (finding) != DM_FINDING_FAILED || service == NULL || layer == NULL)
        continue;
      key = layer_key (service, layer);
      if (!(list = g_hash_table_lookup (by_layer, key)))
        g_hash_table_insert (by_layer, g_steal_pointer (&key), list = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (list, g_object_ref (finding));
    }
  return by_layer;
}

/* Counts the customer's test cases and the failed ones, and adds to
 * @listed each finding that a failed case lists. */
static void
count_cases (DmModel      *model,
             DmAssessment *assessment,
             GHashTable   *by_layer,
             GHashTable   *listed,
             guint        *tests,
             guint        *failures)
{
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_assessment_has_service (assessment, service))
        continue;
      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);
          const DmLayerResult *result = dm_assessment_get_result (assessment, service, layer);
          g_autofree char *key = layer_key (dm_service_get_id (service), dm_layer_get_id (layer));
          GPtrArray *list = g_hash_table_lookup (by_layer, key);

          if (!is_customer_case (result))
            continue;
          (*tests)++;
          if (result->status != DM_LAYER_GAP)
            continue;
          (*failures)++;
          for (guint i = 0; list && i < list->len; i++)
            g_hash_table_add (listed, g_ptr_array_index (list, i));
        }
    }
}

/* One <testcase> a customer layer of @service. */
static void
put_cases (GString      *doc,
           DmModel      *model,
           DmAssessment *assessment,
           DmService    *service,
           GHashTable   *by_layer)
{
  for (guint l = 0; l < dm_model_get_n_layers (model); l++)
    {
      DmLayer *layer = dm_model_get_layer (model, l);
      const DmLayerResult *result = dm_assessment_get_result (assessment, service, layer);
      g_autofree char *key = NULL;

      if (!is_customer_case (result))
        continue;
      g_string_append (doc, "    <testcase");
      put_attribute (doc, "classname", dm_service_get_id (service));
      put_attribute (doc, "name", dm_layer_get_untranslated_name (layer));
      if (result->status == DM_LAYER_OK)
        {
          g_string_append (doc, "/>\n");
          continue;
        }
      g_string_append (doc, ">\n");
      if (result->status == DM_LAYER_GAP)
        {
          key = layer_key (dm_service_get_id (service), dm_layer_get_id (layer));
          put_failure (doc, g_hash_table_lookup (by_layer, key), result->failed, result->worst);
        }
      else
        g_string_append (doc, "      <skipped message=\"no data: nothing in the exports speaks to this layer\"/>\n");
      g_string_append (doc, "    </testcase>\n");
    }
}

/* One <testsuite> a service the assessment covers. */
static void
put_suite (GString      *doc,
           DmModel      *model,
           DmAssessment *assessment,
           DmService    *service,
           GHashTable   *by_layer)
{
  guint suite_tests = 0, suite_failures = 0, suite_skipped = 0;

  for (guint l = 0; l < dm_model_get_n_layers (model); l++)
    {
      const DmLayerResult *result = dm_assessment_get_result (assessment, service, dm_model_get_layer (model, l));

      suite_tests += is_customer_case (result);
      suite_failures += result->status == DM_LAYER_GAP;
      suite_skipped += result->status == DM_LAYER_NO_DATA;
    }

  g_string_append (doc, "  <testsuite");
  put_attribute (doc, "name", dm_service_get_name (service));
  put_attribute (doc, "id", dm_service_get_id (service));
  put_count (doc, "tests", suite_tests);
  put_count (doc, "failures", suite_failures);
  put_count (doc, "errors", 0);
  put_count (doc, "skipped", suite_skipped);
  g_string_append (doc, ">\n");
  put_cases (doc, model, assessment, service, by_layer);
  g_string_append (doc, "  </testsuite>\n");
}

void
dm_output_junit_write (DmReport *report,
                       FILE     *out)
{
  DmModel *model = dm_report_get_model (report);
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GHashTable) by_layer = failed_by_layer (assessment, findings);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) doc = g_string_sized_new (64 * 1024);
  guint tests = 0, failures = 0;
  DmSeverity unplaced_worst = DM_SEVERITY_UNKNOWN;

  /* Counts first: <testsuites> carries them. */
  count_cases (model, assessment, by_layer, listed, &tests, &failures);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (dm_finding_get_status (finding) != DM_FINDING_FAILED || g_hash_table_contains (listed, finding))
        continue;
      unplaced_worst = MAX (unplaced_worst, dm_finding_get_severity (finding));
      g_ptr_array_add (unplaced, g_steal_pointer (&finding));
    }
  if (unplaced->len)
    {
      tests++;
      failures++;
    }

  g_string_append (doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"Demarc\"");
  put_count (doc, "tests", tests);
  put_count (doc, "failures", failures);
  put_count (doc, "errors", 0);
  g_string_append (doc, ">\n");

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_assessment_has_service (assessment, service))
        continue;
      put_suite (doc, model, assessment, service, by_layer);
      if (doc->len > 60 * 1024)
        {
          fwrite (doc->str, 1, doc->len, out);
          g_string_truncate (doc, 0);
        }
    }

  if (unplaced->len)
    {
      g_string_append (doc, "  <testsuite name=\"" UNPLACED_SUITE "\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                            "    <testcase classname=\"unplaced\" name=\"Failed findings Demarc could not place on a service layer\">\n");
      put_failure (doc, unplaced, unplaced->len, unplaced_worst);
      g_string_append (doc, "    </testcase>\n  </testsuite>\n");
    }

  g_string_append (doc, "</testsuites>\n");
  fwrite (doc->str, 1, doc->len, out);
}
