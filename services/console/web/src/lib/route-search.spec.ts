import { firstMatch, type RouteOption } from './route-search';

const grid = (id: string, name: string): RouteOption => ({ value: id, label: name });
const tree: RouteOption[] = [
  { value: 's1', label: '东城街道', children: [
    { value: 'c1', label: '锦华社区', children: [grid('g1', '锦华社区第1网格'), grid('g10', '锦华社区第10网格')] },
    { value: 'c2', label: '和平社区', children: [grid('g3', '和平社区第1网格')] },
  ] },
  { value: 's2', label: '西城街道', children: [{ value: 'c3', label: '新华社区', children: [] }] },
];

describe('the route picker’s first match', () => {
  it('takes the first path listed: a grid typed in full, the grid', () => {
    expect(firstMatch(tree, '锦华社区第1网格')).toEqual(['s1', 'c1', 'g1']);
  });
  it('takes a unit before the units under it (a community typed: the community)', () => {
    expect(firstMatch(tree, ' 和平社区 ')).toEqual(['s1', 'c2']);
    expect(firstMatch(tree, '西城')).toEqual(['s2']);
  });
  it('finds nothing for nothing typed or no name containing it', () => {
    expect(firstMatch(tree, '  ')).toBeNull();
    expect(firstMatch(tree, '朝阳')).toBeNull();
  });
});
