/* sk-houses.c — the Three Houses' records, their points and their words */
#include "config.h"

#include "sk-houses.h"
#include "sk-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

const char *
sk_house_kind_title (SkHouseKind kind)
{
  switch (kind)
    {
    /* Translators: one of the Three Houses */
    case SK_HOUSE_WORRIES: return _("House of worries");
    /* Translators: one of the Three Houses */
    case SK_HOUSE_GOOD: return _("House of good things");
    /* Translators: one of the Three Houses */
    case SK_HOUSE_DREAMS: return _("House of dreams");
    default: return "";
    }
}

const char *
sk_house_kind_short (SkHouseKind kind)
{
  switch (kind)
    {
    /* Translators: the button for the house of worries (short) */
    case SK_HOUSE_WORRIES: return _("Worries");
    /* Translators: the button for the house of good things (short) */
    case SK_HOUSE_GOOD: return _("Good things");
    /* Translators: the button for the house of dreams (short) */
    case SK_HOUSE_DREAMS: return _("Dreams");
    default: return "";
    }
}

const char *
sk_house_kind_art (SkHouseKind kind)
{
  static const char * const art[] = { "house-worries", "house-good", "house-dreams" };

  return kind < SK_HOUSES_N ? art[kind] : art[0];
}

void
sk_house_kind_paper (SkHouseKind  kind,
                     double      *red,
                     double      *green,
                     double      *blue)
{
  /* Light enough for every crayon to show on, yellow too. */
  static const double paper[SK_HOUSES_N][3] = {
    { 0xee / 255.0, 0xf1 / 255.0, 0xf6 / 255.0 },
    { 0xfd / 255.0, 0xf8 / 255.0, 0xe8 / 255.0 },
    { 0xf4 / 255.0, 0xef / 255.0, 0xfa / 255.0 },
  };
  const double *one = paper[kind < SK_HOUSES_N ? kind : 0];

  *red = one[0];
  *green = one[1];
  *blue = one[2];
}

