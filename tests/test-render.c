/* test-render.c: the diagram painter, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include <math.h>
#include <string.h>

#include "dm-diagram-render.h"

#define WIDTH  800
#define HEIGHT 600

typedef struct
{
  DmModel   *model;
  DmPalette  palette;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->model = test_fixture_model ();
  dm_palette_init (&f->palette, FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->model);
}

static void
state_for (Fixture        *f,
           DmDiagramState *state,
           const char     *service_id)
{
  dm_diagram_state_init (state, f->model, dm_model_find_service (f->model, service_id), &f->palette);
}

static cairo_surface_t *
paint (const DmDiagramState *state)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  dm_diagram_paint (cr, state, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static DmColor
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *)(data + y * stride + x * 4);
  double a = ((p >> 24) & 0xff) / 255.0;
  DmColor c = { 0, 0, 0, a };

  /* Un-premultiply. */
  if (a > 0)
    {
      c.red = ((p >> 16) & 0xff) / 255.0 / a;
      c.green = ((p >> 8) & 0xff) / 255.0 / a;
      c.blue = (p & 0xff) / 255.0 / a;
    }
  return c;
}

static gboolean
color_near (DmColor        c,
            const DmColor *expected)
{
  const double tolerance = 3.0 / 255.0;

  return fabs (c.red - expected->red) <= tolerance &&
         fabs (c.green - expected->green) <= tolerance &&
         fabs (c.blue - expected->blue) <= tolerance &&
         fabs (c.alpha - expected->alpha) <= tolerance;
}

static void
test_bands_stacked (Fixture       *f,
                    gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;

  state_for (f, &state, "vm");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);

  g_assert_cmpuint (g->n_bands, ==, 3);
  for (guint i = 0; i < g->n_bands; i++)
    {
      g_assert_cmpfloat (g->bands[i].height, >, 50);
      g_assert_cmpfloat (g->bands[i].y, >=, 0);
      g_assert_cmpfloat (g->bands[i].y + g->bands[i].height, <=, HEIGHT);
      g_assert_cmpfloat (g->bands[i].x + g->bands[i].width, <=, WIDTH);
      /* Band 0 is the bottom: each band sits above the previous one. */
      if (i > 0)
        g_assert_cmpfloat (g->bands[i].y + g->bands[i].height, <, g->bands[i - 1].y);
    }
  /* The legend sits under the stack. */
  g_assert_cmpfloat (g->legend.y, >, g->bands[0].y + g->bands[0].height);
}

static void
test_boundary_position (Fixture       *f,
                        gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) vm = NULL;
  g_autoptr(DmDiagramGeometry) db = NULL;
  g_autoptr(DmDiagramGeometry) docs = NULL;

  state_for (f, &state, "vm");
  vm = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state_for (f, &state, "db");
  db = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state_for (f, &state, "docs");
  docs = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);

  /* Every service of the fixture has a customer or shared layer in band
   * 1, so the line runs between band 0 and band 1 for all three. */
  g_assert_cmpfloat (vm->boundary_y, <, vm->bands[0].y);
  g_assert_cmpfloat (vm->boundary_y, >, vm->bands[1].y + vm->bands[1].height);
  g_assert_cmpfloat (db->boundary_y, <, db->bands[0].y);
  g_assert_cmpfloat (db->boundary_y, >, db->bands[1].y + db->bands[1].height);
  /* docs: band 1's first layer is the provider's but its firewall is
   * shared, so the line stays under band 1, not above it. */
  g_assert_cmpfloat (docs->boundary_y, <, docs->bands[0].y);
  g_assert_cmpfloat (docs->boundary_y, >, docs->bands[1].y + docs->bands[1].height);
  g_assert_cmpfloat_with_epsilon (dm_diagram_service_boundary (f->model, dm_model_find_service (f->model, "docs")), 1, 1e-9);
}

