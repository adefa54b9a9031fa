/* dm-window.c: the window type, its template, the sidebar and the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-import-summary.h"
#include "dm-tooltip.h"
#include "dm-window-private.h"

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SERVICE,
  PROP_SHOW_ALL_SERVICES,
  PROP_REDACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_details (DmWindow *self)
{
  dm_details_pane_show (self->details, self->model, self->service,
                        dm_diagram_get_selected_band (self->diagram),
                        dm_diagram_get_selected_layer (self->diagram));
}

static void
diagram_selection_changed (DmWindow *self)
{
  update_details (self);

  /* On a narrow window the details overlay the diagram: open them when a
   * band is chosen, so the choice visibly does something. */
  if (adw_flap_get_folded (self->flap) && dm_diagram_get_selected_band (self->diagram) >= 0)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* The row's badge: gaps, no data or all well, for the assessment shown. */
static void
set_service_badge (GtkWidget    *row,
                   DmModel      *model,
                   DmService    *service,
                   DmAssessment *assessment)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");

  if (badge != NULL)
    gtk_box_remove (GTK_BOX (box), badge);
  g_object_set_data (G_OBJECT (row), "badge", NULL);

  if (assessment != NULL && dm_assessment_has_service (assessment, service))
    {
      guint gaps = dm_assessment_get_service_gaps (assessment, service);
      const DmLayerResult *results = dm_assessment_get_service_results (assessment, service);
      DmSeverity worst = DM_SEVERITY_UNKNOWN;
      guint no_data = 0;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      g_autofree char *name = NULL;

      for (guint i = 0; results && i < dm_model_get_n_layers (model); i++)
        {
          if (results[i].status == DM_LAYER_NO_DATA)
            no_data++;
          if (results[i].status == DM_LAYER_GAP)
            worst = MAX (worst, results[i].worst);
        }

      /* No gap is a pass only when every customer layer had evidence. */
      if (gaps)
        {
          text = g_strdup_printf ("⚠ %u", gaps);
          /* TRANSLATORS: "3 failed findings, worst: High" */
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding, worst: %s",
                                                      "%u failed findings, worst: %s", gaps),
                                         gaps, dm_severity_to_label (worst));
        }
      else if (no_data)
        {
          text = g_strdup ("?");
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "no gap found, but %u layer has no data",
                                                      "no gap found, but %u layers have no data", no_data), no_data);
        }
      else
        {
          text = g_strdup ("✓");
          description = g_strdup (_("no gap found, and every layer of yours has evidence"));
        }
      badge = gtk_label_new (text);

      /* The badge's colour is the worst severity's; its words are in the
       * tooltip and in the row's name, so colour is never the only cue. */
      gtk_widget_add_css_class (badge, gaps ? "gap-badge" : no_data ? "no-data-badge" : "ok-badge");
      if (gaps)
        gtk_widget_add_css_class (badge, dm_severity_colours (worst)->css_class);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      dm_tooltip_set_text (badge, description);
      gtk_box_append (GTK_BOX (box), badge);
      g_object_set_data (G_OBJECT (row), "badge", badge);
      /* TRANSLATORS: a sidebar row as a screen reader says it: "Amazon EC2: 3 failed findings, worst: High" */
      name = g_strdup_printf (_("%s: %s"), dm_service_get_name (service), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dm_service_get_summary (service), -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, dm_service_get_name (service),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dm_service_get_summary (service), -1);
}

