/* dm-checks-lambda.c: function runtimes, environment secrets, function URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dm-checks-lambda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

static void
environment (DmCheckContext *context,
             const char     *id,
             JsonObject     *config)
{
  const char *name = dm_check_string (config, "functionName");
  JsonObject *variables = dm_check_object (dm_check_object (config, "environment"), "variables");
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  if (variables == NULL)
    return;
  names = json_object_get_members (variables);
  for (GList *l = names; l; l = l->next)
    {
      const char *kind = dm_check_secret_kind (l->data, dm_check_string (variables, l->data));

      if (kind)
        g_string_append_printf (found, "%s%s (%s)", found->len ? "; " : "", (const char *)l->data, _(kind));
    }

  /* Names and kinds only: the evidence must not carry the secret. */
  if (found->len)
    dm_check_result (context, "APP-04", TRUE, name ? name : id, "AwsLambdaFunction",
                     "Variables that look like secrets: %s.", found->str);
  else
    dm_check_result (context, "APP-04", FALSE, name ? name : id, "AwsLambdaFunction",
                     "None of %u environment variables looks like a secret.", json_object_get_size (variables));
}

static void
function_and_environment (DmCheckContext *context,
                          const char     *id,
                          JsonObject     *config)
{
  function (context, id, config);
  environment (context, id, config);
}

static void
url_config (DmCheckContext *context,
            const char     *id,
            JsonObject     *config)
{
  const char *arn = dm_check_string (config, "FunctionArn");
  const char *auth = dm_check_string (config, "AuthType");
  const char *name = arn ? strrchr (arn, ':') : NULL;

  if (auth == NULL)
    return;
  /* Qualified ARNs end in :alias; the name is the part after :function:. */
  if (arn && strstr (arn, ":function:"))
    name = strstr (arn, ":function:") + strlen (":function:");
  else if (name)
    name++;
  dm_check_result (context, "APP-02", g_strcmp0 (auth, "NONE") == 0, name ? name : context->source_name,
                   "AwsLambdaFunction", "The function URL's AuthType is %s.", auth);
}

static gboolean
cli_response (DmCheckContext *context,
              JsonObject     *document)
{
  if (dm_check_each (context, dm_check_array (document, "FunctionUrlConfigs"), url_config))
    return TRUE;
  if (dm_check_string (document, "FunctionUrl") && dm_check_string (document, "AuthType"))
    {
      url_config (context, "", document);
      return TRUE;
    }

  if (dm_check_each (context, dm_check_array (document, "Functions"), function_and_environment))
    return TRUE;

  /* get-function-configuration: one function, at the top level. */
  if (dm_check_string (document, "FunctionName") && dm_check_string (document, "FunctionArn"))
    {
      function_and_environment (context, "", document);
      return TRUE;
    }
  return FALSE;
}

static const DmCheckConfigType config_types[] = {
  { "AWS::Lambda::Function", function_and_environment },
  { NULL },
};

const DmCheckFamily dm_checks_lambda_family = { config_types, cli_response };
