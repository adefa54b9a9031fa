/* dm-redactor.c: stable pseudonyms for identifiers in findings
 *
 * Account ids, ARNs, IP addresses, access key ids, IAM unique ids, S3
 * canonical ids and hashes, email addresses, AWS resource ids and resource
 * names become pseudonyms such as account-1 or bucket-3: the same original
 * always gets the same pseudonym from one redactor, so a redacted report
 * still says "these three findings are about the same bucket". What is not
 * identifying stays: regions, check ids, 0.0.0.0/0, AWS-managed policy ARNs.
 *
 * Where a name is replaced: identifiers where they stand as identifiers,
 * ordinary words never.
 *  - By shape, everywhere: ARNs, account ids, access key ids, IAM unique
 *    ids (AIDA…, AROA…), 64-hex canonical ids and 32/40-hex hashes, UUIDs,
 *    resource ids (sg-, vpc-, i-…), IP addresses, emails.
 *  - Identifier fields (resource, resources, finding id, account): also
 *    every name known from the export.
 *  - Free text (titles, remediation, evidence): a known name when it is
 *    identifier-like (identifier_like(): a digit or - _ . / : @, a capital
 *    inside a word, 20 letters in a row); a plain-word name of the
 *    finding's own resource only right after a word naming its kind
 *    ("Lambda function thumbnailer", "a bucket named logs"); in evidence
 *    also the names it ties to the resource ("Flagged in NAME", "Security
 *    group NAME (sg-…)"); in title and evidence, IAM users' names.
 * So a resource named "default" or "enabled" is hub-1 as the resource and
 * in its id, while "Turn on EBS encryption by default" stays as written.
 * A finding's own names take its own pseudonym: two security groups named
 * "default" stay two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-redactor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-redactor.h"

struct _DmRedactor
{
  GObject     parent_instance;

  GHashTable *pseudonyms;  /* "kind\x1foriginal" → pseudonym */
  GHashTable *issued;      /* every pseudonym given, so no rule takes one for an id */
  GHashTable *counters;    /* kind → GUINT count */
  GHashTable *names;       /* resource name → pseudonym, for free text */
  GPtrArray  *odd_names;   /* names with characters words do not have */
  GRegex     *full_account;
  GRegex     *full_resource_id;
  GRegex     *scout_path;
  GRegex     *group_name;
  GRegex     *rules[9];
};

G_DEFINE_FINAL_TYPE (DmRedactor, dm_redactor, G_TYPE_OBJECT)

/* Which known names a text's words are compared with (see the top). */
typedef enum
{
  NAMES_IDENTIFIER_LIKE,
  NAMES_ALL,
} NameScope;

/* The names a finding gives its own resources, each with this finding's
 * pseudonym for it: two security groups named "default" keep theirs. */
typedef struct
{
  GHashTable *resources;  /* name → alias: its resources' names, its tool id's name */
  GHashTable *pinned;     /* name → alias: names its evidence ties to it ("Flagged in NAME",
                           * "Security group NAME (sg-…)"), and people's */
  GHashTable *people;     /* name → alias: IAM users' names */
} OwnNames;

typedef struct
{
  NameScope   scope;
  GHashTable *anywhere;    /* name → alias, replaced wherever they stand as words */
  GHashTable *after_kind;  /* name → alias, replaced after a word naming their kind */
} NameRules;

static const NameRules all_names = { NAMES_ALL, NULL, NULL };
static const NameRules identifier_like_names = { NAMES_IDENTIFIER_LIKE, NULL, NULL };

enum { RULE_ARN, RULE_KEY, RULE_EMAIL, RULE_UUID, RULE_HEX, RULE_IPV6, RULE_IPV4, RULE_ACCOUNT, RULE_RESOURCE_ID };

#define RESOURCE_ID_PREFIXES "i|sg|sgr|vol|snap|vpc|subnet|eni|ami|igw|eigw|rtb|acl|nat|eipalloc|eipassoc|vpce|pcx|tgw|tgw-attach|fs|fsap|db|r|lt|dopt|cgw|vgw|vpn|elb|ipam|prefix-list|pl"
/* Ids are 8 or 17 hex digits; samples and documentation shorten them
 * ("sg-222222", "vpc-ap111111"): any 4 to 17 letters and digits with a
 * digit among them. */
#define RESOURCE_ID_SUFFIX "(?=[0-9a-z]*[0-9])[0-9a-z]{4,17}"

