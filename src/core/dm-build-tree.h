/* dm-build-tree.h: whether a program runs from its build folder, and where
 * its translations are then
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  dm_build_tree_runs       (const char *program);
char     *dm_build_tree_locale_dir (const char *program);

G_END_DECLS
