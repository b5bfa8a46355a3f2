/* sk-summary.c — the parents' summary, the child's choices and the journal
 * note: the conversation's own fields, and each tool's part in the
 * registry's order */
#include "config.h"

#include "sk-summary.h"
#include "sk-letter.h"
#include "sk-pause.h"
#include "sk-child.h"
#include "sk-format.h"
#include "sk-language.h"
#include "sk-tool-module.h"

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
  if (block->data != NULL)
    g_array_unref (block->data);
  g_free (block);
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

char *
sk_summary_trim (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

SkSummaryBlock *
sk_summary_add_block (SkSummary     *summary,
                      SkSummaryKind  kind,
                      char          *text)
{
  SkSummaryBlock *block = g_new0 (SkSummaryBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (summary->blocks, block);
  return block;
}

void
sk_summary_add_section (SkSummary  *summary,
                        char       *heading,
                        const char *text)
{
  g_autofree char *body = sk_summary_trim (text);

  if (*body == '\0')
    {
      g_free (heading);
      return;
    }
  sk_summary_add_block (summary, SK_SUMMARY_HEADING, heading);
  sk_summary_add_block (summary, SK_SUMMARY_PARAGRAPH, g_steal_pointer (&body));
}

static gboolean
filled (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Who to call, and what to do when they do not agree. */
static void
add_contact (SkSummary             *summary,
             const SkSummarySender *sender)
{
  GString *contact = g_string_new (NULL);
  SkSummaryBlock *block;

  /* Translators: in the parents' summary; %s is the caseworker's name */
  g_string_append_printf (contact, _("Your caseworker: %s"), sender->caseworker);
  if (filled (sender->municipality))
    g_string_append_printf (contact, "\n%s", sender->municipality);
  if (filled (sender->phone))
    {
      g_autofree char *line = filled (sender->phone_hours)
        /* Translators: in the parents' summary: 1$ a phone number, 2$ when to call, "man.–tors. 9–12" */
        ? g_strdup_printf (_("Phone: %1$s (%2$s)"), sender->phone, sender->phone_hours)
        /* Translators: in the parents' summary; %s is the caseworker's phone number */
        : g_strdup_printf (_("Phone: %s"), sender->phone);

      g_string_append_printf (contact, "\n%s", line);
    }
  if (filled (sender->email))
    {
      /* Translators: in the parents' summary; %s is the caseworker's e-mail address */
      g_autofree char *line = g_strdup_printf (_("E-mail: %s"), sender->email);

      g_string_append_printf (contact, "\n%s", line);
    }
  block = sk_summary_add_block (summary, SK_SUMMARY_CONTACT, g_string_free (contact, FALSE));
  block->detail = g_strdup (_("If you disagree with something here, or want to talk about it, call or write to me. "
                              "You are welcome to bring someone you trust to a meeting."));
}

SkSummary *
sk_summary_new (const char *language,
                const char *name)
{
  SkSummary *summary = g_new0 (SkSummary, 1);

  summary->language = g_strdup (language);
  /* The paper calls the child by the first name, as the child is called
   * at the table; never by the full name kept in the case. */
  summary->child_name = sk_format_first_name (name);
  summary->blocks = g_ptr_array_new_with_free_func (block_free);
  return summary;
}

SkSummary *
sk_summary_new_recovery_key (const char *language,
                             const char *recovery)
{
  SkSummary *paper;
  SkSummaryBlock *block;
  g_auto(GStrv) groups = NULL;
  char *previous_language;
  guint n;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (recovery != NULL, NULL);

  paper = sk_summary_new (language, "");
  previous_language = sk_language_push (language);
  sk_summary_add_block (paper, SK_SUMMARY_TITLE, g_strdup (_("Recovery key for Samtalekuffert")));
  sk_summary_add_block (paper, SK_SUMMARY_PARAGRAPH,
                        g_strdup (_("If the passphrase is forgotten, this key opens the notes instead. "
                                    "Keep this paper locked away, not with the computer. Anyone who has "
                                    "both the computer and this paper can read the notes.")));
  block = sk_summary_add_block (paper, SK_SUMMARY_KEY, g_strdup (_("The recovery key")));
  sk_language_pop (previous_language);

  /* However it was shown (one line or two), two lines of four groups. */
  groups = g_strsplit_set (recovery, "-\n ", -1);
  {
    g_autoptr(GString) lines = g_string_new (NULL);

    n = 0;
    for (guint i = 0; groups[i] != NULL; i++)
      {
        if (*groups[i] == '\0')
          continue;
        if (n > 0)
          g_string_append_c (lines, n % 4 == 0 ? '\n' : '-');
        g_string_append (lines, groups[i]);
        n++;
      }
    block->detail = g_string_free (g_steal_pointer (&lines), FALSE);
  }
  return paper;
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
  const SkToolModule * const *modules;
  char *previous_language;
  const char *name;
  gboolean ok = TRUE, observed;
  guint n_modules;
  gint64 next_meeting;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);
  if (child == NULL)
    return NULL;
  /* Pending typing belongs in the summary too. */
  if (!sk_store_flush (store, error))
    return NULL;

  summary = sk_summary_new (language, sk_child_get_name (child));
  name = summary->child_name;

  previous_language = sk_language_push (language);

  /* A baby is observed, not talked with; what the parents read is the
   * caseworker's choice, and the paper says so. */
  observed = sk_child_get_way (child) == SK_WAY_OBSERVATION;

  sk_summary_add_block (summary, SK_SUMMARY_TITLE,
                        /* Translators: the title of the parents' summary */
                        g_strdup (observed ? _("Our meeting") : _("Our conversation")));
  when = sk_conversation_dup_local_time (conversation);
  date = sk_format_date (when);
  place = sk_summary_trim (sk_conversation_get_text (conversation, "place"));
  sk_summary_add_block (summary, SK_SUMMARY_META,
                        *place != '\0' ? g_strdup_printf ("%s · %s · %s", name, date, place)
                                        : g_strdup_printf ("%s · %s", name, date));
  if (observed)
    sk_summary_add_block (summary, SK_SUMMARY_PARAGRAPH,
                          /* Translators: the opening line of the parents' summary for a
                           * baby, whom the caseworker observed; %1$s is the child's name */
                          g_strdup_printf (_("This is a summary of my meeting with %1$s, for you as parents. "
                                             "It holds what I saw of %1$s and chose to share with you."), name));
  else
    sk_summary_add_block (summary, SK_SUMMARY_PARAGRAPH,
                          /* Translators: the opening line of the parents' summary; %1$s is the child's name */
                          g_strdup_printf (_("This is a summary of my conversation with %1$s, for you as parents. "
                                             "It holds what %1$s wants you to know."), name));

  if (sk_record_get_boolean (SK_RECORD (conversation), "child-words-shared"))
    /* Translators: heading in the parents' summary; %s is the child's name */
    sk_summary_add_section (summary, g_strdup_printf (_("What %s told me"), name),
                            sk_conversation_get_text (conversation, "child-words"));

  modules = sk_tool_modules (&n_modules);
  for (guint i = 0; ok && i < n_modules; i++)
    if (modules[i]->summary != NULL)
      ok = modules[i]->summary (summary, store, conversation, error);

  /* Translators: heading in the parents' summary */
  sk_summary_add_section (summary, g_strdup (_("What we agreed")), sk_conversation_get_text (conversation, "agreements"));
  /* Translators: heading in the parents' summary */
  sk_summary_add_section (summary, g_strdup (_("What happens next")), sk_conversation_get_text (conversation, "next-steps"));

  /* The letter to the child after the talk, when the child lets the
   * parents read it: its words as the child got them, in the child's
   * language. */
  if (ok && !observed && sk_record_get_boolean (SK_RECORD (conversation), "letter-shared"))
    {
      g_autoptr(SkSummary) letter = sk_letter_build (store, conversation, SK_LETTER_AFTER, NULL, sender, error);
      g_autofree char *text = letter != NULL ? sk_letter_text (letter) : NULL;

      if (letter == NULL)
        ok = FALSE;
      else
        /* Translators: heading in the parents' summary; %s is the child's name */
        sk_summary_add_section (summary, g_strdup_printf (_("The letter %s got from me"), name), text);
    }

  next_meeting = sk_record_get_int64 (SK_RECORD (conversation), "next-meeting-at");
  if (next_meeting > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (next_meeting);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *day = sk_format_date (local);
      g_autofree char *time = sk_format_time (local);
      g_autofree char *where = sk_summary_trim (sk_record_get_string (SK_RECORD (conversation), "next-meeting-place"));
      /* Translators: the next meeting in the parents' summary: 1$ a date, 2$ a time */
      g_autofree char *at = g_strdup_printf (_("%1$s at %2$s"), day, time);
      SkSummaryBlock *block;

      /* Translators: the title of a box in the parents' summary */
      block = sk_summary_add_block (summary, SK_SUMMARY_BOX, g_strdup (_("Our next meeting")));
      block->detail = *where != '\0' ? g_strdup_printf ("%s\n%s", at, where) : g_steal_pointer (&at);
    }

  if (sender != NULL && filled (sender->caseworker))
    add_contact (summary, sender);
  if (observed)
    sk_summary_add_block (summary, SK_SUMMARY_FOOTER,
                          /* Translators: the footer of the parents' summary for a baby;
                           * %1$s is the child's name */
                          g_strdup_printf (_("%1$s is too young to choose with me. I chose what you see here, "
                                             "and I am glad to talk it through with you."), name));
  else
    /* Translators: the footer of the parents' summary; %1$s is the child's name */
    sk_summary_add_block (summary, SK_SUMMARY_FOOTER,
                          g_strdup_printf (_("%1$s and I made this summary together. %1$s chose what you see here."),
                                           name));

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

int
sk_summary_add_choice (GPtrArray  *items,
                       const char *group,
                       char       *title,
                       char       *detail,
                       SkRecord   *record,
                       const char *property,
                       int         depends_on)
{
  SkShareItem *item = g_new0 (SkShareItem, 1);

  g_return_val_if_fail (SK_IS_RECORD (record), -1);
  g_return_val_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (record), property) != NULL, -1);

  item->group = g_strdup (group);
  item->title = title;
  item->detail = detail;
  item->record = g_object_ref (record);
  item->property = property;
  item->depends_on = depends_on;
  g_ptr_array_add (items, item);
  return (int) items->len - 1;
}

char *
sk_summary_first_words (const char *text)
{
  g_autofree char *body = sk_summary_trim (text);
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
  g_autofree char *words = NULL;
  const SkToolModule * const *modules;
  guint n_modules;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  words = sk_summary_first_words (sk_conversation_get_text (conversation, "child-words"));
  if (*words != '\0')
    sk_summary_add_choice (items, _("In your own words"), g_strdup (_("What you told me")), g_steal_pointer (&words),
                           SK_RECORD (conversation), "child-words-shared", -1);

  modules = sk_tool_modules (&n_modules);
  for (guint i = 0; i < n_modules; i++)
    if (modules[i]->choices != NULL && !modules[i]->choices (items, store, conversation, error))
      return NULL;
  /* A baby gets no letter. */
  {
    g_autoptr(SkChild) child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);

    if (child == NULL)
      return NULL;
    if (sk_child_get_way (child) != SK_WAY_OBSERVATION)
      /* Translators: a choice in the summary: the letter the caseworker writes to the child */
      sk_summary_add_choice (items, _("Letters"), g_strdup (_("The letter to you")),
                             g_strdup (_("Your parents may read the letter I write to you after our talk.")),
                             SK_RECORD (conversation), "letter-shared", -1);
  }
  return g_steal_pointer (&items);
}

