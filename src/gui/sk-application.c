/* sk-application.c — one instance, windows per database, settings, language
 *
 * A second start hands its command line to the first instance: with the
 * same database it raises the window that has it open, with another it
 * opens a window of its own.
 */
#include "config.h"

#include "sk-application.h"
#include "sk-backup.h"
#include "sk-blink.h"
#include "sk-accessible.h"
#include "sk-child-list.h"
#include "sk-export.h"
#include "sk-demo.h"
#include "sk-i18n.h"
#include "sk-preferences.h"
#include "sk-renderer.h"
#include "sk-settings.h"
#include "sk-trace.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <glib-unix.h>
#include <signal.h>
#endif

struct _SkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char      *demo_dir;
  guint      rebuild_id;
  gboolean   covered;
  GPtrArray *covered_windows;   /* dialogs hidden by the cover */

  /* This process's own command line, read before start-up, so that its
   * database opens while GTK starts. */
  char      *asked_path;
  gboolean   asked_demo;
  gboolean   asked;
  struct _OpenJob *prefetch;
  GHashTable *keys;   /* resolved path → SkKey: the files unlocked this session */
};

G_DEFINE_FINAL_TYPE (SkApplication, sk_application, ADW_TYPE_APPLICATION)

static void
present_preferences (SkApplication *self,
                     GtkWindow     *parent)
{
  SkPreferences *preferences = sk_preferences_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static GtkWindow *
find_preferences (GtkWindow *parent)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (SK_IS_PREFERENCES (l->data) && gtk_window_get_transient_for (l->data) == parent)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
rebuild_windows_cb (gpointer user_data)
{
  SkApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  self->rebuild_id = 0;

  /* Templates were translated when they were built: build them again. */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      SkWindow *old = l->data;
      GtkWindow *preferences;
      SkWindow *window;

      if (!SK_IS_WINDOW (old))
        continue;

      preferences = find_preferences (GTK_WINDOW (old));
      if (preferences != NULL)
        gtk_window_destroy (preferences);

      window = sk_window_new_like (old);
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (old));

      if (preferences != NULL)
        present_preferences (self, GTK_WINDOW (window));
    }
  g_list_free (windows);
  return G_SOURCE_REMOVE;
}

static void
language_changed_cb (SkApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");

  sk_i18n_set_language (language);
  /* Not now: the change may come from a widget that is about to go. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_windows_cb, self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window writes what is pending and may refuse to close. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SkApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Behind the lock, or before the passphrase, nothing opens. */
  if (SK_IS_WINDOW (active) && sk_window_get_locked (SK_WINDOW (active)))
    return;
  present_preferences (self, active);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", "Samtalekuffert",
                         "application-icon", SK_APP_ID,
                         "version", SK_VERSION,
                         "developer-name", _("The Samtalekuffert developers"),
                         "comments", _("A conversation kit for children and their caseworker: "
                                       "say what matters, together, and decide what the parents see."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

#ifdef G_OS_UNIX
/* Logging out or "kill" ends the program politely: write what is pending
 * and quit, rather than lose the last fraction of a second of typing. */
static gboolean
terminate_cb (gpointer user_data)
{
  SkApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (SK_IS_WINDOW (l->data))
      {
        g_autoptr(GError) error = NULL;

        if (!sk_window_finish (l->data, &error))
          g_printerr ("%s\n", error->message);
      }
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}
#endif

/* The privacy cover, over every window and dialog at once; the same key
 * lifts it and brings back what was shown. */
static void
toggle_cover (SkApplication *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  self->covered = !self->covered;
  if (self->covered)
    {
      g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

      /* First hide the dialogs, then cover the windows under them. */
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (windows, g_list_model_get_item (toplevels, i));
      for (guint i = 0; i < windows->len; i++)
        if (!SK_IS_WINDOW (windows->pdata[i]) && gtk_widget_get_visible (windows->pdata[i]))
          {
            gtk_widget_set_visible (windows->pdata[i], FALSE);
            g_ptr_array_add (self->covered_windows, g_object_ref (windows->pdata[i]));
          }
      for (guint i = 0; i < windows->len; i++)
        if (SK_IS_WINDOW (windows->pdata[i]))
          sk_window_set_covered (windows->pdata[i], TRUE);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (SK_IS_WINDOW (window))
            sk_window_set_covered (SK_WINDOW (window), FALSE);
        }
      for (guint i = 0; i < self->covered_windows->len; i++)
        gtk_window_present (self->covered_windows->pdata[i]);
      g_ptr_array_set_size (self->covered_windows, 0);
    }
}

static void
cover_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  toggle_cover (SK_APPLICATION (user_data));
}

