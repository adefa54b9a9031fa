/* test-window.c: the main window, driven through its actions
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
#include "dm-compare-view.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-findings-view.h"
#include "dm-window-private.h"

typedef struct
{
  DmApplication *app;
  DmWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_no_error (error);

  /* Each test starts from the schema defaults. */
  g_settings_reset (settings, "last-service");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  /* One registered application for the whole program: a second one could
   * not export itself on the session bus under the same id. */
  f->app = shared_app;

  f->window = dm_window_new (GTK_APPLICATION (f->app));
  dm_window_set_model (f->window, model);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}


/* Runs the main loop until @done says so, or fails after five seconds. */
static void
spin_until (gboolean (*done) (Fixture *), Fixture *f)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);

  while (!done (f) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static DmDiagram *
diagram (Fixture *f)
{
  return DM_DIAGRAM (dm_window_get_diagram (f->window));
}

static DmDetailsPane *
details (Fixture *f)
{
  return DM_DETAILS_PANE (dm_window_get_details (f->window));
}


static void
test_initial_state (Fixture       *f,
                    gconstpointer  data)
{
  /* The last-service default is EC2, the IaaS example. */
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "ec2");
  g_assert_true (dm_diagram_get_service (diagram (f)) == dm_window_get_service (f->window));
  g_assert_cmpstr (dm_details_pane_get_title (details (f)), ==, "Amazon EC2");
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, dm_model_get_n_services (dm_window_get_model (f->window)));
}

static void
test_show_layer (Fixture       *f,
                 gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-compare", NULL);
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "compare");

  /* What a click on the S3 × IAM cell of the compare view does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "s3", "iam"));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
  g_assert_cmpint (dm_diagram_get_selected_band (diagram (f)), ==, dm_band_get_index (dm_model_find_band (model, "application")));
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram (f)), ==, dm_layer_get_index (dm_model_find_layer (model, "iam")));

  /* The details follow: the application band, one group per layer. */
  g_assert_cmpstr (dm_details_pane_get_title (details (f)), ==, "Application");
  g_assert_cmpuint (dm_details_pane_get_n_groups (details (f)), ==, 2);
  g_assert_true (gtk_widget_has_css_class (dm_details_pane_get_group (details (f), 1), "emphasised"));
  g_assert_false (gtk_widget_has_css_class (dm_details_pane_get_group (details (f), 0), "emphasised"));

  /* Unknown ids are ignored, not crashed on. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "nope", "iam");
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
}

static void
test_show_service (Fixture       *f,
                   gconstpointer  data)
{
  dm_diagram_set_selected_band (diagram (f), 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-compare", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "lambda");

  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "lambda");
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_cmpint (dm_diagram_get_selected_band (diagram (f)), ==, -1);
  g_assert_cmpstr (dm_details_pane_get_title (details (f)), ==, "AWS Lambda");
}

static void
test_next_previous (Fixture       *f,
                    gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);
  guint n = dm_model_get_n_services (model);

  dm_window_set_service (f->window, dm_model_get_service (model, 0));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-service", NULL);
  g_assert_true (dm_window_get_service (f->window) == dm_model_get_service (model, 1));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-service", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-service", NULL);
  /* Wraps around. */
  g_assert_true (dm_window_get_service (f->window) == dm_model_get_service (model, n - 1));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  entry = gtk_root_get_focus (GTK_ROOT (f->window));
  /* The focus lands in the search entry's text. */
  while (entry && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_parent (entry);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "LAMB");
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "amazon e");
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), >=, 5);
  gtk_editable_set_text (GTK_EDITABLE (entry), "<b>zzz</b>");
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, 0);

  /* Enter straight after typing, before the list has been filtered again,
   * opens the first match. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "s3");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "s3");
}

static gboolean
model_is_fixture (Fixture *f)
{
  return g_strcmp0 (dm_model_get_id (dm_window_get_model (f->window)), "test") == 0;
}

static void
test_open_model (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DmCompareView *compare = DM_COMPARE_VIEW (dm_window_get_compare (f->window));

  dm_window_open_model_file (f->window, file);
  spin_until (model_is_fixture, f);

  /* EC2 is not in that model: the window falls back to its first service. */
  g_assert_cmpstr (dm_service_get_id (dm_window_get_service (f->window)), ==, "vm");
  g_assert_cmpuint (dm_compare_view_get_n_rows (compare), ==, 3);
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-model", NULL);
  g_assert_cmpstr (dm_model_get_id (dm_window_get_model (f->window)), ==, "aws");
  /* The service shown before ("vm") is not in AWS: the remembered one is used. */
  g_assert_nonnull (dm_window_get_service (f->window));
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

static gboolean
dialog_shown (Fixture *f)
{
  return find_message_dialog () != NULL;
}

