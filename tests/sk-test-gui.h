/* sk-test-gui.h — driving real widgets under Xvfb from GLib tests */
#pragma once

#include <adwaita.h>

#include "sk-application.h"

G_BEGIN_DECLS

/* The gui tests' application: set up (a display, no D-Bus name), and run
 * the tests, then let it go. */
SkApplication *sk_test_app_start (int            *argc,
                                  char         ***argv);
int            sk_test_app_run   (SkApplication **app);

void        sk_test_gui_init         (int         *argc,
                                      char      ***argv);
void        sk_test_iterate          (guint        ms);
gboolean    sk_test_wait_for         (gboolean   (*done) (gpointer),
                                      gpointer     data,
                                      guint        timeout_ms);
char       *sk_test_visible_text     (GtkWidget   *root);
GtkWidget  *sk_test_find_labelled    (GtkWidget   *root,
                                      GType        type,
                                      const char  *text);
GtkWidget  *sk_test_find_shown       (GtkWidget   *root,
                                      GType        type,
                                      const char  *text);
GtkWidget  *sk_test_find_type        (GtkWidget   *root,
                                      GType        type);
typedef gboolean (*SkTestMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget  *sk_test_find             (GtkWidget   *root,
                                      SkTestMatch  match,
                                      gconstpointer data);
GtkWindow  *sk_test_find_toplevel    (GType        type);
char       *sk_test_output_path      (const char  *name);
void        sk_test_click            (GtkWidget   *button);
GdkTexture *sk_test_render           (GtkWidget   *widget);
void        sk_test_save_screenshot  (GtkWidget   *widget,
                                      const char  *name);
void        sk_test_scroll_to        (GtkWidget   *widget);
void        sk_test_focus_window     (GtkWindow   *window);
void        sk_test_press            (const char  *accelerator);
void        sk_test_type             (const char  *text);
void        sk_test_press_pointer    (GtkWidget   *widget,
                                      guint        hold_ms);
void        sk_test_real_click       (GtkWidget   *widget);
void        sk_test_drag             (GtkWidget   *from,
                                      GtkWidget   *to);
/* Draws a line with the mouse: pressed at the first of @points (in
 * @widget's coordinates), moved through them all in small steps, let go
 * at the last. */
void        sk_test_stroke           (GtkWidget   *widget,
                                      const graphene_point_t *points,
                                      guint        n_points);
GtkWidget  *sk_test_find_choice      (GtkWidget   *root,
                                      const char  *title);
GtkEventController *sk_test_find_controller (GtkWidget *widget,
                                             GType      type);

char       *sk_test_walk_accessibility (void);

/* For sk_test_wait_for(): @widget is on screen; a window of the GType
 * @type (GSIZE_TO_POINTER) is. */
gboolean    sk_test_is_mapped        (gpointer     widget);
gboolean    sk_test_toplevel_shown   (gpointer     type);

/* A window on a new database at @name holding the invented demo child,
 * with her newest conversation open (as sk_test_open_today()). */
SkWindow   *sk_test_open_demo        (SkApplication *app,
                                      const char    *name);

/* A window on @path at 1280×800 with its first child's newest
 * conversation open. */
SkWindow   *sk_test_open_today       (SkApplication *app,
                                      const char    *path);

/* The tools' tests, as a person works: today's conversation of @path
 * shown at 1280×800 with the keyboard, in the child's view when
 * @child_view; closed again (out of the child's view first). */
SkWindow   *sk_test_open_conversation  (SkApplication *app,
                                        const char    *path,
                                        gboolean       child_view);
void        sk_test_close_conversation (SkWindow      *window);
/* The tool of @type under @root, opened with its switcher's button
 * @label as a person does; it is drawn. */
GtkWidget  *sk_test_open_tool          (GtkWidget     *root,
                                        const char    *label,
                                        GType          type);
/* Scrolled into view and clicked with the mouse. */
void        sk_test_click_in_view      (GtkWidget     *widget);
/* The first column of @query once typing has been written (the store's
 * delay for typed text has passed); and the same compared. */
char       *sk_test_sql_settled        (const char    *path,
                                        const char    *query);
void        sk_test_assert_sql         (const char    *path,
                                        const char    *query,
                                        const char    *expected);
/* The mapped widget of @type under @root whose tooltip is @text (and so
 * its accessible name): a picture button, a cell. */
GtkWidget  *sk_test_find_tooltip       (GtkWidget     *root,
                                        GType          type,
                                        const char    *text);
/* In the file chooser a Save… button opened: @file typed as its name and
 * Return, then waits until the file is there. */
void        sk_test_save_in_chooser    (const char    *file);
/* For sk_test_wait_for(): TRUE once @button (a GtkMenuButton) shows its
 * popover. */
gboolean    sk_test_popover_shown      (gpointer       button);
void        sk_test_wait_to_show       (gpointer       root,
                                        const char    *text);
SkWindow   *sk_test_open_child_conversation (SkApplication *app,
                                             const char    *path,
                                             const char    *name);
GtkWidget  *sk_test_words_view         (SkWindow      *window);

G_END_DECLS
