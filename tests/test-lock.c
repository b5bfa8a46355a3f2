/* test-lock.c — the passphrase page and the lock, as a caseworker meets
 * them: the first start, opening again, Ctrl+L with a note half typed,
 * and the lock that comes by itself */
#include "sk-application.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-note-field.h"
#include "sk-preferences.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

static SkApplication *app;

#define CHILD "Ellevine Krusmø"
#define PASSPHRASE "tre grønne frøer på en sten"

static void
collect_password_entries (GtkWidget *root,
                          GPtrArray *found)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_PASSWORD_ENTRY (root))
    {
      g_ptr_array_add (found, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_password_entries (child, found);
}

/* The @n-th password entry the person sees (from 0). */
static GtkWidget *
shown_password_entry (GtkWidget *root,
                      guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_password_entries (root, found);
  return n < found->len ? found->pdata[n] : NULL;
}

static void
type_in (GtkWidget  *entry,
         const char *text)
{
  g_assert_nonnull (entry);
  sk_test_real_click (entry);
  sk_test_press ("<Control>a");
  sk_test_type (text);
}

static gboolean
has_store (gpointer window)
{
  return sk_window_get_store (window) != NULL;
}

static gboolean
not_locked (gpointer window)
{
  return !sk_window_get_locked (window);
}

static SkWindow *
open_asking (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_assert_null (sk_window_get_store (window));
  g_assert_true (sk_window_get_locked (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  sk_test_focus_window (GTK_WINDOW (window));
  return window;
}

/* The first start: a passphrase chosen, the recovery key seen once. */
static void
test_first_start (void)
{
  g_autofree char *path = sk_test_path ("first-start.db");
  g_autofree char *key_path = g_strconcat (path, ".key", NULL);
  g_autofree char *before = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SkKey) unlocked = NULL;
  g_autoptr(SkKey) recovered = NULL;
  SkWindow *window;
  GStatBuf st;

  g_unsetenv ("SAMTALEKUFFERT_PASSPHRASE");
  /* A first start stopped half-way left a recovery file alone: it is a
   * first start still, and the key files are made anew. */
  {
    g_autofree char *recovery_path = g_strconcat (path, ".recovery", NULL);

    g_assert_true (g_file_set_contents (recovery_path, "half-way", -1, NULL));
  }
  /* Closed at once, with nothing chosen: nothing made, nothing broken. */
  window = open_asking (path);
  sk_test_wait_to_show (window, "Choose a Passphrase");
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (200);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_WINDOW));
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));

  window = open_asking (path);
  sk_test_wait_to_show (window, "Choose a Passphrase");
  sk_test_wait_to_show (window, "no one can open the notes again");
  sk_test_save_screenshot (GTK_WIDGET (window), "lock-choose-en-1280x800");

  /* Too short, then two that differ: each says why, nothing is made. */
  type_in (shown_password_entry (GTK_WIDGET (window), 0), "kort");
  type_in (shown_password_entry (GTK_WIDGET (window), 1), "kort");
  sk_test_press ("Return");
  sk_test_wait_to_show (window, "at least eight characters");
  type_in (shown_password_entry (GTK_WIDGET (window), 0), PASSPHRASE);
  type_in (shown_password_entry (GTK_WIDGET (window), 1), "tre grønne frøer på en sten.");
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Continue"));
  sk_test_wait_to_show (window, "are not the same");
  g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));

  type_in (shown_password_entry (GTK_WIDGET (window), 1), PASSPHRASE);
  sk_test_press ("Return");
  sk_test_wait_to_show (window, "Your Recovery Key");
  /* The key itself, in groups of four. */
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));
    g_autoptr(GRegex) groups = g_regex_new ("([A-Z2-7]{4}[-\\n]){7}[A-Z2-7]{4}", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;

    g_assert_true (g_regex_match (groups, text, 0, &match));
    recovery = g_match_info_fetch (match, 0);
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "lock-recovery-en-1280x800");
  /* Not open before the person has seen it. */
  g_assert_null (sk_window_get_store (window));
  sk_test_real_click (sk_test_find_shown (GTK_WIDGET (window), GTK_TYPE_BUTTON, "I Have Kept It Safe"));
  g_assert_true (sk_test_wait_for (has_store, window, 5000));
  g_assert_false (sk_window_get_locked (window));
  sk_test_iterate (200);
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (text, "Recovery"));
    g_assert_null (strstr (text, "Recovery Key"));
  }

  /* The key files, private; both ways give the key the file is in. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  unlocked = sk_keyring_unlock (path, PASSPHRASE, &error);
  g_assert_no_error (error);
  recovered = sk_keyring_recover (path, recovery, &error);
  g_assert_no_error (error);
  g_assert_true (sk_key_equal (unlocked, recovered));
  g_assert_true (sk_key_equal (unlocked, sk_store_get_key (sk_window_get_store (window))));

  /* A child, then closed. */
  {
    g_autoptr(SkChild) child = g_object_new (SK_TYPE_CHILD, "name", CHILD, NULL);

    g_assert_true (sk_store_insert (sk_window_get_store (window), child, &error));
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
  g_assert_true (sk_store_file_is_encrypted (path));

  /* Opened again: the passphrase, typed; a wrong one first. */
  window = open_asking (path);
  sk_test_wait_to_show (window, "Samtalekuffert Is Locked");
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (text, CHILD));
  }
  sk_test_save_screenshot (GTK_WIDGET (window), "lock-open-en-1280x800");
  before = sk_test_file_checksum (path);
  sk_test_type ("tre grønne frøer på en Sten");
  sk_test_press ("Return");
  sk_test_wait_to_show (window, "That is not the passphrase");
  {
    g_autofree char *after = sk_test_file_checksum (path);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_null (sk_window_get_store (window));
  type_in (shown_password_entry (GTK_WIDGET (window), 0), PASSPHRASE);
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (has_store, window, 5000));
  sk_test_wait_to_show (window, CHILD);
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
}

