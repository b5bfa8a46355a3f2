/* sk-evaluation-tool.c — "How was it?"
 *
 * Four questions, one per Lundy step, each with a read-aloud button and
 * three faces (Yes, A little, No) that stay chosen until chosen again,
 * and "Something else you want to tell me?".  In the caseworker's view,
 * under them, the child's answers over the conversations, beside the
 * caseworker's own evaluation of the same steps, and the way to the
 * overview across all children.  Every answer is stored at once.
 */
#include "config.h"

#include "sk-evaluation-tool.h"
#include "sk-evaluation-overview.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-format.h"
#include "sk-note-field.h"
#include "sk-speak.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkEvaluationTool
{
  SkTool parent_instance;

  SkEvaluation *evaluation;

  GtkWidget *box;
  GtkWidget *questions_box;
  GtkWidget *faces[SK_EVALUATION_N_QUESTIONS][SK_EVALUATION_N_ANSWERS];
  GtkWidget *words_field;
  GtkWidget *history_box;     /* the caseworker's */
  GtkWidget *history_grid;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (SkEvaluationTool, sk_evaluation_tool, SK_TYPE_TOOL)

/* Never on the parents' paper. */
const SkToolRender sk_evaluation_render = { NULL, NULL };

#define FACE_SIZE    72
#define HISTORY_FACE 28
#define HISTORY_MAX  8

static void
sync_faces (SkEvaluationTool *self)
{
  self->updating = TRUE;
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    {
      SkEvaluationAnswer answer = self->evaluation != NULL ? sk_evaluation_get_answer (self->evaluation, q)
                                                          : SK_EVALUATION_UNANSWERED;

      for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->faces[q][a]), answer == a + 1);
          gtk_widget_set_sensitive (self->faces[q][a], self->evaluation != NULL);
        }
    }
  self->updating = FALSE;
}

static void
face_toggled_cb (GtkToggleButton  *button,
                 SkEvaluationTool *self)
{
  guint q = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "question"));
  guint answer = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "answer"));

  if (self->updating || self->evaluation == NULL)
    return;
  /* Chosen again: no answer, as the child may take it back. */
  if (gtk_toggle_button_get_active (button))
    sk_evaluation_set_answer (self->evaluation, q, answer);
  else if (sk_evaluation_get_answer (self->evaluation, q) == answer)
    sk_evaluation_set_answer (self->evaluation, q, SK_EVALUATION_UNANSWERED);
  sync_faces (self);
}

static GtkWidget *
face_button (SkEvaluationTool *self,
             guint             q,
             guint             answer)
{
  const SkEvaluationQuestion *question = &sk_evaluation_questions ()[q];
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(sk_evaluation_answer_label (answer)));
  /* Translators: a face's name for a screen reader: the question, then the answer */
  g_autofree char *name = g_strdup_printf (_("%s %s"), _(question->question), _(sk_evaluation_answer_label (answer)));

  gtk_box_append (GTK_BOX (box), sk_art_image_new (sk_evaluation_answer_art (answer), FACE_SIZE));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "evaluation-face");
  gtk_widget_set_tooltip_text (button, _(sk_evaluation_answer_label (answer)));
  sk_accessible_set_label (button, name);
  g_object_set_data (G_OBJECT (button), "question", GUINT_TO_POINTER (q));
  g_object_set_data (G_OBJECT (button), "answer", GUINT_TO_POINTER (answer));
  g_signal_connect (button, "toggled", G_CALLBACK (face_toggled_cb), self);
  return button;
}

static GtkWidget *
question_card (SkEvaluationTool *self,
               guint             q)
{
  const SkEvaluationQuestion *question = &sk_evaluation_questions ()[q];
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_(question->question));
  GtkWidget *faces = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "evaluation-question");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), label);
  g_object_set_data (G_OBJECT (card), "head", head);
  gtk_box_append (GTK_BOX (card), head);
  gtk_widget_set_halign (faces, GTK_ALIGN_START);
  for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++)
    {
      self->faces[q][a] = face_button (self, q, a + 1);
      gtk_box_append (GTK_BOX (faces), self->faces[q][a]);
    }
  gtk_box_append (GTK_BOX (card), faces);
  return card;
}

