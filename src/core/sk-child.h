/* sk-child.h — a child the caseworker talks with */
#pragma once

#include "sk-record.h"

G_BEGIN_DECLS

#define SK_TYPE_CHILD (sk_child_get_type ())
G_DECLARE_FINAL_TYPE (SkChild, sk_child, SK, CHILD, SkRecord)

SkChild    *sk_child_new              (const char *name);
const char *sk_child_get_name         (SkChild *self);
int         sk_child_get_birth_year   (SkChild *self);
const char *sk_child_get_case_ref     (SkChild *self);
const char *sk_child_get_language     (SkChild *self);

/* TRUE when @needle (already case-folded and normalized with
 * sk_child_fold_text()) occurs in the name or the case reference. */
gboolean    sk_child_matches          (SkChild    *self,
                                       const char *needle);
char       *sk_child_fold_text        (const char *text);

G_END_DECLS
