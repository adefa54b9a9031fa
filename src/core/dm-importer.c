/* dm-importer.c
 *
 * The format is told from the content, item by item, never from the file
 * name. Each item becomes a compact DmFinding or a counted skip with its
 * reason; nothing is dropped silently. The formats are the rows of the
 * two tables below, each read by its own dm-import-<format>.c; this file
 * tries them in turn and walks files and folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-importer-private.h"

G_DEFINE_FINAL_TYPE (DmImporter, dm_importer, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-import-error-quark, dm_import_error)

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
  g_free (input->tool_version);
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
  g_hash_table_unref (self->also_seen);
  g_hash_table_unref (self->reported);
  g_hash_table_unref (self->folders);
  g_hash_table_unref (self->accounts);
  g_mutex_clear (&self->accounts_lock);

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
  self->findings = dm_finding_array_new ();
  self->inputs = g_ptr_array_new_with_free_func (free_input);
  self->seen = g_hash_table_new_full (_dm_import_finding_key_hash, _dm_import_finding_key_equal, g_object_unref, NULL);
  self->also_seen = g_hash_table_new_full (_dm_import_finding_hash, _dm_import_finding_equal, g_object_unref, NULL);
  /* Its findings are in findings, which keeps them. */
  self->reported = g_hash_table_new (_dm_import_report_hash, _dm_import_report_equal);
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->accounts_lock);
  self->workers = dm_default_workers ();
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

/* --- the formats ------------------------------------------------------- */

/* Single items, tried in this order on every item: the first whose detect
 * says yes reads it. The order matters where formats share fields:
 * GuardDuty's own findings have a SchemaVersion like ASFF's, so they come
 * first. rank only breaks a tie in naming a file whose items were as many
 * of two formats (the lower names it); a new format takes the next one. */
static const DmImportFormat formats[] = {
  { "guardduty",                   8,  NULL,           _dm_import_guardduty_detect,         _dm_import_guardduty },
  { "inspector2",                  9,  NULL,           _dm_import_inspector_detect,         _dm_import_inspector },
  { "macie",                      15,  NULL,           _dm_import_macie_detect,             _dm_import_macie },
  { "access-analyzer",            10,  NULL,           _dm_import_access_analyzer_detect,   _dm_import_access_analyzer },
  { "cloudsploit",                11,  NULL,           _dm_import_cloudsploit_detect,       _dm_import_cloudsploit },
  { "trusted-advisor",            12,  NULL,           _dm_import_trusted_advisor_detect,   _dm_import_trusted_advisor },
  { "asff",                        1,  "prowler-asff", _dm_import_asff_detect,              _dm_import_asff,
    _dm_import_asff_reads },
  { "prowler-ocsf",                2,  NULL,           _dm_import_prowler_ocsf_detect,      _dm_import_prowler_ocsf,
    _dm_import_prowler_ocsf_reads },
  { "prowler-json",                3,  NULL,           _dm_import_prowler_v3_detect,        _dm_import_prowler_v3 },
  { "prowler-ndjson",              4,  NULL,           _dm_import_prowler_v2_detect,        _dm_import_prowler_v2 },
  { "config-snapshot",             5,  NULL,           _dm_import_config_item_detect,       _dm_import_config_item,
    _dm_import_config_item_reads },
  { "config-compliance",           6,  NULL,           _dm_import_config_evaluation_detect, _dm_import_config_evaluation },
  { "config-rule-compliance",     13,  NULL,           _dm_import_config_rule_detect,       _dm_import_config_rule },
  { "config-resource-compliance", 14,  NULL,           _dm_import_config_resource_detect,   _dm_import_config_resource },
  { "demarc-bundle",               7,  NULL,           _dm_import_bundle_call_detect,       _dm_import_bundle_call },
};

/* Every member any detect above reads, whole: a projected item is then
 * told the same format as the whole item would be. A new format's detect
 * adds its members here (test-import compares projected and whole reads
 * of every fixture). */
