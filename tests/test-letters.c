/* test-letters.c — the invitation and the letter after, for the child,
 * read back from real PDFs in Danish and English: one page each, the
 * sections each must have, only what the child shared, no case words;
 * the rights from age 10; the Pictures way in few words; the parents'
 * summary with the letter when the child lets them read it. */
#include "sk-emotion.h"
#include "sk-letter.h"
#include "sk-plan.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-i18n.h"
#include "sk-test-util.h"

#include <string.h>

#define SECRET_WORDS "Jeg er bange for onkel Bo"
#define SHARED_WORDS "Fodbold i frikvarteret"

static const SkSummarySender sender = {
  "Mette Holm", "Aarhus Kommune", "87 13 00 00", "man.–tors. 9–12", "mette.holm@example.org",
};

static SkConversation *
prepare (SkStore    *store,
         int         age,
         const char *way,
         const char *language)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SkChild) child = sk_child_new ("Asta Nørgaard");
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GListStore) steps = NULL;
  g_autoptr(GError) error = NULL;
  SkConversation *conversation;

  g_object_set (child, "birth-year", g_date_time_get_year (now) - age, "way", way, "language", language, NULL);
  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, g_date_time_to_unix (now) + 3 * 86400);
  g_object_set (conversation,
                "place", "Samtalerummet på rådhuset",
                "agreements", "Du må ringe til mig, når du vil.",
                "next-steps", "Jeg taler med din lærer inden fredag.",
                "next-meeting-at", g_date_time_to_unix (now) + 30 * 86400,
                "next-meeting-place", "Samtalerummet",
                NULL);
  topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);

      g_object_set (rating, "face", i == 0 ? 4 : 1, "shared", i == 0,
                    "child-words", i == 0 ? SHARED_WORDS : SECRET_WORDS, NULL);
    }
  /* The plan of the conversation: its default steps. */
  steps = sk_plan_steps (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (steps)), >, 1);
  g_assert_true (sk_store_flush (store, &error));
  return conversation;
}

static char *
letter_pdf (SkStore        *store,
            SkConversation *conversation,
            SkLetterKind    kind,
            const char     *language,
            const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkSummary) letter = sk_letter_build (store, conversation, kind, language, &sender, &error);
  g_autofree char *pdf = sk_test_path (name);
  char *text;

  g_assert_no_error (error);
  g_assert_true (sk_summary_write_pdf (letter, pdf, &error));
  g_assert_no_error (error);
  sk_test_keep (pdf, name);
  g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
  text = sk_test_pdf_text (pdf);
  /* No case words, on any letter. */
  {
    g_auto(GStrv) found = sk_letter_case_words (text);

    if (found != NULL)
      g_error ("%s says %s", name, found[0]);
  }
  return text;
}

static void
assert_says (const char *text,
             const char *phrase)
{
  if (strstr (text, phrase) == NULL)
    g_error ("The letter does not say “%s”:\n%s", phrase, text);
}

