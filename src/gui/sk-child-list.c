/* sk-child-list.c — the caseworker's children: a list to search by name or
 * case number, sorted by name
 *
 * It follows every keystroke of the search; Enter opens the first match.
 * The window gives it the children it loaded and hears "child-activated".
 */
#include "config.h"

#include "sk-child-list.h"
#include "sk-child-page.h"
#include "sk-widget-util.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _SkChildList
{
  GtkWidget parent_instance;

  GListStore         *children;
  GtkCustomFilter    *filter;
  GtkSorter          *sorter;
  GtkSingleSelection *selection;
  char               *needle;
  gboolean            folded;
  SkChild            *focus_pending;   /* weak: the row to give the keyboard */
  guint               focus_tick;
  guint               focus_frames;
  GPtrArray          *rest;            /* children to add after the first frame */
  gulong              first_paint_id;
  guint               rest_idle;

  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListView        *list_view;
  GtkMenuButton      *menu_button;
  GMenuModel         *primary_menu;
};

G_DEFINE_FINAL_TYPE (SkChildList, sk_child_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  CHILD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows built in code: a row is two labels, and parsing a template for each
 * would cost start-up time. */
static void
setup_child_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "child-row-name");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
update_child_row (GtkListItem *item)
{
  SkChild *child = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *details = sk_child_describe (child);

  g_autofree char *spoken = g_strdup_printf ("%s, %s", sk_child_get_name (child), details);
  GtkWidget *row = gtk_widget_get_parent (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (name), sk_child_get_name (child));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), details);
  /* The row itself is what takes the keyboard: it says who it is. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
bind_child_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  update_child_row (item);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "sk-child", gtk_list_item_get_item (item));
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (update_child_row), item, G_CONNECT_SWAPPED);
}

static void
unbind_child_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_child_row, item);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "sk-child", NULL);
}

static gboolean
filter_child_cb (gpointer item,
                 gpointer user_data)
{
  SkChildList *self = user_data;

  return sk_child_matches (item, self->needle);
}

static void
update_page (SkChildList *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    page = "no-results";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
activate (SkChildList *self,
          guint        position)
{
  g_autoptr(SkChild) child = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (child != NULL)
    g_signal_emit (self, signals[CHILD_ACTIVATED], 0, child);
}

static void
row_activated_cb (SkChildList *self,
                  guint        position)
{
  activate (self, position);
}

static void
search_changed_cb (SkChildList *self)
{
  g_autoptr(SkChild) selected = gtk_single_selection_get_selected_item (self->selection)
                                ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;

  g_autofree char *before = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->needle = sk_child_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* A letter more only hides children, a letter less only shows more:
   * the filter then looks only at those that can change. */
  if (strstr (self->needle, before) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (before, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_page (self);
  if (selected != NULL)
    sk_child_list_highlight (self, selected);
}

static void
search_activate_cb (SkChildList *self)
{
  /* Enter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    activate (self, 0);
}

static void
search_stop_cb (SkChildList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
sk_child_list_dispose (GObject *object)
{
  SkChildList *self = SK_CHILD_LIST (object);

  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  g_clear_weak_pointer (&self->focus_pending);
  g_clear_handle_id (&self->rest_idle, g_source_remove);
  g_clear_pointer (&self->rest, g_ptr_array_unref);
  sk_widget_dispose_template (GTK_WIDGET (self), SK_TYPE_CHILD_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->children);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (sk_child_list_parent_class)->dispose (object);
}

static void
sk_child_list_finalize (GObject *object)
{
  g_free (SK_CHILD_LIST (object)->needle);

  G_OBJECT_CLASS (sk_child_list_parent_class)->finalize (object);
}

static void
sk_child_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, SK_CHILD_LIST (object)->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sk_child_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SkChildList *self = SK_CHILD_LIST (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The main menu's popover, a widget for every item, is made the first
 * time it opens (by a click, or F10), not before the first frame. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  SkChildList *self = data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
sk_child_list_class_init (SkChildListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sk_child_list_dispose;
  object_class->finalize = sk_child_list_finalize;
  object_class->get_property = sk_child_list_get_property;
  object_class->set_property = sk_child_list_set_property;

  /* The window is folded: the list is all there is, with the window's
   * buttons in its header. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHILD_ACTIVATED] = g_signal_new ("child-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, SK_TYPE_CHILD);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/samtalekuffert/Samtalekuffert/sk-child-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SkChildList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SkChildList, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SkChildList, list_view);
  gtk_widget_class_bind_template_child (widget_class, SkChildList, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SkChildList, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sk_child_list_init (SkChildList *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkExpression *name;

  self->needle = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  /* All of them, sorted by name, filtered by the search. */
  self->children = g_list_store_new (SK_TYPE_CHILD);
  name = gtk_property_expression_new (SK_TYPE_CHILD, NULL, "name");
  self->sorter = GTK_SORTER (gtk_string_sorter_new (name));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->children)), g_object_ref (self->sorter));
  self->filter = gtk_custom_filter_new (filter_child_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_ref (self->selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_child_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_child_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_child_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
}

/* The list's own order, as its GtkStringSorter gives it: the collation
 * key of the case-folded name.  Plain GLib, so a thread can sort the
 * children it loaded before the window shows them. */
typedef struct
{
  char    *key;
  SkChild *child;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const SortEntry *x = a, *y = b;

  return strcmp (x->key, y->key);
}

void
sk_child_list_sort (GPtrArray *children)
{
  SortEntry *entries;

  g_return_if_fail (children != NULL);

  entries = g_new (SortEntry, children->len);
  for (guint i = 0; i < children->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (sk_child_get_name (children->pdata[i]), -1);

      entries[i].key = g_utf8_collate_key (folded, -1);
      entries[i].child = children->pdata[i];
    }
  /* Stable (g_qsort_with_data is a merge sort), as the sort list model
   * is: equal names keep their order. */
  g_qsort_with_data (entries, children->len, sizeof (SortEntry), (GCompareDataFunc) compare_sort_entries, NULL);
  for (guint i = 0; i < children->len; i++)
    {
      children->pdata[i] = entries[i].child;
      g_free (entries[i].key);
    }
  g_free (entries);
}

/* The list view of GTK 4.8 builds, measures and lays out a widget for up
 * to 205 rows at once: the first frame gets the rows the window can show
 * (a row is over 40 px high), the rest come after it. */
#define ROW_MIN_HEIGHT 40
#define MAX_FIRST_ROWS 48

static guint
first_screenful (SkChildList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = -1, height = -1;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);   /* both: GTK 4.8 */
  if (height <= 0)
    return MAX_FIRST_ROWS;
  return CLAMP (height / ROW_MIN_HEIGHT + 2, 16, MAX_FIRST_ROWS);
}

