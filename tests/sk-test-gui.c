/* sk-test-gui.c — driving real widgets under Xvfb from GLib tests */
#include "sk-test-gui.h"
#include "sk-application.h"
#include "sk-demo.h"
#include "sk-store.h"
#include "sk-note-field.h"
#include "sk-renderer.h"
#include "sk-test-util.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

void
sk_test_gui_init (int    *argc,
                  char ***argv)
{
  /* gtk_test_init() crashes without a display and wants en_US. */
  g_autofree char *home = NULL;

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  /* Private user folders, but not G_TEST_OPTION_ISOLATE_DIRS: that hides
   * the system's XDG_DATA_DIRS and with them the MIME database that
   * gdk-pixbuf needs to recognise SVG icons. */
  home = g_dir_make_tmp ("samtalekuffert-gui-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  /* What the program saves of its own accord (the child's view saves the
   * summary in the documents folder, or home) stays in the test's home. */
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  /* The program opens the test's files with the passphrase of their key
   * files (sk_test_give_keyring()); the passphrase page's own tests take
   * it away. */
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
  g_test_init (argc, argv, NULL);

  /* The renderer as the program chooses it (main()). */
  sk_renderer_choose ();
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      exit (0);
    }
  sk_renderer_forget_choice ();
  adw_init ();
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
sk_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
sk_test_wait_for (gboolean (*done) (gpointer),
                  gpointer   data,
                  guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      sk_test_iterate (10);
    }
  return TRUE;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "%s\n", text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/**
 * sk_test_visible_text:
 *
 * Returns: every text a person can see in @root: labels, entries and text
 *   views that are on screen (mapped), one a line, and the window title
 */
char *
sk_test_visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  if (GTK_IS_WINDOW (root) && gtk_window_get_title (GTK_WINDOW (root)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_window_get_title (GTK_WINDOW (root)));
  collect_text (root, out);
  return g_string_free (out, FALSE);
}

/* @label as a person reads it: "_Add" is "Add". */
static gboolean
says_without_mnemonic (const char *label,
                       const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *plain = NULL;

  if (label == NULL)
    return FALSE;
  parts = g_strsplit (label, "_", -1);
  plain = g_strjoinv ("", parts);
  return g_strcmp0 (plain, text) == 0;
}

static gboolean
widget_says (GtkWidget  *widget,
             const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
  if (GTK_IS_CHECK_BUTTON (widget))
    return says_without_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text);
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return says_without_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)), text);
  if (g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("SkNoteField")))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      return g_strcmp0 (title, text) == 0;
    }
  /* An entry: its placeholder names it. */
  if (GTK_IS_ENTRY (widget))
    return g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), text) == 0;
  /* A button whose child carries the label, or a picture button named by
   * its tooltip. */
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return TRUE;
  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_BUTTON_CONTENT (child) &&
          says_without_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), text))
        return TRUE;
      /* A stack switcher's buttons hold their label directly. */
      if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (GTK_IS_BUTTON (widget) && GTK_IS_BOX (child))
        for (GtkWidget *inner = gtk_widget_get_first_child (child); inner; inner = gtk_widget_get_next_sibling (inner))
          if (GTK_IS_LABEL (inner) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (inner)), text) == 0)
            return TRUE;
    }
  return FALSE;
}

/**
 * sk_test_find_labelled:
 *
 * Returns: (transfer none): the first widget of @type under @root (mapped
 *   or not) whose label, title or button text is @text
 */
typedef struct
{
  GType       type;
  const char *text;
  gboolean    mapped_only;
} Labelled;

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  const Labelled *sought = data;

  return (!sought->mapped_only || gtk_widget_get_mapped (widget)) &&
         g_type_is_a (G_OBJECT_TYPE (widget), sought->type) && widget_says (widget, sought->text);
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *text,
               gboolean    mapped_only)
{
  Labelled sought = { type, text, mapped_only };

  return sk_test_find (root, is_labelled, &sought);
}

GtkWidget *
sk_test_find_labelled (GtkWidget  *root,
                       GType       type,
                       const char *text)
{
  return find_labelled (root, type, text, FALSE);
}

/* The same, among the widgets on screen only. */
GtkWidget *
sk_test_find_shown (GtkWidget  *root,
                    GType       type,
                    const char *text)
{
  return find_labelled (root, type, text, TRUE);
}

/**
 * sk_test_find:
 * @match: says whether a widget is the one sought, given @data
 *
 * The first widget of @root's tree (@root first, then each child's tree in
 * turn) that @match says yes to, or %NULL.
 */
