/* demarc-check.c: the command-line face of Demarc's core; needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "demarc-check"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <math.h>

#include "dm-assessment.h"
#include "dm-diagram-render.h"
#include "dm-diff.h"
#include "dm-build-tree.h"
#include "dm-import-summary.h"
#include "dm-importer.h"
#include "dm-redactor.h"
#include "dm-report.h"
#include "dm-review-summary.h"
#include "dm-model.h"
#include "dm-output.h"

enum {
  EXIT_OK = 0,
  EXIT_GAPS = 1,
  EXIT_INPUT = 2,
};

typedef enum {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CI,      /* csv, junit or sarif: see dm-output.h */
} OutputFormat;

static char *for_terminal (const char *text);

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static void
list_services (DmModel      *model,
               OutputFormat  format)
{
  guint n = dm_model_get_n_services (model);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          DmService *service = dm_model_get_service (model, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_service_get_id (service));
          add_string (builder, "name", dm_service_get_name (service));
          add_string (builder, "category", dm_service_get_category (service));
          add_double (builder, "boundary", dm_model_get_boundary (model, service));
          add_double (builder, "customer_share", dm_model_get_customer_share (model, service));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      DmService *service = dm_model_get_service (model, i);

      g_print ("%-20s %-16s %s\n", dm_service_get_id (service),
               dm_service_get_category (service), dm_service_get_name (service));
    }
}

static void
list_layers (DmModel      *model,
             OutputFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  /* Top of the stack first, as the diagram reads. */
  for (guint b = dm_model_get_n_bands (model); b > 0; b--)
    {
      DmBand *band = dm_model_get_band (model, b - 1);

      if (format == FORMAT_TEXT)
        g_print ("%s (%s)\n", dm_band_get_name (band), dm_band_get_id (band));

      for (guint l = 0; l < dm_band_get_n_layers (band); l++)
        {
          DmLayer *layer = dm_band_get_layer (band, l);

          if (format == FORMAT_TEXT)
            {
              g_print ("  %-28s %s\n", dm_layer_get_id (layer), dm_layer_get_name (layer));
              continue;
            }

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_layer_get_id (layer));
          add_string (builder, "name", dm_layer_get_untranslated_name (layer));
          add_string (builder, "band", dm_band_get_id (band));
          json_builder_end_object (builder);
        }
    }

  json_builder_end_array (builder);
  if (format == FORMAT_JSON)
    print_json (builder);
}

static void
show_service (DmModel      *model,
              DmService    *service,
              OutputFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (format == FORMAT_TEXT)
    g_print ("%s (%s), %s\n%s\n\n", dm_service_get_name (service), dm_service_get_id (service),
             dm_service_get_category (service), dm_service_get_summary (service));

  json_builder_begin_object (builder);
  add_string (builder, "id", dm_service_get_id (service));
  add_string (builder, "name", dm_service_get_name (service));
  add_string (builder, "category", dm_service_get_category (service));
  add_double (builder, "boundary", dm_model_get_boundary (model, service));
  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);

  for (guint b = dm_model_get_n_bands (model); b > 0; b--)
    {
      DmBand *band = dm_model_get_band (model, b - 1);
      guint owners = dm_diagram_band_owners (service, band);
      gboolean mixed = (owners & (owners - 1)) != 0;
      g_autofree char *owner_label = dm_diagram_band_owner_label (model, service, band);

      /* A band is owned as its layers are: one owner, or mixed. */
      if (format == FORMAT_TEXT)
        {
          g_autofree char *shown = for_terminal (owner_label);

          g_print ("%-34s %s\n", dm_band_get_name (band), shown);
        }

      json_builder_begin_object (builder);
      add_string (builder, "id", dm_band_get_id (band));
      add_string (builder, "owner", mixed ? "mixed" : dm_owner_to_string (dm_service_get_band_owner (service, band)));
      json_builder_set_member_name (builder, "layers");
      json_builder_begin_array (builder);

      for (guint l = 0; l < dm_band_get_n_layers (band); l++)
        {
          DmLayer *layer = dm_band_get_layer (band, l);
          DmOwner owner = dm_service_get_owner (service, layer);

          if (format == FORMAT_TEXT)
            g_print ("  %-32s %-14s %s\n", dm_layer_get_name (layer),
                     dm_model_get_owner_label (model, owner), dm_service_get_reason (service, layer));

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_layer_get_id (layer));
          add_string (builder, "owner", dm_owner_to_string (owner));
          add_string (builder, "control", dm_control_kind_to_string (dm_service_get_control (service, layer)));
          add_string (builder, "reason", dm_service_get_untranslated_reason (service, layer));
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);

      if (format == FORMAT_TEXT)
        {
          /* The line at level k lies under band k, as the diagram draws
           * it: under the lowest band with any customer or shared layer. */
          if (dm_diagram_service_boundary (model, service) == (double)(b - 1) && b > 1)
            g_print ("%s\n", _("--- provider below, customer above ---"));
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (format == FORMAT_JSON)
    print_json (builder);
}

