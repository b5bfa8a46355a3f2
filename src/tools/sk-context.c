/* sk-context.c — what every page and tool works with
 *
 * In the spirit of GNOME Calendar's GcalContext: made once per window and
 * handed to every page and tool as a construct-only property, so that none
 * of them needs to know the window or the application.  The window listens
 * to "report" and "show-full".
 */
#include "config.h"

#include "sk-context.h"

struct _SkContext
{
  GObject parent_instance;

  SkStore   *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (SkContext, sk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  REPORT,
  SHOW_FULL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sk_context_dispose (GObject *object)
{
  SkContext *self = SK_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sk_context_parent_class)->dispose (object);
}

static void
sk_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SkContext *self = SK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SkContext *self = SK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_context_class_init (SkContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sk_context_dispose;
  object_class->get_property = sk_context_get_property;
  object_class->set_property = sk_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REPORT] = g_signal_new ("report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SHOW_FULL] = g_signal_new ("show-full", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);
}

static void
sk_context_init (SkContext *self)
{
}

SkContext *
sk_context_new (SkStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (SK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SK_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

SkStore *
sk_context_get_store (SkContext *self)
{
  g_return_val_if_fail (SK_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
sk_context_get_settings (SkContext *self)
{
  g_return_val_if_fail (SK_IS_CONTEXT (self), NULL);

  return self->settings;
}

void
sk_context_report (SkContext    *self,
                   const GError *error)
{
  g_return_if_fail (SK_IS_CONTEXT (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals[REPORT], 0, error);
}

void
sk_context_show_full (SkContext *self,
                      GtkWidget *widget)
{
  g_return_if_fail (SK_IS_CONTEXT (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  g_signal_emit (self, signals[SHOW_FULL], 0, widget);
}
