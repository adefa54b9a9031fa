/* dm-checks.c: what the per-family check files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks"

#include "config.h"

#include "dm-checks.h"
#include "dm-json-reader.h"

void
dm_check_result (DmCheckContext *context,
                 const char     *check_id,
                 gboolean        failed,
                 const char     *resource,
                 const char     *resource_type,
                 const char     *evidence_format,
                 ...)
{
  const DmCheck *check = dm_catalogue_find_check (context->catalogue, check_id);
  g_autofree char *evidence = NULL;
  va_list args;

  /* A check id missing from the catalogue is a programming error. */
  g_return_if_fail (check != NULL);

  va_start (args, evidence_format);
  evidence = g_strdup_vprintf (evidence_format, args);
  va_end (args);

  context->emitted++;
  context->emit (context, check, failed, resource, resource_type, evidence);
}

/**
 * dm_check_member:
 *
 * Config items write "ipPermissions", the CLI "IpPermissions": the lookup
 * ignores the case of the first letter, and only of that one.
 */
JsonNode *
dm_check_member (JsonObject *object,
                 const char *name)
{
  JsonNode *node;
  g_autofree char *other = NULL;

  if (object == NULL || name == NULL || *name == '\0')
    return NULL;

  if ((node = json_object_get_member (object, name)))
    return node;

  other = g_strdup (name);
  other[0] = g_ascii_isupper (other[0]) ? g_ascii_tolower (other[0]) : g_ascii_toupper (other[0]);
  return json_object_get_member (object, other);
}

const char *
dm_check_string (JsonObject *object,
                 const char *name)
{
  JsonNode *node = dm_check_member (object, name);

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

JsonObject *
dm_check_object (JsonObject *object,
                 const char *name)
{
  JsonNode *node = dm_check_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
dm_check_array (JsonObject *object,
                const char *name)
{
  JsonNode *node = dm_check_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Booleans come as true/false, and in some exports as "true"/"false". */
gboolean
dm_check_boolean (JsonObject *object,
                  const char *name,
                  gboolean   *value)
{
  JsonNode *node = dm_check_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        {
          *value = g_ascii_strcasecmp (text, "true") == 0;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
dm_check_integer (JsonObject *object,
                  const char *name,
                  gint64     *value)
{
  JsonNode *node = dm_check_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *value = (gint64)json_node_get_double (node);
      return TRUE;
    }
  return FALSE;
}

/**
 * dm_check_parse_embedded:
 *
 * Config's API responses carry "configuration" (and supplementary values)
 * as JSON inside a string. Parses such a string with the same limits as
 * any input; an object node is returned as is.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unreadable
 */
JsonNode *
dm_check_parse_embedded (JsonNode *node)
{
  g_autoptr(DmJsonReader) reader = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const char *text;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return json_node_ref (node);

  text = json_node_get_string (node);
  stream = g_memory_input_stream_new_from_data (g_strdup (text), strlen (text), g_free);
  reader = dm_json_reader_new ();
  /* The string's own arrays are data, never item arrays. */
  if (!dm_json_reader_read_stream (reader, stream, "embedded JSON", NULL, NULL, NULL, NULL) ||
      dm_json_reader_get_n_items (reader) > 0 || dm_json_reader_get_document (reader) == NULL)
    return NULL;

  return json_node_ref (dm_json_reader_get_document (reader));
}
