/* test-observation.c — observing a baby in a real file: the way
 * "observation" from the birth year, what I saw stored apart from what I
 * think it may mean, moments in time order, an older file brought up to
 * date, the journal (everything, each text labelled, in order) and the
 * parents' PDF read back (only observations marked for them, never an
 * assessment) */
#include "sk-i18n.h"
#include "sk-observation.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-test-util.h"

#include <gio/gio.h>
#include <string.h>

static void
test_way_from_birth_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  g_assert_cmpint (sk_child_suggest_way (year), ==, SK_WAY_OBSERVATION);
  g_assert_cmpint (sk_child_suggest_way (year - 1), ==, SK_WAY_OBSERVATION);
  g_assert_cmpint (sk_child_suggest_way (year - 2), ==, SK_WAY_OBSERVATION);
  g_assert_cmpint (sk_child_suggest_way (year - 3), ==, SK_WAY_PICTURES);
  g_assert_cmpint (sk_child_suggest_way (0), ==, SK_WAY_WORDS);
  g_assert_cmpint (sk_way_from_key ("observation"), ==, SK_WAY_OBSERVATION);
  g_assert_cmpstr (sk_way_key (SK_WAY_OBSERVATION), ==, "observation");
  sk_i18n_set_language ("da");
  g_assert_cmpstr (sk_way_label (SK_WAY_OBSERVATION), ==, "Observation");
  sk_i18n_set_language ("en");
}

static void
test_parse_time (void)
{
  static const struct { const char *text; int at; } good[] = {
    { "10:05", 36300 }, { "10.05", 36300 }, { " 9:5 ", 32700 }, { "1005", 36300 },
    { "905", 32700 }, { "0:00", 0 }, { "23:59", 86340 }, { "10", 36000 },
  };
  static const char * const bad[] = { "", "24:00", "10:60", "ti", "10:", ":05", "10:055", "12345", "-1:00", "10:05 am" };
  g_autofree char *shown = sk_observation_format_at (36300 + 42);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int at = -1;

      g_assert_true (sk_observation_parse_at (good[i].text, &at));
      g_assert_cmpint (at, ==, good[i].at);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int at = -1;

      if (sk_observation_parse_at (bad[i], &at))
        g_error ("“%s” read as a time", bad[i]);
    }
  g_assert_cmpstr (shown, ==, "10:05");
}

/* A file from before the observation (schema 2): brought up to date, and
 * the three tables are there to write to. */
