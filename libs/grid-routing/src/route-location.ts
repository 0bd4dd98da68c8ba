import type { EventData, GeoPoint, routeLocationReplyV1 } from '@civicflow/contracts';
import { enclosingUnitOfKind, type OrgUnit } from '@civicflow/domain';
import type { GridMap } from './grid-map';
import type { GridRecord, GridStaffMember } from './routing-dataset';

export interface LocationQuery {
  point?: GeoPoint;
  address?: string;
}

/** The owning grid with community, street and staff, or "not matched" with a reason (the grid service's answer). */
export type LocationRouting = EventData<typeof routeLocationReplyV1>;

const DUTY_ORDER: readonly GridStaffMember['duty'][] = ['chief', 'police', 'specialist', 'part-timer'];

/**
 * 定位派单: point → grid (spatial index, then exact point-in-polygon), else address → grid (known compound and
 * building names), else "not matched" so the caller puts the case in the dispatcher's manual queue. Never throws
 * for a place it does not know. A pure function of the map: the grid service answers its HTTP callers with it, and
 * intake routes every report with it in its own process.
 */
export function routeLocation(map: GridMap, query: LocationQuery): LocationRouting {
  if (query.point) {
    // a point on an edge shared by two grids lies in both; the first in id order takes it, every time
    const [grid] = map.gridsContaining(query.point);
    if (grid) return routed(map, grid, 'point');
  }
  if (query.address !== undefined) {
    const match = map.addresses.match(query.address);
    if (match.matched) return routed(map, map.grid(match.gridId)!, 'address');
    if (!query.point) return { matched: false, reason: match.reason };
  }
  return { matched: false, reason: query.point ? 'outside-every-grid' : 'no-location' };
}

function routed(map: GridMap, grid: GridRecord, method: 'point' | 'address'): LocationRouting {
  const level = (kind: 'community' | 'street' | 'district'): OrgUnit => enclosingUnitOfKind(map.tree, grid.id, kind)!;
  const [community, street, district] = [level('community'), level('street'), level('district')];
  const staff = [...grid.staff]
    .sort((a, b) => DUTY_ORDER.indexOf(a.duty) - DUTY_ORDER.indexOf(b.duty))
    .map(({ staffId, name, duty, phoneMasked }) => ({ staffId, name, duty, ...(phoneMasked ? { phoneMasked } : {}) }));
  return {
    matched: true,
    method,
    gridId: grid.id,
    gridName: grid.name,
    communityId: community.id,
    communityName: community.name,
    streetId: street.id,
    streetName: street.name,
    districtId: district.id,
    orgPath: map.orgPathOf(grid.id),
    staff,
  };
}
