/* sk-houses-tool.c — the Three Houses, in the caseworker's view and the
 * child's
 *
 * A row of the three houses (and "All three") at the top.  One house:
 * the crayons, the eraser and the widths at the left with undo, redo and
 * clear; the house to draw in; under it what lives in it, in the child's
 * words, and the child's answer to "May your parents see this house?".  All three: side by side, with their words, one touch to open.
 * Last time's house can be shown beside today's.
 *
 * Every stroke is stored when the pen lifts, every word when it is
 * added: there is nothing to save.
 */
#include "config.h"

#include "sk-houses-tool.h"
#include "sk-house-canvas.h"
#include "sk-houses-draw.h"
#include "sk-accessible.h"
#include "sk-art.h"
#include "sk-art-image.h"
#include "sk-format.h"
#include "sk-shared-button.h"
#include "sk-speak.h"
#include "sk-tools.h"
#include "sk-undo.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>

#define OVERVIEW SK_HOUSES_N

typedef struct
{
  GPtrArray *strokes;   /* SkHouseStroke */
  gboolean   drawn;     /* TRUE: they were drawn; FALSE: the house was cleared */
} Step;

struct _SkHousesTool
{
  SkTool parent_instance;

  SkHouses       *houses;
  SkConversation *previous;
  SkHouses       *previous_houses;
  int             shown;         /* SkHouseKind, or OVERVIEW */
  int             crayon;
  int             size;
  GPtrArray      *undo[SK_HOUSES_N];   /* Step */
  GPtrArray      *redo[SK_HOUSES_N];
  gboolean        updating;

  GtkWidget *box;
  GtkWidget *prompt_box;
  GtkWidget *house_buttons[SK_HOUSES_N + 1];
  GtkWidget *compare_button;
  GtkWidget *stack;
  GtkWidget *crayon_buttons[SK_HOUSES_N_CRAYONS + 1];
  GtkWidget *size_buttons[SK_HOUSES_N_SIZES];
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkWidget *clear_button;
  GtkWidget *canvas;
  GtkWidget *previous_box;
  GtkWidget *previous_title;
  GtkWidget *previous_canvas;
  GtkWidget *words_title;
  GtkWidget *entry;
  GtkWidget *add_button;
  GtkWidget *words_list;
  GtkWidget *shared_button;
  GtkWidget *overview_canvases[SK_HOUSES_N];
  GtkWidget *overview_words[SK_HOUSES_N];
  GtkWidget *overview_shared[SK_HOUSES_N];
};

G_DEFINE_FINAL_TYPE (SkHousesTool, sk_houses_tool, SK_TYPE_TOOL)

static GtkWidget *word_row_new (gpointer item,
                                gpointer user_data);

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->strokes);
  g_free (step);
}

static void
clear_steps (SkHousesTool *self)
{
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      g_ptr_array_set_size (self->undo[kind], 0);
      g_ptr_array_set_size (self->redo[kind], 0);
    }
}

static SkHouseKind
current_kind (SkHousesTool *self)
{
  return self->shown == OVERVIEW ? SK_HOUSE_WORRIES : (SkHouseKind) self->shown;
}

static void
report (SkHousesTool *self,
        GError       *error)
{
  sk_tool_report (GTK_WIDGET (self), error);
  g_error_free (error);
}

/* What the screen says */

static void
update_house_description (SkHousesTool *self,
                          SkHouseKind   kind,
                          GtkWidget    *canvas,
                          SkHouses     *houses)
{
  g_autofree char *description = houses != NULL ? sk_houses_describe (houses, kind) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sk_house_kind_title (kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
update_overview (SkHousesTool *self)
{
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      GString *text = g_string_new (NULL);

      if (self->houses != NULL)
        {
          GListModel *words = G_LIST_MODEL (self->houses->words[kind]);

          for (guint i = 0; i < g_list_model_get_n_items (words); i++)
            {
              g_autoptr(SkHouseWord) word = g_list_model_get_item (words, i);

              g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                      sk_record_get_string (SK_RECORD (word), "words"));
            }
        }
      gtk_label_set_text (GTK_LABEL (self->overview_words[kind]), text->str);
      gtk_widget_set_visible (self->overview_words[kind], text->len > 0);
      g_string_free (text, TRUE);
      gtk_label_set_text (GTK_LABEL (self->overview_shared[kind]),
                          self->houses != NULL && sk_houses_get_shared (self->houses, kind)
                          /* Translators: under a house in the overview */
                          ? _("Your parents may see it")
                          /* Translators: under a house in the overview */
                          : _("Only for us"));
      update_house_description (self, kind, self->overview_canvases[kind], self->houses);
    }
}

