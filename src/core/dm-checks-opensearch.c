/* dm-checks-opensearch.c: OpenSearch and Elasticsearch domains
 *
 * es describe-elasticsearch-domain and opensearch describe-domain both
 * answer {"DomainStatus": {…}}: the access policy, encryption at rest and
 * node-to-node encryption are the customer's settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-opensearch"

#include "config.h"

#include "dm-checks.h"

static void
enabled_option (DmCheckContext *context,
                const char     *check,
                const char     *arn,
                DmJsonObject   *domain,
                const char     *option,
                const char     *what)
{
  DmJsonObject *o = dm_check_object (domain, option);
  gboolean enabled = FALSE;

  /* Older domains answer without the option: it is off. */
  if (o != NULL && !dm_check_boolean (o, "Enabled", &enabled))
    return;
  dm_check_result (context, check, !enabled, arn, "AwsOpenSearchServiceDomain",
                   enabled ? "%s is on." : "%s is off.", what);
}

static void
domain (DmCheckContext *context,
        DmJsonObject   *status)
{
  const char *arn = dm_check_string (status, "ARN");
  const char *name = dm_check_string (status, "DomainName");
  DmJsonObject *vpc = dm_check_object (status, "VPCOptions");
  DmJsonNode *policy = dm_check_member (status, "AccessPolicies");
  g_autofree char *built = NULL;

  if (arn == NULL && name && (built = dm_check_build_arn (context, "es", "domain/%s", name)))
    arn = built;
  if (arn == NULL)
    arn = name ? name : context->source_name;

  /* A domain inside a VPC is reached only through it, whatever its policy. */
  if (vpc && dm_check_array (vpc, "SubnetIds") && dm_json_array_get_length (dm_check_array (vpc, "SubnetIds")) > 0)
    dm_check_result (context, "POL-06", FALSE, arn, "AwsOpenSearchServiceDomain",
                     "The domain is reachable only inside its VPC.");
  else if (policy == NULL || DM_JSON_NODE_HOLDS_NULL (policy) ||
           (DM_JSON_NODE_HOLDS_VALUE (policy) && dm_json_node_get_value_type (policy) == G_TYPE_STRING &&
            *dm_json_node_get_string (policy) == '\0'))
    dm_check_result (context, "POL-06", FALSE, arn, "AwsOpenSearchServiceDomain",
                     "The public endpoint has no access policy, so it allows no one.");
  else
    dm_check_public_policy (context, "POL-06", arn, "AwsOpenSearchServiceDomain", policy);

  enabled_option (context, "ENC-15", arn, status, "EncryptionAtRestOptions", "Encryption at rest");
  enabled_option (context, "TLS-07", arn, status, "NodeToNodeEncryptionOptions", "Node-to-node encryption");
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonObject *status = dm_check_object (document, "DomainStatus");
  DmJsonArray *list = dm_check_array (document, "DomainStatusList");

  if (status && (dm_check_member (status, "DomainName") || dm_check_member (status, "ARN")))
    domain (context, status);
  else if (list && (dm_check_hint_is (context, "es") || dm_check_hint_is (context, "opensearch")))
    {
      DmCheckIter iter;
      DmJsonObject *o;

      /* describe-elasticsearch-domains / describe-domains: a list. */
      dm_check_iter_init (&iter, list);
      while (dm_check_iter_next (&iter, &o))
        domain (context, o);
    }
  else
    return FALSE;
  return TRUE;
}

const DmCheckFamily dm_checks_opensearch_family = { NULL, cli_response };
