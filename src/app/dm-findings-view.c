/* dm-findings-view.c
 *
 * A GtkColumnView over the assessment's findings, filtered (by status, or
 * all, plus a text search) and sorted by column. Cells are plain labels:
 * export text is never markup here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-findings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-findings-view.h"

typedef enum
{
  COLUMN_SEVERITY,
  COLUMN_CHECK,
  COLUMN_SERVICE,
  COLUMN_LAYER,
  COLUMN_RESOURCE,
  COLUMN_REGION,
  COLUMN_TITLE,
  COLUMN_EVIDENCE,
  COLUMN_CONTROLS,
  N_COLUMNS
} Column;

struct _DmFindingsView
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;

  DmAssessment       *assessment;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  char               *needle;
  int                 status;    /* DmFindingStatus shown, or -1 for all */
  DmModel            *model;     /* for service and layer names */
};

G_DEFINE_FINAL_TYPE (DmFindingsView, dm_findings_view, ADW_TYPE_BIN)

static char *
cell_text (DmFindingsView *self,
           DmFinding      *finding,
           Column          column)
{
  switch (column)
    {
    case COLUMN_SEVERITY:
      if (dm_finding_get_status (finding) == DM_FINDING_PASSED)
        return g_strdup (_("✓ passed"));
      if (dm_finding_get_status (finding) != DM_FINDING_FAILED)
        /* Translators: an informational or suppressed finding, never a gap */
        return g_strdup_printf (_("– %s"), dm_finding_status_to_label (dm_finding_get_status (finding)));
      return g_strdup_printf ("⚠ %s", dm_severity_to_string (dm_finding_get_severity (finding)));
    case COLUMN_CHECK:
      return g_strdup (dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "—");
    case COLUMN_SERVICE:
      {
        const char *id = dm_finding_get_service (finding);
        DmService *service = id && self->model ? dm_model_find_service (self->model, id) : NULL;

        /* Names, as the rest of the window shows them; ids as a fallback. */
        return g_strdup (service ? dm_service_get_short_name (service) : id ? id : _("unmapped"));
      }
    case COLUMN_LAYER:
      {
        const char *id = self->assessment ? dm_assessment_get_finding_layer (self->assessment, finding) : NULL;
        DmLayer *layer = id && self->model ? dm_model_find_layer (self->model, id) : NULL;

        return g_strdup (layer ? dm_layer_get_name (layer) : id ? id : _("unmapped"));
      }
    case COLUMN_RESOURCE:
      return g_strdup (dm_finding_get_resource (finding));
    case COLUMN_REGION:
      return g_strdup (dm_finding_get_region (finding));
    case COLUMN_TITLE:
      return g_strdup (dm_finding_get_title (finding));
    case COLUMN_EVIDENCE:
      return g_strdup (dm_finding_get_evidence (finding));
    case COLUMN_CONTROLS:
      return g_strjoinv (", ", (char **)dm_finding_get_controls (finding));
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DmFindingsView           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  DmFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, finding, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* The full text stays reachable where a cell is too narrow. */
  gtk_widget_set_tooltip_text (label, text);

  if (column == COLUMN_SEVERITY)
    {
      static const char * const classes[DM_N_FINDING_STATUSES] = {
        [DM_FINDING_FAILED] = "error", [DM_FINDING_PASSED] = "success",
        [DM_FINDING_INFORMATIONAL] = "dim-label", [DM_FINDING_SUPPRESSED] = "dim-label",
      };

      for (guint i = 0; i < DM_N_FINDING_STATUSES; i++)
        gtk_widget_remove_css_class (label, classes[i]);
      gtk_widget_add_css_class (label, classes[dm_finding_get_status (finding)]);
    }
}

/* Failed before passed, then by severity; a descending sort puts the worst
 * failures first. */
static int
compare_severity (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  DmFinding *fa = (DmFinding *)a, *fb = (DmFinding *)b;
  int ka = dm_finding_get_status (fa) == DM_FINDING_FAILED ? 10 + dm_finding_get_severity (fa) : 0;
  int kb = dm_finding_get_status (fb) == DM_FINDING_FAILED ? 10 + dm_finding_get_severity (fb) : 0;

  return ka < kb ? GTK_ORDERING_SMALLER : ka > kb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_text (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  DmFindingsView *self = g_object_get_data (G_OBJECT (column), "view");
  Column index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "column"));
  g_autofree char *ta = cell_text (self, (DmFinding *)a, index);
  g_autofree char *tb = cell_text (self, (DmFinding *)b, index);
  int result = g_utf8_collate (ta, tb);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || *haystack == '\0')
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DmFindingsView *self = user_data;
  DmFinding *finding = item;
  g_autofree char *controls = NULL;

  if (self->status >= 0 && dm_finding_get_status (finding) != (DmFindingStatus)self->status)
    return FALSE;
  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;

  controls = g_strjoinv (" ", (char **)dm_finding_get_controls (finding));
  return contains (dm_finding_get_title (finding), self->needle) ||
         contains (dm_finding_get_resource (finding), self->needle) ||
         contains (dm_finding_get_check (finding), self->needle) ||
         contains (dm_finding_get_service (finding), self->needle) ||
         contains (dm_finding_get_evidence (finding), self->needle) ||
         contains (dm_finding_get_region (finding), self->needle) ||
         contains (controls, self->needle);
}

