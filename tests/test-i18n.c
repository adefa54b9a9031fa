/* test-i18n.c: the French translation, read from the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under French and checks that real translated strings come back from
 * the core, from GtkBuilder templates, from code using g_dngettext () and
 * from the merged desktop file. The catalogue is the one meson compiles into
 * <builddir>/po/fr/LC_MESSAGES/demarc.mo (TEST_LOCALEDIR), never an
 * installed copy.
 *
 * The locale: fr_FR.UTF-8 when it has been generated, else C.UTF-8 with
 * LANGUAGE=fr (glibc only ignores LANGUAGE in the "C" and "POSIX" locales,
 * not in C.UTF-8). When neither gives French the tests skip and say why.
 *
 * Also: with a right-to-left default direction the main window builds and
 * the diagram draws into a cairo image surface without a warning or a
 * critical.
 */
#include "config.h"

#include "test-gtk.h"
#include "test-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dm-application.h"
#include "dm-details-pane.h"
#include "dm-diagram.h"
#include "dm-window-private.h"

#include <json-glib/json-glib.h>

/* The French team puts a no-break space before ":" and ";" and inside « ». */
#define NBSP "\u00a0"

static DmApplication *shared_app;
static char *skip_reason;
static const char *locale_name;

#define SKIP_UNLESS_FRENCH() \
  G_STMT_START { \
    if (skip_reason != NULL) \
      { \
        g_test_skip (skip_reason); \
        return; \
      } \
  } G_STMT_END

/* Must run before anything calls gettext: GTK's own setlocale (LC_ALL, "")
 * is disabled, or the suite's LC_ALL=C.UTF-8 would win. */
static void
setup_french (void)
{
  const char *probe;

  /* LANGUAGE outranks LC_ALL and LC_MESSAGES: a developer's own setting
   * (say, LANGUAGE=de) must not leak in. */
  g_setenv ("LANGUAGE", "fr", TRUE);

  locale_name = setlocale (LC_ALL, "fr_FR.UTF-8");
  if (locale_name == NULL)
    locale_name = setlocale (LC_ALL, "C.UTF-8");
  if (locale_name == NULL)
    {
      skip_reason = g_strdup ("neither the fr_FR.UTF-8 nor the C.UTF-8 locale is available "
                              "(install the locales package and generate fr_FR.UTF-8)");
      return;
    }
  locale_name = g_intern_string (locale_name);

  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GtkBuilder templates translate with the default domain, as in main.c. */
  textdomain (GETTEXT_PACKAGE);

  probe = g_dgettext (GETTEXT_PACKAGE, "No Service");
  if (g_strcmp0 (probe, "No Service") == 0)
    skip_reason = g_strdup_printf ("the locale %s with LANGUAGE=fr does not give French translations; "
                                   "generate fr_FR.UTF-8 (locales package, locale-gen)", locale_name);
}

