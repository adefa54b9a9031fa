/* dm-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-types.h"

gboolean
dm_owner_from_string (const char *str,
                      DmOwner    *owner)
{
  g_return_val_if_fail (owner != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  /* "provider" lets a model for another cloud avoid saying "aws". */
  if (g_str_equal (str, "aws") || g_str_equal (str, "provider"))
    *owner = DM_OWNER_PROVIDER;
  else if (g_str_equal (str, "customer"))
    *owner = DM_OWNER_CUSTOMER;
  else if (g_str_equal (str, "shared"))
    *owner = DM_OWNER_SHARED;
  else if (g_str_equal (str, "n/a"))
    *owner = DM_OWNER_NOT_APPLICABLE;
  else
    return FALSE;

  return TRUE;
}

const char *
dm_owner_to_string (DmOwner owner)
{
  switch (owner)
    {
    case DM_OWNER_PROVIDER: return "provider";
    case DM_OWNER_CUSTOMER: return "customer";
    case DM_OWNER_SHARED: return "shared";
    case DM_OWNER_NOT_APPLICABLE: return "n/a";
    default: g_return_val_if_reached (NULL);
    }
}

DmControlKind
dm_owner_default_control (DmOwner owner)
{
  switch (owner)
    {
    case DM_OWNER_PROVIDER: return DM_CONTROL_INHERITED;
    case DM_OWNER_CUSTOMER: return DM_CONTROL_CUSTOMER_SPECIFIC;
    case DM_OWNER_SHARED: return DM_CONTROL_SHARED;
    case DM_OWNER_NOT_APPLICABLE: return DM_CONTROL_NONE;
    default: g_return_val_if_reached (DM_CONTROL_NONE);
    }
}

gboolean
dm_control_kind_from_string (const char    *str,
                             DmControlKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  if (g_str_equal (str, "inherited"))
    *kind = DM_CONTROL_INHERITED;
  else if (g_str_equal (str, "shared"))
    *kind = DM_CONTROL_SHARED;
  else if (g_str_equal (str, "customer-specific"))
    *kind = DM_CONTROL_CUSTOMER_SPECIFIC;
  else
    return FALSE;

  return TRUE;
}

const char *
dm_control_kind_to_string (DmControlKind kind)
{
  switch (kind)
    {
    case DM_CONTROL_NONE: return "none";
    case DM_CONTROL_INHERITED: return "inherited";
    case DM_CONTROL_SHARED: return "shared";
    case DM_CONTROL_CUSTOMER_SPECIFIC: return "customer-specific";
    default: g_return_val_if_reached (NULL);
    }
}

