/* test-compare.c: the services × layers matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-util.h"

#include <adwaita.h>

#include "dm-compare-view.h"
#include "dm-tooltip.h"



static void
test_rows_ordered (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmCompareView *view = DM_COMPARE_VIEW (g_object_ref_sink (dm_compare_view_new ()));

  g_assert_cmpuint (dm_compare_view_get_n_rows (view), ==, 0);
  dm_compare_view_set_model (view, model);

  /* Most customer responsibility first: the slider from IaaS to SaaS. */
  g_assert_cmpuint (dm_compare_view_get_n_rows (view), ==, 3);
  g_assert_cmpstr (dm_service_get_id (dm_compare_view_get_row_service (view, 0)), ==, "vm");
  g_assert_cmpstr (dm_service_get_id (dm_compare_view_get_row_service (view, 1)), ==, "db");
  g_assert_cmpstr (dm_service_get_id (dm_compare_view_get_row_service (view, 2)), ==, "docs");

  g_assert_finalize_object (view);
}

static void
test_cells (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmCompareView *view = DM_COMPARE_VIEW (g_object_ref_sink (dm_compare_view_new ()));
  GtkWidget *cell;
  GVariant *target;
  const char *service_id, *layer_id;

  dm_compare_view_set_model (view, model);

  cell = dm_compare_view_get_cell (view, "docs", "firewall");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "owner-shared"));
  g_assert_false (gtk_widget_has_css_class (cell, "owner-customer"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "Shared");
  g_assert_cmpstr (dm_tooltip_get_text (cell), ==, "Cloudco Docs, Firewall: Shared");

  /* A click opens that service and layer in the explorer. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (cell)), ==, "win.show-layer");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (cell));
  g_variant_get (target, "(&s&s)", &service_id, &layer_id);
  g_assert_cmpstr (service_id, ==, "docs");
  g_assert_cmpstr (layer_id, ==, "firewall");

  cell = dm_compare_view_get_cell (view, "db", "records");
  g_assert_true (gtk_widget_has_css_class (cell, "owner-na"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "n/a");
  cell = dm_compare_view_get_cell (view, "vm", "hardware");
  g_assert_true (gtk_widget_has_css_class (cell, "owner-provider"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "Cloudco");

  g_assert_null (dm_compare_view_get_cell (view, "vm", "nope"));

  g_assert_finalize_object (view);
}

static void
test_model_change_rebuilds (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  g_autoptr(DmModel) aws = dm_model_new_default (NULL);
  DmCompareView *view = DM_COMPARE_VIEW (g_object_ref_sink (dm_compare_view_new ()));
  guint notifies = 0;

  g_signal_connect (view, "notify::model", G_CALLBACK (test_count_notify), &notifies);
  dm_compare_view_set_model (view, model);
  dm_compare_view_set_model (view, model);
  g_assert_cmpuint (notifies, ==, 1);

  dm_compare_view_set_model (view, aws);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_null (dm_compare_view_get_cell (view, "docs", "firewall"));
  g_assert_nonnull (dm_compare_view_get_cell (view, "ec2", "os"));

  dm_compare_view_set_model (view, NULL);
  g_assert_cmpuint (dm_compare_view_get_n_rows (view), ==, 0);
  g_assert_null (dm_compare_view_get_cell (view, "ec2", "os"));

  g_assert_finalize_object (view);
}

static void
test_current_row (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmCompareView *view = DM_COMPARE_VIEW (g_object_ref_sink (dm_compare_view_new ()));
  GtkWidget *vm_cell, *vm_header, *db_header;

  dm_compare_view_set_model (view, model);
  dm_compare_view_set_current (view, dm_model_find_service (model, "db"));

  /* Row headers sit in column 0 of the cells' rows. */
  vm_cell = dm_compare_view_get_cell (view, "vm", "hardware");
  vm_header = gtk_widget_get_prev_sibling (vm_cell);
  g_assert_true (gtk_widget_has_css_class (vm_header, "row-header"));
  g_assert_false (gtk_widget_has_css_class (vm_header, "current"));
  db_header = gtk_widget_get_prev_sibling (dm_compare_view_get_cell (view, "db", "hardware"));
  g_assert_true (gtk_widget_has_css_class (db_header, "current"));

  dm_compare_view_set_current (view, dm_model_find_service (model, "vm"));
  g_assert_true (gtk_widget_has_css_class (vm_header, "current"));
  g_assert_false (gtk_widget_has_css_class (db_header, "current"));

  g_assert_finalize_object (view);
}

static void
test_aws_matrix (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  DmCompareView *view = DM_COMPARE_VIEW (g_object_ref_sink (dm_compare_view_new ()));
  guint cells = 0;

  dm_compare_view_set_model (view, model);
  g_assert_cmpuint (dm_compare_view_get_n_rows (view), ==, dm_model_get_n_services (model));

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    for (guint l = 0; l < dm_model_get_n_layers (model); l++)
      {
        DmService *service = dm_model_get_service (model, s);
        DmLayer *layer = dm_model_get_layer (model, l);
        GtkWidget *cell = dm_compare_view_get_cell (view, dm_service_get_id (service), dm_layer_get_id (layer));

        g_assert_nonnull (cell);
        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==,
                         dm_service_get_owner (service, layer) == DM_OWNER_NOT_APPLICABLE
                           ? "n/a" : dm_model_get_owner_label (model, dm_service_get_owner (service, layer)));
        cells++;
      }
  g_assert_cmpuint (cells, ==, dm_model_get_n_services (model) * 10);

  /* EC2 (infrastructure) comes before S3 (abstracted). */
  for (guint r = 0; r < dm_compare_view_get_n_rows (view); r++)
    {
      const char *id = dm_service_get_id (dm_compare_view_get_row_service (view, r));

      if (g_str_equal (id, "s3"))
        g_assert_not_reached ();
      if (g_str_equal (id, "ec2"))
        break;
    }

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  test_gtk_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/compare/rows-ordered", test_rows_ordered);
  g_test_add_func ("/compare/cells", test_cells);
  g_test_add_func ("/compare/model-change-rebuilds", test_model_change_rebuilds);
  g_test_add_func ("/compare/current-row", test_current_row);
  g_test_add_func ("/compare/aws-matrix", test_aws_matrix);

  return g_test_run ();
}
