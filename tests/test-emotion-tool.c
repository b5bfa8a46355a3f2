/* test-emotion-tool.c — "How I feel", driven through its widgets */
#include "sk-application.h"
#include "sk-emotion-card.h"
#include "sk-emotion-tool.h"
#include "sk-emotion.h"
#include "sk-face-scale.h"
#include "sk-note-field.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"
#include "sk-demo.h"

#include <sqlite3.h>
#include <string.h>

static SkApplication *app;

/* One child with an earlier conversation (home: "Not so good") and
 * today's, which the tests open. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) store = sk_test_store_open (path, &error);
  g_autoptr(SkChild) child = sk_child_new ("Maja");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) today = NULL;
  g_autoptr(SkEmotionRating) home = NULL;

  g_assert_no_error (error);
  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1760000000);
  g_assert_true (sk_store_insert (store, earlier, &error));
  home = sk_emotion_rating_new (sk_record_get_id (SK_RECORD (earlier)), "home", "");
  g_object_set (home, "face", 2, NULL);
  g_assert_true (sk_store_insert (store, home, &error));
  today = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1763900000);
  g_assert_true (sk_store_insert (store, today, &error));
}

static SkWindow *
open_conversation (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);
  g_autoptr(SkChild) child = NULL;

  g_assert_no_error (error);
  child = g_list_model_get_item (sk_window_get_children (window), 0);
  sk_window_select_child (window, child);
  {
    GtkWidget *page = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildPage"));
    GtkWidget *list = sk_test_find_type (page, GTK_TYPE_LIST_BOX);

    /* Newest first: today's conversation. */
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  }
  sk_test_iterate (400);
  return window;
}

static void
close_window (SkWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
}

static SkEmotionCard *
card (GtkWidget *root,
      guint      index)
{
  GtkWidget *tool = sk_test_find_type (root, SK_TYPE_EMOTION_TOOL);
  GtkWidget *child;

  g_assert_nonnull (tool);
  child = sk_test_find_type (tool, SK_TYPE_EMOTION_CARD);
  for (guint i = 0; i < index && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return SK_EMOTION_CARD (child);
}

/* A click as the gesture reports it. */
static void
click (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
          sk_test_iterate (20);
          g_object_unref (controllers);
          return;
        }
    }
  g_object_unref (controllers);
  g_assert_not_reached ();
}

