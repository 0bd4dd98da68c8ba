import { routeLocationReplyV1 } from '@civicflow/contracts';
import { gridRecordOf } from '../../dataset/grid-dataset';
import { parseGridDataset } from '../../dataset/parse-grid-dataset';
import { smallCityInput } from '../../dataset/small-city.fixture';
import { GridMap } from '@civicflow/grid-routing';
import { LocationQuery, RouteLocationUseCase } from './route-location.usecase';

const dataset = parseGridDataset(smallCityInput());
const map = GridMap.build(dataset.units, dataset.grids.features.map(gridRecordOf));
const useCase = new RouteLocationUseCase({ current: () => map });

function gridOf(query: LocationQuery): string | undefined {
  const reply = useCase.execute(query);
  return reply.matched ? reply.gridId : undefined;
}

describe('routing a point', () => {
  it('answers the grid with its community, street, district, org path and staff in duty order', () => {
    const reply = useCase.execute({ point: { lng: 110.005, lat: 40.005 } });
    expect(reply).toEqual({
      matched: true,
      method: 'point',
      gridId: 'g-a',
      gridName: '阳光社区第1网格',
      communityId: 'cm1',
      communityName: '阳光社区',
      streetId: 's1',
      streetName: '东风街道',
      districtId: 'd1',
      orgPath: ['c', 'd1', 's1', 'cm1', 'g-a'],
      staff: [
        { staffId: 'a-chief', name: '格长甲', duty: 'chief', phoneMasked: '138****0001' },
        { staffId: 'cm1-police', name: '民警甲', duty: 'police' },
        { staffId: 'a-specialist', name: '专职甲', duty: 'specialist', phoneMasked: '139****0001' },
        { staffId: 'a-p1', name: '楼长甲', duty: 'part-timer' },
      ],
    });
    // what goes back over Kafka must satisfy the reply contract as it stands
    expect(routeLocationReplyV1.schema.safeParse(reply).success).toBe(true);
  });

  it('gives a point on an edge shared by two grids to the first of them in id order, every time', () => {
    expect(map.gridsContaining({ lng: 110.01, lat: 40.005 }).map((grid) => grid.id)).toEqual(['g-a', 'g-b']);
    expect(gridOf({ point: { lng: 110.01, lat: 40.005 } })).toBe('g-a');
    // the corner where g-a, g-b and g-c meet
    expect(map.gridsContaining({ lng: 110.01, lat: 40.01 }).map((grid) => grid.id)).toEqual(['g-a', 'g-b', 'g-c']);
    expect(gridOf({ point: { lng: 110.01, lat: 40.01 } })).toBe('g-a');
  });

  it('counts the outer boundary of the city as inside', () => {
    expect(gridOf({ point: { lng: 110.0, lat: 40.0 } })).toBe('g-a');
    expect(gridOf({ point: { lng: 110.02, lat: 40.02 } })).toBe('g-c');
  });

  it('treats a hole as outside its polygon: the grid filling the hole owns the point', () => {
    const inHole = { lng: 110.01, lat: 40.015 };
    expect(map.gridsContaining(inHole).map((grid) => grid.id)).toEqual(['g-d']);
    expect(gridOf({ point: { lng: 110.002, lat: 40.015 } })).toBe('g-c'); // beside the hole, still g-c
  });

  it('routes both parts of a MultiPolygon grid, and nothing in the gap between them', () => {
    expect(gridOf({ point: { lng: 110.055, lat: 40.005 } })).toBe('g-e');
    expect(gridOf({ point: { lng: 110.085, lat: 40.005 } })).toBe('g-e');
    expect(useCase.execute({ point: { lng: 110.07, lat: 40.005 } })).toEqual({ matched: false, reason: 'outside-every-grid' });
  });

  it('answers "not matched" for a point outside every grid, never an error', () => {
    expect(useCase.execute({ point: { lng: 109.5, lat: 40.4 } })).toEqual({ matched: false, reason: 'outside-every-grid' });
    expect(useCase.execute({ point: { lng: -74.0, lat: 40.7 } })).toEqual({ matched: false, reason: 'outside-every-grid' });
  });

  it('prefers the point to the address when both are given and the point is inside a grid', () => {
    expect(useCase.execute({ point: { lng: 110.015, lat: 40.005 }, address: '阳光小区1号楼' })).toMatchObject({ gridId: 'g-b', method: 'point' });
  });

  it('falls back to the address when the point is outside every grid', () => {
    expect(useCase.execute({ point: { lng: 109.5, lat: 40.4 }, address: '阳光小区5号楼' })).toMatchObject({ gridId: 'g-b', method: 'address' });
    expect(useCase.execute({ point: { lng: 109.5, lat: 40.4 }, address: '火星路1号' })).toEqual({ matched: false, reason: 'outside-every-grid' });
  });
});

describe('routing an address', () => {
  it.each([
    ['阳光小区5号楼3单元502', 'g-b'],
    ['阳光小区 5 栋', 'g-b'],
    ['阳光小区５幢', 'g-b'],
    ['阳光小区五号楼', 'g-b'],
    ['阳光小区4#', 'g-b'],
    ['东区东风街道阳光社区阳光小区2号楼', 'g-a'],
    ['幸福家园三号楼', 'g-c'],
    ['幸福公园东门', 'g-d'],
  ])('%s → %s (known compound and building, written the usual ways)', (address, gridId) => {
    expect(useCase.execute({ address })).toMatchObject({ matched: true, method: 'address', gridId });
  });

  it('tells apart compounds of the same name by the community named in the address', () => {
    expect(useCase.execute({ address: '阳光小区1号楼' })).toEqual({ matched: false, reason: 'address-unknown' });
    expect(gridOf({ address: '阳光社区阳光小区1号楼' })).toBe('g-a');
    expect(gridOf({ address: '幸福社区阳光小区1号楼' })).toBe('g-c');
  });

  it('does not guess when the longest match spans several grids', () => {
    expect(useCase.execute({ address: '阳光社区阳光小区' })).toEqual({ matched: false, reason: 'address-unknown' });
    expect(useCase.execute({ address: '阳光小区13号楼' })).toEqual({ matched: false, reason: 'address-unknown' });
  });

  it('routes a community named alone only when it has a single grid', () => {
    expect(useCase.execute({ address: '草原旗巴音苏木巴音嘎查' })).toMatchObject({ matched: true, gridId: 'g-e', communityId: 'cm3' });
    expect(useCase.execute({ address: '阳光社区' })).toEqual({ matched: false, reason: 'address-unknown' });
  });

  it('routes a village group by its gacha', () => {
    expect(gridOf({ address: '巴音嘎查二组' })).toBe('g-e');
  });

  it('answers "not matched" for an unknown or empty address', () => {
    expect(useCase.execute({ address: '火星路1号' })).toEqual({ matched: false, reason: 'address-unknown' });
    expect(useCase.execute({ address: '   ' })).toEqual({ matched: false, reason: 'no-location' });
    expect(useCase.execute({})).toEqual({ matched: false, reason: 'no-location' });
  });
});

describe('before any dataset is imported', () => {
  it('answers "not matched" for every place', () => {
    const empty = new RouteLocationUseCase({ current: () => GridMap.empty() });
    expect(empty.execute({ point: { lng: 110.005, lat: 40.005 } })).toEqual({ matched: false, reason: 'outside-every-grid' });
    expect(empty.execute({ address: '阳光小区1号楼' })).toEqual({ matched: false, reason: 'address-unknown' });
  });
});
