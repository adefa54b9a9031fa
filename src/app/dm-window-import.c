/* dm-window-import.c: the window's background jobs: opening models and
 * exports (with progress, cancel and recent files), redaction, comparing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "dm-import-summary.h"
#include "dm-redactor.h"
#include "dm-window-private.h"

/* --- jobs ------------------------------------------------------------------ */

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DmWindowJobDone done = user_data;

  done (DM_WINDOW (source), result, g_task_get_task_data (G_TASK (result)));
}

/**
 * _dm_window_run_job:
 * @data: (transfer full): what @thread reads and writes; freed with @data_free
 *
 * Runs @thread on a worker (@data is its task data), then @done on the
 * main thread.
 */
void
_dm_window_run_job (DmWindow        *self,
                    GCancellable    *cancellable,
                    gpointer         source_tag,
                    gpointer         data,
                    GDestroyNotify   data_free,
                    GTaskThreadFunc  thread,
                    DmWindowJobDone  done)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, job_done_cb, done);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, data_free);
  g_task_run_in_thread (task, thread);
}

/* A job cancelled was replaced by a newer one or outlived its window:
 * nothing to say then. */
static void
job_failed (DmWindow     *self,
            const char   *heading,
            const GError *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _dm_window_show_error (self, heading, error->message);
}

/**
 * _dm_window_job_finish:
 * @heading: what to say when the job failed
 *
 * In the @done of a job that returns a boolean: whether it succeeded;
 * when not, the user is told why (unless it was cancelled).
 */
gboolean
_dm_window_job_finish (DmWindow     *self,
                       GAsyncResult *result,
                       const char   *heading)
{
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return TRUE;
  job_failed (self, heading, error);
  return FALSE;
}

/* A newer request replaces one still running. */
static GCancellable *
renew_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  return *cancellable;
}

/* What an import, a redaction or a comparison reads and makes. The worker
 * has its own references and its own copy of the findings: it never
 * touches the window. */
typedef struct
{
  GPtrArray    *files;     /* GFile */
  DmModel      *model;
  DmCatalogue  *catalogue;
  DmImporter   *importer;  /* the shown export's; an import makes its own */
  GListModel   *findings;  /* a copy of the shown export's, or NULL */
  gboolean      redact;
  DmReport     *report;    /* made by an import or a redaction */
  DmDiff       *diff;      /* made by a comparison */
  char         *toast;     /* shown when a model change is done, markup */

  /* Written by an import's worker, read by the progress timer. */
  GMutex        lock;
  char         *path;
  guint64       bytes_read;
  guint64       bytes_total;
  guint64       items;
} Job;

static Job *
job_new (DmWindow  *self,
         GFile    **files,
         guint      n_files,
         gboolean   of_shown_export)
{
  Job *job = g_new0 (Job, 1);

  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->model = g_object_ref (self->model);
  job->catalogue = g_object_ref (self->catalogue);
  job->redact = self->redact;
  if (of_shown_export)
    {
      job->importer = g_object_ref (self->importer);
      job->findings = dm_finding_list_copy (dm_importer_get_findings (self->importer));
    }
  g_mutex_init (&job->lock);
  return job;
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_mutex_clear (&job->lock);
  g_free (job->path);
  g_free (job->toast);
  g_ptr_array_unref (job->files);
  g_clear_object (&job->model);
  g_clear_object (&job->catalogue);
  g_clear_object (&job->importer);
  g_clear_object (&job->findings);
  g_clear_object (&job->report);
  g_clear_object (&job->diff);
  g_free (job);
}

/* The window moved on while the job ran when it shows another export,
 * model or redaction. */
static gboolean
job_is_current (DmWindow  *self,
                const Job *job)
{
  return job->importer == self->importer && job->model == self->model && job->redact == self->redact;
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
load_model_done (DmWindow     *self,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *toast = NULL;

  model = g_task_propagate_pointer (G_TASK (result), &error);

  if (model == NULL)
    {
      job_failed (self, _("Could Not Open the Model"), error);
      return;
    }

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (dm_model_get_name (model), -1);
  toast = g_strdup_printf (_("Opened “%s”"), escaped);
  _dm_window_change_model (self, model, toast);
}

void
dm_window_open_model_file (DmWindow *self,
                           GFile    *file)
{
  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _dm_window_run_job (self, renew_cancellable (&self->cancellable), dm_window_open_model_file,
                      g_object_ref (file), g_object_unref, load_model_thread, load_model_done);
}

/* --- opening exports --------------------------------------------------- */

static void
import_progress_cb (const DmImportProgress *progress,
                    gpointer                user_data)
{
  Job *d = user_data;

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
  Job *d = self->import;
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
  _dm_window_actions_update (self);
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

/* --- recent files -------------------------------------------------------- */

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

void
_dm_window_watch_recent (DmWindow *self)
{
  self->recent_changed_id = g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                                                      G_CALLBACK (rebuild_recent), self);
  rebuild_recent (self);
}

GMenuModel *
dm_window_get_recent_menu (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->recent_section);
}

