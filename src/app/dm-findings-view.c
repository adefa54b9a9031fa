/* dm-findings-view.c
 *
 * The assessment's findings, filtered, grouped by check (DmFindingGroup:
 * failed first, worst first) in a GtkColumnView over a GtkTreeListModel,
 * with the selected finding in full beside the list. Groups of several
 * findings expand to them; a group of one is that finding.
 *
 * Export text is never markup here: every cell and field is a plain label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-findings-view"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "dm-findings-view.h"
#include "dm-lazy-layout.h"
#include "dm-object-array.h"
#include "dm-tooltip.h"
#include "dm-hash.h"

typedef enum
{
  COLUMN_SEVERITY,
  COLUMN_TITLE,
  COLUMN_RESOURCE,
  COLUMN_SERVICE,
  COLUMN_LAYER,
  COLUMN_REGION,
  COLUMN_ACCOUNT,
  N_COLUMNS
} Column;

/* The filters that pick one value among those of the export. */
#define FIRST_VALUE_CONTROL DM_FINDINGS_SERVICE
#define N_VALUE_CONTROLS (DM_FINDINGS_TOOL - DM_FINDINGS_SERVICE + 1)

/* Each drop-down's name, the start of its accessible name ("Severity:
 * high and above"), and the row that means "no filter". */
static const struct
{
  const char *name;
  const char *all;
} controls[DM_N_FINDINGS_CONTROLS] = {
  [DM_FINDINGS_STATUS] = { N_("Status"), N_("All results") },
  [DM_FINDINGS_SEVERITY] = { N_("Severity"), N_("Any severity") },
  [DM_FINDINGS_SERVICE] = { N_("Service"), N_("All services") },
  [DM_FINDINGS_LAYER] = { N_("Layer"), N_("All layers") },
  [DM_FINDINGS_REGION] = { N_("Region"), N_("All regions") },
  [DM_FINDINGS_ACCOUNT] = { N_("Account"), N_("All accounts") },
  [DM_FINDINGS_TOOL] = { N_("Tool"), N_("All tools") },
  [DM_FINDINGS_SORT] = { N_("Sort by"), N_("Worst first") },
  [DM_FINDINGS_CHANGES] = { N_("Changes"), N_("All changes") },
};

/* The changes drop-down's rows; fixed findings are the older export's. */
static const int dropdown_changes[] = {
  -1, DM_CHANGE_OPENED, DM_CHANGE_UNCHANGED, DM_CHANGE_CLOSED,
};

/* The status drop-down's rows: informational and suppressed findings are
 * listed too, never as gaps. */
static const int dropdown_statuses[] = {
  -1, DM_FINDING_FAILED, DM_FINDING_PASSED, DM_FINDING_INFORMATIONAL, DM_FINDING_SUPPRESSED,
};

/* The severity drop-down's rows: a floor, worst first. */
static const DmSeverity dropdown_severities[] = {
  DM_SEVERITY_UNKNOWN, DM_SEVERITY_CRITICAL, DM_SEVERITY_HIGH, DM_SEVERITY_MEDIUM, DM_SEVERITY_LOW,
};

struct _DmFindingsView
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkFlowBox         *filters_box;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkBox             *detail_box;
  GtkScrolledWindow  *detail_scroller;

  GtkDropDown        *dropdowns[DM_N_FINDINGS_CONTROLS];
  GPtrArray          *values[N_VALUE_CONTROLS];  /* the ids behind each row; row 0 is NULL */

  DmAssessment       *assessment;
  DmDiff             *diff;        /* a comparison shown, or NULL */
  GtkColumnViewColumn *severity_column;
  DmModel            *model;       /* for service and layer names */
  DmObjectArray      *groups;      /* DmFindingGroup, as shown */
  DmObjectArray      *rows;        /* the list's top rows: the groups, as they come in */
  guint               show_more_id;
  DmObjectArray      *shown;       /* DmFinding, flat, in the groups' order */
  GtkTreeListModel   *tree;        /* owned by the selection */
  GtkSingleSelection *selection;
  char               *needle;
  int                 status;      /* DmFindingStatus shown, or -1 for all */
  DmSeverity          min_severity;
  DmFindingsSort      sort;
  int                 change;      /* DmChange shown, or -1 for all */
  gboolean            rebuilding;  /* drop-down models being replaced */
};

G_DEFINE_FINAL_TYPE (DmFindingsView, dm_findings_view, ADW_TYPE_BIN)

static void update_detail (DmFindingsView *self);

/* Shared wording *********************************************************/

/**
 * dm_findings_view_new_badge:
 *
 * The severity as a word on its colour of the one scale, or the status
 * for findings that are not gaps: colour is never the only cue.
 *
 * Returns: (transfer floating): a #GtkLabel
 */
GtkWidget *
dm_findings_view_new_badge (DmSeverity      severity,
                            DmFindingStatus status)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "severity-badge");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (status == DM_FINDING_FAILED)
    {
      gtk_label_set_text (GTK_LABEL (label), dm_severity_to_label (severity));
      gtk_widget_add_css_class (label, dm_severity_colours (severity)->css_class);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (status == DM_FINDING_PASSED ? "✓ %s" : "– %s",
                                               dm_finding_status_to_label (status));

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, status == DM_FINDING_PASSED ? "severity-passed" : "severity-other");
    }
  return label;
}

static const char *
severity_or_status (DmSeverity      severity,
                    DmFindingStatus status)
{
  return status == DM_FINDING_FAILED ? dm_severity_to_label (severity) : dm_finding_status_to_label (status);
}

/* "EBS default encryption is off — Medium — 1 resource in 17 regions":
 * the group's row and expander say this, on screen and to a reader. */
char *
dm_findings_view_describe_group (DmFindingGroup *group)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);

  /* Translators: a check, its severity (or status) and its scope */
  return g_strdup_printf (_("%s — %s — %s"), dm_finding_group_get_title (group),
                          severity_or_status (dm_finding_group_get_severity (group),
                                              dm_finding_group_get_status (group)),
                          scope);
}

/* What a reader hears for a finding's row: severity, status, title,
 * resource and region, in words. */