static void
test_open_bad_model (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("model-missing-owner.json");
  g_autofree char *expected = g_strconcat (path, ": services[0] (vm).layers[2] (firewall): “owner” is missing", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DmModel *before = dm_window_get_model (f->window);
  GtkWidget *dialog;

  dm_window_open_model_file (f->window, file);
  spin_until (dialog_shown, f);

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, expected);
  g_assert_false (adw_message_dialog_get_body_use_markup (ADW_MESSAGE_DIALOG (dialog)));
  /* Nothing half-loaded: the old model stays. */
  g_assert_true (dm_window_get_model (f->window) == before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
label_containing_in (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_containing_in (child, text))
      return TRUE;
  return FALSE;
}

/* At a Glance gives each band its layers' owners, never its first
 * layer's alone: VPC's firewall layer is the customer's, though the
 * band's first layer (the guest OS) does not apply. */
static void
test_glance_owners (Fixture       *f,
                    gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "vpc");
  g_assert_true (label_with_text_in (GTK_WIDGET (details (f)), "Mixed: Customer / Not applicable"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "ec2");
  g_assert_true (label_with_text_in (GTK_WIDGET (details (f)), "Mixed: Customer / Shared"));
}

static void
test_details_plain_text (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  dm_window_open_model_file (f->window, file);
  spin_until (model_is_fixture, f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "docs", "firewall");

  /* Markup in a model's text is shown as typed, never interpreted. */
  g_assert_true (label_with_text_in (dm_window_get_details (f->window),
                                     "You pick who may share; <b>they</b> filter & block."));
  g_assert_true (label_with_text_in (dm_window_get_details (f->window), "Cloudco Scanner"));
}

static void
test_settings_saved (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "rds");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 930, 610);
  g_assert_cmpstr (g_settings_get_string (settings, "last-service"), ==, "rds");

  /* Closing saves the size; keep the window alive for the teardown. */
  g_object_ref (f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 930);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_object_unref (f->window);
  f->window = dm_window_new (GTK_APPLICATION (f->app));
}

static void
test_toggle_details (Fixture       *f,
                     gconstpointer  data)
{
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (dm_window_get_details (f->window), ADW_TYPE_FLAP));
  gboolean revealed = adw_flap_get_reveal_flap (flap);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-details", NULL));
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), !=, revealed);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-details", NULL);
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, revealed);
}

static gboolean
assessment_ready (Fixture *f)
{
  return dm_window_get_assessment (f->window) != NULL;
}

static gboolean
import_finished (Fixture *f)
{
  return !dm_window_get_importing (f->window);
}

static void
open_demo (Fixture *f)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  dm_window_open_exports (f->window, &file, 1);
  spin_until (assessment_ready, f);
}

/* At the default size, with an export open, the sidebar stays beside
 * the views: no page of the view stack is so wide that the window folds
 * it away (the overview's two columns once did, at 1100 px). */
static void
test_default_size_unfolded (Fixture       *f,
                            gconstpointer  data)
{
  open_demo (f);
  test_spin_for (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1100);
  g_assert_false (adw_leaflet_get_folded (f->window->leaflet));
}

/* At the default size the overview fits its page: nothing of the top
 * risks hides past the right edge, as it did while the "…and N more"
 * line did not wrap. */
static void
test_overview_fits (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *scrolled;
  GtkAdjustment *h;

  open_demo (f);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "overview");
  test_spin_for (200);
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (f->window->overview), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (h), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h));
}