static GtkWidget *
service_row_new (DmModel      *model,
                 DmService    *service,
                 DmAssessment *assessment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (dm_service_get_name (service));

  /* Capped natural widths keep the sidebar from resizing as rows are filtered. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_service_badge (row, model, service, assessment);
  dm_tooltip_set_text (row, dm_service_get_summary (service));
  g_object_set_data_full (G_OBJECT (row), "service", g_object_ref (service), g_object_unref);

  return row;
}

static DmService *
row_service (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "service") : NULL;
}

/* The sidebar lists services under the model's groups (compute,
 * storage…), or under its categories when it has none. */
static const char *
heading_of (DmModel       *model,
            GtkListBoxRow *row)
{
  DmService *service = row_service (row);

  return dm_model_get_n_groups (model) > 0 ? dm_service_get_group (service) : dm_service_get_category (service);
}

static const DmNamedEntry *
heading_entry (DmModel *model,
               guint    index)
{
  return dm_model_get_n_groups (model) > 0 ? dm_model_get_group (model, index) : dm_model_get_category (model, index);
}

static guint
heading_position (DmModel    *model,
                  const char *heading)
{
  guint n = dm_model_get_n_groups (model) > 0 ? dm_model_get_n_groups (model) : dm_model_get_n_categories (model);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (heading_entry (model, i)->id, heading) == 0)
      return i;
  return G_MAXUINT;
}

/* Group in the model's order, keeping file order within a group, so each
 * group gets a single header whatever order the file uses. */
static int
sort_func (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  DmWindow *self = user_data;
  guint ca, cb;

  if (self->model == NULL)
    return 0;

  ca = heading_position (self->model, heading_of (self->model, a));
  cb = heading_position (self->model, heading_of (self->model, b));

  if (ca != cb)
    return ca < cb ? -1 : 1;
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "position")) -
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "position"));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  DmWindow *self = user_data;
  const char *heading;
  guint position;
  GtkWidget *header;

  /* Rows are re-headed while the window is disposed, after the model went. */
  if (self->model == NULL)
    return;

  heading = heading_of (self->model, row);
  if (before != NULL && g_strcmp0 (heading, heading_of (self->model, before)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  position = heading_position (self->model, heading);
  header = gtk_label_new (position != G_MAXUINT ? heading_entry (self->model, position)->name : heading);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 22);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
matches_search (DmService  *service,
                const char *needle)
{
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;

  joined = g_strjoin ("\n", dm_service_get_name (service), dm_service_get_short_name (service),
                      dm_service_get_id (service), NULL);
  haystack = g_utf8_casefold (joined, -1);
  return strstr (haystack, needle) != NULL;
}

/* With an export open, the list shows the services it covers, unless the
 * user asks for all of them. */
static gboolean
shows_service (DmWindow  *self,
               DmService *service)
{
  return self->assessment == NULL || self->show_all_services ||
         dm_assessment_has_service (self->assessment, service);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  DmWindow *self = user_data;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  return shows_service (self, row_service (row)) && matches_search (row_service (row), needle);
}

guint
dm_window_get_n_visible_services (DmWindow *self)
{
  g_autofree char *needle = NULL;
  guint n = 0;

  g_return_val_if_fail (DM_IS_WINDOW (self), 0);

  if (self->model == NULL)
    return 0;

  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  for (guint i = 0; i < dm_model_get_n_services (self->model); i++)
    if (shows_service (self, dm_model_get_service (self->model, i)) &&
        matches_search (dm_model_get_service (self->model, i), needle))
      n++;

  return n;
}

/* Only the selected row takes focus (a roving tab stop): GtkListBox
 * moves Tab from row to row, selecting each, so Tab would walk all 84
 * services instead of leaving the sidebar. Arrow keys still move the
 * selection, and the newly selected row takes the focus. */
static void
update_row_focus (DmWindow *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->service_list);
  GtkWidget *focus;
  gboolean had_focus;

  /* A search may hide the selected row: then every row is a stop. */
  if (selected != NULL && !gtk_widget_get_child_visible (GTK_WIDGET (selected)))
    selected = NULL;
  had_focus = selected != NULL && gtk_widget_has_focus (GTK_WIDGET (selected));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      gtk_widget_set_focusable (child, selected == NULL || child == GTK_WIDGET (selected));

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (selected != NULL && !had_focus && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->service_list)))
    gtk_widget_grab_focus (GTK_WIDGET (selected));
}

/* win.focus-services: to the selected service, or the first one shown. */
static void
focus_services_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->service_list);

  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    {
      row = NULL;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list));
           child != NULL && row == NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
          row = GTK_LIST_BOX_ROW (child);
    }
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
search_changed_cb (DmWindow *self)
{
  gtk_list_box_invalidate_filter (self->service_list);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    dm_window_get_n_visible_services (self) > 0 ? "list" : "empty");
  update_row_focus (self);
}