char *
dm_findings_view_describe_finding (DmFinding *finding)
{
  const char *resource = dm_finding_get_resource (finding);
  const char *region = dm_finding_get_region (finding);
  g_autofree char *text = NULL;

  /* Translators: "High severity, failed: Root account has no MFA; resource: root" */
  text = g_strdup_printf (_("%s severity, %s: %s; resource: %s"),
                          dm_severity_to_label (dm_finding_get_severity (finding)),
                          dm_finding_status_to_label (dm_finding_get_status (finding)),
                          dm_finding_get_title (finding),
                          resource && *resource ? resource : _("none"));
  if (region == NULL || *region == '\0')
    return g_steal_pointer (&text);
  /* Translators: a finding's description, then its region */
  return g_strdup_printf (_("%s; region: %s"), text, region);
}

/**
 * dm_findings_view_change_words:
 * @diff: (nullable): the comparison shown
 * @group: (nullable): a group, or %NULL for @finding alone
 * @fixed: (out): whether the words say fixed
 *
 * What a row says of its change since the older export: "New", "Fixed",
 * or for a group of which only some are new, "2 new".
 *
 * Returns: (transfer full) (nullable): the words, or %NULL for no change
 */
char *
dm_findings_view_change_words (DmDiff         *diff,
                               DmFindingGroup *group,
                               DmFinding      *finding,
                               gboolean       *fixed)
{
  guint n = group ? dm_finding_group_get_n_findings (group) : 1;
  guint opened = 0, closed = 0;

  *fixed = FALSE;
  if (diff == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      DmFinding *member = group ? g_ptr_array_index (dm_finding_group_get_findings (group), i) : finding;
      DmChange change;

      if (dm_diff_lookup (diff, member, &change))
        {
          opened += change == DM_CHANGE_OPENED;
          closed += change == DM_CHANGE_CLOSED;
        }
    }
  *fixed = closed == n;
  if (closed == n)
    return g_strdup (_("Fixed"));
  if (opened == n)
    return g_strdup (_("New"));
  if (opened > 0)
    /* Translators: of a group of findings, how many are new since the older export */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", opened), opened);
  return NULL;
}

/**
 * dm_findings_view_new_change_tag:
 *
 * The change in words on an outlined tag: colour is never the only cue.
 *
 * Returns: (transfer floating): a #GtkLabel
 */
GtkWidget *
dm_findings_view_new_change_tag (const char *words,
                                 gboolean    fixed)
{
  GtkWidget *label = gtk_label_new (words);

  gtk_widget_add_css_class (label, "change-tag");
  gtk_widget_add_css_class (label, fixed ? "change-fixed" : "change-new");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static char *
describe_group_row (DmFindingGroup *group)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);

  if (dm_finding_group_get_n_findings (group) == 1)
    return dm_findings_view_describe_finding (g_ptr_array_index (dm_finding_group_get_findings (group), 0));
  /* Translators: "Medium severity, failed: EBS default encryption is off; 17 resources in 17 regions" */
  return g_strdup_printf (_("%s severity, %s: %s; %s"),
                          dm_severity_to_label (dm_finding_group_get_severity (group)),
                          dm_finding_status_to_label (dm_finding_group_get_status (group)),
                          dm_finding_group_get_title (group), scope);
}

/* Values of a finding ****************************************************/

/* The id a value filter compares, or NULL. */
static const char *
finding_value (DmFindingsView   *self,
               DmFinding        *finding,
               DmFindingsControl control)
{
  switch (control)
    {
    case DM_FINDINGS_SERVICE:
      return dm_finding_get_service (finding);
    case DM_FINDINGS_LAYER:
      /* A fixed finding is only in the older export's assessment. */
      if (self->diff && self->change == DM_CHANGE_CLOSED)
        return dm_assessment_get_finding_layer (dm_diff_get_old (self->diff), finding);
      return self->assessment ? dm_assessment_get_finding_layer (self->assessment, finding) : NULL;
    case DM_FINDINGS_REGION:
      return dm_finding_get_region (finding);
    case DM_FINDINGS_ACCOUNT:
      return dm_finding_get_account (finding);
    case DM_FINDINGS_TOOL:
      return dm_finding_get_tool (finding);
    case DM_FINDINGS_STATUS:
    case DM_FINDINGS_SEVERITY:
    case DM_FINDINGS_SORT:
    case DM_FINDINGS_CHANGES:
    case DM_N_FINDINGS_CONTROLS:
    default:
      return NULL;
    }
}

/* Names, as the rest of the window shows them; ids as a fallback. */
static const char *
value_label (DmFindingsView   *self,
             DmFindingsControl control,
             const char       *id)
{
  if (id == NULL)
    return _("unmapped");
  if (control == DM_FINDINGS_SERVICE && self->model)
    {
      DmService *service = dm_model_find_service (self->model, id);

      return service ? dm_service_get_short_name (service) : id;
    }
  if (control == DM_FINDINGS_LAYER && self->model)
    {
      DmLayer *layer = dm_model_find_layer (self->model, id);

      return layer ? dm_layer_get_name (layer) : id;
    }
  return id;
}

/* A finding reported by several tools matches each of them. */
static gboolean
has_tool (DmFinding  *finding,
          const char *tool)
{
  for (guint i = 0; i < dm_finding_get_n_origins (finding); i++)
    if (g_strcmp0 (dm_finding_get_origin (finding, i).tool, tool) == 0)
      return TRUE;
  return g_strcmp0 (dm_finding_get_tool (finding), tool) == 0;
}

static const char *
chosen_value (DmFindingsView   *self,
              DmFindingsControl control)
{
  GPtrArray *values = self->values[control - FIRST_VALUE_CONTROL];
  guint selected = gtk_drop_down_get_selected (self->dropdowns[control]);

  return values && selected < values->len ? g_ptr_array_index (values, selected) : NULL;
}

/* Filtering and grouping *************************************************/

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
matches_search (DmFindingsView *self,
                DmFinding      *finding)
{
  g_autofree char *controls_text = NULL;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;

  controls_text = g_strjoinv (" ", (char **)dm_finding_get_controls (finding));
  return contains (dm_finding_get_title (finding), self->needle) ||
         contains (dm_finding_get_resource (finding), self->needle) ||
         contains (dm_finding_get_check (finding), self->needle) ||
         contains (dm_finding_get_service (finding), self->needle) ||
         contains (dm_finding_get_evidence (finding), self->needle) ||
         contains (dm_finding_get_region (finding), self->needle) ||
         contains (controls_text, self->needle);
}

