/* test-promise.c — the promise to the child, kept everywhere: driven with
 * real key presses and clicks through the X server */
#include "sk-application.h"
#include "sk-child-dialog.h"
#include "sk-store.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-gui.h"

#include <string.h>

static SkApplication *app;

static SkWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  SkWindow *window = sk_application_open (app, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  sk_test_iterate (200);
  return window;
}

static void
close_window (SkWindow *window)
{
  GtkWindow *dialog;

  while ((dialog = sk_test_find_toplevel (GTK_TYPE_WINDOW)) != NULL && dialog != GTK_WINDOW (window))
    gtk_window_destroy (dialog);
  gtk_window_close (GTK_WINDOW (window));
  sk_test_iterate (50);
}

static gboolean
dialog_shown (gpointer data)
{
  return sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG) != NULL;
}

/* Typing a name with a space in it never presses a button. */
static void
test_type_a_new_child (void)
{
  g_autofree char *path = sk_test_path ("new-child.db");
  SkWindow *window = open_window (path);
  g_autofree char *stored = NULL;

  sk_test_focus_window (GTK_WINDOW (window));
  sk_test_press ("<Control><Shift>n");
  g_assert_true (sk_test_wait_for (dialog_shown, NULL, 2000));
  sk_test_iterate (200);
  sk_test_focus_window (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_type ("Mikkel Sørensen");
  g_assert_nonnull (sk_test_find_toplevel (SK_TYPE_CHILD_DIALOG));
  sk_test_press ("Return");
  sk_test_iterate (200);
  stored = sk_test_sql (path, "SELECT group_concat(name) FROM children");
  g_assert_cmpstr (stored, ==, "Mikkel Sørensen");
  close_window (window);
}

int
main (int argc, char *argv[])
{
  app = sk_test_app_start (&argc, &argv);
  g_test_add_func ("/promise/type-a-new-child", test_type_a_new_child);
  return sk_test_app_run (&app);
}
