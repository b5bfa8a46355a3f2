/* sk-summary-draw.c — the parents' summary laid out on pages
 *
 * Calm and plain: generous margins, 12 pt text, headings in the child's
 * font, the pictures (a face beside an item, a tool's own drawing) drawn
 * by the same code as the screen.  The pages know blocks, not tools: a
 * tool's drawing is drawn by the tool (sk-tools.h).  Long text flows on to the next page line by line; a heading is
 * never left alone at the foot of a page; pictures are never cut.
 */
#include "config.h"

#include "sk-summary-draw.h"
#include "sk-art.h"
#include "sk-language.h"
#include "sk-tools.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#define MARGIN_X 64.0
#define MARGIN_TOP 50.0
#define MARGIN_BOTTOM 60.0
#define BODY_SIZE 12.0
#define FACE_SIZE 40.0
#define FACE_GAP 12.0
#define ITEM_SPACE 12.0
#define COLUMN_GAP 20.0
/* The caseworker's photo on a letter: points square, and the pixels read
 * for it (enough for print). */
#define PHOTO_SIZE   64.0
#define PHOTO_PIXELS 256
/* Taller than this, an item takes the whole width. */
#define PAIR_MAX_HEIGHT 96.0
#define BODY_FONT "Cantarell, DejaVu Sans, sans-serif"
#define CHILD_FONT "Andika, Cantarell, sans-serif"
/* A key copied by hand: every letter as wide as the next, and large. */
#define KEY_FONT "DejaVu Sans Mono, monospace"
#define KEY_SIZE 24.0

typedef enum
{
  PIECE_LINES,    /* lines first … last of a layout */
  PIECE_ART,      /* an item's picture */
  PIECE_PICTURE,  /* a tool's own drawing */
  PIECE_RULE,
  PIECE_BOX,      /* a frame: size × height */
  PIECE_PHOTO,    /* a photo from a file: size × size */
} PieceKind;

typedef struct
{
  PieceKind    kind;
  double       y;            /* top on the page */
  double       x;
  PangoLayout *layout;       /* owned by the pages */
  int          first_line;
  int          last_line;
  double       layout_top;   /* y of the first line within the layout */
  char        *art;
  const SkToolRender *render;   /* PIECE_PICTURE: who draws it */
  GArray      *data;         /* and what: held in pages->data */
  cairo_surface_t *photo;    /* PIECE_PHOTO: held in pages->photos */
  double       size;
  double       height;
} Piece;

struct _SkSummaryPages
{
  double        width;
  double        height;
  PangoContext *context;
  GPtrArray    *layouts;     /* PangoLayout, kept alive */
  GPtrArray    *pages;       /* GPtrArray of Piece */
  GPtrArray    *numbers;     /* PangoLayout per page: "Page 1 of 2" */
  GPtrArray    *data;        /* the pictures' GArrays, referenced */
  GPtrArray    *photos;      /* cairo_surface_t */
  char         *child_name;  /* for the pictures: the child in the middle of a map */
  char         *language;    /* the pictures' words are drawn in it too */
};

typedef struct
{
  SkSummaryPages *pages;
  GPtrArray      *page;      /* the page being filled */
  double          y;
  double          bottom;
} Flow;

static void
piece_free (gpointer data)
{
  g_free (data);
}

static PangoLayout *
make_layout (SkSummaryPages *pages,
             const char     *text,
             const char     *family,
             double          size,
             PangoWeight     weight,
             PangoStyle      style,
             double          width)
{
  PangoLayout *layout = pango_layout_new (pages->context);
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int) (size * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  g_ptr_array_add (pages->layouts, layout);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
new_page (Flow *flow)
{
  flow->page = g_ptr_array_new_with_free_func (piece_free);
  g_ptr_array_add (flow->pages->pages, flow->page);
  flow->y = MARGIN_TOP;
}

static Piece *
add_piece (Flow      *flow,
           PieceKind  kind,
           double     height)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->kind = kind;
  piece->y = flow->y;
  piece->x = MARGIN_X;
  g_ptr_array_add (flow->page, piece);
  flow->y += height;
  return piece;
}

