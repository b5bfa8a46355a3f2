/* sk-test-touch.h — a touch screen for gui tests.
 *
 * Xvfb's XTest fakes only a mouse and keys.  A test that needs fingers runs
 * its GTK on the Broadway backend instead: a gtk4-broadwayd of its own, and
 * in place of the web browser that would show it, a small websocket client
 * that answers the server's frames and sends the touch messages a
 * browser's touchstart, touchmove and touchend send.  GTK then gets real
 * GDK_TOUCH_BEGIN/UPDATE/END events, through its own event queue and
 * gestures, as from a tablet's screen. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts the server, and sets GTK to use it: before sk_test_app_start(). */
void sk_test_touch_start   (void);
/* Connects the screen: after sk_test_app_start() (it reads in a thread,
 * and threads come after the test's own setenv()). */
void sk_test_touch_connect (void);
/* Stops the server.  (Also at exit.) */
void sk_test_touch_stop  (void);

/* One finger put on @widget at @points[0] (widget coordinates), moved
 * through the rest and lifted, as the first finger on a screen (it also
 * stands for the pointer, as GTK expects of a first finger). */
void sk_test_touch_stroke (GtkWidget              *widget,
                           const graphene_point_t *points,
                           guint                   n_points);
/* A finger's tap in the middle of @widget. */
void sk_test_touch_tap    (GtkWidget              *widget);

G_END_DECLS
