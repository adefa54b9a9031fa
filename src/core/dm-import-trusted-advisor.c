/* dm-import-trusted-advisor.c: AWS Trusted Advisor flagged resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

gboolean
_dm_import_trusted_advisor_detect (DmJsonObject *o)
{
  return (dm_json_object_has_member (o, "recommendationArn") && dm_json_object_has_member (o, "status")) ||
         (dm_json_object_has_member (o, "isSuppressed") && dm_json_object_has_member (o, "resourceId"));
}

/* What the flagged resources of a security check say, by check id: which
 * of its metadata columns names the resource (the "metadata" column list
 * describe-trusted-advisor-checks gives for the check; -1 where the check
 * names none, or we have not seen its columns, so Trusted Advisor's own
 * resourceId hash stays), the resource's type, and a title in our words.
 * Where a check's findings go is data: the "trustedadvisor" rows at the
 * end of data/checks/mapping.tsv. */
typedef struct
{
  const char *check;
  int         column;
  const char *resource_type;
  const char *title;
} SecurityCheck;

static const SecurityCheck security_checks[] = {
  /* Region, Security Group Name, Security Group ID ("sg-… (vpc-…)"), Protocol, Status, Ports */
  { "HCP4007jGY", 2, "AWS::EC2::SecurityGroup", N_("A security group leaves specific ports open to the whole internet") },
  /* Region, Security Group Name, Security Group ID, Protocol, Port, Status, IP Range */
  { "1iG5NDGVre", 2, "AWS::EC2::SecurityGroup", N_("A security group lets the whole internet reach a resource") },
  /* No columns: the account itself. */
  { "zXCkfM1nI3", -1, NULL, N_("The account has no IAM users, so the root user does the work") },
  { "7DAFEmoDos", -1, NULL, N_("The root user signs in without MFA") },
  { "Yw2K9puPzl", -1, NULL, N_("The IAM password policy is missing or asks too little") },
  /* Region Name, Region API Parameter, Bucket Name, ACL Allows List, ACL Allows Upload/Delete, Status, … */
  { "Pfx0RwqBli", 2, "AWS::S3::Bucket", N_("A bucket's ACL or policy opens it to everyone") },
  /* Status, Region, Volume ID, Snapshot ID, Description */
  { "ePs02jT06w", 3, "AWS::EC2::Snapshot", N_("An EBS snapshot is public") },
  /* Status, Region, DB Instance or Cluster ID, Snapshot ID */
  { "rSs93HQwa1", 3, "AWS::RDS::DBSnapshot", N_("An RDS snapshot is public") },
  /* Access Key ID, User Name (IAM or Root), Fraud Type, Case ID, Time Updated, Location, Deadline, Usage */
  { "12Fnkpl8Y5", 1, "AWS::IAM::User", N_("An access key was found exposed to the public") },
  /* Status, IAM User, Access Key, Key Last Rotated, Reason */
  { "DqdJqYeRm5", 1, "AWS::IAM::User", N_("An active access key has not been rotated for 90 days") },
  /* Region, Trail Name, Logging Status, Bucket Name, Last Delivery Error, Status */
  { "vjafUGJ9H0", 1, "AWS::CloudTrail::Trail", N_("CloudTrail is not logging in a region, or cannot deliver its logs") },
  /* Region, Load Balancer Name, Load Balancer Port, Status, Reason */
  { "a2sEc6ILx", 1, "AWS::ElasticLoadBalancing::LoadBalancer",
    N_("A load balancer listener lacks a secure protocol or a current security policy") },
  /* Region, Load Balancer Name, Status, Security Group IDs, Reason */
  { "xSqX82fQu", 1, "AWS::ElasticLoadBalancing::LoadBalancer",
    N_("A load balancer's security group is missing or opens ports it does not listen on") },
  /* Region, RDS Security Group Name, Ingress Rule, Status, Reason */
  { "nNauJisYIT", 1, "AWS::RDS::DBSecurityGroup", N_("An RDS security group grants overly broad access") },
  /* Status, Distribution ID, Distribution Domain Name, Certificate Name, Reason */
  { "N425c450f2", 1, "AWS::CloudFront::Distribution",
    N_("A CloudFront custom certificate has expired, expires soon or is weak") },
  { "N430c450f2", -1, NULL, N_("A CloudFront origin's certificate has expired, expires soon or is weak") },
  { "c9D319e7sG", -1, NULL, N_("A mail domain in Route 53 has no SPF record") },
  /* Status, Region, Function ARN, Runtime, Days to Deprecation, … */
  { "L4dfs2Q4C5", 2, "AWS::Lambda::Function", N_("A Lambda function runs on a deprecated runtime") },
};

static const SecurityCheck *
find_security_check (const char *check)
{
  for (guint i = 0; check && i < G_N_ELEMENTS (security_checks); i++)
    if (g_str_equal (security_checks[i].check, check))
      return &security_checks[i];
  return NULL;
}

/* Column @column of a flagged resource's metadata (a list in the support
 * API, an object of "0", "1"… in the trustedadvisor API), or NULL. */
