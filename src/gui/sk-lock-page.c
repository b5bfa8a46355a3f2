/* sk-lock-page.c — the passphrase: chosen once, typed to open, to unlock
 *
 * One page, four faces in a stack: choose a passphrase (the first start),
 * the recovery key shown once, type the passphrase (to open, or to unlock
 * a locked window), and the recovery key typed instead with a new
 * passphrase.  The key derivation is slow on purpose (sk-key.h): it runs
 * in a thread, with a spinner, while the window stays alive.  Nothing on
 * the page names a child.
 */
#include "config.h"

#include "sk-lock-page.h"
#include "sk-accessible.h"
#include "sk-application.h"
#include "sk-i18n.h"
#include "sk-print-dialog.h"
#include "sk-store.h"
#include "sk-summary.h"
#include "sk-summary-draw.h"
#include "sk-trace.h"

#include <string.h>
#include <glib/gi18n-lib.h>

struct _SkLockPage
{
  GtkWidget parent_instance;

  GtkWidget *box;           /* a header bar (the window's controls), the status page */
  GtkWidget *status;        /* AdwStatusPage */
  GtkStack  *stack;
  GtkWidget *choose_entry;
  GtkWidget *repeat_entry;
  GtkWidget *choose_button;
  GtkWidget *recovery_label;
  GtkWidget *unlock_entry;
  GtkWidget *unlock_button;
  GtkWidget *recover_key_entry;
  GtkWidget *recover_entry;
  GtkWidget *recover_repeat_entry;
  GtkWidget *recover_button;
  GtkWidget *error_label;
  GtkWidget *spinner;

  SkLockMode  mode;
  char       *database;
  SkKey      *expected;
  SkKey      *made;         /* chosen: the new key, given once the recovery key is seen */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SkLockPage, sk_lock_page, GTK_TYPE_WIDGET)

enum { UNLOCKED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_error (SkLockPage *self,
           const char *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
set_busy (SkLockPage *self,
          gboolean    busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
}

static const char *
text_of (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
clear_entries (SkLockPage *self)
{
  GtkWidget *entries[] = { self->choose_entry, self->repeat_entry, self->unlock_entry,
                           self->recover_key_entry, self->recover_entry, self->recover_repeat_entry };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_text (GTK_EDITABLE (entries[i]), "");
}

static void
show_face (SkLockPage *self,
           const char *face)
{
  const char *title = NULL, *description = NULL, *icon = "system-lock-screen-symbolic";

  gtk_stack_set_visible_child_name (self->stack, face);
  set_error (self, NULL);
  if (g_str_equal (face, "choose"))
    {
      title = _("Choose a Passphrase");
      description = _("Everything in Samtalekuffert is kept encrypted on this computer, "
                      "and the passphrase opens it. Choose one only you know, of at least "
                      "eight characters: a short sentence is easy to remember and hard to guess.");
      icon = "dialog-password-symbolic";
    }
  else if (g_str_equal (face, "recovery"))
    {
      title = _("Your Recovery Key");
      description = _("If you forget your passphrase, this key opens the notes instead. "
                      "It is shown only this once. Print it or write it down, and keep it "
                      "locked away — not with the computer.");
      icon = "dialog-password-symbolic";
    }
  else if (g_str_equal (face, "recover"))
    {
      title = _("Use the Recovery Key");
      description = _("Type the recovery key you printed or wrote down when the passphrase "
                      "was chosen, and choose a new passphrase.");
    }
  else if (self->mode == SK_LOCK_LOCKED)
    {
      title = _("Locked");
      description = _("Type your passphrase to go on. Nothing you wrote is lost.");
    }
  else
    {
      title = _("Samtalekuffert Is Locked");
      description = _("Type your passphrase to open the notes.");
    }
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status), description);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), icon);
}

/* ---- The key derivation, in a thread ---- */

typedef struct
{
  char   *database;
  char   *passphrase;
  char   *recovery;     /* typed (recover), or made (choose) */
  SkKey  *key;
  guint   choose : 1;
} KeyJob;

static void
key_job_free (KeyJob *job)
{
  g_free (job->database);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  if (job->recovery != NULL)
    memset (job->recovery, 0, strlen (job->recovery));
  g_free (job->recovery);
  g_clear_pointer (&job->key, sk_key_unref);
  g_free (job);
}

