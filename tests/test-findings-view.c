/* test-findings-view.c: the Findings view and the details pane's groups,
 * driven through their widgets and the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-window-fixture.h"
#include "test-util.h"

#include <adwaita.h>
#include <inttypes.h>

#include "dm-application.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-findings-view.h"
#include "dm-window-private.h"

typedef struct
{
  DmWindow       *window;
  DmFindingsView *view;
  DmAssessment   *assessment;  /* the window's */
} Fixture;

static gboolean
assessment_ready (gpointer data)
{
  Fixture *f = data;

  return dm_window_get_assessment (f->window) != NULL;
}

/* The demo export, a Prowler scan with checks on several resources, and a
 * multi-cloud Prowler file: two accounts, two tools, several regions. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  g_autofree char *demo = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autofree char *scan = test_fixture_path ("prowler-ocsf-scan.json");
  g_autofree char *multicloud = test_fixture_path ("prowler-ocsf-multicloud.json");
  GFile *files[3];
  gboolean timed_out = FALSE;
  guint id;

  g_assert_no_error (error);
  f->window = dm_window_new (GTK_APPLICATION (shared_app));
  dm_window_set_model (f->window, model);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));

  files[0] = g_file_new_for_path (demo);
  files[1] = g_file_new_for_path (scan);
  files[2] = g_file_new_for_path (multicloud);
  dm_window_open_exports (f->window, files, 3);
  id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);
  while (!assessment_ready (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);

  f->assessment = dm_window_get_assessment (f->window);
  f->view = DM_FINDINGS_VIEW (dm_window_get_findings (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
assert_label (gpointer    accessible,
              const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (error != NULL)
    g_error ("accessible label: %s", error);
}

/* A drop-down and the toggle button inside it, which is what takes focus
 * and what a screen reader names, both say the filter and its value. */
static void
assert_control (GtkDropDown *dropdown,
                const char  *expected)
{
  guint n_buttons = 0;

  assert_label (dropdown, expected);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        assert_label (child, expected);
        n_buttons++;
      }
  g_assert_cmpuint (n_buttons, ==, 1);
}

/* What a value filter compares, read from the finding as the test sees it. */
static const char *
value_of (Fixture          *f,
          DmFinding        *finding,
          DmFindingsControl control)
{
  switch ((int)control)
    {
    case DM_FINDINGS_SERVICE: return dm_finding_get_service (finding);
    case DM_FINDINGS_LAYER: return dm_assessment_get_finding_layer (f->assessment, finding);
    case DM_FINDINGS_REGION: return dm_finding_get_region (finding);
    case DM_FINDINGS_ACCOUNT: return dm_finding_get_account (finding);
    default: return dm_finding_get_tool (finding);
    }
}

static const char *
name_of (Fixture          *f,
         DmFindingsControl control,
         const char       *value)
{
  DmModel *model = dm_window_get_model (f->window);

  if (control == DM_FINDINGS_SERVICE)
    return dm_service_get_short_name (dm_model_find_service (model, value));
  if (control == DM_FINDINGS_LAYER)
    return dm_layer_get_name (dm_model_find_layer (model, value));
  return value;
}

/* Status and severity narrow the list, and each drop-down's name says
 * its value, chosen on the widget itself. */
static void
test_status_severity (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *shown = dm_findings_view_get_shown (f->view);
  GListModel *all = dm_assessment_get_findings (f->assessment);
  GtkDropDown *status = dm_findings_view_get_control (f->view, DM_FINDINGS_STATUS);
  GtkDropDown *severity = dm_findings_view_get_control (f->view, DM_FINDINGS_SEVERITY);
  guint n_high = 0;

  /* Failed by default. */
  assert_control (status, "Status: Failed");
  assert_control (severity, "Severity: Any severity");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, dm_assessment_get_n_failed (f->assessment));

  gtk_drop_down_set_selected (status, 0);
  assert_control (status, "Status: All results");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (all, i);

      n_high += dm_finding_get_severity (finding) >= DM_SEVERITY_HIGH;
    }
  gtk_drop_down_set_selected (severity, 2);
  assert_control (severity, "Severity: High and above");
  g_assert_cmpuint (n_high, >, 0);
  g_assert_cmpuint (n_high, <, g_list_model_get_n_items (all));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_high);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (shown, i);

      g_assert_cmpint (dm_finding_get_severity (finding), >=, DM_SEVERITY_HIGH);
    }

  dm_findings_view_set_min_severity (f->view, DM_SEVERITY_CRITICAL);
  assert_control (severity, "Severity: Critical");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_high);
  dm_findings_view_set_min_severity (f->view, DM_SEVERITY_UNKNOWN);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));
}

