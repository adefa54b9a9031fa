/* dm-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-layer"

#include "config.h"

#include "dm-model-private.h"

struct _DmLayer
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *description;
  char     *customer_tasks;
  GStrv     security_services;
  DmBand   *band;   /* unowned: the model owns bands and layers */
  guint     index;
};

G_DEFINE_FINAL_TYPE (DmLayer, dm_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_layer_finalize (GObject *object)
{
  DmLayer *self = (DmLayer *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->customer_tasks);
  g_strfreev (self->security_services);

  G_OBJECT_CLASS (dm_layer_parent_class)->finalize (object);
}

static void
dm_layer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DmLayer *self = DM_LAYER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, dm_layer_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_layer_class_init (DmLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_layer_finalize;
  object_class->get_property = dm_layer_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_layer_init (DmLayer *self)
{
}

DmLayer *
_dm_layer_new (const char         *id,
               const char         *name,
               const char         *description,
               const char         *customer_tasks,
               const char * const *security_services,
               guint               index)
{
  DmLayer *self = g_object_new (DM_TYPE_LAYER, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description ? description : "");
  self->customer_tasks = g_strdup (customer_tasks ? customer_tasks : "");
  self->security_services = security_services
    ? g_strdupv ((char **)security_services)
    : g_new0 (char *, 1);
  self->index = index;

  return self;
}

void
_dm_layer_set_band (DmLayer *self,
                    DmBand  *band)
{
  self->band = band;
}

const char *
dm_layer_get_id (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return self->id;
}

const char *
dm_layer_get_name (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_LAYER, self->name);
}

/**
 * dm_layer_get_untranslated_name:
 *
 * Returns: the name as the model file spells it, for machine outputs
 *   (JSON, JUnit) that must not change with the reader's language
 */
const char *
dm_layer_get_untranslated_name (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return self->name;
}

const char *
dm_layer_get_description (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_LAYER, self->description);
}

const char *
dm_layer_get_customer_tasks (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_LAYER, self->customer_tasks);
}

/**
 * dm_layer_get_security_services:
 *
 * Returns: (transfer none): ids of the model's security services that help
 *   the customer with this layer
 */
const char * const *
dm_layer_get_security_services (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return (const char * const *)self->security_services;
}

DmBand *
dm_layer_get_band (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), NULL);
  return self->band;
}

guint
dm_layer_get_index (DmLayer *self)
{
  g_return_val_if_fail (DM_IS_LAYER (self), 0);
  return self->index;
}
