/* dm-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-assessment"

#include "config.h"

#include "dm-assessment.h"
#include "dm-hash.h"
#include "dm-finding-group.h"

struct _DmAssessment
{
  GObject        parent_instance;

  DmModel       *model;
  DmCatalogue   *catalogue;
  GListModel    *findings;
  DmLayerResult *results;     /* n_services × n_layers */
  gboolean      *present;     /* n_services */
  GHashTable    *layers;      /* DmFinding -> effective layer id */
  guint          n_status[DM_N_FINDING_STATUSES];
  guint          n_unmapped;
  GMutex         groups_lock;
  GPtrArray     *failed;        /* DmFinding, in the findings' order, or NULL until asked for */
  GPtrArray     *failed_groups; /* dm_finding_groups_new () of them */
  GPtrArray     *failed_grouped; /* the failed findings, in their groups' order */
  GPtrArray     *values[DM_ASSESSMENT_N_VALUES];   /* or NULL until asked for */
};

G_DEFINE_FINAL_TYPE (DmAssessment, dm_assessment, G_TYPE_OBJECT)

static void
dm_assessment_finalize (GObject *object)
{
  DmAssessment *self = (DmAssessment *)object;

  g_free (self->results);
  g_free (self->present);
  g_hash_table_unref (self->layers);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
  g_clear_pointer (&self->failed_groups, g_ptr_array_unref);
  g_clear_pointer (&self->failed_grouped, g_ptr_array_unref);
  for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
    g_clear_pointer (&self->values[v], g_ptr_array_unref);
  g_mutex_clear (&self->groups_lock);
  g_clear_object (&self->findings);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dm_assessment_parent_class)->finalize (object);
}

static void
dm_assessment_class_init (DmAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_assessment_finalize;
}

static void
dm_assessment_init (DmAssessment *self)
{
  self->layers = g_hash_table_new (NULL, NULL);
  g_mutex_init (&self->groups_lock);
}

static guint
service_index (DmAssessment *self,
               DmService    *service)
{
  for (guint i = 0; i < dm_model_get_n_services (self->model); i++)
    if (dm_model_get_service (self->model, i) == service)
      return i;
  return G_MAXUINT;
}

const char *
dm_layer_status_to_string (DmLayerStatus status)
{
  switch (status)
    {
    case DM_LAYER_OK: return "ok";
    case DM_LAYER_GAP: return "gap";
    case DM_LAYER_PROVIDER: return "aws";
    case DM_LAYER_NOT_APPLICABLE: return "n/a";
    case DM_LAYER_NO_DATA:
    default: return "no-data";
    }
}

/* The one set of status symbols, beside colour, everywhere a status shows:
 * diagram, details, compare matrix, slides, reports and the CLI. */
const char *
dm_layer_status_symbol (DmLayerStatus status)
{
  switch (status)
    {
    case DM_LAYER_GAP: return "⚠";
    case DM_LAYER_OK: return "✓";
    case DM_LAYER_NO_DATA: return "?";
    case DM_LAYER_PROVIDER: return "▣";
    case DM_LAYER_NOT_APPLICABLE:
    default: return "–";
    }
}

/* A check's layer can be one the model gives to the provider for this very
 * service (S3 access logging sits on "platform and applications", which
 * AWS runs for S3). The customer's setting is still a customer gap, so it
 * is shown on the service's main customer layer instead. */
static DmLayer *
effective_layer (DmAssessment *self,
                 DmService    *service,
                 DmLayer      *layer)
{
  DmOwner owner = dm_service_get_owner (service, layer);
  const char *fallback;
  DmLayer *other;

  if (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED)
    return layer;

  fallback = dm_catalogue_get_service_layer (self->catalogue, dm_service_get_id (service));
  other = dm_model_find_layer (self->model, fallback);
  if (other && (dm_service_get_owner (service, other) == DM_OWNER_CUSTOMER ||
                dm_service_get_owner (service, other) == DM_OWNER_SHARED))
    return other;
  return layer;
}

/**
 * dm_assessment_new:
 * @findings: a #GListModel of #DmFinding
 *
 * Returns: (transfer full): the status of every layer of every service
 */