static gboolean
add_rest_cb (gpointer user_data)
{
  SkChildList *self = user_data;
  g_autoptr(GPtrArray) rest = g_steal_pointer (&self->rest);

  self->rest_idle = 0;
  if (rest != NULL)
    g_list_store_splice (self->children, g_list_model_get_n_items (G_LIST_MODEL (self->children)), 0,
                         rest->pdata, rest->len);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                SkChildList   *self)
{
  g_clear_signal_handler (&self->first_paint_id, clock);
  if (self->rest != NULL && self->rest_idle == 0)
    self->rest_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_rest_cb, self, NULL);
}

static void
fill_mapped_cb (SkChildList *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, fill_mapped_cb, NULL);
  if (clock != NULL && self->first_paint_id == 0)
    self->first_paint_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, 0);
  else
    first_paint_cb (clock, self);
}

/**
 * sk_child_list_fill:
 * @sorted: the children, in the list's order (sk_child_list_sort())
 *
 * Shows the children of a database just opened: at once as many as a
 * screen holds, and the rest when the first frame has been drawn.
 */
void
sk_child_list_fill (SkChildList *self,
                    GPtrArray   *sorted)
{
  guint first;

  g_return_if_fail (SK_IS_CHILD_LIST (self));
  g_return_if_fail (sorted != NULL);
  g_return_if_fail (self->rest == NULL);

  first = MIN (sorted->len, first_screenful (self));
  g_list_store_splice (self->children, 0, g_list_model_get_n_items (G_LIST_MODEL (self->children)),
                       sorted->pdata, first);
  if (first == sorted->len)
    return;

  self->rest = g_ptr_array_new_full (sorted->len - first, g_object_unref);
  for (guint i = first; i < sorted->len; i++)
    g_ptr_array_add (self->rest, g_object_ref (sorted->pdata[i]));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_mapped_cb (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (fill_mapped_cb), NULL);
}

