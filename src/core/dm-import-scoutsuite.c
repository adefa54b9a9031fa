/* dm-import-scoutsuite.c: ScoutSuite results (scoutsuite_results_*.js)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "dm-importer-private.h"

/* ScoutSuite names each flagged item by its path in the services tree,
 * such as "ec2.regions.us-east-1.vpcs.vpc-1.security_groups.sg-1.rules…".
 * Keys may hold dots (S3 bucket names), so a path is never split: the tree
 * is walked, following only members whose joined path is a prefix of some
 * item path, and each node met is recorded under its joined path. */
typedef struct
{
  char     *parent;   /* joined path of the enclosing node; NULL for a service */
  char     *key;
  gboolean  object;
  char     *arn;
  char     *id;
  char     *name;
  char     *region;   /* S3 buckets say theirs */
} ScoutNode;

typedef struct
{
  GHashTable *wanted;   /* every item path, and each of its prefixes cut at a dot */
  GHashTable *nodes;    /* joined path -> ScoutNode */
  gboolean    pruned;   /* the reader left the inventory out */
} ScoutIndex;

/* Members by their exact name: service and rule ids are not dotted paths. */
static DmJsonObject *
scout_object (DmJsonObject *o,
              const char   *name)
{
  DmJsonNode *node = o ? dm_json_object_get_member (o, name) : NULL;

  return node && DM_JSON_NODE_HOLDS_OBJECT (node) ? dm_json_node_get_object (node) : NULL;
}

static void
scout_node_free (gpointer data)
{
  ScoutNode *node = data;

  g_free (node->parent);
  g_free (node->key);
  g_free (node->arn);
  g_free (node->id);
  g_free (node->name);
  g_free (node->region);
  g_free (node);
}

/* Longest first: once a prefix is known, so are all shorter ones (items
 * share most of their paths). */
static void
scout_want (ScoutIndex *index,
            const char *item)
{
  g_autofree char *prefix = g_strdup (item);
  char *dot;

  for (;;)
    {
      if (g_hash_table_contains (index->wanted, prefix))
        return;
      g_hash_table_add (index->wanted, g_strdup (prefix));
      if ((dot = strrchr (prefix, '.')) == NULL)
        return;
      *dot = '\0';
    }
}

static char *
scout_child_path (const char *parent,
                  const char *key)
{
  return parent ? g_strconcat (parent, ".", key, NULL) : g_strdup (key);
}

/* The first node recorded under a path wins. */
static ScoutNode *
scout_record (ScoutIndex *index,
              const char *parent,
              const char *key,
              char       *path,
              gboolean    object)
{
  ScoutNode *node;

  if (g_hash_table_contains (index->nodes, path))
    {
      g_free (path);
      return NULL;
    }
  node = g_new0 (ScoutNode, 1);
  node->parent = g_strdup (parent);
  node->key = g_strdup (key);
  node->object = object;
  g_hash_table_insert (index->nodes, path, node);
  return node;
}

static void
scout_walk (ScoutIndex *index,
            const char *parent,
            const char *key,
            DmJsonNode *value,
            guint       depth)
{
  char *path = scout_child_path (parent, key);
  ScoutNode *node;

  /* A service's inventory read but not built comes as null. */
  if (DM_JSON_NODE_HOLDS_NULL (value) && depth == 1)
    index->pruned = TRUE;
  node = scout_record (index, parent, key, path, DM_JSON_NODE_HOLDS_OBJECT (value));
  if (node == NULL)
    return;

  if (DM_JSON_NODE_HOLDS_OBJECT (value))
    {
      DmJsonObject *o = dm_json_node_get_object (value);
      g_autoptr(GList) members = dm_json_object_get_members (o);

      node->arn = g_strdup (_dm_import_str (o, "arn"));
      node->id = g_strdup (_dm_import_str (o, "id"));
      node->name = g_strdup (_dm_import_str (o, "name"));
      node->region = g_strdup (_dm_import_str (o, "region"));
      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *child = scout_child_path (path, l->data);

          if (g_hash_table_contains (index->wanted, child))
            scout_walk (index, path, l->data, dm_json_object_get_member (o, l->data), depth + 1);
        }
    }
  else if (DM_JSON_NODE_HOLDS_ARRAY (value))
    {
      DmJsonArray *array = dm_json_node_get_array (value);

      for (guint i = 0; i < dm_json_array_get_length (array); i++)
        {
          char number[16];
          g_autofree char *child = NULL;

          g_snprintf (number, sizeof number, "%u", i);
          child = scout_child_path (path, number);
          if (g_hash_table_contains (index->wanted, child))
            scout_walk (index, path, number, dm_json_array_get_element (array, i), depth + 1);
        }
    }
}

