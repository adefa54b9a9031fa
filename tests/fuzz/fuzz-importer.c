/* fuzz-importer.c: libFuzzer target for every importer at once
 *
 * The importer tells ASFF, Prowler, Config, CLI outputs, ScoutSuite and
 * bundles apart by content, so one target reaches them all. It reads only
 * files (dm_importer_add_file()), so each input is written to a scratch
 * file first, then the findings are assessed against the built-in model,
 * as the app and demarc-check do.
 *
 * Where the file lies matters too: the importer takes the account and
 * region from CloudMapper paths (account-data/<account>/<region>/) and
 * checks use the file name. The input's size picks the file's name and
 * folder (see scratch_path()), so a reproducer reproduces on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "dm-assessment.h"
#include "dm-importer.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static DmCatalogue *catalogue;
static DmModel *model;
static char *scratch_dir;
static char *cloudmapper_dir;

/* Names CloudMapper and demarc-collect give their files; the rest of the
 * table falls back to a neutral name. */
static const char * const file_names[] = {
  "input.json",
  "lambda-get-policy.json",
  "kms-get-key-policy.json",
  "s3-get-bucket-policy.json",
  "sqs-get-queue-attributes.json",
  "sns-get-topic-attributes.json",
  "input.ndjson",
  "input.json",
};

static void
remove_scratch (void)
{
  g_autofree char *account_dir = NULL;
  g_autofree char *data_dir = NULL;

  if (scratch_dir == NULL)
    return;

  account_dir = g_path_get_dirname (cloudmapper_dir);
  data_dir = g_path_get_dirname (account_dir);
  g_rmdir (cloudmapper_dir);
  g_rmdir (account_dir);
  g_rmdir (data_dir);
  g_rmdir (scratch_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* A critical (g_return_if_fail) or warning is a bug: make it a crash
   * libFuzzer reports, also when a reproducer runs without G_DEBUG. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  catalogue = dm_catalogue_new_default (&error);
  if (catalogue == NULL)
    g_error ("catalogue: %s", error->message);

  model = dm_model_new_default (&error);
  if (model == NULL)
    g_error ("model: %s", error->message);

  scratch_dir = g_dir_make_tmp ("demarc-fuzz-importer-XXXXXX", &error);
  if (scratch_dir == NULL)
    g_error ("scratch folder: %s", error->message);

  /* GIO loads its modules (dconf…) on the first GFile and never frees one
   * of them, which LeakSanitizer reports at exit, now and then. Local
   * files need no module: point GIO at a folder without any. */
  g_setenv ("GIO_MODULE_DIR", scratch_dir, TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);

  cloudmapper_dir = g_build_filename (scratch_dir, "account-data", "111122223333", "eu-west-1", NULL);
  if (g_mkdir_with_parents (cloudmapper_dir, 0700) != 0)
    g_error ("%s: cannot create", cloudmapper_dir);

  atexit (remove_scratch);
  return 0;
}

static char *
scratch_path (size_t size)
{
  const char *name = file_names[size % G_N_ELEMENTS (file_names)];
  const char *dir = (size / G_N_ELEMENTS (file_names)) % 2 ? cloudmapper_dir : scratch_dir;

  return g_build_filename (dir, name, NULL);
}

/* Reads every string a view shows, so ASan sees any dangling one. */
static void
touch_string (const char *s)
{
  if (s != NULL)
    g_assert (strlen (s) < G_MAXSIZE);
}

static void
touch_finding (DmFinding *finding)
{
  const char * const *controls = dm_finding_get_controls (finding);

  touch_string (dm_finding_get_id (finding));
  touch_string (dm_finding_get_check (finding));
  touch_string (dm_finding_get_service (finding));
  touch_string (dm_finding_get_layer (finding));
  touch_string (dm_finding_get_resource (finding));
  touch_string (dm_finding_get_resource_type (finding));
  touch_string (dm_finding_get_region (finding));
  touch_string (dm_finding_get_account (finding));
  touch_string (dm_finding_get_source (finding));
  touch_string (dm_finding_get_tool (finding));
  touch_string (dm_finding_get_title (finding));
  touch_string (dm_finding_get_evidence (finding));
  touch_string (dm_finding_get_remediation (finding));
  touch_string (dm_severity_to_string (dm_finding_get_severity (finding)));
  for (guint i = 0; controls && controls[i]; i++)
    touch_string (controls[i]);
  (void)dm_finding_get_status (finding);
  (void)dm_finding_get_source_item (finding);
}

static void
progress_cb (const DmImportProgress *progress,
             gpointer                user_data)
{
  size_t size = *(size_t *)user_data;

  g_assert (progress->path != NULL);
  g_assert (progress->bytes_total == 0 || progress->bytes_total == size);
  g_assert (progress->bytes_read <= size);
}

static void
assess (DmImporter *importer)
{
  GListModel *findings = dm_importer_get_findings (importer);
  g_autoptr(DmAssessment) assessment = dm_assessment_new (model, catalogue, findings);
  guint n = g_list_model_get_n_items (findings);
  guint with_evidence, customer_layers;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      touch_finding (finding);
      touch_string (dm_assessment_get_finding_layer (assessment, finding));
    }

  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);

      if (!dm_assessment_has_service (assessment, service))
        continue;
      (void)dm_assessment_get_service_gaps (assessment, service);
      for (guint l = 0; l < dm_model_get_n_layers (model); l++)
        {
          const DmLayerResult *result = dm_assessment_get_result (assessment, service, dm_model_get_layer (model, l));

          touch_string (dm_layer_status_to_string (result->status));
        }
    }

  (void)dm_assessment_get_n_failed (assessment);
  (void)dm_assessment_get_n_passed (assessment);
  (void)dm_assessment_get_n_unmapped (assessment);
  (void)dm_assessment_count_gaps (assessment, DM_SEVERITY_HIGH);
  dm_assessment_get_coverage (assessment, &with_evidence, &customer_layers);
  g_assert (with_evidence <= customer_layers);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = scratch_path (size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  dm_importer_set_progress (importer, progress_cb, &size);
  if (!g_file_set_contents_full (path, (const char *)data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);

  ok = dm_importer_add_file (importer, file, NULL, &error);
  g_assert (ok == (error == NULL));

  if (ok)
    {
      const DmImportInput *input;

      g_assert (dm_importer_get_n_inputs (importer) == 1);
      input = dm_importer_get_input (importer, 0);
      touch_string (input->path);
      touch_string (input->format);
      /* Nothing is dropped silently: every item gave findings or a
       * counted skip. */
      g_assert (input->evaluated + input->skipped == input->items);
      for (guint i = 0; i < input->reasons->len; i++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, i);

          touch_string (reason->reason);
          g_assert (reason->count > 0);
        }
      assess (importer);
    }
  else
    {
      g_assert (error->message != NULL);
      g_assert (dm_importer_get_n_inputs (importer) == 0);
    }

  g_unlink (path);
  return 0;
}
