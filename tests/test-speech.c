/* test-speech.c — reading aloud: Danish and English made, a missing voice
 * and a missing sound device told once, a caller that never waits
 *
 * The sound itself is synthesised into memory (sk_speech_synthesize(), the
 * worker and the voices sk_speech_say() uses), so nothing here needs a
 * sound card; where there is none, as in CI, sk_speech_say() must say so
 * once.  The cases that need a fresh program (the voice data path is read
 * once, ::unavailable comes once in a run) run in a subprocess each.
 */
#include "config.h"

#include "sk-speech.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DANISH  "Læg hvert billede der, hvor det passer."
#define ENGLISH "Put each picture where it fits."

/* Loud enough to be speech, not noise or silence (of 32767). */
#define SPEECH_LEVEL 3000

/* G_TEST_OPTION_ISOLATE_DIRS sets HOME, XDG_RUNTIME_DIR and
 * XDG_CONFIG_HOME to /dev/null for every test, and libpulse, looking there
 * for a sound server and its cookie, prints "Failed to create secure
 * directory (/dev/null/pulse)".  A session has these folders: the test's
 * own. */
static void
use_session_dirs (void)
{
  const struct { const char *variable; const char *dir; } dirs[] = {
    { "HOME", g_get_home_dir () },
    { "XDG_RUNTIME_DIR", g_get_user_runtime_dir () },
    { "XDG_CONFIG_HOME", g_get_user_config_dir () },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_mkdir_with_parents (dirs[i].dir, 0700);
      g_setenv (dirs[i].variable, dirs[i].dir, TRUE);
    }
}

static guint
count_loud (GArray *samples)
{
  guint loud = 0;

  for (guint i = 0; i < samples->len; i++)
    if (abs (g_array_index (samples, gint16, i)) > SPEECH_LEVEL)
      loud++;
  return loud;
}

