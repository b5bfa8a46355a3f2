/* sk-tool-module.h — what a tool brings to the core: its tables, its part
 * of the parents' summary and of the journal note, and what the child can
 * share
 *
 * Every tool has one SkToolModule (sk_<tool>_module, in its own folder
 * under src/tools/) and one line in src/tools/sk-tools.def.  The store,
 * the summary, the journal and the choices walk the modules in that order;
 * none of them knows a tool by name.
 */
#pragma once

#include "sk-child.h"
#include "sk-conversation.h"
#include "sk-store.h"
#include "sk-summary.h"

G_BEGIN_DECLS

/* Whose screen a tool is on. */
typedef enum
{
  SK_TOOL_CASEWORKER = 1 << 0,   /* the caseworker's view */
  SK_TOOL_CHILD      = 1 << 1,   /* the child's view */
  SK_TOOL_BOTH       = SK_TOOL_CASEWORKER | SK_TOOL_CHILD,
} SkToolAudience;

/* Where a tool stands on a page. */
typedef enum
{
  SK_TOOL_AMONG,    /* one of the tools the switcher chooses between */
  SK_TOOL_FIRST,    /* above them, on its own (last time: gone through first) */
} SkToolPlace;

/* One step of the database's schema: it takes the file from @version - 1
 * to @version.  The steps of all tools for one version run together, in
 * one transaction, in the registry's order.  Never edit a step that has
 * shipped: add one, with the next free version. */
typedef struct
{
  int         version;
  const char *sql;
} SkSchemaStep;

typedef struct
{
  const char         *id;          /* "emotion": stored nowhere, used by the pages */
  const char         *title;       /* N_(): the switcher's words */
  const char         *icon;        /* a symbolic icon name */
  SkToolAudience      audiences;
  SkToolPlace         place;
  /* The children's ways of talking it is for (SkWay); 0: every way. */
  SkWay               ways;
  const SkSchemaStep *schema;      /* ends with { 0, NULL } */
  /* The tool's tables with a row per conversation ("trashed" column):
   * purged before the conversations.  NULL-terminated, or NULL. */
  const char * const *tables;

  /* Its blocks of the parents' summary: only what the child shared, in
   * the summary's language (already chosen when this runs).  May be NULL. */
  gboolean (*summary) (SkSummary       *summary,
                       SkStore         *store,
                       SkConversation  *conversation,
                       GError         **error);
  /* Its part of the journal note: everything, shared or not, marked. */
  gboolean (*journal) (GString         *out,
                       SkStore         *store,
                       SkConversation  *conversation,
                       GError         **error);
  /* What the child made here and can share: SkShareItems, with
   * sk_summary_add_choice(). */
  gboolean (*choices) (GPtrArray       *items,
                       SkStore         *store,
                       SkConversation  *conversation,
                       GError         **error);
} SkToolModule;

/* Every tool's module, in the registry's order. */
const SkToolModule * const *sk_tool_modules      (guint      *n_modules);
const SkToolModule         *sk_tool_module_find  (const char *id);

G_END_DECLS
