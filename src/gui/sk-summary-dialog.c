/* sk-summary-dialog.c — the summary for the parents: look at it together,
 * choose, print or save
 *
 * The child and the caseworker look at exactly the pages the parents will
 * get, drawn by the same code as the printout.  Beside them, every item
 * the child can share, with its switch: changing one changes the record at
 * once and the pages follow.  The summary's language is chosen here, on its
 * own, whatever the interface's language.
 */
#include "config.h"

#include "sk-summary-dialog.h"
#include "sk-emotion.h"
#include "sk-network.h"
#include "sk-summary-draw.h"
#include "sk-summary-print.h"
#include "sk-summary.h"
#include "sk-window.h"

#include <glib/gi18n-lib.h>

#define PREVIEW_WIDTH 520

struct _SkSummaryDialog
{
  AdwWindow parent_instance;

  SkStore         *store;
  SkConversation  *conversation;
  GSettings       *settings;
  char            *language;
  SkSummary       *summary;
  SkSummaryPages  *pages;
  guint            rebuild_id;

  GtkWidget       *language_dropdown;
  GtkWidget       *pages_box;
  GtkWidget       *choices;
  GPtrArray       *records;      /* watched for "shared" changes */
};

G_DEFINE_FINAL_TYPE (SkSummaryDialog, sk_summary_dialog, ADW_TYPE_WINDOW)

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SkSummaryDialog *self = SK_SUMMARY_DIALOG (gtk_widget_get_root (GTK_WIDGET (area)));
  guint page = GPOINTER_TO_UINT (user_data);

  if (self->pages == NULL || page >= sk_summary_pages_get_n (self->pages))
    return;
  cairo_scale (cr, width / SK_SUMMARY_PAGE_WIDTH, height / SK_SUMMARY_PAGE_HEIGHT);
  sk_summary_pages_draw (self->pages, cr, page, FALSE);
}

static void
sender (SkSummaryDialog *self,
        SkSummarySender *out,
        char           **strings)
{
  strings[0] = g_settings_get_string (self->settings, "caseworker-name");
  strings[1] = g_settings_get_string (self->settings, "municipality");
  strings[2] = g_settings_get_string (self->settings, "phone");
  *out = (SkSummarySender) { strings[0], strings[1], strings[2] };
}

static void
rebuild (SkSummaryDialog *self)
{
  g_autoptr(GError) error = NULL;
  char *strings[3] = { NULL };
  SkSummarySender from;
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  sender (self, &from, strings);
  g_clear_pointer (&self->summary, sk_summary_free);
  g_clear_pointer (&self->pages, sk_summary_pages_free);
  self->summary = sk_summary_build (self->store, self->conversation, self->language, &from, &error);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (strings[i]);
  if (self->summary == NULL)
    {
      sk_window_report (GTK_WIDGET (self), error);
      return;
    }
  self->pages = sk_summary_pages_new (self->summary, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  n = sk_summary_pages_get_n (self->pages);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: for screen readers; page numbers of the preview */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) (PREVIEW_WIDTH * SK_SUMMARY_PAGE_HEIGHT / SK_SUMMARY_PAGE_WIDTH));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, GUINT_TO_POINTER (i), NULL);
      gtk_widget_add_css_class (area, "summary-page");
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (self->pages_box), area);
    }
}

/* Several switches may change at once: the pages follow once. */
static void
queue_rebuild (SkSummaryDialog *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_once ((GSourceOnceFunc) rebuild, self);
}

static GtkWidget *
choice_row (SkSummaryDialog *self,
            SkRecord        *record,
            const char      *property,
            const char      *title,
            const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_bind_property (record, property, toggle, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_object (record, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->records, g_object_ref (record));
  return row;
}

static void
build_choices (SkSummaryDialog *self)
{
  g_autoptr(GListStore) topics = sk_emotions_list (self->store, sk_record_get_id (SK_RECORD (self->conversation)),
                                                  FALSE, NULL);
  g_autoptr(GListStore) people = sk_network_list (self->store, sk_record_get_id (SK_RECORD (self->conversation)),
                                                 NULL);
  GtkWidget *group;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How I feel"));
  for (guint i = 0; topics != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (topics)); i++)
    {
      g_autoptr(SkEmotionRating) rating = g_list_model_get_item (G_LIST_MODEL (topics), i);
      g_autofree char *title = NULL;
      int face = sk_emotion_rating_get_face (rating);

      if (face == SK_FACE_NONE)
        continue;
      title = sk_emotion_rating_dup_title (rating);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 choice_row (self, SK_RECORD (rating), "shared", title, sk_face_label (face)));
    }
  gtk_box_append (GTK_BOX (self->choices), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("My network"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (self, SK_RECORD (self->conversation), "network-shared",
                                         _("The map"), NULL));
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (people)); i++)
    {
      g_autoptr(SkNetworkPerson) person = g_list_model_get_item (G_LIST_MODEL (people), i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 choice_row (self, SK_RECORD (person), "shared",
                                             sk_record_get_string (SK_RECORD (person), "name"),
                                             sk_record_get_string (SK_RECORD (person), "relation")));
    }
  gtk_box_append (GTK_BOX (self->choices), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Last time"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             choice_row (self, SK_RECORD (self->conversation), "feedback-shared",
                                         _("What happened with what you said last time"), NULL));
  gtk_box_append (GTK_BOX (self->choices), group);
}