static void
test_open_export (Fixture       *f,
                  gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);
  DmAssessment *assessment;

  open_demo (f);
  assessment = dm_window_get_assessment (f->window);

  /* The diagram and the list follow the export. */
  g_assert_true (dm_diagram_get_assessment (diagram (f)) == assessment);
  g_assert_cmpuint (dm_assessment_get_n_failed (assessment), ==, 23);
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, 11);
  g_assert_false (dm_assessment_has_service (assessment, dm_model_find_service (model, "sqs")));

  /* The compare matrix shows the export's statuses by symbol too. */
  {
    DmCompareView *compare = DM_COMPARE_VIEW (dm_window_get_compare (f->window));
    GtkWidget *ec2_os = dm_compare_view_get_cell (compare, "ec2", "os");
    GtkWidget *sqs_os = dm_compare_view_get_cell (compare, "sqs", "network_firewall");

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ec2_os)), ==, "⚠ Customer");
    g_assert_false (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (sqs_os)), "?"));
  }

  /* Showing every service is one action away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-services", NULL));
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, dm_model_get_n_services (model));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-all-services", NULL);
  g_assert_cmpuint (dm_window_get_n_visible_services (f->window), ==, 11);
}

static void
open_fixtures (Fixture           *f,
               const char * const *names)
{
  GFile *files[8];
  guint n = 0;

  for (; names[n]; n++)
    {
      g_autofree char *path = test_fixture_path (names[n]);

      g_assert_cmpuint (n, <, G_N_ELEMENTS (files));
      files[n] = g_file_new_for_path (path);
    }
  dm_window_open_exports (f->window, files, n);
  spin_until (assessment_ready, f);
  for (guint i = 0; i < n; i++)
    g_object_unref (files[i]);
}

/* Opens every expander, as a user reading all findings would. */
static void
expand_all (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    gtk_expander_set_expanded (GTK_EXPANDER (widget), TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

/* The details of a service, before a band is chosen, say for every input
 * how its items were used, in numbers that add up, with the reasons for
 * those not read; a file that gave nothing says so. */
static void
test_import_summary (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const names[] = { "prowler-ocsf-multicloud.json", "cli-unknown.json", "prowler-ocsf.json", NULL };
  GtkWidget *pane = dm_window_get_details (f->window);

  open_fixtures (f, names);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "s3");
  g_assert_cmpint (dm_diagram_get_selected_band (diagram (f)), ==, -1);

  g_assert_true (label_with_text_in (pane, "What Was Read"));
  g_assert_true (label_with_text_in (pane, "prowler-ocsf-multicloud.json"));
  g_assert_true (label_with_text_in (pane, "7 items: 1 failed, 1 passed, 1 informational, 0 suppressed, "
                                           "0 duplicates, 4 not AWS, 0 not read"));
  g_assert_true (label_with_text_in (pane, "5 items: 2 failed, 1 passed, 1 informational, 1 suppressed, "
                                           "0 duplicates, 0 not AWS, 0 not read"));
  /* The file that gave nothing, once, with its reason behind an expander. */
  g_assert_true (label_with_text_in (pane, "cli-unknown.json"));
  g_assert_true (label_with_text_in (pane, "1 item: 0 failed, 0 passed, 0 informational, 0 suppressed, "
                                           "0 duplicates, 0 not AWS, 1 not read"));
  g_assert_true (label_with_text_in (pane, "Nothing read from this file."));
  g_assert_true (label_with_text_in (pane, "1 not read: why"));
  expand_all (pane);
  g_assert_true (label_with_text_in (pane, "1 × no Demarc check reads this yet (its keys: SomethingElse)"));
  /* The total line: 13 items, every one accounted for. */
  g_assert_true (label_with_text_in (pane, "All inputs"));
  g_assert_true (label_with_text_in (pane, "13 items: 3 failed, 2 passed, 2 informational, 1 suppressed, "
                                           "0 duplicates, 4 not AWS, 1 not read"));
  {
    /* How many fall off the model's services is the model's business. */
    g_autofree char *findings = g_strdup_printf ("3 failed, 2 passed, 2 informational, 1 suppressed; %u not mapped to a layer. "
                                                 "Only failed findings make gaps.",
                                                 dm_assessment_get_n_unmapped (dm_window_get_assessment (f->window)));

    g_assert_true (label_with_text_in (pane, findings));
  }

  /* The same list from any view, in the header's popover (Ctrl+I), whose
   * button turns red when a file gave nothing. */
  {
    GtkWidget *button = dm_window_get_inputs_button (f->window);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

    g_assert_true (gtk_widget_get_visible (button));
    g_assert_true (gtk_widget_has_css_class (button, "error"));
    g_assert_true (label_with_text_in (popover, "Nothing read from this file."));
    g_assert_true (label_with_text_in (popover, "13 items: 3 failed, 2 passed, 2 informational, 1 suppressed, "
                                                "0 duplicates, 4 not AWS, 1 not read"));
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-inputs", NULL));
    test_spin_for (100);
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

/* An export whose every file was read shows the button without alarm. */
static void
test_import_summary_all_read (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *button = dm_window_get_inputs_button (f->window);

  g_assert_false (gtk_widget_get_visible (button));
  open_demo (f);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_has_css_class (button, "error"));
  g_assert_false (label_with_text_in (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                      "Nothing read from this file."));
}

/* The status filter lists exactly the findings of the status chosen:
 * informational and suppressed ones are listed, never hidden. */
static void
test_findings_status_filter (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const names[] = { "prowler-ocsf-multicloud.json", "prowler-ocsf.json", NULL };
  DmFindingsView *view = DM_FINDINGS_VIEW (dm_window_get_findings (f->window));
  GListModel *shown = dm_findings_view_get_shown (view);
  static const guint expected[DM_N_FINDING_STATUSES] = {
    [DM_FINDING_FAILED] = 3, [DM_FINDING_PASSED] = 2, [DM_FINDING_INFORMATIONAL] = 2, [DM_FINDING_SUPPRESSED] = 1,
  };
  DmAssessment *assessment;

  open_fixtures (f, names);
  assessment = dm_window_get_assessment (f->window);
  /* Failed by default. */
  g_assert_cmpint (dm_findings_view_get_status (view), ==, DM_FINDING_FAILED);

  for (int status = 0; status < DM_N_FINDING_STATUSES; status++)
    {
      dm_findings_view_set_status (view, status);
      g_assert_cmpint (dm_findings_view_get_status (view), ==, status);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected[status]);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, dm_assessment_count_status (assessment, status));
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (shown, i);

          g_assert_cmpint (dm_finding_get_status (finding), ==, status);
        }
    }
  dm_findings_view_set_status (view, -1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    g_list_model_get_n_items (dm_assessment_get_findings (assessment)));
}

