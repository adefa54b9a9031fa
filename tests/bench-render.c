/* bench-render.c: how long loading the model and painting a diagram take
 *
 * Run with `meson test -C _build --benchmark` or by hand. Prints figures;
 * asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-diagram-render.h"

#define LOADS  200
#define FRAMES 50

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;
  cairo_surface_t *surface;
  DmPalette palette;
  gint64 start;
  double load_ms, paint_ms;
  guint painted = 0;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < LOADS; i++)
    {
      g_clear_object (&model);
      model = dm_model_new_default (&error);
      g_assert_no_error (error);
    }
  load_ms = (g_get_monotonic_time () - start) / 1000.0 / LOADS;

  dm_palette_init (&palette, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);

  /* One warm-up frame: the first text layout loads fonts. */
  {
    DmDiagramState state;
    cairo_t *cr = cairo_create (surface);

    dm_diagram_state_init (&state, model, dm_model_get_service (model, 0), &palette);
    dm_diagram_paint (cr, &state, 1280, 800);
    cairo_destroy (cr);
  }

  start = g_get_monotonic_time ();
  for (guint f = 0; f < FRAMES; f++)
    for (guint s = 0; s < dm_model_get_n_services (model); s++)
      {
        DmDiagramState state;
        cairo_t *cr = cairo_create (surface);

        dm_diagram_state_init (&state, model, dm_model_get_service (model, s), &palette);
        /* Mid-transition with an open band: the most work a frame does. */
        state.previous = dm_model_get_service (model, (s + 1) % dm_model_get_n_services (model));
        state.progress = 0.5;
        state.selected_band = 4;
        state.expansion = 1;
        dm_diagram_paint (cr, &state, 1280, 800);
        cairo_destroy (cr);
        painted++;
      }
  paint_ms = (g_get_monotonic_time () - start) / 1000.0 / painted;
  cairo_surface_destroy (surface);

  g_print ("model load (built-in AWS, %u services): %.3f ms\n", dm_model_get_n_services (model), load_ms);
  g_print ("diagram paint 1280x800, transition + open band: %.3f ms/frame (%u frames)\n", paint_ms, painted);

  return 0;
}
