/* dm-report-markdown.c: the report as Markdown
 *
 * For issue trackers and wikis: tables and lists only, every string from an
 * export escaped (see dm_report_escape_markdown()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-import-summary.h"
#include "dm-report-private.h"

static void
md_inputs (DmReport *self,
           GString  *out)
{
  DmImportCounts total;
  g_autofree char *total_text = NULL;

  g_string_append_printf (out, "### %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", _("Inputs"),
                          _("File"), _("Format"), _("How its items were used"), _("Not read, and why"));
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      const DmImportInput *input = dm_report_get_input (self, i);
      g_autofree char *path = dm_report_escape_markdown (g_ptr_array_index (self->input_paths, i));
      g_autofree char *format = dm_report_escape_markdown (input->format);
      g_autofree char *used = NULL;
      g_autoptr(GString) reasons = g_string_new (NULL);
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      used = _dm_report_describe_escaped (&counts, dm_report_escape_markdown, TRUE);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
          g_autofree char *text = dm_report_escape_markdown (reason->reason);

          g_string_append_printf (reasons, "%s%" G_GUINT64_FORMAT " × %s", r ? "<br>" : "", reason->count, text);
        }
      g_string_append_printf (out, "| %s | %s | %s | %s |\n", path, format, used, reasons->len ? reasons->str : "–");
    }
  _dm_report_inputs_total (self, &total);
  total_text = _dm_report_describe_escaped (&total, dm_report_escape_markdown, TRUE);
  g_string_append_printf (out, "| **%s** | | %s | |\n\n", _("All inputs"), total_text);
}

void
_dm_report_md_finding (GString   *out,
                       DmFinding *finding)
{
  g_auto(DmReportFindingText) text = { NULL };

  _dm_report_finding_text_init (&text, finding, dm_report_escape_markdown);

  g_string_append_printf (out, "- **%s %s** %s  \n  %s %s\n", text.check, dm_severity_to_string (dm_finding_get_severity (finding)),
                          text.title, _("Resource:"), text.resource);
  if (*text.others)
    g_string_append_printf (out, "  %s %s\n", _("Also on:"), text.others);
  if (*text.reported_by)
    g_string_append_printf (out, "  %s %s\n", _("Reported by:"), text.reported_by);
  if (*text.evidence)
    g_string_append_printf (out, "  %s %s\n", _("Evidence:"), text.evidence);
  if (*text.remediation)
    g_string_append_printf (out, "  %s %s\n", _("Remediation:"), text.remediation);
  if (*text.controls)
    g_string_append_printf (out, "  %s %s\n", _("Controls:"), text.controls);
}

char *
dm_report_to_markdown (DmReport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *model_name = dm_report_escape_markdown (dm_model_get_name (self->model));
  guint with_evidence, customer_layers;
  g_autoptr(GPtrArray) unmapped = NULL;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  g_string_append_printf (out, "# %s\n\n%s · %s\n\n", _("Shared responsibility report"), model_name,
                          self->redacted ? _("identifiers redacted") : _("identifiers shown"));
  g_string_append_printf (out, "## %s\n\n", _("Summary"));
  g_string_append_printf (out, "- %s %u\n- %s %u\n- %s %u\n- %s %u\n- %s %u\n- %s %u / %u\n\n",
                          _("Failed findings:"), dm_assessment_get_n_failed (dm_report_get_assessment (self)),
                          _("Passed findings:"), dm_assessment_get_n_passed (dm_report_get_assessment (self)),
                          _("Informational findings (never gaps):"),
                          dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_INFORMATIONAL),
                          _("Suppressed findings (never gaps):"),
                          dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_SUPPRESSED),
                          _("Findings not mapped to a layer:"), dm_assessment_get_n_unmapped (dm_report_get_assessment (self)),
                          _("Customer and shared layers with evidence:"), with_evidence, customer_layers);

  if (self->input_paths->len)
    md_inputs (self, out);

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      DmService *service = dm_model_get_service (self->model, s);
      g_autofree char *name = NULL;

      if (!_dm_report_has_service (self, service))
        continue;
      name = dm_report_escape_markdown (dm_service_get_name (service));
      g_string_append_printf (out, "## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", name,
                              _("Layer"), _("Owner"), _("Status"), _("Failed"));
      for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
        {
          DmLayer *layer = dm_model_get_layer (self->model, l);
          const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);
          g_autofree char *layer_name = dm_report_escape_markdown (dm_layer_get_name (layer));

          g_string_append_printf (out, "| %s | %s | %s %s%s%s%s | %u |\n", layer_name,
                                  dm_model_get_owner_label (self->model, dm_service_get_owner (service, layer)),
                                  dm_layer_status_symbol (result->status), _dm_report_status_word (result->status),
                                  result->status == DM_LAYER_GAP ? " (" : "",
                                  result->status == DM_LAYER_GAP ? dm_severity_to_string (result->worst) : "",
                                  result->status == DM_LAYER_GAP ? ")" : "", result->failed);
        }
      g_string_append (out, "\n");

      {
        g_autoptr(GPtrArray) gaps = _dm_report_failed_findings (self, service);

        if (gaps->len)
          g_string_append_printf (out, "### %s\n\n", _("Gaps"));
        for (guint i = 0; i < gaps->len; i++)
          _dm_report_md_finding (out, g_ptr_array_index (gaps, i));
      }
      g_string_append (out, "\n");
    }

  unmapped = _dm_report_failed_findings (self, NULL);
  if (unmapped->len)
    g_string_append_printf (out, "## %s\n\n", _("Unmapped findings"));
  for (guint i = 0; i < unmapped->len; i++)
    _dm_report_md_finding (out, g_ptr_array_index (unmapped, i));

  return g_string_free (out, FALSE);
}

gboolean
_dm_report_export_markdown (const DmExportSubject  *subject,
                            const char             *path,
                            DmReportFormat          format,
                            GError                **error)
{
  return _dm_report_write_text (path, dm_report_to_markdown (subject->report), error);
}
