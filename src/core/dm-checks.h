/* dm-checks.h: Demarc's own checks on AWS Config items and AWS CLI outputs
 *
 * One file per service family (dm-checks-*.c) evaluates resources; this
 * header is what they share. Every evaluation emits a passed or failed
 * result for a catalogue check, so layers with evidence read "ok" and
 * only layers nothing speaks to read "no data".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dm-json-node.h"

#include "dm-catalogue.h"

G_BEGIN_DECLS

typedef struct _DmCheckContext DmCheckContext;

typedef void (*DmCheckEmitFunc) (DmCheckContext *context,
                                 const DmCheck  *check,
                                 gboolean        failed,
                                 const char     *resource,
                                 const char     *resource_type,
                                 const char     *evidence);

struct _DmCheckContext
{
  DmCatalogue     *catalogue;
  const char      *account;
  const char      *region;
  const char      *source_name;  /* the resource the path names, else the file's basename */
  const char      *service_hint; /* "lambda" from a bundle call or "lambda-get-policy.json" */
  const char      *resource_name; /* the resource the path names (CloudMapper's
                                   * <call>/<resource> files), decoded; or NULL */
  const char      *item_arn;      /* the ARN a Config item gives its resource, and */
  const char      *item_id;       /* the id and name it gives it (resourceId, */
  const char      *item_name;     /* resourceName): a result on those names the ARN */
  guint64          item;
  guint            emitted;
  DmCheckEmitFunc  emit;
  gpointer         user_data;
};

/* Emits one result; evidence is a printf-style format. */
void        dm_check_result            (DmCheckContext *context,
                                        const char     *check_id,
                                        gboolean        failed,
                                        const char     *resource,
                                        const char     *resource_type,
                                        const char     *evidence_format,
                                        ...) G_GNUC_PRINTF (6, 7);

/* Member access that accepts Config's camelCase and the CLI's PascalCase. */
DmJsonNode *dm_check_member            (DmJsonObject   *object,
                                        const char     *name);
const char *dm_check_string            (DmJsonObject   *object,
                                        const char     *name);
DmJsonObject *dm_check_object            (DmJsonObject   *object,
                                        const char     *name);
DmJsonArray  *dm_check_array             (DmJsonObject   *object,
                                        const char     *name);
/* "For each object of this array": a NULL array has none, and elements
 * that are not objects (a string, a number or null in a hostile export)
 * are skipped, so no check reads one as an object.
 *
 *   DmCheckIter iter;
 *   DmJsonObject *o;
 *
 *   dm_check_iter_init (&iter, list);
 *   while (dm_check_iter_next (&iter, &o))
 *     ...
 */
typedef struct
{
  DmJsonArray  *array;
  DmJsonObject *single;  /* or one object, given once */
  guint         index;
} DmCheckIter;

void        dm_check_iter_init         (DmCheckIter    *iter,
                                        DmJsonArray    *array);
gboolean    dm_check_iter_next         (DmCheckIter    *iter,
                                        DmJsonObject  **object);
/* How many objects @array (nullable) holds: what a count of rules or
 * devices means, whatever else a hostile export puts among them. */
guint       dm_check_count_objects     (DmJsonArray    *array);
/* The first element when it is an object, else NULL: what a response's
 * list is told apart by. */
DmJsonObject *dm_check_first_object      (DmJsonArray    *array);

/* An evaluator of one resource: a Config item's configuration, or one
 * object of a CLI response's list (@id is then ""). */
typedef void (*DmCheckResourceFunc) (DmCheckContext *context,
                                     const char     *id,
                                     DmJsonObject   *object);

/* Runs @func on each object of @array; TRUE when @array is there. */
gboolean    dm_check_each              (DmCheckContext      *context,
                                        DmJsonArray         *array,
                                        DmCheckResourceFunc  func);
gboolean    dm_check_boolean           (DmJsonObject   *object,
                                        const char     *name,
                                        gboolean       *value);
gboolean    dm_check_integer           (DmJsonObject   *object,
                                        const char     *name,
                                        gint64         *value);
gboolean    dm_check_double_to_integer (double          number,
                                        gint64         *value);
DmJsonNode *dm_check_parse_embedded    (DmJsonNode     *node,
                                        DmJsonDoc     **doc);
gboolean    dm_check_hint_is           (DmCheckContext *context,
                                        const char     *service);
const char *dm_check_where             (DmCheckContext *context);

/* ARNs: the account of one, and one built from the context's region and
 * account (NULL when either is unknown); a global one (IAM) needs only
 * the account. */
char       *dm_check_arn_account       (const char     *arn);
char       *dm_check_arn_region        (const char     *arn);
char       *dm_check_build_arn         (DmCheckContext *context,
                                        const char     *service,
                                        const char     *resource_format,
                                        ...) G_GNUC_PRINTF (3, 4);
