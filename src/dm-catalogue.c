/* dm-catalogue.c
 *
 * The catalogue is data (data/checks/catalogue.json): a check's facts and
 * ids come from public references, its title and remediation are ours.
 * Other tools' findings are mapped through it: by Security Hub control id,
 * by Prowler check id, then by resource type, then by service name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-catalogue"

#include "config.h"

#include <json-glib/json-glib.h>

#include "dm-catalogue.h"

typedef struct
{
  char *service;
  char *layer;
} Target;

struct _DmCatalogue
{
  GObject     parent_instance;

  GArray     *checks;           /* DmCheck */
  GHashTable *by_id;            /* id -> index + 1 */
  GHashTable *by_control;       /* control id -> index + 1 */
  GHashTable *by_prowler;       /* prowler id -> index + 1 */
  GHashTable *resource_types;   /* type -> Target */
  GHashTable *aliases;          /* lower-case name -> service id */
  GHashTable *service_layers;   /* service id -> layer id */
  GHashTable *service_names;    /* service id -> display name */
};

G_DEFINE_FINAL_TYPE (DmCatalogue, dm_catalogue, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-catalogue-error-quark, dm_catalogue_error)

static void
clear_check (gpointer data)
{
  DmCheck *check = data;

  g_free (check->id);
  g_free (check->service);
  g_free (check->layer);
  g_free (check->title);
  g_free (check->remediation);
  g_strfreev (check->controls);
  g_strfreev (check->cis);
  g_strfreev (check->prowler);
}

static void
free_target (gpointer data)
{
  Target *target = data;

  g_free (target->service);
  g_free (target->layer);
  g_free (target);
}

static void
dm_catalogue_finalize (GObject *object)
{
  DmCatalogue *self = (DmCatalogue *)object;

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_control);
  g_hash_table_unref (self->by_prowler);
  g_hash_table_unref (self->resource_types);
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->service_layers);
  g_hash_table_unref (self->service_names);
  g_array_unref (self->checks);

  G_OBJECT_CLASS (dm_catalogue_parent_class)->finalize (object);
}

static void
dm_catalogue_class_init (DmCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_catalogue_finalize;
}

static void
dm_catalogue_init (DmCatalogue *self)
{
  self->checks = g_array_new (FALSE, TRUE, sizeof (DmCheck));
  g_array_set_clear_func (self->checks, clear_check);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_control = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_prowler = g_hash_table_new (g_str_hash, g_str_equal);
  self->resource_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_target);
  self->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GStrv
member_strv (JsonObject *object,
             const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

/* A control id listed earlier in a check is more specific to it: EC2.19 is
 * NET-05's own control, and only an extra one for the SSH check. */
static void
index_ids (GHashTable *table,
           GHashTable *positions,
           GStrv       ids,
           guint       check_index)
{
  for (guint p = 0; ids[p]; p++)
    {
      gpointer previous = g_hash_table_lookup (positions, ids[p]);

      if (previous == NULL || GPOINTER_TO_UINT (previous) - 1 > p)
        {
          g_hash_table_insert (table, ids[p], GUINT_TO_POINTER (check_index + 1));
          g_hash_table_insert (positions, ids[p], GUINT_TO_POINTER (p + 1));
        }
    }
}

static gboolean
invalid (GError    **error,
         const char *source,
         const char *message,
         const char *detail)
{
  g_set_error (error, DM_CATALOGUE_ERROR, DM_CATALOGUE_ERROR_INVALID, "%s: %s%s%s",
               source, message, detail ? " " : "", detail ? detail : "");
  return FALSE;
}

static gboolean
load (DmCatalogue *self,
      JsonObject  *root,
      const char  *source,
      GError     **error)
{
  g_autoptr(GHashTable) control_positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) prowler_positions = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node;
  JsonArray *checks;

  if (g_strcmp0 (member_string (root, "format"), "demarc-checks") != 0)
    return invalid (error, source, "not a Demarc check catalogue", NULL);

  node = json_object_get_member (root, "checks");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, source, "“checks” must be an array", NULL);
  checks = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonNode *element = json_array_get_element (checks, i);
      JsonObject *o;
      DmCheck check = { 0 };
      const char *id, *service, *layer, *title, *severity;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, source, "a check is not an object", NULL);
      o = json_node_get_object (element);

      id = member_string (o, "id");
      service = member_string (o, "service");
      layer = member_string (o, "layer");
      title = member_string (o, "title");
      severity = member_string (o, "severity");

      if (!id || !service || !layer || !title)
        return invalid (error, source, "a check lacks id, service, layer or title:", id);
      if (!dm_severity_from_string (severity, &check.severity))
        return invalid (error, source, "a check has an invalid severity:", id);
      if (g_hash_table_contains (self->by_id, id))
        return invalid (error, source, "duplicate check id", id);

      check.id = g_strdup (id);
      check.service = g_strdup (service);
      check.layer = g_strdup (layer);
      check.title = g_strdup (title);
      check.remediation = g_strdup (member_string (o, "remediation"));
      check.controls = member_strv (o, "controls");
      check.cis = member_strv (o, "cis");
      check.prowler = member_strv (o, "prowler");
      g_array_append_val (self->checks, check);
    }

  /* Index once the array no longer moves. */
  for (guint i = 0; i < self->checks->len; i++)
    {
      DmCheck *check = &g_array_index (self->checks, DmCheck, i);

      g_hash_table_insert (self->by_id, check->id, GUINT_TO_POINTER (i + 1));
      index_ids (self->by_control, control_positions, check->controls, i);
      index_ids (self->by_prowler, prowler_positions, check->prowler, i);
    }

  if ((node = json_object_get_member (root, "resource_types")) && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *types = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (types);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *value = json_object_get_member (types, l->data);
          Target *target;

          if (!JSON_NODE_HOLDS_OBJECT (value))
            continue;
          target = g_new0 (Target, 1);
          target->service = g_strdup (member_string (json_node_get_object (value), "service"));
          target->layer = g_strdup (member_string (json_node_get_object (value), "layer"));
          g_hash_table_insert (self->resource_types, g_strdup (l->data), target);
        }
    }

  if ((node = json_object_get_member (root, "service_aliases")) && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *aliases = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (aliases);

      for (GList *l = members; l; l = l->next)
        if (member_string (aliases, l->data))
          g_hash_table_insert (self->aliases, g_ascii_strdown (l->data, -1),
                               g_strdup (member_string (aliases, l->data)));
    }

  if ((node = json_object_get_member (root, "service_layers")) && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *layers = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (layers);

      for (GList *l = members; l; l = l->next)
        if (member_string (layers, l->data))
          g_hash_table_insert (self->service_layers, g_strdup (l->data),
                               g_strdup (member_string (layers, l->data)));
    }

  if ((node = json_object_get_member (root, "other_services")) && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *others = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (others); i++)
        {
          JsonNode *element = json_array_get_element (others, i);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              member_string (json_node_get_object (element), "id") &&
              member_string (json_node_get_object (element), "name"))
            g_hash_table_insert (self->service_names,
                                 g_strdup (member_string (json_node_get_object (element), "id")),
                                 g_strdup (member_string (json_node_get_object (element), "name")));
        }
    }

  return TRUE;
}

