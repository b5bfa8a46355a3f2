/* sk-network.c — "My network": the people in the child's life */
#include "config.h"

#include "sk-network.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>

struct _SkNetworkPerson
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkNetworkPerson, sk_network_person, SK_TYPE_RECORD)

/* In the order of SkSector: clockwise from top left. */
static const char * const sector_labels[] = {
  N_("Family"),
  N_("Friends"),
  N_("School and free time"),
  N_("Grown-ups who help"),
};

/* With a context: "Close" is also a button elsewhere. */
static const char * const ring_labels[] = {
  NC_("network ring", "Closest to me"),
  NC_("network ring", "Close"),
  NC_("network ring", "A bit further away"),
};

static const SkWord avatars[] = {
  { "person-child", N_("Child") },
  { "person-adult", N_("Adult") },
  { "person-older", N_("Older adult") },
  { "person-baby", N_("Baby") },
  { "person-pet", N_("Pet") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sector_labels) == SK_NETWORK_N_SECTORS);
G_STATIC_ASSERT (G_N_ELEMENTS (ring_labels) == SK_NETWORK_N_RINGS);

const char *
sk_network_sector_label (int sector)
{
  return _(sector_labels[CLAMP (sector, 0, SK_NETWORK_N_SECTORS - 1)]);
}

const char *
sk_network_ring_label (int ring)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "network ring", ring_labels[CLAMP (ring, 0, SK_NETWORK_N_RINGS - 1)]);
}

const SkWord *
sk_network_avatars (guint *n_avatars)
{
  *n_avatars = G_N_ELEMENTS (avatars);
  return avatars;
}

const char *
sk_network_avatar_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (avatars); i++)
    if (g_strcmp0 (avatars[i].key, key) == 0)
      return _(avatars[i].label);
  return _(avatars[1].label);
}

static void
sk_network_person_class_init (SkNetworkPersonClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* The order people were added in: the order Tab visits them. */
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    sk_record_single_line (g_param_spec_string ("name", NULL, NULL, "", flags)),
    /* Who they are to the child, in the child's words: "mormor". */
    sk_record_single_line (g_param_spec_string ("relation", NULL, NULL, "", flags)),
    /* The picture: one of the keys of sk_network_avatars(). */
    sk_record_choice (g_param_spec_string ("avatar", NULL, NULL, "person-adult", flags)),
    /* Where the child put them (see sk-network-geometry.h); the ring and
     * the sector follow from these. */
    g_param_spec_double ("angle", NULL, NULL, -G_PI, G_PI, 0, flags),
    g_param_spec_double ("distance", NULL, NULL, 0, 1, 0.6, flags),
    /* The child's two marks. */
    g_param_spec_boolean ("can-talk", NULL, NULL, FALSE, flags),
    g_param_spec_boolean ("worried", NULL, NULL, FALSE, flags),
    /* May the parents see this person?  The child can hide one person
     * from the parents' copy of the map. */
    g_param_spec_boolean ("shared", NULL, NULL, TRUE, flags),
    /* The person on the previous map this one was copied from, or 0. */
    g_param_spec_int64 ("origin-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    NULL
  };

  record_class->table = "network_people";
  record_class->order_by = "position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_network_person_init (SkNetworkPerson *self)
{
}

SkNetworkPerson *
sk_network_person_new (gint64          conversation_id,
                       const char     *name,
                       const char     *relation,
                       const char     *avatar,
                       SkNetworkPolar  place)
{
  return g_object_new (SK_TYPE_NETWORK_PERSON,
                       "conversation-id", conversation_id,
                       "name", name,
                       "relation", relation,
                       "avatar", avatar,
                       "angle", CLAMP (place.angle, -G_PI, G_PI),
                       "distance", CLAMP (place.distance, 0, 1),
                       NULL);
}

SkNetworkPolar
sk_network_person_get_place (SkNetworkPerson *self)
{
  double angle, distance;

  g_object_get (self, "angle", &angle, "distance", &distance, NULL);
  return (SkNetworkPolar) { angle, distance };
}

gboolean
sk_network_person_move (SkNetworkPerson  *self,
                        SkStore          *store,
                        SkNetworkPolar    place,
                        GError          **error)
{
  g_return_val_if_fail (SK_IS_NETWORK_PERSON (self), FALSE);
  g_return_val_if_fail (SK_IS_STORE (store), FALSE);

  if (!sk_store_begin (store, error))
    return FALSE;
  g_object_set (self,
                "angle", CLAMP (place.angle, -G_PI, G_PI),
                "distance", CLAMP (place.distance, 0, 1),
                NULL);
  if (!sk_store_flush (store, error) || !sk_store_commit (store, error))
    {
      sk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

int
sk_network_person_get_sector (SkNetworkPerson *self)
{
  return sk_network_sector_at (sk_network_person_get_place (self).angle);
}

int
sk_network_person_get_ring (SkNetworkPerson *self)
{
  return sk_network_ring_at (sk_network_person_get_place (self).distance);
}

char *
sk_network_person_dup_description (SkNetworkPerson *self)
{
  const char *name, *relation;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SK_IS_NETWORK_PERSON (self), NULL);

  name = sk_record_get_string (SK_RECORD (self), "name");
  relation = sk_record_get_string (SK_RECORD (self), "relation");
  g_string_append (text, *name != '\0' ? name : sk_network_avatar_label (sk_record_get_string (SK_RECORD (self), "avatar")));
  if (*relation != '\0' && g_utf8_collate (relation, name) != 0)
    g_string_append_printf (text, " (%s)", relation);
  /* Translators: a person on the network map, for screen readers:
   * "Grandma, Family, closest to me" */
  g_string_append_printf (text, _(", %s, %s"),
                          sk_network_sector_label (sk_network_person_get_sector (self)),
                          sk_network_ring_label (sk_network_person_get_ring (self)));
  if (sk_record_get_boolean (SK_RECORD (self), "can-talk"))
    g_string_append_printf (text, ", %s", _("I can talk to them"));
  if (sk_record_get_boolean (SK_RECORD (self), "worried"))
    g_string_append_printf (text, ", %s", _("I worry about them"));
  if (!sk_record_get_boolean (SK_RECORD (self), "shared"))
    g_string_append_printf (text, ", %s", _("hidden from the parents"));
  return g_string_free (text, FALSE);
}

GListStore *
sk_network_list (SkStore  *store,
                 gint64    conversation_id,
                 GError  **error)
{
  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  return sk_store_list (store, SK_TYPE_NETWORK_PERSON, "conversation_id", conversation_id, error);
}

static int
next_position (GListStore *people)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));
  int position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkRecord) other = g_list_model_get_item (G_LIST_MODEL (people), i);

      position = MAX (position, sk_record_get_int (other, "position") + 1);
    }
  return position;
}

