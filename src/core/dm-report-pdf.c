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
#include "dm-review-summary.h"

#define PAGE_WIDTH 595.0    /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN 48.0

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    pages;
  double   left;       /* where text starts */
  double   width;      /* of text */
} Pdf;

static void
pdf_new_page (Pdf *pdf)
{
  cairo_show_page (pdf->cr);
  pdf->pages++;
  pdf->y = MARGIN;
}

/* A layout of plain text @width wide; pango_layout_set_text never reads
 * markup. */
static PangoLayout *
pdf_layout (Pdf        *pdf,
            const char *text,
            const char *font,
            double      width)
{
  g_autofree char *visible = _dm_report_make_visible (text);
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, visible, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return height / (double)PANGO_SCALE;
}

static void
pdf_show (Pdf         *pdf,
          PangoLayout *layout,
          double       x,
          double       y)
{
  cairo_set_source_rgb (pdf->cr, 0.14, 0.12, 0.19);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Starts a new page unless @height fits below the pen. */
static void
pdf_need (Pdf    *pdf,
          double  height)
{
  if (pdf->y + height > PAGE_HEIGHT - MARGIN && pdf->y > MARGIN)
    pdf_new_page (pdf);
}

/* Plain text only: pango_layout_set_text never reads markup. */
static void
pdf_indented (Pdf        *pdf,
              const char *text,
              const char *font,
              double      indent,
              double      space_after)
{
  PangoLayout *layout = pdf_layout (pdf, text, font, pdf->width - indent);
  double height = layout_height (layout);

  pdf_need (pdf, height);
  pdf_show (pdf, layout, pdf->left + indent, pdf->y);
  pdf->y += height + space_after;
  g_object_unref (layout);
}

static void
pdf_text (Pdf        *pdf,
          const char *text,
          const char *font,
          double      space_after)
{
  pdf_indented (pdf, text, font, 0, space_after);
}

static void
set_source_hex (cairo_t    *cr,
                const char *hex)
{
  guint rgb = (guint)g_ascii_strtoull (hex + 1, NULL, 16);

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

#define BADGE_WIDTH 62.0

/* The severity's word on its colour, @height high at (@x, @y): the one
 * scale of dm_severity_colours(), never colour alone. */
static void
pdf_badge_sized (Pdf        *pdf,
                 DmSeverity  severity,
                 const char *font,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  const DmSeverityColours *colours = dm_severity_colours (severity);
  PangoLayout *layout = pdf_layout (pdf, dm_severity_to_label (severity), font, width);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_source_hex (pdf->cr, colours->background);
  cairo_rectangle (pdf->cr, x, y, width, height);
  cairo_fill (pdf->cr);
  set_source_hex (pdf->cr, colours->foreground);
  cairo_move_to (pdf->cr, x, y + (height - layout_height (layout)) / 2);
  pango_cairo_show_layout (pdf->cr, layout);
  g_object_unref (layout);
}

static void
pdf_badge (Pdf        *pdf,
           DmSeverity  severity,
           double      x,
           double      y,
           double      height)
{
  pdf_badge_sized (pdf, severity, "Sans Bold 6", x, y, BADGE_WIDTH, height);
}

/* A badge, then @text beside it, wrapped; returns nothing, moves the pen. */
static void
pdf_badge_line (Pdf        *pdf,
                DmSeverity  severity,
                const char *text,
                const char *font,
                double      indent,
                double      space_after)
{
  PangoLayout *layout = pdf_layout (pdf, text, font, pdf->width - indent - BADGE_WIDTH - 6);
  double height = MAX (layout_height (layout), 11);

  pdf_need (pdf, height);
  pdf_badge (pdf, severity, pdf->left + indent, pdf->y, 11);
  pdf_show (pdf, layout, pdf->left + indent + BADGE_WIDTH + 6, pdf->y);
  pdf->y += height + space_after;
  g_object_unref (layout);
}

/* --- page 1: the executive summary -------------------------------------- */

static void
pdf_scope (DmReport        *self,
           DmReviewSummary *summary,
           Pdf             *pdf)
{
  const char * const *accounts = dm_review_summary_get_accounts (summary);
  const char * const *regions = dm_review_summary_get_regions (summary);
  g_autofree char *account_text = _dm_report_scope_text (accounts, 4);
  g_autofree char *region_text = _dm_report_scope_text (regions, 6);
  g_autofree char *line = NULL;
  g_autofree char *counts = dm_import_counts_describe (dm_review_summary_get_counts (summary));

  line = g_strdup_printf ("%s %u · %s", _("Accounts:"), g_strv_length ((char **)accounts), account_text);
  pdf_text (pdf, line, "Sans 9", 1);
  g_free (line);
  line = g_strdup_printf ("%s %u · %s", _("Regions:"), g_strv_length ((char **)regions), region_text);
  pdf_text (pdf, line, "Sans 9", 1);
  for (guint i = 0; i < dm_review_summary_get_n_sources (summary); i++)
    {
      const DmReviewSource *source = dm_review_summary_get_source (summary, i);
      g_autofree char *tools = g_strjoinv (", ", (char **)source->tools);
      g_autofree char *date = _dm_report_input_date (self, i);
      g_autofree char *file = g_strdup_printf ("%s %s · %s · %s %s · %" G_GUINT64_FORMAT " %s%s%s", _("File:"), source->path,
                                               source->format, _("tools:"), *tools ? tools : "–", source->items, g_dngettext (GETTEXT_PACKAGE, "item", "items", (gulong)MIN (source->items, G_MAXULONG)),
                                               date ? " · " : "", date ? date : "");

      pdf_text (pdf, file, "Sans 9", 1);
    }
  g_free (line);
  line = g_strdup_printf ("%s %s", _("Read:"), counts);
  pdf_text (pdf, line, "Sans 9", 8);
}

/* One cell of the severity table. */
static void
pdf_cell (Pdf            *pdf,
          const char     *text,
          const char     *font,
          double          x,
          double          y,
          double          width,
          double          height,
          PangoAlignment  alignment)
{
  PangoLayout *layout = pdf_layout (pdf, text, font, width - 4);

  pango_layout_set_alignment (layout, alignment);
  cairo_set_source_rgb (pdf->cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_rectangle (pdf->cr, x, y, width, height);
  cairo_stroke (pdf->cr);
  pdf_show (pdf, layout, x + 2, y + 2);
  g_object_unref (layout);
}

/* The severities that are columns: every one but "unknown", which shows
 * only when a failed finding has it. */
static guint
severity_columns (DmReviewSummary *summary,
                  DmSeverity       columns[DM_SEVERITY_CRITICAL + 1])
{
  guint n = 0;

  for (int s = DM_SEVERITY_CRITICAL; s >= DM_SEVERITY_UNKNOWN; s--)
    if (s != DM_SEVERITY_UNKNOWN || dm_review_summary_get_n_failed (summary, s) > 0)
      columns[n++] = s;
  return n;
}

/* Failed findings of the row's layer (@row < n_columns), of no layer, or
 * of all (the totals' row), at @severity or at any (-1). */
static guint
severity_table_count (DmReviewSummary *summary,
                      guint            row,
                      gboolean         unplaced,
                      int              severity)
{
  guint n_columns = dm_review_summary_get_n_columns (summary);
  guint n = 0;

  for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    if (severity < 0 || s == severity)
      n += row < n_columns ? dm_review_summary_get_cell (summary, s, row)
           : row == n_columns && unplaced ? dm_review_summary_get_unplaced (summary, s)
           : dm_review_summary_get_n_failed (summary, s);
  return n;
}

#define LABEL_MIN_WIDTH 130.0

static double
widest_severity (Pdf        *pdf,
                 const char *font)
{
  double widest = 0;

  for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    {
      PangoLayout *layout = pdf_layout (pdf, dm_severity_to_label (s), font, -1);
      int width, height;

      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &width, &height);
      widest = MAX (widest, width / (double)PANGO_SCALE);
      g_object_unref (layout);
    }
  return widest;
}

/* The severity columns' width and their badges' font: each severity's
 * word on one line, in any language, leaving the layers' names at least
 * LABEL_MIN_WIDTH. */
static double
severity_column_width (Pdf    *pdf,
                       guint   n_columns,
                       char  **font)
{
  double room = (PAGE_WIDTH - 2 * MARGIN - LABEL_MIN_WIDTH) / n_columns;

  for (double size = 6; size > 4.4; size -= 0.5)
    {
      g_autofree char *candidate = g_strdup_printf ("Sans Bold %.1f", size);
      double width = widest_severity (pdf, candidate) + 6;

      if (width <= room || size < 4.9)
        {
          *font = g_steal_pointer (&candidate);
          return MAX (MIN (width, room), 40);
        }
    }
  g_assert_not_reached ();
}

static void
pdf_severity_row (Pdf              *pdf,
                  DmReviewSummary  *summary,
                  guint             row,
                  gboolean          unplaced,
                  const DmSeverity *columns,
                  guint             n_severities,
                  double            label_width,
                  double            column_width)
{
  guint n_rows = dm_review_summary_get_n_columns (summary) + (unplaced ? 1 : 0);
  gboolean total = row == n_rows;
  const char *label = row < dm_review_summary_get_n_columns (summary)
                      ? dm_layer_get_name (dm_review_summary_get_column (summary, row))
                      : total ? _("Total") : _("No layer");
  PangoLayout *layout = pdf_layout (pdf, label, total ? "Sans Bold 7" : "Sans 7", label_width - 4);
  double height = MAX (13, layout_height (layout) + 4);
  double x = MARGIN + label_width;

  g_object_unref (layout);
  pdf_need (pdf, height);
  pdf_cell (pdf, label, total ? "Sans Bold 7" : "Sans 7", MARGIN, pdf->y, label_width, height, PANGO_ALIGN_LEFT);
  for (guint c = 0; c <= n_severities; c++, x += column_width)
    {
      guint n = severity_table_count (summary, row, unplaced, c < n_severities ? (int)columns[c] : -1);
      g_autofree char *text = n ? g_strdup_printf ("%u", n) : g_strdup ("–");

      pdf_cell (pdf, text, total || c == n_severities ? "Sans Bold 7" : "Sans 7", x, pdf->y, column_width, height,
                PANGO_ALIGN_RIGHT);
    }
  pdf->y += height;
}

/* Failed findings by customer layer (rows) and severity (columns, worst
 * first): the layers' names need a line each, which eleven columns across
 * an A4 page could only give by cutting words. */
static void
pdf_severity_table (DmReviewSummary *summary,
                    Pdf             *pdf)
{
  DmSeverity columns[DM_SEVERITY_CRITICAL + 1];
  guint n_severities = severity_columns (summary, columns);
  guint n_rows = dm_review_summary_get_n_columns (summary);
  gboolean unplaced = FALSE;
  g_autofree char *font = NULL;
  double column_width = severity_column_width (pdf, n_severities + 1, &font);
  double label_width, x;

  for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
    unplaced |= dm_review_summary_get_unplaced (summary, s) > 0;
  label_width = PAGE_WIDTH - 2 * MARGIN - (n_severities + 1) * column_width;

  pdf_need (pdf, 13 * 4);
  pdf_cell (pdf, _("Failed findings"), "Sans Bold 7", MARGIN, pdf->y, label_width, 13, PANGO_ALIGN_LEFT);
  x = MARGIN + label_width;
  for (guint c = 0; c < n_severities; c++, x += column_width)
    pdf_badge_sized (pdf, columns[c], font, x + 1, pdf->y + 1, column_width - 2, 11);
  pdf_cell (pdf, _("Total"), "Sans Bold 7", x, pdf->y, column_width, 13, PANGO_ALIGN_RIGHT);
  pdf->y += 13;

  for (guint r = 0; r <= n_rows + (unplaced ? 1 : 0); r++)
    pdf_severity_row (pdf, summary, r, unplaced, columns, n_severities, label_width, column_width);
  pdf->y += 10;
}

/* "Title — 3 resources in 2 regions · Amazon EBS · Server-side encryption" */
static char *
group_line (DmReport       *self,
            DmFindingGroup *group)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *place = _dm_report_group_place (self, group);

  return g_strdup_printf ("%s — %s · %s", dm_finding_group_get_title (group), scope, place);
}

static void
pdf_top_risks (DmReport        *self,
               DmReviewSummary *summary,
               Pdf             *pdf)
{
  GPtrArray *risks = dm_review_summary_get_top_risks (summary);

  if (risks->len == 0)
    {
      pdf_text (pdf, _("No failed finding: no risk to rank."), "Sans 10", 10);
      return;
    }
  pdf_text (pdf, _("Top risks, and what to do"), "Sans Bold 12", 4);
  for (guint i = 0; i < risks->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (risks, i);
      const char *remediation = dm_finding_group_get_remediation (group);
      g_autofree char *line = group_line (self, group);
      g_autofree char *todo = g_strdup_printf ("%s %s", _("What to do:"),
                                               remediation && *remediation ? remediation : _("No remediation in the export."));

      pdf_badge_line (pdf, dm_finding_group_get_severity (group), line, "Sans Bold 9", 0, 1);
      pdf_indented (pdf, todo, "Sans 8", BADGE_WIDTH + 6, 4);
    }
  pdf->y += 6;
}

/* One kind of change, a line per check, worst first. */
static void
pdf_change_groups (DmReport   *self,
                   DmChange    change,
                   const char *heading,
                   Pdf        *pdf)
{
  g_autoptr(GPtrArray) groups = dm_diff_get_groups (self->diff, change);

  pdf_text (pdf, heading, "Sans Bold 10", 3);
  if (groups->len == 0)
    pdf_text (pdf, _("None."), "Sans 9", 4);
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *line = group_line (self, group);

      pdf_badge_line (pdf, dm_finding_group_get_severity (group), line, "Sans 9", 0, 1);
    }
  pdf->y += 4;
}

