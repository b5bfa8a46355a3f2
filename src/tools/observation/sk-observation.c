/* sk-observation.c — observing a baby: its records in the store */
#include "config.h"

#include "sk-observation.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const SkObservationKind kinds[] = {
  /* Translators: a point to look for when observing a baby */
  { "contact", N_("Contact and eye contact"),
    /* Translators: what the point "Contact and eye contact" may look like */
    N_("Looks at you, follows with the eyes, turns away, smiles back") },
  /* Translators: a point to look for when observing a baby */
  { "mood", N_("Mood and facial expression"),
    N_("Calm, alert, withdrawn, tense; how the face changes") },
  /* Translators: a point to look for when observing a baby */
  { "sounds", N_("Sounds and crying"),
    N_("Babbling, laughing, crying: when, how much, how it stops") },
  /* Translators: a point to look for when observing a baby */
  { "body", N_("The body"),
    N_("Tension, movement, motor skills for the child’s age") },
  /* Translators: a point to look for when observing a baby */
  { "play", N_("Play and curiosity"),
    N_("Reaches for things, explores, plays alone or with others") },
  /* Translators: a point to look for when observing a baby */
  { "comfort", N_("Seeking comfort and being comforted"),
    N_("Whom the child turns to when upset, and whether it settles") },
  /* Translators: a point to look for when observing a baby */
  { "reactions", N_("Reactions to the parent, to others, to me"),
    N_("When the parent comes and goes, to strangers, to the caseworker") },
  /* Translators: a point to look for when observing a baby */
  { "care", N_("Care (food, cleanliness, clothes, sleep)"),
    N_("Fed, clean, dressed for the weather, rested") },
  /* Translators: a point to look for when observing a baby */
  { "response", N_("The adult’s response to the child’s signals"),
    N_("Does the adult notice, understand and answer what the child shows?") },
};

const SkObservationKind *
sk_observation_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const SkObservationKind *
sk_observation_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      return &kinds[i];
  return NULL;
}

static const SkObservationPlace places[] = {
  /* Translators: where an observation took place */
  { "home", N_("Home visit") },
  /* Translators: where an observation took place */
  { "room", N_("Conversation room") },
  /* Translators: where an observation took place: nursery, kindergarten */
  { "daycare", N_("Day care") },
  /* Translators: where an observation took place */
  { "other", N_("Other place") },
};

const SkObservationPlace *
sk_observation_places (guint *n_places)
{
  *n_places = G_N_ELEMENTS (places);
  return places;
}

const char *
sk_observation_place_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_strcmp0 (places[i].key, key) == 0)
      return _(places[i].label);
  return "";
}

static const SkObservationReflection reflections[] = {
  /* The elements' names are the Lundy steps' own. */
  { "reflect-space", N_("Space"),
    /* Translators: after-reflection on an observed baby, Lundy's Space */
    N_("Was the setting safe for this child?") },
  { "reflect-voice", N_("Voice"),
    /* Translators: after-reflection on an observed baby, Lundy's Voice */
    N_("How did the child express itself?") },
  { "reflect-audience", N_("Audience"),
    /* Translators: after-reflection on an observed baby, Lundy's Audience */
    N_("Who noticed the child’s signals, and how?") },
  { "reflect-influence", N_("Influence"),
    /* Translators: after-reflection on an observed baby, Lundy's Influence */
    N_("What will we do differently because of what the child showed?") },
};

const SkObservationReflection *
sk_observation_reflections (guint *n_reflections)
{
  *n_reflections = G_N_ELEMENTS (reflections);
  return reflections;
}

/* The records */

struct _SkObservation
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkObservation, sk_observation, SK_TYPE_RECORD)

