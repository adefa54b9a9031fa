/* dm-finding.c
 *
 * Findings are kept, JSON trees are not: an export of 100k findings must
 * not cost 100k parsed documents. Strings are copied once, here, and all
 * but the id are interned reference-counted strings: titles, remediation,
 * regions, accounts, file names and even evidence repeat across findings,
 * and a large export holds hundreds of thousands of findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-finding.h"
#include "dm-hash.h"

struct _DmFinding
{
  GObject          parent_instance;

  char            *id;
  char            *check;
  DmFindingStatus  status;
  DmSeverity       severity;
  guint            unnamed_resources : 31; /* DmFindingData.unnamed_resources */
  guint            unnamed_capped : 1;
  char            *service;
  char            *layer;
  char            *resource;
  char           **resources;   /* interned; resource first */
  char            *resource_type;
  char            *region;
  char            *account;
  char           **controls;  /* interned */
  char            *source;
  guint64          source_item;
  gint64           observed;
  char            *tool;
  char            *title;
  char            *evidence;
  char            *remediation;
  GArray          *origins;   /* Origin: other reports of this finding, or NULL */
  guint            key_hash;  /* dm_finding_get_key_hash (), once computed */
  gboolean         key_hashed;
};

typedef struct
{
  char    *tool;     /* interned, like the strings above */
  char    *source;
  guint64  source_item;
  char    *title;
} Origin;

G_DEFINE_FINAL_TYPE (DmFinding, dm_finding, G_TYPE_OBJECT)

/* GLib 2.74's interned reference-counted strings race when one thread
 * drops a string's last reference while another interns the same text (a
 * cancelled import freeing its findings while the next one reads): both
 * happen under this lock. */
static GMutex intern_lock;

static void
release (char *string)
{
  if (string)
    {
      g_mutex_lock (&intern_lock);
      g_ref_string_release (string);
      g_mutex_unlock (&intern_lock);
    }
}

static char *
intern (const char *string)
{
  char *interned;

  if (string == NULL)
    return NULL;
  g_mutex_lock (&intern_lock);
  interned = g_ref_string_new_intern (string);
  g_mutex_unlock (&intern_lock);
  return interned;
}

/* Enough slots that the dozen texts of one check's findings, and of the
 * item they are about, rarely push each other out: with 64, a 100 MB
 * Config snapshot took 7 % longer. */
#define N_RECENT 256

struct _DmFindingStrings
{
  GHashTable *table;
  /* The texts shared last, by where the caller held them: findings of one
   * check pass the catalogue's title and remediation again and again. A
   * hit is confirmed by comparing the text, never taken on the address. */
  struct
  {
    const char *from;
    char       *shared;
  } recent[N_RECENT];
};

/**
 * dm_finding_strings_new:
 *
 * A table in which the findings made with it (DmFindingData.strings) share
 * their text: one reader's, without the lock of the shared table that
 * made a folder's readers wait on each other. The table holds a reference
 * to each text until it is destroyed.
 *
 * Returns: (transfer full): the table
 */
DmFindingStrings *
dm_finding_strings_new (void)
{
  DmFindingStrings *strings = g_new0 (DmFindingStrings, 1);

  strings->table = g_hash_table_new_full (dm_str_hash, g_str_equal, (GDestroyNotify)release, NULL);
  return strings;
}

void
dm_finding_strings_free (DmFindingStrings *strings)
{
  if (strings == NULL)
    return;
  g_hash_table_unref (strings->table);
  g_free (strings);
}

/* @string as a reference-counted string shared through @strings, or the
 * shared table when it is %NULL. */
static char *
share (DmFindingStrings *strings,
       const char       *string)
{
  guint slot;
  char *shared;

  if (string == NULL)
    return NULL;
  if (strings == NULL)
    return intern (string);

  slot = ((guintptr)string >> 4) % N_RECENT;
  if (strings->recent[slot].from == string && strcmp (strings->recent[slot].shared, string) == 0)
    return g_ref_string_acquire (strings->recent[slot].shared);

  if ((shared = g_hash_table_lookup (strings->table, string)) == NULL)
    {
      shared = g_ref_string_new (string);
      g_hash_table_add (strings->table, shared);
    }
  /* The table holds a reference as long as it lives. */
  strings->recent[slot].from = string;
  strings->recent[slot].shared = shared;
  return g_ref_string_acquire (shared);
}

