/* dm-checks-iam.c: root user, MFA, password policy, admin policies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-iam"

#include "config.h"

#include <string.h>

#include "dm-checks.h"
#include "dm-csv.h"

static void
account_summary (DmCheckContext *context,
                 DmJsonObject   *summary)
{
  g_autofree char *root = dm_check_root_arn (context);
  gint64 value;

  if (dm_check_integer (summary, "AccountMFAEnabled", &value))
    dm_check_result (context, "IAM-01", value == 0, root, "AwsAccount", "AccountMFAEnabled is %" G_GINT64_FORMAT ".", value);
  if (dm_check_integer (summary, "AccountAccessKeysPresent", &value))
    dm_check_result (context, "IAM-03", value != 0, root, "AwsAccount",
                     "AccountAccessKeysPresent is %" G_GINT64_FORMAT ".", value);
}

static void
password_policy (DmCheckContext *context,
                 DmJsonObject   *policy)
{
  gint64 length = 0, reuse = 0;

  dm_check_integer (policy, "MinimumPasswordLength", &length);
  dm_check_result (context, "IAM-10", length < 14, "password policy", "AwsAccount",
                   "MinimumPasswordLength is %" G_GINT64_FORMAT ".", length);
  if (!dm_check_integer (policy, "PasswordReusePrevention", &reuse))
    reuse = 0;
  dm_check_result (context, "IAM-11", reuse < 24, "password policy", "AwsAccount",
                   "PasswordReusePrevention is %" G_GINT64_FORMAT ".", reuse);
}

static const char *
field (GStrv row,
       int   index)
{
  return index >= 0 && (guint)index < g_strv_length (row) ? g_strstrip (row[index]) : NULL;
}

/* Root use within a week of the report is everyday use; a single
 * break-glass login long ago is not. */
#define ROOT_USE_WINDOW_DAYS 7

