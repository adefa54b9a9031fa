/* dm-responsibility.c: which findings bear on each account-wide
 * responsibility of the model, and its status
 *
 * A responsibility is a gap when a failed finding bears on it, ok when
 * findings bear on it and all of them passed, and "no data" otherwise:
 * informational and suppressed findings are listed but prove nothing.
 * The provider's responsibilities are never assessed from an export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-responsibility"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-responsibility.h"

static gboolean
check_matches (const char *pattern,
               const char *check)
{
  gsize length = strlen (pattern);

  if (length > 0 && pattern[length - 1] == '*')
    return strncmp (check, pattern, length - 1) == 0;
  return g_str_equal (check, pattern);
}

/**
 * dm_responsibility_bears_on:
 * @check: (nullable): a finding's check id
 * @layer: (nullable): the layer the finding is shown on
 *
 * Returns: whether a finding with this check, on this layer, bears on
 *   @responsibility (never for the provider's)
 */
gboolean
dm_responsibility_bears_on (const DmResponsibility *responsibility,
                            const char             *check,
                            const char             *layer)
{
  g_return_val_if_fail (responsibility != NULL, FALSE);

  if (responsibility->owner == DM_OWNER_PROVIDER)
    return FALSE;

  if (layer != NULL && g_strv_contains ((const char * const *)responsibility->layers, layer))
    return TRUE;

  for (guint i = 0; check != NULL && responsibility->checks[i]; i++)
    if (check_matches (responsibility->checks[i], check))
      return TRUE;

  return FALSE;
}

void
dm_responsibility_status_free (DmResponsibilityStatus *status)
{
  if (status == NULL)
    return;
  g_clear_pointer (&status->findings, g_ptr_array_unref);
  g_free (status);
}

static void
add_finding (DmResponsibilityStatus *status,
             DmFinding              *finding)
{
  g_ptr_array_add (status->findings, g_object_ref (finding));

  switch (dm_finding_get_status (finding))
    {
    case DM_FINDING_FAILED:
      status->failed++;
      status->worst = MAX (status->worst, dm_finding_get_severity (finding));
      break;
    case DM_FINDING_PASSED:
      status->passed++;
      break;
    case DM_FINDING_INFORMATIONAL:
    case DM_FINDING_SUPPRESSED:
    default:
      break;
    }
}

/**
 * dm_responsibility_statuses:
 * @assessment: (nullable): the open export's; %NULL when none is open
 * @findings: (nullable): the findings @assessment was made of, or a copy
 *   of them for another thread (see dm_finding_list_copy()); %NULL for the
 *   assessment's own
 *
 * Assesses every responsibility of @model, in the model's order. Without
 * an assessment the customer's and shared ones read "no data".
 *
 * Returns: (transfer full) (element-type DmResponsibilityStatus): one
 *   status per responsibility
 */
GPtrArray *
dm_responsibility_statuses (DmModel      *model,
                            DmAssessment *assessment,
                            GListModel   *findings)
{
  GPtrArray *statuses;
  guint n, n_findings = 0;

  g_return_val_if_fail (DM_IS_MODEL (model), NULL);
  g_return_val_if_fail (assessment == NULL || DM_IS_ASSESSMENT (assessment), NULL);

  n = dm_model_get_n_responsibilities (model);
  statuses = g_ptr_array_new_full (n, (GDestroyNotify)dm_responsibility_status_free);
  for (guint i = 0; i < n; i++)
    {
      DmResponsibilityStatus *status = g_new0 (DmResponsibilityStatus, 1);

      status->responsibility = dm_model_get_responsibility (model, i);
      status->findings = g_ptr_array_new_with_free_func (g_object_unref);
      status->worst = DM_SEVERITY_UNKNOWN;
      g_ptr_array_add (statuses, status);
    }

  if (assessment != NULL && findings == NULL)
    findings = dm_assessment_get_findings (assessment);
  if (assessment != NULL)
    n_findings = g_list_model_get_n_items (findings);

  for (guint f = 0; f < n_findings; f++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, f);
      const char *layer = dm_assessment_get_finding_layer (assessment, finding);

      for (guint i = 0; i < n; i++)
        {
          DmResponsibilityStatus *status = g_ptr_array_index (statuses, i);

          if (dm_responsibility_bears_on (status->responsibility, dm_finding_get_check (finding), layer))
            add_finding (status, finding);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      DmResponsibilityStatus *status = g_ptr_array_index (statuses, i);

      if (status->responsibility->owner == DM_OWNER_PROVIDER)
        status->status = DM_LAYER_PROVIDER;
      else
        status->status = status->failed ? DM_LAYER_GAP : status->passed ? DM_LAYER_OK : DM_LAYER_NO_DATA;
    }

  return statuses;
}

/**
 * dm_responsibility_status_label:
 *
 * The status in words, for beside its symbol: "Gap", "OK", "No data", or
 * for the provider's "Held by AWS".
 *
 * Returns: (transfer full): the translated label
 */
char *
dm_responsibility_status_label (DmModel                      *model,
                                const DmResponsibilityStatus *status)
{
  g_return_val_if_fail (DM_IS_MODEL (model), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  switch (status->status)
    {
    case DM_LAYER_GAP:
      return g_strdup (_("Gap"));
    case DM_LAYER_OK:
      return g_strdup (_("OK"));
    case DM_LAYER_PROVIDER:
      /* Translators: %s is the cloud provider, e.g. "AWS" */
      return g_strdup_printf (_("Held by %s"), dm_model_get_provider (model));
    case DM_LAYER_NO_DATA:
    case DM_LAYER_NOT_APPLICABLE:
    default:
      return g_strdup (_("No data"));
    }
}
