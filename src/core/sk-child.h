/* sk-child.h — a child the caseworker talks with */
#pragma once

#include "sk-record.h"
#include "sk-store.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD (sk_child_get_type ())
G_DECLARE_FINAL_TYPE (SkChild, sk_child, SK, CHILD, SkRecord)

/* How a child talks with us: it decides which tools the child's view
 * offers and how they look (a tool's SkToolModule.ways).  Stored as its
 * key: "words", "pictures", "observation". */
typedef enum
{
  SK_WAY_WORDS       = 1 << 0,   /* reads and says sentences: every tool */
  SK_WAY_PICTURES    = 1 << 1,   /* pictures first, few words (the Special kit, 3–6 years) */
  SK_WAY_OBSERVATION = 1 << 2,   /* shows rather than says: babies, the smallest children */
} SkWay;

#define SK_WAY_ALL (SK_WAY_WORDS | SK_WAY_PICTURES | SK_WAY_OBSERVATION)
/* The ways a child talks with us in, at the table: not observation. */
#define SK_WAY_TALKING (SK_WAY_WORDS | SK_WAY_PICTURES)

SkChild    *sk_child_new              (const char *name);
/* How many children (not in the trash) have had no conversation since
 * @since (Unix time), nor were added since; -1 with @error set. */
gint64      sk_child_count_quiet      (SkStore    *store,
                                       gint64      since,
                                       GError    **error);
const char *sk_child_get_name         (SkChild *self);
int         sk_child_get_birth_year   (SkChild *self);
const char *sk_child_get_case_ref     (SkChild *self);
const char *sk_child_get_language     (SkChild *self);
SkWay       sk_child_get_way          (SkChild *self);
void        sk_child_set_way          (SkChild *self,
                                       SkWay    way);
/* The way suggested for a child born in @birth_year (0: not known):
 * observation under 3, pictures under 7, words from then on. */
SkWay       sk_child_suggest_way      (int      birth_year);
const char *sk_way_key                (SkWay    way);
SkWay       sk_way_from_key           (const char *key);
/* "Words", "Pictures", "Observation", in the interface's language. */
const char *sk_way_label              (SkWay    way);

/* TRUE when @needle (already case-folded and normalized with
 * sk_child_fold_text()) occurs in the name or the case reference. */
gboolean    sk_child_matches          (SkChild    *self,
                                       const char *needle);
char       *sk_child_fold_text        (const char *text);

G_END_DECLS
