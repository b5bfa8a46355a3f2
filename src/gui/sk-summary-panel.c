/* sk-summary-panel.c — the parents' pages beside the child's choices
 *
 * The child and the caseworker look at exactly the pages the parents will
 * get, drawn by the same code as the printout.  Beside them, every item
 * the child can share, each with a big "Yes" and "No" of its own:
 * choosing changes the record at once and the pages follow.  The
 * summary's language is chosen here, whatever the interface's.  Used in
 * the child's view (its own step, big) and in the caseworker's dialog.
 */
#include "config.h"

#include "sk-summary-panel.h"
#include "sk-accessible.h"
#include "sk-summary-draw.h"
#include "sk-summary-print.h"
#include "sk-print-dialog.h"
#include "sk-summary.h"
#include "sk-i18n.h"
#include "sk-settings.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define PREVIEW_WIDTH 520

struct _SkSummaryPanel
{
  GtkWidget parent_instance;

  SkContext       *context;
  gboolean         child_view;
  SkConversation  *conversation;
  char            *language;
  SkSummary       *summary;
  SkSummaryPages  *pages;
  GPtrArray       *watched;      /* records whose changes redraw the pages */
  GPtrArray       *bindings;
  guint            rebuild_id;
  guint            news_id;      /* hides a piece of news */

  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkImage        *message_icon;
  GtkWidget       *pages_box;
  GtkWidget       *choices_box;
  GtkLabel        *title_label;
  GtkLabel        *intro_label;
  GtkToggleButton *language_da;
  GtkToggleButton *language_en;
  GtkWidget       *save_button;
  GtkWidget       *print_button;
  GtkWidget       *unnamed_note;  /* the caseworker's name is not set */
};

G_DEFINE_FINAL_TYPE (SkSummaryPanel, sk_summary_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CHILD_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SkSummaryPanel *self = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "page"));

  if (self->pages == NULL || page >= sk_summary_pages_get_n (self->pages))
    return;
  cairo_scale (cr, width / SK_SUMMARY_PAGE_WIDTH, height / SK_SUMMARY_PAGE_HEIGHT);
  sk_summary_pages_draw (self->pages, cr, page, FALSE);
}

static void
rebuild_pages (SkSummaryPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strings = NULL;
  SkSummarySender from;
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->summary, sk_summary_free);
  g_clear_pointer (&self->pages, sk_summary_pages_free);
  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  if (self->conversation == NULL)
    return;

  strings = sk_settings_read_sender (sk_context_get_settings (self->context), &from);
  self->summary = sk_summary_build (sk_context_get_store (self->context), self->conversation, self->language,
                                    &from, &error);
  if (self->summary == NULL)
    {
      sk_summary_panel_report (self, error);
      return;
    }
  self->pages = sk_summary_pages_new (self->summary, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);

  n = sk_summary_pages_get_n (self->pages);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: for screen readers; page numbers of the preview */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) (PREVIEW_WIDTH * SK_SUMMARY_PAGE_HEIGHT / SK_SUMMARY_PAGE_WIDTH));
      g_object_set_data (G_OBJECT (area), "page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
      gtk_widget_add_css_class (area, "summary-page");
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (self->pages_box), area);
    }
}

/* Several choices may change at once: the pages follow once. */
static void
queue_rebuild (SkSummaryPanel *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_once ((GSourceOnceFunc) rebuild_pages, self);
}

static void
watch (SkSummaryPanel *self,
       SkRecord       *record)
{
  for (guint i = 0; i < self->watched->len; i++)
    if (self->watched->pdata[i] == record)
      return;
  g_signal_connect_object (record, "notify", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->watched, g_object_ref (record));
}

static void
unwatch_all (SkSummaryPanel *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (self->watched->pdata[i], self);
  g_ptr_array_set_size (self->watched, 0);
  for (guint i = 0; i < self->bindings->len; i++)
    sk_binding_clear ((GBinding **) &self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);
}

static GtkWidget *
answer_button (const char *label,
               const char *icon,
               GtkWidget  *group)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  gtk_button_set_child (GTK_BUTTON (button), content);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  gtk_widget_add_css_class (button, "answer-button");
  return button;
}

/* One item: what it is, and "Yes" and "No", big, said in words and with an
 * eye, so that colour never carries the answer alone. */
