/* fuzz-json-reader.c: libFuzzer target for the streaming JSON reader
 *
 * Feeds the input through a GMemoryInputStream to
 * dm_json_reader_read_stream() set up the way each user sets it up: the
 * importer (item paths), the importer on ScoutSuite results (pruned
 * paths) and the model loader (no items, shallow), and touches every item
 * and the document. The importer's reading ahead (items built in batches
 * for another thread) must hand over exactly what reading in turn does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "dm-json-reader.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

typedef struct
{
  guint64  items;
  guint64  last_index;
  gsize    text_length;
  gsize    size;
  guint64  bytes_read;
  gboolean refuse_items;
  DmJsonReader *ahead;  /* set to read ahead after the first item */
  guint     digest;     /* of every item's text, in order */
  gboolean  ok;
} FuzzState;

typedef enum
{
  CONFIG_IMPORTER,
  CONFIG_SCOUTSUITE,
  CONFIG_MODEL,
} ReaderConfig;

static void
progress_cb (guint64  bytes_read,
             guint64  items,
             gpointer user_data)
{
  FuzzState *state = user_data;

  /* Progress only moves forward and never past the input. */
  g_assert (bytes_read >= state->bytes_read);
  g_assert (bytes_read <= state->size);
  g_assert (items == state->items);
  state->bytes_read = bytes_read;
}

/* Every member a walk of names finds is there, once; lengths hold. */
static void
check_node (const DmJsonNode *node)
{
  if (DM_JSON_NODE_HOLDS_OBJECT (node))
    {
      DmJsonObject *object = dm_json_node_get_object (node);
      g_autoptr(GList) names = dm_json_object_get_members (object);

      g_assert (g_list_length (names) == dm_json_object_get_size (object));
      for (GList *l = names; l; l = l->next)
        check_node (dm_json_object_get_member (object, l->data));
      g_assert (dm_json_object_get_member (object, "\x01not-a-name") == NULL);
    }
  else if (DM_JSON_NODE_HOLDS_ARRAY (node))
    {
      DmJsonArray *array = dm_json_node_get_array (node);
      guint n = dm_json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        check_node (dm_json_array_get_element (array, i));
      g_assert (dm_json_array_get_element (array, n) == NULL);
    }
  else
    g_assert (node != NULL && node->type <= DM_JSON_STRING);
}

static gboolean
item_cb (DmJsonNode *item,
         const char *container,
         guint64     index,
         gpointer    user_data)
{
  FuzzState *state = user_data;
  g_autoptr(DmJsonDoc) copy = NULL;
  g_autoptr(JsonNode) glib = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_text = NULL;

  g_assert (item != NULL);
  g_assert (container != NULL);

  state->items++;
  state->last_index = index;

  /* The importer walks items and keeps copies of their strings; copying
   * and serialising reach every node the reader built. */
  check_node (item);
  copy = dm_json_doc_new_copy (item);
  text = dm_json_to_string (item);
  copy_text = dm_json_to_string (dm_json_doc_get_root (copy));
  g_assert (strcmp (text, copy_text) == 0);
  state->text_length += strlen (text);
  state->digest = state->digest * 31 + g_str_hash (text) + (guint)index;
  if (state->ahead && state->items == 1)
    dm_json_reader_set_read_ahead (state->ahead, TRUE);
  glib = dm_json_node_to_glib (item);
  g_assert (glib != NULL);

  /* The model loader refuses every item; elsewhere, a way for inputs to
   * reach the "stop" path of the reader. */
  if (state->refuse_items)
    return FALSE;
  if (DM_JSON_NODE_HOLDS_VALUE (item) && dm_json_node_get_value_type (item) == G_TYPE_STRING &&
      strcmp (dm_json_node_get_string (item), "STOP") == 0)
    return FALSE;

  return TRUE;
}

