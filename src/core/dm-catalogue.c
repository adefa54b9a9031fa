/* dm-catalogue.c
 *
 * The catalogue is data (data/checks/catalogue.json): a check's facts and
 * ids come from public references, its title and remediation are ours.
 * Other tools' findings are mapped through it: by Security Hub control id,
 * by Prowler check id, then through the mapping (data/checks/mapping.tsv:
 * every id of the public check sets, GuardDuty types and Inspector
 * package managers), then by resource type, then by service name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-catalogue"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

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
  GHashTable *mappings;         /* "source\x1fid" -> DmMapping */
  GPtrArray  *scout_templates;  /* keys of mappings whose ScoutSuite id has _ARG_n_ (borrowed) */
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
  g_strfreev (check->compliance);
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
  g_ptr_array_unref (self->scout_templates);
  g_hash_table_unref (self->mappings);
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
  self->mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scout_templates = g_ptr_array_new ();
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
      {
        g_autoptr(GStrvBuilder) compliance = g_strv_builder_new ();

        g_strv_builder_addv (compliance, (const char **)check.controls);
        for (guint c = 0; check.cis[c]; c++)
          {
            g_autofree char *cis = g_strdup_printf ("CIS 3.0 %s", check.cis[c]);

            g_strv_builder_add (compliance, cis);
          }
        check.compliance = g_strv_builder_end (compliance);
      }
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

/* The catalogue and the mapping the app ships, both from the GResource. */
DmCatalogue *
dm_catalogue_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DM_CATALOGUE_DEFAULT_RESOURCE, 0, error);
  g_autoptr(GBytes) mapping = NULL;
  g_autoptr(DmCatalogue) self = NULL;

  if (bytes == NULL || !(self = dm_catalogue_new_from_bytes (bytes, "catalogue.json", error)))
    return NULL;
  if (!(mapping = g_resources_lookup_data (DM_CATALOGUE_MAPPING_RESOURCE, 0, error)) ||
      !dm_catalogue_load_mapping (self, mapping, "mapping.tsv", error))
    return NULL;
  return g_steal_pointer (&self);
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

/* --- the mapping --------------------------------------------------------- */

#define SCOUT_PREFIX "scoutsuite\x1f"

/* Inspector's package managers come in any case (JAR, jar, Jar). */
static gboolean
source_ignores_case (const char *source)
{
  return g_str_equal (source, "inspector");
}

static char *
mapping_key (const char *source,
             const char *id)
{
  if (source_ignores_case (source))
    {
      g_autofree char *upper = g_ascii_strup (id, -1);

      return g_strconcat (source, "\x1f", upper, NULL);
    }
  return g_strconcat (source, "\x1f", id, NULL);
}

static gboolean
is_token (const char *text,
          const char *extra)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (extra, *p) == NULL)
      return FALSE;
  return *text != '\0';
}

static gboolean
mapping_error (GError    **error,
               const char *source_name,
               guint       line,
               const char *message,
               const char *detail)
{
  g_set_error (error, DM_CATALOGUE_ERROR, DM_CATALOGUE_ERROR_INVALID, "%s:%u: %s%s%s",
               source_name, line, message, detail ? " " : "", detail ? detail : "");
  return FALSE;
}

/**
 * dm_catalogue_load_mapping:
 * @bytes: rows of `source<TAB>id<TAB>service<TAB>layer<TAB>severity`;
 *   blank lines and lines starting with '#' are comments
 *
 * Adds the rows to @self. A malformed row is an error naming the line: the
 * file ships with the app, so a typo must fail the tests, not place
 * findings nowhere. On error no row of @bytes is kept.
 */