static const char *rule_patterns[] = {
  /* partition, service, region, account (any: a 13-digit typo is still one), resource */
  [RULE_ARN] = "\\barn:(aws[a-z-]*):([a-z0-9-]*):([a-z0-9-]*):([^:\\s\"'`,;<>()\\[\\]{}]*):([^\\s\"'`,;<>()\\[\\]{}]+)",
  /* Access key ids are 20 characters, unique ids (AIDA…, AROA…) 21. */
  [RULE_KEY] = "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{12,28}\\b",
  [RULE_EMAIL] = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
  [RULE_UUID] = "(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])",
  /* S3 canonical user ids (64), and hashes tools key resources by (40, 32). */
  [RULE_HEX] = "(?<![0-9A-Za-z])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])",
  /* With "::" somewhere, or all eight groups: not a clock time. */
  [RULE_IPV6] = "(?<![\\w.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4}::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{0,4})(?:/[0-9]{1,3})?(?![\\w:])",
  [RULE_IPV4] = "(?<![\\w.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?:/[0-9]{1,2})?(?!\\w|\\.[0-9])",
  [RULE_ACCOUNT] = "(?<![0-9])[0-9]{12}(?![0-9])",
  [RULE_RESOURCE_ID] = "\\b(" RESOURCE_ID_PREFIXES ")-" RESOURCE_ID_SUFFIX "\\b",
};

static const struct { const char *prefix; const char *kind; } id_kinds[] = {
  { "i", "instance" }, { "sg", "sg" }, { "vol", "volume" }, { "snap", "snapshot" }, { "vpc", "vpc" },
  { "subnet", "subnet" }, { "eni", "eni" }, { "ami", "image" }, { "igw", "gateway" }, { "rtb", "route-table" },
  { "acl", "acl" }, { "nat", "nat" }, { "eipalloc", "address" }, { "vpce", "endpoint" }, { "pcx", "peering" },
  { "tgw", "transit-gateway" }, { "fs", "file-system" }, { "db", "db" }, { "r", "reservation" },
  { "sgr", "sg-rule" }, { "eigw", "gateway" }, { "eipassoc", "address" }, { "tgw-attach", "attachment" },
  { "fsap", "access-point" }, { "lt", "launch-template" }, { "dopt", "dhcp-options" }, { "cgw", "gateway" },
  { "vgw", "gateway" }, { "vpn", "vpn" }, { "elb", "load-balancer" }, { "ipam", "ipam" },
  { "prefix-list", "prefix-list" }, { "pl", "prefix-list" },
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
  { "AwsEcrRepository", "repository" }, { "AwsRedshiftCluster", "redshift" },
  { "AwsElastiCacheCacheCluster", "cache" }, { "AwsElasticBeanstalkEnvironment", "environment" },
  { "AwsDynamoDbTable", "table" }, { "AwsCloudFrontDistribution", "distribution" },
  { "AwsElbv2LoadBalancer", "load-balancer" }, { "AwsApiGatewayRestApi", "api" },
};

/* ScoutSuite's resource types are "<service>/<collection>"; its item paths
 * name a resource by its key under one of these. */
static const struct { const char *collection; const char *kind; } scout_kinds[] = {
  { "buckets", "bucket" }, { "users", "user" }, { "roles", "role" }, { "groups", "group" },
  { "policies", "policy" }, { "security_groups", "sg" }, { "vpcs", "vpc" }, { "subnets", "subnet" },
  { "instances", "instance" }, { "volumes", "volume" }, { "snapshots", "snapshot" }, { "functions", "function" },
  { "clusters", "cluster" }, { "keys", "key" }, { "trails", "trail" }, { "topics", "topic" },
  { "queues", "queue" }, { "tables", "table" }, { "network_acls", "acl" }, { "credential_reports", "user" },
  { "alarms", "alarm" }, { "certificates", "certificate" }, { "distributions", "distribution" },
  { "domains", "domain" }, { "elb_policies", "policy" }, { "elbs", "load-balancer" },
  { "lbs", "load-balancer" }, { "file_systems", "file-system" }, { "identities", "identity" },
  { "images", "image" }, { "metric_filters", "metric-filter" }, { "parameter_groups", "parameter-group" },
  { "peering_connections", "peering" }, { "repositories", "repository" }, { "secrets", "secret" },
  { "stacks", "stack" }, { "grantees", "grantee" }, { "access_keys", "access-key" },
  { "mfa_devices", "mfa-device" }, { "inline_policies", "policy" }, { "load_balancers", "load-balancer" },
};

