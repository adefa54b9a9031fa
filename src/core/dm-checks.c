/* dm-checks.c: what the per-family check files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"
#include "dm-json-reader.h"

void
dm_check_result (DmCheckContext *context,
                 const char     *check_id,
                 gboolean        failed,
                 const char     *resource,
                 const char     *resource_type,
                 const char     *evidence_format,
                 ...)
{
  const DmCheck *check = dm_catalogue_find_check (context->catalogue, check_id);
  g_autofree char *evidence = NULL;
  va_list args;

  /* A check id missing from the catalogue is a programming error. */
  g_return_if_fail (check != NULL);

  va_start (args, evidence_format);
  evidence = g_strdup_vprintf (evidence_format, args);
  va_end (args);

  /* A Config item's checks name its resource by id or name: the item's
   * own ARN is the name the other tools give it. */
  if (context->item_arn && resource &&
      (g_strcmp0 (resource, context->item_id) == 0 || g_strcmp0 (resource, context->item_name) == 0))
    resource = context->item_arn;

  context->emitted++;
  context->emit (context, check, failed, resource, resource_type, evidence);
}

/**
 * dm_check_member:
 *
 * Config items write "ipPermissions", the CLI "IpPermissions": the lookup
 * ignores the case of the first letter, and only of that one.
 */
DmJsonNode *
dm_check_member (DmJsonObject *object,
                 const char   *name)
{
  DmJsonNode *node;
  g_autofree char *other = NULL;

  if (object == NULL || name == NULL || *name == '\0')
    return NULL;

  if ((node = dm_json_object_get_member (object, name)))
    return node;

  other = g_strdup (name);
  other[0] = g_ascii_isupper (other[0]) ? g_ascii_tolower (other[0]) : g_ascii_toupper (other[0]);
  return dm_json_object_get_member (object, other);
}

