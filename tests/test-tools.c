/* test-tools.c — every tool of the registry, on a context with a real
 * SQLite file and without the application: built for its views, given a
 * conversation, and found in the pages, the summary's choices and the
 * journal */
#include "sk-child.h"
#include "sk-context.h"
#include "sk-conversation.h"
#include "sk-demo.h"
#include "sk-emotion-tool.h"
#include "sk-emotion.h"
#include "sk-last-time-tool.h"
#include "sk-lundy-tool.h"
#include "sk-network-tool.h"
#include "sk-network.h"
#include "sk-i18n.h"
#include "sk-settings.h"
#include "sk-summary.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"
#include "sk-tool-shelf.h"
#include "sk-tools.h"
#include "sk-lundy.h"
#include "sk-mat.h"
#include "sk-plan.h"
#include "sk-observation.h"
#include "sk-houses.h"
#include "sk-evaluation.h"
#include "sk-goals.h"

#include <string.h>

typedef struct
{
  char           *path;
  SkStore        *store;
  GSettings      *settings;
  SkContext      *context;
  SkConversation *today;     /* the demo's: last time before it */
  GPtrArray      *reports;   /* what the context told the person */
} Fixture;

static void
report_cb (SkContext    *context,
           const GError *error,
           Fixture      *fixture)
{
  g_ptr_array_add (fixture->reports, g_strdup (error->message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GListStore) conversations = NULL;

  fixture->path = sk_test_path (data);
  fixture->store = sk_test_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sk_demo_fill (fixture->store, &error));
  fixture->settings = sk_settings_new ();
  fixture->context = sk_context_new (fixture->store, fixture->settings);
  fixture->reports = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->context, "report", G_CALLBACK (report_cb), fixture);

  children = sk_store_list (fixture->store, SK_TYPE_CHILD, NULL, 0, &error);
  child = g_list_model_get_item (G_LIST_MODEL (children), 0);
  conversations = sk_store_list (fixture->store, SK_TYPE_CONVERSATION, "child_id",
                                 sk_record_get_id (SK_RECORD (child)), &error);
  g_assert_no_error (error);
  fixture->today = g_list_model_get_item (G_LIST_MODEL (conversations), 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (fixture->reports->len, ==, 0);
  g_clear_object (&fixture->today);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->reports);
  g_free (fixture->path);
}

/* A tool in a window of its own, as a page would hold it. */
static GtkWidget *
show_tool (GType      type,
           SkContext *context,
           gboolean   caseworker)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *tool = g_object_new (type, "context", context, "caseworker", caseworker, NULL);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), tool);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (100);
  return tool;
}

static char *
sql (Fixture    *fixture,
     const char *query)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sk_store_flush (fixture->store, &error));
  return sk_test_sql (fixture->path, query);
}

/* Every tool of the registry: built for each view its audience names, on
 * the context, given the conversation and then none. */
static void
test_every_tool_on_a_context (Fixture       *fixture,
                              gconstpointer  data)
{
  guint n;
  const SkToolEntry *tools = sk_tools (&n);

  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i < n; i++)
    for (guint view = 0; view < 2; view++)
      {
        SkToolAudience audience = view == 0 ? SK_TOOL_CASEWORKER : SK_TOOL_CHILD;
        GtkWidget *tool;

        g_test_message ("%s, %s", tools[i].module->id, view == 0 ? "caseworker" : "child");
        g_assert_nonnull (tools[i].module->title);
        g_assert_nonnull (tools[i].render);
        if ((tools[i].module->audiences & audience) == 0)
          continue;
        tool = show_tool (tools[i].get_type (), fixture->context, view == 0);
        g_assert_true (SK_IS_TOOL (tool));
        g_assert_true (sk_tool_get_context (SK_TOOL (tool)) == fixture->context);
        g_assert_cmpint (sk_tool_get_caseworker (SK_TOOL (tool)), ==, view == 0);
        sk_tool_set_conversation (SK_TOOL (tool), fixture->today);
        sk_test_iterate (200);
        g_assert_true (sk_tool_get_conversation (SK_TOOL (tool)) == fixture->today);
        sk_tool_set_conversation (SK_TOOL (tool), NULL);
        sk_test_iterate (50);
        gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (tool)));
        sk_test_iterate (50);
      }
}

