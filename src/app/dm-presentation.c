/* dm-presentation.c: a full-screen walk through the gaps, for a review
 *
 * With an export, first what was read (accounts, and how each input's
 * items were used); then one slide per service with gaps (every service
 * when nothing is imported), then the compare matrix, then a summary. Text comes from
 * exports, so every label here is plain text, never markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "dm-diagram.h"
#include "dm-import-summary.h"
#include "dm-presentation.h"

/* Findings listed on a slide; the rest are counted. */
#define MAX_GAPS_SHOWN 8

typedef struct
{
  const char *kind;     /* "overview", "service", "compare" or "summary" */
  DmService  *service;
} Slide;

struct _DmPresentation
{
  AdwWindow      parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *counter_label;
  GtkStack      *stack;
  DmDiagram     *diagram;
  GtkLabel      *gaps_label;
  GtkRevealer   *notes_revealer;
  GtkLabel      *notes_label;
  GtkDrawingArea *matrix_area;
  GtkLabel      *summary_label;
  GtkLabel      *overview_label;
  GtkLabel      *nothing_read_label;

  DmModel       *model;
  DmReport      *report;
  DmReport      *matrix_report;  /* of the model alone, without a report */
  GArray        *slides;   /* Slide */
  guint          current;
};

G_DEFINE_FINAL_TYPE (DmPresentation, dm_presentation, ADW_TYPE_WINDOW)

static DmAssessment *
assessment (DmPresentation *self)
{
  return self->report ? dm_report_get_assessment (self->report) : NULL;
}

static void
show_service (DmPresentation *self,
              DmService      *service)
{
  GListModel *findings = self->report ? dm_report_get_findings (self->report) : NULL;
  g_autoptr(GPtrArray) failed = findings ? dm_assessment_query (assessment (self), findings, service, NULL, TRUE) : NULL;
  g_autoptr(GString) gaps = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n_gaps = 0;

  dm_diagram_set_service (self->diagram, service);

  for (guint i = 0; failed && i < failed->len; i++)
    {
      DmFinding *finding = g_ptr_array_index (failed, i);

      if (++n_gaps <= MAX_GAPS_SHOWN)
        g_string_append_printf (gaps, "%s%s %s — %s\n   %s", gaps->len ? "\n" : "", dm_layer_status_symbol (DM_LAYER_GAP),
                                dm_severity_to_string (dm_finding_get_severity (finding)),
                                dm_finding_get_title (finding), dm_finding_get_resource (finding));
    }
  if (n_gaps > MAX_GAPS_SHOWN)
    g_string_append_printf (gaps, "\n\n%s", _("…and more in the report"));
  if (n_gaps == 0)
    g_string_append (gaps, self->report ? _("No failed findings for this service.") : dm_service_get_summary (service));

  /* Notes: why the layers with gaps are the customer's (all of them when
   * nothing is assessed), then what to do: what a slide has room for. */
  for (guint l = 0; l < dm_model_get_n_layers (self->model); l++)
    {
      DmLayer *layer = dm_model_get_layer (self->model, l);
      DmOwner owner = dm_service_get_owner (service, layer);
      const char *reason = dm_service_get_reason (service, layer);
      gboolean with_gap = n_gaps > 0 && dm_assessment_get_result (assessment (self), service, layer)->status == DM_LAYER_GAP;

      if ((owner == DM_OWNER_CUSTOMER || owner == DM_OWNER_SHARED) && reason && *reason && (n_gaps == 0 || with_gap))
        g_string_append_printf (notes, "%s%s: %s", notes->len ? "\n\n" : "", dm_layer_get_name (layer), reason);
    }
  for (guint i = 0; findings && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *remediation = dm_finding_get_remediation (finding);

      if (dm_finding_get_status (finding) == DM_FINDING_FAILED &&
          g_strcmp0 (dm_finding_get_service (finding), dm_service_get_id (service)) == 0 &&
          *remediation && !strstr (notes->str, remediation))
        g_string_append_printf (notes, "\n\n%s %s", _("Fix:"), remediation);
    }

  gtk_label_set_text (self->title_label, dm_service_get_name (service));
  subtitle = self->report
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed finding", "%u failed findings", n_gaps), n_gaps)
             : g_strdup (dm_service_get_category (service));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->gaps_label, gaps->str);
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_stack_set_visible_child_name (self->stack, "service");
}

