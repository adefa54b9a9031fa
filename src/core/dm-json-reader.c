/* dm-json-reader.c
 *
 * Exports reach hundreds of MB. json-glib builds the whole tree (about 11×
 * the file in memory) and recurses once per nesting level, so a hostile file
 * can overflow the stack. Here yajl parses as a stream; only the elements of
 * the known big arrays ("Findings", "configurationItems", a top-level array,
 * NDJSON lines) are built, one small json-glib node at a time, handed to the
 * caller and freed. Everything else is kept as a small "document". Nesting
 * is limited everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-json-reader"

#include "config.h"

#include <errno.h>
#include <yajl/yajl_parse.h>

#include "dm-json-reader.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  JsonNode *node;    /* object or array being built */
  char     *key;     /* pending member name, for objects */
  char     *path;    /* dotted path from the top, "" for the top value */
  guint64   index;   /* elements emitted so far, for item arrays */
  gboolean  items;   /* elements go to the caller, not into node */
} Frame;

struct _DmJsonReader
{
  GObject             parent_instance;

  guint               max_depth;
  GPtrArray          *item_paths;
  gboolean            top_level_items;  /* a top-level array is a list of items */
  GPtrArray          *prune_paths;  /* containers read but not built */
  GPtrArray          *keep_paths;   /* exceptions to prune_paths */
  guint               pruning;      /* depth inside a pruned container, 0 when not */
  guint64             n_pruned;
  guint64             error_offset;   /* 1-based byte of the last syntax error, 0 for none */
  DmJsonProgressFunc  progress;
  gpointer            progress_data;

  /* State of one read. */
  const char         *source;
  GArray             *stack;
  JsonNode           *document;
  guint64             n_top_values;
  guint64             n_items;
  guint64             bytes_read;
  guint64             chunk_offset;
  gboolean            ndjson;
  gboolean            had_prefix;
  DmJsonItemFunc      func;
  gpointer            func_data;
  GError             *error;
};

G_DEFINE_FINAL_TYPE (DmJsonReader, dm_json_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-json-reader-error-quark, dm_json_reader_error)

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->node, json_node_unref);
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->path, g_free);
}

static void
reset (DmJsonReader *self)
{
  g_array_set_size (self->stack, 0);
  g_clear_pointer (&self->document, json_node_unref);
  g_clear_error (&self->error);
  self->n_top_values = 0;
  self->n_items = 0;
  self->bytes_read = 0;
  self->chunk_offset = 0;
  self->ndjson = FALSE;
  self->had_prefix = FALSE;
  self->pruning = 0;
  self->n_pruned = 0;
  self->error_offset = 0;
}

static void
dm_json_reader_finalize (GObject *object)
{
  DmJsonReader *self = (DmJsonReader *)object;

  reset (self);
  g_array_unref (self->stack);
  g_ptr_array_unref (self->item_paths);
  g_ptr_array_unref (self->prune_paths);
  g_ptr_array_unref (self->keep_paths);

  G_OBJECT_CLASS (dm_json_reader_parent_class)->finalize (object);
}

static void
dm_json_reader_class_init (DmJsonReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_json_reader_finalize;
}

static void
dm_json_reader_init (DmJsonReader *self)
{
  static const char *defaults[] = { "Findings", "findings", "configurationItems", "detail.findings" };

  self->max_depth = DM_JSON_READER_DEFAULT_MAX_DEPTH;
  self->stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (self->stack, frame_clear);
  self->item_paths = g_ptr_array_new_with_free_func (g_free);
  self->top_level_items = TRUE;
  self->prune_paths = g_ptr_array_new_with_free_func (g_free);
  self->keep_paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_ptr_array_add (self->item_paths, g_strdup (defaults[i]));
}

DmJsonReader *
dm_json_reader_new (void)
{
  return g_object_new (DM_TYPE_JSON_READER, NULL);
}

void
dm_json_reader_set_max_depth (DmJsonReader *self,
                              guint         max_depth)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  self->max_depth = MAX (max_depth, 1);
}

/**
 * dm_json_reader_add_item_path:
 * @path: a dotted member path, such as "detail.findings"
 *
 * Makes the array at @path an item array: its elements are handed to the
 * item function one by one instead of being kept in the document.
 */