/* Hyphenated words of security texts: a resource so named is not
 * identifier-like (see identifier_like()). */
static const char * const hyphenated_words[] = {
  "read-only", "cross-account", "multi-factor", "built-in", "sign-in", "third-party", "at-rest",
  "in-transit", "multi-region", "least-privilege", "up-to-date", "self-signed", "server-side",
  "client-side", "end-to-end", "well-known", "opt-in", "opt-out", "long-term", "short-term",
  "non-compliant", "e-mail", "x-ray", "follow-up", "set-up", "log-in", "public-read", "write-only",
  NULL
};

static void
dm_redactor_finalize (GObject *object)
{
  DmRedactor *self = DM_REDACTOR (object);

  g_hash_table_unref (self->pseudonyms);
  g_hash_table_unref (self->issued);
  g_hash_table_unref (self->counters);
  g_hash_table_unref (self->names);
  g_clear_pointer (&self->odd_names, g_ptr_array_unref);
  g_clear_pointer (&self->full_account, g_regex_unref);
  g_clear_pointer (&self->full_resource_id, g_regex_unref);
  g_clear_pointer (&self->scout_path, g_regex_unref);
  g_clear_pointer (&self->group_name, g_regex_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->rules); i++)
    g_clear_pointer (&self->rules[i], g_regex_unref);

  G_OBJECT_CLASS (dm_redactor_parent_class)->finalize (object);
}

static void
dm_redactor_class_init (DmRedactorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_redactor_finalize;
}

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);
  return regex;
}

static void
dm_redactor_init (DmRedactor *self)
{
  self->pseudonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->issued = g_hash_table_new (g_str_hash, g_str_equal);   /* values of pseudonyms */
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->odd_names = g_ptr_array_new ();   /* keys of names */
  self->full_account = compile ("^[0-9]{12}$");
  self->full_resource_id = compile ("^(?:" RESOURCE_ID_PREFIXES ")-" RESOURCE_ID_SUFFIX "$");
  /* ScoutSuite item paths: "<service>.<key>.<more…>", up to a space or comma. */
  self->scout_path = compile ("(?<![\\w.-])[a-z][a-z0-9]*\\.[a-z_]+\\.[^\\s,]+");
  /* Prowler and others: "Security group launch-wizard-1 (sg-0123…)". */
  self->group_name = compile ("\\b([Ss]ecurity [Gg]roup) ([^\\s()]+) \\((sg-[0-9a-z]+)\\)");
  for (guint i = 0; i < G_N_ELEMENTS (self->rules); i++)
    self->rules[i] = compile (rule_patterns[i]);
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
  g_hash_table_add (self->issued, (char *)found);
  return found;
}

guint
dm_redactor_get_n_pseudonyms (DmRedactor *self)
{
  g_return_val_if_fail (DM_IS_REDACTOR (self), 0);
  return g_hash_table_size (self->pseudonyms);
}

/* Characters of a name that the word scan below treats as one word. */
static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || (c & 0x80);
}

/* Whether @name, met in a title or remediation, is surely the name and not
 * a word of the sentence. Identifier-like: a digit or one of - _ . / : @
 * (redshift-cluster-1, launch-wizard, logs.example.com, payroll_2026,
 * team/app), a capital after a small letter inside a word (AuditRole,
 * myBucket), or 20 letters or more in a row, longer than words of security
 * texts. Not: "default", "enabled", "Admins", "MFA", "Production Logs",
 * and common hyphenated words such as "read-only". */
static gboolean
identifier_like (const char *name)
{
  gboolean lower = FALSE;
  guint run = 0;

  if (g_strv_contains (hyphenated_words, name))
    return FALSE;
  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isdigit (*p) || strchr ("-_./:@", *p))
        return TRUE;
      if (g_ascii_isupper (*p) && lower)
        return TRUE;
      lower = g_ascii_islower (*p);
      run = g_ascii_isalpha (*p) ? run + 1 : 0;
      if (run >= 20)
        return TRUE;
    }
  return FALSE;
}

/* Registers a resource name so free text mentioning it is redacted too
 * (where, see the top). A one-letter name would eat ordinary letters. */
