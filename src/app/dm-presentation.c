/* dm-presentation.c: a full-screen walk through the gaps, for a review
 *
 * Slide 1 is the executive summary (the same DmSummaryView as the window's
 * Overview); with a comparison, then what changed since the older export;
 * with an export, then what was read from each input, one
 * slide per service with gaps (every service when nothing is imported),
 * listing its failed checks grouped and worst first, then the compare
 * matrix. Text comes from exports, so every label here is plain text,
 * never markup.
 *
 * Spoken: GTK 4.8 has no gtk_accessible_announce(), so the focus sits on
 * the slide (a focusable group) and each step rewrites that group's
 * accessible label (slide n of m and its title) and description (its
 * summary, or the notes when shown); a screen reader speaks the name and
 * description changes of the focused object. Esc gives the focus back to
 * the widget of the window that had it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "dm-diagram.h"
#include "dm-finding-group.h"
#include "dm-import-summary.h"
#include "dm-presentation.h"
#include "dm-summary-view.h"

/* Checks listed on a service slide; the rest are counted. */
#define MAX_GROUPS_SHOWN 7

typedef struct
{
  const char *kind;     /* "summary", "changes", "inputs", "service" or "compare" */
  DmService  *service;
} Slide;

struct _DmPresentation
{
  AdwWindow       parent_instance;

  GtkWidget      *slide_box;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *counter_label;
  GtkStack       *stack;
  GtkLabel       *no_export_label;
  DmSummaryView  *summary_view;
  DmDiagram      *diagram;
  GtkBox         *gaps_box;
  GtkBox         *changes_box;
  GtkRevealer    *notes_revealer;
  GtkLabel       *notes_label;
  GtkDrawingArea *matrix_area;
  GtkGrid        *matrix_cells;
  GtkLabel       *overview_label;
  GtkLabel       *nothing_read_label;
  GtkButton      *notes_button;

  DmModel        *model;
  DmReport       *report;
  DmReport       *matrix_report;  /* of the model alone, without a report */
  GArray         *slides;   /* Slide */
  guint           current;
  GString        *body;     /* the slide's main text, plain */
  GString        *spoken;   /* the slide's summary, for its description */
  GtkWidget      *return_focus;  /* weak: the window's focus at F5 */
};

G_DEFINE_FINAL_TYPE (DmPresentation, dm_presentation, ADW_TYPE_WINDOW)

static DmAssessment *
assessment (DmPresentation *self)
{
  return self->report ? dm_report_get_assessment (self->report) : NULL;
}

/* One check: its severity in words on its colour, its title, its scope. */
static GtkWidget *
group_row (DmFindingGroup *group,
           GString        *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  DmSeverity severity = dm_finding_group_get_severity (group);
  GtkWidget *badge = gtk_label_new (dm_severity_to_label (severity));
  GtkWidget *title = gtk_label_new (dm_finding_group_get_title (group));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  GtkWidget *scope_label = gtk_label_new (scope);

  gtk_widget_add_css_class (badge, "severity-badge");
  gtk_widget_add_css_class (badge, dm_severity_colours (severity)->css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (scope_label), 0);
  gtk_widget_add_css_class (scope_label, "slide-scope");
  gtk_box_append (GTK_BOX (words), title);
  gtk_box_append (GTK_BOX (words), scope_label);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), words);

  /* Translators: one check on a slide: "Root has access keys — Critical — 1 resource" */
  g_string_append_printf (text, _("%s%s — %s — %s"), text->len ? "\n" : "", dm_finding_group_get_title (group),
                          dm_severity_to_label (severity), scope);
  return row;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* Notes: why the layers with gaps are the customer's (all of them when
 * nothing is assessed), then what to do, worst check first. */
static char *
service_notes (DmPresentation *self,
               DmService      *service,
               GPtrArray      *groups)
{
  GString *notes = g_string_new (NULL);

  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      DmOwner owner = dm_service_get_owner (service, layer);
      const char *reason = dm_service_get_reason (service, layer);
      gboolean with_gap = groups->len > 0 && dm_assessment_get_result (assessment (self), service, layer)->status == DM_LAYER_GAP;

      if ((owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED) && reason && *reason && (groups->len == 0 || with_gap))
        g_string_append_printf (notes, "%s%s: %s", notes->len ? "\n\n" : "", dm_layer_get_name (layer), reason);
    }
  for (guint i = 0; i < groups->len; i++)
    {
      const char *remediation = dm_finding_group_get_remediation (g_ptr_array_index (groups, i));

      if (remediation && *remediation && !strstr (notes->str, remediation))
        g_string_append_printf (notes, "\n\n%s %s", _("Fix:"), remediation);
    }
  return g_string_free (notes, FALSE);
}

