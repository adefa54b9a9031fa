/* dm-checks-policies.c: resource policies open to everyone (Lambda, KMS,
 * SQS, SNS)
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

static gboolean
node_mentions (JsonNode   *node,
               const char *prefix)
{
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_str_has_prefix (json_node_get_string (node), prefix);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *list = json_node_get_array (node);

      /* Elements are strings; a nested array is not a resource list. */
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *element = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
              g_str_has_prefix (json_node_get_string (element), prefix))
            return TRUE;
        }
    }
  return FALSE;
}

/* The first statement whose member starts with prefix, or NULL. */
static const char *
statement_value (JsonObject *policy,
                 const char *member,
                 const char *prefix)
{
  g_autoptr(JsonArray) statements = dm_check_policy_statements (policy);

  for (guint i = 0; statements && i < json_array_get_length (statements); i++)
    {
      JsonNode *node;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (statements, i)))
        continue;
      node = json_object_get_member (json_array_get_object_element (statements, i), member);
      if (node_mentions (node, prefix))
        {
          if (JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *list = json_node_get_array (node);

              for (guint j = 0; j < json_array_get_length (list); j++)
                if (node_mentions (json_array_get_element (list, j), prefix))
                  return json_array_get_string_element (list, j);
            }
          return json_node_get_string (node);
        }
    }
  return NULL;
}

/**
 * policy_service:
 *
 * Resources name the service (arn:aws:lambda:…, arn:aws:s3:::…); key
 * policies say "Resource": "*" and are known by their kms: actions. The
 * file name or bundle call decides when the policy itself does not.
 */
static const char *
policy_service (DmCheckContext *context,
                JsonObject     *document,
                JsonObject     *policy)
{
  static const char *services[] = { "lambda", "s3", "kms", "sqs", "sns" };

  if (statement_value (policy, "Resource", "arn:aws:lambda:") || statement_value (policy, "Action", "lambda:"))
    return "lambda";
  if (statement_value (policy, "Resource", "arn:aws:s3:::") || statement_value (policy, "Action", "s3:"))
    return "s3";
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (dm_check_hint_is (context, services[i]))
      return services[i];
  if (statement_value (policy, "Action", "kms:") || json_object_has_member (document, "PolicyName"))
    return "kms";
  if (json_object_has_member (document, "RevisionId"))
    return "lambda";
  return "s3";
}

/* The last part of an ARN: function:NAME, key/ID, the queue's or topic's name. */
static char *
arn_name (const char *arn)
{
  const char *colon, *slash;

  if (arn == NULL)
    return NULL;
  if (g_str_has_prefix (arn, "arn:aws:lambda:") && (colon = strstr (arn, ":function:")))
    {
      const char *name = colon + strlen (":function:");
      const char *end = strchr (name, ':');

      return end ? g_strndup (name, end - name) : g_strdup (name);
    }
  slash = strrchr (arn, '/');
  colon = strrchr (arn, ':');
  return g_strdup (slash && slash > colon ? slash + 1 : colon ? colon + 1 : arn);
}

static gboolean
attributes (DmCheckContext *context,
            JsonObject     *attributes)
{
  JsonNode *policy = dm_check_member (attributes, "Policy");
  const char *queue = dm_check_string (attributes, "QueueArn");
  const char *topic = dm_check_string (attributes, "TopicArn");
  g_autofree char *name = arn_name (queue ? queue : topic);

  if (queue)
    {
      if (policy == NULL)
        dm_check_result (context, "POL-02", FALSE, name, "AwsSqsQueue", "The queue has no access policy.");
      else
        dm_check_public_policy (context, "POL-02", name, "AwsSqsQueue", policy);
      return TRUE;
    }
  if (topic)
    {
      if (policy == NULL)
        dm_check_result (context, "POL-03", FALSE, name, "AwsSnsTopic", "The topic has no access policy.");
      else
        dm_check_public_policy (context, "POL-03", name, "AwsSnsTopic", policy);
      return TRUE;
    }
  return FALSE;
}

gboolean
dm_checks_policies_config (DmCheckContext *context,
                           const char     *type,
                           const char     *id,
                           JsonObject     *configuration)
{
  JsonNode *policy = dm_check_member (configuration, "Policy");

  if (g_strcmp0 (type, "AWS::SQS::Queue") == 0)
    {
      g_autofree char *name = arn_name (dm_check_string (configuration, "QueueArn"));

      if (policy)
        dm_check_public_policy (context, "POL-02", name ? name : id, "AwsSqsQueue", policy);
      return TRUE;
    }
  if (g_strcmp0 (type, "AWS::SNS::Topic") == 0)
    {
      g_autofree char *name = arn_name (dm_check_string (configuration, "TopicArn"));

      if (policy)
        dm_check_public_policy (context, "POL-03", name ? name : id, "AwsSnsTopic", policy);
      return TRUE;
    }
  return FALSE;
}

gboolean
dm_checks_policies_cli (DmCheckContext *context,
                        JsonObject     *document)
{
  JsonObject *o;
  JsonNode *policy;
  g_autoptr(JsonNode) parsed = NULL;
  const char *service;

  if ((o = dm_check_object (document, "Attributes")))
    return attributes (context, o);

  policy = json_object_get_member (document, "Policy");
  if (policy == NULL || !JSON_NODE_HOLDS_VALUE (policy))
    return FALSE;
  parsed = dm_check_parse_embedded (policy);
  if (parsed == NULL || !JSON_NODE_HOLDS_OBJECT (parsed))
    return FALSE;

  service = policy_service (context, document, json_node_get_object (parsed));
  if (g_str_equal (service, "lambda"))
    {
      g_autofree char *name = arn_name (statement_value (json_node_get_object (parsed), "Resource", "arn:aws:lambda:"));

      dm_check_public_policy (context, "APP-01", name ? name : context->source_name, "AwsLambdaFunction", policy);
    }
  else if (g_str_equal (service, "kms"))
    dm_check_public_policy (context, "POL-01", context->source_name, "AwsKmsKey", policy);
  else if (g_str_equal (service, "sqs"))
    dm_check_public_policy (context, "POL-02", context->source_name, "AwsSqsQueue", policy);
  else if (g_str_equal (service, "sns"))
    dm_check_public_policy (context, "POL-03", context->source_name, "AwsSnsTopic", policy);
  else
    return FALSE;  /* a bucket policy: dm-checks-s3.c */
  return TRUE;
}
