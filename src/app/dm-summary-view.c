/* dm-summary-view.c: the executive summary of a review, as widgets
 *
 * What the window's Overview and slide 1 show, from one DmReviewSummary
 * so that both say what page 1 of the reports says: the scope, the
 * reconciliation line, failed findings by customer layer and severity, and
 * the worst checks with what to do. Export text is set as plain text, never
 * markup. The table is a grid of labels, each cell's accessible label
 * naming its row and column: GTK 4.8 has no table interface on the bus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-summary-view"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "dm-summary-view.h"
#include "dm-tooltip.h"

/* Accounts and regions named before "and N more". */
#define MAX_NAMED 4

struct _DmSummaryView
{
  GtkWidget        parent_instance;

  GtkWidget       *columns;
  GtkLabel        *scope_label;
  GtkLabel        *reconciliation_label;
  GtkGrid         *table;
  GtkBox          *risks_box;
  GtkWidget       *left_out_label;

  DmReviewSummary *summary;
  gboolean         built;      /* the widgets show the summary */
  GString         *text;
  gboolean         compact;
};

G_DEFINE_FINAL_TYPE (DmSummaryView, dm_summary_view, GTK_TYPE_WIDGET)

static void
dm_summary_view_dispose (GObject *object)
{
  DmSummaryView *self = DM_SUMMARY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_SUMMARY_VIEW);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (dm_summary_view_parent_class)->dispose (object);
}

static void
dm_summary_view_finalize (GObject *object)
{
  DmSummaryView *self = DM_SUMMARY_VIEW (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (dm_summary_view_parent_class)->finalize (object);
}

static void ensure_built (DmSummaryView *self);

/* A stack measures every page, the hidden ones too, and a summary's
 * wrapped text takes tens of milliseconds to measure: its widgets are
 * made when it is first shown. */
static void
dm_summary_view_map (GtkWidget *widget)
{
  ensure_built (DM_SUMMARY_VIEW (widget));
  GTK_WIDGET_CLASS (dm_summary_view_parent_class)->map (widget);
}

static void
dm_summary_view_class_init (DmSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_summary_view_dispose;
  object_class->finalize = dm_summary_view_finalize;
  widget_class->map = dm_summary_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/demarc/Demarc/ui/dm-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, columns);
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, reconciliation_label);
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, table);
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, risks_box);
  gtk_widget_class_bind_template_child (widget_class, DmSummaryView, left_out_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summaryview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dm_summary_view_init (DmSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text = g_string_new (NULL);
}

GtkWidget *
dm_summary_view_new (void)
{
  return g_object_new (DM_TYPE_SUMMARY_VIEW, NULL);
}

/* "a, b, c, d and 3 more", or @none for an empty list */
static char *
join_some (const char * const *names,
           const char         *none)
{
  guint n = names ? g_strv_length ((GStrv)names) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) some = NULL;
  g_autofree char *joined = NULL;

  if (n == 0)
    return g_strdup (none);
  for (guint i = 0; i < MIN (n, MAX_NAMED); i++)
    g_strv_builder_add (builder, names[i]);
  some = g_strv_builder_end (builder);
  joined = g_strjoinv (", ", some);
  if (n <= MAX_NAMED)
    return g_steal_pointer (&joined);
  /* Translators: "eu-west-1, us-east-1, … and 13 more" */
  return g_strdup_printf (_("%s and %u more"), joined, n - MAX_NAMED);
}

