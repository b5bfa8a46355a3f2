/* sk-summary.c — the parents' summary and the journal note */
#include "config.h"

#include "sk-summary.h"
#include "sk-child.h"
#include "sk-emotion.h"
#include "sk-format.h"
#include "sk-language.h"
#include "sk-lundy.h"
#include "sk-network.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
block_free (gpointer data)
{
  SkSummaryBlock *block = data;

  g_free (block->text);
  g_free (block->detail);
  g_free (block->words);
  g_free (block->art);
  if (block->people != NULL)
    g_array_unref (block->people);
  g_free (block);
}

static void
person_clear (gpointer data)
{
  SkSummaryPerson *person = data;

  g_free (person->name);
  g_free (person->relation);
  g_free (person->avatar);
}

void
sk_summary_free (SkSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->language);
  g_free (summary->child_name);
  g_ptr_array_unref (summary->blocks);
  g_free (summary);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static SkSummaryBlock *
add_block (SkSummary     *summary,
           SkSummaryKind  kind,
           char          *text)   /* taken */
{
  SkSummaryBlock *block = g_new0 (SkSummaryBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (summary->blocks, block);
  return block;
}

/* A heading and the text under it, when there is text. */
static void
add_text_section (SkSummary  *summary,
                  char       *heading,   /* taken */
                  const char *text)
{
  g_autofree char *body = trimmed (text);

  if (*body == '\0')
    {
      g_free (heading);
      return;
    }
  add_block (summary, SK_SUMMARY_HEADING, heading);
  add_block (summary, SK_SUMMARY_PARAGRAPH, g_steal_pointer (&body));
}

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

static gboolean
add_feelings (SkSummary       *summary,
              SkStore         *store,
              gint64           conversation_id,
              const char      *name,
              GError         **error)
{
  g_autoptr(GListStore) topics = sk_emotions_list (store, conversation_id, FALSE, error);
  guint n;
  gboolean heading = FALSE;

  if (topics == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (topics));
  for (guint i = 0; i < n; i++)
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
          add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("How %s feels"), name));
          heading = TRUE;
        }
      feelings = feelings_text (rating);
      block = add_block (summary, SK_SUMMARY_FACE, sk_emotion_rating_dup_title (rating));
      block->detail = *feelings != '\0'
                      ? g_strdup_printf ("%s · %s", sk_face_label (face), feelings)
                      : g_strdup (sk_face_label (face));
      block->words = trimmed (sk_record_get_string (SK_RECORD (rating), "child-words"));
      block->art = g_strdup (sk_face_art (face));
    }
  return TRUE;
}

static gboolean
add_network (SkSummary      *summary,
             SkStore        *store,
             SkConversation *conversation,
             const char     *name,
             GError        **error)
{
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GArray) shown = NULL;
  SkSummaryBlock *block;
  guint n;

  if (!sk_record_get_boolean (SK_RECORD (conversation), "network-shared"))
    return TRUE;
  people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), error);
  if (people == NULL)
    return FALSE;

  shown = g_array_new (FALSE, TRUE, sizeof (SkSummaryPerson));
  g_array_set_clear_func (shown, person_clear);
  n = g_list_model_get_n_items (G_LIST_MODEL (people));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      SkRecord *record = SK_RECORD (person);
      SkNetworkPolar place = sk_network_person_get_place (person);
      SkSummaryPerson shown_person = {
        g_strdup (sk_record_get_string (record, "name")),
        g_strdup (sk_record_get_string (record, "relation")),
        g_strdup (sk_record_get_string (record, "avatar")),
        sk_record_get_boolean (record, "can-talk"),
        sk_record_get_boolean (record, "worried"),
        place.angle,
        place.distance,
      };

      /* A person the child hid is not on the parents' copy. */
      if (!sk_record_get_boolean (record, "shared"))
        {
          person_clear (&shown_person);
          continue;
        }
      g_array_append_val (shown, shown_person);
    }
  if (shown->len == 0)
    return TRUE;

  /* Translators: heading in the parents' summary; %s is the child's name */
  add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("%s’s network"), name));
  /* Translators: under the network map in the parents' summary; %s is the child's name */
  block = add_block (summary, SK_SUMMARY_MAP,
                     g_strdup_printf (_("%1$s is in the middle; the closer a person is, the closer they feel to %1$s. "
                                        "A speech bubble: %1$s can talk to them. A cloud: %1$s worries about them."),
                                      name));
  block->people = g_steal_pointer (&shown);
  return TRUE;
}