static void
test_selected_expands (Fixture       *f,
                       gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) closed = NULL;
  g_autoptr(DmDiagramGeometry) open = NULL;

  /* Low enough that two layer rows do not fit in an equal share. */
  state_for (f, &state, "vm");
  state.selected_band = 1;
  closed = dm_diagram_geometry_new (&state, WIDTH, 300);
  state.expansion = 1.0;
  open = dm_diagram_geometry_new (&state, WIDTH, 300);

  g_assert_cmpfloat (open->bands[1].height, >, closed->bands[1].height * 1.3);
  g_assert_cmpfloat (open->bands[1].height, >, open->bands[0].height * 1.5);
  g_assert_cmpfloat (open->bands[0].height, <, closed->bands[0].height);
}

static void
test_band_at (Fixture       *f,
              gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;

  state_for (f, &state, "vm");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);

  for (guint i = 0; i < g->n_bands; i++)
    g_assert_cmpint (dm_diagram_geometry_band_at (g, g->bands[i].x + 10, g->bands[i].y + g->bands[i].height / 2), ==, i);
  g_assert_cmpint (dm_diagram_geometry_band_at (g, 1, 1), ==, -1);
  g_assert_cmpint (dm_diagram_geometry_band_at (g, WIDTH / 2, g->legend.y + 2), ==, -1);
}

static void
test_narrow_hides_gutter (Fixture       *f,
                          gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) wide = NULL;
  g_autoptr(DmDiagramGeometry) narrow = NULL;
  g_autoptr(DmDiagramGeometry) tiny = NULL;

  state_for (f, &state, "vm");
  wide = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  narrow = dm_diagram_geometry_new (&state, 260, HEIGHT);
  tiny = dm_diagram_geometry_new (&state, 200, HEIGHT);

  /* Narrow, the axis keeps only its brackets with turned labels. */
  g_assert_cmpfloat (wide->gutter_width, >=, 100);
  g_assert_cmpfloat (narrow->gutter_width, >, 0);
  g_assert_cmpfloat (narrow->gutter_width, <, 50);
  g_assert_cmpfloat (tiny->gutter_width, ==, 0);
  /* The stack uses the whole width when there is no room for the axis. */
  g_assert_cmpfloat (tiny->stack.width, ==, 200 - 24);
}

static const DmDiagramCell *
cell_for (const DmDiagramGeometry *g,
          guint                    layer)
{
  for (guint i = 0; i < g->n_cells; i++)
    if (g->cells[i].layer == layer)
      return &g->cells[i];
  g_assert_not_reached ();
  return NULL;
}

static void
test_owner_colours (Fixture       *f,
                    gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;
  cairo_surface_t *surface;

  state_for (f, &state, "vm");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  surface = paint (&state);

  /* Each layer's cell is in its own owner's colour; the band around it
   * is neutral, in no owner's colour. */
  for (guint l = 0; l < 4; l++)
    {
      const DmDiagramCell *cell = cell_for (g, l);
      DmColor c = pixel (surface, cell->rect.x + 14, cell->rect.y + cell->rect.height - 3);

      g_assert_true (color_near (c, &f->palette.fill[l == 0 ? DM_OWNER_PROVIDER : DM_OWNER_CUSTOMER]));
    }
  for (guint b = 0; b < g->n_bands; b++)
    for (guint o = 0; o < DM_N_OWNERS; o++)
      g_assert_false (color_near (pixel (surface, g->bands[b].x + 3, g->bands[b].y + g->bands[b].height / 2),
                                  &f->palette.fill[o]));
  cairo_surface_destroy (surface);
}