/* Service, layer, region, account and tool: each offers the export's
 * values, keeps exactly the findings of the one chosen, and says it. */
static void
test_value_filters (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *shown = dm_findings_view_get_shown (f->view);
  GListModel *all = dm_assessment_get_findings (f->assessment);
  guint n_all = g_list_model_get_n_items (all);

  dm_findings_view_set_status (f->view, -1);
  for (DmFindingsControl control = DM_FINDINGS_SERVICE; control <= DM_FINDINGS_TOOL; control++)
    {
      g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
      GtkDropDown *dropdown = dm_findings_view_get_control (f->view, control);
      const char *wanted = NULL;
      guint expected = 0;
      g_autofree char *name = NULL;

      for (guint i = 0; i < n_all; i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (all, i);
          const char *value = value_of (f, finding, control);

          if (value != NULL && *value != '\0')
            {
              g_hash_table_add (distinct, (char *)value);
              wanted = value;  /* the last one: not the first row */
            }
        }
      for (guint i = 0; i < n_all; i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (all, i);

          expected += g_strcmp0 (value_of (f, finding, control), wanted) == 0;
        }

      /* "All …" and one row per value. */
      g_assert_cmpuint (g_hash_table_size (distinct), >=, 2);
      g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                        g_hash_table_size (distinct) + 1);

      g_assert_true (dm_findings_view_set_value (f->view, control, wanted));
      name = g_strdup_printf ("%s: %s", control == DM_FINDINGS_SERVICE ? "Service" : control == DM_FINDINGS_LAYER ? "Layer" :
                                        control == DM_FINDINGS_REGION ? "Region" : control == DM_FINDINGS_ACCOUNT ? "Account" : "Tool",
                              name_of (f, control, wanted));
      assert_control (dropdown, name);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
      g_assert_cmpuint (expected, <, n_all);
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (shown, i);

          g_assert_cmpstr (value_of (f, finding, control), ==, wanted);
        }

      gtk_drop_down_set_selected (dropdown, 0);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);
      g_assert_false (dm_findings_view_set_value (f->view, control, "<no such value>"));
    }
}

/* One row per check, failed first and worst first; every finding shown is
 * in exactly one group of its own check. The Sort by drop-down reorders,
 * and says the order in words. */
