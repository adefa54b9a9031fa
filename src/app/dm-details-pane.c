/* dm-details-pane.c
 *
 * Texts come from model files the user may have written, so every label
 * here is plain text: nothing is parsed as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-details-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "dm-details-pane.h"
#include "dm-tooltip.h"
#include "dm-diagram-render.h"
#include "dm-findings-view.h"
#include "dm-import-summary.h"

struct _DmDetailsPane
{
  AdwBin     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *owner_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *hint_label;
  GtkBox    *groups_box;
  GPtrArray *groups;    /* GtkWidget, unowned */
  GHashTable *expanders; /* DmFinding → its GtkExpander, both unowned */
  GtkWidget  *scroll_to; /* an expander to bring into view once laid out, or NULL */
  guint       scroll_tick;

  DmReport     *report;
  GtkScrolledWindow *scroller;
  DmAssessment *assessment;
};

/* A layer can hold thousands of findings; the pane lists this many and
 * says how many more there are. */
#define MAX_FINDINGS_SHOWN 100

G_DEFINE_FINAL_TYPE (DmDetailsPane, dm_details_pane, ADW_TYPE_BIN)

static const char *owner_classes[] = { "owner-provider", "owner-customer", "owner-shared", "owner-na" };

static void
set_owner_badge (GtkLabel   *label,
                 DmModel    *model,
                 int         owner)
{
  for (guint i = 0; i < G_N_ELEMENTS (owner_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), owner_classes[i]);

  if (owner < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  gtk_label_set_text (label, dm_model_get_owner_label (model, owner));
  gtk_widget_add_css_class (GTK_WIDGET (label), owner_classes[owner]);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  /* Wrapped labels ask for their whole text on one line; cap that so the
   * pane keeps its width and the diagram its room. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_fact (GtkListBox *list,
          const char *heading,
          const char *value,
          const char *value_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *value_label = make_label (value, value_class);

  /* Owners read as a coloured pill, as in the header. */
  if (value_class != NULL && g_str_has_prefix (value_class, "owner-"))
    {
      gtk_widget_add_css_class (value_label, "owner-badge");
      gtk_widget_set_halign (value_label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (value_label, 2);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), make_label (heading, "caption-heading"));
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
  gtk_list_box_append (list, row);
}

static GtkWidget *
add_group (DmDetailsPane *self,
           const char    *title,
           const char    *description,
           GtkListBox   **list_out)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  gtk_box_append (GTK_BOX (group), make_label (title, "heading"));
  if (description && *description)
    gtk_box_append (GTK_BOX (group), make_label (description, "dim-label"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (group), list);

  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  *list_out = GTK_LIST_BOX (list);

  return group;
}

static void
clear_groups (DmDetailsPane *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->expanders);
  self->scroll_to = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->groups, 0);
}

static char *
join_security_services (DmModel *model,
                        DmLayer *layer)
{
  const char * const *ids = dm_layer_get_security_services (layer);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    {
      const DmSecurityService *s = dm_model_find_security_service (model, ids[i]);

      if (s == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, s->name);
    }

  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static char *
describe_status (const DmLayerResult *result)
{
  switch (result->status)
    {
    case DM_LAYER_GAP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⚠ Gap: %u failed finding, worst %s",
                                           "⚠ Gap: %u failed findings, worst %s", result->failed),
                              result->failed, dm_severity_to_word (result->worst));
    case DM_LAYER_OK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "✓ No gap: %u passed check",
                                           "✓ No gap: %u passed checks", result->passed), result->passed);
    case DM_LAYER_NO_DATA:
      return g_strdup (_("? No data: nothing in the export covers this layer, so it is not known to be safe"));
    case DM_LAYER_PROVIDER:
      return g_strdup (_("Not yours: the provider secures this layer"));
    case DM_LAYER_NOT_APPLICABLE:
    default:
      return g_strdup (_("Does not apply to this service"));
    }
}