static gboolean
entry_has_words (SkHousesTool *self)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  return *words != '\0';
}

/* While typing: only the Add button follows the field. */
static void
entry_changed_cb (SkHousesTool *self)
{
  gtk_widget_set_sensitive (self->add_button, self->houses != NULL && entry_has_words (self));
}

static void
update_buttons (SkHousesTool *self)
{
  SkHouseKind kind = current_kind (self);
  gboolean has = self->houses != NULL;
  guint n = has ? g_list_model_get_n_items (G_LIST_MODEL (self->houses->strokes[kind])) : 0;

  gtk_widget_set_sensitive (self->undo_button, has && self->undo[kind]->len > 0);
  gtk_widget_set_sensitive (self->redo_button, has && self->redo[kind]->len > 0);
  gtk_widget_set_sensitive (self->clear_button, n > 0);
  gtk_widget_set_sensitive (self->box, has);
  gtk_widget_set_visible (self->compare_button, self->previous != NULL && self->shown != OVERVIEW);
  gtk_widget_set_visible (self->previous_box, self->previous != NULL && self->shown != OVERVIEW &&
                          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->compare_button)));
  entry_changed_cb (self);
  if (has)
    update_house_description (self, kind, self->canvas, self->houses);
  update_overview (self);
}

/* Which house is shown */

static void
show_house (SkHousesTool *self,
            int           shown)
{
  SkHouseKind kind;

  self->shown = shown;
  self->updating = TRUE;
  for (int i = 0; i <= SK_HOUSES_N; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->house_buttons[i]), i == shown);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), shown == OVERVIEW ? "overview" : "house");
  kind = current_kind (self);
  sk_house_canvas_set_house (SK_HOUSE_CANVAS (self->canvas), kind,
                             self->houses != NULL ? G_LIST_MODEL (self->houses->strokes[kind]) : NULL);
  sk_house_canvas_set_house (SK_HOUSE_CANVAS (self->previous_canvas), kind,
                             self->previous_houses != NULL ? G_LIST_MODEL (self->previous_houses->strokes[kind]) : NULL);
  for (int i = 0; i < SK_HOUSES_N; i++)
    sk_house_canvas_set_house (SK_HOUSE_CANVAS (self->overview_canvases[i]), i,
                               self->houses != NULL ? G_LIST_MODEL (self->houses->strokes[i]) : NULL);
  gtk_label_set_text (GTK_LABEL (self->words_title), sk_house_kind_title (kind));
  gtk_list_box_bind_model (GTK_LIST_BOX (self->words_list), NULL, NULL, NULL, NULL);
  if (self->houses != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->words_list), G_LIST_MODEL (self->houses->words[kind]),
                             word_row_new, self, NULL);
  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->shared_button),
                                self->houses != NULL && sk_houses_get_shared (self->houses, kind));
  self->updating = FALSE;
  update_buttons (self);
}