GtkWidget *
sk_test_find (GtkWidget     *root,
              SkTestMatch    match,
              gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sk_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

GtkWidget *
sk_test_find_type (GtkWidget *root,
                   GType      type)
{
  return sk_test_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
sk_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

char *
sk_test_output_path (const char *name)
{
  const char *dir = g_getenv ("SK_TEST_OUTPUT");

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/**
 * sk_test_render:
 *
 * Returns: (transfer full): @widget as it is drawn now
 */
GdkTexture *
sk_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  /* A widget shows nothing until it has been drawn once; on a slow run
   * (the sanitizers) that may take a few frames more. */
  for (int tries = 0; node == NULL && tries < 60; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        sk_test_iterate (50);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * sk_test_save_screenshot:
 *
 * Saves @widget as it is drawn now to $SK_TEST_OUTPUT/@name, for a person
 * to look at.
 */
void
sk_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = sk_test_render (widget);
  g_autofree char *path = sk_test_output_path (name);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Activates @button as a key press does; GtkButton shows itself pressed
 * for a moment before "clicked". */
void
sk_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  sk_test_iterate (300);
}

/* Scrolls the page so that @widget is at the top of the window, as a
 * person would before working with it. */
void
sk_test_scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  /* Again until it is in view: a page still growing (or a slow,
   * sanitised build) moves it after the first try. */
  for (int attempt = 0; attempt < 50; attempt++)
    {
      GtkNative *native = gtk_widget_get_native (widget);
      graphene_point_t point, centre;

      GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      /* The page's own coordinates, not the view's: they do not move with
       * the scrolling. */
      GtkWidget *content = GTK_IS_VIEWPORT (viewport) && gtk_viewport_get_child (GTK_VIEWPORT (viewport)) != NULL
                           ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;

      g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), point.y - 12);
      sk_test_iterate (40);
      if (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                    &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                          gtk_widget_get_height (widget) / 2.0), &centre) &&
          centre.y >= 0 && centre.y < gtk_widget_get_height (GTK_WIDGET (native)) &&
          centre.x >= 0 && centre.x < gtk_widget_get_width (GTK_WIDGET (native)))
        return;
    }
}

/* Returns: (transfer none): @widget's event controller of @type */
GtkEventController *
sk_test_find_controller (GtkWidget *widget,
                         GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_type_is_a (G_OBJECT_TYPE (controller), type))
        return controller;
    }
  g_assert_not_reached ();
}

SkApplication *
sk_test_app_start (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  SkApplication *app;

  sk_test_gui_init (argc, argv);
  app = sk_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  return app;
}

int
sk_test_app_run (SkApplication **app)
{
  int status = g_test_run ();

  g_application_release (G_APPLICATION (*app));
  g_clear_object (app);
  return status;
}

/* Real input: key presses and clicks that go through the X server (XTest)
 * to whichever window and widget has them, exactly as a person's do. */

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static void
x_settle (void)
{
  XSync (x_display (), False);
  sk_test_iterate (40);
}

/* Where a point of @widget is on the screen. */
static void
root_point (GtkWidget *widget,
            double     x,
            double     y,
            int       *root_x,
            int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double dx, dy;
  Window child;
  int ox, oy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  /* A person clicks what is in the window's view: scroll to it first. */
  if (point.x < 0 || point.y < 0 ||
      point.x >= gtk_widget_get_width (GTK_WIDGET (native)) || point.y >= gtk_widget_get_height (GTK_WIDGET (native)))
    g_error ("%s is outside its window (%.0f, %.0f): scroll to it first", G_OBJECT_TYPE_NAME (widget), point.x, point.y);
  gtk_native_get_surface_transform (native, &dx, &dy);
  XTranslateCoordinates (x_display (), gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (x_display ()), 0, 0, &ox, &oy, &child);
  *root_x = ox + (int) (point.x + dx);
  *root_y = oy + (int) (point.y + dy);
}

/* Gives @window the keyboard, as a click on its title would. */
void
sk_test_focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  XRaiseWindow (x_display (), gdk_x11_surface_get_xid (surface));
  XSetInputFocus (x_display (), gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  x_settle ();
}

/* The key code for @keysym and whether it needs Shift; a key the keyboard
 * map lacks (ø on a US map) is put on a spare key code for the moment. */