/* GNOME's palette, a shade dark enough to read on the houses' paper. */
static const SkCrayon crayons[SK_HOUSES_N_CRAYONS] = {
  /* Translators: a crayon */
  { "black", N_("Black"), 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0 },
  /* Translators: a crayon */
  { "red", N_("Red"), 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 },
  /* Translators: a crayon */
  { "orange", N_("Orange"), 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },
  /* Translators: a crayon */
  { "yellow", N_("Yellow"), 0xf5 / 255.0, 0xc2 / 255.0, 0x11 / 255.0 },
  /* Translators: a crayon */
  { "green", N_("Green"), 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 },
  /* Translators: a crayon */
  { "blue", N_("Blue"), 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  /* Translators: a crayon */
  { "purple", N_("Purple"), 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
  /* Translators: a crayon */
  { "brown", N_("Brown"), 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0 },
};

const SkCrayon *
sk_houses_crayons (void)
{
  return crayons;
}

const char *
sk_houses_size_name (int size)
{
  switch (size)
    {
    /* Translators: how thick a crayon draws */
    case 0: return _("Thin");
    /* Translators: how thick a crayon draws */
    case 1: return _("Medium");
    /* Translators: how thick a crayon draws */
    default: return _("Thick");
    }
}

double
sk_houses_width (int    size,
                 double pressure)
{
  static const double widths[SK_HOUSES_N_SIZES] = { 0.009, 0.02, 0.045 };
  double base = widths[CLAMP (size, 0, SK_HOUSES_N_SIZES - 1)];

  /* A light touch of the pen draws thinner, never to nothing. */
  return base * (0.35 + 0.65 * CLAMP (pressure, 0.0, 1.0));
}

#define POINTS_FORMAT 1
#define POINT_BYTES   5

GBytes *
sk_houses_points_encode (const SkHousesPoint *points,
                         guint                n_points)
{
  guint8 *data = g_malloc (1 + (gsize) n_points * POINT_BYTES);
  guint8 *at = data;

  *at++ = POINTS_FORMAT;
  for (guint i = 0; i < n_points; i++)
    {
      guint x = (guint) lround (CLAMP (points[i].x, 0.0f, 1.0f) * 65535.0);
      guint y = (guint) lround (CLAMP (points[i].y, 0.0f, 1.0f) * 65535.0);

      /* Little-endian, whatever the machine. */
      *at++ = x & 0xff;
      *at++ = x >> 8;
      *at++ = y & 0xff;
      *at++ = y >> 8;
      *at++ = (guint8) lround (CLAMP (points[i].pressure, 0.0f, 1.0f) * 255.0);
    }
  return g_bytes_new_take (data, 1 + (gsize) n_points * POINT_BYTES);
}

GArray *
sk_houses_points_decode (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  GArray *points;

  if (data == NULL || length < 1 || data[0] != POINTS_FORMAT || (length - 1) % POINT_BYTES != 0)
    return NULL;
  points = g_array_sized_new (FALSE, FALSE, sizeof (SkHousesPoint), (guint) ((length - 1) / POINT_BYTES));
  for (const guint8 *at = data + 1; at < data + length; at += POINT_BYTES)
    {
      SkHousesPoint point = {
        (at[0] | at[1] << 8) / 65535.0f,
        (at[2] | at[3] << 8) / 65535.0f,
        at[4] / 255.0f,
      };

      g_array_append_val (points, point);
    }
  return points;
}

/* Closer than this to the last point kept adds nothing: a 400-pixel
 * house, about a pixel. */
#define MIN_STEP 0.0025
/* How far a new point is drawn towards the last: less is smoother, and
 * lags more behind the pen. */
#define SMOOTHING 0.55

void
sk_houses_smooth_add (GArray        *points,
                      SkHousesPoint  raw)
{
  SkHousesPoint *last;
  SkHousesPoint point;

  if (points->len == 0)
    {
      g_array_append_val (points, raw);
      return;
    }
  last = &g_array_index (points, SkHousesPoint, points->len - 1);
  point.x = last->x + SMOOTHING * (raw.x - last->x);
  point.y = last->y + SMOOTHING * (raw.y - last->y);
  point.pressure = last->pressure + SMOOTHING * (raw.pressure - last->pressure);
  if (hypot (point.x - last->x, point.y - last->y) < MIN_STEP)
    return;
  g_array_append_val (points, point);
}

void
sk_houses_smooth_finish (GArray        *points,
                         SkHousesPoint  raw)
{
  if (points->len > 0)
    {
      SkHousesPoint *last = &g_array_index (points, SkHousesPoint, points->len - 1);

      if (hypot (raw.x - last->x, raw.y - last->y) < MIN_STEP / 2)
        return;
    }
  g_array_append_val (points, raw);
}

/* The records */

struct _SkHouse
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkHouse, sk_house, SK_TYPE_RECORD)

static void
sk_house_class_init (SkHouseClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* SkHouseKind */
    g_param_spec_int ("house", NULL, NULL, 0, SK_HOUSES_N - 1, 0, flags),
    /* The child's choice: the parents may see this house. */
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "houses";
  record_class->order_by = "house, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_house_init (SkHouse *self)
{
}

SkHouseKind
sk_house_get_kind (SkHouse *self)
{
  g_return_val_if_fail (SK_IS_HOUSE (self), SK_HOUSE_WORRIES);

  return sk_record_get_int (SK_RECORD (self), "house");
}

struct _SkHouseStroke
{
  SkRecord parent_instance;

  GArray *points;   /* decoded, once */
};

G_DEFINE_FINAL_TYPE (SkHouseStroke, sk_house_stroke, SK_TYPE_RECORD)

static void
sk_house_stroke_finalize (GObject *object)
{
  g_clear_pointer (&SK_HOUSE_STROKE (object)->points, g_array_unref);
  G_OBJECT_CLASS (sk_house_stroke_parent_class)->finalize (object);
}

static void
sk_house_stroke_class_init (SkHouseStrokeClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int ("house", NULL, NULL, 0, SK_HOUSES_N - 1, 0, flags),
    /* The drawing order within the house. */
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* Index of sk_houses_crayons(), or SK_HOUSES_ERASER. */
    g_param_spec_int ("crayon", NULL, NULL, 0, SK_HOUSES_ERASER, 0, flags),
    g_param_spec_int ("size", NULL, NULL, 0, SK_HOUSES_N_SIZES - 1, 1, flags),
    /* sk_houses_points_encode(): never changed once written. */
    g_param_spec_boxed ("points", NULL, NULL, G_TYPE_BYTES, flags),
    NULL
  };

  G_OBJECT_CLASS (klass)->finalize = sk_house_stroke_finalize;
  record_class->table = "house_strokes";
  record_class->order_by = "house, position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_house_stroke_init (SkHouseStroke *self)
{
}

SkHouseStroke *
sk_house_stroke_new (gint64               conversation_id,
                     SkHouseKind          kind,
                     int                  position,
                     int                  crayon,
                     int                  size,
                     const SkHousesPoint *points,
                     guint                n_points)
{
  g_autoptr(GBytes) bytes = sk_houses_points_encode (points, n_points);

  return g_object_new (SK_TYPE_HOUSE_STROKE,
                       "conversation-id", conversation_id,
                       "house", (int) kind,
                       "position", position,
                       "crayon", CLAMP (crayon, 0, SK_HOUSES_ERASER),
                       "size", CLAMP (size, 0, SK_HOUSES_N_SIZES - 1),
                       "points", bytes,
                       NULL);
}

SkHouseKind
sk_house_stroke_get_kind (SkHouseStroke *self)
{
  return sk_record_get_int (SK_RECORD (self), "house");
}

int
sk_house_stroke_get_crayon (SkHouseStroke *self)
{
  return sk_record_get_int (SK_RECORD (self), "crayon");
}

int
sk_house_stroke_get_size (SkHouseStroke *self)
{
  return sk_record_get_int (SK_RECORD (self), "size");
}

GArray *
sk_house_stroke_get_points (SkHouseStroke *self)
{
  g_return_val_if_fail (SK_IS_HOUSE_STROKE (self), NULL);

  if (self->points == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      g_object_get (self, "points", &bytes, NULL);
      self->points = sk_houses_points_decode (bytes);
      /* A damaged blob draws nothing rather than something wrong. */
      if (self->points == NULL)
        self->points = g_array_new (FALSE, FALSE, sizeof (SkHousesPoint));
    }
  return self->points;
}

struct _SkHouseWord
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkHouseWord, sk_house_word, SK_TYPE_RECORD)

static void
sk_house_word_class_init (SkHouseWordClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int ("house", NULL, NULL, 0, SK_HOUSES_N - 1, 0, flags),
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* What lives in the house, in the child's words. */
    sk_record_single_line (g_param_spec_string ("words", NULL, NULL, "", flags)),
    /* The art of one of sk_houses_pictures(), or "". */
    sk_record_choice (g_param_spec_string ("picture", NULL, NULL, "", flags)),
    NULL
  };

  record_class->table = "house_words";
  record_class->order_by = "house, position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_house_word_init (SkHouseWord *self)
{
}

SkHouseKind
sk_house_word_get_kind (SkHouseWord *self)
{
  return sk_record_get_int (SK_RECORD (self), "house");
}

const char *
sk_house_word_get_picture (SkHouseWord *self)
{
  const SkHousesPicture *picture = sk_houses_picture (sk_record_get_string (SK_RECORD (self), "picture"));

  return picture != NULL ? picture->art : NULL;
}

static const SkHousesPicture pictures[] = {
  { "feeling-happy", N_("Happy") },
  { "feeling-sad", N_("Sad") },
  { "feeling-angry", N_("Angry") },
  { "feeling-scared", N_("Scared") },
  { "feeling-worried", N_("Worried") },
  { "feeling-calm", N_("Calm") },
  { "feeling-safe", N_("Safe") },
  { "feeling-proud", N_("Proud") },
  { "feeling-lonely", N_("Lonely") },
  { "feeling-confused", N_("Confused") },
  /* Translators: a picture for a word in a house: a grown-up */
  { "person-adult", N_("A grown-up") },
  /* Translators: a picture for a word in a house: a child */
  { "person-child", N_("A child") },
  /* Translators: a picture for a word in a house: an old person */
  { "person-older", N_("A grandparent") },
  /* Translators: a picture for a word in a house: a baby */
  { "person-baby", N_("A baby") },
  /* Translators: a picture for a word in a house: an animal */
  { "person-pet", N_("A pet") },
};

const SkHousesPicture *
sk_houses_pictures (guint *n_pictures)
{
  *n_pictures = G_N_ELEMENTS (pictures);
  return pictures;
}

const SkHousesPicture *
sk_houses_picture (const char *art)
{
  for (guint i = 0; art != NULL && i < G_N_ELEMENTS (pictures); i++)
    if (strcmp (pictures[i].art, art) == 0)
      return &pictures[i];
  return NULL;
}

/* One conversation's houses */

static void
split (GListStore  *all,
       GListStore **into,
       GType        type)
{
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    into[kind] = g_list_store_new (type);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(SkRecord) record = g_list_model_get_item (G_LIST_MODEL (all), i);
      int kind = sk_record_get_int (record, "house");

      if (kind >= 0 && kind < SK_HOUSES_N)
        g_list_store_append (into[kind], record);
    }
}