/* Not a skip: a missing catalogue is a broken build, not a missing locale. */
static void
test_catalogue_built (void)
{
  g_autofree char *mo = g_build_filename (TEST_LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_test_message ("catalogue %s, locale %s, LANGUAGE=%s", mo,
                  locale_name ? locale_name : "(none)", g_getenv ("LANGUAGE"));
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
}

/* Every source file with translatable strings is in po/POTFILES.in, or
 * its strings would silently drop out of the catalogue. */
static guint
check_potfiles_folder (const char *potfiles,
                       const char *folder)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (src, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (src, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *line = g_strdup_printf ("\nsrc/%s/%s\n", folder, name);

      if (!g_str_has_suffix (name, ".c") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      if (strstr (text, "_(\"") == NULL && strstr (text, "N_(\"") == NULL && strstr (text, "ngettext (") == NULL)
        continue;
      if (strstr (potfiles, line) == NULL)
        g_error ("src/%s/%s has translatable strings but is not in po/POTFILES.in", folder, name);
      checked++;
    }
  return checked;
}

static void
test_potfiles_complete (void)
{
  g_autofree char *potfiles_path = g_test_build_filename (G_TEST_DIST, "..", "po", "POTFILES.in", NULL);
  g_autofree char *potfiles = NULL;
  const char *folders[] = { "core", "app", "cli" };
  guint checked = 0;

  g_assert_true (g_file_get_contents (potfiles_path, &potfiles, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    checked += check_potfiles_folder (potfiles, folders[i]);
  g_assert_cmpuint (checked, >, 10);
}

static void
test_core_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;

  SKIP_UNLESS_FRENCH ();

  /* The diagram's status badges (dm-diagram-render.c). */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "? no data"), ==, "? aucune donnée");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "✓ ok"), ==, "✓ ok");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Boundary"), ==, "Limite");
  /* A context: the short "n/a" of the compare matrix. */
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "owner", "n/a"), ==, "s.o.");
  /* A format keeps its placeholders and gets its no-break space. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "%s, no data in the export"), ==,
                   "%s, aucune donnée dans l’export");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Opened “%s”"), ==, "«" NBSP "%s" NBSP "» ouvert");

  /* Through the core's own API: dm_model_get_owner_label () translates. */
  model = dm_model_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_model_get_owner_label (model, DM_OWNER_CUSTOMER), ==, "Client");
  g_assert_cmpstr (dm_model_get_owner_label (model, DM_OWNER_SHARED), ==, "Partagé");
  g_assert_cmpstr (dm_model_get_owner_label (model, DM_OWNER_NOT_APPLICABLE), ==, "Non applicable");
  /* Reports say the language their words are in. */
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "html lang", "en"), ==, "fr");

  /* The provider is named by the model, not translated. */
  g_assert_cmpstr (dm_model_get_owner_label (model, DM_OWNER_PROVIDER), ==, "AWS");
}

/* Switches to the "C" locale, where glibc ignores LANGUAGE, for the span of
 * a check that the model's own words come back; returns the old locale. */
static char *
enter_c_locale (void)
{
  char *old = g_strdup (setlocale (LC_ALL, NULL));

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  return old;
}

static void
leave_c_locale (char *old)
{
  g_assert_nonnull (setlocale (LC_ALL, old));
  g_free (old);
}

/* The model's display strings are translated by the loader with the
 * contexts of build-aux/model-pot.py; ids never are. */
static void
test_model_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;
  g_autoptr(DmModel) english = NULL;
  DmBand *band;
  DmLayer *layer;
  DmService *ec2;
  char *old;

  SKIP_UNLESS_FRENCH ();

  model = dm_model_new_default (&error);
  g_assert_no_error (error);

  band = dm_model_find_band (model, "physical");
  g_assert_nonnull (band);
  g_assert_cmpstr (dm_band_get_id (band), ==, "physical");
  g_assert_cmpstr (dm_band_get_name (band), ==, "Physique");
  g_assert_cmpstr (dm_band_get_description (band), ==,
                   "Centres de données, liaisons réseau et matériel dans le monde entier, exploités par AWS.");
  layer = dm_model_find_layer (model, "os");
  g_assert_cmpstr (dm_layer_get_id (layer), ==, "os");
  g_assert_cmpstr (dm_layer_get_name (layer), ==, "Système d’exploitation invité");
  g_assert_true (g_str_has_prefix (dm_layer_get_customer_tasks (layer), "Appliquez-y les correctifs"));
  g_assert_cmpstr (dm_model_find_group (model, "compute")->id, ==, "compute");
  g_assert_cmpstr (dm_model_find_group (model, "compute")->name, ==, "Calcul");
  g_assert_cmpstr (dm_model_find_category (model, "abstracted")->name, ==, "Abstrait");
  g_assert_cmpstr (dm_model_get_control_kind_info (model, DM_CONTROL_INHERITED)->name, ==, "Hérité");
  /* A reason every service inherits from the model's common layers. */
  ec2 = dm_model_find_service (model, "ec2");
  g_assert_cmpstr (dm_service_get_reason (ec2, dm_model_find_layer (model, "customer_data")), !=, NULL);
  g_assert_true (g_str_has_prefix (dm_service_get_summary (ec2), "Serveurs virtuels" NBSP ": AWS"));
  /* AWS service names stay in English. */
  g_assert_cmpstr (dm_service_get_name (ec2), ==, "Amazon EC2");

  /* Severities: the label for headings and badges, the word in sentences;
   * the machine word stays English for JSON, CSV, SARIF and JUnit. */
  g_assert_cmpstr (dm_severity_to_label (DM_SEVERITY_CRITICAL), ==, "Critique");
  g_assert_cmpstr (dm_severity_to_word (DM_SEVERITY_HIGH), ==, "élevée");
  g_assert_cmpstr (dm_severity_to_string (DM_SEVERITY_HIGH), ==, "high");

  /* The same getters in the C locale: the model's own English. Band and
   * layer translate when asked; groups when the model is loaded. */
  old = enter_c_locale ();
  g_assert_cmpstr (dm_band_get_name (band), ==, "Physical");
  g_assert_cmpstr (dm_layer_get_name (layer), ==, "Guest operating system");
  g_assert_true (g_str_has_prefix (dm_service_get_summary (ec2), "Virtual servers: AWS"));
  g_assert_cmpstr (dm_severity_to_label (DM_SEVERITY_CRITICAL), ==, "Critical");
  g_assert_cmpstr (dm_severity_to_word (DM_SEVERITY_HIGH), ==, "high");
  english = dm_model_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_model_find_group (english, "compute")->name, ==, "Compute");
  g_assert_cmpstr (dm_model_get_control_kind_info (english, DM_CONTROL_INHERITED)->name, ==, "Inherited");
  leave_c_locale (old);
  g_assert_cmpstr (dm_band_get_name (band), ==, "Physique");
}

