/* dm-checks-rds.c: database exposure, encryption, patching and backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-rds"

#include "config.h"

#include "dm-checks.h"

static void
db_instance (DmCheckContext *context,
             const char     *id,
             DmJsonObject   *db)
{
  g_autofree char *resource = dm_check_resource_arn (context, dm_check_string (db, "dBInstanceArn"), "rds", "db:",
                                                     dm_check_string (db, "dBInstanceIdentifier"), id);
  gboolean flag;
  gint64 days;

  if (dm_check_boolean (db, "publiclyAccessible", &flag))
    dm_check_result (context, "NET-12", flag, resource, "AwsRdsDbInstance", "PubliclyAccessible is %s.",
                     flag ? "true" : "false");
  if (dm_check_boolean (db, "storageEncrypted", &flag))
    dm_check_result (context, "ENC-05", !flag, resource, "AwsRdsDbInstance", "StorageEncrypted is %s.",
                     flag ? "true" : "false");
  if (dm_check_boolean (db, "autoMinorVersionUpgrade", &flag))
    dm_check_result (context, "APP-13", !flag, resource, "AwsRdsDbInstance", "AutoMinorVersionUpgrade is %s.",
                     flag ? "true" : "false");
  if (dm_check_integer (db, "backupRetentionPeriod", &days))
    dm_check_result (context, "DATA-08", days < 1, resource, "AwsRdsDbInstance",
                     "BackupRetentionPeriod is %" G_GINT64_FORMAT " days.", days);
}

static void
db_cluster (DmCheckContext *context,
            const char     *id,
            DmJsonObject   *cluster)
{
  g_autofree char *resource = dm_check_resource_arn (context, dm_check_string (cluster, "dBClusterArn"), "rds",
                                                     "cluster:", dm_check_string (cluster, "dBClusterIdentifier"), id);
  gboolean encrypted;

  if (dm_check_boolean (cluster, "storageEncrypted", &encrypted))
    dm_check_result (context, "ENC-06", !encrypted, resource, "AwsRdsDbCluster",
                     "StorageEncrypted is %s.", encrypted ? "true" : "false");
}

static void
snapshot_attributes (DmCheckContext *context,
                     DmJsonObject   *result)
{
  g_autofree char *resource = dm_check_resource_arn (context, NULL, "rds", "snapshot:", dm_check_string (result, "DBSnapshotIdentifier"),
                                            context->source_name);
  DmJsonArray *attributes = dm_check_array (result, "DBSnapshotAttributes");
  DmCheckIter iter;
  DmJsonObject *attribute;
  gboolean everyone = FALSE;

  dm_check_iter_init (&iter, attributes);
  while (dm_check_iter_next (&iter, &attribute))
    {
      DmJsonArray *values = dm_check_array (attribute, "AttributeValues");

      if (g_strcmp0 (dm_check_string (attribute, "AttributeName"), "restore") != 0)
        continue;
      for (guint v = 0; values && v < dm_json_array_get_length (values); v++)
        {
          DmJsonNode *value = dm_json_array_get_element (values, v);

          if (DM_JSON_NODE_HOLDS_VALUE (value) && dm_json_node_get_value_type (value) == G_TYPE_STRING &&
              g_str_equal (dm_json_node_get_string (value), "all"))
            everyone = TRUE;
        }
    }

  dm_check_result (context, "DATA-07", everyone, resource, "AwsRdsDbSnapshot",
                   everyone ? "The restore attribute includes \"all\"." : "The snapshot is not shared with everyone.");
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonObject *result;

  if (dm_check_each (context, dm_check_array (document, "DBInstances"), db_instance))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "DBClusters"), db_cluster))
    return TRUE;
  if ((result = dm_check_object (document, "DBSnapshotAttributesResult")))
    {
      snapshot_attributes (context, result);
      return TRUE;
    }
  return FALSE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::RDS::DBInstance", db_instance },
  { "AWS::RDS::DBCluster", db_cluster },
  { NULL },
};

const DmCheckFamily dm_checks_rds_family = { config_types, cli_response };
