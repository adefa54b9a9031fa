/* dm-diff.c: what changed between two exports of the same account
 *
 * A finding is the same finding in both exports when its id, check and
 * resource are: Demarc's own ids are check/resource, Security Hub's and
 * Prowler's are stable across scans, and the check and resource keep
 * apart findings an export gives one id. Only failed findings count: a gap opened, closed or
 * stayed. Each side keeps its own assessment, so a layer's status before
 * and after can be shown side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-diff"

#include "config.h"

#include <string.h>

#include "dm-diff.h"
#include "dm-redactor.h"

typedef struct
{
  DmFinding *finding;   /* the newer one when both exist */
  DmChange   change;
  DmService *service;   /* NULL when unmapped */
  int        layer;     /* model layer index, -1 when unmapped */
} Change;

struct _DmDiff
{
  GObject       parent_instance;

  DmModel      *model;
  DmAssessment *old;
  DmAssessment *new;
  GArray       *changes;   /* Change */
  GHashTable   *by_id;     /* finding id → index + 1 in changes, of failed findings */
  char         *old_label; /* "scan-2026-10.json, 1 Oct 2026": what a report names */
  char         *new_label;
  DmRedactor   *redactor;  /* of a redacted comparison, for its labels */
};

G_DEFINE_FINAL_TYPE (DmDiff, dm_diff, G_TYPE_OBJECT)

static void
clear_change (gpointer data)
{
  Change *c = data;

  g_clear_object (&c->finding);
}

static void
dm_diff_finalize (GObject *object)
{
  DmDiff *self = DM_DIFF (object);

  g_clear_object (&self->model);
  g_clear_object (&self->old);
  g_clear_object (&self->new);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_free (self->old_label);
  g_free (self->new_label);
  g_clear_object (&self->redactor);

  G_OBJECT_CLASS (dm_diff_parent_class)->finalize (object);
}

static void
dm_diff_class_init (DmDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_diff_finalize;
}

static void
dm_diff_init (DmDiff *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, clear_change);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* What makes two failed findings the same one: the id, and with it the
 * check and resource, since some exports repeat one id (placeholders,
 * per-check ids) over findings the importer keeps apart. */
static char *
change_key (DmFinding *finding)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", dm_finding_get_id (finding) ? dm_finding_get_id (finding) : "",
                          dm_finding_get_check (finding) ? dm_finding_get_check (finding) : "",
                          dm_finding_get_resource (finding) ? dm_finding_get_resource (finding) : "");
}

/* Failed findings by key; the first of duplicates wins. */
static GHashTable *
failed_by_id (GListModel *findings)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      DmFinding *finding = g_list_model_get_item (findings, i);
      char *key = change_key (finding);

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED && !g_hash_table_contains (table, key))
        g_hash_table_insert (table, key, finding);
      else
        {
          g_free (key);
          g_object_unref (finding);
        }
    }
  return table;
}

static void
add_change (DmDiff       *self,
            DmAssessment *assessment,
            DmFinding    *finding,
            DmChange      change)
{
  Change c = { g_object_ref (finding), change, NULL, -1 };
  const char *layer_id = dm_assessment_get_finding_layer (assessment, finding);

  if (layer_id && dm_finding_get_service (finding))
    {
      c.service = dm_model_find_service (self->model, dm_finding_get_service (finding));
      for (guint l = 0; c.service && l < dm_model_get_n_layers (self->model); l++)
        if (g_str_equal (dm_layer_get_id (dm_model_get_layer (self->model, l)), layer_id))
          c.layer = l;
    }
  g_array_append_val (self->changes, c);
}

/**
 * dm_diff_new:
 * @old_findings: findings of the earlier export
 * @new_findings: findings of the later export
 *
 * When the report is redacted, redact both lists with one redactor first,
 * so a resource keeps its pseudonym across the two.
 */