/* With a comparison: both sides by file and date, the gaps opened worst
 * first, those fixed, and how many stayed, as the HTML report has it. */
static void
pdf_changes (DmReport *self,
             Pdf      *pdf)
{
  const char *old_label = dm_diff_get_old_label (self->diff);
  const char *new_label = dm_diff_get_new_label (self->diff);
  g_autofree char *sides = NULL;
  g_autofree char *counts = NULL;
  DmChangeCounts totals;

  dm_diff_get_totals (self->diff, &totals);
  sides = g_strdup_printf ("%s %s\n%s %s", _("Older export:"), old_label ? old_label : _("the older export"),
                           _("This export:"), new_label ? new_label : _("this export"));
  counts = g_strdup_printf ("%s %u · %s %u · %s %u", _("Gaps opened:"), totals.opened, _("Gaps fixed:"), totals.closed,
                            _("Still failing:"), totals.unchanged);
  pdf_text (pdf, _("Changes since the older export"), "Sans Bold 12", 4);
  pdf_text (pdf, sides, "Sans 9", 2);
  pdf_text (pdf, counts, "Sans 9", 6);
  pdf_change_groups (self, DM_CHANGE_OPENED, _("Gaps opened, worst first"), pdf);
  pdf_change_groups (self, DM_CHANGE_CLOSED, _("Gaps fixed"), pdf);
}

