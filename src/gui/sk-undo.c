/* sk-undo.c — delete with "Undo" for a few seconds, then for good
 *
 * The record goes to the store's trash at once and leaves its list; a
 * toast offers Undo.  When the toast goes, or the window closes, the
 * delete is final.  Should the program die meanwhile, the store deletes
 * the trashed row the next time it opens.
 */
#include "config.h"

#include "sk-undo.h"

#include <glib/gi18n-lib.h>

/* How long "Undo" is offered, in seconds. */
#define UNDO_SECONDS 8

typedef struct
{
  SkStore         *store;
  SkRecord        *record;
  GListStore      *list;
  GCompareDataFunc order;
  SkUndoRestored   restored;
  gpointer         user_data;
  gboolean         done;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_object (&pending->store);
  g_clear_object (&pending->record);
  g_clear_object (&pending->list);
  g_free (pending);
}

static GPtrArray *
pending_of (AdwToastOverlay *overlay)
{
  GPtrArray *pending = g_object_get_data (G_OBJECT (overlay), "sk-undo-pending");

  if (pending == NULL)
    {
      pending = g_ptr_array_new_with_free_func (pending_free);
      g_object_set_data_full (G_OBJECT (overlay), "sk-undo-pending", pending,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  return pending;
}

static gboolean
finish (Pending  *pending,
        GError  **error)
{
  if (pending->done)
    return TRUE;
  pending->done = TRUE;
  return sk_store_delete (pending->store, pending->record, error);
}

static void
toast_dismissed_cb (AdwToast *toast,
                    Pending  *pending)
{
  g_autoptr(GError) error = NULL;

  if (!finish (pending, &error))
    g_warning ("A delete could not be finished: %s", error->message);
}

static void
undo_cb (AdwToast *toast,
         Pending  *pending)
{
  g_autoptr(GError) error = NULL;

  if (pending->done)
    return;
  pending->done = TRUE;
  if (!sk_store_restore (pending->store, pending->record, &error))
    {
      g_warning ("Undo failed: %s", error->message);
      return;
    }
  if (pending->order != NULL)
    g_list_store_insert_sorted (pending->list, pending->record, pending->order, NULL);
  else
    g_list_store_append (pending->list, pending->record);
  if (pending->restored != NULL)
    pending->restored (pending->record, pending->user_data);
}

/**
 * sk_undo_trash:
 * @widget: a widget inside the window's toast overlay
 * @list: the list that shows @record; it leaves it now and comes back,
 *   in @order (or at the end), on Undo
 * @message: the toast's title, Pango markup: a name in it is escaped
 *   (g_markup_printf_escaped())
 * @restored: (nullable): called after an undo
 */
void
sk_undo_trash (GtkWidget        *widget,
               SkStore          *store,
               SkRecord         *record,
               GListStore       *list,
               GCompareDataFunc  order,
               const char       *message,
               SkUndoRestored    restored,
               gpointer          user_data)
{
  GtkWidget *overlay;
  g_autoptr(GError) error = NULL;
  Pending *pending;
  AdwToast *toast;
  guint position;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SK_IS_STORE (store));
  g_return_if_fail (SK_IS_RECORD (record));
  g_return_if_fail (G_IS_LIST_STORE (list));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_return_if_fail (overlay != NULL);

  if (!sk_store_trash (store, record, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);
      AdwToast *failed = adw_toast_new (markup);

      adw_toast_set_priority (failed, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), failed);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->store = g_object_ref (store);
  pending->record = g_object_ref (record);
  pending->list = g_object_ref (list);
  pending->order = order;
  pending->restored = restored;
  pending->user_data = user_data;
  g_ptr_array_add (pending_of (ADW_TOAST_OVERLAY (overlay)), pending);

  if (g_list_store_find (list, record, &position))
    g_list_store_remove (list, position);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, UNDO_SECONDS);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_cb), pending);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * sk_undo_finish_all:
 * @widget: the toast overlay, or a widget inside it
 *
 * Makes every delete still waiting for its Undo final.
 */
gboolean
sk_undo_finish_all (GtkWidget  *widget,
                    GError    **error)
{
  GtkWidget *overlay;
  GPtrArray *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return TRUE;
  pending = g_object_get_data (G_OBJECT (overlay), "sk-undo-pending");
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    if (!finish (pending->pdata[i], error))
      return FALSE;
  return TRUE;
}