static GtkWidget *
choice_row (SkSummaryPanel    *self,
            const SkShareItem *item,
            GtkWidget         *depends_on)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (item->title);
  GtkWidget *answers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = answer_button (_("Yes"), "view-reveal-symbolic", NULL);
  GtkWidget *no = answer_button (_("No"), "view-conceal-symbolic", yes);
  /* Translators: for screen readers: %s is an item of the summary, "Home" */
  g_autofree char *question = g_strdup_printf (_("May your parents see “%s”?"), item->title);

  gtk_widget_add_css_class (row, "summary-choice");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "summary-choice-title");
  gtk_box_append (GTK_BOX (labels), title);
  if (item->detail != NULL)
    {
      GtkWidget *detail = gtk_label_new (item->detail);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (detail), 2);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "summary-choice-detail");
      gtk_box_append (GTK_BOX (labels), detail);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), labels);

  gtk_widget_add_css_class (answers, "linked");
  gtk_widget_set_valign (answers, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (answers), yes);
  gtk_box_append (GTK_BOX (answers), no);
  gtk_box_append (GTK_BOX (row), answers);
  gtk_accessible_update_property (GTK_ACCESSIBLE (answers), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  {
    /* Translators: for screen readers, the answer "Yes" to "May your
     * parents see “%s”?"; %s is an item of the summary, "Home" */
    g_autofree char *yes_name = g_strdup_printf (_("Yes, my parents may see “%s”"), item->title);
    /* Translators: for screen readers, the answer "No"; see above */
    g_autofree char *no_name = g_strdup_printf (_("No, my parents may not see “%s”"), item->title);

    /* The button's own words stand in the name once, not twice. */
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (yes), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (no), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    sk_accessible_set_label (yes, yes_name);
    sk_accessible_set_label (no, no_name);
  }

  g_ptr_array_add (self->bindings, sk_bind (item->record, item->property, yes, "active",
                                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings, sk_bind (item->record, item->property, no, "active",
                                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE |
                                            G_BINDING_INVERT_BOOLEAN));
  if (depends_on != NULL)
    {
      /* A person can be left out of the map, but not be on a map that
       * is not shared. */
      g_ptr_array_add (self->bindings, sk_bind (g_object_get_data (G_OBJECT (depends_on), "yes"), "active",
                                                row, "sensitive", G_BINDING_SYNC_CREATE));
      gtk_widget_add_css_class (row, "summary-choice-part");
    }
  g_object_set_data (G_OBJECT (row), "yes", yes);
  watch (self, item->record);
  return row;
}

static void
rebuild_choices (SkSummaryPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *child, *group = NULL;
  const char *group_title = NULL;

  unwatch_all (self);
  /* Everything after the intro goes. */
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->intro_label))) != NULL)
    gtk_box_remove (GTK_BOX (self->choices_box), child);
  if (self->conversation == NULL)
    return;

  watch (self, SK_RECORD (self->conversation));
  items = sk_summary_list_choices (sk_context_get_store (self->context), self->conversation, &error);
  if (items == NULL)
    {
      sk_summary_panel_report (self, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const SkShareItem *item = items->pdata[i];
      GtkWidget *row;

      if (g_strcmp0 (group_title, item->group) != 0)
        {
          GtkWidget *heading = gtk_label_new (item->group);

          group_title = item->group;
          group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "summary-group-title");
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
          gtk_box_append (GTK_BOX (group), heading);
          gtk_box_append (GTK_BOX (self->choices_box), group);
        }
      row = choice_row (self, item, item->depends_on >= 0 ? rows->pdata[item->depends_on] : NULL);
      g_ptr_array_add (rows, row);
      gtk_box_append (GTK_BOX (group), row);
    }
  if (items->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing to choose yet: the summary holds what we agreed."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->choices_box), none);
    }
}

/* A message over the panel until it is closed or the next one comes: an
 * error in red, news in the calm colours. */
static void
show_message (SkSummaryPanel *self,
              const char     *message,
              gboolean        error)
{
  GtkWidget *bar = gtk_revealer_get_child (self->error_revealer);

  gtk_label_set_label (self->error_label, message);
  gtk_image_set_from_icon_name (self->message_icon, error ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  if (error)
    {
      gtk_widget_add_css_class (bar, "error-bar");
      gtk_widget_remove_css_class (bar, "info-bar");
    }
  else
    {
      gtk_widget_add_css_class (bar, "info-bar");
      gtk_widget_remove_css_class (bar, "error-bar");
    }
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
language_changed_cb (SkSummaryPanel *self)
{
  sk_summary_panel_set_language (self, gtk_toggle_button_get_active (self->language_en) ? "en" : "da");
}

static void
error_close_cb (SkSummaryPanel *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SkSummaryPanel  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF can only be saved to a local folder."));
      if (error != NULL || !sk_summary_panel_save_pdf (self, path, &error))
        sk_summary_panel_report (self, error);
    }
  g_object_unref (chooser);
}

/* In the child's view: straight into the documents folder under a name of
 * its own, and a message that says where; a file chooser would show the
 * names of other files. */
static void
save_directly (SkSummaryPanel *self)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  g_autofree char *display = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (base);
      g_free (path);
      /* Translators: the file name of a saved summary; %s is the date, 2026-12-04 */
      base = n == 1 ? g_strdup_printf (_("Summary %s.pdf"), day)
                    /* Translators: the same, when that name is taken; %s the date, %u 2, 3, … */
                    : g_strdup_printf (_("Summary %s (%u).pdf"), day, n);
      path = g_build_filename (folder, base, NULL);
    }
  if (!sk_summary_panel_save_pdf (self, path, &error))
    {
      sk_summary_panel_report (self, error);
      return;
    }
  display = g_filename_display_name (folder);
  /* Translators: %1$s is a file name, %2$s a folder */
  message = g_strdup_printf (_("Saved as “%1$s” in %2$s"), base, display);
  show_message (self, message, FALSE);
}

