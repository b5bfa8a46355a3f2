/* test-paper.c — the parents' paper as it comes out of the printer
 *
 * A normal conversation fits on one sheet (at most two pages) and calls
 * the child by the first name only; a very long one loses nothing and
 * runs past no margin (the words' boxes from `pdftotext -bbox`); the map
 * never lets a name cover a face, a name or the child (7, 25 and 60
 * people, rectangle by rectangle).  Pages of the normal conversation are
 * saved as PNG for a person to look at.
 */
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-emotion.h"
#include "sk-i18n.h"
#include "sk-network.h"
#include "sk-network-draw.h"
#include "sk-summary-draw.h"
#include "sk-summary.h"
#include "sk-test-util.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#define SECRET "KUN-TIL-RÅDGIVEREN"
#define UNSHARED_WORDS "ikke-til-forældrene"
#define OWN_WORDS "Mine egne ord om weekenden"

static const char * const people_names[] = {
  "Mor", "Far", "Mormor", "Storebror Emil", "Lærer Hanne", "Bedste ven Ali", "Pædagog Jonas", "Hunden Bamse",
};

/* A normal conversation: five topics with the child's words, eight
 * people, last time, agreements, the next meeting. */
static gint64
prepare_normal (SkStore  *store,
                gboolean  words_shared)
{
  g_autoptr(SkChild) child = sk_child_new ("Lukas Emil Prøvesen");
  g_autoptr(SkConversation) earlier = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const words[] = {
    "Det er rart at spise morgenmad sammen med mor. 😀",
    "I frikvarteret leger jeg med Ali, og det er sjovt.",
    UNSHARED_WORDS,
    "Til fodbold er træneren sød, men nogle gange råber han.",
    "Jeg savner far i weekenden, når jeg ikke er hos ham.",
  };
  static const char * const feelings[] = { "safe", "happy", "worried", "proud", "sad" };

  g_assert_true (sk_store_insert (store, child, &error));
  earlier = sk_test_add_conversation (store, child, 1760000000);
  g_object_set (earlier, "agreements", "Vi ses igen om seks uger.", "next-steps", "Rådgiveren taler med skolen.", NULL);
  conversation = sk_test_add_conversation (store, child, 1764800000);
  g_object_set (conversation,
                "place", "Samtalerummet",
                "child-words", OWN_WORDS " – det er mest hyggeligt, men søndag aften er jeg træt.",
                "child-words-shared", words_shared,
                "agreements", "Lukas må ringe til mig, når han vil.\nMor og Lukas laver en morgenplan sammen.",
                "next-steps", "Jeg taler med skolen om frikvarteret og ringer til jer i næste uge.",
                "private-notes", SECRET,
                "feedback", "Skolen har lavet en plan for frikvarteret.",
                "feedback-shared", TRUE,
                "network-shared", TRUE,
                "next-meeting-at", (gint64) 1767600000,
                "next-meeting-place", "Familiehuset, Torvegade 3",
                NULL);

  topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);

      g_object_set (rating, "face", 1 + (int) i % 5, "shared", i != 2, "child-words", words[i], NULL);
      sk_emotion_rating_toggle_feeling (rating, feelings[i]);
      if (i == 0)
        sk_emotion_rating_toggle_feeling (rating, "calm");
    }

  people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), &error);
  for (guint i = 0; i < G_N_ELEMENTS (people_names); i++)
    {
      g_autoptr(SkNetworkPerson) person =
        sk_network_person_new (sk_record_get_id (SK_RECORD (conversation)), people_names[i], "", "person-adult",
                               sk_network_cell_centre (i % 4, i % 3));

      g_object_set (person, "can-talk", i % 3 == 0, "worried", i == 4, NULL);
      g_assert_true (sk_network_add (store, people, person, &error));
    }
  g_assert_true (sk_store_flush (store, &error));
  return sk_record_get_id (SK_RECORD (conversation));
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static SkSummary *
build (SkStore    *store,
       gint64      id,
       const char *language)
{
  g_autoptr(SkConversation) conversation = sk_store_load (store, SK_TYPE_CONVERSATION, id, NULL);
  SkSummarySender sender = { "Lone Eksempel", "Eksempel Kommune", "87 65 43 21", "man.–tors. kl. 9–12",
                             "lone@eksempel.dk" };
  g_autoptr(GError) error = NULL;
  SkSummary *summary = sk_summary_build (store, conversation, language, &sender, &error);

  g_assert_no_error (error);
  return summary;
}