static void
test_boundary_pixels (Fixture       *f,
                      gconstpointer  data)
{
  DmDiagramState vm_state, docs_state;
  g_autoptr(DmDiagramGeometry) vm = NULL;
  g_autoptr(DmDiagramGeometry) docs = NULL;
  cairo_surface_t *vm_surface, *docs_surface;
  int x;

  g_autoptr(DmModel) model = dm_model_new_default (NULL);

  /* EC2's line is under its OS band; the account's, one band higher. */
  dm_diagram_state_init (&vm_state, model, dm_model_find_service (model, "ec2"), &f->palette);
  dm_diagram_state_init (&docs_state, model, dm_model_find_service (model, "account"), &f->palette);
  vm = dm_diagram_geometry_new (&vm_state, WIDTH, HEIGHT);
  docs = dm_diagram_geometry_new (&docs_state, WIDTH, HEIGHT);
  vm_surface = paint (&vm_state);
  docs_surface = paint (&docs_state);
  x = vm->stack.x + vm->stack.width / 2;

  /* The line is where each service says, and only there. */
  g_assert_true (color_near (pixel (vm_surface, x, vm->boundary_y), &f->palette.boundary));
  g_assert_true (color_near (pixel (docs_surface, x, docs->boundary_y), &f->palette.boundary));
  g_assert_false (color_near (pixel (vm_surface, x, docs->boundary_y), &f->palette.boundary));
  g_assert_false (color_near (pixel (docs_surface, x, vm->boundary_y), &f->palette.boundary));

  cairo_surface_destroy (vm_surface);
  cairo_surface_destroy (docs_surface);
}

static guint
distinct_colours_along (cairo_surface_t *surface,
                        int              x0,
                        int              x1,
                        int              y)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int x = x0; x < x1; x++)
    g_hash_table_add (seen, GUINT_TO_POINTER (*(const guint32 *)(data + y * stride + x * 4)));
  return g_hash_table_size (seen);
}

static void
test_shared_pattern (Fixture       *f,
                     gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;
  cairo_surface_t *surface;
  const DmDiagramCell *shared, *provider;

  state_for (f, &state, "db");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  surface = paint (&state);
  shared = cell_for (g, 1);    /* guest_os: shared for db */
  provider = cell_for (g, 0);  /* hardware: the provider's */

  /* Under the text: the shared cell is striped, the provider's is flat.
   * Ownership must not rest on colour alone. */
  g_assert_cmpint (shared->owner, ==, DM_OWNER_SHARED);
  g_assert_cmpuint (distinct_colours_along (surface, shared->rect.x + 12, shared->rect.x + shared->rect.width - 12,
                                            shared->rect.y + shared->rect.height - 3), >=, 2);
  g_assert_cmpuint (distinct_colours_along (surface, provider->rect.x + 12, provider->rect.x + provider->rect.width - 12,
                                            provider->rect.y + provider->rect.height - 3), ==, 1);
  cairo_surface_destroy (surface);
}

static void
test_transition (Fixture       *f,
                 gconstpointer  data)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) start = NULL;
  g_autoptr(DmDiagramGeometry) middle = NULL;
  g_autoptr(DmDiagramGeometry) end = NULL;

  g_autoptr(DmModel) model = dm_model_new_default (NULL);

  /* Storage Gateway's appliance is the customer's from band 0 up; EC2's
   * line is two bands higher. */
  dm_diagram_state_init (&state, model, dm_model_find_service (model, "ec2"), &f->palette);
  state.previous = dm_model_find_service (model, "storagegateway");
  state.progress = 0;
  start = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state.progress = 0.5;
  middle = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state.progress = 1;
  end = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);

  g_assert_cmpfloat_with_epsilon (dm_diagram_state_boundary (&state), 2.0, 1e-9);
  state.progress = 0;
  g_assert_cmpfloat_with_epsilon (dm_diagram_state_boundary (&state), 0.0, 1e-9);
  g_assert_cmpfloat (middle->boundary_y, <, start->boundary_y);
  g_assert_cmpfloat (middle->boundary_y, >, end->boundary_y);
}

static void
test_dark_palette (Fixture       *f,
                   gconstpointer  data)
{
  DmPalette dark;

  dm_palette_init (&dark, TRUE);
  g_assert_false (color_near (dark.foreground, &f->palette.foreground));
  for (guint i = 0; i < DM_N_OWNERS; i++)
    for (guint j = i + 1; j < DM_N_OWNERS; j++)
      {
        g_assert_false (color_near (f->palette.fill[i], &f->palette.fill[j]));
        g_assert_false (color_near (dark.fill[i], &dark.fill[j]));
      }
}

