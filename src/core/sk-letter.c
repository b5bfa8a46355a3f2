/* sk-letter.c — the invitation and the letter after, for the child */
#include "config.h"

#include "sk-letter.h"
#include "sk-child.h"
#include "sk-format.h"
#include "sk-language.h"
#include "sk-plan.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* At most this many shared things on the one page. */
#define MAX_TOLD 7

static gboolean
filled (const char *text)
{
  return text != NULL && *text != '\0';
}

const char *
sk_letter_language (SkChild *child)
{
  const char *language = child != NULL ? sk_child_get_language (child) : NULL;

  return g_strcmp0 (language, "en") == 0 ? "en" : "da";
}

/* "Hi Asta. I am Mette Holm, your caseworker in Aarhus Kommune." */
static char *
greeting (const char            *name,
          const SkSummarySender *sender)
{
  if (sender != NULL && filled (sender->caseworker) && filled (sender->municipality))
    /* Translators: the first lines of a letter to the child: 1$ the child,
     * 2$ the caseworker, 3$ the municipality */
    return g_strdup_printf (_("Hi %1$s. I am %2$s, your caseworker in %3$s."), name, sender->caseworker,
                            sender->municipality);
  if (sender != NULL && filled (sender->caseworker))
    /* Translators: the same without a municipality */
    return g_strdup_printf (_("Hi %1$s. I am %2$s, your caseworker."), name, sender->caseworker);
  /* Translators: the same without the caseworker's name (not yet set) */
  return g_strdup_printf (_("Hi %1$s. I am your caseworker."), name);
}

static void
add_contact (SkSummary             *letter,
             const SkSummarySender *sender)
{
  GString *contact;

  if (sender == NULL || !filled (sender->caseworker))
    return;
  contact = g_string_new (NULL);
  /* Translators: in a letter to the child: how to reach the caseworker */
  g_string_append_printf (contact, "%s\n%s", _("You can always call or write to me:"), sender->caseworker);
  if (filled (sender->phone))
    {
      g_autofree char *line = filled (sender->phone_hours)
        /* Translators: in a letter to the child: 1$ a phone number, 2$ when to call */
        ? g_strdup_printf (_("Phone: %1$s (%2$s)"), sender->phone, sender->phone_hours)
        : g_strdup_printf (_("Phone: %s"), sender->phone);

      g_string_append_printf (contact, "\n%s", line);
    }
  if (filled (sender->email))
    {
      g_autofree char *line = g_strdup_printf (_("E-mail: %s"), sender->email);

      g_string_append_printf (contact, "\n%s", line);
    }
  sk_summary_add_block (letter, SK_SUMMARY_CONTACT, g_string_free (contact, FALSE));
}

/* Who writes: the caseworker's photo, when one is chosen, with the name. */
static void
add_photo (SkSummary             *letter,
           const SkSummarySender *sender)
{
  SkSummaryBlock *block;

  if (sender == NULL || !filled (sender->photo) || !filled (sender->caseworker))
    return;
  /* Translators: beside the caseworker's photo on a letter to the child */
  block = sk_summary_add_block (letter, SK_SUMMARY_PHOTO, g_strdup_printf (_("%s, your caseworker"), sender->caseworker));
  block->detail = g_strdup (sender->photo);
}

static SkSummaryBlock *
add_item (SkSummary  *letter,
          const char *art,
          char       *text)
{
  SkSummaryBlock *block = sk_summary_add_block (letter, SK_SUMMARY_ITEM, text);

  block->art = g_strdup (art);
  return block;
}

