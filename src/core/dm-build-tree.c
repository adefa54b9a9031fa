/* dm-build-tree.c
 *
 * Run from the build folder, Demarc's programs use that build's compiled
 * schema and translations; an installed copy only ever uses the prefix,
 * even with the build folder still present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "dm-build-tree.h"

/**
 * dm_build_tree_runs:
 * @program: the program's name under the build's src/ folder
 *
 * Returns: whether the running program is this build's own @program
 */
gboolean
dm_build_tree_runs (const char *program)
{
  g_autofree char *built = g_build_filename (BUILD_ROOT, "src", program, NULL);
  g_autofree char *built_real = realpath (built, NULL);
  g_autofree char *self_real = realpath ("/proc/self/exe", NULL);

  return built_real != NULL && self_real != NULL && g_str_equal (built_real, self_real);
}

/* The folder to bind the text domain to: the build's po/ for @program run
 * from it, else the installed one. */
char *
dm_build_tree_locale_dir (const char *program)
{
  if (dm_build_tree_runs (program))
    return g_build_filename (BUILD_ROOT, "po", NULL);
  return g_strdup (LOCALEDIR);
}
