/* sk-accessible.c — names a screen reader can say
 *
 * GTK 4.8 names a button with a mnemonic twice over: its label property
 * with the underscore ("_Print…") and then its label child ("Print…"), so
 * a screen reader says "underscore Print… Print…".  Taking the property
 * away leaves the child's clean words.  It is put back by GTK whenever the
 * label changes, and taken away again after.
 */
#include "config.h"

#include "sk-accessible.h"

#include <glib/gi18n-lib.h>

static void
forget_label_property (GtkWidget *button)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (button)) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
label_notified_cb (GtkWidget  *button,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  forget_label_property (button);
}

/**
 * sk_accessible_tidy_mnemonics:
 * @root: a widget
 *
 * Gives every button with a mnemonic under @root (and @root itself) one
 * clean name, now and after its label changes.
 */
void
sk_accessible_tidy_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    {
      forget_label_property (root);
      if (g_object_get_data (G_OBJECT (root), "sk-mnemonic-tidy") == NULL)
        {
          g_object_set_data (G_OBJECT (root), "sk-mnemonic-tidy", GINT_TO_POINTER (1));
          g_signal_connect_after (root, "notify::label", G_CALLBACK (label_notified_cb), NULL);
          g_signal_connect_after (root, "notify::use-underline", G_CALLBACK (label_notified_cb), NULL);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    sk_accessible_tidy_mnemonics (child);
}

/* The name a screen reader says for @widget. */
void
sk_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Names the first widget of @type under @root, one built by a library and
 * not reachable otherwise.  Returns: %FALSE when there is none */
gboolean
sk_accessible_label_first (GtkWidget  *root,
                           GType       type,
                           const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      sk_accessible_set_label (root, label);
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (sk_accessible_label_first (child, type, label))
      return TRUE;
  return FALSE;
}

static void
string_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
string_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *row = gtk_widget_get_parent (label);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* GTK 4.8 does not name a list's row after what it shows. */
  if (row != NULL)
    sk_accessible_set_label (row, text);
}

/**
 * sk_accessible_string_factory_new:
 *
 * Rows for a list of #GtkStringObject (a drop-down's or a combo row's
 * list) that a screen reader can say.
 *
 * Returns: (transfer full): a factory
 */
GtkListItemFactory *
sk_accessible_string_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (string_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (string_bind_cb), NULL);
  return factory;
}

static void
name_shortcuts_parts (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root))
    {
      /* Its inner toggle is part of it, not the search button. */
      sk_accessible_set_label (root, _("Sections"));
      return;
    }
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL)
    sk_accessible_set_label (root, _("Search Shortcuts"));
  else if (GTK_IS_SEARCH_ENTRY (root))
    sk_accessible_set_label (root, _("Search Shortcuts"));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_shortcuts_parts (child);
}

/**
 * sk_accessible_tidy_shortcuts_window:
 *
 * GTK 4.8's keyboard shortcuts window has no title, and its search
 * button, search field and sections button are named after their types.
 */
void
sk_accessible_tidy_shortcuts_window (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  /* The title bar is one of the window's children too. */
  name_shortcuts_parts (GTK_WIDGET (window));
}
