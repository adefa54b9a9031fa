/* dm-checks-policies.c: resource policies open to everyone (Lambda, KMS,
 * SQS, SNS, Secrets Manager)
 *
 * S3 bucket policies are read by dm-checks-s3.c, ECR repository policies by
 * dm-checks-containers.c; this file tells the bare {"Policy": …} responses
 * apart, since get-policy, get-key-policy and get-bucket-policy all look
 * alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-policies"

#include "config.h"

#include <string.h>

#include "dm-checks.h"

/**
 * policy_service:
 *
 * Resources name the service (arn:aws:lambda:…, arn:aws:s3:::…); key
 * policies say "Resource": "*" and are known by their kms: actions. The
 * file name or bundle call decides when the policy itself does not.
 */
static const char *
policy_service (DmCheckContext *context,
                DmJsonObject   *document,
                DmJsonObject   *policy)
{
  static const char *services[] = { "lambda", "s3", "kms", "sqs", "sns" };

  if (dm_check_statement_value (policy, "Resource", "arn:aws:lambda:") || dm_check_statement_value (policy, "Action", "lambda:"))
    return "lambda";
  if (dm_check_statement_value (policy, "Resource", "arn:aws:s3:::") || dm_check_statement_value (policy, "Action", "s3:"))
    return "s3";
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (dm_check_hint_is (context, services[i]))
      return services[i];
  if (dm_check_statement_value (policy, "Action", "kms:") || dm_json_object_has_member (document, "PolicyName"))
    return "kms";
  if (dm_json_object_has_member (document, "RevisionId"))
    return "lambda";
  return "s3";
}

/* A function's ARN, without a version or alias: from the policy's
 * resources, else built from the name the path gives. */
static char *
function_arn (DmCheckContext *context,
              DmJsonObject   *policy)
{
  const char *arn = dm_check_statement_value (policy, "Resource", "arn:aws:lambda:");
  const char *name = context->resource_name;
  const char *colon;
  char *built;

  if (arn && (colon = strstr (arn, ":function:")))
    {
      const char *end = strchr (colon + strlen (":function:"), ':');

      return end ? g_strndup (arn, end - arn) : g_strdup (arn);
    }
  if (name && g_str_has_prefix (name, "arn:"))
    return g_strdup (name);
  if (name && (built = dm_check_build_arn (context, "lambda", "function:%s", name)))
    return built;
  return g_strdup (name ? name : context->source_name);
}

/* CloudMapper names a queue's file by its URL,
 * https://sqs.REGION.amazonaws.com/ACCOUNT/NAME (or queue.amazonaws.com). */
static char *
queue_arn (DmCheckContext *context,
           const char     *arn)
{
  const char *url = context->resource_name;

  if (arn)
    return g_strdup (arn);
  if (url && g_str_has_prefix (url, "https://"))
    {
      g_auto(GStrv) parts = g_strsplit (url + strlen ("https://"), "/", -1);
      g_autofree char *region = NULL;

      if (g_strv_length (parts) == 3 && strlen (parts[1]) == 12 && strspn (parts[1], "0123456789") == 12 && *parts[2])
        {
          if (g_str_has_prefix (parts[0], "sqs.") && strchr (parts[0] + 4, '.'))
            region = g_strndup (parts[0] + 4, strchr (parts[0] + 4, '.') - (parts[0] + 4));
          else if (context->region)
            region = g_strdup (context->region);
          if (region)
            return g_strdup_printf ("arn:%s:sqs:%s:%s:%s",
                                    g_str_has_prefix (region, "cn-") ? "aws-cn" :
                                    g_str_has_prefix (region, "us-gov-") ? "aws-us-gov" : "aws",
                                    region, parts[1], parts[2]);
        }
    }
  return g_strdup (url ? url : context->source_name);
}

/* A key's file is named by its id. */
static char *
key_arn (DmCheckContext *context)
{
  const char *name = context->resource_name;
  char *built;

  if (name == NULL)
    return g_strdup (context->source_name);
  if (g_str_has_prefix (name, "arn:"))
    return g_strdup (name);
  built = dm_check_build_arn (context, "kms", "key/%s", name);
  return built ? built : g_strdup (name);
}

