/* dm-checks-logging.c: CloudTrail, AWS Config recording, GuardDuty, KMS rotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-logging"

#include "config.h"

#include <string.h>

#include "dm-checks.h"

/* A trail by its ARN (TrailARN, or built in its home Region), else its
 * name. */
static char *
trail_resource (DmCheckContext *outer,
                const char     *id,
                DmJsonObject   *config)
{
  g_auto(DmCheckScope) scope = { 0 };
  DmCheckContext *context = dm_check_scope_enter (&scope, outer, NULL, dm_check_string (config, "homeRegion"));
  const char *arn = dm_check_string (config, "trailARN");
  const char *name = dm_check_string (config, "name");

  /* A name given as an ARN is one. */
  return dm_check_resource_arn (context, dm_check_arn_is_valid (arn) ? arn : name, "cloudtrail", "trail/", name, id);
}

static void
trail (DmCheckContext *context,
       const char     *id,
       DmJsonObject   *config)
{
  const char *key = dm_check_string (config, "kmsKeyId");
  g_autofree char *resource = trail_resource (context, id, config);
  gboolean validation;

  if (dm_check_boolean (config, "logFileValidationEnabled", &validation))
    dm_check_result (context, "LOG-02", !validation, resource, "AwsCloudTrailTrail",
                     "LogFileValidationEnabled is %s.", validation ? "true" : "false");
  if (key != NULL && *key)
    dm_check_result (context, "LOG-03", FALSE, resource, "AwsCloudTrailTrail", "Logs are encrypted with %s.", key);
  else
    dm_check_result (context, "LOG-03", TRUE, resource, "AwsCloudTrailTrail", "KmsKeyId is not set.");
}

/* inspector2 batch-get-account-status */
static void
inspector_account (DmCheckContext *context,
                   DmJsonObject   *account)
{
  static const char *scans[] = { "ec2", "ecr", "lambda" };
  DmJsonObject *state = dm_check_object (account, "resourceState");
  g_autoptr(GString) off = g_string_new (NULL);
  const char *id = dm_check_string (account, "accountId");

  for (guint i = 0; i < G_N_ELEMENTS (scans); i++)
    {
      const char *status = dm_check_string (dm_check_object (state, scans[i]), "status");

      if (g_strcmp0 (status, "ENABLED") != 0)
        g_string_append_printf (off, "%s%s %s", off->len ? ", " : "", scans[i], status ? status : "not reported");
    }

  if (off->len)
    dm_check_result (context, "LOG-15", TRUE, id ? id : context->source_name, "AwsAccount", "Inspector scanning off: %s.", off->str);
  else
    dm_check_result (context, "LOG-15", FALSE, id ? id : context->source_name, "AwsAccount",
                     "Inspector scans EC2, ECR and Lambda.");
}

/**
 * dm_checks_call_error:
 *
 * Some services answer "not enabled" with an error: for Security Hub the
 * error is the evidence.
 */
void
dm_checks_call_error (DmCheckContext *context,
                      const char     *service,
                      const char     *operation,
                      const char     *error)
{
  if (g_strcmp0 (service, "securityhub") == 0 && error &&
      (strstr (error, "not subscribed") || strstr (error, "InvalidAccessException")))
    dm_check_result (context, "LOG-10", TRUE, dm_check_where (context), "AwsAccount",
                     "%s answered that the account is not subscribed to Security Hub.", operation ? operation : service);
}

