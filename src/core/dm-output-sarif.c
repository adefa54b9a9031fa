/* dm-output-sarif.c: the failed findings as SARIF 2.1.0, for GitHub code
 * scanning and other SARIF viewers
 *
 * One run, one rule per check (Demarc's check id, or the tool's control or
 * title when Demarc has no check for it), one result per failed finding.
 * A result points at its export file. The readers do not keep a finding's
 * line or byte offset, only its item index in the file, so the region is
 * line 1 (GitHub needs one) and the index is the result's "sourceItem"
 * property. Written by DmJsonWriter as it goes, so a large export
 * costs no tree in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-output"

#include "config.h"

#include <string.h>

#include "dm-output.h"
#include "dm-json-blocks.h"
#include "dm-json-writer.h"
#include "dm-output-private.h"

/* As data/io.github.demarc.Demarc.metainfo.xml.in gives it. */
#define DEMARC_HOMEPAGE "https://github.com/demarc/demarc"
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

typedef struct
{
  char       *id;
  DmFinding  *first;  /* the rule's text when the catalogue has no check */
  DmSeverity  worst;
} Rule;

static void
rule_free (Rule *rule)
{
  g_free (rule->id);
  g_object_unref (rule->first);
  g_free (rule);
}

static const struct
{
  const char *level;
  const char *security_severity;  /* GitHub's 0.0-10.0 scale */
} severities[] = {
  [DM_SEVERITY_UNKNOWN] = { "warning", NULL },
  [DM_SEVERITY_INFORMATIONAL] = { "note", "0.5" },
  [DM_SEVERITY_LOW] = { "note", "3.0" },
  [DM_SEVERITY_MEDIUM] = { "warning", "5.5" },
  [DM_SEVERITY_HIGH] = { "error", "8.0" },
  [DM_SEVERITY_CRITICAL] = { "error", "9.5" },
};

/* SARIF has no nulls where Demarc has no text: an empty string. */
static void
put_string (DmJsonWriter *gen,
            const char   *text)
{
  dm_json_writer_string (gen, text ? text : "");
}

static void
put_member (DmJsonWriter *gen,
            const char   *name,
            const char   *value)
{
  put_string (gen, name);
  put_string (gen, value);
}

/* Members without a value are left out rather than written empty. */
static void
put_member_if (DmJsonWriter *gen,
               const char   *name,
               const char   *value)
{
  if (value && *value)
    put_member (gen, name, value);
}

static void
put_text_object (DmJsonWriter *gen,
                 const char   *name,
                 const char   *text)
{
  put_string (gen, name);
  dm_json_writer_begin_object (gen);
  put_member (gen, "text", text);
  dm_json_writer_end_object (gen);
}

static char *
rule_id (DmFinding *finding)
{
  const char * const *controls = dm_finding_get_controls (finding);

  if (dm_finding_get_check (finding))
    return g_strdup (dm_finding_get_check (finding));
  if (controls && controls[0])
    return g_strconcat (dm_finding_get_tool (finding), "/", controls[0], NULL);
  return g_strconcat (dm_finding_get_tool (finding), "/", dm_finding_get_title (finding), NULL);
}

/* Relative to the working directory when the file is under it (as an
 * upload to code scanning needs), else a file: URI. */
static char *
artifact_uri (const char *path)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) base = g_file_new_for_path (cwd);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *relative = g_file_get_relative_path (base, file);
  g_autofree char *absolute = NULL;

  if (relative)
    return g_uri_escape_string (relative, "/", FALSE);
  absolute = g_file_get_path (file);
  return g_filename_to_uri (absolute, NULL, NULL);
}

/* Stable across runs of the same export: the rule and what it is about,
 * not the tool's finding id (some tools make a new one each scan). */