/* Text from an export goes to a terminal: control characters (escape
 * sequences included) are shown as "?", never passed through. */
static char *
for_terminal (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || dm_text_is_hidden (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The executive summary, first: scope, what was read, failed findings by
 * severity, the worst checks and what to do. */
static void
print_summary_text (DmReport *report)
{
  DmReviewSummary *summary = dm_report_get_summary (report);
  const char * const *accounts = dm_review_summary_get_accounts (summary);
  const char * const *regions = dm_review_summary_get_regions (summary);
  g_autofree char *account_text = NULL;
  g_autofree char *region_text = NULL;
  g_autofree char *counts = dm_import_counts_describe (dm_review_summary_get_counts (summary));
  GPtrArray *risks = dm_review_summary_get_top_risks (summary);

  {
    g_autofree char *joined = g_strjoinv (", ", (char **)accounts);
    g_autofree char *regions_joined = g_strjoinv (", ", (char **)regions);

    account_text = for_terminal (*joined ? joined : "-");
    region_text = for_terminal (*regions_joined ? regions_joined : "-");
  }
  g_print ("%s %u (%s)\n", _("Accounts:"), g_strv_length ((char **)accounts), account_text);
  g_print ("%s %u (%s)\n", _("Regions:"), g_strv_length ((char **)regions), region_text);
  for (guint i = 0; i < dm_review_summary_get_n_sources (summary); i++)
    {
      const DmReviewSource *source = dm_review_summary_get_source (summary, i);
      g_autofree char *tools = g_strjoinv (", ", (char **)source->tools);
      g_autofree char *line = g_strdup_printf ("%s (%s)%s%s%s%s", source->path, source->format, *tools ? ", " : "",
                                               tools, source->when ? " · " : "", source->when ? source->when : "");
      g_autofree char *shown = for_terminal (line);

      g_print ("%s %s\n", _("File:"), shown);
    }
  /* Each line on its own: for_terminal shows a newline as "?". */
  {
    g_auto(GStrv) lines = g_strsplit (counts, "\n", -1);

    for (guint l = 0; lines[l]; l++)
      {
        g_autofree char *shown = for_terminal (lines[l]);

        if (*lines[l] != '\0')
          g_print ("%s %s\n", l ? "     " : _("Read:"), shown);
      }
  }
  g_print ("%s", _("Failed by severity:"));
  for (int s = DM_SEVERITY_CRITICAL; s >= DM_SEVERITY_UNKNOWN; s--)
    if (s != DM_SEVERITY_UNKNOWN || dm_review_summary_get_n_failed (summary, s) > 0)
      g_print ("%s %s %u", s < DM_SEVERITY_CRITICAL ? "," : "", dm_severity_to_label (s),
               dm_review_summary_get_n_failed (summary, s));
  g_print ("\n");
  if (risks->len)
    g_print ("%s\n", _("Top risks:"));
  for (guint i = 0; i < risks->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (risks, i);
      g_autofree char *title = for_terminal (dm_finding_group_get_title (group));
      g_autofree char *scope = dm_finding_group_describe_scope (group);
      const char *remediation = dm_finding_group_get_remediation (group);
      g_autofree char *todo = for_terminal (remediation && *remediation ? remediation : _("No remediation in the export."));

      g_print ("  %-13s %s — %s\n  %-13s %s %s\n", dm_severity_to_label (dm_finding_group_get_severity (group)),
               title, scope, "", _("What to do:"), todo);
    }
  g_print ("\n");
}

/* The gaps, one line per check, worst first, each with its resources. */
static void
print_gaps_text (DmReport *report)
{
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
        g_ptr_array_add (failed, g_steal_pointer (&finding));
    }
  groups = dm_finding_groups_new (failed);
  if (groups->len)
    g_print ("\n%s\n", _("Gaps, worst first:"));
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      GPtrArray *members = dm_finding_group_get_findings (group);
      g_autofree char *title = for_terminal (dm_finding_group_get_title (group));
      g_autofree char *scope = dm_finding_group_describe_scope (group);
      DmFinding *first = g_ptr_array_index (members, 0);

      g_print ("%-13s %s — %s (%s)\n", dm_severity_to_label (dm_finding_group_get_severity (group)), title, scope,
               dm_finding_get_service (first) ? dm_finding_get_service (first) : "-");
      for (guint f = 0; f < members->len; f++)
        {
          DmFinding *finding = g_ptr_array_index (members, f);
          g_autofree char *resource = for_terminal (dm_finding_get_resource (finding));
          g_autofree char *region = for_terminal (dm_finding_get_region (finding));

          /* A finding that names no resource (a rule's summary) has no line. */
          if (*resource == '\0')
            continue;
          g_print ("    %s%s%s%s\n", resource, *region ? " (" : "", region, *region ? ")" : "");
        }
    }
}

