/* sk-observation-module.c — observing a baby, in the store, the parents'
 * summary, the journal and the choices
 *
 * The journal gets everything, each text labelled as what it is: an
 * observation or an assessment; the context first and the moments in time
 * order.  The parents get only what the caseworker saw and marked for
 * them, never what the caseworker thinks it may mean.
 */
#include "config.h"

#include "sk-observation.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 9,
    "CREATE TABLE observations ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  place TEXT NOT NULL DEFAULT '',"
    "  place_other TEXT NOT NULL DEFAULT '',"
    "  present TEXT NOT NULL DEFAULT '',"
    "  minutes INTEGER NOT NULL DEFAULT 0,"
    "  happening TEXT NOT NULL DEFAULT '',"
    "  reflect_space TEXT NOT NULL DEFAULT '',"
    "  reflect_voice TEXT NOT NULL DEFAULT '',"
    "  reflect_audience TEXT NOT NULL DEFAULT '',"
    "  reflect_influence TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX observations_by_conversation ON observations (conversation_id);"
    "CREATE INDEX observations_trashed ON observations (id) WHERE trashed = 1;"
    /* What I saw and what I think it may mean: two columns, never one. */
    "CREATE TABLE observation_points ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  point TEXT NOT NULL DEFAULT '',"
    "  observation TEXT NOT NULL DEFAULT '',"
    "  assessment TEXT NOT NULL DEFAULT '',"
    "  shared INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX observation_points_by_conversation ON observation_points (conversation_id);"
    "CREATE INDEX observation_points_trashed ON observation_points (id) WHERE trashed = 1;"
    "CREATE TABLE observation_moments ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  at INTEGER NOT NULL DEFAULT 0,"
    "  words TEXT NOT NULL DEFAULT '',"
    "  point TEXT NOT NULL DEFAULT '',"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX observation_moments_by_conversation ON observation_moments (conversation_id, at);"
    "CREATE INDEX observation_moments_trashed ON observation_moments (id) WHERE trashed = 1;" },
  { 0, NULL }
};

static const char * const tables[] = { "observations", "observation_points", "observation_moments", NULL };

static char *
text_of (gpointer    record,
         const char *property)
{
  return sk_summary_trim (sk_record_get_string (SK_RECORD (record), property));
}

/* "Home visit", "At grandma’s" (an other place written out), or "". */
static char *
place_of (SkObservation *observation)
{
  const char *place = sk_record_get_string (SK_RECORD (observation), "place");
  g_autofree char *other = text_of (observation, "place-other");

  if (g_strcmp0 (place, "other") == 0 && *other != '\0')
    return g_steal_pointer (&other);
  return g_strdup (sk_observation_place_label (place));
}

static char *
minutes_of (SkObservation *observation)
{
  int minutes = sk_record_get_int (SK_RECORD (observation), "minutes");

  if (minutes <= 0)
    return g_strdup ("");
  /* Translators: how long an observation lasted */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
}

static gboolean
observation_summary (SkSummary       *summary,
                     SkStore         *store,
                     SkConversation  *conversation,
                     GError         **error)
{
  gint64 id = sk_record_get_id (SK_RECORD (conversation));
  g_autoptr(GListStore) points = sk_observation_points (store, id, FALSE, error);
  g_autoptr(SkObservation) observation = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  if (points == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (points)); i++)
    {
      g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (points), i);
      const SkObservationKind *kind = sk_observation_point_get_kind (point);
      g_autofree char *saw = text_of (point, "observation");

      /* What I saw, marked for the parents; what I think it means never. */
      if (kind == NULL || *saw == '\0' || !sk_record_get_boolean (SK_RECORD (point), "shared"))
        continue;
      /* Translators: in the parents' summary, one thing the caseworker saw:
       * 1$ the point ("Play and curiosity"), 2$ what was seen */
      g_ptr_array_add (shown, g_strdup_printf (_("%1$s: %2$s"), _(kind->label), saw));
    }
  if (shown->len == 0)
    return TRUE;

  /* Translators: heading in the parents' summary; %s is the child's first name */
  sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("What we saw of %s"), summary->child_name));
  observation = sk_observation_get (store, id, FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (observation != NULL)
    {
      g_autofree char *place = place_of (observation);
      g_autofree char *minutes = minutes_of (observation);
      g_autofree char *context = NULL;

      if (*place != '\0' && *minutes != '\0')
        /* Translators: in the parents' summary, before what was seen:
         * 1$ where ("Home visit"), 2$ how long ("45 minutes") */
        context = g_strdup_printf (_("Where: %1$s. How long: %2$s."), place, minutes);
      else if (*place != '\0')
        context = g_strdup_printf (_("Where: %s."), place);
      else if (*minutes != '\0')
        context = g_strdup_printf (_("How long: %s."), minutes);
      if (context != NULL)
        sk_summary_add_block (summary, SK_SUMMARY_PARAGRAPH, g_steal_pointer (&context));
    }
  for (guint i = 0; i < shown->len; i++)
    sk_summary_add_block (summary, SK_SUMMARY_PARAGRAPH, g_strdup (shown->pdata[i]));
  return TRUE;
}

