/* sk-mat.h — the picture mat: cards with a picture, sorted by the child
 * into good, not sure and not good
 *
 * After Talking Mats: the caseworker lays out today's cards (from topic
 * sets, or with a word of their own); the child puts each one in a column
 * — by dragging, by touching the card and then the column, by keys or by
 * one switch — and may move it again.  The order in which the child placed
 * them is kept.  Per card the caseworker notes what the child said or did;
 * the child decides which cards the parents see.
 */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_MAT_NONE,       /* not placed yet: on the tray */
  SK_MAT_GOOD,
  SK_MAT_UNSURE,
  SK_MAT_BAD,
} SkMatColumn;

#define SK_MAT_N_COLUMNS 3

typedef struct
{
  const char *key;     /* stored; never translated */
  const char *word;    /* N_(): a word a child of four knows */
  const char *art;     /* picture name */
  const char *set;     /* the key of its SkMatSet */
} SkMatSymbol;

typedef struct
{
  const char *key;
  const char *title;   /* N_(): "My day" */
} SkMatSet;

const SkMatSet    *sk_mat_sets         (guint       *n_sets);
const SkMatSymbol *sk_mat_symbols      (guint       *n_symbols);
const SkMatSymbol *sk_mat_symbol       (const char  *key);

/* The column's heading ("Good") and picture, in the interface's
 * language. */
const char        *sk_mat_column_label (SkMatColumn  column);
const char        *sk_mat_column_art   (SkMatColumn  column);

#define SK_TYPE_MAT_CARD (sk_mat_card_get_type ())
G_DECLARE_FINAL_TYPE (SkMatCard, sk_mat_card, SK, MAT_CARD, SkRecord)

/* A card for the conversation: @symbol's picture, and @word when the
 * caseworker wrote one of their own (NULL: the symbol's word). */
SkMatCard         *sk_mat_card_new        (gint64       conversation_id,
                                           const char  *symbol,
                                           const char  *word,
                                           int          position);
const SkMatSymbol *sk_mat_card_get_symbol (SkMatCard   *self);
/* The card's word, in the interface's language: the caseworker's own,
 * or the symbol's. */
char              *sk_mat_card_dup_word   (SkMatCard   *self);
const char        *sk_mat_card_get_art    (SkMatCard   *self);
SkMatColumn        sk_mat_card_get_column (SkMatCard   *self);
/* When the child placed it, among the conversation's cards: 1 for the
 * first; 0 while on the tray. */
int                sk_mat_card_get_placed (SkMatCard   *self);
/* Puts the card in @column (SK_MAT_NONE: back on the tray), after every
 * card placed so far of @cards. */
void               sk_mat_card_place      (SkMatCard   *self,
                                           SkMatColumn  column,
                                           GListModel  *cards);

/* The conversation's cards, in the caseworker's order (position). */
GListStore        *sk_mat_cards           (SkStore     *store,
                                           gint64       conversation_id,
                                           GError     **error);
/* The card of @symbol with no word of its own, or NULL. */
SkMatCard         *sk_mat_cards_find      (GListModel  *cards,
                                           const char  *symbol);
/* The cards in one column, in the order the child placed them. */
GPtrArray         *sk_mat_cards_in_column (GListModel  *cards,
                                           SkMatColumn  column);
int                sk_mat_cards_next_position (GListModel *cards);
/* A new card at the end of @cards, stored.  Returns: (transfer none) */
SkMatCard         *sk_mat_cards_add       (SkStore     *store,
                                           GListStore  *cards,
                                           gint64       conversation_id,
                                           const char  *symbol,
                                           const char  *word,
                                           GError     **error);

/* What the parents' paper shows of the mat (SK_SUMMARY_PICTURE data):
 * the shared cards, column by column in the order they were placed. */
typedef struct
{
  SkMatColumn  column;
  char        *word;
  char        *art;
} SkMatShown;

GArray            *sk_mat_shown_new       (void);
/* Takes @word. */
void               sk_mat_shown_add       (GArray      *shown,
                                           SkMatColumn  column,
                                           char        *word,
                                           const char  *art);

G_END_DECLS
