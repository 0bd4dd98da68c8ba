import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { GeoPoint } from '@civicflow/contracts';
import type { GridGeometry } from './routing-dataset';

/** An axis-aligned rectangle as a closed, counter-clockwise ring ([lng, lat] positions). */
export function rectangle(west: number, south: number, east: number, north: number): [number, number][] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]];
}

/** [west, south, east, north] */
export type BoundingBox = [number, number, number, number];

function polygonsOf(geometry: GridGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function boundingBoxOf(geometry: GridGeometry): BoundingBox {
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** Inside or on the boundary (a point on an edge counts); a point in a hole is outside. */
export function containsPoint(geometry: GridGeometry, point: GeoPoint): boolean {
  return booleanPointInPolygon([point.lng, point.lat], geometry);
}

/** Strictly inside: on an edge does not count. */
export function containsPointStrictly(geometry: GridGeometry, point: GeoPoint): boolean {
  return booleanPointInPolygon([point.lng, point.lat], geometry, { ignoreBoundary: true });
}

/** Planar area in square degrees (shoelace, holes subtracted): enough to compare areas of nearby polygons. */
export function planarArea(geometry: GridGeometry): number {
  return polygonsOf(geometry).reduce(
    (total, [outer, ...holes]) => total + Math.abs(ringArea(outer)) - holes.reduce((sum, hole) => sum + Math.abs(ringArea(hole)), 0),
    0,
  );
}

function ringArea(ring: readonly number[][]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

/**
 * A point well inside the geometry (not on an edge, not in a hole), deterministic so tests can use it as a fixture:
 * the centroid of the largest part when it sits well clear of every edge (any roughly convex grid), else, of a
 * 25×25 lattice over that part's bounding box, the inside point farthest from every edge.
 */
export function interiorPoint(geometry: GridGeometry): GeoPoint {
  const parts = polygonsOf(geometry);
  const largest = parts.reduce((best, part) => (planarArea({ type: 'Polygon', coordinates: part }) > planarArea({ type: 'Polygon', coordinates: best }) ? part : best));
  const [west, south, east, north] = boundingBoxOf({ type: 'Polygon', coordinates: largest });
  const clearanceOf = (point: GeoPoint) => (containsPointStrictly(geometry, point) ? Math.min(...largest.map((ring) => distanceToRing(point, ring))) : -1);
  const rounded = (point: GeoPoint) => ({ lng: round6(point.lng), lat: round6(point.lat) });

  const centroid = rounded(ringCentroid(largest[0]));
  if (clearanceOf(centroid) >= 0.1 * Math.min(east - west, north - south)) return centroid;

  const steps = 25;
  let best: { point: GeoPoint; clearance: number } | undefined;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const point = rounded({ lng: west + ((east - west) * i) / steps, lat: south + ((north - south) * j) / steps });
      const clearance = clearanceOf(point);
      if (clearance > 0 && (!best || clearance > best.clearance)) best = { point, clearance };
    }
  }
  if (!best) throw new Error('polygon too thin to find an interior point on a 25×25 lattice');
  return best.point;
}

/** Area-weighted centroid of a simple ring. */
function ringCentroid(ring: readonly number[][]): GeoPoint {
  let [twiceArea, lng, lat] = [0, 0, 0];
  for (let i = 0; i < ring.length - 1; i++) {
    const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    twiceArea += cross;
    lng += (ring[i][0] + ring[i + 1][0]) * cross;
    lat += (ring[i][1] + ring[i + 1][1]) * cross;
  }
  return { lng: lng / (3 * twiceArea), lat: lat / (3 * twiceArea) };
}

function distanceToRing(point: GeoPoint, ring: readonly number[][]): number {
  let nearest = Infinity;
  for (let i = 0; i < ring.length - 1; i++) nearest = Math.min(nearest, distanceToSegment(point, ring[i], ring[i + 1]));
  return nearest;
}

function distanceToSegment(p: GeoPoint, a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.lng - a[0]) * dx + (p.lat - a[1]) * dy) / lengthSquared));
  return Math.hypot(p.lng - (a[0] + t * dx), p.lat - (a[1] + t * dy));
}

/** Six decimals of a degree is about 0.1 m: the precision of the demo city and of interior points. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