static const char *
metadata_column (DmJsonObject *o,
                 int           column)
{
  DmJsonNode *node = _dm_import_member (o, "metadata");
  DmJsonNode *cell = NULL;

  if (node == NULL || column < 0)
    return NULL;
  if (DM_JSON_NODE_HOLDS_ARRAY (node) && (guint)column < dm_json_array_get_length (dm_json_node_get_array (node)))
    cell = dm_json_array_get_element (dm_json_node_get_array (node), column);
  else if (DM_JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *key = g_strdup_printf ("%d", column);

      cell = dm_json_object_get_member (dm_json_node_get_object (node), key);
    }
  if (cell == NULL || !DM_JSON_NODE_HOLDS_VALUE (cell) || dm_json_node_get_value_type (cell) != G_TYPE_STRING)
    return NULL;
  return *dm_json_node_get_string (cell) ? dm_json_node_get_string (cell) : NULL;
}

/* The metadata's cells, for the evidence: "eu-west-1, web, sg-0123 …". */
static char *
metadata_text (DmJsonObject *o)
{
  DmJsonNode *node = _dm_import_member (o, "metadata");
  g_autoptr(GString) text = g_string_new (NULL);

  if (node == NULL || !DM_JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  for (guint i = 0; i < dm_json_array_get_length (dm_json_node_get_array (node)); i++)
    {
      DmJsonNode *cell = dm_json_array_get_element (dm_json_node_get_array (node), i);

      if (!DM_JSON_NODE_HOLDS_VALUE (cell) || dm_json_node_get_value_type (cell) != G_TYPE_STRING ||
          *dm_json_node_get_string (cell) == '\0')
        continue;
      if (text->len)
        g_string_append (text, ", ");
      g_string_append (text, dm_json_node_get_string (cell));
    }
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Trusted Advisor: flagged resources of a check (support API) or of a
 * recommendation (trustedadvisor API). A security check the mapping knows
 * by its id goes where the check looks, on the resource its metadata names
 * (the security group, not the row's opaque resourceId); anything else
 * (a recommendation names no check id) sits on the account's settings. */
void
_dm_import_trusted_advisor (DmImportFile *state,
                            DmJsonObject *o,
                            guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *account = NULL;
  g_autofree char *named = NULL;
  g_autofree char *cells = metadata_text (o);
  const char *status = _dm_import_str (o, "status");
  const char *check = _dm_import_first_of (_dm_import_str (o, "recommendationArn"), state->trusted_advisor_check);
  const char *row_resource;
  const SecurityCheck *known;
  gboolean suppressed = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (o, "isSuppressed", &suppressed);
  if (suppressed || g_strcmp0 (_dm_import_str (o, "exclusionStatus"), "excluded") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else if (g_strcmp0 (status, "ok") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (status, "warning") == 0 || g_strcmp0 (status, "error") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "not_available") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      _dm_import_skip (state, _("no check status"));
      return;
    }

  data.tool = "Trusted Advisor";
  _dm_import_note_time (state, _dm_import_str (o, "lastUpdatedAt"));
  row_resource = _dm_import_first_of (_dm_import_str (o, "awsResourceId"), _dm_import_str (o, "resourceId"));
  /* The row's own id keeps two rows of one resource (two open ports of
   * one group) apart. */
  id = g_strdup_printf ("trusted-advisor/%s/%s", _dm_import_first_of (check, ""), _dm_import_first_of (row_resource, ""));
  data.id = _dm_import_first_of (_dm_import_str (o, "arn"), id);
  data.source_item = index;
  data.region = _dm_import_first_of (_dm_import_str (o, "regionCode"), _dm_import_str (o, "region"));
  /* "-" or "--": an account-wide check, in no region. */
  if (data.region && strspn (data.region, "-") == strlen (data.region))
    data.region = NULL;
  data.severity = g_strcmp0 (status, "error") == 0 ? DM_SEVERITY_HIGH
                : g_strcmp0 (status, "warning") == 0 ? DM_SEVERITY_MEDIUM : DM_SEVERITY_UNKNOWN;
  if (check && strrchr (check, '/'))
    check = strrchr (check, '/') + 1;
  known = find_security_check (check);

  data.resource = row_resource;
  if (known && metadata_column (o, known->column))
    {
      const char *cell = metadata_column (o, known->column);
      const char *space = strchr (cell, ' ');

      /* "sg-0123 (vpc-0abc)": the group, without its VPC. */
      data.resource = named = space ? g_strndup (cell, space - cell) : g_strdup (cell);
      data.resource_type = known->resource_type;
    }
  if (known)
    title = g_strdup (_(known->title));
  else
    title = g_strdup_printf (_("Trusted Advisor check %s"), _dm_import_first_of (check, "?"));
  data.title = title;
  if (cells)
    evidence = g_strdup_printf (_("Trusted Advisor status: %s; the check's row: %s"),
                                _dm_import_first_of (status, "?"), cells);
  else
    evidence = g_strdup_printf (_("Trusted Advisor status: %s"), _dm_import_first_of (status, "?"));
  data.evidence = evidence;
  data.account = account = _dm_import_arn_field_account (data.id);

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "trustedadvisor", check, NULL }, "account",
                                controls);
  _dm_import_add_finding (state, &data, controls);
}
