/* dm-finding-array.c
 *
 * An import keeps hundreds of thousands of findings: a GListStore spends
 * a sequence node on each (about 40 bytes), an array one pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-finding-array.h"

static guint items_changed_signal;

struct _DmFindingArray
{
  GObject    parent_instance;

  GPtrArray *findings;
};

static GType
get_item_type (GListModel *model)
{
  return DM_TYPE_FINDING;
}

static guint
get_n_items (GListModel *model)
{
  return DM_FINDING_ARRAY (model)->findings->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GPtrArray *findings = DM_FINDING_ARRAY (model)->findings;

  return position < findings->len ? g_object_ref (g_ptr_array_index (findings, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DmFindingArray, dm_finding_array, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
dm_finding_array_finalize (GObject *object)
{
  g_ptr_array_unref (DM_FINDING_ARRAY (object)->findings);
  G_OBJECT_CLASS (dm_finding_array_parent_class)->finalize (object);
}

static void
dm_finding_array_class_init (DmFindingArrayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_finding_array_finalize;
  items_changed_signal = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
}

static void
dm_finding_array_init (DmFindingArray *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
}

DmFindingArray *
dm_finding_array_new (void)
{
  return g_object_new (DM_TYPE_FINDING_ARRAY, NULL);
}

void
dm_finding_array_append (DmFindingArray *self,
                         DmFinding      *finding)
{
  g_return_if_fail (DM_IS_FINDING_ARRAY (self));
  g_return_if_fail (DM_IS_FINDING (finding));

  g_ptr_array_add (self->findings, g_object_ref (finding));
  /* An import appends one at a time, with no one listening: an emission
   * would cost more than the append. */
  if (g_signal_has_handler_pending (self, items_changed_signal, 0, FALSE))
    g_list_model_items_changed (G_LIST_MODEL (self), self->findings->len - 1, 0, 1);
}

/* A newer report of a finding takes the older one's place. */
void
dm_finding_array_replace (DmFindingArray *self,
                          guint           position,
                          DmFinding      *finding)
{
  g_return_if_fail (DM_IS_FINDING_ARRAY (self));
  g_return_if_fail (DM_IS_FINDING (finding));
  g_return_if_fail (position < self->findings->len);

  g_object_unref (g_ptr_array_index (self->findings, position));
  g_ptr_array_index (self->findings, position) = g_object_ref (finding);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