static void
test_no_service_paints_nothing (Fixture       *f,
                                gconstpointer  data)
{
  DmDiagramState state;
  cairo_surface_t *surface;

  dm_diagram_state_init (&state, f->model, NULL, &f->palette);
  surface = paint (&state);
  g_assert_cmpuint (distinct_colours_along (surface, 0, WIDTH, HEIGHT / 2), ==, 1);
  g_assert_cmpfloat (pixel (surface, WIDTH / 2, HEIGHT / 2).alpha, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_tiny_and_huge_sizes (Fixture       *f,
                          gconstpointer  data)
{
  DmDiagramState state;
  const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 3840, 2160 } };

  state_for (f, &state, "db");
  state.selected_band = 1;
  state.expansion = 1;
  state.hover_band = 2;

  /* Must neither crash nor produce negative geometry at any size. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0], sizes[i][1]);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(DmDiagramGeometry) g = dm_diagram_geometry_new (&state, sizes[i][0], sizes[i][1]);

      dm_diagram_paint (cr, &state, sizes[i][0], sizes[i][1]);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      for (guint b = 0; b < g->n_bands; b++)
        g_assert_cmpfloat (g->bands[b].height, >=, 0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static gboolean
region_has_colour (cairo_surface_t *surface,
                   const DmRect    *r,
                   const DmColor   *colour)
{
  for (int y = r->y; y < r->y + r->height; y += 1)
    for (int x = r->x; x < r->x + r->width; x += 1)
      if (color_near (pixel (surface, x, y), colour))
        return TRUE;
  return FALSE;
}

static void
test_status_badges (Fixture       *f,
                    gconstpointer  data)
{
  DmLayerResult results[4] = { 0 };
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;
  cairo_surface_t *plain, *assessed;
  DmColor high = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 };

  /* vm: hardware is the provider's, guest OS has no data, the firewall
   * passed, the records have a gap. */
  results[0].status = DM_LAYER_PROVIDER;
  results[1].status = DM_LAYER_NO_DATA;
  results[2].status = DM_LAYER_OK;
  results[2].passed = 4;
  results[3].status = DM_LAYER_GAP;
  results[3].failed = 2;
  results[3].worst = DM_SEVERITY_HIGH;
  g_assert_cmpstr (dm_severity_colours (DM_SEVERITY_HIGH)->background, ==, "#e01b24");

  state_for (f, &state, "vm");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  plain = paint (&state);
  state.results = results;
  assessed = paint (&state);

  /* Each layer's own cell carries its status: the records' gap in the
   * severity's colour, nothing of it without results. */
  g_assert_true (region_has_colour (assessed, &cell_for (g, 3)->rect, &high));
  g_assert_false (region_has_colour (plain, &cell_for (g, 3)->rect, &high));
  /* The guest OS: "no data", never ok; the firewall: ok. */
  g_assert_true (region_has_colour (assessed, &cell_for (g, 1)->rect, &f->palette.no_data));
  g_assert_false (region_has_colour (assessed, &cell_for (g, 1)->rect, &f->palette.ok));
  g_assert_true (region_has_colour (assessed, &cell_for (g, 2)->rect, &f->palette.ok));
  /* The provider's layer gets no pill at all. */
  g_assert_false (region_has_colour (assessed, &cell_for (g, 0)->rect, &high));
  g_assert_false (region_has_colour (assessed, &cell_for (g, 0)->rect, &f->palette.no_data));
  g_assert_false (region_has_colour (assessed, &cell_for (g, 0)->rect, &f->palette.ok));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (assessed);
}

