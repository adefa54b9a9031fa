/* dm-json-node.h: the values of an export, held compactly while they are read
 *
 * An item of an export is read once, by an importer and its checks, then
 * dropped. json-glib builds a hash table and a heap block for every object
 * and string, which cost most of a run; these nodes live in one arena per
 * document (or per item, rewound after it), objects are arrays of members
 * and strings are copied once.
 *
 * The accessors follow json-glib's names and meaning, so that code reads
 * the same: a name read twice means its later value, as there (its place
 * among the members is the later one, not json-glib's first). An object
 * of a node is the node itself, seen as an object. Strings are valid
 * UTF-8 without NUL: the reader replaces what is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  DM_JSON_NULL,
  DM_JSON_BOOLEAN,
  DM_JSON_INT,
  DM_JSON_DOUBLE,
  DM_JSON_STRING,
  DM_JSON_OBJECT,
  DM_JSON_ARRAY,
} DmJsonType;

typedef struct _DmJsonNode   DmJsonNode;
typedef struct _DmJsonMember DmJsonMember;
typedef struct _DmJsonObject DmJsonObject;  /* an object node */
typedef struct _DmJsonArray  DmJsonArray;   /* an array node */

struct _DmJsonNode
{
  guint32 type;    /* DmJsonType */
  guint32 length;  /* members, elements, or a string's bytes */
  union
  {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;
    DmJsonMember *members;
    DmJsonNode   *elements;
  } v;
};

struct _DmJsonMember
{
  const char *name;
  DmJsonNode  value;
};

static inline gboolean
dm_json_node_holds (const DmJsonNode *node,
                    DmJsonType        first,
                    DmJsonType        last)
{
  return node != NULL && node->type >= first && node->type <= last;
}

#define DM_JSON_NODE_HOLDS_NULL(n)   dm_json_node_holds ((n), DM_JSON_NULL, DM_JSON_NULL)
#define DM_JSON_NODE_HOLDS_VALUE(n)  dm_json_node_holds ((n), DM_JSON_BOOLEAN, DM_JSON_STRING)
#define DM_JSON_NODE_HOLDS_OBJECT(n) dm_json_node_holds ((n), DM_JSON_OBJECT, DM_JSON_OBJECT)
#define DM_JSON_NODE_HOLDS_ARRAY(n)  dm_json_node_holds ((n), DM_JSON_ARRAY, DM_JSON_ARRAY)

/* Objects with more members than this carry a hash index. */
#define DM_JSON_INDEXED_MEMBERS 16

GType         dm_json_node_get_value_type       (const DmJsonNode   *node);
const char   *dm_json_node_get_string           (const DmJsonNode   *node);
gint64        dm_json_node_get_int              (const DmJsonNode   *node);
double        dm_json_node_get_double           (const DmJsonNode   *node);
gboolean      dm_json_node_get_boolean          (const DmJsonNode   *node);
DmJsonObject *dm_json_node_get_object           (const DmJsonNode   *node);
DmJsonArray  *dm_json_node_get_array            (const DmJsonNode   *node);

DmJsonNode   *dm_json_object_get_member         (const DmJsonObject *object,
                                                 const char         *name);
DmJsonNode   *dm_json_object_get_member_len     (const DmJsonObject *object,
                                                 const char         *name,
                                                 gsize               length);
gboolean      dm_json_object_has_member         (const DmJsonObject *object,
                                                 const char         *name);
GList        *dm_json_object_get_members        (const DmJsonObject *object);
guint         dm_json_object_get_size           (const DmJsonObject *object);

/* Each member once, in order, without a list of names. */
typedef struct
{
  const DmJsonNode *node;
  guint             index;
} DmJsonObjectIter;

void          dm_json_object_iter_init          (DmJsonObjectIter   *iter,
                                                 const DmJsonObject *object);
gboolean      dm_json_object_iter_next          (DmJsonObjectIter   *iter,
                                                 const char        **name,
                                                 DmJsonNode        **value);
DmJsonArray  *dm_json_object_get_array_member   (const DmJsonObject *object,
                                                 const char         *name);

guint         dm_json_array_get_length          (const DmJsonArray  *array);
DmJsonNode   *dm_json_array_get_element         (const DmJsonArray  *array,
                                                 guint               index);
DmJsonObject *dm_json_array_get_object_element  (const DmJsonArray  *array,
                                                 guint               index);
const char   *dm_json_array_get_string_element  (const DmJsonArray  *array,
                                                 guint               index);

char         *dm_json_to_string                 (const DmJsonNode   *node);
JsonNode     *dm_json_node_to_glib              (const DmJsonNode   *node);

/* --- where nodes live ---------------------------------------------------- */

typedef struct _DmJsonArena DmJsonArena;

typedef struct
{
  gpointer chunk;
  gsize    used;
} DmJsonArenaMark;

DmJsonArena  *dm_json_arena_new                 (void);
void          dm_json_arena_free                (DmJsonArena        *arena);
gpointer      dm_json_arena_alloc               (DmJsonArena        *arena,
                                                 gsize               size);
const char   *dm_json_arena_strndup             (DmJsonArena        *arena,
                                                 const char         *text,
                                                 gsize               length);
void          dm_json_arena_mark                (DmJsonArena        *arena,
                                                 DmJsonArenaMark    *mark);
void          dm_json_arena_rewind              (DmJsonArena           *arena,
                                                 const DmJsonArenaMark *mark);
void          dm_json_arena_reset               (DmJsonArena        *arena);
gsize         dm_json_arena_get_size            (DmJsonArena        *arena);

/* Fills @node as an object or array of the @n values given (members are
 * copied into @arena); objects with many members get their index. */
void          dm_json_node_init_object          (DmJsonNode         *node,
                                                 DmJsonArena        *arena,
                                                 const DmJsonMember *members,
                                                 guint               n);
void          dm_json_node_init_array           (DmJsonNode         *node,
                                                 DmJsonArena        *arena,
                                                 const DmJsonNode   *elements,
                                                 guint               n);

/* A value with the arena it lives in, shared by reference. */
typedef struct _DmJsonDoc DmJsonDoc;

DmJsonDoc    *dm_json_doc_new                   (DmJsonArena        *arena,
                                                 const DmJsonNode   *root);
DmJsonDoc    *dm_json_doc_new_copy              (const DmJsonNode   *node);
DmJsonDoc    *dm_json_doc_new_joined            (DmJsonDoc * const  *pages,
                                                 guint               n_pages);
DmJsonDoc    *dm_json_doc_ref                   (DmJsonDoc          *doc);
void          dm_json_doc_unref                 (DmJsonDoc          *doc);
DmJsonNode   *dm_json_doc_get_root              (DmJsonDoc          *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonDoc, dm_json_doc_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonArena, dm_json_arena_free)

G_END_DECLS
