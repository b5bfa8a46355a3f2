/* test-summary.c — the parents' summary and the journal note: the model,
 * the PDF read back, and the command line */
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-emotion.h"
#include "sk-i18n.h"
#include "sk-lundy.h"
#include "sk-network.h"
#include "sk-summary-draw.h"
#include "sk-summary.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#define SECRET "KUN-TIL-RÅDGIVEREN"
#define HIDDEN_PERSON "Skjulte Kurt"
#define HIDDEN_TOPIC_WORDS "ikke-delt-hemmelighed"
#define LUNDY_NOTE "lundy-evaluering-kun-her"


/* A conversation with everything filled in, shared and not. */
static gint64
prepare (const char *path,
         guint       long_words)
{
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Åse");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GListStore) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new ("Jeg kan godt lide at tegne æbler, øer og ål. ");
  static const char * const names[] = { "Mormor Ærtebjerg", "Far", "Ven Øjvind", HIDDEN_PERSON };

  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_test_add_conversation (store, child, 1760000000);
  g_object_set (earlier, "agreements", "Vi ses igen.", NULL);
  conversation = sk_test_add_conversation (store, child, 1763900000);
  for (guint i = 0; i < long_words; i++)
    g_string_append_printf (words, "Sætning nummer %u om skolen og frikvarteret. ", i + 1);
  g_string_append (words, "SLUTORD");
  g_object_set (conversation,
                "place", "Samtalerummet",
                "child-words", words->str,
                "child-words-shared", TRUE,
                "agreements", "Åse må ringe, når hun vil.",
                "next-steps", "Rådgiveren taler med skolen.",
                "private-notes", SECRET,
                "feedback", "Skolen har fået en plan.",
                "feedback-shared", TRUE,
                "network-shared", TRUE,
                NULL);

  topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);

      g_object_set (rating, "face", 5 - (int) i, "shared", i != 1,
                    "child-words", i == 1 ? HIDDEN_TOPIC_WORDS : "Det er godt derhjemme", NULL);
    }
  sk_emotion_rating_toggle_feeling (g_list_model_get_item (G_LIST_MODEL (topics), 0), "safe");

  people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), &error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SkNetworkPerson) person = sk_network_person_new (sk_record_get_id (SK_RECORD (conversation)),
                                                                 names[i], "", "person-adult",
                                                                 sk_network_cell_centre (i % 4, i % 3));

      g_object_set (person, "shared", !g_str_equal (names[i], HIDDEN_PERSON), "can-talk", i == 0, NULL);
      g_assert_true (sk_network_add (store, people, person, &error));
    }

  answers = sk_lundy_answers (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  g_object_set (sk_lundy_answers_find (G_LIST_MODEL (answers), "space", SK_LUNDY_AFTER), "note", LUNDY_NOTE, NULL);
  sk_lundy_answer_toggle (sk_lundy_answers_find (G_LIST_MODEL (answers), "voice", SK_LUNDY_BEFORE), "tools");
  g_assert_true (sk_store_flush (store, &error));
  g_assert_no_error (error);
  return sk_record_get_id (SK_RECORD (conversation));
}

static char *
model_text (const SkSummary *summary)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < summary->blocks->len; i++)
    {
      const SkSummaryBlock *block = g_ptr_array_index (summary->blocks, i);

      g_string_append_printf (out, "%d|%s|%s|%s\n", block->kind, block->text, block->detail ? block->detail : "",
                              block->words ? block->words : "");
      if (block->kind == SK_SUMMARY_PICTURE && g_strcmp0 (block->picture, "network") == 0)
        for (guint p = 0; p < block->data->len; p++)
          g_string_append_printf (out, "person|%s\n", g_array_index (block->data, SkNetworkShown, p).name);
    }
  return g_string_free (out, FALSE);
}

