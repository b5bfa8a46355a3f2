/* sk-network-module.c — "My network" in the store, the summary, the
 * journal and the child's choices */
#include "config.h"

#include "sk-network.h"
#include "sk-format.h"
#include "sk-tool-module.h"

#include <glib/gi18n-lib.h>

static const SkSchemaStep schema[] = {
  { 3,
    "CREATE TABLE network_people ("
    "  id INTEGER PRIMARY KEY,"
    "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  relation TEXT NOT NULL DEFAULT '',"
    "  avatar TEXT NOT NULL DEFAULT 'person-adult',"
    "  angle REAL NOT NULL DEFAULT 0,"
    "  distance REAL NOT NULL DEFAULT 0.6,"
    "  can_talk INTEGER NOT NULL DEFAULT 0,"
    "  worried INTEGER NOT NULL DEFAULT 0,"
    "  shared INTEGER NOT NULL DEFAULT 1,"
    "  origin_id INTEGER NOT NULL DEFAULT 0,"
    "  trashed INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX network_people_by_conversation ON network_people (conversation_id, position);"
    "CREATE INDEX network_people_trashed ON network_people (id) WHERE trashed = 1;"
    /* The child's choice for the whole map: may the parents see it? */
    "ALTER TABLE conversations ADD COLUMN network_shared INTEGER NOT NULL DEFAULT 0;" },
  { 0, NULL }
};

static const char * const tables[] = { "network_people", NULL };

/* The map on paper is drawn by this tool (sk_network_render): the block
 * names it. */
extern const SkToolModule sk_network_module;

static void
shown_clear (gpointer data)
{
  SkNetworkShown *shown = data;

  g_free (shown->name);
  g_free (shown->relation);
  g_free (shown->avatar);
}

static gboolean
network_summary (SkSummary       *summary,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GArray) shown = NULL;
  SkSummaryBlock *block;
  const char *name = summary->child_name;
  g_autofree char *possessive = NULL;
  g_autoptr(GString) caption = NULL;
  gboolean talk = FALSE, worry = FALSE;

  if (!sk_record_get_boolean (SK_RECORD (conversation), "network-shared"))
    return TRUE;
  people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), error);
  if (people == NULL)
    return FALSE;

  shown = g_array_new (FALSE, TRUE, sizeof (SkNetworkShown));
  g_array_set_clear_func (shown, shown_clear);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      SkRecord *record = SK_RECORD (person);
      SkNetworkShown one;

      /* A person the child hid is not on the parents' copy. */
      if (!sk_record_get_boolean (record, "shared"))
        continue;
      one = (SkNetworkShown) {
        g_strdup (sk_record_get_string (record, "name")),
        g_strdup (sk_record_get_string (record, "relation")),
        g_strdup (sk_record_get_string (record, "avatar")),
        sk_record_get_boolean (record, "can-talk"),
        sk_record_get_boolean (record, "worried"),
        sk_network_person_get_place (person),
      };
      g_array_append_val (shown, one);
    }
  if (shown->len == 0)
    return TRUE;
  for (guint i = 0; i < shown->len; i++)
    {
      talk |= g_array_index (shown, SkNetworkShown, i).can_talk;
      worry |= g_array_index (shown, SkNetworkShown, i).worried;
    }

  possessive = sk_format_possessive (name);
  /* Translators: heading in the parents' summary; %s is the child's name
   * made possessive ("Freja’s", "Lukas’"): "Lukas’ netværk" */
  sk_summary_add_block (summary, SK_SUMMARY_HEADING, g_strdup_printf (_("%s network"), possessive));
  /* Translators: under the network map in the parents' summary; %s is the child's name */
  caption = g_string_new (NULL);
  g_string_append_printf (caption, _("%1$s is in the middle. The closer to %1$s a person is, "
                                     "the closer %1$s feels to that person."), name);
  if (talk)
    {
      g_string_append_c (caption, ' ');
      /* Translators: under the network map; %s is the child's name */
      g_string_append_printf (caption, _("A speech bubble means that %s can talk to the person."), name);
    }
  if (worry)
    {
      g_string_append_c (caption, ' ');
      /* Translators: under the network map; %s is the child's name */
      g_string_append_printf (caption, _("A cloud means that %s is worried about the person."), name);
    }
  block = sk_summary_add_block (summary, SK_SUMMARY_PICTURE, g_string_free (g_steal_pointer (&caption), FALSE));
  block->picture = sk_network_module.id;
  block->data = g_steal_pointer (&shown);
  return TRUE;
}

static gboolean
network_journal (GString         *out,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), error);
  guint n;

  if (people == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (people));
  if (n == 0)
    return TRUE;
  g_string_append_printf (out, "== %s [%s] ==\n", _("My network"),
                          sk_journal_shared_mark (sk_record_get_boolean (SK_RECORD (conversation), "network-shared")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      SkRecord *record = SK_RECORD (person);
      const char *name = sk_record_get_string (record, "name");
      const char *relation = sk_record_get_string (record, "relation");

      /* For the case file, about the child: "can talk to the person". */
      g_string_append_printf (out, "- %s", *name != '\0' ? name : sk_network_avatar_label (sk_record_get_string (record, "avatar")));
      if (*relation != '\0' && g_utf8_collate (relation, name) != 0)
        g_string_append_printf (out, " (%s)", relation);
      g_string_append_printf (out, ", %s, %s", sk_network_sector_label (sk_network_person_get_sector (person)),
                              sk_network_ring_label (sk_network_person_get_ring (person)));
      if (sk_record_get_boolean (record, "can-talk"))
        /* Translators: in the journal note, about a person on the child's map */
        g_string_append_printf (out, ", %s", _("can talk to the person"));
      if (sk_record_get_boolean (record, "worried"))
        /* Translators: in the journal note, about a person on the child's map */
        g_string_append_printf (out, ", %s", _("is worried about the person"));
      if (!sk_record_get_boolean (record, "shared"))
        g_string_append_printf (out, ", %s", sk_journal_shared_mark (FALSE));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "\n");
  return TRUE;
}

static gboolean
network_choices (GPtrArray       *items,
                 SkStore         *store,
                 SkConversation  *conversation,
                 GError         **error)
{
  g_autoptr(GListStore) people = sk_network_list (store, sk_record_get_id (SK_RECORD (conversation)), error);
  int map;

  if (people == NULL)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (people)) == 0)
    return TRUE;
  map = sk_summary_add_choice (items, _("My network"), g_strdup (_("The map")), NULL,
                               SK_RECORD (conversation), "network-shared", -1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      const char *relation = sk_record_get_string (SK_RECORD (person), "relation");

      /* A person can be left off the map, but is not on a map that is not
       * shared. */
      sk_summary_add_choice (items, _("My network"), g_strdup (sk_record_get_string (SK_RECORD (person), "name")),
                             *relation != '\0' ? g_strdup (relation) : NULL, SK_RECORD (person), "shared", map);
    }
  return TRUE;
}

const SkToolModule sk_network_module = {
  .id = "network",
  .title = N_("My network"),
  .icon = "system-users-symbolic",
  .audiences = SK_TOOL_BOTH,
  .place = SK_TOOL_AMONG,
  /* A baby is observed, not asked: the observation tool is for that. */
  .ways = SK_WAY_TALKING,
  .schema = schema,
  .tables = tables,
  .summary = network_summary,
  .journal = network_journal,
  .choices = network_choices,
};
