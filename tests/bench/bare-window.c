/* bare-window.c — the yardstick for tests/bench/startup: a bare GTK 4
 * window, built with the same compiler and flags, that prints the time of
 * its first frame and quits. */
#ifdef SK_BARE_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <stdio.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
window_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
#ifdef SK_BARE_ADWAITA
  GtkWidget *window = adw_application_window_new (app);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
#ifdef SK_BARE_ADWAITA
  g_autoptr(GtkApplication) app = GTK_APPLICATION (adw_application_new ("dk.samtalekuffert.BenchBareAdw", G_APPLICATION_NON_UNIQUE));
#else
  g_autoptr(GtkApplication) app = gtk_application_new ("dk.samtalekuffert.BenchBare", G_APPLICATION_NON_UNIQUE);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
