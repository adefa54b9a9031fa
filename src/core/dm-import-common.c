/* dm-import-common.c: the helpers every format shares
 *
 * Reading JSON safely, skips with their reasons, and the one way a
 * finding is placed on the model and kept (once).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-hash.h"
#include "dm-importer-private.h"

/* --- reading JSON safely ----------------------------------------------- */

DmJsonNode *
_dm_import_member (DmJsonObject *o,
                   const char   *path)
{
  DmJsonNode *node = NULL;

  if (o == NULL || *path == '\0')
    return NULL;

  /* Called for every member of every item: no allocation. */
  for (const char *part = path;; )
    {
      const char *dot = strchr (part, '.');
      gsize length = dot ? (gsize)(dot - part) : strlen (part);

      node = dm_json_object_get_member_len (o, part, length);
      if (node == NULL || dot == NULL)
        return node;
      if (!DM_JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      o = dm_json_node_get_object (node);
      part = dot + 1;
    }
}

const char *
_dm_import_str (DmJsonObject *o,
                const char   *path)
{
  DmJsonNode *node = _dm_import_member (o, path);

  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
    return dm_json_node_get_string (node);
  return NULL;
}

DmJsonObject *
_dm_import_obj (DmJsonObject *o,
                const char   *path)
{
  DmJsonNode *node = _dm_import_member (o, path);

  return node && DM_JSON_NODE_HOLDS_OBJECT (node) ? dm_json_node_get_object (node) : NULL;
}

DmJsonObject *
_dm_import_first_object (DmJsonObject *o,
                         const char   *path)
{
  DmJsonNode *node = _dm_import_member (o, path);
  DmJsonArray *array;

  if (node == NULL || !DM_JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = dm_json_node_get_array (node);
  if (dm_json_array_get_length (array) == 0 || !DM_JSON_NODE_HOLDS_OBJECT (dm_json_array_get_element (array, 0)))
    return NULL;
  return dm_json_array_get_object_element (array, 0);
}

gint64
_dm_import_integer (DmJsonObject *o,
                    const char   *path,
                    gint64        fallback)
{
  DmJsonNode *node = _dm_import_member (o, path);
  gint64 value;

  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_INT64)
    return dm_json_node_get_int (node);
  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      dm_check_double_to_integer (dm_json_node_get_double (node), &value))
    return value;
  return fallback;
}

const char *
_dm_import_first_of (const char *a,
                     const char *b)
{
  return a && *a ? a : b;
}

void
_dm_import_skip (DmImportFile *state,
                 const char   *reason)
{
  DmSkipReason *entry = g_hash_table_lookup (state->reasons, reason);

  if (entry == NULL)
    {
      entry = g_new0 (DmSkipReason, 1);
      entry->reason = g_strdup (reason);
      g_ptr_array_add (state->input->reasons, entry);
      g_hash_table_insert (state->reasons, entry->reason, entry);
    }
  entry->count++;
  state->input->skipped++;
}

/* Fills service, layer, check, remediation and controls: by Demarc's own
 * check (control id, then Prowler id), then through the mapping by the
 * tool's id (@tool; else the control as a Security Hub control, the
 * Prowler check), then by the service the id names, the resource type, the
 * service name. The tool's own title and remediation stay the finding's;
 * Demarc's remediation fills in where the tool gave none. */
