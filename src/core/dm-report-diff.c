/* dm-report-diff.c: what changed between two exports, as HTML or Markdown
 *
 * Both sides by file and date, the layers whose gaps opened or closed,
 * then the gaps opened and closed, one group per check, worst first, each
 * finding with its evidence in the reports' own finding blocks.
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

typedef void (*AppendGroup) (GString        *out,
                             DmFindingGroup *group,
                             DmChange        change);

/* The gaps opened, then those closed, each list under its heading
 * (@before, the heading, @after), one group per check, worst first. */
static void
append_changes (GString     *out,
                DmDiff      *diff,
                const char  *before,
                const char  *after,
                AppendGroup  append)
{
  static const DmChange order[] = { DM_CHANGE_OPENED, DM_CHANGE_CLOSED };

  for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    {
      g_autoptr(GPtrArray) groups = dm_diff_get_groups (diff, order[pass]);

      g_string_append_printf (out, "%s%s%s", before,
                              order[pass] == DM_CHANGE_OPENED ? _("Gaps opened, worst first") : _("Gaps closed"), after);
      for (guint i = 0; i < groups->len; i++)
        append (out, g_ptr_array_index (groups, i), order[pass]);
    }
}

/* "Older: a.json, 1 Oct 2026" and "Newer: …", unescaped. */
static char *
side_text (DmDiff   *diff,
           gboolean  older)
{
  const char *label = older ? dm_diff_get_old_label (diff) : dm_diff_get_new_label (diff);

  /* Translators: the two sides of a comparison, by file name and date */
  return g_strdup_printf (older ? _("Older: %s") : _("Newer: %s"),
                          label ? label : older ? _("the older export") : _("the newer export"));
}

static void
html_change (GString        *out,
             DmFindingGroup *group,
             DmChange        change)
{
  g_autofree char *title = dm_report_escape_html (dm_finding_group_get_title (group));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  GPtrArray *findings = dm_finding_group_get_findings (group);

  g_string_append_printf (out, "<h3 class=\"group\"><span class=\"%s\">%s</span> ", change == DM_CHANGE_OPENED ? "opened" : "closed",
                          change_word (change));
  _dm_report_html_badge (out, dm_finding_group_get_severity (group));
  g_string_append_printf (out, " %s <span class=\"muted\">— %s</span></h3>\n", title, scope);
  for (guint i = 0; i < findings->len; i++)
    _dm_report_html_finding (out, g_ptr_array_index (findings, i));
}

static void
md_change (GString        *out,
           DmFindingGroup *group,
           DmChange        change)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *text = g_strdup_printf ("%s — %s", dm_finding_group_get_title (group), scope);
  g_autofree char *text_md = dm_report_escape_markdown (text);
  GPtrArray *findings = dm_finding_group_get_findings (group);

  g_string_append_printf (out, "### %s · %s · %s\n\n", change_word (change),
                          dm_severity_to_label (dm_finding_group_get_severity (group)), text_md);
  for (guint i = 0; i < findings->len; i++)
    _dm_report_md_finding (out, g_ptr_array_index (findings, i));
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
  {
    g_autofree char *older = side_text (diff, TRUE);
    g_autofree char *newer = side_text (diff, FALSE);
    g_autofree char *older_html = dm_report_escape_html (older);
    g_autofree char *newer_html = dm_report_escape_html (newer);

    g_string_append_printf (out, "<ul class=\"sides\"><li>%s</li><li>%s</li></ul>\n", older_html, newer_html);
  }
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
  {
    g_autofree char *older = side_text (diff, TRUE);
    g_autofree char *newer = side_text (diff, FALSE);
    g_autofree char *older_md = dm_report_escape_markdown (older);
    g_autofree char *newer_md = dm_report_escape_markdown (newer);

    g_string_append_printf (out, "# %s\n\n%s\n\n- %s\n- %s\n\n- %s %u\n- %s %u\n- %s %u\n\n", _("What changed between two exports"),
                            redacted ? _("identifiers redacted") : _("identifiers shown"), older_md, newer_md,
                            _("Gaps opened:"), totals.opened, _("Gaps closed:"), totals.closed, _("Gaps unchanged:"), totals.unchanged);
  }
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
