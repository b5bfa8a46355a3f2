/* sk-child-view.c — the screen the child sees: one name, big words, the tools
 *
 * Built to show nothing but this child's own things: the child's name, the
 * tools, the child's own words and what we agreed, and at the end "Our
 * summary", where the child says yes or no to each thing the parents may
 * see.  It never holds a list of children, nor the caseworker's notes.
 * The way out is held down, or a key combination: never one key or tap.
 *
 * For a child in picture mode the pause card is always at the top: a
 * touch on "Pause" or "Stop" shows a calm screen — nothing on it but the
 * sign and one big way back — and the time goes into the conversation
 * (sk-pause.h).
 *
 * A baby or a small child who is observed (the way "observation") is not
 * asked anything: the screen shows the child's first name and nothing
 * else.  Turned to the room on a home visit, it keeps the caseworker's
 * notes out of sight; a child who can point at pictures is set to the
 * way "pictures" instead, and gets the picture cards.
 */
#include "config.h"

#include "sk-child-view.h"
#include "sk-widget-util.h"
#include "sk-hold-button.h"
#include "sk-scroller.h"
#include "sk-note-field.h"
#include "sk-shared-button.h"
#include "sk-summary-panel.h"
#include "sk-undo.h"
#include "sk-art-image.h"
#include "sk-pause.h"
#include "sk-speak.h"
#include "sk-tool-shelf.h"

#include <glib/gi18n-lib.h>

struct _SkChildView
{
  GtkWidget parent_instance;

  SkContext   *context;
  SkConversation *conversation;
  SkChild     *child;
  GBinding    *name_binding;
  GBinding    *words_shared_binding;

  GtkWidget   *toast_overlay;
  GtkWidget   *start_box;
  GtkWidget   *back_button;
  GtkWidget   *pause_card;
  GtkWidget   *calm_page;
  GtkWidget   *calm_art;
  GtkWidget   *calm_label;
  GtkWidget   *calm_back;
  GtkWidget   *observed_name;  /* the child's first name, alone */
  char        *before_calm;   /* the page to go back to */
  SkPause     *pause;         /* the break going on */
  gulong       way_handler;
  GtkLabel    *name_label;
  GtkStack    *steps;
  GtkWidget   *scroller;
  GtkWidget   *tools_place;
  SkNoteField *child_words_field;
  GtkWidget   *child_words_shared;
  SkNoteField *agreements_field;
  GtkWidget   *summary_button;
  SkSummaryPanel *summary_panel;   /* built the first time it is shown */
  SkToolShelf *tools;
};

G_DEFINE_FINAL_TYPE (SkChildView, sk_child_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_observed (SkChildView *self)
{
  return self->child != NULL && sk_child_get_way (self->child) == SK_WAY_OBSERVATION;
}

static void
follow_way (SkChildView *self)
{
  gboolean pictures = self->child != NULL && sk_child_get_way (self->child) == SK_WAY_PICTURES;
  gboolean observed = is_observed (self);
  const char *shown = gtk_stack_get_visible_child_name (self->steps);

  gtk_widget_set_visible (self->pause_card, pictures && self->conversation != NULL && self->pause == NULL);
  /* Low stimulation: one plain colour, nothing that moves (style.css). */
  if (pictures && self->context != NULL &&
      g_settings_get_boolean (sk_context_get_settings (self->context), "low-stimulation"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "low-stimulation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "low-stimulation");
  gtk_stack_set_transition_type (self->steps, gtk_widget_has_css_class (GTK_WIDGET (self), "low-stimulation")
                                              ? GTK_STACK_TRANSITION_TYPE_NONE : GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  /* Observed: the first name alone, in the middle; not in the corner too. */
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), !observed);
  if (observed)
    {
      g_autofree char *first = sk_format_first_name (sk_child_get_name (self->child));

      gtk_label_set_label (GTK_LABEL (self->observed_name), first);
      if (g_strcmp0 (shown, "calm") != 0)
        gtk_stack_set_visible_child_name (self->steps, "observed");
      gtk_widget_set_visible (self->back_button, FALSE);
    }
  else if (g_strcmp0 (shown, "observed") == 0)
    gtk_stack_set_visible_child_name (self->steps, "tools");
}

/* The break is over: back to where the child was. */
static void
end_calm (SkChildView *self)
{
  if (self->pause == NULL)
    return;
  sk_pause_end (self->pause);
  g_clear_object (&self->pause);
  gtk_stack_set_visible_child_name (self->steps, self->before_calm != NULL ? self->before_calm : "tools");
  g_clear_pointer (&self->before_calm, g_free);
  follow_way (self);
  gtk_widget_grab_focus (self->pause_card);
}

static void
begin_calm (SkChildView *self,
            const char  *kind)
{
  g_autoptr(GError) error = NULL;
  gboolean stop = g_strcmp0 (kind, "stop") == 0;

  if (self->conversation == NULL || self->pause != NULL)
    return;
  self->pause = sk_pause_begin (sk_context_get_store (self->context),
                                sk_record_get_id (SK_RECORD (self->conversation)), kind, &error);
  if (self->pause == NULL)
    {
      sk_context_report (self->context, error);
      return;
    }
  self->before_calm = g_strdup (gtk_stack_get_visible_child_name (self->steps));
  sk_art_image_set_art (SK_ART_IMAGE (self->calm_art), stop ? "plan-stop" : "plan-pause");
  gtk_label_set_label (GTK_LABEL (self->calm_label), stop ? _("Stop") : _("Pause"));
  gtk_stack_set_visible_child_name (self->steps, "calm");
  follow_way (self);
  gtk_widget_grab_focus (self->calm_back);
}

static void
pause_clicked_cb (GtkButton   *button,
                  SkChildView *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "sk-pause-kind");

  sk_speak (self->context, g_strcmp0 (kind, "stop") == 0 ? _("Stop") : _("Pause"));
  begin_calm (self, kind);
}

/* One touch anywhere on the calm screen goes back. */
static void
calm_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 SkChildView     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  end_calm (self);
}