/* Every child, found or not: what deleting takes from and Undo puts back. */
GListStore *
sk_child_list_get_store (SkChildList *self)
{
  g_return_val_if_fail (SK_IS_CHILD_LIST (self), NULL);

  return self->children;
}

/* The children the search finds, in the order shown. */
GListModel *
sk_child_list_get_shown (SkChildList *self)
{
  g_return_val_if_fail (SK_IS_CHILD_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* A new child: in the list, and shown however the search stood. */
void
sk_child_list_add (SkChildList *self,
                   SkChild     *child)
{
  g_return_if_fail (SK_IS_CHILD_LIST (self));

  g_list_store_append (self->children, child);
  /* A search that hides the new child would hide the result too. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* A child's name or case number changed: sorted and searched anew. */
void
sk_child_list_changed (SkChildList *self)
{
  g_return_if_fail (SK_IS_CHILD_LIST (self));

  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/**
 * sk_child_list_highlight:
 * @child: (nullable): the child to mark as chosen, or %NULL for none
 */
void
sk_child_list_highlight (SkChildList *self,
                         SkChild     *child)
{
  guint n;

  g_return_if_fail (SK_IS_CHILD_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; child != NULL && i < n; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == child)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The row widget of the list that shows @child, once it is built. */
static GtkWidget *
row_of (SkChildList *self,
        SkChild     *child)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);

      /* The child itself, not its name: two children may share one. */
      if (box != NULL && gtk_widget_get_child_visible (row) &&
          g_object_get_data (G_OBJECT (box), "sk-child") == child)
        return row;
    }
  return NULL;
}

static gboolean
focus_child_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  SkChildList *self = SK_CHILD_LIST (widget);
  GtkWidget *row = self->focus_pending != NULL ? row_of (self, self->focus_pending) : NULL;

  /* A few frames: the list lays out the rows it scrolled to first. */
  if (row == NULL && self->focus_pending != NULL && ++self->focus_frames < 10)
    return G_SOURCE_CONTINUE;
  if (row != NULL)
    gtk_widget_grab_focus (row);
  g_clear_weak_pointer (&self->focus_pending);
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The keyboard on @child's row, chosen, in view. */
void
sk_child_list_focus_child (SkChildList *self,
                           SkChild     *child)
{
  guint n;

  g_return_if_fail (SK_IS_CHILD_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SkChild) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == child)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          g_set_weak_pointer (&self->focus_pending, child);
          self->focus_frames = 0;
          if (self->focus_tick == 0)
            self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_child_tick_cb, NULL, NULL);
          return;
        }
    }
}

void
sk_child_list_focus_search (SkChildList *self)
{
  g_return_if_fail (SK_IS_CHILD_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char *
sk_child_list_get_search (SkChildList *self)
{
  g_return_val_if_fail (SK_IS_CHILD_LIST (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
sk_child_list_set_search (SkChildList *self,
                          const char  *text)
{
  g_return_if_fail (SK_IS_CHILD_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}
