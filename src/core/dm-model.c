/* dm-model.c: loads and validates a responsibility model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-json-reader.h"
#include "dm-model.h"
#include "dm-model-private.h"

struct _DmModel
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *provider;
  char              *description;
  char              *source;

  GPtrArray         *bands;              /* DmBand, bottom first */
  GPtrArray         *layers;             /* DmLayer, file order */
  GListStore        *services;           /* DmService */
  GPtrArray       *service_array;  /* the same services: index reads that are safe from any thread */
  GArray            *categories;         /* DmCategory */
  GArray            *groups;             /* DmServiceGroup, maybe empty */
  GArray            *security_services;  /* DmSecurityService */
  GArray            *responsibilities;   /* DmResponsibility, maybe empty */
  DmControlKindInfo  control_kinds[4];   /* indexed by DmControlKind */

  GHashTable        *band_by_id;
  GHashTable        *layer_by_id;
  GHashTable        *service_by_id;
};

G_DEFINE_FINAL_TYPE (DmModel, dm_model, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-model-error-quark, dm_model_error)

static void
clear_named_entry (gpointer data)
{
  DmNamedEntry *e = data;

  g_free (e->id);
  g_free (e->name);
  g_free (e->description);
}

static void
clear_responsibility (gpointer data)
{
  DmResponsibility *r = data;

  g_free (r->id);
  g_free (r->title);
  g_free (r->description);
  g_strfreev (r->layers);
  g_strfreev (r->checks);
}

static void
dm_model_finalize (GObject *object)
{
  DmModel *self = (DmModel *)object;

  g_clear_pointer (&self->band_by_id, g_hash_table_unref);
  g_clear_pointer (&self->layer_by_id, g_hash_table_unref);
  g_clear_pointer (&self->service_by_id, g_hash_table_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_object (&self->services);
  g_clear_pointer (&self->service_array, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->security_services, g_array_unref);
  g_clear_pointer (&self->responsibilities, g_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (self->control_kinds); i++)
    {
      g_free (self->control_kinds[i].name);
      g_free (self->control_kinds[i].description);
      g_strfreev (self->control_kinds[i].examples);
    }

  g_free (self->id);
  g_free (self->name);
  g_free (self->provider);
  g_free (self->description);
  g_free (self->source);

  G_OBJECT_CLASS (dm_model_parent_class)->finalize (object);
}

static void
dm_model_class_init (DmModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_model_finalize;
}

static void
dm_model_init (DmModel *self)
{
  self->bands = g_ptr_array_new_with_free_func (g_object_unref);
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->services = g_list_store_new (DM_TYPE_SERVICE);
  self->service_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->categories = g_array_new (FALSE, TRUE, sizeof (DmNamedEntry));
  g_array_set_clear_func (self->categories, clear_named_entry);
  self->groups = g_array_new (FALSE, TRUE, sizeof (DmNamedEntry));
  g_array_set_clear_func (self->groups, clear_named_entry);
  self->security_services = g_array_new (FALSE, TRUE, sizeof (DmNamedEntry));
  g_array_set_clear_func (self->security_services, clear_named_entry);
  self->responsibilities = g_array_new (FALSE, TRUE, sizeof (DmResponsibility));
  g_array_set_clear_func (self->responsibilities, clear_responsibility);
  self->band_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->layer_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->service_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (self->control_kinds); i++)
    self->control_kinds[i].kind = i;
}

/* --- validation helpers ------------------------------------------------ */

typedef struct
{
  const char *source;
  DmModel    *model;
  GError    **error;
} Loader;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Loader     *loader,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (loader->error, DM_MODEL_ERROR, code, "%s: %s", loader->source, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY: return "an array";
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return "a string";
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return "a boolean";
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Fetches a string member. A missing optional member yields NULL. */
static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return fail (loader, DM_MODEL_ERROR_MISSING, "%s: “%s” is missing", path, member);
      return TRUE;
    }

  if (!is_string (node))
    return fail (loader, DM_MODEL_ERROR_TYPE, "%s.%s: expected a string, found %s",
                 path, member, node_type_name (node));

  *out = json_node_get_string (node);

  if (required && **out == '\0')
    return fail (loader, DM_MODEL_ERROR_INVALID_VALUE, "%s.%s: must not be empty", path, member);

  return TRUE;
}

static gboolean
get_array (Loader      *loader,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return fail (loader, DM_MODEL_ERROR_MISSING, "%s: “%s” is missing", path, member);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, DM_MODEL_ERROR_TYPE, "%s.%s: expected an array, found %s",
                 path, member, node_type_name (node));

  *out = json_node_get_array (node);

  if (required && json_array_get_length (*out) == 0)
    return fail (loader, DM_MODEL_ERROR_MISSING, "%s.%s: must not be empty", path, member);

  return TRUE;
}

static gboolean
get_element_object (Loader      *loader,
                    JsonArray   *array,
                    guint        index,
                    const char  *path,
                    JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, DM_MODEL_ERROR_TYPE, "%s[%u]: expected an object, found %s",
                 path, index, node_type_name (node));

  *out = json_node_get_object (node);
  return TRUE;
}

/* Returns a NULL-terminated vector of the array's strings, or NULL on error. */
static GStrv
get_string_list (Loader     *loader,
                 JsonObject *object,
                 const char *path,
                 const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!get_array (loader, object, path, member, FALSE, &array))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!is_string (node))
        {
          fail (loader, DM_MODEL_ERROR_TYPE, "%s.%s[%u]: expected a string, found %s",
                path, member, i, node_type_name (node));
          return NULL;
        }

      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/* --- the sections of a model file -------------------------------------- */

