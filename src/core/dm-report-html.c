/* dm-report-html.c: the report as one self-contained HTML page
 *
 * Diagrams and the matrix are inlined as SVG data; a Content-Security-Policy
 * forbids fetching anything, so the page opens offline and leaks nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "dm-import-summary.h"
#include "dm-report-private.h"
#include "dm-review-summary.h"

static char *
diagram_svg_base64 (DmReport  *self,
                    DmService *service)
{
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (_dm_report_write_to_gstring, out, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_t *cr;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  _dm_report_paint_diagram (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_base64_encode ((const guchar *)out->str, out->len);
}

static char *
matrix_svg_base64 (DmReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  dm_report_paint_matrix (self, NULL, &width, &height);
  surface = cairo_svg_surface_create_for_stream (_dm_report_write_to_gstring, out, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  dm_report_paint_matrix (self, cr, &width, &height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_base64_encode ((const guchar *)out->str, out->len);
}

const char _dm_report_html_style[] =
  "body{font-family:Cantarell,'Noto Sans',system-ui,sans-serif;color:#241f31;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
  "h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #1a5fb4;padding-bottom:.2rem;margin-top:2.5rem;break-after:avoid}"
  "h3{margin-bottom:.3rem;break-after:avoid}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
  "th,td{border:1px solid #c0bfbc;padding:.3rem .5rem;text-align:start;vertical-align:top}th{background:#f6f5f4}"
  ".gap{color:#a51d2d;font-weight:bold}.ok{color:#26a269}.no-data{color:#865e3c}.muted{color:#5e5c64}"
  ".finding{border-inline-start:4px solid #a51d2d;padding:.2rem .8rem;margin:.6rem 0;break-inside:avoid}"
  ".severity{display:inline-block;min-width:5.5em;padding:0 .35em;border-radius:3px;font-weight:bold;font-size:.85em;text-align:center}"
  "table.severities{font-size:.72em;table-layout:fixed}table.severities td{text-align:end}"
  "table.severities th{font-weight:normal;hyphens:auto;overflow-wrap:break-word;font-size:.9em;padding:.2rem}table.severities th:first-child{width:6.5em}"
  "h2#matrix{break-before:page}img.matrix{display:block;margin:auto;max-height:235mm;width:auto}"
  "ol.risks li{margin:.3rem 0;break-inside:avoid}ol.risks .todo{display:block}"
  "details.group{border-block-end:1px solid #deddda;padding:.1rem 0}details.group>summary{cursor:pointer;font-size:.85em}"
  "details.group table{font-size:.85em}details.others>summary{font-weight:bold;cursor:pointer}"
  ".service-body{display:flex;gap:1rem;align-items:flex-start}.service-body>img{width:40%;flex:none}"
  ".service-body table{font-size:.72em;margin:0;line-height:1.25}.service-body th,.service-body td{padding:.1rem .3rem}"
  ".service-body td:nth-child(n+2){white-space:nowrap}.service-body .severity{min-width:0}"
  "section.service>p.muted{font-size:.85em;margin:.2rem 0 .5rem}"
  "section.service{break-inside:avoid;margin-top:1.5rem}"
  "ul.counts{columns:2;font-size:.9em}section.service h2{margin-top:0}ul.service-gaps{font-size:.85em;margin:.3rem 0;columns:2}"
  ".finding p{margin:.25rem 0}code{font-family:monospace;overflow-wrap:anywhere}"
  "img.diagram{max-width:100%;height:auto;border:1px solid #deddda}"
  /* No page size: the reader's paper, A4 or Letter, decides. */
  "@page{margin:18mm}"
  /* Paper is read closer than a screen: a smaller type keeps a review short. */
  "@media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit;text-decoration:none}}";

/* --- page 1: the executive summary -------------------------------------- */