void
_dm_import_map_finding_by_id (DmImportFile  *state,
                              DmFindingData *data,
                              const char    *control,
                              const char    *prowler_check,
                              const ToolId  *tool,
                              const char    *service_name,
                              GStrvBuilder  *controls)
{
  DmCatalogue *catalogue = state->self->catalogue;
  const DmCheck *check = NULL;
  const DmMapping *mapped = NULL;
  const char *service = NULL, *layer = NULL;

  if (control)
    check = dm_catalogue_find_by_control (catalogue, control);
  if (check == NULL && prowler_check)
    check = dm_catalogue_find_by_prowler (catalogue, prowler_check);

  if (check != NULL)
    {
      data->check = check->id;
      data->service = check->service;
      data->layer = check->layer;
      /* The tool's own advice for its finding; Demarc's where it gave none. */
      data->remediation = _dm_import_first_of (data->remediation, check->remediation);
      if (data->severity == DM_SEVERITY_UNKNOWN)
        data->severity = check->severity;
      g_strv_builder_addv (controls, (const char **)check->controls);
      for (guint i = 0; check->cis[i]; i++)
        {
          g_autofree char *cis = g_strdup_printf ("CIS 3.0 %s", check->cis[i]);
          g_strv_builder_add (controls, cis);
        }
      return;
    }

  if (control)
    g_strv_builder_add (controls, control);

  if (tool && tool->source)
    mapped = dm_catalogue_map_id (catalogue, tool->source, tool->id, data->resource_type);
  if (mapped == NULL && control)
    mapped = dm_catalogue_lookup (catalogue, "securityhub", control);
  if (mapped == NULL && prowler_check)
    mapped = dm_catalogue_lookup (catalogue, "prowler", prowler_check);

  if (mapped != NULL)
    {
      data->service = mapped->service;
      data->layer = mapped->layer;
      if (data->severity == DM_SEVERITY_UNKNOWN)
        data->severity = mapped->severity;
      return;
    }

  /* An id that names its service (PCI.IAM.1 on an AwsAccount resource is
   * IAM's) says more than the resource type. */
  if (((tool && (service = dm_catalogue_resolve_service (catalogue, tool->service))) &&
       (layer = dm_catalogue_get_service_layer (catalogue, service))) ||
      dm_catalogue_map_resource_type (catalogue, data->resource_type, &service, &layer) ||
      ((service = dm_catalogue_resolve_service (catalogue, service_name)) &&
       (layer = dm_catalogue_get_service_layer (catalogue, service))))
    {
      data->service = service;
      data->layer = layer;
    }
}

/* The form callers that know no tool id use. */
void
_dm_import_map_finding (DmImportFile  *state,
                        DmFindingData *data,
                        const char    *control,
                        const char    *prowler_check,
                        const char    *service_name,
                        GStrvBuilder  *controls)
{
  _dm_import_map_finding_by_id (state, data, control, prowler_check, NULL, service_name, controls);
}

/* The same finding reached twice (the file given twice, a folder reached
 * through a link, one root finding in two CloudMapper files) is one
 * finding. The tool's own id alone is not trusted to tell findings apart
 * (Prowler's examples give every finding the same placeholder uid): what
 * the finding says of which resource is part of the key. The tables hold
 * the findings themselves, hashed and compared by these fields: no key
 * text is kept per finding (half the memory of a large import). */
#define OR_EMPTY(s) ((s) ? (s) : "")

static guint
hash_fields (const char * const *fields,
             guint               n)
{
  guint hash = 5381;

  for (guint i = 0; i < n; i++)
    hash = hash * 31 + dm_str_hash (OR_EMPTY (fields[i]));
  return hash;
}

static gboolean
equal_fields (const char * const *a,
              const char * const *b,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    if (a[i] != b[i] && strcmp (OR_EMPTY (a[i]), OR_EMPTY (b[i])) != 0)
      return FALSE;
  return TRUE;
}

#define FINDING_FIELDS(f) \
  { dm_finding_get_tool (f), dm_finding_get_account (f), dm_finding_get_region (f), dm_finding_get_id (f), \
    dm_finding_get_check (f), dm_finding_get_resource (f), dm_finding_get_title (f) }

/* Which finding it is, whatever it says of it: two reports of one finding
 * at two times (Security Hub updates a finding in place, Config records a
 * resource again when it changes) have the same key. */
static guint
compute_key_hash (DmFinding *finding)
{
  const char *fields[] = FINDING_FIELDS (finding);

  return hash_fields (fields, G_N_ELEMENTS (fields));
}

guint
_dm_import_finding_key_hash (gconstpointer finding)
{
  return dm_finding_get_key_hash ((DmFinding *)finding, compute_key_hash);
}

gboolean
_dm_import_finding_key_equal (gconstpointer a,
                              gconstpointer b)
{
  const char *x[] = FINDING_FIELDS ((DmFinding *)a);
  const char *y[] = FINDING_FIELDS ((DmFinding *)b);

  return equal_fields (x, y, G_N_ELEMENTS (x));
}

/* The same report again: the same key and the same status. A pass and a
 * fail are never one report, or the one read first would hide the other. */