DmAssessment *
dm_assessment_new (DmModel     *model,
                   DmCatalogue *catalogue,
                   GListModel  *findings)
{
  DmAssessment *self;
  guint n_services, n_layers, n;
  g_autofree DmLayer **effective = NULL;
  const char *last_service_id = NULL, *last_layer_id = NULL;
  DmService *run_service = NULL;
  DmLayer *run_layer = NULL;
  guint at = G_MAXUINT;

  g_return_val_if_fail (DM_IS_MODEL (model), NULL);
  g_return_val_if_fail (DM_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  self = g_object_new (DM_TYPE_ASSESSMENT, NULL);
  self->model = g_object_ref (model);
  self->catalogue = g_object_ref (catalogue);
  self->findings = g_object_ref (findings);

  n_services = dm_model_get_n_services (model);
  n_layers = dm_model_get_n_layers (model);
  self->results = g_new0 (DmLayerResult, (gsize)n_services * n_layers);
  self->present = g_new0 (gboolean, n_services);

  /* Findings of one check come in runs with the same (shared) service
   * and layer texts: each pair is looked up once per run, and each
   * service and layer's shown layer once per assessment. */
  effective = g_new0 (DmLayer *, (gsize)n_services * n_layers);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *service_id = dm_finding_get_service (finding);
      const char *layer_id = dm_finding_get_layer (finding);
      DmLayerResult *result;

      self->n_status[dm_finding_get_status (finding)]++;

      if (i == 0 || service_id != last_service_id || layer_id != last_layer_id)
        {
          last_service_id = service_id;
          last_layer_id = layer_id;
          run_service = dm_model_find_service (model, service_id);
          run_layer = dm_model_find_layer (model, layer_id);
          at = run_service ? service_index (self, run_service) : G_MAXUINT;
          if (run_service != NULL && run_layer != NULL)
            {
              DmLayer **shown = &effective[(gsize)at * n_layers + dm_layer_get_index (run_layer)];

              if (*shown == NULL)
                *shown = effective_layer (self, run_service, run_layer);
              run_layer = *shown;
            }
        }

      if (run_service == NULL || run_layer == NULL)
        {
          /* On no service or layer of this model: listed with the
           * findings and counted, never left out unseen. */
          self->n_unmapped++;
          if (run_service != NULL)
            self->present[at] = TRUE;
          continue;
        }

      self->present[at] = TRUE;
      /* Only where it moved: the table is looked up for every finding
       * shown, and most stay on their check's layer. */
      if (g_strcmp0 (dm_layer_get_id (run_layer), layer_id) != 0)
        g_hash_table_insert (self->layers, finding, (gpointer)dm_layer_get_id (run_layer));

      result = &self->results[(gsize)at * n_layers + dm_layer_get_index (run_layer)];
      if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
        {
          result->failed++;
          result->worst = MAX (result->worst, dm_finding_get_severity (finding));
        }
      else if (dm_finding_get_status (finding) == DM_FINDING_PASSED)
        result->passed++;
      /* Informational and suppressed findings are counted above, but
       * neither open a gap nor make a layer look covered. */
    }

  for (guint s = 0; s < n_services; s++)
    {
      DmService *service = dm_model_get_service (model, s);

      for (guint l = 0; l < n_layers; l++)
        {
          DmLayerResult *result = &self->results[(gsize)s * n_layers + l];

          switch (dm_service_get_owner (service, dm_model_get_layer (model, l)))
            {
            case DM_OWNER_PROVIDER:
              result->status = DM_LAYER_PROVIDER;
              break;

            case DM_OWNER_NOT_APPLICABLE:
              result->status = DM_LAYER_NOT_APPLICABLE;
              break;

            case DM_OWNER_CUSTOMER:
            case DM_OWNER_SHARED:
            default:
              result->status = result->failed ? DM_LAYER_GAP : result->passed ? DM_LAYER_OK : DM_LAYER_NO_DATA;
              break;
            }
        }
    }

  return self;
}

