/* bare-text-view.c — the yardstick for tests/bench/idle: a bare GTK 4
 * window at the program's size holding one GtkTextView with the keyboard
 * focus, its cursor blinking.  Prints "ready" once it has the focus and
 * has drawn, then idles until its standard input closes or it is killed;
 * at the end it prints how many frames it drew ("frames N"). */
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <stdio.h>
#include <stdlib.h>

static GtkWidget *view;
static guint frames;

static void
after_paint_cb (GdkFrameClock *clock)
{
  frames++;
  if (g_getenv ("SK_IDLE_TRACE") != NULL)
    fprintf (stderr, "frame %u at %.3f s\n", frames, g_get_monotonic_time () / 1e6);
}

static gboolean
stdin_closed_cb (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      app)
{
  printf ("frames %u\n", frames);
  fflush (stdout);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static gboolean
ready_cb (gpointer window)
{
  if (!gtk_widget_has_focus (view))
    {
      fprintf (stderr, "bare-text-view: the text view has no focus\n");
      exit (1);
    }
  printf ("ready\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *dpy = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));

  /* No window manager under Xvfb: take the keyboard as a click would. */
  XRaiseWindow (dpy, gdk_x11_surface_get_xid (surface));
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_timeout_add (1000, ready_cb, window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GIOChannel *in = g_io_channel_unix_new (0);

  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", TRUE,
                "gtk-cursor-blink-timeout", atoi (g_getenv ("SK_BLINK_TIMEOUT") ? g_getenv ("SK_BLINK_TIMEOUT") : "600"),
                NULL);
  if (g_getenv ("SK_IDLE_CSS") != NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, g_getenv ("SK_IDLE_CSS"), -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider), 900);
    }
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Some words.", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_title (GTK_WINDOW (window), "Bare text view");
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);

  g_io_add_watch (in, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, app);
  g_io_channel_unref (in);
  g_application_hold (G_APPLICATION (app));
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("dk.samtalekuffert.BenchBareTextView", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
