/* dm-object-array.c
 *
 * The Findings view lists tens of thousands of groups, replaced whole at
 * each change of a filter: a GListStore inserts each into a sequence (a
 * node and a rebalancing apiece). This list is an array, shared with who
 * made it, and may show only its first part: the groups the assessment
 * made once are listed without a copy, and their rows come in a part at
 * a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-object-array.h"

struct _DmObjectArray
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
  guint      n_shown;   /* the first ones of @items are the list's */
};

static GType
get_item_type (GListModel *model)
{
  return DM_OBJECT_ARRAY (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return DM_OBJECT_ARRAY (model)->n_shown;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DmObjectArray *self = DM_OBJECT_ARRAY (model);

  return position < self->n_shown ? g_object_ref (g_ptr_array_index (self->items, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DmObjectArray, dm_object_array, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
dm_object_array_finalize (GObject *object)
{
  g_ptr_array_unref (DM_OBJECT_ARRAY (object)->items);
  G_OBJECT_CLASS (dm_object_array_parent_class)->finalize (object);
}

static void
dm_object_array_class_init (DmObjectArrayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_object_array_finalize;
}

static void
dm_object_array_init (DmObjectArray *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DmObjectArray *
dm_object_array_new (GType item_type)
{
  DmObjectArray *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (DM_TYPE_OBJECT_ARRAY, NULL);
  self->item_type = item_type;
  return self;
}

/**
 * dm_object_array_set_all:
 * @items: (array length=n_items): objects of the array's item type
 *
 * Replaces the items with @items, in one change.
 */
void
dm_object_array_set_all (DmObjectArray *self,
                         gpointer      *items,
                         guint          n_items)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (DM_IS_OBJECT_ARRAY (self));
  g_return_if_fail (items != NULL || n_items == 0);

  copy = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (copy, g_object_ref (items[i]));
  dm_object_array_set_items (self, copy, n_items);
}

/**
 * dm_object_array_set_items:
 * @items: objects of the array's item type, in an array that holds them
 *   and that no one changes any more
 * @n_shown: how many of them, from the first, are the list's
 *
 * Replaces the items with @items, in one change, without a copy: the
 * list holds a reference to @items.
 */
void
dm_object_array_set_items (DmObjectArray *self,
                           GPtrArray     *items,
                           guint          n_shown)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_return_if_fail (DM_IS_OBJECT_ARRAY (self));
  g_return_if_fail (items != NULL);
  g_return_if_fail (items->len == 0 || G_TYPE_CHECK_INSTANCE_TYPE (items->pdata[0], self->item_type));

  /* The old ones go after the new are held: some may be among them. */
  old = g_steal_pointer (&self->items);
  removed = self->n_shown;
  self->items = g_ptr_array_ref (items);
  self->n_shown = MIN (n_shown, items->len);
  if (removed > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_shown);
}

/**
 * dm_object_array_show:
 * @n_shown: how many of the items, from the first, are the list's
 *
 * Grows (or shrinks) the list within its items: a list of many can be
 * shown a part at a time.
 */
void
dm_object_array_show (DmObjectArray *self,
                      guint          n_shown)
{
  guint before;

  g_return_if_fail (DM_IS_OBJECT_ARRAY (self));

  before = self->n_shown;
  self->n_shown = MIN (n_shown, self->items->len);
  if (self->n_shown > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->n_shown - before);
  else if (self->n_shown < before)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, before - self->n_shown, 0);
}

/* Returns: how many items the list could show */
guint
dm_object_array_get_n_all (DmObjectArray *self)
{
  g_return_val_if_fail (DM_IS_OBJECT_ARRAY (self), 0);
  return self->items->len;
}
