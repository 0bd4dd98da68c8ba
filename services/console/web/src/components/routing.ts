import { api } from '../api/client';
import type { Ring } from './GridMap';
import { outerRings } from './GridMap';

export type Routing =
  | { matched: true; method: 'point' | 'address'; gridId: string; gridName: string; communityId: string; communityName: string; streetId: string; streetName: string; districtId: string; orgPath: string[] }
  | { matched: false; reason: string };

/** grid service: which grid, community and street own a point or an address. */
export function locate(query: { point?: { lng: number; lat: number }; address?: string }): Promise<Routing> {
  return api<Routing>('grid/routing/locate', { body: query });
}

const rings = new Map<string, Promise<Ring[]>>();
/** A grid's outline for the map (cached per grid). */
export function gridOutline(gridId: string): Promise<Ring[]> {
  let found = rings.get(gridId);
  if (!found) {
    found = api<{ boundary: { type: string; coordinates: unknown } }>(`grid/grids/${encodeURIComponent(gridId)}`)
      .then((g) => outerRings(g.boundary))
      .catch(() => []);
    rings.set(gridId, found);
  }
  return found;
}

/** The middle of a ring's bounding box (good enough to place a marker for an address match). */
export function ringCenter(ring: Ring): { lng: number; lat: number } | null {
  if (!ring.length) return null;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 };
}
