/* dm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "dm-compare-view.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-findings-view.h"
#include "dm-import-summary.h"
#include "dm-presentation.h"
#include "dm-redactor.h"
#include "dm-window-private.h"

G_DEFINE_FINAL_TYPE (DmWindow, dm_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_diff (DmWindow *self,
                      DmDiff   *diff);
static void update_inputs (DmWindow *self);

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

  if (assessment != NULL && dm_assessment_has_service (assessment, service))
    {
      guint gaps = dm_assessment_get_service_gaps (assessment, service);
      const DmLayerResult *results = dm_assessment_get_service_results (assessment, service);
      guint no_data = 0;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      GtkWidget *badge;

      for (guint i = 0; results && i < dm_model_get_n_layers (model); i++)
        if (results[i].status == DM_LAYER_NO_DATA)
          no_data++;

      /* No gap is a pass only when every customer layer had evidence. */
      if (gaps)
        {
          text = g_strdup_printf ("⚠ %u", gaps);
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding", "%u failed findings", gaps), gaps);
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

      gtk_widget_add_css_class (badge, gaps ? "gap-badge" : no_data ? "no-data-badge" : "ok-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, description);
      gtk_box_append (GTK_BOX (box), badge);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, dm_service_get_summary (service));
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

static void
search_changed_cb (DmWindow *self)
{
  gtk_list_box_invalidate_filter (self->service_list);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    dm_window_get_n_visible_services (self) > 0 ? "list" : "empty");
}

static void
search_activate_cb (DmWindow *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

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
}

static void
row_activated_cb (DmWindow      *self,
                  GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
}

static void
rebuild_list (DmWindow *self)
{
  GtkWidget *child;

  self->syncing_list = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->service_list))))
    gtk_list_box_remove (self->service_list, child);

  for (guint i = 0; self->model && i < dm_model_get_n_services (self->model); i++)
    {
      GtkWidget *row = service_row_new (self->model, dm_model_get_service (self->model, i), self->assessment);

      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->service_list, row);
    }
  self->syncing_list = FALSE;

  search_changed_cb (self);
}

DmModel *
dm_window_get_model (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->model;
}