static GDateTime *
parse_time (const char *text)
{
  if (text == NULL || !g_ascii_isdigit (*text))
    return NULL;  /* "N/A", "no_information", "not_supported" */
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* The newest of the root user's password and key use, as text. */
static GDateTime *
root_last_used (GStrv         row,
                const int     columns[3],
                const char  **which)
{
  static const char *names[] = { "password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date" };
  GDateTime *newest = NULL;

  for (guint i = 0; i < 3; i++)
    {
      GDateTime *t = parse_time (field (row, columns[i]));

      if (t && (newest == NULL || g_date_time_compare (t, newest) > 0))
        {
          g_clear_pointer (&newest, g_date_time_unref);
          newest = g_steal_pointer (&t);
          *which = names[i];
        }
      g_clear_pointer (&t, g_date_time_unref);
    }
  return newest;
}

static void
root_usage (DmCheckContext *context,
            const char     *root,
            GStrv           row,
            const int       columns[3],
            GDateTime      *reference)
{
  const char *which = NULL;
  g_autoptr(GDateTime) used = root_last_used (row, columns, &which);
  g_autofree char *when = NULL;
  GTimeSpan age;

  if (used == NULL)
    {
      dm_check_result (context, "IAM-04", FALSE, root, "AwsAccount",
                       "The credential report shows no use of the root user's password or keys.");
      return;
    }
  when = g_date_time_format (used, "%Y-%m-%d");
  if (reference == NULL)
    {
      /* Without the report's date, a last use is evidence of use at all. */
      dm_check_result (context, "IAM-04", TRUE, root, "AwsAccount",
                       "The root user was last used on %s (%s); the report's date is unknown.", when, which);
      return;
    }
  age = g_date_time_difference (reference, used);
  dm_check_result (context, "IAM-04", age < ROOT_USE_WINDOW_DAYS * G_TIME_SPAN_DAY, root, "AwsAccount",
                   "The root user was last used on %s (%s), %" G_GINT64_FORMAT " days before the report.",
                   when, which, (gint64)(age / G_TIME_SPAN_DAY));
}

/* The credential report is CSV: base64 in "Content" as the API returns it,
 * or already decoded, as some collectors store it. Read as RFC 4180 CSV:
 * user names may hold a quoted comma. */
static gboolean
credential_report (DmCheckContext *context,
                   const char     *content,
                   const char     *generated)
{
  g_autoptr(GDateTime) reference = parse_time (generated);
  g_autoptr(DmCsvReader) reader = NULL;
  int used[3];
  g_autofree char *decoded = NULL;
  const char *csv = content;
  int user, arn, mfa, password, key1, key2;

  if (!g_str_has_prefix (content, "user,"))
    {
      gsize length;
      guchar *raw = g_base64_decode (content, &length);

      decoded = g_strndup ((const char *)raw, length);
      g_free (raw);
      if (!g_str_has_prefix (decoded, "user,") || !g_utf8_validate (decoded, -1, NULL))
        return FALSE;
      csv = decoded;
    }

  reader = dm_csv_reader_new_for_data (csv, -1, ',');
  if (!dm_csv_reader_read_header (reader, NULL))
    return FALSE;
  user = dm_csv_reader_get_column (reader, "user");
  arn = dm_csv_reader_get_column (reader, "arn");
  mfa = dm_csv_reader_get_column (reader, "mfa_active");
  password = dm_csv_reader_get_column (reader, "password_enabled");
  key1 = dm_csv_reader_get_column (reader, "access_key_1_active");
  key2 = dm_csv_reader_get_column (reader, "access_key_2_active");
  used[0] = dm_csv_reader_get_column (reader, "password_last_used");
  used[1] = dm_csv_reader_get_column (reader, "access_key_1_last_used_date");
  used[2] = dm_csv_reader_get_column (reader, "access_key_2_last_used_date");
  if (user < 0 || mfa < 0)
    return FALSE;

  /* The rows before a malformed one (an unclosed quote) are still read. */
  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;
      GStrv row;
      const char *name, *user_arn;
      gboolean has_mfa;

      if (!dm_csv_reader_next_row (reader, &cells, NULL))
        break;
      row = (GStrv)cells->pdata;   /* NULL-terminated */
      name = field (row, user);
      /* Each row names its user's ARN, the root user's too. */
      user_arn = field (row, arn);
      if (!dm_check_arn_is_valid (user_arn))
        user_arn = NULL;
      has_mfa = g_strcmp0 (field (row, mfa), "true") == 0;

      if (g_strcmp0 (name, "<root_account>") == 0)
        {
          gboolean keys = g_strcmp0 (field (row, key1), "true") == 0 || g_strcmp0 (field (row, key2), "true") == 0;
          g_autofree char *root = user_arn ? g_strdup (user_arn) : dm_check_root_arn (context);

          dm_check_result (context, "IAM-01", !has_mfa, root, "AwsAccount", "Root mfa_active is %s.",
                           has_mfa ? "true" : "false");
          dm_check_result (context, "IAM-03", keys, root, "AwsAccount",
                           keys ? "The root user has an active access key." : "The root user has no active access key.");
          root_usage (context, root, row, used, reference);
        }
      else if (name && *name && g_strcmp0 (field (row, password), "true") == 0)
        dm_check_result (context, "IAM-05", !has_mfa, user_arn ? user_arn : name, "AwsIamUser",
                         "Console password enabled, mfa_active %s.", has_mfa ? "true" : "false");
    }

  return TRUE;
}

