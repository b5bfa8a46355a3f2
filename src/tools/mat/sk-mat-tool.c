/* sk-mat-tool.c — the picture mat: today's cards, and three columns the
 * child sorts them into
 *
 * The caseworker chooses today's cards from the topic sets (or writes a
 * card of their own); they wait on the tray.  The child puts each in a
 * column, in whichever way suits the child: dragging it there (pointer or
 * finger), touching it and then the column, or with keys — a card has
 * the keyboard, 1, 2 and 3 put it in Good, Not sure and Not good, 0 takes
 * it back to the tray; Enter chooses it, and Enter on a column's heading
 * puts it there.  A card can be moved again at any time.  In the
 * caseworker's view every placed card has a line for what the child said
 * or did.  Each move reaches the file at once.
 *
 * Switch access (the "scanning" setting), for a child who can press one
 * switch but not point: in the child's view a highlight steps through the
 * cards, one at a time at the settable pace; Space chooses the card, then
 * the highlight steps through the columns (and the tray), and Space puts
 * it there.
 */
#include "config.h"

#include "sk-mat-tool.h"
#include "sk-mat.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-entry-row.h"
#include "sk-tools.h"
#include "sk-undo.h"
#include "sk-speak.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sk-widget-util.h"

#define MAX_WORD_CHARS 40

struct _SkMatTool
{
  SkTool parent_instance;

  GListStore *cards;
  gint64      chosen;        /* the card touched first (tap, then column): its id, 0 none */
  gboolean    syncing;       /* setting the picker's toggles to the cards */

  GtkWidget  *box;
  GtkWidget  *title;
  GtkWidget  *picker_button;
  GtkWidget  *picker_toggles;  /* the picker's sets, each with its flow box of toggles */
  GtkWidget  *own_entry;
  GtkWidget  *own_symbol;
  GtkWidget  *own_add;
  GtkWidget  *prompt;
  GtkWidget  *empty;
  GtkWidget  *tray_box;
  GtkWidget  *tray;
  GtkWidget  *mat;
  GtkWidget  *columns[SK_MAT_N_COLUMNS + 1];   /* [SK_MAT_GOOD…SK_MAT_BAD]: the column boxes */
  GtkWidget  *heads[SK_MAT_N_COLUMNS + 1];     /* their heading buttons */
  GtkWidget  *placed[SK_MAT_N_COLUMNS + 1];    /* their card boxes; [SK_MAT_NONE] is the tray */
  GtkWidget  *notes_box;
  GtkWidget  *notes;
  GPtrArray  *bindings;

  guint       scan_id;
  int         scan_index;
  GtkWidget  *scanned;       /* weak: the highlighted card or column */
};

G_DEFINE_FINAL_TYPE (SkMatTool, sk_mat_tool, SK_TYPE_TOOL)

static void rebuild (SkMatTool *self);

static SkMatCard *
find_card (SkMatTool *self,
           gint64     id)
{
  for (guint i = 0; self->cards != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (sk_record_get_id (SK_RECORD (card)) == id)
        return card;   /* the list holds it */
    }
  return NULL;
}

static gint64
card_id_of (GtkWidget *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "sk-mat-card-id"));
}

/* A column's (or the tray's) highlight: a frame laid over it that holds
 * nothing, so that lighting it up restyles one widget, not every card. */
static GtkWidget *
frame_of (GtkWidget *column)
{
  GtkWidget *frame = g_object_get_data (G_OBJECT (column), "sk-mat-frame");

  return frame != NULL ? frame : column;
}

static GtkWidget *
framed (GtkWidget *column)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (frame, "mat-frame");
  gtk_widget_set_can_target (frame, FALSE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), column);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), frame);
  g_object_set_data (G_OBJECT (column), "sk-mat-frame", frame);
  return overlay;
}

static void
place (SkMatTool   *self,
       SkMatCard   *card,
       SkMatColumn  column)
{
  self->chosen = 0;
  if (sk_mat_card_get_column (card) == column)
    {
      rebuild (self);
      return;
    }
  sk_mat_card_place (card, column, G_LIST_MODEL (self->cards));
  /* notify::mat-column rebuilds the mat. */
}

