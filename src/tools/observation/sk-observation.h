/* sk-observation.h — observing a baby or a small child: the context, what
 * to look for, moments in time, and the after-reflection
 *
 * A baby's voice is what it shows.  The caseworker writes down what was
 * seen apart from what it may mean (the writing principles for case
 * files: observation is not assessment), each point in two fields stored
 * in two columns; the context first, so a reader knows what it rests on;
 * moments with the time they happened; and afterwards a reflection on
 * each of Lundy's elements, for a child who cannot tell.  The parents'
 * summary gets only observations the caseworker marks for them, never an
 * assessment.
 */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

/* One point of what to look for. */
typedef struct
{
  const char *key;     /* stored; never translated */
  const char *label;   /* N_(): "Contact and eye contact" */
  const char *hint;    /* N_(): what it may look like */
} SkObservationKind;

const SkObservationKind *sk_observation_kinds  (guint      *n_kinds);
const SkObservationKind *sk_observation_kind   (const char *key);

/* Where the observation took place. */
typedef struct
{
  const char *key;
  const char *label;   /* N_(): "Home visit" */
} SkObservationPlace;

const SkObservationPlace *sk_observation_places (guint      *n_places);
/* The place's label in the current language ("" for none). */
const char               *sk_observation_place_label (const char *key);

/* One question of the after-reflection per Lundy element. */
typedef struct
{
  const char *property;   /* of SkObservation: "reflect-space" */
  const char *element;    /* N_(): "Space" */
  const char *question;   /* N_(): "Was the setting safe for this child?" */
} SkObservationReflection;

const SkObservationReflection *sk_observation_reflections (guint *n_reflections);

/* The observation of one conversation: its context and after-reflection. */
#define SK_TYPE_OBSERVATION (sk_observation_get_type ())
G_DECLARE_FINAL_TYPE (SkObservation, sk_observation, SK, OBSERVATION, SkRecord)

/* One point: what I saw (observation), what I think it may mean
 * (assessment), and whether the parents may read what I saw. */
#define SK_TYPE_OBSERVATION_POINT (sk_observation_point_get_type ())
G_DECLARE_FINAL_TYPE (SkObservationPoint, sk_observation_point, SK, OBSERVATION_POINT, SkRecord)

const SkObservationKind *sk_observation_point_get_kind (SkObservationPoint *self);

/* A moment noted while observing: a time of day and what happened. */
#define SK_TYPE_OBSERVATION_MOMENT (sk_observation_moment_get_type ())
G_DECLARE_FINAL_TYPE (SkObservationMoment, sk_observation_moment, SK, OBSERVATION_MOMENT, SkRecord)

/* Seconds since midnight, local time. */
int          sk_observation_moment_get_at (SkObservationMoment *self);

/* The conversation's observation; made the first time when @create (else
 * %NULL without an error when there is none). */
SkObservation *sk_observation_get        (SkStore      *store,
                                          gint64        conversation_id,
                                          gboolean      create,
                                          GError      **error);
/* Its points, in the order of what to look for; the missing ones made
 * when @create, in one transaction. */
GListStore  *sk_observation_points       (SkStore      *store,
                                          gint64        conversation_id,
                                          gboolean      create,
                                          GError      **error);
/* Its moments, in time order. */
GListStore  *sk_observation_moments      (SkStore      *store,
                                          gint64        conversation_id,
                                          GError      **error);
/* A moment at @at (seconds since midnight), stored at once and put in
 * @moments in time order.  Returns: (transfer none) */
SkObservationMoment *sk_observation_moments_add (SkStore    *store,
                                                 GListStore *moments,
                                                 gint64      conversation_id,
                                                 int         at,
                                                 GError    **error);
/* Orders moments by time (a GCompareDataFunc, for putting one back). */
int          sk_observation_moment_compare (gconstpointer a,
                                            gconstpointer b,
                                            gpointer      user_data);
/* Changes @moment's time and puts it in its place again. */
void         sk_observation_moment_set_at (SkObservationMoment *self,
                                           GListStore          *moments,
                                           int                  at);

/* The time of day now, in seconds since midnight. */
int          sk_observation_now          (void);
/* "10:05" */
char        *sk_observation_format_at    (int           at);
/* Reads "10:05", "10.05", "9:5", "1005" or "10"; FALSE for anything
 * else. */
gboolean     sk_observation_parse_at     (const char   *text,
                                          int          *at);

G_END_DECLS
