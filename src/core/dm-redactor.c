/* dm-redactor.c: stable pseudonyms for identifiers in findings
 *
 * Account ids, ARNs, IP addresses, access key ids, email addresses, AWS
 * resource ids and resource names become pseudonyms such as account-1 or
 * bucket-3: the same original always gets the same pseudonym from one
 * redactor, so a redacted report still says "these three findings are
 * about the same bucket". What is not identifying stays: regions, check
 * ids, 0.0.0.0/0, AWS-managed policy ARNs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-redactor"

#include "config.h"

#include <string.h>

#include "dm-redactor.h"

struct _DmRedactor
{
  GObject     parent_instance;

  GHashTable *pseudonyms;  /* "kind\x1foriginal" → pseudonym */
  GHashTable *counters;    /* kind → GUINT count */
  GHashTable *names;       /* resource name → pseudonym, for free text */
  GPtrArray  *odd_names;   /* names with characters words do not have */
  GRegex     *full_account;
  GRegex     *full_resource_id;
  GRegex     *rules[7];
};

G_DEFINE_FINAL_TYPE (DmRedactor, dm_redactor, G_TYPE_OBJECT)

enum { RULE_ARN, RULE_KEY, RULE_EMAIL, RULE_IPV6, RULE_IPV4, RULE_ACCOUNT, RULE_RESOURCE_ID };

static const char *rule_patterns[] = {
  /* partition, service, region, account, resource */
  [RULE_ARN] = "\\barn:(aws[a-z-]*):([a-z0-9-]*):([a-z0-9-]*):([0-9]{12}|aws)?:([^\\s\"'`,;<>()\\[\\]{}]+)",
  [RULE_KEY] = "\\b(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\\b",
  [RULE_EMAIL] = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
  /* With "::" somewhere, or all eight groups: not a clock time. */
  [RULE_IPV6] = "(?<![\\w.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4})(?:/[0-9]{1,3})?(?![\\w:])",
  [RULE_IPV4] = "(?<![\\w.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?:/[0-9]{1,2})?(?!\\w|\\.[0-9])",
  [RULE_ACCOUNT] = "(?<![0-9])[0-9]{12}(?![0-9])",
  [RULE_RESOURCE_ID] = "\\b(i|sg|vol|snap|vpc|subnet|eni|ami|igw|rtb|acl|nat|eipalloc|vpce|pcx|tgw|fs|db|r)-[0-9a-f]{8,17}\\b",
};

static const struct { const char *prefix; const char *kind; } id_kinds[] = {
  { "i", "instance" }, { "sg", "sg" }, { "vol", "volume" }, { "snap", "snapshot" }, { "vpc", "vpc" },
  { "subnet", "subnet" }, { "eni", "eni" }, { "ami", "image" }, { "igw", "gateway" }, { "rtb", "route-table" },
  { "acl", "acl" }, { "nat", "nat" }, { "eipalloc", "address" }, { "vpce", "endpoint" }, { "pcx", "peering" },
  { "tgw", "transit-gateway" }, { "fs", "file-system" }, { "db", "db" }, { "r", "reservation" },
};

static const struct { const char *type; const char *kind; } type_kinds[] = {
  { "AwsS3Bucket", "bucket" }, { "AwsIamUser", "user" }, { "AwsIamRole", "role" }, { "AwsIamGroup", "group" },
  { "AwsIamPolicy", "policy" }, { "AwsIamAccessKey", "access-key" }, { "AwsLambdaFunction", "function" },
  { "AwsEc2Instance", "instance" }, { "AwsEc2SecurityGroup", "sg" }, { "AwsEc2Volume", "volume" },
  { "AwsEc2Snapshot", "snapshot" }, { "AwsEc2Vpc", "vpc" }, { "AwsEc2Subnet", "subnet" },
  { "AwsEc2NetworkAcl", "acl" }, { "AwsRdsDbInstance", "db" }, { "AwsRdsDbCluster", "db-cluster" },
  { "AwsRdsDbSnapshot", "db-snapshot" }, { "AwsKmsKey", "key" }, { "AwsSqsQueue", "queue" },
  { "AwsSnsTopic", "topic" }, { "AwsCloudTrailTrail", "trail" }, { "AwsEcsTaskDefinition", "task-definition" },
  { "AwsEcsService", "ecs-service" }, { "AwsEcsCluster", "ecs-cluster" }, { "AwsEksCluster", "eks-cluster" },
  { "AwsEcrRepository", "repository" }, { "AwsRedshiftCluster", "redshift-cluster" },
  { "AwsElastiCacheCacheCluster", "cache" }, { "AwsElasticBeanstalkEnvironment", "environment" },
  { "AwsDynamoDbTable", "table" }, { "AwsCloudFrontDistribution", "distribution" },
  { "AwsElbv2LoadBalancer", "load-balancer" }, { "AwsApiGatewayRestApi", "api" },
};

