/* sk-conversation-page.c — every field of one conversation, for the caseworker */
#include "config.h"

#include "sk-conversation-page.h"
#include "sk-entry-row.h"
#include "sk-accessible.h"
#include "sk-widget-util.h"
#include "sk-format.h"
#include "sk-note-field.h"
#include "sk-shared-button.h"
#include "sk-scroller.h"
#include "sk-date-time-button.h"
#include "sk-tool-shelf.h"

#include <glib/gi18n-lib.h>

struct _SkConversationPage
{
  GtkWidget parent_instance;

  SkContext      *context;
  SkConversation *conversation;
  GPtrArray      *bindings;
  SkToolShelf    *tools;

  GtkWidget      *scroller;
  GtkWidget      *date_button;
  SkEntryRow     *place_row;
  SkEntryRow     *participants_row;
  SkEntryRow     *purpose_row;
  GtkWidget      *tools_place;
  SkNoteField    *child_words_field;
  GtkWidget      *child_words_shared;
  SkNoteField    *agreements_field;
  SkNoteField    *next_steps_field;
  GtkWidget      *meeting_button;
  SkEntryRow     *meeting_place_row;
  SkNoteField    *private_notes_field;
};

G_DEFINE_FINAL_TYPE (SkConversationPage, sk_conversation_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONVERSATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unbind_all (SkConversationPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    sk_binding_clear ((GBinding **) &self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);

  if (self->conversation != NULL)
    g_signal_handlers_disconnect_by_data (self->conversation, self);
}

static void
sk_conversation_page_dispose (GObject *object)
{
  SkConversationPage *self = SK_CONVERSATION_PAGE (object);

  unbind_all (self);
  g_clear_object (&self->conversation);
  g_clear_object (&self->context);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CONVERSATION_PAGE);

  G_OBJECT_CLASS (sk_conversation_page_parent_class)->dispose (object);
}

static void
sk_conversation_page_finalize (GObject *object)
{
  SkConversationPage *self = SK_CONVERSATION_PAGE (object);

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (sk_conversation_page_parent_class)->finalize (object);
}

static void
sk_conversation_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SkConversationPage *self = SK_CONVERSATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CONVERSATION:
      g_value_set_object (value, self->conversation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_conversation_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SkConversationPage *self = SK_CONVERSATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CONVERSATION:
      sk_conversation_page_set_conversation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_conversation_page_constructed (GObject *object)
{
  SkConversationPage *self = SK_CONVERSATION_PAGE (object);

  G_OBJECT_CLASS (sk_conversation_page_parent_class)->constructed (object);

  /* Every tool of the caseworker's view, from the registry. */
  self->tools = SK_TOOL_SHELF (sk_tool_shelf_new (self->context, TRUE));
  gtk_box_append (GTK_BOX (self->tools_place), GTK_WIDGET (self->tools));
}

static void
sk_conversation_page_class_init (SkConversationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_conversation_page_constructed;
  object_class->dispose = sk_conversation_page_dispose;
  object_class->finalize = sk_conversation_page_finalize;
  object_class->get_property = sk_conversation_page_get_property;
  object_class->set_property = sk_conversation_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL, SK_TYPE_CONVERSATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SK_TYPE_NOTE_FIELD);
  g_type_ensure (SK_TYPE_SHARED_BUTTON);
  g_type_ensure (SK_TYPE_DATE_TIME_BUTTON);
  g_type_ensure (SK_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-conversation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, participants_row);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, tools_place);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, child_words_field);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, child_words_shared);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, agreements_field);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, next_steps_field);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, meeting_place_row);
  gtk_widget_class_bind_template_child (widget_class, SkConversationPage, private_notes_field);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sk_conversation_page_init (SkConversationPage *self)
{
  self->bindings = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  sk_scroller_follow_focus (GTK_SCROLLED_WINDOW (self->scroller));
  sk_editable_keep_one_line (GTK_EDITABLE (self->place_row));
  sk_editable_keep_one_line (GTK_EDITABLE (self->participants_row));
  sk_editable_keep_one_line (GTK_EDITABLE (self->purpose_row));
  sk_editable_keep_one_line (GTK_EDITABLE (self->meeting_place_row));
}

GtkWidget *
sk_conversation_page_new (SkContext *context)
{
  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);

  return g_object_new (SK_TYPE_CONVERSATION_PAGE, "context", context, NULL);
}

void
sk_conversation_page_set_conversation (SkConversationPage *self,
                                       SkConversation     *conversation)
{
  static const struct {
    const char *property;
    gsize       offset;
  } rows[] = {
    { "place", G_STRUCT_OFFSET (SkConversationPage, place_row) },
    { "participants", G_STRUCT_OFFSET (SkConversationPage, participants_row) },
    { "purpose", G_STRUCT_OFFSET (SkConversationPage, purpose_row) },
    { "next-meeting-place", G_STRUCT_OFFSET (SkConversationPage, meeting_place_row) },
  };

  g_return_if_fail (SK_IS_CONVERSATION_PAGE (self));
  g_return_if_fail (conversation == NULL || SK_IS_CONVERSATION (conversation));

  if (self->conversation == conversation)
    return;

  unbind_all (self);
  g_set_object (&self->conversation, conversation);
  sk_tool_shelf_set_conversation (self->tools, conversation);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkEditable *row = G_STRUCT_MEMBER (GtkEditable *, self, rows[i].offset);

      if (conversation != NULL)
        g_ptr_array_add (self->bindings,
                         sk_bind (conversation, rows[i].property, row, "text",
                                  G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
      else
        gtk_editable_set_text (row, "");
    }

  sk_note_field_bind (self->child_words_field, SK_RECORD (conversation), "child-words");
  if (conversation != NULL)
    g_ptr_array_add (self->bindings,
                     sk_bind (conversation, "child-words-shared", self->child_words_shared, "active",
                              G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
  sk_note_field_bind (self->agreements_field, SK_RECORD (conversation), "agreements");
  sk_note_field_bind (self->next_steps_field, SK_RECORD (conversation), "next-steps");
  sk_note_field_bind (self->private_notes_field, SK_RECORD (conversation), "private-notes");

  if (conversation != NULL)
    {
      /* When it was and when we meet again: written at each choice. */
      g_ptr_array_add (self->bindings, sk_bind (conversation, "started-at", self->date_button, "time",
                                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
      g_ptr_array_add (self->bindings, sk_bind (conversation, "next-meeting-at", self->meeting_button, "time",
                                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}

void
sk_conversation_page_focus_first (SkConversationPage *self)
{
  g_return_if_fail (SK_IS_CONVERSATION_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
}

/**
 * sk_conversation_page_show_tool:
 * @part: (nullable): one of the tool's parts
 *
 * Shows the tool @id (on @part), scrolled into view with the keyboard on it.
 */
void
sk_conversation_page_show_tool (SkConversationPage *self,
                                const char         *id,
                                const char         *part)
{
  g_return_if_fail (SK_IS_CONVERSATION_PAGE (self));

  sk_tool_shelf_show (self->tools, id, part);
}
