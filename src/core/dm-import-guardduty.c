/* dm-import-guardduty.c: Amazon GuardDuty's own findings (get-findings,
 * and the same findings as GuardDuty sends them to EventBridge)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

/* GuardDuty's API names a finding's members in camelCase ("accountId",
 * "resource.instanceDetails.instanceId"), and so does the detail of the
 * "GuardDuty Finding" events it sends to EventBridge; the AWS CLI's
 * get-findings output renames every member in PascalCase. The paths below
 * are the CLI's; in a camelCase finding each part's first letter is lower
 * case, the rest the same. */
static DmJsonNode *
member (DmJsonObject *o,
        const char   *path,
        gboolean      camel)
{
  char lowered[128];

  if (!camel)
    return _dm_import_member (o, path);
  if (g_strlcpy (lowered, path, sizeof lowered) >= sizeof lowered)
    return NULL;
  for (char *c = lowered; *c; c++)
    if (c == lowered || c[-1] == '.')
      *c = g_ascii_tolower (*c);
  return _dm_import_member (o, lowered);
}

static const char *
str (DmJsonObject *o,
     const char   *path,
     gboolean      camel)
{
  DmJsonNode *node = member (o, path, camel);

  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
    return dm_json_node_get_string (node);
  return NULL;
}

static DmJsonObject *
obj (DmJsonObject *o,
     const char   *path,
     gboolean      camel)
{
  DmJsonNode *node = member (o, path, camel);

  return node && DM_JSON_NODE_HOLDS_OBJECT (node) ? dm_json_node_get_object (node) : NULL;
}

/* GuardDuty's own findings have a SchemaVersion too ("2.0"), but none of
 * ASFF's product fields. */
static gboolean
detect_in_case (DmJsonObject *o,
                gboolean      camel)
{
  return member (o, "Type", camel) && obj (o, "Service", camel) && obj (o, "Resource", camel) &&
         member (o, "AccountId", camel) && !dm_json_object_has_member (o, "ProductArn");
}

gboolean
_dm_import_guardduty_detect (DmJsonObject *o)
{
  return detect_in_case (o, FALSE) || detect_in_case (o, TRUE);
}

/* GuardDuty's own 1–10 scale and bands; ASFF's 0–100 is another. */
static DmSeverity
guardduty_severity (DmJsonObject *o,
                    gboolean      camel)
{
  DmJsonNode *node = member (o, "Severity", camel);
  double value;

  if (node == NULL || !DM_JSON_NODE_HOLDS_VALUE (node))
    return DM_SEVERITY_UNKNOWN;
  if (dm_json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double)dm_json_node_get_int (node);
  else if (dm_json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = dm_json_node_get_double (node);
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
str_or_first (DmJsonObject *o,
              const char   *path,
              gboolean      camel)
{
  g_autofree char *parent = g_strdup (path);
  char *dot = strrchr (parent, '.');
  DmJsonNode *node;

  if (str (o, path, camel) || dot == NULL)
    return str (o, path, camel);
  *dot = '\0';
  node = member (o, parent, camel);
  if (node && DM_JSON_NODE_HOLDS_ARRAY (node) && dm_json_array_get_length (dm_json_node_get_array (node)) > 0 &&
      DM_JSON_NODE_HOLDS_OBJECT (dm_json_array_get_element (dm_json_node_get_array (node), 0)))
    return str (dm_json_array_get_object_element (dm_json_node_get_array (node), 0), dot + 1, camel);
  return NULL;
}

/* aws guardduty get-findings: threat findings, each something to act on
 * unless archived. An EventBridge event's finding is read the same; when
 * its own time is missing, the event's says when it was exported. */
void
_dm_import_guardduty (DmImportFile *state,
                      DmJsonObject *o,
                      guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *resource = NULL;
  g_autofree char *evidence = NULL;
  gboolean camel = !detect_in_case (o, FALSE);
  DmJsonObject *details = obj (o, "Resource", camel);
  const char *type = str (details, "ResourceType", camel);
  const char *finding_type = str (o, "Type", camel);
  gboolean archived = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (obj (o, "Service", camel), camel ? "archived" : "Archived", &archived);
  data.status = archived ? DM_FINDING_SUPPRESSED : DM_FINDING_FAILED;
  data.severity = guardduty_severity (o, camel);
  data.tool = "GuardDuty";
  if (!_dm_import_note_time (state, str (o, "UpdatedAt", camel)))
    _dm_import_note_time (state, state->event_time);
  data.id = _dm_import_first_of (str (o, "Arn", camel), str (o, "Id", camel));
  data.source_item = index;
  data.account = str (o, "AccountId", camel);
  data.region = str (o, "Region", camel);
  data.title = str (o, "Title", camel);
  evidence = g_strdup_printf ("%s: %s", _dm_import_first_of (finding_type, "GuardDuty"),
                              _dm_import_first_of (str (o, "Description", camel), ""));
  data.evidence = evidence;

  for (guint i = 0; i < G_N_ELEMENTS (guardduty_resources); i++)
    {
      const char *arn, *id;

      if (g_strcmp0 (type, guardduty_resources[i].resource_type) != 0)
        continue;
      data.resource_type = guardduty_resources[i].asff_type;
      arn = guardduty_resources[i].arn ? str_or_first (details, guardduty_resources[i].arn, camel) : NULL;
      id = guardduty_resources[i].id ? str_or_first (details, guardduty_resources[i].id, camel) : NULL;
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
  data.resource = resource ? resource : _dm_import_first_of (type, str (o, "Arn", camel));

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "guardduty", finding_type, NULL },
                                "guardduty", controls);
  _dm_import_add_finding (state, &data, controls);
}
