/* test-print.c — printing the parents' summary through a real CUPS
 *
 * A cupsd of the test's own, in a temporary folder (no system
 * configuration touched), with a cups-pdf queue "PDF" as the default
 * printer.  The summary is printed the way a person prints it: Print…
 * in the summary dialog, the printer dialog, Print.  The job must arrive
 * as a PDF with the summary's pages, the window must keep answering the
 * whole time, and a printer that rejects jobs or is stopped must be told
 * in words with nothing sent.
 */
#include "sk-application.h"
#include "sk-demo.h"
#include "sk-mat.h"
#include "sk-print-dialog.h"
#include "sk-summary-dialog.h"
#include "sk-letter-dialog.h"
#include "sk-test-gui.h"
#include "sk-test-util.h"

#include <cups/cups.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

static SkApplication *app;

typedef struct
{
  char *dir;
  char *socket;
  GPid  pid;
} Cups;

static Cups cups;

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
}

static gboolean
cups_answers (gpointer data)
{
  http_t *http = httpConnect2 (cups.socket, 0, NULL, AF_LOCAL, HTTP_ENCRYPTION_NEVER, 1, 200, NULL);

  if (http == NULL)
    return FALSE;
  httpClose (http);
  return TRUE;
}

/* A test that fails half-way leaves no cupsd behind. */
static void
die_with_test (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Each cupsd of a test numbers its jobs from 1: what an earlier one left
 * in ~/PDF (a test that stopped half-way) would pass for ours. */
static void
remove_old_outputs (void)
{
  struct passwd *user = getpwuid (getuid ());
  g_autofree char *folder = g_build_filename (user->pw_dir, "PDF", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "job_") != NULL && g_str_has_suffix (name, ".pdf"))
      {
        g_autofree char *old = g_build_filename (folder, name, NULL);

        g_remove (old);
      }
}

