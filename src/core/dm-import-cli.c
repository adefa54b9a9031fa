/* dm-import-cli.c: AWS CLI responses and demarc-collect's bundles, read by Demarc's own checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

/* The account and Region @resource's ARN says (each NULL if none), kept
 * until another resource is named. */
static void
arn_parts (DmImportFile *state,
           const char   *resource,
           const char  **account,
           const char  **region)
{
  if (g_strcmp0 (resource, state->last_arn.arn) != 0)
    {
      g_free (state->last_arn.arn);
      g_free (state->last_arn.account);
      g_free (state->last_arn.region);
      state->last_arn.arn = g_strdup (resource);
      state->last_arn.account = dm_check_arn_account (resource);
      state->last_arn.region = dm_check_arn_region (resource);
    }
  *account = state->last_arn.account;
  *region = state->last_arn.region;
}

static void
emit_check (DmCheckContext *context,
            const DmCheck  *check,
            gboolean        failed,
            const char     *resource,
            const char     *resource_type,
            const char     *evidence)
{
  DmImportFile *state = context->user_data;
  g_autofree char *id = g_strconcat (check->id, "/", resource ? resource : "", NULL);
  const char *arn_account, *arn_region;
  DmFindingData data = { 0 };

  arn_parts (state, resource, &arn_account, &arn_region);

  data.id = id;
  data.check = check->id;
  data.status = failed ? DM_FINDING_FAILED : DM_FINDING_PASSED;
  data.severity = check->severity;
  data.service = check->service;
  data.layer = check->layer;
  data.resource = resource;
  data.resource_type = resource_type;
  /* The resource's own ARN says whose and where it is; else where the
   * data came from (a global ARN, IAM's or a bucket's, names no Region). */
  data.region = arn_region && *arn_region ? arn_region : context->region ? context->region : arn_region;
  data.account = arn_account ? arn_account : context->account;
  data.source_item = context->item;
  data.tool = "Demarc";
  data.title = check->title;
  data.evidence = evidence;
  data.remediation = check->remediation;

  /* The catalogue's own list: dm_finding_new () shares each id. */
  data.controls = (const char * const *)check->compliance;
  _dm_import_add_finding (state, &data, NULL);
}

void
_dm_import_init_context (DmImportFile   *state,
                         DmCheckContext *context,
                         guint64         index)
{
  /* Only Demarc's own checks need the path's account: formats that name
   * their account never pay for looking it up. */
  if (state->account_dir || state->account_file)
    {
      const char *folder = state->account_dir ? _dm_import_account_of_folder (state->self, state->account_dir, NULL)
                                              : NULL;

      state->path_account = folder ? g_strdup (folder)
                            : state->account_file ? _dm_import_account_of_file (state->account_file, NULL) : NULL;
      g_clear_object (&state->account_dir);
      g_clear_object (&state->account_file);
    }

  memset (context, 0, sizeof *context);
  context->catalogue = state->self->catalogue;
  /* In CloudMapper's <call>/<resource> files, the folder names the call
   * and the file the resource. */
  context->source_name = state->resource_name ? state->resource_name : state->basename;
  context->service_hint = state->call ? state->call : state->basename;
  context->resource_name = state->resource_name;
  context->account = state->path_account;
  context->region = state->path_region;
  context->item = index;
  context->emit = emit_check;
  context->user_data = state;
}

/* One AWS CLI response, on its own or from a bundle. */
static gboolean
evaluate_cli_output (DmImportFile   *state,
                     DmCheckContext *context,
                     DmJsonObject   *output)
{
  gboolean known = dm_checks_cli (context, output);

  if (known && context->emitted == 0)
    _dm_import_skip (state, _("nothing to evaluate (stopped, detached or incomplete resource)"));
  return known;
}

/* "Findings, NextToken": what a document Demarc does not know holds. */
static char *
first_keys (DmJsonObject *o)
{
  g_autoptr(GList) names = dm_json_object_get_members (o);
  g_autoptr(GString) keys = g_string_new (NULL);
  guint n = 0;

  for (GList *l = names; l && n < 5; l = l->next, n++)
    g_string_append_printf (keys, "%s%s", n ? ", " : "", (char *)l->data);
  if (g_list_length (names) > 5)
    g_string_append (keys, ", …");
  return g_utf8_make_valid (keys->str, -1);
}

gboolean
_dm_import_bundle_call_detect (DmJsonObject *o)
{
  return dm_json_object_has_member (o, "operation") && dm_json_object_has_member (o, "service") &&
         (dm_json_object_has_member (o, "output") || dm_json_object_has_member (o, "error"));
}

/* A call of demarc-collect's bundle: the CLI response plus where it ran. */
void
_dm_import_bundle_call (DmImportFile *state,
                        DmJsonObject *call,
                        guint64       index)
{
  DmJsonObject *output = _dm_import_obj (call, "output");
  DmCheckContext context;

  _dm_import_init_context (state, &context, index);
  context.region = _dm_import_first_of (_dm_import_str (call, "region"), context.region);
  context.account = _dm_import_first_of (_dm_import_str (call, "account"), context.account);
  context.service_hint = _dm_import_str (call, "service");

  if (output == NULL)
    {
      dm_checks_call_error (&context, _dm_import_str (call, "service"), _dm_import_str (call, "operation"),
                            _dm_import_str (call, "error"));
      if (context.emitted == 0)
        _dm_import_skip (state, dm_json_object_has_member (call, "error") ? _("the collector could not make this call")
                                                                      : _("call without output"));
      return;
    }

  if (!evaluate_cli_output (state, &context, output))
    _dm_import_skip (state, _(NOT_YET_EVALUATED));
}

