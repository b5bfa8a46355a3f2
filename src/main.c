/* main.c — Samtalekuffert: a conversation kit for children and caseworkers */
#include "config.h"

#include "sk-application.h"
#include "sk-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SkApplication) app = NULL;

  sk_i18n_init ();
  g_set_application_name ("Samtalekuffert");

  app = sk_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
