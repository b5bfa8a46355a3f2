/* sk-format.c — dates and times written out in the program's language */
#include "config.h"

#include "sk-format.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

static const char * const weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

char *
sk_format_date (GDateTime *time)
{
  const char *weekday, *month;

  g_return_val_if_fail (time != NULL, NULL);

  weekday = g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[g_date_time_get_day_of_week (time) - 1]);
  month = g_dpgettext2 (GETTEXT_PACKAGE, "month", months[g_date_time_get_month (time) - 1]);

  /* Translators: a date: 1$ weekday, 2$ day of the month, 3$ month, 4$ year,
   * e.g. "Monday 23 November 2026" */
  return g_strdup_printf (_("%1$s %2$d %3$s %4$d"),
                          weekday, g_date_time_get_day_of_month (time),
                          month, g_date_time_get_year (time));
}

char *
sk_format_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a time of day: hours and minutes, e.g. "14:05" */
  return g_strdup_printf (_("%1$02d:%2$02d"),
                          g_date_time_get_hour (time), g_date_time_get_minute (time));
}

char *
sk_format_date_time (GDateTime *time)
{
  g_autofree char *date = sk_format_date (time);
  g_autofree char *clock = sk_format_time (time);

  /* Translators: 1$ a date, 2$ a time, e.g. "Monday 23 November 2026 at 14:05" */
  return g_strdup_printf (_("%1$s at %2$s"), date, clock);
}

char *
sk_format_short_date (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a short date: 1$ day, 2$ month, e.g. "23/11" */
  return g_strdup_printf (_("%1$d/%2$d"), g_date_time_get_day_of_month (time), g_date_time_get_month (time));
}

/* Short weekday names for a calendar's columns, Monday = 1. */
static const char * const short_weekdays[] = {
  NC_("short weekday", "Mo"), NC_("short weekday", "Tu"), NC_("short weekday", "We"),
  NC_("short weekday", "Th"), NC_("short weekday", "Fr"), NC_("short weekday", "Sa"),
  NC_("short weekday", "Su"),
};

/**
 * sk_format_weekday_short:
 * @day: 1 (Monday) … 7 (Sunday)
 */
const char *
sk_format_weekday_short (int day)
{
  g_return_val_if_fail (day >= 1 && day <= 7, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "short weekday", short_weekdays[day - 1]);
}

/**
 * sk_format_month_year:
 *
 * Returns: the month and year of @time, as a calendar's heading:
 *   "December 2026"
 */
char *
sk_format_month_year (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a calendar's heading: 1$ the month, 2$ the year, e.g. "December 2026" */
  return g_strdup_printf (_("%1$s %2$d"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", months[g_date_time_get_month (time) - 1]),
                          g_date_time_get_year (time));
}

/**
 * sk_format_first_weekday:
 *
 * Returns: the day a week starts on in the program's language, 1
 *   (Monday) … 7 (Sunday)
 */
int
sk_format_first_weekday (void)
{
  /* Translators: the day your weeks start on in a calendar: "1" for
   * Monday, "7" for Sunday */
  int day = atoi (C_("first day of the week", "1"));

  return day >= 1 && day <= 7 ? day : 1;
}

/**
 * sk_format_first_name:
 *
 * The first word of a stored name: what the parents' paper calls the
 * child ("Freja" of "Freja Marie Eksempel").
 */
char *
sk_format_first_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  char *end = trimmed;

  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  *end = '\0';
  return g_steal_pointer (&trimmed);
}

/**
 * sk_format_possessive:
 *
 * @name made possessive in the current language: "Freja’s", "Frejas";
 * in Danish a name ending in s, x or z takes an apostrophe: "Lukas’".
 */
char *
sk_format_possessive (const char *name)
{
  /* Translators: which rule makes a name possessive: "en" (Freja’s) or
   * "da" (Frejas, Lukas’).  Only one of these two words. */
  const char *rule = C_("possessive rule", "en");
  gsize length = strlen (name);
  char last = length > 0 ? g_ascii_tolower (name[length - 1]) : '\0';

  if (g_str_equal (rule, "da"))
    return last == 's' || last == 'x' || last == 'z' ? g_strconcat (name, "’", NULL) : g_strconcat (name, "s", NULL);
  return g_strconcat (name, "’s", NULL);
}

/**
 * sk_format_list:
 * @items: (array zero-terminated=1)
 *
 * "a", "a and b", "a, b and c" in the current language.
 */
char *
sk_format_list (const char * const *items)
{
  guint n = items != NULL ? g_strv_length ((char **) items) : 0;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i + 1 < n)
        g_string_append (out, ", ");
      else if (i > 0)
        /* Translators: between the last two things of a list: "tryg og rolig" */
        g_string_append (out, _(" and "));
      g_string_append (out, items[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * sk_format_single_line:
 *
 * Returns: @text without line breaks or other control characters: a
 *   break (LF, CR, CR LF, U+2028, U+2029) or a tab is one space, the rest
 *   (C0, DEL, C1) is left out.  Text that is not UTF-8 comes back empty.
 */
char *
sk_format_single_line (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;   /* CR LF: one space, for the LF */
      if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        continue;
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
