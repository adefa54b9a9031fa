/* dm-import-inspector.c: Amazon Inspector findings (inspector2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

/* Packages named in a finding's evidence; "…" stands for the rest. */
#define MAX_PACKAGES_SHOWN 10

gboolean
_dm_import_inspector_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "findingArn") && dm_json_object_has_member (o, "awsAccountId");
}

/* Inspector's resource types, as the ASFF types the catalogue maps. */
static const struct
{
  const char *type;
  const char *asff_type;
} inspector_resources[] = {
  { "AWS_EC2_INSTANCE", "AwsEc2Instance" },
  { "AWS_ECR_CONTAINER_IMAGE", "AwsEcrContainerImage" },
  { "AWS_ECR_REPOSITORY", "AwsEcrRepository" },
  { "AWS_LAMBDA_FUNCTION", "AwsLambdaFunction" },
  { "AWS_ACCOUNT", "AwsAccount" },
};

static DmSeverity
score_severity (double score)
{
  /* CVSS v3 bands */
  if (score >= 9) return DM_SEVERITY_CRITICAL;
  if (score >= 7) return DM_SEVERITY_HIGH;
  if (score >= 4) return DM_SEVERITY_MEDIUM;
  if (score > 0) return DM_SEVERITY_LOW;
  return DM_SEVERITY_UNKNOWN;
}

static double
number (DmJsonObject *o,
        const char   *path)
{
  DmJsonNode *node = _dm_import_member (o, path);

  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return dm_json_node_get_double (node);
  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_INT64)
    return (double)dm_json_node_get_int (node);
  return -1;
}

/* Every vulnerable package, not only the first: "CVE-… in openssh-server
 * 8.0 (OS); fixed in 8.1, openssh-clients 8.0 (OS)". */
static void
package_evidence (GString    *evidence,
                  const char *cve,
                  DmJsonNode *packages)
{
  DmCheckIter iter;
  DmJsonObject *package;
  guint n = 0;

  dm_check_iter_init (&iter, packages && DM_JSON_NODE_HOLDS_ARRAY (packages) ? dm_json_node_get_array (packages) : NULL);
  while (dm_check_iter_next (&iter, &package))
    {
      const char *fixed = _dm_import_str (package, "fixedInVersion");

      if (n++ == MAX_PACKAGES_SHOWN)
        {
          g_string_append (evidence, ", …");
          break;
        }
      if (n == 1)
        g_string_append_printf (evidence, _("%s in %s %s (%s)"), _dm_import_first_of (cve, "?"),
                                _dm_import_first_of (_dm_import_str (package, "name"), "?"),
                                _dm_import_first_of (_dm_import_str (package, "version"), ""),
                                _dm_import_first_of (_dm_import_str (package, "packageManager"), "?"));
      else
        g_string_append_printf (evidence, ", %s %s (%s)", _dm_import_first_of (_dm_import_str (package, "name"), "?"),
                                _dm_import_first_of (_dm_import_str (package, "version"), ""),
                                _dm_import_first_of (_dm_import_str (package, "packageManager"), "?"));
      if (fixed && g_strcmp0 (fixed, "NotAvailable") != 0)
        g_string_append_printf (evidence, _("; fixed in %s"), fixed);
    }
}

/* aws inspector2 list-findings, the findings reports Inspector writes to
 * S3 and the detail of its "Inspector2 Finding" events (the same members):
 * package, code and network-reachability findings. */
