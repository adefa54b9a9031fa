/* dm-json-node.c: the values of an export, held compactly while they are read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dm-hash.h"
#include "dm-json-node.h"

/* --- the arena ------------------------------------------------------------ */

#define CHUNK_SIZE (64 * 1024)

typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *prev;
  gsize  size;
  gsize  used;
  /* Aligned for any value, as malloc's blocks are. */
  G_GNUC_EXTENSION char data[] __attribute__ ((aligned (16)));
};

struct _DmJsonArena
{
  Chunk *chunk;
  Chunk *spare;  /* chunks kept for reuse, linked by prev: one on
                  * rewinding (items reuse it), all on a reset */
  gsize  size;   /* of the chunks in use */
};

DmJsonArena *
dm_json_arena_new (void)
{
  return g_new0 (DmJsonArena, 1);
}

void
dm_json_arena_free (DmJsonArena *arena)
{
  if (arena == NULL)
    return;
  dm_json_arena_reset (arena);
  while (arena->spare)
    {
      Chunk *prev = arena->spare->prev;

      g_free (arena->spare);
      arena->spare = prev;
    }
  g_free (arena);
}

static Chunk *
new_chunk (DmJsonArena *arena,
           gsize        size)
{
  Chunk *chunk;

  if (size <= CHUNK_SIZE && arena->spare)
    {
      chunk = arena->spare;
      arena->spare = chunk->prev;
    }
  else
    {
      gsize data_size = MAX (size, CHUNK_SIZE);

      if (data_size > G_MAXSIZE - sizeof (Chunk))
        g_error ("dm_json_arena_alloc: %" G_GSIZE_FORMAT " bytes", size);
      chunk = g_malloc (sizeof (Chunk) + data_size);
      chunk->size = data_size;
    }
  arena->size += chunk->size;
  chunk->used = 0;
  chunk->prev = arena->chunk;
  arena->chunk = chunk;
  return chunk;
}

gpointer
dm_json_arena_alloc (DmJsonArena *arena,
                     gsize        size)
{
  Chunk *chunk = arena->chunk;
  gpointer block;

  size = (size + 7) & ~(gsize)7;
  if (chunk == NULL || chunk->size - chunk->used < size)
    chunk = new_chunk (arena, size);
  block = chunk->data + chunk->used;
  chunk->used += size;
  return block;
}

