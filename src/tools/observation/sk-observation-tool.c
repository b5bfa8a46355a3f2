/* sk-observation-tool.c — observing a baby, in the caseworker's view
 *
 * From the top: the context (where, who was there, how long, what was
 * going on); moments, each noted with one key (Ctrl+M) at the time it
 * happens and written out after; what to look for, a guide of nine
 * points to follow or leave, each with "What I saw" and "What I think it
 * may mean" side by side and visibly different; and the after-reflection
 * per Lundy element.  Everything is written as it is typed.
 */
#include "config.h"

#include "sk-observation-tool.h"
#include "sk-observation.h"
#include "sk-accessible.h"
#include "sk-entry-row.h"
#include "sk-note-field.h"
#include "sk-tool.h"
#include "sk-tools.h"
#include "sk-undo.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>

struct _SkObservationTool
{
  SkTool parent_instance;

  SkObservation *observation;
  GListStore    *points;
  GListStore    *moments;
  GPtrArray     *bindings;     /* GBinding, of the record shown */

  GtkWidget     *box;
  GtkWidget     *place_button;
  GtkWidget     *other_row;
  GtkWidget     *present_row;
  GtkAdjustment *minutes;
  SkNoteField   *happening_field;
  GtkWidget     *moment_button;
  GtkWidget     *moments_list;
  GtkWidget     *points_group;
  GPtrArray     *point_rows;   /* AdwExpanderRow, in the kinds' order */
  GPtrArray     *point_fields; /* SkNoteField: saw, think, saw, think… */
  GPtrArray     *point_shared; /* GtkCheckButton */
  GPtrArray     *reflect_fields;
};

G_DEFINE_FINAL_TYPE (SkObservationTool, sk_observation_tool, SK_TYPE_TOOL)

const SkToolRender sk_observation_render = { NULL, NULL, NULL };

static void
report_if (SkObservationTool *self,
           gboolean           ok,
           GError            *error)
{
  if (!ok)
    sk_tool_report (GTK_WIDGET (self), error);
  g_clear_error (&error);
}

static gint64
conversation_id (SkObservationTool *self)
{
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));

  return conversation != NULL ? sk_record_get_id (SK_RECORD (conversation)) : 0;
}

/* A choice of a few (a place, a point): a button showing the one chosen,
 * and a popover of radio buttons.  @chosen hears the person's choices
 * only, not choice_button_show()'s. */
typedef void (*Chosen) (GObject    *owner,
                        const char *key);

static void
choice_toggled_cb (GtkCheckButton *check,
                   GObject        *owner)
{
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_MENU_BUTTON);
  Chosen chosen;

  if (!gtk_check_button_get_active (check) || button == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (button))),
                       gtk_check_button_get_label (check));
  if (g_object_get_data (G_OBJECT (button), "sk-showing") != NULL)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  chosen = (Chosen) g_object_get_data (G_OBJECT (button), "sk-chosen");
  chosen (owner, g_object_get_data (G_OBJECT (check), "sk-key"));
}

static GtkWidget *
choice_button_new (guint               n,
                   const char * const *keys,
                   const char * const *labels,
                   const char         *name,
                   Chosen              chosen,
                   GObject            *owner)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (labels[0]);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *group = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  g_object_set_data (G_OBJECT (button), "sk-chosen", (gpointer) chosen);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (labels[i]);

      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
      else
        {
          group = check;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
        }
      g_object_set_data (G_OBJECT (check), "sk-key", (gpointer) keys[i]);
      g_signal_connect_object (check, "toggled", G_CALLBACK (choice_toggled_cb), owner, 0);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  sk_accessible_set_label (button, name);
  return button;
}

/* Shows @key as the one chosen (the first when unknown). */
static void
choice_button_show (GtkWidget  *button,
                    const char *key)
{
  GtkWidget *box = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  GtkWidget *check = gtk_widget_get_first_child (box);

  for (GtkWidget *w = check; w != NULL; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (w), "sk-key"), key) == 0)
      check = w;
  g_object_set_data (G_OBJECT (button), "sk-showing", GINT_TO_POINTER (1));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_object_set_data (G_OBJECT (button), "sk-showing", NULL);
}

static void
point_chosen (GObject    *moment,
              const char *key)
{
  g_object_set (moment, "point", key, NULL);
}

