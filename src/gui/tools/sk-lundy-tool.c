/* sk-lundy-tool.c — the Lundy steps: prepare, hold, evaluate
 *
 * Three pages.  Before: each step's questions for the caseworker as check
 * items with a note, usable before the child arrives.  With the child:
 * each step's line for the child, large, and a button to put it on the
 * whole screen.  After: the evaluation questions and notes.  Everything is
 * stored as it is checked or typed.  Only in the caseworker's view.
 */
#include "config.h"

#include "sk-lundy-tool.h"
#include "sk-art-image.h"
#include "sk-note-field.h"
#include "sk-window.h"

#include <glib/gi18n-lib.h>

struct _SkLundyTool
{
  GtkWidget parent_instance;

  SkStore        *store;
  SkConversation *conversation;
  GListStore     *answers;

  GtkWidget      *box;
  GtkWidget      *stack;
  GtkWidget      *pages[3];   /* before, with the child, after */
};

G_DEFINE_FINAL_TYPE (SkLundyTool, sk_lundy_tool, GTK_TYPE_WIDGET)

static GtkWidget *
step_header (const SkLundyStep *step,
             int                picture)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (_(step->name));
  GtkWidget *meaning = gtk_label_new (_(step->meaning));

  gtk_box_append (GTK_BOX (header), sk_art_image_new (step->art, picture));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "lundy-step-name");
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_label_set_xalign (GTK_LABEL (meaning), 0);
  gtk_label_set_wrap (GTK_LABEL (meaning), TRUE);
  gtk_widget_add_css_class (meaning, "dim-label");
  gtk_box_append (GTK_BOX (words), name);
  gtk_box_append (GTK_BOX (words), meaning);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (header), words);
  return header;
}

static GtkWidget *
card_new (const SkLundyStep *step)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *css = g_strdup_printf ("lundy-%s", step->key);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lundy-card");
  gtk_widget_add_css_class (card, css);
  return card;
}

/* A question's check item: stored at once, and following the record. */
static void
check_toggled_cb (GtkCheckButton *check,
                  SkLundyAnswer  *answer)
{
  const char *question = g_object_get_data (G_OBJECT (check), "question");

  if (gtk_check_button_get_active (check) != sk_lundy_answer_is_checked (answer, question))
    sk_lundy_answer_toggle (answer, question);
}

static void
checked_changed_cb (GtkCheckButton *check,
                    GParamSpec     *pspec,
                    SkLundyAnswer  *answer)
{
  const char *question = g_object_get_data (G_OBJECT (check), "question");

  gtk_check_button_set_active (check, sk_lundy_answer_is_checked (answer, question));
}

static GtkWidget *
questions_page (SkLundyTool  *self,
                SkLundyPhase  phase)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  guint n;
  const SkLundyStep *steps = sk_lundy_steps (&n);

  for (guint i = 0; i < n; i++)
    {
      SkLundyAnswer *answer = sk_lundy_answers_find (G_LIST_MODEL (self->answers), steps[i].key, phase);
      GtkWidget *card = card_new (&steps[i]);
      GtkWidget *note = g_object_new (SK_TYPE_NOTE_FIELD,
                                      /* Translators: the caseworker's note on one Lundy step */
                                      "title", _("Note"),
                                      NULL);

      gtk_box_append (GTK_BOX (card), step_header (&steps[i], 56));
      for (guint q = 0; q < steps[i].n_questions[phase]; q++)
        {
          const SkWord *question = &steps[i].questions[phase][q];
          GtkWidget *check = gtk_check_button_new_with_label (_(question->label));
          GtkWidget *label = gtk_widget_get_last_child (check);

          if (GTK_IS_LABEL (label))
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_xalign (GTK_LABEL (label), 0);
            }
          g_object_set_data (G_OBJECT (check), "question", (gpointer) question->key);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sk_lundy_answer_is_checked (answer, question->key));
          g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), answer, 0);
          g_signal_connect_object (answer, "notify::checked", G_CALLBACK (checked_changed_cb), check,
                                   G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (card), check);
        }
      sk_note_field_bind (SK_NOTE_FIELD (note), SK_RECORD (answer), "note");
      gtk_box_append (GTK_BOX (card), note);
      gtk_box_append (GTK_BOX (page), card);
    }
  return page;
}