/* Each tool on its own: what it shows, and what it writes. */
static void
test_tools_write_their_records (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *tool;
  g_autofree char *value = NULL;
  gint64 id = sk_record_get_id (SK_RECORD (fixture->today));
  g_autofree char *where = g_strdup_printf ("conversation_id = %" G_GINT64_FORMAT, id);

  /* "How I feel": today's topics, one face changed. */
  tool = show_tool (SK_TYPE_EMOTION_TOOL, fixture->context, TRUE);
  sk_tool_set_conversation (SK_TOOL (tool), fixture->today);
  sk_test_iterate (300);
  {
    GListModel *topics = sk_emotion_tool_get_topics (SK_EMOTION_TOOL (tool));
    g_autoptr(SkEmotionRating) home = g_list_model_get_item (topics, 0);
    g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM emotion_ratings WHERE %s", where);

    g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 7);
    value = sql (fixture, query);
    g_assert_cmpstr (value, ==, "7");
    g_clear_pointer (&value, g_free);
    g_object_set (home, "face", 1, NULL);
    g_free (query);
    query = g_strdup_printf ("SELECT face FROM emotion_ratings WHERE %s AND topic_key = 'home'", where);
    value = sql (fixture, query);
    g_assert_cmpstr (value, ==, "1");
    g_clear_pointer (&value, g_free);
  }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (tool)));

  /* "My network": an empty map today, last time's to start from. */
  tool = show_tool (SK_TYPE_NETWORK_TOOL, fixture->context, FALSE);
  sk_tool_set_conversation (SK_TOOL (tool), fixture->today);
  sk_test_iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (SK_NETWORK_TOOL (tool))), ==, 0);
  sk_test_click (sk_test_find_labelled (tool, GTK_TYPE_BUTTON, "Start From Last Time"));
  g_assert_cmpuint (g_list_model_get_n_items (sk_network_tool_get_people (SK_NETWORK_TOOL (tool))), ==, 11);
  {
    g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM network_people WHERE %s AND origin_id > 0", where);

    value = sql (fixture, query);
    g_assert_cmpstr (value, ==, "11");
    g_clear_pointer (&value, g_free);
  }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (tool)));

  /* The Lundy model: a step's answers for before and after. */
  tool = show_tool (SK_TYPE_LUNDY_TOOL, fixture->context, TRUE);
  sk_tool_set_conversation (SK_TOOL (tool), fixture->today);
  sk_test_iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (sk_lundy_tool_get_answers (SK_LUNDY_TOOL (tool))), ==, 8);
  sk_tool_show_part (SK_TOOL (tool), SK_LUNDY_PAGE_AFTER);
  g_assert_cmpstr (sk_lundy_tool_get_page (SK_LUNDY_TOOL (tool)), ==, SK_LUNDY_PAGE_AFTER);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (tool)));

  /* Last time: there was one, and its agreements show. */
  tool = show_tool (SK_TYPE_LAST_TIME_TOOL, fixture->context, FALSE);
  sk_tool_set_conversation (SK_TOOL (tool), fixture->today);
  sk_test_iterate (300);
  g_assert_nonnull (sk_last_time_tool_get_previous (SK_LAST_TIME_TOOL (tool)));
  g_assert_true (gtk_widget_get_visible (tool));
  {
    g_autofree char *text = sk_test_visible_text (tool);

    g_assert_nonnull (strstr (text, "We will meet again in six weeks."));
  }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (tool)));
  sk_test_iterate (50);
}

/* The registry walked: each tool is on the shelf of every view its
 * audience names and on no other; its choices are in the summary's; its
 * journal part is in the journal. */