SkSummary *
sk_summary_build (SkStore               *store,
                  SkConversation        *conversation,
                  const char            *language,
                  const SkSummarySender *sender,
                  GError               **error)
{
  g_autoptr(SkSummary) summary = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  char *previous_language;
  const char *name;
  gboolean ok;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);
  if (child == NULL)
    return NULL;
  /* Pending typing belongs in the summary too. */
  if (!sk_store_flush (store, error))
    return NULL;

  summary = g_new0 (SkSummary, 1);
  summary->language = g_strdup (language);
  summary->child_name = g_strdup (sk_child_get_name (child));
  summary->blocks = g_ptr_array_new_with_free_func (block_free);
  name = summary->child_name;

  previous_language = sk_language_push (language);

  /* Translators: the title of the parents' summary */
  add_block (summary, SK_SUMMARY_TITLE, g_strdup (_("Our conversation")));
  when = sk_conversation_dup_local_time (conversation);
  date = sk_format_date (when);
  place = trimmed (sk_conversation_get_text (conversation, "place"));
  add_block (summary, SK_SUMMARY_META,
             *place != '\0' ? g_strdup_printf ("%s · %s · %s", name, date, place)
                            : g_strdup_printf ("%s · %s", name, date));

  if (sk_record_get_boolean (SK_RECORD (conversation), "child-words-shared"))
    /* Translators: heading in the parents' summary; %s is the child's name */
    add_text_section (summary, g_strdup_printf (_("What %s told me"), name),
                      sk_conversation_get_text (conversation, "child-words"));
  ok = add_feelings (summary, store, sk_record_get_id (SK_RECORD (conversation)), name, error) &&
       add_network (summary, store, conversation, name, error);
  if (ok && sk_record_get_boolean (SK_RECORD (conversation), "feedback-shared"))
    /* Translators: heading in the parents' summary; %s is the child's name */
    add_text_section (summary, g_strdup_printf (_("What happened with what %s said last time"), name),
                      sk_conversation_get_text (conversation, "feedback"));
  /* Translators: heading in the parents' summary */
  add_text_section (summary, g_strdup (_("What we agreed")), sk_conversation_get_text (conversation, "agreements"));
  /* Translators: heading in the parents' summary */
  add_text_section (summary, g_strdup (_("What happens next")), sk_conversation_get_text (conversation, "next-steps"));

  if (sender != NULL && sender->caseworker != NULL && *sender->caseworker != '\0')
    {
      GString *contact = g_string_new (NULL);

      /* Translators: in the parents' summary; %s is the caseworker's name */
      g_string_append_printf (contact, _("Your caseworker: %s"), sender->caseworker);
      if (sender->municipality != NULL && *sender->municipality != '\0')
        g_string_append_printf (contact, "\n%s", sender->municipality);
      if (sender->phone != NULL && *sender->phone != '\0')
        /* Translators: in the parents' summary, before the caseworker's phone number */
        g_string_append_printf (contact, "\n%s %s", _("Phone"), sender->phone);
      add_block (summary, SK_SUMMARY_CONTACT, g_string_free (contact, FALSE));
    }
  /* Translators: the footer of the parents' summary; %1$s is the child's name */
  add_block (summary, SK_SUMMARY_FOOTER,
             g_strdup_printf (_("%1$s and I made this summary together. %1$s chose what you see here."), name));

  sk_language_pop (previous_language);
  return ok ? g_steal_pointer (&summary) : NULL;
}

/* What the child chooses */

static void
share_item_free (gpointer data)
{
  SkShareItem *item = data;

  g_free (item->group);
  g_free (item->title);
  g_free (item->detail);
  g_clear_object (&item->record);
  g_free (item);
}