static void
save_pages_as_png (const char *pdf,
                   const char *name)
{
  const char *dir = g_getenv ("SK_TEST_OUTPUT") != NULL ? g_getenv ("SK_TEST_OUTPUT") : g_get_tmp_dir ();
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_mkdir_with_parents (dir, 0700);
  /* No pages left over from a longer run. */
  for (int page = 1; page < 10; page++)
    {
      g_autofree char *old = g_strdup_printf ("%s-%d.png", prefix, page);

      g_remove (old);
    }
  out = run (argv);
}

static void
test_normal_fits_one_sheet (void)
{
  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "da" : "en";
      g_autofree char *path = sk_test_path (l == 0 ? "normal-da.db" : "normal-en.db");
      g_autofree char *pdf = sk_test_path (l == 0 ? "normal-da.pdf" : "normal-en.pdf");
      g_autoptr(SkStore) store = sk_test_open_store (path);
      gint64 id = prepare_normal (store, TRUE);
      g_autoptr(SkSummary) summary = build (store, id, language);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      int pages;

      g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
      g_assert_no_error (error);
      pages = sk_test_pdf_pages (pdf);
      text = sk_test_pdf_text (pdf);
      g_test_message ("%s: %d pages: %s", language, pages, text);
      save_pages_as_png (pdf, l == 0 ? "paper-normal-da" : "paper-normal-en");
      /* One sheet. */
      g_assert_cmpint (pages, <=, 2);
      /* The first name only. */
      g_assert_null (strstr (text, "Prøvesen"));
      g_assert_null (strstr (text, "Lukas Emil"));
      g_assert_nonnull (strstr (text, "Lukas"));
      /* Never the caseworker's notes, never what the child kept back. */
      g_assert_null (strstr (text, SECRET));
      g_assert_null (strstr (text, UNSHARED_WORDS));
      g_assert_nonnull (strstr (text, OWN_WORDS));
      /* Every person on the map by name. */
      for (guint i = 0; i < G_N_ELEMENTS (people_names); i++)
        g_assert_nonnull (strstr (text, people_names[i]));
      if (l == 0)
        {
          g_assert_nonnull (strstr (text, "Lukas’ netværk"));
          g_assert_nonnull (strstr (text, "Sådan går vi videre"));
          g_assert_nonnull (strstr (text, "Det er der sket med det, Lukas sagde sidste gang"));
          g_assert_nonnull (strstr (text, "Jeres rådgiver: Lone Eksempel"));
          g_assert_nonnull (strstr (text, "Telefon: 87 65 43 21 (man.–tors. kl. 9–12)"));
          g_assert_nonnull (strstr (text, "E-mail: lone@eksempel.dk"));
          g_assert_nonnull (strstr (text, "Rigtig skidt – tryg og rolig"));
          g_assert_nonnull (strstr (text, "Lukas står i midten."));
          g_assert_nonnull (strstr (text, "En taleboble betyder, at Lukas kan tale med personen."));
          g_assert_nonnull (strstr (text, "Her er en opsummering af min samtale med Lukas"));
          g_assert_nonnull (strstr (text, "Vores næste møde"));
          g_assert_nonnull (strstr (text, "Familiehuset, Torvegade 3"));
          g_assert_nonnull (strstr (text, "Hvis I er uenige"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Lukas’s network"));
          g_assert_nonnull (strstr (text, "Phone: 87 65 43 21"));
          g_assert_nonnull (strstr (text, "Our next meeting"));
        }
    }
}

/* The child says no to the own words: they are not on the paper. */
static void
test_own_words_are_the_childs (void)
{
  g_autofree char *path = sk_test_path ("own-words.db");
  g_autofree char *pdf = sk_test_path ("own-words.pdf");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  gint64 id = prepare_normal (store, FALSE);
  g_autoptr(SkSummary) summary = build (store, id, "da");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
  text = sk_test_pdf_text (pdf);
  g_assert_null (strstr (text, OWN_WORDS));
  g_assert_null (strstr (text, "Det fortalte Lukas mig"));
  g_assert_nonnull (strstr (text, "Sådan har Lukas det"));
}

typedef struct
{
  double x_min, y_min, x_max, y_max;
  char  *word;
  int    page;
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->word);
  g_free (word);
}

