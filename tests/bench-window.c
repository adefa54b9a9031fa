/* bench-window.c: time to the window's first frame, and to each frame
 * after switching services
 *
 * Run under a display (build-aux/dev bench runs it under Xvfb with the
 * cairo renderer). Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "dm-application.h"
#include "dm-window-private.h"

static gint64 painted_at;
static gint64 frame_started_at;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_started_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Iterates until a frame is painted after @since. */
static gint64
wait_for_frame (gint64 since)
{
  while (painted_at <= since)
    g_main_context_iteration (NULL, TRUE);
  return painted_at - since;
}

static gint64 last_tick, longest_stall;

/* Ticks every 5 ms: a late tick is a main loop that was busy. */
static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick && now - last_tick > longest_stall)
    longest_stall = now - last_tick;
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* A Security Hub export of about @megabytes MB. */
static char *
write_export (guint   megabytes,
              guint  *n_findings)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-bench-window-XXXXXX", NULL);
  char *path = g_build_filename (dir, "findings.json", NULL);
  FILE *out = fopen (path, "w");
  static const char *controls[] = { "S3.8", "EC2.19", "IAM.4", "RDS.2", "CloudTrail.1", "Lambda.1", "EC2.8" };
  guint64 written = 0;
  guint i;

  g_assert_nonnull (out);
  written += fprintf (out, "{\"Findings\": [");
  for (i = 0; written < (guint64)megabytes * 1024 * 1024; i++)
    written += fprintf (out,
      "%s{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"finding-%u\",\"AwsAccountId\":\"111122223333\","
      "\"ProductArn\":\"arn:aws:securityhub:eu-west-1::product/aws/securityhub\",\"GeneratorId\":\"security-control/%s\","
      "\"Types\":[\"Software and Configuration Checks\"],\"CreatedAt\":\"2026-11-01T10:00:00Z\",\"UpdatedAt\":\"2026-11-01T10:00:00Z\","
      "\"Severity\":{\"Label\":\"%s\"},\"Title\":\"Finding %u does not meet its control\","
      "\"Description\":\"A configuration does not meet the control; see the remediation for what to change.\","
      "\"Resources\":[{\"Type\":\"AwsS3Bucket\",\"Id\":\"arn:aws:s3:::bucket-%u\",\"Region\":\"eu-west-1\"}],"
      "\"Compliance\":{\"Status\":\"%s\",\"SecurityControlId\":\"%s\"},\"RecordState\":\"ACTIVE\",\"Workflow\":{\"Status\":\"NEW\"}}",
      i ? "," : "", i, controls[i % G_N_ELEMENTS (controls)], i % 3 ? "HIGH" : "MEDIUM", i, i % 500,
      i % 2 ? "FAILED" : "PASSED", controls[i % G_N_ELEMENTS (controls)]);
  fprintf (out, "]}\n");
  fclose (out);
  *n_findings = i;
  return path;
}

/* demarc-check --format json on the same export, for the window's time
 * to be read against it. */
static void
print_against_cli (const char *path,
                   double      window_seconds)
{
  const char *cli = g_getenv ("DEMARC_CHECK") ? g_getenv ("DEMARC_CHECK") : DEMARC_CHECK;
  const char *argv[] = { cli, "--format", "json", path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  double seconds;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error))
    {
      g_print ("demarc-check on the same export: %s\n", error->message);
      return;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("demarc-check --format json on the same export: %.2f s; the window took %.2f× that\n", seconds,
           window_seconds / seconds);
}

/* Runs the main loop until the window shows a new assessment after
 * @action, and says how long that took and the longest stall in it. */