/* Pads @text with spaces to @width characters, not bytes, so translated
 * layer names with accents line up in the terminal. */
static char *
pad_to_width (const char *text,
              guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  while (length++ < (glong)width)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
print_assessment_text (DmModel    *model,
                       DmImporter *importer,
                       DmReport   *report)
{
  DmAssessment *assessment = dm_report_get_assessment (report);

  print_summary_text (report);
  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (importer, i);
      g_autofree char *path = for_terminal (dm_report_get_input_path (report, i));

      DmImportCounts counts;
      g_autofree char *described = NULL;
      g_auto(GStrv) lines = NULL;

      /* The wording the window, slides and reports use: each line's parts
       * add up to the number it starts with. */
      dm_import_counts_init (&counts, input);
      described = dm_import_counts_describe (&counts);
      lines = g_strsplit (described, "\n", -1);
      g_print ("%s: %s, %s\n", path, input->format, lines[0]);
      for (guint l = 1; lines[l]; l++)
        g_print ("  %s\n", lines[l]);
      if (dm_import_counts_read_nothing (&counts))
        g_print ("  %s\n", _("Nothing read from this file."));
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);
          /* Reasons can quote the file (a parser's message, its keys). */
          g_autofree char *shown = for_terminal (reason->reason);

          g_print ("  %" G_GUINT64_FORMAT " × %s\n", reason->count, shown);
        }
    }

  {
    guint with_evidence, customer_layers;

    dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
    g_print (_("\n%u failed, %u passed, %u informational, %u suppressed, %u not on a service of the model; "
               "evidence for %u of %u customer and shared layers\n"),
             dm_assessment_get_n_failed (assessment), dm_assessment_get_n_passed (assessment),
             dm_assessment_count_status (assessment, DM_FINDING_INFORMATIONAL),
             dm_assessment_count_status (assessment, DM_FINDING_SUPPRESSED),
             dm_assessment_get_n_unmapped (assessment), with_evidence, customer_layers);
  }

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_assessment_has_service (assessment, service))
        continue;

      g_print ("\n%s\n", dm_service_get_name (service));
      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);
          const DmLayerResult *result = dm_assessment_get_result (assessment, service, layer);
          g_autofree char *name = NULL;

          if (result->status == DM_LAYER_PROVIDER || result->status == DM_LAYER_NOT_APPLICABLE)
            continue;
          name = pad_to_width (dm_layer_get_name (layer), 34);
          if (result->status == DM_LAYER_GAP)
            /* Translators: a layer's line in demarc-check's text output */
            g_print (_("  %s gap (%u failed, worst %s)\n"), name, result->failed,
                     dm_severity_to_label (result->worst));
          else
            g_print ("  %s %s\n", name, result->status == DM_LAYER_OK ? C_("layer status", "ok")
                                                                     : C_("layer status", "no-data"));
        }
    }

  print_gaps_text (report);
}