guint
_dm_import_finding_hash (gconstpointer finding)
{
  return _dm_import_finding_key_hash (finding) * 31 + dm_finding_get_status ((DmFinding *)finding);
}

gboolean
_dm_import_finding_equal (gconstpointer a,
                          gconstpointer b)
{
  return dm_finding_get_status ((DmFinding *)a) == dm_finding_get_status ((DmFinding *)b) &&
         _dm_import_finding_key_equal (a, b);
}

/* The same check on the same resource, reported by several tools or files
 * (Security Hub, Prowler's ASFF and its OCSF), is one finding that lists
 * each report. The check is Demarc's, else the Security Hub control; a
 * finding with neither, or without a resource, is only ever the same as
 * itself. A pass and a fail are kept apart; so are two reports in one file,
 * which the tool itself told apart. */
static const char *
report_check (DmFinding *finding)
{
  const char * const *controls = dm_finding_get_controls (finding);

  if (dm_finding_get_check (finding))
    return dm_finding_get_check (finding);
  return controls && controls[0] ? controls[0] : NULL;
}

static gboolean
has_report_key (DmFinding *finding)
{
  return report_check (finding) != NULL && *dm_finding_get_resource (finding) != '\0';
}

guint
_dm_import_report_hash (gconstpointer finding)
{
  DmFinding *f = (DmFinding *)finding;
  const char *fields[] = { report_check (f), dm_finding_get_account (f), dm_finding_get_resource (f) };

  return hash_fields (fields, G_N_ELEMENTS (fields)) * 31 + dm_finding_get_status (f);
}

gboolean
_dm_import_report_equal (gconstpointer a,
                         gconstpointer b)
{
  DmFinding *f = (DmFinding *)a, *g = (DmFinding *)b;
  const char *x[] = { report_check (f), dm_finding_get_account (f), dm_finding_get_resource (f) };
  const char *y[] = { report_check (g), dm_finding_get_account (g), dm_finding_get_resource (g) };

  return dm_finding_get_status (f) == dm_finding_get_status (g) && equal_fields (x, y, G_N_ELEMENTS (x));
}

#undef OR_EMPTY

/* The input @finding was counted in: the one being read, or an earlier
 * one; NULL if that input is gone (a file that failed half-way). */
static DmImportInput *
input_of (DmImporter    *self,
          DmImportInput *current,
          DmFinding     *finding)
{
  if (g_strcmp0 (current->path, dm_finding_get_source (finding)) == 0)
    return current;
  for (guint i = 0; i < self->inputs->len; i++)
    {
      DmImportInput *input = g_ptr_array_index (self->inputs, i);

      if (g_strcmp0 (input->path, dm_finding_get_source (finding)) == 0)
        return input;
    }
  return NULL;
}

/* Two reports of one finding that say when the tool saw it: the later one
 * is the finding's state, and the earlier counts as a duplicate of it, in
 * whichever order they were read. @known is the one kept so far, at
 * @position (+ 1; 0 when it was joined to another tool's report). Returns
 * whether @finding was settled so; reports without a time, or at the same
 * time, are both kept. */
static gboolean
keep_latest (DmImporter    *self,
             DmImportInput *input,
             DmFinding     *finding,
             DmFinding     *known,
             guint          position)
{
  DmImportInput *known_input;

  if (dm_finding_get_observed (finding) == 0 || dm_finding_get_observed (known) == 0 ||
      dm_finding_get_observed (known) == dm_finding_get_observed (finding))
    return FALSE;

  if (dm_finding_get_observed (finding) < dm_finding_get_observed (known))
    {
      input->duplicates++;
      return TRUE;
    }
  /* Only a finding kept as it is, with no other tool's report joined to
   * it, is replaced: else both stay, the safe side. */
  if (position == 0 || dm_finding_get_n_origins (known) > 1 ||
      (known_input = input_of (self, input, known)) == NULL)
    return FALSE;

  known_input->by_status[dm_finding_get_status (known)]--;
  known_input->duplicates++;
  if (g_hash_table_lookup (self->reported, known) == known)
    g_hash_table_remove (self->reported, known);
  if (has_report_key (finding) && !g_hash_table_contains (self->reported, finding))
    g_hash_table_add (self->reported, finding);
  /* The table's reference to @known goes with it; the array's, last. */
  g_hash_table_remove (self->seen, known);
  g_hash_table_insert (self->seen, g_object_ref (finding), GUINT_TO_POINTER (position));
  dm_finding_array_replace (self->findings, position - 1, finding);
  input->by_status[dm_finding_get_status (finding)]++;
  return TRUE;
}

