import { api } from '../api/client';

export type Routing =
  | { matched: true; method: 'point' | 'address'; gridId: string; gridName: string; communityId: string; communityName: string; streetId: string; streetName: string; districtId: string; orgPath: string[] }
  | { matched: false; reason: string };

/** grid service: which grid, community and street own a point or an address. */
export function locate(query: { point?: { lng: number; lat: number }; address?: string }): Promise<Routing> {
  return api<Routing>('grid/routing/locate', { body: query });
}