/**
 * _dm_model_text:
 *
 * The translation of one of the model's display strings, looked up with the
 * msgctxt build-aux/model-pot.py gave it. A custom model whose strings are
 * not in the catalogue simply stays in its own language; an empty string is
 * never looked up (gettext would return the catalogue's header).
 *
 * Returns: (transfer none): @text or its translation, "" for %NULL
 */
const char *
_dm_model_text (const char *context,
                const char *text)
{
  if (text == NULL || *text == '\0')
    return text ? text : "";
  return g_dpgettext2 (GETTEXT_PACKAGE, context, text);
}

static void
set_default_control_kinds (DmModel *self)
{
  static const char *names[] = { N_("Not applicable"), N_("Inherited"), N_("Shared"), N_("Customer-specific") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      self->control_kinds[i].name = g_strdup (_(names[i]));
      self->control_kinds[i].description = g_strdup ("");
      self->control_kinds[i].examples = g_new0 (char *, 1);
    }
}

static gboolean
load_control_kinds (Loader     *loader,
                    JsonObject *root)
{
  DmModel *self = loader->model;
  JsonArray *array;

  if (!get_array (loader, root, "model", "control_kinds", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("control_kinds[%u]", i);
      DmControlKindInfo *info;
      DmControlKind kind;
      JsonObject *obj;
      const char *id, *name, *description;
      GStrv examples;

      if (!get_element_object (loader, array, i, "control_kinds", &obj) ||
          !get_string (loader, obj, path, "id", TRUE, &id) ||
          !get_string (loader, obj, path, "name", TRUE, &name) ||
          !get_string (loader, obj, path, "description", FALSE, &description))
        return FALSE;

      if (!dm_control_kind_from_string (id, &kind))
        return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE,
                     "%s: unknown control kind “%s” (expected inherited, shared or customer-specific)",
                     path, id);

      if (!(examples = get_string_list (loader, obj, path, "examples")))
        return FALSE;

      info = &self->control_kinds[kind];
      g_free (info->name);
      g_free (info->description);
      g_strfreev (info->examples);
      /* Callers read these fields directly, so they are translated here,
       * at load time, rather than in a getter. */
      info->name = g_strdup (_dm_model_text (DM_MODEL_CONTEXT_CONTROL_KIND, name));
      info->description = g_strdup (_dm_model_text (DM_MODEL_CONTEXT_CONTROL_KIND, description));
      for (guint j = 0; examples[j] != NULL; j++)
        {
          char *translated = g_strdup (_dm_model_text (DM_MODEL_CONTEXT_CONTROL_KIND, examples[j]));

          g_free (examples[j]);
          examples[j] = translated;
        }
      info->examples = examples;
    }

  return TRUE;
}

static const DmNamedEntry *
find_named_entry (GArray     *entries,
                  const char *id)
{
  for (guint i = 0; id && i < entries->len; i++)
    {
      const DmNamedEntry *e = &g_array_index (entries, DmNamedEntry, i);

      if (g_str_equal (e->id, id))
        return e;
    }

  return NULL;
}

