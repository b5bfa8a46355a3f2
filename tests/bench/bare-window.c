/* bare-window.c — the yardstick for tests/bench/startup: a bare GTK 4
 * window, built with the same compiler and flags, that prints the time of
 * its first frame and quits. */
#ifdef SK_BARE_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <stdio.h>
#include <stdlib.h>

/* The same marks as the program's (src/core/sk-trace.c), to compare. */
static void
mark (const char *what)
{
  if (getenv ("SK_STARTUP_TRACE") != NULL)
    {
      printf ("mark %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
      fflush (stdout);
    }
}

static void
layout_cb (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, layout_cb, NULL);
  mark ("layout");
}

static void
paint_cb (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, paint_cb, NULL);
  mark ("paint");
}

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
  mark ("map");
  g_signal_connect (gtk_widget_get_frame_clock (window), "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  mark ("activate");
#ifdef SK_BARE_ADWAITA
  GtkWidget *window = adw_application_window_new (app);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  mark ("window-built");
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

  mark ("main");
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