gboolean
dm_catalogue_load_mapping (DmCatalogue  *self,
                           GBytes       *bytes,
                           const char   *source_name,
                           GError      **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  gsize length;
  const char *data;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return mapping_error (error, source_name, 0, "not UTF-8 text", NULL);

  {
    g_autofree char *text = g_strndup (data, length);

    lines = g_strsplit (text, "\n", -1);
  }

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      char *line = lines[i];
      gsize len = strlen (line);
      DmMapping *row;
      DmSeverity severity = DM_SEVERITY_UNKNOWN;
      char *row_key;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (len == 0 || line[0] == '#')
        continue;

      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 5)
        return mapping_error (error, source_name, i + 1,
                              "a row needs five tab-separated fields (source, id, service, layer, severity)",
                              NULL);
      if (!is_token (fields[0], "-._"))
        return mapping_error (error, source_name, i + 1, "invalid source", fields[0]);
      if (*fields[1] == '\0' || strchr (fields[1], ' ') != NULL)
        return mapping_error (error, source_name, i + 1, "invalid id", fields[1]);
      if (!is_token (fields[2], "-"))
        return mapping_error (error, source_name, i + 1, "invalid service", fields[2]);
      if (!is_token (fields[3], "_"))
        return mapping_error (error, source_name, i + 1, "invalid layer", fields[3]);
      if (*fields[4] != '\0' && !dm_severity_from_string (fields[4], &severity))
        return mapping_error (error, source_name, i + 1, "invalid severity", fields[4]);

      row_key = mapping_key (fields[0], fields[1]);
      if (g_hash_table_contains (rows, row_key) || g_hash_table_contains (self->mappings, row_key))
        {
          g_free (row_key);
          return mapping_error (error, source_name, i + 1, "duplicate id", fields[1]);
        }

      row = g_new0 (DmMapping, 1);
      /* A few dozen distinct services and layers: interned once. */
      row->service = g_intern_string (fields[2]);
      row->layer = g_intern_string (fields[3]);
      row->severity = severity;
      g_hash_table_insert (rows, row_key, row);
    }

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->mappings, key, value);
      if (g_str_has_prefix (key, SCOUT_PREFIX) && strstr (key, "_ARG_"))
        g_ptr_array_add (self->scout_templates, key);
    }
  return TRUE;
}

guint
dm_catalogue_get_n_mappings (DmCatalogue *self)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), 0);
  return g_hash_table_size (self->mappings);
}

/**
 * dm_catalogue_lookup:
 * @source: "prowler", "securityhub", "scoutsuite", "config", "guardduty",
 *   "inspector", "cis-1.2", "pci", "macie", "cloudsploit"
 * @id: the tool's id, exactly as the mapping lists it
 *
 * Returns: (nullable): the row, or %NULL
 */
const DmMapping *
dm_catalogue_lookup (DmCatalogue *self,
                     const char  *source,
                     const char  *id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if (source == NULL || id == NULL || *id == '\0')
    return NULL;
  key = mapping_key (source, id);
  return g_hash_table_lookup (self->mappings, key);
}

/* A Security Hub rule ends in "-" and a random suffix of six or more
 * lower-case letters and digits. */
