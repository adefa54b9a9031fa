/* dm-types.h: forward declarations and enums shared by core and UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DmBand    DmBand;
typedef struct _DmLayer   DmLayer;
typedef struct _DmModel   DmModel;
typedef struct _DmService DmService;

/**
 * DmOwner:
 * @DM_OWNER_PROVIDER: the cloud provider (AWS in the AWS model)
 * @DM_OWNER_CUSTOMER: the customer
 * @DM_OWNER_SHARED: the provider supplies the mechanism, the customer must configure it
 * @DM_OWNER_NOT_APPLICABLE: the layer does not exist for the service
 */
typedef enum
{
  DM_OWNER_PROVIDER,
  DM_OWNER_CUSTOMER,
  DM_OWNER_SHARED,
  DM_OWNER_NOT_APPLICABLE,
} DmOwner;

#define DM_N_OWNERS 4

typedef enum
{
  DM_CONTROL_NONE,
  DM_CONTROL_INHERITED,
  DM_CONTROL_SHARED,
  DM_CONTROL_CUSTOMER_SPECIFIC,
} DmControlKind;

/* Ordered: a higher value is more severe. */
typedef enum
{
  DM_SEVERITY_UNKNOWN,
  DM_SEVERITY_INFORMATIONAL,
  DM_SEVERITY_LOW,
  DM_SEVERITY_MEDIUM,
  DM_SEVERITY_HIGH,
  DM_SEVERITY_CRITICAL,
} DmSeverity;

gboolean      dm_severity_from_string      (const char    *str,
                                            DmSeverity    *severity);
const char   *dm_severity_to_string        (DmSeverity     severity);
const char   *dm_severity_to_label         (DmSeverity     severity);
const char   *dm_severity_to_word          (DmSeverity     severity);

/* One colour scale for severity, used by badges, matrix cells, slides and
 * reports; always shown beside the severity's word, never alone. */
typedef struct
{
  const char *background;  /* #rrggbb */
  const char *foreground;  /* readable on background (WCAG AA) */
  const char *css_class;   /* "severity-critical", for GTK CSS and HTML */
} DmSeverityColours;

const DmSeverityColours *dm_severity_colours (DmSeverity severity);

gboolean      dm_owner_from_string         (const char    *str,
                                            DmOwner       *owner);
const char   *dm_owner_to_string           (DmOwner        owner);
DmControlKind dm_owner_default_control     (DmOwner        owner);
gboolean      dm_control_kind_from_string  (const char    *str,
                                            DmControlKind *kind);
const char   *dm_control_kind_to_string    (DmControlKind  kind);

/* Characters that must not reach a reader unseen: controls other than
 * newline and tab, DEL, C1 controls, bidi overrides, isolates and marks,
 * and the line and paragraph separators. */
gboolean    dm_text_is_hidden          (gunichar    c);

guint       dm_default_workers         (void);
void        dm_unref_in_background     (gpointer    object);

G_END_DECLS