static void
house_button_toggled_cb (GtkToggleButton *button,
                         SkHousesTool    *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  show_house (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sk-house")));
}

static void
overview_activate_cb (SkHouseCanvas *canvas,
                      SkHousesTool  *self)
{
  show_house (self, sk_house_canvas_get_kind (canvas));
}

/* Drawing, undo and redo */

static void
stroke_done_cb (SkHouseCanvas *canvas,
                GArray        *points,
                SkHousesTool  *self)
{
  SkHouseKind kind = sk_house_canvas_get_kind (canvas);
  GError *error = NULL;
  SkHouseStroke *stroke;
  Step *step;

  if (self->houses == NULL || points->len == 0)
    return;
  stroke = sk_houses_add_stroke (self->houses, sk_tool_get_store (SK_TOOL (self)), kind, self->crayon, self->size,
                                 points, &error);
  if (stroke == NULL)
    {
      report (self, error);
      return;
    }
  step = g_new0 (Step, 1);
  step->strokes = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (step->strokes, g_object_ref (stroke));
  step->drawn = TRUE;
  g_ptr_array_add (self->undo[kind], step);
  g_ptr_array_set_size (self->redo[kind], 0);
  update_buttons (self);
}

/* Undoes (@forward FALSE) or redoes the last step of the house shown. */
static void
step (SkHousesTool *self,
      gboolean      forward)
{
  SkHouseKind kind = current_kind (self);
  GPtrArray *from = forward ? self->redo[kind] : self->undo[kind];
  GPtrArray *to = forward ? self->undo[kind] : self->redo[kind];
  SkStore *store = sk_tool_get_store (SK_TOOL (self));
  GError *error = NULL;
  Step *one;
  gboolean ok;

  if (self->houses == NULL || self->shown == OVERVIEW || from->len == 0)
    return;
  one = from->pdata[from->len - 1];
  /* Undoing a drawn stroke takes it off; undoing a clear puts back. */
  if (one->drawn != forward)
    ok = sk_houses_take (self->houses, store, one->strokes, &error);
  else
    ok = sk_houses_put_back (self->houses, store, one->strokes, &error);
  if (!ok)
    {
      report (self, error);
      return;
    }
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  update_buttons (self);
}

static void
undo_clicked_cb (SkHousesTool *self)
{
  step (self, FALSE);
}

static void
redo_clicked_cb (SkHousesTool *self)
{
  step (self, TRUE);
}

static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SkHousesTool *self = SK_HOUSES_TOOL (widget);

  if (self->shown == OVERVIEW || !gtk_widget_get_mapped (widget))
    return FALSE;
  step (self, g_variant_get_boolean (args));
  return TRUE;
}

static void
toast_undo_cb (AdwToast     *toast,
               SkHousesTool *self)
{
  Step *cleared = g_object_get_data (G_OBJECT (toast), "sk-step");
  SkHouseKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "sk-house"));

  /* Only while that clear is still the last thing done in the house. */
  if (self->undo[kind]->len > 0 && self->undo[kind]->pdata[self->undo[kind]->len - 1] == cleared)
    {
      if (self->shown != (int) kind)
        show_house (self, kind);
      step (self, FALSE);
    }
}