static void row_activated_cb (DmWindow      *self,
                              GtkListBoxRow *row);

static void
search_activate_cb (DmWindow *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* The list is the entry's key-capture widget, so Return on a row comes
   * here first: it opens that row, not the first match. */
  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->service_list))
    {
      row_activated_cb (self, GTK_LIST_BOX_ROW (focus));
      return;
    }

  /* Enter opens the first match, as in GNOME Settings. It can come before
   * the entry's delayed search-changed, so match the text directly rather
   * than trusting the list's current filtering. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DmService *service;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      service = row_service (GTK_LIST_BOX_ROW (child));
      if (shows_service (self, service) && matches_search (service, needle))
        {
          dm_window_set_service (self, service);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          return;
        }
    }
}

static void
row_selected_cb (DmWindow      *self,
                 GtkListBoxRow *row)
{
  if (self->syncing_list || row == NULL)
    return;

  dm_window_set_service (self, row_service (row));
  update_row_focus (self);
}

/* Return (or a click) opens the row it is on, whatever was selected
 * before, and takes the keyboard to that service's diagram. */
static void
row_activated_cb (DmWindow      *self,
                  GtkListBoxRow *row)
{
  if (row_service (row) != NULL)
    dm_window_set_service (self, row_service (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _dm_window_focus_view (self);
}

static void
sync_list_selection (DmWindow *self)
{
  self->syncing_list = TRUE;
  gtk_list_box_unselect_all (self->service_list);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && row_service (GTK_LIST_BOX_ROW (child)) == self->service)
        gtk_list_box_select_row (self->service_list, GTK_LIST_BOX_ROW (child));
    }
  self->syncing_list = FALSE;
  update_row_focus (self);
}

static void
rebuild_list (DmWindow *self)
{
  GtkWidget *child;

  self->syncing_list = TRUE;
  /* Another export of the same model changes only the badges: rows made
   * anew would all be measured again. */
  if (self->model != NULL && self->list_model == self->model)
    {
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list)); child;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_BOX_ROW (child))
          set_service_badge (child, self->model, row_service (GTK_LIST_BOX_ROW (child)), self->assessment);
    }
  else
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list))))
        gtk_list_box_remove (self->service_list, child);
      for (guint i = 0; self->model && i < dm_model_get_n_services (self->model); i++)
        {
          GtkWidget *row = service_row_new (self->model, dm_model_get_service (self->model, i), self->assessment);

          g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
          gtk_list_box_append (self->service_list, row);
        }
      g_set_object (&self->list_model, self->model);
    }
  self->syncing_list = FALSE;

  search_changed_cb (self);
  sync_list_selection (self);
}

/* The header's "What Was Read" button: there whenever an export is, red
 * when a file gave nothing. */
static void
update_inputs (DmWindow *self)
{
  gboolean nothing_read = FALSE;

  if (self->inputs_list)
    gtk_box_remove (self->inputs_box, self->inputs_list);
  self->inputs_list = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->inputs_button), self->report && dm_report_get_n_inputs (self->report));
  if (self->report == NULL || dm_report_get_n_inputs (self->report) == 0)
    return;

  self->inputs_list = dm_details_pane_new_inputs_list (self->report);
  gtk_box_append (self->inputs_box, self->inputs_list);
  for (guint i = 0; i < dm_report_get_n_inputs (self->report); i++)
    {
      DmImportCounts counts;

      dm_import_counts_init (&counts, dm_report_get_input (self->report, i));
      /* A file cut short lost what came after the fault, even when the
       * part before it gave findings. */
      nothing_read |= dm_import_counts_read_nothing (&counts) || dm_report_get_input (self->report, i)->damaged;
    }
  gtk_menu_button_set_icon_name (self->inputs_button, nothing_read ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  if (nothing_read)
    gtk_widget_add_css_class (GTK_WIDGET (self->inputs_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->inputs_button), "error");
  dm_tooltip_set_text (GTK_WIDGET (self->inputs_button),
                       nothing_read ? _("What Was Read: a file gave nothing or could not be read (Ctrl+I)") : _("What Was Read (Ctrl+I)"));
}

