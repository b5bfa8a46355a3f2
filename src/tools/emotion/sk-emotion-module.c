/* sk-emotion-module.c — "How I feel" in the store, the summary, the
 * journal and the child's choices */
#include "config.h"

#include "sk-emotion.h"
#include "sk-format.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 2,
    "CREATE TABLE emotion_ratings ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  topic_key TEXT NOT NULL DEFAULT '',"
    "  topic TEXT NOT NULL DEFAULT '',"
    "  face INTEGER NOT NULL DEFAULT 0,"
    "  feelings TEXT NOT NULL DEFAULT '',"
    "  child_words TEXT NOT NULL DEFAULT '',"
    "  shared INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX emotion_ratings_by_conversation ON emotion_ratings (conversation_id, position);"
    "CREATE INDEX emotion_ratings_trashed ON emotion_ratings (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "emotion_ratings", NULL };

static char *
feelings_text (SkEmotionRating *rating)
{
  g_auto(GStrv) keys = sk_emotion_rating_dup_feelings (rating);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (words, (gpointer) sk_feeling_label (keys[i]));
  g_ptr_array_add (words, NULL);
  return g_strjoinv (", ", (char **) words->pdata);
}

/* For the parents: "safe and calm", in lower case after the face. */
static char *
feelings_sentence (SkEmotionRating *rating)
{
  g_auto(GStrv) keys = sk_emotion_rating_dup_feelings (rating);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (words, g_utf8_strdown (sk_feeling_label (keys[i]), -1));
  g_ptr_array_add (words, NULL);
  return sk_format_list ((const char * const *) words->pdata);
}

static gboolean
emotion_summary (SkSummary       *summary,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
  g_autoptr(SkChild) child = NULL;
  gboolean heading = FALSE, three;

  if (topics == NULL)
    return FALSE;
  /* A child in picture mode chose among three faces: the paper says those
   * faces' words. */
  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), NULL);
  three = child != NULL && sk_child_get_way (child) == SK_WAY_PICTURES;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topics)); i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      int face = sk_emotion_rating_get_face (rating);
      g_autofree char *feelings = NULL;
      SkSummaryBlock *block;

      /* Only what the child chose to share, and only what was answered. */
      if (!sk_emotion_rating_get_shared (rating) || face == SK_FACE_NONE)
        continue;
      if (!heading)
        {
          /* Translators: heading in the parents' summary; %s is the child's name */
          sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("How %s feels"), summary->child_name));
          heading = TRUE;
        }
      feelings = feelings_sentence (rating);
      block = sk_summary_add_block (summary, SK_SUMMARY_ITEM, sk_emotion_rating_dup_title (rating));
      block->detail = *feelings != '\0'
                      /* Translators: in the parents' summary: 1$ the face, "Good"; 2$ the feelings, "safe and calm" */
                      ? g_strdup_printf (_("%1$s – %2$s"), three ? sk_face_label_three (face) : sk_face_label (face), feelings)
                      : g_strdup (three ? sk_face_label_three (face) : sk_face_label (face));
      block->words = sk_summary_trim (sk_record_get_string (SK_RECORD (rating), "child-words"));
      block->art = g_strdup (sk_face_art (face));
    }
  return TRUE;
}

static gboolean
emotion_journal (GString         *out,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
  guint n;

  if (topics == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (topics));
  if (n == 0)
    return TRUE;
  g_string_append_printf (out, "== %s ==\n", _("How I feel"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      g_autofree char *title = sk_emotion_rating_dup_title (rating);
      g_autofree char *feelings = feelings_text (rating);
      g_autofree char *words = sk_summary_trim (sk_record_get_string (SK_RECORD (rating), "child-words"));
      int face = sk_emotion_rating_get_face (rating);

      g_string_append_printf (out, "- %s: %s", title, face != SK_FACE_NONE ? sk_face_label (face) : _("no answer"));
      if (*feelings != '\0')
        g_string_append_printf (out, " (%s)", feelings);
      if (*words != '\0')
        {
          /* Translators: quotation marks around the child's own words */
          g_autofree char *quoted = g_strdup_printf (C_("quotation", "“%s”"), words);

          g_string_append_printf (out, " — %s", quoted);
        }
      g_string_append_printf (out, " [%s]\n", sk_journal_shared_mark (sk_emotion_rating_get_shared (rating)));
    }
  g_string_append (out, "\n");
  return TRUE;
}

static gboolean
emotion_choices (GPtrArray       *items,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) topics = sk_emotions_list (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);

  if (topics == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topics)); i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      int face = sk_emotion_rating_get_face (rating);

      if (face != SK_FACE_NONE)
        sk_summary_add_choice (items, _("How I feel"), sk_emotion_rating_dup_title (rating),
                               g_strdup (sk_face_label (face)), SK_RECORD (rating), "shared", -1);
    }
  return TRUE;
}

const SkToolModule sk_emotion_module = {
  .id = "emotion",
  .title = N_("How I feel"),
  .icon = "face-smile-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  /* A baby is observed, not asked: the observation tool is for that. */
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .summary = emotion_summary,
  .journal = emotion_journal,
  .choices = emotion_choices,
};
