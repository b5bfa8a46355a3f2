/* sk-speech.c — reading aloud, offline, in Danish and English
 *
 * espeak-ng keeps its state in globals and is not thread-safe: every call
 * to it is made on one worker thread, from its initialisation to its end.
 * It runs in synchronous (retrieval) mode, and the worker writes what it
 * makes to the sound card itself, through pcaudiolib — the library
 * espeak-ng plays through.  espeak-ng 1.51's own playback
 * (ENOUTPUT_MODE_SPEAK_AUDIO) was tried on Debian 12 and not taken:
 *  - with no sound device it prints nine lines of ALSA and "error: …" on
 *    standard error, for every sentence;
 *  - synchronous, it never calls the synth callback, so a word cannot be
 *    stopped halfway from the one thread; asynchronous, it runs threads
 *    of its own;
 *  - it never tells when the sound starts.
 * Here the synth callback hands each buffer to the sound card, in slices,
 * and stops as soon as a newer sk_speech_say() or sk_speech_stop() has
 * come (a generation count), so a touch on another card cuts in at once.
 *
 * The libraries are opened on the worker when it starts, not with the
 * program: with what they pull in (PulseAudio, libsndfile and its codecs)
 * they would cost every start some 4 ms and 23 libraries before main(),
 * for reading aloud that most conversations never use.  A computer
 * without them reads nothing aloud and says so.
 *
 * Errors are kept on the worker as codes and put into words on the
 * caller's thread: gettext reads LANGUAGE, which sk_language_push()
 * changes on the main thread.
 */
#include "config.h"

#include "sk-speech.h"

#include <dlfcn.h>
#include <espeak-ng/espeak_ng.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#if SK_HAVE_PCAUDIO
#include <pcaudiolib/audio.h>
#endif
#if SK_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif

/* Debian 12's names.  The headers still give the types. */
#define ESPEAK_LIBRARY  "libespeak-ng.so.1"
#define PCAUDIO_LIBRARY "libpcaudio.so.0"
#define ALSA_LIBRARY    "libasound.so.2"

#define SK_ESPEAK_FUNCTIONS(F) \
  F (espeak_SetSynthCallback)\
  F (espeak_ng_ClearErrorContext)\
  F (espeak_ng_GetSampleRate)\
  F (espeak_ng_Initialize)\
  F (espeak_ng_InitializeOutput)\
  F (espeak_ng_InitializePath)\
  F (espeak_ng_SetParameter)\
  F (espeak_ng_SetVoiceByName)\
  F (espeak_ng_Synthesize)\
  F (espeak_ng_Terminate)

#if SK_HAVE_PCAUDIO
#define SK_PCAUDIO_FUNCTIONS(F) \
  F (audio_object_close)\
  F (audio_object_destroy)\
  F (audio_object_drain)\
  F (audio_object_flush)\
  F (audio_object_open)\
  F (audio_object_write)\
  F (create_audio_device_object)
#else
#define SK_PCAUDIO_FUNCTIONS(F)
#endif

/* Filled on the worker, used there only. */
static struct
{
#define F(name) __typeof__ (name) *name;
  SK_ESPEAK_FUNCTIONS (F)
  SK_PCAUDIO_FUNCTIONS (F)
#undef F
} lib;

typedef enum
{
  LANGUAGE_DA,
  LANGUAGE_EN,
  N_LANGUAGES
} Language;

typedef enum
{
  JOB_SAY,
  JOB_SYNTHESIZE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind   kind;
  SkSpeech *self;
  char     *text;
  Language  language;
  guint     rate;
  int       generation;         /* JOB_SAY: dropped once no longer the newest */
  gboolean  audio_failed;

  /* JOB_SYNTHESIZE: filled in by the worker, then done, under the lock */
  GArray   *samples;
  int       sample_rate;
  gint64    first_sample_time;
  int       error;              /* an SkSpeechError, or -1 */
  gboolean  done;
  GMutex    lock;
  GCond     cond;
} Job;

struct _SkSpeech
{
  GObject       parent_instance;

  GMainContext *context;        /* where ::unavailable is emitted */
  GThread      *worker;
  GAsyncQueue  *jobs;
  char         *data_path;      /* SK_SPEECH_DATA, read on the caller's thread */
  int           generation;     /* atomic: moved on by every say and stop */
  int           reported;       /* atomic: ::unavailable is on its way */
  gboolean      muted;
  guint         rate;
  GMutex        lock;           /* for sound_start */
  gint64        sound_start;    /* see sk_speech_get_sound_start() */

