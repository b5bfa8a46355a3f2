/* sk-durability-writer.c — edits a store until it is killed
 *
 * Used by test-store: it adds a child every 50 ms and prints "child N"
 * once the insert has returned, and types into a conversation every 10 ms
 * as a person would, printing "typed N TIME" (monotonic µs).  The test
 * kills it with SIGKILL and checks what reached the file.
 */
#include "sk-store.h"
#include "sk-child.h"
#include "sk-conversation.h"

#include <stdio.h>
#include <stdlib.h>

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

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  if (argc != 2)
    return 2;

  store = sk_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  child = sk_child_new ("Typist");
  if (!sk_store_insert (store, child, &error))
    g_error ("%s", error->message);
  conversation = sk_conversation_new (sk_record_get_id (SK_RECORD (child)), 1700000000);
  if (!sk_store_insert (store, conversation, &error))
    g_error ("%s", error->message);
  printf ("ready %" G_GINT64_FORMAT "\n", sk_record_get_id (SK_RECORD (conversation)));
  fflush (stdout);

  g_timeout_add (10, type_cb, NULL);
  g_timeout_add (50, add_child_cb, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
