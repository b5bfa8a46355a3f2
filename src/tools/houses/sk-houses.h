/* sk-houses.h — the Three Houses: a house of worries, of good things and
 * of dreams, each with the child's drawing and the child's words
 *
 * After Weld and Greening (Signs of Safety).  A drawing is strokes, each
 * kept as vectors — its points in one compact blob, written when the pen
 * lifts — so that the paper draws it as sharply as the screen.  Words are
 * items in the child's words, each with a picture if wanted.  The child
 * decides, house by house, whether the parents see it.
 */
#pragma once

#include "sk-conversation.h"
#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_HOUSE_WORRIES,
  SK_HOUSE_GOOD,
  SK_HOUSE_DREAMS,
} SkHouseKind;

#define SK_HOUSES_N 3

/* "House of worries", in the interface's (or the summary's) language. */
const char *sk_house_kind_title (SkHouseKind kind);
/* "Worries": the switcher's word. */
const char *sk_house_kind_short (SkHouseKind kind);
/* The house's outline, an SVG of the art ("house-worries"). */
const char *sk_house_kind_art   (SkHouseKind kind);

/* A crayon: its colour and its name (for the keyboard and a screen
 * reader: colour alone never carries it). */
typedef struct
{
  const char *key;
  const char *name;    /* N_() */
  double      red, green, blue;
} SkCrayon;

#define SK_HOUSES_N_CRAYONS 8
/* The eraser: strokes in the house's own paper colour. */
#define SK_HOUSES_ERASER    SK_HOUSES_N_CRAYONS
#define SK_HOUSES_N_SIZES   3

const SkCrayon *sk_houses_crayons     (void);
/* The house's paper, which the eraser paints with too. */
void            sk_house_kind_paper   (SkHouseKind  kind,
                                       double      *red,
                                       double      *green,
                                       double      *blue);
/* A size's name ("Thin"), and a stroke's width at @pressure (0–1), in
 * house units (the house is 1 × 1). */
const char     *sk_houses_size_name   (int          size);
double          sk_houses_width       (int          size,
                                       double       pressure);

/* A point of a stroke, in house units (0–1 each way, from the top left);
 * @pressure 0–1 (1 where the device has none). */
typedef struct
{
  float x;
  float y;
  float pressure;
} SkHousesPoint;

/* Points in their stored form: five bytes a point, after one byte that
 * says the format.  Decoding returns NULL for bytes it cannot read. */
GBytes *sk_houses_points_encode (const SkHousesPoint *points,
                                 guint                n_points);
GArray *sk_houses_points_decode (GBytes              *bytes);

/* Smoothing as the stroke is drawn: each new point is drawn towards the
 * last one kept, and points too close to it are left out. */
void    sk_houses_smooth_add    (GArray              *points,
                                 SkHousesPoint        raw);
/* At the pen's lift: the stroke ends where the pen did. */
void    sk_houses_smooth_finish (GArray              *points,
                                 SkHousesPoint        raw);

/* One house of one conversation: the child's choice to share it. */
#define SK_TYPE_HOUSE (sk_house_get_type ())
G_DECLARE_FINAL_TYPE (SkHouse, sk_house, SK, HOUSE, SkRecord)

SkHouseKind sk_house_get_kind (SkHouse *self);

#define SK_TYPE_HOUSE_STROKE (sk_house_stroke_get_type ())
G_DECLARE_FINAL_TYPE (SkHouseStroke, sk_house_stroke, SK, HOUSE_STROKE, SkRecord)

SkHouseStroke *sk_house_stroke_new        (gint64               conversation_id,
                                           SkHouseKind          kind,
                                           int                  position,
                                           int                  crayon,
                                           int                  size,
                                           const SkHousesPoint *points,
                                           guint                n_points);