static void
html_scope (DmReport        *self,
            DmReviewSummary *summary,
            GString         *out)
{
  const char * const *accounts = dm_review_summary_get_accounts (summary);
  const char * const *regions = dm_review_summary_get_regions (summary);
  g_autofree char *account_text = _dm_report_scope_text (accounts, 4);
  g_autofree char *region_text = _dm_report_scope_text (regions, 6);
  g_autofree char *account_html = dm_report_escape_html (account_text);
  g_autofree char *region_html = dm_report_escape_html (region_text);

  g_string_append_printf (out, "<ul class=\"scope\">\n<li><strong>%s</strong> %u · %s</li>\n", _("Accounts:"),
                          g_strv_length ((char **)accounts), account_html);
  g_string_append_printf (out, "<li><strong>%s</strong> %u · %s</li>\n", _("Regions:"),
                          g_strv_length ((char **)regions), region_html);
  for (guint i = 0; i < dm_review_summary_get_n_sources (summary); i++)
    {
      const DmReviewSource *source = dm_review_summary_get_source (summary, i);
      g_autofree char *tools = g_strjoinv (", ", (char **)source->tools);
      g_autofree char *path = dm_report_escape_html (source->path);
      g_autofree char *format = dm_report_escape_html (source->format);
      g_autofree char *tools_html = dm_report_escape_html (*tools ? tools : "–");

      g_autofree char *date = _dm_report_input_date (self, i);
      g_autofree char *date_html = date ? dm_report_escape_html (date) : NULL;

      g_string_append_printf (out, "<li><strong>%s</strong> <code>%s</code> · %s · %s %s · %" G_GUINT64_FORMAT " %s",
                              _("File:"), path, format, _("tools:"), tools_html, source->items, g_dngettext (GETTEXT_PACKAGE, "item", "items", (gulong)MIN (source->items, G_MAXULONG)));
      if (date_html)
        g_string_append_printf (out, " · %s", date_html);
      g_string_append (out, "</li>\n");
    }
  {
    /* Its two lines (items, then findings) stay two lines. */
    g_autofree char *counts_html = _dm_report_describe_escaped (dm_review_summary_get_counts (summary),
                                                                dm_report_escape_html, FALSE);

    g_string_append_printf (out, "<li><strong>%s</strong> %s</li>\n</ul>\n", _("Read:"), counts_html);
  }
}