gboolean
sk_network_add (SkStore          *store,
                GListStore       *people,
                SkNetworkPerson  *person,
                GError          **error)
{
  g_return_val_if_fail (SK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (people), FALSE);
  g_return_val_if_fail (SK_IS_NETWORK_PERSON (person), FALSE);

  g_object_set (person, "position", next_position (people), NULL);
  if (!sk_store_insert (store, person, error))
    return FALSE;
  g_list_store_append (people, person);
  return TRUE;
}

SkConversation *
sk_network_previous (SkStore         *store,
                     SkConversation  *conversation,
                     GError         **error)
{
  return sk_conversation_previous (conversation, store,
                                   "EXISTS (SELECT 1 FROM network_people p "
                                   "WHERE p.conversation_id = c.id AND p.trashed = 0)",
                                   error);
}

static const char * const copied_columns[] = {
  "name", "relation", "avatar", "angle", "distance", "can-talk", "worried", "shared",
};

gboolean
sk_network_copy (SkStore         *store,
                 GListStore      *people,
                 gint64           conversation_id,
                 SkConversation  *from,
                 GError         **error)
{
  g_autoptr(GListStore) earlier = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (SK_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (people), FALSE);
  g_return_val_if_fail (SK_IS_CONVERSATION (from), FALSE);

  earlier = sk_network_list (store, sk_record_get_id (SK_RECORD (from)), error);
  if (earlier == NULL || !sk_store_begin (store, error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (earlier));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkNetworkPerson) source = g_list_model_get_item (G_LIST_MODEL (earlier), i);
      SkNetworkPerson *copy = g_object_new (SK_TYPE_NETWORK_PERSON,
                                            "conversation-id", conversation_id,
                                            "position", next_position (people) + (int) i,
                                            "origin-id", sk_record_get_id (SK_RECORD (source)),
                                            NULL);

      g_ptr_array_add (added, copy);
      for (guint c = 0; c < G_N_ELEMENTS (copied_columns); c++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (G_OBJECT (source), copied_columns[c], &value);
          g_object_set_property (G_OBJECT (copy), copied_columns[c], &value);
        }
      if (!sk_store_insert (store, copy, error))
        {
          sk_store_rollback (store);
          return FALSE;
        }
    }
  if (!sk_store_commit (store, error))
    {
      sk_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < added->len; i++)
    g_list_store_append (people, g_ptr_array_index (added, i));
  return TRUE;
}
