/* test-network-tool.c — "My network", driven through its widgets */
#include "sk-application.h"
#include "sk-network-editor.h"
#include "sk-network-map.h"
#include "sk-network-tool.h"
#include "sk-network-draw.h"
#include "sk-network.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-demo.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static SkApplication *app;

/* Before a name is typed, the editor asks about "this person". */
#define RELATION_PLACEHOLDER "Who is this person to you? (grandma, teacher …)"

/* The toggle whose words begin with @prefix ("May your parents see the
 * map? No, just for us"). */
static gboolean
toggle_starts (GtkWidget     *widget,
               gconstpointer  prefix)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  text = sk_test_visible_text (widget);
  return g_str_has_prefix (text, prefix);
}

static GtkWidget *
find_toggle_starting (GtkWidget  *root,
                      const char *prefix)
{
  return sk_test_find (root, toggle_starts, prefix);
}

/* One child with an earlier conversation (a map of two) and today's, which
 * the tests open. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_test_store_open (path, &error);
  g_autoptr(SkChild) child = sk_child_new ("Maja");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(SkNetworkPerson) mum = NULL;
  g_autoptr(SkNetworkPerson) coach = NULL;

  g_assert_no_error (error);
  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1760000000);
  g_assert_true (sk_store_insert (store, earlier, &error));
  people = sk_network_list (store, sk_record_get_id (SK_RECORD (earlier)), &error);
  mum = sk_network_person_new (sk_record_get_id (SK_RECORD (earlier)), "Mor", "mor", "person-adult",
                               sk_network_cell_centre (SK_SECTOR_FAMILY, 0));
  coach = sk_network_person_new (sk_record_get_id (SK_RECORD (earlier)), "Træner", "", "person-adult",
                                 sk_network_cell_centre (SK_SECTOR_SCHOOL, 2));
  g_assert_true (sk_network_add (store, people, mum, &error));
  g_assert_true (sk_network_add (store, people, coach, &error));
  today = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1763900000);
  g_assert_true (sk_store_insert (store, today, &error));
}

static SkWindow *
open_network (const char *path)
{
  /* Newest first: today's conversation. */
  SkWindow *window = sk_test_open_today (app, path);
  GtkWidget *tool;

  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_NETWORK_TOOL);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (tool)), tool);
  sk_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (tool));
  sk_test_scroll_to (tool);
  sk_test_iterate (200);
  return window;
}

static void
close_window (SkWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
}

static SkNetworkTool *
find_tool (SkWindow *window)
{
  return SK_NETWORK_TOOL (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_NETWORK_TOOL));
}

static SkNetworkPerson *
person_at (SkNetworkTool *tool,
           guint          i)
{
  return g_list_model_get_item (sk_network_tool_get_people (tool), i);
}

/* Types into the open editor and adds the person. */
static void
add_in_editor (SkNetworkTool *tool,
               const char    *name,
               const char    *relation,
               const char    *picture_label)
{
  GtkWidget *editor = sk_network_tool_get_editor (tool);
  GtkWidget *entry, *relation_entry, *add;

  g_assert_true (gtk_widget_get_visible (editor));
  entry = sk_test_find_labelled (editor, GTK_TYPE_ENTRY, "Name");
  relation_entry = sk_test_find_labelled (editor, GTK_TYPE_ENTRY, RELATION_PLACEHOLDER);
  add = sk_test_find_labelled (editor, GTK_TYPE_BUTTON, "Add");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (gtk_widget_get_sensitive (add));     /* blanks are nobody */
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_editable_set_text (GTK_EDITABLE (relation_entry), relation);
  if (picture_label != NULL)
    sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, picture_label));
  sk_test_click (add);
  g_assert_false (gtk_widget_get_visible (editor));
}