/* A comparison draws a "+1 −2" pill in the band's ink next to the status. */
static void
test_change_badges (Fixture       *f,
                    gconstpointer  data)
{
  DmLayerResult results[4] = { 0 };
  DmChangeCounts changes[4] = { 0 };
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;
  cairo_surface_t *without, *with;
  DmRect header;
  guint differ = 0;

  results[3].status = DM_LAYER_GAP;
  results[3].failed = 1;
  results[3].worst = DM_SEVERITY_HIGH;
  changes[3].opened = 1;
  changes[3].closed = 2;

  state_for (f, &state, "vm");
  state.results = results;
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  without = paint (&state);
  state.changes = changes;
  with = paint (&state);

  /* Only the records band's header changes; the others stay the same. */
  for (guint b = 0; b < 3; b++)
    {
      guint band_differ = 0;

      header = g->bands[b];
      header.height = g->header_height;
      for (int y = (int)header.y; y < (int)(header.y + header.height); y++)
        for (int x = (int)header.x; x < (int)(header.x + header.width); x++)
          if (!color_near (pixel (with, x, y), &(DmColor) { pixel (without, x, y).red, pixel (without, x, y).green,
                                                           pixel (without, x, y).blue, pixel (without, x, y).alpha }))
            band_differ++;
      if (b == 2)
        differ = band_differ;
      else
        g_assert_cmpuint (band_differ, ==, 0);
    }
  g_assert_cmpuint (differ, >, 50);

  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
}

static void
test_band_results (Fixture       *f,
                   gconstpointer  data)
{
  DmLayerResult results[4] = { 0 };
  DmLayerResult out;
  DmBand *system = dm_model_find_band (f->model, "system");

  results[1].status = DM_LAYER_OK;
  results[1].passed = 1;
  results[2].status = DM_LAYER_OK;
  results[2].passed = 2;
  dm_layer_results_for_band (results, system, &out);
  g_assert_cmpint (out.status, ==, DM_LAYER_OK);
  g_assert_cmpuint (out.passed, ==, 3);

  results[2].status = DM_LAYER_NO_DATA;
  dm_layer_results_for_band (results, system, &out);
  g_assert_cmpint (out.status, ==, DM_LAYER_NO_DATA);

  results[1].status = DM_LAYER_GAP;
  results[1].failed = 1;
  results[1].worst = DM_SEVERITY_MEDIUM;
  dm_layer_results_for_band (results, system, &out);
  g_assert_cmpint (out.status, ==, DM_LAYER_GAP);
  g_assert_cmpint (out.worst, ==, DM_SEVERITY_MEDIUM);

  results[0].status = DM_LAYER_PROVIDER;
  dm_layer_results_for_band (results, dm_model_find_band (f->model, "metal"), &out);
  g_assert_cmpint (out.status, ==, DM_LAYER_PROVIDER);
}

static gboolean
rects_overlap (const DmRect *a,
               const DmRect *b)
{
  /* Touching edges are not an overlap; a pixel's worth inside is. */
  return a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5 &&
         a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5;
}

static gboolean
band_has_customer (DmService *service,
                   DmBand    *band)
{
  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    if (dm_service_get_owner (service, dm_band_get_layer (band, i)) == DM_OWNER_CUSTOMER ||
        dm_service_get_owner (service, dm_band_get_layer (band, i)) == DM_OWNER_SHARED)
      return TRUE;
  return FALSE;
}

/* The sizes the diagram is checked at: a 1024, 1366 and 1920 px window's
 * diagram area, a 400 px window's, and the exported image. */
static const double check_sizes[][2] = { { 370, 640 }, { 540, 680 }, { 900, 960 }, { 390, 680 }, { 560, 470 } };