const char *
dm_check_string (DmJsonObject *object,
                 const char   *name)
{
  DmJsonNode *node = dm_check_member (object, name);

  if (node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
    return dm_json_node_get_string (node);
  return NULL;
}

DmJsonObject *
dm_check_object (DmJsonObject *object,
                 const char   *name)
{
  DmJsonNode *node = dm_check_member (object, name);

  return node && DM_JSON_NODE_HOLDS_OBJECT (node) ? dm_json_node_get_object (node) : NULL;
}

DmJsonArray *
dm_check_array (DmJsonObject *object,
                const char   *name)
{
  DmJsonNode *node = dm_check_member (object, name);

  return node && DM_JSON_NODE_HOLDS_ARRAY (node) ? dm_json_node_get_array (node) : NULL;
}

void
dm_check_iter_init (DmCheckIter *iter,
                    DmJsonArray *array)
{
  iter->array = array;
  iter->single = NULL;
  iter->index = 0;
}

gboolean
dm_check_iter_next (DmCheckIter   *iter,
                    DmJsonObject **object)
{
  if (iter->single)
    {
      *object = g_steal_pointer (&iter->single);
      return TRUE;
    }
  while (iter->array && iter->index < dm_json_array_get_length (iter->array))
    {
      DmJsonNode *node = dm_json_array_get_element (iter->array, iter->index++);

      if (DM_JSON_NODE_HOLDS_OBJECT (node))
        {
          *object = dm_json_node_get_object (node);
          return TRUE;
        }
    }
  return FALSE;
}

guint
dm_check_count_objects (DmJsonArray *array)
{
  DmCheckIter iter;
  DmJsonObject *object;
  guint n = 0;

  dm_check_iter_init (&iter, array);
  while (dm_check_iter_next (&iter, &object))
    n++;
  return n;
}

DmJsonObject *
dm_check_first_object (DmJsonArray *array)
{
  DmJsonNode *first = array && dm_json_array_get_length (array) > 0 ? dm_json_array_get_element (array, 0) : NULL;

  return first && DM_JSON_NODE_HOLDS_OBJECT (first) ? dm_json_node_get_object (first) : NULL;
}

gboolean
dm_check_each (DmCheckContext      *context,
               DmJsonArray         *array,
               DmCheckResourceFunc  func)
{
  DmCheckIter iter;
  DmJsonObject *object;

  dm_check_iter_init (&iter, array);
  while (dm_check_iter_next (&iter, &object))
    func (context, "", object);
  return array != NULL;
}

/* Booleans come as true/false, and in some exports as "true"/"false". */
gboolean
dm_check_boolean (DmJsonObject *object,
                  const char   *name,
                  gboolean     *value)
{
  DmJsonNode *node = dm_check_member (object, name);

  if (node == NULL || !DM_JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (dm_json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = dm_json_node_get_boolean (node);
      return TRUE;
    }
  if (dm_json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = dm_json_node_get_string (node);

      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        {
          *value = g_ascii_strcasecmp (text, "true") == 0;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
dm_check_integer (DmJsonObject *object,
                  const char   *name,
                  gint64       *value)
{
  DmJsonNode *node = dm_check_member (object, name);

  if (node == NULL || !DM_JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (dm_json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = dm_json_node_get_int (node);
      return TRUE;
    }
  if (dm_json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return dm_check_double_to_integer (dm_json_node_get_double (node), value);
  return FALSE;
}

/* Integers beyond 64 bits arrive as doubles; converting one outside
 * gint64's range is undefined, so it is clamped first. NaN is no number. */
gboolean
dm_check_double_to_integer (double  number,
                            gint64 *value)
{
  if (isnan (number))
    return FALSE;
  if (number >= 9223372036854775807.0)
    *value = G_MAXINT64;
  else if (number <= -9223372036854775808.0)
    *value = G_MININT64;
  else
    *value = (gint64)number;
  return TRUE;
}

/**
 * dm_check_parse_embedded:
 * @doc: (out) (transfer full): where the parsed value lives, or %NULL
 *   when @node is returned itself
 *
 * Config's API responses carry "configuration" (and supplementary values)
 * as JSON inside a string. Parses such a string with the same limits as
 * any input; any other node is returned as is.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unreadable
 */
DmJsonNode *
dm_check_parse_embedded (DmJsonNode *node,
                         DmJsonDoc **doc)
{
  const char *text;

  *doc = NULL;
  if (node == NULL)
    return NULL;
  if (!DM_JSON_NODE_HOLDS_VALUE (node) || dm_json_node_get_value_type (node) != G_TYPE_STRING)
    return node;

  text = dm_json_node_get_string (node);
  *doc = dm_json_doc_new_from_text (text, strlen (text), NULL);
  return dm_json_doc_get_root (*doc);
}

/* Bundle calls name their service; CloudMapper files start with it. */
gboolean
dm_check_hint_is (DmCheckContext *context,
                  const char     *service)
{
  const char *hint = context->service_hint;
  gsize length = strlen (service);

  if (hint == NULL)
    return FALSE;
  return g_ascii_strncasecmp (hint, service, length) == 0 &&
         (hint[length] == '\0' || hint[length] == '-' || hint[length] == '_');
}

/**
 * dm_check_arn_account:
 *
 * arn:PARTITION:SERVICE:REGION:ACCOUNT:…; only the start of @arn is read,
 * so it may point into a longer text.
 *
 * Returns: (nullable): the twelve-digit account, or %NULL
 */
char *
dm_check_arn_account (const char *arn)
{
  const char *p;
  guint colons = 0;

  if (arn == NULL || !g_str_has_prefix (arn, "arn:aws"))
    return NULL;
  /* Partition, service and region are short runs of [a-z0-9-]. */
  for (p = arn; *p && colons < 4 && p - arn < 80; p++)
    {
      if (*p == ':')
        colons++;
      else if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return NULL;
    }
  if (colons < 4)
    return NULL;
  for (guint i = 0; i < 12; i++)
    if (!g_ascii_isdigit (p[i]))
      return NULL;
  return p[12] == ':' ? g_strndup (p, 12) : NULL;
}

/**
 * dm_check_arn_region:
 *
 * The REGION of arn:PARTITION:SERVICE:REGION:…, empty for global services
 * (IAM, S3 buckets).
 *
 * Returns: (nullable): the region, or %NULL
 */
char *
dm_check_arn_region (const char *arn)
{
  const char *start, *end;

  if (arn == NULL || !g_str_has_prefix (arn, "arn:aws"))
    return NULL;
  if (!(start = strchr (arn + 4, ':')) || !(start = strchr (start + 1, ':')) || !(end = strchr (start + 1, ':')))
    return NULL;
  start++;
  if (end == start || end - start > 32)
    return NULL;
  for (const char *p = start; p < end; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return NULL;
  return g_strndup (start, end - start);
}

/* The length of the Region name @text starts with ("eu-west-1",
 * "us-gov-east-1": two letters, words of letters, a number), or 0. */
static gsize
region_length (const char *text)
{
  const char *p = text;
  guint words = 0;

  if (!g_ascii_islower (p[0]) || !g_ascii_islower (p[1]) || p[2] != '-')
    return 0;
  p += 2;
  while (*p == '-' && g_ascii_islower (p[1]))
    {
      for (p++; g_ascii_islower (*p); p++)
        ;
      words++;
    }
  if (words == 0 || *p != '-' || !g_ascii_isdigit (p[1]))
    return 0;
  for (p++; g_ascii_isdigit (*p); p++)
    ;
  return p - text;
}

static const char *
partition_of (const char *region)
{
  if (g_str_has_prefix (region, "us-gov-"))
    return "aws-us-gov";
  if (g_str_has_prefix (region, "cn-"))
    return "aws-cn";
  return "aws";
}

/* The partition of the context's Region; "aws" when it knows none. */
const char *
dm_check_partition (DmCheckContext *context)
{
  return context->region ? partition_of (context->region) : "aws";
}

/**
 * dm_check_build_arn:
 * @resource_format: the resource part, after the account
 *
 * Returns: (nullable): arn:PARTITION:@service:REGION:ACCOUNT:RESOURCE, or
 *   %NULL when the context knows no region or no account
 */
char *
dm_check_build_arn (DmCheckContext *context,
                    const char     *service,
                    const char     *resource_format,
                    ...)
{
  g_autofree char *resource = NULL;
  va_list args;

  /* Only an exact ARN: a 12-digit account and a Region's name. */
  if (context->region == NULL || !dm_check_is_account (context->account) ||
      region_length (context->region) != strlen (context->region))
    return NULL;
  va_start (args, resource_format);
  resource = g_strdup_vprintf (resource_format, args);
  va_end (args);
  return g_strdup_printf ("arn:%s:%s:%s:%s:%s", partition_of (context->region), service, context->region,
                          context->account, resource);
}

/**
 * dm_check_resource_arn:
 * @given_arn: (nullable): the ARN the item gives, taken when it is one
 * @prefix: what comes before @name in the resource part ("instance/", "db:")
 * @name: (nullable): the resource's id or name
 * @fallback: (nullable): the name when the item gives none
 *
 * A resource as the other tools name it: the ARN the item gives, else one
 * built in the context's account and Region, else by its name.
 *
 * Returns: (transfer full) (nullable): the name
 */
char *
dm_check_resource_arn (DmCheckContext *context,
                       const char     *given_arn,
                       const char     *service,
                       const char     *prefix,
                       const char     *name,
                       const char     *fallback)
{
  char *built;

  if (dm_check_arn_is_valid (given_arn))
    return g_strdup (given_arn);
  if (name && *name && (built = dm_check_build_arn (context, service, "%s%s", prefix, name)))
    return built;
  return g_strdup (name ? name : fallback);
}

/**
 * dm_check_build_global_arn:
 *
 * Returns: (nullable): arn:PARTITION:@service::ACCOUNT:RESOURCE (IAM's
 *   form), or %NULL when the context knows no account
 */
char *
dm_check_build_global_arn (DmCheckContext *context,
                           const char     *service,
                           const char     *resource_format,
                           ...)
{
  g_autofree char *resource = NULL;
  va_list args;

  if (!dm_check_is_account (context->account))
    return NULL;
  va_start (args, resource_format);
  resource = g_strdup_vprintf (resource_format, args);
  va_end (args);
  return g_strdup_printf ("arn:%s:%s::%s:%s", dm_check_partition (context), service,
                          context->account, resource);
}

char *
dm_check_root_arn (DmCheckContext *context)
{
  char *arn = dm_check_build_global_arn (context, "iam", "root");

  return arn ? arn : g_strdup ("root");
}

gboolean
dm_check_is_account (const char *text)
{
  return text && strlen (text) == 12 && strspn (text, "0123456789") == 12;
}

/**
 * dm_check_zone_region:
 *
 * A zone is its Region's name and a letter ("eu-west-1a"); Local and
 * Wavelength Zones add a suffix after the Region ("us-west-2-lax-1a"),
 * so the Region is the leading name, not the zone less its last letter.
 *
 * Returns: (nullable): the Region, or %NULL
 */
char *
dm_check_zone_region (const char *zone)
{
  gsize n = zone ? region_length (zone) : 0;

  /* The zone's letter or a Local Zone's suffix follows. */
  if (n == 0 || (!g_ascii_islower (zone[n]) && zone[n] != '-'))
    return NULL;
  return g_strndup (zone, n);
}

/**
 * dm_check_arn_is_valid:
 *
 * arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE with a known partition, a
 * service, a Region or none, a 12-digit account, "aws" or none, and a
 * resource: what a name given by an export must be to be taken as the
 * resource's ARN (AWS's own examples hold "arn:aws:us-west-2b:…").
 */
gboolean
dm_check_arn_is_valid (const char *arn)
{
  /* Its six fields, found in place: called for several names of most
   * Config items, it must not allocate. */
  const char *field[6];
  gsize len[5];
  const char *p = arn;

  if (arn == NULL || !g_str_has_prefix (arn, "arn:"))
    return FALSE;
  for (guint i = 0; i < 5; i++)
    {
      const char *colon = strchr (p, ':');

      if (colon == NULL)
        return FALSE;
      field[i] = p;
      len[i] = colon - p;
      p = colon + 1;
    }
  field[5] = p;
  if (!*field[5])
    return FALSE;
#define FIELD_IS(i, text) (len[i] == strlen (text) && memcmp (field[i], text, len[i]) == 0)
  if (!FIELD_IS (1, "aws") && !FIELD_IS (1, "aws-cn") && !FIELD_IS (1, "aws-us-gov"))
    return FALSE;
  if (len[2] == 0)
    return FALSE;
  for (gsize i = 0; i < len[2]; i++)
    if (!g_ascii_islower (field[2][i]) && !g_ascii_isdigit (field[2][i]) && field[2][i] != '-')
      return FALSE;
  if (len[3] > 0 && region_length (field[3]) != len[3])
    return FALSE;
  if (len[4] == 0 || FIELD_IS (4, "aws"))
    return TRUE;
#undef FIELD_IS
  if (len[4] != 12)
    return FALSE;
  for (gsize i = 0; i < 12; i++)
    if (!g_ascii_isdigit (field[4][i]))
      return FALSE;
  return TRUE;
}

/**
 * dm_check_scope_enter:
 * @account: (nullable): the resource's account as its item gives it;
 *   ignored unless a 12-digit id
 * @region: (nullable): its Region
 *
 * Returns: the context its checks run in
 */
DmCheckContext *
dm_check_scope_enter (DmCheckScope   *scope,
                      DmCheckContext *context,
                      const char     *account,
                      const char     *region)
{
  scope->context = *context;
  scope->context.emitted = 0;
  scope->outer = context;
  scope->account = dm_check_is_account (account) ? g_strdup (account) : NULL;
  scope->region = region && *region ? g_strdup (region) : NULL;
  if (scope->account)
    scope->context.account = scope->account;
  if (scope->region)
    scope->context.region = scope->region;
  return &scope->context;
}

void
dm_check_scope_clear (DmCheckScope *scope)
{
  if (scope->outer)
    scope->outer->emitted += scope->context.emitted;
  scope->outer = NULL;
  g_clear_pointer (&scope->account, g_free);
  g_clear_pointer (&scope->region, g_free);
}

/**
 * dm_check_parse_policy:
 * @doc: (out) (transfer full): as for dm_check_parse_embedded ()
 *
 * A policy as an object, as JSON text (resource policies) or as
 * URL-encoded JSON text (IAM's API).
 *
 * Returns: (transfer none) (nullable): the policy object's node
 */
DmJsonNode *
dm_check_parse_policy (DmJsonNode *policy,
                       DmJsonDoc **doc)
{
  DmJsonNode *parsed;

  *doc = NULL;
  if (policy == NULL)
    return NULL;
  if (DM_JSON_NODE_HOLDS_VALUE (policy) && dm_json_node_get_value_type (policy) == G_TYPE_STRING &&
      dm_json_node_get_string (policy)[0] == '%')
    {
      g_autofree char *text = g_uri_unescape_string (dm_json_node_get_string (policy), NULL);

      if (text == NULL)
        return NULL;
      *doc = dm_json_doc_new_from_text (text, strlen (text), NULL);
      parsed = dm_json_doc_get_root (*doc);
    }
  else
    parsed = dm_check_parse_embedded (policy, doc);

  if (parsed && DM_JSON_NODE_HOLDS_OBJECT (parsed))
    return parsed;
  g_clear_pointer (doc, dm_json_doc_unref);
  return NULL;
}

static gboolean
node_mentions (DmJsonNode *node,
               const char *prefix)
{
  return node && DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING &&
         g_str_has_prefix (dm_json_node_get_string (node), prefix);
}

/**
 * dm_check_statement_value:
 *
 * The first string of @member ("Resource", "Action"), itself a string or
 * a list of strings, in any statement, that starts with @prefix.
 */
const char *
dm_check_statement_value (DmJsonObject *policy,
                          const char   *member,
                          const char   *prefix)
{
  DmCheckIter iter;
  DmJsonObject *statement;

  dm_check_policy_statements (policy, &iter);
  while (dm_check_iter_next (&iter, &statement))
    {
      DmJsonNode *node = dm_json_object_get_member (statement, member);

      if (node_mentions (node, prefix))
        return dm_json_node_get_string (node);
      /* Elements are strings; a nested array is not a resource list. */
      if (node && DM_JSON_NODE_HOLDS_ARRAY (node))
        {
          DmJsonArray *list = dm_json_node_get_array (node);

          for (guint j = 0; j < dm_json_array_get_length (list); j++)
            if (node_mentions (dm_json_array_get_element (list, j), prefix))
              return dm_json_array_get_string_element (list, j);
        }
    }
  return NULL;
}

/* What a region- or account-wide result is about: the region, else the
 * account, and only when the data says neither, the file. */
const char *
dm_check_where (DmCheckContext *context)
{
  if (context->region)
    return context->region;
  return context->account ? context->account : context->source_name;
}

static gboolean
is_star_string (DmJsonNode *node)
{
  return DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING &&
         g_str_equal (dm_json_node_get_string (node), "*");
}

/* "*", {"AWS": "*"} or {"AWS": [..., "*"]}. */
gboolean
dm_check_principal_is_everyone (DmJsonNode *principal)
{
  DmJsonNode *aws;

  if (principal == NULL)
    return FALSE;
  if (DM_JSON_NODE_HOLDS_VALUE (principal))
    return is_star_string (principal);
  if (!DM_JSON_NODE_HOLDS_OBJECT (principal))
    return FALSE;

  aws = dm_json_object_get_member (dm_json_node_get_object (principal), "AWS");
  if (aws && DM_JSON_NODE_HOLDS_VALUE (aws))
    return is_star_string (aws);
  if (aws && DM_JSON_NODE_HOLDS_ARRAY (aws))
    {
      DmJsonArray *list = dm_json_node_get_array (aws);

      for (guint i = 0; i < dm_json_array_get_length (list); i++)
        if (is_star_string (dm_json_array_get_element (list, i)))
          return TRUE;
    }
  return FALSE;
}

/**
 * dm_check_policy_statements:
 * @iter: (out): set to walk the statements
 *
 * "Statement" may be one object or a list of them.
 */
void
dm_check_policy_statements (DmJsonObject *policy,
                            DmCheckIter  *iter)
{
  DmJsonNode *statements = policy ? dm_json_object_get_member (policy, "Statement") : NULL;

  dm_check_iter_init (iter, dm_json_node_get_array (statements));
  iter->single = dm_json_node_get_object (statements);
}

/* An Allow to everyone without a Condition is public. A condition (source
 * account, VPC, organisation) may narrow it; judging those needs more than
 * the policy, so they count as not public. */
static gboolean
policy_is_public (DmJsonNode *policy,
                  gboolean   *readable)
{
  g_autoptr(DmJsonDoc) parsed_doc = NULL;
  DmJsonNode *parsed = dm_check_parse_policy (policy, &parsed_doc);
  DmCheckIter iter;
  DmJsonObject *statement;

  *readable = parsed != NULL;
  if (!*readable)
    return FALSE;

  dm_check_policy_statements (dm_json_node_get_object (parsed), &iter);
  while (dm_check_iter_next (&iter, &statement))
    if (g_strcmp0 (dm_check_string (statement, "Effect"), "Allow") == 0 &&
        dm_json_object_get_member (statement, "Condition") == NULL &&
        dm_check_principal_is_everyone (dm_json_object_get_member (statement, "Principal")))
      return TRUE;
  return FALSE;
}

/**
 * dm_check_public_policy:
 * @policy: a resource policy, as a JSON object or JSON text
 *
 * Emits @check failed when @policy lets everyone in, passed when it does
 * not; nothing when it is no policy document at all.
 */
void
dm_check_public_policy (DmCheckContext *context,
                        const char     *check,
                        const char     *resource,
                        const char     *resource_type,
                        DmJsonNode     *policy)
{
  gboolean readable;
  gboolean public = policy_is_public (policy, &readable);

  if (!readable)
    return;
  dm_check_result (context, check, public, resource, resource_type,
                   public ? "A policy statement allows Principal * without a condition."
                          : "No policy statement allows everyone without a condition.");
}

static gboolean
run_of (const char *text,
        const char *alphabet,
        gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\0' || strchr (alphabet, text[i]) == NULL)
      return FALSE;
  return TRUE;
}

#define UPPER_DIGITS "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#define ALNUM "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/* Shapes of well-known credentials anywhere in the text. */
static const char *
secret_shape (const char *text)
{
  static const struct { const char *prefix; const char *alphabet; gsize length; const char *kind; } shapes[] = {
    { "AKIA", UPPER_DIGITS, 16, N_("an AWS access key ID") },
    { "ASIA", UPPER_DIGITS, 16, N_("an AWS temporary access key ID") },
    { "ghp_", ALNUM, 36, N_("a GitHub token") },
    { "github_pat_", ALNUM "_", 40, N_("a GitHub token") },
    { "glpat-", ALNUM "-_", 20, N_("a GitLab token") },
    { "xoxb-", "0123456789-", 10, N_("a Slack token") },
    { "xoxp-", "0123456789-", 10, N_("a Slack token") },
    { "sk_live_", ALNUM, 20, N_("a Stripe secret key") },
  };

  if (strstr (text, "PRIVATE KEY-----") && strstr (text, "-----BEGIN"))
    return N_("a private key");

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    for (const char *p = strstr (text, shapes[i].prefix); p; p = strstr (p + 1, shapes[i].prefix))
      if (run_of (p + strlen (shapes[i].prefix), shapes[i].alphabet, shapes[i].length))
        return shapes[i].kind;
  return NULL;
}

static gboolean
name_suggests_secret (const char *name)
{
  static const char *words[] = { "PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "API_KEY", "APIKEY",
                                 "PRIVATE_KEY", "ACCESS_KEY", "AUTH_DATA", "CREDENTIAL" };
  g_autofree char *upper = g_ascii_strup (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (upper, words[i]))
      return TRUE;
  return FALSE;
}

/* Values that point at a secret store rather than holding the secret. */
static gboolean
is_reference (const char *value)
{
  return g_str_has_prefix (value, "arn:") || g_str_has_prefix (value, "{{resolve:") ||
         g_str_has_prefix (value, "/") || g_str_has_prefix (value, "${") || g_str_has_prefix (value, "$(");
}

/**
 * dm_check_secret_kind:
 *
 * Returns: (nullable): a translatable description such as "an AWS access
 *   key ID" when @value looks like a credential, else %NULL
 */
const char *
dm_check_secret_kind (const char *name,
                      const char *value)
{
  const char *shape;

  if (value == NULL)
    return NULL;
  if ((shape = secret_shape (value)))
    return shape;

  /* A long value under a credential's name, unless it is a reference or a
   * placeholder: short values are flags and lengths. */
  if (name && name_suggests_secret (name) && strlen (value) >= 8 && !is_reference (value) &&
      strchr (value, ' ') == NULL)
    return N_("a credential, judging by its name");
  return NULL;
}

/**
 * dm_check_secret_in_text:
 * @line: (out): the 1-based line of the first secret
 *
 * Looks for credential shapes and NAME=value / NAME: value assignments
 * with credential names, as shell scripts and cloud-init write them.
 */
const char *
dm_check_secret_in_text (const char *text,
                         guint      *line)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *l = g_strstrip (lines[i]);
      char *separator;
      const char *kind;

      if (g_str_has_prefix (l, "export "))
        l += strlen ("export ");
      separator = strpbrk (l, "=:");
      if (separator && separator > l)
        {
          g_autofree char *name = g_strndup (l, separator - l);
          g_autofree char *value = g_strdup (separator + 1);

          g_strstrip (name);
          g_strstrip (value);
          if (value[0] == '"' || value[0] == '\'')
            {
              gsize n = strlen (value);

              if (n >= 2 && value[n - 1] == value[0])
                value[n - 1] = '\0';
              memmove (value, value + 1, strlen (value));
            }
          /* Names are identifiers; anything else is prose or a URL. */
          if (*name && run_of (name, ALNUM "_-.", strlen (name)) &&
              (kind = dm_check_secret_kind (name, value)))
            {
              *line = i + 1;
              return kind;
            }
        }
      if ((kind = secret_shape (lines[i])))
        {
          *line = i + 1;
          return kind;
        }
    }
  return NULL;
}

/* --- the families -------------------------------------------------------- */

/* Asked in this order; the first that recognises a CLI response evaluates
 * it. Policies first: a bare {"Policy"} is a bucket's only if no other
 * service claims it. No two families read the same Config item type, so
 * for items the order does not matter. */
static const DmCheckFamily * const families[] = {
  &dm_checks_policies_family,
  &dm_checks_ec2_family,
  &dm_checks_s3_family,
  &dm_checks_rds_family,
  &dm_checks_iam_family,
  &dm_checks_logging_family,
  &dm_checks_lambda_family,
  &dm_checks_containers_family,
  &dm_checks_opensearch_family,
  &dm_checks_platform_family,
};

/**
 * dm_checks_config:
 * @supplementary: (nullable): the item's supplementaryConfiguration
 *
 * Returns: %TRUE when a family recognised the item's type
 */
gboolean
dm_checks_config (DmCheckContext *context,
                  const char     *type,
                  const char     *id,
                  DmJsonObject   *configuration,
                  DmJsonObject   *supplementary)
{
  for (guint i = 0; type && i < G_N_ELEMENTS (families); i++)
    for (const DmCheckConfigType *t = families[i]->config; t && t->type; t++)
      if (g_str_equal (t->type, type))
        {
          if (t->evaluate_item)
            t->evaluate_item (context, id, configuration, supplementary);
          else
            t->evaluate (context, id, configuration);
          return TRUE;
        }
  return FALSE;
}

/**
 * dm_checks_cli:
 *
 * Returns: %TRUE when a family recognised the response
 */
gboolean
dm_checks_cli (DmCheckContext *context,
               DmJsonObject   *document)
{
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (families[i]->cli (context, document))
      return TRUE;
  return FALSE;
}