/* The first page: the title, the summary and the inputs. */
static void
pdf_summary (DmReport *self,
             Pdf      *pdf)
{
  g_autofree char *summary = NULL;
  guint with_evidence, customer_layers;
  DmReviewSummary *review = dm_report_get_summary (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", dm_model_get_name (self->model),
                                               self->redacted ? _("identifiers redacted") : _("identifiers shown"), date);

  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  pdf_text (pdf, _("Shared responsibility report"), "Sans Bold 20", 4);
  pdf_text (pdf, subtitle, "Sans 9", 12);
  pdf_text (pdf, _("Executive summary"), "Sans Bold 14", 6);
  pdf_scope (self, review, pdf);
  pdf_severity_table (review, pdf);
  pdf_top_risks (self, review, pdf);
  summary = g_strdup_printf (_("%u failed, %u passed, %u informational, %u suppressed, %u not mapped to a layer; "
                               "evidence for %u of %u customer and shared layers."),
                             dm_assessment_get_n_failed (dm_report_get_assessment (self)), dm_assessment_get_n_passed (dm_report_get_assessment (self)),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_INFORMATIONAL),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_SUPPRESSED),
                             dm_assessment_get_n_unmapped (dm_report_get_assessment (self)), with_evidence, customer_layers);
  pdf_text (pdf, summary, "Sans 9", 10);
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

