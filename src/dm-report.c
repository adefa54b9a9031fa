/* dm-report.c: reports (HTML, Markdown, PDF) and diagram exports (SVG,
 * PDF, PNG) of an assessment
 *
 * Diagrams are drawn by dm_diagram_paint(), the code that draws the
 * widget. Every string from an export is escaped for its target: HTML
 * entities, Markdown punctuation, plain Pango text in PDF; bidirectional
 * control characters and other controls are shown as code points, so a
 * name cannot reorder or hide the text around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dm-diagram-render.h"
#include "dm-import-summary.h"
#include "dm-redactor.h"
#include "dm-report.h"

struct _DmReport
{
  GObject       parent_instance;

  DmModel      *model;
  DmCatalogue  *catalogue;
  DmImporter   *importer;
  GListModel   *findings;     /* redacted when asked */
  DmAssessment *assessment;
  GPtrArray    *input_paths;  /* char*, redacted when asked */
  gboolean      redacted;
};

G_DEFINE_FINAL_TYPE (DmReport, dm_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-report-error-quark, dm_report_error)

#define DIAGRAM_WIDTH 560.0
#define DIAGRAM_HEIGHT 470.0

static void
dm_report_finalize (GObject *object)
{
  DmReport *self = DM_REPORT (object);

  g_clear_object (&self->model);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->importer);
  g_clear_object (&self->findings);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->input_paths, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_report_parent_class)->finalize (object);
}

static void
dm_report_class_init (DmReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_report_finalize;
}

static void
dm_report_init (DmReport *self)
{
  self->input_paths = g_ptr_array_new_with_free_func (g_free);
}

/**
 * dm_report_new:
 * @importer: (nullable): the imported exports; %NULL for the model alone
 * @redact: replace identifiers with pseudonyms everywhere in the report
 */
DmReport *
dm_report_new (DmModel     *model,
               DmCatalogue *catalogue,
               DmImporter  *importer,
               gboolean     redact)
{
  return dm_report_new_for_findings (model, catalogue, importer,
                                     importer ? dm_importer_get_findings (importer) : NULL, redact);
}

/**
 * dm_report_new_for_findings:
 * @importer: (nullable): where @findings came from, for the inputs' names
 *   and counts; %NULL for the model alone
 * @findings: (nullable): the findings; a worker thread must get a list no
 *   other thread reads (see dm_finding_list_copy())
 * @redact: replace identifiers with pseudonyms everywhere in the report
 */
DmReport *
dm_report_new_for_findings (DmModel     *model,
                            DmCatalogue *catalogue,
                            DmImporter  *importer,
                            GListModel  *findings,
                            gboolean     redact)
{
  DmReport *self = g_object_new (DM_TYPE_REPORT, NULL);
  g_autoptr(DmRedactor) redactor = redact ? dm_redactor_new () : NULL;

  self->model = g_object_ref (model);
  self->catalogue = g_object_ref (catalogue);
  self->importer = importer ? g_object_ref (importer) : NULL;
  self->redacted = redact;

  if (findings == NULL)
    self->findings = G_LIST_MODEL (g_list_store_new (DM_TYPE_FINDING));
  else if (redactor)
    self->findings = dm_redactor_findings (redactor, findings);
  else
    self->findings = g_object_ref (findings);

  for (guint i = 0; importer && i < dm_importer_get_n_inputs (importer); i++)
    {
      const char *path = dm_importer_get_input (importer, i)->path;

      /* Folders name accounts and people: a redacted report keeps the file name only. */
      if (redactor)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_ptr_array_add (self->input_paths, dm_redactor_text (redactor, base));
        }
      else
        g_ptr_array_add (self->input_paths, g_strdup (path));
    }

  self->assessment = dm_assessment_new (model, catalogue, self->findings);
  return self;
}

/**
 * dm_report_copy:
 *
 * Called on the main thread: a report of the same findings that a worker
 * may use while the window goes on reading this one. Its assessment is
 * made by the first dm_report_get_assessment(), in the worker.
 *
 * Returns: (transfer full): the copy
 */
DmReport *
dm_report_copy (DmReport *self)
{
  DmReport *copy;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  copy = g_object_new (DM_TYPE_REPORT, NULL);
  copy->model = g_object_ref (self->model);
  copy->catalogue = g_object_ref (self->catalogue);
  copy->importer = self->importer ? g_object_ref (self->importer) : NULL;
  copy->redacted = self->redacted;
  copy->findings = dm_finding_list_copy (self->findings);
  for (guint i = 0; i < self->input_paths->len; i++)
    g_ptr_array_add (copy->input_paths, g_strdup (g_ptr_array_index (self->input_paths, i)));
  return copy;
}

DmAssessment *
dm_report_get_assessment (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  if (self->assessment == NULL)
    self->assessment = dm_assessment_new (self->model, self->catalogue, self->findings);
  return self->assessment;
}

GListModel *
dm_report_get_findings (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->findings;
}

guint
dm_report_get_n_inputs (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), 0);
  return self->input_paths->len;
}

const char *
dm_report_get_input_path (DmReport *self,
                          guint     index)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->input_paths->len, NULL);
  return g_ptr_array_index (self->input_paths, index);
}

