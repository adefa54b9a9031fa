/* test-checklist.c: the Responsibilities page, driven through the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-window-fixture.h"
#include "test-util.h"

#include <adwaita.h>

#include "dm-application.h"
#include "dm-tooltip.h"
#include "dm-checklist-view.h"
#include "dm-responsibility.h"
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

static DmChecklistView *
checklist (Fixture *f)
{
  return DM_CHECKLIST_VIEW (dm_window_get_checklist (f->window));
}

static void
show_page (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-responsibilities", NULL));
  g_assert_cmpstr (dm_window_get_visible_view (f->window), ==, "responsibilities");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (checklist (f))));
}

static void
open_demo (Fixture *f)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean timed_out = FALSE;
  guint id;

  dm_window_open_exports (f->window, &file, 1);
  id = g_timeout_add_seconds (5, test_stop_cb, &timed_out);
  while (dm_window_get_assessment (f->window) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
test_without_export (Fixture       *f,
                     gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);

  show_page (f);
  g_assert_cmpuint (dm_checklist_view_get_n_rows (checklist (f)), ==, dm_model_get_n_responsibilities (model));
  g_assert_true (g_str_has_prefix (dm_checklist_view_get_summary (checklist (f)), "No export open"));

  /* Who holds each shows; no status of the customer's claims anything. */
  for (guint i = 0; i < dm_model_get_n_responsibilities (model); i++)
    {
      const DmResponsibility *r = dm_model_get_responsibility (model, i);
      const char *status = dm_checklist_view_get_status_text (checklist (f), r->id);

      g_assert_cmpstr (dm_checklist_view_get_owner_text (checklist (f), r->id), ==,
                       dm_model_get_owner_label (model, r->owner));
      if (r->owner == DM_OWNER_PROVIDER)
        g_assert_cmpstr (status, ==, "▣ Held by AWS");
      else
        g_assert_cmpstr (status, ==, "? No export open");
      g_assert_cmpuint (dm_checklist_view_get_n_groups (checklist (f), r->id), ==, 0);
    }
  g_assert_cmpstr (dm_checklist_view_get_owner_text (checklist (f), "guest-os-patching"), ==, "Customer");
  g_assert_cmpstr (dm_checklist_view_get_owner_text (checklist (f), "hypervisor"), ==, "AWS");
  g_assert_cmpstr (dm_checklist_view_get_owner_text (checklist (f), "key-management"), ==, "Shared");
}

static void
test_demo_export (Fixture       *f,
                  gconstpointer  data)
{
  DmModel *model = dm_window_get_model (f->window);
  g_autoptr(GPtrArray) statuses = NULL;

  open_demo (f);
  show_page (f);

  /* What the demo holds: IAM-01 fails (root without MFA); DATA-08 (RDS
   * backups) only passes; nothing reads patch levels. */
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "account-compromise"), ==, "⚠ Gap");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "network-security"), ==, "⚠ Gap");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "business-continuity"), ==, "✓ OK");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "guest-os-patching"), ==, "? No data");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "awareness-training"), ==, "? No data");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "hypervisor"), ==, "▣ Held by AWS");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "physical-security"), ==, "▣ Held by AWS");

  /* Expanded, a row lists one row per check that bears on it: IAM-01,
   * IAM-02 and LOG-02 failed, IAM-03, IAM-16, LOG-01, LOG-08, LOG-09 passed. */
  g_assert_cmpuint (dm_checklist_view_get_n_groups (checklist (f), "account-compromise"), ==, 8);

  /* Root without MFA is critical: the gap badge says so beside its colour. */
  {
    const DmSeverityColours *critical = dm_severity_colours (DM_SEVERITY_CRITICAL);
    GtkWidget *badge = dm_checklist_view_get_status_badge (checklist (f), "account-compromise");

    g_assert_true (gtk_widget_has_css_class (badge, critical->css_class));
    g_assert_nonnull (strstr (dm_tooltip_get_text (badge), dm_severity_to_label (DM_SEVERITY_CRITICAL)));
    g_assert_false (gtk_widget_has_css_class (dm_checklist_view_get_status_badge (checklist (f), "business-continuity"),
                                              critical->css_class));
  }
  g_assert_cmpuint (dm_checklist_view_get_n_groups (checklist (f), "business-continuity"), ==, 1);
  g_assert_cmpuint (dm_checklist_view_get_n_groups (checklist (f), "guest-os-patching"), ==, 0);
  g_assert_cmpuint (dm_checklist_view_get_n_groups (checklist (f), "hypervisor"), ==, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (dm_checklist_view_get_row (checklist (f), "account-compromise")), TRUE);

  /* Every row says what the core computes. */
  statuses = dm_responsibility_statuses (model, dm_window_get_assessment (f->window), NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      const DmResponsibilityStatus *s = g_ptr_array_index (statuses, i);
      g_autofree char *label = dm_responsibility_status_label (model, s);
      g_autofree char *expected = g_strdup_printf ("%s %s", dm_layer_status_symbol (s->status), label);

      g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), s->responsibility->id), ==, expected);
    }
  g_assert_true (g_str_has_prefix (dm_checklist_view_get_summary (checklist (f)), "Of yours and the shared ones: "));
}

/* A model without a checklist empties the page; a title from a model file
 * is shown as text, never read as markup. */
static void
test_model_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "model", "generic-cloud.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) generic = dm_model_new_from_file (file, NULL, &error);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DmModel) marked = NULL;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_cmpuint (dm_model_get_n_responsibilities (generic), ==, 0);
  show_page (f);
  dm_window_set_model (f->window, generic);
  g_assert_cmpuint (dm_checklist_view_get_n_rows (checklist (f)), ==, 0);
  g_assert_cmpstr (dm_checklist_view_get_summary (checklist (f)), ==, "This model lists no account-wide responsibilities.");

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  g_string_insert (edited, strrchr (edited->str, '}') - edited->str,
                   ", \"responsibilities\": [{\"id\": \"m\", \"title\": \"<b>Keys</b> & locks\", \"owner\": \"customer\"}]");
  bytes = g_bytes_new (edited->str, edited->len);
  marked = dm_model_new_from_bytes (bytes, "marked.json", &error);
  g_assert_no_error (error);
  dm_window_set_model (f->window, marked);

  row = dm_checklist_view_get_row (checklist (f), "m");
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "<b>Keys</b> & locks");
  g_assert_cmpstr (dm_checklist_view_get_status_text (checklist (f), "m"), ==, "? No export open");
}

int
main (int   argc,
      char *argv[])
{
  test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/checklist/without-export", test_without_export);
  ADD ("/checklist/demo-export", test_demo_export);
  ADD ("/checklist/model-change", test_model_change);
#undef ADD

  return test_window_run ();
}