static gboolean
cover_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  toggle_cover (SK_APPLICATION (user_data));
  return TRUE;
}

/* F9 in every window of the program, dialogs and the system's own file
 * and print dialogs included, before any widget in it sees the key. */
static void
toplevels_changed_cb (GListModel    *toplevels,
                      guint          position,
                      guint          removed,
                      guint          added,
                      SkApplication *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkEventController *controller;
      GtkShortcut *shortcut;

      if (g_object_get_data (G_OBJECT (window), "sk-cover-shortcut") != NULL)
        continue;
      controller = gtk_shortcut_controller_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F9, 0),
                                   gtk_callback_action_new (cover_shortcut_cb, self, NULL));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
      g_object_set_data (G_OBJECT (window), "sk-cover-shortcut", controller);
    }
}

/**
 * sk_application_get_covered:
 *
 * Returns: %TRUE while the privacy cover is on
 */
gboolean
sk_application_get_covered (SkApplication *self)
{
  g_return_val_if_fail (SK_IS_APPLICATION (self), FALSE);

  return self->covered;
}

/* Every window locks; each opens again with its own passphrase. */
static void
lock_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    if (SK_IS_WINDOW (l->data))
      sk_window_lock (l->data);
}

static const GActionEntry app_entries[] = {
  { .name = "lock", .activate = lock_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "cover", .activate = cover_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static void
remove_demo_dir (SkApplication *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->demo_dir == NULL)
    return;

  dir = g_dir_open (self->demo_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->demo_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->demo_dir);
  g_clear_pointer (&self->demo_dir, g_free);
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SkApplication    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (g_strcmp0 (response, "new") != 0)
    return;

  aside = sk_store_set_aside (path, &error);
  if (aside == NULL || sk_application_open (self, path, FALSE, &error) == NULL)
    {
      GtkWidget *failed = adw_message_dialog_new (NULL, _("A New Database Could Not Be Made"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_set_application (GTK_WINDOW (failed), GTK_APPLICATION (self));
      sk_accessible_tidy_mnemonics (failed);
      gtk_window_present (GTK_WINDOW (failed));
    }
}

/* Says why the database cannot be opened; for a damaged file, offers to
 * keep it aside and start with an empty one. */
static void
show_open_error (SkApplication *self,
                 const char    *path,
                 const GError  *error)
{
  GtkWidget *dialog;
  const char *heading;

  if (g_error_matches (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED))
    heading = _("The Database Is Damaged");
  else if (g_error_matches (error, SK_STORE_ERROR, SK_STORE_ERROR_NEWER))
    heading = _("The Database Is From a Newer Version");
  else if (g_error_matches (error, SK_STORE_ERROR, SK_STORE_ERROR_IN_USE))
    heading = _("The Database Is Already Open");
  else if (g_error_matches (error, SK_STORE_ERROR, SK_STORE_ERROR_FULL))
    heading = _("The Disk Is Full");
  else
    heading = _("The Database Cannot Be Opened");

  dialog = adw_message_dialog_new (NULL, heading, NULL);
  if (g_error_matches (error, SK_STORE_ERROR, SK_STORE_ERROR_DAMAGED))
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nYou can start again with a new, empty database. "
                                        "The damaged file is kept under a new name next to it, "
                                        "so that it can perhaps be rescued."),
                                      error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "new", _("_Start a New Database"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  sk_accessible_tidy_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening a database, in a thread of its own: the check of its integrity
 * takes time in proportion to its size, and reading and sorting the
 * children too.  Meanwhile the main thread starts GTK or builds the
 * window. */
typedef struct _OpenJob
{
  char      *path;
  gboolean   demo;
  SkKey     *key;          /* given; or found with the passphrase */
  char      *passphrase;   /* $SAMTALEKUFFERT_PASSPHRASE, when there is no key */
  GThread   *thread;
  SkStore   *store;
  GPtrArray *children;   /* sorted as the list shows them */
  GError    *error;
} OpenJob;

static gpointer
open_store_thread (gpointer data)
{
  OpenJob *job = data;
  g_autoptr(GListStore) children = NULL;

  if (job->key == NULL && job->passphrase != NULL)
    {
      /* Beside the file itself, not beside a link to it. */
      g_autofree char *resolved = sk_store_resolve_path (job->path);

      /* The key files are made the first time, as the window would. */
      if (sk_keyring_exists (resolved))
        job->key = sk_keyring_unlock (resolved, job->passphrase, &job->error);
      else
        {
          g_autofree char *recovery = NULL;

          job->key = sk_key_new_random ();
          recovery = sk_keyring_create (resolved, job->key, job->passphrase, &job->error);
          if (recovery == NULL)
            g_clear_pointer (&job->key, sk_key_unref);
          else
            memset (recovery, 0, strlen (recovery));
        }
      sk_trace_mark ("key-derived");
      if (job->key == NULL)
        return NULL;
    }
  job->store = sk_store_open (job->path, job->key, &job->error);
  sk_trace_mark ("store-opened");
  if (job->store != NULL && job->demo && !sk_demo_fill (job->store, &job->error))
    g_clear_object (&job->store);
  if (job->store == NULL)
    return NULL;

  /* When this fails, the window reads them again and says why. */
  children = sk_store_list (job->store, SK_TYPE_CHILD, NULL, 0, NULL);
  if (children != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (children));

      job->children = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (job->children, g_list_model_get_item (G_LIST_MODEL (children), i));
      sk_child_list_sort (job->children);
    }
  sk_trace_mark ("children-read");
  return NULL;
}

/* The passphrase for scripts and tests, as $BORG_PASSPHRASE is borg's:
 * whoever can set this program's environment can read its keystrokes. */
static const char *
passphrase_from_environment (void)
{
  const char *passphrase = g_getenv ("SAMTALEKUFFERT_PASSPHRASE");

  return passphrase != NULL && *passphrase != '\0' ? passphrase : NULL;
}

/* @key: (nullable): the key to open @path with; NULL: the demo's new one,
 * or the one $SAMTALEKUFFERT_PASSPHRASE unlocks */
static OpenJob *
open_job_start (char     *path,
                gboolean  demo,
                SkKey    *key)
{
  OpenJob *job = g_new0 (OpenJob, 1);

  job->path = path;
  job->demo = demo;
  /* The demo's key is made here and lives in memory only. */
  if (key != NULL)
    job->key = sk_key_ref (key);
  else if (demo)
    job->key = sk_key_new_random ();
  else
    job->passphrase = g_strdup (passphrase_from_environment ());
  job->thread = g_thread_new ("sk-store-open", open_store_thread, job);
  return job;
}

static void
open_job_free (OpenJob *job)
{
  if (job->thread != NULL)
    g_thread_join (job->thread);
  g_free (job->path);
  g_clear_pointer (&job->key, sk_key_unref);
  if (job->passphrase != NULL)
    memset (job->passphrase, 0, strlen (job->passphrase));
  g_free (job->passphrase);
  g_clear_object (&job->store);
  g_clear_pointer (&job->children, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenJob, open_job_free)

/* The database file sk_application_open() opens for @path and @demo. */
static char *
choose_path (SkApplication  *self,
             const char     *path,
             gboolean        demo,
             GError        **error)
{
  if (!demo)
    return sk_store_choose_path (path);
  if (self->demo_dir == NULL)
    self->demo_dir = g_dir_make_tmp ("samtalekuffert-demo-XXXXXX", error);
  if (self->demo_dir == NULL)
    return NULL;
  return g_build_filename (self->demo_dir, "demo.db", NULL);
}

/* Start-up, in the first instance only: the database this process was
 * asked for starts opening now, before GTK. */
static void
prefetch_asked (SkApplication *self)
{
  char *path;

  if (!self->asked)
    return;
  self->asked = FALSE;
  /* Without a key there is nothing to open before the passphrase. */
  if (!self->asked_demo && passphrase_from_environment () == NULL)
    return;
  path = choose_path (self, self->asked_path, self->asked_demo, NULL);
  if (path != NULL)
    {
      sk_trace_mark ("prefetch");
      self->prefetch = open_job_start (path, self->asked_demo, NULL);
    }
}

static int
sk_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SkApplication *self = SK_APPLICATION (application);
  const char *arg = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("samtalekuffert %s\n", SK_VERSION);
      return 0;
    }
  /* Exports run here, in this process, with no window. */
  status = sk_export_run (options);
  if (status != -1)
    return status;

  /* The same file the command line will ask for (see command_line). */
  if (g_variant_dict_lookup (options, "database", "^&ay", &arg))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

      self->asked_path = g_file_get_path (file);
    }
  g_variant_dict_lookup (options, "demo", "b", &self->asked_demo);
  self->asked = TRUE;
  /* With a passphrase given, the key derivation (prefetch_asked()) needs
   * the second core more: the first frame waits for it, not for GL. */
  if (passphrase_from_environment () == NULL)
    sk_renderer_preload_gl ();
  return -1;
}

static int
sk_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  SkApplication *self = SK_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *arg = NULL;
  gboolean demo = FALSE;

  g_variant_dict_lookup (options, "database", "^&ay", &arg);
  g_variant_dict_lookup (options, "demo", "b", &demo);
  if (arg != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arg);

      path = g_file_get_path (file);
    }

  if (sk_application_open_or_explain (self, path, demo) == NULL)
    g_application_command_line_set_exit_status (command_line, 1);
  return 0;
}

