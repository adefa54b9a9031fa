/* test-gtk.h: initialisation shared by the GTK test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>

static char *test_gtk_data_home;

static void
test_gtk_remove_data_home (void)
{
  g_autoptr(GDir) dir = g_dir_open (test_gtk_data_home, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (test_gtk_data_home, name, NULL);
      g_remove (path);
    }
  g_rmdir (test_gtk_data_home);
  g_clear_pointer (&test_gtk_data_home, g_free);
}

/* gtk_test_init () with G_TEST_OPTION_ISOLATE_DIRS (which it would drop):
 * every test case gets its own temporary HOME and XDG folders, never the
 * user's or a shared one in the build folder. Two things outlive a test
 * case and are set up first: the MIME database (isolation empties
 * XDG_DATA_DIRS, and icons need it) and GTK's recent files, a singleton
 * that keeps the folder it first saw; it gets this program's own
 * temporary folder, removed at exit. The locale stays as gtk_test_init ()
 * leaves it where en_US.UTF-8 is absent: untouched by GTK. */
static inline void
test_gtk_init (int    *argc,
               char ***argv)
{
  test_gtk_data_home = g_dir_make_tmp ("demarc-test-data-XXXXXX", NULL);
  g_assert_nonnull (test_gtk_data_home);
  g_setenv ("XDG_DATA_HOME", test_gtk_data_home, TRUE);
  atexit (test_gtk_remove_data_home);

  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  gtk_init ();
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), test_gtk_data_home));
  (void)gtk_recent_manager_get_default ();
}