void
dm_window_set_model (DmWindow *self,
                     DmModel  *model)
{
  g_autofree char *remembered = NULL;
  DmService *service = NULL;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (DM_IS_MODEL (model));

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
  set_diff (self, NULL);
  g_clear_object (&self->report);
  g_clear_object (&self->assessment);
  if (self->importer != NULL)
    {
      self->report = dm_report_new (model, self->catalogue, self->importer, self->redact);
      self->assessment = g_object_ref (dm_report_get_assessment (self->report));
    }

  dm_diagram_set_model (self->diagram, model);
  dm_findings_view_set_model (self->findings, model);
  dm_diagram_set_assessment (self->diagram, self->assessment);
  dm_details_pane_set_report (self->details, self->report);
  update_inputs (self);
  dm_findings_view_set_assessment (self->findings, self->assessment);
  dm_compare_view_set_model (self->compare, model);
  dm_compare_view_set_assessment (self->compare, self->assessment);
  adw_view_switcher_title_set_subtitle (self->switcher_title, dm_model_get_name (model));
  rebuild_list (self);

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

/* --- opening a model file --------------------------------------------- */

static void
load_model_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  DmModel *model = dm_model_new_from_file (G_FILE (task_data), cancellable, &error);

  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

static void
show_error (DmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog;

  /* The body stays plain text: it quotes names from the file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_model_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  model = g_task_propagate_pointer (G_TASK (result), &error);

  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Open the Model"), error->message);
      return;
    }

  dm_window_set_model (self, model);

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (dm_model_get_name (model), -1);
  toast = adw_toast_new_format (_("Opened “%s”"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
dm_window_open_model_file (DmWindow *self,
                           GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A newer request replaces one still loading. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, load_model_done, NULL);
  g_task_set_source_tag (task, dm_window_open_model_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_model_thread);
}

typedef struct
{
  GPtrArray    *files;     /* GFile */
  DmModel      *model;
  DmCatalogue  *catalogue;
  DmImporter   *importer;
  DmReport     *report;
  gboolean      redact;

  /* Written by the worker, read by the progress timer. */
  GMutex        lock;
  char         *path;
  guint64       bytes_read;
  guint64       bytes_total;
  guint64       items;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_mutex_clear (&d->lock);
  g_free (d->path);

  g_ptr_array_unref (d->files);
  g_clear_object (&d->model);
  g_clear_object (&d->catalogue);
  g_clear_object (&d->importer);
  g_clear_object (&d->report);
  g_free (d);
}

static void
import_progress_cb (const DmImportProgress *progress,
                    gpointer                user_data)
{
  ImportData *d = user_data;

  g_mutex_lock (&d->lock);
  if (g_strcmp0 (d->path, progress->path) != 0 && progress->path)
    {
      g_free (d->path);
      d->path = g_strdup (progress->path);
    }
  d->bytes_read = progress->bytes_read;
  d->bytes_total = progress->bytes_total;
  d->items = progress->items;
  g_mutex_unlock (&d->lock);
}

/* The main loop polls instead of being called from the worker: at most
 * ten updates a second, however fast the reader goes. */
static gboolean
progress_tick_cb (gpointer user_data)
{
  DmWindow *self = user_data;
  ImportData *d = self->import;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  guint64 read, size, items;

  if (d == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  g_mutex_lock (&d->lock);
  name = d->path ? g_path_get_basename (d->path) : NULL;
  read = d->bytes_read;
  size = d->bytes_total;
  items = d->items;
  g_mutex_unlock (&d->lock);

  done = g_format_size (read);
  if (size > 0)
    {
      total = g_format_size (size);
      /* Translators: file name, bytes read, file size, items read. */
      text = g_strdup_printf (_("Reading %s: %s of %s, %" PRIu64 " items"),
                              name ? name : "…", done, total, items);
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)read / (double)size));
    }
  else
    {
      text = g_strdup_printf (_("Reading %s: %s, %" PRIu64 " items"), name ? name : "…", done, items);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  gtk_label_set_text (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (DmWindow *self)
{
  self->import = NULL;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

gboolean
dm_window_get_importing (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  return self->import != NULL;
}

const char *
dm_window_get_progress_text (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->progress_label);
}

static void
remember_recent (DmWindow  *self,
                 GPtrArray *files)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (files, i));
      GtkRecentData data = {
        .mime_type = (char *)"application/json",
        .app_name = (char *)"Demarc",
        .app_exec = (char *)"demarc %u",
      };

      gtk_recent_manager_add_full (manager, uri, &data);
    }
}

/* Menu labels read underscores as mnemonics. */
static char *
escape_mnemonic (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '_')
        g_string_append_c (out, '_');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define MAX_RECENT 8

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *)a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *)b);

  return g_date_time_compare (tb, ta);
}

static void
rebuild_recent (DmWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GList *ours = NULL;
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l; l = l->next)
    if (gtk_recent_info_has_application (l->data, "Demarc") && gtk_recent_info_exists (l->data))
      ours = g_list_prepend (ours, l->data);
  ours = g_list_sort (ours, compare_recent);

  for (GList *l = ours; l && n < MAX_RECENT; l = l->next, n++)
    {
      g_autofree char *label = escape_mnemonic (gtk_recent_info_get_display_name (l->data));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (l->data));
      g_menu_append_item (self->recent_section, item);
    }
  if (n == 0)
    g_menu_append (self->recent_section, _("No Recent Exports"), NULL);  /* no action: shown insensitive */

  g_list_free (ours);
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

GMenuModel *
dm_window_get_recent_menu (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->recent_section);
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
  DmWindow *self = DM_WINDOW (widget);

  if (self->import == NULL)
    return;

  /* A worker stuck on a slow disk or pipe sees the cancellable only when
   * its read returns: the window lets go of it at once instead. */
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  stop_progress (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Opening cancelled")));
}

