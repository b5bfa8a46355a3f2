/* sk-tools.c — the registry's gui side, from sk-tools.def */
#include "config.h"

#include "sk-tools.h"

#define SK_TOOL(name) \
  extern const SkToolModule sk_##name##_module; \
  extern const SkToolRender sk_##name##_render; \
  GType sk_##name##_tool_get_type (void);
#include "sk-tools.def"
#undef SK_TOOL

static const SkToolEntry entries[] = {
#define SK_TOOL(name) { &sk_##name##_module, sk_##name##_tool_get_type, &sk_##name##_render },
#include "sk-tools.def"
#undef SK_TOOL
};

const SkToolEntry *
sk_tools (guint *n_tools)
{
  *n_tools = G_N_ELEMENTS (entries);
  return entries;
}

const SkToolEntry *
sk_tools_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_strcmp0 (entries[i].module->id, id) == 0)
      return &entries[i];
  return NULL;
}