static void
time_action (DmWindow   *window,
             const char *action,
             const char *what)
{
  DmAssessment *before = dm_window_get_assessment (window);
  guint source = g_timeout_add (5, tick_cb, NULL);
  gint64 start = g_get_monotonic_time (), shown;

  last_tick = start;
  longest_stall = 0;
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  while (dm_window_get_assessment (window) == before || dm_window_get_assessment (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  shown = g_get_monotonic_time ();
  while (last_tick < shown)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%s: %.2f s to the new assessment shown, longest main-loop stall %.1f ms\n", what,
           (shown - start) / 1e6, longest_stall / 1000.0);
  g_source_remove (source);
}

/* What the window does again with the large export open. */
static void
measure_after_open (DmWindow *window)
{
  time_action (window, "win.redact", "redacting it");
  time_action (window, "win.redact", "showing its identifiers again");
  time_action (window, "win.reset-model", "the built-in model again");
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DmApplication) app = NULL;
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (gint64));
  DmWindow *window;
  GdkFrameClock *clock;
  gint64 first, total = 0;
  guint rounds = 3;

  gint64 t_init, t_model, t_window;

  gtk_init ();
  adw_init ();
  t_init = g_get_monotonic_time ();
  app = dm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  model = dm_model_new_default (&error);
  g_assert_no_error (error);
  t_model = g_get_monotonic_time ();
  window = dm_window_new (GTK_APPLICATION (app));
  dm_window_set_model (window, model);
  t_window = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  /* The frame's own work starts at "update", the first phase. */
  g_signal_connect (clock, "update", G_CALLBACK (before_paint_cb), NULL);
  first = wait_for_frame (start);
  g_print ("first frame: %.1f ms after main(): gtk_init and adw_init %.1f ms, application and model %.1f ms, "
           "window %.1f ms, first layout and paint %.1f ms\n", first / 1000.0, (t_init - start) / 1000.0,
           (t_model - t_init) / 1000.0, (t_window - t_model) / 1000.0, (start + first - t_window) / 1000.0);

  /* Each switch: set the service, then wait for the frame that shows it. */
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < dm_model_get_n_services (model); i++)
      {
        gint64 before = g_get_monotonic_time ();
        gint64 took, busy, set_done;

        dm_window_set_service (window, dm_model_get_service (model, i));
        set_done = g_get_monotonic_time ();
        gtk_widget_queue_draw (GTK_WIDGET (window));
        took = wait_for_frame (before);
        /* Work: the switch itself, then the frame's layout and paint. */
        busy = (set_done - before) + (painted_at - MAX (frame_started_at, set_done));
        g_array_append_val (times, took);
        g_array_append_val (work, busy);
        total += took;
      }

  g_array_sort (times, compare_gint64);
  g_array_sort (work, compare_gint64);
  g_print ("switching services, work (the switch, then layout and paint of the frame): median %.1f ms, "
           "95th percentile %.1f ms, max %.1f ms\n",
           g_array_index (work, gint64, work->len / 2) / 1000.0,
           g_array_index (work, gint64, work->len * 95 / 100) / 1000.0,
           g_array_index (work, gint64, work->len - 1) / 1000.0);
  g_print ("switching services, to the painted frame: %u switches, median %.1f ms, 95th percentile %.1f ms, max %.1f ms\n",
           times->len,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len * 95 / 100) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
  g_print ("(the time to the next painted frame, which includes waiting for the frame clock's tick)\n");

  /* Opening a large export: the main loop must keep ticking. */
  {
    guint megabytes = 100, n_findings = 0;
    g_autofree char *path = write_export (megabytes, &n_findings);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *dir = g_path_get_dirname (path);
    gint64 opened;
    double seconds;
    guint source = g_timeout_add (5, tick_cb, NULL);

    last_tick = 0;
    longest_stall = 0;
    opened = g_get_monotonic_time ();
    dm_window_open_exports (window, &file, 1);
    while (dm_window_get_assessment (window) == NULL)
      g_main_context_iteration (NULL, TRUE);
    seconds = (g_get_monotonic_time () - opened) / 1e6;
    /* The dispatch that showed the assessment counts too: wait for the
     * tick after it, and for the frame that paints it. */
    {
      gint64 shown = g_get_monotonic_time ();

      while (last_tick < shown)
        g_main_context_iteration (NULL, TRUE);
      /* The views filled have queued one already; this makes sure. */
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame (shown);
      while (last_tick < painted_at)
        g_main_context_iteration (NULL, TRUE);
    }
    g_print ("opening a %u MB export (%u findings): %.2f s to the assessment shown, longest main-loop stall %.1f ms\n",
             megabytes, n_findings, seconds, longest_stall / 1000.0);
    g_source_remove (source);
    print_against_cli (path, seconds);
    measure_after_open (window);
    g_unlink (path);
    g_rmdir (dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
