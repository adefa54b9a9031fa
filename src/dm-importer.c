/* dm-importer.c
 *
 * The format is told from the content, item by item, never from the file
 * name. Each item becomes a compact DmFinding or a counted skip with its
 * reason; nothing is dropped silently. This version maps findings of
 * Security Hub (ASFF) and Prowler (JSON-OCSF v3/v4/v5, JSON-ASFF, v3 JSON,
 * v2 NDJSON) and AWS Config rule evaluations, and runs Demarc's own checks
 * (dm-checks-*.c) on AWS Config items and AWS CLI outputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "dm-checks.h"
#include "dm-csv.h"
#include "dm-importer.h"
#include "dm-json-reader.h"

#include <yajl/yajl_parse.h>

struct _DmImporter
{
  GObject      parent_instance;

  DmCatalogue *catalogue;
  GListStore  *findings;
  GPtrArray   *inputs;   /* DmImportInput */
  GHashTable  *seen;     /* finding keys, so each finding is kept once */
  GHashTable  *reported; /* check + resource -> DmFinding, to join tools' reports */
  GHashTable  *folders;  /* "device:inode" of folders walked */
  GHashTable  *accounts; /* account folder path -> its account id, "" if none */
  guint        n_read;   /* inputs read (wholly or in part), for empty walks */

  DmImportProgressFunc progress;
  gpointer             progress_data;
  DmImportProgress     where;
};

G_DEFINE_FINAL_TYPE (DmImporter, dm_importer, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-import-error-quark, dm_import_error)

#define NOT_YET_EVALUATED N_("no Demarc check reads this yet")

static void
free_reason (gpointer data)
{
  DmSkipReason *reason = data;

  g_free (reason->reason);
  g_free (reason);
}

static void
free_input (gpointer data)
{
  DmImportInput *input = data;

  g_free (input->path);
  g_free (input->format);
  g_ptr_array_unref (input->reasons);
  g_free (input);
}

static void
dm_importer_finalize (GObject *object)
{
  DmImporter *self = (DmImporter *)object;

  g_clear_object (&self->catalogue);
  g_clear_object (&self->findings);
  g_ptr_array_unref (self->inputs);
  g_hash_table_unref (self->seen);
  g_hash_table_unref (self->reported);
  g_hash_table_unref (self->folders);
  g_hash_table_unref (self->accounts);

  G_OBJECT_CLASS (dm_importer_parent_class)->finalize (object);
}

static void
dm_importer_class_init (DmImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_importer_finalize;
}

static void
dm_importer_init (DmImporter *self)
{
  self->findings = g_list_store_new (DM_TYPE_FINDING);
  self->inputs = g_ptr_array_new_with_free_func (free_input);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

DmImporter *
dm_importer_new (DmCatalogue *catalogue)
{
  DmImporter *self;

  g_return_val_if_fail (DM_IS_CATALOGUE (catalogue), NULL);

  self = g_object_new (DM_TYPE_IMPORTER, NULL);
  self->catalogue = g_object_ref (catalogue);
  return self;
}

/* --- reading JSON safely ----------------------------------------------- */

static JsonNode *
member (JsonObject *o,
        const char *path)
{
  g_auto(GStrv) parts = NULL;
  JsonNode *node = NULL;

  if (o == NULL)
    return NULL;

  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i]; i++)
    {
      node = json_object_get_member (o, parts[i]);
      if (node == NULL)
        return NULL;
      if (parts[i + 1] != NULL)
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          o = json_node_get_object (node);
        }
    }
  return node;
}

/* A string member; numbers are not coerced (ids like account numbers come
 * as strings in every format read here). */
static const char *
str (JsonObject *o,
     const char *path)
{
  JsonNode *node = member (o, path);

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static JsonObject *
obj (JsonObject *o,
     const char *path)
{
  JsonNode *node = member (o, path);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
first_object (JsonObject *o,
              const char *path)
{
  JsonNode *node = member (o, path);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
    return NULL;
  return json_array_get_object_element (array, 0);
}

static gint64
integer (JsonObject *o,
         const char *path,
         gint64      fallback)
{
  JsonNode *node = member (o, path);
  gint64 value;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      dm_check_double_to_integer (json_node_get_double (node), &value))
    return value;
  return fallback;
}

static const char *
first_of (const char *a,
          const char *b)
{
  return a && *a ? a : b;
}

/* --- one file ---------------------------------------------------------- */

typedef enum
{
  KIND_UNKNOWN,
  KIND_ASFF,
  KIND_PROWLER_OCSF,
  KIND_PROWLER_V3,
  KIND_PROWLER_V2,
  KIND_CONFIG_ITEM,
  KIND_CONFIG_EVALUATION,
  KIND_BUNDLE_CALL,
  KIND_GUARDDUTY,
  KIND_INSPECTOR,
  KIND_ACCESS_ANALYZER,
  KIND_CLOUDSPLOIT,
  KIND_TRUSTED_ADVISOR,
  KIND_CONFIG_RULE,
  KIND_CONFIG_RESOURCE,
  KIND_MACIE,
} Kind;

static const char *kind_formats[] = {
  "unknown", "asff", "prowler-ocsf", "prowler-json", "prowler-ndjson", "config-snapshot", "config-compliance",
  "demarc-bundle", "guardduty", "inspector2", "access-analyzer", "cloudsploit", "trusted-advisor",
  "config-rule-compliance", "config-resource-compliance", "macie",
};

typedef struct
{
  DmImporter    *self;
  DmImportInput *input;
  char          *basename;
  char          *path_account;   /* from a CloudMapper-style path */
  char          *path_region;
  GHashTable    *reasons;     /* reason -> DmSkipReason, borrowed from input */
  const char    *trusted_advisor_check;  /* the check whose flagged resources are read */
  const char    *conformance_pack;       /* the pack whose rules are read */
  guint          kinds[G_N_ELEMENTS (kind_formats)];
  gboolean       prowler_asff;
  char          *call;           /* CloudMapper's <call>/ folder the file is in */
  char          *resource_name;  /* the resource its file name names, decoded */
  GFile         *account_dir;    /* whose account path_account is, worked out when first needed */
} FileState;

static void
skip (FileState  *state,
      const char *reason)
{
  DmSkipReason *entry = g_hash_table_lookup (state->reasons, reason);

  if (entry == NULL)
    {
      entry = g_new0 (DmSkipReason, 1);
      entry->reason = g_strdup (reason);
      g_ptr_array_add (state->input->reasons, entry);
      g_hash_table_insert (state->reasons, entry->reason, entry);
    }
  entry->count++;
  state->input->skipped++;
}

static Kind
classify (JsonObject *o)
{
  if (o == NULL)
    return KIND_UNKNOWN;
  /* GuardDuty's own findings have a SchemaVersion too ("2.0"), but none of
   * ASFF's product fields. */
  if (json_object_has_member (o, "Type") && obj (o, "Service") && obj (o, "Resource") &&
      json_object_has_member (o, "AccountId") && !json_object_has_member (o, "ProductArn"))
    return KIND_GUARDDUTY;
  if (json_object_has_member (o, "findingArn") && json_object_has_member (o, "awsAccountId"))
    return KIND_INSPECTOR;
  if (obj (o, "resourcesAffected") && json_object_has_member (o, "type") && obj (o, "severity") &&
      json_object_has_member (o, "accountId"))
    return KIND_MACIE;
  if (json_object_has_member (o, "resourceOwnerAccount") && json_object_has_member (o, "resourceType") &&
      json_object_has_member (o, "status"))
    return KIND_ACCESS_ANALYZER;
  if (json_object_has_member (o, "plugin") && json_object_has_member (o, "category") &&
      json_object_has_member (o, "status"))
    return KIND_CLOUDSPLOIT;
  if ((json_object_has_member (o, "recommendationArn") && json_object_has_member (o, "status")) ||
      (json_object_has_member (o, "isSuppressed") && json_object_has_member (o, "resourceId")))
    return KIND_TRUSTED_ADVISOR;
  if (json_object_has_member (o, "SchemaVersion") ||
      (json_object_has_member (o, "ProductArn") && json_object_has_member (o, "GeneratorId")))
    return KIND_ASFF;
  if (json_object_has_member (o, "finding_info") ||
      (obj (o, "finding") && obj (o, "metadata")))
    return KIND_PROWLER_OCSF;
  if (json_object_has_member (o, "CheckID") && json_object_has_member (o, "Status"))
    return KIND_PROWLER_V3;
  if (json_object_has_member (o, "Control ID") || (json_object_has_member (o, "Control") && json_object_has_member (o, "Account Number")))
    return KIND_PROWLER_V2;
  if (json_object_has_member (o, "resourceType") &&
      (json_object_has_member (o, "configuration") || json_object_has_member (o, "configurationItemStatus")))
    return KIND_CONFIG_ITEM;
  if (obj (o, "EvaluationResultIdentifier") && json_object_has_member (o, "ComplianceType"))
    return KIND_CONFIG_EVALUATION;
  if (json_object_has_member (o, "ConfigRuleName") &&
      (str (o, "Compliance.ComplianceType") || json_object_has_member (o, "ComplianceType")))
    return KIND_CONFIG_RULE;
  if (json_object_has_member (o, "ResourceId") && json_object_has_member (o, "ResourceType") &&
      str (o, "Compliance.ComplianceType"))
    return KIND_CONFIG_RESOURCE;
  if (json_object_has_member (o, "operation") && json_object_has_member (o, "service") &&
      (json_object_has_member (o, "output") || json_object_has_member (o, "error")))
    return KIND_BUNDLE_CALL;
  return KIND_UNKNOWN;
}

/* A finding's id in its tool's own terms, for the mapping. */
typedef struct
{
  const char *source;    /* "scoutsuite", "config", "guardduty", "inspector", "cis-1.2", "pci"… */
  const char *id;        /* the rule, type, package manager… (nullable) */
  const char *service;   /* the service the id names (PCI.IAM.1 → "IAM"), or NULL */
} ToolId;

/* Fills service, layer, check, remediation and controls: by Demarc's own
 * check (control id, then Prowler id), then through the mapping by the
 * tool's id (@tool; else the control as a Security Hub control, the
 * Prowler check), then by the service the id names, the resource type, the
 * service name. The tool's own title stays the finding's; Demarc's
 * remediation is used where Demarc writes one. */
static void
map_finding_by_id (FileState     *state,
                   DmFindingData *data,
                   const char    *control,
                   const char    *prowler_check,
                   const ToolId  *tool,
                   const char    *service_name,
                   GStrvBuilder  *controls)
{
  DmCatalogue *catalogue = state->self->catalogue;
  const DmCheck *check = NULL;
  const DmMapping *mapped = NULL;
  const char *service = NULL, *layer = NULL;

  if (control)
    check = dm_catalogue_find_by_control (catalogue, control);
  if (check == NULL && prowler_check)
    check = dm_catalogue_find_by_prowler (catalogue, prowler_check);

  if (check != NULL)
    {
      data->check = check->id;
      data->service = check->service;
      data->layer = check->layer;
      data->remediation = first_of (check->remediation, data->remediation);
      if (data->severity == DM_SEVERITY_UNKNOWN)
        data->severity = check->severity;
      g_strv_builder_addv (controls, (const char **)check->controls);
      for (guint i = 0; check->cis[i]; i++)
        {
          g_autofree char *cis = g_strdup_printf ("CIS 3.0 %s", check->cis[i]);
          g_strv_builder_add (controls, cis);
        }
      return;
    }

  if (control)
    g_strv_builder_add (controls, control);

  if (tool && tool->source)
    mapped = dm_catalogue_map_id (catalogue, tool->source, tool->id, data->resource_type);
  if (mapped == NULL && control)
    mapped = dm_catalogue_lookup (catalogue, "securityhub", control);
  if (mapped == NULL && prowler_check)
    mapped = dm_catalogue_lookup (catalogue, "prowler", prowler_check);

  if (mapped != NULL)
    {
      data->service = mapped->service;
      data->layer = mapped->layer;
      if (data->severity == DM_SEVERITY_UNKNOWN)
        data->severity = mapped->severity;
      return;
    }

  /* An id that names its service (PCI.IAM.1 on an AwsAccount resource is
   * IAM's) says more than the resource type. */
  if (((tool && (service = dm_catalogue_resolve_service (catalogue, tool->service))) &&
       (layer = dm_catalogue_get_service_layer (catalogue, service))) ||
      dm_catalogue_map_resource_type (catalogue, data->resource_type, &service, &layer) ||
      ((service = dm_catalogue_resolve_service (catalogue, service_name)) &&
       (layer = dm_catalogue_get_service_layer (catalogue, service))))
    {
      data->service = service;
      data->layer = layer;
    }
}

/* The form callers that know no tool id use. */
static void
map_finding (FileState     *state,
             DmFindingData *data,
             const char    *control,
             const char    *prowler_check,
             const char    *service_name,
             GStrvBuilder  *controls)
{
  map_finding_by_id (state, data, control, prowler_check, NULL, service_name, controls);
}

/* The same finding reached twice (the file given twice, a folder reached
 * through a link, one root finding in two CloudMapper files) is one
 * finding. The tool's own id alone is not trusted to tell findings apart
 * (Prowler's examples give every finding the same placeholder uid): what
 * the finding says of which resource is part of the key. */
static char *
finding_key (const DmFindingData *data)
{
  if (data->id == NULL)
    return NULL;
#define OR_EMPTY(s) ((s) ? (s) : "")
  return g_strjoin ("\x1f", OR_EMPTY (data->tool), OR_EMPTY (data->account), OR_EMPTY (data->region), data->id,
                    OR_EMPTY (data->check), OR_EMPTY (data->resource), OR_EMPTY (data->title), NULL);
#undef OR_EMPTY
}

/* The same check on the same resource, reported by several tools or files
 * (Security Hub, Prowler's ASFF and its OCSF), is one finding that lists
 * each report. The check is Demarc's, else the Security Hub control; a
 * finding with neither, or without a resource, is only ever the same as
 * itself. A pass and a fail are kept apart; so are two reports in one file,
 * which the tool itself told apart. */
static char *
report_key (const DmFindingData *data)
{
  const char *check = data->check;

  if (check == NULL && data->controls && data->controls[0])
    check = data->controls[0];
  if (check == NULL || data->resource == NULL || *data->resource == '\0')
    return NULL;
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d", check, data->account ? data->account : "", data->resource,
                          (int)data->status);
}

