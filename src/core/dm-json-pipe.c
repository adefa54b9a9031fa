/* dm-json-pipe.c: hands read items to another thread, in batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dm-json-pipe.h"

/* Small enough to stay in the caches between the two threads, large
 * enough that handing one over costs nothing next to reading it. */
#define BATCH_ITEMS 256
#define BATCH_BYTES (512 * 1024)
/* One filling, one being read, the rest waiting: the memory is bounded
 * whichever side is the quicker. */
#define MAX_BATCHES 4

typedef struct
{
  DmJsonNode  node;
  const char *container;  /* in the batch's arena */
  guint64     index;
  gboolean    projected;
  gsize       text_start;
  gsize       text_length;
} Queued;

typedef struct
{
  DmJsonArena *arena;
  GArray      *items;  /* Queued */
  GByteArray  *text;
  guint64      bytes_read;
} Batch;

struct _DmJsonPipe
{
  DmJsonPipeFunc       func;
  DmJsonPipeBatchFunc  batch_done;
  gpointer             user_data;

  Batch               *filling;  /* the reader's, never NULL */
  GMutex               lock;
  GCond                cond;
  GQueue               full;     /* Batch, for the thread, under lock */
  GQueue               empty;    /* Batch, under lock */
  guint                n_batches;
  gboolean             busy;     /* the thread is on a batch */
  gboolean             finish;
  gint                 stopped;  /* atomic */
  GThread             *thread;
  gboolean             no_thread; /* none could be started: all inline */
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->arena = dm_json_arena_new ();
  batch->items = g_array_sized_new (FALSE, FALSE, sizeof (Queued), BATCH_ITEMS);
  batch->text = g_byte_array_new ();
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  dm_json_arena_free (batch->arena);
  g_array_unref (batch->items);
  g_byte_array_unref (batch->text);
  g_free (batch);
}

static void
batch_reset (Batch *batch)
{
  dm_json_arena_reset (batch->arena);
  g_array_set_size (batch->items, 0);
  g_byte_array_set_size (batch->text, 0);
}

/* On whichever thread hands the batch over; never two at once. */
static void
deliver (DmJsonPipe *pipe,
         Batch      *batch)
{
  for (guint i = 0; i < batch->items->len; i++)
    {
      const Queued *q = &g_array_index (batch->items, Queued, i);
      DmJsonPipeItem item = {
        &q->node, q->container, q->index, q->projected,
        q->projected ? (const char *)batch->text->data + q->text_start : NULL, q->text_length,
      };

      if (g_atomic_int_get (&pipe->stopped))
        return;
      if (!pipe->func (&item, pipe->user_data))
        g_atomic_int_set (&pipe->stopped, TRUE);
    }
  if (pipe->batch_done && batch->items->len > 0 && !g_atomic_int_get (&pipe->stopped))
    pipe->batch_done (batch->bytes_read, pipe->user_data);
}

static gpointer
consume (gpointer data)
{
  DmJsonPipe *pipe = data;

  g_mutex_lock (&pipe->lock);
  for (;;)
    {
      Batch *batch;

      while ((batch = g_queue_pop_head (&pipe->full)) == NULL && !pipe->finish)
        g_cond_wait (&pipe->cond, &pipe->lock);
      if (batch == NULL)
        break;
      pipe->busy = TRUE;
      g_mutex_unlock (&pipe->lock);

      deliver (pipe, batch);
      batch_reset (batch);

      g_mutex_lock (&pipe->lock);
      pipe->busy = FALSE;
      g_queue_push_tail (&pipe->empty, batch);
      g_cond_broadcast (&pipe->cond);
    }
  g_mutex_unlock (&pipe->lock);
  return NULL;
}

DmJsonPipe *
dm_json_pipe_new (DmJsonPipeFunc      func,
                  DmJsonPipeBatchFunc batch_done,
                  gpointer            user_data)
{
  DmJsonPipe *pipe;

  g_return_val_if_fail (func != NULL, NULL);
  pipe = g_new0 (DmJsonPipe, 1);
  pipe->func = func;
  pipe->batch_done = batch_done;
  pipe->user_data = user_data;
  g_mutex_init (&pipe->lock);
  g_cond_init (&pipe->cond);
  g_queue_init (&pipe->full);
  g_queue_init (&pipe->empty);
  pipe->filling = batch_new ();
  pipe->n_batches = 1;
  return pipe;
}

/* Every item put in has reached the function (or been dropped after it
 * said stop) when this returns, and the thread is idle. */
