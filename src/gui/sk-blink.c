/* sk-blink.c — a text cursor that blinks without drawing sixty frames a second
 *
 * GTK 4.8 blinks the text cursor by fading it in and out: a tick callback
 * that asks for a new frame every 16 ms for half of every blink cycle
 * (gtktextview.c, gtktext.c; not configurable).  Each such frame makes GSK
 * draw the window again, and on software rendering — the GL renderer on
 * llvmpipe has no buffer age there, so it draws the whole window — that
 * kept a laptop busy at more than one core while the child thought.
 *
 * So GTK's own blinking is switched off (gtk-cursor-blink FALSE on the
 * default GtkSettings), and this blinks the cursor of whichever editable
 * text has the keyboard focus as GTK 3 did: shown for two thirds of
 * gtk-cursor-blink-time, hidden for one third, one frame per change.  A
 * text view's cursor is hidden with gtk_text_view_set_cursor_visible(),
 * which redraws only the cursor's paragraph (a CSS change would lay out
 * the whole text again); a one-line field's with the CSS class
 * "sk-caret-hidden" (caret-color: transparent).  Input (a key, a click, a
 * touch) is seen in the capture phase of the window, before any widget:
 * it shows the cursor at once — so a text view moves its cursor with the
 * arrow keys instead of scrolling, as it does without a visible cursor —
 * and holds it for a whole cycle.  After gtk-cursor-blink-timeout seconds
 * without input it stays shown and the blinking stops, as GTK's does.  A
 * person who has turned blinking off (gtk-cursor-blink FALSE from the
 * desktop, settings.ini or later) gets a steady cursor.
 */
#include "sk-blink.h"

#define HIDDEN_CLASS "sk-caret-hidden"

static struct {
  gboolean    wanted;        /* the person's gtk-cursor-blink */
  gboolean    own_false;     /* our FALSE not yet notified */
  GtkWidget  *target;        /* weak */
  guint       timeout_id;
  gint64      last_input;    /* monotonic µs */
  gboolean    hidden;
  gboolean    installed;
} blink;

static void blink_schedule (guint ms);

static gboolean
blinks_in (GtkWidget *widget)
{
  if (widget == NULL || !gtk_widget_has_focus (widget) || !gtk_widget_is_sensitive (widget)
      || !gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget))
           && (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (widget))
               || (widget == blink.target && blink.hidden));
  if (GTK_IS_TEXT (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget));
  return FALSE;
}

static guint
blink_time_ms (void)
{
  int time = 1200;

  g_object_get (gtk_settings_get_default (), "gtk-cursor-blink-time", &time, NULL);
  return (guint) CLAMP (time, 100, 10000);
}

static gint64
blink_timeout_us (void)
{
  int seconds = 10;

  g_object_get (gtk_settings_get_default (), "gtk-cursor-blink-timeout", &seconds, NULL);
  return (gint64) MAX (seconds, 1) * G_USEC_PER_SEC;
}

static void
set_hidden (gboolean hidden)
{
  gboolean was = blink.hidden;

  blink.hidden = hidden;
  if (blink.target == NULL || was == hidden)
    return;
  if (GTK_IS_TEXT_VIEW (blink.target))
    gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (blink.target), !hidden);
  else if (hidden)
    gtk_widget_add_css_class (blink.target, HIDDEN_CLASS);
  else
    gtk_widget_remove_css_class (blink.target, HIDDEN_CLASS);
}

static void
blink_stop (void)
{
  g_clear_handle_id (&blink.timeout_id, g_source_remove);
  set_hidden (FALSE);
}

static gboolean
blink_cb (gpointer data)
{
  blink.timeout_id = 0;
  if (!blink.wanted || !blinks_in (blink.target))
    {
      set_hidden (FALSE);
      return G_SOURCE_REMOVE;
    }
  if (blink.hidden)
    {
      set_hidden (FALSE);
      if (g_get_monotonic_time () - blink.last_input < blink_timeout_us ())
        blink_schedule (blink_time_ms () * 2 / 3);
    }
  else
    {
      set_hidden (TRUE);
      blink_schedule (blink_time_ms () / 3);
    }
  return G_SOURCE_REMOVE;
}

static void
blink_schedule (guint ms)
{
  g_clear_handle_id (&blink.timeout_id, g_source_remove);
  blink.timeout_id = g_timeout_add (ms, blink_cb, NULL);
  g_source_set_name_by_id (blink.timeout_id, "[sk] cursor blink");
}

/* Shown at once, held for a whole cycle, the timeout counted from now. */
static void
blink_restart (void)
{
  blink.last_input = g_get_monotonic_time ();
  set_hidden (FALSE);
  if (blink.wanted && blinks_in (blink.target))
    blink_schedule (blink_time_ms ());
  else
    g_clear_handle_id (&blink.timeout_id, g_source_remove);
}

static void
target_gone_cb (gpointer  data,
                GObject  *where_it_was)
{
  blink.target = NULL;
  blink.hidden = FALSE;
  g_clear_handle_id (&blink.timeout_id, g_source_remove);
}

static void
set_target (GtkWidget *widget)
{
  if (widget == blink.target)
    return;
  blink_stop ();
  if (blink.target != NULL)
    g_object_weak_unref (G_OBJECT (blink.target), target_gone_cb, NULL);
  blink.target = widget;
  if (widget != NULL)
    g_object_weak_ref (G_OBJECT (widget), target_gone_cb, NULL);
}

static void
focus_changed_cb (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  /* Only the active window's focus has a cursor that GTK draws. */
  if (!gtk_window_is_active (window))
    {
      if (blink.target != NULL && gtk_widget_get_root (blink.target) == GTK_ROOT (window))
        set_target (NULL);
      return;
    }
  set_target (GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus) ? focus : NULL);
  blink_restart ();
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      if (blink.target != NULL)
        blink_restart ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "sk-blink") != NULL)
    return;
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sk-blink");
  g_signal_connect (controller, "event", G_CALLBACK (input_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), "sk-blink", controller);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  g_signal_connect (window, "notify::is-active", G_CALLBACK (focus_changed_cb), NULL);
  if (gtk_window_is_active (window))
    focus_changed_cb (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      watch_window (window);
    }
}

/* Whoever sets gtk-cursor-blink — the desktop's settings at start, a
 * person's settings.ini, a test — says whether the cursor should blink;
 * GTK's own blinking stays off.  Our own FALSE comes back as a
 * notification, at once or (inside another g_object_set's notifications)
 * after this returns: it is told apart by own_false. */
static void
gtk_blink_changed_cb (GtkSettings *settings)
{
  gboolean on;

  g_object_get (settings, "gtk-cursor-blink", &on, NULL);
  if (!on && blink.own_false)
    {
      blink.own_false = FALSE;
      return;
    }
  blink.wanted = on;
  if (on)
    {
      blink.own_false = TRUE;
      g_object_set (settings, "gtk-cursor-blink", FALSE, NULL);
    }
  blink_restart ();
}

void
sk_blink_install (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_if_fail (settings != NULL);
  if (blink.installed)
    return;
  blink.installed = TRUE;
  g_signal_connect (settings, "notify::gtk-cursor-blink", G_CALLBACK (gtk_blink_changed_cb), NULL);
  gtk_blink_changed_cb (settings);
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}

gboolean
sk_blink_get_wanted (void)
{
  return blink.wanted;
}
