/* dm-diagram-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-diagram-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include <string.h>

#include "dm-diagram-render.h"

#define PAD        12.0
#define GAP         6.0
#define RADIUS     10.0
#define CELL_GAP    6.0
#define CELL_INSET  8.0
#define CELL_RADIUS 7.0
#define NARROW_GUTTER 40.0

static DmColor
rgb (guint32 hex)
{
  DmColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0 };
  return c;
}

/**
 * dm_palette_init:
 *
 * Colours from the GNOME palette. Owners differ in lightness as well as hue,
 * and shared and not-applicable layers carry a pattern, so the diagram still
 * reads for colour-blind viewers and in greyscale print.
 */
void
dm_palette_init (DmPalette *palette,
                 gboolean   dark)
{
  g_return_if_fail (palette != NULL);

  palette->fill[DM_OWNER_CUSTOMER] = rgb (dark ? 0x1c71d8 : 0x1a5fb4);
  palette->fill[DM_OWNER_PROVIDER] = rgb (dark ? 0xc64600 : 0xe66100);
  palette->fill[DM_OWNER_SHARED] = rgb (dark ? 0x813d9c : 0x9141ac);
  palette->fill[DM_OWNER_NOT_APPLICABLE] = rgb (dark ? 0x5e5c64 : 0xc0bfbc);

  palette->on_fill[DM_OWNER_CUSTOMER] = rgb (0xffffff);
  palette->on_fill[DM_OWNER_PROVIDER] = rgb (dark ? 0xffffff : 0x241f31);
  palette->on_fill[DM_OWNER_SHARED] = rgb (0xffffff);
  palette->on_fill[DM_OWNER_NOT_APPLICABLE] = rgb (dark ? 0xffffff : 0x241f31);

  palette->foreground = rgb (dark ? 0xffffff : 0x241f31);
  palette->dim = palette->foreground;
  palette->dim.alpha = 0.65;
  palette->boundary = rgb (dark ? 0xf6d32d : 0x241f31);
  palette->highlight = rgb (dark ? 0x99c1f1 : 0x1c71d8);
  palette->gap = rgb (dark ? 0xe01b24 : 0xc01c28);
  palette->ok = rgb (dark ? 0x2ec27e : 0x26a269);
  palette->no_data = rgb (dark ? 0x3d3846 : 0xf6f5f4);
}

void
dm_diagram_state_init (DmDiagramState  *state,
                       DmModel         *model,
                       DmService       *service,
                       const DmPalette *palette)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->model = model;
  state->service = service;
  state->progress = 1.0;
  state->hover_band = -1;
  state->selected_band = -1;
  state->selected_layer = -1;
  state->hover_layer = -1;
  state->palette = palette;
  state->show_legend = TRUE;
}

static double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

/**
 * dm_diagram_state_boundary:
 *
 * Returns: the boundary in band units, part way between the previous and the
 *   current service while a transition runs
 */
/**
 * dm_diagram_service_boundary:
 *
 * Where the provider's responsibility ends, counted in bands from the
 * bottom: under the lowest band that holds any customer or shared layer.
 * Decided from every detailed layer, never from a band's first one, so no
 * customer or shared layer lies below the line.
 *
 * Returns: a value between 0 and the number of bands
 */
double
dm_diagram_service_boundary (DmModel   *model,
                             DmService *service)
{
  guint n;

  g_return_val_if_fail (DM_IS_MODEL (model), 0);
  g_return_val_if_fail (DM_IS_SERVICE (service), 0);

  n = dm_model_get_n_bands (model);
  for (guint i = 0; i < n; i++)
    {
      guint owners = dm_diagram_band_owners (service, dm_model_get_band (model, i));

      if (owners & ((1u << DM_OWNER_CUSTOMER) | (1u << DM_OWNER_SHARED)))
        return i;
    }
  return n;
}

/**
 * dm_diagram_band_owners:
 *
 * Returns: a mask with bit (1 << owner) set for each owner of one of
 *   @band's layers in @service
 */
guint
dm_diagram_band_owners (DmService *service,
                        DmBand    *band)
{
  guint owners = 0;

  g_return_val_if_fail (DM_IS_SERVICE (service), 0);
  g_return_val_if_fail (DM_IS_BAND (band), 0);

  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    owners |= 1u << dm_service_get_owner (service, dm_band_get_layer (band, i));
  return owners;
}

/**
 * dm_diagram_band_owner_label:
 *
 * What a band's title says about its owners: one owner's name when all its
 * layers agree, else "Mixed: Customer / Shared" listing each owner once,
 * the customer's first.
 *
 * Returns: (transfer full): the label
 */
char *
dm_diagram_band_owner_label (DmModel   *model,
                             DmService *service,
                             DmBand    *band)
{
  static const DmOwner order[] = { DM_OWNER_CUSTOMER, DM_OWNER_SHARED, DM_OWNER_PROVIDER, DM_OWNER_NOT_APPLICABLE };
  guint owners = dm_diagram_band_owners (service, band);
  g_autoptr(GString) list = g_string_new (NULL);
  guint count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (owners & (1u << order[i]))
      {
        if (count++ > 0)
          g_string_append (list, " / ");
        g_string_append (list, dm_model_get_owner_label (model, order[i]));
      }

  if (count <= 1)
    return g_string_free (g_steal_pointer (&list), FALSE);
  /* Translators: a band whose layers have different owners, e.g.
   * "Mixed: Customer / AWS" */
  return g_strdup_printf (_("Mixed: %s"), list->str);
}