/* Runs in a worker: nothing here touches widgets. The model and catalogue
 * are only read. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  GError *error = NULL;

  d->importer = dm_importer_new (d->catalogue);
  dm_importer_set_progress (d->importer, import_progress_cb, d);
  for (guint i = 0; i < d->files->len; i++)
    {
      if (!dm_importer_add_file (d->importer, g_ptr_array_index (d->files, i), cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  /* Redaction, like reading, can take seconds on a large export. */
  d->report = dm_report_new (d->model, d->catalogue, d->importer, d->redact);
  g_task_return_boolean (task, TRUE);
}

static void show_report (DmWindow *self,
                         DmReport *report);

/* A file that gave nothing is easy to miss among others that did: say it
 * where it cannot be overlooked, besides the details' list of inputs. */
static void
warn_nothing_read (DmWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < dm_report_get_n_inputs (self->report); i++)
    {
      DmImportCounts counts;

      dm_import_counts_init (&counts, dm_report_get_input (self->report, i));
      if (dm_import_counts_read_nothing (&counts))
        {
          g_autofree char *base = g_path_get_basename (dm_report_get_input_path (self->report, i));
          g_autofree char *escaped = g_markup_escape_text (base, -1);   /* toast titles are markup */

          g_string_append_printf (names, "%s“%s”", n++ ? _(", ") : "", escaped);
        }
    }
  if (n > 0)
    {
      AdwToast *toast = adw_toast_new_format (_("Nothing read from %s"), names->str);

      adw_toast_set_button_label (toast, _("_Why"));
      adw_toast_set_action_name (toast, "win.show-inputs");
      adw_toast_set_timeout (toast, 0);   /* stays until dismissed */
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  ImportData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint failed;

  /* A newer open replaced this one: its result is not wanted. */
  if (d != self->import)
    return;
  stop_progress (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* What was shown before stays, as it was. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Open the Export"), error->message);
      return;
    }

  remember_recent (self, d->files);

  /* The model or the redaction may have changed while the import ran. */
  if (d->model != self->model || d->redact != self->redact)
    {
      g_clear_object (&d->report);
      d->report = dm_report_new (self->model, self->catalogue, d->importer, self->redact);
    }

  g_set_object (&self->importer, d->importer);
  show_report (self, d->report);

  if (self->assessment == NULL)
    return;
  failed = dm_assessment_get_n_failed (self->assessment);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding in the export",
                                           "%u failed findings in the export", failed), failed);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (subtitle));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all-services", TRUE);
  warn_nothing_read (self);
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
      nothing_read |= dm_import_counts_read_nothing (&counts);
    }
  gtk_menu_button_set_icon_name (self->inputs_button, nothing_read ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  if (nothing_read)
    gtk_widget_add_css_class (GTK_WIDGET (self->inputs_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->inputs_button), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->inputs_button),
                               nothing_read ? _("What Was Read: a file gave nothing (Ctrl+I)") : _("What Was Read (Ctrl+I)"));
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

/* Shows a report's assessment everywhere: list, diagram, details, findings. */
static void
show_report (DmWindow *self,
             DmReport *report)
{
  DmService *current;

  /* A comparison was of the findings shown before. */
  if (self->report == NULL || report == NULL || dm_report_get_importer (report) != dm_report_get_importer (self->report) ||
      dm_report_get_redacted (report) != dm_report_get_redacted (self->report))
    set_diff (self, NULL);
  g_set_object (&self->report, report);
  g_set_object (&self->assessment, (report ? dm_report_get_assessment (report) : NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", report != NULL);
  dm_diagram_set_assessment (self->diagram, self->assessment);
  dm_details_pane_set_report (self->details, self->report);
  update_inputs (self);
  dm_findings_view_set_assessment (self->findings, self->assessment);
  dm_compare_view_set_assessment (self->compare, self->assessment);
  rebuild_list (self);

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

typedef struct
{
  DmModel     *model;
  DmCatalogue *catalogue;
  DmImporter  *importer;
  GListModel  *findings;   /* the worker's own copy */
  gboolean     redact;
} RedactData;

static void
redact_data_free (gpointer data)
{
  RedactData *d = data;

  g_clear_object (&d->model);
  g_clear_object (&d->catalogue);
  g_clear_object (&d->importer);
  g_clear_object (&d->findings);
  g_free (d);
}

static void
redact_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RedactData *d = task_data;

  g_task_return_pointer (task, dm_report_new_for_findings (d->model, d->catalogue, d->importer, d->findings, d->redact),
                         g_object_unref);
}

static void
redact_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  RedactData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(DmReport) report = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Only the answer to the latest question counts. */
  if (report == NULL || d->redact != self->redact || d->importer != self->importer || d->model != self->model)
    return;
  show_report (self, report);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (self->redact ? _("Identifiers replaced by pseudonyms")
                                                           : _("Identifiers shown")));
}