void
_dm_import_inspector (DmImportFile *state,
                      DmJsonObject *o,
                      guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  g_autoptr(GString) evidence = g_string_new (NULL);
  g_autofree char *remediation = NULL;
  g_autofree char *instance_arn = NULL;
  DmJsonObject *vulnerability = _dm_import_obj (o, "packageVulnerabilityDetails");
  DmJsonObject *package = _dm_import_first_object (vulnerability, "vulnerablePackages");
  DmJsonObject *resource = _dm_import_first_object (o, "resources");
  DmJsonNode *all = _dm_import_member (o, "resources");
  const char *status = _dm_import_str (o, "status");
  const char *cve = _dm_import_str (vulnerability, "vulnerabilityId");
  const char *text = _dm_import_str (o, "remediation.recommendation.text");
  ToolId tool = { "inspector", NULL, NULL };
  DmFindingData data = { 0 };

  if (g_strcmp0 (status, "SUPPRESSED") == 0 || g_strcmp0 (status, "CLOSED") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else
    data.status = DM_FINDING_FAILED;
  /* UNTRIAGED: the vendor has not rated the CVE yet; Inspector's own score,
   * when it gives one, is the rating left, else the severity is unknown
   * (which counts at every --fail-on level). */
  if (!dm_severity_from_string (_dm_import_str (o, "severity"), &data.severity))
    data.severity = score_severity (number (o, "inspectorScore"));
  data.tool = "Inspector";
  /* An EventBridge event's finding writes its times as Java prints them
   * ("Wed Sep 04 17:00:36.951 UTC 2024"): the event's own time then says
   * when it was exported. */
  if (!_dm_import_note_time (state, _dm_import_first_of (_dm_import_str (o, "updatedAt"),
                                                        _dm_import_str (o, "lastObservedAt"))))
    _dm_import_note_time (state, state->event_time);
  data.id = _dm_import_str (o, "findingArn");
  data.source_item = index;
  data.account = _dm_import_str (o, "awsAccountId");
  data.region = _dm_import_str (resource, "region");
  data.resource = _dm_import_str (resource, "id");
  /* Inspector names an instance by its id; the other tools by its ARN. */
  if (data.resource && g_str_has_prefix (data.resource, "i-") && data.account && data.region &&
      g_strcmp0 (_dm_import_str (resource, "type"), "AWS_EC2_INSTANCE") == 0)
    data.resource = instance_arn = g_strdup_printf ("arn:%s:ec2:%s:%s:instance/%s",
                                                    g_str_has_prefix (data.region, "cn-") ? "aws-cn"
                                                    : g_str_has_prefix (data.region, "us-gov-") ? "aws-us-gov" : "aws",
                                                    data.region, data.account, data.resource);
  data.title = _dm_import_str (o, "title");
  for (guint i = 0; i < G_N_ELEMENTS (inspector_resources); i++)
    if (g_strcmp0 (_dm_import_str (resource, "type"), inspector_resources[i].type) == 0)
      data.resource_type = inspector_resources[i].asff_type;

  for (guint i = 0; all && DM_JSON_NODE_HOLDS_ARRAY (all) && i < dm_json_array_get_length (dm_json_node_get_array (all)); i++)
    {
      DmJsonNode *element = dm_json_array_get_element (dm_json_node_get_array (all), i);

      const char *id = DM_JSON_NODE_HOLDS_OBJECT (element) ? _dm_import_str (dm_json_node_get_object (element), "id") : NULL;

      if (id)
        g_ptr_array_add (resources, (gpointer)(instance_arn && g_str_has_suffix (instance_arn, id) ? instance_arn : id));
    }
  g_ptr_array_add (resources, NULL);
  data.resources = (const char * const *)resources->pdata;

  if (package)
    package_evidence (evidence, cve, _dm_import_member (vulnerability, "vulnerablePackages"));
  if (number (o, "inspectorScore") >= 0)
    g_string_append_printf (evidence, _("%sInspector score %.1f"), evidence->len ? "; " : "",
                            number (o, "inspectorScore"));
  if (number (o, "epss.score") >= 0)
    g_string_append_printf (evidence, _("; EPSS %.5f"), number (o, "epss.score"));
  if (g_strcmp0 (_dm_import_str (o, "exploitAvailable"), "YES") == 0)
    g_string_append (evidence, _("; a public exploit exists"));
  if (_dm_import_str (o, "description"))
    g_string_append_printf (evidence, "%s%s", evidence->len ? ". " : "", _dm_import_str (o, "description"));
  data.evidence = evidence->str;

  if (text && g_strcmp0 (text, "None Provided") != 0)
    data.remediation = text;
  else if (package && _dm_import_str (package, "remediation"))
    data.remediation = _dm_import_str (package, "remediation");
  else if (package && _dm_import_str (package, "fixedInVersion"))
    data.remediation = remediation = g_strdup_printf (_("Update %s to %s or later."),
                                                      _dm_import_first_of (_dm_import_str (package, "name"), "?"),
                                                      _dm_import_str (package, "fixedInVersion"));
  if (cve)
    g_strv_builder_add (controls, cve);

  tool.id = _dm_import_first_of (_dm_import_str (package, "packageManager"), _dm_import_str (o, "type"));
  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &tool, "inspector2", controls);
  _dm_import_add_finding (state, &data, controls);
}