/* The point a moment belongs to: "No point" or one of the nine. */
static GtkWidget *
point_button_new (SkRecord *moment)
{
  guint n_kinds;
  const SkObservationKind *kinds = sk_observation_kinds (&n_kinds);
  g_autofree const char **keys = g_new0 (const char *, n_kinds + 1);
  g_autofree const char **labels = g_new0 (const char *, n_kinds + 1);
  GtkWidget *button;

  keys[0] = "";
  /* Translators: a moment that belongs to none of the points to look for */
  labels[0] = _("No point");
  for (guint i = 0; i < n_kinds; i++)
    {
      keys[i + 1] = kinds[i].key;
      labels[i + 1] = _(kinds[i].label);
    }
  button = choice_button_new (n_kinds + 1, keys, labels, _("The point this moment belongs to"),
                              point_chosen, G_OBJECT (moment));
  choice_button_show (button, sk_record_get_string (moment, "point"));
  return button;
}

/* The context */

static void
place_chosen (GObject    *tool,
              const char *key)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (tool);

  gtk_widget_set_visible (self->other_row, g_strcmp0 (key, "other") == 0);
  if (self->observation != NULL)
    g_object_set (self->observation, "place", key, NULL);
}

static void
show_place (SkObservationTool *self)
{
  const char *key = self->observation != NULL ? sk_record_get_string (SK_RECORD (self->observation), "place") : "";

  choice_button_show (self->place_button, key);
  gtk_widget_set_visible (self->other_row, g_strcmp0 (key, "other") == 0);
}

static GtkWidget *
build_context (SkObservationTool *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *minutes_row, *spin, *unit, *suffix;
  guint n_places;
  const SkObservationPlace *places = sk_observation_places (&n_places);

  /* Translators: the observation's first part: what it rests on */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Context"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("What the observation rests on: a reader of the note needs it to understand the rest."));

  {
    g_autofree const char **keys = g_new0 (const char *, n_places + 1);
    g_autofree const char **labels = g_new0 (const char *, n_places + 1);
    GtkWidget *row = adw_action_row_new ();

    keys[0] = "";
    /* Translators: no place chosen yet for an observation */
    labels[0] = _("Not chosen");
    for (guint i = 0; i < n_places; i++)
      {
        keys[i + 1] = places[i].key;
        labels[i + 1] = _(places[i].label);
      }
    /* Translators: for a screen reader: the button that chooses the place */
    self->place_button = choice_button_new (n_places + 1, keys, labels, _("Where the observation took place"),
                                            place_chosen, G_OBJECT (self));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Where"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->place_button);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  self->other_row = sk_entry_row_new ();
  /* Translators: the observation's place, when it is "Other place" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_row), _("Which place"));
  sk_editable_keep_one_line (GTK_EDITABLE (self->other_row));
  gtk_widget_set_visible (self->other_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->other_row);

  self->present_row = sk_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->present_row), _("Who was there"));
  sk_editable_keep_one_line (GTK_EDITABLE (self->present_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->present_row);

  minutes_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (minutes_row), _("How long"));
  self->minutes = gtk_adjustment_new (0, 0, 600, 5, 15, 0);
  spin = gtk_spin_button_new (self->minutes, 1, 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  sk_accessible_set_label (spin, _("How long, in minutes"));
  /* Translators: after the number in "How long" */
  unit = gtk_label_new (_("minutes"));
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (suffix), spin);
  gtk_box_append (GTK_BOX (suffix), unit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (minutes_row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (minutes_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), minutes_row);

  self->happening_field = g_object_new (SK_TYPE_NOTE_FIELD,
                                        "title", _("What was going on"),
                                        "description", _("The situation: a meal, a nappy change, play, a parent leaving the room…"),
                                        NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->happening_field), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->happening_field));
  return group;
}

/* Moments */

static void
focus_moment (SkObservationTool   *self,
              SkObservationMoment *moment,
              const char          *part)
{
  guint position;
  GtkListBoxRow *row;

  if (!g_list_store_find (self->moments, moment, &position))
    return;
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->moments_list), (int) position);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), part));
}

