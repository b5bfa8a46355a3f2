/* sk-goals-tool.c — "My Goals"
 *
 * A card per goal still worked on: the ladder "How far are we?" (three
 * faces for a child of the Pictures way) with today's words beside it,
 * the child's words and, for the caseworker, the formulation for the
 * plan, when it was set and where it comes from, the progress line over
 * the conversations, and Reached / Change… / Drop… with what we tell the
 * child.  Under them the goals already closed.  Everything is stored as
 * it is chosen or typed.
 */
#include "config.h"

#include "sk-goals-tool.h"
#include "sk-goal-ladder.h"
#include "sk-goals-draw.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-format.h"
#include "sk-note-field.h"
#include "sk-shared-button.h"
#include "sk-speak.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkGoalsTool
{
  SkTool parent_instance;

  SkGoals   *goals;
  char      *child_name;

  GtkWidget *box;
  GtkWidget *prompt_box;
  GtkWidget *open_box;
  GtkWidget *closed_title;
  GtkWidget *closed_box;
  GtkWidget *empty_label;
  GtkWidget *save_button;
  guint      rebuild_idle;
};

G_DEFINE_FINAL_TYPE (SkGoalsTool, sk_goals_tool, SK_TYPE_TOOL)

static void rebuild (SkGoalsTool *self);

static gint64
conversation_id (SkGoalsTool *self)
{
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));

  return conversation != NULL ? sk_record_get_id (SK_RECORD (conversation)) : 0;
}

static void
report (SkGoalsTool *self,
        GError      *error)
{
  sk_tool_report (GTK_WIDGET (self), error);
  g_error_free (error);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SkGoalsTool *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* After a goal closes: not from inside the closing button's own signal. */
static void
queue_rebuild (SkGoalsTool *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

/* The progress line */

static void
draw_progress_cb (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        data)
{
  sk_goals_draw_progress (cr, g_object_get_data (G_OBJECT (area), "points"), 0, 0, width, height);
}

static void
update_progress (SkGoalsTool *self,
                 GtkWidget   *area,
                 SkGoal      *goal)
{
  GError *error = NULL;
  GArray *points = sk_goals_progress (self->goals, sk_tool_get_store (SK_TOOL (self)), goal, &error);
  g_autoptr(GString) description = g_string_new (NULL);

  if (points == NULL)
    {
      report (self, error);
      return;
    }
  for (guint i = 0; i < points->len; i++)
    {
      const SkGoalPoint *point = &g_array_index (points, SkGoalPoint, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (point->at);
      g_autofree char *date = sk_format_short_date (when);

      /* Translators: the progress line for a screen reader: 1$ a date, 2$ the rung */
      g_string_append_printf (description, i == 0 ? _("%1$s: %2$d") : _(", %1$s: %2$d"), date, point->rung);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  points->len > 0 ? description->str : _("Not followed up yet"), -1);
  g_object_set_data_full (G_OBJECT (area), "points", points, (GDestroyNotify) g_array_unref);
  gtk_widget_queue_draw (area);
}

static void
rung_changed_cb (GObject     *ladder,
                 GParamSpec  *pspec,
                 SkGoalsTool *self)
{
  GtkWidget *area = g_object_get_data (ladder, "progress");
  SkGoal *goal = g_object_get_data (ladder, "goal");

  update_progress (self, area, goal);
}

/* In the Pictures way: three faces for the ladder's bottom, middle and top. */
static void
face_toggled_cb (GtkToggleButton *button,
                 GtkWidget       *ladder)
{
  int rung = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rung"));

  if (gtk_toggle_button_get_active (button))
    sk_goal_ladder_set_rung (SK_GOAL_LADDER (ladder), rung);
  else if (sk_goal_ladder_get_rung (SK_GOAL_LADDER (ladder)) == rung)
    sk_goal_ladder_set_rung (SK_GOAL_LADDER (ladder), SK_GOAL_NO_RUNG);
}

static void
faces_follow_cb (GObject    *ladder,
                 GParamSpec *pspec,
                 GtkWidget  *faces)
{
  int rung = sk_goal_ladder_get_rung (SK_GOAL_LADDER (ladder));

  for (GtkWidget *face = gtk_widget_get_first_child (faces); face != NULL; face = gtk_widget_get_next_sibling (face))
    {
      g_signal_handlers_block_by_func (face, face_toggled_cb, ladder);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (face),
                                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (face), "rung")) == rung);
      g_signal_handlers_unblock_by_func (face, face_toggled_cb, ladder);
    }
}

