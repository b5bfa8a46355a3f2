/* test-mat.c — the picture mat in a real file: the child's way of talking,
 * cards placed and moved in order, kept across a reopening, an older file
 * brought up to date, and the parents' PDF read back (only the cards the
 * child shared, never the caseworker's notes) */
#include "sk-art.h"
#include "sk-i18n.h"
#include "sk-mat.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-test-util.h"

#include <gio/gio.h>
#include <string.h>

static gint64
column_of (const char *path,
           gint64      id,
           const char *what)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM mat_cards WHERE id = %" G_GINT64_FORMAT, what, id);
  g_autofree char *value = sk_test_sql (path, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

/* A file of an older version: the child it holds talks in words, and the
 * mat's table is there to write to. */
static void
test_older_file_gets_ways_and_mat (void)
{
  g_autofree char *path = sk_test_path ("mat-old.db");
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GListStore) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *way = NULL;

  sk_test_make_old_database (path, 2, "INSERT INTO children (id, name, birth_year) VALUES (1, 'Ida', 2021);"
                                      "INSERT INTO conversations (id, child_id, started_at) VALUES (1, 1, 1763900000);");
  store = sk_test_open_store (path);
  child = sk_store_load (store, SK_TYPE_CHILD, 1, &error);
  g_assert_no_error (error);
  /* Every child so far talked in words, whatever the age. */
  g_assert_cmpint (sk_child_get_way (child), ==, SK_WAY_WORDS);
  cards = sk_mat_cards (store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sk_mat_cards_add (store, cards, 1, "food", NULL, &error));
  g_assert_no_error (error);
  sk_child_set_way (child, SK_WAY_PICTURES);
  g_assert_true (sk_store_flush (store, &error));
  way = sk_test_sql (path, "SELECT way FROM children WHERE id = 1");
  g_assert_cmpstr (way, ==, "pictures");
}

static void
test_way_suggested_from_birth_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  g_assert_cmpint (sk_child_suggest_way (year - 4), ==, SK_WAY_PICTURES);
  g_assert_cmpint (sk_child_suggest_way (year - 6), ==, SK_WAY_PICTURES);
  g_assert_cmpint (sk_child_suggest_way (year - 7), ==, SK_WAY_WORDS);
  g_assert_cmpint (sk_child_suggest_way (year - 12), ==, SK_WAY_WORDS);
  /* Not known: words, as every tool. */
  g_assert_cmpint (sk_child_suggest_way (0), ==, SK_WAY_WORDS);
  /* A way a newer program wrote reads as words. */
  g_assert_cmpint (sk_way_from_key ("observation-of-the-future"), ==, SK_WAY_WORDS);
  g_assert_cmpstr (sk_way_key (SK_WAY_PICTURES), ==, "pictures");
}

/* Placed, moved, put back: the order in which the child placed them is
 * kept, and all of it is in the file — also after closing it. */
