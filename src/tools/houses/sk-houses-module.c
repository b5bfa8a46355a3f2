/* sk-houses-module.c — the Three Houses in the store, the parents'
 * summary, the journal and the child's choices */
#include "config.h"

#include "sk-houses.h"
#include "sk-format.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 10,
    "CREATE TABLE houses ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  house INTEGER NOT NULL DEFAULT 0,"
    "  shared INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX houses_by_conversation ON houses (conversation_id);"
    "CREATE INDEX houses_trashed ON houses (id) WHERE trashed = 1;"
    /* A stroke's points: one blob, written once, when the pen lifts. */
    "CREATE TABLE house_strokes ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  house INTEGER NOT NULL DEFAULT 0,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  crayon INTEGER NOT NULL DEFAULT 0,"
    "  size INTEGER NOT NULL DEFAULT 1,"
    "  points BLOB NOT NULL DEFAULT x'',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX house_strokes_by_conversation ON house_strokes (conversation_id, house, position);"
    "CREATE INDEX house_strokes_trashed ON house_strokes (id) WHERE trashed = 1;"
    "CREATE TABLE house_words ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  house INTEGER NOT NULL DEFAULT 0,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  words TEXT NOT NULL DEFAULT '',"
    "  picture TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX house_words_by_conversation ON house_words (conversation_id, house, position);"
    "CREATE INDEX house_words_trashed ON house_words (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "house_strokes", "house_words", "houses", NULL };

static gboolean
houses_summary (SkSummary       *summary,
                SkStore         *store,
                SkConversation  *conversation,
                GError         **error)
{
  g_autoptr(SkHouses) houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), error);
  gboolean headed = FALSE;

  if (houses == NULL)
    return FALSE;
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      SkSummaryBlock *block;
      g_autofree char *title = NULL;

      /* Only a house the child chose to show, and only one with
       * something in it. */
      if (!sk_houses_get_shared (houses, kind) || sk_houses_is_empty (houses, kind))
        continue;
      if (!headed)
        {
          g_autofree char *possessive = sk_format_possessive (summary->child_name);

          /* Translators: heading in the parents' summary; %s is the child's
           * name made possessive: "Lukas’ tre huse" */
          sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("%s three houses"), possessive));
          headed = TRUE;
        }
      title = g_utf8_strdown (sk_house_kind_title (kind), -1);
      /* Translators: under a house in the parents' summary: 1$ the house
       * ("house of worries"), 2$ the child's name */
      block = sk_summary_add_block (summary, SK_SUMMARY_PICTURE,
                                    g_strdup_printf (_("What lives in the %1$s, as %2$s drew and told it."),
                                                     title, summary->child_name));
      block->picture = "houses";
      block->data = sk_houses_shown_new (houses, kind);
    }
  return TRUE;
}

static gboolean
houses_journal (GString         *out,
                SkStore         *store,
                SkConversation  *conversation,
                GError         **error)
{
  g_autoptr(SkHouses) houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), error);
  gboolean any = FALSE;

  if (houses == NULL)
    return FALSE;
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      GListModel *words = G_LIST_MODEL (houses->words[kind]);
      guint n_strokes = g_list_model_get_n_items (G_LIST_MODEL (houses->strokes[kind]));

      if (sk_houses_is_empty (houses, kind))
        continue;
      if (!any)
        g_string_append_printf (out, "== %s ==\n", _("Three Houses"));
      any = TRUE;
      g_string_append_printf (out, "%s [%s]\n", sk_house_kind_title (kind),
                              sk_journal_shared_mark (sk_houses_get_shared (houses, kind)));
      if (n_strokes == 0)
        /* Translators: in the journal note, a house with words only */
        g_string_append_printf (out, "   %s\n", _("No drawing."));
      else
        {
          g_string_append (out, "   ");
          /* Translators: in the journal note: how much the child drew in a house */
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Drawing: %u stroke.", "Drawing: %u strokes.",
                                                    n_strokes), n_strokes);
          g_string_append (out, "\n");
        }
      for (guint i = 0; i < g_list_model_get_n_items (words); i++)
        {
          g_autoptr(SkHouseWord) word = g_list_model_get_item (words, i);
          const SkHousesPicture *picture = sk_houses_picture (sk_house_word_get_picture (word));

          g_string_append_printf (out, "   - %s", sk_record_get_string (SK_RECORD (word), "words"));
          if (picture != NULL)
            /* Translators: in the journal note, after a word in a house: the picture it carries */
            g_string_append_printf (out, " (%s %s)", _("picture:"), _(picture->name));
          g_string_append (out, "\n");
        }
    }
  if (any)
    g_string_append (out, "\n");
  return TRUE;
}

static gboolean
houses_choices (GPtrArray       *items,
                SkStore         *store,
                SkConversation  *conversation,
                GError         **error)
{
  g_autoptr(SkHouses) houses = sk_houses_load (store, sk_record_get_id (SK_RECORD (conversation)), error);

  if (houses == NULL)
    return FALSE;
  for (int kind = 0; kind < SK_HOUSES_N; kind++)
    {
      g_autofree char *description = NULL;

      if (sk_houses_is_empty (houses, kind) || houses->houses[kind] == NULL)
        continue;
      description = sk_houses_describe (houses, kind);
      sk_summary_add_choice (items, _("Three Houses"), g_strdup (sk_house_kind_title (kind)),
                             g_steal_pointer (&description), SK_RECORD (houses->houses[kind]), "shared", -1);
    }
  return TRUE;
}

const SkToolModule sk_houses_module = {
  .id = "houses",
  .title = N_("Three Houses"),
  .icon = "go-home-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .summary = houses_summary,
  .journal = houses_journal,
  .choices = houses_choices,
};
