/* dm-import-config.c: AWS Config: configuration items, rule evaluations, rule and resource summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

/* Every member _dm_import_config_item reads, for the reader's projection:
 * the checks get configuration and supplementaryConfiguration whole;
 * relationships, tags, related events and the like are never built. */
const char * const _dm_import_config_item_reads[] = {
  "configurationItemStatus", "resourceType", "resourceId", "resourceName", "configuration",
  "supplementaryConfiguration", "awsRegion", "accountId", "awsAccountId", "configurationItemCaptureTime", "arn",
  "ARN", NULL
};

gboolean
_dm_import_config_item_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "resourceType") &&
         (dm_json_object_has_member (o, "configuration") || dm_json_object_has_member (o, "configurationItemStatus"));
}

void
_dm_import_config_item (DmImportFile *state,
                        DmJsonObject *o,
                        guint64       index)
{
  const char *status = _dm_import_str (o, "configurationItemStatus");
  const char *type = _dm_import_str (o, "resourceType");
  const char *id = _dm_import_first_of (_dm_import_str (o, "resourceId"), _dm_import_str (o, "resourceName"));
  g_autoptr(DmJsonDoc) configuration_doc = NULL;
  DmJsonNode *configuration = NULL;
  DmJsonObject *supplementary = _dm_import_obj (o, "supplementaryConfiguration");
  DmJsonObject *config;
  DmCheckContext context;
  gboolean known;

  if (status && (g_str_has_prefix (status, "ResourceDeleted") || g_str_equal (status, "ResourceNotRecorded")))
    {
      _dm_import_skip (state, _("deleted or not recorded resource"));
      return;
    }

  /* "configuration" is an object in delivered files, a JSON string in
   * API responses. */
  configuration = dm_check_parse_embedded (_dm_import_member (o, "configuration"), &configuration_doc);
  if (configuration == NULL || !DM_JSON_NODE_HOLDS_OBJECT (configuration))
    {
      _dm_import_skip (state, _("configuration missing or unreadable"));
      return;
    }
  config = dm_json_node_get_object (configuration);

  _dm_import_init_context (state, &context, index);
  _dm_import_note_time (state, _dm_import_str (o, "configurationItemCaptureTime"));
  context.region = _dm_import_first_of (_dm_import_str (o, "awsRegion"), context.region);
  context.account = _dm_import_first_of (_dm_import_first_of (_dm_import_str (o, "accountId"),
                                                              _dm_import_str (o, "awsAccountId")),
                                         context.account);

  /* The item's ARN names the resource as the other tools do (the API
   * writes "arn", delivered snapshots and histories "ARN"). */
  context.item_arn = _dm_import_first_of (_dm_import_str (o, "arn"), _dm_import_str (o, "ARN"));
  if (!dm_check_arn_is_valid (context.item_arn))
    context.item_arn = NULL;
  /* Some types' resourceId is the ARN (ECS services). */
  if (context.item_arn == NULL && dm_check_arn_is_valid (id))
    context.item_arn = id;
  context.item_id = _dm_import_str (o, "resourceId");
  context.item_name = _dm_import_str (o, "resourceName");

  known = dm_checks_config (&context, type, id, config, supplementary);

  if (!known)
    _dm_import_skip (state, _(NOT_YET_EVALUATED));
  else if (context.emitted == 0)
    _dm_import_skip (state, _("nothing to evaluate (stopped, detached or incomplete resource)"));
}

gboolean
_dm_import_config_evaluation_detect (DmJsonObject *o)
{
  return _dm_import_obj (o, "EvaluationResultIdentifier") && dm_json_object_has_member (o, "ComplianceType");
}