static void
draw_matrix (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  DmPresentation *self = user_data;
  DmReport *report = self->report ? self->report : self->matrix_report;
  double matrix_width, matrix_height, scale;

  if (report == NULL)
    return;
  dm_report_paint_matrix (report, NULL, &matrix_width, &matrix_height);
  scale = MIN (width / matrix_width, height / matrix_height);
  cairo_translate (cr, (width - matrix_width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  dm_report_paint_matrix (report, cr, &matrix_width, &matrix_height);
}

static void
show_summary (DmPresentation *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DmAssessment *a = assessment (self);

  gtk_label_set_text (self->title_label, _("Summary"));
  gtk_label_set_text (self->subtitle_label, dm_model_get_name (self->model));
  if (a)
    {
      guint with_evidence, customer_layers;

      dm_assessment_get_coverage (a, &with_evidence, &customer_layers);
      g_string_append_printf (text, _("%u failed findings, %u passed, %u not mapped to a layer."),
                              dm_assessment_get_n_failed (a), dm_assessment_get_n_passed (a), dm_assessment_get_n_unmapped (a));
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Evidence for %u of %u customer and shared layers: the rest are no data, not safe."),
                              with_evidence, customer_layers);
      g_string_append (text, "\n\n");
      for (guint s = 0; s < dm_model_get_n_services (self->model); s++)
        {
          DmService *service = dm_model_get_service (self->model, s);
          guint gaps = dm_assessment_get_service_gaps (a, service);

          if (gaps)
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "⚠ %s: %u failed finding\n", "⚠ %s: %u failed findings\n", gaps),
                                    dm_service_get_name (service), gaps);
        }
    }
  else
    g_string_append (text, _("No export is open: these slides show who owns each layer, not whether it is secure."));
  gtk_label_set_text (self->summary_label, text->str);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

/* Accounts named by the findings (pseudonyms when redacted), a few by name. */
static char *
describe_accounts (DmPresentation *self)
{
  GListModel *findings = dm_report_get_findings (self->report);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      const char *account = dm_finding_get_account (finding);

      if (*account && g_hash_table_add (seen, (char *)account))
        g_ptr_array_add (names, (char *)account);
    }
  n = names->len;
  if (n == 0)
    return g_strdup (_("No account id in the findings"));
  if (n > 3)
    {
      g_autofree char *first = NULL;

      g_ptr_array_set_size (names, 3);
      g_ptr_array_add (names, NULL);
      first = g_strjoinv (", ", (char **)names->pdata);
      /* Translators: "Accounts 1111, 2222, 3333 and 4 more" */
      return g_strdup_printf (_("Accounts %s and %u more"), first, n - 3);
    }
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **)names->pdata);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Account %s", "Accounts %s", n), list);
  }
}

/* Slide 1: what the review is about, and that nothing of the export
 * vanished: each input's items, in the CLI's and reports' words. */
