/* sk-mat.c — the picture mat's cards and columns */
#include "config.h"

#include "sk-mat.h"

#include <glib/gi18n-lib.h>

struct _SkMatCard
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkMatCard, sk_mat_card, SK_TYPE_RECORD)

static const SkMatSet sets[] = {
  /* Translators: a set of picture cards */
  { "day", N_("My day") },
  /* Translators: a set of picture cards */
  { "home", N_("Home") },
  /* Translators: a set of picture cards */
  { "school", N_("School or kindergarten") },
  /* Translators: a set of picture cards */
  { "people", N_("People") },
  /* Translators: a set of picture cards */
  { "body", N_("My body") },
  /* Translators: a set of picture cards */
  { "feelings", N_("Feelings") },
};

/* Translators: the words on the picture cards are short nouns or verbs a
 * child of four knows: "mad", "sove", "bade" … */
static const SkMatSymbol symbols[] = {
  { "food", N_("food"), "symbol-food", "day" },
  { "sleep", N_("sleeping"), "symbol-sleep", "day" },
  { "bath", N_("bath"), "symbol-bath", "day" },
  { "dressing", N_("getting dressed"), "symbol-dressing", "day" },
  { "bus", N_("the bus"), "symbol-bus", "day" },
  { "screen", N_("screens"), "symbol-screen", "day" },
  { "play", N_("playing"), "symbol-play", "day" },
  { "sport", N_("sport"), "symbol-sport", "day" },
  { "toilet", N_("the toilet"), "symbol-toilet", "day" },
  { "outside", N_("being outside"), "symbol-outside", "day" },
  { "home", N_("home"), "symbol-home", "home" },
  { "own-room", N_("my room"), "symbol-own-room", "home" },
  { "meal", N_("eating together"), "symbol-meal", "home" },
  { "two-homes", N_("two homes"), "symbol-two-homes", "home" },
  { "chores", N_("helping at home"), "symbol-chores", "home" },
  { "school", N_("school"), "symbol-school", "school" },
  { "kindergarten", N_("kindergarten"), "symbol-kindergarten", "school" },
  { "break", N_("break"), "symbol-break", "school" },
  { "lesson", N_("lessons"), "symbol-lesson", "school" },
  { "homework", N_("homework"), "symbol-homework", "school" },
  { "mum", N_("mum"), "symbol-mum", "people" },
  { "dad", N_("dad"), "symbol-dad", "people" },
  { "brother", N_("brother"), "symbol-brother", "people" },
  { "sister", N_("sister"), "symbol-sister", "people" },
  { "grandparents", N_("grandparents"), "symbol-grandparents", "people" },
  { "pet", N_("pet"), "symbol-pet", "people" },
  { "friend", N_("friend"), "symbol-friend", "people" },
  { "teacher", N_("teacher"), "symbol-teacher", "people" },
  { "pedagogue", N_("pedagogue"), "symbol-pedagogue", "people" },
  { "alone", N_("being alone"), "symbol-alone", "people" },
  { "pain", N_("pain"), "symbol-pain", "body" },
  { "tummy", N_("tummy"), "symbol-tummy", "body" },
  { "tired", N_("tired"), "symbol-tired", "body" },
  { "touch", N_("being touched"), "symbol-touch", "body" },
  { "noise", N_("noise"), "symbol-noise", "body" },
  { "hungry", N_("hungry"), "symbol-hungry", "body" },
  { "happy", N_("happy"), "feeling-happy", "feelings" },
  { "sad", N_("sad"), "feeling-sad", "feelings" },
  { "angry", N_("angry"), "feeling-angry", "feelings" },
  { "scared", N_("scared"), "feeling-scared", "feelings" },
  { "calm", N_("calm"), "feeling-calm", "feelings" },
  { "worried", N_("worried"), "feeling-worried", "feelings" },
};

const SkMatSet *
sk_mat_sets (guint *n_sets)
{
  *n_sets = G_N_ELEMENTS (sets);
  return sets;
}

