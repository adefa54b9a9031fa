/* dm-import-macie.c: Amazon Macie findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

gboolean
_dm_import_macie_detect (DmJsonObject *o)
{
  return _dm_import_obj (o, "resourcesAffected") && dm_json_object_has_member (o, "type") &&
         _dm_import_obj (o, "severity") &&
         dm_json_object_has_member (o, "accountId");
}

/* Amazon Macie get-findings: policy findings on buckets and sensitive
 * data found in their objects; archived ones are suppressed. */
void
_dm_import_macie (DmImportFile *state,
                  DmJsonObject *o,
                  guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *object = NULL;
  g_autofree char *bucket_arn = NULL;
  gboolean archived = FALSE;
  const char *bucket = _dm_import_str (o, "resourcesAffected.s3Bucket.name");
  const char *key = _dm_import_str (o, "resourcesAffected.s3Object.key");
  const char *resources[3] = { NULL };
  DmFindingData data = { 0 };

  dm_check_boolean (o, "archived", &archived);
  data.status = archived ? DM_FINDING_SUPPRESSED : DM_FINDING_FAILED;
  if (!dm_severity_from_string (_dm_import_str (o, "severity.description"), &data.severity))
    data.severity = DM_SEVERITY_UNKNOWN;
  data.tool = "Macie";
  _dm_import_note_time (state, _dm_import_first_of (_dm_import_str (o, "updatedAt"),
                                                   _dm_import_str (o, "createdAt")));
  data.id = _dm_import_str (o, "id");
  data.source_item = index;
  data.account = _dm_import_str (o, "accountId");
  data.region = _dm_import_str (o, "region");
  data.title = _dm_import_str (o, "title");
  data.evidence = _dm_import_first_of (_dm_import_str (o, "description"), _dm_import_str (o, "type"));
  if (bucket && !_dm_import_str (o, "resourcesAffected.s3Bucket.arn"))
    bucket_arn = g_strdup_printf ("arn:aws:s3:::%s", bucket);
  data.resource = _dm_import_first_of (_dm_import_str (o, "resourcesAffected.s3Bucket.arn"), bucket_arn);
  if (key && data.resource)
    {
      /* The object is the finding's subject; the bucket stays its resource. */
      object = g_strdup_printf ("%s/%s", data.resource, key);
      resources[0] = data.resource;
      resources[1] = object;
      data.resources = resources;
    }
  data.resource_type = "AwsS3Bucket";

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "macie", _dm_import_str (o, "type"), NULL },
                                "macie", controls);
  _dm_import_add_finding (state, &data, controls);
}
