/* main.c — Samtalekuffert: a conversation kit for children and caseworkers */
#include "config.h"

#include <stdio.h>

#include "sk-application.h"
#include "sk-i18n.h"
#include "sk-renderer.h"
#include "sk-trace.h"
#include "sk-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#ifdef G_OS_UNIX
#include <dlfcn.h>
#endif

/* Whether Mesa's GL driver is in this process (through EGL or GLX). */
static gboolean
gl_loaded (void)
{
#ifdef G_OS_UNIX
  static const char * const names[] = { "libEGL_mesa.so.0", "libGLX_mesa.so.0" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      void *handle = dlopen (names[i], RTLD_NOW | RTLD_NOLOAD);

      if (handle != NULL)
        {
          dlclose (handle);
          return TRUE;
        }
    }
#endif
  return FALSE;
}

static void
quit_now (GtkWindow *window)
{
  /* As Ctrl+Q does: the windows close, and the database with them. */
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (window)), "quit", NULL);
}

/* SK_BENCH_FIRST_FRAME=unlocked: the passphrase page was drawn, and the
 * bench types the passphrase into it, as a caseworker does.  These mark
 * the first frame drawn after it was taken: the database's own window. */
static gboolean
unlocked (GtkWindow *window)
{
  return SK_IS_WINDOW (window) && !sk_window_get_locked (SK_WINDOW (window));
}

/* "layout", then "paint", of the first frame drawn unlocked: the marks
 * unlocked-layout and unlocked-paint. */
static void
unlocked_phase_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  guint phase = g_signal_get_invocation_hint (clock)->signal_id;
  g_autofree char *mark = NULL;

  if (!unlocked (window))
    return;
  g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                        phase, 0, NULL, unlocked_phase_cb, window);
  mark = g_strconcat ("unlocked-", g_signal_name (phase), NULL);
  sk_trace_mark (mark);
}

static void
unlocked_frame_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  if (!unlocked (window))
    return;
  g_signal_handlers_disconnect_by_func (clock, unlocked_frame_cb, window);
  printf ("unlocked-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  quit_now (window);
}

/* tests/bench/startup sets SK_BENCH_FIRST_FRAME: print the monotonic time
 * of the first frame drawn, what drew it and whether GL was loaded, then
 * quit; with "unlocked", and the passphrase page drawn, the window's X
 * id instead, to wait for the passphrase. */
static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  const char *debug = g_getenv ("GDK_DEBUG");

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  printf ("renderer %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  printf ("gl-loaded %d\n", gl_loaded ());
  printf ("gdk-debug %s\n", debug != NULL ? debug : "");
  fflush (stdout);
#ifdef GDK_WINDOWING_X11
  if (g_strcmp0 (g_getenv ("SK_BENCH_FIRST_FRAME"), "unlocked") == 0 && SK_IS_WINDOW (window) &&
      !unlocked (window) && GDK_IS_X11_SURFACE (gtk_native_get_surface (GTK_NATIVE (window))))
    {
      g_signal_connect (clock, "layout", G_CALLBACK (unlocked_phase_cb), window);
      g_signal_connect (clock, "paint", G_CALLBACK (unlocked_phase_cb), window);
      g_signal_connect (clock, "after-paint", G_CALLBACK (unlocked_frame_cb), window);
      printf ("xid %lu\n", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
      fflush (stdout);
      return;
    }
#endif
  quit_now (window);
}

static void
first_layout_cb (GdkFrameClock *clock,
                 GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_layout_cb, window);
  sk_trace_mark ("layout");
}

static void
first_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, window);
  sk_trace_mark ("paint");
}

static void
window_mapped_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  sk_trace_mark ("map");
  g_signal_connect (clock, "layout", G_CALLBACK (first_layout_cb), window);
  g_signal_connect (clock, "paint", G_CALLBACK (first_paint_cb), window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), window);
}

static void
window_realized_cb (GtkWidget *window)
{
  sk_trace_mark ("realize");
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SkApplication) app = NULL;

  sk_trace_mark ("main");
  sk_application_skip_gtk_theme ();
  sk_renderer_choose ();
  sk_i18n_init ();
  g_set_application_name ("Samtalekuffert");

  app = sk_application_new (G_APPLICATION_DEFAULT_FLAGS);
  if (g_getenv ("SK_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
