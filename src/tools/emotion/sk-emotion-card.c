/* sk-emotion-card.c — one topic of "How I feel"
 *
 * The question, the five faces, the feeling words, the child's own words
 * about the topic, whether the parents may see it, and the faces chosen
 * for the same topic before.  In the caseworker's view the topic can be
 * renamed, moved and removed; in the child's view it cannot.
 */
#include "config.h"

#include "sk-emotion-card.h"
#include "sk-accessible.h"
#include "sk-shared-button.h"
#include "sk-art-image.h"
#include "sk-face-scale.h"
#include "sk-format.h"
#include "sk-note-field.h"
#include "sk-undo.h"
#include "sk-widget-util.h"
#include "sk-tool.h"

#include <glib/gi18n-lib.h>

/* At most this many earlier faces are shown. */
#define HISTORY_MAX 6

struct _SkEmotionCard
{
  GtkWidget parent_instance;

  SkStore         *store;
  GListStore      *topics;
  SkEmotionRating *rating;
  GBinding        *face_binding;
  GBinding        *shared_binding;
  gboolean         syncing;

  GtkLabel        *question_label;
  GtkWidget       *topic_menu_button;
  GtkWidget       *feelings_button;
  SkFaceScale     *face_scale;
  GtkFlowBox      *chosen_feelings;
  GtkFlowBox      *all_feelings;
  SkNoteField     *words_field;
  GtkToggleButton *shared_button;
  GtkBox          *history_box;
};

G_DEFINE_FINAL_TYPE (SkEmotionCard, sk_emotion_card, GTK_TYPE_WIDGET)

static GtkWidget *
feeling_chip_content (const char *key,
                      int         size)
{
  g_autofree char *art = g_strconcat ("feeling-", key, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), sk_art_image_new (art, size));
  gtk_box_append (GTK_BOX (box), gtk_label_new (sk_feeling_label (key)));
  return box;
}

static void
chosen_chip_clicked_cb (GtkButton     *chip,
                        SkEmotionCard *self)
{
  sk_emotion_rating_toggle_feeling (self->rating, g_object_get_data (G_OBJECT (chip), "feeling"));
}

static void
update_feelings (SkEmotionCard *self)
{
  g_auto(GStrv) chosen = sk_emotion_rating_dup_feelings (self->rating);
  GtkWidget *child;

  /* The words the child chose, each a chip that takes itself away. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chosen_feelings))) != NULL)
    gtk_flow_box_remove (self->chosen_feelings, child);
  for (guint i = 0; chosen[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_button_new ();
      g_autofree char *remove = g_strdup_printf (_("%s, chosen. Click to take it away."),
                                                 sk_feeling_label (chosen[i]));

      gtk_button_set_child (GTK_BUTTON (chip), feeling_chip_content (chosen[i], 28));
      gtk_widget_add_css_class (chip, "feeling-chip");
      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (chip, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      g_object_set_data_full (G_OBJECT (chip), "feeling", g_strdup (chosen[i]), g_free);
      g_signal_connect_object (chip, "clicked", G_CALLBACK (chosen_chip_clicked_cb), self, 0);
      gtk_flow_box_append (self->chosen_feelings, chip);
      /* One Tab stop a chip: the chip, not the flow box's cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }

  /* The same choice in the list of all words. */
  self->syncing = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->all_feelings));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *key = g_object_get_data (G_OBJECT (toggle), "feeling");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    g_strv_contains ((const char * const *) chosen, key));
    }
  self->syncing = FALSE;
}

static void
feeling_toggled_cb (GtkToggleButton *toggle,
                    SkEmotionCard   *self)
{
  const char *key = g_object_get_data (G_OBJECT (toggle), "feeling");

  if (self->syncing || self->rating == NULL)
    return;
  if (gtk_toggle_button_get_active (toggle) != sk_emotion_rating_has_feeling (self->rating, key))
    sk_emotion_rating_toggle_feeling (self->rating, key);
}