void
_dm_import_config_evaluation (DmImportFile *state,
                              DmJsonObject *o,
                              guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  const char *compliance = _dm_import_str (o, "ComplianceType");
  const char *rule = _dm_import_str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName");
  DmFindingData data = { 0 };

  if (g_strcmp0 (compliance, "COMPLIANT") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (compliance, "NON_COMPLIANT") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (compliance, "NOT_APPLICABLE") == 0 || g_strcmp0 (compliance, "INSUFFICIENT_DATA") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      _dm_import_skip (state, _("no compliance result"));
      return;
    }

  data.resource = _dm_import_str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId");
  data.resource_type = _dm_import_str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ResourceType");
  /* An aggregator's results name their account and region. */
  data.account = _dm_import_str (o, "AccountId");
  data.region = _dm_import_str (o, "AwsRegion");
  id = data.account ? g_strdup_printf ("%s/%s/%s", data.account, _dm_import_first_of (rule, "rule"),
                                       _dm_import_first_of (data.resource, "resource"))
                    : g_strdup_printf ("%s/%s", _dm_import_first_of (rule, "rule"),
                                       _dm_import_first_of (data.resource, "resource"));
  data.tool = "AWS Config";
  _dm_import_note_time (state, _dm_import_str (o, "ResultRecordedTime"));
  data.id = id;
  data.source_item = index;
  data.severity = DM_SEVERITY_UNKNOWN;
  data.title = rule;
  data.evidence = _dm_import_str (o, "Annotation");

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "config", rule, NULL }, NULL, controls);
  _dm_import_add_finding (state, &data, controls);
}

static gboolean
config_status (const char      *compliance,
               DmFindingStatus *status)
{
  if (g_strcmp0 (compliance, "COMPLIANT") == 0)
    *status = DM_FINDING_PASSED;
  else if (g_strcmp0 (compliance, "NON_COMPLIANT") == 0)
    *status = DM_FINDING_FAILED;
  else if (g_strcmp0 (compliance, "NOT_APPLICABLE") == 0 || g_strcmp0 (compliance, "INSUFFICIENT_DATA") == 0)
    *status = DM_FINDING_INFORMATIONAL;
  else
    return FALSE;
  return TRUE;
}

/* Config's count of what does not comply (resources of a rule, rules of
 * a resource), and whether it capped it; FALSE when it gives none. */
static gboolean
contributor_count (DmJsonObject *o,
                   gint64       *n,
                   gboolean     *capped)
{
  *n = _dm_import_integer (o, "Compliance.ComplianceContributorCount.CappedCount", -1);
  *capped = FALSE;
  dm_check_boolean (_dm_import_obj (_dm_import_obj (o, "Compliance"), "ComplianceContributorCount"), "CapExceeded",
                    capped);
  return *n >= 0;
}

/* "N", or "more than N" when Config capped the count. */
static char *
contributors (DmJsonObject *o)
{
  gint64 n;
  gboolean capped;

  if (!contributor_count (o, &n, &capped))
    return NULL;
  return capped ? g_strdup_printf (_("more than %" PRId64), n) : g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

gboolean
_dm_import_config_rule_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "ConfigRuleName") &&
         (_dm_import_str (o, "Compliance.ComplianceType") || dm_json_object_has_member (o, "ComplianceType"));
}

/* describe-compliance-by-config-rule and a conformance pack's compliance:
 * one result per rule, without the resources (get-compliance-details-by-
 * config-rule lists those). */