/* NUL-terminated. */
const char *
dm_json_arena_strndup (DmJsonArena *arena,
                       const char  *text,
                       gsize        length)
{
  char *copy = dm_json_arena_alloc (arena, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

void
dm_json_arena_mark (DmJsonArena     *arena,
                    DmJsonArenaMark *mark)
{
  mark->chunk = arena->chunk;
  mark->used = arena->chunk ? arena->chunk->used : 0;
}

/* Drops everything allocated since @mark. */
void
dm_json_arena_rewind (DmJsonArena           *arena,
                      const DmJsonArenaMark *mark)
{
  while (arena->chunk && arena->chunk != mark->chunk)
    {
      Chunk *chunk = arena->chunk;

      arena->chunk = chunk->prev;
      arena->size -= chunk->size;
      if (chunk->size == CHUNK_SIZE && arena->spare == NULL)
        {
          chunk->prev = NULL;
          arena->spare = chunk;
        }
      else
        g_free (chunk);
    }
  if (arena->chunk)
    arena->chunk->used = mark->used;
}

/* Drops everything, keeping the chunks of the usual size for what comes
 * next: a batch of items, filled again and again. */
void
dm_json_arena_reset (DmJsonArena *arena)
{
  while (arena->chunk)
    {
      Chunk *chunk = arena->chunk;

      arena->chunk = chunk->prev;
      arena->size -= chunk->size;
      if (chunk->size == CHUNK_SIZE)
        {
          chunk->prev = arena->spare;
          arena->spare = chunk;
        }
      else
        g_free (chunk);
    }
}

gsize
dm_json_arena_get_size (DmJsonArena *arena)
{
  return arena->size;
}

/* --- objects -------------------------------------------------------------- */

static inline guint
index_capacity (guint n)
{
  guint capacity = 32;

  while (capacity < 2 * n)
    capacity *= 2;
  return capacity;
}

/* The index follows the members: slots hold a member's position + 1. */
static inline guint32 *
index_of (const DmJsonNode *node)
{
  return (guint32 *)(node->v.members + node->length);
}

/* @name: @length bytes, NUL-terminated or not. */
static inline gboolean
same_name (const char *member,
           const char *name,
           gsize       length)
{
  return member[0] == name[0] && strncmp (member, name, length) == 0 && member[length] == '\0';
}

static gint
find_member (const DmJsonNode *node,
             const char       *name,
             gsize             length)
{
  const DmJsonMember *members = node->v.members;

  if (length == 0)
    {
      /* "" is a name too, and same_name () needs a first byte. */
      for (gint i = (gint)node->length - 1; i >= 0; i--)
        if (members[i].name[0] == '\0')
          return i;
      return -1;
    }

  if (node->length <= DM_JSON_INDEXED_MEMBERS)
    {
      /* From the end: of two members with one name, the later counts, as
       * in json-glib. */
      for (gint i = (gint)node->length - 1; i >= 0; i--)
        if (same_name (members[i].name, name, length))
          return i;
      return -1;
    }

  {
    const guint32 *index = index_of (node);
    guint mask = index_capacity (node->length) - 1;

    for (guint slot = dm_name_hash (name, length) & mask; index[slot]; slot = (slot + 1) & mask)
      if (same_name (members[index[slot] - 1].name, name, length))
        return index[slot] - 1;
    return -1;
  }
}

void
dm_json_node_init_object (DmJsonNode         *node,
                          DmJsonArena        *arena,
                          const DmJsonMember *members,
                          guint               n)
{
  gsize size = (gsize)n * sizeof (DmJsonMember);
  DmJsonMember *copy;

  if (n > G_MAXUINT32 / 4)
    g_error ("dm_json_node_init_object: %u members", n);

  node->type = DM_JSON_OBJECT;
  node->length = n;
  if (n == 0)
    {
      node->v.members = NULL;
      return;
    }
  if (n > DM_JSON_INDEXED_MEMBERS)
    size += index_capacity (n) * sizeof (guint32);
  copy = dm_json_arena_alloc (arena, size);
  memcpy (copy, members, (gsize)n * sizeof (DmJsonMember));
  node->v.members = copy;

  if (n > DM_JSON_INDEXED_MEMBERS)
    {
      guint32 *index = index_of (node);
      guint mask = index_capacity (n) - 1;

      memset (index, 0, (mask + 1) * sizeof (guint32));
      for (guint i = 0; i < n; i++)
        {
          guint slot = dm_name_hash (copy[i].name, strlen (copy[i].name)) & mask;

          while (index[slot] && strcmp (copy[index[slot] - 1].name, copy[i].name) != 0)
            slot = (slot + 1) & mask;
          index[slot] = i + 1;
        }
    }
}

void
dm_json_node_init_array (DmJsonNode       *node,
                         DmJsonArena      *arena,
                         const DmJsonNode *elements,
                         guint             n)
{
  if (n > G_MAXUINT32 / 4)
    g_error ("dm_json_node_init_array: %u elements", n);

  node->type = DM_JSON_ARRAY;
  node->length = n;
  node->v.elements = NULL;
  if (n > 0)
    {
      node->v.elements = dm_json_arena_alloc (arena, (gsize)n * sizeof (DmJsonNode));
      memcpy (node->v.elements, elements, (gsize)n * sizeof (DmJsonNode));
    }
}

/* --- reading values ------------------------------------------------------- */

GType
dm_json_node_get_value_type (const DmJsonNode *node)
{
  switch (node ? node->type : DM_JSON_NULL)
    {
    case DM_JSON_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case DM_JSON_INT:
      return G_TYPE_INT64;
    case DM_JSON_DOUBLE:
      return G_TYPE_DOUBLE;
    case DM_JSON_STRING:
      return G_TYPE_STRING;
    default:
      return G_TYPE_INVALID;
    }
}

const char *
dm_json_node_get_string (const DmJsonNode *node)
{
  return node && node->type == DM_JSON_STRING ? node->v.string : NULL;
}

gint64
dm_json_node_get_int (const DmJsonNode *node)
{
  switch (node ? node->type : DM_JSON_NULL)
    {
    case DM_JSON_INT:
      return node->v.integer;
    case DM_JSON_DOUBLE:
      return (gint64)node->v.number;
    case DM_JSON_BOOLEAN:
      return node->v.boolean ? 1 : 0;
    default:
      return 0;
    }
}

double
dm_json_node_get_double (const DmJsonNode *node)
{
  switch (node ? node->type : DM_JSON_NULL)
    {
    case DM_JSON_INT:
      return (double)node->v.integer;
    case DM_JSON_DOUBLE:
      return node->v.number;
    case DM_JSON_BOOLEAN:
      return node->v.boolean ? 1.0 : 0.0;
    default:
      return 0.0;
    }
}

gboolean
dm_json_node_get_boolean (const DmJsonNode *node)
{
  switch (node ? node->type : DM_JSON_NULL)
    {
    case DM_JSON_INT:
      return node->v.integer != 0;
    case DM_JSON_DOUBLE:
      return node->v.number != 0.0;
    case DM_JSON_BOOLEAN:
      return node->v.boolean;
    default:
      return FALSE;
    }
}

DmJsonObject *
dm_json_node_get_object (const DmJsonNode *node)
{
  return DM_JSON_NODE_HOLDS_OBJECT (node) ? (DmJsonObject *)node : NULL;
}

DmJsonArray *
dm_json_node_get_array (const DmJsonNode *node)
{
  return DM_JSON_NODE_HOLDS_ARRAY (node) ? (DmJsonArray *)node : NULL;
}

DmJsonNode *
dm_json_object_get_member (const DmJsonObject *object,
                           const char         *name)
{
  if (name == NULL)
    return NULL;
  return dm_json_object_get_member_len (object, name, strlen (name));
}

/* The member named by the @length bytes at @name (a part of a path). */
DmJsonNode *
dm_json_object_get_member_len (const DmJsonObject *object,
                               const char         *name,
                               gsize               length)
{
  const DmJsonNode *node = (const DmJsonNode *)object;
  gint i;

  if (object == NULL || name == NULL || memchr (name, '\0', length) != NULL)
    return NULL;
  i = find_member (node, name, length);
  return i < 0 ? NULL : &node->v.members[i].value;
}

gboolean
dm_json_object_has_member (const DmJsonObject *object,
                           const char         *name)
{
  return dm_json_object_get_member (object, name) != NULL;
}

/* Whether member @i is the one its name finds. */
static gboolean
is_counted (const DmJsonNode *node,
            guint             i)
{
  return find_member (node, node->v.members[i].name, strlen (node->v.members[i].name)) == (gint)i;
}

/* Returns: (transfer container): the names, each once, a name read twice
 * at its later place (json-glib keeps the first) */
GList *
dm_json_object_get_members (const DmJsonObject *object)
{
  const DmJsonNode *node = (const DmJsonNode *)object;
  GList *names = NULL;

  for (guint i = object ? node->length : 0; i > 0; i--)
    if (is_counted (node, i - 1))
      names = g_list_prepend (names, (gpointer)node->v.members[i - 1].name);
  return names;
}

void
dm_json_object_iter_init (DmJsonObjectIter   *iter,
                          const DmJsonObject *object)
{
  iter->node = (const DmJsonNode *)object;
  iter->index = 0;
}

/* A member shadowed by a later one of its name is passed over. */
gboolean
dm_json_object_iter_next (DmJsonObjectIter  *iter,
                          const char       **name,
                          DmJsonNode       **value)
{
  while (iter->node && iter->index < iter->node->length)
    {
      guint i = iter->index++;

      if (is_counted (iter->node, i))
        {
          *name = iter->node->v.members[i].name;
          *value = &iter->node->v.members[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

guint
dm_json_object_get_size (const DmJsonObject *object)
{
  const DmJsonNode *node = (const DmJsonNode *)object;
  guint n = 0;

  for (guint i = 0; object && i < node->length; i++)
    n += is_counted (node, i);
  return n;
}

DmJsonArray *
dm_json_object_get_array_member (const DmJsonObject *object,
                                 const char         *name)
{
  return dm_json_node_get_array (dm_json_object_get_member (object, name));
}

guint
dm_json_array_get_length (const DmJsonArray *array)
{
  return array ? ((const DmJsonNode *)array)->length : 0;
}

DmJsonNode *
dm_json_array_get_element (const DmJsonArray *array,
                           guint              index)
{
  const DmJsonNode *node = (const DmJsonNode *)array;

  if (array == NULL || index >= node->length)
    return NULL;
  return &node->v.elements[index];
}

DmJsonObject *
dm_json_array_get_object_element (const DmJsonArray *array,
                                  guint              index)
{
  return dm_json_node_get_object (dm_json_array_get_element (array, index));
}

const char *
dm_json_array_get_string_element (const DmJsonArray *array,
                                  guint              index)
{
  return dm_json_node_get_string (dm_json_array_get_element (array, index));
}

/* --- as text, and as json-glib --------------------------------------------- */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)text; *p; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

static void
append_node (GString          *out,
             const DmJsonNode *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (node->type)
    {
    case DM_JSON_NULL:
      g_string_append (out, "null");
      break;
    case DM_JSON_BOOLEAN:
      g_string_append (out, node->v.boolean ? "true" : "false");
      break;
    case DM_JSON_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, node->v.integer);
      break;
    case DM_JSON_DOUBLE:
      g_string_append (out, g_ascii_dtostr (number, sizeof number, node->v.number));
      break;
    case DM_JSON_STRING:
      append_escaped (out, node->v.string);
      break;
    case DM_JSON_OBJECT:
      g_string_append_c (out, '{');
      for (guint i = 0, n = 0; i < node->length; i++)
        {
          if (!is_counted (node, i))
            continue;
          if (n++ > 0)
            g_string_append_c (out, ',');
          append_escaped (out, node->v.members[i].name);
          g_string_append_c (out, ':');
          append_node (out, &node->v.members[i].value);
        }
      g_string_append_c (out, '}');
      break;
    case DM_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->length; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_node (out, &node->v.elements[i]);
        }
      g_string_append_c (out, ']');
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Compact JSON text, for evidence. Not byte for byte what
 * json_to_string () writes: a name read twice is written once, at its
 * later place, and numbers and control characters are written as
 * g_ascii_dtostr () and \u00XX write them. */
char *
dm_json_to_string (const DmJsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node)
    append_node (out, node);
  return g_string_free (out, FALSE);
}

/* For the code that works on json-glib trees (the model): a copy. */
JsonNode *
dm_json_node_to_glib (const DmJsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (node->type)
    {
    case DM_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), node->v.boolean);
    case DM_JSON_INT:
      return json_node_init_int (json_node_alloc (), node->v.integer);
    case DM_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), node->v.number);
    case DM_JSON_STRING:
      return json_node_init_string (json_node_alloc (), node->v.string);
    case DM_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < node->length; i++)
          json_object_set_member (object, node->v.members[i].name,
                                  dm_json_node_to_glib (&node->v.members[i].value));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }
    case DM_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->length);

        for (guint i = 0; i < node->length; i++)
          json_array_add_element (array, dm_json_node_to_glib (&node->v.elements[i]));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* --- documents ------------------------------------------------------------ */

