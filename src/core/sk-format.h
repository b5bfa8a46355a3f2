/* sk-format.h — dates and times written out in the program's language
 *
 * Month and weekday names come from our own catalogue, not from the C
 * library's locale: the interface (and the parents' summary) may be Danish
 * on a system whose locale is not.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sk_format_date      (GDateTime *time);
char *sk_format_time      (GDateTime *time);
char *sk_format_date_time (GDateTime *time);
char *sk_format_short_date (GDateTime *time);
char *sk_format_month_year (GDateTime *time);
const char *sk_format_weekday_short (int day);
int   sk_format_first_weekday (void);

/* The first word of a name; a name made possessive ("Lukas’", "Frejas");
 * "a, b and c". */
char *sk_format_first_name (const char          *name);
char *sk_format_possessive (const char          *name);
char *sk_format_list       (const char * const  *items);

/* @text for a field of one line (a name, a case number, a place): a line
 * break or tab becomes a space, other control characters go. */
char *sk_format_single_line (const char *text);

G_END_DECLS
