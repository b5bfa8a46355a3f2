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
name_changed_cb (SkNetworkEditor *self)
{
  g_autofree char *name = trimmed_text (self->name);

  update_add_button (self);
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
                int         size,
                gboolean    with_text)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), sk_art_image_new (art, size));
  if (with_text)
    {
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  else
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
  GtkWidget *row, *grid, *marks, *buttons, *shared_label;
  const SkWord *avatars;
  guint n_avatars;

  gtk_widget_add_css_class (GTK_WIDGET (self), "network-editor");
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_size_request (box, 380, -1);

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_box_append (GTK_BOX (box), self->title);

  self->name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name), _("Name"));
  gtk_entry_set_max_length (GTK_ENTRY (self->name), MAX_NAME_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_widget_add_css_class (self->name, "network-name");
  g_signal_connect_swapped (self->name, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->name, "activate", G_CALLBACK (sk_network_editor_confirm), self);
  gtk_box_append (GTK_BOX (box), self->name);

  self->relation = gtk_entry_new ();
  /* Translators: placeholder; who the person is to the child */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->relation), _("Who are they? (grandma, teacher, best friend …)"));
  gtk_entry_set_max_length (GTK_ENTRY (self->relation), MAX_NAME_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->relation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who they are to you"), -1);
  g_signal_connect_swapped (self->relation, "changed", G_CALLBACK (relation_changed_cb), self);
  g_signal_connect_swapped (self->relation, "activate", G_CALLBACK (sk_network_editor_confirm), self);
  gtk_box_append (GTK_BOX (box), self->relation);

  gtk_box_append (GTK_BOX (box), section_label (_("Picture")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  avatars = sk_network_avatars (&n_avatars);
  for (guint i = 0; i < n_avatars && i < G_N_ELEMENTS (self->avatars); i++)
    {
      GtkWidget *button = picture_toggle (avatars[i].key, _(avatars[i].label), 48, FALSE);

      g_object_set_data (G_OBJECT (button), "avatar", (gpointer) avatars[i].key);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->avatars[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (avatar_toggled_cb), self);
      gtk_box_append (GTK_BOX (row), button);
      self->avatars[i] = button;
    }
  gtk_box_append (GTK_BOX (box), row);

  gtk_box_append (GTK_BOX (box), section_label (_("Where do they belong?")));
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
  gtk_box_append (GTK_BOX (box), grid);

  marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (marks), TRUE);
  self->can_talk = picture_toggle ("mark-talk", _("I can talk to them"), 32, TRUE);
  g_object_set_data (G_OBJECT (self->can_talk), "property", (gpointer) "can-talk");
  g_signal_connect (self->can_talk, "toggled", G_CALLBACK (mark_toggled_cb), self);
  self->worried = picture_toggle ("mark-worry", _("I worry about them"), 32, TRUE);
  g_object_set_data (G_OBJECT (self->worried), "property", (gpointer) "worried");
  g_signal_connect (self->worried, "toggled", G_CALLBACK (mark_toggled_cb), self);
  gtk_box_append (GTK_BOX (marks), self->can_talk);
  gtk_box_append (GTK_BOX (marks), self->worried);
  gtk_box_append (GTK_BOX (box), marks);

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
  gtk_box_append (GTK_BOX (box), row);

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
}

GtkWidget *
sk_network_editor_new (void)
{
  return g_object_new (SK_TYPE_NETWORK_EDITOR, NULL);
}
