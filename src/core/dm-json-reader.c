/* dm-json-reader.c
 *
 * Exports reach hundreds of MB. json-glib builds the whole tree (about 11×
 * the file in memory) and recurses once per nesting level, so a hostile file
 * can overflow the stack. Here yajl parses as a stream; only the elements of
 * the known big arrays ("Findings", "configurationItems", a top-level array,
 * NDJSON lines) are built, one at a time in an arena (dm-json-node.h),
 * handed to the caller and dropped by rewinding the arena. Everything else
 * is kept as a small "document". Nesting is limited everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-json-reader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <yajl/yajl_parse.h>

#include "dm-hash.h"
#include "dm-json-pipe.h"
#include "dm-json-reader.h"

#define CHUNK_SIZE (64 * 1024)

/* One level of a projection: the members kept, each with its own
 * projection; all means the whole subtree. */
typedef struct _ProjectionNode ProjectionNode;
struct _ProjectionNode
{
  char           *name;
  gsize           length;
  gboolean        all;
  GPtrArray      *children;  /* ProjectionNode */
  guint32        *slots;     /* when there are many: child + 1 by dm_name_hash () */
  guint           mask;
};

struct _DmJsonProjection
{
  ProjectionNode root;
};

typedef struct
{
  DmJsonType            type;    /* object or array being built */
  guint                 start;   /* its values so far: from here in build */
  const char           *key;     /* pending member name, for objects: in the arena */
  gboolean              has_key;
  DmJsonArenaMark       mark;    /* for item arrays: where each item starts */
  char                 *path;    /* dotted path from the top, "" for the top value;
                                  * NULL inside items, where no path applies */
  guint64               index;   /* elements emitted so far, for item arrays */
  gboolean              items;   /* elements go to the caller, not into node */
  gboolean              in_item; /* this container is an item or inside one */
  const ProjectionNode *proj;    /* members to build, NULL for all */
  const ProjectionNode *member_proj; /* the pending member's, for objects */
  gboolean              capture; /* a projected item: its text is kept */
  gboolean              ahead;   /* item array whose items go through the pipe */
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
  DmJsonProjection   *projection;   /* for object items, or NULL */
  gboolean            paths_in_items; /* some item or prune path could match inside an item */
  DmJsonProgressFunc  progress;
  gpointer            progress_data;

  /* State of one read. */
  const char         *source;
  GArray             *stack;
  DmJsonMember       *members;    /* the members of the open objects */
  guint               n_members;
  guint               members_size;
  DmJsonNode         *elements;   /* the elements of the open arrays */
  guint               n_elements;
  guint               elements_size;
  DmJsonArena        *arena;      /* the document's nodes, and the item's being read */
  DmJsonArena        *build;      /* where new nodes go: arena, or the pipe's batch */
  DmJsonArenaMark     top_mark;   /* the arena before any top-level value */
  DmJsonNode          document;   /* the first top-level value, once read */
  DmJsonDoc          *doc;        /* it, after a successful read */
  guint64             n_top_values;
  guint64             n_items;
  guint64             bytes_read;
  guint64             chunk_offset;
  gboolean            ndjson;
  gboolean            had_prefix;
  DmJsonItemFunc      func;
  gpointer            func_data;
  GError             *error;
  GString            *scratch;    /* one string value, NUL-terminated */
  guint               skipping;   /* depth inside a member the projection leaves out */
  gboolean            skip_next;  /* the next value is such a member */
  yajl_handle         handle;
  const char         *chunk;      /* what yajl is parsing */
  GByteArray         *raw;        /* the projected item's own text */
  GByteArray         *raw_target; /* raw, or the pipe's batch */
  gsize               raw_start;  /* where the item's text starts in raw_target */
  gsize               raw_from;   /* where it starts in chunk */
  gboolean            capturing;
  gboolean            item_projected; /* the item being emitted was projected */
  gboolean            read_ahead;
  DmJsonPipe         *pipe;       /* items read ahead, for another thread */

  /* The item the function has, on the thread it runs on. */
  gboolean            projected;
  const char         *item_text;
  gsize               item_text_length;
  DmJsonReader       *full_reader;
};