static void
test_order_of_placing_is_kept (void)
{
  g_autofree char *path = sk_test_path ("mat-order.db");
  g_autoptr(GError) error = NULL;
  gint64 food, school, mum, own;

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(SkChild) child = sk_child_new ("Ida");
    g_autoptr(SkConversation) conversation = NULL;
    g_autoptr(GListStore) cards = NULL;
    gint64 conversation_id;

    g_assert_true (sk_store_insert (store, child, &error));
    conversation = sk_test_add_conversation (store, child, 1763900000);
    conversation_id = sk_record_get_id (SK_RECORD (conversation));
    cards = sk_mat_cards (store, conversation_id, &error);
    food = sk_record_get_id (SK_RECORD (sk_mat_cards_add (store, cards, conversation_id, "food", NULL, &error)));
    school = sk_record_get_id (SK_RECORD (sk_mat_cards_add (store, cards, conversation_id, "school", NULL, &error)));
    mum = sk_record_get_id (SK_RECORD (sk_mat_cards_add (store, cards, conversation_id, "mum", NULL, &error)));
    /* A card of the caseworker's own: odd characters, a line break
     * pasted in, spaces around. */
    own = sk_record_get_id (SK_RECORD (sk_mat_cards_add (store, cards, conversation_id, "sport",
                                                         "  Fodbold ⚽ & «håndbold»\nmed Aske  ", &error)));
    g_assert_no_error (error);

    sk_mat_card_place (sk_mat_cards_find (G_LIST_MODEL (cards), "school"), SK_MAT_BAD, G_LIST_MODEL (cards));
    sk_mat_card_place (sk_mat_cards_find (G_LIST_MODEL (cards), "food"), SK_MAT_GOOD, G_LIST_MODEL (cards));
    sk_mat_card_place (sk_mat_cards_find (G_LIST_MODEL (cards), "mum"), SK_MAT_GOOD, G_LIST_MODEL (cards));
    /* Moved again: now the last one placed. */
    sk_mat_card_place (sk_mat_cards_find (G_LIST_MODEL (cards), "school"), SK_MAT_UNSURE, G_LIST_MODEL (cards));
    g_assert_true (sk_store_flush (store, &error));
  }

  g_assert_cmpint (column_of (path, school, "mat_column"), ==, SK_MAT_UNSURE);
  g_assert_cmpint (column_of (path, school, "placed"), ==, 4);
  g_assert_cmpint (column_of (path, food, "mat_column"), ==, SK_MAT_GOOD);
  g_assert_cmpint (column_of (path, food, "placed"), ==, 2);
  g_assert_cmpint (column_of (path, mum, "placed"), ==, 3);
  g_assert_cmpint (column_of (path, own, "mat_column"), ==, SK_MAT_NONE);
  g_assert_cmpint (column_of (path, own, "placed"), ==, 0);

  {
    g_autoptr(SkStore) store = sk_test_open_store (path);
    g_autoptr(GListStore) cards = sk_mat_cards (store, 1, &error);
    g_autoptr(GPtrArray) good = sk_mat_cards_in_column (G_LIST_MODEL (cards), SK_MAT_GOOD);
    g_autoptr(GPtrArray) tray = sk_mat_cards_in_column (G_LIST_MODEL (cards), SK_MAT_NONE);
    g_autofree char *word = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (good->len, ==, 2);
    g_assert_cmpint (sk_record_get_id (good->pdata[0]), ==, food);
    g_assert_cmpint (sk_record_get_id (good->pdata[1]), ==, mum);
    g_assert_cmpuint (tray->len, ==, 1);
    word = sk_mat_card_dup_word (tray->pdata[0]);
    g_assert_cmpstr (word, ==, "Fodbold ⚽ & «håndbold» med Aske");
    /* Back on the tray: no place in the order any more. */
    sk_mat_card_place (good->pdata[0], SK_MAT_NONE, G_LIST_MODEL (cards));
    g_assert_cmpint (sk_mat_card_get_placed (good->pdata[0]), ==, 0);
    g_assert_true (sk_store_flush (store, &error));
  }
  g_assert_cmpint (column_of (path, food, "mat_column"), ==, SK_MAT_NONE);
}

/* The parents' paper: the shared cards under their columns, in both
 * languages; not the others, never the caseworker's notes.  The journal:
 * every card, its column, the order, the note, shared or not. */
