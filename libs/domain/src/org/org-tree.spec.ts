import { InvalidOrgTree, UnknownOrgUnit } from './org-errors';
import { ancestorsOf, childrenOf, createOrgTree, enclosingUnitOfKind, findServingDepartment, isWithin, levelOf } from './org-tree';
import type { OrgUnit } from './org-unit';

const units: OrgUnit[] = [
  { id: 'wuhai', name: '乌海市', kind: 'city', parentId: null },
  { id: 'haibowan', name: '海勃湾区', kind: 'district', parentId: 'wuhai', localForm: 'district' },
  { id: 'wuda', name: '乌达区', kind: 'district', parentId: 'wuhai', localForm: 'district' },
  { id: 'xinhua', name: '新华街道', kind: 'street', parentId: 'haibowan', localForm: 'street' },
  { id: 'binhe', name: '滨河社区', kind: 'community', parentId: 'xinhua', localForm: 'community' },
  { id: 'binhe-g03', name: '滨河社区第3网格', kind: 'grid', parentId: 'binhe' },
  { id: 'sanyi', name: '三义街道', kind: 'street', parentId: 'wuda', localForm: 'street' },
  { id: 'dept-housing', name: '乌海市住房和城乡建设局', kind: 'department', parentId: 'wuhai', departmentCode: 'housing' },
  { id: 'city-um', name: '乌海市城市管理综合执法局', kind: 'department', parentId: 'wuhai', departmentCode: 'urban-management' },
  { id: 'hbw-um', name: '海勃湾区城市管理综合执法局', kind: 'department', parentId: 'haibowan', departmentCode: 'urban-management' },
];
const tree = createOrgTree(units);

describe('org tree', () => {
  it('lists ancestors nearest first', () => {
    expect(ancestorsOf(tree, 'binhe-g03').map((unit) => unit.id)).toEqual(['binhe', 'xinhua', 'haibowan', 'wuhai']);
    expect(ancestorsOf(tree, 'wuhai')).toEqual([]);
  });

  it('checks jurisdiction with isWithin', () => {
    expect(isWithin(tree, 'binhe-g03', 'xinhua')).toBe(true);
    expect(isWithin(tree, 'binhe-g03', 'wuhai')).toBe(true);
    expect(isWithin(tree, 'xinhua', 'xinhua')).toBe(true);
    expect(isWithin(tree, 'binhe-g03', 'wuda')).toBe(false);
    expect(isWithin(tree, 'xinhua', 'binhe')).toBe(false);
    expect(isWithin(tree, 'nowhere', 'wuhai')).toBe(false);
    expect(isWithin(tree, 'binhe', 'nowhere')).toBe(false);
  });

  it('knows levels, children and enclosing units', () => {
    expect(levelOf(tree, 'binhe')).toBe('community');
    expect(levelOf(tree, 'dept-housing')).toBe('department');
    expect(childrenOf(tree, 'xinhua').map((unit) => unit.id)).toEqual(['binhe']);
    expect(enclosingUnitOfKind(tree, 'binhe-g03', 'street')?.id).toBe('xinhua');
    expect(enclosingUnitOfKind(tree, 'xinhua', 'street')?.id).toBe('xinhua');
    expect(enclosingUnitOfKind(tree, 'wuhai', 'street')).toBeUndefined();
    expect(() => levelOf(tree, 'nowhere')).toThrow(UnknownOrgUnit);
  });

  it('finds the district department before the city one', () => {
    expect(findServingDepartment(tree, 'xinhua', 'urban-management')?.id).toBe('hbw-um');
    expect(findServingDepartment(tree, 'sanyi', 'urban-management')?.id).toBe('city-um');
    expect(findServingDepartment(tree, 'xinhua', 'housing')?.id).toBe('dept-housing');
    expect(findServingDepartment(tree, 'xinhua', 'police')).toBeUndefined();
  });

  it.each<[string, OrgUnit[], RegExp]>([
    ['duplicate id', [...units, { id: 'binhe', name: 'x', kind: 'community', parentId: 'xinhua' }], /duplicate id/],
    ['missing parent', [...units, { id: 'x', name: 'x', kind: 'community', parentId: 'ghost' }], /parent 'ghost'/],
    ['skipped level', [...units, { id: 'x', name: 'x', kind: 'community', parentId: 'haibowan' }], /community cannot sit under a district/],
    ['two roots', [...units, { id: 'baotou', name: '包头市', kind: 'city', parentId: null }], /exactly one root/],
    ['unknown department', [...units, { id: 'x', name: 'x', kind: 'department', parentId: 'wuhai', departmentCode: 'magic' }], /unknown department code 'magic'/],
    ['wrong local form', [...units, { id: 'x', name: 'x', kind: 'street', parentId: 'wuda', localForm: 'gacha' }], /local form 'gacha'/],
  ])('rejects a tree with a %s', (_label, badUnits, message) => {
    expect(() => createOrgTree(badUnits)).toThrow(InvalidOrgTree);
    expect(() => createOrgTree(badUnits)).toThrow(message);
  });
});