static void
test_registry_reaches_every_place (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *shelves[2];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *journal = NULL;
  guint n;
  const SkToolEntry *tools = sk_tools (&n);

  /* Something to choose and to write about in every tool. */
  {
    g_autoptr(GListStore) people = sk_network_list (fixture->store, sk_record_get_id (SK_RECORD (fixture->today)), &error);
    g_autoptr(SkConversation) earlier = sk_network_previous (fixture->store, fixture->today, &error);

    g_assert_true (sk_network_copy (fixture->store, people, sk_record_get_id (SK_RECORD (fixture->today)),
                                    earlier, &error));
    g_object_set (fixture->today, "feedback", "The school has a plan now.", NULL);
  }
  {
    /* A Lundy question answered: the journal holds only what is. */
    g_autoptr(GListStore) answers = sk_lundy_answers (fixture->store, sk_record_get_id (SK_RECORD (fixture->today)),
                                                      TRUE, &error);

    g_assert_no_error (error);
    sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (answers), "voice", SK_LUNDY_BEFORE), "tools");
  }
  {
    /* A picture card placed, and the plan of the conversation. */
    gint64 id = sk_record_get_id (SK_RECORD (fixture->today));
    g_autoptr(GListStore) cards = sk_mat_cards (fixture->store, id, &error);
    g_autoptr(GListStore) steps = NULL;
    SkMatCard *card = sk_mat_cards_add (fixture->store, cards, id, "food", NULL, &error);

    g_assert_no_error (error);
    sk_mat_card_place (card, SK_MAT_GOOD, G_LIST_MODEL (cards));
    steps = sk_plan_steps (fixture->store, id, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), >, 0);
  }
  {
    /* Something seen, and what it may mean, in the observation. */
    gint64 id = sk_record_get_id (SK_RECORD (fixture->today));
    g_autoptr(GListStore) points = sk_observation_points (fixture->store, id, TRUE, &error);
    g_autoptr(SkObservationPoint) point = NULL;

    g_assert_no_error (error);
    point = g_list_model_get_item (G_LIST_MODEL (points), 0);
    g_object_set (point, "observation", "Smiles back", "assessment", "Feels safe", NULL);
  }
  {
    /* A drawing and words in the house of dreams. */
    g_autoptr(SkHouses) houses = sk_houses_load (fixture->store, sk_record_get_id (SK_RECORD (fixture->today)), &error);
    g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));
    SkHousesPoint point = { 0.5f, 0.7f, 1.0f };

    g_assert_no_error (error);
    g_array_append_val (points, point);
    g_assert_nonnull (sk_houses_add_stroke (houses, fixture->store, SK_HOUSE_DREAMS, 0, 1, points, &error));
    g_assert_nonnull (sk_houses_add_word (houses, fixture->store, SK_HOUSE_DREAMS, "A dog", NULL, &error));
  }
  {
    /* The child's evaluation: one face. */
    g_autoptr(SkEvaluation) evaluation = sk_evaluation_load (fixture->store, sk_record_get_id (SK_RECORD (fixture->today)),
                                                             TRUE, &error);

    g_assert_no_error (error);
    sk_evaluation_set_answer (evaluation, 1, SK_EVALUATION_YES);
  }
  {
    /* A goal in the child's words, followed up today. */
    g_autoptr(SkGoals) goals = sk_goals_load (fixture->store, sk_conversation_get_child_id (fixture->today), &error);
    SkGoal *goal = sk_goals_add (goals, fixture->store, fixture->today, SK_GOAL_FROM_CHILD, &error);
    g_autoptr(SkGoalStep) step = NULL;

    g_assert_no_error (error);
    g_object_set (goal, "child-words", "More time with dad", NULL);
    step = sk_goals_step (goals, fixture->store, goal, sk_record_get_id (SK_RECORD (fixture->today)), TRUE, &error);
    g_object_set (step, "rung", 4, NULL);
  }
  choices = sk_summary_list_choices (fixture->store, fixture->today, &error);
  g_assert_no_error (error);
  journal = sk_journal_build (fixture->store, fixture->today, TRUE, &error);
  g_assert_no_error (error);

  for (guint view = 0; view < 2; view++)
    {
      GtkWidget *window = gtk_window_new ();

      shelves[view] = sk_tool_shelf_new (fixture->context, view == 0);
      gtk_window_set_child (GTK_WINDOW (window), shelves[view]);
      sk_tool_shelf_set_conversation (SK_TOOL_SHELF (shelves[view]), fixture->today);
    }

  for (guint i = 0; i < n; i++)
    {
      const SkToolModule *module = tools[i].module;

      g_test_message ("%s", module->id);
      g_assert_true (sk_tool_module_find (module->id) == module);
      g_assert_true (sk_tools_find (module->id) == &tools[i]);
      for (guint view = 0; view < 2; view++)
        {
          SkToolAudience audience = view == 0 ? SK_TOOL_CASEWORKER : SK_TOOL_CHILD;
          SkTool *tool = sk_tool_shelf_find (SK_TOOL_SHELF (shelves[view]), module->id);

          if (module->audiences & audience)
            {
              g_assert_nonnull (tool);
              g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (tool, tools[i].get_type ()));
              g_assert_true (sk_tool_get_conversation (tool) == fixture->today);
            }
          else
            g_assert_null (tool);
        }

      if (module->choices != NULL)
        {
          g_autoptr(GPtrArray) own = g_ptr_array_new ();

          g_assert_true (module->choices (own, fixture->store, fixture->today, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (own->len, >, 0);
          for (guint c = 0; c < own->len; c++)
            {
              const SkShareItem *item = own->pdata[c];
              gboolean found = FALSE;

              for (guint all = 0; all < choices->len && !found; all++)
                found = ((SkShareItem *) choices->pdata[all])->record == item->record &&
                        g_str_equal (((SkShareItem *) choices->pdata[all])->property, item->property);
              g_assert_true (found);
            }
          g_ptr_array_set_free_func (own, NULL);
        }
      if (module->journal != NULL)
        {
          g_autoptr(GString) part = g_string_new (NULL);

          g_assert_true (module->journal (part, fixture->store, fixture->today, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (part->len, >, 0);
          g_assert_nonnull (strstr (journal, part->str));
        }
    }
  for (guint view = 0; view < 2; view++)
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (shelves[view])));
  sk_test_iterate (50);
}