static void
clear_clicked_cb (SkHousesTool *self)
{
  SkHouseKind kind = current_kind (self);
  GListModel *strokes;
  GError *error = NULL;
  Step *one;
  GtkWidget *overlay;

  if (self->houses == NULL)
    return;
  strokes = G_LIST_MODEL (self->houses->strokes[kind]);
  if (g_list_model_get_n_items (strokes) == 0)
    return;
  one = g_new0 (Step, 1);
  one->strokes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (strokes); i++)
    g_ptr_array_add (one->strokes, g_list_model_get_item (strokes, i));
  if (!sk_houses_take (self->houses, sk_tool_get_store (SK_TOOL (self)), one->strokes, &error))
    {
      step_free (one);
      report (self, error);
      return;
    }
  g_ptr_array_add (self->undo[kind], one);
  g_ptr_array_set_size (self->redo[kind], 0);
  update_buttons (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      /* Translators: shown with an Undo button after a house's drawing was cleared */
      AdwToast *toast = adw_toast_new (_("The drawing was cleared"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data (G_OBJECT (toast), "sk-step", one);
      g_object_set_data (G_OBJECT (toast), "sk-house", GINT_TO_POINTER (kind));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
crayon_toggled_cb (GtkToggleButton *button,
                   SkHousesTool    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->crayon = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sk-crayon"));
  sk_house_canvas_set_crayon (SK_HOUSE_CANVAS (self->canvas), self->crayon);
}

static void
size_toggled_cb (GtkToggleButton *button,
                 SkHousesTool    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sk-size"));
  sk_house_canvas_set_size (SK_HOUSE_CANVAS (self->canvas), self->size);
}

/* Words */

static void
add_word (SkHousesTool *self)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  GError *error = NULL;

  if (self->houses == NULL || self->shown == OVERVIEW || *words == '\0')
    return;
  if (sk_houses_add_word (self->houses, sk_tool_get_store (SK_TOOL (self)), current_kind (self), words, NULL,
                          &error) == NULL)
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_grab_focus (self->entry);
  update_buttons (self);
}

static void
picture_chosen_cb (GtkButton *button,
                   SkHouseWord *word)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  const char *art = g_object_get_data (G_OBJECT (button), "sk-art");

  g_object_set (word, "picture", art != NULL ? art : "", NULL);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
show_picture (GtkWidget   *menu_button,
              SkHouseWord *word)
{
  const char *art = sk_house_word_get_picture (word);
  const SkHousesPicture *picture = sk_houses_picture (art);
  g_autofree char *label = NULL;

  if (art != NULL)
    gtk_menu_button_set_child (GTK_MENU_BUTTON (menu_button), sk_art_image_new (art, 36));
  else
    /* (The icon takes the place of a picture: a NULL child is refused.) */
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "insert-image-symbolic");
  /* Translators: the button that gives a word in a house a picture; %s: the picture it has */
  label = picture != NULL ? g_strdup_printf (_("Picture: %s"), _(picture->name))
  /* Translators: the button that gives a word in a house a picture */
                          : g_strdup (_("Add a picture"));
  sk_accessible_set_label (menu_button, label);
  gtk_widget_set_tooltip_text (menu_button, label);
}

static void
picture_notify_cb (SkHouseWord *word,
                   GParamSpec  *pspec,
                   GtkWidget   *menu_button)
{
  show_picture (menu_button, word);
}

static GtkWidget *
picture_popover_new (SkHouseWord *word)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_No picture"));
  guint n;
  const SkHousesPicture *pictures = sk_houses_pictures (&n);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), sk_art_image_new (pictures[i].art, 48));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "house-picture");
      sk_accessible_set_label (button, _(pictures[i].name));
      gtk_widget_set_tooltip_text (button, _(pictures[i].name));
      g_object_set_data (G_OBJECT (button), "sk-art", (gpointer) pictures[i].art);
      g_signal_connect_object (button, "clicked", G_CALLBACK (picture_chosen_cb), word, 0);
      gtk_grid_attach (GTK_GRID (grid), button, i % 5, i / 5, 1, 1);
    }
  g_signal_connect_object (none, "clicked", G_CALLBACK (picture_chosen_cb), word, 0);
  gtk_grid_attach (GTK_GRID (grid), none, 0, (n + 4) / 5, 5, 1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  return popover;
}

static void
delete_word_cb (GtkButton    *button,
                SkHousesTool *self)
{
  SkHouseWord *word = g_object_get_data (G_OBJECT (button), "sk-word");
  /* Translators: shown with an Undo button after words were taken out of a house */
  g_autofree char *message = g_markup_printf_escaped (_("“%s” was taken out"),
                                                      sk_record_get_string (SK_RECORD (word), "words"));

  sk_undo_trash (GTK_WIDGET (self), sk_tool_get_store (SK_TOOL (self)), SK_RECORD (word),
                 self->houses->words[sk_house_word_get_kind (word)], sk_record_compare_position, message,
                 NULL, NULL);
}

static GtkWidget *
word_row_new (gpointer item,
              gpointer user_data)
{
  SkHousesTool *self = user_data;
  SkHouseWord *word = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *picture = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (sk_record_get_string (SK_RECORD (word), "words"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the button that takes words out of a house; %s: the words */
  g_autofree char *delete_label = g_strdup_printf (_("Take out “%s”"), sk_record_get_string (SK_RECORD (word), "words"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (picture, "flat");
  gtk_widget_add_css_class (picture, "house-word-picture");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (picture), picture_popover_new (word));
  show_picture (picture, word);
  g_signal_connect_object (word, "notify::picture", G_CALLBACK (picture_notify_cb), picture, 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "house-word");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  sk_accessible_set_label (delete, delete_label);
  gtk_widget_set_tooltip_text (delete, delete_label);
  g_object_set_data_full (G_OBJECT (delete), "sk-word", g_object_ref (word), g_object_unref);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_word_cb), self, 0);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  sk_accessible_set_label (row, sk_record_get_string (SK_RECORD (word), "words"));
  return row;
}

static void
contents_changed_cb (SkHousesTool *self)
{
  update_buttons (self);
}

static void
shared_toggled_cb (GtkToggleButton *button,
                   SkHousesTool    *self)
{
  GError *error = NULL;

  if (self->updating || self->houses == NULL || self->shown == OVERVIEW)
    return;
  if (!sk_houses_set_shared (self->houses, sk_tool_get_store (SK_TOOL (self)), current_kind (self),
                             gtk_toggle_button_get_active (button), &error))
    report (self, error);
  update_buttons (self);
}

/* The conversation */

static void
disconnect_houses (SkHousesTool *self)
{
  if (self->houses == NULL)
    return;
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      g_signal_handlers_disconnect_by_data (self->houses->strokes[kind], self);
      g_signal_handlers_disconnect_by_data (self->houses->words[kind], self);
    }
}

