/* dm-output-private.h: what the JSON-based writers (JSON, SARIF) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "dm-json-writer.h"

G_BEGIN_DECLS

void _dm_output_put_strings (DmJsonWriter       *writer,
                             const char         *name,
                             const char * const *values);

G_END_DECLS
