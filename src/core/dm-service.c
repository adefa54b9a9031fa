/* dm-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-service"

#include "config.h"

#include "dm-model-private.h"

typedef struct
{
  gboolean      set;
  DmOwner       owner;
  DmControlKind control;
  char         *reason;
} Responsibility;

struct _DmService
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  char           *short_name;
  char           *category;
  char           *group;      /* for the sidebar; NULL when the model has no groups */
  char           *summary;
  char           *like;
  Responsibility *layers;   /* indexed by dm_layer_get_index() */
  guint           n_layers;
  GArray         *sources;  /* DmSource */
};

G_DEFINE_FINAL_TYPE (DmService, dm_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dm_service_finalize (GObject *object)
{
  DmService *self = (DmService *)object;

  for (guint i = 0; i < self->n_layers; i++)
    g_free (self->layers[i].reason);
  g_free (self->layers);
  g_clear_pointer (&self->sources, g_array_unref);
  g_free (self->like);
  g_free (self->id);
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->category);
  g_free (self->group);
  g_free (self->summary);

  G_OBJECT_CLASS (dm_service_parent_class)->finalize (object);
}

static void
dm_service_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DmService *self = DM_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_service_class_init (DmServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_service_finalize;
  object_class->get_property = dm_service_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clear_source (gpointer data)
{
  DmSource *source = data;

  g_free (source->title);
  g_free (source->url);
}

static void
dm_service_init (DmService *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (DmSource));
  g_array_set_clear_func (self->sources, clear_source);
}

DmService *
_dm_service_new (const char *id,
                 const char *name,
                 const char *short_name,
                 const char *category,
                 const char *summary,
                 guint       n_layers)
{
  DmService *self = g_object_new (DM_TYPE_SERVICE, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->short_name = g_strdup (short_name ? short_name : name);
  self->category = g_strdup (category);
  self->summary = g_strdup (summary ? summary : "");
  self->n_layers = n_layers;
  self->layers = g_new0 (Responsibility, n_layers);

  return self;
}

gboolean
_dm_service_has_layer (DmService *self,
                       guint      layer_index)
{
  g_return_val_if_fail (layer_index < self->n_layers, FALSE);
  return self->layers[layer_index].set;
}

void
_dm_service_set_layer (DmService     *self,
                       guint          layer_index,
                       DmOwner        owner,
                       DmControlKind  control,
                       const char    *reason)
{
  Responsibility *r;

  g_return_if_fail (layer_index < self->n_layers);

  r = &self->layers[layer_index];
  r->set = TRUE;
  r->owner = owner;
  r->control = control;
  g_free (r->reason);
  r->reason = g_strdup (reason ? reason : "");
}

void
_dm_service_set_like (DmService  *self,
                      const char *like)
{
  g_free (self->like);
  self->like = g_strdup (like);
}

void
_dm_service_set_group (DmService  *self,
                       const char *group)
{
  g_free (self->group);
  self->group = g_strdup (group);
}

void
_dm_service_add_source (DmService  *self,
                        const char *title,
                        const char *url)
{
  DmSource source = { g_strdup (title), g_strdup (url) };

  g_array_append_val (self->sources, source);
}

/* Fills every layer @self does not set, and its sources when it has none,
 * from @base: how "like" and the model's common layers resolve. */
void
_dm_service_inherit (DmService *self,
                     DmService *base)
{
  g_return_if_fail (self->n_layers == base->n_layers);

  for (guint i = 0; i < self->n_layers; i++)
    {
      const Responsibility *from = &base->layers[i];

      if (!self->layers[i].set && from->set)
        _dm_service_set_layer (self, i, from->owner, from->control, from->reason);
    }

  if (self->sources->len > 0)
    return;

  for (guint i = 0; i < base->sources->len; i++)
    {
      const DmSource *source = &g_array_index (base->sources, DmSource, i);

      _dm_service_add_source (self, source->title, source->url);
    }
}

const char *
dm_service_get_id (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->id;
}

const char *
dm_service_get_name (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->name;
}

const char *
dm_service_get_short_name (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->short_name;
}

const char *
dm_service_get_category (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->category;
}

const char *
dm_service_get_summary (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_SERVICE, self->summary);
}

/**
 * dm_service_get_group:
 *
 * Returns: (nullable): the id of the model's group the service is listed
 *   under (compute, storage, security…), or %NULL
 */
const char *
dm_service_get_group (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->group;
}

/**
 * dm_service_get_like:
 *
 * Returns: (nullable): the id of the service this one was declared like in
 *   the model file, or %NULL
 */
const char *
dm_service_get_like (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  return self->like;
}

guint
dm_service_get_n_sources (DmService *self)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), 0);
  return self->sources->len;
}

/**
 * dm_service_get_source:
 *
 * Returns: (transfer none) (nullable): the page at @index that the
 *   service's facts come from
 */
const DmSource *
dm_service_get_source (DmService *self,
                       guint      index)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  if (index >= self->sources->len)
    return NULL;
  return &g_array_index (self->sources, DmSource, index);
}

static const Responsibility *
lookup (DmService *self,
        DmLayer   *layer)
{
  guint index = dm_layer_get_index (layer);

  g_return_val_if_fail (index < self->n_layers, NULL);
  return &self->layers[index];
}

DmOwner
dm_service_get_owner (DmService *self,
                      DmLayer   *layer)
{
  const Responsibility *r;

  g_return_val_if_fail (DM_IS_SERVICE (self), DM_OWNER_NOT_APPLICABLE);
  g_return_val_if_fail (DM_IS_LAYER (layer), DM_OWNER_NOT_APPLICABLE);

  r = lookup (self, layer);
  return r ? r->owner : DM_OWNER_NOT_APPLICABLE;
}

const char *
dm_service_get_reason (DmService *self,
                       DmLayer   *layer)
{
  const Responsibility *r;

  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  g_return_val_if_fail (DM_IS_LAYER (layer), NULL);

  r = lookup (self, layer);
  return r ? _dm_model_text (DM_MODEL_CONTEXT_REASON, r->reason) : NULL;
}

/* The reason as the model file words it, for machine outputs. */
const char *
dm_service_get_untranslated_reason (DmService *self,
                                    DmLayer   *layer)
{
  const Responsibility *r;

  g_return_val_if_fail (DM_IS_SERVICE (self), NULL);
  g_return_val_if_fail (DM_IS_LAYER (layer), NULL);

  r = lookup (self, layer);
  return r ? r->reason : NULL;
}

DmControlKind
dm_service_get_control (DmService *self,
                        DmLayer   *layer)
{
  const Responsibility *r;

  g_return_val_if_fail (DM_IS_SERVICE (self), DM_CONTROL_NONE);
  g_return_val_if_fail (DM_IS_LAYER (layer), DM_CONTROL_NONE);

  r = lookup (self, layer);
  return r ? r->control : DM_CONTROL_NONE;
}

DmOwner
dm_service_get_band_owner (DmService *self,
                           DmBand    *band)
{
  g_return_val_if_fail (DM_IS_SERVICE (self), DM_OWNER_NOT_APPLICABLE);
  g_return_val_if_fail (DM_IS_BAND (band), DM_OWNER_NOT_APPLICABLE);

  return dm_service_get_owner (self, dm_band_get_primary_layer (band));
}