/* Loads a list of {id, name, description} objects, such as "categories". */
static gboolean
load_named_entries (Loader     *loader,
                    JsonObject *root,
                    const char *member,
                    const char *kind,
                    gboolean    required,
                    GArray     *entries)
{
  g_autofree char *context = g_strconcat ("model ", kind, NULL);
  JsonArray *array;

  if (!get_array (loader, root, "model", member, required, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      DmNamedEntry entry;
      JsonObject *obj;
      const char *id, *name, *description;

      if (!get_element_object (loader, array, i, member, &obj) ||
          !get_string (loader, obj, path, "id", TRUE, &id) ||
          !get_string (loader, obj, path, "name", TRUE, &name) ||
          !get_string (loader, obj, path, "description", FALSE, &description))
        return FALSE;

      if (find_named_entry (entries, id) != NULL)
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s: duplicate %s id “%s”", path, kind, id);

      /* Translated at load time: callers read the fields directly. The
       * context is "model category", "model group"… as model-pot.py writes. */
      entry.id = g_strdup (id);
      entry.name = g_strdup (_dm_model_text (context, name));
      entry.description = g_strdup (_dm_model_text (context, description));
      g_array_append_val (entries, entry);
    }

  return TRUE;
}

static gboolean
load_bands (Loader     *loader,
            JsonObject *root)
{
  DmModel *self = loader->model;
  JsonArray *array;

  if (!get_array (loader, root, "model", "bands", TRUE, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("bands[%u]", i);
      JsonObject *obj;
      const char *id, *name, *description;
      DmBand *band;

      if (!get_element_object (loader, array, i, "bands", &obj) ||
          !get_string (loader, obj, path, "id", TRUE, &id) ||
          !get_string (loader, obj, path, "name", TRUE, &name) ||
          !get_string (loader, obj, path, "description", FALSE, &description))
        return FALSE;

      if (g_hash_table_contains (self->band_by_id, id))
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s: duplicate band id “%s”", path, id);

      band = _dm_band_new (id, name, description, i);
      g_ptr_array_add (self->bands, band);
      g_hash_table_insert (self->band_by_id, (char *)dm_band_get_id (band), band);
    }

  return TRUE;
}

static gboolean
load_layers (Loader     *loader,
             JsonObject *root)
{
  DmModel *self = loader->model;
  JsonArray *array;

  if (!get_array (loader, root, "model", "layers", TRUE, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("layers[%u]", i);
      g_auto(GStrv) security = NULL;
      JsonObject *obj;
      const char *id, *band_id, *name, *description, *tasks;
      DmLayer *layer;
      DmBand *band;

      if (!get_element_object (loader, array, i, "layers", &obj) ||
          !get_string (loader, obj, path, "id", TRUE, &id) ||
          !get_string (loader, obj, path, "band", TRUE, &band_id) ||
          !get_string (loader, obj, path, "name", TRUE, &name) ||
          !get_string (loader, obj, path, "description", FALSE, &description) ||
          !get_string (loader, obj, path, "customer_tasks", FALSE, &tasks) ||
          !(security = get_string_list (loader, obj, path, "security_services")))
        return FALSE;

      if (g_hash_table_contains (self->layer_by_id, id))
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s: duplicate layer id “%s”", path, id);

      if (!(band = g_hash_table_lookup (self->band_by_id, band_id)))
        return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE,
                     "%s (%s): unknown band “%s”", path, id, band_id);

      for (guint j = 0; security[j]; j++)
        {
          if (dm_model_find_security_service (self, security[j]) == NULL)
            return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE,
                         "%s (%s): unknown security service “%s”", path, id, security[j]);
        }

      layer = _dm_layer_new (id, name, description, tasks, (const char * const *)security, i);
      _dm_layer_set_band (layer, band);
      _dm_band_add_layer (band, layer);
      g_ptr_array_add (self->layers, layer);
      g_hash_table_insert (self->layer_by_id, (char *)dm_layer_get_id (layer), layer);
    }

  for (guint i = 0; i < self->bands->len; i++)
    {
      DmBand *band = g_ptr_array_index (self->bands, i);

      if (dm_band_get_n_layers (band) == 0)
        return fail (loader, DM_MODEL_ERROR_INCOMPLETE,
                     "bands[%u] (%s): no layer belongs to this band", i, dm_band_get_id (band));
    }

  return TRUE;
}

/* Reads a list of layer entries ({layer, owner, reason, control}) into
 * @service: a service's own "layers" or the model's "common_layers". */
static gboolean
load_layer_entries (Loader     *loader,
                    JsonObject *obj,
                    const char *path_prefix,
                    const char *member,
                    DmService  *service)
{
  DmModel *self = loader->model;
  g_autofree char *elements = NULL;
  JsonArray *array;

  if (!get_array (loader, obj, path_prefix ? path_prefix : "model", member, FALSE, &array))
    return FALSE;

  elements = path_prefix ? g_strdup_printf ("%s.%s", path_prefix, member) : g_strdup (member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", elements, i);
      g_autofree char *named = NULL;
      JsonObject *entry;
      const char *layer_id, *owner_str, *reason, *control_str;
      DmControlKind control;
      DmOwner owner;
      DmLayer *layer;

      if (!get_element_object (loader, array, i, elements, &entry) ||
          !get_string (loader, entry, path, "layer", TRUE, &layer_id))
        return FALSE;

      if (!(layer = g_hash_table_lookup (self->layer_by_id, layer_id)))
        return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE, "%s: unknown layer “%s”", path, layer_id);

      named = g_strdup_printf ("%s (%s)", path, layer_id);

      if (_dm_service_has_layer (service, dm_layer_get_index (layer)))
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID,
                     "%s: duplicate entry for layer “%s”", path, layer_id);

      if (!get_string (loader, entry, named, "owner", TRUE, &owner_str) ||
          !get_string (loader, entry, named, "reason", TRUE, &reason) ||
          !get_string (loader, entry, named, "control", FALSE, &control_str))
        return FALSE;

      if (!dm_owner_from_string (owner_str, &owner))
        return fail (loader, DM_MODEL_ERROR_INVALID_VALUE,
                     "%s: invalid owner “%s” (expected aws, provider, customer, shared or n/a)",
                     named, owner_str);

      if (control_str == NULL)
        control = dm_owner_default_control (owner);
      else if (!dm_control_kind_from_string (control_str, &control))
        return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE,
                     "%s: unknown control kind “%s”", named, control_str);

      _dm_service_set_layer (service, dm_layer_get_index (layer), owner, control, reason);
    }

  return TRUE;
}

/* Sources are shown as links, so only web addresses are accepted. */
static gboolean
load_sources (Loader     *loader,
              JsonObject *obj,
              const char *service_path,
              DmService  *service)
{
  g_autofree char *elements = g_strdup_printf ("%s.sources", service_path);
  JsonArray *array;

  if (!get_array (loader, obj, service_path, "sources", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", elements, i);
      JsonObject *entry;
      const char *title, *url;

      if (!get_element_object (loader, array, i, elements, &entry) ||
          !get_string (loader, entry, path, "title", TRUE, &title) ||
          !get_string (loader, entry, path, "url", TRUE, &url))
        return FALSE;

      if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
        return fail (loader, DM_MODEL_ERROR_INVALID_VALUE,
                     "%s.url: expected an http or https address, found “%s”", path, url);

      _dm_service_add_source (service, title, url);
    }

  return TRUE;
}

/* A service read from the file, before its "like" is resolved. */
typedef enum
{
  PENDING_NEW,
  PENDING_ON_CHAIN,
  PENDING_DONE,
} PendingState;

typedef struct
{
  DmService    *service;
  char         *path;     /* "services[3] (ecr)", for messages */
  const char   *like;     /* owned by the JSON document */
  guint         like_index;
  PendingState  state;
} Pending;

static void
clear_pending (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->service);
  g_free (p->path);
}

