/* dm-finding.c
 *
 * Findings are kept, JSON trees are not: an export of 100k findings must
 * not cost 100k parsed documents. Strings are copied once, here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-finding"

#include "config.h"

#include "dm-finding.h"

struct _DmFinding
{
  GObject          parent_instance;

  char            *id;
  char            *check;
  DmFindingStatus  status;
  DmSeverity       severity;
  char            *service;
  char            *layer;
  char            *resource;
  char            *resource_type;
  char            *region;
  char            *account;
  GStrv            controls;
  char            *source;
  guint64          source_item;
  char            *tool;
  char            *title;
  char            *evidence;
  char            *remediation;
};

G_DEFINE_FINAL_TYPE (DmFinding, dm_finding, G_TYPE_OBJECT)

static void
dm_finding_finalize (GObject *object)
{
  DmFinding *self = (DmFinding *)object;

  g_free (self->id);
  g_free (self->check);
  g_free (self->service);
  g_free (self->layer);
  g_free (self->resource);
  g_free (self->resource_type);
  g_free (self->region);
  g_free (self->account);
  g_strfreev (self->controls);
  g_free (self->source);
  g_free (self->tool);
  g_free (self->title);
  g_free (self->evidence);
  g_free (self->remediation);

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

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (DM_TYPE_FINDING, NULL);
  self->id = g_strdup (data->id ? data->id : "");
  self->check = g_strdup (data->check);
  self->status = data->status;
  self->severity = data->severity;
  self->service = g_strdup (data->service);
  self->layer = g_strdup (data->service ? data->layer : NULL);
  self->resource = g_strdup (data->resource ? data->resource : "");
  self->resource_type = g_strdup (data->resource_type ? data->resource_type : "");
  self->region = g_strdup (data->region ? data->region : "");
  self->account = g_strdup (data->account ? data->account : "");
  self->controls = data->controls ? g_strdupv ((char **)data->controls) : g_new0 (char *, 1);
  self->source = g_strdup (data->source ? data->source : "");
  self->source_item = data->source_item;
  self->tool = g_strdup (data->tool ? data->tool : "");
  self->title = g_strdup (data->title ? data->title : "");
  self->evidence = g_strdup (data->evidence ? data->evidence : "");
  self->remediation = g_strdup (data->remediation ? data->remediation : "");

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
GETTER (const char *, tool)
GETTER (const char *, title)
GETTER (const char *, evidence)
GETTER (const char *, remediation)

#undef GETTER

const char * const *
dm_finding_get_controls (DmFinding *self)
{
  g_return_val_if_fail (DM_IS_FINDING (self), NULL);
  return (const char * const *)self->controls;
}
