/* dm-hash.h: a string hash for the tables a large import fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint dm_str_hash (gconstpointer string);

/* For member names: short, hashed by their @length bytes, with no pass
 * to find their end (FNV-1a). */
static inline guint32
dm_name_hash (const char *name,
              gsize       length)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    h = (h ^ (guchar)name[i]) * 16777619u;
  return h;
}

G_END_DECLS
