/* dm-object-array.h: a list model of objects of one type, over an array
 * it shares, or the first part of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DM_TYPE_OBJECT_ARRAY (dm_object_array_get_type ())
G_DECLARE_FINAL_TYPE (DmObjectArray, dm_object_array, DM, OBJECT_ARRAY, GObject)

DmObjectArray *dm_object_array_new     (GType          item_type);
void           dm_object_array_set_all (DmObjectArray *self,
                                        gpointer      *items,
                                        guint          n_items);
void           dm_object_array_set_items (DmObjectArray *self,
                                          GPtrArray     *items,
                                          guint          n_shown);
void           dm_object_array_show    (DmObjectArray *self,
                                        guint          n_shown);
guint          dm_object_array_get_n_all (DmObjectArray *self);

G_END_DECLS
