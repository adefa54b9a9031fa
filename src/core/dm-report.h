/* dm-report.h: reports and diagram exports of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dm-assessment.h"
#include "dm-catalogue.h"
#include "dm-diff.h"
#include "dm-importer.h"
#include "dm-model.h"

G_BEGIN_DECLS

typedef struct _DmReviewSummary DmReviewSummary;

typedef enum
{
  DM_REPORT_HTML,
  DM_REPORT_MARKDOWN,
  DM_REPORT_PDF,
  DM_REPORT_SVG,
  DM_REPORT_PNG,
} DmReportFormat;

/* What an export holds; each kind takes its own formats (see
 * dm_report_export_accepts()). */
typedef enum
{
  DM_REPORT_KIND_REPORT,    /* the full report: .html, .md, .pdf */
  DM_REPORT_KIND_DIAGRAM,   /* service diagrams: .svg, .png, .pdf */
  DM_REPORT_KIND_MATRIX,    /* the compare matrix: .svg, .png, .pdf */
  DM_REPORT_KIND_DIFF,      /* a comparison of two exports: .html, .md */
} DmReportKind;

#define DM_REPORT_ERROR (dm_report_error_quark ())

typedef enum
{
  DM_REPORT_ERROR_FORMAT,
  DM_REPORT_ERROR_WRITE,
} DmReportError;

#define DM_TYPE_REPORT (dm_report_get_type ())
G_DECLARE_FINAL_TYPE (DmReport, dm_report, DM, REPORT, GObject)

GQuark        dm_report_error_quark       (void);
gboolean      dm_report_format_from_path  (const char      *path,
                                           DmReportFormat  *format);
DmReport     *dm_report_new               (DmModel         *model,
                                           DmCatalogue     *catalogue,
                                           DmImporter      *importer,
                                           gboolean         redact);
DmReport     *dm_report_new_for_findings  (DmModel         *model,
                                           DmCatalogue     *catalogue,
                                           DmImporter      *importer,
                                           GListModel      *findings,
                                           gboolean         redact);
DmReport     *dm_report_copy              (DmReport        *self);
DmAssessment *dm_report_get_assessment    (DmReport        *self);
DmReviewSummary *dm_report_get_summary    (DmReport        *self);
GListModel   *dm_report_get_findings      (DmReport        *self);
guint         dm_report_get_n_inputs      (DmReport        *self);
const char   *dm_report_get_input_path    (DmReport        *self,
                                           guint            index);
const DmImportInput *dm_report_get_input  (DmReport        *self,
                                           guint            index);
gboolean      dm_report_get_redacted      (DmReport        *self);
DmImporter   *dm_report_get_importer      (DmReport        *self);
DmModel      *dm_report_get_model         (DmReport        *self);
void          dm_report_set_diff          (DmReport        *self,
                                           DmDiff          *diff);
DmDiff       *dm_report_get_diff          (DmReport        *self);
gboolean      dm_report_export_accepts    (DmReportKind     kind,
                                           const char      *path,
                                           DmReportFormat  *format);
gboolean      dm_report_export            (DmReport        *report,
                                           DmReportKind     kind,
                                           DmService       *service,
                                           const char      *path,
                                           GError         **error);
gboolean      dm_report_export_diff       (DmDiff          *diff,
                                           DmModel         *model,
                                           gboolean         redacted,
                                           const char      *path,
                                           GError         **error);
char         *dm_report_to_html           (DmReport        *self);
char         *dm_report_to_markdown       (DmReport        *self);
gboolean      dm_report_write             (DmReport        *self,
                                           const char      *path,
                                           DmReportFormat   format,
                                           GError         **error);
gboolean      dm_report_write_diagram     (DmReport        *self,
                                           DmService       *service,
                                           const char      *path,
                                           DmReportFormat   format,
                                           GError         **error);
GPtrArray    *dm_report_get_services      (DmReport        *self);
void          dm_report_paint_matrix      (DmReport        *self,
                                           cairo_t         *cr,
                                           double          *width,
                                           double          *height);
gboolean      dm_report_write_matrix      (DmReport        *self,
                                           const char      *path,
                                           DmReportFormat   format,
                                           GError         **error);
void          dm_report_paint_service     (DmReport        *self,
                                           cairo_t         *cr,
                                           DmService       *service,
                                           double           width,
                                           double           height);
char         *dm_report_diff_to_html      (DmDiff          *diff,
                                           DmModel         *model,
                                           gboolean         redacted);
char         *dm_report_diff_to_markdown  (DmDiff          *diff,
                                           DmModel         *model,
                                           gboolean         redacted);
gboolean      dm_report_write_diff        (DmDiff          *diff,
                                           DmModel         *model,
                                           gboolean         redacted,
                                           const char      *path,
                                           DmReportFormat   format,
                                           GError         **error);
char         *dm_report_escape_html       (const char      *text);
char         *dm_report_escape_markdown   (const char      *text);

G_END_DECLS