static void
add_finding (FileState     *state,
             DmFindingData *data,
             GStrvBuilder  *controls)
{
  g_auto(GStrv) list = g_strv_builder_end (controls);
  g_autoptr(DmFinding) finding = NULL;
  DmFinding *reported;
  char *key = finding_key (data);
  char *joined;

  if (key != NULL && !g_hash_table_add (state->self->seen, key))
    {
      state->input->duplicates++;
      return;
    }

  data->controls = (const char * const *)list;
  data->source = state->input->path;
  joined = report_key (data);
  if (joined && (reported = g_hash_table_lookup (state->self->reported, joined)) &&
      g_strcmp0 (dm_finding_get_source (reported), state->input->path) != 0)
    {
      dm_finding_add_origin (reported, data);
      state->input->duplicates++;
      g_free (joined);
      return;
    }

  finding = dm_finding_new (data);
  g_list_store_append (state->self->findings, finding);
  if (joined && !g_hash_table_contains (state->self->reported, joined))
    g_hash_table_insert (state->self->reported, g_steal_pointer (&joined), finding);
  g_free (joined);
  state->input->by_status[data->status]++;
}

static DmSeverity
severity_of (const char *label,
             gint64      normalized)
{
  DmSeverity severity;

  if (dm_severity_from_string (label, &severity))
    return severity;

  /* ASFF's 0–100 scale, as Security Hub bands it. */
  if (normalized >= 90) return DM_SEVERITY_CRITICAL;
  if (normalized >= 70) return DM_SEVERITY_HIGH;
  if (normalized >= 40) return DM_SEVERITY_MEDIUM;
  if (normalized >= 1) return DM_SEVERITY_LOW;
  if (normalized == 0) return DM_SEVERITY_INFORMATIONAL;
  return DM_SEVERITY_UNKNOWN;
}

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
guardduty_type (JsonObject *o)
{
  JsonNode *node = member (o, "Types");
  JsonArray *types;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return str (o, "Type");
  types = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonNode *element = json_array_get_element (types, i);
      g_auto(DmGuardDutyType) parts = { 0 };
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (element);
      if (dm_guardduty_type_parse (text, &parts))
        return text;
    }
  return str (o, "Type");
}

/* The package manager of the first vulnerable package an Inspector
 * finding lists. */
static const char *
package_manager (JsonObject *o)
{
  JsonObject *vulnerability = first_object (o, "Vulnerabilities");

  return str (first_object (vulnerability, "VulnerablePackages"), "PackageManager");
}

static gboolean
product_is (JsonObject *o,
            const char *generator,
            const char *name,
            const char *arn_part)
{
  const char *product = str (o, "ProductName");
  const char *arn = str (o, "ProductArn");

  return (product && g_ascii_strcasecmp (product, name) == 0) ||
         (arn && strstr (arn, arn_part) != NULL) ||
         (generator && strstr (generator, arn_part) != NULL);
}

/* Every resource a finding names (ASFF Resources[].Id, OCSF resources[]
 * .uid or .name), borrowed from @o; NULL-terminated, for data.resources. */
static GPtrArray *
all_resources (JsonObject *o,
               const char *path,
               const char *id,
               const char *fallback)
{
  GPtrArray *resources = g_ptr_array_new ();
  JsonNode *node = member (o, path);

  for (guint i = 0; node && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *named;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      named = first_of (str (json_node_get_object (element), id),
                        fallback ? str (json_node_get_object (element), fallback) : NULL);
      if (named)
        g_ptr_array_add (resources, (gpointer)named);
    }
  g_ptr_array_add (resources, NULL);
  return resources;
}

static void
import_asff (FileState  *state,
             JsonObject *o,
             guint64     index)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_auto(Generated) generated = { 0 };
  const char *status = str (o, "Compliance.Status");
  const char *workflow = first_of (str (o, "Workflow.Status"), str (o, "WorkflowState"));
  const char *generator = str (o, "GeneratorId");
  g_autofree char *control_service = NULL;
  const char *prowler_check = NULL;
  const char *control;
  ToolId tool = { 0 };
  JsonObject *resource = first_object (o, "Resources");
  DmFindingData data = { 0 };

  data.status = asff_status (status, workflow, str (o, "RecordState"));
  data.severity = severity_of (str (o, "Severity.Label"), integer (o, "Severity.Normalized", -1));
  data.id = str (o, "Id");
  data.source_item = index;
  data.account = str (o, "AwsAccountId");
  data.region = first_of (str (resource, "Region"), str (o, "Region"));
  data.resource = str (resource, "Id");
  resources = all_resources (o, "Resources", "Id", NULL);
  data.resources = (const char * const *)resources->pdata;
  data.resource_type = str (resource, "Type");
  data.title = str (o, "Title");
  data.evidence = str (o, "Description");
  data.remediation = str (o, "Remediation.Recommendation.Text");

  if (g_strcmp0 (str (o, "ProductFields.ProviderName"), "Prowler") == 0 ||
      (generator && g_str_has_prefix (generator, "prowler-")))
    {
      data.tool = "Prowler";
      state->prowler_asff = TRUE;
      if (generator && g_str_has_prefix (generator, "prowler-"))
        prowler_check = generator + strlen ("prowler-");
    }
  else
    data.tool = first_of (str (o, "ProductName"), "Security Hub");

  control_from_generator (generator, &generated);
  control = str (o, "Compliance.SecurityControlId");
  if (control == NULL && generated.source == NULL &&
      g_str_has_prefix (str (o, "ProductFields.ControlId") ? str (o, "ProductFields.ControlId") : "", "PCI."))
    control_from_generator (str (o, "ProductFields.ControlId"), &generated);
  if (control == NULL && generated.source != NULL && !g_str_equal (generated.source, "securityhub"))
    {
      /* An older standard's own rule number: CIS 1.2 by its table, PCI by
       * the service it names. */
      tool.source = generated.source;
      tool.id = generated.id;
      tool.service = generated.service;
      g_strv_builder_add (controls, g_str_equal (tool.source, "cis-1.2") ? "CIS 1.2" : "PCI DSS 3.2.1");
      g_strv_builder_add (controls, generated.id);
    }
  else if (control == NULL)
    control = first_of (str (o, "ProductFields.ControlId"), generated.id);

  if (control != NULL)
    {
      /* A control the mapping does not know still names its service, the
       * last thing to go by. */
      const char *dot = strchr (control, '.');

      control_service = dot ? g_strndup (control, dot - control) : NULL;
    }
  else if (tool.source == NULL && product_is (o, generator, "GuardDuty", ":guardduty"))
    {
      /* By the type's resource: an IAMUser finding is IAM's even when it
       * names the instance the credentials were taken from. */
      tool.source = "guardduty";
      tool.id = guardduty_type (o);
    }
  else if (tool.source == NULL && (product_is (o, generator, "Inspector", ":inspector") || package_manager (o)))
    {
      tool.source = "inspector";
      tool.id = package_manager (o);
    }
  else if (tool.source == NULL && product_is (o, generator, "Config", ":config"))
    {
      tool.source = "config";
      tool.id = first_of (str (o, "ProductFields.aws/config/ConfigRuleName"), str (o, "ProductFields.RuleName"));
    }

  map_finding_by_id (state, &data, control, prowler_check, &tool, control_service, controls);
  add_finding (state, &data, controls);
}

static DmFindingStatus
prowler_status (const char *value,
                gboolean   *known)
{
  *known = TRUE;
  if (value && (g_ascii_strcasecmp (value, "PASS") == 0 || g_ascii_strcasecmp (value, "Success") == 0))
    return DM_FINDING_PASSED;
  if (value && (g_ascii_strcasecmp (value, "FAIL") == 0 || g_ascii_strcasecmp (value, "Failure") == 0 ||
                g_ascii_strcasecmp (value, "Fail") == 0))
    return DM_FINDING_FAILED;
  /* Manual checks and notes (v2 "Info", v3 "INFO", v4+ "MANUAL") carry no
   * verdict: counted, never a gap. */
  if (value && (g_ascii_strcasecmp (value, "MANUAL") == 0 || g_ascii_strcasecmp (value, "INFO") == 0 ||
                g_ascii_strcasecmp (value, "INFOED") == 0 || g_ascii_strcasecmp (value, "Unknown") == 0))
    return DM_FINDING_INFORMATIONAL;
  *known = FALSE;
  return DM_FINDING_FAILED;
}

/* Prowler scans Azure, GCP, Kubernetes and M365 too: those findings are
 * counted, never placed on an AWS model. No provider at all is AWS, as in
 * Prowler's older outputs, which knew no other. */
static gboolean
prowler_not_aws (FileState  *state,
                 const char *provider)
{
  if (provider == NULL || *provider == '\0' || g_ascii_strcasecmp (provider, "aws") == 0)
    return FALSE;
  state->input->not_aws++;
  return TRUE;
}

/* Without a provider field, the uid says it: "prowler-azure-…". */
static gboolean
prowler_uid_not_aws (FileState  *state,
                     const char *uid)
{
  static const char * const others[] = { "azure", "gcp", "kubernetes", "m365", "github", "iac", "nhn" };

  if (uid == NULL || !g_str_has_prefix (uid, "prowler-"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_has_prefix (uid + strlen ("prowler-"), others[i]) && uid[strlen ("prowler-") + strlen (others[i])] == '-')
      return prowler_not_aws (state, others[i]);
  return FALSE;
}

/* "prowler-aws-<check>-<12-digit account>-<region>-<resource>" → "<check>" */
static char *
prowler_check_from_uid (const char *uid)
{
  const char *start, *p;

  if (uid == NULL || !g_str_has_prefix (uid, "prowler-aws-"))
    return NULL;
  start = uid + strlen ("prowler-aws-");
  for (p = start; (p = strchr (p, '-')) != NULL; p++)
    {
      guint digits = 0;

      while (g_ascii_isdigit (p[1 + digits]))
        digits++;
      if (digits == 12 && p[13] == '-')
        return g_strndup (start, p - start);
    }
  return NULL;
}

static void
import_prowler_ocsf (FileState  *state,
                     JsonObject *o,
                     guint64     index)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *uid_check = NULL;
  JsonObject *resource = first_object (o, "resources");
  /* v4/v5 name it finding_info; OCSF 1.0 (Prowler v3) named it finding. */
  JsonObject *finding = obj (o, "finding_info") ? obj (o, "finding_info") : obj (o, "finding");
  const char *check = first_of (str (o, "metadata.event_code"), str (o, "metadata.product.feature.uid"));
  const char *status_text = first_of (str (o, "status_code"), str (o, "compliance.status"));
  const char *provider = first_of (str (o, "cloud.provider"), str (o, "unmapped.provider"));
  DmFindingData data = { 0 };
  gboolean known;

  if (provider ? prowler_not_aws (state, provider) : prowler_uid_not_aws (state, str (finding, "uid")))
    return;

  data.status = prowler_status (status_text, &known);
  /* The status name wins: Prowler 4.2 writes "New" with status_id 3. */
  if (str (o, "status") ? g_ascii_strcasecmp (str (o, "status"), "Suppressed") == 0
                        : integer (o, "status_id", 0) == 3)
    data.status = DM_FINDING_SUPPRESSED;
  else if (!known)
    {
      skip (state, _("no pass or fail status"));
      return;
    }

  if (check == NULL)
    check = uid_check = prowler_check_from_uid (str (finding, "uid"));

  data.tool = "Prowler";
  data.id = str (finding, "uid");
  data.source_item = index;
  data.severity = severity_of (str (o, "severity"), -1);
  data.account = str (o, "cloud.account.uid");
  data.region = first_of (str (resource, "region"), str (o, "cloud.region"));
  data.resource = first_of (str (resource, "uid"), str (resource, "name"));
  resources = all_resources (o, "resources", "uid", "name");
  data.resources = (const char * const *)resources->pdata;
  data.resource_type = str (resource, "type");
  data.title = str (finding, "title");
  data.evidence = first_of (str (o, "status_detail"), str (o, "message"));
  data.remediation = first_of (str (o, "remediation.desc"), str (finding, "remediation.desc"));

  map_finding (state, &data, NULL, check, str (resource, "group.name"), controls);
  add_finding (state, &data, controls);
}