/* What we will do: the plan's steps, each with its picture. */
static gboolean
add_plan (SkSummary       *letter,
          SkStore         *store,
          SkConversation  *conversation,
          gboolean         pictures,
          GError         **error)
{
  g_autoptr(GListStore) steps = sk_plan_steps (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);
  guint n;

  if (steps == NULL)
    return FALSE;
  /* Translators: a heading in the invitation to the child */
  sk_summary_add_block (letter, SK_SUMMARY_HEADING, g_strdup (_("What we will do")));
  n = g_list_model_get_n_items (G_LIST_MODEL (steps));
  if (n == 0)
    {
      sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                            /* Translators: in the invitation, when no plan is made */
                            g_strdup (pictures ? _("We talk. We look at pictures and faces.")
                                               : _("We will talk about how you are. I have pictures and faces that can help us.")));
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (steps), i);
      const SkPlanStepKind *kind = sk_plan_step_get_kind (step);

      if (kind != NULL)
        add_item (letter, kind->art, g_strdup (_(kind->label)));
    }
  return TRUE;
}

static void
add_good_to_know (SkSummary *letter,
                  gboolean   pictures)
{
  /* Translators: a heading in the invitation to the child */
  sk_summary_add_block (letter, SK_SUMMARY_HEADING, g_strdup (_("Good to know")));
  if (pictures)
    {
      /* Translators: in the invitation, picture mode: few words */
      add_item (letter, "person-adult", g_strdup (_("You can bring a grown-up.")));
      add_item (letter, "plan-pause", g_strdup (_("You can take a break.")));
      add_item (letter, "feeling-calm", g_strdup (_("You can say no.")));
      return;
    }
  sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                        /* Translators: in the invitation to the child (the bisidder, Barnets Lov § 6) */
                        g_strdup (_("You can bring a grown-up you trust (a bisidder). You can take a break when you want. "
                                    "You do not have to answer everything.")));
}

/* What the child chose to share: the same choices as the parents' paper. */
static gboolean
add_told (SkSummary       *letter,
          SkStore         *store,
          SkConversation  *conversation,
          GError         **error)
{
  g_autoptr(GPtrArray) items = sk_summary_list_choices (store, conversation, error);
  guint shown = 0, more = 0;

  if (items == NULL)
    return FALSE;
  /* Translators: a heading in the letter to the child */
  sk_summary_add_block (letter, SK_SUMMARY_HEADING, g_strdup (_("What you told me")));
  for (guint i = 0; i < items->len; i++)
    {
      const SkShareItem *item = items->pdata[i];
      gboolean shared = sk_record_get_boolean (item->record, item->property);

      if (shared && item->depends_on >= 0)
        {
          const SkShareItem *first = items->pdata[item->depends_on];

          shared = sk_record_get_boolean (first->record, first->property);
        }
      /* Not this letter itself. */
      if (!shared || g_strcmp0 (item->property, "letter-shared") == 0)
        continue;
      if (shown == MAX_TOLD)
        {
          more++;
          continue;
        }
      {
        /* Each with the speech mark: something you said. */
        SkSummaryBlock *block = add_item (letter, "mark-talk", g_strdup_printf ("%s: %s", item->group, item->title));

        block->detail = g_strdup (item->detail);
      }
      shown++;
    }
  if (shown == 0)
    sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                          /* Translators: in the letter to the child, when nothing was shared */
                          g_strdup (_("You chose to keep what you told me between us. That is fine.")));
  else
    sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                          more > 0
                          /* Translators: in the letter to the child; %u is how many more things */
                          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "And %u more thing. These are the things you said your parents may see. "
                                                          "What you wanted to keep between us is not here.",
                                                          "And %u more things. These are the things you said your parents may see. "
                                                          "What you wanted to keep between us is not here.", more), more)
                          : g_strdup (_("These are the things you said your parents may see. "
                                        "What you wanted to keep between us is not here.")));
  return TRUE;
}

static void
add_section (SkSummary  *letter,
             const char *heading,
             const char *text)
{
  g_autofree char *trimmed = sk_summary_trim (text);

  if (*trimmed != '\0')
    sk_summary_add_section (letter, g_strdup (heading), trimmed);
}