/* cloudtrail describe-trails */
static void
trails (DmCheckContext *context,
        DmJsonArray    *list)
{
  g_autofree char *multi_region = NULL;
  DmCheckIter iter;
  DmJsonObject *t;

  dm_check_iter_init (&iter, list);
  while (dm_check_iter_next (&iter, &t))
    {
      gboolean multi = FALSE;

      trail (context, "", t);
      if (dm_check_boolean (t, "IsMultiRegionTrail", &multi) && multi)
        {
          g_free (multi_region);
          multi_region = trail_resource (context, "", t);
        }
    }

  /* describe-trails does not say whether a trail is logging: a
   * multi-Region trail is evidence, not proof. */
  if (multi_region)
    dm_check_result (context, "LOG-01", FALSE, multi_region, "AwsCloudTrailTrail",
                     "%s is a multi-Region trail (its logging status is not in this file).", multi_region);
  else
    dm_check_result (context, "LOG-01", TRUE,
                     context->account ? context->account : dm_check_where (context),
                     "AwsAccount", "No multi-Region trail is defined.");
}

/* configservice describe-configuration-recorder-status */
static void
recorders (DmCheckContext *context,
           DmJsonArray    *list)
{
  gboolean recording_ok = FALSE;
  DmCheckIter iter;
  DmJsonObject *status;

  dm_check_iter_init (&iter, list);
  while (dm_check_iter_next (&iter, &status))
    {
      const char *last = dm_check_string (status, "lastStatus");
      gboolean recording = FALSE;

      if (dm_check_boolean (status, "recording", &recording) && recording &&
          g_ascii_strcasecmp (last ? last : "", "FAILURE") != 0)
        recording_ok = TRUE;
    }
  dm_check_result (context, "LOG-08", !recording_ok, dm_check_where (context),
                   "AwsAccount", recording_ok ? "A configuration recorder is recording." :
                                                "No configuration recorder is recording successfully.");
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
{
  DmJsonArray *list;
  DmJsonObject *o;
  DmCheckIter iter;
  gboolean flag;

  if ((list = dm_check_array (document, "trailList")))
    {
      trails (context, list);
      return TRUE;
    }

  if ((list = dm_check_array (document, "DetectorIds")))
    {
      guint n = dm_json_array_get_length (list);

      dm_check_result (context, "LOG-09", n == 0, dm_check_where (context),
                       "AwsAccount", "%u GuardDuty detectors.", n);
      return TRUE;
    }

  if ((list = dm_check_array (document, "ConfigurationRecordersStatus")))
    {
      recorders (context, list);
      return TRUE;
    }

  /* securityhub describe-hub answers only when the hub is on. */
  if (dm_check_string (document, "HubArn"))
    {
      dm_check_result (context, "LOG-10", FALSE, dm_check_where (context), "AwsAccount",
                       "Security Hub is enabled (%s).", dm_check_string (document, "HubArn"));
      return TRUE;
    }

  if ((list = dm_check_array (document, "StandardsSubscriptions")))
    {
      guint n = dm_check_count_objects (list);

      dm_check_result (context, "LOG-10", n == 0, dm_check_where (context), "AwsAccount",
                       "%u security standards are enabled.", n);
      return TRUE;
    }

  if ((list = dm_check_array (document, "accounts")) &&
      dm_check_object (dm_check_first_object (list), "resourceState"))
    {
      dm_check_iter_init (&iter, list);
      while (dm_check_iter_next (&iter, &o))
        inspector_account (context, o);
      return TRUE;
    }

  if (dm_check_boolean (document, "KeyRotationEnabled", &flag))
    {
      /* Newer answers name the key; CloudMapper's file name is its id. */
      const char *key = dm_check_string (document, "KeyId") ? dm_check_string (document, "KeyId") : context->resource_name;
      g_autofree char *arn = key && !g_str_has_prefix (key, "arn:") ? dm_check_build_arn (context, "kms", "key/%s", key) : NULL;

      dm_check_result (context, "ENC-07", !flag, arn ? arn : key ? key : context->source_name, "AwsKmsKey",
                       "KeyRotationEnabled is %s.", flag ? "true" : "false");
      return TRUE;
    }

  return FALSE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::CloudTrail::Trail", trail },
  { NULL },
};

const DmCheckFamily dm_checks_logging_family = { config_types, cli_response };
