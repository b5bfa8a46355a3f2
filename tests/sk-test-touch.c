/* sk-test-touch.c — a touch screen for gui tests: GTK on a Broadway
 * server of the test's own, and a websocket client in the browser's place
 * (see sk-test-touch.h).
 *
 * The client speaks the protocol of GTK 4.8's broadway.js: it reads the
 * server's binary frames of operations (little-endian) and answers each
 * ROUNDTRIP, as a browser does once it has shown a frame, so that GTK goes
 * on drawing; it sends input as masked binary frames of big-endian 32-bit
 * numbers: type, the last serial seen, a time, then the event's own.
 *
 * It reads in a thread of its own: GTK waits for the server's replies
 * without running its main loop, and the server writes frames to the
 * client with blocking writes, so a client that read only in the main loop
 * could hold them both up. */
#include "sk-test-touch.h"
#include "sk-test-gui.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

/* gdk/broadway/broadway-protocol.h, GTK 4.8 */
enum {
  EVENT_ENTER = 0,
  EVENT_TOUCH = 5,
  EVENT_SCREEN_SIZE_CHANGED = 12,
  EVENT_ROUNDTRIP_NOTIFY = 14,
};
enum {
  OP_GRAB_POINTER = 0,
  OP_UNGRAB_POINTER,
  OP_NEW_SURFACE,
  OP_SHOW_SURFACE,
  OP_HIDE_SURFACE,
  OP_RAISE_SURFACE,
  OP_LOWER_SURFACE,
  OP_DESTROY_SURFACE,
  OP_MOVE_RESIZE,
  OP_SET_TRANSIENT_FOR,
  OP_DISCONNECTED,
  OP_SURFACE_UPDATE,
  OP_SET_SHOW_KEYBOARD,
  OP_UPLOAD_TEXTURE,
  OP_RELEASE_TEXTURE,
  OP_SET_NODES,
  OP_ROUNDTRIP,
};
enum { TOUCH_BEGIN = 0, TOUCH_UPDATE = 1, TOUCH_END = 2 };

typedef struct {
  guint32 id;
  int x, y, width, height;
  gboolean shown;
} Surface;

static struct {
  GPid server;
  guint display;
  char *runtime_dir;
  GSocketClient *client;
  GSocketConnection *connection;
  GSocket *socket;
  GThread *reader;
  GMutex lock; /* the serial, the surfaces and the writing */
  GByteArray *input;
  guint32 serial;
  GArray *surfaces;
  guint32 next_sequence;
} touch;

static guint16
le16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint32
now_ms (void)
{
  /* Never 0: the server reads 0 as "no time". */
  return (guint32) (g_get_monotonic_time () / 1000) | 1;
}

/* One input message, as broadway.js's sendInput() makes it. */
static void
send_input (guint32        type,
            const guint32 *args,
            guint          n_args)
{
  guint8 frame[2 + 4 + 4 * 16];
  guint32 words[16];
  guint32 mask = g_random_int ();
  guint n = 0;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&touch.lock);

  g_assert_cmpuint (n_args + 3, <=, G_N_ELEMENTS (words));
  words[n++] = GUINT32_TO_BE (type);
  words[n++] = GUINT32_TO_BE (touch.serial);
  words[n++] = GUINT32_TO_BE (now_ms ());
  for (guint i = 0; i < n_args; i++)
    words[n++] = GUINT32_TO_BE (args[i]);
  length = n * 4;
  frame[0] = 0x80 | 0x2; /* fin, binary */
  frame[1] = 0x80 | length; /* masked, as a client's must be */
  memcpy (frame + 2, &mask, 4);
  for (gsize i = 0; i < length; i++)
    frame[6 + i] = ((guint8 *) words)[i] ^ frame[2 + i % 4];
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (touch.connection)),
                                            frame, 6 + length, NULL, NULL, &error));
  g_assert_no_error (error);
}

static Surface *
surface_by_id (guint32 id)
{
  for (guint i = 0; i < touch.surfaces->len; i++)
    if (g_array_index (touch.surfaces, Surface, i).id == id)
      return &g_array_index (touch.surfaces, Surface, i);
  return NULL;
}

