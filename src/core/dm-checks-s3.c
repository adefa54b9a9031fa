/* dm-checks-s3.c: bucket exposure, encryption and TLS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-s3"

#include "config.h"

#include <string.h>

#include "dm-checks.h"

typedef struct
{
  gboolean public_allow;
  gboolean denies_plain_http;
} PolicyFacts;

/* Statement may be one object or a list of them. */
static void
policy_facts (JsonObject  *policy,
              PolicyFacts *facts)
{
  g_autoptr(JsonArray) list = dm_check_policy_statements (policy);
  DmCheckIter iter;
  JsonObject *statement;

  memset (facts, 0, sizeof *facts);
  dm_check_iter_init (&iter, list);
  while (dm_check_iter_next (&iter, &statement))
    {
      const char *effect = dm_check_string (statement, "Effect");
      JsonObject *condition = dm_check_object (statement, "Condition");

      /* Allow to everyone without a condition: public. A condition (source
       * VPC, account, IP) may narrow it; this check does not judge those. */
      if (g_strcmp0 (effect, "Allow") == 0 && condition == NULL &&
          dm_check_principal_is_everyone (json_object_get_member (statement, "Principal")))
        facts->public_allow = TRUE;

      if (g_strcmp0 (effect, "Deny") == 0 && condition != NULL)
        {
          JsonObject *boolean = dm_check_object (condition, "Bool");
          const char *secure = dm_check_string (boolean, "aws:SecureTransport");

          if (g_strcmp0 (secure, "false") == 0)
            facts->denies_plain_http = TRUE;
        }
    }
}

static void
policy_checks (DmCheckContext *context,
               const char     *bucket,
               JsonNode       *policy_text)
{
  g_autoptr(JsonNode) parsed = dm_check_parse_embedded (policy_text);
  PolicyFacts facts;

  if (parsed == NULL || !JSON_NODE_HOLDS_OBJECT (parsed))
    {
      /* No policy at all: nothing public through it, and no TLS rule. */
      if (policy_text == NULL || JSON_NODE_HOLDS_NULL (policy_text))
        dm_check_result (context, "TLS-01", TRUE, bucket, "AwsS3Bucket", "The bucket has no policy.");
      return;
    }

  policy_facts (json_node_get_object (parsed), &facts);
  dm_check_result (context, "DATA-04", facts.public_allow, bucket, "AwsS3Bucket",
                   facts.public_allow ? "The bucket policy allows Principal * without a condition."
                                      : "No policy statement allows everyone.");
  dm_check_result (context, "TLS-01", !facts.denies_plain_http, bucket, "AwsS3Bucket",
                   facts.denies_plain_http ? "The policy denies requests where aws:SecureTransport is false."
                                           : "No Deny statement for aws:SecureTransport false.");
}

static void
public_access_block (DmCheckContext *context,
                     const char     *check,
                     const char     *bucket,
                     JsonObject     *block)
{
  static const char *settings[] = { "blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets" };
  g_autoptr(GString) off = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      gboolean on = FALSE;

      if (block == NULL || !dm_check_boolean (block, settings[i], &on) || !on)
        g_string_append_printf (off, "%s%s", off->len ? ", " : "", settings[i]);
    }

  if (off->len)
    dm_check_result (context, check, TRUE, bucket, "AwsS3Bucket", "Not on: %s.", off->str);
  else
    dm_check_result (context, check, FALSE, bucket, "AwsS3Bucket", "All four Block Public Access settings are on.");
}

static void
encryption (DmCheckContext *context,
            const char     *bucket,
            JsonObject     *config)
{
  JsonObject *rule = dm_check_first_object (dm_check_array (config, "rules"));
  const char *algorithm = dm_check_string (dm_check_object (rule, "applyServerSideEncryptionByDefault"), "sseAlgorithm");

  dm_check_result (context, "ENC-04", algorithm == NULL || !g_str_has_prefix (algorithm, "aws:kms"),
                   bucket, "AwsS3Bucket", "Default encryption is %s.", algorithm ? algorithm : "SSE-S3 (not configured)");
}

/* A Config item: the bucket policy and its public access block are in the
 * supplementary configuration. */
static void
bucket_item (DmCheckContext *context,
             const char     *id,
             JsonObject     *configuration,
             JsonObject     *supplementary)
{
  const char *name = dm_check_string (configuration, "name");
  g_autoptr(JsonNode) block = NULL;
  g_autoptr(JsonNode) sse = NULL;
  g_autoptr(JsonNode) policy = NULL;
  g_autofree char *bucket = NULL;

  /* A bucket's ARN is its name's: arn:aws:s3:::NAME. */
  if (name == NULL)
    name = id;
  bucket = name && *name ? g_strdup_printf ("arn:%s:s3:::%s", dm_check_partition (context), name) : g_strdup (name);

  /* A recorded bucket without the key has no bucket-level block. */
  block = dm_check_parse_embedded (dm_check_member (supplementary, "PublicAccessBlockConfiguration"));
  public_access_block (context, "DATA-03", bucket, block && JSON_NODE_HOLDS_OBJECT (block) ? json_node_get_object (block) : NULL);

  sse = dm_check_parse_embedded (dm_check_member (supplementary, "ServerSideEncryptionConfiguration"));
  encryption (context, bucket, sse && JSON_NODE_HOLDS_OBJECT (sse) ? json_node_get_object (sse) : NULL);

  policy = dm_check_parse_embedded (dm_check_member (supplementary, "BucketPolicy"));
  if (policy && JSON_NODE_HOLDS_OBJECT (policy))
    policy_checks (context, bucket, json_object_get_member (json_node_get_object (policy), "policyText"));
}

/* s3api calls name no bucket: CloudMapper's path does, else the policy's
 * resources; the file name is the last resort. */
static char *
bucket_arn (DmCheckContext *context,
            JsonNode       *policy)
{
  g_autoptr(JsonNode) parsed = policy ? dm_check_parse_policy (policy) : NULL;
  const char *resource = parsed ? dm_check_statement_value (json_node_get_object (parsed), "Resource", "arn:aws:s3:::") : NULL;

  if (context->resource_name)
    return g_strdup_printf ("arn:aws:s3:::%s", context->resource_name);
  if (resource && resource[strlen ("arn:aws:s3:::")] != '\0')
    {
      const char *name = resource + strlen ("arn:aws:s3:::");
      const char *slash = strchr (name, '/');

      return slash ? g_strndup (resource, slash - resource) : g_strdup (resource);
    }
  return g_strdup (context->source_name);
}

static gboolean
cli_response (DmCheckContext *context,
              JsonObject     *document)
{
  JsonObject *o;
  JsonNode *policy = json_object_get_member (document, "Policy");
  g_autofree char *bucket = NULL;

  /* s3control's is the account's setting, s3api's a bucket's. */
  if ((o = dm_check_object (document, "PublicAccessBlockConfiguration")) && dm_check_hint_is (context, "s3control"))
    public_access_block (context, "DATA-02", context->account ? context->account : context->source_name, o);
  else if (o)
    public_access_block (context, "DATA-03", (bucket = bucket_arn (context, NULL)), o);
  else if ((o = dm_check_object (document, "ServerSideEncryptionConfiguration")))
    encryption (context, (bucket = bucket_arn (context, NULL)), o);
  else if (policy && JSON_NODE_HOLDS_VALUE (policy))
    policy_checks (context, (bucket = bucket_arn (context, policy)), policy);
  else
    return FALSE;
  return TRUE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::S3::Bucket", .evaluate_item = bucket_item },
  { NULL },
};

const DmCheckFamily dm_checks_s3_family = { config_types, cli_response };
