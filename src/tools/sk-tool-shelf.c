/* sk-tool-shelf.c — the tools of one view, from the registry
 *
 * The caseworker's conversation page and the child's view hold one shelf
 * each: it builds every tool of the registry whose audience is its view,
 * in the registry's order, and gives each the conversation.  The tools
 * that come first (last time) stand above the others; the others share
 * one place, chosen with a switcher when there are two or more.  Only the
 * tools for the child's way of talking (words, pictures) are shown; when
 * the caseworker changes the way, the shelf follows at once.
 */
#include "config.h"

#include "sk-tool-shelf.h"
#include "sk-accessible.h"
#include "sk-tools.h"

#include <glib/gi18n-lib.h>

struct _SkToolShelf
{
  GtkWidget parent_instance;

  SkContext *context;
  gboolean   caseworker;
  GPtrArray *tools;        /* SkTool, in the registry's order */

  GtkWidget *box;
  GtkWidget *among;        /* the switcher and the stack */
  GtkWidget *switcher;
  GtkWidget *stack;
  SkChild   *child;        /* the conversation's, for its way */
  SkWay      way;          /* the way the tools are shown for */
  gulong     way_handler;
};

G_DEFINE_FINAL_TYPE (SkToolShelf, sk_tool_shelf, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CASEWORKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_for_way (SkTool *tool,
            SkWay   way)
{
  const SkToolEntry *entry = sk_tools_find (g_object_get_data (G_OBJECT (tool), "sk-tool-id"));

  return entry->module->ways == 0 || (entry->module->ways & way) != 0;
}

/* Shows the tools for the child's way; the switcher chooses among those. */
static void
follow_way (SkToolShelf *self)
{
  SkWay way = self->child != NULL ? sk_child_get_way (self->child) : SK_WAY_WORDS;
  GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (self->stack));
  GtkWidget *first = NULL;
  guint among = 0;

  for (guint i = 0; i < self->tools->len; i++)
    {
      SkTool *tool = self->tools->pdata[i];
      gboolean visible = is_for_way (tool, way);

      sk_tool_set_way (tool, way);

      if (gtk_widget_get_parent (GTK_WIDGET (tool)) != self->stack)
        {
          gtk_widget_set_visible (GTK_WIDGET (tool), visible);
          continue;
        }
      /* Hidden, not only left out of the switcher: never drawn. */
      gtk_stack_page_set_visible (gtk_stack_get_page (GTK_STACK (self->stack), GTK_WIDGET (tool)), visible);
      gtk_widget_set_visible (GTK_WIDGET (tool), visible);
      gtk_widget_set_visible (gtk_widget_get_parent (g_object_get_data (G_OBJECT (tool), "sk-switch")), visible);
      if (visible && first == NULL)
        first = GTK_WIDGET (tool);
      among += visible;
    }
  /* Another way: its first tool (for pictures, the picture cards). */
  if (first != NULL && (shown == NULL || !gtk_widget_get_visible (shown) || way != self->way))
    gtk_stack_set_visible_child_full (GTK_STACK (self->stack), gtk_stack_page_get_name (gtk_stack_get_page (GTK_STACK (self->stack), first)),
                                      GTK_STACK_TRANSITION_TYPE_NONE);
  self->way = way;
  gtk_widget_set_visible (self->among, among > 0);
  gtk_widget_set_visible (self->switcher, among > 1);
}

static void
set_child (SkToolShelf *self,
           SkChild     *child)
{
  if (self->child == child)
    return;
  if (self->child != NULL)
    g_clear_signal_handler (&self->way_handler, self->child);
  g_set_object (&self->child, child);
  if (child != NULL)
    self->way_handler = g_signal_connect_object (child, "notify::way", G_CALLBACK (follow_way),
                                                 self, G_CONNECT_SWAPPED);
  follow_way (self);
}

/* The switcher: a button a tool, in rows that wrap when the tools are
 * more than the page is wide (a stack switcher's one row would make the
 * whole page as wide as all its buttons). */
static void
switch_toggled_cb (GtkToggleButton *button,
                   SkToolShelf     *self)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child (GTK_STACK (self->stack), g_object_get_data (G_OBJECT (button), "sk-tool"));
}

static void
visible_tool_cb (SkToolShelf *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (self->stack));
  GtkWidget *button = shown != NULL ? g_object_get_data (G_OBJECT (shown), "sk-switch") : NULL;

  if (button != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static void
add_switch (SkToolShelf *self,
            GtkWidget   *tool,
            const char  *title)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (title);
  GtkFlowBoxChild *first = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->switcher), 0);

  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (first)));
  g_object_set_data (G_OBJECT (button), "sk-tool", tool);
  g_object_set_data (G_OBJECT (tool), "sk-switch", button);
  g_signal_connect (button, "toggled", G_CALLBACK (switch_toggled_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->switcher), button);
  /* The button takes the keyboard, not the row's cell around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  visible_tool_cb (self);
}

static void
build (SkToolShelf *self)
{
  SkToolAudience audience = self->caseworker ? SK_TOOL_CASEWORKER : SK_TOOL_CHILD;
  guint n, among = 0;
  const SkToolEntry *entries = sk_tools (&n);

  for (guint i = 0; i < n; i++)
    {
      const SkToolModule *module = entries[i].module;
      GtkWidget *tool;

      if ((module->audiences & audience) == 0)
        continue;
      tool = g_object_new (entries[i].get_type (),
                           "context", self->context,
                           "caseworker", self->caseworker,
                           NULL);
      g_object_set_data (G_OBJECT (tool), "sk-tool-id", (gpointer) module->id);
      g_ptr_array_add (self->tools, tool);
      if (module->place == SK_TOOL_FIRST)
        gtk_box_insert_child_after (GTK_BOX (self->box), tool, gtk_widget_get_prev_sibling (self->among));
      else
        {
          gtk_stack_add_titled (GTK_STACK (self->stack), tool, module->id, _(module->title));
          add_switch (self, tool, _(module->title));
          among++;
        }
    }
  /* No tool, no switcher: nothing empty or pretend is ever shown.  One
   * tool needs no switcher either: it shows its own title. */
  gtk_widget_set_visible (self->among, among > 0);
  gtk_widget_set_visible (self->switcher, among > 1);
}

