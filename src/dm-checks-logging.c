/* dm-checks-logging.c: CloudTrail, AWS Config recording, GuardDuty, KMS rotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-logging"

#include "config.h"

#include "dm-checks.h"

static void
trail (DmCheckContext *context,
       const char     *id,
       JsonObject     *config)
{
  const char *name = dm_check_string (config, "name");
  const char *key = dm_check_string (config, "kmsKeyId");
  const char *resource = name ? name : id;
  gboolean validation;

  if (dm_check_boolean (config, "logFileValidationEnabled", &validation))
    dm_check_result (context, "LOG-02", !validation, resource, "AwsCloudTrailTrail",
                     "LogFileValidationEnabled is %s.", validation ? "true" : "false");
  if (key != NULL && *key)
    dm_check_result (context, "LOG-03", FALSE, resource, "AwsCloudTrailTrail", "Logs are encrypted with %s.", key);
  else
    dm_check_result (context, "LOG-03", TRUE, resource, "AwsCloudTrailTrail", "KmsKeyId is not set.");
}

gboolean
dm_checks_logging_config (DmCheckContext *context,
                          const char     *type,
                          const char     *id,
                          JsonObject     *configuration)
{
  if (g_strcmp0 (type, "AWS::CloudTrail::Trail") != 0)
    return FALSE;
  trail (context, id, configuration);
  return TRUE;
}

gboolean
dm_checks_logging_cli (DmCheckContext *context,
                       JsonObject     *document)
{
  JsonArray *list;
  gboolean flag;

  if ((list = dm_check_array (document, "trailList")))
    {
      const char *multi_region = NULL;

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *t;
          gboolean multi = FALSE;

          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
            continue;
          t = json_array_get_object_element (list, i);
          trail (context, "", t);
          if (dm_check_boolean (t, "IsMultiRegionTrail", &multi) && multi)
            multi_region = dm_check_string (t, "Name");
        }

      /* describe-trails does not say whether a trail is logging: a
       * multi-Region trail is evidence, not proof. */
      if (multi_region)
        dm_check_result (context, "LOG-01", FALSE, multi_region, "AwsCloudTrailTrail",
                         "%s is a multi-Region trail (its logging status is not in this file).", multi_region);
      else
        dm_check_result (context, "LOG-01", TRUE, context->source_name, "AwsAccount", "No multi-Region trail is defined.");
      return TRUE;
    }

  if ((list = dm_check_array (document, "DetectorIds")))
    {
      guint n = json_array_get_length (list);

      dm_check_result (context, "LOG-09", n == 0, context->region ? context->region : context->source_name,
                       "AwsAccount", "%u GuardDuty detectors.", n);
      return TRUE;
    }

  if ((list = dm_check_array (document, "ConfigurationRecordersStatus")))
    {
      gboolean recording_ok = FALSE;

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *status;
          gboolean recording = FALSE;

          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
            continue;
          status = json_array_get_object_element (list, i);
          if (dm_check_boolean (status, "recording", &recording) && recording &&
              g_ascii_strcasecmp (dm_check_string (status, "lastStatus") ? dm_check_string (status, "lastStatus") : "",
                                  "FAILURE") != 0)
            recording_ok = TRUE;
        }
      dm_check_result (context, "LOG-08", !recording_ok, context->region ? context->region : context->source_name,
                       "AwsAccount", recording_ok ? "A configuration recorder is recording." :
                                                    "No configuration recorder is recording successfully.");
      return TRUE;
    }

  if (dm_check_boolean (document, "KeyRotationEnabled", &flag))
    {
      dm_check_result (context, "ENC-07", !flag, context->source_name, "AwsKmsKey",
                       "KeyRotationEnabled is %s.", flag ? "true" : "false");
      return TRUE;
    }

  return FALSE;
}
