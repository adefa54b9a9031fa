/* dm-import-summary.c
 *
 * One wording for "what became of this file's items", so that the CLI, the
 * window, the slides and every report say the same thing. Each line's parts
 * add up to the number it starts with: a reviewer can check that nothing
 * vanished.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "dm-import-summary.h"

void
dm_import_counts_init (DmImportCounts      *counts,
                       const DmImportInput *input)
{
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (input == NULL)
    return;
  counts->items = input->items;
  counts->evaluated = input->evaluated;
  counts->parts[DM_IMPORT_PART_FAILED] = input->by_status[DM_FINDING_FAILED];
  counts->parts[DM_IMPORT_PART_PASSED] = input->by_status[DM_FINDING_PASSED];
  counts->parts[DM_IMPORT_PART_INFORMATIONAL] = input->by_status[DM_FINDING_INFORMATIONAL];
  counts->parts[DM_IMPORT_PART_SUPPRESSED] = input->by_status[DM_FINDING_SUPPRESSED];
  counts->parts[DM_IMPORT_PART_DUPLICATES] = input->duplicates;
  counts->parts[DM_IMPORT_PART_NOT_AWS] = input->not_aws;
  counts->parts[DM_IMPORT_PART_NOT_READ] = input->skipped;
}

void
dm_import_counts_add (DmImportCounts       *sum,
                      const DmImportCounts *counts)
{
  sum->items += counts->items;
  sum->evaluated += counts->evaluated;
  for (guint i = 0; i < DM_IMPORT_N_PARTS; i++)
    sum->parts[i] += counts->parts[i];
}

/* failed + passed + informational + suppressed + duplicates + not AWS + not read */
guint64
dm_import_counts_total (const DmImportCounts *counts)
{
  guint64 total = 0;

  for (guint i = 0; i < DM_IMPORT_N_PARTS; i++)
    total += counts->parts[i];
  return total;
}

/* Everything but the items not read: findings kept, repeated or of another cloud. */
guint64
dm_import_counts_results (const DmImportCounts *counts)
{
  return dm_import_counts_total (counts) - counts->parts[DM_IMPORT_PART_NOT_READ];
}

/* Whether every item gave exactly one result or was not read, so that one
 * line of parts adds up to the items. ScoutSuite rules and CLI outputs give
 * several findings per item, and then items and findings are told apart. */
gboolean
dm_import_counts_one_per_item (const DmImportCounts *counts)
{
  return dm_import_counts_results (counts) == counts->evaluated &&
         counts->evaluated + counts->parts[DM_IMPORT_PART_NOT_READ] == counts->items;
}

/* Whether nothing about AWS came of the items: a file of only other
 * clouds' findings says nothing of the account, so it must not pass as a
 * clean one. */
gboolean
dm_import_counts_read_nothing (const DmImportCounts *counts)
{
  return dm_import_counts_results (counts) - counts->parts[DM_IMPORT_PART_NOT_AWS] == 0;
}

static const char * const part_names[DM_IMPORT_N_PARTS] = {
  "failed", "passed", "informational", "suppressed", "duplicates", "not_aws", "not_read",
};

/* Machine names, for JSON. */
const char *
dm_import_part_to_string (DmImportPart part)
{
  g_return_val_if_fail (part < DM_IMPORT_N_PARTS, "not_read");
  return part_names[part];
}

/**
 * dm_import_part_format:
 *
 * Returns: "3 failed", "1 duplicate", "2 not AWS", "4 not read"
 */
