/* dm-report-diff.c: what changed between two exports, as HTML or Markdown
 *
 * The layers whose gaps opened or closed, then each gap opened and closed
 * with its evidence, written with the reports' own finding blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-report-private.h"

static const char *
change_word (DmChange change)
{
  switch (change)
    {
    case DM_CHANGE_OPENED: return _("Opened");
    case DM_CHANGE_CLOSED: return _("Closed");
    case DM_CHANGE_UNCHANGED:
    default: return _("Unchanged");
    }
}

typedef struct
{
  DmService     *service;
  DmLayer       *layer;
  DmChangeCounts counts;
  DmLayerStatus  before;
  DmLayerStatus  after;
} ChangedLayer;

/* The layers where a gap opened or closed, with their status before and after. */
static GArray *
changed_layers (DmDiff  *diff,
                DmModel *model)
{
  GArray *changed = g_array_new (FALSE, FALSE, sizeof (ChangedLayer));

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    for (guint l = 0; l < dm_model_get_n_layers (model); l++)
      {
        ChangedLayer c = { dm_model_get_service (model, s), dm_model_get_layer (model, l) };

        dm_diff_get_layer_counts (diff, c.service, c.layer, &c.counts);
        if (c.counts.opened + c.counts.closed == 0)
          continue;
        c.before = dm_assessment_get_result (dm_diff_get_old (diff), c.service, c.layer)->status;
        c.after = dm_assessment_get_result (dm_diff_get_new (diff), c.service, c.layer)->status;
        g_array_append_val (changed, c);
      }
  return changed;
}

typedef void (*AppendChange) (GString   *out,
                              DmFinding *finding,
                              DmChange   change);

/* The gaps opened, then those closed, each list under its heading
 * (@before, the heading, @after). */
static void
append_changes (GString      *out,
                DmDiff       *diff,
                const char   *before,
                const char   *after,
                AppendChange  append)
{
  static const DmChange order[] = { DM_CHANGE_OPENED, DM_CHANGE_CLOSED };

  for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    {
      g_string_append_printf (out, "%s%s%s", before, order[pass] == DM_CHANGE_OPENED ? _("Gaps opened") : _("Gaps closed"),
                              after);
      for (guint i = 0; i < dm_diff_get_n_changes (diff); i++)
        {
          DmChange change;
          DmFinding *finding = dm_diff_get_change (diff, i, &change);

          if (change == order[pass])
            append (out, finding, change);
        }
    }
}

static void
html_change (GString   *out,
             DmFinding *finding,
             DmChange   change)
{
  g_string_append_printf (out, "<p class=\"%s\">%s</p>", change == DM_CHANGE_OPENED ? "opened" : "closed",
                          change_word (change));
  _dm_report_html_finding (out, finding);
}

static void
md_change (GString   *out,
           DmFinding *finding,
           DmChange   change)
{
  _dm_report_md_finding (out, finding);
}

/**
 * dm_report_diff_to_html:
 * @redacted: whether the findings were redacted (only said in the report)
 *
 * One self-contained page: totals, the layers whose gaps changed, and the
 * gaps opened and closed with their evidence.
 */