void
dm_json_reader_add_item_path (DmJsonReader *self,
                              const char   *path)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  g_return_if_fail (path != NULL);
  g_ptr_array_add (self->item_paths, g_strdup (path));
}

/**
 * dm_json_reader_add_prune_path:
 * @pattern: a dotted path where "*" stands for any one member name, such
 *   as "services.*.*"
 *
 * Containers at matching paths are read (and checked) but not built: they
 * become null. Large parts of a document that nothing uses then cost no
 * memory. Paths given to dm_json_reader_add_keep_path() are exceptions.
 */
void
dm_json_reader_add_prune_path (DmJsonReader *self,
                               const char   *pattern)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  g_return_if_fail (pattern != NULL);
  g_ptr_array_add (self->prune_paths, g_strdup (pattern));
}

void
dm_json_reader_add_keep_path (DmJsonReader *self,
                              const char   *pattern)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  g_return_if_fail (pattern != NULL);
  g_ptr_array_add (self->keep_paths, g_strdup (pattern));
}

guint64
dm_json_reader_get_n_pruned (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), 0);
  return self->n_pruned;
}

/* For documents that are never item lists, such as models: no path, not
 * even a top-level array, holds items. */
void
dm_json_reader_clear_item_paths (DmJsonReader *self)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  g_ptr_array_set_size (self->item_paths, 0);
  self->top_level_items = FALSE;
}

/**
 * dm_json_reader_get_error_offset:
 *
 * Returns: the 1-based byte of the last read's syntax error, or 0
 */
guint64
dm_json_reader_get_error_offset (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), 0);
  return self->error_offset;
}

void
dm_json_reader_set_progress (DmJsonReader       *self,
                             DmJsonProgressFunc  func,
                             gpointer            user_data)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  self->progress = func;
  self->progress_data = user_data;
}

/* --- building values --------------------------------------------------- */

static gboolean
emit (DmJsonReader *self,
      JsonNode     *item,
      const char   *container,
      guint64       index)
{
  gboolean go_on = TRUE;

  self->n_items++;
  if (self->func != NULL)
    go_on = self->func (item, container, index, self->func_data);

  if (!go_on && self->error == NULL)
    g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_STOPPED,
                 "%s: reading stopped after item %" G_GUINT64_FORMAT, self->source, self->n_items);
  return go_on;
}

/* Takes ownership of @value and puts it where it belongs. */
static int
add_value (DmJsonReader *self,
           JsonNode     *value)
{
  Frame *frame;
  gboolean go_on = TRUE;

  if (self->stack->len == 0)
    {
      /* A second top-level value means newline-delimited JSON: every
       * top-level value, the first included, is an item. */
      if (++self->n_top_values == 1)
        {
          self->document = value;
          return 1;
        }

      if (!self->ndjson)
        {
          g_autoptr(JsonNode) first = g_steal_pointer (&self->document);

          self->ndjson = TRUE;
          if (!emit (self, first, "ndjson", 0))
            {
              json_node_unref (value);
              return 0;
            }
        }

      go_on = emit (self, value, "ndjson", self->n_top_values - 1);
      json_node_unref (value);
      return go_on;
    }

  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);

  if (frame->items)
    {
      go_on = emit (self, value, frame->path, frame->index++);
      json_node_unref (value);
    }
  else if (JSON_NODE_HOLDS_OBJECT (frame->node))
    {
      /* A key always precedes an object member in a well-formed stream. */
      json_object_set_member (json_node_get_object (frame->node),
                              frame->key ? frame->key : "", value);
      g_clear_pointer (&frame->key, g_free);
    }
  else
    json_array_add_element (json_node_get_array (frame->node), value);

  return go_on;
}

static char *
child_path (DmJsonReader *self)
{
  Frame *parent;

  if (self->stack->len == 0)
    return g_strdup ("");

  parent = &g_array_index (self->stack, Frame, self->stack->len - 1);
  if (JSON_NODE_HOLDS_OBJECT (parent->node))
    return *parent->path
      ? g_strconcat (parent->path, ".", parent->key ? parent->key : "", NULL)
      : g_strdup (parent->key ? parent->key : "");

  return g_strconcat (parent->path, "[]", NULL);
}