static void
test_paper_shows_only_shared_cards (void)
{
  g_autofree char *path = sk_test_path ("mat-paper.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  static const struct { const char *symbol; SkMatColumn column; gboolean shared; const char *note; } laid[] = {
    { "food", SK_MAT_GOOD, TRUE, "Smilede og pegede på tallerkenen" },
    { "bus", SK_MAT_BAD, TRUE, NULL },
    { "noise", SK_MAT_UNSURE, TRUE, NULL },
    { "dad", SK_MAT_BAD, FALSE, "HEMMELIG-NOTE om far" },
    { "sleep", SK_MAT_NONE, FALSE, NULL },
  };
  gint64 id;

  sk_child_set_way (child, SK_WAY_PICTURES);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1763900000);
  id = sk_record_get_id (SK_RECORD (conversation));
  cards = sk_mat_cards (store, id, &error);
  for (guint i = 0; i < G_N_ELEMENTS (laid); i++)
    {
      SkMatCard *card = sk_mat_cards_add (store, cards, id, laid[i].symbol, NULL, &error);

      g_assert_no_error (error);
      sk_mat_card_place (card, laid[i].column, G_LIST_MODEL (cards));
      g_object_set (card, "shared", laid[i].shared, "note", laid[i].note, NULL);
    }
  g_assert_true (sk_store_flush (store, &error));

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, language, NULL, &error);
      g_autofree char *name = g_strdup_printf ("mat-%s.pdf", language);
      g_autofree char *pdf = sk_test_path (name);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      text = sk_test_pdf_text (pdf);
      /* Kept for looking at (SK_TEST_OUTPUT), as the other papers are. */
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
          g_assert_nonnull (strstr (text, "Idas billedkort"));
          g_assert_nonnull (strstr (text, "Godt"));
          g_assert_nonnull (strstr (text, "Ved ikke"));
          g_assert_nonnull (strstr (text, "Ikke godt"));
          g_assert_nonnull (strstr (text, "mad"));
          g_assert_nonnull (strstr (text, "bussen"));
          g_assert_nonnull (strstr (text, "larm"));
          g_assert_null (strstr (text, "far"));
          g_assert_null (strstr (text, "sove"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Ida’s picture cards"));
          g_assert_nonnull (strstr (text, "Good"));
          g_assert_nonnull (strstr (text, "Not sure"));
          g_assert_nonnull (strstr (text, "food"));
          g_assert_nonnull (strstr (text, "the bus"));
          g_assert_null (strstr (text, "dad"));
          g_assert_null (strstr (text, "sleeping"));
        }
      g_assert_null (strstr (text, "Smilede"));
      g_assert_null (strstr (text, "HEMMELIG"));
    }

  sk_i18n_set_language ("en");
  journal = sk_journal_build (store, conversation, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (journal, "== Picture cards =="));
  g_assert_nonnull (strstr (journal, "1. food: Good"));
  g_assert_nonnull (strstr (journal, "2. the bus: Not good"));
  g_assert_nonnull (strstr (journal, "3. noise: Not sure"));
  g_assert_nonnull (strstr (journal, "4. dad: Not good"));
  g_assert_nonnull (strstr (journal, "Smilede og pegede på tallerkenen"));
  g_assert_nonnull (strstr (journal, "HEMMELIG-NOTE om far"));
  g_assert_nonnull (strstr (journal, "Not placed: sleeping"));
}

/* Every card, column and plan step has its picture, and it is drawn. */
static void
test_every_picture_is_there (void)
{
  guint n;
  const SkMatSymbol *symbols = sk_mat_symbols (&n);
  const char * const others[] = { "mat-good", "mat-unsure", "mat-bad", "plan-hello", "plan-goodbye",
                                  "plan-pause", "plan-stop" };

  g_assert_cmpuint (n, >=, 40);
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = sk_art_surface (symbols[i].art, 96);
      const guint8 *data;
      guint inked = 0;

      g_assert_nonnull (sk_mat_symbol (symbols[i].key));
      if (surface == NULL)
        g_error ("no picture for the card “%s” (%s)", symbols[i].key, symbols[i].art);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      for (int p = 0; p < cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface); p += 4)
        inked += data[p + 3] > 128;
      /* Something of a picture, not a speck. */
      g_assert_cmpuint (inked, >, 96 * 96 / 5);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_nonnull (sk_art_surface (others[i], 96));
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    g_assert_nonnull (sk_art_surface (sk_mat_column_art (column), 64));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sk_i18n_init ();

  g_test_add_func ("/mat/older-file-gets-ways-and-mat", test_older_file_gets_ways_and_mat);
  g_test_add_func ("/mat/way-suggested-from-birth-year", test_way_suggested_from_birth_year);
  g_test_add_func ("/mat/order-of-placing-is-kept", test_order_of_placing_is_kept);
  g_test_add_func ("/mat/paper-shows-only-shared-cards", test_paper_shows_only_shared_cards);
  g_test_add_func ("/mat/every-picture-is-there", test_every_picture_is_there);

  return g_test_run ();
}