/* Returns FALSE (the test skipped) where cupsd or cups-pdf cannot run. */
static gboolean
start_cups (void)
{
  const char *sub[] = { "spool", "cache", "state", "tmp", "log", "ppd", NULL };
  g_autofree char *conf = NULL, *files = NULL;
  g_autoptr(GError) error = NULL;

  remove_old_outputs ();

  if (g_find_program_in_path ("cupsd") == NULL && !g_file_test ("/usr/sbin/cupsd", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("cupsd is not installed (apt-get install cups)");
      return FALSE;
    }
  if (!g_file_test ("/usr/lib/cups/backend/cups-pdf", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("cups-pdf is not installed (apt-get install printer-driver-cups-pdf)");
      return FALSE;
    }
  if (getuid () != 0)
    {
      /* cups-pdf runs only as root, and cupsd runs it as root only when
       * it is root itself. */
      g_test_skip ("the cups-pdf queue needs root (CI runs as root)");
      return FALSE;
    }

  {
    /* What an earlier, interrupted run left in ~/PDF under our title
     * would be taken for this run's job. */
    struct passwd *user = getpwuid (getuid ());
    g_autofree char *folder = g_build_filename (user->pw_dir, "PDF", NULL);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "Summary_for_the_parents") && g_str_has_suffix (name, ".pdf"))
        {
          g_autofree char *stale = g_build_filename (folder, name, NULL);

          g_remove (stale);
        }
  }
  cups.dir = g_dir_make_tmp ("sk-cups-XXXXXX", &error);
  g_assert_no_error (error);
  /* cupsd's filters run as the user lp: they must reach their files. */
  g_chmod (cups.dir, 0755);
  for (guint i = 0; sub[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (cups.dir, sub[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      if (g_str_equal (sub[i], "tmp") || g_str_equal (sub[i], "spool"))
        g_chmod (path, 01777);
    }
  cups.socket = g_build_filename (cups.dir, "cups.sock", NULL);
  conf = g_strdup_printf ("Listen %s\n"
                          "LogLevel debug\n"
                          "WebInterface No\n"
                          "Browsing Off\n"
                          "DefaultAuthType None\n"
                          "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                          "<Policy default>\n  <Limit All>\n    Order deny,allow\n    Allow all\n  </Limit>\n</Policy>\n",
                          cups.socket);
  files = g_strdup_printf ("ServerRoot %1$s\n"
                           "RequestRoot %1$s/spool\n"
                           "CacheDir %1$s/cache\n"
                           "StateDir %1$s/state\n"
                           "TempDir %1$s/tmp\n"
                           "ErrorLog %1$s/log/error_log\n"
                           "AccessLog %1$s/log/access_log\n"
                           "PageLog %1$s/log/page_log\n"
                           "ServerBin /usr/lib/cups\n"
                           "DataDir /usr/share/cups\n"
                           "Sandboxing Relaxed\n"
                           "SystemGroup root\n",
                           cups.dir);
  write_file (cups.dir, "cupsd.conf", conf);
  write_file (cups.dir, "cups-files.conf", files);
  {
    g_autofree char *conf_path = g_build_filename (cups.dir, "cupsd.conf", NULL);
    g_autofree char *files_path = g_build_filename (cups.dir, "cups-files.conf", NULL);
    const char *argv[] = { "/usr/sbin/cupsd", "-f", "-c", conf_path, "-s", files_path, NULL };

    g_spawn_async (NULL, (char **) argv, NULL,
                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                   die_with_test, NULL, &cups.pid, &error);
    g_assert_no_error (error);
  }
  /* Every CUPS call of the program and of lpadmin goes to this cupsd. */
  g_setenv ("CUPS_SERVER", cups.socket, TRUE);
  g_assert_true (sk_test_wait_for (cups_answers, NULL, 10000));
  {
    const char *argv[] = { "lpadmin", "-p", "PDF", "-E", "-v", "cups-pdf:/",
                           "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
                           "-D", "Skrivebordets PDF-printer", "-L", "Samtalerummet", NULL };
    const char *other[] = { "lpadmin", "-p", "Kopirum", "-E", "-v", "cups-pdf:/",
                            "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", NULL };
    const char *def[] = { "lpadmin", "-d", "PDF", NULL };

    run_tool (argv);
    run_tool (other);
    run_tool (def);
  }
  return TRUE;
}

static void
stop_cups (void)
{
  if (cups.pid != 0)
    {
      kill (cups.pid, SIGTERM);
      waitpid (cups.pid, NULL, 0);
      g_spawn_close_pid (cups.pid);
      cups.pid = 0;
    }
  if (cups.dir != NULL)
    {
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cups.dir);

      g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
    }
  g_clear_pointer (&cups.dir, g_free);
  g_clear_pointer (&cups.socket, g_free);
}

/* Where cups-pdf puts a job of ours: ~/PDF of the user who sent it. */
static char *
find_output (int job)
{
  struct passwd *user = getpwuid (getuid ());
  g_autofree char *folder = g_build_filename (user->pw_dir, "PDF", NULL);
  g_autofree char *suffix = g_strdup_printf ("job_%d.pdf", job);
  g_autofree char *infix = g_strdup_printf ("job_%d-", job);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix) || (strstr (name, infix) != NULL && g_str_has_suffix (name, ".pdf")))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

typedef struct
{
  int    job;
  char  *path;
  goffset size;   /* at the last look: complete when it stays */
  gint64  looked; /* when, monotonic */
} Output;

static gboolean
output_arrived (gpointer data)
{
  Output *output = data;

  GStatBuf st;

  /* Every quarter second: a writer may pause shorter than that. */
  if (g_get_monotonic_time () - output->looked < 250 * 1000)
    return FALSE;
  output->looked = g_get_monotonic_time ();
  g_free (output->path);
  output->path = find_output (output->job);
  if (output->path == NULL || g_stat (output->path, &st) != 0)
    return FALSE;
  /* Complete: the same size twice in a row, and whole for pdfinfo. */
  if (st.st_size == 0 || st.st_size != output->size)
    {
      output->size = st.st_size;
      return FALSE;
    }
  {
    /* Complete: cups-pdf writes it, then lets go of it. */
    g_autofree char *out = NULL;
    const char *argv[] = { "pdfinfo", output->path, NULL };
    int status;

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, &out, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      return FALSE;
  }
  return TRUE;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* What CUPS knows of the job: its copies. */
static int
job_copies (int job)
{
  http_t *http = httpConnect2 (cups.socket, 0, NULL, AF_LOCAL, HTTP_ENCRYPTION_NEVER, 1, 2000, NULL);
  ipp_t *request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  g_autofree char *uri = g_strdup_printf ("ipp://localhost/jobs/%d", job);
  ipp_t *response;
  ipp_attribute_t *attr;
  int copies = -1;

  g_assert_nonnull (http);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
  response = cupsDoRequest (http, request, "/");
  g_assert_nonnull (response);
  attr = ippFindAttribute (response, "copies", IPP_TAG_INTEGER);
  if (attr != NULL)
    copies = ippGetInteger (attr, 0);
  ippDelete (response);
  httpClose (http);
  return copies;
}

/* The main loop's heartbeat: the longest pause between two beats is how
 * long the window did not answer. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Beat;

static gboolean
beat_cb (gpointer data)
{
  Beat *beat = data;
  gint64 now = g_get_monotonic_time ();

  if (beat->last != 0)
    beat->longest = MAX (beat->longest, now - beat->last);
  beat->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
print_dialog_ready (gpointer data)
{
  GtkWindow *dialog = sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG);
  GtkWidget *button = dialog != NULL ? sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, data) : NULL;

  return button != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button);
}

static gboolean
print_dialog_gone (gpointer data)
{
  return sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG) == NULL;
}

static gboolean
text_shows (gpointer data)
{
  GtkWindow *dialog = sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG);
  g_autofree char *text = dialog != NULL ? sk_test_visible_text (GTK_WIDGET (dialog)) : NULL;

  return text != NULL && strstr (text, data) != NULL;
}

static gboolean
summary_says (gpointer data)
{
  GtkWindow *dialog = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  g_autofree char *text = dialog != NULL ? sk_test_visible_text (GTK_WIDGET (dialog)) : NULL;

  return text != NULL && strstr (text, data) != NULL;
}

static SkWindow *
open_summary (const char *path)
{
  SkWindow *window = sk_test_open_today (app, path);

  g_action_group_activate_action (G_ACTION_GROUP (window), "summary", NULL);
  sk_test_iterate (400);
  g_assert_nonnull (sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG));
  return window;
}

/* Print… and the printer dialog, as a person uses them. */
static GtkWindow *
open_print_dialog_in (GtkWindow  *summary,
                      const char *print_label,
                      const char *dialog_print_label)
{
  GtkWidget *print = sk_test_find_labelled (GTK_WIDGET (summary), GTK_TYPE_BUTTON, print_label);

  g_assert_nonnull (print);
  sk_test_real_click (print);
  g_assert_true (sk_test_wait_for (print_dialog_ready, (gpointer) dialog_print_label, 10000));
  /* On top and with the keyboard, as a person sees it before clicking. */
  sk_test_focus_window (sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG));
  sk_test_iterate (200);
  return sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG);
}