static void
language_changed_cb (SkSummaryDialog *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->language_dropdown));

  sk_summary_dialog_set_language (self, selected == 1 ? "en" : "da");
}

void
sk_summary_dialog_set_language (SkSummaryDialog *self,
                                const char      *language)
{
  g_return_if_fail (SK_IS_SUMMARY_DIALOG (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (g_strcmp0 (language, "en") == 0 ? "en" : "da");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->language_dropdown), g_str_equal (self->language, "en") ? 1 : 0);
  rebuild (self);
}

guint
sk_summary_dialog_get_n_pages (SkSummaryDialog *self)
{
  g_return_val_if_fail (SK_IS_SUMMARY_DIALOG (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);
  return self->pages != NULL ? sk_summary_pages_get_n (self->pages) : 0;
}

gboolean
sk_summary_dialog_save_pdf (SkSummaryDialog  *self,
                            const char       *path,
                            GError          **error)
{
  g_return_val_if_fail (SK_IS_SUMMARY_DIALOG (self), FALSE);

  if (self->rebuild_id != 0 || self->summary == NULL)
    rebuild (self);
  return self->summary != NULL && sk_summary_write_pdf (self->summary, path, error);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SkSummaryDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !sk_summary_dialog_save_pdf (self, path, &error))
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF can only be saved to a local folder."));
          sk_window_report (GTK_WIDGET (self), error);
        }
    }
  g_object_unref (chooser);
}

static void
save_clicked_cb (SkSummaryDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save the Summary as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, "PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the parents' summary */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("summary.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_clicked_cb (SkSummaryDialog *self)
{
  g_autoptr(SkSummaryPrint) print = NULL;
  g_autoptr(GError) error = NULL;

  if (self->rebuild_id != 0 || self->summary == NULL)
    rebuild (self);
  if (self->summary == NULL)
    return;
  print = sk_summary_print_new (self->summary, self->settings);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sk_window_report (GTK_WIDGET (self), error);
}

static void
sk_summary_dialog_dispose (GObject *object)
{
  SkSummaryDialog *self = SK_SUMMARY_DIALOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->records != NULL)
    for (guint i = 0; i < self->records->len; i++)
      g_signal_handlers_disconnect_by_data (self->records->pdata[i], self);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->summary, sk_summary_free);
  g_clear_pointer (&self->pages, sk_summary_pages_free);
  g_clear_object (&self->conversation);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sk_summary_dialog_parent_class)->dispose (object);
}

static void
sk_summary_dialog_finalize (GObject *object)
{
  g_free (SK_SUMMARY_DIALOG (object)->language);

  G_OBJECT_CLASS (sk_summary_dialog_parent_class)->finalize (object);
}

static void
sk_summary_dialog_class_init (SkSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sk_summary_dialog_dispose;
  object_class->finalize = sk_summary_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_summary_dialog_init (SkSummaryDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("Save as _PDF…"));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *preview = gtk_scrolled_window_new ();
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *intro;
  /* Each language in its own words, as in Preferences. */
  const char * const languages[] = { "Dansk", "English", NULL };

  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = NULL;
  gtk_window_set_title (GTK_WINDOW (self), _("Summary for the Parents"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->language_dropdown = gtk_drop_down_new_from_strings (languages);
  gtk_widget_set_tooltip_text (self->language_dropdown, _("The summary’s language"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The summary’s language"), -1);
  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (language_changed_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->language_dropdown);
  gtk_widget_add_css_class (print, "suggested-action");
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->pages_box, 18);
  gtk_widget_set_margin_bottom (self->pages_box, 18);
  gtk_widget_set_margin_start (self->pages_box, 18);
  gtk_widget_set_margin_end (self->pages_box, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview), self->pages_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (preview), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (preview, TRUE);
  gtk_widget_add_css_class (preview, "summary-preview");
  gtk_box_append (GTK_BOX (content), preview);

  self->choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->choices, 18);
  gtk_widget_set_margin_bottom (self->choices, 18);
  gtk_widget_set_margin_start (self->choices, 18);
  gtk_widget_set_margin_end (self->choices, 18);
  intro = gtk_label_new (_("This is what your parents get. You choose what is on it."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "tool-prompt");
  gtk_widget_add_css_class (intro, "summary-intro");
  gtk_box_append (GTK_BOX (self->choices), intro);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), self->choices);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (side, 380, -1);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (content), side);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (toolbar), content);

  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

SkSummaryDialog *
sk_summary_dialog_new (GtkWindow      *parent,
                       SkStore        *store,
                       SkConversation *conversation,
                       GSettings      *settings)
{
  SkSummaryDialog *self = g_object_new (SK_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->conversation = g_object_ref (conversation);
  self->settings = g_object_ref (settings);
  build_choices (self);
  self->language = g_strdup ("da");
  rebuild (self);
  return self;
}
