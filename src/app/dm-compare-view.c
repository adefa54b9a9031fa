/* dm-compare-view.c
 *
 * Rows run from the services where the customer owns most of the stack to
 * the most abstracted ones, columns from the physical layer to the data, so
 * the provider's share grows down the matrix like a staircase: the
 * "responsibility slider".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-compare-view.h"
#include "dm-tooltip.h"

struct _DmCompareView
{
  AdwBin      parent_instance;

  GtkGrid    *grid;
  DmModel    *model;
  GPtrArray  *rows;        /* DmService in display order */
  GPtrArray  *row_headers; /* GtkWidget, unowned */
  GHashTable *cells;       /* "service\nlayer" -> GtkWidget, unowned */
  DmService  *current;     /* unowned; the model owns it */
  DmAssessment *assessment; /* statuses of an open export, or NULL */
  gboolean    built;       /* the grid matches the model */
};

G_DEFINE_FINAL_TYPE (DmCompareView, dm_compare_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *owner_classes[] = { "owner-provider", "owner-customer", "owner-shared", "owner-na" };

#define HEADER_ROWS 2

static char *
cell_key (const char *service_id,
          const char *layer_id)
{
  return g_strconcat (service_id, "\n", layer_id, NULL);
}

static const char *
short_owner_label (DmModel *model,
                   DmOwner  owner)
{
  /* Translators: short for "not applicable", in a narrow table cell */
  return owner == DM_OWNER_NOT_APPLICABLE ? C_("owner", "n/a") : dm_model_get_owner_label (model, owner);
}

static void
clear_grid (DmCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);

  g_hash_table_remove_all (self->cells);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->row_headers, 0);
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
build (DmCompareView *self)
{
  g_autoptr(GPtrArray) services = NULL;
  guint column = 1;

  clear_grid (self);

  if (self->model == NULL)
    return;

  /* Header rows: bands spanning their layers, then the layers. */
  for (guint b = 0; b < dm_model_get_n_bands (self->model); b++)
    {
      DmBand *band = dm_model_get_band (self->model, b);
      guint n = dm_band_get_n_layers (band);

      gtk_grid_attach (self->grid, header_label (dm_band_get_name (band), "band-header"), column, 0, n, 1);

      for (guint l = 0; l < n; l++)
        gtk_grid_attach (self->grid, header_label (dm_layer_get_name (dm_band_get_layer (band, l)), "layer-header"),
                         column + l, 1, 1, 1);
      column += n;
    }

  services = dm_model_dup_services_by_responsibility (self->model);

  for (guint r = 0; r < services->len; r++)
    {
      DmService *service = g_ptr_array_index (services, r);
      const DmCategory *category = dm_model_find_category (self->model, dm_service_get_category (service));
      GtkWidget *header = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new (dm_service_get_short_name (service));
      GtkWidget *caption = gtk_label_new (category ? category->name : "");

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_button_set_child (GTK_BUTTON (header), box);
      gtk_widget_add_css_class (header, "flat");
      gtk_widget_add_css_class (header, "row-header");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (header), "win.show-service");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (header), "s", dm_service_get_id (service));
      dm_tooltip_set_text (header, dm_service_get_name (service));
      gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, dm_service_get_name (service),
                                      -1);
      gtk_grid_attach (self->grid, header, 0, HEADER_ROWS + r, 1, 1);
      g_ptr_array_add (self->rows, g_object_ref (service));
      g_ptr_array_add (self->row_headers, header);

      column = 1;
      for (guint b = 0; b < dm_model_get_n_bands (self->model); b++)
        {
          DmBand *band = dm_model_get_band (self->model, b);

          for (guint l = 0; l < dm_band_get_n_layers (band); l++, column++)
            {
              DmLayer *layer = dm_band_get_layer (band, l);
              DmOwner owner = dm_service_get_owner (service, layer);
              const char *symbol = NULL, *status = NULL;
              g_autofree char *text = NULL;
              g_autofree char *label = NULL;
              GtkWidget *cell;

              /* With an export open, the customer's cells carry its status, by symbol. */
              if (self->assessment && dm_assessment_has_service (self->assessment, service) &&
                  (owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED))
                switch (dm_assessment_get_result (self->assessment, service, layer)->status)
                  {
                  case DM_LAYER_GAP: symbol = dm_layer_status_symbol (DM_LAYER_GAP); status = _("gap"); break;
                  case DM_LAYER_OK: symbol = dm_layer_status_symbol (DM_LAYER_OK); status = _("no gap found"); break;
                  case DM_LAYER_NO_DATA: symbol = dm_layer_status_symbol (DM_LAYER_NO_DATA); status = _("no data"); break;
                  case DM_LAYER_PROVIDER:
                  case DM_LAYER_NOT_APPLICABLE:
                  default: break;
                  }
              text = symbol ? g_strdup_printf ("%s %s", symbol, short_owner_label (self->model, owner))
                            : g_strdup (short_owner_label (self->model, owner));
              cell = gtk_button_new_with_label (text);

              /* Translators: service, layer and owner, read out for one table cell */
              label = g_strdup_printf (_("%s, %s: %s"), dm_service_get_short_name (service),
                                       dm_layer_get_name (layer), dm_model_get_owner_label (self->model, owner));
              if (status)
                {
                  /* Translators: a table cell's label, then the export's status for it */
                  char *with_status = g_strdup_printf (_("%s, %s"), label, status);

                  g_free (label);
                  label = with_status;
                }

              gtk_widget_add_css_class (cell, "cell");
              gtk_widget_add_css_class (cell, owner_classes[owner]);
              dm_tooltip_set_text (cell, label);
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (cell), "win.show-layer");
              gtk_actionable_set_action_target (GTK_ACTIONABLE (cell), "(ss)",
                                                dm_service_get_id (service), dm_layer_get_id (layer));
              gtk_grid_attach (self->grid, cell, column, HEADER_ROWS + r, 1, 1);
              g_hash_table_insert (self->cells,
                                   cell_key (dm_service_get_id (service), dm_layer_get_id (layer)),
                                   cell);
            }
        }
    }
}