/* Touched: chosen, or not chosen any more; then a column takes it. */
static void
card_clicked_cb (GtkButton *button,
                 SkMatTool *self)
{
  gint64 id = card_id_of (GTK_WIDGET (button));
  SkMatCard *card = find_card (self, id);

  if (card != NULL)
    {
      g_autofree char *word = sk_mat_card_dup_word (card);

      sk_tool_say (SK_TOOL (self), word);
    }
  self->chosen = self->chosen == id ? 0 : id;
  rebuild (self);
}

static void
column_chosen (SkMatTool   *self,
               SkMatColumn  column)
{
  SkMatCard *card = self->chosen != 0 ? find_card (self, self->chosen) : NULL;

  sk_tool_say (SK_TOOL (self), sk_mat_column_label (column));
  if (card != NULL)
    place (self, card, column);
}

static void
head_clicked_cb (GtkButton *button,
                 SkMatTool *self)
{
  column_chosen (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sk-mat-column")));
}

/* A touch on a column's empty space counts as a touch on the column. */
static void
column_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SkMatTool       *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *hit = gtk_widget_pick (column, x, y, GTK_PICK_DEFAULT);

  /* Not when a card or the heading was touched: they answer themselves. */
  for (GtkWidget *w = hit; w != NULL && w != column; w = gtk_widget_get_parent (w))
    if (GTK_IS_BUTTON (w))
      return;
  column_chosen (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "sk-mat-column")));
}

static gboolean
card_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             SkMatTool             *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  SkMatCard *card = find_card (self, card_id_of (button));
  SkMatColumn column;

  if (card == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: column = SK_MAT_GOOD; break;
    case GDK_KEY_2: case GDK_KEY_KP_2: column = SK_MAT_UNSURE; break;
    case GDK_KEY_3: case GDK_KEY_KP_3: column = SK_MAT_BAD; break;
    case GDK_KEY_0: case GDK_KEY_KP_0: case GDK_KEY_BackSpace: column = SK_MAT_NONE; break;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  place (self, card, column);
  return GDK_EVENT_STOP;
}

/* Drag and drop: the card's id travels as text within the program. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 SkMatTool     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autofree char *id = g_strdup_printf ("sk-mat-card:%" G_GINT64_FORMAT, card_id_of (button));

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               SkMatTool     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (button);
  /* A still picture of the card: the icon is not drawn anew with the
   * card (which fades while it is away). */
  g_autoptr(GdkPaintable) picture = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, picture, gtk_widget_get_width (button) / 2, gtk_widget_get_height (button) / 2);
  gtk_widget_add_css_class (button, "dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             SkMatTool     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  /* Dropped on a column, the card was built again there. */
  if (button != NULL)
    gtk_widget_remove_css_class (button, "dragged");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SkMatTool     *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *text = g_value_get_string (value);
  guint64 id;
  SkMatCard *card;

  gtk_widget_remove_css_class (frame_of (column), "drop-hover");
  if (text == NULL || !g_str_has_prefix (text, "sk-mat-card:") ||
      !g_ascii_string_to_unsigned (text + strlen ("sk-mat-card:"), 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  card = find_card (self, (gint64) id);
  if (card == NULL)
    return FALSE;
  place (self, card, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "sk-mat-column")));
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               SkMatTool     *self)
{
  gtk_widget_add_css_class (frame_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target))), "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               SkMatTool     *self)
{
  gtk_widget_remove_css_class (frame_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target))), "drop-hover");
}

static void
add_drop_target (SkMatTool   *self,
                 GtkWidget   *widget,
                 SkMatColumn  column)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (widget), "sk-mat-column", GINT_TO_POINTER (column));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* A card: its picture, its word. */
static GtkWidget *
card_button_new (SkMatTool *self,
                 SkMatCard *card)
{
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));
  g_autofree char *word = sk_mat_card_dup_word (card);
  g_autofree char *name = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (word);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  SkMatColumn column = sk_mat_card_get_column (card);
  gint64 id = sk_record_get_id (SK_RECORD (card));

  gtk_box_append (GTK_BOX (box), sk_art_image_new (sk_mat_card_get_art (card), caseworker ? 64 : 96));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "mat-card");
  if (self->chosen == id)
    gtk_widget_add_css_class (button, "chosen");
  g_object_set_data (G_OBJECT (button), "sk-mat-card-id", GSIZE_TO_POINTER ((gsize) id));

  /* Translators: a picture card for a screen reader: 1$ its word, 2$ where
   * it is ("Good", "Cards") */
  name = g_strdup_printf (_("%1$s, %2$s"), word, sk_mat_column_label (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("1: good, 2: not sure, 3: not good, 0: back to the cards"), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                               self->chosen == id ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (card_clicked_cb), self, 0);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (card_key_cb), self, 0);
  gtk_widget_add_controller (button, keys);
  return button;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add_card (SkMatTool *self,
          GtkWidget *flow,
          SkMatCard *card)
{
  GtkWidget *button = card_button_new (self, card);
  GtkWidget *child;

  gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
  /* The card takes the keyboard, not the flow box's cell around it. */
  child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (child, FALSE);
}