static void
test_groups_worst_first (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *groups = dm_findings_view_get_groups (f->view);
  GListModel *shown = dm_findings_view_get_shown (f->view);
  GtkDropDown *sort = dm_findings_view_get_control (f->view, DM_FINDINGS_SORT);
  guint n_in_groups = 0, n_several = 0;

  dm_findings_view_set_status (f->view, -1);
  assert_control (sort, "Sort by: Worst first");
  g_assert_cmpuint (g_list_model_get_n_items (groups), <, g_list_model_get_n_items (shown));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(DmFindingGroup) group = g_list_model_get_item (groups, i);
      GPtrArray *findings = dm_finding_group_get_findings (group);

      if (i > 0)
        {
          g_autoptr(DmFindingGroup) before = g_list_model_get_item (groups, i - 1);

          g_assert_cmpint (dm_finding_group_get_status (before), <=, dm_finding_group_get_status (group));
          if (dm_finding_group_get_status (before) == dm_finding_group_get_status (group))
            g_assert_cmpint (dm_finding_group_get_severity (before), >=, dm_finding_group_get_severity (group));
        }
      for (guint j = 0; j < findings->len; j++)
        {
          DmFinding *finding = g_ptr_array_index (findings, j);
          g_autoptr(DmFinding) flat = g_list_model_get_item (shown, n_in_groups + j);

          g_assert_true (flat == finding);
          g_assert_cmpstr (dm_finding_get_title (finding), ==, dm_finding_group_get_title (group));
          g_assert_cmpint (dm_finding_get_status (finding), ==, dm_finding_group_get_status (group));
        }
      n_in_groups += findings->len;
      n_several += findings->len > 1;
    }
  g_assert_cmpuint (n_in_groups, ==, g_list_model_get_n_items (shown));
  g_assert_cmpuint (n_several, >, 0);

  {
    g_autoptr(DmFindingGroup) first = g_list_model_get_item (groups, 0);

    g_assert_cmpint (dm_finding_group_get_status (first), ==, DM_FINDING_FAILED);
    g_assert_cmpint (dm_finding_group_get_severity (first), ==, DM_SEVERITY_CRITICAL);
  }

  gtk_drop_down_set_selected (sort, DM_FINDINGS_SORT_TITLE);
  assert_control (sort, "Sort by: Title, A to Z");
  for (guint i = 1; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(DmFindingGroup) a = g_list_model_get_item (groups, i - 1);
      g_autoptr(DmFindingGroup) b = g_list_model_get_item (groups, i);

      g_assert_cmpint (g_utf8_collate (dm_finding_group_get_title (a), dm_finding_group_get_title (b)), <=, 0);
    }
  dm_findings_view_set_sort (f->view, DM_FINDINGS_SORT_MOST);
  assert_control (sort, "Sort by: Most findings first");
  for (guint i = 1; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(DmFindingGroup) a = g_list_model_get_item (groups, i - 1);
      g_autoptr(DmFindingGroup) b = g_list_model_get_item (groups, i);

      g_assert_cmpuint (dm_finding_group_get_n_findings (a), >=, dm_finding_group_get_n_findings (b));
    }
}

/* The position of @finding's row (or its group's, when it is alone) in the
 * column view, or -1. */
static int
row_position (Fixture   *f,
              GObject   *wanted)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (dm_findings_view_get_list (f->view)));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == wanted)
        return i;
    }
  return -1;
}

/* The first failed group of several findings. */
static DmFindingGroup *
several_group (Fixture *f)
{
  GListModel *groups = dm_findings_view_get_groups (f->view);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(DmFindingGroup) group = g_list_model_get_item (groups, i);

      if (dm_finding_group_get_n_findings (group) > 1)
        return group;  /* the list keeps it */
    }
  g_assert_not_reached ();
}

/* Selecting a finding shows its fields; selecting a group, its summary. */
static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *detail = dm_findings_view_get_detail (f->view);
  DmFindingGroup *group = several_group (f);
  DmFinding *finding = g_ptr_array_index (dm_finding_group_get_findings (group), 1);
  GtkSelectionModel *rows = gtk_column_view_get_model (dm_findings_view_get_list (f->view));
  DmFindingOrigin origin = dm_finding_get_origin (finding, 0);
  g_autofree char *source = g_strdup_printf ("%s: %s, item %" PRIu64, origin.tool, origin.source, origin.source_item);
  g_autofree char *controls = g_strjoinv (", ", (char **)dm_finding_get_controls (finding));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  int position;

  /* A group, selected on the widget: its title, scope and regions. */
  position = row_position (f, G_OBJECT (group));
  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_selection_model_select_item (rows, position, TRUE));
  g_assert_null (dm_findings_view_get_selected_finding (f->view));
  g_assert_true (label_with_text_in (detail, dm_finding_group_get_title (group)));
  g_assert_true (label_with_text_in (detail, scope));

  /* One of its findings: opens the group and shows every field. */
  g_assert_cmpuint (dm_finding_get_n_origins (finding), ==, 1);
  g_assert_true (dm_findings_view_select_finding (f->view, finding));
  g_assert_true (dm_findings_view_get_selected_finding (f->view) == finding);
  g_assert_cmpint (row_position (f, G_OBJECT (finding)), >, position);
  g_assert_true (label_with_text_in (detail, dm_finding_get_title (finding)));
  g_assert_true (label_with_text_in (detail, dm_finding_get_evidence (finding)));
  g_assert_true (label_with_text_in (detail, dm_finding_get_resource (finding)));
  g_assert_true (label_with_text_in (detail, dm_finding_get_region (finding)));
  g_assert_true (label_with_text_in (detail, dm_finding_get_account (finding)));
  g_assert_true (label_with_text_in (detail, dm_finding_get_remediation (finding)));
  g_assert_true (label_with_text_in (detail, source));
  if (*controls)
    g_assert_true (label_with_text_in (detail, controls));
  g_assert_true (label_with_text_in (detail, dm_severity_to_label (dm_finding_get_severity (finding))));

  /* Another finding replaces it: nothing of the first stays. */
  {
    g_autoptr(DmFinding) other = g_list_model_get_item (dm_findings_view_get_shown (f->view), 0);

    g_assert_false (g_str_equal (dm_finding_get_resource (other), dm_finding_get_resource (finding)));
    g_assert_true (dm_findings_view_select_finding (f->view, other));
    g_assert_false (label_with_text_in (detail, dm_finding_get_resource (finding)));
    g_assert_true (label_with_text_in (detail, dm_finding_get_resource (other)));
  }
}

