/* test-diagram.c: the diagram widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-gtk.h"
#include "test-util.h"

#include <adwaita.h>
#include <math.h>

#include "dm-diagram.h"
#include "dm-window.h"
#include "dm-diagram-band.h"
#include "dm-diagram-render.h"



static GtkWindow *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}



static void
test_properties (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmDiagram *diagram = DM_DIAGRAM (g_object_ref_sink (dm_diagram_new ()));
  guint service_notifies = 0;
  guint band_notifies = 0;
  DmService *service = NULL;
  int band = 0;

  g_object_get (diagram, "service", &service, "selected-band", &band, NULL);
  g_assert_null (service);
  g_assert_cmpint (band, ==, -1);
  g_assert_null (dm_diagram_get_model (diagram));

  g_signal_connect (diagram, "notify::service", G_CALLBACK (test_count_notify), &service_notifies);
  g_signal_connect (diagram, "notify::selected-band", G_CALLBACK (test_count_notify), &band_notifies);

  g_object_set (diagram, "model", model, NULL);
  service_notifies = band_notifies = 0;

  g_object_set (diagram, "service", dm_model_find_service (model, "vm"), NULL);
  g_assert_cmpuint (service_notifies, ==, 1);
  dm_diagram_set_service (diagram, dm_model_find_service (model, "vm"));
  g_assert_cmpuint (service_notifies, ==, 1);
  g_assert_true (dm_diagram_get_service (diagram) == dm_model_find_service (model, "vm"));

  g_object_set (diagram, "selected-band", 2, NULL);
  g_assert_cmpuint (band_notifies, ==, 1);
  dm_diagram_set_selected_band (diagram, 2);
  g_assert_cmpuint (band_notifies, ==, 1);
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, 2);

  /* Out of range means "no selection", never a stale index. */
  dm_diagram_set_selected_band (diagram, 17);
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, -1);
  g_assert_cmpuint (band_notifies, ==, 2);

  g_assert_finalize_object (diagram);
}

static void
test_model_change_resets (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  g_autoptr(DmModel) other = test_fixture_model ();
  DmDiagram *diagram = DM_DIAGRAM (g_object_ref_sink (dm_diagram_new ()));

  dm_diagram_set_model (diagram, model);
  dm_diagram_set_service (diagram, dm_model_find_service (model, "docs"));
  dm_diagram_set_selected_band (diagram, 1);

  /* A service of one model must not be shown against another's layers. */
  dm_diagram_set_model (diagram, other);
  g_assert_null (dm_diagram_get_service (diagram));
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, -1);
  g_assert_nonnull (dm_diagram_get_band_widget (diagram, 2));

  g_assert_finalize_object (diagram);
}

static void
test_selected_layer (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmDiagram *diagram = DM_DIAGRAM (g_object_ref_sink (dm_diagram_new ()));
  DmLayer *firewall = dm_model_find_layer (model, "firewall");
  DmLayer *records = dm_model_find_layer (model, "records");

  dm_diagram_set_model (diagram, model);
  dm_diagram_set_service (diagram, dm_model_find_service (model, "vm"));

  /* Choosing a layer opens its band. */
  dm_diagram_set_selected_layer (diagram, dm_layer_get_index (firewall));
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, 1);
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram), ==, (int)dm_layer_get_index (firewall));

  dm_diagram_set_selected_layer (diagram, dm_layer_get_index (records));
  g_assert_cmpint (dm_diagram_get_selected_band (diagram), ==, 2);

  /* Moving to another band drops the emphasised layer. */
  dm_diagram_set_selected_band (diagram, 0);
  g_assert_cmpint (dm_diagram_get_selected_layer (diagram), ==, -1);

  g_assert_finalize_object (diagram);
}

static void
test_keyboard (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  GtkWidget *diagram = dm_diagram_new ();
  DmDiagram *d = DM_DIAGRAM (diagram);
  GtkWindow *window;

  dm_diagram_set_model (d, model);
  dm_diagram_set_service (d, dm_model_find_service (model, "vm"));
  window = window_with (diagram, 700, 500);

  /* Only one band is in the Tab chain: the top one before any selection. */
  g_assert_true (gtk_widget_get_focusable (dm_diagram_get_band_widget (d, 2)));
  g_assert_false (gtk_widget_get_focusable (dm_diagram_get_band_widget (d, 0)));

  gtk_widget_grab_focus (dm_diagram_get_band_widget (d, 2));
  g_assert_true (gtk_widget_activate_action (diagram, "diagram.band-down", NULL));
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == dm_diagram_get_band_widget (d, 1));

  gtk_widget_activate_action (diagram, "diagram.band-down", NULL);
  gtk_widget_activate_action (diagram, "diagram.band-down", NULL);
  /* Clamped at the bottom. */
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 0);

  gtk_widget_activate_action (diagram, "diagram.top-band", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 2);
  gtk_widget_activate_action (diagram, "diagram.band-up", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 2);

  gtk_widget_activate_action (diagram, "diagram.toggle-band", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, -1);
  gtk_widget_activate_action (diagram, "diagram.toggle-band", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 2);

  gtk_widget_activate_action (diagram, "diagram.bottom-band", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, 0);
  gtk_widget_activate_action (diagram, "diagram.close-band", NULL);
  g_assert_cmpint (dm_diagram_get_selected_band (d), ==, -1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == dm_diagram_get_band_widget (d, 0));

  gtk_window_destroy (window);
}