/* The line for the caseworker's note on one placed card. */
static void
add_note_row (SkMatTool *self,
              SkMatCard *card)
{
  g_autofree char *word = sk_mat_card_dup_word (card);
  g_autofree char *title = NULL;
  GtkWidget *row = sk_entry_row_new ();

  /* Translators: the title of the caseworker's note on a picture card,
   * under "What the child said or did": 1$ its word, 2$ its column */
  title = g_strdup_printf (_("%1$s (%2$s)"), word,
                           sk_mat_column_label (sk_mat_card_get_column (card)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sk_editable_keep_one_line (GTK_EDITABLE (row));
  g_ptr_array_add (self->bindings, sk_bind (card, "note", row, "text",
                                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  gtk_list_box_append (GTK_LIST_BOX (self->notes), row);
}

static void
sync_picker (SkMatTool *self)
{
  self->syncing = TRUE;
  for (GtkWidget *set = gtk_widget_get_first_child (self->picker_toggles); set != NULL; set = gtk_widget_get_next_sibling (set))
    {
      GtkWidget *flow = g_object_get_data (G_OBJECT (set), "sk-mat-flow");

      if (flow == NULL)
        continue;
      for (GtkWidget *cell = gtk_widget_get_first_child (flow); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
          const char *symbol = g_object_get_data (G_OBJECT (toggle), "sk-mat-symbol");

          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                        self->cards != NULL && sk_mat_cards_find (G_LIST_MODEL (self->cards), symbol) != NULL);
          gtk_widget_set_sensitive (toggle, self->cards != NULL);
        }
    }
  gtk_widget_set_sensitive (self->own_add, self->cards != NULL);
  self->syncing = FALSE;
}

static gboolean
one_at_a_time (SkMatTool *self)
{
  SkContext *context = sk_tool_get_context (SK_TOOL (self));

  return context != NULL && !sk_tool_get_caseworker (SK_TOOL (self)) &&
         sk_tool_get_way (SK_TOOL (self)) == SK_WAY_PICTURES &&
         g_settings_get_boolean (sk_context_get_settings (context), "low-stimulation");
}

static void
rebuild (SkMatTool *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gint64 focused = 0;
  guint n = self->cards != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cards)) : 0;
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));
  guint n_placed = 0;

  /* The card with the keyboard keeps it, wherever it now lies. */
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "mat-card") && gtk_widget_is_ancestor (w, GTK_WIDGET (self)))
      focused = card_id_of (w);
  if (self->chosen != 0 && find_card (self, self->chosen) == NULL)
    self->chosen = 0;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);
  for (int column = SK_MAT_NONE; column <= SK_MAT_BAD; column++)
    clear_box (self->placed[column]);
  clear_box (self->notes);

  for (int column = SK_MAT_NONE; column <= SK_MAT_BAD && self->cards != NULL; column++)
    {
      g_autoptr(GPtrArray) in = sk_mat_cards_in_column (G_LIST_MODEL (self->cards), column);

      for (guint i = 0; i < in->len; i++)
        {
          /* Low stimulation: the tray shows the next card only. */
          if (column == SK_MAT_NONE && i > 0 && one_at_a_time (self))
            break;
          add_card (self, self->placed[column], in->pdata[i]);
          if (column != SK_MAT_NONE && caseworker)
            add_note_row (self, in->pdata[i]);
        }
      if (column != SK_MAT_NONE)
        n_placed += in->len;
      else
        gtk_widget_set_visible (gtk_widget_get_parent (self->tray_box), in->len > 0);
    }
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      if (self->chosen != 0)
        gtk_widget_add_css_class (frame_of (self->columns[column]), "drop-ready");
      else
        gtk_widget_remove_css_class (frame_of (self->columns[column]), "drop-ready");
    }
  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->mat, n > 0);
  gtk_widget_set_visible (self->prompt, n > 0);
  gtk_widget_set_visible (self->notes_box, caseworker && n_placed > 0);
  sync_picker (self);

  if (focused != 0)
    for (int column = SK_MAT_NONE; column <= SK_MAT_BAD; column++)
      for (GtkWidget *cell = gtk_widget_get_first_child (self->placed[column]); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));

          if (card_id_of (button) == focused)
            gtk_widget_grab_focus (button);
        }
}

