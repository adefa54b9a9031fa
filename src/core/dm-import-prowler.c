/* dm-import-prowler.c: Prowler's JSON-OCSF (v3 to v5), v3 JSON, v2 NDJSON and CSV outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"
#include "dm-csv.h"
#include "dm-importer-private.h"

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
prowler_not_aws (DmImportFile *state,
                 const char   *provider)
{
  if (provider == NULL || *provider == '\0' || g_ascii_strcasecmp (provider, "aws") == 0)
    return FALSE;
  state->input->not_aws++;
  return TRUE;
}

/* Without a provider field, the uid says it: "prowler-azure-…". */
static gboolean
prowler_uid_not_aws (DmImportFile *state,
                     const char   *uid)
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

/* Every member _dm_import_prowler_ocsf reads, for the reader's
 * projection (unmapped compliance lists, resource data and the like are
 * never built). */
const char * const _dm_import_prowler_ocsf_reads[] = {
  "resources.region", "resources.uid", "resources.name", "resources.type", "resources.group.name",
  "finding_info", "finding", "metadata", "status_code", "compliance.status", "cloud.provider", "cloud.account.uid",
  "cloud.region", "unmapped.provider", "status", "status_id", "severity", "status_detail", "message",
  "remediation.desc", "time_dt", "unmapped.compliance", NULL
};

gboolean
_dm_import_prowler_ocsf_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "finding_info") ||
         (_dm_import_obj (o, "finding") && _dm_import_obj (o, "metadata"));
}

void
_dm_import_prowler_ocsf (DmImportFile *state,
                         DmJsonObject *o,
                         guint64       index)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uid_check = NULL;
  DmJsonObject *resource = _dm_import_first_object (o, "resources");
  /* v4/v5 name it finding_info; OCSF 1.0 (Prowler v3) named it finding. */
  DmJsonObject *finding = _dm_import_obj (o, "finding_info") ? _dm_import_obj (o, "finding_info")
                                                           : _dm_import_obj (o, "finding");
  const char *check = _dm_import_first_of (_dm_import_str (o, "metadata.event_code"),
                                           _dm_import_str (o, "metadata.product.feature.uid"));
  const char *status_text = _dm_import_first_of (_dm_import_str (o, "status_code"),
                                                 _dm_import_str (o, "compliance.status"));
  const char *provider = _dm_import_first_of (_dm_import_str (o, "cloud.provider"),
                                              _dm_import_str (o, "unmapped.provider"));
  DmFindingData data = { 0 };
  gboolean known;

  if (provider ? prowler_not_aws (state, provider) : prowler_uid_not_aws (state, _dm_import_str (finding, "uid")))
    return;

  data.status = prowler_status (status_text, &known);
  /* The status name wins: Prowler 4.2 writes "New" with status_id 3. */
  if (_dm_import_str (o, "status") ? g_ascii_strcasecmp (_dm_import_str (o, "status"), "Suppressed") == 0
                                   : _dm_import_integer (o, "status_id", 0) == 3)
    data.status = DM_FINDING_SUPPRESSED;
  else if (!known)
    {
      _dm_import_skip (state, _("no pass or fail status"));
      return;
    }

  if (check == NULL)
    check = uid_check = prowler_check_from_uid (_dm_import_str (finding, "uid"));

  data.tool = "Prowler";
  data.id = _dm_import_str (finding, "uid");
  data.source_item = index;
  data.severity = _dm_import_severity_of (_dm_import_str (o, "severity"), -1);
  data.account = _dm_import_str (o, "cloud.account.uid");
  data.region = _dm_import_first_of (_dm_import_str (resource, "region"), _dm_import_str (o, "cloud.region"));
  data.resource = _dm_import_first_of (_dm_import_str (resource, "uid"), _dm_import_str (resource, "name"));
  resources = _dm_import_all_resources (o, "resources", "uid", "name");
  data.resources = (const char * const *)resources->pdata;
  data.resource_type = _dm_import_str (resource, "type");
  data.title = _dm_import_str (finding, "title");
  data.evidence = _dm_import_first_of (_dm_import_str (o, "status_detail"), _dm_import_str (o, "message"));
  data.remediation = _dm_import_first_of (_dm_import_str (o, "remediation.desc"),
                                          _dm_import_str (finding, "remediation.desc"));
  _dm_import_note_time (state, _dm_import_first_of (_dm_import_str (o, "time_dt"),
                                                    _dm_import_str (finding, "created_time_dt")));
  _dm_import_note_version (state, _dm_import_str (o, "metadata.product.version"));

  _dm_import_map_finding (state, &data, NULL, check, _dm_import_str (resource, "group.name"), controls);
  _dm_import_compliance_map (ids, _dm_import_obj (o, "unmapped.compliance"));
  _dm_import_compliance_join (&controls, ids);
  _dm_import_add_finding (state, &data, controls);
}