static void
test_accessible (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  DmDiagram *diagram = DM_DIAGRAM (g_object_ref_sink (dm_diagram_new ()));
  g_autofree char *label_error = NULL;
  g_autofree char *description_error = NULL;
  g_autofree char *changed_error = NULL;
  g_autofree char *expanded_error = NULL;
  GtkAccessible *system;

  dm_diagram_set_model (diagram, model);
  dm_diagram_set_service (diagram, dm_model_find_service (model, "vm"));
  system = GTK_ACCESSIBLE (dm_diagram_get_band_widget (diagram, 1));

  g_assert_cmpint (gtk_accessible_get_accessible_role (system), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  label_error = gtk_test_accessible_check_property (system, GTK_ACCESSIBLE_PROPERTY_LABEL, "VM, System: Customer");
  g_assert_null (label_error);
  description_error = gtk_test_accessible_check_property (system, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                          "Guest OS (Customer): You patch the guest. "
                                                          "Firewall (Customer): You write the rules.");
  g_assert_null (description_error);

  /* The names follow the service. */
  dm_diagram_set_service (diagram, dm_model_find_service (model, "db"));
  changed_error = gtk_test_accessible_check_property (system, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                      "Cloudco DB, System: Mixed: Customer / Shared");
  g_assert_null (changed_error);

  dm_diagram_set_selected_band (diagram, 1);
  expanded_error = gtk_test_accessible_check_state (system, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  g_assert_null (expanded_error);

  g_assert_finalize_object (diagram);
}

/* A band whose layers have different owners says so to screen readers,
 * and names each layer's own owner. */
static void
test_accessible_mixed (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  DmDiagram *diagram = DM_DIAGRAM (g_object_ref_sink (dm_diagram_new ()));
  g_autofree char *label_error = NULL;
  GtkAccessible *application;

  dm_diagram_set_model (diagram, model);
  dm_diagram_set_service (diagram, dm_model_find_service (model, "s3"));
  application = GTK_ACCESSIBLE (dm_diagram_get_band_widget (diagram, 3));
  label_error = gtk_test_accessible_check_property (application, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    "S3, Application: Mixed: Customer / Shared");
  g_assert_null (label_error);
  g_assert_finalize_object (diagram);
}

static void
test_hover (void)
{
  g_autoptr(DmModel) model = test_fixture_model ();
  GtkWidget *diagram = dm_diagram_new ();
  DmDiagram *d = DM_DIAGRAM (diagram);
  GtkWindow *window;
  GtkAllocation band;
  guint notifies = 0;

  dm_diagram_set_model (d, model);
  dm_diagram_set_service (d, dm_model_find_service (model, "vm"));
  window = window_with (diagram, 700, 500);
  g_signal_connect (diagram, "notify::hover-band", G_CALLBACK (test_count_notify), &notifies);

  gtk_widget_get_allocation (dm_diagram_get_band_widget (d, 0), &band);
  dm_diagram_set_hover_point (d, band.x + band.width / 2, band.y + band.height / 2);
  g_assert_cmpint (dm_diagram_get_hover_band (d), ==, 0);
  dm_diagram_set_hover_point (d, band.x + band.width / 2, band.y + band.height / 2 + 1);
  g_assert_cmpuint (notifies, ==, 1);
  dm_diagram_set_hover_point (d, 1, 1);
  g_assert_cmpint (dm_diagram_get_hover_band (d), ==, -1);
  g_assert_cmpuint (notifies, ==, 2);

  gtk_window_destroy (window);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GskRenderNode *node;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  return texture;
}

static gboolean
texture_pixel_is (GdkTexture    *texture,
                  int            x,
                  int            y,
                  const DmColor *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize)width * height * 4);
  guint32 p;

  gdk_texture_download (texture, data, width * 4);
  p = *(guint32 *)(data + (gsize)y * width * 4 + x * 4);

  return abs ((int)((p >> 16) & 0xff) - (int)round (color->red * 255)) <= 3 &&
         abs ((int)((p >> 8) & 0xff) - (int)round (color->green * 255)) <= 3 &&
         abs ((int)(p & 0xff) - (int)round (color->blue * 255)) <= 3;
}