static gboolean
attributes (DmCheckContext *context,
            DmJsonObject   *attributes)
{
  DmJsonNode *policy = dm_check_member (attributes, "Policy");
  const char *queue = dm_check_string (attributes, "QueueArn");
  const char *topic = dm_check_string (attributes, "TopicArn");

  if (queue || dm_check_hint_is (context, "sqs"))
    {
      g_autofree char *arn = queue_arn (context, queue);

      if (policy == NULL)
        dm_check_result (context, "POL-02", FALSE, arn, "AwsSqsQueue", "The queue has no access policy.");
      else
        dm_check_public_policy (context, "POL-02", arn, "AwsSqsQueue", policy);
      return TRUE;
    }
  if (topic || dm_check_hint_is (context, "sns"))
    {
      const char *arn = topic ? topic : context->source_name;

      if (policy == NULL)
        dm_check_result (context, "POL-03", FALSE, arn, "AwsSnsTopic", "The topic has no access policy.");
      else
        dm_check_public_policy (context, "POL-03", arn, "AwsSnsTopic", policy);
      return TRUE;
    }
  return FALSE;
}

/* secretsmanager get-resource-policy: {"ARN", "Name", "ResourcePolicy"},
 * without ResourcePolicy when the secret has none. */
static gboolean
secret_policy (DmCheckContext *context,
               DmJsonObject   *document)
{
  const char *arn = dm_check_string (document, "ARN");
  DmJsonNode *policy = dm_json_object_get_member (document, "ResourcePolicy");
  const char *resource;

  if (policy == NULL &&
      !(arn && strstr (arn, ":secretsmanager:") && g_strcmp0 (context->service_hint, "secretsmanager-get-resource-policy") == 0))
    return FALSE;

  resource = arn ? arn : context->resource_name ? context->resource_name : context->source_name;
  if (policy == NULL || DM_JSON_NODE_HOLDS_NULL (policy))
    dm_check_result (context, "POL-05", FALSE, resource, "AwsSecretsManagerSecret", "The secret has no resource policy.");
  else
    dm_check_public_policy (context, "POL-05", resource, "AwsSecretsManagerSecret", policy);
  return TRUE;
}

/* Config items of queues and topics carry the policy as "Policy"; the
 * resource is the ARN member, else the item's id. */
static void
item_policy (DmCheckContext *context,
             const char     *check,
             const char     *arn,
             const char     *id,
             const char     *resource_type,
             DmJsonObject   *configuration)
{
  DmJsonNode *policy = dm_check_member (configuration, "Policy");

  if (policy)
    dm_check_public_policy (context, check, arn ? arn : id, resource_type, policy);
}

static void
queue_item (DmCheckContext *context,
            const char     *id,
            DmJsonObject   *configuration)
{
  item_policy (context, "POL-02", dm_check_string (configuration, "QueueArn"), id, "AwsSqsQueue", configuration);
}

static void
topic_item (DmCheckContext *context,
            const char     *id,
            DmJsonObject   *configuration)
{
  item_policy (context, "POL-03", dm_check_string (configuration, "TopicArn"), id, "AwsSnsTopic", configuration);
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonObject *o;
  DmJsonNode *policy;
  g_autoptr(DmJsonDoc) parsed_doc = NULL;
  DmJsonNode *parsed = NULL;
  const char *service;

  if ((o = dm_check_object (document, "Attributes")))
    return attributes (context, o);
  if (secret_policy (context, document))
    return TRUE;

  policy = dm_json_object_get_member (document, "Policy");
  if (policy == NULL || !DM_JSON_NODE_HOLDS_VALUE (policy))
    return FALSE;
  parsed = dm_check_parse_embedded (policy, &parsed_doc);
  if (parsed == NULL || !DM_JSON_NODE_HOLDS_OBJECT (parsed))
    return FALSE;

  service = policy_service (context, document, dm_json_node_get_object (parsed));
  if (g_str_equal (service, "lambda"))
    {
      g_autofree char *arn = function_arn (context, dm_json_node_get_object (parsed));

      dm_check_public_policy (context, "APP-01", arn, "AwsLambdaFunction", policy);
    }
  else if (g_str_equal (service, "kms"))
    {
      g_autofree char *arn = key_arn (context);

      dm_check_public_policy (context, "POL-01", arn, "AwsKmsKey", policy);
    }
  else if (g_str_equal (service, "sqs"))
    {
      g_autofree char *arn = queue_arn (context, NULL);

      dm_check_public_policy (context, "POL-02", arn, "AwsSqsQueue", policy);
    }
  else if (g_str_equal (service, "sns"))
    dm_check_public_policy (context, "POL-03", context->source_name, "AwsSnsTopic", policy);
  else
    return FALSE;  /* a bucket policy: dm-checks-s3.c */
  return TRUE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::SQS::Queue", queue_item },
  { "AWS::SNS::Topic", topic_item },
  { NULL },
};

const DmCheckFamily dm_checks_policies_family = { config_types, cli_response };