static gboolean
matches (DmFindingsView *self,
         DmFinding      *finding)
{
  if (self->status >= 0 && dm_finding_get_status (finding) != (DmFindingStatus)self->status)
    return FALSE;
  if (self->min_severity > DM_SEVERITY_UNKNOWN && dm_finding_get_severity (finding) < self->min_severity)
    return FALSE;
  if (self->diff && self->change >= 0)
    {
      DmChange change;

      if (!dm_diff_lookup (self->diff, finding, &change) || (int)change != self->change)
        return FALSE;
    }

  for (DmFindingsControl c = FIRST_VALUE_CONTROL; c <= DM_FINDINGS_TOOL; c++)
    {
      const char *wanted = chosen_value (self, c);

      if (wanted == NULL)
        continue;
      if (c == DM_FINDINGS_TOOL ? !has_tool (finding, wanted)
                                : g_strcmp0 (finding_value (self, finding, c), wanted) != 0)
        return FALSE;
    }
  return matches_search (self, finding);
}

static const char *
group_service (DmFindingGroup *group)
{
  return dm_finding_get_service (g_ptr_array_index (dm_finding_group_get_findings (group), 0));
}

/* Other orders than the groups' own. */
static int
compare_sorted (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  DmFindingGroup *ga = *(DmFindingGroup **)a, *gb = *(DmFindingGroup **)b;
  DmFindingsSort sort = GPOINTER_TO_INT (user_data);
  int c = 0;

  if (sort == DM_FINDINGS_SORT_MOST)
    c = (int)dm_finding_group_get_n_findings (gb) - (int)dm_finding_group_get_n_findings (ga);
  else if (sort == DM_FINDINGS_SORT_TITLE)
    c = strcmp (dm_finding_group_get_title_key (ga), dm_finding_group_get_title_key (gb));
  else if (sort == DM_FINDINGS_SORT_SERVICE)
    c = g_strcmp0 (group_service (ga) ? group_service (ga) : "\xff", group_service (gb) ? group_service (gb) : "\xff");
  /* Ties keep their order, worst first: the sort is stable. */
  return c;
}

static void
update_count (DmFindingsView *self,
              guint           n_total)
{
  g_autofree char *text = NULL;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  /* Translators: "23 of 33 findings, in 12 checks" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u findings, in %u check",
                                       "%u of %u findings, in %u checks", n_groups),
                          n_shown, n_total, n_groups);
  gtk_label_set_text (self->count_label, text);
}

/* The findings the filters pick from: the export's, or the fixed ones,
 * which only the older export has. */
static GPtrArray *
source_findings (DmFindingsView *self)
{
  GListModel *all = self->assessment ? dm_assessment_get_findings (self->assessment) : NULL;
  GPtrArray *source = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->diff && self->change == DM_CHANGE_CLOSED)
    {
      for (guint i = 0; i < dm_diff_get_n_changes (self->diff); i++)
        {
          DmChange change;
          DmFinding *finding = dm_diff_get_change (self->diff, i, &change);

          if (change == DM_CHANGE_CLOSED)
            g_ptr_array_add (source, g_object_ref (finding));
        }
      return source;
    }
  for (guint i = 0; all && i < g_list_model_get_n_items (all); i++)
    g_ptr_array_add (source, g_list_model_get_item (all, i));
  return source;
}

/* The groups of @kept. The failed findings' groups the assessment made
 * once (in the import's thread), and they are shared, never changed. */
static GPtrArray *
kept_groups (DmFindingsView *self,
             GPtrArray      *kept)
{
  GPtrArray *failed = self->assessment && !self->diff ? dm_assessment_get_failed (self->assessment) : NULL;

  if (failed == NULL || failed->len != kept->len ||
      (kept->len > 0 && memcmp (failed->pdata, kept->pdata, kept->len * sizeof (gpointer)) != 0))
    return dm_finding_groups_new (kept);
  return g_ptr_array_ref (dm_assessment_get_failed_groups (self->assessment));
}

/* The filters as the view first shows them: failed findings, of every
 * severity, service, layer, region, account and tool, in any order. */
static gboolean
picks_failed_only (DmFindingsView *self)
{
  if (self->status != DM_FINDING_FAILED || self->min_severity > DM_SEVERITY_UNKNOWN || self->diff != NULL ||
      (self->needle != NULL && *self->needle != '\0'))
    return FALSE;
  for (DmFindingsControl c = FIRST_VALUE_CONTROL; c <= DM_FINDINGS_TOOL; c++)
    if (chosen_value (self, c) != NULL)
      return FALSE;
  return TRUE;
}

/* GTK 4.8 builds a row for each of a list's first 200 or so items at once,
 * shown or not: tens of milliseconds for a large export. The rows come in
 * a few at a time instead, a screenful first, then more between frames,
 * and the items past the built rows all at once. */
#define FIRST_ROWS 8
#define ROWS_AT_ONCE 24
#define BUILT_ROWS 200

static gboolean
show_more_cb (gpointer data)
{
  DmFindingsView *self = data;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_all = dm_object_array_get_n_all (self->rows);

  dm_object_array_show (self->rows, n_rows < BUILT_ROWS ? n_rows + ROWS_AT_ONCE : n_all);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) < n_all)
    return G_SOURCE_CONTINUE;
  self->show_more_id = 0;
  return G_SOURCE_REMOVE;
}

/* Every row in at once, for those who read or select them. */
static void
show_all_now (DmFindingsView *self)
{
  if (self->show_more_id == 0)
    return;
  g_clear_handle_id (&self->show_more_id, g_source_remove);
  dm_object_array_show (self->rows, dm_object_array_get_n_all (self->rows));
}

static void
show_groups (DmFindingsView *self,
             GPtrArray      *groups)
{
  g_clear_handle_id (&self->show_more_id, g_source_remove);
  dm_object_array_set_items (self->groups, groups, groups->len);
  dm_object_array_set_items (self->rows, groups, FIRST_ROWS);
  if (groups->len > FIRST_ROWS)
    /* Just after each frame, before other idle work. */
    self->show_more_id = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, show_more_cb, self, NULL);
}

/* Filters, groups and sorts again: the groups are simply rebuilt, but for
 * the failed findings, whose groups, and those groups' findings in order,
 * are made once. */