struct _DmJsonDoc
{
  gint         ref_count;
  DmJsonArena *arena;
  DmJsonNode   root;
  GPtrArray   *holds;  /* documents the root points into */
};

/* Takes @arena, where @root lives. */
DmJsonDoc *
dm_json_doc_new (DmJsonArena      *arena,
                 const DmJsonNode *root)
{
  DmJsonDoc *doc = g_new0 (DmJsonDoc, 1);

  doc->ref_count = 1;
  doc->arena = arena;
  doc->root = *root;
  return doc;
}

static void
copy_into (DmJsonArena      *arena,
           DmJsonNode       *to,
           const DmJsonNode *from)
{
  *to = *from;
  switch (from->type)
    {
    case DM_JSON_STRING:
      to->v.string = dm_json_arena_strndup (arena, from->v.string, from->length);
      break;
    case DM_JSON_OBJECT:
      {
        g_autofree DmJsonMember *members = g_new (DmJsonMember, MAX (from->length, 1));

        for (guint i = 0; i < from->length; i++)
          {
            members[i].name = dm_json_arena_strndup (arena, from->v.members[i].name,
                                                     strlen (from->v.members[i].name));
            copy_into (arena, &members[i].value, &from->v.members[i].value);
          }
        dm_json_node_init_object (to, arena, members, from->length);
        break;
      }
    case DM_JSON_ARRAY:
      {
        g_autofree DmJsonNode *elements = g_new (DmJsonNode, MAX (from->length, 1));

        for (guint i = 0; i < from->length; i++)
          copy_into (arena, &elements[i], &from->v.elements[i]);
        dm_json_node_init_array (to, arena, elements, from->length);
        break;
      }
    default:
      break;
    }
}