static void
test_faces_by_click_and_keyboard (void)
{
  g_autofree char *path = sk_test_path ("faces.db");
  SkWindow *window;
  SkEmotionCard *home;
  SkFaceScale *scale;
  char *value;

  prepare_database (path);
  window = open_conversation (path);
  home = card (GTK_WIDGET (window), 0);
  scale = sk_emotion_card_get_face_scale (home);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (scale)));

  /* Every face at least 64 px on a 1280×800 screen. */
  for (int face = SK_FACE_MIN; face <= SK_FACE_MAX; face++)
    {
      GtkWidget *image = gtk_widget_get_first_child (sk_face_scale_get_button (scale, face));

      g_assert_cmpint (MIN (gtk_widget_get_width (image), gtk_widget_get_height (image)), >=, 64);
    }

  /* A click chooses "Good": in the record and the file at once. */
  click (sk_face_scale_get_button (scale, 4));
  g_assert_cmpint (sk_emotion_rating_get_face (sk_emotion_card_get_rating (home)), ==, 4);
  g_assert_true (gtk_widget_has_css_class (sk_face_scale_get_button (scale, 4), "chosen"));
  value = sk_test_sql (path, "SELECT face FROM emotion_ratings WHERE topic_key = 'home' ORDER BY id DESC");
  g_assert_cmpstr (value, ==, "4");
  g_free (value);

  /* A second click on it clears it. */
  click (sk_face_scale_get_button (scale, 4));
  g_assert_cmpint (sk_emotion_rating_get_face (sk_emotion_card_get_rating (home)), ==, 0);
  g_assert_false (gtk_widget_has_css_class (sk_face_scale_get_button (scale, 4), "chosen"));
  value = sk_test_sql (path, "SELECT face FROM emotion_ratings WHERE topic_key = 'home' ORDER BY id DESC");
  g_assert_cmpstr (value, ==, "0");
  g_free (value);

  /* Keyboard: Home goes to the first face, Right twice to "In between",
   * Enter chooses it. */
  gtk_widget_activate_action (GTK_WIDGET (scale), "faces.move", "i", -100);
  g_assert_true (gtk_widget_has_focus (sk_face_scale_get_button (scale, 1)));
  gtk_widget_activate_action (GTK_WIDGET (scale), "faces.move", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (scale), "faces.move", "i", 1);
  g_assert_true (gtk_widget_has_focus (sk_face_scale_get_button (scale, 3)));
  gtk_widget_activate_action (sk_face_scale_get_button (scale, 3), "face.choose", NULL);
  value = sk_test_sql (path, "SELECT face FROM emotion_ratings WHERE topic_key = 'home' ORDER BY id DESC");
  g_assert_cmpstr (value, ==, "3");
  g_free (value);
  /* Past the last face, focus stays on it. */
  gtk_widget_activate_action (GTK_WIDGET (scale), "faces.move", "i", 100);
  gtk_widget_activate_action (GTK_WIDGET (scale), "faces.move", "i", 1);
  g_assert_true (gtk_widget_has_focus (sk_face_scale_get_button (scale, 5)));

  /* The earlier conversation's face shows as history. */
  g_assert_true (gtk_widget_get_visible (sk_emotion_card_get_history (home)));
  {
    g_autofree char *text = sk_test_visible_text (sk_emotion_card_get_history (home));

    g_assert_nonnull (strstr (text, "Before:"));
  }
  /* Topics without history show none. */
  g_assert_false (gtk_widget_get_visible (sk_emotion_card_get_history (card (GTK_WIDGET (window), 1))));

  close_window (window);
}

static void
test_feelings_words_shared_survive_restart (void)
{
  g_autofree char *path = sk_test_path ("round.db");
  SkWindow *window;
  SkEmotionCard *school;
  GtkTextView *words;
  char *value;

  prepare_database (path);
  window = open_conversation (path);
  school = card (GTK_WIDGET (window), 1);

  click (sk_face_scale_get_button (sk_emotion_card_get_face_scale (school), 5));
  gtk_toggle_button_set_active (sk_emotion_card_get_feeling_toggle (school, "proud"), TRUE);
  gtk_toggle_button_set_active (sk_emotion_card_get_feeling_toggle (school, "safe"), TRUE);
  gtk_toggle_button_set_active (sk_emotion_card_get_shared_button (school), TRUE);
  value = sk_test_sql (path, "SELECT face || '|' || feelings || '|' || shared FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "5|proud,safe|1");
  g_free (value);

  /* The chosen words show as chips. */
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (school));

    g_assert_nonnull (strstr (text, "Proud"));
    g_assert_nonnull (strstr (text, "Yes, they may"));
  }

  /* The child's words about school, typed by the caseworker. */
  words = sk_note_field_get_text_view (SK_NOTE_FIELD (sk_test_find_type (GTK_WIDGET (school), SK_TYPE_NOTE_FIELD)));
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (words), "Min lærer er sød", -1, TRUE);
  sk_test_iterate (500);
  value = sk_test_sql (path, "SELECT child_words FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "Min lærer er sød");
  g_free (value);

  /* Close, open again: everything is there. */
  close_window (window);
  window = open_conversation (path);
  school = card (GTK_WIDGET (window), 1);
  g_assert_cmpint (sk_face_scale_get_value (sk_emotion_card_get_face_scale (school)), ==, 5);
  g_assert_true (gtk_toggle_button_get_active (sk_emotion_card_get_shared_button (school)));
  g_assert_true (gtk_toggle_button_get_active (sk_emotion_card_get_feeling_toggle (school, "proud")));
  g_assert_false (gtk_toggle_button_get_active (sk_emotion_card_get_feeling_toggle (school, "sad")));
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (school));

    g_assert_nonnull (strstr (text, "Min lærer er sød"));
  }

  /* Taking a word away by its chip. */
  gtk_toggle_button_set_active (sk_emotion_card_get_feeling_toggle (school, "proud"), FALSE);
  value = sk_test_sql (path, "SELECT feelings FROM emotion_ratings WHERE topic_key = 'school'");
  g_assert_cmpstr (value, ==, "safe");
  g_free (value);
  close_window (window);
}