static DmImporter *
import_paths (DmCatalogue  *catalogue,
              char        **paths,
              guint         n_paths)
{
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);

  for (guint i = 0; i < n_paths; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;

      /* A pipe, socket or device would hold a CI job until it is killed. */
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_SPECIAL)
        {
          g_autofree char *shown = for_terminal (paths[i]);

          g_printerr ("demarc-check: %s: %s\n", shown, _("not a regular file (a pipe, socket or device), so it is not read"));
          return NULL;
        }
      if (!dm_importer_add_file (importer, file, NULL, &error))
        {
          g_autofree char *message = for_terminal (error->message);
          g_printerr ("demarc-check: %s\n", message);
          return NULL;
        }
    }
  return g_steal_pointer (&importer);
}

static void
add_change_json (JsonBuilder  *builder,
                 DmAssessment *assessment,
                 DmFinding    *finding,
                 DmChange      change)
{
  json_builder_begin_object (builder);
  add_string (builder, "change", dm_change_to_string (change));
  add_string (builder, "id", dm_finding_get_id (finding));
  add_string_or_null (builder, "check", dm_finding_get_check (finding));
  add_string (builder, "severity", dm_severity_to_string (dm_finding_get_severity (finding)));
  add_string_or_null (builder, "service", dm_finding_get_service (finding));
  add_string_or_null (builder, "layer", dm_assessment_get_finding_layer (assessment, finding));
  add_string (builder, "resource", dm_finding_get_resource (finding));
  add_string (builder, "title", dm_finding_get_title (finding));
  json_builder_end_object (builder);
}

/* "opened", "closed" and "unchanged", for the whole diff and each layer. */
static void
add_change_counts (JsonBuilder          *builder,
                   const DmChangeCounts *counts)
{
  json_builder_set_member_name (builder, "opened");
  json_builder_add_int_value (builder, counts->opened);
  json_builder_set_member_name (builder, "closed");
  json_builder_add_int_value (builder, counts->closed);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, counts->unchanged);
}

/* demarc-check --diff OLD NEW: gaps opened, closed and unchanged. */
static void
print_diff_json (DmModel *model,
                 DmDiff  *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DmChangeCounts totals;

  dm_diff_get_totals (result, &totals);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_change_counts (builder, &totals);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_diff_has_service (result, service))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "id", dm_service_get_id (service));
      add_string (builder, "name", dm_service_get_name (service));
      json_builder_set_member_name (builder, "layers");
      json_builder_begin_array (builder);
      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);
          DmChangeCounts counts;

          dm_diff_get_layer_counts (result, service, layer, &counts);
          json_builder_begin_object (builder);
          add_string (builder, "id", dm_layer_get_id (layer));
          add_string (builder, "old_status",
                      dm_layer_status_to_string (dm_assessment_get_result (dm_diff_get_old (result), service, layer)->status));
          add_string (builder, "new_status",
                      dm_layer_status_to_string (dm_assessment_get_result (dm_diff_get_new (result), service, layer)->status));
          add_change_counts (builder, &counts);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dm_diff_get_n_changes (result); i++)
    {
      DmChange change;
      DmFinding *finding = dm_diff_get_change (result, i, &change);

      add_change_json (builder, change == DM_CHANGE_CLOSED ? dm_diff_get_old (result) : dm_diff_get_new (result),
                       finding, change);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  print_json (builder);
}

static void
print_diff_text (DmModel *model,
                 DmDiff  *result)
{
  DmChangeCounts totals;

  dm_diff_get_totals (result, &totals);
  g_print (_("Failed findings: %u new, %u fixed, %u still failing\n"), totals.opened, totals.closed, totals.unchanged);
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);
      gboolean printed = FALSE;

      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);
          DmChangeCounts counts;

          dm_diff_get_layer_counts (result, service, layer, &counts);
          if (counts.opened + counts.closed + counts.unchanged == 0)
            continue;
          if (!printed)
            g_print ("\n%s\n", dm_service_get_name (service));
          printed = TRUE;
          g_print ("  %-34s +%u opened  -%u closed  =%u unchanged\n", dm_layer_get_name (layer),
                   counts.opened, counts.closed, counts.unchanged);
        }
    }
  g_print ("\n");
  for (guint i = 0; i < dm_diff_get_n_changes (result); i++)
    {
      DmChange change;
      DmFinding *finding = dm_diff_get_change (result, i, &change);
      g_autofree char *title = NULL;
      g_autofree char *resource = NULL;

      if (change == DM_CHANGE_UNCHANGED)
        continue;
      title = for_terminal (dm_finding_get_title (finding));
      resource = for_terminal (dm_finding_get_resource (finding));
      g_print ("%s %-13s %s (%s)\n", change == DM_CHANGE_OPENED ? "+" : "-",
               dm_severity_to_string (dm_finding_get_severity (finding)), title, resource);
    }
}