/* A document of its own, for a value kept beyond its item. */
DmJsonDoc *
dm_json_doc_new_copy (const DmJsonNode *node)
{
  DmJsonArena *arena = dm_json_arena_new ();
  DmJsonNode root;

  copy_into (arena, &root, node);
  return dm_json_doc_new (arena, &root);
}

/* Pages of one response: the first page, each of its lists followed by
 * the same-named lists of the later pages. */
DmJsonDoc *
dm_json_doc_new_joined (DmJsonDoc * const *pages,
                        guint              n_pages)
{
  const DmJsonNode *first;
  DmJsonArena *arena;
  g_autofree DmJsonMember *members = NULL;
  DmJsonNode root;
  DmJsonDoc *doc;

  g_return_val_if_fail (n_pages > 0, NULL);
  first = &pages[0]->root;
  if (n_pages == 1 || first->type != DM_JSON_OBJECT)
    return dm_json_doc_ref (pages[0]);

  arena = dm_json_arena_new ();
  members = g_new (DmJsonMember, MAX (first->length, 1));
  for (guint i = 0; i < first->length; i++)
    {
      const DmJsonMember *member = &first->v.members[i];
      g_autoptr(GArray) elements = NULL;

      members[i] = *member;
      if (member->value.type != DM_JSON_ARRAY)
        continue;
      elements = g_array_new (FALSE, FALSE, sizeof (DmJsonNode));
      for (guint p = 0; p < n_pages; p++)
        {
          DmJsonArray *list = dm_json_object_get_array_member (dm_json_node_get_object (&pages[p]->root),
                                                               member->name);
          const DmJsonNode *node = (const DmJsonNode *)list;

          if (list)
            g_array_append_vals (elements, node->v.elements, node->length);
        }
      dm_json_node_init_array (&members[i].value, arena, (DmJsonNode *)elements->data, elements->len);
    }
  dm_json_node_init_object (&root, arena, members, first->length);

  doc = dm_json_doc_new (arena, &root);
  doc->holds = g_ptr_array_new_with_free_func ((GDestroyNotify)dm_json_doc_unref);
  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (doc->holds, dm_json_doc_ref (pages[p]));
  return doc;
}

DmJsonDoc *
dm_json_doc_ref (DmJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_atomic_int_inc (&doc->ref_count);
  return doc;
}

void
dm_json_doc_unref (DmJsonDoc *doc)
{
  if (doc == NULL || !g_atomic_int_dec_and_test (&doc->ref_count))
    return;
  dm_json_arena_free (doc->arena);
  g_clear_pointer (&doc->holds, g_ptr_array_unref);
  g_free (doc);
}

DmJsonNode *
dm_json_doc_get_root (DmJsonDoc *doc)
{
  return doc ? &doc->root : NULL;
}
