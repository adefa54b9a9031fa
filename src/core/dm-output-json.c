/* dm-output-json.c: the assessment as JSON (demarc-check --format json),
 * in the shape data/demarc-check.schema.json describes
 *
 * Written by DmJsonWriter as it goes, findings one at a time: a tree of
 * hundreds of thousands of findings, then its text, would cost several
 * times the export's size. The writer escapes every string and makes it
 * valid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-output"

#include "config.h"

#include <string.h>

#include "dm-output.h"
#include "dm-json-blocks.h"
#include "dm-json-writer.h"
#include "dm-output-private.h"

/* Bumped when a member changes meaning or goes; new members keep it. */
#define SCHEMA_VERSION 1

static void
put_key (DmJsonWriter *gen,
         const char   *name)
{
  dm_json_writer_key (gen, name);
}

static void
put_member (DmJsonWriter *gen,
            const char   *name,
            const char   *value)
{
  dm_json_writer_member (gen, name, value);
}

static void
put_count (DmJsonWriter *gen,
           const char   *name,
           guint64       value)
{
  put_key (gen, name);
  dm_json_writer_integer (gen, (gint64)MIN (value, (guint64)G_MAXINT64));
}

static void
put_input (DmJsonWriter *gen,
           DmReport     *report,
           guint         index)
{
  const DmImportInput *input = dm_report_get_input (report, index);

  dm_json_writer_begin_object (gen);
  put_member (gen, "path", dm_report_get_input_path (report, index));
  put_member (gen, "format", input->format);
  put_count (gen, "items", input->items);
  put_count (gen, "evaluated", input->evaluated);
  put_count (gen, "skipped", input->skipped);
  put_count (gen, "duplicates", input->duplicates);
  put_count (gen, "not_aws", input->not_aws);
  put_key (gen, "findings");
  dm_json_writer_begin_object (gen);
  for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
    put_count (gen, dm_finding_status_to_string (s), input->by_status[s]);
  dm_json_writer_end_object (gen);
  put_key (gen, "skip_reasons");
  dm_json_writer_begin_array (gen);
  for (guint r = 0; r < input->reasons->len; r++)
    {
      const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

      dm_json_writer_begin_object (gen);
      put_member (gen, "reason", reason->reason);
      put_count (gen, "count", reason->count);
      dm_json_writer_end_object (gen);
    }
  dm_json_writer_end_array (gen);
  dm_json_writer_end_object (gen);
}

static void
put_summary (DmJsonWriter *gen,
             DmAssessment *assessment)
{
  guint with_evidence, customer_layers;

  dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
  put_key (gen, "summary");
  dm_json_writer_begin_object (gen);
  put_count (gen, "failed", dm_assessment_get_n_failed (assessment));
  put_count (gen, "passed", dm_assessment_get_n_passed (assessment));
  put_count (gen, "informational", dm_assessment_count_status (assessment, DM_FINDING_INFORMATIONAL));
  put_count (gen, "suppressed", dm_assessment_count_status (assessment, DM_FINDING_SUPPRESSED));
  put_count (gen, "unmapped", dm_assessment_get_n_unmapped (assessment));
  put_count (gen, "layers_with_evidence", with_evidence);
  put_count (gen, "customer_layers", customer_layers);
  dm_json_writer_end_object (gen);
}

static void
put_services (DmJsonWriter *gen,
              DmModel      *model,
              DmAssessment *assessment)
{
  put_key (gen, "services");
  dm_json_writer_begin_array (gen);
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_assessment_has_service (assessment, service))
        continue;

      dm_json_writer_begin_object (gen);
      put_member (gen, "id", dm_service_get_id (service));
      put_member (gen, "name", dm_service_get_name (service));
      put_key (gen, "layers");
      dm_json_writer_begin_array (gen);
      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);
          const DmLayerResult *result = dm_assessment_get_result (assessment, service, layer);

          dm_json_writer_begin_object (gen);
          put_member (gen, "id", dm_layer_get_id (layer));
          put_member (gen, "owner", dm_owner_to_string (dm_service_get_owner (service, layer)));
          put_member (gen, "status", dm_layer_status_to_string (result->status));
          put_member (gen, "worst_severity", result->failed ? dm_severity_to_string (result->worst) : NULL);
          put_count (gen, "failed", result->failed);
          dm_json_writer_end_object (gen);
        }
      dm_json_writer_end_array (gen);
      dm_json_writer_end_object (gen);
    }
  dm_json_writer_end_array (gen);
}