static void
import_prowler_v3 (FileState  *state,
                   JsonObject *o,
                   guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  DmFindingData data = { 0 };
  gboolean known;
  gboolean muted = FALSE;

  if (prowler_not_aws (state, str (o, "Provider")))
    return;

  data.status = prowler_status (str (o, "Status"), &known);
  if (dm_check_boolean (o, "Muted", &muted) && muted)
    data.status = DM_FINDING_SUPPRESSED;
  if (!known)
    {
      skip (state, _("no pass or fail status"));
      return;
    }

  data.tool = "Prowler";
  data.id = str (o, "FindingUniqueId");
  data.source_item = index;
  data.severity = severity_of (str (o, "Severity"), -1);
  data.account = str (o, "AccountId");
  data.region = str (o, "Region");
  data.resource = first_of (str (o, "ResourceArn"), str (o, "ResourceId"));
  data.resource_type = str (o, "ResourceType");
  data.title = str (o, "CheckTitle");
  data.evidence = str (o, "StatusExtended");
  data.remediation = str (o, "Remediation.Recommendation.Text");

  map_finding (state, &data, NULL, str (o, "CheckID"), str (o, "ServiceName"), controls);
  add_finding (state, &data, controls);
}

static void
import_prowler_v2 (FileState  *state,
                   JsonObject *o,
                   guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  DmFindingData data = { 0 };
  gboolean known;

  data.status = prowler_status (str (o, "Status"), &known);
  if (!known)
    {
      skip (state, _("no pass or fail status"));
      return;
    }

  /* v2 has no finding id: its check, account, region and resource are one. */
  id = g_strdup_printf ("prowler-v2/%s/%s/%s/%s", first_of (str (o, "Control ID"), str (o, "Control")),
                        first_of (str (o, "Account Number"), ""), first_of (str (o, "Region"), ""),
                        first_of (str (o, "Resource ID"), ""));
  data.tool = "Prowler";
  data.id = id;
  data.source_item = index;
  data.severity = severity_of (str (o, "Severity"), -1);
  data.account = str (o, "Account Number");
  data.region = str (o, "Region");
  data.resource = str (o, "Resource ID");
  data.title = str (o, "Control");
  data.evidence = str (o, "Message");
  data.remediation = str (o, "Remediation");

  /* v2 check ids (check11) predate the catalogue's: map by service. */
  map_finding (state, &data, NULL, NULL, str (o, "Service"), controls);
  add_finding (state, &data, controls);
}

static guint64 n_findings (FileState *state);

/* Prowler's CSV columns, per version: v2 (comma), v3, v4 and v5
 * (semicolon). Each field is the first of its columns the header has. */
typedef enum
{
  CSV_STATUS, CSV_MUTED, CSV_PROVIDER, CSV_ID, CSV_CHECK, CSV_TITLE, CSV_TITLE_ID, CSV_EVIDENCE, CSV_SEVERITY,
  CSV_SERVICE, CSV_ACCOUNT, CSV_REGION, CSV_RESOURCE, CSV_RESOURCE_TYPE, CSV_REMEDIATION,
  CSV_N_FIELDS
} CsvField;

static const char * const prowler_csv_columns[CSV_N_FIELDS][4] = {
  [CSV_STATUS]        = { "STATUS", "CHECK_RESULT" },
  [CSV_MUTED]         = { "MUTED" },
  [CSV_PROVIDER]      = { "PROVIDER" },
  [CSV_ID]            = { "FINDING_UID", "FINDING_UNIQUE_ID" },
  [CSV_CHECK]         = { "CHECK_ID" },
  [CSV_TITLE]         = { "CHECK_TITLE", "TITLE_TEXT" },
  [CSV_TITLE_ID]      = { "TITLE_ID" },
  [CSV_EVIDENCE]      = { "STATUS_EXTENDED", "CHECK_RESULT_EXTENDED" },
  [CSV_SEVERITY]      = { "SEVERITY", "CHECK_SEVERITY" },
  [CSV_SERVICE]       = { "SERVICE_NAME", "CHECK_SERVICENAME" },
  [CSV_ACCOUNT]       = { "ACCOUNT_UID", "ACCOUNT_ID", "ACCOUNT_NUM" },
  [CSV_REGION]        = { "REGION" },
  [CSV_RESOURCE]      = { "RESOURCE_UID", "RESOURCE_ARN", "RESOURCE_ID", "CHECK_RESOURCE_ID" },
  [CSV_RESOURCE_TYPE] = { "RESOURCE_TYPE", "CHECK_ASFF_RESOURCE_TYPE" },
  [CSV_REMEDIATION]   = { "REMEDIATION_RECOMMENDATION_TEXT", "CHECK_REMEDIATION" },
};

static void
import_prowler_csv_row (FileState  *state,
                        const int  *column,
                        GPtrArray  *cells,
                        guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  const char *field[CSV_N_FIELDS];
  DmFindingData data = { 0 };
  gboolean known;

  for (guint f = 0; f < CSV_N_FIELDS; f++)
    {
      field[f] = column[f] >= 0 ? dm_csv_reader_get_cell (cells, column[f]) : NULL;
      if (field[f] && *field[f] == '\0')
        field[f] = NULL;
    }

  if (prowler_not_aws (state, field[CSV_PROVIDER]))
    return;
  data.status = prowler_status (field[CSV_STATUS], &known);
  if (!known)
    {
      skip (state, _("no pass or fail status"));
      return;
    }
  if (field[CSV_MUTED] && g_ascii_strcasecmp (field[CSV_MUTED], "True") == 0)
    data.status = DM_FINDING_SUPPRESSED;

  /* v2 has no finding id: its check, account, region and resource are one. */
  if (field[CSV_ID] == NULL)
    id = g_strdup_printf ("prowler-csv/%s/%s/%s/%s", first_of (first_of (field[CSV_CHECK], field[CSV_TITLE_ID]), ""),
                          first_of (field[CSV_ACCOUNT], ""), first_of (field[CSV_REGION], ""),
                          first_of (field[CSV_RESOURCE], ""));
  data.tool = "Prowler";
  data.id = id ? id : field[CSV_ID];
  data.source_item = index;
  data.severity = severity_of (field[CSV_SEVERITY], -1);
  data.account = field[CSV_ACCOUNT];
  data.region = field[CSV_REGION];
  data.resource = first_of (field[CSV_RESOURCE], field[CSV_ACCOUNT]);
  data.resource_type = field[CSV_RESOURCE_TYPE];
  data.title = first_of (field[CSV_TITLE], field[CSV_CHECK]);
  data.evidence = field[CSV_EVIDENCE];
  data.remediation = field[CSV_REMEDIATION];

  map_finding (state, &data, NULL, field[CSV_CHECK], field[CSV_SERVICE], controls);
  add_finding (state, &data, controls);
}

/* A CSV export, told by its header: Prowler's is read, any other CSV is
 * refused with the columns it has, so nothing passes as read. */
static gboolean
import_csv (FileState     *state,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(DmCsvReader) reader = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) local_error = NULL;
  int column[CSV_N_FIELDS];
  GPtrArray *header;

  if (stream == NULL)
    return FALSE;
  reader = dm_csv_reader_new (G_INPUT_STREAM (stream), 0);
  dm_csv_reader_set_cancellable (reader, cancellable);
  if (!dm_csv_reader_read_header (reader, &local_error))
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT, "%s: %s", state->input->path,
                   local_error->message);
      return FALSE;
    }

  for (guint f = 0; f < CSV_N_FIELDS; f++)
    {
      column[f] = -1;
      for (guint c = 0; c < G_N_ELEMENTS (prowler_csv_columns[f]) && prowler_csv_columns[f][c] && column[f] < 0; c++)
        column[f] = dm_csv_reader_get_column (reader, prowler_csv_columns[f][c]);
    }
  if (column[CSV_STATUS] < 0 || (column[CSV_CHECK] < 0 && column[CSV_TITLE_ID] < 0))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      header = dm_csv_reader_get_header (reader);
      for (guint i = 0; i < header->len && g_ptr_array_index (header, i) && i < 6; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", (char *)g_ptr_array_index (header, i));
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: a CSV file, but not a Prowler export Demarc knows (its first columns are %s)"),
                   state->input->path, names->str);
      return FALSE;
    }

  g_free (state->input->format);
  state->input->format = g_strdup (column[CSV_CHECK] >= 0 ? "prowler-csv" : "prowler-v2-csv");
  header = dm_csv_reader_get_header (reader);
  while (dm_csv_reader_next_row (reader, &cells, &local_error))
    {
      guint64 before = n_findings (state);
      guint n = cells->len > 0 && g_ptr_array_index (cells, cells->len - 1) == NULL ? cells->len - 1 : cells->len;
      guint width = header->len > 0 && g_ptr_array_index (header, header->len - 1) == NULL ? header->len - 1 : header->len;

      state->input->items++;
      if (n < width)
        skip (state, _("a row with fewer cells than the header"));
      else
        import_prowler_csv_row (state, column, cells, state->input->items - 1);
      if (n_findings (state) > before)
        state->input->evaluated++;
      g_clear_pointer (&cells, g_ptr_array_unref);
    }
  if (local_error)
    {
      g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT, "%s: %s", state->input->path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* A CSV file starts with a header line of names and separators, never
 * with JSON's { or [. */
static gboolean
looks_like_csv (GFile        *file,
                GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  char head[4096];
  const char *p = head;
  gsize n = 0;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return FALSE;
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, cancellable, NULL))
    return FALSE;
  head[n] = '\0';
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  if (*p == '{' || *p == '[' || *p == '\0')
    return FALSE;
  /* Header names are words; the first line holds a separator. */
  return g_ascii_isalpha (*p) && strcspn (p, "\n") > strcspn (p, ",;");
}

static void
import_config_evaluation (FileState  *state,
                          JsonObject *o,
                          guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  const char *compliance = str (o, "ComplianceType");
  const char *rule = str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName");
  DmFindingData data = { 0 };

  if (g_strcmp0 (compliance, "COMPLIANT") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (compliance, "NON_COMPLIANT") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (compliance, "NOT_APPLICABLE") == 0 || g_strcmp0 (compliance, "INSUFFICIENT_DATA") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      skip (state, _("no compliance result"));
      return;
    }

  data.resource = str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId");
  data.resource_type = str (o, "EvaluationResultIdentifier.EvaluationResultQualifier.ResourceType");
  id = g_strdup_printf ("%s/%s", first_of (rule, "rule"), first_of (data.resource, "resource"));
  data.tool = "AWS Config";
  data.id = id;
  data.source_item = index;
  data.severity = DM_SEVERITY_UNKNOWN;
  data.title = rule;
  data.evidence = str (o, "Annotation");

  map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "config", rule, NULL }, NULL, controls);
  add_finding (state, &data, controls);
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

/* "N resources", or "more than N" when Config capped the count. */
static char *
contributors (JsonObject *o)
{
  gint64 n = integer (o, "Compliance.ComplianceContributorCount.CappedCount", -1);
  gboolean capped = FALSE;

  dm_check_boolean (obj (obj (o, "Compliance"), "ComplianceContributorCount"), "CapExceeded", &capped);
  if (n < 0)
    return NULL;
  return capped ? g_strdup_printf (_("more than %" PRId64), n) : g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* describe-compliance-by-config-rule and a conformance pack's compliance:
 * one result per rule, without the resources (get-compliance-details-by-
 * config-rule lists those). */
static void
import_config_rule (FileState  *state,
                    JsonObject *o,
                    guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *count = contributors (o);
  g_autofree char *evidence = NULL;
  const char *rule = str (o, "ConfigRuleName");
  DmFindingData data = { 0 };

  if (!config_status (first_of (str (o, "Compliance.ComplianceType"), str (o, "ComplianceType")), &data.status))
    {
      skip (state, _("no compliance result"));
      return;
    }
  id = g_strdup_printf ("config-rule/%s/%s", first_of (state->conformance_pack, ""), rule);
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
  data.resource = state->conformance_pack;

  map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "config", rule, NULL }, NULL, controls);
  add_finding (state, &data, controls);
}

/* describe-compliance-by-resource: one result per resource, all rules. */
static void
import_config_resource (FileState  *state,
                        JsonObject *o,
                        guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *count = contributors (o);
  g_autofree char *title = NULL;
  DmFindingData data = { 0 };

  if (!config_status (str (o, "Compliance.ComplianceType"), &data.status))
    {
      skip (state, _("no compliance result"));
      return;
    }
  data.resource = str (o, "ResourceId");
  data.resource_type = str (o, "ResourceType");
  id = g_strdup_printf ("config-resource/%s/%s", first_of (data.resource_type, ""), first_of (data.resource, ""));
  data.tool = "AWS Config";
  data.id = id;
  data.source_item = index;
  data.severity = DM_SEVERITY_UNKNOWN;
  if (data.status == DM_FINDING_FAILED)
    title = count ? g_strdup_printf (_("The resource does not comply with %s AWS Config rules"), count)
                  : g_strdup (_("The resource does not comply with its AWS Config rules"));
  else
    title = g_strdup (_("The resource's AWS Config rules"));
  data.title = title;

  map_finding (state, &data, NULL, NULL, NULL, controls);
  add_finding (state, &data, controls);
}

/* GuardDuty's own 1–10 scale and bands; ASFF's 0–100 is another. */
static DmSeverity
guardduty_severity (JsonObject *o)
{
  JsonNode *node = member (o, "Severity");
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return DM_SEVERITY_UNKNOWN;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double)json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return DM_SEVERITY_UNKNOWN;

  if (value >= 9) return DM_SEVERITY_CRITICAL;
  if (value >= 7) return DM_SEVERITY_HIGH;
  if (value >= 4) return DM_SEVERITY_MEDIUM;
  if (value >= 1) return DM_SEVERITY_LOW;
  return DM_SEVERITY_UNKNOWN;
}

