/* dm-json-writer.c: indented JSON written to a stream as it is generated
 *
 * Replaces yajl's generator for the JSON and SARIF outputs, whose hundreds
 * of thousands of findings made its byte-at-a-time escaping and one
 * callback per token a quarter of a run. The text is the same as yajl's
 * beautified output with a two-space indent, byte for byte, so reports
 * written before and after compare equal. Strings are written as valid
 * UTF-8 (each byte that starts no valid character becomes U+FFFD, as
 * g_utf8_make_valid() does), with quotes, backslashes and control
 * characters escaped; the text goes out in pieces of OUTPUT_PIECE bytes.
 *
 * Strings are tested eight bytes at a time for the bytes that need a
 * look (controls, quotes, backslashes, bytes above 0x7f) and copied a
 * word at a time as they are tested, straight into the buffer with their
 * separator and indent; UTF-8 is validated only from the first byte above
 * 0x7f, in the same pass. Reports are almost all ASCII, so most strings
 * cost a strlen, a few word tests and stores, and no call per piece;
 * dm_json_writer_member() writes a key and its string in one go. Integers
 * are written without printf. Every string, key and value, goes through
 * the same escaping: nothing is taken as plain on trust.
 *
 * A fragment is a writer that keeps its text, made where another stands,
 * so that part of a document can be written on another thread and
 * appended in its place (dm-json-blocks.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-json-writer"

#include "config.h"

#include <string.h>

#include "dm-json-writer.h"

#define OUTPUT_PIECE (64 * 1024)
#define INDENT_WIDTH 2

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
  FILE   *out;        /* NULL: a fragment, which holds all its text */
  guint8 *states;     /* the top level's, then one per open container */
  guint   depth;      /* how many containers are open: states[depth] is the innermost's */
  guint   allocated;
  gsize   len;
  gsize   size;       /* of buffer: OUTPUT_PIECE, or more in a fragment */
  char   *buffer;
};

/* What each byte becomes inside a string: 0 when it is kept as it is,
 * 'u' for \u00XX, 'x' for a byte above 0x7f (kept where it belongs to a
 * valid character), else the letter after the backslash. */
