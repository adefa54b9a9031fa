/* dm-report-pdf.c: the report as a PDF on A4 pages
 *
 * Plain text laid out by Pango (never markup), the matrix on a page of its
 * own and a page per service with its diagram and gaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <pango/pangocairo.h>

#include "dm-import-summary.h"
#include "dm-report-private.h"

#define PAGE_WIDTH 595.0    /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN 48.0

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    pages;
} Pdf;

static void
pdf_new_page (Pdf *pdf)
{
  cairo_show_page (pdf->cr);
  pdf->pages++;
  pdf->y = MARGIN;
}

/* Plain text only: pango_layout_set_text never reads markup. */
static void
pdf_text (Pdf        *pdf,
          const char *text,
          const char *font,
          double      space_after)
{
  g_autofree char *visible = _dm_report_make_visible (text);
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int width, height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, visible, -1);
  pango_layout_get_size (layout, &width, &height);

  if (pdf->y + height / (double)PANGO_SCALE > PAGE_HEIGHT - MARGIN && pdf->y > MARGIN)
    pdf_new_page (pdf);

  cairo_set_source_rgb (pdf->cr, 0.14, 0.12, 0.19);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += height / (double)PANGO_SCALE + space_after;
  g_object_unref (layout);
}

static void
pdf_finding (Pdf       *pdf,
             DmFinding *finding)
{
  g_autofree char *heading = g_strdup_printf ("%s %s — %s", dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "",
                                              dm_severity_to_string (dm_finding_get_severity (finding)),
                                              dm_finding_get_title (finding));
  g_autofree char *resource = g_strdup_printf ("%s %s %s", _("Resource:"), dm_finding_get_resource (finding),
                                               dm_finding_get_region (finding));
  g_autofree char *controls_raw = _dm_report_controls_text (finding);

  g_autofree char *others = _dm_report_other_resources_text (finding);
  g_autofree char *reported = _dm_report_reported_by_text (finding);

  pdf_text (pdf, heading, "Sans Bold 10", 2);
  pdf_text (pdf, resource, "Sans 9", 1);
  if (*others)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Also on:"), others);
      pdf_text (pdf, line, "Sans 9", 1);
    }
  if (*reported)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Reported by:"), reported);
      pdf_text (pdf, line, "Sans 9", 1);
    }
  if (*dm_finding_get_evidence (finding))
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Evidence:"), dm_finding_get_evidence (finding));
      pdf_text (pdf, line, "Sans 9", 1);
    }
  if (*dm_finding_get_remediation (finding))
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Remediation:"), dm_finding_get_remediation (finding));
      pdf_text (pdf, line, "Sans 9", 1);
    }
  if (*controls_raw)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", _("Controls:"), controls_raw);
      pdf_text (pdf, line, "Sans 9", 1);
    }
  pdf->y += 8;
}

/* The first page: the title, the summary and the inputs. */
static void
pdf_summary (DmReport *self,
             Pdf      *pdf)
{
  g_autofree char *summary = NULL;
  guint with_evidence, customer_layers;

  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  pdf_text (pdf, _("Shared responsibility report"), "Sans Bold 20", 4);
  pdf_text (pdf, dm_model_get_name (self->model), "Sans 10", 16);
  summary = g_strdup_printf (_("%u failed, %u passed, %u informational, %u suppressed, %u not mapped to a layer; "
                               "evidence for %u of %u customer and shared layers."),
                             dm_assessment_get_n_failed (dm_report_get_assessment (self)), dm_assessment_get_n_passed (dm_report_get_assessment (self)),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_INFORMATIONAL),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_SUPPRESSED),
                             dm_assessment_get_n_unmapped (dm_report_get_assessment (self)), with_evidence, customer_layers);
  pdf_text (pdf, summary, "Sans 11", 12);
  if (self->input_paths->len)
    pdf_text (pdf, _("Inputs"), "Sans Bold 12", 4);
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      const DmImportInput *input = dm_report_get_input (self, i);
      g_autofree char *heading = g_strdup_printf ("%s (%s)", (const char *)g_ptr_array_index (self->input_paths, i),
                                                  input->format);
      g_autofree char *used = NULL;
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      used = dm_import_counts_describe (&counts);
      pdf_text (pdf, heading, "Sans Bold 9", 1);
      if (dm_import_counts_read_nothing (&counts))
        pdf_text (pdf, _("Nothing read from this file."), "Sans Bold 9", 1);
      pdf_text (pdf, used, "Sans 9", 1);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
          g_autofree char *line = g_strdup_printf (_("not read: %" PRIu64 " × %s"), reason->count, reason->reason);

          pdf_text (pdf, line, "Sans 8", 1);
        }
      pdf->y += 4;
    }
  if (self->input_paths->len)
    {
      DmImportCounts total;
      g_autofree char *used = NULL;
      g_autofree char *line = NULL;

      _dm_report_inputs_total (self, &total);
      used = dm_import_counts_describe (&total);
      line = g_strdup_printf ("%s: %s", _("All inputs"), used);
      pdf_text (pdf, line, "Sans Bold 9", 2);
    }
}