static void
test_invitation (void)
{
  g_autofree char *path = sk_test_path ("invitation.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = prepare (store, 11, "words", "da");
  g_autofree char *da = letter_pdf (store, conversation, SK_LETTER_INVITATION, NULL, "letter-invitation-da.pdf");
  g_autofree char *en = letter_pdf (store, conversation, SK_LETTER_INVITATION, "en", "letter-invitation-en.pdf");

  /* The sender first, and what the letter is for. */
  assert_says (da, "Invitation til en snak");
  assert_says (da, "Hej Asta. Jeg hedder Mette Holm, og jeg er din rådgiver i Aarhus Kommune.");
  assert_says (da, "Hvornår og hvor");
  assert_says (da, "Samtalerummet på rådhuset");
  assert_says (da, "Det skal vi lave");
  assert_says (da, "Hej");
  assert_says (da, "Du må tage en voksen med, som du er tryg ved (en bisidder).");
  assert_says (da, "Du behøver ikke svare på alt.");
  assert_says (da, "87 13 00 00");
  assert_says (en, "Invitation to a talk");
  assert_says (en, "Hi Asta. I am Mette Holm, your caseworker in Aarhus Kommune.");
  assert_says (en, "When and where");
  assert_says (en, "What we will do");
  assert_says (en, "You can bring a grown-up you trust (a bisidder).");
  assert_says (en, "You do not have to answer everything.");
  /* Never the full name, never what was said. */
  g_assert_null (strstr (da, "Nørgaard"));
  g_assert_null (strstr (da, SECRET_WORDS));
}

static void
test_after (void)
{
  g_autofree char *path = sk_test_path ("after.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = prepare (store, 11, "words", "da");
  g_autofree char *da = letter_pdf (store, conversation, SK_LETTER_AFTER, NULL, "letter-after-da.pdf");
  g_autofree char *en = letter_pdf (store, conversation, SK_LETTER_AFTER, "en", "letter-after-en.pdf");

  assert_says (da, "Brev til dig");
  assert_says (da, "Det, du fortalte mig");
  assert_says (da, "Sådan har jeg det: Hjemme Godt");
  assert_says (da, "Det aftalte vi");
  assert_says (da, "Du må ringe til mig, når du vil.");
  assert_says (da, "Det vil jeg gøre");
  assert_says (da, "Jeg taler med din lærer inden fredag.");
  assert_says (da, "Når vi ses igen");
  assert_says (da, "Dine rettigheder");
  assert_says (da, "Du kan se, hvad der står om dig, og du kan klage.");
  assert_says (en, "Letter to you");
  assert_says (en, "What you told me");
  assert_says (en, "What we agreed");
  assert_says (en, "What I will do");
  assert_says (en, "Your rights");
  assert_says (en, "You can see what is written about you, and you can complain.");
  /* Only what the child shared. */
  g_assert_null (strstr (da, "Skole"));
  g_assert_null (strstr (en, "School"));
  g_assert_null (strstr (da, SECRET_WORDS));
  g_assert_null (strstr (en, SECRET_WORDS));
}

static void
test_younger_and_pictures (void)
{
  g_autofree char *path = sk_test_path ("young.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) young = prepare (store, 7, "words", "da");
  g_autoptr(SkConversation) pictures = prepare (store, 5, "pictures", "en");
  g_autofree char *after = letter_pdf (store, young, SK_LETTER_AFTER, NULL, "letter-after-young-da.pdf");
  g_autofree char *invitation = letter_pdf (store, pictures, SK_LETTER_INVITATION, NULL, "letter-invitation-pictures-en.pdf");

  /* Under 10: the bisidder, not yet the papers and complaints. */
  assert_says (after, "Du må tage en voksen med, som du er tryg ved (en bisidder), når vi ses.");
  g_assert_null (strstr (after, "klage"));
  /* The child's own language, English here; few words. */
  assert_says (invitation, "You can say no.");
  g_assert_null (strstr (invitation, "In this letter"));
  assert_says (invitation, "You can take a break.");
  g_assert_null (strstr (invitation, "You do not have to answer everything."));
}

/* How many pictures pdfimages finds in @pdf. */
static int
pdf_images (const char *pdf)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  /* Two lines of headings, then one an image. */
  return MAX (0, (int) g_strv_length (lines) - 2);
}

/* The caseworker's photo beside the name, from the file chosen in the
 * preferences; a file that is gone leaves the letter without it. */
static void
test_photo (void)
{
  g_autofree char *path = sk_test_path ("photo.db");
  g_autofree char *photo = sk_test_path ("caseworker.png");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = prepare (store, 11, "words", "da");
  SkSummarySender with_photo = sender;
  g_autoptr(GError) error = NULL;

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 400);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 0.9, 0.6, 0.3);
    cairo_paint (cr);
    cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
    cairo_arc (cr, 150, 160, 80, 0, 2 * G_PI);
    cairo_fill (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, photo), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  for (guint gone = 0; gone < 2; gone++)
    {
      g_autoptr(SkSummary) letter = NULL;
      g_autofree char *pdf = sk_test_path (gone ? "photo-gone.pdf" : "photo.pdf");
      g_autofree char *text = NULL;

      with_photo.photo = gone ? "/nonexistent/photo.png" : photo;
      letter = sk_letter_build (store, conversation, SK_LETTER_INVITATION, NULL, &with_photo, &error);
      g_assert_no_error (error);
      g_assert_true (sk_summary_write_pdf (letter, pdf, &error));
      g_assert_no_error (error);
      if (!gone)
        sk_test_keep (pdf, "letter-invitation-photo-da.pdf");
      text = sk_test_pdf_text (pdf);
      g_assert_cmpint (sk_test_pdf_pages (pdf), ==, 1);
      g_assert_cmpint (pdf_images (pdf), ==, (gone ? 0 : 1));
      if (!gone)
        assert_says (text, "Mette Holm, din rådgiver");
      else
        g_assert_null (strstr (text, "Mette Holm, din rådgiver"));
    }
}

