/* dm-matrix-render.c: draws the compare matrix with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-matrix-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dm-diagram-render.h"
#include "dm-matrix-render.h"
#include "dm-report-private.h"

#define MATRIX_NAME_WIDTH 170.0
#define MATRIX_CELL_WIDTH 78.0
#define MATRIX_CELL_HEIGHT 30.0
#define MATRIX_HEADER_HEIGHT 78.0

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
/* Bands over their layers, then the layers. */
static void
paint_header (cairo_t         *cr,
              DmModel         *model,
              const DmPalette *palette)
{
  double x = MATRIX_NAME_WIDTH;

  for (guint b = 0; b < dm_model_get_n_bands (model); b++)
    {
      DmBand *band = dm_model_get_band (model, b);
      guint n = dm_band_get_n_layers (band);

      matrix_text (cr, dm_band_get_name (band), "Sans Bold 9", &palette->foreground, x, 4, n * MATRIX_CELL_WIDTH, 26,
                   PANGO_ALIGN_CENTER);
      cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.5);
      cairo_rectangle (cr, x + 2, 31, n * MATRIX_CELL_WIDTH - 4, 1);
      cairo_fill (cr);
      for (guint l = 0; l < n; l++)
        matrix_text (cr, dm_layer_get_name (dm_band_get_layer (band, l)), "Sans 7.5", &palette->foreground,
                     x + l * MATRIX_CELL_WIDTH + 2, 34, MATRIX_CELL_WIDTH - 4, MATRIX_HEADER_HEIGHT - 38, PANGO_ALIGN_CENTER);
      x += n * MATRIX_CELL_WIDTH;
    }
}

/* One service's cell on one layer, at (@x, @y). @assessment is %NULL when
 * the export says nothing of the service. */
static void
paint_cell (cairo_t         *cr,
            DmModel         *model,
            DmAssessment    *assessment,
            const DmPalette *palette,
            DmService       *service,
            DmLayer         *layer,
            double           x,
            double           y)
{
  DmOwner owner = dm_service_get_owner (service, layer);
  g_autofree char *label = NULL;
  const char *word = owner == DM_OWNER_NOT_APPLICABLE ? C_("owner", "n/a")
                                                     : dm_model_get_owner_label (model, owner);

  rounded_rect_path (cr, x + 2, y + 2, MATRIX_CELL_WIDTH - 4, MATRIX_CELL_HEIGHT - 4, 4);
  cairo_set_source_rgba (cr, palette->fill[owner].red, palette->fill[owner].green, palette->fill[owner].blue, 1);
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

  if (assessment && (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED))
    {
      const DmLayerResult *result = dm_assessment_get_result (assessment, service, layer);

      label = g_strdup_printf ("%s %s", dm_layer_status_symbol (result->status), word);
    }
  matrix_text (cr, label ? label : word, "Sans Bold 7.5", &palette->on_fill[owner], x + 3, y + 2,
               MATRIX_CELL_WIDTH - 6, MATRIX_CELL_HEIGHT - 4, PANGO_ALIGN_CENTER);
}

/**
 * dm_matrix_paint:
 * @cr: (nullable): where to draw; %NULL only measures
 * @assessment: (nullable): what the export says; %NULL with @cr %NULL
 * @width: (out): the matrix's width
 * @height: (out): its height
 *
 * Every service against every layer, as the Compare view shows it: owner
 * by colour and by word, shared cells striped, and where an export says
 * something, its status by symbol.
 */
void
dm_matrix_paint (cairo_t      *cr,
                 DmModel      *model,
                 DmAssessment *assessment,
                 double       *width,
                 double       *height)
{
  g_autoptr(GPtrArray) services = dm_model_dup_services_by_responsibility (model);
  guint n_layers = dm_model_get_n_layers (model);
  DmPalette palette;

  *width = MATRIX_NAME_WIDTH + n_layers * MATRIX_CELL_WIDTH + 16;
  *height = MATRIX_HEADER_HEIGHT + services->len * MATRIX_CELL_HEIGHT + 16;
  if (cr == NULL)
    return;

  dm_palette_init (&palette, FALSE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, *width, *height);
  cairo_fill (cr);

  paint_header (cr, model, &palette);
  for (guint r = 0; r < services->len; r++)
    {
      DmService *service = g_ptr_array_index (services, r);
      double y = MATRIX_HEADER_HEIGHT + r * MATRIX_CELL_HEIGHT;
      DmAssessment *assessed = dm_assessment_has_service (assessment, service) ? assessment : NULL;
      double x = MATRIX_NAME_WIDTH;

      matrix_text (cr, dm_service_get_short_name (service), "Sans Bold 9", &palette.foreground, 8, y,
                   MATRIX_NAME_WIDTH - 12, MATRIX_CELL_HEIGHT, PANGO_ALIGN_LEFT);
      for (guint b = 0; b < dm_model_get_n_bands (model); b++)
        {
          DmBand *band = dm_model_get_band (model, b);

          for (guint l = 0; l < dm_band_get_n_layers (band); l++, x += MATRIX_CELL_WIDTH)
            paint_cell (cr, model, assessed, &palette, service, dm_band_get_layer (band, l), x, y);
        }
    }
  cairo_restore (cr);
}