/* Return on a group opens and closes it; on a finding, the window shows
 * it on its layer in Explore, opened in the details. */
static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GtkColumnView *list = dm_findings_view_get_list (f->view);
  DmFindingGroup *group = several_group (f);
  DmFinding *finding = g_ptr_array_index (dm_finding_group_get_findings (group), 0);
  DmModel *model = dm_window_get_model (f->window);
  const char *layer_id = dm_assessment_get_finding_layer (f->assessment, finding);
  DmLayer *layer = dm_model_find_layer (model, layer_id);
  DmDiagram *diagram = DM_DIAGRAM (dm_window_get_diagram (f->window));
  DmDetailsPane *details = DM_DETAILS_PANE (dm_window_get_details (f->window));
  GtkWidget *expander;

  g_assert_nonnull (layer);
  g_assert_cmpint (row_position (f, G_OBJECT (finding)), ==, -1);
  g_signal_emit_by_name (list, "activate", (guint)row_position (f, G_OBJECT (group)));
  g_assert_cmpint (row_position (f, G_OBJECT (finding)), ==, row_position (f, G_OBJECT (group)) + 1);
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "findings");
  g_signal_emit_by_name (list, "activate", (guint)row_position (f, G_OBJECT (group)));
  g_assert_cmpint (row_position (f, G_OBJECT (finding)), ==, -1);

  g_assert_true (dm_findings_view_select_finding (f->view, finding));
  g_signal_emit_by_name (list, "activate", (guint)row_position (f, G_OBJECT (finding)));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, dm_finding_get_service (finding));
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram), ==, dm_layer_get_index (layer));
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, dm_band_get_index (dm_layer_get_band (layer)));
  expander = dm_details_pane_get_finding_expander (details, finding);
  g_assert_nonnull (expander);
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  /* Its check's group is open too, so the finding can be seen. */
  g_assert_true (gtk_expander_get_expanded (g_object_get_data (G_OBJECT (expander), "group")));

  /* The detail's button does the same, from the keyboard. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "findings.show", NULL));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
}

static void
collect_expanders (GtkWidget *widget,
                   GPtrArray *found)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_expanders (child, found);
}

/* Every row on screen is named with severity, status, title and resource
 * (or, for a check of several, its scope): what a reader says of it. */