static char *
words_in_view (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Ctrl+L in the middle of a word: nothing is lost, nothing is shown. */
static void
test_lock_keeps_typing (void)
{
  g_autofree char *path = sk_test_path ("lock-typing.db");
  SkWindow *window = sk_test_open_child_conversation (app, path, CHILD);
  GtkWidget *view = sk_test_words_view (window);
  g_autofree char *stored = NULL;

  sk_test_click_in_view (view);
  sk_test_type ("Halvt skr");
  /* At once, before the typing's own delay is over. */
  sk_test_press ("<Control>l");
  sk_test_iterate (100);
  g_assert_true (sk_window_get_locked (window));
  stored = sk_test_sql (path, "SELECT child_words FROM conversations");
  g_assert_cmpstr (stored, ==, "Halvt skr");
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_test_message ("locked, the window shows:\n%s", text);
    g_assert_nonnull (strstr (text, "Locked"));
    g_assert_null (strstr (text, CHILD));
    g_assert_null (strstr (text, "Ellevine"));
    g_assert_null (strstr (text, "Halvt"));
  }
  g_assert_false (gtk_widget_is_drawable (view));
  /* Nothing else can be reached: no new conversation, no child's view. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-conversation"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "child-view"));
  sk_test_save_screenshot (GTK_WIDGET (window), "lock-locked-en-1280x800");

  /* Nor do the preferences open behind it (Ctrl+,). */
  sk_test_press ("<Control>comma");
  sk_test_iterate (300);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_PREFERENCES));

  /* F9 does not lift it. */
  sk_test_press ("F9");
  sk_test_iterate (100);
  g_assert_true (sk_window_get_locked (window));
  g_assert_false (gtk_widget_is_drawable (view));
  sk_test_press ("F9");
  sk_test_iterate (100);

  /* A wrong passphrase: still locked. */
  sk_test_type ("forkert");
  sk_test_press ("Return");
  sk_test_wait_to_show (window, "That is not the passphrase");
  g_assert_true (sk_window_get_locked (window));

  type_in (shown_password_entry (GTK_WIDGET (window), 0), SK_TEST_PASSPHRASE);
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (not_locked, window, 5000));
  sk_test_iterate (100);
  /* Back as it was, the keyboard in the words. */
  g_assert_true (gtk_widget_is_drawable (view));
  g_assert_true (gtk_widget_has_focus (view));
  {
    g_autofree char *shown = words_in_view (view);

    g_assert_cmpstr (shown, ==, "Halvt skr");
  }
  sk_test_type ("evet");
  sk_test_assert_sql (path, "SELECT child_words FROM conversations", "Halvt skrevet");
  sk_test_close_conversation (window);
}

