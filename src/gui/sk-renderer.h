/* sk-renderer.h — which renderer draws, and whether GL is prepared at all */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* From main(), while the process has one thread: on a machine with no
 * GPU, draw with cairo; and when cairo draws, GDK prepares no GL. */
void     sk_renderer_choose          (void);
/* Right after gtk_init(): the environment as the person had it, for the
 * processes this one starts. */
void     sk_renderer_forget_choice   (void);
/* Whether cairo draws (chosen here or by the person's GSK_RENDERER). */
gboolean sk_renderer_is_cairo        (void);
/* Starts loading Mesa's GL driver in a thread, unless GL goes unused. */
void     sk_renderer_preload_gl      (void);

/* For tests: whether @dri_dir (/dev/dri) has a render node, or @nvidia_ctl
 * (/dev/nvidiactl) exists. */
gboolean sk_renderer_has_gpu         (const char *dri_dir,
                                      const char *nvidia_ctl);

G_END_DECLS