gboolean
dm_assessment_has_service (DmAssessment *self,
                           DmService    *service)
{
  guint s;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), FALSE);

  s = service_index (self, service);
  return s != G_MAXUINT && self->present[s];
}

const DmLayerResult *
dm_assessment_get_result (DmAssessment *self,
                          DmService    *service,
                          DmLayer      *layer)
{
  guint s;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);

  s = service_index (self, service);
  g_return_val_if_fail (s != G_MAXUINT, NULL);
  return &self->results[(gsize)s * dm_model_get_n_layers (self->model) + dm_layer_get_index (layer)];
}

/**
 * dm_assessment_get_finding_layer:
 *
 * Returns: (nullable): the layer a finding is shown on, which may differ
 *   from its check's layer (see effective_layer()); %NULL when unmapped
 */
const char *
dm_assessment_get_finding_layer (DmAssessment *self,
                                 DmFinding    *finding)
{
  const char *layer;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);

  layer = g_hash_table_lookup (self->layers, finding);
  return layer ? layer : dm_finding_get_layer (finding);
}

/**
 * dm_assessment_get_findings:
 *
 * Returns: (transfer none): the #DmFinding list the assessment was made from
 */
GListModel *
dm_assessment_get_findings (DmAssessment *self)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);
  return self->findings;
}

guint
dm_assessment_get_n_failed (DmAssessment *self)
{
  return dm_assessment_count_status (self, DM_FINDING_FAILED);
}

guint
dm_assessment_get_n_passed (DmAssessment *self)
{
  return dm_assessment_count_status (self, DM_FINDING_PASSED);
}

/* How many findings of every input had @status. */
guint
dm_assessment_count_status (DmAssessment    *self,
                            DmFindingStatus  status)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), 0);
  g_return_val_if_fail (status < DM_N_FINDING_STATUSES, 0);
  return self->n_status[status];
}

guint
dm_assessment_get_n_unmapped (DmAssessment *self)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), 0);
  return self->n_unmapped;
}

/**
 * dm_assessment_count_gaps:
 *
 * Counts failed findings of severity @at_least or worse, or of unknown
 * severity, mapped or not: what decides a CI exit code.
 */
guint
dm_assessment_count_gaps (DmAssessment *self,
                          DmSeverity    at_least)
{
  guint count = 0;
  guint n;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), 0);

  n = g_list_model_get_n_items (self->findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (self->findings, i);

      DmSeverity severity = dm_finding_get_severity (finding);

      /* A failure of unknown severity is not assumed to be minor: it
       * counts at every level. */
      if (dm_finding_get_status (finding) == DM_FINDING_FAILED &&
          (severity >= at_least || severity == DM_SEVERITY_UNKNOWN))
        count++;
    }
  return count;
}

/**
 * dm_assessment_get_service_results:
 *
 * Returns: (array) (transfer none): one result per model layer, indexed by
 *   dm_layer_get_index(), for @service
 */
const DmLayerResult *
dm_assessment_get_service_results (DmAssessment *self,
                                   DmService    *service)
{
  guint s;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);

  s = service_index (self, service);
  g_return_val_if_fail (s != G_MAXUINT, NULL);
  return &self->results[(gsize)s * dm_model_get_n_layers (self->model)];
}

/* Failed findings on the customer's layers of @service. */
guint
dm_assessment_get_service_gaps (DmAssessment *self,
                                DmService    *service)
{
  const DmLayerResult *results;
  guint gaps = 0;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), 0);

  results = dm_assessment_get_service_results (self, service);
  for (guint l = 0; results && l < dm_model_get_n_layers (self->model); l++)
    gaps += results[l].failed;
  return gaps;
}

/**
 * dm_layer_results_for_band:
 * @results: per-layer results of one service
 * @out: (out): the band's summary
 *
 * A band has a gap when any of its customer layers has one, "no data" when
 * none has a gap but one lacks evidence, "ok" only when every customer
 * layer passed. A band with no customer layer reports the provider.
 */
