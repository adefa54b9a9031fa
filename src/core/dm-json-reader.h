/* dm-json-reader.h: streams the big arrays of an export, one item at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "dm-json-node.h"

G_BEGIN_DECLS

#define DM_JSON_READER_ERROR (dm_json_reader_error_quark ())

typedef enum
{
  DM_JSON_READER_ERROR_IO,
  DM_JSON_READER_ERROR_EMPTY,
  DM_JSON_READER_ERROR_SYNTAX,
  DM_JSON_READER_ERROR_TRUNCATED,
  DM_JSON_READER_ERROR_TOO_DEEP,
  DM_JSON_READER_ERROR_STOPPED,
} DmJsonReaderError;

#define DM_JSON_READER_DEFAULT_MAX_DEPTH 256

/**
 * DmJsonItemFunc:
 * @item: (transfer none): one element of an item array, or one NDJSON value;
 *   it lives until the function returns (dm_json_doc_new_copy () keeps one)
 * @container: where it came from: "" for a top-level array, "ndjson", or a
 *   dotted path such as "Findings" or "detail.findings"
 * @index: the item's position in its container
 *
 * Returns: %FALSE to stop reading
 */
typedef gboolean (*DmJsonItemFunc) (DmJsonNode *item,
                                    const char *container,
                                    guint64     index,
                                    gpointer    user_data);

typedef void (*DmJsonProgressFunc) (guint64  bytes_read,
                                    guint64  items,
                                    gpointer user_data);

/* The members of an item worth building (dm_json_projection_add ()). */
typedef struct _DmJsonProjection DmJsonProjection;

DmJsonProjection *dm_json_projection_new     (void);
void              dm_json_projection_add     (DmJsonProjection   *projection,
                                              const char         *path);
void              dm_json_projection_add_all (DmJsonProjection   *projection,
                                              const char * const *paths);
void              dm_json_projection_free    (DmJsonProjection   *projection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonProjection, dm_json_projection_free)

#define DM_TYPE_JSON_READER (dm_json_reader_get_type ())
G_DECLARE_FINAL_TYPE (DmJsonReader, dm_json_reader, DM, JSON_READER, GObject)

GQuark        dm_json_reader_error_quark     (void);

DmJsonReader *dm_json_reader_new             (void);
void          dm_json_reader_set_max_depth   (DmJsonReader       *self,
                                              guint               max_depth);
void          dm_json_reader_add_item_path   (DmJsonReader       *self,
                                              const char         *path);
void          dm_json_reader_add_prune_path  (DmJsonReader       *self,
                                              const char         *pattern);
void          dm_json_reader_add_keep_path   (DmJsonReader       *self,
                                              const char         *pattern);
guint64       dm_json_reader_get_n_pruned    (DmJsonReader       *self);
void          dm_json_reader_clear_item_paths (DmJsonReader      *self);
guint64       dm_json_reader_get_error_offset (DmJsonReader      *self);
void          dm_json_reader_set_progress    (DmJsonReader       *self,
                                              DmJsonProgressFunc  func,
                                              gpointer            user_data);
gboolean      dm_json_reader_read_stream     (DmJsonReader       *self,
                                              GInputStream       *stream,
                                              const char         *source_name,
                                              DmJsonItemFunc      func,
                                              gpointer            user_data,
                                              GCancellable       *cancellable,
                                              GError            **error);
gboolean      dm_json_reader_read_file       (DmJsonReader       *self,
                                              GFile              *file,
                                              DmJsonItemFunc      func,
                                              gpointer            user_data,
                                              GCancellable       *cancellable,
                                              GError            **error);
void          dm_json_reader_set_projection  (DmJsonReader       *self,
                                              DmJsonProjection   *projection);
void          dm_json_reader_set_read_ahead  (DmJsonReader       *self,
                                              gboolean            read_ahead);
gboolean      dm_json_reader_get_item_is_projected (DmJsonReader *self);
DmJsonDoc    *dm_json_reader_get_whole_item  (DmJsonReader       *self);
DmJsonNode   *dm_json_reader_get_document    (DmJsonReader       *self);
DmJsonDoc    *dm_json_reader_ref_document    (DmJsonReader       *self);
guint64       dm_json_reader_get_n_items     (DmJsonReader       *self);
guint64       dm_json_reader_get_bytes_read  (DmJsonReader       *self);
gboolean      dm_json_reader_get_is_ndjson   (DmJsonReader       *self);
gboolean      dm_json_reader_get_had_prefix  (DmJsonReader       *self);

DmJsonDoc    *dm_json_doc_new_from_text      (const char         *text,
                                              gsize               length,
                                              GError            **error);

G_END_DECLS