static int
add_choice (GPtrArray  *items,
            const char *group,
            char       *title,     /* taken */
            char       *detail,    /* taken */
            SkRecord   *record,
            const char *property,
            int         depends_on)
{
  SkShareItem *item = g_new0 (SkShareItem, 1);

  item->group = g_strdup (group);
  item->title = title;
  item->detail = detail;
  item->record = g_object_ref (record);
  item->property = property;
  item->depends_on = depends_on;
  g_ptr_array_add (items, item);
  return (int) items->len - 1;
}

/* A line of the text, enough to know it again. */
static char *
first_words (const char *text)
{
  g_autofree char *body = trimmed (text);
  char *newline = strchr (body, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_utf8_strlen (body, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (body, 0, 79);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&body);
}

GPtrArray *
sk_summary_list_choices (SkStore         *store,
                         SkConversation  *conversation,
                         GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (share_item_free);
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(SkConversation) previous = NULL;
  g_autofree char *words = NULL;
  gint64 id;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  id = sk_record_get_id (SK_RECORD (conversation));
  topics = sk_emotions_list (store, id, FALSE, error);
  people = topics != NULL ? sk_network_list (store, id, error) : NULL;
  if (people == NULL)
    return NULL;
  previous = sk_conversation_previous (conversation, store, NULL, error);
  if (previous == NULL && error != NULL && *error != NULL)
    return NULL;

  words = first_words (sk_conversation_get_text (conversation, "child-words"));
  if (*words != '\0')
    add_choice (items, _("In your own words"), g_strdup (_("What you told me")), g_steal_pointer (&words),
                SK_RECORD (conversation), "child-words-shared", -1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topics)); i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      int face = sk_emotion_rating_get_face (rating);

      if (face != SK_FACE_NONE)
        add_choice (items, _("How I feel"), sk_emotion_rating_dup_title (rating), g_strdup (sk_face_label (face)),
                    SK_RECORD (rating), "shared", -1);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (people)) > 0)
    {
      int map = add_choice (items, _("My network"), g_strdup (_("The map")), NULL,
                            SK_RECORD (conversation), "network-shared", -1);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
        {
          g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
          const char *relation = sk_record_get_string (SK_RECORD (person), "relation");

          add_choice (items, _("My network"), g_strdup (sk_record_get_string (SK_RECORD (person), "name")),
                      *relation != '\0' ? g_strdup (relation) : NULL, SK_RECORD (person), "shared", map);
        }
    }

  if (previous != NULL)
    {
      g_autofree char *feedback = first_words (sk_conversation_get_text (conversation, "feedback"));

      if (*feedback != '\0')
        add_choice (items, _("Last time"), g_strdup (_("What happened with what you said last time")),
                    g_steal_pointer (&feedback), SK_RECORD (conversation), "feedback-shared", -1);
    }
  return g_steal_pointer (&items);
}

/* The journal note */

static void
journal_field (GString    *out,
               const char *label,
               const char *text)
{
  g_autofree char *body = trimmed (text);

  g_string_append_printf (out, "%s:\n%s\n\n", label, *body != '\0' ? body : "–");
}

static const char *
shared_mark (gboolean shared)
{
  return shared ? _("shared with the parents") : _("not shared with the parents");
}

