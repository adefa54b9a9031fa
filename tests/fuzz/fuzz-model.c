/* fuzz-model.c: libFuzzer target for the model loader
 *
 * Loads the input with dm_model_new_from_bytes(), as Open Model… and
 * demarc-check --model do, and when it loads, uses it the way the views
 * do: every accessor, the responsibility order, the diagram geometry, and
 * an assessment of a fixed set of findings against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "dm-assessment.h"
#include "dm-diagram-render.h"
#include "dm-model.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static DmCatalogue *catalogue;
static GListStore *findings;
static DmPalette palette;

static void
touch_string (const char *s)
{
  if (s != NULL)
    g_assert (strlen (s) < G_MAXSIZE);
}

static void
add_finding (const char      *service,
             const char      *layer,
             DmFindingStatus  status,
             DmSeverity       severity)
{
  g_autoptr(DmFinding) finding = NULL;
  g_autofree char *id = g_strdup_printf ("%s/%s/%d", service, layer, status);
  DmFindingData data = { 0 };

  data.id = id;
  data.service = service;
  data.layer = layer;
  data.status = status;
  data.severity = severity;
  data.tool = "fuzz";
  data.source = "fuzz.json";
  finding = dm_finding_new (&data);
  g_list_store_append (findings, finding);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) aws = NULL;

  /* A critical (g_return_if_fail) or warning is a bug: make it a crash
   * libFuzzer reports, also when a reproducer runs without G_DEBUG. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  catalogue = dm_catalogue_new_default (&error);
  if (catalogue == NULL)
    g_error ("catalogue: %s", error->message);

  /* One failed and one passed finding for every service and layer of the
   * AWS model and the catalogue, plus ones no model knows: the fuzzed
   * model decides which of them land. */
  aws = dm_model_new_default (&error);
  if (aws == NULL)
    g_error ("model: %s", error->message);

  findings = g_list_store_new (DM_TYPE_FINDING);
  for (guint s = 0; s < dm_model_get_n_services (aws); s++)
    for (guint l = 0; l < dm_model_get_n_layers (aws); l++)
      {
        const char *service = dm_service_get_id (dm_model_get_service (aws, s));
        const char *layer = dm_layer_get_id (dm_model_get_layer (aws, l));

        add_finding (service, layer, DM_FINDING_FAILED, (s + l) % (DM_SEVERITY_CRITICAL + 1));
        add_finding (service, layer, DM_FINDING_PASSED, DM_SEVERITY_UNKNOWN);
      }
  for (guint i = 0; i < dm_catalogue_get_n_checks (catalogue); i++)
    {
      const DmCheck *check = dm_catalogue_get_check (catalogue, i);

      add_finding (check->service, check->layer, DM_FINDING_FAILED, check->severity);
    }
  add_finding ("nope", "nope", DM_FINDING_FAILED, DM_SEVERITY_HIGH);

  dm_palette_init (&palette, FALSE);
  return 0;
}

static void
touch_layer (DmLayer *layer)
{
  const char * const *services = dm_layer_get_security_services (layer);

  touch_string (dm_layer_get_id (layer));
  touch_string (dm_layer_get_name (layer));
  touch_string (dm_layer_get_description (layer));
  touch_string (dm_layer_get_customer_tasks (layer));
  for (guint i = 0; services && services[i]; i++)
    touch_string (services[i]);
  g_assert (dm_layer_get_band (layer) != NULL);
  (void)dm_layer_get_index (layer);
}