/* Where each GuardDuty resource type keeps the affected resource, and the
 * ASFF type that the catalogue maps. */
static const struct
{
  const char *resource_type;
  const char *arn;        /* a member holding the ARN, or NULL */
  const char *id;         /* else an id to build one from */
  const char *asff_type;
} guardduty_resources[] = {
  { "AccessKey", NULL, "AccessKeyDetails.UserName", "AwsIamAccessKey" },
  { "Instance", NULL, "InstanceDetails.InstanceId", "AwsEc2Instance" },
  { "S3Bucket", "S3BucketDetails.Arn", "S3BucketDetails.Name", "AwsS3Bucket" },
  { "EKSCluster", "EksClusterDetails.Arn", "EksClusterDetails.Name", "AwsEksCluster" },
  { "Lambda", "LambdaDetails.FunctionArn", "LambdaDetails.FunctionName", "AwsLambdaFunction" },
  { "RDSDBInstance", "RdsDbInstanceDetails.DbInstanceArn", "RdsDbInstanceDetails.DbInstanceIdentifier",
    "AwsRdsDbInstance" },
  { "RDSLimitlessDB", "RdsLimitlessDbDetails.DbClusterIdentifier", NULL, "AwsRdsDbCluster" },
  { "ECSCluster", "EcsClusterDetails.Arn", "EcsClusterDetails.Name", "AwsEcsCluster" },
  { "Container", NULL, "ContainerDetails.Id", "Container" },
  { "EC2NetworkInterface", NULL, "NetworkInterfaceDetails.NetworkInterfaceId", "AwsEc2NetworkInterface" },
};

/* The first element of an array member, or the member itself. */
static const char *
str_or_first (JsonObject *o,
              const char *path)
{
  g_autofree char *parent = g_strdup (path);
  char *dot = strrchr (parent, '.');
  JsonNode *node;

  if (str (o, path) || dot == NULL)
    return str (o, path);
  *dot = '\0';
  node = member (o, parent);
  if (node && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
    return str (json_array_get_object_element (json_node_get_array (node), 0), dot + 1);
  return NULL;
}

/* aws guardduty get-findings: threat findings, each something to act on
 * unless archived. */
static void
import_guardduty (FileState  *state,
                  JsonObject *o,
                  guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *resource = NULL;
  g_autofree char *evidence = NULL;
  JsonObject *details = obj (o, "Resource");
  const char *type = str (details, "ResourceType");
  gboolean archived = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (obj (o, "Service"), "Archived", &archived);
  data.status = archived ? DM_FINDING_SUPPRESSED : DM_FINDING_FAILED;
  data.severity = guardduty_severity (o);
  data.tool = "GuardDuty";
  data.id = first_of (str (o, "Arn"), str (o, "Id"));
  data.source_item = index;
  data.account = str (o, "AccountId");
  data.region = str (o, "Region");
  data.title = str (o, "Title");
  evidence = g_strdup_printf ("%s: %s", first_of (str (o, "Type"), "GuardDuty"), first_of (str (o, "Description"), ""));
  data.evidence = evidence;

  for (guint i = 0; i < G_N_ELEMENTS (guardduty_resources); i++)
    {
      const char *arn, *id;

      if (g_strcmp0 (type, guardduty_resources[i].resource_type) != 0)
        continue;
      data.resource_type = guardduty_resources[i].asff_type;
      arn = guardduty_resources[i].arn ? str_or_first (details, guardduty_resources[i].arn) : NULL;
      id = guardduty_resources[i].id ? str_or_first (details, guardduty_resources[i].id) : NULL;
      if (arn)
        resource = g_strdup (arn);
      else if (id && g_str_equal (type, "AccessKey") && data.account)
        resource = g_strdup_printf ("arn:aws:iam::%s:user/%s", data.account, id);
      else if (id && g_str_equal (type, "Instance") && data.account && data.region)
        resource = g_strdup_printf ("arn:aws:ec2:%s:%s:instance/%s", data.region, data.account, id);
      else
        resource = g_strdup (id);
      break;
    }
  data.resource = resource ? resource : first_of (type, str (o, "Arn"));

  map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "guardduty", str (o, "Type"), NULL }, "guardduty", controls);
  add_finding (state, &data, controls);
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
number (JsonObject *o,
        const char *path)
{
  JsonNode *node = member (o, path);

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return (double)json_node_get_int (node);
  return -1;
}

/* aws inspector2 list-findings, and the findings reports Inspector writes
 * to S3: package, code and network-reachability findings. */
static void
import_inspector (FileState  *state,
                  JsonObject *o,
                  guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  g_autoptr(GString) evidence = g_string_new (NULL);
  g_autofree char *remediation = NULL;
  JsonObject *vulnerability = obj (o, "packageVulnerabilityDetails");
  JsonObject *package = first_object (vulnerability, "vulnerablePackages");
  JsonObject *resource = first_object (o, "resources");
  JsonNode *all = member (o, "resources");
  const char *status = str (o, "status");
  const char *cve = str (vulnerability, "vulnerabilityId");
  const char *text = str (o, "remediation.recommendation.text");
  DmFindingData data = { 0 };

  if (g_strcmp0 (status, "SUPPRESSED") == 0 || g_strcmp0 (status, "CLOSED") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else
    data.status = DM_FINDING_FAILED;
  if (!dm_severity_from_string (str (o, "severity"), &data.severity))
    data.severity = score_severity (number (o, "inspectorScore"));
  data.tool = "Inspector";
  data.id = str (o, "findingArn");
  data.source_item = index;
  data.account = str (o, "awsAccountId");
  data.region = str (resource, "region");
  data.resource = str (resource, "id");
  data.title = str (o, "title");
  for (guint i = 0; i < G_N_ELEMENTS (inspector_resources); i++)
    if (g_strcmp0 (str (resource, "type"), inspector_resources[i].type) == 0)
      data.resource_type = inspector_resources[i].asff_type;

  for (guint i = 0; all && JSON_NODE_HOLDS_ARRAY (all) && i < json_array_get_length (json_node_get_array (all)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (all), i);

      if (JSON_NODE_HOLDS_OBJECT (element) && str (json_node_get_object (element), "id"))
        g_ptr_array_add (resources, (gpointer)str (json_node_get_object (element), "id"));
    }
  g_ptr_array_add (resources, NULL);
  data.resources = (const char * const *)resources->pdata;

  if (package)
    {
      g_string_append_printf (evidence, _("%s in %s %s (%s)"), first_of (cve, "?"), first_of (str (package, "name"), "?"),
                              first_of (str (package, "version"), ""), first_of (str (package, "packageManager"), "?"));
      if (str (package, "fixedInVersion") && g_strcmp0 (str (package, "fixedInVersion"), "NotAvailable") != 0)
        g_string_append_printf (evidence, _("; fixed in %s"), str (package, "fixedInVersion"));
    }
  if (number (o, "inspectorScore") >= 0)
    g_string_append_printf (evidence, _("%sInspector score %.1f"), evidence->len ? "; " : "", number (o, "inspectorScore"));
  if (number (o, "epss.score") >= 0)
    g_string_append_printf (evidence, _("; EPSS %.5f"), number (o, "epss.score"));
  if (g_strcmp0 (str (o, "exploitAvailable"), "YES") == 0)
    g_string_append (evidence, _("; a public exploit exists"));
  if (str (o, "description"))
    g_string_append_printf (evidence, "%s%s", evidence->len ? ". " : "", str (o, "description"));
  data.evidence = evidence->str;

  if (text && g_strcmp0 (text, "None Provided") != 0)
    data.remediation = text;
  else if (package && str (package, "remediation"))
    data.remediation = str (package, "remediation");
  else if (package && str (package, "fixedInVersion"))
    data.remediation = remediation = g_strdup_printf (_("Update %s to %s or later."), first_of (str (package, "name"), "?"),
                                                      str (package, "fixedInVersion"));
  if (cve)
    g_strv_builder_add (controls, cve);

  map_finding_by_id (state, &data, NULL, NULL,
                     &(ToolId){ "inspector", first_of (str (package, "packageManager"), str (o, "type")), NULL },
                     "inspector2", controls);
  add_finding (state, &data, controls);
}

/* IAM Access Analyzer list-findings (external access: who outside the
 * account can reach a resource) and list-findings-v2 (also unused access).
 * Both are about who may use the resource, so they sit on its IAM layer. */
static void
import_access_analyzer (FileState  *state,
                        JsonObject *o,
                        guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *principal = NULL;
  const char *status = str (o, "status");
  const char *kind = first_of (str (o, "findingType"), "ExternalAccess");
  gboolean public = FALSE;
  JsonNode *who = member (o, "principal");
  DmFindingData data = { 0 };

  dm_check_boolean (o, "isPublic", &public);
  if (g_strcmp0 (status, "ACTIVE") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "ARCHIVED") == 0 || g_strcmp0 (status, "RESOLVED") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else
    {
      skip (state, _("no finding status"));
      return;
    }
  if (who)
    principal = json_to_string (who, FALSE);

  data.tool = "IAM Access Analyzer";
  data.id = str (o, "id");
  data.source_item = index;
  data.account = str (o, "resourceOwnerAccount");
  data.resource = str (o, "resource");
  data.resource_type = str (o, "resourceType");
  data.severity = public ? DM_SEVERITY_HIGH
                : g_str_has_prefix (kind, "Unused") ? DM_SEVERITY_LOW : DM_SEVERITY_MEDIUM;
  if (public)
    title = g_strdup (_("Anyone can access this resource"));
  else if (g_str_equal (kind, "ExternalAccess"))
    title = g_strdup (_("Principals outside the account can access this resource"));
  else
    title = g_strdup_printf (_("Unused access: %s"), kind);
  data.title = title;
  evidence = principal ? g_strdup_printf (_("%s; principal %s"), kind, principal) : g_strdup (kind);
  data.evidence = evidence;

  map_finding (state, &data, NULL, NULL, "accessanalyzer", controls);
  if (data.service)
    data.layer = "iam";
  add_finding (state, &data, controls);
}

/* Amazon Macie get-findings: policy findings on buckets and sensitive
 * data found in their objects; archived ones are suppressed. */
static void
import_macie (FileState  *state,
              JsonObject *o,
              guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *object = NULL;
  g_autofree char *bucket_arn = NULL;
  gboolean archived = FALSE;
  const char *bucket = str (o, "resourcesAffected.s3Bucket.name");
  const char *key = str (o, "resourcesAffected.s3Object.key");
  const char *resources[3] = { NULL };
  DmFindingData data = { 0 };

  dm_check_boolean (o, "archived", &archived);
  data.status = archived ? DM_FINDING_SUPPRESSED : DM_FINDING_FAILED;
  if (!dm_severity_from_string (str (o, "severity.description"), &data.severity))
    data.severity = DM_SEVERITY_UNKNOWN;
  data.tool = "Macie";
  data.id = str (o, "id");
  data.source_item = index;
  data.account = str (o, "accountId");
  data.region = str (o, "region");
  data.title = str (o, "title");
  data.evidence = first_of (str (o, "description"), str (o, "type"));
  if (bucket && !str (o, "resourcesAffected.s3Bucket.arn"))
    bucket_arn = g_strdup_printf ("arn:aws:s3:::%s", bucket);
  data.resource = first_of (str (o, "resourcesAffected.s3Bucket.arn"), bucket_arn);
  if (key && data.resource)
    {
      /* The object is the finding's subject; the bucket stays its resource. */
      object = g_strdup_printf ("%s/%s", data.resource, key);
      resources[0] = data.resource;
      resources[1] = object;
      data.resources = resources;
    }
  data.resource_type = "AwsS3Bucket";

  map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "macie", str (o, "type"), NULL }, "macie", controls);
  add_finding (state, &data, controls);
}

/* CloudSploit's JSON: one result per plugin and resource. */
static void
import_cloudsploit (FileState  *state,
                    JsonObject *o,
                    guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *service = NULL;
  g_autofree char *account = NULL;
  const char *status = str (o, "status");
  DmFindingData data = { 0 };

  if (g_strcmp0 (status, "OK") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (status, "FAIL") == 0 || g_strcmp0 (status, "WARN") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "UNKNOWN") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      skip (state, _("no pass or fail status"));
      return;
    }

  id = g_strdup_printf ("cloudsploit/%s/%s/%s", first_of (str (o, "plugin"), ""), first_of (str (o, "region"), ""),
                        first_of (str (o, "resource"), ""));
  service = g_ascii_strdown (first_of (str (o, "category"), ""), -1);
  data.tool = "CloudSploit";
  data.id = id;
  data.source_item = index;
  /* CloudSploit gives no severity; a warning is the milder result. */
  data.severity = g_strcmp0 (status, "WARN") == 0 ? DM_SEVERITY_LOW : DM_SEVERITY_UNKNOWN;
  data.region = str (o, "region");
  data.resource = first_of (str (o, "resource"), str (o, "region"));
  data.title = first_of (str (o, "title"), str (o, "plugin"));
  data.evidence = first_of (str (o, "message"), str (o, "description"));
  if (data.resource && g_str_has_prefix (data.resource, "arn:"))
    {
      g_auto(GStrv) parts = g_strsplit (data.resource, ":", 6);

      if (g_strv_length (parts) >= 5 && *parts[4])
        data.account = account = g_strdup (parts[4]);
    }

  map_finding (state, &data, NULL, NULL, service, controls);
  add_finding (state, &data, controls);
}