static void
refilter (DmFindingsView *self)
{
  GPtrArray *cached = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) flat = NULL;
  guint n_total;

  if (self->rebuilding)
    return;

  if (self->assessment && picks_failed_only (self))
    {
      /* The filters first shown: no finding to test. */
      n_total = g_list_model_get_n_items (dm_assessment_get_findings (self->assessment));
      groups = g_ptr_array_ref (dm_assessment_get_failed_groups (self->assessment));
    }
  else
    {
      g_autoptr(GPtrArray) source = source_findings (self);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      n_total = source->len;
      for (guint i = 0; i < n_total; i++)
        if (matches (self, g_ptr_array_index (source, i)))
          g_ptr_array_add (kept, g_ptr_array_index (source, i));
      groups = kept_groups (self, kept);
    }

  /* Without a comparison the assessment's groups are made by now (for
   * dm_assessment_get_failed () too), and may be the ones kept. */
  cached = self->assessment && !self->diff ? dm_assessment_get_failed_groups (self->assessment) : NULL;
  if (groups == cached && self->sort == DM_FINDINGS_SORT_WORST)
    flat = g_ptr_array_ref (dm_assessment_get_failed_grouped (self->assessment));
  else
    {
      if (self->sort != DM_FINDINGS_SORT_WORST)
        {
          /* Sorted in a copy: the assessment's groups are shared. */
          if (groups == cached)
            {
              g_ptr_array_unref (groups);
              groups = g_ptr_array_new_full (cached->len, g_object_unref);
              for (guint i = 0; i < cached->len; i++)
                g_ptr_array_add (groups, g_object_ref (g_ptr_array_index (cached, i)));
            }
          g_ptr_array_sort_with_data (groups, compare_sorted, GINT_TO_POINTER (self->sort));
        }
      flat = dm_finding_groups_flatten (groups);
    }

  dm_object_array_set_items (self->shown, flat, flat->len);
  show_groups (self, groups);
  update_count (self, n_total);
  update_detail (self);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  DmObjectArray *store;
  GPtrArray *findings;

  /* A group of one is that finding: nothing to expand. */
  if (!DM_IS_FINDING_GROUP (item) || dm_finding_group_get_n_findings (item) < 2)
    return NULL;

  findings = dm_finding_group_get_findings (item);
  store = dm_object_array_new (DM_TYPE_FINDING);
  dm_object_array_set_all (store, findings->pdata, findings->len);
  return G_LIST_MODEL (store);
}

/* The finding a row stands for: itself, or a group's only one. */
static DmFinding *
row_finding (GObject *item)
{
  if (DM_IS_FINDING (item))
    return DM_FINDING (item);
  if (DM_IS_FINDING_GROUP (item) && dm_finding_group_get_n_findings (DM_FINDING_GROUP (item)) == 1)
    return g_ptr_array_index (dm_finding_group_get_findings (DM_FINDING_GROUP (item)), 0);
  return NULL;
}

/* Cells ******************************************************************/

static DmFindingsControl
column_control (Column column)
{
  switch (column)
    {
    case COLUMN_SERVICE: return DM_FINDINGS_SERVICE;
    case COLUMN_LAYER: return DM_FINDINGS_LAYER;
    case COLUMN_REGION: return DM_FINDINGS_REGION;
    case COLUMN_ACCOUNT: return DM_FINDINGS_ACCOUNT;
    case COLUMN_SEVERITY:
    case COLUMN_TITLE:
    case COLUMN_RESOURCE:
    case N_COLUMNS:
    default: return DM_N_FINDINGS_CONTROLS;
    }
}

/* A group's value when all its findings share it, else how many there are. */
static char *
group_value_text (DmFindingsView   *self,
                  DmFindingGroup   *group,
                  DmFindingsControl control)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *findings = dm_finding_group_get_findings (group);
  const char *first = finding_value (self, g_ptr_array_index (findings, 0), control);
  guint n;

  for (guint i = 0; i < findings->len; i++)
    {
      const char *value = finding_value (self, g_ptr_array_index (findings, i), control);

      if (value != NULL && *value != '\0')
        g_hash_table_add (seen, (gpointer)value);
    }
  n = g_hash_table_size (seen);
  if (n <= 1)
    return g_strdup (n == 0 ? "—" : value_label (self, control, first));

  switch (control)
    {
    case DM_FINDINGS_SERVICE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n), n);
    case DM_FINDINGS_LAYER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u layer", "%u layers", n), n);
    case DM_FINDINGS_REGION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region", "%u regions", n), n);
    case DM_FINDINGS_ACCOUNT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", n), n);
    case DM_FINDINGS_STATUS:
    case DM_FINDINGS_SEVERITY:
    case DM_FINDINGS_TOOL:
    case DM_FINDINGS_SORT:
    case DM_FINDINGS_CHANGES:
    case DM_N_FINDINGS_CONTROLS:
    default:
      return g_strdup_printf ("%u", n);
    }
}

static char *
cell_text (DmFindingsView *self,
           GObject        *item,
           Column          column)
{
  DmFinding *finding = row_finding (item);
  DmFindingGroup *group = DM_IS_FINDING_GROUP (item) ? DM_FINDING_GROUP (item) : NULL;

  if (column == COLUMN_TITLE)
    return g_strdup (group ? dm_finding_group_get_title (group) : dm_finding_get_title (finding));
  if (column == COLUMN_RESOURCE)
    {
      if (finding == NULL)
        return dm_finding_group_describe_scope (group);
      return g_strdup (*dm_finding_get_resource (finding) ? dm_finding_get_resource (finding) : "—");
    }
  if (finding != NULL)
    {
      DmFindingsControl control = column_control (column);
      const char *value = finding_value (self, finding, control);

      if (value != NULL && *value == '\0')
        return g_strdup ("—");
      return g_strdup (value_label (self, control, value));
    }
  return group_value_text (self, group, column_control (column));
}

/* The full text stays reachable where a cell is too narrow. Asked for
 * when shown: setting a tooltip on each bind makes GTK ask the X server
 * where the pointer is, a round trip for every row scrolled in. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Text cells are inscriptions: sized by their characters, not their text,
 * so that a list of thousands of rows (GTK 4.8 keeps some 200 of them
 * built) is not shaped in full each time its model changes. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;

  if (column == COLUMN_SEVERITY)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
      gtk_list_item_set_child (item, expander);
      return;
    }
  cell = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Narrow windows scroll the list sideways rather than lose the title. */
  if (column == COLUMN_TITLE)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 20);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 60);
    }
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, cell);
}

/* GTK 4.8 gives no handle on a column view's row or cell: the cell is the
 * parent of the child the factory made, the row the cell's parent. The
 * row's name is the whole row in words, what a reader says of it; each
 * cell's name ties its value to its column's title, which 4.8's AT-SPI
 * bridge does not (it has no table interface). */
