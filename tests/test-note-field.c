/* test-note-field.c — typing into a note as a person does: real keys
 *
 * A long note keeps up with the typist and reaches the file in time, the
 * keys keep their order however fast they come, the page scrolls
 * with the cursor, and the cursor blinks without costing a frame every
 * 16 ms.
 */
#include "sk-application.h"
#include "sk-note-field.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"
#include "sk-typing-meter.h"

#include <string.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
/* Several times slower: the figures are shown, not held to. */
#define SK_TIMED FALSE
#else
#define SK_TIMED TRUE
#endif

static SkApplication *app;

/* A child with one conversation whose own words are @words; returns the
 * conversation's id. */
static gint64
prepare (const char *path,
         const char *words)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Alma");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  g_object_set (conversation, "child-words", words, NULL);
  g_assert_true (sk_store_flush (store, &error));
  return sk_record_get_id (SK_RECORD (conversation));
}

static GtkTextView *
own_words (SkWindow *window)
{
  GtkWidget *field = sk_test_find_shown (GTK_WIDGET (window), SK_TYPE_NOTE_FIELD, "In your own words");

  g_assert_nonnull (field);
  return sk_note_field_get_text_view (SK_NOTE_FIELD (field));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text view with the keyboard, as after a click into it. */
static SkWindow *
open_and_focus (const char   *path,
                GtkTextView **view)
{
  SkWindow *window = sk_test_open_today (app, path);

  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  *view = own_words (window);
  sk_test_scroll_to (GTK_WIDGET (*view));
  sk_test_focus_window (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (*view));
  sk_test_iterate (100);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (*view)));
  return window;
}

/* 100,000 characters in one paragraph (a note typed without Enter): GTK
 * lays out the cursor's whole paragraph after every change, some 50 ms
 * here.  Typed at 30 keys a second, every key still shows within a few
 * frames, the wait does not grow, and the text is in the file within
 * half a second of the last key. */
static void
test_long_note_keeps_up (void)
{
  g_autofree char *path = sk_test_path ("long-note.db");
  g_autofree char *words = sk_typing_meter_long_text (100000, FALSE);
  gint64 id = prepare (path, words);
  g_autofree char *sql = g_strdup_printf ("SELECT length(child_words) FROM conversations WHERE id = %" G_GINT64_FORMAT, id);
  SkTypingResult result;
  GtkTextView *view;
  SkWindow *window = open_and_focus (path, &view);

  sk_test_press ("<Control>End");
  sk_test_iterate (200);
  sk_typing_meter_run (view, 90, 30, path, sql, 100000 + 90, &result);
  g_test_message ("100,000 characters, 30 keys/s: %u of %u in, longest wait %.1f ms, mean %.1f ms, "
                  "last key to the file %.1f ms",
                  result.arrived, result.sent, result.max_lag_ms, result.mean_lag_ms, result.to_database_ms);
  g_assert_cmpuint (result.arrived, ==, result.sent);
  g_assert_cmpfloat (result.to_database_ms, >=, 0);
  if (SK_TIMED)
    {
      /* Before: 15 keys/s, the last key 4 s late, the file 4 s after it. */
      g_assert_cmpfloat (result.keys_per_second, >=, 27);
      g_assert_cmpfloat (result.max_lag_ms, <, 300);
      g_assert_cmpfloat (result.to_database_ms, <, 500);
    }
  {
    g_autofree char *text = buffer_text (view);

    /* The typist's words of five letters, in the order typed. */
    g_assert_cmpuint (strlen (text), ==, 100000 + 90);
    g_assert_true (g_str_has_prefix (text, words));
    for (guint i = 0; i < 90; i++)
      g_assert_cmpint (text[100000 + i], ==, i % 6 == 5 ? ' ' : 'a' + (int) (i % 26));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

static void
x_key (KeySym keysym)
{
  Display *dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
}

/* Letters come in together, Backspace and the arrows act between them:
 * keys sent all at once, with no turn of the main loop in between. */
static void
test_keys_keep_their_order (void)
{
  g_autofree char *path = sk_test_path ("order.db");
  gint64 id = prepare (path, "xy");
  g_autofree char *sql = g_strdup_printf ("SELECT child_words FROM conversations WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  GtkTextView *view;
  SkWindow *window = open_and_focus (path, &view);
  const KeySym keys[] = { XK_End, XK_a, XK_b, XK_c, XK_BackSpace, XK_d, XK_Left, XK_Left, XK_e, XK_Home, XK_f, XK_End, XK_g };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    x_key (keys[i]);
  XSync (gdk_x11_display_get_xdisplay (gdk_display_get_default ()), False);
  sk_test_iterate (600);
  text = buffer_text (view);
  g_assert_cmpstr (text, ==, "fxyaebdg");
  stored = sk_test_sql (path, sql);
  g_assert_cmpstr (stored, ==, "fxyaebdg");

  /* Undo takes back the typing, as in any text field. */
  sk_test_press ("<Control>z");
  sk_test_iterate (100);
  g_clear_pointer (&text, g_free);
  text = buffer_text (view);
  g_assert_cmpstr (text, !=, "fxyaebdg");
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

/* Whether the cursor of @view is inside the part of the page on screen. */
static gboolean
cursor_in_view (GtkTextView *view)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle cursor;
  graphene_point_t top, bottom;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, cursor.x, cursor.y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), content, &GRAPHENE_POINT_INIT (x, y), &top));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), content,
                                           &GRAPHENE_POINT_INIT (x, y + cursor.height), &bottom));
  g_test_message ("cursor %.0f–%.0f, page %.0f–%.0f of %.0f", top.y, bottom.y, gtk_adjustment_get_value (adjustment),
                  gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                  gtk_adjustment_get_upper (adjustment));
  return top.y >= gtk_adjustment_get_value (adjustment) &&
         bottom.y <= gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* 25 lines typed into a field on a page taller than the window: the page
 * follows the cursor down, line by line, and back up with Ctrl+Home. */