static GtkWindow *
open_print_dialog (GtkWindow *summary)
{
  return open_print_dialog_in (summary, "Print…", "Print");
}

static void
test_print_reaches_cups (void)
{
  g_autofree char *path = sk_test_path ("print.db");
  GSettings *settings = sk_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  Output output = { 0 };
  Beat beat = { 0 };
  SkWindow *window;
  GtkWindow *summary, *dialog;
  GtkWidget *row, *plus;
  g_autofree char *text = NULL;
  guint beat_id;
  int pages;

  if (!start_cups ())
    return;
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);
    g_autofree char *newest = NULL;
    g_autoptr(GListStore) cards = NULL;
    gint64 id;

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
    /* Picture cards the child shared: the mat goes onto the paper too. */
    g_assert_true (sk_store_flush (store, &error));
    newest = sk_test_sql (path, "SELECT id FROM conversations ORDER BY started_at DESC LIMIT 1");
    id = g_ascii_strtoll (newest, NULL, 10);
    cards = sk_mat_cards (store, id, &error);
    for (guint i = 0; i < 2; i++)
      {
        SkMatCard *card = sk_mat_cards_add (store, cards, id, i == 0 ? "food" : "bus", NULL, &error);

        g_assert_no_error (error);
        sk_mat_card_place (card, i == 0 ? SK_MAT_GOOD : SK_MAT_BAD, G_LIST_MODEL (cards));
        g_object_set (card, "shared", TRUE, NULL);
      }
    g_assert_true (sk_store_flush (store, &error));
  }
  g_settings_set_string (settings, "caseworker-name", "Lone Eksempel");
  window = open_summary (path);
  summary = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  pages = (int) sk_summary_dialog_get_n_pages (SK_SUMMARY_DIALOG (summary));

  beat_id = g_timeout_add (10, beat_cb, &beat);
  dialog = open_print_dialog (summary);
  text = sk_test_visible_text (GTK_WIDGET (dialog));
  g_test_message ("%s", text);
  /* Both printers, the default one chosen, and the summary's pages. */
  g_assert_nonnull (strstr (text, "Skrivebordets PDF-printer"));
  g_assert_nonnull (strstr (text, "Kopirum"));
  g_assert_nonnull (strstr (text, "Samtalerummet"));
  g_assert_nonnull (strstr (text, "the default printer"));
  g_assert_nonnull (strstr (text, "A4"));
  row = sk_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Skrivebordets PDF-printer");
  g_assert_nonnull (row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (sk_test_find_type (row, GTK_TYPE_CHECK_BUTTON))));
  sk_test_save_screenshot (GTK_WIDGET (dialog), "print-dialog.png");

  /* Two copies, with the spin button's "+". */
  plus = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (sk_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)), "value-increase-symbolic") == 0)
      plus = w;
  g_assert_nonnull (plus);
  sk_test_real_click (plus);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (sk_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON))), ==, 2);

  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Print"));
  g_assert_true (sk_test_wait_for (print_dialog_gone, NULL, 20000));
  /* Told in the summary dialog, where the caseworker is looking. */
  g_assert_true (sk_test_wait_for (summary_says, "Sent to “Skrivebordets PDF-printer”", 2000));
  /* The window answered all the time, from Print… to "Sent": never a
   * pause a person notices.  (What follows, the test's own checks, blocks
   * the loop itself.) */
  g_source_remove (beat_id);
  g_test_message ("the main loop's longest pause while printing: %.0f ms", beat.longest / 1000.0);
  g_assert_cmpint (beat.longest, <, 250 * 1000);
  sk_test_save_screenshot (GTK_WIDGET (summary), "print-sent.png");
  g_assert_cmpstr (g_settings_get_string (settings, "printer"), ==, "PDF");
  g_assert_cmpint (g_settings_get_int (settings, "print-copies"), ==, 2);

  /* The job is there, a PDF with the summary's pages, two copies. */
  {
    http_t *http = httpConnect2 (cups.socket, 0, NULL, AF_LOCAL, HTTP_ENCRYPTION_NEVER, 1, 2000, NULL);
    cups_job_t *jobs = NULL;
    int n = cupsGetJobs2 (http, &jobs, "PDF", 0, CUPS_WHICHJOBS_ALL);

    g_assert_cmpint (n, ==, 1);
    output.job = jobs[0].id;
    g_assert_cmpstr (jobs[0].title, ==, "Summary for the parents");
    cupsFreeJobs (n, jobs);
    httpClose (http);
  }
  g_assert_cmpint (job_copies (output.job), ==, 2);
  g_assert_true (sk_test_wait_for (output_arrived, &output, 30000));
  g_test_message ("job %d: %s, %d pages", output.job, output.path, pdf_pages (output.path));
  g_assert_cmpint (pdf_pages (output.path), ==, pages);
  /* What came out of the printer, for a person to look at (cups-pdf's
   * PDF carries its text as shapes: pdftotext finds nothing in it). */
  {
    g_autofree char *kept = sk_test_output_path ("printed-summary.pdf");
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (output.path, &data, &length, NULL));
    g_assert_true (g_file_set_contents (kept, data, length, NULL));
  }
  g_remove (output.path);
  g_clear_pointer (&output.path, g_free);


  /* Remembered: next time the same printer and copies; in Danish too,
   * from a window opened in Danish. */
  gtk_window_destroy (summary);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_settings_set_string (settings, "language", "da");
  sk_test_iterate (300);
  window = open_summary (path);
  summary = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);
  dialog = open_print_dialog_in (summary, "Udskriv …", "Udskriv");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (sk_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON))), ==, 2);
  {
    g_autofree char *danish = sk_test_visible_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (danish, "Udskriv opsummeringen"));
    g_assert_nonnull (strstr (danish, "Klar · standardprinteren"));
    g_assert_nonnull (strstr (danish, "Kopier"));
    g_assert_null (strstr (danish, "Copies"));
  }
  sk_test_save_screenshot (GTK_WIDGET (dialog), "print-dialog-da.png");
  gtk_window_close (dialog);
  sk_test_iterate (100);
  g_assert_null (sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG));

  gtk_window_destroy (summary);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_settings_reset (settings, "caseworker-name");
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "printer");
  g_settings_reset (settings, "print-copies");
  stop_cups ();
}