static gboolean
read_service (Loader     *loader,
              JsonArray  *array,
              guint       i,
              GHashTable *first_seen,
              Pending    *pending)
{
  DmModel *self = loader->model;
  g_autofree char *path = g_strdup_printf ("services[%u]", i);
  g_autofree char *named = NULL;
  JsonObject *obj;
  const char *id, *name, *short_name, *category, *summary, *like, *group;

  if (!get_element_object (loader, array, i, "services", &obj) ||
      !get_string (loader, obj, path, "id", TRUE, &id))
    return FALSE;

  if (g_hash_table_contains (first_seen, id))
    return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID,
                 "%s: duplicate service id “%s” (first at services[%u])",
                 path, id, GPOINTER_TO_UINT (g_hash_table_lookup (first_seen, id)));
  g_hash_table_insert (first_seen, (char *)id, GUINT_TO_POINTER (i));

  named = g_strdup_printf ("%s (%s)", path, id);

  if (!get_string (loader, obj, named, "name", TRUE, &name) ||
      !get_string (loader, obj, named, "short_name", FALSE, &short_name) ||
      !get_string (loader, obj, named, "category", TRUE, &category) ||
      !get_string (loader, obj, named, "summary", FALSE, &summary) ||
      !get_string (loader, obj, named, "like", FALSE, &like) ||
      !get_string (loader, obj, named, "group", FALSE, &group))
    return FALSE;

  /* With groups, every service is in one, so none falls out of the list. */
  if (group == NULL && self->groups->len > 0)
    return fail (loader, DM_MODEL_ERROR_MISSING, "%s: “group” is missing (the model lists groups)", named);
  if (group != NULL && dm_model_find_group (self, group) == NULL)
    return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE, "%s: unknown group “%s”", named, group);

  if (like != NULL && *like == '\0')
    return fail (loader, DM_MODEL_ERROR_INVALID_VALUE, "%s.like: must not be empty", named);

  if (dm_model_find_category (self, category) == NULL)
    return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE, "%s: unknown category “%s”", named, category);

  pending->service = _dm_service_new (id, name, short_name, category, summary, self->layers->len);
  pending->path = g_steal_pointer (&named);
  pending->like = like;
  pending->state = PENDING_NEW;
  _dm_service_set_like (pending->service, like);
  _dm_service_set_group (pending->service, group);

  return load_sources (loader, obj, pending->path, pending->service) &&
         load_layer_entries (loader, obj, pending->path, "layers", pending->service);
}

/* Resolves every "like" without recursion (a hostile file may chain
 * thousands): follow the chain to a resolved service or one without a
 * "like", then fill the chain from its far end back. */
static gboolean
resolve_likes (Loader     *loader,
               GArray     *pendings,
               GHashTable *first_seen,
               DmService  *common)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < pendings->len; i++)
    {
      guint at = i;

      g_array_set_size (chain, 0);
      while (g_array_index (pendings, Pending, at).state == PENDING_NEW)
        {
          Pending *p = &g_array_index (pendings, Pending, at);
          gpointer index;

          p->state = PENDING_ON_CHAIN;
          g_array_append_val (chain, at);
          if (p->like == NULL)
            break;
          if (!g_hash_table_lookup_extended (first_seen, p->like, NULL, &index))
            return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE,
                         "%s.like: unknown service “%s”", p->path, p->like);
          p->like_index = GPOINTER_TO_UINT (index);
          at = p->like_index;
        }

      /* The walk stops on a resolved service, on one without "like" (the
       * last on the chain), or on one already on the chain: a cycle. */
      {
        Pending *stop = &g_array_index (pendings, Pending, at);
        gboolean cycle = stop->state == PENDING_ON_CHAIN && stop->like != NULL;

        if (cycle)
          {
            g_autoptr(GString) names = g_string_new (NULL);
            guint from = 0;

            while (g_array_index (chain, guint, from) != at)
              from++;
            for (guint k = from; k < chain->len; k++)
              g_string_append_printf (names, "%s → ",
                                      dm_service_get_id (g_array_index (pendings, Pending,
                                                                        g_array_index (chain, guint, k)).service));
            g_string_append (names, dm_service_get_id (stop->service));
            return fail (loader, DM_MODEL_ERROR_CYCLE, "%s.like: the services are like each other in a circle: %s",
                         stop->path, names->str);
          }
      }

      for (guint k = chain->len; k > 0; k--)
        {
          Pending *p = &g_array_index (pendings, Pending, g_array_index (chain, guint, k - 1));
          DmService *base = p->like ? g_array_index (pendings, Pending, p->like_index).service : common;

          _dm_service_inherit (p->service, base);
          p->state = PENDING_DONE;
        }
    }

  return TRUE;
}