static void
remember_name (DmRedactor *self,
               const char *name,
               const char *alias)
{
  gboolean odd = FALSE;
  char *key;

  if (name == NULL || strlen (name) < 2 || g_hash_table_contains (self->names, name) ||
      g_hash_table_contains (self->issued, name))
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
kind_for_collection (const char *collection)
{
  for (guint i = 0; collection && i < G_N_ELEMENTS (scout_kinds); i++)
    if (g_str_equal (collection, scout_kinds[i].collection))
      return scout_kinds[i].kind;
  return NULL;
}

static const char *
kind_for_type (const char *type)
{
  const char *slash = type ? strchr (type, '/') : NULL;
  const char *kind;

  if (slash && (kind = kind_for_collection (slash + 1)))
    return kind;
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
  gsize dots = 0;
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

  /* "… trusted by arn:aws:iam::111122223333:root." ends a sentence. */
  while (resource[0] && g_str_has_suffix (resource, "."))
    {
      resource[strlen (resource) - 1] = '\0';
      dots++;
    }
  split_arn_resource (service, resource, &kind, &type_part, &name, &suffix);
  /* One kind for a group as an ARN and as an id: sg-N. */
  if (g_str_equal (kind, "security-group"))
    {
      g_free (kind);
      kind = g_strdup ("sg");
    }
  /* A name as unique as an id (sg-0123…, thumbnailer-2) keeps the one
   * pseudonym it has as a name; a plain one ("default": every VPC has a
   * security group so named) gets one per kind. "root" names no one. */
  alias = identifier_like (name) ? g_hash_table_lookup (self->names, name) : NULL;
  if (alias == NULL && (g_hash_table_contains (self->issued, name) || g_str_equal (name, "root")))
    alias = name;
  if (alias == NULL)
    {
      alias = pseudonym (self, kind, name);
      remember_name (self, name, alias);
    }
  g_string_append_printf (out, "arn:%s:%s:%s:%s:%s%s%s", partition, service, region,
                          account == NULL || *account == '\0' || g_hash_table_contains (self->issued, account)
                          ? (account ? account : "") : pseudonym (self, "account", account),
                          type_part, alias, suffix);
  for (; dots > 0; dots--)
    g_string_append_c (out, '.');
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
  const char *kind = rule->kind;

  /* "Anywhere" and loopback are facts about exposure, not identities. */
  if (g_str_equal (whole, "0.0.0.0/0") || g_str_equal (whole, "0.0.0.0") || g_str_equal (whole, "::/0") ||
      g_str_equal (whole, "::") || g_str_has_prefix (whole, "127."))
    {
      g_string_append (out, whole);
      return FALSE;
    }
  /* Key ids sign requests; the other prefixes are unique ids of users,
   * roles, groups, policies and profiles. */
  if (g_str_equal (kind, "access-key") && !g_str_has_prefix (whole, "AKIA") && !g_str_has_prefix (whole, "ASIA") &&
      !g_str_has_prefix (whole, "ABIA"))
    kind = "unique-id";
  if (g_str_equal (kind, "hash") && strlen (whole) == 64)
    kind = "canonical-id";
  g_string_append (out, pseudonym (rule->self, kind, whole));
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

  /* "sg-1024", "vpn-1000": ours already. */
  if (g_hash_table_contains (self->issued, whole))
    {
      g_string_append (out, whole);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (id_kinds); i++)
    if (g_str_equal (prefix, id_kinds[i].prefix))
      kind = id_kinds[i].kind;
  g_string_append (out, pseudonym (self, kind, whole));
  return FALSE;
}

/* Words after which a resource's plain name stands as its name:
 * "Lambda function thumbnailer", "security group default", "a bucket
 * named logs"; not "EBS default encryption", "by default". */
static const char * const kind_words[] = {
  "bucket", "function", "user", "role", "group", "cluster", "instance", "table", "queue", "topic",
  "key", "trail", "policy", "repository", "domain", "distribution", "database", "db", "secret",
  "stack", "volume", "snapshot", "vpc", "subnet", "certificate", "alarm", "api", "environment",
  "profile", "hub", "analyzer", "detector", "recorder", "named", "called", NULL
};

/* The pseudonym a known name found in free text, after the word
 * @previous, is replaced by there; NULL to leave it. */
static const char *
lookup_alias (DmRedactor      *self,
              const char      *name,
              const char      *previous,
              const NameRules *rules)
{
  const char *alias;

  if (rules->anywhere && (alias = g_hash_table_lookup (rules->anywhere, name)))
    return alias;
  if (rules->after_kind && previous && (alias = g_hash_table_lookup (rules->after_kind, name)))
    {
      g_autofree char *lower = g_ascii_strdown (previous, -1);

      if (g_strv_contains (kind_words, lower))
        return alias;
    }
  alias = g_hash_table_lookup (self->names, name);
  return alias && (rules->scope == NAMES_ALL || identifier_like (name)) ? alias : NULL;
}

/* Known names, as whole words: a hash lookup per word, so thousands of
 * names cost no more than a few. */
static char *
replace_names (DmRedactor      *self,
               const char      *text,
               const NameRules *rules)
{
  GString *out = g_string_sized_new (strlen (text));
  g_autofree char *previous = NULL;
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
      while ((alias = lookup_alias (self, word, previous, rules)) == NULL && length > 1 && word[length - 1] == '.')
        word[--length] = '\0';
      if (alias)
        {
          g_string_append (out, alias);
          g_string_append_len (out, start + length, (p - start) - length);
        }
      else
        g_string_append_len (out, start, p - start);
      g_free (previous);
      previous = g_steal_pointer (&word);
    }

  /* Names with spaces, slashes or such: rare, so looked for one by one. */
  for (guint i = 0; i < self->odd_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->odd_names, i);
      const char *alias;

      if (strstr (out->str, name) && (alias = lookup_alias (self, name, NULL, rules)))
        g_string_replace (out, name, alias, 0);
    }
  return g_string_free (out, FALSE);
}