static void
sk_houses_tool_conversation_changed (SkTool *tool)
{
  SkHousesTool *self = SK_HOUSES_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  SkStore *store = sk_tool_get_store (tool);
  GError *error = NULL;

  gtk_list_box_bind_model (GTK_LIST_BOX (self->words_list), NULL, NULL, NULL, NULL);
  disconnect_houses (self);
  g_clear_pointer (&self->houses, sk_houses_free);
  g_clear_pointer (&self->previous_houses, sk_houses_free);
  g_clear_object (&self->previous);
  clear_steps (self);

  if (conversation != NULL)
    {
      self->houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), &error);
      if (self->houses != NULL)
        self->previous = sk_houses_previous (store, conversation, &error);
      if (self->previous != NULL)
        self->previous_houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (self->previous)), &error);
      if (error != NULL)
        report (self, error);
    }
  if (self->houses != NULL)
    for (int kind = 0; kind < SK_HOUSES_N; kind++)
      {
        g_signal_connect_object (self->houses->strokes[kind], "items-changed", G_CALLBACK (contents_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        g_signal_connect_object (self->houses->words[kind], "items-changed", G_CALLBACK (contents_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      }
  if (self->previous != NULL)
    {
      g_autoptr(GDateTime) when = sk_conversation_dup_local_time (self->previous);
      g_autofree char *date = sk_format_date (when);
      /* Translators: above last time's house; %s is a date */
      g_autofree char *title = g_strdup_printf (_("Last time, %s"), date);

      gtk_label_set_text (GTK_LABEL (self->previous_title), title);
    }
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->compare_button), FALSE);
  show_house (self, self->shown == OVERVIEW ? OVERVIEW : current_kind (self));
}

SkHouses *
sk_houses_tool_get_houses (SkHousesTool *self)
{
  g_return_val_if_fail (SK_IS_HOUSES_TOOL (self), NULL);

  return self->houses;
}

GtkWidget *
sk_houses_tool_get_canvas (SkHousesTool *self)
{
  g_return_val_if_fail (SK_IS_HOUSES_TOOL (self), NULL);

  return self->canvas;
}

/* Building it */

static void
draw_crayon (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  int crayon = GPOINTER_TO_INT (user_data);
  double size = MIN (width, height);
  double cx = width / 2.0, cy = height / 2.0;

  cairo_set_line_width (cr, 3);
  if (crayon == SK_HOUSES_ERASER)
    {
      /* A pink eraser, tilted, with a dark band. */
      cairo_translate (cr, cx, cy);
      cairo_rotate (cr, -G_PI / 5);
      sk_art_rounded_rectangle (cr, -size * 0.42, -size * 0.2, size * 0.84, size * 0.4, size * 0.08);
      cairo_set_source_rgb (cr, 0xf6 / 255.0, 0xb3 / 255.0, 0xc6 / 255.0);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0);
      cairo_stroke (cr);
      cairo_rectangle (cr, -size * 0.1, -size * 0.2, size * 0.12, size * 0.4);
      cairo_fill (cr);
      return;
    }
  {
    const SkCrayon *one = &sk_houses_crayons ()[crayon];

    cairo_arc (cr, cx, cy, size * 0.4, 0, 2 * G_PI);
    cairo_set_source_rgb (cr, one->red, one->green, one->blue);
    cairo_fill_preserve (cr);
    cairo_set_source_rgb (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0);
    cairo_stroke (cr);
  }
}