static GtkWidget *
pause_button_new (SkChildView *self,
                  const char  *kind,
                  const char  *art,
                  const char  *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_label_new (label);

  gtk_box_append (GTK_BOX (box), sk_art_image_new (art, 48));
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pause-button");
  g_object_set_data (G_OBJECT (button), "sk-pause-kind", (gpointer) kind);
  g_signal_connect_object (button, "clicked", G_CALLBACK (pause_clicked_cb), self, 0);
  return button;
}

static void
build_pause (SkChildView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkGesture *click = gtk_gesture_click_new ();

  self->pause_card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->pause_card, "pause-card");
  gtk_widget_set_valign (self->pause_card, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->pause_card), pause_button_new (self, "pause", "plan-pause", _("Pause")));
  gtk_box_append (GTK_BOX (self->pause_card), pause_button_new (self, "stop", "plan-stop", _("Stop")));
  gtk_widget_set_visible (self->pause_card, FALSE);
  gtk_box_append (GTK_BOX (self->start_box), self->pause_card);

  self->calm_art = sk_art_image_new ("plan-pause", 200);
  self->calm_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->calm_label, "calm-title");
  self->calm_back = gtk_button_new_with_label (_("Go on"));
  gtk_widget_add_css_class (self->calm_back, "pill");
  gtk_widget_add_css_class (self->calm_back, "calm-back");
  gtk_widget_set_halign (self->calm_back, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->calm_back, "clicked", G_CALLBACK (end_calm), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->calm_art);
  gtk_box_append (GTK_BOX (box), self->calm_label);
  gtk_box_append (GTK_BOX (box), self->calm_back);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  self->calm_page = adw_bin_new ();
  adw_bin_set_child (ADW_BIN (self->calm_page), box);
  gtk_widget_add_css_class (self->calm_page, "calm-page");
  g_signal_connect_object (click, "pressed", G_CALLBACK (calm_pressed_cb), self, 0);
  gtk_widget_add_controller (self->calm_page, GTK_EVENT_CONTROLLER (click));
  gtk_stack_add_named (self->steps, self->calm_page, "calm");

  /* For a child who is observed. */
  self->observed_name = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->observed_name), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->observed_name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->observed_name, "observed-name");
  gtk_widget_set_valign (self->observed_name, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (self->observed_name, GTK_ALIGN_CENTER);
  {
    GtkWidget *page = adw_bin_new ();

    adw_bin_set_child (ADW_BIN (page), self->observed_name);
    gtk_widget_add_css_class (page, "observed-page");
    gtk_stack_add_named (self->steps, page, "observed");
  }
}

static void
ensure_summary (SkChildView *self)
{
  if (self->summary_panel != NULL)
    return;

  self->summary_panel = SK_SUMMARY_PANEL (sk_summary_panel_new (self->context, TRUE));
  gtk_stack_add_named (self->steps, GTK_WIDGET (self->summary_panel), "summary");
}

static void
summary_clicked_cb (SkChildView *self)
{
  sk_child_view_show_summary (self);
}

static void
back_clicked_cb (SkChildView *self)
{
  sk_child_view_show_tools (self);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  SkChildView *self = SK_CHILD_VIEW (widget);

  /* Esc goes back from the summary to the tools, and never further. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "summary") == 0)
    sk_child_view_show_tools (self);
  return TRUE;
}

static void
sk_child_view_constructed (GObject *object)
{
  SkChildView *self = SK_CHILD_VIEW (object);

  G_OBJECT_CLASS (sk_child_view_parent_class)->constructed (object);

  /* Every tool of the child's view, from the registry; the ones that
   * come first are gone through together first. */
  self->tools = SK_TOOL_SHELF (sk_tool_shelf_new (self->context, FALSE));
  gtk_box_append (GTK_BOX (self->tools_place), GTK_WIDGET (self->tools));
  g_signal_connect_object (sk_context_get_settings (self->context), "changed::low-stimulation",
                           G_CALLBACK (follow_way), self, G_CONNECT_SWAPPED);
}

