/* sk-tool-registry.c — the tools' core sides, from sk-tools.def */
#include "config.h"

#include "sk-tool-module.h"

#define SK_TOOL(name) extern const SkToolModule sk_##name##_module;
#include "sk-tools.def"
#undef SK_TOOL

static const SkToolModule * const modules[] = {
#define SK_TOOL(name) &sk_##name##_module,
#include "sk-tools.def"
#undef SK_TOOL
};

const SkToolModule * const *
sk_tool_modules (guint *n_modules)
{
  *n_modules = G_N_ELEMENTS (modules);
  return modules;
}

const SkToolModule *
sk_tool_module_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    if (g_strcmp0 (modules[i]->id, id) == 0)
      return modules[i];
  return NULL;
}
