/* dm-report.c: the report of an assessment, and what its writers share
 *
 * A report holds the findings of an import (redacted when asked), the
 * names of its inputs and the assessment made of them. The writers live
 * beside it, one a format: dm-report-html.c, dm-report-markdown.c,
 * dm-report-pdf.c, dm-report-image.c (diagrams and the matrix as SVG, PNG
 * or PDF) and dm-report-diff.c (comparisons of two exports);
 * dm-report-export.c holds the table that decides which of them writes a
 * path.
 *
 * Every string from an export is escaped for its target: HTML entities,
 * Markdown punctuation, plain Pango text in PDF; bidirectional control
 * characters and other controls are shown as code points, so a name
 * cannot reorder or hide the text around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-import-summary.h"
#include "dm-redactor.h"
#include "dm-report-private.h"
#include "dm-review-summary.h"

G_DEFINE_FINAL_TYPE (DmReport, dm_report, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-report-error-quark, dm_report_error)

static void
dm_report_finalize (GObject *object)
{
  DmReport *self = DM_REPORT (object);

  g_clear_object (&self->model);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->importer);
  g_clear_object (&self->findings);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->input_paths, g_ptr_array_unref);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_object (&self->diff);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (dm_report_parent_class)->finalize (object);
}

static void
dm_report_class_init (DmReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_report_finalize;
}

static void
dm_report_init (DmReport *self)
{
  self->input_paths = g_ptr_array_new_with_free_func (g_free);
}

static void
skip_reason_free (gpointer data)
{
  DmSkipReason *reason = data;

  g_free (reason->reason);
  g_free (reason);
}

static void
input_free (gpointer data)
{
  DmImportInput *input = data;

  g_ptr_array_unref (input->reasons);
  g_free (input->path);
  g_free (input);
}

/* An input's counts with its skip reasons redacted: they quote the
 * export (its keys, the reader's error about a line). @redactor NULL:
 * copied as they are. @path is the redacted name, as the redacted
 * findings give it as their source. */
static DmImportInput *
input_copy (const DmImportInput *input,
            const char          *path,
            DmRedactor          *redactor)
{
  DmImportInput *copy = g_new (DmImportInput, 1);

  *copy = *input;
  copy->path = g_strdup (path);
  copy->reasons = g_ptr_array_new_with_free_func (skip_reason_free);
  for (guint r = 0; r < input->reasons->len; r++)
    {
      const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
      DmSkipReason *other = g_new (DmSkipReason, 1);

      other->reason = redactor ? dm_redactor_text (redactor, reason->reason) : g_strdup (reason->reason);
      other->count = reason->count;
      g_ptr_array_add (copy->reasons, other);
    }
  return copy;
}

/**
 * dm_report_new:
 * @importer: (nullable): the imported exports; %NULL for the model alone
 * @redact: replace identifiers with pseudonyms everywhere in the report
 */
DmReport *
dm_report_new (DmModel     *model,
               DmCatalogue *catalogue,
               DmImporter  *importer,
               gboolean     redact)
{
  return dm_report_new_for_findings (model, catalogue, importer,
                                     importer ? dm_importer_get_findings (importer) : NULL, redact);
}

/**
 * dm_report_new_for_findings:
 * @importer: (nullable): where @findings came from, for the inputs' names
 *   and counts; %NULL for the model alone
 * @findings: (nullable): the findings; a worker thread must get a list no
 *   other thread reads (see dm_finding_list_copy())
 * @redact: replace identifiers with pseudonyms everywhere in the report
 */