/* Every identifier found by its shape, and the known names @rules allow. */
static char *
redact_text (DmRedactor      *self,
             const char      *text,
             const NameRules *rules)
{
  char *current;
  SimpleRule key = { self, "access-key" }, email = { self, "email" }, uuid = { self, "uuid" };
  SimpleRule hex = { self, "hash" }, ipv6 = { self, "ipv6" }, ipv4 = { self, "ip" }, account = { self, "account" };

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
      char *next = replace_names (self, current, rules);

      g_free (current);
      current = next;
    }
  APPLY (self->rules[RULE_KEY], simple_cb, &key);
  APPLY (self->rules[RULE_EMAIL], simple_cb, &email);
  APPLY (self->rules[RULE_UUID], simple_cb, &uuid);
  APPLY (self->rules[RULE_HEX], simple_cb, &hex);
  APPLY (self->rules[RULE_IPV6], simple_cb, &ipv6);
  APPLY (self->rules[RULE_IPV4], simple_cb, &ipv4);
  APPLY (self->rules[RULE_ACCOUNT], simple_cb, &account);
  APPLY (self->rules[RULE_RESOURCE_ID], resource_id_cb, self);
#undef APPLY

  return current;
}

/**
 * dm_redactor_text:
 *
 * Redacts identifiers in free text: titles, remediation, file names.
 * Known names are replaced only where they are identifier-like (see the
 * top of this file).
 *
 * Returns: (transfer full) (nullable): the redacted text
 */
