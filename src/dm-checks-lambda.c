/* dm-checks-lambda.c: function runtimes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-lambda"

#include "config.h"

#include "dm-checks.h"

/* The runtimes Security Hub's Lambda.2 accepted when this list was made;
 * anything else is deprecated or unknown. Container images have none. */
static const char *supported[] = {
  "dotnet8", "java25", "java21", "java17", "java11", "java8.al2",
  "nodejs24.x", "nodejs22.x", "nodejs20.x",
  "python3.14", "python3.13", "python3.12", "python3.11", "python3.10",
  "ruby3.4", "ruby3.3", "ruby3.2", "provided.al2", "provided.al2023",
};

static void
function (DmCheckContext *context,
          const char     *id,
          JsonObject     *config)
{
  const char *name = dm_check_string (config, "functionName");
  const char *runtime = dm_check_string (config, "runtime");
  gboolean ok = FALSE;

  if (runtime == NULL || *runtime == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (supported); i++)
    if (g_str_equal (runtime, supported[i]))
      ok = TRUE;

  dm_check_result (context, "APP-03", !ok, name ? name : id, "AwsLambdaFunction",
                   ok ? "Runtime %s is supported." : "Runtime %s is deprecated or not supported.", runtime);
}

gboolean
dm_checks_lambda_config (DmCheckContext *context,
                         const char     *type,
                         const char     *id,
                         JsonObject     *configuration)
{
  if (g_strcmp0 (type, "AWS::Lambda::Function") != 0)
    return FALSE;
  function (context, id, configuration);
  return TRUE;
}

gboolean
dm_checks_lambda_cli (DmCheckContext *context,
                      JsonObject     *document)
{
  JsonArray *list = dm_check_array (document, "Functions");

  if (list == NULL)
    {
      /* get-function-configuration: one function, at the top level. */
      if (dm_check_string (document, "FunctionName") && dm_check_string (document, "FunctionArn"))
        {
          function (context, "", document);
          return TRUE;
        }
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)))
      function (context, "", json_array_get_object_element (list, i));
  return TRUE;
}
