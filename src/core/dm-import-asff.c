/* dm-import-asff.c: AWS Security Hub findings (ASFF), from Security Hub and Prowler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-importer-private.h"

/* What a Security Hub GeneratorId names. */
typedef struct
{
  char       *id;        /* "S3.8", "1.10", "PCI.IAM.1" */
  const char *source;    /* "securityhub", "cis-1.2", "pci" */
  char       *service;   /* for PCI: the service part ("IAM") */
} Generated;

static void
generated_clear (Generated *generated)
{
  g_clear_pointer (&generated->id, g_free);
  g_clear_pointer (&generated->service, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generated, generated_clear)

/* "security-control/S3.8", ".../aws-foundational-security-best-practices/v/1.0.0/S3.8"
 * → Security Hub control S3.8; "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.10"
 * and "cis-aws-foundations-benchmark/v/1.2.0/1.10" → CIS 1.2 rule 1.10 (the
 * standard without consolidated control findings numbers its own rules);
 * "pci-dss/v/3.2.1/PCI.IAM.1" (or "PCI.IAM.1" alone) → PCI.IAM.1 of service
 * IAM; "prowler-x" → nothing. */
static gboolean
control_from_generator (const char *generator,
                        Generated  *out)
{
  const char *slash, *last;

  memset (out, 0, sizeof *out);
  if (generator == NULL || g_str_has_prefix (generator, "prowler-"))
    return FALSE;
  /* A bare "PCI.IAM.1" (ProductFields.ControlId) is read like its generator. */
  slash = strrchr (generator, '/');
  last = slash ? slash + 1 : generator;
  if (*last == '\0')
    return FALSE;

  if ((slash == NULL || strstr (generator, "pci-dss/v/") != NULL) && g_str_has_prefix (last, "PCI."))
    {
      const char *dot = strchr (last + 4, '.');

      out->id = g_strdup (last);
      out->source = "pci";
      out->service = dot ? g_strndup (last + 4, dot - (last + 4)) : NULL;
      return TRUE;
    }
  if (slash == NULL)
    return FALSE;
  if (g_str_has_prefix (generator, "security-control/") ||
      strstr (generator, "aws-foundational-security-best-practices/v/") != NULL)
    {
      out->id = g_strdup (last);
      out->source = "securityhub";
      return TRUE;
    }
  if (strstr (generator, "cis-aws-foundations-benchmark/v/1.2.0/") != NULL)
    {
      out->id = g_strdup (last);
      out->source = "cis-1.2";
      return TRUE;
    }
  return FALSE;
}

/* Security Hub names an account-wide resource "AWS::::Account:ID"; Prowler
 * and Demarc's own checks name it by the account's root ARN, so the same
 * check of the three on one account is one finding. NULL if @id is not
 * such a name. */
static char *
account_as_root (const char *id)
{
  const char *account;

  if (id == NULL || !g_str_has_prefix (id, "AWS::::Account:"))
    return NULL;
  account = id + strlen ("AWS::::Account:");
  if (strlen (account) != 12 || strspn (account, "0123456789") != 12)
    return NULL;
  return g_strdup_printf ("arn:aws:iam::%s:root", account);
}

/* Security Hub's own meaning of its fields: only an active, unsuppressed
 * FAILED control (or a finding without a compliance status, as GuardDuty
 * and Inspector write them) is a problem to fix. Security Hub itself sets
 * a passing control's workflow to RESOLVED, so that one is a pass; a
 * failing one someone marked RESOLVED is closed. */
static DmFindingStatus
asff_status (const char *compliance,
             const char *workflow,
             const char *record_state)
{
  if (g_strcmp0 (record_state, "ARCHIVED") == 0 || g_strcmp0 (workflow, "SUPPRESSED") == 0)
    return DM_FINDING_SUPPRESSED;
  if (g_strcmp0 (compliance, "PASSED") == 0)
    return DM_FINDING_PASSED;
  if (g_strcmp0 (workflow, "RESOLVED") == 0)
    return DM_FINDING_SUPPRESSED;
  if (g_strcmp0 (compliance, "WARNING") == 0 || g_strcmp0 (compliance, "NOT_AVAILABLE") == 0)
    return DM_FINDING_INFORMATIONAL;
  return DM_FINDING_FAILED;
}

/* The finding type a GuardDuty finding carries in ASFF: one of its
 * Types[] ("TTPs/Initial Access/UnauthorizedAccess:IAMUser-…"). */
static const char *
guardduty_type (DmJsonObject *o)
{
  DmJsonNode *node = _dm_import_member (o, "Types");
  DmJsonArray *types;

  if (node == NULL || !DM_JSON_NODE_HOLDS_ARRAY (node))
    return _dm_import_str (o, "Type");
  types = dm_json_node_get_array (node);
  for (guint i = 0; i < dm_json_array_get_length (types); i++)
    {
      DmJsonNode *element = dm_json_array_get_element (types, i);
      g_auto(DmGuardDutyType) parts = { 0 };
      const char *text;

      if (!DM_JSON_NODE_HOLDS_VALUE (element) || dm_json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      text = dm_json_node_get_string (element);
      if (dm_guardduty_type_parse (text, &parts))
        return text;
    }
  return _dm_import_str (o, "Type");
}

/* The package manager of the first vulnerable package an Inspector
 * finding lists. */
static const char *
package_manager (DmJsonObject *o)
{
  DmJsonObject *vulnerability = _dm_import_first_object (o, "Vulnerabilities");

  return _dm_import_str (_dm_import_first_object (vulnerability, "VulnerablePackages"), "PackageManager");
}

/* Whether the finding is of the AWS integration @product ("guardduty",
 * "access-analyzer"): by its product ARN (".../product/aws/guardduty"),
 * its product name (the top-level ProductName, or ProductFields'
 * "aws/securityhub/ProductName" in older findings), or a generator that is
 * an ARN of that service ("arn:aws:guardduty:…", "arn:aws:inspector2:…"). */
static gboolean
product_is (DmJsonObject *o,
            const char   *generator,
            const char   *name,
            const char   *product)
{
  const char *names[] = { _dm_import_str (o, "ProductName"), _dm_import_str (o, "ProductFields.aws/securityhub/ProductName") };
  const char *arn = _dm_import_str (o, "ProductArn");
  g_autofree char *arn_end = g_strconcat ("/product/aws/", product, NULL);
  g_autofree char *service_arn = g_strconcat (":", product, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] && (g_ascii_strcasecmp (names[i], name) == 0 || g_ascii_strcasecmp (names[i], product) == 0))
      return TRUE;
  return (arn && g_str_has_suffix (arn, arn_end)) ||
         (generator && g_str_has_prefix (generator, "arn:") && strstr (generator, service_arn) != NULL);
}

/* The Macie finding type of a Macie finding in ASFF. Security Hub writes
 * Macie's "Policy:IAMUser/S3BucketPublic" as the last part of one of its
 * Types, with the slash made a dash ("Effects/Data Exposure/Policy:IAMUser-
 * S3BucketPublic", "Sensitive Data Identifications/PII/SensitiveData:
 * S3Object-Personal"); some exports carry the type as the GeneratorId. The
 * first that the mapping knows, else the first that reads as a type. */
static char *
macie_type (DmCatalogue  *catalogue,
            DmJsonObject *o,
            const char   *generator)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  DmJsonNode *node = _dm_import_member (o, "Types");

  if (generator && strchr (generator, ':') && !g_str_has_prefix (generator, "arn:"))
    g_ptr_array_add (candidates, g_strdup (generator));
  if (node && DM_JSON_NODE_HOLDS_ARRAY (node))
    {
      DmJsonArray *types = dm_json_node_get_array (node);

      for (guint i = 0; i < dm_json_array_get_length (types); i++)
        {
          DmJsonNode *element = dm_json_array_get_element (types, i);
          const char *text, *last, *colon;
          char *type, *dash;

          if (!DM_JSON_NODE_HOLDS_VALUE (element) || dm_json_node_get_value_type (element) != G_TYPE_STRING)
            continue;
          text = dm_json_node_get_string (element);
          last = strrchr (text, '/') ? strrchr (text, '/') + 1 : text;
          if ((colon = strchr (last, ':')) == NULL || colon == last)
            continue;
          type = g_strdup (last);
          if ((dash = strchr (type + (colon - last), '-')))
            *dash = '/';
          g_ptr_array_add (candidates, type);
        }
    }
  for (guint i = 0; i < candidates->len; i++)
    if (dm_catalogue_lookup (catalogue, "macie", candidates->pdata[i]))
      return g_strdup (candidates->pdata[i]);
  return candidates->len ? g_strdup (candidates->pdata[0]) : NULL;
}