/* Failed findings by severity (rows, worst first) and customer layer. */
static void
html_severity_table (DmReviewSummary *summary,
                     GString         *out)
{
  guint n_columns = dm_review_summary_get_n_columns (summary);
  gboolean any_unplaced = FALSE;
  guint total = 0;

  for (DmSeverity s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    any_unplaced |= dm_review_summary_get_unplaced (summary, s) > 0;

  g_string_append_printf (out, "<table class=\"severities\"><tr><th>%s</th>", _("Failed findings"));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = dm_report_escape_html (dm_layer_get_name (dm_review_summary_get_column (summary, c)));
      g_string_append_printf (out, "<th>%s</th>", name);
    }
  if (any_unplaced)
    g_string_append_printf (out, "<th>%s</th>", _("No layer"));
  g_string_append_printf (out, "<th>%s</th></tr>\n", _("Total"));

  for (int row = DM_SEVERITY_CRITICAL; row >= DM_SEVERITY_UNKNOWN; row--)
    {
      DmSeverity s = row;
      guint n = dm_review_summary_get_n_failed (summary, s);

      /* Unknown severity is a row only when a tool left it out. */
      if (s == DM_SEVERITY_UNKNOWN && n == 0)
        continue;
      g_string_append (out, "<tr><th>");
      _dm_report_html_badge (out, s);
      g_string_append (out, "</th>");
      for (guint c = 0; c < n_columns; c++)
        {
          guint cell = dm_review_summary_get_cell (summary, s, c);
          g_string_append_printf (out, cell ? "<td>%u</td>" : "<td class=\"muted\">–</td>", cell);
        }
      if (any_unplaced)
        g_string_append_printf (out, "<td>%u</td>", dm_review_summary_get_unplaced (summary, s));
      g_string_append_printf (out, "<td><strong>%u</strong></td></tr>\n", n);
      total += n;
    }

  g_string_append_printf (out, "<tr class=\"total\"><th>%s</th>", _("Total"));
  for (guint c = 0; c < n_columns; c++)
    {
      guint sum = 0;

      for (DmSeverity s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
        sum += dm_review_summary_get_cell (summary, s, c);
      g_string_append_printf (out, "<td>%u</td>", sum);
    }
  if (any_unplaced)
    {
      guint sum = 0;

      for (DmSeverity s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
        sum += dm_review_summary_get_unplaced (summary, s);
      g_string_append_printf (out, "<td>%u</td>", sum);
    }
  g_string_append_printf (out, "<td><strong>%u</strong></td></tr>\n</table>\n", total);
}

/* A group's one line: severity, title, scope and where it sits. */
static void
html_group_line_in (DmReport       *self,
                    DmAssessment   *assessment,
                    DmFindingGroup *group,
                    GString        *out)
{
  g_autofree char *title = dm_report_escape_html (dm_finding_group_get_title (group));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *place = _dm_report_group_place_in (self, assessment, group);
  g_autofree char *place_html = dm_report_escape_html (place);

  _dm_report_html_badge (out, dm_finding_group_get_severity (group));
  g_string_append_printf (out, " <strong>%s</strong> — %s <span class=\"muted\">· %s</span>", title, scope, place_html);
}

static void
html_group_line (DmReport       *self,
                 DmFindingGroup *group,
                 GString        *out)
{
  html_group_line_in (self, dm_report_get_assessment (self), group, out);
}

static void
html_top_risks (DmReport        *self,
                DmReviewSummary *summary,
                GString         *out)
{
  GPtrArray *risks = dm_review_summary_get_top_risks (summary);

  if (risks->len == 0)
    {
      g_string_append_printf (out, "<p>%s</p>\n", _("No failed finding: no risk to rank."));
      return;
    }
  g_string_append_printf (out, "<h3>%s</h3>\n<ol class=\"risks\">\n", _("Top risks, and what to do"));
  for (guint i = 0; i < risks->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (risks, i);
      const char *remediation = dm_finding_group_get_remediation (group);
      g_autofree char *todo = dm_report_escape_html (remediation && *remediation ? remediation : _("No remediation in the export."));

      g_string_append (out, "<li>");
      html_group_line (self, group, out);
      g_string_append_printf (out, "<span class=\"todo\">%s %s</span></li>\n", _("What to do:"), todo);
    }
  g_string_append (out, "</ol>\n");
}

static void
html_executive_summary (DmReport *self,
                        GString  *out)
{
  DmReviewSummary *summary = dm_report_get_summary (self);

  g_string_append_printf (out, "<section id=\"executive-summary\">\n<h2 id=\"summary\">%s</h2>\n", _("Executive summary"));
  html_scope (self, summary, out);
  html_severity_table (summary, out);
  html_top_risks (self, summary, out);
  g_string_append (out, "</section>\n");
}

/* --- changes since an older export --------------------------------------- */

/* One kind of change, a line per check, worst first. */
static void
html_change_groups (DmReport     *self,
                    DmAssessment *assessment,
                    DmChange      change,
                    const char   *heading,
                    GString      *out)
{
  g_autoptr(GPtrArray) groups = dm_diff_get_groups (self->diff, change);

  g_string_append_printf (out, "<h3>%s</h3>\n", heading);
  if (groups->len == 0)
    {
      g_string_append_printf (out, "<p>%s</p>\n", _("None."));
      return;
    }
  g_string_append_printf (out, "<ol class=\"changes %s\">\n", change == DM_CHANGE_OPENED ? "opened" : "closed");
  for (guint i = 0; i < groups->len; i++)
    {
      g_string_append (out, "<li>");
      html_group_line_in (self, assessment, g_ptr_array_index (groups, i), out);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n");
}

/* What changed since the export compared with: both sides named by file
 * and date, the gaps opened worst first, those fixed, how many stayed. */
static void
html_changes (DmReport *self,
              GString  *out)
{
  const char *old_label = dm_diff_get_old_label (self->diff);
  const char *new_label = dm_diff_get_new_label (self->diff);
  g_autofree char *old_html = dm_report_escape_html (old_label ? old_label : _("the older export"));
  g_autofree char *new_html = dm_report_escape_html (new_label ? new_label : _("this export"));
  DmChangeCounts totals;

  dm_diff_get_totals (self->diff, &totals);
  g_string_append_printf (out, "<section id=\"changes\">\n<h2>%s</h2>\n", _("Changes since the older export"));
  g_string_append_printf (out, "<ul class=\"counts\"><li>%s <strong>%s</strong></li><li>%s <strong>%s</strong></li></ul>\n",
                          _("Older export:"), old_html, _("This export:"), new_html);
  g_string_append_printf (out, "<ul class=\"counts\"><li class=\"opened\">%s <strong>%u</strong></li>"
                          "<li class=\"closed\">%s <strong>%u</strong></li><li>%s <strong>%u</strong></li></ul>\n",
                          _("Gaps opened:"), totals.opened, _("Gaps fixed:"), totals.closed,
                          _("Still failing:"), totals.unchanged);
  html_change_groups (self, dm_diff_get_new (self->diff), DM_CHANGE_OPENED, _("Gaps opened, worst first"), out);
  html_change_groups (self, dm_diff_get_old (self->diff), DM_CHANGE_CLOSED, _("Gaps fixed"), out);
  g_string_append (out, "</section>\n");
}

/* --- gaps, one row per check, worst first ------------------------------- */

static void
html_group_findings (GString        *out,
                     DmFindingGroup *group)
{
  GPtrArray *findings = dm_finding_group_get_findings (group);

  g_string_append_printf (out, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Severity"), _("Resource"), _("Region"), _("Evidence"), _("Controls and source"));
  for (guint i = 0; i < findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);
      g_auto(DmReportFindingText) text = { NULL };

      _dm_report_finding_text_init (&text, finding, dm_report_escape_html);
      g_string_append (out, "<tr><td>");
      _dm_report_html_badge (out, dm_finding_get_severity (finding));
      g_string_append_printf (out, "</td><td><code>%s</code>", text.resource);
      if (*text.others)
        g_string_append_printf (out, "<br><strong>%s</strong> <code>%s</code>", _("Also on:"), text.others);
      g_string_append_printf (out, "</td><td>%s</td><td>%s</td><td>%s%s%s</td></tr>\n", *text.region ? text.region : "–",
                              *text.evidence ? text.evidence : "–", text.controls, *text.controls ? " · " : "", text.tool);
    }
  g_string_append (out, "</table>\n");
}

/* A check's row, closed: <details>, no script, opens offline; printed
 * closed, so the report stays short and loses nothing on screen. */
static void
html_group (DmReport       *self,
            DmFindingGroup *group,
            GString        *out)
{
  const char *remediation = dm_finding_group_get_remediation (group);
  const char *check = dm_finding_group_get_check (group);

  g_string_append (out, "<details class=\"group\"><summary>");
  html_group_line (self, group, out);
  g_string_append (out, "</summary>\n");
  if (check && *check)
    {
      g_autofree char *check_html = dm_report_escape_html (check);
      g_string_append_printf (out, "<p class=\"muted\">%s <code>%s</code></p>\n", _("Check:"), check_html);
    }
  if (remediation && *remediation)
    {
      g_autofree char *todo = dm_report_escape_html (remediation);
      g_string_append_printf (out, "<p><strong>%s</strong> %s</p>\n", _("Remediation:"), todo);
    }
  html_group_findings (out, group);
  g_string_append (out, "</details>\n");
}

static void
html_gaps (DmReport *self,
           GString  *out)
{
  g_autoptr(GPtrArray) groups = _dm_report_groups (self, TRUE);

  g_string_append_printf (out, "<section id=\"gaps\">\n<h2>%s</h2>\n", _("Gaps, worst first"));
  if (groups->len == 0)
    g_string_append_printf (out, "<p>%s</p>\n", _("No failed finding."));
  else
    g_string_append_printf (out, "<p class=\"muted\">%s</p>\n",
                            _("One row per check, the worst first; open a row for its resources, regions and evidence."));
  for (guint i = 0; i < groups->len; i++)
    html_group (self, g_ptr_array_index (groups, i), out);
  g_string_append (out, "</section>\n");
}

/* Passed, informational and suppressed findings: one closed block, so a
 * reviewer can show what was checked and found fine. */
static void
html_other_findings (DmReport *self,
                     GString  *out)
{
  g_autoptr(GPtrArray) groups = _dm_report_groups (self, FALSE);
  guint n = 0;

  if (groups->len == 0)
    return;
  for (guint i = 0; i < groups->len; i++)
    n += dm_finding_group_get_n_findings (g_ptr_array_index (groups, i));
  g_string_append_printf (out, "<section id=\"other-findings\">\n<details class=\"others\"><summary>");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u passed, informational or suppressed finding, in %u checks",
                                         "%u passed, informational or suppressed findings, in %u checks", n), n, groups->len);
  g_string_append (out, "</summary>\n");
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *title = dm_report_escape_html (dm_finding_group_get_title (group));
      g_autofree char *scope = dm_finding_group_describe_scope (group);

      g_string_append_printf (out, "<details class=\"group\"><summary>%s <strong>%s</strong> — %s</summary>\n",
                              dm_finding_status_to_label (dm_finding_group_get_status (group)), title, scope);
      html_group_findings (out, group);
      g_string_append (out, "</details>\n");
    }
  g_string_append (out, "</details>\n</section>\n");
}