static GArray *
synthesize (const char *text,
            const char *language,
            int        *rate)
{
  g_autoptr(GError) error = NULL;
  GArray *samples = NULL;

  use_session_dirs ();
  g_assert_true (sk_speech_synthesize (sk_speech_get_default (), text, language, &samples, rate, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (samples);
  g_assert_cmpuint (g_array_get_element_size (samples), ==, sizeof (gint16));
  return samples;
}

static void
test_danish_and_english (void)
{
  g_autoptr(GArray) danish = NULL;
  g_autoptr(GArray) english = NULL;
  int da_rate = 0, en_rate = 0;
  double da_seconds, en_seconds;

  danish = synthesize (DANISH, "da", &da_rate);
  english = synthesize (ENGLISH, "en", &en_rate);

  g_assert_cmpint (da_rate, ==, 22050);
  g_assert_cmpint (en_rate, ==, 22050);

  /* Seven short words each, at 140 words a minute: some 2–3 s. */
  da_seconds = (double) danish->len / da_rate;
  en_seconds = (double) english->len / en_rate;
  g_test_message ("Danish %.2f s, English %.2f s", da_seconds, en_seconds);
  g_assert_cmpfloat (da_seconds, >, 1.0);
  g_assert_cmpfloat (da_seconds, <, 6.0);
  g_assert_cmpfloat (en_seconds, >, 1.0);
  g_assert_cmpfloat (en_seconds, <, 6.0);

  /* Speech, not silence: a good part of it loud. */
  g_assert_cmpuint (count_loud (danish), >, danish->len / 50);
  g_assert_cmpuint (count_loud (english), >, english->len / 50);

  /* Two voices, two sentences: not the same sound. */
  g_assert_true (danish->len != english->len ||
                 memcmp (danish->data, english->data, danish->len * sizeof (gint16)) != 0);
}

static void
test_same_twice (void)
{
  g_autoptr(GArray) first = synthesize ("mad", "da", NULL);
  g_autoptr(GArray) between = synthesize ("food", "en", NULL);
  g_autoptr(GArray) again = synthesize ("mad", "da", NULL);

  /* The voice and the children's rate are chosen again after the other
   * language: the same word comes out as long (espeak-ng varies by a few
   * samples from one time to the next; at 175 words a minute it would be
   * a fifth shorter). */
  g_test_message ("mad: %u samples, after English %u", first->len, again->len);
  g_assert_cmpfloat (fabs ((double) again->len / first->len - 1.0), <, 0.02);
}

static void
test_rate (void)
{
  SkSpeech *speech;
  g_autoptr(GArray) child = NULL;
  g_autoptr(GArray) adult = NULL;

  use_session_dirs ();
  speech = sk_speech_get_default ();
  g_assert_cmpuint (sk_speech_get_rate (speech), ==, SK_SPEECH_RATE_CHILD);
  child = synthesize (ENGLISH, "en", NULL);
  sk_speech_set_rate (speech, 175);
  adult = synthesize (ENGLISH, "en", NULL);
  sk_speech_set_rate (speech, SK_SPEECH_RATE_CHILD);

  /* 140 against 175 words a minute: a fifth longer, give or take. */
  g_test_message ("at 140: %u samples, at 175: %u", child->len, adult->len);
  g_assert_cmpfloat ((double) child->len / adult->len, >, 1.1);
}

static void
test_missing_voice (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *empty = g_dir_make_tmp ("sk-no-voices-XXXXXX", NULL);
      g_autoptr(GError) error = NULL;
      GArray *samples = NULL;
      SkSpeech *speech;

      /* Read when the reader is made. */
      use_session_dirs ();
      g_setenv ("SK_SPEECH_DATA", empty, TRUE);
      speech = sk_speech_get_default ();

      g_assert_false (sk_speech_synthesize (speech, DANISH, "da", &samples, NULL, NULL, &error));
      g_assert_error (error, SK_SPEECH_ERROR, SK_SPEECH_ERROR_NO_VOICE);
      g_assert_cmpstr (error->message, ==, "Reading aloud is not available: no Danish voice is installed.");
      g_assert_null (samples);
      g_clear_error (&error);

      g_assert_false (sk_speech_synthesize (speech, ENGLISH, "en", &samples, NULL, NULL, &error));
      g_assert_error (error, SK_SPEECH_ERROR, SK_SPEECH_ERROR_NO_VOICE);
      g_assert_cmpstr (error->message, ==, "Reading aloud is not available: no English voice is installed.");
      g_assert_null (samples);

      g_rmdir (empty);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* espeak-ng and the reader said nothing of their own. */
  g_test_trap_assert_stderr ("");
}

static gboolean
copy_file (const char *from_dir,
           const char *to_dir,
           const char *name)
{
  g_autofree char *from = g_build_filename (from_dir, name, NULL);
  g_autofree char *to = g_build_filename (to_dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (to);
  g_autofree char *contents = NULL;
  gsize length;

  g_mkdir_with_parents (folder, 0700);
  return g_file_get_contents (from, &contents, &length, NULL) &&
         g_file_set_contents (to, contents, (gssize) length, NULL);
}

static void
test_one_voice_missing (void)
{
  const char *installed = g_getenv ("SK_TEST_ESPEAK_DATA");

  if (installed == NULL || !g_file_test (installed, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("espeak-ng-data not found");
      return;
    }

  if (g_test_subprocess ())
    {
      /* English only: the phoneme data, the English voice and dictionary. */
      static const char * const files[] = {
        "phondata", "phonindex", "phontab", "intonations", "en_dict", "lang/gmw/en",
      };
      g_autofree char *dir = g_dir_make_tmp ("sk-english-only-XXXXXX", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) samples = NULL;
      SkSpeech *speech;

      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        g_assert_true (copy_file (installed, dir, files[i]));
      use_session_dirs ();
      g_setenv ("SK_SPEECH_DATA", dir, TRUE);
      speech = sk_speech_get_default ();

      g_assert_false (sk_speech_synthesize (speech, DANISH, "da", &samples, NULL, NULL, &error));
      g_assert_error (error, SK_SPEECH_ERROR, SK_SPEECH_ERROR_NO_VOICE);
      g_assert_cmpstr (error->message, ==, "Reading aloud is not available: no Danish voice is installed.");
      g_clear_error (&error);

      g_assert_true (sk_speech_synthesize (speech, ENGLISH, "en", &samples, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_loud (samples), >, samples->len / 50);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* A sound server or card this process could reach, as pcaudiolib looks:
 * PulseAudio (PipeWire's too) first, then ALSA. */
static gboolean
have_sound_device (void)
{
  g_autofree char *pulse = NULL;

  if (g_getenv ("PULSE_SERVER") != NULL)
    return TRUE;
  pulse = g_build_filename (g_get_user_runtime_dir (), "pulse", "native", NULL);
  return g_file_test (pulse, G_FILE_TEST_EXISTS) ||
         g_file_test ("/run/pulse/native", G_FILE_TEST_EXISTS) ||
         g_file_test ("/dev/snd", G_FILE_TEST_EXISTS);
}

static void
unavailable_cb (SkSpeech     *speech,
                const GError *error,
                gpointer      user_data)
{
  GPtrArray *messages = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (error->domain == SK_SPEECH_ERROR);
  g_ptr_array_add (messages, g_strdup (error->message));
}

/* Waits until the worker has done everything asked before, then runs
 * what that left for the main context. */
static void
wait_for_worker (SkSpeech *speech)
{
  g_autoptr(GArray) samples = NULL;

  g_assert_true (sk_speech_synthesize (speech, "", "da", &samples, NULL, NULL, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
synthesize_thread (gpointer data)
{
  g_autoptr(GArray) samples = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (sk_speech_synthesize (sk_speech_get_default (), data, "en", &samples, NULL, NULL, NULL));
  g_test_message ("a long text kept the worker busy for %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  return NULL;
}

static void
test_say_never_waits (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) samples = NULL;
      GString *long_text = g_string_new (NULL);
      gint64 start, took;
      SkSpeech *speech;
      GThread *busy;

      /* Made, the worker started: espeak-ng loads on the worker. */
      use_session_dirs ();
      start = g_get_monotonic_time ();
      speech = sk_speech_get_default ();
      took = g_get_monotonic_time () - start;
      g_test_message ("sk_speech_get_default(): %.2f ms", took / 1000.0);
      g_assert_cmpint (took, <, 20 * 1000);
      g_signal_connect (speech, "unavailable", G_CALLBACK (unavailable_cb), messages);

      /* Muted, nothing is said: not even that nothing can be. */
      sk_speech_set_muted (speech, TRUE);
      g_assert_true (sk_speech_get_muted (speech));
      sk_speech_say (speech, DANISH, "da");
      wait_for_worker (speech);
      g_assert_cmpuint (messages->len, ==, 0);
      sk_speech_set_muted (speech, FALSE);

      /* While the worker is busy with a long text, a say returns at once. */
      for (int i = 0; i < 60; i++)
        g_string_append (long_text, ENGLISH " ");
      busy = g_thread_new ("busy", synthesize_thread, long_text->str);
      g_usleep (20 * 1000);
      for (int i = 0; i < 2; i++)
        {
          start = g_get_monotonic_time ();
          sk_speech_say (speech, i == 0 ? ENGLISH : DANISH, i == 0 ? "en" : "da");
          took = g_get_monotonic_time () - start;
          g_test_message ("sk_speech_say() %d: %.3f ms", i + 1, took / 1000.0);
          g_assert_cmpint (took, <, 5 * 1000);
        }
      g_thread_join (busy);
      g_string_free (long_text, TRUE);
      wait_for_worker (speech);

      /* The rest needs a computer without sound (the parent skips it). */
      if (have_sound_device ())
        return;
      /* Two says, no sound device: told once, in words. */
      g_assert_cmpuint (messages->len, ==, 1);
      g_assert_cmpstr (messages->pdata[0], ==, "Reading aloud is not available: there is no sound device.");

      /* And silent from then on. */
      sk_speech_say (speech, "mad", "da");
      sk_speech_say (speech, "food", "en");
      wait_for_worker (speech);
      g_assert_cmpuint (messages->len, ==, 1);

      /* Synthesis into memory still works: it needs no device. */
      g_assert_true (sk_speech_synthesize (speech, "mad", "da", &samples, NULL, NULL, NULL));
      g_assert_cmpuint (samples->len, >, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* No ALSA chatter, no espeak-ng "error:", and never the words said. */
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout_unmatched ("*billede*");

  use_session_dirs ();
  if (have_sound_device ())
    g_test_skip ("there is a sound device here: no ::unavailable to see");
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_properties (void)
{
  SkSpeech *speech;
  gboolean muted = TRUE;
  guint rate = 0;
  guint notified = 0;
  gulong id;

  use_session_dirs ();
  speech = sk_speech_get_default ();
  g_object_get (speech, "muted", &muted, "rate", &rate, NULL);
  g_assert_false (muted);
  g_assert_cmpuint (rate, ==, 140);

  id = g_signal_connect (speech, "notify::muted", G_CALLBACK (count_cb), &notified);
  sk_speech_set_muted (speech, TRUE);
  sk_speech_set_muted (speech, TRUE);
  sk_speech_set_muted (speech, FALSE);
  g_assert_cmpuint (notified, ==, 2);   /* only on a real change */
  g_signal_handler_disconnect (speech, id);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/speech/danish-and-english", test_danish_and_english);
  g_test_add_func ("/speech/same-twice", test_same_twice);
  g_test_add_func ("/speech/rate", test_rate);
  g_test_add_func ("/speech/properties", test_properties);
  g_test_add_func ("/speech/missing-voice", test_missing_voice);
  g_test_add_func ("/speech/one-voice-missing", test_one_voice_missing);
  g_test_add_func ("/speech/say-never-waits", test_say_never_waits);

  return g_test_run ();
}