static void
save_clicked_cb (SkSummaryPanel *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->child_view)
    {
      save_directly (self);
      return;
    }
  filter = gtk_file_filter_new ();
  chooser = gtk_file_chooser_native_new (_("Save the Summary as PDF"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, "PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the parents' summary */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("summary.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

#if SK_HAVE_CUPS
static void
hide_news (SkSummaryPanel *self)
{
  self->news_id = 0;
  if (!gtk_widget_has_css_class (gtk_revealer_get_child (self->error_revealer), "error-bar"))
    gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
sent_cb (SkPrintDialog  *dialog,
         const char     *printer,
         int             job,
         SkSummaryPanel *self)
{
  /* Translators: %s is a printer's name; CUPS has taken the summary */
  g_autofree char *message = g_strdup_printf (_("Sent to “%s”."), printer);

  show_message (self, message, FALSE);
  /* Like a toast: it goes by itself. */
  g_clear_handle_id (&self->news_id, g_source_remove);
  self->news_id = g_timeout_add_once (8000, (GSourceOnceFunc) hide_news, self);
}

/* Through CUPS on a worker thread, with our own printer dialog: GTK's
 * froze the program when libcups2 changed under it (sk-cups.c). */
static void
print_summary (SkSummaryPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = sk_summary_render_pdf (self->summary, &error);
  SkPrintDialog *dialog;

  if (pdf == NULL)
    {
      sk_summary_panel_report (self, error);
      return;
    }
  dialog = sk_print_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                sk_context_get_settings (self->context), pdf, sk_summary_pages_get_n (self->pages));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (sent_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
#else
/* Where the system's own print dialog is native (Windows). */
static void
print_summary (SkSummaryPanel *self)
{
  g_autoptr(SkSummaryPrint) print = sk_summary_print_new (self->summary, sk_context_get_settings (self->context));
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sk_summary_panel_report (self, error);
}
#endif

static void
print_clicked_cb (SkSummaryPanel *self)
{
  if (self->rebuild_id != 0 || self->summary == NULL)
    rebuild_pages (self);
  if (self->summary != NULL)
    print_summary (self);
}

/* Without the caseworker's name the paper names nobody to call: said
 * before it is printed, until the name is there. */
static void
settings_changed_cb (SkSummaryPanel *self,
                     const char     *key)
{
  g_autofree char *name = NULL;

  if (key != NULL && !g_str_equal (key, "caseworker-name") && !g_str_equal (key, "municipality") &&
      !g_str_equal (key, "phone") && !g_str_equal (key, "phone-hours") && !g_str_equal (key, "email"))
    return;
  name = g_strstrip (g_settings_get_string (sk_context_get_settings (self->context), "caseworker-name"));
  gtk_widget_set_visible (self->unnamed_note, !self->child_view && *name == '\0');
  if (key != NULL)
    queue_rebuild (self);
}

static void
sk_summary_panel_constructed (GObject *object)
{
  SkSummaryPanel *self = SK_SUMMARY_PANEL (object);

  G_OBJECT_CLASS (sk_summary_panel_parent_class)->constructed (object);

  self->unnamed_note = gtk_label_new (_("Your name is not set, so the paper does not say who the parents can "
                                        "call. Add your name, phone and e-mail in Preferences (Ctrl+,)."));
  gtk_label_set_wrap (GTK_LABEL (self->unnamed_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->unnamed_note), 0);
  gtk_widget_add_css_class (self->unnamed_note, "warning-note");
  gtk_box_prepend (GTK_BOX (self->choices_box), self->unnamed_note);
  g_signal_connect_object (sk_context_get_settings (self->context), "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self, NULL);

  if (self->child_view)
    {
      gtk_label_set_label (self->title_label, _("Our Summary"));
      gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
      gtk_label_set_label (self->intro_label, _("This is what your parents get. You decide what is on it: "
                                                "say yes or no to each thing."));
      gtk_widget_add_css_class (GTK_WIDGET (self), "child-summary");
    }
  else
    gtk_label_set_label (self->intro_label, _("These are the pages the parents get. Beside them, what the child "
                                              "chose; choose together in the child’s view (F11)."));
}

static void
sk_summary_panel_dispose (GObject *object)
{
  SkSummaryPanel *self = SK_SUMMARY_PANEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->news_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);
  g_clear_pointer (&self->summary, sk_summary_free);
  g_clear_pointer (&self->pages, sk_summary_pages_free);
  g_clear_object (&self->conversation);
  g_clear_object (&self->context);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_SUMMARY_PANEL);

  G_OBJECT_CLASS (sk_summary_panel_parent_class)->dispose (object);
}

static void
sk_summary_panel_finalize (GObject *object)
{
  SkSummaryPanel *self = SK_SUMMARY_PANEL (object);

  g_ptr_array_unref (self->watched);
  g_ptr_array_unref (self->bindings);
  g_free (self->language);

  G_OBJECT_CLASS (sk_summary_panel_parent_class)->finalize (object);
}

static void
sk_summary_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SkSummaryPanel *self = SK_SUMMARY_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CHILD_VIEW:
      g_value_set_boolean (value, self->child_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_summary_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SkSummaryPanel *self = SK_SUMMARY_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CHILD_VIEW:
      self->child_view = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_summary_panel_class_init (SkSummaryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_summary_panel_constructed;
  object_class->dispose = sk_summary_panel_dispose;
  object_class->finalize = sk_summary_panel_finalize;
  object_class->get_property = sk_summary_panel_get_property;
  object_class->set_property = sk_summary_panel_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_VIEW] =
    g_param_spec_boolean ("child-view", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-summary-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, message_icon);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, pages_box);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, choices_box);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, language_da);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, language_en);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, save_button);
  gtk_widget_class_bind_template_child (widget_class, SkSummaryPanel, print_button);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarypanel");
}