/* GTK reads its own theme, "Default" (Default-light.css, some 5 ms), when
 * its settings are first made, and libadwaita then sets the theme to
 * "Adwaita-empty" and loads its own stylesheet in its place.  The theme
 * GTK reads first can be named with GTK_THEME only, which libadwaita in
 * turn takes as a theme chosen by the person (and then loads none of its
 * own).  So: GTK_THEME=Adwaita-empty from main(), while the process has
 * one thread, until GTK's settings exist; then gone before libadwaita
 * looks.  A GTK_THEME the person set is left alone. */
static gboolean gtk_theme_set_here;

void
sk_application_skip_gtk_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;
  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  gtk_theme_set_here = TRUE;
}

static void
forget_gtk_theme (void)
{
  if (!gtk_theme_set_here)
    return;
  gtk_settings_get_default ();
  /* unsetenv() only moves pointers within the environment: safe enough
   * beside threads that may read it (GLib warns about any such call). */
  g_unsetenv ("GTK_THEME");
  gtk_theme_set_here = FALSE;
}

static gpointer
load_icon_theme_thread (gpointer data)
{
  /* Looking up an icon reads the themes (index.theme of hicolor alone
   * has 650 folders); GTK does it the same way in a thread of its own. */
  gtk_icon_theme_has_icon (data, "open-menu-symbolic");
  g_object_unref (data);
  sk_trace_mark ("icon-theme");
  return NULL;
}