static void
dm_finding_finalize (GObject *object)
{
  DmFinding *self = (DmFinding *)object;

  g_free (self->id);
  release (self->check);
  release (self->service);
  release (self->layer);
  release (self->resource);
  for (guint i = 0; self->resources[i]; i++)
    release (self->resources[i]);
  g_free (self->resources);
  release (self->resource_type);
  release (self->region);
  release (self->account);
  for (guint i = 0; self->controls[i]; i++)
    release (self->controls[i]);
  g_free (self->controls);
  release (self->source);
  release (self->tool);
  release (self->title);
  release (self->evidence);
  release (self->remediation);
  for (guint i = 0; self->origins && i < self->origins->len; i++)
    {
      Origin *origin = &g_array_index (self->origins, Origin, i);

      release (origin->tool);
      release (origin->source);
      release (origin->title);
    }
  g_clear_pointer (&self->origins, g_array_unref);

  G_OBJECT_CLASS (dm_finding_parent_class)->finalize (object);
}

static void
dm_finding_class_init (DmFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_finding_finalize;
}

static void
dm_finding_init (DmFinding *self)
{
}

/* The finding's resource first, then the others, each once. */
static char **
intern_resources (DmFindingStrings   *strings,
                  const char         *first,
                  const char * const *all)
{
  GPtrArray *resources = g_ptr_array_new ();

  if (*first)
    g_ptr_array_add (resources, share (strings, first));
  for (guint i = 0; all && all[i]; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < resources->len && !known; j++)
        known = g_str_equal (g_ptr_array_index (resources, j), all[i]);
      if (!known && *all[i])
        g_ptr_array_add (resources, share (strings, all[i]));
    }
  g_ptr_array_add (resources, NULL);
  return (char **)g_ptr_array_free (resources, FALSE);
}

/**
 * dm_finding_new:
 * @data: the finding's fields; strings are copied
 *
 * Returns: (transfer full): a new finding
 */
DmFinding *
dm_finding_new (const DmFindingData *data)
{
  DmFinding *self;
  guint n;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (DM_TYPE_FINDING, NULL);
  self->id = g_strdup (data->id ? data->id : "");
  self->check = share (data->strings, data->check);
  self->status = data->status;
  self->severity = data->severity;
  self->unnamed_resources = MIN (data->unnamed_resources, (guint)G_MAXINT32);
  self->unnamed_capped = data->unnamed_resources > 0 && data->unnamed_capped;
  self->service = share (data->strings, data->service);
  self->layer = share (data->strings, data->service ? data->layer : NULL);
  self->resource = share (data->strings, data->resource ? data->resource : "");
  self->resources = intern_resources (data->strings, self->resource, data->resources);
  self->resource_type = share (data->strings, data->resource_type ? data->resource_type : "");
  self->region = share (data->strings, data->region ? data->region : "");
  self->account = share (data->strings, data->account ? data->account : "");
  n = data->controls ? g_strv_length ((char **)data->controls) : 0;
  self->controls = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->controls[i] = share (data->strings, data->controls[i]);
  self->source = share (data->strings, data->source ? data->source : "");
  self->source_item = data->source_item;
  self->observed = data->observed;
  self->tool = share (data->strings, data->tool ? data->tool : "");
  self->title = share (data->strings, data->title ? data->title : "");
  self->evidence = share (data->strings, data->evidence ? data->evidence : "");
  self->remediation = share (data->strings, data->remediation ? data->remediation : "");

  return self;
}

#define GETTER(type, name) \
  type dm_finding_get_##name (DmFinding *self) \
  { \
    g_return_val_if_fail (DM_IS_FINDING (self), (type)0); \
    return self->name; \
  }

GETTER (const char *, id)
GETTER (const char *, check)
GETTER (DmFindingStatus, status)
GETTER (DmSeverity, severity)
GETTER (const char *, service)
GETTER (const char *, layer)
GETTER (const char *, resource)
GETTER (const char *, resource_type)
GETTER (const char *, region)
GETTER (const char *, account)
GETTER (const char *, source)
GETTER (guint64, source_item)
GETTER (gint64, observed)
GETTER (const char *, tool)
GETTER (const char *, title)
GETTER (const char *, evidence)
GETTER (const char *, remediation)

#undef GETTER

/**
 * dm_finding_get_unnamed_resources:
 * @capped: (out) (optional): whether the export capped the count, so that
 *   there are more
 *
 * Returns: how many resources the finding stands for that its export
 *   counts but does not name (DmFindingData.unnamed_resources), 0 if none
 */
guint
dm_finding_get_unnamed_resources (DmFinding *self,
                                  gboolean  *capped)
{
  g_return_val_if_fail (DM_IS_FINDING (self), 0);
  if (capped)
    *capped = self->unnamed_capped;
  return self->unnamed_resources;
}