/**
 * dm_report_get_input:
 *
 * Counts and skip reasons of an input; its path is in
 * dm_report_get_input_path(), redacted when the report is.
 */
const DmImportInput *
dm_report_get_input (DmReport *self,
                     guint     index)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->input_paths->len, NULL);
  return dm_importer_get_input (self->importer, index);
}

gboolean
dm_report_get_redacted (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);
  return self->redacted;
}

DmImporter *
dm_report_get_importer (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->importer;
}

DmModel *
dm_report_get_model (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->model;
}

gboolean
dm_report_format_from_path (const char     *path,
                            DmReportFormat *format)
{
  static const struct { const char *suffix; DmReportFormat format; } suffixes[] = {
    { ".html", DM_REPORT_HTML }, { ".htm", DM_REPORT_HTML }, { ".md", DM_REPORT_MARKDOWN },
    { ".markdown", DM_REPORT_MARKDOWN }, { ".pdf", DM_REPORT_PDF }, { ".svg", DM_REPORT_SVG },
    { ".png", DM_REPORT_PNG },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }
  return FALSE;
}

/* --- escaping ------------------------------------------------------------ */

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

/* Valid UTF-8, with controls (but newlines and tabs) and bidi controls
 * shown as [U+XXXX]. */
static char *
make_visible (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || is_bidi_control (c))
        g_string_append_printf (out, "[U+%04X]", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
dm_report_escape_html (const char *text)
{
  g_autofree char *visible = make_visible (text);

  /* Escapes <, >, &, ' and ", so the result is safe in text and in attributes. */
  return g_markup_escape_text (visible, -1);
}

char *
dm_report_escape_markdown (const char *text)
{
  g_autofree char *visible = make_visible (text);
  GString *out = g_string_new (NULL);

  for (const char *p = visible; *p; p++)
    {
      switch (*p)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
        case '(': case ')': case '#': case '+': case '-': case '!': case '|': case '~':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* --- shared facts -------------------------------------------------------- */

static gboolean
service_in_report (DmReport  *self,
                   DmService *service)
{
  return dm_assessment_has_service (dm_report_get_assessment (self), service);
}

static const char *
status_word (DmLayerStatus status)
{
  switch (status)
    {
    case DM_LAYER_GAP: return _("Gap");
    case DM_LAYER_OK: return _("OK");
    case DM_LAYER_NO_DATA: return _("No data");
    case DM_LAYER_PROVIDER: return _("Provider");
    case DM_LAYER_NOT_APPLICABLE:
    default: return _("Not applicable");
    }
}

/* Status by symbol as well as colour. */
static const char *
status_symbol (DmLayerStatus status)
{
  switch (status)
    {
    case DM_LAYER_GAP: return "✖";
    case DM_LAYER_OK: return "✔";
    case DM_LAYER_NO_DATA: return "?";
    case DM_LAYER_PROVIDER: return "▣";
    case DM_LAYER_NOT_APPLICABLE:
    default: return "–";
    }
}

static char *
controls_text (DmFinding *finding)
{
  const char * const *controls = dm_finding_get_controls (finding);

  return g_strjoinv (", ", (char **)controls);
}

/* The resources beyond the finding's own, or "" when it names one. */
static char *
other_resources_text (DmFinding *finding)
{
  const char * const *resources = dm_finding_get_resources (finding);

  return resources[0] && resources[1] ? g_strjoinv (", ", (char **)resources + 1) : g_strdup ("");
}

/* Each tool and file that reported the finding, when more than one did. */
static char *
reported_by_text (DmFinding *finding)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; dm_finding_get_n_origins (finding) > 1 && i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);
      g_autofree char *base = g_path_get_basename (origin.source);

      /* Translators: a tool that reported a finding and its file, e.g. "Prowler (scan.json)" */
      g_string_append_printf (out, _("%s%s (%s)"), i ? ", " : "", origin.tool, base);
    }
  return g_string_free (out, FALSE);
}

static gboolean
finding_in_service (DmReport  *self,
                    DmFinding *finding,
                    DmService *service)
{
  return g_strcmp0 (dm_finding_get_service (finding), dm_service_get_id (service)) == 0 &&
         dm_assessment_get_finding_layer (dm_report_get_assessment (self), finding) != NULL;
}

static int
by_severity (gconstpointer a,
             gconstpointer b)
{
  DmSeverity sa = dm_finding_get_severity (*(DmFinding * const *)a);
  DmSeverity sb = dm_finding_get_severity (*(DmFinding * const *)b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/* Failed findings: a service's, the worst first (in export order within a
 * severity: the sort is stable); or, for %NULL, those on no layer, in
 * export order. */
static GPtrArray *
failed_findings (DmReport  *self,
                 DmService *service)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      DmFinding *finding = g_list_model_get_item (self->findings, i);
      gboolean wanted = service ? finding_in_service (self, finding, service)
                                : dm_assessment_get_finding_layer (dm_report_get_assessment (self), finding) == NULL;

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED && wanted)
        g_ptr_array_add (found, finding);
      else
        g_object_unref (finding);
    }
  if (service)
    g_ptr_array_sort (found, by_severity);
  return found;
}