static void
test_export_details (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *pane = dm_window_get_details (f->window);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);

  open_demo (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "ec2", "os");

  /* The layer's status in words, and its findings with their evidence
   * (IMDSv1 and SSH brute force; the public IP is on the network layer). */
  g_assert_true (label_with_text_in (pane, "⚠ Gap: 2 failed findings, worst high"));
  g_assert_true (label_with_text_in (pane, "Repeated SSH login attempts against an instance"));
  g_assert_false (label_with_text_in (pane, "HttpTokens is optional."));
  expand_all (pane);
  g_assert_true (label_with_text_in (pane, "HttpTokens is optional."));
  g_assert_true (label_with_text_in (pane, dm_catalogue_find_check (catalogue, "OS-03")->remediation));
  /* The other layer of the band: the instance's public IP. */
  g_assert_true (label_with_text_in (pane, "⚠ Gap: 1 failed finding, worst high"));

  /* Nothing in the demo covers EC2's applications. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "ec2", "platform_apps");
  g_assert_true (label_with_text_in (pane, "? No data: nothing in the export covers this layer, so it is not known to be safe"));
}

static GtkListBox *
find_service_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found;

      if (GTK_IS_LIST_BOX (child) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (child), 20) != NULL)
        return GTK_LIST_BOX (child);
      if ((found = find_service_list (child)))
        return found;
    }
  return NULL;
}

/* Without an export the sidebar lists every service, each group of the
 * model once, in the model's order, with a heading of its name. */
static void
test_sidebar_groups (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  GtkListBox *list;
  GtkListBoxRow *row;
  guint rows = 0, headings = 0, last = 0;

  test_spin_for (100);
  list = find_service_list (GTK_WIDGET (f->window));
  g_assert_nonnull (list);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);

      rows++;
      if (header != NULL)
        {
          const char *text = gtk_label_get_text (GTK_LABEL (header));
          guint g;

          for (g = 0; g < dm_model_get_n_groups (model); g++)
            if (g_str_equal (dm_model_get_group (model, g)->name, text))
              break;
          g_assert_cmpuint (g, <, dm_model_get_n_groups (model));
          /* In the model's order: each heading comes after the last. */
          g_assert_true (headings == 0 || g > last);
          last = g;
          headings++;
        }
    }
  g_assert_cmpuint (rows, ==, dm_model_get_n_services (model));
  g_assert_cmpuint (headings, ==, dm_model_get_n_groups (model));
}

/* Every input format opens in the window and draws its gaps: the diagram
 * shows a service of the export, and some layer of the export has a gap. */
static void
test_every_format (Fixture       *f,
                   gconstpointer  data)
{
  const char *fixtures[] = {
    "asff-mixed.json", "prowler-ocsf-scan.json", "prowler-asff-scan.json", "prowler-v2.ndjson", "prowler-v5.csv",
    "scoutsuite-items.js", "config-evaluations.json", "config-snapshot.json", "config-compliance-by-resource.json",
    "config-conformance-pack-details.json", "guardduty-findings.json", "inspector2-findings.json",
    "access-analyzer-findings.json", "macie-findings.json", "cloudsploit.json", "trusted-advisor-check.json",
    "bundle-more-checks.json", "cli-security-groups.json", "cloudmapper",
  };
  DmModel *model = dm_window_get_model (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      const char *names[] = { fixtures[i], NULL };
      DmAssessment *assessment;
      DmService *shown;
      guint gaps = 0;

      g_test_message ("%s", fixtures[i]);
      open_fixtures (f, names);
      spin_until (import_finished, f);
      assessment = dm_window_get_assessment (f->window);
      g_assert_nonnull (assessment);

      for (guint s = 0; s < dm_model_get_n_services (model); s++)
        {
          DmService *service = dm_model_get_service (model, s);

          if (!dm_assessment_has_service (assessment, service))
            continue;
          for (guint l = 0; l < dm_model_get_n_layers (model); l++)
            gaps += dm_assessment_get_result (assessment, service, dm_model_get_layer (model, l))->status == DM_LAYER_GAP;
        }
      g_assert_cmpuint (gaps, >, 0);

      shown = dm_diagram_get_service (diagram (f));
      g_assert_nonnull (shown);
      g_assert_true (dm_assessment_has_service (assessment, shown));
    }
}