/* Keeps a finding, or joins it to the same report from another file.
 * @has_key: the tool gave the finding an id, so it can be met again. */
static void
keep_finding (DmImporter    *self,
              DmImportInput *input,
              DmFinding     *finding,
              gboolean       has_key)
{
  gboolean joinable = has_report_key (finding);
  gboolean tracked = has_key;   /* to be the one seen of its key */
  DmFinding *reported = NULL;

  if (has_key)
    {
      gpointer known, position;

      if (g_hash_table_lookup_extended (self->seen, finding, &known, &position))
        {
          /* The same report again; or, of the same finding, one with
           * another status: a later state, an earlier one, or (without
           * times) both kept, that one remembered beside it. */
          if (dm_finding_get_status (known) == dm_finding_get_status (finding) ||
              g_hash_table_contains (self->also_seen, finding))
            {
              input->duplicates++;
              return;
            }
          if (keep_latest (self, input, finding, known, GPOINTER_TO_UINT (position)))
            return;
          g_hash_table_add (self->also_seen, g_object_ref (finding));
          tracked = FALSE;
        }
    }
  if (joinable)
    reported = g_hash_table_lookup (self->reported, finding);
  if (reported && g_strcmp0 (dm_finding_get_source (reported), input->path) != 0)
    {
      DmFindingData origin = { .tool = dm_finding_get_tool (finding), .source = input->path,
                               .title = dm_finding_get_title (finding),
                               .source_item = dm_finding_get_source_item (finding) };

      dm_finding_add_origin (reported, &origin);
      input->duplicates++;
      if (tracked)
        g_hash_table_insert (self->seen, g_object_ref (finding), GUINT_TO_POINTER (0));
      return;
    }

  dm_finding_array_append (self->findings, finding);
  if (tracked)
    g_hash_table_insert (self->seen, g_object_ref (finding),
                         GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (self->findings))));
  if (joinable && reported == NULL)
    g_hash_table_add (self->reported, finding);
  input->by_status[dm_finding_get_status (finding)]++;
}

/* @controls: the finding's compliance ids, or NULL when @data already
 * points at a list that outlives the call (a catalogue check's). */
void
_dm_import_add_finding (DmImportFile  *state,
                        DmFindingData *data,
                        GStrvBuilder  *controls)
{
  g_auto(GStrv) list = controls ? g_strv_builder_end (controls) : NULL;
  g_autoptr(DmFinding) finding = NULL;

  if (list != NULL)
    data->controls = (const char * const *)list;
  data->source = state->input->path;
  data->strings = state->strings;
  if (data->observed == 0)
    data->observed = state->item_time;
  finding = dm_finding_new (data);

  /* In a worker: kept in order, for the importer to keep or join later. */
  if (state->pending != NULL)
    {
      DmPendingFinding pending = { g_steal_pointer (&finding), data->id != NULL };

      g_array_append_val (state->pending, pending);
      return;
    }
  keep_finding (state->self, state->input, finding, data->id != NULL);
}

/* On the importer's thread, in input order: what a worker read. */
void
_dm_import_keep_pending (DmImportFile *state)
{
  for (guint i = 0; state->pending && i < state->pending->len; i++)
    {
      DmPendingFinding *p = &g_array_index (state->pending, DmPendingFinding, i);

      keep_finding (state->self, state->input, p->finding, p->has_key);
    }
  g_clear_pointer (&state->pending, g_array_unref);
}

void
_dm_import_pending_clear (gpointer data)
{
  DmPendingFinding *p = data;

  g_clear_object (&p->finding);
}

