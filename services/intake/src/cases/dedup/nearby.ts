import ngeohash from 'ngeohash';
import { normalizeAddress } from '@civicflow/grid-routing';

/**
 * Geohash precision 6 cells are 0.011° × 0.0055° (~930 m × 610 m at 40° N): a cell and its 8 neighbours cover any
 * radius up to ~600 m anywhere in China. (Precision 7 cells shrink to ~116 m wide at Baotou's latitude — too
 * small for a 150 m radius, as the unit test showed.)
 */
export const DEDUP_CELL_PRECISION = 6;
export const MAX_DEDUP_RADIUS_METERS = 600;

export interface LngLat {
  lng: number;
  lat: number;
}

/** The open-case cell of a category at a point: `p:<category>:<geohash6>`. */
export function pointCellKey(categoryCode: string, point: LngLat): string {
  return `p:${categoryCode}:${ngeohash.encode(point.lat, point.lng, DEDUP_CELL_PRECISION)}`;
}

/**
 * The open-case cell of a category at an address, so calls located by address alone take part in dedup:
 * `a:<category>:<address as normalised for routing>` (full-width folded, spaces gone, 3栋/3幢/三号楼 → 3号楼).
 */
export function addressCellKey(categoryCode: string, address: string): string | undefined {
  const normalised = normalizeAddress(address);
  return normalised.length > 0 ? `a:${categoryCode}:${normalised}` : undefined;
}

/**
 * The cells that hold any point within `radiusMeters` of the point: its own cell and those neighbours whose box
 * comes that close — usually one to four, never more than nine.
 */
export function pointCellsWithin(categoryCode: string, point: LngLat, radiusMeters: number): string[] {
  const own = ngeohash.encode(point.lat, point.lng, DEDUP_CELL_PRECISION);
  const near = ngeohash.neighbors(own).filter((cell) => {
    const [south, west, north, east] = ngeohash.decode_bbox(cell);
    const nearest = { lat: Math.min(Math.max(point.lat, south), north), lng: Math.min(Math.max(point.lng, west), east) };
    return distanceMeters(point, nearest) <= radiusMeters;
  });
  return [own, ...near].map((cell) => `p:${categoryCode}:${cell}`);
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