/* GTK starts reading the icon themes in a thread when libadwaita first
 * asks for them, but every icon folder added afterwards (libadwaita's, the
 * program's own) throws that away, and the first icon drawn reads them
 * again on the main thread, some 6 ms before the first frame.  Read them
 * once more, now that all folders are in, while the window is built. */
static void
load_icon_theme_in_thread (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_thread_unref (g_thread_new ("sk-icon-theme", load_icon_theme_thread, g_object_ref (theme)));
}

static SkWindow *find_window (SkApplication *self,
                              SkStore       *store,
                              const char    *path);

/* A closed window forgets its file's key: opening it again asks. */
static void
window_removed_cb (SkApplication *self,
                   GtkWindow     *window)
{
  SkStore *store;

  if (SK_IS_WINDOW (window) && (store = sk_window_get_store (SK_WINDOW (window))) != NULL &&
      find_window (self, store, NULL) == NULL)
    g_hash_table_remove (self->keys, sk_store_get_path (store));
}

static void
sk_application_startup (GApplication *application)
{
  SkApplication *self = SK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.lock", { "<Control>l", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-conversation", { "<Control>n", NULL } },
    { "win.new-child", { "<Control><Shift>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.child-view", { "F11", NULL } },
    { "win.leave-child-view", { "<Control>F11", NULL } },
    { "win.summary", { "<Control>p", NULL } },
    { "win.back", { "<Alt>Left", NULL } },
    { "win.show-help-overlay", { "<Control>question", "F1", NULL } },
  };
  g_autofree char *language = NULL;

  sk_trace_mark ("startup");
  /* Pango reads the fontconfig configuration and font list in a thread
   * of its own when the font map is made: make it now, so that this runs
   * while GTK opens the display, not when the first label is measured. */
  pango_cairo_font_map_get_default ();
  sk_i18n_init ();
  self->settings = sk_settings_new ();
  language = g_settings_get_string (self->settings, "language");
  sk_i18n_set_language (language);
  /* After the language: a message of the opening is in it. */
  prefetch_asked (self);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);

  sk_trace_mark ("settings");
  gtk_init ();
  forget_gtk_theme ();
  sk_renderer_forget_choice ();
  sk_trace_mark ("gtk-init");
  adw_init ();
  sk_trace_mark ("adw-init");
  G_APPLICATION_CLASS (sk_application_parent_class)->startup (application);
  sk_trace_mark ("app-css");
  load_icon_theme_in_thread ();

  /* A saved PDF or journal is often named after the child: GTK would put
   * it in ~/.local/share/recently-used.xbel, and so in other programs'
   * Recent lists.  Nothing goes there. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  sk_blink_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
#ifdef G_OS_UNIX
  g_unix_signal_add (SIGTERM, terminate_cb, self);
  g_unix_signal_add (SIGHUP, terminate_cb, self);
  g_unix_signal_add (SIGINT, terminate_cb, self);
#endif
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect (self, "window-removed", G_CALLBACK (window_removed_cb), NULL);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, 0);
  toplevels_changed_cb (gtk_window_get_toplevels (), 0, 0,
                        g_list_model_get_n_items (gtk_window_get_toplevels ()), self);
}

static void
sk_application_shutdown (GApplication *application)
{
  SkApplication *self = SK_APPLICATION (application);

  G_APPLICATION_CLASS (sk_application_parent_class)->shutdown (application);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->prefetch, open_job_free);
  remove_demo_dir (self);
}

static void
sk_application_dispose (GObject *object)
{
  SkApplication *self = SK_APPLICATION (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->prefetch, open_job_free);
  remove_demo_dir (self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->asked_path, g_free);
  g_clear_pointer (&self->covered_windows, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (sk_application_parent_class)->dispose (object);
}

static void
sk_application_class_init (SkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sk_application_dispose;
  app_class->startup = sk_application_startup;
  app_class->shutdown = sk_application_shutdown;
  app_class->command_line = sk_application_command_line;
  app_class->handle_local_options = sk_application_handle_local_options;
}

static void
sk_application_init (SkApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file instead of the usual one"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Look around with an invented child in a temporary database"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and quit"), NULL },
    { "export-summary", 0, 0, G_OPTION_ARG_INT64, NULL,
      N_("Write the parents’ summary of conversation ID as a PDF, and quit"), N_("ID") },
    { "export-journal", 0, 0, G_OPTION_ARG_INT64, NULL,
      N_("Write the journal note of conversation ID as text, and quit"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The summary’s language: da or en"), N_("LANGUAGE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to write"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->covered_windows = g_ptr_array_new_with_free_func (g_object_unref);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sk_key_unref);
}

SkApplication *
sk_application_new (GApplicationFlags flags)
{
  return g_object_new (SK_TYPE_APPLICATION,
                       "application-id", SK_APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/dk/samtalekuffert/Samtalekuffert",
                       NULL);
}

GSettings *
sk_application_get_settings (SkApplication *self)
{
  g_return_val_if_fail (SK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The window that has @store, or the file at @path (resolved, as the
 * store's own path is: a link to an open file finds its window). */