char *
sk_journal_build (SkStore         *store,
                  SkConversation  *conversation,
                  GError         **error)
{
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GListStore) topics = NULL;
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GListStore) answers = NULL;
  g_autoptr(SkConversation) previous = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date_time = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 id;
  guint n, n_steps;
  const SkLundyStep *steps = sk_lundy_steps (&n_steps);

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  if (!sk_store_flush (store, error))
    return NULL;
  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);
  if (child == NULL)
    return NULL;
  id = sk_record_get_id (SK_RECORD (conversation));
  topics = sk_emotions_list (store, id, FALSE, error);
  people = topics != NULL ? sk_network_list (store, id, error) : NULL;
  answers = people != NULL ? sk_lundy_answers (store, id, FALSE, error) : NULL;
  if (answers == NULL)
    return NULL;
  previous = sk_conversation_previous (conversation, store, NULL, error);
  if (previous == NULL && error != NULL && *error != NULL)
    return NULL;

  when = sk_conversation_dup_local_time (conversation);
  date_time = sk_format_date_time (when);
  /* Translators: the first line of the journal note; %s is the child's name */
  g_string_append_printf (out, _("Conversation with %s"), sk_child_get_name (child));
  if (*sk_child_get_case_ref (child) != '\0')
    g_string_append_printf (out, " (%s)", sk_child_get_case_ref (child));
  g_string_append_printf (out, "\n%s\n\n", date_time);

  journal_field (out, _("Place"), sk_conversation_get_text (conversation, "place"));
  journal_field (out, _("Who took part"), sk_conversation_get_text (conversation, "participants"));
  journal_field (out, _("Purpose"), sk_conversation_get_text (conversation, "purpose"));

  if (previous != NULL)
    {
      g_autoptr(GDateTime) then = sk_conversation_dup_local_time (previous);
      g_autofree char *then_date = sk_format_date (then);
      /* Translators: heading in the journal note; %s is a date */
      g_autofree char *heading = g_strdup_printf (_("Last time, %s"), then_date);
      g_autofree char *feedback = NULL;

      g_string_append_printf (out, "== %s ==\n", heading);
      journal_field (out, _("What we agreed"), sk_conversation_get_text (previous, "agreements"));
      journal_field (out, _("What happens next"), sk_conversation_get_text (previous, "next-steps"));
      feedback = g_strdup_printf ("%s (%s)", _("What happened with what the child said last time"),
                                  shared_mark (sk_record_get_boolean (SK_RECORD (conversation), "feedback-shared")));
      journal_field (out, feedback, sk_conversation_get_text (conversation, "feedback"));
    }

  {
    g_autofree char *label = g_strdup_printf ("%s (%s)", _("In the child’s own words"),
                                              shared_mark (sk_record_get_boolean (SK_RECORD (conversation),
                                                                                  "child-words-shared")));

    journal_field (out, label, sk_conversation_get_text (conversation, "child-words"));
  }

  n = g_list_model_get_n_items (G_LIST_MODEL (topics));
  if (n > 0)
    {
      g_string_append_printf (out, "== %s ==\n", _("How I feel"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
          g_autofree char *title = sk_emotion_rating_dup_title (rating);
          g_autofree char *feelings = feelings_text (rating);
          g_autofree char *words = trimmed (sk_record_get_string (SK_RECORD (rating), "child-words"));
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
          g_string_append_printf (out, " [%s]\n", shared_mark (sk_emotion_rating_get_shared (rating)));
        }
      g_string_append (out, "\n");
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (people));
  if (n > 0)
    {
      g_string_append_printf (out, "== %s [%s] ==\n", _("My network"),
                              shared_mark (sk_record_get_boolean (SK_RECORD (conversation), "network-shared")));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
          g_autofree char *description = sk_network_person_dup_description (person);

          g_string_append_printf (out, "- %s\n", description);
        }
      g_string_append (out, "\n");
    }

  journal_field (out, _("What we agreed"), sk_conversation_get_text (conversation, "agreements"));
  journal_field (out, _("What happens next"), sk_conversation_get_text (conversation, "next-steps"));

  g_string_append_printf (out, "== %s ==\n", _("The Lundy Model"));
  for (guint s = 0; s < n_steps; s++)
    for (int phase = SK_LUNDY_BEFORE; phase <= SK_LUNDY_AFTER; phase++)
      {
        SkLundyAnswer *answer = sk_lundy_answers_find (G_LIST_MODEL (answers), steps[s].key, phase);
        g_autofree char *note = answer != NULL ? trimmed (sk_record_get_string (SK_RECORD (answer), "note")) : g_strdup ("");

        g_string_append_printf (out, "%s, %s:\n", _(steps[s].name), sk_lundy_phase_label (phase));
        for (guint q = 0; q < steps[s].n_questions[phase]; q++)
          g_string_append_printf (out, "  [%s] %s\n",
                                  answer != NULL && sk_lundy_answer_is_checked (answer, steps[s].questions[phase][q].key) ? "x" : " ",
                                  _(steps[s].questions[phase][q].label));
        if (*note != '\0')
          /* Translators: in the journal note, before the caseworker's note on a Lundy step */
          g_string_append_printf (out, "  %s %s\n", _("Note:"), note);
      }
  g_string_append (out, "\n");

  journal_field (out, _("Only for me (the caseworker’s own notes)"),
                 sk_conversation_get_text (conversation, "private-notes"));
  g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
