/* sk-network.h — "My network": the people in the child's life, placed
 * around the child */
#pragma once

#include "sk-conversation.h"
#include "sk-word.h"
#include "sk-network-geometry.h"
#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_SECTOR_FAMILY,
  SK_SECTOR_FRIENDS,
  SK_SECTOR_SCHOOL,
  SK_SECTOR_HELPERS,
} SkSector;

const char   *sk_network_sector_label (int sector);
const char   *sk_network_ring_label   (int ring);
/* The pictures a person can have: key (the picture's name) and label. */
const SkWord *sk_network_avatars      (guint *n_avatars);
const char   *sk_network_avatar_label (const char *key);

#define SK_TYPE_NETWORK_PERSON (sk_network_person_get_type ())
G_DECLARE_FINAL_TYPE (SkNetworkPerson, sk_network_person, SK, NETWORK_PERSON, SkRecord)

SkNetworkPerson *sk_network_person_new          (gint64           conversation_id,
                                                 const char      *name,
                                                 const char      *relation,
                                                 const char      *avatar,
                                                 SkNetworkPolar   place);
SkNetworkPolar   sk_network_person_get_place    (SkNetworkPerson *self);
/* Moves the person: angle and distance in one transaction. */
gboolean         sk_network_person_move         (SkNetworkPerson *self,
                                                 SkStore         *store,
                                                 SkNetworkPolar   place,
                                                 GError         **error);
int              sk_network_person_get_sector   (SkNetworkPerson *self);
int              sk_network_person_get_ring     (SkNetworkPerson *self);
/* Who they are, for a screen reader: "Grandma, Family, closest to me". */
char            *sk_network_person_dup_description (SkNetworkPerson *self);

/* The people on a conversation's map, in the order they were added. */
GListStore      *sk_network_list                (SkStore          *store,
                                                 gint64            conversation_id,
                                                 GError          **error);
/* Adds @person (a new record) to the map @people and the store. */
gboolean         sk_network_add                 (SkStore          *store,
                                                 GListStore       *people,
                                                 SkNetworkPerson  *person,
                                                 GError          **error);

/* This child's latest earlier conversation with people on its map, or
 * NULL (and no error) when there is none. */
SkConversation  *sk_network_previous            (SkStore          *store,
                                                 SkConversation   *conversation,
                                                 GError          **error);
/* Copies every person on @from's map to @people, the map of
 * @conversation_id, in one transaction; each copy remembers where it came
 * from ("origin-id"), so the changes since then can be shown. */
gboolean         sk_network_copy                (SkStore          *store,
                                                 GListStore       *people,
                                                 gint64            conversation_id,
                                                 SkConversation   *from,
                                                 GError          **error);

/* A person as the parents' summary shows them: the data of its picture
 * (SK_SUMMARY_PICTURE, an array of these). */
typedef struct
{
  char          *name;
  char          *relation;
  char          *avatar;
  gboolean       can_talk;
  gboolean       worried;
  SkNetworkPolar place;
} SkNetworkShown;

G_END_DECLS