static SkWindow *
find_window (SkApplication *self,
             SkStore       *store,
             const char    *path)
{
  g_autofree char *resolved = path != NULL ? sk_store_resolve_path (path) : NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SkStore *other;

      if (!SK_IS_WINDOW (l->data))
        continue;
      /* A window still asking for the passphrase of that file. */
      if ((other = sk_window_get_store (l->data)) == NULL)
        {
          if (resolved != NULL && g_strcmp0 (g_object_get_data (l->data, "sk-path"), resolved) == 0)
            return l->data;
          continue;
        }
      if (other == store || g_strcmp0 (sk_store_get_path (other), resolved) == 0)
        return l->data;
    }
  return NULL;
}

/* The passphrase page has given the key: the file opens with it, as
 * sk_application_open() would have. */
static void
key_given_cb (SkWindow      *window,
              SkKey         *key,
              SkApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (window), "sk-path");
  g_autoptr(OpenJob) job = open_job_start (g_strdup (path), FALSE, key);
  g_autoptr(SkStore) store = NULL;
  SkWindow *other;

  g_thread_join (g_steal_pointer (&job->thread));
  store = g_steal_pointer (&job->store);
  if (store == NULL)
    {
      g_autofree char *shown = g_strdup (path);

      g_printerr ("%s\n", job->error->message);
      /* Kept: "Start a New Database" opens the same file with it. */
      g_hash_table_replace (self->keys, g_strdup (path), sk_key_ref (key));
      show_open_error (self, shown, job->error);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  other = find_window (self, store, NULL);
  if (other != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (other));
      return;
    }
  g_hash_table_replace (self->keys, g_strdup (path), sk_key_ref (key));
  sk_window_set_store_listed (window, store, job->children);
  sk_trace_mark ("children-listed");
}