gboolean
_dm_import_prowler_v3_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "CheckID") && dm_json_object_has_member (o, "Status");
}

void
_dm_import_prowler_v3 (DmImportFile *state,
                       DmJsonObject *o,
                       guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  DmFindingData data = { 0 };
  gboolean known;
  gboolean muted = FALSE;

  if (prowler_not_aws (state, _dm_import_str (o, "Provider")))
    return;

  data.status = prowler_status (_dm_import_str (o, "Status"), &known);
  if (dm_check_boolean (o, "Muted", &muted) && muted)
    data.status = DM_FINDING_SUPPRESSED;
  if (!known)
    {
      _dm_import_skip (state, _("no pass or fail status"));
      return;
    }

  data.tool = "Prowler";
  _dm_import_note_time (state, _dm_import_str (o, "AssessmentStartTime"));
  data.id = _dm_import_str (o, "FindingUniqueId");
  data.source_item = index;
  data.severity = _dm_import_severity_of (_dm_import_str (o, "Severity"), -1);
  data.account = _dm_import_str (o, "AccountId");
  data.region = _dm_import_str (o, "Region");
  data.resource = _dm_import_first_of (_dm_import_str (o, "ResourceArn"), _dm_import_str (o, "ResourceId"));
  data.resource_type = _dm_import_str (o, "ResourceType");
  data.title = _dm_import_str (o, "CheckTitle");
  data.evidence = _dm_import_str (o, "StatusExtended");
  data.remediation = _dm_import_str (o, "Remediation.Recommendation.Text");

  _dm_import_map_finding (state, &data, NULL, _dm_import_str (o, "CheckID"), _dm_import_str (o, "ServiceName"),
                          controls);
  _dm_import_compliance_map (ids, _dm_import_obj (o, "Compliance"));
  _dm_import_compliance_join (&controls, ids);
  _dm_import_add_finding (state, &data, controls);
}

/* Prowler 2 names its check only at the start of the title:
 * "[extra72] Ensure there are no EBS Snapshots set as Public" → "extra72". */
static char *
prowler_v2_check (const char *title)
{
  const char *p;

  if (title == NULL)
    return NULL;
  while (g_ascii_isspace (*title))
    title++;
  if (g_str_has_prefix (title, "[check"))
    p = title + strlen ("[check");
  else if (g_str_has_prefix (title, "[extra"))
    p = title + strlen ("[extra");
  else
    return NULL;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == ']' ? g_strndup (title + 1, p - title - 1) : NULL;
}

/* The CIS AWS Foundations rule a v2 CIS check tests: check27 → "2.7",
 * check310 → "3.10". Without an id in the title, the Control ID of a
 * section 1 to 4 check says it, "1.01" when Prowler ran with -N. */
