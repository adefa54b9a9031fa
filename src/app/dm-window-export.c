/* dm-window-export.c: what the window writes: reports and diagrams,
 * printed pages, the presentation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-presentation.h"
#include "dm-window-private.h"

typedef struct
{
  DmReport  *report;
  DmService *service;   /* for diagrams; NULL for all */
  GFile     *file;
  gboolean   diagram;
  gboolean   matrix;    /* the compare matrix rather than one service */
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->report);
  g_clear_object (&d->file);
  g_free (d);
}

/* The report of what the window shows, or of the model alone; a copy, so
 * a worker can read it while the window does. */
static DmReport *
current_report (DmWindow *self)
{
  if (self->report)
    return dm_report_copy (self->report);
  return dm_report_new (self->model, self->catalogue, NULL, FALSE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  g_autofree char *path = g_file_get_path (d->file);
  DmReportKind kind = d->matrix ? DM_REPORT_KIND_MATRIX : d->diagram ? DM_REPORT_KIND_DIAGRAM : DM_REPORT_KIND_REPORT;
  GError *error = NULL;
  gboolean ok;

  /* The copy's assessment is made here, off the main thread. */
  dm_report_get_assessment (d->report);

  /* The same table as demarc-check decides which writer a name gets. */
  if (path == NULL || !dm_report_export_accepts (kind, path, NULL))
    {
      g_task_return_new_error (task, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT, "%s",
                               kind == DM_REPORT_KIND_REPORT ? _("Choose a file name ending in .html, .md or .pdf")
                                                             : _("Choose a file name ending in .svg, .png or .pdf"));
      return;
    }
  ok = dm_report_export (d->report, kind, d->service, path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (DmWindow     *self,
             GAsyncResult *result,
             gpointer      data)
{
  ExportData *d = data;
  g_autofree char *name = NULL;

  if (!_dm_window_job_finish (self, result, _("Could Not Export")))
    return;
  name = _dm_window_toast_name (d->file);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Exported “%s”"), name));
  self->n_exports++;
}

/**
 * dm_window_export:
 * @file: where to write; the format follows its extension
 * @diagram: the current service's diagram (SVG, PNG or PDF) rather than
 *   a full report (HTML, Markdown or PDF)
 *
 * Writes on a worker thread what the window shows, redacted when it is.
 */
void
dm_window_export (DmWindow *self,
                  GFile    *file,
                  gboolean  diagram)
{
  ExportData *d;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ExportData, 1);
  d->report = current_report (self);
  d->service = diagram ? self->service : NULL;
  d->file = g_object_ref (file);
  d->diagram = diagram;
  /* On the Compare view, the diagram is the matrix. */
  d->matrix = diagram && g_strcmp0 (dm_window_get_visible_view (self), "compare") == 0;
  _dm_window_run_job (self, self->export_cancellable, dm_window_export,
                      d, export_data_free, export_thread, export_done);
}

guint
dm_window_get_n_exports (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), 0);
  return self->n_exports;
}

static void
export_report_chosen (DmWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  dm_window_export (self, files[0], FALSE);
}

static void
export_diagram_chosen (DmWindow  *self,
                       GFile    **files,
                       guint      n_files)
{
  dm_window_export (self, files[0], TRUE);
}

static const DmWindowFilter report_filters[] = {
  { N_("HTML report"), NULL, { "*.html" } },
  { N_("Markdown report"), NULL, { "*.md" } },
  { N_("PDF report"), NULL, { "*.pdf" } },
  { NULL }
};

static const DmWindowFilter diagram_filters[] = {
  { N_("SVG image"), NULL, { "*.svg" } },
  { N_("PNG image"), NULL, { "*.png" } },
  { N_("PDF document"), NULL, { "*.pdf" } },
  { NULL }
};

static const DmWindowChooser report_chooser = {
  N_("Export Report"), N_("_Export"), GTK_FILE_CHOOSER_ACTION_SAVE, FALSE, report_filters, export_report_chosen
};

static const DmWindowChooser diagram_chooser = {
  N_("Export Diagram"), N_("_Export"), GTK_FILE_CHOOSER_ACTION_SAVE, FALSE, diagram_filters, export_diagram_chosen
};

/* Where to write a report (or with @diagram, the diagram shown). */
void
_dm_window_choose_export_file (DmWindow *self,
                               gboolean  diagram)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *suggested = NULL;

  if (diagram)
    suggested = g_strcmp0 (dm_window_get_visible_view (self), "compare") == 0
                ? g_strdup ("compare-matrix.svg")
                : g_strdup_printf ("%s.svg", self->service ? dm_service_get_id (self->service) : "diagram");
  else
    suggested = g_strdup (self->redact ? "demarc-report-redacted.html" : "demarc-report.html");
  /* Reports go with the user's documents, not wherever Demarc was started. */
  folder = g_file_new_for_path (documents && g_file_test (documents, G_FILE_TEST_IS_DIR) ? documents : g_get_home_dir ());
  _dm_window_choose (self, diagram ? &diagram_chooser : &report_chooser, suggested, folder);
}

/* --- printing -------------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                DmReport          *report)
{
  g_autoptr(GPtrArray) services = dm_report_get_services (report);

  gtk_print_operation_set_n_pages (operation, MAX (1, services->len));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              DmReport          *report)
{
  g_autoptr(GPtrArray) services = dm_report_get_services (report);

  if ((guint)page < services->len)
    dm_report_paint_service (report, gtk_print_context_get_cairo_context (context), g_ptr_array_index (services, page),
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/**
 * dm_window_print:
 * @export_pdf: (nullable): write this PDF instead of showing the print
 *   dialog (used by tests)
 *
 * One page per service in the export: its diagram with the statuses.
 */
gboolean
dm_window_print (DmWindow    *self,
                 const char  *export_pdf,
                 GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(DmReport) report = current_report (self);
  GtkPrintOperationResult result;

  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  gtk_print_operation_set_job_name (operation, _("Shared responsibility diagrams"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);

  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* --- presenting ------------------------------------------------------------ */

/**
 * dm_window_present_slides:
 *
 * Opens the presentation of what the window shows, at slide 1: the
 * executive summary.
 *
 * Returns: (transfer none): the presentation window
 */
GtkWindow *
dm_window_present_slides (DmWindow *self)
{
  DmPresentation *presentation;

  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  presentation = dm_presentation_new (GTK_WINDOW (self), self->model, self->report);
  gtk_window_set_application (GTK_WINDOW (presentation), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (presentation));
  return GTK_WINDOW (presentation);
}
