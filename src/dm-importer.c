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
#include "dm-importer.h"
#include "dm-json-reader.h"

struct _DmImporter
{
  GObject      parent_instance;

  DmCatalogue *catalogue;
  GListStore  *findings;
  GPtrArray   *inputs;   /* DmImportInput */
  GHashTable  *seen;     /* finding keys, so each finding is kept once */
  GHashTable  *folders;  /* "device:inode" of folders walked */

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
  g_hash_table_unref (self->folders);

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
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
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
} Kind;

static const char *kind_formats[] = {
  "unknown", "asff", "prowler-ocsf", "prowler-json", "prowler-ndjson", "config-snapshot", "config-compliance",
  "demarc-bundle",
};

typedef struct
{
  DmImporter    *self;
  DmImportInput *input;
  char          *basename;
  char          *path_account;   /* from a CloudMapper-style path */
  char          *path_region;
  GHashTable    *reasons;     /* reason -> DmSkipReason, borrowed from input */
  guint          kinds[G_N_ELEMENTS (kind_formats)];
  gboolean       prowler_asff;
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

static void
add_finding (FileState     *state,
             DmFindingData *data,
             GStrvBuilder  *controls)
{
  g_auto(GStrv) list = g_strv_builder_end (controls);
  g_autoptr(DmFinding) finding = NULL;
  char *key = finding_key (data);

  if (key != NULL && !g_hash_table_add (state->self->seen, key))
    {
      state->input->duplicates++;
      return;
    }

  data->controls = (const char * const *)list;
  data->source = state->input->path;
  finding = dm_finding_new (data);
  g_list_store_append (state->self->findings, finding);
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

static void
import_asff (FileState  *state,
             JsonObject *o,
             guint64     index)
{
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
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *uid_check = NULL;
  JsonObject *resource = first_object (o, "resources");
  /* v4/v5 name it finding_info; OCSF 1.0 (Prowler v3) named it finding. */
  JsonObject *finding = obj (o, "finding_info") ? obj (o, "finding_info") : obj (o, "finding");
  const char *check = first_of (str (o, "metadata.event_code"), str (o, "metadata.product.feature.uid"));
  const char *status_text = first_of (str (o, "status_code"), str (o, "compliance.status"));
  DmFindingData data = { 0 };
  gboolean known;

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
  data.account = context->account;
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

static void
init_context (FileState      *state,
              DmCheckContext *context,
              guint64         index)
{
  memset (context, 0, sizeof *context);
  context->catalogue = state->self->catalogue;
  context->source_name = state->basename;
  context->service_hint = state->basename;
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
  /* Duplicates count: an item that repeats a finding was read, not lost. */
  guint64 n = state->input->duplicates;

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

/* ScoutSuite reports per rule: how many items it checked, how many it
 * flagged. A rule that flagged items is a failed finding; one that checked
 * items and flagged none passed. */
static gboolean
import_scoutsuite (FileState  *state,
                   JsonObject *document)
{
  JsonObject *services = obj (document, "services");
  g_autoptr(GList) names = NULL;
  const char *account = str (document, "account_id");

  if (services == NULL || !(json_object_has_member (document, "last_run") ||
                            json_object_has_member (document, "provider_code")))
    return FALSE;

  g_free (state->input->format);
  state->input->format = g_strdup ("scoutsuite");

  names = json_object_get_members (services);
  for (GList *l = names; l; l = l->next)
    {
      JsonObject *findings = obj (obj (services, l->data), "findings");
      g_autoptr(GList) rules = findings ? json_object_get_members (findings) : NULL;

      for (GList *r = rules; r; r = r->next)
        {
          g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
          g_autofree char *id = g_strdup_printf ("scoutsuite/%s/%s", (char *)l->data, (char *)r->data);
          g_autofree char *resource = NULL;
          g_autofree char *evidence = NULL;
          JsonObject *rule = obj (findings, r->data);
          const char *level = str (rule, "level");
          gint64 flagged = integer (rule, "flagged_items", 0);
          gint64 checked = integer (rule, "checked_items", flagged);
          JsonNode *items = member (rule, "items");
          g_autoptr(GString) examples = g_string_new (NULL);
          DmFindingData data = { 0 };

          state->input->items++;
          if (rule == NULL || (flagged == 0 && checked == 0))
            {
              skip (state, _("rule had nothing to check"));
              continue;
            }

          for (guint i = 0; items && JSON_NODE_HOLDS_ARRAY (items) && i < json_array_get_length (json_node_get_array (items)) && i < 5; i++)
            {
              JsonNode *item = json_array_get_element (json_node_get_array (items), i);

              if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                g_string_append_printf (examples, "%s%s", examples->len ? ", " : "", json_node_get_string (item));
            }

          resource = g_strdup_printf (_("%" PRId64 " of %" PRId64 " checked items"), flagged, checked);
          evidence = examples->len ? g_strdup_printf (_("Flagged: %s"), examples->str) : g_strdup (str (rule, "rationale"));

          data.id = id;
          data.status = flagged > 0 ? DM_FINDING_FAILED : DM_FINDING_PASSED;
          data.severity = g_strcmp0 (level, "danger") == 0 ? DM_SEVERITY_HIGH : DM_SEVERITY_MEDIUM;
          data.tool = "ScoutSuite";
          data.account = account;
          data.resource = resource;
          data.title = first_of (str (rule, "description"), r->data);
          data.evidence = evidence;
          data.remediation = str (rule, "remediation");
          data.source_item = state->input->items - 1;

          map_finding (state, &data, NULL, NULL, l->data, controls);
          add_finding (state, &data, controls);
          state->input->evaluated++;
        }
    }

  return TRUE;
}

/* Documents without an item array: a single finding, Config rule results,
 * ScoutSuite results, or one AWS CLI response. */
static gboolean
import_document (FileState  *state,
                 JsonNode   *document,
                 GError    **error)
{
  JsonObject *o = document && JSON_NODE_HOLDS_OBJECT (document) ? json_node_get_object (document) : NULL;
  JsonNode *results = o ? member (o, "EvaluationResults") : NULL;

  if (o == NULL)
    goto unknown;

  if (classify (o) != KIND_UNKNOWN)
    {
      import_object (state, o, 0);
      return TRUE;
    }

  if (results && JSON_NODE_HOLDS_ARRAY (results))
    {
      JsonArray *array = json_node_get_array (results);

      state->kinds[KIND_CONFIG_EVALUATION]++;
      for (guint i = 0; i < json_array_get_length (array); i++)
        item_cb (json_array_get_element (array, i), "EvaluationResults", i, state);
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

/* CloudMapper lays out account-data/<account>/<region>/<call>.json: the
 * path is the only place those files say where they come from. */
static void
context_from_path (FileState *state,
                   GFile     *file)
{
  g_autoptr(GFile) region_dir = g_file_get_parent (file);
  g_autoptr(GFile) account_dir = region_dir ? g_file_get_parent (region_dir) : NULL;
  g_autofree char *region = region_dir ? g_file_get_basename (region_dir) : NULL;
  g_autofree char *account = account_dir ? g_file_get_basename (account_dir) : NULL;

  if (region && looks_like_region (region))
    state->path_region = g_steal_pointer (&region);
  if (account && looks_like_account (account))
    state->path_account = g_steal_pointer (&account);
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

static gboolean
import_one_file (DmImporter    *self,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  DmImportInput *input = g_new0 (DmImportInput, 1);
  FileState state = { 0 };
  guint best = 0;

  input->path = g_file_get_parse_name (file);
  state.basename = g_file_get_basename (file);
  context_from_path (&state, file);
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

  if (!dm_json_reader_read_file (reader, file, item_cb, &state, cancellable, error) ||
      (dm_json_reader_get_n_items (reader) == 0 &&
       !import_document (&state, dm_json_reader_get_document (reader), error)))
    {
      self->where.path = NULL;
      free_input (input);
      g_free (state.basename);
      g_free (state.path_account);
      g_free (state.path_region);
      return FALSE;
    }
  g_free (state.basename);
  g_free (state.path_account);
  g_free (state.path_region);

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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
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

/**
 * dm_importer_add_file:
 * @file: an export, or a folder of them (read recursively, in name order)
 *
 * Reads @file without writing to it. A file that cannot be read at all
 * stops the import with an error naming it; unreadable items are counted
 * as skipped, with their reasons.
 */
gboolean
dm_importer_add_file (DmImporter    *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GFileInfo *info;

  g_return_val_if_fail (DM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    return import_one_file (self, file, cancellable, error);
  if (!first_visit (self, file, cancellable))
    return TRUE;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      /* In folders, take JSON-looking files and subfolders; leave the rest. */
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ||
          g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".ndjson") ||
          g_str_has_suffix (name, ".jsonl") || g_str_has_suffix (name, ".js"))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  if (error && *error)
    return FALSE;

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_ptr_array_index (names, i));

      if (!dm_importer_add_file (self, child, cancellable, error))
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
