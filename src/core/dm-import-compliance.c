/* dm-import-compliance.c: the compliance ids an export gives a finding
 *
 * Tools name the requirements a finding bears on: Security Hub in
 * Compliance.RelatedRequirements ("PCI DSS v3.2.1/8.3.1"), Prowler as a map
 * of framework to ids (OCSF unmapped.compliance, v3 Compliance) or as text
 * in its CSV ("CIS-1.4: 1.20 | ENS-RD2022: op.acc.1.aws.iam.2"). They join
 * the catalogue's controls, each once; a framework is written "CIS 3.0"
 * rather than Prowler's "CIS-3.0", as the catalogue writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <string.h>

#include "dm-importer-private.h"

/* Compliance ids come from the export: bounded, as any text of it. */
#define MAX_IDS 200
#define MAX_ID_LENGTH 200

/* "Framework id", in one allocation: a finding of a Prowler scan names
 * a dozen of them. */
static void
add_id (GPtrArray  *ids,
        const char *framework,
        const char *id)
{
  gsize framework_length = framework ? strlen (framework) : 0;
  gsize id_length;
  gboolean cut;
  char *text;

  if (id == NULL || ids->len >= MAX_IDS)
    return;
  while (g_ascii_isspace (*id))
    id++;
  id_length = strlen (id);
  cut = id_length > MAX_ID_LENGTH || framework_length > MAX_ID_LENGTH;
  id_length = MIN (id_length, MAX_ID_LENGTH);
  while (id_length > 0 && g_ascii_isspace (id[id_length - 1]))
    id_length--;
  if (id_length == 0)
    return;
  framework_length = MIN (framework_length, MAX_ID_LENGTH);

  text = g_malloc (framework_length + 1 + id_length + 1);
  if (framework_length > 0)
    memcpy (text, framework, framework_length);
  /* Prowler's "CIS-3.0" is the catalogue's "CIS 3.0". */
  if (framework_length > 4 && g_str_has_prefix (text, "CIS-") && g_ascii_isdigit (text[4]))
    text[3] = ' ';
  if (framework_length > 0)
    text[framework_length++] = ' ';
  memcpy (text + framework_length, id, id_length);
  text[framework_length + id_length] = '\0';
  /* The export's text is valid UTF-8 as read; a cut may split a character. */
  if (cut && !g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }
  g_ptr_array_add (ids, text);
}

/* A list of strings, or one string. */
static void
add_node (GPtrArray  *ids,
          const char *framework,
          DmJsonNode *node)
{
  if (node == NULL)
    return;
  if (DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
    add_id (ids, framework, dm_json_node_get_string (node));
  else if (DM_JSON_NODE_HOLDS_ARRAY (node))
    {
      DmJsonArray *array = dm_json_node_get_array (node);

      for (guint i = 0; i < dm_json_array_get_length (array); i++)
        {
          DmJsonNode *element = dm_json_array_get_element (array, i);

          if (DM_JSON_NODE_HOLDS_VALUE (element) && dm_json_node_get_value_type (element) == G_TYPE_STRING)
            add_id (ids, framework, dm_json_node_get_string (element));
        }
    }
}

/* { "CIS-3.0": ["2.1.4"], "SOC2": ["cc_6_1"] } */
void
_dm_import_compliance_map (GPtrArray    *ids,
                           DmJsonObject *compliance)
{
  DmJsonObjectIter iter;
  const char *framework;
  DmJsonNode *list;

  dm_json_object_iter_init (&iter, compliance);
  while (dm_json_object_iter_next (&iter, &framework, &list))
    add_node (ids, framework, list);
}

/* [ "PCI DSS v3.2.1/8.3.1", "NIST.800-53.r5 AC-2(1)" ] */
void
_dm_import_compliance_list (GPtrArray  *ids,
                            DmJsonNode *list)
{
  add_node (ids, NULL, list);
}

/* "CIS-1.4: 1.20 | KISA-ISMS-P-2023: 2.5.6, 2.6.4" */
void
_dm_import_compliance_text (GPtrArray  *ids,
                            const char *text)
{
  g_auto(GStrv) frameworks = text ? g_strsplit (text, " | ", MAX_IDS) : NULL;

  for (guint f = 0; frameworks && frameworks[f]; f++)
    {
      char *colon = strstr (frameworks[f], ": ");
      g_auto(GStrv) list = NULL;

      if (colon == NULL)
        {
          add_id (ids, NULL, frameworks[f]);
          continue;
        }
      *colon = '\0';
      list = g_strsplit (colon + 2, ", ", MAX_IDS);
      for (guint i = 0; list[i]; i++)
        add_id (ids, frameworks[f], list[i]);
    }
}

static gboolean
strv_has (char       **strv,
          const char  *text)
{
  for (guint i = 0; strv[i]; i++)
    if (strcmp (strv[i], text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
earlier_has (GPtrArray  *ids,
             guint       before,
             const char *text)
{
  for (guint i = 0; i < before; i++)
    if (strcmp (g_ptr_array_index (ids, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* Appends @ids to @controls, each control once and in order: the
 * catalogue's, then the export's. The lists are a few dozen long. */
void
_dm_import_compliance_join (GStrvBuilder **controls,
                            GPtrArray     *ids)
{
  g_auto(GStrv) have = NULL;

  if (ids->len == 0)
    return;
  have = g_strv_builder_end (*controls);
  g_strv_builder_unref (*controls);
  *controls = g_strv_builder_new ();
  g_strv_builder_addv (*controls, (const char **)have);
  for (guint i = 0; i < ids->len; i++)
    if (!strv_has (have, g_ptr_array_index (ids, i)) && !earlier_has (ids, i, g_ptr_array_index (ids, i)))
      g_strv_builder_add (*controls, g_ptr_array_index (ids, i));
}
