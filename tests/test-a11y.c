/* test-a11y.c: what assistive technology is told, and where focus goes
 *
 * Runs with GTK's test accessibility backend (GTK_A11Y=test), which keeps
 * every accessible property so that it can be read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-window-fixture.h"
#include "test-util.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dm-application.h"
#include "dm-diagram.h"
#include "dm-diagram-band.h"
#include "dm-diff.h"
#include "dm-window-private.h"

typedef struct
{
  DmWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = test_window_new ();
  test_spin_for (50);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static gboolean
assessment_ready (DmWindow *window)
{
  return dm_window_get_assessment (window) != NULL;
}

static void
spin_until (gboolean (*done) (DmWindow *), DmWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);

  while (!done (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
open_demo (Fixture *f)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  dm_window_open_exports (f->window, &file, 1);
  spin_until (assessment_ready, f->window);
  test_spin_for (50);
}

static GtkListBox *
find_service_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found;
      GtkListBoxRow *row = GTK_IS_LIST_BOX (child) ? gtk_list_box_get_row_at_index (GTK_LIST_BOX (child), 5) : NULL;

      /* Rows that hold a service: other pages have long lists too. */
      if (row != NULL && g_object_get_data (G_OBJECT (row), "service") != NULL)
        return GTK_LIST_BOX (child);
      if ((found = find_service_list (child)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      g_autofree char *placeholder = NULL;

      if (GTK_IS_SEARCH_ENTRY (child))
        g_object_get (child, "placeholder-text", &placeholder, NULL);
      /* The sidebar's, not the Findings view's. */
      if (g_strcmp0 (placeholder, "Search services") == 0)
        return child;
      if ((found = find_search_entry (child)))
        return found;
    }
  return NULL;
}

static GtkListBoxRow *
service_row (Fixture    *f,
             const char *id)
{
  GtkListBox *list = find_service_list (GTK_WIDGET (f->window));
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      DmService *service = g_object_get_data (G_OBJECT (row), "service");

      if (service != NULL && g_str_equal (dm_service_get_id (service), id))
        return row;
    }
  g_assert_not_reached ();
}