G_DEFINE_FINAL_TYPE (DmJsonReader, dm_json_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (dm-json-reader-error-quark, dm_json_reader_error)

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->path, g_free);
}

static void
reset (DmJsonReader *self)
{
  g_array_set_size (self->stack, 0);
  self->n_members = 0;
  self->n_elements = 0;
  g_clear_pointer (&self->doc, dm_json_doc_unref);
  g_clear_pointer (&self->arena, dm_json_arena_free);
  self->build = NULL;
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
  self->skipping = 0;
  self->skip_next = FALSE;
  self->capturing = FALSE;
  self->item_projected = FALSE;
  self->projected = FALSE;
  self->read_ahead = FALSE;
  g_byte_array_set_size (self->raw, 0);
}

static void
dm_json_reader_finalize (GObject *object)
{
  DmJsonReader *self = (DmJsonReader *)object;

  reset (self);
  g_array_unref (self->stack);
  g_free (self->members);
  g_free (self->elements);
  g_ptr_array_unref (self->item_paths);
  g_ptr_array_unref (self->prune_paths);
  g_ptr_array_unref (self->keep_paths);
  g_string_free (self->scratch, TRUE);
  g_byte_array_unref (self->raw);
  g_clear_object (&self->full_reader);

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
  /* Never NULL: a container's values start at an offset into them. */
  self->members_size = self->elements_size = 256;
  self->members = g_new (DmJsonMember, self->members_size);
  self->elements = g_new (DmJsonNode, self->elements_size);
  self->item_paths = g_ptr_array_new_with_free_func (g_free);
  self->top_level_items = TRUE;
  self->prune_paths = g_ptr_array_new_with_free_func (g_free);
  self->keep_paths = g_ptr_array_new_with_free_func (g_free);
  self->scratch = g_string_sized_new (256);
  self->raw = g_byte_array_new ();

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
  if (strstr (path, "[]") != NULL)
    self->paths_in_items = TRUE;
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
  self->paths_in_items = TRUE;
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

/* --- projections ------------------------------------------------------- */

static void
projection_node_clear (ProjectionNode *node)
{
  g_free (node->name);
  g_clear_pointer (&node->slots, g_free);
  g_clear_pointer (&node->children, g_ptr_array_unref);
}

static void
projection_node_free (gpointer data)
{
  projection_node_clear (data);
  g_free (data);
}

static void
index_children (ProjectionNode *node)
{
  guint capacity = 16;

  while (capacity < 2 * node->children->len)
    capacity *= 2;
  g_free (node->slots);
  node->slots = g_new0 (guint32, capacity);
  node->mask = capacity - 1;
  for (guint c = 0; c < node->children->len; c++)
    {
      const ProjectionNode *child = g_ptr_array_index (node->children, c);
      guint slot = dm_name_hash (child->name, child->length) & node->mask;

      while (node->slots[slot])
        slot = (slot + 1) & node->mask;
      node->slots[slot] = c + 1;
    }
}

/* @name need not be NUL-terminated. */
static const ProjectionNode *
projection_child (const ProjectionNode *node,
                  const char           *name,
                  gsize                 length)
{
  if (node->slots)
    {
      for (guint slot = dm_name_hash (name, length) & node->mask; node->slots[slot]; slot = (slot + 1) & node->mask)
        {
          const ProjectionNode *child = g_ptr_array_index (node->children, node->slots[slot] - 1);

          if (child->length == length && memcmp (child->name, name, length) == 0)
            return child;
        }
      return NULL;
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const ProjectionNode *child = g_ptr_array_index (node->children, i);

      if (child->length == length && memcmp (child->name, name, length) == 0)
        return child;
    }
  return NULL;
}

/**
 * dm_json_projection_new:
 *
 * A projection names the members of an item that are built: every other
 * member is parsed (and checked) but never allocated.
 */
DmJsonProjection *
dm_json_projection_new (void)
{
  return g_new0 (DmJsonProjection, 1);
}

/**
 * dm_json_projection_add:
 * @path: a dotted member path from the item, such as "Severity.Label";
 *   array elements are looked through ("Resources.Id" keeps the Id of each
 *   of Resources' objects)
 *
 * Keeps @path and its whole value; its parents are kept with only the
 * members some path names.
 */
void
dm_json_projection_add (DmJsonProjection *projection,
                        const char       *path)
{
  g_auto(GStrv) parts = NULL;
  ProjectionNode *node;

  g_return_if_fail (projection != NULL);
  g_return_if_fail (path != NULL && *path);

  parts = g_strsplit (path, ".", -1);
  node = &projection->root;
  for (guint i = 0; parts[i] && !node->all; i++)
    {
      ProjectionNode *child = (ProjectionNode *)projection_child (node, parts[i], strlen (parts[i]));

      if (child == NULL)
        {
          child = g_new0 (ProjectionNode, 1);
          child->name = g_strdup (parts[i]);
          child->length = strlen (parts[i]);
          if (node->children == NULL)
            node->children = g_ptr_array_new_with_free_func (projection_node_free);
          g_ptr_array_add (node->children, child);
          if (node->children->len > 4)
            index_children (node);
        }
      node = child;
    }
  /* A whole member needs none of its parts named. */
  node->all = TRUE;
  g_clear_pointer (&node->slots, g_free);
  g_clear_pointer (&node->children, g_ptr_array_unref);
}

void
dm_json_projection_add_all (DmJsonProjection  *projection,
                            const char * const *paths)
{
  for (guint i = 0; paths && paths[i]; i++)
    dm_json_projection_add (projection, paths[i]);
}

void
dm_json_projection_free (DmJsonProjection *projection)
{
  if (projection == NULL)
    return;
  projection_node_clear (&projection->root);
  g_free (projection);
}

/**
 * dm_json_reader_set_projection:
 * @projection: (nullable) (transfer none): kept until the read ends or
 *   another is set; %NULL builds items whole
 *
 * Object items that begin from now on are built projected. Their text is
 * kept while they are read, so that the item function can ask for the
 * whole item with dm_json_reader_get_whole_item().
 */
void
dm_json_reader_set_projection (DmJsonReader     *self,
                               DmJsonProjection *projection)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  /* Items already built ahead were built with the one before. */
  g_return_if_fail (!self->read_ahead);
  self->projection = projection;
}