const SkMatSymbol *
sk_mat_symbols (guint *n_symbols)
{
  *n_symbols = G_N_ELEMENTS (symbols);
  return symbols;
}

const SkMatSymbol *
sk_mat_symbol (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_strcmp0 (symbols[i].key, key) == 0)
      return &symbols[i];
  return NULL;
}

const char *
sk_mat_column_label (SkMatColumn column)
{
  switch (column)
    {
    /* Translators: a column of the picture mat */
    case SK_MAT_GOOD: return _("Good");
    /* Translators: a column of the picture mat */
    case SK_MAT_UNSURE: return _("Not sure");
    /* Translators: a column of the picture mat */
    case SK_MAT_BAD: return _("Not good");
    case SK_MAT_NONE:
    default:
      /* Translators: the cards not yet put on the picture mat */
      return _("Cards");
    }
}

const char *
sk_mat_column_art (SkMatColumn column)
{
  switch (column)
    {
    case SK_MAT_GOOD: return "mat-good";
    case SK_MAT_UNSURE: return "mat-unsure";
    case SK_MAT_BAD: return "mat-bad";
    case SK_MAT_NONE:
    default:
      return NULL;
    }
}

static void
sk_mat_card_class_init (SkMatCardClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* The caseworker's order of the cards on the tray. */
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* One of the symbols' keys. */
    sk_record_choice (g_param_spec_string ("symbol", NULL, NULL, "", flags)),
    /* The caseworker's own word for the card; empty: the symbol's. */
    sk_record_single_line (g_param_spec_string ("word", NULL, NULL, "", flags)),
    /* SkMatColumn: where the child put it. */
    g_param_spec_int ("mat-column", NULL, NULL, SK_MAT_NONE, SK_MAT_BAD, SK_MAT_NONE, flags),
    /* The order in which the child placed the cards: 1, 2, …; 0 on the tray. */
    g_param_spec_int ("placed", NULL, NULL, 0, G_MAXINT, 0, flags),
    /* What the child said or did with the card, as the caseworker noted
     * it: in the journal, never on the parents' paper. */
    g_param_spec_string ("note", NULL, NULL, "", flags),
    /* The child's choice: the parents may see this card. */
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, flags),
    NULL
  };

  record_class->table = "mat_cards";
  record_class->order_by = "position, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_mat_card_init (SkMatCard *self)
{
}

SkMatCard *
sk_mat_card_new (gint64      conversation_id,
                 const char *symbol,
                 const char *word,
                 int         position)
{
  g_autofree char *own = g_strstrip (g_strdup (word != NULL ? word : ""));

  g_return_val_if_fail (sk_mat_symbol (symbol) != NULL, NULL);

  return g_object_new (SK_TYPE_MAT_CARD,
                       "conversation-id", conversation_id,
                       "symbol", symbol,
                       "word", own,
                       "position", position,
                       NULL);
}

const SkMatSymbol *
sk_mat_card_get_symbol (SkMatCard *self)
{
  g_return_val_if_fail (SK_IS_MAT_CARD (self), NULL);

  return sk_mat_symbol (sk_record_get_string (SK_RECORD (self), "symbol"));
}

char *
sk_mat_card_dup_word (SkMatCard *self)
{
  const char *own;
  const SkMatSymbol *symbol;

  g_return_val_if_fail (SK_IS_MAT_CARD (self), NULL);

  own = sk_record_get_string (SK_RECORD (self), "word");
  if (own != NULL && *own != '\0')
    return g_strdup (own);
  symbol = sk_mat_card_get_symbol (self);
  /* A symbol a newer program knows: the key is better than nothing. */
  return g_strdup (symbol != NULL ? _(symbol->word) : sk_record_get_string (SK_RECORD (self), "symbol"));
}