static void
sk_child_view_dispose (GObject *object)
{
  SkChildView *self = SK_CHILD_VIEW (object);

  end_calm (self);
  if (self->child != NULL)
    g_clear_signal_handler (&self->way_handler, self->child);
  g_clear_pointer (&self->before_calm, g_free);
  sk_binding_clear (&self->name_binding);
  sk_binding_clear (&self->words_shared_binding);
  g_clear_object (&self->child);
  g_clear_object (&self->conversation);
  g_clear_object (&self->context);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CHILD_VIEW);

  G_OBJECT_CLASS (sk_child_view_parent_class)->dispose (object);
}

static void
sk_child_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, SK_CHILD_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_child_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      SK_CHILD_VIEW (object)->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_child_view_class_init (SkChildViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_child_view_constructed;
  object_class->dispose = sk_child_view_dispose;
  object_class->get_property = sk_child_view_get_property;
  object_class->set_property = sk_child_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SK_TYPE_NOTE_FIELD);
  g_type_ensure (SK_TYPE_SHARED_BUTTON);
  g_type_ensure (SK_TYPE_HOLD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-child-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SkChildView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, start_box);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, name_label);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, steps);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, tools_place);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, child_words_field);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, child_words_shared);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, agreements_field);
  gtk_widget_class_bind_template_child (widget_class, SkChildView, summary_button);
  gtk_widget_class_bind_template_callback (widget_class, summary_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "childview");
}

static void
sk_child_view_init (SkChildView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_scroller_follow_focus (GTK_SCROLLED_WINDOW (self->scroller));
  build_pause (self);
}

GtkWidget *
sk_child_view_new (SkContext *context)
{
  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);

  return g_object_new (SK_TYPE_CHILD_VIEW, "context", context, NULL);
}

/**
 * sk_child_view_set_conversation:
 * @child: (nullable): the child the conversation is with
 * @conversation: (nullable): the conversation to show
 *
 * %NULL for both empties the view, so that nothing is left behind.  The
 * view starts on the tools, at the top.
 */
void
sk_child_view_set_conversation (SkChildView    *self,
                                SkChild        *child,
                                SkConversation *conversation)
{
  g_return_if_fail (SK_IS_CHILD_VIEW (self));

  /* A break of the last conversation ends with it. */
  end_calm (self);
  sk_binding_clear (&self->name_binding);
  sk_binding_clear (&self->words_shared_binding);
  if (self->child != NULL)
    g_clear_signal_handler (&self->way_handler, self->child);
  g_set_object (&self->child, child);
  g_set_object (&self->conversation, conversation);
  if (child != NULL)
    self->way_handler = g_signal_connect_object (child, "notify::way", G_CALLBACK (follow_way),
                                                 self, G_CONNECT_SWAPPED);
  follow_way (self);

  if (child != NULL)
    self->name_binding = sk_bind (child, "name", self->name_label, "label", G_BINDING_SYNC_CREATE);
  else
    gtk_label_set_label (self->name_label, "");

  sk_note_field_bind (self->child_words_field, SK_RECORD (conversation), "child-words");
  if (conversation != NULL)
    self->words_shared_binding = sk_bind (conversation, "child-words-shared", self->child_words_shared, "active",
                                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  sk_note_field_bind (self->agreements_field, SK_RECORD (conversation), "agreements");
  sk_tool_shelf_set_conversation (self->tools, conversation);
  if (self->summary_panel != NULL)
    sk_summary_panel_set_conversation (self->summary_panel, NULL);
  sk_child_view_show_tools (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/**
 * sk_child_view_show_summary:
 *
 * "Our summary": the parents' pages beside a yes and a no for each thing
 * the child can share, full size.
 */
void
sk_child_view_show_summary (SkChildView *self)
{
  g_return_if_fail (SK_IS_CHILD_VIEW (self));

  /* An observed child chooses nothing: the caseworker marks what the
   * parents may read, in the caseworker's view. */
  if (self->conversation == NULL || is_observed (self))
    return;
  ensure_summary (self);
  sk_summary_panel_set_conversation (self->summary_panel, self->conversation);
  gtk_stack_set_visible_child_name (self->steps, "summary");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_grab_focus (self->back_button);
}

void
sk_child_view_show_tools (SkChildView *self)
{
  g_return_if_fail (SK_IS_CHILD_VIEW (self));

  if (is_observed (self))
    {
      gtk_stack_set_visible_child_name (self->steps, "observed");
      gtk_widget_set_visible (self->back_button, FALSE);
      return;
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "tools") == 0)
    return;
  gtk_stack_set_visible_child_name (self->steps, "tools");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_grab_focus (self->summary_button);
}

/**
 * sk_child_view_focus_start:
 *
 * Puts the keyboard on the first thing of the child's own, never on the
 * way out.
 */
void
sk_child_view_focus_start (SkChildView *self)
{
  g_return_if_fail (SK_IS_CHILD_VIEW (self));

  if (!gtk_widget_child_focus (gtk_stack_get_visible_child (self->steps), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (self->summary_button);
}

/* Makes the deletes waiting for their Undo here final. */
gboolean
sk_child_view_finish (SkChildView  *self,
                      GError      **error)
{
  g_return_val_if_fail (SK_IS_CHILD_VIEW (self), FALSE);

  return sk_undo_finish_all (self->toast_overlay, error);
}
