/* sk-cups.c — printers and print jobs through CUPS, off the main thread
 *
 * GTK's own print dialog talks to CUPS from the main loop; when a CUPS
 * update made its backend loop (Debian 12's libcups2 2.4.2-3+deb12u10,
 * OpenPrinting/cups issues 1429 and 1434), the whole program froze.  Here
 * every request runs on a worker thread with a time limit, over one
 * connection of its own, as `lp` does: the window stays alive whatever
 * CUPS does, and what CUPS says becomes a message a person understands.
 */
#include "config.h"

#include "sk-cups.h"

#include <cups/cups.h>
#include <dlfcn.h>
#include <glib/gi18n-lib.h>

/* libcups is opened the first time something is printed, not when the
 * program starts: with what it pulls in (GnuTLS, Kerberos, Avahi) it
 * would cost every start some 5 ms before main().  Its headers still
 * give the types. */
#define SK_CUPS_FUNCTIONS(F) \
  F (cupsAddOption)\
  F (cupsCancelJob2)\
  F (cupsCreateJob)\
  F (cupsDoRequest)\
  F (cupsEncryption)\
  F (cupsFinishDocument)\
  F (cupsFreeOptions)\
  F (cupsGetDefault2)\
  F (cupsLastError)\
  F (cupsLastErrorString)\
  F (cupsServer)\
  F (cupsSetServer)\
  F (cupsStartDocument)\
  F (cupsWriteRequestData)\
  F (httpAssembleURIf)\
  F (httpClose)\
  F (httpConnect2)\
  F (httpSetTimeout)\
  F (ippAddString)\
  F (ippAddStrings)\
  F (ippDelete)\
  F (ippErrorString)\
  F (ippFirstAttribute)\
  F (ippGetBoolean)\
  F (ippGetCount)\
  F (ippGetGroupTag)\
  F (ippGetInteger)\
  F (ippGetName)\
  F (ippGetString)\
  F (ippNewRequest)\
  F (ippNextAttribute)\
  F (ippPort)

static struct
{
#define F(name) __typeof__ (name) *name;
  SK_CUPS_FUNCTIONS (F)
#undef F
} cups;

static gboolean
load_cups (GError **error)
{
  static gsize loaded = 0;
  static gboolean found = FALSE;

  if (g_once_init_enter (&loaded))
    {
      void *library = dlopen ("libcups.so.2", RTLD_NOW | RTLD_LOCAL);

      found = library != NULL;
#define F(name) if (found && (cups.name = (__typeof__ (name) *) dlsym (library, #name)) == NULL) found = FALSE;
      SK_CUPS_FUNCTIONS (F)
#undef F
      g_once_init_leave (&loaded, 1);
    }
  if (!found)
    g_set_error_literal (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_SERVER,
                         _("The printing system (CUPS) is not installed on this computer. "
                           "The summary can be saved as PDF in the meantime."));
  return found;
}

/* How long a step may take before the printing system counts as stuck. */
#define CONNECT_TIMEOUT_MS 10000
#define REQUEST_TIMEOUT_S  30.0

G_DEFINE_QUARK (sk-print-error-quark, sk_print_error)

typedef struct
{
  char   *printer;
  GBytes *pdf;
  char   *title;
  guint   copies;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->printer);
  g_bytes_unref (data->pdf);
  g_free (data->title);
  g_free (data);
}

SkPrinter *
sk_printer_copy (const SkPrinter *printer)
{
  SkPrinter *copy = g_new0 (SkPrinter, 1);

  *copy = *printer;
  copy->name = g_strdup (printer->name);
  copy->description = g_strdup (printer->description);
  copy->location = g_strdup (printer->location);
  copy->state_message = g_strdup (printer->state_message);
  return copy;
}

void
sk_printer_free (SkPrinter *printer)
{
  if (printer == NULL)
    return;
  g_free (printer->name);
  g_free (printer->description);
  g_free (printer->location);
  g_free (printer->state_message);
  g_free (printer);
}

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static int
stop_waiting_cb (http_t *http,
                 void   *user_data)
{
  /* Called when a request has waited REQUEST_TIMEOUT_S: give up. */
  return 0;
}