/* --- page 1: what became of each input's items -------------------------- */

static void
html_inputs (DmReport *self,
             GString  *out)
{
  DmImportCounts total;
  g_autofree char *total_text = NULL;

  g_string_append_printf (out, "<h3 id=\"inputs\">%s</h3>\n<p>%s</p>\n", _("Inputs"),
                          _("Every item of a file ends as a finding (failed, passed, informational or suppressed), "
                            "a duplicate of a finding already read, a finding for another cloud, or not read, with the reason."));
  g_string_append_printf (out, "<table class=\"inputs\"><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("File"), _("Format"), _("How its items were used"), _("Not read, and why"));
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      const DmImportInput *input = dm_report_get_input (self, i);
      g_autofree char *path = dm_report_escape_html (g_ptr_array_index (self->input_paths, i));
      g_autofree char *format = dm_report_escape_html (input->format);
      g_autofree char *used = NULL;
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      used = _dm_report_describe_escaped (&counts, dm_report_escape_html, FALSE);
      g_string_append_printf (out, "<tr><td><code>%s</code></td><td>%s</td><td%s>%s</td><td>", path, format,
                              dm_import_counts_read_nothing (&counts) ? " class=\"gap\"" : "", used);
      /* <details>, not a script: the reasons open in any browser, offline. */
      if (input->reasons->len)
        {
          g_autofree char *not_read = dm_import_part_format (DM_IMPORT_PART_NOT_READ, input->skipped);

          g_string_append_printf (out, "<details><summary>%s</summary><ul>", not_read);
          for (guint r = 0; r < input->reasons->len; r++)
            {
              const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
              g_autofree char *text = dm_report_escape_html (reason->reason);

              g_string_append_printf (out, "<li>%" G_GUINT64_FORMAT " × %s</li>", reason->count, text);
            }
          g_string_append (out, "</ul></details>");
        }
      else
        g_string_append (out, "–");
      g_string_append (out, "</td></tr>\n");
    }
  _dm_report_inputs_total (self, &total);
  total_text = _dm_report_describe_escaped (&total, dm_report_escape_html, FALSE);
  g_string_append_printf (out, "<tr class=\"total\"><th colspan=\"2\">%s</th><td>%s</td><td></td></tr>\n</table>\n",
                          _("All inputs"), total_text);
}

