/* sk-tool.c — what every tool's widget is
 *
 * In the spirit of GNOME Calendar's GcalView: a tool gets its context and
 * whose view it is in as construct-only properties (so a .ui file can set
 * them) and the conversation as a property.  It is a base class rather
 * than an interface, so that no tool repeats the three properties.
 */
#include "config.h"

#include "sk-tool.h"
#include "sk-speak.h"

typedef struct
{
  SkContext      *context;
  SkConversation *conversation;
  gboolean        caseworker;
  SkWay           way;
} SkToolPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SkTool, sk_tool, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CASEWORKER,
  PROP_CONVERSATION,
  PROP_WAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sk_tool_dispose (GObject *object)
{
  SkToolPrivate *priv = sk_tool_get_instance_private (SK_TOOL (object));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->conversation);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (sk_tool_parent_class)->dispose (object);
}

static void
sk_tool_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SkToolPrivate *priv = sk_tool_get_instance_private (SK_TOOL (object));

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_CASEWORKER:
      g_value_set_boolean (value, priv->caseworker);
      break;
    case PROP_CONVERSATION:
      g_value_set_object (value, priv->conversation);
      break;
    case PROP_WAY:
      g_value_set_int (value, priv->way);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_tool_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SkTool *self = SK_TOOL (object);
  SkToolPrivate *priv = sk_tool_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_CASEWORKER:
      priv->caseworker = g_value_get_boolean (value);
      break;
    case PROP_CONVERSATION:
      sk_tool_set_conversation (self, g_value_get_object (value));
      break;
    case PROP_WAY:
      sk_tool_set_way (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_tool_class_init (SkToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_tool_dispose;
  object_class->get_property = sk_tool_get_property;
  object_class->set_property = sk_tool_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* TRUE in the caseworker's view: everything; FALSE in the child's view:
   * what the child sees and touches. */
  properties[PROP_CASEWORKER] =
    g_param_spec_boolean ("caseworker", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL, SK_TYPE_CONVERSATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* SkWay: how the conversation's child talks with us. */
  properties[PROP_WAY] =
    g_param_spec_int ("way", NULL, NULL, SK_WAY_WORDS, SK_WAY_ALL, SK_WAY_WORDS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sk_tool_init (SkTool *self)
{
  ((SkToolPrivate *) sk_tool_get_instance_private (self))->way = SK_WAY_WORDS;
}

SkWay
sk_tool_get_way (SkTool *self)
{
  g_return_val_if_fail (SK_IS_TOOL (self), SK_WAY_WORDS);

  return ((SkToolPrivate *) sk_tool_get_instance_private (self))->way;
}

void
sk_tool_set_way (SkTool *self,
                 SkWay   way)
{
  SkToolPrivate *priv;

  g_return_if_fail (SK_IS_TOOL (self));

  priv = sk_tool_get_instance_private (self);
  if (priv->way == way)
    return;
  priv->way = way;
  /* In picture mode everything touched says its word: the reader loads
   * its voices now, on its own thread, for the first touch. */
  if (way == SK_WAY_PICTURES)
    sk_speak_prepare ();
  if (SK_TOOL_GET_CLASS (self)->way_changed != NULL)
    SK_TOOL_GET_CLASS (self)->way_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAY]);
}

SkContext *
sk_tool_get_context (SkTool *self)
{
  g_return_val_if_fail (SK_IS_TOOL (self), NULL);

  return ((SkToolPrivate *) sk_tool_get_instance_private (self))->context;
}

gboolean
sk_tool_get_caseworker (SkTool *self)
{
  g_return_val_if_fail (SK_IS_TOOL (self), FALSE);

  return ((SkToolPrivate *) sk_tool_get_instance_private (self))->caseworker;
}

SkConversation *
sk_tool_get_conversation (SkTool *self)
{
  g_return_val_if_fail (SK_IS_TOOL (self), NULL);

  return ((SkToolPrivate *) sk_tool_get_instance_private (self))->conversation;
}

SkStore *
sk_tool_get_store (SkTool *self)
{
  SkContext *context = sk_tool_get_context (self);

  return context != NULL ? sk_context_get_store (context) : NULL;
}

/**
 * sk_tool_set_conversation:
 * @conversation: (nullable): %NULL empties the tool
 */
void
sk_tool_set_conversation (SkTool         *self,
                          SkConversation *conversation)
{
  SkToolPrivate *priv;

  g_return_if_fail (SK_IS_TOOL (self));
  g_return_if_fail (conversation == NULL || SK_IS_CONVERSATION (conversation));

  priv = sk_tool_get_instance_private (self);
  if (priv->conversation == conversation)
    return;
  g_set_object (&priv->conversation, conversation);
  if (SK_TOOL_GET_CLASS (self)->conversation_changed != NULL)
    SK_TOOL_GET_CLASS (self)->conversation_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}

void
sk_tool_show_part (SkTool     *self,
                   const char *part)
{
  g_return_if_fail (SK_IS_TOOL (self));

  if (SK_TOOL_GET_CLASS (self)->show_part != NULL)
    SK_TOOL_GET_CLASS (self)->show_part (self, part);
}

void
sk_tool_report (GtkWidget    *from,
                const GError *error)
{
  GtkWidget *tool;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (error != NULL);

  tool = SK_IS_TOOL (from) ? from : gtk_widget_get_ancestor (from, SK_TYPE_TOOL);
  if (tool != NULL && sk_tool_get_context (SK_TOOL (tool)) != NULL)
    sk_context_report (sk_tool_get_context (SK_TOOL (tool)), error);
  else
    g_warning ("%s", error->message);
}

/**
 * sk_tool_say:
 *
 * In picture mode: says @text (a card's word, a column's), as the child
 * touches it.  Otherwise nothing.
 */
void
sk_tool_say (SkTool     *self,
             const char *text)
{
  g_return_if_fail (SK_IS_TOOL (self));

  if (sk_tool_get_way (self) == SK_WAY_PICTURES && sk_tool_get_context (self) != NULL)
    sk_speak (sk_tool_get_context (self), text);
}