/* --- diagrams ------------------------------------------------------------- */

static void
paint_service (DmReport  *self,
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
  if (service_in_report (self, service))
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
    if (service_in_report (self, dm_model_get_service (self->model, i)))
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
      paint_service (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
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
  paint_service (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_restore (cr);
}

static void
rounded_rect_path (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static cairo_status_t
write_to_gstring (void                *closure,
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

/* Written next to the target, then renamed: a failed export leaves no
 * half-written file where the old one was. */
static gboolean
replace_contents (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
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
      surface = cairo_svg_surface_create_for_stream (write_to_gstring, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;

    case DM_REPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_gstring, out, width, height);
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
static gboolean
finish_image (cairo_t          *cr,
              cairo_surface_t  *surface,
              DmReportFormat    format,
              GString          *out,
              const char       *path,
              GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  if (format == DM_REPORT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_gstring, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, path, error))
    return FALSE;
  return replace_contents (path, out->str, out->len, error);
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
  return finish_image (cr, surface, format, out, path, error);
}

/* --- the compare matrix ------------------------------------------------------ */

#define MATRIX_NAME_WIDTH 170.0
#define MATRIX_CELL_WIDTH 78.0
#define MATRIX_CELL_HEIGHT 30.0
#define MATRIX_HEADER_HEIGHT 78.0

static void
matrix_text (cairo_t              *cr,
             const char           *text,
             const char           *font,
             const DmColor        *color,
             double                x,
             double                y,
             double                width,
             double                height,
             PangoAlignment        align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int text_width, text_height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_height (layout, (int)(height * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);   /* plain text */
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (cr, x, y + MAX (0, (height - text_height) / 2));
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/**
 * dm_report_paint_matrix:
 * @width: (out): the matrix's width
 * @height: (out): its height
 *
 * Every service against every layer, as the Compare view shows it: owner
 * by colour and by word, shared cells striped, and where an export says
 * something, its status by symbol. With @cr %NULL only measures.
 */
void
dm_report_paint_matrix (DmReport *self,
                        cairo_t  *cr,
                        double   *width,
                        double   *height)
{
  g_autoptr(GPtrArray) services = dm_model_dup_services_by_responsibility (self->model);
  guint n_layers = dm_model_get_n_layers (self->model);
  DmPalette palette;
  double x;

  *width = MATRIX_NAME_WIDTH + n_layers * MATRIX_CELL_WIDTH + 16;
  *height = MATRIX_HEADER_HEIGHT + services->len * MATRIX_CELL_HEIGHT + 16;
  if (cr == NULL)
    return;

  dm_palette_init (&palette, FALSE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, *width, *height);
  cairo_fill (cr);

  /* Bands over their layers, then the layers. */
  x = MATRIX_NAME_WIDTH;
  for (guint b = 0; b < dm_model_get_n_bands (self->model); b++)
    {
      DmBand *band = dm_model_get_band (self->model, b);
      guint n = dm_band_get_n_layers (band);

      matrix_text (cr, dm_band_get_name (band), "Sans Bold 9", &palette.foreground, x, 4, n * MATRIX_CELL_WIDTH, 26,
                   PANGO_ALIGN_CENTER);
      cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.5);
      cairo_rectangle (cr, x + 2, 31, n * MATRIX_CELL_WIDTH - 4, 1);
      cairo_fill (cr);
      for (guint l = 0; l < n; l++)
        matrix_text (cr, dm_layer_get_name (dm_band_get_layer (band, l)), "Sans 7.5", &palette.foreground,
                     x + l * MATRIX_CELL_WIDTH + 2, 34, MATRIX_CELL_WIDTH - 4, MATRIX_HEADER_HEIGHT - 38, PANGO_ALIGN_CENTER);
      x += n * MATRIX_CELL_WIDTH;
    }

  for (guint r = 0; r < services->len; r++)
    {
      DmService *service = g_ptr_array_index (services, r);
      double y = MATRIX_HEADER_HEIGHT + r * MATRIX_CELL_HEIGHT;
      gboolean assessed = service_in_report (self, service);

      matrix_text (cr, dm_service_get_short_name (service), "Sans Bold 9", &palette.foreground, 8, y,
                   MATRIX_NAME_WIDTH - 12, MATRIX_CELL_HEIGHT, PANGO_ALIGN_LEFT);

      x = MATRIX_NAME_WIDTH;
      for (guint b = 0; b < dm_model_get_n_bands (self->model); b++)
        {
          DmBand *band = dm_model_get_band (self->model, b);

          for (guint l = 0; l < dm_band_get_n_layers (band); l++, x += MATRIX_CELL_WIDTH)
            {
              DmLayer *layer = dm_band_get_layer (band, l);
              DmOwner owner = dm_service_get_owner (service, layer);
              g_autofree char *label = NULL;
              const char *word = owner == DM_OWNER_NOT_APPLICABLE ? C_("owner", "n/a")
                                                                 : dm_model_get_owner_label (self->model, owner);

              rounded_rect_path (cr, x + 2, y + 2, MATRIX_CELL_WIDTH - 4, MATRIX_CELL_HEIGHT - 4, 4);
              cairo_set_source_rgba (cr, palette.fill[owner].red, palette.fill[owner].green, palette.fill[owner].blue, 1);
              cairo_fill_preserve (cr);
              /* Shared and not applicable also differ by pattern, not colour alone. */
              if (owner == DM_OWNER_SHARED || owner == DM_OWNER_NOT_APPLICABLE)
                {
                  cairo_save (cr);
                  cairo_clip (cr);
                  cairo_set_source_rgba (cr, 1, 1, 1, 0.25);
                  cairo_set_line_width (cr, 2);
                  for (double d = -MATRIX_CELL_HEIGHT; d < MATRIX_CELL_WIDTH; d += 8)
                    {
                      cairo_move_to (cr, x + d, y + MATRIX_CELL_HEIGHT);
                      cairo_line_to (cr, x + d + MATRIX_CELL_HEIGHT, y);
                    }
                  cairo_stroke (cr);
                  cairo_restore (cr);
                }
              cairo_new_path (cr);

              if (assessed && (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED))
                {
                  const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);

                  label = g_strdup_printf ("%s %s", status_symbol (result->status), word);
                }
              matrix_text (cr, label ? label : word, "Sans Bold 7.5", &palette.on_fill[owner], x + 3, y + 2,
                           MATRIX_CELL_WIDTH - 6, MATRIX_CELL_HEIGHT - 4, PANGO_ALIGN_CENTER);
            }
        }
    }
  cairo_restore (cr);
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
  return finish_image (cr, surface, format, out, path, error);
}

static char *
diagram_svg_base64 (DmReport  *self,
                    DmService *service)
{
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write_to_gstring, out, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
  cairo_t *cr;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  paint_service (self, cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
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
  surface = cairo_svg_surface_create_for_stream (write_to_gstring, out, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  dm_report_paint_matrix (self, cr, &width, &height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_base64_encode ((const guchar *)out->str, out->len);
}

/* --- HTML ---------------------------------------------------------------- */

static const char html_style[] =
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

/* The counts of every input, summed: the "All inputs" line. */
static void
inputs_total (DmReport       *self,
              DmImportCounts *total)
{
  dm_import_counts_init (total, NULL);
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      DmImportCounts counts;

      dm_import_counts_init (&counts, dm_report_get_input (self, i));
      dm_import_counts_add (total, &counts);
    }
}

/* dm_import_counts_describe(), escaped by @escape, lines joined by <br>. */
static char *
describe_escaped (const DmImportCounts *counts,
                  char               *(*escape) (const char *),
                  gboolean              markdown)
{
  g_autofree char *described = dm_import_counts_describe (counts);
  g_auto(GStrv) lines = g_strsplit (described, "\n", -1);
  GString *out = g_string_new (NULL);

  if (dm_import_counts_read_nothing (counts))
    g_string_append_printf (out, markdown ? "**%s**<br>" : "<strong>%s</strong><br>", _("Nothing read from this file."));
  for (guint l = 0; lines[l]; l++)
    {
      g_autofree char *line = escape (lines[l]);

      g_string_append_printf (out, "%s%s", l ? "<br>" : "", line);
    }
  return g_string_free (out, FALSE);
}

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
      used = describe_escaped (&counts, dm_report_escape_html, FALSE);
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
  inputs_total (self, &total);
  total_text = describe_escaped (&total, dm_report_escape_html, FALSE);
  g_string_append_printf (out, "<tr class=\"total\"><th colspan=\"2\">%s</th><td>%s</td><td></td></tr>\n</table>\n",
                          _("All inputs"), total_text);
}

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
      used = describe_escaped (&counts, dm_report_escape_markdown, TRUE);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
          g_autofree char *text = dm_report_escape_markdown (reason->reason);

          g_string_append_printf (reasons, "%s%" G_GUINT64_FORMAT " × %s", r ? "<br>" : "", reason->count, text);
        }
      g_string_append_printf (out, "| %s | %s | %s | %s |\n", path, format, used, reasons->len ? reasons->str : "–");
    }
  inputs_total (self, &total);
  total_text = describe_escaped (&total, dm_report_escape_markdown, TRUE);
  g_string_append_printf (out, "| **%s** | | %s | |\n\n", _("All inputs"), total_text);
}

static void
html_finding (GString   *out,
              DmFinding *finding)
{
  g_autofree char *title = dm_report_escape_html (dm_finding_get_title (finding));
  g_autofree char *resource = dm_report_escape_html (dm_finding_get_resource (finding));
  g_autofree char *evidence = dm_report_escape_html (dm_finding_get_evidence (finding));
  g_autofree char *remediation = dm_report_escape_html (dm_finding_get_remediation (finding));
  g_autofree char *controls_raw = controls_text (finding);
  g_autofree char *controls = dm_report_escape_html (controls_raw);
  g_autofree char *check = dm_report_escape_html (dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "");
  g_autofree char *region = dm_report_escape_html (dm_finding_get_region (finding));
  g_autofree char *reported_raw = reported_by_text (finding);
  g_autofree char *tool = dm_report_escape_html (*reported_raw ? reported_raw : dm_finding_get_tool (finding));
  g_autofree char *others_raw = other_resources_text (finding);
  g_autofree char *others = dm_report_escape_html (others_raw);

  g_string_append_printf (out, "<div class=\"finding\"><h4>%s <span class=\"gap\">%s</span> %s</h4>",
                          check, dm_severity_to_string (dm_finding_get_severity (finding)), title);
  g_string_append_printf (out, "<p><strong>%s</strong> <code>%s</code>%s%s</p>", _("Resource:"), resource,
                          *region ? " · " : "", region);
  if (*others)
    g_string_append_printf (out, "<p><strong>%s</strong> <code>%s</code></p>", _("Also on:"), others);
  if (*evidence)
    g_string_append_printf (out, "<p><strong>%s</strong> %s</p>", _("Evidence:"), evidence);
  if (*remediation)
    g_string_append_printf (out, "<p><strong>%s</strong> %s</p>", _("Remediation:"), remediation);
  g_string_append_printf (out, "<p class=\"muted\">%s %s · %s %s</p></div>\n", _("Controls:"),
                          *controls ? controls : "–", _("Source:"), tool);
}

/* The language the report's words are in: the catalogue's own, so a
 * locale without a translation stays "en". Only letters and hyphens pass. */
static const char *
html_lang (void)
{
  /* Translators: your language's code (BCP 47, e.g. "fr" or "pt-BR"), for the reports' lang attribute */
  const char *lang = C_("html lang", "en");

  for (const char *p = lang; *p; p++)
    if (!g_ascii_isalpha (*p) && *p != '-')
      return "en";
  return *lang ? lang : "en";
}

char *
dm_report_to_html (DmReport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *model_name = dm_report_escape_html (dm_model_get_name (self->model));
  guint with_evidence, customer_layers;
  g_autoptr(GPtrArray) unmapped = NULL;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html_lang ());
  /* Self-contained: nothing may be fetched, not even by accident. */
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n");
  g_string_append_printf (out, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", _("Demarc report"), html_style);
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

  if (self->input_paths->len)
    html_inputs (self, out);

  {
    g_autofree char *matrix = matrix_svg_base64 (self);

    g_string_append_printf (out, "<h2 id=\"matrix\">%s</h2>\n<p>%s</p>\n<img class=\"diagram\" alt=\"%s\" src=\"data:image/svg+xml;base64,%s\">\n",
                            _("Who owns what, service by service"),
                            _("✖ gap, ✔ evidence and no gap, ? no data, for the services in the export."),
                            _("The compare matrix"), matrix);
  }

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      DmService *service = dm_model_get_service (self->model, s);
      g_autofree char *name = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *image = NULL;
      g_autofree char *id = NULL;
      g_autoptr(GString) no_data = g_string_new (NULL);

      if (!service_in_report (self, service))
        continue;

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
                                  status_symbol (result->status), status_word (result->status));
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
        g_autoptr(GPtrArray) gaps = failed_findings (self, service);

        for (guint i = 0; i < gaps->len; i++)
          html_finding (out, g_ptr_array_index (gaps, i));
      }
      g_string_append (out, "</section>\n");
    }

  unmapped = failed_findings (self, NULL);
  if (unmapped->len)
    {
      g_string_append_printf (out, "<section id=\"unmapped\">\n<h2>%s</h2>\n<p>%s</p>\n", _("Unmapped findings"),
                              _("Failed findings Demarc could not place on a service layer; they are listed, not dropped."));
      for (guint i = 0; i < unmapped->len; i++)
        html_finding (out, g_ptr_array_index (unmapped, i));
      g_string_append (out, "</section>\n");
    }

  g_string_append_printf (out, "<p class=\"muted\">%s</p>\n</body>\n</html>\n",
                          _("Made by Demarc from exported data, offline. Layers without evidence are shown as no data, never as passing."));
  return g_string_free (out, FALSE);
}