char *
dm_report_diff_to_html (DmDiff   *diff,
                        DmModel  *model,
                        gboolean  redacted)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) changed = NULL;
  g_autofree char *severity_style = _dm_report_html_severity_style ();
  DmChangeCounts totals;

  dm_diff_get_totals (diff, &totals);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", _dm_report_html_lang ());
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
  g_string_append_printf (out, "<title>%s</title>\n<style>%s%s.opened{color:#a51d2d;font-weight:bold}.closed{color:#26a269;font-weight:bold}</style>\n</head>\n<body>\n",
                          _("Demarc comparison"), _dm_report_html_style, severity_style);
  g_string_append_printf (out, "<h1>%s</h1>\n<p class=\"muted\">%s</p>\n", _("What changed between two exports"),
                          redacted ? _("identifiers redacted") : _("identifiers shown"));
  g_string_append_printf (out, "<ul><li class=\"opened\">%s %u</li><li class=\"closed\">%s %u</li><li>%s %u</li></ul>\n",
                          _("Gaps opened:"), totals.opened, _("Gaps closed:"), totals.closed, _("Gaps unchanged:"), totals.unchanged);

  g_string_append_printf (out, "<h2>%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                          _("Layers"), _("Service"), _("Layer"), _("Before"), _("After"), _("Opened"), _("Closed"));
  changed = changed_layers (diff, model);
  for (guint i = 0; i < changed->len; i++)
    {
      const ChangedLayer *c = &g_array_index (changed, ChangedLayer, i);
      g_autofree char *service_name = dm_report_escape_html (dm_service_get_name (c->service));
      g_autofree char *layer_name = dm_report_escape_html (dm_layer_get_name (c->layer));

      g_string_append_printf (out, "<tr><td>%s</td><td>%s</td><td>%s %s</td><td>%s %s</td><td class=\"opened\">+%u</td><td class=\"closed\">−%u</td></tr>\n",
                              service_name, layer_name, dm_layer_status_symbol (c->before), _dm_report_status_word (c->before),
                              dm_layer_status_symbol (c->after), _dm_report_status_word (c->after), c->counts.opened, c->counts.closed);
    }
  g_string_append (out, "</table>\n");

  append_changes (out, diff, "<h2>", "</h2>\n", html_change);
  g_string_append_printf (out, "<p class=\"muted\">%s</p>\n</body>\n</html>\n",
                          _("Made by Demarc from exported data, offline."));
  return g_string_free (out, FALSE);
}

char *
dm_report_diff_to_markdown (DmDiff   *diff,
                            DmModel  *model,
                            gboolean  redacted)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) changed = NULL;
  DmChangeCounts totals;

  dm_diff_get_totals (diff, &totals);
  g_string_append_printf (out, "# %s\n\n%s\n\n- %s %u\n- %s %u\n- %s %u\n\n", _("What changed between two exports"),
                          redacted ? _("identifiers redacted") : _("identifiers shown"),
                          _("Gaps opened:"), totals.opened, _("Gaps closed:"), totals.closed, _("Gaps unchanged:"), totals.unchanged);
  g_string_append_printf (out, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
                          _("Service"), _("Layer"), _("Before"), _("After"), _("Opened"), _("Closed"));
  changed = changed_layers (diff, model);
  for (guint i = 0; i < changed->len; i++)
    {
      const ChangedLayer *c = &g_array_index (changed, ChangedLayer, i);
      g_autofree char *service_name = dm_report_escape_markdown (dm_service_get_name (c->service));
      g_autofree char *layer_name = dm_report_escape_markdown (dm_layer_get_name (c->layer));

      g_string_append_printf (out, "| %s | %s | %s %s | %s %s | +%u | −%u |\n", service_name, layer_name,
                              dm_layer_status_symbol (c->before), _dm_report_status_word (c->before), dm_layer_status_symbol (c->after),
                              _dm_report_status_word (c->after), c->counts.opened, c->counts.closed);
    }

  append_changes (out, diff, "\n## ", "\n\n", md_change);
  return g_string_free (out, FALSE);
}

gboolean
_dm_report_export_diff_html (const DmExportSubject  *subject,
                             const char             *path,
                             DmReportFormat          format,
                             GError                **error)
{
  return _dm_report_write_text (path, dm_report_diff_to_html (subject->diff, subject->model, subject->redacted), error);
}

gboolean
_dm_report_export_diff_markdown (const DmExportSubject  *subject,
                                 const char             *path,
                                 DmReportFormat          format,
                                 GError                **error)
{
  return _dm_report_write_text (path, dm_report_diff_to_markdown (subject->diff, subject->model, subject->redacted), error);
}