/**
 * dm_json_reader_set_read_ahead:
 *
 * In the item function, for an item handed over on the reader's own
 * thread (the first of its array is): the items after this one in its
 * array may be built before the function has returned for those before,
 * and handed to it on another thread, so that reading and assessing a
 * large file take a core each. Progress is then reported from that
 * thread, after each batch. They still come one at a time, in order, each valid
 * until the function returns for it. Items of arrays inside items, and
 * values one per line, are handed over as they are read. The projection
 * cannot change after this. It holds until the read ends.
 */
void
dm_json_reader_set_read_ahead (DmJsonReader *self,
                               gboolean      read_ahead)
{
  g_return_if_fail (DM_IS_JSON_READER (self));
  self->read_ahead = read_ahead;
}

/* Valid in the item function: whether the item lacks members. */
gboolean
dm_json_reader_get_item_is_projected (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), FALSE);
  return self->projected;
}

/**
 * dm_json_reader_get_whole_item:
 *
 * In the item function, for a projected item: the same item with every
 * member, built from its text by the same rules.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL when the item
 *   was not projected
 */
DmJsonDoc *
dm_json_reader_get_whole_item (DmJsonReader *self)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (DM_IS_JSON_READER (self), NULL);
  if (!self->projected)
    return NULL;

  if (self->full_reader == NULL)
    {
      self->full_reader = dm_json_reader_new ();
      dm_json_reader_clear_item_paths (self->full_reader);
    }
  self->full_reader->max_depth = self->max_depth;
  stream = g_memory_input_stream_new_from_data (self->item_text, self->item_text_length, NULL);
  /* The text was read once already: it cannot fail now. */
  if (!dm_json_reader_read_stream (self->full_reader, stream, self->source ? self->source : "", NULL, NULL, NULL,
                                   NULL))
    return NULL;
  return dm_json_reader_ref_document (self->full_reader);
}

