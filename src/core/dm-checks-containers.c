/* dm-checks-containers.c: ECS task definitions and services, EKS clusters,
 * ECR repositories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-containers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "dm-checks.h"

/* The oldest Kubernetes minor version EKS still supported, in standard or
 * extended support, when this was written (November 2026); move it
 * forward with the EKS release calendar. */
#define EKS_OLDEST_SUPPORTED_MINOR 32

/* Names ECS itself treats as credentials (Security Hub ECS.8). */
static const char *credential_names[] = { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA" };

/* Notes each variable of @environment, a container's, that looks like a
 * credential: its name and kind, never its value. */
static void
secret_variables (GString     *secrets,
                  const char  *container,
                  DmJsonArray *environment)
{
  DmCheckIter iter;
  DmJsonObject *variable;

  dm_check_iter_init (&iter, environment);
  while (dm_check_iter_next (&iter, &variable))
    {
      const char *name = dm_check_string (variable, "name");
      const char *kind = NULL;

      for (guint c = 0; name && c < G_N_ELEMENTS (credential_names); c++)
        if (g_ascii_strcasecmp (name, credential_names[c]) == 0)
          kind = N_("an AWS credential variable");
      if (kind == NULL)
        kind = dm_check_secret_kind (name, dm_check_string (variable, "value"));
      if (kind)
        g_string_append_printf (secrets, "%s%s in %s (%s)", secrets->len ? "; " : "",
                                name ? name : "?", container, _(kind));
    }
}

static void
task_definition (DmCheckContext *context,
                 const char     *id,
                 DmJsonObject   *config)
{
  DmJsonArray *containers = dm_check_array (config, "containerDefinitions");
  const char *family = dm_check_string (config, "family");
  const char *arn = dm_check_string (config, "taskDefinitionArn");
  g_autofree char *resource = NULL;
  g_autoptr(GString) privileged = g_string_new (NULL);
  g_autoptr(GString) secrets = g_string_new (NULL);
  DmCheckIter iter;
  DmJsonObject *container;
  gint64 revision = 0;

  if (containers == NULL)
    return;
  /* By its ARN (FAMILY:REVISION at its end), as the other tools name it. */
  if (dm_check_arn_is_valid (arn))
    resource = g_strdup (arn);
  else if (family && dm_check_integer (config, "revision", &revision))
    {
      resource = dm_check_build_arn (context, "ecs", "task-definition/%s:%" G_GINT64_FORMAT, family, revision);
      if (resource == NULL)
        resource = g_strdup_printf ("%s:%" G_GINT64_FORMAT, family, revision);
    }
  else
    resource = g_strdup (family ? family : id);

  dm_check_iter_init (&iter, containers);
  while (dm_check_iter_next (&iter, &container))
    {
      const char *name = dm_check_string (container, "name");
      gboolean flag = FALSE;

      if (name == NULL)
        name = "?";

      if (dm_check_boolean (container, "privileged", &flag) && flag)
        g_string_append_printf (privileged, "%s%s", privileged->len ? ", " : "", name);

      secret_variables (secrets, name, dm_check_array (container, "environment"));
    }

  if (privileged->len)
    dm_check_result (context, "OS-08", TRUE, resource, "AwsEcsTaskDefinition", "Privileged containers: %s.", privileged->str);
  else
    dm_check_result (context, "OS-08", FALSE, resource, "AwsEcsTaskDefinition", "No container is privileged.");
  if (secrets->len)
    dm_check_result (context, "APP-05", TRUE, resource, "AwsEcsTaskDefinition",
                     "Environment variables that look like secrets: %s.", secrets->str);
  else
    dm_check_result (context, "APP-05", FALSE, resource, "AwsEcsTaskDefinition", "No environment variable looks like a secret.");
}

static void
service (DmCheckContext *context,
         const char     *id,
         DmJsonObject   *config)
{
  const char *name = dm_check_string (config, "serviceName");
  const char *arn = dm_check_string (config, "serviceArn");
  DmJsonObject *vpc = dm_check_object (dm_check_object (config, "networkConfiguration"), "awsvpcConfiguration");
  const char *assign;

  /* Only awsvpc tasks get their own addresses. */
  if (vpc == NULL)
    return;
  assign = dm_check_string (vpc, "assignPublicIp");
  /* A Config item's resourceId is the service's ARN. */
  if (!dm_check_arn_is_valid (arn) && dm_check_arn_is_valid (id))
    arn = id;
  dm_check_result (context, "NET-15", g_strcmp0 (assign, "ENABLED") == 0,
                   dm_check_arn_is_valid (arn) ? arn : name ? name : id, "AwsEcsService",
                   "AssignPublicIp is %s.", assign ? assign : "DISABLED (not set)");
}

static gboolean
parse_minor (const char *version,
             gint64     *major,
             gint64     *minor)
{
  char *end;

  if (version == NULL)
    return FALSE;
  *major = g_ascii_strtoll (version, &end, 10);
  if (end == version || *end != '.')
    return FALSE;
  version = end + 1;
  *minor = g_ascii_strtoll (version, &end, 10);
  return end != version;
}

static void
cluster (DmCheckContext *context,
         const char     *id,
         DmJsonObject   *config)
{
  const char *name = dm_check_string (config, "name");
  const char *arn = dm_check_string (config, "arn");
  const char *version = dm_check_string (config, "version");
  DmJsonObject *vpc = dm_check_object (config, "resourcesVpcConfig");
  g_autofree char *resource = dm_check_resource_arn (context, arn, "eks", "cluster/", name, id);
  gint64 major, minor;
  gboolean endpoint_public = FALSE;

  if (vpc && dm_check_boolean (vpc, "endpointPublicAccess", &endpoint_public))
    {
      DmJsonArray *cidrs = dm_check_array (vpc, "publicAccessCidrs");
      gboolean anywhere = cidrs == NULL || dm_json_array_get_length (cidrs) == 0;  /* the default is 0.0.0.0/0 */

      for (guint i = 0; cidrs && i < dm_json_array_get_length (cidrs); i++)
        {
          DmJsonNode *cidr = dm_json_array_get_element (cidrs, i);

          if (DM_JSON_NODE_HOLDS_VALUE (cidr) && g_strcmp0 (dm_json_node_get_string (cidr), "0.0.0.0/0") == 0)
            anywhere = TRUE;
        }
      if (!endpoint_public)
        dm_check_result (context, "NET-16", FALSE, resource, "AwsEksCluster", "The API endpoint is private.");
      else
        dm_check_result (context, "NET-16", anywhere, resource, "AwsEksCluster",
                         anywhere ? "The API endpoint is public and open to 0.0.0.0/0."
                                  : "The API endpoint is public but limited to listed CIDR ranges.");
    }

  if (parse_minor (version, &major, &minor))
    {
      gboolean old = major < 1 || (major == 1 && minor < EKS_OLDEST_SUPPORTED_MINOR);

      dm_check_result (context, "APP-17", old, resource, "AwsEksCluster",
                       old ? "Kubernetes %s is older than 1.%d, the oldest version EKS supports."
                           : "Kubernetes %s is supported (1.%d or later).", version, EKS_OLDEST_SUPPORTED_MINOR);
    }
}

static void
repository (DmCheckContext *context,
            const char     *id,
            DmJsonObject   *config)
{
  const char *arn = dm_check_string (config, "repositoryArn");
  DmJsonObject *scanning = dm_check_object (config, "imageScanningConfiguration");
  DmJsonNode *policy = dm_check_member (config, "repositoryPolicyText");
  gboolean on_push = FALSE;
  g_autofree char *name = dm_check_resource_arn (context, arn, "ecr", "repository/",
                                                 dm_check_string (config, "repositoryName"), id);

  if (scanning && dm_check_boolean (scanning, "scanOnPush", &on_push))
    dm_check_result (context, "APP-15", !on_push, name, "AwsEcrRepository",
                     on_push ? "ScanOnPush is true." : "ScanOnPush is false (a registry-wide scanning rule, if any, is not in this data).");
  if (policy)
    dm_check_public_policy (context, "APP-16", name, "AwsEcrRepository", policy);
}

static gboolean
each_with (DmCheckContext     *context,
           DmJsonArray        *list,
           const char         *required,
           DmCheckResourceFunc func)
{
  DmCheckIter iter;
  DmJsonObject *o;
  gboolean any = FALSE;

  dm_check_iter_init (&iter, list);
  while (dm_check_iter_next (&iter, &o))
    if (dm_check_member (o, required))
      {
        func (context, "", o);
        any = TRUE;
      }
  return any;
}

/* ecr get-repository-policy: {"registryId", "repositoryName", "policyText"};
 * the registry id is the account. */
static void
repository_policy (DmCheckContext *context,
                   DmJsonObject   *document)
{
  const char *name = dm_check_string (document, "repositoryName");
  const char *registry = dm_check_string (document, "registryId");
  g_autofree char *arn = NULL;

  if (registry && context->region)
    arn = g_strdup_printf ("arn:aws:ecr:%s:%s:repository/%s", context->region, registry, name);
  else
    arn = dm_check_build_arn (context, "ecr", "repository/%s", name);
  dm_check_public_policy (context, "APP-16", arn ? arn : name, "AwsEcrRepository",
                          dm_check_member (document, "policyText"));
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonObject *o;

  if ((o = dm_check_object (document, "taskDefinition")))
    task_definition (context, "", o);
  else if ((o = dm_check_object (document, "cluster")) && dm_check_member (o, "resourcesVpcConfig"))
    cluster (context, "", o);
  else if (each_with (context, dm_check_array (document, "clusters"), "resourcesVpcConfig", cluster))
    ;
  else if (each_with (context, dm_check_array (document, "services"), "serviceArn", service))
    ;
  else if (each_with (context, dm_check_array (document, "repositories"), "repositoryArn", repository))
    ;
  else if (dm_check_string (document, "repositoryName") && dm_check_member (document, "policyText"))
    repository_policy (context, document);
  else
    return FALSE;
  return TRUE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::ECS::TaskDefinition", task_definition },
  { "AWS::ECS::Service", service },
  { "AWS::EKS::Cluster", cluster },
  { "AWS::ECR::Repository", repository },
  { NULL },
};

const DmCheckFamily dm_checks_containers_family = { config_types, cli_response };