/* --- Markdown ------------------------------------------------------------- */

static void
md_finding (GString   *out,
            DmFinding *finding)
{
  g_autofree char *title = dm_report_escape_markdown (dm_finding_get_title (finding));
  g_autofree char *resource = dm_report_escape_markdown (dm_finding_get_resource (finding));
  g_autofree char *evidence = dm_report_escape_markdown (dm_finding_get_evidence (finding));
  g_autofree char *remediation = dm_report_escape_markdown (dm_finding_get_remediation (finding));
  g_autofree char *controls_raw = controls_text (finding);
  g_autofree char *controls = dm_report_escape_markdown (controls_raw);
  g_autofree char *check = dm_report_escape_markdown (dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "");

  g_autofree char *others_raw = other_resources_text (finding);
  g_autofree char *others = dm_report_escape_markdown (others_raw);
  g_autofree char *reported_raw = reported_by_text (finding);
  g_autofree char *reported = dm_report_escape_markdown (reported_raw);

  g_string_append_printf (out, "- **%s %s** %s  \n  %s %s\n", check, dm_severity_to_string (dm_finding_get_severity (finding)),
                          title, _("Resource:"), resource);
  if (*others)
    g_string_append_printf (out, "  %s %s\n", _("Also on:"), others);
  if (*reported)
    g_string_append_printf (out, "  %s %s\n", _("Reported by:"), reported);
  if (*evidence)
    g_string_append_printf (out, "  %s %s\n", _("Evidence:"), evidence);
  if (*remediation)
    g_string_append_printf (out, "  %s %s\n", _("Remediation:"), remediation);
  if (*controls)
    g_string_append_printf (out, "  %s %s\n", _("Controls:"), controls);
}