/* --- cancel --------------------------------------------------------------- */

void
_dm_window_cancel_import (DmWindow *self)
{
  if (self->import == NULL)
    return;

  /* A worker stuck on a slow disk or pipe sees the cancellable only when
   * its read returns: the window lets go of it at once instead. */
  renew_cancellable (&self->import_cancellable);
  stop_progress (self);
  /* The Cancel button that had the focus is gone now. */
  _dm_window_focus_view (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Opening cancelled")));
}

/* What the views start from takes a pass or more over every finding: on a
 * large export, seconds the window would freeze for. It is made here, in
 * the worker, once: the groups of the failed findings, the values the
 * filters offer, the summary. */
static void
prepare_views (DmReport *report)
{
  DmAssessment *assessment = dm_report_get_assessment (report);

  dm_assessment_get_failed_groups (assessment);
  dm_assessment_get_values (assessment, DM_ASSESSMENT_VALUE_SERVICE);
  dm_report_get_summary (report);
}

/* Runs in a worker: nothing here touches widgets. The model and catalogue
 * are only read. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *d = task_data;
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
  prepare_views (d->report);
  g_task_return_boolean (task, TRUE);
}

/* A file that gave nothing is easy to miss among others that did: say it
 * where it cannot be overlooked, besides the details' list of inputs. */
static void
warn_nothing_read (DmWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean all_nothing = TRUE;
  guint n = 0;

  for (guint i = 0; i < dm_report_get_n_inputs (self->report); i++)
    {
      DmImportCounts counts;
      gboolean nothing;

      dm_import_counts_init (&counts, dm_report_get_input (self->report, i));
      nothing = dm_import_counts_read_nothing (&counts);
      if (nothing || dm_report_get_input (self->report, i)->damaged)
        {
          g_autofree char *base = g_path_get_basename (dm_report_get_input_path (self->report, i));
          g_autofree char *escaped = g_markup_escape_text (base, -1);   /* toast titles are markup */

          all_nothing &= nothing;
          g_string_append_printf (names, "%s“%s”", n++ ? _(", ") : "", escaped);
        }
    }
  if (n > 0)
    {
      AdwToast *toast = all_nothing ? adw_toast_new_format (_("Nothing read from %s"), names->str)
                                    : adw_toast_new_format (_("Not all read from %s"), names->str);

      adw_toast_set_button_label (toast, _("_Why"));
      adw_toast_set_action_name (toast, "win.show-inputs");
      adw_toast_set_timeout (toast, 0);   /* stays until dismissed */
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
import_done (DmWindow     *self,
             GAsyncResult *result,
             gpointer      data)
{
  Job *d = data;
  g_autofree char *subtitle = NULL;
  guint failed;

  /* A newer open replaced this one: its result is not wanted. */
  if (d != self->import)
    return;
  stop_progress (self);

  /* On failure, what was shown before stays as it was. */
  if (!_dm_window_job_finish (self, result, _("Could Not Open the Export")))
    return;

  remember_recent (self, d->files);

  /* The model or the redaction may have changed while the import ran. */
  if (d->model != self->model || d->redact != self->redact)
    {
      g_clear_object (&d->report);
      d->report = dm_report_new (self->model, self->catalogue, d->importer, self->redact);
    }

  g_set_object (&self->importer, d->importer);
  _dm_window_set_report (self, d->report);

  if (self->assessment == NULL)
    return;
  failed = dm_assessment_get_n_failed (self->assessment);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding in the export",
                                           "%u failed findings in the export", failed), failed);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (subtitle));
  warn_nothing_read (self);
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
  Job *d;

  g_return_if_fail (DM_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0 || self->catalogue == NULL || self->model == NULL)
    return;

  d = job_new (self, files, n_files, FALSE);

  /* The bar appears on the first tick, so quick opens do not flash it. */
  self->import = d;
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  _dm_window_actions_update (self);

  _dm_window_run_job (self, renew_cancellable (&self->import_cancellable), dm_window_open_exports,
                      d, job_free, import_thread, import_done);
}

/* --- redaction ------------------------------------------------------------ */

/* The shown export's report again, for the job's model and redaction. */
static void
reassess_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *d = task_data;

  d->report = dm_report_new_for_findings (d->model, d->catalogue, d->importer, d->findings, d->redact);
  prepare_views (d->report);
  g_task_return_boolean (task, TRUE);
}

static void
redact_done (DmWindow     *self,
             GAsyncResult *result,
             gpointer      data)
{
  Job *d = data;

  /* Only the answer to the latest question counts. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || !job_is_current (self, d))
    return;
  _dm_window_set_report (self, d->report);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (self->redact ? _("Identifiers replaced by pseudonyms")
                                                           : _("Identifiers shown")));
}

/* Builds the shown export's report again, redacted or not as the window
 * now is, on a worker. */
void
_dm_window_redact (DmWindow *self)
{
  if (self->importer == NULL)
    return;

  _dm_window_run_job (self, renew_cancellable (&self->redact_cancellable), _dm_window_redact,
                      job_new (self, NULL, 0, TRUE), job_free, reassess_thread, redact_done);
}

/* --- a new model ------------------------------------------------------------ */

static void
model_done (DmWindow     *self,
            GAsyncResult *result,
            gpointer      data)
{
  Job *d = data;

  /* A newer model replaced this one. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  /* Another export or redaction came meanwhile: it is assessed here. */
  _dm_window_set_model_and_report (self, d->model,
                                   d->importer == self->importer && d->redact == self->redact ? d->report : NULL);
  if (d->toast)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (d->toast));
}