  /* The worker's alone. */
  gboolean      ready;          /* espeak-ng is initialised */
  gboolean      have_pcaudio;   /* and pcaudiolib loaded */
  int           voice_error[N_LANGUAGES];   /* an SkSpeechError, or -1 */
  gboolean      no_sound_device;
  int           sample_rate;
  int           voice;          /* the Language selected, or -1 */
  guint         voice_rate;     /* the rate espeak-ng was given, or 0 */
  struct audio_object *audio;
  gboolean      audio_open;
};

G_DEFINE_FINAL_TYPE (SkSpeech, sk_speech, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MUTED,
  PROP_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UNAVAILABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *code;       /* as callers give it */
  const char *voice;      /* espeak-ng's name for the voice */
  const char *missing;
} languages[N_LANGUAGES] = {
  /* Translators: shown once when the program cannot read aloud in Danish */
  { "da", "da", N_("Reading aloud is not available: no Danish voice is installed.") },
  /* Translators: shown once when the program cannot read aloud in English */
  { "en", "en", N_("Reading aloud is not available: no English voice is installed.") },
};

/* The sound device is opened when the worker starts and stays open for
 * the run: a new PulseAudio stream holds its first sound back for 0.4 to
 * 2 s (measured with Debian 12's PulseAudio 16, on a null sink), an open
 * one starts again at once after any silence.  Opened, it is given this much silence, so that
 * the hold-up falls at the start of the program, not on the first card. */
#define AUDIO_PRIME_MS 50

/* espeak-ng hands over 60 ms at a time; written to the device in slices
 * of this, with a look for a newer word between them. */
#define WRITE_SLICE_MS 20

/* What PulseAudio shows for the program and its stream. */
#define AUDIO_APPLICATION "Samtalekuffert"
#define AUDIO_STREAM      "Reading aloud"

G_DEFINE_QUARK (sk-speech-error-quark, sk_speech_error)

static int
language_index (const char *code)
{
  for (int i = 0; i < N_LANGUAGES; i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return i;
  return -1;
}

static void
set_error (GError       **error,
           SkSpeechError  code,
           Language       language)
{
  switch (code)
    {
    case SK_SPEECH_ERROR_NO_VOICE:
      g_set_error_literal (error, SK_SPEECH_ERROR, code, _(languages[language].missing));
      break;
    case SK_SPEECH_ERROR_NO_SOUND_DEVICE:
      g_set_error_literal (error, SK_SPEECH_ERROR, code,
                           _("Reading aloud is not available: there is no sound device."));
      break;
    case SK_SPEECH_ERROR_FAILED:
    default:
      g_set_error_literal (error, SK_SPEECH_ERROR, SK_SPEECH_ERROR_FAILED,
                           _("Reading aloud is not available: the speech synthesizer failed."));
      break;
    }
}

static Job *
job_new (SkSpeech   *self,
         JobKind     kind,
         const char *text,
         Language    language)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->self = self;
  job->text = g_strdup (text);
  job->language = language;
  job->rate = self->rate;
  job->error = -1;
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  return job;
}