char *
dm_report_to_markdown (DmReport *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *model_name = dm_report_escape_markdown (dm_model_get_name (self->model));
  guint with_evidence, customer_layers;
  g_autoptr(GPtrArray) unmapped = NULL;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  g_string_append_printf (out, "# %s\n\n%s · %s\n\n", _("Shared responsibility report"), model_name,
                          self->redacted ? _("identifiers redacted") : _("identifiers shown"));
  g_string_append_printf (out, "## %s\n\n", _("Summary"));
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

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      DmService *service = dm_model_get_service (self->model, s);
      g_autofree char *name = NULL;

      if (!service_in_report (self, service))
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
                                  status_symbol (result->status), status_word (result->status),
                                  result->status == DM_LAYER_GAP ? " (" : "",
                                  result->status == DM_LAYER_GAP ? dm_severity_to_string (result->worst) : "",
                                  result->status == DM_LAYER_GAP ? ")" : "", result->failed);
        }
      g_string_append (out, "\n");

      {
        g_autoptr(GPtrArray) gaps = failed_findings (self, service);

        if (gaps->len)
          g_string_append_printf (out, "### %s\n\n", _("Gaps"));
        for (guint i = 0; i < gaps->len; i++)
          md_finding (out, g_ptr_array_index (gaps, i));
      }
      g_string_append (out, "\n");
    }

  unmapped = failed_findings (self, NULL);
  if (unmapped->len)
    g_string_append_printf (out, "## %s\n\n", _("Unmapped findings"));
  for (guint i = 0; i < unmapped->len; i++)
    md_finding (out, g_ptr_array_index (unmapped, i));

  return g_string_free (out, FALSE);
}

