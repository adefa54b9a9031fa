/* dm-report-private.h: what the report writers share
 *
 * The report object's fields, and the helpers each writer (HTML, Markdown,
 * PDF, images, comparisons) needs: escaping, the words and symbols of a
 * status, a finding's text, the failed findings of a service, and the
 * atomic write of a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dm-finding-group.h"
#include "dm-import-summary.h"
#include "dm-report.h"

G_BEGIN_DECLS

struct _DmReport
{
  GObject       parent_instance;

  DmModel      *model;
  DmCatalogue  *catalogue;
  DmImporter   *importer;
  GListModel   *findings;     /* redacted when asked */
  DmAssessment *assessment;
  GPtrArray    *input_paths;  /* char*, redacted when asked */
  GPtrArray    *inputs;       /* DmImportInput*, redacted copies; NULL when not redacted */
  gboolean      redacted;
  DmDiff       *diff;         /* a comparison shown with it, or NULL */
  DmReviewSummary *summary;   /* dm_report_get_summary (), once made */
};

/* A diagram on a page, without its title */
#define DIAGRAM_WIDTH 560.0
#define DIAGRAM_HEIGHT 470.0

/* What an export writes: a report (for a diagram, one service of it, or
 * %NULL for all), or a comparison of two exports read with @model. */
typedef struct
{
  DmReport  *report;
  DmService *service;
  DmDiff    *diff;
  DmModel   *model;
  gboolean   redacted;
} DmExportSubject;

/* A writer of dm-report-export.c's table: writes @path atomically. */
typedef gboolean (*DmExportWriter) (const DmExportSubject  *subject,
                                    const char             *path,
                                    DmReportFormat          format,
                                    GError                **error);

gboolean _dm_report_export_html          (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_markdown      (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_pdf           (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_diagram       (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_matrix        (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_diff_html     (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);
gboolean _dm_report_export_diff_markdown (const DmExportSubject *subject, const char *path, DmReportFormat format, GError **error);

/* A finding's words, each escaped for one target (HTML or Markdown). */
typedef struct
{
  char *check;         /* "" when the finding has none */
  char *title;
  char *resource;
  char *others;        /* the resources beyond its own, or "" */
  char *region;
  char *evidence;
  char *remediation;
  char *controls;      /* joined by ", ", or "" */
  char *reported_by;   /* each tool and file when more than one reported it, or "" */
  char *tool;          /* reported_by, or the one tool */
} DmReportFindingText;

/* dm-report.c: escaping, facts, findings */
char            *_dm_report_make_visible          (const char           *text);
gboolean         _dm_report_has_service           (DmReport             *self,
                                                   DmService            *service);
const char      *_dm_report_status_word           (DmLayerStatus         status);
char            *_dm_report_controls_text         (DmFinding            *finding);
char            *_dm_report_other_resources_text  (DmFinding            *finding);
char            *_dm_report_reported_by_text      (DmFinding            *finding);
void             _dm_report_finding_text_init     (DmReportFindingText  *text,
                                                   DmFinding            *finding,
                                                   char               *(*escape) (const char *));
void             _dm_report_finding_text_clear    (DmReportFindingText  *text);
GPtrArray       *_dm_report_failed_findings       (DmReport             *self,
                                                   DmService            *service);
GPtrArray       *_dm_report_groups                (DmReport             *self,
                                                   gboolean              failed);
char            *_dm_report_group_place           (DmReport             *self,
                                                   DmFindingGroup       *group);
char            *_dm_report_group_place_in        (DmReport             *self,
                                                   DmAssessment         *assessment,
                                                   DmFindingGroup       *group);
char            *_dm_report_input_date            (DmReport             *self,
                                                   guint                 index);
char            *_dm_report_scope_text            (const char * const   *values,
                                                   guint                 max_shown);
void             _dm_report_inputs_total          (DmReport             *self,
                                                   DmImportCounts       *total);
char            *_dm_report_describe_escaped      (const DmImportCounts *counts,
                                                   char               *(*escape) (const char *),
                                                   gboolean              markdown);
gboolean         _dm_report_replace_contents      (const char           *path,
                                                   const char           *data,
                                                   gsize                 length,
                                                   GError              **error);
gboolean         _dm_report_write_text            (const char           *path,
                                                   char                 *text,
                                                   GError              **error);

/* dm-report-image.c: diagrams and the matrix as images */
void             _dm_report_paint_diagram         (DmReport             *self,
                                                   cairo_t              *cr,
                                                   DmService            *service,
                                                   double                width,
                                                   double                height);
cairo_status_t   _dm_report_write_to_gstring      (void                 *closure,
                                                   const unsigned char  *data,
                                                   unsigned int          length);
gboolean         _dm_report_finish_image          (cairo_t              *cr,
                                                   cairo_surface_t      *surface,
                                                   DmReportFormat        format,
                                                   GString              *out,
                                                   const char           *path,
                                                   GError              **error);

/* dm-report-html.c and dm-report-markdown.c: a finding, also in comparisons */
extern const char _dm_report_html_style[];
const char      *_dm_report_html_lang             (void);
char            *_dm_report_html_severity_style   (void);
void             _dm_report_html_badge            (GString              *out,
                                                   DmSeverity            severity);
void             _dm_report_html_finding          (GString              *out,
                                                   DmFinding            *finding);
void             _dm_report_md_finding            (GString              *out,
                                                   DmFinding            *finding);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmReportFindingText, _dm_report_finding_text_clear)

G_END_DECLS
