/* sk-network-editor.c — add or change one person on the network map
 *
 * A popover next to the person: name, who they are, picture, where they
 * belong, the child's two marks and whether the parents may see them.
 * When adding, nothing is stored until "Add"; when changing, every change
 * is stored at once (typing within the store's typing delay).
 */
#include "config.h"

#include "sk-network-editor.h"
#include "sk-accessible.h"
#include "sk-network-mark.h"
#include "sk-art-image.h"
#include "sk-tool.h"

#include <glib/gi18n-lib.h>

#include "sk-widget-util.h"


struct _SkNetworkEditor
{
  GtkPopover parent_instance;

  SkStore         *store;
  GListStore      *people;       /* adding: where the new person goes */
  SkNetworkPerson *person;
  gboolean         adding;
  gboolean         loading;

  GtkWidget *title;
  GtkWidget *sector_label;
  GtkWidget *avatar_row;
  GtkWidget *sector_grid;
  GtkWidget *name;
  GtkWidget *relation;
  GtkWidget *avatars[8];
  GtkWidget *sectors[SK_NETWORK_N_SECTORS];
  GtkWidget *can_talk;
  GtkWidget *worried;
  GtkWidget *shared;
  GtkWidget *add_button;
  GtkWidget *cancel_button;
  GtkWidget *remove_button;
  GtkWidget *done_button;
};

G_DEFINE_FINAL_TYPE (SkNetworkEditor, sk_network_editor, GTK_TYPE_POPOVER)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (SkNetworkEditor *self,
        GError          *error)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  sk_tool_report (parent != NULL ? parent : GTK_WIDGET (self), error);
}

static char *
trimmed_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
update_add_button (SkNetworkEditor *self)
{
  g_autofree char *name = trimmed_text (self->name);

  gtk_widget_set_sensitive (self->add_button, *name != '\0');
}

/* The questions name the person, as the child would say them: "Where
 * does Hanne belong?", "I can talk to Hanne". */
static void
update_texts (SkNetworkEditor *self)
{
  g_autofree char *name = trimmed_text (self->name);
  g_autofree char *belong = NULL;
  g_autofree char *talk = NULL;
  g_autofree char *worry = NULL;
  g_autofree char *who = NULL;

  if (*name == '\0')
    {
      belong = g_strdup (_("Where does this person belong?"));
      talk = g_strdup (_("I can talk to this person"));
      worry = g_strdup (_("I worry about this person"));
      who = g_strdup (_("Who is this person to you? (grandma, teacher …)"));
    }
  else
    {
      /* Translators: %s is the name of a person on the child's map */
      belong = g_strdup_printf (_("Where does %s belong?"), name);
      /* Translators: %s is the name of a person on the child's map */
      talk = g_strdup_printf (_("I can talk to %s"), name);
      /* Translators: %s is the name of a person on the child's map */
      worry = g_strdup_printf (_("I worry about %s"), name);
      /* Translators: placeholder; %s is the name of a person on the child's map */
      who = g_strdup_printf (_("Who is %s to you?"), name);
    }
  gtk_label_set_label (GTK_LABEL (self->sector_label), belong);
  sk_network_mark_set_label (SK_NETWORK_MARK (self->can_talk), talk);
  sk_network_mark_set_label (SK_NETWORK_MARK (self->worried), worry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->relation), who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->relation), GTK_ACCESSIBLE_PROPERTY_LABEL, who, -1);
}

static void
name_changed_cb (SkNetworkEditor *self)
{
  g_autofree char *name = trimmed_text (self->name);

  update_add_button (self);
  update_texts (self);
  if (self->loading || self->person == NULL)
    return;
  /* An empty name is not stored over a real one: the old name stays
   * until there is a new one. */
  if (*name != '\0')
    g_object_set (self->person, "name", name, NULL);
}

static void
relation_changed_cb (SkNetworkEditor *self)
{
  g_autofree char *relation = trimmed_text (self->relation);

  if (!self->loading && self->person != NULL)
    g_object_set (self->person, "relation", relation, NULL);
}

static void
avatar_toggled_cb (GtkToggleButton *button,
                   SkNetworkEditor *self)
{
  if (self->loading || self->person == NULL || !gtk_toggle_button_get_active (button))
    return;
  g_object_set (self->person, "avatar", g_object_get_data (G_OBJECT (button), "avatar"), NULL);
}

static void
sector_toggled_cb (GtkToggleButton *button,
                   SkNetworkEditor *self)
{
  int sector = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sector"));
  SkNetworkPolar place;

  if (self->loading || self->person == NULL || !gtk_toggle_button_get_active (button) ||
      sk_network_person_get_sector (self->person) == sector)
    return;
  /* Another sector: the middle of it, in the same ring. */
  place = sk_network_cell_centre (sector, sk_network_person_get_ring (self->person));
  if (self->adding)
    g_object_set (self->person, "angle", place.angle, "distance", place.distance, NULL);
  else
    {
      g_autoptr(GError) error = NULL;

      if (!sk_network_person_move (self->person, self->store, place, &error))
        report (self, error);
    }
}

static void
mark_toggled_cb (SkNetworkMark   *mark,
                 SkNetworkEditor *self)
{
  if (self->loading || self->person == NULL)
    return;
  g_object_set (self->person, sk_network_mark_get_property_name (mark),
                gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (mark)), NULL);
}

static void
shared_cb (SkNetworkEditor *self)
{
  if (!self->loading && self->person != NULL)
    g_object_set (self->person, "shared", gtk_switch_get_active (GTK_SWITCH (self->shared)), NULL);
}

