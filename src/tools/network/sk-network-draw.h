/* sk-network-draw.h — the network map on any cairo_t: screen and paper */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sk-network-geometry.h"

G_BEGIN_DECLS

/* Where the map sits in a rectangle, in the rectangle's units (pixels on
 * screen, points on paper). */
typedef struct
{
  double x, y, width, height;   /* the whole area, sector names included */
  double cx, cy;                /* the child */
  double radius;                /* the outer ring */
  double picture;               /* a person's picture */
  double font_size;             /* a person's name */
  double text_scale;            /* the text-size setting: 1 on paper and at the default size */
} SkNetworkFrame;

/* One person as drawn. */
typedef struct
{
  const char *name;
  const char *relation;
  const char *avatar;     /* picture name, e.g. "person-older" */
  gboolean    can_talk;
  gboolean    worried;
  gboolean    hidden;     /* hidden from the parents: drawn faded, marked */
} SkNetworkFigure;

/* The ring's and sector's names, in pixels (scaled with the text). */
double         sk_network_ring_label_size   (const SkNetworkFrame *frame);
double         sk_network_sector_label_size (const SkNetworkFrame *frame);
void           sk_network_frame_set_text_scale (SkNetworkFrame *frame,
                                                double          scale);
void           sk_network_frame_fit     (SkNetworkFrame       *frame,
                                         double                x,
                                         double                y,
                                         double                width,
                                         double                height);
SkNetworkPoint sk_network_frame_to_map  (const SkNetworkFrame *frame,
                                         double                x,
                                         double                y);
void           sk_network_frame_to_area (const SkNetworkFrame *frame,
                                         SkNetworkPoint        point,
                                         double               *x,
                                         double               *y);
/* A person's box (picture and name): in the frame's units, and in map
 * units for sk_network_separate() and sk_network_hit(). */
void           sk_network_figure_size    (const SkNetworkFrame *frame,
                                         double               *width,
                                         double               *height);
void           sk_network_figure_map_size (const SkNetworkFrame *frame,
                                          double               *width,
                                          double               *height);

/* The sectors with their names, the rings with theirs, and the child in
 * the middle. */
void           sk_network_draw_background (cairo_t              *cr,
                                           const SkNetworkFrame *frame,
                                           const char           *child_name,
                                           gboolean              vector);
/* One person, its box centred on (@x, @y).  @vector draws pictures as
 * vectors (paper); otherwise from the picture cache (screen). */
void           sk_network_draw_figure    (cairo_t              *cr,
                                         const SkNetworkFrame *frame,
                                         const SkNetworkFigure *figure,
                                         double                x,
                                         double                y,
                                         gboolean              vector);
/* The whole map: background and the @n people at @points (map units). */
void           sk_network_draw          (cairo_t              *cr,
                                         const SkNetworkFrame *frame,
                                         const char           *child_name,
                                         const SkNetworkFigure *tokens,
                                         const SkNetworkPoint *points,
                                         guint                 n,
                                         gboolean              vector);

/* A sector's colour (soft, for the wedge) and its stronger tone. */
void           sk_network_sector_rgb    (int                   sector,
                                         gboolean              strong,
                                         double               *r,
                                         double               *g,
                                         double               *b);

/* The map on the parents' paper: every person placed so that no name or
 * picture covers another, the child, or the map's own names. */
typedef struct
{
  double x, y, width, height;
} SkNetworkRect;

typedef struct
{
  double        x, y;          /* the picture's centre */
  SkNetworkRect picture;       /* the picture with its marks */
  SkNetworkRect label;         /* the name's pill; 0 wide when in the key */
  int           key;           /* the number in the key, or 0 */
} SkNetworkPlaced;

typedef struct
{
  SkNetworkFrame frame;
  double         picture;      /* a person's picture */
  double         font;         /* a name's size */
  GArray        *people;       /* SkNetworkPlaced, in the order given */
  GArray        *obstacles;    /* SkNetworkRect: the child, the rings' and sectors' names */
  gboolean       keyed;        /* the names are in a key under the map */
  gboolean       crowded;      /* too many even for that: some overlap */
  double         height;       /* map and key */
  double         key_top, key_column, key_line;
  guint          key_rows;
} SkNetworkPaper;

/* @shown: (element-type SkNetworkShown) */
/* @width: the map's width when its names can be read at it; up to
 * @max_width when the map needs that. */
SkNetworkPaper *sk_network_paper_new  (GArray         *shown,
                                       double          x,
                                       double          y,
                                       double          width,
                                       double          max_width);
void            sk_network_paper_draw (SkNetworkPaper *paper,
                                       cairo_t        *cr,
                                       GArray         *shown,
                                       const char     *child_name,
                                       gboolean        vector);
void            sk_network_paper_free (SkNetworkPaper *paper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SkNetworkPaper, sk_network_paper_free)

G_END_DECLS
