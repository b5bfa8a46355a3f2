/* sk-conversation.c — one conversation with a child */
#include "sk-conversation.h"
#include "sk-store-private.h"

struct _SkConversation
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkConversation, sk_conversation, SK_TYPE_RECORD)

static void
sk_conversation_class_init (SkConversationClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* Unix time, UTC; shown in local time. */
    g_param_spec_int64 ("started-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    sk_record_single_line (g_param_spec_string ("place", NULL, NULL, "", flags)),
    sk_record_single_line (g_param_spec_string ("participants", NULL, NULL, "", flags)),
    sk_record_single_line (g_param_spec_string ("purpose", NULL, NULL, "", flags)),
    /* What the child said, in the child's own words. */
    g_param_spec_string ("child-words", NULL, NULL, "", flags),
    /* The child's choice: may the parents read the child's own words? */
    g_param_spec_boolean ("child-words-shared", NULL, NULL, FALSE, flags),
    g_param_spec_string ("agreements", NULL, NULL, "", flags),
    g_param_spec_string ("next-steps", NULL, NULL, "", flags),
    /* The caseworker's own notes: never shown to the child, never printed
     * for the parents. */
    g_param_spec_string ("private-notes", NULL, NULL, "", flags),
    /* The child's choice: may the parents see the network map?  Each
     * person on it can still be hidden. */
    g_param_spec_boolean ("network-shared", NULL, NULL, FALSE, flags),
    /* "What happened with what you said last time": the caseworker's
     * answer, gone through with the child, and the child's choice whether
     * the parents may see it. */
    g_param_spec_string ("feedback", NULL, NULL, "", flags),
    g_param_spec_boolean ("feedback-shared", NULL, NULL, FALSE, flags),
    /* The next meeting: Unix time (0: not agreed yet), and where. */
    g_param_spec_int64 ("next-meeting-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    sk_record_single_line (g_param_spec_string ("next-meeting-place", NULL, NULL, "", flags)),
    /* The child's choice: may the parents read the letter to the child? */
    g_param_spec_boolean ("letter-shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "conversations";
  record_class->order_by = "started_at DESC, id DESC";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_conversation_init (SkConversation *self)
{
}

SkConversation *
sk_conversation_new (gint64 child_id,
                     gint64 started_at)
{
  return g_object_new (SK_TYPE_CONVERSATION,
                       "child-id", child_id,
                       "started-at", started_at,
                       NULL);
}

gint64
sk_conversation_get_child_id (SkConversation *self)
{
  return sk_record_get_int64 (SK_RECORD (self), "child-id");
}

gint64
sk_conversation_get_started_at (SkConversation *self)
{
  return sk_record_get_int64 (SK_RECORD (self), "started-at");
}

GDateTime *
sk_conversation_dup_local_time (SkConversation *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sk_conversation_get_started_at (self));

  return utc ? g_date_time_to_local (utc) : NULL;
}

const char *
sk_conversation_get_text (SkConversation *self,
                          const char     *property)
{
  return sk_record_get_string (SK_RECORD (self), property);
}

SkConversation *
sk_conversation_previous (SkConversation  *self,
                          SkStore         *store,
                          const char      *condition,
                          GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 started_at, id = 0;
  int rc;

  g_return_val_if_fail (SK_IS_CONVERSATION (self), NULL);
  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT c.id FROM conversations c "
                         "WHERE c.child_id = ? AND c.trashed = 0 AND c.id != ? "
                         "AND (c.started_at < ? OR (c.started_at = ? AND c.id < ?)) %s%s "
                         "ORDER BY c.started_at DESC, c.id DESC LIMIT 1",
                         condition != NULL ? "AND " : "", condition != NULL ? condition : "");
  started_at = sk_conversation_get_started_at (self);
  stmt = sk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sk_conversation_get_child_id (self));
  sqlite3_bind_int64 (stmt, 2, sk_record_get_id (SK_RECORD (self)));
  sqlite3_bind_int64 (stmt, 3, started_at);
  sqlite3_bind_int64 (stmt, 4, started_at);
  sqlite3_bind_int64 (stmt, 5, sk_record_get_id (SK_RECORD (self)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sk_store_set_error (store, rc, error);
      return NULL;
    }
  if (id == 0)
    return NULL;
  return sk_store_load (store, SK_TYPE_CONVERSATION, id, error);
}