/* Trusted Advisor: flagged resources of a check (support API) or of a
 * recommendation (trustedadvisor API). Neither names what the check is
 * about beyond its id, so findings sit on the account's settings. */
static void
import_trusted_advisor (FileState  *state,
                        JsonObject *o,
                        guint64     index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *account = NULL;
  const char *status = str (o, "status");
  const char *check = first_of (str (o, "recommendationArn"), state->trusted_advisor_check);
  gboolean suppressed = FALSE;
  DmFindingData data = { 0 };

  dm_check_boolean (o, "isSuppressed", &suppressed);
  if (suppressed || g_strcmp0 (str (o, "exclusionStatus"), "excluded") == 0)
    data.status = DM_FINDING_SUPPRESSED;
  else if (g_strcmp0 (status, "ok") == 0)
    data.status = DM_FINDING_PASSED;
  else if (g_strcmp0 (status, "warning") == 0 || g_strcmp0 (status, "error") == 0)
    data.status = DM_FINDING_FAILED;
  else if (g_strcmp0 (status, "not_available") == 0)
    data.status = DM_FINDING_INFORMATIONAL;
  else
    {
      skip (state, _("no check status"));
      return;
    }

  data.tool = "Trusted Advisor";
  data.resource = first_of (str (o, "awsResourceId"), str (o, "resourceId"));
  id = g_strdup_printf ("trusted-advisor/%s/%s", first_of (check, ""), first_of (data.resource, ""));
  data.id = first_of (str (o, "arn"), id);
  data.source_item = index;
  data.region = first_of (str (o, "regionCode"), str (o, "region"));
  data.severity = g_strcmp0 (status, "error") == 0 ? DM_SEVERITY_HIGH
                : g_strcmp0 (status, "warning") == 0 ? DM_SEVERITY_MEDIUM : DM_SEVERITY_UNKNOWN;
  if (check && strrchr (check, '/'))
    check = strrchr (check, '/') + 1;
  title = g_strdup_printf (_("Trusted Advisor check %s"), first_of (check, "?"));
  data.title = title;
  evidence = g_strdup_printf (_("Trusted Advisor status: %s"), first_of (status, "?"));
  data.evidence = evidence;
  if (data.id && g_str_has_prefix (data.id, "arn:"))
    {
      g_auto(GStrv) parts = g_strsplit (data.id, ":", 6);

      if (g_strv_length (parts) >= 5 && *parts[4])
        data.account = account = g_strdup (parts[4]);
    }

  map_finding (state, &data, NULL, NULL, "account", controls);
  add_finding (state, &data, controls);
}

static void
emit_check (DmCheckContext *context,
            const DmCheck  *check,
            gboolean        failed,
            const char     *resource,
            const char     *resource_type,
            const char     *evidence)
{
  FileState *state = context->user_data;
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", check->id, resource ? resource : "");
  g_autofree char *arn_account = dm_check_arn_account (resource);
  DmFindingData data = { 0 };

  data.id = id;
  data.check = check->id;
  data.status = failed ? DM_FINDING_FAILED : DM_FINDING_PASSED;
  data.severity = check->severity;
  data.service = check->service;
  data.layer = check->layer;
  data.resource = resource;
  data.resource_type = resource_type;
  data.region = context->region;
  /* The resource's own ARN says whose it is; else where the data came from. */
  data.account = arn_account ? arn_account : context->account;
  data.source_item = context->item;
  data.tool = "Demarc";
  data.title = check->title;
  data.evidence = evidence;
  data.remediation = check->remediation;

  g_strv_builder_addv (controls, (const char **)check->controls);
  for (guint i = 0; check->cis[i]; i++)
    {
      g_autofree char *cis = g_strdup_printf ("CIS 3.0 %s", check->cis[i]);
      g_strv_builder_add (controls, cis);
    }
  add_finding (state, &data, controls);
}

static const char *account_of_folder (DmImporter   *self,
                                      GFile        *folder,
                                      GCancellable *cancellable);

static void
init_context (FileState      *state,
              DmCheckContext *context,
              guint64         index)
{
  /* Only Demarc's own checks need the path's account: formats that name
   * their account never pay for looking it up. */
  if (state->account_dir)
    {
      state->path_account = g_strdup (account_of_folder (state->self, state->account_dir, NULL));
      g_clear_object (&state->account_dir);
    }

  memset (context, 0, sizeof *context);
  context->catalogue = state->self->catalogue;
  /* In CloudMapper's <call>/<resource> files, the folder names the call
   * and the file the resource. */
  context->source_name = state->resource_name ? state->resource_name : state->basename;
  context->service_hint = state->call ? state->call : state->basename;
  context->resource_name = state->resource_name;
  context->account = state->path_account;
  context->region = state->path_region;
  context->item = index;
  context->emit = emit_check;
  context->user_data = state;
}

static void
evaluate_config_item (FileState  *state,
                      JsonObject *o,
                      guint64     index)
{
  const char *status = str (o, "configurationItemStatus");
  const char *type = str (o, "resourceType");
  const char *id = first_of (str (o, "resourceId"), str (o, "resourceName"));
  g_autoptr(JsonNode) configuration = NULL;
  JsonObject *supplementary = obj (o, "supplementaryConfiguration");
  JsonObject *config;
  DmCheckContext context;
  gboolean known;

  if (status && (g_str_has_prefix (status, "ResourceDeleted") || g_str_equal (status, "ResourceNotRecorded")))
    {
      skip (state, _("deleted or not recorded resource"));
      return;
    }

  /* "configuration" is an object in delivered files, a JSON string in
   * API responses. */
  configuration = dm_check_parse_embedded (member (o, "configuration"));
  if (configuration == NULL || !JSON_NODE_HOLDS_OBJECT (configuration))
    {
      skip (state, _("configuration missing or unreadable"));
      return;
    }
  config = json_node_get_object (configuration);

  init_context (state, &context, index);
  context.region = first_of (str (o, "awsRegion"), context.region);
  context.account = first_of (first_of (str (o, "accountId"), str (o, "awsAccountId")), context.account);

  known = dm_checks_ec2_config (&context, type, id, config) ||
          dm_checks_s3_config (&context, type, id, config, supplementary) ||
          dm_checks_rds_config (&context, type, id, config) ||
          dm_checks_logging_config (&context, type, id, config) ||
          dm_checks_lambda_config (&context, type, id, config) ||
          dm_checks_containers_config (&context, type, id, config) ||
          dm_checks_platform_config (&context, type, id, config) ||
          dm_checks_policies_config (&context, type, id, config);

  if (!known)
    skip (state, _(NOT_YET_EVALUATED));
  else if (context.emitted == 0)
    skip (state, _("nothing to evaluate (stopped, detached or incomplete resource)"));
}

static guint64
n_findings (FileState *state)
{
  /* Duplicates and other clouds' findings count: such an item was read,
   * not lost. */
  guint64 n = state->input->duplicates + state->input->not_aws;

  for (guint i = 0; i < DM_N_FINDING_STATUSES; i++)
    n += state->input->by_status[i];
  return n;
}

/* One AWS CLI response, on its own or from a bundle. */
static void
evaluate_cli_output (FileState      *state,
                     DmCheckContext *context,
                     JsonObject     *output)
{
  /* Policies first: a bare {"Policy"} is a bucket's only if no other
   * service claims it. */
  gboolean known = dm_checks_policies_cli (context, output) ||
                   dm_checks_ec2_cli (context, output) ||
                   dm_checks_s3_cli (context, output) ||
                   dm_checks_rds_cli (context, output) ||
                   dm_checks_iam_cli (context, output) ||
                   dm_checks_logging_cli (context, output) ||
                   dm_checks_lambda_cli (context, output) ||
                   dm_checks_containers_cli (context, output) ||
                   dm_checks_opensearch_cli (context, output) ||
                   dm_checks_platform_cli (context, output);

  if (!known)
    skip (state, _(NOT_YET_EVALUATED));
  else if (context->emitted == 0)
    skip (state, _("nothing to evaluate (stopped, detached or incomplete resource)"));
}

/* A call of demarc-collect's bundle: the CLI response plus where it ran. */
static void
evaluate_bundle_call (FileState  *state,
                      JsonObject *call,
                      guint64     index)
{
  JsonObject *output = obj (call, "output");
  DmCheckContext context;

  init_context (state, &context, index);
  context.region = first_of (str (call, "region"), context.region);
  context.account = first_of (str (call, "account"), context.account);
  context.service_hint = str (call, "service");

  if (output == NULL)
    {
      dm_checks_call_error (&context, str (call, "service"), str (call, "operation"), str (call, "error"));
      if (context.emitted == 0)
        skip (state, json_object_has_member (call, "error") ? _("the collector could not make this call")
                                                           : _("call without output"));
      return;
    }

  evaluate_cli_output (state, &context, output);
}

static void
import_object (FileState  *state,
               JsonObject *o,
               guint64     index)
{
  Kind kind = classify (o);
  guint64 before = n_findings (state);

  state->kinds[kind]++;
  state->input->items++;

  switch (kind)
    {
    case KIND_ASFF:
      import_asff (state, o, index);
      break;

    case KIND_PROWLER_OCSF:
      import_prowler_ocsf (state, o, index);
      break;

    case KIND_PROWLER_V3:
      import_prowler_v3 (state, o, index);
      break;

    case KIND_PROWLER_V2:
      import_prowler_v2 (state, o, index);
      break;

    case KIND_CONFIG_EVALUATION:
      import_config_evaluation (state, o, index);
      break;

    case KIND_CONFIG_ITEM:
      evaluate_config_item (state, o, index);
      break;

    case KIND_BUNDLE_CALL:
      evaluate_bundle_call (state, o, index);
      break;

    case KIND_GUARDDUTY:
      import_guardduty (state, o, index);
      break;

    case KIND_INSPECTOR:
      import_inspector (state, o, index);
      break;

    case KIND_ACCESS_ANALYZER:
      import_access_analyzer (state, o, index);
      break;

    case KIND_CLOUDSPLOIT:
      import_cloudsploit (state, o, index);
      break;

    case KIND_MACIE:
      import_macie (state, o, index);
      break;

    case KIND_TRUSTED_ADVISOR:
      import_trusted_advisor (state, o, index);
      break;

    case KIND_CONFIG_RULE:
      import_config_rule (state, o, index);
      break;

    case KIND_CONFIG_RESOURCE:
      import_config_resource (state, o, index);
      break;

    case KIND_UNKNOWN:
    default:
      skip (state, _("not a finding or resource Demarc reads"));
      break;
    }

  if (n_findings (state) > before)
    state->input->evaluated++;
}

static gboolean
item_cb (JsonNode   *item,
         const char *container,
         guint64     index,
         gpointer    user_data)
{
  FileState *state = user_data;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    {
      state->input->items++;
      skip (state, _("not a JSON object"));
      return TRUE;
    }

  import_object (state, json_node_get_object (item), index);
  return TRUE;
}

/* --- ScoutSuite -------------------------------------------------------- */

/* ScoutSuite names each flagged item by its path in the services tree,
 * such as "ec2.regions.us-east-1.vpcs.vpc-1.security_groups.sg-1.rules…".
 * Keys may hold dots (S3 bucket names), so a path is never split: the tree
 * is walked, following only members whose joined path is a prefix of some
 * item path, and each node met is recorded under its joined path. */
typedef struct
{
  char     *parent;   /* joined path of the enclosing node; NULL for a service */
  char     *key;
  gboolean  object;
  char     *arn;
  char     *id;
  char     *name;
  char     *region;   /* S3 buckets say theirs */
} ScoutNode;

typedef struct
{
  GHashTable *wanted;   /* every item path, and each of its prefixes cut at a dot */
  GHashTable *nodes;    /* joined path -> ScoutNode */
  gboolean    pruned;   /* the reader left the inventory out */
} ScoutIndex;