static gboolean
load_services (Loader     *loader,
               JsonObject *root)
{
  DmModel *self = loader->model;
  g_autoptr(GHashTable) first_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pendings = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr(DmService) common = _dm_service_new ("common_layers", "common_layers", NULL, "", NULL,
                                                 self->layers->len);
  JsonArray *array;

  g_array_set_clear_func (pendings, clear_pending);

  /* Layers every service has unless it says otherwise. */
  if (!load_layer_entries (loader, root, NULL, "common_layers", common))
    return FALSE;

  if (!get_array (loader, root, "model", "services", TRUE, &array))
    return FALSE;

  g_array_set_size (pendings, json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_service (loader, array, i, first_seen, &g_array_index (pendings, Pending, i)))
      return FALSE;

  if (!resolve_likes (loader, pendings, first_seen, common))
    return FALSE;

  for (guint i = 0; i < pendings->len; i++)
    {
      Pending *p = &g_array_index (pendings, Pending, i);

      for (guint l = 0; l < self->layers->len; l++)
        {
          if (!_dm_service_has_layer (p->service, l))
            return fail (loader, DM_MODEL_ERROR_INCOMPLETE, "%s: no entry for layer “%s”",
                         p->path, dm_layer_get_id (g_ptr_array_index (self->layers, l)));
        }

      if (dm_service_get_n_sources (p->service) == 0)
        return fail (loader, DM_MODEL_ERROR_MISSING,
                     "%s: “sources” is missing (name at least one page, or be “like” a service that does)",
                     p->path);
    }

  for (guint i = 0; i < pendings->len; i++)
    {
      DmService *service = g_array_index (pendings, Pending, i).service;

      g_list_store_append (self->services, service);
      g_ptr_array_add (self->service_array, g_object_ref (service));
      g_hash_table_insert (self->service_by_id, (char *)dm_service_get_id (service), service);
    }

  return TRUE;
}

/* A check id, or a prefix of ids ending in "*": letters, digits, "-", "_"
 * and "." before it, so that a typo such as "IAM-*1" is refused. */
static gboolean
is_check_pattern (const char *pattern)
{
  gsize length = strlen (pattern);

  if (length == 0 || (length == 1 && pattern[0] == '*'))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = pattern[i];

      if (c == '*' && i == length - 1)
        continue;
      if (!g_ascii_isalnum (c) && c != '-' && c != '_' && c != '.')
        return FALSE;
    }
  return TRUE;
}

/* Validates what bears on a responsibility: known layers, well-formed
 * check ids, and no duplicates in either list. */
static gboolean
check_responsibility_refs (Loader     *loader,
                           const char *named,
                           GStrv       layers,
                           GStrv       checks)
{
  DmModel *self = loader->model;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; layers[j]; j++)
    {
      if (!g_hash_table_contains (self->layer_by_id, layers[j]))
        return fail (loader, DM_MODEL_ERROR_UNKNOWN_REFERENCE, "%s.layers[%u]: unknown layer “%s”",
                     named, j, layers[j]);
      if (!g_hash_table_add (seen, layers[j]))
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s.layers: “%s” is listed twice", named, layers[j]);
    }

  g_hash_table_remove_all (seen);
  for (guint j = 0; checks[j]; j++)
    {
      if (!is_check_pattern (checks[j]))
        return fail (loader, DM_MODEL_ERROR_INVALID_VALUE,
                     "%s.checks[%u]: “%s” is not a check id or a prefix ending in “*”", named, j, checks[j]);
      if (!g_hash_table_add (seen, checks[j]))
        return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s.checks: “%s” is listed twice", named, checks[j]);
    }

  return TRUE;
}

static gboolean
read_responsibility (Loader     *loader,
                     JsonArray  *array,
                     guint       i,
                     GHashTable *seen)
{
  DmModel *self = loader->model;
  g_autofree char *path = g_strdup_printf ("responsibilities[%u]", i);
  g_autofree char *named = NULL;
  g_auto(GStrv) layers = NULL;
  g_auto(GStrv) checks = NULL;
  DmResponsibility r;
  JsonObject *obj;
  const char *id, *title, *description, *owner_str;
  DmOwner owner;

  if (!get_element_object (loader, array, i, "responsibilities", &obj) ||
      !get_string (loader, obj, path, "id", TRUE, &id))
    return FALSE;

  /* A set, not a scan of the list: a hostile file may hold many entries. */
  if (!g_hash_table_add (seen, (char *)id))
    return fail (loader, DM_MODEL_ERROR_DUPLICATE_ID, "%s: duplicate responsibility id “%s”", path, id);

  named = g_strdup_printf ("%s (%s)", path, id);

  if (!get_string (loader, obj, named, "title", TRUE, &title) ||
      !get_string (loader, obj, named, "description", FALSE, &description) ||
      !get_string (loader, obj, named, "owner", TRUE, &owner_str) ||
      !(layers = get_string_list (loader, obj, named, "layers")) ||
      !(checks = get_string_list (loader, obj, named, "checks")))
    return FALSE;

  /* "n/a" has no meaning for a responsibility: someone holds each one. */
  if (!dm_owner_from_string (owner_str, &owner) || owner == DM_OWNER_NOT_APPLICABLE)
    return fail (loader, DM_MODEL_ERROR_INVALID_VALUE,
                 "%s: invalid owner “%s” (expected aws, provider, customer or shared)", named, owner_str);

  if (!check_responsibility_refs (loader, named, layers, checks))
    return FALSE;

  r.id = g_strdup (id);
  r.title = g_strdup (_dm_model_text (DM_MODEL_CONTEXT_RESPONSIBILITY, title));
  r.description = g_strdup (_dm_model_text (DM_MODEL_CONTEXT_RESPONSIBILITY, description ? description : ""));
  r.owner = owner;
  r.layers = g_steal_pointer (&layers);
  r.checks = g_steal_pointer (&checks);
  g_array_append_val (self->responsibilities, r);
  return TRUE;
}

/* The optional account-wide checklist; needs the layers loaded first. */
static gboolean
load_responsibilities (Loader     *loader,
                       JsonObject *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!get_array (loader, root, "model", "responsibilities", FALSE, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!read_responsibility (loader, array, i, seen))
      return FALSE;

  return TRUE;
}

