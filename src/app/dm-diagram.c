/* dm-diagram.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-diagram"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dm-diagram.h"
#include "dm-diagram-band.h"
#include "dm-diagram-render.h"

#define TRANSITION_MS 450
#define EXPAND_MS     250

struct _DmDiagram
{
  GtkWidget          parent_instance;

  DmModel           *model;
  DmAssessment      *assessment;
  DmService         *service;
  DmService         *previous;
  GPtrArray         *bands;          /* DmDiagramBand, by band index */
  GPtrArray         *cells;          /* DmDiagramBand of each cell, by model layer index */
  DmDiagramGeometry *geometry;       /* of the last allocation */

  AdwAnimation      *transition;
  AdwAnimation      *expand;
  double             progress;
  double             expansion;

  int                selected_band;
  int                selected_layer;
  int                hover_band;
  int                hover_layer;    /* model layer under the pointer */

  DmPalette          palette;
  DmDiff            *diff;
  GArray            *changes;        /* DmChangeCounts per model layer, for the service */
  gboolean           force_dark;     /* on a black slide, whatever the style */
};

G_DEFINE_FINAL_TYPE (DmDiagram, dm_diagram, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SERVICE,
  PROP_SELECTED_BAND,
  PROP_SELECTED_LAYER,
  PROP_HOVER_BAND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_bands (DmDiagram *self)
{
  return self->model ? dm_model_get_n_bands (self->model) : 0;
}

static void
fill_state (DmDiagram      *self,
            DmDiagramState *state)
{
  const PangoFontDescription *font;

  dm_diagram_state_init (state, self->model, self->service, &self->palette);
  state->previous = self->previous;
  state->progress = self->progress;
  state->hover_band = self->hover_band;
  state->hover_layer = self->hover_layer;
  state->selected_band = self->selected_band;
  state->selected_layer = self->selected_layer;
  state->expansion = self->expansion;
  if (self->assessment != NULL && self->service != NULL)
    state->results = dm_assessment_get_service_results (self->assessment, self->service);
  if (self->changes != NULL)
    state->changes = (const DmChangeCounts *)self->changes->data;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (font != NULL)
    {
      double size = pango_font_description_get_size (font) / (double)PANGO_SCALE;

      /* Point sizes are at 96 dpi on GTK 4. */
      if (!pango_font_description_get_size_is_absolute (font))
        size = size * 96.0 / 72.0;
      state->font_family = pango_font_description_get_family (font);
      state->font_size = size > 0 ? size : 14;
    }
}

/* Counted once per service, not per frame. */
static void
update_changes (DmDiagram *self)
{
  g_clear_pointer (&self->changes, g_array_unref);
  if (self->diff == NULL || self->service == NULL || self->model == NULL)
    return;

  self->changes = g_array_sized_new (FALSE, TRUE, sizeof (DmChangeCounts), dm_model_get_n_layers (self->model));
  g_array_set_size (self->changes, dm_model_get_n_layers (self->model));
  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    dm_diff_get_layer_counts (self->diff, self->service, dm_model_get_layer (self->model, l),
                              &g_array_index (self->changes, DmChangeCounts, l));
}

static void
update_palette (DmDiagram *self)
{
  dm_palette_init (&self->palette, self->force_dark || adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* g_set_str() is GLib 2.76. */
static void
g_set_str_compat (char       **target,
                  const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*target);
  *target = copy;
}

/* A layer's status in words, for the tooltip and the accessible
 * description: what the cell's pill says with symbols. */
static char *
layer_status_text (DmDiagram *self,
                   DmLayer   *layer)
{
  const DmLayerResult *result;

  if (self->assessment == NULL || self->service == NULL)
    return NULL;
  result = dm_assessment_get_result (self->assessment, self->service, layer);
  if (result == NULL)
    return NULL;

  switch (result->status)
    {
    case DM_LAYER_GAP:
      /* Translators: a layer's status: number of failed findings, worst severity */
      return g_strdup_printf (ngettext ("gap: %u failed finding, worst %s", "gap: %u failed findings, worst %s",
                                        result->failed),
                              result->failed, dm_severity_to_label (result->worst));
    case DM_LAYER_OK:
      return g_strdup (_("no gap found"));
    case DM_LAYER_NO_DATA:
      return g_strdup (_("no data in the export"));
    case DM_LAYER_PROVIDER:
    case DM_LAYER_NOT_APPLICABLE:
    default:
      return NULL;
    }
}

/* Each cell as its pill shows it: "Guest operating system: Customer,
 * gap: 2 failed findings, worst High"; its reason as the description. */
static void
describe_cells (DmDiagram *self)
{
  g_autofree char *diagram_label = NULL;

  for (guint l = 0; l < self->cells->len && self->service; l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      const char *owner = dm_model_get_owner_label (self->model, dm_service_get_owner (self->service, layer));
      g_autofree char *status = layer_status_text (self, layer);
      /* Translators: a layer cell read out: layer, owner (and its status) */
      g_autofree char *label = status ? g_strdup_printf (_("%s: %s, %s"), dm_layer_get_name (layer), owner, status)
                                      : g_strdup_printf (_("%s: %s"), dm_layer_get_name (layer), owner);

      dm_diagram_band_describe (g_ptr_array_index (self->cells, l), label, dm_service_get_reason (self->service, layer),
                                FALSE);
    }

  /* Heard when the focus enters the diagram: whose diagram it is. */
  if (self->service != NULL)
    {
      /* Translators: the diagram's accessible name, with the service shown */
      diagram_label = g_strdup_printf (_("Responsibility diagram: %s"), dm_service_get_name (self->service));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, diagram_label, -1);
    }
}

static void
describe_bands (DmDiagram *self)
{
  for (guint i = 0; i < self->bands->len && self->service; i++)
    {
      DmBand *band = dm_model_get_band (self->model, i);
      g_autofree char *owners = dm_diagram_band_owner_label (self->model, self->service, band);
      g_autofree char *label = NULL;
      g_autoptr(GString) description = g_string_new (NULL);

      /* Translators: a band of the diagram and who owns its layers, after
       * the service's short name, e.g. "EC2, Operating system: Customer"
       * or "S3, Data: Mixed: Customer / Shared" */
      label = g_strdup_printf (_("%s, %s: %s"), dm_service_get_short_name (self->service), dm_band_get_name (band), owners);

      if (self->assessment != NULL)
        {
          DmLayerResult result;
          g_autofree char *with_status = NULL;

          dm_layer_results_for_band (dm_assessment_get_service_results (self->assessment, self->service), band, &result);
          if (result.status == DM_LAYER_GAP)
            /* Translators: band label, number of failed findings, worst severity */
            with_status = g_strdup_printf (_("%s, gap: %u failed, worst %s"), label, result.failed,
                                           dm_severity_to_word (result.worst));
          else if (result.status == DM_LAYER_OK)
            with_status = g_strdup_printf (_("%s, no gap found"), label);
          else if (result.status == DM_LAYER_NO_DATA)
            with_status = g_strdup_printf (_("%s, no data in the export"), label);

          if (with_status)
            g_set_str_compat (&label, with_status);
        }

      /* The +N −M badge, in words. */
      if (self->changes != NULL)
        {
          guint opened = 0, closed = 0;

          for (guint j = 0; j < dm_band_get_n_layers (band); j++)
            {
              const DmChangeCounts *c = &g_array_index (self->changes, DmChangeCounts,
                                                        dm_layer_get_index (dm_band_get_layer (band, j)));
              opened += c->opened;
              closed += c->closed;
            }
          if (opened + closed > 0)
            {
              /* Translators: band label, gaps opened and closed since an older export */
              g_autofree char *with_changes = g_strdup_printf (_("%s; since the older export %u gaps opened, %u closed"),
                                                               label, opened, closed);
              g_set_str_compat (&label, with_changes);
            }
        }

      for (guint j = 0; j < dm_band_get_n_layers (band); j++)
        {
          DmLayer *layer = dm_band_get_layer (band, j);

          if (description->len > 0)
            g_string_append (description, " ");
          /* Translators: layer name, owner and the reason, e.g. "Guest OS (Customer): you patch it." */
          g_string_append_printf (description, _("%s (%s): %s"), dm_layer_get_name (layer),
                                  dm_model_get_owner_label (self->model, dm_service_get_owner (self->service, layer)),
                                  dm_service_get_reason (self->service, layer));
          if (self->assessment != NULL)
            {
              g_autofree char *status = layer_status_text (self, layer);

              if (status != NULL)
                g_string_append_printf (description, " (%s)", status);
            }
        }

      dm_diagram_band_describe (g_ptr_array_index (self->bands, i), label, description->str,
                                self->selected_band == (int)i);
    }
  describe_cells (self);
}

/* The root's focus, not gtk_widget_has_focus(): that one is false while
 * the window is inactive, and keyboard actions still need a position. */
static int
focused_band (DmDiagram *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* A cell's stand-in is a child of its band's. */
  if (focus != NULL && DM_IS_DIAGRAM_BAND (focus) && dm_diagram_band_get_layer (DM_DIAGRAM_BAND (focus)) >= 0)
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && DM_IS_DIAGRAM_BAND (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return dm_diagram_band_get_index (DM_DIAGRAM_BAND (focus));
  return self->selected_band;
}

/* The focused cell, or NULL when the focus is not on one of ours. */
static DmDiagramBand *
focused_cell (DmDiagram *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && DM_IS_DIAGRAM_BAND (focus) && dm_diagram_band_get_layer (DM_DIAGRAM_BAND (focus)) >= 0 &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return DM_DIAGRAM_BAND (focus);
  return NULL;
}

/* Cells are in the Tab chain only while focused: Tab leaves the diagram. */
static void
set_focusable_cell (DmDiagram *self,
                    GtkWidget *cell)
{
  for (guint l = 0; l < self->cells->len; l++)
    gtk_widget_set_focusable (g_ptr_array_index (self->cells, l), g_ptr_array_index (self->cells, l) == cell);
}

/* Roving focus: only one band is in the Tab chain, arrows move within. */
static void
update_focus_chain (DmDiagram *self)
{
  int focus_band = self->selected_band >= 0 ? self->selected_band : (int)self->bands->len - 1;

  for (guint i = 0; i < self->bands->len; i++)
    {
      GtkWidget *band = g_ptr_array_index (self->bands, i);
      gtk_widget_set_focusable (band, (int)i == focus_band || (int)i == focused_band (self));
    }
}

static void
rebuild_bands (DmDiagram *self)
{
  g_ptr_array_set_size (self->cells, 0);
  while (self->bands->len > 0)
    {
      GtkWidget *band = g_ptr_array_steal_index (self->bands, self->bands->len - 1);
      gtk_widget_unparent (band);
    }

  /* Children are added top band first, so focus order follows reading order. */
  for (guint i = n_bands (self); i > 0; i--)
    {
      GtkWidget *band = dm_diagram_band_new (i - 1);
      gtk_widget_set_parent (band, GTK_WIDGET (self));
    }

  /* A stand-in per cell, inside its band's, in model order. */
  g_ptr_array_set_size (self->cells, self->model ? dm_model_get_n_layers (self->model) : 0);
  for (guint l = 0; l < self->cells->len; l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      guint band = dm_band_get_index (dm_layer_get_band (layer));

      self->cells->pdata[l] = dm_diagram_band_new_layer (band, l);
    }

  g_ptr_array_set_size (self->bands, n_bands (self));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    self->bands->pdata[dm_diagram_band_get_index (DM_DIAGRAM_BAND (child))] = child;
  for (guint l = 0; l < self->cells->len; l++)
    gtk_widget_set_parent (g_ptr_array_index (self->cells, l),
                           g_ptr_array_index (self->bands, dm_diagram_band_get_index (g_ptr_array_index (self->cells, l))));

  describe_bands (self);
  update_focus_chain (self);
}

static void
animation_value_cb (double   value,
                    gpointer user_data)
{
  DmDiagram *self = user_data;

  self->progress = value;
  if (value >= 1.0)
    g_clear_object (&self->previous);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
expand_value_cb (double   value,
                 gpointer user_data)
{
  DmDiagram *self = user_data;

  self->expansion = value;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hover_band (DmDiagram *self,
                int        band)
{
  if (band == self->hover_band)
    return;

  self->hover_band = band;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_BAND]);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DmDiagram                *self)
{
  dm_diagram_set_hover_point (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          DmDiagram                *self)
{
  self->hover_layer = -1;
  set_hover_band (self, -1);
}

static void
focus_band (DmDiagram *self,
            int        band)
{
  if (band >= 0 && band < (int)self->bands->len)
    {
      GtkWidget *widget = g_ptr_array_index (self->bands, band);

      gtk_widget_set_focusable (widget, TRUE);
      gtk_widget_grab_focus (widget);
      set_focusable_cell (self, NULL);
    }
}

/* Moving to a cell selects its layer, as a click on it does. */
static void
focus_cell (DmDiagram *self,
            GtkWidget *cell)
{
  dm_diagram_set_selected_layer (self, dm_diagram_band_get_layer (DM_DIAGRAM_BAND (cell)));
  set_focusable_cell (self, cell);
  gtk_widget_grab_focus (cell);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DmDiagram       *self)
{
  int band = dm_diagram_band_at (self, x, y);
  const DmDiagramCell *cell = self->geometry ? dm_diagram_geometry_cell_at (self->geometry, x, y) : NULL;

  if (band < 0)
    return;

  /* A click on a layer selects it; a second click, or one on the open
   * band's title, closes the band again. */
  if (cell != NULL && (int)cell->layer != self->selected_layer && cell->layer < self->cells->len)
    focus_cell (self, g_ptr_array_index (self->cells, cell->layer));
  else
    {
      dm_diagram_set_selected_band (self, band == self->selected_band ? -1 : band);
      focus_band (self, band);
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
move_to_band (DmDiagram *self,
              int        target)
{
  if (self->bands->len == 0)
    return;

  target = CLAMP (target, 0, (int)self->bands->len - 1);
  dm_diagram_set_selected_band (self, target);
  focus_band (self, target);
}

/* The top of the stack is the last band, so "up" moves to a higher index. */
static void
band_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  int current = focused_band (self);

  move_to_band (self, current < 0 ? (int)self->bands->len - 1 : current + 1);
}

static void
band_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  int current = focused_band (self);

  move_to_band (self, current < 0 ? (int)self->bands->len - 1 : current - 1);
}

static void
top_band_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);

  move_to_band (self, (int)self->bands->len - 1);
}

static void
bottom_band_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_to_band (DM_DIAGRAM (widget), 0);
}