/* --- PDF ------------------------------------------------------------------ */

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
  g_autofree char *visible = make_visible (text);
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
  g_autofree char *controls_raw = controls_text (finding);

  g_autofree char *others = other_resources_text (finding);
  g_autofree char *reported = reported_by_text (finding);

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

static gboolean
write_pdf (DmReport    *self,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_gstring, out, PAGE_WIDTH, PAGE_HEIGHT);
  g_autofree char *summary = NULL;
  guint with_evidence, customer_layers;
  cairo_status_t status;
  Pdf pdf = { cairo_create (surface), MARGIN, 1 };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Shared responsibility report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Demarc " PACKAGE_VERSION);
  dm_assessment_get_coverage (dm_report_get_assessment (self), &with_evidence, &customer_layers);

  pdf_text (&pdf, _("Shared responsibility report"), "Sans Bold 20", 4);
  pdf_text (&pdf, dm_model_get_name (self->model), "Sans 10", 16);
  summary = g_strdup_printf (_("%u failed, %u passed, %u informational, %u suppressed, %u not mapped to a layer; "
                               "evidence for %u of %u customer and shared layers."),
                             dm_assessment_get_n_failed (dm_report_get_assessment (self)), dm_assessment_get_n_passed (dm_report_get_assessment (self)),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_INFORMATIONAL),
                             dm_assessment_count_status (dm_report_get_assessment (self), DM_FINDING_SUPPRESSED),
                             dm_assessment_get_n_unmapped (dm_report_get_assessment (self)), with_evidence, customer_layers);
  pdf_text (&pdf, summary, "Sans 11", 12);
  if (self->input_paths->len)
    pdf_text (&pdf, _("Inputs"), "Sans Bold 12", 4);
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      const DmImportInput *input = dm_report_get_input (self, i);
      g_autofree char *heading = g_strdup_printf ("%s (%s)", (const char *)g_ptr_array_index (self->input_paths, i),
                                                  input->format);
      g_autofree char *used = NULL;
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      used = dm_import_counts_describe (&counts);
      pdf_text (&pdf, heading, "Sans Bold 9", 1);
      if (dm_import_counts_read_nothing (&counts))
        pdf_text (&pdf, _("Nothing read from this file."), "Sans Bold 9", 1);
      pdf_text (&pdf, used, "Sans 9", 1);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
          g_autofree char *line = g_strdup_printf (_("not read: %" PRIu64 " × %s"), reason->count, reason->reason);

          pdf_text (&pdf, line, "Sans 8", 1);
        }
      pdf.y += 4;
    }
  if (self->input_paths->len)
    {
      DmImportCounts total;
      g_autofree char *used = NULL;
      g_autofree char *line = NULL;

      inputs_total (self, &total);
      used = dm_import_counts_describe (&total);
      line = g_strdup_printf ("%s: %s", _("All inputs"), used);
      pdf_text (&pdf, line, "Sans Bold 9", 2);
    }

  /* The matrix, fitted to a page of its own. */
  {
    double width, height, scale;

    dm_report_paint_matrix (self, NULL, &width, &height);
    pdf_new_page (&pdf);
    pdf_text (&pdf, _("Who owns what, service by service"), "Sans Bold 16", 6);
    scale = MIN ((PAGE_WIDTH - 2 * MARGIN) / width, (PAGE_HEIGHT - pdf.y - MARGIN) / height);
    cairo_save (pdf.cr);
    cairo_translate (pdf.cr, MARGIN, pdf.y);
    cairo_scale (pdf.cr, scale, scale);
    dm_report_paint_matrix (self, pdf.cr, &width, &height);
    cairo_restore (pdf.cr);
  }

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      DmService *service = dm_model_get_service (self->model, s);
      double scale = (PAGE_WIDTH - 2 * MARGIN) / DIAGRAM_WIDTH;

      if (!service_in_report (self, service))
        continue;

      pdf_new_page (&pdf);
      pdf_text (&pdf, dm_service_get_name (service), "Sans Bold 16", 6);
      cairo_save (pdf.cr);
      cairo_translate (pdf.cr, MARGIN, pdf.y);
      cairo_scale (pdf.cr, scale, scale);
      paint_service (self, pdf.cr, service, DIAGRAM_WIDTH, DIAGRAM_HEIGHT);
      cairo_restore (pdf.cr);
      pdf.y += DIAGRAM_HEIGHT * scale + 12;

      for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
        {
          DmLayer *layer = dm_model_get_layer (self->model, l);
          const DmLayerResult *result = dm_assessment_get_result (dm_report_get_assessment (self), service, layer);

          if (result->status == DM_LAYER_NO_DATA)
            {
              g_autofree char *line = g_strdup_printf ("%s %s: %s", status_symbol (result->status),
                                                       dm_layer_get_name (layer), _("no data, not known to be safe"));
              pdf_text (&pdf, line, "Sans 9", 1);
            }
        }
      pdf.y += 6;

      {
        g_autoptr(GPtrArray) gaps = failed_findings (self, service);

        for (guint i = 0; i < gaps->len; i++)
          pdf_finding (&pdf, g_ptr_array_index (gaps, i));
      }
    }

  {
    g_autoptr(GPtrArray) unmapped = failed_findings (self, NULL);

    if (unmapped->len)
      {
        pdf_new_page (&pdf);
        pdf_text (&pdf, _("Unmapped findings"), "Sans Bold 16", 6);
      }
    for (guint i = 0; i < unmapped->len; i++)
      pdf_finding (&pdf, g_ptr_array_index (unmapped, i));
  }

  cairo_show_page (pdf.cr);
  status = cairo_status (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, path, error))
    return FALSE;
  return replace_contents (path, out->str, out->len, error);
}

