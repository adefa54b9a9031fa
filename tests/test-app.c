/* test-app.c: the real demarc binary, run from the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts _build/src/demarc as a child process, on a private D-Bus session
 * (GTestDBus, so a developer's own running Demarc is never reached), and
 * checks:
 * - the uninstalled binary finds the build tree's schema and translations
 *   by itself (GSETTINGS_SCHEMA_DIR unset), and so does `meson devenv`;
 * - a copy outside the build tree with no schema says so and exits 1
 *   instead of aborting;
 * - a second `demarc FILE` and `demarc --model FILE` hand their command
 *   lines to the running instance, which opens each in a new window, as
 *   it does for files sent with org.freedesktop.Application.Open;
 * - `--demo` opens the demo, and the desktop file lists every export type.
 *
 * Which process opened a file is told by FIFOs: the running instance's
 * /proc/PID/fd must hold the FIFO while it reads it, and the window count
 * comes from the objects GtkApplication exports on the bus. Every wait is
 * bounded; children are killed on failure.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUS_NAME     APP_ID
#define OBJECT_PATH  RESOURCE_BASE
#define TIMEOUT_MS   30000

static GDBusConnection *bus;
static char *data_dirs;   /* XDG_DATA_DIRS before isolation: icons, fonts */

#define SKIP_WITHOUT_SESSION() \
  G_STMT_START { \
    if (bus == NULL) \
      { \
        g_test_skip ("no dbus-daemon for a private session bus: install the dbus package"); \
        return; \
      } \
    if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) \
      { \
        g_test_skip ("no display: run the tests under xvfb-run (build-aux/dev test)"); \
        return; \
      } \
  } G_STMT_END

/* Children get the test's own isolated folders as real variables
 * (isolation leaves HOME and XDG_*_HOME at /dev/null for this process). */
static GSubprocessLauncher *
new_launcher (const char        *cwd,
              GSubprocessFlags   flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);
  /* The program must find the build tree's schema by itself. */
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  return launcher;
}

/* This test case's own folder (isolation names it but does not create it). */
static const char *
scratch_dir (void)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_get_user_data_dir ();
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }
  return TRUE;
}

static gboolean
name_owned (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", BUS_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The windows GtkApplication exports: OBJECT_PATH/window/1, /2… */
static guint
count_windows (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;
  guint n = 0;

  reply = g_dbus_connection_call_sync (bus, BUS_NAME, OBJECT_PATH "/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect",
                                       NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, NULL);
  for (guint i = 0; node != NULL && node->nodes != NULL && node->nodes[i] != NULL; i++)
    n++;
  return n;
}

static gboolean
has_one_window (gpointer data)
{
  return count_windows () >= 1;
}

typedef struct
{
  GSubprocess *process;
  gboolean     done;
} Child;

static void
child_exited (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  child->done = TRUE;
}

static gboolean
child_done (gpointer data)
{
  return ((Child *)data)->done;
}

static void
child_watch (Child       *child,
             GSubprocess *process)
{
  child->process = process;
  child->done = FALSE;
  g_subprocess_wait_async (process, NULL, child_exited, child);
}

/* Waits for @child to exit by itself; kills it after the timeout. */
static gboolean
child_wait (Child *child)
{
  if (wait_until (child_done, child))
    return TRUE;
  g_subprocess_force_exit (child->process);
  wait_until (child_done, child);
  return FALSE;
}

/* Ends the primary instance the way the menu does: app.quit over D-Bus. */
static void
quit_primary (Child *primary)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, BUS_NAME, OBJECT_PATH, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (child_wait (primary));
  g_assert_true (g_subprocess_get_if_exited (primary->process));
  g_assert_cmpint (g_subprocess_get_exit_status (primary->process), ==, 0);
  g_clear_object (&primary->process);
}