static void
dm_redactor_finalize (GObject *object)
{
  DmRedactor *self = DM_REDACTOR (object);

  g_hash_table_unref (self->pseudonyms);
  g_hash_table_unref (self->counters);
  g_hash_table_unref (self->names);
  g_clear_pointer (&self->odd_names, g_ptr_array_unref);
  g_clear_pointer (&self->full_account, g_regex_unref);
  g_clear_pointer (&self->full_resource_id, g_regex_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->rules); i++)
    g_clear_pointer (&self->rules[i], g_regex_unref);

  G_OBJECT_CLASS (dm_redactor_parent_class)->finalize (object);
}

static void
dm_redactor_class_init (DmRedactorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_redactor_finalize;
}

static void
dm_redactor_init (DmRedactor *self)
{
  self->pseudonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->odd_names = g_ptr_array_new ();   /* keys of names */
  self->full_account = g_regex_new ("^[0-9]{12}$", G_REGEX_OPTIMIZE, 0, NULL);
  self->full_resource_id = g_regex_new ("^(?:i|sg|vol|snap|vpc|subnet|eni|ami|igw|rtb|acl|nat|eipalloc|vpce|pcx|tgw|fs|db|r)-[0-9a-f]{8,17}$",
                                        G_REGEX_OPTIMIZE, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->rules); i++)
    {
      g_autoptr(GError) error = NULL;

      self->rules[i] = g_regex_new (rule_patterns[i], G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
    }
}

DmRedactor *
dm_redactor_new (void)
{
  return g_object_new (DM_TYPE_REDACTOR, NULL);
}

static const char *
pseudonym (DmRedactor *self,
           const char *kind,
           const char *original)
{
  g_autofree char *key = g_strconcat (kind, "\x1f", original, NULL);
  const char *found = g_hash_table_lookup (self->pseudonyms, key);
  guint n;

  if (found)
    return found;

  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, kind)) + 1;
  g_hash_table_insert (self->counters, g_strdup (kind), GUINT_TO_POINTER (n));
  found = g_strdup_printf ("%s-%u", kind, n);
  g_hash_table_insert (self->pseudonyms, g_steal_pointer (&key), (char *)found);
  return found;
}

guint
dm_redactor_get_n_pseudonyms (DmRedactor *self)
{
  g_return_val_if_fail (DM_IS_REDACTOR (self), 0);
  return g_hash_table_size (self->pseudonyms);
}

/* Registers a resource name so free text mentioning it is redacted too. */
/* Characters of a name that the word scan below treats as one word. */
static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || (c & 0x80);
}

/* Registers a resource name so free text mentioning it is redacted too.
 * A one-letter name would eat ordinary letters; anything longer is
 * redacted wherever it stands as a word, short or common as it may be:
 * an extra pseudonym is better than a leak. */
static void
remember_name (DmRedactor *self,
               const char *name,
               const char *alias)
{
  gboolean odd = FALSE;
  char *key;

  if (strlen (name) < 2 || g_hash_table_contains (self->names, name))
    return;
  key = g_strdup (name);
  g_hash_table_insert (self->names, key, g_strdup (alias));
  for (const char *p = name; *p; p++)
    if (!is_name_char (*p))
      odd = TRUE;
  if (odd)
    g_ptr_array_add (self->odd_names, key);
}

static const char *
kind_for_type (const char *type)
{
  for (guint i = 0; type && i < G_N_ELEMENTS (type_kinds); i++)
    if (g_str_equal (type, type_kinds[i].type) || g_str_has_prefix (type, type_kinds[i].type))
      return type_kinds[i].kind;
  return "resource";
}

/* An ARN's resource is "name" (S3), "type/name" or "type:name[:qualifier]";
 * the kind comes from the type, the pseudonym from the name alone so that
 * the same user or function gets one pseudonym as an ARN and as a name. */