static GtkWidget *
faces_for (GtkWidget *ladder)
{
  static const struct { int rung; const char *art; const char *label; } faces[] = {
    /* Translators: "How far are we?" with faces, for the youngest */
    { 0, "scale-2", N_("Not yet") },
    { 5, "scale-3", N_("Some of the way") },
    { 10, "scale-5", N_("There") },
  };
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);

  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (box), sk_art_image_new (faces[i].art, 64));
      gtk_box_append (GTK_BOX (box), gtk_label_new (_(faces[i].label)));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "evaluation-face");
      sk_accessible_set_label (button, _(faces[i].label));
      g_object_set_data (G_OBJECT (button), "rung", GINT_TO_POINTER (faces[i].rung));
      g_signal_connect (button, "toggled", G_CALLBACK (face_toggled_cb), ladder);
      gtk_box_append (GTK_BOX (row), button);
    }
  g_signal_connect_object (ladder, "notify::rung", G_CALLBACK (faces_follow_cb), row, 0);
  faces_follow_cb (G_OBJECT (ladder), NULL, row);
  return row;
}

/* Closing a goal */

typedef struct
{
  SkGoalsTool *self;
  SkGoal      *goal;
  SkGoalState  state;
  GtkWidget   *entry;
} Closing;

static void
closing_free (gpointer  data,
              GClosure *closure)
{
  Closing *closing = data;

  g_object_unref (closing->self);
  g_object_unref (closing->goal);
  g_free (closing);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Closing          *closing)
{
  SkGoalsTool *self = closing->self;

  if (g_strcmp0 (response, "close-goal") == 0)
    {
      g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (closing->entry)));
      GError *error = NULL;

      if (closing->state == SK_GOAL_CHANGED)
        {
          if (sk_goals_change (self->goals, sk_tool_get_store (SK_TOOL (self)), closing->goal,
                               sk_tool_get_conversation (SK_TOOL (self)), reason, &error) == NULL)
            report (self, error);
        }
      else
        sk_goal_close (closing->goal, closing->state, reason);
      queue_rebuild (self);
    }
}

static void
ask_to_close (SkGoalsTool *self,
              SkGoal      *goal,
              SkGoalState  state)
{
  static const char * const headings[] = {
    NULL,
    /* Translators: a dialog's heading */
    N_("The Goal Is Reached"), N_("Change the Goal"), N_("Drop the Goal"),
  };
  static const char * const confirm[] = {
    NULL, N_("_Reached"), N_("_Change"), N_("_Drop"),
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _(headings[state]),
                                              state == SK_GOAL_CHANGED
                                              ? _("A new goal takes its place, with the same words to work on. What do we tell the child about why?")
                                              : _("What do we tell the child about why?"));
  Closing *closing = g_new0 (Closing, 1);

  closing->self = g_object_ref (self);
  closing->goal = g_object_ref (goal);
  closing->state = state;
  closing->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (closing->entry), TRUE);
  /* Translators: the reason a goal ends, in words for the child */
  gtk_entry_set_placeholder_text (GTK_ENTRY (closing->entry), _("Why, in words for the child"));
  sk_accessible_set_label (closing->entry, _("Why, in words for the child"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), closing->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close-goal", _(confirm[state]), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close-goal",
                                              state == SK_GOAL_DROPPED ? ADW_RESPONSE_DESTRUCTIVE
                                                                       : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close-goal");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), closing,
                         closing_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (closing->entry);
}

