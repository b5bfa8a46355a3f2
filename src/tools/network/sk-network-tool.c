/* sk-network-tool.c — "My network": the map, adding people, last time
 *
 * The map itself (SkNetworkMap), a button to add a person, the child's
 * choice for the whole map, and — when this child had a map before — a
 * way to start from it and to see it beside this one.
 */
#include "config.h"

#include "sk-network-tool.h"
#include "sk-speak.h"
#include "sk-accessible.h"
#include "sk-network-editor.h"
#include "sk-network-map.h"
#include "sk-network.h"
#include "sk-child.h"
#include "sk-format.h"
#include "sk-shared-button.h"
#include "sk-undo.h"
#include "sk-widget-util.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkNetworkTool
{
  SkTool parent_instance;

  GtkWidget     *prompt_box;
  GtkWidget     *prompt;
  GListStore     *people;
  SkConversation *previous;
  GListStore     *previous_people;
  GBinding       *shared_binding;

  GtkWidget      *box;
  GtkWidget      *add_button;
  GtkWidget      *copy_button;
  GtkWidget      *compare_button;
  GtkWidget      *shared_button;
  GtkWidget      *hint;
  GtkWidget      *map;
  GtkWidget      *maps;
  guint           orient_id;
  guint           refocus_id;
  GtkWidget      *previous_box;
  GtkWidget      *previous_title;
  GtkWidget      *previous_map;
  GtkWidget      *editor;
};

G_DEFINE_FINAL_TYPE (SkNetworkTool, sk_network_tool, SK_TYPE_TOOL)

static void
update_buttons (SkNetworkTool *self)
{
  guint n = self->people != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->people)) : 0;
  gboolean has_previous = self->previous != NULL;

  gtk_widget_set_sensitive (self->add_button, self->people != NULL);
  /* Starting from last time makes sense on an empty map only: it never
   * mixes two maps. */
  gtk_widget_set_visible (self->copy_button, has_previous && n == 0);
  gtk_widget_set_visible (self->compare_button, has_previous);
  gtk_widget_set_visible (self->previous_box,
                          has_previous && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->compare_button)));
  gtk_widget_set_visible (self->hint, self->people != NULL && n == 0);
}

static void
point_editor_at (SkNetworkTool *self,
                 double         x,
                 double         y)
{
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor),
                               &(GdkRectangle) { (int) x - 4, (int) y - 4, 8, 8 });
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

static void
add_at (SkNetworkTool  *self,
        SkNetworkPolar  place)
{
  if (self->people == NULL)
    return;
  sk_network_editor_add (SK_NETWORK_EDITOR (self->editor), sk_tool_get_store (SK_TOOL (self)), self->people,
                         sk_record_get_id (SK_RECORD (sk_tool_get_conversation (SK_TOOL (self)))), place);
}

static void
add_clicked_cb (SkNetworkTool *self)
{
  graphene_rect_t bounds;

  /* A new person starts in the middle ring of the family, the first
   * sector a child usually fills; the editor can put them elsewhere.
   * The editor opens by the button, where the eyes are. */
  add_at (self, sk_network_cell_centre (SK_SECTOR_FAMILY, 1));
  if (gtk_widget_compute_bounds (self->add_button, self->map, &bounds))
    point_editor_at (self, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height);
}

static void
map_add_cb (SkNetworkTool *self,
            double         angle,
            double         distance)
{
  SkNetworkPolar place = { angle, distance };
  double x, y;

  /* A double-click on the map: the editor opens at that spot. */
  add_at (self, place);
  sk_network_map_place_to_spot (SK_NETWORK_MAP (self->map), place, &x, &y);
  point_editor_at (self, x, y);
}

static void
map_edit_cb (SkNetworkTool   *self,
             SkNetworkPerson *person,
             GtkWidget       *token)
{
  double x, y;

  sk_network_editor_edit (SK_NETWORK_EDITOR (self->editor), sk_tool_get_store (SK_TOOL (self)), person);
  if (sk_network_map_get_spot (SK_NETWORK_MAP (self->map), person, &x, &y))
    point_editor_at (self, x, y);
}

