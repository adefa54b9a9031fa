/* dm-tooltip.h: tooltips whose text is asked for when they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        dm_tooltip_set_text (GtkWidget  *widget,
                                 const char *text);
const char *dm_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