/* The one place where every view takes the window's report and assessment:
 * after an import, a redaction or a model change. */
static void
apply_assessment (DmWindow *self)
{
  dm_diagram_set_assessment (self->diagram, self->assessment);
  dm_details_pane_set_report (self->details, self->report);
  update_inputs (self);
  dm_findings_view_set_assessment (self->findings, self->assessment);
  dm_compare_view_set_assessment (self->compare, self->assessment);
  dm_summary_view_set_report (self->overview, self->report);
  gtk_stack_set_visible_child_name (self->overview_stack, self->report ? "summary" : "empty");
  dm_checklist_view_set_assessment (self->checklist, self->assessment);
  rebuild_list (self);
  _dm_window_actions_update (self);
}

/* The comparison stays in words above the views while it lasts, not only
 * in a toast that a screen reader never hears and that fades. */
static void
update_changes_bar (DmWindow *self)
{
  DmChangeCounts totals;
  g_autofree char *text = NULL;

  if (self->diff == NULL)
    {
      /* Focus moves before the bar hides: a hidden button drops it. */
      if (gtk_widget_has_focus (self->stop_comparing_button))
        _dm_window_focus_view (self);
      gtk_revealer_set_reveal_child (self->changes_revealer, FALSE);
      return;
    }

  dm_diff_get_totals (self->diff, &totals);
  /* TRANSLATORS: "Since october.json, modified 2 October 2026: 3 failed findings new, 2 fixed, 5 still failing" */
  text = g_strdup_printf (_("Since %s: %u failed findings new, %u fixed, %u still failing"),
                          dm_diff_get_old_label (self->diff) ? dm_diff_get_old_label (self->diff) : _("the older export"),
                          totals.opened, totals.closed, totals.unchanged);
  gtk_label_set_text (self->changes_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stop_comparing_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_revealer_set_reveal_child (self->changes_revealer, TRUE);
}

static gboolean
focus_view_idle (gpointer data)
{
  DmWindow *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || focus == self->stop_comparing_button)
    _dm_window_focus_view (self);
  return G_SOURCE_REMOVE;
}

/* Ending a comparison hides and disables Stop Comparing: if it had the
 * focus, or the focus went nowhere, it goes into the view, now or, when
 * the view is not ready for it yet, once the window is idle. */
static void
keep_focus (DmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && focus != self->stop_comparing_button)
    return;
  _dm_window_focus_view (self);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || focus == self->stop_comparing_button)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_view_idle, g_object_ref (self), g_object_unref);
}

void
_dm_window_set_diff (DmWindow *self,
                     DmDiff   *diff)
{
  g_set_object (&self->diff, diff);
  /* The report carries it to the details, the slides and the exports. */
  if (self->report)
    dm_report_set_diff (self->report, diff);
  dm_diagram_set_diff (self->diagram, diff);
  dm_findings_view_set_diff (self->findings, diff);
  update_details (self);
  update_changes_bar (self);
  _dm_window_actions_update (self);
  if (diff == NULL)
    keep_focus (self);
}

DmModel *
dm_window_get_model (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->model;
}

/* Every view holds the new report now: the old one, often the last
 * holder of a large export's findings (or of their redacted copies), is
 * freed off the main loop. */
static void
release_report (DmReport *old)
{
  if (old != NULL)
    dm_unref_in_background (old);
}

void
dm_window_set_model (DmWindow *self,
                     DmModel  *model)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (DM_IS_MODEL (model));

  /* A model change still being assessed is overtaken. */
  g_cancellable_cancel (self->model_cancellable);
  _dm_window_set_model_and_report (self, model, NULL);
}

/* Shows @model, with @report: the shown export assessed against it
 * (made on a worker), or NULL to assess it here. */
