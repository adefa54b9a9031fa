/* dm-import-guardduty.c: Amazon GuardDuty's own findings (get-findings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

/* GuardDuty's own findings have a SchemaVersion too ("2.0"), but none of
 * ASFF's product fields. */
gboolean
_dm_import_guardduty_detect (JsonObject *o)
{
  return json_object_has_member (o, "Type") && _dm_import_obj (o, "Service") && _dm_import_obj (o, "Resource") &&
         json_object_has_member (o, "AccountId") && !json_object_has_member (o, "ProductArn");
}

/* GuardDuty's own 1–10 scale and bands; ASFF's 0–100 is another. */
static DmSeverity
guardduty_severity (JsonObject *o)
{
  JsonNode *node = _dm_import_member (o, "Severity");
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return DM_SEVERITY_UNKNOWN;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double)json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return DM_SEVERITY_UNKNOWN;

  if (value >= 9) return DM_SEVERITY_CRITICAL;
  if (value >= 7) return DM_SEVERITY_HIGH;
  if (value >= 4) return DM_SEVERITY_MEDIUM;
  if (value >= 1) return DM_SEVERITY_LOW;
  return DM_SEVERITY_UNKNOWN;
}

/* Where each GuardDuty resource type keeps the affected resource, and the
 * ASFF type that the catalogue maps. */
static const struct
{
  const char *resource_type;
  const char *arn;        /* a member holding the ARN, or NULL */
  const char *id;         /* else an id to build one from */
  const char *asff_type;
} guardduty_resources[] = {
  { "AccessKey", NULL, "AccessKeyDetails.UserName", "AwsIamAccessKey" },
  { "Instance", NULL, "InstanceDetails.InstanceId", "AwsEc2Instance" },
  { "S3Bucket", "S3BucketDetails.Arn", "S3BucketDetails.Name", "AwsS3Bucket" },
  { "EKSCluster", "EksClusterDetails.Arn", "EksClusterDetails.Name", "AwsEksCluster" },
  { "Lambda", "LambdaDetails.FunctionArn", "LambdaDetails.FunctionName", "AwsLambdaFunction" },
  { "RDSDBInstance", "RdsDbInstanceDetails.DbInstanceArn", "RdsDbInstanceDetails.DbInstanceIdentifier",
    "AwsRdsDbInstance" },
  { "RDSLimitlessDB", "RdsLimitlessDbDetails.DbClusterIdentifier", NULL, "AwsRdsDbCluster" },
  { "ECSCluster", "EcsClusterDetails.Arn", "EcsClusterDetails.Name", "AwsEcsCluster" },
  { "Container", NULL, "ContainerDetails.Id", "Container" },
  { "EC2NetworkInterface", NULL, "NetworkInterfaceDetails.NetworkInterfaceId", "AwsEc2NetworkInterface" },
};

/* The first element of an array member, or the member itself. */
static const char *
str_or_first (JsonObject *o,
              const char *path)
{
  g_autofree char *parent = g_strdup (path);
  char *dot = strrchr (parent, '.');
  JsonNode *node;

  if (_dm_import_str (o, path) || dot == NULL)
    return _dm_import_str (o, path);
  *dot = '\0';
  node = _dm_import_member (o, parent);
  if (node && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
    return _dm_import_str (json_array_get_object_element (json_node_get_array (node), 0), dot + 1);
  return NULL;
}

/* aws guardduty get-findings: threat findings, each something to act on
 * unless archived. */
void
_dm_import_guardduty (DmImportFile *state,
                      JsonObject   *o,
                      guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *resource = NULL;
  g_autofree char *evidence = NULL;
  JsonObject *details = _dm_import_obj (o, "Resource");
  const char *type = _dm_import_str (details, "ResourceType");
  gboolean archived = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (_dm_import_obj (o, "Service"), "Archived", &archived);
  data.status = archived ? DM_FINDING_SUPPRESSED : DM_FINDING_FAILED;
  data.severity = guardduty_severity (o);
  data.tool = "GuardDuty";
  _dm_import_note_time (state, _dm_import_str (o, "UpdatedAt"));
  data.id = _dm_import_first_of (_dm_import_str (o, "Arn"), _dm_import_str (o, "Id"));
  data.source_item = index;
  data.account = _dm_import_str (o, "AccountId");
  data.region = _dm_import_str (o, "Region");
  data.title = _dm_import_str (o, "Title");
  evidence = g_strdup_printf ("%s: %s", _dm_import_first_of (_dm_import_str (o, "Type"), "GuardDuty"),
                              _dm_import_first_of (_dm_import_str (o, "Description"), ""));
  data.evidence = evidence;

  for (guint i = 0; i < G_N_ELEMENTS (guardduty_resources); i++)
    {
      const char *arn, *id;

      if (g_strcmp0 (type, guardduty_resources[i].resource_type) != 0)
        continue;
      data.resource_type = guardduty_resources[i].asff_type;
      arn = guardduty_resources[i].arn ? str_or_first (details, guardduty_resources[i].arn) : NULL;
      id = guardduty_resources[i].id ? str_or_first (details, guardduty_resources[i].id) : NULL;
      if (arn)
        resource = g_strdup (arn);
      else if (id && g_str_equal (type, "AccessKey") && data.account)
        resource = g_strdup_printf ("arn:aws:iam::%s:user/%s", data.account, id);
      else if (id && g_str_equal (type, "Instance") && data.account && data.region)
        resource = g_strdup_printf ("arn:aws:ec2:%s:%s:instance/%s", data.region, data.account, id);
      else
        resource = g_strdup (id);
      break;
    }
  data.resource = resource ? resource : _dm_import_first_of (type, _dm_import_str (o, "Arn"));

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "guardduty", _dm_import_str (o, "Type"), NULL },
                                "guardduty", controls);
  _dm_import_add_finding (state, &data, controls);
}