/* The reader below enforces the depth limit and a single value; this scan
 * comes first only to name the offset of a too-deep bracket or of text
 * after the model. It reads quotes and comments the lenient way json-glib
 * once did, so that such files keep their depth message; anything it lets
 * through still meets the strict reader. */
typedef enum
{
  SCAN_OK,
  SCAN_TOO_DEEP,
  SCAN_TRAILING,
} ScanResult;

static ScanResult
pre_scan (const char *data,
          gsize       length,
          gsize      *offset)
{
  char quote = 0;
  int depth = 0;
  gboolean closed = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (quote)
        {
          if (c == '\\')
            i++;
          else if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '/' && i + 1 < length && data[i + 1] == '*')
        {
          const char *close = g_strstr_len (data + i + 2, length - i - 2, "*/");

          i = close ? (gsize)(close - data) + 1 : length;
          continue;
        }
      if (c == '/' && i + 1 < length && data[i + 1] == '/')
        {
          while (i < length && data[i] != '\n')
            i++;
          continue;
        }
      if (g_ascii_isspace (c))
        continue;
      if (closed)
        {
          *offset = i;
          return SCAN_TRAILING;
        }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '{' || c == '[')
        {
          if (++depth > DM_MODEL_MAX_DEPTH)
            {
              *offset = i;
              return SCAN_TOO_DEEP;
            }
        }
      else if ((c == '}' || c == ']') && --depth == 0)
        closed = TRUE;
    }

  return SCAN_OK;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* A model is one value: a second one is refused, not read as a list. */
static gboolean
refuse_items_cb (DmJsonNode *item,
                 const char *container,
                 guint64     index,
                 gpointer    user_data)
{
  return FALSE;
}

