/* dm-output.h: the machine-readable outputs (JSON, and CSV, JUnit XML and
 * SARIF for CI tools), each written by its own module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "dm-catalogue.h"
#include "dm-report.h"

G_BEGIN_DECLS

typedef enum
{
  DM_OUTPUT_CSV,
  DM_OUTPUT_JUNIT,
  DM_OUTPUT_SARIF,
  DM_OUTPUT_JSON,
} DmOutputFormat;

gboolean  dm_output_format_from_string (const char      *name,
                                        DmOutputFormat  *format);
gboolean  dm_output_write              (DmReport        *report,
                                        DmCatalogue     *catalogue,
                                        DmOutputFormat   format,
                                        FILE            *out,
                                        GError         **error);

/* Shared by the writers. */
char     *dm_output_clean_text         (const char      *text);
gboolean  dm_output_finish             (FILE            *out,
                                        GError         **error);

/* One module each. @catalogue may be %NULL. */
void      dm_output_csv_write          (DmReport        *report,
                                        FILE            *out);
void      dm_output_junit_write        (DmReport        *report,
                                        FILE            *out);
void      dm_output_json_write         (DmReport        *report,
                                        FILE            *out);
void      dm_output_sarif_write        (DmReport        *report,
                                        DmCatalogue     *catalogue,
                                        FILE            *out);

G_END_DECLS