/* --- the gaps, one line per check, worst first -------------------------- */

static void
pdf_gaps (DmReport  *self,
          GPtrArray *groups,
          Pdf       *pdf)
{
  pdf_new_page (pdf);
  pdf_text (pdf, _("Gaps, worst first"), "Sans Bold 16", 4);
  if (groups->len == 0)
    {
      pdf_text (pdf, _("No failed finding."), "Sans 10", 6);
      return;
    }
  pdf_text (pdf, _("One line per check, the worst first; the appendix lists each check's findings and what to do."),
            "Sans 8", 8);
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *scope = dm_finding_group_describe_scope (group);
      g_autofree char *line = g_strdup_printf ("%s — %s", dm_finding_group_get_title (group), scope);

      /* Where it sits and what to do are in the appendix, with its findings. */
      pdf_badge_line (pdf, dm_finding_group_get_severity (group), line, "Sans 7.5", 0, 2);
    }
}

/* --- services, three to a page ------------------------------------------ */

#define SERVICES_PER_PAGE 3

/* A service's block: its diagram on the left half, its customer and
 * shared layers' statuses beside it. */
static void
pdf_service (DmReport  *self,
             DmService *service,
             Pdf       *pdf)
{
  double block = (PAGE_HEIGHT - 2 * MARGIN) / SERVICES_PER_PAGE;
  double scale = MIN ((PAGE_WIDTH - 2 * MARGIN) * 0.55 / DIAGRAM_WIDTH, (block - 26) / DIAGRAM_HEIGHT);
  double top, x = MARGIN + DIAGRAM_WIDTH * scale + 10, y;

  pdf_need (pdf, block);
  top = pdf->y;
  pdf_text (pdf, dm_service_get_name (service), "Sans Bold 11", 3);
  y = pdf->y;
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN, y);
  cairo_scale (pdf->cr, scale, scale);
  _dm_report_paint_diagram (self, pdf->cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_restore (pdf->cr);

  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);
      g_autofree char *line = NULL;
      PangoLayout *layout;

      if (result->status == DM_LAYER_PROVIDER || result->status == DM_LAYER_NOT_APPLICABLE)
        continue;
      if (result->status == DM_LAYER_GAP)
        line = g_strdup_printf ("%s %s: %s, %u %s", dm_layer_status_symbol (result->status), dm_layer_get_name (layer),
                                _dm_report_status_word (result->status), result->failed, _("failed"));
      else
        line = g_strdup_printf ("%s %s: %s", dm_layer_status_symbol (result->status), dm_layer_get_name (layer),
                                result->status == DM_LAYER_NO_DATA ? _("no data, not known to be safe")
                                                                   : _dm_report_status_word (result->status));
      if (result->status == DM_LAYER_GAP)
        pdf_badge (pdf, result->worst, x, y, 10);
      layout = pdf_layout (pdf, line, "Sans 6.5", PAGE_WIDTH - MARGIN - x - BADGE_WIDTH - 4);
      pdf_show (pdf, layout, x + BADGE_WIDTH + 4, y);
      y += MAX (layout_height (layout), 10) + 2;
      g_object_unref (layout);
    }
  pdf->y = top + block;
}

