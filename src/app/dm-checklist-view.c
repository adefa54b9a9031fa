/* dm-checklist-view.c
 *
 * One expander row per responsibility of the model: its title, who holds
 * it (a chip with the owner's word) and, for the customer's and shared
 * ones, its status as a symbol and a word; expanded, what bears on it and
 * the findings of the open export that do, one row per check. The
 * provider's responsibilities are listed apart and never given a status:
 * no export can show them.
 *
 * Every row is plain text (use-markup off): titles come from the model
 * file and findings from the export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-checklist-view.h"
#include "dm-tooltip.h"
#include "dm-finding-group.h"
#include "dm-responsibility.h"

struct _DmChecklistView
{
  AdwBin               parent_instance;

  GtkLabel            *summary_label;
  AdwPreferencesGroup *customer_group;
  AdwPreferencesGroup *provider_group;

  DmModel             *model;
  DmAssessment        *assessment;
  GPtrArray           *rows;        /* the expander rows shown, with their group */
  GHashTable          *row_by_id;   /* responsibility id → row */
  gboolean             dirty;       /* rows to rebuild when next shown */
};

G_DEFINE_FINAL_TYPE (DmChecklistView, dm_checklist_view, ADW_TYPE_BIN)

static const char *owner_classes[] = { "owner-provider", "owner-customer", "owner-shared", "owner-na" };

static GtkWidget *
plain_action_row (const char *title,
                  const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* "Checks IAM-01, LOG-* · Layers Identity and access management": what
 * counts, so that "no data" can be read as "none of these was read". */
static char *
describe_basis (DmChecklistView              *self,
                const DmResponsibilityStatus *status)
{
  const DmResponsibility *r = status->responsibility;
  g_autoptr(GString) text = g_string_new (NULL);

  if (r->checks[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", r->checks);

      /* Translators: followed by check ids; "*" ends a prefix */
      g_string_append_printf (text, _("Checks: %s"), joined);
    }
  if (r->layers[0] != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; r->layers[i]; i++)
        g_ptr_array_add (names, (char *)dm_layer_get_name (dm_model_find_layer (self->model, r->layers[i])));
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **)names->pdata);
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: followed by layer names; every finding on them counts */
      g_string_append_printf (text, r->owner == DM_OWNER_PROVIDER ? _("Where it sits: %s") : _("Any finding on: %s"),
                              joined);
    }
  if (text->len == 0)
    g_string_append (text, _("Nothing an export holds speaks to this: judge it yourself."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
group_subtitle (DmFindingGroup *group)
{
  g_autofree char *scope = dm_finding_group_describe_scope (group);
  g_autofree char *state = NULL;
  const char *check = dm_finding_group_get_check (group);

  switch (dm_finding_group_get_status (group))
    {
    case DM_FINDING_FAILED:
      state = g_strdup_printf ("%s %s", dm_layer_status_symbol (DM_LAYER_GAP),
                               dm_severity_to_label (dm_finding_group_get_severity (group)));
      break;
    case DM_FINDING_PASSED:
      state = g_strdup_printf ("%s %s", dm_layer_status_symbol (DM_LAYER_OK), _("passed"));
      break;
    case DM_FINDING_INFORMATIONAL:
    case DM_FINDING_SUPPRESSED:
    default:
      state = g_strdup_printf ("– %s", dm_finding_status_to_label (dm_finding_group_get_status (group)));
      break;
    }

  return g_strjoin (" · ", state, check ? check : _("no check id"), scope, NULL);
}

static void
add_finding_rows (DmChecklistView              *self,
                  GtkWidget                    *row,
                  const DmResponsibilityStatus *status)
{
  g_autoptr(GPtrArray) groups = NULL;
  const char *empty = NULL;

  if (status->status == DM_LAYER_PROVIDER)
    empty = _("No export can show this: the provider’s own audit reports are the evidence.");
  else if (self->assessment == NULL)
    empty = _("Open an export to see the findings that bear on this.");
  else if (status->findings->len == 0)
    empty = _("Nothing read bears on this.");

  if (empty != NULL)
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_action_row (empty, NULL));
      g_object_set_data (G_OBJECT (row), "n-groups", GUINT_TO_POINTER (0));
      return;
    }

  groups = dm_finding_groups_new (status->findings);
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *subtitle = group_subtitle (group);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_action_row (dm_finding_group_get_title (group), subtitle));
    }
  g_object_set_data (G_OBJECT (row), "n-groups", GUINT_TO_POINTER (groups->len));
}