static gboolean
is_item_path (DmJsonReader *self,
              const char   *path)
{
  for (guint i = 0; i < self->item_paths->len; i++)
    if (g_str_equal (g_ptr_array_index (self->item_paths, i), path))
      return TRUE;
  return FALSE;
}

/* "*" matches one member name; array elements ("[]") never match it. */
static gboolean
path_matches (const char *pattern,
              const char *path)
{
  g_auto(GStrv) p = g_strsplit (pattern, ".", -1);
  g_auto(GStrv) q = g_strsplit (path, ".", -1);
  guint n = g_strv_length (p);

  if (n != g_strv_length (q))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (p[i], "*") ? strstr (q[i], "[]") != NULL : !g_str_equal (p[i], q[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_pruned (DmJsonReader *self,
           const char   *path)
{
  gboolean pruned = FALSE;

  for (guint i = 0; !pruned && i < self->prune_paths->len; i++)
    pruned = path_matches (g_ptr_array_index (self->prune_paths, i), path);
  for (guint i = 0; pruned && i < self->keep_paths->len; i++)
    if (path_matches (g_ptr_array_index (self->keep_paths, i), path))
      pruned = FALSE;
  return pruned;
}

static int
push (DmJsonReader *self,
      JsonNodeType  type)
{
  Frame frame = { 0 };

  if (self->pruning > 0)
    {
      /* Pruned or not, nesting has the same limit. */
      if (self->stack->len + ++self->pruning > self->max_depth)
        {
          g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP,
                       "%s: nested deeper than %u levels", self->source, self->max_depth);
          return 0;
        }
      return 1;
    }

  if (self->prune_paths->len > 0 && self->stack->len > 0)
    {
      g_autofree char *path = child_path (self);

      if (is_pruned (self, path))
        {
          self->pruning = 1;
          self->n_pruned++;
          return 1;
        }
    }

  if (self->stack->len >= self->max_depth)
    {
      g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP,
                   "%s: nested deeper than %u levels", self->source, self->max_depth);
      return 0;
    }

  frame.path = child_path (self);
  frame.node = json_node_new (type);
  if (type == JSON_NODE_OBJECT)
    json_node_take_object (frame.node, json_object_new ());
  else
    {
      json_node_take_array (frame.node, json_array_new ());
      /* Item arrays: a top-level array, or one at a known path. */
      frame.items = (self->stack->len == 0 && self->top_level_items) || is_item_path (self, frame.path);
    }

  g_array_append_val (self->stack, frame);
  return 1;
}

static int
pop (DmJsonReader *self)
{
  Frame *frame;
  JsonNode *node;

  if (self->pruning > 0)
    {
      /* The pruned container's place holds null. */
      if (--self->pruning == 0)
        return add_value (self, json_node_new (JSON_NODE_NULL));
      return 1;
    }

  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);
  node = g_steal_pointer (&frame->node);

  g_array_set_size (self->stack, self->stack->len - 1);
  return add_value (self, node);
}

static int
on_null (void *ctx)
{
  if (((DmJsonReader *)ctx)->pruning)
    return 1;
  return add_value (ctx, json_node_new (JSON_NODE_NULL));
}

static int
on_boolean (void *ctx,
            int   value)
{
  JsonNode *node;

  if (((DmJsonReader *)ctx)->pruning)
    return 1;
  node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value != 0);
  return add_value (ctx, node);
}

static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  g_autofree char *copy = NULL;
  JsonNode *node;
  gboolean integral;
  gint64 value = 0;

  if (((DmJsonReader *)ctx)->pruning)
    return 1;
  copy = g_strndup (text, length);
  node = json_node_new (JSON_NODE_VALUE);
  integral = strpbrk (copy, ".eE") == NULL;

  if (integral)
    {
      errno = 0;
      value = g_ascii_strtoll (copy, NULL, 10);
      /* Integers beyond 64 bits are kept as doubles, not clamped. */
      integral = errno != ERANGE;
    }

  if (integral)
    json_node_set_int (node, value);
  else
    json_node_set_double (node, g_ascii_strtod (copy, NULL));

  return add_value (ctx, node);
}

