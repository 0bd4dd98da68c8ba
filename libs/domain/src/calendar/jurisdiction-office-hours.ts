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
  const configured = (id: string) => (Object.prototype.hasOwnProperty.call(byUnitId, id) ? byUnitId[id] : undefined);
  for (const unit of [unitOf(tree, unitId), ...ancestorsOf(tree, unitId)]) {
    const hours = configured(unit.id);
    if (hours) return hours;
  }
  return fallback;
}