char *
dm_redactor_text (DmRedactor *self,
                  const char *text)
{
  g_return_val_if_fail (DM_IS_REDACTOR (self), NULL);
  return redact_text (self, text, &identifier_like_names);
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
    return redact_text (self, valid, &all_names);

  if (identifier_like (valid) && (alias = g_hash_table_lookup (self->names, valid)))
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

/* The pseudonym a finding's redacted resource ends in: bucket-1 for
 * arn:aws:s3:::bucket-1, sg-3 for sg-3; NULL when that is no pseudonym
 * (root, a region). */
static char *
resource_alias (DmRedactor *self,
                const char *redacted)
{
  g_autofree char *alias = own_name (redacted);

  return alias && g_hash_table_contains (self->issued, alias) ? g_steal_pointer (&alias) : NULL;
}

/* The name in ScoutSuite's "Flagged in NAME: paths." (dm-import-scoutsuite.c),
 * in the language the import ran in. */
static char *
scout_flagged_name (const char *evidence)
{
  g_auto(GStrv) parts = g_strsplit (_("Flagged in %s: %s."), "%s", 3);
  const char *start, *end;

  if (evidence == NULL || g_strv_length (parts) != 3 || *parts[0] == '\0' || *parts[1] == '\0')
    return NULL;
  if ((start = strstr (evidence, parts[0])) == NULL)
    return NULL;
  start += strlen (parts[0]);
  if ((end = strstr (start, parts[1])) == NULL || end == start)
    return NULL;
  return g_strndup (start, end - start);
}

/* Prowler's finding ids end in the resource's name:
 * prowler-aws-<check>-<account>-<region>-<name>. */
static char *
prowler_id_name (DmFinding *finding)
{
  const char *id = dm_finding_get_id (finding);
  const char *region = dm_finding_get_region (finding);
  g_autofree char *marker = NULL;
  const char *found;

  if (id == NULL || region == NULL || *region == '\0' || !g_str_has_prefix (id, "prowler-"))
    return NULL;
  marker = g_strdup_printf ("-%s-", region);
  if ((found = strstr (id, marker)) == NULL || found[strlen (marker)] == '\0')
    return NULL;
  return g_strdup (found + strlen (marker));
}

/* The pseudonym an id (sg-0123…) has, or gets. */
static char *
alias_of_id (DmRedactor *self,
             const char *id)
{
  const char *alias = g_hash_table_lookup (self->names, id);

  return alias ? g_strdup (alias) : redact_text (self, id, &all_names);
}

static void
own_names_clear (OwnNames *own)
{
  g_clear_pointer (&own->resources, g_hash_table_unref);
  g_clear_pointer (&own->pinned, g_hash_table_unref);
  g_clear_pointer (&own->people, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OwnNames, own_names_clear)

/* @name is @alias here, and elsewhere too unless it has a pseudonym already. */
static void
own_add (DmRedactor *self,
         GHashTable *table,
         const char *name,
         const char *alias)
{
  if (name == NULL || alias == NULL || strlen (name) < 2 || g_str_equal (name, alias))
    return;
  remember_name (self, name, alias);
  if (!g_hash_table_contains (table, name))
    g_hash_table_insert (table, g_strdup (name), g_strdup (alias));
}

/* "Security group NAME (sg-…)" in @evidence: NAME gets the group's pseudonym. */
static void
learn_group_names (DmRedactor *self,
                   const char *evidence,
                   OwnNames   *own)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (evidence == NULL)
    return;
  g_regex_match (self->group_name, evidence, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autofree char *name = g_match_info_fetch (info, 2);
      g_autofree char *id = g_match_info_fetch (info, 3);
      g_autofree char *alias = alias_of_id (self, id);

      own_add (self, own->pinned, name, alias);
    }
}

static gboolean
is_user (const char *resource,
         const char *type)
{
  return g_strcmp0 (type, "AwsIamUser") == 0 || (resource && g_str_has_prefix (resource, "arn:") &&
                                                 strstr (resource, ":user/"));
}

/* One resource of the finding: its name, with the pseudonym it got. */
static void
learn_resource (DmRedactor *self,
                OwnNames   *own,
                const char *resource,
                const char *type)
{
  g_autofree char *redacted = dm_redactor_resource (self, resource, type);
  g_autofree char *alias = resource_alias (self, redacted);
  g_autofree char *name = own_name (resource);

  own_add (self, own->resources, name, alias);
  if (is_user (resource, type))
    {
      own_add (self, own->people, name, alias);
      own_add (self, own->pinned, name, alias);
    }
}

/* Learns the names a finding gives its own resources (see OwnNames). */
static void
learn_finding (DmRedactor *self,
               DmFinding  *finding,
               OwnNames   *own)
{
  const char * const *resources = dm_finding_get_resources (finding);
  const char *type = dm_finding_get_resource_type (finding);
  g_autofree char *redacted = dm_redactor_resource (self, dm_finding_get_resource (finding), type);
  g_autofree char *alias = resource_alias (self, redacted);
  g_autofree char *tool_name = prowler_id_name (finding);
  g_autofree char *flagged = scout_flagged_name (dm_finding_get_evidence (finding));

  own->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  own->pinned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  own->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  learn_resource (self, own, dm_finding_get_resource (finding), type);
  /* resources is empty, not {NULL, …}, when the finding names none. */
  for (guint r = 1; resources[0] && resources[r]; r++)
    learn_resource (self, own, resources[r], type);
  own_add (self, own->resources, tool_name, alias);
  own_add (self, own->pinned, flagged, alias);
  learn_group_names (self, dm_finding_get_evidence (finding), own);
}

/* A component of a ScoutSuite path that names a resource: the key under a
 * collection, or anything not a plain key, index or region. */
static gboolean
scout_component_names (const char *previous,
                       const char *component)
{
  gboolean plain = TRUE;

  if (g_str_equal (previous, "regions") && looks_like_region (component))
    return FALSE;
  if (kind_for_collection (previous))
    return !g_str_equal (component, "id");
  for (const char *p = component; *p; p++)
    if (!g_ascii_isalpha (*p) && *p != '_')
      plain = FALSE;
  if (plain || strspn (component, "0123456789") == strlen (component) || looks_like_region (component))
    return FALSE;
  return !g_str_equal (component, "<root_account>");
}

static char *
scout_component_alias (DmRedactor *self,
                       OwnNames   *own,
                       const char *previous,
                       const char *component)
{
  const char *alias = g_hash_table_lookup (own->resources, component);
  g_autofree char *shaped = NULL;
  const char *kind = kind_for_collection (previous);

  if (alias == NULL)
    alias = g_hash_table_lookup (own->pinned, component);
  if (alias == NULL && identifier_like (component))
    alias = g_hash_table_lookup (self->names, component);
  if (alias || g_hash_table_contains (self->issued, component))
    return g_strdup (alias ? alias : component);
  shaped = redact_text (self, component, &all_names);
  if (!g_str_equal (shaped, component))
    return g_steal_pointer (&shaped);
  alias = pseudonym (self, kind ? kind : "resource", component);
  remember_name (self, component, alias);
  return g_strdup (alias);
}

/* ScoutSuite item paths (ec2.regions.eu-west-1.vpcs.vpc-1.security_groups.
 * sg-1.rules…) name resources by key: each such key is replaced, the
 * structure stays. Own names holding dots (bucket names) go whole first. */
static gboolean
scout_path_cb (const GMatchInfo *info,
               GString          *out,
               gpointer          user_data)
{
  gpointer *data = user_data;
  DmRedactor *self = data[0];
  OwnNames *own = data[1];
  const char *service = data[2];
  g_autofree char *whole = g_match_info_fetch (info, 0);
  gsize length = strlen (whole);
  g_autoptr(GString) path = NULL;
  g_auto(GStrv) parts = NULL;
  GHashTableIter iter;
  const char *name, *alias;

  /* A path starts at the rule's service; "docs.aws.amazon.com/…" is no path. */
  if (!g_str_has_prefix (whole, service) || whole[strlen (service)] != '.')
    {
      g_string_append (out, whole);
      return FALSE;
    }
  while (length > 0 && whole[length - 1] == '.')
    length--;
  path = g_string_new_len (whole, length);
  g_hash_table_iter_init (&iter, own->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&alias))
    if (strchr (name, '.'))
      {
        g_autofree char *from = g_strdup_printf (".%s.", name);
        g_autofree char *to = g_strdup_printf (".%s.", alias);

        g_string_replace (path, from, to, 0);
      }
  parts = g_strsplit (path->str, ".", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *replaced = i > 0 && scout_component_names (parts[i - 1], parts[i])
                                  ? scout_component_alias (self, own, parts[i - 1], parts[i]) : NULL;

      g_string_append_printf (out, "%s%s", i ? "." : "", replaced ? replaced : parts[i]);
    }
  g_string_append (out, whole + length);
  return FALSE;
}