/* A window with the passphrase page for @path: to choose a passphrase at
 * the first start (no key files, and no encrypted file without them), or
 * to type it. */
static SkWindow *
ask_key (SkApplication  *self,
         const char     *path,
         GError        **error)
{
  g_autofree char *recovery = sk_keyring_path (path, ".recovery");
  gboolean encrypted = sk_store_file_is_encrypted (path);
  /* A recovery file alone, with no encrypted file, is a first start that
   * stopped half-way: it is made again, with a key shown this time. */
  gboolean has_keys = sk_keyring_exists (path) || (encrypted && g_file_test (recovery, G_FILE_TEST_EXISTS));
  SkWindow *window;

  if (!has_keys && encrypted)
    {
      g_autofree char *key_path = sk_keyring_path (path, ".key");
      g_autofree char *name = g_filename_display_name (key_path);

      g_set_error (error, SK_STORE_ERROR, SK_STORE_ERROR_NOT_FOUND,
                   _("The key file “%s” is missing. Without it the database cannot be opened."), name);
      return NULL;
    }
  window = sk_window_new (GTK_APPLICATION (self), NULL, self->settings);
  sk_trace_mark ("window-built");
  g_object_set_data_full (G_OBJECT (window), "sk-path", g_strdup (path), g_free);
  g_signal_connect_object (window, "key-given", G_CALLBACK (key_given_cb), self, 0);
  sk_window_ask_key (window, path, !has_keys);
  sk_trace_mark ("lock-page");
  gtk_window_present (GTK_WINDOW (window));
  sk_trace_mark ("presented");
  return window;
}

/**
 * sk_application_open:
 * @path: (nullable): a database file; %NULL for $SAMTALEKUFFERT_DATABASE or
 *   the usual one in the user's data folder
 * @demo: open a new temporary database with invented content instead
 *
 * Shows the window of that database, opening it when it is not open yet.
 *
 * Returns: (transfer none): the window
 */