static gboolean
has_hash_suffix (const char *name,
                 gsize      *base_length)
{
  const char *dash = strrchr (name, '-');

  if (dash == NULL || dash == name || strlen (dash + 1) < 6)
    return FALSE;
  for (const char *p = dash + 1; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
      return FALSE;
  *base_length = dash - name;
  return TRUE;
}

static char *
kebab_to_identifier (char *name)
{
  for (char *p = name; p && *p; p++)
    *p = *p == '-' ? '_' : g_ascii_toupper (*p);
  return name;
}

/* Who deployed a rule shows in its name: Security Hub prefixes
 * "securityhub-", an organisation "OrgConfigRule-", and both add a hash; a
 * conformance pack appends "-conformance-pack-<hash>". */
static char *
config_rule_base (const char *name,
                  gboolean    strip_suffix)
{
  gsize base_length;

  if (g_str_has_prefix (name, "securityhub-"))
    name += strlen ("securityhub-");
  else if (g_str_has_prefix (name, "OrgConfigRule-"))
    name += strlen ("OrgConfigRule-");
  if (!strip_suffix)
    return g_strdup (name);
  if (!has_hash_suffix (name, &base_length))
    return NULL;
  if (base_length > strlen ("-conformance-pack") &&
      strncmp (name + base_length - strlen ("-conformance-pack"), "-conformance-pack", strlen ("-conformance-pack")) == 0)
    base_length -= strlen ("-conformance-pack");
  return g_strndup (name, base_length);
}

/**
 * dm_config_rule_identifier:
 * @rule_name: a Config rule name ("securityhub-s3-bucket-ssl-requests-only-a1b2c3")
 * @strip_suffix: whether to drop a trailing "-<hash>"
 *
 * Returns: (nullable): the managed rule identifier the name would be in
 *   kebab case ("S3_BUCKET_SSL_REQUESTS_ONLY"), or %NULL when
 *   @strip_suffix is set and the name has no such suffix
 */
char *
dm_config_rule_identifier (const char *rule_name,
                           gboolean    strip_suffix)
{
  g_autofree char *base = NULL;

  if (rule_name == NULL || !(base = config_rule_base (rule_name, strip_suffix)) || *base == '\0')
    return NULL;
  return kebab_to_identifier (g_steal_pointer (&base));
}

/**
 * dm_catalogue_lookup_config_rule:
 * @rule_name: a Config rule name or managed rule identifier
 *
 * Tries the name as listed and as the identifier it spells, then the same
 * without the "securityhub-" or "OrgConfigRule-" prefix, and finally
 * without a hash suffix (and a conformance pack's "-conformance-pack"
 * before it): a suffix is only dropped when the whole name is unknown, so
 * "…-enabled" stays.
 */
const DmMapping *
dm_catalogue_lookup_config_rule (DmCatalogue *self,
                                 const char  *rule_name)
{
  const DmMapping *row;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if (rule_name == NULL)
    return NULL;
  if ((row = dm_catalogue_lookup (self, "config", rule_name)))
    return row;
  /* "securityhub-enabled" is SECURITYHUB_ENABLED, not a prefixed rule. */
  {
    g_autofree char *whole = kebab_to_identifier (g_strdup (rule_name));

    if ((row = dm_catalogue_lookup (self, "config", whole)))
      return row;
  }

  for (guint strip = 0; strip < 2; strip++)
    {
      g_autofree char *base = config_rule_base (rule_name, strip);
      g_autofree char *identifier = dm_config_rule_identifier (rule_name, strip);

      if ((row = dm_catalogue_lookup (self, "config", base)) ||
          (row = dm_catalogue_lookup (self, "config", identifier)))
        return row;
    }
  return NULL;
}

void
dm_guardduty_type_clear (DmGuardDutyType *type)
{
  g_clear_pointer (&type->purpose, g_free);
  g_clear_pointer (&type->resource, g_free);
  g_clear_pointer (&type->family, g_free);
  g_clear_pointer (&type->detail, g_free);
  g_clear_pointer (&type->artifact, g_free);
}

/**
 * dm_guardduty_type_parse:
 * @text: a GuardDuty finding type ("Recon:EC2/PortProbeUnprotectedPort") or
 *   the ASFF form Security Hub writes in Types[]
 *   ("TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort")
 *
 * Returns: %TRUE and the parts in @type (clear them with
 *   dm_guardduty_type_clear()) when @text names a purpose and a resource
 */
gboolean
dm_guardduty_type_parse (const char      *text,
                         DmGuardDutyType *type)
{
  const char *colon, *start, *p, *end;

  memset (type, 0, sizeof *type);
  if (text == NULL || !(colon = strchr (text, ':')))
    return FALSE;

  /* The purpose starts after the last '/' before the colon (ASFF's
   * namespace and category come first). */
  for (start = colon; start > text && start[-1] != '/'; start--)
    ;
  for (p = start; p < colon; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (start == colon)
    return FALSE;

  for (p = colon + 1; g_ascii_isalnum (*p); p++)
    ;
  if (p == colon + 1 || (*p != '\0' && *p != '/' && *p != '-' && *p != '!'))
    return FALSE;

  type->purpose = g_strndup (start, colon - start);
  type->resource = g_strndup (colon + 1, p - colon - 1);
  if (*p == '/' || *p == '-')
    {
      const char *family = p + 1;

      end = family + strcspn (family, ".!");
      if (end > family)
        type->family = g_strndup (family, end - family);
      p = end;
      if (*p == '.')
        {
          const char *detail = p + 1;

          end = detail + strcspn (detail, "!");
          if (end > detail)
            type->detail = g_strndup (detail, end - detail);
          p = end;
        }
    }
  if (*p == '!' && p[1] != '\0')
    type->artifact = g_strdup (p + 1);
  return TRUE;
}

/**
 * dm_catalogue_lookup_guardduty:
 * @type: a finding type, native or as ASFF writes it
 * @resource_type: (nullable): the ASFF type of the resource the finding names
 *
 * The most specific row wins: the whole type, the type without its
 * artifact or detail, "Purpose:Resource", "Resource@resource_type", then
 * the resource type alone.
 */
const DmMapping *
dm_catalogue_lookup_guardduty (DmCatalogue *self,
                               const char  *type,
                               const char  *resource_type)
{
  g_auto(DmGuardDutyType) parts = { 0 };
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  const char *p, *r;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if (!dm_guardduty_type_parse (type, &parts))
    return NULL;
  p = parts.purpose;
  r = parts.resource;

  if (parts.family)
    {
      if (parts.artifact && parts.detail)
        g_ptr_array_add (candidates, g_strdup_printf ("%s:%s/%s.%s!%s", p, r, parts.family, parts.detail, parts.artifact));
      if (parts.artifact)
        g_ptr_array_add (candidates, g_strdup_printf ("%s:%s/%s!%s", p, r, parts.family, parts.artifact));
      if (parts.detail)
        g_ptr_array_add (candidates, g_strdup_printf ("%s:%s/%s.%s", p, r, parts.family, parts.detail));
      g_ptr_array_add (candidates, g_strdup_printf ("%s:%s/%s", p, r, parts.family));
    }
  g_ptr_array_add (candidates, g_strdup_printf ("%s:%s", p, r));
  if (resource_type)
    g_ptr_array_add (candidates, g_strdup_printf ("%s@%s", r, resource_type));
  g_ptr_array_add (candidates, g_strdup (r));

  for (guint i = 0; i < candidates->len; i++)
    {
      const DmMapping *row = dm_catalogue_lookup (self, "guardduty", candidates->pdata[i]);

      if (row)
        return row;
    }
  return NULL;
}

/**
 * dm_catalogue_lookup_inspector:
 * @resource_type: (nullable): AwsEcrContainerImage, AWS_LAMBDA_FUNCTION…
 * @package_manager: (nullable): OS, JAR, NPM…
 *
 * A scanned image or function belongs to the service that holds it,
 * whatever its packages; on an instance the package manager decides.
 */
const DmMapping *
dm_catalogue_lookup_inspector (DmCatalogue *self,
                               const char  *resource_type,
                               const char  *package_manager)
{
  const DmMapping *row;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if ((row = dm_catalogue_lookup (self, "inspector", resource_type)))
    return row;
  return dm_catalogue_lookup (self, "inspector", package_manager);
}

/* The length of a ScoutSuite argument placeholder ("_ARG_0_") at @p, or 0. */
static gsize
scout_placeholder (const char *p)
{
  const char *q;

  if (strncmp (p, "_ARG_", strlen ("_ARG_")) != 0 || !g_ascii_isdigit (p[strlen ("_ARG_")]))
    return 0;
  for (q = p + strlen ("_ARG_"); g_ascii_isdigit (*q); q++)
    ;
  return *q == '_' ? (gsize)(q + 1 - p) : 0;
}

/* Whether @key is @template with each placeholder standing for one or
 * more characters. Templates are the mapping's own (a few placeholders
 * each) and keys are bounded by the caller, so backtracking stays small. */
static gboolean
scout_template_matches (const char *template,
                        const char *key)
{
  gsize n;

  for (;;)
    {
      if ((n = scout_placeholder (template)) > 0)
        {
          if (*key == '\0')
            return FALSE;
          for (const char *rest = key + 1;; rest++)
            {
              if (scout_template_matches (template + n, rest))
                return TRUE;
              if (*rest == '\0')
                return FALSE;
            }
        }
      if (*template != *key)
        return FALSE;
      if (*template == '\0')
        return TRUE;
      template++;
      key++;
    }
}

static gsize
scout_fixed_length (const char *template)
{
  gsize fixed = 0, n;

  while (*template)
    {
      if ((n = scout_placeholder (template)) > 0)
        template += n;
      else
        {
          template++;
          fixed++;
        }
    }
  return fixed;
}

/* ScoutSuite's keys are short ("ec2-security-group-opens-SSH-port-to-all"):
 * anything longer is no key of a rule. */
#define SCOUT_MAX_KEY 256

/**
 * dm_catalogue_lookup_scoutsuite_rule:
 * @key: the key a ScoutSuite report files a finding under
 *   ("ec2-security-group-opens-SSH-port-to-all")
 *
 * A ScoutSuite rule whose file gives a "key" is reported under that key
 * with the ruleset's arguments put in (`ec2-security-group-opens-_ARG_0_-port-to-all`
 * with "SSH"); any other under its file name. Tries @key as listed, then
 * the rows written as such templates, each _ARG_n_ standing for one or
 * more characters. The template with the most fixed text wins (then the
 * first in byte order), so "iam-inline-role-policy-allows-non-sts-action"
 * is not taken for "iam-inline-_ARG_0_-policy-allows-_ARG_1_-_ARG_2_".
 *
 * Returns: (nullable): the row, or %NULL
 */
const DmMapping *
dm_catalogue_lookup_scoutsuite_rule (DmCatalogue *self,
                                     const char  *key)
{
  const DmMapping *row;
  const char *best = NULL;
  gsize best_fixed = 0;

  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if ((row = dm_catalogue_lookup (self, "scoutsuite", key)) || key == NULL || strlen (key) > SCOUT_MAX_KEY)
    return row;
  for (guint i = 0; i < self->scout_templates->len; i++)
    {
      const char *candidate = self->scout_templates->pdata[i];
      const char *template = candidate + strlen (SCOUT_PREFIX);
      gsize fixed = scout_fixed_length (template);

      if ((best == NULL || fixed > best_fixed || (fixed == best_fixed && strcmp (candidate, best) < 0)) &&
          scout_template_matches (template, key))
        {
          best = candidate;
          best_fixed = fixed;
        }
    }
  return best ? g_hash_table_lookup (self->mappings, best) : NULL;
}

/**
 * dm_catalogue_map_id:
 * @source: as for dm_catalogue_lookup()
 * @id: the tool's id: for "config" a rule name, for "guardduty" a finding
 *   type, for "inspector" a package manager, for "scoutsuite" a finding's key
 * @resource_type: (nullable): the finding's resource type
 *
 * Returns: (nullable): the row for @id, read the way its tool writes it
 */
const DmMapping *
dm_catalogue_map_id (DmCatalogue *self,
                     const char  *source,
                     const char  *id,
                     const char  *resource_type)
{
  g_return_val_if_fail (DM_IS_CATALOGUE (self), NULL);

  if (source == NULL)
    return NULL;
  if (g_str_equal (source, "config"))
    return dm_catalogue_lookup_config_rule (self, id);
  if (g_str_equal (source, "guardduty"))
    return dm_catalogue_lookup_guardduty (self, id, resource_type);
  if (g_str_equal (source, "inspector"))
    return dm_catalogue_lookup_inspector (self, resource_type, id);
  if (g_str_equal (source, "scoutsuite"))
    return dm_catalogue_lookup_scoutsuite_rule (self, id);
  return dm_catalogue_lookup (self, source, id);
}