static void
test_case_words (void)
{
  g_auto(GStrv) none = sk_letter_case_words ("Du må ringe til mig. Vi ses på fredag.");
  g_auto(GStrv) found = sk_letter_case_words ("Jf. § 47 får du en Foranstaltning; indsatsen evalueres.");

  g_assert_null (none);
  g_assert_nonnull (found);
  g_assert_true (g_strv_contains ((const char * const *) found, "foranstaltning"));
  g_assert_true (g_strv_contains ((const char * const *) found, "indsats"));
  g_assert_true (g_strv_contains ((const char * const *) found, "jf."));
  g_assert_true (g_strv_contains ((const char * const *) found, "§"));
}

static void
test_parents_read_it (void)
{
  g_autofree char *path = sk_test_path ("parents.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkConversation) conversation = prepare (store, 11, "words", "da");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  gboolean offered = FALSE;

  /* Not unless the child says so. */
  {
    g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, "da", &sender, &error);
    g_autofree char *pdf = sk_test_path ("parents-without.pdf");
    g_autofree char *text = NULL;

    g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
    text = sk_test_pdf_text (pdf);
    g_assert_null (strstr (text, "Brevet"));
  }
  choices = sk_summary_list_choices (store, conversation, &error);
  for (guint i = 0; i < choices->len; i++)
    if (g_strcmp0 (((SkShareItem *) choices->pdata[i])->property, "letter-shared") == 0)
      offered = TRUE;
  g_assert_true (offered);
  g_object_set (conversation, "letter-shared", TRUE, NULL);
  {
    g_autoptr(SkSummary) summary = sk_summary_build (store, conversation, "da", &sender, &error);
    g_autofree char *pdf = sk_test_path ("parents-with.pdf");
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_true (sk_summary_write_pdf (summary, pdf, &error));
    sk_test_keep (pdf, "letter-in-parents-summary-da.pdf");
    text = sk_test_pdf_text (pdf);
    assert_says (text, "Brevet Asta fik fra mig");
    assert_says (text, "Tak, fordi du ville snakke med mig.");
    g_assert_null (strstr (text, SECRET_WORDS));
  }
}

int
main (int argc, char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's MIME database,
   * which gdk-pixbuf needs to know the photo for a PNG. */
  g_test_init (&argc, &argv, NULL);
  sk_i18n_init ();

  g_test_add_func ("/letters/invitation", test_invitation);
  g_test_add_func ("/letters/after", test_after);
  g_test_add_func ("/letters/younger-and-pictures", test_younger_and_pictures);
  g_test_add_func ("/letters/photo", test_photo);
  g_test_add_func ("/letters/case-words", test_case_words);
  g_test_add_func ("/letters/parents-read-it", test_parents_read_it);
  return g_test_run ();
}
