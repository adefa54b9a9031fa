/* dm-json-pipe.h: hands read items to another thread, in batches
 *
 * Reading an export and assessing its items take about as long as each
 * other. The reader builds the items of an array into a batch (an arena
 * of nodes and the items' own text) while another thread hands the
 * batch before to the item function; a few batches go round. The items
 * reach the function in the order they were put in, one at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "dm-json-node.h"

G_BEGIN_DECLS

typedef struct _DmJsonPipe DmJsonPipe;

typedef struct
{
  const DmJsonNode *node;
  const char       *container;
  guint64           index;
  gboolean          projected;
  const char       *text;         /* a projected item's own text */
  gsize             text_length;
} DmJsonPipeItem;

/* Returns FALSE to stop: the items after it are dropped. */
typedef gboolean (*DmJsonPipeFunc) (const DmJsonPipeItem *item,
                                    gpointer              user_data);

/* After each batch, with how far the reader was when it was put in. */
typedef void (*DmJsonPipeBatchFunc) (guint64  bytes_read,
                                     gpointer user_data);

DmJsonPipe  *dm_json_pipe_new          (DmJsonPipeFunc       func,
                                        DmJsonPipeBatchFunc  batch_done,
                                        gpointer             user_data);
void         dm_json_pipe_free         (DmJsonPipe          *pipe);

DmJsonArena *dm_json_pipe_get_arena    (DmJsonPipe          *pipe);
GByteArray  *dm_json_pipe_get_text     (DmJsonPipe          *pipe);
gboolean     dm_json_pipe_push         (DmJsonPipe          *pipe,
                                        const DmJsonNode    *node,
                                        const char          *container,
                                        guint64              index,
                                        gboolean             projected,
                                        gsize                text_start,
                                        guint64              bytes_read);
void         dm_json_pipe_drain        (DmJsonPipe          *pipe);
gboolean     dm_json_pipe_get_stopped  (DmJsonPipe          *pipe);
gboolean     dm_json_pipe_get_threaded (DmJsonPipe          *pipe);

G_END_DECLS