static void
split_arn_resource (const char  *service,
                    const char  *resource,
                    char       **kind,
                    char       **type_part,
                    char       **name,
                    char       **suffix)
{
  gsize n = strcspn (resource, ":/");

  if (g_str_equal (service, "s3") || resource[n] == '\0')
    {
      *kind = g_strdup (g_str_equal (service, "s3") ? (strchr (resource, '/') ? "object" : "bucket")
                                                     : (*service ? service : "resource"));
      *type_part = g_strdup ("");
      *name = g_strdup (resource);
      *suffix = g_strdup ("");
      return;
    }

  *kind = g_strndup (resource, n);
  *type_part = g_strndup (resource, n + 1);
  /* A path (role/service-role/x) goes; a qualifier (function:x:prod) stays. */
  if (resource[n] == '/')
    {
      *name = g_strdup (strrchr (resource, '/') + 1);
      *suffix = g_strdup ("");
    }
  else
    {
      const char *start = resource + n + 1;
      gsize length = strcspn (start, ":");

      *name = g_strndup (start, length);
      *suffix = g_strdup (start + length);
    }
}

static gboolean
arn_cb (const GMatchInfo *info,
        GString          *out,
        gpointer          user_data)
{
  DmRedactor *self = user_data;
  g_autofree char *partition = g_match_info_fetch (info, 1);
  g_autofree char *service = g_match_info_fetch (info, 2);
  g_autofree char *region = g_match_info_fetch (info, 3);
  g_autofree char *account = g_match_info_fetch (info, 4);
  g_autofree char *resource = g_match_info_fetch (info, 5);
  g_autofree char *kind = NULL;
  g_autofree char *type_part = NULL;
  g_autofree char *name = NULL;
  g_autofree char *suffix = NULL;
  const char *alias;

  /* AWS's own (managed policies) identify no one. */
  if (g_strcmp0 (account, "aws") == 0)
    {
      g_autofree char *whole = g_match_info_fetch (info, 0);

      g_string_append (out, whole);
      return FALSE;
    }

  split_arn_resource (service, resource, &kind, &type_part, &name, &suffix);
  alias = g_hash_table_lookup (self->names, name);
  if (alias == NULL)
    {
      alias = pseudonym (self, kind, name);
      remember_name (self, name, alias);
    }
  g_string_append_printf (out, "arn:%s:%s:%s:%s:%s%s%s", partition, service, region,
                          account && *account ? pseudonym (self, "account", account) : "", type_part, alias, suffix);
  return FALSE;
}

typedef struct
{
  DmRedactor *self;
  const char *kind;
} SimpleRule;

static gboolean
simple_cb (const GMatchInfo *info,
           GString          *out,
           gpointer          user_data)
{
  SimpleRule *rule = user_data;
  g_autofree char *whole = g_match_info_fetch (info, 0);

  /* "Anywhere" and loopback are facts about exposure, not identities. */
  if (g_str_equal (whole, "0.0.0.0/0") || g_str_equal (whole, "0.0.0.0") || g_str_equal (whole, "::/0") ||
      g_str_equal (whole, "::") || g_str_has_prefix (whole, "127."))
    {
      g_string_append (out, whole);
      return FALSE;
    }
  g_string_append (out, pseudonym (rule->self, rule->kind, whole));
  return FALSE;
}

static gboolean
resource_id_cb (const GMatchInfo *info,
                GString          *out,
                gpointer          user_data)
{
  DmRedactor *self = user_data;
  g_autofree char *whole = g_match_info_fetch (info, 0);
  g_autofree char *prefix = g_match_info_fetch (info, 1);
  const char *kind = "resource";

  for (guint i = 0; i < G_N_ELEMENTS (id_kinds); i++)
    if (g_str_equal (prefix, id_kinds[i].prefix))
      kind = id_kinds[i].kind;
  g_string_append (out, pseudonym (self, kind, whole));
  return FALSE;
}

/* Known names, as whole words: a hash lookup per word, so thousands of
 * names cost no more than a few. */
static char *
replace_names (DmRedactor *self,
               const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      const char *start = p;
      g_autofree char *word = NULL;
      const char *alias;
      gsize length;

      if (!is_name_char (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (*p && is_name_char (*p))
        p++;
      length = p - start;
      word = g_strndup (start, length);
      /* "… bucket logs." ends a sentence, not the name. */
      while (length > 1 && (alias = g_hash_table_lookup (self->names, word)) == NULL && word[length - 1] == '.')
        word[--length] = '\0';
      if ((alias = g_hash_table_lookup (self->names, word)))
        {
          g_string_append (out, alias);
          g_string_append_len (out, start + length, (p - start) - length);
        }
      else
        g_string_append_len (out, start, p - start);
    }

  /* Names with spaces, slashes or such: rare, so looked for one by one. */
  for (guint i = 0; i < self->odd_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->odd_names, i);

      if (strstr (out->str, name))
        g_string_replace (out, name, g_hash_table_lookup (self->names, name), 0);
    }
  return g_string_free (out, FALSE);
}

