/* dm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "dm-application.h"
#include "dm-build-tree.h"
#include "dm-window.h"

struct _DmApplication
{
  AdwApplication  parent_instance;
};

G_DEFINE_FINAL_TYPE (DmApplication, dm_application, ADW_TYPE_APPLICATION)

/* Parsed where demarc was started; the running instance reads them from
 * the forwarded command line (dm_application_command_line). */
static const GOptionEntry options[] = {
  { "model", 'm', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this responsibility model instead of the built-in AWS model"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the bundled demo export"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE|FOLDER…]") },
  { NULL }
};

/**
 * dm_application_is_uninstalled:
 *
 * Whether the running program is this build's own src/demarc, run from the
 * build folder. Only then may it read the build tree's schema and
 * translations: an installed copy never does, even with the build folder
 * still present.
 */
gboolean
dm_application_is_uninstalled (void)
{
  static int uninstalled = -1;

  if (uninstalled < 0)
    uninstalled = dm_build_tree_runs ("demarc");
  return uninstalled;
}

/* The demo export: the source tree's for an uninstalled run. */
char *
dm_application_get_demo_path (void)
{
  if (dm_application_is_uninstalled ())
    return g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  return g_build_filename (PKGDATADIR, "demo", "demo-export.json", NULL);
}

static gboolean
schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

static int
dm_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("demarc %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* g_settings_new () would abort the window; say what to do instead. */
  if (!schema_installed ())
    {
      g_printerr (_("demarc: the settings schema %s is not installed.\n"
                    "Install Demarc (meson install -C _build), or run it from its build folder "
                    "(_build/src/demarc or meson devenv -C _build demarc), "
                    "or point GSETTINGS_SCHEMA_DIR at a folder holding its compiled schema.\n"),
                  APP_ID);
      return 1;
    }

  return G_APPLICATION_CLASS (dm_application_parent_class)->handle_local_options (app, dict);
}

/* A window with the built-in model (then @model_file's, if given) and
 * @files opened. */
static void
dm_application_new_window (DmApplication  *self,
                           GFile          *model_file,
                           GFile         **files,
                           guint           n_files)
{
  DmWindow *window = dm_window_new (GTK_APPLICATION (self));
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (!(model = dm_model_new_default (&error)))
    g_critical ("The built-in model is broken: %s", error->message);
  else
    dm_window_set_model (window, model);

  if (model_file != NULL)
    dm_window_open_model_file (window, model_file);
  if (n_files > 0)
    dm_window_open_exports (window, files, n_files);

  gtk_window_present (GTK_WINDOW (window));
}

static void
dm_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    dm_application_new_window (DM_APPLICATION (app), NULL, NULL, 0);
  else
    gtk_window_present (window);
}

/* Files from D-Bus (org.freedesktop.Application.Open, gapplication
 * launch): each request its own window, as with the command line. */
static void
dm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  dm_application_new_window (DM_APPLICATION (app), NULL, files, (guint)n_files);
}

/* Runs in the primary instance, for its own command line and for every
 * one forwarded by a later `demarc …`: paths are resolved against the
 * caller's working directory. Files, --model or --demo open a new window;
 * a bare `demarc` raises the existing one. */
static int
dm_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  DmApplication *self = DM_APPLICATION (app);
  GVariantDict *dict = g_application_command_line_get_options_dict (cmdline);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) model_file = NULL;
  g_autofree const char **args = NULL;
  const char *model_path = NULL;

  if (g_variant_dict_lookup (dict, "model", "^&ay", &model_path))
    model_file = g_application_command_line_create_file_for_arg (cmdline, model_path);

  if (g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &args))
    for (guint i = 0; args[i] != NULL; i++)
      g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline, args[i]));

  if (g_variant_dict_contains (dict, "demo"))
    {
      g_autofree char *demo = dm_application_get_demo_path ();
      g_ptr_array_add (files, g_file_new_for_path (demo));
    }

  if (model_file == NULL && files->len == 0)
    g_application_activate (app);
  else
    dm_application_new_window (self, model_file, (GFile **)files->pdata, files->len);

  return 0;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;

  /* Closing each window lets it save its size. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Demarc developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Demarc"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Demarc developers"),
                         "developers", developers,
                         "comments", _("See where the cloud provider’s security duties end and yours begin. "
                                       "Demarc works offline and never changes the files it opens."),
                         "website", "https://github.com/demarc/demarc",
                         "issue-url", "https://github.com/demarc/demarc/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Demarc developers",
                         /* Translators: your name and email, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The user guide (help/C/), found by Yelp through the app id. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:" APP_ID, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

/* The severity colours come from the one table every writer uses
 * (dm_severity_colours), not from a second copy in style.css. */
static void
load_severity_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GString) css = g_string_new (NULL);

  for (DmSeverity severity = DM_SEVERITY_UNKNOWN; severity <= DM_SEVERITY_CRITICAL; severity++)
    {
      const DmSeverityColours *colours = dm_severity_colours (severity);

      g_string_append_printf (css, ".%s { background-color: %s; color: %s; }\n",
                              colours->css_class, colours->background, colours->foreground);
    }
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
dm_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (dm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  load_severity_css ();
}

static void
dm_application_class_init (DmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = dm_application_activate;
  app_class->open = dm_application_open;
  app_class->command_line = dm_application_command_line;
  app_class->startup = dm_application_startup;
  app_class->handle_local_options = dm_application_handle_local_options;
}

static void
dm_application_init (DmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore who secures what in the cloud: the provider or you."));
}

/* One instance per session: a later `demarc FILE` (or Files opening an
 * export) hands its command line to the running one over D-Bus. A test
 * program's application stays non-unique: test programs run in parallel on
 * one session bus and each needs its own primary instance. */
DmApplication *
dm_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE;

  if (g_test_initialized ())
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (DM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