/* Members by their exact name: service and rule ids are not dotted paths. */
static JsonObject *
scout_object (JsonObject *o,
              const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
scout_node_free (gpointer data)
{
  ScoutNode *node = data;

  g_free (node->parent);
  g_free (node->key);
  g_free (node->arn);
  g_free (node->id);
  g_free (node->name);
  g_free (node->region);
  g_free (node);
}

/* Longest first: once a prefix is known, so are all shorter ones (items
 * share most of their paths). */
static void
scout_want (ScoutIndex *index,
            const char *item)
{
  g_autofree char *prefix = g_strdup (item);
  char *dot;

  for (;;)
    {
      if (g_hash_table_contains (index->wanted, prefix))
        return;
      g_hash_table_add (index->wanted, g_strdup (prefix));
      if ((dot = strrchr (prefix, '.')) == NULL)
        return;
      *dot = '\0';
    }
}

static char *
scout_child_path (const char *parent,
                  const char *key)
{
  return parent ? g_strconcat (parent, ".", key, NULL) : g_strdup (key);
}

/* The first node recorded under a path wins. */
static ScoutNode *
scout_record (ScoutIndex *index,
              const char *parent,
              const char *key,
              char       *path,
              gboolean    object)
{
  ScoutNode *node;

  if (g_hash_table_contains (index->nodes, path))
    {
      g_free (path);
      return NULL;
    }
  node = g_new0 (ScoutNode, 1);
  node->parent = g_strdup (parent);
  node->key = g_strdup (key);
  node->object = object;
  g_hash_table_insert (index->nodes, path, node);
  return node;
}

static void
scout_walk (ScoutIndex *index,
            const char *parent,
            const char *key,
            JsonNode   *value,
            guint       depth)
{
  char *path = scout_child_path (parent, key);
  ScoutNode *node;

  /* A service's inventory read but not built comes as null. */
  if (JSON_NODE_HOLDS_NULL (value) && depth == 1)
    index->pruned = TRUE;
  node = scout_record (index, parent, key, path, JSON_NODE_HOLDS_OBJECT (value));
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *o = json_node_get_object (value);
      g_autoptr(GList) members = json_object_get_members (o);

      node->arn = g_strdup (str (o, "arn"));
      node->id = g_strdup (str (o, "id"));
      node->name = g_strdup (str (o, "name"));
      node->region = g_strdup (str (o, "region"));
      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *child = scout_child_path (path, l->data);

          if (g_hash_table_contains (index->wanted, child))
            scout_walk (index, path, l->data, json_object_get_member (o, l->data), depth + 1);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char number[16];
          g_autofree char *child = NULL;

          g_snprintf (number, sizeof number, "%u", i);
          child = scout_child_path (path, number);
          if (g_hash_table_contains (index->wanted, child))
            scout_walk (index, path, number, json_array_get_element (array, i), depth + 1);
        }
    }
}

/* The reader pruned the inventory to save memory: read the file once more,
 * as a stream, building only the nodes on the items' paths. */
typedef struct
{
  char      *path;    /* NULL when not followed; "" for the services object */
  ScoutNode *node;    /* followed objects */
  gboolean   array;
  guint64    next;    /* arrays: the index of the next element */
} ScoutFrame;

typedef struct
{
  ScoutIndex *index;
  GArray     *stack;  /* ScoutFrame */
  char       *key;    /* the last member name read */
} ScoutStream;

#define SCOUT_MAX_DEPTH 512

/* Where the value about to be read goes: its path, or NULL when it is not
 * on any item's way. */
static char *
scout_stream_path (ScoutStream *s,
                   char       **key_out)
{
  ScoutFrame *top;
  char number[24];

  *key_out = NULL;
  if (s->stack->len == 0)
    return NULL;
  top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
  if (s->stack->len == 1)
    return !top->array && g_strcmp0 (s->key, "services") == 0 ? g_strdup ("") : NULL;
  if (top->path == NULL)
    return NULL;
  if (top->array)
    {
      g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT, top->next);
      *key_out = g_strdup (number);
    }
  else
    *key_out = g_strdup (s->key ? s->key : "");

  {
    char *path = scout_child_path (*top->path ? top->path : NULL, *key_out);

    if (g_hash_table_contains (s->index->wanted, path))
      return path;
    g_free (path);
    g_clear_pointer (key_out, g_free);
    return NULL;
  }
}

static void
scout_stream_after_value (ScoutStream *s)
{
  if (s->stack->len > 0)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);

      if (top->array)
        top->next++;
    }
}

static int
scout_stream_scalar (ScoutStream *s,
                     const char  *string,
                     gsize        length)
{
  g_autofree char *key = NULL;
  char *path = scout_stream_path (s, &key);

  if (s->stack->len > 1)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);

      if (top->node && !top->array && string && s->key)
        {
          char **slot = g_str_equal (s->key, "arn") ? &top->node->arn :
                        g_str_equal (s->key, "id") ? &top->node->id :
                        g_str_equal (s->key, "name") ? &top->node->name :
                        g_str_equal (s->key, "region") ? &top->node->region : NULL;

          if (slot && *slot == NULL)
            *slot = g_strndup (string, length);
        }
      if (path && *path)
        scout_record (s->index, *top->path ? top->path : NULL, key, g_steal_pointer (&path), FALSE);
    }
  g_free (path);
  scout_stream_after_value (s);
  return 1;
}

static int
scout_on_null (void *ctx)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_boolean (void *ctx,
                  int   value)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_number (void       *ctx,
                 const char *text,
                 size_t      length)
{
  return scout_stream_scalar (ctx, NULL, 0);
}

static int
scout_on_string (void                *ctx,
                 const unsigned char *text,
                 size_t               length)
{
  return scout_stream_scalar (ctx, (const char *)text, length);
}

static int
scout_on_key (void                *ctx,
              const unsigned char *text,
              size_t               length)
{
  ScoutStream *s = ctx;
  ScoutFrame *top = s->stack->len ? &g_array_index (s->stack, ScoutFrame, s->stack->len - 1) : NULL;

  /* Names matter only in the top object and in followed ones. */
  g_clear_pointer (&s->key, g_free);
  if (s->stack->len == 1 || (top && top->path))
    s->key = g_strndup ((const char *)text, length);
  return 1;
}

static int
scout_stream_open (ScoutStream *s,
                   gboolean     array)
{
  ScoutFrame frame = { 0 };
  g_autofree char *key = NULL;

  if (s->stack->len >= SCOUT_MAX_DEPTH)
    return 0;
  frame.path = scout_stream_path (s, &key);
  frame.array = array;
  if (frame.path && *frame.path)
    {
      ScoutFrame *top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
      ScoutNode *node = scout_record (s->index, *top->path ? top->path : NULL, key, g_strdup (frame.path), !array);

      frame.node = array ? NULL : node;
    }
  g_array_append_val (s->stack, frame);
  g_clear_pointer (&s->key, g_free);
  return 1;
}

static int
scout_stream_close (ScoutStream *s)
{
  ScoutFrame *top;

  if (s->stack->len == 0)
    return 0;
  top = &g_array_index (s->stack, ScoutFrame, s->stack->len - 1);
  g_free (top->path);
  g_array_set_size (s->stack, s->stack->len - 1);
  scout_stream_after_value (s);
  return 1;
}

static int
scout_on_start_map (void *ctx)
{
  return scout_stream_open (ctx, FALSE);
}

static int
scout_on_start_array (void *ctx)
{
  return scout_stream_open (ctx, TRUE);
}

static int
scout_on_end (void *ctx)
{
  return scout_stream_close (ctx);
}

static const yajl_callbacks scout_callbacks = {
  .yajl_null = scout_on_null,
  .yajl_boolean = scout_on_boolean,
  .yajl_number = scout_on_number,
  .yajl_string = scout_on_string,
  .yajl_start_map = scout_on_start_map,
  .yajl_map_key = scout_on_key,
  .yajl_end_map = scout_on_end,
  .yajl_start_array = scout_on_start_array,
  .yajl_end_array = scout_on_end,
};

static void
scout_stream_file (ScoutIndex *index,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_parse_name (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  ScoutStream s = { index, g_array_new (FALSE, TRUE, sizeof (ScoutFrame)), NULL };
  yajl_handle handle;
  gboolean first = TRUE;
  gssize n;

  if (stream == NULL)
    {
      g_array_unref (s.stack);
      return;
    }
  buffer = g_malloc (64 * 1024);
  handle = yajl_alloc (&scout_callbacks, NULL, &s);
  yajl_config (handle, yajl_allow_trailing_garbage, 1);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL, NULL)) > 0)
    {
      const char *data = buffer;

      if (first)
        {
          /* A BOM and "scoutsuite_results =" come before the first brace. */
          const char *brace = memchr (buffer, '{', n);

          first = FALSE;
          if (brace == NULL)
            break;
          n -= brace - buffer;
          data = brace;
        }
      if (yajl_parse (handle, (const unsigned char *)data, n) != yajl_status_ok)
        break;
    }
  yajl_free (handle);
  for (guint i = 0; i < s.stack->len; i++)
    g_free (g_array_index (s.stack, ScoutFrame, i).path);
  g_array_unref (s.stack);
  g_free (s.key);
}

/* Collections whose members are resources, by the key that holds them. */
static const char * const scout_collections[] = {
  "alarms", "buckets", "certificates", "clusters", "credential_reports", "distributions", "domains",
  "elb_policies", "elbs", "file_systems", "functions", "groups", "identities", "images", "instances",
  "keys", "lbs", "metric_filters", "network_acls", "parameter_groups", "peering_connections",
  "policies", "queues", "repositories", "roles", "secrets", "security_groups", "snapshots", "stacks",
  "subnets", "tables", "topics", "trails", "users", "volumes", "vpcs",
};

static gboolean
scout_is_collection (const char *key)
{
  return key && g_strv_contains ((const char * const *)scout_collections, key);
}

typedef struct
{
  char       *resource;       /* the finding's resource */
  char       *resource_type;  /* "<service>/<collection>" */
  const char *region;         /* borrowed from the index */
  const char *name;           /* the resource's own name, when it has one */
  gboolean    resolved;
} ScoutResolved;

/* The item's node, or its deepest ancestor found, and the resource among
 * them: at the rule's own path pattern's first "<collection>.id" below
 * regions and VPCs, else the innermost object under a resource collection
 * that has an ARN, id or name. */
static void
scout_resolve (ScoutIndex    *index,
               const char    *service,
               const char    *item,
               const char    *pattern,
               ScoutResolved *out)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();   /* ScoutNode, leaf first */
  g_autofree char *prefix = g_strdup (item);
  g_auto(GStrv) steps = pattern ? g_strsplit (pattern, ".", -1) : NULL;
  ScoutNode *leaf = NULL, *resource = NULL;
  guint depth;

  memset (out, 0, sizeof *out);
  /* The deepest recorded node on the item's path. */
  for (;;)
    {
      char *dot;

      if ((leaf = g_hash_table_lookup (index->nodes, prefix)) != NULL)
        break;
      if ((dot = strrchr (prefix, '.')) == NULL)
        break;
      *dot = '\0';
    }
  for (ScoutNode *node = leaf; node; node = node->parent ? g_hash_table_lookup (index->nodes, node->parent) : NULL)
    {
      g_ptr_array_add (chain, node);
      if (chain->len > SCOUT_MAX_DEPTH)
        break;
    }
  depth = chain->len;
  if (depth == 0 || g_strcmp0 (((ScoutNode *)chain->pdata[depth - 1])->key, service) != 0)
    {
      out->resource = g_strdup (item);
      out->resource_type = g_strdup (service);
      return;
    }

  /* chain->pdata[depth - 1 - i] is the node at step i of the path. */
#define STEP(i) ((ScoutNode *)chain->pdata[depth - 1 - (i)])
  for (guint i = 1; i + 1 < depth; i++)
    if (g_strcmp0 (STEP (i)->key, "regions") == 0)
      {
        out->region = STEP (i + 1)->key;
        break;
      }

  for (guint i = 2; steps && steps[0] && i < depth && i < g_strv_length (steps); i++)
    if (g_str_equal (steps[i], "id") && !g_str_equal (steps[i - 1], "regions") &&
        !g_str_equal (steps[i - 1], "vpcs"))
      {
        if (STEP (i)->object)
          resource = STEP (i);
        break;
      }
  for (guint i = depth - 1; resource == NULL && i >= 2; i--)
    if (STEP (i)->object && (STEP (i)->arn || STEP (i)->id || STEP (i)->name) &&
        scout_is_collection (STEP (i - 1)->key))
      resource = STEP (i);

  out->resolved = g_str_equal (prefix, item) || resource != NULL;
  if (resource != NULL && out->resolved)
    {
      ScoutNode *collection = g_hash_table_lookup (index->nodes, resource->parent);

      out->resource = g_strdup (first_of (resource->arn, first_of (resource->id, first_of (resource->name, resource->key))));
      out->resource_type = g_strdup_printf ("%s/%s", service, collection ? collection->key : "");
      out->name = resource->name;
      if (out->region == NULL)
        out->region = resource->region;
    }
  else
    {
      out->resource = g_strdup (item);
      out->resource_type = g_strdup (service);
    }
#undef STEP
}

typedef struct
{
  char      *resource;
  char      *resource_type;
  const char *region;
  const char *name;
  gboolean   resolved;
  GPtrArray *paths;   /* borrowed item strings */
} ScoutGroup;

static void
scout_group_free (gpointer data)
{
  ScoutGroup *group = data;

  g_free (group->resource);
  g_free (group->resource_type);
  g_ptr_array_unref (group->paths);
  g_free (group);
}

/* @id_part names the finding in its id, in no language. */
static void
scout_emit (FileState     *state,
            DmFindingData *base,
            const char    *service,
            const char    *rule_id,
            const char    *id_part,
            const char    *resource,
            const char    *resource_type,
            const char    *region,
            const char    *evidence)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = g_strdup_printf ("scoutsuite/%s/%s/%s", service, rule_id, id_part);
  DmFindingData data = *base;

  data.id = id;
  data.resource = resource;
  data.resource_type = resource_type;
  data.region = region;
  data.evidence = evidence;
  map_finding_by_id (state, &data, NULL, NULL, &(ToolId){ "scoutsuite", rule_id, NULL }, service, controls);
  if (data.check == NULL)
    data.check = rule_id;
  add_finding (state, &data, controls);
}