static void
set_redact (DmWindow *self,
            gboolean  redact)
{
  g_autoptr(GTask) task = NULL;
  RedactData *d;

  if (self->redact == redact)
    return;
  self->redact = redact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT]);

  if (self->importer == NULL)
    return;

  g_cancellable_cancel (self->redact_cancellable);
  g_clear_object (&self->redact_cancellable);
  self->redact_cancellable = g_cancellable_new ();

  d = g_new0 (RedactData, 1);
  d->model = g_object_ref (self->model);
  d->catalogue = g_object_ref (self->catalogue);
  d->importer = g_object_ref (self->importer);
  d->findings = dm_finding_list_copy (dm_importer_get_findings (self->importer));
  d->redact = redact;
  task = g_task_new (self, self->redact_cancellable, redact_done, NULL);
  g_task_set_source_tag (task, set_redact);
  g_task_set_task_data (task, d, redact_data_free);
  g_task_run_in_thread (task, redact_thread);
}

gboolean
dm_window_get_redact (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);
  return self->redact;
}

DmReport *
dm_window_get_report (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->report;
}

/**
 * dm_window_open_exports:
 *
 * Reads exported account data (files or folders) on a worker thread and
 * shows the assessment. A newer request cancels one still running. The
 * files are only read.
 */
void
dm_window_open_exports (DmWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GTask) task = NULL;
  ImportData *d;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0 || self->catalogue == NULL || self->model == NULL)
    return;

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  d = g_new0 (ImportData, 1);
  d->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (d->files, g_object_ref (files[i]));
  d->model = g_object_ref (self->model);
  d->catalogue = g_object_ref (self->catalogue);
  d->redact = self->redact;
  g_mutex_init (&d->lock);

  /* The bar appears on the first tick, so quick opens do not flash it. */
  self->import = d;
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  task = g_task_new (self, self->import_cancellable, import_done, NULL);
  g_task_set_source_tag (task, dm_window_open_exports);
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

DmAssessment *
dm_window_get_assessment (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->assessment;
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
export_chooser_response_cb (DmWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = chosen_files (chooser);

      dm_window_open_exports (self, (GFile **)files->pdata, files->len);
    }

  g_clear_object (&self->chooser);
}

static void
show_export_chooser (DmWindow             *self,
                     GtkFileChooserAction  action,
                     const char           *title)
{
  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (json, _("Exports (JSON)"));
      gtk_file_filter_add_mime_type (json, "application/json");
      gtk_file_filter_add_pattern (json, "*.json");
      gtk_file_filter_add_pattern (json, "*.ndjson");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- exports and printing ------------------------------------------------ */

typedef struct
{
  DmReport  *report;
  DmService *service;   /* for diagrams; NULL for all */
  GFile     *file;
  gboolean   diagram;
  gboolean   matrix;    /* the compare matrix rather than one service */
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->report);
  g_clear_object (&d->file);
  g_free (d);
}

/* The report of what the window shows, or of the model alone; a copy, so
 * a worker can read it while the window does. */
