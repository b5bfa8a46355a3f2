/* sk-record.h — base class of everything the store keeps
 *
 * A record is a GObject whose read-write properties are the columns of one
 * SQLite table (property "birth-year" is column birth_year).  The store
 * reads and writes them generically, so a new kind of record is a class
 * with properties and a table in the schema, nothing more.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SK_TYPE_RECORD (sk_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SkRecord, sk_record, SK, RECORD, GObject)

struct _SkRecordClass
{
  GObjectClass parent_class;

  /* The table that holds records of this class. */
  const char *table;
  /* ORDER BY clause used when listing, e.g. "started_at DESC". */
  const char *order_by;

  /*< private >*/
  GParamSpec **columns;
  guint        n_columns;
};

gint64 sk_record_get_id (SkRecord *self);
void   sk_record_set_id (SkRecord *self,
                         gint64    id);


/* Installs @pspecs (NULL-terminated) as the columns of @klass and handles
 * their storage: a subclass needs no get_property/set_property of its own.
 * Only read-write properties are stored; setting one notifies only on a
 * real change. */
void sk_record_class_install_columns (SkRecordClass *klass,
                                      GParamSpec   **pspecs);

/* For the store: sets column @index from @value, without notification
 * (the record is being loaded, nobody watches it yet). */
void        sk_record_load_column (SkRecord     *self,
                                   guint         index,
                                   const GValue *value);

/* A string column is taken to be typed text, written within
 * SK_STORE_TEXT_DELAY_MS; sk_record_choice() marks one that holds a choice
 * (written at once) instead.  Returns @pspec. */
GParamSpec *sk_record_choice           (GParamSpec *pspec);
/* Marks a string column of one line (a name, a place): whatever it is set
 * to is kept without line breaks or control characters
 * (sk_format_single_line()).  Returns @pspec. */
GParamSpec *sk_record_single_line      (GParamSpec *pspec);
gboolean    sk_record_column_is_typed  (GParamSpec *pspec);

/* Orders records by their "position" column (a GCompareDataFunc, for
 * putting one back where it was). */
int         sk_record_compare_position (gconstpointer a,
                                        gconstpointer b,
                                        gpointer      user_data);
const char *sk_record_get_string  (SkRecord   *self,
                                   const char *property);
gint64      sk_record_get_int64   (SkRecord   *self,
                                   const char *property);
int         sk_record_get_int     (SkRecord   *self,
                                   const char *property);
gboolean    sk_record_get_boolean (SkRecord   *self,
                                   const char *property);

/* For a string column that holds a comma-separated set of keys (feeling
 * words, checked questions): whether @key is in it, and adding or taking
 * away @key (kept in the order chosen). */
gboolean    sk_record_has_key     (SkRecord   *self,
                                   const char *property,
                                   const char *key);
void        sk_record_toggle_key  (SkRecord   *self,
                                   const char *property,
                                   const char *key);

G_END_DECLS