/* Shows @model, then @toast (markup) if given. With an export open, it is
 * assessed against the model on a worker first, and the window shows the
 * old model until then: a large export takes a quarter of a second. */
void
_dm_window_change_model (DmWindow   *self,
                         DmModel    *model,
                         const char *toast)
{
  Job *job;

  if (self->importer == NULL)
    {
      dm_window_set_model (self, model);
      if (toast)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
      return;
    }
  job = job_new (self, NULL, 0, TRUE);
  g_set_object (&job->model, model);
  job->toast = g_strdup (toast);
  _dm_window_run_job (self, renew_cancellable (&self->model_cancellable), _dm_window_change_model,
                      job, job_free, reassess_thread, model_done);
}

/* --- comparing with an older export ---------------------------------------- */

/* The shown export's files, as a comparison names its newer side. */
static char *
shown_label (DmImporter *importer)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    g_ptr_array_add (files, g_file_new_for_path (dm_importer_get_input (importer, i)->path));
  return dm_import_describe_files ((GFile **)files->pdata, files->len);
}

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *d = task_data;
  g_autoptr(DmImporter) older = dm_importer_new (d->catalogue);
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  GError *error = NULL;

  for (guint i = 0; i < d->files->len; i++)
    if (!dm_importer_add_file (older, g_ptr_array_index (d->files, i), cancellable, &error))
      {
        g_task_return_error (task, error);
        return;
      }

  /* The shown export is redacted first: its pseudonyms match the window's. */
  d->diff = dm_diff_new_redacted (d->model, d->catalogue, dm_importer_get_findings (older), d->findings, d->redact);
  old_label = dm_import_describe_files ((GFile **)d->files->pdata, d->files->len);
  new_label = shown_label (d->importer);
  dm_diff_set_labels (d->diff, old_label, new_label);
  g_task_return_boolean (task, TRUE);
}

static void
diff_done (DmWindow     *self,
           GAsyncResult *result,
           gpointer      data)
{
  Job *d = data;

  /* The window may have moved on while the older export was read. */
  if (!_dm_window_job_finish (self, result, _("Could Not Compare")) || !job_is_current (self, d))
    return;

  _dm_window_set_diff (self, d->diff);
  /* The bar's button carries the summary: focus on it is what announces
   * the result of Compare With… to a screen reader. */
  gtk_widget_grab_focus (self->stop_comparing_button);
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
  g_return_if_fail (DM_IS_WINDOW (self));

  if (self->importer == NULL || n_files == 0)
    return;

  _dm_window_run_job (self, self->diff_cancellable, dm_window_compare_with,
                      job_new (self, files, n_files, TRUE), job_free, diff_thread, diff_done);
}

DmDiff *
dm_window_get_diff (DmWindow *self)
{
  g_return_val_if_fail (DM_IS_WINDOW (self), NULL);
  return self->diff;
}

/* --- choosing what to open ------------------------------------------------- */

static const DmWindowFilter export_filters[] = {
  { N_("Exports (JSON)"), "application/json", { "*.json", "*.ndjson" } },
  { N_("All files"), NULL, { "*" } },
  { NULL }
};

static const DmWindowFilter model_filters[] = {
  { N_("Responsibility models (JSON)"), "application/json", { "*.json" } },
  { N_("All files"), NULL, { "*" } },
  { NULL }
};

static void
open_model_chosen (DmWindow  *self,
                   GFile    **files,
                   guint      n_files)
{
  dm_window_open_model_file (self, files[0]);
}

const DmWindowChooser _dm_window_open_export_chooser = {
  N_("Open Export"), N_("_Open"), GTK_FILE_CHOOSER_ACTION_OPEN, TRUE, export_filters, dm_window_open_exports
};

/* A folder of an export tree (a CLI or CloudMapper dump). */
const DmWindowChooser _dm_window_open_folder_chooser = {
  N_("Open Export Folder"), N_("_Open"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, TRUE, NULL, dm_window_open_exports
};

const DmWindowChooser _dm_window_compare_chooser = {
  N_("Compare With an Older Export"), N_("_Compare"), GTK_FILE_CHOOSER_ACTION_OPEN, TRUE, NULL, dm_window_compare_with
};

const DmWindowChooser _dm_window_open_model_chooser = {
  N_("Open Model"), N_("_Open"), GTK_FILE_CHOOSER_ACTION_OPEN, FALSE, model_filters, open_model_chosen
};