static void
name_cell (GtkWidget  *child,
           const char *column,
           const char *value)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  g_autofree char *name = NULL;

  if (cell == NULL)
    return;
  /* Translators: a cell's accessible name, its column's title and its value: "Region: eu-west-1" */
  name = g_strdup_printf (_("%s: %s"), column, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
name_row (GtkWidget  *child,
          const char *name)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;

  if (row != NULL && !GTK_IS_LIST_VIEW (row) && !GTK_IS_COLUMN_VIEW (row))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static const char *
column_title (Column column)
{
  static const char * const titles[N_COLUMNS] = {
    [COLUMN_SEVERITY] = N_("Severity"), [COLUMN_TITLE] = N_("Finding"), [COLUMN_RESOURCE] = N_("Resource"),
    [COLUMN_SERVICE] = N_("Service"), [COLUMN_LAYER] = N_("Layer"), [COLUMN_REGION] = N_("Region"),
    [COLUMN_ACCOUNT] = N_("Account"),
  };

  return _(titles[column]);
}

static void
bind_severity (DmFindingsView *self,
               GtkListItem    *item,
               GtkTreeListRow *row,
               GObject        *object)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  DmFinding *finding = row_finding (object);
  DmFindingGroup *group = DM_IS_FINDING_GROUP (object) ? DM_FINDING_GROUP (object) : NULL;
  GtkWidget *old;
  g_autofree char *name = group ? describe_group_row (group) : dm_findings_view_describe_finding (finding);
  gboolean fixed;
  g_autofree char *change = dm_findings_view_change_words (self->diff, group, finding, &fixed);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  while ((old = gtk_widget_get_first_child (box)))
    gtk_box_remove (GTK_BOX (box), old);
  gtk_box_append (GTK_BOX (box),
                  group ? dm_findings_view_new_badge (dm_finding_group_get_severity (group), dm_finding_group_get_status (group))
                        : dm_findings_view_new_badge (dm_finding_get_severity (finding), dm_finding_get_status (finding)));
  if (change != NULL)
    {
      char *named;

      gtk_box_append (GTK_BOX (box), dm_findings_view_new_change_tag (change, fixed));
      /* Translators: a row's change since the older export, then the row: "New: High severity, failed: …" */
      named = g_strdup_printf (_("%s: %s"), change, name);
      g_free (name);
      name = named;
    }
  name_row (expander, name);
  /* In 4.8 the tree expander is what holds the focus in a row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_cell (expander, column_title (COLUMN_SEVERITY),
             group ? severity_or_status (dm_finding_group_get_severity (group), dm_finding_group_get_status (group))
                   : severity_or_status (dm_finding_get_severity (finding), dm_finding_get_status (finding)));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DmFindingsView           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_SEVERITY)
    {
      bind_severity (self, item, row, object);
      return;
    }

  text = cell_text (self, object, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* ARNs of one account and kind share their start, so they are cut in
   * the middle; "3 resources in 2 regions" reads from its start. */
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), column == COLUMN_RESOURCE && g_str_has_prefix (text, "arn:")
                                                                ? GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE
                                                                : GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  name_cell (cell, column_title (column), text);
  /* A finding inside a group repeats its group's title: quieter. */
  if (column == COLUMN_TITLE && gtk_tree_list_row_get_depth (row) > 0)
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
  if (column == COLUMN_TITLE && gtk_tree_list_row_get_depth (row) == 0)
    gtk_widget_add_css_class (cell, "heading");
  else
    gtk_widget_remove_css_class (cell, "heading");
}

static void
add_column (DmFindingsView *self,
            Column          index,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

  column = gtk_column_view_column_new (column_title (index), factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* Short, fixed content gets a fixed width; text columns share the rest. */
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  if (index == COLUMN_SEVERITY)
    self->severity_column = column;
  g_object_unref (column);
}

/* The selected finding, in full ******************************************/

static GtkWidget *
detail_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A heading and its value; values can be copied (ARNs, evidence). */
static void
add_field (DmFindingsView *self,
           const char     *heading,
           const char     *value)
{
  GtkWidget *box, *label;

  if (value == NULL || *value == '\0')
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  label = detail_label (value, NULL);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (GTK_BOX (box), detail_label (heading, "caption-heading"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->detail_box, box);
}

static void
clear_detail (DmFindingsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))))
    gtk_box_remove (self->detail_box, child);
}

static void
add_detail_heading (DmFindingsView *self,
                    const char     *title,
                    GtkWidget      *badge,
                    const char     *subtitle)
{
  GtkWidget *heading = detail_label (title, "title-3");

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (self->detail_box, heading);
  gtk_box_append (self->detail_box, badge);
  if (subtitle != NULL)
    gtk_box_append (self->detail_box, detail_label (subtitle, "dim-label"));
}

/* "New since a.json, modified 1 October 2026", or NULL without a change. */
static char *
describe_change (DmFindingsView *self,
                 DmFinding      *finding)
{
  const char *since;
  DmChange change;

  if (self->diff == NULL || !dm_diff_lookup (self->diff, finding, &change))
    return NULL;
  since = dm_diff_get_old_label (self->diff) ? dm_diff_get_old_label (self->diff) : _("the older export");
  if (change == DM_CHANGE_OPENED)
    /* Translators: a finding's change; %s is the older export, by file name and date */
    return g_strdup_printf (_("New since %s"), since);
  if (change == DM_CHANGE_CLOSED)
    /* Translators: %s is the older export, by file name and date */
    return g_strdup_printf (_("Fixed since %s: it failed there and is not failing in this export"), since);
  /* Translators: %s is the older export, by file name and date */
  return g_strdup_printf (_("Still failing: it failed in %s too"), since);
}

/* A fixed finding is the older export's: it is on no layer shown now. */
static gboolean
is_fixed (DmFindingsView *self,
          DmFinding      *finding)
{
  DmChange change;

  return self->diff && dm_diff_lookup (self->diff, finding, &change) && change == DM_CHANGE_CLOSED;
}

