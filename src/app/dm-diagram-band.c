/* dm-diagram-band.c
 *
 * GTK 4.8 cannot expose accessible objects that are not widgets, so each
 * painted band gets one of these laid over it: it takes keyboard focus,
 * draws the focus ring through CSS and tells assistive technologies what
 * the band is. Each layer cell of a band gets one too, as a child of the
 * band's, so that every cell's owner and status is its own object on the
 * bus. The diagram does all painting and pointer handling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-diagram-band"

#include "config.h"

#include "dm-diagram-band.h"

struct _DmDiagramBand
{
  GtkWidget     parent_instance;

  guint         index;
  int           layer;      /* model layer index of a cell; -1 for a band */
  GtkAllocation in_band;    /* a cell's place in its band */
};

G_DEFINE_FINAL_TYPE (DmDiagramBand, dm_diagram_band, GTK_TYPE_WIDGET)

/* A band lays its cells where the diagram painted them. */
static void
dm_diagram_band_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (DM_IS_DIAGRAM_BAND (child))
      gtk_widget_size_allocate (child, &DM_DIAGRAM_BAND (child)->in_band, -1);
}

static void
dm_diagram_band_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dm_diagram_band_parent_class)->dispose (object);
}

static void
dm_diagram_band_class_init (DmDiagramBandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_diagram_band_dispose;
  widget_class->size_allocate = dm_diagram_band_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "band");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
dm_diagram_band_init (DmDiagramBand *self)
{
  /* Pointer events go to the diagram, which knows the painted geometry. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  self->layer = -1;
}

GtkWidget *
dm_diagram_band_new (guint index)
{
  DmDiagramBand *self = g_object_new (DM_TYPE_DIAGRAM_BAND, NULL);

  self->index = index;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

/**
 * dm_diagram_band_new_layer:
 * @index: the band holding the cell
 * @layer: the cell's model layer index
 *
 * A cell stand-in, to be a child of its band's. Not focusable until the
 * diagram moves the focus to it: the Tab chain holds one band only.
 */
GtkWidget *
dm_diagram_band_new_layer (guint index,
                           guint layer)
{
  DmDiagramBand *self = g_object_new (DM_TYPE_DIAGRAM_BAND, NULL);

  self->index = index;
  self->layer = (int)layer;
  gtk_widget_add_css_class (GTK_WIDGET (self), "layer");
  return GTK_WIDGET (self);
}

guint
dm_diagram_band_get_index (DmDiagramBand *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM_BAND (self), 0);
  return self->index;
}

/* Returns: the model layer index of a cell, -1 for a band. */
int
dm_diagram_band_get_layer (DmDiagramBand *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM_BAND (self), -1);
  return self->layer;
}

/* Where a cell goes, in its band's coordinates; used at the band's next
 * allocation. */
void
dm_diagram_band_place (DmDiagramBand       *self,
                       const GtkAllocation *in_band)
{
  g_return_if_fail (DM_IS_DIAGRAM_BAND (self));
  self->in_band = *in_band;
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
  /* A cell does not open or close; its band does. */
  if (self->layer < 0)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                 GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                                 -1);
}