static void
start_primary (Child      *primary,
               const char *const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (scratch_dir (), G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_assert_false (name_owned (NULL));
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  child_watch (primary, process);

  /* On the bus with its first window, or it failed (say, on the schema). */
  if (!wait_until (name_owned, NULL) || !wait_until (has_one_window, NULL))
    {
      g_subprocess_force_exit (process);
      wait_until (child_done, primary);
      g_error ("%s did not start: no %s with a window on the bus", argv[0], BUS_NAME);
    }
  g_assert_false (primary->done);
  g_assert_cmpuint (count_windows (), ==, 1);
}

static void
test_uninstalled_run (void)
{
  const char *argv[] = { DEMARC, NULL };
  Child primary = { 0 };

  SKIP_WITHOUT_SESSION ();

  start_primary (&primary, argv);
  quit_primary (&primary);
  g_assert_false (name_owned (NULL));
}

/* A copy of the binary outside the build tree: to the program, installed. */
static char *
copy_binary (void)
{
  g_autofree char *copy = g_build_filename (scratch_dir (), "demarc", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (DEMARC, &contents, &len, &error));
  g_assert_true (g_file_set_contents_full (copy, contents, (gssize)len, G_FILE_SET_CONTENTS_NONE, 0755, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

/* `meson devenv -C _build demarc`; and a copy that does not look in the
 * build tree by itself starts there too: devenv sets GSETTINGS_SCHEMA_DIR. */
static void
test_devenv_run (void)
{
  g_autofree char *copy = NULL;
  const char *argv[] = { MESON, "devenv", "-C", BUILD_ROOT, "demarc", NULL };
  const char *copy_argv[] = { MESON, "devenv", "-C", BUILD_ROOT, NULL, NULL };
  Child primary = { 0 };

  SKIP_WITHOUT_SESSION ();

  start_primary (&primary, argv);
  quit_primary (&primary);

  copy = copy_binary ();
  copy_argv[4] = copy;
  start_primary (&primary, copy_argv);
  quit_primary (&primary);
}

/* Help output is translated at startup: French from the build tree. */
static void
test_uninstalled_translations (void)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (scratch_dir (), G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "fr", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, DEMARC, "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  /* The summary, translated in po/fr.po. */
  g_assert_nonnull (strstr (out, "Découvrez qui sécurise quoi dans le cloud"));
}

/* A copy outside the build tree counts as installed: it must not read the
 * build tree, and with no schema anywhere it explains and exits 1. */
static void
test_missing_schema (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = copy_binary ();
  g_autofree char *empty = g_build_filename (scratch_dir (), "no-schemas", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);

  launcher = new_launcher (scratch_dir (), G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", empty, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, copy, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  /* Exited, not killed by an abort or a trap. */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "settings schema " APP_ID " is not installed"));
  g_assert_nonnull (strstr (err, "meson devenv -C _build demarc"));
  g_assert_null (strstr (err, "GLib-GIO-ERROR"));
}

/* Whether process @pid holds @path open. */
static gboolean
process_has_open (const char *pid,
                  const char *path)
{
  g_autofree char *fd_dir = g_build_filename ("/proc", pid, "fd", NULL);
  g_autoptr(GDir) dir = g_dir_open (fd_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (fd_dir, name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (g_strcmp0 (target, path) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
more_windows (gpointer data)
{
  return count_windows () > GPOINTER_TO_UINT (data);
}

typedef struct
{
  const char *pid;
  const char *path;
} Opener;

static gboolean
opened_by (gpointer data)
{
  Opener *opener = data;

  return process_has_open (opener->pid, opener->path);
}

typedef struct
{
  const char *path;
  int         fd;
} Fifo;

/* A FIFO opens for writing (non-blocking) only once a reader has it. */
static gboolean
fifo_has_reader (gpointer data)
{
  Fifo *fifo = data;

  fifo->fd = open (fifo->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  return fifo->fd >= 0;
}

/* Runs `demarc ARGS…` in @cwd while @primary runs (or, with no @argv,
 * asks it over D-Bus with org.freedesktop.Application.Open, as a file
 * manager may), feeds @fifo_name (a FIFO in @cwd) with @fixture once
 * someone reads it, and checks that the primary instance was the reader
 * and opened one more window. */
static void
forward_and_feed (Child              *primary,
                  const char         *cwd,
                  const char *const  *argv,
                  const char         *fifo_name,
                  const char         *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (cwd, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *fifo_path = g_build_filename (cwd, fifo_name, NULL);
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint windows_before = count_windows ();
  Fifo fifo = { fifo_path, -1 };
  Opener opener = { NULL, fifo_path };
  Child second = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (fixture_path, &contents, &len, &error));
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  if (argv != NULL)
    {
      child_watch (&second, g_subprocess_launcher_spawnv (launcher, argv, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *uri = g_filename_to_uri (fifo_path, NULL, NULL);
      const char *uris[] = { uri, NULL };

      second.done = TRUE;
      g_dbus_connection_call (bus, BUS_NAME, OBJECT_PATH, "org.freedesktop.Application", "Open",
                              g_variant_new ("(^asa{sv})", uris, NULL), NULL,
                              G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
    }

  g_assert_true (wait_until (fifo_has_reader, &fifo));
  /* The reader is the running instance, not the second process (polled:
   * the reader's fd appears just after the FIFO counts it). */
  opener.pid = g_subprocess_get_identifier (primary->process);
  g_assert_true (wait_until (opened_by, &opener));
  if (!second.done)
    g_assert_false (process_has_open (g_subprocess_get_identifier (second.process), fifo_path));

  /* Back to blocking for a plain write of the whole fixture. */
  g_assert_cmpint (fcntl (fifo.fd, F_SETFL, 0), ==, 0);
  g_assert_cmpint (write (fifo.fd, contents, len), ==, (gssize)len);
  close (fifo.fd);

  /* The second `demarc` returns as soon as its command line was handled. */
  if (second.process != NULL)
    {
      g_assert_true (child_wait (&second));
      g_assert_true (g_subprocess_get_if_exited (second.process));
      g_assert_cmpint (g_subprocess_get_exit_status (second.process), ==, 0);
      g_clear_object (&second.process);
    }

  g_assert_false (primary->done);
  g_assert_true (wait_until (more_windows, GUINT_TO_POINTER (windows_before)));
  g_assert_cmpuint (count_windows (), ==, windows_before + 1);
  g_unlink (fifo_path);
}

static void
test_forward_to_running (void)
{
  const char *first[] = { DEMARC, NULL };
  /* Relative paths: resolved in the second process's folder. */
  const char *open_export[] = { DEMARC, "export.json", NULL };
  const char *open_model[] = { DEMARC, "--model", "model.json", NULL };
  g_autofree char *cwd = g_build_filename (scratch_dir (), "exports", NULL);
  Child primary = { 0 };

  SKIP_WITHOUT_SESSION ();
  g_assert_cmpint (g_mkdir_with_parents (cwd, 0700), ==, 0);

  start_primary (&primary, first);
  forward_and_feed (&primary, cwd, open_export, "export.json", "asff-single.json");
  forward_and_feed (&primary, cwd, open_model, "model.json", "model-good.json");
  forward_and_feed (&primary, cwd, NULL, "opened.json", "asff-single.json");
  quit_primary (&primary);
}

/* Files offers Demarc for each kind of export it reads: the type the MIME
 * database gives the file's name is listed, or is a subclass of one that
 * is. ScoutSuite's results are JavaScript by name, so no type of our own. */
static void
test_desktop_mime_types (void)
{
  const char *names[] = {
    "findings.json", "prowler-output.ocsf.json", "scoutsuite_results_aws-123.js",
    "prowler-output.csv", "config-snapshot.json.gz",
  };
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *exec = NULL;

  g_key_file_load_from_file (keys, DESKTOP_FILE, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  types = g_key_file_get_string_list (keys, G_KEY_FILE_DESKTOP_GROUP, "MimeType", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *type = g_content_type_guess (names[i], NULL, 0, NULL);
      gboolean listed = FALSE;

      for (guint j = 0; types[j] != NULL && !listed; j++)
        listed = g_content_type_is_a (type, types[j]);
      g_test_message ("%s: %s", names[i], type);
      if (!listed)
        g_error ("%s is %s, which the desktop file's MimeType does not list", names[i], type);
    }

  /* The demo action runs the option the program has. */
  exec = g_key_file_get_string (keys, "Desktop Action demo", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "demarc --demo");
}

static gboolean
demo_remembered (gpointer data)
{
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *contents = NULL;

  return g_file_get_contents (xbel, &contents, NULL, NULL) && strstr (contents, data) != NULL;
}

/* `demarc --demo` (the desktop action) opens the demo export: the window
 * adds an export to the recent files once it has read it. */
static void
test_demo_option (void)
{
  const char *argv[] = { DEMARC, "--demo", NULL };
  g_autofree char *demo = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autofree char *uri = g_filename_to_uri (demo, NULL, NULL);
  Child primary = { 0 };

  SKIP_WITHOUT_SESSION ();

  start_primary (&primary, argv);
  g_assert_true (wait_until (demo_remembered, uri));
  quit_primary (&primary);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) test_bus = NULL;
  const char *dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  int status;

  data_dirs = g_strdup (dirs != NULL && *dirs != '\0' ? dirs : "/usr/local/share:/usr/share");

  /* Isolation empties XDG_DATA_DIRS; the MIME test needs the database. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* A private session bus: the name is free, and a Demarc the developer
   * runs is never reached. */
  if (dbus_daemon != NULL)
    {
      test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (test_bus);
      /* g_test_dbus_up () unsets DISPLAY too; the children need Xvfb's. */
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
      bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
      g_assert_nonnull (bus);
    }

  g_test_add_func ("/app/uninstalled-run", test_uninstalled_run);
  g_test_add_func ("/app/uninstalled-translations", test_uninstalled_translations);
  g_test_add_func ("/app/devenv-run", test_devenv_run);
  g_test_add_func ("/app/missing-schema", test_missing_schema);
  g_test_add_func ("/app/forward-to-running", test_forward_to_running);
  g_test_add_func ("/app/desktop-mime-types", test_desktop_mime_types);
  g_test_add_func ("/app/demo-option", test_demo_option);

  status = g_test_run ();

  g_clear_object (&bus);
  if (test_bus != NULL)
    g_test_dbus_down (test_bus);
  g_free (data_dirs);
  return status;
}
