import { createHash } from 'node:crypto';
import { DEPARTMENT_TYPES } from '@civicflow/domain';
import { gridRecordOf } from '../dataset/grid-dataset';
import { boundingBoxOf, containsPointStrictly, GridMap, planarArea } from '@civicflow/grid-routing';
import { RouteLocationUseCase } from '../routing/route-location/route-location.usecase';
import { addressInside, demoCity, POINT_OUTSIDE_DEMO_CITY, pointInside } from './demo-city';
import { generateDemoCity } from './generate-demo-city';
import { SeededRandom } from './seeded-random';

const city = demoCity();
const grids = city.grids.features.map(gridRecordOf);
const map = GridMap.build(city.units, grids);
const router = new RouteLocationUseCase({ current: () => map });
const countOf = (kind: string) => city.units.filter((unit) => unit.kind === kind).length;

describe('the demo city 北丰市', () => {
  it('has the planned shape: 4 districts, 15 streets, 74 communities, 800 grids, every department', () => {
    expect(countOf('city')).toBe(1);
    expect(countOf('district')).toBe(4);
    expect(countOf('street')).toBe(15);
    expect(countOf('community')).toBe(74);
    expect(grids).toHaveLength(800);
    expect(city.units.filter((unit) => unit.kind === 'department').map((unit) => unit.id)).toEqual(DEPARTMENT_TYPES.map(({ code }) => `dept-${code}`));
    expect(city.households.length).toBeGreaterThan(3000);
    expect(city.households.length).toBeLessThan(4500);
  });

  it('names ids by level: bf, bf-d01, bf-d01-s01, bf-d01-s01-c01, bf-d01-s01-c01-g01', () => {
    const patterns = { district: /^bf-d\d\d$/, street: /^bf-d\d\d-s\d\d$/, community: /^bf-d\d\d-s\d\d-c\d\d$/ };
    for (const [kind, pattern] of Object.entries(patterns)) {
      for (const unit of city.units.filter((candidate) => candidate.kind === kind)) expect(unit.id).toMatch(pattern);
    }
    for (const grid of grids) expect(grid.id).toBe(`${grid.communityId}-g${grid.id.slice(-2)}`);
  });

  it('uses the banner forms in 乌兰旗: a town with villages and sumu with gacha', () => {
    const banner = city.units.find((unit) => unit.id === 'bf-d04')!;
    expect(banner).toMatchObject({ name: '乌兰旗', localForm: 'banner' });
    const forms = new Set(city.units.filter((unit) => unit.id.startsWith('bf-d04-') && unit.kind === 'community').map((unit) => unit.localForm));
    expect(forms).toEqual(new Set(['village', 'gacha']));
  });

  it('is the same city on every run (seeded)', () => {
    const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
    expect(digest(generateDemoCity())).toBe(digest(generateDemoCity()));
    expect(new SeededRandom(7).next()).toBe(new SeededRandom(7).next());
  });

  it('staffs every grid 一格一长一警一专多兼, the police officer shared by the community', () => {
    for (const grid of grids) {
      const duties = grid.staff.map((member) => member.duty);
      expect(duties.filter((duty) => duty === 'chief')).toHaveLength(1);
      expect(duties.filter((duty) => duty === 'police')).toHaveLength(1);
      expect(duties.filter((duty) => duty === 'specialist')).toHaveLength(1);
      expect(duties.filter((duty) => duty === 'part-timer').length).toBeGreaterThanOrEqual(2);
      expect(grid.staff.find((member) => member.duty === 'police')!.staffId).toBe(`${grid.communityId}-police`);
    }
  });

  it('tiles the city without overlaps or gaps', () => {
    // no point lies strictly inside two grids (sampled on a fine lattice over the whole city)
    const [west, south, east, north] = grids.map((grid) => boundingBoxOf(grid.boundary)).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    let inside = 0;
    const doublyOwned: string[] = [];
    for (let i = 1; i < 400; i++) {
      for (let j = 1; j < 200; j++) {
        const point = { lng: west + ((east - west) * i) / 400, lat: south + ((north - south) * j) / 200 };
        const owners = map.gridsContaining(point).filter((grid) => containsPointStrictly(grid.boundary, point));
        if (owners.length > 1) doublyOwned.push(`${point.lng},${point.lat}: ${owners.map((grid) => grid.id).join(' ')}`);
        inside += owners.length;
      }
    }
    expect(doublyOwned).toEqual([]);
    expect(inside).toBeGreaterThan(0.9 * 399 * 199);
    // and the grids' areas add up to the area inside the city's outline: no gaps, no double cover
    const total = grids.reduce((sum, grid) => sum + planarArea(grid.boundary), 0);
    expect(total).toBeCloseTo(planarArea({ type: 'Polygon', coordinates: [cityOutline()] }), 8);
  });

  it('routes pointInside and addressInside of every grid back to that grid', () => {
    const misrouted: string[] = [];
    for (const grid of grids) {
      const byPoint = router.execute({ point: pointInside(grid.id) });
      if (!byPoint.matched || byPoint.gridId !== grid.id || byPoint.communityId !== grid.communityId) misrouted.push(`point of ${grid.id}`);
      const byAddress = router.execute({ address: addressInside(grid.id) });
      if (!byAddress.matched || byAddress.method !== 'address' || byAddress.gridId !== grid.id) misrouted.push(`address of ${grid.id}: ${addressInside(grid.id)}`);
    }
    expect(misrouted).toEqual([]);
    expect(router.execute({ point: POINT_OUTSIDE_DEMO_CITY })).toEqual({ matched: false, reason: 'outside-every-grid' });
  });

  it('routes the households’ own addresses to their grids, given the community', () => {
    const communityName = new Map(city.units.map((unit) => [unit.id, unit.name]));
    const sample = city.households.filter((_, i) => i % 7 === 0);
    for (const household of sample) {
      const grid = map.grid(household.gridId)!;
      const address = household.address.startsWith(communityName.get(grid.communityId)!) ? household.address : `${communityName.get(grid.communityId)}${household.address}`;
      expect(router.execute({ address })).toMatchObject({ gridId: household.gridId });
    }
  });
});

/** The outline of the lattice: the outer edges of the border cells, walked counter-clockwise. */
function cityOutline(): number[][] {
  const corner = (column: number, row: number, which: number) => grids.find((grid) => grid.id === cellId(column, row))!.boundary.coordinates[0][which] as number[];
  const ring: number[][] = [];
  for (let column = 0; column < 40; column++) ring.push(corner(column, 0, 0));
  for (let row = 0; row < 20; row++) ring.push(corner(39, row, 1));
  for (let column = 39; column >= 0; column--) ring.push(corner(column, 19, 2));
  for (let row = 19; row >= 0; row--) ring.push(corner(0, row, 3));
  return [...ring, ring[0]];
}

/** Which grid covers lattice cell (column, row): the one whose interior point lies in that cell's base square. */
function cellId(column: number, row: number): string {
  const point = { lng: 109.8 + (column + 0.5) * 0.0075, lat: 40.55 + (row + 0.5) * 0.01 };
  return map.gridsContaining(point)[0].id;
}