static void
show_overview (DmPresentation *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) empty = g_string_new (NULL);
  g_autofree char *accounts = describe_accounts (self);
  guint n_inputs = dm_report_get_n_inputs (self->report);
  DmImportCounts all;

  gtk_label_set_text (self->title_label, _("What Was Read"));
  gtk_label_set_text (self->subtitle_label, accounts);

  dm_import_counts_init (&all, NULL);
  for (guint i = 0; i < n_inputs; i++)
    {
      const DmImportInput *input = dm_report_get_input (self->report, i);
      g_autofree char *base = g_path_get_basename (dm_report_get_input_path (self->report, i));
      g_autofree char *described = NULL;
      DmImportCounts counts;

      dm_import_counts_init (&counts, input);
      dm_import_counts_add (&all, &counts);
      described = dm_import_counts_describe (&counts);
      g_string_append_printf (text, "%s%s (%s)\n%s", text->len ? "\n\n" : "", base, input->format, described);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

          /* Translators: why some items were not read: "not read: 2 × not a JSON object" */
          g_string_append_printf (text, _("\n   not read: %" PRIu64 " × %s"), reason->count, reason->reason);
        }
      if (dm_import_counts_read_nothing (&counts))
        g_string_append_printf (empty, "%s%s", empty->len ? _(", ") : "", base);
    }
  if (n_inputs > 1)
    {
      g_autofree char *described = dm_import_counts_describe (&all);

      g_string_append_printf (text, "\n\n%s\n%s", _("All inputs"), described);
    }

  if (empty->len)
    {
      /* Translators: followed by the names of the files that gave nothing */
      g_autofree char *warning = g_strdup_printf (_("Nothing read from: %s"), empty->str);

      gtk_label_set_text (self->nothing_read_label, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->nothing_read_label), empty->len > 0);
  gtk_label_set_text (self->overview_label, text->str);
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
show_slide (DmPresentation *self,
            guint           index)
{
  const Slide *slide;
  g_autofree char *counter = NULL;

  if (self->slides->len == 0)
    return;
  self->current = MIN (index, self->slides->len - 1);
  slide = &g_array_index (self->slides, Slide, self->current);

  if (g_str_equal (slide->kind, "overview"))
    show_overview (self);
  else if (g_str_equal (slide->kind, "service"))
    show_service (self, slide->service);
  else if (g_str_equal (slide->kind, "compare"))
    {
      gtk_label_set_text (self->title_label, _("How the line moves between services"));
      gtk_label_set_text (self->subtitle_label, _("Who owns each layer, service by service"));
      gtk_stack_set_visible_child_name (self->stack, "compare");
    }
  else
    show_summary (self);

  counter = g_strdup_printf ("%u / %u", self->current + 1, self->slides->len);
  gtk_label_set_text (self->counter_label, counter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", self->current + 1 < self->slides->len);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  if (self->current + 1 < self->slides->len)
    show_slide (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  if (self->current > 0)
    show_slide (self, self->current - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_slide (DM_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);

  show_slide (self, self->slides->len ? self->slides->len - 1 : 0);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DmPresentation *self = DM_PRESENTATION (widget);
  gboolean shown = !gtk_revealer_get_reveal_child (self->notes_revealer);

  /* Notes take the gaps' place: both would not fit a slide. */
  gtk_revealer_set_reveal_child (self->notes_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_label), !shown);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Arrows would otherwise move the focus (GtkWindow's own bindings). */
static const struct { guint key; const char *action; } keys[] = {
  { GDK_KEY_Right, "presentation.next" }, { GDK_KEY_Page_Down, "presentation.next" },
  { GDK_KEY_space, "presentation.next" }, { GDK_KEY_Down, "presentation.next" },
  { GDK_KEY_Left, "presentation.previous" }, { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_BackSpace, "presentation.previous" }, { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_Home, "presentation.first" }, { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_n, "presentation.toggle-notes" }, { GDK_KEY_N, "presentation.toggle-notes" },
  { GDK_KEY_Escape, "presentation.leave" }, { GDK_KEY_F5, "presentation.leave" },
};

static void
dm_presentation_dispose (GObject *object)
{
  DmPresentation *self = DM_PRESENTATION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_PRESENTATION);
  g_clear_object (&self->model);
  g_clear_object (&self->report);
  g_clear_object (&self->matrix_report);
  g_clear_pointer (&self->slides, g_array_unref);

  G_OBJECT_CLASS (dm_presentation_parent_class)->dispose (object);
}

static void
dm_presentation_class_init (DmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_presentation_dispose;

  g_type_ensure (DM_TYPE_DIAGRAM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/demarc/Demarc/ui/dm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, counter_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, diagram);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, gaps_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, matrix_area);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, overview_label);
  gtk_widget_class_bind_template_child (widget_class, DmPresentation, nothing_read_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static void
dm_presentation_init (DmPresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dm_diagram_set_force_dark (self->diagram, TRUE);
  /* Slides are watched, not operated: every key goes to the slide show. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->stack), FALSE);
  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                              gtk_named_action_new (keys[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }
  self->slides = g_array_new (FALSE, FALSE, sizeof (Slide));
}

/**
 * dm_presentation_new:
 * @report: (nullable): the assessment to present; %NULL for the model alone
 * @start: (nullable): the service to start at, if it has a slide and
 *   nothing is imported; with an export, a review starts with what was read
 */
DmPresentation *
dm_presentation_new (GtkWindow *parent,
                     DmModel   *model,
                     DmReport  *report,
                     DmService *start)
{
  DmPresentation *self = g_object_new (DM_TYPE_PRESENTATION, "transient-for", parent, NULL);
  DmAssessment *a;
  guint first = 0;

  self->model = g_object_ref (model);
  self->report = report ? g_object_ref (report) : NULL;
  a = assessment (self);

  dm_diagram_set_model (self->diagram, model);
  dm_diagram_set_assessment (self->diagram, a);
  /* The whole matrix on one slide: drawn to fit, as exports draw it. */
  if (self->report == NULL)
    {
      g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);

      self->matrix_report = dm_report_new (model, catalogue, NULL, FALSE);
    }
  gtk_drawing_area_set_draw_func (self->matrix_area, draw_matrix, self, NULL);

  if (self->report)
    g_array_append_val (self->slides, ((Slide) { "overview", NULL }));
  for (guint s = 0; s < dm_model_get_n_services (model); s++)
    {
      DmService *service = dm_model_get_service (model, s);
      Slide slide = { "service", service };

      if (a && dm_assessment_get_service_gaps (a, service) == 0)
        continue;
      if (service == start && self->report == NULL)
        first = self->slides->len;
      g_array_append_val (self->slides, slide);
    }
  g_array_append_val (self->slides, ((Slide) { "compare", NULL }));
  g_array_append_val (self->slides, ((Slide) { "summary", NULL }));

  show_slide (self, first);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

guint
dm_presentation_get_n_slides (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
dm_presentation_get_slide (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), 0);
  return self->current;
}

const char *
dm_presentation_get_slide_kind (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return g_array_index (self->slides, Slide, self->current).kind;
}

const char *
dm_presentation_get_title (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
dm_presentation_get_subtitle (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->subtitle_label);
}

/* The slide's main text: what was read, gaps, or the summary. */
const char *
dm_presentation_get_body (DmPresentation *self)
{
  const char *kind;

  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  kind = dm_presentation_get_slide_kind (self);
  if (g_str_equal (kind, "overview"))
    return gtk_label_get_text (self->overview_label);
  return g_str_equal (kind, "summary") ? gtk_label_get_text (self->summary_label)
                                       : gtk_label_get_text (self->gaps_label);
}

/* Slide 1's warning: the files that gave nothing, or "" */
const char *
dm_presentation_get_warning (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->nothing_read_label)) ? gtk_label_get_text (self->nothing_read_label) : "";
}

gboolean
dm_presentation_get_notes_shown (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), FALSE);
  return gtk_revealer_get_reveal_child (self->notes_revealer);
}

const char *
dm_presentation_get_notes (DmPresentation *self)
{
  g_return_val_if_fail (DM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->notes_label);
}