static void
card_changed_cb (SkMatTool *self)
{
  rebuild (self);
}

static void
watch_cards (SkMatTool *self,
             guint      position,
             guint      added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      g_signal_connect_object (card, "notify::mat-column", G_CALLBACK (card_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
cards_changed_cb (GListModel *cards,
                  guint       position,
                  guint       removed,
                  guint       added,
                  SkMatTool  *self)
{
  watch_cards (self, position, added);
  rebuild (self);
}

static void
unwatch (SkMatTool *self)
{
  if (self->cards == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      g_signal_handlers_disconnect_by_data (card, self);
    }
  g_signal_handlers_disconnect_by_data (self->cards, self);
  g_clear_object (&self->cards);
}

static void
add_symbol (SkMatTool  *self,
            const char *symbol,
            const char *word)
{
  g_autoptr(GError) error = NULL;
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));

  if (self->cards == NULL || conversation == NULL)
    return;
  if (sk_mat_cards_add (sk_tool_get_store (SK_TOOL (self)), self->cards,
                        sk_record_get_id (SK_RECORD (conversation)), symbol, word, &error) == NULL)
    sk_tool_report (GTK_WIDGET (self), error);
}

static void
remove_card (SkMatTool *self,
             SkMatCard *card)
{
  g_autofree char *word = sk_mat_card_dup_word (card);
  /* Translators: %s is the word of a picture card */
  g_autofree char *message = g_markup_printf_escaped (_("The card “%s” was removed"), word);
  g_autoptr(SkMatCard) held = g_object_ref (card);

  g_signal_handlers_disconnect_by_data (held, self);
  sk_undo_trash (GTK_WIDGET (self), sk_tool_get_store (SK_TOOL (self)), SK_RECORD (held), self->cards,
                 sk_record_compare_position, message, NULL, NULL);
}

static void
toggle_cb (GtkToggleButton *toggle,
           SkMatTool       *self)
{
  const char *symbol = g_object_get_data (G_OBJECT (toggle), "sk-mat-symbol");
  SkMatCard *card;

  if (self->syncing || self->cards == NULL)
    return;
  card = sk_mat_cards_find (G_LIST_MODEL (self->cards), symbol);
  if (gtk_toggle_button_get_active (toggle) && card == NULL)
    add_symbol (self, symbol, NULL);
  else if (!gtk_toggle_button_get_active (toggle) && card != NULL)
    remove_card (self, card);
}

static void
own_add_cb (SkMatTool *self)
{
  g_autofree char *word = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->own_entry))));
  guint n_symbols, selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->own_symbol));
  const SkMatSymbol *symbols = sk_mat_symbols (&n_symbols);

  if (*word == '\0' || selected >= n_symbols)
    {
      gtk_widget_error_bell (self->own_entry);
      return;
    }
  add_symbol (self, symbols[selected].key, word);
  gtk_editable_set_text (GTK_EDITABLE (self->own_entry), "");
}

/* The caseworker's choice of today's cards: a toggle per symbol, set by
 * set, and a card with a word of one's own. */