static void
test_findings_view (Fixture       *f,
                    gconstpointer  data)
{
  DmFindingsView *view = DM_FINDINGS_VIEW (dm_window_get_findings (f->window));
  GListModel *shown = dm_findings_view_get_shown (view);
  g_autoptr(DmFinding) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  open_demo (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "findings");

  /* Failed findings by default, the worst first. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 23);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpint (dm_finding_get_severity (first), ==, DM_SEVERITY_CRITICAL);

  dm_findings_view_set_failed_only (view, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 33);

  /* Search reaches resources, and is case-insensitive. */
  dm_findings_view_set_failed_only (view, TRUE);
  dm_findings_view_set_search (view, "MARKETING-assets");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  dm_findings_view_set_search (view, "CIS 3.0 5.6");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  dm_findings_view_set_search (view, "<no such thing>");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* Services and layers by name, as the rest of the window shows them. */
  dm_findings_view_set_search (view, "");
  test_spin_for (300);
  g_assert_true (label_with_text_in (GTK_WIDGET (view), "Identity and access management"));
  g_assert_false (label_with_text_in (GTK_WIDGET (view), "network_firewall"));
}

static DmModel *model_before;

/* The window shows another model, with the export assessed against it,
 * redacted or not as the window is. */
static gboolean
model_changed (Fixture *f)
{
  DmReport *report = dm_window_get_report (f->window);

  return dm_window_get_model (f->window) != model_before && report != NULL &&
         dm_report_get_model (report) == dm_window_get_model (f->window) &&
         dm_report_get_redacted (report) == dm_window_get_redact (f->window);
}

static void
test_export_survives_model_change (Fixture       *f,
                                   gconstpointer  data)
{
  DmAssessment *assessment;

  open_demo (f);
  model_before = dm_window_get_model (f->window);
  assessment = dm_window_get_assessment (f->window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-model", NULL);

  /* The export is assessed against the new model on a worker: until then
   * the old model shows, with its own assessment. */
  g_assert_true (dm_window_get_model (f->window) == model_before);
  g_assert_true (dm_window_get_assessment (f->window) == assessment);
  spin_until (model_changed, f);

  /* A new model gets a new assessment of the same findings. */
  g_assert_true (dm_window_get_assessment (f->window) != assessment);
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (f->window)), ==, 23);

  /* Redacting while the new model is being assessed: the model comes,
   * with the redaction asked for. */
  model_before = dm_window_get_model (f->window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reset-model", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  spin_until (model_changed, f);
  test_spin_for (200);
  g_assert_true (model_changed (f));
  g_assert_true (dm_report_get_redacted (dm_window_get_report (f->window)));
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (f->window)), ==, 23);
}

static void
test_open_bad_export (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = test_fixture_path ("model-truncated.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  dm_window_open_exports (f->window, &file, 1);
  spin_until (dialog_shown, f);

  dialog = find_message_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_false (adw_message_dialog_get_body_use_markup (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_null (dm_window_get_assessment (f->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A FIFO keeps an import running for as long as the test wants: the
 * worker waits on it until the test writes more. */
typedef struct
{
  char *dir;
  char *path;
  int   fd;
} Pipe;

static void
pipe_open (Pipe *p)
{
  static const char head[] =
    "{\"Findings\": [{\"SchemaVersion\": \"2018-10-08\", \"Id\": \"f-1\", \"AwsAccountId\": \"111122223333\", "
    "\"Title\": \"x\", \"Compliance\": {\"Status\": \"FAILED\", \"SecurityControlId\": \"S3.8\"}, "
    "\"Severity\": {\"Label\": \"HIGH\"}, \"Resources\": [{\"Type\": \"AwsS3Bucket\", \"Id\": \"arn:aws:s3:::b\"}]}";

  p->dir = g_dir_make_tmp ("demarc-pipe-XXXXXX", NULL);
  p->path = g_build_filename (p->dir, "slow-export.json", NULL);
  g_assert_cmpint (mkfifo (p->path, 0600), ==, 0);
  /* O_RDWR does not wait for a reader, and keeps the FIFO from EOF. */
  p->fd = open (p->path, O_RDWR);
  g_assert_cmpint (p->fd, >=, 0);
  g_assert_cmpint (write (p->fd, head, strlen (head)), ==, (gssize)strlen (head));
}

static void
pipe_close (Pipe *p)
{
  static const char more[] = ", {\"SchemaVersion\": \"2018-10-08\"}";

  /* Wakes the worker, which then sees it was cancelled. */
  g_assert_cmpint (write (p->fd, more, strlen (more)), ==, (gssize)strlen (more));
  close (p->fd);
  g_unlink (p->path);
  g_rmdir (p->dir);
  g_free (p->path);
  g_free (p->dir);
}

static gboolean
progress_shown (Fixture *f)
{
  return g_str_has_prefix (dm_window_get_progress_text (f->window), "Reading slow-export.json");
}

static void
test_cancel_import (Fixture       *f,
                    gconstpointer  data)
{
  Pipe p;
  g_autoptr(GFile) file = NULL;

  pipe_open (&p);
  file = g_file_new_for_path (p.path);
  dm_window_open_exports (f->window, &file, 1);
  g_assert_true (dm_window_get_importing (f->window));

  /* Bytes and items read show while the worker waits. */
  spin_until (progress_shown, f);
  g_assert_true (g_str_has_suffix (dm_window_get_progress_text (f->window), " items"));

  /* The window lets go at once, though the worker still waits on the pipe. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL));
  g_assert_true (import_finished (f));

  /* When the worker wakes, nothing half-read is shown, and no error. */
  pipe_close (&p);
  test_spin_for (200);
  g_assert_null (dm_window_get_assessment (f->window));
  g_assert_null (find_message_dialog ());
}

static void
test_second_open_replaces_first (Fixture       *f,
                                 gconstpointer  data)
{
  Pipe p;
  g_autoptr(GFile) file = NULL;

  pipe_open (&p);
  file = g_file_new_for_path (p.path);
  dm_window_open_exports (f->window, &file, 1);
  spin_until (progress_shown, f);

  /* The demo opens while the first import still waits on its FIFO. */
  open_demo (f);
  g_assert_false (dm_window_get_importing (f->window));
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (f->window)), ==, 23);

  /* The first, cancelled, finishing late changes nothing. */
  pipe_close (&p);
  test_spin_for (200);
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (f->window)), ==, 23);
  g_assert_null (find_message_dialog ());
}

static char *recent_wanted;

static gboolean
recent_listed (Fixture *f)
{
  GMenuModel *menu = dm_window_get_recent_menu (f->window);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target && g_str_equal (g_variant_get_string (target, NULL), recent_wanted))
        return TRUE;
    }
  return FALSE;
}