/**
 * dm_model_new_from_bytes:
 * @bytes: the JSON text of a model
 * @source_name: how to name the file in error messages
 *
 * Parses and validates a model. Every error names @source_name and the
 * entry at fault.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
DmModel *
dm_model_new_from_bytes (GBytes      *bytes,
                         const char  *source_name,
                         GError     **error)
{
  g_autoptr(DmModel) self = NULL;
  g_autoptr(DmJsonReader) reader = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader;
  const char *data, *end;
  const char *format, *id, *name, *provider, *description;
  g_autoptr(JsonNode) root_node = NULL;
  JsonObject *root;
  JsonNode *version;
  gsize length;
  gsize offset;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DM_TYPE_MODEL, NULL);
  self->source = g_strdup (source_name);
  set_default_control_kinds (self);

  loader.source = source_name;
  loader.model = self;
  loader.error = error;

  data = g_bytes_get_data (bytes, &length);

  if (length == 0 || is_blank (data, length))
    return fail (&loader, DM_MODEL_ERROR_EMPTY, "the file is empty"), NULL;

  if (length > DM_MODEL_MAX_SIZE)
    return fail (&loader, DM_MODEL_ERROR_TOO_LARGE, "the file is larger than %u MiB",
                 DM_MODEL_MAX_SIZE / (1024 * 1024)), NULL;

  if (memchr (data, '\0', length) != NULL)
    return fail (&loader, DM_MODEL_ERROR_ENCODING, "NUL byte at offset %zu",
                 (gsize)((const char *)memchr (data, '\0', length) - data)), NULL;

  if (!g_utf8_validate_len (data, length, &end))
    return fail (&loader, DM_MODEL_ERROR_ENCODING, "not valid UTF-8 at offset %zu",
                 (gsize)(end - data)), NULL;

  switch (pre_scan (data, length, &offset))
    {
    case SCAN_TOO_DEEP:
      return fail (&loader, DM_MODEL_ERROR_TOO_DEEP, "nested deeper than %d levels at offset %zu",
                   DM_MODEL_MAX_DEPTH, offset), NULL;
    case SCAN_TRAILING:
      return fail (&loader, DM_MODEL_ERROR_SYNTAX, "unexpected text after the model at offset %zu", offset), NULL;
    case SCAN_OK:
    default:
      break;
    }

  /* yajl, not json-glib's parser: strict JSON (no comments or single
   * quotes), no recursion, and a depth limit that cannot be talked around. */
  reader = dm_json_reader_new ();
  dm_json_reader_clear_item_paths (reader);
  dm_json_reader_set_max_depth (reader, DM_MODEL_MAX_DEPTH);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  if (!dm_json_reader_read_stream (reader, G_INPUT_STREAM (stream), source_name, refuse_items_cb, NULL, NULL, &local_error))
    {
      if (g_error_matches (local_error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_STOPPED))
        return fail (&loader, DM_MODEL_ERROR_SYNTAX, "unexpected text after the model"), NULL;
      if (g_error_matches (local_error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP))
        return fail (&loader, DM_MODEL_ERROR_TOO_DEEP, "nested deeper than %d levels", DM_MODEL_MAX_DEPTH), NULL;
      if (dm_json_reader_get_error_offset (reader) > 0)
        {
          /* Editors count lines and columns: name the place that way. */
          guint64 at = MIN (dm_json_reader_get_error_offset (reader) - 1, length);
          guint line = 1, column = 1;
          const char *message = strstr (local_error->message, ": invalid JSON at byte ");

          for (guint64 i = 0; i < at; i++)
            {
              if (data[i] == '\n')
                {
                  line++;
                  column = 1;
                }
              else
                column++;
            }
          message = message ? strchr (message + strlen (": invalid JSON at byte "), ':') : NULL;
          g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_SYNTAX, "%s:%u:%u: invalid JSON%s", source_name, line, column,
                       message ? message : "");
          return NULL;
        }
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_SYNTAX, "%s", local_error->message);
      return NULL;
    }

  /* The model is small and read once: as a json-glib tree. */
  root_node = dm_json_node_to_glib (dm_json_reader_get_document (reader));
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (&loader, DM_MODEL_ERROR_FORMAT, "the top level must be a JSON object, found %s",
                 root_node ? node_type_name (root_node) : "nothing"), NULL;

  root = json_node_get_object (root_node);

  if (json_object_get_member (root, "format") == NULL)
    return fail (&loader, DM_MODEL_ERROR_FORMAT, "not a Demarc model (“format” is missing)"), NULL;
  if (!get_string (&loader, root, "model", "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, "demarc-model"))
    return fail (&loader, DM_MODEL_ERROR_FORMAT,
                 "not a Demarc model (“format” is “%s”, expected “demarc-model”)", format), NULL;

  version = json_object_get_member (root, "format_version");
  if (version == NULL)
    return fail (&loader, DM_MODEL_ERROR_MISSING, "model: “format_version” is missing"), NULL;
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (&loader, DM_MODEL_ERROR_TYPE, "model.format_version: expected a whole number, found %s",
                 node_type_name (version)), NULL;
  if (json_node_get_int (version) != 1)
    return fail (&loader, DM_MODEL_ERROR_FORMAT,
                 "format_version %" G_GINT64_FORMAT " is not supported (this Demarc reads version 1)",
                 json_node_get_int (version)), NULL;

  if (!get_string (&loader, root, "model", "id", TRUE, &id) ||
      !get_string (&loader, root, "model", "name", TRUE, &name) ||
      !get_string (&loader, root, "model", "provider", TRUE, &provider) ||
      !get_string (&loader, root, "model", "description", FALSE, &description))
    return NULL;

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->provider = g_strdup (provider);
  self->description = g_strdup (description ? description : "");

  if (!load_control_kinds (&loader, root) ||
      !load_named_entries (&loader, root, "categories", "category", TRUE, self->categories) ||
      !load_named_entries (&loader, root, "groups", "group", FALSE, self->groups) ||
      !load_named_entries (&loader, root, "security_services", "security service", FALSE, self->security_services) ||
      !load_bands (&loader, root) ||
      !load_layers (&loader, root) ||
      !load_services (&loader, root) ||
      !load_responsibilities (&loader, root))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * dm_model_new_from_file:
 *
 * Reads a model file. The file is only read, never written.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
DmModel *
dm_model_new_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_IO, _("%s: is a folder, not a model file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > DM_MODEL_MAX_SIZE)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_TOO_LARGE, "%s: the file is larger than %u MiB",
                   name, DM_MODEL_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_IO, "%s: %s", name, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return dm_model_new_from_bytes (bytes, name, error);
}

/**
 * dm_model_new_default:
 *
 * Loads the AWS model compiled into the executable.
 *
 * Returns: (transfer full) (nullable): the model
 */
DmModel *
dm_model_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (DM_MODEL_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return dm_model_new_from_bytes (bytes, "aws.json", error);
}

/* --- accessors --------------------------------------------------------- */

const char *
dm_model_get_id (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return self->id;
}

const char *
dm_model_get_name (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_MODEL, self->name);
}

const char *
dm_model_get_provider (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return self->provider;
}

const char *
dm_model_get_description (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return _dm_model_text (DM_MODEL_CONTEXT_MODEL, self->description);
}

const char *
dm_model_get_source (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return self->source;
}

guint
dm_model_get_n_bands (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->bands->len;
}

DmBand *
dm_model_get_band (DmModel *self,
                   guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);
  return g_ptr_array_index (self->bands, index);
}

DmBand *
dm_model_find_band (DmModel    *self,
                    const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->band_by_id, id) : NULL;
}

guint
dm_model_get_n_layers (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->layers->len;
}

DmLayer *
dm_model_get_layer (DmModel *self,
                    guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);
  return g_ptr_array_index (self->layers, index);
}

DmLayer *
dm_model_find_layer (DmModel    *self,
                     const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->layer_by_id, id) : NULL;
}

/**
 * dm_model_get_services:
 *
 * Returns: (transfer none): a #GListModel of #DmService, in file order
 */
GListModel *
dm_model_get_services (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return G_LIST_MODEL (self->services);
}

guint
dm_model_get_n_services (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->service_array->len;
}

/**
 * dm_model_get_service:
 *
 * Returns: (transfer none): the service at @index
 */
DmService *
dm_model_get_service (DmModel *self,
                      guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  if (index >= self->service_array->len)
    return NULL;

  /* Not the GListStore: its reads move a cached position, and workers
   * (imports, reports) read the model while the window does. */
  return g_ptr_array_index (self->service_array, index);
}

DmService *
dm_model_find_service (DmModel    *self,
                       const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->service_by_id, id) : NULL;
}

guint
dm_model_get_n_categories (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->categories->len;
}

guint
dm_model_get_n_groups (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->groups->len;
}

const DmServiceGroup *
dm_model_get_group (DmModel *self,
                    guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return &g_array_index (self->groups, DmServiceGroup, index);
}

const DmServiceGroup *
dm_model_find_group (DmModel    *self,
                     const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return find_named_entry (self->groups, id);
}

const DmCategory *
dm_model_get_category (DmModel *self,
                       guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);
  return &g_array_index (self->categories, DmCategory, index);
}