static KeyCode
key_for (KeySym    keysym,
         gboolean *shift)
{
  Display *dpy = x_display ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);
  int min, max, per;
  KeySym *map;

  *shift = FALSE;
  if (code != 0)
    {
      *shift = XkbKeycodeToKeysym (dpy, code, 0, 0) != keysym && XkbKeycodeToKeysym (dpy, code, 0, 1) == keysym;
      return code;
    }
  XDisplayKeycodes (dpy, &min, &max);
  map = XGetKeyboardMapping (dpy, min, max - min + 1, &per);
  for (int c = max; c >= min && code == 0; c--)
    {
      gboolean empty = TRUE;

      for (int i = 0; i < per; i++)
        empty = empty && map[(c - min) * per + i] == NoSymbol;
      if (empty)
        code = c;
    }
  XFree (map);
  g_assert_cmpint (code, !=, 0);
  {
    KeySym both[2] = { keysym, keysym };

    XChangeKeyboardMapping (dpy, code, 2, both, 1);
  }
  x_settle ();
  sk_test_iterate (100);
  return code;
}

static void
send_key (KeyCode code,
          Bool    down)
{
  XTestFakeKeyEvent (x_display (), code, down, CurrentTime);
}

/**
 * sk_test_press:
 * @accelerator: as gtk_accelerator_parse() reads it: "F9", "<Control>p",
 *   "space", "Return", "Escape"
 *
 * Presses and lets go of @accelerator on the keyboard; it goes to the
 * window that has the keyboard, as a person's key press does.
 */
void
sk_test_press (const char *accelerator)
{
  static const struct { GdkModifierType mask; KeySym key; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
    { GDK_ALT_MASK, XK_Alt_L },
  };
  guint keyval;
  GdkModifierType mods;
  gboolean shift;
  KeyCode code;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  code = key_for (keyval, &shift);
  if (shift)
    mods |= GDK_SHIFT_MASK;
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      send_key (XKeysymToKeycode (x_display (), modifiers[i].key), True);
  send_key (code, True);
  send_key (code, False);
  for (guint i = G_N_ELEMENTS (modifiers); i-- > 0;)
    if (mods & modifiers[i].mask)
      send_key (XKeysymToKeycode (x_display (), modifiers[i].key), False);
  x_settle ();
}

/* Types @text on the keyboard, character by character. */
void
sk_test_type (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint keyval = gdk_unicode_to_keyval (g_utf8_get_char (p));
      gboolean shift;
      KeyCode code = key_for (keyval, &shift);

      if (shift)
        send_key (XKeysymToKeycode (x_display (), XK_Shift_L), True);
      send_key (code, True);
      send_key (code, False);
      if (shift)
        send_key (XKeysymToKeycode (x_display (), XK_Shift_L), False);
      XSync (x_display (), False);
      sk_test_iterate (5);
    }
  x_settle ();
}

/* Moves the pointer to the middle of @widget and clicks there: the click
 * goes to whatever is on top at that spot. */
void
sk_test_press_pointer (GtkWidget *widget,
                       guint      hold_ms)
{
  int x = -1, y = -1, still = 0;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  /* A popover that has just grown may still be moving to its place:
   * aim once it stands still. */
  for (int tries = 0; still < 3 && tries < 100; tries++)
    {
      int nx, ny;

      root_point (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, &nx, &ny);
      still = nx == x && ny == y ? still + 1 : 0;
      x = nx;
      y = ny;
      if (still < 3)
        sk_test_iterate (20);
    }
  XTestFakeMotionEvent (x_display (), -1, x, y, CurrentTime);
  x_settle ();
  XTestFakeButtonEvent (x_display (), 1, True, CurrentTime);
  XSync (x_display (), False);
  sk_test_iterate (hold_ms > 0 ? hold_ms : 20);
  XTestFakeButtonEvent (x_display (), 1, False, CurrentTime);
  x_settle ();
}

/* Presses the pointer on the middle of @from, moves it in steps to the
 * middle of @to, and lets go there: a drag as a hand makes it, with
 * frames drawn along the way. */