static GtkWidget *
picker_new (SkMatTool *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *own = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) words = gtk_string_list_new (NULL);
  guint n_sets, n_symbols;
  const SkMatSet *sets = sk_mat_sets (&n_sets);
  const SkMatSymbol *symbols = sk_mat_symbols (&n_symbols);

  self->picker_toggles = box;
  for (guint s = 0; s < n_sets; s++)
    {
      GtkWidget *set = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (_(sets[s].title));
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (set), heading);
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 5);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 10);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
      for (guint i = 0; i < n_symbols; i++)
        {
          GtkWidget *toggle, *cell_box, *label;

          if (g_strcmp0 (symbols[i].set, sets[s].key) != 0)
            continue;
          toggle = gtk_toggle_button_new ();
          cell_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          label = gtk_label_new (_(symbols[i].word));
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
          gtk_box_append (GTK_BOX (cell_box), sk_art_image_new (symbols[i].art, 48));
          gtk_box_append (GTK_BOX (cell_box), label);
          gtk_button_set_child (GTK_BUTTON (toggle), cell_box);
          gtk_widget_add_css_class (toggle, "mat-pick");
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _(symbols[i].word), -1);
          g_object_set_data (G_OBJECT (toggle), "sk-mat-symbol", (gpointer) symbols[i].key);
          g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggle_cb), self, 0);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), toggle);
          gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
        }
      gtk_box_append (GTK_BOX (set), flow);
      g_object_set_data (G_OBJECT (set), "sk-mat-flow", flow);
      gtk_box_append (GTK_BOX (box), set);
    }

  for (guint i = 0; i < n_symbols; i++)
    gtk_string_list_append (words, _(symbols[i].word));
  self->own_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->own_entry, TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (self->own_entry), MAX_WORD_CHARS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->own_entry), _("A card of your own, e.g. “Football”"));
  sk_editable_keep_one_line (GTK_EDITABLE (self->own_entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Word for a card of your own"), -1);
  g_signal_connect_object (self->own_entry, "activate", G_CALLBACK (own_add_cb), self, G_CONNECT_SWAPPED);
  self->own_symbol = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&words)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_symbol), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Picture for the card"), -1);
  gtk_widget_set_tooltip_text (self->own_symbol, _("Picture for the card"));
  self->own_add = gtk_button_new_with_mnemonic (_("_Add Card"));
  sk_accessible_tidy_mnemonics (self->own_add);
  g_signal_connect_object (self->own_add, "clicked", G_CALLBACK (own_add_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (own), self->own_entry);
  gtk_box_append (GTK_BOX (own), self->own_symbol);
  gtk_box_append (GTK_BOX (own), self->own_add);
  gtk_box_append (GTK_BOX (box), own);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (scroller, 560, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  return popover;
}

static GtkWidget *
flow_new (gboolean caseworker)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  return flow;
}

/* Switch access */

static gboolean
scanning (SkMatTool *self)
{
  SkContext *context = sk_tool_get_context (SK_TOOL (self));

  return context != NULL && !sk_tool_get_caseworker (SK_TOOL (self)) &&
         sk_tool_get_way (SK_TOOL (self)) == SK_WAY_PICTURES && self->cards != NULL &&
         g_settings_get_boolean (sk_context_get_settings (context), "scanning");
}

/* What the highlight steps through: the cards, or once one is chosen the
 * columns and the tray. */
static GPtrArray *
scan_targets (SkMatTool *self)
{
  GPtrArray *targets = g_ptr_array_new ();

  if (self->chosen == 0)
    {
      for (int column = SK_MAT_NONE; column <= SK_MAT_BAD; column++)
        for (GtkWidget *cell = gtk_widget_get_first_child (self->placed[column]); cell != NULL;
             cell = gtk_widget_get_next_sibling (cell))
          g_ptr_array_add (targets, gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell)));
    }
  else
    {
      for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
        g_ptr_array_add (targets, self->columns[column]);
      g_ptr_array_add (targets, self->tray_box);
    }
  return targets;
}

static void
scan_highlight (SkMatTool *self,
                GtkWidget *target)
{
  if (self->scanned != NULL)
    {
      gtk_widget_remove_css_class (frame_of (self->scanned), "scan-highlight");
      g_object_remove_weak_pointer (G_OBJECT (self->scanned), (gpointer *) &self->scanned);
    }
  self->scanned = target;
  if (target != NULL)
    {
      gtk_widget_add_css_class (frame_of (target), "scan-highlight");
      g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->scanned);
    }
}