/* Every member _dm_import_asff reads, for the reader's projection: what no
 * one reads (ProductFields' other fields, FindingProviderFields, resource
 * details, dates) is never built. test-import checks that a projected
 * read gives the same findings as a whole one. */
const char * const _dm_import_asff_reads[] = {
  "AwsAccountId", "Compliance.RelatedRequirements", "Compliance.SecurityControlId", "Compliance.Status", "Description", "GeneratorId", "Id",
  "ProductArn", "ProductFields.ControlId", "ProductFields.ProviderName", "ProductFields.ProviderVersion",
  "ProductFields.RuleName", "ProductFields.aws/securityhub/ProductName",
  "ProductFields.aws/config/ConfigRuleName", "ProductName", "RecordState", "Region",
  "Remediation.Recommendation.Text", "Resources.Id", "Resources.Region", "Resources.Type", "Severity.Label",
  "Severity.Normalized", "Title", "Type", "Types", "UpdatedAt", "Vulnerabilities.VulnerablePackages.PackageManager",
  "Workflow.Status", "WorkflowState", NULL
};

gboolean
_dm_import_asff_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "SchemaVersion") ||
         (dm_json_object_has_member (o, "ProductArn") && dm_json_object_has_member (o, "GeneratorId"));
}

void
_dm_import_asff (DmImportFile *state,
                 DmJsonObject *o,
                 guint64       index)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_auto(Generated) generated = { 0 };
  const char *status = _dm_import_str (o, "Compliance.Status");
  const char *workflow = _dm_import_first_of (_dm_import_str (o, "Workflow.Status"),
                                              _dm_import_str (o, "WorkflowState"));
  const char *generator = _dm_import_str (o, "GeneratorId");
  g_autofree char *control_service = NULL;
  g_autofree char *macie = NULL;
  const char *prowler_check = NULL;
  gboolean access_analyzer = FALSE;
  const char *control;
  ToolId tool = { 0 };
  DmJsonObject *resource = _dm_import_first_object (o, "Resources");
  DmFindingData data = { 0 };

  data.status = asff_status (status, workflow, _dm_import_str (o, "RecordState"));
  data.severity = _dm_import_severity_of (_dm_import_str (o, "Severity.Label"),
                                          _dm_import_integer (o, "Severity.Normalized", -1));
  data.id = _dm_import_str (o, "Id");
  data.source_item = index;
  data.account = _dm_import_str (o, "AwsAccountId");
  data.region = _dm_import_first_of (_dm_import_str (resource, "Region"), _dm_import_str (o, "Region"));
  data.resource = _dm_import_str (resource, "Id");
  resources = _dm_import_all_resources (o, "Resources", "Id", NULL);
  for (guint i = 0; i + 1 < resources->len; i++)
    {
      char *root = account_as_root (g_ptr_array_index (resources, i));

      if (root == NULL)
        continue;
      if (g_strcmp0 (data.resource, g_ptr_array_index (resources, i)) == 0)
        data.resource = root;
      g_ptr_array_index (resources, i) = root;
      g_ptr_array_add (owned, root);
    }
  data.resources = (const char * const *)resources->pdata;
  data.resource_type = _dm_import_str (resource, "Type");
  data.title = _dm_import_str (o, "Title");
  data.evidence = _dm_import_str (o, "Description");
  data.remediation = _dm_import_str (o, "Remediation.Recommendation.Text");
  _dm_import_note_time (state, _dm_import_str (o, "UpdatedAt"));
  _dm_import_note_version (state, _dm_import_str (o, "ProductFields.ProviderVersion"));

  if (g_strcmp0 (_dm_import_str (o, "ProductFields.ProviderName"), "Prowler") == 0 ||
      (generator && g_str_has_prefix (generator, "prowler-")))
    {
      data.tool = "Prowler";
      state->variant = TRUE;
      if (generator && g_str_has_prefix (generator, "prowler-"))
        prowler_check = generator + strlen ("prowler-");
    }
  else
    data.tool = _dm_import_first_of (_dm_import_str (o, "ProductName"), "Security Hub");

  control_from_generator (generator, &generated);
  control = _dm_import_str (o, "Compliance.SecurityControlId");
  if (control == NULL && generated.source == NULL &&
      g_str_has_prefix (_dm_import_str (o, "ProductFields.ControlId") ? _dm_import_str (o, "ProductFields.ControlId")
                                                                      : "", "PCI."))
    control_from_generator (_dm_import_str (o, "ProductFields.ControlId"), &generated);
  if (control == NULL && generated.source != NULL && !g_str_equal (generated.source, "securityhub"))
    {
      /* One id, the standard with its rule, as compliance ids are said
       * elsewhere ("CIS 3.0 2.2.1"): a bare "4.1" names nothing. */
      g_autofree char *rule = g_strdup_printf ("%s %s", g_str_equal (generated.source, "cis-1.2") ? "CIS 1.2"
                                                                                                 : "PCI DSS 3.2.1",
                                               generated.id);

      /* An older standard's own rule number: CIS 1.2 by its table, PCI by
       * the service it names. */
      tool.source = generated.source;
      tool.id = generated.id;
      tool.service = generated.service;
      g_strv_builder_add (controls, rule);
    }
  else if (control == NULL)
    control = _dm_import_first_of (_dm_import_str (o, "ProductFields.ControlId"), generated.id);

  if (control != NULL)
    {
      /* A control the mapping does not know still names its service, the
       * last thing to go by. */
      const char *dot = strchr (control, '.');

      control_service = dot ? g_strndup (control, dot - control) : NULL;
    }
  else if (tool.source == NULL && product_is (o, generator, "GuardDuty", "guardduty"))
    {
      /* By the type's resource: an IAMUser finding is IAM's even when it
       * names the instance the credentials were taken from. */
      tool.source = "guardduty";
      tool.id = guardduty_type (o);
    }
  else if (tool.source == NULL && product_is (o, generator, "IAM Access Analyzer", "access-analyzer"))
    {
      /* As dm-import-access-analyzer.c places them: the resource's
       * service by its type, on its IAM layer, whatever the finding type
       * (external, public or unused access are all about who may use it). */
      access_analyzer = TRUE;
    }
  else if (tool.source == NULL && product_is (o, generator, "Macie", "macie"))
    {
      /* By the Macie type, as dm-import-macie.c reads the native finding. */
      tool.source = "macie";
      tool.id = macie = macie_type (state->self->catalogue, o, generator);
    }
  else if (tool.source == NULL && (product_is (o, generator, "Inspector", "inspector") || package_manager (o)))
    {
      tool.source = "inspector";
      tool.id = package_manager (o);
    }
  else if (tool.source == NULL && product_is (o, generator, "Config", "config"))
    {
      tool.source = "config";
      tool.id = _dm_import_first_of (_dm_import_str (o, "ProductFields.aws/config/ConfigRuleName"),
                                     _dm_import_str (o, "ProductFields.RuleName"));
    }

  _dm_import_map_finding_by_id (state, &data, control, prowler_check, &tool,
                                access_analyzer ? "accessanalyzer" : control_service, controls);
  if (access_analyzer && data.service)
    data.layer = "iam";
  _dm_import_compliance_list (ids, _dm_import_member (o, "Compliance.RelatedRequirements"));
  _dm_import_compliance_join (&controls, ids);
  _dm_import_add_finding (state, &data, controls);
}