static void
show_service (DmPresentation *self,
              DmService      *service)
{
  GListModel *findings = self->report ? dm_report_get_findings (self->report) : NULL;
  g_autoptr(GPtrArray) failed = findings ? dm_assessment_query (assessment (self), findings, service, NULL, TRUE) : NULL;
  g_autoptr(GPtrArray) groups = failed ? dm_finding_groups_new (failed) : g_ptr_array_new ();
  g_autofree char *notes = NULL;
  g_autofree char *subtitle = NULL;
  guint n_failed = failed ? failed->len : 0;

  dm_diagram_set_service (self->diagram, service);
  clear_box (self->gaps_box);

  /* Grouped by check and worst first: a critical root finding comes
   * before any number of low ones, whatever the file's order. */
  for (guint i = 0; i < MIN (groups->len, MAX_GROUPS_SHOWN); i++)
    gtk_box_append (self->gaps_box, group_row (g_ptr_array_index (groups, i), self->body));
  if (groups->len > MAX_GROUPS_SHOWN)
    {
      guint more = groups->len - MAX_GROUPS_SHOWN;

      g_string_append_c (self->body, '\n');
      g_string_append_printf (self->body, g_dngettext (GETTEXT_PACKAGE, "…and %u more check in the report",
                                                       "…and %u more checks in the report", more), more);
      gtk_box_append (self->gaps_box, gtk_label_new (strrchr (self->body->str, '\n') + 1));
    }
  if (groups->len == 0)
    {
      GtkWidget *label;

      g_string_append (self->body, self->report ? _("No failed findings for this service.") : dm_service_get_summary (service));
      label = gtk_label_new (self->body->str);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->gaps_box, label);
    }

  notes = service_notes (self, service, groups);
  gtk_label_set_text (self->title_label, dm_service_get_name (service));
  if (self->report)
    {
      g_autofree char *in_findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding", "%u failed findings",
                                                                   n_failed), n_failed);
      g_autofree char *in_checks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check", "%u checks", groups->len),
                                                    groups->len);

      /* Translators: "3 failed findings in 2 checks" */
      subtitle = g_strdup_printf (_("%s in %s"), in_findings, in_checks);
    }
  else
    {
      /* The category's name, not its id ("abstracted"). */
      const DmCategory *category = dm_model_find_category (self->model, dm_service_get_category (service));

      subtitle = g_strdup (category ? category->name : dm_service_get_category (service));
    }
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->notes_label, notes);
  if (groups->len > 0)
    /* Translators: the worst check of a slide, read out after its subtitle */
    g_string_printf (self->spoken, _("%s. Worst first: %s"), subtitle, self->body->str);
  else
    g_string_printf (self->spoken, "%s. %s", subtitle, self->body->str);
  gtk_stack_set_visible_child_name (self->stack, "service");
}

