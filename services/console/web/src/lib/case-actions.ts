// Which command buttons the case page offers: the commands of workflows/README.md, filtered by the user's role
// and unit and by the case's state as its workflow reports it. The server still decides (409 with the reason);
// this only keeps buttons the state cannot take off the screen.

export type CommandName =
  | 'dispatch'
  | 'redispatch'
  | 'accept'
  | 'return'
  | 'escalate'
  | 'summonDepartments'
  | 'reportIn'
  | 'refuse'
  | 'decideRefusal'
  | 'answer'
  | 'resolve'
  | 'suspend'
  | 'resume'
  | 'requestExtension'
  | 'decideExtension'
  | 'issueSupervisionNotice'
  | 'merge'
  | 'close';

export interface ActorLike {
  role: string;
  unitId: string;
}

export interface SummonsLike {
  departmentId: string;
  /** 'summoned' | 'reported-in' | 'refusal-pending' | 'answered' | 'released' (or a status added later) */
  status: string;
}

export interface CaseStateLike {
  stage: string;
  level: string | null;
  currentUnit: string | null;
  summonses: SummonsLike[];
  suspension?: { suspended: boolean } | null;
  pendingExtension?: unknown;
}

const COMMUNITY_STAFF = ['community-handler', 'grid-worker', 'mediator'];
const UNIT_STAFF = [...COMMUNITY_STAFF, 'street-coordinator'];
const HANDLING = new Set(['in-handling']);
const OPEN = new Set(['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended', 'resolved', 'under-review']);

/**
 * A user acts for the unit holding the case when it is their own unit, or when they are a grid's staff and the
 * case is with the grid's community (ids nest: bf-d01-s01 ⊃ bf-d01-s01-c01 ⊃ bf-d01-s01-c01-g01). A community's
 * staff do not act for their street.
 */
export function actsFor(userUnit: string, caseUnit: string | null): boolean {
  if (!caseUnit) return false;
  if (userUnit === caseUnit) return true;
  const rest = userUnit.startsWith(`${caseUnit}-`) ? userUnit.slice(caseUnit.length + 1) : null;
  return rest !== null && /^g\d+$/.test(rest);
}

/** The commands this user may try on this case now, in the order the buttons show. */
export function allowedCommands(user: ActorLike, view: CaseStateLike): CommandName[] {
  const out: CommandName[] = [];
  const { role } = user;
  const mine = actsFor(user.unitId, view.currentUnit);
  const staffHere = UNIT_STAFF.includes(role) && mine;
  const stage = view.stage;
  const suspended = stage === 'suspended' || !!view.suspension?.suspended;
  const mySummons = view.summonses.filter((s) => s.departmentId === user.unitId);
  const summonsesSettled = view.summonses.every((s) => s.status === 'answered' || s.status === 'released');

  if (stage === 'awaiting-dispatch' && (role === 'dispatcher' || role === 'operator')) out.push('dispatch');
  if (stage === 'returned' && (role === 'dispatcher' || role === 'supervisor')) out.push('redispatch');
  if (stage === 'dispatched' && staffHere) out.push('accept', 'return');
  if (HANDLING.has(stage)) {
    if (view.level === 'community' && ((COMMUNITY_STAFF.includes(role) && mine) || role === 'supervisor')) out.push('escalate');
    if (role === 'street-coordinator' && mine) out.push('summonDepartments');
    if (role === 'department-liaison') {
      if (mySummons.some((s) => s.status === 'summoned')) out.push('reportIn');
      if (mySummons.some((s) => s.status === 'reported-in')) out.push('answer');
      if (mySummons.some((s) => s.status === 'summoned' || s.status === 'reported-in')) out.push('refuse');
    }
    if ((role === 'street-coordinator' && mine) || role === 'supervisor') {
      if (view.summonses.some((s) => s.status === 'refusal-pending')) out.push('decideRefusal');
    }
    if (staffHere && summonsesSettled) out.push('resolve');
    if (staffHere && !view.pendingExtension) out.push('requestExtension');
    if (staffHere || role === 'supervisor') out.push('suspend');
  }
  if (suspended && (staffHere || role === 'supervisor')) out.push('resume');
  if (role === 'supervisor' && view.pendingExtension) out.push('decideExtension');
  if (role === 'supervisor' && OPEN.has(stage) && stage !== 'resolved' && stage !== 'under-review') out.push('issueSupervisionNotice');
  if ((stage === 'dispatched' || HANDLING.has(stage)) && ['operator', 'dispatcher', 'supervisor'].includes(role)) out.push('merge');
  if (stage === 'under-review' && role === 'supervisor') out.push('close');
  return out;
}