static void
test_older_file (void)
{
  g_autofree char *path = sk_test_path ("observation-old.db");
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkObservation) observation = NULL;
  g_autoptr(GListStore) points = NULL;
  g_autoptr(GListStore) moments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *count = NULL;

  sk_test_make_old_database (path, 2, "INSERT INTO children (id, name, birth_year) VALUES (1, 'Ida', 2025);"
                                      "INSERT INTO conversations (id, child_id, started_at) VALUES (1, 1, 1763900000);");
  store = sk_test_open_store (path);
  version = sk_test_sql (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, sk_store_schema_version ());
  /* Nothing is made before it is asked for. */
  observation = sk_observation_get (store, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (observation);
  observation = sk_observation_get (store, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (observation);
  points = sk_observation_points (store, 1, TRUE, &error);
  g_assert_no_error (error);
  moments = sk_observation_moments (store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sk_observation_moments_add (store, moments, 1, 36000, &error));
  g_assert_true (sk_store_flush (store, &error));
  count = sk_test_sql (path, "SELECT count(*) FROM observation_points WHERE conversation_id = 1");
  g_assert_cmpstr (count, ==, "9");
}

typedef struct
{
  const char *point;
  const char *saw;
  const char *think;
  gboolean    shared;
} Written;

static const Written written[] = {
  { "contact", "Ida kigger på mor, da døren smækker, og holder blikket.",
    "VURDERING-1 Tegn på en tryg tilknytning til mor.", TRUE },
  { "play", "Griber ud efter raslen 🧸 og putter den i munden.", "VURDERING-2 Alderssvarende nysgerrighed.", FALSE },
  { "comfort", "Græder, da mor går ud; falder til ro i mormors arme efter to minutter.",
    "VURDERING-3 Kan trøstes af en kendt voksen.", TRUE },
  { "care", "", "VURDERING-4 Bleen var våd længe.", TRUE },
};

/* The invented baby's observation: context, four points, three moments
 * written out of order, and the after-reflection. */
static SkConversation *
fill (SkStore    *store,
      const char *path)
{
  g_autoptr(SkChild) child = sk_child_new ("Ida Marie");
  SkConversation *conversation;
  g_autoptr(SkObservation) observation = NULL;
  g_autoptr(GListStore) points = NULL;
  g_autoptr(GListStore) moments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  SkObservationMoment *moment;

  sk_child_set_way (child, SK_WAY_OBSERVATION);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  id = sk_record_get_id (SK_RECORD (conversation));
  observation = sk_observation_get (store, id, TRUE, &error);
  g_assert_no_error (error);
  g_object_set (observation,
                "place", "home",
                "present", "Mor, mormor og sagsbehandleren",
                "minutes", 45,
                "happening", "Frokost, derefter leg på tæppet.",
                "reflect-space", "Hjemme i stuen, med mor tæt på.",
                "reflect-influence", "Næste gang kommer vi om formiddagen.",
                NULL);
  points = sk_observation_points (store, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (points)), ==, 9);
  for (guint w = 0; w < G_N_ELEMENTS (written); w++)
    for (guint i = 0; i < 9; i++)
      {
        g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (points), i);

        if (g_strcmp0 (sk_observation_point_get_kind (point)->key, written[w].point) == 0)
          g_object_set (point, "observation", written[w].saw, "assessment", written[w].think,
                        "shared", written[w].shared, NULL);
      }
  moments = sk_observation_moments (store, id, &error);
  moment = sk_observation_moments_add (store, moments, id, 10 * 3600 + 12 * 60, &error);
  g_object_set (moment, "words", "Rækker armene op mod mormor", "point", "comfort", NULL);
  moment = sk_observation_moments_add (store, moments, id, 10 * 3600 + 5 * 60, &error);
  g_object_set (moment, "words", "Kigger på mor, da døren smækker", "point", "contact", NULL);
  moment = sk_observation_moments_add (store, moments, id, 10 * 3600 + 30 * 60, &error);
  g_object_set (moment, "words", "Falder i søvn", NULL);
  /* A time put right afterwards: in its place again. */
  sk_observation_moment_set_at (moment, moments, 9 * 3600 + 58 * 60);
  g_assert_no_error (error);
  g_assert_true (sk_store_flush (store, &error));
  return conversation;
}

/* What I saw and what I think it may mean are two columns; the moments
 * come back in time order after a reopening. */
static void
test_kept_apart_and_in_order (void)
{
  g_autofree char *path = sk_test_path ("observation-kept.db");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) moments = NULL;
  g_autofree char *saw = NULL;
  g_autofree char *think = NULL;
  g_autofree char *shared = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);

    conversation = fill (store, path);
  }
  saw = sk_test_sql (path, "SELECT observation FROM observation_points WHERE point = 'contact'");
  think = sk_test_sql (path, "SELECT assessment FROM observation_points WHERE point = 'contact'");
  shared = sk_test_sql (path, "SELECT shared FROM observation_points WHERE point = 'play'");
  g_assert_cmpstr (saw, ==, written[0].saw);
  g_assert_cmpstr (think, ==, written[0].think);
  g_assert_cmpstr (shared, ==, "0");
  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    static const int order[] = { 9 * 3600 + 58 * 60, 10 * 3600 + 5 * 60, 10 * 3600 + 12 * 60 };

    moments = sk_observation_moments (store, sk_record_get_id (SK_RECORD (conversation)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (moments)), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(SkObservationMoment) moment = g_list_model_get_item (G_LIST_MODEL (moments), i);

        g_assert_cmpint (sk_observation_moment_get_at (moment), ==, order[i]);
      }
  }
}