static void
add_moment (SkObservationTool *self)
{
  GError *error = NULL;
  SkObservationMoment *moment;

  if (self->moments == NULL)
    return;
  moment = sk_observation_moments_add (sk_tool_get_store (SK_TOOL (self)), self->moments,
                                       conversation_id (self), sk_observation_now (), &error);
  if (moment == NULL)
    {
      report_if (self, FALSE, error);
      return;
    }
  /* The time is taken; the words can come now or later. */
  focus_moment (self, moment, "sk-words");
}

static gboolean
moment_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (widget);

  /* Only while the observation is on screen. */
  if (!gtk_widget_is_drawable (widget) || self->moments == NULL)
    return FALSE;
  add_moment (self);
  return TRUE;
}

/* A time typed is taken when it is complete: on Enter or on leaving. */
static void
time_done (GtkEntry *entry)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (gtk_widget_get_ancestor (GTK_WIDGET (entry), SK_TYPE_OBSERVATION_TOOL));
  SkObservationMoment *moment = g_object_get_data (G_OBJECT (entry), "sk-moment");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *shown = NULL;
  int at;

  if (self == NULL || moment == NULL)
    return;
  if (!sk_observation_parse_at (text, &at))
    {
      /* Marked, and said by a screen reader; the moment keeps its time. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Write the time as hours and minutes, like 10:05."), -1);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  shown = sk_observation_format_at (at);
  if (sk_observation_moment_get_at (moment) == at)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), shown);
      return;
    }
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (entry)));
    gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry));

    g_object_ref (moment);
    /* The keyboard off the row that is about to go, onto the list. */
    if (had_focus)
      gtk_widget_grab_focus (self->moment_button);
    sk_observation_moment_set_at (moment, self->moments, at);
    /* In its new place, the keyboard with it. */
    if (had_focus)
      focus_moment (self, moment, "sk-time");
    g_object_unref (moment);
  }
}

static gboolean
time_left_cb (gpointer entry)
{
  time_done (entry);
  return G_SOURCE_REMOVE;
}

static void
time_leave_cb (GtkEventControllerFocus *controller)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* After the focus has moved on, so the list may be put in order. */
  g_idle_add_full (G_PRIORITY_DEFAULT, time_left_cb, g_object_ref (entry), g_object_unref);
}

static void
delete_moment_cb (GtkButton *button,
                  SkRecord  *moment)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (gtk_widget_get_ancestor (GTK_WIDGET (button), SK_TYPE_OBSERVATION_TOOL));
  g_autofree char *at = sk_observation_format_at (sk_observation_moment_get_at (SK_OBSERVATION_MOMENT (moment)));
  /* Translators: a toast with Undo; %s is the moment's time ("10:05") */
  g_autofree char *message = g_strdup_printf (_("Moment %s deleted"), at);

  sk_undo_trash (GTK_WIDGET (self), sk_tool_get_store (SK_TOOL (self)), moment, self->moments,
                 sk_observation_moment_compare, message, NULL, NULL);
}

static GtkWidget *
moment_row_new (gpointer item,
                gpointer user_data)
{
  SkRecord *moment = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *time = gtk_entry_new ();
  GtkWidget *words = gtk_entry_new ();
  GtkWidget *drop_down, *delete;
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *at = sk_observation_format_at (sk_observation_moment_get_at (SK_OBSERVATION_MOMENT (moment)));
  g_autofree char *time_name = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The keyboard goes to the row's fields, not to the row. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "moment-row");

  gtk_editable_set_text (GTK_EDITABLE (time), at);
  gtk_editable_set_width_chars (GTK_EDITABLE (time), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (time), 5);
  gtk_entry_set_max_length (GTK_ENTRY (time), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (time), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_add_css_class (time, "moment-time");
  gtk_widget_set_valign (time, GTK_ALIGN_CENTER);
  /* Translators: for a screen reader: the time of a moment */
  time_name = g_strdup_printf (_("Time of the moment, %s"), at);
  sk_accessible_set_label (time, time_name);
  g_object_set_data (G_OBJECT (time), "sk-moment", moment);
  g_signal_connect (time, "activate", G_CALLBACK (time_done), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (time_leave_cb), NULL);
  gtk_widget_add_controller (time, focus);

  gtk_editable_set_text (GTK_EDITABLE (words), sk_record_get_string (moment, "words"));
  g_object_bind_property (moment, "words", words, "text", G_BINDING_BIDIRECTIONAL);
  sk_editable_keep_one_line (GTK_EDITABLE (words));
  gtk_entry_set_placeholder_text (GTK_ENTRY (words), _("What happened?"));
  sk_accessible_set_label (words, _("What happened at this moment"));
  gtk_widget_set_hexpand (words, TRUE);
  gtk_widget_set_valign (words, GTK_ALIGN_CENTER);

  drop_down = point_button_new (moment);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete this moment"));
  sk_accessible_set_label (delete, _("Delete this moment"));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_moment_cb), moment, 0);

  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), words);
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: for a screen reader: a moment's row; %s is its time */
  {
    g_autofree char *row_name = g_strdup_printf (_("Moment %s"), at);

    sk_accessible_set_label (row, row_name);
  }
  g_object_set_data (G_OBJECT (row), "sk-time", time);
  g_object_set_data (G_OBJECT (row), "sk-words", words);
  g_object_set_data (G_OBJECT (row), "sk-point", drop_down);
  return row;
}