static int
count_jobs (void)
{
  http_t *http = httpConnect2 (cups.socket, 0, NULL, AF_LOCAL, HTTP_ENCRYPTION_NEVER, 1, 2000, NULL);
  cups_job_t *jobs = NULL;
  int n = cupsGetJobs2 (http, &jobs, NULL, 0, CUPS_WHICHJOBS_ALL);

  cupsFreeJobs (n, jobs);
  httpClose (http);
  return n;
}

/* A printer that rejects jobs, one that is stopped, and no CUPS at all:
 * each said in words in the dialog, nothing sent, and the dialog still
 * there to choose another. */
static void
test_print_refusals_are_told (void)
{
  g_autofree char *path = sk_test_path ("refusals.db");
  g_autoptr(GError) error = NULL;
  SkWindow *window;
  GtkWindow *summary, *dialog;

  if (!start_cups ())
    return;
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
  }
  window = open_summary (path);
  summary = sk_test_find_toplevel (SK_TYPE_SUMMARY_DIALOG);

  {
    const char *reject[] = { "cupsreject", "-r", "paper jam", "PDF", NULL };

    run_tool (reject);
  }
  dialog = open_print_dialog (summary);
  g_assert_true (text_shows ("Not accepting print jobs"));
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Print"));
  g_assert_true (sk_test_wait_for (text_shows, "does not accept print jobs right now", 20000));
  g_assert_nonnull (sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG));
  g_assert_cmpint (count_jobs (), ==, 0);
  sk_test_save_screenshot (GTK_WIDGET (dialog), "print-rejected.png");
  gtk_window_close (dialog);
  sk_test_iterate (100);

  {
    const char *accept[] = { "cupsaccept", "PDF", NULL };
    const char *disable[] = { "cupsdisable", "PDF", NULL };

    run_tool (accept);
    run_tool (disable);
  }
  dialog = open_print_dialog (summary);
  g_assert_true (text_shows ("Offline or stopped"));
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Print"));
  g_assert_true (sk_test_wait_for (text_shows, "is offline or stopped. Nothing was sent", 20000));
  g_assert_cmpint (count_jobs (), ==, 0);
  gtk_window_close (dialog);
  sk_test_iterate (100);

  /* CUPS gone: the dialog says so and offers to try again. */
  stop_cups ();
  g_setenv ("CUPS_SERVER", "/nonexistent/cups.sock", TRUE);
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (summary), GTK_TYPE_BUTTON, "Print…"));
  g_assert_true (sk_test_wait_for (text_shows, "does not answer", 20000));
  dialog = sk_test_find_toplevel (SK_TYPE_PRINT_DIALOG);
  g_assert_nonnull (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Try Again"));
  /* Esc closes it, as any dialog. */
  sk_test_focus_window (dialog);
  sk_test_press ("Escape");
  g_assert_true (sk_test_wait_for (print_dialog_gone, NULL, 2000));

  gtk_window_destroy (summary);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
}

