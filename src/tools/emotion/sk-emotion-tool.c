/* sk-emotion-tool.c — "How I feel": the emotion scale for every topic
 *
 * A card per topic, in the conversation's order.  The topics to start from
 * are made the first time the tool is shown for a conversation; in the
 * caseworker's view more can be added.
 */
#include "config.h"

#include "sk-emotion-tool.h"
#include "sk-accessible.h"
#include "sk-emotion-card.h"
#include "sk-emotion.h"
#include "sk-face-scale.h"
#include "sk-tools.h"
#include "sk-speak.h"

#include <glib/gi18n-lib.h>

#include "sk-widget-util.h"

#define MAX_TOPIC_CHARS 80

struct _SkEmotionTool
{
  SkTool parent_instance;

  GListStore     *topics;

  GtkWidget      *box;
  GtkWidget      *prompt_box;
  GtkWidget      *cards;
  GtkWidget      *add_box;
  GtkWidget      *add_entry;
  GtkWidget      *add_button;
  guint           build_id;
};

G_DEFINE_FINAL_TYPE (SkEmotionTool, sk_emotion_tool, SK_TYPE_TOOL)

/* Faces on paper are the summary's own items: nothing to draw here. */
const SkToolRender sk_emotion_render = { NULL, NULL };

/* Cards built before the first frame; the rest follow right after it, so
 * that a conversation opens at once. */
#define CARDS_AT_ONCE 2

static GtkWidget *
card_at (SkEmotionTool *self,
         guint          position)
{
  GtkWidget *child = gtk_widget_get_first_child (self->cards);

  for (guint i = 0; i < position && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
insert_card (SkEmotionTool *self,
             guint          position)
{
  g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (self->topics), position);
  GtkWidget *card = sk_emotion_card_new (sk_tool_get_store (SK_TOOL (self)), self->topics, rating,
                                         sk_tool_get_caseworker (SK_TOOL (self)));

  sk_face_scale_set_three (sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card)),
                           sk_tool_get_way (SK_TOOL (self)) == SK_WAY_PICTURES);
  gtk_box_insert_child_after (GTK_BOX (self->cards), card,
                              position > 0 ? card_at (self, position - 1) : NULL);
}

/* Picture mode: three larger faces on every card. */
static void
sk_emotion_tool_way_changed (SkTool *tool)
{
  SkEmotionTool *self = SK_EMOTION_TOOL (tool);
  gboolean three = sk_tool_get_way (tool) == SK_WAY_PICTURES;

  for (GtkWidget *card = gtk_widget_get_first_child (self->cards); card != NULL; card = gtk_widget_get_next_sibling (card))
    sk_face_scale_set_three (sk_emotion_card_get_face_scale (SK_EMOTION_CARD (card)), three);
}

static guint
n_cards (SkEmotionTool *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->cards); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
build_more_cb (gpointer user_data)
{
  SkEmotionTool *self = user_data;
  guint n = n_cards (self);

  if (self->topics == NULL || n >= g_list_model_get_n_items (G_LIST_MODEL (self->topics)))
    {
      self->build_id = 0;
      return G_SOURCE_REMOVE;
    }
  insert_card (self, n);
  return G_SOURCE_CONTINUE;
}

static void
rebuild_cards (SkEmotionTool *self)
{
  GtkWidget *child;
  guint n = self->topics ? g_list_model_get_n_items (G_LIST_MODEL (self->topics)) : 0;

  g_clear_handle_id (&self->build_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->cards)) != NULL)
    gtk_box_remove (GTK_BOX (self->cards), child);

  for (guint i = 0; i < MIN (n, CARDS_AT_ONCE); i++)
    insert_card (self, i);
  if (n > CARDS_AT_ONCE)
    self->build_id = g_idle_add (build_more_cb, self);
}

static void
topics_changed_cb (SkEmotionTool *self,
                   guint          position,
                   guint          removed,
                   guint          added)
{
  /* Cards still to be built are built by build_more_cb() in order. */
  if (self->build_id != 0 && position + removed >= n_cards (self))
    return;

  /* Only the cards that changed: the others keep their state and focus. */
  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *card = card_at (self, position);

      if (card != NULL)
        gtk_box_remove (GTK_BOX (self->cards), card);
    }
  for (guint i = 0; i < added; i++)
    insert_card (self, position + i);
}