/* Every resource the finding names, its own resource first; empty when it
 * names none. */
const char * const *
dm_finding_get_resources (DmFinding *self)
{
  g_return_val_if_fail (DM_IS_FINDING (self), NULL);
  return (const char * const *)self->resources;
}

const char * const *
dm_finding_get_controls (DmFinding *self)
{
  g_return_val_if_fail (DM_IS_FINDING (self), NULL);
  return (const char * const *)self->controls;
}

/* Reports of one finding beyond the first: origin 0 is the finding's own
 * tool, source and title. */
guint
dm_finding_get_n_origins (DmFinding *self)
{
  g_return_val_if_fail (DM_IS_FINDING (self), 0);
  return 1 + (self->origins ? self->origins->len : 0);
}

DmFindingOrigin
dm_finding_get_origin (DmFinding *self,
                       guint      index)
{
  DmFindingOrigin result = { 0 };
  const Origin *origin;

  g_return_val_if_fail (DM_IS_FINDING (self), result);
  g_return_val_if_fail (index < dm_finding_get_n_origins (self), result);

  if (index == 0)
    return (DmFindingOrigin){ self->tool, self->source, self->source_item, self->title };
  origin = &g_array_index (self->origins, Origin, index - 1);
  return (DmFindingOrigin){ origin->tool, origin->source, origin->source_item, origin->title };
}

/**
 * dm_finding_add_origin:
 * @data: another report of the same finding: its tool, source, item and title
 *
 * Only the importer calls this, while it builds its findings and before
 * any other thread can see them.
 */
void
dm_finding_add_origin (DmFinding           *self,
                       const DmFindingData *data)
{
  Origin origin;

  g_return_if_fail (DM_IS_FINDING (self));
  g_return_if_fail (data != NULL);

  origin.tool = intern (data->tool ? data->tool : "");
  origin.source = intern (data->source ? data->source : "");
  origin.source_item = data->source_item;
  origin.title = intern (data->title ? data->title : "");
  if (self->origins == NULL)
    self->origins = g_array_new (FALSE, FALSE, sizeof (Origin));
  g_array_append_val (self->origins, origin);
}

/* One table for the machine names and the words shown to people. */
static const struct
{
  const char *name;
  const char *label;
} statuses[DM_N_FINDING_STATUSES] = {
  [DM_FINDING_FAILED]        = { "failed", N_("failed") },
  [DM_FINDING_PASSED]        = { "passed", N_("passed") },
  [DM_FINDING_INFORMATIONAL] = { "informational", N_("informational") },
  [DM_FINDING_SUPPRESSED]    = { "suppressed", N_("suppressed") },
};

/* "failed", "passed", "informational" or "suppressed", as in JSON output. */
const char *
dm_finding_status_to_string (DmFindingStatus status)
{
  g_return_val_if_fail (status < DM_N_FINDING_STATUSES, "failed");
  return statuses[status].name;
}

/* The status in the user's language. */
const char *
dm_finding_status_to_label (DmFindingStatus status)
{
  g_return_val_if_fail (status < DM_N_FINDING_STATUSES, _("failed"));
  return _(statuses[status].label);
}

/**
 * dm_finding_list_copy:
 *
 * A new list holding the same findings, for a worker thread: reading a
 * GListStore moves its cached position, so two threads must not read one.
 * Findings never change once the importer is done, so sharing them is safe.
 *
 * Returns: (transfer full): the copy
 */
GListModel *
dm_finding_list_copy (GListModel *findings)
{
  guint n = g_list_model_get_n_items (findings);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  GListStore *copy = g_list_store_new (DM_TYPE_FINDING);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (findings, i));
  g_list_store_splice (copy, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (copy);
}

/**
 * dm_finding_get_key_hash:
 * @compute: the hash of the fields that say which finding it is
 *
 * The importer's tables hash each finding by its key several times (the
 * same report again, the same finding at another time, another tool's
 * report); the fields never change, so the hash is computed once. The
 * first result is kept whatever @compute is later: there is one key hash,
 * the importer's. Called on the importer's thread only.
 */
guint
dm_finding_get_key_hash (DmFinding *self,
                         guint    (*compute) (DmFinding *finding))
{
  g_return_val_if_fail (DM_IS_FINDING (self), 0);

  if (!self->key_hashed)
    {
      self->key_hash = compute (self);
      self->key_hashed = TRUE;
    }
  return self->key_hash;
}
