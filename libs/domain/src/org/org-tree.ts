import { DEPARTMENT_CODES } from '../vocabulary/departments';
import { InvalidOrgTree, UnknownOrgUnit } from './org-errors';
import { ALLOWED_PARENT_KINDS, LOCAL_UNIT_FORMS, type OrgUnit, type OrgUnitKind } from './org-unit';

/** A validated organisation tree with an index by id and by parent. */
export interface OrgTree {
  readonly units: ReadonlyMap<string, OrgUnit>;
  readonly children: ReadonlyMap<string, readonly OrgUnit[]>;
}

/**
 * Builds and checks a tree: unique ids, exactly one root city, every parent present and of the kind one
 * level up, local forms matching their level, departments carrying a known code. Because each kind may only
 * hang under a shallower kind, the tree cannot contain a cycle.
 */
export function createOrgTree(units: readonly OrgUnit[], departmentCodes: readonly string[] = DEPARTMENT_CODES): OrgTree {
  const byId = new Map<string, OrgUnit>();
  for (const unit of units) {
    if (!unit.id) throw new InvalidOrgTree(String(unit.id), '缺少 id', 'id is missing');
    if (byId.has(unit.id)) throw new InvalidOrgTree(unit.id, 'id 重复', 'duplicate id');
    byId.set(unit.id, unit);
  }
  const roots = units.filter((unit) => unit.parentId === null);
  if (roots.length !== 1 || roots[0].kind !== 'city') {
    throw new InvalidOrgTree(roots[0]?.id ?? '(root)', '必须有且只有一个市级根单位', 'there must be exactly one root, a city');
  }
  const children = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    if (unit.parentId !== null) {
      const parent = byId.get(unit.parentId);
      if (!parent) throw new InvalidOrgTree(unit.id, `上级单位 ${unit.parentId} 不存在`, `parent '${unit.parentId}' does not exist`);
      if (!ALLOWED_PARENT_KINDS[unit.kind].includes(parent.kind)) {
        throw new InvalidOrgTree(unit.id, `${unit.kind} 不能隶属于 ${parent.kind}`, `a ${unit.kind} cannot sit under a ${parent.kind}`);
      }
      children.set(parent.id, [...(children.get(parent.id) ?? []), unit]);
    }
    if (unit.localForm && LOCAL_UNIT_FORMS[unit.localForm]?.level !== unit.kind) {
      throw new InvalidOrgTree(unit.id, `称谓 ${unit.localForm} 与层级 ${unit.kind} 不符`, `local form '${unit.localForm}' does not fit a ${unit.kind}`);
    }
    if (unit.kind === 'department' && !departmentCodes.includes(unit.departmentCode ?? '')) {
      throw new InvalidOrgTree(unit.id, `未知的部门代码 ${unit.departmentCode}`, `unknown department code '${unit.departmentCode}'`);
    }
  }
  return { units: byId, children };
}

export function unitOf(tree: OrgTree, unitId: string): OrgUnit {
  const unit = tree.units.get(unitId);
  if (!unit) throw new UnknownOrgUnit(unitId);
  return unit;
}

export function levelOf(tree: OrgTree, unitId: string): OrgUnitKind {
  return unitOf(tree, unitId).kind;
}

export function childrenOf(tree: OrgTree, unitId: string): readonly OrgUnit[] {
  return tree.children.get(unitId) ?? [];
}

/** Parent, grandparent, … up to the city; nearest first, the unit itself excluded. */
export function ancestorsOf(tree: OrgTree, unitId: string): OrgUnit[] {
  const ancestors: OrgUnit[] = [];
  for (let parentId = unitOf(tree, unitId).parentId; parentId !== null; ) {
    const parent = unitOf(tree, parentId);
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return ancestors;
}

/** The unit itself or its nearest ancestor of the given kind, e.g. the street of a grid. */
export function enclosingUnitOfKind(tree: OrgTree, unitId: string, kind: OrgUnitKind): OrgUnit | undefined {
  const unit = unitOf(tree, unitId);
  return unit.kind === kind ? unit : ancestorsOf(tree, unitId).find((ancestor) => ancestor.kind === kind);
}

/**
 * Jurisdiction check: is the unit the root itself or below it? Unknown ids answer false, so an access check
 * built on this denies rather than throws on stale data.
 */
export function isWithin(tree: OrgTree, unitId: string, jurisdictionRootId: string): boolean {
  if (!tree.units.has(unitId) || !tree.units.has(jurisdictionRootId)) return false;
  return unitId === jurisdictionRootId || ancestorsOf(tree, unitId).some((ancestor) => ancestor.id === jurisdictionRootId);
}

/**
 * The department unit with the given code that serves a unit: a district's own department first, else the
 * city's. This is whom a street summons (吹哨) for that department code.
 */
export function findServingDepartment(tree: OrgTree, unitId: string, departmentCode: string): OrgUnit | undefined {
  for (const scope of [unitOf(tree, unitId), ...ancestorsOf(tree, unitId)]) {
    const department = childrenOf(tree, scope.id).find((child) => child.kind === 'department' && child.departmentCode === departmentCode);
    if (department) return department;
  }
  return undefined;
}
