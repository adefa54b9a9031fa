/* dm-json-blocks.c: the elements of a long array, written on two threads
 *
 * A report's findings are nearly all of its text, and writing them was a
 * fifth of a large run, on one core while the other waited. Past the
 * first element, they are written in blocks of BLOCK_ELEMENTS: the calling
 * thread writes the even blocks straight to its writer, a second thread
 * the odd ones into fragments (dm_json_writer_new_fragment()), which the
 * calling thread appends in turn. Two fragments go back and forth, so the
 * memory held is two blocks' text whatever the array's length, and the
 * text is byte for byte what one thread writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-json-blocks"

#include "config.h"

#include "dm-json-blocks.h"

#define BLOCK_ELEMENTS 256
#define N_FRAGMENTS 2

typedef struct
{
  guint              n;
  DmJsonElementFunc  func;
  gpointer           user_data;
  GAsyncQueue       *empty;   /* fragments to write a block into */
  GAsyncQueue       *full;    /* blocks written, in order */
} Blocks;

/* The first element of each block is 1 + k * BLOCK_ELEMENTS: element 0
 * goes first, so that every fragment starts after an element. */
static void
write_block (DmJsonWriter *writer,
             Blocks       *blocks,
             guint64       first)
{
  guint64 end = MIN (first + BLOCK_ELEMENTS, blocks->n);

  for (guint64 i = first; i < end; i++)
    blocks->func (writer, (guint)i, blocks->user_data);
}

static gpointer
write_odd_blocks (gpointer data)
{
  Blocks *blocks = data;

  for (guint64 first = 1 + BLOCK_ELEMENTS; first < blocks->n; first += 2 * BLOCK_ELEMENTS)
    {
      DmJsonWriter *fragment = g_async_queue_pop (blocks->empty);

      write_block (fragment, blocks, first);
      g_async_queue_push (blocks->full, fragment);
    }
  return NULL;
}

/**
 * dm_json_write_elements:
 * @writer: where an element of an open array is due
 * @n: how many elements
 * @threads: how many threads may write them; past 1, two do when there
 *   are more than a block's elements
 * @func: writes one element; with two threads, it must be safe to call
 *   for two indices at once (reading a list model is not: GListStore
 *   moves a cursor as it is read, so take the items out first)
 *
 * Writes elements 0 to @n - 1 at @writer, in order, as @func writes them
 * one after the other.
 */
void
dm_json_write_elements (DmJsonWriter      *writer,
                        guint              n,
                        guint              threads,
                        DmJsonElementFunc  func,
                        gpointer           user_data)
{
  Blocks blocks = { n, func, user_data, NULL, NULL };
  GThread *thread = NULL;

  g_return_if_fail (writer != NULL && func != NULL);

  if (n == 0)
    return;
  func (writer, 0, user_data);
  if (threads > 1 && n > 1 + BLOCK_ELEMENTS)
    {
      blocks.empty = g_async_queue_new_full ((GDestroyNotify)dm_json_writer_free);
      blocks.full = g_async_queue_new_full ((GDestroyNotify)dm_json_writer_free);
      for (guint i = 0; i < N_FRAGMENTS; i++)
        g_async_queue_push (blocks.empty, dm_json_writer_new_fragment (writer));
      thread = g_thread_try_new ("demarc-write", write_odd_blocks, &blocks, NULL);
    }
  if (thread == NULL)
    {
      for (guint i = 1; i < n; i++)
        func (writer, i, user_data);
    }
  else
    {
      /* 64 bits: past the last block, @n near G_MAXUINT would wrap. */
      for (guint64 first = 1; first < n; first += 2 * BLOCK_ELEMENTS)
        {
          write_block (writer, &blocks, first);
          /* The odd block after this one, when there is one. */
          if (first + BLOCK_ELEMENTS < n)
            {
              DmJsonWriter *fragment = g_async_queue_pop (blocks.full);

              dm_json_writer_append (writer, fragment);
              g_async_queue_push (blocks.empty, fragment);
            }
        }
      g_thread_join (thread);
    }
  g_clear_pointer (&blocks.empty, g_async_queue_unref);
  g_clear_pointer (&blocks.full, g_async_queue_unref);
}