static const char * const detect_reads[] = {
  "resourceOwnerAccount", "resourceType", "status", "SchemaVersion", "ProductArn", "GeneratorId", "operation",
  "service", "output", "error", "plugin", "category", "configuration", "configurationItemStatus",
  "EvaluationResultIdentifier", "ComplianceType", "ConfigRuleName", "Compliance.ComplianceType", "ResourceId",
  "ResourceType", "Type", "Service", "Resource", "AccountId", "findingArn", "awsAccountId", "resourcesAffected",
  "type", "severity", "accountId", "finding_info", "finding", "metadata", "CheckID", "Status", "Control ID",
  "Control", "Account Number", "recommendationArn", "isSuppressed", "resourceId", "resource", "detail-type",
  "detail", NULL
};

static gboolean import_document_arrays (DmImportFile *state,
                                        DmJsonObject *document);
static gboolean import_empty_export    (DmImportFile *state,
                                        DmJsonObject *document);

/* Whole files and documents, in this order: a CSV file is told before any
 * JSON is read; the reader is told what to stream or leave out; then a
 * document that is no item of the table above is offered to each
 * import_document in turn. */
static const DmImportDocumentFormat documents[] = {
  { "prowler-csv",     .sniff = _dm_import_prowler_csv_sniff, .read_file = _dm_import_prowler_csv },
  { "demarc-bundle",   .prepare = _dm_import_bundle_prepare },
  { "document-arrays", .import_document = import_document_arrays },
  { "scoutsuite",      .prepare = _dm_import_scoutsuite_prepare, .import_document = _dm_import_scoutsuite },
  { "empty-export",    .import_document = import_empty_export },
  { "aws-cli",         .import_document = _dm_import_cli_response },
};

/* Item arrays inside small documents (AWS CLI responses), with the format
 * they are; the big arrays are streamed by the reader instead. */
static const struct
{
  const char *path;
  const char *format;
} document_arrays[] = {
  { "EvaluationResults", "config-compliance" },
  { "AggregateEvaluationResults", "config-compliance" },
  { "AggregateComplianceByConfigRules", "config-rule-compliance" },
  { "baseConfigurationItems", "config-snapshot" },
  { "ConformancePackRuleEvaluationResults", "config-compliance" },
  { "ComplianceByConfigRules", "config-rule-compliance" },
  { "ConformancePackRuleComplianceList", "config-rule-compliance" },
  { "ComplianceByResources", "config-resource-compliance" },
  { "result.flaggedResources", "trusted-advisor" },
  { "recommendationResourceSummaries", "trusted-advisor" },
};

/* The row of formats[] that reads @o, or -1. */
static int
detect_format (DmJsonObject *o)
{
  if (o == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].detect (o))
      return i;
  return -1;
}

static int
format_named (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      return i;
  g_return_val_if_reached (-1);
}

static void
import_object_as (DmImportFile *state,
                  DmJsonObject *o,
                  guint64       index,
                  int           format)
{
  guint64 before = _dm_import_n_findings (state);

  state->input->items++;
  state->item_time = 0;
  if (format >= 0)
    {
      state->kinds[format]++;
      formats[format].import_item (state, o, index);
    }
  else
    {
      state->unknown_items++;
      _dm_import_skip (state, _("not a finding or resource Demarc reads"));
    }

  if (_dm_import_n_findings (state) > before)
    state->input->evaluated++;
}

static void
import_object (DmImportFile *state,
               DmJsonObject *o,
               guint64       index)
{
  import_object_as (state, o, index, detect_format (o));
}

/* After a file's first item: when its format says what it reads, the
 * items after it are built with only that and what detecting reads. */
static void
choose_projection (DmImportFile *state,
                   int           format)
{
  state->projection_chosen = TRUE;
  if (format < 0 || formats[format].reads == NULL || state->reader == NULL || state->self->whole_items)
    return;
  state->projection = dm_json_projection_new ();
  dm_json_projection_add_all (state->projection, detect_reads);
  dm_json_projection_add_all (state->projection, formats[format].reads);
  state->projected_format = format;
  dm_json_reader_set_projection (state->reader, state->projection);
}

/* For import_item (): its item's format is not known yet. */
#define NOT_DETECTED (-2)

static int import_item (DmImportFile *state,
                        DmJsonNode   *item,
                        gboolean      top_level,
                        int           format);

/* The arrays an API's answer pages hold their items in. */
static const char * const page_arrays[] = { "Findings", "findings", "configurationItems" };

/* Saved pages of an answer (GetFindings' {"Findings": […], "NextToken": …}),
 * as a JSON array of pages or one page per line: each page's items are
 * read as the file's, and the page itself is no item. */