/**
 * dm_redactor_text:
 *
 * Redacts identifiers in free text: titles, evidence, file names.
 *
 * Returns: (transfer full) (nullable): the redacted text
 */
char *
dm_redactor_text (DmRedactor *self,
                  const char *text)
{
  char *current;
  SimpleRule key = { self, "access-key" }, email = { self, "email" };
  SimpleRule ipv6 = { self, "ipv6" }, ipv4 = { self, "ip" }, account = { self, "account" };

  g_return_val_if_fail (DM_IS_REDACTOR (self), NULL);
  if (text == NULL)
    return NULL;

  /* Invalid UTF-8 cannot be matched safely: replace it first. */
  current = g_utf8_make_valid (text, -1);

#define APPLY(regex, cb, data) \
  G_STMT_START { \
    char *next = g_regex_replace_eval (regex, current, -1, 0, 0, cb, data, NULL); \
    if (next) { g_free (current); current = next; } \
  } G_STMT_END

  /* ARNs first, whole; then names they and resources taught, still whole. */
  APPLY (self->rules[RULE_ARN], arn_cb, self);
  if (g_hash_table_size (self->names) > 0)
    {
      char *next = replace_names (self, current);

      g_free (current);
      current = next;
    }
  APPLY (self->rules[RULE_KEY], simple_cb, &key);
  APPLY (self->rules[RULE_EMAIL], simple_cb, &email);
  APPLY (self->rules[RULE_IPV6], simple_cb, &ipv6);
  APPLY (self->rules[RULE_IPV4], simple_cb, &ipv4);
  APPLY (self->rules[RULE_ACCOUNT], simple_cb, &account);
  APPLY (self->rules[RULE_RESOURCE_ID], resource_id_cb, self);
#undef APPLY

  return current;
}

static gboolean
looks_like_region (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, text, 0, NULL);
}

/**
 * dm_redactor_resource:
 *
 * A finding's resource: ARNs and AWS ids as in free text, names by the
 * kind of resource (a bucket's name becomes bucket-N). Account-level
 * resources named by region or as "root" stay.
 *
 * Returns: (transfer full) (nullable): the pseudonym
 */
char *
dm_redactor_resource (DmRedactor *self,
                      const char *resource,
                      const char *resource_type)
{
  g_autofree char *valid = NULL;
  const char *alias;

  g_return_val_if_fail (DM_IS_REDACTOR (self), NULL);
  if (resource == NULL || *resource == '\0')
    return g_strdup (resource);

  valid = g_utf8_make_valid (resource, -1);
  /* Whole-string matches only: "111122223333-payroll" is a name. */
  if (g_str_has_prefix (valid, "arn:") || g_regex_match (self->full_resource_id, valid, 0, NULL) ||
      g_regex_match (self->full_account, valid, 0, NULL) ||
      g_strcmp0 (resource_type, "AwsAccount") == 0 || looks_like_region (valid) ||
      g_str_equal (valid, "root") || g_str_equal (valid, "password policy"))
    return dm_redactor_text (self, valid);

  if ((alias = g_hash_table_lookup (self->names, valid)))
    return g_strdup (alias);
  alias = pseudonym (self, kind_for_type (resource_type), valid);
  remember_name (self, valid, alias);
  return g_strdup (alias);
}

/* The name in a finding's resource: an ARN's last part, or the whole. */
static char *
own_name (const char *resource)
{
  const char *slash, *colon;

  if (resource == NULL)
    return NULL;
  if (!g_str_has_prefix (resource, "arn:"))
    return g_strdup (resource);
  slash = strrchr (resource, '/');
  colon = strrchr (resource, ':');
  return g_strdup (slash && slash > colon ? slash + 1 : colon ? colon + 1 : resource);
}

/* A finding's own resource is redacted wherever its name appears in the
 * finding, inside longer words too: tools build ids such as
 * prowler-aws-check-<account>-<region>-<name>. */
static char *
redact_field (DmRedactor *self,
              const char *text,
              const char *name,
              const char *alias)
{
  g_autoptr(GString) copy = NULL;

  if (text == NULL)
    return NULL;
  if (name == NULL || alias == NULL || strlen (name) < 3 || strstr (text, name) == NULL)
    return dm_redactor_text (self, text);
  copy = g_string_new (text);
  g_string_replace (copy, name, alias, 0);
  return dm_redactor_text (self, copy->str);
}

