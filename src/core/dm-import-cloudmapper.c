/* dm-import-cloudmapper.c: where a file of a CloudMapper account-data tree comes from
 *
 * The account, region, call and resource a file stands for, by its path;
 * the account id of an account folder, worked out once, and of a file
 * outside one, by its own ARNs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-importer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-checks.h"
#include "dm-importer-private.h"

static gboolean
looks_like_region (const char *name)
{
  /* eu-west-1, us-gov-east-1, ap-southeast-3 */
  return g_regex_match_simple ("^[a-z]{2}(-[a-z]+)+-[0-9]$", name, 0, 0);
}

static gboolean
looks_like_account (const char *name)
{
  return g_regex_match_simple ("^[0-9]{12}$", name, 0, 0);
}

/* CloudMapper names the folders of its per-resource calls after the call:
 * s3-get-bucket-policy, sqs-get-queue-attributes, ecs-describe-tasks,
 * iam-generate-service-last-accessed-details. */
gboolean
_dm_import_looks_like_call (const char *name)
{
  return g_regex_match_simple ("^[a-z0-9]+-(get|list|describe|generate|lookup|search|batch-get)-[a-z0-9-]+$",
                               name, 0, 0);
}

/* CloudMapper writes each resource's file name with Python's
 * urllib.parse.quote_plus: "+" for a space, %XX for anything but letters,
 * digits and "_.-~" (so an ARN's ":" and "/" come as %3A and %2F). */
char *
_dm_import_decode_resource_name (const char *name)
{
  g_autofree char *spaced = g_strdup (name);
  char *decoded;

  g_strdelimit (spaced, "+", ' ');
  decoded = g_uri_unescape_string (spaced, NULL);
  if (decoded && *decoded && g_utf8_validate (decoded, -1, NULL))
    return decoded;
  g_free (decoded);
  return g_filename_display_name (name);
}

#define IDENTITY_FILE "sts-get-caller-identity.json"
#define SCAN_FILES 200            /* files looked at for ARNs, per account folder */
#define SCAN_ENTRIES 4000         /* names looked at, so a huge folder ends the scan too */
#define SCAN_BYTES (64 * 1024)    /* of each */

/* sts get-caller-identity: {"Account", "Arn", "UserId"}. */
static char *
account_from_identity (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(DmJsonReader) reader = NULL;
  DmJsonNode *document;
  const char *account;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return NULL;
  reader = dm_json_reader_new ();
  if (!dm_json_reader_read_file (reader, file, NULL, NULL, cancellable, NULL))
    return NULL;
  document = dm_json_reader_get_document (reader);
  account = document && DM_JSON_NODE_HOLDS_OBJECT (document)
            ? _dm_import_str (dm_json_node_get_object (document), "Account") : NULL;
  return account && looks_like_account (account) ? g_strdup (account) : NULL;
}

static GPtrArray *
sorted_children (GFile        *folder,
                 GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, NULL);
  while (children && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, _dm_import_compare_names);
  return names;
}

/* Counts the account of every ARN in the first bytes of @file, a regular
 * file; @head is a buffer of SCAN_BYTES + 1, allocated when first needed. */
static void
count_arns (GFile         *file,
            GHashTable    *counts,
            char         **head,
            GCancellable  *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  gsize n = 0;

  if (stream == NULL)
    return;
  if (*head == NULL)
    *head = g_malloc (SCAN_BYTES + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), *head, SCAN_BYTES, &n, cancellable, NULL))
    return;
  (*head)[n] = '\0';
  for (const char *p = strstr (*head, "arn:aws"); p; p = strstr (p + 1, "arn:aws"))
    {
      char *account = dm_check_arn_account (p);

      if (account)
        g_hash_table_insert (counts, account,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, account)) + 1));
    }
}

/* The account most ARNs name (the smallest id of a tie), or NULL. */
static char *
most_named (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer k, v;
  guint best = 0;
  const char *winner = NULL;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &k, &v))
    if (GPOINTER_TO_UINT (v) > best || (GPOINTER_TO_UINT (v) == best && g_strcmp0 (k, winner) < 0))
      {
        best = GPOINTER_TO_UINT (v);
        winner = k;
      }
  return g_strdup (winner);
}

/* Counts the ARNs' accounts in the regular files under folder (links are
 * not followed, so loops end). */
typedef struct
{
  guint files;
  guint entries;
} ScanBudget;