static gboolean
is_star (DmJsonNode *node)
{
  if (node == NULL)
    return FALSE;
  if (DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
    return g_str_equal (dm_json_node_get_string (node), "*");
  if (DM_JSON_NODE_HOLDS_ARRAY (node))
    {
      DmJsonArray *list = dm_json_node_get_array (node);

      for (guint i = 0; i < dm_json_array_get_length (list); i++)
        if (is_star (dm_json_array_get_element (list, i)))
          return TRUE;
    }
  return FALSE;
}

/* Documents come as objects from the CLI and URL-encoded JSON from the API. */
static gboolean
grants_everything (DmJsonNode *document)
{
  g_autoptr(DmJsonDoc) parsed_doc = NULL;
  DmJsonNode *parsed = dm_check_parse_policy (document, &parsed_doc);
  DmCheckIter iter;
  DmJsonObject *s;

  if (parsed == NULL)
    return FALSE;

  dm_check_policy_statements (dm_json_node_get_object (parsed), &iter);
  while (dm_check_iter_next (&iter, &s))
    if (g_strcmp0 (dm_check_string (s, "Effect"), "Allow") == 0 &&
        is_star (dm_json_object_get_member (s, "Action")) && is_star (dm_json_object_get_member (s, "Resource")))
      return TRUE;
  return FALSE;
}

static void
inline_policies (DmCheckContext *context,
                 DmJsonArray    *details,
                 const char     *name_member,
                 const char     *list_member,
                 const char     *type)
{
  DmCheckIter identities;
  DmJsonObject *identity;

  dm_check_iter_init (&identities, details);
  while (dm_check_iter_next (&identities, &identity))
    {
      DmCheckIter policies;
      DmJsonObject *policy;

      dm_check_iter_init (&policies, dm_check_array (identity, list_member));
      while (dm_check_iter_next (&policies, &policy))
        {
          gboolean admin = grants_everything (dm_json_object_get_member (policy, "PolicyDocument"));
          const char *arn = dm_check_string (identity, "Arn");

          dm_check_result (context, "IAM-14", admin, dm_check_arn_is_valid (arn) ? arn : dm_check_string (identity, name_member),
                           type,
                           admin ? "Inline policy %s allows every action on every resource."
                                 : "Inline policy %s does not grant full administrator rights.",
                           dm_check_string (policy, "PolicyName"));
        }
    }
}

static const char *
first_of_arn (DmJsonObject *policy)
{
  const char *arn = dm_check_string (policy, "Arn");

  return arn ? arn : dm_check_string (policy, "PolicyName");
}

static gboolean
covers_assume_role (DmJsonNode *action)
{
  const char *text;

  if (action && DM_JSON_NODE_HOLDS_ARRAY (action))
    {
      DmJsonArray *list = dm_json_node_get_array (action);

      for (guint i = 0; i < dm_json_array_get_length (list); i++)
        if (covers_assume_role (dm_json_array_get_element (list, i)))
          return TRUE;
      return FALSE;
    }
  if (action == NULL || !DM_JSON_NODE_HOLDS_VALUE (action) || dm_json_node_get_value_type (action) != G_TYPE_STRING)
    return FALSE;
  text = dm_json_node_get_string (action);
  return g_str_equal (text, "*") || g_ascii_strcasecmp (text, "sts:*") == 0 ||
         g_ascii_strncasecmp (text, "sts:AssumeRole", strlen ("sts:AssumeRole")) == 0;
}

/* A trust policy that lets anyone assume the role: an Allow of
 * sts:AssumeRole… to Principal * without a condition (an external id or
 * source account condition narrows it, and is not judged here). */
static void
role_trust (DmCheckContext *context,
            DmJsonObject   *role)
{
  const char *arn = dm_check_string (role, "Arn");
  const char *name = dm_check_string (role, "RoleName");
  g_autoptr(DmJsonDoc) document_doc = NULL;
  DmJsonNode *document = dm_check_parse_policy (dm_check_member (role, "AssumeRolePolicyDocument"), &document_doc);
  DmCheckIter iter;
  DmJsonObject *statement;
  gboolean open = FALSE;

  if (document == NULL || (arn == NULL && name == NULL))
    return;
  dm_check_policy_statements (dm_json_node_get_object (document), &iter);
  while (dm_check_iter_next (&iter, &statement))
    if (g_strcmp0 (dm_check_string (statement, "Effect"), "Allow") == 0 &&
        dm_json_object_get_member (statement, "Condition") == NULL &&
        dm_check_principal_is_everyone (dm_json_object_get_member (statement, "Principal")) &&
        covers_assume_role (dm_json_object_get_member (statement, "Action")))
      open = TRUE;

  dm_check_result (context, "POL-07", open, arn ? arn : name, "AwsIamRole",
                   open ? "The trust policy lets Principal * assume the role without a condition."
                        : "The trust policy names who may assume the role.");
}

static void
authorization_details (DmCheckContext *context,
                       DmJsonObject   *document)
{
  DmCheckIter policies, roles;
  DmJsonObject *policy, *role;

  dm_check_iter_init (&policies, dm_check_array (document, "Policies"));
  while (dm_check_iter_next (&policies, &policy))
    {
      DmCheckIter versions;
      DmJsonObject *version;
      gint64 attached = 0;

      dm_check_integer (policy, "AttachmentCount", &attached);
      if (attached == 0)
        continue;

      dm_check_iter_init (&versions, dm_check_array (policy, "PolicyVersionList"));
      while (dm_check_iter_next (&versions, &version))
        {
          gboolean is_default = FALSE;
          gboolean admin;

          if (!dm_check_boolean (version, "IsDefaultVersion", &is_default) || !is_default)
            continue;

          admin = grants_everything (dm_json_object_get_member (version, "Document"));
          dm_check_result (context, "IAM-13", admin,
                           first_of_arn (policy), "AwsIamPolicy",
                           admin ? "Attached %" G_GINT64_FORMAT " times; allows every action on every resource."
                                 : "Attached %" G_GINT64_FORMAT " times; no full administrator statement.", attached);
        }
    }

  inline_policies (context, dm_check_array (document, "UserDetailList"), "UserName", "UserPolicyList", "AwsIamUser");
  inline_policies (context, dm_check_array (document, "RoleDetailList"), "RoleName", "RolePolicyList", "AwsIamRole");
  dm_check_iter_init (&roles, dm_check_array (document, "RoleDetailList"));
  while (dm_check_iter_next (&roles, &role))
    role_trust (context, role);
  inline_policies (context, dm_check_array (document, "GroupDetailList"), "GroupName", "GroupPolicyList", "AwsIamGroup");
}

/* A virtual device for root is named root-account-mfa-device, or its User
 * is the account's root ARN. */
static void
virtual_mfa_devices (DmCheckContext *context,
                     DmJsonArray    *devices)
{
  const char *serial = NULL;
  const char *root_arn = NULL;
  g_autofree char *root = NULL;
  DmCheckIter iter;
  DmJsonObject *device;

  dm_check_iter_init (&iter, devices);
  while (dm_check_iter_next (&iter, &device))
    {
      const char *number = dm_check_string (device, "SerialNumber");
      const char *arn = dm_check_string (dm_check_object (device, "User"), "Arn");

      if ((number && g_str_has_suffix (number, ":mfa/root-account-mfa-device")) || (arn && g_str_has_suffix (arn, ":root")))
        {
          serial = number ? number : arn;
          if (arn && g_str_has_suffix (arn, ":root") && dm_check_arn_is_valid (arn))
            root_arn = arn;
        }
    }

  /* The device's user is the root user's ARN. */
  root = root_arn ? g_strdup (root_arn) : dm_check_root_arn (context);
  if (serial)
    dm_check_result (context, "IAM-02", TRUE, root, "AwsAccount", "The root user's MFA is the virtual device %s.", serial);
  else
    dm_check_result (context, "IAM-02", FALSE, root, "AwsAccount",
                     "None of %u virtual MFA devices belongs to the root user.", dm_check_count_objects (devices));
}

static void
analyzers (DmCheckContext *context,
           DmJsonArray    *list)
{
  const char *active = NULL;
  const char *region = dm_check_where (context);
  DmCheckIter iter;
  DmJsonObject *analyzer;

  dm_check_iter_init (&iter, list);
  while (dm_check_iter_next (&iter, &analyzer))
    {
      const char *type = dm_check_string (analyzer, "type");

      /* Unused-access analyzers do not look for external access. */
      if (g_strcmp0 (dm_check_string (analyzer, "status"), "ACTIVE") == 0 &&
          (g_strcmp0 (type, "ACCOUNT") == 0 || g_strcmp0 (type, "ORGANIZATION") == 0))
        active = dm_check_string (analyzer, "name");
    }

  if (active)
    dm_check_result (context, "IAM-16", FALSE, region, "AwsAccount", "The external access analyzer %s is active.", active);
  else
    dm_check_result (context, "IAM-16", TRUE, region, "AwsAccount", "No active external access analyzer.");
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonObject *o;
  DmJsonArray *list;
  const char *content;

  if ((o = dm_check_object (document, "SummaryMap")))
    account_summary (context, o);
  else if ((o = dm_check_object (document, "PasswordPolicy")))
    password_policy (context, o);
  else if ((content = dm_check_string (document, "Content")) && credential_report (context, content, dm_check_string (document, "GeneratedTime")))
    ;
  else if (dm_check_array (document, "Policies") || dm_check_array (document, "UserDetailList"))
    authorization_details (context, document);
  else if ((list = dm_check_array (document, "VirtualMFADevices")))
    virtual_mfa_devices (context, list);
  else if ((list = dm_check_array (document, "analyzers")))
    analyzers (context, list);
  else if ((o = dm_check_object (document, "Role")) && dm_check_member (o, "AssumeRolePolicyDocument"))
    role_trust (context, o);
  else
    return FALSE;
  return TRUE;
}

const DmCheckFamily dm_checks_iam_family = { NULL, cli_response };