static void
draw_size (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  int size = GPOINTER_TO_INT (user_data);
  double diameter = MAX (3, sk_houses_width (size, 1.0) * 560);

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (diameter, MIN (width, height) - 2) / 2, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0);
  cairo_fill (cr);
}

static GtkWidget *
palette_button (GtkDrawingAreaDrawFunc  draw,
                int                     value,
                const char             *label,
                GtkWidget              *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 40);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 40);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, GINT_TO_POINTER (value), NULL);
  gtk_button_set_child (GTK_BUTTON (button), area);
  gtk_widget_add_css_class (button, "house-tool-button");
  sk_accessible_set_label (button, label);
  gtk_widget_set_tooltip_text (button, label);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  return button;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             GCallback   callback,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "house-tool-button");
  sk_accessible_set_label (button, label);
  gtk_widget_set_tooltip_text (button, label);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_palette (SkHousesTool *self)
{
  GtkWidget *palette = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *crayons = gtk_grid_new ();
  GtkWidget *sizes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (palette, "house-palette");
  gtk_grid_set_row_spacing (GTK_GRID (crayons), 6);
  gtk_grid_set_column_spacing (GTK_GRID (crayons), 6);
  for (int i = 0; i <= SK_HOUSES_N_CRAYONS; i++)
    {
      const char *name = i == SK_HOUSES_ERASER
                         /* Translators: the eraser among the crayons */
                         ? _("Eraser") : _(sk_houses_crayons ()[i].name);

      self->crayon_buttons[i] = palette_button (draw_crayon, i, name, i > 0 ? self->crayon_buttons[0] : NULL);
      gtk_widget_add_css_class (self->crayon_buttons[i], "crayon");
      g_object_set_data (G_OBJECT (self->crayon_buttons[i]), "sk-crayon", GINT_TO_POINTER (i));
      g_signal_connect (self->crayon_buttons[i], "toggled", G_CALLBACK (crayon_toggled_cb), self);
      gtk_grid_attach (GTK_GRID (crayons), self->crayon_buttons[i], i % 3, i / 3, 1, 1);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->crayon_buttons[0]), TRUE);
  sk_accessible_set_label (crayons, _("Crayons"));
  gtk_box_append (GTK_BOX (palette), crayons);

  gtk_widget_add_css_class (sizes, "linked");
  for (int i = 0; i < SK_HOUSES_N_SIZES; i++)
    {
      self->size_buttons[i] = palette_button (draw_size, i, sk_houses_size_name (i),
                                              i > 0 ? self->size_buttons[0] : NULL);
      g_object_set_data (G_OBJECT (self->size_buttons[i]), "sk-size", GINT_TO_POINTER (i));
      g_signal_connect (self->size_buttons[i], "toggled", G_CALLBACK (size_toggled_cb), self);
      gtk_widget_set_hexpand (self->size_buttons[i], TRUE);
      gtk_box_append (GTK_BOX (sizes), self->size_buttons[i]);
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->size_buttons[1]), TRUE);
  gtk_box_append (GTK_BOX (palette), sizes);

  /* Translators: takes the last line drawn away again (Ctrl+Z) */
  self->undo_button = icon_button ("edit-undo-symbolic", _("Undo the last line"), G_CALLBACK (undo_clicked_cb), self);
  /* Translators: puts back the line just taken away (Ctrl+Shift+Z) */
  self->redo_button = icon_button ("edit-redo-symbolic", _("Redo the line"), G_CALLBACK (redo_clicked_cb), self);
  /* Translators: takes the whole drawing out of a house (with Undo) */
  self->clear_button = icon_button ("edit-clear-all-symbolic", _("Clear the drawing"),
                                    G_CALLBACK (clear_clicked_cb), self);
  gtk_widget_set_hexpand (self->undo_button, TRUE);
  gtk_widget_set_hexpand (self->redo_button, TRUE);
  gtk_widget_set_hexpand (self->clear_button, TRUE);
  gtk_box_append (GTK_BOX (steps), self->undo_button);
  gtk_box_append (GTK_BOX (steps), self->redo_button);
  gtk_box_append (GTK_BOX (steps), self->clear_button);
  gtk_box_append (GTK_BOX (palette), steps);
  return palette;
}

