import { type OrgTree, ancestorsOf, unitOf } from '../org/org-tree';
import { DEFAULT_OFFICE_HOURS, type OfficeHoursConfig } from './office-hours';

/**
 * Office hours of the jurisdiction a unit belongs to: its own entry, else the nearest ancestor's (a street
 * may keep summer hours its district does not), else the fallback.
 */
export function officeHoursForUnit(
  tree: OrgTree,
  unitId: string,
  byUnitId: Readonly<Record<string, OfficeHoursConfig>>,
  fallback: OfficeHoursConfig = DEFAULT_OFFICE_HOURS,
): OfficeHoursConfig {
  return officeHoursAlong([unitOf(tree, unitId), ...ancestorsOf(tree, unitId)].map((unit) => unit.id), byUnitId, fallback);
}

/** The same, along a chain of unit ids given nearest first (the unit, its parent, …, the city). */
export function officeHoursAlong(unitIds: readonly string[], byUnitId: Readonly<Record<string, OfficeHoursConfig>>, fallback: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): OfficeHoursConfig {
  for (const id of unitIds) {
    if (Object.prototype.hasOwnProperty.call(byUnitId, id)) return byUnitId[id];
  }
  return fallback;
}

/** The chain of a unit and its ancestors from a parent table (unit id → parent id, null at the root). */
export function unitChain(unitId: string, parents: Readonly<Record<string, string | null>>): string[] {
  const chain = [unitId];
  for (let parent = parents[unitId]; parent && !chain.includes(parent) && chain.length < 16; parent = parents[parent]) chain.push(parent);
  return chain;
}