/* Case-insensitive: tools write "HIGH", "High" and "high". */
gboolean
dm_severity_from_string (const char *str,
                         DmSeverity *severity)
{
  static const struct { const char *name; DmSeverity severity; } names[] = {
    { "informational", DM_SEVERITY_INFORMATIONAL },
    { "info", DM_SEVERITY_INFORMATIONAL },
    { "low", DM_SEVERITY_LOW },
    { "medium", DM_SEVERITY_MEDIUM },
    { "moderate", DM_SEVERITY_MEDIUM },
    { "high", DM_SEVERITY_HIGH },
    { "critical", DM_SEVERITY_CRITICAL },
  };

  g_return_val_if_fail (severity != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (str, names[i].name) == 0)
        {
          *severity = names[i].severity;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dm_severity_to_string (DmSeverity severity)
{
  switch (severity)
    {
    case DM_SEVERITY_INFORMATIONAL: return "informational";
    case DM_SEVERITY_LOW: return "low";
    case DM_SEVERITY_MEDIUM: return "medium";
    case DM_SEVERITY_HIGH: return "high";
    case DM_SEVERITY_CRITICAL: return "critical";
    case DM_SEVERITY_UNKNOWN:
    default: return "unknown";
    }
}

/* The words a reader sees; dm_severity_to_string () is for machines. */
const char *
dm_severity_to_label (DmSeverity severity)
{
  switch (severity)
    {
    case DM_SEVERITY_INFORMATIONAL: return C_("severity", "Informational");
    case DM_SEVERITY_LOW: return C_("severity", "Low");
    case DM_SEVERITY_MEDIUM: return C_("severity", "Medium");
    case DM_SEVERITY_HIGH: return C_("severity", "High");
    case DM_SEVERITY_CRITICAL: return C_("severity", "Critical");
    case DM_SEVERITY_UNKNOWN:
    default: return C_("severity", "Unknown");
    }
}

/* The same words in lower case, for inside a sentence ("3 failed, worst
 * high"); translated, unlike dm_severity_to_string (), which stays in
 * machine outputs (JSON, CSV, SARIF, JUnit). */
const char *
dm_severity_to_word (DmSeverity severity)
{
  switch (severity)
    {
    case DM_SEVERITY_INFORMATIONAL: return C_("severity in a sentence", "informational");
    case DM_SEVERITY_LOW: return C_("severity in a sentence", "low");
    case DM_SEVERITY_MEDIUM: return C_("severity in a sentence", "medium");
    case DM_SEVERITY_HIGH: return C_("severity in a sentence", "high");
    case DM_SEVERITY_CRITICAL: return C_("severity in a sentence", "critical");
    case DM_SEVERITY_UNKNOWN:
    default: return C_("severity in a sentence", "unknown");
    }
}

/* GNOME palette hues that none of the owner colours (blue, orange,
 * purple) use, darkest for the worst. */
static const DmSeverityColours severity_colours[] = {
  [DM_SEVERITY_UNKNOWN] = { "#deddda", "#241f31", "severity-unknown" },
  [DM_SEVERITY_INFORMATIONAL] = { "#deddda", "#241f31", "severity-informational" },
  [DM_SEVERITY_LOW] = { "#cdab8f", "#241f31", "severity-low" },
  [DM_SEVERITY_MEDIUM] = { "#f6d32d", "#241f31", "severity-medium" },
  [DM_SEVERITY_HIGH] = { "#e01b24", "#ffffff", "severity-high" },
  [DM_SEVERITY_CRITICAL] = { "#a51d2d", "#ffffff", "severity-critical" },
};

const DmSeverityColours *
dm_severity_colours (DmSeverity severity)
{
  if ((guint)severity >= G_N_ELEMENTS (severity_colours))
    severity = DM_SEVERITY_UNKNOWN;
  return &severity_colours[severity];
}

gboolean
dm_text_is_hidden (gunichar c)
{
  return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
         c == 0x061C || c == 0x2028 || c == 0x2029;
}

/**
 * dm_default_workers:
 *
 * How many threads an import, or the writing of a report, may use: the
 * number of processors, at most 4, or $DEMARC_WORKERS (1 keeps all the
 * work on one thread).
 *
 * Returns: at least 1
 */
guint
dm_default_workers (void)
{
  const char *set = g_getenv ("DEMARC_WORKERS");

  if (set != NULL)
    return CLAMP (g_ascii_strtoull (set, NULL, 10), 1, 64);
  return MIN (g_get_num_processors (), 4);
}

static gpointer
unref_thread (gpointer object)
{
  g_object_unref (object);
  return NULL;
}

/**
 * dm_unref_in_background:
 * @object: (transfer full): a #GObject of the core (an importer, a report,
 *   an assessment), nothing of GTK's
 *
 * Drops @object on a thread of its own, so that when this is its last
 * reference, freeing what it holds (a large export's findings take a
 * fifth of a second) does not stall the main loop. Inline with one
 * worker (dm_default_workers ()), or when no thread can be started.
 */
void
dm_unref_in_background (gpointer object)
{
  GThread *thread = NULL;

  g_return_if_fail (G_IS_OBJECT (object));

  if (dm_default_workers () > 1)
    thread = g_thread_try_new ("demarc-release", unref_thread, object, NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    g_object_unref (object);
}