static char *
redact_evidence (DmRedactor *self,
                 DmFinding  *finding,
                 OwnNames   *own)
{
  const char *evidence = dm_finding_get_evidence (finding);
  const char *id = dm_finding_get_id (finding);
  g_autofree char *paths = NULL;
  g_autofree char *service = NULL;
  NameRules rules = { NAMES_IDENTIFIER_LIKE, own->pinned, own->resources };

  if (evidence == NULL)
    return NULL;
  /* ScoutSuite's ids are scoutsuite/<service>/<rule>/<resource>. */
  if (g_strcmp0 (dm_finding_get_tool (finding), "ScoutSuite") == 0 && id && g_str_has_prefix (id, "scoutsuite/"))
    {
      gpointer data[] = { self, own, NULL };

      service = g_strndup (id + strlen ("scoutsuite/"), strcspn (id + strlen ("scoutsuite/"), "/"));
      data[2] = service;
      paths = g_regex_replace_eval (self->scout_path, evidence, -1, 0, 0, scout_path_cb, data, NULL);
    }
  return redact_text (self, paths ? paths : evidence, &rules);
}

/* An id field: the finding's own names go wherever they are, inside
 * longer words too (tools build ids such as
 * prowler-aws-check-<account>-<region>-<name>); a plain name only as the
 * id's last part, not inside the check's id. Then every known name. */
