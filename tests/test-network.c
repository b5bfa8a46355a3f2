/* test-network.c — "My network" in core: geometry, people, last time's map */
#include "sk-network.h"
#include "sk-store.h"
#include "sk-test-util.h"
#include "sk-child.h"
#include "sk-conversation.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>

#define EPSILON 1e-9

static void
test_rings_and_sectors (void)
{
  /* Clockwise from top left on screen (y grows downwards). */
  g_assert_cmpint (sk_network_sector_at (atan2 (-1, -1)), ==, SK_SECTOR_FAMILY);
  g_assert_cmpint (sk_network_sector_at (atan2 (-1, 1)), ==, SK_SECTOR_FRIENDS);
  g_assert_cmpint (sk_network_sector_at (atan2 (1, 1)), ==, SK_SECTOR_SCHOOL);
  g_assert_cmpint (sk_network_sector_at (atan2 (1, -1)), ==, SK_SECTOR_HELPERS);
  /* Angles outside -π … π wrap around; nonsense is not a crash. */
  g_assert_cmpint (sk_network_sector_at (atan2 (1, 1) + 4 * G_PI), ==, SK_SECTOR_SCHOOL);
  g_assert_cmpint (sk_network_sector_at (G_PI), ==, SK_SECTOR_FAMILY);
  g_assert_cmpint (sk_network_sector_at (NAN), >=, 0);

  g_assert_cmpint (sk_network_ring_at (0), ==, 0);
  g_assert_cmpint (sk_network_ring_at (0.3), ==, 0);
  g_assert_cmpint (sk_network_ring_at (0.6), ==, 1);
  g_assert_cmpint (sk_network_ring_at (0.9), ==, 2);
  g_assert_cmpint (sk_network_ring_at (5), ==, 2);
  g_assert_cmpint (sk_network_ring_at (NAN), ==, 0);
  g_assert_cmpfloat_with_epsilon (sk_network_ring_inner (0), SK_NETWORK_CENTRE_RADIUS, EPSILON);
  g_assert_cmpfloat_with_epsilon (sk_network_ring_outer (2), 1, EPSILON);
  for (int ring = 0; ring + 1 < SK_NETWORK_N_RINGS; ring++)
    g_assert_cmpfloat_with_epsilon (sk_network_ring_outer (ring), sk_network_ring_inner (ring + 1), EPSILON);
}

static void
test_round_trips (void)
{
  /* Every cell's centre is in that cell, and position ↔ polar agree. */
  for (int sector = 0; sector < SK_NETWORK_N_SECTORS; sector++)
    for (int ring = 0; ring < SK_NETWORK_N_RINGS; ring++)
      {
        SkNetworkPolar centre = sk_network_cell_centre (sector, ring);
        SkNetworkPoint point = sk_network_polar_to_point (centre);
        SkNetworkPolar back = sk_network_point_to_polar (point);
        SkNetworkPolar dropped = sk_network_drop (point, 0.02);

        g_assert_cmpint (sk_network_sector_at (centre.angle), ==, sector);
        g_assert_cmpint (sk_network_ring_at (centre.distance), ==, ring);
        g_assert_cmpfloat_with_epsilon (back.angle, centre.angle, EPSILON);
        g_assert_cmpfloat_with_epsilon (back.distance, centre.distance, EPSILON);
        g_assert_cmpfloat_with_epsilon (dropped.angle, centre.angle, EPSILON);
        g_assert_cmpfloat_with_epsilon (dropped.distance, centre.distance, EPSILON);
      }

  /* Many points all over: a drop keeps the ring and sector pointed at. */
  for (int i = 0; i < 2000; i++)
    {
      double angle = -G_PI + (i * 0.6180339887 * 2 * G_PI - floor (i * 0.6180339887) * 2 * G_PI);
      double distance = SK_NETWORK_CENTRE_RADIUS + 0.001 + (i % 97) / 97.0 * (0.998 - SK_NETWORK_CENTRE_RADIUS);
      SkNetworkPolar polar = { angle, distance };
      SkNetworkPolar dropped = sk_network_drop (sk_network_polar_to_point (polar), 0.05);

      g_assert_cmpint (sk_network_sector_at (dropped.angle), ==, sk_network_sector_at (angle));
      g_assert_cmpint (sk_network_ring_at (dropped.distance), ==, sk_network_ring_at (distance));
      g_assert_cmpfloat (dropped.distance, <=, 1);
    }

  /* Dropped on the child: the closest ring, same sector.  Dropped off the
   * map: the outer ring.  Not a number: somewhere on the map. */
  {
    SkNetworkPolar on_child = sk_network_drop ((SkNetworkPoint) { 0.05, 0.05 }, 0.02);
    SkNetworkPolar outside = sk_network_drop ((SkNetworkPoint) { -3, -3 }, 0.02);
    SkNetworkPolar nonsense = sk_network_drop ((SkNetworkPoint) { NAN, INFINITY }, 0.02);

    g_assert_cmpint (sk_network_ring_at (on_child.distance), ==, 0);
    g_assert_cmpfloat (on_child.distance, >, SK_NETWORK_CENTRE_RADIUS);
    g_assert_cmpint (sk_network_sector_at (on_child.angle), ==, SK_SECTOR_SCHOOL);
    g_assert_cmpint (sk_network_ring_at (outside.distance), ==, 2);
    g_assert_cmpint (sk_network_sector_at (outside.angle), ==, SK_SECTOR_FAMILY);
    g_assert_cmpfloat (outside.distance, <, 1);
    g_assert_true (isfinite (nonsense.angle) && isfinite (nonsense.distance));
  }
}

