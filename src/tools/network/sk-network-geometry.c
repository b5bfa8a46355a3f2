/* sk-network-geometry.c — where people sit on the network map */
#include "sk-network-geometry.h"

#include <math.h>

#define RING_WIDTH ((1.0 - SK_NETWORK_CENTRE_RADIUS) / SK_NETWORK_N_RINGS)
#define SECTOR_SPAN (G_PI / 2)
/* Rounds of pushing apart; each is O(n²), n is at most a few dozen. */
#define SEPARATE_ROUNDS 40

double
sk_network_ring_inner (int ring)
{
  ring = CLAMP (ring, 0, SK_NETWORK_N_RINGS - 1);
  return SK_NETWORK_CENTRE_RADIUS + ring * RING_WIDTH;
}

double
sk_network_ring_outer (int ring)
{
  return sk_network_ring_inner (ring) + RING_WIDTH;
}

/* Returns: 0 (closest to the child) … SK_NETWORK_N_RINGS - 1 */
int
sk_network_ring_at (double distance)
{
  int ring;

  if (!(distance > SK_NETWORK_CENTRE_RADIUS))
    return 0;
  ring = (int) floor ((distance - SK_NETWORK_CENTRE_RADIUS) / RING_WIDTH);
  return CLAMP (ring, 0, SK_NETWORK_N_RINGS - 1);
}

static double
normalize_angle (double angle)
{
  if (!isfinite (angle))
    return 0;
  angle = fmod (angle + G_PI, 2 * G_PI);
  if (angle < 0)
    angle += 2 * G_PI;
  return angle - G_PI;
}

/* Sector 0 is top left (family), then clockwise: top right, bottom right,
 * bottom left. */
int
sk_network_sector_at (double angle)
{
  int sector = (int) floor ((normalize_angle (angle) + G_PI) / SECTOR_SPAN);

  return CLAMP (sector, 0, SK_NETWORK_N_SECTORS - 1);
}

void
sk_network_sector_span (int     sector,
                        double *start,
                        double *end)
{
  sector = CLAMP (sector, 0, SK_NETWORK_N_SECTORS - 1);
  *start = -G_PI + sector * SECTOR_SPAN;
  *end = *start + SECTOR_SPAN;
}

SkNetworkPoint
sk_network_polar_to_point (SkNetworkPolar polar)
{
  return (SkNetworkPoint) { polar.distance * cos (polar.angle), polar.distance * sin (polar.angle) };
}

SkNetworkPolar
sk_network_point_to_polar (SkNetworkPoint point)
{
  return (SkNetworkPolar) { atan2 (point.y, point.x), hypot (point.x, point.y) };
}

SkNetworkPolar
sk_network_cell_centre (int sector,
                        int ring)
{
  double start, end;

  sk_network_sector_span (sector, &start, &end);
  return (SkNetworkPolar) { (start + end) / 2,
                            (sk_network_ring_inner (ring) + sk_network_ring_outer (ring)) / 2 };
}

static SkNetworkPolar
clamp_to_cell (SkNetworkPolar polar,
               int            sector,
               int            ring,
               double         margin)
{
  double start, end, inner, outer, slack, angle_margin, angle;

  inner = sk_network_ring_inner (ring);
  outer = sk_network_ring_outer (ring);
  slack = MIN (MAX (margin, 0), 0.45 * RING_WIDTH);
  polar.distance = CLAMP (isfinite (polar.distance) ? polar.distance : inner,
                          inner + slack, outer - slack);

  sk_network_sector_span (sector, &start, &end);
  angle_margin = MIN (margin / polar.distance, 0.45 * SECTOR_SPAN);
  /* Measured from the sector's middle, so that an angle just past -π
   * counts as near the end of the last sector, not the start of the first. */
  angle = normalize_angle (polar.angle - (start + end) / 2);
  angle = CLAMP (angle, -SECTOR_SPAN / 2 + angle_margin, SECTOR_SPAN / 2 - angle_margin);
  polar.angle = normalize_angle ((start + end) / 2 + angle);
  return polar;
}