static char *
describe_scope (DmReviewSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *accounts = dm_review_summary_get_accounts (summary);
  g_autofree char *account_list = join_some (accounts, _("none named in the findings"));
  g_autofree char *region_list = join_some (dm_review_summary_get_regions (summary), _("none named in the findings"));

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Account: %s", "Accounts: %s", g_strv_length ((GStrv)accounts)),
                          account_list);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Regions: %s"), region_list);
  for (guint i = 0; i < dm_review_summary_get_n_sources (summary); i++)
    {
      const DmReviewSource *source = dm_review_summary_get_source (summary, i);
      g_autofree char *base = g_path_get_basename (source->path);
      g_autofree char *tools = join_some (source->tools, _("no tool named"));

      /* Translators: a source file, its format, the tools that made it, its items */
      g_string_append_printf (text, _("\n%s (%s), %s: %" PRIu64 " items"), base, source->format, tools, source->items);
      if (source->when != NULL)
        g_string_append_printf (text, " · %s", source->when);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
table_label (const char *text,
             float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

/* Severities shown as columns, worst first: unknown only when present. */
static gboolean
shows_severity (DmReviewSummary *summary,
                DmSeverity       severity)
{
  return severity != DM_SEVERITY_UNKNOWN || dm_review_summary_get_n_failed (summary, severity) > 0;
}

static void
add_cell (DmSummaryView *self,
          const char    *row_name,
          DmSeverity     severity,
          guint          count,
          int            column,
          int            row)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *spoken = NULL;
  GtkWidget *cell = table_label (number, 0.5);

  gtk_widget_add_css_class (cell, "numeric");
  if (count == 0)
    gtk_widget_add_css_class (cell, "dim-label");
  /* Translators: a table cell read out: layer, severity, count */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %u failed finding", "%s, %s: %u failed findings", count),
                            row_name, severity == (DmSeverity)-1 ? _("all severities") : dm_severity_to_label (severity), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_grid_attach (self->table, cell, column, row, 1, 1);
  g_string_append_printf (self->text, "\t%u", count);
}

static guint
row_count (DmSummaryView *self,
           DmSeverity     severity,
           int            column)
{
  if (column >= 0)
    return dm_review_summary_get_cell (self->summary, severity, column);
  if (column == -1)
    return dm_review_summary_get_unplaced (self->summary, severity);
  return dm_review_summary_get_n_failed (self->summary, severity);
}

/* One row: the layer (or "not on a customer layer", or "all"), a count
 * per severity and the total. @column is -1 for unplaced, -2 for all.
 * Returns: whether the row is shown (a compact view leaves out zeros) */
static gboolean
add_row (DmSummaryView *self,
         const char    *name,
         int            column,
         int            row)
{
  GtkWidget *header;
  guint total = 0;
  int x = 1;

  for (int s = DM_SEVERITY_CRITICAL; s >= DM_SEVERITY_UNKNOWN; s--)
    total += row_count (self, s, column);
  if (self->compact && total == 0 && column != -2)
    return FALSE;

  header = table_label (name, 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 24);
  gtk_grid_attach (self->table, header, 0, row, 1, 1);
  g_string_append_printf (self->text, "\n%s", name);
  for (int s = DM_SEVERITY_CRITICAL; s >= DM_SEVERITY_UNKNOWN; s--)
    if (shows_severity (self->summary, s))
      add_cell (self, name, s, row_count (self, s, column), x++, row);
  add_cell (self, name, (DmSeverity)-1, total, x, row);
  return TRUE;
}

static void
build_table (DmSummaryView *self)
{
  int x = 1;
  guint n_columns = dm_review_summary_get_n_columns (self->summary);
  gboolean left_out = FALSE;
  GtkWidget *total;

  g_string_append (self->text, _("Layer"));
  for (int s = DM_SEVERITY_CRITICAL; s >= DM_SEVERITY_UNKNOWN; s--)
    {
      GtkWidget *header;

      if (!shows_severity (self->summary, s))
        continue;
      /* The word and its colour: colour is never the only cue. */
      header = table_label (dm_severity_to_label (s), 0.5);
      gtk_widget_add_css_class (header, "severity-badge");
      gtk_widget_add_css_class (header, dm_severity_colours (s)->css_class);
      gtk_grid_attach (self->table, header, x++, 0, 1, 1);
      g_string_append_printf (self->text, "\t%s", dm_severity_to_label (s));
    }
  total = table_label (_("Total"), 0.5);
  gtk_widget_add_css_class (total, "summary-total");
  gtk_grid_attach (self->table, total, x, 0, 1, 1);
  g_string_append_printf (self->text, "\t%s", _("Total"));

  for (guint c = 0; c < n_columns; c++)
    if (!add_row (self, dm_layer_get_name (dm_review_summary_get_column (self->summary, c)), c, c + 1))
      left_out = TRUE;
  if (!add_row (self, _("Not on a customer layer"), -1, n_columns + 1))
    left_out = TRUE;
  add_row (self, _("All layers"), -2, n_columns + 2);
  gtk_widget_set_visible (self->left_out_label, left_out);
  if (left_out)
    g_string_append_printf (self->text, "\n%s", _("Layers without a failed finding are left out."));
}

static GtkWidget *
risk_row (DmFindingGroup *group,
          gboolean        compact,
          GString        *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  DmSeverity severity = dm_finding_group_get_severity (group);
  GtkWidget *badge = gtk_label_new (dm_severity_to_label (severity));
  GtkWidget *title = gtk_label_new (dm_finding_group_get_title (group));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  const char *remediation = dm_finding_group_get_remediation (group);
  g_autofree char *todo = NULL;
  GtkWidget *detail;

  gtk_widget_add_css_class (badge, "severity-badge");
  gtk_widget_add_css_class (badge, dm_severity_colours (severity)->css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "summary-risk-title");
  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (box), line);

  todo = remediation && *remediation
         /* Translators: where a risk is, then what to do about it */
         ? g_strdup_printf (_("%s. What to do: %s"), scope, remediation)
         : g_strdup (scope);
  detail = gtk_label_new (todo);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  /* A long remediation stays the report's (and the tooltip's). */
  gtk_label_set_lines (GTK_LABEL (detail), compact ? 2 : 4);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  dm_tooltip_set_text (detail, todo);
  gtk_widget_add_css_class (detail, "summary-risk-detail");
  gtk_box_append (GTK_BOX (box), detail);

  g_string_append_printf (text, "\n%s — %s — %s", dm_finding_group_get_title (group), dm_severity_to_label (severity), todo);
  return box;
}

