/* sk-scroller.c — a page that scrolls to the keyboard, but not to popovers
 *
 * GTK 4.8's viewport scrolls to whatever gets the keyboard, a widget in a
 * popover too: a popover is a child of the widget it points at, and its
 * place, measured across the two surfaces, is wrong.  The page then jumps
 * under the popover at every click in it (a person's mark, a feeling),
 * and the popover jumps with it.  Here the page follows the keyboard
 * itself and leaves it alone while it is in a popover.
 */
#include "config.h"

#include "sk-scroller.h"

#define MARGIN 12

static void mapped_cb (GtkScrolledWindow *scroller);

/* Scrolls @scroller's page so that @widget, on it, is in view. */
static void
reveal_in (GtkScrolledWindow *scroller,
           GtkWidget         *widget)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_rect_t bounds;
  double value, page;

  if (widget == NULL || content == NULL || !gtk_widget_is_ancestor (widget, content) ||
      gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL ||
      !gtk_widget_compute_bounds (widget, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - MARGIN);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, MIN (bounds.origin.y - MARGIN,
                                               bounds.origin.y + bounds.size.height - page + MARGIN));
}

static void
focus_changed_cb (GtkScrolledWindow *scroller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (scroller));

  reveal_in (scroller, root != NULL ? gtk_root_get_focus (root) : NULL);
}

/**
 * sk_scroller_reveal:
 * @widget: a widget on a page that follows the keyboard
 *
 * Brings @widget into view where it is now: for a widget that moved with
 * the keyboard on it (a person on the map).
 */
void
sk_scroller_reveal (GtkWidget *widget)
{
  GtkWidget *from = widget;
  GtkWidget *scroller;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The page's own scroller, past any inside it. */
  while (from != NULL && (scroller = gtk_widget_get_ancestor (from, GTK_TYPE_SCROLLED_WINDOW)) != NULL)
    {
      if (g_signal_handler_find (scroller, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, mapped_cb, NULL) != 0)
        {
          reveal_in (GTK_SCROLLED_WINDOW (scroller), widget);
          return;
        }
      from = gtk_widget_get_parent (scroller);
    }
}

static void
mapped_cb (GtkScrolledWindow *scroller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (scroller));

  if (root == g_object_get_data (G_OBJECT (scroller), "sk-focus-root"))
    return;
  g_object_set_data (G_OBJECT (scroller), "sk-focus-root", root);
  g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), scroller, G_CONNECT_SWAPPED);
}

/**
 * sk_scroller_follow_focus:
 *
 * Makes @scroller (with a viewport of its own, as gtk_scrolled_window_set_child()
 * makes for a plain widget) bring the keyboard's widget into view, except
 * a widget in a popover, and give its page its natural height.
 */
void
sk_scroller_follow_focus (GtkScrolledWindow *scroller)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);

  g_return_if_fail (GTK_IS_VIEWPORT (viewport));

  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  /* The page as tall as it likes to be, not as small as it can be: a
   * tool (the network map) gets the height it asks for at this width. */
  gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (viewport), GTK_SCROLL_NATURAL);
  g_signal_connect (scroller, "map", G_CALLBACK (mapped_cb), NULL);
}
