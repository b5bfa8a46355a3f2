/* sk-last-time-tool.c — closing the loop with the child (Lundy: Influence)
 *
 * A new conversation opens with what was agreed last time and what was to
 * happen next, and a field for "What happened with what you said last
 * time", which the caseworker fills in and goes through with the child.
 * The answer belongs to the new conversation; the child decides whether
 * the parents may see it.  Used in the caseworker's view and the child's.
 */
#include "config.h"

#include "sk-last-time-tool.h"
#include "sk-format.h"
#include "sk-note-field.h"
#include "sk-shared-button.h"
#include "sk-widget-util.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkLastTimeTool
{
  SkTool parent_instance;

  SkConversation *previous;
  GBinding       *shared_binding;

  GtkWidget      *box;
  GtkWidget      *title;
  GtkWidget      *agreements_title;
  GtkWidget      *agreements;
  GtkWidget      *next_steps_title;
  GtkWidget      *next_steps;
  GtkWidget      *feedback;
  GtkWidget      *shared_button;
};

G_DEFINE_FINAL_TYPE (SkLastTimeTool, sk_last_time_tool, SK_TYPE_TOOL)

/* A section of text on paper: nothing to draw of its own. */
const SkToolRender sk_last_time_render = { NULL, NULL };

static void
show_text (GtkWidget  *title,
           GtkWidget  *label,
           const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  gtk_label_set_text (GTK_LABEL (label), trimmed);
  gtk_widget_set_visible (title, *trimmed != '\0');
  gtk_widget_set_visible (label, *trimmed != '\0');
}

static void
sk_last_time_tool_conversation_changed (SkTool *tool)
{
  SkLastTimeTool *self = SK_LAST_TIME_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  g_autoptr(GError) error = NULL;

  sk_binding_clear (&self->shared_binding);
  g_clear_object (&self->previous);
  if (conversation != NULL)
    self->previous = sk_conversation_previous (conversation, sk_tool_get_store (tool), NULL, &error);
  if (error != NULL)
    sk_tool_report (GTK_WIDGET (self), error);

  gtk_widget_set_visible (GTK_WIDGET (self), self->previous != NULL);
  sk_note_field_bind (SK_NOTE_FIELD (self->feedback), self->previous != NULL ? SK_RECORD (conversation) : NULL,
                      "feedback");
  if (self->previous == NULL)
    return;

  {
    g_autoptr(GDateTime) when = sk_conversation_dup_local_time (self->previous);
    g_autofree char *date = sk_format_date (when);
    /* Translators: heading; %s is the date of the previous conversation */
    g_autofree char *title = g_strdup_printf (_("Last time, %s"), date);

    gtk_label_set_text (GTK_LABEL (self->title), title);
  }
  show_text (self->agreements_title, self->agreements, sk_conversation_get_text (self->previous, "agreements"));
  show_text (self->next_steps_title, self->next_steps, sk_conversation_get_text (self->previous, "next-steps"));
  self->shared_binding = sk_bind (conversation, "feedback-shared", self->shared_button, "active",
                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

SkConversation *
sk_last_time_tool_get_previous (SkLastTimeTool *self)
{
  g_return_val_if_fail (SK_IS_LAST_TIME_TOOL (self), NULL);

  return self->previous;
}

static void
sk_last_time_tool_dispose (GObject *object)
{
  SkLastTimeTool *self = SK_LAST_TIME_TOOL (object);

  sk_binding_clear (&self->shared_binding);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (sk_last_time_tool_parent_class)->dispose (object);
}

static void
sk_last_time_tool_class_init (SkLastTimeToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_last_time_tool_dispose;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_last_time_tool_conversation_changed;
  gtk_widget_class_set_css_name (widget_class, "lasttime");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
text_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "last-time-text");
  return label;
}

static void
sk_last_time_tool_init (SkLastTimeTool *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "last-time");

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "last-time-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), self->title);

  self->agreements_title = heading (_("What we agreed"));
  self->agreements = text_label ();
  gtk_box_append (GTK_BOX (self->box), self->agreements_title);
  gtk_box_append (GTK_BOX (self->box), self->agreements);
  self->next_steps_title = heading (_("What happens next"));
  self->next_steps = text_label ();
  gtk_box_append (GTK_BOX (self->box), self->next_steps_title);
  gtk_box_append (GTK_BOX (self->box), self->next_steps);

  self->feedback = g_object_new (SK_TYPE_NOTE_FIELD,
                                 "title", _("What happened with what you said last time"),
                                 NULL);
  gtk_widget_add_css_class (self->feedback, "feedback");
  gtk_widget_set_margin_top (self->feedback, 8);
  gtk_box_append (GTK_BOX (self->box), self->feedback);

  self->shared_button = sk_shared_button_new (_("May your parents see this?"));
  gtk_box_append (GTK_BOX (self->box), self->shared_button);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