static gboolean
import_page (DmImportFile *state,
             DmJsonObject *o)
{
  for (guint p = 0; p < G_N_ELEMENTS (page_arrays); p++)
    {
      DmJsonNode *node = dm_json_object_get_member (o, page_arrays[p]);
      DmJsonArray *array;

      if (node == NULL || !DM_JSON_NODE_HOLDS_ARRAY (node))
        continue;
      array = dm_json_node_get_array (node);
      /* Pages are read whole: a projection for their items would leave
       * the next page's array out. */
      state->projection_chosen = TRUE;
      for (guint i = 0; i < dm_json_array_get_length (array); i++)
        import_item (state, dm_json_array_get_element (array, i), FALSE, NOT_DETECTED);
      return TRUE;
    }
  return FALSE;
}

/* EventBridge events whose detail is one service's finding, read as that
 * service's own (a rule's target keeps them: S3, CloudWatch Logs, a test
 * payload). An event's source, when it has one, must be the service's. */
static const struct
{
  const char *detail_type;
  const char *source;
  const char *format;
} finding_events[] = {
  { "GuardDuty Finding", "aws.guardduty", "guardduty" },
  { "Inspector2 Finding", "aws.inspector2", "inspector2" },
};

/* Kinds of other events a file's skip reasons name; the rest share one. */
#define MAX_EVENT_KINDS_NAMED 16

/* "EC2 Instance State-change Notification, aws.ec2": the export's own
 * words, short and valid (escaped where they are shown). */
static char *
event_kind (const char *detail_type,
            const char *source)
{
  g_autofree char *text = g_strdup_printf ("%s%s%s", detail_type, source ? ", " : "", source ? source : "");
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 80)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 79);
  return g_strconcat (start, "…", NULL);
}

/* An EventBridge event ({"detail-type", "source", "detail": {…}}): a
 * finding of a service above is one item read as that service's; Security
 * Hub's, whose detail holds findings[], a page (a single event's are
 * streamed by the reader, and this reads its empty rest); any other event
 * is one item, skipped with its kind named. FALSE when @o is no event. */
static gboolean
import_event (DmImportFile *state,
              DmJsonObject *o)
{
  const char *detail_type = _dm_import_str (o, "detail-type");
  const char *source = _dm_import_str (o, "source");
  DmJsonObject *detail = _dm_import_obj (o, "detail");
  guint64 index = state->input->items;
  g_autofree char *kind = NULL;
  g_autofree char *reason = NULL;

  if (detail_type == NULL || detail == NULL)
    return FALSE;

  for (guint e = 0; e < G_N_ELEMENTS (finding_events); e++)
    {
      int format;

      if (!g_str_equal (detail_type, finding_events[e].detail_type) ||
          (source && !g_str_equal (source, finding_events[e].source)))
        continue;
      format = format_named (finding_events[e].format);
      if (detect_format (detail) != format)
        {
          state->input->items++;
          _dm_import_skip (state, _("a finding event whose detail is not a whole finding"));
          return TRUE;
        }
      state->event_time = _dm_import_str (o, "time");
      import_object_as (state, detail, index, format);
      state->event_time = NULL;
      return TRUE;
    }

  if (import_page (state, detail))
    return TRUE;

  state->input->items++;
  kind = event_kind (detail_type, source);
  reason = g_strdup_printf (_("an EventBridge event that carries no finding Demarc reads (%s)"), kind);
  if (g_hash_table_contains (state->reasons, reason) || state->event_kinds < MAX_EVENT_KINDS_NAMED)
    {
      if (!g_hash_table_contains (state->reasons, reason))
        state->event_kinds++;
      _dm_import_skip (state, reason);
    }
  else
    _dm_import_skip (state, _("an EventBridge event that carries no finding Demarc reads (of yet another kind)"));
  return TRUE;
}

static gboolean
is_page_or_event (DmJsonObject *o)
{
  for (guint p = 0; p < G_N_ELEMENTS (page_arrays); p++)
    if (dm_json_object_has_member (o, page_arrays[p]))
      return TRUE;
  return _dm_import_str (o, "detail-type") && _dm_import_obj (o, "detail");
}

