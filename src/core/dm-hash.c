/* dm-hash.c: a string hash for the tables a large import fills
 *
 * g_str_hash takes a byte at a time; the findings of a large import hash
 * a dozen strings each, some of them long (remediation, evidence). This
 * one takes eight bytes at a time. It is seeded per process, so that an
 * export cannot be written to make its strings collide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dm-hash.h"

static guint64
seed (void)
{
  static gsize value = 0;

  if (g_once_init_enter (&value))
    g_once_init_leave (&value, (gsize)(((guint64)g_random_int () << 32 | g_random_int ()) | 1));
  return value;
}

static inline guint64
mix (guint64 h,
     guint64 word)
{
  h = (h ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return h ^ (h >> 32);
}

guint
dm_str_hash (gconstpointer string)
{
  const char *s = string;
  gsize n = strlen (s);
  guint64 h = seed () ^ n;
  guint64 word = 0;

  for (; n >= 8; s += 8, n -= 8)
    {
      memcpy (&word, s, 8);
      h = mix (h, word);
    }
  word = 0;
  memcpy (&word, s, n);
  h = mix (h, word);
  h = (h ^ (h >> 29)) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  return (guint)(h ^ (h >> 32));
}