/* "<rationale> Flagged: a, b, c and 2 more." */
static char *
scout_evidence (const char *rationale,
                const char *name,
                GPtrArray  *paths,
                gboolean    resolved)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < paths->len && i < 3; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", (const char *)paths->pdata[i]);
  if (paths->len > 3)
    g_string_append_printf (list, _(" and %u more"), paths->len - 3);
  if (rationale && *rationale)
    g_string_append_printf (text, "%s ", rationale);
  if (resolved && name && *name)
    g_string_append_printf (text, _("Flagged in %s: %s."), name, list->str);
  else if (resolved)
    g_string_append_printf (text, _("Flagged: %s."), list->str);
  else
    g_string_append_printf (text, _("Flagged: %s (not found in the results' inventory)."), list->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ScoutSuite reports per rule: how many items it checked and which it
 * flagged. Each rule is one item of the input: one failed finding per
 * flagged resource (two paths into one security group are one finding),
 * one passed finding when it checked items and flagged none, a counted
 * skip when it checked nothing. */
static gboolean
import_scoutsuite (FileState  *state,
                   JsonObject *document)
{
  JsonObject *services = obj (document, "services");
  g_autoptr(GList) names = NULL;
  const char *account = str (document, "account_id");
  ScoutIndex index = { 0 };

  if (services == NULL || !(json_object_has_member (document, "last_run") ||
                            json_object_has_member (document, "provider_code")))
    return FALSE;

  g_free (state->input->format);
  state->input->format = g_strdup ("scoutsuite");

  /* First the nodes every flagged item leads through. */
  index.wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, scout_node_free);
  names = json_object_get_members (services);
  for (GList *l = names; l; l = l->next)
    {
      JsonObject *findings = scout_object (scout_object (services, l->data), "findings");
      g_autoptr(GList) rules = findings ? json_object_get_members (findings) : NULL;

      for (GList *r = rules; r; r = r->next)
        {
          JsonNode *items = member (scout_object (findings, r->data), "items");
          JsonArray *array = items && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;

          for (guint i = 0; array && i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                scout_want (&index, json_node_get_string (item));
            }
        }
    }
  for (GList *l = names; l; l = l->next)
    if (g_hash_table_contains (index.wanted, l->data))
      scout_walk (&index, NULL, l->data, json_object_get_member (services, l->data), 0);
  if (index.pruned)
    {
      g_hash_table_remove_all (index.nodes);
      scout_stream_file (&index, state->input->path);
    }

  for (GList *l = names; l; l = l->next)
    {
      const char *service = l->data;
      JsonObject *findings = scout_object (scout_object (services, service), "findings");
      g_autoptr(GList) rules = findings ? json_object_get_members (findings) : NULL;

      for (GList *r = rules; r; r = r->next)
        {
          const char *rule_id = r->data;
          JsonObject *rule = scout_object (findings, rule_id);
          const char *level = str (rule, "level");
          const char *rationale = str (rule, "rationale");
          gint64 flagged = integer (rule, "flagged_items", 0);
          gint64 checked = integer (rule, "checked_items", flagged);
          JsonNode *items = member (rule, "items");
          JsonArray *array = items && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
          g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (scout_group_free);
          g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
          guint unreadable = 0;
          guint64 before = n_findings (state);
          DmFindingData base = { 0 };

          state->input->items++;
          if (rule == NULL)
            {
              skip (state, _("rule is not an object"));
              continue;
            }
          if (flagged == 0 && checked == 0 && (array == NULL || json_array_get_length (array) == 0))
            {
              skip (state, _("rule had nothing to check"));
              continue;
            }

          base.severity = g_strcmp0 (level, "danger") == 0 ? DM_SEVERITY_HIGH : DM_SEVERITY_MEDIUM;
          base.tool = "ScoutSuite";
          base.account = account;
          base.title = first_of (str (rule, "description"), rule_id);
          base.remediation = str (rule, "remediation");
          base.source_item = state->input->items - 1;
          base.status = DM_FINDING_FAILED;

          for (guint i = 0; array && i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              ScoutResolved where;
              ScoutGroup *group;

              if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
                {
                  unreadable++;
                  continue;
                }
              scout_resolve (&index, service, json_node_get_string (item),
                             str (rule, "path"), &where);
              group = g_hash_table_lookup (by_resource, where.resource);
              if (group == NULL)
                {
                  group = g_new0 (ScoutGroup, 1);
                  group->resource = where.resource;
                  group->resource_type = where.resource_type;
                  group->region = where.region;
                  group->name = where.name;
                  group->resolved = where.resolved;
                  group->paths = g_ptr_array_new ();
                  g_ptr_array_add (groups, group);
                  g_hash_table_insert (by_resource, group->resource, group);
                }
              else
                {
                  g_free (where.resource);
                  g_free (where.resource_type);
                }
              g_ptr_array_add (group->paths, (gpointer)json_node_get_string (item));
            }

          for (guint i = 0; i < groups->len; i++)
            {
              ScoutGroup *group = groups->pdata[i];
              g_autofree char *evidence = scout_evidence (rationale, group->name, group->paths, group->resolved);

              scout_emit (state, &base, service, rule_id, group->resource, group->resource, group->resource_type,
                          group->region, evidence);
            }

          /* Flagged items without a readable path are kept, as one finding
           * on the rule. */
          if (unreadable > 0 || (groups->len == 0 && flagged > 0))
            {
              g_autofree char *resource = unreadable > 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u flagged item without a path",
                                                "%u flagged items without a path", unreadable), unreadable)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " flagged item",
                                                "%" PRId64 " flagged items", flagged), flagged);
              g_autofree char *evidence = g_strdup_printf ("%s%s%s", first_of (rationale, ""),
                                                           rationale && *rationale ? " " : "",
                                                           _("ScoutSuite gave no readable path for these items."));

              scout_emit (state, &base, service, rule_id, unreadable > 0 ? "unreadable-items" : "flagged-items",
                          resource, service, NULL, evidence);
            }
          else if (groups->len == 0)
            {
              g_autofree char *resource = NULL;
              const char *dashboard = str (rule, "dashboard_name");

              resource = dashboard && *dashboard
                         ? g_strdup_printf (_("%s: all %" PRId64 " checked items"), dashboard, checked)
                         : g_strdup_printf (_("all %" PRId64 " checked items"), checked);
              base.status = DM_FINDING_PASSED;
              scout_emit (state, &base, service, rule_id, "all-checked", resource, service, NULL, rationale);
            }

          if (n_findings (state) > before)
            state->input->evaluated++;
        }
    }

  g_hash_table_unref (index.wanted);
  g_hash_table_unref (index.nodes);
  return TRUE;
}

/* Item arrays inside small documents (AWS CLI responses), with the format
 * they are; the big arrays are streamed by the reader instead. */
static const struct
{
  const char *path;
  Kind        kind;
} document_arrays[] = {
  { "EvaluationResults", KIND_CONFIG_EVALUATION },
  { "ConformancePackRuleEvaluationResults", KIND_CONFIG_EVALUATION },
  { "ComplianceByConfigRules", KIND_CONFIG_RULE },
  { "ConformancePackRuleComplianceList", KIND_CONFIG_RULE },
  { "ComplianceByResources", KIND_CONFIG_RESOURCE },
  { "result.flaggedResources", KIND_TRUSTED_ADVISOR },
  { "recommendationResourceSummaries", KIND_TRUSTED_ADVISOR },
};

/* Documents without an item array: a single finding, Config rule results,
 * ScoutSuite results, or one AWS CLI response. */
static gboolean
import_document (FileState  *state,
                 JsonNode   *document,
                 GError    **error)
{
  JsonObject *o = document && JSON_NODE_HOLDS_OBJECT (document) ? json_node_get_object (document) : NULL;

  if (o == NULL)
    goto unknown;

  if (classify (o) != KIND_UNKNOWN)
    {
      import_object (state, o, 0);
      return TRUE;
    }

  for (guint a = 0; a < G_N_ELEMENTS (document_arrays); a++)
    {
      JsonNode *results = member (o, document_arrays[a].path);
      JsonArray *array;

      if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
        continue;
      array = json_node_get_array (results);
      /* An empty list still tells the format. */
      state->kinds[document_arrays[a].kind]++;
      state->trusted_advisor_check = str (o, "result.checkId");
      state->conformance_pack = str (o, "ConformancePackName");
      for (guint i = 0; i < json_array_get_length (array); i++)
        item_cb (json_array_get_element (array, i), document_arrays[a].path, i, state);
      return TRUE;
    }

  if (import_scoutsuite (state, o))
    return TRUE;

  if (json_object_has_member (o, "configurationItems") || json_object_has_member (o, "Findings") ||
      json_object_has_member (o, "findings"))
    return TRUE;   /* an empty export: nothing to read, which is no error */

  /* Any other object is taken as one AWS CLI response. */
  if (json_object_get_size (o) > 0)
    {
      DmCheckContext context;

      g_free (state->input->format);
      state->input->format = g_strdup ("aws-cli");
      state->input->items++;

      init_context (state, &context, 0);
      evaluate_cli_output (state, &context, o);
      if (context.emitted > 0)
        state->input->evaluated++;
      return TRUE;
    }

unknown:
  g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT,
               _("%s: not an export Demarc knows (expected findings, configuration items or an AWS CLI response)"),
               state->input->path);
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
looks_like_region (const char *name)
{
  /* eu-west-1, us-gov-east-1, ap-southeast-3 */
  return g_regex_match_simple ("^[a-z]{2}(-[a-z]+)+-[0-9]$", name, 0, 0);
}

static gboolean
looks_like_account (const char *name)
{
  return g_regex_match_simple ("^[0-9]{12}$", name, 0, 0);
}

/* CloudMapper names the folders of its per-resource calls after the call:
 * s3-get-bucket-policy, sqs-get-queue-attributes, ecs-describe-tasks,
 * iam-generate-service-last-accessed-details. */
static gboolean
looks_like_call (const char *name)
{
  return g_regex_match_simple ("^[a-z0-9]+-(get|list|describe|generate|lookup|search|batch-get)-[a-z0-9-]+$",
                               name, 0, 0);
}

/* CloudMapper writes each resource's file name with Python's
 * urllib.parse.quote_plus: "+" for a space, %XX for anything but letters,
 * digits and "_.-~" (so an ARN's ":" and "/" come as %3A and %2F). */
static char *
decode_resource_name (const char *name)
{
  g_autofree char *spaced = g_strdup (name);
  char *decoded;

  g_strdelimit (spaced, "+", ' ');
  decoded = g_uri_unescape_string (spaced, NULL);
  if (decoded && *decoded && g_utf8_validate (decoded, -1, NULL))
    return decoded;
  g_free (decoded);
  return g_filename_display_name (name);
}

#define IDENTITY_FILE "sts-get-caller-identity.json"
#define SCAN_FILES 200            /* files looked at for ARNs, per account folder */
#define SCAN_ENTRIES 4000         /* names looked at, so a huge folder ends the scan too */
#define SCAN_BYTES (64 * 1024)    /* of each */

/* sts get-caller-identity: {"Account", "Arn", "UserId"}. */
static char *
account_from_identity (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(DmJsonReader) reader = NULL;
  JsonNode *document;
  const char *account;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return NULL;
  reader = dm_json_reader_new ();
  if (!dm_json_reader_read_file (reader, file, NULL, NULL, cancellable, NULL))
    return NULL;
  document = dm_json_reader_get_document (reader);
  account = document && JSON_NODE_HOLDS_OBJECT (document) ? str (json_node_get_object (document), "Account") : NULL;
  return account && looks_like_account (account) ? g_strdup (account) : NULL;
}

static GPtrArray *
sorted_children (GFile        *folder,
                 GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, NULL);
  while (children && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Counts the account of every ARN in the first bytes of the regular files
 * under folder (links are not followed, so loops end). */
typedef struct
{
  guint files;
  guint entries;
} ScanBudget;

static void
scan_arns (GFile        *folder,
           GHashTable   *counts,
           ScanBudget   *budget,
           guint         depth,
           GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = sorted_children (folder, cancellable);
  g_autofree char *head = NULL;

  for (guint i = 0; i < names->len && budget->files > 0 && budget->entries > 0; i++, budget->entries--)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);
      g_autoptr(GFileInputStream) stream = NULL;
      gsize n = 0;

      if (type == G_FILE_TYPE_DIRECTORY && depth < 4)
        scan_arns (child, counts, budget, depth + 1, cancellable);
      if (type != G_FILE_TYPE_REGULAR || !(stream = g_file_read (child, cancellable, NULL)))
        continue;
      budget->files--;
      if (head == NULL)
        head = g_malloc (SCAN_BYTES + 1);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, SCAN_BYTES, &n, cancellable, NULL))
        continue;
      head[n] = '\0';
      for (const char *p = strstr (head, "arn:aws"); p; p = strstr (p + 1, "arn:aws"))
        {
          char *account = dm_check_arn_account (p);

          if (account)
            g_hash_table_insert (counts, account,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, account)) + 1));
        }
    }
}

/**
 * account_of_folder:
 *
 * CloudMapper's account folder is named after the account's *name*: the
 * id is in sts-get-caller-identity.json (in the folder or, as CloudMapper
 * writes it, in a region folder), else in the ARNs of the data (the
 * account most of them name), else the folder's name if it is an id.
 * Worked out once per folder.
 */