static void
put_finding (DmJsonWriter *gen,
             DmAssessment *assessment,
             DmFinding    *finding)
{
  dm_json_writer_begin_object (gen);
  put_member (gen, "id", dm_finding_get_id (finding));
  put_member (gen, "check", dm_finding_get_check (finding));
  put_member (gen, "status", dm_finding_status_to_string (dm_finding_get_status (finding)));
  put_member (gen, "severity", dm_severity_to_string (dm_finding_get_severity (finding)));
  put_member (gen, "service", dm_finding_get_service (finding));
  put_member (gen, "layer", dm_assessment_get_finding_layer (assessment, finding));
  put_member (gen, "resource", dm_finding_get_resource (finding));
  _dm_output_put_strings (gen, "resources", dm_finding_get_resources (finding));
  put_member (gen, "resource_type", dm_finding_get_resource_type (finding));
  put_member (gen, "region", dm_finding_get_region (finding));
  put_member (gen, "account", dm_finding_get_account (finding));
  _dm_output_put_strings (gen, "controls", dm_finding_get_controls (finding));
  put_member (gen, "source", dm_finding_get_source (finding));
  put_count (gen, "source_item", dm_finding_get_source_item (finding));
  put_member (gen, "tool", dm_finding_get_tool (finding));
  put_member (gen, "title", dm_finding_get_title (finding));
  put_member (gen, "evidence", dm_finding_get_evidence (finding));
  put_member (gen, "remediation", dm_finding_get_remediation (finding));
  {
    gboolean capped = FALSE;
    guint unnamed = dm_finding_get_unnamed_resources (finding, &capped);

    /* Only where the export counts resources it does not name. */
    if (unnamed > 0)
      {
        put_key (gen, "unnamed_resources");
        dm_json_writer_begin_object (gen);
        put_count (gen, "count", unnamed);
        put_key (gen, "capped");
        dm_json_writer_boolean (gen, capped);
        dm_json_writer_end_object (gen);
      }
  }
  /* Every report of the finding, its own first. */
  put_key (gen, "reported_by");
  dm_json_writer_begin_array (gen);
  for (guint i = 0; i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);

      dm_json_writer_begin_object (gen);
      put_member (gen, "tool", origin.tool);
      put_member (gen, "source", origin.source);
      put_count (gen, "source_item", origin.source_item);
      put_member (gen, "title", origin.title);
      dm_json_writer_end_object (gen);
    }
  dm_json_writer_end_array (gen);
  dm_json_writer_end_object (gen);
}

typedef struct
{
  DmAssessment *assessment;
  GPtrArray    *findings;
} Findings;

/* Called from two threads at once: it only reads. */
static void
put_finding_at (DmJsonWriter *gen,
                guint         index,
                gpointer      user_data)
{
  Findings *all = user_data;

  put_finding (gen, all->assessment, g_ptr_array_index (all->findings, index));
}

void
dm_output_json_write (DmReport *report,
                      FILE     *out)
{
  g_autoptr(DmJsonWriter) gen = dm_json_writer_new (out);
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *findings = dm_report_get_findings (report);
  guint n = g_list_model_get_n_items (findings);


  dm_json_writer_begin_object (gen);
  put_count (gen, "schema_version", SCHEMA_VERSION);
  put_key (gen, "generator");
  dm_json_writer_begin_object (gen);
  put_member (gen, "name", "demarc-check");
  put_member (gen, "version", PACKAGE_VERSION);
  dm_json_writer_end_object (gen);
  put_key (gen, "redacted");
  dm_json_writer_boolean (gen, dm_report_get_redacted (report));

  put_key (gen, "inputs");
  dm_json_writer_begin_array (gen);
  for (guint i = 0; i < dm_report_get_n_inputs (report); i++)
    put_input (gen, report, i);
  dm_json_writer_end_array (gen);

  put_summary (gen, assessment);
  put_services (gen, dm_report_get_model (report), assessment);

  put_key (gen, "findings");
  dm_json_writer_begin_array (gen);
  {
    /* Taken out of the list first: a list model need not be safe to read
     * from two threads (GListStore moves a cursor as it is read). */
    g_autoptr(GPtrArray) list = g_ptr_array_new_full (n, g_object_unref);
    Findings all = { assessment, list };

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (list, g_list_model_get_item (findings, i));
    dm_json_write_elements (gen, n, dm_default_workers (), put_finding_at, &all);
  }
  dm_json_writer_end_array (gen);
  dm_json_writer_end_object (gen);
  g_clear_pointer (&gen, dm_json_writer_free);
  fputc ('\n', out);
}