static void
test_page_follows_the_cursor (void)
{
  g_autofree char *path = sk_test_path ("follow.db");
  GtkTextView *view;
  SkWindow *window;

  prepare (path, "");
  window = open_and_focus (path, &view);
  for (guint line = 1; line <= 25; line++)
    {
      g_autofree char *text = g_strdup_printf ("line %u", line);

      sk_test_type (text);
      if (line < 25)
        sk_test_press ("Return");
      sk_test_iterate (30);
      g_assert_true (cursor_in_view (view));
    }
  sk_test_save_screenshot (GTK_WIDGET (window), "note-field-line-25.png");
  sk_test_press ("<Control>Home");
  sk_test_iterate (100);
  g_assert_true (cursor_in_view (view));
  sk_test_press ("<Control>End");
  sk_test_iterate (100);
  g_assert_true (cursor_in_view (view));
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

/* The cursor as a person sees it: the text view drawn as it is now, and
 * whether there is a caret at the insertion point — a column of pixels
 * there unlike the field's background a little to the right of it (the
 * insertion point at the end of a short line). */
static gboolean
caret_seen (GtkTextView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter insert;
  GdkRectangle strong;
  const guint8 *data;
  int stride, x, y, differing = 0;
  guint32 background;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_cursor_locations (view, &insert, &strong, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, strong.x, strong.y, &x, &y);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpint (x + 24, <, width);
  g_assert_cmpint (y + strong.height, <=, height);
  background = *(const guint32 *) (data + (y + strong.height / 2) * stride + (x + 20) * 4);
  for (int row = y + 2; row < y + strong.height - 2; row++)
    {
      gboolean differs = FALSE;

      for (int column = MAX (x - 1, 0); column <= x + 1; column++)
        {
          guint32 pixel = *(const guint32 *) (data + row * stride + column * 4);
          int delta = 0;

          for (int shift = 0; shift < 24; shift += 8)
            delta += ABS ((int) ((pixel >> shift) & 0xff) - (int) ((background >> shift) & 0xff));
          differs |= delta > 90;
        }
      differing += differs;
    }
  cairo_surface_destroy (surface);
  return differing > (strong.height - 4) / 2;
}

typedef struct {
  guint shown, hidden, changes, frames;
  gboolean last;
} Watch;

static void
count_frame_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  watch->frames++;
}

/* Looks at the caret every 25 ms for @ms. */
static Watch
watch_caret (GtkTextView *view,
             guint        ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  Watch watch = { 0 };
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &watch);

  for (guint i = 0; g_get_monotonic_time () < end; i++)
    {
      gboolean seen = caret_seen (view);

      if (i > 0 && seen != watch.last)
        watch.changes++;
      watch.last = seen;
      if (seen)
        watch.shown++;
      else
        watch.hidden++;
      sk_test_iterate (25);
    }
  g_signal_handler_disconnect (clock, handler);
  return watch;
}

/* How many frames the window draws in @ms. */
static guint
frames_in (GtkTextView *view,
           guint        ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  Watch watch = { 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &watch);

  sk_test_iterate (ms);
  g_signal_handler_disconnect (clock, handler);
  return watch.frames;
}

