/* sk-plan-tool.c — the plan of the conversation in pictures
 *
 * In the child's view: today's steps in a row, the current one marked,
 * the finished ones ticked; a touch on the current step ticks it, a touch
 * on a ticked one goes back to it.  In the caseworker's view: which steps
 * today has, and in which order.
 */
#include "config.h"

#include "sk-plan.h"
#include "sk-accessible.h"
#include "sk-art-image.h"
#include "sk-tool.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

#define SK_TYPE_PLAN_TOOL (sk_plan_tool_get_type ())
G_DECLARE_FINAL_TYPE (SkPlanTool, sk_plan_tool, SK, PLAN_TOOL, SkTool)

struct _SkPlanTool
{
  SkTool parent_instance;

  GListStore *steps;
  gboolean    syncing;
  GtkWidget  *box;
  GtkWidget  *strip;     /* the child's row of steps */
  GtkWidget  *editor;    /* the caseworker's list */
};

G_DEFINE_FINAL_TYPE (SkPlanTool, sk_plan_tool, SK_TYPE_TOOL)

const SkToolRender sk_plan_render = { NULL, NULL, NULL };

static void rebuild (SkPlanTool *self);

static void
clear (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
report_if (SkPlanTool *self,
           gboolean    ok,
           GError     *error)
{
  if (!ok)
    sk_tool_report (GTK_WIDGET (self), error);
  g_clear_error (&error);
}

static void
step_clicked_cb (GtkButton  *button,
                 SkPlanTool *self)
{
  GError *error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sk-plan-index"));
  g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), index);

  if (step != NULL && sk_plan_step_get_kind (step) != NULL)
    sk_tool_say (SK_TOOL (self), _(sk_plan_step_get_kind (step)->label));

  report_if (self, sk_plan_touch (sk_tool_get_store (SK_TOOL (self)), G_LIST_MODEL (self->steps), index, &error), error);
  rebuild (self);
  /* The keyboard stays on the step touched. */
  for (GtkWidget *w = gtk_widget_get_first_child (self->strip); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "sk-plan-index")) == index && GTK_IS_BUTTON (w))
      gtk_widget_grab_focus (w);
}

static void
build_strip (SkPlanTool *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  int current = sk_plan_current (G_LIST_MODEL (self->steps));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      const SkPlanStepKind *kind = sk_plan_step_get_kind (step);
      gboolean done = sk_plan_step_get_done (step);
      GtkWidget *button, *box, *overlay, *tick, *label;
      g_autofree char *name = NULL;

      if (kind == NULL)
        continue;
      if (gtk_widget_get_first_child (self->strip) != NULL)
        {
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_widget_add_css_class (arrow, "plan-arrow");
          gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (self->strip), arrow);
        }
      button = gtk_button_new ();
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      overlay = gtk_overlay_new ();
      gtk_overlay_set_child (GTK_OVERLAY (overlay), sk_art_image_new (kind->art, 64));
      tick = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_add_css_class (tick, "plan-tick");
      gtk_widget_set_halign (tick, GTK_ALIGN_END);
      gtk_widget_set_valign (tick, GTK_ALIGN_END);
      gtk_widget_set_visible (tick, done);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), tick);
      gtk_box_append (GTK_BOX (box), overlay);
      label = gtk_label_new (_(kind->label));
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "plan-step");
      if (done)
        gtk_widget_add_css_class (button, "done");
      if ((int) i == current)
        gtk_widget_add_css_class (button, "current");
      /* Translators: a step of the plan for a screen reader: 1$ "Hello",
       * 2$ "done", "now" or "later" */
      name = g_strdup_printf (_("%1$s, %2$s"), _(kind->label),
                              done ? _("done") : (int) i == current ? _("now") : _("later"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "sk-plan-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (self->strip), button);
    }
}

static void
included_cb (GtkCheckButton *check,
             SkPlanTool     *self)
{
  GError *error = NULL;
  SkConversation *conversation = sk_tool_get_conversation (SK_TOOL (self));

  if (self->syncing || conversation == NULL)
    return;
  report_if (self, sk_plan_set_included (sk_tool_get_store (SK_TOOL (self)), self->steps,
                                         sk_record_get_id (SK_RECORD (conversation)),
                                         g_object_get_data (G_OBJECT (check), "sk-plan-kind"),
                                         gtk_check_button_get_active (check), &error), error);
  rebuild (self);
}

static void
move_cb (GtkButton  *button,
         SkPlanTool *self)
{
  GError *error = NULL;
  guint from = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sk-plan-index"));
  int by = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sk-plan-by"));

  report_if (self, sk_plan_move (sk_tool_get_store (SK_TOOL (self)), self->steps, from, from + by, &error), error);
  rebuild (self);
}

static GtkWidget *
move_button (SkPlanTool *self,
             const char *icon,
             const char *label,
             guint       index,
             int         by,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  sk_accessible_set_label (button, label);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "sk-plan-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "sk-plan-by", GINT_TO_POINTER (by));
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_cb), self, 0);
  return button;
}