static void
draw_matrix (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  DmPresentation *self = user_data;
  DmReport *report = self->report ? self->report : self->matrix_report;
  double matrix_width, matrix_height, scale;

  if (report == NULL)
    return;
  dm_report_paint_matrix (report, NULL, &matrix_width, &matrix_height);
  scale = MIN (width / matrix_width, height / matrix_height);
  cairo_translate (cr, (width - matrix_width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  dm_report_paint_matrix (report, cr, &matrix_width, &matrix_height);
}

static const char *
layer_status_words (DmPresentation *self,
                    DmService      *service,
                    DmLayer        *layer)
{
  DmAssessment *a = assessment (self);
  DmOwner owner = dm_service_get_owner (service, layer);

  if (a == NULL || !dm_assessment_has_service (a, service) || (owner != DM_OWNER_CUSTOMER && owner != DM_OWNER_SHARED))
    return NULL;
  switch (dm_assessment_get_result (a, service, layer)->status)
    {
    case DM_LAYER_GAP: return _("gap");
    case DM_LAYER_OK: return _("no gap found");
    case DM_LAYER_NO_DATA: return _("no data");
    case DM_LAYER_PROVIDER:
    case DM_LAYER_NOT_APPLICABLE:
    default: return NULL;
    }
}

/* The drawn matrix is one picture; its cells reach assistive technology
 * as this grid of labels, in the matrix's order, each saying service,
 * layer, owner and status as the window's compare view does. */
static void
build_matrix_cells (DmPresentation *self)
{
  g_autoptr(GPtrArray) services = dm_model_dup_services_by_responsibility (self->model);

  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    gtk_grid_attach (self->matrix_cells, gtk_label_new (dm_layer_get_name (dm_model_get_layer (self->model, l))), l + 1, 0, 1, 1);
  for (guint r = 0; r < services->len; r++)
    {
      DmService *service = g_ptr_array_index (services, r);

      gtk_grid_attach (self->matrix_cells, gtk_label_new (dm_service_get_name (service)), 0, r + 1, 1, 1);
      for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
        {
          DmLayer *layer = dm_model_get_layer (self->model, l);
          const char *owner = dm_model_get_owner_label (self->model, dm_service_get_owner (service, layer));
          const char *status = layer_status_words (self, service, layer);
          /* Translators: a matrix cell read out: service, layer, owner (and status) */
          g_autofree char *text = status ? g_strdup_printf (_("%s, %s: %s, %s"), dm_service_get_short_name (service),
                                                            dm_layer_get_name (layer), owner, status)
                                         : g_strdup_printf (_("%s, %s: %s"), dm_service_get_short_name (service),
                                                            dm_layer_get_name (layer), owner);

          gtk_grid_attach (self->matrix_cells, gtk_label_new (text), l + 1, r + 1, 1, 1);
        }
    }
}

static void
show_compare (DmPresentation *self)
{
  guint n_services = dm_model_get_n_services (self->model);

  /* Some nine hundred labels: made when first shown, not on F5. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->matrix_cells)) == NULL)
    build_matrix_cells (self);
  gtk_label_set_text (self->title_label, _("How the line moves between services"));
  gtk_label_set_text (self->subtitle_label, _("Who owns each layer, service by service"));
  /* Translators: what the matrix slide is, read out before its cells */
  g_string_printf (self->body, _("A table of %u services by %u layers; each cell names the owner%s."), n_services,
                   dm_model_get_n_layers (self->model), self->report ? _(" and the export's status") : "");
  g_string_printf (self->spoken, "%s. %s", gtk_label_get_text (self->subtitle_label), self->body->str);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

/* One column of the changes slide: its heading, then a row per check,
 * worst first, the rest counted. */
static void
add_change_column (DmPresentation *self,
                   DmDiff         *diff,
                   DmChange        change,
                   const char     *heading)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  GtkWidget *label = gtk_label_new (heading);
  g_autoptr(GPtrArray) groups = dm_diff_get_groups (diff, change);
  g_autoptr(GString) lines = g_string_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "slide-changes-heading");
  gtk_box_append (GTK_BOX (column), label);
  for (guint i = 0; i < MIN (groups->len, MAX_GROUPS_SHOWN); i++)
    gtk_box_append (GTK_BOX (column), group_row (g_ptr_array_index (groups, i), lines));
  if (groups->len > MAX_GROUPS_SHOWN)
    {
      guint more = groups->len - MAX_GROUPS_SHOWN;

      g_string_append_c (lines, '\n');
      g_string_append_printf (lines, g_dngettext (GETTEXT_PACKAGE, "…and %u more check in the report",
                                                  "…and %u more checks in the report", more), more);
      gtk_box_append (GTK_BOX (column), gtk_label_new (strrchr (lines->str, '\n') + 1));
    }
  if (groups->len == 0)
    {
      g_string_append (lines, _("None."));
      gtk_box_append (GTK_BOX (column), gtk_label_new (lines->str));
    }
  gtk_widget_set_halign (gtk_widget_get_last_child (column), GTK_ALIGN_START);
  gtk_box_append (self->changes_box, column);
  g_string_append_printf (self->body, "%s%s\n%s", self->body->len ? "\n\n" : "", heading, lines->str);
}

/* Slide 2 of a comparison: both sides by file and date, the gaps opened
 * worst first, those fixed, and how many still fail. */
static void
show_changes (DmPresentation *self)
{
  DmDiff *diff = dm_report_get_diff (self->report);
  const char *old_label = dm_diff_get_old_label (diff) ? dm_diff_get_old_label (diff) : _("the older export");
  const char *new_label = dm_diff_get_new_label (diff) ? dm_diff_get_new_label (diff) : _("this export");
  g_autofree char *subtitle = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *still = NULL;
  DmChangeCounts totals;

  dm_diff_get_totals (diff, &totals);
  clear_box (self->changes_box);
  gtk_label_set_text (self->title_label, _("What Changed"));
  /* Translators: the two sides of a comparison, by file name and date */
  subtitle = g_strdup_printf (_("Since %s · now %s"), old_label, new_label);
  gtk_label_set_text (self->subtitle_label, subtitle);
  /* Translators: a column of the changes slide, under "Since a.json · now b.json" */
  opened = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap new, worst first", "%u gaps new, worst first",
                                         totals.opened), totals.opened);
  add_change_column (self, diff, DM_CHANGE_OPENED, opened);
  fixed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap fixed", "%u gaps fixed", totals.closed), totals.closed);
  add_change_column (self, diff, DM_CHANGE_CLOSED, fixed);
  still = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding still failing", "%u failed findings still failing",
                                        totals.unchanged), totals.unchanged);
  {
    GtkWidget *label = gtk_label_new (still);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_box_append (GTK_BOX (gtk_widget_get_last_child (GTK_WIDGET (self->changes_box))), label);
  }
  g_string_append_printf (self->body, "\n\n%s", still);
  g_string_printf (self->spoken, "%s. %s", subtitle, self->body->str);
  gtk_stack_set_visible_child_name (self->stack, "changes");
}