static const char escapes[256] = {
  ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r', ['"'] = '"', ['\\'] = '\\',
  [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u', [0x06] = 'u',
  [0x07] = 'u', [0x0b] = 'u', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u', [0x11] = 'u', [0x12] = 'u',
  [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u', [0x18] = 'u', [0x19] = 'u',
  [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u', [0x1d] = 'u', [0x1e] = 'u', [0x1f] = 'u',
  [0x80 ... 0xff] = 'x',
};

/* A separator and the indents of every depth the outputs reach, copied in
 * one piece; deeper indents are written in several. */
static const char separator_indent[] = ",\n                                                                ";
#define INDENT_MAX (sizeof separator_indent - 3)
#define SHALLOW_MAX (INDENT_MAX / INDENT_WIDTH)

/* Room for what goes before a value: the separator, the indent, and the
 * bytes a fixed-size copy of both may write past them. */
#define ROOM_BEFORE (2 + INDENT_MAX + 16)

/* The longest escape of one byte: \u00XX. */
#define MAX_ESCAPE 6

/* Strings up to this length are escaped straight into the buffer. */
#define SHORT_STRING ((OUTPUT_PIECE - ROOM_BEFORE - 16) / MAX_ESCAPE)

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
#define WORDS_IN_ORDER 1
#else
#define WORDS_IN_ORDER 0
#endif

static void
flush (DmJsonWriter *self)
{
  if (self->out != NULL && self->len > 0)
    fwrite (self->buffer, 1, self->len, self->out);
  if (self->out != NULL)
    self->len = 0;
}

/* Room for @n more bytes: what is held goes out, or a fragment holds
 * more. */
static void
make_room (DmJsonWriter *self,
           gsize         n)
{
  if (self->out != NULL)
    {
      flush (self);
      return;
    }
  while (self->len + n > self->size)
    self->size *= 2;
  self->buffer = g_realloc (self->buffer, self->size);
}

static void
put (DmJsonWriter *self,
     const char   *text,
     gsize         len)
{
  if (self->len + len > self->size)
    {
      if (self->out != NULL && len > self->size)
        {
          flush (self);
          fwrite (text, 1, len, self->out);
          return;
        }
      make_room (self, len);
    }
  memcpy (self->buffer + self->len, text, len);
  self->len += len;
}

/* Where @n bytes (at most OUTPUT_PIECE) can be written; the writer takes
 * them with commit(). */
static inline char *
reserve (DmJsonWriter *self,
         gsize         n)
{
  if (G_UNLIKELY (self->len + n > self->size))
    make_room (self, n);
  return self->buffer + self->len;
}

static inline void
commit (DmJsonWriter *self,
        char         *end)
{
  self->len = end - self->buffer;
}

/* The innermost container's state. */
static inline guint8 *
state (DmJsonWriter *self)
{
  return &self->states[self->depth];
}

static DmJsonWriter *
writer_new (FILE         *out,
            const guint8 *states,
            guint         depth)
{
  DmJsonWriter *self = g_new0 (DmJsonWriter, 1);

  self->out = out;
  self->allocated = MAX (16, depth + 1);
  self->states = g_new (guint8, self->allocated);
  memcpy (self->states, states, depth + 1);
  self->depth = depth;
  self->size = OUTPUT_PIECE;
  self->buffer = g_malloc (self->size);
  return self;
}

DmJsonWriter *
dm_json_writer_new (FILE *out)
{
  static const guint8 start = STATE_START;

  g_return_val_if_fail (out != NULL, NULL);
  return writer_new (out, &start, 0);
}

/**
 * dm_json_writer_new_fragment:
 * @parent: the writer the fragment's text is for
 *
 * A writer that holds its text, to be written where @parent stands now:
 * the same separators and indent, as if written by @parent itself. Made
 * on @parent's thread; it can then be written on another thread, while
 * @parent is written on its own. dm_json_writer_append() hands its text
 * over.
 *
 * Returns: (transfer full): the fragment
 */
DmJsonWriter *
dm_json_writer_new_fragment (DmJsonWriter *parent)
{
  g_return_val_if_fail (parent != NULL, NULL);
  return writer_new (NULL, parent->states, parent->depth);
}

/**
 * dm_json_writer_append:
 * @fragment: made with dm_json_writer_new_fragment() from @self or from a
 *   writer in the same place; every container it opened is closed
 *
 * Writes the text of @fragment at @self, which then stands where
 * @fragment ended. @fragment is left empty, in its place, to be written
 * again.
 */
void
dm_json_writer_append (DmJsonWriter *self,
                       DmJsonWriter *fragment)
{
  g_return_if_fail (self != NULL && fragment != NULL && fragment->out == NULL);
  g_return_if_fail (fragment->depth == self->depth);

  put (self, fragment->buffer, fragment->len);
  fragment->len = 0;
  *state (self) = *state (fragment);
}

/* Writes what is left and frees @self. */
void
dm_json_writer_free (DmJsonWriter *self)
{
  if (self == NULL)
    return;
  flush (self);
  g_free (self->buffer);
  g_free (self->states);
  g_free (self);
}

static void
indent (DmJsonWriter *self)
{
  gsize width = (gsize)self->depth * INDENT_WIDTH;

  while (width > INDENT_MAX)
    {
      put (self, separator_indent + 2, INDENT_MAX);
      width -= INDENT_MAX;
    }
  put (self, separator_indent + 2, width);
}

/* What goes before a value or a key: its separator and its indent. */
static void
before (DmJsonWriter *self)
{
  guint8 s = *state (self);

  if (s == STATE_MAP_VALUE)
    put (self, ": ", 2);
  else
    {
      if (s == STATE_MAP_KEY || s == STATE_IN_ARRAY)
        put (self, ",\n", 2);
      indent (self);
    }
}

/* The same written at @out, which has ROOM_BEFORE bytes, when the depth is
 * at most SHALLOW_MAX; returns the end. */
static inline char *
write_before (DmJsonWriter *self,
              char         *out)
{
  guint8 s = *state (self);
  const char *piece = separator_indent;
  gsize len = (gsize)self->depth * INDENT_WIDTH;

  if (s == STATE_MAP_VALUE)
    {
      out[0] = ':';
      out[1] = ' ';
      return out + 2;
    }
  if (s == STATE_MAP_KEY || s == STATE_IN_ARRAY)
    len += 2;
  else
    piece += 2;
  if (G_LIKELY (len <= 16))
    memcpy (out, piece, 16);
  else
    memcpy (out, piece, len);
  return out + len;
}

/* After a value, a key or a closed container: what is due next. */
static inline void
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

/* The last newline, once the top-level value is complete. */
static inline void
complete (DmJsonWriter *self)
{
  if (G_UNLIKELY (*state (self) == STATE_COMPLETE))
    put (self, "\n", 1);
}

/* @len bytes of @text, which need no escape, as a value. */
static inline void
put_atom (DmJsonWriter *self,
          const char   *text,
          gsize         len)
{
  g_return_if_fail (*state (self) != STATE_MAP_START && *state (self) != STATE_MAP_KEY);

  if (G_LIKELY (self->depth <= SHALLOW_MAX))
    {
      char *out = write_before (self, reserve (self, ROOM_BEFORE + len));

      memcpy (out, text, len);
      commit (self, out + len);
    }
  else
    {
      before (self);
      put (self, text, len);
    }
  after (self);
  complete (self);
}

static void
open_container (DmJsonWriter *self,
                State         opened,
                const char   *text)
{
  if (G_LIKELY (self->depth <= SHALLOW_MAX))
    {
      char *out = write_before (self, reserve (self, ROOM_BEFORE + 2));

      memcpy (out, text, 2);
      commit (self, out + 2);
    }
  else
    {
      before (self);
      put (self, text, 2);
    }
  if (self->depth + 1 == self->allocated)
    {
      self->allocated *= 2;
      self->states = g_renew (guint8, self->states, self->allocated);
    }
  self->states[++self->depth] = opened;
}

static void
close_container (DmJsonWriter *self,
                 char          closing)
{
  g_return_if_fail (self->depth > 0);

  self->depth--;
  after (self);
  if (G_LIKELY (self->depth <= SHALLOW_MAX))
    {
      gsize width = (gsize)self->depth * INDENT_WIDTH;
      char *out = reserve (self, 2 + width);

      /* The newline of the separator, then the indent. */
      memcpy (out, separator_indent + 1, 1 + width);
      out[1 + width] = closing;
      commit (self, out + 2 + width);
    }
  else
    {
      put (self, "\n", 1);
      indent (self);
      put (self, &closing, 1);
    }
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
  close_container (self, '}');
}

void
dm_json_writer_begin_array (DmJsonWriter *self)
{
  open_container (self, STATE_ARRAY_START, "[\n");
}

void
dm_json_writer_end_array (DmJsonWriter *self)
{
  close_container (self, ']');
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each byte of @word that is below 0x20, a quote, a
 * backslash or above 0x7f, plus perhaps some above the first of those
 * (a borrow carries upwards): nonzero exactly when one of the eight needs
 * a look, and in memory order the lowest bit set is the first that does. */
static inline guint64
special_bytes (guint64 word)
{
  guint64 quote = word ^ (ONES * '"');
  guint64 backslash = word ^ (ONES * '\\');

  return ((word - ONES * 0x20) | (quote - ONES) | (backslash - ONES) | word) & HIGHS;
}

#if WORDS_IN_ORDER
/* The @n bytes (fewer than eight) at @p in the low bytes of a word, the
 * others zero. */
static inline guint64
load_tail (const guchar *p,
           gsize         n)
{
  guint64 word = 0;
  guint shift = 0;

  if (n & 4)
    {
      guint32 four;

      memcpy (&four, p, 4);
      word = four;
      p += 4;
      shift = 32;
    }
  if (n & 2)
    {
      guint16 two;

      memcpy (&two, p, 2);
      word |= (guint64)two << shift;
      p += 2;
      shift += 16;
    }
  if (n & 1)
    word |= (guint64)*p << shift;
  return word;
}
#endif

/* The first byte from @p on that is not kept as it is, or @end. */
static inline const guchar *
skip_plain (const guchar *p,
            const guchar *end)
{
  while (end - p >= 8)
    {
      guint64 word, special;

      memcpy (&word, p, sizeof word);
      special = special_bytes (word);
      if (special != 0)
        {
#if WORDS_IN_ORDER
          return p + __builtin_ctzll (special) / 8;
#else
          break;
#endif
        }
      p += 8;
    }
  while (p < end && escapes[*p] == 0)
    p++;
  return p;
}

/* How far from @p (a byte above 0x7f) on the bytes are kept: to the end of
 * the valid characters there, or @p itself when no valid character starts
 * at @p. The bytes before *@valid are known to be valid UTF-8; UTF-8 is
 * validated as g_utf8_make_valid() does, so the same bytes are replaced. */
static inline const guchar *
multibyte_run (const guchar  *p,
               const guchar  *end,
               const guchar **valid)
{
  const guchar *run;

  if (p >= *valid)
    {
      const char *valid_end;

      g_utf8_validate_len ((const char *)p, end - p, &valid_end);
      *valid = (const guchar *)valid_end;
      if (*valid == p)
        return p;
    }
  for (run = p; run < *valid && *run >= 0x80; run++)
    ;
  return run;
}

/* The escape of @c (below 0x80) written at @out; returns its end. */
static inline char *
escape_byte (char   *out,
             guchar  c)
{
  static const char hex[] = "0123456789ABCDEF";
  char escape = escapes[c];

  out[0] = '\\';
  out[1] = escape;
  if (escape != 'u')
    return out + 2;
  out[2] = '0';
  out[3] = '0';
  out[4] = hex[c >> 4];
  out[5] = hex[c & 0xf];
  return out + 6;
}

#define REPLACEMENT "\xef\xbf\xbd"

/* The bytes from @p to @end escaped and made valid, written at @out, which
 * has room for MAX_ESCAPE bytes for each of them and 8 more; returns the
 * end. The bytes before @p, if any, are plain. */
static char *
escape_rest (char         *out,
             const guchar *p,
             const guchar *end)
{
  const guchar *valid = p;

  while (p < end)
    {
      const guchar *run;

      /* Whole words are copied as they are tested; a word's bytes after
       * the first that needs a look are written again. */
      while (end - p >= 8)
        {
          guint64 word, special;

          memcpy (&word, p, sizeof word);
          memcpy (out, &word, sizeof word);
          special = special_bytes (word);
          if (special != 0)
            {
#if WORDS_IN_ORDER
              guint plain = __builtin_ctzll (special) / 8;

              p += plain;
              out += plain;
#endif
              break;
            }
          p += 8;
          out += 8;
        }
      while (p < end && escapes[*p] == 0)
        *out++ = *p++;
      if (p == end)
        break;
      if (*p < 0x80)
        {
          out = escape_byte (out, *p);
          p++;
          continue;
        }
      run = multibyte_run (p, end, &valid);
      if (run == p)
        {
          memcpy (out, REPLACEMENT, 3);
          out += 3;
          p++;
          continue;
        }
      memcpy (out, p, run - p);
      out += run - p;
      p = run;
    }
  return out;
}

/* @len bytes of @text escaped and made valid, written at @out, which has
 * room for MAX_ESCAPE bytes for each of them and 8 more; returns the end.
 * The common case, a string with nothing to escape, is copied here a word
 * at a time, as it is tested; the first word that needs a look goes to
 * escape_rest(). */
static inline char *
escape_into (char       *out,
             const char *text,
             gsize       len)
{
  const guchar *p = (const guchar *)text;
  const guchar *end = p + len;

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (G_UNLIKELY (special_bytes (word) != 0))
        return escape_rest (out, p, end);
      memcpy (out, &word, sizeof word);
      p += 8;
      out += 8;
    }
#if WORDS_IN_ORDER
  if (p < end)
    {
      gsize n = end - p;
      guint64 word = load_tail (p, n);

      if (G_UNLIKELY ((special_bytes (word) & (HIGHS >> (64 - 8 * n))) != 0))
        return escape_rest (out, p, end);
      memcpy (out, &word, sizeof word);
      out += n;
    }
  return out;
#else
  return escape_rest (out, p, end);
#endif
}

/* The same through put(), for a string too long for the buffer. */
static void
put_escaped (DmJsonWriter *self,
             const char   *text,
             gsize         len)
{
  const guchar *p = (const guchar *)text;
  const guchar *end = p + len;
  const guchar *valid = p;

  while (p < end)
    {
      const guchar *run = skip_plain (p, end);
      char code[MAX_ESCAPE];

      put (self, (const char *)p, run - p);
      p = run;
      if (p == end)
        break;
      if (*p < 0x80)
        {
          put (self, code, escape_byte (code, *p) - code);
          p++;
          continue;
        }
      run = multibyte_run (p, end, &valid);
      if (run == p)
        {
          put (self, REPLACEMENT, 3);
          p++;
          continue;
        }
      put (self, (const char *)p, run - p);
      p = run;
    }
}

/* Room for @len bytes of a string, quoted and escaped. */
#define ROOM_QUOTED(len) (2 + (len) * MAX_ESCAPE + 8)

G_STATIC_ASSERT (ROOM_BEFORE + ROOM_QUOTED (SHORT_STRING) <= OUTPUT_PIECE);

/* Room for a member: its separator and indent, its key, ": " and a
 * string value (or null). */
#define MEMBER_ROOM(name_len, value_len) (ROOM_BEFORE + ROOM_QUOTED (name_len) + 2 + ROOM_QUOTED (value_len))

/* @text (@len bytes) quoted and escaped at @out, which has
 * ROOM_QUOTED (@len) bytes; returns the end. */
static inline char *
write_quoted (char       *out,
              const char *text,
              gsize       len)
{
  *out++ = '"';
  out = escape_into (out, text, len);
  *out++ = '"';
  return out;
}

/* The same through put(), for a string too long for the buffer. */
static void
put_quoted (DmJsonWriter *self,
            const char   *text,
            gsize         len)
{
  put (self, "\"", 1);
  put_escaped (self, text, len);
  put (self, "\"", 1);
}

/* @text as a JSON string; %NULL is JSON's null. */
void
dm_json_writer_string (DmJsonWriter *self,
                       const char   *text)
{
  gsize len;

  if (text == NULL)
    {
      dm_json_writer_null (self);
      return;
    }
  len = strlen (text);
  if (G_LIKELY (len <= SHORT_STRING && self->depth <= SHALLOW_MAX))
    {
      char *out = reserve (self, ROOM_BEFORE + ROOM_QUOTED (len));

      out = write_before (self, out);
      commit (self, write_quoted (out, text, len));
    }
  else
    {
      before (self);
      put_quoted (self, text, len);
    }
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

/**
 * dm_json_writer_member:
 * @name: the key
 * @value: (nullable): the value; %NULL is JSON's null
 *
 * The same text as dm_json_writer_key() and dm_json_writer_string(), in
 * one call: a report's findings are mostly members with a string.
 */
void
dm_json_writer_member (DmJsonWriter *self,
                       const char   *name,
                       const char   *value)
{
  gsize name_len, value_len;

  g_return_if_fail (*state (self) == STATE_MAP_START || *state (self) == STATE_MAP_KEY);

  name_len = strlen (name);
  value_len = value != NULL ? strlen (value) : 0;
  if (G_UNLIKELY (name_len > SHORT_STRING || value_len > SHORT_STRING || self->depth > SHALLOW_MAX ||
                  MEMBER_ROOM (name_len, value_len) > OUTPUT_PIECE))
    {
      dm_json_writer_key (self, name);
      dm_json_writer_string (self, value);
      return;
    }

  {
    char *out = reserve (self, MEMBER_ROOM (name_len, value_len));

    out = write_before (self, out);
    out = write_quoted (out, name, name_len);
    *out++ = ':';
    *out++ = ' ';
    if (value != NULL)
      out = write_quoted (out, value, value_len);
    else
      {
        memcpy (out, "null", 4);
        out += 4;
      }
    commit (self, out);
  }
  /* A member written: a key is due. */
  *state (self) = STATE_MAP_KEY;
}

/* In decimal, as printf's %lld writes it, without its cost per call. */
void
dm_json_writer_integer (DmJsonWriter *self,
                        gint64        value)
{
  char text[24];
  char *start = text + sizeof text;
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;

  do
    {
      *--start = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--start = '-';
  put_atom (self, start, text + sizeof text - start);
}

void
dm_json_writer_boolean (DmJsonWriter *self,
                        gboolean      value)
{
  if (value)
    put_atom (self, "true", 4);
  else
    put_atom (self, "false", 5);
}

void
dm_json_writer_null (DmJsonWriter *self)
{
  put_atom (self, "null", 4);
}