static void
add_line (GString    *out,
          const char *indent,
          const char *label,
          const char *text)
{
  g_autoptr(GString) body = g_string_new (text);

  /* Continuation lines under the first, so a reader sees where it ends. */
  g_string_replace (body, "\n", "\n   ", 0);
  g_string_append_printf (out, "%s%s %s\n", indent, label, body->str);
}

static gboolean
observation_journal (GString         *out,
                     SkStore         *store,
                     SkConversation  *conversation,
                     GError         **error)
{
  gint64 id = sk_record_get_id (SK_RECORD (conversation));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SkObservation) observation = sk_observation_get (store, id, FALSE, &local_error);
  g_autoptr(GListStore) points = NULL;
  g_autoptr(GListStore) moments = NULL;
  guint n_moments, n_reflections;
  const SkObservationReflection *reflections = sk_observation_reflections (&n_reflections);
  gboolean any = FALSE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  points = sk_observation_points (store, id, FALSE, error);
  if (points == NULL)
    return FALSE;
  moments = sk_observation_moments (store, id, error);
  if (moments == NULL)
    return FALSE;
  n_moments = g_list_model_get_n_items (G_LIST_MODEL (moments));
  if (observation == NULL && n_moments == 0 && g_list_model_get_n_items (G_LIST_MODEL (points)) == 0)
    return TRUE;

  /* Translators: in the journal note: the observation of a baby */
  g_string_append_printf (out, "== %s ==\n", _("Observation"));

  /* The context first: what the rest rests on. */
  if (observation != NULL)
    {
      g_autofree char *place = place_of (observation);
      g_autofree char *present = text_of (observation, "present");
      g_autofree char *minutes = minutes_of (observation);
      g_autofree char *happening = text_of (observation, "happening");

      /* Translators: in the journal note: where, who, how long, what went on */
      g_string_append_printf (out, "%s\n", _("Context"));
      /* Translators: in the journal note, the observation's context */
      add_line (out, "", _("Where:"), *place != '\0' ? place : "–");
      add_line (out, "", _("Who was there:"), *present != '\0' ? present : "–");
      add_line (out, "", _("How long:"), *minutes != '\0' ? minutes : "–");
      add_line (out, "", _("What was going on:"), *happening != '\0' ? happening : "–");
      g_string_append (out, "\n");
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (points)); i++)
    {
      g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (points), i);
      const SkObservationKind *kind = sk_observation_point_get_kind (point);
      g_autofree char *saw = text_of (point, "observation");
      g_autofree char *think = text_of (point, "assessment");
      gboolean point_moments = FALSE;

      for (guint m = 0; m < n_moments && !point_moments; m++)
        {
          g_autoptr(SkRecord) moment = g_list_model_get_item (G_LIST_MODEL (moments), m);

          point_moments = g_strcmp0 (sk_record_get_string (moment, "point"), sk_record_get_string (SK_RECORD (point), "point")) == 0;
        }
      if (kind == NULL || (*saw == '\0' && *think == '\0' && !point_moments))
        continue;
      any = TRUE;
      g_string_append_printf (out, "%s\n", _(kind->label));
      if (*saw != '\0')
        {
          /* Translators: in the journal note, before what the caseworker
           * saw (kept apart from what it may mean) */
          g_autofree char *label = g_strdup_printf ("%s (%s):", _("Observation"),
                                                    sk_journal_shared_mark (sk_record_get_boolean (SK_RECORD (point), "shared")));

          add_line (out, "  ", label, saw);
        }
      if (*think != '\0')
        /* Translators: in the journal note, before what the caseworker
         * thinks an observation may mean */
        add_line (out, "  ", _("Assessment:"), think);
      for (guint m = 0; m < n_moments; m++)
        {
          g_autoptr(SkObservationMoment) moment = g_list_model_get_item (G_LIST_MODEL (moments), m);
          g_autofree char *at = NULL;
          g_autofree char *words = NULL;
          g_autofree char *label = NULL;

          if (g_strcmp0 (sk_record_get_string (SK_RECORD (moment), "point"), sk_record_get_string (SK_RECORD (point), "point")) != 0)
            continue;
          at = sk_observation_format_at (sk_observation_moment_get_at (moment));
          words = text_of (moment, "words");
          /* Translators: in the journal note, a moment under its point;
           * %s is its time ("10:05") */
          label = g_strdup_printf (_("Moment %s:"), at);
          add_line (out, "  ", label, *words != '\0' ? words : "–");
        }
      g_string_append (out, "\n");
    }
  if (!any && observation != NULL)
    g_string_append_printf (out, "%s\n\n", _("Nothing written under the points to look for."));

  if (n_moments > 0)
    {
      /* Translators: in the journal note: every moment noted while observing */
      g_string_append_printf (out, "%s\n", _("Moments, in time order"));
      for (guint m = 0; m < n_moments; m++)
        {
          g_autoptr(SkObservationMoment) moment = g_list_model_get_item (G_LIST_MODEL (moments), m);
          g_autofree char *at = sk_observation_format_at (sk_observation_moment_get_at (moment));
          g_autofree char *words = text_of (moment, "words");
          const SkObservationKind *kind = sk_observation_kind (sk_record_get_string (SK_RECORD (moment), "point"));

          if (kind != NULL)
            {
              g_autofree char *text = g_strdup_printf ("%s (%s)", *words != '\0' ? words : "–", _(kind->label));

              add_line (out, "", at, text);
            }
          else
            add_line (out, "", at, *words != '\0' ? words : "–");
        }
      g_string_append (out, "\n");
    }

  if (observation != NULL)
    {
      gboolean reflected = FALSE;

      for (guint r = 0; r < n_reflections; r++)
        {
          g_autofree char *text = text_of (observation, reflections[r].property);

          if (*text == '\0')
            continue;
          if (!reflected)
            /* Translators: in the journal note: the caseworker's
             * reflection after observing, per Lundy element */
            g_string_append_printf (out, "%s\n", _("After-reflection"));
          reflected = TRUE;
          /* Translators: in the journal note: 1$ a Lundy element, 2$ its
           * question for a baby */
          g_string_append_printf (out, _("%1$s — %2$s"), _(reflections[r].element), _(reflections[r].question));
          g_string_append_c (out, '\n');
          add_line (out, "  ", "", text);
        }
      if (reflected)
        g_string_append (out, "\n");
    }
  return TRUE;
}

