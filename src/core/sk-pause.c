/* sk-pause.c — a pause or a stop the child asked for, with the time */
#include "config.h"

#include "sk-pause.h"

#include <glib/gi18n-lib.h>

struct _SkPause
{
  SkRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SkPause, sk_pause, SK_TYPE_RECORD)

static void
sk_pause_class_init (SkPauseClass *klass)
{
  SkRecordClass *record_class = SK_RECORD_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec *columns[] = {
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags),
    /* "pause" or "stop". */
    sk_record_choice (g_param_spec_string ("kind", NULL, NULL, "pause", flags)),
    /* Unix time; ended-at 0 while it lasts (or when the program ended first). */
    g_param_spec_int64 ("started-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    g_param_spec_int64 ("ended-at", NULL, NULL, 0, G_MAXINT64, 0, flags),
    NULL
  };

  record_class->table = "pauses";
  record_class->order_by = "started_at, id";
  sk_record_class_install_columns (record_class, columns);
}

static void
sk_pause_init (SkPause *self)
{
}

SkPause *
sk_pause_begin (SkStore     *store,
                gint64       conversation_id,
                const char  *kind,
                GError     **error)
{
  g_autoptr(SkPause) pause = NULL;

  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (kind, "pause") == 0 || g_strcmp0 (kind, "stop") == 0, NULL);

  pause = g_object_new (SK_TYPE_PAUSE,
                        "conversation-id", conversation_id,
                        "kind", kind,
                        "started-at", g_get_real_time () / G_USEC_PER_SEC,
                        NULL);
  if (!sk_store_insert (store, pause, error))
    return NULL;
  return g_steal_pointer (&pause);
}

void
sk_pause_end (SkPause *self)
{
  g_return_if_fail (SK_IS_PAUSE (self));

  if (sk_record_get_int64 (SK_RECORD (self), "ended-at") == 0)
    g_object_set (self, "ended-at", g_get_real_time () / G_USEC_PER_SEC, NULL);
}

GListStore *
sk_pauses_list (SkStore  *store,
                gint64    conversation_id,
                GError  **error)
{
  g_return_val_if_fail (SK_IS_STORE (store), NULL);

  return sk_store_list (store, SK_TYPE_PAUSE, "conversation_id", conversation_id, error);
}

char *
sk_pauses_describe (GListModel *pauses)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (pauses); i++)
    {
      g_autoptr(SkPause) pause = g_list_model_get_item (pauses, i);
      gint64 started = sk_record_get_int64 (SK_RECORD (pause), "started-at");
      gint64 ended = sk_record_get_int64 (SK_RECORD (pause), "ended-at");
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (started);
      g_autofree char *clock = when != NULL ? g_date_time_format (when, "%H.%M") : g_strdup ("?");
      gboolean stop = g_strcmp0 (sk_record_get_string (SK_RECORD (pause), "kind"), "stop") == 0;
      /* Translators: in the journal, a break the child asked for */
      const char *kind = stop ? _("stop") : _("pause");

      if (out->len > 0)
        g_string_append (out, ", ");
      if (ended > 0 && ended >= started)
        {
          int minutes = (int) MAX (1, (ended - started + 30) / 60);

          /* Translators: a break in the journal: 1$ the time, "10.42", 2$
           * "pause" or "stop", 3$ how many minutes it lasted */
          g_string_append_printf (out, _("%1$s %2$s (%3$d min)"),
                                  clock, kind, minutes);
        }
      else
        /* Translators: a break in the journal: 1$ the time, 2$ "pause" or "stop" */
        g_string_append_printf (out, _("%1$s %2$s"), clock, kind);
    }
  return g_string_free (out, FALSE);
}