/* --- severity: one colour scale, always beside its word ----------------- */

/* The classes severity-critical… from dm_severity_colours(), so the report
 * and the window use the same colours. */
char *
_dm_report_html_severity_style (void)
{
  GString *out = g_string_new (NULL);

  for (DmSeverity s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    {
      const DmSeverityColours *colours = dm_severity_colours (s);

      g_string_append_printf (out, ".%s{background:%s;color:%s}", colours->css_class,
                              colours->background, colours->foreground);
    }
  /* Printers drop backgrounds unless asked: the word is there anyway. */
  g_string_append (out, ".severity{print-color-adjust:exact;-webkit-print-color-adjust:exact}");
  return g_string_free (out, FALSE);
}

void
_dm_report_html_badge (GString    *out,
                       DmSeverity  severity)
{
  g_string_append_printf (out, "<span class=\"severity %s\">%s</span>", dm_severity_colours (severity)->css_class,
                          dm_severity_to_label (severity));
}

void
_dm_report_html_finding (GString   *out,
                         DmFinding *finding)
{
  g_auto(DmReportFindingText) text = { NULL };

  _dm_report_finding_text_init (&text, finding, dm_report_escape_html);

  g_string_append_printf (out, "<div class=\"finding\"><h4>%s ", text.check);
  _dm_report_html_badge (out, dm_finding_get_severity (finding));
  g_string_append_printf (out, " %s</h4>", text.title);
  g_string_append_printf (out, "<p><strong>%s</strong> <code>%s</code>%s%s</p>", _("Resource:"), text.resource,
                          *text.region ? " · " : "", text.region);
  if (*text.others)
    g_string_append_printf (out, "<p><strong>%s</strong> <code>%s</code></p>", _("Also on:"), text.others);
  if (*text.evidence)
    g_string_append_printf (out, "<p><strong>%s</strong> %s</p>", _("Evidence:"), text.evidence);
  if (*text.remediation)
    g_string_append_printf (out, "<p><strong>%s</strong> %s</p>", _("Remediation:"), text.remediation);
  g_string_append_printf (out, "<p class=\"muted\">%s %s · %s %s</p></div>\n", _("Controls:"),
                          *text.controls ? text.controls : "–", _("Source:"), text.tool);
}

/* The language the report's words are in: the catalogue's own, so a
 * locale without a translation stays "en". Only letters and hyphens pass. */
const char *
_dm_report_html_lang (void)
{
  /* Translators: your language's code (BCP 47, e.g. "fr" or "pt-BR"), for the reports' lang attribute */
  const char *lang = C_("html lang", "en");

  for (const char *p = lang; *p; p++)
    if (!g_ascii_isalpha (*p) && *p != '-')
      return "en";
  return *lang ? lang : "en";
}

/* The page's head and the summary of the assessment. */
static void
html_summary (DmReport *self,
              GString  *out)
{
  g_autofree char *model_name = dm_report_escape_html (dm_model_get_name (self->model));
  guint with_evidence, customer_layers;

  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", _dm_report_html_lang ());
  /* Self-contained: nothing may be fetched, not even by accident. */
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
  {
    g_autofree char *severity_style = _dm_report_html_severity_style ();

    g_string_append_printf (out, "<title>%s</title>\n<style>%s%s</style>\n</head>\n<body>\n", _("Demarc report"),
                            _dm_report_html_style, severity_style);
  }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");

    g_string_append_printf (out, "<h1>%s</h1>\n<p class=\"muted\">%s · %s · %s</p>\n", _("Shared responsibility report"),
                            model_name, self->redacted ? _("identifiers redacted") : _("identifiers shown"), date);
  }

  html_executive_summary (self, out);
  if (self->diff)
    html_changes (self, out);
  g_string_append_printf (out, "<h3 id=\"counts\">%s</h3>\n<ul class=\"counts\">\n", _("Findings"));
  g_string_append_printf (out, "<li>%s <strong>%u</strong></li>\n", _("Failed findings:"), dm_assessment_get_n_failed (dm_report_get_assessment (self)));
  g_string_append_printf (out, "<li>%s <strong>%u</strong></li>\n", _("Passed findings:"), dm_assessment_get_n_passed (dm_report_get_assessment (self)));
  g_string_append_printf (out, "<li>%s <strong>%u</strong></li>\n", _("Informational findings (never gaps):"),
                          dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_INFORMATIONAL));
  g_string_append_printf (out, "<li>%s <strong>%u</strong></li>\n", _("Suppressed findings (never gaps):"),
                          dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_SUPPRESSED));
  g_string_append_printf (out, "<li>%s <strong>%u</strong></li>\n", _("Findings not mapped to a layer:"),
                          dm_assessment_get_n_unmapped (dm_report_get_assessment (self)));
  g_string_append_printf (out, "<li>%s <strong>%u / %u</strong></li>\n</ul>\n",
                          _("Customer and shared layers with evidence:"), with_evidence, customer_layers);
}