/* A frame @height tall, @width wide, on this page if it fits there. */
static Piece *
add_box (Flow   *flow,
         double  width,
         double  height)
{
  Piece *box;

  flow->y += 4;
  if (flow->y + height > flow->bottom && flow->y > MARGIN_TOP)
    new_page (flow);
  box = add_piece (flow, PIECE_BOX, 0);
  box->size = width;
  box->height = height;
  return box;
}

/* All of @layout's lines at @x, @y; the flow goes on @advance below. */
static void
add_whole_layout (Flow        *flow,
                  PangoLayout *layout,
                  double       x,
                  double       y,
                  double       advance)
{
  Piece *text = add_piece (flow, PIECE_LINES, advance);

  text->x = x;
  text->y = y;
  text->layout = layout;
  text->first_line = 0;
  text->last_line = pango_layout_get_line_count (layout) - 1;
}

/* A photo from a file, at most PHOTO_PIXELS on its longer side, as a cairo
 * surface; NULL when it cannot be read (gone, not a picture). */
static cairo_surface_t *
load_photo (const char *path)
{
  g_autoptr(GdkPixbuf) read = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;
  int width, height, channels, stride, target_stride;
  const guint8 *pixels;
  guint8 *target;

  if (path == NULL || *path == '\0')
    return NULL;
  /* (Its format is told by the MIME database, as GIO knows it.) */
  read = gdk_pixbuf_new_from_file_at_scale (path, PHOTO_PIXELS, PHOTO_PIXELS, TRUE, NULL);
  if (read == NULL)
    return NULL;
  /* Turned as the camera meant it. */
  pixbuf = gdk_pixbuf_apply_embedded_orientation (read);
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  target = cairo_image_surface_get_data (surface);
  target_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *from = pixels + y * stride + x * channels;
        guint32 alpha = channels == 4 ? from[3] : 255;
        guint32 *to = (guint32 *) (target + y * target_stride) + x;

        /* Premultiplied, as cairo keeps it. */
        *to = alpha << 24 | (from[0] * alpha / 255) << 16 | (from[1] * alpha / 255) << 8 | (from[2] * alpha / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A whole layout that must not be split (title, a face's words …). */
static void
place_whole (Flow        *flow,
             PangoLayout *layout,
             double       space_after)
{
  double height = layout_height (layout);
  Piece *piece;

  if (flow->y + height > flow->bottom && flow->y > MARGIN_TOP)
    new_page (flow);
  piece = add_piece (flow, PIECE_LINES, height);
  piece->layout = layout;
  piece->first_line = 0;
  piece->last_line = pango_layout_get_line_count (layout) - 1;
  piece->layout_top = 0;
  flow->y += space_after;
}

/* Text that flows on to the next page, line by line, at @x.  Returns the
 * top of its first line, for what stands beside it. */
static double
place_flowing_at (Flow        *flow,
                  PangoLayout *layout,
                  double       x,
                  double       space_after,
                  GPtrArray  **first_page)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int line = 0, first = 0;
  double first_top = 0, piece_top = flow->y, start = -1;

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (line == first)
        first_top = top;
      /* Not even the first line fits: all of it on the next page. */
      if (line == 0 && piece_top + (bottom - top) > flow->bottom && flow->y > MARGIN_TOP)
        {
          new_page (flow);
          piece_top = flow->y;
        }
      else if (piece_top + (bottom - first_top) > flow->bottom && line > first)
        {
          Piece *piece = add_piece (flow, PIECE_LINES, 0);

          piece->y = piece_top;
          piece->x = x;
          piece->layout = layout;
          piece->first_line = first;
          piece->last_line = line - 1;
          piece->layout_top = first_top;
          if (start < 0)
            {
              start = piece_top;
              *first_page = flow->page;
            }
          new_page (flow);
          first = line;
          first_top = top;
          piece_top = flow->y;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  {
    Piece *piece = add_piece (flow, PIECE_LINES, 0);

    piece->y = piece_top;
    piece->x = x;
    piece->layout = layout;
    piece->first_line = first;
    piece->last_line = line - 1;
    piece->layout_top = first_top;
    if (start < 0)
      {
        start = piece_top;
        *first_page = flow->page;
      }
    flow->y = piece_top + (layout_height (layout) - first_top) + space_after;
  }
  return start;
}

static void
place_flowing (Flow        *flow,
               PangoLayout *layout,
               double       space_after)
{
  GPtrArray *first_page;

  place_flowing_at (flow, layout, MARGIN_X, space_after, &first_page);
}

/* An item's text: its title, how it is, and the child's words quoted. */
static PangoLayout *
item_layout (SkSummaryPages       *pages,
             const SkSummaryBlock *block,
             double                width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  /* An item may be only a title (a step of the plan on a letter). */
  g_autofree char *markup = block->detail != NULL && *block->detail != '\0'
                            ? g_markup_printf_escaped ("<b>%s</b>\n%s", block->text, block->detail)
                            : g_markup_printf_escaped ("<b>%s</b>", block->text);
  PangoLayout *layout;

  g_string_append (text, markup);
  if (block->words != NULL && *block->words != '\0')
    {
      /* Translators: quotation marks around the child's own words */
      g_autofree char *quote = g_strdup_printf (C_("quotation", "“%s”"), block->words);
      g_autofree char *quoted = g_markup_printf_escaped ("\n<i>%s</i>", quote);

      g_string_append (text, quoted);
    }
  layout = make_layout (pages, "", BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width);
  pango_layout_set_markup (layout, text->str, -1);
  return layout;
}

static void
place_art (Flow       *flow,
           const char *art,
           double      x,
           double      y)
{
  Piece *face = add_piece (flow, PIECE_ART, 0);

  face->art = (char *) art;
  face->x = x;
  face->y = y;
  face->size = FACE_SIZE;
}

/* Two items side by side, when both are short: the faces of a normal
 * conversation in two columns. */
static gboolean
place_item_pair (Flow                 *flow,
                 const SkSummaryBlock *left,
                 const SkSummaryBlock *right,
                 double                content)
{
  double column = (content - COLUMN_GAP) / 2;
  double text_width = column - FACE_SIZE - FACE_GAP;
  PangoLayout *a, *b;
  double row;
  Piece *piece;

  if (right == NULL || right->kind != SK_SUMMARY_ITEM)
    return FALSE;
  a = item_layout (flow->pages, left, text_width);
  b = item_layout (flow->pages, right, text_width);
  row = MAX (FACE_SIZE, MAX (layout_height (a), layout_height (b)));
  if (row > PAIR_MAX_HEIGHT)
    return FALSE;
  if (flow->y + row > flow->bottom && flow->y > MARGIN_TOP)
    new_page (flow);
  for (int i = 0; i < 2; i++)
    {
      double x = MARGIN_X + i * (column + COLUMN_GAP);

      place_art (flow, (i == 0 ? left : right)->art, x, flow->y);
      piece = add_piece (flow, PIECE_LINES, 0);
      piece->x = x + FACE_SIZE + FACE_GAP;
      piece->layout = i == 0 ? a : b;
      piece->first_line = 0;
      piece->last_line = pango_layout_get_line_count (piece->layout) - 1;
    }
  flow->y += row + ITEM_SPACE;
  return TRUE;
}

/* One item across the page; its words flow on over pages when long. */
static void
place_item (Flow                 *flow,
            const SkSummaryBlock *block,
            double                content)
{
  PangoLayout *layout = item_layout (flow->pages, block, content - FACE_SIZE - FACE_GAP);
  GPtrArray *first_page, *current;
  double top;

  /* Room for the face with the first lines, or it all starts on the next page. */
  if (flow->y + FACE_SIZE > flow->bottom && flow->y > MARGIN_TOP)
    new_page (flow);
  top = place_flowing_at (flow, layout, MARGIN_X + FACE_SIZE + FACE_GAP, 0, &first_page);
  /* The face beside the first line, on the page where the item starts. */
  current = flow->page;
  flow->page = first_page;
  place_art (flow, block->art, MARGIN_X, top);
  flow->page = current;
  if (first_page == current)
    flow->y = MAX (flow->y, top + FACE_SIZE);
  flow->y += ITEM_SPACE;
}

#define BOX_PAD 12.0
/* How far a picture may shrink to stay on the page it starts on. */
#define PICTURE_SHRINK 0.8

/* A tool's picture takes this much of the width; its caption the rest. */
static double
picture_width (double content)
{
  return floor (content * 0.6);
}

SkSummaryPages *
sk_summary_pages_new (const SkSummary *summary,
                      double           width,
                      double           height)
{
  SkSummaryPages *pages = g_new0 (SkSummaryPages, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  double content = width - 2 * MARGIN_X;
  char *previous_language;
  Flow flow = { pages, NULL, 0, height - MARGIN_BOTTOM };

  g_return_val_if_fail (summary != NULL, NULL);

  pages->width = width;
  pages->height = height;
  pages->context = pango_font_map_create_context (font_map);
  /* Points as units, and no hinting: the same lines on screen and paper. */
  pango_cairo_context_set_resolution (pages->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pages->context, options);
  cairo_font_options_destroy (options);
  pages->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  pages->numbers = g_ptr_array_new ();
  pages->data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  pages->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pages->child_name = g_strdup (summary->child_name);
  pages->language = g_strdup (summary->language);

  previous_language = sk_language_push (summary->language);
  new_page (&flow);

  for (guint i = 0; i < summary->blocks->len; i++)
    {
      const SkSummaryBlock *block = g_ptr_array_index (summary->blocks, i);
      const SkSummaryBlock *next = i + 1 < summary->blocks->len ? g_ptr_array_index (summary->blocks, i + 1) : NULL;

      switch (block->kind)
        {
        case SK_SUMMARY_TITLE:
          place_whole (&flow, make_layout (pages, block->text, CHILD_FONT, 26, PANGO_WEIGHT_BOLD,
                                           PANGO_STYLE_NORMAL, content), 4);
          break;

        case SK_SUMMARY_META:
          place_whole (&flow, make_layout (pages, block->text, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                           PANGO_STYLE_NORMAL, content), 10);
          add_piece (&flow, PIECE_RULE, 14);
          break;

        case SK_SUMMARY_HEADING:
          {
            PangoLayout *layout = make_layout (pages, block->text, CHILD_FONT, 16, PANGO_WEIGHT_BOLD,
                                               PANGO_STYLE_NORMAL, content);
            /* Never alone at the foot of a page: with room for what follows
             * (three lines of text, or the picture). */
            double keep = layout_height (layout) +
                          (next != NULL && next->kind == SK_SUMMARY_ITEM ? FACE_SIZE :
                           next != NULL && next->kind == SK_SUMMARY_PICTURE ? picture_width (content) * PICTURE_SHRINK :
                           next != NULL && next->kind == SK_SUMMARY_BOX ? BODY_SIZE * 4 + 2 * BOX_PAD : BODY_SIZE * 4);

            if (flow.y + keep > flow.bottom && flow.y > MARGIN_TOP)
              new_page (&flow);
            flow.y += 8;
            place_whole (&flow, layout, 6);
          }
          break;

        case SK_SUMMARY_PHOTO:
          {
            cairo_surface_t *photo = load_photo (block->detail);
            PangoLayout *layout;
            double wide;
            Piece *piece, *text;

            /* A photo that cannot be read leaves the words alone. */
            if (photo == NULL)
              break;
            g_ptr_array_add (pages->photos, photo);
            /* The words right beside the photo, however it is cut. */
            wide = PHOTO_SIZE * cairo_image_surface_get_width (photo) /
                   MAX (cairo_image_surface_get_width (photo), cairo_image_surface_get_height (photo));
            layout = make_layout (pages, block->text, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                  content - wide - COLUMN_GAP);
            piece = add_piece (&flow, PIECE_PHOTO, 0);
            piece->photo = photo;
            piece->x = MARGIN_X;
            piece->y = flow.y;
            piece->size = PHOTO_SIZE;
            text = add_piece (&flow, PIECE_LINES, MAX (PHOTO_SIZE, layout_height (layout)) + 12);
            text->layout = layout;
            text->first_line = 0;
            text->last_line = pango_layout_get_line_count (layout) - 1;
            text->layout_top = 0;
            text->x = MARGIN_X + wide + COLUMN_GAP;
            text->y = piece->y + MAX (0, (PHOTO_SIZE - layout_height (layout)) / 2);
          }
          break;

        case SK_SUMMARY_PARAGRAPH:
          place_flowing (&flow, make_layout (pages, block->text, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                             PANGO_STYLE_NORMAL, content), 10);
          break;

        case SK_SUMMARY_ITEM:
          if (place_item_pair (&flow, block, next, content))
            i++;
          else
            place_item (&flow, block, content);
          break;

        case SK_SUMMARY_PICTURE:
          {
            const SkToolEntry *tool = sk_tools_find (block->picture);
            const SkToolRender *render = tool != NULL ? tool->render : NULL;
            double map = picture_width (content), size, caption_width;
            gboolean beside;
            PangoLayout *caption;
            Piece *picture, *text;

            if (render == NULL || render->draw_picture == NULL || block->data == NULL)
              break;
            /* Wider when it needs to be read: then the caption goes under it. */
            if (render->picture_width != NULL)
              map = MIN (floor (render->picture_width (block->data, map, content)), content);
            beside = map <= picture_width (content) + 0.5;
            /* The picture at the left, what it means beside it. */
            size = render->picture_height != NULL ? render->picture_height (block->data, map) : map;
            /* A little smaller rather than half a page left empty. */
            if (flow.y + size > flow.bottom && flow.bottom - flow.y >= size * PICTURE_SHRINK)
              {
                map = floor (map * (flow.bottom - flow.y) / size);
                size = render->picture_height != NULL ? render->picture_height (block->data, map) : map;
              }
            caption_width = beside ? content - map - COLUMN_GAP : content;
            caption = make_layout (pages, block->text, BODY_FONT, 11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                   caption_width);
            if (flow.y + (beside ? MAX (size, layout_height (caption)) : size + 8 + layout_height (caption)) > flow.bottom &&
                flow.y > MARGIN_TOP)
              new_page (&flow);
            picture = add_piece (&flow, PIECE_PICTURE, 0);
            picture->x = MARGIN_X + (beside ? 0 : floor ((content - map) / 2));
            picture->size = map;
            picture->height = size;
            picture->render = render;
            /* What it draws outlives the summary with the pages: a reference. */
            picture->data = g_array_ref (block->data);
            g_ptr_array_add (pages->data, picture->data);
            if (beside)
              {
                text = add_piece (&flow, PIECE_LINES, MAX (size, layout_height (caption)) + 12);
                text->x = MARGIN_X + map + COLUMN_GAP;
                text->layout = caption;
                text->first_line = 0;
                text->last_line = pango_layout_get_line_count (caption) - 1;
              }
            else
              {
                flow.y += size + 8;
                place_whole (&flow, caption, 12);
              }
          }
          break;

        case SK_SUMMARY_BOX:
          {
            g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s", block->text,
                                                               block->detail != NULL ? block->detail : "");
            PangoLayout *layout = make_layout (pages, "", BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                               PANGO_STYLE_NORMAL, content - 2 * BOX_PAD);
            double box_height;
            Piece *box;

            pango_layout_set_markup (layout, markup, -1);
            box_height = layout_height (layout) + 2 * BOX_PAD;
            box = add_box (&flow, content, box_height);
            add_whole_layout (&flow, layout, MARGIN_X + BOX_PAD, box->y + BOX_PAD, box_height + 14);
          }
          break;

        case SK_SUMMARY_KEY:
          {
            PangoLayout *title = make_layout (pages, block->text, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_BOLD,
                                              PANGO_STYLE_NORMAL, content - 2 * BOX_PAD);
            PangoLayout *key = make_layout (pages, block->detail, KEY_FONT, KEY_SIZE, PANGO_WEIGHT_NORMAL,
                                            PANGO_STYLE_NORMAL, content - 2 * BOX_PAD);
            double box_height;
            Piece *box;

            pango_layout_set_alignment (key, PANGO_ALIGN_CENTER);
            box_height = layout_height (title) + BOX_PAD + layout_height (key) + 2 * BOX_PAD;
            box = add_box (&flow, content, box_height);
            add_whole_layout (&flow, title, MARGIN_X + BOX_PAD, box->y + BOX_PAD, 0);
            add_whole_layout (&flow, key, MARGIN_X + BOX_PAD, box->y + 2 * BOX_PAD + layout_height (title),
                              box_height + 14);
          }
          break;

        case SK_SUMMARY_CONTACT:
        case SK_SUMMARY_FOOTER:
          {
            /* Who to call, what to do when they disagree and the closing
             * sentence stand together, on one page. */
            PangoLayout *contact = NULL, *disagree = NULL, *footer = NULL;
            const SkSummaryBlock *last = block;
            double together = 0;

            if (block->kind == SK_SUMMARY_CONTACT)
              {
                contact = make_layout (pages, block->text, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                       PANGO_STYLE_NORMAL, content);
                together += 22 + layout_height (contact) + 8;
                if (block->detail != NULL)
                  {
                    disagree = make_layout (pages, block->detail, BODY_FONT, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                            PANGO_STYLE_NORMAL, content);
                    together += layout_height (disagree) + 10;
                  }
                if (next != NULL && next->kind == SK_SUMMARY_FOOTER)
                  last = next;
              }
            if (last->kind == SK_SUMMARY_FOOTER)
              {
                footer = make_layout (pages, last->text, CHILD_FONT, 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                                      content);
                together += layout_height (footer) + (contact == NULL ? 10 : 0);
              }
            if (flow.y + together > flow.bottom && flow.y > MARGIN_TOP)
              new_page (&flow);
            if (contact != NULL)
              {
                flow.y += 10;
                add_piece (&flow, PIECE_RULE, 12);
                place_whole (&flow, contact, 8);
                if (disagree != NULL)
                  place_whole (&flow, disagree, 10);
              }
            else
              flow.y += 10;
            if (footer != NULL)
              place_whole (&flow, footer, 0);
            if (last != block)
              i++;
          }
          break;

        default:
          break;
        }
    }

  for (guint p = 0; p < pages->pages->len; p++)
    {
      /* Translators: at the foot of each page of the parents' summary */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), p + 1, pages->pages->len);
      PangoLayout *layout = make_layout (pages, number, BODY_FONT, 11, PANGO_WEIGHT_NORMAL,
                                         PANGO_STYLE_NORMAL, content);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      g_ptr_array_add (pages->numbers, layout);
    }
  sk_language_pop (previous_language);
  return pages;
}

void
sk_summary_pages_free (SkSummaryPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->pages);
  g_ptr_array_unref (pages->numbers);
  g_ptr_array_unref (pages->layouts);
  g_ptr_array_unref (pages->data);
  g_ptr_array_unref (pages->photos);
  g_free (pages->child_name);
  g_free (pages->language);
  g_object_unref (pages->context);
  g_free (pages);
}

