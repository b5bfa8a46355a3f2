/* sk-summary.h — the parents' summary and the journal note, built from a
 * conversation
 *
 * The summary is a document model (generic blocks in order) that render
 * lays out on paper and on screen; it holds only what the child chose to
 * share and never the caseworker's own notes.  The journal note is plain
 * text with everything, for the case system.  The conversation gives its
 * own fields; every tool adds its part (sk-tool-module.h).
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
  SK_SUMMARY_PARAGRAPH,   /* text, flowing over pages */
  SK_SUMMARY_ITEM,        /* art: a picture beside text: a title; detail;
                           * words: the child's own, quoted */
  SK_SUMMARY_PICTURE,     /* a tool's own drawing (picture: the tool's id,
                           * data: what it draws); text: a line under it */
  SK_SUMMARY_BOX,         /* a framed box: text its title, detail its lines */
  SK_SUMMARY_CONTACT,     /* text: who to call, one line each; detail: what
                           * to do when they disagree.  Kept together with
                           * the footer after it. */
  SK_SUMMARY_FOOTER,      /* text */
  SK_SUMMARY_PHOTO,       /* a person's photo (detail: the file) with text
                           * beside it: the caseworker on a letter */
  SK_SUMMARY_KEY,         /* a framed box: text its title, detail a key to
                           * be copied by hand, one group of it a line, large
                           * and in a face whose letters are all one width */
} SkSummaryKind;

typedef struct
{
  SkSummaryKind kind;
  char         *text;
  char         *detail;
  char         *words;
  char         *art;
  const char   *picture;
  GArray       *data;
} SkSummaryBlock;

typedef struct
{
  char      *language;
  char      *child_name;  /* the first name only: what the paper calls the child */
  GPtrArray *blocks;      /* SkSummaryBlock */
} SkSummary;

/* Who the parents can call. */
typedef struct
{
  const char *caseworker;
  const char *municipality;
  const char *phone;
  const char *phone_hours;   /* "Mon–Thu 9–12" */
  const char *email;
  const char *photo;         /* a picture file of the caseworker, for letters; or NULL */
} SkSummarySender;

/* @language: "da" or "en", the parents' language; the summary's words are
 * written in it, whatever the interface's is. */
SkSummary      *sk_summary_build       (SkStore               *store,
                                        SkConversation        *conversation,
                                        const char            *language,
                                        const SkSummarySender *sender,
                                        GError               **error);
void            sk_summary_free        (SkSummary             *summary);
/* An empty summary (or letter) in @language, for the child @name (it
 * keeps the first name). */
SkSummary      *sk_summary_new         (const char            *language,
                                        const char            *name);
/* The paper for the recovery key (sk-key.h), in @language: what it is,
 * where to keep it, and the key, "ABCD-EFGH-…", in two lines of four
 * groups.  Nothing else is on it. */
SkSummary      *sk_summary_new_recovery_key (const char       *language,
                                        const char            *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkSummary, sk_summary_free)

/* For the tools' parts: a block at the end (@text is taken), and a
 * heading with the text under it when there is text (@heading taken). */
SkSummaryBlock *sk_summary_add_block   (SkSummary             *summary,
                                        SkSummaryKind          kind,
                                        char                  *text);
void            sk_summary_add_section (SkSummary             *summary,
                                        char                  *heading,
                                        const char            *text);
/* @text without the spaces around it; never NULL. */
char           *sk_summary_trim        (const char            *text);

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
/* For the tools' choices: adds one (@title and @detail are taken) and
 * returns its index, for the items that depend on it. */
int        sk_summary_add_choice   (GPtrArray      *items,
                                    const char     *group,
                                    char           *title,
                                    char           *detail,
                                    SkRecord       *record,
                                    const char     *property,
                                    int             depends_on);
/* The first line of @text, cut to 80 characters: enough to know it again. */
char      *sk_summary_first_words  (const char     *text);

/* The whole conversation as plain text for the case system, in the
 * interface's language: everything, each tool's part, and what is shared
 * with the parents marked; the caseworker's own notes only with
 * @own_notes. */
char       *sk_journal_build       (SkStore        *store,
                                    SkConversation *conversation,
                                    gboolean        own_notes,
                                    GError        **error);
/* For the tools' parts: "Label:\ntext\n\n", and "shared with the parents"
 * or "not shared with the parents". */
void        sk_journal_add_field   (GString        *out,
                                    const char     *label,
                                    const char     *text);
const char *sk_journal_shared_mark (gboolean        shared);

G_END_DECLS
