/* dm-json-writer.c: indented JSON written to a stream as it is generated
 *
 * Replaces yajl's generator for the JSON and SARIF outputs, whose hundreds
 * of thousands of findings made its byte-at-a-time escaping and one
 * callback per token a quarter of a run. The text is the same as yajl's
 * beautified output with a two-space indent, byte for byte, so reports
 * written before and after compare equal. Strings are written as valid
 * UTF-8 (invalid bytes become U+FFFD), with quotes, backslashes and control
 * characters escaped; the text goes out in pieces of OUTPUT_PIECE bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-json-writer"

#include "config.h"

#include <string.h>

#include "dm-json-writer.h"

#define OUTPUT_PIECE (64 * 1024)
#define INDENT "  "

/* Where each open container stands, as yajl names its states. */
typedef enum
{
  STATE_START,        /* top level, nothing written yet */
  STATE_MAP_START,    /* object opened, no member yet */
  STATE_MAP_KEY,      /* a key is due, after a member */
  STATE_MAP_VALUE,    /* the value of the key just written is due */
  STATE_ARRAY_START,  /* array opened, no element yet */
  STATE_IN_ARRAY,     /* an element is due, after an element */
  STATE_COMPLETE,     /* the top-level value is written */
} State;

struct _DmJsonWriter
{
  FILE       *out;
  GByteArray *states;   /* one per open container, the top level first */
  gsize       len;
  char        buffer[OUTPUT_PIECE];
};

/* What each byte becomes inside a string: 0 when it is kept as it is,
 * 'u' for \u00XX, else the letter after the backslash. */
static const char escapes[256] = {
  ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r', ['"'] = '"', ['\\'] = '\\',
  [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u', [0x06] = 'u',
  [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u', [0x11] = 'u', [0x12] = 'u',
  [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u', [0x18] = 'u', [0x19] = 'u',
  [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u', [0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u',
};

static void
flush (DmJsonWriter *self)
{
  if (self->len > 0)
    fwrite (self->buffer, 1, self->len, self->out);
  self->len = 0;
}

static void
put (DmJsonWriter *self,
     const char   *text,
     gsize         len)
{
  if (self->len + len > sizeof self->buffer)
    {
      flush (self);
      if (len > sizeof self->buffer)
        {
          fwrite (text, 1, len, self->out);
          return;
        }
    }
  memcpy (self->buffer + self->len, text, len);
  self->len += len;
}

/* States are kept as bytes: the innermost container's. */
static guint8 *
state (DmJsonWriter *self)
{
  return &self->states->data[self->states->len - 1];
}

DmJsonWriter *
dm_json_writer_new (FILE *out)
{
  DmJsonWriter *self = g_new0 (DmJsonWriter, 1);
  guint8 start = STATE_START;

  self->out = out;
  self->states = g_byte_array_new ();
  g_byte_array_append (self->states, &start, 1);
  return self;
}

/* Writes what is left and frees @self. */
void
dm_json_writer_free (DmJsonWriter *self)
{
  if (self == NULL)
    return;
  flush (self);
  g_byte_array_unref (self->states);
  g_free (self);
}

static void
indent (DmJsonWriter *self)
{
  for (guint i = 1; i < self->states->len; i++)
    put (self, INDENT, strlen (INDENT));
}

/* What goes before a value or a key: its separator and its indent. */
static void
before (DmJsonWriter *self)
{
  guint8 s = *state (self);

  if (s == STATE_MAP_KEY || s == STATE_IN_ARRAY)
    put (self, ",\n", 2);
  else if (s == STATE_MAP_VALUE)
    put (self, ": ", 2);
  if (s != STATE_MAP_VALUE)
    indent (self);
}

/* After a value, a key or a closed container: what is due next, and the
 * last newline once the top-level value is complete. */
static void
after (DmJsonWriter *self)
{
  guint8 *s = state (self);

  switch ((State)*s)
    {
    case STATE_START:
      *s = STATE_COMPLETE;
      break;
    case STATE_MAP_START:
    case STATE_MAP_KEY:
      *s = STATE_MAP_VALUE;
      break;
    case STATE_MAP_VALUE:
      *s = STATE_MAP_KEY;
      break;
    case STATE_ARRAY_START:
      *s = STATE_IN_ARRAY;
      break;
    case STATE_IN_ARRAY:
    case STATE_COMPLETE:
    default:
      break;
    }
}

static void
complete (DmJsonWriter *self)
{
  if (*state (self) == STATE_COMPLETE)
    put (self, "\n", 1);
}

static void
open_container (DmJsonWriter *self,
                State         opened,
                const char   *text)
{
  guint8 s = opened;

  before (self);
  g_byte_array_append (self->states, &s, 1);
  put (self, text, 2);
}

static void
close_container (DmJsonWriter *self,
                 const char   *text)
{
  g_return_if_fail (self->states->len > 1);

  g_byte_array_set_size (self->states, self->states->len - 1);
  put (self, "\n", 1);
  after (self);
  indent (self);
  put (self, text, 1);
  complete (self);
}

void
dm_json_writer_begin_object (DmJsonWriter *self)
{
  open_container (self, STATE_MAP_START, "{\n");
}

void
dm_json_writer_end_object (DmJsonWriter *self)
{
  close_container (self, "}");
}

void
dm_json_writer_begin_array (DmJsonWriter *self)
{
  open_container (self, STATE_ARRAY_START, "[\n");
}

void
dm_json_writer_end_array (DmJsonWriter *self)
{
  close_container (self, "]");
}

static void
put_escaped (DmJsonWriter *self,
             const char   *text,
             gsize         len)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *run = text;

  put (self, "\"", 1);
  for (const char *p = text; p < text + len; p++)
    {
      char escape = escapes[(guchar)*p];
      char code[6] = { '\\', escape, '0', '0', 0, 0 };

      if (escape == 0)
        continue;
      put (self, run, p - run);
      run = p + 1;
      if (escape != 'u')
        {
          put (self, code, 2);
          continue;
        }
      code[4] = hex[(guchar)*p >> 4];
      code[5] = hex[(guchar)*p & 0xf];
      put (self, code, 6);
    }
  put (self, run, text + len - run);
  put (self, "\"", 1);
}

/* @text as a JSON string; %NULL is JSON's null. */
void
dm_json_writer_string (DmJsonWriter *self,
                       const char   *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL)
    {
      dm_json_writer_null (self);
      return;
    }
  if (!g_utf8_validate (text, -1, &end))
    {
      text = valid = g_utf8_make_valid (text, -1);
      end = text + strlen (text);
    }
  before (self);
  put_escaped (self, text, end - text);
  after (self);
  complete (self);
}

void
dm_json_writer_key (DmJsonWriter *self,
                    const char   *name)
{
  g_return_if_fail (*state (self) == STATE_MAP_START || *state (self) == STATE_MAP_KEY);
  dm_json_writer_string (self, name);
}

static void
put_atom (DmJsonWriter *self,
          const char   *text)
{
  g_return_if_fail (*state (self) != STATE_MAP_START && *state (self) != STATE_MAP_KEY);
  before (self);
  put (self, text, strlen (text));
  after (self);
  complete (self);
}

void
dm_json_writer_integer (DmJsonWriter *self,
                        gint64        value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  put_atom (self, text);
}

void
dm_json_writer_boolean (DmJsonWriter *self,
                        gboolean      value)
{
  put_atom (self, value ? "true" : "false");
}

void
dm_json_writer_null (DmJsonWriter *self)
{
  put_atom (self, "null");
}