void
sk_test_drag (GtkWidget *from,
              GtkWidget *to)
{
  int fx, fy, tx, ty;

  g_assert_true (gtk_widget_get_mapped (from));
  g_assert_true (gtk_widget_get_mapped (to));
  root_point (from, gtk_widget_get_width (from) / 2.0, gtk_widget_get_height (from) / 2.0, &fx, &fy);
  root_point (to, gtk_widget_get_width (to) / 2.0, gtk_widget_get_height (to) / 2.0, &tx, &ty);
  XTestFakeMotionEvent (x_display (), -1, fx, fy, CurrentTime);
  x_settle ();
  XTestFakeButtonEvent (x_display (), 1, True, CurrentTime);
  XSync (x_display (), False);
  sk_test_iterate (30);
  for (int step = 1; step <= 20; step++)
    {
      XTestFakeMotionEvent (x_display (), -1, fx + (tx - fx) * step / 20, fy + (ty - fy) * step / 20, CurrentTime);
      XSync (x_display (), False);
      sk_test_iterate (20);
    }
  sk_test_iterate (50);
  XTestFakeButtonEvent (x_display (), 1, False, CurrentTime);
  x_settle ();
  sk_test_iterate (100);
}

void
sk_test_stroke (GtkWidget              *widget,
                const graphene_point_t *points,
                guint                   n_points)
{
  int x, y;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpuint (n_points, >, 0);
  root_point (widget, points[0].x, points[0].y, &x, &y);
  XTestFakeMotionEvent (x_display (), -1, x, y, CurrentTime);
  x_settle ();
  XTestFakeButtonEvent (x_display (), 1, True, CurrentTime);
  XSync (x_display (), False);
  sk_test_iterate (20);
  for (guint i = 1; i < n_points; i++)
    for (int step = 1; step <= 8; step++)
      {
        double px = points[i - 1].x + (points[i].x - points[i - 1].x) * step / 8;
        double py = points[i - 1].y + (points[i].y - points[i - 1].y) * step / 8;

        root_point (widget, px, py, &x, &y);
        XTestFakeMotionEvent (x_display (), -1, x, y, CurrentTime);
        XSync (x_display (), False);
        sk_test_iterate (8);
      }
  XTestFakeButtonEvent (x_display (), 1, False, CurrentTime);
  x_settle ();
  sk_test_iterate (50);
}

void
sk_test_real_click (GtkWidget *widget)
{
  sk_test_press_pointer (widget, 0);
  sk_test_iterate (100);
}

/* Returns: (transfer none): the row of "Our summary" or the summary dialog
 * that asks about @title (a topic, a person, "The map" …) */
GtkWidget *
sk_test_find_choice (GtkWidget  *root,
                     const char *title)
{
  GtkWidget *label = NULL;

  for (GtkWidget *w = root; w != NULL;)
    {
      /* Depth first, among the choices' titles only. */
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "summary-choice-title") &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), title) == 0)
        {
          label = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == root ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  while (label != NULL && !gtk_widget_has_css_class (label, "summary-choice"))
    label = gtk_widget_get_parent (label);
  return label;
}

SkWindow *
sk_test_open_today (SkApplication *app,
                    const char    *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);
  g_autoptr(SkChild) child = NULL;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_window_select_child (window, child);
  {
    GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));
    GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  }
  sk_test_iterate (300);
  return window;
}

typedef struct
{
  GString *out;
  gboolean done;
  int      status;
} Walk;

