/* test-presentation.c: presentation mode and the window's Overview, driven
 * through their actions, with GTK's test accessibility backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-window-fixture.h"
#include "test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dm-application.h"
#include "dm-diagram-band.h"
#include "dm-presentation.h"
#include "dm-summary-view.h"
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
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
open_file (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean timed_out = FALSE;
  guint id;

  dm_window_open_exports (f->window, &file, 1);
  id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);
  while ((dm_window_get_assessment (f->window) == NULL || dm_window_get_importing (f->window)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
open_demo (Fixture *f)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);

  open_file (f, path);
}

/* F5 as the user presses it: the window's action, then the new toplevel. */
static DmPresentation *
press_f5 (Fixture *f)
{
  DmPresentation *slides = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *w = toplevels; w; w = w->next)
    if (DM_IS_PRESENTATION (w->data))
      slides = w->data;
  g_list_free (toplevels);
  g_assert_nonnull (slides);
  return slides;
}

static void
step_to (DmPresentation *slides,
         const char     *title)
{
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.first", NULL);
  while (g_strcmp0 (dm_presentation_get_title (slides), title) != 0 &&
         dm_presentation_get_slide (slides) + 1 < dm_presentation_get_n_slides (slides))
    gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
  g_assert_cmpstr (dm_presentation_get_title (slides), ==, title);
}

static guint
services_with_gaps (Fixture *f)
{
  DmModel *model = dm_window_get_model (f->window);
  guint n = 0;

  for (guint i = 0; i < dm_model_get_n_services (model); i++)
    if (dm_assessment_get_service_gaps (dm_window_get_assessment (f->window), dm_model_get_service (model, i)))
      n++;
  return n;
}