/* --- diff of two exports ---------------------------------------------------- */

static const char *
change_word (DmChange change)
{
  switch (change)
    {
    case DM_CHANGE_OPENED: return _("Opened");
    case DM_CHANGE_CLOSED: return _("Closed");
    case DM_CHANGE_UNCHANGED:
    default: return _("Unchanged");
    }
}

typedef struct
{
  DmService     *service;
  DmLayer       *layer;
  DmChangeCounts counts;
  DmLayerStatus  before;
  DmLayerStatus  after;
} ChangedLayer;

/* The layers where a gap opened or closed, with their status before and after. */
static GArray *
changed_layers (DmDiff  *diff,
                DmModel *model)
{
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (ChangedLayer));

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    for (guint l = 0; l < dm_model_get_n_layers (model); l++)
      {
        ChangedLayer c = { dm_model_get_service (model, s), dm_model_get_layer (model, l) };

        dm_diff_get_layer_counts (diff, c.service, c.layer, &c.counts);
        if (c.counts.opened + c.counts.closed == 0)
          continue;
        c.before = dm_assessment_get_result (dm_diff_get_old (diff), c.service, c.layer)->status;
        c.after = dm_assessment_get_result (dm_diff_get_new (diff), c.service, c.layer)->status;
        g_array_append_val (changed, c);
      }
  return changed;
}

/**
 * dm_report_diff_to_html:
 * @redacted: whether the findings were redacted (only said in the report)
 *
 * One self-contained page: totals, the layers whose gaps changed, and the
 * gaps opened and closed with their evidence.
 */