static void
close_clicked_cb (GtkButton   *button,
                  SkGoalsTool *self)
{
  ask_to_close (self, g_object_get_data (G_OBJECT (button), "goal"),
                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "state")));
}

static GtkWidget *
close_button (SkGoalsTool *self,
              SkGoal      *goal,
              SkGoalState  state,
              const char  *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (button), "state", GINT_TO_POINTER (state));
  g_signal_connect (button, "clicked", G_CALLBACK (close_clicked_cb), self);
  return button;
}

static void
source_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    SkGoal      *goal)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < SK_GOAL_N_SOURCES && selected != sk_goal_get_source (goal))
    g_object_set (goal, "source", sk_goal_source_key (selected), NULL);
}

static GtkWidget *
note (const char *title,
      SkRecord   *record,
      const char *property)
{
  GtkWidget *field = g_object_new (SK_TYPE_NOTE_FIELD, "title", title, NULL);

  gtk_widget_add_css_class (field, "compact");
  sk_note_field_bind (SK_NOTE_FIELD (field), record, property);
  return field;
}

/* A card */

static GtkWidget *
open_card (SkGoalsTool *self,
           SkGoal      *goal,
           guint        number)
{
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *climb = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *how = gtk_label_new (_("How far are we?"));
  GtkWidget *ladder = sk_goal_ladder_new ();
  GtkWidget *progress = gtk_drawing_area_new ();
  /* Translators: a goal's number on its card */
  g_autofree char *heading = g_strdup_printf (_("Goal %u"), number);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *shared = sk_shared_button_new (_("May your parents see this goal?"));
  GError *error = NULL;
  g_autoptr(SkGoalStep) step = sk_goals_step (self->goals, sk_tool_get_store (SK_TOOL (self)), goal,
                                              conversation_id (self), TRUE, &error);

  if (step == NULL)
    {
      report (self, error);
      return NULL;
    }
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "goal-card");

  /* The ladder, or the faces, for today. */
  gtk_widget_add_css_class (how, "heading");
  gtk_box_append (GTK_BOX (climb), how);
  g_object_bind_property (step, "rung", ladder, "rung", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (ladder), "progress", progress);
  g_object_set_data_full (G_OBJECT (ladder), "goal", g_object_ref (goal), g_object_unref);
  g_signal_connect_object (ladder, "notify::rung", G_CALLBACK (rung_changed_cb), self, 0);
  if (sk_tool_get_way (SK_TOOL (self)) == SK_WAY_PICTURES)
    gtk_box_append (GTK_BOX (climb), faces_for (ladder));
  else
    gtk_box_append (GTK_BOX (climb), ladder);
  gtk_box_append (GTK_BOX (card), climb);

  gtk_widget_set_hexpand (side, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (side), title);
  gtk_box_append (GTK_BOX (side), note (_("What would you like to be different?"), SK_RECORD (goal), "child-words"));
  if (caseworker)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      const char *sources[SK_GOAL_N_SOURCES + 1] = { NULL };
      GtkWidget *dropdown;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (sk_record_get_int64 (SK_RECORD (goal), "set-at"));
      g_autofree char *date = sk_format_date (when);
      /* Translators: on a goal: when it was set; %s is a date */
      g_autofree char *set = g_strdup_printf (_("Set %s, from"), date);
      GtkWidget *set_label = gtk_label_new (set);

      gtk_box_append (GTK_BOX (side), note (_("Our formulation for the plan"), SK_RECORD (goal), "formulation"));
      for (guint s = 0; s < SK_GOAL_N_SOURCES; s++)
        sources[s] = _(sk_goal_source_label (s));
      dropdown = gtk_drop_down_new_from_strings (sources);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), sk_goal_get_source (goal));
      sk_accessible_set_label (dropdown, _("Where the goal comes from"));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (source_selected_cb), goal, 0);
      gtk_widget_add_css_class (set_label, "dim-label");
      gtk_box_append (GTK_BOX (row), set_label);
      gtk_box_append (GTK_BOX (row), dropdown);
      gtk_box_append (GTK_BOX (side), row);
    }

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (progress), 110);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (progress), draw_progress_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL, _("So far"), -1);
  gtk_box_append (GTK_BOX (side), progress);
  update_progress (self, progress, goal);
  gtk_box_append (GTK_BOX (side), note (_("What is different now?"), SK_RECORD (step), "words"));

  if (caseworker)
    {
      GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

      gtk_box_append (GTK_BOX (actions), close_button (self, goal, SK_GOAL_REACHED, _("_Reached")));
      gtk_box_append (GTK_BOX (actions), close_button (self, goal, SK_GOAL_CHANGED, _("C_hange…")));
      gtk_box_append (GTK_BOX (actions), close_button (self, goal, SK_GOAL_DROPPED, _("_Drop…")));
      gtk_box_append (GTK_BOX (side), actions);
    }
  g_object_bind_property (goal, "shared", shared, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (side), shared);
  gtk_box_append (GTK_BOX (card), side);
  return card;
}