/* The one job in the PDF queue: its name; then what cups-pdf wrote of
 * it, one page, kept as @kept for a person to look at. */
static void
print_came_out (Output     *output,
                const char *title,
                const char *kept)
{
  http_t *http = httpConnect2 (cups.socket, 0, NULL, AF_LOCAL, HTTP_ENCRYPTION_NEVER, 1, 2000, NULL);
  cups_job_t *jobs = NULL;
  int n = cupsGetJobs2 (http, &jobs, "PDF", 0, CUPS_WHICHJOBS_ALL);
  g_autofree char *copy = sk_test_output_path (kept);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_cmpint (n, ==, 1);
  output->job = jobs[0].id;
  g_assert_cmpstr (jobs[0].title, ==, title);
  cupsFreeJobs (n, jobs);
  httpClose (http);
  g_assert_true (sk_test_wait_for (output_arrived, output, 30000));
  g_assert_cmpint (pdf_pages (output->path), ==, 1);
  g_assert_true (g_file_get_contents (output->path, &data, &length, NULL));
  g_assert_true (g_file_set_contents (copy, data, length, NULL));
}

static gboolean
letters_shown (gpointer data)
{
  return sk_test_toplevel_shown (GSIZE_TO_POINTER (SK_TYPE_LETTER_DIALOG));
}