gboolean
sk_network_editor_confirm (SkNetworkEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SK_IS_NETWORK_EDITOR (self), FALSE);

  if (!self->adding)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return TRUE;
    }
  name = trimmed_text (self->name);
  if (*name == '\0')
    {
      gtk_widget_grab_focus (self->name);
      return FALSE;
    }
  g_object_set (self->person, "name", name, NULL);
  if (!sk_network_add (self->store, self->people, self->person, &error))
    {
      report (self, error);
      return FALSE;
    }
  self->adding = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
remove_clicked_cb (SkNetworkEditor *self)
{
  g_autoptr(SkNetworkPerson) person = g_object_ref (self->person);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[REMOVE], 0, person);
}

static void
load (SkNetworkEditor *self)
{
  SkRecord *record = SK_RECORD (self->person);
  const char *avatar = sk_record_get_string (record, "avatar");
  int sector = sk_network_person_get_sector (self->person);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name), sk_record_get_string (record, "name"));
  gtk_editable_set_text (GTK_EDITABLE (self->relation), sk_record_get_string (record, "relation"));
  for (guint i = 0; i < G_N_ELEMENTS (self->avatars) && self->avatars[i] != NULL; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->avatars[i]),
                                  g_strcmp0 (g_object_get_data (G_OBJECT (self->avatars[i]), "avatar"), avatar) == 0);
  for (int i = 0; i < SK_NETWORK_N_SECTORS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sectors[i]), i == sector);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->can_talk), sk_record_get_boolean (record, "can-talk"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->worried), sk_record_get_boolean (record, "worried"));
  gtk_switch_set_active (GTK_SWITCH (self->shared), sk_record_get_boolean (record, "shared"));
  self->loading = FALSE;

  gtk_label_set_text (GTK_LABEL (self->title), self->adding ? _("New person") : _("About this person"));
  update_texts (self);
  gtk_widget_set_visible (self->add_button, self->adding);
  gtk_widget_set_visible (self->cancel_button, self->adding);
  gtk_widget_set_visible (self->remove_button, !self->adding);
  gtk_widget_set_visible (self->done_button, !self->adding);
  update_add_button (self);
}

void
sk_network_editor_add (SkNetworkEditor *self,
                       SkStore         *store,
                       GListStore      *people,
                       gint64           conversation_id,
                       SkNetworkPolar   place)
{
  g_return_if_fail (SK_IS_NETWORK_EDITOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->people, people);
  g_clear_object (&self->person);
  self->person = sk_network_person_new (conversation_id, "", "", "person-adult", place);
  self->adding = TRUE;
  load (self);
}

void
sk_network_editor_edit (SkNetworkEditor *self,
                        SkStore         *store,
                        SkNetworkPerson *person)
{
  g_return_if_fail (SK_IS_NETWORK_EDITOR (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->people);
  g_set_object (&self->person, person);
  self->adding = FALSE;
  load (self);
}

SkNetworkPerson *
sk_network_editor_get_person (SkNetworkEditor *self)
{
  g_return_val_if_fail (SK_IS_NETWORK_EDITOR (self), NULL);

  return self->person;
}

static GtkWidget *
picture_toggle (const char *art,
                const char *text,
                int         size)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), sk_art_image_new (art, size));
  gtk_widget_set_tooltip_text (button, text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return button;
}

static void
sk_network_editor_dispose (GObject *object)
{
  SkNetworkEditor *self = SK_NETWORK_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->people);
  g_clear_object (&self->person);
  gtk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_NETWORK_EDITOR);

  G_OBJECT_CLASS (sk_network_editor_parent_class)->dispose (object);
}

static void
sk_network_editor_class_init (SkNetworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_network_editor_dispose;

  /* "Remove" was clicked for the person. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SK_TYPE_NETWORK_PERSON);

  g_type_ensure (SK_TYPE_NETWORK_MARK);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-network-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, title);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, sector_label);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, avatar_row);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, sector_grid);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, name);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, relation);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, can_talk);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, worried);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, shared);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SkNetworkEditor, done_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, relation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, shared_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sk_network_editor_confirm);
  gtk_widget_class_bind_template_callback (widget_class, gtk_popover_popdown);
}

static void
sk_network_editor_init (SkNetworkEditor *self)
{
  const SkWord *avatars;
  guint n_avatars;

  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  sk_editable_keep_one_line (GTK_EDITABLE (self->name));
  sk_editable_keep_one_line (GTK_EDITABLE (self->relation));

  /* The pictures and the sectors come from the core's tables. */
  avatars = sk_network_avatars (&n_avatars);
  for (guint i = 0; i < n_avatars && i < G_N_ELEMENTS (self->avatars); i++)
    {
      GtkWidget *button = picture_toggle (avatars[i].key, _(avatars[i].label), 48);

      g_object_set_data (G_OBJECT (button), "avatar", (gpointer) avatars[i].key);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->avatars[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (avatar_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->avatar_row), button);
      self->avatars[i] = button;
    }
  for (int i = 0; i < SK_NETWORK_N_SECTORS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (sk_network_sector_label (i));
      g_autofree char *css = g_strdup_printf ("sector-%d", i);

      g_object_set_data (G_OBJECT (button), "sector", GINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->sectors[0]));
      gtk_widget_add_css_class (button, css);
      gtk_widget_add_css_class (button, "sector-button");
      g_signal_connect (button, "toggled", G_CALLBACK (sector_toggled_cb), self);
      /* Laid out as on the map: family top left, then clockwise. */
      gtk_grid_attach (GTK_GRID (self->sector_grid), button, i == 1 || i == 2, i >= 2, 1, 1);
      self->sectors[i] = button;
    }
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  update_texts (self);
}

GtkWidget *
sk_network_editor_new (void)
{
  return g_object_new (SK_TYPE_NETWORK_EDITOR, NULL);
}
