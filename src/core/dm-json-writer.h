/* dm-json-writer.h: indented JSON written to a stream as it is generated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmJsonWriter DmJsonWriter;

DmJsonWriter *dm_json_writer_new          (FILE         *out);
void          dm_json_writer_free         (DmJsonWriter *self);
DmJsonWriter *dm_json_writer_new_fragment (DmJsonWriter *parent);
void          dm_json_writer_append       (DmJsonWriter *self,
                                           DmJsonWriter *fragment);

void          dm_json_writer_begin_object (DmJsonWriter *self);
void          dm_json_writer_end_object   (DmJsonWriter *self);
void          dm_json_writer_begin_array  (DmJsonWriter *self);
void          dm_json_writer_end_array    (DmJsonWriter *self);
void          dm_json_writer_key          (DmJsonWriter *self,
                                           const char   *name);
void          dm_json_writer_string       (DmJsonWriter *self,
                                           const char   *text);
void          dm_json_writer_member       (DmJsonWriter *self,
                                           const char   *name,
                                           const char   *value);
void          dm_json_writer_integer      (DmJsonWriter *self,
                                           gint64        value);
void          dm_json_writer_boolean      (DmJsonWriter *self,
                                           gboolean      value);
void          dm_json_writer_null         (DmJsonWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmJsonWriter, dm_json_writer_free)

G_END_DECLS