/* The caseworker's: the child's answers over time */

static void
clear_history (SkEvaluationTool *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->history_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->history_grid), child);
}

static GtkWidget *
history_cell (const SkEvaluationVisit *visit,
              guint                    q)
{
  const SkEvaluationQuestion *question = &sk_evaluation_questions ()[q];
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gboolean mine = (visit->evaluated_by_caseworker & (1u << q)) != 0;
  g_autofree char *description = NULL;

  if (visit->answers[q] != SK_EVALUATION_UNANSWERED)
    gtk_box_append (GTK_BOX (cell), sk_art_image_new (sk_evaluation_answer_art (visit->answers[q]), HISTORY_FACE));
  else
    {
      GtkWidget *none = gtk_label_new ("–");

      gtk_widget_set_size_request (none, HISTORY_FACE, HISTORY_FACE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (cell), none);
    }
  if (mine)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (check, "dim-label");
      gtk_widget_set_valign (check, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (cell), check);
    }
  /* Translators: a cell of the row over time: "Safe: Yes" */
  description = g_strdup_printf (_("%s: %s%s%s"), _(question->short_name),
                                 visit->answers[q] != SK_EVALUATION_UNANSWERED
                                 ? _(sk_evaluation_answer_label (visit->answers[q]))
                                 /* Translators: the child gave no answer to this question */
                                 : _("no answer"),
                                 mine ? " · " : "",
                                 /* Translators: the caseworker's own Lundy evaluation of this step */
                                 mine ? _("you evaluated it too") : "");
  gtk_widget_set_tooltip_text (cell, description);
  sk_accessible_set_label (cell, description);
  return cell;
}