static void
scan_arns (GFile        *folder,
           GHashTable   *counts,
           ScanBudget   *budget,
           guint         depth,
           GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = sorted_children (folder, cancellable);
  g_autofree char *head = NULL;

  for (guint i = 0; i < names->len && budget->files > 0 && budget->entries > 0; i++, budget->entries--)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_ptr_array_index (names, i));
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);

      if (type == G_FILE_TYPE_DIRECTORY && depth < 4)
        scan_arns (child, counts, budget, depth + 1, cancellable);
      if (type != G_FILE_TYPE_REGULAR)
        continue;
      budget->files--;
      count_arns (child, counts, &head, cancellable);
    }
}

/**
 * account_of_folder:
 *
 * CloudMapper's account folder is named after the account's *name*: the
 * id is in sts-get-caller-identity.json (in the folder or, as CloudMapper
 * writes it, in a region folder), else in the ARNs of the data (the
 * account most of them name), else the folder's name if it is an id.
 * Any other folder is no account's unless its identity file or its name
 * says so: the files a user gathered in one may be of several accounts,
 * and one file's ARNs say nothing of whose the next file is. Worked out
 * once per folder.
 */
const char *
_dm_import_account_of_folder (DmImporter   *self,
                              GFile        *folder,
                              GCancellable *cancellable)
{
  g_autofree char *key = g_file_get_parse_name (folder);
  g_autofree char *name = g_file_get_basename (folder);
  g_autoptr(GFile) identity = g_file_get_child (folder, IDENTITY_FILE);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->accounts_lock);
  const char *known = g_hash_table_lookup (self->accounts, key);
  gboolean has_regions = FALSE;
  char *account;

  if (known)
    return *known ? known : NULL;

  account = account_from_identity (identity, cancellable);
  if (account == NULL)
    {
      g_autoptr(GPtrArray) names = sorted_children (folder, cancellable);

      /* Region folders make it CloudMapper's account folder; the identity
       * file is in one of them. */
      for (guint i = 0; i < names->len && account == NULL; i++)
        {
          const char *child_name = g_ptr_array_index (names, i);
          g_autoptr(GFile) child = g_file_get_child (folder, child_name);
          g_autoptr(GFile) in_child = g_file_get_child (child, IDENTITY_FILE);

          if (looks_like_region (child_name) &&
              g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) == G_FILE_TYPE_DIRECTORY)
            {
              has_regions = TRUE;
              account = account_from_identity (in_child, cancellable);
            }
        }
    }
  if (account == NULL && has_regions)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ScanBudget budget = { SCAN_FILES, SCAN_ENTRIES };

      scan_arns (folder, counts, &budget, 0, cancellable);
      account = most_named (counts);
    }
  if (account == NULL && name && looks_like_account (name))
    account = g_strdup (name);

  g_hash_table_insert (self->accounts, g_strdup (key), account ? account : g_strdup (""));
  return account;
}

/**
 * account_of_file:
 *
 * Outside an account folder, a file's own ARNs: the account most of those
 * in its first bytes name, or NULL. Its items' own accounts come first;
 * this is for the results on the account itself (no multi-Region trail).
 */
char *
_dm_import_account_of_file (GFile        *file,
                            GCancellable *cancellable)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *head = NULL;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return NULL;
  count_arns (file, counts, &head, cancellable);
  return most_named (counts);
}

/**
 * context_from_path:
 * @in_folder: the file was met in a folder walk
 *
 * CloudMapper lays out account-data/<account>/<region>/<call>.json and
 * <region>/<call>/<resource> (a level deeper for ecs-describe-tasks and
 * route53-list-hosted-zones-by-vpc, whose second level may itself be a
 * region): the path says where those files come from. Elsewhere in a
 * walk, the folder that holds the file stands for the account folder.
 */
void
_dm_import_context_from_path (DmImportFile *state,
                              GFile        *file,
                              gboolean      in_folder)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GFile) account_dir = NULL;

  for (guint i = 0; dir && i < 4 && account_dir == NULL; i++)
    {
      g_autoptr(GFile) parent = g_file_get_parent (dir);
      g_autofree char *name = g_file_get_basename (dir);
      g_autofree char *parent_name = parent ? g_file_get_basename (parent) : NULL;

      if (name && looks_like_region (name) && parent && !(parent_name && _dm_import_looks_like_call (parent_name)))
        {
          state->path_region = g_steal_pointer (&name);
          account_dir = g_object_ref (parent);
        }
      /* Higher up only from inside a call folder. */
      else if (state->call == NULL)
        break;
      g_set_object (&dir, parent);
    }

  if (account_dir == NULL && in_folder)
    account_dir = g_file_get_parent (file);
  state->account_dir = g_steal_pointer (&account_dir);
  state->account_file = g_object_ref (file);
}
