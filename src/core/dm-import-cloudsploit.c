/* dm-import-cloudsploit.c: CloudSploit's JSON results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-importer-private.h"

gboolean
_dm_import_cloudsploit_detect (JsonObject *o)
{
  return json_object_has_member (o, "plugin") && json_object_has_member (o, "category") &&
         json_object_has_member (o, "status");
}

/* CloudSploit's JSON: one result per plugin and resource. */
void
_dm_import_cloudsploit (DmImportFile *state,
                        JsonObject   *o,
                        guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *service = NULL;
  g_autofree char *account = NULL;
  const char *status = _dm_import_str (o, "status");
  DmFindingData data = { 0 };

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

  id = g_strdup_printf ("cloudsploit/%s/%s/%s", _dm_import_first_of (_dm_import_str (o, "plugin"), ""),
                        _dm_import_first_of (_dm_import_str (o, "region"), ""),
                        _dm_import_first_of (_dm_import_str (o, "resource"), ""));
  service = g_ascii_strdown (_dm_import_first_of (_dm_import_str (o, "category"), ""), -1);
  data.tool = "CloudSploit";
  data.id = id;
  data.source_item = index;
  /* CloudSploit gives no severity; a warning is the milder result. */
  data.severity = g_strcmp0 (status, "WARN") == 0 ? DM_SEVERITY_LOW : DM_SEVERITY_UNKNOWN;
  data.region = _dm_import_str (o, "region");
  data.resource = _dm_import_first_of (_dm_import_str (o, "resource"), _dm_import_str (o, "region"));
  data.title = _dm_import_first_of (_dm_import_str (o, "title"), _dm_import_str (o, "plugin"));
  data.evidence = _dm_import_first_of (_dm_import_str (o, "message"), _dm_import_str (o, "description"));
  data.account = account = _dm_import_arn_field_account (data.resource);

  _dm_import_map_finding (state, &data, NULL, NULL, service, controls);
  _dm_import_add_finding (state, &data, controls);
}