SkNetworkPolar
sk_network_clamp (SkNetworkPolar polar,
                  double         margin)
{
  return clamp_to_cell (polar, sk_network_sector_at (polar.angle),
                        sk_network_ring_at (polar.distance), margin);
}

SkNetworkPolar
sk_network_drop (SkNetworkPoint point,
                 double         margin)
{
  if (!isfinite (point.x) || !isfinite (point.y))
    point = (SkNetworkPoint) { 0, 0 };
  return sk_network_clamp (sk_network_point_to_polar (point), margin);
}

void
sk_network_separate (const SkNetworkPolar *places,
                     SkNetworkPoint       *points,
                     guint                 n,
                     double                width,
                     double                height,
                     int                   pinned)
{
  for (guint i = 0; i < n; i++)
    points[i] = sk_network_polar_to_point (places[i]);
  sk_network_separate_from (places, points, n, width, height, pinned, SEPARATE_ROUNDS);
}

void
sk_network_separate_from (const SkNetworkPolar *places,
                          SkNetworkPoint       *points,
                          guint                 n,
                          double                width,
                          double                height,
                          int                   pinned,
                          guint                 rounds)
{
  /* Near the borders of their cell, boxes may reach a little over the
   * ring lines: that leaves room to spread out along the ring. */
  double margin = MIN (width, height) * 0.3;

  g_return_if_fail (width > 0 && height > 0);

  if (pinned >= 0 && (guint) pinned < n)
    points[pinned] = sk_network_polar_to_point (places[pinned]);

  for (guint round = 0; round < rounds; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            /* Measured in boxes: at distance 1 or more they do not overlap
             * (an ellipse through the box's sides, close enough). */
            double dx = (points[j].x - points[i].x) / width;
            double dy = (points[j].y - points[i].y) / height;
            double d, push, share_i, share_j;

            /* Far apart on one axis: no need for the distance. */
            if (dx >= 1 || dx <= -1 || dy >= 1 || dy <= -1)
              continue;
            d = sqrt (dx * dx + dy * dy);
            if (d >= 1)
              continue;
            push = 1.0 - d;
            if (d < 1e-6)
              {
                /* On top of each other: part them the same way every time. */
                double a = (i * 7 + j * 13) * 0.7;

                dx = cos (a);
                dy = sin (a);
              }
            else
              {
                dx /= d;
                dy /= d;
              }
            /* Also sideways along the ring: pushed straight out or in, two
             * people would only be pulled back into their rings. */
            {
              double mx = points[i].x + points[j].x, my = points[i].y + points[j].y;
              double m = sqrt (mx * mx + my * my);

              if (m > 1e-6)
                {
                  double tx = -my / m, ty = mx / m;
                  double side = dx * tx + dy * ty >= 0 ? 1 : -1;
                  double l;

                  dx += 0.6 * side * tx;
                  dy += 0.6 * side * ty;
                  l = sqrt (dx * dx + dy * dy);
                  dx /= l;
                  dy /= l;
                }
            }
            share_i = (int) i == pinned ? 0 : (int) j == pinned ? 1 : 0.5;
            share_j = 1 - share_i;
            points[i].x -= dx * push * share_i * width;
            points[i].y -= dy * push * share_i * height;
            points[j].x += dx * push * share_j * width;
            points[j].y += dy * push * share_j * height;
            moved = TRUE;
          }

      /* Nobody leaves the ring and sector they were put in. */
      for (guint i = 0; i < n; i++)
        {
          SkNetworkPolar own = sk_network_clamp (places[i], 0);
          SkNetworkPolar now = sk_network_point_to_polar (points[i]);

          if ((int) i == pinned)
            continue;
          now = clamp_to_cell (now, sk_network_sector_at (own.angle),
                               sk_network_ring_at (own.distance), margin);
          points[i] = sk_network_polar_to_point (now);
        }
      if (!moved)
        break;
    }
}

int
sk_network_hit (const SkNetworkPoint *points,
                guint                 n,
                double                width,
                double                height,
                SkNetworkPoint        point)
{
  for (guint i = n; i-- > 0;)
    if (fabs (point.x - points[i].x) <= width / 2 && fabs (point.y - points[i].y) <= height / 2)
      return (int) i;
  return -1;
}
