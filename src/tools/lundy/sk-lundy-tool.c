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
#include "sk-lundy-line.h"
#include "sk-art-image.h"
#include "sk-note-field.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkLundyTool
{
  SkTool parent_instance;

  GListStore     *answers;

  GtkWidget      *box;
  GtkWidget      *stack;
  GtkWidget      *pages[3];   /* before, with the child, after */
  SkLundyLine    *line;       /* on the whole window while shown */
  GtkEventController *keys;   /* Ctrl+1 … Ctrl+4, on the window */
};

G_DEFINE_FINAL_TYPE (SkLundyTool, sk_lundy_tool, SK_TYPE_TOOL)

/* Never on the parents' paper. */
const SkToolRender sk_lundy_render = { NULL, NULL };

static gboolean
line_shown (SkLundyTool *self)
{
  return self->line != NULL && gtk_widget_get_parent (GTK_WIDGET (self->line)) != NULL;
}

static void
hide_line (SkLundyTool *self)
{
  if (line_shown (self))
    sk_context_show_full (sk_tool_get_context (SK_TOOL (self)), NULL);
}

/* One step's line for the child on the whole window; the same step again
 * (or "") goes back. */
static void
show_step (SkLundyTool *self,
           const char  *step)
{
  if (sk_tool_get_conversation (SK_TOOL (self)) == NULL)
    return;
  if (*step == '\0' || sk_lundy_step (step) == NULL ||
      (line_shown (self) && g_strcmp0 (sk_lundy_line_get_step (self->line), step) == 0))
    {
      hide_line (self);
      return;
    }
  if (self->line == NULL)
    {
      self->line = g_object_ref_sink (SK_LUNDY_LINE (sk_lundy_line_new ()));
      g_signal_connect_object (self->line, "back", G_CALLBACK (hide_line), self, G_CONNECT_SWAPPED);
    }
  sk_lundy_line_set_step (self->line, step);
  sk_context_show_full (sk_tool_get_context (SK_TOOL (self)), GTK_WIDGET (self->line));
  gtk_widget_grab_focus (GTK_WIDGET (self->line));
}

static void
show_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_step (SK_LUNDY_TOOL (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
step_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  show_step (user_data, g_variant_get_string (args, NULL));
  return TRUE;
}

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
      {
        /* Eight notes are called "Note": each says whose, to a screen
         * reader.  Translators: %s is a Lundy step, "Space" */
        g_autofree char *spoken = g_strdup_printf (phase == SK_LUNDY_BEFORE ? _("%s: note before the conversation")
                                                                            : _("%s: note after the conversation"),
                                                   _(steps[i].name));

        sk_note_field_set_spoken_name (SK_NOTE_FIELD (note), spoken);
      }
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
      gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "lundy.show-step");
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

static void
sk_lundy_tool_conversation_changed (SkTool *tool)
{
  SkLundyTool *self = SK_LUNDY_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  g_autoptr(GError) error = NULL;
  g_autofree char *visible = NULL;

  hide_line (self);
  visible = g_strdup (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)));
  clear_pages (self);
  g_clear_object (&self->answers);
  if (conversation == NULL)
    return;

  self->answers = sk_lundy_answers (sk_tool_get_store (tool), sk_record_get_id (SK_RECORD (conversation)), TRUE,
                                    &error);
  if (self->answers == NULL)
    {
      sk_tool_report (GTK_WIDGET (self), error);
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

static void
sk_lundy_tool_show_part (SkTool     *tool,
                         const char *part)
{
  sk_lundy_tool_show_page (SK_LUNDY_TOOL (tool), part);
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

  if (self->line != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->line, self);
      if (line_shown (self) && sk_tool_get_context (SK_TOOL (self)) != NULL)
        sk_context_show_full (sk_tool_get_context (SK_TOOL (self)), NULL);
      g_clear_object (&self->line);
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->answers);

  G_OBJECT_CLASS (sk_lundy_tool_parent_class)->dispose (object);
}

/* Ctrl+1 … Ctrl+4 put a step's line up from anywhere in the window, the
 * child's view too: the keys live on the window while the tool does. */
static void
sk_lundy_tool_root (GtkWidget *widget)
{
  SkLundyTool *self = SK_LUNDY_TOOL (widget);
  guint n;
  const SkLundyStep *steps = sk_lundy_steps (&n);

  GTK_WIDGET_CLASS (sk_lundy_tool_parent_class)->root (widget);

  self->keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (self->keys), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < n && i < 9; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_CONTROL_MASK),
                                                gtk_callback_action_new (step_shortcut_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (steps[i].key));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->keys), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->keys);
}

static void
sk_lundy_tool_unroot (GtkWidget *widget)
{
  SkLundyTool *self = SK_LUNDY_TOOL (widget);

  if (self->keys != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)), g_steal_pointer (&self->keys));
  GTK_WIDGET_CLASS (sk_lundy_tool_parent_class)->unroot (widget);
}

static void
sk_lundy_tool_class_init (SkLundyToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_lundy_tool_dispose;
  widget_class->root = sk_lundy_tool_root;
  widget_class->unroot = sk_lundy_tool_unroot;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_lundy_tool_conversation_changed;
  SK_TOOL_CLASS (klass)->show_part = sk_lundy_tool_show_part;
  gtk_widget_class_install_action (widget_class, "lundy.show-step", "s", show_step_action);
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