char *
dm_import_part_format (DmImportPart part,
                       guint64      n)
{
  gulong plural = (gulong)MIN (n, G_MAXULONG);

  switch (part)
    {
    case DM_IMPORT_PART_FAILED:
      /* Translators: counts of an input's items or findings, e.g. "3 failed" */
      return g_strdup_printf (_("%" PRIu64 " failed"), n);
    case DM_IMPORT_PART_PASSED:
      return g_strdup_printf (_("%" PRIu64 " passed"), n);
    case DM_IMPORT_PART_INFORMATIONAL:
      return g_strdup_printf (_("%" PRIu64 " informational"), n);
    case DM_IMPORT_PART_SUPPRESSED:
      return g_strdup_printf (_("%" PRIu64 " suppressed"), n);
    case DM_IMPORT_PART_DUPLICATES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " duplicate", "%" PRIu64 " duplicates", plural), n);
    case DM_IMPORT_PART_NOT_AWS:
      /* Translators: findings of another cloud (Azure, GCP…), not drawn */
      return g_strdup_printf (_("%" PRIu64 " not AWS"), n);
    case DM_IMPORT_PART_NOT_READ:
      return g_strdup_printf (_("%" PRIu64 " not read"), n);
    case DM_IMPORT_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_parts (GString              *out,
              const DmImportCounts *counts,
              guint                 n_parts)
{
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *part = dm_import_part_format (i, counts->parts[i]);

      g_string_append_printf (out, "%s%s", i ? _(", ") : "", part);
    }
}

/**
 * dm_import_counts_describe:
 *
 * One line when each item gave one result ("12 items: 3 failed, 5 passed,
 * …, 2 not read"); two when items gave several findings or none ("12
 * items: 10 gave 31 findings, 2 not read" then "31 findings: 20 failed,
 * …"). An item neither read nor skipped, which should not happen, is said.
 *
 * Returns: plain text, one or two lines without a final newline
 */
char *
dm_import_counts_describe (const DmImportCounts *counts)
{
  GString *out = g_string_new (NULL);
  guint64 results = dm_import_counts_results (counts);
  guint64 not_read = counts->parts[DM_IMPORT_PART_NOT_READ];
  guint64 accounted = counts->evaluated + not_read;
  gulong plural = (gulong)MIN (counts->items, G_MAXULONG);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " item: ", "%" PRIu64 " items: ", plural),
                          counts->items);
  if (dm_import_counts_one_per_item (counts))
    {
      append_parts (out, counts, DM_IMPORT_N_PARTS);
      return g_string_free (out, FALSE);
    }

  /* Translators: "10 gave 31 findings, 2 not read": items, then findings */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " gave %" PRIu64 " finding, %" PRIu64 " not read",
                                            "%" PRIu64 " gave %" PRIu64 " findings, %" PRIu64 " not read",
                                            (gulong)MIN (results, G_MAXULONG)),
                          counts->evaluated, results, not_read);
  if (counts->items > accounted)
    g_string_append_printf (out, _(", %" PRIu64 " not accounted for"), counts->items - accounted);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " finding: ", "%" PRIu64 " findings: ",
                                            (gulong)MIN (results, G_MAXULONG)),
                          results);
  append_parts (out, counts, DM_IMPORT_N_PARTS - 1);
  return g_string_free (out, FALSE);
}

/* "october.json, modified 2 October 2026": one side of a comparison, as
 * the window, the CLI and the reports name it. Folders and several files
 * are named by the first and a count. The date is the file's, which is
 * when it was exported or copied; blocking I/O, so call it off the main
 * thread where the files may be slow. */
char *
dm_import_describe_files (GFile * const *files,
                          guint          n_files)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) modified = NULL;
  GString *out;

  if (n_files == 0)
    return g_strdup ("");

  name = g_file_get_basename (files[0]);
  out = g_string_new (name);
  if (n_files > 1)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n_files - 1), n_files - 1);
  info = g_file_query_info (files[0], G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && (modified = g_file_info_get_modification_date_time (info)) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (modified);

      /* Translators: a file's date, as in "2 October 2026"; see g_date_time_format() */
      date = g_date_time_format (local, _("%-d %B %Y"));
      /* Translators: "october.json, modified 2 October 2026" */
      g_string_append_printf (out, _(", modified %s"), date);
    }
  return g_string_free (out, FALSE);
}
