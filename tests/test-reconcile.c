/* test-reconcile.c: a file's own counts by status equal Demarc's
 *
 * The test counts each file's results itself, by the tool's own status
 * words, and checks that Demarc's per-input counts say the same: nothing
 * dropped, nothing counted twice, nothing moved between statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "test-util.h"

#include "dm-importer.h"

/* The tools' words for each Demarc status, as README documents them. */
typedef struct
{
  const char      *word;
  DmFindingStatus  status;
} StatusWord;

static const StatusWord status_words[] = {
  { "FAIL", DM_FINDING_FAILED },          { "FAILED", DM_FINDING_FAILED },
  { "Failure", DM_FINDING_FAILED },       { "PASS", DM_FINDING_PASSED },
  { "PASSED", DM_FINDING_PASSED },        { "Pass", DM_FINDING_PASSED },
  { "Success", DM_FINDING_PASSED },       { "MANUAL", DM_FINDING_INFORMATIONAL },
  { "INFO", DM_FINDING_INFORMATIONAL },   { "Info", DM_FINDING_INFORMATIONAL },
  { "WARNING", DM_FINDING_INFORMATIONAL }, { "NOT_AVAILABLE", DM_FINDING_INFORMATIONAL },
};

typedef struct
{
  guint64     items;
  guint64     by_status[DM_N_FINDING_STATUSES];
  GHashTable *ids;      /* repeated ids are duplicates */
  guint64     repeats;
  guint64     unreadable;
} Tally;

static const char *
member_string (JsonObject *o,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; o && parts[i]; i++)
    {
      JsonNode *node = json_object_get_member (o, parts[i]);

      if (node == NULL)
        return NULL;
      if (parts[i + 1] == NULL)
        return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                 ? json_node_get_string (node) : NULL;
      o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return NULL;
}

static DmFindingStatus
status_of_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    if (g_strcmp0 (status_words[i].word, word) == 0)
      return status_words[i].status;
  g_error ("the test does not know the status word \"%s\"", word ? word : "(none)");
  return DM_FINDING_FAILED;
}

/* One result, read the way each tool documents its fields. */
static void
tally_result (Tally      *tally,
              JsonObject *o)
{
  const char *word, *id;
  gboolean suppressed;
  DmFindingStatus status;
  g_autofree char *key = NULL;

  if (json_object_has_member (o, "SchemaVersion") ||
      (json_object_has_member (o, "ProductArn") && json_object_has_member (o, "GeneratorId")))  /* ASFF */
    {
      const char *workflow = member_string (o, "Workflow.Status");

      /* Threat and vulnerability findings (GuardDuty, Inspector) have
       * no compliance check: each is something to act on. */
      word = member_string (o, "Compliance.Status");
      if (word == NULL)
        word = "FAILED";
      id = member_string (o, "Id");
      suppressed = g_strcmp0 (member_string (o, "RecordState"), "ARCHIVED") == 0 ||
                   g_strcmp0 (workflow, "SUPPRESSED") == 0 ||
                   (g_strcmp0 (workflow, "RESOLVED") == 0 && g_strcmp0 (word, "PASSED") != 0);
      key = g_strdup_printf ("%s|%s", id, member_string (o, "Title"));
    }
  else if (json_object_has_member (o, "finding_info") || json_object_has_member (o, "finding"))  /* OCSF */
    {
      word = member_string (o, "status_code");
      if (word == NULL)
        word = member_string (o, "status");
      suppressed = g_strcmp0 (member_string (o, "status"), "Suppressed") == 0;
      id = member_string (o, "finding_info.uid");
      key = g_strdup_printf ("%s|%s|%s", id ? id : member_string (o, "finding.uid"),
                             member_string (o, "message"), member_string (o, "status_detail"));
    }
  else if (json_object_has_member (o, "Status"))  /* Prowler v2 and v3 JSON */
    {
      word = member_string (o, "Status");
      suppressed = json_object_has_member (o, "Muted") && json_object_get_boolean_member (o, "Muted");
      key = g_strdup_printf ("%s|%s|%s|%s", member_string (o, "CheckID"), member_string (o, "Control ID"),
                             member_string (o, "ResourceId"), member_string (o, "Resource ID"));
      if (member_string (o, "FindingUniqueId"))
        {
          g_free (key);
          key = g_strdup (member_string (o, "FindingUniqueId"));
        }
    }
  else  /* not a result: Demarc must skip it, with a reason */
    {
      tally->items++;
      tally->unreadable++;
      return;
    }

  tally->items++;
  if (!g_hash_table_add (tally->ids, g_steal_pointer (&key)))
    {
      tally->repeats++;
      return;
    }
  status = suppressed ? DM_FINDING_SUPPRESSED : status_of_word (word);
  tally->by_status[status]++;
}

