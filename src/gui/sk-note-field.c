/* sk-note-field.c — a titled text area bound to a text column of a record
 *
 * The text buffer and the record property are bound both ways: what is
 * typed goes to the record at once (the store writes it within 0.3 s), and
 * a change from another view of the same record shows up here.
 *
 * Typing is taken in ahead of GtkTextView (an input method of our own on
 * the key presses) and put into the buffer once per turn of the main
 * loop: each insertion makes GTK lay out the cursor's whole paragraph
 * again, which for a paragraph of 100,000 characters takes longer than
 * the gap between two keystrokes.  Keys that came in meanwhile go in
 * together, so the field keeps up however long the note is.  Any other
 * key (Backspace, arrows, Return, shortcuts) first puts in what is
 * waiting, so the order of keys is kept.
 *
 * The page around the field has its natural height, so GtkTextView's own
 * scrolling never moves it: the field scrolls the page itself to keep the
 * cursor in view.
 */
#include "config.h"

#include "sk-note-field.h"
#include "sk-widget-util.h"

struct _SkNoteField
{
  GtkWidget parent_instance;

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkLabel    *description_label;
  GtkTextView *text_view;
  GBinding    *binding;

  GtkIMContext *im_context;
  GString      *pending;       /* typed, not yet in the buffer */
  guint         pending_id;
  guint         follow_id;     /* a tick: the cursor into the page's view */
  guint         follow_frames;
};

G_DEFINE_FINAL_TYPE (SkNoteField, sk_note_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Between the keyboard's events (G_PRIORITY_DEFAULT) and GTK's layout and
 * drawing (G_PRIORITY_HIGH_IDLE + 20). */
#define SK_NOTE_FIELD_PRIORITY_TYPED (G_PRIORITY_HIGH_IDLE + 10)
#define SK_NOTE_FIELD_CURSOR_MARGIN 12

static void
put_in_pending (SkNoteField *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean editable = gtk_text_view_get_editable (self->text_view);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->pending->len == 0)
    return;
  text = g_strndup (self->pending->str, self->pending->len);
  g_string_truncate (self->pending, 0);

  /* As GtkTextView puts in what the input method gives it. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, editable);
  if (!gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, editable))
    gtk_widget_error_bell (GTK_WIDGET (self->text_view));
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
put_in_pending_cb (gpointer user_data)
{
  SkNoteField *self = user_data;

  self->pending_id = 0;
  put_in_pending (self);
  return G_SOURCE_REMOVE;
}

static void
im_commit_cb (GtkIMContext *context,
              const char   *text,
              SkNoteField  *self)
{
  g_string_append (self->pending, text);
  if (self->pending_id == 0)
    {
      self->pending_id = g_idle_add_full (SK_NOTE_FIELD_PRIORITY_TYPED, put_in_pending_cb, self, NULL);
      g_source_set_name_by_id (self->pending_id, "[samtalekuffert] typed text");
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SkNoteField           *self)
{
  /* Not text: what is waiting goes in first, then the key does its work. */
  put_in_pending (self);
  return GDK_EVENT_PROPAGATE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                SkNoteField             *self)
{
  put_in_pending (self);
}

/* The cursor into the view of the page that scrolls.  A tick runs before
 * GTK's layout, when a new line may not have its place yet: the cursor is
 * looked at in three frames running. */
static gboolean
follow_cursor_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  SkNoteField *self = SK_NOTE_FIELD (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scroller != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkAdjustment *adjustment;
  GdkRectangle cursor;
  GtkTextIter iter;
  graphene_point_t top, bottom;
  double value, page;
  int x, y;

  if (content == NULL || !gtk_widget_has_focus (GTK_WIDGET (self->text_view)) || ++self->follow_frames > 3)
    {
      self->follow_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &cursor);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         cursor.x, cursor.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), content,
                                 &GRAPHENE_POINT_INIT (x, y - SK_NOTE_FIELD_CURSOR_MARGIN), &top) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->text_view), content,
                                 &GRAPHENE_POINT_INIT (x, y + cursor.height + SK_NOTE_FIELD_CURSOR_MARGIN), &bottom))
    {
      self->follow_id = 0;
      return G_SOURCE_REMOVE;
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top.y < value)
    gtk_adjustment_set_value (adjustment, top.y);
  else if (bottom.y > value + page)
    gtk_adjustment_set_value (adjustment, bottom.y - page);
  return G_SOURCE_CONTINUE;
}

