/* test-util.h: small helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-finding.h"
#include "dm-model.h"

static inline char *
test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The small model of tests/data/model-good.json; fails the test if it
 * does not load. */
static inline DmModel *
test_fixture_model (void)
{
  g_autofree char *path = test_fixture_path ("model-good.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DmModel *model = dm_model_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return model;
}

static inline void
test_count_notify (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

static inline gboolean
test_stop_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static inline void
test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_stop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The finding of @findings with the id @id, or NULL; the list keeps it
 * alive. */
static inline DmFinding *
test_find_finding (GListModel *findings,
                   const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (dm_finding_get_id (finding), id))
        return finding;
    }
  return NULL;
}