static void
test_model (void)
{
  g_autofree char *path = sk_test_path ("model.db");
  gint64 id = prepare (path, 0);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, id, NULL);
  SkSummarySender sender = { "Lone Rådgiver", "Eksempel Kommune", "12 34 56 78" };
  g_autoptr(SkSummary) da = sk_summary_build (store, conversation, "da", &sender, NULL);
  g_autoptr(SkSummary) en = sk_summary_build (store, conversation, "en", &sender, NULL);
  g_autofree char *text_da = model_text (da);
  g_autofree char *text_en = model_text (en);

  /* Shared things, in the parents' language. */
  g_assert_nonnull (strstr (text_da, "Vores samtale"));
  g_assert_nonnull (strstr (text_da, "Sådan har Åse det"));
  g_assert_nonnull (strstr (text_da, "Åses netværk"));
  g_assert_nonnull (strstr (text_da, "Rigtig godt – tryg"));
  g_assert_nonnull (strstr (text_da, "person|Mormor Ærtebjerg"));
  g_assert_nonnull (strstr (text_da, "Skolen har fået en plan."));
  g_assert_nonnull (strstr (text_da, "Åse må ringe, når hun vil."));
  g_assert_nonnull (strstr (text_da, "Jeres rådgiver: Lone Rådgiver"));
  g_assert_nonnull (strstr (text_da, "Åse og jeg har lavet denne opsummering sammen."));
  g_assert_nonnull (strstr (text_en, "Our conversation"));
  g_assert_nonnull (strstr (text_en, "How Åse feels"));
  g_assert_nonnull (strstr (text_en, "Really good – safe"));
  g_assert_nonnull (strstr (text_en, "Åse’s network"));
  g_assert_nonnull (strstr (text_da, "Telefon: 12 34 56 78"));
  g_assert_nonnull (strstr (text_da, "Her er en opsummering af min samtale med Åse"));
  g_assert_null (strstr (text_en, "Vores samtale"));
  /* Never: what was not shared, the caseworker's notes, the Lundy notes. */
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? text_da : text_en;

      g_assert_null (strstr (text, HIDDEN_PERSON));
      g_assert_null (strstr (text, HIDDEN_TOPIC_WORDS));
      g_assert_null (strstr (text, SECRET));
      g_assert_null (strstr (text, LUNDY_NOTE));
    }

  g_assert_nonnull (strstr (text_da, "Det fortalte Åse mig"));
  g_assert_nonnull (strstr (text_da, "æbler, øer og ål"));

  /* Unshare the child's own words, the map and the answer: they are gone. */
  g_object_set (conversation, "child-words-shared", FALSE, "network-shared", FALSE, "feedback-shared", FALSE, NULL);
  {
    g_autoptr(SkSummary) again = sk_summary_build (store, conversation, "da", NULL, NULL);
    g_autofree char *text = model_text (again);

    g_assert_null (strstr (text, "Det fortalte Åse mig"));
    g_assert_null (strstr (text, "æbler, øer og ål"));
    g_assert_null (strstr (text, "netværk"));
    g_assert_null (strstr (text, "Skolen har fået en plan."));
    g_assert_null (strstr (text, "rådgiver: "));
  }
}

/* Every item the child made, each with its own choice, in the
 * summary's order; a person only on a shared map. */
static void
test_choices (void)
{
  g_autofree char *path = sk_test_path ("choices.db");
  gint64 id = prepare (path, 0);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = sk_summary_list_choices (store, conversation, &error);
  g_autoptr(GString) titles = g_string_new (NULL);
  int map = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const SkShareItem *item = items->pdata[i];

      g_string_append_printf (titles, "%s/%s/%s;", item->group, item->title, item->property);
      if (g_str_equal (item->property, "network-shared"))
        map = (int) i;
      else if (SK_IS_NETWORK_PERSON (item->record))
        g_assert_cmpint (item->depends_on, ==, map);
      else
        g_assert_cmpint (item->depends_on, ==, -1);
      g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (item->record), item->property));
    }
  g_test_message ("%s", titles->str);
  g_assert_true (g_str_has_prefix (titles->str, "In your own words/What you told me/child-words-shared;"
                                                "How I feel/Home/shared;How I feel/School/shared;"
                                                "How I feel/Friends/shared;My network/The map/network-shared;"
                                                "My network/Mormor Ærtebjerg/shared;"));
  g_assert_nonnull (strstr (titles->str, "My network/" HIDDEN_PERSON "/shared;"));
  /* Last, the letter to the child after the talk (sk-letter.h). */
  g_assert_true (g_str_has_suffix (titles->str, "Last time/What happened with what you said last time/feedback-shared;"
                                                "Letters/The letter to you/letter-shared;"));
  /* The caseworker's things are never the child's to choose. */
  g_assert_null (strstr (titles->str, "private"));
  g_assert_null (strstr (titles->str, "agreements"));
}

