/* sk-summary.h — the parents' summary and the journal note, built from a
 * conversation
 *
 * The summary is a document model (blocks in order) that render lays out
 * on paper and on screen; it holds only what the child chose to share and
 * never the caseworker's own notes.  The journal note is plain text with
 * everything, for the case system.
 */
#pragma once

#include "sk-conversation.h"
#include "sk-store.h"

G_BEGIN_DECLS

typedef enum
{
  SK_SUMMARY_TITLE,       /* text */
  SK_SUMMARY_META,        /* text: name, date, place */
  SK_SUMMARY_HEADING,     /* text */
  SK_SUMMARY_PARAGRAPH,   /* text */
  SK_SUMMARY_FACE,        /* text: topic, detail: face and feelings, words, art */
  SK_SUMMARY_MAP,         /* people; text: a line that explains the marks */
  SK_SUMMARY_CONTACT,     /* text, one line each */
  SK_SUMMARY_FOOTER,      /* text */
} SkSummaryKind;

typedef struct
{
  char    *name;
  char    *relation;
  char    *avatar;
  gboolean can_talk;
  gboolean worried;
  double   angle;
  double   distance;
} SkSummaryPerson;

typedef struct
{
  SkSummaryKind kind;
  char         *text;
  char         *detail;
  char         *words;
  char         *art;
  GArray       *people;   /* SkSummaryPerson, for SK_SUMMARY_MAP */
} SkSummaryBlock;

typedef struct
{
  char      *language;
  char      *child_name;
  GPtrArray *blocks;      /* SkSummaryBlock */
} SkSummary;

/* Who the parents can call. */
typedef struct
{
  const char *caseworker;
  const char *municipality;
  const char *phone;
} SkSummarySender;

/* @language: "da" or "en", the parents' language; the summary's words are
 * written in it, whatever the interface's is. */
SkSummary *sk_summary_build (SkStore               *store,
                             SkConversation        *conversation,
                             const char            *language,
                             const SkSummarySender *sender,
                             GError               **error);
void       sk_summary_free  (SkSummary             *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkSummary, sk_summary_free)

/* One thing the child decides about, item by item: may the parents see
 * it?  Its words are in the interface's language, for the child. */
typedef struct
{
  char       *group;       /* the heading it stands under */
  char       *title;
  char       *detail;      /* or NULL */
  SkRecord   *record;
  const char *property;    /* a boolean of @record: TRUE when the parents may see it */
  int         depends_on;  /* the index of the item that must be shared first, or -1 */
} SkShareItem;

/* Every item of @conversation the child can share, in the summary's
 * order; only what there is (a topic with a face, a map with people).
 * Returns: (element-type SkShareItem) */
GPtrArray *sk_summary_list_choices (SkStore        *store,
                                    SkConversation *conversation,
                                    GError        **error);

/* The whole conversation as plain text for the case system, in the
 * interface's language: everything, with the caseworker's notes and the
 * Lundy steps, and what is shared with the parents marked. */
char      *sk_journal_build (SkStore               *store,
                             SkConversation        *conversation,
                             GError               **error);

G_END_DECLS
