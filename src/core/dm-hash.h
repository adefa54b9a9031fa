/* dm-hash.h: a string hash for the tables a large import fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint dm_str_hash (gconstpointer string);

G_END_DECLS