/* --- building values --------------------------------------------------- */

/* On the thread the function runs on: the reader's, or the pipe's. */
static gboolean
deliver (const DmJsonPipeItem *item,
         gpointer              user_data)
{
  DmJsonReader *self = user_data;
  gboolean go_on = TRUE;

  self->n_items++;
  self->projected = item->projected;
  self->item_text = item->text;
  self->item_text_length = item->text_length;
  if (self->func != NULL)
    go_on = self->func ((DmJsonNode *)item->node, item->container, item->index, self->func_data);
  self->projected = FALSE;
  self->item_text = NULL;
  self->item_text_length = 0;
  return go_on;
}

static void
batch_done (guint64  bytes_read,
            gpointer user_data)
{
  DmJsonReader *self = user_data;

  /* Until a thread takes the batches, the reader reports after each
   * chunk, further on than a batch handed over late. */
  if (self->progress && dm_json_pipe_get_threaded (self->pipe))
    self->progress (bytes_read, self->n_items, self->progress_data);
}

static gboolean
stopped (DmJsonReader *self)
{
  if (self->error == NULL)
    g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_STOPPED,
                 "%s: reading stopped after item %" G_GUINT64_FORMAT, self->source, self->n_items);
  return FALSE;
}

/* From now on, @frame's items are built in the pipe's batches. Not for
 * arrays inside items, whose items would be handed over while the item
 * holding them is still being built. */
static void
start_ahead (DmJsonReader *self,
             Frame        *frame)
{
  if (frame == NULL || frame->in_item || self->paths_in_items || self->func == NULL)
    return;
  if (self->pipe == NULL)
    self->pipe = dm_json_pipe_new (deliver, batch_done, self);
  frame->ahead = TRUE;
  self->build = dm_json_pipe_get_arena (self->pipe);
}

/* @frame: the item array @item is an element of, NULL for a top-level value */
static gboolean
emit (DmJsonReader *self,
      Frame        *frame,
      DmJsonNode   *item,
      const char   *container,
      guint64       index)
{
  DmJsonPipeItem handed = { item, container, index, self->item_projected, NULL, 0 };

  self->item_projected = FALSE;
  if (frame && frame->ahead)
    {
      if (!dm_json_pipe_push (self->pipe, item, container, index, handed.projected, self->raw_start, self->bytes_read))
        {
          dm_json_pipe_drain (self->pipe);
          return stopped (self);
        }
      self->build = dm_json_pipe_get_arena (self->pipe);
      return TRUE;
    }

  /* The items read ahead come first. */
  if (self->pipe)
    {
      dm_json_pipe_drain (self->pipe);
      if (dm_json_pipe_get_stopped (self->pipe))
        return stopped (self);
    }
  if (handed.projected)
    {
      handed.text = (const char *)self->raw->data;
      handed.text_length = self->raw->len;
    }
  if (!deliver (&handed, self))
    return stopped (self);
  if (self->read_ahead)
    start_ahead (self, frame);
  return TRUE;
}

static const char *
frame_key (DmJsonReader *self,
           Frame        *frame)
{
  return frame->has_key ? frame->key : "";
}

/* A second top-level value means newline-delimited JSON (or values one
 * after the other): every top-level value, the first included, is an
 * item. The first is handed over as soon as the second begins, so that
 * items keep the file's order when the second holds an item array the
 * reader streams (an EventBridge event's detail.findings). The first is
 * still in the arena: it is dropped with the next rewind to the top, once
 * nothing of the second value is there. */
static gboolean
start_ndjson (DmJsonReader *self)
{
  DmJsonNode first = self->document;

  self->ndjson = TRUE;
  return emit (self, NULL, &first, "ndjson", 0);
}