static GtkWidget *
child_page (SkLundyTool *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  guint n;
  const SkLundyStep *steps = sk_lundy_steps (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = card_new (&steps[i]);
      GtkWidget *line = gtk_label_new (_(steps[i].child_line));
      GtkWidget *show = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *accel = g_strdup_printf ("Ctrl+%u", i + 1);
      /* Translators: %s is a key, e.g. "Ctrl+1" */
      g_autofree char *tooltip = g_strdup_printf (_("Shows the line on the whole screen (%s)"), accel);

      gtk_box_append (GTK_BOX (card), step_header (&steps[i], 72));
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_widget_add_css_class (line, "lundy-child-line");
      gtk_box_append (GTK_BOX (card), line);

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "view-fullscreen-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Show to the Child"));
      gtk_button_set_child (GTK_BUTTON (show), content);
      gtk_widget_set_halign (show, GTK_ALIGN_START);
      gtk_widget_add_css_class (show, "pill");
      gtk_widget_set_tooltip_text (show, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "s", steps[i].key);
      gtk_box_append (GTK_BOX (card), show);
      gtk_box_append (GTK_BOX (page), card);
    }
  return page;
}

static void
clear_pages (SkLundyTool *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i] != NULL)
      {
        gtk_stack_remove (GTK_STACK (self->stack), self->pages[i]);
        self->pages[i] = NULL;
      }
}

void
sk_lundy_tool_set_conversation (SkLundyTool    *self,
                                SkStore        *store,
                                SkConversation *conversation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *visible = NULL;

  g_return_if_fail (SK_IS_LUNDY_TOOL (self));
  g_return_if_fail (conversation == NULL || SK_IS_STORE (store));

  visible = g_strdup (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)));
  clear_pages (self);
  g_clear_object (&self->answers);
  g_set_object (&self->store, store);
  g_set_object (&self->conversation, conversation);
  if (conversation == NULL)
    return;

  self->answers = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  if (self->answers == NULL)
    {
      sk_window_report (GTK_WIDGET (self), error);
      return;
    }
  self->pages[0] = questions_page (self, SK_LUNDY_BEFORE);
  self->pages[1] = child_page (self);
  self->pages[2] = questions_page (self, SK_LUNDY_AFTER);
  /* Translators: the Lundy steps' first page: preparing the conversation */
  gtk_stack_add_titled (GTK_STACK (self->stack), self->pages[0], SK_LUNDY_PAGE_BEFORE, _("Before"));
  gtk_stack_add_titled (GTK_STACK (self->stack), self->pages[1], SK_LUNDY_PAGE_WITH_CHILD, _("With the Child"));
  /* Translators: the Lundy steps' last page: evaluating the conversation */
  gtk_stack_add_titled (GTK_STACK (self->stack), self->pages[2], SK_LUNDY_PAGE_AFTER, _("After"));
  /* No crossfade for a new conversation: a transition that starts while
   * the tool is hidden never ends, and keeps the old page's width. */
  if (visible != NULL)
    gtk_stack_set_visible_child_full (GTK_STACK (self->stack), visible, GTK_STACK_TRANSITION_TYPE_NONE);
}

void
sk_lundy_tool_show_page (SkLundyTool *self,
                         const char  *page)
{
  g_return_if_fail (SK_IS_LUNDY_TOOL (self));

  if (gtk_stack_get_child_by_name (GTK_STACK (self->stack), page) != NULL)
    gtk_stack_set_visible_child_full (GTK_STACK (self->stack), page,
                                      gtk_widget_get_mapped (GTK_WIDGET (self))
                                      ? GTK_STACK_TRANSITION_TYPE_CROSSFADE : GTK_STACK_TRANSITION_TYPE_NONE);
}

const char *
sk_lundy_tool_get_page (SkLundyTool *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_TOOL (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

GListModel *
sk_lundy_tool_get_answers (SkLundyTool *self)
{
  g_return_val_if_fail (SK_IS_LUNDY_TOOL (self), NULL);

  return G_LIST_MODEL (self->answers);
}

static void
sk_lundy_tool_dispose (GObject *object)
{
  SkLundyTool *self = SK_LUNDY_TOOL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->answers);
  g_clear_object (&self->conversation);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sk_lundy_tool_parent_class)->dispose (object);
}

static void
sk_lundy_tool_class_init (SkLundyToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_lundy_tool_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lundytool");
}

static void
sk_lundy_tool_init (SkLundyTool *self)
{
  GtkWidget *title, *prompt, *switcher;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);

  title = gtk_label_new (_("The Lundy Model"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "tool-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), title);

  prompt = gtk_label_new (_("Space, voice, audience and influence: prepare before the child comes, "
                            "say each step to the child, and look back afterwards."));
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_widget_add_css_class (prompt, "tool-prompt");
  gtk_box_append (GTK_BOX (self->box), prompt);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Each page its own size: measured for another page's height, wrapped
   * text would ask for a very wide page. */
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_widget_add_css_class (switcher, "lundy-phases");
  gtk_box_append (GTK_BOX (self->box), switcher);
  gtk_box_append (GTK_BOX (self->box), self->stack);
}

GtkWidget *
sk_lundy_tool_new (void)
{
  return g_object_new (SK_TYPE_LUNDY_TOOL, NULL);
}
