/* sk-network-geometry.h — where people sit on the network map
 *
 * Plain functions, no drawing: the map is a disc of radius 1 around the
 * child, in map units (x right, y down).  A person is stored as an angle
 * and a distance from the child, so the map can be any size on screen and
 * on paper.  The ring follows from the distance, the sector from the
 * angle.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SK_NETWORK_N_RINGS   3
#define SK_NETWORK_N_SECTORS 4

/* The child's own disc in the middle; the rings fill the rest evenly. */
#define SK_NETWORK_CENTRE_RADIUS 0.2

typedef struct
{
  double x;
  double y;
} SkNetworkPoint;

/* Where a person is stored: @angle in radians (0 points right, growing
 * clockwise on screen), @distance from the child, 0 … 1. */
typedef struct
{
  double angle;
  double distance;
} SkNetworkPolar;

double         sk_network_ring_inner     (int ring);
double         sk_network_ring_outer     (int ring);
int            sk_network_ring_at        (double distance);
int            sk_network_sector_at      (double angle);
void           sk_network_sector_span    (int    sector,
                                          double *start,
                                          double *end);

SkNetworkPoint sk_network_polar_to_point (SkNetworkPolar polar);
SkNetworkPolar sk_network_point_to_polar (SkNetworkPoint point);

/* The middle of a ring within a sector: where a new person starts. */
SkNetworkPolar sk_network_cell_centre    (int sector,
                                          int ring);
/* Keeps @polar inside its ring and sector, a @margin (map units) from the
 * borders, and off the child's disc and the rim. */
SkNetworkPolar sk_network_clamp          (SkNetworkPolar polar,
                                          double         margin);
/* Where a drop at @point leaves a person: on the map, outside the child's
 * disc; ring and sector are what the child pointed at. */
SkNetworkPolar sk_network_drop           (SkNetworkPoint point,
                                          double         margin);

/* A person takes a box of @width × @height map units around its point.
 * Moves the points in @points apart until no two boxes overlap (as far as
 * the cells allow), keeping each person in the ring and sector it was
 * stored in.  @pinned (or -1) is not moved: the person being dragged. */
void           sk_network_separate       (const SkNetworkPolar *places,
                                          SkNetworkPoint       *points,
                                          guint                 n,
                                          double                width,
                                          double                height,
                                          int                   pinned);

/* The same, starting from the spots in @points (where people were shown
 * a moment ago) and for at most @rounds rounds: while a person is
 * dragged, each frame goes on from the last one, and the others glide
 * aside. */
void           sk_network_separate_from  (const SkNetworkPolar *places,
                                          SkNetworkPoint       *points,
                                          guint                 n,
                                          double                width,
                                          double                height,
                                          int                   pinned,
                                          guint                 rounds);

/* The topmost of the @n boxes (@width × @height around @points, last on
 * top) that holds @point, or -1. */
int            sk_network_hit            (const SkNetworkPoint *points,
                                          guint                 n,
                                          double                width,
                                          double                height,
                                          SkNetworkPoint        point);

G_END_DECLS
