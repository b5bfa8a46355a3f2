/* speech.c — a touched card to the start of its sound
 *
 * Twenty short card words in Danish, each asked of the reader as a touch
 * asks it, with espeak-ng loaded first as the program loads it when it
 * starts:
 *  - always: through sk_speech_synthesize(), the worker and the voice
 *    sk_speech_say() uses, the time from the request to the first
 *    synthesised samples reaching the synth callback — where
 *    sk_speech_say() hands them to the sound card;
 *  - where there is a sound device: sk_speech_say() itself, to the first
 *    samples written to the device (sk_speech_get_sound_start()), the
 *    words played out one after the other.
 * Prints the median and the worst, also for a Danish word after an English
 * one, and the very first word of a run (loading included).  Aim: every
 * word at most 150 ms; exits 1 above it.
 */
#include "sk-bench.h"
#include "sk-speech.h"

#include <stdio.h>
#include <stdlib.h>

#define AIM_MS 150.0

static const char * const words[] = {
  "mad", "sove", "skolen", "mor", "far", "være alene", "leg", "venner",
  "bange", "glad", "ked af det", "vred", "hjemme", "bedstemor", "lærer",
  "fodbold", "hund", "tryg", "drømme", "søskende",
};

#define N_WORDS G_N_ELEMENTS (words)

/* Milliseconds from asking to the first samples; the whole word's
 * synthesis in @total_ms, its length in @sound_s. */
static double
time_word (SkSpeech   *speech,
           const char *word,
           const char *language,
           double     *total_ms,
           double     *sound_s)
{
  g_autoptr(GArray) samples = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = 0, start, end;
  int rate = 0;

  start = g_get_monotonic_time ();
  if (!sk_speech_synthesize (speech, word, language, &samples, &rate, &first, &error))
    {
      printf ("could not synthesise: %s\n", error->message);
      exit (1);
    }
  end = g_get_monotonic_time ();
  if (total_ms != NULL)
    *total_ms = (end - start) / 1000.0;
  if (sound_s != NULL)
    *sound_s = (double) samples->len / rate;
  return (first - start) / 1000.0;
}

/* Until the worker has done everything asked before. */
static void
wait_for_worker (SkSpeech *speech)
{
  time_word (speech, "", "da", NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
unavailable_cb (SkSpeech     *speech,
                const GError *error,
                gpointer      user_data)
{
  char **message = user_data;

  *message = g_strdup (error->message);
}

/* Prints the median and the worst of @ms; keeps the worst in @worst. */
static void
print_figures (const char *what,
               double     *ms,
               double     *worst)
{
  sk_bench_sort (ms, N_WORDS);
  printf ("%-32s median %6.2f ms   worst %6.2f ms\n", what, ms[N_WORDS / 2], ms[N_WORDS - 1]);
  if (worst != NULL)
    *worst = MAX (*worst, ms[N_WORDS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  double start_ms[N_WORDS], total_ms[N_WORDS], switch_ms[N_WORDS], sound_s[N_WORDS];
  double cold_ms, sound_total = 0, worst = 0;
  g_autofree char *unavailable = NULL;
  gint64 made;
  SkSpeech *speech;

  /* The first word of a run: the worker starts and loads espeak-ng and
   * both voices (and opens the sound device) before it. */
  made = g_get_monotonic_time ();
  speech = sk_speech_get_default ();
  {
    g_autoptr(GArray) samples = NULL;
    gint64 first = 0;

    g_assert_true (sk_speech_synthesize (speech, words[0], "da", &samples, NULL, &first, NULL));
    cold_ms = (first - made) / 1000.0;
  }

  /* Two rounds warm the caches, as a few touches would. */
  for (int round = 0; round < 2; round++)
    for (guint i = 0; i < N_WORDS; i++)
      time_word (speech, words[i], "da", NULL, NULL);

  for (guint i = 0; i < N_WORDS; i++)
    {
      start_ms[i] = time_word (speech, words[i], "da", &total_ms[i], &sound_s[i]);
      sound_total += sound_s[i];
    }

  /* A Danish word right after an English one: the voice is loaded again. */
  for (guint i = 0; i < N_WORDS; i++)
    {
      time_word (speech, "picture", "en", NULL, NULL);
      switch_ms[i] = time_word (speech, words[i], "da", NULL, NULL);
    }

  printf ("# reading aloud: %u Danish card words, %.1f s of sound at %u words a minute (aim: worst at most %.0f ms)\n",
          (guint) N_WORDS, sound_total, sk_speech_get_rate (speech), AIM_MS);
  print_figures ("request to first samples:", start_ms, &worst);
  print_figures ("the same after an English word:", switch_ms, &worst);
  print_figures ("whole word synthesised:", total_ms, NULL);
  printf ("first word of a run, loading espeak-ng and both voices: %.2f ms\n", cold_ms);

  {
    double say_ms[N_WORDS];

    g_signal_connect (speech, "unavailable", G_CALLBACK (unavailable_cb), &unavailable);
    sk_speech_say (speech, "", "da");
    wait_for_worker (speech);
    if (unavailable == NULL)
      {
        for (guint i = 0; i < N_WORDS; i++)
          {
            gint64 start;

            start = g_get_monotonic_time ();
            sk_speech_say (speech, words[i], "da");
            wait_for_worker (speech);   /* the word played out */
            say_ms[i] = (sk_speech_get_sound_start (speech) - start) / 1000.0;
          }
        print_figures ("sk_speech_say() to the device:", say_ms, &worst);
      }
  }
  if (unavailable != NULL)
    printf ("sk_speech_say() to the device: not measured here (%s)\n", unavailable);

  if (worst > AIM_MS)
    {
      printf ("slower than the aim\n");
      return 1;
    }
  return 0;
}