static void
test_topics_add_remove_undo (void)
{
  g_autofree char *path = sk_test_path ("topics.db");
  SkWindow *window;
  GtkWidget *tool, *entry, *button, *undo;
  GListModel *topics;
  char *value;

  prepare_database (path);
  window = open_conversation (path);
  tool = sk_test_find_type (GTK_WIDGET (window), SK_TYPE_EMOTION_TOOL);
  topics = sk_emotion_tool_get_topics (SK_EMOTION_TOOL (tool));
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 7);

  entry = sk_test_find_type (tool, GTK_TYPE_ENTRY);
  button = sk_test_find_labelled (tool, GTK_TYPE_BUTTON, "Add Topic");
  g_assert_false (gtk_widget_get_sensitive (button));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (gtk_widget_get_sensitive (button));   /* blanks are no topic */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fodbold ⚽");
  sk_test_click (button);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 8);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  {
    g_autofree char *text = sk_test_visible_text (tool);

    g_assert_nonnull (strstr (text, "How do you feel about “Fodbold ⚽”?"));
  }
  value = sk_test_sql (path, "SELECT count(*) FROM emotion_ratings WHERE topic = 'Fodbold ⚽'");
  g_assert_cmpstr (value, ==, "1");
  g_free (value);

  /* Move the new topic up, then remove it; Undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (card (GTK_WIDGET (window), 7)), "topic.move-up", NULL);
  sk_test_iterate (50);
  value = sk_test_sql (path, "SELECT position FROM emotion_ratings WHERE topic = 'Fodbold ⚽'");
  g_assert_cmpstr (value, ==, "6");
  g_free (value);

  gtk_widget_activate_action (GTK_WIDGET (card (GTK_WIDGET (window), 6)), "topic.remove", NULL);
  sk_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 7);
  value = sk_test_sql (path, "SELECT trashed FROM emotion_ratings WHERE topic = 'Fodbold ⚽'");
  g_assert_cmpstr (value, ==, "1");
  g_free (value);
  undo = sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Undo");
  sk_test_click (undo);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 8);
  {
    /* Back in its place. */
    g_autoptr(SkEmotionRating) back = g_list_model_get_item (topics, 6);
    g_autofree char *title = sk_emotion_rating_dup_title (back);

    g_assert_cmpstr (title, ==, "Fodbold ⚽");
  }
  close_window (window);
}