void
dm_json_pipe_drain (DmJsonPipe *pipe)
{
  Batch *batch = pipe->filling;

  if (pipe->thread == NULL)
    {
      deliver (pipe, batch);
      batch_reset (batch);
      return;
    }

  g_mutex_lock (&pipe->lock);
  if (batch->items->len > 0)
    {
      g_queue_push_tail (&pipe->full, batch);
      g_cond_broadcast (&pipe->cond);
      pipe->filling = NULL;
    }
  while (pipe->full.length > 0 || pipe->busy)
    g_cond_wait (&pipe->cond, &pipe->lock);
  if (pipe->filling == NULL)
    pipe->filling = g_queue_pop_head (&pipe->empty);
  g_mutex_unlock (&pipe->lock);
}

void
dm_json_pipe_free (DmJsonPipe *pipe)
{
  if (pipe == NULL)
    return;
  dm_json_pipe_drain (pipe);
  if (pipe->thread)
    {
      g_mutex_lock (&pipe->lock);
      pipe->finish = TRUE;
      g_cond_broadcast (&pipe->cond);
      g_mutex_unlock (&pipe->lock);
      g_thread_join (pipe->thread);
    }
  batch_free (pipe->filling);
  g_queue_clear_full (&pipe->empty, batch_free);
  g_mutex_clear (&pipe->lock);
  g_cond_clear (&pipe->cond);
  g_free (pipe);
}

/* Where the next item's nodes are to be built. */
DmJsonArena *
dm_json_pipe_get_arena (DmJsonPipe *pipe)
{
  return pipe->filling->arena;
}

/* Where the next item's text is to be kept, from its length now on. */
GByteArray *
dm_json_pipe_get_text (DmJsonPipe *pipe)
{
  return pipe->filling->text;
}

/* A full batch goes to the thread, started for the first; the reader
 * waits only when every batch is taken. */
static void
send (DmJsonPipe *pipe)
{
  Batch *batch = pipe->filling;

  if (pipe->thread == NULL && !pipe->no_thread)
    {
      pipe->thread = g_thread_try_new ("demarc-items", consume, pipe, NULL);
      pipe->no_thread = pipe->thread == NULL;
    }
  if (pipe->thread == NULL)
    {
      deliver (pipe, batch);
      batch_reset (batch);
      return;
    }

  g_mutex_lock (&pipe->lock);
  g_queue_push_tail (&pipe->full, batch);
  g_cond_broadcast (&pipe->cond);
  if (pipe->empty.length == 0 && pipe->n_batches < MAX_BATCHES)
    {
      pipe->n_batches++;
      pipe->filling = batch_new ();
    }
  else
    {
      while (pipe->empty.length == 0)
        g_cond_wait (&pipe->cond, &pipe->lock);
      pipe->filling = g_queue_pop_head (&pipe->empty);
    }
  g_mutex_unlock (&pipe->lock);
}

/**
 * dm_json_pipe_push:
 * @node: (transfer none): the item, built in dm_json_pipe_get_arena ()
 * @container: copied
 * @text_start: for a projected item, where its text begins in
 *   dm_json_pipe_get_text (); it ends at the end
 * @bytes_read: how far the reader is, for the batch's report
 *
 * Returns: %FALSE once the function has said stop
 */
gboolean
dm_json_pipe_push (DmJsonPipe       *pipe,
                   const DmJsonNode *node,
                   const char       *container,
                   guint64           index,
                   gboolean          projected,
                   gsize             text_start,
                   guint64           bytes_read)
{
  Batch *batch = pipe->filling;
  Queued q = { *node, NULL, index, projected, text_start, projected ? batch->text->len - text_start : 0 };
  const Queued *last = batch->items->len ? &g_array_index (batch->items, Queued, batch->items->len - 1) : NULL;

  /* An array's items share their container's name. */
  if (last && g_strcmp0 (last->container, container) == 0)
    q.container = last->container;
  else if (container)
    q.container = dm_json_arena_strndup (batch->arena, container, strlen (container));
  g_array_append_val (batch->items, q);
  batch->bytes_read = bytes_read;

  if (batch->items->len >= BATCH_ITEMS || dm_json_arena_get_size (batch->arena) + batch->text->len >= BATCH_BYTES)
    send (pipe);
  return !g_atomic_int_get (&pipe->stopped);
}

gboolean
dm_json_pipe_get_stopped (DmJsonPipe *pipe)
{
  return g_atomic_int_get (&pipe->stopped);
}

/* Whether items have gone to another thread. */
gboolean
dm_json_pipe_get_threaded (DmJsonPipe *pipe)
{
  return pipe->thread != NULL;
}
