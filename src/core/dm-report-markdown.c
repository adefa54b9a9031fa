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
#include "dm-review-summary.h"

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

  g_string_append_printf (out, "- **%s %s** %s  \n  %s %s\n", text.check, dm_severity_to_label (dm_finding_get_severity (finding)),
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

/* --- page 1: the executive summary -------------------------------------- */

static void
md_scope (DmReport        *self,
          DmReviewSummary *summary,
          GString         *out)
{
  const char * const *accounts = dm_review_summary_get_accounts (summary);
  const char * const *regions = dm_review_summary_get_regions (summary);
  g_autofree char *account_text = _dm_report_scope_text (accounts, 4);
  g_autofree char *region_text = _dm_report_scope_text (regions, 6);
  g_autofree char *account_md = dm_report_escape_markdown (account_text);
  g_autofree char *region_md = dm_report_escape_markdown (region_text);
  g_autofree char *counts = dm_import_counts_describe (dm_review_summary_get_counts (summary));
  g_autofree char *counts_md = dm_report_escape_markdown (counts);

  g_string_append_printf (out, "- **%s** %u · %s\n", _("Accounts:"), g_strv_length ((char **)accounts), account_md);
  g_string_append_printf (out, "- **%s** %u · %s\n", _("Regions:"), g_strv_length ((char **)regions), region_md);
  for (guint i = 0; i < dm_review_summary_get_n_sources (summary); i++)
    {
      const DmReviewSource *source = dm_review_summary_get_source (summary, i);
      g_autofree char *tools = g_strjoinv (", ", (char **)source->tools);
      g_autofree char *path = dm_report_escape_markdown (source->path);
      g_autofree char *format = dm_report_escape_markdown (source->format);
      g_autofree char *tools_md = dm_report_escape_markdown (*tools ? tools : "–");

      g_autofree char *date_text = _dm_report_input_date (self, i);
      g_autofree char *date = date_text ? dm_report_escape_markdown (date_text) : NULL;

      g_string_append_printf (out, "- **%s** %s · %s · %s %s · %" G_GUINT64_FORMAT " %s%s%s\n", _("File:"), path, format,
                              _("tools:"), tools_md, source->items, g_dngettext (GETTEXT_PACKAGE, "item", "items", (gulong)MIN (source->items, G_MAXULONG)), date ? " · " : "", date ? date : "");
    }
  g_string_append_printf (out, "- **%s** %s\n\n", _("Read:"), counts_md);
}

static guint
md_column_total (DmReviewSummary *summary,
                 guint            column,
                 gboolean         unplaced)
{
  guint sum = 0;

  for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    sum += unplaced ? dm_review_summary_get_unplaced (summary, s) : dm_review_summary_get_cell (summary, s, column);
  return sum;
}

/* Failed findings by severity (rows, worst first) and customer layer. */
static void
md_severity_table (DmReviewSummary *summary,
                   GString         *out)
{
  guint n_columns = dm_review_summary_get_n_columns (summary);
  gboolean unplaced = md_column_total (summary, 0, TRUE) > 0;
  guint total = 0;

  g_string_append_printf (out, "| %s |", _("Failed findings"));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = dm_report_escape_markdown (dm_layer_get_name (dm_review_summary_get_column (summary, c)));
      g_string_append_printf (out, " %s |", name);
    }
  g_string_append_printf (out, "%s%s%s %s |\n|---|", unplaced ? " " : "", unplaced ? _("No layer") : "", unplaced ? " |" : "",
                          _("Total"));
  for (guint c = 0; c < n_columns + (unplaced ? 1 : 0) + 1; c++)
    g_string_append (out, "--:|");
  g_string_append (out, "\n");

  for (int row = DM_SEVERITY_CRITICAL; row >= DM_SEVERITY_UNKNOWN; row--)
    {
      guint n = dm_review_summary_get_n_failed (summary, row);

      if (row == DM_SEVERITY_UNKNOWN && n == 0)
        continue;
      g_string_append_printf (out, "| **%s** |", dm_severity_to_label (row));
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (out, " %u |", dm_review_summary_get_cell (summary, row, c));
      if (unplaced)
        g_string_append_printf (out, " %u |", dm_review_summary_get_unplaced (summary, row));
      g_string_append_printf (out, " **%u** |\n", n);
      total += n;
    }
  g_string_append_printf (out, "| **%s** |", _("Total"));
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, " %u |", md_column_total (summary, c, FALSE));
  if (unplaced)
    g_string_append_printf (out, " %u |", md_column_total (summary, 0, TRUE));
  g_string_append_printf (out, " **%u** |\n\n", total);
}