static void
test_starts_at_summary (Fixture       *f,
                        gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);
  DmPresentation *slides;
  guint with_gaps;

  /* Without an export, F5 starts at slide 1 too, whatever the service shown. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "s3");
  slides = press_f5 (f);
  g_assert_cmpuint (dm_presentation_get_slide (slides), ==, 0);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "summary");
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "No export is open"));
  g_assert_cmpuint (dm_presentation_get_n_slides (slides), ==, dm_model_get_n_services (model) + 2);
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.leave", NULL);

  /* With one: the executive summary names the account and reconciles every item. */
  open_demo (f);
  with_gaps = services_with_gaps (f);
  g_assert_cmpuint (with_gaps, >, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-service", "s", "s3");
  slides = press_f5 (f);
  g_assert_cmpuint (dm_presentation_get_slide (slides), ==, 0);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "summary");
  g_assert_cmpstr (dm_presentation_get_subtitle (slides), ==, "Account 111122223333");
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "Account: 111122223333"));
  g_assert_nonnull (strstr (dm_presentation_get_body (slides),
                            "33 items: 23 failed, 10 passed, 0 informational, 0 suppressed, 0 duplicates, 0 not AWS, 0 not read"));
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "Top Risks and What to Do\nA bucket can be read"));
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "Critical"));
  g_assert_cmpuint (dm_presentation_get_n_slides (slides), ==, 2 + with_gaps + 1);

  /* Slide 2 is what was read from each input; the last, the matrix. */
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "inputs");
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "demo-export.json (asff)\n33 items: 23 failed"));
  g_assert_cmpstr (dm_presentation_get_warning (slides), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.last", NULL);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "compare");
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
  g_assert_cmpuint (dm_presentation_get_slide (slides), ==, with_gaps + 2);
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.first", NULL);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "summary");

  /* Notes hold why the layers are the customer's and how to fix the gaps. */
  step_to (slides, "Amazon S3");
  g_assert_nonnull (strstr (dm_presentation_get_body (slides), "A bucket can be read"));
  g_assert_false (dm_presentation_get_notes_shown (slides));
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.toggle-notes", NULL);
  g_assert_true (dm_presentation_get_notes_shown (slides));
  g_assert_nonnull (strstr (dm_presentation_get_notes (slides), "Fix: "));
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.leave", NULL);

  /* Redaction reaches slide 1 too. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redact", NULL);
  while (!dm_report_get_redacted (dm_window_get_report (f->window)))
    g_main_context_iteration (NULL, TRUE);
  slides = press_f5 (f);
  g_assert_cmpstr (dm_presentation_get_subtitle (slides), ==, "Account account-1");
  g_assert_null (strstr (dm_presentation_get_body (slides), "111122223333"));
  gtk_window_destroy (GTK_WINDOW (slides));
}

/* The fixture lists ten low findings and a medium one before the one
 * critical root finding: the slide must rank, not copy the file. */
static void
test_groups_worst_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "presentation-ranked.json", NULL);
  DmPresentation *slides;
  g_auto(GStrv) lines = NULL;
  GtkWidget *first_row, *badge;

  open_file (f, path);
  slides = press_f5 (f);
  step_to (slides, "AWS IAM");
  g_assert_cmpstr (dm_presentation_get_subtitle (slides), ==, "12 failed findings in 3 checks");
  lines = g_strsplit (dm_presentation_get_body (slides), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Root has access keys — Critical — 1 resource in 1 region");
  g_assert_cmpstr (lines[1], ==, "An access key is older than 90 days — Medium — 1 resource in 1 region");
  g_assert_cmpstr (lines[2], ==, "An IAM user's credentials are unused for 45 days — Low — 10 resources in 1 region");

  /* On screen: the severity's word on the severity's colour, worst first. */
  first_row = gtk_widget_get_first_child (dm_presentation_get_gaps (slides));
  badge = gtk_widget_get_first_child (first_row);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Critical");
  g_assert_true (gtk_widget_has_css_class (badge, dm_severity_colours (DM_SEVERITY_CRITICAL)->css_class));
  badge = gtk_widget_get_first_child (gtk_widget_get_last_child (dm_presentation_get_gaps (slides)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Low");
  g_assert_true (gtk_widget_has_css_class (badge, "severity-low"));

  /* Notes: the fixes in the same order. */
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.toggle-notes", NULL);
  g_assert_true (strstr (dm_presentation_get_notes (slides), "Fix: Delete the root user's access keys.") <
                 strstr (dm_presentation_get_notes (slides), "Fix: Remove credentials unused for 45 days."));
  gtk_window_destroy (GTK_WINDOW (slides));
}

/* diff-new.json with its findings last first, in @dir: so that worst
 * first is not the file's order. */
static char *
write_reversed_new (const char *dir)
{
  g_autofree char *source = test_fixture_path ("diff-new.json");
  char *path = g_build_filename (dir, "diff-new-reversed.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) reversed = json_array_new ();
  JsonObject *root;
  JsonArray *findings;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  findings = json_object_get_array_member (root, "Findings");
  for (guint i = json_array_get_length (findings); i > 0; i--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (findings, i - 1)));
  json_object_set_array_member (root, "Findings", g_steal_pointer (&reversed));
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
  return path;
}

static gboolean
has_slide (DmPresentation *slides,
           const char     *kind)
{
  for (guint i = 0; i < dm_presentation_get_n_slides (slides); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.first", NULL);
      for (guint j = 0; j < i; j++)
        gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
      if (g_strcmp0 (dm_presentation_get_slide_kind (slides), kind) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
compare_with_old (Fixture *f)
{
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  gboolean timed_out = FALSE;
  guint id;

  dm_window_compare_with (f->window, &old_file, 1);
  id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);
  while (dm_window_get_diff (f->window) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A Changes slide right after the summary, only while comparing: both
 * sides by name, the opened gaps worst first, the fixed, the rest. */
static void
test_changes_slide (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-changes-XXXXXX", NULL);
  g_autofree char *new_path = write_reversed_new (dir);
  DmPresentation *slides;
  g_auto(GStrv) lines = NULL;

  open_file (f, new_path);
  slides = press_f5 (f);
  g_assert_false (has_slide (slides, "changes"));
  gtk_window_destroy (GTK_WINDOW (slides));

  compare_with_old (f);
  slides = press_f5 (f);
  g_assert_cmpuint (dm_presentation_get_slide (slides), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "changes");
  g_assert_cmpstr (dm_presentation_get_title (slides), ==, "What Changed");
  g_assert_nonnull (strstr (dm_presentation_get_subtitle (slides), "Since diff-old.json"));
  g_assert_nonnull (strstr (dm_presentation_get_subtitle (slides), "now diff-new-reversed.json"));
  lines = g_strsplit (dm_presentation_get_body (slides), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[0], ==, "2 gaps new, worst first");
  g_assert_cmpstr (lines[1], ==, "Function thumbnailer is public — Critical — 1 resource in 1 region");
  g_assert_cmpstr (lines[2], ==, "A custom check nobody maps — Low — 1 resource in 1 region");
  g_assert_cmpstr (lines[4], ==, "1 gap fixed");
  g_assert_cmpstr (lines[5], ==, "Instance accepts IMDSv1 — High — 1 resource in 1 region");
  g_assert_cmpstr (lines[7], ==, "1 failed finding still failing");
  /* What a reader hears names the older export too. */
  g_assert_nonnull (strstr (dm_presentation_get_spoken (slides), "Since diff-old.json"));
  gtk_window_destroy (GTK_WINDOW (slides));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-comparing", NULL);
  slides = press_f5 (f);
  g_assert_false (has_slide (slides, "changes"));
  gtk_window_destroy (GTK_WINDOW (slides));
  g_unlink (new_path);
  g_rmdir (dir);
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static guint
count_focusable_bands (GtkWidget *widget)
{
  guint n = DM_IS_DIAGRAM_BAND (widget) && gtk_widget_get_focusable (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_focusable_bands (child);
  return n;
}

/* GTK 4.8 registers a window on AT-SPI as a "filler" that is never
 * showing when a widget in it is focused or made focusable before the
 * window is shown (Orca then never enters it): the presentation does
 * neither until it is mapped. */
static void
test_nothing_focused_before_shown (Fixture       *f,
                                   gconstpointer  data)
{
  DmPresentation *slides;

  open_demo (f);
  slides = dm_presentation_new (GTK_WINDOW (f->window), dm_window_get_model (f->window),
                                dm_window_get_report (f->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (slides)));
  g_assert_null (gtk_root_get_focus (GTK_ROOT (slides)));
  g_assert_cmpuint (count_focusable_bands (GTK_WIDGET (slides)), ==, 0);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "summary");

  gtk_window_present (GTK_WINDOW (slides));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (slides)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (slides)) == dm_presentation_get_slide_widget (slides));
  g_assert_cmpuint (count_focusable_bands (GTK_WIDGET (slides)), >, 0);
  gtk_window_destroy (GTK_WINDOW (slides));
}

static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *before = GTK_WIDGET (f->window->search_entry);
  DmPresentation *slides;
  GtkWidget *focus;
  gboolean reached_leave = FALSE;

  open_demo (f);
  g_assert_true (gtk_widget_grab_focus (before));
  before = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (before);

  /* Focus sits on the slide when the presentation opens. */
  slides = press_f5 (f);
  focus = gtk_root_get_focus (GTK_ROOT (slides));
  g_assert_true (focus == dm_presentation_get_slide_widget (slides));
  g_assert_true (gtk_widget_has_focus (focus) || !gtk_window_is_active (GTK_WINDOW (slides)));

  /* Tab reaches the controls, and comes back round to the slide. */
  for (guint i = 0; i < 40 && !reached_leave; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (slides), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (slides));
      g_assert_nonnull (focus);
      if (GTK_IS_ACTIONABLE (focus) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "presentation.leave") == 0)
        reached_leave = TRUE;
    }
  g_assert_true (reached_leave);

  /* Esc: back in the window, where the focus was. */
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.leave", NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == before);

  /* Even when the window's focus moved away meanwhile, it lands in the window. */
  slides = press_f5 (f);
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.leave", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (is_inside (focus, GTK_WIDGET (f->window)));
  g_assert_true (focus == before);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* How many children of @parent have @label as accessible label. */
static guint
count_labelled (GtkWidget  *parent,
                const char *label)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      if (error == NULL)
        n++;
    }
  return n;
}

static void
test_spoken (Fixture       *f,
             gconstpointer  data)
{
  DmPresentation *slides;
  GtkWidget *slide;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *s3_notes = NULL;
  guint n;

  open_demo (f);
  slides = press_f5 (f);
  slide = dm_presentation_get_slide_widget (slides);
  n = dm_presentation_get_n_slides (slides);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (slide), GTK_ACCESSIBLE_ROLE_GROUP);

  /* Each step rewrites what the focused slide says. */
  first = g_strdup_printf ("Slide 1 of %u: Shared Responsibility Review", n);
  assert_label (slide, first);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (slide), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dm_presentation_get_spoken (slides));
  g_assert_nonnull (strstr (dm_presentation_get_spoken (slides), "Account 111122223333. 33 items: 23 failed"));
  g_assert_nonnull (strstr (dm_presentation_get_spoken (slides), "Top risk: A bucket can be read or written by the public, Critical."));

  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.next", NULL);
  second = g_strdup_printf ("Slide 2 of %u: What Was Read", n);
  assert_label (slide, second);
  /* The files read are heard, not only the account. */
  g_assert_true (g_str_has_prefix (dm_presentation_get_spoken (slides), "Account 111122223333. demo-export.json (asff)\n33 items"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (slide), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dm_presentation_get_spoken (slides));

  step_to (slides, "Amazon S3");
  s3 = g_strdup_printf ("Slide %u of %u: Amazon S3", dm_presentation_get_slide (slides) + 1, n);
  assert_label (slide, s3);
  g_assert_true (g_str_has_prefix (dm_presentation_get_spoken (slides), "4 failed findings in "));
  g_assert_nonnull (strstr (dm_presentation_get_spoken (slides), "Worst first: A bucket can be read or written by the public — Critical"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (slide), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dm_presentation_get_spoken (slides));

  /* N: the notes are what the slide says now; N again, the summary. */
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.toggle-notes", NULL);
  s3_notes = g_strdup_printf ("%s, notes", s3);
  assert_label (slide, s3_notes);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (slide), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dm_presentation_get_notes (slides));
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.toggle-notes", NULL);
  assert_label (slide, s3);

  /* The matrix slide's cells are on the bus, one label each. */
  gtk_widget_activate_action (GTK_WIDGET (slides), "presentation.last", NULL);
  g_assert_cmpstr (dm_presentation_get_slide_kind (slides), ==, "compare");
  {
    GtkWidget *cells = dm_presentation_get_matrix_cells (slides);
    DmModel *model = dm_window_get_model (f->window);
    guint n_cells = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (cells); child; child = gtk_widget_get_next_sibling (child))
      n_cells++;
    g_assert_cmpuint (n_cells, ==, (dm_model_get_n_services (model) + 1) * (dm_model_get_n_layers (model) + 1) - 1);
    g_assert_true (gtk_widget_get_visible (cells) && gtk_widget_get_mapped (cells));
    for (GtkWidget *child = gtk_widget_get_first_child (cells); child; child = gtk_widget_get_next_sibling (child))
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (child)), "EC2, Guest operating system: Customer, gap"))
        n_cells = 0;
    g_assert_cmpuint (n_cells, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (slides));
}

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  DmSummaryView *overview = f->window->overview;
  GtkWidget *table = dm_summary_view_get_table (overview);
  DmReviewSummary *summary;

  /* The first page of the view stack, one action away. */
  g_assert_cmpstr (adw_view_stack_page_get_name (adw_view_stack_get_page (f->window->view_stack,
                                                 gtk_widget_get_first_child (GTK_WIDGET (f->window->view_stack)))),
                   ==, "overview");
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "explore");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-overview", NULL));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "overview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->overview_stack), ==, "empty");
  g_assert_null (dm_summary_view_get_summary (overview));

  /* With the demo export: the same summary as slide 1. */
  open_demo (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->overview_stack), ==, "summary");
  summary = dm_summary_view_get_summary (overview);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (dm_summary_view_get_text (overview), "Account: 111122223333\nRegions: eu-west-1"));
  g_assert_nonnull (strstr (dm_summary_view_get_text (overview), "demo-export.json (asff)"));
  g_assert_nonnull (strstr (dm_summary_view_get_text (overview), "\n33 items: 23 failed, 10 passed"));
  {
    DmPresentation *slides = press_f5 (f);

    g_assert_nonnull (strstr (dm_presentation_get_body (slides), "33 items: 23 failed, 10 passed"));
    gtk_window_destroy (GTK_WINDOW (slides));
  }

  /* The table adds up: the "All layers" row's total is every failed finding. */
  g_assert_nonnull (strstr (dm_summary_view_get_text (overview), "\nAll layers\t4\t7\t11\t1\t0\t23"));
  g_assert_cmpuint (count_labelled (table, "All layers, all severities: 23 failed findings"), ==, 1);
  g_assert_cmpuint (count_labelled (table, "Identity and access management, Critical: 3 failed findings"), ==, 1);
  g_assert_cmpuint (dm_review_summary_get_top_risks (summary)->len, ==, DM_SUMMARY_VIEW_MAX_RISKS);
  /* Every layer row in the window, zeros too. */
  g_assert_cmpuint (count_labelled (table, "Customer data, Critical: 0 failed findings"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend records accessible properties for the asserts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/presentation/starts-at-summary", test_starts_at_summary);
  ADD ("/presentation/groups-worst-first", test_groups_worst_first);
  ADD ("/presentation/focus", test_focus);
  ADD ("/presentation/nothing-focused-before-shown", test_nothing_focused_before_shown);
  ADD ("/presentation/spoken", test_spoken);
  ADD ("/presentation/overview", test_overview);
  ADD ("/presentation/changes-slide", test_changes_slide);
#undef ADD

  return test_window_run ();
}