static GtkWidget *
build_moments (SkObservationTool *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *placeholder, *content;

  /* Translators: the timeline of an observation */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Moments"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Press Ctrl+M the moment something happens: the time is noted, the words can come after."));
  self->moment_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* Translators: notes a moment of an observation, with the time now */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Moment Now"));
  gtk_button_set_child (GTK_BUTTON (self->moment_button), content);
  gtk_widget_set_tooltip_text (self->moment_button, _("Note a moment, with the time it is now (Ctrl+M)"));
  gtk_widget_set_valign (self->moment_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->moment_button, "clicked", G_CALLBACK (add_moment), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->moment_button);

  self->moments_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->moments_list), GTK_SELECTION_NONE);
  sk_accessible_set_label (self->moments_list, _("Moments"));
  gtk_widget_add_css_class (self->moments_list, "boxed-list");
  placeholder = gtk_label_new (_("No moments yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->moments_list), placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->moments_list);
  return group;
}

/* What to look for */

static void
name_lists (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child) || (GTK_IS_LIST_BOX_ROW (child) && !ADW_IS_PREFERENCES_ROW (child)))
        sk_accessible_set_label (child, name);
      name_lists (child, name);
    }
}

static GtkWidget *
build_points (SkObservationTool *self)
{
  guint n_kinds;
  const SkObservationKind *kinds = sk_observation_kinds (&n_kinds);

  self->points_group = adw_preferences_group_new ();
  /* Translators: the observation's guide: nine points */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->points_group), _("What to look for"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->points_group),
                                         _("A guide to follow or leave. Keep what you saw apart from what you think it may mean: only what you saw can go to the parents, and only what you mark."));
  for (guint i = 0; i < n_kinds; i++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      GtkWidget *saw_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *saw = g_object_new (SK_TYPE_NOTE_FIELD,
                                     /* Translators: above the observation field of a point */
                                     "title", _("What I saw"),
                                     "description", _("Observation: what the child did, as a camera would see it"),
                                     NULL);
      GtkWidget *think = g_object_new (SK_TYPE_NOTE_FIELD,
                                       /* Translators: above the assessment field of a point */
                                       "title", _("What I think it may mean"),
                                       "description", _("Assessment: your understanding, kept apart; never on the parents’ paper"),
                                       NULL);
      GtkWidget *shared = gtk_check_button_new_with_label (_("The parents may read what I saw"));
      g_autofree char *saw_name = g_strdup_printf (_("%s: what I saw"), _(kinds[i].label));
      g_autofree char *think_name = g_strdup_printf (_("%s: what I think it may mean"), _(kinds[i].label));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(kinds[i].label));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _(kinds[i].hint));
      gtk_widget_add_css_class (saw, "observation-saw");
      gtk_widget_add_css_class (think, "observation-think");
      sk_note_field_set_spoken_name (SK_NOTE_FIELD (saw), saw_name);
      sk_note_field_set_spoken_name (SK_NOTE_FIELD (think), think_name);
      gtk_widget_set_hexpand (saw_box, TRUE);
      gtk_widget_set_hexpand (think, TRUE);
      gtk_box_append (GTK_BOX (saw_box), saw);
      gtk_box_append (GTK_BOX (saw_box), shared);
      gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
      gtk_box_append (GTK_BOX (columns), saw_box);
      gtk_box_append (GTK_BOX (columns), think);
      gtk_widget_set_margin_start (columns, 12);
      gtk_widget_set_margin_end (columns, 12);
      gtk_widget_set_margin_top (columns, 12);
      gtk_widget_set_margin_bottom (columns, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), columns);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      /* The expander's own lists and the row in them say which point. */
      sk_accessible_set_label (row, _(kinds[i].label));
      name_lists (expander, _(kinds[i].label));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->points_group), expander);
      g_ptr_array_add (self->point_rows, expander);
      g_ptr_array_add (self->point_fields, saw);
      g_ptr_array_add (self->point_fields, think);
      g_ptr_array_add (self->point_shared, shared);
    }
  return self->points_group;
}