static void
build_risks (DmSummaryView *self)
{
  GPtrArray *risks = dm_review_summary_get_top_risks (self->summary);
  guint more = dm_review_summary_get_n_failed_groups (self->summary) - risks->len;

  g_string_append_printf (self->text, "\n\n%s", _("Top Risks and What to Do"));
  for (guint i = 0; i < risks->len; i++)
    gtk_box_append (self->risks_box, risk_row (g_ptr_array_index (risks, i), self->compact, self->text));
  if (risks->len == 0)
    {
      GtkWidget *none = table_label (_("No failed findings."), 0);

      gtk_box_append (self->risks_box, none);
      g_string_append_printf (self->text, "\n%s", _("No failed findings."));
    }
  if (more > 0)
    {
      g_autofree char *rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "…and %u more failed check in the report",
                                                            "…and %u more failed checks in the report", more), more);
      GtkWidget *label = table_label (rest, 0);

      /* Unwrapped, its width pushed the page past a 1100 px window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->risks_box, label);
      g_string_append_printf (self->text, "\n%s", rest);
    }
}

static void
clear (DmSummaryView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->risks_box))))
    gtk_box_remove (self->risks_box, child);
  g_string_truncate (self->text, 0);
  self->built = FALSE;
  gtk_label_set_text (self->scope_label, "");
  gtk_label_set_text (self->reconciliation_label, "");
  g_clear_object (&self->summary);
}

static void
ensure_built (DmSummaryView *self)
{
  g_autofree char *scope = NULL;
  g_autofree char *reconciliation = NULL;

  if (self->built || self->summary == NULL)
    return;
  self->built = TRUE;
  scope = describe_scope (self->summary);
  reconciliation = dm_import_counts_describe (dm_review_summary_get_counts (self->summary));
  gtk_label_set_text (self->scope_label, scope);
  gtk_label_set_text (self->reconciliation_label, reconciliation);
  g_string_append_printf (self->text, "%s\n%s\n\n%s\n%s\n\n", _("Scope"), scope, _("Every Item Read"), reconciliation);
  g_string_append_printf (self->text, "%s\n", _("Failed Findings by Layer and Severity"));
  build_table (self);
  build_risks (self);
}

/**
 * dm_summary_view_set_report:
 * @report: (nullable): the report to summarise; %NULL empties the view
 */
void
dm_summary_view_set_report (DmSummaryView *self,
                            DmReport      *report)
{
  g_return_if_fail (DM_IS_SUMMARY_VIEW (self));

  clear (self);
  if (report == NULL)
    return;

  self->summary = g_object_ref (dm_report_get_summary (report));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_built (self);
}

/* Returns: (transfer none) (nullable): the summary shown */
DmReviewSummary *
dm_summary_view_get_summary (DmSummaryView *self)
{
  g_return_val_if_fail (DM_IS_SUMMARY_VIEW (self), NULL);
  return self->summary;
}

/* Everything shown, as plain text: the table by tabs, one row a line. */
const char *
dm_summary_view_get_text (DmSummaryView *self)
{
  g_return_val_if_fail (DM_IS_SUMMARY_VIEW (self), NULL);
  ensure_built (self);
  return self->text->str;
}

/**
 * dm_summary_view_set_compact:
 *
 * A compact summary, for a slide, leaves out the table's rows without a
 * failed finding, and says so, and keeps each risk to a few lines.
 */
void
dm_summary_view_set_compact (DmSummaryView *self,
                             gboolean       compact)
{
  g_return_if_fail (DM_IS_SUMMARY_VIEW (self));
  self->compact = compact;
}

GtkWidget *
dm_summary_view_get_table (DmSummaryView *self)
{
  g_return_val_if_fail (DM_IS_SUMMARY_VIEW (self), NULL);
  ensure_built (self);
  return GTK_WIDGET (self->table);
}