SkHouseKind    sk_house_stroke_get_kind   (SkHouseStroke       *self);
int            sk_house_stroke_get_crayon (SkHouseStroke       *self);
int            sk_house_stroke_get_size   (SkHouseStroke       *self);
/* Its points (SkHousesPoint), read once; an empty array for a damaged
 * blob.  Transfer none. */
GArray        *sk_house_stroke_get_points (SkHouseStroke       *self);

#define SK_TYPE_HOUSE_WORD (sk_house_word_get_type ())
G_DECLARE_FINAL_TYPE (SkHouseWord, sk_house_word, SK, HOUSE_WORD, SkRecord)

SkHouseKind    sk_house_word_get_kind     (SkHouseWord         *self);
/* One of sk_houses_pictures(), or NULL. */
const char    *sk_house_word_get_picture  (SkHouseWord         *self);

/* The pictures an item can carry: the feelings' faces and the people. */
typedef struct
{
  const char *art;
  const char *name;    /* N_() */
} SkHousesPicture;

const SkHousesPicture *sk_houses_pictures (guint      *n_pictures);
const SkHousesPicture *sk_houses_picture  (const char *art);

/* What one conversation has in its houses. */
typedef struct
{
  gint64      conversation_id;
  SkHouse    *houses[SK_HOUSES_N];    /* NULL until something is in it */
  GListStore *strokes[SK_HOUSES_N];   /* SkHouseStroke, in drawing order */
  GListStore *words[SK_HOUSES_N];     /* SkHouseWord, in order */
} SkHouses;

SkHouses       *sk_houses_load        (SkStore        *store,
                                       gint64          conversation_id,
                                       GError        **error);
void            sk_houses_free        (SkHouses       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkHouses, sk_houses_free)

gboolean        sk_houses_is_empty    (SkHouses       *self,
                                       SkHouseKind     kind);
gboolean        sk_houses_get_shared  (SkHouses       *self,
                                       SkHouseKind     kind);
/* The child's answer to "May your parents see this house?" */
gboolean        sk_houses_set_shared  (SkHouses       *self,
                                       SkStore        *store,
                                       SkHouseKind     kind,
                                       gboolean        shared,
                                       GError        **error);
/* A stroke drawn to its end, stored at once.  Returns: (transfer none) */
SkHouseStroke  *sk_houses_add_stroke  (SkHouses       *self,
                                       SkStore        *store,
                                       SkHouseKind     kind,
                                       int             crayon,
                                       int             size,
                                       GArray         *points,
                                       GError        **error);
/* Takes strokes off (undo, clear) and puts them back (redo, Undo), in one
 * write each. */
gboolean        sk_houses_take        (SkHouses       *self,
                                       SkStore        *store,
                                       GPtrArray      *strokes,
                                       GError        **error);
gboolean        sk_houses_put_back    (SkHouses       *self,
                                       SkStore        *store,
                                       GPtrArray      *strokes,
                                       GError        **error);
/* An item in the child's words (@words trimmed, not empty).
 * Returns: (transfer none) */
SkHouseWord    *sk_houses_add_word    (SkHouses       *self,
                                       SkStore        *store,
                                       SkHouseKind     kind,
                                       const char     *words,
                                       const char     *picture,
                                       GError        **error);
/* "Words: …" of a house, for a screen reader and the overview. */
char           *sk_houses_describe    (SkHouses       *self,
                                       SkHouseKind     kind);

/* The child's last conversation before @conversation with something in
 * a house, or NULL. */
SkConversation *sk_houses_previous    (SkStore        *store,
                                       SkConversation *conversation,
                                       GError        **error);

/* What the parents' paper shows of a house (SK_SUMMARY_PICTURE data, one
 * element): its strokes and words, referenced. */
typedef struct
{
  SkHouseKind  kind;
  GPtrArray   *strokes;   /* SkHouseStroke */
  GPtrArray   *words;     /* SkHouseWord */
} SkHousesShown;

GArray         *sk_houses_shown_new   (SkHouses       *houses,
                                       SkHouseKind     kind);

G_END_DECLS