static void
update_history (SkEvaluationTool *self)
{
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));
  const SkEvaluationQuestion *questions = sk_evaluation_questions ();
  g_autoptr(GArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  guint first;

  clear_history (self);
  if (conversation == NULL || !sk_tool_get_caseworker (SK_TOOL (self)))
    {
      gtk_widget_set_visible (self->history_box, FALSE);
      return;
    }
  visits = sk_evaluation_history (sk_tool_get_store (SK_TOOL (self)), sk_conversation_get_child_id (conversation), &error);
  if (visits == NULL)
    {
      sk_tool_report (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_set_visible (self->history_box, visits->len > 0);
  /* The last conversations, up to today's. */
  first = visits->len > HISTORY_MAX ? visits->len - HISTORY_MAX : 0;
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    {
      GtkWidget *name = gtk_label_new (_(questions[q].short_name));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (GTK_GRID (self->history_grid), name, 0, q + 1, 1, 1);
    }
  for (guint i = first; i < visits->len; i++)
    {
      const SkEvaluationVisit *visit = &g_array_index (visits, SkEvaluationVisit, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (visit->started_at);
      g_autofree char *date = sk_format_short_date (when);
      GtkWidget *heading = gtk_label_new (date);

      gtk_widget_add_css_class (heading, "caption");
      if (visit->conversation_id == sk_record_get_id (SK_RECORD (conversation)))
        gtk_widget_add_css_class (heading, "heading");
      gtk_grid_attach (GTK_GRID (self->history_grid), heading, i - first + 1, 0, 1, 1);
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        gtk_grid_attach (GTK_GRID (self->history_grid), history_cell (visit, q), i - first + 1, q + 1, 1, 1);
    }
}

static void
evaluation_changed_cb (SkEvaluationTool *self)
{
  sync_faces (self);
  update_history (self);
}

static void
overview_clicked_cb (SkEvaluationTool *self)
{
  sk_evaluation_overview_show (GTK_WIDGET (self), sk_tool_get_store (SK_TOOL (self)));
}

static void
sk_evaluation_tool_conversation_changed (SkTool *tool)
{
  SkEvaluationTool *self = SK_EVALUATION_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  g_autoptr(GError) error = NULL;

  if (self->evaluation != NULL)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  g_clear_object (&self->evaluation);
  if (conversation != NULL)
    {
      self->evaluation = sk_evaluation_load (sk_tool_get_store (tool), sk_record_get_id (SK_RECORD (conversation)),
                                             TRUE, &error);
      if (self->evaluation == NULL)
        sk_tool_report (GTK_WIDGET (self), error);
    }
  if (self->evaluation != NULL)
    {
      /* The faces change the row over time; the words do not. */
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        {
          g_autofree char *signal = g_strconcat ("notify::", sk_evaluation_questions ()[q].key, NULL);

          g_signal_connect_object (self->evaluation, signal, G_CALLBACK (evaluation_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  sk_note_field_bind (SK_NOTE_FIELD (self->words_field), SK_RECORD (self->evaluation), "words");
  sync_faces (self);
  update_history (self);
}

SkEvaluation *
sk_evaluation_tool_get_evaluation (SkEvaluationTool *self)
{
  g_return_val_if_fail (SK_IS_EVALUATION_TOOL (self), NULL);

  return self->evaluation;
}

static void
sk_evaluation_tool_constructed (GObject *object)
{
  SkEvaluationTool *self = SK_EVALUATION_TOOL (object);
  SkContext *context = sk_tool_get_context (SK_TOOL (object));

  G_OBJECT_CLASS (sk_evaluation_tool_parent_class)->constructed (object);

  /* Read aloud, each question on its own. */
  for (GtkWidget *card = gtk_widget_get_first_child (self->questions_box); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      guint q = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (card), "question"));

      gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (card), "head")),
                      sk_speaker_button_new (context, _(sk_evaluation_questions ()[q].question)));
    }
  if (!sk_tool_get_caseworker (SK_TOOL (object)))
    gtk_widget_add_css_class (GTK_WIDGET (object), "for-child");
  else
    {
      GtkWidget *overview = gtk_button_new_with_label (_("All Children, per Month…"));

      gtk_widget_set_halign (overview, GTK_ALIGN_START);
      g_signal_connect_swapped (overview, "clicked", G_CALLBACK (overview_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->history_box), overview);
    }
}

static void
sk_evaluation_tool_dispose (GObject *object)
{
  SkEvaluationTool *self = SK_EVALUATION_TOOL (object);

  if (self->evaluation != NULL)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  g_clear_object (&self->evaluation);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (sk_evaluation_tool_parent_class)->dispose (object);
}

static void
sk_evaluation_tool_class_init (SkEvaluationToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_evaluation_tool_constructed;
  object_class->dispose = sk_evaluation_tool_dispose;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_evaluation_tool_conversation_changed;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evaluationtool");
}

static void
sk_evaluation_tool_init (SkEvaluationTool *self)
{
  GtkWidget *title = gtk_label_new (_("How Was It?"));
  GtkWidget *prompt = gtk_label_new (_("Tell me how it was to talk with me today."));
  GtkWidget *history_title = gtk_label_new (_("Over Time"));
  GtkWidget *history_note = gtk_label_new (_("The child’s answers at each conversation; ✓ where you evaluated the same step of the Lundy model afterwards."));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_box_append (GTK_BOX (self->box), title);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "tool-prompt");
  gtk_box_append (GTK_BOX (self->box), prompt);

  self->questions_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
    {
      GtkWidget *card = question_card (self, q);

      g_object_set_data (G_OBJECT (card), "question", GUINT_TO_POINTER (q));
      gtk_box_append (GTK_BOX (self->questions_box), card);
    }
  gtk_box_append (GTK_BOX (self->box), self->questions_box);

  self->words_field = g_object_new (SK_TYPE_NOTE_FIELD, "title", _("Something else you want to tell me?"), NULL);
  gtk_box_append (GTK_BOX (self->box), self->words_field);

  self->history_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_label_set_xalign (GTK_LABEL (history_title), 0);
  gtk_widget_add_css_class (history_title, "heading");
  gtk_box_append (GTK_BOX (self->history_box), history_title);
  gtk_label_set_xalign (GTK_LABEL (history_note), 0);
  gtk_label_set_wrap (GTK_LABEL (history_note), TRUE);
  gtk_widget_add_css_class (history_note, "dim-label");
  gtk_box_append (GTK_BOX (self->history_box), history_note);
  self->history_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->history_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->history_grid), 6);
  gtk_box_append (GTK_BOX (self->history_box), self->history_grid);
  gtk_widget_set_visible (self->history_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->history_box);
}