/**
 * dm_redactor_finding:
 *
 * Returns: (transfer full): a copy of @finding with every identifying
 *   field redacted
 */
DmFinding *
dm_redactor_finding (DmRedactor *self,
                     DmFinding  *finding)
{
  g_autofree char *resource = dm_redactor_resource (self, dm_finding_get_resource (finding),
                                                    dm_finding_get_resource_type (finding));
  g_autofree char *name = own_name (dm_finding_get_resource (finding));
  const char *alias = name ? g_hash_table_lookup (self->names, name) : NULL;
  g_autofree char *account = dm_redactor_text (self, dm_finding_get_account (finding));
  g_autofree char *title = redact_field (self, dm_finding_get_title (finding), name, alias);
  g_autofree char *evidence = redact_field (self, dm_finding_get_evidence (finding), name, alias);
  g_autofree char *remediation = redact_field (self, dm_finding_get_remediation (finding), name, alias);
  g_autofree char *source_base = g_path_get_basename (dm_finding_get_source (finding));
  g_autofree char *source = dm_redactor_text (self, source_base);
  g_autofree char *id = NULL;
  const char * const *resources = dm_finding_get_resources (finding);
  g_autoptr(GPtrArray) other_resources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
  DmFinding *copy;
  DmFindingData data = {
    .check = dm_finding_get_check (finding),
    .status = dm_finding_get_status (finding),
    .severity = dm_finding_get_severity (finding),
    .service = dm_finding_get_service (finding),
    .layer = dm_finding_get_layer (finding),
    .resource_type = dm_finding_get_resource_type (finding),
    .region = dm_finding_get_region (finding),
    .controls = dm_finding_get_controls (finding),
    .source_item = dm_finding_get_source_item (finding),
    .tool = dm_finding_get_tool (finding),
  };

  /* Ids of external findings are ARNs or hashes with the account in them. */
  if (dm_finding_get_check (finding) && g_str_equal (dm_finding_get_tool (finding), "Demarc"))
    id = g_strdup_printf ("%s/%s", dm_finding_get_check (finding), resource);
  else
    id = redact_field (self, dm_finding_get_id (finding), name, alias);

  data.id = id;
  data.resource = resource;
  data.account = account;
  data.title = title;
  data.evidence = evidence;
  data.remediation = remediation;
  data.source = source;

  g_ptr_array_add (other_resources, g_strdup (resource));
  for (guint i = 1; resources[i]; i++)
    g_ptr_array_add (other_resources, dm_redactor_resource (self, resources[i], dm_finding_get_resource_type (finding)));
  g_ptr_array_add (other_resources, NULL);
  data.resources = (const char * const *)other_resources->pdata;

  copy = dm_finding_new (&data);

  /* Other reports of it: their files and titles name things too. */
  for (guint i = 1; i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);
      g_autofree char *base = g_path_get_basename (origin.source);
      char *origin_source = dm_redactor_text (self, base);
      char *origin_title = redact_field (self, origin.title, name, alias);
      DmFindingData other = { .tool = origin.tool, .source_item = origin.source_item };

      g_ptr_array_add (origins, origin_source);
      g_ptr_array_add (origins, origin_title);
      other.source = origin_source;
      other.title = origin_title;
      dm_finding_add_origin (copy, &other);
    }
  return copy;
}

/**
 * dm_redactor_findings:
 *
 * Redacts every finding, in two passes so that a name first met as a
 * resource is also redacted where an earlier finding's text mentions it.
 *
 * Returns: (transfer full): a new list of redacted findings
 */
GListModel *
dm_redactor_findings (DmRedactor *self,
                      GListModel *findings)
{
  GListStore *store = g_list_store_new (DM_TYPE_FINDING);
  guint n = g_list_model_get_n_items (findings);

  g_return_val_if_fail (DM_IS_REDACTOR (self), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      const char * const *resources = dm_finding_get_resources (finding);

      /* Only to learn the names: the pseudonym is asked for again below. */
      g_free (dm_redactor_resource (self, dm_finding_get_resource (finding), dm_finding_get_resource_type (finding)));
      for (guint r = 1; resources[r]; r++)
        g_free (dm_redactor_resource (self, resources[r], dm_finding_get_resource_type (finding)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_autoptr(DmFinding) redacted = dm_redactor_finding (self, finding);

      g_list_store_append (store, redacted);
    }
  return G_LIST_MODEL (store);
}