/* The reader pruned the inventory to save memory: read the file once more,
 * as a stream, building only the nodes on the items' paths. */
typedef struct
{
  char      *path;    /* NULL when not followed; "" for the services object */
  ScoutNode *node;    /* followed objects */
  gboolean   array;
  guint64    next;    /* arrays: the index of the next element */
} ScoutFrame;

typedef struct
{
  ScoutIndex *index;
  GArray     *stack;  /* ScoutFrame */
  char       *key;    /* the last member name read */
} ScoutStream;

#define SCOUT_MAX_DEPTH 512

/* Where the value about to be read goes: its path, or NULL when it is not
 * on any item's way. */
static char *
scout_stream_path (ScoutStream  *s,
                   char        **key_out)
{
  ScoutFrame *top;
  char number[24];

  *key_out = NULL;
  if (s->stack->len == 0)
    return NULL;
  top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
  if (s->stack->len == 1)
    return !top->array && g_strcmp0 (s->key, "services") == 0 ? g_strdup ("") : NULL;
  if (top->path == NULL)
    return NULL;
  if (top->array)
    {
      g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, top->next);
      *key_out = g_strdup (number);
    }
  else
    *key_out = g_strdup (s->key ? s->key : "");

  {
    char *path = scout_child_path (*top->path ? top->path : NULL, *key_out);

    if (g_hash_table_contains (s->index->wanted, path))
      return path;
    g_free (path);
    g_clear_pointer (key_out, g_free);
    return NULL;
  }
}

static void
scout_stream_after_value (ScoutStream *s)
{
  if (s->stack->len > 0)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);

      if (top->array)
        top->next++;
    }
}

static int
scout_stream_scalar (ScoutStream *s,
                     const char  *string,
                     gsize        length)
{
  g_autofree char *key = NULL;
  char *path = scout_stream_path (s, &key);

  if (s->stack->len > 1)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);

      if (top->node && !top->array && string && s->key)
        {
          char **slot = g_str_equal (s->key, "arn") ? &top->node->arn :
                        g_str_equal (s->key, "id") ? &top->node->id :
                        g_str_equal (s->key, "name") ? &top->node->name :
                        g_str_equal (s->key, "region") ? &top->node->region : NULL;

          if (slot && *slot == NULL)
            *slot = g_strndup (string, length);
        }
      if (path && *path)
        scout_record (s->index, *top->path ? top->path : NULL, key, g_steal_pointer (&path), FALSE);
    }
  g_free (path);
  scout_stream_after_value (s);
  return 1;
}

static int
scout_on_null (void *ctx)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_boolean (void *ctx,
                  int   value)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_number (void       *ctx,
                 const char *text,
                 size_t      length)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_string (void                *ctx,
                 const unsigned char *text,
                 size_t               length)
{
  return scout_stream_scalar (ctx, (const char *)text, length);
}

static int
scout_on_key (void                *ctx,
              const unsigned char *text,
              size_t               length)
{
  ScoutStream *s = ctx;
  ScoutFrame *top = s->stack->len ? &g_array_index (s->stack, ScoutFrame, s->stack->len - 1) : NULL;

  /* Names matter only in the top object and in followed ones. */
  g_clear_pointer (&s->key, g_free);
  if (s->stack->len == 1 || (top && top->path))
    s->key = g_strndup ((const char *)text, length);
  return 1;
}