DmReport *
dm_report_new_for_findings (DmModel     *model,
                            DmCatalogue *catalogue,
                            DmImporter  *importer,
                            GListModel  *findings,
                            gboolean     redact)
{
  DmReport *self = g_object_new (DM_TYPE_REPORT, NULL);
  g_autoptr(DmRedactor) redactor = redact ? dm_redactor_new () : NULL;

  self->model = g_object_ref (model);
  self->catalogue = g_object_ref (catalogue);
  self->importer = importer ? g_object_ref (importer) : NULL;
  self->redacted = redact;

  if (findings == NULL)
    self->findings = G_LIST_MODEL (g_list_store_new (DM_TYPE_FINDING));
  else if (redactor)
    self->findings = dm_redactor_findings (redactor, findings);
  else
    self->findings = g_object_ref (findings);

  for (guint i = 0; importer && i < dm_importer_get_n_inputs (importer); i++)
    {
      const char *path = dm_importer_get_input (importer, i)->path;

      /* Folders name accounts and people: a redacted report keeps the file name only. */
      if (redactor)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_ptr_array_add (self->input_paths, dm_redactor_text (redactor, base));
          if (self->inputs == NULL)
            self->inputs = g_ptr_array_new_with_free_func (input_free);
          g_ptr_array_add (self->inputs, input_copy (dm_importer_get_input (importer, i),
                                                     g_ptr_array_index (self->input_paths, i), redactor));
        }
      else
        g_ptr_array_add (self->input_paths, g_strdup (path));
    }

  self->assessment = dm_assessment_new (model, catalogue, self->findings);
  return self;
}

/**
 * dm_report_copy:
 *
 * Called on the main thread: a report of the same findings that a worker
 * may use while the window goes on reading this one. Its assessment is
 * made by the first dm_report_get_assessment(), in the worker.
 *
 * Returns: (transfer full): the copy
 */
DmReport *
dm_report_copy (DmReport *self)
{
  DmReport *copy;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  copy = g_object_new (DM_TYPE_REPORT, NULL);
  copy->model = g_object_ref (self->model);
  copy->catalogue = g_object_ref (self->catalogue);
  copy->importer = self->importer ? g_object_ref (self->importer) : NULL;
  copy->redacted = self->redacted;
  copy->findings = dm_finding_list_copy (self->findings);
  /* A comparison never changes once made: the copy shares it. */
  copy->diff = self->diff ? g_object_ref (self->diff) : NULL;
  /* So does the summary, of the same findings. */
  copy->summary = g_atomic_pointer_get (&self->summary) ? g_object_ref (self->summary) : NULL;
  for (guint i = 0; i < self->input_paths->len; i++)
    g_ptr_array_add (copy->input_paths, g_strdup (g_ptr_array_index (self->input_paths, i)));
  for (guint i = 0; self->inputs && i < self->inputs->len; i++)
    {
      const DmImportInput *input = g_ptr_array_index (self->inputs, i);

      if (copy->inputs == NULL)
        copy->inputs = g_ptr_array_new_with_free_func (input_free);
      g_ptr_array_add (copy->inputs, input_copy (input, input->path, NULL));
    }
  return copy;
}

/**
 * dm_report_set_diff:
 * @diff: (nullable): a comparison of this report's findings with an older
 *   export's, or %NULL
 *
 * With one, the reports have a changes section naming both sides.
 */
void
dm_report_set_diff (DmReport *self,
                    DmDiff   *diff)
{
  g_return_if_fail (DM_IS_REPORT (self));
  g_return_if_fail (!diff || DM_IS_DIFF (diff));

  g_set_object (&self->diff, diff);
}

DmDiff *
dm_report_get_diff (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->diff;
}

DmAssessment *
dm_report_get_assessment (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  if (self->assessment == NULL)
    self->assessment = dm_assessment_new (self->model, self->catalogue, self->findings);
  return self->assessment;
}

/**
 * dm_report_get_summary:
 *
 * The executive summary (the Overview, page 1 of every report), made once:
 * on a large export it takes a pass over every finding, which the window
 * has made in the import's thread.
 *
 * Returns: (transfer none): the summary
 */
DmReviewSummary *
dm_report_get_summary (DmReport *self)
{
  DmReviewSummary *summary;

  g_return_val_if_fail (DM_IS_REPORT (self), NULL);

  /* A report written in a worker may ask while the window does. */
  summary = g_atomic_pointer_get (&self->summary);
  if (summary == NULL)
    {
      summary = dm_review_summary_new (self, DM_REVIEW_SUMMARY_MAX_RISKS);
      if (!g_atomic_pointer_compare_and_exchange (&self->summary, NULL, summary))
        {
          g_object_unref (summary);
          summary = g_atomic_pointer_get (&self->summary);
        }
    }
  return summary;
}