static void
test_row_names (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  GListModel *groups = dm_findings_view_get_groups (f->view);
  g_autoptr(DmFindingGroup) worst = g_list_model_get_item (groups, 0);
  DmFinding *root = g_ptr_array_index (dm_finding_group_get_findings (worst), 0);
  guint n_checked = 0;

  test_spin_for (300);
  /* The column view's own parts have words, not their type names. */
  for (GtkWidget *part = gtk_widget_get_first_child (GTK_WIDGET (dm_findings_view_get_list (f->view))); part;
       part = gtk_widget_get_next_sibling (part))
    assert_label (part, GTK_IS_LIST_VIEW (part) ? "Findings" : "Column titles");
  collect_expanders (GTK_WIDGET (dm_findings_view_get_list (f->view)), expanders);
  g_assert_cmpuint (expanders->len, >, 0);
  for (guint i = 0; i < expanders->len; i++)
    {
      GtkWidget *expander = g_ptr_array_index (expanders, i);
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (expander));
      g_autoptr(GObject) item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));
      DmFindingGroup *group = DM_IS_FINDING_GROUP (item) ? DM_FINDING_GROUP (item) : NULL;
      g_autofree char *expected = NULL;

      if (item == NULL || !gtk_widget_get_visible (row))
        continue;
      if (group != NULL && dm_finding_group_get_n_findings (group) > 1)
        {
          g_autofree char *scope = dm_finding_group_describe_scope (group);

          expected = g_strdup_printf ("%s severity, %s: %s; %s", dm_severity_to_label (dm_finding_group_get_severity (group)),
                                      dm_finding_status_to_string (dm_finding_group_get_status (group)),
                                      dm_finding_group_get_title (group), scope);
        }
      else
        {
          DmFinding *finding = group ? g_ptr_array_index (dm_finding_group_get_findings (group), 0) : DM_FINDING (item);

          const char *region = dm_finding_get_region (finding);

          expected = g_strdup_printf ("%s severity, %s: %s; resource: %s%s%s",
                                      dm_severity_to_label (dm_finding_get_severity (finding)),
                                      dm_finding_status_to_string (dm_finding_get_status (finding)),
                                      dm_finding_get_title (finding), dm_finding_get_resource (finding),
                                      *region ? "; region: " : "", region);
        }
      /* The row itself, not only a cell, carries the name. */
      g_assert_false (GTK_IS_COLUMN_VIEW (row));
      assert_label (row, expected);
      /* In GTK 4.8 the expander holds the row's focus: it says the same. */
      assert_label (expander, expected);
      /* Each cell says its column's title with its value. */
      {
        DmFinding *finding = group && dm_finding_group_get_n_findings (group) == 1
                             ? g_ptr_array_index (dm_finding_group_get_findings (group), 0)
                             : group ? NULL : DM_FINDING (item);
        DmSeverity severity = group ? dm_finding_group_get_severity (group) : dm_finding_get_severity (finding);
        DmFindingStatus status = group ? dm_finding_group_get_status (group) : dm_finding_get_status (finding);
        g_autofree char *severity_cell = g_strdup_printf ("Severity: %s", status == DM_FINDING_FAILED
                                                          ? dm_severity_to_label (severity)
                                                          : dm_finding_status_to_string (status));
        g_autofree char *title_cell = g_strdup_printf ("Finding: %s", group ? dm_finding_group_get_title (group)
                                                                             : dm_finding_get_title (finding));
        GtkWidget *title = gtk_widget_get_next_sibling (gtk_widget_get_parent (expander));

        assert_label (gtk_widget_get_parent (expander), severity_cell);
        assert_label (title, title_cell);
      }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 1);

  /* The worst, spelled out. */
  {
    g_autofree char *name = dm_findings_view_describe_finding (root);
    g_autofree char *expected = g_strdup_printf ("Critical severity, failed: %s; resource: %s; region: %s",
                                                 dm_finding_get_title (root), dm_finding_get_resource (root),
                                                 dm_finding_get_region (root));

    g_assert_cmpstr (name, ==, expected);
  }
}

static gboolean
diff_ready (gpointer data)
{
  Fixture *f = data;

  return dm_window_get_diff (f->window) != NULL;
}

static gboolean
diff_export_ready (gpointer data)
{
  Fixture *f = data;

  return dm_window_get_assessment (f->window) != f->assessment && !dm_window_get_importing (f->window);
}