static gboolean
caret_hidden (gpointer view)
{
  return !caret_seen (view);
}

static int
insert_offset (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter insert;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&insert);
}

/* The cursor blinks as GTK 3's did — on, off, one frame each — not with
 * GTK 4's fade of a frame every 16 ms; a key shows it at once and moves it
 * in any phase; after the timeout it stays; without blinking (a person's
 * setting) it never goes. */
static void
test_cursor_blinks_calmly (void)
{
  g_autofree char *path = sk_test_path ("blink.db");
  GtkSettings *settings = gtk_settings_get_default ();
  GtkTextView *view;
  SkWindow *window;
  gboolean gtk_blinks;
  Watch watch;
  int offset;

  prepare (path, "Hej");
  /* As the desktop would say it: blink, 900 ms a cycle, stop after 10 s. */
  g_object_set (settings, "gtk-cursor-blink", TRUE, "gtk-cursor-blink-time", 900,
                "gtk-cursor-blink-timeout", 10, NULL);
  sk_test_iterate (50);
  window = open_and_focus (path, &view);
  sk_test_real_click (GTK_WIDGET (view));
  sk_test_press ("<Control>End");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_object_get (settings, "gtk-cursor-blink", &gtk_blinks, NULL);
  g_assert_false (gtk_blinks);

  /* The scroll bar shown by the scroll and the pointer fades out two
   * seconds later over one: wait for it, it is not the cursor — until
   * the window is quiet (no more than the cursor's own frames in 700 ms),
   * however slow this build is. */
  sk_test_iterate (2000);
  for (guint tries = 0; tries < 12 && frames_in (view, 700) > 2; tries++)
    ;
  watch = watch_caret (view, 2700);
  g_test_message ("2.7 s: caret shown %u, hidden %u looks, %u changes, %u frames",
                  watch.shown, watch.hidden, watch.changes, watch.frames);
  g_assert_cmpuint (watch.hidden, >, 0);
  g_assert_cmpuint (watch.shown, >, watch.hidden);
  g_assert_cmpuint (watch.changes, >=, 4);
  /* One frame for each change (GTK's fade: some 60 in this time). */
  g_assert_cmpuint (watch.frames, <=, watch.changes + 3);

  /* In the hidden phase, a key: the cursor moves and shows at once. */
  g_assert_true (sk_test_wait_for (caret_hidden, view, 2000));
  offset = insert_offset (view);
  sk_test_press ("Left");
  g_assert_cmpint (insert_offset (view), ==, offset - 1);
  g_assert_true (gtk_text_view_get_cursor_visible (view));
  sk_test_press ("End");
  g_assert_cmpint (insert_offset (view), ==, offset);
  g_assert_true (caret_seen (view));
  g_assert_true (sk_test_wait_for (caret_hidden, view, 2000));
  sk_test_type ("!");
  watch = watch_caret (view, 600);
  g_assert_cmpuint (watch.hidden, ==, 0);
  g_assert_true (sk_test_wait_for (caret_hidden, view, 2000));

  /* Three seconds after the last key (now the timeout) it stays, shown. */
  g_object_set (settings, "gtk-cursor-blink-timeout", 3, NULL);
  sk_test_iterate (3000);
  watch = watch_caret (view, 1500);
  g_assert_cmpuint (watch.hidden, ==, 0);
  g_assert_cmpuint (watch.frames, <=, 1);

  /* A person who does not want it blinking: it never goes. */
  g_object_set (settings, "gtk-cursor-blink", FALSE, NULL);
  sk_test_press ("Left");
  watch = watch_caret (view, 1500);
  g_assert_cmpuint (watch.hidden, ==, 0);
  g_object_set (settings, "gtk-cursor-blink", TRUE, "gtk-cursor-blink-timeout", 10, NULL);

  /* Leaving the field in its hidden phase leaves no hidden cursor. */
  sk_test_press ("End");
  g_assert_true (sk_test_wait_for (caret_hidden, view, 2000));
  sk_test_press ("Tab");
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_text_view_get_cursor_visible (view));

  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  sk_typing_meter_init ();
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/note-field/keys-keep-their-order", test_keys_keep_their_order);
  g_test_add_func ("/note-field/page-follows-the-cursor", test_page_follows_the_cursor);
  g_test_add_func ("/note-field/long-note-keeps-up", test_long_note_keeps_up);
  g_test_add_func ("/note-field/cursor-blinks-calmly", test_cursor_blinks_calmly);

  return sk_test_app_run (&app);
}
