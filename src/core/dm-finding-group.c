/* dm-finding-group.c
 *
 * A whole-account scan reports one check on many resources ("EBS default
 * encryption is off" in 17 regions): every writer and view shows it once,
 * expandable, and ranks the checks worst first. The order is total, so
 * two runs on the same export give the same list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-finding-group"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dm-finding-group.h"
#include "dm-hash.h"

struct _DmFindingGroup
{
  GObject          parent_instance;

  DmFinding       *first;       /* names the group: check, title, status */
  char            *title_key;   /* its title's collation key, for sorting */
  DmSeverity       severity;    /* the worst of its findings */
  GPtrArray       *findings;    /* DmFinding, worst first */
  GStrv            regions;     /* sorted, distinct, no empty ones */
  guint            n_resources; /* distinct */
  guint            n_unnamed;   /* counted by the export but not named (Config rule summaries) */
  gboolean         unnamed_capped; /* one of those counts was cut: there are more */
};

G_DEFINE_FINAL_TYPE (DmFindingGroup, dm_finding_group, G_TYPE_OBJECT)

static void
dm_finding_group_finalize (GObject *object)
{
  DmFindingGroup *self = DM_FINDING_GROUP (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_strfreev);
  g_free (self->title_key);

  G_OBJECT_CLASS (dm_finding_group_parent_class)->finalize (object);
}

static void
dm_finding_group_class_init (DmFindingGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_finding_group_finalize;
}

static void
dm_finding_group_init (DmFindingGroup *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "");
}

/* One check of one tool, in one state: the catalogue id when there is
 * one, and the tool's title, which tells apart two tool checks that map
 * to the same catalogue entry. The findings themselves are the keys. */
static guint
group_hash (gconstpointer finding)
{
  DmFinding *f = (DmFinding *)finding;
  const char *check = dm_finding_get_check (f);
  const char *title = dm_finding_get_title (f);

  return (dm_str_hash (check ? check : "") * 31 + dm_str_hash (title ? title : "")) * 31 + dm_finding_get_status (f);
}

static gboolean
group_equal (gconstpointer a,
             gconstpointer b)
{
  DmFinding *fa = (DmFinding *)a;
  DmFinding *fb = (DmFinding *)b;

  return dm_finding_get_status (fa) == dm_finding_get_status (fb) &&
         compare_strings (dm_finding_get_check (fa), dm_finding_get_check (fb)) == 0 &&
         compare_strings (dm_finding_get_title (fa), dm_finding_get_title (fb)) == 0;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  DmFinding *fa = *(DmFinding **)a;
  DmFinding *fb = *(DmFinding **)b;
  int c;

  if (dm_finding_get_severity (fa) != dm_finding_get_severity (fb))
    return dm_finding_get_severity (fb) - dm_finding_get_severity (fa);
  if ((c = compare_strings (dm_finding_get_region (fa), dm_finding_get_region (fb))) != 0)
    return c;
  if ((c = compare_strings (dm_finding_get_resource (fa), dm_finding_get_resource (fb))) != 0)
    return c;
  return compare_strings (dm_finding_get_id (fa), dm_finding_get_id (fb));
}

/* Failed before the rest, then worst, then widest, then by title. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  DmFindingGroup *ga = *(DmFindingGroup **)a;
  DmFindingGroup *gb = *(DmFindingGroup **)b;
  int c;

  if (dm_finding_group_get_status (ga) != dm_finding_group_get_status (gb))
    return (int)dm_finding_group_get_status (ga) - (int)dm_finding_group_get_status (gb);
  if (ga->severity != gb->severity)
    return gb->severity - ga->severity;
  if (ga->findings->len != gb->findings->len)
    return ga->findings->len > gb->findings->len ? -1 : 1;
  if ((c = strcmp (ga->title_key, gb->title_key)) != 0)
    return c;
  if ((c = compare_strings (dm_finding_group_get_check (ga), dm_finding_group_get_check (gb))) != 0)
    return c;
  return compare_findings (&ga->first, &gb->first);
}

static int
compare_region_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static void
group_finish (DmFindingGroup *self)
{
  g_autoptr(GHashTable) regions = g_hash_table_new (dm_str_hash, g_str_equal);
  g_autoptr(GHashTable) resources = g_hash_table_new (dm_str_hash, g_str_equal);
  g_autofree gpointer *keys = NULL;
  guint n_regions;

  g_ptr_array_sort (self->findings, compare_findings);
  self->first = g_ptr_array_index (self->findings, 0);
  self->severity = dm_finding_get_severity (self->first);
  /* g_utf8_collate () would make this key at each comparison. */
  self->title_key = g_utf8_collate_key (dm_finding_group_get_title (self), -1);
  for (guint i = 0; i < self->findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (self->findings, i);
      const char *region = dm_finding_get_region (finding);
      const char * const *names = dm_finding_get_resources (finding);
      const char *resource = dm_finding_get_resource (finding);
      gboolean capped = FALSE;
      guint unnamed = dm_finding_get_unnamed_resources (finding, &capped);

      if (region != NULL && *region != '\0')
        g_hash_table_add (regions, (gpointer)region);
      if (unnamed > 0)
        {
          /* What it names holds them (a conformance pack), is none of them. */
          self->n_unnamed = unnamed > G_MAXUINT - self->n_unnamed ? G_MAXUINT : self->n_unnamed + unnamed;
          self->unnamed_capped |= capped;
          continue;
        }
      for (guint r = 0; names != NULL && names[r] != NULL; r++)
        g_hash_table_add (resources, (gpointer)names[r]);
      /* A finding that names no resource is no resource. */
      if ((names == NULL || names[0] == NULL) && resource != NULL && *resource != '\0')
        g_hash_table_add (resources, (gpointer)resource);
    }

  keys = g_hash_table_get_keys_as_array (regions, &n_regions);
  g_qsort_with_data (keys, n_regions, sizeof (gpointer), compare_region_pointers, NULL);
  self->regions = g_new0 (char *, n_regions + 1);
  for (guint i = 0; i < n_regions; i++)
    self->regions[i] = g_strdup (keys[i]);
  self->n_resources = g_hash_table_size (resources);
}