static gboolean
focus_is_inside (Fixture   *f,
                 GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* A row says its service and, with an export, what its badge means. */
static void
test_sidebar_names (Fixture       *f,
                    gconstpointer  data)
{
  DmAssessment *assessment;
  DmService *ec2;
  const DmLayerResult *results;
  DmSeverity worst = DM_SEVERITY_UNKNOWN;
  g_autofree char *expected = NULL;
  guint gaps;

  /* Without an export: the name alone, never a status. */
  gtk_test_accessible_assert_property (service_row (f, "sqs"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Amazon SQS");

  open_demo (f);
  assessment = dm_window_get_assessment (f->window);
  ec2 = dm_model_find_service (dm_window_get_model (f->window), "ec2");
  gaps = dm_assessment_get_service_gaps (assessment, ec2);
  results = dm_assessment_get_service_results (assessment, ec2);
  for (guint i = 0; i < dm_model_get_n_layers (dm_window_get_model (f->window)); i++)
    if (results[i].status == DM_LAYER_GAP)
      worst = MAX (worst, results[i].worst);
  g_assert_cmpuint (gaps, >, 1);
  g_assert_cmpint (worst, >=, DM_SEVERITY_MEDIUM);
  expected = g_strdup_printf ("Amazon EC2: %u failed findings, worst: %s", gaps, dm_severity_to_label (worst));
  gtk_test_accessible_assert_property (service_row (f, "ec2"), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* Return on a row opens that row's service, not the one selected
 * before, and takes the keyboard to its diagram. */
static void
test_sidebar_return (Fixture       *f,
                     gconstpointer  data)
{
  GtkListBoxRow *s3 = service_row (f, "s3");

  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ec2");
  gtk_widget_grab_focus (GTK_WIDGET (s3));
  gtk_widget_activate (GTK_WIDGET (s3));
  test_spin_for (50);
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
  g_assert_true (focus_is_inside (f, dm_window_get_diagram (f->window)));

  /* The same after the arrow keys moved the selection there first, and
   * with an export open (its rows are rebuilt). */
  open_demo (f);
  s3 = service_row (f, "ebs");
  gtk_list_box_select_row (find_service_list (GTK_WIDGET (f->window)), s3);
  gtk_widget_grab_focus (GTK_WIDGET (s3));
  test_spin_for (50);
  gtk_widget_activate (GTK_WIDGET (s3));
  test_spin_for (300);
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ebs");
  g_assert_true (focus_is_inside (f, dm_window_get_diagram (f->window)));

  /* The keys themselves: Down twice from EC2's row, then Return. The
   * list is the search entry's key-capture widget, so Return reaches the
   * entry first (as GtkSearchEntry's forwarding does). */
  {
    GtkListBox *list = find_service_list (GTK_WIDGET (f->window));
    gboolean handled;

    gtk_list_box_select_row (list, service_row (f, "ec2"));
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (service_row (f, "ec2"))));
    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE, &handled);
    g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE, &handled);
    test_spin_for (50);
    g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ebs");
    g_signal_emit_by_name (find_search_entry (GTK_WIDGET (f->window)), "activate");
    test_spin_for (100);
    /* Not the first match (AWS KMS heads the list), the row Return was on. */
    g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ebs");
  }

}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Down in the search entry goes to the services: the selected one, or the
 * first shown when a search hides it (GtkListBox alone gave the focus to
 * its scrolled window, a nameless "scroll pane"). */
static void
test_sidebar_down_from_search (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *entry = find_search_entry (GTK_WIDGET (f->window));
  GtkListBox *list = find_service_list (GTK_WIDGET (f->window));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean bound = FALSE;

  /* The key is bound to the action, before the entry's text sees it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          bound |= g_str_equal (trigger, "Down") && g_str_equal (action, "action(win.focus-services)");
        }
    }
  g_assert_true (bound);

  gtk_list_box_select_row (list, service_row (f, "s3"));
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_activate_action (entry, "win.focus-services", NULL));
  g_assert_true (focus_of (f) == GTK_WIDGET (service_row (f, "s3")));

  /* A search that hides S3: the first match takes the focus. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "lambda");
  test_spin_for (400);
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_activate_action (entry, "win.focus-services", NULL));
  g_assert_true (focus_of (f) == GTK_WIDGET (service_row (f, "lambda")));
}

/* Tab leaves the sidebar for the next region; it does not walk the rows
 * and so does not change the service shown. */
static void
test_sidebar_tab (Fixture       *f,
                  gconstpointer  data)
{
  GtkListBoxRow *s3 = service_row (f, "s3");
  GtkListBox *list = find_service_list (GTK_WIDGET (f->window));

  gtk_list_box_select_row (list, s3);
  gtk_widget_grab_focus (GTK_WIDGET (s3));
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  test_spin_for (20);
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
  g_assert_false (focus_is_inside (f, GTK_WIDGET (list)));
}

/* The cell stand-in of @layer_id: a child of its band's. */
static GtkWidget *
cell_widget (Fixture    *f,
             const char *layer_id)
{
  DmDiagram *diagram = DM_DIAGRAM (dm_window_get_diagram (f->window));
  DmLayer *layer = dm_model_find_layer (dm_window_get_model (f->window), layer_id);
  GtkWidget *band = dm_diagram_get_band_widget (diagram, dm_band_get_index (dm_layer_get_band (layer)));

  for (GtkWidget *child = gtk_widget_get_first_child (band); child; child = gtk_widget_get_next_sibling (child))
    if (dm_diagram_band_get_layer (DM_DIAGRAM_BAND (child)) == (int)dm_layer_get_index (layer))
      return child;
  g_assert_not_reached ();
}

/* As the keys get there: Tab into the diagram, then Down to @band. */
static void
focus_band_by_keys (Fixture   *f,
                    GtkWidget *band)
{
  GtkWidget *diagram = dm_window_get_diagram (f->window);

  g_assert_true (gtk_widget_child_focus (diagram, GTK_DIR_TAB_FORWARD));
  for (guint i = 0; i < 8 && focus_of (f) != band; i++)
    g_assert_true (gtk_widget_activate_action (diagram, "diagram.band-down", NULL));
  g_assert_true (focus_of (f) == band);
}

/* The diagram says whose it is, each band names the service, and every
 * layer cell is its own object saying its owner and status. */
static void
test_diagram_names (Fixture       *f,
                    gconstpointer  data)
{
  DmDiagram *diagram = DM_DIAGRAM (dm_window_get_diagram (f->window));
  DmModel *model = dm_window_get_model (f->window);
  DmService *ec2 = dm_model_find_service (model, "ec2");
  GtkWidget *os = dm_diagram_get_band_widget (diagram, dm_band_get_index (dm_model_find_band (model, "os")));
  guint n_cells = 0;

  open_demo (f);
  g_assert_true (dm_window_get_service (f->window) == ec2);
  gtk_test_accessible_assert_property (diagram, GTK_ACCESSIBLE_PROPERTY_LABEL, "Responsibility diagram: Amazon EC2");
  gtk_test_accessible_assert_property (os, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "EC2, Operating system: Customer, gap: 3 failed, worst high");

  /* Every layer, as its pill shows it; the reason as its description. */
  for (guint b = 0; b < dm_model_get_n_bands (model); b++)
    for (GtkWidget *c = gtk_widget_get_first_child (dm_diagram_get_band_widget (diagram, b)); c; c = gtk_widget_get_next_sibling (c))
      {
        g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (c)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
        g_assert_true (gtk_widget_get_mapped (c));
        n_cells++;
      }
  g_assert_cmpuint (n_cells, ==, dm_model_get_n_layers (model));
  gtk_test_accessible_assert_property (cell_widget (f, "os"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Guest operating system: Customer, gap: 2 failed findings, worst High");
  gtk_test_accessible_assert_property (cell_widget (f, "network_firewall"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Network and firewall configuration: Customer, gap: 1 failed finding, worst High");
  gtk_test_accessible_assert_property (cell_widget (f, "customer_data"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Customer data: Customer, no data in the export");
  gtk_test_accessible_assert_property (cell_widget (f, "aws_foundation_services"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Host and foundation services: AWS");
  gtk_test_accessible_assert_property (cell_widget (f, "os"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dm_service_get_reason (ec2, dm_model_find_layer (model, "os")));

  /* Ctrl+Page Down with the focus on a band: the band, still focused,
   * now names the next service, as does the diagram. */
  focus_band_by_keys (f, os);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-service", NULL));
  test_spin_for (20);
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ebs");
  g_assert_true (focus_of (f) == os);
  gtk_test_accessible_assert_property (diagram, GTK_ACCESSIBLE_PROPERTY_LABEL, "Responsibility diagram: Amazon EBS");
  gtk_test_accessible_assert_property (os, GTK_ACCESSIBLE_PROPERTY_LABEL, "EBS, Operating system: Mixed: Customer / Not applicable, no data in the export");
  gtk_test_accessible_assert_property (cell_widget (f, "os"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Guest operating system: Customer, no data in the export");
  gtk_test_accessible_assert_property (cell_widget (f, "network_firewall"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Network and firewall configuration: Not applicable");
}

/* Right walks a band's cells, selecting each layer, Left walks back to
 * the band; a cell leaves the Tab chain once the focus leaves it. */
static void
test_diagram_cells_keys (Fixture       *f,
                         gconstpointer  data)
{
  DmDiagram *diagram = DM_DIAGRAM (dm_window_get_diagram (f->window));
  DmModel *model = dm_window_get_model (f->window);
  GtkWidget *os = dm_diagram_get_band_widget (diagram, dm_band_get_index (dm_model_find_band (model, "os")));
  GtkWidget *guest = NULL, *firewall = NULL;

  open_demo (f);
  guest = cell_widget (f, "os");
  firewall = cell_widget (f, "network_firewall");
  g_assert_false (gtk_widget_get_focusable (guest));
  focus_band_by_keys (f, os);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.next-layer", NULL));
  g_assert_true (focus_of (f) == guest);
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram), ==, (int)dm_layer_get_index (dm_model_find_layer (model, "os")));
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.next-layer", NULL);
  g_assert_true (focus_of (f) == firewall);
  g_assert_false (gtk_widget_get_focusable (guest));
  /* The last cell stays put. */
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.next-layer", NULL);
  g_assert_true (focus_of (f) == firewall);
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram), ==,
                   (int)dm_layer_get_index (dm_model_find_layer (model, "network_firewall")));

  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.previous-layer", NULL);
  g_assert_true (focus_of (f) == guest);
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.previous-layer", NULL);
  g_assert_true (focus_of (f) == os);
  g_assert_false (gtk_widget_get_focusable (guest));

  /* Down from a cell goes to the band below its own. */
  gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.next-layer", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (diagram), "diagram.band-down", NULL));
  g_assert_true (focus_of (f) == dm_diagram_get_band_widget (diagram, dm_band_get_index (dm_model_find_band (model, "virtualization"))));
  g_assert_false (gtk_widget_get_focusable (guest));
}

/* Opening a service from the compare matrix lands on its diagram, not
 * on whatever button comes first in the window. */
static void
test_compare_focus (Fixture       *f,
                    gconstpointer  data)
{
  _dm_window_show_view (f->window, "compare");
  test_spin_for (20);
  g_assert_true (gtk_widget_child_focus (dm_window_get_compare (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "rds"));
  test_spin_for (20);
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_true (focus_is_inside (f, dm_window_get_diagram (f->window)));
}

static gboolean
diff_ready (DmWindow *window)
{
  return dm_window_get_diff (window) != NULL;
}

/* Compare With… ends on its summary: a bar that stays, whose button has
 * focus and carries the summary in words, naming the older file. */
static void
test_compare_with_summary (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *new_path = test_fixture_path ("diff-new.json");
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  GtkWidget *focus;

  dm_window_open_exports (f->window, &new_file, 1);
  spin_until (assessment_ready, f->window);
  dm_window_compare_with (f->window, &old_file, 1);
  spin_until (diff_ready, f->window);
  test_spin_for (20);

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.stop-comparing");
  g_assert_true (g_str_has_prefix (dm_diff_get_old_label (dm_window_get_diff (f->window)), "diff-old.json, modified "));
  {
    g_autofree char *expected = g_strdup_printf ("Since %s: 2 failed findings new, 1 fixed, %u still failing",
                                                 dm_diff_get_old_label (dm_window_get_diff (f->window)),
                                                 dm_diff_get_n_changes (dm_window_get_diff (f->window)) - 3);

    gtk_test_accessible_assert_property (focus, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }

  /* Stopping ends the comparison and does not leave focus nowhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-comparing", NULL));
  test_spin_for (20);
  g_assert_null (dm_window_get_diff (f->window));
  g_assert_false (gtk_widget_is_sensitive (focus) && gtk_widget_get_mapped (focus) &&
                  gtk_root_get_focus (GTK_ROOT (f->window)) == focus);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) != focus);
}

typedef struct
{
  char *dir;
  char *path;
  int   fd;
} Pipe;

/* An export that never ends: its reader waits until the test writes more. */
static void
pipe_open (Pipe *p)
{
  static const char head[] = "{\"Findings\": [{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"f-1\"}";

  p->dir = g_dir_make_tmp ("demarc-pipe-XXXXXX", NULL);
  p->path = g_build_filename (p->dir, "slow-export.json", NULL);
  g_assert_cmpint (mkfifo (p->path, 0600), ==, 0);
  p->fd = open (p->path, O_RDWR);
  g_assert_cmpint (p->fd, >=, 0);
  g_assert_cmpint (write (p->fd, head, strlen (head)), ==, (gssize)strlen (head));
}

static void
pipe_close (Pipe *p)
{
  g_assert_cmpint (write (p->fd, "]}", 2), ==, 2);
  close (p->fd);
  g_unlink (p->path);
  g_rmdir (p->dir);
  g_free (p->path);
  g_free (p->dir);
}

/* Cancel hides the button that had focus: focus moves into the view. */
static void
test_cancel_focus (Fixture       *f,
                   gconstpointer  data)
{
  Pipe p;
  g_autoptr(GFile) file = NULL;

  pipe_open (&p);
  file = g_file_new_for_path (p.path);
  dm_window_open_exports (f->window, &file, 1);
  test_spin_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL));
  test_spin_for (20);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (focus_is_inside (f, dm_window_get_diagram (f->window)));
  pipe_close (&p);
  test_spin_for (100);
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* An error dialog is announced with its reason, not its heading alone. */
static void
test_error_reason (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  _dm_window_show_error (f->window, "Could not open x.json", "x.json: unexpected end at byte 12");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_test_accessible_assert_property (dialog, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "x.json: unexpected end at byte 12");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Every page of every GtkStack, in the window and in presentation mode:
 * a screen reader calls a page without a name "GtkStackPage panel". */
static guint
assert_stack_pages_named (GtkWidget *widget)
{
  guint n = 0;

  /* The stacks inside menus and drop-downs are the toolkit's own. */
  if (GTK_IS_STACK (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER_MENU) == NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) == NULL)
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
          GtkStackPage *page = GTK_STACK_PAGE (item);

          /* Ours have names; the ones inside libadwaita's view switcher
           * buttons have none, and are out of reach here. */
          if (gtk_stack_page_get_name (page) == NULL)
            continue;
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("page %s of a stack in a %s in a %s has no accessible name", gtk_stack_page_get_name (page),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
          n++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += assert_stack_pages_named (child);
  return n;
}

static void
test_stack_pages_named (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *slides = NULL;
  GList *toplevels;
  guint n;

  open_demo (f);
  n = assert_stack_pages_named (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *w = toplevels; w; w = w->next)
    if (w->data != (gpointer)f->window && g_str_equal (G_OBJECT_TYPE_NAME (w->data), "DmPresentation"))
      slides = w->data;
  g_list_free (toplevels);
  g_assert_nonnull (slides);
  n += assert_stack_pages_named (slides);
  /* The window's sidebar, Overview and Findings, and the five slides. */
  g_assert_cmpuint (n, >=, 11);
  gtk_window_destroy (GTK_WINDOW (slides));
}

int
main (int   argc,
      char *argv[])
{
  /* Before GTK starts: the test backend keeps what would go on the bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/a11y/sidebar-names", test_sidebar_names);
  ADD ("/a11y/sidebar-return", test_sidebar_return);
  ADD ("/a11y/sidebar-tab", test_sidebar_tab);
  ADD ("/a11y/sidebar-down-from-search", test_sidebar_down_from_search);
  ADD ("/a11y/compare-focus", test_compare_focus);
  ADD ("/a11y/diagram-names", test_diagram_names);
  ADD ("/a11y/diagram-cells-keys", test_diagram_cells_keys);
  ADD ("/a11y/cancel-focus", test_cancel_focus);
  ADD ("/a11y/error-reason", test_error_reason);
  ADD ("/a11y/compare-with-summary", test_compare_with_summary);
  ADD ("/a11y/stack-pages-named", test_stack_pages_named);
#undef ADD
  return g_test_run ();
}
