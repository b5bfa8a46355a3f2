/* sk-letter.h — writing to the child: an invitation before the
 * conversation and a letter after it, one page each, in the child's
 * language
 *
 * Written as the municipality's writing principles ask: the sender first
 * ("I am …, your caseworker"), what the letter is for, short sentences,
 * "you", and no case language (sk_letter_case_words()).  The letter after
 * holds only what the child chose to share: the same choices as the
 * parents' summary.
 */
#pragma once

#include "sk-child.h"
#include "sk-summary.h"

G_BEGIN_DECLS

typedef enum
{
  SK_LETTER_INVITATION,   /* before: who, when, where, what we will do */
  SK_LETTER_AFTER,        /* "Letter to you": what you told me, what now */
} SkLetterKind;

/* The language a letter to the child is written in: the child's own
 * ("da" or "en"), else Danish. */
const char *sk_letter_language (SkChild *child);

/* The letter as blocks for the summary's renderer (one page).  @language
 * NULL: the child's.  @sender: who writes (the caseworker's name is
 * needed for a letter to be sent; without it the letter says "I"). */
SkSummary  *sk_letter_build    (SkStore               *store,
                                SkConversation        *conversation,
                                SkLetterKind           kind,
                                const char            *language,
                                const SkSummarySender *sender,
                                GError               **error);
/* The letter's words as plain text (for the parents' summary). */
char       *sk_letter_text     (const SkSummary       *letter);

/* Case words found in @text (NULL-terminated, or NULL when none): what a
 * letter to a child must not say. */
GStrv       sk_letter_case_words (const char *text);

G_END_DECLS
