/* dm-review-summary.c
 *
 * The executive summary a review opens with, computed once from a report
 * so that the window's overview, slide 1 and page 1 of every report say the
 * same: the scope (accounts, regions, files and tools), the reconciliation
 * of every item read, the failed findings by severity and customer layer,
 * and the worst checks with what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-review-summary"

#include "config.h"

#include <string.h>

#include "dm-report-private.h"
#include "dm-hash.h"
#include "dm-review-summary.h"

typedef struct
{
  char    *path;
  char    *format;
  GStrv    tools;
  guint64  items;
  char    *when;
} Source;

struct _DmReviewSummary
{
  GObject         parent_instance;

  GStrv           accounts;
  GStrv           regions;
  GArray         *sources;     /* Source */
  DmImportCounts  counts;
  GPtrArray      *columns;     /* DmLayer: customer or shared somewhere */
  guint          *cells;       /* [severity][column] */
  guint           unplaced[DM_REVIEW_N_SEVERITIES];
  guint           failed[DM_REVIEW_N_SEVERITIES];
  GPtrArray      *top_risks;   /* DmFindingGroup */
  guint           n_failed_groups;
};

G_DEFINE_FINAL_TYPE (DmReviewSummary, dm_review_summary, G_TYPE_OBJECT)

static void
source_clear (gpointer data)
{
  Source *source = data;

  g_free (source->path);
  g_free (source->format);
  g_strfreev (source->tools);
  g_free (source->when);
}

static void
dm_review_summary_finalize (GObject *object)
{
  DmReviewSummary *self = DM_REVIEW_SUMMARY (object);

  g_strfreev (self->accounts);
  g_strfreev (self->regions);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_free (self->cells);
  g_clear_pointer (&self->top_risks, g_ptr_array_unref);

  G_OBJECT_CLASS (dm_review_summary_parent_class)->finalize (object);
}

static void
dm_review_summary_class_init (DmReviewSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_review_summary_finalize;
}

static void
dm_review_summary_init (DmReviewSummary *self)
{
  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->columns = g_ptr_array_new ();
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* The keys of @set, sorted, as a new NULL-terminated vector. */
static GStrv
sorted_keys (GHashTable *set)
{
  guint n;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (set, &n);
  GStrv strv = g_new0 (char *, n + 1);

  g_qsort_with_data (keys, n, sizeof (gpointer), compare_strings, NULL);
  for (guint i = 0; i < n; i++)
    strv[i] = g_strdup (keys[i]);
  return strv;
}

static void
add_nonempty (GHashTable *set,
              const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_add (set, (gpointer)value);
}

/* The layers a customer has a part in for at least one service. */
static void
collect_columns (DmReviewSummary *self,
                 DmModel         *model)
{
  for (guint l = 0; l < dm_model_get_n_layers (model); l++)
    {
      DmLayer *layer = dm_model_get_layer (model, l);

      for (guint s = 0; s < dm_model_get_n_services (model); s++)
        {
          DmOwner owner = dm_service_get_owner (dm_model_get_service (model, s), layer);

          if (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED)
            {
              g_ptr_array_add (self->columns, layer);
              break;
            }
        }
    }
  self->cells = g_new0 (guint, DM_REVIEW_N_SEVERITIES * self->columns->len);
}

static void
count_failed (DmReviewSummary *self,
              DmAssessment    *assessment,
              DmFinding       *finding)
{
  DmSeverity severity = MIN (dm_finding_get_severity (finding), DM_SEVERITY_CRITICAL);
  const char *layer = dm_assessment_get_finding_layer (assessment, finding);

  self->failed[severity]++;
  for (guint c = 0; layer != NULL && c < self->columns->len; c++)
    if (g_str_equal (dm_layer_get_id (g_ptr_array_index (self->columns, c)), layer))
      {
        self->cells[severity * self->columns->len + c]++;
        return;
      }
  self->unplaced[severity]++;
}

static void
collect_sources (DmReviewSummary *self,
                 DmReport        *report,
                 GHashTable      *tools_by_source)
{
  for (guint i = 0; i < dm_report_get_n_inputs (report); i++)
    {
      const DmImportInput *input = dm_report_get_input (report, i);
      GHashTable *tools = g_hash_table_lookup (tools_by_source, input->path);
      Source source = {
        .path = g_strdup (dm_report_get_input_path (report, i)),
        .format = g_strdup (input->format),
        .items = input->items,
        .when = _dm_report_input_date (report, i),
      };

      if (tools != NULL)
        source.tools = sorted_keys (tools);
      else
        source.tools = g_new0 (char *, 1);
      g_array_append_val (self->sources, source);
    }
}

/**
 * dm_review_summary_new:
 * @report: the report to summarise
 * @max_risks: how many of the worst failed checks to keep as top risks
 */
DmReviewSummary *
dm_review_summary_new (DmReport *report,
                       guint     max_risks)
{
  DmReviewSummary *self = g_object_new (DM_TYPE_REVIEW_SUMMARY, NULL);
  DmAssessment *assessment = dm_report_get_assessment (report);
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GHashTable) accounts = g_hash_table_new (dm_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions = g_hash_table_new (dm_str_hash, g_str_equal);
  g_autoptr(GHashTable) tools_by_source = g_hash_table_new_full (dm_str_hash, g_str_equal, NULL,
                                                                 (GDestroyNotify)g_hash_table_unref);
  /* The assessment's groups are of the same findings, made once. */
  gboolean grouped = dm_assessment_get_findings (assessment) == findings;
  g_autoptr(GPtrArray) failed = grouped ? NULL : g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) groups = NULL;

  collect_columns (self, dm_report_get_model (report));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *source = dm_finding_get_source (finding);
      GHashTable *tools;

      add_nonempty (accounts, dm_finding_get_account (finding));
      add_nonempty (regions, dm_finding_get_region (finding));
      if (source != NULL && dm_finding_get_tool (finding) != NULL)
        {
          if ((tools = g_hash_table_lookup (tools_by_source, source)) == NULL)
            g_hash_table_insert (tools_by_source, (gpointer)source, tools = g_hash_table_new (dm_str_hash, g_str_equal));
          g_hash_table_add (tools, (gpointer)dm_finding_get_tool (finding));
        }
      if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
        {
          count_failed (self, assessment, finding);
          if (failed != NULL)
            g_ptr_array_add (failed, g_steal_pointer (&finding));
        }
    }

  self->accounts = sorted_keys (accounts);
  self->regions = sorted_keys (regions);
  collect_sources (self, report, tools_by_source);
  _dm_report_inputs_total (report, &self->counts);

  if (grouped)
    {
      GPtrArray *all = dm_assessment_get_failed_groups (assessment);

      groups = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < all->len && i < max_risks; i++)
        g_ptr_array_add (groups, g_object_ref (g_ptr_array_index (all, i)));
      self->n_failed_groups = all->len;
    }
  else
    {
      groups = dm_finding_groups_new (failed);
      self->n_failed_groups = groups->len;
      if (groups->len > max_risks)
        g_ptr_array_set_size (groups, max_risks);
    }
  self->top_risks = g_steal_pointer (&groups);
  return self;
}