void
dm_layer_results_for_band (const DmLayerResult *results,
                           DmBand              *band,
                           DmLayerResult       *out)
{
  gboolean any_customer = FALSE, any_no_data = FALSE;

  g_return_if_fail (results != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->status = DM_LAYER_OK;

  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    {
      const DmLayerResult *r = &results[dm_layer_get_index (dm_band_get_layer (band, i))];

      if (r->status == DM_LAYER_PROVIDER || r->status == DM_LAYER_NOT_APPLICABLE)
        continue;

      any_customer = TRUE;
      out->failed += r->failed;
      out->passed += r->passed;
      out->worst = MAX (out->worst, r->worst);
      if (r->status == DM_LAYER_NO_DATA)
        any_no_data = TRUE;
    }

  if (!any_customer)
    out->status = DM_LAYER_PROVIDER;
  else if (out->failed > 0)
    out->status = DM_LAYER_GAP;
  else if (any_no_data)
    out->status = DM_LAYER_NO_DATA;
}

/**
 * dm_assessment_get_coverage:
 * @with_evidence: (out): customer and shared layers the export speaks to
 * @customer_layers: (out): all customer and shared layers of the services
 *   the export covers
 *
 * How much of the customer's side the export lets Demarc judge.
 */
void
dm_assessment_get_coverage (DmAssessment *self,
                            guint        *with_evidence,
                            guint        *customer_layers)
{
  guint n_layers;

  g_return_if_fail (DM_IS_ASSESSMENT (self));

  *with_evidence = 0;
  *customer_layers = 0;
  n_layers = dm_model_get_n_layers (self->model);

  for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
    {
      if (!self->present[s])
        continue;
      for (guint l = 0; l < n_layers; l++)
        {
          const DmLayerResult *r = &self->results[(gsize)s * n_layers + l];

          if (r->status == DM_LAYER_GAP || r->status == DM_LAYER_OK || r->status == DM_LAYER_NO_DATA)
            (*customer_layers)++;
          if (r->status == DM_LAYER_GAP || r->status == DM_LAYER_OK)
            (*with_evidence)++;
        }
    }
}

/**
 * dm_assessment_query:
 * @findings: the findings the assessment was made of (or a redacted copy
 *   of them, in the same order)
 * @service: (nullable): whose findings; %NULL for those on no layer
 * @layer: (nullable): only those on this layer of @service
 * @failed_only: only failed findings
 *
 * The one query for "a service's findings on a layer", in export order.
 *
 * Returns: (transfer container) (element-type DmFinding): the findings
 */
GPtrArray *
dm_assessment_query (DmAssessment *self,
                     GListModel   *findings,
                     DmService    *service,
                     DmLayer      *layer,
                     gboolean      failed_only)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (DM_IS_ASSESSMENT (self), found);

  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *on = dm_assessment_get_finding_layer (self, finding);
      gboolean wanted;

      if (failed_only && dm_finding_get_status (finding) != DM_FINDING_FAILED)
        continue;
      if (service == NULL)
        wanted = on == NULL;
      else
        wanted = on != NULL && g_strcmp0 (dm_finding_get_service (finding), dm_service_get_id (service)) == 0 &&
                 (layer == NULL || g_str_equal (on, dm_layer_get_id (layer)));
      if (wanted)
        g_ptr_array_add (found, g_steal_pointer (&finding));
    }
  return found;
}

static void
ensure_failed_groups (DmAssessment *self)
{
  g_mutex_lock (&self->groups_lock);
  if (self->failed == NULL)
    {
      guint n = g_list_model_get_n_items (self->findings);

      self->failed = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          DmFinding *finding = g_list_model_get_item (self->findings, i);

          if (dm_finding_get_status (finding) == DM_FINDING_FAILED)
            g_ptr_array_add (self->failed, finding);
          else
            g_object_unref (finding);
        }
      self->failed_groups = dm_finding_groups_new (self->failed);
      self->failed_grouped = dm_finding_groups_flatten (self->failed_groups);
    }
  g_mutex_unlock (&self->groups_lock);
}