static void
check_service_cells (DmModel          *model,
                     DmService        *service,
                     const DmPalette  *palette,
                     double            width,
                     double            height)
{
  DmDiagramState state;
  g_autoptr(DmDiagramGeometry) g = NULL;
  g_autofree gboolean *seen = g_new0 (gboolean, dm_model_get_n_layers (model));

  dm_diagram_state_init (&state, model, service, palette);
  g = dm_diagram_geometry_new (&state, width, height);
  g_assert_cmpuint (g->n_cells, ==, dm_model_get_n_layers (model));

  for (guint i = 0; i < g->n_cells; i++)
    {
      const DmDiagramCell *cell = &g->cells[i];
      DmLayer *layer = dm_model_get_layer (model, cell->layer);
      const DmRect *band = &g->bands[cell->band];

      g_assert_false (seen[cell->layer]);
      seen[cell->layer] = TRUE;
      /* The cell carries its layer's own owner, in its layer's band. */
      g_assert_cmpint (cell->owner, ==, dm_service_get_owner (service, layer));
      g_assert_cmpuint (cell->band, ==, dm_band_get_index (dm_layer_get_band (layer)));
      /* Big enough for a name, the owner's word and the status: on two
       * lines in a band the customer has a part in, on one in AWS's own. */
      if (cell->rect.width < 90 ||
          cell->rect.height < (band_has_customer (service, dm_layer_get_band (layer)) ? 30 : 22))
        g_error ("%s: the %s cell is %gx%g at %gx%g", dm_service_get_id (service), dm_layer_get_id (layer),
                 cell->rect.width, cell->rect.height, width, height);
      g_assert_cmpfloat (cell->rect.x, >=, band->x);
      g_assert_cmpfloat (cell->rect.y, >=, band->y);
      g_assert_cmpfloat (cell->rect.x + cell->rect.width, <=, band->x + band->width + 0.01);
      g_assert_cmpfloat (cell->rect.y + cell->rect.height, <=, band->y + band->height + 0.01);

      /* No customer or shared layer is drawn on the provider's side. */
      if (cell->owner == DM_OWNER_CUSTOMER || cell->owner == DM_OWNER_SHARED)
        {
          g_assert_cmpfloat (cell->rect.y + cell->rect.height, <=, g->boundary_y);
          for (guint r = 0; r < g->n_provider_regions; r++)
            if (rects_overlap (&cell->rect, &g->provider_regions[r]))
              g_error ("%s: the %s cell (%s) lies in a provider region at %gx%g",
                       dm_service_get_id (service), dm_layer_get_id (layer),
                       dm_owner_to_string (cell->owner), width, height);
        }
      /* A hit test at the cell's centre finds that cell. */
      g_assert_true (dm_diagram_geometry_cell_at (g, cell->rect.x + cell->rect.width / 2,
                                                  cell->rect.y + cell->rect.height / 2) == cell);
    }
}

static void
test_every_service_cells (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  guint checked = 0;

  g_assert_nonnull (model);
  g_assert_cmpuint (dm_model_get_n_services (model), >=, 84);
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    for (guint i = 0; i < G_N_ELEMENTS (check_sizes); i++, checked++)
      check_service_cells (model, dm_model_get_service (model, s), &f->palette, check_sizes[i][0], check_sizes[i][1]);
  g_assert_cmpuint (checked, ==, dm_model_get_n_services (model) * G_N_ELEMENTS (check_sizes));
}

/* What is painted matches the layout: each cell, under its text, is in
 * its owner's colour, for every service. */
static void
test_every_service_pixels (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 540, 680);

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);
      DmDiagramState state;
      g_autoptr(DmDiagramGeometry) g = NULL;
      cairo_t *cr = cairo_create (surface);

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      dm_diagram_state_init (&state, model, service, &f->palette);
      g = dm_diagram_geometry_new (&state, 540, 680);
      dm_diagram_paint (cr, &state, 540, 680);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (guint i = 0; i < g->n_cells; i++)
        {
          const DmDiagramCell *cell = &g->cells[i];
          DmRect floor = { cell->rect.x + 10, cell->rect.y + cell->rect.height - 3, cell->rect.width - 20, 1 };

          if (!region_has_colour (surface, &floor, &f->palette.fill[cell->owner]))
            g_error ("%s: layer %u is not painted in its owner's colour", dm_service_get_id (service), cell->layer);
        }
    }
  cairo_surface_destroy (surface);
}