static DmJsonReader *
reader_new (ReaderConfig config)
{
  DmJsonReader *reader = dm_json_reader_new ();

  switch (config)
    {
    case CONFIG_IMPORTER:
      /* The defaults plus a bundle's "calls". */
      dm_json_reader_add_item_path (reader, "calls");
      break;

    case CONFIG_SCOUTSUITE:
      dm_json_reader_add_item_path (reader, "calls");
      dm_json_reader_add_prune_path (reader, "services.*.*");
      dm_json_reader_add_keep_path (reader, "services.*.findings");
      break;

    case CONFIG_MODEL:
      dm_json_reader_clear_item_paths (reader);
      dm_json_reader_set_max_depth (reader, 32);
      break;

    default:
      g_assert_not_reached ();
    }

  return reader;
}

static FuzzState
read_once_with (DmJsonReader  *reader,
                const uint8_t *data,
                size_t         size,
                gboolean       refuse_items,
                gboolean       ahead)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  FuzzState state = { 0 };
  DmJsonNode *document;
  guint64 error_offset;
  gboolean ok;

  state.size = size;
  state.refuse_items = refuse_items;
  state.ahead = ahead ? reader : NULL;
  dm_json_reader_set_progress (reader, progress_cb, &state);
  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  ok = dm_json_reader_read_stream (reader, stream, "fuzz.json", item_cb, &state, NULL, &error);

  /* A failed read always says why, naming the input; a good one never
   * does. */
  g_assert (ok == (error == NULL));
  if (error != NULL)
    g_assert (error->domain == DM_JSON_READER_ERROR && strstr (error->message, "fuzz.json") != NULL);
  g_assert (state.items == dm_json_reader_get_n_items (reader));

  /* The offset is that of a syntax error, inside the input, or 0. */
  error_offset = dm_json_reader_get_error_offset (reader);
  if (g_error_matches (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX))
    g_assert (error_offset >= 1 && error_offset <= size);
  else
    g_assert (error_offset == 0);

  if (ok && refuse_items)
    g_assert (state.items == 0 && !dm_json_reader_get_is_ndjson (reader));

  document = dm_json_reader_get_document (reader);
  if (ok && document != NULL)
    {
      g_autofree char *text = dm_json_to_string (document);

      g_assert (text != NULL);
      check_node (document);
    }

  (void)dm_json_reader_get_bytes_read (reader);
  (void)dm_json_reader_get_is_ndjson (reader);
  (void)dm_json_reader_get_had_prefix (reader);
  (void)dm_json_reader_get_n_pruned (reader);
  state.ok = ok;
  return state;
}

static void
read_once (DmJsonReader  *reader,
           const uint8_t *data,
           size_t         size,
           gboolean       refuse_items)
{
  read_once_with (reader, data, size, refuse_items, FALSE);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical (g_return_if_fail) or warning is a bug: make it a crash
   * libFuzzer reports, also when a reproducer runs without G_DEBUG. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DmJsonReader) importer = reader_new (CONFIG_IMPORTER);
  g_autoptr(DmJsonReader) scoutsuite = reader_new (CONFIG_SCOUTSUITE);
  g_autoptr(DmJsonReader) model = reader_new (CONFIG_MODEL);

  read_once (importer, data, size, FALSE);
  /* The same reader again, which must start from a clean state, with a
   * small limit that short inputs reach. */
  dm_json_reader_set_max_depth (importer, 4);
  read_once (importer, data, size, FALSE);

  read_once (scoutsuite, data, size, FALSE);
  read_once (model, data, size, TRUE);

  {
    g_autoptr(DmJsonReader) in_turn = dm_json_reader_new ();
    g_autoptr(DmJsonReader) ahead = dm_json_reader_new ();
    FuzzState a = read_once_with (in_turn, data, size, FALSE, FALSE);
    FuzzState b = read_once_with (ahead, data, size, FALSE, TRUE);

    g_assert (a.ok == b.ok && a.items == b.items && a.digest == b.digest && a.text_length == b.text_length);
  }
  return 0;
}
