/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DmApplication) app = NULL;
  g_autofree char *localedir = NULL;

  /* Run from the build folder, Demarc uses that build's compiled schema
   * and translations; an installed copy only ever uses the prefix. This
   * must happen before anything reads GSettings or gettext. */
  if (dm_application_is_uninstalled ())
    {
      g_autofree char *schemas = g_build_filename (BUILD_ROOT, "data", NULL);
      const char *old = g_getenv ("GSETTINGS_SCHEMA_DIR");

      if (old != NULL && *old != '\0')
        {
          g_autofree char *both = g_strconcat (schemas, G_SEARCHPATH_SEPARATOR_S, old, NULL);
          g_setenv ("GSETTINGS_SCHEMA_DIR", both, TRUE);
        }
      else
        g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);

      localedir = g_build_filename (BUILD_ROOT, "po", NULL);
    }
  else
    localedir = g_strdup (LOCALEDIR);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Demarc"));
  app = dm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