/* json-glib strings end at the first NUL; an escaped \u0000 must not cut a
 * string short silently, so it becomes U+FFFD. */
static char *
dup_string (const unsigned char *text,
            size_t               length)
{
  GString *s;

  if (memchr (text, '\0', length) == NULL)
    return g_strndup ((const char *)text, length);

  s = g_string_sized_new (length + 8);
  for (size_t i = 0; i < length; i++)
    {
      if (text[i] == '\0')
        g_string_append (s, "\xEF\xBF\xBD");
      else
        g_string_append_c (s, text[i]);
    }
  return g_string_free (s, FALSE);
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               length)
{
  JsonNode *node;
  g_autofree char *copy = NULL;

  if (((DmJsonReader *)ctx)->pruning)
    return 1;
  node = json_node_new (JSON_NODE_VALUE);
  copy = dup_string (text, length);

  json_node_set_string (node, copy);
  return add_value (ctx, node);
}

static int
on_start_map (void *ctx)
{
  return push (ctx, JSON_NODE_OBJECT);
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               length)
{
  DmJsonReader *self = ctx;
  Frame *frame;

  if (self->pruning)
    return 1;
  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);
  g_free (frame->key);
  frame->key = dup_string (key, length);
  return 1;
}

static int
on_end (void *ctx)
{
  return pop (ctx);
}

static int
on_start_array (void *ctx)
{
  return push (ctx, JSON_NODE_ARRAY);
}

static const yajl_callbacks callbacks = {
  on_null,
  on_boolean,
  NULL,
  NULL,
  on_number,
  on_string,
  on_start_map,
  on_map_key,
  on_end,
  on_start_array,
  on_end,
};

/* --- reading ----------------------------------------------------------- */

/* ScoutSuite writes "scoutsuite_results =" before its JSON. Returns how many
 * bytes of @data to skip: a UTF-8 BOM and such a JavaScript assignment. */
static gsize
prefix_length (DmJsonReader *self,
               const char   *data,
               gsize         length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i < length && (g_ascii_isalpha (data[i]) || data[i] == '_' || data[i] == '$'))
    {
      gsize j = i;

      while (j < length && j < i + 256 && (g_ascii_isalnum (data[j]) || data[j] == '_' ||
                                           data[j] == '$' || data[j] == '.' || g_ascii_isspace (data[j])))
        j++;
      /* "true", "false" and "null" are JSON, not an assignment. */
      if (j < length && data[j] == '=')
        {
          self->had_prefix = TRUE;
          return j + 1;
        }
    }

  return i;
}

static void
set_parse_error (DmJsonReader *self,
                 yajl_handle   handle,
                 const char   *chunk,
                 gsize         length,
                 GError      **error)
{
  g_autofree char *message = NULL;
  gsize consumed = yajl_get_bytes_consumed (handle);
  guint64 offset;
  unsigned char *text;

  /* yajl counts the offending byte as consumed (its 1-based position),
   * except a '/' it rejects as a comment, which it un-reads: count it.
   * Either way the position lies within what was read. */
  if (consumed < length && chunk[consumed] == '/')
    consumed++;
  offset = self->chunk_offset + CLAMP (consumed, 1, MAX (length, 1));

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return;
    }

  self->error_offset = offset;
  text = yajl_get_error (handle, 0, (const unsigned char *)chunk, length);
  message = g_strstrip (g_strdup ((const char *)text));
  yajl_free_error (handle, text);

  if (g_str_has_prefix (message, "parse error: "))
    memmove (message, message + strlen ("parse error: "), strlen (message) - strlen ("parse error: ") + 1);

  g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX,
               "%s: invalid JSON at byte %" G_GUINT64_FORMAT ": %s", self->source, offset, message);
}

/**
 * dm_json_reader_read_stream:
 * @source_name: how to name the input in error messages
 * @func: (nullable): called for each item
 *
 * Reads @stream to its end. Every error names @source_name and, for
 * malformed input, the byte offset.
 *
 * Returns: %TRUE when the whole input was read
 */