static void
sk_observation_class_init (SkObservationClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* One of the places' keys, or "". */
    sk_record_choice (g_param_spec_string ("place", NULL, NULL, "", flags)),
    /* Where, when the place is "other". */
    sk_record_single_line (g_param_spec_string ("place-other", NULL, NULL, "", flags)),
    /* Who was there. */
    sk_record_single_line (g_param_spec_string ("present", NULL, NULL, "", flags)),
    /* How long, in minutes (0: not written). */
    g_param_spec_int ("minutes", NULL, NULL, 0, 24 * 60, 0, flags),
    /* What was going on. */
    g_param_spec_string ("happening", NULL, NULL, "", flags),
    g_param_spec_string ("reflect-space", NULL, NULL, "", flags),
    g_param_spec_string ("reflect-voice", NULL, NULL, "", flags),
    g_param_spec_string ("reflect-audience", NULL, NULL, "", flags),
    g_param_spec_string ("reflect-influence", NULL, NULL, "", flags),
    NULL
  };

  record_class->table = "observations";
  record_class->order_by = "id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_observation_init (SkObservation *self)
{
}

struct _SkObservationPoint
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkObservationPoint, sk_observation_point, SK_TYPE_RECORD)

static void
sk_observation_point_class_init (SkObservationPointClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* One of the kinds' keys. */
    sk_record_choice (g_param_spec_string ("point", NULL, NULL, "", flags)),
    /* What I saw. */
    g_param_spec_string ("observation", NULL, NULL, "", flags),
    /* What I think it may mean: never on the parents' paper. */
    g_param_spec_string ("assessment", NULL, NULL, "", flags),
    /* The parents may read what I saw. */
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "observation_points";
  record_class->order_by = "id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_observation_point_init (SkObservationPoint *self)
{
}

const SkObservationKind *
sk_observation_point_get_kind (SkObservationPoint *self)
{
  g_return_val_if_fail (SK_IS_OBSERVATION_POINT (self), NULL);

  return sk_observation_kind (sk_record_get_string (SK_RECORD (self), "point"));
}

struct _SkObservationMoment
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkObservationMoment, sk_observation_moment, SK_TYPE_RECORD)

static void
sk_observation_moment_class_init (SkObservationMomentClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* Seconds since midnight. */
    g_param_spec_int ("at", NULL, NULL, 0, 24 * 3600 - 1, 0, flags),
    sk_record_single_line (g_param_spec_string ("words", NULL, NULL, "", flags)),
    /* The point it belongs to (a kind's key), or "". */
    sk_record_choice (g_param_spec_string ("point", NULL, NULL, "", flags)),
    NULL
  };

  record_class->table = "observation_moments";
  record_class->order_by = "at, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_observation_moment_init (SkObservationMoment *self)
{
}

int
sk_observation_moment_get_at (SkObservationMoment *self)
{
  g_return_val_if_fail (SK_IS_OBSERVATION_MOMENT (self), 0);

  return sk_record_get_int (SK_RECORD (self), "at");
}

SkObservation *
sk_observation_get (SkStore   *store,
                    gint64     conversation_id,
                    gboolean   create,
                    GError   **error)
{
  g_autoptr(GListStore) found = NULL;
  g_autoptr(SkObservation) observation = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  found = sk_store_list (store, SK_TYPE_OBSERVATION, "conversation_id", conversation_id, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (found)) > 0)
    return g_list_model_get_item (G_LIST_MODEL (found), 0);
  if (!create)
    return NULL;
  observation = g_object_new (SK_TYPE_OBSERVATION, "conversation-id", conversation_id, NULL);
  if (!sk_store_insert (store, observation, error))
    return NULL;
  return g_steal_pointer (&observation);
}

GListStore *
sk_observation_points (SkStore   *store,
                       gint64     conversation_id,
                       gboolean   create,
                       GError   **error)
{
  g_autoptr(GListStore) stored = NULL;
  g_autoptr(GListStore) points = NULL;
  gboolean began = FALSE;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  stored = sk_store_list (store, SK_TYPE_OBSERVATION_POINT, "conversation_id", conversation_id, error);
  if (stored == NULL)
    return NULL;
  /* In the guide's order, whatever order they were made in; a point a
   * newer program knows and this one does not is kept, at the end. */
  points = g_list_store_new (SK_TYPE_OBSERVATION_POINT);
  for (guint k = 0; k <= G_N_ELEMENTS (kinds); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stored)); i++)
        {
          g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (stored), i);
          const SkObservationKind *kind = sk_observation_point_get_kind (point);

          if (k < G_N_ELEMENTS (kinds) ? kind == &kinds[k] : kind == NULL)
            {
              g_list_store_append (points, point);
              found = TRUE;
            }
        }
      if (found || !create || k == G_N_ELEMENTS (kinds))
        continue;
      if (!began && !(began = sk_store_begin (store, error)))
        return NULL;
      {
        g_autoptr(SkObservationPoint) point = g_object_new (SK_TYPE_OBSERVATION_POINT,
                                                            "conversation-id", conversation_id,
                                                            "point", kinds[k].key,
                                                            NULL);

        if (!sk_store_insert (store, point, error))
          {
            sk_store_rollback (store);
            return NULL;
          }
        g_list_store_append (points, point);
      }
    }
  if (began && !sk_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&points);
}