void
_dm_window_set_model_and_report (DmWindow *self,
                                 DmModel  *model,
                                 DmReport *report)
{
  g_autofree char *remembered = NULL;
  DmService *service = NULL;
  DmReport *old;

  if (self->model == model)
    return;

  /* Keep showing the same service when the new model has it too. */
  remembered = g_strdup (self->service ? dm_service_get_id (self->service)
                                       : g_settings_get_string (self->settings, "last-service"));

  g_set_object (&self->model, model);
  g_clear_object (&self->service);

  /* Findings stay; where they land depends on the model. A comparison was
   * of the old model's layers: it ends, and says so. */
  if (self->diff)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The comparison ended with the model change")));
  _dm_window_set_diff (self, NULL);
  old = g_steal_pointer (&self->report);
  g_clear_object (&self->assessment);
  if (report != NULL)
    self->report = g_object_ref (report);
  else if (self->importer != NULL)
    self->report = dm_report_new (model, self->catalogue, self->importer, self->redact);
  if (self->report != NULL)
    self->assessment = g_object_ref (dm_report_get_assessment (self->report));

  dm_diagram_set_model (self->diagram, model);
  dm_findings_view_set_model (self->findings, model);
  dm_compare_view_set_model (self->compare, model);
  dm_checklist_view_set_model (self->checklist, model);
  apply_assessment (self);
  release_report (old);
  adw_view_switcher_title_set_subtitle (self->switcher_title, dm_model_get_name (model));

  service = dm_model_find_service (model, remembered);
  if (service != NULL && !shows_service (self, service))
    service = NULL;
  for (guint i = 0; service == NULL && i < dm_model_get_n_services (model); i++)
    if (shows_service (self, dm_model_get_service (model, i)))
      service = dm_model_get_service (model, i);
  if (service == NULL && dm_model_get_n_services (model) > 0)
    service = dm_model_get_service (model, 0);

  dm_window_set_service (self, service);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Shows a report's assessment everywhere: list, diagram, details, findings. */
void
_dm_window_set_report (DmWindow *self,
                       DmReport *report)
{
  DmService *current;
  DmReport *old;

  /* A comparison was of the findings shown before. */
  if (self->report == NULL || report == NULL || dm_report_get_importer (report) != dm_report_get_importer (self->report) ||
      dm_report_get_redacted (report) != dm_report_get_redacted (self->report))
    _dm_window_set_diff (self, NULL);
  old = g_steal_pointer (&self->report);
  self->report = report ? g_object_ref (report) : NULL;
  g_set_object (&self->assessment, (report ? dm_report_get_assessment (report) : NULL));
  apply_assessment (self);
  release_report (old);
  /* A comparison that stays goes on with the new report. */
  if (self->diff)
    _dm_window_set_diff (self, self->diff);

  current = self->service;
  if (current == NULL || !shows_service (self, current))
    {
      for (guint i = 0; i < dm_model_get_n_services (self->model); i++)
        if (shows_service (self, dm_model_get_service (self->model, i)))
          {
            current = dm_model_get_service (self->model, i);
            break;
          }
    }
  if (current != self->service)
    dm_window_set_service (self, current);
  else
    {
      sync_list_selection (self);
      update_details (self);
    }
}

DmService *
dm_window_get_service (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->service;
}

void
dm_window_set_service (DmWindow  *self,
                       DmService *service)
{
  g_return_if_fail (DM_IS_WINDOW (self));

  if (self->service == service)
    return;

  g_set_object (&self->service, service);
  dm_diagram_set_service (self->diagram, service);
  dm_compare_view_set_current (self->compare, service);
  sync_list_selection (self);
  update_details (self);

  adw_view_switcher_title_set_title (self->switcher_title,
                                     service ? dm_service_get_name (service) : _("Demarc"));
  if (service)
    g_settings_set_string (self->settings, "last-service", dm_service_get_id (service));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

const char *
dm_window_get_visible_view (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
dm_window_get_diagram (DmWindow *self)
{
  return GTK_WIDGET (self->diagram);
}

/**
 * dm_window_get_inputs_button:
 *
 * Returns: (transfer none): the header's "What Was Read" button; its
 *   popover holds dm_details_pane_new_inputs_list() of the open export
 */
GtkWidget *
dm_window_get_inputs_button (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->inputs_button);
}

GtkWidget *
dm_window_get_details (DmWindow *self)
{
  return GTK_WIDGET (self->details);
}

GtkWidget *
dm_window_get_compare (DmWindow *self)
{
  return GTK_WIDGET (self->compare);
}

GtkWidget *
dm_window_get_findings (DmWindow *self)
{
  return GTK_WIDGET (self->findings);
}

GtkWidget *
dm_window_get_checklist (DmWindow *self)
{
  return GTK_WIDGET (self->checklist);
}

DmAssessment *
dm_window_get_assessment (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->assessment;
}

DmReport *
dm_window_get_report (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->report;
}

gboolean
dm_window_get_redact (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  return self->redact;
}

/* --- moving between views and services ----------------------------------- */

void
_dm_window_show_view (DmWindow   *self,
                      const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Where the keyboard goes after an action that hid the focused widget:
 * into the visible view (in Explore, the diagram), so focus
 * is never left nowhere. */
void
_dm_window_focus_view (DmWindow *self)
{
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  /* The diagram keeps one band in the Tab chain: the one to land on.
   * Grabbed directly: its bands may be new and not yet allocated, which
   * the focus chain needs. */
  if (g_strcmp0 (dm_window_get_visible_view (self), "explore") == 0)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->diagram));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_get_focusable (child) && gtk_widget_grab_focus (child))
        return;
  if (view == NULL || !gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

void
_dm_window_step_service (DmWindow *self,
                         int       delta)
{
  guint n, position = 0;

  if (self->model == NULL || (n = dm_model_get_n_services (self->model)) == 0)
    return;

  for (guint i = 0; i < n; i++)
    if (dm_model_get_service (self->model, i) == self->service)
      position = i;

  dm_window_set_service (self, dm_model_get_service (self->model, (position + n + delta) % n));
}

/* --- dialogs ------------------------------------------------------------- */

void
_dm_window_show_error (DmWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  /* The body stays plain text: it quotes names from the file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* libadwaita 1.2 names the dialog by its heading only: the reason (file
   * and byte) must be part of what a screen reader announces. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file's name as a toast title, which is markup. */
char *
_dm_window_toast_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_markup_escape_text (name, -1);
}

/* The files a chooser was left with, as an array of GFile. */
static GPtrArray *
chosen_files (GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  return array;
}

static void
chooser_response_cb (DmWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  DmWindowChosenFunc chosen = g_object_get_data (G_OBJECT (chooser), "chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = chosen_files (chooser);

      if (files->len > 0)
        chosen (self, (GFile **)files->pdata, files->len);
    }
  g_clear_object (&self->chooser);
}

/**
 * _dm_window_choose:
 *
 * @suggested_name: (nullable): for saving
 * @folder: (nullable): where to start
 *
 * Shows the one file chooser the window has at a time, modal; a second
 * request while it is open does nothing.
 */
void
_dm_window_choose (DmWindow              *self,
                   const DmWindowChooser *chooser,
                   const char            *suggested_name,
                   GFile                 *folder)
{
  GtkFileChooser *files;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_(chooser->title), GTK_WINDOW (self), chooser->action,
                                               _(chooser->accept_label), _("_Cancel"));
  files = GTK_FILE_CHOOSER (self->chooser);
  gtk_file_chooser_set_select_multiple (files, chooser->multiple);
  for (const DmWindowFilter *f = chooser->filters; f && f->name; f++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(f->name));
      if (f->mime_type)
        gtk_file_filter_add_mime_type (filter, f->mime_type);
      for (guint i = 0; i < G_N_ELEMENTS (f->patterns) && f->patterns[i]; i++)
        gtk_file_filter_add_pattern (filter, f->patterns[i]);
      gtk_file_chooser_add_filter (files, filter);
    }
  if (suggested_name)
    gtk_file_chooser_set_current_name (files, suggested_name);
  if (folder)
    gtk_file_chooser_set_current_folder (files, folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "chosen", chooser->chosen);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DmWindow      *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));

  dm_window_open_exports (self, (GFile **)files->pdata, files->len);
  return files->len > 0;
}