static void
touch_model (DmModel *model)
{
  g_autoptr(GPtrArray) ordered = NULL;
  guint n_bands = dm_model_get_n_bands (model);
  guint n_layers = dm_model_get_n_layers (model);
  guint n_services = dm_model_get_n_services (model);

  touch_string (dm_model_get_id (model));
  touch_string (dm_model_get_name (model));
  touch_string (dm_model_get_provider (model));
  touch_string (dm_model_get_description (model));
  touch_string (dm_model_get_source (model));

  for (guint b = 0; b < n_bands; b++)
    {
      DmBand *band = dm_model_get_band (model, b);

      touch_string (dm_band_get_id (band));
      touch_string (dm_band_get_name (band));
      touch_string (dm_band_get_description (band));
      g_assert (dm_band_get_index (band) == b);
      g_assert (dm_model_find_band (model, dm_band_get_id (band)) == band);
      for (guint l = 0; l < dm_band_get_n_layers (band); l++)
        touch_layer (dm_band_get_layer (band, l));
      if (dm_band_get_primary_layer (band) != NULL)
        touch_layer (dm_band_get_primary_layer (band));
    }

  for (guint l = 0; l < n_layers; l++)
    {
      DmLayer *layer = dm_model_get_layer (model, l);

      touch_layer (layer);
      g_assert (dm_model_find_layer (model, dm_layer_get_id (layer)) == layer);
    }

  for (guint c = 0; c < dm_model_get_n_categories (model); c++)
    {
      const DmCategory *category = dm_model_get_category (model, c);

      touch_string (category->name);
      touch_string (category->description);
      g_assert (dm_model_find_category (model, category->id) == category);
    }
  (void)dm_model_get_n_security_services (model);
  (void)dm_model_find_security_service (model, "guardduty");

  for (DmControlKind kind = DM_CONTROL_NONE; kind <= DM_CONTROL_CUSTOMER_SPECIFIC; kind++)
    {
      const DmControlKindInfo *info = dm_model_get_control_kind_info (model, kind);

      if (info == NULL)
        continue;
      touch_string (info->name);
      touch_string (info->description);
      for (guint i = 0; info->examples && info->examples[i]; i++)
        touch_string (info->examples[i]);
    }
  for (DmOwner owner = DM_OWNER_PROVIDER; owner <= DM_OWNER_NOT_APPLICABLE; owner++)
    touch_string (dm_model_get_owner_label (model, owner));

  g_assert (g_list_model_get_n_items (dm_model_get_services (model)) == n_services);
  for (guint s = 0; s < n_services; s++)
    {
      DmService *service = dm_model_get_service (model, s);
      double boundary = dm_model_get_boundary (model, service);
      double share = dm_model_get_customer_share (model, service);

      touch_string (dm_service_get_id (service));
      touch_string (dm_service_get_name (service));
      touch_string (dm_service_get_short_name (service));
      touch_string (dm_service_get_category (service));
      touch_string (dm_service_get_summary (service));
      g_assert (dm_model_find_service (model, dm_service_get_id (service)) == service);
      g_assert (boundary >= 0 && boundary <= n_bands);
      g_assert (share >= 0 && share <= 1);

      for (guint l = 0; l < n_layers; l++)
        {
          DmLayer *layer = dm_model_get_layer (model, l);

          (void)dm_service_get_owner (service, layer);
          (void)dm_service_get_control (service, layer);
          touch_string (dm_service_get_reason (service, layer));
        }
      for (guint b = 0; b < n_bands; b++)
        (void)dm_service_get_band_owner (service, dm_model_get_band (model, b));
    }

  ordered = dm_model_dup_services_by_responsibility (model);
  g_assert (ordered->len == n_services);
}

static void
assess (DmModel *model)
{
  g_autoptr(DmAssessment) assessment = dm_assessment_new (model, catalogue, G_LIST_MODEL (findings));
  guint with_evidence, customer_layers;

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);
      const DmLayerResult *results = dm_assessment_get_service_results (assessment, service);

      (void)dm_assessment_has_service (assessment, service);
      (void)dm_assessment_get_service_gaps (assessment, service);
      for (guint b = 0; b < dm_model_get_n_bands (model); b++)
        {
          DmLayerResult out;

          dm_layer_results_for_band (results, dm_model_get_band (model, b), &out);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

      touch_string (dm_assessment_get_finding_layer (assessment, finding));
    }

  (void)dm_assessment_count_gaps (assessment, DM_SEVERITY_LOW);
  dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
  g_assert (with_evidence <= customer_layers);
}

/* What the diagram widget computes for hit-testing and layout, without
 * painting text. */
static void
layout (DmModel *model)
{
  guint n_services = dm_model_get_n_services (model);

  for (guint s = 0; s < n_services; s++)
    {
      g_autoptr(DmDiagramGeometry) geometry = NULL;
      DmDiagramState state;

      dm_diagram_state_init (&state, model, dm_model_get_service (model, s), &palette);
      state.previous = dm_model_get_service (model, (s + 1) % n_services);
      state.progress = 0.5;
      state.selected_band = 0;
      state.expansion = 1.0;
      (void)dm_diagram_state_boundary (&state);

      geometry = dm_diagram_geometry_new (&state, 640, 480);
      (void)dm_diagram_geometry_band_at (geometry, 320, 240);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = dm_model_new_from_bytes (bytes, "fuzz.json", &error);
  g_assert ((model == NULL) == (error != NULL));
  if (model == NULL)
    {
      g_assert (error->domain == DM_MODEL_ERROR);
      g_assert (strstr (error->message, "fuzz.json") != NULL);
      return 0;
    }

  touch_model (model);
  assess (model);
  layout (model);
  return 0;
}