static int
scout_stream_open (ScoutStream *s,
                   gboolean     array)
{
  ScoutFrame frame = { 0 };
  g_autofree char *key = NULL;

  if (s->stack->len >= SCOUT_MAX_DEPTH)
    return 0;
  frame.path = scout_stream_path (s, &key);
  frame.array = array;
  if (frame.path && *frame.path)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
      ScoutNode *node = scout_record (s->index, *top->path ? top->path : NULL, key, g_strdup (frame.path), !array);

      frame.node = array ? NULL : node;
    }
  g_array_append_val (s->stack, frame);
  g_clear_pointer (&s->key, g_free);
  return 1;
}

static int
scout_stream_close (ScoutStream *s)
{
  ScoutFrame *top;

  if (s->stack->len == 0)
    return 0;
  top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
  g_free (top->path);
  g_array_set_size (s->stack, s->stack->len - 1);
  scout_stream_after_value (s);
  return 1;
}

static int
scout_on_start_map (void *ctx)
{
  return scout_stream_open (ctx, FALSE);
}

static int
scout_on_start_array (void *ctx)
{
  return scout_stream_open (ctx, TRUE);
}

static int
scout_on_end (void *ctx)
{
  return scout_stream_close (ctx);
}

static const yajl_callbacks scout_callbacks = {
  .yajl_null = scout_on_null,
  .yajl_boolean = scout_on_boolean,
  .yajl_number = scout_on_number,
  .yajl_string = scout_on_string,
  .yajl_start_map = scout_on_start_map,
  .yajl_map_key = scout_on_key,
  .yajl_end_map = scout_on_end,
  .yajl_start_array = scout_on_start_array,
  .yajl_end_array = scout_on_end,
};

static void
scout_stream_file (ScoutIndex *index,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_parse_name (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  ScoutStream s = { index, g_array_new (FALSE, TRUE, sizeof (ScoutFrame)), NULL };
  yajl_handle handle;
  gboolean first = TRUE;
  gssize n;

  if (stream == NULL)
    {
      g_array_unref (s.stack);
      return;
    }
  buffer = g_malloc (64 * 1024);
  handle = yajl_alloc (&scout_callbacks, NULL, &s);
  yajl_config (handle, yajl_allow_trailing_garbage, 1);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL, NULL)) > 0)
    {
      const char *data = buffer;

      if (first)
        {
          /* A BOM and "scoutsuite_results =" come before the first brace. */
          const char *brace = memchr (buffer, '{', n);

          first = FALSE;
          if (brace == NULL)
            break;
          n -= brace - buffer;
          data = brace;
        }
      if (yajl_parse (handle, (const unsigned char *)data, n) != yajl_status_ok)
        break;
    }
  yajl_free (handle);
  for (guint i = 0; i < s.stack->len; i++)
    g_free (g_array_index (s.stack, ScoutFrame, i).path);
  g_array_unref (s.stack);
  g_free (s.key);
}

/* Collections whose members are resources, by the key that holds them. */
static const char * const scout_collections[] = {
  "alarms", "buckets", "certificates", "clusters", "credential_reports", "distributions", "domains",
  "elb_policies", "elbs", "file_systems", "functions", "groups", "identities", "images", "instances",
  "keys", "lbs", "metric_filters", "network_acls", "parameter_groups", "peering_connections",
  "policies", "queues", "repositories", "roles", "secrets", "security_groups", "snapshots", "stacks",
  "subnets", "tables", "topics", "trails", "users", "volumes", "vpcs", NULL
};

static gboolean
scout_is_collection (const char *key)
{
  return key && g_strv_contains ((const char * const *)scout_collections, key);
}

typedef struct
{
  char       *resource;       /* the finding's resource */
  char       *resource_type;  /* "<service>/<collection>" */
  const char *region;         /* borrowed from the index */
  const char *name;           /* the resource's own name, when it has one */
  gboolean    resolved;
} ScoutResolved;

/* Whether @node, met at a "<collection>.id" step of a rule's path, is a
 * resource rather than an entry of settings ("regional_settings.0"). */