DmCatalogue *
dm_catalogue_new_from_bytes (GBytes      *bytes,
                             const char  *source_name,
                             GError     **error)
{
  g_autoptr(DmCatalogue) self = g_object_new (DM_TYPE_CATALOGUE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      invalid (error, source_name, local_error->message, NULL);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, source_name, "the top level must be an object", NULL);
      return NULL;
    }

  if (!load (self, json_node_get_object (root), source_name, error))
    return NULL;

  return g_steal_pointer (&self);
}

DmCatalogue *
dm_catalogue_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DM_CATALOGUE_DEFAULT_RESOURCE, 0, error);

  return bytes ? dm_catalogue_new_from_bytes (bytes, "catalogue.json", error) : NULL;
}

guint
dm_catalogue_get_n_checks (DmCatalogue *self)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), 0);
  return self->checks->len;
}

const DmCheck *
dm_catalogue_get_check (DmCatalogue *self,
                        guint        index)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);
  return &g_array_index (self->checks, DmCheck, index);
}

static const DmCheck *
lookup (DmCatalogue *self,
        GHashTable  *table,
        const char  *key)
{
  guint index = key ? GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) : 0;

  return index ? &g_array_index (self->checks, DmCheck, index - 1) : NULL;
}

const DmCheck *
dm_catalogue_find_check (DmCatalogue *self,
                         const char  *id)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  return lookup (self, self->by_id, id);
}

const DmCheck *
dm_catalogue_find_by_control (DmCatalogue *self,
                              const char  *control_id)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  return lookup (self, self->by_control, control_id);
}

const DmCheck *
dm_catalogue_find_by_prowler (DmCatalogue *self,
                              const char  *prowler_id)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  return lookup (self, self->by_prowler, prowler_id);
}

/**
 * dm_catalogue_map_resource_type:
 * @type: an ASFF (e.g. AwsS3Bucket) or AWS Config (AWS::S3::Bucket) type
 *
 * Returns: %TRUE and the service and default layer when the type is known
 */
gboolean
dm_catalogue_map_resource_type (DmCatalogue  *self,
                                const char   *type,
                                const char  **service,
                                const char  **layer)
{
  Target *target;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), FALSE);

  if (type == NULL || !(target = g_hash_table_lookup (self->resource_types, type)))
    return FALSE;

  *service = target->service;
  *layer = target->layer;
  return TRUE;
}

/**
 * dm_catalogue_resolve_service:
 * @name: a service name as a tool writes it ("awslambda", "S3", "elbv2")
 *
 * Returns: (nullable): the service id, or %NULL when unknown
 */
const char *
dm_catalogue_resolve_service (DmCatalogue *self,
                              const char  *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if (name == NULL)
    return NULL;
  lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (self->aliases, lower);
}

const char *
dm_catalogue_get_service_layer (DmCatalogue *self,
                                const char  *service)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  return service ? g_hash_table_lookup (self->service_layers, service) : NULL;
}

/**
 * dm_catalogue_get_service_name:
 *
 * Returns: (nullable): the display name of a service the model does not
 *   draw (GuardDuty, Config, account-wide settings…)
 */
const char *
dm_catalogue_get_service_name (DmCatalogue *self,
                               const char  *service)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);
  return service ? g_hash_table_lookup (self->service_names, service) : NULL;
}