static gboolean
boxes_overlap (SkNetworkPoint a,
               SkNetworkPoint b,
               double         w,
               double         h)
{
  return fabs (a.x - b.x) < w * 0.7 && fabs (a.y - b.y) < h * 0.7;
}

static void
test_separate (void)
{
  SkNetworkPolar places[12];
  SkNetworkPoint points[12];
  double w = 0.14, h = 0.16;

  /* Twelve people dropped in the same spot of three cells, four each. */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    places[i] = sk_network_cell_centre (i % 3, 1 + i % 2);

  sk_network_separate (places, points, G_N_ELEMENTS (places), w, h, -1);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      SkNetworkPolar now = sk_network_point_to_polar (points[i]);

      /* Nobody changed ring or sector … */
      g_assert_cmpint (sk_network_sector_at (now.angle), ==, sk_network_sector_at (places[i].angle));
      g_assert_cmpint (sk_network_ring_at (now.distance), ==, sk_network_ring_at (places[i].distance));
      /* … and nobody covers anybody else. */
      for (guint j = i + 1; j < G_N_ELEMENTS (places); j++)
        g_assert_false (boxes_overlap (points[i], points[j], w, h));
    }

  /* The person being dragged stays where the finger is. */
  places[0] = places[1];
  places[0].angle += 0.001;
  sk_network_separate (places, points, G_N_ELEMENTS (places), w, h, 0);
  {
    SkNetworkPoint pinned = sk_network_polar_to_point (places[0]);

    g_assert_cmpfloat_with_epsilon (points[0].x, pinned.x, EPSILON);
    g_assert_cmpfloat_with_epsilon (points[0].y, pinned.y, EPSILON);
    g_assert_false (boxes_overlap (points[0], points[1], w, h));
  }

  /* Going on from the last frame, a few rounds at a time, ends in the
   * same kind of layout: nobody covers anybody. */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      places[i] = sk_network_cell_centre (i % 3, 1 + i % 2);
      points[i] = sk_network_polar_to_point (places[i]);
    }
  for (int frame = 0; frame < 20; frame++)
    sk_network_separate_from (places, points, G_N_ELEMENTS (places), w, h, -1, 6);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (places); j++)
      g_assert_false (boxes_overlap (points[i], points[j], w, h));

  /* People who are apart already do not move. */
  places[0] = sk_network_cell_centre (0, 0);
  places[1] = sk_network_cell_centre (2, 2);
  sk_network_separate (places, points, 2, w, h, -1);
  g_assert_cmpfloat_with_epsilon (points[0].x, sk_network_polar_to_point (places[0]).x, EPSILON);
  g_assert_cmpfloat_with_epsilon (points[1].y, sk_network_polar_to_point (places[1]).y, EPSILON);
}