static GtkWidget *
build_words (SkHousesTool *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (side, "house-words");
  self->words_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->words_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->words_title), TRUE);
  gtk_widget_add_css_class (self->words_title, "title-3");
  gtk_box_append (GTK_BOX (side), self->words_title);

  self->entry = gtk_entry_new ();
  /* Translators: the field for what lives in a house, in the child's words */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("What lives here?"));
  sk_accessible_set_label (self->entry, _("What lives here?"));
  gtk_widget_set_hexpand (self->entry, TRUE);
  sk_editable_keep_one_line (GTK_EDITABLE (self->entry));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (add_word), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  /* Translators: adds what was typed to the house */
  sk_accessible_set_label (self->add_button, _("Add to the house"));
  gtk_widget_set_tooltip_text (self->add_button, _("Add to the house"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_word), self);
  gtk_box_append (GTK_BOX (add_box), self->entry);
  gtk_box_append (GTK_BOX (add_box), self->add_button);
  gtk_box_append (GTK_BOX (side), add_box);

  self->words_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->words_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->words_list, "boxed-list");
  gtk_widget_set_valign (self->words_list, GTK_ALIGN_START);
  /* Translators: the list of what lives in a house */
  sk_accessible_set_label (self->words_list, _("In the house"));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->words_list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (side), scroller);

  /* Translators: the child's choice, one house at a time */
  self->shared_button = sk_shared_button_new (_("May your parents see this house?"));
  g_signal_connect (self->shared_button, "toggled", G_CALLBACK (shared_toggled_cb), self);
  return side;
}

static GtkWidget *
build_overview (SkHousesTool *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *title = gtk_label_new (sk_house_kind_title (kind));

      gtk_widget_add_css_class (title, "title-3");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      self->overview_canvases[kind] = sk_house_canvas_new (FALSE);
      gtk_widget_set_size_request (self->overview_canvases[kind], 200, 200);
      g_signal_connect (self->overview_canvases[kind], "activate", G_CALLBACK (overview_activate_cb), self);
      self->overview_words[kind] = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->overview_words[kind]), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->overview_words[kind]), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (self->overview_words[kind]), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (self->overview_words[kind], "house-word");
      self->overview_shared[kind] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->overview_shared[kind], "dim-label");
      gtk_box_append (GTK_BOX (column), title);
      gtk_box_append (GTK_BOX (column), self->overview_canvases[kind]);
      gtk_box_append (GTK_BOX (column), self->overview_words[kind]);
      gtk_box_append (GTK_BOX (column), self->overview_shared[kind]);
      gtk_box_append (GTK_BOX (row), column);
    }
  return row;
}

static GtkWidget *
build_switcher (SkHousesTool *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *houses = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (houses, "linked");
  gtk_widget_add_css_class (houses, "house-switcher");
  for (int i = 0; i <= SK_HOUSES_N; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (i == OVERVIEW
                                        /* Translators: shows the three houses side by side */
                                        ? _("All three") : sk_house_kind_short (i));

      if (i == OVERVIEW)
        gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("view-grid-symbolic"));
      else
        gtk_box_append (GTK_BOX (content), sk_art_image_new (sk_house_kind_art (i), 36));
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (button), content);
      sk_accessible_set_label (button, i == OVERVIEW ? _("All three") : sk_house_kind_title (i));
      g_object_set_data (G_OBJECT (button), "sk-house", GINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->house_buttons[0]));
      g_signal_connect (button, "toggled", G_CALLBACK (house_button_toggled_cb), self);
      self->house_buttons[i] = button;
      gtk_box_append (GTK_BOX (houses), button);
    }
  gtk_box_append (GTK_BOX (bar), houses);

  /* Translators: shows last time's house beside today's */
  self->compare_button = gtk_toggle_button_new_with_mnemonic (_("_Last time"));
  gtk_widget_set_hexpand (self->compare_button, TRUE);
  gtk_widget_set_halign (self->compare_button, GTK_ALIGN_END);
  gtk_widget_set_valign (self->compare_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (update_buttons), self);
  gtk_box_append (GTK_BOX (bar), self->compare_button);
  return bar;
}