SkHouses *
sk_houses_load (SkStore  *store,
                gint64    conversation_id,
                GError  **error)
{
  g_autoptr(SkHouses) self = g_new0 (SkHouses, 1);
  g_autoptr(GListStore) houses = NULL;
  g_autoptr(GListStore) strokes = NULL;
  g_autoptr(GListStore) words = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  self->conversation_id = conversation_id;
  houses = sk_store_list (store, SK_TYPE_HOUSE, "conversation_id", conversation_id, error);
  if (houses == NULL)
    return NULL;
  strokes = sk_store_list (store, SK_TYPE_HOUSE_STROKE, "conversation_id", conversation_id, error);
  if (strokes == NULL)
    return NULL;
  words = sk_store_list (store, SK_TYPE_HOUSE_WORD, "conversation_id", conversation_id, error);
  if (words == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (houses)); i++)
    {
      g_autoptr(SkHouse) house = g_list_model_get_item (G_LIST_MODEL (houses), i);
      SkHouseKind kind = sk_house_get_kind (house);

      if (kind < SK_HOUSES_N && self->houses[kind] == NULL)
        self->houses[kind] = g_steal_pointer (&house);
    }
  split (strokes, self->strokes, SK_TYPE_HOUSE_STROKE);
  split (words, self->words, SK_TYPE_HOUSE_WORD);
  return g_steal_pointer (&self);
}