/* The matrix, fitted to a page of its own. */
static void
pdf_matrix (DmReport *self,
            Pdf      *pdf)
{
  double width, height, scale;

  dm_report_paint_matrix (self, NULL, &width, &height);
  pdf_new_page (pdf);
  pdf_text (pdf, _("Who owns what, service by service"), "Sans Bold 16", 6);
  scale = MIN ((PAGE_WIDTH - 2 * MARGIN) / width, (PAGE_HEIGHT - pdf->y - MARGIN) / height);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN, pdf->y);
  cairo_scale (pdf->cr, scale, scale);
  dm_report_paint_matrix (self, pdf->cr, &width, &height);
  cairo_restore (pdf->cr);
}

/* A service's page: its diagram, the layers without data, its gaps. */
static void
pdf_service (DmReport  *self,
             DmService *service,
             Pdf       *pdf)
{
  double scale = (PAGE_WIDTH - 2 * MARGIN) / DIAGRAM_WIDTH;

  pdf_new_page (pdf);
  pdf_text (pdf, dm_service_get_name (service), "Sans Bold 16", 6);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN, pdf->y);
  cairo_scale (pdf->cr, scale, scale);
  _dm_report_paint_diagram (self, pdf->cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_restore (pdf->cr);
  pdf->y += DIAGRAM_HEIGHT * scale + 12;

  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);

      if (result->status == DM_LAYER_NO_DATA)
        {
          g_autofree char *line = g_strdup_printf ("%s %s: %s", dm_layer_status_symbol (result->status),
                                                   dm_layer_get_name (layer), _("no data, not known to be safe"));
          pdf_text (pdf, line, "Sans 9", 1);
        }
    }
  pdf->y += 6;

  {
    g_autoptr(GPtrArray) gaps = _dm_report_failed_findings (self, service);

    for (guint i = 0; i < gaps->len; i++)
      pdf_finding (pdf, g_ptr_array_index (gaps, i));
  }
}

gboolean
_dm_report_export_pdf (const DmExportSubject  *subject,
                       const char             *path,
                       DmReportFormat          format,
                       GError                **error)
{
  DmReport *self = subject->report;
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (_dm_report_write_to_gstring, out, PAGE_WIDTH, PAGE_HEIGHT);
  Pdf pdf = { cairo_create (surface), MARGIN, 1 };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Shared responsibility report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarc " PACKAGE_VERSION);

  pdf_summary (self, &pdf);
  pdf_matrix (self, &pdf);
  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    if (_dm_report_has_service (self, dm_model_get_service (self->model, s)))
      pdf_service (self, dm_model_get_service (self->model, s), &pdf);

  {
    g_autoptr(GPtrArray) unmapped = _dm_report_failed_findings (self, NULL);

    if (unmapped->len)
      {
        pdf_new_page (&pdf);
        pdf_text (&pdf, _("Unmapped findings"), "Sans Bold 16", 6);
      }
    for (guint i = 0; i < unmapped->len; i++)
      pdf_finding (&pdf, g_ptr_array_index (unmapped, i));
  }

  cairo_show_page (pdf.cr);
  return _dm_report_finish_image (pdf.cr, surface, DM_REPORT_PDF, out, path, error);
}

