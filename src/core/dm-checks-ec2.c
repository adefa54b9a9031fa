/* dm-checks-ec2.c: security groups, instances, volumes (EC2, VPC, EBS)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-ec2"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dm-checks.h"

/* The ports Security Hub's EC2.19 treats as high risk. */
static const int high_risk_ports[] = {
  20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389,
  4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300,
};

typedef struct
{
  GString  *ssh4, *rdp4, *admin6, *all, *risky;
} Exposure;

/* Ranges are strings in older Config items and objects elsewhere. */
static gboolean
ranges_contain (DmJsonArray *ranges,
                const char  *member,
                const char  *cidr)
{
  for (guint i = 0; ranges && i < dm_json_array_get_length (ranges); i++)
    {
      DmJsonNode *node = dm_json_array_get_element (ranges, i);
      const char *value = NULL;

      if (DM_JSON_NODE_HOLDS_VALUE (node) && dm_json_node_get_value_type (node) == G_TYPE_STRING)
        value = dm_json_node_get_string (node);
      else if (DM_JSON_NODE_HOLDS_OBJECT (node))
        value = dm_check_string (dm_json_node_get_object (node), member);

      if (g_strcmp0 (value, cidr) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
covers (const char *protocol,
        gint64      from,
        gint64      to,
        int         port)
{
  if (g_strcmp0 (protocol, "-1") == 0 || g_strcmp0 (protocol, "all") == 0)
    return TRUE;
  if (g_strcmp0 (protocol, "tcp") != 0 && g_strcmp0 (protocol, "6") != 0)
    return FALSE;
  return from <= port && port <= to;
}

static void
note (GString    *list,
      const char *protocol,
      gint64      from,
      gint64      to,
      const char *cidr)
{
  if (list->len)
    g_string_append (list, "; ");
  if (g_strcmp0 (protocol, "-1") == 0)
    g_string_append_printf (list, "all traffic from %s", cidr);
  else if (from == to)
    g_string_append_printf (list, "%s %" G_GINT64_FORMAT " from %s", protocol, from, cidr);
  else
    g_string_append_printf (list, "%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " from %s", protocol, from, to, cidr);
}

/* The Region an item's zone is in (Placement.AvailabilityZone for an
 * instance, AvailabilityZone for a volume). */
static char *
zone_region (DmJsonObject *object)
{
  return dm_check_zone_region (dm_check_string (object, "availabilityZone"));
}

static void
security_group (DmCheckContext *outer,
                const char     *id,
                DmJsonObject   *group)
{
  g_auto(DmCheckScope) scope = { 0 };
  /* Groups name their account (OwnerId), not their Region. */
  DmCheckContext *context = dm_check_scope_enter (&scope, outer, dm_check_string (group, "ownerId"), NULL);
  DmJsonArray *permissions = dm_check_array (group, "ipPermissions");
  DmJsonArray *egress = dm_check_array (group, "ipPermissionsEgress");
  const char *name = dm_check_string (group, "groupName");
  g_autofree char *resource = dm_check_resource_arn (context, dm_check_string (group, "securityGroupArn"), "ec2",
                                                     "security-group/", dm_check_string (group, "groupId"), id);
  g_autoptr(GString) ssh4 = g_string_new (NULL), rdp4 = g_string_new (NULL), admin6 = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL), risky = g_string_new (NULL);
  DmCheckIter iter;
  DmJsonObject *rule;

  dm_check_iter_init (&iter, permissions);
  while (dm_check_iter_next (&iter, &rule))
    {
      const char *protocol = dm_check_string (rule, "ipProtocol");
      gint64 from = 0, to = 65535;
      gboolean open4, open6;

      dm_check_integer (rule, "fromPort", &from);
      dm_check_integer (rule, "toPort", &to);
      if (from < 0 || to < 0)
        from = 0, to = 65535;

      open4 = ranges_contain (dm_check_array (rule, "ipv4Ranges"), "cidrIp", "0.0.0.0/0") ||
              ranges_contain (dm_check_array (rule, "ipRanges"), "cidrIp", "0.0.0.0/0");
      open6 = ranges_contain (dm_check_array (rule, "ipv6Ranges"), "cidrIpv6", "::/0");
      if (!open4 && !open6)
        continue;

      if (open4 && covers (protocol, from, to, 22))
        note (ssh4, protocol, from, to, "0.0.0.0/0");
      if (open4 && covers (protocol, from, to, 3389))
        note (rdp4, protocol, from, to, "0.0.0.0/0");
      if (open6 && (covers (protocol, from, to, 22) || covers (protocol, from, to, 3389)))
        note (admin6, protocol, from, to, "::/0");
      if (g_strcmp0 (protocol, "-1") == 0 || (covers (protocol, from, to, 0) && covers (protocol, from, to, 65535)))
        note (all, protocol, from, to, open4 ? "0.0.0.0/0" : "::/0");
      for (guint p = 0; p < G_N_ELEMENTS (high_risk_ports); p++)
        if (covers (protocol, from, to, high_risk_ports[p]))
          {
            note (risky, protocol, from, to, open4 ? "0.0.0.0/0" : "::/0");
            break;
          }
    }

#define RESULT(check, list, clean) \
  dm_check_result (context, check, list->len > 0, resource, "AwsEc2SecurityGroup", "%s", \
                   list->len ? list->str : clean)
  RESULT ("NET-01", ssh4, "No inbound rule opens port 22 to 0.0.0.0/0.");
  RESULT ("NET-02", rdp4, "No inbound rule opens port 3389 to 0.0.0.0/0.");
  RESULT ("NET-03", admin6, "No inbound rule opens port 22 or 3389 to ::/0.");
  RESULT ("NET-04", all, "No inbound rule opens every port to the internet.");
  RESULT ("NET-05", risky, "No inbound rule opens a high-risk port to the internet.");
#undef RESULT

  if (g_strcmp0 (name, "default") == 0)
    {
      guint n_in = dm_check_count_objects (permissions);
      guint n_out = dm_check_count_objects (egress);

      dm_check_result (context, "NET-06", n_in + n_out > 0, resource, "AwsEc2SecurityGroup",
                       "The default security group has %u inbound and %u outbound rules.", n_in, n_out);
    }
}

/* @owner: the reservation's OwnerId, the instance's account (describe-
 * instances gives it there, a Config item as its accountId) */
static void
instance_of (DmCheckContext *outer,
             const char     *id,
             DmJsonObject   *config,
             const char     *owner)
{
  g_auto(DmCheckScope) scope = { 0 };
  g_autofree char *region = zone_region (dm_check_object (config, "placement"));
  DmCheckContext *context = dm_check_scope_enter (&scope, outer, owner, region);
  DmJsonObject *metadata = dm_check_object (config, "metadataOptions");
  const char *state = dm_check_string (dm_check_object (config, "state"), "name");
  const char *public_ip = dm_check_string (config, "publicIpAddress");
  g_autofree char *resource = NULL;

  /* Stopped and terminated instances expose nothing right now. */
  if (state != NULL && g_strcmp0 (state, "running") != 0)
    return;
  resource = dm_check_resource_arn (context, NULL, "ec2", "instance/", dm_check_string (config, "instanceId"), id);

  if (metadata != NULL)
    {
      const char *tokens = dm_check_string (metadata, "httpTokens");

      dm_check_result (context, "OS-03", g_strcmp0 (tokens, "required") != 0, resource, "AwsEc2Instance",
                       "HttpTokens is %s.", tokens ? tokens : "not set");
    }

  if (public_ip != NULL && *public_ip)
    dm_check_result (context, "OS-05", TRUE, resource, "AwsEc2Instance", "PublicIpAddress is %s.", public_ip);
  else
    dm_check_result (context, "OS-05", FALSE, resource, "AwsEc2Instance", "No public IPv4 address.");
}

static void
instance (DmCheckContext *context,
          const char     *id,
          DmJsonObject   *config)
{
  instance_of (context, id, config, NULL);
}

/* Volumes name their zone, not their account. */
static void
volume (DmCheckContext *outer,
        const char     *id,
        DmJsonObject   *config)
{
  g_auto(DmCheckScope) scope = { 0 };
  g_autofree char *region = zone_region (config);
  DmCheckContext *context = dm_check_scope_enter (&scope, outer, NULL, region);
  g_autofree char *resource = NULL;
  gboolean encrypted;

  if (!dm_check_boolean (config, "encrypted", &encrypted))
    return;
  /* The check is about volumes in use. */
  if (!encrypted && dm_check_count_objects (dm_check_array (config, "attachments")) == 0)
    return;

  resource = dm_check_resource_arn (context, NULL, "ec2", "volume/", dm_check_string (config, "volumeId"), id);
  dm_check_result (context, "ENC-02", !encrypted, resource, "AwsEc2Volume",
                   encrypted ? "The volume is encrypted." : "Encrypted is false on an attached volume.");
}

/* Snapshots name their account (OwnerId), not their Region. */
static void
snapshot (DmCheckContext *outer,
          const char     *id,
          DmJsonObject   *config)
{
  g_auto(DmCheckScope) scope = { 0 };
  DmCheckContext *context = dm_check_scope_enter (&scope, outer, dm_check_string (config, "ownerId"), NULL);
  g_autofree char *resource = dm_check_resource_arn (context, NULL, "ec2", "snapshot/", dm_check_string (config, "snapshotId"), id);
  gboolean encrypted;

  if (dm_check_boolean (config, "encrypted", &encrypted))
    dm_check_result (context, "ENC-03", !encrypted, resource, "AwsEc2Snapshot",
                     "Encrypted is %s.", encrypted ? "true" : "false");
}

/* describe-snapshot-attribute --attribute createVolumePermission */
static void
snapshot_permissions (DmCheckContext *context,
                      DmJsonObject   *document,
                      DmJsonArray    *permissions)
{
  g_autofree char *resource = dm_check_resource_arn (context, NULL, "ec2", "snapshot/", dm_check_string (document, "SnapshotId"),
                                            context->source_name);
  DmCheckIter iter;
  DmJsonObject *permission;
  gboolean everyone = FALSE;
  guint accounts = 0;

  dm_check_iter_init (&iter, permissions);
  while (dm_check_iter_next (&iter, &permission))
    {
      if (g_strcmp0 (dm_check_string (permission, "Group"), "all") == 0)
        everyone = TRUE;
      else if (dm_check_string (permission, "UserId"))
        accounts++;
    }

  if (everyone)
    dm_check_result (context, "DATA-01", TRUE, resource, "AwsEc2Snapshot",
                     "createVolumePermission includes Group all: anyone can restore it.");
  else
    dm_check_result (context, "DATA-01", FALSE, resource, "AwsEc2Snapshot",
                     "createVolumePermission is limited to %u named accounts.", accounts);
}

/* describe-instance-attribute --attribute userData */
static void
user_data (DmCheckContext *context,
           DmJsonObject   *document,
           DmJsonObject   *attribute)
{
  const char *value = dm_check_string (attribute, "Value");
  g_autofree char *resource = dm_check_resource_arn (context, NULL, "ec2", "instance/", dm_check_string (document, "InstanceId"),
                                            context->source_name);
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  const char *kind;
  gsize length = 0;
  guint line = 0;

  if (value == NULL || *value == '\0')
    {
      dm_check_result (context, "OS-06", FALSE, resource, "AwsEc2Instance", "The instance has no user data.");
      return;
    }

  raw = g_base64_decode (value, &length);
  /* Compressed or binary user data cannot be read here: say so. */
  if (length == 0 || memchr (raw, '\0', length) || !g_utf8_validate ((const char *)raw, length, NULL))
    {
      dm_check_result (context, "OS-06", FALSE, resource, "AwsEc2Instance",
                       "The user data is binary or compressed (%" G_GSIZE_FORMAT " bytes) and was not searched.", length);
      return;
    }

  text = g_strndup ((const char *)raw, length);
  kind = dm_check_secret_in_text (text, &line);
  if (kind)
    dm_check_result (context, "OS-06", TRUE, resource, "AwsEc2Instance",
                     "Line %u of the user data holds %s.", line, _(kind));
  else
    dm_check_result (context, "OS-06", FALSE, resource, "AwsEc2Instance",
                     "No secret found in %" G_GSIZE_FORMAT " bytes of user data.", length);
}

/* ssm list-resource-compliance-summaries and describe-instance-patch-states */
static void
patch_summary (DmCheckContext *context,
               const char     *id,
               DmJsonObject   *item)
{
  const char *type = dm_check_string (item, "ComplianceType");
  const char *status = dm_check_string (item, "Status");
  const char *resource_id = dm_check_string (item, "ResourceId");
  g_autofree char *resource = NULL;

  if (g_strcmp0 (type, "Patch") != 0 || status == NULL)
    return;
  /* Managed instances outside EC2 (mi-…) have no EC2 ARN. */
  if (resource_id && g_str_has_prefix (resource_id, "i-"))
    resource = dm_check_resource_arn (context, NULL, "ec2", "instance/", resource_id, id);
  dm_check_result (context, "OS-02", g_strcmp0 (status, "COMPLIANT") != 0, resource ? resource : resource_id ? resource_id : id,
                   "AwsEc2Instance", "Patch compliance is %s.", status);
}

static void
patch_state (DmCheckContext *context,
             const char     *id,
             DmJsonObject   *state)
{
  gint64 missing = 0, failed = 0;
  gboolean has_missing = dm_check_integer (state, "MissingCount", &missing);
  gboolean has_failed = dm_check_integer (state, "FailedCount", &failed);
  g_autofree char *resource = NULL;

  if (!has_missing && !has_failed)
    return;
  resource = dm_check_resource_arn (context, NULL, "ec2", "instance/", dm_check_string (state, "InstanceId"), id);
  dm_check_result (context, "OS-02", missing > 0 || failed > 0, resource, "AwsEc2Instance",
                   "%" G_GINT64_FORMAT " patches missing, %" G_GINT64_FORMAT " failed to install.", missing, failed);
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonArray *reservations, *list;
  DmJsonObject *o;
  DmCheckIter iter;
  gboolean enabled;

  if (dm_check_each (context, dm_check_array (document, "SecurityGroups"), security_group))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "Volumes"), volume))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "Snapshots"), snapshot))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "ResourceComplianceSummaryItems"), patch_summary))
    return TRUE;
  if (dm_check_each (context, dm_check_array (document, "InstancePatchStates"), patch_state))
    return TRUE;
  if ((list = dm_check_array (document, "CreateVolumePermissions")))
    {
      snapshot_permissions (context, document, list);
      return TRUE;
    }
  if ((o = dm_check_object (document, "UserData")))
    {
      user_data (context, document, o);
      return TRUE;
    }
  if ((o = dm_check_object (document, "AccountLevel")))
    {
      const char *tokens = dm_check_string (o, "HttpTokens");

      /* Without an account default, new instances accept IMDSv1. */
      dm_check_result (context, "OS-04", g_strcmp0 (tokens, "required") != 0,
                       dm_check_where (context), "AwsAccount",
                       "The account default HttpTokens is %s.", tokens ? tokens : "not set");
      return TRUE;
    }

  if ((reservations = dm_check_array (document, "Reservations")))
    {
      dm_check_iter_init (&iter, reservations);
      while (dm_check_iter_next (&iter, &o))
        {
          const char *owner = dm_check_string (o, "OwnerId");
          DmCheckIter instances;
          DmJsonObject *i;

          dm_check_iter_init (&instances, dm_check_array (o, "Instances"));
          while (dm_check_iter_next (&instances, &i))
            instance_of (context, "", i, owner);
        }
      return TRUE;
    }

  if (dm_check_boolean (document, "EbsEncryptionByDefault", &enabled))
    {
      dm_check_result (context, "ENC-01", !enabled, dm_check_where (context),
                       "AwsAccount", "EbsEncryptionByDefault is %s.", enabled ? "true" : "false");
      return TRUE;
    }

  return FALSE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::EC2::SecurityGroup", security_group },
  { "AWS::EC2::Instance", instance },
  { "AWS::EC2::Volume", volume },
  { NULL },
};

const DmCheckFamily dm_checks_ec2_family = { config_types, cli_response };