static void
job_free (Job *job)
{
  g_free (job->text);
  if (job->samples != NULL)
    g_array_unref (job->samples);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gboolean
superseded (Job *job)
{
  return job->kind == JOB_SAY && g_atomic_int_get (&job->self->generation) != job->generation;
}

typedef struct
{
  SkSpeech      *self;
  SkSpeechError  code;
  Language       language;
} Unavailable;

static gboolean
emit_unavailable_cb (gpointer data)
{
  Unavailable *unavailable = data;
  g_autoptr(GError) error = NULL;

  set_error (&error, unavailable->code, unavailable->language);
  g_signal_emit (unavailable->self, signals[UNAVAILABLE], 0, error);
  return G_SOURCE_REMOVE;
}

static void
unavailable_free (gpointer data)
{
  Unavailable *unavailable = data;

  g_object_unref (unavailable->self);
  g_free (unavailable);
}

/* On the worker.  Once in a run; sk_speech_say() is silent after. */
static void
report_unavailable (SkSpeech      *self,
                    SkSpeechError  code,
                    Language       language)
{
  g_autoptr(GSource) idle = NULL;
  Unavailable *unavailable;

  if (!g_atomic_int_compare_and_exchange (&self->reported, FALSE, TRUE))
    return;

  unavailable = g_new0 (Unavailable, 1);
  unavailable->self = g_object_ref (self);
  unavailable->code = code;
  unavailable->language = language;
  /* An idle, not g_main_context_invoke(): that would run the handlers
   * here, on the worker, whenever no one holds the main context. */
  idle = g_idle_source_new ();
  g_source_set_static_name (idle, "[sk-speech] unavailable");
  g_source_set_callback (idle, emit_unavailable_cb, unavailable, unavailable_free);
  g_source_attach (idle, self->context);
}

#if SK_HAVE_ALSA
/* ALSA prints to standard error when it finds no card ("ALSA lib
 * confmisc.c:855:(parse_card) cannot find card '0'" and eight more); the
 * program says it once, in words, through ::unavailable.  The handler is
 * the whole process's: nothing else in the program uses ALSA. */
static void
alsa_quiet_cb (const char *file,
               int         line,
               const char *function,
               int         err,
               const char *fmt,
               ...)
{
}
#endif

/* On the worker, and the worker only, from here on. */

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  /* espeak-ng puts the user data of espeak_ng_Synthesize() in every
   * event, the end of the list included. */
  Job *job = events != NULL ? events->user_data : NULL;

  if (job == NULL || wav == NULL || n_samples <= 0)
    return 0;

  if (job->kind == JOB_SYNTHESIZE)
    {
      if (job->first_sample_time == 0)
        job->first_sample_time = g_get_monotonic_time ();
      g_array_append_vals (job->samples, wav, n_samples);
      return 0;
    }

  if (job->first_sample_time == 0)
    {
      job->first_sample_time = g_get_monotonic_time ();
      g_mutex_lock (&job->self->lock);
      job->self->sound_start = job->first_sample_time;
      g_mutex_unlock (&job->self->lock);
    }
#if SK_HAVE_PCAUDIO
  /* A write blocks while the device's buffer is full, that is while the
   * slice before plays: in slices, a newer word cuts in within one. */
  for (int done = 0, slice = job->self->sample_rate * WRITE_SLICE_MS / 1000; done < n_samples; done += slice)
    {
      if (superseded (job))
        return 1;
      if (lib.audio_object_write (job->self->audio, wav + done,
                                  sizeof (short) * (size_t) MIN (slice, n_samples - done)) != 0)
        {
          job->audio_failed = TRUE;
          return 1;
        }
    }
#endif
  return superseded (job);
}