static void
add_changed_cb (SkEmotionTool *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));

  gtk_widget_set_sensitive (self->add_button, *title != '\0' && self->topics != NULL);
}

static void
add_topic_cb (SkEmotionTool *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  g_autoptr(GError) error = NULL;

  if (*title == '\0' || self->topics == NULL)
    return;
  if (sk_emotions_add (sk_tool_get_store (SK_TOOL (self)), self->topics,
                       sk_record_get_id (SK_RECORD (sk_tool_get_conversation (SK_TOOL (self)))),
                       title, &error) == NULL)
    {
      sk_tool_report (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
}

static void
sk_emotion_tool_dispose (GObject *object)
{
  SkEmotionTool *self = SK_EMOTION_TOOL (object);

  g_clear_handle_id (&self->build_id, g_source_remove);
  if (self->topics != NULL)
    g_signal_handlers_disconnect_by_data (self->topics, self);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sk_emotion_tool_parent_class)->dispose (object);
}

static void
sk_emotion_tool_constructed (GObject *object)
{
  SkEmotionTool *self = SK_EMOTION_TOOL (object);
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));

  G_OBJECT_CLASS (sk_emotion_tool_parent_class)->constructed (object);

  gtk_widget_set_visible (self->add_box, caseworker);
  gtk_box_append (GTK_BOX (self->prompt_box),
                  sk_speaker_button_new (sk_tool_get_context (SK_TOOL (self)),
                                         _("Point at the face that fits best. You can choose words for your feelings too.")));
  if (!caseworker)
    gtk_widget_add_css_class (GTK_WIDGET (self), "for-child");
}

static void
sk_emotion_tool_conversation_changed (SkTool *tool)
{
  SkEmotionTool *self = SK_EMOTION_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  g_autoptr(GError) error = NULL;

  if (self->topics != NULL)
    g_signal_handlers_disconnect_by_data (self->topics, self);
  g_clear_object (&self->topics);

  if (conversation != NULL)
    {
      self->topics = sk_emotions_list (sk_tool_get_store (tool), sk_record_get_id (SK_RECORD (conversation)),
                                       TRUE, &error);
      if (self->topics == NULL)
        sk_tool_report (GTK_WIDGET (self), error);
      else
        g_signal_connect_object (self->topics, "items-changed", G_CALLBACK (topics_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  rebuild_cards (self);
  add_changed_cb (self);
}

static void
sk_emotion_tool_class_init (SkEmotionToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_emotion_tool_dispose;
  object_class->constructed = sk_emotion_tool_constructed;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_emotion_tool_conversation_changed;
  SK_TOOL_CLASS (klass)->way_changed = sk_emotion_tool_way_changed;

  gtk_widget_class_set_css_name (widget_class, "emotiontool");
}

static void
sk_emotion_tool_init (SkEmotionTool *self)
{
  GtkWidget *prompt, *title;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = gtk_label_new (_("How I feel"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), title);

  /* The prompt, with a speaker beside it (once the context is known). */
  self->prompt_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  prompt = gtk_label_new (_("Point at the face that fits best. You can choose words for your feelings too."));
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_widget_add_css_class (prompt, "tool-prompt");
  gtk_box_append (GTK_BOX (self->prompt_box), prompt);
  gtk_box_append (GTK_BOX (self->box), self->prompt_box);

  self->cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->box), self->cards);

  /* The caseworker's own topics. */
  self->add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->add_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->add_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->add_entry), _("Another topic, e.g. “Football”"));
  gtk_entry_set_max_length (GTK_ENTRY (self->add_entry), MAX_TOPIC_CHARS);
  sk_editable_keep_one_line (GTK_EDITABLE (self->add_entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New topic"), -1);
  g_signal_connect_object (self->add_entry, "changed", G_CALLBACK (add_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_entry, "activate", G_CALLBACK (add_topic_cb), self, G_CONNECT_SWAPPED);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Topic"));
  sk_accessible_tidy_mnemonics (self->add_button);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_topic_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  gtk_box_append (GTK_BOX (self->add_box), self->add_entry);
  gtk_box_append (GTK_BOX (self->add_box), self->add_button);
  gtk_box_append (GTK_BOX (self->box), self->add_box);
}

GListModel *
sk_emotion_tool_get_topics (SkEmotionTool *self)
{
  g_return_val_if_fail (SK_IS_EMOTION_TOOL (self), NULL);

  return G_LIST_MODEL (self->topics);
}