static void
walk_exited_cb (GPid     pid,
                int      status,
                gpointer user_data)
{
  Walk *walk = user_data;

  walk->status = status;
  walk->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
walk_read_cb (GIOChannel   *channel,
              GIOCondition  condition,
              gpointer      user_data)
{
  Walk *walk = user_data;
  char buffer[4096];
  gsize n = 0;

  if (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) == G_IO_STATUS_NORMAL && n > 0)
    {
      g_string_append_len (walk->out, buffer, (gssize) n);
      return G_SOURCE_CONTINUE;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
walk_done (gpointer data)
{
  return ((Walk *) data)->done;
}

/* Everything a screen reader can reach in this program, showing or not,
 * walked over AT-SPI by another process (tests/sk-a11y-walk.py) while this
 * one goes on: one line a node, "role|name|text|description|showing|
 * actions|focusable".  Needs GTK_A11Y=atspi and G_TEST_SRCDIR. */
char *
sk_test_walk_accessibility (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "sk-a11y-walk.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  const char *argv[] = { "/usr/bin/python3", script, pid, NULL };
  g_autoptr(GError) error = NULL;
  Walk walk = { g_string_new (NULL), FALSE, -1 };
  GIOChannel *channel;
  GPid child;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &child, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP, walk_read_cb, &walk);
  g_child_watch_add (child, walk_exited_cb, &walk);
  g_assert_true (sk_test_wait_for (walk_done, &walk, 60000));
  sk_test_iterate (100);
  /* The rest of the output. */
  while (walk_read_cb (channel, G_IO_IN, &walk) == G_SOURCE_CONTINUE)
    ;
  g_io_channel_unref (channel);
  g_assert_cmpint (walk.status, ==, 0);
  g_assert_cmpuint (walk.out->len, >, 0);
  return g_string_free (walk.out, FALSE);
}

gboolean
sk_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
sk_test_toplevel_shown (gpointer type)
{
  GtkWindow *window = sk_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

SkWindow *
sk_test_open_demo (SkApplication *app,
                   const char    *name)
{
  g_autofree char *path = sk_test_path (name);
  SkWindow *window;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
    g_assert_true (sk_store_flush (store, &error));
  }
  window = sk_test_open_today (app, path);
  sk_test_iterate (300);
  return window;
}

/* The tools' tests */

SkWindow *
sk_test_open_conversation (SkApplication *app,
                           const char    *path,
                           gboolean       child_view)
{
  SkWindow *window = sk_test_open_today (app, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  /* The keyboard through the X server; on another backend (a touch
   * screen's) there are no keys. */
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    sk_test_focus_window (GTK_WINDOW (window));
  if (child_view)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
      sk_test_iterate (500);
    }
  return window;
}

void
sk_test_close_conversation (SkWindow *window)
{
  if (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "leave-child-view"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
      sk_test_iterate (200);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

GtkWidget *
sk_test_open_tool (GtkWidget  *root,
                   const char *label,
                   GType       type)
{
  GtkWidget *tool;

  sk_test_click_in_view (sk_test_find_shown (root, GTK_TYPE_TOGGLE_BUTTON, label));
  sk_test_iterate (300);
  tool = sk_test_find_type (root, type);
  g_assert_nonnull (tool);
  g_assert_true (gtk_widget_is_drawable (tool));
  return tool;
}

void
sk_test_click_in_view (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  sk_test_scroll_to (widget);
  sk_test_real_click (widget);
  sk_test_iterate (150);
}

char *
sk_test_sql_settled (const char *path,
                     const char *query)
{
  sk_test_iterate (SK_STORE_TEXT_DELAY_MS + 200);
  return sk_test_sql (path, query);
}

void
sk_test_assert_sql (const char *path,
                    const char *query,
                    const char *expected)
{
  g_autofree char *value = sk_test_sql_settled (path, query);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  const Labelled *sought = data;

  return gtk_widget_get_mapped (widget) && g_type_is_a (G_OBJECT_TYPE (widget), sought->type) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), sought->text) == 0;
}

GtkWidget *
sk_test_find_tooltip (GtkWidget  *root,
                      GType       type,
                      const char *text)
{
  Labelled sought = { type, text, TRUE };

  return sk_test_find (root, has_tooltip, &sought);
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

void
sk_test_save_in_chooser (const char *file)
{
  g_assert_true (sk_test_wait_for (sk_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  sk_test_iterate (500);
  sk_test_focus_window (sk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  sk_test_press ("<Control>a");
  sk_test_type (file);
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (file_written, (gpointer) file, 5000));
  sk_test_iterate (300);
}

static gboolean
shows_text (gpointer data)
{
  gpointer *pair = data;
  g_autofree char *text = sk_test_visible_text (pair[0]);

  return strstr (text, pair[1]) != NULL;
}

/* Waits (8 s at most) until @root shows @text; fails saying what it shows. */
void
sk_test_wait_to_show (gpointer    root,
                      const char *text)
{
  gpointer pair[] = { root, (gpointer) text };

  if (!sk_test_wait_for (shows_text, pair, 8000))
    {
      g_autofree char *shown = sk_test_visible_text (GTK_WIDGET (root));

      g_error ("“%s” is not shown; it shows:\n%s", text, shown);
    }
}

/* A new file with one child, called @name, and a conversation of today,
 * open in the caseworker's view. */
SkWindow *
sk_test_open_child_conversation (SkApplication *app,
                                 const char    *path,
                                 const char    *name)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new (name);
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_true (sk_store_flush (store, &error));
  g_clear_object (&store);
  return sk_test_open_conversation (app, path, FALSE);
}

/* The text view of the conversation's "In your own words". */
GtkWidget *
sk_test_words_view (SkWindow *window)
{
  GtkWidget *field = sk_test_find_shown (GTK_WIDGET (window), SK_TYPE_NOTE_FIELD, "In your own words");

  g_assert_nonnull (field);
  return GTK_WIDGET (sk_note_field_get_text_view (SK_NOTE_FIELD (field)));
}

gboolean
sk_test_popover_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}
