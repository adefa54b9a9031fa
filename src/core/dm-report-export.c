/* dm-report-export.c: which writer a path gets
 *
 * One table of what Demarc writes: for each kind of export (report,
 * diagram, matrix, comparison), the file name endings it takes and the
 * writer each one runs. The window and the CLI both ask it, so a path
 * means the same to both; adding an output format is a writer file and a
 * row here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-report-private.h"

typedef struct
{
  DmReportKind    kind;
  const char     *extensions;   /* lower case, separated by spaces */
  DmReportFormat  format;
  DmExportWriter  write;
} ExportRow;

static const ExportRow exports[] = {
  { DM_REPORT_KIND_REPORT,  ".html .htm",    DM_REPORT_HTML,     _dm_report_export_html },
  { DM_REPORT_KIND_REPORT,  ".md .markdown", DM_REPORT_MARKDOWN, _dm_report_export_markdown },
  { DM_REPORT_KIND_REPORT,  ".pdf",          DM_REPORT_PDF,      _dm_report_export_pdf },
  { DM_REPORT_KIND_DIAGRAM, ".svg",          DM_REPORT_SVG,      _dm_report_export_diagram },
  { DM_REPORT_KIND_DIAGRAM, ".png",          DM_REPORT_PNG,      _dm_report_export_diagram },
  { DM_REPORT_KIND_DIAGRAM, ".pdf",          DM_REPORT_PDF,      _dm_report_export_diagram },
  { DM_REPORT_KIND_MATRIX,  ".svg",          DM_REPORT_SVG,      _dm_report_export_matrix },
  { DM_REPORT_KIND_MATRIX,  ".png",          DM_REPORT_PNG,      _dm_report_export_matrix },
  { DM_REPORT_KIND_MATRIX,  ".pdf",          DM_REPORT_PDF,      _dm_report_export_matrix },
  { DM_REPORT_KIND_DIFF,    ".html .htm",    DM_REPORT_HTML,     _dm_report_export_diff_html },
  { DM_REPORT_KIND_DIFF,    ".md .markdown", DM_REPORT_MARKDOWN, _dm_report_export_diff_markdown },
};

/* Whether @path (any case) ends in one of @row's extensions. */
static gboolean
row_matches (const ExportRow *row,
             const char      *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_auto(GStrv) extensions = g_strsplit (row->extensions, " ", -1);

  for (guint i = 0; extensions[i]; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static const ExportRow *
row_for_path (DmReportKind  kind,
              const char   *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (exports[i].kind == kind && row_matches (&exports[i], path))
      return &exports[i];
  return NULL;
}

static const ExportRow *
row_for_format (DmReportKind   kind,
                DmReportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (exports[i].kind == kind && exports[i].format == format)
      return &exports[i];
  return NULL;
}

/* What a @kind is written as, said when a path or format is refused. */
static void
set_refusal (DmReportKind   kind,
             const char    *path,
             GError       **error)
{
  switch (kind)
    {
    case DM_REPORT_KIND_REPORT:
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: reports are written as HTML, Markdown or PDF"), path);
      break;

    case DM_REPORT_KIND_DIFF:
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: comparisons are written as HTML or Markdown"), path);
      break;

    case DM_REPORT_KIND_DIAGRAM:
    case DM_REPORT_KIND_MATRIX:
    default:
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: diagrams are exported as SVG, PDF or PNG"), path);
      break;
    }
}

static gboolean
run (const ExportRow        *row,
     DmReportKind            kind,
     const DmExportSubject  *subject,
     const char             *path,
     GError                **error)
{
  if (row == NULL)
    {
      set_refusal (kind, path, error);
      return FALSE;
    }
  return row->write (subject, path, row->format, error);
}

/**
 * dm_report_format_from_path:
 *
 * Returns: whether @path ends in an extension some export takes (any
 *   case); @format is then the format it names
 */
gboolean
dm_report_format_from_path (const char     *path,
                            DmReportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (row_matches (&exports[i], path))
      {
        *format = exports[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * dm_report_export_accepts:
 * @format: (out) (optional): the format @path is written in
 *
 * Returns: whether an export of @kind may be written to @path: a report
 *   to .html, .md or .pdf; a diagram or the matrix to .svg, .png or .pdf;
 *   a comparison to .html or .md
 */
gboolean
dm_report_export_accepts (DmReportKind    kind,
                          const char     *path,
                          DmReportFormat *format)
{
  const ExportRow *row = row_for_path (kind, path);

  if (row && format)
    *format = row->format;
  return row != NULL;
}

/**
 * dm_report_export:
 * @kind: a report, a diagram or the matrix (a comparison goes to
 *   dm_report_export_diff())
 * @service: (nullable): for a diagram, one service; %NULL for every
 *   service in the export
 *
 * Writes @report to @path, in the format its name ends in, atomically: a
 * failed export leaves whatever was at @path. A path @kind does not take
 * (see dm_report_export_accepts()) is a %DM_REPORT_ERROR_FORMAT.
 */
gboolean
dm_report_export (DmReport      *report,
                  DmReportKind   kind,
                  DmService     *service,
                  const char    *path,
                  GError       **error)
{
  DmExportSubject subject = { .report = report, .service = service };

  g_return_val_if_fail (DM_IS_REPORT (report), FALSE);
  g_return_val_if_fail (kind != DM_REPORT_KIND_DIFF, FALSE);

  return run (row_for_path (kind, path), kind, &subject, path, error);
}

/**
 * dm_report_export_diff:
 * @redacted: whether the findings were redacted (only said in the report)
 *
 * dm_report_export() for %DM_REPORT_KIND_DIFF: a comparison of two
 * exports, as .html or .md.
 */
gboolean
dm_report_export_diff (DmDiff      *diff,
                       DmModel     *model,
                       gboolean     redacted,
                       const char  *path,
                       GError     **error)
{
  DmExportSubject subject = { .diff = diff, .model = model, .redacted = redacted };

  return run (row_for_path (DM_REPORT_KIND_DIFF, path), DM_REPORT_KIND_DIFF, &subject, path, error);
}

/**
 * dm_report_write:
 *
 * Writes the full report: HTML (one self-contained file), Markdown or PDF.
 */
gboolean
dm_report_write (DmReport        *self,
                 const char      *path,
                 DmReportFormat   format,
                 GError         **error)
{
  DmExportSubject subject = { .report = self };

  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);

  return run (row_for_format (DM_REPORT_KIND_REPORT, format), DM_REPORT_KIND_REPORT, &subject, path, error);
}

gboolean
dm_report_write_diff (DmDiff          *diff,
                      DmModel         *model,
                      gboolean         redacted,
                      const char      *path,
                      DmReportFormat   format,
                      GError         **error)
{
  DmExportSubject subject = { .diff = diff, .model = model, .redacted = redacted };

  return run (row_for_format (DM_REPORT_KIND_DIFF, format), DM_REPORT_KIND_DIFF, &subject, path, error);
}