/* "Title — 3 resources in 2 regions · Amazon EBS · Server-side encryption",
 * escaped by @escape. */
static char *
md_group_text (DmReport       *self,
               DmFindingGroup *group,
               char         *(*escape) (const char *))
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *place = _dm_report_group_place (self, group);
  g_autofree char *text = g_strdup_printf ("%s — %s · %s", dm_finding_group_get_title (group), scope, place);

  return escape (text);
}

static void
md_top_risks (DmReport        *self,
              DmReviewSummary *summary,
              GString         *out)
{
  GPtrArray *risks = dm_review_summary_get_top_risks (summary);

  if (risks->len == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("No failed finding: no risk to rank."));
      return;
    }
  g_string_append_printf (out, "### %s\n\n", _("Top risks, and what to do"));
  for (guint i = 0; i < risks->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (risks, i);
      const char *remediation = dm_finding_group_get_remediation (group);
      g_autofree char *text = md_group_text (self, group, dm_report_escape_markdown);
      g_autofree char *todo = dm_report_escape_markdown (remediation && *remediation ? remediation
                                                                                    : _("No remediation in the export."));

      g_string_append_printf (out, "%u. **%s** · %s  \n   %s %s\n", i + 1,
                              dm_severity_to_label (dm_finding_group_get_severity (group)), text, _("What to do:"), todo);
    }
  g_string_append (out, "\n");
}

/* --- changes since an older export --------------------------------------- */

static void
md_change_groups (DmReport     *self,
                  DmAssessment *assessment,
                  DmChange      change,
                  const char   *heading,
                  GString      *out)
{
  g_autoptr(GPtrArray) groups = dm_diff_get_groups (self->diff, change);

  g_string_append_printf (out, "### %s\n\n", heading);
  if (groups->len == 0)
    g_string_append_printf (out, "%s\n", _("None."));
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *scope = dm_finding_group_describe_scope (group);
      g_autofree char *place = _dm_report_group_place_in (self, assessment, group);
      g_autofree char *text = g_strdup_printf ("%s — %s · %s", dm_finding_group_get_title (group), scope, place);
      g_autofree char *text_md = dm_report_escape_markdown (text);

      g_string_append_printf (out, "%u. **%s** · %s\n", i + 1, dm_severity_to_label (dm_finding_group_get_severity (group)),
                              text_md);
    }
  g_string_append (out, "\n");
}

/* Both sides by file and date, the gaps opened worst first, those fixed. */
static void
md_changes (DmReport *self,
            GString  *out)
{
  const char *old_label = dm_diff_get_old_label (self->diff);
  const char *new_label = dm_diff_get_new_label (self->diff);
  g_autofree char *old_md = dm_report_escape_markdown (old_label ? old_label : _("the older export"));
  g_autofree char *new_md = dm_report_escape_markdown (new_label ? new_label : _("this export"));
  DmChangeCounts totals;

  dm_diff_get_totals (self->diff, &totals);
  g_string_append_printf (out, "## %s\n\n- %s %s\n- %s %s\n- %s %u\n- %s %u\n- %s %u\n\n",
                          _("Changes since the older export"), _("Older export:"), old_md, _("This export:"), new_md,
                          _("Gaps opened:"), totals.opened, _("Gaps fixed:"), totals.closed, _("Still failing:"), totals.unchanged);
  md_change_groups (self, dm_diff_get_new (self->diff), DM_CHANGE_OPENED, _("Gaps opened, worst first"), out);
  md_change_groups (self, dm_diff_get_old (self->diff), DM_CHANGE_CLOSED, _("Gaps fixed"), out);
}

/* --- gaps, one row per check, worst first ------------------------------- */

/* A check as a <details> block: its summary line is HTML (Markdown is not
 * read inside <summary>), its findings a Markdown table. */