static void
spin (Fixture *f,
      gboolean (*done) (gpointer))
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);

  while (!done (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Opens diff-new.json, then Compare With… diff-old.json. */
static void
open_comparison (Fixture *f)
{
  g_autofree char *new_path = test_fixture_path ("diff-new.json");
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);

  dm_window_open_exports (f->window, &new_file, 1);
  spin (f, diff_export_ready);
  f->assessment = dm_window_get_assessment (f->window);
  dm_window_compare_with (f->window, &old_file, 1);
  spin (f, diff_ready);
}

/* Every finding shown has @change, and there are @n of them. */
static void
assert_shown_changes (Fixture  *f,
                      DmChange  change,
                      guint     n)
{
  GListModel *shown = dm_findings_view_get_shown (f->view);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (shown, i);
      DmChange found;

      g_assert_true (dm_diff_lookup (dm_window_get_diff (f->window), finding, &found));
      g_assert_cmpint (found, ==, change);
    }
}

/* The rows on screen: each is named with "New: " first, and shows the
 * word on a tag. */
static void
assert_rows_new (Fixture *f)
{
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  guint n_named = 0;

  test_spin_for (300);
  collect_expanders (GTK_WIDGET (dm_findings_view_get_list (f->view)), expanders);
  for (guint i = 0; i < expanders->len; i++)
    {
      GtkWidget *expander = g_ptr_array_index (expanders, i);
      g_autoptr(GObject) item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));
      DmFindingGroup *group = DM_IS_FINDING_GROUP (item) ? DM_FINDING_GROUP (item) : NULL;
      g_autofree char *name = NULL;
      g_autofree char *expected = NULL;

      if (group == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (expander))))
        continue;
      name = dm_findings_view_describe_finding (g_ptr_array_index (dm_finding_group_get_findings (group), 0));
      expected = g_strdup_printf ("New: %s", name);
      assert_label (expander, expected);
      g_assert_true (label_with_text_in (expander, "New"));
      n_named++;
    }
  g_assert_cmpuint (n_named, ==, 2);
}

/* Compare With… adds a Changes filter: new since the older export is
 * exactly the opened gaps, marked New; still failing and fixed are the
 * others; Stop Comparing takes it away. */
static void
test_changes_filter (Fixture       *f,
                     gconstpointer  data)
{
  GtkDropDown *changes = dm_findings_view_get_control (f->view, DM_FINDINGS_CHANGES);
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (changes));
  DmChangeCounts totals;
  const char *since;
  guint n_failed;

  g_assert_false (gtk_widget_get_visible (cell));
  open_comparison (f);
  dm_diff_get_totals (dm_window_get_diff (f->window), &totals);
  g_assert_cmpuint (totals.opened, ==, 2);
  since = dm_diff_get_old_label (dm_window_get_diff (f->window));
  g_assert_true (g_str_has_prefix (since, "diff-old.json"));
  g_assert_true (gtk_widget_get_visible (cell));
  assert_control (changes, "Changes: All changes");
  n_failed = g_list_model_get_n_items (dm_findings_view_get_shown (f->view));
  g_assert_cmpuint (n_failed, ==, totals.opened + totals.unchanged);

  gtk_drop_down_set_selected (changes, 1);
  {
    g_autofree char *expected = g_strdup_printf ("Changes: New since %s", since);

    assert_control (changes, expected);
  }
  assert_shown_changes (f, DM_CHANGE_OPENED, totals.opened);
  assert_rows_new (f);

  gtk_drop_down_set_selected (changes, 2);
  assert_shown_changes (f, DM_CHANGE_UNCHANGED, totals.unchanged);

  /* Fixed ones are the older export's: listed, said so, not shown on a layer. */
  gtk_drop_down_set_selected (changes, 3);
  assert_shown_changes (f, DM_CHANGE_CLOSED, totals.closed);
  {
    g_autoptr(DmFinding) fixed = g_list_model_get_item (dm_findings_view_get_shown (f->view), 0);
    g_autofree char *said = g_strdup_printf ("Fixed since %s: it failed there and is not failing in this export", since);

    g_assert_cmpstr (dm_finding_get_title (fixed), ==, "Instance accepts IMDSv1");
    g_assert_true (dm_findings_view_select_finding (f->view, fixed));
    g_assert_true (label_with_text_in (dm_findings_view_get_detail (f->view), said));
    gtk_widget_activate_action (GTK_WIDGET (f->view), "findings.show", NULL);
    g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "findings");
  }

  gtk_drop_down_set_selected (changes, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-comparing", NULL);
  g_assert_null (dm_window_get_diff (f->window));
  g_assert_false (gtk_widget_get_visible (cell));
  g_assert_cmpuint (g_list_model_get_n_items (dm_findings_view_get_shown (f->view)), ==, n_failed);
  test_spin_for (300);
  g_assert_false (label_with_text_in (GTK_WIDGET (dm_findings_view_get_list (f->view)), "New"));
}