static GtkWidget *
badge_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The status: a symbol and a word, and a badge whose colour repeats them. */
static GtkWidget *
status_badge_new (DmChecklistView              *self,
                  const DmResponsibilityStatus *status,
                  char                        **text_out)
{
  g_autofree char *word = NULL;
  const char *css_class;
  GtkWidget *badge;

  if (status->status == DM_LAYER_PROVIDER)
    {
      word = dm_responsibility_status_label (self->model, status);
      *text_out = g_strdup_printf ("%s %s", dm_layer_status_symbol (DM_LAYER_PROVIDER), word);
      return badge_new (*text_out, "dim-label");
    }

  if (self->assessment == NULL)
    {
      *text_out = g_strdup_printf ("%s %s", dm_layer_status_symbol (DM_LAYER_NO_DATA), _("No export open"));
      return badge_new (*text_out, "no-data-badge");
    }

  word = dm_responsibility_status_label (self->model, status);
  css_class = status->status == DM_LAYER_GAP ? "gap-badge" : status->status == DM_LAYER_OK ? "ok-badge" : "no-data-badge";
  *text_out = g_strdup_printf ("%s %s", dm_layer_status_symbol (status->status), word);
  badge = badge_new (*text_out, css_class);

  /* As in the sidebar: a gap is coloured by its worst severity, named in
   * the tooltip, so colour is never the only cue. */
  if (status->status == DM_LAYER_GAP)
    {
      g_autofree char *tip = g_strdup_printf (_("Worst failed finding: %s"), dm_severity_to_label (status->worst));

      gtk_widget_add_css_class (badge, dm_severity_colours (status->worst)->css_class);
      dm_tooltip_set_text (badge, tip);
    }
  return badge;
}

static GtkWidget *
responsibility_row_new (DmChecklistView              *self,
                        const DmResponsibilityStatus *status)
{
  const DmResponsibility *r = status->responsibility;
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *basis = describe_basis (self, status);
  g_autofree char *status_text = NULL;
  GtkWidget *owner, *badge;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), r->description);

  /* Each action goes before the last: status, then owner, then counts,
   * read left to right as counts, owner, status. */
  badge = status_badge_new (self, status, &status_text);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);

  owner = badge_new (dm_model_get_owner_label (self->model, r->owner), "owner-badge");
  gtk_widget_add_css_class (owner, owner_classes[r->owner]);
  dm_tooltip_set_text (owner, _("Who holds this responsibility"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), owner);

  if (self->assessment != NULL && (status->failed > 0 || status->passed > 0))
    {
      /* Translators: how many findings bearing on a responsibility failed and passed */
      g_autofree char *counts = g_strdup_printf (_("%u failed, %u passed"), status->failed, status->passed);

      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge_new (counts, "dim-label"));
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plain_action_row (_("What bears on it"), basis));
  add_finding_rows (self, row, status);

  g_object_set_data (G_OBJECT (row), "status-badge", badge);
  g_object_set_data_full (G_OBJECT (row), "status-text", g_steal_pointer (&status_text), g_free);
  g_object_set_data_full (G_OBJECT (row), "owner-text", g_strdup (dm_model_get_owner_label (self->model, r->owner)),
                          g_free);
  return row;
}

static void
update_summary (DmChecklistView *self,
                GPtrArray       *statuses)
{
  guint counts[DM_LAYER_NOT_APPLICABLE + 1] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < statuses->len; i++)
    counts[((DmResponsibilityStatus *)g_ptr_array_index (statuses, i))->status]++;

  if (statuses->len == 0)
    text = g_strdup (_("This model lists no account-wide responsibilities."));
  else if (self->assessment == NULL)
    text = g_strdup (_("No export open. Who holds each responsibility is shown below; open an export to see which of "
                       "yours have gaps."));
  else
    /* Translators: counts of the customer's and shared responsibilities */
    text = g_strdup_printf (_("Of yours and the shared ones: %u with a gap, %u ok, %u with no data (no data is not a "
                              "pass)."),
                            counts[DM_LAYER_GAP], counts[DM_LAYER_OK], counts[DM_LAYER_NO_DATA]);

  gtk_label_set_text (self->summary_label, text);
}

static void
clear_rows (DmChecklistView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->row_by_id);
}