/* The words of @pdf with their boxes, from `pdftotext -bbox`. */
static GPtrArray *
pdf_words (const char *pdf,
           double     *page_height)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *out = run (argv);
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  int page = 0;

  for (const char *p = out; (p = strstr (p, "<")) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        {
          page++;
          *page_height = g_ascii_strtod (strstr (p, "height=\"") + 8, NULL);
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          Word *word = g_new0 (Word, 1);
          const char *end;

          word->x_min = g_ascii_strtod (strstr (p, "xMin=\"") + 6, NULL);
          word->y_min = g_ascii_strtod (strstr (p, "yMin=\"") + 6, NULL);
          word->x_max = g_ascii_strtod (strstr (p, "xMax=\"") + 6, NULL);
          word->y_max = g_ascii_strtod (strstr (p, "yMax=\"") + 6, NULL);
          p = strchr (p, '>') + 1;
          end = strchr (p, '<');
          word->word = g_strndup (p, end - p);
          word->page = page;
          g_ptr_array_add (words, word);
        }
    }
  return words;
}

/* Three pages of the child's words on one topic and fourteen topics: all
 * of it on paper, none of it past the bottom margin. */
static void
test_long_flows_over_pages (void)
{
  g_autofree char *path = sk_test_path ("long.db");
  g_autofree char *pdf = sk_test_path ("long.pdf");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Freja Marie Prøvesen");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GString) long_words = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SkSummary) summary = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *text = NULL;
  double page_height = 0;
  int pages;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1764800000);
  g_object_set (conversation, "agreements", "SIDSTE-AFTALE", NULL);
  topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  while (g_list_model_get_n_items (G_LIST_MODEL (topics)) < 14)
    {
      g_autofree char *title = g_strdup_printf ("Emne %u", g_list_model_get_n_items (G_LIST_MODEL (topics)) + 1);
      /* Held by the list. */
      SkEmotionRating *added = sk_emotions_add (store, topics, sk_record_get_id (SK_RECORD (conversation)), title, &error);

      g_assert_no_error (error);
      g_assert_nonnull (added);
    }
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (long_words, "ord%u og så videre, ", i + 1);
  g_string_append (long_words, "SLUTORD");
  for (guint i = 0; i < 14; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      g_autofree char *item_words = g_strdup_printf ("EMNEORD%u", i + 1);

      g_object_set (rating, "face", 3, "shared", TRUE, "child-words", i == 1 ? long_words->str : item_words, NULL);
    }
  g_assert_true (sk_store_flush (store, &error));
  summary = build (store, sk_record_get_id (SK_RECORD (conversation)), "da");
  g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
  g_assert_no_error (error);

  pages = sk_test_pdf_pages (pdf);
  text = sk_test_pdf_text (pdf);
  g_test_message ("%d pages", pages);
  g_assert_cmpint (pages, >=, 3);
  g_assert_nonnull (strstr (text, "SLUTORD"));
  g_assert_nonnull (strstr (text, "ord250 "));
  g_assert_nonnull (strstr (text, "SIDSTE-AFTALE"));
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *item_words = g_strdup_printf ("EMNEORD%u", i + 1);

      if (i != 1)
        g_assert_nonnull (strstr (text, item_words));
    }

  /* Nothing past the bottom margin (60 pt) but the page number, nothing
   * off the sides. */
  words = pdf_words (pdf, &page_height);
  g_assert_cmpfloat (page_height, >, 800);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = words->pdata[i];
      gboolean number = word->y_min > page_height - 60 + 12;

      if (number)
        continue;
      if (word->y_max > page_height - 60 + 1)
        g_error ("“%s” on page %d reaches %.1f pt, past the margin at %.1f", word->word, word->page,
                 word->y_max, page_height - 60);
      g_assert_cmpfloat (word->x_min, >=, 60);
      g_assert_cmpfloat (word->x_max, <=, 595.28 - 60);
    }
  save_pages_as_png (pdf, "paper-long");
}

