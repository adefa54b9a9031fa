/* dm-diagram-band.c
 *
 * GTK 4.8 cannot expose accessible objects that are not widgets, so each
 * painted band gets one of these laid over it: it takes keyboard focus,
 * draws the focus ring through CSS and tells assistive technologies what
 * the band is. The diagram does all painting and pointer handling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-diagram-band"

#include "config.h"

#include "dm-diagram-band.h"

struct _DmDiagramBand
{
  GtkWidget parent_instance;

  guint     index;
};

G_DEFINE_FINAL_TYPE (DmDiagramBand, dm_diagram_band, GTK_TYPE_WIDGET)

static void
dm_diagram_band_class_init (DmDiagramBandClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "band");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
dm_diagram_band_init (DmDiagramBand *self)
{
  /* Pointer events go to the diagram, which knows the painted geometry. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
dm_diagram_band_new (guint index)
{
  DmDiagramBand *self = g_object_new (DM_TYPE_DIAGRAM_BAND, NULL);

  self->index = index;
  return GTK_WIDGET (self);
}

guint
dm_diagram_band_get_index (DmDiagramBand *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM_BAND (self), 0);
  return self->index;
}

void
dm_diagram_band_describe (DmDiagramBand *self,
                          const char    *label,
                          const char    *description,
                          gboolean       expanded)
{
  g_return_if_fail (DM_IS_DIAGRAM_BAND (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}