/**
 * dm_diagram_state_boundary:
 *
 * Returns: the boundary in band units, part way between the previous and the
 *   current service while a transition runs
 */
double
dm_diagram_state_boundary (const DmDiagramState *state)
{
  double current, previous;

  if (state->model == NULL || state->service == NULL)
    return 0;

  current = dm_diagram_service_boundary (state->model, state->service);
  if (state->previous == NULL || state->progress >= 1.0)
    return current;

  previous = dm_diagram_service_boundary (state->model, state->previous);
  return lerp (previous, current, CLAMP (state->progress, 0, 1));
}

static double
font_size (const DmDiagramState *state)
{
  return state->font_size > 0 ? state->font_size : 14.0;
}

static double
gutter_width (const DmDiagramState *state,
              double                width)
{
  double scale = font_size (state) / 14.0;

  if (width >= 760 * scale)
    return 170 * scale;
  if (width >= 520 * scale)
    return 132 * scale;
  /* Narrow: the brackets with their labels turned along them. */
  if (width >= 240 * scale)
    return NARROW_GUTTER * scale;
  return 0;
}

/* Two rows below about 40 em: the five entries take that much in one. */
static double
legend_height (const DmDiagramState *state,
               double                width)
{
  if (!state->show_legend)
    return 0;
  return ceil (font_size (state) * (width < font_size (state) * 40 ? 3.6 : 2.2));
}

/* Cells are at least this wide, so a layer's name wraps onto two lines at
 * most rather than into a column of syllables. */
static double
min_cell_width (const DmDiagramState *state)
{
  return font_size (state) * 10.5;
}

static guint
band_columns (const DmDiagramState *state,
              DmBand               *band,
              double                body_width)
{
  guint n = dm_band_get_n_layers (band);
  guint fit, rows;

  if (n == 0)
    return 1;
  fit = (guint)CLAMP (floor ((body_width + CELL_GAP) / (min_cell_width (state) + CELL_GAP)), 1, n);
  /* Balanced rows: four layers in three columns become two by two. */
  rows = (n + fit - 1) / fit;
  return (n + rows - 1) / rows;
}

static guint
band_rows (const DmDiagramState *state,
           DmBand               *band,
           double                body_width)
{
  guint n = dm_band_get_n_layers (band);
  guint cols = band_columns (state, band, body_width);

  return MAX (1, (n + cols - 1) / cols);
}

static double
level_to_y (const DmDiagramGeometry *g,
            double                   level)
{
  guint i;
  double f;

  if (g->n_bands == 0)
    return g->stack.y + g->stack.height;

  level = CLAMP (level, 0, g->n_bands);
  i = (guint)floor (level);
  f = level - i;

  if (i >= g->n_bands)
    return g->bands[g->n_bands - 1].y - GAP / 2;
  if (f < 1e-6)
    {
      if (i == 0)
        return g->bands[0].y + g->bands[0].height + GAP / 2;
      return (g->bands[i - 1].y + g->bands[i].y + g->bands[i].height) / 2;
    }

  return g->bands[i].y + g->bands[i].height * (1 - f);
}

/* What a cell needs for its name on one line and the owner and status on
 * the next (paint_cell_text()); the provider's cells make do with one. */
static double
two_line_height (const DmDiagramState *state,
                 gboolean              providers)
{
  return providers ? font_size (state) * 1.9 : font_size (state) * (1.12 + 1.2) + 7;
}

/* Band heights follow their rows of cells: the layers are the content, so
 * the space goes to them; an open band gets more rows' worth. */
static void
layout_bands (const DmDiagramState *state,
              DmDiagramGeometry    *g)
{
  double available = MAX (0, g->stack.height - GAP * (g->n_bands ? g->n_bands - 1 : 0));
  double body_w = MAX (0, g->stack.width - 2 * CELL_INSET);
  double weights[64], floors[64], total = 0, floor_total = 0, cells, y;
  guint n = MIN (g->n_bands, G_N_ELEMENTS (weights));

  g->header_height = n ? MIN (ceil (font_size (state) * 1.9), available / n * 0.45) : 0;

  for (guint i = 0; i < n; i++)
    {
      DmBand *band = dm_model_get_band (state->model, i);

      gboolean providers = state->service != NULL &&
                           (dm_diagram_band_owners (state->service, band) &
                            ((1u << DM_OWNER_CUSTOMER) | (1u << DM_OWNER_SHARED))) == 0;

      weights[i] = band_rows (state, band, body_w);
      /* The provider's own bands need less room than the customer's. */
      if (providers)
        weights[i] *= 0.6;
      if ((int)i == state->selected_band)
        weights[i] *= 1 + 1.5 * CLAMP (state->expansion, 0, 1);
      total += weights[i];
      /* Every row gets room for a name and a status line first. */
      floors[i] = band_rows (state, band, body_w) * (two_line_height (state, providers) + CELL_GAP) + CELL_INSET;
      if ((int)i == state->selected_band)
        floors[i] *= 1 + 1.5 * CLAMP (state->expansion, 0, 1);
      floor_total += floors[i];
    }

  cells = MAX (0, available - n * g->header_height);
  if (floor_total > cells)
    for (guint i = 0; i < n; i++)
      floors[i] *= cells / floor_total;
  cells = MAX (0, cells - MIN (cells, floor_total));

  y = g->stack.y + g->stack.height;
  /* Band 0 is the bottom of the stack: the provider's foundations. */
  for (guint i = 0; i < n; i++)
    {
      double h = g->header_height + floors[i] + (total > 0 ? cells * weights[i] / total : 0);

      g->bands[i].x = g->stack.x;
      g->bands[i].width = g->stack.width;
      g->bands[i].height = h;
      g->bands[i].y = y - h;
      y -= h + GAP;
    }
}