static void
update_count (DmFindingsView *self)
{
  g_autofree char *text = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);

  text = g_strdup_printf (_("%u of %u"), shown, all ? g_list_model_get_n_items (all) : 0);
  gtk_label_set_text (self->count_label, text);
}

static void
refilter (DmFindingsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed_cb (DmFindingsView *self)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  refilter (self);
}

/* The drop-down's rows, in the order of the .ui file: informational and
 * suppressed findings are listed too, never as gaps. */
static const int dropdown_statuses[] = {
  -1, DM_FINDING_FAILED, DM_FINDING_PASSED, DM_FINDING_INFORMATIONAL, DM_FINDING_SUPPRESSED,
};

static void
status_changed_cb (DmFindingsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  self->status = selected < G_N_ELEMENTS (dropdown_statuses) ? dropdown_statuses[selected] : -1;
  refilter (self);
}

static void
activate_cb (GtkColumnView  *view,
             guint           position,
             DmFindingsView *self)
{
  g_autoptr(DmFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  const char *layer;

  if (finding == NULL || self->assessment == NULL || dm_finding_get_service (finding) == NULL)
    return;
  layer = dm_assessment_get_finding_layer (self->assessment, finding);
  if (layer != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-layer", "(ss)",
                                dm_finding_get_service (finding), layer);
}

static void
add_column (DmFindingsView *self,
            Column          index,
            const char     *title,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* Short, fixed content gets a fixed width; text columns share the rest. */
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  g_object_set_data (G_OBJECT (column), "view", self);
  g_object_set_data (G_OBJECT (column), "column", GINT_TO_POINTER (index));

  if (index == COLUMN_SEVERITY)
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_severity, NULL, NULL));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (compare_text, column, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);

  gtk_column_view_append_column (self->column_view, column);
  if (index == COLUMN_SEVERITY)
    gtk_column_view_sort_by_column (self->column_view, column, GTK_SORT_DESCENDING);
  g_object_unref (column);
}

static void
dm_findings_view_dispose (GObject *object)
{
  DmFindingsView *self = (DmFindingsView *)object;

  g_clear_object (&self->assessment);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dm_findings_view_parent_class)->dispose (object);
}

static void
dm_findings_view_finalize (GObject *object)
{
  DmFindingsView *self = (DmFindingsView *)object;

  g_free (self->needle);

  G_OBJECT_CLASS (dm_findings_view_parent_class)->finalize (object);
}

static void
dm_findings_view_class_init (DmFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_findings_view_dispose;
  object_class->finalize = dm_findings_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, column_view);
}

static void
dm_findings_view_init (DmFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);

  add_column (self, COLUMN_SEVERITY, _("Severity"), 110);
  add_column (self, COLUMN_TITLE, _("Finding"), 0);
  add_column (self, COLUMN_RESOURCE, _("Resource"), 0);
  add_column (self, COLUMN_SERVICE, _("Service"), 90);
  add_column (self, COLUMN_LAYER, _("Layer"), 150);
  add_column (self, COLUMN_REGION, _("Region"), 100);
  add_column (self, COLUMN_CHECK, _("Check"), 80);
  add_column (self, COLUMN_CONTROLS, _("Controls"), 130);
  add_column (self, COLUMN_EVIDENCE, _("Evidence"), 0);

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  status_changed_cb (self);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, 0);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
}

GtkWidget *
dm_findings_view_new (void)
{
  return g_object_new (DM_TYPE_FINDINGS_VIEW, NULL);
}

void
dm_findings_view_set_assessment (DmFindingsView *self,
                                 DmAssessment   *assessment)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));
  g_return_if_fail (!assessment || DM_IS_ASSESSMENT (assessment));

  g_set_object (&self->assessment, assessment);
  gtk_filter_list_model_set_model (self->filtered, assessment ? dm_assessment_get_findings (assessment) : NULL);
  gtk_stack_set_visible_child_name (self->stack, assessment ? "findings" : "empty");
  update_count (self);
}

void
dm_findings_view_set_search (DmFindingsView *self,
                             const char     *text)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Apply now rather than after the entry's typing delay. */
  search_changed_cb (self);
}

void
dm_findings_view_set_failed_only (DmFindingsView *self,
                                  gboolean        failed_only)
{
  dm_findings_view_set_status (self, failed_only ? DM_FINDING_FAILED : -1);
}

/**
 * dm_findings_view_set_status:
 * @status: a #DmFindingStatus, or -1 for every finding
 *
 * Shows only the findings of @status, as the drop-down does.
 */
void
dm_findings_view_set_status (DmFindingsView *self,
                             int             status)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (dropdown_statuses); i++)
    if (dropdown_statuses[i] == status)
      {
        gtk_drop_down_set_selected (self->status_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

int
dm_findings_view_get_status (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), -1);
  return self->status;
}

/**
 * dm_findings_view_get_shown:
 *
 * Returns: (transfer none): the findings as shown: filtered and sorted
 */
GListModel *
dm_findings_view_get_shown (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/* Ctrl+F on the Findings view searches the findings. */
void
dm_findings_view_focus_search (DmFindingsView *self)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
dm_findings_view_set_model (DmFindingsView *self,
                            DmModel        *model)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));
  g_set_object (&self->model, model);
}