static void
tally_node (Tally    *tally,
            JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        tally_node (tally, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);

      /* Security Hub's own, DefectDojo's lower-case, EventBridge's event */
      if (json_object_has_member (o, "Findings"))
        tally_node (tally, json_object_get_member (o, "Findings"));
      else if (json_object_has_member (o, "findings"))
        tally_node (tally, json_object_get_member (o, "findings"));
      else if (json_object_has_member (o, "detail-type") && json_object_has_member (o, "detail"))
        tally_node (tally, json_object_get_member (o, "detail"));
      else
        tally_result (tally, o);
    }
  else
    {
      tally->items++;
      tally->unreadable++;
    }
}

/* Files of one JSON document, or one JSON object per line. */
static void
tally_file (Tally      *tally,
            const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* json-glib stops quietly after the first of several documents. */
  if (strstr (text, "}\n{") == NULL && json_parser_load_from_data (parser, text, -1, NULL))
    {
      tally_node (tally, json_parser_get_root (parser));
      return;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
      tally_node (tally, json_parser_get_root (parser));
    }
}

static void
assert_reconciles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  Tally tally = { 0 };
  const DmImportInput *input;
  guint64 findings = 0;

  g_test_message ("%s", path);
  tally.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tally_file (&tally, path);
  g_assert_cmpuint (tally.items, >, 0);

  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dm_importer_get_n_inputs (importer), ==, 1);
  input = dm_importer_get_input (importer, 0);

  g_assert_cmpuint (input->items, ==, tally.items);
  g_assert_cmpuint (input->skipped, ==, tally.unreadable);
  g_assert_cmpuint (input->duplicates, ==, tally.repeats);
  for (guint s = 0; s < DM_N_FINDING_STATUSES; s++)
    {
      g_assert_cmpuint (input->by_status[s], ==, tally.by_status[s]);
      findings += input->by_status[s];
    }
  g_assert_cmpuint (findings + input->duplicates + input->skipped, ==, input->items);
  g_assert_cmpuint (g_list_model_get_n_items (dm_importer_get_findings (importer)), ==, findings);
  g_hash_table_unref (tally.ids);
}

/* Scans written for these tests: every status, a muted result and a
 * result given twice. */
static void
test_own_scans (void)
{
  const char *names[] = { "prowler-ocsf-scan.json", "prowler-asff-scan.json", "prowler-v2.ndjson", "asff-mixed.json",
                          "asff-resolved.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = test_fixture_path (names[i]);

      assert_reconciles (path);
    }
}

/* Scans others wrote: every Prowler JSON sample and every Security Hub
 * sample. */
static void
test_shared_scans (void)
{
  const char *folders[] = { "prowler", "securityhub_asff" };
  g_autofree char *root = g_build_filename (SHARED_DIR, "samples", NULL);
  guint n = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/samples is not present on this machine");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (root, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          if (!g_str_has_suffix (name, ".json"))
            continue;
          assert_reconciles (path);
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reconcile/own-scans", test_own_scans);
  g_test_add_func ("/reconcile/shared-scans", test_shared_scans);

  return g_test_run ();
}
