/* test-window-fixture.h: the application and windows the GTK tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dm-application.h"
#include "dm-window-private.h"
#include "test-gtk.h"

/* One registered application holds every test case's window. */
static DmApplication *shared_app;

/* GTK as test_gtk_init () leaves it, with libadwaita and no animations
 * (they would make the tests wait), and the application registered. */
static inline void
test_window_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  test_gtk_init (argc, argv);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  shared_app = dm_application_new ();
  g_application_register (G_APPLICATION (shared_app), NULL, &error);
  g_assert_no_error (error);
}

static inline int
test_window_run (void)
{
  int status = g_test_run ();

  g_clear_object (&shared_app);
  return status;
}

/* A window on the built-in model, shown, at the schema's first service. */
static inline DmWindow *
test_window_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  DmWindow *window;

  g_assert_no_error (error);
  g_settings_reset (settings, "last-service");
  window = dm_window_new (GTK_APPLICATION (shared_app));
  dm_window_set_model (window, model);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Whether @widget or a widget inside it is a plain-text label reading
 * @text: export text must never be taken as markup. */
static inline gboolean
label_with_text_in (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return !gtk_label_get_use_markup (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_with_text_in (child, text))
      return TRUE;
  return FALSE;
}