static DmReport *
current_report (DmWindow *self)
{
  if (self->report)
    return dm_report_copy (self->report);
  return dm_report_new (self->model, self->catalogue, NULL, FALSE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  g_autofree char *path = g_file_get_path (d->file);
  GError *error = NULL;
  DmReportFormat format;
  gboolean ok;

  /* The copy's assessment is made here, off the main thread. */
  dm_report_get_assessment (d->report);

  if (path == NULL || !dm_report_format_from_path (path, &format))
    {
      g_task_return_new_error (task, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT,
                               _("Choose a file name ending in .html, .md, .pdf, .svg or .png"));
      return;
    }
  if (d->matrix && (format == DM_REPORT_SVG || format == DM_REPORT_PNG || format == DM_REPORT_PDF))
    ok = dm_report_write_matrix (d->report, path, format, &error);
  else if (d->diagram || format == DM_REPORT_SVG || format == DM_REPORT_PNG)
    ok = dm_report_write_diagram (d->report, d->service, path, format, &error);
  else
    ok = dm_report_write (d->report, path, format, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  ExportData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled only when the window closes: nothing to say. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Export"), error->message);
      return;
    }
  name = g_file_get_basename (d->file);
  escaped = g_markup_escape_text (name, -1);   /* toast titles are markup */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Exported “%s”"), escaped));
  self->n_exports++;
}

/**
 * dm_window_export:
 * @file: where to write; the format follows its extension
 * @diagram: the current service's diagram (SVG, PNG or PDF) rather than
 *   a full report (HTML, Markdown or PDF)
 *
 * Writes on a worker thread what the window shows, redacted when it is.
 */
void
dm_window_export (DmWindow *self,
                  GFile    *file,
                  gboolean  diagram)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (ExportData, 1);
  d->report = current_report (self);
  d->service = diagram ? self->service : NULL;
  d->file = g_object_ref (file);
  d->diagram = diagram;
  /* On the Compare view, the diagram is the matrix. */
  d->matrix = diagram && g_strcmp0 (dm_window_get_visible_view (self), "compare") == 0;
  task = g_task_new (self, self->export_cancellable, export_done, NULL);
  g_task_set_source_tag (task, dm_window_export);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

guint
dm_window_get_n_exports (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), 0);
  return self->n_exports;
}

static void
save_chooser_response_cb (DmWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gboolean diagram = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "diagram"));

      dm_window_export (self, file, diagram);
    }
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
show_save_chooser (DmWindow *self,
                   gboolean  diagram)
{
  g_autofree char *suggested = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (diagram ? _("Export Diagram") : _("Export Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_object_set_data (G_OBJECT (self->chooser), "diagram", GINT_TO_POINTER (diagram));
  if (diagram)
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("SVG image"), "*.svg");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("PNG image"), "*.png");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF document"), "*.pdf");
      suggested = g_strcmp0 (dm_window_get_visible_view (self), "compare") == 0
                  ? g_strdup ("compare-matrix.svg")
                  : g_strdup_printf ("%s.svg", self->service ? dm_service_get_id (self->service) : "diagram");
    }
  else
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("HTML report"), "*.html");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("Markdown report"), "*.md");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF report"), "*.pdf");
      suggested = g_strdup (self->redact ? "demarc-report-redacted.html" : "demarc-report.html");
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  /* Reports go with the user's documents, not wherever Demarc was started. */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) folder = g_file_new_for_path (documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                   ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_save_chooser (DM_WINDOW (widget), FALSE);
}