/* After-reflection */

static GtkWidget *
build_reflection (SkObservationTool *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  guint n;
  const SkObservationReflection *reflections = sk_observation_reflections (&n);

  /* Translators: the caseworker's reflection after observing a baby */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("After-reflection"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Afterwards, with Lundy’s four elements: how the child took part without words."));
  for (guint i = 0; i < n; i++)
    {
      /* Translators: a field of the after-reflection: 1$ a Lundy element, 2$ its question */
      g_autofree char *title = g_strdup_printf (_("%1$s — %2$s"), _(reflections[i].element), _(reflections[i].question));
      GtkWidget *field = g_object_new (SK_TYPE_NOTE_FIELD, "title", title, NULL);

      gtk_box_append (GTK_BOX (box), field);
      g_ptr_array_add (self->reflect_fields, field);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

/* The records shown */

static void
bind_all (SkObservationTool *self)
{
  guint n;
  const SkObservationReflection *reflections = sk_observation_reflections (&n);
  SkRecord *observation = SK_RECORD (self->observation);

  for (guint i = 0; i < self->bindings->len; i++)
    sk_binding_clear ((GBinding **) &self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);

  show_place (self);
  sk_note_field_bind (self->happening_field, observation, "happening");
  for (guint i = 0; i < n; i++)
    sk_note_field_bind (self->reflect_fields->pdata[i], observation, reflections[i].property);
  if (observation != NULL)
    {
      g_ptr_array_add (self->bindings, sk_bind (observation, "place-other", self->other_row, "text",
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings, sk_bind (observation, "present", self->present_row, "text",
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      g_ptr_array_add (self->bindings, sk_bind (observation, "minutes", self->minutes, "value",
                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->other_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->present_row), "");
      gtk_adjustment_set_value (self->minutes, 0);
    }

  for (guint i = 0; i < self->point_rows->len; i++)
    {
      g_autoptr(SkObservationPoint) point = NULL;
      guint n_kinds;
      const SkObservationKind *kinds = sk_observation_kinds (&n_kinds);

      for (guint p = 0; self->points != NULL && p < g_list_model_get_n_items (G_LIST_MODEL (self->points)); p++)
        {
          g_autoptr(SkObservationPoint) candidate = g_list_model_get_item (G_LIST_MODEL (self->points), p);

          if (sk_observation_point_get_kind (candidate) == &kinds[i])
            point = g_steal_pointer (&candidate);
        }
      sk_note_field_bind (self->point_fields->pdata[2 * i], SK_RECORD (point), "observation");
      sk_note_field_bind (self->point_fields->pdata[2 * i + 1], SK_RECORD (point), "assessment");
      if (point != NULL)
        g_ptr_array_add (self->bindings, sk_bind (point, "shared", self->point_shared->pdata[i], "active",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      else
        gtk_check_button_set_active (self->point_shared->pdata[i], FALSE);
      /* What has been written is open to read on. */
      adw_expander_row_set_expanded (self->point_rows->pdata[i],
                                     point != NULL && (*sk_record_get_string (SK_RECORD (point), "observation") != '\0' ||
                                                       *sk_record_get_string (SK_RECORD (point), "assessment") != '\0'));
    }

  gtk_list_box_bind_model (GTK_LIST_BOX (self->moments_list), G_LIST_MODEL (self->moments),
                           self->moments != NULL ? moment_row_new : NULL, self, NULL);
  gtk_widget_set_sensitive (self->box, self->observation != NULL);
}

/* The conversation's observation, made the first time it is opened for a
 * child who is observed (for any other child, it never is). */
static void
load (SkObservationTool *self)
{
  SkTool *tool = SK_TOOL (self);
  gint64 id = conversation_id (self);
  SkStore *store = sk_tool_get_store (tool);
  g_autoptr(GError) error = NULL;
  gboolean create = FALSE;

  /* The child's own way, from the store: the tool's may still be the last
   * conversation's while the shelf moves on. */
  if (id != 0)
    {
      g_autoptr(SkChild) child = sk_store_load (store, SK_TYPE_CHILD,
                                                sk_conversation_get_child_id (sk_tool_get_conversation (tool)), NULL);

      create = child != NULL && sk_child_get_way (child) == SK_WAY_OBSERVATION;
    }

  g_clear_object (&self->observation);
  g_clear_object (&self->points);
  g_clear_object (&self->moments);
  if (id != 0)
    {
      self->observation = sk_observation_get (store, id, create, &error);
      if (error == NULL)
        self->points = sk_observation_points (store, id, create, &error);
      if (error == NULL)
        self->moments = sk_observation_moments (store, id, &error);
      if (error != NULL)
        {
          sk_tool_report (GTK_WIDGET (self), error);
          g_clear_object (&self->observation);
          g_clear_object (&self->points);
          g_clear_object (&self->moments);
        }
    }
  bind_all (self);
}

static void
sk_observation_tool_conversation_changed (SkTool *tool)
{
  load (SK_OBSERVATION_TOOL (tool));
}

/* Set to observation: made now.  (Not when mapped: a text view given a
 * new buffer while it is being mapped crashes GTK 4.8 at its next draw.) */
static void
sk_observation_tool_way_changed (SkTool *tool)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (tool);

  if (self->observation == NULL && sk_tool_get_way (tool) == SK_WAY_OBSERVATION)
    load (self);
}

static void
sk_observation_tool_dispose (GObject *object)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (object);

  if (self->bindings != NULL)
    for (guint i = 0; i < self->bindings->len; i++)
      sk_binding_clear ((GBinding **) &self->bindings->pdata[i]);
  if (self->moments_list != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->moments_list), NULL, NULL, NULL, NULL);
  g_clear_object (&self->observation);
  g_clear_object (&self->points);
  g_clear_object (&self->moments);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->moments_list = NULL;
  G_OBJECT_CLASS (sk_observation_tool_parent_class)->dispose (object);
}

static void
sk_observation_tool_finalize (GObject *object)
{
  SkObservationTool *self = SK_OBSERVATION_TOOL (object);

  g_ptr_array_unref (self->bindings);
  g_ptr_array_unref (self->point_rows);
  g_ptr_array_unref (self->point_fields);
  g_ptr_array_unref (self->point_shared);
  g_ptr_array_unref (self->reflect_fields);
  G_OBJECT_CLASS (sk_observation_tool_parent_class)->finalize (object);
}

static void
sk_observation_tool_class_init (SkObservationToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_observation_tool_dispose;
  object_class->finalize = sk_observation_tool_finalize;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_observation_tool_conversation_changed;
  SK_TOOL_CLASS (klass)->way_changed = sk_observation_tool_way_changed;
  gtk_widget_class_set_css_name (widget_class, "observationtool");
}

static void
sk_observation_tool_init (SkObservationTool *self)
{
  GtkWidget *title = gtk_label_new (_("Observation"));
  GtkWidget *intro = gtk_label_new (_("A baby’s voice is what it shows: its looks, sounds, body and play, and how it seeks and gets comfort."));
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->bindings = g_ptr_array_new ();
  self->point_rows = g_ptr_array_new ();
  self->point_fields = g_ptr_array_new ();
  self->point_shared = g_ptr_array_new ();
  self->reflect_fields = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "dim-label");
  {
    GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (head), title);
    gtk_box_append (GTK_BOX (head), intro);
    gtk_box_append (GTK_BOX (self->box), head);
  }
  gtk_box_append (GTK_BOX (self->box), build_context (self));
  gtk_box_append (GTK_BOX (self->box), build_moments (self));
  gtk_box_append (GTK_BOX (self->box), build_points (self));
  gtk_box_append (GTK_BOX (self->box), build_reflection (self));

  /* Ctrl+M wherever the keyboard is in the window, while this is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>m"),
                                                          gtk_callback_action_new (moment_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