static void
rebuild (DmChecklistView *self)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *provider_title = NULL;
  guint n_provider = 0;

  clear_rows (self);
  self->dirty = FALSE;
  if (self->model == NULL)
    return;

  statuses = dm_responsibility_statuses (self->model, self->assessment, NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      const DmResponsibilityStatus *status = g_ptr_array_index (statuses, i);
      AdwPreferencesGroup *group = status->status == DM_LAYER_PROVIDER ? self->provider_group : self->customer_group;
      GtkWidget *row = responsibility_row_new (self, status);

      n_provider += group == self->provider_group;
      g_object_set_data (G_OBJECT (row), "group", group);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, g_object_ref (row));
      g_hash_table_insert (self->row_by_id, g_strdup (status->responsibility->id), row);
    }

  /* Translators: a heading; %s is the cloud provider, e.g. "AWS" */
  provider_title = g_strdup_printf (_("Held by %s"), dm_model_get_provider (self->model));
  adw_preferences_group_set_title (self->provider_group, provider_title);
  adw_preferences_group_set_description (self->provider_group,
                                         _("The provider’s part of the model, for reference: never assessed from an export."));
  gtk_widget_set_visible (GTK_WIDGET (self->provider_group), n_provider > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_group), n_provider < statuses->len);
  update_summary (self, statuses);
}

/* The page is hidden most of the time, and every import, redaction and
 * model change would rebuild it: rebuild when shown, or when asked. */
static void
queue_rebuild (DmChecklistView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
ensure_rows (DmChecklistView *self)
{
  if (self->dirty)
    rebuild (self);
}

static void
dm_checklist_view_map (GtkWidget *widget)
{
  ensure_rows (DM_CHECKLIST_VIEW (widget));
  GTK_WIDGET_CLASS (dm_checklist_view_parent_class)->map (widget);
}

void
dm_checklist_view_set_model (DmChecklistView *self,
                             DmModel         *model)
{
  g_return_if_fail (DM_IS_CHECKLIST_VIEW (self));
  g_return_if_fail (model == NULL || DM_IS_MODEL (model));

  if (g_set_object (&self->model, model))
    queue_rebuild (self);
}

void
dm_checklist_view_set_assessment (DmChecklistView *self,
                                  DmAssessment    *assessment)
{
  g_return_if_fail (DM_IS_CHECKLIST_VIEW (self));
  g_return_if_fail (assessment == NULL || DM_IS_ASSESSMENT (assessment));

  /* Always rebuilt: the window calls this after a model change too. */
  g_set_object (&self->assessment, assessment);
  queue_rebuild (self);
}

guint
dm_checklist_view_get_n_rows (DmChecklistView *self)
{
  g_return_val_if_fail (DM_IS_CHECKLIST_VIEW (self), 0);
  ensure_rows (self);
  return self->rows->len;
}

GtkWidget *
dm_checklist_view_get_row (DmChecklistView *self,
                           const char      *id)
{
  g_return_val_if_fail (DM_IS_CHECKLIST_VIEW (self), NULL);
  ensure_rows (self);
  return g_hash_table_lookup (self->row_by_id, id);
}

const char *
dm_checklist_view_get_status_text (DmChecklistView *self,
                                   const char      *id)
{
  GtkWidget *row = dm_checklist_view_get_row (self, id);

  return row ? g_object_get_data (G_OBJECT (row), "status-text") : NULL;
}

const char *
dm_checklist_view_get_owner_text (DmChecklistView *self,
                                  const char      *id)
{
  GtkWidget *row = dm_checklist_view_get_row (self, id);

  return row ? g_object_get_data (G_OBJECT (row), "owner-text") : NULL;
}

GtkWidget *
dm_checklist_view_get_status_badge (DmChecklistView *self,
                                    const char      *id)
{
  GtkWidget *row = dm_checklist_view_get_row (self, id);

  return row ? g_object_get_data (G_OBJECT (row), "status-badge") : NULL;
}

guint
dm_checklist_view_get_n_groups (DmChecklistView *self,
                                const char      *id)
{
  GtkWidget *row = dm_checklist_view_get_row (self, id);

  return row ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "n-groups")) : 0;
}

const char *
dm_checklist_view_get_summary (DmChecklistView *self)
{
  g_return_val_if_fail (DM_IS_CHECKLIST_VIEW (self), NULL);
  ensure_rows (self);
  return gtk_label_get_text (self->summary_label);
}

static void
dm_checklist_view_dispose (GObject *object)
{
  DmChecklistView *self = (DmChecklistView *)object;

  g_clear_pointer (&self->row_by_id, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->assessment);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dm_checklist_view_parent_class)->dispose (object);
}

static void
dm_checklist_view_class_init (DmChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_checklist_view_dispose;
  widget_class->map = dm_checklist_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dm-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DmChecklistView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DmChecklistView, customer_group);
  gtk_widget_class_bind_template_child (widget_class, DmChecklistView, provider_group);
}

static void
dm_checklist_view_init (DmChecklistView *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
dm_checklist_view_new (void)
{
  return g_object_new (DM_TYPE_CHECKLIST_VIEW, NULL);
}