/* Right: from a band to its first cell, then along the cells. */
static void
next_layer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  DmDiagramBand *cell = focused_cell (self);
  int band = focused_band (self);
  GtkWidget *next;

  if (cell != NULL)
    next = gtk_widget_get_next_sibling (GTK_WIDGET (cell));
  else if (band >= 0)
    next = gtk_widget_get_first_child (g_ptr_array_index (self->bands, band));
  else
    return;
  if (next != NULL)
    focus_cell (self, next);
}

/* Left: back along the cells, then to their band. */
static void
previous_layer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  DmDiagramBand *cell = focused_cell (self);
  GtkWidget *previous;

  if (cell == NULL)
    return;
  previous = gtk_widget_get_prev_sibling (GTK_WIDGET (cell));
  if (previous != NULL)
    focus_cell (self, previous);
  else
    focus_band (self, dm_diagram_band_get_index (cell));
}

static void
toggle_band_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  int current = focused_band (self);

  if (current < 0)
    return;

  dm_diagram_set_selected_band (self, current == self->selected_band ? -1 : current);
  focus_band (self, current);
}

static void
close_band_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  int current = focused_band (self);

  dm_diagram_set_selected_band (self, -1);
  focus_band (self, current);
}

/* The full text of a cell, whose name may be cut on screen: plain text,
 * as names come from model files and must not be parsed as markup. */