static void
remove_cb (SkNetworkTool   *self,
           SkNetworkPerson *person)
{
  const char *name = sk_record_get_string (SK_RECORD (person), "name");
  /* Translators: shown with an Undo button after a person was taken off
   * the network map */
  g_autofree char *message = g_markup_printf_escaped (_("“%s” was taken off the map"), name);

  sk_undo_trash (GTK_WIDGET (self), sk_tool_get_store (SK_TOOL (self)), SK_RECORD (person), self->people,
                 sk_record_compare_position, message, NULL, NULL);
}

static void
copy_clicked_cb (SkNetworkTool *self)
{
  g_autoptr(GError) error = NULL;

  if (self->previous == NULL || self->people == NULL)
    return;
  if (!sk_network_copy (sk_tool_get_store (SK_TOOL (self)), self->people,
                        sk_record_get_id (SK_RECORD (sk_tool_get_conversation (SK_TOOL (self)))),
                        self->previous, &error))
    sk_tool_report (GTK_WIDGET (self), error);
}

static void
people_changed_cb (SkNetworkTool *self)
{
  update_buttons (self);
}

static char *
child_name (SkNetworkTool *self)
{
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));
  g_autoptr(SkChild) child = NULL;

  if (conversation == NULL)
    return NULL;
  child = sk_store_load (sk_tool_get_store (SK_TOOL (self)), SK_TYPE_CHILD,
                         sk_conversation_get_child_id (conversation), NULL);
  return child != NULL ? g_strdup (sk_record_get_string (SK_RECORD (child), "name")) : NULL;
}

static void
sk_network_tool_conversation_changed (SkTool *tool)
{
  SkNetworkTool *self = SK_NETWORK_TOOL (tool);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  SkStore *store = sk_tool_get_store (tool);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->editor));
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  sk_binding_clear (&self->shared_binding);
  g_clear_object (&self->people);
  g_clear_object (&self->previous);
  g_clear_object (&self->previous_people);

  if (conversation != NULL)
    {
      self->people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), &error);
      if (self->people != NULL)
        g_signal_connect_object (self->people, "items-changed", G_CALLBACK (people_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      if (error == NULL)
        self->previous = sk_network_previous (store, conversation, &error);
      if (self->previous != NULL)
        self->previous_people = sk_network_list (store, sk_record_get_id (SK_RECORD (self->previous)), &error);
      if (error != NULL)
        sk_tool_report (GTK_WIDGET (self), error);
      self->shared_binding = sk_bind (conversation, "network-shared", self->shared_button, "active",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }

  name = child_name (self);
  sk_network_map_set_people (SK_NETWORK_MAP (self->map), store, G_LIST_MODEL (self->people), name);
  sk_network_map_set_people (SK_NETWORK_MAP (self->previous_map), store,
                             G_LIST_MODEL (self->previous_people), name);
  if (self->previous != NULL)
    {
      g_autoptr(GDateTime) when = sk_conversation_dup_local_time (self->previous);
      g_autofree char *date = sk_format_date (when);
      /* Translators: above the previous network map; %s is a date */
      g_autofree char *title = g_strdup_printf (_("Last time, %s"), date);

      gtk_label_set_text (GTK_LABEL (self->previous_title), title);
    }
  update_buttons (self);
}

GListModel *
sk_network_tool_get_people (SkNetworkTool *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_TOOL (self), NULL);

  return G_LIST_MODEL (self->people);
}

GtkWidget *
sk_network_tool_get_map (SkNetworkTool *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_TOOL (self), NULL);

  return self->map;
}

GtkWidget *
sk_network_tool_get_editor (SkNetworkTool *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_TOOL (self), NULL);

  return self->editor;
}