/* Accounts named by the findings (pseudonyms when redacted), a few by name. */
static char *
describe_accounts (DmPresentation *self)
{
  GListModel *findings = dm_report_get_findings (self->report);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *account = dm_finding_get_account (finding);

      if (*account && g_hash_table_add (seen, (char *)account))
        g_ptr_array_add (names, (char *)account);
    }
  n = names->len;
  if (n == 0)
    return g_strdup (_("No account id in the findings"));
  if (n > 3)
    {
      g_autofree char *first = NULL;

      g_ptr_array_set_size (names, 3);
      g_ptr_array_add (names, NULL);
      first = g_strjoinv (", ", (char **)names->pdata);
      /* Translators: "Accounts 1111, 2222, 3333 and 4 more" */
      return g_strdup_printf (_("Accounts %s and %u more"), first, n - 3);
    }
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **)names->pdata);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Account %s", "Accounts %s", n), list);
  }
}

/* Slide 2: that nothing of the export vanished: each input's items and
 * why some were not read, in the CLI's and reports' words. */
static void
show_inputs (DmPresentation *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) empty = g_string_new (NULL);
  g_autofree char *accounts = describe_accounts (self);
  guint n_inputs = dm_report_get_n_inputs (self->report);
  DmImportCounts all;

  gtk_label_set_text (self->title_label, _("What Was Read"));
  gtk_label_set_text (self->subtitle_label, accounts);

  dm_import_counts_init (&all, NULL);
  for (guint i = 0; i < n_inputs; i++)
    {
      const DmImportInput *input = dm_report_get_input (self->report, i);
      g_autofree char *base = g_path_get_basename (dm_report_get_input_path (self->report, i));
      g_autofree char *described = NULL;
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      dm_import_counts_add (&all, &counts);
      described = dm_import_counts_describe (&counts);
      g_string_append_printf (text, "%s%s (%s)\n%s", text->len ? "\n\n" : "", base, input->format, described);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

          /* Translators: why some items were not read: "not read: 2 × not a JSON object" */
          g_string_append_printf (text, _("\n   not read: %" PRIu64 " × %s"), reason->count, reason->reason);
        }
      if (dm_import_counts_read_nothing (&counts))
        g_string_append_printf (empty, "%s%s", empty->len ? _(", ") : "", base);
    }
  if (n_inputs > 1)
    {
      g_autofree char *described = dm_import_counts_describe (&all);

      g_string_append_printf (text, "\n\n%s\n%s", _("All inputs"), described);
    }

  if (empty->len)
    {
      /* Translators: followed by the names of the files that gave nothing */
      g_autofree char *warning = g_strdup_printf (_("Nothing read from: %s"), empty->str);

      gtk_label_set_text (self->nothing_read_label, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_read_label), empty->len > 0);
  gtk_label_set_text (self->overview_label, text->str);
  /* Heard as seen: the accounts, the files read and what gave nothing. */
  g_string_printf (self->spoken, "%s. %s", accounts, text->str);
  if (empty->len)
    g_string_append_printf (self->spoken, "\n%s", gtk_label_get_text (self->nothing_read_label));
  gtk_stack_set_visible_child_name (self->stack, "inputs");
}


