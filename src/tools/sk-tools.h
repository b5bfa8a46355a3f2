/* sk-tools.h — the registry: every tool's core side, widget and drawings,
 * in the order of sk-tools.def */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "sk-summary.h"
#include "sk-tool-module.h"

G_BEGIN_DECLS

/* What a tool draws on the parents' paper (SK_SUMMARY_PICTURE blocks, with
 * the block's data), in points; NULL members when it draws nothing of its
 * own. */
typedef struct
{
  /* How wide the picture must be to be read: @narrow beside its caption
   * when that is enough, up to @wide.  NULL: @narrow. */
  double (*picture_width)  (GArray               *data,
                            double                narrow,
                            double                wide);
  /* How tall the picture is when it is @width wide. */
  double (*picture_height) (GArray               *data,
                            double                width);
  /* Draws it in the rectangle; @vector: pictures as vectors (paper). */
  void   (*draw_picture)   (cairo_t              *cr,
                            GArray               *data,
                            const char           *child_name,
                            double                x,
                            double                y,
                            double                width,
                            double                height,
                            gboolean              vector);
} SkToolRender;

typedef struct
{
  const SkToolModule *module;
  GType             (*get_type) (void);   /* its widget, an SkTool */
  const SkToolRender *render;
} SkToolEntry;

const SkToolEntry *sk_tools      (guint      *n_tools);
const SkToolEntry *sk_tools_find (const char *id);

G_END_DECLS