static DmDiff *
get_diff (DmDetailsPane *self)
{
  return self->report ? dm_report_get_diff (self->report) : NULL;
}

/* The severity badge, and beside it "New" or "Fixed" while a comparison
 * is on; @change is set to those words, or NULL. */
static GtkWidget *
badge_line (DmDetailsPane  *self,
            GtkWidget      *badge,
            DmFindingGroup *group,
            DmFinding      *finding,
            char          **change)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean fixed;

  *change = dm_findings_view_change_words (get_diff (self), group, finding, &fixed);
  gtk_box_append (GTK_BOX (line), badge);
  if (*change)
    gtk_box_append (GTK_BOX (line), dm_findings_view_new_change_tag (*change, fixed));
  return line;
}

/* A row's accessible name, its change first: "New: High severity, …". */
static char *
name_with_change (char       *name,
                  const char *change)
{
  char *named;

  if (change == NULL)
    return name;
  named = g_strdup_printf (_("%s: %s"), change, name);
  g_free (name);
  return named;
}

static void
add_finding_row (DmDetailsPane *self,
                 GtkListBox    *list,
                 DmFinding     *finding)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *summary = NULL;
  g_autofree char *controls = g_strjoinv (", ", (char **)dm_finding_get_controls (finding));
  g_autofree char *source = g_strdup_printf (_("%s, item %" PRIu64),
                                             dm_finding_get_source (finding), dm_finding_get_source_item (finding));
  DmFindingStatus status = dm_finding_get_status (finding);
  gboolean failed = status == DM_FINDING_FAILED;
  g_autofree char *change = NULL;

  gtk_widget_set_hexpand (expander, TRUE);

  if (status == DM_FINDING_FAILED || status == DM_FINDING_PASSED)
    /* Translators: status symbol and severity of a finding, e.g. "⚠ high" */
    summary = g_strdup_printf (failed ? _("⚠ %s") : _("✓ passed (%s)"), dm_severity_to_word (dm_finding_get_severity (finding)));
  else
    /* Translators: an informational or suppressed finding, e.g. "– suppressed (high)" */
    summary = g_strdup_printf (_("– %s (%s)"), dm_finding_status_to_label (status),
                               dm_severity_to_word (dm_finding_get_severity (finding)));

  gtk_box_append (GTK_BOX (heading), make_label (dm_finding_get_title (finding), "heading"));
  gtk_box_append (GTK_BOX (heading), badge_line (self, dm_findings_view_new_badge (dm_finding_get_severity (finding), status),
                                                 NULL, finding, &change));
  gtk_box_append (GTK_BOX (heading), make_label (dm_finding_get_resource (finding), "caption"));
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), heading);

  gtk_box_append (GTK_BOX (body), make_label (_("Evidence"), "caption-heading"));
  gtk_box_append (GTK_BOX (body), make_label (dm_finding_get_evidence (finding), NULL));
  if (*dm_finding_get_remediation (finding))
    {
      gtk_box_append (GTK_BOX (body), make_label (_("Remediation"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (dm_finding_get_remediation (finding), NULL));
    }
  if (*controls)
    {
      gtk_box_append (GTK_BOX (body), make_label (_("Controls"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (controls, NULL));
    }
  if (g_strv_length ((char **)dm_finding_get_resources (finding)) > 1)
    {
      g_autofree char *resources = g_strjoinv ("\n", (char **)dm_finding_get_resources (finding));

      gtk_box_append (GTK_BOX (body), make_label (_("Resources"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (resources, "caption"));
    }
  if (dm_finding_get_n_origins (finding) > 1)
    {
      g_autoptr(GString) reports = g_string_new (NULL);

      /* The same check on the same resource from several files or tools. */
      for (guint i = 0; i < dm_finding_get_n_origins (finding); i++)
        {
          DmFindingOrigin origin = dm_finding_get_origin (finding, i);

          /* Translators: a tool that reported a finding, its file and item, e.g. "Prowler: scan.json, item 4" */
          g_string_append_printf (reports, _("%s%s: %s, item %" PRIu64), i ? "\n" : "", origin.tool, origin.source,
                                  origin.source_item);
        }
      gtk_box_append (GTK_BOX (body), make_label (_("Reported by"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (reports->str, "caption"));
    }
  else
    {
      gtk_box_append (GTK_BOX (body), make_label (_("Source"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (source, "caption"));
    }
  gtk_widget_set_margin_top (body, 6);
  gtk_expander_set_child (GTK_EXPANDER (expander), body);

  gtk_widget_set_margin_start (expander, 12);
  gtk_widget_set_margin_end (expander, 12);
  gtk_widget_set_margin_top (expander, 8);
  gtk_widget_set_margin_bottom (expander, 8);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), expander);
  {
    /* The expander is what takes focus: it is named with its finding. */
    g_autofree char *name = name_with_change (dm_findings_view_describe_finding (finding), change);

    gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, dm_finding_get_title (finding),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                    -1);
  }
  g_hash_table_insert (self->expanders, finding, expander);
  gtk_list_box_append (list, row);
}

/* One check of the layer: its title, severity and scope, opening to its
 * regions, then each finding. */
static void
add_group_row (DmDetailsPane  *self,
               GtkListBox     *list,
               DmFindingGroup *group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *findings = gtk_list_box_new ();
  g_autofree char *name = NULL;
  g_autofree char *change = NULL;
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *regions = g_strjoinv (", ", (char **)dm_finding_group_get_regions (group));
  GPtrArray *members = dm_finding_group_get_findings (group);

  gtk_box_append (GTK_BOX (heading), make_label (dm_finding_group_get_title (group), "heading"));
  gtk_box_append (GTK_BOX (heading), badge_line (self, dm_findings_view_new_badge (dm_finding_group_get_severity (group),
                                                                                  dm_finding_group_get_status (group)),
                                                 group, NULL, &change));
  name = name_with_change (dm_findings_view_describe_group (group), change);
  gtk_box_append (GTK_BOX (heading), make_label (scope, "caption"));
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), heading);

  if (*regions)
    {
      gtk_box_append (GTK_BOX (body), make_label (_("Regions"), "caption-heading"));
      gtk_box_append (GTK_BOX (body), make_label (regions, "caption"));
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (findings), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (findings, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (findings), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (guint i = 0; i < members->len && i < MAX_FINDINGS_SHOWN; i++)
    {
      add_finding_row (self, GTK_LIST_BOX (findings), g_ptr_array_index (members, i));
      g_object_set_data (g_hash_table_lookup (self->expanders, g_ptr_array_index (members, i)), "group", expander);
    }
  gtk_box_append (GTK_BOX (body), findings);
  gtk_widget_set_margin_top (body, 6);
  gtk_expander_set_child (GTK_EXPANDER (expander), body);

  gtk_widget_set_margin_start (expander, 12);
  gtk_widget_set_margin_end (expander, 12);
  gtk_widget_set_margin_top (expander, 8);
  gtk_widget_set_margin_bottom (expander, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), expander);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (row, "finding-group");
  gtk_list_box_append (list, row);
}

/* The layer's findings, one row per check, worst first: a whole-account
 * scan reports one check on many resources. */
static void
add_layer_findings (DmDetailsPane *self,
                    DmService     *service,
                    DmLayer       *layer)
{
  GListModel *findings = dm_assessment_get_findings (self->assessment);
  g_autoptr(GPtrArray) matching = dm_assessment_query (self->assessment, findings, service, layer, FALSE);
  g_autoptr(GPtrArray) groups = NULL;
  GtkListBox *list;

  if (matching->len == 0)
    return;

  groups = dm_finding_groups_new (matching);
  {
    g_autofree char *title = g_strdup_printf (_("Findings: %s"), dm_layer_get_name (layer));
    add_group (self, title, NULL, &list);
  }

  for (guint i = 0; i < groups->len && i < MAX_FINDINGS_SHOWN; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);

      if (dm_finding_group_get_n_findings (group) == 1)
        add_finding_row (self, list, g_ptr_array_index (dm_finding_group_get_findings (group), 0));
      else
        add_group_row (self, list, group);
    }

  if (groups->len > MAX_FINDINGS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("%u more checks are not listed here"),
                                               groups->len - MAX_FINDINGS_SHOWN);
      add_fact (list, _("More"), more, NULL);
    }
}

/* One input: its name, format, how its items were used (the wording of the
 * CLI and reports) and, behind an expander, why some were not read. A file
 * that gave nothing says so in red: it is the one a reviewer must not miss. */
static void
add_input_row (GtkListBox           *list,
               const char           *path,
               const char           *format,
               const DmImportCounts *counts,
               GPtrArray            *reasons)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;
  g_autofree char *described = dm_import_counts_describe (counts);
  GtkWidget *name = make_label (base ? base : _("All inputs"), "heading");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_wrap (GTK_LABEL (name), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  if (path)
    dm_tooltip_set_text (name, path);
  gtk_box_append (GTK_BOX (box), name);
  if (format)
    gtk_box_append (GTK_BOX (box), make_label (format, "caption"));
  if (path && dm_import_counts_read_nothing (counts))
    {
      GtkWidget *warning = make_label (_("Nothing read from this file."), "error");

      gtk_widget_add_css_class (warning, "heading");
      gtk_widget_add_css_class (row, "read-nothing");
      gtk_box_append (GTK_BOX (box), warning);
    }
  gtk_box_append (GTK_BOX (box), make_label (described, "numeric"));

  if (reasons && reasons->len)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *not_read = dm_import_part_format (DM_IMPORT_PART_NOT_READ, counts->parts[DM_IMPORT_PART_NOT_READ]);
      /* Translators: an expander that lists why items were not read: "2 not read: why" */
      g_autofree char *title = g_strdup_printf (_("%s: why"), not_read);
      GtkWidget *expander = gtk_expander_new (title);

      for (guint r = 0; r < reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (reasons, r);

          g_string_append_printf (text, "%s%" G_GUINT64_FORMAT " × %s", r ? "\n" : "", reason->count, reason->reason);
        }
      gtk_expander_set_child (GTK_EXPANDER (expander), make_label (text->str, "caption"));
      gtk_widget_set_margin_top (expander, 3);
      gtk_box_append (GTK_BOX (box), expander);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, base ? base : _("All inputs"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described,
                                  -1);
  gtk_list_box_append (list, row);
}

static void
fill_inputs_list (GtkListBox *list,
                  DmReport   *report)
{
  guint n_inputs = dm_report_get_n_inputs (report);
  DmImportCounts all;

  dm_import_counts_init (&all, NULL);
  for (guint i = 0; i < n_inputs; i++)
    {
      const DmImportInput *input = dm_report_get_input (report, i);
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      dm_import_counts_add (&all, &counts);
      add_input_row (list, dm_report_get_input_path (report, i), input->format, &counts, input->reasons);
    }
  if (n_inputs > 1)
    add_input_row (list, NULL, NULL, &all, NULL);
}

static void
add_export_summary (DmDetailsPane *self)
{
  /* Counted once for the assessment, not at each service shown. */
  guint n_accounts = dm_assessment_get_values (self->assessment, DM_ASSESSMENT_VALUE_ACCOUNT)->len;
  guint n_regions = dm_assessment_get_values (self->assessment, DM_ASSESSMENT_VALUE_REGION)->len;
  g_autofree char *totals = NULL;
  g_autofree char *where = NULL;
  guint n_inputs = self->report ? dm_report_get_n_inputs (self->report) : 0;
  GtkListBox *list;

  add_group (self, _("Export"), NULL, &list);
  totals = g_strdup_printf (_("%u failed, %u passed, %u informational, %u suppressed; %u not mapped to a layer. "
                              "Only failed findings make gaps."),
                            dm_assessment_get_n_failed (self->assessment),
                            dm_assessment_get_n_passed (self->assessment),
                            dm_assessment_count_status (self->assessment, DM_FINDING_INFORMATIONAL),
                            dm_assessment_count_status (self->assessment, DM_FINDING_SUPPRESSED),
                            dm_assessment_get_n_unmapped (self->assessment));
  add_fact (list, _("Findings"), totals, NULL);
  {
    g_autofree char *accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", n_accounts),
                                                 n_accounts);
    g_autofree char *regions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region", "%u regions", n_regions),
                                                n_regions);

    /* Translators: "1 account, 2 regions" */
    where = g_strdup_printf (_("%s, %s"), accounts, regions);
  }
  add_fact (list, _("Scope"), where, NULL);
  {
    guint with_evidence, customer_layers;
    g_autofree char *coverage = NULL;

    dm_assessment_get_coverage (self->assessment, &with_evidence, &customer_layers);
    coverage = g_strdup_printf (_("%u of %u of your layers in the covered services have evidence; the rest are “no data”"),
                                with_evidence, customer_layers);
    add_fact (list, _("Coverage"), coverage, NULL);
  }

  if (n_inputs == 0)
    return;
  add_group (self, _("What Was Read"),
             _("Every item of each file: a finding, a duplicate, another cloud’s, or not read with the reason."), &list);
  fill_inputs_list (list, self->report);
}

/**
 * dm_details_pane_new_inputs_list:
 * @report: the report whose inputs to list
 *
 * A boxed list with a row per input of @report saying how its items were
 * used, with the reasons for those not read, and a total row: what the
 * details show, for the window's "What Was Read" popover.
 *
 * Returns: (transfer floating): a #GtkListBox
 */
GtkWidget *
dm_details_pane_new_inputs_list (DmReport *report)
{
  GtkWidget *list = gtk_list_box_new ();

  g_return_val_if_fail (DM_IS_REPORT (report), NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What Was Read"), -1);
  fill_inputs_list (GTK_LIST_BOX (list), report);
  return list;
}

static char *
describe_control (const DmControlKindInfo *control)
{
  GString *text = g_string_new (control->name);

  if (control->description && *control->description)
    /* Translators: separates a control kind's name from its explanation */
    g_string_append_printf (text, _(" — %s"), control->description);

  for (guint i = 0; control->examples && control->examples[i]; i++)
    g_string_append_printf (text, "\n• %s", control->examples[i]);

  return g_string_free (text, FALSE);
}

static void
show_service_overview (DmDetailsPane *self,
                       DmModel       *model,
                       DmService     *service)
{
  const DmCategory *category = dm_model_find_category (model, dm_service_get_category (service));
  GtkListBox *list;

  gtk_label_set_text (self->title_label, dm_service_get_name (service));
  gtk_label_set_text (self->subtitle_label, dm_service_get_summary (service));
  set_owner_badge (self->owner_label, model, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);

  add_group (self, _("At a Glance"), NULL, &list);
  for (guint i = dm_model_get_n_bands (model); i > 0; i--)
    {
      DmBand *band = dm_model_get_band (model, i - 1);

      g_autofree char *owners = dm_diagram_band_owner_label (model, service, band);

      /* Per layer, as the diagram draws it: "Mixed: Customer / Shared"
       * rather than the first layer's owner for the whole band. */
      add_fact (list, dm_band_get_name (band), owners, NULL);
    }

  if (category != NULL)
    {
      add_group (self, _("Service Category"), NULL, &list);
      add_fact (list, category->name, category->description, NULL);
    }

  if (self->assessment != NULL)
    add_export_summary (self);
}

static gboolean
is_single_owner (guint owners)
{
  return owners != 0 && (owners & (owners - 1)) == 0;
}

/* "2 new, 1 fixed since a.json, modified 1 October 2026", while a
 * comparison is on. */
static void
add_layer_changes (DmDetailsPane *self,
                   GtkListBox    *list,
                   DmService     *service,
                   DmLayer       *layer)
{
  DmDiff *diff = get_diff (self);
  DmChangeCounts counts;
  const char *since;
  g_autofree char *text = NULL;

  if (diff == NULL)
    return;
  dm_diff_get_layer_counts (diff, service, layer, &counts);
  since = dm_diff_get_old_label (diff) ? dm_diff_get_old_label (diff) : _("the older export");
  if (counts.opened + counts.closed == 0)
    /* Translators: %s is the older export, by file name and date */
    text = g_strdup_printf (_("No gap opened or fixed since %s"), since);
  else
    /* Translators: "2 new, 1 fixed since october.json, modified 2 October 2026" */
    text = g_strdup_printf (_("%u new, %u fixed since %s"), counts.opened, counts.closed, since);
  add_fact (list, _("Changes"), text, counts.opened > 0 ? "error" : NULL);
}

static void
show_band (DmDetailsPane *self,
           DmModel       *model,
           DmService     *service,
           DmBand        *band,
           int            emphasised_layer)
{
  gtk_label_set_text (self->title_label, dm_band_get_name (band));
  gtk_label_set_text (self->subtitle_label, dm_band_get_description (band));
  /* A band whose layers have different owners has no one owner: each
   * layer below says its own. */
  set_owner_badge (self->owner_label, model,
                   is_single_owner (dm_diagram_band_owners (service, band)) ? (int)dm_service_get_band_owner (service, band) : -1);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);

  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    {
      DmLayer *layer = dm_band_get_layer (band, i);
      DmOwner owner = dm_service_get_owner (service, layer);
      const DmControlKindInfo *control = dm_model_get_control_kind_info (model, dm_service_get_control (service, layer));
      g_autofree char *helpers = join_security_services (model, layer);
      g_autofree char *control_text = NULL;
      GtkListBox *list;
      GtkWidget *group;

      group = add_group (self, dm_layer_get_name (layer), dm_layer_get_description (layer), &list);
      if ((int)dm_layer_get_index (layer) == emphasised_layer)
        gtk_widget_add_css_class (group, "emphasised");

      add_fact (list, _("Owner"), dm_model_get_owner_label (model, owner), owner_classes[owner]);
      add_fact (list, _("Why"), dm_service_get_reason (service, layer), NULL);

      control_text = describe_control (control);
      add_fact (list, _("Control"), control_text, NULL);

      if ((owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED) &&
          *dm_layer_get_customer_tasks (layer))
        add_fact (list, _("What You Do"), dm_layer_get_customer_tasks (layer), NULL);

      if (helpers != NULL)
        add_fact (list, _("Services That Help"), helpers, NULL);

      if (self->assessment != NULL)
        {
          const DmLayerResult *result = dm_assessment_get_result (self->assessment, service, layer);
          g_autofree char *status = describe_status (result);

          add_fact (list, _("In the Export"), status,
                    result->status == DM_LAYER_GAP ? "error" : result->status == DM_LAYER_OK ? "success" : NULL);
          add_layer_changes (self, list, service, layer);
          add_layer_findings (self, service, layer);
        }
    }
}

/**
 * dm_details_pane_show:
 * @band: band index, or -1 for an overview of @service
 * @layer: model layer index to emphasise, or -1
 */
void
dm_details_pane_show (DmDetailsPane *self,
                      DmModel       *model,
                      DmService     *service,
                      int            band,
                      int            layer)
{
  g_return_if_fail (DM_IS_DETAILS_PANE (self));

  clear_groups (self);
  /* Each band or service is read from its heading. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  if (model == NULL || service == NULL)
    {
      gtk_label_set_text (self->title_label, _("No Service"));
      gtk_label_set_text (self->subtitle_label, "");
      set_owner_badge (self->owner_label, NULL, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
      return;
    }

  if (band >= 0 && band < (int)dm_model_get_n_bands (model))
    show_band (self, model, service, dm_model_get_band (model, band), layer);
  else
    show_service_overview (self, model, service);
}

/**
 * dm_details_pane_set_assessment:
 * @report: (nullable): the assessment to show, with where its findings
 *   came from, or %NULL for none
 *
 * Call dm_details_pane_show() afterwards to refresh.
 */
void
dm_details_pane_set_report (DmDetailsPane *self,
                            DmReport      *report)
{
  g_return_if_fail (DM_IS_DETAILS_PANE (self));

  g_set_object (&self->report, report);
  g_set_object (&self->assessment, (report ? dm_report_get_assessment (report) : NULL));
}

const char *
dm_details_pane_get_title (DmDetailsPane *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

guint
dm_details_pane_get_n_groups (DmDetailsPane *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), 0);
  return self->groups->len;
}

GtkWidget *
dm_details_pane_get_group (DmDetailsPane *self,
                           guint          index)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, index);
}

