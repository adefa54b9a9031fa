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
double
dm_diagram_state_boundary (const DmDiagramState *state)
{
  double current, previous;

  if (state->model == NULL || state->service == NULL)
    return 0;

  current = dm_model_get_boundary (state->model, state->service);
  if (state->previous == NULL || state->progress >= 1.0)
    return current;

  previous = dm_model_get_boundary (state->model, state->previous);
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

  if (width >= 520 * scale)
    return 150 * scale;
  if (width >= 340 * scale)
    return 104 * scale;
  return 0;
}

static double
legend_height (const DmDiagramState *state)
{
  return state->show_legend ? ceil (font_size (state) * 2.2) : 0;
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

DmDiagramGeometry *
dm_diagram_geometry_new (const DmDiagramState *state,
                         double                width,
                         double                height)
{
  DmDiagramGeometry *g;
  double available, y;
  double legend;

  g_return_val_if_fail (state != NULL, NULL);

  g = g_new0 (DmDiagramGeometry, 1);
  g->n_bands = state->model ? dm_model_get_n_bands (state->model) : 0;
  g->bands = g_new0 (DmRect, MAX (g->n_bands, 1));

  legend = legend_height (state);
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

  available = MAX (0, g->stack.height - GAP * (g->n_bands ? g->n_bands - 1 : 0));

  /* An open band grows to fit one row per layer (within reason); the others
   * share what is left equally. */
  for (guint i = 0; i < g->n_bands; i++)
    g->bands[i].height = g->n_bands ? available / g->n_bands : 0;

  if (state->selected_band >= 0 && state->selected_band < (int)g->n_bands && g->n_bands > 1)
    {
      guint n = dm_band_get_n_layers (dm_model_get_band (state->model, state->selected_band));
      double size = font_size (state);
      double base = available / g->n_bands;
      double wanted = size * 2.6 + n * (size * 3.4 + 4) + 12;
      double open = lerp (base, CLAMP (wanted, base, available * 0.7), CLAMP (state->expansion, 0, 1));
      double rest = (available - open) / (g->n_bands - 1);

      for (guint i = 0; i < g->n_bands; i++)
        g->bands[i].height = (int)i == state->selected_band ? open : rest;
    }

  y = g->stack.y + g->stack.height;

  /* Band 0 is the bottom of the stack: the provider's foundations. */
  for (guint i = 0; i < g->n_bands; i++)
    {
      double h = g->bands[i].height;

      g->bands[i].x = g->stack.x;
      g->bands[i].width = g->stack.width;
      g->bands[i].y = y - h;
      y -= h + GAP;
    }

  g->boundary_y = level_to_y (g, dm_diagram_state_boundary (state));

  return g;
}

void
dm_diagram_geometry_free (DmDiagramGeometry *geometry)
{
  if (geometry == NULL)
    return;

  g_free (geometry->bands);
  g_free (geometry);
}

int
dm_diagram_geometry_band_at (const DmDiagramGeometry *geometry,
                             double                   x,
                             double                   y)
{
  g_return_val_if_fail (geometry != NULL, -1);

  for (guint i = 0; i < geometry->n_bands; i++)
    {
      const DmRect *r = &geometry->bands[i];

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return i;
    }

  return -1;
}

/* --- painting ---------------------------------------------------------- */

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

static double text_width (Text       *t,
                          const char *text,
                          double      scale);

/* The label of a status: a symbol and words, so it reads without colour. */
static char *
status_label (const DmLayerResult *result)
{
  switch (result->status)
    {
    case DM_LAYER_GAP:
      /* Translators: a gap badge: warning sign, number of failed findings,
       * the worst severity among them */
      return g_strdup_printf (_("⚠ %u, worst %s"), result->failed, dm_severity_to_word (result->worst));
    case DM_LAYER_OK:
      return g_strdup (_("✓ ok"));
    case DM_LAYER_NO_DATA:
      return g_strdup (_("? no data"));
    case DM_LAYER_PROVIDER:
    case DM_LAYER_NOT_APPLICABLE:
    default:
      return NULL;
    }
}

/* Draws a status pill whose right edge is @right; returns its width (0
 * when there is nothing to show or no room). */
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
  g_autofree char *label = status_label (result);
  cairo_t *cr = t->cr;
  const DmColor *fill, *ink;
  DmColor white = { 1, 1, 1, 1 }, dark = { 0.14, 0.12, 0.19, 1 };
  double w, h, x, top;

  if (label == NULL)
    return 0;

  w = text_width (t, label, scale) + t->size * 1.1;
  h = MIN (box_height - 4, t->size * scale * 1.6);
  /* Short of room, a gap shows its count alone: "4 critical" would say
   * all four are critical. */
  if (w > max_width && result->status == DM_LAYER_GAP)
    {
      g_free (label);
      label = g_strdup_printf ("⚠ %u", result->failed);
      w = text_width (t, label, scale) + t->size * 1.1;
    }
  if (w > max_width || h < t->size * scale)
    return 0;

  x = right - w;
  top = y + (box_height - h) / 2;
  fill = result->status == DM_LAYER_GAP ? &p->gap : result->status == DM_LAYER_OK ? &p->ok : &p->no_data;
  ink = result->status == DM_LAYER_NO_DATA ? (p->no_data.red > 0.5 ? &dark : &white) : &white;

  cairo_save (cr);
  rounded_rect (cr, x, top, w, h, h / 2);
  set_color (cr, fill, 1);
  cairo_fill_preserve (cr);
  /* "No data" is outlined with dashes: absent evidence, not a pass. */
  set_color (cr, ink, result->status == DM_LAYER_NO_DATA ? 0.8 : 0.35);
  cairo_set_line_width (cr, 1.5);
  if (result->status == DM_LAYER_NO_DATA)
    {
      double dash[] = { 4, 3 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_text (t, label, scale, PANGO_WEIGHT_BOLD, ink, 1, x, top, w, PANGO_ALIGN_CENTER, 1, TRUE, h);
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

  w = text_width (t, label, scale) + t->size * 1.1;
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

static void
paint_layer_rows (Text                 *t,
                  const DmDiagramState *state,
                  DmBand               *band,
                  const DmRect         *area,
                  double                alpha)
{
  cairo_t *cr = t->cr;
  const DmPalette *p = state->palette;
  guint n = dm_band_get_n_layers (band);
  double row_gap = 4;
  double row_h = MIN (t->size * 3.6, (area->height - row_gap * (n - 1)) / n);

  if (row_h < t->size * 1.2 || alpha <= 0.01)
    return;

  for (guint i = 0; i < n; i++)
    {
      DmLayer *layer = dm_band_get_layer (band, i);
      DmOwner owner = dm_service_get_owner (state->service, layer);
      double y = area->y + i * (row_h + row_gap);
      double inner = area->width - 24;
      double owner_w = MIN (inner * 0.35, text_width (t, dm_model_get_owner_label (state->model, owner), 0.8) + 8);
      gboolean emphasised = state->selected_layer == (int)dm_layer_get_index (layer);

      cairo_save (cr);
      rounded_rect (cr, area->x, y, area->width, row_h, 7);
      set_color (cr, &p->fill[owner], alpha);
      cairo_fill_preserve (cr);
      paint_pattern (cr, owner, &p->on_fill[owner], alpha, area->x, y, area->width, row_h);
      rounded_rect (cr, area->x, y, area->width, row_h, 7);
      set_color (cr, &p->on_fill[owner], (emphasised ? 0.95 : 0.45) * alpha);
      cairo_set_line_width (cr, emphasised ? 3 : 1);
      cairo_stroke (cr);
      cairo_restore (cr);

      {
        double badge_w = 0;

        /* The badge first, so the name gives way to it. */
        if (state->results != NULL && alpha > 0.5)
          badge_w = paint_status_badge (t, p, &state->results[dm_layer_get_index (layer)],
                                        area->x + area->width - 12 - owner_w - 8, y + 2, t->size * 1.5,
                                        inner / 2, 0.75);
        if (badge_w > 0)
          badge_w += 8;

        if (row_h >= t->size * 2.9)
          {
            draw_text (t, dm_layer_get_name (layer), 0.9, PANGO_WEIGHT_BOLD, &p->on_fill[owner], alpha,
                       area->x + 12, y + 6, inner - owner_w - badge_w, PANGO_ALIGN_LEFT, 1, FALSE, 0);
            draw_text (t, dm_service_get_reason (state->service, layer), 0.8, PANGO_WEIGHT_NORMAL,
                       &p->on_fill[owner], 0.9 * alpha,
                       area->x + 12, y + 6 + t->size * 1.25, inner, PANGO_ALIGN_LEFT, 1, FALSE, 0);
          }
        else
          draw_text (t, dm_layer_get_name (layer), 0.85, PANGO_WEIGHT_BOLD, &p->on_fill[owner], alpha,
                     area->x + 12, y, inner - owner_w - badge_w, PANGO_ALIGN_LEFT, 1, TRUE, row_h);

        draw_text (t, dm_model_get_owner_label (state->model, owner), 0.8, PANGO_WEIGHT_BOLD,
                   &p->on_fill[owner], alpha, area->x + area->width - 12 - owner_w, y + 6,
                   owner_w, PANGO_ALIGN_RIGHT, 1, FALSE, 0);
      }
    }
}

/* The detailed layers of a closed band, as a row of labelled chips; they
 * stand out when the pointer is over the band. */
static void
paint_layer_chips (Text                 *t,
                   const DmDiagramState *state,
                   DmBand               *band,
                   const DmRect         *area,
                   gboolean              hovered)
{
  cairo_t *cr = t->cr;
  const DmPalette *p = state->palette;
  guint n = dm_band_get_n_layers (band);
  double gap = 6;
  double chip_w = (area->width - gap * (n - 1)) / n;
  double chip_h = MIN (area->height, t->size * 1.8);

  if (chip_w < 30 || chip_h < t->size)
    return;

  for (guint i = 0; i < n; i++)
    {
      DmLayer *layer = dm_band_get_layer (band, i);
      DmOwner owner = dm_service_get_owner (state->service, layer);
      double x = area->x + i * (chip_w + gap);

      rounded_rect (cr, x, area->y, chip_w, chip_h, chip_h / 2);
      set_color (cr, &p->fill[owner], 1);
      cairo_fill_preserve (cr);
      paint_pattern (cr, owner, &p->on_fill[owner], 1, x, area->y, chip_w, chip_h);
      rounded_rect (cr, x, area->y, chip_w, chip_h, chip_h / 2);
      set_color (cr, &p->on_fill[owner], hovered ? 0.9 : 0.5);
      cairo_set_line_width (cr, hovered ? 2 : 1);
      cairo_stroke (cr);

      if (state->results != NULL && state->results[dm_layer_get_index (layer)].status == DM_LAYER_GAP)
        {
          rounded_rect (cr, x, area->y, chip_w, chip_h, chip_h / 2);
          set_color (cr, &p->gap, 1);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }

      {
        g_autofree char *text = NULL;
        const DmLayerResult *result = state->results ? &state->results[dm_layer_get_index (layer)] : NULL;

        /* A symbol in front of the name says the status without colour. */
        if (result && result->status == DM_LAYER_GAP)
          text = g_strdup_printf ("⚠ %s", dm_layer_get_name (layer));
        else if (result && result->status == DM_LAYER_OK)
          text = g_strdup_printf ("✓ %s", dm_layer_get_name (layer));
        else if (result && result->status == DM_LAYER_NO_DATA)
          text = g_strdup_printf ("? %s", dm_layer_get_name (layer));
        else
          text = g_strdup (dm_layer_get_name (layer));

        draw_text (t, text, 0.75, PANGO_WEIGHT_SEMIBOLD, &p->on_fill[owner], 1,
                   x + 8, area->y, chip_w - 16, PANGO_ALIGN_CENTER, 1, TRUE, chip_h);
      }
    }
}

static void
paint_band (Text                    *t,
            const DmDiagramState    *state,
            const DmDiagramGeometry *g,
            guint                    index)
{
  cairo_t *cr = t->cr;
  const DmPalette *p = state->palette;
  DmBand *band = dm_model_get_band (state->model, index);
  const DmRect *r = &g->bands[index];
  DmOwner owner = dm_service_get_band_owner (state->service, band);
  DmOwner before = state->previous ? dm_service_get_band_owner (state->previous, band) : owner;
  double progress = state->previous ? CLAMP (state->progress, 0, 1) : 1;
  DmColor fill = mix (&p->fill[before], &p->fill[owner], progress);
  DmColor ink = mix (&p->on_fill[before], &p->on_fill[owner], progress);
  gboolean hovered = state->hover_band == (int)index;
  gboolean selected = state->selected_band == (int)index;
  double header = MIN (r->height, t->size * 2.6);
  double text_w = r->width - 28;
  double owner_w = MIN (text_w * 0.45, text_width (t, dm_model_get_owner_label (state->model, owner), 0.95) + 16);

  if (r->height < 2 || r->width < 2)
    return;

  cairo_save (cr);
  rounded_rect (cr, r->x, r->y, r->width, r->height, RADIUS);
  set_color (cr, &fill, 1);
  cairo_fill_preserve (cr);
  paint_pattern (cr, before, &ink, 1 - progress, r->x, r->y, r->width, r->height);
  paint_pattern (cr, owner, &ink, progress, r->x, r->y, r->width, r->height);

  if (hovered)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.12);
      cairo_fill_preserve (cr);
    }
  cairo_new_path (cr);

  if (selected || hovered)
    {
      rounded_rect (cr, r->x + 1.5, r->y + 1.5, r->width - 3, r->height - 3, RADIUS - 1.5);
      set_color (cr, &ink, selected ? 0.95 : 0.5);
      cairo_set_line_width (cr, selected ? 3 : 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (header >= t->size * 1.1)
    {
      double badge_w = 0;

      if (state->results != NULL)
        {
          DmLayerResult band_result;

          dm_layer_results_for_band (state->results, band, &band_result);
          badge_w = paint_status_badge (t, p, &band_result, r->x + r->width - 14 - owner_w - 8,
                                        r->y, header, (text_w - owner_w) / 2, 0.8);
          if (badge_w > 0)
            badge_w += 8;
        }

      if (state->changes != NULL)
        {
          DmChangeCounts counts;
          double change_w;

          band_changes (state, band, &counts);
          /* What changed matters more than the whole band name. */
          change_w = paint_change_badge (t, &counts, &ink, r->x + r->width - 14 - owner_w - 8 - badge_w,
                                         r->y, header, (text_w - owner_w) * 0.8 - badge_w, 0.8);
          if (change_w > 0)
            badge_w += change_w + 6;
        }

      draw_text (t, dm_band_get_name (band), 1.05, PANGO_WEIGHT_BOLD, &ink, 1,
                 r->x + 14, r->y, text_w - owner_w - badge_w, PANGO_ALIGN_LEFT, 1, TRUE, header);
      draw_text (t, dm_model_get_owner_label (state->model, owner), 0.95, PANGO_WEIGHT_BOLD, &ink, 1,
                 r->x + r->width - 14 - owner_w, r->y, owner_w, PANGO_ALIGN_RIGHT, 1, TRUE, header);
    }

  if (selected && state->expansion > 0)
    {
      DmRect area = { r->x + 10, r->y + header, r->width - 20, r->height - header - 10 };
      paint_layer_rows (t, state, band, &area, CLAMP (state->expansion, 0, 1));
    }
  else if (r->height >= header + t->size * 1.6)
    {
      double chip_h = MIN (r->height - header - 8, t->size * 1.8);
      DmRect area = { r->x + 12, r->y + r->height - chip_h - 10, r->width - 24, chip_h };
      paint_layer_chips (t, state, band, &area, hovered);
    }
}

static void
paint_boundary (Text                    *t,
                const DmDiagramState    *state,
                const DmDiagramGeometry *g)
{
  cairo_t *cr = t->cr;
  const DmPalette *p = state->palette;
  double y = g->boundary_y;
  double top = g->stack.y;
  double bottom = g->stack.y + g->stack.height;
  double axis_x = g->gutter_x + 14;
  double label_x = axis_x + 12;
  double label_w = g->gutter_x + g->gutter_width - label_x;
  gboolean gutter = g->gutter_width > 0;

  /* The line itself: a strong rule across the stack, with round ends. */
  cairo_save (cr);
  set_color (cr, &p->boundary, 1);
  cairo_set_line_width (cr, 4);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, g->stack.x - 4, y);
  cairo_line_to (cr, gutter ? axis_x : g->stack.x + g->stack.width + 4, y);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (!gutter)
    return;

  /* Brackets along the axis: the customer's share above, the provider's below. */
  cairo_save (cr);
  cairo_set_line_width (cr, 3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (y - top > 8)
    {
      set_color (cr, &p->fill[DM_OWNER_CUSTOMER], 1);
      cairo_move_to (cr, axis_x - 6, top + 2);
      cairo_line_to (cr, axis_x, top + 2);
      cairo_line_to (cr, axis_x, y - 6);
      cairo_stroke (cr);
    }
  if (bottom - y > 8)
    {
      set_color (cr, &p->fill[DM_OWNER_PROVIDER], 1);
      cairo_move_to (cr, axis_x, y + 6);
      cairo_line_to (cr, axis_x, bottom - 2);
      cairo_line_to (cr, axis_x - 6, bottom - 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (y - top > t->size * 1.4)
    {
      double block = t->size * 2.6;
      double ly = top + MAX (0, (y - top - block) / 2);

      draw_text (t, _("Customer"), 1.0, PANGO_WEIGHT_BOLD, &p->foreground, 1,
                 label_x, ly, label_w, PANGO_ALIGN_LEFT, 1, FALSE, 0);
      if (y - top > block)
        draw_text (t, _("security in the cloud"), 0.8, PANGO_WEIGHT_NORMAL, &p->dim, 1,
                   label_x, ly + t->size * 1.3, label_w, PANGO_ALIGN_LEFT, 2, FALSE, 0);
    }

  if (bottom - y > t->size * 1.4)
    {
      double block = t->size * 2.6;
      double ly = y + MAX (0, (bottom - y - block) / 2);

      draw_text (t, dm_model_get_provider (state->model), 1.0, PANGO_WEIGHT_BOLD, &p->foreground, 1,
                 label_x, ly, label_w, PANGO_ALIGN_LEFT, 1, FALSE, 0);
      if (bottom - y > block)
        draw_text (t, _("security of the cloud"), 0.8, PANGO_WEIGHT_NORMAL, &p->dim, 1,
                   label_x, ly + t->size * 1.3, label_w, PANGO_ALIGN_LEFT, 2, FALSE, 0);
    }
}

static double
text_width (Text       *t,
            const char *text,
            double      scale)
{
  int w, h;

  pango_font_description_set_absolute_size (t->font, t->size * scale * PANGO_SCALE);
  pango_font_description_set_weight (t->font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (t->layout, t->font);
  pango_layout_set_width (t->layout, -1);
  pango_layout_set_text (t->layout, text, -1);
  pango_layout_get_pixel_size (t->layout, &w, &h);
  return w;
}

static void
paint_legend (Text                    *t,
              const DmDiagramState    *state,
              const DmDiagramGeometry *g)
{
  static const DmOwner order[] = { DM_OWNER_CUSTOMER, DM_OWNER_SHARED, DM_OWNER_PROVIDER, DM_OWNER_NOT_APPLICABLE };
  cairo_t *cr = t->cr;
  const DmRect *r = &g->legend;
  double sw = t->size * 1.1;
  double spacing = t->size * 1.4;
  double x = r->x;
  double right = r->x + r->width;

  if (r->height <= 0 || r->width <= 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (order) && x + sw < right; i++)
    {
      const char *label = dm_model_get_owner_label (state->model, order[i]);
      double w = text_width (t, label, 0.85);

      paint_swatch (cr, state->palette, order[i], x, r->y + (r->height - sw) / 2, sw, sw, 4);
      draw_text (t, label, 0.85, PANGO_WEIGHT_NORMAL, &state->palette->foreground, 1,
                 x + sw + 6, r->y, MIN (w + 2, right - x - sw - 6), PANGO_ALIGN_LEFT, 1, TRUE, r->height);
      x += sw + 6 + w + spacing;
    }

  if (x + sw >= right)
    return;

  cairo_save (cr);
  set_color (cr, &state->palette->boundary, 1);
  cairo_set_line_width (cr, 4);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x + 2, r->y + r->height / 2);
  cairo_line_to (cr, x + sw + 2, r->y + r->height / 2);
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_text (t, _("Boundary"), 0.85, PANGO_WEIGHT_NORMAL, &state->palette->foreground, 1,
             x + sw + 10, r->y, right - x - sw - 10, PANGO_ALIGN_LEFT, 1, TRUE, r->height);
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