static char *
layer_tooltip (DmDiagram *self,
               DmLayer   *layer)
{
  g_autofree char *status = layer_status_text (self, layer);
  DmOwner owner = dm_service_get_owner (self->service, layer);

  /* Translators: tooltip of a layer: name, owner, then the reason on its own line */
  return g_strdup_printf (_("%s — %s\n%s%s%s"), dm_layer_get_name (layer),
                          dm_model_get_owner_label (self->model, owner),
                          status ? status : "", status ? "\n" : "",
                          dm_service_get_reason (self->service, layer));
}

static char *
band_tooltip (DmDiagram *self,
              DmBand    *band)
{
  g_autofree char *owners = dm_diagram_band_owner_label (self->model, self->service, band);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("%s: %s"), dm_band_get_name (band), owners);
  for (guint i = 0; i < dm_band_get_n_layers (band); i++)
    {
      DmLayer *layer = dm_band_get_layer (band, i);
      g_autofree char *status = layer_status_text (self, layer);

      g_string_append_printf (text, "\n• %s — %s", dm_layer_get_name (layer),
                              dm_model_get_owner_label (self->model, dm_service_get_owner (self->service, layer)));
      if (status != NULL)
        g_string_append_printf (text, " (%s)", status);
    }
  return g_string_free (text, FALSE);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  DmDiagram  *self)
{
  const DmDiagramCell *cell = NULL;
  g_autofree char *text = NULL;
  int index;

  if (self->service == NULL || self->geometry == NULL)
    return FALSE;

  if (keyboard_mode)
    index = focused_band (self);
  else
    {
      index = dm_diagram_band_at (self, x, y);
      cell = dm_diagram_geometry_cell_at (self->geometry, x, y);
    }
  if (index < 0)
    return FALSE;

  if (cell != NULL)
    text = layer_tooltip (self, dm_model_get_layer (self->model, cell->layer));
  else
    text = band_tooltip (self, dm_model_get_band (self->model, index));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dm_diagram_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = 280;
      *natural = 560;
    }
}

