/* dm-lazy-layout.c: a bin layout that asks for no room while unmapped
 *
 * A view stack sizes itself to its largest page, so it measures the hidden
 * pages too, each time their content changes: for the Findings view, the
 * text of some 200 rows that GTK 4.8 builds at once, tens of milliseconds
 * the window freezes for when an export is opened while another page is
 * shown. A page with this layout asks, while it is not shown, for the
 * least room it last needed when it was (so that the window cannot be
 * made too small for it meanwhile), and for no more; its widget queues a
 * resize when it is mapped or unmapped (see dm_findings_view_map ()), and
 * is measured then. Otherwise it lays its children out as GtkBinLayout
 * does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dm-lazy-layout.h"

struct _DmLazyLayout
{
  GtkLayoutManager parent_instance;

  int              minimum[2];   /* by orientation, when last shown */
};

G_DEFINE_FINAL_TYPE (DmLazyLayout, dm_lazy_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
dm_lazy_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  DmLazyLayout *self = DM_LAZY_LAYOUT (manager);

  *minimum_baseline = *natural_baseline = -1;
  if (!gtk_widget_get_mapped (widget))
    {
      *minimum = *natural = self->minimum[orientation];
      return;
    }
  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_min_baseline, child_nat_baseline;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, &child_min_baseline,
                          &child_nat_baseline);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
      if (child_min_baseline > -1)
        *minimum_baseline = MAX (*minimum_baseline, child_min_baseline);
      if (child_nat_baseline > -1)
        *natural_baseline = MAX (*natural_baseline, child_nat_baseline);
    }
  if (for_size < 0)
    self->minimum[orientation] = *minimum;
}

static void
dm_lazy_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
dm_lazy_layout_class_init (DmLazyLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = dm_lazy_layout_measure;
  manager_class->allocate = dm_lazy_layout_allocate;
}

static void
dm_lazy_layout_init (DmLazyLayout *self)
{
}