static void
md_group (DmReport       *self,
          DmFindingGroup *group,
          gboolean        failed,
          GString        *out)
{
  GPtrArray *findings = dm_finding_group_get_findings (group);
  const char *remediation = dm_finding_group_get_remediation (group);
  const char *check = dm_finding_group_get_check (group);
  g_autofree char *text = md_group_text (self, group, dm_report_escape_html);

  g_string_append_printf (out, "<details><summary><strong>%s</strong> · %s</summary>\n\n",
                          failed ? dm_severity_to_label (dm_finding_group_get_severity (group))
                                 : dm_finding_status_to_label (dm_finding_group_get_status (group)), text);
  if (check && *check)
    {
      g_autofree char *check_md = dm_report_escape_markdown (check);
      g_string_append_printf (out, "%s %s  \n", _("Check:"), check_md);
    }
  if (failed && remediation && *remediation)
    {
      g_autofree char *todo = dm_report_escape_markdown (remediation);
      g_string_append_printf (out, "%s %s\n", _("Remediation:"), todo);
    }
  g_string_append_printf (out, "\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", _("Severity"), _("Resource"), _("Region"),
                          _("Evidence"), _("Source"));
  for (guint i = 0; i < findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);
      g_auto(DmReportFindingText) finding_text = { NULL };

      _dm_report_finding_text_init (&finding_text, finding, dm_report_escape_markdown);
      g_string_append_printf (out, "| %s | %s%s%s%s%s | %s | %s | %s%s |\n", dm_severity_to_label (dm_finding_get_severity (finding)),
                              finding_text.resource, *finding_text.others ? "<br>" : "", *finding_text.others ? _("Also on:") : "",
                              *finding_text.others ? " " : "", finding_text.others,
                              *finding_text.region ? finding_text.region : "–",
                              *finding_text.evidence ? finding_text.evidence : "–",
                              *finding_text.reported_by ? _("Reported by: ") : "", finding_text.tool);
    }
  g_string_append (out, "\n</details>\n\n");
}

static void
md_gaps (DmReport *self,
         GString  *out)
{
  g_autoptr(GPtrArray) groups = _dm_report_groups (self, TRUE);
  g_autoptr(GPtrArray) others = _dm_report_groups (self, FALSE);

  g_string_append_printf (out, "## %s\n\n", _("Gaps, worst first"));
  if (groups->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No failed finding."));
  for (guint i = 0; i < groups->len; i++)
    md_group (self, g_ptr_array_index (groups, i), TRUE, out);
  if (others->len == 0)
    return;
  g_string_append_printf (out, "## %s\n\n", _("Passed, informational and suppressed findings, by check"));
  for (guint i = 0; i < others->len; i++)
    md_group (self, g_ptr_array_index (others, i), FALSE, out);
}

char *
dm_report_to_markdown (DmReport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *model_name = dm_report_escape_markdown (dm_model_get_name (self->model));
  guint with_evidence, customer_layers;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  g_string_append_printf (out, "# %s\n\n%s · %s\n\n", _("Shared responsibility report"), model_name,
                          self->redacted ? _("identifiers redacted") : _("identifiers shown"));
  {
    DmReviewSummary *summary = dm_report_get_summary (self);

    g_string_append_printf (out, "## %s\n\n", _("Executive summary"));
    md_scope (self, summary, out);
    md_severity_table (summary, out);
    md_top_risks (self, summary, out);
  }
  if (self->diff)
    md_changes (self, out);
  g_string_append_printf (out, "### %s\n\n", _("Findings"));
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
  md_gaps (self, out);

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
                                  result->status == DM_LAYER_GAP ? dm_severity_to_label (result->worst) : "",
                                  result->status == DM_LAYER_GAP ? ")" : "", result->failed);
        }
      g_string_append (out, "\n");

      {
        g_autoptr(GPtrArray) failed = _dm_report_failed_findings (self, service);
        g_autoptr(GPtrArray) groups = dm_finding_groups_new (failed);

        /* A line per check: the findings are under "Gaps, worst first". */
        if (groups->len)
          g_string_append_printf (out, "**%s**\n\n", _("Gaps:"));
        for (guint i = 0; i < groups->len; i++)
          {
            DmFindingGroup *group = g_ptr_array_index (groups, i);
            g_autofree char *title = dm_report_escape_markdown (dm_finding_group_get_title (group));
            g_autofree char *scope = dm_finding_group_describe_scope (group);

            g_string_append_printf (out, "- **%s** %s — %s\n", dm_severity_to_label (dm_finding_group_get_severity (group)),
                                    title, scope);
          }
      }
      g_string_append (out, "\n");
    }

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