static void
key_job_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  KeyJob *job = data;
  GError *error = NULL;

  if (job->choose)
    {
      job->key = sk_key_new_random ();
      job->recovery = sk_keyring_create (job->database, job->key, job->passphrase, &error);
      if (job->recovery == NULL)
        g_clear_pointer (&job->key, sk_key_unref);
    }
  else if (job->recovery != NULL)
    {
      job->key = sk_keyring_recover (job->database, job->recovery, &error);
      if (job->key != NULL && !sk_keyring_save (job->database, job->key, job->passphrase, &error))
        g_clear_pointer (&job->key, sk_key_unref);
    }
  else
    job->key = sk_keyring_unlock (job->database, job->passphrase, &error);

  if (job->key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
key_job_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SkLockPage *self = SK_LOCK_PAGE (source);
  KeyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  sk_trace_mark ("passphrase-checked");
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      set_error (self, error->message);
      sk_lock_page_focus (self);
      return;
    }
  set_busy (self, FALSE);

  if (self->expected != NULL && !sk_key_equal (job->key, self->expected))
    {
      set_error (self, _("That passphrase belongs to another database."));
      return;
    }
  if (job->choose)
    {
      /* Given on only once the recovery key has been seen. */
      g_clear_pointer (&self->made, sk_key_unref);
      self->made = sk_key_ref (job->key);
      /* Two lines of four groups: easier to read off, and to copy. */
      {
        g_autofree char *shown = g_strdup (job->recovery);

        if (strlen (shown) > 20 && shown[19] == '-')
          shown[19] = '\n';
        gtk_label_set_label (GTK_LABEL (self->recovery_label), shown);
      }
      clear_entries (self);
      show_face (self, "recovery");
      return;
    }
  clear_entries (self);
  g_signal_emit (self, signals[UNLOCKED], 0, job->key);
}

static void
start_job (SkLockPage *self,
           KeyJob     *job)
{
  g_autoptr(GTask) task = NULL;

  job->database = g_strdup (self->database);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, key_job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) key_job_free);
  set_error (self, NULL);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, key_job_thread);
}

/* A new passphrase, typed twice: NULL when it will do, else why not. */
static const char *
check_new_passphrase (const char *passphrase,
                      const char *repeated)
{
  if (g_utf8_strlen (passphrase, -1) < SK_KEY_MIN_PASSPHRASE)
    return _("The passphrase must have at least eight characters.");
  if (strcmp (passphrase, repeated) != 0)
    return _("The two passphrases are not the same. Type them again.");
  return NULL;
}

static void
choose_cb (SkLockPage *self)
{
  const char *why = check_new_passphrase (text_of (self->choose_entry), text_of (self->repeat_entry));
  KeyJob *job;

  if (why != NULL)
    {
      set_error (self, why);
      return;
    }
  job = g_new0 (KeyJob, 1);
  job->choose = TRUE;
  job->passphrase = g_strdup (text_of (self->choose_entry));
  start_job (self, job);
}

static void
unlock_cb (SkLockPage *self)
{
  KeyJob *job;

  if (*text_of (self->unlock_entry) == '\0')
    {
      set_error (self, _("Type your passphrase."));
      return;
    }
  job = g_new0 (KeyJob, 1);
  job->passphrase = g_strdup (text_of (self->unlock_entry));
  start_job (self, job);
}

static void
recover_cb (SkLockPage *self)
{
  const char *why = check_new_passphrase (text_of (self->recover_entry), text_of (self->recover_repeat_entry));
  KeyJob *job;

  if (*text_of (self->recover_key_entry) == '\0')
    why = _("Type the recovery key.");
  if (why != NULL)
    {
      set_error (self, why);
      return;
    }
  job = g_new0 (KeyJob, 1);
  job->recovery = g_strdup (text_of (self->recover_key_entry));
  job->passphrase = g_strdup (text_of (self->recover_entry));
  start_job (self, job);
}

static void
kept_cb (SkLockPage *self)
{
  g_autoptr(SkKey) key = g_steal_pointer (&self->made);

  gtk_label_set_label (GTK_LABEL (self->recovery_label), "");
  if (key != NULL)
    g_signal_emit (self, signals[UNLOCKED], 0, key);
}

static void
forgot_cb (SkLockPage *self)
{
  show_face (self, "recover");
  gtk_widget_grab_focus (self->recover_key_entry);
}