DmDiff *
dm_diff_new (DmModel     *model,
             DmCatalogue *catalogue,
             GListModel  *old_findings,
             GListModel  *new_findings)
{
  DmDiff *self = g_object_new (DM_TYPE_DIFF, NULL);
  g_autoptr(GHashTable) old_failed = failed_by_id (old_findings);
  g_autoptr(GHashTable) new_failed = failed_by_id (new_findings);

  self->model = g_object_ref (model);
  self->old = dm_assessment_new (model, catalogue, old_findings);
  self->new = dm_assessment_new (model, catalogue, new_findings);

  /* In the new export's order, then what only the old one had. */
  for (guint i = 0; i < g_list_model_get_n_items (new_findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (new_findings, i);

      g_autofree char *key = change_key (finding);

      if (g_hash_table_lookup (new_failed, key) != finding)
        continue;
      add_change (self, self->new, finding,
                  g_hash_table_contains (old_failed, key) ? DM_CHANGE_UNCHANGED : DM_CHANGE_OPENED);
    }
  for (guint i = 0; i < g_list_model_get_n_items (old_findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (old_findings, i);

      g_autofree char *key = change_key (finding);

      if (g_hash_table_lookup (old_failed, key) == finding && !g_hash_table_contains (new_failed, key))
        add_change (self, self->old, finding, DM_CHANGE_CLOSED);
    }
  for (guint i = 0; i < self->changes->len; i++)
    g_hash_table_insert (self->by_id, change_key (g_array_index (self->changes, Change, i).finding),
                         GUINT_TO_POINTER (i + 1));
  return self;
}

DmAssessment *
dm_diff_get_old (DmDiff *self)
{
  g_return_val_if_fail (DM_IS_DIFF (self), NULL);
  return self->old;
}

DmAssessment *
dm_diff_get_new (DmDiff *self)
{
  g_return_val_if_fail (DM_IS_DIFF (self), NULL);
  return self->new;
}

static void
count (const Change   *c,
       DmChangeCounts *counts)
{
  switch (c->change)
    {
    case DM_CHANGE_OPENED: counts->opened++; break;
    case DM_CHANGE_CLOSED: counts->closed++; break;
    case DM_CHANGE_UNCHANGED:
    default: counts->unchanged++; break;
    }
}

void
dm_diff_get_totals (DmDiff         *self,
                    DmChangeCounts *counts)
{
  g_return_if_fail (DM_IS_DIFF (self));

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->changes->len; i++)
    count (&g_array_index (self->changes, Change, i), counts);
}

void
dm_diff_get_layer_counts (DmDiff         *self,
                          DmService      *service,
                          DmLayer        *layer,
                          DmChangeCounts *counts)
{
  g_return_if_fail (DM_IS_DIFF (self));

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const Change *c = &g_array_index (self->changes, Change, i);

      if (c->service == service && c->layer == (int)dm_layer_get_index (layer))
        count (c, counts);
    }
}

gboolean
dm_diff_has_service (DmDiff    *self,
                     DmService *service)
{
  g_return_val_if_fail (DM_IS_DIFF (self), FALSE);
  return dm_assessment_has_service (self->old, service) || dm_assessment_has_service (self->new, service);
}

guint
dm_diff_get_n_changes (DmDiff *self)
{
  g_return_val_if_fail (DM_IS_DIFF (self), 0);
  return self->changes->len;
}

/**
 * dm_diff_get_change:
 *
 * Returns: (transfer none): the finding; the newer one for unchanged gaps
 */