static void
show_finding_detail (DmFindingsView *self,
                     DmFinding      *finding)
{
  const char *layer_id = finding_value (self, finding, DM_FINDINGS_LAYER);
  g_autofree char *controls_text = g_strjoinv (", ", (char **)dm_finding_get_controls (finding));
  g_autofree char *resources = g_strjoinv ("\n", (char **)dm_finding_get_resources (finding));
  g_autoptr(GString) reports = g_string_new (NULL);
  GtkWidget *button;

  add_detail_heading (self, dm_finding_get_title (finding),
                      dm_findings_view_new_badge (dm_finding_get_severity (finding), dm_finding_get_status (finding)),
                      NULL);
  add_field (self, _("Status"), dm_finding_status_to_label (dm_finding_get_status (finding)));
  {
    g_autofree char *change = describe_change (self, finding);

    add_field (self, _("Change"), change);
  }
  add_field (self, _("Evidence"), dm_finding_get_evidence (finding));
  add_field (self, g_strv_length ((char **)dm_finding_get_resources (finding)) > 1 ? _("Resources") : _("Resource"),
             *resources ? resources : dm_finding_get_resource (finding));
  add_field (self, _("Resource type"), dm_finding_get_resource_type (finding));
  add_field (self, _("Region"), dm_finding_get_region (finding));
  add_field (self, _("Account"), dm_finding_get_account (finding));
  add_field (self, _("Service"), dm_finding_get_service (finding) ?
             value_label (self, DM_FINDINGS_SERVICE, dm_finding_get_service (finding)) : NULL);
  add_field (self, _("Layer"), layer_id ? value_label (self, DM_FINDINGS_LAYER, layer_id) : _("Not mapped to a layer"));
  add_field (self, _("Remediation"), dm_finding_get_remediation (finding));
  add_field (self, _("Controls"), controls_text);
  add_field (self, _("Check"), dm_finding_get_check (finding));

  /* Every report of it: the same check on the same resource can come from
   * several files or tools. */
  for (guint i = 0; i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);

      /* Translators: a tool that reported a finding, its file and item, e.g. "Prowler: scan.json, item 4" */
      g_string_append_printf (reports, _("%s%s: %s, item %" PRIu64), i ? "\n" : "",
                              origin.tool ? origin.tool : "—", origin.source ? origin.source : "—", origin.source_item);
    }
  if (dm_finding_get_n_origins (finding) == 0)
    g_string_append_printf (reports, _("%s: %s, item %" PRIu64), dm_finding_get_tool (finding),
                            dm_finding_get_source (finding), dm_finding_get_source_item (finding));
  add_field (self, dm_finding_get_n_origins (finding) > 1 ? _("Reported by") : _("Source"), reports->str);

  if (dm_finding_get_service (finding) == NULL || is_fixed (self, finding))
    return;
  button = gtk_button_new_with_mnemonic (_("_Show on Its Layer"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.show");
  gtk_box_append (self->detail_box, button);
}

static void
show_group_detail (DmFindingsView *self,
                   DmFindingGroup *group)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *regions = g_strjoinv (", ", (char **)dm_finding_group_get_regions (group));
  g_autoptr(GString) resources = g_string_new (NULL);
  GPtrArray *findings = dm_finding_group_get_findings (group);

  add_detail_heading (self, dm_finding_group_get_title (group),
                      dm_findings_view_new_badge (dm_finding_group_get_severity (group), dm_finding_group_get_status (group)),
                      scope);
  add_field (self, _("Remediation"), dm_finding_group_get_remediation (group));
  add_field (self, _("Check"), dm_finding_group_get_check (group));
  add_field (self, _("Regions"), regions);
  for (guint i = 0; i < findings->len && i < 50; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (resources, "%s%s", i ? "\n" : "", dm_finding_get_resource (finding));
      if (*dm_finding_get_region (finding))
        g_string_append_printf (resources, " (%s)", dm_finding_get_region (finding));
    }
  if (findings->len > 50)
    g_string_append_printf (resources, "\n…");
  add_field (self, _("Resources"), resources->str);
  gtk_box_append (self->detail_box,
                  detail_label (_("Expand the row, or press Return on it, to list its findings; select one to see its evidence."),
                                "caption"));
}

