import { namesOfTree, unitNameFrom } from './org-unit-names';

describe('unit names from the grid org tree', () => {
  const tree = {
    id: 'bf',
    name: '北丰市',
    children: [
      { id: 'bf-d01', name: '东城区', children: [{ id: 'bf-d01-s01', name: '友谊路街道', children: [{ id: 'bf-d01-s01-c01', name: '锦华社区' }] }] },
      { id: 'dept-water', name: '北丰市水务局' },
    ],
  };

  it('names every node of the tree, the tree\'s name first for a department it holds', () => {
    const names = namesOfTree(tree);
    expect(names.size).toBe(5);
    expect(unitNameFrom(names, 'bf-d01-s01-c01')).toEqual({ zh: '锦华社区', en: '锦华社区' });
    expect(unitNameFrom(names, 'dept-water')).toEqual({ zh: '北丰市水务局', en: '北丰市水务局' });
  });

  it('names a department the tree does not hold by its type, and nothing else it does not know', () => {
    expect(unitNameFrom(namesOfTree(tree), 'dept-power')).toEqual({ zh: '供电公司', en: 'Power Supply' });
    expect(unitNameFrom(undefined, 'dept-urban-management')?.zh).toBe('城市管理综合执法局');
    expect(unitNameFrom(undefined, 'bf-d02-s03')).toBeUndefined();
  });

  it('refuses an answer that is not an org tree', () => {
    expect(() => namesOfTree({ id: 'bf', children: [{ id: 'x' }] } as never)).toThrow(/org tree/);
  });
});
