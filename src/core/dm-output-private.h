/* dm-output-private.h: what the JSON-based writers (JSON, SARIF) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <yajl/yajl_gen.h>

#include <glib.h>

G_BEGIN_DECLS

yajl_gen  _dm_output_gen_new    (FILE       *out);
void      _dm_output_gen_string (yajl_gen    gen,
                                 const char *text);
void      _dm_output_gen_strings (yajl_gen            gen,
                                  const char         *name,
                                  const char * const *values);

G_END_DECLS