static void
test_render_boundary (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  GtkWidget *diagram = dm_diagram_new ();
  DmDiagram *d = DM_DIAGRAM (diagram);
  g_autoptr(GdkTexture) ec2 = NULL;
  g_autoptr(GdkTexture) s3 = NULL;
  DmPalette palette;
  GtkWindow *window;
  GtkAllocation os, foundation;
  double ec2_y, s3_y;
  int x;

  dm_palette_init (&palette, FALSE);
  dm_diagram_set_model (d, model);
  dm_diagram_set_service (d, dm_model_find_service (model, "ec2"));
  window = window_with (diagram, 900, 640);

  ec2_y = dm_diagram_get_boundary_y (d);
  ec2 = render_widget (diagram);
  x = gtk_widget_get_width (diagram) / 3;
  gtk_widget_get_allocation (dm_diagram_get_band_widget (d, 2), &os);
  gtk_widget_get_allocation (dm_diagram_get_band_widget (d, 1), &foundation);

  dm_diagram_set_service (d, dm_model_find_service (model, "account"));
  gtk_test_widget_wait_for_draw (diagram);
  s3_y = dm_diagram_get_boundary_y (d);
  s3 = render_widget (diagram);

  /* The account entry leaves one more band to AWS: its line is higher. */
  g_assert_cmpfloat (s3_y, <, ec2_y - 50);
  g_assert_true (texture_pixel_is (ec2, x, (int)ec2_y, &palette.boundary));
  g_assert_true (texture_pixel_is (s3, x, (int)s3_y, &palette.boundary));
  g_assert_false (texture_pixel_is (ec2, x, (int)s3_y, &palette.boundary));
  g_assert_false (texture_pixel_is (s3, x, (int)ec2_y, &palette.boundary));

  /* Just above EC2's line, the customer's OS layer; just under the next
   * band's title, AWS's foundation layer. */
  g_assert_cmpfloat (ec2_y, >, os.y + os.height - 1);
  g_assert_cmpfloat (ec2_y, <, foundation.y + 1);
  g_assert_true (texture_pixel_is (ec2, os.x + os.width / 4, os.y + os.height - 11, &palette.fill[DM_OWNER_CUSTOMER]));
  g_assert_true (texture_pixel_is (ec2, foundation.x + foundation.width / 2, foundation.y + foundation.height - 11,
                                   &palette.fill[DM_OWNER_PROVIDER]));

  gtk_window_destroy (window);
}

static void
test_animation (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  GtkWidget *diagram = dm_diagram_new ();
  DmDiagram *d = DM_DIAGRAM (diagram);
  GtkWindow *window;
  double start, target;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  dm_diagram_set_model (d, model);
  dm_diagram_set_service (d, dm_model_find_service (model, "account"));
  window = window_with (diagram, 800, 600);
  target = dm_diagram_get_boundary_y (d);

  dm_diagram_set_service (d, dm_model_find_service (model, "ec2"));
  gtk_test_widget_wait_for_draw (diagram);
  start = dm_diagram_get_boundary_y (d);
  /* The line starts where the account had it and travels; it does not jump. */
  g_assert_cmpfloat (fabs (start - target), <, 40);

  /* The frame clock drives the animation; give it well over its 450 ms. */
  test_spin_for (1200);

  /* After the transition it rests at EC2's boundary, below the account's. */
  g_assert_cmpfloat (dm_diagram_get_boundary_y (d), >, target + 50);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_destroy (window);
}

/* Icon-only buttons say what they do to screen readers, not just by tooltip. */
static void
collect_icon_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)))
    {
      g_ptr_array_add (found, widget);
      return;   /* its inner button is GTK's */
    }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) == NULL && gtk_widget_get_visible (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_icon_buttons (child, found);
}

static void
test_window_icon_buttons_labelled (void)
{
  GtkWidget *window = GTK_WIDGET (dm_window_new (NULL));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_icon_buttons (window, buttons);
  g_assert_cmpuint (buttons->len, >=, 3);
  for (guint i = 0; i < buttons->len; i++)
    if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, i)), GTK_ACCESSIBLE_PROPERTY_LABEL))
      g_error ("an icon-only %s has no accessible label", G_OBJECT_TYPE_NAME (g_ptr_array_index (buttons, i)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties are only recorded by an AT context; the suite runs
   * with GTK_A11Y=none, so use GTK's test context here to read them back. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  test_gtk_init (&argc, &argv);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/diagram/properties", test_properties);
  g_test_add_func ("/diagram/model-change-resets", test_model_change_resets);
  g_test_add_func ("/diagram/selected-layer", test_selected_layer);
  g_test_add_func ("/diagram/keyboard", test_keyboard);
  g_test_add_func ("/diagram/accessible", test_accessible);
  g_test_add_func ("/diagram/accessible-mixed", test_accessible_mixed);
  g_test_add_func ("/diagram/hover", test_hover);
  g_test_add_func ("/diagram/render-boundary", test_render_boundary);
  g_test_add_func ("/diagram/animation", test_animation);
  g_test_add_func ("/diagram/window-icon-buttons-labelled", test_window_icon_buttons_labelled);

  return g_test_run ();
}
