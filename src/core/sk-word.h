/* sk-word.h — a stored key with the words a person reads for it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;     /* stored; never translated */
  const char *label;   /* N_() */
} SkWord;

G_END_DECLS
