/* test-access.c — everything about one child, for an access request: the
 * PDF read back, in Danish and in English, with and without the
 * caseworker's own notes */
#include "sk-access.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-demo.h"
#include "sk-i18n.h"
#include "sk-summary-draw.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static char *
write_and_read (SkSummary  *paper,
                const char *name,
                int        *pages)
{
  g_autofree char *pdf = sk_test_path (name);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (sk_summary_write_pdf (paper, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  sk_test_keep (pdf, name);
  *pages = sk_test_pdf_pages (pdf);
  return sk_test_pdf_text (pdf);
}

static void
test_everything (void)
{
  g_autofree char *path = sk_test_path ("access.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) children = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(SkChild) other = sk_child_new ("Someone Else Entirely");
  g_autoptr(SkConversation) unshared = NULL;
  g_autoptr(SkConversation) elsewhere = NULL;
  g_autoptr(SkSummary) danish = NULL;
  g_autoptr(SkSummary) english = NULL;
  g_autoptr(SkSummary) with_notes = NULL;
  g_autofree char *text = NULL;
  int pages = 0;

  sk_i18n_init ();
  g_assert_true (sk_demo_fill (store, &error));
  g_assert_no_error (error);
  children = sk_store_list (store, SK_TYPE_CHILD, NULL, 0, &error);
  child = g_list_model_get_item (G_LIST_MODEL (children), 0);
  g_object_set (child, "case-ref", "27.12.04-G01-0042-26", NULL);

  /* A third conversation: words the child kept from the parents, and a
   * note the caseworker keeps for themself. */
  unshared = sk_test_add_conversation (store, child, 1767000000);
  g_object_set (unshared, "child-words", "Jeg vil ikke have at mor ved det med cyklen.",
                "private-notes", "Pindsvinekrogen: min egen arbejdsnote.", NULL);
  /* Another child's, which is not in it. */
  g_assert_true (sk_store_insert (store, other, &error));
  elsewhere = sk_test_add_conversation (store, other, 1767100000);
  g_object_set (elsewhere, "child-words", "Brombærkrattet er mit.", NULL);
  g_assert_true (sk_store_flush (store, &error));

  danish = sk_access_build (store, child, "da", FALSE, &error);
  g_assert_no_error (error);
  text = write_and_read (danish, "access-da.pdf", &pages);
  g_test_message ("%d pages: %s", pages, text);
  g_assert_nonnull (strstr (text, "Alt om Alma"));
  g_assert_nonnull (strstr (text, "27.12.04-G01-0042-26"));
  g_assert_nonnull (strstr (text, "I hver af dem står, hvad barnet sagde og valgte"));
  /* Every conversation, shared or not; the tools' parts too. */
  g_assert_nonnull (strstr (text, "Jeg vil ikke have at mor ved det med cyklen."));
  g_assert_nonnull (strstr (text, "ikke delt med forældrene"));
  g_assert_nonnull (strstr (text, "playing football at break time"));
  g_assert_nonnull (strstr (text, "Mit netværk"));
  /* Not the own notes, not the other child. */
  g_assert_null (strstr (text, "Pindsvinekrogen"));
  g_assert_null (strstr (text, "Brombærkrattet"));
  g_assert_null (strstr (text, "Someone Else"));
  g_assert_cmpint (pages, >=, 2);
  g_clear_pointer (&text, g_free);

  with_notes = sk_access_build (store, child, "da", TRUE, &error);
  g_assert_no_error (error);
  text = write_and_read (with_notes, "access-da-own-notes.pdf", &pages);
  g_assert_nonnull (strstr (text, "Pindsvinekrogen: min egen arbejdsnote."));
  g_assert_nonnull (strstr (text, "Rådgiverens egne noter er med"));
  g_clear_pointer (&text, g_free);

  english = sk_access_build (store, child, "en", FALSE, &error);
  g_assert_no_error (error);
  text = write_and_read (english, "access-en.pdf", &pages);
  g_assert_nonnull (strstr (text, "Everything about Alma"));
  g_assert_nonnull (strstr (text, "not shared with the parents"));
  g_assert_null (strstr (text, "Pindsvinekrogen"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/access/everything", test_everything);
  return g_test_run ();
}