static void
layout_cells (const DmDiagramState *state,
              DmDiagramGeometry    *g)
{
  g->cells = g_new0 (DmDiagramCell, MAX (dm_model_get_n_layers (state->model), 1));

  for (guint b = 0; b < g->n_bands; b++)
    {
      DmBand *band = dm_model_get_band (state->model, b);
      const DmRect *r = &g->bands[b];
      DmRect body = { r->x + CELL_INSET, r->y + g->header_height,
                      MAX (0, r->width - 2 * CELL_INSET), MAX (0, r->height - g->header_height - CELL_INSET) };
      guint n = dm_band_get_n_layers (band);
      guint cols = band_columns (state, band, body.width);
      guint rows = MAX (1, (n + cols - 1) / cols);
      double cell_h = MAX (0, (body.height - CELL_GAP * (rows - 1)) / rows);

      for (guint i = 0; i < n; i++)
        {
          DmLayer *layer = dm_band_get_layer (band, i);
          DmDiagramCell *cell = &g->cells[g->n_cells++];
          guint row = i / cols, col = i % cols;
          /* A short last row still spans the band. */
          guint in_row = MIN (cols, n - row * cols);
          double cell_w = MAX (0, (body.width - CELL_GAP * (in_row - 1)) / in_row);

          cell->band = b;
          cell->layer = dm_layer_get_index (layer);
          cell->owner = dm_service_get_owner (state->service, layer);
          cell->rect.x = body.x + col * (cell_w + CELL_GAP);
          cell->rect.y = body.y + row * (cell_h + CELL_GAP);
          cell->rect.width = cell_w;
          cell->rect.height = cell_h;
        }
    }
}

static void
add_region (GArray *regions,
            double  x,
            double  y,
            double  width,
            double  height)
{
  DmRect r = { x, y, MAX (0, width), MAX (0, height) };

  if (r.width > 0 && r.height > 0)
    g_array_append_val (regions, r);
}

static void
layout_provider_regions (DmDiagramGeometry *g)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (DmRect));
  double bottom = g->stack.y + g->stack.height;

  add_region (regions, g->stack.x, g->boundary_y, g->stack.width, bottom - g->boundary_y);
  if (g->gutter_width > 0)
    add_region (regions, g->gutter_x, g->boundary_y, g->gutter_width, bottom - g->boundary_y);
  for (guint i = 0; i < g->n_cells; i++)
    if (g->cells[i].owner == DM_OWNER_PROVIDER && g->cells[i].rect.y + g->cells[i].rect.height <= g->boundary_y)
      g_array_append_val (regions, g->cells[i].rect);

  g->n_provider_regions = regions->len;
  g->provider_regions = (DmRect *)g_array_free (regions, FALSE);
}

DmDiagramGeometry *
dm_diagram_geometry_new (const DmDiagramState *state,
                         double                width,
                         double                height)
{
  DmDiagramGeometry *g;
  double legend;

  g_return_val_if_fail (state != NULL, NULL);

  g = g_new0 (DmDiagramGeometry, 1);
  g->n_bands = state->model ? MIN (dm_model_get_n_bands (state->model), 64) : 0;
  g->bands = g_new0 (DmRect, MAX (g->n_bands, 1));

  legend = legend_height (state, width);
  g->gutter_width = gutter_width (state, width);
  g->gutter_x = width - PAD - g->gutter_width;
  g->stack.x = PAD;
  g->stack.y = PAD;
  g->stack.width = MAX (0, g->gutter_x - PAD);
  g->stack.height = MAX (0, height - 2 * PAD - (legend > 0 ? legend + PAD : 0));

  if (legend > 0)
    {
      g->legend.x = PAD;
      g->legend.y = height - PAD - legend;
      g->legend.width = MAX (0, width - 2 * PAD);
      g->legend.height = legend;
    }

  if (g->n_bands > 0)
    layout_bands (state, g);
  if (state->service != NULL && g->n_bands > 0)
    layout_cells (state, g);

  g->boundary_y = level_to_y (g, dm_diagram_state_boundary (state));
  layout_provider_regions (g);

  return g;
}

void
dm_diagram_geometry_free (DmDiagramGeometry *geometry)
{
  if (geometry == NULL)
    return;

  g_free (geometry->bands);
  g_free (geometry->cells);
  g_free (geometry->provider_regions);
  g_free (geometry);
}

static gboolean
rect_contains (const DmRect *r,
               double        x,
               double        y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

int
dm_diagram_geometry_band_at (const DmDiagramGeometry *geometry,
                             double                   x,
                             double                   y)
{
  g_return_val_if_fail (geometry != NULL, -1);

  for (guint i = 0; i < geometry->n_bands; i++)
    if (rect_contains (&geometry->bands[i], x, y))
      return i;

  return -1;
}

/**
 * dm_diagram_geometry_cell_at:
 *
 * Returns: (nullable): the layer cell under (@x, @y), or %NULL
 */
const DmDiagramCell *
dm_diagram_geometry_cell_at (const DmDiagramGeometry *geometry,
                             double                   x,
                             double                   y)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  for (guint i = 0; i < geometry->n_cells; i++)
    if (rect_contains (&geometry->cells[i].rect, x, y))
      return &geometry->cells[i];

  return NULL;
}


