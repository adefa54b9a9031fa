/* dm-matrix-render.h: draws the compare matrix with cairo
 *
 * Every service against every layer, as the Compare view shows it; the
 * reports and the matrix exports draw through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dm-assessment.h"
#include "dm-model.h"

G_BEGIN_DECLS

void dm_matrix_paint (cairo_t      *cr,
                      DmModel      *model,
                      DmAssessment *assessment,
                      double       *width,
                      double       *height);

G_END_DECLS