static GtkWidget *
build_house (SkHousesTool *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  /* First: the palette's buttons set its crayon and width. */
  self->canvas = sk_house_canvas_new (TRUE);
  gtk_box_append (GTK_BOX (row), build_palette (self));
  gtk_widget_set_hexpand (self->canvas, TRUE);
  gtk_widget_set_vexpand (self->canvas, TRUE);
  g_signal_connect (self->canvas, "stroke-done", G_CALLBACK (stroke_done_cb), self);
  gtk_box_append (GTK_BOX (row), self->canvas);

  self->previous_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->previous_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->previous_title, "heading");
  self->previous_canvas = sk_house_canvas_new (FALSE);
  gtk_widget_set_size_request (self->previous_canvas, 240, 240);
  gtk_widget_set_vexpand (self->previous_canvas, TRUE);
  gtk_box_append (GTK_BOX (self->previous_box), self->previous_title);
  gtk_box_append (GTK_BOX (self->previous_box), self->previous_canvas);
  gtk_box_append (GTK_BOX (row), self->previous_box);

  {
    /* The words and the child's answer under the house: the house gets
     * the page's whole width to be drawn in. */
    GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_box_append (GTK_BOX (page), row);
    gtk_box_append (GTK_BOX (page), build_words (self));
    gtk_widget_set_halign (self->shared_button, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (page), self->shared_button);
    return page;
  }
}

static void
sk_houses_tool_constructed (GObject *object)
{
  SkHousesTool *self = SK_HOUSES_TOOL (object);

  G_OBJECT_CLASS (sk_houses_tool_parent_class)->constructed (object);

  gtk_box_append (GTK_BOX (self->prompt_box),
                  sk_speaker_button_new (sk_tool_get_context (SK_TOOL (object)),
                                         _("Draw or tell what lives in this house.")));
  if (!sk_tool_get_caseworker (SK_TOOL (object)))
    gtk_widget_add_css_class (GTK_WIDGET (object), "for-child");
}

static void
sk_houses_tool_dispose (GObject *object)
{
  SkHousesTool *self = SK_HOUSES_TOOL (object);

  if (self->words_list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->words_list), NULL, NULL, NULL, NULL);
  disconnect_houses (self);
  g_clear_pointer (&self->houses, sk_houses_free);
  g_clear_pointer (&self->previous_houses, sk_houses_free);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->words_list = NULL;
  G_OBJECT_CLASS (sk_houses_tool_parent_class)->dispose (object);
}

static void
sk_houses_tool_finalize (GObject *object)
{
  SkHousesTool *self = SK_HOUSES_TOOL (object);

  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      g_ptr_array_unref (self->undo[kind]);
      g_ptr_array_unref (self->redo[kind]);
    }
  G_OBJECT_CLASS (sk_houses_tool_parent_class)->finalize (object);
}

static void
sk_houses_tool_class_init (SkHousesToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_houses_tool_constructed;
  object_class->dispose = sk_houses_tool_dispose;
  object_class->finalize = sk_houses_tool_finalize;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_houses_tool_conversation_changed;

  /* Ctrl+Z and Ctrl+Shift+Z for the drawing, where the keyboard is in
   * the tool (in the words' field they undo the typing, as anywhere). */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, undo_shortcut_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, undo_shortcut_cb, "b", TRUE);
  gtk_widget_class_set_css_name (widget_class, "housestool");
}

static void
sk_houses_tool_init (SkHousesTool *self)
{
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Three Houses"));
  GtkWidget *prompt = gtk_label_new (_("Draw or tell what lives in this house."));

  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      self->undo[kind] = g_ptr_array_new_with_free_func (step_free);
      self->redo[kind] = g_ptr_array_new_with_free_func (step_free);
    }
  self->size = 1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_box_append (GTK_BOX (head), title);
  self->prompt_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "tool-prompt");
  gtk_box_append (GTK_BOX (self->prompt_box), prompt);
  gtk_box_append (GTK_BOX (head), self->prompt_box);
  gtk_box_append (GTK_BOX (self->box), head);
  gtk_box_append (GTK_BOX (self->box), build_switcher (self));

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), build_house (self), "house");
  gtk_stack_add_named (GTK_STACK (self->stack), build_overview (self), "overview");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->stack);

  show_house (self, SK_HOUSE_WORRIES);
}