static GArray *
crowd (guint n)
{
  GArray *shown = g_array_new (FALSE, TRUE, sizeof (SkNetworkShown));
  static const char * const first[] = { "Mor", "Far", "Mormor", "Morfar", "Farmor", "Farfar", "Onkel Bo",
                                        "Moster Rikke-Louise", "Ali", "Sofie", "Lærer Hanne", "Jonas" };

  /* Crowded where children crowd: half of them family, in every ring. */
  for (guint i = 0; i < n; i++)
    {
      SkNetworkShown one = { 0 };

      one.name = g_strdup_printf ("%s %u", first[i % G_N_ELEMENTS (first)], i + 1);
      one.relation = g_strdup (i % 3 == 0 ? "bedsteforælder" : "");
      one.avatar = g_strdup ("person-adult");
      one.can_talk = i % 2 == 0;
      one.worried = i % 5 == 0;
      one.place = sk_network_cell_centre (i % 2 == 0 ? 0 : (int) (i / 2) % 4, (int) i % 3);
      one.place.angle += (i % 3) * 0.01;
      g_array_append_val (shown, one);
    }
  return shown;
}

static void
assert_apart (const SkNetworkRect *a,
              const SkNetworkRect *b,
              const char          *what,
              guint                i,
              guint                j)
{
  if (a->width > 0 && b->width > 0 &&
      a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height)
    g_error ("%s %u and %u meet: (%.1f %.1f %.1f %.1f) (%.1f %.1f %.1f %.1f)", what, i, j,
             a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
}

static void
test_map_names_never_cover (void)
{
  const guint counts[] = { 7, 25, 60 };

  /* The map's own names apart at every size it is drawn at on paper. */
  for (double width = 220; width <= 470; width += 10)
    {
      g_autoptr(SkNetworkPaper) empty = sk_network_paper_new (NULL, 64, 100, width, width);

      for (guint o = 0; o < empty->obstacles->len; o++)
        for (guint q = MAX (o + 1, 2); q < empty->obstacles->len; q++)
          assert_apart (&g_array_index (empty->obstacles, SkNetworkRect, o),
                        &g_array_index (empty->obstacles, SkNetworkRect, q), "the map's own names", o, q);
    }

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(GArray) shown = crowd (counts[c]);
      gint64 start = g_get_monotonic_time ();
      /* As wide as on the page. */
      g_autoptr(SkNetworkPaper) paper = sk_network_paper_new (shown, 64, 100, floor ((595.28 - 128) * 0.6), 595.28 - 128);
      double R = paper->frame.radius;

      g_test_message ("%u people: picture %.1f pt, names %.1f pt%s; laid out in %.1f ms", counts[c], paper->picture,
                      paper->font, paper->keyed ? ", names in the key" : "",
                      (g_get_monotonic_time () - start) / 1000.0);
      g_assert_false (paper->crowded);
      /* The map's own names (the child, the rings, the sectors) apart too;
       * the child's name lies on the child's disc (0 and 1). */
      for (guint o = 0; o < paper->obstacles->len; o++)
        for (guint q = MAX (o + 1, 2); q < paper->obstacles->len; q++)
          assert_apart (&g_array_index (paper->obstacles, SkNetworkRect, o),
                        &g_array_index (paper->obstacles, SkNetworkRect, q), "the map's own names", o, q);
      if (counts[c] <= 7)
        g_assert_false (paper->keyed);
      for (guint i = 0; i < paper->people->len; i++)
        {
          const SkNetworkPlaced *a = &g_array_index (paper->people, SkNetworkPlaced, i);
          const SkNetworkRect *boxes[] = { &a->picture, &a->label };

          /* Inside the circle, every corner. */
          for (guint k = 0; k < 2; k++)
            if (boxes[k]->width > 0)
              for (int corner = 0; corner < 4; corner++)
                {
                  double x = boxes[k]->x + (corner & 1 ? boxes[k]->width : 0) - paper->frame.cx;
                  double y = boxes[k]->y + (corner & 2 ? boxes[k]->height : 0) - paper->frame.cy;

                  g_assert_cmpfloat (hypot (x, y), <=, R + 0.5);
                }
          /* Readable on paper. */
          g_assert_cmpfloat (paper->font, >=, 7);
          if (!paper->keyed)
            g_assert_cmpfloat (a->label.width, >, 0);
          for (guint o = 0; o < paper->obstacles->len; o++)
            {
              const SkNetworkRect *obstacle = &g_array_index (paper->obstacles, SkNetworkRect, o);

              assert_apart (&a->picture, obstacle, "a picture and the map's own name", i, o);
              assert_apart (&a->label, obstacle, "a name and the map's own name", i, o);
            }
          for (guint j = i + 1; j < paper->people->len; j++)
            {
              const SkNetworkPlaced *b = &g_array_index (paper->people, SkNetworkPlaced, j);

              assert_apart (&a->picture, &b->picture, "pictures", i, j);
              assert_apart (&a->label, &b->label, "names", i, j);
              assert_apart (&a->picture, &b->label, "a picture and a name", i, j);
              assert_apart (&a->label, &b->picture, "a name and a picture", i, j);
            }
        }
      for (guint i = 0; i < shown->len; i++)
        {
          SkNetworkShown *one = &g_array_index (shown, SkNetworkShown, i);

          g_free (one->name);
          g_free (one->relation);
          g_free (one->avatar);
        }
    }
}

