import { NotFoundException } from '@nestjs/common';
import { LOCAL_UNIT_FORMS, type OrgUnit } from '@civicflow/domain';
import type { GridMap } from '@civicflow/grid-routing';

/** A unit as the read APIs show it; `localFormName` is the level's local word (旗, 苏木, 嘎查 …). */
export interface UnitSummary {
  id: string;
  name: string;
  kind: OrgUnit['kind'];
  localForm?: string;
  localFormName?: string;
  departmentCode?: string;
}

export function unitSummary(unit: OrgUnit): UnitSummary {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    ...(unit.localForm ? { localForm: unit.localForm, localFormName: LOCAL_UNIT_FORMS[unit.localForm].zh } : {}),
    ...(unit.departmentCode ? { departmentCode: unit.departmentCode } : {}),
  };
}

/** City first, the unit itself last. */
export function pathOf(map: GridMap, unitId: string): UnitSummary[] {
  return map.orgPathOf(unitId).map((id) => unitSummary(map.unit(id)!));
}

export function unitNotFound(unitId: string): NotFoundException {
  return new NotFoundException({ message: `组织单位 ${unitId} 不存在 org unit not found` });
}

export function gridNotFound(gridId: string): NotFoundException {
  return new NotFoundException({ message: `网格 ${gridId} 不存在 grid not found` });
}
