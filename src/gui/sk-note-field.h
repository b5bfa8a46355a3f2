/* sk-note-field.h — a titled text area bound to a text column of a record */
#pragma once

#include <gtk/gtk.h>

#include "sk-record.h"

G_BEGIN_DECLS

#define SK_TYPE_NOTE_FIELD (sk_note_field_get_type ())
G_DECLARE_FINAL_TYPE (SkNoteField, sk_note_field, SK, NOTE_FIELD, GtkWidget)

void         sk_note_field_bind          (SkNoteField *self,
                                          SkRecord    *record,
                                          const char  *property);
GtkTextView *sk_note_field_get_text_view (SkNoteField *self);
void         sk_note_field_set_spoken_name (SkNoteField *self,
                                            const char  *name);

G_END_DECLS
