/* sk-speech.h — reading aloud, offline, in Danish and English
 *
 * In picture mode every card, column, prompt and button says its word
 * when touched.  espeak-ng synthesises on a worker thread of its own and
 * the sound goes to the sound card from there: sk_speech_say() returns at
 * once, whatever the synthesiser or the sound card are doing.  Without a
 * voice or a sound device ::unavailable is emitted once and everything
 * after is silent.  Nothing here prints or logs, least of all the words
 * said: they are children's words and names.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SK_SPEECH_ERROR (sk_speech_error_quark ())

typedef enum
{
  /* No voice for the language (espeak-ng-data missing or incomplete). */
  SK_SPEECH_ERROR_NO_VOICE,
  /* No sound card, or no sound server and no ALSA device. */
  SK_SPEECH_ERROR_NO_SOUND_DEVICE,
  /* The synthesiser failed in some other way. */
  SK_SPEECH_ERROR_FAILED,
} SkSpeechError;

/* Words per minute, the "rate" property's default: slower than espeak's
 * 175, for children (and for adults listening in a second language). */
#define SK_SPEECH_RATE_CHILD 140
#define SK_SPEECH_RATE_MIN    80
#define SK_SPEECH_RATE_MAX   450

#define SK_TYPE_SPEECH (sk_speech_get_type ())
G_DECLARE_FINAL_TYPE (SkSpeech, sk_speech, SK, SPEECH, GObject)

GQuark    sk_speech_error_quark  (void);

/* The program's one reader, made on first use (transfer none).  Starts the
 * worker, which loads the voices and opens the sound device for the rest
 * of the run; the caller does not wait for that.  Call it once reading
 * aloud may be wanted (picture mode), early: a sound server may take a
 * second or two to start a new stream.  ::unavailable is emitted on the
 * thread-default main context of the first caller. */
SkSpeech *sk_speech_get_default  (void);

/* Stops whatever is being said and says @text (UTF-8) in @language ("da"
 * or "en").  Returns at once; does nothing while muted. */
void      sk_speech_say          (SkSpeech    *self,
                                  const char  *text,
                                  const char  *language);
/* Stops what is being said, and drops what was waiting to be. */
void      sk_speech_stop         (SkSpeech    *self);

/* The one switch: when muted, sk_speech_say() does nothing. */
gboolean  sk_speech_get_muted    (SkSpeech    *self);
void      sk_speech_set_muted    (SkSpeech    *self,
                                  gboolean     muted);
/* Words per minute, SK_SPEECH_RATE_MIN to SK_SPEECH_RATE_MAX. */
guint     sk_speech_get_rate     (SkSpeech    *self);
void      sk_speech_set_rate     (SkSpeech    *self,
                                  guint        rate);

/* For tests and benchmarks: synthesises @text in @language into @samples
 * (gint16, mono, at *@sample_rate Hz), on the worker, with the voice and
 * rate sk_speech_say() would use; nothing goes to the sound card.  Waits
 * for the worker: not for the main thread of the program.
 * @first_sample_time (or NULL): g_get_monotonic_time() when the first
 * samples came out of the synthesiser, where sk_speech_say() would hand
 * them to the sound card: the start of the sound. */
gboolean  sk_speech_synthesize   (SkSpeech    *self,
                                  const char  *text,
                                  const char  *language,
                                  GArray     **samples,
                                  int         *sample_rate,
                                  gint64      *first_sample_time,
                                  GError     **error);
/* For benchmarks: g_get_monotonic_time() when the first samples of the
 * last word sk_speech_say() said went to the sound device, or 0. */
gint64    sk_speech_get_sound_start (SkSpeech   *self);

G_END_DECLS