/* Puts @value where it belongs: in the open container, or to the caller. */
static int
add_value (DmJsonReader     *self,
           const DmJsonNode *value)
{
  DmJsonMember member = { NULL, *value };
  Frame *frame;
  gboolean go_on = TRUE;

  if (self->stack->len == 0)
    {
      if (++self->n_top_values == 1)
        {
          self->document = *value;
          return 1;
        }

      if (!self->ndjson && !start_ndjson (self))
        return 0;

      go_on = emit (self, NULL, &member.value, "ndjson", self->n_top_values - 1);
      dm_json_arena_rewind (self->arena, &self->top_mark);
      return go_on;
    }

  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);

  if (frame->items)
    {
      go_on = emit (self, frame, &member.value, frame->path, frame->index++);
      dm_json_arena_rewind (self->arena, &frame->mark);
      return go_on;
    }

  if (frame->type == DM_JSON_OBJECT)
    {
      /* A key always precedes an object member in a well-formed stream. */
      member.name = frame_key (self, frame);
      frame->has_key = FALSE;
      if (G_UNLIKELY (self->n_members == self->members_size))
        {
          self->members_size *= 2;
          self->members = g_renew (DmJsonMember, self->members, self->members_size);
        }
      self->members[self->n_members++] = member;
    }
  else
    {
      if (G_UNLIKELY (self->n_elements == self->elements_size))
        {
          self->elements_size *= 2;
          self->elements = g_renew (DmJsonNode, self->elements, self->elements_size);
        }
      self->elements[self->n_elements++] = member.value;
    }
  return go_on;
}

static char *
child_path (DmJsonReader *self)
{
  Frame *parent;

  if (self->stack->len == 0)
    return g_strdup ("");

  parent = &g_array_index (self->stack, Frame, self->stack->len - 1);
  if (parent->path == NULL)
    return NULL;
  if (parent->type == DM_JSON_OBJECT)
    return *parent->path
      ? g_strconcat (parent->path, ".", frame_key (self, parent), NULL)
      : g_strdup (frame_key (self, parent));

  return g_strconcat (parent->path, "[]", NULL);
}

static gboolean
is_item_path (DmJsonReader *self,
              const char   *path)
{
  for (guint i = 0; path && i < self->item_paths->len; i++)
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
too_deep (DmJsonReader *self)
{
  g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_TOO_DEEP,
               "%s: nested deeper than %u levels", self->source, self->max_depth);
  return 0;
}

/* A projected item's text runs from its "{" to its "}". */
static void
start_capture (DmJsonReader *self,
               gboolean      ahead)
{
  if (ahead)
    self->raw_target = dm_json_pipe_get_text (self->pipe);
  else
    {
      self->raw_target = self->raw;
      g_byte_array_set_size (self->raw, 0);
    }
  self->raw_start = self->raw_target->len;
  self->raw_from = yajl_get_bytes_consumed (self->handle) - 1;
  self->capturing = TRUE;
}

static void
capture_to (DmJsonReader *self,
            gsize         end)
{
  if (end > self->raw_from)
    g_byte_array_append (self->raw_target, (const guint8 *)self->chunk + self->raw_from, end - self->raw_from);
  self->raw_from = 0;
}

/* Where the new container is, within an item and its projection. */
static void
place_frame (DmJsonReader *self,
             Frame        *frame,
             DmJsonType    type)
{
  Frame *parent = self->stack->len ? &g_array_index (self->stack, Frame, self->stack->len - 1) : NULL;

  if (parent == NULL)
    return;
  frame->in_item = parent->in_item || parent->items;
  if (parent->items)
    {
      /* An item: projected when it is an object and a projection is set. */
      if (type == DM_JSON_OBJECT && self->projection)
        {
          frame->proj = &self->projection->root;
          frame->capture = TRUE;
          start_capture (self, parent->ahead);
        }
    }
  else if (parent->type == DM_JSON_OBJECT)
    frame->proj = parent->member_proj;
  else
    frame->proj = parent->proj;
}