/* --- the appendix: every finding on one compact line -------------------- */

/* A failed check: what to do, then its findings, a line each. */
static void
pdf_appendix_group (DmReport       *self,
                    Pdf            *pdf,
                    DmFindingGroup *group)
{
  GPtrArray *findings = dm_finding_group_get_findings (group);
  const char *check = dm_finding_group_get_check (group);
  const char *remediation = dm_finding_group_get_remediation (group);
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *place = _dm_report_group_place (self, group);
  g_autofree char *heading = g_strdup_printf ("%s — %s%s%s%s", dm_finding_group_get_title (group), scope,
                                              check && *check ? " (" : "", check && *check ? check : "",
                                              check && *check ? ")" : "");
  g_autofree char *todo = g_strdup_printf ("%s · %s %s", place, _("What to do:"),
                                           remediation && *remediation ? remediation : _("No remediation in the export."));

  pdf_need (pdf, 30);
  pdf_badge_line (pdf, dm_finding_group_get_severity (group), heading, "Sans Bold 6.5", 0, 0);
  pdf_indented (pdf, todo, "Sans 6", 12, 1);
  for (guint i = 0; i < findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *others = _dm_report_other_resources_text (finding);
      const char *region = dm_finding_get_region (finding);
      g_autofree char *line = g_strdup_printf ("%s · %s%s%s · %s", dm_severity_to_label (dm_finding_get_severity (finding)),
                                               dm_finding_get_resource (finding), *others ? ", " : "", others,
                                               region && *region ? region : "–");

      pdf_indented (pdf, line, "Sans 6", 12, 0);
    }
  pdf->y += 3;
}