/* --- window state ------------------------------------------------------ */

static void
restore_state (DmWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
dm_window_close_request (GtkWindow *window)
{
  DmWindow *self = DM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", MAX (width, 360));
  g_settings_set_int (self->settings, "window-height", MAX (height, 294));
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);

  return GTK_WINDOW_CLASS (dm_window_parent_class)->close_request (window);
}

static void
dm_window_dispose (GObject *object)
{
  DmWindow *self = (DmWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  /* A task still running keeps the window alive but finds it closed. */
  self->import = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_signal_handler (&self->recent_changed_id, gtk_recent_manager_get_default ());
  g_cancellable_cancel (self->redact_cancellable);
  g_clear_object (&self->redact_cancellable);
  g_cancellable_cancel (self->model_cancellable);
  g_clear_object (&self->model_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_cancellable_cancel (self->diff_cancellable);
  g_clear_object (&self->diff_cancellable);
  g_clear_object (&self->assessment);
  g_clear_object (&self->report);
  g_clear_object (&self->diff);
  g_clear_object (&self->importer);
  g_clear_object (&self->catalogue);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->service);
  g_clear_object (&self->model);
  g_clear_object (&self->list_model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dm_window_parent_class)->dispose (object);
}

static void
dm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DmWindow *self = DM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    case PROP_SHOW_ALL_SERVICES:
      g_value_set_boolean (value, self->show_all_services);
      break;

    case PROP_REDACT:
      g_value_set_boolean (value, self->redact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DmWindow *self = DM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ALL_SERVICES:
      if (self->show_all_services != g_value_get_boolean (value))
        {
          self->show_all_services = g_value_get_boolean (value);
          search_changed_cb (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_REDACT:
      if (self->redact != g_value_get_boolean (value))
        {
          self->redact = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          _dm_window_redact (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_window_class_init (DmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dm_window_dispose;
  object_class->get_property = dm_window_get_property;
  object_class->set_property = dm_window_set_property;
  window_class->close_request = dm_window_close_request;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, DM_TYPE_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, DM_TYPE_SERVICE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ALL_SERVICES] =
    g_param_spec_boolean ("show-all-services", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACT] =
    g_param_spec_boolean ("redact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DM_TYPE_DIAGRAM);
  g_type_ensure (DM_TYPE_DETAILS_PANE);
  g_type_ensure (DM_TYPE_COMPARE_VIEW);
  g_type_ensure (DM_TYPE_FINDINGS_VIEW);
  g_type_ensure (DM_TYPE_SUMMARY_VIEW);
  g_type_ensure (DM_TYPE_CHECKLIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, search_entry);
  gtk_widget_class_install_action (widget_class, "win.focus-services", NULL, focus_services_action);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, service_list);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, inputs_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, inputs_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, diagram);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, details);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, changes_label);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, stop_comparing_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, findings);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, checklist);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, recent_section);

  _dm_window_class_actions_init (widget_class);
}

static void
dm_window_init (DmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The Overview is the first page; the window still opens on the diagram. */
  adw_view_stack_set_visible_child_name (self->view_stack, "explore");

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->export_cancellable = g_cancellable_new ();
  self->diff_cancellable = g_cancellable_new ();
  self->catalogue = dm_catalogue_new_default (NULL);
  _dm_window_actions_update (self);
  _dm_window_watch_recent (self);

  gtk_list_box_set_sort_func (self->service_list, sort_func, self, NULL);
  gtk_list_box_set_header_func (self->service_list, header_func, self, NULL);
  gtk_list_box_set_filter_func (self->service_list, filter_func, self, NULL);
  g_signal_connect_object (self->service_list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service_list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->service_list));

  g_signal_connect_object (self->diagram, "notify::selected-band", G_CALLBACK (diagram_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diagram, "notify::selected-layer", G_CALLBACK (diagram_selection_changed), self, G_CONNECT_SWAPPED);

  /* Dropping exports (files or folders) onto the window opens them. */
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  restore_state (self);
}

DmWindow *
dm_window_new (GtkApplication *application)
{
  return g_object_new (DM_TYPE_WINDOW, "application", application, NULL);
}