static void
test_journal (void)
{
  g_autofree char *path = sk_test_path ("journal.db");
  gint64 id = prepare (path, 0);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = sk_journal_build (store, conversation, TRUE, &error);
  g_autofree char *without = NULL;

  g_assert_no_error (error);
  /* Everything: the caseworker's notes when asked for, the Lundy steps,
   * the hidden person and the unshared topic, marked as such. */
  g_assert_nonnull (strstr (journal, "Conversation with Åse"));
  g_assert_nonnull (strstr (journal, SECRET));
  g_assert_nonnull (strstr (journal, LUNDY_NOTE));
  /* Only what was answered: an empty box would read as "no". */
  g_assert_nonnull (strstr (journal, "  - Which tools suit this child?"));
  g_assert_null (strstr (journal, "[ ]"));
  g_assert_null (strstr (journal, "Voice, after the conversation:"));
  g_assert_nonnull (strstr (journal, HIDDEN_PERSON ", Grown-ups who help"));
  g_assert_nonnull (strstr (journal, "Mormor Ærtebjerg, Family, Closest to me, can talk to the person"));
  g_test_message ("%s", journal);
  g_assert_nonnull (strstr (journal, HIDDEN_PERSON ", Grown-ups who help, Closest to me, not shared with the parents"));
  g_assert_nonnull (strstr (journal, "Next steps (agreed last time)"));
  g_assert_nonnull (strstr (journal, HIDDEN_TOPIC_WORDS));
  g_assert_nonnull (strstr (journal, "[not shared with the parents]"));
  g_assert_nonnull (strstr (journal, "Vi ses igen."));
  g_assert_nonnull (strstr (journal, "SLUTORD"));
  g_assert_true (g_utf8_validate (journal, -1, NULL));
  /* Pastes cleanly into a text field: no tabs, no markup, no carriage returns. */
  g_assert_null (strchr (journal, '\t'));
  g_assert_null (strchr (journal, '\r'));
  g_assert_null (strchr (journal, '<'));

  /* The caseworker's own working notes stay out unless asked for. */
  without = sk_journal_build (store, conversation, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (without, SECRET));
  g_assert_null (strstr (without, "Only for me"));
  g_assert_nonnull (strstr (without, LUNDY_NOTE));
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* Words, without the line and page breaks pdftotext puts in. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GRegex) page_number = g_regex_new (" (Side \\d+ af|Page \\d+ of) \\d+", 0, 0, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", kept);
  /* The page numbers come between the last line of a page and the first
   * of the next. */
  return g_regex_replace (page_number, joined, -1, 0, "", 0, NULL);
}