static char *
fingerprint (const char *rule,
             DmFinding  *finding)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = {
    rule, dm_finding_get_account (finding), dm_finding_get_region (finding), dm_finding_get_resource (finding),
    dm_finding_get_resource (finding) ? NULL : dm_finding_get_title (finding),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *)(parts[i] ? parts[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *)"\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
put_rule (DmJsonWriter *gen,
          DmCatalogue  *catalogue,
          DmAssessment *assessment,
          const Rule   *rule)
{
  const DmCheck *check = NULL;
  const char *check_id = dm_finding_get_check (rule->first);
  const char *title, *help, *service, *layer;
  const char * const *controls;
  const char *security_severity = severities[rule->worst].security_severity;

  if (catalogue && check_id)
    check = dm_catalogue_find_check (catalogue, check_id);
  title = check ? check->title : dm_finding_get_title (rule->first);
  help = check ? check->remediation : dm_finding_get_remediation (rule->first);
  service = check ? check->service : dm_finding_get_service (rule->first);
  layer = check ? check->layer : dm_assessment_get_finding_layer (assessment, rule->first);
  controls = check ? (const char * const *)check->controls : dm_finding_get_controls (rule->first);

  dm_json_writer_begin_object (gen);
  put_member (gen, "id", rule->id);
  put_text_object (gen, "shortDescription", title && *title ? title : rule->id);
  if (help && *help)
    put_text_object (gen, "help", help);
  put_string (gen, "properties");
  dm_json_writer_begin_object (gen);
  _dm_output_put_strings (gen, "tags", (const char *[]){ "security", NULL });
  if (security_severity)
    put_member (gen, "security-severity", security_severity);
  _dm_output_put_strings (gen, "controls", controls);
  if (check && check->cis)
    _dm_output_put_strings (gen, "cis", (const char * const *)check->cis);
  put_member_if (gen, "service", service);
  put_member_if (gen, "layer", layer);
  dm_json_writer_end_object (gen);
  dm_json_writer_end_object (gen);
}

static void
put_result (DmJsonWriter *gen,
            DmAssessment *assessment,
            const Rule   *rule,
            guint         rule_index,
            DmFinding    *finding)
{
  DmSeverity severity = dm_finding_get_severity (finding);
  const char *resource = dm_finding_get_resource (finding);
  const char *source = dm_finding_get_source (finding);
  g_autofree char *message = NULL;
  g_autofree char *print = fingerprint (rule->id, finding);

  message = resource && *resource ? g_strdup_printf ("%s: %s", dm_finding_get_title (finding), resource)
                                  : g_strdup (dm_finding_get_title (finding));

  dm_json_writer_begin_object (gen);
  put_member (gen, "ruleId", rule->id);
  put_string (gen, "ruleIndex");
  dm_json_writer_integer (gen, rule_index);
  put_member (gen, "kind", "fail");
  put_member (gen, "level", severities[severity].level);
  put_text_object (gen, "message", message && *message ? message : rule->id);

  put_string (gen, "locations");
  dm_json_writer_begin_array (gen);
  dm_json_writer_begin_object (gen);
  if (source && *source)
    {
      g_autofree char *uri = artifact_uri (source);

      put_string (gen, "physicalLocation");
      dm_json_writer_begin_object (gen);
      put_string (gen, "artifactLocation");
      dm_json_writer_begin_object (gen);
      put_member (gen, "uri", uri);
      dm_json_writer_end_object (gen);
      put_string (gen, "region");
      dm_json_writer_begin_object (gen);
      put_string (gen, "startLine");
      dm_json_writer_integer (gen, 1);
      dm_json_writer_end_object (gen);
      dm_json_writer_end_object (gen);
    }
  if (resource && *resource)
    {
      put_string (gen, "logicalLocations");
      dm_json_writer_begin_array (gen);
      dm_json_writer_begin_object (gen);
      put_member (gen, "fullyQualifiedName", resource);
      put_member (gen, "kind", "resource");
      dm_json_writer_end_object (gen);
      dm_json_writer_end_array (gen);
    }
  dm_json_writer_end_object (gen);
  dm_json_writer_end_array (gen);

  put_string (gen, "partialFingerprints");
  dm_json_writer_begin_object (gen);
  put_member (gen, "demarcFinding/v1", print);
  dm_json_writer_end_object (gen);

  put_string (gen, "properties");
  dm_json_writer_begin_object (gen);
  put_member (gen, "severity", dm_severity_to_string (severity));
  put_member_if (gen, "service", dm_finding_get_service (finding));
  put_member_if (gen, "layer", dm_assessment_get_finding_layer (assessment, finding));
  put_member_if (gen, "tool", dm_finding_get_tool (finding));
  put_member_if (gen, "account", dm_finding_get_account (finding));
  put_member_if (gen, "region", dm_finding_get_region (finding));
  put_member_if (gen, "resource", resource);
  put_member_if (gen, "resourceType", dm_finding_get_resource_type (finding));
  put_member_if (gen, "findingId", dm_finding_get_id (finding));
  put_member_if (gen, "evidence", dm_finding_get_evidence (finding));
  put_string (gen, "sourceItem");
  dm_json_writer_integer (gen, (gint64)MIN (dm_finding_get_source_item (finding), (guint64)G_MAXINT64));
  dm_json_writer_end_object (gen);
  dm_json_writer_end_object (gen);
}

/* A result: a failed finding, under its rule. Taken out of the list
 * first: a list model need not be safe to read from two threads. */
typedef struct
{
  DmFinding *finding;
  guint      rule;
} Result;

static void
result_clear (gpointer data)
{
  g_clear_object (&((Result *)data)->finding);
}

typedef struct
{
  DmAssessment *assessment;
  GPtrArray    *rules;
  GArray       *results;
} Results;

/* Called from two threads at once: it only reads. */
static void
put_result_at (DmJsonWriter *gen,
               guint         index,
               gpointer      user_data)
{
  Results *results = user_data;
  const Result *result = &g_array_index (results->results, Result, index);

  put_result (gen, results->assessment, g_ptr_array_index (results->rules, result->rule), result->rule,
              result->finding);
}

void
dm_output_sarif_write (DmReport    *report,
                       DmCatalogue *catalogue,
                       FILE        *out)
{
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);
  g_autoptr(GHashTable) rule_index = g_hash_table_new (g_str_hash, g_str_equal);  /* id → index + 1 */
  g_autoptr(GArray) results = g_array_new (FALSE, FALSE, sizeof (Result));
  guint n = g_list_model_get_n_items (findings);
  g_autoptr(DmJsonWriter) gen = NULL;

  g_array_set_clear_func (results, result_clear);

  /* The rules first: the driver lists them before the results. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *id = NULL;
      guint index;
      Rule *rule;

      if (dm_finding_get_status (finding) != DM_FINDING_FAILED)
        continue;
      id = rule_id (finding);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (rule_index, id));
      if (index == 0)
        {
          rule = g_new0 (Rule, 1);
          rule->id = g_steal_pointer (&id);
          rule->first = g_object_ref (finding);
          g_ptr_array_add (rules, rule);
          index = rules->len;
          g_hash_table_insert (rule_index, rule->id, GUINT_TO_POINTER (index));
        }
      rule = g_ptr_array_index (rules, index - 1);
      rule->worst = MAX (rule->worst, dm_finding_get_severity (finding));
      g_array_append_val (results, ((Result){ g_object_ref (finding), index - 1 }));
    }

  gen = dm_json_writer_new (out);

  dm_json_writer_begin_object (gen);
  put_member (gen, "$schema", SARIF_SCHEMA);
  put_member (gen, "version", "2.1.0");
  put_string (gen, "runs");
  dm_json_writer_begin_array (gen);
  dm_json_writer_begin_object (gen);

  put_string (gen, "tool");
  dm_json_writer_begin_object (gen);
  put_string (gen, "driver");
  dm_json_writer_begin_object (gen);
  put_member (gen, "name", "Demarc");
  put_member (gen, "version", PACKAGE_VERSION);
  put_member (gen, "semanticVersion", PACKAGE_VERSION);
  put_member (gen, "informationUri", DEMARC_HOMEPAGE);
  put_string (gen, "rules");
  dm_json_writer_begin_array (gen);
  for (guint r = 0; r < rules->len; r++)
    put_rule (gen, catalogue, assessment, g_ptr_array_index (rules, r));
  dm_json_writer_end_array (gen);
  dm_json_writer_end_object (gen);
  dm_json_writer_end_object (gen);

  put_string (gen, "results");
  dm_json_writer_begin_array (gen);
  {
    Results all = { assessment, rules, results };

    dm_json_write_elements (gen, results->len, dm_default_workers (), put_result_at, &all);
  }
  dm_json_writer_end_array (gen);

  dm_json_writer_end_object (gen);
  dm_json_writer_end_array (gen);
  dm_json_writer_end_object (gen);
  g_clear_pointer (&gen, dm_json_writer_free);
  fputc ('\n', out);
}