static http_t *
connect_cups (GError **error)
{
  http_t *http;

  if (!load_cups (error))
    return NULL;

  /* libcups keeps the server per thread, and the pool's threads live on:
   * read it afresh (CUPS_SERVER, client.conf) for every request. */
  cups.cupsSetServer (NULL);
  http = cups.httpConnect2 (cups.cupsServer (), cups.ippPort (), NULL, AF_UNSPEC, cups.cupsEncryption (), 1, CONNECT_TIMEOUT_MS, NULL);

  if (http == NULL)
    {
      g_set_error_literal (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_SERVER,
                           _("The printing system (CUPS) does not answer. Is it running? "
                             "The summary can be saved as PDF in the meantime."));
      return NULL;
    }
  cups.httpSetTimeout (http, REQUEST_TIMEOUT_S, stop_waiting_cb, NULL);
  return http;
}

/* What CUPS said, as a person would say it. */
static void
set_cups_error (GError    **error,
                const char *printer)
{
  ipp_status_t status = cups.cupsLastError ();
  const char *said = cups.cupsLastErrorString ();

  switch (status)
    {
    case IPP_STATUS_ERROR_NOT_FOUND:
      g_set_error (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_PRINTER,
                   /* Translators: %s is a printer's name */
                   _("The printer “%s” is not there any more. Choose another printer."), printer);
      break;
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
      g_set_error (error, SK_PRINT_ERROR, SK_PRINT_ERROR_REJECTING,
                   /* Translators: %s is a printer's name */
                   _("“%s” does not accept print jobs right now. Nothing was printed. "
                     "Choose another printer, or ask the person who looks after it."), printer);
      break;
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
    case IPP_STATUS_ERROR_INTERNAL:
      g_set_error_literal (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_SERVER,
                           _("The printing system (CUPS) does not answer. Is it running? "
                             "The summary can be saved as PDF in the meantime."));
      break;
    default:
      g_set_error (error, SK_PRINT_ERROR, SK_PRINT_ERROR_FAILED,
                   /* Translators: %1$s is a printer's name, %2$s what the printing system said (English) */
                   _("“%1$s” did not take the summary. Nothing was printed. (%2$s)"),
                   printer, said != NULL && *said != '\0' ? said : cups.ippErrorString (status));
      break;
    }
}

static gboolean
reasons_say_offline (ipp_attribute_t *attr)
{
  for (int i = 0; i < cups.ippGetCount (attr); i++)
    {
      const char *reason = cups.ippGetString (attr, i, NULL);

      if (reason != NULL && (g_str_has_prefix (reason, "offline") || g_str_has_prefix (reason, "paused")))
        return TRUE;
    }
  return FALSE;
}

/* Reads one printer's attributes, from @attr up to the end of its group;
 * returns the attribute after them. */
static ipp_attribute_t *
read_printer (ipp_t           *response,
              ipp_attribute_t *attr,
              SkPrinter       *printer)
{
  printer->accepting = TRUE;
  for (; attr != NULL && cups.ippGetGroupTag (attr) == IPP_TAG_PRINTER; attr = cups.ippNextAttribute (response))
    {
      const char *name = cups.ippGetName (attr);

      if (name == NULL)
        continue;
      if (g_str_equal (name, "printer-name"))
        set_str (&printer->name, cups.ippGetString (attr, 0, NULL));
      else if (g_str_equal (name, "printer-info"))
        set_str (&printer->description, cups.ippGetString (attr, 0, NULL));
      else if (g_str_equal (name, "printer-location"))
        set_str (&printer->location, cups.ippGetString (attr, 0, NULL));
      else if (g_str_equal (name, "printer-state-message"))
        set_str (&printer->state_message, cups.ippGetString (attr, 0, NULL));
      else if (g_str_equal (name, "printer-state"))
        printer->offline |= cups.ippGetInteger (attr, 0) == IPP_PSTATE_STOPPED;
      else if (g_str_equal (name, "printer-state-reasons"))
        printer->offline |= reasons_say_offline (attr);
      else if (g_str_equal (name, "printer-is-accepting-jobs"))
        printer->accepting = cups.ippGetBoolean (attr, 0);
    }
  if (printer->description == NULL || *printer->description == '\0')
    set_str (&printer->description, printer->name);
  if (printer->location != NULL && *printer->location == '\0')
    g_clear_pointer (&printer->location, g_free);
  if (printer->state_message != NULL && *printer->state_message == '\0')
    g_clear_pointer (&printer->state_message, g_free);
  return attr;
}