static int
push (DmJsonReader *self,
      DmJsonType    type)
{
  Frame frame = { 0 };

  if (self->pruning > 0 || self->skipping > 0)
    {
      /* Pruned, left out or not, nesting has the same limit. */
      if (self->stack->len + self->pruning + self->skipping + 1 > self->max_depth)
        return too_deep (self);
      if (self->pruning > 0)
        self->pruning++;
      else
        self->skipping++;
      return 1;
    }

  if (self->skip_next)
    {
      self->skip_next = FALSE;
      if (self->stack->len + 1 > self->max_depth)
        return too_deep (self);
      self->skipping = 1;
      return 1;
    }

  if (self->prune_paths->len > 0 && self->stack->len > 0)
    {
      g_autofree char *path = child_path (self);

      if (path && is_pruned (self, path))
        {
          self->pruning = 1;
          self->n_pruned++;
          return 1;
        }
    }

  if (self->stack->len >= self->max_depth)
    return too_deep (self);
  if (self->stack->len == 0 && self->n_top_values >= 1)
    {
      /* The values before this one were handed over: nothing of this one
       * is in the arena yet. */
      if (!self->ndjson && !start_ndjson (self))
        return 0;
      dm_json_arena_rewind (self->arena, &self->top_mark);
    }

  place_frame (self, &frame, type);
  /* Inside items no path applies, unless some could. */
  if (!frame.in_item || self->paths_in_items)
    frame.path = child_path (self);
  frame.type = type;
  frame.start = type == DM_JSON_OBJECT ? self->n_members : self->n_elements;
  /* Item arrays: a top-level array, or one at a known path. */
  if (type == DM_JSON_ARRAY)
    frame.items = (self->stack->len == 0 && self->top_level_items) || is_item_path (self, frame.path);
  if (frame.items)
    dm_json_arena_mark (self->arena, &frame.mark);

  g_array_append_val (self->stack, frame);
  return 1;
}

static int
pop (DmJsonReader *self)
{
  Frame *frame;
  DmJsonNode node;
  guint n;

  if (self->skipping > 0)
    {
      self->skipping--;
      return 1;
    }
  if (self->pruning > 0)
    {
      /* The pruned container's place holds null. */
      if (--self->pruning == 0)
        {
          DmJsonNode null = { DM_JSON_NULL, 0, { 0 } };

          return add_value (self, &null);
        }
      return 1;
    }

  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);
  /* The array itself is the document's. */
  if (frame->ahead)
    self->build = self->arena;
  if (frame->type == DM_JSON_OBJECT)
    {
      n = self->n_members - frame->start;
      dm_json_node_init_object (&node, self->build, self->members + frame->start, n);
      self->n_members = frame->start;
    }
  else
    {
      n = self->n_elements - frame->start;
      dm_json_node_init_array (&node, self->build, self->elements + frame->start, n);
      self->n_elements = frame->start;
    }
  if (frame->capture)
    {
      capture_to (self, yajl_get_bytes_consumed (self->handle));
      self->capturing = FALSE;
      self->item_projected = TRUE;
    }
  g_array_set_size (self->stack, self->stack->len - 1);
  return add_value (self, &node);
}

/* A value the projection leaves out, or inside one left out or pruned. */
static gboolean
passed_over (DmJsonReader *self)
{
  if (self->skip_next)
    {
      self->skip_next = FALSE;
      return TRUE;
    }
  return self->pruning > 0 || self->skipping > 0;
}

static int
on_null (void *ctx)
{
  DmJsonNode node = { DM_JSON_NULL, 0, { 0 } };

  if (passed_over (ctx))
    return 1;
  return add_value (ctx, &node);
}

static int
on_boolean (void *ctx,
            int   value)
{
  DmJsonNode node = { DM_JSON_BOOLEAN, 0, { .boolean = value != 0 } };

  if (passed_over (ctx))
    return 1;
  return add_value (ctx, &node);
}