static const char *
after (const char *haystack,
       const char *needle,
       const char *from)
{
  const char *found = strstr (from, needle);

  if (found == NULL)
    g_error ("“%s” not found after where it should be in:\n%s", needle, haystack);
  return found + strlen (needle);
}

/* The journal: the context first, then every point with what I saw and
 * what I think each labelled, the moments in time order, and the
 * after-reflection — in English and in Danish practice's words. */
static void
test_journal (void)
{
  g_autofree char *path = sk_test_path ("observation-journal.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store, path);
  g_autoptr(GError) error = NULL;
  g_autofree char *english = NULL;
  g_autofree char *danish = NULL;
  const char *at;

  sk_i18n_set_language ("en");
  english = sk_journal_build (store, conversation, FALSE, &error);
  g_assert_no_error (error);
  at = after (english, "== Observation ==", english);
  at = after (english, "Where: Home visit", at);
  at = after (english, "Who was there: Mor, mormor og sagsbehandleren", at);
  at = after (english, "How long: 45 minutes", at);
  at = after (english, "What was going on: Frokost", at);
  at = after (english, "Contact and eye contact", at);
  at = after (english, "Observation (shared with the parents): Ida kigger på mor", at);
  at = after (english, "Assessment: VURDERING-1", at);
  at = after (english, "Moment 10:05: Kigger på mor", at);
  at = after (english, "Play and curiosity", at);
  at = after (english, "Observation (not shared with the parents): Griber ud efter raslen 🧸", at);
  at = after (english, "Assessment: VURDERING-2", at);
  at = after (english, "Seeking comfort and being comforted", at);
  at = after (english, "Care (food, cleanliness, clothes, sleep)", at);
  at = after (english, "Assessment: VURDERING-4", at);
  at = after (english, "Moments, in time order", at);
  at = after (english, "09:58 Falder i søvn", at);
  at = after (english, "10:05 Kigger på mor, da døren smækker (Contact and eye contact)", at);
  at = after (english, "10:12 Rækker armene op mod mormor (Seeking comfort and being comforted)", at);
  at = after (english, "After-reflection", at);
  at = after (english, "Space — Was the setting safe for this child?", at);
  at = after (english, "Hjemme i stuen", at);
  at = after (english, "Influence — What will we do differently because of what the child showed?", at);
  at = after (english, "Næste gang", at);
  /* An empty point says nothing; an empty reflection neither. */
  g_assert_null (strstr (english, "The body"));
  g_assert_null (strstr (english, "Voice —"));

  sk_i18n_set_language ("da");
  danish = sk_journal_build (store, conversation, FALSE, &error);
  sk_i18n_set_language ("en");
  g_assert_no_error (error);
  at = after (danish, "== Observation ==", danish);
  at = after (danish, "Rammen", at);
  at = after (danish, "Hvor: Hjemmebesøg", at);
  at = after (danish, "Kontakt og øjenkontakt", at);
  at = after (danish, "Observation (delt med forældrene): Ida kigger på mor", at);
  at = after (danish, "Vurdering: VURDERING-1", at);
  at = after (danish, "Øjeblikke i tidsorden", at);
  at = after (danish, "Efterrefleksion", at);
  at = after (danish, "Rum — Var rammen tryg for netop dette barn?", at);
}

/* The parents' paper: "What we saw of Ida" with the observations marked
 * for them, where and how long; never an assessment, never one not
 * marked.  The choices offer only what was seen. */
static void
test_paper (void)
{
  g_autofree char *path = sk_test_path ("observation-paper.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, language, NULL, &error);
      g_autofree char *name = g_strdup_printf ("observation-%s.pdf", language);
      g_autofree char *pdf = sk_test_path (name);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      text = sk_test_pdf_text (pdf);
      if (g_getenv ("SK_TEST_OUTPUT") != NULL)
        {
          g_autofree char *kept = g_build_filename (g_getenv ("SK_TEST_OUTPUT"), name, NULL);
          g_autoptr(GFile) from = g_file_new_for_path (pdf);
          g_autoptr(GFile) to = g_file_new_for_path (kept);

          g_mkdir_with_parents (g_getenv ("SK_TEST_OUTPUT"), 0700);
          g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
        }
      if (l == 0)
        {
          g_assert_nonnull (strstr (text, "Vores møde"));
          g_assert_nonnull (strstr (text, "Det så vi hos Ida"));
          /* A baby chose nothing: the paper does not say so. */
          g_assert_null (strstr (text, "Ida har valgt"));
          g_assert_nonnull (strstr (text, "Jeg har valgt, hvad I ser her"));
          g_assert_nonnull (strstr (text, "Hvor: Hjemmebesøg. Hvor længe: 45 minutter."));
          g_assert_nonnull (strstr (text, "Kontakt og øjenkontakt: Ida kigger på mor"));
          g_assert_nonnull (strstr (text, "Søger trøst og bliver trøstet: Græder, da mor går ud"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Our meeting"));
          g_assert_nonnull (strstr (text, "What we saw of Ida"));
          g_assert_null (strstr (text, "Ida chose"));
          g_assert_nonnull (strstr (text, "I chose what you see here"));
          g_assert_nonnull (strstr (text, "Where: Home visit. How long: 45 minutes."));
          g_assert_nonnull (strstr (text, "Contact and eye contact: Ida kigger på mor"));
        }
      /* Not marked for the parents. */
      g_assert_null (strstr (text, "raslen"));
      /* No assessment, marked or not; nor the moments, nor the reflection. */
      g_assert_null (strstr (text, "VURDERING"));
      g_assert_null (strstr (text, "Falder i søvn"));
      g_assert_null (strstr (text, "Rækker"));
      g_assert_null (strstr (text, "Hjemme i stuen"));
      g_assert_null (strstr (text, "Mor, mormor"));
    }

  choices = sk_summary_list_choices (store, conversation, &error);
  g_assert_no_error (error);
  {
    guint offered = 0;

    for (guint i = 0; i < choices->len; i++)
      {
        SkShareItem *item = choices->pdata[i];

        if (!SK_IS_OBSERVATION_POINT (item->record))
          continue;
        offered++;
        g_assert_cmpstr (item->property, ==, "shared");
        g_assert_null (strstr (item->detail, "VURDERING"));
      }
    /* Three points with something seen; "care" has only an assessment. */
    g_assert_cmpuint (offered, ==, 3);
  }
}

/* Nothing marked: no heading on the parents' paper at all. */
static void
test_nothing_marked (void)
{
  g_autofree char *path = sk_test_path ("observation-none.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = fill (store, path);
  g_autoptr(GListStore) points = sk_observation_points (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, NULL);
  g_autoptr(SkSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (points)); i++)
    {
      g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (points), i);

      g_object_set (point, "shared", FALSE, NULL);
    }
  summary = sk_summary_build (store, conversation, "en", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary->blocks->len; i++)
    {
      SkSummaryBlock *block = summary->blocks->pdata[i];

      g_assert_null (strstr (block->text != NULL ? block->text : "", "What we saw"));
      g_assert_null (strstr (block->text != NULL ? block->text : "", "kigger"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sk_i18n_init ();

  g_test_add_func ("/observation/way-from-birth-year", test_way_from_birth_year);
  g_test_add_func ("/observation/parse-time", test_parse_time);
  g_test_add_func ("/observation/older-file", test_older_file);
  g_test_add_func ("/observation/kept-apart-and-in-order", test_kept_apart_and_in_order);
  g_test_add_func ("/observation/journal", test_journal);
  g_test_add_func ("/observation/paper", test_paper);
  g_test_add_func ("/observation/nothing-marked", test_nothing_marked);
  return g_test_run ();
}