DmSeverity
_dm_import_severity_of (const char *label,
                        gint64      normalized)
{
  DmSeverity severity;

  if (dm_severity_from_string (label, &severity))
    return severity;

  /* ASFF's 0–100 scale, as Security Hub bands it. */
  if (normalized >= 90) return DM_SEVERITY_CRITICAL;
  if (normalized >= 70) return DM_SEVERITY_HIGH;
  if (normalized >= 40) return DM_SEVERITY_MEDIUM;
  if (normalized >= 1) return DM_SEVERITY_LOW;
  if (normalized == 0) return DM_SEVERITY_INFORMATIONAL;
  return DM_SEVERITY_UNKNOWN;
}

/* Every resource a finding names (ASFF Resources[].Id, OCSF resources[]
 * .uid or .name), borrowed from @o; NULL-terminated, for data.resources. */
GPtrArray *
_dm_import_all_resources (DmJsonObject *o,
                          const char   *path,
                          const char   *id,
                          const char   *fallback)
{
  GPtrArray *resources = g_ptr_array_new ();
  DmJsonNode *node = _dm_import_member (o, path);

  for (guint i = 0; node && DM_JSON_NODE_HOLDS_ARRAY (node) && i < dm_json_array_get_length (dm_json_node_get_array (node)); i++)
    {
      DmJsonNode *element = dm_json_array_get_element (dm_json_node_get_array (node), i);
      const char *named;

      if (!DM_JSON_NODE_HOLDS_OBJECT (element))
        continue;
      named = _dm_import_first_of (_dm_import_str (dm_json_node_get_object (element), id),
                        fallback ? _dm_import_str (dm_json_node_get_object (element), fallback) : NULL);
      if (named)
        g_ptr_array_add (resources, (gpointer)named);
    }
  g_ptr_array_add (resources, NULL);
  return resources;
}

/* The account field of an ARN ("arn:aws:svc:region:ACCOUNT:…"), or NULL. */
char *
_dm_import_arn_field_account (const char *arn)
{
  g_auto(GStrv) parts = NULL;

  if (arn == NULL || !g_str_has_prefix (arn, "arn:"))
    return NULL;
  parts = g_strsplit (arn, ":", 6);
  return g_strv_length (parts) >= 5 && *parts[4] ? g_strdup (parts[4]) : NULL;
}

guint64
_dm_import_n_findings (DmImportFile *state)
{
  /* Duplicates and other clouds' findings count: such an item was read,
   * not lost. */
  guint64 n = state->input->duplicates + state->input->not_aws + (state->pending ? state->pending->len : 0);

  for (guint i = 0; i < DM_N_FINDING_STATUSES; i++)
    n += state->input->by_status[i];
  return n;
}

int
_dm_import_compare_names (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The tool's version as the export names it; the first one seen. */
void
_dm_import_note_version (DmImportFile *state,
                         const char   *version)
{
  if (state->input->tool_version == NULL && version != NULL && *version != '\0')
    state->input->tool_version = g_utf8_make_valid (version, MIN (strlen (version), 64));
}

/* When the export's items were made: the earliest and latest time they
 * carry, for the summary's "exported …". Items of one scan mostly repeat
 * one time text, which is parsed once. A time without a zone is UTC, as
 * the tools write them. Returns whether @iso8601 was such a time. */
gboolean
_dm_import_note_time (DmImportFile *state,
                      const char   *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  gint64 seconds;

  if (iso8601 == NULL || *iso8601 == '\0' || strlen (iso8601) >= sizeof state->last_time)
    return FALSE;
  if (strcmp (iso8601, state->last_time) == 0)
    {
      state->item_time = state->last_seconds;
      return state->last_seconds != 0;
    }
  g_strlcpy (state->last_time, iso8601, sizeof state->last_time);
  state->last_seconds = 0;
  utc = g_time_zone_new_utc ();
  if ((time = g_date_time_new_from_iso8601 (iso8601, utc)) == NULL)
    return FALSE;
  seconds = g_date_time_to_unix (time);
  /* The item's own time, which tells an earlier report of a finding from
   * a later one. */
  state->item_time = state->last_seconds = seconds;
  if (state->input->first_time == 0 || seconds < state->input->first_time)
    state->input->first_time = seconds;
  if (seconds > state->input->last_time)
    state->input->last_time = seconds;
  /* Times of 0 mean none, here as in the input's first and last time. */
  return seconds != 0;
}
