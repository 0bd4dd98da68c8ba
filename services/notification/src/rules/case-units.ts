import { CaseLevel, Role } from '@civicflow/contracts';
import { ORG_LEVEL_DEPTH } from '@civicflow/domain';
import { Audience } from '../recipients/recipient';
import { RuleContext } from './notice';

/** Which role answers for a case at each level of the ladder (case.resolved names the level and the unit). */
export const ROLE_AT_LEVEL: Record<CaseLevel, Role> = {
  community: 'community-handler',
  street: 'street-coordinator',
  department: 'department-liaison',
  supervision: 'supervisor',
};

/** What a case event says about where the case stands. */
export interface CasePlace {
  caseNumber: string;
  level: CaseLevel | null;
  unitId: string | null;
}

/** A department's unit id: the workflow names a summoned department by its unit (`dept-<code>`); a bare code is prefixed. */
export function departmentUnitId(departmentId: string): string {
  return departmentId.startsWith('dept-') ? departmentId : `dept-${departmentId}`;
}

/** The street of a case: the unit itself at the street level, else what dispatch / escalation / registration said. */
export async function streetOf(data: CasePlace, context: RuleContext): Promise<string | undefined> {
  if (data.level === 'street' && data.unitId) return data.unitId;
  const known = await context.facts.get(data.caseNumber);
  return known?.streetId ?? known?.orgPath?.[ORG_LEVEL_DEPTH.street];
}

/**
 * Who answers for the unit holding a case. At the department and supervision levels the case is still held by
 * its assignee (the community or, usually, the street), so the unit decides: the street's coordinator, a
 * department's liaison, else the community's handlers.
 */
export function holderRole(level: CaseLevel | null, unitId: string, streetId: string | undefined): Role {
  if (level === 'community' || level === 'street') return ROLE_AT_LEVEL[level];
  if (unitId.startsWith('dept-')) return 'department-liaison';
  if (streetId && unitId !== streetId) return 'community-handler';
  return 'street-coordinator';
}

/** The staff of the unit holding the case, or undefined when no unit holds it (before dispatch, after a return). */
export async function holderAudience(data: CasePlace, context: RuleContext): Promise<Extract<Audience, { kind: 'role' }> | undefined> {
  if (!data.unitId) return undefined;
  return { kind: 'role', role: holderRole(data.level, data.unitId, await streetOf(data, context)), unitId: data.unitId };
}

/** The street that summoned a case's departments: the street holding it, as far as the case's facts tell. */
export async function summoningStreetAudience(data: CasePlace, context: RuleContext): Promise<Extract<Audience, { kind: 'role' }> | undefined> {
  const streetId = await streetOf(data, context);
  return streetId ? { kind: 'role', role: 'street-coordinator', unitId: streetId } : undefined;
}

/** The city's supervisors (督查员 of NOTIFICATION_CITY_UNIT_ID). */
export function citySupervisors(context: RuleContext): Extract<Audience, { kind: 'role' }> {
  return { kind: 'role', role: 'supervisor', unitId: context.cityUnitId };
}

/** Remembers the street once the case is at the street level, for later warnings about its departments and communities. */
export async function rememberStreet(data: CasePlace, context: RuleContext): Promise<void> {
  if (data.level === 'street' && data.unitId) await context.facts.recordCase(data.caseNumber, { streetId: data.unitId }, context.now);
}