/* The details pane marks a new finding and says per layer what changed. */
static void
test_details_changes (Fixture       *f,
                      gconstpointer  data)
{
  DmDetailsPane *details = DM_DETAILS_PANE (dm_window_get_details (f->window));
  GtkDropDown *changes = dm_findings_view_get_control (f->view, DM_FINDINGS_CHANGES);
  g_autoptr(DmFinding) opened = NULL;
  g_autofree char *line = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *expander;

  open_comparison (f);
  gtk_drop_down_set_selected (changes, 1);
  /* The worst new one: the public Lambda function, on its IAM layer. */
  opened = g_list_model_get_item (dm_findings_view_get_shown (f->view), 0);
  g_assert_cmpstr (dm_finding_get_service (opened), ==, "lambda");
  g_assert_true (dm_findings_view_select_finding (f->view, opened));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "findings.show", NULL));
  expander = dm_details_pane_get_finding_expander (details, opened);
  g_assert_nonnull (expander);
  name = dm_findings_view_describe_finding (opened);
  expected = g_strdup_printf ("New: %s", name);
  assert_label (expander, expected);
  g_assert_true (label_with_text_in (expander, "New"));
  line = g_strdup_printf ("1 new, 0 fixed since %s", dm_diff_get_old_label (dm_window_get_diff (f->window)));
  g_assert_true (label_with_text_in (GTK_WIDGET (details), line));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-comparing", NULL);
  g_assert_false (label_with_text_in (GTK_WIDGET (details), line));
}

static int
badge_rank (GtkWidget *widget)
{
  /* Not gaps (informational, suppressed), passed, then failed by severity. */
  static const char * const classes[] = {
    "severity-other", "severity-passed", "severity-unknown", "severity-informational", "severity-low", "severity-medium", "severity-high", "severity-critical",
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (gtk_widget_has_css_class (widget, classes[i]))
      return i;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int rank = badge_rank (child);

      if (rank >= 0)
        return rank;
    }
  return -1;
}

/* The details pane: one expander per check, named with its summary, worst
 * first; opening it lists regions and each finding, named with it. */