/* The two sides as the report names them: file name and date. */
static void
set_diff_labels (DmDiff     *diff,
                 const char *old_path,
                 const char *new_path)
{
  g_autoptr(GFile) old_file = g_file_new_for_commandline_arg (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_commandline_arg (new_path);
  g_autofree char *old_label = dm_import_describe_files (&old_file, 1);
  g_autofree char *new_label = dm_import_describe_files (&new_file, 1);

  dm_diff_set_labels (diff, old_label, new_label);
}

/* A file met in a folder that could not be read (malformed, cut short,
 * an archive) holds findings the result leaves out: the run fails, as a
 * named file that cannot be read does, unless the user accepts the loss.
 * Returns whether the run must fail. */
static gboolean
lost_inputs (DmImporter *importer,
             gboolean    skip_unreadable)
{
  const DmImportInput *first = NULL;
  guint n = 0;

  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (importer, i);

      if (input->damaged && n++ == 0)
        first = input;
    }
  if (n == 0)
    return FALSE;
  {
    g_autofree char *shown = for_terminal (first->path);
    const DmSkipReason *reason = first->reasons->len ? g_ptr_array_index (first->reasons, first->reasons->len - 1) : NULL;
    g_autofree char *why = for_terminal (reason ? reason->reason : "");

    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "demarc-check: %u file could not be read, so the result leaves out what it holds: %s (%s)%s\n",
                             "demarc-check: %u files could not be read, so the result leaves out what they hold; the first: "
                             "%s (%s)%s\n",
                             n),
                n, shown, why,
                skip_unreadable ? "" : _("; --skip-unreadable accepts that and exits as if they were not there"));
  }
  return !skip_unreadable;
}

static int
diff (DmModel     *model,
      char        *old_path,
      char        *new_path,
      OutputFormat format,
      DmSeverity   fail_on,
      gboolean     redact,
      gboolean     skip_unreadable,
      const char  *report_path)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) old_importer = import_paths (catalogue, &old_path, 1);
  g_autoptr(DmImporter) new_importer = old_importer ? import_paths (catalogue, &new_path, 1) : NULL;
  g_autoptr(DmDiff) result = NULL;
  gboolean severe_opened = FALSE;

  if (new_importer == NULL)
    return EXIT_INPUT;

  /* One redactor for both sides: a bucket keeps its pseudonym. */
  result = dm_diff_new_redacted (model, catalogue, dm_importer_get_findings (old_importer),
                                 dm_importer_get_findings (new_importer), redact);
  set_diff_labels (result, old_path, new_path);

  if (report_path)
    {
      g_autoptr(GError) error = NULL;

      if (!dm_report_export_accepts (DM_REPORT_KIND_DIFF, report_path, NULL))
        {
          g_printerr ("demarc-check: %s\n", _("with --diff, --report needs a file name ending in .html or .md"));
          return EXIT_INPUT;
        }
      if (!dm_report_export_diff (result, model, redact, report_path, &error))
        {
          g_printerr ("demarc-check: %s\n", error->message);
          return EXIT_INPUT;
        }
      g_printerr (_("demarc-check: wrote %s\n"), report_path);
    }

  for (guint i = 0; i < dm_diff_get_n_changes (result); i++)
    {
      DmChange change;
      DmFinding *finding = dm_diff_get_change (result, i, &change);

      if (change == DM_CHANGE_OPENED && dm_finding_get_severity (finding) >= fail_on)
        severe_opened = TRUE;
    }

  if (format == FORMAT_JSON)
    print_diff_json (model, result);
  else
    print_diff_text (model, result);

  if (lost_inputs (old_importer, skip_unreadable) || lost_inputs (new_importer, skip_unreadable))
    return EXIT_INPUT;
  return severe_opened ? EXIT_GAPS : EXIT_OK;
}

