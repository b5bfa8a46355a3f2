/* sk-format.c — dates and times written out in the program's language */
#include "config.h"

#include "sk-format.h"

#include <glib/gi18n-lib.h>

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
