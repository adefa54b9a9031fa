/* dm-import-access-analyzer.c: IAM Access Analyzer findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

gboolean
_dm_import_access_analyzer_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "resourceOwnerAccount") && dm_json_object_has_member (o, "resourceType") &&
         dm_json_object_has_member (o, "status");
}

/* IAM Access Analyzer list-findings (external access: who outside the
 * account can reach a resource) and list-findings-v2 (also unused access).
 * Both are about who may use the resource, so they sit on its IAM layer. */

/* Finding types of list-findings-v2, in words. */
static const struct
{
  const char *type;
  const char *title;
} kinds[] = {
  { "ExternalAccess", N_("Principals outside the account can access this resource") },
  { "InternalAccess", N_("Principals inside the organization or account can access this critical resource") },
  { "UnusedIAMRole", N_("An IAM role has not been used") },
  { "UnusedIAMUserAccessKey", N_("An IAM user’s access key has not been used") },
  { "UnusedIAMUserPassword", N_("An IAM user’s password has not been used") },
  { "UnusedPermission", N_("A principal holds permissions it does not use") },
};

static char *
kind_title (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].type, kind))
      return g_strdup (_(kinds[i].title));
  /* A type newer than this table. */
  return g_strdup_printf (_("IAM Access Analyzer finding: %s"), kind);
}

void
_dm_import_access_analyzer (DmImportFile *state,
                            DmJsonObject *o,
                            guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *principal = NULL;
  g_autofree char *region = NULL;
  const char *status = _dm_import_str (o, "status");
  const char *kind = _dm_import_first_of (_dm_import_str (o, "findingType"), "ExternalAccess");
  gboolean public = FALSE;
  DmJsonNode *who = _dm_import_member (o, "principal");
  DmFindingData data = { 0 };

  dm_check_boolean (o, "isPublic", &public);
  if (g_strcmp0 (status, "ACTIVE") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "ARCHIVED") == 0 || g_strcmp0 (status, "RESOLVED") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else
    {
      _dm_import_skip (state, _("no finding status"));
      return;
    }
  if (who)
    principal = dm_json_to_string (who);

  data.tool = "IAM Access Analyzer";
  _dm_import_note_time (state, _dm_import_first_of (_dm_import_str (o, "updatedAt"),
                                                   _dm_import_str (o, "analyzedAt")));
  data.id = _dm_import_str (o, "id");
  data.source_item = index;
  data.account = _dm_import_str (o, "resourceOwnerAccount");
  data.resource = _dm_import_str (o, "resource");
  /* Findings name no region; a regional resource's ARN does. */
  data.region = region = dm_check_arn_region (data.resource);
  data.resource_type = _dm_import_str (o, "resourceType");
  data.severity = public ? DM_SEVERITY_HIGH
                : g_str_has_prefix (kind, "Unused") ? DM_SEVERITY_LOW : DM_SEVERITY_MEDIUM;
  if (public)
    title = g_strdup (_("Anyone can access this resource"));
  else
    title = kind_title (kind);
  data.title = title;
  evidence = principal ? g_strdup_printf (_("%s; principal %s"), kind, principal) : g_strdup (kind);
  data.evidence = evidence;

  _dm_import_map_finding (state, &data, NULL, NULL, "accessanalyzer", controls);
  if (data.service)
    data.layer = "iam";
  _dm_import_add_finding (state, &data, controls);
}
