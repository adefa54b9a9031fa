/* dm-details-pane.c
 *
 * Texts come from model files the user may have written, so every label
 * here is plain text: nothing is parsed as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-details-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-details-pane.h"

struct _DmDetailsPane
{
  AdwBin     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *owner_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *hint_label;
  GtkBox    *groups_box;
  GPtrArray *groups;    /* GtkWidget, unowned */
};

G_DEFINE_FINAL_TYPE (DmDetailsPane, dm_details_pane, ADW_TYPE_BIN)

static const char *owner_classes[] = { "owner-provider", "owner-customer", "owner-shared", "owner-na" };

static void
set_owner_badge (GtkLabel   *label,
                 DmModel    *model,
                 int         owner)
{
  for (guint i = 0; i < G_N_ELEMENTS (owner_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), owner_classes[i]);

  if (owner < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  gtk_label_set_text (label, dm_model_get_owner_label (model, owner));
  gtk_widget_add_css_class (GTK_WIDGET (label), owner_classes[owner]);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_fact (GtkListBox *list,
          const char *heading,
          const char *value,
          const char *value_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *value_label = make_label (value, value_class);

  /* Owners read as a coloured pill, as in the header. */
  if (value_class != NULL && g_str_has_prefix (value_class, "owner-"))
    {
      gtk_widget_add_css_class (value_label, "owner-badge");
      gtk_widget_set_halign (value_label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (value_label, 2);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), make_label (heading, "caption-heading"));
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
  gtk_list_box_append (list, row);
}

static GtkWidget *
add_group (DmDetailsPane *self,
           const char    *title,
           const char    *description,
           GtkListBox   **list_out)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  gtk_box_append (GTK_BOX (group), make_label (title, "heading"));
  if (description && *description)
    gtk_box_append (GTK_BOX (group), make_label (description, "dim-label"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (group), list);

  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  *list_out = GTK_LIST_BOX (list);

  return group;
}

static void
clear_groups (DmDetailsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->groups, 0);
}

static char *
join_security_services (DmModel *model,
                        DmLayer *layer)
{
  const char * const *ids = dm_layer_get_security_services (layer);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    {
      const DmSecurityService *s = dm_model_find_security_service (model, ids[i]);

      if (s == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, s->name);
    }

  return names->len ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static char *
describe_control (const DmControlKindInfo *control)
{
  GString *text = g_string_new (control->name);

  if (control->description && *control->description)
    /* Translators: separates a control kind's name from its explanation */
    g_string_append_printf (text, _(" — %s"), control->description);

  for (guint i = 0; control->examples && control->examples[i]; i++)
    g_string_append_printf (text, "\n• %s", control->examples[i]);

  return g_string_free (text, FALSE);
}

static void
show_service_overview (DmDetailsPane *self,
                       DmModel       *model,
                       DmService     *service)
{
  const DmCategory *category = dm_model_find_category (model, dm_service_get_category (service));
  GtkListBox *list;

  gtk_label_set_text (self->title_label, dm_service_get_name (service));
  gtk_label_set_text (self->subtitle_label, dm_service_get_summary (service));
  set_owner_badge (self->owner_label, model, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);

  add_group (self, _("At a Glance"), NULL, &list);
  for (guint i = dm_model_get_n_bands (model); i > 0; i--)
    {
      DmBand *band = dm_model_get_band (model, i - 1);

      add_fact (list, dm_band_get_name (band),
                dm_model_get_owner_label (model, dm_service_get_band_owner (service, band)), NULL);
    }

  if (category != NULL)
    {
      add_group (self, _("Service Category"), NULL, &list);
      add_fact (list, category->name, category->description, NULL);
    }
}

static void
show_band (DmDetailsPane *self,
           DmModel       *model,
           DmService     *service,
           DmBand        *band,
           int            emphasised_layer)
{
  gtk_label_set_text (self->title_label, dm_band_get_name (band));
  gtk_label_set_text (self->subtitle_label, dm_band_get_description (band));
  set_owner_badge (self->owner_label, model, dm_service_get_band_owner (service, band));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);

  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    {
      DmLayer *layer = dm_band_get_layer (band, i);
      DmOwner owner = dm_service_get_owner (service, layer);
      const DmControlKindInfo *control = dm_model_get_control_kind_info (model, dm_service_get_control (service, layer));
      g_autofree char *helpers = join_security_services (model, layer);
      g_autofree char *control_text = NULL;
      GtkListBox *list;
      GtkWidget *group;

      group = add_group (self, dm_layer_get_name (layer), dm_layer_get_description (layer), &list);
      if ((int)dm_layer_get_index (layer) == emphasised_layer)
        gtk_widget_add_css_class (group, "emphasised");

      add_fact (list, _("Owner"), dm_model_get_owner_label (model, owner), owner_classes[owner]);
      add_fact (list, _("Why"), dm_service_get_reason (service, layer), NULL);

      control_text = describe_control (control);
      add_fact (list, _("Control"), control_text, NULL);

      if ((owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED) &&
          *dm_layer_get_customer_tasks (layer))
        add_fact (list, _("What You Do"), dm_layer_get_customer_tasks (layer), NULL);

      if (helpers != NULL)
        add_fact (list, _("Services That Help"), helpers, NULL);
    }
}

/**
 * dm_details_pane_show:
 * @band: band index, or -1 for an overview of @service
 * @layer: model layer index to emphasise, or -1
 */
void
dm_details_pane_show (DmDetailsPane *self,
                      DmModel       *model,
                      DmService     *service,
                      int            band,
                      int            layer)
{
  g_return_if_fail (DM_IS_DETAILS_PANE (self));

  clear_groups (self);

  if (model == NULL || service == NULL)
    {
      gtk_label_set_text (self->title_label, _("No Service"));
      gtk_label_set_text (self->subtitle_label, "");
      set_owner_badge (self->owner_label, NULL, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
      return;
    }

  if (band >= 0 && band < (int)dm_model_get_n_bands (model))
    show_band (self, model, service, dm_model_get_band (model, band), layer);
  else
    show_service_overview (self, model, service);
}

const char *
dm_details_pane_get_title (DmDetailsPane *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

guint
dm_details_pane_get_n_groups (DmDetailsPane *self)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), 0);
  return self->groups->len;
}

GtkWidget *
dm_details_pane_get_group (DmDetailsPane *self,
                           guint          index)
{
  g_return_val_if_fail (DM_IS_DETAILS_PANE (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, index);
}

static void
dm_details_pane_finalize (GObject *object)
{
  DmDetailsPane *self = (DmDetailsPane *)object;

  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (dm_details_pane_parent_class)->finalize (object);
}

static void
dm_details_pane_class_init (DmDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dm_details_pane_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, owner_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DmDetailsPane, groups_box);
}

static void
dm_details_pane_init (DmDetailsPane *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dm_details_pane_new (void)
{
  return g_object_new (DM_TYPE_DETAILS_PANE, NULL);
}
