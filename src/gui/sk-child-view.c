/* sk-child-view.c — the screen the child sees: one name, big words, the tools
 *
 * Built to show nothing but this child's own things: the child's name, the
 * tools, the child's own words and what we agreed.  It never holds a list
 * of children, nor the caseworker's notes.
 */
#include "config.h"

#include "sk-child-view.h"
#include "sk-widget-util.h"
#include "sk-note-field.h"
#include "sk-emotion-tool.h"
#include "sk-network-tool.h"
#include "sk-last-time.h"

#include <glib/gi18n-lib.h>

struct _SkChildView
{
  GtkWidget parent_instance;

  SkChild     *child;
  GBinding    *name_binding;

  GtkLabel    *name_label;
  GtkWidget   *tools_box;
  GtkStack    *tool_stack;
  SkNoteField *child_words_field;
  SkNoteField *agreements_field;
  SkEmotionTool *emotion_tool;
  SkNetworkTool *network_tool;
  SkLastTime    *last_time;
};

G_DEFINE_FINAL_TYPE (SkChildView, sk_child_view, GTK_TYPE_WIDGET)

static void
tools_changed_cb (SkChildView *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->tool_stack));
  GtkWidget *switcher = gtk_widget_get_first_child (self->tools_box);

  /* No tool, no switcher: nothing empty or pretend is ever shown.  One
   * tool needs no switcher either: it shows its own title. */
  gtk_widget_set_visible (self->tools_box, first != NULL);
  gtk_widget_set_visible (switcher, first != NULL && gtk_widget_get_next_sibling (first) != NULL);
}

static void
sk_child_view_dispose (GObject *object)
{
  SkChildView *self = SK_CHILD_VIEW (object);

  sk_binding_clear (&self->name_binding);
  g_clear_object (&self->child);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CHILD_VIEW);

  G_OBJECT_CLASS (sk_child_view_parent_class)->dispose (object);
}

static void
sk_child_view_class_init (SkChildViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_child_view_dispose;

  g_type_ensure (SK_TYPE_NOTE_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-child-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SkChildView, name_label);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, tools_box);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, tool_stack);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, child_words_field);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, agreements_field);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "childview");
}

static void
sk_child_view_init (SkChildView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->tool_stack, "notify::pages", G_CALLBACK (tools_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->emotion_tool = SK_EMOTION_TOOL (sk_emotion_tool_new (FALSE));
  gtk_stack_add_titled (self->tool_stack, GTK_WIDGET (self->emotion_tool), "emotions", _("How I feel"));
  self->network_tool = SK_NETWORK_TOOL (sk_network_tool_new (FALSE));
  gtk_stack_add_titled (self->tool_stack, GTK_WIDGET (self->network_tool), "network", _("My network"));
  tools_changed_cb (self);

  /* What happened with what the child said last time, gone through
   * together first. */
  self->last_time = SK_LAST_TIME (sk_last_time_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->tools_box)), GTK_WIDGET (self->last_time),
                              gtk_widget_get_prev_sibling (self->tools_box));
}

/**
 * sk_child_view_set_conversation:
 * @child: (nullable): the child the conversation is with
 * @conversation: (nullable): the conversation to show
 *
 * %NULL for both empties the view, so that nothing is left behind.
 */
void
sk_child_view_set_conversation (SkChildView    *self,
                                SkStore        *store,
                                SkChild        *child,
                                SkConversation *conversation)
{
  g_return_if_fail (SK_IS_CHILD_VIEW (self));

  sk_binding_clear (&self->name_binding);
  g_set_object (&self->child, child);

  if (child != NULL)
    self->name_binding = sk_bind (child, "name", self->name_label, "label", G_BINDING_SYNC_CREATE);
  else
    gtk_label_set_label (self->name_label, "");

  sk_note_field_bind (self->child_words_field, SK_RECORD (conversation), "child-words");
  sk_note_field_bind (self->agreements_field, SK_RECORD (conversation), "agreements");
  sk_emotion_tool_set_conversation (self->emotion_tool, store, conversation);
  sk_network_tool_set_conversation (self->network_tool, store, conversation);
  sk_last_time_set_conversation (self->last_time, store, conversation);
}