/* A top-level value of a file of several (one per line, one after the
 * other, or in a top-level array) that is an AWS CLI answer, read as a
 * single document would be: a page of Config or Trusted Advisor results,
 * or a page of a response Demarc's own checks read, joined to the pages
 * before it. */
static gboolean
import_response_page (DmImportFile *state,
                      DmJsonNode   *item)
{
  DmJsonObject *o = dm_json_node_get_object (item);

  for (guint a = 0; a < G_N_ELEMENTS (document_arrays); a++)
    if (_dm_import_member (o, document_arrays[a].path))
      {
        _dm_import_cli_pages_end (state);
        return import_document_arrays (state, o);
      }
  return _dm_import_cli_page (state, item);
}

/* One item as it was built; returns its format, or -1. Its number is its
 * place among the file's items, the same however many arrays, lines or
 * pages hold them. @top_level: a top-level value of a file of several, or
 * of its top-level array. */
static int
import_item (DmImportFile *state,
             DmJsonNode   *item,
             gboolean      top_level,
             int           format)
{
  DmJsonObject *o = DM_JSON_NODE_HOLDS_OBJECT (item) ? dm_json_node_get_object (item) : NULL;
  guint64 index;

  if (format == NOT_DETECTED)
    format = o ? detect_format (o) : -1;

  if (top_level && o && format < 0 && !is_page_or_event (o) && import_response_page (state, item))
    return -1;
  /* The pages of a response before this item are read before it. */
  _dm_import_cli_pages_end (state);
  index = state->input->items;
  if (o == NULL)
    {
      state->input->items++;
      _dm_import_skip (state, _("not a JSON object"));
      return -1;
    }
  if (format < 0 && (import_event (state, o) || import_page (state, o)))
    return -1;
  import_object_as (state, o, index, format);
  return format;
}

static gboolean
item_cb (DmJsonNode *item,
         const char *container,
         guint64     index,
         gpointer    user_data)
{
  DmImportFile *state = user_data;
  /* Top-level values one after the other, or of a top-level array. */
  gboolean top_level = g_strcmp0 (container, "ndjson") == 0 || g_strcmp0 (container, "") == 0;
  int format = NOT_DETECTED;

  /* A projected item of another format (a mixed file, a page) is read
   * whole. */
  if (state->reader && dm_json_reader_get_item_is_projected (state->reader) && DM_JSON_NODE_HOLDS_OBJECT (item) &&
      (format = detect_format (dm_json_node_get_object (item))) != state->projected_format)
    {
      g_autoptr(DmJsonDoc) whole = dm_json_reader_get_whole_item (state->reader);

      if (whole != NULL)
        import_item (state, dm_json_doc_get_root (whole), top_level, NOT_DETECTED);
      return TRUE;
    }
  format = import_item (state, item, top_level, format);
  if (!state->projection_chosen)
    {
      choose_projection (state, format);
      if (state->read_ahead && state->reader)
        dm_json_reader_set_read_ahead (state->reader, TRUE);
    }
  return TRUE;
}

static gboolean
import_document_arrays (DmImportFile *state,
                        DmJsonObject *o)
{
  for (guint a = 0; a < G_N_ELEMENTS (document_arrays); a++)
    {
      DmJsonNode *results = _dm_import_member (o, document_arrays[a].path);
      DmJsonArray *array;

      if (results == NULL || !DM_JSON_NODE_HOLDS_ARRAY (results))
        continue;
      array = dm_json_node_get_array (results);
      /* An empty list still tells the format. */
      state->kinds[format_named (document_arrays[a].format)]++;
      state->trusted_advisor_check = _dm_import_str (o, "result.checkId");
      state->conformance_pack = _dm_import_str (o, "ConformancePackName");
      for (guint i = 0; i < dm_json_array_get_length (array); i++)
        item_cb (dm_json_array_get_element (array, i), document_arrays[a].path, i, state);
      /* They point into @o, which is gone once the reader moves on when
       * @o is one line of several: the next line is not of that pack. */
      state->trusted_advisor_check = NULL;
      state->conformance_pack = NULL;
      return TRUE;
    }
  return FALSE;
}

static gboolean
import_empty_export (DmImportFile *state,
                     DmJsonObject *o)
{
  /* An empty export: nothing to read, which is no error. */
  return dm_json_object_has_member (o, "configurationItems") || dm_json_object_has_member (o, "Findings") ||
         dm_json_object_has_member (o, "findings");
}

