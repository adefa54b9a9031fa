/* test-import-speed.c: what reading faster must not change
 *
 * The importer builds items projected (only the members it reads) and
 * reads a folder's files with a pool of workers. Neither may change a
 * finding, an input or their order: each test reads the same exports both
 * ways and compares everything the importer gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-util.h"

#include "dm-catalogue.h"
#include "dm-importer.h"
#include "dm-importer-private.h"

static void
append_strv (GString            *out,
             const char * const *strv)
{
  for (guint i = 0; strv && strv[i]; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", strv[i]);
  g_string_append_c (out, '|');
}

/* Every field of every finding, origin and input, one line each. */
static char *
describe (DmImporter *importer)
{
  GListModel *findings = dm_importer_get_findings (importer);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) f = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s|%s|%d|%d|%s|%s|%s|", dm_finding_get_id (f), dm_finding_get_check (f),
                              dm_finding_get_status (f), dm_finding_get_severity (f), dm_finding_get_service (f),
                              dm_finding_get_layer (f), dm_finding_get_resource (f));
      append_strv (out, dm_finding_get_resources (f));
      g_string_append_printf (out, "%s|%s|%s|", dm_finding_get_resource_type (f), dm_finding_get_region (f),
                              dm_finding_get_account (f));
      append_strv (out, dm_finding_get_controls (f));
      g_string_append_printf (out, "%s|%" G_GUINT64_FORMAT "|%s|%s|%s|%s", dm_finding_get_source (f),
                              dm_finding_get_source_item (f), dm_finding_get_tool (f), dm_finding_get_title (f),
                              dm_finding_get_evidence (f), dm_finding_get_remediation (f));
      for (guint o = 0; o < dm_finding_get_n_origins (f); o++)
        {
          DmFindingOrigin origin = dm_finding_get_origin (f, o);

          g_string_append_printf (out, "|origin %s %s %" G_GUINT64_FORMAT " %s", origin.tool, origin.source,
                                  origin.source_item, origin.title);
        }
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < dm_importer_get_n_inputs (importer); i++)
    {
      const DmImportInput *input = dm_importer_get_input (importer, i);

      g_string_append_printf (out, "input %s %s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                              input->path, input->format, input->items, input->evaluated, input->skipped,
                              input->duplicates, input->not_aws);
      for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT, input->by_status[s]);
      for (guint r = 0; r < input->reasons->len; r++)
        {
          const DmSkipReason *reason = g_ptr_array_index (input->reasons, r);

          g_string_append_printf (out, " [%s ×%" G_GUINT64_FORMAT "]", reason->reason, reason->count);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GThread *caller;
  gint     elsewhere;   /* progress reported from another thread */
} Reports;

static void
progress_cb (const DmImportProgress *progress,
             gpointer                data)
{
  Reports *reports = data;

  if (g_thread_self () != reports->caller)
    g_atomic_int_set (&reports->elsewhere, TRUE);
}

/* Reads @path with @workers and, when @whole, no projection; returns the
 * description, or the error's message, how many files went to workers and
 * whether progress came from another thread (a file read ahead reports
 * from the thread that assesses its items). */
/* Set by a test: its imports' pools start no thread. */
static gboolean pool_threadless;
static guint n_taken_back;

static char *
import_pooled (const char *path,
               guint       workers,
               gboolean    whole,
               guint      *n_pooled,
               gboolean   *elsewhere)
{
  Reports reports = { g_thread_self (), FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  importer = dm_importer_new (catalogue);
  dm_importer_set_workers (importer, workers);
  dm_importer_set_whole_items (importer, whole);
  dm_importer_set_progress (importer, progress_cb, &reports);
  importer->pool_threadless = pool_threadless;
  if (!dm_importer_add_file (importer, file, NULL, &error))
    return g_strdup_printf ("error: %s", error->message);
  text = describe (importer);
  n_taken_back = importer->n_taken_back;
  if (n_pooled)
    *n_pooled = importer->n_pooled;
  if (elsewhere)
    *elsewhere = g_atomic_int_get (&reports.elsewhere);
  return g_steal_pointer (&text);
}

static char *
import_described (const char *path,
                  guint       workers,
                  gboolean    whole)
{
  return import_pooled (path, workers, whole, NULL, NULL);
}

/* The member holding a fixture's item array, "" for a top-level array,
 * or NULL when it has none the reader streams. */
static const char *
item_member (JsonNode *root)
{
  static const char *members[] = { "configurationItems", "Findings", "findings" };

  if (JSON_NODE_HOLDS_ARRAY (root))
    return "";
  for (guint i = 0; JSON_NODE_HOLDS_OBJECT (root) && i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), members[i]);

      if (node && JSON_NODE_HOLDS_ARRAY (node))
        return members[i];
    }
  return NULL;
}

/* A copy of @path whose items all come after a first one: every item of
 * the fixture is then read projected. @copies: how many times the items
 * come after it. NULL when it has no item array. */
