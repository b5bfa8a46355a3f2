/* sk-durability-writer.c — edits a store until it is killed
 *
 * Used by test-store: it adds a child every 50 ms and prints "child N"
 * once the insert has returned, and types into a conversation every 10 ms
 * as a person would, printing "typed N TIME" (monotonic µs).  The test
 * kills it with SIGKILL and checks what reached the file.
 *
 *   sk-durability-writer [--until-eof] PATH [LINK]
 *   sk-durability-writer --open PATH
 *
 * With LINK (another name of the same file) it opens the file a second
 * time through that name, prints "same 1" when that gave the same store,
 * lets a plain SQLite reader open and close the file through it, and
 * types through the second store.  With --until-eof it closes the store
 * and prints "closed" once its standard input ends.  --open only opens
 * PATH and prints "opened", or "error CODE MESSAGE".
 */
#include "sk-backup.h"
#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-test-util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SkStore *store;
static SkConversation *conversation;
static guint typed;
static guint children;

static gboolean
type_cb (gpointer user_data)
{
  g_autofree char *text = g_strdup_printf ("edit %u", ++typed);

  g_object_set (conversation, "child-words", text, NULL);
  printf ("typed %u %" G_GINT64_FORMAT "\n", typed, g_get_monotonic_time ());
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static gboolean
add_child_cb (gpointer user_data)
{
  g_autofree char *name = g_strdup_printf ("Child %u", ++children);
  g_autoptr(SkChild) child = sk_child_new (name);
  g_autoptr(GError) error = NULL;

  if (!sk_store_insert (store, child, &error))
    g_error ("%s", error->message);
  printf ("child %u\n", children);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      user_data)
{
  char buffer[256];
  gsize n = 0;

  if ((condition & G_IO_IN) != 0 &&
      g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) == G_IO_STATUS_NORMAL &&
      n > 0)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* What any other program reading the file does: open, read, close. */
static void
read_and_close (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !sk_key_apply (sk_test_key (), db, NULL, NULL) ||
      sqlite3_exec (db, "SELECT count(*) FROM children", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("the reader failed: %s", sqlite3_errmsg (db));
  sqlite3_close (db);
}

static int
open_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) opened = sk_test_store_open (path, &error);

  if (opened == NULL)
    {
      printf ("error %d %s\n", error->code, error->message);
      return 1;
    }
  printf ("opened\n");
  return 0;
}

/* A backup into @folder (a full one, in the test), then the work goes
 * on: a child written after it. */
static int
backup_then_write (const char *path,
                   const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkStore) opened = sk_test_store_open (path, &error);
  g_autoptr(SkChild) child = NULL;
  g_autofree char *made = NULL;
  g_autofree char *n = NULL;

  if (opened == NULL)
    {
      printf ("error %d %s\n", error->code, error->message);
      return 1;
    }
  made = sk_backup_write (path, sk_test_key (), folder, &error);
  if (made != NULL)
    printf ("made %s\n", made);
  else
    printf ("error %d %s\n", error->code, error->message);
  g_clear_error (&error);
  child = sk_child_new ("After the backup");
  if (!sk_store_insert (opened, child, &error) || !sk_store_flush (opened, &error))
    {
      printf ("lost %s\n", error->message);
      return 1;
    }
  g_clear_object (&opened);
  n = sk_test_sql (path, "SELECT count(*) FROM children WHERE name = 'After the backup'");
  printf ("written %s\n", n);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(SkStore) second = NULL;
  gboolean until_eof = FALSE;
  gint64 id;

  if (argc == 3 && strcmp (argv[1], "--open") == 0)
    return open_only (argv[2]);
  if (argc == 4 && strcmp (argv[1], "--backup") == 0)
    return backup_then_write (argv[2], argv[3]);
  if (argc > 1 && strcmp (argv[1], "--until-eof") == 0)
    {
      until_eof = TRUE;
      argv++;
      argc--;
    }
  if (argc != 2 && argc != 3)
    return 2;

  store = sk_test_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  child = sk_child_new ("Typist");
  if (!sk_store_insert (store, child, &error))
    g_error ("%s", error->message);
  conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1700000000);
  if (!sk_store_insert (store, conversation, &error))
    g_error ("%s", error->message);
  id = sk_record_get_id (SK_RECORD (conversation));

  if (argc == 3)
    {
      second = sk_test_store_open (argv[2], &error);
      if (second == NULL)
        g_error ("%s", error->message);
      printf ("same %d\n", second == store);
      read_and_close (argv[2]);
      /* From now on typed into the record the second store gives. */
      g_clear_object (&conversation);
      conversation = sk_store_load (second, SK_TYPE_CONVERSATION, id, &error);
      if (conversation == NULL)
        g_error ("%s", error->message);
    }

  printf ("ready %" G_GINT64_FORMAT "\n", id);
  fflush (stdout);

  g_timeout_add (10, type_cb, NULL);
  g_timeout_add (50, add_child_cb, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  if (until_eof)
    {
      GIOChannel *channel = g_io_channel_unix_new (0);

      g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, loop);
      g_io_channel_unref (channel);
    }
  g_main_loop_run (loop);

  g_clear_object (&conversation);
  g_clear_object (&second);
  g_clear_object (&store);
  printf ("closed\n");
  fflush (stdout);
  return 0;
}