static void
back_cb (SkLockPage *self)
{
  show_face (self, "unlock");
  gtk_widget_grab_focus (self->unlock_entry);
}

/* The recovery key on paper: one A4 page, with nothing else on it. */
static void
print_recovery_cb (SkLockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = g_application_get_default ();
  g_autoptr(SkSummary) paper = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  SkPrintDialog *dialog;

  if (!SK_IS_APPLICATION (app))
    return;
  paper = sk_summary_new_recovery_key (sk_i18n_get_language (), gtk_label_get_label (GTK_LABEL (self->recovery_label)));
  pdf = sk_summary_render_pdf (paper, &error);
  if (pdf == NULL)
    {
      set_error (self, error->message);
      return;
    }
  dialog = sk_print_dialog_new (GTK_WINDOW (root), sk_application_get_settings (SK_APPLICATION (app)), pdf, 1);
  sk_print_dialog_set_document (dialog,
                                /* Translators: the print dialog's title */
                                _("Print the Recovery Key"),
                                /* Translators: a print job's name in the printer's queue */
                                _("Recovery key"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Building ---- */

static GtkWidget *
password_entry (const char *label,
                gboolean    peek)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), peek);
  g_object_set (entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (entry, "lock-entry");
  return entry;
}

static GtkWidget *
action_button (const char *label,
               gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
face_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_halign (box, GTK_ALIGN_FILL);
  return box;
}

static void
entry_activated_cb (GtkWidget *button)
{
  if (gtk_widget_is_sensitive (button))
    g_signal_emit_by_name (button, "clicked");
}

/* Enter in @entry does what @button does, at once.  Not with
 * gtk_widget_activate(): a GtkButton activated from the keyboard is first
 * shown pressed for a quarter of a second, and the caseworker would wait
 * that much longer for the key derivation to begin; the spinner says
 * that the passphrase was taken. */
static void
activate_to (GtkWidget *entry,
             GtkWidget *button)
{
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activated_cb), button);
}

static void
sk_lock_page_dispose (GObject *object)
{
  SkLockPage *self = SK_LOCK_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->status = NULL;
  g_clear_pointer (&self->expected, sk_key_unref);
  g_clear_pointer (&self->made, sk_key_unref);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (sk_lock_page_parent_class)->dispose (object);
}

static void
sk_lock_page_class_init (SkLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_lock_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sk-lock-page");

  /**
   * SkLockPage::unlocked:
   * @key: the data key
   */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, SK_TYPE_KEY);
}