static char *
write_with_leading_item (const char *path,
                         const char *dir,
                         guint       copies)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *copy = NULL;
  JsonArray *items, *again;
  JsonNode *root;
  const char *member;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  member = root ? item_member (root) : NULL;
  if (member == NULL)
    return NULL;
  items = *member ? json_object_get_array_member (json_node_get_object (root), member) : json_node_get_array (root);
  if (json_array_get_length (items) == 0)
    return NULL;

  /* The first item again, first: a duplicate, counted as such. */
  again = json_array_new ();
  json_array_add_element (again, json_node_copy (json_array_get_element (items, 0)));
  for (guint c = 0; c < copies; c++)
    for (guint i = 0; i < json_array_get_length (items); i++)
      json_array_add_element (again, json_node_copy (json_array_get_element (items, i)));
  if (*member)
    {
      json_object_set_array_member (json_node_get_object (root), member, again);
      json_generator_set_root (generator, root);
    }
  else
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (node, again);
      json_generator_set_root (generator, node);
    }
  copy = g_build_filename (dir, basename, NULL);
  g_assert_true (json_generator_to_file (generator, copy, NULL));
  return g_steal_pointer (&copy);
}

static void
assert_projection_changes_nothing (const char *path,
                                   const char *dir,
                                   guint      *n_checked)
{
  g_autofree char *longer = write_with_leading_item (path, dir, 1);
  const char *paths[] = { path, longer };

  for (guint i = 0; i < G_N_ELEMENTS (paths) && paths[i]; i++)
    {
      g_autofree char *whole = import_described (paths[i], 1, TRUE);
      g_autofree char *projected = import_described (paths[i], 1, FALSE);

      if (g_strcmp0 (whole, projected) != 0)
        g_test_message ("projected and whole reads of %s differ", paths[i]);
      g_assert_cmpstr (projected, ==, whole);
      (*n_checked)++;
    }
  if (longer)
    g_unlink (longer);
}

static void
check_folder_files (const char *folder,
                    const char *dir,
                    guint      *n_checked)
{
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_str_has_suffix (name, ".json") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        assert_projection_changes_nothing (path, dir, n_checked);
    }
}

/* Every fixture, and every fixture with all its items projected, gives the
 * same findings and inputs as reading items whole: a member some format or
 * check reads that the projection left out would show here. */
static void
test_projection_fixtures (void)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *dir = g_dir_make_tmp ("demarc-projection-XXXXXX", NULL);
  guint n_checked = 0;

  check_folder_files (data, dir, &n_checked);
  g_assert_cmpuint (n_checked, >, 40);
  g_rmdir (dir);
}

static void
test_projection_shared_samples (void)
{
  g_autofree char *root = g_build_filename (SHARED_DIR, "samples", NULL);
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folders = NULL;
  const char *name;
  guint n_checked = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }
  dir = g_dir_make_tmp ("demarc-projection-XXXXXX", NULL);
  folders = g_dir_open (root, 0, NULL);
  while ((name = g_dir_read_name (folders)) != NULL)
    {
      g_autofree char *folder = g_build_filename (root, name, NULL);

      check_folder_files (folder, dir, &n_checked);
    }
  g_assert_cmpuint (n_checked, >, 20);
  g_rmdir (dir);
}

/* A Config snapshot whose items after the first carry what a check reads
 * deep in configuration and supplementaryConfiguration: the projected
 * read must find the same failures. */
static void
test_projection_config_checks (void)
{
  const char *fixtures[] = { "config-snapshot.json", "config-more-checks.json" };
  g_autofree char *dir = g_dir_make_tmp ("demarc-projection-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = test_fixture_path (fixtures[i]);
      g_autofree char *longer = write_with_leading_item (path, dir, 1);
      g_autofree char *whole = NULL;
      g_autofree char *projected = NULL;

      g_assert_nonnull (longer);
      whole = import_described (longer, 1, TRUE);
      projected = import_described (longer, 1, FALSE);
      /* Demarc's own checks failed something in each. */
      g_assert_nonnull (strstr (whole, "|Demarc|"));
      g_assert_nonnull (strstr (whole, "|0|"));
      g_assert_cmpstr (projected, ==, whole);
      g_unlink (longer);
    }
  g_rmdir (dir);
}

/* Items of a file read on its own are built ahead and assessed on a
 * thread of their own when there are two workers: every fixture, its
 * items repeated past a few batches (the duplicates counted as such),
 * gives what reading it on one thread gives; and the second thread did
 * assess the items of many of them (its progress reports tell), never
 * with one worker. */