static const char *
account_of_folder (DmImporter   *self,
                   GFile        *folder,
                   GCancellable *cancellable)
{
  g_autofree char *key = g_file_get_parse_name (folder);
  g_autofree char *name = g_file_get_basename (folder);
  g_autoptr(GFile) identity = g_file_get_child (folder, IDENTITY_FILE);
  const char *known = g_hash_table_lookup (self->accounts, key);
  char *account;

  if (known)
    return *known ? known : NULL;

  account = account_from_identity (identity, cancellable);
  if (account == NULL)
    {
      g_autoptr(GPtrArray) names = sorted_children (folder, cancellable);

      for (guint i = 0; i < names->len && account == NULL; i++)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));
          g_autoptr(GFile) in_child = g_file_get_child (child, IDENTITY_FILE);

          if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) == G_FILE_TYPE_DIRECTORY)
            account = account_from_identity (in_child, cancellable);
        }
    }
  if (account == NULL)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer k, v;
      ScanBudget budget = { SCAN_FILES, SCAN_ENTRIES };
      guint best = 0;
      const char *winner = NULL;

      scan_arns (folder, counts, &budget, 0, cancellable);
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &k, &v))
        if (GPOINTER_TO_UINT (v) > best || (GPOINTER_TO_UINT (v) == best && g_strcmp0 (k, winner) < 0))
          {
            best = GPOINTER_TO_UINT (v);
            winner = k;
          }
      account = g_strdup (winner);
    }
  if (account == NULL && name && looks_like_account (name))
    account = g_strdup (name);

  g_hash_table_insert (self->accounts, g_strdup (key), account ? account : g_strdup (""));
  return account;
}

/**
 * context_from_path:
 * @in_folder: the file was met in a folder walk
 *
 * CloudMapper lays out account-data/<account>/<region>/<call>.json and
 * <region>/<call>/<resource> (a level deeper for ecs-describe-tasks and
 * route53-list-hosted-zones-by-vpc, whose second level may itself be a
 * region): the path says where those files come from. Elsewhere in a
 * walk, the folder that holds the file stands for the account folder.
 */
static void
context_from_path (FileState *state,
                   GFile     *file,
                   gboolean   in_folder)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) account_dir = NULL;

  for (guint i = 0; dir && i < 4 && account_dir == NULL; i++)
    {
      g_autoptr(GFile) parent = g_file_get_parent (dir);
      g_autofree char *name = g_file_get_basename (dir);
      g_autofree char *parent_name = parent ? g_file_get_basename (parent) : NULL;

      if (name && looks_like_region (name) && parent && !(parent_name && looks_like_call (parent_name)))
        {
          state->path_region = g_steal_pointer (&name);
          account_dir = g_object_ref (parent);
        }
      /* Higher up only from inside a call folder. */
      else if (state->call == NULL)
        break;
      g_set_object (&dir, parent);
    }

  if (account_dir == NULL && in_folder)
    account_dir = g_file_get_parent (file);
  state->account_dir = g_steal_pointer (&account_dir);
}

/**
 * dm_importer_set_progress:
 * @func: (nullable): called from the importing thread as items are read
 *
 * The reader reports every few hundred kilobytes, so @func may copy and
 * return; it must not touch widgets.
 */
void
dm_importer_set_progress (DmImporter           *self,
                          DmImportProgressFunc  func,
                          gpointer              user_data)
{
  g_return_if_fail (DM_IS_IMPORTER (self));
  self->progress = func;
  self->progress_data = user_data;
}

static void
reader_progress_cb (guint64  bytes_read,
                    guint64  items,
                    gpointer user_data)
{
  DmImporter *self = user_data;
  guint64 before = self->where.items;

  self->where.bytes_read = bytes_read;
  self->where.items = before + items;
  if (self->progress)
    self->progress (&self->where, self->progress_data);
  self->where.items = before;
}

/* ScoutSuite results are one object whose inventory of every resource
 * dwarfs the findings Demarc reads: a peek at the start of the file says
 * whether to read that inventory without building it. */
static gboolean
looks_like_scoutsuite (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  char head[4096];
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, cancellable, NULL))
    return FALSE;
  head[n] = '\0';
  return strstr (head, "scoutsuite_results") != NULL ||
         (strstr (head, "\"provider_code\"") != NULL && strstr (head, "\"last_run\"") != NULL);
}

static void
free_file_state (FileState *state)
{
  g_free (state->basename);
  g_free (state->path_account);
  g_free (state->path_region);
  g_free (state->call);
  g_free (state->resource_name);
  g_clear_object (&state->account_dir);
}

/* In a folder walk, a file that cannot be read is an input that says so,
 * with the reader's message, and the walk goes on. Items read before the
 * fault stay counted; the unread rest counts as one skipped item. */
static void
record_unreadable (FileState    *state,
                   const GError *error)
{
  const char *message = error->message;
  gsize length = strlen (state->input->path);
  g_autofree char *reason = NULL;

  if (strncmp (message, state->input->path, length) == 0 && g_str_has_prefix (message + length, ": "))
    message += length + 2;
  if (state->input->items == 0)
    {
      g_free (state->input->format);
      state->input->format = g_strdup ("unreadable");
      reason = g_strdup_printf (_("could not be read: %s"), message);
    }
  else
    reason = g_strdup_printf (_("the rest of the file could not be read: %s"), message);
  state->input->items++;
  skip (state, reason);
}

/**
 * import_one_file:
 * @call: (nullable): the CloudMapper call folder @file is in
 * @in_folder: met in a folder walk: a file that cannot be read is
 *   recorded as such instead of stopping the import
 */
static gboolean
import_one_file (DmImporter    *self,
                 GFile         *file,
                 const char    *call,
                 gboolean       in_folder,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  DmImportInput *input = g_new0 (DmImportInput, 1);
  FileState state = { 0 };
  guint best = 0;

  input->path = g_file_get_parse_name (file);
  state.self = self;
  state.basename = g_file_get_basename (file);
  if (call)
    {
      state.call = g_strdup (call);
      state.resource_name = decode_resource_name (state.basename);
    }
  context_from_path (&state, file, in_folder);
  /* A Demarc bundle can hold thousands of calls: stream them. */
  dm_json_reader_add_item_path (reader, "calls");
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_REGULAR &&
      looks_like_scoutsuite (file, cancellable))
    {
      dm_json_reader_add_prune_path (reader, "services.*.*");
      dm_json_reader_add_keep_path (reader, "services.*.findings");
    }
  input->format = g_strdup ("unknown");
  input->reasons = g_ptr_array_new_with_free_func (free_reason);
  state.self = self;
  state.input = input;
  state.reasons = reasons;

  if (self->progress)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                     cancellable, NULL);

      self->where.path = input->path;
      self->where.bytes_read = 0;
      self->where.bytes_total = info ? (guint64)g_file_info_get_size (info) : 0;
      dm_json_reader_set_progress (reader, reader_progress_cb, self);
      self->progress (&self->where, self->progress_data);
    }

  if (looks_like_csv (file, cancellable) ? !import_csv (&state, file, cancellable, &local_error)
      : (!dm_json_reader_read_file (reader, file, item_cb, &state, cancellable, &local_error) ||
         (dm_json_reader_get_n_items (reader) == 0 &&
          !import_document (&state, dm_json_reader_get_document (reader), &local_error))))
    {
      if (!in_folder || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->where.path = NULL;
          free_input (input);
          free_file_state (&state);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      record_unreadable (&state, local_error);
    }
  /* Something of it was read: the folder it is in is not empty-handed. */
  if (local_error == NULL || input->items > 1)
    self->n_read++;
  free_file_state (&state);

  /* The file's format is the kind most of its items had. */
  for (guint k = 1; k < G_N_ELEMENTS (kind_formats); k++)
    if (state.kinds[k] > state.kinds[best])
      best = k;
  if (best != KIND_UNKNOWN)
    {
      g_free (input->format);
      input->format = g_strdup (best == KIND_ASFF && state.prowler_asff ? "prowler-asff" : kind_formats[best]);
    }

  self->where.items += input->items;
  self->where.files_done++;
  self->where.path = NULL;
  g_ptr_array_add (self->inputs, input);
  return TRUE;
}

/* A folder reached again through a link (or a link loop) is walked once. */
static gboolean
first_visit (DmImporter   *self,
             GFile        *folder,
             GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (folder, G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    return TRUE;
  return g_hash_table_add (self->folders,
                           g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                                            g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                                            g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE)));
}

/* A file a walk meets but does not read is listed as an input of its own:
 * one item, skipped with the reason. */
static void
add_not_read (DmImporter *self,
              GFile      *file,
              const char *reason)
{
  DmImportInput *input = g_new0 (DmImportInput, 1);
  DmSkipReason *entry = g_new0 (DmSkipReason, 1);

  input->path = g_file_get_parse_name (file);
  input->format = g_strdup ("not-read");
  input->reasons = g_ptr_array_new_with_free_func (free_reason);
  input->items = 1;
  input->skipped = 1;
  entry->reason = g_strdup (reason);
  entry->count = 1;
  g_ptr_array_add (input->reasons, entry);
  g_ptr_array_add (self->inputs, input);
  self->where.files_done++;
}

/* The reader inflates gzip as it goes (Config delivers .json.gz); CSV is
 * Prowler's, refused with its columns named when it is not. */
static gboolean
has_export_name (const char *name)
{
  g_autofree char *plain = g_str_has_suffix (name, ".gz") ? g_strndup (name, strlen (name) - 3) : g_strdup (name);

  return g_str_has_suffix (plain, ".json") || g_str_has_suffix (plain, ".ndjson") ||
         g_str_has_suffix (plain, ".jsonl") || g_str_has_suffix (plain, ".js") || g_str_has_suffix (plain, ".csv");
}

/**
 * walk_folder:
 * @call: (nullable): the CloudMapper call folder the walk is in
 *
 * Reads JSON-named files and subfolders in name order, and every file of
 * a CloudMapper call folder (s3-get-bucket-policy/<bucket> …, no
 * extension); every other file is listed as not read, with the reason.
 */
static gboolean
walk_folder (DmImporter    *self,
             GFile         *folder,
             const char    *call,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        cancellable, error);
  if (children == NULL)
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  if (error && *error)
    return FALSE;

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (name[0] == '.')
        add_not_read (self, child, type == G_FILE_TYPE_DIRECTORY ? _("hidden folder, not walked") : _("hidden file"));
      else if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (first_visit (self, child, cancellable) &&
              !walk_folder (self, child, call ? call : looks_like_call (name) ? name : NULL, cancellable, error))
            return FALSE;
        }
      else if (type != G_FILE_TYPE_REGULAR)
        add_not_read (self, child, _("not a regular file (a broken link, a device or a pipe)"));
      else if (call || has_export_name (name))
        {
          if (!import_one_file (self, child, call, TRUE, cancellable, error))
            return FALSE;
        }
      else
        add_not_read (self, child, _("not an export by its name (not .json, .ndjson, .jsonl, .js or .csv, gzipped or not, nor in a CloudMapper call folder)"));
    }

  return TRUE;
}

/**
 * dm_importer_add_file:
 * @file: an export, or a folder of them (read recursively, in name order)
 *
 * Reads @file without writing to it. A file given on its own that cannot
 * be read stops the import with an error naming it; in a folder, such a
 * file is listed as unreadable and the walk goes on, and files that are
 * no export are listed as not read. A folder in which nothing at all
 * could be read is an error. Unreadable items are counted as skipped,
 * with their reasons.
 */
gboolean
dm_importer_add_file (DmImporter    *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  guint inputs_before, read_before;

  g_return_val_if_fail (DM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *call = parent ? g_file_get_basename (parent) : NULL;

      /* One of CloudMapper's per-resource files, given on its own. */
      return import_one_file (self, file, call && looks_like_call (call) ? call : NULL, FALSE, cancellable, error);
    }
  /* The same folder given again was read the first time. */
  if (!first_visit (self, file, cancellable))
    return TRUE;

  inputs_before = self->inputs->len;
  read_before = self->n_read;
  if (!walk_folder (self, file, NULL, cancellable, error))
    return FALSE;

  if (self->n_read == read_before)
    {
      g_autofree char *path = g_file_get_parse_name (file);
      guint n = self->inputs->len - inputs_before;

      if (n == 0)
        g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOTHING_READ,
                     _("%s: the folder holds no files"), path);
      else
        {
          const DmImportInput *first = g_ptr_array_index (self->inputs, inputs_before);
          const DmSkipReason *reason = g_ptr_array_index (first->reasons, 0);

          g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_NOTHING_READ,
                       ngettext ("%s: nothing in the folder could be read (%u file; %s: %s)",
                                 "%s: nothing in the folder could be read (%u files; the first, %s: %s)", n),
                       path, n, first->path, reason->reason);
        }
      /* As for a single file: no half-read inputs left behind. */
      g_ptr_array_remove_range (self->inputs, inputs_before, n);
      return FALSE;
    }

  return TRUE;
}

/**
 * dm_importer_get_findings:
 *
 * Returns: (transfer none): a #GListModel of #DmFinding, in input order
 */
GListModel *
dm_importer_get_findings (DmImporter *self)
{
  g_return_val_if_fail (DM_IS_IMPORTER (self), NULL);
  return G_LIST_MODEL (self->findings);
}

guint
dm_importer_get_n_inputs (DmImporter *self)
{
  g_return_val_if_fail (DM_IS_IMPORTER (self), 0);
  return self->inputs->len;
}

const DmImportInput *
dm_importer_get_input (DmImporter *self,
                       guint       index)
{
  g_return_val_if_fail (DM_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->inputs->len, NULL);
  return g_ptr_array_index (self->inputs, index);
}