static void
test_details_groups (Fixture       *f,
                     gconstpointer  data)
{
  DmFindingGroup *group = several_group (f);
  DmFinding *finding = g_ptr_array_index (dm_finding_group_get_findings (group), 0);
  const char *layer = dm_assessment_get_finding_layer (f->assessment, finding);
  DmDetailsPane *details = DM_DETAILS_PANE (dm_window_get_details (f->window));
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *name = g_strdup_printf ("%s — %s — %s", dm_finding_group_get_title (group),
                                           dm_severity_to_label (dm_finding_group_get_severity (group)), scope);
  GtkWidget *expander, *group_expander, *list;
  int last = G_MAXINT;
  guint n_rows = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)",
                                             dm_finding_get_service (finding), layer));
  expander = dm_details_pane_get_finding_expander (details, finding);
  g_assert_nonnull (expander);
  group_expander = g_object_get_data (G_OBJECT (expander), "group");
  g_assert_nonnull (group_expander);
  assert_label (group_expander, name);
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (group_expander)));
  for (guint i = 0; i < dm_finding_group_get_n_findings (group); i++)
    {
      DmFinding *member = g_ptr_array_index (dm_finding_group_get_findings (group), i);
      GtkWidget *member_expander = dm_details_pane_get_finding_expander (details, member);
      g_autofree char *member_name = dm_findings_view_describe_finding (member);

      g_assert_nonnull (member_expander);
      g_assert_true (g_object_get_data (G_OBJECT (member_expander), "group") == group_expander);
      assert_label (member_expander, member_name);
      g_assert_nonnull (strstr (member_name, dm_finding_get_resource (member)));
    }
  gtk_expander_set_expanded (GTK_EXPANDER (group_expander), TRUE);
  g_assert_true (label_with_text_in (group_expander, dm_finding_get_region (finding)));

  /* The rows of the layer's list, worst first, each with its badge. */
  list = gtk_widget_get_ancestor (gtk_widget_get_parent (group_expander), GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      int rank;

      if (!GTK_IS_EXPANDER (child))
        continue;
      rank = badge_rank (gtk_expander_get_label_widget (GTK_EXPANDER (child)));
      g_assert_cmpint (rank, >=, 0);
      g_assert_cmpint (rank, <=, last);
      last = rank;
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >=, 1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The list's rows come in a few at a time, between frames, while the
 * groups, the counts and the flat list are whole at once; the rows are
 * all there once the window has been idle, and at once for who asks for
 * the list or selects a finding. */
static void
test_rows_in_parts (Fixture       *f,
                    gconstpointer  data)
{
  /* Found in the widgets: dm_findings_view_get_list () would bring every row in. */
  GtkColumnView *list = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (list));
  GListModel *groups = dm_findings_view_get_groups (f->view);
  guint n_groups, n_findings = 0;

  dm_findings_view_set_status (f->view, -1);
  n_groups = g_list_model_get_n_items (groups);
  if (n_groups <= 8)
    {
      g_test_skip ("the fixtures make no more groups than the first rows shown");
      return;
    }
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(DmFindingGroup) group = g_list_model_get_item (groups, i);

      n_findings += dm_finding_group_get_n_findings (group);
    }
  g_assert_cmpuint (n_findings, ==, g_list_model_get_n_items (dm_findings_view_get_shown (f->view)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_groups);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);

  /* The rows come between frames: a busy machine takes longer. */
  for (guint waited = 0; g_list_model_get_n_items (rows) < n_groups && waited < 10000; waited += 50)
    test_spin_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_groups);

  /* Asked for, the list has every row at once. */
  dm_findings_view_set_status (f->view, DM_FINDING_FAILED);
  dm_findings_view_set_status (f->view, -1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_groups);
  g_assert_true (dm_findings_view_get_list (f->view) == list);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_groups);
}

/* Hidden, the view asks only for the least room it needed when shown,
 * without measuring its rows, so that the window's view stack does not
 * measure them when an export is opened on another page, and the window
 * still cannot be made too small for the view. */
static void
test_measured_when_shown (Fixture       *f,
                          gconstpointer  data)
{
  int minimum, natural, shown_minimum, shown_natural;

  test_spin_for (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &shown_minimum, &shown_natural, NULL, NULL);
  g_assert_cmpint (shown_minimum, >, 0);
  g_assert_cmpint (shown_natural, >, shown_minimum);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-explore", NULL));
  test_spin_for (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  /* Its rows change while it is hidden. */
  dm_findings_view_set_status (f->view, -1);
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, shown_minimum);
  g_assert_cmpint (natural, ==, shown_minimum);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  test_spin_for (100);
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, minimum);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties are only kept, to be read back, by GTK's test
   * context: the build's test environment says GTK_A11Y=none. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/findings-view/status-severity", test_status_severity);
  ADD ("/findings-view/value-filters", test_value_filters);
  ADD ("/findings-view/groups-worst-first", test_groups_worst_first);
  ADD ("/findings-view/detail", test_detail);
  ADD ("/findings-view/activate", test_activate);
  ADD ("/findings-view/row-names", test_row_names);
  ADD ("/findings-view/details-groups", test_details_groups);
  ADD ("/findings-view/changes-filter", test_changes_filter);
  ADD ("/findings-view/details-changes", test_details_changes);
  ADD ("/findings-view/rows-in-parts", test_rows_in_parts);
  ADD ("/findings-view/measured-when-shown", test_measured_when_shown);
#undef ADD

  return test_window_run ();
}