static gboolean
observation_choices (GPtrArray       *items,
                     SkStore         *store,
                     SkConversation  *conversation,
                     GError         **error)
{
  g_autoptr(GListStore) points = sk_observation_points (store, sk_record_get_id (SK_RECORD (conversation)), FALSE, error);

  if (points == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (points)); i++)
    {
      g_autoptr(SkObservationPoint) point = g_list_model_get_item (G_LIST_MODEL (points), i);
      const SkObservationKind *kind = sk_observation_point_get_kind (point);
      g_autofree char *saw = text_of (point, "observation");

      /* Only what was seen can go to the parents; an assessment is never
       * offered. */
      if (kind != NULL && *saw != '\0')
        sk_summary_add_choice (items, _("What we saw"), g_strdup (_(kind->label)),
                               sk_summary_first_words (saw), SK_RECORD (point), "shared", -1);
    }
  return TRUE;
}

const SkToolModule sk_observation_module = {
  .id = "observation",
  .title = N_("Observation"),
  .icon = "view-reveal-symbolic",
  .audiences = SK_TOOL_CASEWORKER,
  .place = SK_TOOL_AMONG,
  .ways = SK_WAY_OBSERVATION,
  .schema = schema,
  .tables = tables,
  .summary = observation_summary,
  .journal = observation_journal,
  .choices = observation_choices,
};
