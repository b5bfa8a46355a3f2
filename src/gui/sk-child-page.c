/* sk-child-page.c — one child: details and conversations, newest first */
#include "config.h"

#include "sk-child-page.h"
#include "sk-widget-util.h"
#include "sk-conversation.h"
#include "sk-format.h"
#include "sk-lundy.h"
#include "sk-lundy-marks.h"
#include "sk-lundy-tool.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

struct _SkChildPage
{
  GtkWidget parent_instance;

  SkStore    *store;
  SkChild    *child;
  GListModel *conversations;

  AdwAvatar  *avatar;
  GtkLabel   *name_label;
  GtkLabel   *details_label;
  GtkListBox *conversation_list;
  GtkWidget  *new_conversation_button;
};

G_DEFINE_FINAL_TYPE (SkChildPage, sk_child_page, GTK_TYPE_WIDGET)

enum {
  CONVERSATION_ACTIVATED,
  CONVERSATION_OPEN_TOOL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

extern const SkToolModule sk_lundy_module;

static char *
conversation_subtitle (SkConversation *conversation)
{
  const char *place = sk_conversation_get_text (conversation, "place");
  const char *purpose = sk_conversation_get_text (conversation, "purpose");

  if (*place != '\0' && *purpose != '\0')
    return g_strdup_printf ("%s · %s", place, purpose);
  return g_strdup (*place != '\0' ? place : purpose);
}

static void
update_row (AdwActionRow *row)
{
  SkConversation *conversation = g_object_get_data (G_OBJECT (row), "conversation");
  g_autoptr(GDateTime) local = sk_conversation_dup_local_time (conversation);
  g_autofree char *title = local ? sk_format_date_time (local) : g_strdup ("");
  g_autofree char *subtitle = conversation_subtitle (conversation);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

static void
prepare_clicked_cb (GtkButton *button)
{
  SkChildPage *self = SK_CHILD_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), SK_TYPE_CHILD_PAGE));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_signal_emit (self, signals[CONVERSATION_OPEN_TOOL], 0, g_object_get_data (G_OBJECT (row), "conversation"),
                 sk_lundy_module.id, SK_LUNDY_PAGE_BEFORE);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SkConversation *conversation = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *marks = sk_lundy_marks_new ();
  GtkWidget *prepare = gtk_button_new_with_label (_("Prepare"));

  g_object_set_data_full (G_OBJECT (row), "conversation", g_object_ref (conversation), g_object_unref);
  g_object_set_data (G_OBJECT (row), "marks", marks);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Progress at a glance: the four Lundy steps. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), marks);
  /* Opens the conversation on its preparation. */
  gtk_widget_set_valign (prepare, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (prepare, "flat");
  gtk_widget_set_tooltip_text (prepare, _("Prepare the conversation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (prepare), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Prepare the conversation"), -1);
  g_signal_connect (prepare, "clicked", G_CALLBACK (prepare_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), prepare);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set (row, "subtitle-lines", 1, NULL);
  update_row (ADW_ACTION_ROW (row));

  g_signal_connect_object (conversation, "notify::started-at", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (conversation, "notify::place", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (conversation, "notify::purpose", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  return row;
}

/* The marks follow the answers whenever the list comes into view: after
 * preparing or evaluating, the caseworker comes back to it. */
static void
update_marks (SkChildPage *self)
{
  g_autoptr(GHashTable) progress = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->child == NULL)
    return;
  progress = sk_lundy_progress_for_child (self->store, sk_record_get_id (SK_RECORD (self->child)), &error);
  if (progress == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->conversation_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SkConversation *conversation = g_object_get_data (G_OBJECT (row), "conversation");
      GtkWidget *marks = g_object_get_data (G_OBJECT (row), "marks");
      gint64 id;

      if (conversation == NULL || marks == NULL)
        continue;
      id = sk_record_get_id (SK_RECORD (conversation));
      sk_lundy_marks_set_mask (SK_LUNDY_MARKS (marks), GPOINTER_TO_UINT (g_hash_table_lookup (progress, &id)));
    }
}

static void
row_activated_cb (SkChildPage   *self,
                  GtkListBoxRow *row)
{
  SkConversation *conversation = g_object_get_data (G_OBJECT (row), "conversation");

  g_signal_emit (self, signals[CONVERSATION_ACTIVATED], 0, conversation);
}

static void
update_header (SkChildPage *self)
{
  g_autofree char *details = NULL;

  if (self->child == NULL)
    return;

  adw_avatar_set_text (self->avatar, sk_child_get_name (self->child));
  gtk_label_set_label (self->name_label, sk_child_get_name (self->child));
  details = sk_child_describe (self->child);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
}

static void
sk_child_page_dispose (GObject *object)
{
  SkChildPage *self = SK_CHILD_PAGE (object);

  if (self->child != NULL)
    g_signal_handlers_disconnect_by_data (self->child, self);
  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_data (self->conversations, self);
  g_clear_object (&self->child);
  g_clear_object (&self->conversations);
  g_clear_object (&self->store);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CHILD_PAGE);

  G_OBJECT_CLASS (sk_child_page_parent_class)->dispose (object);
}

static void
sk_child_page_class_init (SkChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_child_page_dispose;

  signals[CONVERSATION_ACTIVATED] =
    g_signal_new ("conversation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SK_TYPE_CONVERSATION);
  /* A way into a conversation on one part of a tool: the tool's id and
   * the part ("Prepare": the Lundy model, before). */
  signals[CONVERSATION_OPEN_TOOL] =
    g_signal_new ("conversation-open-tool",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, SK_TYPE_CONVERSATION, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SkChildPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SkChildPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SkChildPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, SkChildPage, conversation_list);
  gtk_widget_class_bind_template_child (widget_class, SkChildPage, new_conversation_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sk_child_page_init (SkChildPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No conversations yet. Start the first one with “New Conversation”."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->conversation_list, placeholder);
  g_signal_connect (self, "map", G_CALLBACK (update_marks), NULL);
}

/* The database the children's Lundy marks are read from. */
void
sk_child_page_set_store (SkChildPage *self,
                         SkStore     *store)
{
  g_return_if_fail (SK_IS_CHILD_PAGE (self));

  g_set_object (&self->store, store);
}

void
sk_child_page_set_child (SkChildPage *self,
                         SkChild     *child,
                         GListModel  *conversations)
{
  g_return_if_fail (SK_IS_CHILD_PAGE (self));
  g_return_if_fail (child == NULL || SK_IS_CHILD (child));

  if (self->child != NULL)
    g_signal_handlers_disconnect_by_data (self->child, self);
  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_data (self->conversations, self);
  g_set_object (&self->child, child);
  g_set_object (&self->conversations, conversations);
  /* A conversation back from the trash (Undo) gets a new row: its marks
   * are read again, after the list has made the row. */
  if (conversations != NULL)
    g_signal_connect_object (conversations, "items-changed", G_CALLBACK (update_marks), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  if (child != NULL)
    {
      g_signal_connect_object (child, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
      update_header (self);
    }
  gtk_list_box_bind_model (self->conversation_list, conversations, create_row_cb, self, NULL);
  update_marks (self);
}

/**
 * sk_child_describe:
 *
 * Returns: one line with the birth year, case reference and language
 * that are known, for the caseworker's eyes
 */
char *
sk_child_describe (SkChild *child)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SK_IS_CHILD (child), NULL);

  if (sk_child_get_birth_year (child) > 0)
    /* Translators: %d is a year */
    g_ptr_array_add (parts, g_strdup_printf (_("Born %d"), sk_child_get_birth_year (child)));
  if (*sk_child_get_case_ref (child) != '\0')
    g_ptr_array_add (parts, g_strdup (sk_child_get_case_ref (child)));
  if (*sk_child_get_language (child) != '\0')
    /* Translators: %s is the language the child prefers, e.g. "Arabic" */
    g_ptr_array_add (parts, g_strdup_printf (_("Speaks %s"), sk_child_get_language (child)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

/**
 * sk_child_page_focus_start:
 *
 * The keyboard where the next step is: on the newest conversation, or on
 * "New Conversation" when there is none.
 */
void
sk_child_page_focus_start (SkChildPage *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (SK_IS_CHILD_PAGE (self));

  first = gtk_list_box_get_row_at_index (self->conversation_list, 0);
  if (first != NULL && gtk_widget_grab_focus (GTK_WIDGET (first)))
    return;
  gtk_widget_grab_focus (self->new_conversation_button);
}
