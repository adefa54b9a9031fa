/* dm-output.c: picks the writer for a CI output format; the text clean-up
 * every writer applies to strings from an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-output"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "dm-output.h"
#include "dm-output-private.h"


static const struct
{
  const char     *name;
  DmOutputFormat  format;
} formats[] = {
  { "csv", DM_OUTPUT_CSV },
  { "junit", DM_OUTPUT_JUNIT },
  { "sarif", DM_OUTPUT_SARIF },
  { "json", DM_OUTPUT_JSON },
};

gboolean
dm_output_format_from_string (const char     *name,
                              DmOutputFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * dm_output_clean_text:
 * @text: (nullable): a string from an export
 *
 * Invalid UTF-8 is replaced (U+FFFD), and the characters XML 1.0 forbids
 * are dropped, with DEL and the C1 controls: no control character but TAB,
 * LF and CR reaches a file, a parser or a terminal that shows it.
 *
 * Returns: (transfer full): the cleaned text, "" for %NULL
 */
char *
dm_output_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) ||
          c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
dm_output_finish (FILE    *out,
                  GError **error)
{
  if (fflush (out) != 0 || ferror (out))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "could not write the output: %s",
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * dm_output_write:
 * @catalogue: (nullable): where the SARIF rules' titles and help come from
 *
 * Writes the assessment of @report to @out in @format.
 */
gboolean
dm_output_write (DmReport       *report,
                 DmCatalogue    *catalogue,
                 DmOutputFormat  format,
                 FILE           *out,
                 GError        **error)
{
  g_return_val_if_fail (DM_IS_REPORT (report), FALSE);

  switch (format)
    {
    case DM_OUTPUT_CSV:
      dm_output_csv_write (report, out);
      break;
    case DM_OUTPUT_JUNIT:
      dm_output_junit_write (report, out);
      break;
    case DM_OUTPUT_SARIF:
      dm_output_sarif_write (report, catalogue, out);
      break;
    case DM_OUTPUT_JSON:
      dm_output_json_write (report, out);
      break;
    default:
      g_assert_not_reached ();
    }
  return dm_output_finish (out, error);
}

/* The member @name, a list of @values (%NULL-terminated; %NULL is an
 * empty list). */
void
_dm_output_put_strings (DmJsonWriter       *writer,
                        const char         *name,
                        const char * const *values)
{
  dm_json_writer_key (writer, name);
  dm_json_writer_begin_array (writer);
  for (guint i = 0; values && values[i]; i++)
    dm_json_writer_string (writer, values[i]);
  dm_json_writer_end_array (writer);
}
