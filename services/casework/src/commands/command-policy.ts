import { AuthUser, isWithinJurisdiction } from '@civicflow/platform';
import { CaseCommandName, caseCommandUpdates, CaseView } from '@civicflow/workflows';

// Who may send each command is the role table's (libs/domain/src/vocabulary: mayIssue, rolesFor); the domain
// decides the rest (the right unit, the right department, the right stage) and answers 409 with its reason.

export function isCaseCommand(name: string): name is CaseCommandName {
  return Object.prototype.hasOwnProperty.call(caseCommandUpdates, name);
}

/** What a case lies in, for jurisdiction: its org path (as the read model knows it) and the units it is with now. */
export function caseJurisdiction(view: Pick<CaseView, 'streetId' | 'communityId' | 'currentUnit' | 'summonses'>, knownOrgPath: readonly string[] = []) {
  const orgPath = [...new Set([...knownOrgPath, view.streetId, view.communityId, view.currentUnit].filter((u): u is string => !!u))];
  const departmentIds = [...new Set(view.summonses.map((s) => s.departmentId))];
  return { orgPath, departmentIds };
}

/** City-level users (the root of the org tree) see every case; the others only what passes through their unit. */
export function mayActOnCase(user: AuthUser, cityUnitId: string, scope: { orgPath: readonly string[]; departmentIds: readonly string[] }): boolean {
  return user.unitId === cityUnitId || isWithinJurisdiction(user, scope.orgPath, scope.departmentIds);
}