/* A Demarc bundle can hold thousands of calls: stream them. */
void
_dm_import_bundle_prepare (DmJsonReader *reader,
                           GFile        *file,
                           GCancellable *cancellable)
{
  dm_json_reader_add_item_path (reader, "calls");
}

/* Any other object is taken as one AWS CLI response. */
gboolean
_dm_import_cli_response (DmImportFile *state,
                         DmJsonObject *o)
{
  DmCheckContext context;

  if (dm_json_object_get_size (o) == 0)
    return FALSE;

  g_free (state->input->format);
  state->input->format = g_strdup ("aws-cli");
  state->input->items++;

  _dm_import_init_context (state, &context, 0);
  if (!evaluate_cli_output (state, &context, o))
    {
      g_autofree char *keys = first_keys (o);
      g_autofree char *reason = g_strdup_printf (_("no Demarc check reads this yet (its keys: %s)"), keys);

      _dm_import_skip (state, reason);
    }
  if (context.emitted > 0)
    state->input->evaluated++;
  return TRUE;
}

/* Pages of AWS CLI output one after the other in a file (--no-paginate
 * runs appended, or one answer per line): the pages of one response hold
 * the same lists, and are joined into the answer --paginate gives, so
 * that a check over a whole list (no multi-Region trail, no detector)
 * sees all of it. That answer is one item, numbered by its first page,
 * and is read by Demarc's checks when another response or item begins,
 * or the file ends. */

static void
emit_nothing (DmCheckContext *context,
              const DmCheck  *check,
              gboolean        failed,
              const char     *resource,
              const char     *resource_type,
              const char     *evidence)
{
}

/* "SecurityGroups": the members of @o holding lists, sorted, which tell
 * the pages of one response. */
static char *
list_names (DmJsonObject *o)
{
  g_autoptr(GList) names = g_list_sort (dm_json_object_get_members (o), (GCompareFunc)g_strcmp0);
  g_autoptr(GString) lists = g_string_new (NULL);

  for (GList *l = names; l; l = l->next)
    if (DM_JSON_NODE_HOLDS_ARRAY (dm_json_object_get_member (o, l->data)))
      g_string_append_printf (lists, "%s\n", (char *)l->data);
  return g_string_free (g_steal_pointer (&lists), FALSE);
}

/* Reads the response joined so far, if any. */
void
_dm_import_cli_pages_end (DmImportFile *state)
{
  g_autoptr(GPtrArray) pages = g_steal_pointer (&state->cli_pages);
  g_autoptr(DmJsonDoc) joined = NULL;
  DmCheckContext context;

  g_clear_pointer (&state->cli_lists, g_free);
  if (pages == NULL)
    return;
  joined = dm_json_doc_new_joined ((DmJsonDoc **)pages->pdata, pages->len);
  _dm_import_init_context (state, &context, state->cli_item);
  if (!evaluate_cli_output (state, &context, dm_json_node_get_object (dm_json_doc_get_root (joined))))
    _dm_import_skip (state, _(NOT_YET_EVALUATED));
  else if (context.emitted > 0)
    state->input->evaluated++;
}

/* @page: a top-level object of a file of several. FALSE when no check
 * of Demarc's reads it: it is then no AWS CLI response. */
gboolean
_dm_import_cli_page (DmImportFile *state,
                     DmJsonNode   *page)
{
  DmJsonObject *o = DM_JSON_NODE_HOLDS_OBJECT (page) ? dm_json_node_get_object (page) : NULL;
  g_autofree char *lists = NULL;
  g_autoptr(GList) names = NULL;
  DmCheckContext context;

  if (o == NULL || dm_json_object_get_size (o) == 0)
    return FALSE;
  lists = list_names (o);

  /* The next page of the response: its lists go on the first page's,
   * when the response is read. The page outlives its item: a copy. */
  if (state->cli_pages && *lists && g_str_equal (lists, state->cli_lists))
    {
      g_ptr_array_add (state->cli_pages, dm_json_doc_new_copy (page));
      return TRUE;
    }

  /* Tried without keeping anything: is it a response at all? */
  _dm_import_init_context (state, &context, 0);
  context.emit = emit_nothing;
  if (!dm_checks_cli (&context, o))
    return FALSE;

  _dm_import_cli_pages_end (state);
  g_free (state->input->format);
  state->input->format = g_strdup ("aws-cli");
  state->cli_item = state->input->items++;
  state->cli_pages = g_ptr_array_new_with_free_func ((GDestroyNotify)dm_json_doc_unref);
  g_ptr_array_add (state->cli_pages, dm_json_doc_new_copy (page));
  state->cli_lists = g_steal_pointer (&lists);
  return TRUE;
}