static const char * const printer_attributes[] = {
  "printer-name", "printer-info", "printer-location", "printer-state",
  "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs",
};

static int
default_first (gconstpointer a,
               gconstpointer b)
{
  const SkPrinter *pa = *(const SkPrinter **) a, *pb = *(const SkPrinter **) b;

  if (pa->is_default != pb->is_default)
    return pa->is_default ? -1 : 1;
  return g_utf8_collate (pa->description, pb->description);
}

static GPtrArray *
list_printers (GError **error)
{
  g_autoptr(GPtrArray) printers = g_ptr_array_new_with_free_func ((GDestroyNotify) sk_printer_free);
  http_t *http = connect_cups (error);
  ipp_t *request, *response;
  const char *default_name;
  g_autofree char *default_copy = NULL;

  if (http == NULL)
    return NULL;
  default_name = cups.cupsGetDefault2 (http);
  default_copy = g_strdup (default_name);

  request = cups.ippNewRequest (IPP_OP_CUPS_GET_PRINTERS);
  cups.ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (printer_attributes), NULL, printer_attributes);
  response = cups.cupsDoRequest (http, request, "/");
  if (response == NULL || cups.cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      /* No printers at all is "not found" to CUPS. */
      if (cups.cupsLastError () == IPP_STATUS_ERROR_NOT_FOUND)
        g_set_error_literal (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_PRINTER,
                             _("There is no printer on this computer. The summary can be saved as PDF."));
      else
        set_cups_error (error, "CUPS");
      cups.ippDelete (response);
      cups.httpClose (http);
      return NULL;
    }
  for (ipp_attribute_t *attr = cups.ippFirstAttribute (response); attr != NULL;)
    {
      if (cups.ippGetGroupTag (attr) != IPP_TAG_PRINTER)
        {
          attr = cups.ippNextAttribute (response);
          continue;
        }
      {
        g_autoptr(SkPrinter) printer = g_new0 (SkPrinter, 1);

        attr = read_printer (response, attr, printer);
        if (printer->name == NULL)
          continue;
        printer->is_default = g_strcmp0 (printer->name, default_copy) == 0;
        g_ptr_array_add (printers, g_steal_pointer (&printer));
      }
    }
  cups.ippDelete (response);
  cups.httpClose (http);

  if (printers->len == 0)
    {
      g_set_error_literal (error, SK_PRINT_ERROR, SK_PRINT_ERROR_NO_PRINTER,
                           _("There is no printer on this computer. The summary can be saved as PDF."));
      return NULL;
    }
  g_ptr_array_sort (printers, default_first);
  return g_steal_pointer (&printers);
}

static void
list_printers_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *printers = list_printers (&error);

  if (printers == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, printers, (GDestroyNotify) g_ptr_array_unref);
}

/* The printer as it is now, for the check before sending. */
static SkPrinter *
get_printer (http_t      *http,
             const char  *name,
             GError     **error)
{
  char uri[HTTP_MAX_URI];
  ipp_t *request = cups.ippNewRequest (IPP_OP_GET_PRINTER_ATTRIBUTES);
  ipp_t *response;
  SkPrinter *printer;
  ipp_attribute_t *attr;

  cups.httpAssembleURIf (HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", NULL, "localhost", cups.ippPort (),
                    "/printers/%s", name);
  cups.ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
  cups.ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (printer_attributes), NULL, printer_attributes);
  response = cups.cupsDoRequest (http, request, "/");
  if (response == NULL || cups.cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      set_cups_error (error, name);
      cups.ippDelete (response);
      return NULL;
    }
  printer = g_new0 (SkPrinter, 1);
  for (attr = cups.ippFirstAttribute (response); attr != NULL && cups.ippGetGroupTag (attr) != IPP_TAG_PRINTER;)
    attr = cups.ippNextAttribute (response);
  read_printer (response, attr, printer);
  cups.ippDelete (response);
  if (printer->name == NULL)
    set_str (&printer->name, name);
  return printer;
}

