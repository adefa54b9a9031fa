/* dm-window-private.h: what the window's files share
 *
 * The window is split as GNOME Text Editor splits its own: dm-window.c
 * (the type, template, sidebar and views), dm-window-actions.c (the
 * actions and the one function that enables them), dm-window-import.c
 * (opening exports and models, progress, recent files, redaction,
 * comparing) and dm-window-export.c (export, print, present).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-checklist-view.h"
#include "dm-compare-view.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-diff.h"
#include "dm-findings-view.h"
#include "dm-report.h"
#include "dm-summary-view.h"
#include "dm-window.h"

G_BEGIN_DECLS

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *service_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *overview_stack;
  DmSummaryView        *overview;
  AdwFlap              *flap;
  DmDiagram            *diagram;
  DmDetailsPane        *details;
  DmCompareView        *compare;
  DmFindingsView       *findings;
  DmChecklistView      *checklist;
  GtkMenuButton        *inputs_button;
  GtkBox               *inputs_box;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *changes_revealer;
  GtkLabel             *changes_label;
  GtkWidget            *stop_comparing_button;
  GMenu                *recent_section;

  /* Owned references */
  GSettings            *settings;
  DmCatalogue          *catalogue;
  DmModel              *model;
  DmModel              *list_model;  /* the model the service list's rows are of */
  DmService            *service;
  DmImporter           *importer;
  DmReport             *report;      /* the importer's findings, redacted or not */
  DmAssessment         *assessment;  /* the report's */
  DmDiff               *diff;        /* against an older export, or NULL */
  GtkWidget            *inputs_list; /* in inputs_box, or NULL */
  GtkFileChooserNative *chooser;     /* the one open, or NULL */

  /* Background jobs (dm-window-import.c) */
  GCancellable         *cancellable;         /* loading a model */
  GCancellable         *import_cancellable;
  GCancellable         *redact_cancellable;
  GCancellable         *model_cancellable;   /* assessing the export against a new model */
  GCancellable         *export_cancellable;  /* cancelled only when the window goes */
  GCancellable         *diff_cancellable;
  gpointer              import;              /* the Job of the running import */
  guint                 progress_source;
  gulong                recent_changed_id;
  guint                 n_exports;

  /* State */
  gboolean              redact;
  gboolean              show_all_services;
  gboolean              syncing_list;
};

/* A file chooser filter; the name is marked with N_() and translated when shown. */
typedef struct
{
  const char *name;
  const char *mime_type;     /* or NULL */
  const char *patterns[3];   /* up to three, the rest NULL */
} DmWindowFilter;

/* What a chooser gives back: at least one file. */
typedef void (*DmWindowChosenFunc) (DmWindow  *self,
                                    GFile    **files,
                                    guint      n_files);

/* A kind of file chooser; the title and accept label are marked with N_(). */
typedef struct
{
  const char            *title;
  const char            *accept_label;
  GtkFileChooserAction   action;
  gboolean               multiple;
  const DmWindowFilter  *filters;   /* ended by a row without name, or NULL */
  DmWindowChosenFunc     chosen;
} DmWindowChooser;

/* What runs on the main thread when a background job ends: @data is the
 * job's task data. */
typedef void (*DmWindowJobDone) (DmWindow     *self,
                                 GAsyncResult *result,
                                 gpointer      data);

/* dm-window.c */
void          _dm_window_set_report          (DmWindow              *self,
                                              DmReport              *report);
void          _dm_window_set_model_and_report (DmWindow             *self,
                                              DmModel               *model,
                                              DmReport              *report);
void          _dm_window_set_diff            (DmWindow              *self,
                                              DmDiff                *diff);
void          _dm_window_show_view           (DmWindow              *self,
                                              const char            *name);
void          _dm_window_focus_view          (DmWindow              *self);
void          _dm_window_step_service        (DmWindow              *self,
                                              int                    delta);
void          _dm_window_show_error          (DmWindow              *self,
                                              const char            *heading,
                                              const char            *body);
char         *_dm_window_toast_name          (GFile                 *file);
void          _dm_window_choose              (DmWindow              *self,
                                              const DmWindowChooser *chooser,
                                              const char            *suggested_name,
                                              GFile                 *folder);

/* dm-window-actions.c */
void          _dm_window_class_actions_init  (GtkWidgetClass        *widget_class);
void          _dm_window_actions_update      (DmWindow              *self);

/* dm-window-import.c */
void          _dm_window_run_job             (DmWindow              *self,
                                              GCancellable          *cancellable,
                                              gpointer               source_tag,
                                              gpointer               data,
                                              GDestroyNotify         data_free,
                                              GTaskThreadFunc        thread,
                                              DmWindowJobDone        done);
gboolean      _dm_window_job_finish          (DmWindow              *self,
                                              GAsyncResult          *result,
                                              const char            *heading);
void          _dm_window_watch_recent        (DmWindow              *self);
void          _dm_window_cancel_import       (DmWindow              *self);
void          _dm_window_redact              (DmWindow              *self);
void          _dm_window_change_model        (DmWindow              *self,
                                              DmModel               *model,
                                              const char            *toast);
extern const DmWindowChooser _dm_window_open_export_chooser;
extern const DmWindowChooser _dm_window_open_folder_chooser;
extern const DmWindowChooser _dm_window_compare_chooser;
extern const DmWindowChooser _dm_window_open_model_chooser;

/* dm-window-export.c */
void          _dm_window_choose_export_file  (DmWindow              *self,
                                              gboolean               diagram);

/* Hooks for the tests, also called by the window's own files; the
 * application needs only dm-window.h. */
DmAssessment *dm_window_get_assessment  (DmWindow       *self);
const char *dm_window_get_visible_view  (DmWindow       *self);
GtkWidget *dm_window_get_diagram        (DmWindow       *self);
GtkWidget *dm_window_get_details        (DmWindow       *self);
GtkWidget *dm_window_get_inputs_button  (DmWindow       *self);
GtkWidget *dm_window_get_compare        (DmWindow       *self);
GtkWidget *dm_window_get_findings       (DmWindow       *self);
GtkWidget *dm_window_get_checklist      (DmWindow       *self);
guint      dm_window_get_n_visible_services (DmWindow   *self);

gboolean      dm_window_get_importing       (DmWindow    *self);
const char   *dm_window_get_progress_text   (DmWindow    *self);
GMenuModel   *dm_window_get_recent_menu     (DmWindow    *self);
gboolean      dm_window_get_redact          (DmWindow    *self);
DmReport     *dm_window_get_report          (DmWindow    *self);
void          dm_window_export              (DmWindow    *self,
                                             GFile       *file,
                                             gboolean     diagram);
guint         dm_window_get_n_exports       (DmWindow    *self);
GtkWindow    *dm_window_present_slides      (DmWindow    *self);
void          dm_window_compare_with        (DmWindow    *self,
                                             GFile      **files,
                                             guint        n_files);
DmDiff       *dm_window_get_diff            (DmWindow    *self);
gboolean      dm_window_print               (DmWindow    *self,
                                             const char  *export_pdf,
                                             GError     **error);

G_END_DECLS