typedef struct
{
  OutputFormat  format;
  DmOutputFormat ci_format;
  DmSeverity    fail_on;
  gboolean      redact;
  const char   *report_path;
  const char   *diagram_path;
  const char   *service_id;
  const char   *matrix_path;
  gboolean      skip_unreadable;
} AssessOptions;

/* --report, --matrix and --diagram, in that order; the core decides which
 * writer a name gets. Exports are written before anything is printed, so a
 * failed write is the last thing on the terminal. */
static gboolean
write_exports (DmModel             *model,
               DmReport            *report,
               const AssessOptions *options)
{
  const struct
  {
    const char   *path;
    DmReportKind  kind;
    const char   *wrong_name;   /* what a name the kind does not take gets */
  } exports[] = {
    { options->report_path, DM_REPORT_KIND_REPORT, N_("--report needs a file name ending in .html, .md or .pdf") },
    { options->matrix_path, DM_REPORT_KIND_MATRIX, N_("--matrix needs a file name ending in .svg, .png or .pdf") },
    { options->diagram_path, DM_REPORT_KIND_DIAGRAM, N_("--diagram needs a file name ending in .svg, .png or .pdf") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(GError) error = NULL;
      DmService *service = NULL;

      if (exports[i].path == NULL)
        continue;
      if (!dm_report_export_accepts (exports[i].kind, exports[i].path, NULL))
        {
          g_printerr ("demarc-check: %s\n", _(exports[i].wrong_name));
          return FALSE;
        }
      if (exports[i].kind == DM_REPORT_KIND_DIAGRAM && options->service_id &&
          !(service = dm_model_find_service (model, options->service_id)))
        {
          g_printerr ("demarc-check: %s\n", _("no such service in the model (see --list-services)"));
          return FALSE;
        }
      if (!dm_report_export (report, exports[i].kind, service, exports[i].path, &error))
        {
          g_printerr ("demarc-check: %s\n", error->message);
          return FALSE;
        }
      g_printerr (_("demarc-check: wrote %s\n"), exports[i].path);
    }
  return TRUE;
}

/* Whether @path is one of the files named on the command line (not one
 * met in a folder). */
static gboolean
named_file (char       **paths,
            const char  *path)
{
  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_str_equal (name, path))
        return TRUE;
    }
  return FALSE;
}

/* Nothing unread passes as green: a run that read nothing, or a file named
 * on the command line that gave nothing (no finding, duplicate or not-AWS
 * result) fails. Files met in a folder that gave nothing are named and the
 * run goes on: a CloudMapper tree holds many responses no check reads, each
 * listed with its reason. */
static gboolean
read_nothing (DmImporter  *importer,
              char       **paths)
{
  DmImportCounts sum = { 0 };
  g_autoptr(GString) empty = g_string_new (NULL);
  guint n_empty = 0;
  gboolean named_empty = FALSE;

  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (importer, i);
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      dm_import_counts_add (&sum, &counts);
      if (dm_import_counts_read_nothing (&counts))
        {
          g_autofree char *shown = for_terminal (input->path);

          if (named_file (paths, input->path))
            {
              if (input->items == 0)
                g_printerr (_("demarc-check: %s: it holds no findings or resources\n"), shown);
              else
                g_printerr (_("demarc-check: %s: nothing in it could be used (the reasons are listed above)\n"), shown);
              named_empty = TRUE;
            }
          else if (n_empty++ < 5)
            g_string_append_printf (empty, "%s%s", empty->len ? ", " : "", shown);
        }
    }

  if (dm_importer_get_n_inputs (importer) == 0 || dm_import_counts_read_nothing (&sum))
    {
      g_printerr ("demarc-check: %s\n",
                  _("nothing was read: no input gave a finding Demarc could use (the reasons are listed per input)"));
      return TRUE;
    }
  if (n_empty > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "demarc-check: %u file in a folder gave nothing: %s%s\n",
                             "demarc-check: %u files in folders gave nothing: %s%s\n", n_empty),
                n_empty, empty->str, n_empty > 5 ? ", …" : "");
  return named_empty;
}

/* The importer and the report hold every finding: freeing them one by one
 * at the end of a run took a tenth of it, and the process's exit returns
 * the memory at once. They stay reachable, so leak checkers say nothing. */
static void
keep_until_exit (gpointer object)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, g_object_ref (object));
}

