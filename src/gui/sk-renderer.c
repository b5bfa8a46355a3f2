/* sk-renderer.c — which renderer draws, and whether GL is prepared at all
 *
 * On a machine without a GPU (a virtual machine, a remote desktop, Xvfb)
 * GTK 4.8 draws with GL all the same, through Mesa's software rasteriser
 * (llvmpipe).  There its cairo renderer is far cheaper: a picture card
 * dragged over the mat costs 2.6 ms of CPU a frame with cairo against
 * 38.8 ms with GL (tests/bench/mat-drag), so GL drags at under 30 frames a
 * second and keeps both cores busy; and GL costs some 60 MiB of memory and
 * 55 ms before the first frame.  So with no GPU, cairo draws.
 *
 * Whenever cairo draws, GL is not prepared either: GDK 4.8 on X11 loads
 * Mesa as it opens the display (to choose the window's visual), whichever
 * renderer is then used, some 35 ms of gtk_init().  GDK_DEBUG=gl-disable
 * says so to GDK; it is read as GTK starts and then given back as it was.
 *
 * A GSK_RENDERER the person set is theirs: it is never changed here.
 */
#include "config.h"

#include "sk-renderer.h"
#include "sk-trace.h"

#include <string.h>

#ifdef G_OS_UNIX
#include <dlfcn.h>
#endif

static gboolean gl_disabled_here;
static char *gdk_debug_before;

gboolean
sk_renderer_has_gpu (const char *dri_dir,
                     const char *nvidia_ctl)
{
  g_autoptr(GDir) nodes = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  while (nodes != NULL && (name = g_dir_read_name (nodes)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return g_file_test (nvidia_ctl, G_FILE_TEST_EXISTS);
}

/* Whether GDK_DEBUG already keeps GL from being prepared. */
static gboolean
gl_disabled (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");

  return debug != NULL && strstr (debug, "gl-disable") != NULL;
}

gboolean
sk_renderer_is_cairo (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  return renderer != NULL && g_ascii_strcasecmp (renderer, "cairo") == 0;
}

void
sk_renderer_choose (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  const char *backend = g_getenv ("GDK_BACKEND");

  /* Broadway (GTK in a browser) has a renderer of its own, and no GL;
   * GDK_BACKEND may name it anywhere in a list of backends to try. */
  if (backend != NULL && strstr (backend, "broadway") != NULL)
    return;
  if (g_getenv ("GSK_RENDERER") == NULL && !sk_renderer_has_gpu ("/dev/dri", "/dev/nvidiactl"))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (!sk_renderer_is_cairo () || gl_disabled ())
    return;
  gdk_debug_before = g_strdup (debug);
  if (debug != NULL && *debug != '\0')
    {
      g_autofree char *both = g_strconcat (debug, ",gl-disable", NULL);

      g_setenv ("GDK_DEBUG", both, TRUE);
    }
  else
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  gl_disabled_here = TRUE;
}

void
sk_renderer_forget_choice (void)
{
  if (!gl_disabled_here)
    return;
  /* GSK_RENDERER stays: GSK reads it as the first window is realized (and
   * a program started from here on the same machine is as well off with
   * it).  GDK_DEBUG was read by gtk_init().  Other threads run by now;
   * the variable exists, so setenv() and unsetenv() only move pointers
   * within the environment (as for GTK_THEME in sk-application.c). */
  if (gdk_debug_before != NULL)
    g_setenv ("GDK_DEBUG", gdk_debug_before, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&gdk_debug_before, g_free);
  gl_disabled_here = FALSE;
}

#ifdef G_OS_UNIX
/* NVIDIA's own driver is no part of Mesa: Mesa and LLVM would then be
 * loaded for nothing. */
static gboolean
gpu_is_nvidia (void)
{
  g_autoptr(GDir) nodes = g_dir_open ("/sys/class/drm", 0, NULL);
  const char *name;

  while (nodes != NULL && (name = g_dir_read_name (nodes)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/sys/class/drm", name, "device", "driver", NULL);
      g_autofree char *target = g_str_has_prefix (name, "renderD") ? g_file_read_link (link, NULL) : NULL;
      g_autofree char *driver = target != NULL ? g_path_get_basename (target) : NULL;

      if (g_strcmp0 (driver, "nvidia") == 0)
        return TRUE;
    }
  return FALSE;
}

/* When GL draws, GDK loads Mesa's GL driver and the LLVM it is built on as
 * it opens the display: some 25 ms of the dynamic loader before anything
 * is drawn.  They are loaded here first, in a thread, while the process
 * registers on the session bus and reads its settings; GDK's own dlopen()
 * then finds them there (the first frame comes some 5 ms sooner: the main
 * thread soon waits for the loader itself).  Only a warm-up: anything
 * missing is passed over, and Mesa still chooses and opens its driver.
 * Debian's Mesa drivers are one file under many names, so this one name
 * also warms the driver for the hardware. */
static gpointer
preload_gl_thread (gpointer data)
{
  void *egl = gpu_is_nvidia () ? NULL : dlopen ("libEGL_mesa.so.0", RTLD_NOW | RTLD_GLOBAL);
  void *entry = egl != NULL ? dlsym (egl, "__egl_Main") : NULL;
  Dl_info info;

  if (entry != NULL && dladdr (entry, &info) != 0 && info.dli_fname != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (info.dli_fname);
      g_autofree char *driver = g_build_filename (dir, "dri", "swrast_dri.so", NULL);

      dlopen (driver, RTLD_NOW | RTLD_GLOBAL);
    }
  /* Never closed: Mesa keeps them open too. */
  sk_trace_mark ("gl-preloaded");
  return NULL;
}

void
sk_renderer_preload_gl (void)
{
  if (sk_renderer_is_cairo () || gl_disabled () || g_getenv ("LIBGL_DRIVERS_PATH") != NULL)
    return;
  g_thread_unref (g_thread_new ("sk-gl-preload", preload_gl_thread, NULL));
}
#else
void
sk_renderer_preload_gl (void)
{
}
#endif
