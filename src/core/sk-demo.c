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
#include "sk-network.h"

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

typedef struct
{
  const char *name;
  const char *relation;   /* N_() */
  const char *avatar;
  int         sector;
  int         ring;
  double      along;      /* 0 … 1 across the sector, clockwise */
  double      out;        /* 0 … 1 from the ring's inner edge */
  gboolean    can_talk;
  gboolean    worried;
} DemoPerson;

/* Invented people for the invented child. */
static const DemoPerson demo_people[] = {
  { "Hanne", N_("mum"), "person-adult", SK_SECTOR_FAMILY, 0, 0.62, 0.5, TRUE, FALSE },
  { "Jonas", N_("dad"), "person-adult", SK_SECTOR_FAMILY, 1, 0.25, 0.45, FALSE, TRUE },
  { "Lily", N_("little sister"), "person-baby", SK_SECTOR_FAMILY, 0, 0.2, 0.55, FALSE, FALSE },
  { "Grethe", N_("grandma"), "person-older", SK_SECTOR_FAMILY, 1, 0.72, 0.5, TRUE, FALSE },
  { "Bella", N_("our dog"), "person-pet", SK_SECTOR_FAMILY, 2, 0.5, 0.5, FALSE, FALSE },
  { "Noah", N_("best friend"), "person-child", SK_SECTOR_FRIENDS, 0, 0.5, 0.5, TRUE, FALSE },
  { "Sofie", N_("friend from football"), "person-child", SK_SECTOR_FRIENDS, 1, 0.7, 0.5, FALSE, FALSE },
  { "Malik", N_("classmate"), "person-child", SK_SECTOR_FRIENDS, 2, 0.3, 0.5, FALSE, FALSE },
  { "Birthe", N_("teacher"), "person-adult", SK_SECTOR_SCHOOL, 1, 0.4, 0.5, FALSE, FALSE },
  { "Karim", N_("football coach"), "person-adult", SK_SECTOR_SCHOOL, 2, 0.75, 0.5, TRUE, FALSE },
  { "Jette", N_("school counsellor"), "person-adult", SK_SECTOR_HELPERS, 1, 0.6, 0.5, FALSE, FALSE },
  { "Søren", N_("caseworker"), "person-adult", SK_SECTOR_HELPERS, 2, 0.3, 0.5, FALSE, FALSE },
};

static gboolean
place_people (SkStore         *store,
              SkConversation  *conversation,
              guint            n_people,
              GError         **error)
{
  gint64 id = sk_record_get_id (SK_RECORD (conversation));
  g_autoptr(GListStore) people = sk_network_list (store, id, error);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < n_people && i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *p = &demo_people[i];
      g_autoptr(SkNetworkPerson) person = NULL;
      double start, end;
      SkNetworkPolar place;

      sk_network_sector_span (p->sector, &start, &end);
      place.angle = start + (end - start) * (0.1 + 0.8 * p->along);
      place.distance = sk_network_ring_inner (p->ring) +
                       (sk_network_ring_outer (p->ring) - sk_network_ring_inner (p->ring)) * (0.2 + 0.6 * p->out);
      person = sk_network_person_new (id, p->name, _(p->relation), p->avatar, place);
      g_object_set (person, "can-talk", p->can_talk, "worried", p->worried, NULL);
      if (!sk_network_add (store, people, person, error))
        return FALSE;
    }
  return TRUE;
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

  if (!rate_topics (store, first, first_faces, error) ||
      !place_people (store, first, G_N_ELEMENTS (demo_people) - 1, error))
    return FALSE;
  /* Last time Alma let her parents read her words and see her map. */
  g_object_set (first, "network-shared", TRUE, "child-words-shared", TRUE, NULL);

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
  /* Today's map is left for Alma to make, starting from last time's. */
  return sk_store_insert (store, second, error) &&
         rate_topics (store, second, second_faces, error);
}