static void
export_diagram_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_save_chooser (DM_WINDOW (widget), TRUE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                DmReport          *report)
{
  g_autoptr(GPtrArray) services = dm_report_get_services (report);

  gtk_print_operation_set_n_pages (operation, MAX (1, services->len));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              DmReport          *report)
{
  g_autoptr(GPtrArray) services = dm_report_get_services (report);

  if ((guint)page < services->len)
    dm_report_paint_service (report, gtk_print_context_get_cairo_context (context), g_ptr_array_index (services, page),
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/**
 * dm_window_print:
 * @export_pdf: (nullable): write this PDF instead of showing the print
 *   dialog (used by tests)
 *
 * One page per service in the export: its diagram with the statuses.
 */
gboolean
dm_window_print (DmWindow    *self,
                 const char  *export_pdf,
                 GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(DmReport) report = current_report (self);
  GtkPrintOperationResult result;

  g_return_val_if_fail (DM_IS_WINDOW (self), FALSE);

  gtk_print_operation_set_job_name (operation, _("Shared responsibility diagrams"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  if (export_pdf)
    gtk_print_operation_set_export_filename (operation, export_pdf);

  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!dm_window_print (DM_WINDOW (widget), NULL, &error))
    show_error (DM_WINDOW (widget), _("Could Not Print"), error->message);
}

/**
 * dm_window_present_slides:
 *
 * Opens the presentation of what the window shows: with an export, at
 * what was read; without one, at the current service.
 *
 * Returns: (transfer none): the presentation window
 */
GtkWindow *
dm_window_present_slides (DmWindow *self)
{
  DmPresentation *presentation;

  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);

  presentation = dm_presentation_new (GTK_WINDOW (self), self->model, self->report, self->service);
  gtk_window_set_application (GTK_WINDOW (presentation), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (presentation));
  return GTK_WINDOW (presentation);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dm_window_present_slides (DM_WINDOW (widget));
}

/* --- comparing with an older export ---------------------------------------- */

typedef struct
{
  GPtrArray   *files;
  DmModel     *model;
  DmCatalogue *catalogue;
  DmImporter  *importer;   /* the newer export, shown */
  GListModel  *findings;   /* its findings: the worker's own copy */
  gboolean     redact;
  DmDiff      *diff;
} DiffData;

static void
diff_data_free (gpointer data)
{
  DiffData *d = data;

  g_ptr_array_unref (d->files);
  g_clear_object (&d->model);
  g_clear_object (&d->catalogue);
  g_clear_object (&d->importer);
  g_clear_object (&d->findings);
  g_clear_object (&d->diff);
  g_free (d);
}

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DiffData *d = task_data;
  g_autoptr(DmImporter) older = dm_importer_new (d->catalogue);
  g_autoptr(GListModel) old_findings = NULL;
  g_autoptr(GListModel) new_findings = NULL;
  GError *error = NULL;

  for (guint i = 0; i < d->files->len; i++)
    if (!dm_importer_add_file (older, g_ptr_array_index (d->files, i), cancellable, &error))
      {
        g_task_return_error (task, error);
        return;
      }

  /* The shown export first: its pseudonyms then match the window's. */
  if (d->redact)
    {
      g_autoptr(DmRedactor) redactor = dm_redactor_new ();

      new_findings = dm_redactor_findings (redactor, d->findings);
      old_findings = dm_redactor_findings (redactor, dm_importer_get_findings (older));
    }
  else
    {
      new_findings = g_object_ref (d->findings);
      old_findings = g_object_ref (dm_importer_get_findings (older));
    }
  d->diff = dm_diff_new (d->model, d->catalogue, old_findings, new_findings);
  g_task_return_boolean (task, TRUE);
}

static void
set_diff (DmWindow *self,
          DmDiff   *diff)
{
  g_set_object (&self->diff, diff);
  dm_diagram_set_diff (self->diagram, diff);
}

static void
diff_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DmWindow *self = DM_WINDOW (source);
  DiffData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  DmChangeCounts totals;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Compare"), error->message);
      return;
    }
  /* The window moved on while the older export was read. */
  if (d->importer != self->importer || d->model != self->model || d->redact != self->redact)
    return;

  set_diff (self, d->diff);
  dm_diff_get_totals (d->diff, &totals);
  name = g_file_get_basename (g_ptr_array_index (d->files, 0));
  escaped = g_markup_escape_text (name, -1);   /* toast titles are markup */
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("Since “%s”: %u failed findings new, %u fixed, %u still failing"),
                                                     escaped, totals.opened, totals.closed, totals.unchanged));
}