const char * const *
dm_review_summary_get_accounts (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  return (const char * const *)self->accounts;
}

const char * const *
dm_review_summary_get_regions (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  return (const char * const *)self->regions;
}

guint
dm_review_summary_get_n_sources (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  return self->sources->len;
}

/* Valid as long as @self; a DmReviewSource is a view of its Source. */
const DmReviewSource *
dm_review_summary_get_source (DmReviewSummary *self,
                              guint            index)
{
  G_STATIC_ASSERT (sizeof (Source) == sizeof (DmReviewSource));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Source, tools) == G_STRUCT_OFFSET (DmReviewSource, tools));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Source, items) == G_STRUCT_OFFSET (DmReviewSource, items));
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Source, when) == G_STRUCT_OFFSET (DmReviewSource, when));

  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return (const DmReviewSource *)&g_array_index (self->sources, Source, index);
}

/* Every item of every input, as the reconciliation line words it. */
const DmImportCounts *
dm_review_summary_get_counts (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  return &self->counts;
}

guint
dm_review_summary_get_n_columns (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  return self->columns->len;
}

DmLayer *
dm_review_summary_get_column (DmReviewSummary *self,
                              guint            column)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

/* Failed findings of @severity on the layer of @column. */
guint
dm_review_summary_get_cell (DmReviewSummary *self,
                            DmSeverity       severity,
                            guint            column)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  g_return_val_if_fail ((guint)severity < DM_REVIEW_N_SEVERITIES && column < self->columns->len, 0);
  return self->cells[severity * self->columns->len + column];
}

/* Failed findings of @severity on no customer layer (not mapped): a
 * column of their own, so the table adds up to every failed finding. */
guint
dm_review_summary_get_unplaced (DmReviewSummary *self,
                                DmSeverity       severity)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  g_return_val_if_fail ((guint)severity < DM_REVIEW_N_SEVERITIES, 0);
  return self->unplaced[severity];
}

guint
dm_review_summary_get_n_failed (DmReviewSummary *self,
                                DmSeverity       severity)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  g_return_val_if_fail ((guint)severity < DM_REVIEW_N_SEVERITIES, 0);
  return self->failed[severity];
}

/**
 * dm_review_summary_get_top_risks:
 *
 * Returns: (transfer none) (element-type DmFindingGroup): the worst failed
 * checks, at most the max_risks asked for, worst first
 */
GPtrArray *
dm_review_summary_get_top_risks (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), NULL);
  return self->top_risks;
}

guint
dm_review_summary_get_n_failed_groups (DmReviewSummary *self)
{
  g_return_val_if_fail (DM_IS_REVIEW_SUMMARY (self), 0);
  return self->n_failed_groups;
}