GListModel *
dm_report_get_findings (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->findings;
}

guint
dm_report_get_n_inputs (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), 0);
  return self->input_paths->len;
}

const char *
dm_report_get_input_path (DmReport *self,
                          guint     index)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->input_paths->len, NULL);
  return g_ptr_array_index (self->input_paths, index);
}

/**
 * dm_report_get_input:
 *
 * Counts and skip reasons of an input; when the report is redacted, a
 * copy with its reasons redacted and, as its path, the redacted name of
 * dm_report_get_input_path() (the redacted findings' source).
 */
const DmImportInput *
dm_report_get_input (DmReport *self,
                     guint     index)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->input_paths->len, NULL);
  if (self->inputs)
    return g_ptr_array_index (self->inputs, index);
  return dm_importer_get_input (self->importer, index);
}

gboolean
dm_report_get_redacted (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), FALSE);
  return self->redacted;
}

DmImporter *
dm_report_get_importer (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->importer;
}

DmModel *
dm_report_get_model (DmReport *self)
{
  g_return_val_if_fail (DM_IS_REPORT (self), NULL);
  return self->model;
}

/* --- escaping ------------------------------------------------------------ */

/* Valid UTF-8, with every hidden character (dm_text_is_hidden) shown as
 * [U+XXXX]. */
