/* dm-checks-platform.c: managed platforms (Redshift, EMR, Elastic
 * Beanstalk, ElastiCache)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-platform"

#include "config.h"

#include "dm-checks.h"

static void
redshift_cluster (DmCheckContext *context,
                  const char     *id,
                  DmJsonObject   *config)
{
  gboolean public;

  if (dm_check_boolean (config, "publiclyAccessible", &public))
    {
      /* describe-clusters gives no cluster ARN (ClusterNamespaceArn is the namespace's). */
      g_autofree char *resource = dm_check_resource_arn (context, NULL, "redshift", "cluster:",
                                                  dm_check_string (config, "clusterIdentifier"), id);

      dm_check_result (context, "NET-13", public, resource, "AwsRedshiftCluster",
                       "PubliclyAccessible is %s.", public ? "true" : "false");
    }
}

static void
cache_cluster (DmCheckContext *context,
               const char     *id,
               DmJsonObject   *config)
{
  gboolean upgrade;

  if (dm_check_boolean (config, "autoMinorVersionUpgrade", &upgrade))
    {
      const char *arn = dm_check_string (config, "ARN") ? dm_check_string (config, "ARN") : dm_check_string (config, "arn");
      g_autofree char *resource = dm_check_resource_arn (context, arn, "elasticache", "cluster:",
                                                  dm_check_string (config, "cacheClusterId"), id);

      dm_check_result (context, "APP-14", !upgrade, resource, "AwsElastiCacheCacheCluster",
                       "AutoMinorVersionUpgrade is %s.", upgrade ? "true" : "false");
    }
}

static const char *
option (DmJsonArray *options,
        const char  *namespace,
        const char  *name)
{
  DmCheckIter iter;
  DmJsonObject *o;

  dm_check_iter_init (&iter, options);
  while (dm_check_iter_next (&iter, &o))
    if (g_strcmp0 (dm_check_string (o, "Namespace"), namespace) == 0 &&
        g_strcmp0 (dm_check_string (o, "OptionName"), name) == 0)
      return dm_check_string (o, "Value");
  return NULL;
}

static void
beanstalk_environment (DmCheckContext *context,
                       const char     *id,
                       DmJsonObject   *settings)
{
  DmJsonArray *options = dm_check_array (settings, "OptionSettings");
  const char *environment = dm_check_string (settings, "EnvironmentName");
  const char *application = dm_check_string (settings, "ApplicationName");
  const char *managed = option (options, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled");
  const char *stream = option (options, "aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs");
  g_autofree char *name = NULL;

  if (options == NULL)
    return;
  /* arn:…:environment/APPLICATION/ENVIRONMENT; a saved configuration
   * (no EnvironmentName) keeps the application's name. */
  if (environment && application)
    name = dm_check_build_arn (context, "elasticbeanstalk", "environment/%s/%s", application, environment);
  if (name == NULL)
    name = g_strdup (environment ? environment : application);

  /* Absent means the environment predates managed actions: unknown. */
  if (managed)
    dm_check_result (context, "OS-07", g_ascii_strcasecmp (managed, "true") != 0, name, "AwsElasticBeanstalkEnvironment",
                     "ManagedActionsEnabled is %s.", managed);
  dm_check_result (context, "APP-12", g_strcmp0 (stream, "true") != 0, name, "AwsElasticBeanstalkEnvironment",
                   "StreamLogs is %s.", stream ? stream : "not set (false)");
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonArray *list = dm_check_array (document, "Clusters");
  DmJsonObject *o;

  /* ECS's describe-clusters also says "clusters": Redshift's name theirs. */
  if (dm_check_member (dm_check_first_object (list), "ClusterIdentifier"))
    return dm_check_each (context, list, redshift_cluster);
  if (dm_check_each (context, dm_check_array (document, "CacheClusters"), cache_cluster))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "ConfigurationSettings"), beanstalk_environment))
    return TRUE;

  if ((o = dm_check_object (document, "BlockPublicAccessConfiguration")))
    {
      gboolean block = FALSE;

      dm_check_boolean (o, "BlockPublicSecurityGroupRules", &block);
      dm_check_result (context, "NET-14", !block, dm_check_where (context),
                       "AwsAccount", "BlockPublicSecurityGroupRules is %s.", block ? "true" : "false");
      return TRUE;
    }

  return FALSE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::Redshift::Cluster", redshift_cluster },
  { "AWS::ElastiCache::CacheCluster", cache_cluster },
  { NULL },
};

const DmCheckFamily dm_checks_platform_family = { config_types, cli_response };
