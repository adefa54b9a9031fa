/* bench-json-reader.c: throughput and memory of the streaming reader
 *
 * Writes an ASFF-shaped {"Findings": [...]} file of realistic items
 * (deterministic) to a temporary folder, reads it item by item and prints
 * MB/s, items/s and peak RSS. Pass a size in MB (default 100). Asserts
 * nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "dm-json-reader.h"

static void
write_finding (GString *out,
               guint    i,
               GRand   *rand)
{
  static const char *severities[] = { "INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL" };
  static const char *controls[] = { "S3.8", "EC2.19", "IAM.4", "RDS.2", "CloudTrail.1", "Lambda.1" };
  guint account = g_rand_int_range (rand, 100000, 999999);

  g_string_append_printf (out,
    "%s{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:securityhub:eu-west-1:123456%u:subscription/finding/%08x-%u\","
    "\"ProductArn\":\"arn:aws:securityhub:eu-west-1::product/aws/securityhub\",\"GeneratorId\":\"security-control/%s\","
    "\"AwsAccountId\":\"123456%u\",\"Types\":[\"Software and Configuration Checks/Industry and Regulatory Standards\"],"
    "\"CreatedAt\":\"2026-11-01T10:00:00Z\",\"UpdatedAt\":\"2026-11-01T10:00:00Z\",\"Severity\":{\"Label\":\"%s\"},"
    "\"Title\":\"Finding %u\",\"Description\":\"A configuration does not meet the control; see the remediation text for what to change and why it matters.\","
    "\"Remediation\":{\"Recommendation\":{\"Text\":\"Follow the control documentation.\",\"Url\":\"https://docs.aws.amazon.com/\"}},"
    "\"Resources\":[{\"Type\":\"AwsS3Bucket\",\"Id\":\"arn:aws:s3:::bucket-%u\",\"Partition\":\"aws\",\"Region\":\"eu-west-1\","
    "\"Details\":{\"AwsS3Bucket\":{\"OwnerId\":\"%08x\",\"CreatedAt\":\"2025-01-01T00:00:00Z\"}}}],"
    "\"Compliance\":{\"Status\":\"%s\",\"SecurityControlId\":\"%s\"},\"RecordState\":\"ACTIVE\",\"Workflow\":{\"Status\":\"NEW\"}}",
    i ? "," : "", account, g_rand_int (rand), i, controls[i % G_N_ELEMENTS (controls)], account,
    severities[g_rand_int_range (rand, 0, 5)], i, i, g_rand_int (rand),
    g_rand_boolean (rand) ? "FAILED" : "PASSED", controls[i % G_N_ELEMENTS (controls)]);
}

static gboolean
count_item (DmJsonNode *item,
            const char *container,
            guint64     index,
            gpointer    user_data)
{
  guint64 *failed = user_data;
  DmJsonObject *o = dm_json_node_get_object (item);
  DmJsonObject *compliance = dm_json_node_get_object (dm_json_object_get_member (o, "Compliance"));

  if (compliance && g_strcmp0 (dm_json_node_get_string (dm_json_object_get_member (compliance, "Status")), "FAILED") == 0)
    (*failed)++;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint size_mb = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100;
  g_autofree char *dir = g_dir_make_tmp ("demarc-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "findings.json", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(DmJsonReader) reader = dm_json_reader_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *jq = g_find_program_in_path ("jq");
  FILE *out = fopen (path, "w");
  GString *chunk = g_string_new (NULL);
  guint64 written = 0, failed = 0;
  struct rusage usage;
  gint64 start;
  double seconds;
  guint n = 0;

  g_assert_nonnull (out);
  fputs ("{\"Findings\":[", out);
  while (written < (guint64)size_mb * 1024 * 1024)
    {
      g_string_truncate (chunk, 0);
      write_finding (chunk, n++, rand);
      fwrite (chunk->str, 1, chunk->len, out);
      written += chunk->len;
    }
  fputs ("]}", out);
  fclose (out);
  g_string_free (chunk, TRUE);

  start = g_get_monotonic_time ();
  if (!dm_json_reader_read_file (reader, file, count_item, &failed, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  getrusage (RUSAGE_SELF, &usage);

  g_print ("streamed %.0f MB, %u findings (%" G_GUINT64_FORMAT " failed) in %.2f s: %.0f MB/s, %.0f items/s, peak RSS %ld MB\n",
           written / 1048576.0, n, failed, seconds, written / 1048576.0 / seconds, n / seconds,
           usage.ru_maxrss / 1024);

  if (jq != NULL)
    {
      g_autofree char *command = g_strdup_printf ("%s '.Findings|length' %s", jq, path);
      g_autofree char *stdout_text = NULL;

      start = g_get_monotonic_time ();
      g_spawn_command_line_sync (command, &stdout_text, NULL, NULL, NULL);
      g_print ("baseline jq '.Findings|length': %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  else
    g_print ("baseline: jq is not installed\n");

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