/* Every gap on its own line; what passed (or was informational or
 * suppressed), a line per check: the HTML report lists their resources. */
static void
pdf_appendix (DmReport  *self,
              GPtrArray *groups,
              Pdf       *pdf)
{
  g_autoptr(GPtrArray) others = _dm_report_groups (self, FALSE);
  guint half;

  /* No finding at all: page 1 and the gaps page have said so. */
  if (groups->len == 0 && others->len == 0)
    return;
  pdf_new_page (pdf);
  pdf_text (pdf, _("Appendix: every failed finding"), "Sans Bold 16", 4);
  pdf_text (pdf, _("One line per finding: severity, resource, region; in the order of the gaps."), "Sans 8", 6);
  for (guint i = 0; i < groups->len; i++)
    pdf_appendix_group (self, pdf, g_ptr_array_index (groups, i));
  if (others->len == 0)
    return;
  pdf->y += 6;
  pdf_text (pdf, _("Passed, informational and suppressed findings, by check"), "Sans Bold 11", 2);
  pdf_text (pdf, _("Their resources are listed in the HTML report."), "Sans 8", 4);
  /* Two columns, read down the left one first. */
  half = (others->len + 1) / 2;
  for (guint row = 0; row < half; row++)
    {
      PangoLayout *layouts[2] = { NULL, NULL };
      double height = 0;

      for (guint side = 0; side < 2 && row + side * half < others->len; side++)
        {
          DmFindingGroup *group = g_ptr_array_index (others, row + side * half);
          g_autofree char *scope = dm_finding_group_describe_scope (group);
          g_autofree char *line = g_strdup_printf ("%s · %s — %s", dm_finding_status_to_label (dm_finding_group_get_status (group)),
                                                   dm_finding_group_get_title (group), scope);

          layouts[side] = pdf_layout (pdf, line, "Sans 6", (pdf->width - 12) / 2);
          height = MAX (height, layout_height (layouts[side]));
        }
      pdf_need (pdf, height);
      for (guint side = 0; side < 2 && layouts[side]; side++)
        {
          pdf_show (pdf, layouts[side], pdf->left + side * (pdf->width + 12) / 2, pdf->y);
          g_object_unref (layouts[side]);
        }
      pdf->y += height + 1;
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
  Pdf pdf = { cairo_create (surface), MARGIN, 1, MARGIN, PAGE_WIDTH - 2 * MARGIN };
  g_autoptr(GPtrArray) groups = _dm_report_groups (self, TRUE);
  guint placed = 0;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Shared responsibility report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarc " PACKAGE_VERSION);

  pdf_summary (self, &pdf);
  if (self->diff != NULL)
    pdf_changes (self, &pdf);
  pdf_gaps (self, groups, &pdf);
  pdf_matrix (self, &pdf);
  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    if (_dm_report_has_service (self, dm_model_get_service (self->model, s)))
      {
        if (placed++ % SERVICES_PER_PAGE == 0)
          pdf_new_page (&pdf);
        pdf_service (self, dm_model_get_service (self->model, s), &pdf);
      }
  /* Every failed finding, once, on a compact line. */
  pdf_appendix (self, groups, &pdf);

  cairo_show_page (pdf.cr);
  return _dm_report_finish_image (pdf.cr, surface, DM_REPORT_PDF, out, path, error);
}