/* The schema: a step for every version, and every tool's tables made. */
static void
test_schema_of_every_tool (Fixture       *fixture,
                           gconstpointer  data)
{
  guint n;
  const SkToolModule * const *modules = sk_tool_modules (&n);
  g_autofree char *version = sql (fixture, "PRAGMA user_version");

  g_assert_cmpint (atoi (version), ==, sk_store_schema_version ());
  for (guint i = 0; i < n; i++)
    {
      for (const SkSchemaStep *step = modules[i]->schema; step != NULL && step->sql != NULL; step++)
        {
          g_assert_cmpint (step->version, >=, 1);
          g_assert_cmpint (step->version, <=, sk_store_schema_version ());
        }
      for (guint t = 0; modules[i]->tables != NULL && modules[i]->tables[t] != NULL; t++)
        {
          g_autofree char *query = g_strdup_printf ("SELECT count(trashed) >= 0 FROM %s",
                                                    modules[i]->tables[t]);
          g_autofree char *has = sql (fixture, query);

          g_assert_cmpstr (has, ==, "1");
        }
    }
}

int
main (int argc, char *argv[])
{
  sk_test_gui_init (&argc, &argv);
  sk_i18n_init ();

  g_test_add ("/tools/every-tool-on-a-context", Fixture, "every.db", fixture_set_up,
              test_every_tool_on_a_context, fixture_tear_down);
  g_test_add ("/tools/tools-write-their-records", Fixture, "records.db", fixture_set_up,
              test_tools_write_their_records, fixture_tear_down);
  g_test_add ("/tools/registry-reaches-every-place", Fixture, "registry.db", fixture_set_up,
              test_registry_reaches_every_place, fixture_tear_down);
  g_test_add ("/tools/schema-of-every-tool", Fixture, "schema.db", fixture_set_up,
              test_schema_of_every_tool, fixture_tear_down);
  return g_test_run ();
}