static void
test_band_owner_label (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  DmService *s3 = dm_model_find_service (model, "s3");
  DmService *ec2 = dm_model_find_service (model, "ec2");
  DmService *vpc = dm_model_find_service (model, "vpc");
  g_autofree char *s3_app = dm_diagram_band_owner_label (model, s3, dm_model_find_band (model, "application"));
  g_autofree char *s3_os = dm_diagram_band_owner_label (model, s3, dm_model_find_band (model, "os"));
  g_autofree char *ec2_os = dm_diagram_band_owner_label (model, ec2, dm_model_find_band (model, "os"));
  g_autofree char *vpc_os = dm_diagram_band_owner_label (model, vpc, dm_model_find_band (model, "os"));
  g_autofree char *ec2_metal = dm_diagram_band_owner_label (model, ec2, dm_model_find_band (model, "physical"));

  /* S3's identity layer is the customer's: its band is never "AWS". */
  g_assert_cmpstr (s3_app, ==, "Mixed: Customer / Shared");
  g_assert_cmpstr (s3_os, ==, "Mixed: Shared / AWS");
  g_assert_cmpstr (ec2_os, ==, "Customer");
  /* VPC's firewall layer is the customer's: not "Not applicable". */
  g_assert_cmpstr (vpc_os, ==, "Mixed: Customer / Not applicable");
  g_assert_cmpstr (ec2_metal, ==, "AWS");
}

/* RDS's and Fargate's security groups, AWS's OS under them: the line
 * passes under the operating-system band and goes round the OS layer. */
static void
test_boundary_follows_layers (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  const char *ids[] = { "rds", "ecs-fargate" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      DmDiagramState state;
      g_autoptr(DmDiagramGeometry) g = NULL;
      DmService *service = dm_model_find_service (model, ids[i]);
      guint os = dm_layer_get_index (dm_model_find_layer (model, "os"));
      guint firewall = dm_layer_get_index (dm_model_find_layer (model, "network_firewall"));
      gboolean os_region = FALSE;

      g_assert_nonnull (service);
      dm_diagram_state_init (&state, model, service, &f->palette);
      g = dm_diagram_geometry_new (&state, 540, 680);

      g_assert_cmpint (cell_for (g, os)->owner, ==, DM_OWNER_PROVIDER);
      g_assert_cmpint (cell_for (g, firewall)->owner, ==, DM_OWNER_CUSTOMER);
      g_assert_cmpfloat (cell_for (g, firewall)->rect.y + cell_for (g, firewall)->rect.height, <, g->boundary_y);
      for (guint r = 0; r < g->n_provider_regions; r++)
        if (memcmp (&g->provider_regions[r], &cell_for (g, os)->rect, sizeof (DmRect)) == 0)
          os_region = TRUE;
      g_assert_true (os_region);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/render/geometry/bands-stacked", test_bands_stacked);
  ADD ("/render/geometry/boundary-position", test_boundary_position);
  ADD ("/render/geometry/selected-expands", test_selected_expands);
  ADD ("/render/geometry/band-at", test_band_at);
  ADD ("/render/geometry/narrow-hides-gutter", test_narrow_hides_gutter);
  ADD ("/render/geometry/transition", test_transition);
  ADD ("/render/pixels/owner-colours", test_owner_colours);
  ADD ("/render/pixels/boundary", test_boundary_pixels);
  ADD ("/render/pixels/shared-pattern", test_shared_pattern);
  ADD ("/render/pixels/no-service", test_no_service_paints_nothing);
  ADD ("/render/pixels/extreme-sizes", test_tiny_and_huge_sizes);
  ADD ("/render/palette/distinct", test_dark_palette);
  ADD ("/render/pixels/status-badges", test_status_badges);
  ADD ("/render/pixels/change-badges", test_change_badges);
  ADD ("/render/band-results", test_band_results);
  ADD ("/render/cells/every-service-owner", test_every_service_cells);
  ADD ("/render/cells/every-service-pixels", test_every_service_pixels);
  ADD ("/render/cells/band-owner-label", test_band_owner_label);
  ADD ("/render/cells/boundary-follows-layers", test_boundary_follows_layers);
#undef ADD

  return g_test_run ();
}