static void
dm_details_pane_dispose (GObject *object)
{
  DmDetailsPane *self = (DmDetailsPane *)object;

  g_clear_object (&self->report);
  g_clear_object (&self->assessment);
  self->scroll_to = NULL;
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;

  G_OBJECT_CLASS (dm_details_pane_parent_class)->dispose (object);
}

static void
dm_details_pane_finalize (GObject *object)
{
  DmDetailsPane *self = (DmDetailsPane *)object;

  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->expanders);

  G_OBJECT_CLASS (dm_details_pane_parent_class)->finalize (object);
}

static void
dm_details_pane_class_init (DmDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_details_pane_dispose;
  object_class->finalize = dm_details_pane_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, owner_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, groups_box);
}

static void
dm_details_pane_init (DmDetailsPane *self)
{
  self->groups = g_ptr_array_new ();
  self->expanders = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A widget just added has no position yet: wait for the frame that lays
 * it out, then scroll so it is at the top and give it focus. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DmDetailsPane *self = DM_DETAILS_PANE (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  if (self->scroll_to == NULL)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (self->scroll_to) == 0 ||
      !gtk_widget_compute_point (self->scroll_to, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), MAX (0, point.y - 12));
  gtk_widget_grab_focus (self->scroll_to);
  self->scroll_to = NULL;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * dm_details_pane_show_finding:
 * @finding: a finding of the band shown
 *
 * Opens @finding (and its check's group) and moves focus to it, which
 * scrolls it into view.
 *
 * Returns: whether @finding is in the pane
 */
gboolean
dm_details_pane_show_finding (DmDetailsPane *self,
                              DmFinding     *finding)
{
  GtkWidget *expander;
  GtkWidget *group;

  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), FALSE);

  expander = g_hash_table_lookup (self->expanders, finding);
  if (expander == NULL)
    return FALSE;
  group = g_object_get_data (G_OBJECT (expander), "group");
  if (group != NULL)
    gtk_expander_set_expanded (GTK_EXPANDER (group), TRUE);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_widget_grab_focus (expander);
  self->scroll_to = expander;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
  return TRUE;
}

/**
 * dm_details_pane_get_finding_expander:
 *
 * Returns: (transfer none) (nullable): the expander of @finding, if shown
 */
GtkWidget *
dm_details_pane_get_finding_expander (DmDetailsPane *self,
                                      DmFinding     *finding)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), NULL);
  return g_hash_table_lookup (self->expanders, finding);
}

GtkWidget *
dm_details_pane_new (void)
{
  return g_object_new (DM_TYPE_DETAILS_PANE, NULL);
}