/**
 * dm_finding_groups_flatten:
 * @groups: (element-type DmFindingGroup): groups, in the order wanted
 *
 * Returns: (transfer full) (element-type DmFinding): the groups' findings,
 *   group after group, each group's in its order
 */
GPtrArray *
dm_finding_groups_flatten (GPtrArray *groups)
{
  GPtrArray *flat = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *findings = dm_finding_group_get_findings (g_ptr_array_index (groups, g));

      for (guint i = 0; i < findings->len; i++)
        g_ptr_array_add (flat, g_object_ref (g_ptr_array_index (findings, i)));
    }
  return flat;
}

/**
 * dm_finding_groups_new:
 * @findings: (element-type DmFinding): findings in any order
 *
 * Returns: (transfer full) (element-type DmFindingGroup): one group per
 * check, title and status, failed first, then worst severity, then most
 * findings, then title; each group's findings worst first, then by
 * region and resource. Every finding is in exactly one group.
 */
GPtrArray *
dm_finding_groups_new (GPtrArray *findings)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (group_hash, group_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (findings != NULL, groups);

  for (guint i = 0; i < findings->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (findings, i);
      DmFindingGroup *group = g_hash_table_lookup (by_key, finding);

      if (group == NULL)
        {
          group = g_object_new (DM_TYPE_FINDING_GROUP, NULL);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_key, finding, group);
        }
      g_ptr_array_add (group->findings, g_object_ref (finding));
    }

  for (guint i = 0; i < groups->len; i++)
    group_finish (g_ptr_array_index (groups, i));
  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

const char *
dm_finding_group_get_check (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  return dm_finding_get_check (self->first);
}

const char *
dm_finding_group_get_title (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  return dm_finding_get_title (self->first) ? dm_finding_get_title (self->first) : "";
}

/* Compared with strcmp (), orders titles as g_utf8_collate () does. */
const char *
dm_finding_group_get_title_key (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  return self->title_key;
}

DmFindingStatus
dm_finding_group_get_status (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), DM_FINDING_FAILED);
  return dm_finding_get_status (self->first);
}

DmSeverity
dm_finding_group_get_severity (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), DM_SEVERITY_UNKNOWN);
  return self->severity;
}

/* The first finding that says what to do: tools leave it out on some items. */
const char *
dm_finding_group_get_remediation (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const char *text = dm_finding_get_remediation (g_ptr_array_index (self->findings, i));

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/**
 * dm_finding_group_get_findings:
 *
 * Returns: (transfer none) (element-type DmFinding): worst first
 */
GPtrArray *
dm_finding_group_get_findings (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  return self->findings;
}

guint
dm_finding_group_get_n_findings (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), 0);
  return self->findings->len;
}

const char * const *
dm_finding_group_get_regions (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);
  return (const char * const *)self->regions;
}

guint
dm_finding_group_get_n_regions (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), 0);
  return g_strv_length (self->regions);
}

guint
dm_finding_group_get_n_resources (DmFindingGroup *self)
{
  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), 0);
  return self->n_resources;
}

/* "17 resources in 17 regions", "1 resource", "3 findings", "3 resources,
 * counted but not named in the export": what the row says after the title
 * and severity. */
char *
dm_finding_group_describe_scope (DmFindingGroup *self)
{
  guint n_regions, n_resources;
  g_autofree char *resources = NULL;

  g_return_val_if_fail (DM_IS_FINDING_GROUP (self), NULL);

  n_regions = dm_finding_group_get_n_regions (self);
  n_resources = self->n_resources;
  if (self->n_unnamed > 0)
    {
      /* A summary that counts resources without naming them (Config's
       * rule results) says how many, not one per finding. */
      g_autofree char *unnamed = NULL;

      if (self->unnamed_capped)
        /* TRANSLATORS: the export cut its count at this number */
        unnamed = g_strdup_printf (_("more than %u resources, counted but not named in the export"), self->n_unnamed);
      else
        unnamed = g_strdup_printf (ngettext ("%u resource, counted but not named in the export",
                                             "%u resources, counted but not named in the export", self->n_unnamed),
                                   self->n_unnamed);
      if (n_resources == 0)
        resources = g_steal_pointer (&unnamed);
      else
        /* TRANSLATORS: "2 resources; 3 resources, counted but not named in the export" */
        resources = g_strdup_printf (ngettext ("%u resource; %s", "%u resources; %s", n_resources), n_resources,
                                     unnamed);
    }
  else if (n_resources == 0)
    resources = g_strdup_printf (ngettext ("%u finding", "%u findings", self->findings->len), self->findings->len);
  else
    resources = g_strdup_printf (ngettext ("%u resource", "%u resources", n_resources), n_resources);
  if (n_regions == 0)
    return g_steal_pointer (&resources);
  /* TRANSLATORS: "17 resources in 3 regions" */
  return g_strdup_printf (ngettext ("%s in %u region", "%s in %u regions", n_regions), resources, n_regions);
}
