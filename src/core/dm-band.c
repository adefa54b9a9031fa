/* dm-band.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-band"

#include "config.h"

#include "dm-model-private.h"

struct _DmBand
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *description;
  GPtrArray *layers;   /* unowned DmLayer: the model owns them */
  guint      index;
};

G_DEFINE_FINAL_TYPE (DmBand, dm_band, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_band_finalize (GObject *object)
{
  DmBand *self = (DmBand *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_ptr_array_unref (self->layers);

  G_OBJECT_CLASS (dm_band_parent_class)->finalize (object);
}

static void
dm_band_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  DmBand *self = DM_BAND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, dm_band_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_band_class_init (DmBandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_band_finalize;
  object_class->get_property = dm_band_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_band_init (DmBand *self)
{
  self->layers = g_ptr_array_new ();
}

DmBand *
_dm_band_new (const char *id,
              const char *name,
              const char *description,
              guint       index)
{
  DmBand *self = g_object_new (DM_TYPE_BAND, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description ? description : "");
  self->index = index;

  return self;
}

void
_dm_band_add_layer (DmBand  *self,
                    DmLayer *layer)
{
  g_ptr_array_add (self->layers, layer);
}

const char *
dm_band_get_id (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), NULL);
  return self->id;
}

const char *
dm_band_get_name (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_BAND, self->name);
}

const char *
dm_band_get_description (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_BAND, self->description);
}

/**
 * dm_band_get_index:
 *
 * Returns: the band's position in the stack, 0 being the bottom (physical)
 */
guint
dm_band_get_index (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), 0);
  return self->index;
}

guint
dm_band_get_n_layers (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), 0);
  return self->layers->len;
}

DmLayer *
dm_band_get_layer (DmBand *self,
                   guint   position)
{
  g_return_val_if_fail (DM_IS_BAND (self), NULL);
  g_return_val_if_fail (position < self->layers->len, NULL);
  return g_ptr_array_index (self->layers, position);
}

/**
 * dm_band_get_primary_layer:
 *
 * The first layer of a band decides the band's owner in the five-band view;
 * the others are shown beside it because for managed services they stay with
 * the customer even when the primary layer moves to the provider.
 */
DmLayer *
dm_band_get_primary_layer (DmBand *self)
{
  g_return_val_if_fail (DM_IS_BAND (self), NULL);
  g_return_val_if_fail (self->layers->len > 0, NULL);
  return g_ptr_array_index (self->layers, 0);
}
