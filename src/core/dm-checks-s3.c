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
policy_facts (DmJsonObject *policy,
              PolicyFacts  *facts)
{
  DmCheckIter iter;
  DmJsonObject *statement;

  memset (facts, 0, sizeof *facts);
  dm_check_policy_statements (policy, &iter);
  while (dm_check_iter_next (&iter, &statement))
    {
      const char *effect = dm_check_string (statement, "Effect");
      DmJsonObject *condition = dm_check_object (statement, "Condition");

      /* Allow to everyone without a condition: public. A condition (source
       * VPC, account, IP) may narrow it; this check does not judge those. */
      if (g_strcmp0 (effect, "Allow") == 0 && condition == NULL &&
          dm_check_principal_is_everyone (dm_json_object_get_member (statement, "Principal")))
        facts->public_allow = TRUE;

      if (g_strcmp0 (effect, "Deny") == 0 && condition != NULL)
        {
          DmJsonObject *boolean = dm_check_object (condition, "Bool");
          const char *secure = dm_check_string (boolean, "aws:SecureTransport");

          if (g_strcmp0 (secure, "false") == 0)
            facts->denies_plain_http = TRUE;
        }
    }
}

static void
policy_checks (DmCheckContext *context,
               const char     *bucket,
               DmJsonNode     *policy_text)
{
  g_autoptr(DmJsonDoc) parsed_doc = NULL;
  DmJsonNode *parsed = dm_check_parse_embedded (policy_text, &parsed_doc);
  PolicyFacts facts;

  if (parsed == NULL || !DM_JSON_NODE_HOLDS_OBJECT (parsed))
    {
      /* No policy at all: nothing public through it, and no TLS rule. */
      if (policy_text == NULL || DM_JSON_NODE_HOLDS_NULL (policy_text))
        dm_check_result (context, "TLS-01", TRUE, bucket, "AwsS3Bucket", "The bucket has no policy.");
      return;
    }

  policy_facts (dm_json_node_get_object (parsed), &facts);
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
                     DmJsonObject   *block)
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
            DmJsonObject   *config)
{
  DmJsonObject *rule = dm_check_first_object (dm_check_array (config, "rules"));
  const char *algorithm = dm_check_string (dm_check_object (rule, "applyServerSideEncryptionByDefault"), "sseAlgorithm");

  dm_check_result (context, "ENC-04", algorithm == NULL || !g_str_has_prefix (algorithm, "aws:kms"),
                   bucket, "AwsS3Bucket", "Default encryption is %s.", algorithm ? algorithm : "SSE-S3 (not configured)");
}

/* A Config item: the bucket policy and its public access block are in the
 * supplementary configuration. */
static void
bucket_item (DmCheckContext *context,
             const char     *id,
             DmJsonObject   *configuration,
             DmJsonObject   *supplementary)
{
  const char *name = dm_check_string (configuration, "name");
  g_autoptr(DmJsonDoc) block_doc = NULL;
  DmJsonNode *block = NULL;
  g_autoptr(DmJsonDoc) sse_doc = NULL;
  DmJsonNode *sse = NULL;
  g_autoptr(DmJsonDoc) policy_doc = NULL;
  DmJsonNode *policy = NULL;
  g_autofree char *bucket = NULL;

  /* A bucket's ARN is its name's: arn:aws:s3:::NAME. */
  if (name == NULL)
    name = id;
  bucket = name && *name ? g_strdup_printf ("arn:%s:s3:::%s", dm_check_partition (context), name) : g_strdup (name);

  /* A recorded bucket without the key has no bucket-level block. */
  block = dm_check_parse_embedded (dm_check_member (supplementary, "PublicAccessBlockConfiguration"), &block_doc);
  public_access_block (context, "DATA-03", bucket, block && DM_JSON_NODE_HOLDS_OBJECT (block) ? dm_json_node_get_object (block) : NULL);

  sse = dm_check_parse_embedded (dm_check_member (supplementary, "ServerSideEncryptionConfiguration"), &sse_doc);
  encryption (context, bucket, sse && DM_JSON_NODE_HOLDS_OBJECT (sse) ? dm_json_node_get_object (sse) : NULL);

  policy = dm_check_parse_embedded (dm_check_member (supplementary, "BucketPolicy"), &policy_doc);
  if (policy && DM_JSON_NODE_HOLDS_OBJECT (policy))
    policy_checks (context, bucket, dm_json_object_get_member (dm_json_node_get_object (policy), "policyText"));
}

/* s3api calls name no bucket: CloudMapper's path does, else the policy's
 * resources; the file name is the last resort. */
static char *
bucket_arn (DmCheckContext *context,
            DmJsonNode     *policy)
{
  g_autoptr(DmJsonDoc) parsed_doc = NULL;
  DmJsonNode *parsed = policy ? dm_check_parse_policy (policy, &parsed_doc) : NULL;
  const char *resource = parsed ? dm_check_statement_value (dm_json_node_get_object (parsed), "Resource", "arn:aws:s3:::") : NULL;

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
              DmJsonObject   *document)
{
  DmJsonObject *o;
  DmJsonNode *policy = dm_json_object_get_member (document, "Policy");
  g_autofree char *bucket = NULL;

  /* s3control's is the account's setting, s3api's a bucket's. */
  if ((o = dm_check_object (document, "PublicAccessBlockConfiguration")) && dm_check_hint_is (context, "s3control"))
    public_access_block (context, "DATA-02", context->account ? context->account : context->source_name, o);
  else if (o)
    public_access_block (context, "DATA-03", (bucket = bucket_arn (context, NULL)), o);
  else if ((o = dm_check_object (document, "ServerSideEncryptionConfiguration")))
    encryption (context, (bucket = bucket_arn (context, NULL)), o);
  else if (policy && DM_JSON_NODE_HOLDS_VALUE (policy))
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
