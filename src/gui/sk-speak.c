/* sk-speak.c — reading aloud from the widgets: picture mode's voice
 *
 * The reader itself (sk-speech.c) never blocks; here only the setting,
 * the language and the one message when it cannot read aloud.
 */
#include "config.h"

#include "sk-speak.h"
#include "sk-i18n.h"
#include "sk-speech.h"

#include <glib/gi18n-lib.h>

static gboolean watching;

static void
unavailable_cb (SkSpeech     *speech,
                const GError *error,
                SkContext    *context)
{
  sk_context_report (context, error);
}

void
sk_speak_prepare (void)
{
  sk_speech_get_default ();
}

void
sk_speak (SkContext  *context,
          const char *text)
{
  SkSpeech *speech;

  g_return_if_fail (SK_IS_CONTEXT (context));

  if (text == NULL || *text == '\0' ||
      !g_settings_get_boolean (sk_context_get_settings (context), "read-aloud"))
    return;
  speech = sk_speech_get_default ();
  /* ::unavailable comes once a run: whoever asked first hears of it. */
  if (!watching)
    {
      watching = TRUE;
      g_signal_connect_object (speech, "unavailable", G_CALLBACK (unavailable_cb), context, 0);
    }
  sk_speech_say (speech, text, sk_i18n_get_language ());
}

static void
speaker_clicked_cb (GtkButton *button,
                    SkContext *context)
{
  sk_speak (context, g_object_get_data (G_OBJECT (button), "sk-speak-text"));
}

GtkWidget *
sk_speaker_button_new (SkContext  *context,
                       const char *text)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("audio-volume-high-symbolic");

  g_return_val_if_fail (SK_IS_CONTEXT (context), NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "speaker-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Read aloud"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Read aloud"), -1);
  g_object_set_data_full (G_OBJECT (button), "sk-speak-text", g_strdup (text), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (speaker_clicked_cb), context, 0);
  return button;
}