gboolean
dm_json_reader_read_stream (DmJsonReader    *self,
                            GInputStream    *stream,
                            const char      *source_name,
                            DmJsonItemFunc   func,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autofree char *buffer = NULL;
  yajl_handle handle;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  gboolean saw_content = FALSE;

  g_return_val_if_fail (DM_IS_JSON_READER (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset (self);
  self->source = source_name;
  self->func = func;
  self->func_data = user_data;

  buffer = g_malloc (CHUNK_SIZE);
  handle = yajl_alloc (&callbacks, NULL, self);
  yajl_config (handle, yajl_allow_multiple_values, 1);

  for (;;)
    {
      GError *read_error = NULL;
      const char *data = buffer;
      gssize n;

      n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, &read_error);
      if (n < 0)
        {
          g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_IO,
                       "%s: %s", source_name, read_error->message);
          g_error_free (read_error);
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;

      if (first)
        {
          gsize skip = prefix_length (self, buffer, n);

          first = FALSE;
          if (self->had_prefix)
            {
              /* An assignment may end in ";": allow trailing text. */
              yajl_config (handle, yajl_allow_multiple_values, 0);
              yajl_config (handle, yajl_allow_trailing_garbage, 1);
            }
          data += skip;
          n -= skip;
          self->chunk_offset += skip;
          self->bytes_read += skip;
        }

      for (gssize i = 0; !saw_content && i < n; i++)
        if (!g_ascii_isspace (data[i]))
          saw_content = TRUE;

      if (yajl_parse (handle, (const unsigned char *)data, n) != yajl_status_ok)
        {
          set_parse_error (self, handle, data, n, error);
          ok = FALSE;
          break;
        }

      self->chunk_offset += n;
      self->bytes_read += n;
      if (self->progress)
        self->progress (self->bytes_read, self->n_items, self->progress_data);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
    }

  if (ok && !saw_content)
    {
      g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_EMPTY,
                   "%s: the file is empty", source_name);
      ok = FALSE;
    }
  else if (ok && (yajl_complete_parse (handle) != yajl_status_ok || self->stack->len > 0))
    {
      if (self->error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->error));
      else
        g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TRUNCATED,
                     "%s: the file ends in the middle of a JSON value (after %" G_GUINT64_FORMAT " bytes)",
                     source_name, self->bytes_read);
      ok = FALSE;
    }

  yajl_free (handle);
  g_array_set_size (self->stack, 0);
  g_clear_error (&self->error);
  self->func = NULL;
  self->func_data = NULL;
  self->source = NULL;

  return ok;
}

/**
 * dm_json_reader_read_file:
 *
 * Reads @file; it is opened read-only and never written.
 */
gboolean
dm_json_reader_read_file (DmJsonReader    *self,
                          GFile           *file,
                          DmJsonItemFunc   func,
                          gpointer         user_data,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DM_IS_JSON_READER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }

  /* AWS Config delivers gzip files: inflated as they are read, never whole. */
  {
    g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (G_INPUT_STREAM (stream));
    const guchar *head;
    gsize n = 0;

    if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, cancellable, &local_error) < 0)
      {
        g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_IO, "%s: %s", name, local_error->message);
        return FALSE;
      }
    head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
    if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
      {
        g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
        g_autoptr(GInputStream) inflated = g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));

        return dm_json_reader_read_stream (self, inflated, name, func, user_data, cancellable, error);
      }
    return dm_json_reader_read_stream (self, buffered, name, func, user_data, cancellable, error);
  }
}

/**
 * dm_json_reader_get_document:
 *
 * Returns: (transfer none) (nullable): the top-level value with its item
 *   arrays left empty; %NULL for NDJSON or before a successful read
 */
JsonNode *
dm_json_reader_get_document (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), NULL);
  return self->document;
}

guint64
dm_json_reader_get_n_items (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), 0);
  return self->n_items;
}

guint64
dm_json_reader_get_bytes_read (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), 0);
  return self->bytes_read;
}

gboolean
dm_json_reader_get_is_ndjson (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), FALSE);
  return self->ndjson;
}

gboolean
dm_json_reader_get_had_prefix (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), FALSE);
  return self->had_prefix;
}