GListStore *
sk_observation_moments (SkStore   *store,
                        gint64     conversation_id,
                        GError   **error)
{
  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  return sk_store_list (store, SK_TYPE_OBSERVATION_MOMENT, "conversation_id", conversation_id, error);
}

int
sk_observation_moment_compare (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  int at_a = sk_observation_moment_get_at ((SkObservationMoment *) a);
  int at_b = sk_observation_moment_get_at ((SkObservationMoment *) b);
  gint64 id_a = sk_record_get_id ((SkRecord *) a), id_b = sk_record_get_id ((SkRecord *) b);

  if (at_a != at_b)
    return at_a < at_b ? -1 : 1;
  return id_a < id_b ? -1 : id_a > id_b;
}

SkObservationMoment *
sk_observation_moments_add (SkStore     *store,
                            GListStore  *moments,
                            gint64       conversation_id,
                            int          at,
                            GError     **error)
{
  g_autoptr(SkObservationMoment) moment = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (at >= 0 && at < 24 * 3600, NULL);

  moment = g_object_new (SK_TYPE_OBSERVATION_MOMENT,
                         "conversation-id", conversation_id,
                         "at", at,
                         NULL);
  if (!sk_store_insert (store, moment, error))
    return NULL;
  g_list_store_insert_sorted (moments, moment, sk_observation_moment_compare, NULL);
  return moment;
}

void
sk_observation_moment_set_at (SkObservationMoment *self,
                              GListStore          *moments,
                              int                  at)
{
  guint position;

  g_return_if_fail (SK_IS_OBSERVATION_MOMENT (self));
  g_return_if_fail (at >= 0 && at < 24 * 3600);

  if (sk_observation_moment_get_at (self) == at)
    return;
  g_object_ref (self);
  g_object_set (self, "at", at, NULL);
  if (moments != NULL && g_list_store_find (moments, self, &position))
    {
      g_list_store_remove (moments, position);
      g_list_store_insert_sorted (moments, self, sk_observation_moment_compare, NULL);
    }
  g_object_unref (self);
}

int
sk_observation_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_hour (now) * 3600 + g_date_time_get_minute (now) * 60 + g_date_time_get_second (now);
}

char *
sk_observation_format_at (int at)
{
  /* Translators: the time of a moment while observing: hours and minutes */
  return g_strdup_printf (C_("moment", "%02d:%02d"), at / 3600 % 24, at / 60 % 60);
}

gboolean
sk_observation_parse_at (const char *text,
                         int        *at)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  int hours = -1, minutes = -1;
  char *end;

  if (*clean == '\0' || !g_ascii_isdigit (*clean))
    return FALSE;
  hours = (int) g_ascii_strtoll (clean, &end, 10);
  if (*end == ':' || *end == '.')
    {
      if (!g_ascii_isdigit (end[1]) || strlen (end + 1) > 2)
        return FALSE;
      minutes = (int) g_ascii_strtoll (end + 1, &end, 10);
    }
  else if (*end == '\0' && strlen (clean) >= 3 && strlen (clean) <= 4)
    {
      minutes = hours % 100;
      hours /= 100;
    }
  else if (*end == '\0' && strlen (clean) <= 2)
    minutes = 0;
  if (*end != '\0' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return FALSE;
  *at = hours * 3600 + minutes * 60;
  return TRUE;
}