/* Slide 1: the executive summary of the export, or, without one, what the
 * slides are about. */
static void
show_summary (DmPresentation *self)
{
  gboolean with_export = self->report != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->no_export_label), !with_export);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_view), with_export);
  gtk_label_set_text (self->title_label, _("Shared Responsibility Review"));
  if (with_export)
    {
      g_autofree char *accounts = describe_accounts (self);
      DmReviewSummary *summary = dm_summary_view_get_summary (self->summary_view);
      GPtrArray *risks = dm_review_summary_get_top_risks (summary);
      g_autofree char *line = dm_import_counts_describe (dm_review_summary_get_counts (summary));

      gtk_label_set_text (self->subtitle_label, accounts);
      g_string_assign (self->body, dm_summary_view_get_text (self->summary_view));
      g_string_printf (self->spoken, "%s. %s.", accounts, line);
      if (risks->len > 0)
        {
          DmFindingGroup *worst = g_ptr_array_index (risks, 0);

          g_string_append_c (self->spoken, ' ');
          /* Translators: the worst check, read out on slide 1 */
          g_string_append_printf (self->spoken, _("Top risk: %s, %s."), dm_finding_group_get_title (worst),
                                  dm_severity_to_label (dm_finding_group_get_severity (worst)));
        }
    }
  else
    {
      gtk_label_set_text (self->subtitle_label, dm_model_get_name (self->model));
      g_string_assign (self->body, gtk_label_get_text (self->no_export_label));
      g_string_printf (self->spoken, "%s. %s", dm_model_get_name (self->model), self->body->str);
    }
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