static int
assess (DmModel             *model,
        char               **paths,
        const AssessOptions *options)
{
  g_autoptr(DmCatalogue) catalogue = NULL;
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!(catalogue = dm_catalogue_new_default (&error)))
    {
      g_printerr ("demarc-check: %s\n", error->message);
      return EXIT_INPUT;
    }

  if (!(importer = import_paths (catalogue, paths, g_strv_length (paths))))
    return EXIT_INPUT;

  report = dm_report_new (model, catalogue, importer, options->redact);
  keep_until_exit (importer);
  keep_until_exit (report);
  if (!write_exports (model, report, options))
    return EXIT_INPUT;
  if (options->format == FORMAT_CI)
    {
      if (!dm_output_write (report, catalogue, options->ci_format, stdout, &error))
        {
          g_printerr ("demarc-check: %s\n", error->message);
          return EXIT_INPUT;
        }
    }
  else if (options->format == FORMAT_JSON)
    {
      if (!dm_output_write (report, catalogue, DM_OUTPUT_JSON, stdout, &error))
        {
          g_printerr ("demarc-check: %s\n", error->message);
          return EXIT_INPUT;
        }
    }
  else
    print_assessment_text (model, importer, report);

  if (read_nothing (importer, paths) || lost_inputs (importer, options->skip_unreadable))
    return EXIT_INPUT;
  return dm_assessment_count_gaps (dm_report_get_assessment (report), options->fail_on) > 0 ? EXIT_GAPS : EXIT_OK;
}

