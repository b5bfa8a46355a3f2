/* sk-widget-util.h — small helpers shared by the widgets */
#pragma once

#include <gtk/gtk.h>
#include <string.h>

#include "sk-format.h"

#include "sk-accessible.h"

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
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
}

G_END_DECLS

G_BEGIN_DECLS

static void
sk_one_line_insert_text_cb (GtkEditable *editable,
                            const char  *text,
                            int          length,
                            int         *position,
                            gpointer     user_data)
{
  g_autofree char *chunk = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  g_autofree char *clean = sk_format_single_line (chunk);

  if (g_str_equal (clean, chunk))
    return;
  g_signal_handlers_block_by_func (editable, sk_one_line_insert_text_cb, user_data);
  gtk_editable_insert_text (editable, clean, -1, position);
  g_signal_handlers_unblock_by_func (editable, sk_one_line_insert_text_cb, user_data);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

/* Makes @editable (an entry, an entry row) a field of one line: what is
 * typed or pasted into it comes in without line breaks or other control
 * characters (sk_format_single_line()).  The record's column keeps them
 * out too; this keeps the field and the record the same. */
static inline void
sk_editable_keep_one_line (GtkEditable *editable)
{
  GtkEditable *text = editable;

  while (gtk_editable_get_delegate (text) != NULL)
    text = gtk_editable_get_delegate (text);
  g_signal_connect (text, "insert-text", G_CALLBACK (sk_one_line_insert_text_cb), NULL);
}

G_END_DECLS