/* What a screen reader speaks: see the top of this file. */
static void
update_accessible (DmPresentation *self)
{
  gboolean notes = dm_presentation_get_notes_shown (self);
  g_autofree char *label = NULL;

  /* Translators: the slide read out: "Slide 3 of 9: Amazon IAM" */
  label = g_strdup_printf (notes ? _("Slide %u of %u: %s, notes") : _("Slide %u of %u: %s"),
                           self->current + 1, self->slides->len, gtk_label_get_text (self->title_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slide_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  notes ? gtk_label_get_text (self->notes_label) : self->spoken->str,
                                  -1);
}

static void
show_slide (DmPresentation *self,
            guint           index)
{
  const Slide *slide;
  g_autofree char *counter = NULL;

  if (self->slides->len == 0)
    return;
  self->current = MIN (index, self->slides->len - 1);
  slide = &g_array_index (self->slides, Slide, self->current);
  g_string_truncate (self->body, 0);
  g_string_truncate (self->spoken, 0);

  if (g_str_equal (slide->kind, "summary"))
    show_summary (self);
  else if (g_str_equal (slide->kind, "changes"))
    show_changes (self);
  else if (g_str_equal (slide->kind, "inputs"))
    show_inputs (self);
  else if (g_str_equal (slide->kind, "service"))
    show_service (self, slide->service);
  else
    show_compare (self);

  counter = g_strdup_printf ("%u / %u", self->current + 1, self->slides->len);
  gtk_label_set_text (self->counter_label, counter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", self->current + 1 < self->slides->len);
  /* Notes exist on service slides only. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.toggle-notes", g_str_equal (slide->kind, "service"));
  update_accessible (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  if (self->current + 1 < self->slides->len)
    show_slide (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  if (self->current > 0)
    show_slide (self, self->current - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_slide (DM_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  show_slide (self, self->slides->len ? self->slides->len - 1 : 0);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);
  gboolean shown = !gtk_revealer_get_reveal_child (self->notes_revealer);

  /* Notes take the gaps' place: both would not fit a slide. */
  gtk_revealer_set_reveal_child (self->notes_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_box), !shown);
  gtk_button_set_label (self->notes_button, shown ? _("Hide _Notes") : _("_Notes"));
  update_accessible (self);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* Back where the review left the window, not nowhere. */
  if (parent != NULL)
    {
      if (self->return_focus != NULL && gtk_widget_get_root (self->return_focus) == GTK_ROOT (parent))
        gtk_widget_grab_focus (self->return_focus);
      else
        gtk_widget_child_focus (GTK_WIDGET (parent), GTK_DIR_TAB_FORWARD);
      gtk_window_present (parent);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Arrows would otherwise move the focus (GtkWindow's own bindings), so
 * they are caught before the focused widget sees them. */
typedef struct { guint key; const char *action; } KeyAction;

static const KeyAction keys[] = {
  { GDK_KEY_Right, "presentation.next" }, { GDK_KEY_Page_Down, "presentation.next" },
  { GDK_KEY_Down, "presentation.next" },
  { GDK_KEY_Left, "presentation.previous" }, { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_Home, "presentation.first" }, { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_n, "presentation.toggle-notes" }, { GDK_KEY_N, "presentation.toggle-notes" },
  { GDK_KEY_Escape, "presentation.leave" }, { GDK_KEY_F5, "presentation.leave" },
};

/* Space and Backspace step only when no button has the focus: on a
 * button, Space presses it. */
static const KeyAction bubble_keys[] = {
  { GDK_KEY_space, "presentation.next" }, { GDK_KEY_BackSpace, "presentation.previous" },
};

static void
dm_presentation_dispose (GObject *object)
{
  DmPresentation *self = DM_PRESENTATION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_PRESENTATION);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_object (&self->model);
  g_clear_object (&self->report);
  g_clear_object (&self->matrix_report);
  g_clear_pointer (&self->slides, g_array_unref);

  G_OBJECT_CLASS (dm_presentation_parent_class)->dispose (object);
}

static void
dm_presentation_finalize (GObject *object)
{
  DmPresentation *self = DM_PRESENTATION (object);

  g_string_free (self->body, TRUE);
  g_string_free (self->spoken, TRUE);

  G_OBJECT_CLASS (dm_presentation_parent_class)->finalize (object);
}

/* The diagram gets its bands and the slide the focus once the window is
 * on screen, not before: in GTK 4.8 a widget made focusable or focused
 * inside a window never shown realizes that window's AT-SPI object too
 * early, as a "filler" that is never showing, and a screen reader never
 * moves into it (a bare AdwWindow whose child grabs the focus before
 * gtk_window_present() does the same). */
static void
dm_presentation_map (GtkWidget *widget)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  GTK_WIDGET_CLASS (dm_presentation_parent_class)->map (widget);
  if (dm_diagram_get_model (self->diagram) == NULL)
    {
      dm_diagram_set_model (self->diagram, self->model);
      dm_diagram_set_assessment (self->diagram, assessment (self));
      show_slide (self, self->current);
    }
  if (gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    gtk_widget_grab_focus (self->slide_box);
}

static void
dm_presentation_class_init (DmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_presentation_dispose;
  object_class->finalize = dm_presentation_finalize;
  widget_class->map = dm_presentation_map;

  g_type_ensure (DM_TYPE_DIAGRAM);
  g_type_ensure (DM_TYPE_SUMMARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/demarc/Demarc/ui/dm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, slide_box);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, counter_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, no_export_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, diagram);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, gaps_box);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, changes_box);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, matrix_area);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, matrix_cells);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, overview_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, nothing_read_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, notes_button);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static void