static void
dm_diagram_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  DmDiagramState state;

  fill_state (self, &state);
  g_clear_pointer (&self->geometry, dm_diagram_geometry_free);
  self->geometry = dm_diagram_geometry_new (&state, width, height);

  for (guint c = 0; c < self->geometry->n_cells; c++)
    {
      const DmDiagramCell *cell = &self->geometry->cells[c];
      const DmRect *band = &self->geometry->bands[cell->band];
      GtkAllocation in_band = {
        (int)floor (cell->rect.x) - (int)floor (band->x), (int)floor (cell->rect.y) - (int)floor (band->y),
        MAX (0, (int)ceil (cell->rect.width)), MAX (0, (int)ceil (cell->rect.height)),
      };

      if (cell->layer < self->cells->len)
        dm_diagram_band_place (g_ptr_array_index (self->cells, cell->layer), &in_band);
    }

  for (guint i = 0; i < self->bands->len; i++)
    {
      const DmRect *r = &self->geometry->bands[i];
      GtkAllocation allocation = {
        (int)floor (r->x), (int)floor (r->y),
        MAX (0, (int)ceil (r->width)), MAX (0, (int)ceil (r->height)),
      };

      gtk_widget_size_allocate (g_ptr_array_index (self->bands, i), &allocation, -1);
    }
}