/* The gaps of one service, a line per check: the details are in the
 * ranked list, once. */
static void
html_service_gaps (DmReport  *self,
                   DmService *service,
                   GString   *out)
{
  g_autoptr(GPtrArray) failed = _dm_report_failed_findings (self, service);
  g_autoptr(GPtrArray) groups = dm_finding_groups_new (failed);

  if (groups->len == 0)
    return;
  g_string_append_printf (out, "<p><strong>%s</strong></p>\n<ul class=\"service-gaps\">", _("Gaps:"));
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *title = dm_report_escape_html (dm_finding_group_get_title (group));
      g_autofree char *scope = dm_finding_group_describe_scope (group);

      g_string_append (out, "<li>");
      _dm_report_html_badge (out, dm_finding_group_get_severity (group));
      g_string_append_printf (out, " %s — %s</li>", title, scope);
    }
  g_string_append (out, "</ul>\n");
}

/* A service's section: its diagram beside its layers, then its gaps. */
static void
html_service (DmReport  *self,
              DmService *service,
              GString   *out)
{
  g_autofree char *name = dm_report_escape_html (dm_service_get_name (service));
  g_autofree char *summary = dm_report_escape_html (dm_service_get_summary (service));
  g_autofree char *image = diagram_svg_base64 (self, service);
  g_autofree char *id = dm_report_escape_html (dm_service_get_id (service));

  g_string_append_printf (out, "<section class=\"service\" id=\"service-%s\">\n<h2>%s</h2>\n<p class=\"muted\">%s</p>\n",
                          id, name, summary);
  g_string_append_printf (out, "<div class=\"service-body\"><img class=\"diagram\" alt=\"%s\" src=\"data:image/svg+xml;base64,%s\">\n",
                          name, image);

  g_string_append_printf (out, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Layer"), _("Owner"), _("Status"), _("Failed"));
  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);
      g_autofree char *layer_name = dm_report_escape_html (dm_layer_get_name (layer));
      const char *klass = result->status == DM_LAYER_GAP ? "gap" : result->status == DM_LAYER_OK ? "ok" :
                          result->status == DM_LAYER_NO_DATA ? "no-data" : "muted";

      g_string_append_printf (out, "<tr><td>%s</td><td>%s</td><td class=\"%s\">%s %s", layer_name,
                              dm_model_get_owner_label (self->model, dm_service_get_owner (service, layer)), klass,
                              dm_layer_status_symbol (result->status), _dm_report_status_word (result->status));
      if (result->status == DM_LAYER_GAP)
        {
          g_string_append (out, " ");
          _dm_report_html_badge (out, result->worst);
        }
      g_string_append_printf (out, "</td><td>%u</td></tr>\n", result->failed);
    }
  g_string_append (out, "</table></div>\n");
  html_service_gaps (self, service, out);
  g_string_append (out, "</section>\n");
}