add_key_controller (DmPresentation      *self,
                    GtkPropagationPhase  phase,
                    const KeyAction     *table,
                    guint                n)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, phase);
  for (guint i = 0; i < n; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (table[i].key, 0),
                                                            gtk_named_action_new (table[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
dm_presentation_init (DmPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dm_diagram_set_force_dark (self->diagram, TRUE);
  add_key_controller (self, GTK_PHASE_CAPTURE, keys, G_N_ELEMENTS (keys));
  add_key_controller (self, GTK_PHASE_BUBBLE, bubble_keys, G_N_ELEMENTS (bubble_keys));
  self->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
  self->body = g_string_new (NULL);
  self->spoken = g_string_new (NULL);
}

/**
 * dm_presentation_new:
 * @report: (nullable): the assessment to present; %NULL for the model alone
 *
 * A presentation always starts at slide 1, the summary; once shown, the
 * focus is on the slide. Leaving gives the focus back to the widget of
 * @parent that had it.
 */
DmPresentation *
dm_presentation_new (GtkWindow *parent,
                     DmModel   *model,
                     DmReport  *report)
{
  DmPresentation *self = g_object_new (DM_TYPE_PRESENTATION, "transient-for", parent, NULL);
  DmAssessment *a;

  self->model = g_object_ref (model);
  self->report = report ? g_object_ref (report) : NULL;
  a = assessment (self);
  if (parent != NULL)
    g_set_weak_pointer (&self->return_focus, gtk_root_get_focus (GTK_ROOT (parent)));

  dm_summary_view_set_compact (self->summary_view, TRUE);
  dm_summary_view_set_report (self->summary_view, report);
  /* The whole matrix on one slide: drawn to fit, as exports draw it. */
  if (self->report == NULL)
    {
      g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);

      self->matrix_report = dm_report_new (model, catalogue, NULL, FALSE);
    }
  gtk_drawing_area_set_draw_func (self->matrix_area, draw_matrix, self, NULL);

  g_array_append_val (self->slides, ((Slide) { "summary", NULL }));
  /* What changed comes right after the summary: it is why one compares. */
  if (self->report && dm_report_get_diff (self->report))
    g_array_append_val (self->slides, ((Slide) { "changes", NULL }));
  if (self->report)
    g_array_append_val (self->slides, ((Slide) { "inputs", NULL }));
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (a == NULL || dm_assessment_get_service_gaps (a, service) > 0)
        g_array_append_val (self->slides, ((Slide) { "service", service }));
    }
  g_array_append_val (self->slides, ((Slide) { "compare", NULL }));

  show_slide (self, 0);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

guint
dm_presentation_get_n_slides (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
dm_presentation_get_slide (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), 0);
  return self->current;
}

const char *
dm_presentation_get_slide_kind (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return g_array_index (self->slides, Slide, self->current).kind;
}

const char *
dm_presentation_get_title (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
dm_presentation_get_subtitle (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->subtitle_label);
}

/* The slide's main text: the summary, what was read, the checks, or what
 * the matrix is; plain text. */
const char *
dm_presentation_get_body (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  if (g_str_equal (dm_presentation_get_slide_kind (self), "inputs"))
    return gtk_label_get_text (self->overview_label);
  return self->body->str;
}

/* What the slide's description says: its summary, or the notes shown. */
const char *
dm_presentation_get_spoken (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return dm_presentation_get_notes_shown (self) ? gtk_label_get_text (self->notes_label) : self->spoken->str;
}

/* The focusable slide, whose accessible label and description change on
 * each step. */
GtkWidget *
dm_presentation_get_slide_widget (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return self->slide_box;
}

/* The matrix slide's cells, as assistive technology sees them. */
GtkWidget *
dm_presentation_get_matrix_cells (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return GTK_WIDGET (self->matrix_cells);
}

GtkWidget *
dm_presentation_get_summary_view (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return GTK_WIDGET (self->summary_view);
}

/* The service slide's rows, one per check, worst first. */
GtkWidget *
dm_presentation_get_gaps (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return GTK_WIDGET (self->gaps_box);
}

/* Slide 2's warning: the files that gave nothing, or "" */
const char *
dm_presentation_get_warning (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->nothing_read_label)) ? gtk_label_get_text (self->nothing_read_label) : "";
}

gboolean
dm_presentation_get_notes_shown (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), FALSE);
  return gtk_revealer_get_reveal_child (self->notes_revealer) &&
         g_str_equal (dm_presentation_get_slide_kind (self), "service");
}

const char *
dm_presentation_get_notes (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->notes_label);
}