static char *
prowler_v2_cis_rule (const char *check,
                     const char *control_id)
{
  const char *rule;
  guint64 section, number;
  char *end;

  if (check != NULL)
    {
      if (!g_str_has_prefix (check, "check") || strlen (check) < strlen ("check") + 2)
        return NULL;
      section = check[strlen ("check")] - '0';
      rule = check + strlen ("check") + 1;
    }
  else
    {
      if (control_id == NULL || !g_ascii_isdigit (control_id[0]) || control_id[1] != '.')
        return NULL;
      section = control_id[0] - '0';
      rule = control_id + 2;
    }
  if (section < 1 || section > 4 || !g_ascii_isdigit (*rule))
    return NULL;
  number = g_ascii_strtoull (rule, &end, 10);
  if (*end != '\0' || number == 0 || number > 99)
    return NULL;
  return g_strdup_printf ("%u.%u", (guint)section, (guint)number);
}

/* A v2 finding goes where its check's row for Prowler 2 puts it (the
 * layer of its Prowler 3+ equivalent), else a CIS check by its CIS 1.2
 * rule, else like any other by resource type and service name. The CSV
 * and the JSON outputs carry different fields; the check decides first,
 * so both place it alike. */
static void
prowler_v2_map (DmImportFile  *state,
                DmFindingData *data,
                const char    *title,
                const char    *control_id,
                const char    *service,
                GStrvBuilder  *controls)
{
  g_autofree char *check = prowler_v2_check (title);
  g_autofree char *rule = NULL;
  ToolId tool = { 0 };

  if (check && dm_catalogue_lookup (state->self->catalogue, "prowler-v2", check))
    {
      tool.source = "prowler-v2";
      tool.id = check;
    }
  else if ((rule = prowler_v2_cis_rule (check, control_id)))
    {
      tool.source = "cis-1.2";
      tool.id = rule;
    }
  _dm_import_map_finding_by_id (state, data, NULL, NULL, tool.source ? &tool : NULL, service, controls);
}

gboolean
_dm_import_prowler_v2_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "Control ID") ||
         (dm_json_object_has_member (o, "Control") && dm_json_object_has_member (o, "Account Number"));
}

void
_dm_import_prowler_v2 (DmImportFile *state,
                       DmJsonObject *o,
                       guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autofree char *id = NULL;
  DmFindingData data = { 0 };
  gboolean known;

  data.status = prowler_status (_dm_import_str (o, "Status"), &known);
  if (!known)
    {
      _dm_import_skip (state, _("no pass or fail status"));
      return;
    }

  /* v2 has no finding id: its check, account, region and resource are one.
   * An output without Resource ID names the resource only in the message
   * ("snap-0123 is currently Public!"), which v2's own ASFF ids are made of. */
  id = g_strdup_printf ("prowler-v2/%s/%s/%s/%s",
                        _dm_import_first_of (_dm_import_str (o, "Control ID"), _dm_import_str (o, "Control")),
                        _dm_import_first_of (_dm_import_str (o, "Account Number"), ""),
                        _dm_import_first_of (_dm_import_str (o, "Region"), ""),
                        _dm_import_first_of (_dm_import_first_of (_dm_import_str (o, "Resource ID"),
                                                                  _dm_import_str (o, "Message")), ""));
  data.tool = "Prowler";
  _dm_import_note_time (state, _dm_import_str (o, "Timestamp"));
  data.id = id;
  data.source_item = index;
  data.severity = _dm_import_severity_of (_dm_import_str (o, "Severity"), -1);
  data.account = _dm_import_str (o, "Account Number");
  data.region = _dm_import_str (o, "Region");
  data.resource = _dm_import_str (o, "Resource ID");
  data.title = _dm_import_str (o, "Control");
  data.evidence = _dm_import_str (o, "Message");
  data.remediation = _dm_import_str (o, "Remediation");

  prowler_v2_map (state, &data, data.title, _dm_import_str (o, "Control ID"), _dm_import_str (o, "Service"), controls);
  _dm_import_add_finding (state, &data, controls);
}