const char *
sk_mat_card_get_art (SkMatCard *self)
{
  const SkMatSymbol *symbol = sk_mat_card_get_symbol (self);

  return symbol != NULL ? symbol->art : "mat-unsure";
}

SkMatColumn
sk_mat_card_get_column (SkMatCard *self)
{
  g_return_val_if_fail (SK_IS_MAT_CARD (self), SK_MAT_NONE);

  return sk_record_get_int (SK_RECORD (self), "mat-column");
}

int
sk_mat_card_get_placed (SkMatCard *self)
{
  g_return_val_if_fail (SK_IS_MAT_CARD (self), 0);

  return sk_record_get_int (SK_RECORD (self), "placed");
}

void
sk_mat_card_place (SkMatCard   *self,
                   SkMatColumn  column,
                   GListModel  *cards)
{
  int last = 0;

  g_return_if_fail (SK_IS_MAT_CARD (self));
  g_return_if_fail (column >= SK_MAT_NONE && column <= SK_MAT_BAD);

  if (column == sk_mat_card_get_column (self))
    return;
  for (guint i = 0; cards != NULL && i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (cards, i);

      last = MAX (last, sk_mat_card_get_placed (card));
    }
  g_object_set (self,
                "mat-column", (int) column,
                "placed", column == SK_MAT_NONE ? 0 : last + 1,
                NULL);
}

GListStore *
sk_mat_cards (SkStore  *store,
              gint64    conversation_id,
              GError  **error)
{
  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  return sk_store_list (store, SK_TYPE_MAT_CARD, "conversation_id", conversation_id, error);
}

SkMatCard *
sk_mat_cards_find (GListModel *cards,
                   const char *symbol)
{
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sk_record_get_string (SK_RECORD (card), "symbol"), symbol) == 0 &&
          *sk_record_get_string (SK_RECORD (card), "word") == '\0')
        return card;   /* the list holds it */
    }
  return NULL;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  return sk_mat_card_get_placed (*(SkMatCard **) a) - sk_mat_card_get_placed (*(SkMatCard **) b);
}

GPtrArray *
sk_mat_cards_in_column (GListModel  *cards,
                        SkMatColumn  column)
{
  GPtrArray *in = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      SkMatCard *card = g_list_model_get_item (cards, i);

      if (sk_mat_card_get_column (card) == column)
        g_ptr_array_add (in, card);
      else
        g_object_unref (card);
    }
  if (column != SK_MAT_NONE)
    g_ptr_array_sort (in, compare_placed);
  return in;
}

int
sk_mat_cards_next_position (GListModel *cards)
{
  int next = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(SkMatCard) card = g_list_model_get_item (cards, i);

      next = MAX (next, sk_record_get_int (SK_RECORD (card), "position") + 1);
    }
  return next;
}

SkMatCard *
sk_mat_cards_add (SkStore     *store,
                  GListStore  *cards,
                  gint64       conversation_id,
                  const char  *symbol,
                  const char  *word,
                  GError     **error)
{
  g_autoptr(SkMatCard) card = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (sk_mat_symbol (symbol) != NULL, NULL);

  card = sk_mat_card_new (conversation_id, symbol, word, sk_mat_cards_next_position (G_LIST_MODEL (cards)));
  if (!sk_store_insert (store, card, error))
    return NULL;
  g_list_store_append (cards, card);
  return card;   /* the list holds it */
}

static void
shown_clear (gpointer data)
{
  SkMatShown *one = data;

  g_clear_pointer (&one->word, g_free);
  g_clear_pointer (&one->art, g_free);
}

GArray *
sk_mat_shown_new (void)
{
  GArray *shown = g_array_new (FALSE, TRUE, sizeof (SkMatShown));

  g_array_set_clear_func (shown, shown_clear);
  return shown;
}

void
sk_mat_shown_add (GArray      *shown,
                  SkMatColumn  column,
                  char        *word,
                  const char  *art)
{
  SkMatShown one = { column, word, g_strdup (art) };

  g_array_append_val (shown, one);
}