/* The recovery key on paper, in both languages, however the screen
 * showed it: one page, two lines of four groups in a face whose letters
 * are all one width, large enough to copy by hand without a mistake. */
static void
test_recovery_key_copies_by_hand (void)
{
  static const char * const shown[] = {
    "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
    "ABCD-EFGH-IJKL-MNOP\nQRST-UVWX-YZ23-4567",
  };

  for (guint l = 0; l < 2; l++)
    for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
      {
        g_autofree char *pdf = sk_test_path ("recovery-key.pdf");
        g_autoptr(SkSummary) paper = sk_summary_new_recovery_key (l == 0 ? "da" : "en", shown[k]);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) words = NULL;
        g_autofree char *text = NULL;
        g_autofree char *fonts = NULL;
        const char *fonts_argv[] = { "pdffonts", pdf, NULL };
        const Word *lines[2] = { NULL, NULL };
        double page_height = 0, body_height = 0;

        g_assert_true (sk_summary_write_pdf (paper, pdf, &error));
        g_assert_no_error (error);
        g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
        text = sk_test_pdf_text (pdf);
        g_assert_nonnull (strstr (text, l == 0 ? "Gendannelsesnøgle til Samtalekuffert" : "Recovery key for Samtalekuffert"));
        fonts = run (fonts_argv);
        g_assert_nonnull (strstr (fonts, "DejaVuSansMono"));

        words = pdf_words (pdf, &page_height);
        for (guint i = 0; i < words->len; i++)
          {
            const Word *word = words->pdata[i];

            if (g_str_equal (word->word, "ABCD-EFGH-IJKL-MNOP"))
              lines[0] = word;
            else if (g_str_equal (word->word, "QRST-UVWX-YZ23-4567"))
              lines[1] = word;
            else if (g_str_equal (word->word, l == 0 ? "glemt," : "forgotten,"))
              body_height = word->y_max - word->y_min;
          }
        g_assert_nonnull (lines[0]);
        g_assert_nonnull (lines[1]);
        g_assert_cmpfloat (body_height, >, 0);
        /* The second line under the first, both twice the body text. */
        g_assert_cmpfloat (lines[1]->y_min, >=, lines[0]->y_max);
        for (guint i = 0; i < 2; i++)
          g_assert_cmpfloat (lines[i]->y_max - lines[i]->y_min, >=, 1.8 * body_height);
        /* One width a letter: both lines as wide as each other. */
        g_assert_cmpfloat (fabs ((lines[0]->x_max - lines[0]->x_min) - (lines[1]->x_max - lines[1]->x_min)), <, 0.5);
        if (k == 0)
          save_pages_as_png (pdf, l == 0 ? "paper-recovery-key-da" : "paper-recovery-key-en");
        g_unlink (pdf);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sk_i18n_init ();
  g_test_add_func ("/paper/normal-fits-one-sheet", test_normal_fits_one_sheet);
  g_test_add_func ("/paper/own-words-are-the-childs", test_own_words_are_the_childs);
  g_test_add_func ("/paper/long-flows-over-pages", test_long_flows_over_pages);
  g_test_add_func ("/paper/map-names-never-cover", test_map_names_never_cover);
  g_test_add_func ("/paper/recovery-key-copies-by-hand", test_recovery_key_copies_by_hand);
  return g_test_run ();
}