/**
 * dm_window_compare_with:
 * @files: an older export of the same account (files or folders)
 *
 * Reads @files on a worker and marks on the diagram the gaps opened and
 * closed since then. Opening another export or model ends the comparison.
 */
void
dm_window_compare_with (DmWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GTask) task = NULL;
  DiffData *d;

  g_return_if_fail (DM_IS_WINDOW (self));

  if (self->importer == NULL || n_files == 0)
    return;

  d = g_new0 (DiffData, 1);
  d->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (d->files, g_object_ref (files[i]));
  d->model = g_object_ref (self->model);
  d->catalogue = g_object_ref (self->catalogue);
  d->importer = g_object_ref (self->importer);
  d->findings = dm_finding_list_copy (dm_importer_get_findings (self->importer));
  d->redact = self->redact;
  task = g_task_new (self, self->diff_cancellable, diff_done, NULL);
  g_task_set_source_tag (task, dm_window_compare_with);
  g_task_set_task_data (task, d, diff_data_free);
  g_task_run_in_thread (task, diff_thread);
}

DmDiff *
dm_window_get_diff (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->diff;
}

static void
compare_chooser_response_cb (DmWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = chosen_files (chooser);

      dm_window_compare_with (self, (GFile **)files->pdata, files->len);
    }
  g_clear_object (&self->chooser);
}

static void
compare_with_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Compare With an Older Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (compare_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_export_chooser (DM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Export"));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_export_chooser (DM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Open Export Folder"));
}

static void
chooser_response_cb (DmWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        dm_window_open_model_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_model_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Model"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Responsibility models (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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
      show_error (self, _("Could Not Load the Built-in Model"), error->message);
      return;
    }

  dm_window_set_model (self, model);
}

static void
show_view (DmWindow   *self,
           const char *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_explore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_view (DM_WINDOW (widget), "explore");
}

static void
show_compare_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_view (DM_WINDOW (widget), "compare");
}

static void
show_findings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_view (DM_WINDOW (widget), "findings");
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
  show_view (self, "explore");
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
  show_view (self, "explore");
  gtk_widget_grab_focus (dm_diagram_get_band_widget (self->diagram, dm_band_get_index (dm_layer_get_band (layer))));
}

static void
step_service (DmWindow *self,
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

static void
next_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step_service (DM_WINDOW (widget), 1);
}

static void
previous_service_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_service (DM_WINDOW (widget), -1);
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmWindow *self = DM_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
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
      set_redact (self, g_value_get_boolean (value));
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, service_list);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, inputs_button);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, inputs_box);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, diagram);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, details);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, compare);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, findings);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DmWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open-export", NULL, open_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-diagram", NULL, export_diagram_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.compare-with", NULL, compare_with_action);
  gtk_widget_class_install_action (widget_class, "win.open-model", NULL, open_model_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-all-services", "show-all-services");
  gtk_widget_class_install_property_action (widget_class, "win.redact", "redact");
  gtk_widget_class_install_action (widget_class, "win.reset-model", NULL, reset_model_action);
  gtk_widget_class_install_action (widget_class, "win.show-explore", NULL, show_explore_action);
  gtk_widget_class_install_action (widget_class, "win.show-compare", NULL, show_compare_action);
  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL, show_findings_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-service", "s", show_service_action);
  gtk_widget_class_install_action (widget_class, "win.show-layer", "(ss)", show_layer_action);
  gtk_widget_class_install_action (widget_class, "win.next-service", NULL, next_service_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.previous-service", NULL, previous_service_action);
  gtk_widget_class_install_action (widget_class, "win.show-inputs", NULL, show_inputs_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-explore", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-inputs", NULL);
}

static void
dm_window_init (DmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->export_cancellable = g_cancellable_new ();
  self->diff_cancellable = g_cancellable_new ();
  self->catalogue = dm_catalogue_new_default (NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all-services", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-with", FALSE);

  self->recent_changed_id = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                      G_CALLBACK (rebuild_recent), self);
  rebuild_recent (self);

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