void
sk_houses_free (SkHouses *self)
{
  if (self == NULL)
    return;
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      g_clear_object (&self->houses[kind]);
      g_clear_object (&self->strokes[kind]);
      g_clear_object (&self->words[kind]);
    }
  g_free (self);
}

gboolean
sk_houses_is_empty (SkHouses    *self,
                    SkHouseKind  kind)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->strokes[kind])) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->words[kind])) == 0;
}

gboolean
sk_houses_get_shared (SkHouses    *self,
                      SkHouseKind  kind)
{
  return self->houses[kind] != NULL && sk_record_get_boolean (SK_RECORD (self->houses[kind]), "shared");
}

/* The house's own row: made with the first thing put in it (or the
 * child's answer), so that a conversation only looked at gets none. */
static SkHouse *
ensure_house (SkHouses     *self,
              SkStore      *store,
              SkHouseKind   kind,
              GError      **error)
{
  g_autoptr(SkHouse) house = NULL;

  if (self->houses[kind] != NULL)
    return self->houses[kind];
  house = g_object_new (SK_TYPE_HOUSE, "conversation-id", self->conversation_id, "house", (int) kind, NULL);
  if (!sk_store_insert (store, house, error))
    return NULL;
  self->houses[kind] = g_steal_pointer (&house);
  return self->houses[kind];
}

gboolean
sk_houses_set_shared (SkHouses     *self,
                      SkStore      *store,
                      SkHouseKind   kind,
                      gboolean      shared,
                      GError      **error)
{
  SkHouse *house;

  g_return_val_if_fail (kind < SK_HOUSES_N, FALSE);

  if (sk_houses_get_shared (self, kind) == shared)
    return TRUE;
  house = ensure_house (self, store, kind, error);
  if (house == NULL)
    return FALSE;
  g_object_set (house, "shared", shared, NULL);
  return TRUE;
}

static int
next_position (GListModel *records)
{
  int next = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SkRecord) record = g_list_model_get_item (records, i);

      next = MAX (next, sk_record_get_int (record, "position") + 1);
    }
  return next;
}

SkHouseStroke *
sk_houses_add_stroke (SkHouses     *self,
                      SkStore      *store,
                      SkHouseKind   kind,
                      int           crayon,
                      int           size,
                      GArray       *points,
                      GError      **error)
{
  g_autoptr(SkHouseStroke) stroke = NULL;

  g_return_val_if_fail (kind < SK_HOUSES_N, NULL);
  g_return_val_if_fail (points != NULL && points->len > 0, NULL);

  gboolean had_house = self->houses[kind] != NULL;

  if (!sk_store_begin (store, error))
    return NULL;
  stroke = sk_house_stroke_new (self->conversation_id, kind, next_position (G_LIST_MODEL (self->strokes[kind])),
                                crayon, size, (const SkHousesPoint *) points->data, points->len);
  if (ensure_house (self, store, kind, error) == NULL ||
      !sk_store_insert (store, stroke, error) ||
      !sk_store_commit (store, error))
    {
      sk_store_rollback (store);
      if (!had_house)
        g_clear_object (&self->houses[kind]);
      return NULL;
    }
  g_list_store_append (self->strokes[kind], stroke);
  return stroke;
}

static gboolean
set_all_trashed (SkStore    *store,
                 GPtrArray  *strokes,
                 gboolean    trashed,
                 GError    **error)
{
  if (!sk_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < strokes->len; i++)
    if (!(trashed ? sk_store_trash : sk_store_restore) (store, strokes->pdata[i], error))
      {
        sk_store_rollback (store);
        return FALSE;
      }
  return sk_store_commit (store, error);
}

