/* test-render.c: the diagram painter, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include <math.h>

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

  /* vm: between band 0 and band 1. */
  g_assert_cmpfloat (vm->boundary_y, <, vm->bands[0].y);
  g_assert_cmpfloat (vm->boundary_y, >, vm->bands[1].y + vm->bands[1].height);
  /* db: the shared band 1 carries the line through its middle. */
  g_assert_cmpfloat_with_epsilon (db->boundary_y, db->bands[1].y + db->bands[1].height / 2, 0.5);
  /* docs: between band 1 and band 2; the line moved up. */
  g_assert_cmpfloat (docs->boundary_y, <, docs->bands[1].y);
  g_assert_cmpfloat (docs->boundary_y, >, docs->bands[2].y + docs->bands[2].height);
  g_assert_cmpfloat (docs->boundary_y, <, db->boundary_y);
  g_assert_cmpfloat (db->boundary_y, <, vm->boundary_y);
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

  g_assert_cmpfloat_with_epsilon (closed->bands[1].height, closed->bands[0].height, 0.01);
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

  state_for (f, &state, "vm");
  wide = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  narrow = dm_diagram_geometry_new (&state, 260, HEIGHT);

  g_assert_cmpfloat (wide->gutter_width, >, 0);
  g_assert_cmpfloat (narrow->gutter_width, ==, 0);
  /* The stack uses the whole width when there is no room for the axis. */
  g_assert_cmpfloat (narrow->stack.width, ==, 260 - 24);
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

  /* Sample near the left edge of each band, clear of the rounded corners
   * and the text. */
  g_assert_true (color_near (pixel (surface, g->bands[0].x + 6, g->bands[0].y + g->bands[0].height - 8),
                             &f->palette.fill[DM_OWNER_PROVIDER]));
  g_assert_true (color_near (pixel (surface, g->bands[1].x + 6, g->bands[1].y + g->bands[1].height - 8),
                             &f->palette.fill[DM_OWNER_CUSTOMER]));
  g_assert_true (color_near (pixel (surface, g->bands[2].x + 6, g->bands[2].y + g->bands[2].height - 8),
                             &f->palette.fill[DM_OWNER_CUSTOMER]));
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

  state_for (f, &vm_state, "vm");
  state_for (f, &docs_state, "docs");
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
  int y0, y1;

  state_for (f, &state, "db");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  surface = paint (&state);

  /* A row under the text: the shared band is striped, the provider band
   * under it is flat. Status must not rest on colour alone. */
  y1 = g->bands[1].y + g->bands[1].height - 6;
  y0 = g->bands[0].y + g->bands[0].height - 6;
  g_assert_cmpuint (distinct_colours_along (surface, g->bands[1].x + 20, g->bands[1].x + 300, y1), >=, 2);
  g_assert_cmpuint (distinct_colours_along (surface, g->bands[0].x + 20, g->bands[0].x + 300, y0), ==, 1);
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

  state_for (f, &state, "docs");
  state.previous = dm_model_find_service (f->model, "vm");
  state.progress = 0;
  start = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state.progress = 0.5;
  middle = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  state.progress = 1;
  end = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);

  g_assert_cmpfloat_with_epsilon (dm_diagram_state_boundary (&state), 2.0, 1e-9);
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
  DmRect header[3];

  /* vm: hardware is the provider's, guest OS has no data, the firewall
   * passed, the records have a gap. */
  results[0].status = DM_LAYER_PROVIDER;
  results[1].status = DM_LAYER_NO_DATA;
  results[2].status = DM_LAYER_OK;
  results[2].passed = 4;
  results[3].status = DM_LAYER_GAP;
  results[3].failed = 2;
  results[3].worst = DM_SEVERITY_HIGH;

  state_for (f, &state, "vm");
  g = dm_diagram_geometry_new (&state, WIDTH, HEIGHT);
  plain = paint (&state);
  state.results = results;
  assessed = paint (&state);

  for (guint i = 0; i < 3; i++)
    {
      header[i] = g->bands[i];
      header[i].height = 36;
    }

  /* The records band carries a red gap badge; nothing red without results. */
  g_assert_true (region_has_colour (assessed, &header[2], &f->palette.gap));
  g_assert_false (region_has_colour (plain, &header[2], &f->palette.gap));
  /* The system band: one layer without data, so "no data", never ok. */
  g_assert_true (region_has_colour (assessed, &header[1], &f->palette.no_data));
  g_assert_false (region_has_colour (assessed, &header[1], &f->palette.ok));
  /* The provider's band gets no badge at all. */
  g_assert_false (region_has_colour (assessed, &header[0], &f->palette.gap));
  g_assert_false (region_has_colour (assessed, &header[0], &f->palette.no_data));

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
      header.height = 36;
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
#undef ADD

  return g_test_run ();
}
