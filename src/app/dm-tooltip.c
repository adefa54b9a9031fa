/* dm-tooltip.c: tooltips whose text is asked for when they are shown
 *
 * gtk_widget_set_tooltip_text() on a visible widget asks the display
 * where the pointer is, at once, in case the tooltip is under it: on X11
 * a round trip for each call. The window sets hundreds when an export is
 * opened (each service's badge, each matrix cell), which froze it for
 * tens of milliseconds; these are set without asking, and shown by
 * query-tooltip. Like gtk_widget_set_tooltip_text(), the text is the
 * widget's accessible description too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-tooltip.h"

#define TEXT_KEY "dm-tooltip-text"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * dm_tooltip_set_text:
 * @text: (nullable): plain text, or %NULL for none
 */
void
dm_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TEXT_KEY) == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text ? text : ""), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Returns: (nullable): the text dm_tooltip_set_text() set, or %NULL */
const char *
dm_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);
  return text && *text ? text : NULL;
}
