/* dm-lazy-layout.h: a bin layout that asks for no room while unmapped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DM_TYPE_LAZY_LAYOUT (dm_lazy_layout_get_type ())
G_DECLARE_FINAL_TYPE (DmLazyLayout, dm_lazy_layout, DM, LAZY_LAYOUT, GtkLayoutManager)

G_END_DECLS