void
_dm_import_config_rule (DmImportFile *state,
                        DmJsonObject *o,
                        guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *count = contributors (o);
  g_autofree char *evidence = NULL;
  const char *rule = _dm_import_str (o, "ConfigRuleName");
  gint64 n;
  gboolean capped;
  DmFindingData data = { 0 };

  if (!config_status (_dm_import_first_of (_dm_import_str (o, "Compliance.ComplianceType"),
                                           _dm_import_str (o, "ComplianceType")), &data.status))
    {
      _dm_import_skip (state, _("no compliance result"));
      return;
    }
  data.account = _dm_import_str (o, "AccountId");
  data.region = _dm_import_str (o, "AwsRegion");
  id = g_strdup_printf ("config-rule/%s/%s%s%s", _dm_import_first_of (state->conformance_pack, ""), rule,
                        data.account ? "/" : "", _dm_import_first_of (data.account, ""));
  data.tool = "AWS Config";
  data.id = id;
  data.source_item = index;
  data.severity = DM_SEVERITY_UNKNOWN;
  data.title = rule;
  if (data.status == DM_FINDING_FAILED && count)
    evidence = g_strdup_printf (_("%s resources do not comply; this summary does not name them."), count);
  else
    evidence = g_strdup (_("The rule's result for the whole account; this summary names no resource."));
  data.evidence = evidence;
  /* The finding stands for that many resources, none named: the lists say
   * "3 resources, counted but not named", not "1 resource". */
  if (data.status == DM_FINDING_FAILED && contributor_count (o, &n, &capped) && n > 0)
    {
      data.unnamed_resources = (guint)MIN (n, (gint64)G_MAXINT32);
      data.unnamed_capped = capped;
    }
  data.resource = state->conformance_pack;

  _dm_import_map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "config", rule, NULL }, NULL, controls);
  _dm_import_add_finding (state, &data, controls);
}

gboolean
_dm_import_config_resource_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "ResourceId") && dm_json_object_has_member (o, "ResourceType") &&
         _dm_import_str (o, "Compliance.ComplianceType");
}

/* describe-compliance-by-resource: one result per resource, all its rules
 * together, none named. A NON_COMPLIANT resource has failed some rule,
 * but which duty failed is unknown: a failed finding of no check on the
 * resource, placed as any finding that names only a resource is (by its
 * type: a security group's rules are all about its network), its evidence
 * saying only that.
 * COMPLIANT names no rule either, so it shows no duty as met: it is
 * informational, never a pass that would turn a layer green. */
void
_dm_import_config_resource (DmImportFile *state,
                            DmJsonObject *o,
                            guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *count = contributors (o);
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  const char *compliance = _dm_import_str (o, "Compliance.ComplianceType");
  DmFindingData data = { 0 };

  if (!config_status (compliance, &data.status))
    {
      _dm_import_skip (state, _("no compliance result"));
      return;
    }
  if (data.status == DM_FINDING_PASSED)
    data.status = DM_FINDING_INFORMATIONAL;
  data.resource = _dm_import_str (o, "ResourceId");
  data.resource_type = _dm_import_str (o, "ResourceType");
  id = g_strdup_printf ("config-resource/%s/%s", _dm_import_first_of (data.resource_type, ""),
                        _dm_import_first_of (data.resource, ""));
  data.tool = "AWS Config";
  data.id = id;
  data.source_item = index;
  data.severity = DM_SEVERITY_UNKNOWN;
  if (data.status == DM_FINDING_FAILED)
    {
      title = count ? g_strdup_printf (_("The resource does not comply with %s AWS Config rules"), count)
                    : g_strdup (_("The resource does not comply with its AWS Config rules"));
      evidence = g_strdup (_("AWS Config's summary for this resource names none of the rules it fails, so "
                             "which control failed is not known; it is shown on the layer its resource type concerns most. "
                             "get-compliance-details-by-resource names the rules."));
    }
  else if (g_strcmp0 (compliance, "COMPLIANT") == 0)
    {
      title = g_strdup (_("The resource complies with the AWS Config rules that evaluate it"));
      evidence = g_strdup (_("AWS Config's summary names none of the rules, so it shows no control as met "
                             "and is not counted as a pass."));
    }
  else
    {
      title = g_strdup (_("The resource's AWS Config rules"));
      evidence = g_strdup_printf (_("AWS Config's summary for this resource: %s"), compliance);
    }
  data.title = title;
  data.evidence = evidence;

  _dm_import_map_finding (state, &data, NULL, NULL, NULL, controls);
  _dm_import_add_finding (state, &data, controls);
}