SkWindow *
sk_application_open (SkApplication  *self,
                     const char     *path,
                     gboolean        demo,
                     GError        **error)
{
  g_autoptr(OpenJob) job = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(SkStore) store = NULL;
  SkWindow *window;

  g_return_val_if_fail (SK_IS_APPLICATION (self), NULL);

  chosen = choose_path (self, path, demo, error);
  if (chosen == NULL)
    return NULL;

  /* What start-up began opening, if this is it. */
  if (self->prefetch != NULL && self->prefetch->demo == demo && g_str_equal (self->prefetch->path, chosen))
    job = g_steal_pointer (&self->prefetch);
  else
    g_clear_pointer (&self->prefetch, open_job_free);

  window = find_window (self, NULL, chosen);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  /* No key yet, nor a passphrase to find it: the window asks. */
  resolved = sk_store_resolve_path (chosen);
  if (job == NULL && !demo && passphrase_from_environment () == NULL &&
      g_hash_table_lookup (self->keys, resolved) == NULL)
    return ask_key (self, resolved, error);

  /* Open the file while the window is being built. */
  sk_trace_mark ("open");
  if (job == NULL)
    job = open_job_start (g_strdup (chosen), demo, demo ? NULL : g_hash_table_lookup (self->keys, resolved));
  window = sk_window_new (GTK_APPLICATION (self), NULL, self->settings);
  sk_trace_mark ("window-built");
  g_thread_join (g_steal_pointer (&job->thread));
  sk_trace_mark ("store-joined");

  store = g_steal_pointer (&job->store);
  if (store == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_propagate_error (error, g_steal_pointer (&job->error));
      return NULL;
    }

  /* One file, one store, one window: the store may be a window's already. */
  {
    SkWindow *other = find_window (self, store, NULL);

    if (other != NULL)
      {
        gtk_window_destroy (GTK_WINDOW (window));
        gtk_window_present (GTK_WINDOW (other));
        return other;
      }
  }

  if (!demo)
    g_hash_table_replace (self->keys, g_strdup (sk_store_get_path (store)), sk_key_ref (sk_store_get_key (store)));
  sk_window_set_store_listed (window, store, job->children);
  sk_trace_mark ("children-listed");
  gtk_window_present (GTK_WINDOW (window));
  sk_trace_mark ("presented");
  return window;
}

/**
 * sk_application_restore:
 * @window: the window whose database is replaced
 * @backup: a backup of it (sk-backup.h), listed without a problem
 *
 * Writes what is pending, closes @window, puts @backup in place of its
 * database (the file that was there kept aside) and opens it again in a
 * new window.  When the backup cannot be restored, the database that was
 * there opens again, as it was.
 *
 * Returns: (transfer none) (nullable): the new window, or %NULL with
 *   @error set (a window may still be there: the old database's)
 */
SkWindow *
sk_application_restore (SkApplication  *self,
                        SkWindow       *window,
                        const char     *backup,
                        GError        **error)
{
  SkStore *store;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(SkKey) key = NULL;
  g_autoptr(GError) local = NULL;
  gpointer alive;
  SkWindow *opened;

  g_return_val_if_fail (SK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (SK_IS_WINDOW (window), NULL);

  store = sk_window_get_store (window);
  g_return_val_if_fail (store != NULL, NULL);
  if (!sk_window_finish (window, error))
    return NULL;
  path = g_strdup (sk_store_get_path (store));
  key = sk_key_ref (sk_store_get_key (store));

  /* The file is closed only when the last of the window's records lets
   * go of the store. */
  g_application_hold (G_APPLICATION (self));
  alive = store;
  g_object_add_weak_pointer (G_OBJECT (store), &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; alive != NULL && i < 400; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (alive != NULL)
        g_usleep (5000);
    }
  if (alive != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (alive), &alive);
      g_set_error_literal (&local, SK_STORE_ERROR, SK_STORE_ERROR_IN_USE,
                           _("The database is still in use, so the backup was not restored. Nothing was changed."));
    }
  else
    aside = sk_backup_restore (path, backup, key, &local);

  g_hash_table_replace (self->keys, g_strdup (path), sk_key_ref (key));
  opened = sk_application_open (self, path, FALSE, error);
  g_application_release (G_APPLICATION (self));
  if (opened == NULL)
    return NULL;
  if (aside == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  {
    g_autofree char *name = g_path_get_basename (aside);
    /* Translators: %s is the name of a file next to the database */
    g_autofree char *message = g_strdup_printf (_("The backup is restored. What was here before is kept as “%s”."), name);

    sk_window_say (opened, message, TRUE);
  }
  return opened;
}

/**
 * sk_application_open_or_explain:
 *
 * Like sk_application_open(), but when the database cannot be opened, says
 * why in a dialog — and for a damaged file offers to start anew.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when a dialog
 *   explains why there is none
 */
SkWindow *
sk_application_open_or_explain (SkApplication *self,
                                const char    *path,
                                gboolean       demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  SkWindow *window;

  g_return_val_if_fail (SK_IS_APPLICATION (self), NULL);

  window = sk_application_open (self, path, demo, &error);
  if (window != NULL)
    return window;

  shown = sk_store_choose_path (path);
  g_printerr ("%s\n", error->message);
  show_open_error (self, shown, error);
  return NULL;
}