const char *dm_check_partition         (DmCheckContext *context);
char       *dm_check_resource_arn      (DmCheckContext *context,
                                        const char     *given_arn,
                                        const char     *service,
                                        const char     *prefix,
                                        const char     *name,
                                        const char     *fallback);
char       *dm_check_build_global_arn  (DmCheckContext *context,
                                        const char     *service,
                                        const char     *resource_format,
                                        ...) G_GNUC_PRINTF (3, 4);
/* The root user of the context's account, as Security Hub and Prowler
 * name it (arn:aws:iam::ACCOUNT:root), or "root" when the account is
 * unknown. */
char       *dm_check_root_arn          (DmCheckContext *context);
/* "eu-west-1" of the availability zone "eu-west-1a" (or of a Local Zone,
 * "us-west-2-lax-1a"); NULL when @zone is none. */
char       *dm_check_zone_region       (const char     *zone);
gboolean    dm_check_is_account        (const char     *text);
gboolean    dm_check_arn_is_valid      (const char     *arn);

/* A resource whose item says whose and where it is (an EC2 item's
 * OwnerId, the Region of its zone, a trail's HomeRegion): its checks run
 * in the scope's context, the outer one with that account and region
 * instead, so that both its findings and the ARN built for it carry
 * them. The outer context's count of results is kept when the scope
 * ends.
 *
 *   g_auto(DmCheckScope) scope = { 0 };
 *   context = dm_check_scope_enter (&scope, context, owner, region);
 */
typedef struct
{
  DmCheckContext  context;
  DmCheckContext *outer;
  char           *account;
  char           *region;
} DmCheckScope;

DmCheckContext *dm_check_scope_enter   (DmCheckScope   *scope,
                                        DmCheckContext *context,
                                        const char     *account,
                                        const char     *region);
void        dm_check_scope_clear       (DmCheckScope   *scope);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DmCheckScope, dm_check_scope_clear)

/* Resource policies: a JSON object or JSON text. */
gboolean    dm_check_principal_is_everyone (DmJsonNode *principal);
void        dm_check_policy_statements     (DmJsonObject *policy,
                                            DmCheckIter  *iter);
DmJsonNode *dm_check_parse_policy          (DmJsonNode   *policy,
                                            DmJsonDoc   **doc);
const char *dm_check_statement_value       (DmJsonObject *policy,
                                            const char   *member,
                                            const char   *prefix);
void        dm_check_public_policy         (DmCheckContext *context,
                                            const char     *check,
                                            const char     *resource,
                                            const char     *resource_type,
                                            DmJsonNode     *policy);

/* Secrets in configuration text: what the value looks like, never the
 * value itself, so evidence does not repeat the secret. */
const char *dm_check_secret_kind       (const char     *name,
                                        const char     *value);
const char *dm_check_secret_in_text    (const char     *text,
                                        guint          *line);

/* All families in their order (dm-checks.c): what the importer calls. */
gboolean    dm_checks_config           (DmCheckContext *context,
                                        const char     *type,
                                        const char     *id,
                                        DmJsonObject   *configuration,
                                        DmJsonObject   *supplementary);
gboolean    dm_checks_cli              (DmCheckContext *context,
                                        DmJsonObject   *document);

/* A family of checks (dm-checks-*.c): the AWS Config item types it reads
 * and its reader of AWS CLI responses. Each file fills one of these; the
 * list of families, in order, is in dm-checks.c. */
typedef void (*DmCheckItemFunc) (DmCheckContext *context,
                                 const char     *id,
                                 DmJsonObject   *configuration,
                                 DmJsonObject   *supplementary);

typedef struct
{
  const char          *type;      /* "AWS::EC2::SecurityGroup" */
  DmCheckResourceFunc  evaluate;
  DmCheckItemFunc      evaluate_item;  /* instead, when the checks also read the
                                        * item's supplementaryConfiguration */
} DmCheckConfigType;

typedef struct
{
  const DmCheckConfigType *config;  /* ends in { NULL }; NULL when it reads no Config item */
  gboolean               (*cli) (DmCheckContext *context,
                                 DmJsonObject   *document);  /* TRUE when it recognised the response */
} DmCheckFamily;

extern const DmCheckFamily dm_checks_ec2_family;
extern const DmCheckFamily dm_checks_s3_family;
extern const DmCheckFamily dm_checks_rds_family;
extern const DmCheckFamily dm_checks_iam_family;
extern const DmCheckFamily dm_checks_logging_family;
extern const DmCheckFamily dm_checks_lambda_family;
extern const DmCheckFamily dm_checks_containers_family;
extern const DmCheckFamily dm_checks_platform_family;
extern const DmCheckFamily dm_checks_policies_family;
extern const DmCheckFamily dm_checks_opensearch_family;

void        dm_checks_call_error       (DmCheckContext *context,
                                        const char     *service,
                                        const char     *operation,
                                        const char     *error);

G_END_DECLS