/* A letter to the child, through the same printer dialog and queue: one
 * page, its own name in the queue. */
static void
test_letter_reaches_cups (void)
{
  g_autofree char *path = sk_test_path ("letter.db");
  GSettings *settings = sk_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  Output output = { 0 };
  SkWindow *window;
  GtkWindow *letters, *dialog;

  if (!start_cups ())
    return;
  {
    g_autoptr(SkStore) store = sk_test_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sk_demo_fill (store, &error));
    g_assert_true (sk_store_flush (store, &error));
  }
  g_settings_set_string (settings, "caseworker-name", "Lone Eksempel");
  window = sk_test_open_today (app, path);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  g_action_group_activate_action (G_ACTION_GROUP (window), "letters", NULL);
  g_assert_true (sk_test_wait_for (letters_shown, NULL, 3000));
  letters = sk_test_find_toplevel (SK_TYPE_LETTER_DIALOG);
  sk_test_focus_window (letters);
  sk_test_iterate (200);
  dialog = open_print_dialog_in (letters, "Print…", "Print");
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (text, "Print the Letter"));
    g_assert_nonnull (strstr (text, "1 page, A4"));
  }
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Print"));
  g_assert_true (sk_test_wait_for (print_dialog_gone, NULL, 20000));
  /* Told in the letters' dialog. */
  {
    g_autofree char *said = NULL;

    for (int i = 0; i < 40 && (said == NULL || strstr (said, "Sent to") == NULL); i++)
      {
        g_free (said);
        sk_test_iterate (50);
        said = sk_test_visible_text (GTK_WIDGET (letters));
      }
    g_assert_nonnull (strstr (said, "Sent to “Skrivebordets PDF-printer”."));
  }
  print_came_out (&output, "Invitation for the child", "printed-invitation.pdf");
  g_remove (output.path);
  g_clear_pointer (&output.path, g_free);
  gtk_window_destroy (letters);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_settings_reset (settings, "caseworker-name");
  g_settings_reset (settings, "printer");
  g_settings_reset (settings, "print-copies");
  stop_cups ();
}