DmFinding *
dm_diff_get_change (DmDiff   *self,
                    guint     index,
                    DmChange *change)
{
  const Change *c;

  g_return_val_if_fail (DM_IS_DIFF (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  c = &g_array_index (self->changes, Change, index);
  if (change)
    *change = c->change;
  return c->finding;
}

/**
 * dm_diff_lookup:
 * @finding: a finding of either export
 * @change: (out) (optional): what became of it
 *
 * Views mark a finding new or fixed with this; a finding matches by id,
 * check and resource, as the comparison does.
 *
 * Returns: whether @finding is a failed finding of either export
 */
gboolean
dm_diff_lookup (DmDiff    *self,
                DmFinding *finding,
                DmChange  *change)
{
  g_autofree char *key = NULL;
  guint index;

  g_return_val_if_fail (DM_IS_DIFF (self), FALSE);
  g_return_val_if_fail (DM_IS_FINDING (finding), FALSE);

  if (dm_finding_get_status (finding) != DM_FINDING_FAILED)
    return FALSE;
  key = change_key (finding);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, key));
  if (index == 0)
    return FALSE;
  if (change)
    *change = g_array_index (self->changes, Change, index - 1).change;
  return TRUE;
}

/* What the two sides are called wherever the comparison is shown: file
 * names and dates, set by whoever read the files; redacted as the
 * findings were, when they were. */
void
dm_diff_set_labels (DmDiff     *self,
                    const char *old_label,
                    const char *new_label)
{
  g_return_if_fail (DM_IS_DIFF (self));

  g_free (self->old_label);
  g_free (self->new_label);
  self->old_label = self->redactor && old_label ? dm_redactor_text (self->redactor, old_label) : g_strdup (old_label);
  self->new_label = self->redactor && new_label ? dm_redactor_text (self->redactor, new_label) : g_strdup (new_label);
}

const char *
dm_diff_get_old_label (DmDiff *self)
{
  g_return_val_if_fail (DM_IS_DIFF (self), NULL);
  return self->old_label;
}

const char *
dm_diff_get_new_label (DmDiff *self)
{
  g_return_val_if_fail (DM_IS_DIFF (self), NULL);
  return self->new_label;
}

/**
 * dm_diff_get_groups:
 * @change: which changes: opened, closed or unchanged
 *
 * What views and reports list: the gaps of one kind of change, one group
 * per check, worst first.
 *
 * Returns: (transfer full) (element-type DmFindingGroup): the groups
 */
GPtrArray *
dm_diff_get_groups (DmDiff   *self,
                    DmChange  change)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();

  g_return_val_if_fail (DM_IS_DIFF (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const Change *c = &g_array_index (self->changes, Change, i);

      if (c->change == change)
        g_ptr_array_add (findings, c->finding);
    }
  return dm_finding_groups_new (findings);
}

const char *
dm_change_to_string (DmChange change)
{
  switch (change)
    {
    case DM_CHANGE_OPENED: return "opened";
    case DM_CHANGE_CLOSED: return "closed";
    case DM_CHANGE_UNCHANGED:
    default: return "unchanged";
    }
}

/**
 * dm_diff_new_redacted:
 * @redact: whether to replace identifiers with pseudonyms first
 *
 * Redacts both lists with one redactor, so a resource keeps its pseudonym
 * across them; the newer first, so its pseudonyms are the ones a window
 * showing it already uses. The one place that redacts, then compares.
 *
 * Returns: (transfer full): the comparison
 */
DmDiff *
dm_diff_new_redacted (DmModel     *model,
                      DmCatalogue *catalogue,
                      GListModel  *old_findings,
                      GListModel  *new_findings,
                      gboolean     redact)
{
  g_autoptr(DmRedactor) redactor = NULL;
  g_autoptr(GListModel) old_shown = NULL;
  g_autoptr(GListModel) new_shown = NULL;
  DmDiff *self;

  if (!redact)
    return dm_diff_new (model, catalogue, old_findings, new_findings);

  redactor = dm_redactor_new ();
  new_shown = dm_redactor_findings (redactor, new_findings);
  old_shown = dm_redactor_findings (redactor, old_findings);
  self = dm_diff_new (model, catalogue, old_shown, new_shown);
  self->redactor = g_steal_pointer (&redactor);
  return self;
}