static void
update_question (SkEmotionCard *self)
{
  g_autofree char *question = sk_emotion_rating_dup_question (self->rating);

  g_autofree char *title = sk_emotion_rating_dup_title (self->rating);
  g_autofree char *words = g_strdup_printf (_("In your own words about “%s”"), title);
  g_autofree char *feelings = g_strdup_printf (_("Feelings about “%s”"), title);
  g_autofree char *menu = g_strdup_printf (_("Rename, move or remove “%s”"), title);

  gtk_label_set_label (self->question_label, question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->face_scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  /* Seven topics, seven fields and buttons: each says which topic it is. */
  sk_note_field_set_spoken_name (self->words_field, words);
  sk_accessible_set_label (self->feelings_button, feelings);
  sk_accessible_set_label (self->topic_menu_button, menu);
}

static void
update_history (SkEmotionCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) history = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_box))) != NULL)
    gtk_box_remove (self->history_box, child);

  history = sk_emotions_history (self->store, self->rating, &error);
  if (history == NULL)
    {
      sk_tool_report (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_box), history->len > 0);
  if (history->len == 0)
    return;

  {
    GtkWidget *title = gtk_label_new (_("Before:"));

    gtk_widget_add_css_class (title, "dim-label");
    gtk_box_append (self->history_box, title);
  }
  for (guint i = history->len > HISTORY_MAX ? history->len - HISTORY_MAX : 0; i < history->len; i++)
    {
      SkEmotionPoint *point = &g_array_index (history, SkEmotionPoint, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (point->started_at);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *day = local ? sk_format_short_date (local) : g_strdup ("");
      g_autofree char *full = local ? sk_format_date (local) : g_strdup ("");
      g_autofree char *description = g_strdup_printf ("%s: %s", full, sk_face_label (point->face));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *date = gtk_label_new (day);

      gtk_box_append (GTK_BOX (box), sk_art_image_new (sk_face_art (point->face), 36));
      gtk_widget_add_css_class (date, "caption");
      gtk_box_append (GTK_BOX (box), date);
      gtk_widget_set_tooltip_text (box, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_box_append (self->history_box, box);
    }
}

static void
rating_notify_cb (SkEmotionCard *self,
                  GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "feelings"))
    update_feelings (self);
  else if (g_str_equal (pspec->name, "topic"))
    update_question (self);
}

static guint
topic_position (SkEmotionCard *self)
{
  guint position = 0;

  g_list_store_find (self->topics, self->rating, &position);
  return position;
}

static void
move_topic (SkEmotionCard *self,
            int            step)
{
  g_autoptr(GError) error = NULL;
  guint from = topic_position (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  int to = (int) from + step;

  if (to < 0 || to >= (int) n)
    return;
  if (!sk_emotions_move (self->store, self->topics, from, to, &error))
    sk_tool_report (GTK_WIDGET (self), error);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_topic (SK_EMOTION_CARD (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_topic (SK_EMOTION_CARD (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SkEmotionCard *self = SK_EMOTION_CARD (widget);
  g_autofree char *title = sk_emotion_rating_dup_title (self->rating);
  /* Translators: %s is a topic of the emotion scale */
  g_autofree char *message = g_markup_printf_escaped (_("The topic “%s” was removed"), title);
  g_autoptr(SkEmotionRating) rating = g_object_ref (self->rating);

  /* The card goes with its topic: everything needed is held here. */
  sk_undo_trash (widget, self->store, SK_RECORD (rating), self->topics, sk_record_compare_position, message, NULL, NULL);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SkEmotionRating  *rating)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") == 0 && *title != '\0')
    g_object_set (rating, "topic", title, NULL);
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SkEmotionCard *self = SK_EMOTION_CARD (widget);
  g_autofree char *title = sk_emotion_rating_dup_title (self->rating);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              _("Rename Topic"), NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 80);
  sk_editable_keep_one_line (GTK_EDITABLE (entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb),
                         g_object_ref (self->rating), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sk_emotion_card_dispose (GObject *object)
{
  SkEmotionCard *self = SK_EMOTION_CARD (object);

  sk_binding_clear (&self->face_binding);
  sk_binding_clear (&self->shared_binding);
  if (self->rating != NULL)
    g_signal_handlers_disconnect_by_data (self->rating, self);
  g_clear_object (&self->rating);
  g_clear_object (&self->topics);
  g_clear_object (&self->store);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_EMOTION_CARD);

  G_OBJECT_CLASS (sk_emotion_card_parent_class)->dispose (object);
}

static void ensure_all_feelings (SkEmotionCard *self);

/* The popover itself is shown (not its content, which stays visible):
 * its words are built now, before it is measured. */
static void
feelings_popover_show_cb (SkEmotionCard *self)
{
  ensure_all_feelings (self);
}

static void
sk_emotion_card_class_init (SkEmotionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_emotion_card_dispose;

  g_type_ensure (SK_TYPE_FACE_SCALE);
  g_type_ensure (SK_TYPE_NOTE_FIELD);
  g_type_ensure (SK_TYPE_SHARED_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-emotion-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, question_label);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, topic_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, feelings_button);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, face_scale);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, chosen_feelings);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, all_feelings);
  gtk_widget_class_bind_template_callback (widget_class, feelings_popover_show_cb);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, words_field);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, shared_button);
  gtk_widget_class_bind_template_child (widget_class, SkEmotionCard, history_box);

  gtk_widget_class_install_action (widget_class, "topic.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "topic.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "topic.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "topic.remove", NULL, remove_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "emotioncard");
}