static void
test_add_mark_and_restart (void)
{
  g_autofree char *path = sk_test_path ("add.db");
  SkWindow *window;
  SkNetworkTool *tool;
  GtkWidget *editor, *map;
  g_autoptr(SkNetworkPerson) grandma = NULL;
  g_autofree char *value = NULL;
  SkNetworkPolar place;
  double x, y;

  prepare_database (path);
  window = open_network (path);
  tool = find_tool (window);
  editor = sk_network_tool_get_editor (tool);
  map = sk_network_tool_get_map (tool);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 0);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (tool));

    g_assert_nonnull (strstr (text, "Who is in your life?"));
    g_assert_nonnull (strstr (text, "The map is empty"));
  }

  /* The button: name, who they are, picture, sector. */
  sk_test_click (sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Add Person"));
  sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "Friends"));
  add_in_editor (tool, "Bedstemor Åse 👵", "bedstemor", "Older adult");
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 1);
  value = sk_test_sql (path, "SELECT avatar || '|' || relation FROM network_people WHERE name = 'Bedstemor Åse 👵'");
  g_assert_cmpstr (value, ==, "person-older|bedstemor");
  g_clear_pointer (&value, g_free);
  grandma = person_at (tool, 0);
  g_assert_cmpint (sk_network_person_get_sector (grandma), ==, SK_SECTOR_FRIENDS);

  /* A double-click on an empty spot: the new person starts there. */
  {
    GtkEventController *click = sk_test_find_controller (map, GTK_TYPE_GESTURE_CLICK);
    SkNetworkFrame frame;
    double sx, sy;

    sk_network_frame_fit (&frame, 0, 0, gtk_widget_get_width (map), gtk_widget_get_height (map));
    place = sk_network_cell_centre (SK_SECTOR_HELPERS, 2);
    sk_network_frame_to_area (&frame, sk_network_polar_to_point (place), &sx, &sy);
    g_signal_emit_by_name (click, "pressed", 2, sx, sy);
    sk_test_iterate (100);
    add_in_editor (tool, "Lone", "sagsbehandler", NULL);
  }
  {
    g_autoptr(SkNetworkPerson) helper = person_at (tool, 1);

    g_assert_cmpint (sk_network_person_get_sector (helper), ==, SK_SECTOR_HELPERS);
    g_assert_cmpint (sk_network_person_get_ring (helper), ==, 2);
  }

  /* Clicking a person opens the editor on them; the marks and the
   * parents' choice are stored at once. */
  g_assert_true (sk_network_map_get_spot (SK_NETWORK_MAP (map), grandma, &x, &y));
  gtk_widget_grab_focus (sk_network_map_get_token (SK_NETWORK_MAP (map), grandma));
  gtk_widget_activate_action (map, "person.edit", NULL);
  sk_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (sk_network_editor_get_person (SK_NETWORK_EDITOR (editor)) == grandma);
  /* The marks name the person. */
  sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "I can talk to Bedstemor Åse 👵"));
  sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "I worry about Bedstemor Åse 👵"));
  gtk_switch_set_active (GTK_SWITCH (sk_test_find_type (editor, GTK_TYPE_SWITCH)), FALSE);
  value = sk_test_sql (path, "SELECT can_talk || worried || shared FROM network_people WHERE name = 'Bedstemor Åse 👵'");
  g_assert_cmpstr (value, ==, "110");
  g_clear_pointer (&value, g_free);
  /* Renaming: typed text reaches the file within half a second. */
  gtk_editable_set_text (GTK_EDITABLE (sk_test_find_labelled (editor, GTK_TYPE_ENTRY, "Name")), "Mormor");
  sk_test_iterate (450);
  value = sk_test_sql (path, "SELECT count(*) FROM network_people WHERE name = 'Mormor'");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_BUTTON, "Done"));
  {
    /* What a screen reader says about her. */
    g_autofree char *description = sk_network_person_dup_description (grandma);

    g_assert_cmpstr (description, ==, "Mormor (bedstemor), Friends, Close, I can talk to them, "
                                      "I worry about them, hidden from the parents");
  }

  /* The whole map's choice belongs to the conversation. */
  sk_test_click (find_toggle_starting (GTK_WIDGET (tool), "May your parents see the map?"));
  value = sk_test_sql (path, "SELECT network_shared FROM conversations ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);

  /* Close and open again: exactly as left. */
  place = sk_network_person_get_place (grandma);
  g_clear_object (&grandma);
  close_window (window);
  window = open_network (path);
  tool = find_tool (window);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 2);
  grandma = person_at (tool, 0);
  g_assert_cmpstr (sk_record_get_string (SK_RECORD (grandma), "name"), ==, "Mormor");
  g_assert_true (sk_record_get_boolean (SK_RECORD (grandma), "worried"));
  g_assert_cmpfloat (fabs (sk_network_person_get_place (grandma).angle - place.angle), <, 1e-9);
  g_assert_cmpfloat (fabs (sk_network_person_get_place (grandma).distance - place.distance), <, 1e-9);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    find_toggle_starting (GTK_WIDGET (tool), "May your parents see the map?"))));
  close_window (window);
}

