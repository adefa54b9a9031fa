/* dm-import-cloudsploit.c: CloudSploit's JSON results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-importer-private.h"

gboolean
_dm_import_cloudsploit_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "plugin") && dm_json_object_has_member (o, "category") &&
         dm_json_object_has_member (o, "status");
}

/* CloudSploit's writer puts "N/A" where a result names no resource (a
 * region with nothing to check, a call that failed). */
static const char *
cloudsploit_resource (DmJsonObject *o)
{
  const char *resource = _dm_import_str (o, "resource");

  return resource && *resource && g_ascii_strcasecmp (resource, "N/A") != 0 ? resource : NULL;
}

/* "eu-west-1", "us-gov-west-1": a two-letter prefix, words, a number last. */
static gboolean
looks_like_aws_region (const char *region)
{
  g_auto(GStrv) parts = g_strsplit (region, "-", -1);
  guint n = g_strv_length (parts);

  if (n < 3 || strlen (parts[0]) != 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (*parts[i] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p; p++)
        if (i + 1 < n ? !g_ascii_islower (*p) : !g_ascii_isdigit (*p))
          return FALSE;
    }
  return TRUE;
}

/* The category as a service name: "API Gateway" is the alias "apigateway". */
static char *
cloudsploit_service_name (const char *category)
{
  GString *name = g_string_new (NULL);

  for (const char *p = category ? category : ""; *p; p++)
    if (*p != ' ')
      g_string_append_c (name, g_ascii_tolower (*p));
  return g_string_free (name, FALSE);
}

/* CloudSploit scans Azure, Google Cloud, Oracle Cloud and GitHub with the
 * same JSON and some of the same plugin ids (openSSH is Azure's too): a
 * result whose resource or region is another cloud's is counted, never
 * placed on the AWS model. */
static gboolean
cloudsploit_other_cloud (const char *resource,
                         const char *region)
{
  if (resource != NULL)
    return g_str_has_prefix (resource, "/subscriptions/") || g_str_has_prefix (resource, "/providers/") ||
           g_str_has_prefix (resource, "projects/") || g_str_has_prefix (resource, "//") ||
           g_str_has_prefix (resource, "ocid1.");
  return region != NULL && *region != '\0' && g_ascii_strcasecmp (region, "global") != 0 &&
         !looks_like_aws_region (region);
}

/* CloudSploit's JSON: one result per plugin and resource. The plugin id
 * places it (mapping.tsv, source "cloudsploit"); one the mapping lacks
 * goes by its category ("EC2", "API Gateway"). */
void
_dm_import_cloudsploit (DmImportFile *state,
                        DmJsonObject *o,
                        guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *service = NULL;
  g_autofree char *account = NULL;
  const char *status = _dm_import_str (o, "status");
  const char *plugin = _dm_import_str (o, "plugin");
  const char *region = _dm_import_str (o, "region");
  const char *resource = cloudsploit_resource (o);
  DmFindingData data = { 0 };

  if (cloudsploit_other_cloud (resource, region))
    {
      state->input->not_aws++;
      return;
    }

  if (g_strcmp0 (status, "OK") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (status, "FAIL") == 0 || g_strcmp0 (status, "WARN") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "UNKNOWN") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      _dm_import_skip (state, _("no pass or fail status"));
      return;
    }

  id = g_strdup_printf ("cloudsploit/%s/%s/%s", _dm_import_first_of (plugin, ""),
                        _dm_import_first_of (region, ""),
                        _dm_import_first_of (_dm_import_str (o, "resource"), ""));
  service = cloudsploit_service_name (_dm_import_str (o, "category"));
  data.tool = "CloudSploit";
  data.id = id;
  data.source_item = index;
  /* The JSON writer gives no severity (a plugin's own is kept where an
   * export carries it); a warning is the milder result; otherwise the
   * mapping's. */
  if (g_strcmp0 (status, "WARN") == 0)
    data.severity = DM_SEVERITY_LOW;
  else if (!dm_severity_from_string (_dm_import_str (o, "severity"), &data.severity))
    data.severity = DM_SEVERITY_UNKNOWN;
  data.region = region;
  data.resource = _dm_import_first_of (resource, region);
  data.title = _dm_import_first_of (_dm_import_str (o, "title"), plugin);
  data.evidence = _dm_import_first_of (_dm_import_str (o, "message"), _dm_import_str (o, "description"));
  data.account = account = _dm_import_arn_field_account (resource);

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "cloudsploit", plugin, NULL }, service, controls);
  _dm_import_add_finding (state, &data, controls);
}