const DmCategory *
dm_model_find_category (DmModel    *self,
                        const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return find_named_entry (self->categories, id);
}

guint
dm_model_get_n_security_services (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->security_services->len;
}

const DmSecurityService *
dm_model_find_security_service (DmModel    *self,
                                const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  return find_named_entry (self->security_services, id);
}

const DmControlKindInfo *
dm_model_get_control_kind_info (DmModel       *self,
                                DmControlKind  kind)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (kind <= DM_CONTROL_CUSTOMER_SPECIFIC, NULL);
  return &self->control_kinds[kind];
}

guint
dm_model_get_n_responsibilities (DmModel *self)
{
  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  return self->responsibilities->len;
}

/**
 * dm_model_get_responsibility:
 *
 * Returns: (transfer none): the responsibility at @index, in file order
 */
const DmResponsibility *
dm_model_get_responsibility (DmModel *self,
                             guint    index)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->responsibilities->len, NULL);
  return &g_array_index (self->responsibilities, DmResponsibility, index);
}

const DmResponsibility *
dm_model_find_responsibility (DmModel    *self,
                              const char *id)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);

  for (guint i = 0; id != NULL && i < self->responsibilities->len; i++)
    {
      const DmResponsibility *r = &g_array_index (self->responsibilities, DmResponsibility, i);

      if (g_str_equal (r->id, id))
        return r;
    }

  return NULL;
}

/**
 * dm_model_get_owner_label:
 *
 * Returns: a human-readable, translated name for @owner; the provider is
 *   named by the model (e.g. "AWS")
 */
const char *
dm_model_get_owner_label (DmModel *self,
                          DmOwner  owner)
{
  g_return_val_if_fail (DM_IS_MODEL (self), NULL);

  switch (owner)
    {
    case DM_OWNER_PROVIDER: return self->provider;
    case DM_OWNER_CUSTOMER: return _("Customer");
    case DM_OWNER_SHARED: return _("Shared");
    case DM_OWNER_NOT_APPLICABLE: return _("Not applicable");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * dm_model_get_boundary:
 *
 * Where the provider's responsibility ends, counted in bands from the bottom
 * of the stack. Bands the provider owns (or that don't apply) lie below the
 * line; a shared band puts the line through its middle; the first customer
 * band puts the line under it.
 *
 * Returns: a value between 0 and the number of bands
 */
double
dm_model_get_boundary (DmModel   *self,
                       DmService *service)
{
  double boundary = 0;

  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  g_return_val_if_fail (DM_IS_SERVICE (service), 0);

  for (guint i = 0; i < self->bands->len; i++)
    {
      switch (dm_service_get_band_owner (service, g_ptr_array_index (self->bands, i)))
        {
        case DM_OWNER_PROVIDER:
        case DM_OWNER_NOT_APPLICABLE:
          boundary += 1;
          break;

        case DM_OWNER_SHARED:
          return boundary + 0.5;

        case DM_OWNER_CUSTOMER:
        default:
          return boundary;
        }
    }

  return boundary;
}

/**
 * dm_model_get_customer_share:
 *
 * How much of a service's stack is the customer's: customer layers count
 * one, shared layers one half, layers that don't apply are left out.
 *
 * Returns: a fraction between 0 and 1
 */
double
dm_model_get_customer_share (DmModel   *self,
                             DmService *service)
{
  double sum = 0;
  guint counted = 0;

  g_return_val_if_fail (DM_IS_MODEL (self), 0);
  g_return_val_if_fail (DM_IS_SERVICE (service), 0);

  for (guint i = 0; i < self->layers->len; i++)
    {
      switch (dm_service_get_owner (service, g_ptr_array_index (self->layers, i)))
        {
        case DM_OWNER_CUSTOMER:
          sum += 1;
          counted++;
          break;

        case DM_OWNER_SHARED:
          sum += 0.5;
          counted++;
          break;

        case DM_OWNER_PROVIDER:
          counted++;
          break;

        case DM_OWNER_NOT_APPLICABLE:
        default:
          break;
        }
    }

  return counted ? sum / counted : 0;
}

typedef struct
{
  DmService *service;
  double     boundary;
  double     share;
  guint      position;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a, *eb = b;

  /* Lowest boundary first: the customer owns most of the stack there. */
  if (ea->boundary != eb->boundary)
    return ea->boundary < eb->boundary ? -1 : 1;
  if (ea->share != eb->share)
    return ea->share > eb->share ? -1 : 1;
  return (int)ea->position - (int)eb->position;
}

/**
 * dm_model_dup_services_by_responsibility:
 *
 * Orders services along the "responsibility slider": those where the
 * customer owns the most of the stack (IaaS) first, the most abstracted
 * last. Ties keep file order.
 *
 * Returns: (transfer container) (element-type DmService): the services
 */
GPtrArray *
dm_model_dup_services_by_responsibility (DmModel *self)
{
  g_autofree SortEntry *entries = NULL;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (DM_IS_MODEL (self), NULL);

  n = dm_model_get_n_services (self);
  entries = g_new0 (SortEntry, n);

  for (guint i = 0; i < n; i++)
    {
      DmService *service = dm_model_get_service (self, i);

      entries[i].service = service;
      entries[i].boundary = dm_model_get_boundary (self, service);
      entries[i].share = dm_model_get_customer_share (self, service);
      entries[i].position = i;
    }

  qsort (entries, n, sizeof (SortEntry), compare_entries);

  result = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (result, g_object_ref (entries[i].service));

  return result;
}
