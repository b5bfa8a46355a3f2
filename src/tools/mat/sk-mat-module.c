/* sk-mat-module.c — the picture mat in the store, the parents' summary,
 * the journal and the child's choices */
#include "config.h"

#include "sk-mat.h"
#include "sk-format.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 7,
    "CREATE TABLE mat_cards ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  symbol TEXT NOT NULL DEFAULT '',"
    "  word TEXT NOT NULL DEFAULT '',"
    "  mat_column INTEGER NOT NULL DEFAULT 0,"
    "  placed INTEGER NOT NULL DEFAULT 0,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  shared INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX mat_cards_by_conversation ON mat_cards (conversation_id, position);"
    "CREATE INDEX mat_cards_trashed ON mat_cards (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "mat_cards", NULL };

static gboolean
mat_summary (SkSummary       *summary,
             SkStore         *store,
             SkConversation  *conversation,
             GError         **error)
{
  g_autoptr(GListStore) cards = sk_mat_cards (store, sk_record_get_id (SK_RECORD (conversation)), error);
  g_autoptr(GArray) shown = NULL;
  g_autofree char *possessive = NULL;
  SkSummaryBlock *block;

  if (cards == NULL)
    return FALSE;
  shown = sk_mat_shown_new ();
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      g_autoptr(GPtrArray) in = sk_mat_cards_in_column (G_LIST_MODEL (cards), column);

      for (guint i = 0; i < in->len; i++)
        {
          SkMatCard *card = in->pdata[i];

          /* Only the cards the child chose to show. */
          if (sk_record_get_boolean (SK_RECORD (card), "shared"))
            sk_mat_shown_add (shown, column, sk_mat_card_dup_word (card), sk_mat_card_get_art (card));
        }
    }
  if (shown->len == 0)
    return TRUE;
  possessive = sk_format_possessive (summary->child_name);
  /* Translators: heading in the parents' summary; %s is the child's name
   * made possessive ("Freja’s", "Lukas’"): "Lukas’ billedkort" */
  sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("%s picture cards"), possessive));
  /* Translators: under the picture mat in the parents' summary; %s is the child's name */
  block = sk_summary_add_block (summary, SK_SUMMARY_PICTURE,
                                g_strdup_printf (_("%s put each picture where it fits: good, not sure or not good."),
                                                 summary->child_name));
  block->picture = "mat";
  block->data = g_steal_pointer (&shown);
  return TRUE;
}

static gboolean
mat_journal (GString         *out,
             SkStore         *store,
             SkConversation  *conversation,
             GError         **error)
{
  g_autoptr(GListStore) cards = sk_mat_cards (store, sk_record_get_id (SK_RECORD (conversation)), error);
  g_autoptr(GPtrArray) placed = NULL;
  g_autoptr(GPtrArray) left = NULL;

  if (cards == NULL)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (cards)) == 0)
    return TRUE;
  g_string_append_printf (out, "== %s ==\n", _("Picture cards"));
  /* In the order the child placed them: the order says something too. */
  placed = g_ptr_array_new_with_free_func (g_object_unref);
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      g_autoptr(GPtrArray) in = sk_mat_cards_in_column (G_LIST_MODEL (cards), column);

      for (guint i = 0; i < in->len; i++)
        g_ptr_array_add (placed, g_object_ref (in->pdata[i]));
    }
  for (guint i = 0; i < placed->len; i++)
    for (guint j = i + 1; j < placed->len; j++)
      if (sk_mat_card_get_placed (placed->pdata[j]) < sk_mat_card_get_placed (placed->pdata[i]))
        {
          gpointer swap = placed->pdata[i];

          placed->pdata[i] = placed->pdata[j];
          placed->pdata[j] = swap;
        }
  for (guint i = 0; i < placed->len; i++)
    {
      SkMatCard *card = placed->pdata[i];
      g_autofree char *word = sk_mat_card_dup_word (card);
      g_autofree char *note = sk_summary_trim (sk_record_get_string (SK_RECORD (card), "note"));

      /* Translators: in the journal note, one picture card: 1$ the order
       * in which the child placed it, 2$ its word, 3$ the column ("Good") */
      g_string_append_printf (out, _("%1$d. %2$s: %3$s"), (int) i + 1, word,
                              sk_mat_column_label (sk_mat_card_get_column (card)));
      g_string_append_printf (out, " [%s]\n", sk_journal_shared_mark (sk_record_get_boolean (SK_RECORD (card), "shared")));
      if (*note != '\0')
        /* Translators: in the journal note, before the caseworker's note on a picture card */
        g_string_append_printf (out, "   %s %s\n", _("Note:"), note);
    }
  left = sk_mat_cards_in_column (G_LIST_MODEL (cards), SK_MAT_NONE);
  if (left->len > 0)
    {
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < left->len; i++)
        g_ptr_array_add (words, sk_mat_card_dup_word (left->pdata[i]));
      g_ptr_array_add (words, NULL);
      {
        g_autofree char *list = g_strjoinv (", ", (char **) words->pdata);

        /* Translators: in the journal note: the picture cards the child did not place */
        g_string_append_printf (out, "%s %s\n", _("Not placed:"), list);
      }
    }
  g_string_append (out, "\n");
  return TRUE;
}

static gboolean
mat_choices (GPtrArray       *items,
             SkStore         *store,
             SkConversation  *conversation,
             GError         **error)
{
  g_autoptr(GListStore) cards = sk_mat_cards (store, sk_record_get_id (SK_RECORD (conversation)), error);

  if (cards == NULL)
    return FALSE;
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      g_autoptr(GPtrArray) in = sk_mat_cards_in_column (G_LIST_MODEL (cards), column);

      for (guint i = 0; i < in->len; i++)
        sk_summary_add_choice (items, _("Picture cards"), sk_mat_card_dup_word (in->pdata[i]),
                               g_strdup (sk_mat_column_label (column)), SK_RECORD (in->pdata[i]), "shared", -1);
    }
  return TRUE;
}

const SkToolModule sk_mat_module = {
  .id = "mat",
  .title = N_("Picture cards"),
  .icon = "view-grid-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  .ways = SK_WAY_PICTURES,
  .schema = schema,
  .tables = tables,
  .summary = mat_summary,
  .journal = mat_journal,
  .choices = mat_choices,
};
