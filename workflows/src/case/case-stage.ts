// The case as people see it: the domain's status and rung, told as the stage and level of the one vocabulary
// (libs/domain/src/vocabulary). Pure and deterministic: imported by workflow code.
import type { CaseLevel, CaseStage, CaseState } from '@civicflow/domain';

/**
 * The rung of the ladder: the domain's level, or 督办 once a supervision notice was issued on the case (a
 * supervisor's own or the workflow's on a breach at the street or a department).
 */
export function wireLevel(state: CaseState): CaseLevel | null {
  if (state.level === null) return null;
  if (state.supervisionNotices.length > 0) return 'supervision';
  return state.level === 'departments' ? 'department' : state.level;
}

/** The stage: the status, with the steps before dispatch folded into registered and awaiting-dispatch. */
export function wireStage(state: CaseState): CaseStage {
  switch (state.status) {
    case 'new':
    case 'registered':
      return 'registered';
    case 'classified':
      return 'awaiting-dispatch';
    default:
      return state.status;
  }
}

/** Workflow id of a department's summons (child workflow): `<caseNumber>:summons:<department>:<n>`. */
export function summonsWorkflowId(caseNumber: string, departmentId: string, n: number): string {
  return `${caseNumber}:summons:${departmentId}:${n}`;
}