/* The journal note */

void
sk_journal_add_field (GString    *out,
                      const char *label,
                      const char *text)
{
  g_autofree char *body = sk_summary_trim (text);

  g_string_append_printf (out, "%s:\n%s\n\n", label, *body != '\0' ? body : "–");
}

const char *
sk_journal_shared_mark (gboolean shared)
{
  return shared ? _("shared with the parents") : _("not shared with the parents");
}

char *
sk_journal_build (SkStore         *store,
                  SkConversation  *conversation,
                  gboolean         own_notes,
                  GError         **error)
{
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date_time = NULL;
  g_autofree char *words_label = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const SkToolModule * const *modules;
  guint n_modules;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  if (!sk_store_flush (store, error))
    return NULL;
  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);
  if (child == NULL)
    return NULL;

  when = sk_conversation_dup_local_time (conversation);
  date_time = sk_format_date_time (when);
  /* Translators: the first line of the journal note; %s is the child's name */
  g_string_append_printf (out, _("Conversation with %s"), sk_child_get_name (child));
  if (*sk_child_get_case_ref (child) != '\0')
    g_string_append_printf (out, " (%s)", sk_child_get_case_ref (child));
  g_string_append_printf (out, "\n%s\n\n", date_time);

  sk_journal_add_field (out, _("Place"), sk_conversation_get_text (conversation, "place"));
  sk_journal_add_field (out, _("Who took part"), sk_conversation_get_text (conversation, "participants"));
  sk_journal_add_field (out, _("Purpose"), sk_conversation_get_text (conversation, "purpose"));
  words_label = g_strdup_printf ("%s (%s)", _("In the child’s own words"),
                                 sk_journal_shared_mark (sk_record_get_boolean (SK_RECORD (conversation),
                                                                                "child-words-shared")));
  sk_journal_add_field (out, words_label, sk_conversation_get_text (conversation, "child-words"));

  modules = sk_tool_modules (&n_modules);
  for (guint i = 0; i < n_modules; i++)
    if (modules[i]->journal != NULL && !modules[i]->journal (out, store, conversation, error))
      return NULL;

  {
    g_autoptr(GListStore) pauses = sk_pauses_list (store, sk_record_get_id (SK_RECORD (conversation)), error);
    g_autofree char *breaks = NULL;

    if (pauses == NULL)
      return NULL;
    breaks = sk_pauses_describe (G_LIST_MODEL (pauses));
    /* Only where there were any: most conversations have none. */
    if (*breaks != '\0')
      /* Translators: in the journal: the pauses and stops the child asked for */
      sk_journal_add_field (out, _("Breaks the child asked for"), breaks);
  }
  sk_journal_add_field (out, _("What we agreed"), sk_conversation_get_text (conversation, "agreements"));
  sk_journal_add_field (out, _("What happens next"), sk_conversation_get_text (conversation, "next-steps"));
  /* The caseworker's own working notes: parents may ask to read the case
   * file, so they go in only when the caseworker says so. */
  if (own_notes)
    sk_journal_add_field (out, _("Only for me (the caseworker’s own notes)"),
                          sk_conversation_get_text (conversation, "private-notes"));
  g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