static void
test_child_view_and_screenshots (void)
{
  g_autofree char *path = sk_test_path ("screens.db");
  GSettings *settings = sk_application_get_settings (app);
  SkWindow *window;
  SkEmotionCard *home;
  GtkWidget *tool;

  prepare_database (path);
  g_settings_set_string (settings, "language", "da");
  sk_test_iterate (100);
  window = open_conversation (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  sk_test_iterate (300);

  home = card (GTK_WIDGET (window), 0);
  click (sk_face_scale_get_button (sk_emotion_card_get_face_scale (home), 4));
  gtk_toggle_button_set_active (sk_emotion_card_get_feeling_toggle (home, "safe"), TRUE);
  gtk_toggle_button_set_active (sk_emotion_card_get_shared_button (home), TRUE);
  sk_test_iterate (300);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (home));

    g_assert_nonnull (strstr (text, "Hvordan har du det derhjemme?"));
    g_assert_nonnull (strstr (text, "Rigtig godt"));
    g_assert_null (strstr (text, "Really good"));
  }
  sk_test_save_screenshot (GTK_WIDGET (home), "emotion-card-da.png");

  /* The same tool in the child's view, without the caseworker's controls. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
  sk_test_iterate (500);
  tool = NULL;
  {
    GtkWidget *view = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));

    tool = sk_test_find_type (view, SK_TYPE_EMOTION_TOOL);
    g_assert_true (gtk_widget_get_mapped (tool));
    g_assert_null (sk_test_find_shown (tool, GTK_TYPE_BUTTON, "Tilføj emne"));
    home = SK_EMOTION_CARD (sk_test_find_type (tool, SK_TYPE_EMOTION_CARD));
    g_assert_cmpint (sk_face_scale_get_value (sk_emotion_card_get_face_scale (home)), ==, 4);
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "emotion-child-view-da.png");
  g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
  sk_test_iterate (100);

  g_settings_reset (settings, "language");
  sk_test_iterate (200);
  close_window (SK_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data));
}

/* For a person to look at: the tool in both views, both languages, on a
 * 1280×800 and a 1920×1080 screen, with the invented demo child. */
static void
test_screenshots (void)
{
  static const char * const languages[] = { "da", "en" };
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 } };
  GSettings *settings = sk_application_get_settings (app);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *name = g_strdup_printf ("demo-%s.db", languages[l]);
      g_autofree char *path = sk_test_path (name);
      g_autoptr(GError) error = NULL;
      SkWindow *window;

      g_settings_set_string (settings, "language", languages[l]);
      sk_test_iterate (100);
      {
        g_autoptr(SkStore) store = sk_test_store_open (path, &error);

        g_assert_no_error (error);
        g_assert_true (sk_demo_fill (store, &error));
      }
      window = open_conversation (path);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *caseworker = g_strdup_printf ("emotion-caseworker-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          g_autofree char *child = g_strdup_printf ("emotion-child-%s-%dx%d.png", languages[l], sizes[s][0], sizes[s][1]);
          GtkWidget *view;

          gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
          sk_test_iterate (400);
          sk_test_scroll_to (sk_test_find_type (GTK_WIDGET (window), SK_TYPE_EMOTION_TOOL));
          sk_test_iterate (300);
          sk_test_save_screenshot (GTK_WIDGET (window), caseworker);

          g_action_group_activate_action (G_ACTION_GROUP (window), "child-view", NULL);
          sk_test_iterate (600);
          view = sk_test_find_type (GTK_WIDGET (window), g_type_from_name ("SkChildView"));
          g_assert_true (gtk_widget_get_mapped (view));
          /* Every face at least 64 px. */
          {
            SkEmotionCard *first = SK_EMOTION_CARD (sk_test_find_type (view, SK_TYPE_EMOTION_CARD));
            GtkWidget *image = gtk_widget_get_first_child (sk_face_scale_get_button (sk_emotion_card_get_face_scale (first), 1));

            g_assert_cmpint (MIN (gtk_widget_get_width (image), gtk_widget_get_height (image)), >=, 64);
          }
          sk_test_save_screenshot (GTK_WIDGET (window), child);
          g_action_group_activate_action (G_ACTION_GROUP (window), "leave-child-view", NULL);
          sk_test_iterate (200);
        }
      close_window (window);
    }
  g_settings_reset (settings, "language");
  sk_test_iterate (100);
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/emotion-tool/faces-click-keyboard", test_faces_by_click_and_keyboard);
  g_test_add_func ("/emotion-tool/feelings-words-shared-restart", test_feelings_words_shared_survive_restart);
  g_test_add_func ("/emotion-tool/topics-add-remove-undo", test_topics_add_remove_undo);
  g_test_add_func ("/emotion-tool/child-view-screenshots", test_child_view_and_screenshots);
  g_test_add_func ("/emotion-tool/screenshots", test_screenshots);

  return sk_test_app_run (&app);
}