char *
dm_report_to_html (DmReport *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  html_summary (self, out);
  if (self->input_paths->len)
    html_inputs (self, out);

  /* Every finding once: the gaps grouped and ranked, then the rest. */
  html_gaps (self, out);
  html_other_findings (self, out);

  {
    g_autofree char *matrix = matrix_svg_base64 (self);

    g_string_append_printf (out, "<h2 id=\"matrix\">%s</h2>\n<p>%s</p>\n<img class=\"diagram matrix\" alt=\"%s\" src=\"data:image/svg+xml;base64,%s\">\n",
                            _("Who owns what, service by service"),
                            _("⚠ gap, ✓ evidence and no gap, ? no data, for the services in the export."),
                            _("The compare matrix"), matrix);
  }

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      DmService *service = dm_model_get_service (self->model, s);

      if (_dm_report_has_service (self, service))
        html_service (self, service, out);
    }

  g_string_append_printf (out, "<p class=\"muted\">%s</p>\n</body>\n</html>\n",
                          _("Made by Demarc from exported data, offline. Layers without evidence are shown as no data, never as passing."));
  return g_string_free (out, FALSE);
}

gboolean
_dm_report_export_html (const DmExportSubject  *subject,
                        const char             *path,
                        DmReportFormat          format,
                        GError                **error)
{
  return _dm_report_write_text (path, dm_report_to_html (subject->report), error);
}