static GtkWidget *
closed_row (SkGoal *goal)
{
  SkRecord *record = SK_RECORD (goal);
  g_autofree char *words = sk_summary_trim (sk_record_get_string (record, "child-words"));
  g_autofree char *reason = sk_summary_trim (sk_record_get_string (record, "reason"));
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (sk_record_get_int64 (record, "closed-at"));
  g_autofree char *date = sk_format_date (when);
  /* Translators: a closed goal: 1$ its state ("Reached"), 2$ a date */
  g_autofree char *state = g_strdup_printf (_("%1$s %2$s"), _(sk_goal_state_label (sk_goal_get_state (goal))), date);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *words != '\0' ? words : "–");
  if (*reason != '\0')
    {
      g_autofree char *subtitle = g_strdup_printf ("%s: %s", state, reason);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);
  return row;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
rebuild (SkGoalsTool *self)
{
  guint open = 0, closed = 0;

  clear_box (self->open_box);
  clear_box (self->closed_box);
  for (guint i = 0; self->goals != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->goals->goals)); i++)
    {
      g_autoptr(SkGoal) goal = g_list_model_get_item (G_LIST_MODEL (self->goals->goals), i);

      if (sk_goal_is_open (goal))
        {
          GtkWidget *card = open_card (self, goal, ++open);

          if (card != NULL)
            gtk_box_append (GTK_BOX (self->open_box), card);
        }
      else
        {
          gtk_list_box_append (GTK_LIST_BOX (self->closed_box), closed_row (goal));
          closed++;
        }
    }
  /* Buttons with mnemonics: one clean name for a screen reader. */
  sk_accessible_tidy_mnemonics (self->open_box);
  gtk_widget_set_visible (self->empty_label, self->goals != NULL && open == 0);
  gtk_widget_set_visible (self->closed_title, closed > 0);
  gtk_widget_set_visible (self->closed_box, closed > 0);
}

static void
add_clicked_cb (SkGoalsTool *self)
{
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));
  GError *error = NULL;

  if (self->goals == NULL || conversation == NULL)
    return;
  /* The child's own goal, until the caseworker says where else it is from. */
  if (sk_goals_add (self->goals, sk_tool_get_store (SK_TOOL (self)), conversation, SK_GOAL_FROM_CHILD, &error) == NULL)
    {
      report (self, error);
      return;
    }
  rebuild (self);
  {
    /* The keyboard in the new goal's words. */
    GtkWidget *last = gtk_widget_get_last_child (self->open_box);
    GtkWidget *field = last != NULL ? gtk_widget_get_first_child (gtk_widget_get_last_child (last)) : NULL;

    if (field != NULL && (field = gtk_widget_get_next_sibling (field)) != NULL && SK_IS_NOTE_FIELD (field))
      gtk_widget_grab_focus (GTK_WIDGET (sk_note_field_get_text_view (SK_NOTE_FIELD (field))));
  }
}

