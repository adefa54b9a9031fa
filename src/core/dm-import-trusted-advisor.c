/* dm-import-trusted-advisor.c: AWS Trusted Advisor flagged resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

gboolean
_dm_import_trusted_advisor_detect (JsonObject *o)
{
  return (json_object_has_member (o, "recommendationArn") && json_object_has_member (o, "status")) ||
         (json_object_has_member (o, "isSuppressed") && json_object_has_member (o, "resourceId"));
}

/* Trusted Advisor: flagged resources of a check (support API) or of a
 * recommendation (trustedadvisor API). Neither names what the check is
 * about beyond its id, so findings sit on the account's settings. */
void
_dm_import_trusted_advisor (DmImportFile *state,
                            JsonObject   *o,
                            guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *account = NULL;
  const char *status = _dm_import_str (o, "status");
  const char *check = _dm_import_first_of (_dm_import_str (o, "recommendationArn"), state->trusted_advisor_check);
  gboolean suppressed = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (o, "isSuppressed", &suppressed);
  if (suppressed || g_strcmp0 (_dm_import_str (o, "exclusionStatus"), "excluded") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else if (g_strcmp0 (status, "ok") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (status, "warning") == 0 || g_strcmp0 (status, "error") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "not_available") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      _dm_import_skip (state, _("no check status"));
      return;
    }

  data.tool = "Trusted Advisor";
  _dm_import_note_time (state, _dm_import_str (o, "lastUpdatedAt"));
  data.resource = _dm_import_first_of (_dm_import_str (o, "awsResourceId"), _dm_import_str (o, "resourceId"));
  id = g_strdup_printf ("trusted-advisor/%s/%s", _dm_import_first_of (check, ""),
                        _dm_import_first_of (data.resource, ""));
  data.id = _dm_import_first_of (_dm_import_str (o, "arn"), id);
  data.source_item = index;
  data.region = _dm_import_first_of (_dm_import_str (o, "regionCode"), _dm_import_str (o, "region"));
  data.severity = g_strcmp0 (status, "error") == 0 ? DM_SEVERITY_HIGH
                : g_strcmp0 (status, "warning") == 0 ? DM_SEVERITY_MEDIUM : DM_SEVERITY_UNKNOWN;
  if (check && strrchr (check, '/'))
    check = strrchr (check, '/') + 1;
  title = g_strdup_printf (_("Trusted Advisor check %s"), _dm_import_first_of (check, "?"));
  data.title = title;
  evidence = g_strdup_printf (_("Trusted Advisor status: %s"), _dm_import_first_of (status, "?"));
  data.evidence = evidence;
  data.account = account = _dm_import_arn_field_account (data.id);

  _dm_import_map_finding (state, &data, NULL, NULL, "account", controls);
  _dm_import_add_finding (state, &data, controls);
}