static void
set_color (cairo_t       *cr,
           const DmColor *c,
           double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static DmColor
mix (const DmColor *a,
     const DmColor *b,
     double         t)
{
  DmColor c = {
    lerp (a->red, b->red, t),
    lerp (a->green, b->green, t),
    lerp (a->blue, b->blue, t),
    lerp (a->alpha, b->alpha, t),
  };
  return c;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI_2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI_2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI_2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

/* Shared layers get diagonal stripes, not-applicable ones a cross-hatch:
 * status never rests on colour alone. */
static void
paint_pattern (cairo_t       *cr,
               DmOwner        owner,
               const DmColor *ink,
               double         strength,
               double         x,
               double         y,
               double         w,
               double         h)
{
  double step = 12;

  if (strength <= 0.01 || (owner != DM_OWNER_SHARED && owner != DM_OWNER_NOT_APPLICABLE))
    return;

  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  set_color (cr, ink, 0.22 * strength);
  cairo_set_line_width (cr, owner == DM_OWNER_SHARED ? 4 : 1.5);

  for (double d = -h; d < w + h; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
      if (owner == DM_OWNER_NOT_APPLICABLE)
        {
          cairo_move_to (cr, x + d, y);
          cairo_line_to (cr, x + d + h, y + h);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_swatch (cairo_t         *cr,
              const DmPalette *palette,
              DmOwner          owner,
              double           x,
              double           y,
              double           w,
              double           h,
              double           radius)
{
  rounded_rect (cr, x, y, w, h, radius);
  set_color (cr, &palette->fill[owner], 1);
  cairo_fill_preserve (cr);
  paint_pattern (cr, owner, &palette->on_fill[owner], 1, x, y, w, h);
  cairo_new_path (cr);
}

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *layout;
  PangoFontDescription *font;
  double                size;
} Text;

static void
text_init (Text                 *t,
           cairo_t              *cr,
           const DmDiagramState *state)
{
  t->cr = cr;
  t->layout = pango_cairo_create_layout (cr);
  t->font = pango_font_description_from_string (state->font_family ? state->font_family : "Cantarell, Sans");
  t->size = font_size (state);
}

static void
text_clear (Text *t)
{
  g_clear_object (&t->layout);
  g_clear_pointer (&t->font, pango_font_description_free);
}

/* Draws one line (or up to @lines lines) of plain text: never markup, as
 * model texts come from files the user opened. Returns the height used. */
static double
draw_text (Text           *t,
           const char     *text,
           double          scale,
           PangoWeight     weight,
           const DmColor  *color,
           double          alpha,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align,
           int             lines,
           gboolean        center_y,
           double          box_height)
{
  int pw, ph;

  if (text == NULL || width <= 4)
    return 0;

  pango_font_description_set_absolute_size (t->font, t->size * scale * PANGO_SCALE);
  pango_font_description_set_weight (t->font, weight);
  pango_layout_set_font_description (t->layout, t->font);
  pango_layout_set_attributes (t->layout, NULL);
  pango_layout_set_text (t->layout, text, -1);
  pango_layout_set_width (t->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (t->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (t->layout, lines > 1 ? -lines : -1);
  pango_layout_set_alignment (t->layout, align);
  pango_layout_get_pixel_size (t->layout, &pw, &ph);

  if (center_y)
    y += (box_height - ph) / 2;

  set_color (t->cr, color, alpha);
  cairo_move_to (t->cr, x, y);
  pango_cairo_show_layout (t->cr, t->layout);

  return ph;
}

static double text_width          (Text        *t,
                                   const char  *text,
                                   double       scale);
static double text_width_weighted (Text        *t,
                                   const char  *text,
                                   double       scale,
                                   PangoWeight  weight);

static DmColor
hex_colour (const char *hex)
{
  guint32 value = hex && hex[0] == '#' ? (guint32)g_ascii_strtoull (hex + 1, NULL, 16) : 0xdeddda;

  return rgb (value);
}

/* The label of a status: a symbol and words, so it reads without colour. */
static char *
status_label (const DmLayerResult *result,
              gboolean             short_form)
{
  switch (result->status)
    {
    case DM_LAYER_GAP:
      if (short_form)
        return g_strdup_printf ("⚠ %u", result->failed);
      /* Translators: a gap badge: warning sign, number of failed findings,
       * the worst severity among them, e.g. "⚠ 74 · High" */
      return g_strdup_printf (_("⚠ %u · %s"), result->failed, dm_severity_to_label (result->worst));
    case DM_LAYER_OK:
      return g_strdup (short_form ? "✓" : _("✓ ok"));
    case DM_LAYER_NO_DATA:
      return g_strdup (short_form ? "?" : _("? no data"));
    case DM_LAYER_PROVIDER:
    case DM_LAYER_NOT_APPLICABLE:
    default:
      return NULL;
    }
}

/* Draws a status pill whose right edge is @right, in the severity's
 * colours for a gap; returns its width (0 when nothing to show or no room).
 * Short of room it drops to the symbol and count. */
static double
paint_status_badge (Text                *t,
                    const DmPalette     *p,
                    const DmLayerResult *result,
                    double               right,
                    double               y,
                    double               box_height,
                    double               max_width,
                    double               scale)
{
  g_autofree char *label = status_label (result, FALSE);
  cairo_t *cr = t->cr;
  DmColor fill, ink, white = { 1, 1, 1, 1 }, dark = { 0.14, 0.12, 0.19, 1 };
  double w, h, x, top;

  if (label == NULL)
    return 0;

  w = text_width_weighted (t, label, scale, PANGO_WEIGHT_BOLD) + t->size * 1.0;
  if (w > max_width)
    {
      g_free (label);
      label = status_label (result, TRUE);
      w = text_width_weighted (t, label, scale, PANGO_WEIGHT_BOLD) + t->size * 0.9;
    }
  h = MIN (box_height, t->size * scale * 1.6);
  if (w > max_width || h < t->size * scale)
    return 0;

  x = right - w;
  top = y + (box_height - h) / 2;
  if (result->status == DM_LAYER_GAP)
    {
      const DmSeverityColours *colours = dm_severity_colours (result->worst);

      fill = hex_colour (colours->background);
      ink = hex_colour (colours->foreground);
    }
  else
    {
      fill = result->status == DM_LAYER_OK ? p->ok : p->no_data;
      ink = result->status == DM_LAYER_NO_DATA ? (p->no_data.red > 0.5 ? dark : white) : white;
    }

  cairo_save (cr);
  rounded_rect (cr, x, top, w, h, h / 2);
  set_color (cr, &fill, 1);
  cairo_fill_preserve (cr);
  /* "No data" is outlined with dashes: absent evidence, not a pass. */
  set_color (cr, &ink, result->status == DM_LAYER_NO_DATA ? 0.8 : 0.45);
  cairo_set_line_width (cr, 1.5);
  if (result->status == DM_LAYER_NO_DATA)
    {
      double dash[] = { 4, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_text (t, label, scale, PANGO_WEIGHT_BOLD, &ink, 1, x, top, w, PANGO_ALIGN_CENTER, 1, TRUE, h);
  return w;
}

/* "+2 −1": gaps opened and closed since the older export, in a pill
 * outlined in the band's ink; returns its width, 0 when none or no room. */
static double
paint_change_badge (Text                 *t,
                    const DmChangeCounts *changes,
                    const DmColor        *ink,
                    double                right,
                    double                y,
                    double                box_height,
                    double                max_width,
                    double                scale)
{
  g_autofree char *label = NULL;
  double w, h, x, top;

  if (changes == NULL || changes->opened + changes->closed == 0)
    return 0;

  if (changes->opened && changes->closed)
    label = g_strdup_printf ("+%u −%u", changes->opened, changes->closed);
  else if (changes->opened)
    label = g_strdup_printf ("+%u", changes->opened);
  else
    label = g_strdup_printf ("−%u", changes->closed);

  w = text_width_weighted (t, label, scale, PANGO_WEIGHT_BOLD) + t->size * 1.1;
  h = MIN (box_height - 4, t->size * scale * 1.6);
  if (w > max_width || h < t->size * scale)
    return 0;

  x = right - w;
  top = y + (box_height - h) / 2;
  cairo_save (t->cr);
  rounded_rect (t->cr, x, top, w, h, 3);
  set_color (t->cr, ink, 0.9);
  cairo_set_line_width (t->cr, 1.5);
  cairo_stroke (t->cr);
  cairo_restore (t->cr);
  draw_text (t, label, scale, PANGO_WEIGHT_BOLD, ink, 1, x, top, w, PANGO_ALIGN_CENTER, 1, TRUE, h);
  return w;
}

static void
band_changes (const DmDiagramState *state,
              DmBand               *band,
              DmChangeCounts       *counts)
{
  memset (counts, 0, sizeof *counts);
  for (guint i = 0; state->changes && i < dm_band_get_n_layers (band); i++)
    {
      const DmChangeCounts *c = &state->changes[dm_layer_get_index (dm_band_get_layer (band, i))];

      counts->opened += c->opened;
      counts->closed += c->closed;
      counts->unchanged += c->unchanged;
    }
}
static DmOwner
previous_owner (const DmDiagramState *state,
                guint                 layer,
                DmOwner               owner)
{
  if (state->previous == NULL || state->progress >= 1.0)
    return owner;
  return dm_service_get_owner (state->previous, dm_model_get_layer (state->model, layer));
}

static void
paint_cell_box (Text                 *t,
                const DmDiagramState *state,
                const DmDiagramCell  *cell,
                gboolean              hovered)
{
  cairo_t *cr = t->cr;
  const DmPalette *p = state->palette;
  const DmRect *r = &cell->rect;
  DmOwner before = previous_owner (state, cell->layer, cell->owner);
  double progress = state->previous ? CLAMP (state->progress, 0, 1) : 1;
  DmColor fill = mix (&p->fill[before], &p->fill[cell->owner], progress);
  DmColor ink = mix (&p->on_fill[before], &p->on_fill[cell->owner], progress);
  gboolean emphasised = state->selected_layer == (int)cell->layer;

  cairo_save (cr);
  rounded_rect (cr, r->x, r->y, r->width, r->height, CELL_RADIUS);
  set_color (cr, &fill, 1);
  cairo_fill_preserve (cr);
  paint_pattern (cr, before, &ink, 1 - progress, r->x, r->y, r->width, r->height);
  paint_pattern (cr, cell->owner, &ink, progress, r->x, r->y, r->width, r->height);
  if (hovered)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.14);
      cairo_fill_preserve (cr);
    }
  cairo_new_path (cr);
  rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, CELL_RADIUS);
  set_color (cr, emphasised ? &p->highlight : &ink, emphasised ? 1 : 0.35);
  cairo_set_line_width (cr, emphasised ? 3 : 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A cell's words: the layer's name (wrapped, then ellipsized; the full
 * text is in the tooltip and the band's accessible description), its
 * owner's word and the status pill; the reason too when tall enough. */
static void
paint_cell_text (Text                 *t,
                 const DmDiagramState *state,
                 const DmDiagramCell  *cell)
{
  const DmPalette *p = state->palette;
  const DmRect *r = &cell->rect;
  DmLayer *layer = dm_model_get_layer (state->model, cell->layer);
  const DmColor *ink = &p->on_fill[cell->owner];
  const char *owner = dm_model_get_owner_label (state->model, cell->owner);
  double inner_x = r->x + 8, inner_w = r->width - 16;
  double line = t->size * 1.12;
  double foot = t->size * 1.2;
  double owner_w = MIN (inner_w, text_width_weighted (t, owner, 0.78, PANGO_WEIGHT_BOLD) + 4);
  double badge_w = 0;

  if (inner_w < t->size * 2 || r->height < t->size * 1.3)
    return;

  if (r->height >= line + foot + 7)
    {
      double name_room = r->height - 8 - foot;
      int lines = (int)CLAMP (floor (name_room / (line * 0.95)), 1, 3);
      double used;

      used = draw_text (t, dm_layer_get_name (layer), 0.88, PANGO_WEIGHT_BOLD, ink, 1,
                        inner_x, r->y + 4, inner_w, PANGO_ALIGN_LEFT, MIN (lines, 2), FALSE, 0);
      /* Room to spare: the reason, in as many lines as fit. */
      if (name_room - used >= t->size * 2.2 && inner_w >= t->size * 9)
        draw_text (t, dm_service_get_reason (state->service, layer), 0.76, PANGO_WEIGHT_NORMAL, ink, 0.92,
                   inner_x, r->y + 8 + used, inner_w, PANGO_ALIGN_LEFT,
                   (int)floor ((name_room - used - 4) / (t->size * 0.76 * 1.25)), FALSE, 0);

      if (state->results != NULL)
        badge_w = paint_status_badge (t, p, &state->results[cell->layer], r->x + r->width - 5,
                                      r->y + r->height - foot - 3, foot, inner_w - owner_w - 6, 0.75);
      draw_text (t, owner, 0.78, PANGO_WEIGHT_BOLD, ink, 1, inner_x, r->y + r->height - foot - 3,
                 MAX (owner_w, inner_w - badge_w - 6), PANGO_ALIGN_LEFT, 1, TRUE, foot);
      return;
    }

  /* One line: the status and owner first, the name gives way. */
  if (state->results != NULL)
    badge_w = paint_status_badge (t, p, &state->results[cell->layer], r->x + r->width - 6, r->y,
                                  r->height, (inner_w - owner_w) / 2, 0.72);
  if (badge_w > 0)
    badge_w += 6;
  draw_text (t, owner, 0.78, PANGO_WEIGHT_BOLD, ink, 1, r->x + r->width - 8 - badge_w - owner_w, r->y,
             owner_w, PANGO_ALIGN_RIGHT, 1, TRUE, r->height);
  draw_text (t, dm_layer_get_name (layer), 0.85, PANGO_WEIGHT_BOLD, ink, 1, inner_x, r->y,
             inner_w - owner_w - badge_w - 8, PANGO_ALIGN_LEFT, 1, TRUE, r->height);
}

static void
paint_band_frame (const DmDiagramState *state,
                  cairo_t              *cr,
                  const DmRect         *r,
                  gboolean              hovered,
                  gboolean              selected)
{
  const DmPalette *p = state->palette;

  /* A neutral frame: the band itself claims no owner, its layers do. */
  cairo_save (cr);
  rounded_rect (cr, r->x, r->y, r->width, r->height, RADIUS);
  set_color (cr, &p->foreground, hovered ? 0.10 : 0.055);
  cairo_fill_preserve (cr);
  set_color (cr, selected ? &p->highlight : &p->foreground, selected ? 1 : 0.18);
  cairo_set_line_width (cr, selected ? 2.5 : 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_band (Text                    *t,
            const DmDiagramState    *state,
            const DmDiagramGeometry *g,
            guint                    index)
{
  const DmPalette *p = state->palette;
  DmBand *band = dm_model_get_band (state->model, index);
  const DmRect *r = &g->bands[index];
  g_autofree char *owners = dm_diagram_band_owner_label (state->model, state->service, band);
  guint mask = dm_diagram_band_owners (state->service, band);
  gboolean mixed = (mask & (mask - 1)) != 0;
  double header = g->header_height;
  double text_w = r->width - 24;
  /* The band's name keeps what it needs up to half the row; the owners,
   * which say more, get the rest. */
  double name_w = MIN (text_w * 0.5, text_width_weighted (t, dm_band_get_name (band), 1.0, PANGO_WEIGHT_BOLD) + 12);
  double owner_w = MIN (text_w - name_w, text_width_weighted (t, owners, 0.85, PANGO_WEIGHT_SEMIBOLD) + 4);
  double badge_w = 0;

  if (r->height < 2 || r->width < 2)
    return;

  /* Short of room, "Mixed" alone: each cell names its owner, the tooltip
   * and the accessible label list them all. */
  if (owner_w < text_width_weighted (t, owners, 0.85, PANGO_WEIGHT_SEMIBOLD) && mixed)
    {
      g_free (owners);
      owners = g_strdup (C_("band owners", "Mixed"));
      owner_w = MIN (text_w - name_w, text_width_weighted (t, owners, 0.85, PANGO_WEIGHT_SEMIBOLD) + 4);
    }

  paint_band_frame (state, t->cr, r, state->hover_band == (int)index, state->selected_band == (int)index);

  if (header >= t->size * 1.1)
    {
      if (state->changes != NULL)
        {
          DmChangeCounts counts;

          band_changes (state, band, &counts);
          badge_w = paint_change_badge (t, &counts, &p->foreground, r->x + r->width - 12 - owner_w - 8,
                                        r->y + 2, header - 2, (text_w - owner_w) * 0.6, 0.8);
          if (badge_w > 0)
            badge_w += 8;
        }

      draw_text (t, dm_band_get_name (band), 1.0, PANGO_WEIGHT_BOLD, &p->foreground, 1,
                 r->x + 12, r->y + 2, text_w - owner_w - badge_w, PANGO_ALIGN_LEFT, 1, TRUE, header - 2);
      draw_text (t, owners, 0.85, PANGO_WEIGHT_SEMIBOLD, &p->foreground, 0.85,
                 r->x + r->width - 12 - owner_w, r->y + 2, owner_w, PANGO_ALIGN_RIGHT, 1, TRUE, header - 2);
    }

  for (guint i = 0; i < g->n_cells; i++)
    if (g->cells[i].band == index && g->cells[i].rect.width > 1 && g->cells[i].rect.height > 1)
      {
        paint_cell_box (t, state, &g->cells[i], state->hover_layer == (int)g->cells[i].layer);
        paint_cell_text (t, state, &g->cells[i]);
      }
}

/* The gutter's colour for a band: its one owner, or shared's for a mix. */
static DmOwner
bracket_owner (guint owners)
{
  guint people = owners & ~(1u << DM_OWNER_NOT_APPLICABLE);

  if (people == 0)
    return DM_OWNER_NOT_APPLICABLE;
  if (people == (1u << DM_OWNER_PROVIDER))
    return DM_OWNER_PROVIDER;
  if (people == (1u << DM_OWNER_CUSTOMER))
    return DM_OWNER_CUSTOMER;
  return DM_OWNER_SHARED;
}

/* The line: under the lowest band with any customer or shared layer, and
 * around each provider layer above it, so it follows the layers. */
static void
paint_boundary_line (const DmDiagramState    *state,
                     cairo_t                 *cr,
                     const DmDiagramGeometry *g)
{
  const DmPalette *p = state->palette;
  gboolean gutter = g->gutter_width > 0;
  double axis_x = g->gutter_x + 14;

  cairo_save (cr);
  set_color (cr, &p->boundary, 1);
  cairo_set_line_width (cr, 4);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, g->stack.x - 4, g->boundary_y);
  cairo_line_to (cr, gutter ? axis_x : g->stack.x + g->stack.width + 4, g->boundary_y);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 3);
  for (guint i = 0; i < g->n_cells; i++)
    {
      const DmRect *c = &g->cells[i].rect;

      if (g->cells[i].owner != DM_OWNER_PROVIDER || c->y + c->height > g->boundary_y || c->width < 4)
        continue;
      rounded_rect (cr, c->x - 1.5, c->y - 1.5, c->width + 3, c->height + 3, CELL_RADIUS + 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
paint_brackets (const DmDiagramState    *state,
                cairo_t                 *cr,
                const DmDiagramGeometry *g)
{
  double axis_x = g->gutter_x + 14;

  cairo_save (cr);
  cairo_set_line_width (cr, 5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < g->n_bands; i++)
    {
      const DmRect *r = &g->bands[i];
      DmOwner owner = bracket_owner (dm_diagram_band_owners (state->service, dm_model_get_band (state->model, i)));

      if (r->height < 12)
        continue;
      set_color (cr, &state->palette->fill[owner], 1);
      cairo_move_to (cr, axis_x, r->y + 5);
      cairo_line_to (cr, axis_x, r->y + r->height - 5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
paint_side_label (Text          *t,
                  const DmColor *fg,
                  const DmColor *dim,
                  const char    *title,
                  const char    *subtitle,
                  double         x,
                  double         top,
                  double         bottom,
                  double         width)
{
  double block = t->size * 3.4;
  double y = top + MAX (0, (bottom - top - block) / 2);

  if (bottom - top < t->size * 1.4)
    return;
  y += draw_text (t, title, 1.0, PANGO_WEIGHT_BOLD, fg, 1, x, y, width, PANGO_ALIGN_LEFT, 2, FALSE, 0);
  if (bottom - y > t->size * 1.2)
    draw_text (t, subtitle, 0.8, PANGO_WEIGHT_NORMAL, dim, 1, x, y + 2, width, PANGO_ALIGN_LEFT, 2, FALSE, 0);
}

/* Along a narrow gutter's bracket, reading upwards: the owner, and what
 * it secures when there is room. */
static void
paint_rotated_label (Text          *t,
                     const DmColor *fg,
                     const char    *title,
                     const char    *subtitle,
                     double         x,
                     double         top,
                     double         bottom,
                     double         width)
{
  g_autofree char *full = g_strdup_printf ("%s · %s", title, subtitle);
  double span = bottom - top - 8;
  const char *text = text_width_weighted (t, full, 0.85, PANGO_WEIGHT_BOLD) <= span ? full : title;

  if (span < t->size * 2)
    return;
  cairo_save (t->cr);
  cairo_translate (t->cr, x, bottom - 4);
  cairo_rotate (t->cr, -G_PI_2);
  draw_text (t, text, 0.85, PANGO_WEIGHT_BOLD, fg, 1, 0, 0, span, PANGO_ALIGN_CENTER, 1, TRUE, width);
  cairo_restore (t->cr);
}

static void
paint_boundary (Text                    *t,
                const DmDiagramState    *state,
                const DmDiagramGeometry *g)
{
  const DmPalette *p = state->palette;
  double label_x = g->gutter_x + 26;
  double label_w = g->gutter_x + g->gutter_width - label_x;

  paint_boundary_line (state, t->cr, g);
  if (g->gutter_width <= 0)
    return;

  paint_brackets (state, t->cr, g);
  if (g->gutter_width < 100)
    {
      paint_rotated_label (t, &p->foreground, dm_model_get_owner_label (state->model, DM_OWNER_CUSTOMER),
                           _("security in the cloud"), label_x - 6, g->stack.y, g->boundary_y - 4, label_w + 6);
      paint_rotated_label (t, &p->foreground, dm_model_get_provider (state->model), _("security of the cloud"),
                           label_x - 6, g->boundary_y + 4, g->stack.y + g->stack.height, label_w + 6);
      return;
    }
  paint_side_label (t, &p->foreground, &p->dim, dm_model_get_owner_label (state->model, DM_OWNER_CUSTOMER),
                    _("security in the cloud"), label_x, g->stack.y, g->boundary_y - 4, label_w);
  paint_side_label (t, &p->foreground, &p->dim, dm_model_get_provider (state->model),
                    _("security of the cloud"), label_x, g->boundary_y + 4, g->stack.y + g->stack.height, label_w);
}

static double
text_width_weighted (Text        *t,
                     const char  *text,
                     double       scale,
                     PangoWeight  weight)
{
  int w, h;

  pango_font_description_set_absolute_size (t->font, t->size * scale * PANGO_SCALE);
  pango_font_description_set_weight (t->font, weight);
  pango_layout_set_font_description (t->layout, t->font);
  pango_layout_set_width (t->layout, -1);
  pango_layout_set_text (t->layout, text, -1);
  pango_layout_get_pixel_size (t->layout, &w, &h);
  return w;
}

static double
text_width (Text       *t,
            const char *text,
            double      scale)
{
  return text_width_weighted (t, text, scale, PANGO_WEIGHT_NORMAL);
}

/* Five entries, wrapped onto a second row when the diagram is narrow,
 * never cut: the legend is where colour gets its words. */
static void
paint_legend (Text                    *t,
              const DmDiagramState    *state,
              const DmDiagramGeometry *g)
{
  static const DmOwner order[] = { DM_OWNER_CUSTOMER, DM_OWNER_SHARED, DM_OWNER_PROVIDER, DM_OWNER_NOT_APPLICABLE };
  cairo_t *cr = t->cr;
  const DmRect *r = &g->legend;
  double sw = t->size * 1.1;
  double spacing = t->size * 1.2;
  guint rows = r->height > t->size * 2.6 ? 2 : 1;
  double row_h = r->height / rows;
  double x = r->x, y = r->y;
  double right = r->x + r->width;

  if (r->height <= 0 || r->width <= 0)
    return;

  for (guint i = 0; i <= G_N_ELEMENTS (order); i++)
    {
      gboolean line = i == G_N_ELEMENTS (order);
      const char *label = line ? _("Boundary") : dm_model_get_owner_label (state->model, order[i]);
      double w = text_width (t, label, 0.85);

      if (x > r->x && x + sw + 6 + w > right && y + row_h < r->y + r->height - 1)
        {
          x = r->x;
          y += row_h;
        }
      if (line)
        {
          cairo_save (cr);
          set_color (cr, &state->palette->boundary, 1);
          cairo_set_line_width (cr, 4);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, x + 2, y + row_h / 2);
          cairo_line_to (cr, x + sw, y + row_h / 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        paint_swatch (cr, state->palette, order[i], x, y + (row_h - sw) / 2, sw, sw, 4);
      draw_text (t, label, 0.85, PANGO_WEIGHT_NORMAL, &state->palette->foreground, 1,
                 x + sw + 6, y, MIN (w + 2, right - x - sw - 6), PANGO_ALIGN_LEFT, 1, TRUE, row_h);
      x += sw + 6 + w + spacing;
    }
}

/**
 * dm_diagram_paint:
 * @cr: where to draw; the diagram fills (0, 0, @width, @height)
 *
 * Draws the stack of bands of @state's service, bottom (physical) to top
 * (data), coloured by owner, with the provider/customer boundary and a legend.
 * Draws nothing when there is no model or service.
 */
void
dm_diagram_paint (cairo_t              *cr,
                  const DmDiagramState *state,
                  double                width,
                  double                height)
{
  g_autoptr(DmDiagramGeometry) geometry = NULL;
  Text text;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (state->palette != NULL);

  if (state->model == NULL || state->service == NULL || width < 1 || height < 1)
    return;

  geometry = dm_diagram_geometry_new (state, width, height);
  text_init (&text, cr, state);

  cairo_save (cr);
  for (guint i = 0; i < geometry->n_bands; i++)
    paint_band (&text, state, geometry, i);
  paint_boundary (&text, state, geometry);
  paint_legend (&text, state, geometry);
  cairo_restore (cr);

  text_clear (&text);
}