static gboolean
scout_is_resource (ScoutNode  *node,
                   const char *collection)
{
  return node->object && (node->arn || node->id || node->name || scout_is_collection (collection));
}

/* A setting's key as words: "password_policy" is "password policy". */
static char *
scout_setting_name (const char *key)
{
  char *name = g_strdup (key);

  g_strdelimit (name, "_", ' ');
  return name;
}

/* The item's node, or its deepest ancestor found, and the resource among
 * them: at the rule's own path pattern's first "<collection>.id" below
 * regions and VPCs, else the innermost object under a resource collection
 * that has an ARN, id or name. An item about no resource (a region's
 * settings, "cloudtrail.regions.eu-west-1.NotConfigured"; the password
 * policy) is named by its region, else by the setting below the service.
 * The rule's "id_suffix" may add a last part that is not in the data
 * ("…regional_settings.0.NoDefaultEBSEncryption"): an item whose found
 * nodes reach the pattern's end is found. */
static void
scout_resolve (ScoutIndex    *index,
               const char    *service,
               const char    *item,
               const char    *pattern,
               ScoutResolved *out)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();   /* ScoutNode, leaf first */
  g_autofree char *prefix = g_strdup (item);
  g_auto(GStrv) steps = pattern ? g_strsplit (pattern, ".", -1) : NULL;
  guint n_steps = steps ? g_strv_length (steps) : 0;
  ScoutNode *leaf = NULL, *resource = NULL;
  guint depth;

  memset (out, 0, sizeof *out);
  /* The deepest recorded node on the item's path. */
  for (;;)
    {
      char *dot;

      if ((leaf = g_hash_table_lookup (index->nodes, prefix)) != NULL)
        break;
      if ((dot = strrchr (prefix, '.')) == NULL)
        break;
      *dot = '\0';
    }
  for (ScoutNode *node = leaf; node; node = node->parent ? g_hash_table_lookup (index->nodes, node->parent) : NULL)
    {
      g_ptr_array_add (chain, node);
      if (chain->len > SCOUT_MAX_DEPTH)
        break;
    }
  depth = chain->len;
  if (depth == 0 || g_strcmp0 (((ScoutNode *)chain->pdata[depth - 1])->key, service) != 0)
    {
      out->resource = g_strdup (item);
      out->resource_type = g_strdup (service);
      return;
    }

  /* chain->pdata[depth - 1 - i] is the node at step i of the path. */
#define STEP(i) ((ScoutNode *)chain->pdata[depth - 1 - (i)])
  for (guint i = 1; i + 1 < depth; i++)
    if (g_strcmp0 (STEP (i)->key, "regions") == 0)
      {
        out->region = STEP (i + 1)->key;
        break;
      }

  for (guint i = 2; i < depth && i < n_steps; i++)
    if (g_str_equal (steps[i], "id") && !g_str_equal (steps[i - 1], "regions") &&
        !g_str_equal (steps[i - 1], "vpcs"))
      {
        if (scout_is_resource (STEP (i), STEP (i - 1)->key))
          resource = STEP (i);
        break;
      }
  for (guint i = depth - 1; resource == NULL && i >= 2; i--)
    if (STEP (i)->object && (STEP (i)->arn || STEP (i)->id || STEP (i)->name) &&
        scout_is_collection (STEP (i - 1)->key))
      resource = STEP (i);

  out->resolved = g_str_equal (prefix, item) || resource != NULL || (n_steps > 0 && depth >= n_steps);
  if (resource != NULL)
    {
      ScoutNode *collection = g_hash_table_lookup (index->nodes, resource->parent);

      out->resource = g_strdup (_dm_import_first_of (resource->arn, _dm_import_first_of (resource->id,
                                                     _dm_import_first_of (resource->name, resource->key))));
      out->resource_type = g_strdup_printf ("%s/%s", service, collection ? collection->key : "");
      out->name = resource->name;
      if (out->region == NULL)
        out->region = resource->region;
    }
  else if (out->resolved && out->region != NULL)
    {
      out->resource = g_strdup (out->region);
      out->resource_type = g_strdup_printf ("%s/regions", service);
    }
  else if (out->resolved && depth >= 2)
    {
      out->resource = scout_setting_name (STEP (1)->key);
      out->resource_type = g_strdup_printf ("%s/%s", service, STEP (1)->key);
    }
  else
    {
      out->resource = g_strdup (item);
      out->resource_type = g_strdup (service);
    }