gboolean
sk_houses_take (SkHouses   *self,
                SkStore    *store,
                GPtrArray  *strokes,
                GError    **error)
{
  if (!set_all_trashed (store, strokes, TRUE, error))
    return FALSE;
  for (guint i = 0; i < strokes->len; i++)
    {
      SkHouseStroke *stroke = strokes->pdata[i];
      GListStore *list = self->strokes[sk_house_stroke_get_kind (stroke)];
      guint position;

      if (g_list_store_find (list, stroke, &position))
        g_list_store_remove (list, position);
    }
  return TRUE;
}

gboolean
sk_houses_put_back (SkHouses   *self,
                    SkStore    *store,
                    GPtrArray  *strokes,
                    GError    **error)
{
  if (!set_all_trashed (store, strokes, FALSE, error))
    return FALSE;
  for (guint i = 0; i < strokes->len; i++)
    {
      SkHouseStroke *stroke = strokes->pdata[i];

      g_list_store_insert_sorted (self->strokes[sk_house_stroke_get_kind (stroke)], stroke,
                                  sk_record_compare_position, NULL);
    }
  return TRUE;
}

SkHouseWord *
sk_houses_add_word (SkHouses     *self,
                    SkStore      *store,
                    SkHouseKind   kind,
                    const char   *words,
                    const char   *picture,
                    GError      **error)
{
  g_autoptr(SkHouseWord) word = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (words != NULL ? words : ""));
  gboolean had_house;

  g_return_val_if_fail (kind < SK_HOUSES_N, NULL);
  g_return_val_if_fail (*trimmed != '\0', NULL);

  had_house = self->houses[kind] != NULL;
  if (!sk_store_begin (store, error))
    return NULL;
  word = g_object_new (SK_TYPE_HOUSE_WORD,
                       "conversation-id", self->conversation_id,
                       "house", (int) kind,
                       "position", next_position (G_LIST_MODEL (self->words[kind])),
                       "words", trimmed,
                       "picture", sk_houses_picture (picture) != NULL ? picture : "",
                       NULL);
  if (ensure_house (self, store, kind, error) == NULL ||
      !sk_store_insert (store, word, error) ||
      !sk_store_commit (store, error))
    {
      sk_store_rollback (store);
      if (!had_house)
        g_clear_object (&self->houses[kind]);
      return NULL;
    }
  g_list_store_append (self->words[kind], word);
  return word;
}

char *
sk_houses_describe (SkHouses    *self,
                    SkHouseKind  kind)
{
  GListModel *words = G_LIST_MODEL (self->words[kind]);
  guint n_strokes = g_list_model_get_n_items (G_LIST_MODEL (self->strokes[kind]));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (words); i++)
    {
      g_autoptr(SkHouseWord) word = g_list_model_get_item (words, i);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, sk_record_get_string (SK_RECORD (word), "words"));
    }
  if (out->len == 0)
    /* Translators: a house with no words yet, for a screen reader */
    g_string_append (out, _("No words yet"));
  else
    {
      /* Translators: before the words in a house, for a screen reader */
      g_string_prepend (out, " ");
      g_string_prepend (out, _("Words:"));
    }
  g_string_append (out, ". ");
  /* Translators: how many drawings (strokes) are in a house */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u stroke drawn.", "%u strokes drawn.", n_strokes),
                          n_strokes);
  return g_string_free (out, FALSE);
}

SkConversation *
sk_houses_previous (SkStore         *store,
                    SkConversation  *conversation,
                    GError         **error)
{
  return sk_conversation_previous (conversation, store,
                                   "(EXISTS (SELECT 1 FROM house_strokes s WHERE s.conversation_id = c.id AND s.trashed = 0)"
                                   " OR EXISTS (SELECT 1 FROM house_words w WHERE w.conversation_id = c.id AND w.trashed = 0))",
                                   error);
}

static void
shown_clear (gpointer data)
{
  SkHousesShown *shown = data;

  g_clear_pointer (&shown->strokes, g_ptr_array_unref);
  g_clear_pointer (&shown->words, g_ptr_array_unref);
}

static GPtrArray *
to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

GArray *
sk_houses_shown_new (SkHouses    *houses,
                     SkHouseKind  kind)
{
  GArray *data = g_array_new (FALSE, TRUE, sizeof (SkHousesShown));
  SkHousesShown shown = {
    kind,
    to_array (G_LIST_MODEL (houses->strokes[kind])),
    to_array (G_LIST_MODEL (houses->words[kind])),
  };

  g_array_set_clear_func (data, shown_clear);
  g_array_append_val (data, shown);
  return data;
}
