/* sk-cups.h — printers and print jobs through CUPS, off the main thread
 *
 * What `lp` does, for the program: the list of printers, and a PDF sent to
 * one of them.  Every call to CUPS runs on a worker thread, so a slow,
 * stuck or looping CUPS never holds the window.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SK_PRINT_ERROR (sk_print_error_quark ())

typedef enum
{
  SK_PRINT_ERROR_NO_SERVER,   /* CUPS is not running or cannot be reached */
  SK_PRINT_ERROR_NO_PRINTER,  /* no printer, or the chosen one is gone */
  SK_PRINT_ERROR_OFFLINE,     /* stopped or reported offline */
  SK_PRINT_ERROR_REJECTING,   /* does not accept jobs now */
  SK_PRINT_ERROR_FAILED,      /* anything else CUPS said no to */
} SkPrintError;

typedef struct
{
  char     *name;           /* the queue's name, "PDF" */
  char     *description;    /* what its owner calls it, or the name */
  char     *location;       /* or NULL */
  char     *state_message;  /* or NULL */
  gboolean  is_default;
  gboolean  accepting;
  gboolean  offline;
} SkPrinter;

GQuark     sk_print_error_quark           (void);

SkPrinter *sk_printer_copy                (const SkPrinter     *printer);
void       sk_printer_free                (SkPrinter           *printer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkPrinter, sk_printer_free)

/* The printers CUPS knows, the default one first. */
void       sk_cups_list_printers_async    (GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Returns: (element-type SkPrinter): never empty; no printer is an error */
GPtrArray *sk_cups_list_printers_finish   (GAsyncResult        *result,
                                           GError             **error);

/* Sends @pdf (one A4 document) to @printer, @copies times.  @title is
 * what print queues show: never a child's name.  Refuses a printer that
 * is offline or stopped, so that no paper waits unseen in a queue. */
void       sk_cups_print_async            (const char          *printer,
                                           GBytes              *pdf,
                                           const char          *title,
                                           guint                copies,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Returns: the job's number, or 0 with @error set */
int        sk_cups_print_finish           (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