static void
update_detail (DmFindingsView *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
  DmFinding *finding = item ? row_finding (item) : NULL;

  clear_detail (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.show",
                                 finding != NULL && dm_finding_get_service (finding) != NULL && !is_fixed (self, finding));
  if (finding != NULL)
    show_finding_detail (self, finding);
  else if (item != NULL)
    show_group_detail (self, DM_FINDING_GROUP (item));
  else
    gtk_box_append (self->detail_box, detail_label (_("Select a finding to see its evidence, resource and remediation."),
                                                    "dim-label"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

/* Drop-downs *************************************************************/

/* "Severity: high and above": the name says the value, as the button does. */
static void
name_control (DmFindingsView   *self,
              DmFindingsControl control)
{
  GtkDropDown *dropdown = self->dropdowns[control];
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *name = g_strdup_printf (_("%s: %s"), _(controls[control].name),
                                           item ? gtk_string_object_get_string (item) : _(controls[control].all));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  dm_tooltip_set_text (GTK_WIDGET (dropdown), name);
  /* GTK 4.8 focuses the drop-down's inner toggle button, which a reader
   * would call "GtkToggleButton": it gets the same name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
control_changed_cb (DmFindingsView *self)
{
  guint status = gtk_drop_down_get_selected (self->dropdowns[DM_FINDINGS_STATUS]);
  guint severity = gtk_drop_down_get_selected (self->dropdowns[DM_FINDINGS_SEVERITY]);
  guint sort = gtk_drop_down_get_selected (self->dropdowns[DM_FINDINGS_SORT]);
  guint change = gtk_drop_down_get_selected (self->dropdowns[DM_FINDINGS_CHANGES]);

  self->status = status < G_N_ELEMENTS (dropdown_statuses) ? dropdown_statuses[status] : -1;
  self->min_severity = severity < G_N_ELEMENTS (dropdown_severities) ? dropdown_severities[severity] : DM_SEVERITY_UNKNOWN;
  self->sort = sort <= DM_FINDINGS_SORT_SERVICE ? (DmFindingsSort)sort : DM_FINDINGS_SORT_WORST;
  self->change = self->diff && change < G_N_ELEMENTS (dropdown_changes) ? dropdown_changes[change] : -1;
  for (guint c = 0; c < DM_N_FINDINGS_CONTROLS; c++)
    name_control (self, c);
  refilter (self);
}

static void
add_control (DmFindingsView   *self,
             DmFindingsControl control,
             const char * const *rows)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (list, _(controls[control].all));
  for (guint i = 0; rows && rows[i]; i++)
    gtk_string_list_append (list, _(rows[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  self->dropdowns[control] = GTK_DROP_DOWN (dropdown);
  gtk_flow_box_insert (self->filters_box, dropdown, control == DM_FINDINGS_CHANGES ? 0 : -1);
  /* Tab goes to the drop-downs themselves, not to the flow box's cells. */
  gtk_widget_set_focusable (gtk_widget_get_parent (dropdown), FALSE);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const char * const *pa = a, * const *pb = b;

  return g_utf8_collate (pa[1], pb[1]);
}

/* What each filter of a value picks the findings by. */
static const DmAssessmentValue control_values[] = {
  [DM_FINDINGS_SERVICE] = DM_ASSESSMENT_VALUE_SERVICE,
  [DM_FINDINGS_LAYER] = DM_ASSESSMENT_VALUE_LAYER,
  [DM_FINDINGS_REGION] = DM_ASSESSMENT_VALUE_REGION,
  [DM_FINDINGS_ACCOUNT] = DM_ASSESSMENT_VALUE_ACCOUNT,
  [DM_FINDINGS_TOOL] = DM_ASSESSMENT_VALUE_TOOL,
};

/* The values of one filter present in the export, by their names. */
static void
fill_values (DmFindingsView   *self,
             DmFindingsControl control)
{
  GPtrArray *present = self->assessment ? dm_assessment_get_values (self->assessment, control_values[control]) : NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (const char *[2]));
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; present && i < present->len; i++)
    {
      const char *pair[2] = { g_ptr_array_index (present, i), NULL };

      pair[1] = value_label (self, control, pair[0]);
      g_array_append_val (pairs, pair);
    }
  g_array_sort_with_data (pairs, compare_labels, NULL);

  g_ptr_array_add (values, NULL);
  gtk_string_list_append (list, _(controls[control].all));
  for (guint i = 0; i < pairs->len; i++)
    {
      const char **pair = &g_array_index (pairs, const char *, 2 * i);

      g_ptr_array_add (values, g_strdup (pair[0]));
      gtk_string_list_append (list, pair[1]);
    }
  g_clear_pointer (&self->values[control - FIRST_VALUE_CONTROL], g_ptr_array_unref);
  self->values[control - FIRST_VALUE_CONTROL] = values;
  gtk_drop_down_set_model (self->dropdowns[control], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->dropdowns[control], 0);
}

static void
fill_all_values (DmFindingsView *self)
{
  self->rebuilding = TRUE;
  for (DmFindingsControl c = FIRST_VALUE_CONTROL; c <= DM_FINDINGS_TOOL; c++)
    fill_values (self, c);
  self->rebuilding = FALSE;
  control_changed_cb (self);
}

/* Activation *************************************************************/

static void
show_finding (DmFindingsView *self,
              DmFinding      *finding)
{
  if (finding == NULL || dm_finding_get_service (finding) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-finding", "s", dm_finding_get_id (finding));
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmFindingsView *self = DM_FINDINGS_VIEW (widget);

  show_finding (self, dm_findings_view_get_selected_finding (self));
}

/* Return on a group opens or closes it; on a finding, shows it on its layer. */
static void
activate_cb (GtkColumnView  *view,
             guint           position,
             DmFindingsView *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (item == NULL)
    return;
  if (gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else
    show_finding (self, row_finding (item));
}

/* Object *****************************************************************/

static void
search_changed_cb (DmFindingsView *self)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  refilter (self);
}

static void
dm_findings_view_dispose (GObject *object)
{
  DmFindingsView *self = (DmFindingsView *)object;

  g_clear_handle_id (&self->show_more_id, g_source_remove);
  g_clear_object (&self->assessment);
  g_clear_object (&self->diff);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dm_findings_view_parent_class)->dispose (object);
}

static void
dm_findings_view_finalize (GObject *object)
{
  DmFindingsView *self = (DmFindingsView *)object;

  g_free (self->needle);
  for (guint i = 0; i < N_VALUE_CONTROLS; i++)
    g_clear_pointer (&self->values[i], g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->groups);
  g_clear_object (&self->rows);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (dm_findings_view_parent_class)->finalize (object);
}

/* Measured only when shown (DmLazyLayout): shown or hidden, it asks again. */
static void
dm_findings_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dm_findings_view_parent_class)->map (widget);
  gtk_widget_queue_resize (widget);
}

static void
dm_findings_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dm_findings_view_parent_class)->unmap (widget);
  gtk_widget_queue_resize (widget);
}

static void
dm_findings_view_class_init (DmFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_findings_view_dispose;
  object_class->finalize = dm_findings_view_finalize;
  widget_class->map = dm_findings_view_map;
  widget_class->unmap = dm_findings_view_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, DM_TYPE_LAZY_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, filters_box);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, detail_box);
  gtk_widget_class_bind_template_child (widget_class, DmFindingsView, detail_scroller);

  gtk_widget_class_install_action (widget_class, "findings.show", NULL, show_action);
}

/* The column view's own parts are named by their type in GTK 4.8
 * ("GtkColumnListView", "GtkListItemWidget", "GtkColumnViewTitle"): give
 * the list, the header row and each column title words instead. */
static void
name_internals (DmFindingsView *self)
{
  for (GtkWidget *part = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); part;
       part = gtk_widget_get_next_sibling (part))
    {
      guint index = 0;

      if (GTK_IS_LIST_VIEW (part))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
          continue;
        }
      if (GTK_IS_SCROLLBAR (part))
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"), -1);
      for (GtkWidget *title = gtk_widget_get_first_child (part); title && index < N_COLUMNS;
           title = gtk_widget_get_next_sibling (title))
        gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        column_title (index++), -1);
    }
}

static void
add_controls (DmFindingsView *self)
{
  static const char * const statuses[] = { N_("Failed"), N_("Passed"), N_("Informational"), N_("Suppressed"), NULL };
  static const char * const severities[] = { N_("Critical"), N_("High and above"), N_("Medium and above"),
                                             N_("Low and above"), NULL };
  /* The order in words, not only an arrow. */
  static const char * const sorts[] = { N_("Most findings first"), N_("Title, A to Z"), N_("Service, A to Z"), NULL };

  add_control (self, DM_FINDINGS_STATUS, statuses);
  add_control (self, DM_FINDINGS_SEVERITY, severities);
  for (DmFindingsControl c = FIRST_VALUE_CONTROL; c <= DM_FINDINGS_TOOL; c++)
    add_control (self, c, NULL);
  add_control (self, DM_FINDINGS_SORT, sorts);
  /* Shown by dm_findings_view_set_diff(), with the older export's name. */
  add_control (self, DM_FINDINGS_CHANGES, NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->dropdowns[DM_FINDINGS_CHANGES])), FALSE);
  gtk_drop_down_set_selected (self->dropdowns[DM_FINDINGS_STATUS], 1);
}