static void
test_drag_keyboard_remove_undo (void)
{
  g_autofree char *path = sk_test_path ("move.db");
  SkWindow *window;
  SkNetworkTool *tool;
  GtkWidget *map, *copy, *token, *undo;
  GtkGesture *drag;
  g_autoptr(SkNetworkPerson) mum = NULL;
  g_autoptr(SkNetworkPerson) coach = NULL;
  g_autofree char *value = NULL;
  SkNetworkFrame frame;
  double x, y, tx, ty, before_angle;

  prepare_database (path);
  window = open_network (path);
  tool = find_tool (window);
  map = sk_network_tool_get_map (tool);

  /* Start from last time: a copy of the earlier map, shown beside it. */
  copy = sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Start From Last Time");
  g_assert_true (gtk_widget_get_mapped (copy));
  sk_test_click (copy);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 2);
  g_assert_false (gtk_widget_get_visible (copy));
  sk_test_click (sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "See Last Time"));
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (tool));

    g_assert_nonnull (strstr (text, "Last time, "));
  }
  value = sk_test_sql (path, "SELECT count(*) FROM network_people WHERE origin_id > 0");
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);
  mum = person_at (tool, 0);
  coach = person_at (tool, 1);

  /* Drag mum from the family to the friends, the way a finger does. */
  sk_test_iterate (200);
  drag = GTK_GESTURE (sk_test_find_controller (map, GTK_TYPE_GESTURE_DRAG));
  g_assert_true (sk_network_map_get_spot (SK_NETWORK_MAP (map), mum, &x, &y));
  sk_network_frame_fit (&frame, 0, 0, gtk_widget_get_width (map), gtk_widget_get_height (map));
  sk_network_frame_to_area (&frame, sk_network_polar_to_point (sk_network_cell_centre (SK_SECTOR_FRIENDS, 1)), &tx, &ty);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  for (int step = 1; step <= 10; step++)
    {
      g_signal_emit_by_name (drag, "drag-update", (tx - x) * step / 10, (ty - y) * step / 10);
      sk_test_iterate (16);
    }
  /* During the drag, the place reaches the file within half a second. */
  sk_test_iterate (450);
  value = sk_test_sql (path, "SELECT round(angle, 3) FROM network_people WHERE origin_id > 0 ORDER BY id LIMIT 1");
  g_assert_cmpfloat (fabs (atof (value) - sk_network_cell_centre (SK_SECTOR_FRIENDS, 1).angle), <, 0.05);
  g_clear_pointer (&value, g_free);
  g_signal_emit_by_name (drag, "drag-end", tx - x, ty - y);
  sk_test_iterate (50);
  g_assert_cmpint (sk_network_person_get_sector (mum), ==, SK_SECTOR_FRIENDS);
  g_assert_cmpint (sk_network_person_get_ring (mum), ==, 1);
  /* Last time's map is as it was. */
  value = sk_test_sql (path, "SELECT round(angle, 3) FROM network_people WHERE origin_id = 0 ORDER BY id LIMIT 1");
  g_assert_cmpfloat (fabs (atof (value) - sk_network_cell_centre (SK_SECTOR_FAMILY, 0).angle), <, 0.001);
  g_clear_pointer (&value, g_free);

  /* By keyboard: Tab reaches every person, arrows move the focused one. */
  token = sk_network_map_get_token (SK_NETWORK_MAP (map), coach);
  gtk_widget_grab_focus (sk_network_map_get_token (SK_NETWORK_MAP (map), mum));
  g_assert_true (gtk_widget_child_focus (map, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (token));
  before_angle = sk_network_person_get_place (coach).angle;
  /* From school (bottom right), left and left again: into the helpers. */
  for (int i = 0; i < 16; i++)
    gtk_widget_activate_action (map, "person.move", "(dd)", -1.0, 0.0);
  sk_test_iterate (50);
  g_assert_cmpfloat (sk_network_person_get_place (coach).angle, !=, before_angle);
  g_assert_cmpint (sk_network_person_get_sector (coach), ==, SK_SECTOR_HELPERS);
  value = sk_test_sql (path, "SELECT round(angle, 6) FROM network_people WHERE origin_id > 0 ORDER BY id DESC LIMIT 1");
  g_assert_cmpfloat (fabs (atof (value) - sk_network_person_get_place (coach).angle), <, 1e-5);
  g_clear_pointer (&value, g_free);
  /* Up, up, up: from the outer ring inwards. */
  for (int i = 0; i < 6; i++)
    gtk_widget_activate_action (map, "person.move", "(dd)", 0.0, -1.0);
  g_assert_cmpint (sk_network_person_get_ring (coach), <, 2);

  /* Delete takes them off; Undo puts them back. */
  gtk_widget_activate_action (map, "person.remove", NULL);
  sk_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 1);
  value = sk_test_sql (path, "SELECT trashed FROM network_people WHERE origin_id > 0 ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  undo = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  sk_test_click (undo);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 2);
  value = sk_test_sql (path, "SELECT trashed FROM network_people WHERE origin_id > 0 ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);
  close_window (window);
}

/* For a person to look at: a map of a dozen people, in Danish, in the
 * caseworker's view with last time beside it and in the child's view. */
static void
test_screenshots (void)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  GSettings *settings = sk_application_get_settings (app);
  g_autofree char *path = sk_test_path ("demo-network.db");
  g_autoptr(GError) error = NULL;
  SkWindow *window;
  SkNetworkTool *tool;

  g_settings_set_string (settings, "language", "da");
  sk_test_iterate (100);
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
  }
  window = open_network (path);
  tool = find_tool (window);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (tool));

    g_assert_nonnull (strstr (text, "Hvem er der i dit liv?"));
    g_assert_null (strstr (text, "Who is in your life?"));
  }
  sk_test_click (sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Start fra sidste gang"));
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 11);
  /* Today: one more person, and a change the child made. */
  sk_test_click (sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_BUTTON, "Tilføj person"));
  {
    GtkWidget *editor = sk_network_tool_get_editor (tool);

    gtk_editable_set_text (GTK_EDITABLE (sk_test_find_labelled (editor, GTK_TYPE_ENTRY, "Navn")), "Oliver");
    gtk_editable_set_text (GTK_EDITABLE (sk_test_find_labelled (editor, GTK_TYPE_ENTRY, "Hvem er Oliver for dig?")),
                           "ny ven");
    sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "Venner"));
    sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "Barn"));
    sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_TOGGLE_BUTTON, "Jeg kan snakke med Oliver"));
    sk_test_save_screenshot (editor, "network-editor-da.png");
    sk_test_click (sk_test_find_labelled (editor, GTK_TYPE_BUTTON, "Tilføj"));
  }
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (tool)), ==, 12);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *caseworker = g_strdup_printf ("network-caseworker-da-%dx%d.png", sizes[s][0], sizes[s][1]);
      g_autofree char *child = g_strdup_printf ("network-child-da-%dx%d.png", sizes[s][0], sizes[s][1]);
      GtkWidget *view, *child_tool;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
      sk_test_iterate (400);
      sk_test_scroll_to (GTK_WIDGET (tool));
      sk_test_iterate (200);
      sk_test_scroll_to (GTK_WIDGET (tool));
      sk_test_iterate (300);
      sk_test_save_screenshot (GTK_WIDGET (window), caseworker);

      g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
      sk_test_iterate (400);
      view = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));
      child_tool = sk_test_find_type (view, SK_TYPE_NETWORK_TOOL);
      gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (child_tool)), child_tool);
      sk_test_iterate (400);
      g_assert_true (gtk_widget_get_mapped (child_tool));
      /* The same twelve people in the child's view. */
      g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (SK_NETWORK_TOOL (child_tool))), ==, 12);
      sk_test_save_screenshot (GTK_WIDGET (window), child);
      g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
      sk_test_iterate (200);
    }
  /* Today's map beside last time's, in the caseworker's view. */
  sk_test_click (sk_test_find_labelled (GTK_WIDGET (tool), GTK_TYPE_TOGGLE_BUTTON, "Se sidste gang"));
  sk_test_iterate (300);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (tool));

    g_assert_nonnull (strstr (text, "Sidste gang, "));
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "network-compare-da-1920x1080.png");
  close_window (window);
  g_settings_reset (settings, "language");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/network-tool/add-mark-restart", test_add_mark_and_restart);
  g_test_add_func ("/network-tool/drag-keyboard-remove-undo", test_drag_keyboard_remove_undo);
  g_test_add_func ("/network-tool/screenshots", test_screenshots);

  return sk_test_app_run (&app);
}