static void
collect_password_entries (GtkWidget *root,
                          GPtrArray *found)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_PASSWORD_ENTRY (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_password_entries (child, found);
}

static gboolean
shows_recovery_key (gpointer window)
{
  g_autofree char *text = sk_test_visible_text (window);

  return strstr (text, "Your Recovery Key") != NULL;
}

/* The first start: the recovery key, printed once through CUPS. */
static void
test_recovery_key_reaches_cups (void)
{
  g_autofree char *path = sk_test_path ("recovery-print.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *key = NULL;
  Output output = { 0 };
  SkWindow *window;
  GtkWindow *dialog;

  if (!start_cups ())
    return;
  g_unsetenv ("SAMTALEKUFFERT_PASSPHRASE");
  window = sk_application_open (app, path, FALSE, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sk_test_iterate (300);
  sk_test_focus_window (GTK_WINDOW (window));
  collect_password_entries (GTK_WIDGET (window), entries);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      sk_test_real_click (entries->pdata[i]);
      sk_test_type ("en lang sætning om printeren");
    }
  sk_test_press ("Return");
  g_assert_true (sk_test_wait_for (shows_recovery_key, window, 5000));
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (window));
    g_autoptr(GRegex) groups = g_regex_new ("([A-Z2-7]{4}-){3}[A-Z2-7]{4}", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;

    g_assert_true (g_regex_match (groups, text, 0, &match));
    key = g_match_info_fetch (match, 0);
  }

  dialog = open_print_dialog_in (GTK_WINDOW (window), "Print the Recovery Key…", "Print");
  {
    g_autofree char *text = sk_test_visible_text (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (text, "Print the Recovery Key"));
    g_assert_nonnull (strstr (text, "1 page, A4"));
  }
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Print"));
  g_assert_true (sk_test_wait_for (print_dialog_gone, NULL, 20000));
  print_came_out (&output, "Recovery key", "printed-recovery-key.pdf");
  /* cups-pdf's Ghostscript draws the letters as outlines: what it says
   * is looked at in the kept copy; its name is the job's. */
  {
    const char *argv[] = { "pdfinfo", output.path, NULL };
    g_autofree char *info = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, &status, NULL));
    g_assert_nonnull (strstr (info, "Recovery key"));
  }
  g_assert_nonnull (key);
  g_remove (output.path);
  g_clear_pointer (&output.path, g_free);
  sk_test_real_click (sk_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "I Have Kept It Safe"));
  sk_test_iterate (300);
  g_assert_nonnull (sk_window_get_store (window));
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (100);
  g_setenv ("SAMTALEKUFFERT_PASSPHRASE", SK_TEST_PASSPHRASE, TRUE);
  g_settings_reset (sk_application_get_settings (app), "printer");
  g_settings_reset (sk_application_get_settings (app), "print-copies");
  stop_cups ();
}

int
main (int argc, char **argv)
{
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/print/recovery-key-reaches-cups", test_recovery_key_reaches_cups);
  g_test_add_func ("/print/reaches-cups", test_print_reaches_cups);
  g_test_add_func ("/print/letter-reaches-cups", test_letter_reaches_cups);
  g_test_add_func ("/print/refusals-are-told", test_print_refusals_are_told);

  return sk_test_app_run (&app);
}