/* The operations of one frame from the server. */
static void
read_operations (const guint8 *p,
                 const guint8 *end)
{
  while (p < end)
    {
      guint8 op = p[0];
      Surface *surface;

      g_assert_cmpint (end - p, >=, 5);
      g_mutex_lock (&touch.lock);
      touch.serial = le32 (p + 1);
      p += 5;
      switch (op)
        {
        case OP_GRAB_POINTER:
          p += 3;
          break;
        case OP_UNGRAB_POINTER:
        case OP_DISCONNECTED:
          break;
        case OP_NEW_SURFACE:
          {
            Surface created = { le16 (p), (gint16) le16 (p + 2), (gint16) le16 (p + 4), le16 (p + 6), le16 (p + 8), FALSE };

            g_array_append_val (touch.surfaces, created);
            p += 10;
          }
          break;
        case OP_SHOW_SURFACE:
        case OP_HIDE_SURFACE:
          if ((surface = surface_by_id (le16 (p))) != NULL)
            surface->shown = op == OP_SHOW_SURFACE;
          p += 2;
          break;
        case OP_RAISE_SURFACE:
        case OP_LOWER_SURFACE:
        case OP_SET_SHOW_KEYBOARD:
          p += 2;
          break;
        case OP_DESTROY_SURFACE:
          for (guint i = 0; i < touch.surfaces->len; i++)
            if (g_array_index (touch.surfaces, Surface, i).id == le16 (p))
              g_array_remove_index (touch.surfaces, i);
          p += 2;
          break;
        case OP_MOVE_RESIZE:
          {
            guint8 flags = p[2];

            surface = surface_by_id (le16 (p));
            p += 3;
            if (flags & 1)
              {
                if (surface != NULL)
                  surface->x = (gint16) le16 (p), surface->y = (gint16) le16 (p + 2);
                p += 4;
              }
            if (flags & 2)
              {
                if (surface != NULL)
                  surface->width = le16 (p), surface->height = le16 (p + 2);
                p += 4;
              }
          }
          break;
        case OP_SET_TRANSIENT_FOR:
          p += 4;
          break;
        case OP_UPLOAD_TEXTURE:
          p += 8 + le32 (p + 4);
          break;
        case OP_RELEASE_TEXTURE:
          p += 4;
          break;
        case OP_SET_NODES:
          p += 6 + 4 * (gsize) le32 (p + 2);
          break;
        case OP_ROUNDTRIP:
          {
            /* The frame is "shown": GTK may draw the next. */
            guint32 args[] = { le16 (p), le32 (p + 2) };

            p += 6;
            g_mutex_unlock (&touch.lock);
            send_input (EVENT_ROUNDTRIP_NOTIFY, args, G_N_ELEMENTS (args));
            g_mutex_lock (&touch.lock);
          }
          break;
        default:
          g_error ("Broadway sent an operation this client does not know: %u", op);
        }
      g_mutex_unlock (&touch.lock);
    }
  g_assert_true (p == end);
}

/* Whole websocket frames from the start of the buffer. */
static void
read_frames (void)
{
  for (;;)
    {
      const guint8 *data = touch.input->data;
      gsize have = touch.input->len, header = 2;
      guint64 length;

      if (have < 2)
        return;
      length = data[1] & 0x7f;
      if (length == 126)
        {
          if (have < 4)
            return;
          length = (guint64) data[2] << 8 | data[3];
          header = 4;
        }
      else if (length == 127)
        {
          if (have < 10)
            return;
          length = 0;
          for (int i = 0; i < 8; i++)
            length = length << 8 | data[2 + i];
          header = 10;
        }
      if (have < header + length)
        return;
      if ((data[0] & 0x0f) == 0x2)
        read_operations (data + header, data + header + length);
      g_byte_array_remove_range (touch.input, 0, header + length);
    }
}

static gpointer
read_thread (gpointer user_data)
{
  guint8 buffer[65536];

  /* What came with the handshake's reply. */
  read_frames ();
  for (;;)
    {
      gssize got = g_socket_receive (touch.socket, (char *) buffer, sizeof buffer, NULL, NULL);

      /* The server went away: at the end, when the test stops it. */
      if (got <= 0)
        return NULL;
      g_byte_array_append (touch.input, buffer, got);
      read_frames ();
    }
}

static gboolean
server_running (void)
{
  int status;

  return waitpid (touch.server, &status, WNOHANG) == 0;
}