#undef STEP
}

typedef struct
{
  char      *key;     /* region and resource: names repeat across regions */
  char      *resource;
  char      *resource_type;
  const char *region;
  const char *name;
  gboolean   resolved;
  GPtrArray *paths;   /* borrowed item strings */
} ScoutGroup;

static void
scout_group_free (gpointer data)
{
  ScoutGroup *group = data;

  g_free (group->key);
  g_free (group->resource);
  g_free (group->resource_type);
  g_ptr_array_unref (group->paths);
  g_free (group);
}

/* @id_part names the finding in its id, in no language. */
static void
scout_emit (DmImportFile  *state,
            DmFindingData *base,
            const char    *service,
            const char    *rule_id,
            const char    *id_part,
            const char    *resource,
            const char    *resource_type,
            const char    *region,
            const char    *evidence)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = g_strdup_printf ("scoutsuite/%s/%s/%s", service, rule_id, id_part);
  DmFindingData data = *base;

  data.id = id;
  data.resource = resource;
  data.resource_type = resource_type;
  data.region = region;
  data.evidence = evidence;
  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "scoutsuite", rule_id, NULL }, service, controls);
  if (data.check == NULL)
    data.check = rule_id;
  _dm_import_add_finding (state, &data, controls);
}

/* "<rationale> Flagged: a, b, c and 2 more." */
static char *
scout_evidence (const char *rationale,
                const char *name,
                GPtrArray  *paths,
                gboolean    resolved)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < paths->len && i < 3; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", (const char *)paths->pdata[i]);
  if (paths->len > 3)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", paths->len - 3), paths->len - 3);
  if (rationale && *rationale)
    g_string_append_printf (text, "%s ", rationale);
  if (resolved && name && *name)
    g_string_append_printf (text, _("Flagged in %s: %s."), name, list->str);
  else if (resolved)
    g_string_append_printf (text, _("Flagged: %s."), list->str);
  else
    g_string_append_printf (text, _("Flagged: %s (not found in the results' inventory)."), list->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* First the nodes every flagged item leads through. */
static void
scout_index_build (ScoutIndex   *index,
                   DmJsonObject *services,
                   GList        *names,
                   const char   *path)
{
  for (GList *l = names; l; l = l->next)
    {
      DmJsonObject *findings = scout_object (scout_object (services, l->data), "findings");
      g_autoptr(GList) rules = findings ? dm_json_object_get_members (findings) : NULL;

      for (GList *r = rules; r; r = r->next)
        {
          DmJsonNode *items = _dm_import_member (scout_object (findings, r->data), "items");
          DmJsonArray *array = items && DM_JSON_NODE_HOLDS_ARRAY (items) ? dm_json_node_get_array (items) : NULL;

          for (guint i = 0; array && i < dm_json_array_get_length (array); i++)
            {
              DmJsonNode *item = dm_json_array_get_element (array, i);

              if (DM_JSON_NODE_HOLDS_VALUE (item) && dm_json_node_get_value_type (item) == G_TYPE_STRING)
                scout_want (index, dm_json_node_get_string (item));
            }
        }
    }
  for (GList *l = names; l; l = l->next)
    if (g_hash_table_contains (index->wanted, l->data))
      scout_walk (index, NULL, l->data, dm_json_object_get_member (services, l->data), 0);
  if (index->pruned)
    {
      g_hash_table_remove_all (index->nodes);
      scout_stream_file (index, path);
    }
}

/* The rule's flagged items, by the region and resource each resolves to; returns
 * how many items had no readable path. */
static guint
scout_group_items (ScoutIndex   *index,
                   const char   *service,
                   DmJsonObject *rule,
                   DmJsonArray  *array,
                   GPtrArray    *groups,
                   GHashTable   *by_resource)
{
  guint unreadable = 0;

  for (guint i = 0; array && i < dm_json_array_get_length (array); i++)
    {
      DmJsonNode *item = dm_json_array_get_element (array, i);
      ScoutResolved where;
      ScoutGroup *group;
      g_autofree char *key = NULL;

      if (!DM_JSON_NODE_HOLDS_VALUE (item) || dm_json_node_get_value_type (item) != G_TYPE_STRING)
        {
          unreadable++;
          continue;
        }
      scout_resolve (index, service, dm_json_node_get_string (item),
                     _dm_import_str (rule, "path"), &where);
      key = g_strconcat (where.region ? where.region : "", "\x1f", where.resource, NULL);
      group = g_hash_table_lookup (by_resource, key);
      if (group == NULL)
        {
          group = g_new0 (ScoutGroup, 1);
          group->key = g_steal_pointer (&key);
          group->resource = where.resource;
          group->resource_type = where.resource_type;
          group->region = where.region;
          group->name = where.name;
          group->resolved = where.resolved;
          group->paths = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_resource, group->key, group);
        }
      else
        {
          g_free (where.resource);
          g_free (where.resource_type);
        }
      g_ptr_array_add (group->paths, (gpointer)dm_json_node_get_string (item));
    }
  return unreadable;
}