/* Documents without an item array: a single finding, an EventBridge
 * event, Config rule results, ScoutSuite results, or one AWS CLI response. */
static gboolean
import_document (DmImportFile *state,
                 DmJsonNode   *document,
                 GError      **error)
{
  DmJsonObject *o = document && DM_JSON_NODE_HOLDS_OBJECT (document) ? dm_json_node_get_object (document) : NULL;

  if (o != NULL && detect_format (o) >= 0)
    {
      import_object (state, o, 0);
      return TRUE;
    }
  if (o != NULL && import_event (state, o))
    return TRUE;
  for (guint d = 0; o != NULL && d < G_N_ELEMENTS (documents); d++)
    if (documents[d].import_document && documents[d].import_document (state, o))
      return TRUE;

  g_set_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_UNKNOWN_FORMAT,
               _("%s: not an export Demarc knows (expected findings, configuration items or an AWS CLI response)"),
               state->input->path);
  return FALSE;
}

/**
 * dm_importer_set_whole_items:
 *
 * Builds every item whole instead of only the members the importer reads:
 * slower, for comparing the two.
 */
void
dm_importer_set_whole_items (DmImporter *self,
                             gboolean    whole_items)
{
  g_return_if_fail (DM_IS_IMPORTER (self));
  self->whole_items = whole_items;
}

/**
 * dm_importer_set_progress:
 * @func: (nullable): called as items are read, from the importing thread
 *   or, for a large file read ahead, the thread assessing its items;
 *   never from two at once
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

static void
free_file_state (DmImportFile *state)
{
  g_free (state->basename);
  g_free (state->path_account);
  g_free (state->path_region);
  g_free (state->call);
  g_free (state->resource_name);
  g_free (state->kinds);
  g_clear_object (&state->account_dir);
  g_clear_object (&state->account_file);
  g_clear_pointer (&state->projection, dm_json_projection_free);
  g_clear_pointer (&state->strings, dm_finding_strings_free);
  g_clear_pointer (&state->cli_pages, g_ptr_array_unref);
  g_free (state->cli_lists);
  g_free (state->last_arn.arn);
  g_free (state->last_arn.account);
  g_free (state->last_arn.region);
}

/* In a folder walk, a file that cannot be read is an input that says so,
 * with the reader's message, and the walk goes on. Items read before the
 * fault stay counted; the unread rest counts as one skipped item. */
static void
record_unreadable (DmImportFile *state,
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
  state->input->damaged = TRUE;
  _dm_import_skip (state, reason);
}

/* A file's own reader when one claims it by a peek (CSV), else the JSON
 * reader: items as they stream, or the whole document. */
static gboolean
read_file (DmImportFile  *state,
           DmJsonReader  *reader,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  gboolean ok;

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    if (documents[d].sniff && documents[d].sniff (file, cancellable))
      return documents[d].read_file (state, file, cancellable, error);

  ok = dm_json_reader_read_file (reader, file, item_cb, state, cancellable, error);
  /* Pages of a response read before the end (or a fault) are read. */
  _dm_import_cli_pages_end (state);
  return ok && (dm_json_reader_get_n_items (reader) > 0 ||
                import_document (state, dm_json_reader_get_document (reader), error));
}

/* The file's format is the kind most of its items had; on a tie, items of
 * no known format win, then the lower rank. */
static void
name_format (DmImportFile *state)
{
  guint best_count = state->unknown_items;
  int best = -1;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (state->kinds[i] > best_count ||
        (state->kinds[i] == best_count && best >= 0 && formats[i].rank < formats[best].rank))
      {
        best = i;
        best_count = state->kinds[i];
      }
  if (best >= 0)
    {
      g_free (state->input->format);
      state->input->format = g_strdup (state->variant && formats[best].variant ? formats[best].variant
                                                                               : formats[best].name);
    }
}

static void
start_progress (DmImporter   *self,
                DmJsonReader *reader,
                GFile        *file,
                const char   *path,
                GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                 cancellable, NULL);

  self->where.path = path;
  self->where.bytes_read = 0;
  self->where.bytes_total = info ? (guint64)g_file_info_get_size (info) : 0;
  dm_json_reader_set_progress (reader, reader_progress_cb, self);
  self->progress (&self->where, self->progress_data);
}