static void
follow_cursor (SkNoteField *self)
{
  self->follow_frames = 0;
  if (self->follow_id == 0 && gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    self->follow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), follow_cursor_cb, NULL, NULL);
}

static void
mark_set_cb (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             SkNoteField       *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    follow_cursor (self);
}

static void
sk_note_field_dispose (GObject *object)
{
  SkNoteField *self = SK_NOTE_FIELD (object);

  if (self->pending != NULL)
    put_in_pending (self);
  if (self->follow_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->follow_id);
      self->follow_id = 0;
    }
  if (self->im_context != NULL)
    gtk_im_context_set_client_widget (self->im_context, NULL);
  g_clear_object (&self->im_context);
  sk_binding_clear (&self->binding);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_NOTE_FIELD);

  G_OBJECT_CLASS (sk_note_field_parent_class)->dispose (object);
}

static void
sk_note_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SkNoteField *self = SK_NOTE_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (self->description_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_note_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SkNoteField *self = SK_NOTE_FIELD (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (text, gtk_label_get_label (self->title_label)) == 0)
        return;
      gtk_label_set_label (self->title_label, text);
      break;
    case PROP_DESCRIPTION:
      if (g_strcmp0 (text, gtk_label_get_label (self->description_label)) == 0)
        return;
      gtk_label_set_label (self->description_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && *text != '\0');
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
sk_note_field_finalize (GObject *object)
{
  SkNoteField *self = SK_NOTE_FIELD (object);

  g_string_free (self->pending, TRUE);

  G_OBJECT_CLASS (sk_note_field_parent_class)->finalize (object);
}

static void
sk_note_field_class_init (SkNoteFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_note_field_dispose;
  object_class->finalize = sk_note_field_finalize;
  object_class->get_property = sk_note_field_get_property;
  object_class->set_property = sk_note_field_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-note-field.ui");
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, box);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, title_label);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, description_label);
  gtk_widget_class_bind_template_child (widget_class, SkNoteField, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notefield");
}

static void
sk_note_field_init (SkNoteField *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending = g_string_new (NULL);

  /* Ahead of the text view's own keys (see the top of the file). */
  self->im_context = gtk_im_multicontext_new ();
  gtk_im_context_set_client_widget (self->im_context, GTK_WIDGET (self->text_view));
  g_signal_connect (self->im_context, "commit", G_CALLBACK (im_commit_cb), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (controller), self->im_context);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_label, NULL,
                                  -1);
}

/**
 * sk_note_field_bind:
 * @record: (nullable): the record to edit, or %NULL to show nothing
 * @property: a string column of @record
 */
void
sk_note_field_bind (SkNoteField *self,
                    SkRecord    *record,
                    const char  *property)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (SK_IS_NOTE_FIELD (self));
  g_return_if_fail (record == NULL || SK_IS_RECORD (record));

  /* What was typed belongs to the record being left. */
  put_in_pending (self);
  sk_binding_clear (&self->binding);

  /* A fresh buffer, so that undo never crosses from one record to the next. */
  buffer = gtk_text_buffer_new (NULL);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (follow_cursor), self, G_CONNECT_SWAPPED);
  gtk_text_view_set_buffer (self->text_view, buffer);
  g_object_unref (buffer);

  if (record != NULL)
    self->binding = sk_bind (record, property, buffer, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

GtkTextView *
sk_note_field_get_text_view (SkNoteField *self)
{
  g_return_val_if_fail (SK_IS_NOTE_FIELD (self), NULL);

  return self->text_view;
}

/**
 * sk_note_field_set_spoken_name:
 * @name: (nullable): what a screen reader says for the field, or %NULL
 *   for its title
 *
 * Where several fields share a title ("In your own words about this"),
 * each says which it is ("In your own words about “Home”").
 */
void
sk_note_field_set_spoken_name (SkNoteField *self,
                               const char  *name)
{
  g_return_if_fail (SK_IS_NOTE_FIELD (self));

  if (name == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL, -1);
      return;
    }
  /* GTK 4.8 says a label and a labelled-by relation one after the other. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