SkSummary *
sk_letter_build (SkStore               *store,
                 SkConversation        *conversation,
                 SkLetterKind           kind,
                 const char            *language,
                 const SkSummarySender *sender,
                 GError               **error)
{
  g_autoptr(SkSummary) letter = NULL;
  g_autoptr(SkChild) child = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *place = NULL;
  g_autofree char *hello = NULL;
  char *previous_language;
  const char *name;
  gboolean ok = TRUE, pictures;
  int age;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (SK_IS_CONVERSATION (conversation), NULL);

  child = sk_store_load (store, SK_TYPE_CHILD, sk_conversation_get_child_id (conversation), error);
  if (child == NULL || !sk_store_flush (store, error))
    return NULL;
  if (language == NULL)
    language = sk_letter_language (child);

  letter = sk_summary_new (language, sk_child_get_name (child));
  name = letter->child_name;
  pictures = sk_child_get_way (child) == SK_WAY_PICTURES;
  age = sk_child_get_birth_year (child) > 0 ? g_date_time_get_year (now) - sk_child_get_birth_year (child) : 0;
  previous_language = sk_language_push (language);

  when = sk_conversation_dup_local_time (conversation);
  date = sk_format_date (when);
  time = sk_format_time (when);
  place = sk_summary_trim (sk_conversation_get_text (conversation, "place"));
  hello = greeting (name, sender);

  if (kind == SK_LETTER_INVITATION)
    {
      /* Translators: the title of the letter that invites the child */
      sk_summary_add_block (letter, SK_SUMMARY_TITLE, g_strdup (_("Invitation to a talk")));
      /* Translators: under the title of a letter to the child; %s is the child's name */
      sk_summary_add_block (letter, SK_SUMMARY_META, g_strdup_printf (_("To %s"), name));
      add_photo (letter, sender);
      sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                            g_strdup_printf ("%s %s", hello,
                                             pictures
                                             /* Translators: the invitation's second sentence, in few words */
                                             ? _("I would like to talk with you.")
                                             /* Translators: the invitation's second sentence: what it is for */
                                             : _("I would like to talk with you. In this letter you can see when and where, and what we will do.")));
      /* Translators: a heading in the invitation to the child */
      sk_summary_add_block (letter, SK_SUMMARY_HEADING, g_strdup (_("When and where")));
      {
        GString *at = g_string_new (NULL);

        /* Translators: in the invitation: 1$ a date, 2$ a time */
        g_string_append_printf (at, _("We meet on %1$s at %2$s."), date, time);
        if (*place != '\0')
          /* Translators: in the invitation: where we meet */
          g_string_append_printf (at, " %s %s.", _("The place is"), place);
        if (pictures)
          add_item (letter, "plan-hello", g_string_free (at, FALSE));
        else
          sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH, g_string_free (at, FALSE));
      }
      ok = add_plan (letter, store, conversation, pictures, error);
      add_good_to_know (letter, pictures);
      add_contact (letter, sender);
      sk_summary_add_block (letter, SK_SUMMARY_FOOTER,
                            sender != NULL && filled (sender->caseworker)
                            /* Translators: the end of the invitation; %s is the caseworker's name */
                            ? g_strdup_printf (_("I look forward to seeing you. %s"), sender->caseworker)
                            : g_strdup (_("I look forward to seeing you.")));
    }
  else
    {
      gint64 next = sk_record_get_int64 (SK_RECORD (conversation), "next-meeting-at");

      /* Translators: the title of the letter to the child after the conversation */
      sk_summary_add_block (letter, SK_SUMMARY_TITLE, g_strdup (_("Letter to you")));
      /* Translators: under the title: 1$ the child's name, 2$ the date of the talk */
      sk_summary_add_block (letter, SK_SUMMARY_META, g_strdup_printf (_("To %1$s · our talk on %2$s"), name, date));
      add_photo (letter, sender);
      sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH,
                            g_strdup_printf ("%s %s", hello,
                                             /* Translators: the letter's second sentence: what it is for */
                                             _("Thank you for talking with me. In this letter I write what we talked about and what happens now.")));
      ok = add_told (letter, store, conversation, error);
      /* Translators: a heading in the letter to the child */
      add_section (letter, _("What we agreed"), sk_conversation_get_text (conversation, "agreements"));
      /* Translators: a heading in the letter to the child: the caseworker's next steps */
      add_section (letter, _("What I will do"), sk_conversation_get_text (conversation, "next-steps"));
      if (next > 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (next);
          g_autoptr(GDateTime) local = g_date_time_to_local (utc);
          g_autofree char *day = sk_format_date (local);
          g_autofree char *hour = sk_format_time (local);
          g_autofree char *where = sk_summary_trim (sk_record_get_string (SK_RECORD (conversation), "next-meeting-place"));
          g_autofree char *at = g_strdup_printf (_("%1$s at %2$s"), day, hour);
          /* Translators: the title of a box in the letter to the child */
          SkSummaryBlock *block = sk_summary_add_block (letter, SK_SUMMARY_BOX, g_strdup (_("When we meet again")));

          block->detail = *where != '\0' ? g_strdup_printf ("%s\n%s", at, where) : g_steal_pointer (&at);
        }
      /* Translators: a heading in the letter to the child */
      sk_summary_add_block (letter, SK_SUMMARY_HEADING, g_strdup (_("Your rights")));
      {
        GString *rights = g_string_new (_("You can bring a grown-up you trust (a bisidder) when we meet."));

        /* From 10: the right to see the papers and to complain (the
         * Ankestyrelsen's children's unit helps with that). */
        if (age >= 10)
          g_string_append_printf (rights, " %s %s", _("You can see what is written about you, and you can complain."),
                                  /* Translators: in the letter to the child, from 10 years */
                                  _("If you want to complain, Ankestyrelsen's children's unit (Børneenheden) can help you."));
        sk_summary_add_block (letter, SK_SUMMARY_PARAGRAPH, g_string_free (rights, FALSE));
      }
      add_contact (letter, sender);
      sk_summary_add_block (letter, SK_SUMMARY_FOOTER,
                            sender != NULL && filled (sender->caseworker)
                            /* Translators: the end of the letter to the child; %s is the caseworker's name */
                            ? g_strdup_printf (_("Best wishes, %s"), sender->caseworker)
                            : g_strdup (_("Best wishes from your caseworker")));
    }
  sk_language_pop (previous_language);
  return ok ? g_steal_pointer (&letter) : NULL;
}