/* Prowler's CSV columns, per version: v2 (comma), v3, v4 and v5
 * (semicolon). Each field is the first of its columns the header has. */
typedef enum
{
  CSV_STATUS, CSV_MUTED, CSV_PROVIDER, CSV_ID, CSV_CHECK, CSV_TITLE, CSV_TITLE_ID, CSV_EVIDENCE, CSV_SEVERITY,
  CSV_SERVICE, CSV_ACCOUNT, CSV_REGION, CSV_RESOURCE, CSV_RESOURCE_TYPE, CSV_REMEDIATION, CSV_COMPLIANCE,
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
  [CSV_COMPLIANCE]    = { "COMPLIANCE" },
};

static void
import_prowler_csv_row (DmImportFile *state,
                        const int    *column,
                        GPtrArray    *cells,
                        guint64       index)
{
  g_autoptr(GStrvBuilder) controls = g_strv_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
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
      _dm_import_skip (state, _("no pass or fail status"));
      return;
    }
  if (field[CSV_MUTED] && g_ascii_strcasecmp (field[CSV_MUTED], "True") == 0)
    data.status = DM_FINDING_SUPPRESSED;

  /* v2 has no finding id: its check, account, region and resource are one,
   * and without a resource column the message that names the resource. */
  if (field[CSV_ID] == NULL)
    id = g_strdup_printf ("prowler-csv/%s/%s/%s/%s",
                          _dm_import_first_of (_dm_import_first_of (field[CSV_CHECK], field[CSV_TITLE_ID]), ""),
                          _dm_import_first_of (field[CSV_ACCOUNT], ""), _dm_import_first_of (field[CSV_REGION], ""),
                          _dm_import_first_of (_dm_import_first_of (field[CSV_RESOURCE], field[CSV_EVIDENCE]), ""));
  data.tool = "Prowler";
  data.id = id ? id : field[CSV_ID];
  data.source_item = index;
  data.severity = _dm_import_severity_of (field[CSV_SEVERITY], -1);
  data.account = field[CSV_ACCOUNT];
  data.region = field[CSV_REGION];
  data.resource = _dm_import_first_of (field[CSV_RESOURCE], field[CSV_ACCOUNT]);
  data.resource_type = field[CSV_RESOURCE_TYPE];
  data.title = _dm_import_first_of (field[CSV_TITLE], field[CSV_CHECK]);
  data.evidence = field[CSV_EVIDENCE];
  data.remediation = field[CSV_REMEDIATION];

  if (field[CSV_CHECK] == NULL)
    prowler_v2_map (state, &data, field[CSV_TITLE], field[CSV_TITLE_ID], field[CSV_SERVICE], controls);
  else
    _dm_import_map_finding (state, &data, NULL, field[CSV_CHECK], field[CSV_SERVICE], controls);
  _dm_import_compliance_text (ids, field[CSV_COMPLIANCE]);
  _dm_import_compliance_join (&controls, ids);
  _dm_import_add_finding (state, &data, controls);
}

/* A CSV export, told by its header: Prowler's is read, any other CSV is
 * refused with the columns it has, so nothing passes as read. */
gboolean
_dm_import_prowler_csv (DmImportFile  *state,
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
      guint64 before = _dm_import_n_findings (state);
      guint n = cells->len > 0 && g_ptr_array_index (cells, cells->len - 1) == NULL ? cells->len - 1 : cells->len;
      guint width = header->len > 0 && g_ptr_array_index (header, header->len - 1) == NULL ? header->len - 1 : header->len;

      state->input->items++;
      if (n < width)
        _dm_import_skip (state, _("a row with fewer cells than the header"));
      else
        import_prowler_csv_row (state, column, cells, state->input->items - 1);
      if (_dm_import_n_findings (state) > before)
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
gboolean
_dm_import_prowler_csv_sniff (GFile        *file,
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
