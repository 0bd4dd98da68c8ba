import ngeohash from 'ngeohash';

/**
 * Geohash precision 6 cells are 0.011° × 0.0055° (~930 m × 610 m at 40° N): a cell and its 8 neighbours cover any
 * radius up to ~600 m anywhere in China. (Precision 7 cells shrink to ~116 m wide at Baotou's latitude — too
 * small for a 150 m radius, as the unit test showed.)
 */
export const DEDUP_CELL_PRECISION = 6;
export const MAX_DEDUP_RADIUS_METERS = 600;

export function dedupKey(categoryCode: string, point: { lng: number; lat: number }): string {
  return `${categoryCode}:${ngeohash.encode(point.lat, point.lng, DEDUP_CELL_PRECISION)}`;
}

/** The keys of the cell holding the point and of its neighbours. */
export function nearbyDedupKeys(categoryCode: string, point: { lng: number; lat: number }): string[] {
  const cell = ngeohash.encode(point.lat, point.lng, DEDUP_CELL_PRECISION);
  return [cell, ...ngeohash.neighbors(cell)].map((c) => `${categoryCode}:${c}`);
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
