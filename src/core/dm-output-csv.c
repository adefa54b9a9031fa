/* dm-output-csv.c: one CSV row per finding, whatever its status
 *
 * RFC 4180: comma-separated, CRLF between records, a cell in double quotes
 * when it holds a quote, comma, CR or LF, its quotes doubled. UTF-8 without
 * a byte order mark: the tools that read CSV in a pipeline (Python's csv,
 * pandas, csvkit, jq's @csv peers) take a BOM as part of the first header,
 * and spreadsheets that guess the encoding read UTF-8 without one.
 *
 * A cell that starts with =, +, -, @, TAB or CR is prefixed with ', so no
 * spreadsheet takes a title from an export for a formula (the OWASP advice
 * on CSV injection).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-output"

#include "config.h"

#include <string.h>

#include "dm-output.h"

typedef enum
{
  COL_STATUS,
  COL_SEVERITY,
  COL_SERVICE,
  COL_LAYER,
  COL_CHECK,
  COL_CONTROLS,
  COL_TOOL,
  COL_ACCOUNT,
  COL_REGION,
  COL_RESOURCE,
  COL_RESOURCE_TYPE,
  COL_TITLE,
  COL_EVIDENCE,
  COL_REMEDIATION,
  COL_SOURCE,
  COL_ITEM,
  COL_ID,
  N_COLUMNS
} Column;

/* The header, in the order of Column. */
static const char * const headers[N_COLUMNS] = {
  "status", "severity", "service", "layer", "check", "controls", "tool", "account", "region",
  "resource", "resource_type", "title", "evidence", "remediation", "source_file", "item", "id",
};

static void
put_cell (GString    *row,
          const char *text)
{
  g_autofree char *clean = dm_output_clean_text (text);
  gboolean quote = strpbrk (clean, "\",\r\n") != NULL;

  if (quote)
    g_string_append_c (row, '"');
  if (clean[0] != '\0' && strchr ("=+-@\t\r", clean[0]))
    g_string_append_c (row, '\'');
  for (const char *p = clean; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

static void
put_row (FILE              *out,
         GString           *row,
         const char * const cells[N_COLUMNS])
{
  g_string_truncate (row, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (row, ',');
      put_cell (row, cells[c]);
    }
  g_string_append (row, "\r\n");
  fwrite (row->str, 1, row->len, out);
}

void
dm_output_csv_write (DmReport *report,
                     FILE     *out)
{
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GString) row = g_string_sized_new (1024);
  guint n = g_list_model_get_n_items (findings);

  put_row (out, row, headers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *controls = g_strjoinv (";", (char **)dm_finding_get_controls (finding));
      g_autofree char *item = g_strdup_printf ("%" G_GUINT64_FORMAT, dm_finding_get_source_item (finding));
      const char *cells[N_COLUMNS];

      cells[COL_STATUS] = dm_finding_status_to_string (dm_finding_get_status (finding));
      cells[COL_SEVERITY] = dm_severity_to_string (dm_finding_get_severity (finding));
      cells[COL_SERVICE] = dm_finding_get_service (finding);
      cells[COL_LAYER] = dm_assessment_get_finding_layer (assessment, finding);
      cells[COL_CHECK] = dm_finding_get_check (finding);
      cells[COL_CONTROLS] = controls;
      cells[COL_TOOL] = dm_finding_get_tool (finding);
      cells[COL_ACCOUNT] = dm_finding_get_account (finding);
      cells[COL_REGION] = dm_finding_get_region (finding);
      cells[COL_RESOURCE] = dm_finding_get_resource (finding);
      cells[COL_RESOURCE_TYPE] = dm_finding_get_resource_type (finding);
      cells[COL_TITLE] = dm_finding_get_title (finding);
      cells[COL_EVIDENCE] = dm_finding_get_evidence (finding);
      cells[COL_REMEDIATION] = dm_finding_get_remediation (finding);
      cells[COL_SOURCE] = dm_finding_get_source (finding);
      cells[COL_ITEM] = item;
      cells[COL_ID] = dm_finding_get_id (finding);
      put_row (out, row, cells);
    }
}
