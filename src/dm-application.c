/* dm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dm-application.h"
#include "dm-window.h"

struct _DmApplication
{
  AdwApplication  parent_instance;

  char           *model_path;
};

G_DEFINE_FINAL_TYPE (DmApplication, dm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "model", 'm', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this responsibility model instead of the built-in AWS model"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static int
dm_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  DmApplication *self = DM_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("demarc %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (dict, "model", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->model_path);
      self->model_path = g_file_get_path (file);
    }

  return G_APPLICATION_CLASS (dm_application_parent_class)->handle_local_options (app, dict);
}

static void
dm_application_activate (GApplication *app)
{
  DmApplication *self = DM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (dm_window_new (GTK_APPLICATION (app)));

      if (!(model = dm_model_new_default (&error)))
        g_critical ("The built-in model is broken: %s", error->message);
      else
        dm_window_set_model (DM_WINDOW (window), model);

      if (self->model_path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (self->model_path);
          dm_window_open_model_file (DM_WINDOW (window), file);
        }
    }

  gtk_window_present (window);
}

static void
dm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  dm_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  dm_window_open_exports (DM_WINDOW (window), files, n_files);
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

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
dm_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (dm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
dm_application_finalize (GObject *object)
{
  DmApplication *self = (DmApplication *)object;

  g_free (self->model_path);

  G_OBJECT_CLASS (dm_application_parent_class)->finalize (object);
}

static void
dm_application_class_init (DmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dm_application_finalize;
  app_class->activate = dm_application_activate;
  app_class->open = dm_application_open;
  app_class->startup = dm_application_startup;
  app_class->handle_local_options = dm_application_handle_local_options;
}

static void
dm_application_init (DmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE|FOLDER…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore who secures what in the cloud: the provider or you."));
}

DmApplication *
dm_application_new (void)
{
  return g_object_new (DM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