static void
test_recent_exports (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *recent_file = NULL;
  DmWindow *second;
  GMenuModel *menu;

  /* Recent files go to a temporary folder, never the user's or the build
   * folder (tests/test-gtk.h). */
  g_object_get (gtk_recent_manager_get_default (), "filename", &recent_file, NULL);
  g_assert_true (g_str_has_prefix (recent_file, g_get_tmp_dir ()));

  recent_wanted = g_file_get_uri (file);
  open_demo (f);
  spin_until (recent_listed, f);

  /* The label is the file's name, with underscores kept literal. */
  menu = dm_window_get_recent_menu (f->window);
  {
    g_autofree char *label = NULL;

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_equal (label, "demo-export.json"))
        break;
      else
        g_clear_pointer (&label, g_free);
    g_assert_cmpstr (label, ==, "demo-export.json");
  }

  /* Another window offers it too, and opening it from there works. */
  second = dm_window_new (GTK_APPLICATION (f->app));
  dm_window_set_model (second, dm_window_get_model (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.open-recent", "s", recent_wanted));
  while (dm_window_get_assessment (second) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (second)), ==, 23);
  gtk_window_destroy (GTK_WINDOW (second));
  g_clear_pointer (&recent_wanted, g_free);
}

static gboolean
report_redacted (Fixture *f)
{
  DmReport *report = dm_window_get_report (f->window);

  return report && dm_report_get_redacted (report) == dm_window_get_redact (f->window);
}

static void
test_redact (Fixture       *f,
             gconstpointer  data)
{
  DmFindingsView *view = DM_FINDINGS_VIEW (dm_window_get_findings (f->window));
  GListModel *shown = dm_findings_view_get_shown (view);
  GtkWidget *pane = dm_window_get_details (f->window);

  open_demo (f);
  dm_findings_view_set_failed_only (view, FALSE);
  dm_findings_view_set_search (view, "marketing-assets");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL));
  g_assert_true (dm_window_get_redact (f->window));
  spin_until (report_redacted, f);

  /* The same 23 gaps, but nothing names the bucket or the account. */
  g_assert_cmpuint (dm_assessment_get_n_failed (dm_window_get_assessment (f->window)), ==, 23);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  dm_findings_view_set_search (view, "111122223333");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  dm_findings_view_set_search (view, "bucket-");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-layer", "(ss)", "s3", "customer_data");
  expand_all (pane);
  g_assert_false (label_containing_in (pane, "marketing-assets"));
  g_assert_true (label_containing_in (pane, "bucket-"));

  /* And back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  spin_until (report_redacted, f);
  dm_findings_view_set_search (view, "marketing-assets");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
}

typedef struct
{
  GThread *thread;  /* where the report was freed */
  gboolean freed;
} Freed;

static void
report_freed_cb (gpointer  data,
                 GObject  *where)
{
  Freed *freed = data;

  freed->thread = g_thread_self ();
  g_atomic_int_set (&freed->freed, TRUE);
}

static gboolean
report_freed (gpointer data)
{
  return g_atomic_int_get (&((Freed *)data)->freed);
}

/* A report replaced (here by its redacted twin) is freed off the main
 * thread: a large export's findings took a fifth of a second to free,
 * the window frozen meanwhile. */
