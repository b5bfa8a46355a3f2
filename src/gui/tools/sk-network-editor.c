/* sk-network-editor.c — add or change one person on the network map
 *
 * A popover next to the person: name, who they are, picture, where they
 * belong, the child's two marks and whether the parents may see them.
 * When adding, nothing is stored until "Add"; when changing, every change
 * is stored at once (typing within the store's typing delay).
 */
#include "config.h"

#include "sk-network-editor.h"
#include "sk-art-image.h"
#include "sk-window.h"

#include <glib/gi18n-lib.h>

#define MAX_NAME_CHARS 60

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

  sk_window_report (parent != NULL ? parent : GTK_WIDGET (self), error);
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

static void
set_mark_label (GtkWidget  *mark,
                const char *text)
{
  gtk_label_set_label (GTK_LABEL (g_object_get_data (G_OBJECT (mark), "label")), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
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
  set_mark_label (self->can_talk, talk);
  set_mark_label (self->worried, worry);
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
mark_toggled_cb (GtkToggleButton *button,
                 SkNetworkEditor *self)
{
  /* On is unmistakable: filled, and a tick, not only a darker grey. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (button), "check"), gtk_toggle_button_get_active (button));
  if (self->loading || self->person == NULL)
    return;
  g_object_set (self->person, g_object_get_data (G_OBJECT (button), "property"),
                gtk_toggle_button_get_active (button), NULL);
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
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
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

/* One of the child's two marks: its picture, its words, and a tick when
 * it is on. */
static GtkWidget *
mark_toggle (const char *art)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_box_append (GTK_BOX (box), sk_art_image_new (art, 32));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (check, FALSE);
  gtk_widget_add_css_class (check, "mark-check");
  gtk_box_append (GTK_BOX (box), check);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "mark-button");
  g_object_set_data (G_OBJECT (button), "label", label);
  g_object_set_data (G_OBJECT (button), "check", check);
  return button;
}

static void
sk_network_editor_dispose (GObject *object)
{
  SkNetworkEditor *self = SK_NETWORK_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->people);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (sk_network_editor_parent_class)->dispose (object);
}

static void
sk_network_editor_class_init (SkNetworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sk_network_editor_dispose;

  /* "Remove" was clicked for the person. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SK_TYPE_NETWORK_PERSON);
}

static void
sk_network_editor_init (SkNetworkEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *row, *grid, *marks, *buttons, *shared_label, *columns, *left, *right;
  const SkWord *avatars;
  guint n_avatars;

  gtk_widget_add_css_class (GTK_WIDGET (self), "network-editor");
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_box_append (GTK_BOX (box), self->title);

  /* Two columns side by side: the popover stays low enough for a
   * laptop's screen, even with the child's view's large type. */
  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  /* One width whatever the name: the popover does not jump while typing. */
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_set_size_request (columns, 760, -1);
  gtk_box_append (GTK_BOX (columns), left);
  gtk_box_append (GTK_BOX (columns), right);
  gtk_box_append (GTK_BOX (box), columns);

  self->name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name), _("Name"));
  gtk_entry_set_max_length (GTK_ENTRY (self->name), MAX_NAME_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_widget_add_css_class (self->name, "network-name");
  g_signal_connect_swapped (self->name, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->name, "activate", G_CALLBACK (sk_network_editor_confirm), self);
  gtk_box_append (GTK_BOX (left), self->name);

  self->relation = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->relation), 12);
  gtk_entry_set_max_length (GTK_ENTRY (self->relation), MAX_NAME_CHARS);
  g_signal_connect_swapped (self->relation, "changed", G_CALLBACK (relation_changed_cb), self);
  g_signal_connect_swapped (self->relation, "activate", G_CALLBACK (sk_network_editor_confirm), self);
  gtk_box_append (GTK_BOX (left), self->relation);

  gtk_box_append (GTK_BOX (left), section_label (_("Picture")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  avatars = sk_network_avatars (&n_avatars);
  for (guint i = 0; i < n_avatars && i < G_N_ELEMENTS (self->avatars); i++)
    {
      GtkWidget *button = picture_toggle (avatars[i].key, _(avatars[i].label), 48);

      g_object_set_data (G_OBJECT (button), "avatar", (gpointer) avatars[i].key);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->avatars[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (avatar_toggled_cb), self);
      gtk_box_append (GTK_BOX (row), button);
      self->avatars[i] = button;
    }
  gtk_box_append (GTK_BOX (left), row);

  self->sector_label = section_label (NULL);
  gtk_box_append (GTK_BOX (right), self->sector_label);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
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
      gtk_grid_attach (GTK_GRID (grid), button, i == 1 || i == 2, i >= 2, 1, 1);
      self->sectors[i] = button;
    }
  gtk_box_append (GTK_BOX (right), grid);

  marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (marks), TRUE);
  self->can_talk = mark_toggle ("mark-talk");
  g_object_set_data (G_OBJECT (self->can_talk), "property", (gpointer) "can-talk");
  g_signal_connect (self->can_talk, "toggled", G_CALLBACK (mark_toggled_cb), self);
  self->worried = mark_toggle ("mark-worry");
  g_object_set_data (G_OBJECT (self->worried), "property", (gpointer) "worried");
  g_signal_connect (self->worried, "toggled", G_CALLBACK (mark_toggled_cb), self);
  gtk_box_append (GTK_BOX (marks), self->can_talk);
  gtk_box_append (GTK_BOX (marks), self->worried);
  gtk_box_append (GTK_BOX (right), marks);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  shared_label = gtk_label_new (_("May your parents see this person?"));
  gtk_label_set_wrap (GTK_LABEL (shared_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (shared_label), 0);
  gtk_widget_set_hexpand (shared_label, TRUE);
  self->shared = gtk_switch_new ();
  gtk_widget_set_valign (self->shared, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->shared), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  shared_label, NULL, -1);
  g_signal_connect_swapped (self->shared, "notify::active", G_CALLBACK (shared_cb), self);
  gtk_box_append (GTK_BOX (row), shared_label);
  gtk_box_append (GTK_BOX (row), self->shared);
  gtk_box_append (GTK_BOX (right), row);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 6);
  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_popover_popdown), self);
  gtk_box_append (GTK_BOX (buttons), self->remove_button);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (row, TRUE);
  gtk_box_append (GTK_BOX (buttons), row);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (sk_network_editor_confirm), self);
  self->done_button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (self->done_button, "suggested-action");
  g_signal_connect_swapped (self->done_button, "clicked", G_CALLBACK (sk_network_editor_confirm), self);
  gtk_box_append (GTK_BOX (buttons), self->add_button);
  gtk_box_append (GTK_BOX (buttons), self->done_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  update_texts (self);
}

GtkWidget *
sk_network_editor_new (void)
{
  return g_object_new (SK_TYPE_NETWORK_EDITOR, NULL);
}