char *
dm_report_diff_to_html (DmDiff   *diff,
                        DmModel  *model,
                        gboolean  redacted)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) changed = NULL;
  DmChangeCounts totals;

  dm_diff_get_totals (diff, &totals);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html_lang ());
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
  g_string_append_printf (out, "<title>%s</title>\n<style>%s.opened{color:#a51d2d;font-weight:bold}.closed{color:#26a269;font-weight:bold}</style>\n</head>\n<body>\n",
                          _("Demarc comparison"), html_style);
  g_string_append_printf (out, "<h1>%s</h1>\n<p class=\"muted\">%s</p>\n", _("What changed between two exports"),
                          redacted ? _("identifiers redacted") : _("identifiers shown"));
  g_string_append_printf (out, "<ul><li class=\"opened\">%s %u</li><li class=\"closed\">%s %u</li><li>%s %u</li></ul>\n",
                          _("Gaps opened:"), totals.opened, _("Gaps closed:"), totals.closed, _("Gaps unchanged:"), totals.unchanged);

  g_string_append_printf (out, "<h2>%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Layers"), _("Service"), _("Layer"), _("Before"), _("After"), _("Opened"), _("Closed"));
  changed = changed_layers (diff, model);
  for (guint i = 0; i < changed->len; i++)
    {
      const ChangedLayer *c = &g_array_index (changed, ChangedLayer, i);
      g_autofree char *service_name = dm_report_escape_html (dm_service_get_name (c->service));
      g_autofree char *layer_name = dm_report_escape_html (dm_layer_get_name (c->layer));

      g_string_append_printf (out, "<tr><td>%s</td><td>%s</td><td>%s %s</td><td>%s %s</td><td class=\"opened\">+%u</td><td class=\"closed\">−%u</td></tr>\n",
                              service_name, layer_name, status_symbol (c->before), status_word (c->before),
                              status_symbol (c->after), status_word (c->after), c->counts.opened, c->counts.closed);
    }
  g_string_append (out, "</table>\n");

  for (int pass = 0; pass < 2; pass++)
    {
      DmChange wanted = pass == 0 ? DM_CHANGE_OPENED : DM_CHANGE_CLOSED;

      g_string_append_printf (out, "<h2>%s</h2>\n", pass == 0 ? _("Gaps opened") : _("Gaps closed"));
      for (guint i = 0; i < dm_diff_get_n_changes (diff); i++)
        {
          DmChange change;
          DmFinding *finding = dm_diff_get_change (diff, i, &change);

          if (change != wanted)
            continue;
          g_string_append_printf (out, "<p class=\"%s\">%s</p>", pass == 0 ? "opened" : "closed", change_word (change));
          html_finding (out, finding);
        }
    }
  g_string_append_printf (out, "<p class=\"muted\">%s</p>\n</body>\n</html>\n",
                          _("Made by Demarc from exported data, offline."));
  return g_string_free (out, FALSE);
}

char *
dm_report_diff_to_markdown (DmDiff   *diff,
                            DmModel  *model,
                            gboolean  redacted)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) changed = NULL;
  DmChangeCounts totals;

  dm_diff_get_totals (diff, &totals);
  g_string_append_printf (out, "# %s\n\n%s\n\n- %s %u\n- %s %u\n- %s %u\n\n", _("What changed between two exports"),
                          redacted ? _("identifiers redacted") : _("identifiers shown"),
                          _("Gaps opened:"), totals.opened, _("Gaps closed:"), totals.closed, _("Gaps unchanged:"), totals.unchanged);
  g_string_append_printf (out, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
                          _("Service"), _("Layer"), _("Before"), _("After"), _("Opened"), _("Closed"));
  changed = changed_layers (diff, model);
  for (guint i = 0; i < changed->len; i++)
    {
      const ChangedLayer *c = &g_array_index (changed, ChangedLayer, i);
      g_autofree char *service_name = dm_report_escape_markdown (dm_service_get_name (c->service));
      g_autofree char *layer_name = dm_report_escape_markdown (dm_layer_get_name (c->layer));

      g_string_append_printf (out, "| %s | %s | %s %s | %s %s | +%u | −%u |\n", service_name, layer_name,
                              status_symbol (c->before), status_word (c->before), status_symbol (c->after),
                              status_word (c->after), c->counts.opened, c->counts.closed);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      DmChange wanted = pass == 0 ? DM_CHANGE_OPENED : DM_CHANGE_CLOSED;

      g_string_append_printf (out, "\n## %s\n\n", pass == 0 ? _("Gaps opened") : _("Gaps closed"));
      for (guint i = 0; i < dm_diff_get_n_changes (diff); i++)
        {
          DmChange change;
          DmFinding *finding = dm_diff_get_change (diff, i, &change);

          if (change == wanted)
            md_finding (out, finding);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
dm_report_write_diff (DmDiff          *diff,
                      DmModel         *model,
                      gboolean         redacted,
                      const char      *path,
                      DmReportFormat   format,
                      GError         **error)
{
  g_autofree char *text = NULL;

  if (format == DM_REPORT_HTML)
    text = dm_report_diff_to_html (diff, model, redacted);
  else if (format == DM_REPORT_MARKDOWN)
    text = dm_report_diff_to_markdown (diff, model, redacted);
  else
    {
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: comparisons are written as HTML or Markdown"), path);
      return FALSE;
    }
  return replace_contents (path, text, strlen (text), error);
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
  g_autofree char *text = NULL;

  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);

  switch (format)
    {
    case DM_REPORT_HTML:
      text = dm_report_to_html (self);
      break;

    case DM_REPORT_MARKDOWN:
      text = dm_report_to_markdown (self);
      break;

    case DM_REPORT_PDF:
      return write_pdf (self, path, error);

    case DM_REPORT_SVG:
    case DM_REPORT_PNG:
    default:
      g_set_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                   _("%s: reports are written as HTML, Markdown or PDF"), path);
      return FALSE;
    }

  return replace_contents (path, text, strlen (text), error);
}