static void
dm_diagram_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  DmDiagram *self = DM_DIAGRAM (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  DmDiagramState state;
  cairo_t *cr;

  if (self->model == NULL || self->service == NULL || width <= 0 || height <= 0)
    return;

  fill_state (self, &state);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dm_diagram_paint (cr, &state, width, height);
  cairo_destroy (cr);

  /* The band widgets draw only their focus ring. */
  for (guint i = 0; i < self->bands->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->bands, i), snapshot);
}

static void
dm_diagram_dispose (GObject *object)
{
  DmDiagram *self = (DmDiagram *)object;

  g_clear_object (&self->transition);
  g_clear_object (&self->expand);

  g_ptr_array_set_size (self->cells, 0);
  while (self->bands->len > 0)
    gtk_widget_unparent (g_ptr_array_steal_index (self->bands, self->bands->len - 1));

  g_clear_object (&self->previous);
  g_clear_object (&self->service);
  g_clear_object (&self->assessment);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dm_diagram_parent_class)->dispose (object);
}

static void
dm_diagram_finalize (GObject *object)
{
  DmDiagram *self = (DmDiagram *)object;

  g_clear_pointer (&self->geometry, dm_diagram_geometry_free);
  g_ptr_array_unref (self->bands);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (dm_diagram_parent_class)->finalize (object);
}