guint
sk_summary_pages_get_n (SkSummaryPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->pages->len;
}

static void
draw_lines (cairo_t     *cr,
            const Piece *piece)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);
  int line = 0;

  do
    {
      if (line >= piece->first_line && line <= piece->last_line)
        {
          int baseline = pango_layout_iter_get_baseline (iter);
          PangoRectangle logical;

          /* The line's own offset: centred lines start further in. */
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, piece->x + (double) logical.x / PANGO_SCALE,
                         piece->y + (double) baseline / PANGO_SCALE - piece->layout_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line <= piece->last_line && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
sk_summary_pages_draw (SkSummaryPages *pages,
                       cairo_t        *cr,
                       guint           page,
                       gboolean        vector)
{
  GPtrArray *pieces;
  char *previous_language;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (page < pages->pages->len);

  pieces = g_ptr_array_index (pages->pages, page);
  /* A picture names its parts as it draws (a map its sectors and rings). */
  previous_language = sk_language_push (pages->language);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, pages->width, pages->height);
  cairo_fill (cr);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = g_ptr_array_index (pieces, i);

      cairo_set_source_rgb (cr, 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0);
      switch (piece->kind)
        {
        case PIECE_LINES:
          draw_lines (cr, piece);
          break;
        case PIECE_ART:
          if (vector)
            sk_art_draw (cr, piece->art, piece->x, piece->y, piece->size);
          else
            sk_art_paint (cr, piece->art, piece->x, piece->y, piece->size);
          break;
        case PIECE_PICTURE:
          cairo_save (cr);
          piece->render->draw_picture (cr, piece->data, pages->child_name, piece->x, piece->y,
                                       piece->size, piece->height, vector);
          cairo_restore (cr);
          break;
        case PIECE_BOX:
          {
            sk_art_rounded_rectangle (cr, piece->x, piece->y, piece->size, piece->height, 8);
            cairo_set_source_rgb (cr, 0xf3 / 255.0, 0xf0 / 255.0, 0xf7 / 255.0);
            cairo_fill_preserve (cr);
            cairo_set_source_rgba (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 0.45);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
          break;
        case PIECE_PHOTO:
          {
            double w = cairo_image_surface_get_width (piece->photo), h = cairo_image_surface_get_height (piece->photo);
            double scale = piece->size / MAX (w, h);

            cairo_save (cr);
            sk_art_rounded_rectangle (cr, piece->x, piece->y, w * scale, h * scale, 10);
            cairo_clip (cr);
            cairo_translate (cr, piece->x, piece->y);
            cairo_scale (cr, scale, scale);
            cairo_set_source_surface (cr, piece->photo, 0, 0);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
            cairo_paint (cr);
            cairo_restore (cr);
          }
          break;
        case PIECE_RULE:
          cairo_set_source_rgba (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 0.25);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, MARGIN_X, piece->y + 2);
          cairo_line_to (cr, pages->width - MARGIN_X, piece->y + 2);
          cairo_stroke (cr);
          break;
        default:
          break;
        }
    }

  {
    Piece number = { PIECE_LINES, pages->height - MARGIN_BOTTOM / 2 - 6, MARGIN_X,
                     g_ptr_array_index (pages->numbers, page), 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0 };

    cairo_set_source_rgba (cr, 0x3d / 255.0, 0x38 / 255.0, 0x46 / 255.0, 0.7);
    draw_lines (cr, &number);
  }
  cairo_restore (cr);
  sk_language_pop (previous_language);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * sk_summary_render_pdf:
 *
 * The summary as an A4 PDF in memory: what is saved and what is printed.
 */
GBytes *
sk_summary_render_pdf (const SkSummary  *summary,
                       GError          **error)
{
  g_autoptr(SkSummaryPages) pages = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (summary != NULL, NULL);

  pages = sk_summary_pages_new (summary, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);
  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, SK_SUMMARY_PAGE_WIDTH, SK_SUMMARY_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samtalekuffert");
  cr = cairo_create (surface);
  for (guint p = 0; p < sk_summary_pages_get_n (pages); p++)
    {
      sk_summary_pages_draw (pages, cr, p, TRUE);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is cairo's reason (English) */
                   _("The summary could not be made into a PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
sk_summary_write_pdf (const SkSummary  *summary,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *partial = NULL;
  gsize size;
  const char *data;
  int fd, saved = 0;

  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = sk_summary_render_pdf (summary, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  /* Private to the user, like the database.  Written beside the file and
   * moved over it at the end: an old file is never left half overwritten. */
  partial = g_strconcat (path, ".partial", NULL);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd >= 0)
    {
      gsize done = 0;

      g_chmod (partial, 0600);
      while (done < size)
        {
          gssize n = write (fd, data + done, size - done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          done += (gsize) n;
        }
      if (done < size || fsync (fd) != 0)
        saved = errno != 0 ? errno : EIO;
      if (close (fd) != 0 && saved == 0)
        saved = errno;
    }
  else
    saved = errno;
  if (saved == 0 && g_rename (partial, path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("The PDF could not be written to “%1$s”: %2$s"), path, g_strerror (saved));
      /* Only what was written here; never a folder in its way. */
      if (fd >= 0)
        g_remove (partial);
      return FALSE;
    }
  return TRUE;
}