static void
sk_network_tool_dispose (GObject *object)
{
  SkNetworkTool *self = SK_NETWORK_TOOL (object);

  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  sk_binding_clear (&self->shared_binding);
  g_clear_handle_id (&self->orient_id, g_source_remove);
  g_clear_handle_id (&self->refocus_id, g_source_remove);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->people);
  g_clear_object (&self->previous);
  g_clear_object (&self->previous_people);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_NETWORK_TOOL);

  G_OBJECT_CLASS (sk_network_tool_parent_class)->dispose (object);
}

/* Two maps side by side need room; on a narrow page last time's map goes
 * under today's, so that neither is too small to read. */
#define SIDE_BY_SIDE_WIDTH 1000

static gboolean
orient_cb (gpointer user_data)
{
  SkNetworkTool *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->orient_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->maps),
                                  width >= SIDE_BY_SIDE_WIDTH ? GTK_ORIENTATION_HORIZONTAL
                                                              : GTK_ORIENTATION_VERTICAL);
  return G_SOURCE_REMOVE;
}

static void
sk_network_tool_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SkNetworkTool *self = SK_NETWORK_TOOL (widget);
  GtkOrientation wanted = width >= SIDE_BY_SIDE_WIDTH ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;

  /* Not during the allocation itself: right after it. */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->maps)) != wanted && self->orient_id == 0)
    self->orient_id = g_idle_add (orient_cb, self);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->editor));
}

static void
sk_network_tool_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SkNetworkTool *self = SK_NETWORK_TOOL (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
sk_network_tool_constructed (GObject *object)
{
  G_OBJECT_CLASS (sk_network_tool_parent_class)->constructed (object);

  gtk_box_append (GTK_BOX (SK_NETWORK_TOOL (object)->prompt_box),
                  sk_speaker_button_new (sk_tool_get_context (SK_TOOL (object)),
                                         gtk_label_get_label (GTK_LABEL (SK_NETWORK_TOOL (object)->prompt))));
  if (!sk_tool_get_caseworker (SK_TOOL (object)))
    gtk_widget_add_css_class (GTK_WIDGET (object), "for-child");
}

static void
sk_network_tool_class_init (SkNetworkToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_network_tool_constructed;
  object_class->dispose = sk_network_tool_dispose;
  widget_class->measure = sk_network_tool_measure;
  widget_class->size_allocate = sk_network_tool_size_allocate;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_network_tool_conversation_changed;

  g_type_ensure (SK_TYPE_NETWORK_MAP);
  g_type_ensure (SK_TYPE_SHARED_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-network-tool.ui");
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, box);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, prompt_box);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, prompt);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, add_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, copy_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, compare_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, shared_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, hint);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, maps);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, map);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, previous_box);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, previous_title);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkTool, previous_map);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_buttons);
  gtk_widget_class_bind_template_callback (widget_class, map_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
  gtk_widget_class_set_css_name (widget_class, "networktool");
}

/* After the editor: the keyboard on the person just added or changed (a
 * Tab stop of the map, moved with the arrow keys next), or back on "Add
 * Person" when none was added — never dropped on the page. */
static gboolean
refocus_cb (gpointer user_data)
{
  SkNetworkTool *self = user_data;
  SkNetworkPerson *person = sk_network_editor_get_person (SK_NETWORK_EDITOR (self->editor));
  GtkWidget *token = person != NULL ? sk_network_map_get_token (SK_NETWORK_MAP (self->map), person) : NULL;

  self->refocus_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !gtk_widget_get_visible (self->editor))
    gtk_widget_grab_focus (token != NULL ? token : self->add_button);
  return G_SOURCE_REMOVE;
}

static void
editor_closed_cb (SkNetworkTool *self)
{
  /* After the popover has given the keyboard back, where GTK puts it. */
  if (self->refocus_id == 0)
    self->refocus_id = g_idle_add (refocus_cb, self);
}

static void
sk_network_tool_init (SkNetworkTool *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  /* The editor points at a spot of today's map: a popover of the map's. */
  self->editor = sk_network_editor_new ();
  gtk_widget_set_parent (self->editor, self->map);
  g_signal_connect_object (self->editor, "remove", G_CALLBACK (remove_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self, G_CONNECT_SWAPPED);
  update_buttons (self);
}