static void
dm_diagram_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DmDiagram *self = DM_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    case PROP_SELECTED_BAND:
      g_value_set_int (value, self->selected_band);
      break;

    case PROP_SELECTED_LAYER:
      g_value_set_int (value, self->selected_layer);
      break;

    case PROP_HOVER_BAND:
      g_value_set_int (value, self->hover_band);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_diagram_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DmDiagram *self = DM_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      dm_diagram_set_model (self, g_value_get_object (value));
      break;

    case PROP_SERVICE:
      dm_diagram_set_service (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_BAND:
      dm_diagram_set_selected_band (self, g_value_get_int (value));
      break;

    case PROP_SELECTED_LAYER:
      dm_diagram_set_selected_layer (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_diagram_class_init (DmDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_diagram_dispose;
  object_class->finalize = dm_diagram_finalize;
  object_class->get_property = dm_diagram_get_property;
  object_class->set_property = dm_diagram_set_property;

  widget_class->measure = dm_diagram_measure;
  widget_class->size_allocate = dm_diagram_size_allocate;
  widget_class->snapshot = dm_diagram_snapshot;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, DM_TYPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, DM_TYPE_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_BAND] =
    g_param_spec_int ("selected-band", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_LAYER] =
    g_param_spec_int ("selected-layer", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_BAND] =
    g_param_spec_int ("hover-band", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "diagram.band-up", NULL, band_up_action);
  gtk_widget_class_install_action (widget_class, "diagram.band-down", NULL, band_down_action);
  gtk_widget_class_install_action (widget_class, "diagram.top-band", NULL, top_band_action);
  gtk_widget_class_install_action (widget_class, "diagram.bottom-band", NULL, bottom_band_action);
  gtk_widget_class_install_action (widget_class, "diagram.toggle-band", NULL, toggle_band_action);
  gtk_widget_class_install_action (widget_class, "diagram.close-band", NULL, close_band_action);
  gtk_widget_class_install_action (widget_class, "diagram.next-layer", NULL, next_layer_action);
  gtk_widget_class_install_action (widget_class, "diagram.previous-layer", NULL, previous_layer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "diagram.band-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "diagram.band-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "diagram.band-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "diagram.band-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "diagram.top-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "diagram.top-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "diagram.bottom-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "diagram.bottom-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "diagram.toggle-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "diagram.toggle-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "diagram.toggle-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "diagram.close-band", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "diagram.next-layer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "diagram.next-layer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "diagram.previous-layer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "diagram.previous-layer", NULL);

  gtk_widget_class_set_css_name (widget_class, "diagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dm_diagram_init (DmDiagram *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->bands = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->selected_band = -1;
  self->selected_layer = -1;
  self->hover_band = -1;
  self->hover_layer = -1;
  self->progress = 1.0;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  self->transition = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, TRANSITION_MS,
                                              adw_callback_animation_target_new (animation_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->transition), ADW_EASE_IN_OUT_CUBIC);
  self->expand = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, EXPAND_MS,
                                          adw_callback_animation_target_new (expand_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->expand), ADW_EASE_OUT_CUBIC);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_palette), self, G_CONNECT_SWAPPED);
  update_palette (self);
}

GtkWidget *
dm_diagram_new (void)
{
  return g_object_new (DM_TYPE_DIAGRAM, NULL);
}

DmAssessment *
dm_diagram_get_assessment (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), NULL);
  return self->assessment;
}

/**
 * dm_diagram_set_assessment:
 * @assessment: (nullable): results for the diagram's model, or %NULL
 *
 * Adds gap, ok and no-data badges to the customer's layers.
 */
void
dm_diagram_set_assessment (DmDiagram    *self,
                           DmAssessment *assessment)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));
  g_return_if_fail (!assessment || DM_IS_ASSESSMENT (assessment));

  if (!g_set_object (&self->assessment, assessment))
    return;

  describe_bands (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DmModel *
dm_diagram_get_model (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), NULL);
  return self->model;
}

void
dm_diagram_set_model (DmDiagram *self,
                      DmModel   *model)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));
  g_return_if_fail (!model || DM_IS_MODEL (model));

  if (self->model == model)
    return;

  /* Services and band indices belong to one model: drop them with it. */
  adw_animation_reset (self->transition);
  g_clear_object (&self->previous);
  g_clear_object (&self->service);
  self->selected_band = -1;
  self->selected_layer = -1;
  self->hover_band = -1;
  self->progress = 1.0;
  self->expansion = 0;

  /* An assessment is computed against one model. */
  g_clear_object (&self->assessment);
  g_set_object (&self->model, model);
  rebuild_bands (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_BAND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LAYER]);
}

DmService *
dm_diagram_get_service (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), NULL);
  return self->service;
}

/**
 * dm_diagram_set_service:
 *
 * Shows @service, animating the bands' colours and the boundary from the
 * previous service so the user sees the line move.
 */