static void
dm_findings_view_init (DmFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = dm_object_array_new (DM_TYPE_FINDING_GROUP);
  self->rows = dm_object_array_new (DM_TYPE_FINDING_GROUP);
  self->shown = dm_object_array_new (DM_TYPE_FINDING);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  /* The title is what a reviewer reads: it alone takes the spare width.
   * Accounts are in the filter and the detail, not a column. */
  add_column (self, COLUMN_SEVERITY, 116);
  add_column (self, COLUMN_TITLE, 0);
  add_column (self, COLUMN_RESOURCE, 150);
  add_column (self, COLUMN_SERVICE, 76);
  add_column (self, COLUMN_LAYER, 130);
  add_column (self, COLUMN_REGION, 96);
  name_internals (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_controls (self);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, 0);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  fill_all_values (self);
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
  gtk_stack_set_visible_child_name (self->stack, assessment ? "findings" : "empty");
  /* A new export has other regions, accounts and tools. */
  fill_all_values (self);
}

/**
 * dm_findings_view_set_diff:
 * @diff: (nullable): a comparison of the shown export with an older one
 *
 * Marks new and fixed findings, and shows the Changes filter while
 * @diff is set; without one the filter goes, and with it its choice.
 */
void
dm_findings_view_set_diff (DmFindingsView *self,
                           DmDiff         *diff)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  const char *since;
  char *row;

  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));
  g_return_if_fail (!diff || DM_IS_DIFF (diff));

  g_set_object (&self->diff, diff);
  dropdown = GTK_WIDGET (self->dropdowns[DM_FINDINGS_CHANGES]);
  since = diff && dm_diff_get_old_label (diff) ? dm_diff_get_old_label (diff) : _("the older export");
  gtk_string_list_append (list, _(controls[DM_FINDINGS_CHANGES].all));
  /* Translators: a row of the Changes filter; %s is the older export, by file name and date */
  row = g_strdup_printf (_("New since %s"), since);
  gtk_string_list_append (list, row);
  g_free (row);
  gtk_string_list_append (list, _("Still failing"));
  /* Translators: a row of the Changes filter; %s is the older export, by file name and date */
  row = g_strdup_printf (_("Fixed since %s"), since);
  gtk_string_list_append (list, row);
  g_free (row);

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  self->rebuilding = FALSE;
  gtk_widget_set_visible (gtk_widget_get_parent (dropdown), diff != NULL);
  /* Room for the severity and a "New" tag side by side. */
  gtk_column_view_column_set_fixed_width (self->severity_column, diff ? 170 : 116);
  control_changed_cb (self);
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
        gtk_drop_down_set_selected (self->dropdowns[DM_FINDINGS_STATUS], i);
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
 * dm_findings_view_set_min_severity:
 * @severity: the least severity shown: critical, high, medium, low, or
 *   unknown for any
 */
void
dm_findings_view_set_min_severity (DmFindingsView *self,
                                   DmSeverity      severity)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (dropdown_severities); i++)
    if (dropdown_severities[i] == severity)
      {
        gtk_drop_down_set_selected (self->dropdowns[DM_FINDINGS_SEVERITY], i);
        return;
      }
  g_return_if_reached ();
}

/**
 * dm_findings_view_set_value:
 * @control: a filter by service, layer, region, account or tool
 * @value: (nullable): the id to keep, as in the findings, or %NULL for all
 *
 * Returns: whether @value is one of the export's
 */
gboolean
dm_findings_view_set_value (DmFindingsView   *self,
                            DmFindingsControl control,
                            const char       *value)
{
  GPtrArray *values;

  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), FALSE);
  g_return_val_if_fail (control >= FIRST_VALUE_CONTROL && control <= DM_FINDINGS_TOOL, FALSE);

  values = self->values[control - FIRST_VALUE_CONTROL];
  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      {
        gtk_drop_down_set_selected (self->dropdowns[control], i);
        return TRUE;
      }
  return FALSE;
}

void
dm_findings_view_set_sort (DmFindingsView *self,
                           DmFindingsSort  sort)
{
  g_return_if_fail (DM_IS_FINDINGS_VIEW (self));
  gtk_drop_down_set_selected (self->dropdowns[DM_FINDINGS_SORT], sort);
}

GtkDropDown *
dm_findings_view_get_control (DmFindingsView   *self,
                              DmFindingsControl control)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  g_return_val_if_fail (control < DM_N_FINDINGS_CONTROLS, NULL);
  return self->dropdowns[control];
}

/**
 * dm_findings_view_get_shown:
 *
 * Returns: (transfer none): the findings that pass the filters, group by
 *   group in the order shown
 */
GListModel *
dm_findings_view_get_shown (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * dm_findings_view_get_groups:
 *
 * Returns: (transfer none): the #DmFindingGroup rows, in order
 */
GListModel *
dm_findings_view_get_groups (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->groups);
}

GtkColumnView *
dm_findings_view_get_list (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  show_all_now (self);
  return self->column_view;
}

GtkWidget *
dm_findings_view_get_detail (DmFindingsView *self)
{
  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);
  return GTK_WIDGET (self->detail_box);
}

/**
 * dm_findings_view_select_finding:
 *
 * Selects @finding's row, opening its group.
 *
 * Returns: whether @finding is shown
 */
gboolean
dm_findings_view_select_finding (DmFindingsView *self,
                                 DmFinding      *finding)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), FALSE);

  show_all_now (self);
  /* Opening a group inserts its findings right after it. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (row_finding (item) == finding)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
      if (DM_IS_FINDING_GROUP (item) &&
          g_ptr_array_find (dm_finding_group_get_findings (DM_FINDING_GROUP (item)), finding, NULL))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return FALSE;
}

/**
 * dm_findings_view_get_selected_finding:
 *
 * Returns: (transfer none) (nullable): the selected finding, or %NULL
 *   when none is, or a group of several is
 */
DmFinding *
dm_findings_view_get_selected_finding (DmFindingsView *self)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (DM_IS_FINDINGS_VIEW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  item = row ? gtk_tree_list_row_get_item (row) : NULL;
  /* The row holds the finding; the groups hold the rows. */
  return item ? row_finding (item) : NULL;
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
  if (!g_set_object (&self->model, model))
    return;
  /* Service and layer names come from the model. */
  fill_all_values (self);
}