/* The websocket, upgraded from HTTP as a browser's is. */
static gboolean
connect_client (guint16 port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *key = NULL;
  guint8 nonce[16];
  GString *reply = g_string_new (NULL);
  char *end;

  for (int attempt = 0; touch.connection == NULL && attempt < 200; attempt++)
    {
      g_clear_error (&error);
      touch.connection = g_socket_client_connect_to_host (touch.client, "127.0.0.1", port, NULL, &error);
      if (touch.connection == NULL)
        {
          if (!server_running ())
            break;
          g_usleep (25000);
        }
    }
  if (touch.connection == NULL)
    {
      g_string_free (reply, TRUE);
      return FALSE;
    }

  for (guint i = 0; i < sizeof nonce; i++)
    nonce[i] = g_random_int_range (0, 256);
  key = g_base64_encode (nonce, sizeof nonce);
  request = g_strdup_printf ("GET /socket HTTP/1.1\r\n"
                             "Host: 127.0.0.1:%u\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Key: %s\r\n"
                             "Sec-WebSocket-Version: 13\r\n"
                             "Sec-WebSocket-Protocol: broadway\r\n"
                             "\r\n", port, key);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (touch.connection)),
                                            request, strlen (request), NULL, NULL, &error));
  g_assert_no_error (error);
  touch.socket = g_socket_connection_get_socket (touch.connection);
  while ((end = strstr (reply->str, "\r\n\r\n")) == NULL)
    {
      char buffer[1024];
      gssize got = g_socket_receive (touch.socket, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (got, >, 0);
      g_string_append_len (reply, buffer, got);
    }
  g_assert_true (g_str_has_prefix (reply->str, "HTTP/1.1 101"));
  /* What came after the handshake is the first frame. */
  g_byte_array_append (touch.input, (guint8 *) end + 4, reply->len - (end + 4 - reply->str));
  g_string_free (reply, TRUE);
  return TRUE;
}

static void
die_with_the_test (gpointer data)
{
  /* A test that crashes leaves no server behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
sk_test_touch_start (void)
{
  g_autoptr(GError) error = NULL;
  guint first = 20 + getpid () % 500;

  g_assert_cmpint (touch.server, ==, 0);
  touch.input = g_byte_array_new ();
  touch.surfaces = g_array_new (FALSE, FALSE, sizeof (Surface));
  touch.client = g_socket_client_new ();
  touch.next_sequence = 1;
  /* The server's socket for GTK is in the runtime folder: one of our own. */
  touch.runtime_dir = g_dir_make_tmp ("samtalekuffert-touch-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_RUNTIME_DIR", touch.runtime_dir, TRUE);

  /* A display whose web port (8080 + its number) is free. */
  for (touch.display = first; ; touch.display++)
    {
      g_autofree char *name = g_strdup_printf (":%u", touch.display);
      const char *argv[] = { "gtk4-broadwayd", name, "--address", "127.0.0.1", NULL };
      g_autoptr(GSocketConnection) probe = NULL;

      g_assert_cmpuint (touch.display, <, first + 20);
      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                          G_SPAWN_STDOUT_TO_DEV_NULL, die_with_the_test, NULL, &touch.server, &error))
        g_error ("The touch tests need gtk4-broadwayd (Debian: libgtk-4-bin): %s", error->message);
      for (int attempt = 0; probe == NULL && server_running () && attempt < 200; attempt++)
        {
          probe = g_socket_client_connect_to_host (touch.client, "127.0.0.1", 8080 + touch.display, NULL, NULL);
          if (probe == NULL)
            g_usleep (25000);
        }
      g_usleep (50000);
      if (probe != NULL && server_running ())
        break;
      kill (touch.server, SIGTERM);
      waitpid (touch.server, NULL, 0);
    }

  {
    g_autofree char *name = g_strdup_printf (":%u", touch.display);

    g_setenv ("BROADWAY_DISPLAY", name, TRUE);
    g_setenv ("GDK_BACKEND", "broadway", TRUE);
  }
  /* GTK 4.8's broadwayd fails an assertion on the cairo renderer's
   * frames; the backend's own renderer is the one it is made for. */
  g_unsetenv ("GSK_RENDERER");
  atexit (sk_test_touch_stop);
}

void
sk_test_touch_connect (void)
{
  g_assert_cmpint (touch.server, !=, 0);
  g_assert_null (touch.connection);
  g_assert_true (connect_client (8080 + touch.display));
  /* The "browser" is a screen of 1920×1080 at scale 1. */
  {
    guint32 args[] = { 1920, 1080, 1 };

    send_input (EVENT_SCREEN_SIZE_CHANGED, args, G_N_ELEMENTS (args));
  }
  touch.reader = g_thread_new ("broadway-client", read_thread, NULL);
}