static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  DmJsonReader *self = ctx;
  DmJsonNode node = { DM_JSON_INT, 0, { 0 } };
  gboolean integral;
  gint64 value = 0;
  const char *copy;

  if (passed_over (self))
    return 1;
  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, text, length);
  copy = self->scratch->str;
  integral = strpbrk (copy, ".eE") == NULL;

  if (integral)
    {
      errno = 0;
      value = g_ascii_strtoll (copy, NULL, 10);
      /* Integers beyond 64 bits are kept as doubles, not clamped. */
      integral = errno != ERANGE;
    }

  if (integral)
    node.v.integer = value;
  else
    {
      node.type = DM_JSON_DOUBLE;
      node.v.number = g_ascii_strtod (copy, NULL);
    }

  return add_value (ctx, &node);
}

/* Whether the bytes are ASCII without NUL, eight at a time: nearly every
 * string of an export is, and g_utf8_validate_len() goes byte by byte. A
 * zero byte's borrow may flag the next one too, which only sends the
 * string on to be validated in full. */
static inline gboolean
plain_ascii (const unsigned char *p,
             size_t               length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const unsigned char *end = p + length;
  guint64 word;

  if (length < 8)
    {
      for (; p < end; p++)
        if (*p == 0 || *p >= 0x80)
          return FALSE;
      return TRUE;
    }
  /* The last word may overlap the one before it. */
  for (; end - p > 8; p += 8)
    {
      memcpy (&word, p, sizeof word);
      if (((word - ones) | word) & highs)
        return FALSE;
    }
  memcpy (&word, end - 8, sizeof word);
  return (((word - ones) | word) & highs) == 0;
}

/* Every string read is valid UTF-8 without NUL: yajl checks the shape of
 * raw bytes but lets overlong forms, surrogates and code points past
 * U+10FFFF through, and decodes \u0000 to a NUL that would cut a string
 * short silently and a lone \udc80 to a surrogate. Each bad byte becomes
 * U+FFFD, as g_utf8_make_valid() does. */
static void
make_valid (GString              *scratch,
            const unsigned char **text,
            size_t               *length)
{
  const char *p = (const char *)*text;
  const char *end = p + *length;
  const char *valid_end;

  /* A NUL also fails validation when the length is given. */
  if (G_LIKELY (plain_ascii (*text, *length)) || g_utf8_validate_len (p, *length, NULL))
    return;
  g_string_truncate (scratch, 0);
  while (!g_utf8_validate_len (p, end - p, &valid_end))
    {
      g_string_append_len (scratch, p, valid_end - p);
      g_string_append (scratch, "\xEF\xBF\xBD");
      p = valid_end + 1;
    }
  g_string_append_len (scratch, p, end - p);
  *text = (const unsigned char *)scratch->str;
  *length = scratch->len;
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               length)
{
  DmJsonReader *self = ctx;
  DmJsonNode node = { DM_JSON_STRING, 0, { 0 } };

  if (passed_over (self))
    return 1;
  make_valid (self->scratch, &text, &length);
  if (length > G_MAXUINT32)
    {
      g_set_error (&self->error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX,
                   "%s: a string of %" G_GSIZE_FORMAT " bytes", self->source, length);
      return 0;
    }
  node.length = length;
  node.v.string = dm_json_arena_strndup (self->build, (const char *)text, length);
  return add_value (ctx, &node);
}