void
dm_diagram_set_service (DmDiagram *self,
                        DmService *service)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));
  g_return_if_fail (!service || DM_IS_SERVICE (service));

  if (self->service == service)
    return;

  g_set_object (&self->previous, self->service);
  g_set_object (&self->service, service);

  update_changes (self);
  describe_bands (self);

  if (self->previous != NULL && service != NULL)
    {
      self->progress = 0;
      adw_animation_reset (self->transition);
      adw_animation_play (self->transition);
    }
  else
    {
      g_clear_object (&self->previous);
      self->progress = 1.0;
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

int
dm_diagram_get_selected_band (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), -1);
  return self->selected_band;
}

void
dm_diagram_set_selected_band (DmDiagram *self,
                              int        band)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));

  if (band < -1 || band >= (int)n_bands (self))
    band = -1;

  if (self->selected_band == band)
    return;

  self->selected_band = band;

  /* A layer outside the selected band is no longer emphasised. */
  if (self->selected_layer >= 0 &&
      (band < 0 || dm_band_get_index (dm_layer_get_band (dm_model_get_layer (self->model, self->selected_layer))) != (guint)band))
    {
      self->selected_layer = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LAYER]);
    }

  self->expansion = 0;
  if (band >= 0)
    {
      adw_animation_reset (self->expand);
      adw_animation_play (self->expand);
    }

  describe_bands (self);
  update_focus_chain (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_BAND]);
}

int
dm_diagram_get_selected_layer (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), -1);
  return self->selected_layer;
}

/**
 * dm_diagram_set_selected_layer:
 * @layer: a model layer index, or -1
 *
 * Opens the band holding @layer and emphasises the layer in it.
 */
void
dm_diagram_set_selected_layer (DmDiagram *self,
                               int        layer)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));

  if (self->model == NULL || layer < -1 || layer >= (int)dm_model_get_n_layers (self->model))
    layer = -1;

  if (layer >= 0)
    dm_diagram_set_selected_band (self, dm_band_get_index (dm_layer_get_band (dm_model_get_layer (self->model, layer))));

  if (self->selected_layer == layer)
    return;

  self->selected_layer = layer;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LAYER]);
}

int
dm_diagram_get_hover_band (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), -1);
  return self->hover_band;
}

/**
 * dm_diagram_get_boundary_y:
 *
 * Returns: the y coordinate, in widget pixels, where the boundary line is
 *   drawn at the last allocation, or -1 before the first one
 */
double
dm_diagram_get_boundary_y (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), -1);
  return self->geometry ? self->geometry->boundary_y : -1;
}

/**
 * dm_diagram_get_band_widget:
 *
 * Returns: (transfer none): the accessible, focusable widget over @band
 */
GtkWidget *
dm_diagram_get_band_widget (DmDiagram *self,
                            guint      band)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (band < self->bands->len, NULL);
  return g_ptr_array_index (self->bands, band);
}

int
dm_diagram_band_at (DmDiagram *self,
                    double     x,
                    double     y)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), -1);
  return self->geometry ? dm_diagram_geometry_band_at (self->geometry, x, y) : -1;
}

/* Also used by the tests: synthesising motion events is not possible in GTK 4. */
void
dm_diagram_set_hover_point (DmDiagram *self,
                            double     x,
                            double     y)
{
  const DmDiagramCell *cell;
  int layer;

  g_return_if_fail (DM_IS_DIAGRAM (self));

  cell = self->geometry ? dm_diagram_geometry_cell_at (self->geometry, x, y) : NULL;
  layer = cell ? (int)cell->layer : -1;

  if (layer != self->hover_layer)
    {
      self->hover_layer = layer;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  set_hover_band (self, dm_diagram_band_at (self, x, y));
}

/**
 * dm_diagram_set_force_dark:
 *
 * Draws with the dark palette whatever the style, for a diagram on a
 * dark background such as a presentation slide.
 */
void
dm_diagram_set_force_dark (DmDiagram *self,
                           gboolean   force_dark)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));

  self->force_dark = !!force_dark;
  update_palette (self);
}

/**
 * dm_diagram_set_diff:
 * @diff: (nullable): gaps opened and closed since an older export, for
 *   the diagram's model, or %NULL for none
 */
void
dm_diagram_set_diff (DmDiagram *self,
                     DmDiff    *diff)
{
  g_return_if_fail (DM_IS_DIAGRAM (self));

  if (!g_set_object (&self->diff, diff))
    return;
  update_changes (self);
  describe_bands (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DmDiff *
dm_diagram_get_diff (DmDiagram *self)
{
  g_return_val_if_fail (DM_IS_DIAGRAM (self), NULL);
  return self->diff;
}
