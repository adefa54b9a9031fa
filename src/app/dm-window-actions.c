/* dm-window-actions.c: the window's actions, their shortcuts, and the one
 * function that says which of them can run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-window-private.h"

/**
 * _dm_window_actions_update:
 *
 * Enables each action whose state depends on the window's: call it after
 * any change to the export shown or to the import running.
 */
void
_dm_window_actions_update (DmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  /* Without an export every service is listed already. */
  gtk_widget_action_set_enabled (widget, "win.show-all-services", self->assessment != NULL);
  gtk_widget_action_set_enabled (widget, "win.compare-with", self->report != NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->import != NULL);
  gtk_widget_action_set_enabled (widget, "win.stop-comparing", self->diff != NULL);
}

/* --- opening --------------------------------------------------------------- */

static const struct
{
  const char            *action;
  const DmWindowChooser *chooser;
} choosers[] = {
  { "win.open-export", &_dm_window_open_export_chooser },
  { "win.open-folder", &_dm_window_open_folder_chooser },
  { "win.compare-with", &_dm_window_compare_chooser },
  { "win.open-model", &_dm_window_open_model_chooser },
};

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (choosers); i++)
    if (g_str_equal (action_name, choosers[i].action))
      _dm_window_choose (DM_WINDOW (widget), choosers[i].chooser, NULL, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dm_window_open_exports (DM_WINDOW (widget), &file, 1);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _dm_window_cancel_import (DM_WINDOW (widget));
}

static void
reset_model_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (!(model = dm_model_new_default (&error)))
    {
      _dm_window_show_error (self, _("Could Not Load the Built-in Model"), error->message);
      return;
    }

  _dm_window_change_model (self, model, NULL);
}

/* --- writing --------------------------------------------------------------- */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _dm_window_choose_export_file (DM_WINDOW (widget), g_str_equal (action_name, "win.export-diagram"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!dm_window_print (DM_WINDOW (widget), NULL, &error))
    _dm_window_show_error (DM_WINDOW (widget), _("Could Not Print"), error->message);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dm_window_present_slides (DM_WINDOW (widget));
}

/* --- moving around ------------------------------------------------------- */

static const struct
{
  const char *action;
  const char *view;
} views[] = {
  { "win.show-overview", "overview" },
  { "win.show-explore", "explore" },
  { "win.show-compare", "compare" },
  { "win.show-findings", "findings" },
  { "win.show-responsibilities", "responsibilities" },
};

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_str_equal (action_name, views[i].action))
      _dm_window_show_view (DM_WINDOW (widget), views[i].view);
}

static void
step_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dm_window_step_service (DM_WINDOW (widget), g_str_equal (action_name, "win.next-service") ? 1 : -1);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (DM_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (g_strcmp0 (dm_window_get_visible_view (self), "findings") == 0)
    {
      dm_findings_view_focus_search (self->findings);
      return;
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stop_comparing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _dm_window_set_diff (DM_WINDOW (widget), NULL);
}

static void
show_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  DmService *service = dm_model_find_service (self->model, g_variant_get_string (parameter, NULL));

  if (service == NULL)
    return;

  dm_window_set_service (self, service);
  dm_diagram_set_selected_band (self->diagram, -1);
  _dm_window_show_view (self, "explore");
  _dm_window_focus_view (self);
}

static void
show_layer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  const char *service_id, *layer_id;
  DmService *service;
  DmLayer *layer;

  g_variant_get (parameter, "(&s&s)", &service_id, &layer_id);
  service = dm_model_find_service (self->model, service_id);
  layer = dm_model_find_layer (self->model, layer_id);

  if (service == NULL || layer == NULL)
    return;

  dm_window_set_service (self, service);
  dm_diagram_set_selected_layer (self->diagram, dm_layer_get_index (layer));
  _dm_window_show_view (self, "explore");
  gtk_widget_grab_focus (dm_diagram_get_band_widget (self->diagram, dm_band_get_index (dm_layer_get_band (layer))));
}

/* A finding of the Findings view, on its layer in Explore, opened in the
 * details; a finding on no layer shows its service. */
static void
show_finding_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  GListModel *findings = self->assessment ? dm_assessment_get_findings (self->assessment) : NULL;
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; findings && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *layer = dm_assessment_get_finding_layer (self->assessment, finding);

      if (!g_str_equal (dm_finding_get_id (finding), id) || dm_finding_get_service (finding) == NULL)
        continue;
      if (layer != NULL)
        gtk_widget_activate_action (widget, "win.show-layer", "(ss)", dm_finding_get_service (finding), layer);
      else
        gtk_widget_activate_action (widget, "win.show-service", "s", dm_finding_get_service (finding));
      dm_details_pane_show_finding (self->details, finding);
      return;
    }
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_inputs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->inputs_button)))
    gtk_menu_button_popup (self->inputs_button);
}

/* The window's properties must be installed first: two actions toggle them. */
void
_dm_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-export", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-diagram", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, stop_comparing_action);
  gtk_widget_class_install_action (widget_class, "win.open-model", NULL, choose_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-all-services", "show-all-services");
  gtk_widget_class_install_property_action (widget_class, "win.redact", "redact");
  gtk_widget_class_install_action (widget_class, "win.reset-model", NULL, reset_model_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-explore", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-compare", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-responsibilities", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-service", "s", show_service_action);
  gtk_widget_class_install_action (widget_class, "win.show-layer", "(ss)", show_layer_action);
  gtk_widget_class_install_action (widget_class, "win.show-finding", "s", show_finding_action);
  gtk_widget_class_install_action (widget_class, "win.next-service", NULL, step_service_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.previous-service", NULL, step_service_action);
  gtk_widget_class_install_action (widget_class, "win.show-inputs", NULL, show_inputs_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK, "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-explore", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-responsibilities", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-inputs", NULL);
}