static void
dm_compare_view_dispose (GObject *object)
{
  DmCompareView *self = (DmCompareView *)object;

  g_clear_object (&self->model);
  g_clear_object (&self->assessment);
  if (self->rows)
    g_ptr_array_set_size (self->rows, 0);

  G_OBJECT_CLASS (dm_compare_view_parent_class)->dispose (object);
}

static void
dm_compare_view_finalize (GObject *object)
{
  DmCompareView *self = (DmCompareView *)object;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->row_headers);
  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (dm_compare_view_parent_class)->finalize (object);
}

static void
dm_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DmCompareView *self = DM_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DmCompareView *self = DM_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      dm_compare_view_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void apply_current (DmCompareView *self);

/* Hundreds of buttons: built when first shown, not at start-up. */
static void
ensure_built (DmCompareView *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  build (self);
  apply_current (self);
}

static void
dm_compare_view_map (GtkWidget *widget)
{
  ensure_built (DM_COMPARE_VIEW (widget));
  GTK_WIDGET_CLASS (dm_compare_view_parent_class)->map (widget);
}

static void
dm_compare_view_class_init (DmCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_compare_view_dispose;
  object_class->finalize = dm_compare_view_finalize;
  object_class->get_property = dm_compare_view_get_property;
  object_class->set_property = dm_compare_view_set_property;
  widget_class->map = dm_compare_view_map;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, DM_TYPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmCompareView, grid);
}

static void
dm_compare_view_init (DmCompareView *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_headers = g_ptr_array_new ();
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dm_compare_view_new (void)
{
  return g_object_new (DM_TYPE_COMPARE_VIEW, NULL);
}

DmModel *
dm_compare_view_get_model (DmCompareView *self)
{
  g_return_val_if_fail (DM_IS_COMPARE_VIEW (self), NULL);
  return self->model;
}

void
dm_compare_view_set_model (DmCompareView *self,
                           DmModel       *model)
{
  g_return_if_fail (DM_IS_COMPARE_VIEW (self));
  g_return_if_fail (!model || DM_IS_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  self->current = NULL;
  self->built = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_built (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * dm_compare_view_set_current:
 *
 * Marks the row of the service shown in the explorer.
 */
static void
apply_current (DmCompareView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *header = g_ptr_array_index (self->row_headers, i);

      if (g_ptr_array_index (self->rows, i) == self->current)
        gtk_widget_add_css_class (header, "current");
      else
        gtk_widget_remove_css_class (header, "current");
    }
}

void
dm_compare_view_set_current (DmCompareView *self,
                             DmService     *service)
{
  g_return_if_fail (DM_IS_COMPARE_VIEW (self));

  self->current = service;
  if (self->built)
    apply_current (self);
}

guint
dm_compare_view_get_n_rows (DmCompareView *self)
{
  g_return_val_if_fail (DM_IS_COMPARE_VIEW (self), 0);
  ensure_built (self);
  return self->rows->len;
}

DmService *
dm_compare_view_get_row_service (DmCompareView *self,
                                 guint          row)
{
  g_return_val_if_fail (DM_IS_COMPARE_VIEW (self), NULL);
  ensure_built (self);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, row);
}

/**
 * dm_compare_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the button for one service and layer
 */
GtkWidget *
dm_compare_view_get_cell (DmCompareView *self,
                          const char    *service_id,
                          const char    *layer_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DM_IS_COMPARE_VIEW (self), NULL);

  ensure_built (self);
  key = cell_key (service_id, layer_id);
  return g_hash_table_lookup (self->cells, key);
}

/**
 * dm_compare_view_set_assessment:
 * @assessment: (nullable): the open export's statuses, for the same model
 */
void
dm_compare_view_set_assessment (DmCompareView *self,
                                DmAssessment  *assessment)
{
  g_return_if_fail (DM_IS_COMPARE_VIEW (self));

  if (!g_set_object (&self->assessment, assessment))
    return;
  self->built = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_built (self);
}