/* One file's read: begun and finished on the importer's thread, read
 * there or by a worker. */
typedef struct
{
  DmImportFile   state;
  DmJsonReader  *reader;
  GHashTable    *reasons;
  gboolean       in_folder;
  gboolean       ok;
  GError        *error;
  /* For the pool: done is set, under lock, when the read is over. */
  GMutex         lock;
  GCond          cond;
  gboolean       done;
} FileJob;

static FileJob *
file_job_new (DmImporter   *self,
              GFile        *file,
              const char   *call,
              gboolean      in_folder,
              GCancellable *cancellable)
{
  FileJob *job = g_new0 (FileJob, 1);
  DmImportInput *input = g_new0 (DmImportInput, 1);
  DmImportFile *state = &job->state;

  job->reader = dm_json_reader_new ();
  job->reasons = g_hash_table_new (g_str_hash, g_str_equal);
  job->in_folder = in_folder;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  input->path = g_file_get_parse_name (file);
  state->self = self;
  state->basename = g_file_get_basename (file);
  state->kinds = g_new0 (guint, G_N_ELEMENTS (formats));
  state->strings = dm_finding_strings_new ();
  state->reader = job->reader;
  state->projected_format = -1;
  if (call)
    {
      state->call = g_strdup (call);
      state->resource_name = _dm_import_decode_resource_name (state->basename);
    }
  _dm_import_context_from_path (state, file, in_folder);
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    if (documents[d].prepare)
      documents[d].prepare (job->reader, file, cancellable);
  input->format = g_strdup ("unknown");
  input->reasons = g_ptr_array_new_with_free_func (free_reason);
  state->input = input;
  state->reasons = job->reasons;
  return job;
}