/* The steps in today's order first, then the ones left out. */
static void
build_editor (SkPlanTool *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->steps)), n_kinds;
  const SkPlanStepKind *kinds = sk_plan_kinds (&n_kinds);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkPlanStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      if (sk_plan_step_get_kind (step) != NULL)
        g_ptr_array_add (order, (gpointer) sk_plan_step_get_kind (step));
    }
  for (guint k = 0; k < n_kinds; k++)
    if (!g_ptr_array_find (order, &kinds[k], NULL))
      g_ptr_array_add (order, (gpointer) &kinds[k]);

  self->syncing = TRUE;
  for (guint i = 0; i < order->len; i++)
    {
      const SkPlanStepKind *kind = order->pdata[i];
      gboolean included = i < n;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_check_button_new_with_label (_(kind->label));
      g_autofree char *earlier = g_strdup_printf (_("Move “%s” earlier"), _(kind->label));
      g_autofree char *later = g_strdup_printf (_("Move “%s” later"), _(kind->label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), included);
      g_object_set_data (G_OBJECT (check), "sk-plan-kind", (gpointer) kind->key);
      g_signal_connect_object (check, "toggled", G_CALLBACK (included_cb), self, 0);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_box_append (GTK_BOX (row), sk_art_image_new (kind->art, 32));
      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), move_button (self, "go-up-symbolic", earlier, i, -1, included && i > 0));
      gtk_box_append (GTK_BOX (row), move_button (self, "go-down-symbolic", later, i, 1, included && i + 1 < n));
      gtk_widget_set_margin_start (row, 12);
      gtk_widget_set_margin_end (row, 6);
      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_list_box_append (GTK_LIST_BOX (self->editor), row);
    }
  self->syncing = FALSE;
}

static void
rebuild (SkPlanTool *self)
{
  clear (self->strip);
  clear (self->editor);
  if (self->steps == NULL)
    return;
  if (sk_tool_get_caseworker (SK_TOOL (self)))
    build_editor (self);
  else
    build_strip (self);
}

/* Today's steps, made the first time the plan is shown — for a child in
 * picture mode only (hidden, for a child in words, it never is). */
static void
load (SkPlanTool *self)
{
  SkTool *tool = SK_TOOL (self);
  SkConversation *conversation = sk_tool_get_conversation (tool);
  gboolean create = gtk_widget_get_mapped (GTK_WIDGET (self)) && sk_tool_get_way (tool) == SK_WAY_PICTURES;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->steps);
  if (conversation != NULL)
    {
      self->steps = sk_plan_steps (sk_tool_get_store (tool), sk_record_get_id (SK_RECORD (conversation)), create, &error);
      if (self->steps == NULL)
        sk_tool_report (GTK_WIDGET (self), error);
    }
  rebuild (self);
}

static void
sk_plan_tool_conversation_changed (SkTool *tool)
{
  load (SK_PLAN_TOOL (tool));
}

static void
sk_plan_tool_map (GtkWidget *widget)
{
  SkPlanTool *self = SK_PLAN_TOOL (widget);

  GTK_WIDGET_CLASS (sk_plan_tool_parent_class)->map (widget);
  if (self->steps == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->steps)) == 0)
    load (self);
}

static void
sk_plan_tool_dispose (GObject *object)
{
  SkPlanTool *self = SK_PLAN_TOOL (object);

  g_clear_object (&self->steps);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (sk_plan_tool_parent_class)->dispose (object);
}

static void
sk_plan_tool_constructed (GObject *object)
{
  SkPlanTool *self = SK_PLAN_TOOL (object);
  gboolean caseworker = sk_tool_get_caseworker (SK_TOOL (self));
  GtkWidget *title = gtk_label_new (_("Plan of the conversation"));

  G_OBJECT_CLASS (sk_plan_tool_parent_class)->constructed (object);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_visible (title, caseworker);
  gtk_box_prepend (GTK_BOX (self->box), title);
  gtk_widget_set_visible (self->strip, !caseworker);
  gtk_widget_set_visible (self->editor, caseworker);
}

static void
sk_plan_tool_class_init (SkPlanToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_plan_tool_dispose;
  object_class->constructed = sk_plan_tool_constructed;
  SK_TOOL_CLASS (klass)->conversation_changed = sk_plan_tool_conversation_changed;
  widget_class->map = sk_plan_tool_map;
  gtk_widget_class_set_css_name (widget_class, "plantool");
}

static void
sk_plan_tool_init (SkPlanTool *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->strip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_halign (self->strip, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->strip, "plan-strip");
  gtk_box_append (GTK_BOX (self->box), self->strip);
  self->editor = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->editor), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->editor, "boxed-list");
  gtk_box_append (GTK_BOX (self->box), self->editor);
}
