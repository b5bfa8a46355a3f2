/* sk-mat-draw.c — the picture mat on the parents' paper: three columns,
 * each headed by its face and word, the shared cards in them in the order
 * the child placed them.  Shapes and words carry it, so it reads in black
 * and white. */
#include "config.h"

#include "sk-mat.h"
#include "sk-art.h"
#include "sk-tools.h"

#include <pango/pangocairo.h>

#define INK_R (0x3d / 255.0)
#define INK_G (0x38 / 255.0)
#define INK_B (0x46 / 255.0)

#define GAP       8.0
#define PAD       8.0
#define HEAD_ART  30.0
#define HEAD_TEXT 16.0
#define ROW       30.0
#define CARD_ART  24.0

static guint
most_in_a_column (GArray *data)
{
  guint counts[SK_MAT_N_COLUMNS + 1] = { 0 };
  guint most = 1;

  for (guint i = 0; i < data->len; i++)
    {
      SkMatColumn column = g_array_index (data, SkMatShown, i).column;

      if (column >= SK_MAT_GOOD && column <= SK_MAT_BAD)
        most = MAX (most, ++counts[column]);
    }
  return most;
}

static double
picture_width (GArray *data,
               double  narrow,
               double  wide)
{
  return wide;
}

static double
picture_height (GArray *data,
                double  width)
{
  return PAD + HEAD_ART + 4 + HEAD_TEXT + 6 + most_in_a_column (data) * ROW + PAD;
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      width,
           gboolean    centre)
{
  PangoLayout *layout = sk_art_text_layout (cr, text, size, bold, width,
                                            centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
draw_picture (cairo_t    *cr,
              GArray     *data,
              const char *child_name,
              double      x,
              double      y,
              double      width,
              double      height,
              gboolean    vector)
{
  double column_width = (width - GAP * (SK_MAT_N_COLUMNS - 1)) / SK_MAT_N_COLUMNS;

  cairo_save (cr);
  for (int column = SK_MAT_GOOD; column <= SK_MAT_BAD; column++)
    {
      double left = x + (column - SK_MAT_GOOD) * (column_width + GAP);
      double row_y = y + PAD + HEAD_ART + 4 + HEAD_TEXT + 6;

      sk_art_rounded_rectangle (cr, left + 0.5, y + 0.5, column_width - 1, height - 1, 8);
      cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      sk_art_put (cr, sk_mat_column_art (column), left + (column_width - HEAD_ART) / 2, y + PAD, HEAD_ART, vector);
      cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
      draw_text (cr, sk_mat_column_label (column), 11, TRUE, left + PAD, y + PAD + HEAD_ART + 4,
                 column_width - 2 * PAD, TRUE);
      for (guint i = 0; i < data->len; i++)
        {
          const SkMatShown *one = &g_array_index (data, SkMatShown, i);

          if (one->column != (SkMatColumn) column)
            continue;
          sk_art_put (cr, one->art, left + PAD, row_y + (ROW - CARD_ART) / 2, CARD_ART, vector);
          cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
          draw_text (cr, one->word, 10, FALSE, left + PAD + CARD_ART + 6, row_y + (ROW - 13) / 2,
                     column_width - 2 * PAD - CARD_ART - 6, FALSE);
          row_y += ROW;
        }
    }
  cairo_restore (cr);
}

const SkToolRender sk_mat_render = { picture_width, picture_height, draw_picture };
