/* demarc-check.c: the command-line face of Demarc's core; needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "demarc-check"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>

#include "dm-model.h"

enum {
  EXIT_OK = 0,
  EXIT_INPUT = 2,
};

typedef enum {
  FORMAT_TEXT,
  FORMAT_JSON,
} OutputFormat;

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static void
list_services (DmModel      *model,
               OutputFormat  format)
{
  guint n = dm_model_get_n_services (model);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          DmService *service = dm_model_get_service (model, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_service_get_id (service));
          add_string (builder, "name", dm_service_get_name (service));
          add_string (builder, "category", dm_service_get_category (service));
          add_double (builder, "boundary", dm_model_get_boundary (model, service));
          add_double (builder, "customer_share", dm_model_get_customer_share (model, service));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      DmService *service = dm_model_get_service (model, i);

      g_print ("%-20s %-16s %s\n", dm_service_get_id (service),
               dm_service_get_category (service), dm_service_get_name (service));
    }
}

static void
list_layers (DmModel      *model,
             OutputFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);

  /* Top of the stack first, as the diagram reads. */
  for (guint b = dm_model_get_n_bands (model); b > 0; b--)
    {
      DmBand *band = dm_model_get_band (model, b - 1);

      if (format == FORMAT_TEXT)
        g_print ("%s (%s)\n", dm_band_get_name (band), dm_band_get_id (band));

      for (guint l = 0; l < dm_band_get_n_layers (band); l++)
        {
          DmLayer *layer = dm_band_get_layer (band, l);

          if (format == FORMAT_TEXT)
            {
              g_print ("  %-28s %s\n", dm_layer_get_id (layer), dm_layer_get_name (layer));
              continue;
            }

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_layer_get_id (layer));
          add_string (builder, "name", dm_layer_get_name (layer));
          add_string (builder, "band", dm_band_get_id (band));
          json_builder_end_object (builder);
        }
    }

  json_builder_end_array (builder);
  if (format == FORMAT_JSON)
    print_json (builder);
}

static void
show_service (DmModel      *model,
              DmService    *service,
              OutputFormat  format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (format == FORMAT_TEXT)
    g_print ("%s (%s), %s\n%s\n\n", dm_service_get_name (service), dm_service_get_id (service),
             dm_service_get_category (service), dm_service_get_summary (service));

  json_builder_begin_object (builder);
  add_string (builder, "id", dm_service_get_id (service));
  add_string (builder, "name", dm_service_get_name (service));
  add_string (builder, "category", dm_service_get_category (service));
  add_double (builder, "boundary", dm_model_get_boundary (model, service));
  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);

  for (guint b = dm_model_get_n_bands (model); b > 0; b--)
    {
      DmBand *band = dm_model_get_band (model, b - 1);
      DmOwner band_owner = dm_service_get_band_owner (service, band);

      if (format == FORMAT_TEXT)
        g_print ("%-34s %s\n", dm_band_get_name (band), dm_model_get_owner_label (model, band_owner));

      json_builder_begin_object (builder);
      add_string (builder, "id", dm_band_get_id (band));
      add_string (builder, "owner", dm_owner_to_string (band_owner));
      json_builder_set_member_name (builder, "layers");
      json_builder_begin_array (builder);

      for (guint l = 0; l < dm_band_get_n_layers (band); l++)
        {
          DmLayer *layer = dm_band_get_layer (band, l);
          DmOwner owner = dm_service_get_owner (service, layer);

          if (format == FORMAT_TEXT)
            g_print ("  %-32s %-14s %s\n", dm_layer_get_name (layer),
                     dm_model_get_owner_label (model, owner), dm_service_get_reason (service, layer));

          json_builder_begin_object (builder);
          add_string (builder, "id", dm_layer_get_id (layer));
          add_string (builder, "owner", dm_owner_to_string (owner));
          add_string (builder, "control", dm_control_kind_to_string (dm_service_get_control (service, layer)));
          add_string (builder, "reason", dm_service_get_reason (service, layer));
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);

      if (format == FORMAT_TEXT)
        {
          double boundary = dm_model_get_boundary (model, service);

          /* The line at level k lies under band k; a shared band carries it. */
          if (boundary == (double)(b - 1) && b > 1)
            g_print ("%s\n", _("--- provider below, customer above ---"));
          else if (floor (boundary) == (double)(b - 1) && boundary != floor (boundary))
            g_print ("%s\n", _("--- the boundary runs through the band above ---"));
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (format == FORMAT_JSON)
    print_json (builder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;
  g_autofree char *model_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *service_id = NULL;
  gboolean list_services_flag = FALSE;
  gboolean list_layers_flag = FALSE;
  gboolean validate = FALSE;
  gboolean version = FALSE;
  OutputFormat format = FORMAT_TEXT;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("Read this model instead of the built-in AWS model"), N_("FILE") },
    { "list-services", 0, 0, G_OPTION_ARG_NONE, &list_services_flag, N_("List the model’s services"), NULL },
    { "list-layers", 0, 0, G_OPTION_ARG_NONE, &list_layers_flag, N_("List the model’s bands and layers"), NULL },
    { "service", 's', 0, G_OPTION_ARG_STRING, &service_id, N_("Show who owns each layer of a service"), N_("ID") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate, N_("Check the model file and report what it holds"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format: text or json"), N_("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Explore a shared-responsibility model from the command line."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("demarc-check: %s\n", error->message);
      return EXIT_INPUT;
    }

  if (version)
    {
      g_print ("demarc-check %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (format_name == NULL || g_str_equal (format_name, "text"))
    format = FORMAT_TEXT;
  else if (g_str_equal (format_name, "json"))
    format = FORMAT_JSON;
  else
    {
      g_printerr ("demarc-check: %s\n", _("--format must be text or json"));
      return EXIT_INPUT;
    }

  if (model_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (model_path);
      model = dm_model_new_from_file (file, NULL, &error);
    }
  else
    model = dm_model_new_default (&error);

  if (model == NULL)
    {
      g_printerr ("demarc-check: %s\n", error->message);
      return EXIT_INPUT;
    }

  if (validate)
    g_print (_("%s: valid model “%s” with %u bands, %u layers and %u services\n"),
             dm_model_get_source (model), dm_model_get_name (model),
             dm_model_get_n_bands (model), dm_model_get_n_layers (model),
             dm_model_get_n_services (model));

  if (list_services_flag)
    list_services (model, format);

  if (list_layers_flag)
    list_layers (model, format);

  if (service_id != NULL)
    {
      DmService *service = dm_model_find_service (model, service_id);

      if (service == NULL)
        {
          g_printerr ("demarc-check: %s\n", _("no such service in the model (see --list-services)"));
          return EXIT_INPUT;
        }
      show_service (model, service, format);
    }

  if (!validate && !list_services_flag && !list_layers_flag && service_id == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_INPUT;
    }

  return EXIT_OK;
}