static void
sk_lock_page_init (SkLockPage *self)
{
  GtkWidget *clamp, *outer, *box, *label, *button, *forgot, *back, *header;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  /* The window's own controls, and no title: nothing names anyone. */
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), gtk_label_new (NULL));
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (self->box), header);
  self->status = adw_status_page_new ();
  gtk_widget_set_vexpand (self->status, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->status);
  gtk_widget_add_css_class (self->status, "lock-page");

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), outer);
  adw_status_page_set_child (ADW_STATUS_PAGE (self->status), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  /* Choose */
  box = face_box ();
  self->choose_entry = password_entry (_("Passphrase"), TRUE);
  self->repeat_entry = password_entry (_("The passphrase again"), TRUE);
  label = gtk_label_new (_("If you forget the passphrase and lose the recovery key, "
                           "no one can open the notes again — not even the developers."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "warning");
  self->choose_button = action_button (_("_Continue"), TRUE);
  gtk_box_append (GTK_BOX (box), self->choose_entry);
  gtk_box_append (GTK_BOX (box), self->repeat_entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->choose_button);
  activate_to (self->choose_entry, self->repeat_entry);
  g_signal_connect_swapped (self->choose_entry, "activate", G_CALLBACK (gtk_widget_grab_focus), self->repeat_entry);
  activate_to (self->repeat_entry, self->choose_button);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_cb), self);
  gtk_stack_add_named (self->stack, box, "choose");

  /* The recovery key, shown once */
  box = face_box ();
  self->recovery_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->recovery_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->recovery_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->recovery_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->recovery_label, "recovery-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->recovery_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The recovery key"), -1);
  gtk_box_append (GTK_BOX (box), self->recovery_label);
  button = action_button (_("_Print the Recovery Key…"), FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (print_recovery_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  button = action_button (_("I Have _Kept It Safe"), TRUE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (kept_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_stack_add_named (self->stack, box, "recovery");

  /* Unlock */
  box = face_box ();
  self->unlock_entry = password_entry (_("Passphrase"), FALSE);
  self->unlock_button = action_button (_("_Unlock"), TRUE);
  forgot = gtk_button_new_with_mnemonic (_("I _Forgot My Passphrase"));
  gtk_widget_add_css_class (forgot, "flat");
  gtk_widget_set_halign (forgot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->unlock_entry);
  gtk_box_append (GTK_BOX (box), self->unlock_button);
  gtk_box_append (GTK_BOX (box), forgot);
  activate_to (self->unlock_entry, self->unlock_button);
  g_signal_connect_swapped (self->unlock_button, "clicked", G_CALLBACK (unlock_cb), self);
  g_signal_connect_swapped (forgot, "clicked", G_CALLBACK (forgot_cb), self);
  gtk_stack_add_named (self->stack, box, "unlock");

  /* Recover */
  box = face_box ();
  self->recover_key_entry = gtk_entry_new ();
  g_object_set (self->recover_key_entry, "placeholder-text", _("Recovery key"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->recover_key_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  gtk_widget_add_css_class (self->recover_key_entry, "recovery-entry");
  self->recover_entry = password_entry (_("New passphrase"), TRUE);
  self->recover_repeat_entry = password_entry (_("The new passphrase again"), TRUE);
  self->recover_button = action_button (_("_Open With the New Passphrase"), TRUE);
  back = gtk_button_new_with_mnemonic (_("_Back"));
  gtk_widget_add_css_class (back, "flat");
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->recover_key_entry);
  gtk_box_append (GTK_BOX (box), self->recover_entry);
  gtk_box_append (GTK_BOX (box), self->recover_repeat_entry);
  gtk_box_append (GTK_BOX (box), self->recover_button);
  gtk_box_append (GTK_BOX (box), back);
  g_signal_connect_swapped (self->recover_key_entry, "activate", G_CALLBACK (gtk_widget_grab_focus), self->recover_entry);
  g_signal_connect_swapped (self->recover_entry, "activate", G_CALLBACK (gtk_widget_grab_focus), self->recover_repeat_entry);
  activate_to (self->recover_repeat_entry, self->recover_button);
  g_signal_connect_swapped (self->recover_button, "clicked", G_CALLBACK (recover_cb), self);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_cb), self);
  gtk_stack_add_named (self->stack, box, "recover");

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->error_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (outer), self->error_label);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_size_request (self->spinner, 32, 32);
  gtk_widget_set_halign (self->spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (outer), self->spinner);

  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  self->mode = SK_LOCK_OPEN;
  show_face (self, "unlock");
}

GtkWidget *
sk_lock_page_new (void)
{
  return g_object_new (SK_TYPE_LOCK_PAGE, NULL);
}

void
sk_lock_page_set_mode (SkLockPage *self,
                       SkLockMode  mode,
                       const char *database,
                       SkKey      *expected)
{
  g_return_if_fail (SK_IS_LOCK_PAGE (self));
  g_return_if_fail (database != NULL);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);
  self->mode = mode;
  g_free (self->database);
  self->database = g_strdup (database);
  g_clear_pointer (&self->expected, sk_key_unref);
  if (expected != NULL)
    self->expected = sk_key_ref (expected);
  clear_entries (self);
  /* No key file, but the recovery file: only the recovery key opens. */
  if (mode == SK_LOCK_CHOOSE)
    show_face (self, "choose");
  else if (!sk_keyring_exists (database))
    show_face (self, "recover");
  else
    show_face (self, "unlock");
}

SkLockMode
sk_lock_page_get_mode (SkLockPage *self)
{
  g_return_val_if_fail (SK_IS_LOCK_PAGE (self), SK_LOCK_OPEN);

  return self->mode;
}

void
sk_lock_page_focus (SkLockPage *self)
{
  const char *face;

  g_return_if_fail (SK_IS_LOCK_PAGE (self));

  face = gtk_stack_get_visible_child_name (self->stack);
  if (g_str_equal (face, "choose"))
    gtk_widget_grab_focus (self->choose_entry);
  else if (g_str_equal (face, "unlock"))
    gtk_widget_grab_focus (self->unlock_entry);
  else if (g_str_equal (face, "recover"))
    gtk_widget_grab_focus (self->recover_key_entry);
}