static int
print_pdf (const PrintData  *data,
           GError          **error)
{
  http_t *http = connect_cups (error);
  g_autoptr(SkPrinter) printer = NULL;
  g_autofree char *copies = g_strdup_printf ("%u", data->copies);
  cups_option_t *options = NULL;
  int n_options = 0, job;
  gsize size;
  const char *bytes = g_bytes_get_data (data->pdf, &size);

  if (http == NULL)
    return 0;
  printer = get_printer (http, data->printer, error);
  if (printer == NULL)
    {
      cups.httpClose (http);
      return 0;
    }
  if (printer->offline)
    {
      g_set_error (error, SK_PRINT_ERROR, SK_PRINT_ERROR_OFFLINE,
                   /* Translators: %s is a printer's name */
                   _("“%s” is offline or stopped. Nothing was sent, so the summary does not wait in its "
                     "queue where others could find it. Choose another printer, or turn this one on and try again."),
                   printer->description);
      cups.httpClose (http);
      return 0;
    }
  if (!printer->accepting)
    {
      g_set_error (error, SK_PRINT_ERROR, SK_PRINT_ERROR_REJECTING,
                   /* Translators: %s is a printer's name */
                   _("“%s” does not accept print jobs right now. Nothing was printed. "
                     "Choose another printer, or ask the person who looks after it."), printer->description);
      cups.httpClose (http);
      return 0;
    }

  n_options = cups.cupsAddOption ("copies", copies, n_options, &options);
  n_options = cups.cupsAddOption ("media", "iso_a4_210x297mm", n_options, &options);
  n_options = cups.cupsAddOption ("print-scaling", "none", n_options, &options);
  job = cups.cupsCreateJob (http, data->printer, data->title, n_options, options);
  cups.cupsFreeOptions (n_options, options);
  if (job == 0)
    {
      set_cups_error (error, printer->description);
      cups.httpClose (http);
      return 0;
    }
  if (cups.cupsStartDocument (http, data->printer, job, data->title, CUPS_FORMAT_PDF, 1) != HTTP_STATUS_CONTINUE ||
      cups.cupsWriteRequestData (http, bytes, size) != HTTP_STATUS_CONTINUE ||
      cups.cupsFinishDocument (http, data->printer) > IPP_STATUS_OK_CONFLICTING)
    {
      set_cups_error (error, printer->description);
      /* Not half a job left in the queue. */
      cups.cupsCancelJob2 (http, data->printer, job, 0);
      cups.httpClose (http);
      return 0;
    }
  cups.httpClose (http);
  return job;
}

static void
print_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  int job = print_pdf (task_data, &error);

  if (job == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, job);
}

void
sk_cups_list_printers_async (GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sk_cups_list_printers_async);
  /* A person who closes the dialog need not wait for CUPS. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, list_printers_thread);
}

GPtrArray *
sk_cups_list_printers_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sk_cups_print_async (const char          *printer,
                     GBytes              *pdf,
                     const char          *title,
                     guint                copies,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrintData *data;

  g_return_if_fail (printer != NULL);
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (copies >= 1);

  data = g_new0 (PrintData, 1);
  data->printer = g_strdup (printer);
  data->pdf = g_bytes_ref (pdf);
  data->title = g_strdup (title != NULL ? title : "");
  data->copies = copies;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sk_cups_print_async);
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);
  /* Sending is not cancelled half-way: once started it is finished, and
   * the answer still comes. */
  g_task_run_in_thread (task, print_thread);
}

int
sk_cups_print_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(GError) local = NULL;
  gssize job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);

  job = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  return (int) job;
}
