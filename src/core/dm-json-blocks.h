/* dm-json-blocks.h: the elements of a long array, written on two threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-json-writer.h"

G_BEGIN_DECLS

/* Writes element @index of the array at @writer: one value, every
 * container it opens closed. Called on two threads at once, for two
 * indices, when dm_json_write_elements() is given two threads. */
typedef void (*DmJsonElementFunc) (DmJsonWriter *writer,
                                   guint         index,
                                   gpointer      user_data);

void dm_json_write_elements (DmJsonWriter      *writer,
                             guint              n,
                             guint              threads,
                             DmJsonElementFunc  func,
                             gpointer           user_data);

G_END_DECLS
