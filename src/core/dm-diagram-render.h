/* dm-diagram-render.h: draws a service's responsibility stack with cairo
 *
 * The widget, the exports and the tests all draw through here, so what a
 * reviewer exports is what they saw on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dm-assessment.h"
#include "dm-diff.h"
#include "dm-model.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} DmColor;

typedef struct
{
  DmColor fill[DM_N_OWNERS];   /* indexed by DmOwner */
  DmColor on_fill[DM_N_OWNERS];
  DmColor foreground;
  DmColor dim;
  DmColor boundary;
  DmColor highlight;
  DmColor gap;
  DmColor ok;
  DmColor no_data;
} DmPalette;

typedef struct
{
  DmModel         *model;
  DmService       *service;
  DmService       *previous;       /* service being animated away from, or NULL */
  double           progress;       /* 0 = previous, 1 = service */
  int              hover_band;     /* -1 for none */
  int              selected_band;  /* -1 for none */
  int              selected_layer; /* model layer index to emphasise, -1 for none */
  int              hover_layer;    /* model layer index under the pointer, -1 for none */
  double           expansion;      /* 0..1, how far the selected band is opened */
  const DmPalette *palette;
  const char      *font_family;    /* NULL for the default sans */
  double           font_size;      /* in px; 0 for 14 */
  gboolean         show_legend;
  /* Per model layer, for the current service; NULL without an assessment. */
  const DmLayerResult *results;
  /* Per model layer, gaps opened and closed since an older export; NULL
   * without a comparison. */
  const DmChangeCounts *changes;
} DmDiagramState;

typedef struct
{
  double x, y, width, height;
} DmRect;

/* One detailed layer as drawn: every layer is a cell of its band, in the
 * colour and with the word of its own owner. */
typedef struct
{
  guint   band;        /* band index */
  guint   layer;       /* model layer index */
  DmOwner owner;       /* the service's owner of that layer */
  DmRect  rect;
} DmDiagramCell;

typedef struct
{
  guint          n_bands;
  DmRect        *bands;       /* indexed by band index (0 = bottom) */
  DmRect         stack;       /* the area holding all bands */
  DmRect         legend;      /* zero-sized when hidden */
  double         boundary_y;  /* y of the provider/customer line */
  double         gutter_x;      /* left edge of the responsibility axis */
  double         gutter_width;  /* 0 when the diagram is too narrow for it */
  double         header_height; /* of each band's title row */
  guint          n_cells;
  DmDiagramCell *cells;       /* bottom band first, model order within a band */
  /* What the diagram marks as the provider's: the stack and the gutter
   * below the line, and each provider layer above it. No customer or
   * shared cell may touch these. */
  guint          n_provider_regions;
  DmRect        *provider_regions;
} DmDiagramGeometry;

void               dm_palette_init             (DmPalette              *palette,
                                                gboolean                dark);
void               dm_diagram_state_init       (DmDiagramState         *state,
                                                DmModel                *model,
                                                DmService              *service,
                                                const DmPalette        *palette);
double             dm_diagram_state_boundary   (const DmDiagramState   *state);
double             dm_diagram_service_boundary (DmModel                *model,
                                                DmService              *service);
guint              dm_diagram_band_owners      (DmService              *service,
                                                DmBand                 *band);
char              *dm_diagram_band_owner_label (DmModel                *model,
                                                DmService              *service,
                                                DmBand                 *band);

DmDiagramGeometry *dm_diagram_geometry_new     (const DmDiagramState   *state,
                                                double                  width,
                                                double                  height);
void               dm_diagram_geometry_free    (DmDiagramGeometry      *geometry);
int                dm_diagram_geometry_band_at (const DmDiagramGeometry *geometry,
                                                double                   x,
                                                double                   y);
const DmDiagramCell *dm_diagram_geometry_cell_at (const DmDiagramGeometry *geometry,
                                                  double                   x,
                                                  double                   y);

void               dm_diagram_paint            (cairo_t                *cr,
                                                const DmDiagramState   *state,
                                                double                  width,
                                                double                  height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmDiagramGeometry, dm_diagram_geometry_free)

G_END_DECLS