static void
test_report_freed_elsewhere (Fixture       *f,
                             gconstpointer  data)
{
  Freed freed = { NULL, FALSE };
  gint64 until;

  if (dm_default_workers () < 2)
    {
      g_test_skip ("one worker (one processor or DEMARC_WORKERS=1): a report is freed where it is dropped");
      return;
    }
  open_demo (f);
  g_object_weak_ref (G_OBJECT (dm_window_get_report (f->window)), report_freed_cb, &freed);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  spin_until (report_redacted, f);
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!report_freed (&freed) && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (report_freed (&freed));
  g_assert_true (freed.thread != g_thread_self ());
}

static guint exports_wanted;

static gboolean
exports_done (Fixture *f)
{
  return dm_window_get_n_exports (f->window) >= exports_wanted || find_message_dialog () != NULL;
}

static void
test_export_and_print (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-export-XXXXXX", NULL);
  g_autofree char *html_path = g_build_filename (dir, "report.html", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "ec2.svg", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autofree char *html = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  open_demo (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  spin_until (report_redacted, f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "ec2");

  /* What the window shows is what is exported: redacted here. */
  exports_wanted = dm_window_get_n_exports (f->window) + 2;
  dm_window_export (f->window, html_file, FALSE);
  dm_window_export (f->window, svg_file, TRUE);
  spin_until (exports_done, f);
  g_assert_null (find_message_dialog ());

  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "identifiers redacted"));
  g_assert_null (strstr (html, "111122223333"));
  g_assert_null (strstr (html, "marketing-assets"));
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "width=\"560px\""));

  /* On the Compare view, the diagram exported is the matrix. */
  {
    g_autofree char *matrix_path = g_build_filename (dir, "matrix.svg", NULL);
    g_autoptr(GFile) matrix_file = g_file_new_for_path (matrix_path);
    g_autofree char *matrix = NULL;

    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-compare", NULL);
    exports_wanted = dm_window_get_n_exports (f->window) + 1;
    dm_window_export (f->window, matrix_file, TRUE);
    spin_until (exports_done, f);
    g_assert_true (g_file_get_contents (matrix_path, &matrix, NULL, NULL));
    g_assert_nonnull (strstr (matrix, "width=\"966px\""));
    g_unlink (matrix_path);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-explore", NULL);
  }

  /* A report takes .html, .md or .pdf, as demarc-check's --report does: a
   * report named .svg is refused, not written as the diagram grid. */
  {
    g_autofree char *wrong_path = g_build_filename (g_get_tmp_dir (), "demarc-report-as.svg", NULL);
    g_autoptr(GFile) wrong = g_file_new_for_path (wrong_path);
    GtkWidget *dialog;

    g_unlink (wrong_path);
    dm_window_export (f->window, wrong, FALSE);
    spin_until (dialog_shown, f);
    dialog = find_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ".html, .md or .pdf"));
    g_assert_false (g_file_test (wrong_path, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Printing, exported to PDF instead of a printer: a page per service. */
  g_assert_true (dm_window_print (f->window, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  {
    g_autoptr(GRegex) regex = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
    g_autoptr(GMatchInfo) info = NULL;
    guint pages = 0;

    g_regex_match_full (regex, pdf, length, 0, 0, &info, NULL);
    for (; g_match_info_matches (info); g_match_info_next (info, NULL))
      pages++;
    g_assert_cmpuint (pages, ==, 11);
  }

  g_unlink (html_path);
  g_unlink (svg_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

static gboolean
diff_ready (Fixture *f)
{
  return dm_window_get_diff (f->window) != NULL || find_message_dialog () != NULL;
}

static guint
count_css_class (GtkWidget  *widget,
                 const char *name)
{
  guint n = gtk_widget_has_css_class (widget, name) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_css_class (child, name);
  return n;
}

static void
test_compare_with (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *new_path = test_fixture_path ("diff-new.json");
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  DmChangeCounts totals;

  dm_window_open_exports (f->window, &new_file, 1);
  spin_until (assessment_ready, f);
  g_assert_null (dm_window_get_diff (f->window));

  /* EC2 passed its one check but its other layers have no data: the list
   * says "?", not "✓". */
  g_assert_cmpuint (count_css_class (GTK_WIDGET (f->window), "ok-badge"), ==, 0);
  g_assert_cmpuint (count_css_class (GTK_WIDGET (f->window), "no-data-badge"), >=, 1);

  /* A cancelled open in between must not cancel the comparison too. */
  {
    Pipe p;
    g_autoptr(GFile) slow = NULL;

    pipe_open (&p);
    slow = g_file_new_for_path (p.path);
    dm_window_open_exports (f->window, &slow, 1);
    spin_until (progress_shown, f);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL);
    pipe_close (&p);
  }

  dm_window_compare_with (f->window, &old_file, 1);
  spin_until (diff_ready, f);
  g_assert_null (find_message_dialog ());

  /* The diagram marks what changed since the older export. */
  dm_diff_get_totals (dm_window_get_diff (f->window), &totals);
  g_assert_cmpuint (totals.opened, ==, 2);
  g_assert_cmpuint (totals.closed, ==, 1);
  g_assert_true (dm_diagram_get_diff (diagram (f)) == dm_window_get_diff (f->window));

  /* Redacting rebuilds what is shown: the comparison, of the old view, ends. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  spin_until (report_redacted, f);
  g_assert_null (dm_window_get_diff (f->window));
  g_assert_null (dm_diagram_get_diff (diagram (f)));

  /* Compared while redacted, pseudonyms match the window's. */
  dm_window_compare_with (f->window, &old_file, 1);
  spin_until (diff_ready, f);
  for (guint i = 0; i < dm_diff_get_n_changes (dm_window_get_diff (f->window)); i++)
    g_assert_null (strstr (dm_finding_get_resource (dm_diff_get_change (dm_window_get_diff (f->window), i, NULL)),
                           "111122223333"));
}

/* The report exported while comparing has a changes section naming both
 * files; after Stop Comparing it has none. */
static void
test_compare_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *new_path = test_fixture_path ("diff-new.json");
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autofree char *dir = g_dir_make_tmp ("demarc-export-XXXXXX", NULL);
  g_autofree char *html_path = g_build_filename (dir, "report.html", NULL);
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autofree char *html = NULL;
  g_autofree char *after = NULL;
  const char *changes;

  dm_window_open_exports (f->window, &new_file, 1);
  spin_until (assessment_ready, f);
  dm_window_compare_with (f->window, &old_file, 1);
  spin_until (diff_ready, f);

  exports_wanted = dm_window_get_n_exports (f->window) + 1;
  dm_window_export (f->window, html_file, FALSE);
  spin_until (exports_done, f);
  g_assert_null (find_message_dialog ());
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  changes = strstr (html, "<section id=\"changes\">");
  g_assert_nonnull (changes);
  g_assert_nonnull (strstr (changes, "Older export: <strong>diff-old.json"));
  g_assert_nonnull (strstr (changes, "This export: <strong>diff-new.json"));
  g_assert_true (strstr (changes, "Function thumbnailer is public") < strstr (changes, "A custom check nobody maps"));
  g_assert_true (strstr (changes, "A custom check nobody maps") < strstr (changes, "Instance accepts IMDSv1"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-comparing", NULL);
  exports_wanted = dm_window_get_n_exports (f->window) + 1;
  dm_window_export (f->window, html_file, FALSE);
  spin_until (exports_done, f);
  g_assert_true (g_file_get_contents (html_path, &after, NULL, NULL));
  g_assert_null (strstr (after, "id=\"changes\""));
  g_unlink (html_path);
  g_rmdir (dir);
}

static void
test_help_overlay (Fixture       *f,
                   gconstpointer  data)
{
  /* AdwApplication loads gtk/help-overlay.ui from the resource base path. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "quit"));
}

int
main (int   argc,
      char *argv[])
{
  test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/import-summary", test_import_summary);
  ADD ("/window/import-summary-all-read", test_import_summary_all_read);
  ADD ("/window/findings-status-filter", test_findings_status_filter);
  ADD ("/window/initial-state", test_initial_state);
  ADD ("/window/show-layer", test_show_layer);
  ADD ("/window/show-service", test_show_service);
  ADD ("/window/glance-owners", test_glance_owners);
  ADD ("/window/default-size-unfolded", test_default_size_unfolded);
  ADD ("/window/overview-fits", test_overview_fits);
  ADD ("/window/report-freed-elsewhere", test_report_freed_elsewhere);
  ADD ("/window/next-previous", test_next_previous);
  ADD ("/window/search", test_search);
  ADD ("/window/open-model", test_open_model);
  ADD ("/window/open-bad-model", test_open_bad_model);
  ADD ("/window/details-plain-text", test_details_plain_text);
  ADD ("/window/settings-saved", test_settings_saved);
  ADD ("/window/toggle-details", test_toggle_details);
  ADD ("/window/help-overlay", test_help_overlay);
  ADD ("/window/open-export", test_open_export);
  ADD ("/window/export-details", test_export_details);
  ADD ("/window/export-survives-model-change", test_export_survives_model_change);
  ADD ("/window/open-bad-export", test_open_bad_export);
  ADD ("/window/findings-view", test_findings_view);
  ADD ("/window/sidebar-groups", test_sidebar_groups);
  ADD ("/window/every-format", test_every_format);
  ADD ("/window/cancel-import", test_cancel_import);
  ADD ("/window/second-open-replaces-first", test_second_open_replaces_first);
  ADD ("/window/recent-exports", test_recent_exports);
  ADD ("/window/redact", test_redact);
  ADD ("/window/export-and-print", test_export_and_print);
  ADD ("/window/compare-with", test_compare_with);
  ADD ("/window/compare-export", test_compare_export);
#undef ADD

  return test_window_run ();
}