static GOptionContext *
option_context_new (const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (_("[FILE|DIR…]"));

  g_option_context_set_summary (context, _("Explore a shared-responsibility model, or assess exported account data "
                                           "(Security Hub ASFF, Prowler, AWS Config, ScoutSuite, AWS CLI output, "
                                           "Demarc bundles) against it, from the command line.\n\n"
                                           "With files: exit 0 when no failed finding reaches --fail-on, 1 when one does, "
                                           "2 when an input cannot be read or nothing was read at all."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* --format: text or json everywhere; the CI formats only for an
 * assessment (@not_assessing when there are no exports, or --diff). */
static gboolean
parse_format (const char     *name,
              gboolean        not_assessing,
              OutputFormat   *format,
              DmOutputFormat *ci_format)
{
  if (name == NULL || g_str_equal (name, "text"))
    *format = FORMAT_TEXT;
  else if (g_str_equal (name, "json"))
    *format = FORMAT_JSON;
  else if (dm_output_format_from_string (name, ci_format))
    *format = FORMAT_CI;
  else
    {
      g_printerr ("demarc-check: %s\n", _("--format must be text or json, or with exports csv, junit or sarif"));
      return FALSE;
    }
  /* The CI formats describe an assessment, nothing else. */
  if (*format == FORMAT_CI && not_assessing)
    {
      g_printerr ("demarc-check: %s\n", _("--format csv, junit and sarif need exports to assess (and no --diff)"));
      return FALSE;
    }
  return TRUE;
}

static DmModel *
load_model (const char *path)
{
  g_autoptr(GError) error = NULL;
  DmModel *model;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      model = dm_model_new_from_file (file, NULL, &error);
    }
  else
    model = dm_model_new_default (&error);

  if (model == NULL)
    g_printerr ("demarc-check: %s\n", error->message);
  return model;
}

/* Without exports: what the model holds. */
static int
explore (GOptionContext *context,
         DmModel        *model,
         gboolean        validate,
         gboolean        list_services_flag,
         gboolean        list_layers_flag,
         const char     *service_id,
         OutputFormat    format)
{
  if (validate)
    g_print (_("%s: valid model “%s” with %u bands, %u layers and %u services\n"),
             dm_model_get_source (model), dm_model_get_name (model),
             dm_model_get_n_bands (model), dm_model_get_n_layers (model),
             dm_model_get_n_services (model));

  if (list_services_flag)
    list_services (model, format);

  if (list_layers_flag)
    list_layers (model, format);

  if (service_id != NULL)
    {
      DmService *service = dm_model_find_service (model, service_id);

      if (service == NULL)
        {
          g_printerr ("demarc-check: %s\n", _("no such service in the model (see --list-services)"));
          return EXIT_INPUT;
        }
      show_service (model, service, format);
    }

  if (!validate && !list_services_flag && !list_layers_flag && service_id == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_INPUT;
    }

  return EXIT_OK;
}

static void
init_locale (void)
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
  localedir = dm_build_tree_locale_dir ("demarc-check");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Without exports, a diagram shows who owns what. */
static int
export_model (DmModel             *model,
              const AssessOptions *options)
{
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmReport) report = dm_report_new (model, catalogue, NULL, FALSE);

  return write_exports (model, report, options) ? EXIT_OK : EXIT_INPUT;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;
  g_autofree char *model_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *fail_on_name = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *diagram_path = NULL;
  g_autofree char *matrix_path = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean redact = FALSE;
  gboolean skip_unreadable = FALSE;
  gboolean diff_flag = FALSE;
  DmSeverity fail_on = DM_SEVERITY_HIGH;
  gboolean list_services_flag = FALSE;
  gboolean list_layers_flag = FALSE;
  gboolean validate = FALSE;
  gboolean version = FALSE;
  OutputFormat format = FORMAT_TEXT;
  DmOutputFormat ci_format = DM_OUTPUT_CSV;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("Read this model instead of the built-in AWS model"), N_("FILE") },
    { "list-services", 0, 0, G_OPTION_ARG_NONE, &list_services_flag, N_("List the model’s services"), NULL },
    { "list-layers", 0, 0, G_OPTION_ARG_NONE, &list_layers_flag, N_("List the model’s bands and layers"), NULL },
    { "service", 's', 0, G_OPTION_ARG_STRING, &service_id, N_("Show who owns each layer of a service"), N_("ID") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate, N_("Check the model file and report what it holds"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: text or json; with exports also csv, junit or sarif"), N_("FORMAT") },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on_name,
      N_("Exit with 1 when a failed finding is at least this severe: informational, low, medium, high (the default) or critical"),
      N_("SEVERITY") },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report_path,
      N_("Write a full report of the assessment: .html, .md or .pdf"), N_("FILE") },
    { "diagram", 0, 0, G_OPTION_ARG_FILENAME, &diagram_path,
      N_("Export the diagram of --service, or of every service in the export: .svg, .png or .pdf"), N_("FILE") },
    { "matrix", 0, 0, G_OPTION_ARG_FILENAME, &matrix_path,
      N_("Export the compare matrix (every service against every layer): .svg, .png or .pdf"), N_("FILE") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Replace account ids, ARNs, addresses, keys, emails and resource names with pseudonyms everywhere"), NULL },
    { "skip-unreadable", 0, 0, G_OPTION_ARG_NONE, &skip_unreadable,
      N_("Go on when a file met in a folder cannot be read (it is still listed with the reason) instead of exiting with 2"),
      NULL },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &diff_flag,
      N_("Compare two exports, OLD then NEW: gaps opened, closed and unchanged (exit 1 when one at --fail-on opened)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };

  init_locale ();
  context = option_context_new (entries);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("demarc-check: %s\n", error->message);
      return EXIT_INPUT;
    }

  if (version)
    {
      g_print ("demarc-check %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (!parse_format (format_name, diff_flag || paths == NULL || paths[0] == NULL, &format, &ci_format))
    return EXIT_INPUT;
  if (fail_on_name != NULL && !dm_severity_from_string (fail_on_name, &fail_on))
    {
      g_printerr ("demarc-check: %s\n", _("--fail-on must be informational, low, medium, high or critical"));
      return EXIT_INPUT;
    }
  if (!(model = load_model (model_path)))
    return EXIT_INPUT;

  if (diff_flag)
    {
      if (paths == NULL || g_strv_length (paths) != 2)
        {
          g_printerr ("demarc-check: %s\n", _("--diff needs two exports: OLD NEW"));
          return EXIT_INPUT;
        }
      return diff (model, paths[0], paths[1], format, fail_on, redact, skip_unreadable, report_path);
    }

  if (paths != NULL && paths[0] != NULL)
    {
      AssessOptions options = { format,       ci_format,  fail_on,     redact,         report_path,
                                diagram_path, service_id, matrix_path, skip_unreadable };

      return assess (model, paths, &options);
    }

  if (diagram_path != NULL || matrix_path != NULL)
    {
      AssessOptions options = { format, ci_format, fail_on, FALSE, NULL, diagram_path, service_id, matrix_path };

      return export_model (model, &options);
    }

  return explore (context, model, validate, list_services_flag, list_layers_flag, service_id, format);
}
