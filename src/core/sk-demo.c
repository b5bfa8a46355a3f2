/* sk-demo.c — an invented child to show every screen with
 *
 * Everything here is made up.  The texts are in the language the program
 * runs in, so a Danish caseworker sees a Danish demo.
 */
#include "config.h"

#include "sk-demo.h"
#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-emotion.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  const char *key;
  int         face;
  const char *feelings;
  const char *words;   /* N_() */
  gboolean    shared;
} DemoRating;

static const DemoRating first_faces[] = {
  { "home", 3, "worried", NULL, FALSE },
  { "school", 2, "sad,confused", N_("Mornings are a rush and I am often late."), TRUE },
  { "friends", 5, "happy", NULL, TRUE },
  { NULL }
};

static const DemoRating second_faces[] = {
  { "home", 4, "safe,calm", N_("We have breakfast together now."), TRUE },
  { "school", 4, "proud", N_("I walk to school with my friend."), TRUE },
  { "friends", 5, "happy,safe", NULL, TRUE },
  { "myself", 3, "", NULL, FALSE },
  { NULL }
};

/* Chooses faces on the default topics of @conversation. */
static gboolean
rate_topics (SkStore           *store,
             SkConversation    *conversation,
             const DemoRating  *ratings,
             GError           **error)
{
  g_autoptr(GListStore) topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), TRUE, error);

  if (topics == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topics)); i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);

      for (const DemoRating *r = ratings; r->key != NULL; r++)
        if (g_str_equal (sk_record_get_string (SK_RECORD (rating), "topic-key"), r->key))
          g_object_set (rating,
                        "face", r->face,
                        "feelings", r->feelings,
                        "child-words", r->words ? _(r->words) : "",
                        "shared", r->shared,
                        NULL);
    }
  return sk_store_flush (store, error);
}

gboolean
sk_demo_fill (SkStore  *store,
              GError  **error)
{
  g_autoptr(SkChild) child = NULL;
  g_autoptr(SkConversation) first = NULL;
  g_autoptr(SkConversation) second = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -42);
  g_autoptr(GDateTime) first_at = g_date_time_new_local (g_date_time_get_year (earlier),
                                                         g_date_time_get_month (earlier),
                                                         g_date_time_get_day_of_month (earlier),
                                                         14, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      9, 30, 0);

  g_return_val_if_fail (SK_IS_STORE (store), FALSE);

  /* Translators: the invented child in the demo; any short first name */
  child = sk_child_new (_("Alma"));
  g_object_set (child,
                "birth-year", g_date_time_get_year (now) - 10,
                "case-ref", "DEMO-0001",
                /* Translators: the demo child's language */
                "language", _("Danish"),
                NULL);
  if (!sk_store_insert (store, child, error))
    return FALSE;

  first = sk_conversation_new (sk_record_get_id (SK_RECORD (child)),
                               g_date_time_to_unix (first_at));
  g_object_set (first,
                "place", _("The conversation room at the family centre"),
                "participants", _("Alma and her caseworker"),
                "purpose", _("Getting to know each other and talking about school"),
                "child-words", _("I like drawing and playing football at break time. "
                                 "Mornings are hard because everybody is in a hurry."),
                "agreements", _("We will meet again in six weeks. Alma may bring a drawing."),
                "next-steps", _("The caseworker talks with the school about quieter mornings."),
                "private-notes", _("Alma was quiet at first and opened up when we talked about football."),
                NULL);
  if (!sk_store_insert (store, first, error))
    return FALSE;

  if (!rate_topics (store, first, first_faces, error))
    return FALSE;

  second = sk_conversation_new (sk_record_get_id (SK_RECORD (child)),
                                g_date_time_to_unix (today));
  g_object_set (second,
                "place", _("The conversation room at the family centre"),
                "participants", _("Alma and her caseworker"),
                "purpose", _("Following up on the mornings at home and at school"),
                "child-words", _("Mornings are better now. I get to walk to school with my friend."),
                "agreements", _("Alma tells her teacher when a day is hard."),
                "next-steps", _("We talk again before the summer holidays."),
                "private-notes", _("Follow up with the school in two weeks."),
                NULL);
  return sk_store_insert (store, second, error) &&
         rate_topics (store, second, second_faces, error);
}