char *
sk_letter_text (const SkSummary *letter)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < letter->blocks->len; i++)
    {
      const SkSummaryBlock *block = letter->blocks->pdata[i];

      /* The title and the line under it are the paper's, not the words. */
      if (block->kind == SK_SUMMARY_TITLE || block->kind == SK_SUMMARY_META)
        continue;
      if (block->text != NULL)
        g_string_append (out, block->text);
      if (block->detail != NULL)
        g_string_append_printf (out, block->text != NULL ? " – %s" : "%s", block->detail);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* What a letter to a child never says: the case's words.  Whole words,
 * whatever the case; "indsats" only as a noun (with an ending or alone). */
GStrv
sk_letter_case_words (const char *text)
{
  static const char * const words[] = {
    "foranstaltning", "bevilling", "indsats", "sagsbehandling", "jf.", "iht.", "§",
  };
  g_autofree char *folded = g_utf8_strdown (text != NULL ? text : "", -1);
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (const char *at = strstr (folded, words[i]); at != NULL; at = strstr (at + 1, words[i]))
      {
        gboolean starts = at == folded || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at)));

        if (starts || words[i][0] == '\xc2' /* § */)
          {
            g_strv_builder_add (found, words[i]);
            any = TRUE;
            break;
          }
      }
  return any ? g_strv_builder_end (found) : NULL;
}