char *
_dm_report_make_visible (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (dm_text_is_hidden (c))
        g_string_append_printf (out, "[U+%04X]", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
dm_report_escape_html (const char *text)
{
  g_autofree char *visible = _dm_report_make_visible (text);

  /* Escapes <, >, &, ' and ", so the result is safe in text and in attributes. */
  return g_markup_escape_text (visible, -1);
}

char *
dm_report_escape_markdown (const char *text)
{
  g_autofree char *visible = _dm_report_make_visible (text);
  GString *out = g_string_new (NULL);

  for (const char *p = visible; *p; p++)
    {
      switch (*p)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
        case '(': case ')': case '#': case '+': case '-': case '!': case '|': case '~':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* --- shared facts -------------------------------------------------------- */

gboolean
_dm_report_has_service (DmReport  *self,
                        DmService *service)
{
  return dm_assessment_has_service (dm_report_get_assessment (self), service);
}

const char *
_dm_report_status_word (DmLayerStatus status)
{
  switch (status)
    {
    case DM_LAYER_GAP: return _("Gap");
    case DM_LAYER_OK: return _("OK");
    case DM_LAYER_NO_DATA: return _("No data");
    case DM_LAYER_PROVIDER: return _("Provider");
    case DM_LAYER_NOT_APPLICABLE:
    default: return _("Not applicable");
    }
}

char *
_dm_report_controls_text (DmFinding *finding)
{
  const char * const *controls = dm_finding_get_controls (finding);

  return g_strjoinv (", ", (char **)controls);
}

/* The resources beyond the finding's own, or "" when it names one. */
char *
_dm_report_other_resources_text (DmFinding *finding)
{
  const char * const *resources = dm_finding_get_resources (finding);

  return resources[0] && resources[1] ? g_strjoinv (", ", (char **)resources + 1) : g_strdup ("");
}

/* Each tool and file that reported the finding, when more than one did. */
char *
_dm_report_reported_by_text (DmFinding *finding)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; dm_finding_get_n_origins (finding) > 1 && i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);
      g_autofree char *base = g_path_get_basename (origin.source);

      /* Translators: a tool that reported a finding and its file, e.g. "Prowler (scan.json)" */
      g_string_append_printf (out, _("%s%s (%s)"), i ? ", " : "", origin.tool, base);
    }
  return g_string_free (out, FALSE);
}

void
_dm_report_finding_text_init (DmReportFindingText  *text,
                              DmFinding            *finding,
                              char               *(*escape) (const char *))
{
  g_autofree char *others = _dm_report_other_resources_text (finding);
  g_autofree char *controls = _dm_report_controls_text (finding);
  g_autofree char *reported_by = _dm_report_reported_by_text (finding);

  text->check = escape (dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "");
  text->title = escape (dm_finding_get_title (finding));
  text->resource = escape (dm_finding_get_resource (finding));
  text->others = escape (others);
  text->region = escape (dm_finding_get_region (finding));
  text->evidence = escape (dm_finding_get_evidence (finding));
  text->remediation = escape (dm_finding_get_remediation (finding));
  text->controls = escape (controls);
  text->reported_by = escape (reported_by);
  text->tool = escape (*reported_by ? reported_by : dm_finding_get_tool (finding));
}

void
_dm_report_finding_text_clear (DmReportFindingText *text)
{
  char **fields[] = { &text->check, &text->title, &text->resource, &text->others, &text->region,
                      &text->evidence, &text->remediation, &text->controls, &text->reported_by, &text->tool };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

static int
by_severity (gconstpointer a,
             gconstpointer b)
{
  DmSeverity sa = dm_finding_get_severity (*(DmFinding * const *)a);
  DmSeverity sb = dm_finding_get_severity (*(DmFinding * const *)b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/* Failed findings: a service's, the worst first (in export order within a
 * severity: the sort is stable); or, for %NULL, those on no layer, in
 * export order. */
GPtrArray *
_dm_report_failed_findings (DmReport  *self,
                            DmService *service)
{
  GPtrArray *found = dm_assessment_query (dm_report_get_assessment (self), self->findings, service, NULL, TRUE);

  if (service)
    g_ptr_array_sort (found, by_severity);
  return found;
}

/* The report's findings grouped by check, worst first: the failed ones
 * (every gap, on a layer or not), or all the others (passed,
 * informational, suppressed), so that no finding is left out. */
GPtrArray *
_dm_report_groups (DmReport *self,
                   gboolean  failed)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (self->findings, i);

      if ((dm_finding_get_status (finding) == DM_FINDING_FAILED) == failed)
        g_ptr_array_add (chosen, g_steal_pointer (&finding));
    }
  return dm_finding_groups_new (chosen);
}

/* Where a group's findings sit: its first finding's service and layer, as
 * the model names them ("Amazon EBS · Server-side encryption"), or that
 * it is on no layer. Unescaped. */
char *
_dm_report_group_place (DmReport       *self,
                        DmFindingGroup *group)
{
  return _dm_report_group_place_in (self, dm_report_get_assessment (self), group);
}

/* The same, placed by @assessment: a fixed gap is only in the older one. */
char *
_dm_report_group_place_in (DmReport       *self,
                           DmAssessment   *assessment,
                           DmFindingGroup *group)
{
  DmFinding *first = g_ptr_array_index (dm_finding_group_get_findings (group), 0);
  const char *service_id = dm_finding_get_service (first);
  const char *layer_id = dm_assessment_get_finding_layer (assessment, first);
  DmService *service = service_id ? dm_model_find_service (self->model, service_id) : NULL;
  DmLayer *layer = layer_id ? dm_model_find_layer (self->model, layer_id) : NULL;

  if (service == NULL || layer == NULL)
    return g_strdup (_("on no layer of the model"));
  return g_strdup_printf ("%s · %s", dm_service_get_name (service), dm_layer_get_name (layer));
}

/* "a, b, c and 4 more": at most @max_shown of @values, unescaped. */
char *
_dm_report_scope_text (const char * const *values,
                       guint               max_shown)
{
  guint n = values ? g_strv_length ((char **)values) : 0;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n && i < max_shown; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", values[i]);
  if (n > max_shown)
    /* TRANSLATORS: after a list of accounts or regions: "us-east-1, eu-west-1 and 15 more" */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n - max_shown), n - max_shown);
  if (n == 0)
    g_string_append (out, "–");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "2 December 2026": when input @index was last written, which is when it
 * was exported or copied (the importers do not read the tools' own export
 * dates yet), or %NULL when the file cannot be asked. */
/* "5 February 2025" in the reader's language. */
static char *
format_day (GDateTime *time)
{
  /* Translators: a date, as in "2 October 2026"; see g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/* Where an input stands in time, and which version of its tool wrote
 * it, as page 1 says it: "version 4.2.1 · exported 14 February 2025",
 * "exported 1 October 2026 to 3 October 2026" from the times its items
 * carry (in UTC, as the tools write them), or "file dated 2 October
 * 2026" (local) when they carry none. Plain
 * text: the version comes from the export, so writers escape it. */
char *
_dm_report_input_date (DmReport *self,
                       guint     index)
{
  const DmImportInput *input = dm_report_get_input (self, index);
  GString *out = g_string_new (NULL);

  if (input == NULL)
    return g_string_free (out, TRUE);
  if (input->tool_version != NULL)
    /* Translators: the version of the tool that wrote an export */
    g_string_append_printf (out, _("version %s"), input->tool_version);
  if (input->first_time != 0)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (input->first_time);
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (input->last_time);
      g_autofree char *from = first ? format_day (first) : NULL;
      g_autofree char *to = last ? format_day (last) : NULL;

      if (out->len > 0)
        g_string_append (out, " · ");
      if (from != NULL && to != NULL && strcmp (from, to) != 0)
        /* Translators: "exported 1 October 2026 to 3 October 2026": the span of the times an export's items carry */
        g_string_append_printf (out, _("exported %s to %s"), from, to);
      else if (from != NULL)
        g_string_append_printf (out, _("exported %s"), from);
    }
  else if (input->path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (input->path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      GDateTime *modified = info ? g_file_info_get_modification_date_time (info) : NULL;

      if (modified != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (modified);
          g_autofree char *day = format_day (local);

          if (out->len > 0)
            g_string_append (out, " · ");
          /* Translators: when an export's items carry no time, its file's date */
          g_string_append_printf (out, _("file dated %s"), day);
          g_date_time_unref (modified);
        }
    }
  if (out->len == 0)
    return g_string_free (out, TRUE);
  return g_string_free (out, FALSE);
}

/* --- what every report says of its inputs ----------------------------- */

/* The counts of every input, summed: the "All inputs" line. */
void
_dm_report_inputs_total (DmReport       *self,
                         DmImportCounts *total)
{
  dm_import_counts_init (total, NULL);
  for (guint i = 0; i < self->input_paths->len; i++)
    {
      DmImportCounts counts;

      dm_import_counts_init (&counts, dm_report_get_input (self, i));
      dm_import_counts_add (total, &counts);
    }
}

/* dm_import_counts_describe(), escaped by @escape, lines joined by <br>. */
char *
_dm_report_describe_escaped (const DmImportCounts *counts,
                             char               *(*escape) (const char *),
                             gboolean              markdown)
{
  g_autofree char *described = dm_import_counts_describe (counts);
  g_auto(GStrv) lines = g_strsplit (described, "\n", -1);
  GString *out = g_string_new (NULL);

  if (dm_import_counts_read_nothing (counts))
    g_string_append_printf (out, markdown ? "**%s**<br>" : "<strong>%s</strong><br>", _("Nothing read from this file."));
  for (guint l = 0; lines[l]; l++)
    {
      g_autofree char *line = escape (lines[l]);

      g_string_append_printf (out, "%s%s", l ? "<br>" : "", line);
    }
  return g_string_free (out, FALSE);
}

/* --- writing ------------------------------------------------------------ */

/* Written next to the target, then renamed: a failed export leaves no
 * half-written file where the old one was. */
gboolean
_dm_report_replace_contents (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* Writes @text, which it frees, to @path atomically. */
gboolean
_dm_report_write_text (const char  *path,
                       char        *text,
                       GError     **error)
{
  g_autofree char *owned = text;

  return _dm_report_replace_contents (path, owned, strlen (owned), error);
}