static void
sk_tool_shelf_constructed (GObject *object)
{
  SkToolShelf *self = SK_TOOL_SHELF (object);

  G_OBJECT_CLASS (sk_tool_shelf_parent_class)->constructed (object);

  gtk_box_set_spacing (GTK_BOX (self->box), self->caseworker ? 24 : 30);
  gtk_box_set_spacing (GTK_BOX (self->among), self->caseworker ? 12 : 18);
  build (self);
  follow_way (self);
}

static void
sk_tool_shelf_dispose (GObject *object)
{
  SkToolShelf *self = SK_TOOL_SHELF (object);

  set_child (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sk_tool_shelf_parent_class)->dispose (object);
}

static void
sk_tool_shelf_finalize (GObject *object)
{
  g_ptr_array_unref (SK_TOOL_SHELF (object)->tools);

  G_OBJECT_CLASS (sk_tool_shelf_parent_class)->finalize (object);
}

static void
sk_tool_shelf_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SkToolShelf *self = SK_TOOL_SHELF (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CASEWORKER:
      g_value_set_boolean (value, self->caseworker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_tool_shelf_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SkToolShelf *self = SK_TOOL_SHELF (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CASEWORKER:
      self->caseworker = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_tool_shelf_class_init (SkToolShelfClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sk_tool_shelf_constructed;
  object_class->dispose = sk_tool_shelf_dispose;
  object_class->finalize = sk_tool_shelf_finalize;
  object_class->get_property = sk_tool_shelf_get_property;
  object_class->set_property = sk_tool_shelf_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASEWORKER] =
    g_param_spec_boolean ("caseworker", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toolshelf");
}

static void
sk_tool_shelf_init (SkToolShelf *self)
{
  self->tools = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->among = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* Each tool its own size: no screen heights of nothing below a short
   * tool; and measured for another tool's height, a hidden tool would
   * report sizes that cannot be (GTK 4.8: "Expect overlapping widgets"). */
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  self->switcher = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->switcher), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->switcher), 16);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->switcher), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->switcher), 6);
  /* Filled, not centred: a flow box given less than its natural width
   * (centred, GTK 4.8 gives it its minimum) stacks one button a row. */
  gtk_widget_set_halign (self->switcher, GTK_ALIGN_FILL);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (visible_tool_cb), self);
  gtk_widget_add_css_class (self->switcher, "tool-switcher");
  /* Translators: for a screen reader: the row of the tools' buttons */
  sk_accessible_set_label (self->switcher, _("Tools"));
  gtk_box_append (GTK_BOX (self->among), self->switcher);
  gtk_box_append (GTK_BOX (self->among), self->stack);
  gtk_box_append (GTK_BOX (self->box), self->among);
}

GtkWidget *
sk_tool_shelf_new (SkContext *context,
                   gboolean   caseworker)
{
  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);

  return g_object_new (SK_TYPE_TOOL_SHELF, "context", context, "caseworker", caseworker, NULL);
}

void
sk_tool_shelf_set_conversation (SkToolShelf    *self,
                                SkConversation *conversation)
{
  g_autoptr(SkChild) child = NULL;

  g_return_if_fail (SK_IS_TOOL_SHELF (self));

  /* The store keeps one object a row: this is the child the list and the
   * details dialog change. */
  if (conversation != NULL)
    {
      g_autoptr(GError) error = NULL;

      child = sk_store_load (sk_context_get_store (self->context), SK_TYPE_CHILD,
                             sk_conversation_get_child_id (conversation), &error);
      if (child == NULL)
        sk_context_report (self->context, error);
    }
  set_child (self, child);
  for (guint i = 0; i < self->tools->len; i++)
    sk_tool_set_conversation (self->tools->pdata[i], conversation);
}

/* Returns: (transfer none) (nullable): the tool with @id on this shelf */
SkTool *
sk_tool_shelf_find (SkToolShelf *self,
                    const char  *id)
{
  g_return_val_if_fail (SK_IS_TOOL_SHELF (self), NULL);

  for (guint i = 0; i < self->tools->len; i++)
    if (g_strcmp0 (g_object_get_data (self->tools->pdata[i], "sk-tool-id"), id) == 0)
      return self->tools->pdata[i];
  return NULL;
}

/**
 * sk_tool_shelf_show:
 * @part: (nullable): one of the tool's parts, or %NULL
 *
 * Chooses the tool @id, shows @part of it and gives it the keyboard.
 *
 * Returns: %FALSE when the shelf has no such tool
 */
gboolean
sk_tool_shelf_show (SkToolShelf *self,
                    const char  *id,
                    const char  *part)
{
  SkTool *tool = sk_tool_shelf_find (self, id);

  if (tool == NULL)
    return FALSE;
  if (gtk_widget_get_parent (GTK_WIDGET (tool)) == self->stack)
    gtk_stack_set_visible_child (GTK_STACK (self->stack), GTK_WIDGET (tool));
  if (part != NULL)
    sk_tool_show_part (tool, part);
  gtk_widget_grab_focus (GTK_WIDGET (tool));
  return TRUE;
}
