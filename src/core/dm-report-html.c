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
  ".finding p{margin:.25rem 0}code{font-family:monospace;overflow-wrap:anywhere}"
  "img.diagram{max-width:100%;height:auto;border:1px solid #deddda}"
  "section.service{break-before:page}"
  /* No page size: the reader's paper, A4 or Letter, decides. */
  "@page{margin:18mm}"
  "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}";

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

void
_dm_report_html_finding (GString   *out,
                         DmFinding *finding)
{
  g_auto(DmReportFindingText) text = { NULL };

  _dm_report_finding_text_init (&text, finding, dm_report_escape_html);

  g_string_append_printf (out, "<div class=\"finding\"><h4>%s <span class=\"gap\">%s</span> %s</h4>",
                          text.check, dm_severity_to_string (dm_finding_get_severity (finding)), text.title);
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
  g_string_append_printf (out, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", _("Demarc report"), _dm_report_html_style);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");

    g_string_append_printf (out, "<h1>%s</h1>\n<p class=\"muted\">%s · %s · %s</p>\n", _("Shared responsibility report"),
                            model_name, self->redacted ? _("identifiers redacted") : _("identifiers shown"), date);
  }

  g_string_append_printf (out, "<h2 id=\"summary\">%s</h2>\n<ul>\n", _("Summary"));
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

/* A service's section: its diagram, its layers, its gaps. */
static void
html_service (DmReport  *self,
              DmService *service,
              GString   *out)
{
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *image = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) no_data = g_string_new (NULL);

  name = dm_report_escape_html (dm_service_get_name (service));
  summary = dm_report_escape_html (dm_service_get_summary (service));
  image = diagram_svg_base64 (self, service);
  id = dm_report_escape_html (dm_service_get_id (service));
  g_string_append_printf (out, "<section class=\"service\" id=\"service-%s\">\n<h2>%s</h2>\n<p>%s</p>\n",
                          id, name, summary);
  g_string_append_printf (out, "<img class=\"diagram\" alt=\"%s\" src=\"data:image/svg+xml;base64,%s\">\n",
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
        g_string_append_printf (out, " (%s)", dm_severity_to_string (result->worst));
      g_string_append_printf (out, "</td><td>%u</td></tr>\n", result->failed);
      if (result->status == DM_LAYER_NO_DATA)
        g_string_append_printf (no_data, "<li>%s</li>", layer_name);
    }
  g_string_append (out, "</table>\n");

  if (no_data->len)
    g_string_append_printf (out, "<p class=\"no-data\">%s</p><ul>%s</ul>\n",
                            _("No data: nothing in the export covers these layers, so they are not known to be safe."),
                            no_data->str);

  g_string_append_printf (out, "<h3>%s</h3>\n", _("Gaps"));
  {
    g_autoptr(GPtrArray) gaps = _dm_report_failed_findings (self, service);

    for (guint i = 0; i < gaps->len; i++)
      _dm_report_html_finding (out, g_ptr_array_index (gaps, i));
  }
  g_string_append (out, "</section>\n");
}

char *
dm_report_to_html (DmReport *self)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) unmapped = NULL;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  html_summary (self, out);
  if (self->input_paths->len)
    html_inputs (self, out);

  {
    g_autofree char *matrix = matrix_svg_base64 (self);

    g_string_append_printf (out, "<h2 id=\"matrix\">%s</h2>\n<p>%s</p>\n<img class=\"diagram\" alt=\"%s\" src=\"data:image/svg+xml;base64,%s\">\n",
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

  unmapped = _dm_report_failed_findings (self, NULL);
  if (unmapped->len)
    {
      g_string_append_printf (out, "<section id=\"unmapped\">\n<h2>%s</h2>\n<p>%s</p>\n", _("Unmapped findings"),
                              _("Failed findings Demarc could not place on a service layer; they are listed, not dropped."));
      for (guint i = 0; i < unmapped->len; i++)
        _dm_report_html_finding (out, g_ptr_array_index (unmapped, i));
      g_string_append (out, "</section>\n");
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