/* Every band, layer, category and group name of the shipped model has a
 * French translation (the few that are the same word in both are listed). */
static void
test_model_complete (void)
{
  const char *same[] = { "Application", "Infrastructure", NULL };
  const struct { const char *member, *context; } kinds[] = {
    { "bands", "model band" }, { "layers", "model layer" },
    { "categories", "model category" }, { "groups", "model group" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "model", "aws.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  guint checked = 0;

  SKIP_UNLESS_FRENCH ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *array = json_object_get_array_member (root, kinds[k].member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *name = json_object_get_string_member (json_array_get_object_element (array, i), "name");
          const char *french = g_dpgettext2 (GETTEXT_PACKAGE, kinds[k].context, name);

          if (!g_strv_contains (same, name) && g_strcmp0 (french, name) == 0)
            g_error ("%s “%s” has no French translation", kinds[k].context, name);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 30);
}

/* A model from a user, whose strings are not in the catalogue, keeps them;
 * the strings it shares with the shipped model are still translated. */
static void
test_model_custom (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = NULL;
  g_autoptr(GString) json = NULL;

  SKIP_UNLESS_FRENCH ();

  bytes = g_resources_lookup_data (DM_MODEL_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (json, "\"name\": \"Guest operating system\"",
                                      "\"name\": \"Gastbetriebssystem\"", 1), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  model = dm_model_new_from_bytes (bytes, "custom.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dm_layer_get_name (dm_model_find_layer (model, "os")), ==, "Gastbetriebssystem");
  g_assert_cmpstr (dm_band_get_name (dm_model_find_band (model, "physical")), ==, "Physique");
}

/* The pot step: xgettext over POTFILES.in plus the model's fragment, as
 * po/meson.build runs it for `ninja demarc-pot`, keeps the model's strings
 * with their contexts next to the code's. */
static void
test_pot_has_model (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *source_root = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *potfiles = g_build_filename (source_root, "po", "POTFILES.in", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *pot_path = NULL;
  g_autofree char *pot = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed (gettext package): cannot build the POT");
      return;
    }
  dir = g_dir_make_tmp ("demarc-pot-XXXXXX", &error);
  g_assert_no_error (error);
  pot_path = g_build_filename (dir, "demarc.pot", NULL);
  {
    const char *argv[] = { xgettext, "--package-name=demarc", "-f", potfiles, "-D", source_root,
                           "-k_", "--from-code=UTF-8", "--add-comments", "--keyword=N_", "--keyword=C_:1c,2",
                           "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                           "-o", pot_path, TEST_MODEL_POT, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_get_contents (pot_path, &pot, NULL, NULL));

  g_assert_nonnull (strstr (pot, "msgctxt \"model band\"\nmsgid \"Physical\"\n"));
  g_assert_nonnull (strstr (pot, "msgctxt \"model layer\"\nmsgid \"Guest operating system\"\n"));
  g_assert_nonnull (strstr (pot, "msgctxt \"model group\"\nmsgid \"Compute\"\n"));
  g_assert_nonnull (strstr (pot, "msgctxt \"model category\"\nmsgid \"Abstracted\"\n"));
  g_assert_nonnull (strstr (pot, "msgctxt \"model service\"\nmsgid \"\"\n\"Virtual servers: AWS"));
  /* …next to the code's own strings. */
  g_assert_nonnull (strstr (pot, "msgctxt \"severity\"\nmsgid \"Critical\"\n"));
  g_assert_nonnull (strstr (pot, "#: data/model/aws.json"));

  g_unlink (pot_path);
  g_rmdir (dir);
}

/* Runs demarc-check in French; returns its standard output. */
static char *
run_check_in_french (const char *arg1,
                     const char *arg2,
                     const char *arg3)
{
  const char *argv[] = { DEMARC_CHECK, arg1, arg2, arg3, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  envp = g_environ_setenv (envp, "LANGUAGE", "fr", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", locale_name, TRUE);
  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

/* People read the model in French; machine outputs keep the model's own
 * words whatever the language, so a CI job's JUnit names never change. */
static void
test_machine_outputs_english (void)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "demo-export.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *junit = NULL;

  SKIP_UNLESS_FRENCH ();

  text = run_check_in_french ("--list-layers", NULL, NULL);
  g_assert_nonnull (strstr (text, "Système d’exploitation invité"));
  json = run_check_in_french ("--list-layers", "--format", "json");
  g_assert_nonnull (strstr (json, "\"Guest operating system\""));
  g_assert_null (strstr (json, "invité"));
  junit = run_check_in_french ("--format", "junit", demo);
  g_assert_nonnull (strstr (junit, "name=\"Guest operating system\""));
  g_assert_null (strstr (junit, "invité"));
}

static void
test_plurals (void)
{
  const char *one = "%u failed finding";
  const char *many = "%u failed findings";
  g_autofree char *text = NULL;

  SKIP_UNLESS_FRENCH ();

  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, one, many, 1), ==, "%u constat en échec");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, one, many, 2), ==, "%u constats en échec");
  /* French: plural=(n > 1), so zero takes the singular, unlike English. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, one, many, 0), ==, "%u constat en échec");

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⚠ Gap: %u failed finding, worst %s",
                                       "⚠ Gap: %u failed findings, worst %s", 2), 2,
                          dm_severity_to_word (DM_SEVERITY_HIGH));
  g_assert_cmpstr (text, ==, "⚠ Lacune" NBSP ": 2 constats en échec, gravité maximale élevée");
}

/* The desktop file meson merged from fr.po. */
static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *generic = NULL;

  g_key_file_load_from_file (keys, DESKTOP_FILE, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  generic = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, "GenericName[fr]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (generic, ==, "Explorateur de la responsabilité partagée");
}

static gboolean
label_with_text_in (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_with_text_in (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shortcut_titled_in (GtkWidget  *widget,
                    const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *t = NULL;

      g_object_get (widget, "title", &t, NULL);
      if (g_strcmp0 (t, title) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shortcut_titled_in (child, title))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until @done, or fails after ten seconds. */
static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, test_stop_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
assessment_ready (gpointer window)
{
  return dm_window_get_assessment (DM_WINDOW (window)) != NULL;
}

static DmWindow *
new_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  DmWindow *window;

  g_assert_no_error (error);
  window = dm_window_new (GTK_APPLICATION (shared_app));
  dm_window_set_model (window, model);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_demo (DmWindow *window)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  dm_window_open_exports (window, &file, 1);
  spin_until (assessment_ready, window);
}

static void
test_window_labels (void)
{
  DmWindow *window;
  GtkWidget *pane;
  GtkWidget *overlay;

  SKIP_UNLESS_FRENCH ();

  window = new_window ();
  pane = dm_window_get_details (window);

  /* From ui/dm-details-pane.ui, a template: GtkBuilder's default domain. */
  g_assert_true (label_with_text_in (pane, "Sélectionnez une bande dans le diagramme, ou atteignez-la avec "
                                           "les touches fléchées, pour voir qui est responsable de chacune "
                                           "de ses couches et pourquoi."));
  /* From ui/dm-findings-view.ui: the AdwStatusPage shown before an export. */
  g_assert_true (label_with_text_in (dm_window_get_findings (window), "Aucun export ouvert"));
  /* From src/app/dm-details-pane.c: a group title. */
  g_assert_true (label_with_text_in (pane, "En bref"));

  /* From ui/gtk/help-overlay.ui, loaded through the application's resource base. */
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (shortcut_titled_in (overlay, "Quitter"));
  g_assert_true (shortcut_titled_in (overlay, "Aller à la bande au-dessus ou en dessous"));

  /* With an export: the layer status in words, a plural from g_dngettext (). */
  open_demo (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-layer", "(ss)", "ec2", "os"));
  g_assert_true (label_with_text_in (pane, "⚠ Lacune" NBSP ": 2 constats en échec, gravité maximale élevée"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-layer", "(ss)", "ec2", "platform_apps"));
  g_assert_true (label_with_text_in (pane, "? Aucune donnée" NBSP ": rien dans l’export ne couvre cette couche, "
                                           "sa sécurité n’est donc pas établie"));
  g_assert_true (label_with_text_in (pane, "Dans l’export"));
  g_assert_false (label_with_text_in (pane, "In the Export"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 100 && gtk_widget_get_height (widget) > 100;
}

/* Paints @widget as GTK would and replays its render nodes with cairo. */
static cairo_surface_t *
draw_to_surface (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GskRenderNode *node;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static guint
count_painted_pixels (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint painted = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((((const guint32 *)(data + (gsize)y * stride))[x] >> 24) != 0)
        painted++;
  return painted;
}

static void
test_rtl (void)
{
  GLogLevelFlags old_fatal;
  DmWindow *window;
  GtkWidget *diagram;
  cairo_surface_t *surface;
  guint painted, area;

  /* Any warning or critical from here on aborts the test. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  window = new_window ();
  diagram = dm_window_get_diagram (window);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (diagram), ==, GTK_TEXT_DIR_RTL);

  /* With an export, so the badges and their texts are drawn too. */
  open_demo (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-service", "s", "s3");
  dm_diagram_set_selected_band (DM_DIAGRAM (diagram), 2);
  spin_until (has_size, diagram);
  gtk_test_widget_wait_for_draw (diagram);

  surface = draw_to_surface (diagram);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  area = (guint)(cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface));
  painted = count_painted_pixels (surface);
  g_test_message ("RTL diagram %d×%d, %u of %u pixels painted",
                  cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface), painted, area);
  /* The bands fill most of the widget. */
  g_assert_cmpuint (painted, >, area / 4);
  cairo_surface_destroy (surface);

  /* The whole window too: header bar, list, flap, all mirrored. */
  surface = draw_to_surface (GTK_WIDGET (window));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (count_painted_pixels (surface), >, 0);
  cairo_surface_destroy (surface);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_log_set_always_fatal (old_fatal);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setup_french ();

  gtk_disable_setlocale ();
  /* Not gtk_test_init (): its setlocale would undo setup_french (). */
  test_gtk_init (&argc, &argv);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  shared_app = dm_application_new ();
  g_application_register (G_APPLICATION (shared_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/i18n/catalogue-built", test_catalogue_built);
  g_test_add_func ("/i18n/core-strings", test_core_strings);
  g_test_add_func ("/i18n/potfiles-complete", test_potfiles_complete);
  g_test_add_func ("/i18n/model-strings", test_model_strings);
  g_test_add_func ("/i18n/model-complete", test_model_complete);
  g_test_add_func ("/i18n/model-custom", test_model_custom);
  g_test_add_func ("/i18n/pot-has-model", test_pot_has_model);
  g_test_add_func ("/i18n/machine-outputs-english", test_machine_outputs_english);
  g_test_add_func ("/i18n/plurals", test_plurals);
  g_test_add_func ("/i18n/desktop-file", test_desktop_file);
  g_test_add_func ("/i18n/window-labels", test_window_labels);
  /* Last: it changes the default direction of every new widget. */
  g_test_add_func ("/i18n/rtl", test_rtl);

  status = g_test_run ();
  g_clear_object (&shared_app);
  g_free (skip_reason);
  return status;
}