static void
test_pdf (void)
{
  g_autofree char *path = sk_test_path ("pdf.db");
  gint64 id = prepare (path, 120);
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, id, NULL);

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autofree char *name = g_strdup_printf ("summary-%s.pdf", language);
      g_autofree char *pdf = sk_test_path (name);
      g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, language, NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *words = NULL;

      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf);
      words = squeeze (text);

      /* The long words flow over three pages or more, complete, in order. */
      g_assert_cmpint (sk_test_pdf_pages (pdf), >=, 3);
      for (guint i = 1; i <= 120; i++)
        {
          g_autofree char *sentence = g_strdup_printf ("Sætning nummer %u om skolen og frikvarteret.", i);

          if (strstr (words, sentence) == NULL)
            g_error ("%s: sentence %u is missing", language, i);
        }
      g_assert_nonnull (strstr (words, "SLUTORD"));
      g_assert_nonnull (strstr (words, "æbler, øer og ål"));
      g_assert_nonnull (strstr (words, "Mormor Ærtebjerg"));
      g_assert_null (strstr (words, HIDDEN_PERSON));
      g_assert_null (strstr (words, HIDDEN_TOPIC_WORDS));
      g_assert_null (strstr (words, SECRET));
      g_assert_null (strstr (words, LUNDY_NOTE));
      if (l == 0)
        {
          g_assert_nonnull (strstr (words, "Vores samtale"));
          g_assert_nonnull (strstr (words, "Det aftalte vi"));
          g_assert_nonnull (strstr (text, "Side 1 af"));
          g_assert_nonnull (strstr (words, "Åse har valgt, hvad I ser her."));
          /* The map's own words too, not the interface's. */
          g_assert_nonnull (strstr (words, "Voksne, der hjælper"));
          g_assert_null (strstr (words, "Grown-ups who help"));
        }
      else
        {
          g_assert_nonnull (strstr (words, "Our conversation"));
          g_assert_nonnull (strstr (words, "What we agreed"));
          g_assert_nonnull (strstr (text, "Page 1 of"));
          g_assert_null (strstr (words, "Vores samtale"));
          g_assert_nonnull (strstr (words, "Grown-ups who help"));
        }
    }

  /* A page of each language as a picture, for a person to look at. */
  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, language, NULL, NULL);
      g_autoptr(SkSummaryPages) pages = sk_summary_pages_new (summary, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);
      g_autofree char *name = g_strdup_printf ("summary-%s-page-1.png", language);
      g_autofree char *dir = g_strdup (g_getenv ("SK_TEST_OUTPUT"));
      g_autofree char *png = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1240, 1754);
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 1240 / SK_SUMMARY_PAGE_WIDTH, 1754 / SK_SUMMARY_PAGE_HEIGHT);
      sk_summary_pages_draw (pages, cr, 0, FALSE);
      cairo_destroy (cr);
      if (dir != NULL)
        {
          g_mkdir_with_parents (dir, 0700);
          png = g_build_filename (dir, name, NULL);
          g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
          g_test_message ("page: %s", png);
        }
      cairo_surface_destroy (surface);
    }
}

static int
run_cli (const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SK_APP"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_command_line (void)
{
  g_autofree char *path = sk_test_path ("cli.db");
  gint64 id = prepare (path, 0);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *pdf = sk_test_path ("cli.pdf");
  g_autofree char *txt = sk_test_path ("cli.txt");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  if (g_getenv ("SK_APP") == NULL)
    {
      g_test_skip ("SK_APP is not set");
      return;
    }
  /* Encrypted: without its passphrase (no terminal, nothing in the
   * environment) or with a wrong one, nothing is written. */
  {
    const char *args[] = { "--database", path, "--export-summary", id_text, "--language", "en", "--output", pdf, NULL };

    /* From an earlier run of the tests, in the same folder. */
    g_unlink (pdf);
    g_unsetenv ("SAMTALEKUFFERT_PASSPHRASE");
    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "SAMTALEKUFFERT_PASSPHRASE"));
    g_clear_pointer (&err, g_free);
    g_setenv ("SAMTALEKUFFERT_PASSPHRASE", "not the one at all", TRUE);
    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "not the passphrase"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
    g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
  }
  {
    const char *args[] = { "--database", path, "--export-summary", id_text, "--language", "en", "--output", pdf, NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Our conversation"));
    g_clear_pointer (&text, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--export-journal", id_text, "--output", txt, NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
    /* The caseworker's own notes only as set in the journal dialog: not by default. */
    g_assert_null (strstr (text, SECRET));
    g_assert_nonnull (strstr (text, "Conversation with Åse"));
    /* Private to the user, like the database. */
    g_assert_cmpint (g_stat (txt, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_clear_pointer (&err, g_free);
  }
  {
    /* An unknown id: a clear message, exit 1, nothing written. */
    g_autofree char *none = sk_test_path ("none.pdf");
    const char *args[] = { "--database", path, "--export-summary", "9999", "--output", none, NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "There is no conversation with the number 9999."));
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--export-journal", id_text, "--output", "/nonexistent/folder/j.txt", NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "/nonexistent/folder/j.txt"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--export-summary", id_text, "--output", "/nonexistent/folder/s.pdf", NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "could not be written"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", path, "--export-summary", id_text, "--language", "fr", "--output", pdf, NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 1);
    g_assert_nonnull (strstr (err, "“fr”"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sk_i18n_init ();

  g_test_add_func ("/summary/model", test_model);
  g_test_add_func ("/summary/choices", test_choices);
  g_test_add_func ("/summary/journal", test_journal);
  g_test_add_func ("/summary/pdf", test_pdf);
  g_test_add_func ("/summary/command-line", test_command_line);
  return g_test_run ();
}