static void
sk_summary_panel_init (SkSummaryPanel *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->bindings = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  /* The parents' language is the interface's until chosen otherwise. */
  self->language = g_strdup (g_str_has_prefix (sk_i18n_get_language (), "en") ? "en" : "da");
  gtk_toggle_button_set_active (g_str_equal (self->language, "en") ? self->language_en : self->language_da, TRUE);
}

GtkWidget *
sk_summary_panel_new (SkContext *context,
                      gboolean   child_view)
{
  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);

  return g_object_new (SK_TYPE_SUMMARY_PANEL, "context", context, "child-view", child_view, NULL);
}

/**
 * sk_summary_panel_set_conversation:
 * @conversation: (nullable): %NULL empties the panel
 *
 * Shows @conversation's pages and choices as they are now.
 */
void
sk_summary_panel_set_conversation (SkSummaryPanel *self,
                                   SkConversation *conversation)
{
  g_return_if_fail (SK_IS_SUMMARY_PANEL (self));
  g_return_if_fail (conversation == NULL || SK_IS_CONVERSATION (conversation));

  g_set_object (&self->conversation, conversation);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  rebuild_choices (self);
  rebuild_pages (self);
}

void
sk_summary_panel_set_language (SkSummaryPanel *self,
                               const char     *language)
{
  g_return_if_fail (SK_IS_SUMMARY_PANEL (self));

  language = g_strcmp0 (language, "en") == 0 ? "en" : "da";
  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  gtk_toggle_button_set_active (g_str_equal (language, "en") ? self->language_en : self->language_da, TRUE);
  rebuild_pages (self);
}

guint
sk_summary_panel_get_n_pages (SkSummaryPanel *self)
{
  g_return_val_if_fail (SK_IS_SUMMARY_PANEL (self), 0);

  if (self->rebuild_id != 0)
    rebuild_pages (self);
  return self->pages != NULL ? sk_summary_pages_get_n (self->pages) : 0;
}

/**
 * sk_summary_panel_save_pdf:
 *
 * Writes the summary as it is now to @path, private to the user.
 */
gboolean
sk_summary_panel_save_pdf (SkSummaryPanel  *self,
                           const char      *path,
                           GError         **error)
{
  g_return_val_if_fail (SK_IS_SUMMARY_PANEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->rebuild_id != 0 || self->summary == NULL)
    rebuild_pages (self);
  if (self->summary == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no summary to save."));
      return FALSE;
    }
  return sk_summary_write_pdf (self->summary, path, error);
}

void
sk_summary_panel_report (SkSummaryPanel *self,
                         const GError   *error)
{
  g_return_if_fail (SK_IS_SUMMARY_PANEL (self));
  g_return_if_fail (error != NULL);

  show_message (self, error->message, TRUE);
}