static void
test_read_ahead_same (void)
{
  g_autofree char *fixtures = test_fixture_path (".");
  g_autofree char *dir = g_dir_make_tmp ("demarc-ahead-XXXXXX", NULL);
  g_autoptr(GDir) listing = g_dir_open (fixtures, 0, NULL);
  const char *name;
  guint n_checked = 0, n_ahead = 0;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixtures, name, NULL);
      g_autofree char *longer = NULL;
      g_autofree char *one = NULL;
      g_autofree char *two = NULL;
      gboolean ahead = FALSE, ahead_alone = FALSE;

      if (!g_str_has_suffix (name, ".json") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      longer = write_with_leading_item (path, dir, 40);
      if (longer == NULL)
        continue;
      one = import_pooled (longer, 1, FALSE, NULL, &ahead_alone);
      two = import_pooled (longer, 2, FALSE, NULL, &ahead);
      g_assert_false (ahead_alone);
      n_ahead += ahead;
      if (g_strcmp0 (one, two) != 0)
        g_test_message ("read ahead, %s differs", name);
      g_assert_cmpstr (two, ==, one);
      g_unlink (longer);
      n_checked++;
    }
  g_rmdir (dir);
  g_assert_cmpuint (n_checked, >, 20);
  /* Not every fixture fills a batch: those are handed over as read. */
  g_test_message ("%u of %u read ahead on a second thread", n_ahead, n_checked);
  g_assert_cmpuint (n_ahead, >=, 10);
}

static void
copy_fixture (const char *name,
              const char *folder,
              const char *as)
{
  g_autofree char *from = test_fixture_path (name);
  g_autofree char *to = g_build_filename (folder, as, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &text, &length, NULL));
  g_assert_true (g_file_set_contents (to, text, length, NULL));
}

/* A folder of many formats, duplicates across files (the same export
 * twice, which only the order tells apart), a file that is no export,
 * an unreadable one and a CloudMapper tree: one worker, two and four give
 * the same findings, joins, inputs and order. */
static void
test_pool_same_order (void)
{
  static const char *fixtures[] = {
    "asff-mixed.json", "config-snapshot.json", "guardduty-findings.json", "config-more-checks.json",
    "inspector2-findings.json", "asff-multi-resource.json", "cloudsploit.json", "macie-findings.json",
    "access-analyzer-findings.json", "config-evaluations.json", "asff-mapping.json", "cli-security-groups.json",
  };
  g_autofree char *folder = g_dir_make_tmp ("demarc-pool-XXXXXX", NULL);
  g_autofree char *cloudmapper = test_fixture_path ("cloudmapper");
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *four = NULL;
  g_autofree char *none = NULL;
  g_autofree char *bad = g_build_filename (folder, "m-bad.json", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  guint n_pooled = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *as = g_strdup_printf ("%02u-%s", i, fixtures[i]);
      g_autofree char *again = g_strdup_printf ("%02u-again-%s", i, fixtures[i]);

      copy_fixture (fixtures[i], folder, as);
      copy_fixture (fixtures[i], folder, again);
      g_ptr_array_add (made, g_build_filename (folder, as, NULL));
      g_ptr_array_add (made, g_build_filename (folder, again, NULL));
    }
  g_assert_true (g_file_set_contents (bad, "{\"Findings\": [{\"Id\": ", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not an export", -1, NULL));

  one = import_pooled (folder, 1, FALSE, &n_pooled, NULL);
  g_assert_cmpuint (n_pooled, ==, 0);
  two = import_pooled (folder, 2, FALSE, &n_pooled, NULL);
  /* Every file read went to a worker: the folder's account lookup must
   * not keep them in turn (it once kept all of them). */
  g_assert_cmpuint (n_pooled, ==, 2 * G_N_ELEMENTS (fixtures) + 1);
  four = import_described (folder, 4, FALSE);
  /* A pool that could start no thread (the system would give no more)
   * must not leave the import waiting: this thread reads every file. */
  pool_threadless = TRUE;
  none = import_pooled (folder, 2, FALSE, &n_pooled, NULL);
  pool_threadless = FALSE;
  g_assert_cmpuint (n_pooled, ==, 2 * G_N_ELEMENTS (fixtures) + 1);
  g_assert_cmpuint (n_taken_back, ==, n_pooled);
  g_assert_cmpstr (none, ==, one);
  g_assert_nonnull (strstr (one, "unreadable"));
  g_assert_nonnull (strstr (one, "not-read"));
  g_assert_cmpstr (two, ==, one);
  g_assert_cmpstr (four, ==, one);

  /* A CloudMapper tree: its files ask the importer for their account. */
  g_clear_pointer (&one, g_free);
  g_clear_pointer (&two, g_free);
  one = import_described (cloudmapper, 1, FALSE);
  two = import_described (cloudmapper, 2, FALSE);
  g_assert_cmpstr (two, ==, one);

  for (guint i = 0; i < made->len; i++)
    g_unlink (g_ptr_array_index (made, i));
  g_unlink (bad);
  g_unlink (notes);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-speed/projection/fixtures", test_projection_fixtures);
  g_test_add_func ("/import-speed/projection/shared-samples", test_projection_shared_samples);
  g_test_add_func ("/import-speed/projection/config-checks", test_projection_config_checks);
  g_test_add_func ("/import-speed/pool/same-order", test_pool_same_order);
  g_test_add_func ("/import-speed/read-ahead/same", test_read_ahead_same);

  return g_test_run ();
}
