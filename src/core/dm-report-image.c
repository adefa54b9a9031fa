/* dm-report-image.c: diagrams and the compare matrix as SVG, PNG or PDF
 *
 * Diagrams are drawn by dm_diagram_paint(), the code that draws the
 * widget, and the matrix by dm_matrix_paint(), the Compare view's; an
 * image is made in memory and written only when all of it was drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dm-diagram-render.h"
#include "dm-matrix-render.h"
#include "dm-report-private.h"

/* --- diagrams ------------------------------------------------------------- */

void
_dm_report_paint_diagram (DmReport  *self,
                          cairo_t   *cr,
                          DmService *service,
                          double     width,
                          double     height)
{
  DmPalette palette;
  DmDiagramState state;

  dm_palette_init (&palette, FALSE);
  dm_diagram_state_init (&state, self->model, service, &palette);
  state.show_legend = TRUE;
  /* A smaller type than on screen: an exported diagram is small
   * (DIAGRAM_WIDTH × DIAGRAM_HEIGHT) and its cells need two lines each. */
  state.font_size = 12;
  if (_dm_report_has_service (self, service))
    state.results = dm_assessment_get_service_results (dm_report_get_assessment (self), service);

  /* A white page: exported images are read on paper and in slides. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  dm_diagram_paint (cr, &state, width, height);
}

/* The services a diagram export shows: one, those in the export, or all. */
static GPtrArray *
diagram_services (DmReport  *self,
                  DmService *service)
{
  GPtrArray *services = g_ptr_array_new ();
  gboolean any = FALSE;

  if (service)
    {
      g_ptr_array_add (services, service);
      return services;
    }
  for (guint i = 0; i < dm_model_get_n_services (self->model); i++)
    if (_dm_report_has_service (self, dm_model_get_service (self->model, i)))
      {
        g_ptr_array_add (services, dm_model_get_service (self->model, i));
        any = TRUE;
      }
  if (!any)
    for (guint i = 0; i < dm_model_get_n_services (self->model); i++)
      g_ptr_array_add (services, dm_model_get_service (self->model, i));
  return services;
}

static void
paint_title (cairo_t    *cr,
             const char *text,
             double      x,
             double      y,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 16");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);   /* plain text, never markup */
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Grid of services, each titled; what SVG and PNG exports of many hold. */
static void
paint_grid (DmReport  *self,
            cairo_t   *cr,
            GPtrArray *services,
            guint      columns)
{
  for (guint i = 0; i < services->len; i++)
    {
      DmService *service = g_ptr_array_index (services, i);
      double x = (i % columns) * DIAGRAM_WIDTH;
      double y = (i / columns) * (DIAGRAM_HEIGHT + 40);

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, DIAGRAM_WIDTH, DIAGRAM_HEIGHT + 40);
      cairo_fill (cr);
      paint_title (cr, dm_service_get_name (service), 16, 10, DIAGRAM_WIDTH - 32);
      cairo_translate (cr, 0, 40);
      _dm_report_paint_diagram (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
      cairo_restore (cr);
    }
}

/**
 * dm_report_get_services:
 *
 * Returns: (transfer container) (element-type DmService): the services in
 *   the export, or every service of the model when nothing was imported
 */
GPtrArray *
dm_report_get_services (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return diagram_services (self, NULL);
}

/**
 * dm_report_paint_service:
 *
 * A titled diagram of @service, fitted into @width × @height: what a
 * printed page shows.
 */
void
dm_report_paint_service (DmReport  *self,
                         cairo_t   *cr,
                         DmService *service,
                         double     width,
                         double     height)
{
  double scale;

  g_return_if_fail (DM_IS_REPORT (self));

  scale = MIN (width / DIAGRAM_WIDTH, height / (DIAGRAM_HEIGHT + 40));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  paint_title (cr, dm_service_get_name (service), 16, 10, DIAGRAM_WIDTH - 32);
  cairo_translate (cr, 0, 40);
  _dm_report_paint_diagram (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_restore (cr);
}

cairo_status_t
_dm_report_write_to_gstring (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  g_string_append_len (closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_WRITE, "%s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

/* A surface that writes @format into @out, or %NULL for a report format. */
static cairo_surface_t *
create_image (DmReportFormat   format,
              GString         *out,
              double           width,
              double           height,
              const char      *path,
              GError         **error)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case DM_REPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (_dm_report_write_to_gstring, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;

    case DM_REPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (_dm_report_write_to_gstring, out, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarc " PACKAGE_VERSION);
      return surface;

    case DM_REPORT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));

    case DM_REPORT_HTML:
    case DM_REPORT_MARKDOWN:
    default:
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: diagrams are exported as SVG, PDF or PNG"), path);
      return NULL;
    }
}

/* Ends the drawing, encodes PNG, and writes the file only when all went well. */
gboolean
_dm_report_finish_image (cairo_t          *cr,
                         cairo_surface_t  *surface,
                         DmReportFormat    format,
                         GString          *out,
                         const char       *path,
                         GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  if (format == DM_REPORT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, _dm_report_write_to_gstring, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, path, error))
    return FALSE;
  return _dm_report_replace_contents (path, out->str, out->len, error);
}

/**
 * dm_report_write_diagram:
 * @service: (nullable): one service, or %NULL for every service in the
 *   export (every service of the model when nothing was imported)
 *
 * SVG (in px) and PNG hold a grid of diagrams; PDF one page per service.
 */
gboolean
dm_report_write_diagram (DmReport        *self,
                         DmService       *service,
                         const char      *path,
                         DmReportFormat   format,
                         GError         **error)
{
  g_autoptr(GPtrArray) services = diagram_services (self, service);
  g_autoptr(GString) out = g_string_new (NULL);
  guint columns = MIN (services->len, 3);
  double width = columns * DIAGRAM_WIDTH;
  double height = ((services->len + columns - 1) / columns) * (DIAGRAM_HEIGHT + 40);
  cairo_surface_t *surface = NULL;
  cairo_t *cr;

  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);

  /* PDF: a page per service; the others: the whole grid. */
  if (format == DM_REPORT_PDF)
    surface = create_image (format, out, DIAGRAM_WIDTH, DIAGRAM_HEIGHT + 40, path, error);
  else
    surface = create_image (format, out, width, height, path, error);
  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  if (format == DM_REPORT_PDF)
    for (guint i = 0; i < services->len; i++)
      {
        g_autoptr(GPtrArray) one = g_ptr_array_new ();

        g_ptr_array_add (one, g_ptr_array_index (services, i));
        paint_grid (self, cr, one, 1);
        cairo_show_page (cr);
      }
  else
    paint_grid (self, cr, services, columns);
  return _dm_report_finish_image (cr, surface, format, out, path, error);
}

/* --- the compare matrix ------------------------------------------------------ */

/**
 * dm_report_paint_matrix:
 * @width: (out): the matrix's width
 * @height: (out): its height
 *
 * The report's services against every layer (see dm_matrix_paint()).
 * With @cr %NULL only measures.
 */
void
dm_report_paint_matrix (DmReport *self,
                        cairo_t  *cr,
                        double   *width,
                        double   *height)
{
  dm_matrix_paint (cr, self->model, cr ? dm_report_get_assessment (self) : NULL, width, height);
}

gboolean
dm_report_write_matrix (DmReport        *self,
                        const char      *path,
                        DmReportFormat   format,
                        GError         **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);

  dm_report_paint_matrix (self, NULL, &width, &height);
  if ((surface = create_image (format, out, width, height, path, error)) == NULL)
    return FALSE;

  cr = cairo_create (surface);
  dm_report_paint_matrix (self, cr, &width, &height);
  return _dm_report_finish_image (cr, surface, format, out, path, error);
}


gboolean
_dm_report_export_diagram (const DmExportSubject  *subject,
                           const char             *path,
                           DmReportFormat          format,
                           GError                **error)
{
  return dm_report_write_diagram (subject->report, subject->service, path, format, error);
}

gboolean
_dm_report_export_matrix (const DmExportSubject  *subject,
                          const char             *path,
                          DmReportFormat          format,
                          GError                **error)
{
  return dm_report_write_matrix (subject->report, path, format, error);
}
