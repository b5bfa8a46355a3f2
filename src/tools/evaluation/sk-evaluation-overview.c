/* sk-evaluation-overview.c — the children's evaluations, per month
 *
 * A table: per month, the conversations, how many the child evaluated,
 * and per question how many said Yes, A little and No.  Nothing in it
 * names a child: it is built from sk_evaluation_overview(), which reads
 * numbers only.  "Save as CSV…" writes the same numbers, private to the
 * user.
 */
#include "config.h"

#include "sk-evaluation-overview.h"
#include "sk-evaluation.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-format.h"

#include <glib/gi18n-lib.h>

struct _SkEvaluationOverview
{
  AdwWindow parent_instance;

  GArray    *months;
  GtkWidget *toasts;
  GtkWidget *grid;
  GtkWidget *empty;
};

G_DEFINE_FINAL_TYPE (SkEvaluationOverview, sk_evaluation_overview, ADW_TYPE_WINDOW)

static GtkWidget *
cell (const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
fill (SkEvaluationOverview *self)
{
  const SkEvaluationQuestion *questions = sk_evaluation_questions ();
  GtkGrid *grid = GTK_GRID (self->grid);
  int column = 3;

  gtk_widget_set_visible (self->empty, self->months->len == 0);
  gtk_widget_set_visible (self->grid, self->months->len > 0);
  /* Two rows of headings: the question over its three faces. */
  gtk_grid_attach (grid, cell (_("Month"), "heading"), 0, 1, 1, 1);
  gtk_grid_attach (grid, cell (_("Conversations"), "heading"), 1, 1, 1, 1);
  gtk_grid_attach (grid, cell (_("Evaluated"), "heading"), 2, 1, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 1)), 0);
  for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++, column += SK_EVALUATION_N_ANSWERS)
    {
      GtkWidget *name = gtk_label_new (_(questions[q].short_name));

      gtk_widget_add_css_class (name, "heading");
      gtk_widget_set_tooltip_text (name, _(questions[q].question));
      gtk_grid_attach (grid, name, column, 0, SK_EVALUATION_N_ANSWERS, 1);
      for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++)
        {
          GtkWidget *face = sk_art_image_new (sk_evaluation_answer_art (a + 1), 28);

          gtk_widget_set_tooltip_text (face, _(sk_evaluation_answer_label (a + 1)));
          sk_accessible_set_label (face, _(sk_evaluation_answer_label (a + 1)));
          gtk_grid_attach (grid, face, column + a, 1, 1, 1);
        }
    }
  for (guint i = 0; i < self->months->len; i++)
    {
      const SkEvaluationMonth *month = &g_array_index (self->months, SkEvaluationMonth, i);
      g_autoptr(GDateTime) first = g_date_time_new_local (month->year, month->month, 1, 0, 0, 0);
      g_autofree char *when = sk_format_month_year (first);
      g_autofree char *conversations = g_strdup_printf ("%u", month->conversations);
      g_autofree char *evaluated = g_strdup_printf ("%u", month->evaluated);
      GtkWidget *when_label = cell (when, NULL);

      gtk_label_set_xalign (GTK_LABEL (when_label), 0);
      gtk_grid_attach (grid, when_label, 0, i + 2, 1, 1);
      gtk_grid_attach (grid, cell (conversations, NULL), 1, i + 2, 1, 1);
      gtk_grid_attach (grid, cell (evaluated, NULL), 2, i + 2, 1, 1);
      column = 3;
      for (guint q = 0; q < SK_EVALUATION_N_QUESTIONS; q++)
        for (guint a = 0; a < SK_EVALUATION_N_ANSWERS; a++, column++)
          {
            g_autofree char *count = g_strdup_printf ("%u", month->counts[q][a]);

            gtk_grid_attach (grid, cell (count, month->counts[q][a] == 0 ? "dim-label" : NULL), column, i + 2, 1, 1);
          }
    }
}

gboolean
sk_evaluation_overview_save (SkEvaluationOverview  *self,
                             const char            *path,
                             GError               **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (SK_IS_EVALUATION_OVERVIEW (self), FALSE);

  csv = sk_evaluation_overview_csv (self->months);
  /* Private to the user, like the database. */
  return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
save_response_cb (GtkNativeDialog      *chooser,
                  int                   response,
                  SkEvaluationOverview *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The table can only be saved to a local folder."));
      else
        sk_evaluation_overview_save (self, path, &error);
      if (error != NULL)
        /* Translators: %s says why */
        message = g_strdup_printf (_("The table could not be saved: %s"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);

          /* Translators: %s is a file name */
          message = g_strdup_printf (_("The table is saved as “%s”"), name);
        }
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (message));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_clicked_cb (SkEvaluationOverview *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Table as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of the evaluations' table */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("children-evaluations.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

SkEvaluationOverview *
sk_evaluation_overview_show (GtkWidget *from,
                             SkStore   *store)
{
  SkEvaluationOverview *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = sk_evaluation_overview (store, &error);
  GtkRoot *root = gtk_widget_get_root (from);

  if (months == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The children’s evaluations could not be read: %s"), error->message);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, message, NULL);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }
  self = g_object_new (SK_TYPE_EVALUATION_OVERVIEW,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
  self->months = g_steal_pointer (&months);
  fill (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
sk_evaluation_overview_finalize (GObject *object)
{
  g_clear_pointer (&SK_EVALUATION_OVERVIEW (object)->months, g_array_unref);
  G_OBJECT_CLASS (sk_evaluation_overview_parent_class)->finalize (object);
}

static void
sk_evaluation_overview_class_init (SkEvaluationOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sk_evaluation_overview_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sk_evaluation_overview_init (SkEvaluationOverview *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("The Children’s Evaluations"), _("All children, per month"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save as CSV…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *note = gtk_label_new (_("How the children answered “How was it?” at the end of their conversations. "
                                     "Only numbers: no names, case numbers or the children’s own words."));

  gtk_window_set_title (GTK_WINDOW (self), _("The Children’s Evaluations"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1040, 640);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (content), note);
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "face-smile-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Conversations Yet"));
  gtk_box_append (GTK_BOX (content), self->empty);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 14);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 8);
  gtk_box_append (GTK_BOX (content), self->grid);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), scroller);
  gtk_box_append (GTK_BOX (outer), self->toasts);
  adw_window_set_content (ADW_WINDOW (self), outer);
  sk_accessible_tidy_mnemonics (outer);
}