static int
on_start_map (void *ctx)
{
  return push (ctx, DM_JSON_OBJECT);
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               length)
{
  DmJsonReader *self = ctx;
  Frame *frame;

  if (self->pruning || self->skipping)
    return 1;
  frame = &g_array_index (self->stack, Frame, self->stack->len - 1);

  /* A member the projection leaves out is never copied; one it names is
   * valid, as its names are. */
  if (frame->proj != NULL && !frame->proj->all)
    {
      const ProjectionNode *member = projection_child (frame->proj, (const char *)key, length);

      self->skip_next = member == NULL;
      frame->member_proj = member && !member->all ? member : NULL;
      if (member == NULL)
        return 1;
    }
  else
    make_valid (self->scratch, &key, &length);

  frame->key = dm_json_arena_strndup (self->build, (const char *)key, length);
  frame->has_key = TRUE;
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
  return push (ctx, DM_JSON_ARRAY);
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

static gboolean
parse_chunk (DmJsonReader  *self,
             yajl_handle    handle,
             const char    *data,
             gsize          n,
             GError       **error)
{
  self->chunk = data;
  if (yajl_parse (handle, (const unsigned char *)data, n) != yajl_status_ok)
    {
      set_parse_error (self, handle, data, n, error);
      return FALSE;
    }
  /* A projected item that goes on in the next chunk. */
  if (self->capturing)
    capture_to (self, n);
  return TRUE;
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
  self->arena = dm_json_arena_new ();
  self->build = self->arena;
  dm_json_arena_mark (self->arena, &self->top_mark);
  self->source = source_name;
  self->func = func;
  self->func_data = user_data;

  buffer = g_malloc (CHUNK_SIZE);
  handle = yajl_alloc (&callbacks, NULL, self);
  self->handle = handle;
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

      if (!parse_chunk (self, handle, data, n, error))
        {
          ok = FALSE;
          break;
        }

      self->chunk_offset += n;
      self->bytes_read += n;
      /* Once items go to another thread, it tells how far they are. */
      if (self->progress && !(self->pipe && dm_json_pipe_get_threaded (self->pipe)))
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

  /* Every item read reaches the function before the read ends. */
  if (self->pipe)
    {
      gboolean stop;

      dm_json_pipe_drain (self->pipe);
      stop = dm_json_pipe_get_stopped (self->pipe);
      g_clear_pointer (&self->pipe, dm_json_pipe_free);
      if (ok && stop)
        {
          stopped (self);
          g_propagate_error (error, g_steal_pointer (&self->error));
          ok = FALSE;
        }
    }

  if (ok && self->n_top_values == 1 && !self->ndjson)
    self->doc = dm_json_doc_new (g_steal_pointer (&self->arena), &self->document);
  g_clear_pointer (&self->arena, dm_json_arena_free);
  self->build = NULL;
  self->n_members = 0;
  self->n_elements = 0;

  yajl_free (handle);
  self->handle = NULL;
  self->chunk = NULL;
  self->projection = NULL;
  self->read_ahead = FALSE;
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

    if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4, cancellable, &local_error) < 0)
      {
        g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_IO, "%s: %s", name, local_error->message);
        return FALSE;
      }
    head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
    /* What people do give instead of JSON, said as such rather than as
     * a lexical error at byte 1. */
    if (n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0)
      {
        g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX,
                     _("%s: a zip archive, which Demarc does not open: unpack it and open the files or their folder"),
                     name);
        return FALSE;
      }
    if (n >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
      {
        g_set_error (error, DM_JSON_READER_ERROR, DM_JSON_READER_ERROR_SYNTAX,
                     _("%s: UTF-16 text, which Demarc does not read: save the export as UTF-8 (PowerShell’s "
                       "Out-File writes UTF-16 unless told -Encoding utf8)"),
                     name);
        return FALSE;
      }
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
DmJsonNode *
dm_json_reader_get_document (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), NULL);
  return dm_json_doc_get_root (self->doc);
}

/**
 * dm_json_reader_ref_document:
 *
 * Returns: (transfer full) (nullable): the document of
 *   dm_json_reader_get_document (), to keep beyond the next read
 */
DmJsonDoc *
dm_json_reader_ref_document (DmJsonReader *self)
{
  g_return_val_if_fail (DM_IS_JSON_READER (self), NULL);
  return self->doc ? dm_json_doc_ref (self->doc) : NULL;
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

/**
 * dm_json_doc_new_from_text:
 *
 * Reads JSON text whole, every array as data, with the reader's limits.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 */
DmJsonDoc *
dm_json_doc_new_from_text (const char  *text,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, NULL);

  dm_json_reader_clear_item_paths (reader);
  if (!dm_json_reader_read_stream (reader, stream, "JSON text", NULL, NULL, NULL, error))
    return NULL;
  return dm_json_reader_ref_document (reader);
}