/* One rule, one item of the input (see _dm_import_scoutsuite). */
static void
scout_rule (DmImportFile *state,
            ScoutIndex   *index,
            const char   *account,
            const char   *service,
            const char   *rule_id,
            DmJsonObject *rule)
{
  const char *level = _dm_import_str (rule, "level");
  const char *rationale = _dm_import_str (rule, "rationale");
  gint64 flagged = _dm_import_integer (rule, "flagged_items", 0);
  gint64 checked = _dm_import_integer (rule, "checked_items", flagged);
  DmJsonNode *items = _dm_import_member (rule, "items");
  DmJsonArray *array = items && DM_JSON_NODE_HOLDS_ARRAY (items) ? dm_json_node_get_array (items) : NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (scout_group_free);
  g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);   /* resource -> groups */
  guint unreadable = 0;
  guint64 before = _dm_import_n_findings (state);
  DmFindingData base = { 0 };

  state->input->items++;
  if (rule == NULL)
    {
      _dm_import_skip (state, _("rule is not an object"));
      return;
    }
  if (flagged == 0 && checked == 0 && (array == NULL || dm_json_array_get_length (array) == 0))
    {
      _dm_import_skip (state, _("rule had nothing to check"));
      return;
    }

  base.severity = g_strcmp0 (level, "danger") == 0 ? DM_SEVERITY_HIGH : DM_SEVERITY_MEDIUM;
  base.tool = "ScoutSuite";
  base.account = account;
  base.title = _dm_import_first_of (_dm_import_str (rule, "description"), rule_id);
  base.remediation = _dm_import_str (rule, "remediation");
  base.source_item = state->input->items - 1;
  base.status = DM_FINDING_FAILED;

  unreadable = scout_group_items (index, service, rule, array, groups, by_resource);

  /* A resource named alike in two regions (a queue known by its name
   * alone) is two findings, told apart in their ids by the region. */
  for (guint i = 0; i < groups->len; i++)
    {
      ScoutGroup *group = groups->pdata[i];

      g_hash_table_insert (names, group->resource,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (names, group->resource)) + 1));
    }
  for (guint i = 0; i < groups->len; i++)
    {
      ScoutGroup *group = groups->pdata[i];
      g_autofree char *evidence = scout_evidence (rationale, group->name, group->paths, group->resolved);
      g_autofree char *id_part = GPOINTER_TO_UINT (g_hash_table_lookup (names, group->resource)) > 1 && group->region
                                 ? g_strdup_printf ("%s/%s", group->region, group->resource)
                                 : g_strdup (group->resource);

      scout_emit (state, &base, service, rule_id, id_part, group->resource, group->resource_type,
                  group->region, evidence);
    }

  /* Flagged items without a readable path are kept, as one finding
   * on the rule. */
  if (unreadable > 0 || (groups->len == 0 && flagged > 0))
    {
      g_autofree char *resource = unreadable > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u flagged item without a path",
                                        "%u flagged items without a path", unreadable), unreadable)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " flagged item",
                                        "%" PRId64 " flagged items", flagged), flagged);
      g_autofree char *evidence = g_strdup_printf ("%s%s%s", _dm_import_first_of (rationale, ""),
                                                   rationale && *rationale ? " " : "",
                                                   _("ScoutSuite gave no readable path for these items."));

      scout_emit (state, &base, service, rule_id, unreadable > 0 ? "unreadable-items" : "flagged-items",
                  resource, service, NULL, evidence);
    }
  else if (groups->len == 0)
    {
      g_autofree char *resource = NULL;
      const char *dashboard = _dm_import_str (rule, "dashboard_name");

      resource = dashboard && *dashboard
                 ? g_strdup_printf (_("%s: all %" PRId64 " checked items"), dashboard, checked)
                 : g_strdup_printf (_("all %" PRId64 " checked items"), checked);
      base.status = DM_FINDING_PASSED;
      scout_emit (state, &base, service, rule_id, "all-checked", resource, service, NULL, rationale);
    }

  if (_dm_import_n_findings (state) > before)
    state->input->evaluated++;
}