/* Left alone, the window locks by itself, its dialogs with it. */
static void
test_lock_when_idle (void)
{
  GSettings *settings = sk_application_get_settings (app);
  g_autofree char *idle_path = sk_test_path ("lock-idle.db");
  SkWindow *window = sk_test_open_child_conversation (app, idle_path, CHILD);
  GtkWindow *dialog;

  /* Minutes in the preferences; a fraction of one here. */
  g_settings_set_double (settings, "lock-minutes", 0.05);
  sk_test_press ("<Control>p");
  sk_test_iterate (500);
  dialog = sk_test_find_toplevel (g_type_from_name ("SkSummaryDialog"));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (sk_window_get_locked (window));

  /* Three seconds and a little with no key, click or touch. */
  sk_test_iterate (4500);
  g_assert_true (sk_window_get_locked (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));

    g_assert_null (strstr (text, CHILD));
  }
  g_settings_set_double (settings, "lock-minutes", 0);

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_type (SK_TEST_PASSPHRASE);
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (not_locked, window, 5000));
  sk_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (dialog);
  g_settings_reset (settings, "lock-minutes");
  sk_test_close_conversation (window);
}

static gboolean
spinner_turning (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

static gboolean
passphrase_taken (gpointer window)
{
  return sk_window_get_store (window) != NULL || sk_test_find (window, spinner_turning, NULL) != NULL;
}

/* Enter on the passphrase takes it at once: the spinner turns and the key
 * is being derived, without the quarter of a second GTK shows a button
 * pressed from the keyboard first (which came before the wait for the
 * key, and made it half again as long). */
static void
test_enter_takes_passphrase_at_once (void)
{
  g_autofree char *path = sk_test_path ("lock-enter.db");
  g_autoptr(GError) error = NULL;
  SkWindow *window;
  gint64 pressed, taken;

  /* Made with the passphrase given, as at a first start. */
  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sk_window_get_store (window));
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);

  g_unsetenv ("SAMTALEKUFFERT_PASSPHRASE");
  window = open_asking (path);
  sk_test_wait_to_show (window, "Samtalekuffert Is Locked");
  sk_test_type (SK_TEST_PASSPHRASE);
  sk_test_iterate (100);
  g_assert_false (passphrase_taken (window));
  pressed = g_get_monotonic_time ();
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (passphrase_taken, window, 2000));
  taken = g_get_monotonic_time ();
  g_test_message ("Return to the passphrase taken: %.0f ms", (taken - pressed) / 1000.0);
  /* GTK's pressed button alone takes 250 ms: well under that, with room
   * for a busy machine. */
  g_assert_cmpint (taken - pressed, <, 240 * 1000);
  g_assert_true (sk_test_wait_for (has_store, window, 5000));
  g_assert_false (sk_window_get_locked (window));
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
}

/* --demo: encrypted as a caseworker's file is, with a key in memory only:
 * no passphrase asked, no key files, nothing of the child as text. */
static void
test_demo_encrypted (void)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window;
  SkStore *store;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_unsetenv ("SAMTALEKUFFERT_PASSPHRASE");
  window = sk_application_open (app, NULL, TRUE, &error);
  g_assert_no_error (error);
  store = sk_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_false (sk_window_get_locked (window));
  g_assert_true (sk_store_flush (store, &error));
  g_assert_true (sk_store_file_is_encrypted (sk_store_get_path (store)));
  g_assert_false (sk_keyring_exists (sk_store_get_path (store)));
  g_assert_true (g_file_get_contents (sk_store_get_path (store), &contents, &length, NULL));
  g_assert_null (memmem (contents, length, "Alma", 4));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_wait_to_show (window, "Alma");
  gtk_window_destroy (GTK_WINDOW (window));
  sk_test_iterate (200);
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);

  g_test_add_func ("/lock/first-start", test_first_start);
  g_test_add_func ("/lock/keeps-typing", test_lock_keeps_typing);
  g_test_add_func ("/lock/when-idle", test_lock_when_idle);
  g_test_add_func ("/lock/demo-encrypted", test_demo_encrypted);
  g_test_add_func ("/lock/enter-takes-passphrase-at-once", test_enter_takes_passphrase_at_once);
  return sk_test_app_run (&app);
}
