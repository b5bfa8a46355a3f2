/* sk-access.c — everything about one child, for an access request */
#include "config.h"

#include "sk-access.h"
#include "sk-conversation.h"
#include "sk-format.h"
#include "sk-language.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Oldest first: the record is read as it happened. */
static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ta = sk_conversation_get_started_at (*(SkConversation * const *) a);
  gint64 tb = sk_conversation_get_started_at (*(SkConversation * const *) b);

  return ta < tb ? -1 : ta > tb;
}

/**
 * sk_access_build:
 *
 * Returns: (transfer full): a document of the child's whole record: who,
 *   when it was made and what it holds, then each conversation in turn
 *   with everything the journal note of it has
 */
SkSummary *
sk_access_build (SkStore     *store,
                 SkChild     *child,
                 const char  *language,
                 gboolean     own_notes,
                 GError     **error)
{
  g_autoptr(SkSummary) paper = NULL;
  g_autoptr(GListStore) conversations = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  g_autofree char *who = NULL;
  char *previous;
  guint n;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CHILD (child), NULL);

  if (!sk_store_flush (store, error))
    return NULL;
  conversations = sk_store_list (store, SK_TYPE_CONVERSATION, "child_id",
                                 sk_record_get_id (SK_RECORD (child)), error);
  if (conversations == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (conversations));
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (G_LIST_MODEL (conversations), i));
  g_ptr_array_sort (sorted, compare_oldest_first);

  previous = sk_language_push (language);
  paper = sk_summary_new (language, sk_child_get_name (child));
  /* Translators: the title of the record given on an access request; %s is the child's full name */
  sk_summary_add_block (paper, SK_SUMMARY_TITLE, g_strdup_printf (_("Everything about %s"), sk_child_get_name (child)));
  today = sk_format_date (now);
  who = *sk_child_get_case_ref (child) != '\0'
        /* Translators: under the title of the access request: case number, the date it was made */
        ? g_strdup_printf (_("Case %s · made on %s"), sk_child_get_case_ref (child), today)
        /* Translators: under the title of the access request: the date it was made */
        : g_strdup_printf (_("Made on %s"), today);
  sk_summary_add_block (paper, SK_SUMMARY_META, g_steal_pointer (&who));
  sk_summary_add_block (paper, SK_SUMMARY_PARAGRAPH,
                        g_strdup (own_notes
                                  ? _("This is everything Samtalekuffert holds about the child: every conversation, "
                                      "and in each what the child said and chose, whether it was shared with the "
                                      "parents or not. The caseworker’s own notes are included.")
                                  : _("This is everything Samtalekuffert holds about the child: every conversation, "
                                      "and in each what the child said and chose, whether it was shared with the "
                                      "parents or not. The caseworker’s own working notes are not included.")));
  if (sorted->len == 0)
    sk_summary_add_block (paper, SK_SUMMARY_PARAGRAPH, g_strdup (_("There are no conversations yet.")));

  for (guint i = 0; i < sorted->len; i++)
    {
      SkConversation *conversation = sorted->pdata[i];
      g_autoptr(GDateTime) when = sk_conversation_dup_local_time (conversation);
      g_autofree char *journal = sk_journal_build (store, conversation, own_notes, error);
      const char *body;

      if (journal == NULL)
        {
          sk_language_pop (previous);
          return NULL;
        }
      /* The journal note's first lines name the child and the time: the
       * heading says the time, the title the child. */
      body = journal;
      for (guint lines = 0; lines < 2 && strchr (body, '\n') != NULL; lines++)
        body = strchr (body, '\n') + 1;
      while (*body == '\n')
        body++;
      sk_summary_add_block (paper, SK_SUMMARY_HEADING, sk_format_date_time (when));
      sk_summary_add_block (paper, SK_SUMMARY_PARAGRAPH, g_strdup (body));
    }
  sk_language_pop (previous);
  return g_steal_pointer (&paper);
}