static void
test_hit (void)
{
  SkNetworkPoint points[] = { { 0, -0.5 }, { 0.05, -0.5 }, { 0.5, 0.5 } };

  /* The one drawn last is on top. */
  g_assert_cmpint (sk_network_hit (points, 3, 0.2, 0.2, (SkNetworkPoint) { 0.02, -0.5 }), ==, 1);
  g_assert_cmpint (sk_network_hit (points, 3, 0.2, 0.2, (SkNetworkPoint) { -0.09, -0.55 }), ==, 0);
  g_assert_cmpint (sk_network_hit (points, 3, 0.2, 0.2, (SkNetworkPoint) { 0.59, 0.59 }), ==, 2);
  g_assert_cmpint (sk_network_hit (points, 3, 0.2, 0.2, (SkNetworkPoint) { 0.61, 0.5 }), ==, -1);
  g_assert_cmpint (sk_network_hit (points, 3, 0.2, 0.2, (SkNetworkPoint) { 0, 0 }), ==, -1);
  g_assert_cmpint (sk_network_hit (points, 0, 0.2, 0.2, (SkNetworkPoint) { 0, -0.5 }), ==, -1);
}

static SkNetworkPerson *
add_person (SkStore    *store,
            GListStore *people,
            gint64      conversation_id,
            const char *name,
            const char *relation,
            int         sector,
            int         ring)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SkNetworkPerson) person = sk_network_person_new (conversation_id, name, relation, "person-older",
                                                             sk_network_cell_centre (sector, ring));

  g_assert_true (sk_network_add (store, people, person, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static void
test_people_stored (void)
{
  g_autofree char *path = sk_test_path ("people.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_autofree char *description = NULL;
  g_autoptr(SkNetworkPerson) grandma = NULL;
  g_autoptr(SkNetworkPerson) friend = NULL;
  gint64 id;

  g_assert_true (sk_store_insert (store, child, &error));
  conversation = sk_test_add_conversation (store, child, 1000);
  id = sk_record_get_id (SK_RECORD (conversation));
  people = sk_network_list (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);

  grandma = add_person (store, people, id, "Mormor Åse", "mormor", SK_SECTOR_FAMILY, 0);
  friend = add_person (store, people, id, "Bo 🐢", "", SK_SECTOR_FRIENDS, 2);
  g_assert_cmpint (sk_record_get_int (SK_RECORD (friend), "position"), ==, 1);

  /* In the file at once, with no flush. */
  row = sk_test_sql (path, "SELECT group_concat(name || '|' || relation || '|' || shared, ';') FROM network_people");
  g_assert_cmpstr (row, ==, "Mormor Åse|mormor|1;Bo 🐢||1");
  g_clear_pointer (&row, g_free);

  /* The marks and the choice to hide are choices: written at once. */
  g_object_set (grandma, "can-talk", TRUE, NULL);
  g_object_set (friend, "worried", TRUE, "shared", FALSE, "avatar", "person-child", NULL);
  row = sk_test_sql (path, "SELECT group_concat(can_talk || worried || shared || avatar, ';') FROM network_people");
  g_assert_cmpstr (row, ==, "101person-older;010person-child");
  g_clear_pointer (&row, g_free);

  /* A move is one transaction; ring and sector follow. */
  g_assert_true (sk_network_person_move (friend, store, sk_network_cell_centre (SK_SECTOR_HELPERS, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sk_network_person_get_sector (friend), ==, SK_SECTOR_HELPERS);
  g_assert_cmpint (sk_network_person_get_ring (friend), ==, 1);
  row = sk_test_sql (path, "SELECT round(distance, 4) FROM network_people WHERE id = 2");
  g_assert_cmpstr (row, ==, "0.6");
  g_clear_pointer (&row, g_free);

  /* What a screen reader says. */
  description = sk_network_person_dup_description (grandma);
  g_assert_cmpstr (description, ==, "Mormor Åse (mormor), Family, Closest to me, I can talk to them");
  g_clear_pointer (&description, g_free);
  description = sk_network_person_dup_description (friend);
  g_assert_cmpstr (description, ==, "Bo 🐢, Grown-ups who help, Close, I worry about them, hidden from the parents");

  /* Typed names are written within the typing delay. */
  g_object_set (grandma, "name", "Mormor", NULL);
  g_assert_true (sk_store_flush (store, &error));

  /* Removed (trashed) people are not on the map; the whole map's choice
   * belongs to the conversation. */
  g_assert_true (sk_store_trash (store, friend, &error));
  g_object_set (conversation, "network-shared", TRUE, NULL);
  g_clear_object (&people);
  g_clear_object (&conversation);
  g_clear_object (&store);

  store = sk_test_open_store (path);
  people = sk_network_list (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  {
    g_autoptr(SkNetworkPerson) again = g_list_model_get_item (G_LIST_MODEL (people), 0);
    g_autoptr(SkConversation) loaded = sk_store_load (store, SK_TYPE_CONVERSATION, id, &error);
    SkNetworkPolar place = sk_network_person_get_place (again);
    SkNetworkPolar expected = sk_network_cell_centre (SK_SECTOR_FAMILY, 0);

    g_assert_cmpstr (sk_record_get_string (SK_RECORD (again), "name"), ==, "Mormor");
    g_assert_cmpfloat_with_epsilon (place.angle, expected.angle, EPSILON);
    g_assert_cmpfloat_with_epsilon (place.distance, expected.distance, EPSILON);
    g_assert_true (sk_record_get_boolean (SK_RECORD (loaded), "network-shared"));
  }
}

static void
test_copy_previous (void)
{
  g_autofree char *path = sk_test_path ("copy.db");
  g_autoptr(SkStore) store = sk_test_open_store (path);
  g_autoptr(SkChild) child = sk_child_new ("Ida");
  g_autoptr(SkChild) other = sk_child_new ("Anden");
  g_autoptr(SkConversation) first = NULL, second = NULL, empty = NULL, third = NULL, others = NULL;
  g_autoptr(SkConversation) previous = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GListStore) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autoptr(SkNetworkPerson) moved = NULL;

  g_assert_true (sk_store_insert (store, child, &error));
  g_assert_true (sk_store_insert (store, other, &error));
  first = sk_test_add_conversation (store, child, 1000);
  second = sk_test_add_conversation (store, child, 2000);
  empty = sk_test_add_conversation (store, child, 2500);
  third = sk_test_add_conversation (store, child, 3000);
  others = sk_test_add_conversation (store, other, 2800);

  /* A child's first map has nothing to start from. */
  previous = sk_network_previous (store, first, &error);
  g_assert_no_error (error);
  g_assert_null (previous);

  people = sk_network_list (store, sk_record_get_id (SK_RECORD (first)), &error);
  g_object_unref (add_person (store, people, sk_record_get_id (SK_RECORD (first)), "Gammel", "", 0, 0));
  g_clear_object (&people);
  people = sk_network_list (store, sk_record_get_id (SK_RECORD (second)), &error);
  moved = add_person (store, people, sk_record_get_id (SK_RECORD (second)), "Mor", "mor", 0, 0);
  g_object_unref (add_person (store, people, sk_record_get_id (SK_RECORD (second)), "Lærer", "lærer", 2, 1));
  g_object_set (moved, "worried", TRUE, "shared", FALSE, NULL);
  g_clear_object (&people);
  /* Another child's later map never counts. */
  people = sk_network_list (store, sk_record_get_id (SK_RECORD (others)), &error);
  g_object_unref (add_person (store, people, sk_record_get_id (SK_RECORD (others)), "Fremmed", "", 1, 1));
  g_clear_object (&people);

  /* The latest earlier map, skipping a conversation with no map. */
  previous = sk_network_previous (store, third, &error);
  g_assert_nonnull (previous);
  g_assert_cmpint (sk_record_get_id (SK_RECORD (previous)), ==, sk_record_get_id (SK_RECORD (second)));

  copies = sk_network_list (store, sk_record_get_id (SK_RECORD (third)), &error);
  g_assert_true (sk_network_copy (store, copies, sk_record_get_id (SK_RECORD (third)), previous, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copies)), ==, 2);
  {
    g_autoptr(SkNetworkPerson) copy = g_list_model_get_item (G_LIST_MODEL (copies), 0);

    /* A copy with its own id, its marks, and where it came from. */
    g_assert_cmpint (sk_record_get_id (SK_RECORD (copy)), !=, sk_record_get_id (SK_RECORD (moved)));
    g_assert_cmpstr (sk_record_get_string (SK_RECORD (copy), "name"), ==, "Mor");
    g_assert_true (sk_record_get_boolean (SK_RECORD (copy), "worried"));
    g_assert_false (sk_record_get_boolean (SK_RECORD (copy), "shared"));
    g_assert_cmpint (sk_record_get_int64 (SK_RECORD (copy), "origin-id"), ==, sk_record_get_id (SK_RECORD (moved)));

    /* Changing the copy leaves last time's map as it was. */
    g_assert_true (sk_network_person_move (copy, store, sk_network_cell_centre (3, 2), &error));
    g_assert_cmpint (sk_network_person_get_sector (moved), ==, 0);
  }
  count = sk_test_sql (path, "SELECT count(*) FROM network_people");
  g_assert_cmpstr (count, ==, "6");
  g_clear_pointer (&count, g_free);

  /* Trashing last time's conversation: its map no longer counts. */
  g_clear_object (&previous);
  g_assert_true (sk_store_trash (store, second, &error));
  previous = sk_network_previous (store, third, &error);
  g_assert_nonnull (previous);
  g_assert_cmpint (sk_record_get_id (SK_RECORD (previous)), ==, sk_record_get_id (SK_RECORD (first)));
}

static void
test_migrate_from_v2 (void)
{
  g_autofree char *path = sk_test_path ("v2.db");
  g_autoptr(SkStore) store = NULL;
  g_autoptr(SkConversation) conversation = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  sk_test_make_old_database (path, 2,
                             "INSERT INTO children (name) VALUES ('Fra version 2');"
                             "INSERT INTO conversations (child_id, started_at, agreements) VALUES (1, 5, 'Vi ses');");

  store = sk_test_open_store (path);
  version = sk_test_sql (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, sk_store_schema_version ());
  conversation = sk_store_load (store, SK_TYPE_CONVERSATION, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sk_record_get_string (SK_RECORD (conversation), "agreements"), ==, "Vi ses");
  /* Not shared until the child says so. */
  g_assert_false (sk_record_get_boolean (SK_RECORD (conversation), "network-shared"));
  people = sk_network_list (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
}

static void
test_words (void)
{
  guint n;
  const SkWord *avatars = sk_network_avatars (&n);

  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sk_network_avatar_label (avatars[i].key), !=, "");
  g_assert_cmpstr (sk_network_sector_label (SK_SECTOR_HELPERS), ==, "Grown-ups who help");
  g_assert_cmpstr (sk_network_ring_label (0), ==, "Closest to me");
  g_assert_cmpstr (sk_network_ring_label (2), ==, "A bit further away");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/network/rings-and-sectors", test_rings_and_sectors);
  g_test_add_func ("/network/round-trips", test_round_trips);
  g_test_add_func ("/network/separate", test_separate);
  g_test_add_func ("/network/hit", test_hit);
  g_test_add_func ("/network/people-stored", test_people_stored);
  g_test_add_func ("/network/copy-previous", test_copy_previous);
  g_test_add_func ("/network/migrate-from-v2", test_migrate_from_v2);
  g_test_add_func ("/network/words", test_words);
  return g_test_run ();
}