static gboolean
scan_step_cb (gpointer data)
{
  SkMatTool *self = data;
  g_autoptr(GPtrArray) targets = scan_targets (self);

  if (targets->len == 0)
    {
      scan_highlight (self, NULL);
      return G_SOURCE_CONTINUE;
    }
  self->scan_index = (self->scan_index + 1) % (int) targets->len;
  scan_highlight (self, targets->pdata[self->scan_index]);
  /* The switch (Space) must reach the mat: the keyboard comes back here
   * unless someone is writing. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus == NULL || (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) && focus != GTK_WIDGET (self) &&
                          !GTK_IS_EDITABLE (focus) && !GTK_IS_TEXT_VIEW (focus)))
      gtk_widget_grab_focus (GTK_WIDGET (self));
  }
  return G_SOURCE_CONTINUE;
}

static void
scan_restart (SkMatTool *self)
{
  g_clear_handle_id (&self->scan_id, g_source_remove);
  scan_highlight (self, NULL);
  self->scan_index = -1;
  if (!scanning (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  scan_step_cb (self);
  self->scan_id = g_timeout_add ((guint) g_settings_get_int (sk_context_get_settings (sk_tool_get_context (SK_TOOL (self))),
                                                             "scan-interval"),
                                 scan_step_cb, self);
  g_source_set_name_by_id (self->scan_id, "[sk] switch access");
  /* The one switch is Space, wherever on the mat. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Space: choose what is highlighted. */
static gboolean
scan_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             SkMatTool             *self)
{
  GtkWidget *target = self->scanned;

  if (!scanning (self) || target == NULL || (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space))
    return GDK_EVENT_PROPAGATE;
  if (gtk_widget_has_css_class (target, "mat-card"))
    {
      SkMatCard *card = find_card (self, card_id_of (target));
      g_autofree char *word = card != NULL ? sk_mat_card_dup_word (card) : NULL;

      sk_tool_say (SK_TOOL (self), word);
      self->chosen = card_id_of (target);
      rebuild (self);
    }
  else
    column_chosen (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "sk-mat-column")));
  scan_restart (self);
  return GDK_EVENT_STOP;
}

static void
sk_mat_tool_way_changed (SkTool *tool)
{
  scan_restart (SK_MAT_TOOL (tool));
}

static void
sk_mat_tool_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sk_mat_tool_parent_class)->map (widget);
  scan_restart (SK_MAT_TOOL (widget));
}

static void
sk_mat_tool_unmap (GtkWidget *widget)
{
  SkMatTool *self = SK_MAT_TOOL (widget);

  g_clear_handle_id (&self->scan_id, g_source_remove);
  scan_highlight (self, NULL);
  GTK_WIDGET_CLASS (sk_mat_tool_parent_class)->unmap (widget);
}

static void
sk_mat_tool_conversation_changed (SkTool *tool)
{
  SkMatTool *self = SK_MAT_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  g_autoptr(GError) error = NULL;

  unwatch (self);
  self->chosen = 0;
  if (conversation != NULL)
    {
      self->cards = sk_mat_cards (sk_tool_get_store (tool), sk_record_get_id (SK_RECORD (conversation)), &error);
      if (self->cards == NULL)
        sk_tool_report (GTK_WIDGET (self), error);
      else
        {
          g_signal_connect_object (self->cards, "items-changed", G_CALLBACK (cards_changed_cb), self, 0);
          watch_cards (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cards)));
        }
    }
  rebuild (self);
  scan_restart (self);
}

static void
sk_mat_tool_dispose (GObject *object)
{
  SkMatTool *self = SK_MAT_TOOL (object);

  g_clear_handle_id (&self->scan_id, g_source_remove);
  scan_highlight (self, NULL);
  unwatch (self);
  if (self->bindings != NULL)
    for (guint i = 0; i < self->bindings->len; i++)
      g_binding_unbind (self->bindings->pdata[i]);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sk_mat_tool_parent_class)->dispose (object);
}