/* ScoutSuite reports per rule: how many items it checked and which it
 * flagged. Each rule is one item of the input: one failed finding per
 * flagged resource (two paths into one security group are one finding),
 * one passed finding when it checked items and flagged none, a counted
 * skip when it checked nothing. */
gboolean
_dm_import_scoutsuite (DmImportFile *state,
                       DmJsonObject *document)
{
  DmJsonObject *services = _dm_import_obj (document, "services");
  g_autoptr(GList) names = NULL;
  const char *account = _dm_import_str (document, "account_id");
  ScoutIndex index = { 0 };

  if (services == NULL || !(dm_json_object_has_member (document, "last_run") ||
                            dm_json_object_has_member (document, "provider_code")))
    return FALSE;

  g_free (state->input->format);
  state->input->format = g_strdup ("scoutsuite");
  _dm_import_note_time (state, _dm_import_str (document, "last_run.time"));
  _dm_import_note_version (state, _dm_import_str (document, "last_run.version"));

  index.wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, scout_node_free);
  names = dm_json_object_get_members (services);
  scout_index_build (&index, services, names, state->input->path);

  for (GList *l = names; l; l = l->next)
    {
      const char *service = l->data;
      DmJsonObject *findings = scout_object (scout_object (services, service), "findings");
      g_autoptr(GList) rules = findings ? dm_json_object_get_members (findings) : NULL;

      for (GList *r = rules; r; r = r->next)
        scout_rule (state, &index, account, service, r->data, scout_object (findings, r->data));
    }

  g_hash_table_unref (index.wanted);
  g_hash_table_unref (index.nodes);
  return TRUE;
}

/* ScoutSuite results are one object whose inventory of every resource
 * dwarfs the findings Demarc reads: a peek at the start of the file says
 * whether to read that inventory without building it. */
static gboolean
looks_like_scoutsuite (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  char head[4096];
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, cancellable, NULL))
    return FALSE;
  head[n] = '\0';
  return strstr (head, "scoutsuite_results") != NULL ||
         (strstr (head, "\"provider_code\"") != NULL && strstr (head, "\"last_run\"") != NULL);
}

/* Only the findings are built: the inventory is left to the reader,
 * which ScoutSuite's paths are resolved against by streaming. */
void
_dm_import_scoutsuite_prepare (DmJsonReader *reader,
                               GFile        *file,
                               GCancellable *cancellable)
{
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_REGULAR &&
      looks_like_scoutsuite (file, cancellable))
    {
      dm_json_reader_add_prune_path (reader, "services.*.*");
      dm_json_reader_add_keep_path (reader, "services.*.findings");
    }
}