/* Plain text for the case system */

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SkGoalsTool     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->goals != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *text = NULL;
      GError *error = NULL;

      text = sk_goals_plain_text (self->goals, sk_tool_get_store (SK_TOOL (self)), self->child_name, &error);
      if (text != NULL && path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The goals can only be saved to a local folder."));
      /* Private to the user, like the database. */
      else if (text != NULL)
        g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      if (error != NULL)
        report (self, error);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (SkGoalsTool *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Goals for the Child’s Plan"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of the goals as text */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("goals-for-the-plan.txt"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sk_goals_tool_conversation_changed (SkTool *tool)
{
  SkGoalsTool *self = SK_GOALS_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  GError *error = NULL;

  g_clear_pointer (&self->goals, sk_goals_free);
  g_clear_pointer (&self->child_name, g_free);
  if (conversation != NULL)
    {
      g_autoptr(SkChild) child = sk_store_load (sk_tool_get_store (tool), SK_TYPE_CHILD,
                                                sk_conversation_get_child_id (conversation), &error);

      if (child != NULL)
        self->child_name = g_strdup (sk_record_get_string (SK_RECORD (child), "name"));
      if (error == NULL)
        self->goals = sk_goals_load (sk_tool_get_store (tool), sk_conversation_get_child_id (conversation), &error);
      if (error != NULL)
        report (self, error);
    }
  rebuild (self);
}

static void
sk_goals_tool_way_changed (SkTool *tool)
{
  rebuild (SK_GOALS_TOOL (tool));
}

SkGoals *
sk_goals_tool_get_goals (SkGoalsTool *self)
{
  g_return_val_if_fail (SK_IS_GOALS_TOOL (self), NULL);

  return self->goals;
}

static void
sk_goals_tool_constructed (GObject *object)
{
  SkGoalsTool *self = SK_GOALS_TOOL (object);

  G_OBJECT_CLASS (sk_goals_tool_parent_class)->constructed (object);

  gtk_box_append (GTK_BOX (self->prompt_box),
                  sk_speaker_button_new (sk_tool_get_context (SK_TOOL (object)),
                                         _("What would you like to be different?")));
  gtk_widget_set_visible (self->save_button, sk_tool_get_caseworker (SK_TOOL (object)));
  if (!sk_tool_get_caseworker (SK_TOOL (object)))
    gtk_widget_add_css_class (GTK_WIDGET (object), "for-child");
}

static void
sk_goals_tool_dispose (GObject *object)
{
  SkGoalsTool *self = SK_GOALS_TOOL (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->goals, sk_goals_free);
  g_clear_pointer (&self->child_name, g_free);
  G_OBJECT_CLASS (sk_goals_tool_parent_class)->dispose (object);
}

static void
sk_goals_tool_class_init (SkGoalsToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_goals_tool_constructed;
  object_class->dispose = sk_goals_tool_dispose;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_goals_tool_conversation_changed;
  SK_TOOL_CLASS (klass)->way_changed = sk_goals_tool_way_changed;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "goalstool");
}

static void
sk_goals_tool_init (SkGoalsTool *self)
{
  GtkWidget *title = gtk_label_new (_("My Goals"));
  GtkWidget *prompt = gtk_label_new (_("What would you like to be different?"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add a Goal"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_box_append (GTK_BOX (self->box), title);
  self->prompt_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "tool-prompt");
  gtk_box_append (GTK_BOX (self->prompt_box), prompt);
  gtk_box_append (GTK_BOX (self->box), self->prompt_box);

  self->empty_label = gtk_label_new (_("No goals yet. A goal is something the child would like to be different."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);
  self->open_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->box), self->open_box);

  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), add);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save the Goals as Text…"));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  self->closed_title = gtk_label_new (_("Reached, Changed and Dropped"));
  gtk_label_set_xalign (GTK_LABEL (self->closed_title), 0);
  gtk_widget_add_css_class (self->closed_title, "heading");
  gtk_box_append (GTK_BOX (self->box), self->closed_title);
  self->closed_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->closed_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->closed_box, "boxed-list");
  gtk_box_append (GTK_BOX (self->box), self->closed_box);
  sk_accessible_tidy_mnemonics (self->box);
  rebuild (self);
}