void
sk_test_touch_stop (void)
{
  if (touch.server == 0)
    return;
  /* The server's end closes the client's, and the reader ends. */
  kill (touch.server, SIGTERM);
  waitpid (touch.server, NULL, 0);
  touch.server = 0;
  if (touch.reader != NULL)
    {
      g_socket_shutdown (touch.socket, TRUE, TRUE, NULL);
      g_thread_join (touch.reader);
      touch.reader = NULL;
    }
  g_clear_object (&touch.connection);
  g_clear_object (&touch.client);
  /* The server leaves its socket behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (touch.runtime_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (touch.runtime_dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (touch.runtime_dir);
  g_clear_pointer (&touch.runtime_dir, g_free);
  g_clear_pointer (&touch.input, g_byte_array_unref);
  g_clear_pointer (&touch.surfaces, g_array_unref);
}

/* Where a point of @widget is for the server: its surface, and the point
 * in the surface and on the screen. */
static void
surface_point (GtkWidget *widget,
               double     x,
               double     y,
               guint32    out[5])
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *gdk_surface = gtk_native_get_surface (native);
  int width = gdk_surface_get_width (gdk_surface), height = gdk_surface_get_height (gdk_surface);
  const Surface *surface = NULL;
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  /* A finger touches what is in the window's view. */
  if (point.x < 0 || point.y < 0 ||
      point.x >= gtk_widget_get_width (GTK_WIDGET (native)) || point.y >= gtk_widget_get_height (GTK_WIDGET (native)))
    g_error ("%s is outside its window (%.0f, %.0f): scroll to it first", G_OBJECT_TYPE_NAME (widget), point.x, point.y);
  gtk_native_get_surface_transform (native, &dx, &dy);
  g_mutex_lock (&touch.lock);
  /* The shown surface of that size, the newest if several are. */
  for (guint i = 0; i < touch.surfaces->len; i++)
    {
      const Surface *candidate = &g_array_index (touch.surfaces, Surface, i);

      if (candidate->shown && candidate->width == width && candidate->height == height &&
          (surface == NULL || candidate->id > surface->id))
        surface = candidate;
    }
  if (surface == NULL)
    g_error ("No surface of %d×%d on the Broadway screen for %s", width, height, G_OBJECT_TYPE_NAME (widget));
  out[0] = surface->id;
  out[1] = (guint32) (int) (point.x + dx);
  out[2] = (guint32) (int) (point.y + dy);
  out[3] = (guint32) (surface->x + (int) (point.x + dx));
  out[4] = (guint32) (surface->y + (int) (point.y + dy));
  g_mutex_unlock (&touch.lock);
}

static void
send_touch (guint32        type,
            guint32        sequence,
            const guint32  at[5])
{
  /* touch type, surface, finger, whether it is the pointer's too,
   * root x, y, surface x, y, modifiers — as onTouchStart() sends. */
  guint32 args[] = { type, at[0], sequence, 1, at[3], at[4], at[1], at[2], 0 };

  send_input (EVENT_TOUCH, args, G_N_ELEMENTS (args));
}

void
sk_test_touch_stroke (GtkWidget              *widget,
                      const graphene_point_t *points,
                      guint                   n_points)
{
  guint32 sequence = touch.next_sequence++;
  guint32 at[5];

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpuint (n_points, >, 0);
  /* Let the last frame be answered, so that the surfaces are known. */
  sk_test_iterate (50);
  surface_point (widget, points[0].x, points[0].y, at);
  {
    /* The first finger brings the pointer into the surface. */
    guint32 args[] = { at[0], at[0], at[3], at[4], at[1], at[2], 0, 0 /* GDK_CROSSING_NORMAL */ };

    send_input (EVENT_ENTER, args, G_N_ELEMENTS (args));
  }
  send_touch (TOUCH_BEGIN, sequence, at);
  sk_test_iterate (30);
  for (guint i = 1; i < n_points; i++)
    for (int step = 1; step <= 8; step++)
      {
        double px = points[i - 1].x + (points[i].x - points[i - 1].x) * step / 8;
        double py = points[i - 1].y + (points[i].y - points[i - 1].y) * step / 8;

        surface_point (widget, px, py, at);
        send_touch (TOUCH_UPDATE, sequence, at);
        sk_test_iterate (10);
      }
  send_touch (TOUCH_END, sequence, at);
  sk_test_iterate (150);
}

void
sk_test_touch_tap (GtkWidget *widget)
{
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);

  sk_test_touch_stroke (widget, &middle, 1);
}
