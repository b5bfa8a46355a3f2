/* sk-widget-util.h — small helpers shared by the widgets */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For dispose of a widget built from a template: GTK 4.8's
 * gtk_widget_dispose_template() unparents only the children that are bound
 * by name, so the unnamed root child is unparented here. */
static inline void
sk_widget_dispose_template (GtkWidget *widget,
                            GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

G_END_DECLS

G_BEGIN_DECLS

/* A binding held with its own reference stays a valid object after its
 * source or target is gone, so it can always be unbound safely. */
static inline GBinding *
sk_bind (gpointer       source,
         const char    *source_property,
         gpointer       target,
         const char    *target_property,
         GBindingFlags  flags)
{
  return g_object_ref (g_object_bind_property (source, source_property,
                                               target, target_property, flags));
}

static inline void
sk_binding_clear (GBinding **binding)
{
  if (*binding != NULL)
    {
      g_binding_unbind (*binding);
      g_clear_object (binding);
    }
}

G_END_DECLS

G_BEGIN_DECLS

/* Presents a question such as "Delete …?": the keyboard starts on none of
 * its answers, so a key pressed by chance answers nothing. */
static inline void
sk_present_message_dialog (GtkWidget *dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
}

G_END_DECLS