static char *
redact_id (DmRedactor *self,
           const char *text,
           OwnNames   *own)
{
  g_autoptr(GString) copy = NULL;
  GHashTableIter iter;
  const char *name, *alias;

  if (text == NULL)
    return NULL;
  copy = g_string_new (text);
  g_hash_table_iter_init (&iter, own->resources);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&alias))
    {
      gsize length = strlen (name);

      if (length < 3)
        continue;
      if (identifier_like (name))
        g_string_replace (copy, name, alias, 0);
      else if (copy->len > length && g_str_has_suffix (copy->str, name) &&
               strchr ("-/:", copy->str[copy->len - length - 1]))
        {
          g_string_truncate (copy, copy->len - length);
          g_string_append (copy, alias);
        }
    }
  return redact_text (self, copy->str, &all_names);
}

/* Other reports of it: their files and titles name things too. */
static void
redact_origins (DmRedactor      *self,
                DmFinding       *finding,
                DmFinding       *copy,
                const NameRules *title_rules)
{
  for (guint i = 1; i < dm_finding_get_n_origins (finding); i++)
    {
      DmFindingOrigin origin = dm_finding_get_origin (finding, i);
      g_autofree char *base = g_path_get_basename (origin.source);
      g_autofree char *origin_source = dm_redactor_text (self, base);
      g_autofree char *origin_title = redact_text (self, origin.title, title_rules);
      DmFindingData other = { .tool = origin.tool, .source_item = origin.source_item };

      other.source = origin_source;
      other.title = origin_title;
      dm_finding_add_origin (copy, &other);
    }
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
  g_auto(OwnNames) own = { NULL };
  g_autofree char *resource = NULL;
  g_autofree char *account = redact_text (self, dm_finding_get_account (finding), &all_names);
  NameRules title_rules = { NAMES_IDENTIFIER_LIKE, NULL, NULL };
  NameRules remediation_rules = { NAMES_IDENTIFIER_LIKE, NULL, NULL };
  g_autofree char *title = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *remediation = NULL;
  g_autofree char *source_base = g_path_get_basename (dm_finding_get_source (finding));
  g_autofree char *source = dm_redactor_text (self, source_base);
  g_autofree char *id = NULL;
  const char * const *resources = dm_finding_get_resources (finding);
  g_autoptr(GPtrArray) other_resources = g_ptr_array_new_with_free_func (g_free);
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

  data.unnamed_resources = dm_finding_get_unnamed_resources (finding, &data.unnamed_capped);

  learn_finding (self, finding, &own);
  resource = dm_redactor_resource (self, dm_finding_get_resource (finding), dm_finding_get_resource_type (finding));
  title_rules.anywhere = own.people;
  title_rules.after_kind = remediation_rules.after_kind = own.resources;
  title = redact_text (self, dm_finding_get_title (finding), &title_rules);
  evidence = redact_evidence (self, finding, &own);
  remediation = redact_text (self, dm_finding_get_remediation (finding), &remediation_rules);

  /* Ids of external findings are ARNs or hashes with the account in them. */
  if (dm_finding_get_check (finding) && g_str_equal (dm_finding_get_tool (finding), "Demarc"))
    id = g_strdup_printf ("%s/%s", dm_finding_get_check (finding), resource);
  else
    id = redact_id (self, dm_finding_get_id (finding), &own);

  data.id = id;
  data.resource = resource;
  data.account = account;
  data.title = title;
  data.evidence = evidence;
  data.remediation = remediation;
  data.source = source;

  if (resources[0])
    g_ptr_array_add (other_resources, g_strdup (resource));
  for (guint i = 1; resources[0] && resources[i]; i++)
    g_ptr_array_add (other_resources, dm_redactor_resource (self, resources[i], dm_finding_get_resource_type (finding)));
  g_ptr_array_add (other_resources, NULL);
  data.resources = (const char * const *)other_resources->pdata;

  copy = dm_finding_new (&data);
  redact_origins (self, finding, copy, &title_rules);
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

  /* Only to learn the names: the pseudonyms are asked for again below. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_auto(OwnNames) own = { NULL };

      learn_finding (self, finding, &own);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);
      g_autoptr(DmFinding) redacted = dm_redactor_finding (self, finding);

      g_list_store_append (store, redacted);
    }
  return G_LIST_MODEL (store);
}