static void
add_value (GHashTable *seen,
           GPtrArray  *values,
           const char *value,
           const char **last)
{
  /* Findings in a row share their text (one string per file). */
  if (value == NULL || *value == '\0' || value == *last)
    return;
  *last = value;
  if (g_hash_table_add (seen, (gpointer)value))
    g_ptr_array_add (values, (gpointer)value);
}

static void
ensure_values (DmAssessment *self)
{
  g_mutex_lock (&self->groups_lock);
  if (self->values[0] == NULL)
    {
      GHashTable *seen[DM_ASSESSMENT_N_VALUES];
      const char *last[DM_ASSESSMENT_N_VALUES] = { NULL };
      guint n = g_list_model_get_n_items (self->findings);

      for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
        {
          seen[v] = g_hash_table_new (dm_str_hash, g_str_equal);
          self->values[v] = g_ptr_array_new ();
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DmFinding) finding = g_list_model_get_item (self->findings, i);
          guint n_origins = dm_finding_get_n_origins (finding);
          const char *values[] = {
            [DM_ASSESSMENT_VALUE_SERVICE] = dm_finding_get_service (finding),
            [DM_ASSESSMENT_VALUE_LAYER] = dm_assessment_get_finding_layer (self, finding),
            [DM_ASSESSMENT_VALUE_REGION] = dm_finding_get_region (finding),
            [DM_ASSESSMENT_VALUE_ACCOUNT] = dm_finding_get_account (finding),
            [DM_ASSESSMENT_VALUE_TOOL] = n_origins ? NULL : dm_finding_get_tool (finding),
          };

          for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
            add_value (seen[v], self->values[v], values[v], &last[v]);
          for (guint o = 0; o < n_origins; o++)
            add_value (seen[DM_ASSESSMENT_VALUE_TOOL], self->values[DM_ASSESSMENT_VALUE_TOOL],
                       dm_finding_get_origin (finding, o).tool, &last[DM_ASSESSMENT_VALUE_TOOL]);
        }
      for (guint v = 0; v < DM_ASSESSMENT_N_VALUES; v++)
        g_hash_table_unref (seen[v]);
    }
  g_mutex_unlock (&self->groups_lock);
}

/**
 * dm_assessment_get_values:
 * @kind: what the findings are picked by
 *
 * The Findings view's filters offer the values its findings have; on a
 * large export finding them takes a pass over every finding, made once
 * (the window has it made in the import's thread).
 *
 * Returns: (transfer none) (element-type utf8): each value of @kind some
 *   finding has, once, in the findings' order; empty text is no value
 */
GPtrArray *
dm_assessment_get_values (DmAssessment      *self,
                          DmAssessmentValue  kind)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (kind < DM_ASSESSMENT_N_VALUES, NULL);

  ensure_values (self);
  return self->values[kind];
}

/**
 * dm_assessment_get_failed:
 *
 * Returns: (transfer none) (element-type DmFinding): the failed findings,
 *   in the findings' order
 */
GPtrArray *
dm_assessment_get_failed (DmAssessment *self)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);
  ensure_failed_groups (self);
  return self->failed;
}

/**
 * dm_assessment_get_failed_grouped:
 *
 * Returns: (transfer none) (element-type DmFinding): the failed findings,
 *   in the order of dm_assessment_get_failed_groups (), each group's in
 *   its order: the Findings view's list, as it is first shown
 */
GPtrArray *
dm_assessment_get_failed_grouped (DmAssessment *self)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);
  ensure_failed_groups (self);
  return self->failed_grouped;
}

/**
 * dm_assessment_get_failed_groups:
 *
 * The groups of dm_assessment_get_failed (), made once: the overview, the
 * Findings view and the reports all start from them, and on a large
 * export they take a while. Call it from the thread that made the
 * assessment to have them ready.
 *
 * Returns: (transfer none) (element-type DmFindingGroup): the groups, as
 *   dm_finding_groups_new () orders them; not to be changed
 */
GPtrArray *
dm_assessment_get_failed_groups (DmAssessment *self)
{
  g_return_val_if_fail (DM_IS_ASSESSMENT (self), NULL);
  ensure_failed_groups (self);
  return self->failed_groups;
}
