/* sk-application.h — one instance, windows per database, settings, language */
#pragma once

#include <adwaita.h>

#include "sk-window.h"

G_BEGIN_DECLS

#define SK_TYPE_APPLICATION (sk_application_get_type ())
G_DECLARE_FINAL_TYPE (SkApplication, sk_application, SK, APPLICATION, AdwApplication)

SkApplication *sk_application_new          (GApplicationFlags flags);
GSettings     *sk_application_get_settings (SkApplication    *self);
gboolean       sk_application_get_covered  (SkApplication    *self);
SkWindow      *sk_application_open         (SkApplication    *self,
                                            const char       *path,
                                            gboolean          demo,
                                            GError          **error);
SkWindow      *sk_application_open_or_explain (SkApplication *self,
                                               const char    *path,
                                               gboolean       demo);

SkWindow      *sk_application_restore      (SkApplication    *self,
                                            SkWindow         *window,
                                            const char       *backup,
                                            GError          **error);
void           sk_application_skip_gtk_theme (void);

G_END_DECLS