/* The list of all feeling words is built when first opened: most cards
 * never need it, and a conversation opens faster without it. */
static void
ensure_all_feelings (SkEmotionCard *self)
{
  guint n;
  const SkWord *words;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->all_feelings)) != NULL)
    return;

  words = sk_feeling_words (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (toggle), feeling_chip_content (words[i].key, 40));
      gtk_widget_add_css_class (toggle, "feeling-chip");
      g_object_set_data (G_OBJECT (toggle), "feeling", (gpointer) words[i].key);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(words[i].label), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (feeling_toggled_cb), self, 0);
      gtk_flow_box_append (self->all_feelings, toggle);
      gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
    }
  update_feelings (self);
}

static void
sk_emotion_card_init (SkEmotionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sk_emotion_card_new:
 * @topics: the list @rating is in, for moving and removing
 * @caseworker: %TRUE in the caseworker's view, where the topic can be
 *   renamed, moved and removed
 */
GtkWidget *
sk_emotion_card_new (SkStore         *store,
                     GListStore      *topics,
                     SkEmotionRating *rating,
                     gboolean         caseworker)
{
  SkEmotionCard *self;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (topics), NULL);
  g_return_val_if_fail (SK_IS_EMOTION_RATING (rating), NULL);

  self = g_object_new (SK_TYPE_EMOTION_CARD, NULL);
  self->store = g_object_ref (store);
  self->topics = g_object_ref (topics);
  self->rating = g_object_ref (rating);

  self->face_binding = sk_bind (rating, "face", self->face_scale, "value",
                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  self->shared_binding = sk_bind (rating, "shared", self->shared_button, "active",
                                  G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  sk_note_field_bind (self->words_field, SK_RECORD (rating), "child-words");
  g_signal_connect_object (rating, "notify", G_CALLBACK (rating_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (self->topic_menu_button, caseworker);
  update_question (self);
  update_feelings (self);
  update_history (self);
  return GTK_WIDGET (self);
}

SkEmotionRating *
sk_emotion_card_get_rating (SkEmotionCard *self)
{
  g_return_val_if_fail (SK_IS_EMOTION_CARD (self), NULL);

  return self->rating;
}

SkFaceScale *
sk_emotion_card_get_face_scale (SkEmotionCard *self)
{
  g_return_val_if_fail (SK_IS_EMOTION_CARD (self), NULL);

  return self->face_scale;
}

/* The toggle of feeling @key in the list of all feeling words. */
GtkToggleButton *
sk_emotion_card_get_feeling_toggle (SkEmotionCard *self,
                                    const char    *key)
{
  g_return_val_if_fail (SK_IS_EMOTION_CARD (self), NULL);

  ensure_all_feelings (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->all_feelings));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "feeling"), key) == 0)
        return GTK_TOGGLE_BUTTON (toggle);
    }
  return NULL;
}

GtkToggleButton *
sk_emotion_card_get_shared_button (SkEmotionCard *self)
{
  g_return_val_if_fail (SK_IS_EMOTION_CARD (self), NULL);

  return self->shared_button;
}

GtkWidget *
sk_emotion_card_get_history (SkEmotionCard *self)
{
  g_return_val_if_fail (SK_IS_EMOTION_CARD (self), NULL);

  return GTK_WIDGET (self->history_box);
}