/* Opens espeak-ng, pcaudiolib and ALSA; FALSE without espeak-ng. */
static gboolean
load_libraries (SkSpeech *self)
{
  void *espeak = dlopen (ESPEAK_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  gboolean found = espeak != NULL;

#define F(name) if (found && (lib.name = (__typeof__ (name) *) dlsym (espeak, #name)) == NULL) found = FALSE;
  SK_ESPEAK_FUNCTIONS (F)
#undef F
  if (!found)
    return FALSE;

#if SK_HAVE_PCAUDIO
  {
    void *pcaudio = dlopen (PCAUDIO_LIBRARY, RTLD_NOW | RTLD_LOCAL);

    self->have_pcaudio = pcaudio != NULL;
#define F(name) if (self->have_pcaudio && (lib.name = (__typeof__ (name) *) dlsym (pcaudio, #name)) == NULL) self->have_pcaudio = FALSE;
    SK_PCAUDIO_FUNCTIONS (F)
#undef F
  }
#endif
#if SK_HAVE_ALSA
  {
    void *alsa = dlopen (ALSA_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    __typeof__ (snd_lib_error_set_handler) *set_handler = NULL;

    if (alsa != NULL)
      set_handler = (__typeof__ (snd_lib_error_set_handler) *) dlsym (alsa, "snd_lib_error_set_handler");
    if (set_handler != NULL)
      set_handler (alsa_quiet_cb);
  }
#endif
  return TRUE;
}

static void
engine_init (SkSpeech *self)
{
  espeak_ng_ERROR_CONTEXT context = NULL;
  espeak_ng_STATUS status;
  g_autofree char *ctype = NULL;

  if (!load_libraries (self))
    {
      /* espeak-ng is not installed: no voice at all. */
      for (int i = 0; i < N_LANGUAGES; i++)
        self->voice_error[i] = SK_SPEECH_ERROR_NO_VOICE;
      return;
    }

  ctype = g_strdup (setlocale (LC_CTYPE, NULL));
  /* NULL: ESPEAK_DATA_PATH, ~/espeak-ng-data, then the installed data. */
  lib.espeak_ng_InitializePath (self->data_path);
  status = lib.espeak_ng_Initialize (&context);
  lib.espeak_ng_ClearErrorContext (&context);
  /* espeak_ng_Initialize() sets the whole process's LC_CTYPE to C.UTF-8;
   * the program's own is given back (the worker has its own, see
   * speech_thread()). */
  if (ctype != NULL && g_strcmp0 (setlocale (LC_CTYPE, NULL), ctype) != 0)
    setlocale (LC_CTYPE, ctype);

  if (status == ENS_OK)
    status = lib.espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
  if (status != ENS_OK)
    {
      /* No phoneme data where espeak-ng looked: no voice at all. */
      for (int i = 0; i < N_LANGUAGES; i++)
        self->voice_error[i] = SK_SPEECH_ERROR_NO_VOICE;
      return;
    }
  self->ready = TRUE;
  self->sample_rate = lib.espeak_ng_GetSampleRate ();
  lib.espeak_SetSynthCallback (synth_cb);

  /* Each voice loaded once to know it is there; Danish, the one most
   * children here speak, is left selected. */
  for (int i = N_LANGUAGES - 1; i >= 0; i--)
    if (lib.espeak_ng_SetVoiceByName (languages[i].voice) != ENS_OK)
      self->voice_error[i] = SK_SPEECH_ERROR_NO_VOICE;
    else
      self->voice = i;
}

static void
select_voice (SkSpeech *self,
              Language  language,
              guint     rate)
{
  if (self->voice != (int) language)
    {
      lib.espeak_ng_SetVoiceByName (languages[language].voice);
      self->voice = language;
      self->voice_rate = 0;
    }
  /* After the voice: a voice change may touch the speed. */
  if (self->voice_rate != rate)
    {
      lib.espeak_ng_SetParameter (espeakRATE, (int) rate, 0);
      self->voice_rate = rate;
    }
}

static void
close_audio (SkSpeech *self)
{
#if SK_HAVE_PCAUDIO
  if (!self->audio_open)
    return;
  lib.audio_object_drain (self->audio);
  lib.audio_object_close (self->audio);
#endif
  self->audio_open = FALSE;
}

static gboolean
open_audio (SkSpeech *self)
{
#if SK_HAVE_PCAUDIO
  if (self->audio_open)
    return TRUE;
  if (self->no_sound_device || !self->ready || !self->have_pcaudio)
    return FALSE;

  /* Tries PulseAudio (and so PipeWire's), then ALSA's default device. */
  if (self->audio == NULL)
    self->audio = lib.create_audio_device_object (NULL, AUDIO_APPLICATION, AUDIO_STREAM);
  if (self->audio != NULL &&
      lib.audio_object_open (self->audio, AUDIO_OBJECT_FORMAT_S16LE, (uint32_t) self->sample_rate, 1) == 0)
    {
      size_t length = sizeof (short) * (size_t) (self->sample_rate * AUDIO_PRIME_MS / 1000);
      g_autofree short *silence = g_malloc0 (length);

      self->audio_open = TRUE;
      if (lib.audio_object_write (self->audio, silence, length) == 0 &&
          lib.audio_object_drain (self->audio) == 0)
        return TRUE;
      close_audio (self);
    }
#endif
  self->no_sound_device = TRUE;
  return FALSE;
}

static void
run_say (SkSpeech *self,
         Job      *job)
{
  espeak_ng_STATUS status;

  if (superseded (job))
    return;
  if (self->voice_error[job->language] >= 0)
    {
      report_unavailable (self, self->voice_error[job->language], job->language);
      return;
    }
  if (!open_audio (self))
    {
      report_unavailable (self, SK_SPEECH_ERROR_NO_SOUND_DEVICE, job->language);
      return;
    }

  select_voice (self, job->language, job->rate);
  status = lib.espeak_ng_Synthesize (job->text, strlen (job->text) + 1, 0, POS_CHARACTER, 0,
                                     espeakCHARS_UTF8, NULL, job);
  if (job->audio_failed)
    {
      /* The device went (a headset pulled out, the sound server gone). */
      close_audio (self);
      self->no_sound_device = TRUE;
      report_unavailable (self, SK_SPEECH_ERROR_NO_SOUND_DEVICE, job->language);
    }
#if SK_HAVE_PCAUDIO
  else if (status == ENS_SPEECH_STOPPED && lib.audio_object_flush (self->audio) != 0)
    /* What was written of the stopped word is dropped; ALSA does it by
     * opening the device again, which may fail: it is tried once more
     * for the next word. */
    close_audio (self);
#endif
}

static void
run_synthesize (SkSpeech *self,
                Job      *job)
{
  if (self->voice_error[job->language] >= 0)
    job->error = self->voice_error[job->language];
  else
    {
      select_voice (self, job->language, job->rate);
      job->samples = g_array_new (FALSE, FALSE, sizeof (gint16));
      job->sample_rate = self->sample_rate;
      if (lib.espeak_ng_Synthesize (job->text, strlen (job->text) + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8, NULL, job) != ENS_OK)
        job->error = SK_SPEECH_ERROR_FAILED;
    }

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

static gpointer
speech_thread (gpointer data)
{
  SkSpeech *self = data;
#ifdef LC_CTYPE_MASK
  /* The worker's own locale: UTF-8 characters for espeak-ng whatever the
   * program's locale, and "C" numbers for its voice files. */
  locale_t utf8 = newlocale (LC_CTYPE_MASK, "C.UTF-8", (locale_t) 0);

  if (utf8 != (locale_t) 0)
    uselocale (utf8);
#endif

  engine_init (self);
  /* A missing device is told on the first word, not now: a program that
   * never reads aloud has nothing to say about it. */
  open_audio (self);

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);

      if (job->kind == JOB_QUIT)
        {
          job_free (job);
          break;
        }
      if (job->kind == JOB_SYNTHESIZE)
        /* The caller waits for it, and frees it. */
        run_synthesize (self, job);
      else
        {
          run_say (self, job);
          job_free (job);
        }
    }

  close_audio (self);
#if SK_HAVE_PCAUDIO
  if (self->audio != NULL)
    g_clear_pointer (&self->audio, lib.audio_object_destroy);
#endif
  if (self->ready)
    lib.espeak_ng_Terminate ();
#ifdef LC_CTYPE_MASK
  if (utf8 != (locale_t) 0)
    {
      uselocale (LC_GLOBAL_LOCALE);
      freelocale (utf8);
    }
#endif
  return NULL;
}

static void
sk_speech_constructed (GObject *object)
{
  SkSpeech *self = SK_SPEECH (object);

  G_OBJECT_CLASS (sk_speech_parent_class)->constructed (object);

  self->context = g_main_context_ref_thread_default ();
  self->data_path = g_strdup (g_getenv ("SK_SPEECH_DATA"));
  self->worker = g_thread_new ("sk-speech", speech_thread, self);
}

static void
sk_speech_dispose (GObject *object)
{
  SkSpeech *self = SK_SPEECH (object);

  if (self->worker != NULL)
    {
      g_atomic_int_inc (&self->generation);
      g_async_queue_push (self->jobs, job_new (self, JOB_QUIT, NULL, 0));
      g_thread_join (g_steal_pointer (&self->worker));
    }

  G_OBJECT_CLASS (sk_speech_parent_class)->dispose (object);
}

static void
sk_speech_finalize (GObject *object)
{
  SkSpeech *self = SK_SPEECH (object);
  Job *job;

  while ((job = g_async_queue_try_pop (self->jobs)) != NULL)
    job_free (job);
  g_async_queue_unref (self->jobs);
  g_main_context_unref (self->context);
  g_free (self->data_path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sk_speech_parent_class)->finalize (object);
}

static void
sk_speech_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SkSpeech *self = SK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    case PROP_RATE:
      g_value_set_uint (value, self->rate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_speech_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SkSpeech *self = SK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      sk_speech_set_muted (self, g_value_get_boolean (value));
      break;
    case PROP_RATE:
      sk_speech_set_rate (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_speech_class_init (SkSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sk_speech_constructed;
  object_class->dispose = sk_speech_dispose;
  object_class->finalize = sk_speech_finalize;
  object_class->get_property = sk_speech_get_property;
  object_class->set_property = sk_speech_set_property;

  /* The one switch to mute: nothing is said while it is on. */
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE, flags);
  /* Words per minute (espeak-ng's own is 175). */
  properties[PROP_RATE] = g_param_spec_uint ("rate", NULL, NULL, SK_SPEECH_RATE_MIN, SK_SPEECH_RATE_MAX,
                                             SK_SPEECH_RATE_CHILD, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SkSpeech::unavailable:
   * @error: why, in words for the person (SK_SPEECH_ERROR)
   *
   * Reading aloud cannot work here: no voice, or no sound device.
   * Emitted once in a run of the program, for the first sk_speech_say()
   * that finds it so, on the main context the reader was made in;
   * sk_speech_say() is silent from then on.
   */
  signals[UNAVAILABLE] =
    g_signal_new ("unavailable",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sk_speech_init (SkSpeech *self)
{
  self->rate = SK_SPEECH_RATE_CHILD;
  g_mutex_init (&self->lock);
  self->jobs = g_async_queue_new ();
  self->voice = -1;
  for (int i = 0; i < N_LANGUAGES; i++)
    self->voice_error[i] = -1;
}

SkSpeech *
sk_speech_get_default (void)
{
  static SkSpeech *speech = NULL;

  if (g_once_init_enter (&speech))
    g_once_init_leave (&speech, g_object_new (SK_TYPE_SPEECH, NULL));
  return speech;
}

void
sk_speech_say (SkSpeech   *self,
               const char *text,
               const char *language)
{
  int index = language_index (language);
  Job *job;

  g_return_if_fail (SK_IS_SPEECH (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));
  g_return_if_fail (index >= 0);

  if (self->muted || g_atomic_int_get (&self->reported))
    return;

  job = job_new (self, JOB_SAY, text, index);
  job->generation = g_atomic_int_add (&self->generation, 1) + 1;
  g_async_queue_push (self->jobs, job);
}

void
sk_speech_stop (SkSpeech *self)
{
  g_return_if_fail (SK_IS_SPEECH (self));

  g_atomic_int_inc (&self->generation);
}

gboolean
sk_speech_get_muted (SkSpeech *self)
{
  g_return_val_if_fail (SK_IS_SPEECH (self), FALSE);

  return self->muted;
}

void
sk_speech_set_muted (SkSpeech *self,
                     gboolean  muted)
{
  g_return_if_fail (SK_IS_SPEECH (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  if (muted)
    sk_speech_stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

guint
sk_speech_get_rate (SkSpeech *self)
{
  g_return_val_if_fail (SK_IS_SPEECH (self), SK_SPEECH_RATE_CHILD);

  return self->rate;
}

void
sk_speech_set_rate (SkSpeech *self,
                    guint     rate)
{
  g_return_if_fail (SK_IS_SPEECH (self));
  g_return_if_fail (rate >= SK_SPEECH_RATE_MIN && rate <= SK_SPEECH_RATE_MAX);

  if (self->rate == rate)
    return;
  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

gint64
sk_speech_get_sound_start (SkSpeech *self)
{
  gint64 sound_start;

  g_return_val_if_fail (SK_IS_SPEECH (self), 0);

  g_mutex_lock (&self->lock);
  sound_start = self->sound_start;
  g_mutex_unlock (&self->lock);
  return sound_start;
}

gboolean
sk_speech_synthesize (SkSpeech    *self,
                      const char  *text,
                      const char  *language,
                      GArray     **samples,
                      int         *sample_rate,
                      gint64      *first_sample_time,
                      GError     **error)
{
  int index = language_index (language);
  gboolean ok;
  Job *job;

  g_return_val_if_fail (SK_IS_SPEECH (self), FALSE);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), FALSE);
  g_return_val_if_fail (index >= 0, FALSE);
  g_return_val_if_fail (samples != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = job_new (self, JOB_SYNTHESIZE, text, index);
  g_mutex_lock (&job->lock);
  g_async_queue_push (self->jobs, job);
  while (!job->done)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);

  ok = job->error < 0;
  if (ok)
    {
      *samples = g_steal_pointer (&job->samples);
      if (sample_rate != NULL)
        *sample_rate = job->sample_rate;
      if (first_sample_time != NULL)
        *first_sample_time = job->first_sample_time;
    }
  else
    set_error (error, job->error, index);
  job_free (job);
  return ok;
}
