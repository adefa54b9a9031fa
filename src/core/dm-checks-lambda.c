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

/* A function by its ARN without a version or alias (as Security Hub and
 * Prowler name it): FunctionArn, else built from the name; else the name. */
static char *
function_resource (DmCheckContext *context,
                   const char     *arn,
                   const char     *name,
                   const char     *fallback)
{
  const char *start;
  char *built;

  /* CloudMapper's file of a function may be named by its ARN. */
  if (!dm_check_arn_is_valid (arn) && dm_check_arn_is_valid (name))
    arn = name;
  if (dm_check_arn_is_valid (arn) && (start = strstr (arn, ":function:")))
    {
      const char *end = strchr (start + strlen (":function:"), ':');

      return end ? g_strndup (arn, end - arn) : g_strdup (arn);
    }
  if (name && *name && (built = dm_check_build_arn (context, "lambda", "function:%s", name)))
    return built;
  return g_strdup (name ? name : fallback);
}

static void
function (DmCheckContext *context,
          const char     *id,
          DmJsonObject   *config)
{
  g_autofree char *resource = function_resource (context, dm_check_string (config, "functionArn"),
                                                 dm_check_string (config, "functionName"), id);
  const char *runtime = dm_check_string (config, "runtime");
  gboolean ok = FALSE;

  if (runtime == NULL || *runtime == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (supported); i++)
    if (g_str_equal (runtime, supported[i]))
      ok = TRUE;

  dm_check_result (context, "APP-03", !ok, resource, "AwsLambdaFunction",
                   ok ? "Runtime %s is supported." : "Runtime %s is deprecated or not supported.", runtime);
}

static void
environment (DmCheckContext *context,
             const char     *id,
             DmJsonObject   *config)
{
  DmJsonObject *variables = dm_check_object (dm_check_object (config, "environment"), "variables");
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GList) names = NULL;
  g_autofree char *resource = NULL;

  if (variables == NULL)
    return;
  resource = function_resource (context, dm_check_string (config, "functionArn"), dm_check_string (config, "functionName"),
                                id);
  names = dm_json_object_get_members (variables);
  for (GList *l = names; l; l = l->next)
    {
      const char *kind = dm_check_secret_kind (l->data, dm_check_string (variables, l->data));

      if (kind)
        g_string_append_printf (found, "%s%s (%s)", found->len ? "; " : "", (const char *)l->data, _(kind));
    }

  /* Names and kinds only: the evidence must not carry the secret. */
  if (found->len)
    dm_check_result (context, "APP-04", TRUE, resource, "AwsLambdaFunction",
                     "Variables that look like secrets: %s.", found->str);
  else
    dm_check_result (context, "APP-04", FALSE, resource, "AwsLambdaFunction",
                     "None of %u environment variables looks like a secret.", dm_json_object_get_size (variables));
}

static void
function_and_environment (DmCheckContext *context,
                          const char     *id,
                          DmJsonObject   *config)
{
  function (context, id, config);
  environment (context, id, config);
}

static void
url_config (DmCheckContext *context,
            const char     *id,
            DmJsonObject   *config)
{
  const char *auth = dm_check_string (config, "AuthType");
  g_autofree char *resource = NULL;

  if (auth == NULL)
    return;
  /* A URL of an alias is the function's: its ARN less the alias. */
  resource = function_resource (context, dm_check_string (config, "FunctionArn"), context->resource_name,
                                context->source_name);
  dm_check_result (context, "APP-02", g_strcmp0 (auth, "NONE") == 0, resource,
                   "AwsLambdaFunction", "The function URL's AuthType is %s.", auth);
}

static gboolean
cli_response (DmCheckContext *context,
              DmJsonObject   *document)
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