static void
sk_mat_tool_constructed (GObject *object)
{
  SkMatTool *self = SK_MAT_TOOL (object);
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));

  G_OBJECT_CLASS (sk_mat_tool_parent_class)->constructed (object);

  gtk_widget_set_visible (self->picker_button, caseworker);
  gtk_box_append (GTK_BOX (self->prompt), sk_speaker_button_new (sk_tool_get_context (SK_TOOL (self)),
                                                                 _("Put each picture where it fits.")));
  /* For the child the switcher above says it already: the room goes to
   * the cards. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->title), caseworker);
  gtk_label_set_label (GTK_LABEL (self->empty),
                       caseworker ? _("No cards yet. Choose today’s cards first.")
                                  : _("No cards yet."));
  /* The columns' faces: large for the child, smaller beside the
   * caseworker's fields. */
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    gtk_box_prepend (GTK_BOX (gtk_button_get_child (GTK_BUTTON (self->heads[column]))),
                     sk_art_image_new (sk_mat_column_art (column), caseworker ? 64 : 96));
  if (!caseworker)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      /* Before a card under the keyboard takes Space for a click. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "for-child");
      /* Switch access: the tool takes the keyboard, Space chooses. */
      gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (scan_key_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (self), keys);
      g_signal_connect_object (sk_context_get_settings (sk_tool_get_context (SK_TOOL (self))), "changed::scanning",
                               G_CALLBACK (scan_restart), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sk_context_get_settings (sk_tool_get_context (SK_TOOL (self))), "changed::scan-interval",
                               G_CALLBACK (scan_restart), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sk_context_get_settings (sk_tool_get_context (SK_TOOL (self))), "changed::low-stimulation",
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

static void
sk_mat_tool_class_init (SkMatToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_mat_tool_dispose;
  object_class->constructed = sk_mat_tool_constructed;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_mat_tool_conversation_changed;
  SK_TOOL_CLASS (klass)->way_changed = sk_mat_tool_way_changed;
  widget_class->map = sk_mat_tool_map;
  widget_class->unmap = sk_mat_tool_unmap;

  gtk_widget_class_set_css_name (widget_class, "mattool");
}

static void
sk_mat_tool_init (SkMatTool *self)
{
  GtkWidget *title, *header, *tray_label, *notes_label;

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->title = title = gtk_label_new (_("Picture cards"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), title);
  self->picker_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->picker_button), _("Choose _Cards"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->picker_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->picker_button), picker_new (self));
  gtk_widget_set_valign (self->picker_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), self->picker_button);
  gtk_box_append (GTK_BOX (self->box), header);

  /* The prompt, with its speaker (added when the context is known). */
  self->prompt = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *label = gtk_label_new (_("Put each picture where it fits."));

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "tool-prompt");
    gtk_box_append (GTK_BOX (self->prompt), label);
  }
  gtk_box_append (GTK_BOX (self->box), self->prompt);

  self->empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty), 0);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty);

  /* The tray: the cards still to be placed.  A card can be put back. */
  self->tray_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->tray_box, "mat-tray");
  tray_label = gtk_label_new (sk_mat_column_label (SK_MAT_NONE));
  gtk_label_set_xalign (GTK_LABEL (tray_label), 0);
  gtk_widget_add_css_class (tray_label, "heading");
  gtk_box_append (GTK_BOX (self->tray_box), tray_label);
  self->placed[SK_MAT_NONE] = self->tray = flow_new (FALSE);
  gtk_box_append (GTK_BOX (self->tray_box), self->tray);
  add_drop_target (self, self->tray_box, SK_MAT_NONE);
  gtk_box_append (GTK_BOX (self->box), framed (self->tray_box));

  self->mat = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->mat), TRUE);
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *head = gtk_button_new ();
      GtkWidget *head_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = gtk_label_new (sk_mat_column_label (column));
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_widget_add_css_class (box, "mat-column");
      gtk_box_append (GTK_BOX (head_box), label);
      gtk_widget_add_css_class (label, "mat-column-label");
      gtk_button_set_child (GTK_BUTTON (head), head_box);
      gtk_widget_add_css_class (head, "flat");
      gtk_widget_add_css_class (head, "mat-head");
      gtk_widget_set_tooltip_text (head, _("Put the chosen card here"));
      g_object_set_data (G_OBJECT (head), "sk-mat-column", GINT_TO_POINTER (column));
      g_signal_connect_object (head, "clicked", G_CALLBACK (head_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), head);
      self->placed[column] = flow_new (FALSE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->placed[column]), 4);
      gtk_widget_set_vexpand (self->placed[column], TRUE);
      gtk_box_append (GTK_BOX (box), self->placed[column]);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
      g_signal_connect_object (click, "pressed", G_CALLBACK (column_pressed_cb), self, 0);
      gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
      add_drop_target (self, box, column);
      self->columns[column] = box;
      self->heads[column] = head;
      gtk_box_append (GTK_BOX (self->mat), framed (box));
    }
  gtk_box_append (GTK_BOX (self->box), self->mat);

  /* The caseworker's notes, one line per placed card. */
  self->notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  notes_label = gtk_label_new (_("What the child said or did"));
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_widget_add_css_class (notes_label, "heading");
  gtk_box_append (GTK_BOX (self->notes_box), notes_label);
  self->notes = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->notes), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->notes, "boxed-list");
  gtk_box_append (GTK_BOX (self->notes_box), self->notes);
  gtk_box_append (GTK_BOX (self->box), self->notes_box);
}

GListModel *
sk_mat_tool_get_cards (SkMatTool *self)
{
  g_return_val_if_fail (SK_IS_MAT_TOOL (self), NULL);

  return self->cards != NULL ? G_LIST_MODEL (self->cards) : NULL;
}
