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

#include "dm-compare-view.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-diff.h"
#include "dm-findings-view.h"
#include "dm-report.h"
#include "dm-window.h"

G_BEGIN_DECLS

struct _DmWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *service_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  DmDiagram            *diagram;
  DmDetailsPane        *details;
  DmCompareView        *compare;
  DmFindingsView       *findings;
  GtkMenuButton        *inputs_button;
  GtkBox               *inputs_box;
  GtkWidget            *inputs_list;  /* in inputs_box, or NULL */
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GMenu                *recent_section;

  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  DmCatalogue          *catalogue;
  DmImporter           *importer;
  DmReport             *report;      /* the importer's findings, redacted or not */
  DmAssessment         *assessment;  /* the report's */
  gboolean              redact;
  GCancellable         *redact_cancellable;
  GCancellable         *export_cancellable;  /* cancelled only when the window goes */
  GCancellable         *diff_cancellable;
  DmDiff               *diff;        /* against an older export, or NULL */
  gboolean              show_all_services;
  DmModel              *model;
  DmService            *service;
  GtkFileChooserNative *chooser;
  gboolean              syncing_list;
  gpointer              import;           /* ImportData of the running import */
  guint                 progress_source;
  gulong                recent_changed_id;
  guint                 n_exports;
};

/* Used by the tests; the application only needs dm-window.h. */
DmAssessment *dm_window_get_assessment  (DmWindow       *self);
const char *dm_window_get_visible_view  (DmWindow       *self);
GtkWidget *dm_window_get_diagram        (DmWindow       *self);
GtkWidget *dm_window_get_details        (DmWindow       *self);
GtkWidget *dm_window_get_inputs_button  (DmWindow       *self);
GtkWidget *dm_window_get_compare        (DmWindow       *self);
GtkWidget *dm_window_get_findings       (DmWindow       *self);
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
