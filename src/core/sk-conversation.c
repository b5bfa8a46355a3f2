/* sk-conversation.c — one conversation with a child */
#include "sk-conversation.h"

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
    g_param_spec_string ("place", NULL, NULL, "", flags),
    g_param_spec_string ("participants", NULL, NULL, "", flags),
    g_param_spec_string ("purpose", NULL, NULL, "", flags),
    /* What the child said, in the child's own words. */
    g_param_spec_string ("child-words", NULL, NULL, "", flags),
    g_param_spec_string ("agreements", NULL, NULL, "", flags),
    g_param_spec_string ("next-steps", NULL, NULL, "", flags),
    /* The caseworker's own notes: never shown to the child, never printed
     * for the parents. */
    g_param_spec_string ("private-notes", NULL, NULL, "", flags),
    /* The child's choice: may the parents see the network map?  Each
     * person on it can still be hidden. */
    g_param_spec_boolean ("network-shared", NULL, NULL, FALSE, flags),
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