static void
file_job_free (FileJob *job)
{
  if (job->state.input)
    free_input (job->state.input);
  g_clear_pointer (&job->state.pending, g_array_unref);
  free_file_state (&job->state);
  g_object_unref (job->reader);
  g_hash_table_unref (job->reasons);
  g_clear_error (&job->error);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

/* The part a worker may do: nothing of the importer's is touched. */
static void
file_job_read (FileJob      *job,
               GFile        *file,
               GCancellable *cancellable)
{
  DmImportFile *state = &job->state;

  job->ok = read_file (state, job->reader, file, cancellable, &job->error);
  if (!job->ok && job->in_folder && !g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    record_unreadable (state, job->error);
  name_format (state);
}

/* On the importer's thread, in input order. */
static gboolean
file_job_finish (DmImporter  *self,
                 FileJob     *job,
                 GError     **error)
{
  DmImportFile *state = &job->state;
  DmImportInput *input = state->input;

  if (!job->ok && (!job->in_folder || g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      self->where.path = NULL;
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  _dm_import_keep_pending (state);
  /* Something of it was read: the folder it is in is not empty-handed. */
  if (job->ok || input->items > 1)
    self->n_read++;

  self->where.items += input->items;
  self->where.files_done++;
  self->where.path = NULL;
  g_ptr_array_add (self->inputs, g_steal_pointer (&state->input));
  return TRUE;
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
  FileJob *job = file_job_new (self, file, call, in_folder, cancellable);
  gboolean ok;

  /* Read on its own: reading it and assessing it can take a core each. */
  job->state.read_ahead = self->workers > 1;

  if (self->progress)
    start_progress (self, job->reader, file, job->state.input->path, cancellable);
  file_job_read (job, file, cancellable);
  ok = file_job_finish (self, job, error);
  file_job_free (job);
  return ok;
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
              const char *reason,
              gboolean    damaged)
{
  DmImportInput *input = g_new0 (DmImportInput, 1);
  DmSkipReason *entry = g_new0 (DmSkipReason, 1);

  input->path = g_file_get_parse_name (file);
  input->format = g_strdup ("not-read");
  input->reasons = g_ptr_array_new_with_free_func (free_reason);
  input->items = 1;
  input->skipped = 1;
  input->damaged = damaged;
  entry->reason = g_strdup (reason);
  entry->count = 1;
  g_ptr_array_add (input->reasons, entry);
  g_ptr_array_add (self->inputs, input);
  self->where.files_done++;
}

/* The reader inflates gzip as it goes (Config delivers .json.gz); CSV is
 * Prowler's, refused with its columns named when it is not. */
/* Exports are often mailed or downloaded packed: an archive in a folder
 * may hold what the review needs, so it is not passed over quietly. */
static gboolean
has_archive_name (const char *name)
{
  static const char *suffixes[] = { ".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".txz", ".7z", ".rar" };
  g_autofree char *folded = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (folded, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_export_name (const char *name)
{
  g_autofree char *plain = g_str_has_suffix (name, ".gz") ? g_strndup (name, strlen (name) - 3) : g_strdup (name);

  return g_str_has_suffix (plain, ".json") || g_str_has_suffix (plain, ".ndjson") ||
         g_str_has_suffix (plain, ".jsonl") || g_str_has_suffix (plain, ".js") || g_str_has_suffix (plain, ".csv");
}

/* One step of a folder walk, in walk order: a file to read, or one
 * listed as not read with its reason. */
typedef struct
{
  GFile      *file;
  char       *call;
  const char *not_read;   /* translated, static */
  gboolean    archive;    /* not read, and may hold exports */
  FileJob    *job;
  int         taken;      /* atomic: a worker or the importer's thread reads it */
} Step;

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->file);
  g_clear_pointer (&step->call, g_free);
  g_clear_pointer (&step->job, file_job_free);
}

static void
add_step (GArray     *plan,
          GFile      *file,
          const char *call,
          const char *not_read)
{
  Step step = { g_object_ref (file), g_strdup (call), not_read, FALSE, NULL };

  g_array_append_val (plan, step);
}

/**
 * plan_folder:
 * @call: (nullable): the CloudMapper call folder the walk is in
 *
 * Lists JSON-named files and subfolders in name order, and every file of
 * a CloudMapper call folder (s3-get-bucket-policy/<bucket> …, no
 * extension), to be read; every other file is listed as not read, with
 * the reason.
 */
static gboolean
plan_folder (DmImporter    *self,
             GFile         *folder,
             const char    *call,
             GArray        *plan,
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

  g_ptr_array_sort (names, _dm_import_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (name[0] == '.')
        add_step (plan, child, NULL, type == G_FILE_TYPE_DIRECTORY ? _("hidden folder, not walked") : _("hidden file"));
      else if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (first_visit (self, child, cancellable) &&
              !plan_folder (self, child, call ? call : _dm_import_looks_like_call (name) ? name : NULL, plan,
                            cancellable, error))
            return FALSE;
        }
      else if (type != G_FILE_TYPE_REGULAR)
        add_step (plan, child, NULL, _("not a regular file (a broken link, a device or a pipe)"));
      else if (call || has_export_name (name))
        add_step (plan, child, call, NULL);
      else if (has_archive_name (name))
        {
          add_step (plan, child, NULL, _("an archive, which Demarc does not open: unpack it and open the folder"));
          g_array_index (plan, Step, plan->len - 1).archive = TRUE;
        }
      else
        add_step (plan, child, NULL, _("not an export by its name (not .json, .ndjson, .jsonl, .js or .csv, gzipped or not, nor in a CloudMapper call folder)"));
    }

  return TRUE;
}

typedef struct
{
  GCancellable *cancellable;
} PoolData;

static void
pool_read (gpointer data,
           gpointer user_data)
{
  Step *step = data;
  PoolData *pool = user_data;

  if (!g_atomic_int_compare_and_exchange (&step->taken, 0, 1))
    return;
  file_job_read (step->job, step->file, pool->cancellable);
  g_mutex_lock (&step->job->lock);
  step->job->done = TRUE;
  g_cond_signal (&step->job->cond);
  g_mutex_unlock (&step->job->lock);
}

/* A worker may read any file but CloudMapper's per-resource files (a
 * call folder's), which are read in turn. Every file of a walk has an
 * account folder, looked up (under its lock) only when Demarc's own
 * checks read a CLI response, and the same whichever file asks first. */
static gboolean
pool_may_read (Step *step)
{
  return step->call == NULL && step->job->state.call == NULL;
}

/* Hands the files to the pool, then keeps what each read in walk order:
 * the same findings, inputs and order as reading them one by one. When
 * the pool could start no thread, this thread reads what no worker took
 * rather than wait for ever; else it waits (reading too would put three
 * readers on two cores, which measured slower). */
static gboolean
run_plan_in_pool (DmImporter    *self,
                  GArray        *plan,
                  GCancellable  *cancellable,
                  GError       **error)
{
  PoolData data = { cancellable };
  GThreadPool *pool = g_thread_pool_new (pool_read, &data, self->pool_threadless ? 0 : (int) self->workers, FALSE, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; i < plan->len; i++)
    {
      Step *step = &g_array_index (plan, Step, i);

      if (step->not_read)
        continue;
      step->job = file_job_new (self, step->file, step->call, TRUE, cancellable);
      step->job->state.pending = g_array_new (FALSE, TRUE, sizeof (DmPendingFinding));
      g_array_set_clear_func (step->job->state.pending, _dm_import_pending_clear);
      if (pool_may_read (step))
        {
          g_thread_pool_push (pool, step, NULL);
          self->n_pooled++;
        }
      else
        g_clear_pointer (&step->job->state.pending, g_array_unref);
    }

  for (guint i = 0; ok && i < plan->len; i++)
    {
      Step *step = &g_array_index (plan, Step, i);

      if (step->not_read)
        {
          add_not_read (self, step->file, step->not_read, step->archive);
          continue;
        }
      if (step->job->state.pending == NULL)
        file_job_read (step->job, step->file, cancellable);
      else if (g_thread_pool_get_num_threads (pool) == 0 && g_atomic_int_compare_and_exchange (&step->taken, 0, 1))
        {
          file_job_read (step->job, step->file, cancellable);
          self->n_taken_back++;
        }
      else
        {
          g_mutex_lock (&step->job->lock);
          while (!step->job->done)
            g_cond_wait (&step->job->cond, &step->job->lock);
          g_mutex_unlock (&step->job->lock);
        }
      if (self->progress)
        {
          self->where.path = step->job->state.input->path;
          self->progress (&self->where, self->progress_data);
        }
      ok = file_job_finish (self, step->job, error);
    }

  /* Waits for the reads still going (quickly, when cancelled); what is
   * still queued was read here or is not wanted after an error. */
  g_thread_pool_free (pool, TRUE, TRUE);
  return ok;
}

static gboolean
run_plan (DmImporter    *self,
          GArray        *plan,
          GCancellable  *cancellable,
          GError       **error)
{
  guint n_files = 0;

  for (guint i = 0; i < plan->len; i++)
    if (g_array_index (plan, Step, i).not_read == NULL)
      n_files++;
  if (self->workers > 1 && n_files > 1)
    return run_plan_in_pool (self, plan, cancellable, error);

  for (guint i = 0; i < plan->len; i++)
    {
      Step *step = &g_array_index (plan, Step, i);

      if (step->not_read)
        add_not_read (self, step->file, step->not_read, step->archive);
      else if (!import_one_file (self, step->file, step->call, TRUE, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Walks, then reads what the walk found; a walk that fails half-way
 * still reads what it found before failing, as reading while walking did. */
static gboolean
walk_folder (DmImporter    *self,
             GFile         *folder,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (Step));
  g_autoptr(GError) walk_error = NULL;
  gboolean walked;

  g_array_set_clear_func (plan, step_clear);
  walked = plan_folder (self, folder, NULL, plan, cancellable, &walk_error);
  if (!run_plan (self, plan, cancellable, error))
    return FALSE;
  if (!walked)
    {
      g_propagate_error (error, g_steal_pointer (&walk_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * dm_importer_set_workers:
 * @workers: how many files of a folder are read at once; 1 reads them
 *   one by one
 *
 * Whatever the number, the findings, inputs and their order are the same.
 * The default is the number of processors, at most 4, or
 * $DEMARC_WORKERS.
 */
void
dm_importer_set_workers (DmImporter *self,
                         guint       workers)
{
  g_return_if_fail (DM_IS_IMPORTER (self));
  self->workers = CLAMP (workers, 1, 64);
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
      return import_one_file (self, file, call && _dm_import_looks_like_call (call) ? call : NULL, FALSE, cancellable,
                              error);
    }
  /* The same folder given again was read the first time. */
  if (!first_visit (self, file, cancellable))
    return TRUE;

  inputs_before = self->inputs->len;
  read_before = self->n_read;
  if (!walk_folder (self, file, cancellable, error))
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
